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
subject, holds a word of its attribute's news or is about as near the question in
meaning as the fact and names none of its value ("sofia left the high street chemist for
the hospital pharmacy", not "Jo got flowers from Stanley" under Morgan Stanley: the
caller weighs that, later_news.py), does not say the value stayed ("same uni"), and the
rules, reading it again, matched no phrasing of that attribute (``extract.considered``):
news they never read, not news they turned down.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Optional

from .db import MemoryRecord
from .extract.read_for import EVERY_ATTRIBUTE, considered, said_of
from .facts import USER, WORK_ATTRIBUTES, attribute
from .timestamps import iso_to_datetime

# Words that tell of a new value of an attribute, as a plain memory says them.
_WORK = (
    r"job|jobs|role|position|post|promoted|promotion|hired|started|starting|starts|joined|"
    r"joining|joins|works|working|work|gig|offer|training|trained|qualified|retrained|"
    r"title|contract|redundant|laid\s+off|out\s+on|switched|switching|changed|changes|"
    r"transfer|transferred|now\s+at|went\s+back|back\s+at"
)
_COUPLE = (
    r"dating|together|boyfriend|girlfriend|bf|gf|husband|wife|partner|split|broke\s+up|"
    r"engaged|married|official|seeing|ex"
)
_NEWS = {
    name: re.compile(r"\b(?:" + words + r")\b", re.I)
    for name, words in {
        "home": r"moved|moving|move|relocated|relocating|place|flat|house|apartment|home|"
        r"living|lives|emigrated|keys|settled|landed|renting|bought|transfer|transferred|"
        r"back\s+in|back\s+to",
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
# The user said as a statement's subject, or as whose it is.
_FIRST_PERSON = re.compile(r"\b(?:i|i'm|im|i've|i'd|we|we're|we've|me|my|our|us)\b", re.I)
# News opening a statement with no subject: "now at Red Hat", "moved to Leeds last week".
_NEWS_FIRST = re.compile(
    r"(?:(?:just|finally|now|officially|also|so|and|ok|update:?)\s+)*(?:moved|moving|"
    r"relocated|started|starting|joined|joining|switched|changed|landed|back|now|at|"
    r"hired|promoted|made|left|quit|new\s+(?:job|role|place|flat|house|home|boss|manager|"
    r"gig|address))\b",
    re.I,
)
# A statement's words, a name's "'s" left off ("Kwame's" is Kwame).
_WORD = re.compile(r"[^\W\d_][\w-]*")
# A while only, not what holds from now on: "for the summer", "until March".
_FOR_A_WHILE = re.compile(
    r"\b(?:for\s+(?:the\s+)?(?:summer|winter|spring|autumn|fall|holidays|weekend|week|month|"
    r"year|semester|term|time\s+being|now|a\s+(?:bit|while|few\s+\w+|couple\s+of\s+\w+))|"
    r"for\s+(?:\d+|a|an|one|two|three|four|five|six|a\s+few|a\s+couple\s+of)\s+"
    r"(?:days?|weeks?|months?|nights?)|until|till|temporarily|short[- ]term)\b",
    re.I,
)
# One's own of now or of before, named without news: "weird given my job lol", "when I
# left my last job" (not "my new job").
_OWN_OF_NOW = re.compile(
    r"\bUser['’]s\s+(?:(?:last|old|previous|former|first|weekend|summer|second|other)\s+)?"
    r"(?:job|work|role|position|post|contract)\b",
    re.I,
)
# The value said to have stayed: "switched to the AI MSc, same uni".
_SAME = re.compile(
    r"\bsame\s+(?:uni|university|school|college|job|company|firm|employer|place|flat|house|"
    r"team|boss|manager|gp|doctor|therapist|landlord|bank|gym|city|town|area)\b",
    re.I,
)


def tells_news_of(before: MemoryRecord, told: MemoryRecord, meant: bool) -> bool:
    """Whether ``told``, a plain memory said after the keyed fact ``before`` (and telling
    of a change, which the caller checks), is news of ``before``'s key that the rules did
    not read: so it answers before it. ``meant``: the caller found it about as near the
    question in meaning, naming none of ``before``'s value, which stands for a word of
    the attribute's news."""
    name = before.attribute
    spec = attribute(name)
    news = _NEWS.get(name or "")
    if told.attribute is not None or spec is None or not spec.single or news is None:
        return False
    if not (meant or news.search(_OWN_OF_NOW.sub(" ", told.text))) or _SAME.search(told.text):
        return False
    if _FOR_A_WHILE.search(told.text):
        return False  # "moving in with my parents in Ohio for the summer": a while only
    if not _names(told.statement or told.text, before.subject, spec.asked_by):
        return False
    read = considered(told.statement or told.text, _said(told))
    if EVERY_ATTRIBUTE in read:
        return False  # turned down whole: a condition, a life's story, a guess
    if name in WORK_ATTRIBUTES:
        return not (read & WORK_ATTRIBUTES)  # "I quit my weekend job": work read
    return name not in read


def _names(statement: str, subject: Optional[str], asked_by: str) -> bool:
    """Whether the words of a memory (its ``statement``, as said) are said of ``subject``
    (a keyed fact's), as the rules read whom a clause is about: the user ("I now report to
    tomasz", "now at Red Hat"), or the user's by the attribute's relation word ("my
    therapist's gone on mat leave"); someone by their name or relation word ("Kwame is out
    on the ambulances", "my sister's at KPMG now")."""
    said = said_of(statement)  # (the rules load on the first read)
    if subject is None or subject == USER:
        relation = said[:-1] if said.endswith(":") else None
        if relation is not None:
            return relation in asked_by.split()
        # the user said so ("I", "we", "my"), or news said without a subject, as chat
        # says its own ("now at Red Hat"); not whatever the rules leave the user's ("New
        # people from Belfast are moving in next door", "Living room finally painted")
        return said == USER and (
            _FIRST_PERSON.search(statement) is not None or _NEWS_FIRST.match(statement) is not None
        )
    relation, _, name = subject.rpartition(":")
    their_relation, _, their_name = said.rpartition(":")
    if name and (their_name == name or name in _WORD.findall(statement)):
        return True  # "Kwame …", "my brother Kwame …", "helped Lena move …"
    return bool(relation) and their_relation == relation and not (name and their_name)


def _said(memory: MemoryRecord) -> datetime:
    """When a memory was said, as the rules read it again."""
    return iso_to_datetime(memory.said)
