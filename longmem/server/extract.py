"""Fact extraction and supersession for ``remember``: plain, deterministic rules.

``RuleExtractor().extract(content, now)`` turns free text into atomic third-person facts;
``relate()`` labels one fact against the current memories. Anything with an ``extract``
method of the same shape (the ``Extractor`` protocol), e.g. an LLM-backed one, can stand
in for ``RuleExtractor``; ``relate()`` does not care where a fact came from.

Splitting
  1. ``’`` becomes ``'``. Lines are split apart; a leading bullet (``-``, ``*``, ``•``,
     ``1.``, ``1)``) is dropped.
  2. Sentences end at ``. ! ? ;`` followed by a space or the end of the line. A ``.``
     after a known abbreviation (``Dr.``, ``e.g.``, ``a.m.``…) or a single letter
     (``J. Smith``) does not end one; ``3.5`` never does.
  3. Questions (a sentence ending in ``?``) state nothing and are dropped.
  4. A sentence is split at ``and`` / ``but`` / ``so`` / ``and then`` / ``and also``
     (optionally after a comma) only when a new clause clearly starts there: the right
     side begins with ``I`` / ``we`` (or their contractions), or with ``my`` / ``our``
     plus a verb within four words, AND the left side already has a subject or verb of
     its own. So "I live in Paris and I work at Acme" is two facts, while "salt and
     pepper", "Ana and I went to Rome" and "I live in Paris and work at Acme" stay whole:
     a missing subject is never guessed.
  5. A clause with no word beyond stop words and interjections ("hi", "thanks", "ok")
     is dropped.

Third person (on whole words, case-insensitive, our own output capitalised)
  ``I`` → ``User``; ``I'm`` → ``User is``; ``I've`` → ``User has``; ``I'll`` → ``User
  will``; ``I'd`` → ``User would`` (``User had`` before ``been`` / ``better``); ``me`` →
  ``User``; ``my`` / ``mine`` → ``User's``; ``myself`` → ``themself``. ``we`` / ``us`` /
  ``our`` / ``ours`` are left alone: the user's household is not the user.
  Verb agreement: the first word after ``I`` (skipping adverbs such as ``really``,
  ``also``, ``never``, any ``-ly`` word, ``kind of``) takes the third-person present:
  ``am`` → ``is``, ``have`` → ``has``, ``do`` → ``does``, ``don't`` → ``doesn't``,
  ``haven't`` → ``hasn't``; any other plain word gets ``-s`` (``-es`` after s/sh/ch/x/z/o,
  consonant + ``y`` → ``-ies``): "I like tea" → "User likes tea". Left as they are:
  modals, past forms (``was``, ``went``, any ``-ed`` word, ambiguous ones like ``read``
  / ``quit``), other contractions, stop words, and any verb after "… and I" / "… or I"
  (a plural subject: "Ana and I live" → "Ana and User live").
  Whitespace is collapsed, trailing ``. , ; : !`` removed, the first letter capitalised,
  and a fact is cut at a word boundary to at most ``MAX_FACT_CHARS``.

Types (from the original wording)
  ``episode``: a past-tense verb (an irregular past such as ``went`` / ``met`` / ``had`` /
  ``was``, but not ``got`` after ``have``; or an ``-ed`` word not right after a form of
  be / get, which makes it an adjective: "I'm tired") AND a time anchor (``yesterday``,
  ``last week``, ``3 days ago``, ``this morning``, ``today``, ``on Monday``, ``in 2019``,
  ``in May``…).
  ``preference``: else, ``like`` / ``love`` / ``prefer`` / ``enjoy`` / ``hate`` /
  ``dislike`` / ``adore`` (any form), ``favorite`` / ``favourite``, ``would rather``,
  ``can't stand``, ``fond of``, ``fan of``; ``like`` after ``looks`` / ``seems`` /
  ``is``… is a preposition and does not count.
  ``fact``: everything else.

Expiry (``expires_at``, UTC, the last second of a day, 23:59:59)
  ``today`` / ``tonight`` → end of today; ``tomorrow`` → end of tomorrow; ``this week`` /
  ``this weekend`` → end of this ISO week (Sunday); ``until`` / ``till`` + a date
  (``2026-12-01``, ``December 1``, ``Dec 1 2026``, ``Dec. 1st, 2026``, ``1 December``,
  ``1st of December 2026``, a weekday) → end of that date. A date without a year is its
  next occurrence on or after today; a weekday is the next one, today included. If
  several phrases appear, the latest end wins. Episodes never expire: they happened and
  stay true. The phrase is kept in the text: a memory is hidden once expired, and until
  then the phrase is still true. ``now`` is read as UTC when naive.

Relation (``relate``): the single most similar candidate by cosine (the first on ties).
  If its cosine is <= ``SUPERSESSION_THRESHOLD``, the fallback: the most similar
  candidate with cosine > ``FALLBACK_FLOOR`` whose content words (below) equal the
  fact's — the same statement, often negated or padded with fillers, which the
  embedding scores low. No such candidate (or no candidates) → ``new``. Otherwise compare
  content words: tokens minus stop words, fillers (``now``, ``currently``, ``still``,
  ``also``, ``really``, ``actually``, ``anymore``, ``just``), one-letter tokens and
  negations, lightly stemmed (``lives`` / ``live`` / ``living`` meet), in order.
  1. Negated on one side only ("doesn't", "not", "never", "no") and one word set contains
     the other → ``updates`` (same statement, flipped). Otherwise polarity differs → ``new``.
  2. Equal sets → ``duplicate``; the new set strictly contains the old → ``extends``; the
     old strictly contains the new → ``duplicate`` (already known, in more detail).
  3. One slot differs: old = A + X + B and new = A + Y + B with X, Y non-empty and
     disjoint, and the shared frame A + B has at least two words → ``updates``
     ("User lives in Berlin" → "User lives in Paris"; "likes tea" → "hates tea";
     "is 30 years old" → "is 31 years old") — unless the frame holds a verb that
     accumulates rather than replaces (like, love, enjoy, have, visit, met, went, …) or
     a past anchor (yesterday, ago, a weekday): liking coffee does not undo liking tea,
     so that is ``new``.
  4. Otherwise cosine >= ``NEAR_DUPLICATE_THRESHOLD`` → ``duplicate``; else ``new``
     (related, but neither a restatement, a refinement nor a replacement).
  Known blind spot of rule 3: "User's sister Ana lives in Rome" → "User's sister Maria
  lives in Rome" reads as an update; telling a new subject from a new object needs a
  parser.

Calling order: the caller handles the facts of one content in order, and after storing a
fact appends ``Candidate(id, text, vector)`` to its candidates (and drops the candidate a
fact ``updates``), so a later fact in the same content can relate to an earlier one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta, timezone
from typing import Optional

from .._protocol import MAX_TEXT_CHARS as MAX_FACT_CHARS  # the limit on a memory's text
from .embed import STOP_WORDS, Vector, as_dict, cosine, tokens
from .facts import EPISODE, FACT, PREFERENCE, ExtractedFact

RELATION_NEW, RELATION_UPDATES, RELATION_EXTENDS, RELATION_DUPLICATE = (
    "new",
    "updates",
    "extends",
    "duplicate",
)
SUPERSESSION_THRESHOLD = 0.55
# Below the threshold, a candidate above this floor still counts when its content words
# equal the fact's: the embedding scores "doesn't like coffee anymore" against "likes
# coffee" at ~0.41, though they are one statement flipped.
FALLBACK_FLOOR = 0.3
# Above this, two texts that are not one-slot variants of each other say the same thing.
NEAR_DUPLICATE_THRESHOLD = 0.9
SUBJECT = "User"


class Candidate:
    """An existing current memory that a new fact may relate to."""

    __slots__ = ("id", "text", "vector")

    def __init__(self, id: str, text: str, vector: Vector) -> None:
        self.id = id
        self.text = text
        self.vector = vector

    def __repr__(self) -> str:
        return f"Candidate({self.id!r}, {self.text!r})"


# ---------------------------------------------------------------------------------------
# Word lists


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_WORD = re.compile(r"([^\W_]+(?:'[^\W_]+)*)")

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_MONTHS.update({name: number for number, name in enumerate(_MONTH_NAMES, 1)})
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_ABBREVIATIONS = _words(
    "mr mrs ms dr prof st jr sr vs etc e.g i.e a.m p.m u.s u.k approx no inc ltd co"
    " jan feb mar apr jun jul aug sep sept oct nov dec"
)
_SENTENCE_END = re.compile(r"[.!?;]+")
_ABBREVIATION_WINDOW = 12
_BULLET = re.compile(r"^\s*(?:[-*•·]+|\d{1,3}[.)])\s+")
_INTERJECTIONS = _words(
    "hi hello hey thanks thank ok okay bye yes yeah yep nope sure cool great lol please"
)

# Skipped between "I" and its verb.
_ADVERBS = _words(
    """also really still usually always never often sometimes just actually mostly
    generally now currently definitely absolutely totally truly rarely seldom even only
    already recently finally probably certainly mainly kinda sorta almost hardly ever
    too then"""
)
_LY_VERBS = _words("fly rely ally rally bully tally apply reply supply comply imply")
_PAST_IRREGULAR = _words(
    """was were had did went came saw met made got took gave bought brought thought told
    said ate drank ran wrote left felt kept slept lost found heard knew grew flew drove
    rode sang swam began won wore spoke broke chose forgot sold sent spent built taught
    caught fought stood understood sat paid laid meant became held led fell hid rose
    woke threw struck stuck dug shook bit lit fed fled dealt dreamt learnt burnt
    forgave been"""
)
# Present and past read alike: leaving them bare is right for the usual past reading.
_AMBIGUOUS = _words("read put cut hit set let quit hurt cost shut spread bet")
_MODALS = _words("can could will would shall should may might must")
_AGREE = {"am": "is", "have": "has", "do": "does", "don't": "doesn't", "haven't": "hasn't"}
_COMMON_VERBS = _words(
    """live work like love prefer enjoy hate dislike want need study teach
    play speak know own drive run go eat drink cook read write watch use make take visit
    travel move plan think feel get keep stay come leave start stop try help call buy pay
    sell share sleep wake walk swim listen hope believe remember forget miss wear grow
    learn build rent"""
)
_CLAUSE_VERBS = (
    _COMMON_VERBS
    | frozenset(v + "s" for v in _COMMON_VERBS)
    | _words("goes does has is are am was were be been will would can could")
    | _words("should shall may might must don't doesn't didn't can't won't")
    | _PAST_IRREGULAR
)
_SUBJECT_WORDS = _words("i i'm i've i'd i'll we we're we've we'd we'll")
_PLURAL_JOINERS = frozenset(("and", "or", "nor"))

_PREFERENCE_WORDS = _words(
    """like likes liked love loves loved prefer prefers preferred enjoy enjoys enjoyed hate
    hates hated dislike dislikes disliked adore adores adored favorite favourite favorites
    favourites"""
)
_PREFERENCE_PHRASE = re.compile(
    r"(?:\bwould|'d)\s+rather\b|\bcan(?:'t|not)\s+stand\b|\b(?:fond|fan)\s+of\b"
)
# "like" after these is a preposition: "looks like rain", "it was like a dream".
_LIKE_NOT_VERB = _words(
    """look looks looked looking seem seems seemed sound sounds sounded something anything
    nothing just things stuff more much exactly is was are were be it's"""
)
# A past participle after these is an adjective: "I'm tired", "got married" is caught
# by "got" itself.
_ADJECTIVE_LEAD = _words(
    "am is are was were be been being i'm get gets feel feels felt seem seems very so too"
)
_HAVE_FORMS = _words("have has i've we've you've they've")
_WEEKDAY_RE = "|".join(_WEEKDAYS)
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_NUMBER_WORDS = (
    "a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|few|several|a couple of"
)
_PAST_ANCHOR = re.compile(
    r"\b(?:yesterday|the other day|earlier today|today|this (?:morning|afternoon|evening)"
    r"|last (?:night|week|weekend|month|year|summer|winter|spring|fall|autumn|time|"
    + _WEEKDAY_RE
    + r")"
    r"|(?:\d+|" + _NUMBER_WORDS + r") (?:second|minute|hour|day|week|month|year|decade)s? ago"
    r"|on (?:" + _WEEKDAY_RE + r")|in (?:19|20)\d\d|in (?:" + "|".join(_MONTH_NAMES) + r"))\b"
)

