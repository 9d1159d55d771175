"""Keys of what a clause says: which attribute it states, and what value.

keys_of(predicate, sentence) reads a clause (its subject already taken off, subjects.py)
against the phrasings of rules.py: only the rows whose needed words the clause holds are
tried (literals.py), on each reading of the clause (as said, and with its negation taken
out); a match's value is cleaned and checked (a home is somewhere, a job an occupation, a
name a name); a negation ("no longer", "not … anymore", "don't … any more", "stopped")
turns the fact into one that retires the value it names, and what is only wished or
hoped ("I wish I lived in Rome"), or not done yet ("haven't moved yet", "nearly") is no
fact at all. endings() reads what ends a single-valued fact without a new value ("I
resigned today").

A clause that matches no rule is left to the caller, which stores it as a plain memory.
"""

# ruff: noqa: E501, SIM905  (a few checks keep one pattern per line, and word lists read as text)
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Optional

from ..facts import FACT, PREFERENCE, ROLE_ATTRIBUTES, WORK_ATTRIBUTES, attribute
from .health import A_CONDITION, A_MEDICINE, SWITCHED_FROM
from .kin import RELATIONS
from .lexicon import (
    A_TIME_LEFT,
    ADV,
    ADVERBS,
    CLAUSE_VERBS,
    GONE,
    LAUGHTER,
    MONTH_NAMES,
    NOT_A_NAME,
    PET_KIND,
    PET_WORDS,
    WEEKDAY_RE,
    WEEKDAYS,
)
from .literals import SieveIndex, grams, said_between
from .places import load as load_places
from .places import place_rest
from .rules import RULES, Rule
from .rules_home import A_WORKPLACE_NAMED, DREAMT, POSTED, RESIDENT
from .rules_personal import (
    A_CHILDS_NAME,
    CANNOT_EAT,
    MY_ALLERGY,
    NO_ALLERGY,
    SMALL_VALUES,
    SPELLED_US,
    TENS_VALUES,
)
from .rules_work import (
    DAY_ONE_THEN,
    JOB_AT,
    JOB_NOW,
    OWN_BUSINESS,
    PARTNER_GRADE,
    SO_TO_SPEAK,
    WORKPLACE_KINDS,
)
from .values import (
    _ARTICLE,
    _AT_HEART,
    _NOT_REALLY,
    _WORK_SAID,
    NOT_MEANT_AFTER,
    NOT_MEANT_BEFORE,
    NOT_WORK,
    PAID,
    _singular,
    a_field,
    a_place,
    clean_value,
    is_occupation,
    with_its_city,
)


@dataclass(frozen=True)
class Key:
    attribute: str
    value: str
    negated: bool
    type: str


_NEGATION_CUE = re.compile(
    r"\b(?:no longer|not(?!\s+(?:too\s+|that\s+|so\s+)?far\b)|never|don't|do not|doesn't|"
    r"does not|didn't|isn't|aren't|wasn't|weren't|am not|'m not|stopped|quit|gave up)\b|"
    r"\bany ?more\b",
    re.I,
)
# Cues that deny what they follow ("I don't live in Berlin any more"); the others deny
# only what comes after them ("been vegan 3 years and never felt better" is vegan).
_AFTER_CUE = re.compile(r"any ?more|no more", re.I)
_CANT_STAND = re.compile(r"\b(?:can't|cannot|can not)\s+(?:stand|bear|stomach)\b", re.I)


def _denies(head: str, text: str, match: re.Match[str]) -> bool:
    """Whether a negation cue of ``head`` bears on what ``match`` read."""
    said = match.group(0)
    end = max(text.find(said), 0) + len(said)
    return any(
        _AFTER_CUE.fullmatch(cue.group()) or cue.start() < end
        for cue in _NEGATION_CUE.finditer(head)
    )


# A while that makes even "stopped" a break: "stopped working at Acme for a bit".
_A_BREAK = re.compile(r"\bfor (?:now|a bit|a while|the (?:day|week|summer|time being))\b", re.I)
# Words that end a thing whatever the day: "I quit my job at Acme today".
_ENDS = re.compile(
    r"\b(?:quit|quitting|stopped|gave up|given up|left|resigned|any ?more|no longer|as of|"
    r"from (?:today|now on)|after all)\b",
    re.I,
)
# A time that makes a denial a break: "not working today", "not vegan this week".
_FOR_NOW = re.compile(
    r"\b(?:today|tonight|tomorrow|this (?:week|weekend|morning|afternoon|evening)|right now|"
    r"at the moment|atm|on (?:leave|holiday|vacation|maternity|paternity|sick)|off sick|"
    r"on (?:" + WEEKDAY_RE + r"))\b",
    re.I,
)
_USED_TO = re.compile(
    r"(?:^|\b(?:i|we|he|she|they|you)\s+)(?:"
    + ADV
    + r")used to\s+(?!.*\bstill\s+(?:do|does|am|is|are)\b)(?=(?:be|live|work|eat|drink|like|love|enjoy|have|own|play|study|teach|"
    r"date|smoke|prefer|speak|teach|take|use)\b)",
    re.I,
)
# Where the verb of a value's clause starts: after "since", "when"…
_SUBORDINATE = re.compile(
    r"\b(?:since|when|after|because|before|until|till|that|so|and|but)\b", re.I
)


def _unreal(target: str, match: re.Match[str]) -> bool:
    """Whether what ``match`` read did not happen (yet): "I haven't moved to Leeds yet",
    "I almost moved", "I'm nearly 40"; not "I haven't seen them since I moved to Leeds",
    "I've lived in Leeds for almost a decade" (the words before the value, in its clause)."""
    before = target[: match.start("v") if groups_v(match) else match.end()]
    clause = _SUBORDINATE.split(before.split(",")[0])[-1]
    return (
        _UNREAL.search(clause) is not None
        or _WISHED.search(before) is not None
        or _SOUGHT.search(before) is not None
    )


_BUT_NOW = re.compile(r",?\s+but\s+(?=(?:now|these days|nowadays)\b)", re.I)
# What no longer is, then what is, joined by a comma: "no longer lives in Boston, now
# lives in Paris", "used to drink coffee, now tea".
_COMMA_NOW = re.compile(r",\s*(?:and\s+)?(?=(?:now|these days|nowadays)\s+\w)", re.I)
_YET = re.compile(r"\byet\b", re.I)
_UNREAL = re.compile(r"\b(?:haven't|hasn't|have not|has not|not yet|almost|nearly|barely)\b", re.I)
# Only wished, weighed or advised, just before the value: "I might go vegan", "I'd like
# to be vegetarian", "my doctor says I should go vegetarian" (not "trying to cut caffeine,
# so it's decaf only for me now": the wish is another part's; nor "I'd like you to know
# that I moved to Leeds": what is wished is the telling).
_WISHED = re.compile(
    r"(?:^|\bi\s+)wish(?:es)?\s+(?:that\s+)?(?:i|we)\b|"  # "I wish I was my own boss"
    r"\b(?:(?:would|'d) (?:love|like) to|might|could|should|would|wanna|want to|wants to|"
    r"wanted to|hope to|hoping to|try to|trying to|thinking of|thinking about|considering|"
    r"tempted to|dream of|dreaming of|(?:wants?|wanted|told|tells|asked|asks|advised|advises|"
    r"urged|urges|needs|pushing|begging)\s+(?:me|us)\s+to|"
    r"(?:hope|hoping|praying|fingers crossed)(?: that)? "
    r"(?:i|we) (?:get|can|will|'ll|might|could|would))\s+"
    r"(?:(?!(?:i|i'm|user|you|we|me|that|know)\b)[\w'-]+\s+){0,3}$",
    re.I,
)
# Sought, not had: "applied for a job at Shoprite", "shortlisted for a role at the BBC",
# "writing a cover letter for Aldi" (each had been keyed as the employer); a few words
# before the value, none of them a join ("after applying for months I finally got a job
# at Tesco" has the job).
_SOUGHT = re.compile(
    r"\b(?:applied|applying|apply|application|shortlisted|interviewing|cover\s+letter)\s+"
    r"(?:for|to|with|at)\s+(?:(?!(?:and|then|but|so|finally|got|i)\b)[\w'’-]+\s+){0,4}$",
    re.I,
)
_DENEGATE = re.compile(
    r"\b(?:no longer|not|never|don't|do not|doesn't|does not|isn't|aren't)\s+|\s+any ?more\b",
    re.I,
)


