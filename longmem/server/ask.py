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
  the attributes whose question words the query holds ("live" → home, "old" → age,
  "work" → employer and job…), the better-fitting first: "where … work" and "who … work
  for" put the employer before the job; "job" and "position" the job first; a place
  question ("where", "which city") puts where one is now before where one lives; "where
  … study" asks the school, "what … study" the subject studied.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .embed import STOP_WORDS, tokens
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
from .extract.lexicon import MONTH_NAMES, PET_ANIMAL, PET_THINGS, WEEKDAYS
from .facts import ATTRIBUTES, FAVORITE_PREFIX, RELATION_ATTRIBUTES, ROLE_ATTRIBUTES, USER

_SELF = frozenset(("i", "me", "my", "mine", "myself", "we", "us", "our", "user"))
_ONESELF = frozenset(("i", "we"))  # who a "where am I / are we" question asks after
_WHEREABOUTS = frozenset(
    "where am are i we now currently right at the moment these days today".split()  # noqa: SIM905
)
_WHERE = frozenset(
    (
        "where",
        "city",
        "town",
        "country",
        "place",
        "neighbourhood",
        "neighborhood",
        "suburb",
        "district",
        "location",
    )
)
# A home by its noun, and the words that ask where it is.
_HOME_NOUNS = frozenset(("place", "flat", "apartment", "house", "condo"))
_WHERE_PART = frozenset(("where", "part", "area", "neighbourhood", "neighborhood", "suburb"))
# Whose a home is, just before its noun ("my flat", "Aga's place": "aga", "s").
_WHOSE = frozenset(("my", "our", "his", "her", "their", "s"))
# What may follow a home's noun in a question that asks where it is.
_HOME_ASKED_END = frozenset(("in", "now", "located", "these", "nowadays", "at"))


def _a_home_asked(words: list[str]) -> bool:
    """Whether a question names someone's home by its noun, last or before "in", "now":
    "where is Aga's place?", "which part of London is my flat in?" (not "where did I put
    my house keys?", "where is a good place for brunch?", "where should I place the
    sofa?")."""
    return any(
        word in _HOME_NOUNS
        and at > 0
        and words[at - 1] in _WHOSE
        and (at + 1 == len(words) or words[at + 1] in _HOME_ASKED_END)
        for at, word in enumerate(words)
    )


