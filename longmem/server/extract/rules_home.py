"""What the home and whereabouts rows of RULES (rules.py) are built from: a move made or to
come (``SINCE_THE_MOVE``, ``PLANNED_MOVE``; timing.py keeps a planned move for its day), a
place by its name and what is no place (a day, a month, a language, a team moved to:
``NOT_A_TEAM``), a home by its noun and where it is, a stay that is no home (``STAYS``, the
words of a stay or a while after the place), a trip and its time, "home is X" and "X is
our new home" (``PLACE_IS_HOME``, ``HOME_IS``: subjects.py reads such a clause as the
user's); and what keys.py reads beside a home row: a place's residents read as a job
(``RESIDENT``), a workplace named by its town (``A_WORKPLACE_NAMED``, ``POSTED``), and
what is only dreamt (``DREAMT``).
"""

# ruff: noqa: E501  (patterns read as text)
from __future__ import annotations

import re

from .lexicon import ANY_WEEKDAY_RE, DATE_WORDS, MONTHS, REASONS, WEEKDAY_RE, WEEKDAYS, V
from .values import HOME_ADJ, HOME_NOUN

# A move made, said before the user's news since: "Since the move to Boise I've been…",
# "since moving to Boise I sleep better" (not "…, deploys are slower", "…I would need a
# car"). The rules key the place; the planned-move check (timing.py) keeps it a home.
SINCE_THE_MOVE = (
    r"^since\s+(?:(?:the|our|my)\s+move|moving)\s+(?:back\s+|here\s+)?to\s+"
    r"(?P<v>(?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+)?)(?=\s*,?\s+(?:I|we)\b"
    r"(?!\s+(?:would|will|'d|might|could|should)\b))"
)
# A place one lives on, said as one: "on Main Street", "on Vancouver Island", not "on
# Coffee now lol", "on Instagram", "on Pot Noodles in Leeds".
ON_PLACE = (
    r"(?-i:[A-Z][\w-]+)(?:\s+(?-i:[A-Z][\w-]+))?\s+(?-i:Street|St|Road|Rd|Avenue|Ave|Lane|Row|"
    r"Drive|Island|Isle|Estate|Hill|Square|Walk|Way|Close|Crescent|Terrace|Court|Grove|Boulevard|Parade)\b"
)
# A stay, not a home: "at a conference in Lisbon", "on a trip to Japan", "at a wedding in Porto".
STAYS = r"(?:trip|audit|course|conference|congress|convention|summit|expo|fair|trade show|show|festival|wedding|funeral|workshop|meeting|camp|tournament|holiday|vacation|retreat|visit|tour|training|assignment|honeymoon|interview|job interview|stag do|hen do|getaway|break)"


