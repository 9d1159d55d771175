"""A stay and its days: the words that make a clause a trip, a routine or a stay, and how
a stay's start and end are read from the days its clause names (``day_span``), beside the
other facts of its sentence, which end only by what is said beside their own value.

The rules' reading asks these while it turns a clause into facts (``clause_facts.py``).
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Optional

from .lexicon import JOB_BEGUN, SETTLED, TRIP_TO
from .places import place_rest
from .rules_home import STAYS
from .when import END_OF_DAY, Start

A_DAY = timedelta(days=1)
A_WEEK = timedelta(days=7)
_TWO_DAYS = timedelta(days=2)

# A season's stay: "I'm living in Denver for the summer", "staying with mum over the
# holidays" (not "I moved to Leeds over the summer": when the move was).
A_SEASON = (
    r"for\s+the\s+(?:summer|winter|spring|autumn|fall|holidays|holiday\s+season|festive\s+season|"
    r"semester|term|school\s+year)(?![^,;]*\bfor\s+good\b)|"
    r"(?<=\bliving\s)(?![^,;]*\b(?:since|moved|moving)\b)(?:[^,;]*\s)?over\s+the\s+(?:holidays|summer|winter)"
)
_A_SEASON = re.compile(r"\b(?:" + A_SEASON + r")\b", re.I)
# A stay said as one: "at a conference", "on a trip", "for work", "on business"; unless
# it is for good ("I'm in Bristol permanently for work").
STAY = re.compile(
    r"\b(?:(?:on|at|for)\s+(?:a|an|the|my|our|his|her|their|[\w-]+'s)\s+(?:[\w'-]+\s+){0,3}?"
    + STAYS
    + r"s?|for work|on business|on holiday|on vacation|on tour|for (?:a few|a couple of|two|three|"
    r"\d+) (?:days|nights|weeks)|for the (?:[\w-]+\s+){0,2}?(?:week|weekend|day|night)|"
    # an event one is there for: "in Goodwood for the races", "in Cardiff for the match"
    r"for (?:the|a|an|my|our) (?:[\w-]+\s+)?(?:races|race|match|game|gig|concert|marathon|"
    r"graduation|christening|reunion|exhibition|launch|appointment|operation|surgery|exams?)|"
    + A_SEASON
    + "|"
    # a visit, a stopover, a trip begun: "visiting my mum in Leeds", "off to Rome"; a stay
    # at someone's: "staying at Rahul's in Bandra", "I'm at Rahul's in Bandra"
    r"visiting|staying with|staying at|at (?-i:[A-Z])[\w-]*['’]s\s+(?:(?:place|house|flat)\s+)?in|"
    r"passing through|stopping over|off to|away in|travelling in|"
    r"traveling in|holidaying in|camping in|hiking in|"
    # … or on its way: "going to Goa from the 20th", "heading to Durban", "off tae Skye"
     + TRIP_TO + r")\b",
    re.I,
)
SENT_TO = re.compile(
    r"(?:\b(?:have|has)\s+been\s+|'ve\s+been\s+|\b)(?:sent|deployed|seconded)\s+(?:\w+\s+)?to\b",
    re.I,
)
# Being somewhere, not living there: "I'm in Kyoto right now".
BEING_IN = re.compile(
    r"^(?:(?:just|now|currently|still|also)\s+)*(?:am|are|is)\s+(?:now\s+)?in\b", re.I
)
# … or based there for a time its own clause says: "I'm based in Denver this week" (not
# "I'm based in PH, travelling to Owerri this weekend": the weekend is the trip's).
BASED_IN = re.compile(
    r"^(?:(?:just|now|currently|still|also)\s+)*(?:am|are|is)\s+(?:now\s+)?"
    r"(?:based|staying|stationed|working)\s+in\b",
    re.I,
)
AN_END_SAID = re.compile(r"\b(?:until|till|til)\b", re.I)
# A trip, as the trip rules of rules.py read one: "going to Goa …", "I'll be in Mombasa …",
# "in Rotorua till …"
A_TRIP = re.compile(
    r"^(?:(?:(?:just|now|also|then|finally|actually|am|are|is|'m|'re|'s)\s+)*"
    + TRIP_TO
    + r"|(?:(?:am|are|is)\s+)?(?:will|'ll|shall|gonna|going\s+to)\s+be\s+(?:\w+\s+)?"
    r"(?:in|away\s+in|staying\s+in|"
    r"over\s+in)\b|(?:currently\s+|now\s+|still\s+|just\s+)?in\s|visiting\s)",
    re.I,
)
# Words of a routine: "every Monday", "Tuesday to Thursday every week", "most weekends".
_ROUTINE = (
    r"every|each|usually|normally|always|often|sometimes|regularly|a\s+lot|"
    r"most\s+(?:weeks|weekends|days|summers|winters)|at\s+weekends|weekdays|weekly|"
    r"on\s+(?:mon|tues|wednes|thurs|fri|satur|sun)days"
)
# Days said of a routine, not a stay: "Mon-Fri and home at weekends".
A_ROUTINE = re.compile(r"\b(?:" + _ROUTINE + r")\b", re.I)
# … that is no stay to come: a routine ("every Monday"), past ("last year", "ago"), a move
# ("on a 2 year work permit", "a new life there") or unsure ("not sure yet").
NO_TRIP = re.compile(
    r"\b(?:"
    + _ROUTINE
    + r"|last\s+(?:week|weekend|month|year|summer|winter|spring|autumn|time)|ago|"
    r"work\s+permit|visa|new\s+life|for\s+good|permanently|relocat\w*|years?|"
    r"not\s+sure|unsure|tbc|tbd)\b",
    re.I,
)
NOT_TO_BE = re.compile(r"\b(?:not\s+(?:going\s+to|gonna)|won't|will\s+not|'ll\s+not)\s+be\b", re.I)
# Away somewhere, said of a routine ("I'm down in Brighton every weekend") or the past ("On
# holiday in Spain last year we got food poisoning").
AWAY_IN = re.compile(
    r"^(?:\w+\s+){0,2}?(?:(?:over|down|up|out)\s+in|on\s+(?:holiday|vacation|leave|business|"
    r"a\s+(?:work\s+)?trip)\s+in)\b",
    re.I,
)
# … or of work's hours: "I'm in Leeds, working Monday to Friday".
WORK_DAYS = re.compile(
    r"\b(?:work|works|working|worked|shifts?|open|opens|closed|teach|teaching|classes|lectures)"
    r"\s+(?:\w+\s+)?(?:from\s+)?$",
    re.I,
)
_SETTLED = re.compile(r"\b(?<!not )(?:for good|permanently|living here|relocated)\b", re.I)


# What parts a clause into pieces that each say their own thing: "Chef at Nando's, working
# till 10pm tonight".
_PIECE_ENDS = re.compile(r"\s*(?:[,;:()]|\s[-–—]\s)\s*|\s+(?:but|so|while|whereas)\s+", re.I)


def piece_of(clause: str, value: str) -> str:
    """The piece of a clause that says ``value``: what a fact other than a stay ends by
    ("I'm at Acme until March", "I'm vegan for a month"), never an end said beside it ("I'm
    a nurse, on nights this week", "Chef at Nando's, working till 10pm tonight") or in the
    sentence's other clauses ("I live in Leeds and I'm in London until Friday")."""
    at = clause.lower().find(value.lower())
    if at < 0:
        return clause
    before = [m.end() for m in _PIECE_ENDS.finditer(clause, 0, at)]
    if len(before) == 1 and _A_LEAD_DAY.match(clause):
        before = []  # "Tonight, my job is babysitter": the time the clause opens with is its
    end = at + len(value)
    while True:
        after = _PIECE_ENDS.search(clause, end)
        if after is None:
            return clause[before[-1] if before else 0 :]
        if not ONLY_A_TIME.match(clause, after.end()):
            return clause[before[-1] if before else 0 : after.start()]
        end = after.end()  # "at Co-op, but only till September": the piece goes on


# A day a clause opens with, alone before its comma: "Tonight, …", "This weekend, …" (not
# "Today, …", which opens news as often: "Today, I'm officially a nurse!").
_A_LEAD_DAY = re.compile(
    r"(?:tonight|this\s+(?:evening|morning|afternoon|weekend)|for\s+(?:tonight|today)|"
    # … "Today," only before a shift or a part for the day ("Today, I'm working at the
    # Oxfam shop", "Today, my job is cashier")
    r"today(?=\s*[,:;]\s*(?:(?:I['’]m|I\s+am|we['’]re)\s+(?:working|covering|helping|volunteering|"
    r"filling\s+in|on\s+(?:duty|shift))|my\s+job\s+is))"
    # (not news: "Today, I'm working at Google - first day!!", "… full time", "… promoted")
    r"(?![^.!?]*\b(?:" + JOB_BEGUN + r"|contract|" + SETTLED + r")\b))"
    r"\s*[,:;]",
    re.I,
)
# A piece that is only a time, said of the piece before: "…, until August anyway", "… but
# only till September", "(for 30 days)", "…, at least for the next two weeks".
ONLY_A_TIME = re.compile(
    r"(?:(?:but|and|so|well|only|just|probably|maybe|at\s+least|at\s+most|at\s+the\s+moment|"
    r"for\s+now)\s+)*"
    r"(?:until|till|til|through|for\s+(?:the\s+)?(?:next\s+|coming\s+)?(?:\d+|a|an|one|two|three|"
    r"four|five|six|seven|eight|nine|ten|a\s+few|a\s+couple\s+of|summer|winter|month|week|"
    r"fortnight))\b",
    re.I,
)


def another_place_between(clause: str, place: str, span: Start) -> bool:
    """Whether another place is named between a stay's place and the span of days of the
    clause ("in Leeds Monday, Manchester Tuesday to Thursday": Manchester's days)."""
    at = clause.find(place)
    if at < 0:
        return False
    between = (
        clause[at + len(place) : span.where[0]]
        if at < span.where[0]
        else clause[span.where[1] : at]
    )
    return any(place_rest(word) == "" for word in _CAPITALISED.findall(between))


_CAPITALISED = re.compile(r"\b(?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+)*")


def stay_in(
    span: Start, start: Optional[Start], until: Optional[datetime], said: datetime
) -> tuple[Optional[Start], Optional[datetime]]:
    """A stay's start and end once its clause names a span of days ("in Kumasi Monday to
    Wednesday", "in Marrakech June 18–24", "off to Porto this weekend"): the span's, within
    a week said ("Tue-Thu next week"); from a day said before it ("sailing to Jersey on
    Friday for the weekend"); none of it, if it ends before that day ("going to Lagos next
    week then Abuja for the weekend": another stop's). A span from today is begun, as its
    first day said ("from Wednesday to Saturday", said on a Wednesday) is not next week's;
    a day said after the span is a later stop's ("in Leeds Thursday to Saturday, then in
    York next week"). The span's last day is the end, over a week that holds it ("Monday
    to Friday this week")."""
    if start is not None and start.at - span.at == A_WEEK and span.at.date() == said.date():
        start = None  # "from Wednesday to Saturday", said on a Wednesday: begun
    if start is not None and start.where[0] >= span.where[1]:
        start = None
    if (
        start is not None
        and start.at.day == span.at.day
        and start.where[0] < span.where[1]
        and span.where[0] <= start.where[1]
    ):
        # the span's own first day ("from the 30th to the 3rd", said on the 1st: begun,
        # not next month's 30th): the span says when
        start = None
    if start is not None and span.last < start.at.date():
        if timedelta(0) <= span.at + A_WEEK - start.at <= _TWO_DAYS:
            # "on Friday for the weekend", said at the weekend: the one after that Friday
            span = span._replace(at=span.at + A_WEEK, last=span.last + A_WEEK)
        else:  # another stop's, and so is the end it gave
            return start, None if until is not None and until.date() == span.last else until
    last = datetime.combine(span.last, END_OF_DAY)
    until = last if until is None or last <= until < last + A_WEEK else max(until, last)
    if start is None or (start.last > start.at.date() and start.at <= span.at):
        start = span if span.at > said else None
    return start, until
