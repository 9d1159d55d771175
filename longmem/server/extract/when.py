"""Time in what people say: when a fact stops being true, and when it became true.

Both resolve against the moment the content was said (``observed_at``), so a transcript
replayed later resolves "last month" and "until Friday" as they were meant.

Expiry (``expires_at``, UTC, the last second of a day, 23:59:59): ``today`` / ``tonight``
→ end of that day; ``tomorrow`` → end of the next; ``this week`` / ``this weekend`` → end
of that ISO week (Sunday); ``until`` / ``till`` / ``back on`` + a date (``2026-12-01``,
``December 1``, ``Dec. 1st, 2026``, ``1 December``, a weekday, ``the 27th``) → end of
that date (the day before, for "back on" and its kin: "coming back Thursday", "returning
12th", "flying home on Friday", "back in 2 weeks"); the end of a range (``from 20th to 24th
Oct``, ``20 Dec till 2 Jan``) likewise. A date without a year is its next occurrence on or after
that day; a weekday the next one, that day included. The latest end wins. A sentence's
expiry holds for its stays and plain memories that are not past events; another fact
takes it only when its own clause says it.

Became true (``valid_from``): ``yesterday``, ``N days/weeks/months/years ago``, ``last
week/weekend/month/year``, ``on <weekday>`` (the last one), ``in <month>`` (the last
one), ``since <month>``, ``in <year>``; otherwise when it was said.

Will become true (a plan: ``starts``), in a clause not in the past tense: ``tomorrow``,
``next week/month/year``, ``(next/on/this) <weekday>``, ``on/from <date>``, ``in/from
<month>``, ``in the summer`` (and the other seasons, as the northern hemisphere has them:
spring from March, summer June, autumn September, winter December), ``in N days/weeks/
months``, ``in <year>`` — each the first day it names after the day it was said.
"""

from __future__ import annotations

import calendar
import itertools
import re
from datetime import date, datetime, time, timedelta, timezone
from typing import NamedTuple, Optional

from ..timestamps import as_utc
from .lexicon import ANY_WEEKDAY_RE, DAY_NAMES, MONTH_NAMES, MONTH_RE, MONTHS, WEEKDAY_RE, WEEKDAYS

