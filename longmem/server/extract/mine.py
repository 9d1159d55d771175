"""The user's news, though the clause does not open with "I" (subjects.py reads it as the
user's, said as the user would say it): what someone did to the user ("Coursera promoted
me to senior designer", "they're sending me to Nakuru", "twitter laid me off", "my GP put
me on sertraline"), what a doctor or the user found ("my doctor told me I have ADHD",
"turns out I'm anaemic"); a proposal or an asking out ("THEO PROPOSED!!!!", "mateo asked
me to be his girlfriend": ``proposed``, ``courted``); the user and a partner together,
wed or parted ("Marco and I are official now", "Tom and I split up", "me and Jake are
done"); and what is the user's whatever opens it ("It's my 42nd birthday today", "Wilco
is my favourite band now", "Bristol is our home now", "Keto is over", "Omar is my
ex-husband now").
"""

# ruff: noqa: E501, SIM905  (patterns and word lists read as text, one per line)
from __future__ import annotations

import re

from .kin import GIVEN_NAME
from .lexicon import MONTH_NAMES, WEEKDAY_RE
from .names import NO_ONE_BY_NAME
from .rules_home import HOME_IS, PLACE_IS_HOME
from .rules_personal import DIET_ENDED, NO_LONGER_MY_PARTNER

# fmt: off
# How long: "(for) 3 years", "almost two yrs", "a few months", "6+ years". (The spaces
# around "+" are one run when there is none: two runs could share them two ways, and
# _TOGETHER_TAIL, which repeats this, took time exponential in "3 years 3 years …".)
_HOW_LONG = (
    r"(?:(?:almost|nearly|over|about|like|around|going\s+on)\s+)?(?:\d+|a|an|one|two|three|four|"
    r"five|six|seven|eight|nine|ten|a few|a couple of|several)\s*(?:\+\s*)?"
    r"(?:years?|yrs?|months?|mos|weeks?)\b"
)
# Together as a couple: "(Marco and I) are official now", "are an item", "got engaged".
# The day or month something happened on: "(got married) on Saturday", "on the 12th", "in
# June", "in 2019".
_ON_A_DAY = (
    r"on\s+(?:(?:" + WEEKDAY_RE + r")\b|(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\b)|in\s+(?:(?:"
    + "|".join(MONTH_NAMES)
    + r")\b|\d{4}\b)"
)
# … or where: "(got engaged) on Mt Wellington", "at the registry office", "on the beach",
# "in Paris", "on holiday" (not in a game or a dream: "got married in Minecraft").
_AT_A_PLACE = (
    r"(?:on|at|in)\s+(?!(?:minecraft|roblox|fortnite|sims|the\s+sims|animal\s+crossing|"
    r"stardew|skyrim|(?:a|my|our|his|her|their)\s+dreams?|a\s+game|the\s+game|vr)\b)\w"
)
_TOGETHER = re.compile(
    r"^(?:(?:(?:are|'re|have been|got|just got|finally got)\s+(?:now\s+|finally\s+|officially\s+)*"
    r"(?:official|officially together|together|a couple|an item|engaged|married|back together|"
    r"moving in together|moved in together|dating|seeing each other)"
    # … or married said as an idiom: "(Sipho and I) tied the knot", "got hitched"
    r"|(?:(?:just|finally|officially)\s+)?(?:tied\s+the\s+knot|got\s+hitched)"
    # … or a couple said official: "(Rafi and I) made it official last night"
    r"|(?:(?:just|finally|officially)\s+)?made\s+it\s+(?:official|facebook\s+official|"
    r"insta\s+official))"
    # and nothing after but when or how long: not "got together to study", "together this
    # weekend", "married to our jobs", "official co-founders", "dating apps"
    r"(?=\s*(?:$|[,.!;:)]|(?:now|again|finally|officially|at last|today|yesterday|lol|haha)\b|"
    r"last\s+(?:night|week|month|year|summer|spring|autumn|fall|winter|christmas)\b|"
    r"this\s+(?:week|month|year)\b|since\s+(?!(?:school|primary|kindergarten|nursery|year\s+\d|"
    r"we\s+were\s+(?:kids|little|babies|small))\b)|(?:for\s+)?" + _HOW_LONG + r"|🥰|❤|💍|😍))"
    # … or a wedding or an engagement said with its day: "got married on Saturday", "got
    # engaged in June" (not "got together on Saturday", "are together this weekend")
    r"|(?:just\s+|finally\s+)?got\s+(?:engaged|married)(?=\s+(?:" + _ON_A_DAY
    + r"|(?:last|this)\s+weekend\b|" + _AT_A_PLACE + r")))",
    re.I,
)
# What may follow "(we) got together" or "have been together" or "married" for a couple:
# when and how long, then nothing ("… last summer", "… 3 yrs now ❤️"); not "got together
# last summer for a BBQ", "together 3 yrs as roommates", "married 10 yrs lol jk".
_TOGETHER_TAIL = re.compile(
    r"(?:\s+(?:now|again|finally|officially|already|at\s+last|today|yesterday|"
    r"last\s+(?:night|week|weekend|month|year|summer|spring|autumn|fall|winter|christmas)|"
    r"this\s+(?:week|weekend|month|year)|" + _ON_A_DAY + r"|since\s+[\w'’-]+(?:\s+\d{4})?|"
    r"(?:for\s+)?" + _HOW_LONG + r"))*"
    r"\s*(?:$|[,.!;:)]|🥰|❤|💍|😍|(?:lol|haha)\s*(?:$|[,.!;:)]))",
    re.I,
)