# A place by its name, capitalised word by word: "Fremantle", "Kings Cross"; not the day
# or month said after it ("in Accra Tue-Thu", "in Marrakech June 18–24").
_DAY_OR_MONTH = (
    r"(?:"
    + ANY_WEEKDAY_RE
    + "|"
    + "|".join(m for m in sorted(MONTHS, key=len, reverse=True) if m != "may")
    + r")\b|may\s+\d"  # "Cape May"
)
PLACE_NAME = r"(?P<v>(?-i:[A-Z])[\w'-]*(?:\s+(?!" + _DAY_OR_MONTH + r")(?-i:[A-Z])[\w'-]*){0,3})"
# A day, not a place: "start date got moved to March 17", "moved to the 21st", "to 3pm",
# "to Friday" (a house number is a place: "moved to 22 Baker Street").
NOT_A_DATE = (
    r"(?!the\s+\d|\d+(?:st|nd|rd|th)\b|\d{1,2}(?:[:.]\d\d)?\s*(?:am|pm|$|[,.!;])"
    r"|\d{1,2}\s+(?:"
    + DATE_WORDS
    + r")\b|(?:next|this|the\s+following)\s+(?:week|month|year|"
    + WEEKDAY_RE
    + r")\b"
    r"|(?:" + DATE_WORDS + r")(?:\s+\d|\s*(?:$|[,.!;])|\s+(?:for|so|because|instead|now)\b)"
    # … said short: "tues", "weds", "mon 17th", "Sept 14th", "Jan", "tmrw", "Q3"
    r"|(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun|jan|feb|mar|apr|jun|jul|aug|sep|"
    r"sept|oct|nov|dec)\.?(?:\s+\d|\s*(?:$|[,.!;]))"
    r"|(?:tmrw|tmr|tomorrow|today|tonight|q[1-4])\b"
    # days of every week: "(therapy's) moved to thursdays at 6"
    r"|(?:" + WEEKDAY_RE + r")s\b)"
)
# Capitalised words that name no place: days, months, languages said with "in".
NOT_A_PLACE_WORD = (
    r"(?:" + DATE_WORDS + r"|"
    r"English|French|Spanish|German|Hindi|Croatian|Portuguese|Italian|Chinese|Japanese|DocuSign|"
    r"Zoom|Teams|MS|Microsoft|Slack|Python|Java|Windows|Linux|Mac|Android|iOS|Excel|Google|"
    r"Notion|Ubuntu|Flutter|WFH|PG|Sales|Marketing|Team|Night|Decaf)\b"
)
# When, not where, after "is in", "visiting": "my dad is visiting next week", "we're
# visiting at easter" (no place "next week", "at easter").
WHEN_NOT_WHERE = (
    r"(?:(?:next|this|last)\s+(?:week|weekend|month|year|time|summer|winter|spring|autumn|"
    + "|".join(WEEKDAYS)
    + r")|(?:tomorrow|tonight|today|soon|later|again)(?!\s+(?-i:[A-Z]))|"
    r"(?:at|on|over|for|until|till)\s+(?:easter|christmas|the\s+weekend|weekends?|"
    + "|".join(WEEKDAYS)
    + r"))\b"
)


