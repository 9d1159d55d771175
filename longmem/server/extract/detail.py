"""What a clause says after a keyed fact's value, kept in the fact's text.

"my sis Germaine just moved to London for her masters at UCL" is keyed as the sister's
home, London; the rest of the clause ("for her masters at UCL") was the fact's and only
the fact's, so it goes where the fact goes: into its text, retired with it when a newer
home supersedes it. What belongs to another fact of the clause stays that fact's ("work
at DBS as a UX designer, hybrid, 3 days in office": the days go with the job, not the
employer), and nothing the clause denies, leaves behind, asks, jokes or says for now only
is kept ("product designer now, not UX anymore", "moved to Leeds from London", "renting in
Sandy Bay till we find something"). Smaller asides are kept for more keys: a gloss in
brackets ("a sparky (electrician)"), where the work is ("a nurse over in Perth"), a last
aside of a liking ("South Indian food, dosa especially").
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Optional

from ..embed import STOP_WORDS
from ..facts import WORK_ATTRIBUTES
from .chat import FICTION
from .chitchat import CHAT
from .clauses import subject_of
from .keys import Key
from .kin import RELATIONS
from .lexicon import COMMON_VERBS, MONTH_RE, NEGATION, PAST_IRREGULAR, WEEKDAY_RE
from .stays import ONLY_A_TIME
from .third_person import third_person
from .when import expiry, lasts

# Words that open a home said by what it is near or next to: "near Slottsskogen", "by the
# sea", "behind agara lake" ("User lives behind agara lake").
NEAR = frozenset(("on", "behind", "by", "next", "near", "opposite"))

# Attributes a short last aside elaborates ("South Indian food, dosa especially"); after
# a name or a job, an aside is a fact of its own ("Kenji, a game designer at Capcom").
_ASIDE_KEYS = frozenset(("likes", "dislikes", "home", "allergies", "employer", "hobbies", "pets"))
_ASIDE = re.compile(r"^,\s*(?P<d>[^,;:!?]{3,60}?)\s*[.!]?$")
_WORK_PLACE = re.compile(
    r"^\s+(?:(?:over|down|out|up|back)\s+)?in\s+"
    r"(?P<p>[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|\d+))?)(?![\w'’])"
)
# Whom one is married or engaged to, kept with it: "(my sister Priya is married) to Arjun".
_TO_WHOM = re.compile(
    r"^\s+(?P<how>to|with)\s+(?P<who>(?-i:[A-Z])[\w-]+(?:\s+(?-i:[A-Z])[\w-]+)?)(?![\w'’-])"
)
# A gloss in brackets right after any value is kept with it: "a sparky (electrician)".
_GLOSS = re.compile(r"^\s*(?P<g>\([^()]{2,40}\))")
_TIME_WORDS = re.compile(r"^(?:last|this|next|since|in|on|until|till|now|these|ago)\b", re.I)
# What asks the assistant for something: "can you help me structure my review", "any
# tips", "suggest some books for Year 4", "translate this".
_ASKS = (
    r"(?:(?:can|could|would|will)\s+(?:you|u)|help|pls|please|plz|any|what|how|where|which|"
    r"who|give|write|make|suggest|recommend|find|draft|tell|show|check|plan|proofread|"
    r"explain|translate|quote|ideas|tips|advice|thanks|thank|cheers|ty|looking\s+for|remind|"
    r"summari[sz]e|list|sort)\b"
)
# A request after the value is no detail of it: "at Monzo, can you help me…".
_REQUEST = re.compile(_ASKS, re.I)
# The user speaking: "I", "we" and their contractions.
_I_WE = r"i|i'm|im|i've|i'd|i'll|we|we're|we've|we'll"

# The keys whose whole rest of the clause tells of the fact: where and how one lives, works and
# studies ("in Ballarat", "hybrid, 3 days in office at Marina Bay", "at UCL"). Not an age
# ("turned 31, celebrated in Rusholme": the party is not the age), a stay (it ends, and
# its text says when), a relative ("my roommate Hana, and the commute to Pangyo is
# brutal": what follows a name is seldom the relation's), nor what one eats or likes.
_KEPT = frozenset(
    ("home", "job", "employer", "school", "studies", "hobbies", "therapist", "doctor")
)
# What a diet or a health fact means one goes without, said after it: "I have gastritis,
# so no chilli for now", "lactose intolerant, so no more cheese", "I'm pre-diabetic,
# cutting sugar", "acid reflux is back, so no tomatoes or citrus" — kept in the fact's
# text, and retired with it.
_WITHOUT = (
    r"(?:no\s+(?:more\s+)?|cutting\s+(?:out\s+|back\s+on\s+|down\s+on\s+)?|"
    # "off the fry-ups", "off sugar" (not "off sick", "off to bed", "off work", "off my meds")
    r"off\s+(?!(?:to|sick|work|duty|school|uni|college|my|his|her|their|our|for|today|tonight|"
    r"tomorrow|now|home|out|meds|medication|pills|tablets|it|that|this|of|on|again|until|till|"
    r"next|early|late|the\s+(?:hook|grid|clock|radar|charts|wagon|record|table|scale|walls|"
    r"rails|mark))\b)(?:the\s+)?|"
    r"avoiding\s+|less\s+|more\s+(?!or\b)|easy\s+on\s+(?:the\s+)?|nothing\s+|"
    r"staying\s+(?:off|away\s+from)\s+(?:the\s+)?)"
    r"(?!(?:more|longer|one|way|idea|clue|worries|problem|problems|big|biggie|thanks|matter|joke|"
    r"kidding|stress|drama|complaints|regrets|rush|pressure|offence|offense|lie|cap|doubt|"
    r"choice|excuses|judgement|judgment|shame|issue|issues|bother|fuss|sweat|than|and|of|"
    r"importantly|likely|often|so|like|recently|or\s+less)\b)"
    r"[^\s,;:!?.()]+(?:\s+[^\s,;:!?.()]+)*"
)
# … one or a list of them ("no more mariscos, no more completos"), "so" before it or not
_WITHOUT_SAID = (
    r"(?P<so>so\s+)?(?P<d>" + _WITHOUT + r"(?:\s*,\s*(?:and\s+)?" + _WITHOUT + r")*)\s*[.!]?\s*"
)
# … right after the value ("gastritis, so no chilli"), or last in the clause when the value
# is said in other words ("I'm pre-diabetic, cutting sugar": prediabetes)
_GONE_WITHOUT = re.compile(r"^[^,;.!?]{0,25}?(?:\s*,\s*|\s+)" + _WITHOUT_SAID + r"(?=$|[,;])", re.I)
_LAST_WITHOUT = re.compile(r"(?:\s*,\s*|\s+(?=so\s))" + _WITHOUT_SAID + r"$", re.I)
_GONE_WITHOUT_KEYS = frozenset(("conditions", "allergies", "diet"))
# What a diet makes room for, said right after it: "vegetarian except for fish on
# Fridays", "vegan apart from honey", "vegetarian, except bacon lol" — kept in its text.
_EXCEPT = re.compile(
    r"^(?P<mark>\s*,?\s*)(?P<d>(?:except|excepting|apart\s+from|other\s+than|aside\s+from|"
    r"besides|but\s+not)\b[^,;.!?()]*)",
    re.I,
)
# … unless it is taken back: "vegan, except on weekends, no wait, always vegan".
_TAKEN_BACK = re.compile(r"\b(?:no\s+wait|actually|scratch\s+that|i\s+mean|jk)\b", re.I)
_FOR_ME = re.compile(r"\s+for\s+(?:me|us)\b.*$", re.I)
# Another name one goes by, said after one's name: "I'm Katarzyna, Kasia for short", "…,
# but everyone calls me Thandi", "…, most people call me Ani", "…, aka Bee".
_ONE_NAME = r"(?-i:[A-Z])[\w'’-]+"
_ALIAS = re.compile(
    r"^\s*,?\s*(?:but\s+|though\s+|and\s+)?(?P<a>" + _ONE_NAME + r"\s+for\s+short|"
    r"(?:everyone|everybody|people|most\s+people|friends|my\s+friends)\s+calls?\s+me\s+"
    + _ONE_NAME
    + r"|call\s+me\s+"
    + _ONE_NAME
    + r"|(?:aka|a\.k\.a\.?)\s+"
    + _ONE_NAME
    + r"|(?:I\s+)?go\s+by\s+"
    + _ONE_NAME
    + r")(?=\s*(?:$|[,.!;)]))",
    re.I,
)

# A word worth keeping: a name (capitalised, but not "I") or a number, not a day or month
# (valid_from holds those) nor an ordinal date ("the 5th").
_NAME_OR_NUMBER = re.compile(
    r"(?<![\w'’])(?!I(?:['’](?:m|ve|d|ll))?(?![\w'’]))(?-i:[A-Z])[\w'’&.-]*|"
    r"\b\d[\d,.]*\b(?!st|nd|rd|th)"
)
_TIME_WORD = re.compile(rf"^(?:{WEEKDAY_RE}|{MONTH_RE})\b", re.I)
# When a thing is done, again and again: worth keeping as a name is, though typed in
# lower case ("netball on wednesdays", "yoga every tuesday", "swimming twice a week").
_RECURRING = re.compile(
    rf"\b(?:{WEEKDAY_RE})s\b|\bevery\s+(?:{WEEKDAY_RE}|other\s+\w+)\b|"
    r"\b(?:once|twice|three\s+times|\d+\s*x)\s+(?:a|per)\s+(?:week|month)\b",
    re.I,
)
_PIECE_END = re.compile(r"\s*(?:[,;(]|\s[-–—]\s)\s*")
# A piece that opens a clause of its own, not detail of the fact: a conjunction, a person,
# a question, a verb ("our place in Hackney has mould again"), a thing that is so ("the
# commute to Pangyo is brutal"), where one came from ("moved to Leeds from London").
_OWN_CLAUSE = re.compile(
    r"^[\s,;(–—-]*(?:(?:and|but|so|because|cos|though|although|while|which|who|that|if|"
    r"when|where|what|how|why|can|could|should|would|will|do|does|did|is|are|was|were|has|"
    rf"have|had|{_I_WE}|me|my|our|he|she|he's|she's|they|it|"
    r"it's|this|that's|there|there's|here's|help|pls|please|lol|haha|omg|user|from)\b|"
    r".*\b(?:is|are|was|were|has|have|had|do|does|did)\b)",
    re.I,
)
_KIN_WORDS = "|".join(
    sorted(
        {*RELATIONS, *(w + "s" for w in RELATIONS), "parents", "folks", "kids", "lot", "in-laws"}
        | {"roomie", "missus", "hubs", "other half", "mil", "fil", "fiancé", "fiancée", "eldest"}
        | {"step-kids", "stepkids"}
    )
)
# A piece that tells of someone else ("hubby at Meta", "parents in KL", "his brother at
# Vauxhall"; not "with her partner Liam", where the partner is who one lives with) or
# speaks to the assistant ("any tips for my interview", "btw Claude you're a lifesaver").
_SOMEONE_ELSE = re.compile(
    r"^[\s,;(–—-]*(?:(?:both|my|our|his|her|their|older|younger|big|little|twin|best|the)\s+)"
    rf"{{0,2}}(?:{_KIN_WORDS})(?:['’]s)?\b|"
    r"^[\s,;(–—-]*(?:his|her|their|your|ur|you|u)\b|"
    r"^[\s,;(–—-]*(?:(?:btw|so|right|anyway|anyways|also|oh|ok|okay)\s+)*" + _ASKS + r"|"
    r"\b(?:you|you're|youre|u|ur|claude|chatgpt|gpt|pls|plz|thx|asap|cv|cover\s+letter|"
    r"essay|lesson\s+plan|homework|assignment|due|question|quick\s+q|letter|timetable|ideas|"
    r"comments|needed|incoming|in\s+advance)\b",
    re.I,
)
_SEASON = "summer|winter|spring|autumn|fall"
_TIME_UNIT = rf"week|month|year|weekend|term|semester|season|{_SEASON}|{WEEKDAY_RE}|{MONTH_RE}"
# Read in the words as said (the word lists never read a name): someone else named first
# ("Sam at PwC", "Amy's at York", "Jake commutes to York", "MIL in Skipton"), and the
# words of a time or the past people write with a capital ("on Erasmus", "over Xmas",
# "NQT year at Beech Hill", "Class of 2015").
_NAMED_FIRST = re.compile(
    r"^[\s,;(–—-]*(?:[A-Z][a-z]+(?:['’]s\s+at|\s+at|\s+(?:works|lives|studies|moved|"
    r"commutes|goes|went|started|got|says|said|thinks|reckons|told)\b)|"
    r"(?:DH|DW|DD|DS|MIL|FIL|BIL|SIL)\b)|"
    r"\b(?:Erasmus|Xmas|Christmas|Easter|NQT|RIP|Class\s+of|Q[1-4]|Claude|ChatGPT|GPT|"
    r"Gemini|Siri|Alexa)\b"
)
# A piece that leaves the fact (dropped whole): the past ("ex Barclays", "Coles before",
# "undergrad at Warwick", "Leeds 2016-2019"), a plan or a hope ("gonna transfer to Ateneo
# next sem", "hopefully head of year by September"), what holds for now only ("till we
# find something", "on secondment to PHE for 6 months", "over Christmas"), an opinion
# ("worst place in London", "basically Hogwarts"), a joke taken back ("jk"), a wish, a
# story or a game.
_ELSEWHERE = re.compile(
    r"(?<![\w'’])(?:before|prior|ex|formerly|previously|originally|orig|instead\s+of|"
    r"rather\s+than|used\s+to|back\s+in|ago|after|retired|quit|left|undergrad|grew\s+up|"
    r"born|done|finished|graduated|for\s+the\s+first|in\s+(?:19|20)\d\d|previous|prev|"
    r"former|alum\w*|grad|class\s+of|raised|by\s+birth|as\s+a\s+(?:kid|child|teen\w*)|"
    r"in\s+the\s+(?:19|20)?\d0s|\d+\s+(?:years?|yrs?)\s+(?:at|in|with)|first\s+year|nqt|"
    r"trained|rip|passed|died|behind\s+(?:me|us)|(?:19|20)\d\d\s+to\s+(?:19|20)?\d\d|"
    r"for\s+(?:\d+|most\s+of)|exams?|first(?=\W*$)|"
    rf"last\s+(?:{_TIME_UNIT}|night|time)|"
    r"hopefully|hoping|hope|planning|plan\s+to|maybe|might|gonna|going\s+to|wanna|want|"
    r"wants|tryna|trying\s+to|thinking\s+of|transfer\w*|about\s+to|fingers\s+crossed|"
    r"would\s+love|will|soon|eventually|then|tomorrow|from\s+(?:next|q[1-4])|likely|"
    r"probably|considering|applying|offer|pending|interview\w*|once|if|unless|coming|next|"
    r"one\s+day|by\s+(?:19|20)\d\d|this\s+(?:summer|autumn|fall|winter|spring)|possibly|"
    r"instead|looking\s+(?:at|for)|in\s+a\s+(?:few|couple)|by\s+the\s+end|"
    rf"(?:from|by|in)\s+the\s+(?:{_SEASON}|new\s+year)|i\s+think|i\s+guess|not\s+sure|"
    rf"(?:from|by|in|come)\s+(?:{MONTH_RE})|"
    r"till|until|til|for\s+now|for\s+the\s+time\s+being|temporar\w*|meanwhile|today|tonight|"
    r"this\s+(?:week|weekend|month|year|term|semester|sem|quarter)|next\s+(?:sem|term|semester|"
    r"quarter|week|weekend|month|year)|"
    r"for\s+(?:the\s+)?(?:next\s+)?(?:a\s+few\s+|few\s+|couple\s+(?:of\s+)?|\d+\s+)?"
    r"(?:days?|weeks?|months?|fortnight)|for\s+(?:a\s+bit|a\s+while|\w+\s+term)|"
    r"over\s+(?:the\s+)?(?:christmas|easter|summer|holidays|break)|"
    r"on\s+(?:holiday|holidays|vacation|leave|mat\s+leave|maternity\s+leave|secondment|"
    r"exchange|placement|rotation|call|strike|nights|loan)|off\s+sick|secondment|"
    r"placement|exchange|locum|covering\s+for|holiday|hols|gap\s+year|on\s+\w+\s+leave|abroad|"
    r"erasmus|atm|rn|at\s+the\s+mo|while|during\s+the\s+week|xmas|interim|acting|"
    r"standing\s+in|cover|temp|staying|airbnb|in\s+hospital|rotation|contract|\d+[\s-]+months?|"
    r"fortnight|just\s+for|"
    r"best|worst|basically|literally|aka|obv|nightmare|awful|love|loves|hate|hates|miss|"
    r"sucks|vibes|posh|lovely|brutal|grim|aint|ain't|than|capital\s+of|finest|cheapest|"
    r"favourite|favorite|evil|insane|again|killing|too|as\s+well|overworked|underpaid|"
    r"like\s+(?:every|all|any)\w*|"
    r"\d+\s+(?:kids|dogs|cats|children)|"
    rf"jk|j/k|kidding|joking|{FICTION}|wish|wished|game|games|minecraft|rather)"
    r"(?![\w'’])|['’]ll\b|"
    r"\b(?:19|20)\d\d\s*[-–/]\s*(?:19|20)?\d\d\b|"
    r"\b\w+['’]s\s+(?:a|an|the|so|too|very|really|awful|grim|great|bad|good|nice|lovely|"
    r"brutal|grand|mad|wild)\b",
    re.I,
)
# Whom one lives or works with, by who they are to the user: "(in Leeds) with my mum",
# "(at Tesco) with my sister", "with our two kids".
_WITH_WHOM = re.compile(
    rf"\bwith\s+(?:my|our)\s+(?:(?:two|three|four|older|younger|little|big|best|twin)\s+)?"
    rf"(?:{_KIN_WORDS})s?(?![\w'’])",
    re.I,
)
# Where the fact's detail ends inside a piece: the user speaking again ("with 2
# housemates, we split the bills"), what is said of someone or something else ("with
# my sister who works at Airbus"), chat's last words ("near the Botanics lol").
_STOP = re.compile(
    rf"(?<![\w'’])(?:{_I_WE}|us|user|who|who's|whose|which|that|{CHAT}|lah|shiok)(?![\w'’])",
    re.I,
)
_A_HOME = re.compile(
    r"\b(?:flat|house|apartment|room|halls?|hostel|home|live|living|lives)\b", re.I
)
_LOOSE_END = re.compile(
    r"(?:\s+(?:till|until|when|and|but|so|while|because|cos|coz|cuz|cause|bc|where|or|like|"
    r"than|from|by|near|about|then|if|just|to|as|since|that|which|who|with|for|of|in|at|on|"
    r"a|an|the|my|our))+\s*$",
    re.I,
)
# Time said at the start of a piece: the fact's valid_from has it, its text is now.
_TIME_FIRST = re.compile(
    r"^(?P<mark>[\s,;(–—-]*)(?:(?:from|since|as\s+of)\s+)?(?:now|today|tonight|yesterday|"
    r"tomorrow|"
    rf"(?:last|next|this)\s+(?:{_TIME_UNIT})|(?:in\s+)?the\s+(?:{_SEASON}))\b",
    re.I,
)

# How long a fact lasts, said as a last aside: "just for the summer", "for now".
_HOW_LONG = re.compile(
    r"^(?:just\s+|only\s+)?(?:for\s+(?:now|the\s+(?:summer|winter|spring|autumn|time\s+being|"
    r"moment)|a\s+(?:bit|while))|temporarily)$",
    re.I,
)
# How one works or studies, said in words with no name: "fully remote", "on the checkout
# team", "in the paeds ward", "2nd year", "final year", "part time", "evening classes".
_HOW_ONE_WORKS = re.compile(
    r"\b(?:team|squad|department|dept|ward|unit|desk|remote|remotely|hybrid|part[\s-]time|"
    r"full[\s-]time|online|evening\s+classes|weekday\s+classes|night\s+shifts?|"
    r"(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|final|honours|foundation)\s+"
    r"(?:year|yr)|\d+\s+level)\b",
    re.I,
)
_MARKED = re.compile(r"^\s*[,;(–—-]")
_NOW_SINCE = re.compile(r"^[\s,;(–—-]*(?:now|since|as\s+of)\b", re.I)


def detail_of(predicate: str, key: Key, said: datetime, others: frozenset[str]) -> str:
    """What ``predicate`` adds after ``key``'s value that is the fact's own, worded to
    follow its text (" for her masters at UCL", ", dosa especially"), or "". ``others``
    are the other values the clause says ("work at DBS as a UX designer": DBS for the
    job): what says one of them is that fact's."""
    value = key.value
    if key.negated or not value:
        return ""
    if key.attribute == "home" and value.split()[0] in NEAR and value not in predicate:
        value = value.split(" ", 1)[-1]  # "near Slottsskogen", said "a walk from Slottsskogen"
    found = _said(predicate, value)  # "supervising intern" is not said in "… interns"
    without = None
    glossed = _GLOSS.match(predicate[found:]) if found is not None else None
    if key.attribute in _GONE_WITHOUT_KEYS and glossed is None:
        # (a value said in other words — "pre-diabetic", "cholesterol's high" — has what
        # is gone without last in the clause)
        without = (
            _GONE_WITHOUT.match(predicate[found:])
            if found is not None
            else _LAST_WITHOUT.search(predicate)
        )
    if without is not None:
        # "so no lobster rolls for me ever": what is gone without, not whom it is for
        so = "so " if without.group("so") else ""
        return ", " + so + third_person(_FOR_ME.sub("", without.group("d")))
    after = predicate[found:] if found is not None else _after_word_of(predicate, value)
    if after is None:
        return ""
    but = _EXCEPT.match(after) if key.attribute == "diet" else None
    if but is not None and not _TAKEN_BACK.search(after[but.end() :]):
        stop = _STOP.search(_named(but.group("d")))  # "except bacon lol": not the laugh
        if stop is not None and stop.group().lower() in ("who", "which", "that", "whose"):
            return ""  # "except for my partner who isn't": what is said of them is theirs
        made_room = _LOOSE_END.sub("", but.group("d")[: stop.start() if stop else None])
        if len(made_room.split()) > 1:
            return ("," if "," in but.group("mark") else "") + " " + third_person(made_room)
    gloss = _GLOSS.match(after) if found is not None else None
    if gloss is not None:
        inside = gloss.group("g")[1:-1]
        if _not_the_facts(inside, others) or _leaves(inside) or _STOP.search(_named(inside)):
            return ""  # "(was a midwife till 2022)", "(for now lol)", "(can u help w my CV)"
        without = (
            _GONE_WITHOUT.match(after[gloss.end() :])
            if key.attribute in _GONE_WITHOUT_KEYS
            else None
        )  # "peanuts (anaphylactic), so no satay": the gloss, then what one goes without
        tail = f", {without.group('so') or ''}{third_person(without.group('d'))}" if without else ""
        return " " + gloss.group("g") + tail  # "(ro is fine)": a gloss may be a clause
    alias = _ALIAS.match(after) if key.attribute == "name" and found is not None else None
    if alias is not None:
        return ", " + third_person(alias.group("a"))  # "…, Kasia for short": called so too
    to_whom = _TO_WHOM.match(after) if key.attribute == "relationship" else None
    if to_whom is not None and found is not None:
        return f" {to_whom.group('how')} {to_whom.group('who')}"  # "married to Arjun"
    work = key.attribute in WORK_ATTRIBUTES
    place = _WORK_PLACE.match(after) if found is not None and work else None
    if place is not None:
        return " in " + place.group("p")  # "a nurse over in Perth": where the work is
    rest = _rest(after, value, others, key.attribute) if key.attribute in _KEPT else ""
    if rest or found is None or key.attribute not in _ASIDE_KEYS:
        return rest
    aside = _ASIDE.match(after)
    words = aside.group("d") if aside is not None else ""
    if _HOW_LONG.match(words) and not (expiry(words, said) or lasts(words, said)):
        return ", " + words  # "at Zara, just for the summer": how long, as said (not read)
    if not words or subject_of(words) or _not_the_facts(words, others) or _elsewhere(words):
        return ""
    if _STOP.search(_named(words)):  # an aside is kept whole or not at all
        return ""
    if _TIME_WORDS.match(words) or _REQUEST.match(words):
        return ""
    ends = expiry(words, said) or lasts(words, said)
    if ends and ONLY_A_TIME.match(words):  # "at Dishoom, but only until the 30th"
        return ""
    return ", " + third_person(words)


