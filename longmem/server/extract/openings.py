"""What a sentence opens with that is no clause of its own, read before the sentence is
split (``clauses.py``): a label that announces the user's news ("Life update: …", "New
job!!"; ``news_label``), a new job's label before where and what as ("new job: monzo,
backend engineer"; ``at_the_new_job``), a label of whose news it is ("husband news: he's
quit the police"), a new home's label ("New address: we're in Seattle now"), and an
introduction, then what the user says of themself part by part ("I'm Lena, 29, living in
Hamburg" → "I'm Lena, I'm 29, I'm living in Hamburg"). chat.py and handlers/remember.py
read the labels too.
"""

from __future__ import annotations

import re
from typing import Optional

from ..embed import STOP_WORDS
from .kin import RELATIONS
from .lexicon import ADVERBS, MONTH_NAMES, NOT_A_NAME, WEEKDAYS, words
from .places import place_rest
from .values import is_occupation

# A label that announces the user's own news: "Life update: …", "New job: …", "Career
# change: …", "ok got something: …". Not a speaker
# ("Mum: I'm 60"), a topic ("Netflix: I cancelled it"), or a frame that is not now
# ("Dream job: …", "Flashback to 2010: …"): those stay one clause.
# … and one whose news it is, then "he" or "she": "husband news: he's quit the police",
# "sister update: she got the job".
THEIR_NEWS_LABEL = re.compile(
    r"^(?:(?:big|good|great|some|quick|sad|latest|exciting)\s+)*(?:my\s+)?(?P<who>[a-z]+)"
    r"\s+(?:news|update)$",
    re.I,
)
HE_OR_SHE_FIRST = re.compile(r"^\s*(?:he|she)(?=['’]s\b|\s)", re.I)
NEWS_LABEL = re.compile(
    r"^(?:(?:ok|so|and|well|anyway|right)[,\s]+)?(?:(?:big|good|great|some|quick|small|little|"
    r"exciting|happy|life|career|work|job|personal|latest|news|one)\s+)*(?:news|update|updates|correction)$|"
    r"^(?:(?:big|new)\s+)?(?:job|career|work)\s+(?:announcement|news)$|"
    r"^(?:(?:big|major|small)\s+)?(?:career|job)\s+(?:change|move|switch)$|"
    r"^(?:(?:new\s+year|new\s+month|new\s+me)[,\s]+)?new\s+(?:job|role|title|position|gig)$|"
    r"^(?:ok|okay|so)?[,\s]*(?:got|found)\s+(?:something|one)$|^(?:fyi|psa|heads up)$|"
    r"^(?:quick|real\s+quick|one\s+more|another)\s+(?:one|thing)$",
    re.I,
)


# A new job's label, and the employer and job listed after it: "new job: monzo, backend
# engineer" (a name of one to three words, then a job).
_NEW_JOB_LABEL = re.compile(
    r"^(?:.*\s)?(?:new\s+(?:job|role|gig|position)|got\s+the\s+job|hired)$", re.I
)
_WHERE_THEN_AS = re.compile(r"^(?P<at>[\w&'.-]+(?:\s+[\w&'.-]+){0,2})\s*,\s*(?P<as>[^,;:!?()]+)")


def news_label(said: str) -> Optional[str]:
    """``said`` as a news label, when it is only one ("New job!!", "big news 🎉": "New
    job", "big news"); None otherwise."""
    label = _LABEL_END.sub("", said.strip())
    return label if label and NEWS_LABEL.match(label) else None


# What a label ends in as typed: "!!", "…", an emoji.
_LABEL_END = re.compile(r"[\s!.…:🎉🙌🥳😅😭✨🚀💪👀]+$")


def at_the_new_job(label: str, told: str) -> str:
    """``told`` after its label, read as where and what the new job is when it lists them
    ("new job at monzo, backend engineer"); as it came otherwise."""
    listed = _WHERE_THEN_AS.match(told)
    if not _NEW_JOB_LABEL.match(label.strip()) or listed is None:
        return told
    first = listed.group("at").casefold()
    if (
        first in _NOT_WHERE
        or first.rstrip("s") in _NOT_WHERE
        or "'" in first
        or "’" in first
        or place_rest(listed.group("at")) == ""
    ):
        # "new job!! finally, engineer", "… london, software engineer", "… mornings,
        # cleaner", "… agency, nurse", "… Mum's cafe, waitress"
        return told
    what = _ARTICLE_FIRST.sub("", listed.group("as").strip())
    return f"new job at {told}" if is_occupation(what) else told


_ARTICLE_FIRST = re.compile(r"^(?:a|an|the)\s+", re.I)
# What lists no employer first: a word of how or when, of whose, or of the person one is.
_NOT_WHERE = (
    frozenset(
        """finally officially remote hybrid wfh freelance freelancing freelancer contract
        contractor temp part-time full-time permanent locum agency bank self-employed casual
        seasonal volunteer paid unpaid nearby downtown uptown offshore abroad overseas
        locally local morning evening night weekend weekday day shift also so and but ok okay
        yes yay omg lol me mine my still same new old big small""".split()  # noqa: SIM905
    )
    | frozenset(ADVERBS)
    | frozenset(RELATIONS)
    | frozenset(m.casefold() for m in MONTH_NAMES)
    | frozenset(d.casefold() for d in WEEKDAYS)
)


