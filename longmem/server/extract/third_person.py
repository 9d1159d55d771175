"""A clause into a third-person sentence, and a fact's text finished.

Third person (our own output capitalised): ``I`` / ``we`` → ``User``; ``I'm`` / ``we're``
→ ``User is``; ``I've`` → ``User has``; ``me`` / ``us`` → ``User``; ``my`` / ``our`` →
``User's``; the first verb after ``I`` takes the third person (``like`` → ``likes``,
``am`` → ``is``, ``have`` → ``has``). Whitespace is collapsed, trailing punctuation
removed, the first letter capitalised, a fact cut at a word boundary to the text limit.

``indefinite_article`` is "a" or "an" as a word sounds ("an HR manager", "a uni student"),
for the wordings.
"""

from __future__ import annotations

import re

from ..._protocol import MAX_TEXT_CHARS
from ..embed import STOP_WORDS
from .lexicon import ADVERBS, CLAUSE_VERBS, COMMON_VERBS, MODALS, PAST_IRREGULAR, SUBJECT, words
from .text import WORD

_LY_VERBS = words("fly rely ally rally bully tally apply reply supply comply imply")
_AMBIGUOUS = words("read put cut hit set let quit hurt cost shut spread bet split")
_AGREE = {
    "am": "is",
    "have": "has",
    "do": "does",
    "don't": "doesn't",
    "haven't": "hasn't",
    # after "we": "we are off to Rome" is "User is off to Rome"
    "are": "is",
    "aren't": "isn't",
}
_ASKING = MODALS | words("do does did don't didn't can't won't shouldn't wouldn't couldn't")
# … and "we were in Paris" is "User was in Paris" (not "if I were you", which stays)
_AGREE_WE = {"were": "was", "weren't": "wasn't"}
_PLURAL_JOINERS = frozenset(("and", "or", "nor"))


def third_person(clause: str) -> str:
    # Odd indices hold words, even ones the text between them.
    parts = WORD.split(clause)
    i = 1
    while i < len(parts):
        lower = parts[i].lower()
        if lower in ("i", "we"):
            parts[i] = SUBJECT
            if lower == "we":
                # "we both work …", "we are both 24": each of them, the user too
                _each_of_us(parts, i + 2)
                _each_of_us(parts, i + 4, after=("are", "were"))
            if not _plural_or_asked(parts, i):
                # (the verb after a "both" taken out: "we both work" is "User works")
                _agree(parts, i + 2 if parts[i + 2 : i + 3] != [""] else i + 4, lower == "we")
        elif lower in ("i'm", "we're"):
            parts[i] = SUBJECT + " is"
            if lower == "we're":
                _each_of_us(parts, i + 2)
        elif lower in ("i've", "we've"):
            parts[i] = SUBJECT + " has"
        elif lower in ("i'll", "we'll"):
            parts[i] = SUBJECT + " will"
        elif lower in ("i'd", "we'd"):
            following = parts[i + 2].lower() if i + 2 < len(parts) else ""
            # "I'd been", "I'd better", "I'd done it", "I'd gone": had; "I'd love": would
            had = following in ("been", "better") or following in _PARTICIPLE_ONLY
            parts[i] = SUBJECT + (" had" if had else " would")
        elif lower in ("me", "us") and i > 1 and not _not_the_pronoun(parts, i):
            parts[i] = SUBJECT
        elif lower == "me" and i == 1 and _JOINED_AFTER.match(parts[2] + "".join(parts[3:5])):
            parts[i] = SUBJECT[:1].upper() + SUBJECT[1:]  # "me and Jake are done"
        elif lower in ("my", "mine", "our", "ours"):
            parts[i] = SUBJECT + "'s"
        elif lower in ("myself", "ourselves"):
            parts[i] = "themself"
        i += 2
    return "".join(parts)


# What "both" or "all" says each apart, not of each alike, read after the word: "(we're
# both) 24 and 26", "(we both have) different jobs" (not "30 and 2 of our kids …").
EACH_APART = re.compile(
    # (an age and a count of something else is one age: "(we're both) 40 and 3 kids later")
    r"^\s*(?:(?:have|had|got|own)\s+)?(?:(?:1[3-9]|[2-9]\d)\s*(?:and|&)\s*\d+(?!\s+(?:of|kids?|children|years?|babies|baby|"
    r"dogs?|cats?|sons?|daughters?|grandkids)\b)|(?:\d|1[0-2])\s*(?:and|&)\s*\d+(?!\s+of\b))|"
    r"\b(?:different|separate|opposite)\b",
    re.I,
)