# The words for a partner: "dumped my boyfriend" ends one.
_PARTNER_WORDS = "|".join(word for word, kind in RELATIONS.items() if kind == "partner")
# Endings: what says a single-valued fact is over without saying what follows ("I
# resigned today", "we moved out of the flatshare"). Each gives a denial with no value,
# which retires whatever value the key holds; the next value said supersedes nothing.
# fmt: off
# Words of a time after "the" or "at the": "the week before the wedding", "at the start
# of the year", "at the weekend".
_TIME_NOUNS = (
    r"(?:week|weekend|day|night|morning|evening|month|year|summer|winter|spring|autumn|fall|"
    r"start|end|beginning|holidays?|new\s+year)\b"
)
# … or on a weekday; not from what is no work ("retired in 2021 from darts", "quit in
# May from slimming world").
_WHEN_ONE_LEFT = (
    r"|\s+(?:" + A_TIME_LEFT + r"|on\s+(?:" + WEEKDAY_RE + r"))\b"
    r"(?![^.!?;]*\bfrom\s+(?:the\s+|my\s+)?(?:competitive|professional|international|amateur|"
    r"rugby|football|soccer|cricket|tennis|swimming|running|boxing|netball|hockey|golf|cycling|"
    r"athletics|gymnastics|dancing|ballet|darts|snooker|powerlifting|weightlifting|bodybuilding|"
    r"social\s+media|twitter|instagram|facebook|tiktok|tinder|hinge|bumble|dating|weight\s+"
    r"watchers|slimming\s+world|(?:the|my|our)\s+(?:[\w-]+\s+)?(?:gym|team|choir|band|club|league|group|"
    r"course|classes?)|gym|sport|uni|university|college|my\s+course|duolingo|parkrun|apps?|refereeing)\b)"
)
# … and a habit quit after it is no job ("quit in March and haven't had a drink since",
# "quit a few days ago and the cravings are awful").
HABIT_LEFT = (
    r"\b(?:cravings?|craving|withdrawals?|nicotine|smok\w*|vap\w*|cigs?|cigarettes?|"
    r"patch(?:es)?|booze|alcohol|sober|lungs?|breathing|(?:n['’]?t|not|never)\s+(?:had|touched)\s+a\s+"
    r"(?:drink|cig\w*|smoke)|(?:had|touched)\s+a\s+(?:drink|cig\w*|smoke)\s+since)\b"
)
_WHEN_ONE_QUIT = _WHEN_ONE_LEFT + r"(?![^.!?;]*" + HABIT_LEFT + r")"
# … and left "from" a body one sits on or a group one is in, no work: "resigned from the
# residents' committee", "retired from the board of governors", "quit from the choir", "…
# from the parish council", "… from the Lions Club" (a group in lower case, or a club or
# society by name: not "from the Arcadia Group", "the Football Association", "the band of
# the Royal Marines"; nor "the team at Google", "the committee and my job").
_NO_WORK_LEFT = (
    r"(?!\s+(?:the\s+|my\s+|our\s+)?(?:(?:(?-i:[a-z])[\w'’-]*\s+){0,2}(?-i:committee|board|club|"
    r"society|choir|band|team|league|group|pta|PTA|panel|party|gym|course|classes|"
    r"class|(?:parish|town|student|school)\s+council)|(?:[\w'’-]+\s+){0,3}(?-i:Club|Society))\b"
    r"(?!\s+(?:at|and|for)\b)(?!\s+of\s+(?:the\s+)?(?-i:[A-Z])))"
)
ENDINGS: tuple[tuple[tuple[str, ...], re.Pattern[str]], ...] = (
    (
        ("employer",),  # and with it the job (facts.ENDS_WITH)
        re.compile(
            r"^" + GONE + r"(?:(?:resigned|retired)(?=\s*$|\s+(?:now|today|yesterday|last|this|from" + _NO_WORK_LEFT + r"|after|at the end)\b" + _WHEN_ONE_LEFT + r")|quit(?=\s*$|\s+(?:now|today|yesterday|last|this|from" + _NO_WORK_LEFT + r"|after|at the end)\b" + _WHEN_ONE_QUIT + r")|(?:handed|put|gave) in (?:my|his|her|their|our|the) notice|"
            # … "gave notice at Xcel", "handed my notice in" (not on a flat: "gave notice on
            # the flat", "… to the landlord")
            r"(?:(?:handed|gave) (?:my|his|her|their) notice(?: in)?|gave notice)(?!\s+on\b)(?![^,.;!]*\blandlord)|(?:quit|left|lost) (?:my|his|her|their|the) (?:(?!(?:side|weekend|second|summer|part-time|evening|other|bar|holiday|night)\b)[\w-]+ )?job\b(?!\s+(?:at|with|search|hunt|interview|offer)\b)|"
            r"(?:got|was|were|been|have been|has been) (?:laid off|fired|let go|made redundant|sacked|retrenched)|"
            r"(?:am|is|are) (?:now |officially |finally |fully )?(?:unemployed|out of work|between jobs|retired))(?:$|\s|,)"
            r"|^(?:my|his|her|their)?\s*last (?:day|shift) (?:at work )?(?:was|is)\b"
            # a placement of a while, over: "internship done", "my apprenticeship is over!"
            # (not a contract, a phone's as often, nor a secondment, which returns one to
            # the employer; nor one that goes on: "apprenticeship complete, now a qualified
            # electrician at the same firm")
            r"|^(?:(?:my|his|her|their)\s+)?(?:summer\s+|(?:\d+|six|three|twelve)[- ]month\s+)?"
            r"(?:internship|placement|apprenticeship|residency|traineeship)\s*"
            r"(?:is\s+|has\s+|'s\s+)?(?:now\s+|officially\s+|finally\s+)?"
            r"(?:done|over|finished|ended|complete|completed|wrapped(?:\s+up)?)"
            # (said as over now, not for the day, halfway or to come: "… done for today",
            # "… over halfway", "… done in August", "… ended, back to my old team")
            r"(?=\s*(?:$|[,.!🎉🥳]|(?:today|yesterday|last\s+\w+|this\s+week|at\s+last|finally)\b))"
            r"(?![^.!?]*\b(?:now|qualified|permanent|kept\s+on|taken\s+on|same\s+(?:firm|company|place|team)|"
            r"renewed|extended|staying\s+on|stay\s+on|offered|hired|back\s+to\s+(?:my|the)\s+(?:old\s+)?"
            r"(?:team|job|desk|role))\b)",
            re.I,
        ),
    ),
    (
        ("home",),
        re.compile(
            r"^" + GONE + r"(?:moved out|moved house|moved home|sold (?:my|our|his|her|their|the) "
            r"(?:house|flat|apartment|place|home))\b",
            re.I,
        ),
    ),
    (
        ("studies",),  # "dropped out of the masters", "quit uni" (and the school with it)
        re.compile(
            r"^" + GONE + r"(?:dropped out(?:\s+of\s+(?:uni|university|college|school|(?:the|my|her|his)\s+"
            r"(?:course|degree|masters|master's|phd|doctorate|programme|program|mba|msc))\b|\s*$)|"
            r"quit (?:uni|university|college|school|my (?:course|degree|masters|phd))\b|"
            # "graduated from UMN!", "finished my degree at UMN", "done with school"
            r"graduated(?:\s+from\s+(?:(?:the|my)\s+)?(?:(?=[^,;]*?\b(?-i:Uni|University|College|School|Academy|"
            r"Institute|Poly|State|Tech)\b)(?-i:[A-Z])(?!(?i:igh\s+school))|(?-i:[A-Z]{2,5})\b|(?:uni|university|"
            r"college|law\s+school|med\s+school|grad\s+school|nursing\s+school)\b)|"
            r"\s*(?:$|[.!;]|today|yesterday|last|this|finally|at\s+last))|"
            r"finished\s+(?:my\s+)?(?:degree|masters|master's|phd|doctorate)(?!\s+(?:audit|application))\b|"
            r"withdrew\s+from\s+(?:uni|university|college|my\s+degree|the\s+university)\b|"
            r"(?:am|are|is)\s+(?:finally\s+)?(?:done|finished)\s+with\s+(?:school|uni|university|college)"
            r"(?=\s*(?:$|[,.!;]|forever|for\s+good|finally|now)))"
            # not long ago, nor a club of the school's: "dropped out of school at 16"
            r"(?!\s+(?:choir|club|team|band|orchestra|society)\b)"
            r"(?![^,;]*\b(?:at\s+\d+|when\s+I\s+was|in\s+(?:19|20)\d\d|years\s+ago|back\s+in)\b)",
            re.I,
        ),
    ),
    (
        ("location",),  # a stay over, home again: "flew home early", "back home now"
        re.compile(
            r"^" + GONE + r"(?:(?:flew|flown|came|come|got|headed|went|drove|made it|am|are)\s+)?"
            r"(?:back\s+)?home(?:\s+(?:early|now|today|tonight|yesterday|last\s+night|safe|safely|"
            r"at\s+last|finally|again))*\s*(?:$|[,.!;])|"
            r"^" + GONE + r"(?:(?:am|are|is)\s+)?back\s+from\s+(?:my|our|the)\s+(?:trip|holiday|"
            r"vacation|travels|work\s+trip)\b",
            re.I,
        ),
    ),
    (
        ("partner",),
        re.compile(
            r"^" + GONE + r"(?!(?:broke up|split up|got divorced)\b[^,;]*\b(?:when\s+I\s+was|in\s+(?:19|20)\d\d|"
            r"years\s+ago|back\s+in|as\s+a\s+kid)\b)(?:(?:broke up|split up)"
            # not a split of where one is, of chores, nor a fight broken up: "split up at the
            # airport", "split up the chores", "broke up a fight at the pub", "split up to
            # cover more ground", "split up for the afternoon" (not "broke up a few weeks
            # ago", "split up at the start of the year", "for good", "on Friday")
            r"(?!\s+(?:a\s+(?:fight|scuffle|brawl|row|party)\b|an\s+(?:argument|altercation)\b|"
            r"to\s+(?!be\b)|into\b|the\s+(?!" + _TIME_NOUNS + r")|at\s+(?:the|a|an)\s+(?!" + _TIME_NOUNS + r")|"
            r"for\s+(?:the|an?)\s+(?:afternoon|morning|evening|day|night|hour|bit|while|minute|moment)\b))"
            r"(?! with (?:my|our|the) (?!(?:[\w'-]+ ){0,2}(?:partner|boyfriend|girlfriend|"
            r"husband|wife|fianc\w*|ex|man|woman|bf|gf|so|other half|significant other|love)\b)\w)|"
            r"got divorced|(?:am|are|is) (?:divorced|separated)"
            r"(?! from (?:(?:my|the|our|his|her) (?!(?:husband|wife|partner)\b)|reality\b))|"
            r"(?:divorced|dumped) (?:my|our) (?:" + _PARTNER_WORDS + r")\b(?!['’])|widowed(?!\s+by\b)|"
            r"(?:am|are|is) (?:now |officially )?(?:a )?widow(?:er)?(?=\s*(?:$|[,.!;]|now\b)))",
            re.I,
        ),
    ),
)
# fmt: on