_END_OF_DAY = time(23, 59, 59, tzinfo=timezone.utc)
_TODAY = re.compile(r"\b(?:today|tonight)\b")
_TOMORROW = re.compile(r"\btomorrow\b")
_THIS_WEEK = re.compile(r"\bthis week(?:end)?\b")
_UNTIL = re.compile(r"\b(?:until|till|til)\s+(?:the\s+)?")
_ORD = r"(?:st|nd|rd|th)?"
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})\b")
_MONTH_DAY = re.compile(r"(" + _MONTH_RE + r")\.?\s+(\d{1,2})" + _ORD + r"\b(?:,?\s+(\d{4})\b)?")
_DAY_MONTH = re.compile(
    r"(\d{1,2})" + _ORD + r"\s+(?:of\s+)?(" + _MONTH_RE + r")\b\.?(?:,?\s+(\d{4})\b)?"
)
_WEEKDAY = re.compile(r"(?:next\s+)?(" + _WEEKDAY_RE + r")\b")

# Relation rules.
_FILLERS = _words("now currently still also really actually anymore just")
_NEGATION = re.compile(r"\b(?:not|no|never|cannot|nothing|none|nobody|neither|nor)\b|n't\b")
_CONTRACTION_BASES = (("won't", "will"), ("can't", "can"), ("n't", ""))
_SPELLING = {"favourite": "favorite", "favourites": "favorites", "colour": "color"}
_ACCUMULATING = _words(
    """like love enjoy adore hate dislike have own visit visited meet met
    went go saw see speak know play read watch eat ate drink drank friend friends"""
)
_PAST_ANCHOR_WORDS = frozenset(("yesterday", "ago", *_WEEKDAYS))