# "settled in nicely in Leeds": how, then where; and never how alone ("ifeoma's settled in
# great": no home called "great").
SETTLED_WELL = (
    r"(?:(?:nicely|well|quickly|fine|ok|okay|at last|finally)\s+in\s+)?"
    r"(?!(?:great|well|nicely|fine|ok|okay|quickly|really|alright|good|perfectly|brilliantly|"
    r"amazingly|yet|already|now|so|too|at\s+last|finally)\b)"
)
# How one moved, between "moved" and "to": "moved here to", "relocated for work to",
# "moved back home to", "moved across the country to" (not "moved the meeting to").
MOVED_HOW = (
    # "moved from Chicago to Austin": where from, said before where to
    r"(?:from\s+(?!(?:a|an|the|my|our|one|home)\b)[\w'-]+(?:\s+[\w'-]+)?\s+(?=to\b))?"
    r"(?:(?:here|there|back|home|over|out|away|abroad|house|down|up|all the way|permanently|"
    r"finally|across the (?:country|pond|world|border|river|bay|water|road|street|city|town|"
    r"channel|harbour|harbor|bridge)|for (?:work|uni|a job|love|school|the job)|"
    r"with (?:my|our|the) (?:family|kids|partner|wife|husband|boyfriend|girlfriend))\s+){0,3}"
)
# A move said before it happens: "we're moving to Izmir in June", "we move to Leeds on
# 1 May", "moving into a flat in Leith next month"; keyed only with the day it happens
# (timing.py).
# What one moves to, joins or moves over to at work is no home and no employer: "moved
# to the data team", "moving to the sales team next month", "moved to marketing",
# "joined the podcasts team", "moved to a bigger office", "got moved to a bigger ward",
# "… to the Gautrain extension". (A team word in lower case:
# "joined the Virgin Group" is an employer.)
# Someone by their title, whom one is moved to ("I've been moved to Dr Hughes at the same
# practice"): no place (not "moved to Mrs Smith's old house").
NOT_A_TITLED_ONE = (
    r"(?!(?-i:Dr|Mr|Mrs|Ms|Miss|Prof)\b\.?\s+[\w-]+\b"
    r"(?!['’]s\s+(?:old\s+|former\s+)?(?:house|place|flat|home|cottage|farm)\b))"
)
NOT_A_TEAM = (
    r"(?!(?:(?:the|a|an|our|my|his|her|their|another|a\s+new|a\s+different)\s+)?"
    r"(?:[\w&'-]+\s+){0,3}?(?-i:teams?|department|dept|division|unit|squad|role|position|"
    r"office|desk|floor|shift|rota|project|account|board|committee|org|ward|extension)\b"
    r"|(?:the\s+)?(?:marketing|sales|engineering|finance|hr|ops|operations|legal|support|"
    r"accounts|compliance|admin|nights|night\s+shifts?|days)\b(?!\s*,?\s+(?-i:[A-Z]))"
    # a doctor one is moved over to: "mum's been moved over to dr okafor"
    r"|(?:dr|doctor)\b)"
)
# A place's residents, read as a job: "(we're officially) Denver residents".
RESIDENT = re.compile(
    r"^(?:(?:proud|happy|new)\s+)?(?P<place>(?-i:[A-Z])[\w.'-]*(?:\s+(?-i:[A-Z])[\w.'-]*){0,2})\s+"
    r"(?:residents?|locals?|natives?)$",
    re.I,
)
PLANNED_MOVE = (
    r"\b(?:(?:moving|relocating|move|moves|relocate|relocates)\s+(?:(?:back|over|up|down)\s+){0,2}to|"
    # "I'll be living in Bristol from next month"
    r"(?:will|'ll|’ll)\s+be\s+(?:living|based)\s+in|"
    r"(?:moving|move|moves)\s+into\s+(?:a|an|our|my|the)\s+(?:new\s+)?"
    r"(?:flat|house|place|apartment|home|condo)\s+in)\s+" + NOT_A_TEAM
)