def _together(rest: str) -> bool:
    """Whether ``rest``, after "Tom and I", says they are a couple (_TOGETHER); together or
    married for a time only with nothing after the time (_TOGETHER_TAIL)."""
    match = _TOGETHER.match(rest)
    if match is None:
        return False
    word = match.group(0).split()[-1].lower()
    # (a wedding had is a day, not a time together: "got married on the beach")
    wed = word == "married" and re.search(r"\bgot\b", match.group(0), re.I) is not None
    timed = word in ("together", "married") and not wed and not re.search(r"back|moving|moved|officially", match.group(0), re.I)
    return not timed or _TOGETHER_TAIL.match(rest, match.end()) is not None


# … or wed, their own wedding said so: "(Sipho and I) had a traditional wedding then the
# white wedding", "finally had our wedding", "are getting married in June" (not "had a
# wedding on Saturday", "a family wedding", "getting married in Minecraft").
WEDDED = re.compile(
    r"^(?:(?:finally\s+|just\s+)?had\s+(?:our\s+(?:[\w-]+\s+){0,2}?|a\s+(?:traditional|"
    r"white|civil|church|court|courthouse|registry\s+office|beach|small|tiny|intimate|quiet|"
    r"simple)\s+)wedding\b(?=\s*(?:$|[,.!;]|then\b|and\s+then\b|today|yesterday|last\s+"
    r"(?:week|weekend|month|year)\b|this\s+(?:week|weekend)\b|in\s+(?-i:[A-Z])))|"
    r"(?:are|'re|will\s+be)\s+(?:now\s+|finally\s+|officially\s+)*getting\s+married\b(?=\s*(?:$|[,.!;]|"
    r"(?:in|on)\s+(?:" + "|".join(MONTH_NAMES) + r"|spring|summer|autumn|fall|winter|\d)|"
    r"(?:next|this)\s+(?:year|month|week|spring|summer|autumn|fall|winter)\b|soon\b)))",
    re.I,
)
_DIET_ENDED = re.compile(DIET_ENDED, re.I)
# "It's my 42nd birthday today", "It was my 42nd birthday on Sunday": the user's, a
# birthday of now or just had (not "It was my 21st birthday party, best night ever",
# "It's my 2nd birthday without Mom", "It's my 3rd birthday in Japan", "…on Sunday when
# I got my first car, back in 1998").
MY_BIRTHDAY = re.compile(
    r"^(?:(?:it's|it\s+is|today\s+is|today's)\s+my\s+\d{1,3}(?:st|nd|rd|th)\s+"
    r"(?:b-?day|birthday|bday)(?=\s*(?:$|[,.!;]|today\b|tonight\b|🎉|🎂))|"
    r"it\s+was\s+my\s+\d{1,3}(?:st|nd|rd|th)\s+(?:b-?day|birthday|bday)\s+(?:yesterday|"
    r"on\s+(?:" + WEEKDAY_RE + r")|last\s+(?:night|week|weekend)|this\s+(?:week|weekend))\b"
    r"(?![^.!?]*\b(?:(?:19|20)\d\d|ago|back\s+in|when)\b))",
    re.I,
)
# The user, done to: "Coursera promoted me to senior designer", "they hired me as a nurse",
# "they made me head of design".
# Not by family or friends ("my mum hired me as her chauffeur for the day"), nor hedged,
# denied or long past ("they almost hired me", "nobody hired me", "… back in 2015").
DONE_TO_ME = re.compile(
    r"^(?!(?:i|we)\b)(?![^,;]*\b(?:mum|mom|mam|ma|dad|mother|father|sister|sis|brother|bro|"
    r"kids|son|daughter|friends?|mates?|wife|husband|partner|family|cousins?|aunt|aunty|auntie|"
    r"uncle|gran|grandma|grandpa|nan|in-laws|children|almost|nearly|never|nobody|no one|"
    r"didn't|did not|won't|wouldn't|would|should|could|might|may|if|wish|hope|'d)\b)"
    r"[^,;]{1,40}?\s+(?:have\s+|has\s+|just\s+|finally\s+|officially\s+)*"
    r"(?:(?P<how>promoted|hired|took|bumped)\s+me\s+(?:up\s+)?(?P<as>to|as|on\s+as)|"
    r"(?P<made>made|named|appointed)\s+me)\s+"
    r"(?:(?:the\s+)?new\s+)?"
    r"(?!(?:her|his|their|the\s+family|chief)\b)"
    r"(?![^,;]*\b(?:for\s+the\s+(?:day|night|week|weekend|trip|wedding|party|holidays?)|"
    r"(?:back\s+)?in\s+\d{4}|years?\s+ago)\b)",
    re.I,
)
# … given a medicine: "Doc switched me from metformin to Ozempic", "my GP put me on
# sertraline", "they started me on insulin": the user takes it (what follows is read as
# the user's: "switched from metformin to Ozempic", "on sertraline").
PRESCRIBED_ME = re.compile(
    r"^(?!(?:i|we)\b)(?![^,;]*\b(?:almost|nearly|never|want|wants|wanted|might|may|could|would|"
    r"should|if|thinking|considering|about|going to|gonna|refuse|refused|'d)\b)"
    r"[^,;]{1,40}?\s+(?:(?:have|has|just|finally)\s+)*"
    r"(?P<how>switched|moved|changed|put|started|prescribed|took|taken)\s+me\s+",
    re.I,
)
# … let go: "twitter laid me off today", "they fired me", "Acme made me redundant".
LET_ME_GO = re.compile(
    r"^(?!(?:i|we)\b)(?![^,;]*\b(?:almost|nearly|never|might|may|could|would|should|will|if|"
    r"gonna|going to|want|wants|threatened|didn't|won't|'d|years\s+ago|a\s+year\s+ago|\d{4})\b)"
    r"(?P<who>[^,;]{1,40}?)\s+(?:(?:just|finally|officially|have|has)\s+)*(?:laid\s+me\s+off|"
    r"let\s+me\s+go(?!\s+(?:home|first|to|in|out|early|through|ahead|with|on|for)\b)|"
    r"fired\s+me(?!\s+up\b)|sacked\s+me|made\s+me\s+redundant)\b",
    re.I,
)
NOT_AN_EMPLOYER = frozenset(
    "they he she it you we work management hr everyone somebody someone boss".split()
)
# A doctor's word on the user: "my doctor told me I have ADHD", "the GP says I'm anaemic",
# "Doctor says I have gastritis", "doc says my cholesterol's high"; a clinic's or a test's
# too: "The allergy clinic told me I'm allergic to latex", "Doctor confirmed today I have
# asthma", "my bloods came back and showed I'm anaemic".
DOCTOR_SAYS = re.compile(
    r"^(?:(?:my|the|our)\s+)?(?:(?:allergy|asthma|skin|sleep|diabetes|gp|hospital)\s+)?"
    r"(?:doctor|doc|gp|specialist|psychiatrist|consultant|neurologist|"
    r"cardiologist|dermatologist|allergist|endocrinologist|rheumatologist|oncologist|clinic|"
    r"nurse|hospital|test|tests|results|bloods|blood\s+tests?|scan)\s+"
    r"(?:(?:just|finally|today|yesterday|now|has|have|'s|came\s+back\s+and)\s+)*"
    r"(?:said|says|told\s+me|confirmed|showed|show|diagnosed\s+me,?\s+said)\s+"
    r"(?:(?:today|yesterday|that)\s+)*(?=(?:i|i'm|i've|im|my)\b)",
    re.I,
)
# … or what the user learnt of themself: "turns out I have fatty liver", "just found out
# I'm anaemic" (not "found out my sister…": hers).
FOUND_OUT = re.compile(
    r"^(?:(?:and|so|but)\s+)?(?:(?:it\s+)?turns\s+out|(?:just\s+|finally\s+)?found\s+out)\s+"
    r"(?:that\s+)?(?=(?:i|i'm|i've|im)\b)",
    re.I,
)
# … sent somewhere: "they're sending me to Nakuru next week", "work is flying me to Chicago
# Sunday through Wednesday", "the company send me to Houston for 10 days": the user's trip.
SENT_ME = re.compile(
    r"^(?!(?:i|we)\b)(?![^,;]*\b(?:almost|nearly|never|nobody|no one|didn't|did not|won't|"
    r"wouldn't|would|should|could|might|may|if|wish|hope|want|wants|'d)\b)"
    r"[^,;]{1,40}?\s+(?:(?:are|is|'re|'s|will|'ll|have|has|'ve|just|finally)\s+)*"
    r"(?:sending|send|sends|sent|flying|flies|moving|posting|deploying|seconding)\s+me\s+"
    r"(?:out\s+|over\s+|down\s+|up\s+|back\s+)?to\s+",
    re.I,
)
_HOME_IS = re.compile(HOME_IS, re.I)
_PLACE_IS_HOME = re.compile(PLACE_IS_HOME, re.I)
_NO_LONGER_MY_PARTNER = re.compile(NO_LONGER_MY_PARTNER, re.I)
# Someone named who proposed, to no one else: "THEO PROPOSED!!!!", "Sam popped the question
# last night" — the user got engaged to them, where the message says the user's yes
# (pipeline._SAID_YES) (not "Sam popped the question to Lucy", "Tom proposed a toast",
# nor "my brother proposed": a relative's own news).
PROPOSED_TO_ME = re.compile(
    r"^(?P<name>(?-i:" + GIVEN_NAME + r"))\s+(?:(?:just|finally|actually)\s+)?"
    r"(?:proposed|popped\s+the\s+question|got\s+down\s+on\s+one\s+knee)"
    r"(?:\s+to\s+me\b)?(?=\s*(?:$|[,.!;]|last\b|yesterday\b|today\b|tonight\b|on\b|in\b|"
    r"at\b|this\b|💍|😭|🥹|❤))",
    re.I,
)
# … or asked the user to be their partner: "mateo asked me to be his girlfriend last
# night!!!" — the user is going out with them (not "asked me to be his best man").
ASKED_ME_OUT = re.compile(
    r"^(?P<name>[A-Za-z][a-z]+(?:-[A-Za-z]?[a-z]+)?)\s+(?:(?:just|finally|actually)\s+)?asked\s+me\s+"
    r"(?:to\s+be\s+(?:his|her|their)\s+(?:girlfriend|boyfriend|partner|gf|bf)|to\s+go\s+steady)\b",
    re.I,
)