def _rest(after: str, value: str, others: frozenset[str], attribute: str) -> str:
    """The pieces after the value that are the fact's own, up to the last that names
    something (a place, a school, a number), when it is done again and again ("on
    wednesdays") or how one works or studies there (a team, a ward, a year of a course,
    remote, part time): " for her masters at UCL"."""
    known = content_of(value)
    kept: list[str] = []
    end = 0
    for piece in _pieces(after):
        if not _MARKED.match(piece):  # "tech lead from today, hybrid…": the fact's own time
            piece = _TIME_FIRST.sub(r"\g<mark>", piece)
        elif _TIME_FIRST.match(piece) and not _NOW_SINCE.match(piece):
            break  # "at Oakwood, last year at Beech Hill": another time's
        if _not_the_facts(piece, others) or _elsewhere(piece):
            break
        if attribute != "home" and _A_HOME.search(piece):
            break  # "study at Leeds, flat on Hyde Park Road": the home's, not the school's
        stop = _STOP.search(_named(piece))  # not "US tax team", "Tulsa, OK"
        if stop is not None:
            piece = _LOOSE_END.sub("", piece[: stop.start()])
        kept.append(piece)
        if (
            any(w.lower() not in known for w in _names(piece))
            or _RECURRING.search(piece)
            or _HOW_ONE_WORKS.search(piece)
            or _WITH_WHOM.search(piece)
        ):
            end = len(kept)
        if stop is not None:
            break
    detail = "".join(kept[:end]).rstrip(" ,;(-–—").lstrip()
    if detail.count("(") > detail.count(")"):
        detail = detail[: detail.rindex("(")].rstrip(" ,;")  # "(backend, Go mostly" unclosed
    if not detail:
        return ""
    return ("" if detail[0] in ",;" else " ") + third_person(detail)


