"""What keeps a key rule's match from being a fact of the user's, as keys_of checks it:
whose the match is (someone else's subject right before it, "the kids are allergic to
nuts"; a pronoun after a comma; a relative clause; no one; a team or a company that
moved; and ``USERS_OWN``, what of the user's stands for the user, which subjects.py reads
too), and what its value cannot be: by attribute (``NOT_A_VALUE``: "allergic to mondays
lol", "work at odd hours"), a role that is no job ("we work as a team"), a home that names
no place ("I live in sweatpants"), a thing's age ("Old phone is 6 years old"), a quantity
or an age past the oldest, an assistant's name ("Hi, I'm Claude, an AI assistant"), an
agent hired for a home, a place that is no workplace ("now at the pub"), and words that
are no name ("I'm Bored btw").
"""

# ruff: noqa: SIM905  (word lists read as text)
from __future__ import annotations

import re

from .lexicon import NOT_A_NAME
from .places import place_rest
from .rules_work import NAMED_EMPLOYER, PARTNER_GRADE, STAFF
from .services import A_GYM_OF_NO_NAME, GYM
from .values import is_occupation

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


# A job said as work, whatever its word: "I work as a financial planner", "hired as a
# closer".
AS_WORK = re.compile(
    r"\b(?:work|works|working|worked|employed|hired)\s+as\s+(?:a|an)\s|"
    r"\b(?:made|make|making)\s+(?:" + PARTNER_GRADE + r"\s+)?$",
    re.I,
)


NOT_A_ROLE = re.compile(
    r"^(?:team|unit|group|family|pair|duo|partnership|collective|whole|one|community|favou?r|"
    r"hobby|side\s+hustle|volunteer|temp\s+for\s+now)s?$|"
    # a likeness, not a job: "working as a slave lol", "as a cog in the machine"
    r"^(?:slave|mess|cog|robot|zombie|machine|donkey|workhorse|mule|dog|horse|headless\s+chicken|"
    r"glorified\s+\w+|\w+\s+background\s+character)\b",
    re.I,
)
US = re.compile(r"\bof\s+us\b", re.I)
# No one as the subject: "no one in my family is vegan", "none of us eat meat".
NO_ONE = re.compile(
    r"^(?:no[\s-]*one|nobody|none\s+of|not\s+(?:one|a\s+single\s+one|any|all|every|everyone|everybody)\s+of)\b(?![^,;]*\b(?:knows?|thinks?|believes?|realis|realiz|"
    r"cares?|guessed|expected|told)\w*)",
    re.I,
)
# What follows "who" is said of whoever it names: "I have a friend who is vegan", "I know
# someone who moved to Perth" (not "my friend who lives in Leeds got engaged": the verb
# after the relative clause is the friend's, read as such).
RELATIVE = re.compile(r"\b(?:who|who's|whom|whose)\s+(?:[\w'-]+\s+){0,2}$", re.I)


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


# A youth team by its age: "under 13s", "under-12s", "U11s".
_YOUTH_TEAM = r"(?:under[- ]?\d{1,2}s?|u\d{1,2}s?)"
# What "live in" or "moved to" reads that names no home town: a time zone ("I live in
# PST", "Eastern time"), a dwelling or a part of town with no place ("a studio apartment",
# "a bigger place", "the suburbs", "my car"), a practice, a team or a course, or a thing
# one switched to ("linux", "decaf", "a plant-based diet", "tears", "part time").
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
    # a place one is seen, works or studies at, wherever it is: "(moved to) a dental
    # practice closer to work", "a bigger practice in Leeds", "a new team", "a different
    # course"
    r"|^(?:(?:a|an|the|my|our|his|her|their)\s+)?(?:[\w'-]+\s+){0,2}?"
    r"(?-i:practice|surgery|clinic|team|department|dept|branch|course|module|class)\b"
    r"|^(?:linux|windows|mac|macos|ubuntu|arch|vim|vscode|vs\s+code|zoom|teams|slack|notion|"
    r"spotify|apple\s+music|iphone|android|postgres|mysql|decaf|tears|sweatpants|pyjamas|"
    r"pajamas|part[\s-]time|full[\s-]time|remote|excel|airpods|"
    # a stage of school, where a teacher moves: "moved to secondary, teaching maths…"
    r"secondary|primary|reception|sixth\s+form|year\s+\d+)\b"
    # a youth team moved up to: "(Joe moved up to) the under 13s"
    r"|^(?:the\s+)?" + _YOUTH_TEAM + r"$"
    # where one has been that is no place: "(been in) touch with my sister", "in love"
    r"|^(?:touch|contact|trouble|love|debt|pain|denial|shock|limbo|charge|hospital|bed)$",
    re.I,
)


