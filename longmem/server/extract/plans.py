"""Dated plans: an event of the user's said with its day ("exam on 20 may", "interview at
monzo on thursday", "flight to lisbon on the 14th", "thesis due 31 march"), keyed
``date:<event>`` with the day as said, so that a day said later for the same event
("flight moved to the 22nd", "the wedding's now 3 april 2027") retires the one said
before, whatever the wording. A new day said with no event ("they've brought it forward
to 13 may", "delayed again, 19th june now") is keyed ``date:`` alone: ``remember`` gives
it the event of the collection's newest dated plan, or keeps it as words.

What a plan is told as stays its words (the memory's text is the clause as said); only
the key is added. Someone else's event ("her wedding is on 3 june", "my sister's exam
is on monday"), a hedged one ("if my interview is on friday") and one of a list asked
for are not read.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from ..facts import DATE_PREFIX, USER, ExtractedFact
from .lexicon import ANY_WEEKDAY_RE, HEDGED, MONTH_RE

# The events a day is kept for, as typed, and the one word each is keyed by.
_EVENTS = {
    **dict.fromkeys(("exam", "exams", "finals"), "exam"),
    **dict.fromkeys(("test",), "test"),
    **dict.fromkeys(("interview", "interviews"), "interview"),
    **dict.fromkeys(("appointment", "appt", "appts", "appointments"), "appointment"),
    **dict.fromkeys(("flight", "flights"), "flight"),
    **dict.fromkeys(("wedding", "big day"), "wedding"),
    **dict.fromkeys(("due date", "baby due", "baby's due"), "due date"),
    **dict.fromkeys(("thesis", "dissertation", "essay", "assignment", "coursework"), "deadline"),
    **dict.fromkeys(("deadline", "submission"), "deadline"),
    **dict.fromkeys(("move", "moving date", "move date", "completion", "move-in"), "move"),
    **dict.fromkeys(("moving out", "moving in", "moving house", "moving day"), "move"),
    **dict.fromkeys(("surgery", "operation", "op", "procedure"), "operation"),
    **dict.fromkeys(("scan", "ultrasound"), "scan"),
    **dict.fromkeys(("viva", "defence", "defense", "graduation", "induction", "hearing"), ""),
    **dict.fromkeys(("marathon", "half marathon", "half", "race", "10k", "5k"), "race"),
    **dict.fromkeys(("start date",), "start date"),
}
# Which appointment or test it is: "dentist appointment", "driving test", "gp appt".
_KINDS = {
    **dict.fromkeys(("gp", "doctor", "doctor's", "doctors", "docs", "doc's"), "doctor"),
    **dict.fromkeys(("dentist", "dentist's", "dental"), "dentist"),
    **dict.fromkeys(("eye", "optician", "opticians", "optician's"), "eye"),
    **dict.fromkeys(("hair", "hairdresser", "hairdresser's", "haircut"), "hair"),
    **dict.fromkeys(("hospital", "clinic", "consultant", "specialist"), "hospital"),
    **dict.fromkeys(("vet", "vet's", "vets"), "vet"),
    **dict.fromkeys(("physio", "physiotherapy"), "physio"),
    **dict.fromkeys(("driving", "theory"), "driving"),
    **dict.fromkeys(("blood",), "blood"),
    **dict.fromkeys(("visa", "embassy"), "visa"),
}
_EVENT = (
    r"(?P<kind>(?:"
    + "|".join(sorted(map(re.escape, _KINDS), key=len, reverse=True))
    + r")\s+)?(?P<event>"
    + "|".join(
        sorted((re.escape(e).replace(r"\ ", r"\s+") for e in _EVENTS), key=len, reverse=True)
    )
    + r")\b"
)

# A day as chat types it, kept as said: "20 may", "the 3rd of june 2027", "may 20th",
# "april 10-20", "the 22nd", "thursday", "monday 9am", "next friday", "in june",
# "3/4", "tomorrow".
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?:19|20)\d\d)?"
_MONTH = r"(?:" + MONTH_RE + r")\.?"
_AT_TIME = r"(?:\s+(?:at\s+)?\d{1,2}(?:[:.]\d\d)?\s*(?:am|pm)\b)?"
DATE = (
    r"(?:(?:the\s+)?" + _DAY + r"(?:\s+of)?\s+" + _MONTH + r"\b" + _YEAR
    + r"|" + _MONTH + r"\s+" + _DAY + r"(?:\s*-\s*" + _DAY + r")?\b" + _YEAR
    + r"|the\s+\d{1,2}(?:st|nd|rd|th)\b"
    + r"|(?:next\s+|this\s+)?(?:" + ANY_WEEKDAY_RE + r")\b" + _AT_TIME
    + r"|in\s+(?:" + MONTH_RE + r")\b(?!\s+\d)"
    + r"|\d{1,2}/\d{1,2}(?:/(?:19|20)?\d\d)?\b"
    + r"|tomorrow\b|next\s+(?:week|month)\b)"
)  # fmt: skip

# Whose the event is, when not the user's: "her wedding", "my sister's exam", "Tom's
# interview", "the kids' scan".
_THEIRS = r"(?<!\w)(?:his|her|their|your|[\w-]+['’]s?|[\w-]+s['’])\s+(?:[\w-]+\s+)?$"
_THEIRS_BEFORE = re.compile(_THEIRS, re.I)
_MINE_BEFORE = re.compile(r"(?<!\w)(?:my|our|me)\s+(?:[\w-]+\s+)?$|(?<!\w)i['’]?m\s+$", re.I)

_I = re.compile(r"\b(?:i|i'm|i've|i'll|me|my|we|we're|we've|us|our)\b", re.I)
_MOVED = (
    r"(?:moved|pushed(?:\s+back)?|put\s+back|postponed|rescheduled|re-scheduled|changed|"
    r"brought\s+forward|delayed|bumped|shifted|extended)"
)
_RESET = r"(?:has\s+been\s+|have\s+been\s+|was\s+|were\s+|got\s+|'s\s+been\s+|is\s+|been\s+)?"

# The event said, then its day: "exam on 20 may", "interview at monzo on thursday",
# "flight to lisbon on the 14th", "the wedding's now 3 april 2027", "gp appointment, 3rd
# of feb", "thesis due 31 march", "half marathon on 5 april".
_SAID = re.compile(
    r"(?:^|(?<=\s)|(?<=^the\s)|(?<=^my\s))"
    + _EVENT
    + r"(?:\s+(?:to|in|at|with|for)\s+(?!(?:the\s+)?\d)[\w'&.-]+(?:\s+[\w'&.-]+)?)??"
    + r"(?:\s*(?:['’]s|\s+is|\s+was|\s+are))?"
    + r"(?:\s+(?:now|still|finally|officially|booked|set|scheduled|confirmed|due|fixed))*"
    + r"(?:\s+(?:on|for|in|by))?\s*,?\s+(?:now\s+)?(?P<day>"
    + DATE
    + r")"
    # (not a price: "flights to Toronto in August are £640")
    + r"(?!\s+(?:are|is|were|was|cost|costs|look|looks|seem|seems)\b)",
    re.I,
)
# A day said first: "booked the dentist for the 3rd", "got my exam date: 20 may".
# The event moved to another day: "flight moved to the 22nd", "appt moved to the 10th",
# "completion delayed, now the 12th of june", "exam got pushed back to 19 may".
_MOVED_SAID = re.compile(
    r"(?:^|(?<=\s))" + _EVENT + r"[^,.;!?]{0,25}?\b" + _RESET + _MOVED
    + r"(?:\s+(?:again|forward|back))?(?:\s+(?:to|till|until|til|for))?\s*,?\s*(?:now\s+)?"
    + r"(?P<day>" + DATE + r")",
    re.I,
)  # fmt: skip
# … said verb first: "they moved my interview to monday", "rescheduled the scan for friday".
_MOVED_IT = re.compile(
    r"\b(?:moved|pushed|put|brought|postponed|rescheduled|re-scheduled|changed|delayed|bumped|"
    r"shifted)\s+(?:(?:my|the|our)\s+" + _EVENT + r"|it|that)(?:\s+(?:back|forward|again))*"
    r"\s+(?:to|till|until|til|for)\s+(?P<day>" + DATE + r")",
    re.I,
)
# A wedding's day set: "we set the date! 12 sept 2026 at the barn venue".
_SET_THE_DATE = re.compile(
    r"\b(?:set|picked|chose|booked)\s+(?:the|a)\s+(?:wedding\s+)?date\b\W+(?:for\s+|it's\s+)?"
    r"(?P<day>" + DATE + r")",
    re.I,
)
# A new day with no event: "delayed AGAIN, 19th june now", "supervisor gave me till 30
# april", "got an extension to the 5th".
_NEW_DAY = re.compile(
    r"\b(?:(?:delayed|postponed|pushed\s+back|moved)(?:\s+again)?\s*,?\s*(?:now\s+)?(?P<day>"
    + DATE
    + r")(?=\s*(?:now\b|$|[,.!;]))|(?:gave|given)\s+me\s+(?:till|until|an\s+extension\s+"
    r"(?:to|till|until))\s+(?P<day2>" + DATE + r")|(?:got|have)\s+an\s+extension\s+"
    r"(?:to|till|until)\s+(?P<day3>" + DATE + r"))",
    re.I,
)  # fmt: skip


def dated_plans(content: str, facts: list[ExtractedFact]) -> list[ExtractedFact]:
    """``content``'s ``facts``, each plain memory of the user's that tells a dated plan
    keyed by its event (``date:<event>``, or ``date:`` when its event is the last one
    told)."""
    # "didi got engaged!! to a guy from Chennai, wedding in december": a plan told beside
    # someone else's news, with no word of the user's, is theirs
    theirs = any(f.attribute and f.subject != USER for f in facts)
    facts = [
        _dated(f) if _open(f) and not (theirs and not _I.search(f.statement)) else f for f in facts
    ]
    wedding = _SET_THE_DATE.search(content)
    if wedding is not None and not HEDGED.search(content):
        # "we set the date! 12 sept 2026 at the barn venue": the day, where it is said
        day = " ".join(wedding.group("day").split())
        at = next(
            (i for i, f in enumerate(facts) if _open(f) and day.lower() in f.statement.lower()),
            None,
        )
        if at is not None:
            facts[at] = replace(facts[at], attribute=DATE_PREFIX + "wedding", value=day)
    return facts


def _open(fact: ExtractedFact) -> bool:
    return (
        fact.attribute is None
        and fact.subject == USER
        and not fact.negated
        and fact.corrects is None
        and not fact.corrects_last
        and bool(fact.statement)
    )


def _dated(fact: ExtractedFact) -> ExtractedFact:
    said = fact.statement
    if HEDGED.search(said):
        return fact  # "if my interview is on friday", "might move the exam to june"
    found = plan_of(said)
    if found is None:
        return fact
    event, day = found
    return replace(fact, attribute=DATE_PREFIX + event, value=day)


def plan_of(said: str) -> Optional[tuple[str, str]]:
    """The event (``""`` when not said) and its day that ``said`` tells, or None."""
    for pattern in (_MOVED_SAID, _MOVED_IT, _SAID):
        for match in pattern.finditer(said):
            event = match.group("event")
            if event is not None and not _the_users(said, match.start()):
                continue
            day = " ".join(match.group("day").split())
            if event is None:
                return "", day
            return _key(match.group("kind"), event), day
    new = _NEW_DAY.search(said)
    if new is not None:
        day = next(d for d in new.group("day", "day2", "day3") if d)
        return "", " ".join(day.split())
    return None


def _the_users(said: str, at: int) -> bool:
    """Whether the event that begins at ``at`` is the user's: said with no one's word
    before it, or with "my" / "our"."""
    before = said[:at]
    if _SOMEONES_EVENT.search(before) and said[at:].lower().startswith(_SOMEONES):
        return False  # "Tom and I had a wedding on Saturday": a wedding, someone's
    return _MINE_BEFORE.search(before) is not None or _THEIRS_BEFORE.search(before) is None


# A wedding or party said with "a": someone's, whom the user goes to.
_SOMEONES = ("wedding", "big day")
_SOMEONES_EVENT = re.compile(r"(?<!\w)an?\s+$", re.I)


def _key(kind: Optional[str], event: str) -> str:
    name = _EVENTS[" ".join(event.lower().split())] or " ".join(event.lower().split())
    if kind is None:
        return name
    return f"{_KINDS[' '.join(kind.lower().split())]} {name}"


# A question of when: "when is my exam?", "user wedding date", "user upcoming race".
_ASKS_WHEN = re.compile(
    r"\b(?:when|date|dates|day|due|time|scheduled|booked|upcoming|next|moved|rescheduled)\b",
    re.I,
)
_EVENT_ASKED = re.compile(r"(?:^|(?<=\W))" + _EVENT, re.I)
# Words a question asks a plan by that no plan is told by: "when am I moving?", "user
# next trip date" (a trip's day is its flight's).
_ASKED_AS = {
    **dict.fromkeys(("moving", "move"), "move"),
    **dict.fromkeys(("trip", "flying", "fly", "travel", "travelling", "traveling"), "flight"),
}
_ASKED_AS_WORD = re.compile(r"\b(?:" + "|".join(_ASKED_AS) + r")\b", re.I)


def asked_plans(query: str) -> list[str]:
    """The ``date:<event>`` keys a question of when asks ("when is my doctor's
    appointment?" → ``date:doctor appointment``, then ``date:appointment``), or []."""
    if not _ASKS_WHEN.search(query):
        return []
    keys: list[str] = []
    for match in _EVENT_ASKED.finditer(query):
        key = _key(match.group("kind"), match.group("event"))
        bare = key.split()[-1] if match.group("kind") else ""
        keys += [DATE_PREFIX + k for k in (key, bare) if k]
    keys += [DATE_PREFIX + _ASKED_AS[w.lower()] for w in _ASKED_AS_WORD.findall(query)]
    return list(dict.fromkeys(keys))