_EMPLOYER_FIRST = frozenset(("where", "who", "for", "firm", "company", "employer", "which"))
# The words of a question that ask where one works, not where one lives.
_AT_WORK = frozenset(("work", "works", "working", "office", "company", "firm", "employer", "job"))
_JOB_FIRST = frozenset(("job", "position", "role", "occupation", "profession", "title"))
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
# Words for several relatives at once, after "my" / "our": the question is about each of
# them the collection knows ("where do my parents live?": the mum and the dad), or the
# group as such when it knows none ("my parents live in Izmir" keys no fact: the words
# of the question find it), never the user.
_CHILDREN = frozenset(kin(w) for w, r in RELATIONS.items() if r == "children")
_GROUPS: dict[str, tuple[frozenset[str], tuple[str, ...]]] = {
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
_PEOPLE_WORDS = frozenset((*RELATIONS, *_GROUPS))
# Words of a question about a trip to come: "upcoming travel plans", "any trips soon?"
_TRAVEL = frozenset(
    ("upcoming", "trip", "trips", "travel", "travelling", "traveling", "vacation", "vacations")
)
_WHERE_OR_TRAVEL = _WHERE | _TRAVEL  # what keeps `location` among the attributes asked
# The words of a question that ask each attribute (its ``asked_by``), split once.
_ASKED_BY = {name: frozenset(spec.asked_by.split()) for name, spec in ATTRIBUTES.items()}
# Words of place and time: a question with only these ("where do I get my pastries?")
# asks about no attribute.
_WEAK = frozenset(("where", "now", "currently", "today", "weekend"))
# A query's words as written (for their capitals).
_WRITTEN = re.compile(r"[^\W_]+")
# Two words that say "avoid" before "from" ("which fruit must I stay away from?"): not a
# home's "stay", nor an absence ("how long will my mum stay away?").
_AVOIDING = frozenset((("stay", "away"), ("keep", "away")))
# Words after "favourite" that are not the thing: "what is my favourite?", "my favourite
# at the moment", "which is my favourite now".
_NOT_A_THING = frozenset(
    ("is", "are", "was", "at", "now", "these", "right", "of", "to", "in", "for", "and", "s")
)


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


# What is asked of whom the user sees (facts.ROLE_ATTRIBUTES), not who they are: what
# they said or arranged ("what did the doctor say about my knee?").
_OF_A_VISIT = frozenset(
    (
        *("say", "said", "says", "tell", "told", "tells", "appointment", "appointments"),
        *("session", "sessions", "advice", "advise", "advised", "recommend", "recommended"),
        *("think", "thinks", "prescribe", "prescribed", "about", "when", "suggest"),
        *("suggested", "want", "wants", "wanted"),
    )
)
# A partner called so: "what's my other half's job?" (not "the other half of the pizza").
_OTHER_HALF = re.compile(r"\b(?P<whose>my|our|user'?s?)\s+(?:other|better)\s+half\b", re.I)


def analyse(query: str, known: set[str], user_names: Sequence[str] = ()) -> Ask:
    """The key a query asks about (no attributes when it names none). ``user_names``: the
    names the user goes by (the name, then another: "Katarzyna", "Kasia")."""
    query = _OTHER_HALF.sub(r"\g<whose> partner", query)
    words = _relatives_as_one(_avoid_said(tokens(query)), query, known)
    # "my gran" is a grandma; "Gran Canaria" is not, so the word counts only after "my".
    # A relation word as keys spell it ("fiancée" is fiancee:Zanele's); other words as typed.
    words = [
        key if (key := relation_key(w)) in RELATIONS and w not in IN_LAW_SHORT else w for w in words
    ]
    words = [_MY_ONLY.get(w, _singular(w)) if _mine(words, i) else w for i, w in enumerate(words)]
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
    which = next(((w, "kid") for i, w in child if _which_child(w, known) == "kid"), ("", ""))
    for i, w in child:
        words[i] = _which_child(w, known)
    words = [
        "in-laws" if w == "in" and words[i + 1 : i + 2] == ["laws"] and _mine(words, i) else w
        for i, w in enumerate(words)
        if not (w == "laws" and words[i - 1 : i] == ["in"] and _mine(words, i - 1))
    ]
    groups = [
        w
        for i, w in enumerate(words)
        if w in _GROUPS
        and (
            _mine(words, i)
            # "user children ages": each child's, when the collection knows one
            or (_the_users(words, i) and any(_member(s, _GROUPS[w][0]) for s in known))
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
        members, recorded_by = _GROUPS[groups[0]]
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
            subjects = [s for s in known if _is_asked(s.split(":", 1)[0], relations)] or [
                f"{relations[0]}:"
            ]
            attributes = asked_of_them
        elif not (RELATIONS[relations[0]] in ROLE_ATTRIBUTES and found & _OF_A_VISIT):
            # (not "what did my therapist say about caffeine?": what was said)
            attributes = [RELATIONS[relations[0]]]
        if asked_of_them and by_name:
            # "friend Rhiannon city": Rhiannon, whom no fact keys, not the friends it does
            # by another name (the one kept with no name, or by a longer or shorter one,
            # may be them: "my wife" for "wife Sarah", Daniel for "mate Dan")
            subjects = [f"{relations[0]}:{by_name.capitalize()}"] + [
                s for s in subjects if _may_be_named(s.split(":", 1)[-1].lower(), by_name)
            ]
    pet = _pet_asked(words) if not subjects and not relations and not groups else ""
    if pet:
        asked_of_it = [a for a in attributes if a not in RELATION_ATTRIBUTES | _WHO_IT_IS]
        if asked_of_it:
            # "how old is my dog?", "what does the cat eat?": the pet, by the name the
            # collection knows it by, not the user ("User is 34 years old")
            subjects = _pets_known(known, pet) or [f"{pet}:"]
            attributes = asked_of_it
        elif _pets_known(known, pet):
            # "what's my dog called?": which pets the user has (one the collection knows
            # of that kind; else the words find whose it is: "my son's hamster Nibbles")
            attributes = ["pets"]
        else:
            pet = ""
    # "my" before a relation word (or a pet's) is theirs, not a question about the user;
    # nor is "I" in a clause of when or why ("where does the dog stay when I travel?")
    self_named = any(
        w in _SELF
        and not _before_people(words, i)
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
    named = {kin(_singular(w)) for w in words if _singular(w) in RELATIONS}
    one = len(named) == 1 and not groups
    which = next(
        (
            (words[i - 1], w)
            for i, w in enumerate(words)
            if i > 1 and w in RELATIONS and words[i - 1] in _WHICH_ONE and _mine(words, i - 1)
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
    return ":" in subject and _is_asked(subject.split(":", 1)[0], [which[1]])


def either(words: Iterable[str]) -> str:
    """A pattern of any of ``words`` as written, the longest tried first."""
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


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
# The words for a relative's group, said of them too ("the kids start at St Mary's"
# answers "where does my son go to school?"): by the relation RELATIONS records.
_GROUP_OF = {"children": ("kids", "children"), "mother": ("parents", "folks")}
_GROUP_OF["father"] = _GROUP_OF["mother"]
# The words for several relatives at once ("the kids", "the folks"), with their plurals.
GROUP_WORDS = frozenset((*_GROUPS, *(w for words in _GROUP_OF.values() for w in words)))


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
            asks = any(name in asking for asking in _ASKED_BY.values())
            return "" if name in not_them or name in RELATIONS or asks else name
    return ""


def _may_be_named(kept: str, name: str) -> bool:
    """Whether someone kept by the name ``kept`` ("" for none) may be the one asked by
    ``name``: no name kept, or one of the two names begins the other (Dan, Daniel)."""
    return not kept or kept.startswith(name[:3]) or name.startswith(kept[:3])


def _kin(words: list[str], groups: list[str]) -> tuple[str, ...]:
    """Every word for the user's relatives that the relation words and group words of a
    query name, and their plurals ("sisters"); not "mother" in "mother-in-law", not
    "Tom's mother"."""
    found: list[str] = []
    for i, word in enumerate(words):
        # the user's relative ("my sister", "my little sister", "user's mum"), not Tom's
        owner = words[i - 2 : i - 1] if i > 1 and words[i - 1] not in ("s", "my", "our") else []
        ours = _mine(words, i) or _the_users(words, i) or owner in (["my"], ["our"])
        if (
            ours
            and word in RELATIONS
            and words[i + 1 : i + 3] not in (["in", "law"], ["in", "laws"])
        ):
            found += kin_words(word)
            found += [w for one in sorted(_ANY_OF.get(word, ())) for w in kin_words(one)]
            found += _GROUP_OF.get(RELATIONS[word], ())
    for group in groups:
        members = _GROUPS[group][0]
        if members:  # "parents" is also "folks", and each mum and dad by any word
            found += [g for g, (them, _) in _GROUPS.items() if them == members]
            found += [w for member in sorted(members) for w in kin_words(member)]
    plurals = [w + "s" for w in found if w.isascii() and w.isalpha() and not w.endswith("s")]
    return tuple(dict.fromkeys([*found, *plurals]))


def _before_people(words: list[str], at: int) -> bool:
    """Whether the word at ``at`` ("my") is said of a relative that follows it, words for
    which one it is aside: "my sister", "my youngest sister", "my big brother"."""
    after = at + 1
    while after < len(words) and words[after] in _WHICH_ONE:
        after += 1
    return after < len(words) and words[after] in _PEOPLE_WORDS


# A pet asked about by its kind: "my dog", "the cat", "user's puppy" (one word of a kind
# said in two: "my golden retriever"), as the animal it is (a puppy is a dog); several
# as one ("how old are my cats?").
_PET_PLURALS = {"puppies": "puppy", **{w + "s": w for w in PET_ANIMAL}}
# Words that open a clause of when or why, whose "I" is not whom a question asks about.
_WHEN_OR_WHY = frozenset(
    ("when", "whenever", "while", "if", "before", "after", "until", "because", "since")
)
# What a pet's word asks of the user, not of the pet: which pets, by name.
_WHO_IT_IS = frozenset(("name", "pets"))


def animal(word: str) -> str:
    """The animal a word names as a kind of pet ("dog" for "dogs", "puppy", "beagle"),
    or ""."""
    return PET_ANIMAL.get(_PET_PLURALS.get(word, word), "")


def _pet_asked(words: list[str]) -> str:
    """The animal a question asks about as a pet ("dog" for "what does the dog eat?"), or
    ""."""
    for i, word in enumerate(words):
        kind = animal(word)
        if (
            kind
            and (_mine(words, i) or words[i - 1 : i] == ["the"] or _the_users(words, i))
            # (not "my cat allergy", "the dog walker")
            and not (words[i + 1 : i + 2] and words[i + 1] in PET_THINGS)
        ):
            return kind
    return ""


def _pets_known(known: set[str], kind: str) -> list[str]:
    """The user's pets of an animal the collection knows by name ("dog:Rex",
    "retriever:Biscuit"), and each name keyed as a subject of its own ("Rex is 5 years
    old")."""
    named = sorted(s for s in known if animal(s.split(":", 1)[0]) == kind)
    return named + [s.split(":", 1)[1] for s in named if s.split(":", 1)[1] in known]


# Words that say which relative ("my youngest sister", "my elder brother", "my twin
# brother", "my step mum"), between "my" and the relation word.
_WHICH_ONE = frozenset(
    """little big younger older youngest eldest oldest elder baby twin middle step half new
    ex best late wee""".split()  # noqa: SIM905
)


def _which_child(word: str, known: set[str]) -> str:
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


def _relatives_as_one(words: list[str], query: str, known: set[str]) -> list[str]:
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


def _the_users(words: list[str], at: int) -> bool:
    """Whether the word at ``at`` follows an agent's "user" ("user children ages", "the
    user's kids")."""
    before = words[max(at - 2, 0) : at]
    return bool(before) and (before[-1] in ("user", "users") or before == ["user", "s"])


def _singular(word: str) -> str:
    """A relation word for each of several ("sisters" → "sister", "sons" → "son"), as a
    fact's subject spells it; other words, and the group words, as they are."""
    if word in RELATIONS or word in _GROUPS or word == "twins":  # "our twins": children
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


def _is_asked(relation: str, asked: list[str]) -> bool:
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


_EAT = frozenset(("eat", "eats", "drink", "drinks"))
# Words of food and of being kept off it: a question with one of each asks what one
# cannot eat ("what does Dilani have to avoid eating?", "any foods I should stay away
# from?", "which food does Aga have trouble digesting?").
_FOOD = frozenset(
    """eat eats eating ate food foods meal meals diet dietary digest digesting
    digestion""".split()  # noqa: SIM905
)
_MEDICINES = frozenset(ATTRIBUTES["medications"].asked_by.split()) - {"health"}
_KEPT_OFF = frozenset(
    """avoid avoids avoiding shouldn't allowed intolerance intolerances intolerant sensitive
    sensitivity""".split()  # noqa: SIM905
)
# (and "restrictions", which asks the diet and allergies it names first: "what are my
# dietary restrictions?")
_TROUBLE = frozenset(("trouble", "problem", "problems", "issue", "issues"))
# … or words of digesting, or of health beside eating ("which medical condition shapes
# what Shauna can eat?"; not "what food do I have trouble cooking?", "the limit of my food
# budget").
_DIGEST = frozenset(("digest", "digesting", "digestion"))
_MEDICAL = frozenset(("condition", "conditions", "medical", "health", "illness"))
_EATING = frozenset(("eat", "eats", "eating", "ate", "dietary"))
# Words that ask of one's health as such ("user medical conditions", "what condition does
# Efua have?"), where coeliac disease, keyed as what one cannot eat, answers too (not
# "what condition is my flat in?", "what health insurance do I have?").
_MEDICAL_ASKED = frozenset(
    """medical conditions illness illnesses diagnosis diagnoses disease diseases""".split()  # noqa: SIM905
)
_PARTNERED = frozenset(("dating", "seeing", "married", "engaged"))
_SOMEONE = frozenset(
    ("anyone", "anybody", "someone", "somebody", "seeing", "dating", "relationship")
)
# What may follow "what does X do" and still ask for the job: "… do for work", "… now".
_DOING_TAIL = frozenset(
    ("for", "work", "a", "living", "now", "these", "days", "nowadays", "currently", "then")
)


def _asks_doing(words: list[str]) -> bool:
    """Whether a question asks what someone does for a living: "What does Jay do?",
    "What does Kwame do for work?"."""
    at = max((i for i, w in enumerate(words) if w in ("do", "does")), default=-1)
    # "what do/does …": not "what dance do I do?", which asks what, not for a living
    asked = words.index("what") if "what" in words else -1
    return (
        at > 0
        and words[asked + 1 : asked + 2] in (["do"], ["does"])
        and (set(words[at + 1 :]) <= _DOING_TAIL)
    )


def _attributes(words: list[str], found: set[str]) -> list[str]:
    scored: dict[str, float] = {}
    for name, words_asking in _ASKED_BY.items():
        asked = found & words_asking
        if not asked:
            continue
        strong = asked - _WEAK
        scored[name] = len(strong) * 2 + len(asked)
    doing = "what" in found and (_asks_doing(words) or "living" in found)
    # "Who is Bronte engaged to?", "Who is DeShawn dating?": the partner, by name
    partnered = "who" in found and bool(found & _PARTNERED)
    if partnered:  # a person is asked, not whether: not "User is engaged"
        scored["partner"] = scored.get("partner", 0) + 4
        scored.pop("relationship", None)
    elif "relationship" in scored and "partner" not in scored and found & _SOMEONE:
        # "am I seeing anyone?": whether, then with whom (not "am I engaged?": whether)
        scored["partner"] = scored["relationship"] - 0.5
    # "Where am I (now)?", "where are we at the moment?": where one is, the stay, then
    # the home. Not "where are we going for dinner?".
    whereabouts = (
        "where" in found
        and bool(found & _ONESELF)
        and bool(found & {"am", "are"})
        and found <= _WHEREABOUTS
    )
    if whereabouts:
        scored["location"] = scored.get("location", 0) + 2
    # "Where is Aga's place?", "Which part of London is my flat in?": the home, by its noun
    housed = bool(found & _WHERE_PART) and _a_home_asked(words)
    if housed:
        scored["home"] = scored.get("home", 0) + 4
    # "where", "now" alone: "where do I get my pastries?" asks no key
    if (
        not doing
        and not partnered
        and not housed
        and not whereabouts
        and (not scored or not any(found & (_ASKED_BY[n] - _WEAK) for n in scored))
    ):
        return []
    if found & _WHERE:
        for name in ("location", "home"):
            scored[name] = scored.get(name, 0) + 1.5
        if "live" in found or "lives" in found or "living" in found:
            scored["home"] = scored.get("home", 0) + 3
        elif found & _AT_WORK:
            # "what city do I work in?", "where is my company based?", "user work city":
            # where the employer is (its fact says where), not where one lives
            scored["employer"] = max(scored.values()) + 1
            scored.pop("home", None)
    if found & {"study", "studies", "studying", "studied", "masters", "msc", "phd"}:
        # "Where is my daughter studying?" asks the school, "What does she study (at uni)?"
        # the subject
        place = bool(found & (_WHERE | {"which", "school"}))
        study = "school" if place else "studies"
        scored[study] = scored.get(study, 0) + 4
    which_school = any(
        first in ("which", "what") and second == "school" for first, second in zip(words, words[1:])
    )
    if which_school and "employer" not in scored and found & {"at", "teach", "teaches"}:
        # "which school is Rhodri at now?": where a teacher works answers too
        scored["employer"] = scored["school"] - 1
    if "working" in found and "on" in found and "project" in scored:
        scored["project"] += 4  # "what is Anna working on?": the project, not the job
    if "employer" in scored and "job" in scored:
        if found & _JOB_FIRST:
            scored["job"] += 2
        elif found & _EMPLOYER_FIRST:
            scored["employer"] += 2
    if doing:
        # "What does Jay do (for a living)?": the job, then whom it is done for.
        scored["job"] = scored.get("job", 0) + 4
        scored["employer"] = scored.get("employer", 0) + 2
        scored.pop("home", None)
    cannot = "cannot" in found or ("can" in found and bool(found & {"t", "not"}))
    if found & _EAT and cannot:
        # "What can't I eat?": what one is allergic to first, then the diet
        scored["allergies"] = scored.get("allergies", 0) + 4
    troubled = any(
        w in _TROUBLE and (words[i + 1 : i + 2] == [] or not words[i + 1].endswith("ing"))
        for i, w in enumerate(words)
    )  # "which foods give Aga trouble?", not "what food do I have trouble cooking?"
    if (
        (found & _FOOD and (cannot or troubled or found & _KEPT_OFF))
        or found & _DIGEST
        or (found & _MEDICAL and found & _EATING)
    ):
        # "What does Dilani have to avoid eating?", "which food does Aga have trouble
        # digesting?", "which medical condition shapes what Shauna can eat?": what one is
        # allergic or intolerant to, the conditions that keep one off a food, then what
        # one avoids for dislike, or the diet
        scored["allergies"] = scored.get("allergies", 0) + 3
        scored["conditions"] = scored.get("conditions", 0) + 2
        third = "dislikes" if "avoid" in found else "diet"
        scored[third] = scored.get(third, 0) + 1
    elif (
        "allergies" in scored
        and "conditions" not in scored
        and found & (_KEPT_OFF | {"restriction", "restrictions", "restricted"})
    ):
        # "what does the user need to stay away from?", "what are my dietary
        # restrictions?": a condition may say what, after what the question names
        scored["conditions"] = min(scored.values()) - 1
    medical = found & _MEDICAL_ASKED or ("condition" in found and found & {"have", "has", "got"})
    if (
        medical
        and "conditions" in scored
        and "allergies" not in scored
        and not found & (_MEDICINES | {"insurance"})
    ):
        # "user medical conditions": coeliac disease is keyed as what one cannot eat
        scored["allergies"] = scored["conditions"] - 2
    if (
        "location" in scored
        and not found & _WHERE_OR_TRAVEL
        and ("now" not in found or "who" in found)
    ):
        # (not "who is my boyfriend now?": who, not where)
        del scored["location"]
    if found & {"hobby", "hobbies"} and "likes" not in scored:
        # "What are my hobbies?": what one likes doing ("User likes hiking") answers next.
        scored["likes"] = scored.get("hobbies", 0) - 1
    for name in ROLE_ATTRIBUTES & scored.keys():
        # "when is my doctor's appointment?", "what did the doctor say about my knee?":
        # the appointment, what was said, not who the doctor is (not "what is my doctor's
        # name?": who)
        if found & _OF_A_VISIT or any(
            w in _ASKED_BY[name]
            and words[i + 1 : i + 2] == ["s"]
            and words[i + 2 : i + 3] != ["name"]
            for i, w in enumerate(words)
        ):
            del scored[name]
    ranked = sorted(scored, key=lambda name: (-scored[name], list(ATTRIBUTES).index(name)))
    return [*_favorites(words), *ranked][:3]


def _avoid_said(words: list[str]) -> list[str]:
    """``words``, with "steer clear", and "stay away" or "keep away" before "from" (not
    "from home": away), the one word "avoid"."""
    said: list[str] = []
    for at, word in enumerate(words):
        pair = (said[-1], word) if said else ("", word)
        after = words[at + 1 : at + 3]
        if pair == ("steer", "clear") or (
            pair in _AVOIDING and after[:1] == ["from"] and after[1:] != ["home"]
        ):
            said[-1] = "avoid"
        else:
            said.append(word)
    return said


def _favorites(words: list[str]) -> list[str]:
    """The favourite things a question asks for, as keys spell them: "what's my
    favourite tv show?" → ``favorite:tv show``, then ``favorite:tv`` (a thing is one or
    two words)."""
    at = next((i for i, w in enumerate(words) if w in ("favorite", "favourite")), -1)
    if at < 0:
        return []
    rest = words[at + 1 :]
    if rest[1:2] == ["of"] and rest[:1] in (["kind"], ["type"], ["sort"]):
        rest = rest[2:]  # "my favourite kind of music"
    if not rest or rest[0] in _NOT_A_THING or rest[0] in RELATIONS:
        return []  # "my favourite at the moment", "my favourite cousin"
    # Two words only when they end the question ("my favourite tv show?"), not "my
    # favourite place to eat".
    things = [rest[:2]] if len(rest) == 2 and rest[1] not in _NOT_A_THING else []
    return [f"{FAVORITE_PREFIX}{' '.join(thing)}" for thing in [*things, rest[:1]]]