def _not_the_facts(piece: str, others: frozenset[str]) -> bool:
    """Whether ``piece`` denies or asks, or says another fact's value."""
    return bool(NEGATION.search(piece.lower()) or "?" in piece or content_of(piece) & others)


def _said(clause: str, words: str) -> Optional[int]:
    """Where ``clause`` first says ``words`` as words (not inside a longer one), a
    possessive after them taken in ("St Thomas'", "Guy's"): the end of the saying. Found
    without a pattern made per value (each would be compiled anew)."""
    low, wanted = clause.lower(), words.lower()
    if len(low) != len(clause):  # a letter whose lower case is longer ("İ")
        found = re.search(rf"(?<![\w'’]){re.escape(words)}(?:['’]s?)?(?!\w)", clause, re.I)
        return found.end() if found else None
    at = low.find(wanted)
    while at >= 0:
        if at == 0 or not _word_char(low[at - 1], apostrophe=True):
            end = at + len(wanted)
            for tail in ("'s", "’s", "'", "’", ""):
                if low.startswith(tail, end) and (
                    end + len(tail) == len(low) or not _word_char(low[end + len(tail)])
                ):
                    return end + len(tail)
        at = low.find(wanted, at + 1)
    return None


def _word_char(char: str, apostrophe: bool = False) -> bool:
    return char.isalnum() or char == "_" or (apostrophe and char in "'’")


