"""Dated plans: an event of the user's said with its day ("exam on 20 may", "interview at
monzo on thursday", "maths exam on the 22nd", "thesis due 31 march"), keyed
``date:<event>`` with the day as said, so that a day said later for the same plan
("flight moved to the 22nd", "the wedding's now 3 april 2027") retires the one said
before, whatever the wording, and one called off or told done ("the wedding's off",
"cancelled my dentist appointment", "PASSED MY DRIVING TEST") ends it.

The event is its word and the word said before it of which one it is ("maths exam",
"dentist appointment"; "job interview" is an interview), or whom or where for an
interview or a flight ("monzo interview", "lisbon flight"): two exams of two subjects are
two plans, and a second of a kind said so ("another exam on 3 june") is words. A new day
for an event said bare ("appt moved to the 10th") or by who sets it ("the airline moved
it": the flight) sets ``redates`` to ""; with no event at all it is keyed ``date:``
alone, ``redates`` the word said of it ("monzo moved it to friday": "monzo") or "" for
"they" / "it" ("they've brought it forward to 13 may", "delayed again, 19th june now");
a change said loosely, a word of change with an event and a day anywhere ("uni pushed the
exam back a week, it's 27 may now"), is known by the event's word ("exam").
``remember`` resolves each against the plans the collection holds (relate/plans.py
``_of_a_plan``), or keeps it as words.

What a plan is told as stays its words (the memory's text is the clause as said); only
the key is added. Not read as the user's: someone else's event ("her wedding is on 3
june", "my bf has an interview on thursday", "exam is on monday for my son", "the
royal wedding"), one told past, denied or hedged ("my exam was on monday", "no exam on
monday", "if my interview is on friday"), a price ("flights to Toronto in August are
£640"), a move to a place (the homes' rules read it), and a day for something else ("my
train got delayed, now friday").
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from ..embed import STOP_WORDS
from ..facts import DATE_PREFIX, USER, ExtractedFact
from .lexicon import ANY_WEEKDAY_RE, CLAUSE_VERBS, HEDGED, MONTH_RE, NEGATION, words
from .names import PERSON_WORDS

# The events a day is kept for, as typed, and the word each is keyed by.
_EVENTS = {
    **dict.fromkeys(("exam", "exams", "finals"), "exam"),
    **dict.fromkeys(("test",), "test"),
    **dict.fromkeys(("interview", "interviews"), "interview"),
    **dict.fromkeys(("appointment", "appt", "appts", "appointments"), "appointment"),
    **dict.fromkeys(("flight", "flights", "flying", "flying out", "fly out"), "flight"),
    **dict.fromkeys(("wedding", "big day"), "wedding"),
    **dict.fromkeys(("due date", "baby due", "baby's due"), "due date"),
    **dict.fromkeys(("thesis", "dissertation", "essay", "assignment", "coursework"), "deadline"),
    **dict.fromkeys(("deadline", "submission"), "deadline"),
    **dict.fromkeys(("move", "moving date", "move date", "completion", "move-in"), "move"),
    **dict.fromkeys(("moving out", "moving in", "moving house", "moving day", "moving"), "move"),
    **dict.fromkeys(("surgery", "operation", "op", "procedure"), "operation"),
    **dict.fromkeys(("scan", "ultrasound"), "scan"),
    **dict.fromkeys(("viva", "defence", "defense", "graduation", "induction"), ""),
    **dict.fromkeys(("marathon", "half marathon", "10k", "5k", "triathlon", "race"), ""),
    **dict.fromkeys(("start date",), "start date"),
}
# Events that are a plan of one's own only with the word of which one ("driving test",
# "park run race"): "put it to the test", "the rat race" are none.
_NAMED_ONLY = frozenset(("test", "race"))
# Which one it is, said before the event, as one word: "gp appt" is a doctor appointment.
_KINDS = {
    **dict.fromkeys(("gp", "doctor", "doctor's", "doctors", "docs", "doc's"), "doctor"),
    **dict.fromkeys(("dentist", "dentist's", "dental"), "dentist"),
    **dict.fromkeys(("eye", "optician", "opticians", "optician's"), "eye"),
    **dict.fromkeys(("hair", "hairdresser", "hairdresser's", "haircut"), "hair"),
    **dict.fromkeys(("hospital", "clinic", "consultant", "specialist"), "hospital"),
    **dict.fromkeys(("vet", "vet's", "vets"), "vet"),
    **dict.fromkeys(("physio", "physiotherapy"), "physio"),
    **dict.fromkeys(("maths", "math"), "maths"),
}
# Words before an event that say no kind of it ("my first exam", "a job interview").
_NO_KIND = STOP_WORDS | words(
    """a an the my our his her their your this that next last first final big new upcoming
    job actual real official proper own one two three second third its it's i'm im got
    get gets have has had is are was were be been being am booked booking scheduled set
    confirmed another any every some no and but so or ugh omg lol finally still now just
    also really even half"""
)
_WORD = r"[a-z][a-z0-9-]*(?![\w'’-])"
_EVENT = (
    r"(?P<kind>(?:"
    + "|".join(sorted(map(re.escape, _KINDS), key=len, reverse=True))
    + r"|(?<![\w'’])(?!(?:"
    + "|".join(sorted(map(re.escape, _NO_KIND), key=len, reverse=True))
    + r")\b)"
    + _WORD
    + r")\s+)?(?P<event>"
    + "|".join(
        sorted((re.escape(e).replace(r"\ ", r"\s+") for e in _EVENTS), key=len, reverse=True)
    )
    # (not "surgery hours", "exam results", "wedding dress", "interview questions")
    + r")\b(?!\s+(?:hours|times|opening|fees?|prices?|results?|revision|prep|papers?|questions?|"
    r"nerves|outfits?|dress|playlist|tips|advice|invites?|invitations?|guests?|venue|"
    r"for\s+(?:my|our|the|his|her|their|a|an)\b))"
)

# An event's word anywhere: what every reading of a plan without a day needs (the
# called-off and done ones), so a clause with neither is read no further.
_EVENT_WORD = re.compile(
    r"\b(?:"
    + "|".join(
        sorted((re.escape(e).replace(r"\ ", r"\s+") for e in _EVENTS), key=len, reverse=True)
    )
    + r")\b",
    re.I,
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

# Whose the event is, said before it, when not the user's: "her wedding", "my sister's
# exam", "Tom's interview", "the kids' scan"; and a plan of the user's said as one's own.
_THEIRS_BEFORE = re.compile(
    r"(?<!\w)(?:his|her|their|your|[\w-]+['’]s?|[\w-]+s['’])\s+(?:[\w-]+\s+)?$", re.I
)
_MINE_BEFORE = re.compile(r"(?<!\w)(?:my|our|me)\s+(?:[\w-]+\s+)?$|(?<!\w)i['’]?m\s+$", re.I)
# … someone's, said with "a": "Tom and I had a wedding on Saturday"; a day of something
# for the event: "revision session for the exam on tuesday".
_A_WEDDING_BEFORE = re.compile(r"(?<!\w)an?\s+$", re.I)
_FOR_IT_BEFORE = re.compile(r"\bfor\s+(?:the|my|an?)\s+$", re.I)
# … and a public event, named with "the": "the royal wedding", "the F1 race" (not "the
# wedding's now 3 april", "the dentist appointment").
_THE_BEFORE = re.compile(r"(?<!\w)the\s+(?:[\w-]+\s+)?$", re.I)
# … or whose, said after its day: "exam is on monday for my son", "wedding on sunday (not
# mine lol)", "operation on the 14th, the dog's".
_THEIRS_AFTER = re.compile(
    r"^\W*(?:(?:is\s+|was\s+)?for\s+(?:my|our|the|his|her|their|a)\b|\(?not\s+mine\b|"
    r"(?:the\s+)?[\w-]+['’]s?\s*(?:$|[,.!;)]))",
    re.I,
)
# Other people said in the clause: "my bf has an interview on thursday", "mum has a
# hospital appointment", "the neighbours are moving out on the 30th".
_PEOPLE = PERSON_WORDS | words(
    """neighbour neighbours neighbor neighbors flatmate flatmates roommate roommates housemate
    housemates candidate candidates students student pupils kids kid children child boss
    colleague colleagues client clients patient patients dog cat puppy nanny babysitter
    cleaner tenant tenants"""
)
_PEOPLE_SAID = re.compile(
    r"\b(?:" + "|".join(sorted(map(re.escape, _PEOPLE), key=len, reverse=True)) + r")\b", re.I
)
# Told as past, called off or denied: "my exam was on monday", "had my interview on
# thursday", "passed my driving test on the 14th" (a day later is a new plan).
_PAST = re.compile(
    r"\b(?:was|were|had|did|went|passed|failed|landed|sat|took|finished|done|over|"
    r"invigilat\w*|proctor\w*|marking|marked)\b",
    re.I,
)
_MATCH_UP = re.compile(r"\b(?:vs\.?|versus|v)\s", re.I)
_HEDGES = re.compile(r"\b(?:hop(?:e|es|ed|ing)|wish|would|could|should|wonder\w*)\b", re.I)

_MOVED = (
    r"(?:moved|pushed(?:\s+back)?|put\s+back|postponed|rescheduled|re-scheduled|changed|"
    r"brought\s+forward|delayed|bumped|shifted|extended)"
)
_RESET = r"(?:has\s+been\s+|have\s+been\s+|was\s+|were\s+|got\s+|'s\s+been\s+|is\s+|been\s+)?"
_FROM = r"(?:from\s+" + DATE + r"\s+)?"

# The event said, then its day: "exam on 20 may", "interview at monzo on thursday",
# "flight to lisbon on the 14th", "the wedding's now 3 april 2027", "gp appointment, 3rd
# of feb", "thesis due 31 march", "half marathon on 5 april".
_SAID = re.compile(
    r"(?:^|(?<=\s))"
    + _EVENT
    + r"(?:\s+(?:to|in|at|with)\s+(?!(?:the\s+)?\d)(?P<at>[\w'&.-]+)"
    + r"(?:\s+(?!(?:next|this|on|in|at|for|by)\b)[\w'&.-]+)?)??"
    + r"(?:\s*(?:['’]s|\s+is|\s+are))?"
    + r"(?:\s+(?:now|still|finally|officially|booked|set|scheduled|confirmed|due|fixed))*"
    + r"(?:\s+(?:on|for|in|by))?\s*,?\s+(?:now\s+)?(?P<day>"
    + DATE
    + r")"
    # (not a price: "flights to Toronto in August are £640")
    + r"(?!\s+(?:are|is|were|was|cost|costs|look|looks|seem|seems)\b)",
    re.I,
)
# The event moved to another day: "flight moved to the 22nd", "appt moved to the 10th",
# "completion delayed, now the 12th of june", "my exam got moved from 20 may to 27 may".
_MOVED_SAID = re.compile(
    r"(?:^|(?<=\s))" + _EVENT + r"[^,.;!?]{0,25}?\b" + _RESET + _MOVED
    + r"(?:\s+(?:again|forward|back))?(?:\s+" + _FROM + r"(?:to|till|until|til|for))?"
    + r"\s*,?\s*(?:now\s+)?(?P<day>" + DATE + r")",
    re.I,
)  # fmt: skip
# … said verb first: "they moved my interview to monday", "rescheduled the scan for friday".
_MOVED_IT = re.compile(
    r"\b(?:moved|pushed|put|brought|postponed|rescheduled|re-scheduled|changed|delayed|bumped|"
    r"shifted)\s+(?:(?:my|the|our)\s+" + _EVENT + r"|it|that|me|us)(?:\s+(?:back|forward|again))*"
    r"\s+(?:to|till|until|til|for)\s+(?P<day>" + DATE + r")",
    re.I,
)
# … or with "it" before its verb: "it's been moved to the 22nd", "it got pushed to friday".
_IT_MOVED = re.compile(
    r"\b(?:it|it's|it\s+has|that's|that\s+has)\s+(?:been\s+|got\s+|now\s+)*" + _MOVED
    + r"(?:\s+(?:back|forward|again))*\s+(?:to|till|until|til|for)\s+(?P<day>" + DATE + r")",
    re.I,
)  # fmt: skip
# A new day with no event: "delayed AGAIN, 19th june now", "supervisor gave me till 30
# april", "got an extension to the 5th".
_NEW_DAY = re.compile(
    r"^(?:(?:ugh|argh|so|and|ok|okay|omg|well|oh|lol|whoops|oops)[\s,]+)*(?:(?:it|it's|it\s+has|"
    r"they've|they\s+have)\s+(?:been\s+|got\s+)?)?(?:(?:delayed|postponed|pushed\s+back)"
    r"(?:\s+again)?\s*,?\s*(?:now\s+)?(?P<day>" + DATE + r")(?=\s*(?:now\b|$|[,.!;]))|"
    r"(?:(?:my|the)\s+)?(?:supervisor|tutor|prof|professor|lecturer|uni|university|school|"
    r"examiners?|they)\s+(?:gave|have\s+given|has\s+given)\s+me\s+(?:till|until|an\s+extension\s+"
    r"(?:to|till|until))\s+(?P<day2>" + DATE + r")|(?:i\s+)?(?:got|have)\s+an\s+extension\s+"
    r"(?:to|till|until)\s+(?P<day3>" + DATE + r")(?!\s+(?:on|for)\b))",
    re.I,
)  # fmt: skip
# Who moves a plan of the user's with no event said, before its verb: "they", "it", or
# the one who sets it — which says the plan ("the airline moved it": the flight; "monzo
# moved it to friday": the monzo interview).
_BY_THEM_BEFORE = re.compile(
    r"^(?:(?:ugh|argh|so|and|ok|okay|omg|well|oh|lol|but|now|surgery\s+rang|hospital\s+rang)"
    r"[\s,]+)*(?:(?:they|they've|they'd|they\s+have|it|it's)\s+|(?:(?:the|my)\s+)?"
    r"(?P<setter>[a-z][\w-]*)\s+)?(?:(?:have|has|had|just|now|got|went\s+and|(?:rang|called|"
    r"emailed|texted|messaged)\s+(?:me\s+|us\s+)?(?:and|,))\s+)*$",
    re.I,
)
_SETS = {
    **dict.fromkeys(("airline", "airlines"), "flight"),
    **dict.fromkeys(("uni", "university", "school", "college", "examiners", "examiner"), "exam"),
    **dict.fromkeys(("supervisor", "tutor", "prof", "professor", "lecturer"), "deadline"),
    **dict.fromkeys(("dentist", "dentists"), "dentist appointment"),
    **dict.fromkeys(("gp", "doctor", "doc", "doctors", "surgery"), "doctor appointment"),
    **dict.fromkeys(("hospital", "clinic", "consultant"), "hospital appointment"),
    **dict.fromkeys(("venue",), "wedding"),
    **dict.fromkeys(("recruiter", "company", "hr"), "interview"),
}
# A new day said after who sets the plan called it off: "dentist cancelled on me, now it's
# the 23rd", "the surgery rang, it's now the 10th".
_SET_AGAIN = re.compile(
    r"^(?:(?:the|my)\s+)?(?P<setter>[a-z][\w-]*)\s+(?:cancell?ed|rang|called|rescheduled)"
    r"(?:\s+(?:on\s+)?(?:me|us))?\s*[,;:-]?\s+(?:now\s+)?(?:it's|its|it\s+is)\s+(?:now\s+)?"
    r"(?P<day>" + DATE + r")",
    re.I,
)
# A second plan of one kind, said so: "got another exam on 3 june too", "also booked a gp
# appt on the 26th" (kept as words: it is no new day for the first).
_ANOTHER = re.compile(r"\b(?:another|also|too|as\s+well|second|2nd|other)\b", re.I)
# A plan told as done: "PASSED MY DRIVING TEST", "exam went terribly", "interview went
# really well", "did the marathon yesterday" — its day is over.
_HAPPENED = (
    re.compile(
        r"\b(?:passed|failed|did|done|sat|finished|smashed|aced|nailed|bombed|survived)\s+"
        r"(?:my|the|our)\s+" + _EVENT,
        re.I,
    ),
    re.compile(
        r"(?:^|(?<=\s))" + _EVENT + r"\s+(?:went|was\s+(?:fine|ok|okay|good|great|bad|awful|"
        r"terrible|brutal|hard|easy)|is\s+(?:done|over)|done|over)\b",
        re.I,
    ),
)
# … said by the user, or by no one: "PASSED MY DRIVING TEST", "I finally passed my viva".
_BY_ME_BEFORE = re.compile(
    r"^(?:(?:i|we|i've|we've|i\s+have|we\s+have|just|finally|so|and|omg|yay|yes|officially|"
    r"actually|ok|okay|well)[\s,!]+)*$",
    re.I,
)
# A plan called off: "the wedding's off", "cancelled my dentist appointment", "exam got
# cancelled".
_CALLED_OFF = (
    re.compile(
        r"(?:^|(?<=\s))" + _EVENT + r"(?:\s+(?:to|in|at|with|on)\s+[\w'&.-]+(?:\s+[\w'&.-]+)?)??"
        r"\s*(?:['’]s|\s+is|\s+has\s+been|\s+got|\s+was|\s+been)?\s+(?:now\s+|officially\s+)?"
        r"(?:off|cancell?ed|called\s+off|scrapped)\b",
        re.I,
    ),
    re.compile(r"\b(?:cancell?ed|called\s+off|scrapped)\s+(?:my|our|the)\s+" + _EVENT, re.I),
)  # fmt: skip
_DAY_SAID = re.compile(r"\b" + DATE, re.I)


def says_a_day(text: str) -> bool:
    """Whether ``text`` names a day ("the 22nd", "friday", "3 june"): said after a plan,
    a day for something else may be what "they moved it" is about."""
    return _DAY_SAID.search(text) is not None


_I = re.compile(r"\b(?:i|i'm|i've|i'll|me|my|we|we're|we've|us|our)\b", re.I)


def dated_plans(content: str, facts: list[ExtractedFact]) -> list[ExtractedFact]:
    """``content``'s ``facts``, each plain memory of the user's that tells a dated plan
    keyed by its event (``date:<event>``, or ``date:`` for a new day that remember gives
    to a plan told before)."""
    # "didi got engaged!! to a guy from Chennai, wedding in december": a plan told beside
    # someone else's news, with no word of the user's, is theirs
    theirs = any(f.attribute and f.subject != USER for f in facts)
    if _JOKED.search(content):
        return facts  # "my exam is on the 31st of february lol jk"
    folded = content.lower()
    facts = [
        _dated(f, _led_by(folded, f.statement))
        if _open(f) and not (theirs and not _I.search(f.statement))
        else f
        for f in facts
    ]
    wedding = _SET_THE_DATE.search(content)
    if wedding is not None and not _hedged(content):
        # "we set the date! 12 sept 2026 at the barn venue": the day, where it is said
        day = " ".join(wedding.group("day").split())
        at = next(
            (i for i, f in enumerate(facts) if _open(f) and day.lower() in f.statement.lower()),
            None,
        )
        if at is not None:
            facts[at] = replace(facts[at], attribute=DATE_PREFIX + "wedding", value=day)
    return facts


# A wedding's day set: "we set the date! 12 sept 2026 at the barn venue".
_SET_THE_DATE = re.compile(
    r"^(?:(?:we|we've|we\s+have|finally|so)\s+)*(?:set|picked|chose|booked)\s+(?:the|a)\s+"
    r"(?:wedding\s+)?date\b\W+(?:for\s+|it's\s+)?(?P<day>" + DATE + r")",
    re.I,
)


def _open(fact: ExtractedFact) -> bool:
    return (
        fact.attribute is None
        and fact.subject == USER
        and not fact.negated
        and fact.corrects is None
        and not fact.corrects_last
        and bool(fact.statement)
    )


def _hedged(said: str) -> bool:
    return HEDGED.search(said) is not None or _HEDGES.search(said) is not None


def _led_by(folded: str, statement: str) -> str:
    """The words just before ``statement`` in the message (lower-cased as ``folded``),
    which the clause reader may have left out of it ("also booked a gp appt …")."""
    at = folded.find(statement[:24].lower())
    return folded[max(0, at - 16) : at] if at > 0 else ""


def _dated(fact: ExtractedFact, led_by: str = "") -> ExtractedFact:
    said = fact.statement
    if _DAY_SAID.search(said) is None and _EVENT_WORD.search(said) is None:
        return fact  # every reading needs a day or an event's word: most clauses have neither
    if _hedged(said):
        return fact  # "if my interview is on friday", "hoping the interview is on monday"
    for patterns in (_CALLED_OFF, _HAPPENED):
        # "the wedding's off", "cancelled my dentist appointment", "PASSED MY DRIVING
        # TEST": the plan's day is over (and nothing after it, when no day is said)
        over = next((m for m in (p.search(said) for p in patterns) if m), None)
        if over is None or not _the_users(said, over, over.end()):
            continue
        if over.re is _HAPPENED[0] and not _BY_ME_BEFORE.match(said, 0, over.start()):
            continue  # "the other half of the class failed the exam": theirs
        key = _key(over.group("kind"), over.group("event"))
        if key is not None and (patterns is _CALLED_OFF or not _DAY_SAID.search(said)):
            return replace(fact, attribute=DATE_PREFIX + key, value=None, negated=True, redates="")
    found = plan_of(said)
    if found is None:
        return fact
    event, day, by = found
    # (one of its own kind said is its own plan: "chem exam on the 22nd too")
    named = " " in event and event.split()[0] not in _KINDS.values()
    another = not named and _ANOTHER.search(led_by + " " + said)
    if NEGATION.search(said) or (by is None and (_PAST.search(said) or another)):
        # "no exam on monday", "I haven't changed my flight to the 22nd yet", "my exam was
        # on monday", "another exam on …"
        return fact
    return replace(fact, attribute=DATE_PREFIX + event, value=day, redates=by)


def plan_of(said: str) -> Optional[tuple[str, str, Optional[str]]]:
    """The event (``""`` when not said) and its day that ``said`` tells, and, for a new
    day for a plan told before, who said it (``""``: no one the plan is known by; see
    ``ExtractedFact.redates``), None for a plan told; or None."""
    for pattern in (_MOVED_SAID, _MOVED_IT, _IT_MOVED, _SAID):
        for match in pattern.finditer(said):
            event = match.group("event") if "event" in pattern.groupindex else None
            day = " ".join(match.group("day").split())
            if event is None:
                by = _BY_THEM_BEFORE.match(said[: match.start()])
                if by is None:
                    continue  # "my train got delayed, now friday": the train's
                setter = (by.group("setter") or "").lower()
                if setter in _SETS:
                    return _SETS[setter], day, ""  # "the airline moved it": the flight
                return "", day, setter  # "monzo moved it to friday": the monzo one
            if not _the_users(said, match, match.end("day")):
                continue
            kind = match.group("kind")
            if kind is None and "at" in pattern.groupindex and match.group("at"):
                kind = _whose_at(event, match.group("at"))
            key = _key(kind, event)
            if key is None:
                continue
            return key, day, (None if pattern is _SAID else "")
    for event, pattern in _BY_VERB:
        verb = pattern.match(said)
        if verb is not None:  # "we're getting married on 12 sept", "I'm due on 14 sept"
            return event, " ".join(verb.group("day").split()), None
    again = _SET_AGAIN.search(said)
    if again is not None:
        setter, day = again.group("setter").lower(), " ".join(again.group("day").split())
        return (_SETS[setter], day, "") if setter in _SETS else ("", day, setter)
    new = _NEW_DAY.search(said)
    if new is not None:
        day = next(d for d in new.group("day", "day2", "day3") if d)
        # (more time given is a deadline's: "supervisor gave me till 30 april")
        return ("" if new.group("day") else "deadline"), " ".join(day.split()), ""
    return _changed_loosely(said)


# A plan of the user's said by its verb, the user its subject: "we're getting married on
# 12 sept", "I'm due on 14 sept" (a baby), "I start my new job on 1 june".
_FIRST = r"^(?:(?:so|and|ok|okay|omg|well|finally|officially|also)[\s,]+)*"
_BY_VERB = (
    (
        "wedding",
        re.compile(
            _FIRST + r"(?:(?:we're|we\s+are|were|i'm|im|i\s+am|we|i)\s+)?(?:getting\s+married|"
            r"tying\s+the\s+knot)\s+(?:on\s+|in\s+)?(?P<day>" + DATE + r")",
            re.I,
        ),
    ),
    (
        "due date",
        re.compile(
            _FIRST + r"(?:i'm|im|i\s+am)\s+(?:now\s+)?due\s+(?:on\s+|in\s+)?(?P<day>" + DATE + r")",
            re.I,
        ),
    ),
    (
        "start date",
        re.compile(
            _FIRST + r"(?:i\s+)?(?:start|starting)\s+(?:my\s+)?(?:new\s+)?(?:job|work|role)\s+"
            r"(?:on\s+|in\s+)?(?P<day>" + DATE + r")",
            re.I,
        ),
    ),
)

# Words that say a plan's day changed, however the rest is put: "uni pushed the exam back
# a week, it's 27 may now", "we've postponed the wedding to 2027, 3 april".
_CHANGED = re.compile(
    r"\b(?:moved|pushed|postponed|delayed|rescheduled|re-scheduled|changed|brought\s+forward|"
    r"bumped|shifted|put\s+back|extended|instead|new\s+date)\b",
    re.I,
)


def _changed_loosely(said: str) -> Optional[tuple[str, str, Optional[str]]]:
    """A new day for a plan the words name, said in words no pattern reads: a change word,
    an event of the user's and a day anywhere in the clause. Keyed with no event, known
    by the event's word (``redates``), so that remember gives it only to a plan of that
    event the collection holds, and keeps it as words otherwise."""
    if _CHANGED.search(said) is None or NEGATION.search(said):
        return None  # (not "I haven't changed my flight to the 22nd yet")
    day = _DAY_SAID.search(said)
    if day is None:
        return None
    for match in _EVENT_ANYWHERE.finditer(said):
        if not _the_users(said, match, match.end()):
            continue
        key = _key(match.group("kind"), match.group("event"))
        if key is not None:
            return "", " ".join(day.group().split()), key
    return None


def _whose_at(event: str, at: str) -> Optional[str]:
    """Which interview or flight it is, by whom or where: "interview at monzo" is the
    monzo interview, "flight to lisbon" the lisbon flight; None for any other event."""
    name = _EVENTS.get(" ".join(event.lower().split()))
    word = at.lower().strip(".")
    if word in _NO_KIND or word in CLAUSE_VERBS or word in _TO_DO:
        return None  # "flying to see mum on the 3rd"
    return word if name in ("interview", "flight") else None


_TO_DO = words("see visit meet attend watch do get catch")


def _the_users(said: str, match: re.Match[str], end: int) -> bool:
    """Whether the event ``match`` reads (its day said up to ``end``) is the user's: no
    one else's by a word before it or after its day, nor a public one, nor one told
    beside someone else."""
    at = match.start("kind") if match.group("kind") else match.start("event")
    before = said[:at]
    event = match.group("event").lower()
    if event.startswith("moving") and _TO_A_PLACE.match(said, match.end("event")):
        return False  # "I'm moving to Leeds in November": a home's plan, the homes' rules'
    if event in ("wedding", "big day") and _A_WEDDING_BEFORE.search(before):
        return False  # "Tom and I had a wedding on Saturday": someone's
    if _FOR_IT_BEFORE.search(before) or _THEIRS_AFTER.match(said[end:]):
        return False  # "revision session for the exam on tuesday", "… for my son"
    kind = (match.group("kind") or "").strip().lower()
    if kind and kind not in _KINDS and _THE_BEFORE.search(before):
        return False  # "the royal wedding is on saturday", "the F1 race on sunday"
    if _someones(kind) or _MATCH_UP.search(said):
        return False  # "dads surgery is next tuesday", "cousin wedding", "india vs aus test"
    if (
        " ".join(event.split()) in _DONE_BY
        and _SOMEONE_IS.search(before)
        and not _WE.search(before)
    ):
        return False  # "Our nanny is Filipino, flying to Manila on Saturday": the nanny
    if _HE_OR_SHE.search(said) and not _WE.search(said):
        return False  # "spelling test tomorrow, she's practising": hers
    if _PEOPLE_SAID.search(_outside(said, match)) and not _MINE_BEFORE.search(before):
        return False  # "my bf has an interview on thursday", "mum has a scan on the 9th"
    return _MINE_BEFORE.search(before) is not None or _THEIRS_BEFORE.search(before) is None


# Events said by their verb, whose doer a clause before may name: "flying", "moving".
_DONE_BY = frozenset(e for e in _EVENTS if e.split()[0] in ("flying", "fly", "moving"))
_SOMEONE_IS = re.compile(r"\b(?:is|are|was|were|has|have|had|'s)\b", re.I)
_HE_OR_SHE = re.compile(r"\b(?:he|she|he's|she's|hes|shes|him|her)\b", re.I)
_JOKED = re.compile(r"\b(?:jk|j/k|jks|just\s+kidding|only\s+kidding)\b", re.I)
_WE = re.compile(r"\b(?:i|i'm|im|we|we're|we've|i've)\b", re.I)


_TO_A_PLACE = re.compile(r"\s+(?:to|back\s+to|into|in\s+with)\b", re.I)


def _someones(kind: str) -> bool:
    """Whether the word said before an event names whose it is: "dads surgery", "cousin
    wedding", "flatmate moving" (not "gp appointment")."""
    return kind not in _KINDS and (kind in _PEOPLE or kind.removesuffix("s") in _PEOPLE)