def _stem(word: str) -> str:
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


_NO_UPDATE_FRAME = frozenset(_stem(w) for w in _ACCUMULATING | _PAST_ANCHOR_WORDS)


# ---------------------------------------------------------------------------------------
# Extraction


class RuleExtractor:
    """The default extractor: the documented rules of this module, no model, no I/O."""

    def extract(self, content: str, observed_at: datetime) -> list[ExtractedFact]:
        """Split ``content`` into third-person facts, typed, with ``expires_at`` when time-bound."""
        today = _utc(observed_at).date()
        facts: list[ExtractedFact] = []
        for clause in _clauses(content):
            fact_type = _classify(clause)
            text = _finish(_third_person(clause))
            if not text:
                continue
            expires = None if fact_type == EPISODE else _expiry(clause, today)
            facts.append(
                ExtractedFact(text=text, type=fact_type, statement=clause, expires_at=expires)
            )
        return facts


def _utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        return moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)


def _clauses(content: str) -> list[str]:
    clauses: list[str] = []
    for line in content.replace("’", "'").splitlines():
        # One space per gap keeps every later regex linear in the line's length.
        line = " ".join(_BULLET.sub("", line).split())
        for sentence, is_question in _sentences(line):
            if is_question:
                continue
            for clause in _split_conjunctions(sentence):
                words = [w for w in tokens(clause) if w not in STOP_WORDS]
                if any(w not in _INTERJECTIONS for w in words):
                    clauses.append(clause)
    return clauses


