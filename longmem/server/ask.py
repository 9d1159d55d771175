"""What a search asks about: whose fact, and which attribute — read with the lexicon the
facts were stored by (facts.ATTRIBUTES), so "where does my sister live?" finds the fact
keyed ``sister:Anna / home`` whatever its words.

Whose
  the user's own name ("What is Maya's job?"), "I" / "me" / "my" / "we", or no one named
  → the user; a relation word ("my husband", "my sister") → the subjects of that relation
  the collection knows (a partner by any word for one: "my boyfriend" is also the
  ``partner`` the user started dating); a name the collection knows ("Yui", "Zofia") →
  that subject. A relation word with nothing else asked ("Who is my manager?", "What's
  my daughter called?") asks for the relation itself: the user's ``manager``.
Which
  the attributes its words ask (ask_which.py), the better-fitting first.

``analyse`` reads both, and whether the query asks what held before ("where did I live
before?", "what was my old job?"). The words for the people a query asks about
(relatives said in several words, groups, which of several, pets) are ask_whose.py's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .ask_which import ASKED_BY, OF_A_VISIT, _attributes, avoid_said
from .ask_whose import (
    GROUPS,
    WHICH_ONE,
    _kin,
    _member,
    _mine,
    animal,
    before_people,
    is_asked,
    pet_asked,
    pets_known,
    relatives_as_one,
    singular,
    the_users,
    which_child,
)
from .embed import STOP_WORDS, tokens
from .extract.kin import IN_LAW_SHORT, RELATIONS, kin, relation_key
from .extract.lexicon import MONTH_NAMES, WEEKDAYS
from .facts import RELATION_ATTRIBUTES, ROLE_ATTRIBUTES, USER

_SELF = frozenset(("i", "me", "my", "mine", "myself", "we", "us", "our", "user"))
_STILL = frozenset(("still", "anymore"))
# Words before a relation for one the user had: "my ex wife", "my former boss".
_FORMER_WORDS = frozenset(("ex", "former"))
# Which child, said for the child: "my oldest", "our youngest one".
_WHICH_CHILD = frozenset(("oldest", "eldest", "youngest", "middle"))
# What follows whom a question asks about: "where does my oldest go to school?", "what
# does our youngest like?", "my eldest's teacher".
_AFTER_WHOM = frozenset(
    """s is go goes do does live lives work works study studies like likes play plays want
    wants need needs eat eats turn turns start starts""".split()  # noqa: SIM905
)
# Words for a relative only after "my" / "our" (the extractor does not key them at all).
_MY_ONLY = {"gran": "grandma"}
# A query's words as written (for their capitals).
_WRITTEN = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Ask:
    subjects: tuple[str, ...]  # subject keys; "rel:" means every named one of that relation
    attributes: tuple[str, ...]  # best-fitting first
    drop: frozenset[str]  # query words that name the subject, not what is asked
    # Whether it asks if something still holds ("Is my dad still working?"): then a
    # denial or an ending of the asked key ("User's dad retired") is an answer.
    still: bool = False
    # Every word for the relatives the query asks about by a relation or group word
    # ("my nan": grandma, granny, nana…; "my parents": mum, mom, dad, folks…), for what
    # was said of them that no fact keys ("my mum and dad retired to Cornwall").
    kin: tuple[str, ...] = ()
    # Whether it names the user as a person ("I", "me"), not only as whose ("my"): "what
    # do my kids call me?" asks about the user, "what's my nephew called?" does not.
    me: bool = False
    # Whether it asks what held before ("where did I live before?", "user previous
    # employers", "what was my old job?"): then what held before is the answer.
    past: bool = False
    # Whether it names one relative by one relation word ("who is my grandma?"; not "who
    # are my aunts and uncles?", "who is my uncle's son?"): then only what names that
    # relative is who they are.
    one_relative: bool = False
    # The animal it asks about as a pet ("what's my dog called?": a dog): only the user's
    # pets of that animal answer which pets the user has.
    pet: str = ""
    # Which of several relatives of a kind it asks about ("my younger brother", "my big
    # sister"): the word said before the relation word, and the relation word.
    which: tuple[str, str] = ("", "")


# A partner called so: "what's my other half's job?" (not "the other half of the pizza").
_OTHER_HALF = re.compile(r"\b(?P<whose>my|our|user'?s?)\s+(?:other|better)\s+half\b", re.I)


def analyse(query: str, known: set[str], user_names: Sequence[str] = ()) -> Ask:
    """The key a query asks about (no attributes when it names none). ``user_names``: the
    names the user goes by (the name, then another: "Katarzyna", "Kasia")."""
    query = _OTHER_HALF.sub(r"\g<whose> partner", query)
    words = relatives_as_one(avoid_said(tokens(query)), query, known)
    # "my gran" is a grandma; "Gran Canaria" is not, so the word counts only after "my".
    # A relation word as keys spell it ("fiancée" is fiancee:Zanele's); other words as typed.
    words = [
        key if (key := relation_key(w)) in RELATIONS and w not in IN_LAW_SHORT else w for w in words
    ]
    words = [_MY_ONLY.get(w, singular(w)) if _mine(words, i) else w for i, w in enumerate(words)]
    # "how old is my oldest?", "where does our youngest one go to school?": that child, if
    # the collection knows one by that word ("our eldest, Josh"), else any child
    child = [
        (i, w)
        for i, w in enumerate(words)
        if w in _WHICH_CHILD
        and _mine(words, i)
        and (words[i + 1 : i + 2] in ([], ["one"]) or words[i + 1] in _AFTER_WHOM)
    ]
    # (and, any child, which of them: "my oldest" is the child said to be the oldest)
    which = next(((w, "kid") for i, w in child if which_child(w, known) == "kid"), ("", ""))
    for i, w in child:
        words[i] = which_child(w, known)
    words = [
        "in-laws" if w == "in" and words[i + 1 : i + 2] == ["laws"] and _mine(words, i) else w
        for i, w in enumerate(words)
        if not (w == "laws" and words[i - 1 : i] == ["in"] and _mine(words, i - 1))
    ]
    groups = [
        w
        for i, w in enumerate(words)
        if w in GROUPS
        and (
            _mine(words, i)
            # "user children ages": each child's, when the collection knows one
            or (the_users(words, i) and any(_member(s, GROUPS[w][0]) for s in known))
        )
    ]
    found = set(words)
    # a history asked in the plural: "user previous employers", "my past jobs"
    attributes = _attributes(words, found | {_KEY_PLURALS[w] for w in found & _KEY_PLURALS.keys()})
    # "when is my exam?", "user wedding date": the day of that plan, first (its patterns
    # compile on the first question read, not when the server starts: ~50 ms)
    from .extract.plans import asked_plans

    planned, plan_words = asked_plans(query)
    attributes = [*planned, *(a for a in attributes if a not in planned)]
    drop: set[str] = set()
    subjects: list[str] = []
    # the words of the user's names: one the query says in full means the user, and so
    # does the first word of the name alone ("Hamza" for Hamza Qureshi), written as a
    # name (capitalised) and no stop word: not "will" in "what will my sister study?" for
    # Will Turner
    name_words = {w for name in user_names for w in tokens(name)}
    given = tokens(user_names[0])[:1] if user_names else []
    given = [w for w in given if w not in STOP_WORDS and w.capitalize() in _WRITTEN.findall(query)]
    for said in [set(tokens(name)) for name in user_names] + [set(given)]:
        if said and said <= found:
            drop |= said
            break
    relations = [w for w in words if w in RELATIONS]
    for subject in sorted(known):
        name = subject.split(":", 1)[-1]
        if (
            name
            and subject != USER
            and set(tokens(name)) <= found
            and not name_words >= set(tokens(name))
        ):
            subjects.append(subject)
    if groups and not relations and not subjects:
        members, recorded_by = GROUPS[groups[0]]
        asked_of_them = [a for a in attributes if a not in RELATION_ATTRIBUTES and a != "name"]
        if "ages" in found:  # "user children ages": each one's age
            asked_of_them = ["age", *asked_of_them]
        if asked_of_them:
            # "where do my parents live?": the mum and dad the collection knows, else the
            # parents as such
            subjects = [s for s in sorted(known) if _member(s, members)] or [f"{groups[0]}:"]
            attributes = asked_of_them
        else:  # "who are my parents?", "what are my kids called?": who they are
            attributes = list(recorded_by)
    theirs = [
        (one, two)
        for one, s, two in zip(words, words[1:], words[2:])
        if s == "s"
        and one in RELATIONS
        # (or a pet of theirs asked more than its name: "how old is my mum's dog?"; its
        # name is among the relative's pets: "my sister Kate has a dog called Milo")
        and (
            two in RELATIONS or (animal(two) and set(attributes) - _WHO_IT_IS - RELATION_ATTRIBUTES)
        )
    ]
    # … or someone else's by name: "what does Leah's husband do?" (not the user's
    # husband; the words find "my friend Leah's husband is a pilot") — where the
    # collection knows Leah as someone else ("Where does Femi's wife work?" may ask the
    # user's own wife, by a name of the user's it does not hold)
    others = {s.split(":", 1)[-1].lower() for s in known if s != USER}
    theirs += [
        (one, two)
        for one, s, two in zip(words, words[1:], words[2:])
        if s == "s"
        and two in RELATIONS
        and one not in RELATIONS
        and one not in STOP_WORDS
        and one not in name_words
        and one.capitalize() in _WRITTEN.findall(query)
        and one in others
    ]
    if relations and not subjects and theirs:
        # "where does my brother's wife live?", "what does my sister's husband do?": a
        # relative's relative (or pet), neither the brother nor the user's wife; no one
        # keyed (the words find "my brother's wife Meg lives in Hull")
        subjects = [f"{theirs[0][0]}-{theirs[0][1]}:"]
        # (of a pet, not which pets they have: "my sister Kate has a dog called Milo"
        # stands beside "how old is my sister's dog?")
        not_asked = RELATION_ATTRIBUTES | (_WHO_IT_IS if animal(theirs[0][1]) else frozenset())
        attributes = [a for a in attributes if a not in not_asked] or attributes
    if (
        relations
        and not subjects
        and _FORMER_WORDS & set(words[i - 1] for i, w in enumerate(words) if w in RELATIONS and i)
    ):
        # "where does my ex mother-in-law live?", "my ex wife": not the one the collection
        # keys now, no one keyed (the words find what was said of them)
        subjects = [f"ex-{relations[0]}:"]
        attributes = [a for a in attributes if a not in RELATION_ATTRIBUTES] or attributes
    if relations and not subjects:
        # "What's my daughter called?" asks who the relation is, as "Who is my manager?"
        asked_of_them = [a for a in attributes if a not in RELATION_ATTRIBUTES and a != "name"]
        by_name = _named_after(words, query, relations[0], name_words)
        if asked_of_them:
            subjects = [s for s in known if is_asked(s.split(":", 1)[0], relations)] or [
                f"{relations[0]}:"
            ]
            attributes = asked_of_them
        elif not (RELATIONS[relations[0]] in ROLE_ATTRIBUTES and found & OF_A_VISIT):
            # (not "what did my therapist say about caffeine?": what was said)
            attributes = [RELATIONS[relations[0]]]
        if asked_of_them and by_name:
            # "friend Rhiannon city": Rhiannon, whom no fact keys, not the friends it does
            # by another name (the one kept with no name, or by a longer or shorter one,
            # may be them: "my wife" for "wife Sarah", Daniel for "mate Dan")
            subjects = [f"{relations[0]}:{by_name.capitalize()}"] + [
                s for s in subjects if _may_be_named(s.split(":", 1)[-1].lower(), by_name)
            ]
    pet = pet_asked(words) if not subjects and not relations and not groups else ""
    if pet:
        asked_of_it = [a for a in attributes if a not in RELATION_ATTRIBUTES | _WHO_IT_IS]
        if asked_of_it:
            # "how old is my dog?", "what does the cat eat?": the pet, by the name the
            # collection knows it by, not the user ("User is 34 years old")
            subjects = pets_known(known, pet) or [f"{pet}:"]
            attributes = asked_of_it
        elif pets_known(known, pet):
            # "what's my dog called?": which pets the user has (one the collection knows
            # of that kind; else the words find whose it is: "my son's hamster Nibbles")
            attributes = ["pets"]
        else:
            pet = ""
    # "my" before a relation word (or a pet's) is theirs, not a question about the user;
    # nor is "I" in a clause of when or why ("where does the dog stay when I travel?")
    self_named = any(
        w in _SELF
        and not before_people(words, i)
        and not (pet and [animal(x) for x in words[i + 1 : i + 2]] == [pet])
        and not (words[i - 1 : i] and words[i - 1] in _WHEN_OR_WHY and subjects)
        for i, w in enumerate(words)
    )
    # "Emre's brother" is the brother: the user's name there names whose relation it is.
    named_relation = any(
        w in name_words and [x for x in words[i + 1 : i + 3] if x != "s"][:1] in _RELATION_WORDS
        for i, w in enumerate(words)
    )
    # (a plan's day is the user's: "when is the baby due?", not "when is my sister's
    # wedding?")
    for_a_plan = bool(planned) and not [w for w in relations if w not in plan_words]
    if not subjects or (drop and not named_relation) or self_named or for_a_plan:
        subjects.insert(0, USER)
    if USER not in subjects and "hobbies" in attributes:
        # what the user likes answers for their hobbies; someone else's are theirs to say
        attributes = [a for a in attributes if a != "likes"]
    still = bool(found & _STILL) or "no longer" in " ".join(words)
    me = bool(found & {"i", "me", "myself"})
    kin_words = _kin(words, groups)
    past = bool(attributes) and _asks_the_past(words, query)
    named = {kin(singular(w)) for w in words if singular(w) in RELATIONS}
    one = len(named) == 1 and not groups
    which = next(
        (
            (words[i - 1], w)
            for i, w in enumerate(words)
            if i > 1 and w in RELATIONS and words[i - 1] in WHICH_ONE and _mine(words, i - 1)
        ),
        which,
    )
    return Ask(
        tuple(subjects),
        tuple(attributes),
        frozenset(drop),
        still,
        kin_words,
        me,
        past,
        one,
        pet,
        which,
    )


# Words that ask what held before: "previous", "former", "prior", "history", "my old …",
# "… before", "used to" (not "how old", "before Friday"); a maiden name is the name before
# a marriage.
_BEFORE_WORDS = frozenset(
    ("previous", "previously", "former", "formerly", "prior", "history", "maiden")
)
# A marriage or its end, after "before": "what was my name before I got married?"
_A_MARRIAGE = frozenset(("married", "marry", "marriage", "wedding", "divorce", "divorced"))
# "before" and a name: "where did I work before Meta?" (not "before Friday", "before May").
_BEFORE_A_NAME = re.compile(
    r"\bbefore\s+(?!(?:"
    + "|".join(m.title() for m in MONTH_NAMES)
    + r"|"
    + "|".join(d.title() for d in WEEKDAYS)
    + r"|I)\b)(?-i:[A-Z])"
)
# What one had a last one of: "my last job", "my last flat" (not "my last message").
_HELD_ONCE = frozenset(
    (
        "job",
        "employer",
        "company",
        "role",
        "home",
        "flat",
        "house",
        "place",
        "address",
        "school",
        "boss",
        "manager",
        "partner",
        "boyfriend",
        "girlfriend",
    )
)
# The plural of a word that asks a key, as a history asks it.
_KEY_PLURALS = {
    "employers": "employer",
    "jobs": "job",
    "roles": "role",
    "companies": "company",
    "homes": "home",
    "addresses": "address",
    "cities": "city",
    "schools": "school",
}


def _asks_the_past(words: list[str], query: str) -> bool:
    """Whether a question's words ask what held before, not what holds now ("where did I
    live before?", "where did I work before Meta?", "what was my last job?", "what jobs
    have I had?"; not "have I told you where I live before?", "in my previous message…",
    "my old friend Jake", "what am I used to now?")."""
    said = set(words)
    if said & _NOW:
        return False  # "my last boss was awful, who's my manager now?"
    if (words[-1:] == ["before"] or _BEFORE_A_NAME.search(query)) and not said & _TOLD:
        return True
    if "before" in said and said & _A_MARRIAGE:
        return True  # "what was my name before I got married?"
    if any(
        (first, second) in (("have", "i"), ("has", "she"), ("has", "he"))
        and words[i + 2 : i + 3] in (["had"], ["worked"], ["lived"])
        for i, (first, second) in enumerate(zip(words, words[1:]))
    ):
        return True  # "what jobs have I had?": all of them, what held before first
    after = dict(zip(words, words[1:]))
    if any(w in _BEFORE_WORDS and after.get(w) not in _SAID_IN_CHAT for w in words):
        return True
    return any(
        (
            (second == "to" and first in ("used", "use"))
            and (i == 0 or words[i - 1] not in _ACCUSTOMED)
        )
        or (
            second == "last"
            and first in ("my", "our", "his", "her", "their")
            and words[i + 2 : i + 3] != []
            and words[i + 2] in _HELD_ONCE
        )
        or (
            second == "old"
            and first in ("my", "our", "his", "her", "their")
            and i + 2 < len(words)
            and words[i + 2] not in _PEOPLE
        )
        for i, (first, second) in enumerate(zip(words, words[1:]))
    )


# … but not what was said before in the chat ("have I told you … before?", "in my previous
# message"), one accustomed ("am I used to"), someone known of old ("my old friend"), nor
# a question that says it asks of now ("… who's my manager now?").
_NOW = frozenset(("now", "currently", "current", "nowadays", "today"))
_TOLD = frozenset(("told", "tell", "said", "say", "mentioned", "asked", "remind", "message"))
_SAID_IN_CHAT = frozenset(("message", "messages", "chat", "conversation", "question", "answer"))
_ACCUSTOMED = frozenset(("am", "are", "is", "get", "got", "getting", "i'm", "im"))
_PEOPLE = (
    frozenset(RELATIONS)
    | frozenset(
        ("friend", "friends", "mate", "mates", "neighbour", "neighbours", "neighbor", "neighbors")
    )
    | frozenset(("man", "lady", "colleague", "colleagues", "boss"))
)


_RELATION_WORDS = [[word] for word in RELATIONS]


def _named_after(words: list[str], query: str, relation: str, not_them: set[str]) -> str:
    """The name a query writes right after a relation word ("friend Rhiannon city",
    "where does my mate Dan live"), if it writes one: capitalised where the query's other
    words are not (not "Where Does My Sister Live?"), no word of the user's names, no
    stop word, no word that asks an attribute ("Manager City"); else ""."""
    written = _WRITTEN.findall(query)
    if sum(w[:1].isupper() for w in written) > len(written) // 2:
        return ""  # Title Case, or shouted
    for i, word in enumerate(words[:-1]):
        name = words[i + 1]
        if word == relation and name.capitalize() in written and name not in STOP_WORDS:
            asks = any(name in asking for asking in ASKED_BY.values())
            return "" if name in not_them or name in RELATIONS or asks else name
    return ""


def _may_be_named(kept: str, name: str) -> bool:
    """Whether someone kept by the name ``kept`` ("" for none) may be the one asked by
    ``name``: no name kept, or one of the two names begins the other (Dan, Daniel)."""
    return not kept or kept.startswith(name[:3]) or name.startswith(kept[:3])


# Words that open a clause of when or why, whose "I" is not whom a question asks about.
_WHEN_OR_WHY = frozenset(
    ("when", "whenever", "while", "if", "before", "after", "until", "because", "since")
)
# What a pet's word asks of the user, not of the pet: which pets, by name.
_WHO_IT_IS = frozenset(("name", "pets"))