# Words of a stay, not a home, after a place: "in Lisbon now for a conference", "based in
# Goa till Friday".
_STAY_AFTER = (
    # (not "till I find my own place": a home while looking for the next, there)
    r"(?:until|till)(?!\s+(?:i|we)\s+(?:find|get|buy|sort(?:\s+out)?)\s+(?:(?:my|our)\s+own|"
    r"a\s+place|somewhere|something|a\s+(?:flat|house|home|apartment))\b)|"
    r"trip|holiday|vacation|conference|visiting|visit|"
    r"this\s+(?:week|month|term|summer|winter)|for\s+now|at\s+the\s+moment"
)
NOT_FOR_LONG = (
    r"(?!.*\b(?:for\s+(?:a|an|the|work|business|\d+|two|three|a few)|" + _STAY_AFTER + r"|"
    r"back\s+(?:on|in|home))\b)"
)
# … and, after a place said as a home with "shifted to" or "based in", a while ("for a
# project", "on deputation") or a workplace ("shifted to the Delhi office"); "for work"
# is a move there.
NOT_A_HOME_AFTER = (
    r"(?!.*\b(?:for\s+(?:a|an|the|now|\d+|two|three|a few)|" + _STAY_AFTER + r"|"
    r"deputation|assignment|secondment|while|hols|"
    r"over\s+(?:the\s+)?(?:winter|summer|christmas|holidays))\b)"
    # (a workplace said in the reason is no workplace moved to: "shifted to Colombo
    # because Chaminda got transferred to the head office")
    r"(?!(?:(?!\b(?:" + REASONS + r"|since)\b).)*\b(?:office|team|branch|campus|site|store|"
    r"plant|hub|hq|desk|department|division|account|client|project|role|position)\b)"
)
# What is only dreamt, said right after the value and last: "… at Canva in my dreams",
# "…, in my dreams anyway", "in Paris in my head" (not "I live in Leeds (in my dreams it'd
# be Paris)", "at Amazon, still scanning boxes in my dreams", "in my dream job").
DREAMT = re.compile(
    r"[\w'’&.-]+(?:\s+[\w'’&.-]+){0,5},?\s+in\s+(?:my|your)\s+(?:wildest\s+)?"
    r"(?:dreams|head|imagination|next\s+life)\b(?:\s+(?:anyway|lol|lmao|haha|tho|though|only))*\W*$",
    re.I,
)
# A place of work named by its town: "based in Naas station", "based at Leeds General
# hospital", "located in the Sandton branch".
A_WORKPLACE_NAMED = re.compile(
    r"\s(?:station|depot|barracks|hospital|clinic|ward|branch|office|factory|warehouse|"
    r"plant|store|campus|site|garage|yard)$",
    re.I,
)
POSTED = re.compile(
    r"\b(?:based|located|stationed|posted)\s+(?:in|at|out\s+of)\s+(?:the\s+)?$", re.I
)
# When a trip is, said after its place: how long, until when, back when, from when.
A_TRIP_TIME = (
    r"(?=.*\b(?:for\s+(?:a|an|the|\d+|two|three|four|five|six|seven|ten|a few|a couple of)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:days?|nights?|weeks?|fortnight(?:'s)?|months?|weekend|week-end)|"
    r"till|until|til|(?:back|return(?:ing|s)?|home)\s+(?:home\s+)?(?:on\s+)?(?:the\s+)?(?:\d+\w*|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*|next|in\s+\w+)|"
    r"from\s+(?:the\s+)?\d+\w*|(?:from|on|this|next)\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day|"
    r"next\s+(?:week|weekend|month)|(?:this|at\s+the)\s+(?:week|weekend)|week(?:-?end)?\s+after\s+next|tomorrow|tonight|"
    # a span of days: "Monday to Wednesday", "sat-mon", "June 18–24", "10-12 June"
    r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\s*(?:-|–|—|to|thru|through|and)\s*"
    r"(?:the\s+following\s+)?(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*|"
    r"(?:between\s+(?:the\s+)?)?\d{1,2}(?:st|nd|rd|th)?\s*(?:-|–|and)\s*(?:the\s+)?\d+\w*|"
    # (a dash, then the spaces after it: the group ends where a word begins)
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?\s*(?:[-–]\s*|to)|"
    r"\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*(?:[-–]\s*|to)|"
    r"over\s+(?:christmas|easter|diwali|eid|the\s+holidays|the\s+weekend))\b)"
)
# The end of a trip's place: not someone's ("Sarah's"), nor a match, a band or a remark
# ("Barcelona v Madrid", "Florence and the Machine", "flying to Dubai is so expensive").
A_TRIP_PLACE_END = (
    r"\b(?!['’]s?\b)(?!\s+(?:v|vs|versus|and|&|is|was|are|were|costs?|isn't|airport|station|"
    r"line|stadium|arena|zoo|mall|centre|center)\b)"
)
# The end of a home said as one ("Home is Lagos, but …"), not a part of something else
# ("home is Lagos Island traffic", "Home is Adam and the kids", "Leeds is home to …"), nor
# someone else's ("Cork is always home, she says").
A_HOME_SAID_END = (
    r"(?=\s*(?:$|[,.!;]|\s(?:but|now|these\s+days|lol|haha|tbh)\b))"
    r"(?![^.!?]*\b(?:he|she|they)\s+(?:says|said|reckons|thinks)\b)"
)
# "X is home" of a place of more than one word ("Quezon City is home"); a one-word place
# is as often a person ("Sam is home", "Devon's home from uni") or a fixture ("Liverpool
# is home and Everton away"), so only "home is X" names it.
PLACE_IS_HOME = (
    r"^(?P<v>(?-i:[A-Z])[\w'-]*(?:\s+(?-i:[A-Z])[\w'-]*){1,3})(?:'s|\s+is)\s+"
    r"(?:(?:still|always|now)\s+)?home" + A_HOME_SAID_END
)

