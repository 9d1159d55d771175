"""What a clause says before its subject, or around it, that is not it (subjects.py reads
the subject after it): a time ("This week I'm…", "In January my dad moved…"), whom one is
compared to ("Just like Rihanna I'm from Barbados": ``LIKE_SOMEONE_FIRST``), words that
lead in to a relative's news or hedge it ("Apparently my mother in law…", "sadly Dan…",
"Hopefully my sister…"), a reason or a word before "my" or "he" (``OPENER``, "…, he
starts at Sea"), an aside between commas or brackets ("Priya, who works with me,
moved…", "Dave (from work) moved…"), and whose news it is, said last ("Just turned 5,
our eldest").
"""

from __future__ import annotations

import re

from .kin import FULL_NAME as _FULL_NAME
from .kin import NAME as _NAME
from .kin import QUALIFIERS as _QUALIFIERS
from .kin import REL as _REL
from .lexicon import HEDGED, MONTH_NAMES, REASONS, WEEKDAY_RE
from .names import NOT_NAMES

# A time said first ("This week I'm covering…") is not the subject.
LEAD_TIME = re.compile(
    r"^(?:(?:this|next|last)\s+(?:week|weekend|month|year|morning|evening|summer|winter)|"
    r"today|tonight|tomorrow|these days|right now|for now|now|at the moment|lately|recently|"
    r"honestly|work-wise|anyway|so|"
    # "As of last week I'm…", "Since January I've been…", "After 9 years at Target I…"
    r"as\s+of\s+(?:(?:last|this)\s+\w+|today|yesterday|now|\w+day|(?-i:[A-Z])\w+)|"
    r"since\s+(?:(?:last|this)\s+\w+|\w+day|" + "|".join(MONTH_NAMES) + r")|"
    r"after\s+(?:\d+|a\s+few|many|several|two|three|four|five|ten)\s+(?:years?|months?)"
    r"(?:\s+(?:at|with|in)\s+(?-i:[A-Z])[\w&'-]*(?:\s+(?-i:[A-Z])[\w&'-]*)*)?|"
    r"(?:on|until|till)\s+(?:" + WEEKDAY_RE + r")|every\s+(?:morning|day|evening|week)|"
    # "In January my dad moved to Spain", "Over christmas my sister Lou got engaged", "At
    # the weekend my brother moved to Leeds": when, then whose news (had been the user's);
    # only before someone else: the user's own keeps its time ("At the weekend I'm
    # working at the bar" is no job from now on)
    r"(?:in|over|during|at|around|by|after|before|from|until|till)\s+(?:the\s+)?(?:"
    + "|".join(MONTH_NAMES)
    + r"|christmas|xmas|easter|new\s+year|half[- ]term|lockdown|weekend|summer|winter|spring|"
    r"autumn|holidays|(?:19|20)\d\d|end\s+of\s+(?:the\s+)?(?:year|month|week)|"
    r"(?:last|past)\s+(?:few\s+|couple\s+of\s+)?(?:weeks?|months?|years?))"
    r"(?=\s*,?\s+(?:(?:my|our)\s|(?-i:[A-Z])[a-z]+\s)))\s*,?\s+",
    re.I,
)
# "like" that compares, as a clause opens with it: "Just like Rihanna …", "Like my mum, …"
LIKE_LEAD = r"(?:just\s+|much\s+|a\s+bit\s+)?like\s+"
LIKE_SOMEONE_FIRST = re.compile(
    r"^" + LIKE_LEAD + r"[^,]{1,40}?\s*,?\s+(?=(?:I|I'm|I've|I'd|we|we're)\b)", re.I
)
NAME_THEN_BRACKETS = re.compile(
    r"^(?P<name>" + _FULL_NAME + r")\s*\((?!\s*(?i:my|our)\s)(?P<aside>[^()]{1,40})\)\s*(?=[a-z])"
)
# … but for a relation word alone in them ("Tom (bf) moved in", "Tom (husband)"), which
# subjects._NAMED reads as who they are.
WHO_THEY_ARE_TO_ME = re.compile(
    r"^\s*(?:(?:my|our)\s+)?" + _QUALIFIERS + r"(?:" + _REL + r")\s*$", re.I
)
# News with no subject, then whose it is, alone after a comma: "Just turned 5, our
# eldest", "started at Tesco today, my brother Sam" (not "I turned 5, my sister…", "lunch
# with Tom, my brother", "got the job, my friend!").
WHOSE_NEWS_AFTER = re.compile(
    r"^(?P<news>(?:(?:just|finally|officially|only)\s+)?(?:turned|got|started|moved|graduated|"
    r"passed|qualified|retired|joined|landed|became|quit|left)\b[^,;]*?)\s*,\s*"
    # whose: "our" anyone; "my" a child, or anyone named ("my friend!", "my brother" after
    # one's own news may be said to them)
    r"(?P<who>our\s+" + _QUALIFIERS + r"(?:" + _REL + r")"
    r"|my\s+"
    + _QUALIFIERS
    + r"(?:son|daughter|kid|eldest|oldest|youngest|baby|boy|girl|little\s+one)"
    r"|my\s+" + _QUALIFIERS + r"(?:" + _REL + r")(?=\s+" + _NAME + r"\s*[.]*$))"
    r"(?P<name>\s+" + _NAME + r")?\s*[.]*$",
    re.I,
)
# Words that only lead in to news of a relative of the user's, without a comma: a word
# that tells how the news is taken ("apparently", "sadly", "finally"), "long story (short)
# but", "guess what"; not a hope, a doubt or a supposition ("hopefully", "ideally",
# "unlikely", "hypothetically"), nor one that says how much of it holds ("only my mum").
_LEAD_WORDS = (
    r"(?:apparently|basically|honestly|finally|sadly|luckily|fortunately|unfortunately|"
    r"officially|recently|currently|surprisingly|seriously|literally|thankfully|tragically|"
    r"usually|personally|originally|technically|secretly|happily|weirdly|funnily|obviously|"
    r"really|clearly|naturally|interestingly|also|even|just|now|still|already|so|and|but|"
    r"anyway|oh|well|long\s+story(?:\s+short)?|guess\s+what)"
)
LEAD_BEFORE_MINE = re.compile(
    r"^(?:" + _LEAD_WORDS + r"\s+)+(?=(?:my|our)\s+" + _QUALIFIERS + r"(?:" + _REL + r")s?\b)",
    re.I,
)
# … or before someone named, a comma after it or not, and owning up to a slip there:
# "sadly Dan moved to Leeds", "sorry, Dan moved to Leeds not Leicester" (the user's home
# had been keyed).
LEAD_BEFORE_A_NAME = re.compile(
    r"^(?:(?:" + _LEAD_WORDS + r"|sorry|oops|whoops)(?:\s*,\s*|\s+))+(?=(?-i:[A-Z])[\w'-]+\s)", re.I
)
# … and a hope, a doubt or a supposition there makes it no one's news ("hopefully",
# "unlikely", "supposedly").
HEDGE_BEFORE_MINE = re.compile(
    r"^(?:hopefully|ideally|possibly|probably|unlikely|likely|supposedly|allegedly|"
    r"hypothetically|theoretically|potentially|doubtfully|presumably|reportedly|seemingly|"
    r"maybe|perhaps)\s+(?=(?:my|our)\s+" + _QUALIFIERS + r"(?:" + _REL + r")s?\b(?!\s+I\b))",
    re.I,
)