def _outside(said: str, match: re.Match[str]) -> str:
    """``said`` without the words of the event ``match`` read ("baby due" names no one)."""
    return said[: match.start()] + " " + said[match.end("event") :]


def _key(kind: Optional[str], event: str) -> Optional[str]:
    """The key's event: its word and the word of which one, canonical ("gp appt" is
    "doctor appointment", "job interview" an interview); None for an event that is a plan
    only with a word of which one, said without it ("the rat race")."""
    said = " ".join(event.lower().split())
    name = _EVENTS[said] or said
    if kind is None:
        return None if said in _NAMED_ONLY else name
    word = kind.strip().lower()
    return f"{_KINDS.get(word, word)} {name}"


# A question of when: "when is my exam?", "user wedding date", "user upcoming race".
_ASKS_WHEN = re.compile(
    r"\b(?:when|date|dates|day|due|time|scheduled|booked|upcoming|next|moved|rescheduled)\b",
    re.I,
)
# An event anywhere in a question or a clause, with whom or where after it ("flight to
# lagos"): what a question asks, and what a change said loosely names.
_EVENT_ANYWHERE = re.compile(
    r"(?:^|(?<=\W))" + _EVENT + r"(?:\s+(?:to|at|with)\s+(?P<at>[\w'&.-]+))?", re.I
)
# Words a question asks a plan by that no plan is told by: "when am I moving?", "user
# next trip date" (a trip's day is its flight's).
_ASKED_AS = {
    **dict.fromkeys(("moving", "move"), "move"),
    **dict.fromkeys(("trip", "flying", "fly", "travel", "travelling", "traveling"), "flight"),
}
# … and a kind of plan asked by its kind: "user upcoming race" is any race's day.
_ASKED_KINDS = {"race": ("race", "marathon", "half marathon", "10k", "5k", "triathlon")}
_A_WORD = re.compile(r"[a-z0-9]+")
_ASKED_AS_WORD = re.compile(r"\b(?:" + "|".join(_ASKED_AS) + r")\b", re.I)