END_OF_DAY = time(23, 59, 59, tzinfo=timezone.utc)
# (not when a fact begins: "from today", "as of today", "starting today", "since today")
_TODAY = re.compile(
    r"(?<!\bfrom\s)(?<!\bas\sof\s)(?<!\bstarting\s)(?<!\bsince\s)\b(?:today|tonight)\b",
    re.I,
)
_TOMORROW = re.compile(r"\btomorrow\b")
# (not "from this week", "as of this week": when a fact begins)
_THIS_WEEK = re.compile(
    r"(?<!\bfrom\s)(?<!\bas\sof\s)(?<!\bstarting\s)(?<!\bsince\s)"
    r"\b(?:this|for the)\s+(?:long\s+)?week(?:end)?\b"
)
_UNTIL = re.compile(r"\b(?:until|till|til|through)\s+(?:the\s+)?(?:end\s+of\s+)?")
# On one's way back: "flying / coming / driving / heading / getting" back or home.
_ON_ONES_WAY = r"flying|coming|driving|heading|getting"
# The day one is back, said as "back on the 9th", "coming back Thursday", "returning 12th",
# "flying home on Friday", ", home Saturday" (not "working from home on Friday").
_BACK_ON = re.compile(
    r"(?:\b(?:back|return(?:ing|s)?)|(?:\b(?:"
    + _ON_ONES_WAY
    + r"|fly|come|drive|head|going|go|get|be)|^|,)\s*home)\s+"
    r"(?:home\s+|at work\s+|in the office\s+)?(?:on\s+)?"
    r"(?:the\s+following\s+(?=[a-z]+day\b))?"  # "back the following Tuesday"
)
# … said of someone else, who comes right before it: "my son is coming home on Friday",
# "Tom's back in 2 weeks", "the kids get home Friday", "Tom is back on Monday"; not "I'm in
# Oslo with the kids back on Friday" (no verb of theirs), nor an end of the user's own ("I'm
# covering till Sue is back on the 16th").
_CLAUSE_START = re.compile(r"[,;.!?]|\b(?:and|but|then|so)\b", re.I)
_SOMEONES_RETURN = re.compile(
    r"(?:\b(?i:he|she|they)|\b(?i:my|our|his|her|their|the)\s+[\w-]+|\w(?P<is>['’]s)|"
    r"(?<![\w'])(?!I\b)[A-Z][a-z]+)\s+(?P<verb>(?:(?i:is|are|was|were|will\s+be|'ll\s+be|gets?|"
    r"comes?|flies|returns|arrives)\s+)*)$"
)
_BACK_IN_A_WHILE = re.compile(
    r"(?:^|\b(?:be|am|'m|are|'re|will\s+be|'ll\s+be|" + _ON_ONES_WAY + r"))\s*$",
    re.I,
)
_TILL_THEN = re.compile(r"\b(?:until|till|til)\b", re.I)
# A return at the day's end: "back Sunday night", "back late on the 9th", "home on Friday
# evening": that day is the last one away, not the day before.
_LATE_RETURN = re.compile(r"\s*late\b|[^,;.!?]{0,24}?\b(?:night|evening)\b")
_ORD = r"(?:st|nd|rd|th)?"
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})\b")
_MONTH_DAY = re.compile(r"(" + MONTH_RE + r")\.?\s+(\d{1,2})" + _ORD + r"\b(?:,?\s+(\d{4})\b)?")
_DAY_MONTH = re.compile(
    r"(\d{1,2})" + _ORD + r"\s+(?:of\s+)?(" + MONTH_RE + r")\b\.?(?:,?\s+(\d{4})\b)?"
)
_WEEKDAY = re.compile(r"(?:next\s+)?(" + WEEKDAY_RE + r")\b")
_A_SPAN = re.compile(r"(?:(the|this|next)\s+)?(month|year|week(?:end)?)\b")
_A_MONTH = re.compile(r"(mid-?\s*)?(" + "|".join(MONTH_NAMES) + r")\b(?!\s*\d)")
_FEAST = re.compile(r"(christmas|xmas|new year(?:'s)?(?: eve)?|easter)\b")
# A diet or a giving up kept for a season: "vegetarian for lent", "vegan for january",
# "sober for october", "doing veggie for the month of may" (until Easter Sunday, or the
# month's end; not "booked the van for january": what a sentence says of a date; nor "been
# sober for january", past).
_KEPT_FOR_A_SEASON = re.compile(
    r"(?<!\bbeen\s)(?<!\bwas\s)(?<!\bwere\s)\b(?:vegan|vegetarian|veggie|pescatarian|sober|dry|"
    r"teetotal|keto|(?:meat|gluten|dairy|sugar|alcohol)[- ]?free|plant[- ]?based)\s+for\s+"
    r"(?:(lent)|(?:the\s+month\s+of\s+)?"
    r"(" + "|".join(MONTH_NAMES) + r"))\b"
)
# A stay said by how long it lasts: "for the next two weeks", "for a month", "for 3 days",
# "for a 2 week work trip".
# Not how long something has been ("for 3 years now", "been vegan for a year").
_FOR_A_WHILE = re.compile(
    r"\bfor\s+(?:the\s+(?:next|coming)\s+(?:(\d+|a|an|one|two|three|four|five|six|seven|eight|"
    r"nine|ten|a couple of|a few)\s+)?|(?:a\s+(?=\d))?(\d+|a|an|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|a couple of|a few)[\s-]+(?:more\s+)?)(day|week|month|year)s?\b"
    r"(?!\s+(?:now|already))"
)
_A_FORTNIGHT = re.compile(r"\bfor\s+(?:a|one|the\s+next)\s+fortnight\b")
# … or as a stay of that length: "on a 2 week trip", "a ten-day holiday", "my 3-month
# secondment" (groups as _FOR_A_WHILE's: the second is the count, the third the unit).
_A_LONG_STAY = re.compile(
    r"\b(?:a|an|my|our|the)\s+()(\d+|two|three|four|five|six|seven|eight|nine|ten)[\s-]+"
    r"(day|week|month)s?[\s-]+(?:long\s+)?(?:[\w-]+\s+)?"
    r"(?:trip|holiday|vacation|stay|visit|break|tour|getaway|secondment|placement|"
    r"assignment|posting|residency|retreat|honeymoon|sabbatical)\b"
)
# … nor "been sent to Glasgow for two weeks": a trip to come
_SO_FAR = re.compile(
    r"\b(?:been(?!\s+(?:sent|seconded|deployed)\b)|since|ago|already)\b|"
    # "I've lived in Leeds for 5 years": how long so far (had been a stay of no end)
    r"(?:\bhave|'ve|\bhas|\bhad)\s+(?:\w+\s+)?(?:lived|worked|stayed|studied|taught)\b"
)
_NEXT_WEEK = re.compile(r"(?:next\s+)?week\b")
# A day of the month alone, its month left to the context: "the 27th", "24th".
_DAY_ALONE = re.compile(r"(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)\b")
# The end of a range of days: "from 20th to 24th Oct", "20 Dec till 2 Jan", "3-7 June".
# A range whose first day takes the month of its last: "20th to 24th Oct" → "20th oct".
_RANGE_MONTH = re.compile(
    r"^(\d{1,2}(?:st|nd|rd|th)?)\s*(?:to|-|–)\s*(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?"
    r"(" + MONTH_RE + r")\b"
)
_RANGE_END = re.compile(
    r"\b(?:from\s+)?(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?(?:\s+(?:of\s+)?(?:" + MONTH_RE + r")\.?)?"
    r"\s*(?:to|-|–)\s*(?:the\s+)?(?=\d)"
)

_NUMBER = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "a couple of": 2, "a few": 3,
}  # fmt: skip
# Any count _NUMBER knows, or digits: "2", "two", "a couple of".
COUNT_RE = (
    r"(?:\d{1,2}|"
    + "|".join(w.replace(" ", r"\s+") for w in sorted(_NUMBER, key=len, reverse=True))
    + ")"
)
_AGO = re.compile(
    r"\b(\d+|a couple of|a few|an?|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
    r"(day|week|month|year)s?\s+ago\b"
)
_LAST = re.compile(r"\blast\s+(night|week|weekend|month|year|" + WEEKDAY_RE + r")\b")
_ON_WEEKDAY = re.compile(r"\bon\s+(" + WEEKDAY_RE + r")\b")
_SINCE = re.compile(r"\bsince\s+(" + "|".join(MONTH_NAMES) + r")\b")
_IN_MONTH = re.compile(r"\b(?:in|since|back in)\s+(" + "|".join(MONTH_NAMES) + r")\b")
_IN_YEAR = re.compile(r"\b(?:in|since)\s+((?:19|20)\d\d)\b")
_YESTERDAY = re.compile(r"\byesterday\b")