# … or a new home's, before the user says it: "New address: we're in Seattle now" (not
# "New city: Chicago", which says nothing once its label is dropped).
HOME_LABEL = re.compile(r"^new\s+(?:address|place|home|city|flat|apartment|house)$", re.I)
SAID_BY_ME = re.compile(r"^\s*(?:i|we)(?:['’](?:m|re|ve)|\s)", re.I)


# An introduction, then what the user says of themself part by part: "I'm Lena, 29,
# living in Hamburg", "Dmitri here, a backend dev, based in Tbilisi", "myself Priyanka,
# working as an engineer" (Indian English), "my name is Lena, 29, …", after a greeting
# of another language ("Chale, I'm Kwame, …"). Each such part is said as a clause of its
# own ("I'm 29", "I'm living in Hamburg"); any other part ("with my mum", "in Vake")
# stays with the one before it, and once a part brings in someone else ("my brother Tom",
# "on behalf of my mum", "mum to Arjun", "Tom's carer"), what follows is theirs.
_LEAD_IN = (
    "chale|che|oi|sawubona|privet|salaam|salam|shalom|hei|hej|hallo|ahoj|aloha|namaskar|"
    "vanakkam|kumusta|habari|mambo|jambo|kia ora|bula|talofa|sannu|bawo|kedu|ciao|hola|salut"
)
_INTRO = re.compile(
    r"^(?:(?:" + _LEAD_IN + r")[,!]\s+)?(?:i'm|i am|myself|my name is|my name's|name's)\s+"
    r"(?P<name>[^\W\d_][\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+)?)\s*,\s*"
    r"|^(?P<here>[^\W\d_][\w'-]+)\s+here\s*,\s*",  # "dmitri here, …", typed in lower case
    re.I,
)
# What "… here," says when it names no one ("new here, …", "mum here, …", "lurker here").
_HERE_NOT_NAMED = words(
    "new same nobody somebody someone everyone everybody home back still just not out over "
    "up down ok okay hi hey hello yes no all mum mom mam mama dad papa grandma grandpa gran "
    "granny nan wife husband hubby parent teacher nurse doctor student newbie noob lurker "
    "beginner expat hot cold raining sunny update question"
)
_SELF_PART = re.compile(
    r"^(?:(?:now|currently|originally|also|happily|semi-)\s*)?(?:living|working|based|"
    r"studying|staying|renting|from|retired|married|engaged|single|divorced|widowed)\b"
    r"|^(?P<age>\d{1,3})(?:\s*(?:years old|yrs old|y/?o))?$|^(?:a|an)\s+[a-z][\w -]*$",
    re.I,
)
# A part that brings in someone else: what follows it is theirs, not the user's.
_SOMEONE_ELSE = re.compile(
    r"^(?:(?:and|but|so|plus)\s+)?(?:my|our|his|her|their|your|he|she|they|this is)\b|"
    r"\b(?:for|behalf of|to|of)\s+(?:my|our|his|her|their)\b|"
    r"\b(?:mum|mom|dad|mother|father|parent)\s+(?:to|of)\b|"
    r"\w's\s+\w|:",
    re.I,
)


# How a word that says how one is ends, typed in lower case after "i'm": no name.
_STATE_ENDINGS = ("ous", "ful", "less", "able", "ible")
_STATES = words(
    """curious confused tired bored sorry happy sad done good fine okay ok new back home
    here sick busy lost stuck wondering thinking working trying looking going ready excited
    nervous worried stressed exhausted pregnant starving freezing dying dead late early
    sure certain afraid scared teetotal teetotaller teetotaler sober skint broke buzzing
    stuffed poorly clean freelance knackered shattered gutted hungover"""
)


def introduced(sentence: str) -> tuple[str, str]:
    """An introduction's parts each said by the user: "I'm Lena, 29, living in Hamburg"
    → "I'm Lena, I'm 29, I'm living in Hamburg"; and what is said after a part that brings
    in someone else, to be read as a sentence of its own ("" if nothing). Any other
    sentence as it was."""
    intro = _INTRO.match(sentence)
    if intro is None:
        return sentence, ""
    name: str = intro.group("name") or intro.group("here")
    said_name = name[:1].upper() + name[1:]
    named = [w.lower() for p in name.split() for w in p.split("-")]  # "Irish-American"
    opening = intro.group(0)[: intro.start("name") - intro.start()] if intro.group("name") else ""
    if name[:1].islower() and any(c.isupper() for c in opening):
        # "I'm done, 29 emails later": a name in lower case only where the user types
        # "i'm" in lower case too ("i'm maya, 31, work as a UX designer at Ibotta")
        return sentence, ""
    if name[:1].islower() and (name.endswith(_STATE_ENDINGS) or name in _STATES):
        return sentence, ""  # "i'm curious, how do magnets work", "i'm confused, 2 questions"
    if any(w in STOP_WORDS or w in NOT_A_NAME for w in named) or (
        intro.group("here") and named[0] in _HERE_NOT_NAMED
    ):
        return sentence, ""
    parts = [part.strip() for part in sentence[intro.end() :].split(",")]
    said = ["I'm " + said_name]
    for at, text in enumerate(parts):
        if _SOMEONE_ELSE.search(text):
            if len(said) == 1:
                return sentence, ""  # "Tom here, writing for my mum, 82, …": as it was
            # "I'm Kwame, living in Accra, with my mum …": the rest on its own
            return ", ".join(said), ", ".join(parts[at:])
        own = _SELF_PART.match(text)
        if own and own.group("age") and not 13 <= int(own.group("age")) <= 110:
            own = None  # "I'm Sam, 180, trying to lose weight"
        said.append(("I'm " if own else "") + text)
    return ", ".join(said), ""