def _sentences(line: str) -> list[tuple[str, bool]]:
    out: list[tuple[str, bool]] = []
    start = 0
    for match in _SENTENCE_END.finditer(line):
        # Checked here, not by a lookahead: a lookahead makes a long run of "." quadratic.
        if line[match.end() : match.end() + 1] not in ("", " "):
            continue
        punct = match.group()
        if punct == "." and _is_abbreviation(line[start : match.start()]):
            continue
        out.append((line[start : match.start()], "?" in punct))
        start = match.end()
    out.append((line[start:], False))
    return [(s.strip(), q) for s, q in out if s.strip()]


def _is_abbreviation(before: str) -> bool:
    # The longest abbreviation is short: looking further back only costs time.
    tail = before[-_ABBREVIATION_WINDOW:].split()
    last = tail[-1].lower() if tail else ""
    return last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha() and last != "i")


_CONJUNCTION = re.compile(r"(?:\s*,\s*|\s+)(?:and\s+then|and\s+also|and|but|so)\s+", re.I)


def _split_conjunctions(sentence: str) -> list[str]:
    parts: list[str] = []
    start = scanned = 0
    left_has_clause = False
    for match in _CONJUNCTION.finditer(sentence):
        # Scan each stretch once, and only the head of the right side, so a sentence of
        # thousands of "and"s stays linear.
        if not left_has_clause:
            left_has_clause = _has_clause(sentence[scanned : match.start()])
        scanned = match.start()
        if left_has_clause and _starts_clause(sentence[match.end() : match.end() + 120]):
            parts.append(sentence[start : match.start()])
            start = scanned = match.end()
            left_has_clause = False
    parts.append(sentence[start:])
    return [p.strip() for p in parts if p.strip()]


