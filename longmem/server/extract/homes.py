"""Homes read across a message: a home said by its noun and where it is ("flat in vračar,
5th floor no elevator lol", "Moved to Edinburgh! flat in Leith"), and the one city another
clause says the user is in, said beside the home ("User lives in Brunswick, Melbourne"),
and a new home named in passing in a question or a request ("what's a good gym near my new
flat in Leith?").

The rules' reading (``pipeline.py``) asks ``home_by_noun`` of each clause before reading
it, and ``home_in_passing`` and ``city_beside`` of the message's facts at the end.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime
from typing import Optional

from ..facts import FACT, USER, ExtractedFact
from .detail import detail_of
from .keys import Key
from .lexicon import MONTH_NAMES, SUBJECT, WEEKDAYS
from .places import place_rest, places_in
from .subjects import NOBODY, parse_subject
from .third_person import finish, indefinite_article

# A city one is in now, said beside a home in it: "I'm in Melbourne now!! got a little
# place in Brunswick", "officially a Hobart girl now! … we're in Sandy Bay", "first week
# in Lisboa done. our flat in Arroios…", "Just moved to Edinburgh. Got a flat in Leith".
# Not a city one works, studies, was born or stays in for now ("I work in London but
# just moved into a flat in Reading", "I'm in London until Friday").
_CITY = r"(?P<city>(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+){0,2})"
_CITY_NOW = tuple(
    re.compile(pattern, re.I)
    for pattern in (
        r"(?:^|\b(?:so|and|but|now)\s+)(?:i'm|im|i\s+am|we're|we\s+are|estamos|estoy)\s+"
        r"(?:(?:now|finally|officially|here)\s+)?(?:in|en|em|based\s+in)\s+"
        + _CITY
        + r"(?=\s*(?:$|[!.,;—–-]|now\b|for\s+good\b|at\s+last\b))",
        r"(?:^|\b(?:just|finally)\s+)(?:landed|arrived|settled)\s+in\s+"
        + _CITY
        + r"(?=\s*(?:$|[!.,;—–-]))",
        r"(?:^|\b(?:just|finally)\s+)(?:moved|relocated|made\s+it)\s+to\s+"
        + _CITY
        + r"(?=\s*(?:$|[!.,;—–-]))",
        r"^first\s+(?:day|week|month|night)s?\s+in\s+" + _CITY + r"\s+(?:done|down|complete)",
        r"^(?:officially\s+)?(?:a|an)\s+"
        + _CITY
        + r"\s+(?:girl|boy|lad|lass|gal|guy|local|resident)\s+now",
    )
)


def city_beside(facts: list[ExtractedFact]) -> list[ExtractedFact]:
    """The user's new home, with the one city another clause of the same message says
    the user is in ("User lives in Brunswick, Melbourne"); the home said as that city
    alone gives way to it."""
    homes = [
        i
        for i, f in enumerate(facts)
        if f.subject == USER and f.attribute == "home" and f.value and not f.negated
    ]
    if not homes:
        return facts
    home = facts[homes[-1]]
    value = home.value or ""
    cities: list[str] = []
    for fact in facts:
        said = fact.statement
        if fact.negated or not said or fact.attribute == "location":
            continue  # "I no longer live in Boston, …", "I'm in London until Friday"
        found = [m for pattern in _CITY_NOW for m in pattern.finditer(said)]
        if not found or parse_subject(said, None).subject.key not in (USER, NOBODY.key):
            continue  # none, or "my sister just moved to Leeds": hers
        for match in found:
            city = match.group("city")
            if place_rest(city) != "":
                continue  # not a place, or more than one ("Sandy Bay" is no Sandy)
            if city.lower() not in value.lower() and city not in cities:
                cities.append(city)
    if len(cities) != 1:
        return facts  # none, or two ("moved to Leeds in the end, not York")
    city = cities[0]
    at = home.text.find(value)
    if at < 0 or home.valid_from is not None:
        return facts
    end = at + len(value)
    text = f"{home.text[:end]}, {city}{home.text[end:]}"
    merged = replace(home, text=text)
    return [
        merged if f is home else f
        for i, f in enumerate(facts)
        if not (i in homes and f is not home and f.value and f.value.lower() == city.lower())
    ]


# A home said by its noun and where it is, the clause's all: "flat in vračar", "condo in
# Bukit Timah, bigger kitchen finally", "our new flat in Leith!!", "his place in Malasaña",
# "keys to the new flat in Brighton today".
# Nouns of a home one lives in ("cottage", "room", a bare "studio" are as often a stay or
# work).
_HOME_NOUNS = (
    r"(?:flat|apartment|apt|condo|house|townhouse|maisonette|bedsit|bedsitter|rental|loft|semi|compound|"
    r"new[- ]build|house\s*share|flat\s*share|(?:(?:\d|one|two|three|four|five)[- ]room\s+)?"
    r"(?:hdb|bto)(?:\s+flat)?|self[- ]contain|place|\d\s?br|\d\s?bhk(?:\s+(?:flat|apartment))?|"
    r"(?:\d|one|two|three|four)[- ]?bed(?:room)?(?:\s+(?:flat|house|apartment|condo))?)"
)
_HOME_BY_NOUN = re.compile(
    r"^(?P<keys>(?:the\s+)?keys\s+to\s+)?(?:(?P<whose>his|her|their|[\w-]+'s?|my|our|the|a|an)\s+)?"
    r"(?P<home>(?:(?:new|own|little|tiny|small|big|lovely|cute|cosy|cozy|rented|shared|wee|"
    r"basement|terrace|terraced|semi-detached|detached|studio|council|top[- ]floor|"
    r"ground[- ]floor)\s+){0,3}" + _HOME_NOUNS + r")"
    r"\s+(?P<at>in|on)\s+(?P<v>[^,;:!?()]+?)"
    r"(?:\s+(?:lol|haha|now|finally|at last|it is|lah|leh|sia|mate|yay|innit|omg|wow|ngl|tbh|"
    r"today))*"
    r"\s*(?:[!.]+\s*)?"
    r"(?:,\s*(?P<rest>.*))?$",
    re.I,
)
# … or, after the user's move that named no place, where it is alone: "Bought a place!!
# Right on the Huon River", "we got the keys! right by Victoria Park".
_WHERE_ALONE = re.compile(
    r"^(?P<whose>)(?P<home>)(?:(?:right|just|down|up|out)\s+)?(?P<at>in|on|by|near)\s+"
    r"(?P<the>the\s+)?(?P<v>(?-i:[A-Z])[^,;:!?()]*?)"
    r"(?:\s+(?:lol|haha|now|finally|at last|yay|omg))*\s*(?:[!.]+\s*)?(?:,\s*(?P<rest>.*))?$",
    re.I,
)
# Any home said by its noun and where it is: two in a message are a search or a list.
_A_HOME_NOUN = re.compile(r"\b" + _HOME_NOUNS + r"\s+(?:in|on)\b", re.I)
# A move or a purchase of a home that names no place, the user's, said before where the
# home is: "moved in with Lucas", "Kenji and I moved in together", "we got the keys!",
# "just moved", "signed the lease" (not "Tom got the keys", "never moved in with Lucas",
# "we moved to Leeds"). (Each word of the run before the verb once: "have finally" listed as
# well made a run of it readable two ways a time, and a failing one exponential.)
_MOVED_NOWHERE = re.compile(
    r"^(?:(?:i|we|(?:me|[\w-]+)\s+and\s+(?:i|me)|(?:i|me)\s+and\s+[\w-]+)\s+)?"
    r"(?:(?:just|finally|officially|have|'ve|now|also)\s+)*"
    r"(?:moved\s+in\s+(?:together|with\s+[\w' -]{1,30})|moved(?:\s+(?:house|flat|in))?|"
    r"signed\s+the\s+lease|(?:bought|got|found|rented)\s+(?:a|our|my)\s+(?:(?:first|own|new)\s+)*"
    r"(?:place|house|flat|home|condo|apartment)|got\s+the\s+keys|moving\s+(?:is\s+)?done)"
    r"(?:\s+(?:together|finally|at\s+last|last\s+\w+|this\s+\w+|yesterday|today|on\s+\w+|lol|"
    r"yay))*\s*[!.]*$",
    re.I,
)
# What makes a home said so none, anywhere in the message: a question, a search, a listing
# or a site of them ("viewed a flat in Leith", "Flat on Rightmove"), a home not lived in yet
# ("moving in on Saturday", "keys on Friday", "in escrow"), a home lost or never had
# ("fell through", "passed", "not yet"), a hope, a stay, or a joke.
_NOT_HOME_ANYWHERE = re.compile(
    r"\?|\b(?:view(?:ing|ed|s)?|look(?:ing|ed)?\s+at|saw|for\s+(?:sale|rent)|to\s+(?:rent|let)|"
    r"listings?|listed|on\s+the\s+market|rightmove|zoopla|zillow|gumtree|craigslist|spareroom|"
    r"openrent|marketplace|trulia|redfin|domain|propertyguru|"
    r"moving\s+in|move\s+in|keys\s+(?:on|next|in|tomorrow|soon)|escrow|closing|completion|"
    r"complete\s+on|exchange|tomorrow|soon|next\s+(?:week|month|year)|"
    r"fell\s+through|fall\s+through|no\s+luck|rejected|turned\s+down|passed|not\s+yet|"
    r"didn't\s+get|did\s+not\s+get|kidding|jk|"
    r"hoping|hopefully|fingers\s+crossed|someday|one\s+day|dream|"
    r"airbnb|hotel|hostel|holiday|vacation|trip|for\s+(?:a\s+bit|now|a\s+while)|temporarily)\b",
    re.I,
)
# … and in the home's own clause: a price, a doubt, the past, a while, a second home, or
# whose it is ("my parents'", "a friend's").
_NOT_HOME_HERE = re.compile(
    r"[£$€]|\b(?:pcm|per\s+month|a\s+month|pw|deposit|budget|offers?|maybe|might|if|would|"
    r"could|used\s+to|old|first|back\s+then|ago|years?|memories|loved|missed|miss|gone|sold|"
    r"lost|not|never|every|most|summers?|winters?|rent\s+it\s+out|let\s+it\s+out|down\s+there|"
    r"second|visit(?:ing)?|staying|stay|parents?|mum|mom|dad|friend|ex|"
    r"(?:for|this|the|a|tonight|per)\s+(?:week(?:end)?|night|fortnight)|weekly|nightly)\b",
    re.I,
)
# Whose else a home said so is, outside its own words: "flat in Leith, my brother's",
# "house in Headingley — my son's student house", "new flat in Leith for my daughter".
_SOMEONE_ELSES = re.compile(
    r"\b(?:my|our|his|her|their)\s+(?:[\w-]+\s+)?[\w-]+(?:'s|s')(?!\w)|"
    r"\bfor\s+(?:my|our|his|her|their)\b",
    re.I,
)
# Words inside a place's name: "Stratford upon Avon", "Port of Spain".
_IN_PLACE_NAMES = frozenset(("of", "de", "la", "le", "del", "da", "do", "upon", "on", "am", "an"))
# Where a home is that names no place ("flat in town", "Flat in Zone 2", "Flat in Halls").
_NO_PLACE_WORDS = frozenset(
    (
        *("town", "city", "centre", "center", "halls", "campus", "suburbs", "suburb"),
        *("block", "area", "zone", "building", "village", "countryside", "country"),
        *("estate", "complex", "street", "road", "basement", "uni", "university"),
        *("college", "suburbia", "downtown", "uptown", "midtown", "the"),
    )
)


def home_by_noun(
    clause: str,
    content: str,
    first: bool,
    facts: list[ExtractedFact],
    since: int,
    said: datetime,
) -> Optional[tuple[ExtractedFact, str]]:
    """The user's home, when ``clause`` is only a home's noun and where it is, said as the
    message's first words ("flat in vračar, 5th floor no elevator lol"), right after the
    user's move or purchase of a home that named no place (``facts[since:]``, those of the
    clause before, or the clause's own words before a comma: "moved in with Lucas, his
    place in Malasaña"), or right after a move to its town ("Moved to Edinburgh! flat in
    Leith", which ``city_beside`` words "… Leith, Edinburgh"); with what of the clause
    is left to read (the move, or what follows the place and is not its detail: "…,
    started at Skyscanner today"). None for anything else."""
    move, comma, said_so = clause.partition(", ")
    noun, alone = _HOME_BY_NOUN.match(clause), _WHERE_ALONE.match(clause)
    noun_after = _HOME_BY_NOUN.match(said_so) if comma else None
    after = noun_after or (_WHERE_ALONE.match(said_so) if comma else None)
    if not (noun or alone or after):
        return None  # (first, so the message is read whole only for such a clause)
    if _NOT_HOME_ANYWHERE.search(content) or len(_A_HOME_NOUN.findall(content)) > 1:
        return None  # "flat in Leith, flat in Gorgie, house in Portobello": a search
    before = facts[since:]
    town = None
    match: Optional[re.Match[str]]
    told = [f.statement for f in before if _MOVED_NOWHERE.match(f.statement)]
    if after and _MOVED_NOWHERE.match(move):
        # "moved in with Lucas, his place in …"
        clause, left, moved, match = said_so, move, True, after
        told.append(move)
    else:
        left = ""
        # (a move that ends the home held, "just moved house", names no new one)
        moved = bool(told) and not any(f.attribute == "home" and f.value for f in before)
        moved = moved and any(f.subject == USER for f in before if f.statement in told)
        homes = [f for f in before if f.attribute == "home" and f.subject == USER]
        if len(homes) == 1 and not homes[0].negated and homes[0].value:
            town = homes[0].value  # "Moved to Edinburgh! flat in Leith"
        match = noun or (alone if moved else None)
    if match is None or _NOT_HOME_HERE.search(clause):
        return None
    rest = match.group("rest") or ""
    if _SOMEONE_ELSES.search(content.replace(clause, " ")) or _SOMEONE_ELSES.search(rest):
        return None  # "flat in Leith, my brother's"
    whose = (match.group("whose") or "").lower()
    moved = moved or bool(match.groupdict().get("keys"))  # "keys to the new flat in …"
    if not (moved or town) and (not first or whose not in ("", "my", "our")):
        return None  # "Tom's flat in Leeds", "the flat in Leith": one spoken of
    if match.group("home").lower().endswith("place") and not moved:
        return None  # "place in Cornwall, lovely views": a stay as often
    at = match.group("at").lower()
    value = _place_of_home(match.group("v").strip(), at)
    if value is not None and not match.group("home") and not _a_place_alone(value):
        return None  # "just moved — on Monday", "in The End lol", "on Cloud Nine"
    if value is not None and not match.group("home"):
        # where alone: "on the Huon River", "near Victoria Park" (as a home near somewhere)
        the = match.group("the") or "" if at != "in" else ""
        value = value if at == "in" else f"{'on' if at == 'on' else 'near'} {the}{value}"
    if value is None:
        return None  # "house on fire", "flat in chaos", "Flat in Town"
    if town is not None and (place_rest(value) is not None or value.casefold() == town.casefold()):
        return None  # "Moved to Leeds! house in York": two homes said, none read
    if town is None and rest and place_rest(rest.strip(" .!")) == "":
        value, rest = f"{value}, {rest.strip(' .!')}", ""  # "flat in Leith, Edinburgh"
    text = f"{SUBJECT} lives {'' if value.startswith(('on ', 'near ')) else 'in '}{value}"
    if match.group("home") and whose in ("", "my", "our", "a", "the"):
        # the home as said: "User lives in a condo in Bukit Timah", "… a flat on Leith Walk"
        home = re.sub(
            r"(?i)\b(hdb|bto|br|bhk)\b", lambda m: m.group(1).upper(), match.group("home")
        )
        home = home[:1].lower() + home[1:] if home[1:2].islower() else home
        home = re.sub(r"(?i)^own\s+", "", home)  # "our own place": theirs, said as "a place"
        at = match.group("at").lower()
        text = f"{SUBJECT} lives in {indefinite_article(home)} {home} {at} {value}"
    key = Key("home", value, False, FACT)
    detail = detail_of(clause, key, said, frozenset()) if rest else ""
    if rest and not detail:
        left = f"{left}, {rest}" if left else rest  # "…, started at Skyscanner today"
    # a part of town no list names, the town unsaid: in the town held (the server's); the
    # move's words name a person, not a town ("moved in with Lucas")
    in_town = not _names_a_town(content, value, told)
    fact = ExtractedFact(
        finish(text + detail), statement=clause, attribute="home", value=value, in_town=in_town
    )
    return fact, left


def _place_of_home(value: str, at: str) -> Optional[str]:
    """Where a home is, as said after its noun, if it names a place: words in capitals
    ("Bukit Timah", "Leith Walk", "Port of Spain"), a place the list knows, or one word in
    lower case with a letter beyond a–z ("vračar"); not "fire", "chaos", "Town", "Zone 2"."""
    words = value.split()
    if not words or len(words) > 4 or words[0].casefold() in _NO_PLACE_WORDS:
        return None
    named = words[0][:1].isupper() and all(
        w[:1].isupper() or w.isdigit() or w in _IN_PLACE_NAMES for w in words
    )
    lower = at == "in" and len(words) == 1 and not value.isascii() and value.isalpha()
    return value if named or lower or place_rest(value) == "" else None


# The last word of a name of a place said alone ("the Huon River", "Victoria Park").
_PLACE_KINDS = frozenset(
    (
        *("street", "st", "road", "rd", "avenue", "ave", "lane", "park", "river", "lake"),
        *("beach", "bay", "hill", "hills", "heights", "square", "quay", "quays", "green"),
        *("common", "harbour", "harbor", "village", "estate", "marina", "gardens", "walk"),
        *("row", "crescent", "close", "drive", "way", "terrace", "shore", "coast", "creek"),
        *("canal", "valley", "side"),
    )
)


def _a_place_alone(value: str) -> bool:
    """Whether a where said alone after a move names a place: one the list knows, a name
    ending in a word of places ("Huon River", "Leith Walk"), or one other name that is no
    day, month or season ("Leith"); not "Monday", "March", "Christmas Eve", "Cloud Nine"."""
    words = value.split()
    if words[0].lower() in _NOT_A_PLACE_ALONE:
        return False  # ("March" is a town too)
    return place_rest(value) == "" or words[-1].lower() in _PLACE_KINDS or len(words) == 1


_NOT_A_PLACE_ALONE = frozenset(
    (
        *(m.lower() for m in MONTH_NAMES),
        *WEEKDAYS,
        "christmas",
        "easter",
        "ramadan",
        "diwali",
        "eid",
        "summer",
        "winter",
        "spring",
        "autumn",
        "fall",
        "end",
        "time",
        "heaven",
        "style",
        "love",
        "business",
        "order",
        "top",
        "bottom",
        "front",
        "back",
        "bed",
        "there",
    )
)


def _names_a_town(content: str, value: str, besides: list[str]) -> bool:
    """Whether ``content`` names a place the list knows besides ``value`` and outside the
    words ``besides`` ("flat in Leith, Edinburgh is freezing"): then the home's town is
    not the one held before."""
    for piece in besides:
        content = content.replace(piece, " ")
    return any(place not in value for place in places_in(content))


# The user's new home named in passing, in a question or a request: "what's a good gym
# near my new flat in Leith?", "help me plan the commute from my new place in leith to the
# office". Only a new one: "my flat in Spain" may be a second home, "our house in Cork"
# the family's.
_MY_NEW_HOME_IN = re.compile(
    r"\b(?:my|our)\s+new\s+(?:flat|house|place|apartment|apt|home|condo|studio)\s+in\s+"
    r"(?P<v>[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*){0,2})",
    re.I,
)


def home_in_passing(content: str, facts: list[ExtractedFact]) -> list[ExtractedFact]:
    """``facts``, with the user's new home a question or request names in passing when
    nothing else the message says keys where the user lives or is."""
    if any(f.subject == USER and f.attribute in ("home", "location") for f in facts):
        return facts
    for match in _MY_NEW_HOME_IN.finditer(content):
        said = match.group("v")
        rest = place_rest(said)
        if rest is not None:
            place = said[: len(said) - len(rest)].strip() if rest else said
        else:
            capitalised = re.match(r"(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+)*", said)
            if capitalised is None:
                continue  # "my new place in the middle of nowhere"
            place = capitalised.group(0)
        statement = match.string[match.start() : match.start("v") + len(place)]
        text = f"User lives in {place}"
        return [*facts, ExtractedFact(text, FACT, statement, USER, "home", place)]
    return facts