def endings(predicate: str, found: list[Key]) -> list[Key]:
    """The denials with no value an ending states, of attributes no key of ``found`` has."""
    named = {key.attribute for key in found}
    return [
        Key(name, "", True, FACT)
        for names, pattern in ENDINGS
        if pattern.search(predicate.strip())
        for name in names
        if name not in named
    ]


# Someone else's subject right before the verb a rule matched, first in the clause, after
# a remark the clause opens with or after a word that reports: "my parents are divorced",
# "long week, the kids are allergic to nuts", "first week done, our neighbor has 4 dogs",
# "reviews say the hotel is vegan friendly". Not what stands for the user ("big news, my
# job starts at Spotify").
_THEIR_SUBJECT = re.compile(
    r"(?:^|[,;:]|\b(?:say|says|said|think|thinks|thought|hear|heard|reckon|reckons|claim|claims|"
    r"claimed|tell\s+me|tells\s+me|told\s+me)(?:\s+that)?)\s*(?:the|our|my|his|her|their|your)\s+"
    r"(?:[\w'-]+\s+)?(?P<noun>(?!(?:is|are|was|were|has|have|had)\b)[\w'-]+)\s+"
    r"(?:(?:is|are|was|were|'s|'re|has|have|had|just|now|finally|also|both|all|got|gets)\s+)*$",
    re.I,
)
# What of the user's stands for the user: "my family moved to Leeds", "my job starts at
# Spotify on Monday", "my birthday is 3 May".
USERS_OWN = frozenset(
    """family household job role internship placement residency apprenticeship contract
    training shift course diet birthday bday number phone mobile email name age""".split()
)


# No one as the subject: "no one in my family is vegan", "none of us eat meat".
# A job said as work, whatever its word: "I work as a financial planner", "hired as a
# closer".
_AS_WORK = re.compile(
    r"\b(?:work|works|working|worked|employed|hired)\s+as\s+(?:a|an)\s|"
    r"\b(?:made|make|making)\s+(?:" + PARTNER_GRADE + r"\s+)?$",
    re.I,
)


def _start_of_value(match: re.Match[str]) -> int:
    """Where a match's value begins: its ``v`` group, or its end if it has none."""
    return match.start("v") if "v" in match.re.groupindex else match.end()


def _end_of_value(match: re.Match[str]) -> int:
    """Where a match's value ends: its ``v`` group's end, or the match's."""
    return match.end("v") if "v" in match.re.groupindex and match.group("v") else match.end()


_NOT_A_ROLE = re.compile(
    r"^(?:team|unit|group|family|pair|duo|partnership|collective|whole|one|community|favou?r|"
    r"hobby|side\s+hustle|volunteer|temp\s+for\s+now)s?$|"
    # a likeness, not a job: "working as a slave lol", "as a cog in the machine"
    r"^(?:slave|mess|cog|robot|zombie|machine|donkey|workhorse|mule|dog|horse|headless\s+chicken|"
    r"glorified\s+\w+|\w+\s+background\s+character)\b",
    re.I,
)
_US = re.compile(r"\bof\s+us\b", re.I)
_NO_ONE = re.compile(
    r"^(?:no[\s-]*one|nobody|none\s+of|not\s+(?:one|a\s+single\s+one|any|all|every|everyone|everybody)\s+of)\b(?![^,;]*\b(?:knows?|thinks?|believes?|realis|realiz|"
    r"cares?|guessed|expected|told)\w*)",
    re.I,
)
# What follows "who" is said of whoever it names: "I have a friend who is vegan", "I know
# someone who moved to Perth" (not "my friend who lives in Leeds got engaged": the verb
# after the relative clause is the friend's, read as such).
_RELATIVE = re.compile(r"\b(?:who|who's|whom|whose)\s+(?:[\w'-]+\s+){0,2}$", re.I)


# A thing as the clause's subject before an age the rules found further on: "Old phone
# is 6 years old", "New car is 2 years old", "laptop was 8 years old", "My phone's like 6
# years old"; not the user's age said by another word ("my age is 35 years old", "User
# is…", "Birthday girl is…"), nor what a summary joins ("… and is 35 years old", "she is
# 35 years old").
_A_THING_IS = re.compile(
    r"^(?:(?:old|new|the|this|that|my|our)\s+)?(?:[^\W\d_][\w'’-]*\s+){0,2}"
    r"(?!(?:i|he|she|they|we|who|that|which|this|it|there|here|what|and|but|also|user|age|"
    r"girl|boy|birthday|me|myself|mine)\b)[^\W\d_][\w'’-]*?(?:\s+\d+)?"
    r"(?:\s+(?:is|was)|['’]s)\s+"
    r"(?:(?:now|like|about|around|over|already|literally|probably|roughly|only|just)\s+)*$",
    re.I,
)
# An age said before a thing, not after a copula: "ugh 6 years old laptop died", "a 20
# year old building" (not "I'm a 35-year-old nurse", nor "35 years old and loving it").
_AN_AGE_BEFORE_A_THING = re.compile(
    r"\s+(?!(?:and|or|but|so|now|today|tonight|tomorrow|yesterday|already|this|next|last|"
    r"on|in|at|as|by|to|with|from|since|for|who|that|too|yet|still|soon|again|though|"
    r"myself|here|lol|haha|tbh|btw|ish|man|woman|guy|gal|lady|male|female|dude|mom|mum|"
    r"dad|father|mother|single|married|divorced|person|adult)\b)[a-z][a-z'-]+\b"
)
_AS_A = re.compile(r"\b(?:am|'m|is|are|as|was)\s+an?\s+$", re.I)


# What "live in" or "moved to" reads that names no home town: a time zone ("I live in
# PST", "Eastern time"), a dwelling or a part of town with no place ("a studio apartment",
# "a bigger place", "the suburbs", "my car"), or a thing one switched to ("linux",
# "decaf", "a plant-based diet", "tears", "part time").
_NO_HOME = re.compile(
    r"^(?:(?-i:[PECM][SD]T|GMT|UTC|BST|CET|CEST)|(?:eastern|central|mountain|pacific)\s+time)\b"
    # (in lower case: "Greenwich Village", "Camden Town" are places)
    r"|^(?!.*(?-i:\b[A-Z]))(?:(?:a|an|the|my|our|his|her|their)\s+)?(?:[\w'-]+\s+){0,3}?"
    r"(?:apartment|apt|studio|"
    r"flat|house|condo|dorm|place|room|bedroom|kitchen|couch|sofa|bed|car|van|rv|caravan|"
    r"tent|building|farmhouse|bungalow|cottage|town|village|suburbs?|countryside|"
    r"city\s+cent(?:er|re)|"
    r"neighbou?rhood|side\s+of\s+town|part\s+of\s+town|3\s+bedroom|\d-bed(?:room)?|"
    r"diet|week|sprints?|shifts?|hours|time|work|line|burner|waitlist|panel|century)\b"
    r"(?!\s+(?:in|on|near|outside|of|at|by)\s+(?!(?:the\s+)?week(?:end|day)s?\b))"
    r"|^(?:linux|windows|mac|macos|ubuntu|arch|vim|vscode|vs\s+code|zoom|teams|slack|notion|"
    r"spotify|apple\s+music|iphone|android|postgres|mysql|decaf|tears|sweatpants|pyjamas|"
    r"pajamas|part[\s-]time|full[\s-]time|remote|excel|airpods)\b",
    re.I,
)


def _a_home(value: str) -> bool:
    """Whether a home a rule read can be one: a place, known or not, in any case ("Leeds",
    "hackney", "the pnw", "a flat in Leeds"); not a time zone, a dwelling or a part of
    town with no place named, nor a thing one switched to."""
    return place_rest(value) is not None or _NO_HOME.search(value) is None


