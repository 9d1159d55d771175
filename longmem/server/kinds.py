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
from .extract.text import DAY_NAMES, MONTHS
from .extract.values import OCCUPATIONS
from .facts import RELATION_ATTRIBUTES

# A capitalised word after another word of its sentence: a name, as typed ("this woman
# Priyanka", "a baby boy, Kofi"), not a sentence's first word, nor all capitals ("GP").
_NAME = re.compile(r"(?<=[\w,;:'’)\]] )[^\W\d_][\w'’-]*")
_NOT_A_NAME = frozenset(("user", "user's", "i", *MONTHS, *DAY_NAMES))
_WORD = re.compile(r"[^\W\d_]+")

# A number one may be ("28", never "3.4", "10/10", "9:30", "£30", "2nd", "30%"), when
# something beside it says it is an age: a word before it ("turned 40", "I'm 27", "she's
# 3"), a word after it ("28 today", "28 liao", "30 this year", "35 years old"), or
# nothing, at the start of a sentence ("36!", "32."); not a count, a score or a name's
# number ("3 kids", "top 10", "Form 5", "bus 73", "I scored 95", "the 49ers").
_NUMBER = re.compile(r"(?<![\w$£€¥₹#/:.,'’-])(?:[1-9]\d?|1[01]\d)(?![\w%°]|[.,:/]\d|['’]s\b)")
_AGE_BEFORE = re.compile(
    r"(?:(?<![^\W_])(?:turned|turning|turns|turn|am|im|is|be|being|aged|age|officially)"
    r"|['’][sm])\s+$",
    re.I,
)
_AGE_AFTER = re.compile(
    r"\s*(?:today|tomorrow|tmrw|now|liao|lah|already|soon|next|this\s+year|"
    r"and\s+(?:counting|still)|(?:years?|yrs?)[\s-]*old|y/?o)(?![^\W_])",
    re.I,
)
_ALONE = re.compile(r"\s*(?:[.!?…]|$)")


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
    """The numbers a text says as someone's age ("28 liao", "36!", "turned 40", "she's 3
    now"), not a count, a time, a price, a date or a score ("3 kids", "5 min", "9:30")."""
    found = []
    for number in _NUMBER.finditer(text):
        before, after = text[: number.start()], text[number.end() :]
        opens = not before.strip() or before.rstrip()[-1] in ".!?"
        if _AGE_BEFORE.search(before) or _AGE_AFTER.match(after) or (opens and _ALONE.match(after)):
            found.append(number.group())
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