def proposed(clause: str) -> bool:
    """Whether ``clause`` tells of someone named proposing ("THEO PROPOSED!!!!")."""
    return PROPOSED_TO_ME.match(clause) is not None


def courted(clause: str) -> bool:
    """Whether ``clause`` tells of someone named proposing to the user or asking them out
    ("THEO PROPOSED!!!!", "mateo asked me to be his girlfriend")."""
    return proposed(clause) or ASKED_ME_OUT.match(clause) is not None


# Words that are no one who proposes: "SOMEONE PROPOSED AT MY WORK", "BABE PROPOSED!!!".
NOT_A_SUITOR = NO_ONE_BY_NAME | {"he", "she", "they"}
# A thing the user likes best, named first: "Wilco is my favourite band now", "Big Thief
# has replaced Radiohead as my favourite band" (not "Sam is my favourite person": a name
# the rules read as a favourite thing all the same).
MY_FAVOURITE_IS = re.compile(
    r"^(?!(?:[\w'&.-]+\s+){0,3}?(?:thinks?|assumes?|says?|said|believes?|knows?|reckons?)\b)"
    r"(?:[\w'&.-]+\s+){1,7}?(?:(?:is|are)\s+(?:now\s+)?|(?:has|have)\s+replaced\s+[^,;]+?\s+as\s+)"
    r"(?:my|our)\s+(?:new\s+|all-time\s+|current\s+)?(?:favou?rite|fave?)\s+[a-z]+\b(?!\s+to\s+hate)",
    re.I,
)
_PARTING = (
    r"^(?:(?:have|had|just|finally|officially|are|were)\s+)*(?:broke up|broken up|split|"
    r"separated|divorced|got divorced|parted ways|called it quits|ended things|"
    # (not a trip or a plan called off: "…, the trip to Rome I mean")
    r"called it off(?![^.!?]*\b(?:I\s+mean|the\s+(?:trip|holiday|wedding|party|plans?|deal|sale|"
    r"move|game|match|date|booking)|our\s+(?:trip|holiday|plans?))\b))"
)
PARTED = re.compile(_PARTING + r"\b", re.I)
# … said as done: "(me and Jake) are done", "are so over" (not "are done with the
# report", "are over the moon", "are done for the day").
DONE_AS_A_COUPLE = re.compile(
    r"^(?:are|'re|r)\s+(?:(?:so|officially|finally|really)\s+)?(?:done|over|through|finished)"
    r"(?=\s*(?:$|[,.!;]|(?:for\s+good|now|lol|again|officially)\b))",
    re.I,
)
# … a parting for good, not "split the bill", "broke up a fight", "separated the toys"
PARTED_FOR_GOOD = re.compile(
    _PARTING
    + r"(?:\s+up)?(?=\s*(?:$|[,.!;]|(?:last\s+(?:week|month|year|night)|this\s+(?:week|month|year)|recently|"
    r"yesterday|today|lol|finally|officially|for\s+good)\b))",
    re.I,
)
# fmt: on