# A like or dislike said to the listener, not of a thing: "how you explained that",
# "the way u put it", "to bother you", "it better than the old version".
_SAID_TO_YOU = re.compile(
    r"^(?:(?:how|what|when)\s+(?:you|u)\b|(?:the\s+)?way\s+(?:you|u)\b|your\s+(?:answer|answers|"
    r"explanation|reply|response|help|advice|suggestions?)\b|(?:talking|chatting)\s+(?:to|with)\s+"
    r"(?:you|u)\b|it\s+(?:better|more|less)\s+than\b|(?:to\s+)?(?:bother|bothering|trouble|"
    r"troubling|interrupt|interrupting)\s+(?:you|u)\b|to\s+(?:say|admit|ask|be\s+(?:that|a)))",
    re.I,
)
# The rest of a value after what makes it none: "a desk all day", "library most days",
# "mondays lol".
_IDLY = (
    r"(?:\s+(?:all\s+day|all\s+week|every\s+day|most\s+days|these\s+days|today|lol|haha|"
    r"honestly|tbh|ngl|fr|before\s+\d+))*\s*$"
)
# What a rule's words take for a value that is none, by attribute: what one is "allergic
# to" in jest ("mondays lol", "small talk"), works at or for that is no employer ("odd
# hours", "a desk all day", "tips", "a living", "being a better person"), studies at that
# is no school ("night", "home", "the kitchen table"), likes or hates that is said to the
# listener ("how you explained that", "to bother you"), a job of before ("a former
# teacher"), a joke for a name ("I'm Batman"), or is "working on" that is no project ("my
# tan", "no sleep", "Saturday", "a few things").
_NOT_A_VALUE = {
    "allergies": re.compile(
        r"^(?:mondays?|(?:early\s+)?mornings?|drama|effort|small\s+talk|meetings?|people|bs|"
        r"bullshit|nonsense|responsibility|responsibilities|commitment|adulting|homework|math|"
        r"maths|stupidity|alarms?|paperwork|chores|housework|feelings|fun|change|waking\s+up|"
        r"getting\s+up|overtime|taxes|deadlines?|rules)" + _IDLY,
        re.I,
    ),
    "employer": re.compile(  # in lower case: not "Home Depot"
        r"^(?:being\b.*|(?:a|the|my)\s+(?:front\s+)?(?:desk|reception|counter|computer|laptop)|"
        r"(?:odd|all|long|weird|night|strange)\s+hours|nights?|home|tips|free|peanuts|pennies|"
        r"minimum\s+wage|a\s+living|myself|(?:a|my|the|my\s+own)\s+(?:\w+'s\s+|slow\s+|fast\s+)?pace|"
        r"the\s+intersection\s+of\b.*|the\s+moment|(?:the\s+)?weekends?|"
        # a deadline: "working on a presentation for Monday"
        r"(?i:(?:mon|tues|wednes|thurs|fri|satur|sun)day|tomorrow|today|tonight|next\s+week))"
        + _IDLY
    ),
    # a date or hours, not a number: "call me at 12.05.2026", "reach me 9.00-17.00"
    "phone": re.compile(
        r"^(?:\d{4}[./-]\d{1,2}[./-]\d{1,2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}|"
        r"\d{1,2}[.:]\d\d\s*-\s*\d{1,2}[.:]\d\d|(?:[01]\d|2[0-3])[0-5]\d\s*-\s*(?:[01]\d|2[0-3])[0-5]\d)$"
    ),
    # "learning about keto", "learning how to code"
    "languages": re.compile(r"^(?:about|how|to|more|lots|a\s+lot|from|so)\b.*", re.I),
    "school": re.compile(  # in lower case, but for a coffee chain
        r"^(?:nights?|home|work|bed|weekends?|the\s+weekend|(?:the\s+)?library|(?i:starbucks)|"
        r"(?i:costa)|(?:(?:a|the|my)\s+)?(?:caf[eé]|coffee\s+shop|kitchen\s+table|desk|office))"
        + _IDLY
    ),
    # "I like how you explained that", "I hate to bother you": said to the listener
    "likes": _SAID_TO_YOU,
    "dislikes": _SAID_TO_YOU,
    # "a former teacher" (not "an ex-army nurse", "an ex Google engineer")
    "job": re.compile(r"^(?:former|ex|previous|past|one-time)[\s-]+[\w-]+$", re.I),
    "name": re.compile(r"^(?:batman|groot|spartacus|superman|spider-?man|iron\s+man)$", re.I),
    "project": re.compile(
        r"^(?:it|that|this|something|things|stuff|myself|autopilot|caffeine|no\s+\w+|"
        r"little\s+sleep|(?:a\s+)?few\s+things|(?:the\s+)?weekends?|(?:a\s+|the\s+)?"
        r"(?:mon|tues|wednes|thurs|fri|satur|sun)days?|week(?:day|night)s|"
        r"(?:a|the)\s+(?:deadline|hunch|cold\s+brew|coffee)|an?\s+(?:answer|reply|email|response)|"
        r"being\s+.*|my\s+(?:tan|fitness|health|marriage|relationship|patience|confidence|"
        r"posture|mindset|sleep|diet|weight|temper|attitude|accent|cardio|core|form|game|swing|"
        r"serve|self|mental\s+health|english|german|french|spanish|italian|japanese|chinese|"
        r"mandarin|korean|portuguese|arabic|russian|hindi|taxes|tax\s+return|homework|laundry|"
        r"chores|inbox|emails)|"
        # a task, not a project: "a presentation for Monday", "my taxes this weekend"
        r"(?:a|an|the|my)\s+(?:[\w-]+\s+){0,2}?(?:presentation|report|deck|pitch|proposal|essay|"
        r"assignment|memo|speech|toast|slides))" + _IDLY,
        re.I,
    ),
}
# Engaged in or with something as a state, not an engagement had: "I'm engaged in a
# lawsuit", "is engaged with the community" (not "we got engaged in the summer").
_ENGAGED_IN = re.compile(
    r"\b(?:am|'m|are|'re|is|'s)\s+(?:\w+ly\s+|very\s+|so\s+|fully\s+)?engaged\s+(?:in|with)\s+"
    r"(?!(?:my|our|his|her)\s+(?:partner|boyfriend|girlfriend|fianc\w*)\b|a\s+(?:wedding|ring|"
    r"date)\b)",
    re.I,
)
_TITLES = frozenset(("Dr", "Prof", "Mr", "Mrs", "Ms"))
# An assistant introducing itself, pasted or said back, in the words after its name: "Hi,
# I'm Claude, an AI assistant", "I'm Alexa, how can I help?", "I am Claude, made by
# Anthropic", "I'm Nova, your virtual assistant" (not "I'm Sam and I'm building a
# chatbot", "I'm Chris, a language model researcher", "I'm Ann, an assistant at Acme").
_AN_ASSISTANT = re.compile(
    r"\W*(?:an?\s+AI\b|(?:an?\s+)?(?:large\s+)?language\s+model(?=\s*(?:$|[,.!]|made|built|"
    r"created|trained|developed|by|from))|how\s+(?:can|may)\s+I\s+(?:help|assist)|"
    r"(?:(?:an?\s+)?(?:\w+\s+)?(?:assistant|chatbot|bot)\s+)?(?:made|built|created|trained|developed)\s+by\s+"
    r"(?:Anthropic|OpenAI|Google|Meta|Microsoft|Amazon|Apple|Mistral|xAI|DeepSeek)\b|"
    r"(?:your\s+(?:\w+\s+)?|an?\s+(?:virtual|digital|AI|chat)\s+)(?:assistant|chatbot|bot)\b"
    r"(?=\s*(?:$|[,.!]|here\b|made\b|built\b)))",
    re.I,
)


def _an_assistant(sentence: str, name: str) -> bool:
    """Whether the name said in ``sentence`` is an assistant's, by the words after it."""
    at = sentence.find(name)
    return at >= 0 and _AN_ASSISTANT.match(sentence, at + len(name)) is not None


def _a_things_age(text: str, match: re.Match[str]) -> bool:
    """Whether the age an age rule matched in ``text`` is a thing's, not the user's."""
    before = text[: match.start()]
    if _A_THING_IS.search(before):
        return True
    said = match.group(0).lower()
    thing = _AN_AGE_BEFORE_A_THING.match(text, match.end())
    return (
        said.endswith("old")
        and not said.startswith(("am ", "is ", "are "))  # "I'm 35 years old living in Leeds"
        and thing is not None
        and not is_occupation(thing.group(0).strip())  # "35 years old nurse from Leeds here"
        and not _AS_A.search(before)
    )


# An agent hired by its name for a home, by the words of hiring (not "I work at Savills
# to help us buy a house"): "signed with Foxtons to find us a flat", "went with Savills to
# sell the house".
_AN_AGENT_HIRED = re.compile(
    r"\b(?:signed\s+(?:up\s+)?with|registered\s+with|went\s+with|going\s+with|hired|"
    r"instructed|using|chose|picked)\s+[\w&'’.-]+(?:\s+[\w&'’.-]+){0,2}?\s+to\s+"
    r"(?:sell|let(?:\s+out)?|rent(?:\s+out)?|market|list|(?:help\s+(?:us|me)\s+)?(?:find|buy|get)"
    r"(?:\s+(?:us|me))?)\s+(?:the|our|my|a|an|his|her|their)\s+(?:[\w-]+\s+)?"
    r"(?:flat|house|home|place|property|apartment|condo|bungalow|cottage|unit)s?\b",
    re.I,
)


# A body of people or a thing of an organisation as what moved, right before the verb:
# "Research team moved to Paris", "User data moved to Frankfurt", "our office relocated
# to Leeds" (not "my family moved to Leeds", which is the user's: USERS_OWN).
_A_BODY_BEFORE = re.compile(
    r"(?<![^\W_])(?:team|teams|office|offices|company|department|dept|division|unit|squad|"
    r"lab|hq|headquarters|branch|store|shop|server|servers|data|account|accounts|business|"
    r"startup|firm|factory|warehouse|church|restaurant|band|club|clinic|practice)"
    r"\s+(?:(?:has|have|had|just|also|all|now|finally|recently)\s+)*$",
    re.I,
)