def _after_word_of(clause: str, value: str) -> Optional[str]:
    """The clause after the last word of ``value`` it says (its first saying), or None:
    "teaches primary school in Ballarat" for "primary school teacher"."""
    for word in reversed(_words(value)):
        end = _said(clause, word)
        if end is not None:
            return clause[end:]
    return None


def _elsewhere(words: str) -> bool:
    """Whether ``words`` open a clause of their own or leave the fact (``_leaves``)."""
    return _own_clause(_named(words)) or _leaves(words)


def _leaves(words: str) -> bool:
    """Whether ``words`` tell of someone else, speak to the assistant, or leave the fact:
    "at Uber, back in 2015 I was at Lyft". Names are no words of the lists: "Hope
    Street", "Best Western", "Twin Cities", "Teach First"."""
    plain = _named(words)
    return bool(
        _SOMEONE_ELSE.search(plain)
        or _ELSEWHERE.search(plain)
        or _NAMED_FIRST.search(words)
        or _told(plain)
    )


_NAME = re.compile(r"(?<![\w'’])(?!I(?:['’](?:m|ve|d|ll))?(?![\w'’]))[A-Z][\w'’&.-]*")


def _named(text: str) -> str:
    """``text`` with each name (a capitalised word but "I", a day or a month) blanked to
    as many Zs, so the word lists never read a name and a match's place is its place in
    ``text``."""
    return _NAME.sub(_blank, text)


