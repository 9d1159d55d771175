"""Sentences and words: where a sentence ends (``sentence_ends``, ``sentence_bounds``), a
text's words (``lower_words``) and the verb a clause opens on (``verb_of``, ``verb_first``),
what kind of statement a clause is (``classify``: an episode, a preference or a fact), and
the content words statements are compared by (``content_words``).

How raw content becomes statements (lines, sentences, questions, chit-chat, fillers,
chat's words) is ``chat.py``; this module holds what both sides read by (where a sentence
ends; the word lists are ``lexicon.py``'s). What comes after it: a sentence into clauses
is ``clauses.py`` (what a sentence opens with, a news label or an introduction, is
``openings.py``'s), and a clause into a third-person sentence ``third_person.py``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..embed import STOP_WORDS, tokens
from ..facts import EPISODE, FACT, PREFERENCE
from .lexicon import (
    ADVERBS,
    CLAUSE_VERBS,
    MONTH_NAMES,
    NEGATION,
    PAST_IRREGULAR,
    SUBJECT,
    WEEKDAY_RE,
    words,
)

WORD = re.compile(r"([^\W_]+(?:'[^\W_]+)*)")

_ABBREVIATIONS = words(
    "mr mrs ms dr prof st mt jr sr vs etc e.g i.e a.m p.m u.s u.k approx no inc ltd co"
    " jan feb mar apr jun jul aug sep sept oct nov dec"
)
_SENTENCE_END = re.compile(r"[.!?;]+")
_ABBREVIATION_WINDOW = 12

_PREFERENCE_WORDS = words(
    """like likes liked love loves loved prefer prefers preferred enjoy enjoys enjoyed hate
    hates hated dislike dislikes disliked adore adores adored favorite favourite favorites
    favourites"""
)
_PREFERENCE_PHRASE = re.compile(
    r"(?:\bwould|'d)\s+rather\b|\bcan(?:'t|not)\s+stand\b|\b(?:fond|fan)\s+of\b"
)
_LIKE_NOT_VERB = words(
    """look looks looked looking seem seems seemed sound sounds sounded something anything
    nothing just things stuff more much exactly is was are were be it's"""
)
_ADJECTIVE_LEAD = words(
    "am is are was were be been being i'm get gets getting feel feels felt seem seems very so too"
)
_HAVE_FORMS = words("have has i've we've you've they've")
_NUMBER_WORDS = (
    "a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|few|several|a couple of"
)
PAST_ANCHOR = re.compile(
    r"\b(?:yesterday|the other day|earlier today|today|this (?:morning|afternoon|evening)"
    r"|last (?:night|week|weekend|month|year|summer|winter|spring|fall|autumn|time|"
    + WEEKDAY_RE
    + r")"
    r"|(?:\d+|" + _NUMBER_WORDS + r") (?:second|minute|hour|day|week|month|year|decade)s? ago"
    r"|on (?:" + WEEKDAY_RE + r")|in (?:19|20)\d\d|in (?:" + "|".join(MONTH_NAMES) + r"))\b"
)

FILLER_WORDS = words("now currently still also really actually anymore just")
_CONTRACTION_BASES = (("won't", "will"), ("can't", "can"), ("n't", ""))
_SPELLING = {"favourite": "favorite", "favourites": "favorites", "colour": "color"}


# -- sentence ends and words -------------------------------------------------------------


def sentence_ends(line: str) -> Iterator[re.Match[str]]:
    """The runs of punctuation that end a sentence of ``line``."""
    start = 0
    for match in _SENTENCE_END.finditer(line):
        # Checked here, not by a lookahead: a lookahead makes a long run of "." quadratic.
        if line[match.end() : match.end() + 1] not in ("", " "):
            continue
        if match.group() == "." and _is_abbreviation(line[start : match.start()]):
            continue
        yield match
        start = match.end()


def _is_abbreviation(before: str) -> bool:
    # The longest abbreviation is short: looking further back only costs time.
    tail = before[-_ABBREVIATION_WINDOW:].split()
    last = tail[-1].lower() if tail else ""
    return last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha() and last != "i")


def lower_words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def verb_of(piece: str) -> str:
    """The first word of ``piece`` that is not an adverb, lower-cased: its verb, when the
    piece opens on one."""
    found = [w for w in lower_words(piece)[:3] if w not in ADVERBS]
    return found[0] if found else ""


def verb_first(clause: str) -> bool:
    """Whether a clause starts with its verb, its subject (the user) left out."""
    found = [w for w in lower_words(clause)[:3] if w not in ADVERBS]
    if len(found) > 1 and found[1] in _AUXILIARIES:
        return False  # the first word is the subject: "Work has been crazy"
    word = verb_of(clause)
    return (word in CLAUSE_VERBS and word not in _NOT_LEADING) or (
        word.endswith("ed") and len(word) >= 5
    )


_NOT_LEADING = frozenset(("is", "are", "was", "were", "be", "been", "will", "would", "can"))
_AUXILIARIES = _NOT_LEADING | frozenset(("has", "have", "had", "does", "did", "'s"))


# -- type -------------------------------------------------------------------------------


def classify(clause: str) -> str:
    lowered = clause.lower()
    found = lower_words(lowered)
    if PAST_ANCHOR.search(lowered) and has_past_verb(found):
        return EPISODE
    if _PREFERENCE_PHRASE.search(lowered):
        return PREFERENCE
    for i, word in enumerate(found):
        if word in _PREFERENCE_WORDS:
            if word.startswith("like") and i > 0 and found[i - 1] in _LIKE_NOT_VERB:
                continue
            return PREFERENCE
    return FACT


def has_past_verb(found: list[str]) -> bool:
    for i, word in enumerate(found):
        if word in PAST_IRREGULAR:
            # "I've got a cold" is a present state, not an event.
            if word == "got" and i > 0 and found[i - 1] in _HAVE_FORMS:
                continue
            return True
        if (
            len(word) >= 4
            and word.endswith("ed")
            and not word.endswith("eed")
            and not (i > 0 and found[i - 1] in _ADJECTIVE_LEAD)
        ):
            return True
    return False


# -- comparing statements -----------------------------------------------------------------


def stem(word: str) -> str:
    """Crude, but the same on both sides: "lives", "live", "living", "lived" → "liv"."""
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith("ss"):
                break
            word = word[: -len(suffix)]
            break
    if word.endswith("e") and len(word) > 3:
        word = word[:-1]
    return word


def content_words(text: str) -> list[str]:
    """The words that carry a statement, lightly stemmed, in order: stop words, fillers,
    one-letter tokens, negations and the subject word left out."""
    lowered = text.lower().replace("’", "'")
    for contraction, base in _CONTRACTION_BASES:
        lowered = lowered.replace(contraction, base)
    found: list[str] = []
    for token in tokens(lowered):
        if len(token) < 2 or token in STOP_WORDS or token in FILLER_WORDS:
            continue
        if NEGATION.fullmatch(token) or token == SUBJECT.lower():
            continue
        stemmed = stem(_SPELLING.get(token, token))
        if stemmed not in found:
            found.append(stemmed)
    return found


def is_negated(text: str) -> bool:
    return NEGATION.search(text.lower().replace("’", "'")) is not None


def sentence_bounds(match: re.Match[str]) -> tuple[int, int]:
    """Where the sentence holding ``match`` begins and ends in its string (at ".", "!" or
    "?", or the string's ends)."""
    text = match.string
    begin = max(text.rfind(mark, 0, match.start()) for mark in ".!?") + 1
    stops = [at for at in (text.find(mark, match.end()) for mark in ".!?") if at >= 0]
    return begin, min(stops, default=len(text))