# The user's home stands for the user too: "big news, our new flat is in Leeds".
_HOME_WORDS = frozenset("flat house apartment apt place home address condo".split())


# … or a pronoun after a colon or comma: "I got a text from my sister: she moved to Leeds".
_THEIR_PRONOUN = re.compile(
    r"[,;:]\s*(?:she|he|they)\s+(?:(?:is|are|was|were|'s|'re|has|have|had|just|now|finally|also|"
    r"both|all|got|gets)\s+)*$",
    re.I,
)


# A held value ended, said by its name alone. Whether the name is one of the user's pets
# or projects, the collection knows (handlers/remember.py), so the name is any word here:
# "biscuit crossed the rainbow bridge" is read only when a pet called Biscuit is held.
_GONE_NAME = r"[^\W\d_][\w-]*"
# A pet's death: "Biscuit passed away last night", "RIP Biscuit, best boy ever"; not "RIP
# Biscuit squeaky toy", "RIP Max Verstappen's title hopes lol".
PET_GONE = re.compile(
    r"^(?:(?i:sadly|so\s+sadly|unfortunately)\s*,?\s+)?(?P<name>" + _GONE_NAME + r")\s+"
    r"(?i:(?:has\s+|just\s+|sadly\s+|finally\s+|peacefully\s+)*(?:died|passed\s+away|passed\s+on|"
    r"crossed\s+the\s+rainbow\s+bridge|was\s+put\s+(?:down|to\s+sleep)))"
    # a time or a way, not a likeness, a dream or a nap: "… last night", "…, aged 14"
    r"(?=\s*(?:$|[,.!;]|(?i:last|this|yesterday|today|tonight|on|at\s+(?:home|the\s+vet)|"
    r"peacefully|suddenly|after|aged|in\s+(?:the\s+)?(?:night|morning|spring|summer|autumn|fall|"
    r"winter|his\s+sleep|her\s+sleep|my\s+arms|\d{4})))\b)"
    r"(?!.*\b(?i:dream|novel|story|game|joke|lol|haha)\b)"
    r"|^(?i:rip|r\.i\.p\.?|rest\s+in\s+peace)[,:\s]+(?:(?i:my|our|sweet|dear|little|old|beloved)\s+)*"
    r"(?:(?i:" + PET_KIND + r")\s+)?(?P<name2>" + _GONE_NAME + r")(?=\s*(?:$|[^\w\s('’]))"
    r"(?!.*\b(?i:lol|lmao|haha|jk)\b)"
)
# A project ended for good, by its name alone: "Ledgerly is dead", "shelved ledgerly for
# now", "I gave up on Ledgerly", "put Ledgerly on hold"; not what ships ("Ledgerly is
# done, launching Monday", "finished Ledgerly"), nor a part of it ("gave up on Ledgerly
# marketing", "Ledgerly Pro is dead").
_GONE_FOR = r"(?=\s*(?:$|[,.!;—–-]|\s(?i:now|for\s+now|for\s+good|completely|altogether|sadly)\b))"
PROJECT_GONE = re.compile(
    r"^(?P<name>" + _GONE_NAME + r"(?:\s+" + _GONE_NAME + r"){0,2}?)\s+(?i:is|'s|’s)\s+"
    r"(?i:(?:officially|basically|pretty\s+much|now|finally|definitely)\s+)?"
    r"(?i:dead|shelved|cancelled|canceled|abandoned|scrapped|on\s+hold|on\s+ice)"
    + _GONE_FOR
    + r"|^(?i:(?:I|we)\s+)?(?i:(?:have\s+|'ve\s+|just\s+|finally\s+|officially\s+)*"
    r"(?:gave\s+up\s+on|given\s+up\s+on|shelved|abandoned|scrapped|ditched|pulled\s+the\s+plug\s+on|"
    r"(?P<put>put)))\s+(?:(?i:my|our|the)\s+)?(?P<name2>"
    + _GONE_NAME
    + r"(?:\s+"
    + _GONE_NAME
    + r"){0,2}?)(?(put)\s+(?i:on\s+(?:hold|ice|the\s+back\s*burner))|)"
    + _GONE_FOR
)


def gone_name(pattern: re.Pattern[str], statement: str) -> Optional[list[str]]:
    """The words, folded, a statement of ending (PET_GONE, PROJECT_GONE) names the ended
    one by; None when it says no such ending. A held value ends when its name is these."""
    said = pattern.match(statement)
    if said is None:
        return None
    return (said.group("name") or said.group("name2")).casefold().split()


def _theirs(before: str) -> bool:
    if _THEIR_PRONOUN.search(before):
        return True
    found = _THEIR_SUBJECT.search(before)
    noun = found.group("noun").lower() if found else ""
    return (
        found is not None
        and noun not in USERS_OWN
        and noun not in _HOME_WORDS
        and noun not in _NOT_A_NOUN
    )


# A word before the thing a rule reads, not someone: "my new favorite band is …", "my
# current employer is …".
_NOT_A_NOUN = frozenset("new current latest present all-time".split())


# Chat's laughter at the end of what is said, no part of it: "my boss just quit lol".
_A_LAUGH = re.compile(LAUGHTER, re.I)
# …unless it is what is named ("my cat's name is Haha", "my favourite game is lol") or it
# follows "now" (a new self said with a laugh may be a joke: "DJ now lol").
_NAMED_AS = re.compile(
    r"\b(?:is|was|am|are|called|named|play(?:s|ing)?|lov(?:e|es|ed|ing)|lik(?:e|es|ed|ing)|now)$",
    re.I,
)


def _laughs_from(text: str) -> Optional[int]:
    """Where the laughs that end ``text`` begin, the spaces and commas before them
    included: each laugh after a space or comma, the last followed by nothing but spaces,
    "." and "!" ("…quit lol", "…quit, haha lol!!"); None when it does not end so. Read
    from the end: one pattern for it retried a long run of commas from each of them."""
    end = len(text)
    while end and (text[end - 1].isspace() or text[end - 1] in ".!"):
        end -= 1
    start = None
    while True:
        word = end
        while word and not (text[word - 1].isspace() or text[word - 1] == ","):
            word -= 1
        if not word or not _A_LAUGH.fullmatch(text, word, end):
            return start
        while word and (text[word - 1].isspace() or text[word - 1] == ","):
            word -= 1
        start = end = word


@cache
def _sieves() -> SieveIndex:
    # Built when the rules load, as their patterns are compiled: it parses every pattern.
    return SieveIndex([rule.sieve for rule in RULES])


def load() -> None:
    """Make ready at once what the rules read with (``pipeline`` calls it as they load, on
    the first message read): every rule's pattern compiled, their sieve built, the place
    names read — so that no later message pays for being the first to need one. A message
    not in ASCII is searched by every rule, and had paid ~0.2 s of compiling on its own."""
    _sieves()
    for rule in RULES:
        rule.pattern  # noqa: B018 (compiled now, and kept)
    load_places()


def _worth_trying(text: str, plain: Optional[str]) -> list[Rule]:
    """The rules, in order, whose words a reading holds: ``text`` as said, or ``plain``
    (the text with its negation taken out; None when it has none) for a rule that reads
    the words with the negation taken out. The others cannot match (most rules, most
    texts), and are not searched."""
    index = _sieves()
    as_said = index.passing(grams(text))
    if plain is None:
        return [RULES[at] for at in as_said]
    as_plain = index.passing(grams(plain))
    said, unsaid = set(as_said), set(as_plain)
    return [
        RULES[at]
        for at in sorted(said | unsaid)
        if at in (said if RULES[at].reads_as_said else unsaid)
    ]


# A story's frame, said first: what follows is of the story ("in the book the main
# character is a vegan", "in The Sims I'm a doctor", "in my novel she moves to Paris").
_IN_A_STORY = re.compile(
    r"^(?:in|on)\s+(?:the|my|this|that|our)\s+(?:[\w'-]+\s+)?(?:book|novel|film|movie|show|"
    r"series|story|game|play|script|fanfic|sims|minecraft|dnd|campaign|episode)\b(?![\w'’])"
    r"(?!\s+of\b)",  # (not "in a show of support I went vegan")
    re.I,
)
# No one's age is more than this; a number after which a unit follows is no age.
_OLDEST = 120
_A_QUANTITY = re.compile(
    r"\s*(?:%|°|(?:quid|pounds?|bucks|dollars?|euros?|grand|k|percent|degrees?|kg|kgs|kilos?|"
    r"lbs?|miles?|mph|km|kms|subscribers|followers|likes|push-?ups|reps)\b|"
    # "300 level" (a year at a Nigerian university), not "19 level headed", "17 level 2"
    r"level\b(?!\s*-?\s*(?:headed|\d)))",
    re.I,
)
_BRACKETED = re.compile(r"\((?P<inside>[^()]*)\)")
_NAMES_SOMETHING = re.compile(r"(?-i:[A-Z])[\w'’-]+")


