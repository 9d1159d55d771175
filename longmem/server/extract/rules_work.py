"""What the work rows of RULES (rules.py) are built from: the phrasings of a job, an
employer and a project. A grade of partner made (``PARTNER_GRADE``), a business of one's
own and the kinds of workplace (``OWN_BUSINESS``, ``WORKPLACE_KINDS``), the words of a job
taken or an offer accepted, how long a work has lasted, an organisation by its shape ("PwC",
"Leeds City Council"), "I'm at Pfizer as a medical rep", a job said as a fragment ("staff
engineer at Wolt"), the occupations as one pattern; and what keys.py reads beside a work
row: whom a job said is for, or where its first day was (``JOB_AT``, ``JOB_NOW``,
``DAY_ONE_THEN``), and a job said as a figure of speech (``SO_TO_SPEAK``).
"""

# ruff: noqa: E501, SIM905  (patterns and word lists read as text)
from __future__ import annotations

import re

from .lexicon import ADV, WEEKDAY_RE, V
from .values import OCCUPATIONS, PAID_REPS

# A partner of a firm, made: "made partner", "made equity partner"
PARTNER_GRADE = r"(?:senior|equity|associate|junior|salaried|managing|full)"
# One of an employer's staff, said after the employer's name ("a Lidl employee"): the
# employer (rules.py), no job (checks.py), and denied, no word of where one works (keys.py).
STAFF = r"(?:employee|staffer)"
NAMED_EMPLOYER = r"(?-i:[A-Z])[\w&'.-]*(?:\s+(?-i:[A-Z])[\w&'.-]*)?"
# A business of one's own, unnamed: "own bakery" ("User works at User's own bakery"), by
# the kinds one starts or runs; a workplace by those and more ("a startup", "a new venture")
OWN_BUSINESS = "own {v}"
BUSINESS_KINDS = (
    r"pharmacy|business|company|shop|store|clinic|practice|café|cafe|restaurant|bakery|studio|"
    r"startup|firm|agency|consultancy|salon|food\s+truck|brewery|winery|label|brand|gym|"
    r"nursery|garage|workshop"
)
WORKPLACE_KINDS = (
    BUSINESS_KINDS
    + r"|start-up|venture|farm|charity|outfit|hospital|school|nonprofit|non-profit|ngo"
)
_A = r"(?:(?:a|an|the)\s+)?"
# A word that ends a role taken over ("took over as head coach for the U12s").
NOT_THE_ROLE = r"(?:for|at|with|when|in|on|of|and|while)\b"
# A job said of oneself as a figure of speech, after it: "a professional cat herder at
# this point", "a full-time taxi driver for my kids".
SO_TO_SPEAK = re.compile(
    r"[^,;.!?]*?\b(?:at\s+this\s+(?:point|rate)|for\s+(?:my|our)\s+(?:kids|children|family|"
    r"dog|dogs|cat|cats))(?=\s*(?:$|[,.!;(]|lol\b|haha\b|tbh\b))",
    re.I,
)
# The first day of a job, where: "day one at Feedzai", "first day at Wolt".
DAY_ONE_AT = r"\b(?:day\s+(?:one|1)|first\s+day)\s+(?:at|with)\s+(?P<at>(?-i:[A-Z])[^,;:!?()]*)"
# What follows a job said and who it is for: "… UX researcher at the BBC", "… job with the
# NHS"; the day one before it: "day one at Feedzai, product designer now".
JOB_AT = re.compile(
    r"\s+(?:(?:job|role|position|post)\s+)?(?:at|for|with|@)\s+"
    # (not how long: "a nanny for the last 3 years", "a chef for over 20 years")
    r"(?!(?:the\s+)?(?:last|past|next)\s+(?:\d+|few|couple|several|many|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|years?|months?|weeks?|decades?)\b|(?:over|almost|nearly|about|around)\s|"
    r"\d+\s+(?:years?|months?))" + V,
    re.I,
)
JOB_NOW = re.compile(r"\s+(?:(?:job|role|position|post)\s+)?now\b", re.I)
DAY_ONE_THEN = re.compile(DAY_ONE_AT + r",\s*", re.I)
WORK_WORDS = r"(?:job|position|role|gig|post|residency|internship|placement|contract|offer)"
# What a job is said with before its word: "a day job", "a new full-time post".
JOB_KIND = r"(?:(?:new|day|night|full-time|part-time|temp|summer|permanent|teaching|nursing|first|proper|real)\s+){0,2}"
# A break, not the end: "done working at the cafe for today / for the summer / till Monday".
FOR_A_WHILE = (
    r"\bfor\s+(?:today|tonight|the\s+(?:day|night|week|weekend|summer|season|holidays|year|month)|"
    r"now|a\s+bit|a\s+while|a\s+few\s+\w+|a\s+couple\s+of\s+\w+|\d+\s+\w+|two\s+\w+|three\s+\w+)\b|"
    r"\b(?:till|until)\b|\bthis\s+(?:week|weekend|month)\b|\bover\s+(?:christmas|easter|the\s+holidays)\b"
)
# Words of what a post is: an occupation, or a kind of work ("consultant", "senior",
# "research", "teaching").
_WORK_KIND = (
    r"(?:"
    + "|".join(
        sorted(
            OCCUPATIONS
            | set(
                """new day night full-time part-time temp temporary summer permanent teaching
                nursing first proper real senior junior research lecturing clinical academic
                management leadership consultancy consulting locum staff visiting tenured
                tenure-track graduate fixed-term""".split()
            ),
            key=lambda word: (-len(word), word),  # the same pattern in every process
        )
    )
    + r")"
)
# An offer is work once taken: "took the offer from Google", not "got an offer from Google".
TAKEN_WORK = (
    r"(?:(?:got|gotten|scored|have|has|found|landed|started|start|starts|starting|began|begin|"
    r"for)\s+"
    r"(?:(?:a|an|the|my|his|her|their|our)\s+)?"
    + JOB_KIND
    + r"(?!offer\b)"
    + WORK_WORDS
    + r"|(?:took|accepted)\s+(?:a\s+|an\s+|the\s+)?"
    + JOB_KIND
    + r"(?:job\s+)?"
    + WORK_WORDS
    # "accepted a software engineering role at Spotify", "took a 6 month contract at BP":
    # a word or two of what the work is, before a word for it (not "took down the job
    # post", "taken off the role"), and before "post" only words of work ("taken a
    # consultant post at Shifa", not "a blog post from Medium"); never "offer" ("the
    # mortgage offer from Nationwide")
    + r"|(?:took|taken|accepted)\s+(?!(?:off|down|out|up|over|back|away|on)\b)"
    + r"(?:a\s+|an\s+|the\s+)?"
    + r"(?:(?:(?!(?:job|position|role|post|offer|contract)\b)[\w-]+\s+){1,2}"
    + r"(?:job|position|role|contract|placement|internship)|(?:"
    + _WORK_KIND
    + r"\s+){1,2}post)\b"
    + r")"
)
# Where in a place a job is, before the place: "a day job in the cardiac unit at Rush".
JOB_WHERE = r"(?:\s+(?:in|on)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:unit|department|dept|team|ward|division|office|branch|lab|group|clinic))?"
# How long a work has lasted so far, said after it, and nothing that says it is over:
# "… for 5 years", "… for the past decade", "… since 2019".
STILL_SO = (
    r"(?=[^,;]*\b(?:for\s+(?:the\s+(?:last|past)\s+)?(?:over\s+|almost\s+|nearly\s+)?(?:\d+|a|an|one|two|"
    r"three|four|five|six|seven|eight|nine|ten|a\s+few|few|several|many)\s+(?:[\w-]+\s+)?(?:years?|months?|"
    r"decades?)|since|(?:for|in)\s+(?:years|ages|decades|yonks|a\s+(?:while|long\s+time)))\b)"
    r"(?![^,;]*\b(?:before|previously|in\s+the\s+past|back\s+in)\b)"
    r"(?!.*\b(?:until|till|ago|then|moved\s+to|left|quit)\b)"
)
# … which is no workplace: "(worked as a plumber) for over 20 years".
HOW_LONG_SAID = (
    r"(?:over|almost|nearly|about|around|more\s+than|the\s+(?:last|past)|a\s+(?:decade|year|month)|\d+|"
    r"a\s+few|few|several|many|one|two|three|four|five|six|seven|eight|nine|ten|years|ages)\b"
)
# An organisation by its shape: capitals inside or all through ("PwC", "KPMG", "EY",
# "McKinsey"), or a name ending in a word organisations take ("Leeds City Council").
ORG_SHAPE = (
    # (not a place or a part of work in capitals: "HQ", "HR", "A&E", "ICU", "WFH")
    r"(?!(?-i:HQ|HR|IT|PR|QA|UK|US|USA|EU|ICU|ER|OR|WFH|OOO|PhD|MBA|MSc|ASAP|LOL|OMG|TBH|IDK|"
    r"FYI|BTW|NYC|LA|SF)(?![\w'’-]))"
    r"(?-i:[A-Z][a-z]*[A-Z][\w&]*|[A-Z]{2,}[a-z]?)(?![\w'’-])|"
    r"(?-i:[A-Z])[\w&'.-]*(?:\s+(?-i:[A-Z&])[\w&'.-]*){0,3}\s+(?-i:Bank|Group|Council|Police|"
    r"Partners|Capital|Consulting|Labs|Ltd|LLC|LLP|Inc|Trust|Agency|Solutions|Systems|Health|"
    r"Hospital|University|Airways|Airlines|Insurance|Technologies)"
)
# What a company's registered name ends in ("Ltd", "LLC", "GmbH").
COMPANY_SUFFIX = r"(?-i:Ltd|LTD|LLC|Limited|Inc|GmbH|LLP|CIC|Pty\s+Ltd|S\.?L\.?|SAS|BV|AB|AS|Oy)\.?"
# "I'm at Pfizer … as a medical rep": where one is at (not someone's, nor an event: "at
# Tom's as a guest", "at Lisa's wedding as a photographer"), then "as" and what one
# works as (not a student's, a volunteer's or a guest's part).
AT_AN_EMPLOYER = (
    r"^(?:(?P<day>from\s+(?:"
    + WEEKDAY_RE
    + r"|today|tomorrow)\s*,?\s+(?:I'm|I\s+am|im)\s+)|"
    + ADV
    + r"(?:am|is|are|'m|'s)\s+)"
    + ADV
    + r"at\s+(?=(?-i:[A-Z]))(?![^,;:!?()]*?['’]s\b)(?![^,;:!?()]*?\b(?:wedding|party|birthday|"
    r"festival|gig|concert|match|game|conference|funeral|graduation|show)\b)"
)
AS_AN_OCCUPATION = (
    r"\s+as\s+(?:an?\s+)?(?!(?:[\w-]+\s+){0,2}?(?:student|volunteer|guest|driver|steward)\b)"
)
# … and what holds from then on: "now" after it, or a day before it ("From Sunday I'm at
# Pfizer as a medical rep"; not "I'm at Crufts as a judge this year", "… lol").
AS_FROM_NOW = r"(?(day)|(?=\s+now\b))(?![^.!?]*(?:\?|\blol\b|\blmao\b|\bno\s+way\b|😂))"
# What one does at an employer, said right after its name ("I'm with PwC now, audit"):
# a department or a stage of work (not "the team", "work", "pay", "contract" or
# "office", which a customer, a patient or a player says as often: "I'm with BUPA now,
# the team at the clinic is great", "I'm at UCL now, rowing team").
WORK_WORD = (
    r"(?:audit|tax|consulting|advisory|deals|assurance|risk|strategy|compliance|legal|finance|"
    r"hr|marketing|sales|engineering|analytics|procurement|payroll|accounts|policy|comms|"
    r"planning|housing|graduate\s+scheme|grad\s+scheme|new\s+job|trainee|intern|analyst|"
    r"associate|contract\s+role|permanent|full[- ]time|part[- ]time)"
)
# A joke or a story said with it: "… said no one ever", "jk", "in my dreams", "😂".
JOKED = r"\b(?:jk|lol|lmao|haha|said\s+no\s+one|in\s+my\s+dreams|in\s+the\s+(?:novel|game|book|show|film))\b|😂|🤣"
# … and what a customer, a patient or a visitor says: "account", "loan", "cover", "flight".
CUSTOMER_WORD = (
    r"(?:contract|account|loan|insurance|cover|broadband|savings|mortgage|bank|banking|deposit|"
    r"plan|sim|network|data|app|membership|results|appointment|meds|queue|queueing|flight|"
    r"trip|shopping|buying|picking|lunch|break|visiting|visit|conference|meeting|waiting|"
    r"gym|with\s+my|for\s+my|tariff|signal|customer|order|delivery|refund|tax\s+return|"
    r"on\s+the\s+phone|helpline|student|students|masters|phd|client|as\s+a\s+client|"
    r"interview|assessment|open\s+day|tour|expo|event|exhibit)"
)
# A job said as a fragment, no verb before it and no article in it: "staff engineer".
FRAGMENT = (
    r"(?!(?:am|is|are|was|were|be|been|being|have|has|had|do|does|did|work|works|working|"
    r"worked|got|get|gets|started|start|moved|live|lives|lived|my|our|his|her|their|your|"
    r"i|we|he|she|they|it|this|that|there|here|still|just|also|"
    # nor a verb's past, a near miss or the listener: "made VP at Citi", "almost made
    # partner at …", "you made VP at …" (each had been the user's job "made VP")
    r"made|became|went|left|quit|almost|nearly|never|you|u|"
    # nor whom one reports to: "I report to HR now"
    r"report|reports|reporting)\b)"
    r"(?P<v>(?:(?!(?:a|an|the|as|of|in|on|for|with|and|or)\b)[\w-]+\s+){0,3}[\w-]+)"
)

# A job said alone ("Nurse at St Luke's, love it") is not one that a verb follows in its
# clause: "A nurse at A&E was rude", "a doctor at the clinic said I should rest" tell
# of that person.
NOT_A_SUBJECT = (
    r"(?![^,;:!?]*?\b(?:at|with|for)\s+[^,;:!?]*?\s(?:was|were|is|are|said|says|told|tells|"
    r"did|does|has|had|gave|asked|called|made|kept|seemed|looked)\b)"
)
OCCUPATION = r"(?:" + "|".join(sorted(OCCUPATIONS, key=lambda w: (-len(w), w))) + r")\b"
# … or a rep by what they sell or cover ("a medical rep"; not "a course rep").
OCCUPATION_OR_REP = r"(?:" + OCCUPATION + r"|(?:" + "|".join(sorted(PAID_REPS)) + r")\s+rep\b)"