# A piece that ends on someone the user is with, by name: "… with Jake", "me and Priya",
# "met Tom", "married to Sam" (what follows its comma is theirs).
WITH_A_NAME = re.compile(
    r"\b(?:with|and|&|met|meet|dating|seeing|marrying|married(?:\s+to)?|engaged\s+to)\s+"
    r"(?-i:[A-Z])[a-z]+\s*$",
    re.I,
)
# What a role is played in: a game or a show ("Among Us", "D&D", "the nativity").
_PLAYED = (
    r"(?:games?|play|plays|show|musical|panto|pantomime|film|movie|campaign|party|production|"
    r"raid|guild|clan|quiz|roleplay|rp|cosplay|nativity|murder\s+mystery|among\s+us|minecraft|"
    r"fortnite|roblox|valorant|overwatch|warcraft|wow|sims|d&d|dnd|dungeons|pokemon|pokémon|"
    r"zelda|skyrim|gta|apex|league|mafia|werewolf|charades|escape\s+room|larp)"
)
# An age between commas (an adult's), and a clause the user opens: "I'm a nurse at Leeds
# General, 29, F" says the user's age, not an aside to cut.
AN_AGE_ASIDE = re.compile(r",\s*(?:1[3-9]|[2-9]\d)\s*,")
SAID_BY_ME = re.compile(r"(?:I|we|I['’]m|we['’]re|I['’]ve|we['’]ve)\s", re.I)
ASIDE = re.compile(
    r"^(?P<who>[^,]{1,40}?),\s*(?:who|whom|whose|which|where|the one|the guy|the girl|\d{1,3}\b)"
    r"[^,]*,\s*(?=[a-z])",
    re.I,
)
OPENER = re.compile(
    r"^(?!(?-i:[A-Z])[\w'-]*\s*,\s*(?:my|our)\s+(?:[\w'-]+\s+){0,2}[\w'-]+\s*,)"
    # (not where a role is in a game or a play: "In Among Us, my role is the detective",
    # "In the school play, my role is…"; "In our startup, my role is…" is one's job)
    r"(?!in\s+(?:[^,]*\b" + _PLAYED + r")\b[^,]*,\s*(?:my|his|her)\s+(?:new\s+)?role\b)"
    r"(?:[\w'-]+\s+){0,2}[\w'-]+\s*,\s+"
    r"(?=(?:my|our|his|her|their)\s)"
    # "(I moved to Leeds) because my husband got a job at Google": the husband's
    r"|^(?:" + REASONS + r"|cause|now\s+that|given\s+that)\s+"
    r"(?=(?:my|our|his|her|their)\s)"
    # "finally he starts at Sea": a word of how it went, before the one named before
    r"|^(?:finally|luckily|sadly|thankfully|officially|meanwhile|anyway|now|then|plus)\s+"
    r"(?=(?:he|she|they)(?:'s|'re|'ve|'d|'ll)?\s)",
    re.I,
)
# Words before a comma, then "he", "she" or "they".
LEAD_THEN_THIRD = re.compile(
    r"^(?P<lead>(?:[\w'-]+\s+){0,3}[\w'-]+)\s*,\s+(?=(?:he|she|they)(?:'s|'re|'ve|'d|'ll)?\s)",
    re.I,
)
_SOMEONES = frozenset(("my", "our", "his", "her", "their", "your", "i", "we", "me", "us"))
# Lead-ins that say what follows is not yet so, beside lexicon.HEDGED's words.
_NOT_YET_SO = re.compile(
    r"\b(?:theory|yet|wood|crossed|fingers|case|hope|hoping|supposedly|rumou?r|apparently|"
    r"allegedly|reportedly|unofficially|pending|plan|planned)\b",
    re.I,
)


def only_leads_in(lead: str) -> bool:
    """Whether the words before "…, he" only lead in: no name (a capital after the first
    word, or a first word that may be one), no number, nobody's ("my gran was Rose"),
    no one said ("I told him"), no hedge ("maybe, he starts at Sea", "touch wood, …",
    "not official yet, …": what follows is not yet so)."""
    if HEDGED.search(lead) or _NOT_YET_SO.search(lead):
        return False
    first, *rest = lead.split()
    if first[:1].isupper() and first.lower() not in NOT_NAMES:
        return False
    if any(w[:1].isupper() for w in rest):
        return False
    return not any(
        w.lower() in _SOMEONES or "'" in w or any(c.isdigit() for c in w) for w in (first, *rest)
    )
