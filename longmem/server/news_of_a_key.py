"""News of a key the rules did not read: whether a memory told later may answer before the
keyed fact it changes.

A keyed fact of the question ranks far above everything in search (the key arm). When a
later message changed it in words the rules have no phrasing for ("reorg happened, i
now report to tomasz" under "User's manager is Priya"; "Kwame is out on the ambulances
from next week" under "User's brother Kwame works as an a&e nurse"), the plain memory
that tells of it should answer first. Not every plain memory is one the rules missed:
as often they read it and turned it down — a life's story ("my family moved to Austin
when I was 5"), a dream, a team's move, another job ("I quit my weekend job"). So a
plain memory passes a keyed fact only when it tells of a change, names the fact's
subject, holds a word of its attribute's news, does not say the value stayed ("same
uni"), and the rules, reading it again, matched no phrasing of that attribute
(``extract.considered``): news they never read, not news they turned down.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Optional

from .db import MemoryRecord
from .extract.read_for import EVERY_ATTRIBUTE, considered
from .facts import USER, WORK_ATTRIBUTES, attribute
from .timestamps import iso_to_datetime

# Words that tell of a new value of an attribute, as a plain memory says them.
_WORK = (
    r"job|jobs|role|position|post|promoted|promotion|hired|started|starting|starts|joined|"
    r"joining|joins|works|working|work|gig|offer|training|trained|qualified|retrained|"
    r"title|contract|redundant|laid\s+off|out\s+on"
)
_COUPLE = (
    r"dating|together|boyfriend|girlfriend|bf|gf|husband|wife|partner|split|broke\s+up|"
    r"engaged|married|official|seeing|ex"
)
_NEWS = {
    name: re.compile(r"\b(?:" + words + r")\b", re.I)
    for name, words in {
        "home": r"moved|moving|move|relocated|relocating|place|flat|house|apartment|home|"
        r"living|lives|emigrated|keys|settled|landed|renting|bought",
        "job": _WORK,
        "employer": _WORK,
        "school": r"school|schools|starts|started|starting|moved|moving|enrolled|"
        r"transferred|transferring|nursery|primary|academy|college|uni|term",
        "studies": r"studying|study|studies|course|degree|switched|transferred|major|"
        r"masters|msc|ma|phd",
        "partner": _COUPLE,
        "relationship": _COUPLE,
        "therapist": r"therapist|counsellor|counselor|psychologist|matched|session|sessions",
        "manager": r"manager|boss|report|reports|reporting|reorg|line\s+manager",
        "doctor": r"doctor|gp|surgery|practice|registered|clinic",
        "landlord": r"landlord|landlady|letting|letting\s+agent|agent|agency|owner|managed",
        "gym": r"gym|joined|membership|climbing|bouldering|leisure",
        "bank": r"bank|account|switched|moved",
        "diet": r"eat|eating|eats|vegan|vegetarian|veggie|meat|pescatarian|diet|keto",
        "project": r"project|lead|leading|working\s+on|pulled\s+off|moved\s+to",
        "phone": r"number|phone",
        "email": r"email|e-mail",
    }.items()
}
# The user as a memory's subject, in its first words: "User now reports to tomasz".
_THE_USER_FIRST = re.compile(r"(?:[\w'’-]+\s+){0,3}?User\b(?!['’])")
# What of the user's a memory names: "User's therapist", "User's new manager".
_USERS = re.compile(r"\bUser['’]s\s+(?:new\s+)?([\w-]+)")
# A text's words, a name's "'s" left off: "Kwame's" is Kwame.
_WORD = re.compile(r"[\w-]+(?=['’]s\b|\b)")
# One's own of now, named without news: "weird given my job lol" (not "my new job").
_OWN_OF_NOW = re.compile(r"\bUser['’]s\s+(?:job|work|role|position|post|contract)\b", re.I)
# The value said to have stayed: "switched to the AI MSc, same uni".
_SAME = re.compile(
    r"\bsame\s+(?:uni|university|school|college|job|company|firm|employer|place|flat|house|"
    r"team|boss|manager|gp|doctor|therapist|landlord|bank|gym|city|town|area)\b",
    re.I,
)


def tells_news_of(before: MemoryRecord, told: MemoryRecord) -> bool:
    """Whether ``told``, a plain memory said after the keyed fact ``before`` (and telling
    of a change, which the caller checks), is news of ``before``'s key that the rules did
    not read: so it answers before it."""
    name = before.attribute
    spec = attribute(name)
    news = _NEWS.get(name or "")
    if told.attribute is not None or spec is None or not spec.single or news is None:
        return False
    if not news.search(_OWN_OF_NOW.sub(" ", told.text)) or _SAME.search(told.text):
        return False
    if not _names(told.text, before.subject, spec.asked_by):
        return False
    read = considered(told.statement or told.text, _said(told))
    if EVERY_ATTRIBUTE in read:
        return False  # turned down whole: a condition, a life's story, a guess
    if name in WORK_ATTRIBUTES:
        return not (read & WORK_ATTRIBUTES)  # "I quit my weekend job": work read
    return name not in read


def _names(text: str, subject: Optional[str], asked_by: str) -> bool:
    """Whether a memory's ``text`` is said of ``subject`` (a keyed fact's): the user as
    its subject ("User now reports to tomasz"), or by the relation word of the attribute
    ("User's therapist has gone on mat leave"); someone by their name or relation word
    ("Kwame is out on the ambulances", "User's brother …")."""
    owned = [m.group(1).lower() for m in _USERS.finditer(text)]  # "User's therapist"
    if subject is None or subject == USER:
        return _THE_USER_FIRST.match(text) is not None or bool(set(owned) & set(asked_by.split()))
    relation, _, name = subject.rpartition(":")
    if relation and relation in owned:
        return True
    said = " ".join(_WORD.findall(text))
    return bool(name) and f" {name} " in f" {said} "


def _said(memory: MemoryRecord) -> datetime:
    """When a memory was said, as the rules read it again."""
    return iso_to_datetime(memory.said)