def _each_of_us(parts: list[str], at: int, after: tuple[str, ...] = ()) -> None:
    """Take out the "both" or "all" at ``at`` of words said by "we" (odd indices words),
    and the gap before it: "we're both 24" is "User is 24" ("User is both 24" had been
    written). With ``after``, only where the word before it is one of them ("we are
    both")."""
    if at >= len(parts) or parts[at].lower() not in ("both", "all"):
        return
    if after and parts[at - 2].lower() not in after:
        return
    if EACH_APART.search("".join(parts[at + 1 :])):
        return
    parts[at - 1] = parts[at] = ""


# "and" or "&" after a word: "me and Jake", "me & Jake".
_JOINED_AFTER = re.compile(r"\s*(?:&|and\b|n\b)", re.I)
# Past participles that no simple past spells ("I'd done" is "had done", "I'd gone").
_PARTICIPLE_ONLY = words(
    """done gone seen been taken given eaten written known shown grown flown driven ridden
    forgotten spoken broken chosen fallen begun swum sung drunk"""
)
# Words before "and I" that are no subject of their own: as many as "my wife Sophie".
_MOST_JOINED_WORDS = 3
# Whose the one joined to "I" is, their phrase's first word: "my wife", "the girls from my
# office" ("my" is written "User's" by then).
_WHOSE_FIRST = frozenset((SUBJECT.lower() + "'s", "the", "his", "her", "their", "my", "our"))
# The user, as said or as written by then.
_THE_USER = frozenset(("i", "we", SUBJECT.lower()))
# Words after which a clause begins: "(so happy) that Jess and I …", "now James and I …".
_OPENS_A_CLAUSE = words("that so because cos cause when if now then while but")


def _plural_or_asked(parts: list[str], i: int) -> bool:
    """Whether the verb after "I" or "we" at ``parts[i]`` keeps its form: after someone
    joined to it ("Tom and I", "my wife Sophie and I"; not "I work at Amazon and I love
    it", two clauses: "User love it" had been written), or after a question's auxiliary
    ("what do I need", "should I move")."""
    if i < 3:
        return False
    if parts[i - 2].lower() in _ASKING and parts[i - 1].isspace():
        return True
    if parts[i - 2].lower() in _PLURAL_JOINERS:
        return _joined_subject(parts, i - 2)
    return "&" in parts[i - 1] and _joined_subject(parts, i)


def _joined_subject(parts: list[str], at: int) -> bool:
    """Whether the words before ``parts[at]`` (an "and" or the "I" after "&"), back to the
    clause's start or its last comma, are few and hold no verb: someone joined to "I" as
    one subject ("Tom and I", "my wife Sophie and I"), not a clause of its own."""
    before: list[str] = []
    j = at - 2
    while j >= 1 and not any(mark in parts[j + 1] for mark in ",;:"):
        word = parts[j].lower()
        if word in _OPENS_A_CLAUSE or word in _WHOSE_FIRST:
            break  # "(Happy to share) that Jess and I …", "(For the first time) my wife and I"
        if word in _THE_USER or (word != "and" and not parts[j][:1].isupper()):
            before.append(word)  # (names, and the "and" between them, count as one)
            if len(before) > _MOST_JOINED_WORDS:
                return False
        j -= 2
    return not any(w in CLAUSE_VERBS or w in _THE_USER for w in before)


def _not_the_pronoun(parts: list[str], i: int) -> bool:
    """Whether the word at ``parts[i]`` is a name, not the pronoun: the country ("moved
    to the US", "back in the us"), the illness ("diagnosed with ME"), or a word of a title
    ("In Among Us", "watching Us", "Despicable Me"; not "Happy Birthday To Me", typed in
    capitals)."""
    word, before = parts[i], parts[i - 2]
    return (
        word == "US"
        or (word == "ME" and not before.isupper())  # "HAPPY BIRTHDAY TO ME" shouts
        or (word.lower() == "us" and before.lower() == "the")
        or (word == "Us" and before.lower() not in _TO_US)
        or (word == "Me" and before[:1].isupper() and before.lower() not in _TO_US)
    )


_TO_US = frozenset(("i", "to", "for", "with", "from", "about", "of", "on", "at", "by", "and"))