def _lower_words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _starts_clause(text: str) -> bool:
    words = _lower_words(text)
    if not words:
        return False
    if words[0] in _SUBJECT_WORDS:
        return True
    return words[0] in ("my", "our") and any(w in _CLAUSE_VERBS for w in words[1:5])


def _has_clause(text: str) -> bool:
    return any(w in _SUBJECT_WORDS or w in _CLAUSE_VERBS for w in _lower_words(text))


def _classify(clause: str) -> str:
    lowered = clause.lower()
    words = _lower_words(lowered)
    if _PAST_ANCHOR.search(lowered) and _has_past_verb(words):
        return EPISODE
    if _PREFERENCE_PHRASE.search(lowered):
        return PREFERENCE
    for i, word in enumerate(words):
        if word in _PREFERENCE_WORDS:
            if word.startswith("like") and i > 0 and words[i - 1] in _LIKE_NOT_VERB:
                continue
            return PREFERENCE
    return FACT


def _has_past_verb(words: list[str]) -> bool:
    for i, word in enumerate(words):
        if word in _PAST_IRREGULAR:
            # "I've got a cold" is a present state, not an event.
            if word == "got" and i > 0 and words[i - 1] in _HAVE_FORMS:
                continue
            return True
        if (
            len(word) >= 4
            and word.endswith("ed")
            and not word.endswith("eed")
            and not (i > 0 and words[i - 1] in _ADJECTIVE_LEAD)
        ):
            return True
    return False


def _third_person(clause: str) -> str:
    # Odd indices hold words, even ones the text between them.
    parts = _WORD.split(clause)
    i = 1
    while i < len(parts):
        lower = parts[i].lower()
        plural = i >= 3 and parts[i - 2].lower() in _PLURAL_JOINERS
        if lower == "i":
            parts[i] = SUBJECT
            if not plural:
                _agree(parts, i + 2)
        elif lower == "i'm":
            parts[i] = SUBJECT + " is"
        elif lower == "i've":
            parts[i] = SUBJECT + " has"
        elif lower == "i'll":
            parts[i] = SUBJECT + " will"
        elif lower == "i'd":
            following = parts[i + 2].lower() if i + 2 < len(parts) else ""
            had = following in ("been", "better")
            parts[i] = SUBJECT + (" had" if had else " would")
        elif lower == "me":
            parts[i] = SUBJECT
        elif lower in ("my", "mine"):
            parts[i] = SUBJECT + "'s"
        elif lower == "myself":
            parts[i] = "themself"
        i += 2
    return "".join(parts)