# What a plan's start is read from; an end ("until Friday", "back on Monday") never is.
_AN_END = re.compile(
    r"\b(?:until|till|til|through|back(?: home| at work| in the office)?(?: on)?|"
    r"return(?:ing|s)?(?: home)?(?: on)?|"
    r"(?:" + _ON_ONES_WAY + r"|going) home(?: on)?)"
    r"\s+(?:the\s+)?(?:(?:end|middle|start)\s+of\s+)?\S+(?:\s+\S+)?"
    # a while, not a start: "vegetarian for the next month", "over the next two weeks"
    r"|\b(?:for|over|during)\s+(?:the\s+)?(?:next|coming|following)\s+(?:\S+\s+)?"
    r"(?:days?|weeks?|months?|years?)\b"
)
_NEXT = re.compile(r"\bnext\s+(week|month|year)\b")
_FROM_DATE = re.compile(r"\b(?:on|from|starting|as of)\s+(?:the\s+)?")
_SOON_WEEKDAY = re.compile(r"\b(?:on|this|next|from|starting)\s+(" + WEEKDAY_RE + r")\b")
# … or a weekday alone, right after a name ("I'm in Leeds Friday", "I start at Globex
# Monday"); not the first or last day of a span, which day_span reads
_BARE_WEEKDAY = re.compile(
    r"\b(?-i:[A-Z])[\w'-]*\s+(" + WEEKDAY_RE + r")\b(?!s\b|'s\b)"
    r"(?!\s*(?:-|–|to|till|until|til|thru|through|and)\s)",
    re.I,
)
_FROM_MONTH = re.compile(
    r"\b(?:in|from|starting|as of|this|next)\s+("
    + "|".join(MONTH_NAMES)
    + r")\b(?:,?\s+((?:20)\d\d)\b)?"
)
_SEASON = re.compile(
    r"\b(?:in the|this|next|over the|from the)\s+(spring|summer|autumn|fall|winter)\b"
)
_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
# A plan's day said as a while from now: "in 2 weeks" (not "back in 2 weeks": its end).
_IN_A_WHILE = re.compile(
    r"(?<!back )(?<!home )\bin\s+(\d+|a couple of|a few|an?|one|two|three|four|five|six|seven|"
    r"eight|nine|ten)\s+(day|week|month|year)s?\b"
)
_FUTURE_YEAR = re.compile(r"\b(?:in|from)\s+((?:20)\d\d)\b")


# A span of days said by its first and last: "Monday to Wednesday", "thurs thru sunday",
# "sat-mon", "Friday and Saturday", "from tomorrow to sunday"; "June 18–24", "10-12 June",
# "17th-21st", "between the 21st and the 28th".
_TO = r"\s*(?:-|–|—|\s(?P<sep>to|till|until|til|thru|through|and)\s)\s*(?:the\s+)?"
_WEEKDAY_SPAN = re.compile(
    r"\b(?P<first>"
    + ANY_WEEKDAY_RE
    + r"|tomorrow)(?:\s+(?:night|morning|evening|afternoon|arvo))?"
    + _TO
    + r"(?:following\s+)?(?P<last>"
    + ANY_WEEKDAY_RE
    + r")\b"
)
_DATE_SPAN = re.compile(
    r"\b(?:(?P<m1>" + MONTH_RE + r")\.?\s+)?(?P<d1>\d{1,2})(?P<o1>st|nd|rd|th)?"
    r"(?:\s+(?:of\s+)?(?P<m2>"
    + MONTH_RE
    + r")\.?)?"
    + _TO
    + r"(?:(?P<m4>"
    + MONTH_RE
    + r")\.?\s+)?(?P<d2>\d{1,2})(?P<o2>st|nd|rd|th)?(?:\s+(?:of\s+)?(?P<m3>"
    + MONTH_RE
    + r")\b)?"
)
# A weekend named: Saturday and Sunday (and Monday, a long one) of this week or the next.
_WEEKEND = re.compile(
    r"\b(?:(this|next)|for\s+the|over\s+the|the)\s+(long\s+)?week-?end\b(?!\s+of\b)"
    r"(\s+after\s+next\b)?"
)
_AN_END_BEFORE = re.compile(r"\b(?:until|till|til|through|by|before)\s+$")
_THIS_WEEK_SAID = re.compile(r"\bthis\s+week\b")
_WEEK_AFTER_NEXT = re.compile(r"\b(?:the\s+)?(?:whole\s+)?week\s+after\s+next\b")
_THE_SPAN_BEFORE = re.compile(r"(?:from|between)\s+(?:the\s+)?$")
_NEXT_WEEK_SAID = re.compile(r"\bnext\s+week(?:-?end)?\b")
_NEXT_BEFORE = re.compile(r"\bnext\s+$")


class Start(NamedTuple):
    """When a planned fact becomes true, how the plan said it ("June 2025"), where in the
    clause (start, end), and the last day of the time it names (a stay's end)."""

    at: datetime
    label: str
    where: tuple[int, int]
    last: date


# A span of dates that ended this long ago at most is that one, over, not next year's.
_JUST_OVER = timedelta(days=14)


