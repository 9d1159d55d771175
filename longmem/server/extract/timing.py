"""What a clause says of time beyond its dates (when.py reads those): a plan for a day to
come, hedged, denied or called off ("we're not moving to Izmir after all"); a denied
value put off to a day ("not … until March"); a first day said after the news it begins
("I got the job at Globex. Starting Monday"); how long the stay said before lasts ("Off
to Lisbon on Friday. Two weeks").
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Optional

from ..facts import FACT, USER, ExtractedFact, attribute
from .keys import Key
from .lexicon import HEDGED, HEDGED_BEFORE
from .places import place_rest
from .rules_home import PLANNED_MOVE, SINCE_THE_MOVE
from .stays import AN_END_SAID
from .third_person import finish
from .values import a_place
from .when import COUNT_RE, END_OF_DAY, Start, count_of, starts


def put_off(keys: list[Key], clause: str, said: datetime) -> Optional[Start]:
    """The day a denied value is put off to ("not … until March"), if it names one."""
    denied = any(k.negated and k.value for k in keys) or _DENIED.search(clause) is not None
    if not keys or not denied or not AN_END_SAID.search(clause):
        return None
    return starts(AN_END_SAID.sub("from", clause), said)


def plans(
    keys: list[Key],
    predicate: str,
    clause: str,
    start: Optional[Start],
    denied_ok: bool = False,
    own: bool = True,
) -> tuple[list[Key], Optional[str]]:
    """The keys of a clause that may plan something, and the home a move called off names.

    A move said in the present ("we're moving to X") is keyed only as the subject's own
    ("my parents are moving…" is theirs, not said of the user), with a day to come, not
    hedged ("might", "if the visa comes through") and with no comma between the place
    and the day; denied ("we're not moving to Izmir after all"), it calls the plan off.
    Any other value said of a day to come is no plan when hedged or denied before it ("I
    won't be joining Globex next month"): a plain memory, not the value now either."""
    off = _MOVE_OFF.match(predicate)
    where = off and (off.group("where") or off.group("whither"))
    if where and where.lower() not in _MOVES and place_rest(where) != "":
        off = None  # "the chess move was called off"
    if off and not any(k.attribute == "home" for k in keys):
        # "we're not moving after all", "the move's off": whichever move was planned;
        # "the portland move is off": the move to Portland
        named = where[:1].upper() + where[1:] if where and where.lower() not in _MOVES else ""
        return [*keys, Key("home", named, True, FACT)], named
    trip = _TRIP_OFF.match(predicate) if own else None
    if trip and (_NOT_CALLED_OFF.search(predicate, 0, trip.end()) or LONG_AGO.search(predicate)):
        trip = None  # "we might have to cancel tokyo", "didn't cancel tokyo", "…last year"
    place = trip and next(p for p in trip.groups() if p)
    if place and place_rest(place) == "":
        # "had to cancel tokyo", "the Tokyo trip is off", "not going to Tokyo anymore":
        # the stay planned there is called off (remember retires it, if one waits)
        kept = [k for k in keys if k.attribute not in ("location", "home")]
        return [*kept, Key("location", place, True, FACT)], place
    moving = re.search(PLANNED_MOVE, predicate, re.I)
    if (
        moving
        and (
            (
                _ENDED_UP.search(predicate, 0, moving.start())
                and a_place(predicate[moving.end() :])
                and not _LONG_AGO_MOVE.search(predicate, moving.end())
            )
            or ((since := _SINCE_THE_MOVE.match(predicate)) and a_place(since.group("v")))
        )
        and not HEDGED.search(predicate)
        and not HEDGED_BEFORE.search(predicate, 0, moving.start())
    ):
        moving = None  # "we ended up moving to Tampa", "since the move to Boise": moved
    homes = [k for k in keys if k.attribute == "home"] if moving else []
    if moving:
        keys = [k for k in keys if k.attribute != "home"]
    if homes and _OWN_MOVE.match(predicate):
        head = predicate[: moving.start()] if moving else ""
        if not denied_ok and (homes[0].negated or _DENIED.search(head)):
            return [*keys, Key("home", homes[0].value, True, FACT)], homes[0].value
        if start is not None and planned_start(homes[0], start, clause):
            keys.append(homes[0])
    if start is not None:
        keys = [
            k
            for k in keys
            if not (planned_start(k, start, clause) and _unsure(k, predicate, denied_ok))
        ]
    return keys, None


# A move made, said before its words: "we ended up moving to…" (not "we'll have ended
# up…"), or before the user's news since (rules_home.SINCE_THE_MOVE).
_ENDED_UP = re.compile(r"(?<!\bhave\s)\bended\s+up\s+$", re.I)


_LONG_AGO_MOVE = re.compile(r"\b(?:(?:19|20)\d\d|ago|back\s+in)\b", re.I)


_SINCE_THE_MOVE = re.compile(SINCE_THE_MOVE, re.I)


def _unsure(key: Key, predicate: str, denied_ok: bool = False) -> bool:
    """Whether a value planned for a day is hedged ("if the visa comes through" anywhere;
    "might", "thinking of" before it) or denied before it, within its comma's reach
    (``denied_ok``: a denial that puts it off to the day)."""
    if HEDGED.search(predicate):
        return True
    at = predicate.lower().find(key.value.lower())
    head = predicate[: at if at >= 0 else len(predicate)]
    denied = not denied_ok and _DENIED.search(head.split(",")[-1]) is not None
    return bool(HEDGED_BEFORE.search(head)) or denied


# A move called off without its place: "we're not moving after all", "the move's off",
# "the portland move is off" (a word before "move" only a place or a kind of move: not
# "the chess move"), "the move fell through", "move fell through", "decided not to move",
# "we're staying put after all".
_MOVE_OFF = re.compile(
    r"^(?!.*\buntil\b)(?:.*\b(?:not|n't|no longer)\s+(?:moving|relocating)"
    r"(?:\s+(?:house|anywhere|out|away|abroad|home))?(?=\s*(?:after all|anymore|any more)\b)|"
    r".*\b(?:the|our|my)\s+(?:(?P<where>[\w-]+)\s+)?move(?:'s|\s+is|\s+has|\s+was)\s+(?:been\s+)?"
    r"(?:off|cancell?ed|called off|"
    r"fallen through)\b|.*\b(?:the|our|my)\s+(?:(?P<whither>[\w-]+)\s+)?move\s+fell\s+through|"
    r".*\b(?:cancell?ed|called off)\s+(?:the|our|my)\s+move\b|"
    # … said with no "the", as chat says it: "move fell through", "move's off"
    r"\s*(?:(?:so|well|ugh|sadly|annoyingly)\s*,?\s+)?move(?:'s|\s+is|\s+has)?\s+(?:off|"
    r"fell\s+through|fallen\s+through|cancell?ed)\b|"
    r".*\bdecided\s+(?:not\s+to\s+move|against\s+moving)\b|"
    r".*\bstaying\s+(?:put|in\s+(?-i:[A-Z])\S*)\s+after all)",
    re.I,
)


# A trip called off, by its place: "had to cancel tokyo", "cancelled our trip to Rome",
# "the Tokyo trip is cancelled", "not going to Tokyo anymore".
_TRIP_PLACE = r"((?-i:[A-Z])[\w-]+(?:\s+(?-i:[A-Z])[\w-]+)?|[a-z][\w-]+)"


_TRIP_OFF = re.compile(
    r"^(?:.*\b(?:cancell?ed|cancel|called\s+off|scrapped|scrap)\s+(?:the\s+|our\s+|my\s+)?"
    r"(?:(?:trip|holiday|vacation|flight|flights)\s+to\s+)?"
    + _TRIP_PLACE
    + r"(?:\s+(?:trip|holiday|"
    r"vacation|flights?))?(?=\s*(?:$|[,.!;]|because|bc|cos|since|due|after|now|lol)\b|\s*$)|"
    r"(?:(?:the|our|my)\s+)?"
    + _TRIP_PLACE
    + r"\s+(?:trip|holiday|vacation)\s+(?:is|was|has\s+been|"
    r"got)\s+(?:now\s+|officially\s+)?(?:cancell?ed|off|called\s+off|scrapped)\b|"
    r".*\b(?:not|n't|no\s+longer)\s+(?:going|flying|heading|travell?ing)\s+to\s+"
    + _TRIP_PLACE
    + r"\b(?=.*\b(?:anymore|any\s+more|after\s+all)\b))",
    re.I,
)


_NOT_CALLED_OFF = re.compile(
    r"\b(?:might|may|could|would|should|if|unless|maybe|probably|thinking|considering|"
    r"didn't|did\s+not|won't|will\s+not|not\s+cancel\w*|never)\b",
    re.I,
)


LONG_AGO = re.compile(r"\b(?:years\s+ago|a\s+year\s+ago|last\s+year|(?:19|20)\d\d)\b", re.I)


_MOVES = frozenset(("big", "house", "whole", "planned", "interstate", "overseas", "international"))


# A move the clause's own subject makes: "(we) are (not) moving to…", after a heading.
# ("isn't" is "is" and "n't": listed as a word of its own, each of a run of them could be
# read two ways, and a run that failed was tried every way, exponential in its length.)
_OWN_MOVE = re.compile(
    r"^(?:[^,:]*:\s*)?(?:(?:i|we)\b\s*)?(?:(?:am|are|is|'m|'re|'s|will|'ll|be|shall|going to|"
    r"gonna|planning to|plan to|about to|set to|due to|"
    r"not|n't|never|no longer|won't|wont|also|finally|officially|actually|"
    r"now|all|both|then|just|soon|definitely|still|really|so)\s*)*" + PLANNED_MOVE,
    re.I,
)


# Words that say a thing to come will not be: "won't move", "can't start", "not joining".
_DENIED = re.compile(
    r"\b(?:not|never|no longer|won't|wont|will not|can't(?! wait)|cannot|can not|couldn't|"
    r"wouldn't|isn't|aren't|ain't)\b|n't\b(?<!can't)",
    re.I,
)


def planned_start(key: Key, start: Optional[Start], clause: str) -> Optional[Start]:
    """The day a key's value starts to hold, for a value of a single-valued key said of
    a day to come, the day and the value with no comma between them ("I'm 29, 30 in
    March": 29 holds now); None for the rest (a denial, a list, a value already true)."""
    spec = attribute(key.attribute)
    if start is None or key.negated or spec is None or not spec.single:
        return None
    if key.attribute == "birthday":
        return None  # "Mum's birthday is on Sunday": the day is the value
    at = clause.lower().find(key.value.lower())
    if at < 0:
        return start  # a value in other words than said ("vegetarian" for "no meat")
    if at < start.where[0]:
        between = clause[at + len(key.value) : start.where[0]]
    elif not clause[: start.where[0]].strip():
        return start  # the day opens the clause: "On Monday, I start at Globex"
    else:
        between = clause[start.where[1] : at]
    return None if re.search(r"[,;:]", between) else start


# A first day said on its own after what it is the first day of: "hired as a pharmacist,
# starting in September", "got a job at Google!! I start Monday".
_STARTING = re.compile(
    r"^(?:(?:and|so)\s+)?(?:I\s+|I'm\s+|I\s+am\s+)?(?:start|starts|starting|begin|beginning)\b",
    re.I,
)


# What may follow the day ("starting Jan 5", "starting Monday, finally!!"), no more.
_ONLY_THE_DAY = re.compile(
    r"(?:[\s,.!]|\d{1,4}(?:st|nd|rd|th)?\b|(?:of|the|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"[a-z]*\b|(?:lol|yay|woo+|finally|so\s+excited|excited|can'?t\s+wait|nervous)\b|[🎉🥳🙌😬]+)*",
    re.I,
)


# What holds from a first day: a job, an employer, a school.
_BEGUN = frozenset(("job", "employer", "school", "studies"))


# … told as news, not as what holds already ("I'm a nurse", "I work at Acme").
NEWLY = re.compile(
    r"\b(?:got|gotten|getting|hired|joined|joining|accepted|accepting|landed|offered|offer|"
    r"poached|signed|transferred|promoted|enrolled|admitted|new\s+(?:job|role|position|post|gig)|"
    r"start(?:s|ed|ing)?\s+(?:at|with)|day\s+one|first\s+(?:day|week|month))\b",
    re.I,
)


def begun_then(clause: str, facts: list[ExtractedFact], since: int, said: datetime) -> bool:
    """Whether ``clause`` says only the first day of a job or school the clause before
    told as news (``facts[since:]``: the facts of the last clause that told any); if so,
    those facts hold from that day. Not "I'm a nurse and I'm moving to Leeds, starting
    in January" (the move's), nor "I work at Google. starting tomorrow"."""
    opening = _STARTING.match(clause)
    if opening is None:
        return False
    # "I start Monday" is read as "starting Monday" is
    said_as = "starting " + clause[opening.end() :].lstrip()
    start = starts(said_as, said)
    if start is None or start.where[0] > len("starting ") or start.where[1] < len("starting "):
        return False
    if _ONLY_THE_DAY.fullmatch(said_as[start.where[1] :]) is None:
        return False  # "starting Monday at the new site": more than the day
    if not any(NEWLY.search(f.statement) for f in facts[since:]):
        return False  # "I'm a nurse, starting in May": what holds already
    begun = [
        i
        for i in range(since, len(facts))
        if facts[i].attribute in _BEGUN
        and facts[i].value
        and not facts[i].negated
        and facts[i].valid_from is None
    ]
    for i in begun:
        fact = facts[i]
        facts[i] = replace(
            fact,
            text=finish(f"{fact.text} from {start.label}"),
            statement=f"{fact.statement}, {clause}",
            valid_from=start.at,
        )
    return bool(begun)


# A stay's length said on its own right after it: "Heading to Zanzibar tomorrow!! 5 days
# of beach", "… here for 4 days", "Flying to Bali on Saturday. Two weeks!!".
_HOW_LONG = re.compile(
    r"^(?:(?:here|there)\s+)?(?:for\s+)?(?P<n>" + COUNT_RE + r")\s+(?P<u>days?|nights?|weeks?)"
    r"(?:\s+(?:of\s+(?:beach|sun|fun|hiking|skiing|surfing|diving|relaxing|relaxation|bliss|"
    r"adventure|sightseeing|exploring|holiday|vacation|rest)|there|away|off|total|in\s+total))?"
    r"\s*[!.]*$",
    re.I,
)


def lasting(clause: str, facts: list[ExtractedFact], since: int, said: datetime) -> bool:
    """Whether ``clause`` says only how long the stay the clause before told lasts
    (``facts[since:]``: a `location` of the user's with no end said but its first day);
    if so, the stay lasts that long from its first day."""
    match = _HOW_LONG.match(clause.strip())
    if match is None:
        return False
    stays = [
        i
        for i in range(since, len(facts))
        if facts[i].attribute == "location" and facts[i].subject == USER and not facts[i].negated
    ]
    if len(stays) != 1:
        return False
    stay = facts[stays[0]]
    first = stay.valid_from or said
    one_day = datetime.combine(first.date(), END_OF_DAY)
    if stay.expires_at is not None and stay.expires_at != one_day:
        return False  # its end is said already ("till Friday, 2 weeks" is no stay of 2 weeks)
    words = " ".join(match.group("n").lower().split())
    count = count_of(words)
    unit = match.group("u").lower().rstrip("s")
    days = count * (7 if unit == "week" else 1)
    last = first.date() + timedelta(days=days if unit == "night" else days - 1)
    facts[stays[0]] = replace(
        stay,
        statement=f"{stay.statement}, {clause}",
        expires_at=datetime.combine(last, END_OF_DAY),
    )
    return True
