"""Ages the rules read as the user's that are someone's or something's else, kept as what
was said: a child's said with no name ("12 today! party time for my little one"), one
said after a birthday wished ("happy bday to my mum, 60 today"), a thing's ("my car
died, 15 years old").
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Callable

from ..facts import USER, ExtractedFact
from .lexicon import LAUGHTER
from .names import PERSON_WORDS
from .text import classify
from .third_person import finish, third_person


def others_ages(content: str, facts: list[ExtractedFact]) -> list[ExtractedFact]:
    """``facts`` of ``content``, each age of the user's that the message shows is
    someone's or something's else kept as a plain memory of what was said."""
    if _A_CHILD_SAID.search(content):
        # "12 today! party time for my little one", "just turned 2, our little girl":
        # a child's age said with no name is no age of the user's
        facts = _in_words(facts, _a_childs_age_of_the_user)
    if _ANOTHERS_BIRTHDAY.search(content):
        # "happy bday to my mum, 60 today": the age is whoever's birthday it is
        facts = _in_words(facts, _an_age_of_the_user_said_bare)
    # "my iphone battery is dying by lunch, 4 years old": the phone's age
    return _in_words(facts, _an_age_of_my_things)


# A child of the user's, said beside an age with no subject; and an age a child has.
_A_CHILD_SAID = re.compile(
    r"\b(?:my|our)\s+(?:little\s+|baby\s+|youngest\s+|eldest\s+|oldest\s+)?(?:one|ones|baby|"
    r"son|daughter|boy|girl|kid|kiddo|twins?|man|lady|princess|prince|grandson|granddaughter|"
    r"nephew|niece|bub|bubba)\b",
    re.I,
)


_A_CHILDS_AGE = re.compile(r"^(?:[1-9]|1[0-2])$|\d+\s+(?:weeks?|months?)$")


def _a_childs_age_of_the_user(fact: ExtractedFact) -> bool:
    return (
        fact.subject == USER
        and fact.attribute == "age"
        and _A_CHILDS_AGE.match(fact.value or "") is not None
        and not _SAID_BY_I.match(fact.statement)  # "I'm 12 and my baby sister is 2"
    )


_SAID_BY_I = re.compile(r"(?:i|i'm|im|i\s+am)\b", re.I)


# Someone else's birthday wished or told: "happy bday to my mum", "hbd to our Jess",
# "happy birthday mum", "my dad's birthday today".
_ANOTHERS_BIRTHDAY = re.compile(
    r"\b(?:happy\s+(?:birthday|bday|b-day)|hbd)\s+(?:to\s+)?(?:my|our|the|his|her|(?-i:[A-Z])|"
    + "|".join(sorted(PERSON_WORDS, key=len, reverse=True))
    + r")\b|"
    r"\b(?:my|our)\s+[a-z]+['’]s\s+(?:birthday|bday)\b",
    re.I,
)


def _as_words(fact: ExtractedFact) -> ExtractedFact:
    """A keyed fact the message shows is no one's the rules can name, kept as what was
    said: a plain memory of its clause ("Happy birthday to User's mum, 60 today")."""
    return replace(
        fact,
        text=finish(third_person(fact.statement)),
        type=classify(fact.statement),
        attribute=None,
        value=None,
        negated=False,
    )


def _in_words(
    facts: list[ExtractedFact], not_keyed: Callable[[ExtractedFact], bool]
) -> list[ExtractedFact]:
    """``facts``, each that ``not_keyed`` tells is no one's the rules can name kept as
    what was said (_as_words), and the rest of its clause, which its words now hold,
    left out."""
    said = [f.statement for f in facts if not_keyed(f)]
    if not said:
        return facts
    return [
        _as_words(f) if not_keyed(f) else f
        for f in facts
        if f.attribute or f.statement in said or not any(f.statement in s for s in said)
    ]


def _an_age_of_my_things(fact: ExtractedFact) -> bool:
    """Whether ``fact`` is an age of the user's read from a clause that opens on a thing
    of the user's: a child's age ("my iphone battery is dying by lunch, 4 years old";
    not "my back hurts, 45 years old…", an adult's age, nor "my son…", a person's), or
    any age after a thing that has one ("my sofa is falling apart, 20 years old")."""
    if fact.subject != USER or fact.attribute != "age" or not (fact.value or "").isdigit():
        return False
    thing = _A_THING_OF_MINE.match(fact.statement)
    if thing is None:
        return False
    word, end = thing.group(1).lower(), thing.end()
    named = _A_THINGS_NAME.match(fact.statement, end)  # "my washing machine"
    if (
        word not in _AGED_THINGS
        and word not in _NOT_A_KIND
        and named
        and named.group(1).lower() in _AGED_THINGS
    ):
        end = named.end()
    # the thing is what the clause is about ("my car died"; not "my car insurance went up")
    # and its age is said last ("…, 15 years old"; not "…, 29 years old and still renting")
    aged_thing = (
        (word in _AGED_THINGS or end > thing.end())
        and _ITS_VERB.match(fact.statement, end) is not None
        and _AN_AGE_LAST.search(fact.statement) is not None
    )
    return aged_thing or (int(fact.value or 0) < _AN_ADULTS_AGE and word not in PERSON_WORDS)


# A clause opening on a thing of the user's, and the youngest age the user is taken to
# be when said bare (an age under it is a child's, or a thing's).
_A_THING_OF_MINE = re.compile(
    r"(?:my|our)\s+(?:(?:old|new|poor|trusty|beloved)\s+)?([a-z]+)\b", re.I
)


_AN_ADULTS_AGE = 13


# Things one owns whose age is said as a person's, last: "my car died, 15 years old"
# (not "my flat is tiny, 29 years old and still renting": the user's).
_AGED_THINGS = frozenset(
    """sofa couch settee armchair bed mattress table desk wardrobe car van truck bike
    bicycle motorbike scooter boat caravan laptop computer pc macbook phone iphone ipad
    tablet kindle tv telly fridge freezer boiler oven cooker microwave kettle dishwasher
    printer router console xbox playstation camera watch guitar piano violin machine
    dryer heater mower hob""".split()  # noqa: SIM905
)


# The thing's own noun after a word that says which ("washing machine", "tumble dryer"),
# not one that says whose or when ("my first car is paid off, 24 years old": the user's).
_A_THINGS_NAME = re.compile(r"\s+([a-z]+)\b", re.I)


_NOT_A_KIND = frozenset("first last next own company work works dream current".split())  # noqa: SIM905


# What is said right after the thing, so that it is what the clause is about: "my sofa is…",
# "my car died" (not "my car insurance went up", "my watch says 12k steps").
_ITS_VERB = re.compile(
    r"\s+(?:is|was|'s|has|had|just|finally|still|got|died|broke|[a-z]+ed)\b", re.I
)


_AN_AGE_LAST = re.compile(
    r",\s*(?:about\s+|over\s+|nearly\s+|almost\s+)?\d{1,3}\s*(?:years?|yrs?)(?:\s+old)?"
    rf"(?:\s+(?:now|already|{LAUGHTER}))?\s*[.!]*\s*$",
    re.I,
)


def _an_age_of_the_user_said_bare(fact: ExtractedFact) -> bool:
    """Whether ``fact`` is an age of the user's read from a number said bare, after the
    birthday wished or on its own ("happy bday to my mum, 60 today", "…! 65 and still
    going strong"; not "just turned 30, same day as my dad's birthday")."""
    if fact.subject != USER or fact.attribute != "age" or _SAID_BY_I.match(fact.statement):
        return False
    wished = _ANOTHERS_BIRTHDAY.search(fact.statement)
    number = re.search(r"\d", fact.statement)
    return number is not None and (
        number.start() == len(fact.statement) - len(fact.statement.lstrip(" \"'(!.,"))
        or (wished is not None and number.start() > wished.start())
    )