def _aside_of_its_own(target: str, match: re.Match[str]) -> bool:
    """Whether what ``match`` read lies in brackets that deny nothing themselves: the
    clause's "not" is not theirs ("I (28F) am not vegan anymore" had ended the age 28)."""
    return any(
        aside.start() <= match.start()
        and match.end() <= aside.end()
        and _NEGATION_CUE.search(aside.group("inside")) is None
        for aside in _BRACKETED.finditer(target)
    )


def _head(text: str) -> str:
    """Where a statement's negation counts: before a remark after a comma, or in brackets
    that name something else after the statement ("lives in Toronto (not Vancouver
    anymore)" had ended Toronto); not before an aside that opens it ("I (f25) am not vegan
    anymore"), nor before one that takes the fact back ("vegan (not anymore)")."""
    head = text.split(",", 1)[0]
    for aside in _BRACKETED.finditer(head):
        if len(head[: aside.start()].split()) >= 2 and _NAMES_SOMETHING.search(
            aside.group("inside")
        ):
            return head[: aside.start()]
    return head


def keys_of(predicate: str, sentence: str = "") -> list[Key]:
    """The keyed facts a predicate states: the first match of each attribute, in order.

    "am Priya, vegetarian since uni, and lactose intolerant" states three things: a
    copula's comma list is read item by item, each with the copula. ``sentence`` (the
    whole sentence) tells what "there" is ("…in Vienna, so we moved there").
    """
    if _IN_A_STORY.match(predicate):
        return []  # "in the book the main character is a vegan": no one's, the story's
    laugh = _laughs_from(predicate)  # "my boss just quit lol"
    if laugh is not None and not _NAMED_AS.search(predicate, 0, laugh):
        # (not "my dog is called Rofl", "I love LoL"; nor a new self said with a laugh and
        # no verb, "day one at Coachella, DJ now lol", which may be a joke)
        predicate = predicate[:laugh]
    contrast = _BUT_NOW.search(predicate)
    if contrast is None:
        contrast = _COMMA_NOW.search(predicate)
        head = predicate[: contrast.start()] if contrast else ""
        if contrast and not (_USED_TO.search(head) or _NEGATION_CUE.search(head)):
            contrast = None  # "I live in Paris, now working at Google": one thing said
    if contrast:  # "used to drink coffee but now it's tea": what was, then what is
        return keys_of(predicate[: contrast.start()], sentence) + keys_of(
            predicate[contrast.end() :], sentence
        )
    remark = _NOT_A_DENIAL.search(predicate)
    if remark and not _NEGATION_CUE.search(predicate, 0, remark.start()):
        # "I work at Google not for the money", "allergic to cats not sure about dogs":
        # a "not" that remarks on the fact, not one that denies it
        return keys_of(predicate[: remark.start()], sentence)
    wrong = _NOT_THAT.search(predicate)
    if wrong and wrong.group("wrong").lower().endswith("ing"):
        # "I love hiking not running" puts one thing right; "…, not complaining" remarks
        before = predicate[: wrong.start()].rstrip(" ,").lower()
        wrong = wrong if before.endswith("ing") else None
    if wrong and not _NEGATION_CUE.search(predicate, 0, wrong.start()):
        # "I live in Oslo not Bergen", "allergic to dogs, not cats": what is, said beside
        # what is not; a value of many denies the one put right as well
        keys = keys_of(predicate[: wrong.start()], sentence)
        denied = _THE.sub("", wrong.group("wrong"))
        return (
            keys
            + [
                Key(k.attribute, denied, True, k.type)
                for k in keys
                if not k.negated
                and (shape := attribute(k.attribute)) is not None
                and not shape.single
                and denied.casefold() not in k.value.casefold()
            ][:1]
        )
    found: dict[str, Key] = {}
    more: list[Key] = []  # the rest of a list of values: "peanuts and shellfish"
    for reading, text in enumerate(_readings(predicate)):
        head = _head(text)
        # A negation counts where the statement is, not in a remark after a comma or in
        # brackets ("lives in Toronto (not in Vancouver anymore)" had ended Toronto); what
        # one used to be, one no longer is ("I used to be vegan").
        used_to = _USED_TO.search(head)
        if used_to:
            text = text[: used_to.start()] + text[used_to.end() :]
        # "can't stand coffee anymore": a dislike begun, not one ended
        cues = _AFTER_CUE.sub(" ", head) if _CANT_STAND.search(head) else head
        negated = used_to is not None or _NEGATION_CUE.search(cues) is not None
        if (
            negated
            and used_to is None
            and (_A_BREAK.search(head) or (_FOR_NOW.search(head) and not _ENDS.search(head)))
        ):
            continue  # "not working at Acme today, I'm sick": a break, not an ending
        if negated and _YET.search(head):
            continue  # "not moved to Leeds yet": never was, so nothing to retire
        plain = " ".join(_DENEGATE.sub(" ", text).split()) if negated else text
        for rule in _worth_trying(text, plain if negated else None):
            reads_as_said = rule.reads_as_said
            target = text if reads_as_said else plain
            match = rule.pattern.search(target)
            if match is None or _unreal(target, match):
                continue  # "I haven't moved to Leeds yet", "I almost took the job", "nearly 40"
            before = target[: match.start()]
            if _theirs(before) or _RELATIVE.search(before) or _NO_ONE.search(before):
                continue  # "Great news, the twins turned 3", "no one in my family is vegan"
            if _NO_ONE.match(text) and not _US.search(before):
                continue  # "not one of my coworkers is married" (not "not one of us")
            if rule.attribute == "age" and _a_things_age(target, match):
                continue  # "Old phone is 6 years old now", "6 years old laptop"
            if rule.attribute in ("home", "location") and _A_BODY_BEFORE.search(before):
                continue  # "Research team moved to Paris": the team's move, not the user's
            name = rule.attribute
            if name == "favorite:":
                thing = match.group("thing").lower()
                name = "favorite:" + SPELLED_US.get(thing, thing)  # colour is color
            if name in found:
                continue
            value = _value_of(rule, match, name, sentence)
            if value is None or (
                name == "job"
                and not is_occupation(value)
                and not _AS_WORK.search(target, match.start(), _start_of_value(match))
            ):
                continue  # "I'm a mess" (not "I work as a financial planner")
            if name == "employer" and _AN_AGENT_HIRED.search(target):
                continue  # "signed with Foxtons to find us a flat": an agent, not a job
            if name == "job" and _NOT_A_ROLE.match(value):
                continue  # "we work as a team"
            if (
                name == "employer"
                and _NOT_A_WORKPLACE.match(value)
                and not _AT_WORK_SAID.search(target)
            ):
                continue  # "left the gym, now at the pub lol", "first day with the new puppy"
            if name == "job" and SO_TO_SPEAK.match(target, _start_of_value(match)):
                continue  # "I'm a professional cat herder at this point"
            if name == "job" and (here := RESIDENT.match(value)) and a_place(here.group("place")):
                continue  # "we're officially Denver residents now": a home, no job
            if rule.somewhere and not _a_home(value):
                continue  # "I live in sweatpants", "moved to linux", "moved to a bigger place"
            if rule.place and not (_THE.sub("", value)[:1].isupper() and a_place(match.group("v"))):
                continue  # "shifted to Marketing", "shifted to Mumbai Indians this IPL"
            if (
                name == "home"
                and A_WORKPLACE_NAMED.search(value)
                and POSTED.search(target, 0, _start_of_value(match))
            ):
                continue  # "a garda in Kildare, based in Naas station": where one works
            if rule.named and not (_THE.sub("", value)[:1].isupper() or place_rest(value) == ""):
                continue  # "I'm in bed now", "we're in lockdown still"
            if (not_one := _NOT_A_VALUE.get(name)) is not None and not_one.match(value):
                continue  # "allergic to mondays lol", "work at odd hours", "study at night"
            if name == "relationship" and _ENGAGED_IN.search(text):
                continue  # "I'm engaged in a lawsuit" (not "we got engaged in the summer")
            if name == "name" and (value in _TITLES or _an_assistant(sentence or text, value)):
                continue  # "I'm Dr. Smith's patient", "Hi, I'm Claude, an AI assistant"
            if name == "studies" and not a_field(value, rule.field):
                continue  # "starting my masters in September", "studying past papers"
            if name in WORK_ATTRIBUTES and _AT_HEART.search(text):
                continue  # "I'm a tech at heart"
            if DREAMT.match(target, _start_of_value(match)):
                continue  # "head of marketing at Canva in my dreams", "… at Hogwarts, in my dreams"
            if name in WORK_ATTRIBUTES and NOT_WORK.search(text) and not PAID.search(text):
                continue  # "I'm a busker in my spare time", "a referee for under-10s on saturdays"
            if name == "age" and (
                NOT_MEANT_AFTER.match(target, match.end()) or NOT_MEANT_BEFORE.search(before)
            ):
                continue  # "25 again in my head", "respond as if I'm a 10 year old"
            if name == "age" and _NOT_REALLY.search(text):
                continue  # "I'm 80 years old in spirit", "90 on the inside"
            if name == "age" and (
                (value.isdigit() and int(value) > _OLDEST)
                or _A_QUANTITY.match(target, _end_of_value(match))
            ):
                continue  # "(studying at UNILAG,) 300 level", "turned 40 quid into 200"
            if name in ("home", "location") and groups_v(match):
                value = with_its_city(value, target[match.end("v") :])
            if name == "job":
                value = _singular(value)  # "Tom and I are both nurses"
            if name == "name" and (
                reading > 0 or any(w.lower() in _NOT_NAME_WORDS for w in re.split(r"[\s-]+", value))
            ):
                continue  # not "am a nurse, Bangalore": a name comes first
            if name == "name":  # typed in lower case: "im rohan (ro is fine)"
                value = " ".join(word[:1].upper() + word[1:] for word in value.split())
            # "quit her job, moved to Leeds": the negation is the first clause's alone
            in_head = match.start() <= len(target.split(",")[0])
            # (what one used to be is over however it is worded: "I used to work for myself")
            is_negated = rule.negated or (
                negated
                and in_head
                and not _aside_of_its_own(target, match)
                and (used_to is not None or (not reads_as_said and _denies(head, text, match)))
            )
            kind = PREFERENCE if name in _PREFERENCES or name.startswith("favorite:") else FACT
            found[name] = Key(name, value, is_negated, kind)
            shape = attribute(name)
            if shape is not None and not shape.single and groups_v(match):
                after = text[match.start("v") :]
                # (a pet by its name: "a cat called Luna and a dog called Rex" lists on
                # from "Luna")
                named = name == "pets" and " called " in value and match.group("v") in value
                listed = _list_rest(after, match.group("v") if named else value, name)
                if name == "pets":  # "a dog, Bella, and a baby": only what names a pet
                    listed = [
                        _NAMED.sub(" called ", v)
                        for v in listed
                        if PET_WORDS & _words_and_singulars(v)
                    ]
                elif name == "conditions":  # "I have diabetes and two kids"
                    listed = [v for v in listed if A_CONDITION.fullmatch(v)]
                elif name == "medications":  # "on sertraline and a waiting list"
                    listed = [v for v in listed if A_MEDICINE.fullmatch(v)]
                elif name == "children":  # "a baby girl, Mia, healthy and loud"
                    listed = [v for v in listed if A_CHILDS_NAME.fullmatch(v)]
                more += [Key(name, v, is_negated, kind) for v in listed]
        cannot = CANNOT_EAT.match(text) if "allergies" not in found else None
        if cannot and MY_ALLERGY.search(sentence) and not NO_ALLERGY.search(sentence):
            # "I can't eat nuts, I'm allergic", "can't eat shrimp because of my allergy":
            # what cannot be eaten, in a sentence that says why
            found["allergies"] = Key("allergies", cannot.group("v"), False, FACT)
        job = found.get("job")
        if job is not None and "employer" not in found and not job.negated:
            # "a UX researcher at the BBC", "a nursing assistant job with the NHS": who the
            # job is for; "day one at Feedzai, product designer now": where its first day
            # was (a day one alone may be a festival's)
            at = said_between(None, job.value, JOB_AT, text)
            said = at[1].group("v") if at and at[1] else None
            first = None if said else said_between(DAY_ONE_THEN, job.value, JOB_NOW, text)
            if first and first[0]:
                said = first[0].group("at")
            value = clean_value(said, "employer") if said else None
            if value:
                found["employer"] = Key("employer", value, False, FACT)
    switched = SWITCHED_FROM.search(text)
    medicine = found.get("medications")
    employer = found.get("employer")
    if medicine and employer and employer.value.casefold() == medicine.value.casefold():
        del found["employer"]  # "I quit Adderall": a medicine, not a job
    if switched and medicine and not medicine.negated:
        # "switched from Adderall to Vyvanse": the one before is no longer taken
        more.append(Key("medications", switched.group("old"), True, FACT))
    home, employer = found.get("home"), found.get("employer")
    if employer and (home and home.value.casefold() == employer.value.casefold()):
        # "moved over to Google" is a new employer, "moved over to Spain" a new home
        del found["employer" if place_rest(employer.value) == "" else "home"]
    elif employer and employer.negated and place_rest(employer.value) == "":
        del found["employer"]  # "I left London" leaves a place, not an employer
    stay, employer = found.get("location"), found.get("employer")
    if stay and employer and employer.value.casefold() == stay.value.casefold():
        del found["location"]  # "From Sunday I'm at Pfizer as a rep": work there, no stay
    school, employer = found.get("school"), found.get("employer")
    if school and employer and employer.value.casefold() == school.value.casefold():
        # "May starts at Oakfield Primary": a school, unless work is said ("I started at
        # Leeds College as a lecturer"); "a student at Leeds Uni" studies there.
        student = "job" in found and found["job"].value.lower().endswith("student")
        if student:
            del found["employer"]
        elif "job" in found or _WORK_SAID.search(predicate):
            del found["school"]
        else:
            del found["employer"]
    values = list(found.values())
    values += [key for key in more if key not in values]
    return values + endings(predicate, values)