def _agree(parts: list[str], i: int) -> None:
    """Put the verb at or after ``parts[i]`` in the third person singular."""
    while i < len(parts) and parts[i - 1].isspace():
        word = parts[i]
        lower = word.lower()
        if lower in ("kind", "sort") and i + 2 < len(parts) and parts[i + 2].lower() == "of":
            i += 4
            continue
        if lower in _ADVERBS or (lower.endswith("ly") and lower not in _LY_VERBS):
            i += 2
            continue
        parts[i] = _inflect(word)
        return


def _inflect(word: str) -> str:
    lower = word.lower()
    if lower in _AGREE:
        agreed = _AGREE[lower]
        if word.isupper() and len(word) > 1:
            return agreed.upper()
        return agreed.capitalize() if word[0].isupper() else agreed
    if (
        not lower.isalpha()
        or not lower.isascii()
        or lower in STOP_WORDS
        or lower in _MODALS
        or lower in _PAST_IRREGULAR
        or lower in _AMBIGUOUS
        or lower.endswith("ed")
    ):
        return word
    if lower.endswith(("s", "sh", "ch", "x", "z", "o")):
        suffix = "es"
    elif len(lower) > 1 and lower.endswith("y") and lower[-2] not in "aeiou":
        word, suffix = word[:-1], "ies"
    else:
        suffix = "s"
    return word + (suffix.upper() if word.isupper() and len(word) > 1 else suffix)


def _finish(text: str) -> str:
    text = " ".join(text.split()).rstrip(".,;:! ").strip()
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    if len(text) > MAX_FACT_CHARS:
        cut = text[:MAX_FACT_CHARS]
        head = cut.rsplit(" ", 1)[0]
        text = head if head else cut
    return text


def _expiry(clause: str, today: date) -> Optional[datetime]:
    lowered = clause.lower()
    days: list[date] = []
    if _TODAY.search(lowered):
        days.append(today)
    if _TOMORROW.search(lowered):
        days.append(today + timedelta(days=1))
    if _THIS_WEEK.search(lowered):
        days.append(today + timedelta(days=6 - today.weekday()))
    for match in _UNTIL.finditer(lowered):
        # A date is short; a bounded slice keeps many "until"s linear.
        day = _parse_date(lowered[match.end() : match.end() + 40], today)
        if day is not None:
            days.append(day)
    if not days:
        return None
    return datetime.combine(max(days), _END_OF_DAY)


def _parse_date(text: str, today: date) -> Optional[date]:
    match = _ISO_DATE.match(text)
    if match:
        return _date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    match = _MONTH_DAY.match(text)
    if match:
        return _dated(match.group(3), _MONTHS[match.group(1)], int(match.group(2)), today)
    match = _DAY_MONTH.match(text)
    if match:
        return _dated(match.group(3), _MONTHS[match.group(2)], int(match.group(1)), today)
    match = _WEEKDAY.match(text)
    if match:
        ahead = (_WEEKDAYS.index(match.group(1)) - today.weekday()) % 7
        return today + timedelta(days=ahead)
    return None


def _date(year: int, month: int, day: int) -> Optional[date]:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _dated(year: Optional[str], month: int, day: int, today: date) -> Optional[date]:
    if year is not None:
        return _date(int(year), month, day)
    # No year: the next such day, today included; 8 years always reach a 29 February.
    for offset in range(9):
        found = _date(today.year + offset, month, day)
        if found is not None and found >= today:
            return found
    return None


# ---------------------------------------------------------------------------------------
# Relation