def a_home(value: str) -> bool:
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
NOT_A_VALUE = {
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
        r"(?i:(?:mon|tues|wednes|thurs|fri|satur|sun)day|tomorrow|today|tonight|next\s+week)|"
        # a youth team played for: "plays for Harrow Hawks under 12s"
        r"(?:.*\s)?(?i:" + _YOUTH_TEAM + r"))" + _IDLY
    ),
    # a date or hours, not a number: "call me at 12.05.2026", "reach me 9.00-17.00"
    "phone": re.compile(
        r"^(?:\d{4}[./-]\d{1,2}[./-]\d{1,2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}|"
        r"\d{1,2}[.:]\d\d\s*-\s*\d{1,2}[.:]\d\d|(?:[01]\d|2[0-3])[0-5]\d\s*-\s*(?:[01]\d|2[0-3])[0-5]\d)$"
    ),
    # "learning about keto", "learning how to code"
    "languages": re.compile(r"^(?:about|how|to|more|lots|a\s+lot|from|so)\b.*", re.I),
    "school": re.compile(  # in lower case, but for a coffee chain
        # (nor where one goes back to: "going back to school to study nursing")
        r"^(?:back\s+to\s+(?:school|uni|university|college)|"
        r"nights?|home|work|bed|weekends?|the\s+weekend|(?:the\s+)?library|(?i:starbucks)|"
        r"(?i:costa)|(?:(?:a|the|my)\s+)?(?:caf[eé]|coffee\s+shop|kitchen\s+table|desk|office))"
        + _IDLY
    ),
    # "I like how you explained that", "I hate to bother you": said to the listener
    "likes": _SAID_TO_YOU,
    "dislikes": _SAID_TO_YOU,
    # "a former teacher" (not "an ex-army nurse", "an ex Google engineer"); one of an
    # employer's staff by its name, an employer ("a Lidl employee")
    "job": re.compile(
        r"^(?:former|ex|previous|past|one-time)[\s-]+(?:[\w-]+|(?-i:[A-Z])[\w&'.-]*\s+"
        + STAFF
        + ")$|"
        r"^" + NAMED_EMPLOYER + r"\s+" + STAFF + "$",
        re.I,
    ),
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
ENGAGED_IN = re.compile(
    r"\b(?:am|'m|are|'re|is|'s)\s+(?:\w+ly\s+|very\s+|so\s+|fully\s+)?engaged\s+(?:in|with)\s+"
    r"(?!(?:my|our|his|her)\s+(?:partner|boyfriend|girlfriend|fianc\w*)\b|a\s+(?:wedding|ring|"
    r"date)\b)",
    re.I,
)
TITLES = frozenset(("Dr", "Prof", "Mr", "Mrs", "Ms"))
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


def an_assistant(sentence: str, name: str) -> bool:
    """Whether the name said in ``sentence`` is an assistant's, by the words after it."""
    at = sentence.find(name)
    return at >= 0 and _AN_ASSISTANT.match(sentence, at + len(name)) is not None


def a_things_age(text: str, match: re.Match[str]) -> bool:
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
AN_AGENT_HIRED = re.compile(
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
A_BODY_BEFORE = re.compile(
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
# No one's age is more than this; a number after which a unit follows is no age.
OLDEST = 120
A_QUANTITY = re.compile(
    r"\s*(?:%|°|(?:quid|pounds?|bucks|dollars?|euros?|grand|k|percent|degrees?|kg|kgs|kilos?|"
    r"lbs?|miles?|mph|km|kms|subscribers|followers|likes|push-?ups|reps)\b|"
    # "300 level" (a year at a Nigerian university), not "19 level headed", "17 level 2"
    r"level\b(?!\s*-?\s*(?:headed|\d)))",
    re.I,
)


# Where one is or whom one is with, never an employer: "now at the pub", "with the new puppy".
NOT_A_WORKPLACE = re.compile(
    r"(?:the|my|our|a|an)\s+(?:new\s+)?(?:pub|gym|beach|bar|park|party|puppy|dog|kitten|cat|"
    r"baby|cinema|mall|pool|house|flat|home|(?:mum|mom|dad|parents|nan|gran|boyfriend|"
    r"girlfriend|friend|sister|brother)['’]s?)(?![\w'’])|"
    # what one joins that is no employer: "joined the Labour Party", "a dating app called
    # Hinge", "the church choir" (each had been "User works at …")
    r"(?:the|my|our|a|an)\s+(?:[\w'’-]+\s+){0,3}?(?:party|app|club|choir|church|mosque|temple|"
    r"synagogue|server|waitlist|waiting\s+list|league|movement|fan\s+club|band|trio|quartet|"
    r"quintet|orchestra|ensemble)s?"
    # (not "a church school", "a fintech app company")
    r"(?=\s*(?:$|,|\s(?:called|named)\b))"
    # a gym one joins (services.py): "joined PureGym" (had been "User works at PureGym")
    r"|(?:" + GYM + r"|" + A_GYM_OF_NO_NAME + r")",
    re.I,
)
# … unless work is said ("I work at a bar in Soho", "got a job at the pub").
AT_WORK_SAID = re.compile(
    r"\b(?:work(?:s|ing|ed)?|job|shifts?|hired|employed|teach(?:es|ing)?|as\s+(?:a|an|the))\b", re.I
)


NOT_NAME_WORDS = frozenset(
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
