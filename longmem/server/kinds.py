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
from typing import Callable, Optional

from .extract.places import names_a_place
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
    r"(?<![\w$£€¥₹#/:.,'’-])(?:[1-9]\d?|1[01]\d)(?![\d%°]|[.,:/]\d|(?:st|nd|rd|th)\b)"
    r"(?:\s*-?\s*([^\W\d_]+))?"
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


def names_a_person(text: str) -> bool:
    """Whether a text writes a name after its first word ("Been seeing this woman
    Priyanka", "Ama had a baby boy, Kofi"); a place's name counts too, as one cannot
    tell "Isla" the daughter from Isla the town."""
    return any(
        word[0].isupper() and word[1:2].islower() and word.casefold() not in _NOT_A_NAME
        for word in _NAME.findall(text)
    )


def names_an_occupation(text: str) -> bool:
    """Whether a text names an occupation the extractor knows ("Senior product designer,
    start next month", "She's a park ranger now")."""
    return any(
        word in OCCUPATIONS or word.rstrip("s") in OCCUPATIONS
        for word in (w.casefold() for w in _WORD.findall(text))
    )


def names_an_organisation(text: str) -> bool:
    """Whether a text writes a name after its first word, capitalised or in capitals
    ("got the offer from KPMG Toronto", "moved up at Emzor")."""
    return any(
        word[0].isupper()
        and (word[1:2].islower() or (word.isupper() and len(word) > 1))
        and word.casefold() not in _NOT_A_NAME
        for word in _NAME.findall(text)
    )


def says_an_age(text: str) -> bool:
    """Whether a text says a number a person may be, standing alone ("28 liao", "36!",
    "turned 40"), not a time, a price, a date or a count ("5 min", "2 weeks")."""
    for number in _NUMBER.finditer(text):
        after = (number.group(1) or "").casefold()
        if after not in _COUNTED or (
            after in ("years", "year", "yrs", "yr") and _OF_AGE.match(text, number.start(1))
        ):
            return True
    return False


# The kind each attribute's answer is, for the attributes a question may ask by one.
_KINDS: dict[str, Callable[[str], bool]] = {
    "home": names_a_place,
    "location": names_a_place,
    "age": says_an_age,
    "job": names_an_occupation,
    "employer": names_an_organisation,
    **{relation: names_a_person for relation in RELATION_ATTRIBUTES},
    "name": names_a_person,
}


def kind_of(attribute: str) -> Optional[Callable[[str], bool]]:
    """Whether a memory says a thing of the kind ``attribute``'s answer is, or None when
    no such test is known for it."""
    return _KINDS.get(attribute)