def _blank(name: re.Match[str]) -> str:
    word = name.group()
    return word if _TIME_WORD.match(word) else "Z" * len(word)


def _own_clause(piece: str) -> bool:
    """Whether ``piece`` opens a clause of its own (``_OWN_CLAUSE``), tells what was done
    ("went self-employed, hated it, back at Tesco now") or what else one does."""
    if _OWN_CLAUSE.match(piece):
        return True
    first = re.match(r"[\s,;(–—-]*([^\W\d_]+)", piece)
    word = first.group(1).lower() if first else ""
    if not _TAKEN.match(piece[first.end() :] if first else ""):
        return False  # "call centre", "shared house": a noun's word, not a verb
    past = word in PAST_IRREGULAR and word != "been"  # "…, been here 6 years now"
    # a verb as said of oneself, a fact of its own: "I live in London, work at Google"
    return past or word in COMMON_VERBS or (word.endswith("ed") and word not in _WHERE_PLACED)


# What follows a verb: "work at", "hated it", "study part-time at", "trained as".
_TAKEN = re.compile(
    r"\s+(?:at|in|for|on|with|from|to|as|the|a|an|my|our|his|her|their|it|them|him|me|us|"
    r"some|all|part-time|full-time|remotely|here|there|there's|out|up|back|over)\b",
    re.I,
)


