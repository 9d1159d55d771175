"""A change told later: whether a memory said in a later message answers before one said
earlier, in a hybrid search that asks what holds now.

A current memory that tells of a change (``CHANGE_TOLD``: "moved", "switched", "no
longer", "now", "my first week at"…) goes above the older candidates ranked just above
it when it answers the question about as well as they do. "About as well" is read three
ways, by what the older one is:

- **a plain memory matched about as well** (the fused scores within ``CHANGE_RATIO``),
  of no one else than the older one names: "my in-laws live in Cork" then "the in-laws
  moved to Spain!!" — "where do my in-laws live now?" answers with the later word first
  (never "my mate just got a new manager" over "my manager gareth is great");
- **a plain memory its meaning is about as near** (the model arm's cosines within
  ``MEANING_RATIO``), where the words are not: the older one names what was asked ("my
  dentist in ponsonby wants $900"), the later one only what it is now ("switched to
  bright smile dental"), so the words' arms rank it far below. It must say
  something of its own (not "she is there now"), not of someone else the older one
  does not name ("my friend joked I should learn klingon instead"), nor that the thing
  stayed ("arlo wants to stay"). The built-in meaning knows words, not sentences, so
  only a change told passes this way, never a memory that merely shares the topic;
- **a keyed fact the question asks about**, only by news of its key the rules did not
  read (news_of_a_key.py): in a word of the attribute's news, or about as near in
  meaning (``MEANING_RATIO``) naming none of the fact's value.

The other clauses of the later memory's own message are no older than it: it steps over
those matched about as well (within ``CHANGE_RATIO``) on its way to what it passes
("handed in the dissertation!! now i'm building a budgeting app" above the keyed
dissertation), never over one matched far better ("moving day done!! officially a
Swansea resident"); and over a fact that only says who the asked person is.
"""

from __future__ import annotations

import re

from .arms import Arms
from .db import MemoryRecord
from .embed import STOP_WORDS
from .extract.read_for import said_of
from .facts import USER
from .news_of_a_key import tells_news_of

CHANGE_RATIO = 0.7
# The later memory's cosine with the question at least this share of the earlier's
# (bench/answers.py and the blind reviews' tuning sets, BENCHMARKS.md 6zzg). A ratio,
# not a cosine: it holds for a model embedder's cosines as for the built-in's, which run
# lower; the embedder's own floor already keeps what is far from the question out of the
# arm.
MEANING_RATIO = 0.5
CHANGE_TOLD = re.compile(
    r"\b(?:now|anymore|any\s+more|no\s+longer|no\s+more|after\s+all|instead|switched|"
    r"switching|swapped|moved|moving|changed|replaced|upgraded|new|finally|quit|stopped|"
    r"gave\s+up|dropped|cancelled|canceled|closed|sold|left|off|back\s+to|back\s+on|"
    r"got\s+rid|these\s+days|started|starting|starts|began|begins|transferred|"
    r"transferring|ended\s+up|upped|bumped|nowadays|from\s+now\s+on|since|"
    # a correction of what was said: "wait no sorry, pottery's on tuesdays"
    r"wait\s+no|i\s+meant|correction|scratch\s+that|"
    r"(?:got|had|said|wrote|typed)\s+(?:it|that|this)\s+wrong|i\s+was\s+wrong|"
    r"first\s+(?:week|day|days|month|appointment|session|sessions|class|shift|lesson|term|"
    r"visit|night|parkrun|run)|settling\s+in(?:to)?)\b",
    re.I,
)
# What the later memory says stayed as it was: no change, whatever else it tells.
_STAYED = re.compile(
    r"\b(?:still|stay|stays|staying|stayed|same|stick(?:ing)?\s+with|stuck\s+with)\b", re.I
)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def passes(before: MemoryRecord, told: MemoryRecord, fused: dict[int, float], arms: Arms) -> bool:
    """Whether ``told``, a current memory telling of a change, goes above ``before``,
    ranked just above it."""
    if before.said >= told.said:
        return False
    if before.rid in arms.keyed:
        meant = _as_near(before, told, arms) and not _names_value(before, told)
        return tells_news_of(before, told, meant)
    if fused[told.rid] >= CHANGE_RATIO * fused[before.rid]:
        return _of_someone_named(told, _words(before.text))
    return before.attribute is None and _meant_as_near(before, told, arms)


def steps_over(
    before: MemoryRecord, told: MemoryRecord, fused: dict[int, float], arms: Arms
) -> bool:
    """Whether ``told`` steps over ``before`` on its way up, neither passing it nor
    stopped by it: a plain clause of its own message matched about as well, or one that
    only says who the asked person is ("User's son is Leo" for "what sport does my son
    do?", which the hits put after the answers anyway)."""
    if arms.introduces(before):
        return True
    return (
        before.said == told.said
        and before.attribute is None
        and fused[told.rid] >= CHANGE_RATIO * fused[before.rid]
    )


def _meant_as_near(before: MemoryRecord, told: MemoryRecord, arms: Arms) -> bool:
    """Whether ``told`` is about as near the question in meaning as the plain ``before``,
    says something of its own, of no one ``before`` does not name, and not that it
    stayed."""
    if not _as_near(before, told, arms):
        return False
    if _STAYED.search(told.text):
        return False
    said_before = _words(before.text)
    if not _words(told.text) - said_before - set(arms.terms) - STOP_WORDS:
        return False  # "She is there now": nothing said of its own
    return _of_someone_named(told, said_before)


def _as_near(before: MemoryRecord, told: MemoryRecord, arms: Arms) -> bool:
    """Whether the model arm found ``told`` about as near the question as ``before``."""
    near = arms.meant.get(told.rid)
    return near is not None and near >= MEANING_RATIO * arms.meant.get(before.rid, 0.0)


def _names_value(before: MemoryRecord, told: MemoryRecord) -> bool:
    """Whether ``told`` says a word of the value of the keyed ``before``."""
    return bool(_words(before.value or "") & _words(told.text) - STOP_WORDS)


def _of_someone_named(told: MemoryRecord, said_before: set[str]) -> bool:
    """Whether ``told`` is of the user, of someone unnamed ("he", "she", said of no one),
    or of someone ``before`` names (its words, ``said_before``): not "my friend joked…"
    after "learning german because…", nor "my mate just got a new manager" after "my
    manager gareth is great"."""
    said = said_of(told.statement or told.text)  # (the rules load on the first read)
    if said in ("", USER) or said.startswith("~"):
        return True
    relation, _, name = said.rpartition(":")
    return any(word.lower() in said_before for word in (relation, name) if word)


def _words(text: str) -> set[str]:
    return {word.lower() for word in _WORD.findall(text)}