def _agree(parts: list[str], i: int, after_we: bool = False) -> None:
    """Put the verb at or after ``parts[i]`` in the third person singular."""
    while i < len(parts) and parts[i - 1].isspace():
        word = parts[i]
        lower = word.lower()
        following = parts[i + 2].lower() if i + 2 < len(parts) else ""
        if (lower, following) in (("kind", "of"), ("sort", "of"), ("no", "longer")):
            i += 4
            continue
        if lower in ADVERBS or (lower.endswith("ly") and lower not in _LY_VERBS):
            i += 2
            continue
        parts[i] = _AGREE_WE[lower] if after_we and lower in _AGREE_WE else _inflect(word)
        return


def _inflect(word: str) -> str:
    lower = word.lower()
    if lower in _AGREE:
        agreed = _AGREE[lower]
        if word.isupper() and len(word) > 1:
            return agreed.upper()
        return agreed.capitalize() if word[0].isupper() else agreed
    if lower.endswith("ing") and len(lower) > 5 and lower not in _ING_VERBS:
        return "is " + word  # "starting in May" said after "I got a job": "is starting"
    if (
        not lower.isalpha()
        or not lower.isascii()
        or lower in STOP_WORDS
        or lower in MODALS
        or lower in PAST_IRREGULAR
        or lower in _AMBIGUOUS
        or (lower.endswith("ed") and lower not in _EED_VERBS)
        or _already_third(lower)
    ):
        return word
    if lower.endswith(("s", "sh", "ch", "x", "z", "o")):
        suffix = "es"
    elif len(lower) > 1 and lower.endswith("y") and lower[-2] not in "aeiou":
        word, suffix = word[:-1], "ies"
    else:
        suffix = "s"
    return word + (suffix.upper() if word.isupper() and len(word) > 1 else suffix)


# Verbs that end in "ed" as they are: "I need a holiday" is "User needs a holiday" ("User
# need a holiday" had been written).
_EED_VERBS = words("need feed bleed breed speed succeed proceed exceed heed weed")
# Verbs that end in "ing" as they are: "I string beads" is "User strings beads".
_ING_VERBS = words("spring string")


def _already_third(word: str) -> bool:
    """Whether a verb is in the third person already: "plays", "moves", "misses" (a note
    typed without its subject, "Plays the guitar"), not "miss" or "kiss"."""
    if word.endswith("ies"):
        return word[:-3] + "y" in COMMON_VERBS
    if word.endswith("es") and word[:-2] in COMMON_VERBS:
        return True
    return word.endswith("s") and not word.endswith("ss") and word[:-1] in COMMON_VERBS


# Letters whose names open on a vowel's sound, read as such in an acronym ("an HR
# manager", "an SRE", "an MP"); words that open on a vowel letter with a "y" or "w" sound
# ("a uni student", "a UX designer", "a one-bed"), and on a silent "h" ("an hour").
_VOWEL_LETTERS = frozenset("AEFHILMNORSX")
_NOT_A_VOWEL_SOUND = (
    *("uni", "use", "usu", "uk", "ufo", "uti", "ux", "ui"),
    *("one", "once", "eu", "ewe"),
)
_SILENT_H = ("hour", "honest", "honour", "honor", "heir")


def indefinite_article(text: str) -> str:
    """ "a" or "an" before ``text``, as its first word sounds: "an engineer", "a UX
    designer", "an HR manager", "a uni student", "an 8-year-old", "an hour"."""
    first = text.split(maxsplit=1)[0] if text.strip() else ""
    bare = first.strip("\"'‘’“”(")
    if len(bare) > 1 and bare.isupper() and bare.isalpha():
        if len(bare) > 2 and bare[0] not in "AEIOU" and bare[1] in "AEIOU":
            return "a"  # said as a word: "a NASA engineer", "a NICU nurse", "A NURSE" shouted
        return "an" if bare[0] in _VOWEL_LETTERS else "a"  # letter by letter: "an HR manager"
    lower = bare.lower()
    if lower[:1] == "8" or re.match(r"(?:11|18)(?:\D|$|\d{3}(?!\d))", lower):
        return "an"  # "an 8-year-old", "an 11-year-old", "an 18 month", "an 11,000"
    if lower.startswith(_SILENT_H):
        return "an"
    if lower[:1] in ("a", "e", "i", "o", "u") and not lower.startswith(_NOT_A_VOWEL_SOUND):
        return "an"
    return "a"


def finish(text: str) -> str:
    text = " ".join(text.split()).rstrip(".,;:!— ").strip()
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    if len(text) > MAX_TEXT_CHARS:
        cut = text[:MAX_TEXT_CHARS]
        head = cut.rsplit(" ", 1)[0]
        text = head if head else cut
    return text