_THE = re.compile(r"^the\s+", re.I)
# What a value is not, said after it to the end: "in Oslo not Bergen", "dogs, not cats".
# A "not" that denies the verb before it ("am not vegan", "do not eat meat").
_NOT_AFTER_A_VERB = (
    r"(?<!\bam)(?<!'m)(?<!\bis)(?<!\bare)(?<!'re)(?<!\bwas)(?<!\bwere)(?<!\bdo)(?<!\bdoes)"
    r"(?<!\bdid)(?<!\bcan)(?<!\bwill)(?<!\bcould)(?<!\bwould)(?<!\bshould)(?<!\bhave)(?<!\bhas)"
)
# A "not" after the fact that says something of it, to the sentence's end: "not for the
# money", "not sure about dogs", "not gonna lie", "not that it matters", "not in the
# centre though".
_NOT_A_DENIAL = re.compile(
    _NOT_AFTER_A_VERB
    + r"\s*,?\s+not\s+(?:sure|gonna|going\s+to|for|because|that|in|really|quite|exactly|"
    r"to\s+mention|only|just|even|bad|great|ideal|the\s+best)\b.*$",
    re.I,
)
# Not after a verb that it denies ("am not vegan", "do not eat meat"), nor a remark ("not
# really", "not sure", "not anymore", "not complaining").
_NOT_THAT = re.compile(
    _NOT_AFTER_A_VERB + r"\s*,?\s+(?:and\s+|but\s+)?not\s+(?:in\s+|at\s+|to\s+)?"
    r"(?!(?:really|sure|yet|anymore|any|much|exactly|quite|even|always|all|just|only|so|too|"
    r"that|very|now|again|ever|for|because|since|as|like|a|an|my|our|me|us|you|him|her|them|"
    r"it|this)\b)(?P<wrong>[\w'-]+(?:\s+[\w'-]+)?)\s*[.!]*$",
    re.I,
)


def _words_and_singulars(text: str) -> set[str]:
    """The words of ``text``, and those ending in "s" without it ("rabbits" → "rabbit")."""
    found = set(text.lower().split())
    return found | {word[:-1] for word in found if word.endswith("s")}


def groups_v(match: re.Match[str]) -> bool:
    return match.groupdict().get("v") is not None


_LIST_SEP = re.compile(r"^\s*(?:,\s*(?P<last>and\s+|or\s+)?|\s+(?P<also>and|or|&)\s+)", re.I)
_NOT_AN_ITEM = frozenset(
    "i we you he she it they i'm we're you're he's she's it's they're there this that so "
    "then because especially which who not no".split()
)
_MAX_ITEM_WORDS = 3
_DETERMINERS = frozenset("a an the my our your his her their".split())


# A pet listed by name as the first one is said: "… and a dog named Rex".
_NAMED = re.compile(r"\s+named\s+")


def _list_rest(after: str, first: str, name: str) -> list[str]:
    """The values listed after the first: "tea, coffee and jazz" → coffee, jazz.

    A comma alone does not make a list ("South Indian food, dosa especially" is an aside):
    only one closed by "and" / "or" does. Items are short and verbless, so "I like hiking
    and want to try climbing" lists nothing more.
    """
    at = after.lower().find(first.lower())
    rest = after[at + len(first) :] if at >= 0 else ""
    items: list[str] = []
    closed = False
    while not closed:
        sep = _LIST_SEP.match(rest)
        if sep is None:
            break
        closed = bool(sep.group("last") or sep.group("also"))
        rest = rest[sep.end() :]
        value = clean_value(rest, name)
        words = value.split() if value else []
        if not words or len(words) > _MAX_ITEM_WORDS:
            return items if closed and items else []
        head = words[0].lower()
        if head in _NOT_AN_ITEM or head in CLAUSE_VERBS or _DETERMINERS & set(words[1:]):
            return []  # a clause, not a thing: "… and carry an EpiPen now"
        rest = rest[rest.lower().find(words[-1].lower()) + len(words[-1]) :]
        if len(words) == 1 and (head in ADVERBS or head.endswith("ly")):
            closed = False  # an aside: "jollof rice, obviously, and suya"
            continue
        items.append(value)  # type: ignore[arg-type]
    return items if closed else []


def _age_in_digits(value: str) -> str:
    """An age said in words (``NUMBER_WORDS``) as digits ("thirty-five" → "35", "twenty
    nine" → "29", "forty" → "40"), so it is asked and compared as any other; anything
    else as it is."""
    words = value.lower().replace("-", " ").split()
    if len(words) == 1 and words[0] in SMALL_VALUES:
        return str(SMALL_VALUES[words[0]])
    if words and words[0] in TENS_VALUES and len(words) <= 2:
        units = SMALL_VALUES.get(words[1], 0) if len(words) == 2 else 0
        if len(words) == 1 or 0 < units < 10:
            return str(TENS_VALUES[words[0]] + units)
    return value


