"""What kind of thing a question asks for, and whether a memory says one.

"Where does Bronte live?" asks for a place, "Who is DeShawn dating?" for a person, "How
old is Jolene?" for an age, "What is her role?" for an occupation, "Who does she work
for?" for an organisation. When the extractor did not key what was said ("officially a
Hobart girl now", "been seeing this woman Priyanka", "28 liao"), the question and the
memory share no word, yet the memory says a thing of the kind asked, after the keyed
answer: search's kind arm reads what was said lately for one (search.py). Each test is
loose on purpose — a name is any capitalised word after a sentence's first — as it only
picks which of the last few things said may stand among the answers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Callable

from .arms import mentions
from .extract.places import places_in
from .extract.text import DAY_NAMES, MONTHS, words
from .extract.values import OCCUPATIONS
from .facts import RELATION_ATTRIBUTES

# A capitalised word after another word of its sentence: a name, as typed ("this woman
# Priyanka", "a baby boy, Kofi"), not a sentence's first word, nor all capitals ("GP").
_NAME = re.compile(r"(?<=[\w,;:'’)\]] )[^\W\d_][\w'’-]*")
_NOT_A_NAME = frozenset(("user", "user's", "i", *MONTHS, *DAY_NAMES))
_WORD = re.compile(r"[^\W\d_]+")

# A number one may be, standing alone: "28 liao", "36!", "turning 40 in May"; not a
# time, a price, a share, a date, an ordinal or a count of something ("5 min", "2 weeks").
_NUMBER = re.compile(
    r"(?<![\w$£€¥₹#/:.,'’-])(?P<n>[1-9]\d?|1[01]\d)(?![\d%°]|[.,:/]\d|(?:st|nd|rd|th)\b)"
    r"(?:\s*-?\s*(?P<after>[^\W\d_]+))?"
)
_COUNTED = words(
    """
    min mins minute minutes hour hours hr hrs h sec secs second seconds day days week
    weeks wk wks month months mo yr yrs year years kg kgs g lb lbs km kms k m cm mm mile
    miles mi pm am times x people percent pounds dollars euros bucks quid grand of
    """
) | frozenset(MONTHS)
# "20 years old": a count of years that says an age.
_OF_AGE = re.compile(r"(?:years?|yrs?)\s+old\b", re.I)


def names_in(text: str) -> list[str]:
    """The names a text writes after its first word ("Been seeing this woman Priyanka",
    "Ama had a baby boy, Kofi"); a place's name counts too, as one cannot tell "Isla" the
    daughter from Isla the town."""
    return [
        word
        for word in _NAME.findall(text)
        if word[0].isupper() and word[1:2].islower() and word.casefold() not in _NOT_A_NAME
    ]


def occupations_in(text: str) -> list[str]:
    """The words for an occupation the extractor knows that a text says ("Senior product
    designer, start next month", "She's a park ranger now")."""
    return [
        word
        for word in _WORD.findall(text)
        if word.casefold() in OCCUPATIONS or word.casefold().rstrip("s") in OCCUPATIONS
    ]


def organisations_in(text: str) -> list[str]:
    """The names a text writes after its first word, capitalised or in capitals ("got
    the offer from KPMG Toronto", "moved up at Emzor")."""
    return [
        word
        for word in _NAME.findall(text)
        if word[0].isupper()
        and (word[1:2].islower() or (word.isupper() and len(word) > 1))
        and word.casefold() not in _NOT_A_NAME
    ]


def ages_in(text: str) -> list[str]:
    """The numbers a person may be that a text says standing alone ("28 liao", "36!",
    "turned 40"), not a time, a price, a date or a count ("5 min", "2 weeks")."""
    found = []
    for number in _NUMBER.finditer(text):
        after = (number.group("after") or "").casefold()
        if after not in _COUNTED or (
            after in ("years", "year", "yrs", "yr") and _OF_AGE.match(text, number.start("after"))
        ):
            found.append(number.group("n"))
    return found


# The things of the kind each attribute's answer is that a text says, for the
# attributes a question may ask by one.
_KINDS: dict[str, Callable[[str], list[str]]] = {
    "home": places_in,
    "location": places_in,
    "age": ages_in,
    "job": occupations_in,
    "employer": organisations_in,
    **{relation: names_in for relation in RELATION_ATTRIBUTES},
    "name": names_in,
}
KIND_ATTRIBUTES = frozenset(_KINDS)
# Before a thing, what says it was left or held before: "Leaving Panasonic", "moved from
# Leeds", "quit the Co-op", "ex-Google" (not "from" alone: "the ferry over from Lévis
# every morning" is where one lives).
_LEFT = (
    r"(?<![^\W_])(?:left|leaving|leave|quit|quitting|ex-|former|formerly|"
    r"(?:moved|moving|relocated|relocating)\s+(?:away\s+)?(?:from|out\s+of))"
    r"\s*(?:the\s+|my\s+)?"
)


def news(attribute: str, text: str, held: Sequence[str]) -> list[str]:
    """The things of the kind ``attribute``'s answer is that ``text`` says, other than
    the values ``held`` (what the key holds and held) and what it says was left:
    "moved from Port of Spain to Toronto" is news of Toronto only, "Leaving Panasonic was
    scary" of no employer."""
    find = _KINDS.get(attribute)
    if find is None:
        return []
    return [
        thing
        for thing in find(text)
        if not any(mentions(value, [thing]) for value in held)
        and not re.search(_LEFT + re.escape(thing) + r"(?![^\W_])", text, re.I)
    ]