# Past participles that say where, not what was done: "…, based in Zurich".
_WHERE_PLACED = frozenset(("based", "located", "situated", "stationed", "posted", "placed"))
# … or what a thing is: "a shared house", "a shop called Bloom", "chartered accountant".
_WHAT_IT_IS = _WHERE_PLACED | frozenset(
    (
        "shared", "detached", "terraced", "serviced", "furnished", "unfurnished", "called",
        "named", "chartered", "qualified", "registered", "employed", "self-employed",
        "skilled", "licensed", "certified", "limited", "dedicated", "listed", "converted",
        "gated", "renovated", "red", "bed", "need", "needed", "speed", "seed", "feed",
    )
)  # fmt: skip


def _told(piece: str) -> bool:
    """Whether ``piece`` tells what happened after its first word: "Christmas rush
    started", "Storm Babet flooded Otley Road", "Dubai visa came through"."""
    said = re.findall(r"(?<![\w'’-])[\w'’-]+", piece)[1:]
    return any(
        (w in PAST_IRREGULAR and w != "been") or (w.endswith("ed") and w not in _WHAT_IT_IS)
        for w in said
        if w.islower()
    )


def _pieces(text: str) -> list[str]:
    """``text`` cut before each comma, semicolon, bracket or dash, each piece keeping its
    leading mark."""
    cuts = [m.start() for m in _PIECE_END.finditer(text) if m.start() > 0]
    bounds = [0, *cuts, len(text)]
    return [text[a:b] for a, b in zip(bounds, bounds[1:]) if text[a:b].strip(" ,;")]


def _names(piece: str) -> list[str]:
    """The names and numbers ``piece`` says, days and months left out."""
    return [w for w in _NAME_OR_NUMBER.findall(" " + piece) if not _TIME_WORD.match(w)]


def _words(text: str) -> list[str]:
    """The words of ``text`` that say something (not "a", "the", "in"), in order."""
    return [w for w in re.findall(r"[^\W_][\w'’-]*", text) if w.lower() not in STOP_WORDS]


def content_of(text: str) -> frozenset[str]:
    """The words of ``text`` that say something, lower case."""
    return frozenset(p for w in _words(text) for p in w.lower().split("-") if p)
