"""One clause's facts, once its subject is read (``facts_of``, which the rules' reading,
pipeline.py, asks of each clause): the relations it names ("User's sister is Anna"), a
pet it names, and its keyed facts, each worded one way and dated (when it began, when it
ends: a stay and its days, a plan for a day to come, a value put off, a trip called off);
or, when it keys nothing, the clause as a plain memory in the third person
(``_as_said``). What is not stated keys nothing: a clause under a condition, a
childhood, a doubt ("I don't know if I'm allergic to cats"), what someone says of the
user ("my boss said I'm getting promoted"), what several are said to be ("my kids are 5
and 7").
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime
from typing import Optional

from ..facts import EPISODE, FACT, USER, ExtractedFact, attribute
from .detail import content_of, detail_of
from .keys import NOT_SINCE, Key, keys_of
from .kin import QUALIFIERS, REL, RELATIONS, WRITTEN_AS, in_law, relation_key
from .leads import LIKE_LEAD, LIKE_SOMEONE_FIRST
from .lexicon import (
    CLAUSE_VERBS,
    JOB_BEGUN,
    MODALS,
    MONTH_NAMES,
    PET_ANIMAL,
    SETTLED,
    SUBJECT,
    UNRESOLVED_PREFIX,
    WEEKDAY_RE,
    words,
)
from .literals import said_between
from .others import mentioned_relations, named_in_twos
from .read_for import turned_down
from .rules_personal import A_CHILDS_SCHOOL
from .stays import (
    _A_SEASON,
    _SETTLED,
    A_DAY,
    A_ROUTINE,
    A_TRIP,
    A_WEEK,
    AN_END_SAID,
    AWAY_IN,
    BASED_IN,
    BEING_IN,
    NO_TRIP,
    NOT_TO_BE,
    SENT_TO,
    STAY,
    WORK_DAYS,
    another_place_between,
    piece_of,
    stay_in,
)
from .subjects import NOBODY, USER_SUBJECT, Parsed, Subject, parse_subject
from .text import classify, has_past_verb, lower_words, verb_first
from .theirs import pet_named
from .third_person import finish, third_person
from .timing import planned_start, plans, put_off
from .values import WORK_SAID
from .vehicles import OWN, TAKEN
from .when import (
    END_OF_DAY,
    back_on,
    became_true,
    day_span,
    end_said,
    expiry,
    lasts,
    month_under_way,
    plain_until,
    start_before_end,
    starts,
)
from .wording import RELATION_TEXT, sentence_of

# Words that make a life's story news of now: "…, last week actually", "and still live here".
_NOT_LATELY = (
    r"(?![^;]*\b(?:last\s+(?:week|month|year)|this\s+(?:year|month|week|"
    + "|".join(MONTH_NAMES)
    + r")|recently|just|ago|now|still|actually)\b)"
)
# A life's story, not news of now: "my family moved to Austin when I was 5", "as a kid I
# lived in Lagos", "growing up in Leeds", "I was 22 when I moved to the US", "back in
# college I lived in Leeds" (not "I'm back in college", "in my thirties, living in Leeds").
_CHILDHOOD = re.compile(
    r"\bwhen\s+(?:I|we)\s+(?:was|were)\s+(?:\d{1,2}\b|a\s+(?:kid|child|baby|toddler|teen|"
    r"teenager|student)|little|young|younger|small|in\s+(?:school|high\s+school|college|uni))|"
    r"\bas\s+a\s+(?:kid|child|baby|toddler|teen|teenager)\b|\bgrowing\s+up\b|"
    r"\b(?:I|we)\s+(?:was|were)\s+\d{1,2}\s+when\b(?![^.;]*\bstill\b)|\bback\s+in\s+the\s+day\b|"
    # … or by the age it happened at: "at 22 I moved to the US", "at the age of 9 we moved"
    # (not news told with the age one is: "At 34 I moved to Denver, last week actually")
    r"^(?:at|by)\s+(?:age\s+|the\s+age\s+of\s+)?\d{1,2},?\s+(?:I|we)\s+(?:moved|lived|worked|was|were|"
    r"had|left|started|got|became)\b" + _NOT_LATELY + "|"
    r"\b(?:moved|lived|emigrated|immigrated|relocated)\b[^.;]*\bat\s+(?:age\s+|the\s+age\s+of\s+)?"
    r"\d{1,2}(?:\s+years\s+old)?\s*(?:[.,;!]|$)" + _NOT_LATELY + "|"
    # … said in the past: "back in college I lived in Leeds" (not "I'm back in college")
    r"\bback\s+in\s+(?:school|high\s+school|college|uni|university)\b(?=[^.;]*\b(?:lived|moved|"
    r"worked|was|were|had)\b)|\bin\s+my\s+(?:teens|twenties|thirties|20s|30s)\b(?=[^.;]*\b"
    r"(?:lived|moved|worked|was|were|had)\b)|\b(?:lived|moved|worked|was|were)\b[^.;]*\bin\s+"
    r"my\s+(?:teens|twenties|thirties|20s|30s)\b",
    re.I,
)
# A life not had, its clause alone: "in another life I'm a 45 year old surgeon" (not "…,
# now I'm a nurse", the next clause).
_ANOTHER_LIFE = re.compile(
    r"^in\s+(?:another|a\s+parallel|an\s+alternate|a\s+different|an\s+alternative|my\s+next)\s+"
    r"(?:life|universe|world|timeline|reality)\b",
    re.I,
)
# A piece after a comma that names a thing of its own: "(I'm not allergic to penicillin
# after all,) the rash I had as a kid was something else".
_A_THING_OF_ITS_OWN = re.compile(
    r"\s*(?:the|a|an|that|this|those|these)\s+(?!(?:kid|child)\b)", re.I
)


def _in_childhood(clause: str) -> bool:
    """Whether ``clause`` tells a life's story (_CHILDHOOD), not in a piece after a comma
    about a thing of its own ("…, the rash I had as a kid was something else": the
    allergy denied before it is news)."""
    for found in _CHILDHOOD.finditer(clause):
        comma = clause.rfind(",", 0, found.start())
        if comma < 0 or not _A_THING_OF_ITS_OWN.match(clause, comma + 1):
            return True
    return False


# A clause told to whoever listens, no subject of its own: "don't judge", "pls don't
# laugh" (not "dont work at amazon anymore": chat leaves the "I" out).
_TOLD_TO_LISTENER = re.compile(
    r"^(?:(?:pls|plz|please|and|but|so|just)\s+)*(?:don't|do not|dont)\s+(?:judge|laugh|worry|"
    r"panic|freak|tell|ask|mind|remind|lecture|mention|be\s+mad|be\s+angry|get\s+mad|hate\s+me)\b",
    re.I,
)
# What the user does not know of themself: "I don't know if I'm allergic to cats".
_UNSURE_OF = re.compile(
    r"^(?:(?:do\s+not|don't|dont)\s+know|(?:am\s+)?not\s+sure|(?:am\s+)?wonder(?:ing)?|"
    r"can't\s+tell|cannot\s+tell)\s+(?:if|whether)\b",
    re.I,
)
_OWN_NEWS = re.compile(r"\b(?:I|we)\b.+$", re.I)
# A start said as the next one: a week from today at most, never today's ("next week",
# said on a Monday, is seven days on, not begun)
_NEXT_SAID = re.compile(r"\bnext\s+(?:week|" + WEEKDAY_RE + r")\b", re.I)
_REPORTED = re.compile(
    r"^(?:think|thought|heard|hear|guess|reckon|believe|believed|said|say|says|told|know|"
    r"knew|hope|wish|doubt|wonder|suppose|suspect|bet)\s+(?:that\s+)?"
    r"(?:he|she|they|it|(?-i:[A-Z][\w-]+)|(?:my|our|his|her|their)\s+[\w-]+)(?:'s)?\s+"
    r"(?:\w+ed|\w+s|got|is|was|are|were|has|had|will|went|left|took|became)\b",
    re.I,
)
# Someone says or thinks something of the user: "said I'm getting promoted", "thinks
# I'm lactose intolerant", "told me I have ADHD".
_SAYS_OF_THE_USER = re.compile(
    r"^(?:(?:just|always|still|also|keeps?|kept)\s+)*(?:think|thinks|thought|said|says|say|"
    r"told\s+me|tells\s+me|reckons?|believes?|mentioned|claims?|claimed|insists?|insisted|"
    r"swears?|figures?|guesses|guessed|suspects?|suspected|keeps\s+saying|kept\s+saying)"
    r"\s+(?:that\s+)?(?:i|i'm|i've|i'll|i'd|im|my|me|we|we're)\b",
    re.I,
)


# What says a denial is an end, not a plain "not": "no longer", "any more", "stopped",
# "used to", "quit", "gave up", "left".
_AN_END = re.compile(
    r"\b(?:no longer|any ?more|no more|stopped|quit|quitting|gave up|given up|used to|left|"
    r"resigned|retired|ended|now|these days|nowadays|broke up|split|divorced|moved|sold|"
    r"died|passed)\b",
    re.I,
)

# A denial said with "not" or "never" ("I'm not married"), not by a phrasing that ends
# something ("last day at Tesco", "we had to put Biscuit down").
_PLAIN_NOT = re.compile(r"\b(?:not|never)\b|n['’]t\b", re.I)
_DID_NOT = re.compile(r"\b(?:didn['’]t|did\s+not)\b", re.I)
# A beginning said of the day it is said: "first day at Feedzai today", "day one at
# Globex", "started at Acme today": when the fact began, not when it ends.
_BEGUN_TODAY = re.compile(
    r"\b(?:(?:first|1st)\s+(?:day|shift)|day\s+one|start(?:s|ed|ing)?|began|begins?|"
    r"joined|resumed)\b",
    re.I,
)


# … or news said anywhere in its sentence: "Today, I'm working at Google - first day!!",
# "… - officially promoted!"
_NEWS_OF_TODAY = re.compile(r"\b(?:" + JOB_BEGUN + r"|contract\s+signed|" + SETTLED + r")\b", re.I)


# … and in a message of its own words: a job begun ("- first day!!", "promoted!"), not
# a night's ("Tonight, my job is babysitter, finally some cash").
NEWS_OF_A_JOB = re.compile(r"\b(?:" + JOB_BEGUN + r"|contract\s+signed)\b", re.I)
TONIGHT = re.compile(r"\btonight\b", re.I)


_CHILD_WORDS = frozenset(word for word, kind in RELATIONS.items() if kind == "children")
_STARTED_AT = re.compile(r"\bstart(?:ed|s|ing)?\s+at\b", re.I)
# … a school for children by its name's last word (rules_personal.A_CHILDS_SCHOOL): where
# someone named alone starts is one ("Leo started at Oakfield Academy", had been his
# employer), unless work is said.
_A_CHILDS_SCHOOL = re.compile(A_CHILDS_SCHOOL)
# … or starts when a school's terms say: "Isla starts at St Brigid's after half term".
_AT_TERM = re.compile(
    r"\b(?:after|from|at|this|next|new)\s+(?:the\s+)?(?:half[- ]term|term|school\s+year)\b", re.I
)
# Where one is at that is one's home: "at my new flat in Leeds".
_AT = re.compile(r"\bat\s+", re.I)
_AT_HOME = re.compile(r"^(?:my|our)\s+(?:new\s+)?(?:flat|house|home|place|apartment)\b", re.I)
_PLACE_IN = re.compile(r"\bin\s+([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)")


# A parting reads best in its own words: "Tom and User split up", "User broke up with Tom".
_ENDED_AS_SAID = frozenset(("partner",))


_CALLS_ME = re.compile(r"\bcalls?\s+me\b", re.I)
# A relative of the user's, their name, then their age between commas: "my son Leo, 7,
# loves…", "my mum, 60, just retired" (read only of a clause about someone of the user's:
# "my flat, 2, …" has no such subject).
_THEIR_AGE_ASIDE = re.compile(
    r"(?:my|our)\s+(?:[\w'-]+\s+){0,2}?[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+)?\s*,\s*"
    r"(?P<age>[1-9]\d?)\s*,\s*(?=[a-z])",
    re.I,
)


def _as_home(key: Key, predicate: str) -> Optional[Key]:
    """Whereabouts said without an end, as a home: "Madrid"; "a flatshare in Stratford".
    Never where one is *at* ("I'm at Google now", "at the Hilton in Paris"): a
    workplace, a venue or a school as often as a home, so the clause stays plain."""
    at = said_between(_AT, key.value, None, predicate)
    if at and not _AT_HOME.match(key.value):
        return None
    place = key.value if key.value[:1].isupper() else None
    inside = _PLACE_IN.search(key.value)
    place = inside.group(1) if inside else place
    if place and _A_WARD.match(place):
        return None  # "I'm in A&E with my son": a ward, no home
    return Key("home", place, key.negated, key.type) if place else None


# A clause opening on one's own vehicle ("my VW Golf needs an MOT", vehicles.OWN), or on
# one taken ("vespa got stolen outside Termini", vehicles.TAKEN).
_MY_VEHICLE = re.compile(OWN, re.I)
_VEHICLE_TAKEN = re.compile(TAKEN, re.I)
# Where one is cared for, in capitals: "A&E", "ICU", "the ER".
_A_WARD = re.compile(r"(?:the\s+)?(?:A&E|A\s*and\s*E|ER|ICU|HDU|NICU|PICU|resus)$", re.I)


def facts_of(
    clause: str,
    sentence: str,
    parsed: Parsed,
    said: datetime,
    until: Optional[datetime],
    condition: bool,
) -> list[ExtractedFact]:
    subject = parsed.subject
    # "in Inverness sat-mon": no one sat; "being sent to Tokyo next week": no past either
    span = day_span(clause, said)
    unspanned = clause if span is None else clause[: span.where[0]] + clause[span.where[1] :]
    past = has_past_verb(lower_words(SENT_TO.sub(" ", unspanned)))
    # A date dates what happened, not what will ("I start at Square Enix on Monday").
    valid_from = became_true(clause, said, past)
    # A day to come plans what the clause says of a single-valued key ("I start at
    # Google on Monday", "we're moving to Izmir in June"): it holds from that day.
    start = None if past else starts(clause, said)
    # "in Lisbon in February", said in February: a stay until its end, not a home
    this_month = None if past or start is not None else month_under_way(clause, said)
    facts: list[ExtractedFact] = []
    relations = [] if parsed.relation is None else [parsed.relation]
    twos = named_in_twos(clause) if parsed.relation is not None else []
    if twos:
        relations = twos  # "my kids Ella and Sam": the second is the user's too
    if subject.key == USER:
        told = mentioned_relations(parsed.predicate, sentence)
        relations += [r for r in told if r not in relations]
    for kind, word, name in relations:
        facts.append(
            ExtractedFact(
                # (a relative by marriage as one word: "sister in law" is a sister-in-law)
                text=RELATION_TEXT.format(
                    s=SUBJECT,
                    rel=relation_key(word) if in_law(word) else WRITTEN_AS.get(word.lower(), word),
                    v=name,
                ),
                statement=clause,
                attribute=kind,
                value=name,
            )
        )
    # (a clause opening on a named pet is no one's, or the pet's: parse_subject)
    on_a_pet = subject is NOBODY or subject.key.split(":", 1)[0] in PET_ANIMAL
    pet = pet_named(clause) if on_a_pet and not condition else None
    if pet and (subject is NOBODY or pet.endswith(f" called {subject.key.split(':', 1)[-1]}")):
        # "My dog Max is 7 years old": the user has Max; the rest is said of Max
        fact = Key("pets", pet, False, FACT)
        facts.append(
            ExtractedFact(
                text=finish(sentence_of(USER_SUBJECT, fact)),
                statement=clause,
                attribute="pets",
                value=pet,
            )
        )
    # (a clause opening on a vehicle is no one's, or the vehicle's: "vespa got stolen")
    on_a_vehicle = subject is NOBODY or [subject.key.casefold()] == [
        w.casefold() for w in clause.split(maxsplit=1)[:1]
    ]
    taken = _VEHICLE_TAKEN.match(clause) if on_a_vehicle and not condition else None
    owned = _MY_VEHICLE.match(clause) if subject is NOBODY and not condition else None
    found = taken or owned
    if found:
        # "my VW Golf needs an MOT": the user has the Golf; the rest is said of it. "vespa
        # got stolen outside Termini": the user has it no more
        fact = Key("vehicles", found.group("v"), taken is not None, FACT)
        facts.append(
            ExtractedFact(
                text=finish(sentence_of(USER_SUBJECT, fact)),
                statement=clause,
                attribute="vehicles",
                value=fact.value,
                negated=fact.negated,
            )
        )
    # "If it's tea from now on, I'll cry": a condition states nothing; nor does what the
    # user thinks or heard of someone else ("I think Tom moved to Paris").
    stated = subject is not NOBODY and not condition and not _UNSURE_OF.match(parsed.predicate)
    # "stress. don't judge", "don't laugh": told to the listener, not said of the user
    stated = stated and not _TOLD_TO_LISTENER.match(clause) and not _in_childhood(clause)
    stated = stated and not _ANOTHER_LIFE.match(clause)
    if stated and subject.key != USER and _SAYS_OF_THE_USER.match(parsed.predicate):
        # "my boss said I'm getting promoted", "my boyfriend thinks I'm lactose
        # intolerant": what someone says of the user, neither theirs nor (yet) the user's
        stated = False
    many = _MANY_OF_MINE.match(clause) if subject.key.endswith(":") else None
    if stated and many and _said_of_several(clause[many.end() :]):
        # "my kids are 5 and 7", "my twins are 4", "my brothers work at Google": said of
        # several, none named; a key holds one ("User's kid is 5 years old" had been
        # written, the 7 lost; "User's twin is 4 years old", a twin of the user's)
        stated = False
    predicate = parsed.predicate
    if stated and subject.key == USER and _REPORTED.match(predicate):
        # "I doubt Tom knows I moved to Leeds": only what the user says of themself
        own = _OWN_NEWS.search(predicate)
        stated = own is not None
        predicate = parse_subject(own.group(0), None).predicate if own else predicate
    keys = keys_of(predicate, sentence) if stated else []
    if not stated:
        turned_down()  # a condition, a life's story, someone's guess…: nothing it says holds
    if subject.key != USER and _CALLS_ME.search(predicate):
        # "(I'm Margaret,) my friends call me Peggy": the user's other name, not theirs
        keys = [k for k in keys if k.attribute != "name"]
    valued = stated and all(k.value or k.negated for k in keys)
    aged = _THEIR_AGE_ASIDE.match(clause) if valued and subject.key != USER else None
    age_beside_an_end: Optional[Key] = None
    if aged is not None and not any(k.attribute == "age" for k in keys):
        # "my son Leo, 7, loves dinosaurs", "my daughter Mia, 9, plays the violin": their
        # age, said between commas after them; beside an end ("my mum, 60, just
        # retired"), told after it, below
        age = Key("age", aged.group("age"), False, FACT)
        if all(k.value for k in keys):
            keys.append(age)
        else:
            age_beside_an_end = age
    if twos:
        # no value is the second one's name ("my brothers Raj and Dev": no job "Dev")
        keys = [k for k in keys if not (k.value and twos[1][2] in k.value)]
    # "my son started at Leeds Grammar": a school, as "starts at Oakfield Primary" is; and
    # so is a school for children someone named alone starts at, unless work is said
    child = subject.key.split(":")[0] in _CHILD_WORDS
    if _STARTED_AT.search(predicate) and (
        child
        or (
            subject.key not in (USER, NOBODY.key)
            and ":" not in subject.key
            and not subject.key.startswith(UNRESOLVED_PREFIX)
            and not WORK_SAID.search(predicate)
        )
    ):
        keys = [
            Key("school", k.value, k.negated, k.type)
            if k.attribute == "employer"
            and (child or _A_CHILDS_SCHOOL.search(k.value) or _AT_TERM.search(predicate))
            else k
            for k in keys
        ]
    # "in Kumasi Monday to Wednesday": a stay in a place named, for those days; not a
    # routine, nor work's days ("I'm in Leeds, working Monday to Friday")
    places = [
        k.value
        for k in keys
        if k.attribute == "location" and k.value.removeprefix("the ")[:1].isupper()
    ]
    if (
        span is not None
        and not past
        and places
        and not A_ROUTINE.search(clause)
        and not WORK_DAYS.search(clause, 0, span.where[0])
        and not another_place_between(clause, places[0], span)
    ):
        start, until = stay_in(span, start, until, said)
    later = put_off(keys, clause, said) if until is not None else None
    if later is not None:
        # "won't move to Leith until March", "not joining Globex till January now": a plan
        # for that day, not a denial
        keys = [
            Key(k.attribute, k.value, False, k.type) if k.negated and k.value else k for k in keys
        ]
        start, until = later, None  # "until March" is when it begins, not when it ends
    # a trip called off is the user's only when the user or the trip says it ("my ex
    # cancelled tokyo" is the ex's)
    users = stated or (subject is NOBODY and _THE_TRIP_OPENS.match(clause) is not None)
    keys, called_off = plans(keys, predicate, clause, start, later is not None, users)
    while_ = lasts(clause, said)
    if NOT_TO_BE.search(predicate):
        # "I'm not going to be in Leeds next week": no stay, and no end of one now
        keys = [k for k in keys if not (k.attribute == "location" and k.negated)]
    if AWAY_IN.match(predicate) and NO_TRIP.search(clause):
        # "down in Brighton every weekend", "over in Dublin a lot": neither home nor stay
        keys = [k for k in keys if k.attribute not in ("home", "location")]
    trip = A_TRIP.match(predicate) is not None
    if trip and ((until is None and start is None and while_ is None) or NO_TRIP.search(clause)):
        # "going to Oslo over Easter": a trip whose time the rules do not read, or one
        # that is a routine, past, a move or unsure, is not a stay from now on
        keys = [k for k in keys if k.attribute != "location"]
    being_away = until is not None and (
        BEING_IN.match(parsed.predicate) is not None
        or (BASED_IN.match(parsed.predicate) is not None and expiry(clause, said) is not None)
    )
    seasonal = _A_SEASON.search(parsed.predicate) is not None
    if (
        (while_ is not None or being_away or seasonal)
        and _SETTLED.search(parsed.predicate) is None
        and NOT_SINCE.search(parsed.predicate) is None  # how long not so: no stay
    ):
        # "I'm living in Porto for a month": a stay there, not a new home; so are "I'm in
        # Kyoto right now, back on the 9th" and "living in Denver for the holidays"
        keys = [
            Key("location", k.value, k.negated, k.type) if k.attribute == "home" else k
            for k in keys
        ]
    if any(k.attribute == "home" for k in keys):
        # "I'm in Leeds now": one place, a home, not a stay as well
        keys = [k for k in keys if k.attribute != "location"]
    stay = until is not None or start is not None or STAY.search(parsed.predicate) is not None
    # An end said, even one not read ("until the cows come home"), or a while ("for the
    # next two weeks"), is a stay's, not a home's.
    stay = stay or while_ is not None or AN_END_SAID.search(parsed.predicate) is not None
    stay = stay or this_month is not None
    stay = stay and _SETTLED.search(parsed.predicate) is None
    if not stay and any(k.attribute == "location" for k in keys):
        # Whereabouts without an end are where one lives, said loosely ("my sister is in
        # Madrid"); a stay has an end ("until Sunday") or a reason ("for work", "at a
        # conference in Lisbon").
        homes = [
            _as_home(k, parsed.predicate)
            if k.attribute == "location" and k.value and k.value != called_off
            else k
            for k in keys
        ]  # (an ending is no whereabouts: "flew home early" ends the stay; nor a trip off)
        keys = [k for k in homes if k is not None]
    for key in keys:
        if not key.value:
            continue  # an ending: told after the facts, in the words it was said in
        listed = sum(k.attribute == key.attribute for k in keys) > 1
        # a trip's first day, said apart from it or not ("going to Enugu for Christmas,
        # from 20 Dec till 2 Jan")
        planned = (
            start if trip and key.attribute == "location" else planned_start(key, start, clause)
        )
        if (
            planned
            and key.attribute == "location"
            and another_place_between(clause, key.value, planned)
        ):
            planned = None  # "in Leeds till Friday, then London on Saturday": London's day
        if planned and until is not None and until < planned.at:
            # an end or a return the trip's own clause says ("on Monday, back Thursday")
            # (a stay's own too: "I'm in Lisbon next week till Friday")
            its_own = trip or (key.attribute == "location" and start_before_end(clause, planned))
            own_end = expiry(clause, said) if its_own else None
            back = back_on(clause, said) if trip else None
            ahead = (planned.at.date() - said.date()).days
            soon = ahead < 7 or (ahead == 7 and _NEXT_SAID.search(clause) is not None)
            if back == until and back is not None and back + A_DAY > planned.at:
                until += A_DAY  # "on Thursday and back Thursday night": that day
            elif own_end == until and own_end is not None and planned.at - until < A_WEEK and soon:
                until += A_WEEK  # "on Monday, back Thursday": the Thursday after it
            elif trip and (soon or own_end is None):
                # another stop's end: "in Leeds until Thursday, flying to Rome on Friday",
                # "going to Lagos next week then Abuja for the weekend"
                until = None
            else:
                planned = None  # "in Leeds from Monday until Friday", said on a Monday: begun
        # what another value of the clause says is that fact's ("a banker with GTBank,
        # resident in Abuja": a fact of its own)
        others = frozenset(w for k in keys if k is not key and k.value for w in content_of(k.value))
        detail = "" if listed or planned else detail_of(parsed.predicate, key, said, others)
        ends = until or while_ or (this_month if key.attribute == "location" else None)
        if key.attribute != "location" and ends is not None:
            # A fact other than a stay ends only by what is said beside its value
            piece = piece_of(clause, key.value)
            ends = (until and expiry(piece, said)) or (while_ and lasts(piece, said))
            if key.attribute == "home" and not while_ and not end_said(piece):
                ends = None  # "back home in Lyon tonight": when the home is, not its end
            if (
                ends is not None
                and ends.date() == said.date()
                and (
                    _BEGUN_TODAY.search(piece)
                    or (_NEWS_OF_TODAY.search(sentence) and not TONIGHT.search(sentence))
                )
            ):
                ends = None  # "first day at Feedzai today": when the job began
            if key.negated:
                ends = None  # "quit my job at Acme today": an end said, which never ends
        plainly = (
            key.negated
            and _PLAIN_NOT.search(clause) is not None
            and not _AN_END.search(clause)
            and not NOT_SINCE.search(clause)  # "I haven't lived in York since 2019": an end
        )
        text = finish(sentence_of(subject, key, plainly) + detail)
        if plainly and _DID_NOT.search(clause):
            text = text.replace(" does not ", " did not ", 1)  # "I didn't go to college"
        off = key.negated and (key.value == called_off or _AFTER_ALL.search(clause) is not None)
        if off or (key.negated and key.attribute in _ENDED_AS_SAID):
            # "User is not moving to Izmir after all", "Tom and User split up"
            text = _as_said(subject, clause, parsed)
        elif planned and key.attribute == "home" and " lives in " in text:
            # "User moves to Izmir in June 2027": a move to come, found by "am I moving?"
            on_a_day = planned.label[:1].isdigit() and " " in planned.label  # not "2027"
            when = ("on " if on_a_day else "in ") + planned.label
            text = finish(text.replace(" lives in ", " moves to ", 1) + " " + when)
        elif planned:
            text = finish(text + " from " + planned.label)
        if planned:
            if key.attribute == "location":  # "in Leeds on Monday", "next week": that time,
                # or as long as said from that day ("flying to Tokyo on Friday for a week")
                while_on = lasts(clause, planned.at)  # "tomorrow for 10 days": the longer
                said_ends = [day for day in (until, while_on) if day is not None]
                ends = max(said_ends) if said_ends else datetime.combine(planned.last, END_OF_DAY)
            elif until == planned.at.replace(hour=23, minute=59, second=59):
                ends = None  # "I start at Globex tomorrow": from then on, not for the day
        if key.attribute == "location" and ends is not None and ends < said and not past:
            # "I'm in Amsterdam 17-19 Nov" said on the 20th, "in Lisbon for 2 weeks from
            # December 3" on the 31st: a stay gone by, no whereabouts now; said as it was
            facts.append(ExtractedFact(_as_said(subject, clause, parsed), classify(clause), clause))
            continue
        facts.append(
            ExtractedFact(
                text=text,
                type=key.type if attribute(key.attribute) else FACT,
                statement=clause,
                # "the Tokyo trip is cancelled": the user's trip, though the clause names none
                subject=USER if off and subject is NOBODY else subject.key,
                attribute=key.attribute,
                value=key.value,
                negated=key.negated,
                valid_from=planned.at if planned else valid_from,
                expires_at=None if past or key.attribute in _LASTING else ends,
                calls_off=off,
            )
        )
    ended = [key.attribute for key in keys if not key.value]
    student = next(
        (
            f
            for f in facts
            if f.attribute == "job" and f.negated and (f.value or "").lower().endswith("student")
        ),
        None,
    )
    if student and not any(f.attribute == "studies" for f in facts):
        # "I'm not a student anymore": the job "student" denied, and the studies ended, in
        # its words (they had stayed current)
        facts.append(replace(student, attribute="studies", value=None))
    if len(ended) < len(keys) or (parsed.relation is not None and not parsed.predicate.strip()):
        two = two_of_them(clause, parsed, TWO_NAMED) or _AND_ANOTHER.match(parsed.predicate)
        keyed_for = {f.subject for f in facts if f.attribute and f.subject != USER}
        if subject.key not in (USER, NOBODY.key) and two and len(keyed_for) < 2:
            # "Emma and Luke bought a flat in Leeds", "my mum and dad are vegan": the key
            # is the first one's; the words keep both (not when each was keyed: "my kids
            # Ella and Sam are vegan"; nor "… and his wife": the key says whose she is)
            both = finish(third_person(clause))
            facts.append(ExtractedFact(both, classify(clause), clause, valid_from=valid_from))
        return facts
    kind = classify(clause)
    text = _as_said(subject, clause, parsed)
    if text and ended:
        # "User resigned today": a denial of whatever the key holds, in the words said.
        off = called_off == ""  # "the move's off": any plan of the home, the user's
        facts += [
            ExtractedFact(
                text=text,
                type=kind,
                statement=clause,
                subject=USER if off and subject is NOBODY else subject.key,
                attribute=name,
                negated=True,
                valid_from=valid_from,
                calls_off=off,
            )
            for name in ended
        ]
        if age_beside_an_end is not None:
            facts.append(
                ExtractedFact(
                    text=finish(sentence_of(subject, age_beside_an_end, False)),
                    type=FACT,
                    statement=clause,
                    subject=subject.key,
                    attribute="age",
                    value=age_beside_an_end.value,
                    valid_from=valid_from,
                )
            )
    elif text:
        facts.append(
            ExtractedFact(
                text=text,
                type=kind,
                statement=clause,
                valid_from=valid_from,
                expires_at=plain_until(clause, kind == EPISODE, past, until, said),
            )
        )
    return facts


_TWO_OF_THEM = re.compile(r"\s(?:and|&)\s", re.I)
# What is left of "my mum and dad are…" after its subject: another, by a word for them.
_AND_ANOTHER = re.compile(r"(?:and|&)\s+" + REL + r"\b", re.I)
TWO_NAMED = re.compile(r"\s(?:and|&)\s+(?!I\b)(?-i:[A-Z])[a-z]")


def two_of_them(clause: str, parsed: Parsed, joined: re.Pattern[str] = _TWO_OF_THEM) -> bool:
    """Whether ``clause`` names two as its subject (joined as ``joined`` reads), of whom
    ``parsed`` took the first: "Ruby and Alfie fought all morning"."""
    at = clause.rfind(parsed.predicate) if parsed.predicate else -1
    return at > 0 and joined.search(clause, 0, at) is not None


# Relatives said in the plural: "my brothers (Tom and Sam)", "our twins", "my kids".
_MANY_OF_MINE = re.compile(r"^(?i:my|our|me)\s+(?i:" + QUALIFIERS + r"(?:" + REL + r")s)\b")


def _said_of_several(rest: str) -> bool:
    """Whether what follows a relative in the plural ("my sons …") is said of several: a
    verb that agrees ("are 12 and 9", "live in Leeds", "both work", "turned 8"), not an
    "s" typed for "'s" ("my sons 5 today", "my dads a plumber", "my sons got autism", "my
    bros birthday"): the one."""
    said = lower_words(rest)[:4]
    if said[:1] and said[0] in _EACH_OF_THEM:
        return True  # "my sisters both got engaged"
    words = [w for w in said if w not in _BEFORE_A_VERB]
    if not words:
        return False
    verb = words[0]
    if verb in _AGREES_WITH_SEVERAL:
        return True
    return verb in CLAUSE_VERBS and not verb.endswith("s") and verb not in _SAID_OF_ONE_TOO


# Words between several and their verb ("my kids both love …"), verbs that agree with
# several alone, and the verbs an "s" for "'s" (is, has) comes before ("my sons got …").
_BEFORE_A_VERB = words("both all each also too still just now never always really")
_EACH_OF_THEM = words("both all each")
_AGREES_WITH_SEVERAL = words("are were have r do don't aren't weren't haven't didn't did")
_SAID_OF_ONE_TOO = MODALS | words("got been be am had can't")
# "Just like my mum" before ", I'm a nurse": a comparison, not the user's verb "like".
_LIKE_ONE_OF_MINE = re.compile(LIKE_LEAD + r"(?:my|our|his|her|their)\s", re.I)


def _as_said(subject: Subject, clause: str, parsed: Parsed) -> str:
    """A clause as a plain memory: its words, in the third person."""
    lead = LIKE_SOMEONE_FIRST.match(clause)
    if subject.key == USER and lead:
        # "Just like Rihanna I'm from Barbados": whom one is compared to, as said
        return finish(clause[: lead.end()] + third_person(clause[lead.end() :]))
    if subject.key == USER and verb_first(clause) and not _LIKE_ONE_OF_MINE.match(clause):
        # "Resigned today", typed short: "User resigned today", "User starts in April".
        # (a word in capitals stays so: "QUIT" is "User QUIT", not "User qUIT")
        first = clause[:1] if clause[1:2].isupper() else clause[:1].lower()
        return finish(third_person("I " + first + clause[1:]))
    if subject.key in (USER, NOBODY.key):
        return finish(third_person(clause))
    if two_of_them(clause, parsed) or _MANY_OF_MINE.match(clause):
        # "Ruby and Alfie fought all morning", "my brothers Tom and Sam hate each other":
        # both, as said (the subject is the first: "User's brother Tom and Sam hate …" had
        # been written)
        return finish(third_person(clause))
    said = third_person(parsed.predicate)
    # "Mia's 8th birthday party was Saturday": a thing of theirs, no space before "'s";
    # none before a comma either ("Vegan, confirmed")
    between = "" if said.startswith(("'s", ",", ";", ":")) else " "
    return finish(f"{subject.name}{between}{said}")


_THE_TRIP_OPENS = re.compile(
    r"^(?:the\s+|our\s+|my\s+)?[\w-]+(?:\s+[\w-]+)?\s+(?:trip|holiday|vacation)\b", re.I
)
_AFTER_ALL = re.compile(r"\bafter all\b(?!\s+\w)", re.I)  # not "after all, it was…"


# Attributes whose facts a sentence's "this week" does not end: one is not 35 until Sunday.
_LASTING = frozenset(("name", "age", "birthday", "children", "siblings", "mother", "father"))
