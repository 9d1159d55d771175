"""The words a query names the people it asks about by, as facts' subjects spell them
(ask.py reads whose fact a query asks with them): a relative said in several words ("my
mother in law", "my wife's mother", "my sister's son": ``relatives_as_one``), a word for
any relative of a kind ("my partner", "my siblings"), several at once ("my parents", "the
kids": groups, and every word for each member), which of several relatives ("my younger
brother": ``which_ones``), a pet by its kind ("my dog", "the cat").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .extract.kin import (
    IN_LAW_CAPS,
    IN_LAW_HEADS,
    IN_LAW_SHORT,
    RELATIONS,
    kin,
    kin_words,
    one_relative,
    relation_key,
)
from .extract.lexicon import PET_ANIMAL, PET_THINGS
from .facts import USER

# Words for several relatives at once, after "my" / "our": the question is about each of
# them the collection knows ("where do my parents live?": the mum and the dad), or the
# group as such when it knows none ("my parents live in Izmir" keys no fact: the words
# of the question find it), never the user.
_CHILDREN = frozenset(kin(w) for w, r in RELATIONS.items() if r == "children")
GROUPS: dict[str, tuple[frozenset[str], tuple[str, ...]]] = {
    # each group word: the relatives in it, as kin() names them, and the attributes of
    # the user that record who they are ("what are my kids called?")
    "parents": (frozenset(("mum", "dad")), ("mother", "father")),
    "folks": (frozenset(("mum", "dad")), ("mother", "father")),
    "grandparents": (frozenset(("grandma", "grandpa")), ("relatives",)),
    "grandkids": (frozenset(("grandson", "granddaughter")), ("relatives",)),
    "grandchildren": (frozenset(("grandson", "granddaughter")), ("relatives",)),
    "kids": (_CHILDREN, ("children",)),
    "children": (_CHILDREN, ("children",)),
    "in-laws": (frozenset(w for w in RELATIONS if w.endswith("-in-law")), ("relatives",)),
}
# The words after "my" that make it someone else's question ("my sister", "my parents").
_PEOPLE_WORDS = frozenset((*RELATIONS, *GROUPS))


# The words for a younger and an older relative of a kind ("my little brother" is the
# younger one; "my big sister" the older); any other which-word only as itself.
_YOUNGER = frozenset(("little", "younger", "youngest", "baby", "wee", "kid"))
_OLDER = frozenset(("big", "older", "elder", "eldest", "oldest"))


def which_ones(
    which: tuple[str, str], people: Sequence[str], said: dict[str, list[str]]
) -> tuple[str, ...]:
    """Of ``people``, those a question asking which relative of several (``Ask.which``:
    "where does my younger brother work?") asks about: those the statements ``said`` of
    them say to be that one ("my little brother Tom"); else those not said to be the
    other ("my big brother Sam" is not the younger); else all of them. ``said``: person
    (``brother:Tom``) → the statements of the facts about them."""
    word, relation = which
    sense = _YOUNGER if word in _YOUNGER else _OLDER if word in _OLDER else frozenset((word,))
    other = _OLDER if sense is _YOUNGER else _YOUNGER if sense is _OLDER else frozenset()
    # the words for that relative, and for any one of a kind ("my oldest" is a kid: "my
    # eldest daughter Amy", "my eldest, Amy,")
    relatives = [*kin_words(relation), relation]
    relatives += [w for one in sorted(_ANY_OF.get(relation, ())) for w in kin_words(one)]
    of_them = [s for s in people if s in said and one_of(s, which)]

    def says(subject: str, words: frozenset[str]) -> bool:
        if not words:
            return False
        name = re.escape(subject.split(":", 1)[1])
        which = either(words)
        relative = rf"(?:my|our)\s+(?:{which})(?:\s+(?:{either(relatives)}))?\b"
        # "my little brother Tom", "Tom, my little brother", "Tom is my little brother",
        # "Joe is the youngest", "my brother Sam is older"
        pattern = re.compile(
            rf"{relative}[\s,]*{name}\b|\b{name}\b,?\s+{relative}"
            rf"|\b{name}\s+(?:is|'s)\s+(?:the\s+|my\s+|our\s+)?(?:{which})\b",
            re.I,
        )
        # (one person keyed by two words is one: "kid:Mia" and "daughter:Mia")
        same = [x for x in of_them if x.split(":", 1)[1] == subject.split(":", 1)[1]]
        return any(pattern.search(statement) for x in same for statement in said[x])

    these = [s for s in of_them if says(s, sense)] or [s for s in of_them if not says(s, other)]
    return tuple(s for s in people if s not in of_them or s in these or not these)


def one_of(subject: str, which: tuple[str, str]) -> bool:
    """Whether a subject (``daughter:Amy``) is a relative of the kind a question asking
    which one names (``Ask.which``: a daughter for "my eldest daughter", any child for
    "my oldest")."""
    return ":" in subject and is_asked(subject.split(":", 1)[0], [which[1]])


def either(words: Iterable[str]) -> str:
    """A pattern of any of ``words`` as written, the longest tried first."""
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


# The words for a relative's group, said of them too ("the kids start at St Mary's"
# answers "where does my son go to school?"): by the relation RELATIONS records.
_GROUP_OF = {"children": ("kids", "children"), "mother": ("parents", "folks")}
_GROUP_OF["father"] = _GROUP_OF["mother"]
# The words for several relatives at once ("the kids", "the folks"), with their plurals.
GROUP_WORDS = frozenset((*GROUPS, *(w for words in _GROUP_OF.values() for w in words)))


def _kin(words: list[str], groups: list[str]) -> tuple[str, ...]:
    """Every word for the user's relatives that the relation words and group words of a
    query name, and their plurals ("sisters"); not "mother" in "mother-in-law", not
    "Tom's mother"."""
    found: list[str] = []
    for i, word in enumerate(words):
        # the user's relative ("my sister", "my little sister", "user's mum"), not Tom's
        owner = words[i - 2 : i - 1] if i > 1 and words[i - 1] not in ("s", "my", "our") else []
        ours = _mine(words, i) or the_users(words, i) or owner in (["my"], ["our"])
        if (
            ours
            and word in RELATIONS
            and words[i + 1 : i + 3] not in (["in", "law"], ["in", "laws"])
        ):
            found += kin_words(word)
            found += [w for one in sorted(_ANY_OF.get(word, ())) for w in kin_words(one)]
            found += _GROUP_OF.get(RELATIONS[word], ())
    for group in groups:
        members = GROUPS[group][0]
        if members:  # "parents" is also "folks", and each mum and dad by any word
            found += [g for g, (them, _) in GROUPS.items() if them == members]
            found += [w for member in sorted(members) for w in kin_words(member)]
    plurals = [w + "s" for w in found if w.isascii() and w.isalpha() and not w.endswith("s")]
    return tuple(dict.fromkeys([*found, *plurals]))


def before_people(words: list[str], at: int) -> bool:
    """Whether the word at ``at`` ("my") is said of a relative that follows it, words for
    which one it is aside: "my sister", "my youngest sister", "my big brother"."""
    after = at + 1
    while after < len(words) and words[after] in WHICH_ONE:
        after += 1
    return after < len(words) and words[after] in _PEOPLE_WORDS


# A pet asked about by its kind: "my dog", "the cat", "user's puppy" (one word of a kind
# said in two: "my golden retriever"), as the animal it is (a puppy is a dog); several
# as one ("how old are my cats?").
_PET_PLURALS = {"puppies": "puppy", **{w + "s": w for w in PET_ANIMAL}}


def animal(word: str) -> str:
    """The animal a word names as a kind of pet ("dog" for "dogs", "puppy", "beagle"),
    or ""."""
    return PET_ANIMAL.get(_PET_PLURALS.get(word, word), "")


def pet_asked(words: list[str]) -> str:
    """The animal a question asks about as a pet ("dog" for "what does the dog eat?"), or
    ""."""
    for i, word in enumerate(words):
        kind = animal(word)
        if (
            kind
            and (_mine(words, i) or words[i - 1 : i] == ["the"] or the_users(words, i))
            # (not "my cat allergy", "the dog walker")
            and not (words[i + 1 : i + 2] and words[i + 1] in PET_THINGS)
        ):
            return kind
    return ""


def pets_known(known: set[str], kind: str) -> list[str]:
    """The user's pets of an animal the collection knows by name ("dog:Rex",
    "retriever:Biscuit"), and each name keyed as a subject of its own ("Rex is 5 years
    old")."""
    named = sorted(s for s in known if animal(s.split(":", 1)[0]) == kind)
    return named + [s.split(":", 1)[1] for s in named if s.split(":", 1)[1] in known]


# Words that say which relative ("my youngest sister", "my elder brother", "my twin
# brother", "my step mum"), between "my" and the relation word.
WHICH_ONE = frozenset(
    """little big younger older youngest eldest oldest elder baby twin middle step half new
    ex best late wee""".split()  # noqa: SIM905
)


def which_child(word: str, known: set[str]) -> str:
    """The relation a question's "my oldest" / "my youngest" asks about: the word itself
    when a subject of the collection is that child ("eldest:Josh" for "my oldest"), else
    any child ("kid")."""
    if word in RELATIONS and any(kin(s.split(":", 1)[0]) == kin(word) for s in known):
        return word
    return "kid"


# Relatives by marriage, said in three words ("mother in law", "mother-in-law"), short
# after "my" / "our" or capitalised ("my mil", "where does MIL live?"), or as a spouse's
# parent ("my wife's mother"): one word, as facts' subjects spell them
# ("mother-in-law:Carol"), not the mother. "My brother in law school" studies law; "1
# mil" is a sum.
_LAW_AS_STUDIED = frozenset(
    ("school", "schools", "enforcement", "firm", "firms", "student", "students", "degree")
)
# (whose, whom, as kin() names them) → the relative by marriage: a spouse's parent, the
# one of that word (not a sibling's spouse, a spouse's sibling or a child's spouse: one
# of several, "my brother's wife Meg" beside "my sister-in-law Rita").
_BY_MARRIAGE = {
    **{(p, "mum"): "mother-in-law" for p in ("wife", "husband", "spouse", "partner")},
    **{(p, "dad"): "father-in-law" for p in ("wife", "husband", "spouse", "partner")},
}


# (a sibling, a child, as kin() names them) → the relative: "my sister's son" is a nephew.
_A_SIBLINGS_CHILD = {
    **{(s, "son"): "nephew" for s in ("sister", "brother")},
    **{(s, "daughter"): "niece" for s in ("sister", "brother")},
}
# … and other relatives' relatives, as kin() names them: "my mum's mum" is a grandma,
# "my dad's sister" an aunt, "my uncle's son" a cousin, "my son's daughter" a
# granddaughter.
_KIN_OF_KIN = {
    **{(p, "mum"): "grandma" for p in ("mum", "dad")},
    **{(p, "dad"): "grandpa" for p in ("mum", "dad")},
    **{(p, "sister"): "aunt" for p in ("mum", "dad")},
    **{(p, "brother"): "uncle" for p in ("mum", "dad")},
    **{(p, c): "cousin" for p in ("aunt", "uncle") for c in ("son", "daughter")},
    **{(c, "son"): "grandson" for c in ("son", "daughter")},
    **{(c, "daughter"): "granddaughter" for c in ("son", "daughter")},
}


def relatives_as_one(words: list[str], query: str, known: set[str]) -> list[str]:
    """The query's words with a relative said in several made one word, as facts'
    subjects spell them: a relative by marriage ("mother in law", "my MIL"), a spouse's
    parent or another relative's relative the collection knows by that word ("my wife's
    mother", "my mum's mum" → grandma), a sibling's child (a nephew, a niece)."""
    written = {w.lower() for w in _SHORT_WRITTEN.findall(query)}
    out: list[str] = []
    at = 0
    while at < len(words):
        word = words[at]
        if (
            word in IN_LAW_HEADS
            and words[at + 1 : at + 3] == ["in", "law"]
            and words[at + 3 : at + 4] not in [[w] for w in _LAW_AS_STUDIED]
        ):
            out.append(relation_key(f"{word}-in-law"))
            at += 3
            continue
        if word == "parents" and words[at + 1 : at + 3] == ["in", "law"]:
            out.append("in-laws")  # "my parents in law", "parents-in-law"
            at += 3
            continue
        pair = (kin(word), kin(words[at + 2])) if at + 2 < len(words) else None
        whose = _BY_MARRIAGE.get(pair) if pair else None
        if whose and words[at + 1] == "s" and _mine(words, at) and _knows(known, whose):
            # "my wife's mother": "my mother-in-law", if the collection knows one (else
            # the words find "my wife's mum lives in Leeds")
            out.append(whose)
            at += 3
            continue
        if pair in _A_SIBLINGS_CHILD and words[at + 1] == "s" and _mine(words, at):
            # "my sister's son": "my nephew", as the rules key him
            out.append(_A_SIBLINGS_CHILD[pair])
            at += 3
            continue
        kin_of_kin = _KIN_OF_KIN.get(pair) if pair else None
        if kin_of_kin and words[at + 1] == "s" and _mine(words, at) and _knows(known, kin_of_kin):
            # "my mum's mum": "my grandma", if the collection knows one
            out.append(kin_of_kin)
            at += 3
            continue
        short = word in IN_LAW_SHORT and (_mine(out, len(out)) or word in written)
        out.append(relation_key(word) if short else word)
        at += 1
    return out


def _knows(known: set[str], relation: str) -> bool:
    """Whether the collection knows a relative of that word (by any word for them)."""
    return any(kin(s.split(":", 1)[0]) == kin(relation) for s in known if ":" in s)


_SHORT_WRITTEN = re.compile(r"(?<![\w-])" + IN_LAW_CAPS + r"(?![\w-])")


def _mine(words: list[str], at: int) -> bool:
    """Whether the word at ``at`` follows "my" or "our"."""
    return at > 0 and words[at - 1] in ("my", "our")


def _member(subject: str, members: frozenset[str]) -> bool:
    """Whether a subject key is one of a group's relatives ("kid:Leo" of the children)."""
    return subject != USER and kin(subject.split(":", 1)[0]) in members


def the_users(words: list[str], at: int) -> bool:
    """Whether the word at ``at`` follows an agent's "user" ("user children ages", "the
    user's kids")."""
    before = words[max(at - 2, 0) : at]
    return bool(before) and (before[-1] in ("user", "users") or before == ["user", "s"])


def singular(word: str) -> str:
    """A relation word for each of several ("sisters" → "sister", "sons" → "son"), as a
    fact's subject spells it; other words, and the group words, as they are."""
    if word in RELATIONS or word in GROUPS or word == "twins":  # "our twins": children
        return word
    return word[:-1] if word.endswith("s") and word[:-1] in RELATIONS else word


# Words for any relative of a kind: "my partner" or "my spouse" is the wife, the husband,
# the girlfriend…; "my siblings" each sister and brother; a kid or a child each son and
# daughter ("how old is my son?" asks about the kids of "our two children, Youssef and
# Salma", when no son is known by that word).
_PARTNERS = frozenset(kin(w) for w, kind in RELATIONS.items() if kind == "partner")
_ANY_OF = {
    "partner": _PARTNERS,
    "spouse": _PARTNERS,
    "sibling": frozenset(kin(w) for w, kind in RELATIONS.items() if kind == "siblings"),
    "kid": _CHILDREN,
    "child": _CHILDREN,
}


def is_asked(relation: str, asked: list[str]) -> bool:
    """Whether the relation word of a subject is one the query asks about: the same
    relative ("nan" for "grandma"), or one of a kind by its word ("my boyfriend" asks
    about a "partner" the user started dating, "my spouse" about a wife, "my siblings"
    about a brother)."""
    mine = kin(relation)
    return any(
        one_relative(relation, word)
        or (
            kin(word) not in _BY_ORDER  # "my oldest" is the eldest, not any child
            and (mine in _ANY_OF.get(word, ()) or kin(word) in _ANY_OF.get(mine, ()))
        )
        for word in asked
    )


_BY_ORDER = frozenset(kin(w) for w in ("eldest", "youngest"))