def day_span(clause: str, said: datetime) -> Optional[Start]:
    """The span of days a clause names by its first and last ("in Kumasi Monday to
    Wednesday", "in Marrakech June 18–24"), as the start of what it says, ``last`` its last
    day; None if it names none. A weekday span begins on its first day's next occurrence,
    today included, in the week said beside it ("this week", "next week", "the week after
    next"); "and" joins two days only when
    they follow each other ("Friday and Saturday", not "Tuesday and Thursday"). A span of
    numbers is one of days only with a month or ordinals ("17th-21st", "10-12 June"; not
    "from 9-5 on Monday", "between 2 and 3 weeks"). A weekend ("this weekend", "for the
    long weekend", "next weekend": that of the next week) is its Saturday to its Sunday,
    or Monday; "the week after next" its Monday to its Sunday."""
    lowered = clause.lower()
    today = as_utc(said).date()
    for match in _WEEKDAY_SPAN.finditer(lowered):
        first, last = match.group("first"), match.group("last")
        ahead = 1 if first == "tomorrow" else (DAY_NAMES[first] - today.weekday()) % 7
        if not ahead and _NEXT_BEFORE.search(lowered, 0, match.start()):
            ahead = 7  # "next Tuesday to Friday", said on a Tuesday: not begun
        begin = today + timedelta(days=ahead)
        length = (DAY_NAMES[last] - begin.weekday()) % 7
        if match.group("sep") == "and" and length != 1:
            continue
        # the week said beside it: "Tue-Thu next week", "Monday to Friday this week"
        near = lowered[max(0, match.start() - 20) : match.end() + 20]
        monday = today - timedelta(days=today.weekday())
        if _WEEK_AFTER_NEXT.search(near) and begin < monday + timedelta(days=14):
            # whole weeks on, into the week that starts 14 days after this one's Monday
            begin += timedelta(days=7 * ((monday + timedelta(days=20) - begin).days // 7))
        elif _NEXT_WEEK_SAID.search(near) and begin < monday + timedelta(days=7):
            begin += timedelta(days=7)
        elif (
            _THIS_WEEK_SAID.search(near)
            and begin >= monday + timedelta(days=7)
            and begin - timedelta(days=7 - length) >= today
        ):
            begin -= timedelta(days=7)  # begun this week; one over by now is the coming week's
        return _start_on(begin, match)._replace(last=begin + timedelta(days=length))
    for match in _WEEK_AFTER_NEXT.finditer(lowered):
        monday = today + timedelta(days=14 - today.weekday())
        return _start_on(monday, match)._replace(last=monday + timedelta(days=6))
    for match in _WEEKEND.finditer(lowered):
        if _AN_END_BEFORE.search(lowered, 0, match.start()):
            continue  # "in Leeds till the weekend": its end, not its span
        later = match.group(1) == "next" or match.group(3) is not None  # "… after next"
        saturday = today + timedelta(days=5 - today.weekday() + 7 * later)
        if today.weekday() == 6 and not later:
            saturday = today - timedelta(days=1)  # said on a Sunday: this one
        last = saturday + timedelta(days=2 if match.group(2) else 1)
        return _start_on(saturday, match)._replace(last=last)
    for match in _DATE_SPAN.finditer(lowered):
        month = match.group("m1") or match.group("m2") or match.group("m3")
        last_month = match.group("m3") or match.group("m4") or month
        opened = _THE_SPAN_BEFORE.search(lowered[: match.start()]) is not None
        if not (month or (match.group("o1") and match.group("o2"))):
            continue  # "from 2 to 4 tomorrow", "between 2 and 3 weeks": hours, a count
        if match.group("sep") == "and" and not opened:
            continue  # "the 21st and the 28th" are two days; "between" them a span
        d1, d2 = int(match.group("d1")), int(match.group("d2"))
        # the span's last day is its next, today included; its first, the one before it
        # ("3-5 June", said on the 4th: begun) — unless it ended days ago ("in Amsterdam
        # 17-19 Nov", said on the 20th: that one, over; not next year's)
        if month:
            last_day = _dated(None, MONTHS[last_month], d2, today)
            last_day = last_day and _just_over(last_day, today)
        else:
            last_day = parse_date(f"{d2}th", today, day_alone=True)
        if last_day is None:
            continue
        # "the 30th to the 2nd": the month before; "Dec 28 - Jan 3": the year before
        first_month = MONTHS[month] if month else last_day.month - (d1 > d2)
        year = last_day.year - (first_month > last_day.month or first_month < 1)
        first_day = _date(year, (first_month - 1) % 12 + 1, d1)
        if first_day is None:
            continue
        if timedelta(0) <= last_day - first_day <= timedelta(days=92):  # a stay, not a season
            return _start_on(first_day, match)._replace(last=last_day)
    return None


# What the day it is said does not end: an age reached ("Granny Ivy turn 88 today", as
# Jamaican English says it; "my dad turns 60 today"); and, said with "today" or
# "tonight", the day being a birthday or an anniversary ("It's my mum's 70th birthday
# today", "birthday girl today") or years or days of something ("100 days sober today",
# "20 years at Google today"). Other news of the day ends with it: its heat and counts
# ("it's 40 today in Lagos", "my step count is 12 today"), plans for a birthday
# ("birthday drinks at the Crown tonight", "out in Soho tonight for my bday").
_AN_AGE_REACHED = re.compile(
    r"\bturns?\s+\d{1,3}\b(?!\s*(?:%|percent|degrees|°|mph|km|miles|k\b))", re.I
)
_THE_DAY_IS = re.compile(
    r"(?:\b(?:is|'s|’s|na)\s+|^|[,:;]\s*)(?:(?:my|our|his|her|their|the|me)\s+|[\w-]+['’]s\s+)?"
    r"(?:\d{1,3}(?:st|nd|rd|th)\s+|[\w-]+\s+)?(?:wedding\s+)?"
    r"(?:birthday|bday|b-day|b'day|anniversary)\b"
    r"(?!\s+(?:drinks|dinner|party|lunch|meal|plans?|trip|weekend|cake|present|gift|do)\b)"
    r"|\b(?:birthday|bday|b-day|b'day)\s+(?:girl|boy)\b",
    re.I,
)
_YEARS_OF = re.compile(
    r"\b\d{1,3}\s+(?:years?|yrs?|months?|days?)\s+(?:sober|clean|smoke[- ]free|married|"
    r"together|at|with)\b",
    re.I,
)


def lasts_past_the_day(text: str) -> bool:
    """Whether ``text`` says what the day it is said does not end: an age reached, the
    day a birthday or an anniversary, years or days of something."""
    if _AN_AGE_REACHED.search(text):
        return True
    return _TODAY.search(text) is not None and (
        _THE_DAY_IS.search(text) is not None or _YEARS_OF.search(text) is not None
    )


def plain_until(
    text: str, episode: bool, past: bool, until: Optional[datetime], said: datetime
) -> Optional[datetime]:
    """When a plain memory of ``text`` ends, said at ``said`` in a sentence that ends at
    ``until``: never for an episode, what is past, or what the day does not end
    (``lasts_past_the_day``). Without an end, a while ahead that ``text`` says bounds it
    (``ahead``), whatever its verb's tense ("we have rented a cabin for the next two
    weeks", "the restaurant's closed for the next month"), not in an episode."""
    if episode:
        return None
    if until is None:
        # (most plain memories end with nothing said: one substring test, no pattern)
        lowered = text.lower()
        return ahead(lowered, said) if "next" in lowered or "coming" in lowered else None
    return None if past or lasts_past_the_day(text) else until


# A while from the day it is said: "for the next two weeks", "over the coming days", "for
# the next month", "during the next few weeks", "for the next day or two". Not "for two
# weeks", which may be how long something was ("off sick for two weeks"); not "the
# following week" (after some other day); not a thing named by its time ("studying for
# the next month's exam", "for the next year of uni").
_A_COUNT = r"(\d{1,3}|few|" + COUNT_RE + r")"
_THE_NEXT_WHILE = re.compile(
    r"\b(?:for|over|during)\s+the\s+(?:next|coming)\s+(?:" + _A_COUNT + r"\s+)?"
    r"(day|week|fortnight|month|year)(s?)(?:\s+or\s+" + _A_COUNT + r")?\b(?!['’]s|\s+of\b)",
    re.I,
)
# … and a habit is no while ("every Sunday I meal prep for the coming week"), nor a story
# told in the past ("after the surgery Mum couldn't drive for the next six weeks").
_NO_WHILE = re.compile(
    r"\b(?:always|usually|every|each|often|normally|typically|generally|"
    r"couldn['’]t|could\s+not|didn['’]t|did\s+not|wasn['’]t|weren['’]t|was|were|had)\b",
    re.I,
)


def ahead(text: str, said: datetime) -> Optional[datetime]:
    """The end of the while ahead that ``text`` says, counted from the day it is said
    ("for the next two weeks" said on 1 March: the end of 14 March; "over the coming
    weeks", a few; "for the next month", one; "the next day or two", two), or None, also
    for a habit or a story of the past (``_NO_WHILE``)."""
    match = _THE_NEXT_WHILE.search(text)
    if match is None or _NO_WHILE.search(text):
        return None
    words = [" ".join((group or "").lower().split()) for group in match.groups()]
    said_count, unit, plural, or_more = words
    counts = [count_of("a few" if w == "few" else w) for w in (said_count, or_more) if w]
    count = max(counts) if counts else (3 if plural else 1)
    if unit == "fortnight":
        unit, count = "week", count * 2
    if not 0 < count <= _MAX_AHEAD[unit]:
        return None
    last = _after(as_utc(said).date(), unit, count) - timedelta(days=1)
    return datetime.combine(last, END_OF_DAY)


def expiry(sentence: str, said: datetime) -> Optional[datetime]:
    """When what ``sentence`` says stops being true, or None if it does not say."""
    lowered = sentence.lower()
    today = as_utc(said).date()
    days: list[date] = []
    if _TODAY.search(lowered):
        days.append(today)
    if _TOMORROW.search(lowered):
        days.append(today + timedelta(days=1))
    for match in _THIS_WEEK.finditer(lowered):
        sunday = today + timedelta(days=6 - today.weekday())
        if sunday == today and not match.group().endswith("end"):
            sunday += timedelta(days=7)  # "in Leeds this week", said on a Sunday: the coming one
        days.append(sunday)
    for match in _UNTIL.finditer(lowered):
        # A date is short; a bounded slice keeps many "until"s linear.
        words = lowered[match.end() : match.end() + 40]
        day = parse_date(words, today, day_alone=True) or _end_named(words, today)
        if day is not None:
            days.append(day)
    for match in _RANGE_END.finditer(lowered):
        day = parse_date(lowered[match.end() : match.end() + 40], today, day_alone=True)
        if day is not None:
            days.append(_just_over(day, today))
    back = back_on(sentence, said)
    if back is not None:
        days.append(back.date())
    kept = _season_kept(lowered, today)
    if kept is not None:
        days.append(kept)
    if not days:
        return None
    return datetime.combine(max(days), END_OF_DAY)


def start_before_end(clause: str, start: Start) -> bool:
    """Whether ``clause`` says ``start`` before an end ("in Lisbon next week till Friday",
    one stay), not after it ("in Leeds till Friday then flying to Rome on Saturday")."""
    end = _AN_END.search(clause.lower())
    return end is not None and start.where[1] <= end.start()


def end_said(text: str) -> bool:
    """Whether ``text`` names an end ("until Friday", "till the 9th", "3rd to 9th", "this
    week", "tomorrow"), not only the day it is ("tonight", "today"), which may be when a
    thing begins: "back home in Lyon tonight"."""
    lowered = text.lower()
    return any(pattern.search(lowered) for pattern in (_UNTIL, _RANGE_END, _TOMORROW, _THIS_WEEK))


def back_on(text: str, said: datetime) -> Optional[datetime]:
    """The last day away that a return said in ``text`` gives ("back on the 9th": the
    8th; "back on the 9th at night": the 9th; "coming back Thursday", "back in 2 weeks"),
    the user's own only; None if none."""
    lowered = text.lower()
    today = as_utc(said).date()
    days: list[date] = []
    for match in _BACK_ON.finditer(lowered):
        # its clause's words before it (none for ", home Saturday")
        before = (
            "" if match.group()[:1] == "," else text[max(0, match.start() - 60) : match.start()]
        )
        told = _CLAUSE_START.split(before)[-1]
        someone = _SOMEONES_RETURN.search(told)
        # a return that begins with its verb ("coming home") has its subject right before
        # it; one that does not ("back", "home"), a verb of the subject's between them
        led_by_its_verb = not match.group().startswith(("back", "home", "return", ","))
        theirs = someone is not None and (
            bool(someone.group("verb") or someone.group("is")) or led_by_its_verb
        )
        if theirs and not _TILL_THEN.search(told):
            continue  # "my son is coming home on Friday": his return, not the user's
        words = lowered[match.end() : match.end() + 40]
        day = parse_date(words, today, day_alone=True)
        if day == today and _WEEKDAY.match(words.lstrip()):
            day += timedelta(days=7)  # "back Thursday", said on a Thursday: the next one
        elif day == today:
            days.append(today)  # "back on the 9th", said on the 9th: away until today
            continue
        # "back in 2 weeks" said as a return ("I'll be back in…", ", back in…"), not "I go
        # back in two weeks", "moving back in 2 weeks", "hear back in 2 weeks"
        later = _IN_A_WHILE.match(words) if _BACK_IN_A_WHILE.search(told) else None
        if day is None and later and count_of(later.group(1)) <= _MAX_AHEAD[later.group(2)]:
            day = _after(today, later.group(2), count_of(later.group(1)))
        if day is not None and day > today:
            days.append(day if _LATE_RETURN.match(words) else day - timedelta(days=1))
    return datetime.combine(max(days), END_OF_DAY) if days else None


def lasts(clause: str, said: datetime) -> Optional[datetime]:
    """When a stay said by how long it lasts ends ("in Berlin for the next two weeks",
    "for a month"): for the stay alone, never the sentence's other facts ("I'm married,
    honeymoon for two weeks"). None when it says no while, or how long something has
    been ("for 3 years now")."""
    lowered = clause.lower()
    if _SO_FAR.search(lowered):
        return None
    today = as_utc(said).date()
    # counted from the day it began when that is said and gone by ("from December 28
    # for two weeks", said on the 31st), else from today
    since = _begun(lowered, today) or today
    if _A_FORTNIGHT.search(lowered):  # "for a fortnight": two weeks
        return datetime.combine(_after(since, "week", 2) - timedelta(days=1), END_OF_DAY)
    for match in itertools.chain(_FOR_A_WHILE.finditer(lowered), _A_LONG_STAY.finditer(lowered)):
        count, unit = count_of(match.group(1) or match.group(2) or "a"), match.group(3)
        if count <= _MAX_AHEAD.get(unit, 0):
            day = _after(since, unit, count) - timedelta(days=1)
            return datetime.combine(day, END_OF_DAY)
    return None


def became_true(clause: str, said: datetime, past: bool = True) -> Optional[datetime]:
    """When the fact of a clause became true, if the clause dates it before it was said.
    Only "ago" and "since" date a clause not in the past tense: "I start on Monday" is
    not "since last Monday"."""
    lowered = clause.lower()
    said = as_utc(said)
    today = said.date()
    match = _AGO.search(lowered)
    if match:
        count = count_of(match.group(1))
        if count > 100 * _MAX_AHEAD[match.group(2)] // 10:
            return None  # "99999999 days ago": no date a fact can have (a century at most)
        return _back(said, match.group(2), count)
    match = _SINCE.search(lowered)
    if match:
        month = MONTHS[match.group(1)]
        year = today.year if month <= today.month else today.year - 1
        return datetime(year, month, 1, tzinfo=timezone.utc)
    if not past:
        return None
    match = _LAST.search(lowered)
    if match:
        unit = match.group(1)
        if unit in WEEKDAYS:
            return _day(today - timedelta(days=7 + (today.weekday() - WEEKDAYS.index(unit)) % 7))
        if unit == "night":
            return _day(today - timedelta(days=1))
        if unit == "weekend":
            # Said on a weekend, "last weekend" is the one before.
            back = (today.weekday() - 5) % 7 + (7 if today.weekday() >= 5 else 0)
            return _day(today - timedelta(days=back))
        return _back(said, unit, 1)
    if _YESTERDAY.search(lowered):
        return _day(today - timedelta(days=1))
    match = _ON_WEEKDAY.search(lowered)
    if match:
        return _day(today - timedelta(days=(today.weekday() - WEEKDAYS.index(match.group(1))) % 7))
    match = _IN_MONTH.search(lowered)
    if match:
        month = MONTHS[match.group(1)]
        year = today.year if month <= today.month else today.year - 1
        return datetime(year, month, 1, tzinfo=timezone.utc)
    match = _IN_YEAR.search(lowered)
    if match and int(match.group(1)) < today.year:
        return datetime(int(match.group(1)), 1, 1, tzinfo=timezone.utc)
    return None


def starts(clause: str, said: datetime) -> Optional[Start]:
    """When what a clause plans becomes true ("we're moving to Izmir in June"), if it
    names a day after the one it was said on; None otherwise. The caller knows the clause
    is not in the past tense ("moved to Izmir in June" dates what happened)."""
    # Ends blanked out, not cut, so that ``Start.where`` is a place in ``clause``.
    lowered = _AN_END.sub(lambda end: " " * len(end.group()), clause.lower())
    today = as_utc(said).date()
    for match in _TOMORROW.finditer(lowered):
        return _start_on(today + timedelta(days=1), match)
    for match in _NEXT.finditer(lowered):
        unit = match.group(1)
        if unit == "week":
            monday = today + timedelta(days=7 - today.weekday())
            return _start_on(monday, match)._replace(last=monday + timedelta(days=6))
        if unit == "year":
            year = today.year + 1
            return Start(_day(date(year, 1, 1)), str(year), match.span(), date(year, 12, 31))
        return _start_in(*divmod(today.year * 12 + today.month, 12), match)
    for match in _FROM_DATE.finditer(lowered):
        said_day = lowered[match.end() : match.end() + 40]
        ranged = _RANGE_MONTH.sub(r"\1 \2", said_day, count=1)
        day = parse_date(ranged, today, day_alone=match.group().lstrip()[:1] in ("f", "s"))
        if day is None or day <= today or _WEEKDAY.match(said_day):
            continue
        if not _A_YEAR.search(said_day[:20]) and _lately(day, today):
            return None  # "from 1 November", said on the 30th: begun, not next year's
        return _start_on(day, match)
    for match in itertools.chain(_SOON_WEEKDAY.finditer(lowered), _BARE_WEEKDAY.finditer(clause)):
        ahead = (WEEKDAYS.index(match.group(1).lower()) - today.weekday() - 1) % 7 + 1
        start = _start_on(today + timedelta(days=ahead), match)
        # a weekday alone is said where it stands, not with the name before it
        return start if match.re is _SOON_WEEKDAY else start._replace(where=match.span(1))
    for match in _IN_A_WHILE.finditer(lowered):
        count, unit = count_of(match.group(1)), match.group(2)
        if count > _MAX_AHEAD.get(unit, 0):
            return None  # "in 8000 years": no day a plan can name
        return _start_on(_after(today, unit, count), match)
    for match in _FROM_MONTH.finditer(lowered):
        month = MONTHS[match.group(1)]
        if match.group(2):
            first = _start_in(int(match.group(2)), month - 1, match)
            return first if first.at.date() > today else None
        return _next_month(today, month, match)
    for match in _SEASON.finditer(lowered):
        opens = _SEASONS[match.group(1)]
        if (today.month - opens) % 12 < 3:
            return None  # "this summer", said in July: it has begun
        found = _next_month(today, opens, match)
        if found is None:
            return None
        after = _start_in(*divmod(found.at.year * 12 + found.at.month + 1, 12), match)
        return found._replace(label=f"{match.group(1)} {found.at.year}", last=after.last)
    for match in _FUTURE_YEAR.finditer(lowered):
        year = int(match.group(1))
        if year <= today.year:
            return None
        return Start(_day(date(year, 1, 1)), str(year), match.span(), date(year, 12, 31))
    return None


_A_YEAR = re.compile(r"\d{4}")


def _lately(day: date, today: date) -> bool:
    """Whether ``day`` (a day said without its year) fell this year, at most three months
    before today: then it was meant, not its next return ("from 1 November" on the 30th;
    "on 1 June" said in November is next June)."""
    try:
        this_year = date(today.year, day.month, day.day)
    except ValueError:
        return False  # 29 February of a year without one
    return this_year < today and (today - this_year).days <= 92


def _begun(lowered: str, today: date) -> Optional[date]:
    """The first day of a stay said by how long it lasts, when its clause names that day
    and it fell lately: "from December 28 for 2 weeks", said on the 31st (or on 3
    January); None if it names none, or one to come."""
    for match in _FROM_DATE.finditer(lowered):
        said_day = lowered[match.end() : match.end() + 40]
        if _A_YEAR.search(said_day[:20]) or not (
            _MONTH_DAY.match(said_day) or _DAY_MONTH.match(said_day)
        ):
            continue
        day = parse_date(said_day, today)
        if day is None or day <= today:
            continue
        for year in (today.year, today.year - 1):
            last = _date(year, day.month, day.day)  # None: a 29 February
            if last is not None and last < today:
                return last if (today - last).days <= 92 else None
    return None


_MAX_AHEAD = {"day": 3660, "week": 520, "month": 120, "year": 10}  # ten years


def _months_on(day: date, months: int) -> date:
    """The same day ``months`` later, or the last of that month ("in a month", 31 Jan)."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def count_of(word: str) -> int:
    """A count said in digits or words: "3", "three", "a couple of", "a few"."""
    return int(word) if word.isdigit() else _NUMBER[word]


def _after(today: date, unit: str, count: int) -> date:
    """The day ``count`` days / weeks / months / years after today."""
    if unit in ("day", "week"):
        return today + timedelta(days=count * (7 if unit == "week" else 1))
    return _months_on(today, count * (12 if unit == "year" else 1))


def _start_on(day: date, said: re.Match[str]) -> Start:
    label = f"{day.day} {MONTH_NAMES[day.month - 1].title()} {day.year}"
    return Start(_day(day), label, said.span(), day)


def _start_in(year: int, month_index: int, said: re.Match[str]) -> Start:
    """The first of a month (``month_index`` 0 = January)."""
    label = f"{MONTH_NAMES[month_index].title()} {year}"
    after = date(year + (month_index == 11), (month_index + 1) % 12 + 1, 1)
    first = date(year, month_index + 1, 1)
    return Start(_day(first), label, said.span(), after - timedelta(days=1))


def month_under_way(clause: str, said: datetime) -> Optional[datetime]:
    """The end of the month a clause names when it is the month it is said in ("in
    Lisbon in February", said on 10 February: until its end), a plan that has begun."""
    today = as_utc(said).date()
    for match in _FROM_MONTH.finditer(clause.lower()):
        year = match.group(2)
        if (
            match.group().startswith(("in", "this"))
            and MONTHS[match.group(1)] == today.month
            and (year is None or int(year) == today.year)
        ):
            last = calendar.monthrange(today.year, today.month)[1]
            return datetime.combine(today.replace(day=last), END_OF_DAY)
    return None


def _next_month(today: date, month: int, said: re.Match[str]) -> Optional[Start]:
    """The next first of ``month`` after today; None in that month itself (already begun)."""
    if month == today.month:
        return None
    return _start_in(today.year + (month < today.month), month - 1, said)


def _day(day: date) -> datetime:
    return datetime.combine(day, time(0, 0, tzinfo=timezone.utc))


def _back(said: datetime, unit: str, count: int) -> datetime:
    if unit == "day":
        return said - timedelta(days=count)
    if unit == "week":
        return said - timedelta(weeks=count)
    months = count * (12 if unit == "year" else 1)
    year, month = divmod(said.year * 12 + said.month - 1 - months, 12)
    day = min(said.day, 28)
    return said.replace(year=year, month=month + 1, day=day)


def parse_date(text: str, today: date, day_alone: bool = False) -> Optional[date]:
    """The date ``text`` opens with; with ``day_alone`` also a day of the month alone
    ("the 27th"), where the words before it say it is one ("back on", "until", "from")."""
    match = _ISO_DATE.match(text)
    if match:
        return _date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    match = _MONTH_DAY.match(text)
    if match:
        return _dated(match.group(3), MONTHS[match.group(1)], int(match.group(2)), today)
    match = _DAY_MONTH.match(text)
    if match:
        return _dated(match.group(3), MONTHS[match.group(2)], int(match.group(1)), today)
    match = _WEEKDAY.match(text)
    if match:
        ahead = (WEEKDAYS.index(match.group(1)) - today.weekday()) % 7
        return today + timedelta(days=ahead)
    if _NEXT_WEEK.match(text):
        return today + timedelta(days=13 - today.weekday())
    match = _DAY_ALONE.match(text) if day_alone else None
    if match:  # "back on the 27th": the next 27th, today included
        day = int(match.group(1))
        for ahead in range(3):
            first = _months_on(today.replace(day=1), ahead)
            found = _date(first.year, first.month, day)
            if found is not None and found >= today:
                return found
    return None


def _end_named(text: str, today: date) -> Optional[date]:
    """The last day of what ``text`` opens with, as an end says it ("until …")."""
    match = _A_SPAN.match(text)
    if match:  # "until the end of the month", "till next year", "until the weekend"
        which, unit = match.group(1), match.group(2)
        if unit == "weekend":
            return today + timedelta(days=6 - today.weekday())
        if unit == "week":  # "until the end of the week": its Sunday; "of next week", next's
            return today + timedelta(days=6 - today.weekday() + 7 * (which == "next"))
        if unit == "year":
            return date(today.year + (which == "next"), 12, 31)
        return _months_on(today.replace(day=1), 1 + (which == "next")) - timedelta(days=1)
    match = _A_MONTH.match(text)
    if match:  # "till (the end of) June", "until mid-December": that month's end or middle
        month = MONTHS[match.group(2)]
        year = today.year + (month < today.month)
        day = date(year, month, 15 if match.group(1) else calendar.monthrange(year, month)[1])
        return day if day >= today else None  # "until mid-November", said on the 30th: past
    match = _FEAST.match(text)
    if match:  # "until Christmas", "till New Year", "until Easter"
        if match.group(1) == "easter":
            return _easter_on_or_after(today)
        christmas = match.group(1) in ("christmas", "xmas")
        day = date(today.year, 12, 25 if christmas else 31)
        return day if day >= today else day.replace(year=today.year + 1)
    return None


def _season_kept(text: str, today: date) -> Optional[date]:
    """The last day of a season a diet or a giving up is kept for ("vegan for january":
    31 January; "vegetarian for lent": Easter Sunday), this year's or, once over, next."""
    match = _KEPT_FOR_A_SEASON.search(text)
    if match is None:
        return None
    if match.group(1):
        return _easter_on_or_after(today)
    month = MONTHS[match.group(2)]
    year = today.year + (month < today.month)
    return date(year, month, calendar.monthrange(year, month)[1])


def _easter_on_or_after(today: date) -> date:
    """Easter Sunday this year, or next year's once this year's is past."""
    day = _easter(today.year)
    return day if day >= today else _easter(today.year + 1)


def _easter(year: int) -> date:
    """Easter Sunday of a year of the Gregorian calendar (the anonymous computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month, day = divmod(h + leap - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _date(year: int, month: int, day: int) -> Optional[date]:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _just_over(day: date, today: date) -> date:
    """The last day of a span, ``day`` as the next such date: the one a year before it
    instead when that ended within _JUST_OVER ("17-19 Nov", said on the 20th)."""
    if day <= today:
        return day
    before = _date(day.year - 1, day.month, day.day)
    return before if before is not None and today - before <= _JUST_OVER else day


def _dated(year: Optional[str], month: int, day: int, today: date) -> Optional[date]:
    if year is not None:
        return _date(int(year), month, day)
    # No year: the next such day, today included; 8 years always reach a 29 February.
    for offset in range(9):
        found = _date(today.year + offset, month, day)
        if found is not None and found >= today:
            return found
    return None