# What a home is called, and said with: "our new flat", "a little 2 bed", "my first house".
OUR_HOME = r"(?:our|my|the)\s+(?:" + HOME_ADJ + r"\s+){0,3}" + HOME_NOUN
# Where a home is, after its noun: "in Leeds", "on Leith Walk"; on a street, not "on the
# course" ("got a place on the course"). Near somewhere, after words that say it is a
# home ("bought a house near the park"), not after "found a place near the station".
_HOME_ON = r"on(?=\s+" + ON_PLACE + r")"
HOME_IN = r"\s+(?:in\s+|(?P<at>" + _HOME_ON + r")\s+)" + V
HOME_AT = r"\s+(?:in\s+|(?P<at>" + _HOME_ON + r"|near|next to)\s+)" + V
# A stay, not a home: "renting a cottage in Cornwall for the week", "on holiday".
NOT_A_STAY = (
    r"(?!.*\b(?:for\s+(?:the\s+(?:week|weekend|night|summer|holidays?|stag do|hen do|wedding|"
    r"festival|bank holiday)|a\s+(?:week|fortnight|night|weekend|month)|a\s+(?:few|couple\s+of)\s+"
    r"(?:days|nights|weeks)|(?:two|three|four|five|\d+)\s+(?:nights|days|weeks)|half[- ]term|"
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december)|"
    r"(?:my|our|his|her|their|the)\s+(?:daughter|son|kids?|children|mum|mom|dad|parents|nan|gran|"
    r"grandma|grandad|sister|brother|in-laws|business|bakery|shop|company|office|staff|team|studio|"
    r"trip|conference|party|afterparty|birthday|event|gig|match|course|festival|new office)|"
    r"(?:my|our|the)\s+[\w-]+\s+(?:party|trip|conference|event))|"
    r"on\s+(?:holiday|vacation)|holiday\s+(?:home|cottage|let|rental)|airbnb|hotel|hostel|"
    r"next\s+(?:week|weekend|month)|this\s+weekend)\b)"
)
# The place a home is in, up to the verb that says something else of the home: "our new
# flat in Leeds has a balcony" is in Leeds.
PLACE_BEFORE_VERB = (
    r"(?P<v>[^,;:!?()]+?)(?=\s+(?:has|have|had|is|'s|are|was|were|gets|got|looks|costs|needs|"
    r"feels|comes|overlooks|backs|faces|sits|smells)\b|\s*(?:$|[,;:!()]|\.(?:\s|$)))"
)
# A home said by how close it is to somewhere: "a five-minute walk from", "round the corner from".
CLOSE_TO = (
    r"(?:(?:(?:a|an)\s+)?(?:[\w-]+\s+){0,3}?(?:walk|stroll|drive|ride|cycle|minutes?|mins?)\s+(?:away\s+)?from|"
    r"(?:a)?round\s+the\s+corner\s+from|close\s+to|(?:walking|cycling)\s+distance\s+(?:from|to|of)|"
    r"a\s+stone's\s+throw\s+from)"
)
# "Bristol is our new home": the user's home, whatever the first word (subjects.py reads
# such a clause as the user's); only a *new* home, since anything can be one's home in
# other words ("Discord is my home", "Tom is home for good", "Leeds is home to …").
HOME_IS = (
    r"(?P<v>(?!(?:the|a|an|my|our|his|her|their|your|this|that|it|there|here|he|she|they|"
    r"we|i|you|everyone|everybody|work|school)\b)(?-i:[A-Z])[^,;:!?()]+?)\s+(?:is|'s)\s+"
    r"(?:now\s+|finally\s+|officially\s+)?(?:my|our)\s+new\s+home(?:\s+(?:now|these days))?"
    r"(?=\s*(?:$|[,.!;]|(?:lol|haha|tbh|btw|now)\b))"
)