def _value_of(rule: Rule, match: re.Match[str], name: str, sentence: str) -> Optional[str]:
    groups = match.groupdict()
    raw = next((groups[g] for g in ("v", "v2", "v3") if groups.get(g) is not None), None)
    if rule.value is not None and "{v}" not in rule.value:
        return rule.value
    if raw is None:
        return None
    if name in ("home", "location") and raw.strip().lower().startswith("there"):
        places = _PLACE.findall(sentence)
        raw = places[-1] if places else raw
    if name == "home":
        # "back to my home town of Bolton", "back to my hometown, Bolton": Bolton
        raw = _HOMETOWN.sub("", raw)
        named = (
            _HOMETOWN_NAMED.match(match.string, match.end("v"))
            if _ONLY_HOMETOWN.match(raw)
            else None
        )
        raw = named.group(1) if named else raw
    if name == "phone" and raw.startswith("("):
        return raw.strip()  # "(651) 555-0199": the number as written, not cut at "("
    value = clean_value(raw, name)
    if value is None:
        return None
    if name == "diet":
        value = value.lower()
    if name == "age":
        value = _age_in_digits(value)
    if name == "employer" and rule.value in (None, OWN_BUSINESS):
        called = _named_after(value, match.string[match.end("v") :], sentence)
        if called:
            return called  # "my own business, Carter Heating": Carter Heating
    if rule.value is None:
        return value
    # a part said only sometimes ("{at} {v}": "on Elm Street", or just "Leeds") leaves no space
    value = rule.value.format(**{**{k: (g or "").strip() for k, g in groups.items()}, "v": value})
    value = value.strip()
    return _ARTICLE.sub("", value) if name == "pets" else value


def _named_after(value: str, rest: str, sentence: str) -> Optional[str]:
    """The name of an employer said first by its kind, if the words give it: "a startup
    called Tidal", "a new agency, Wilhelmina", "a new venture in the Swartland as head
    winemaker, a small farm called Klipkop" (not "a new agency, lots of travel"; nor a
    name alone after the comma that is a place, or goes on in the sentence: "joined a new
    company, Jake and I are on the same team", "…, Wilhelmina? nope")."""
    kind = _A_KIND_OF_WORKPLACE.match(value)
    if kind is None:
        return None
    called = _CALLED.search(value, kind.end())
    if called:
        return called.group("name")
    named = _NAMED_NEXT.match(rest)
    if named is None:
        return None
    name = named.group("name")
    if not named.group("called"):
        at = sentence.find(name)
        if place_rest(name) == "" or (at >= 0 and not _ENDS_THERE.match(sentence, at + len(name))):
            return None
    return name


# A workplace by its kind ("a startup", "a small family firm", "the new agency") …
_A_KIND_OF_WORKPLACE = re.compile(
    r"^(?:(?:a|an|the|my|our)\s+)?(?:[\w-]+\s+){0,2}?(?:" + WORKPLACE_KINDS + r")\b", re.I
)
# … then its name: "called Tidal", ", Wilhelmina", ", a small farm called Klipkop"
_WORKPLACE_NAME = r"(?P<name>(?-i:[A-Z])[\w&'.-]*(?:\s+(?:&\s+)?(?-i:[A-Z])[\w&'.-]*){0,3})"
_CALLED = re.compile(r"\b(?:called|named)\s+" + _WORKPLACE_NAME + r"\s*$")
_NAMED_NEXT = re.compile(
    r"\s*,\s*(?P<called>(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:called|named)\s+)?"
    + _WORKPLACE_NAME
    + r"(?!['’\w])\s*(?:$|[.!;]|,\s*(?!(?-i:[A-Z])))"
)

# … the name alone where its sentence ends, or goes on to say more of the work
_ENDS_THERE = re.compile(
    r"\s*(?:$|[.!]+\s*(?:$|(?-i:[A-Z]))|,\s*(?!(?:and|i|we|who|that)\b)(?-i:[a-z]))"
)


_HOMETOWN = re.compile(
    r"^\s*(?:my|our)\s+(?:old\s+)?(?:hometown|home\s+town|home\s+city|birthplace)\s*(?:,|of\s+|:|—|–|-)\s*(?=[A-Z])"
)
_ONLY_HOMETOWN = re.compile(r"^\s*(?:my|our)\s+(?:old\s+)?(?:hometown|home\s+town)\s*$")
_HOMETOWN_NAMED = re.compile(r"\s*,\s*((?-i:[A-Z])[\w'-]*(?:\s+(?-i:[A-Z])[\w'-]*){0,2})")
_PLACE = re.compile(
    r"\b(?:in|to|at)\s+(?!(?:"
    + "|".join(w.capitalize() for w in (*WEEKDAYS, *MONTH_NAMES))
    + r")\b)([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)"
)


# Where one is or whom one is with, never an employer: "now at the pub", "with the new puppy".
_NOT_A_WORKPLACE = re.compile(
    r"(?:the|my|our|a|an)\s+(?:new\s+)?(?:pub|gym|beach|bar|park|party|puppy|dog|kitten|cat|"
    r"baby|cinema|mall|pool|house|flat|home|(?:mum|mom|dad|parents|nan|gran|boyfriend|"
    r"girlfriend|friend|sister|brother)['’]s?)(?![\w'’])|"
    # what one joins that is no employer: "joined the Labour Party", "a dating app called
    # Hinge", "the church choir" (each had been "User works at …")
    r"(?:the|my|our|a|an)\s+(?:[\w'’-]+\s+){0,3}?(?:party|app|club|choir|church|mosque|temple|"
    r"synagogue|server|waitlist|waiting\s+list|league|movement|fan\s+club)s?"
    r"(?=\s*(?:$|,|\s(?:called|named)\b))",  # (not "a church school", "a fintech app company")
    re.I,
)
# … unless work is said ("I work at a bar in Soho", "got a job at the pub").
_AT_WORK_SAID = re.compile(
    r"\b(?:work(?:s|ing|ed)?|job|shifts?|hired|employed|teach(?:es|ing)?|as\s+(?:a|an|the))\b", re.I
)
_PREFERENCES = frozenset(("likes", "dislikes", "drinks"))
_COPULA_LIST = re.compile(r"^(?P<be>am|is|are)\s+(?P<rest>.+,.+)$", re.I)


def _readings(predicate: str) -> list[str]:
    """The predicate, and each item of a copula's comma list with the copula ("am 28,
    engineer" → "am engineer"): not in a list that hopes or jokes ("am 27, staff engineer
    by 2027"), nor from an item that tells of someone else on ("am 28, husband's 30,
    engineer": the engineer is as likely the husband)."""
    match = _COPULA_LIST.match(predicate)
    if match is None or _NOT_AS_IT_IS.search(predicate):
        return [predicate]
    items = []
    for at, item in enumerate(re.split(r",(?!\d{3}\b)", match.group("rest"))):  # not "2,400"
        item = re.sub(r"^(?:and|but)\s+", "", item.strip(), flags=re.I)
        if at and _SOMEONE_ELSES_ITEM.match(item):
            break
        items.append(item)
    return [predicate] + [f"{match.group('be')} {item}" for item in items if item]


# A list that hopes, asks, quotes or jokes: "am 27, staff engineer by 2027, married by 30".
_NOT_AS_IT_IS = re.compile(
    r"\?|(?:^|\s)['‘\"“]|\b(?:by\s+(?:20\d\d|\d\d|next\s+year)|eventually|someday|one\s+day|"
    r"goal|aiming|hoping|soon|if|would|jk|kidding|bio|profile)\b",
    re.I,
)
# An item of such a list, after the first, that opens with someone else: "husband's 30",
# "Sarah's 28", "cousin Ahmed", "ex-boyfriend", "sister-in-law" (not "single mum", "store
# manager": what the user is), or tells of someone who comes or goes ("is leaving, new
# manager starts monday": the manager's, not a job).
_ALSO_A_JOB = ROLE_ATTRIBUTES | {"manager"}  # "am 30, therapist"
_SOMEONE_ELSES_ITEM = re.compile(
    r"(?-i:[A-Z])[a-z]+['’]s\b|(?:(?:my|our|the)\s+)?(?:"
    + "|".join(
        sorted((w for w, k in RELATIONS.items() if k not in _ALSO_A_JOB), key=len, reverse=True)
    )
    + r"|ex|exes|parents|kids|friend\s+of\s+mine)(?:['’]s)?\b"
    r"|(?:[\w-]+\s+){1,3}(?:starts|joins|arrives|begins|leaves|quits)\b",
    re.I,
)


_NOT_NAME_WORDS = frozenset(
    "in at on from so not also just really still here back home sorry glad happy tired".split()
    # how one is, said capitalised before "btw", "lol": "I'm Bored btw", "I'm Single lol"
    + """bored hungry exhausted pregnant starving dead late done single ill sick busy free
    ready sure lost stuck broke drunk high married engaged divorced retired early good great
    ok fine cold hot stressed excited nervous scared worried sad angry upset confused awake
    asleep full thirsty sleepy hungover gutted knackered shattered sober unemployed
    jobless homeless pumped stoked obsessed addicted allergic vegan""".split()
    # what "I'm English" or "I'm Catholic" says is no name ("Christian" may be one)
    + list(NOT_A_NAME)
)