def relate(
    fact_text: str, fact_vector: Vector, candidates: Sequence[Candidate]
) -> tuple[str, Optional[Candidate], float]:
    """Label a fact against the single most similar candidate (see the module docstring).

    Returns ``(relation, candidate, cosine)``: the candidate is None exactly when the
    relation is ``new``; the cosine is that candidate's (else the best seen, 0.0 with no
    candidates).
    """
    query = as_dict(fact_vector)
    scored = [(cosine(query, candidate.vector), candidate) for candidate in candidates]
    best: Optional[Candidate] = None
    best_cosine = 0.0
    for score, candidate in scored:
        if best is None or score > best_cosine:
            best, best_cosine = candidate, score
    if best is not None and best_cosine <= SUPERSESSION_THRESHOLD:
        best = _same_statement(fact_text, scored)
        if best is None:
            return RELATION_NEW, None, best_cosine
        best_cosine = next(score for score, candidate in scored if candidate is best)
    if best is None:
        return RELATION_NEW, None, best_cosine
    relation = _relation(fact_text, best.text, best_cosine)
    return relation, (None if relation == RELATION_NEW else best), best_cosine


def _same_statement(fact_text: str, scored: list[tuple[float, Candidate]]) -> Optional[Candidate]:
    """The most similar candidate above the floor with the fact's exact content words."""
    words = set(_content_words(fact_text))
    found: Optional[Candidate] = None
    found_cosine = FALLBACK_FLOOR
    for score, candidate in scored:
        if score > found_cosine and set(_content_words(candidate.text)) == words:
            found, found_cosine = candidate, score
    return found


def _relation(new: str, old: str, score: float) -> str:
    new_words, old_words = _content_words(new), _content_words(old)
    new_set, old_set = set(new_words), set(old_words)
    if _is_negated(new) != _is_negated(old):
        if new_set >= old_set or old_set >= new_set:
            return RELATION_UPDATES
        return RELATION_NEW
    if new_set == old_set:
        return RELATION_DUPLICATE
    if new_set > old_set:
        return RELATION_EXTENDS
    if new_set < old_set:
        return RELATION_DUPLICATE
    slot = _one_slot(new_words, old_words)
    if slot is not None:
        return RELATION_UPDATES if slot else RELATION_NEW
    return RELATION_DUPLICATE if score >= NEAR_DUPLICATE_THRESHOLD else RELATION_NEW


def _one_slot(new: list[str], old: list[str]) -> Optional[bool]:
    """None if the texts are not one-slot variants; else whether the slot replaces."""
    prefix = 0
    while prefix < min(len(new), len(old)) and new[prefix] == old[prefix]:
        prefix += 1
    new_rest, old_rest = new[prefix:], old[prefix:]
    suffix = 0
    while (
        suffix < min(len(new_rest), len(old_rest))
        and new_rest[len(new_rest) - 1 - suffix] == old_rest[len(old_rest) - 1 - suffix]
    ):
        suffix += 1
    new_slot = new_rest[: len(new_rest) - suffix]
    old_slot = old_rest[: len(old_rest) - suffix]
    frame = new[:prefix] + new_rest[len(new_rest) - suffix :]
    if not new_slot or not old_slot or set(new_slot) & set(old_slot) or len(frame) < 2:
        return None
    return not (set(frame) & _NO_UPDATE_FRAME)


def _is_negated(text: str) -> bool:
    return _NEGATION.search(text.lower().replace("’", "'")) is not None


def _content_words(text: str) -> list[str]:
    lowered = text.lower().replace("’", "'")
    for contraction, base in _CONTRACTION_BASES:
        lowered = lowered.replace(contraction, base)
    words: list[str] = []
    for token in tokens(lowered):
        if len(token) < 2 or token in STOP_WORDS or token in _FILLERS:
            continue
        if _NEGATION.fullmatch(token):
            continue
        stem = _stem(_SPELLING.get(token, token))
        if stem not in words:
            words.append(stem)
    return words