def asked_plans(query: str) -> tuple[list[str], frozenset[str]]:
    """The ``date:<event>`` keys a question of when asks, or none, and the words that
    name the plans asked. An event asked bare asks any plan of it too ("when is my
    exam?" → ``date:exam``, which search reads as ``date:maths exam`` as well); one asked
    with which it is asks that one ("when is my doctor's appointment?" → ``date:doctor
    appointment``, "when is my flight to lagos?" → ``date:lagos flight``)."""
    if not _ASKS_WHEN.search(query):
        return [], frozenset()
    keys: list[str] = []
    said: set[str] = set()
    for match in _EVENT_ANYWHERE.finditer(query):
        before = query[: match.start()]
        if (
            (_THEIRS_BEFORE.search(before) and not _MINE_BEFORE.search(before))
            or _PEOPLE_SAID.search(_outside(query, match))
            or _someones((match.group("kind") or "").strip().lower())
        ):
            continue  # "when is my sister's wedding?", "when does my son have his exam?"
        event = match.group("event")
        kind = match.group("kind") or (match.group("at") and _whose_at(event, match.group("at")))
        key = _key(kind or None, event) or _key(None, event)
        keys += [DATE_PREFIX + key] if key else []
        said |= set(re.findall(r"[a-z]+", match.group().lower()))
    if not _PEOPLE_SAID.search(query):  # (not "when is my flatmate moving?")
        keys += [DATE_PREFIX + _ASKED_AS[w.lower()] for w in _ASKED_AS_WORD.findall(query)]
    asked = set(_A_WORD.findall(query.lower()))
    keys += [
        DATE_PREFIX + event for word in asked & _ASKED_KINDS.keys() for event in _ASKED_KINDS[word]
    ]
    return list(dict.fromkeys(keys)), frozenset(said)
