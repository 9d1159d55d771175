"""What the rows of RULES (rules.py) about the rest of the user's life are built from: age,
name, family, food and drink, pets, likes and school (the health rows' pieces are
health.py's). Ages in words and in other languages (``NUMBER_WORDS``; ``SMALL_VALUES`` and
``TENS_VALUES`` read them as digits), the drinks (``DRINKS``) and how one is had, diets and
a diet ended (``DIETS``, ``DIET_ENDED``), an allergy said as what cannot be eaten
(``CANNOT_EAT``, ``MY_ALLERGY``), a birth and the baby's name (``BORN_A``, ``BABYS_NAME``,
``A_CHILDS_NAME``), a year of study at a school, a pet by its name as a clause opens
(``named_pet``, ``pet_opening``), a favourite spelled two ways (``SPELLED_US``), a partner
named as one no more (``NO_LONGER_MY_PARTNER``), what is no name after "go by", the end of
a pastime's words, a language learned, and whom a drink is had with.
"""

# ruff: noqa: E501, SIM905  (patterns and word lists read as text)
from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Optional

from .kin import GIVEN_NAME, REL
from .lexicon import ADV, DATE_WORDS, NOT_A_NAME_WORD, PET_KIND, PET_THINGS

# Ages in words: "two" … "ninety-nine" ("thirty five", "thirty-five").
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
# A grown-up's age in words ("thirty-five"): alone, a smaller number is as likely a count
# ("fifteen now, she's growing so fast").
GROWN_AGE_WORDS = r"(?:(?:" + _TENS + r")(?:[\s-](?:" + _UNITS + r"))?)"
NUMBER_WORDS = r"(?:" + GROWN_AGE_WORDS + r"|" + _TEENS + r"|" + _UNITS + r")"
# … as numbers: "one" … "nineteen", and the tens.
SMALL_VALUES = {word: n for n, word in enumerate(f"{_UNITS}|{_TEENS}".split("|"), start=1)}
TENS_VALUES = {word: 10 * n for n, word in enumerate(_TENS.split("|"), start=2)}
# Ages in other languages (the age rules): "today", "I turn / am", a unit of years, "became".
TODAY_WORDS = (
    r"(?:today|hoy|hoje|aujourd'hui|heute|vandaag|vandag|oggi|idag|i\s+dag|dzisiaj|bugün|"
    r"hari\s+ini|ngayon|aaj|今日|今天|오늘)"
)
I_TURN = (
    r"(?:cumplo|cumplí|cumpli|cumpro|completo|completei|completé|fa[çc]o|fiz|tengo|tenho|j'ai|"
    r"j’ai|ho|compio|ho\s+compiuto|fyller|fylte|fyllde|word|werd|ben|bin|werde|wurde|kończę|"
    r"skończyłem|skończyłam)"
)
AGE_UNIT = r"(?:años|anos|ans|anni|jahre|jaar|år|lat|let|лет|yaş\w*|tahun|saal|साल|歳|岁|살)"
BECAME = r"(?:geworden|gamla?|na\s+ako|(?:saal\s+)?ka\s+ho\s+gaya|(?:saal\s+)?ki\s+ho\s+gayi)"
# … and a number said with the weather is a temperature: "40 today in Phoenix, brutal heat"
# (not "40 today, hot flushes already lol", "30 today, feeling the heat")
# … nor a weight lifted, a rank or a place in a queue, a count of steps, an anniversary.
NOT_A_COUNT = (
    r"(?![^.!?]*\b(?:kg|kgs|lbs?|reps?|squats?|deadlifts?|bench|pb|personal\s+best|rankings?|"
    r"ratings?|rated|waitlist|waiting\s+list|queue|leaderboard|steps|anniversary)\b)"
)
NOT_WEATHER = (
    r"(?![^.!?]*(?:°|\b(?:degrees?|heatwave|humid|humidity|sweltering|scorch\w*|in\s+the\s+shade|"
    r"celsius|fahrenheit|weather|temps?|temperature|brutal\s+heat|so\s+hot|sunny|raining|"
    r"too\s+(?:hot|cold)|hot\s+out|hotter|heat\s+is|this\s+heat|sunshine|freezing|"
    r"boiling)\b))" + NOT_A_COUNT
)

DRINKS = tuple(
    drink.strip()
    for drink in """coffee, tea, green tea, black tea, herbal tea, mint tea, matcha, espresso,
    latte, lattes, cappuccino, flat white, beer, wine, red wine, white wine, water,
    sparkling water, juice, orange juice, soda, cola, coke, kombucha, smoothies, smoothie,
    milk, oat milk, decaf, chai, yerba mate, whisky, whiskey, hot chocolate, alcohol, booze,
    caffeine, rooibos, oolong, jasmine tea, bubble tea, iced tea, sencha, hojicha, lemonade,
    dr pepper, pepsi, diet coke, red bull, energy drinks, fizzy drinks, soft drinks,
    alcohol-free beer, alcohol free beer, non-alcoholic beer, alcohol-free wine,
    non-alcoholic wine, alcohol-free, decaf coffee, soy milk, almond milk, coconut water,
    kefir, hibiscus tea""".split(",")
)


def _any_of(phrases: Iterable[str]) -> str:
    """A pattern of any one of ``phrases``, the longest tried first."""
    return "(?:" + "|".join(sorted(map(re.escape, phrases), key=len, reverse=True)) + ")"


DRINK = _any_of(DRINKS)
# A child born, as said: "had a baby boy", "welcomed a little girl", "gave birth to a son",
# "had her baby, a boy", each maybe with when ("had a baby girl last night")
# (``kind``: what was born).
_BORN_WHEN = (
    r"(?:\s+(?:last\s+night|yesterday|this\s+morning|today|on\s+[a-z]+day|"
    r"(?:at|over)\s+the\s+weekend))?"
)
BORN_A = (
    r"\b(?:(?:had|welcomed|has\s+had|gave\s+birth\s+to)\s+(?:a\s+)?|"
    r"(?:had|has\s+had)\s+(?:her|their|the)\s+baby" + _BORN_WHEN + r"\s*,\s*(?:a\s+)?)"
    r"(?:(?:baby|little|healthy|beautiful)\s+)*(?P<kind>boy|girl|son|daughter)\b" + _BORN_WHEN
)
# What is no food, after "can't eat": a meal, a time, someone's ("can't eat lunch yet",
# "can't eat before my allergy test", "can't have visitors").
_NOT_A_FOOD = (
    r"(?:a|an|the|my|your|his|her|our|their|it|that|this|much|more|anything|everything|"
    r"like|before|until|after|out|lunch|breakfast|dinner|food|meals?|yet|visitors|flowers)\b"
)
# What one cannot eat (an allergy, when the sentence says so): "can't eat nuts", "cannot
# have dairy anymore".
CANNOT_EAT = re.compile(
    r"^" + ADV + r"(?:can't|cant|cannot|can\s+not|can\s+no\s+longer)\s+(?:eat|have)\s+"
    r"(?:any\s+)?(?P<v>(?!" + _NOT_A_FOOD + r")[a-z][\w-]*(?:\s+(?!" + _NOT_A_FOOD + r"|(?:anymore|"
    r"now|because|since|either|too|at|for|with|or|and|but|on|in)\b)[a-z][\w-]*)?)(?=\s*(?:$|[,.!;]|"
    r"\s(?:anymore|any\s+more|now|because|since|either)\b))",
    re.I,
)
# … said beside the user's own allergy: "I'm allergic", "because of my allergy"; not
# "my son is allergic", "no allergies", "it's not an allergy", "the allergy clinic".
MY_ALLERGY = re.compile(
    r"\b(?:(?:I'm|I\s+am|im)\s+(?:\w+\s+)?allergic\b(?!\s+to\s+(?!(?:it|them|that|those)\b))|"
    r"\bmy\s+(?:[a-z]+\s+)?allerg(?:y|ies)\b(?!\s+(?:clinic|test|testing|appointment|"
    r"meds|medication|medicine|pills|season|doctor|nurse|specialist)\b))",
    re.I,
)
NO_ALLERGY = re.compile(r"\b(?:no|not(?:\s+an?)?)\s+(?:\w+\s+)?allerg", re.I)
A_CHILDS_NAME = re.compile(GIVEN_NAME + r"(?:\s+" + GIVEN_NAME + r")?")
# How a drink is had, before its name: "unsweetened oolong", "black coffee".
DRINK_HOW = (
    r"(?:unsweetened|sweetened|black|white|green|herbal|iced|hot|oat|soy|almond|sparkling|"
    r"still|plain|filter|instant|fresh|skimmed|skim|whole|diet|sugar-free|lemon|mint|ginger)"
)
# A drink that is how it is had and a drink ("green tea": "green", "tea") is read only so
# after the first of a list: read both ways too, each drink of a list that then failed
# was tried each way, exponential in their number ("tea, herbal tea, herbal tea, …").
_HOW_AND_A_DRINK = tuple(
    drink
    for drink in DRINKS
    if (said := re.fullmatch(DRINK_HOW + " (.+)", drink)) and said.group(1) in DRINKS
)
_ONE_DRINK = _any_of(drink for drink in DRINKS if drink not in _HOW_AND_A_DRINK)
_LISTED_DRINK = rf"(?:{DRINK_HOW}\s+(?:{_any_of(_HOW_AND_A_DRINK)}|{_ONE_DRINK})|{_ONE_DRINK})"
DRINKS_LISTED = DRINK + r"(?:\s*(?:,|and|&)\s*" + _LISTED_DRINK + r")*"
DIETS = (
    "vegetarian|vegan|pescatarian|pescetarian|flexitarian|keto|paleo|gluten[- ]free|"
    "dairy[- ]free|plant[- ]based|carnivore|halal|kosher|lactose[- ]free|low[- ]carb|low[- ]fodmap|"
    "whole30|eggetarian"
)
# A diet word first that says what kind of thing follows, not the user's diet: "vegan
# recipes please", "keto diet plan for my dad" (not "vegan since 2019", "keto diet now").
NOT_A_DIET_OF_A_THING = (
    r"(?!(?:" + DIETS + r")(?:\s+[\w'-]+){0,2}?\s+(?:recipes?|plans?|options?|foods?|meals?|"
    r"dishes|dish|restaurants?|places|spots?|menus?|cookbooks?|products?|snacks?|ideas?|"
    r"alternatives?|substitutes?|swaps?|brands?|versions?|cafes?|bakery|bakeries|blogs?|"
    r"influencers?|youtubers?|channels?)\b)"
)
# "keto is over…": a diet named as it ends. Whoever it ends for, it is no diet begun
# ("keto is over for my sister").
DIET_WORD_ENDS = (
    r"(?:the\s+|my\s+)?(?P<v>"
    + DIETS
    + r")(?:\s+(?:diet|thing|experiment|phase|kick|challenge|attempt))?(?:(?:\s+is|'s)\s+"
    + ADV
    + r"(?:over|done|finished)\b|\s+(?:over|done|finished)(?=\s*(?:$|[,.!;]|(?:for\s+(?:me|us|good|now|the\s+(?:month|year|week)|this\s+(?:month|year))|now|lol|haha|then|already)\b))|"
    # "keto lasted 3 weeks": over, as long as it lasted
    r"\s+(?:only\s+|just\s+)?lasted\s+(?:a|an|one|two|three|four|five|six|a\s+few|a\s+couple\s+of|\d+)\s+"
    r"(?:days?|weeks?|months?)\b)"
)
# "keto is officially over", "The keto diet's done for me": the user's diet that ended
# (subjects.py reads such a clause as the user's, whatever its first word).
DIET_ENDED = (
    DIET_WORD_ENDS + r"(?:\s+for\s+(?:me|us))?(?=\s*(?:$|[,.!;]|(?:lol|haha|now|for good)\b))"
)
# A baby's name after its birth, then a pause or the end ("had a baby girl, Aoife, so…",
# "…!! Matilda Rose"); not a day, a number or what is said of the birth ("…, Sunday
# morning", "…, Finally!", "…!! Congrats Kylie", "…, Thank You Jesus", "…, Seven pounds").
BABYS_NAME = (
    r"(?!(?:" + DATE_WORDS + r"|Eve|New|Both|So|My|Our|Mum|Mom|Mother|Dad|Baby|Healthy|"
    r"Happy|Finally|Wow|Amazing|Congrats|Congratulations|Praise|Thank|Thanks|Bless|Blessed|"
    r"God|Lord|Jesus|Welcome|Born|Yay|Omg|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|"
    r"Eleven|Twelve|Tiny|Little|Early|Late|Today|Tonight|Yesterday|Everyone|All|Just|Name|"
    r"Mama|Papa)\b)"
    r"(?-i:" + GIVEN_NAME + r"(?:\s+" + GIVEN_NAME + r")?)"
    r"(?=\s*(?:$|[,.!;:)—–-]|\d)|\s+(?:last|this|on|yesterday|today|tonight|at)\b)"
)
# Back for a year of study, at a name: "back for final year at Warwick".
BACK_FOR_A_YEAR_AT = (
    r"\bback\s+for\s+(?:my\s+|the\s+)?(?:final|first|second|third|fourth|last)\s+year\s+at\s+"
    r"(?=(?-i:[A-Z]))"
)
A_SCHOOL_WORD = r"\b(?-i:Uni|University|College|School|Academy|Institute)\b"
# … and a school for children, by its name's last word: "Oakfield Academy", "St Mary's
# Primary", "St Bede's Prep".
A_CHILDS_SCHOOL = (
    r"\b(?-i:Primary|Academy|Elementary|Nursery|Pre-?school|Kindergarten|Infants|Juniors|"
    r"Montessori|Prep|High|Grammar|Middle\s+School|Junior\s+School|Infant\s+School)\b"
)
# A holiday, an event, a day or a month: no school one is back at for a year ("back for
# the last year at Wimbledon").
_NOT_AN_OCCASION = r"(?!(?-i:Christmas|Xmas|Easter|Ramadan|Eid|Diwali|Hanukkah|Thanksgiving|Lent|Passover|New\s+Year|Halloween|Wimbledon|Glastonbury|Euro|World\s+Cup|Super\s+Bowl|Carnival|Pride|Black\s+Friday|Boxing\s+Day|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\b)"
# … nor a show one is back at, or a joke ("back for the second year at Hogwarts lol").
NOT_AT_A_SHOW = (
    _NOT_AN_OCCASION
    + r"(?!(?-i:Hogwarts)\b)(?![^.!?]*\b(?:lol|haha|lmao|last\s+one|reading|watching|again)\b)"
)
PET_NAME = r"(?!" + NOT_A_NAME_WORD + r")(?-i:[A-Z])[\w-]+"
# A pet named as a clause opens, then something said of it: "My dog Max is 7 years old",
# "our cat luna has asthma" (a name typed in lower case only before such a verb).
_NAMED_PET_FIRST = re.compile(
    r"^(?:my|our)\s+(?P<kind>" + PET_KIND + r")\s+(?:(?P<name>" + PET_NAME + r")|"
    r"(?P<lower>(?-i:[a-z])[\w-]*))(?=\s+(?:is|was|has|had|'s|turned|turns|just|"
    r"still|got|gets|needs|hates|loves|likes|takes|took|eats|won't|doesn't|can't|lives|"
    r"lived|stays|stayed|sleeps|slept|goes|went|weighs|ate|loved|hated|liked)\b)"
    # not a pet gone: "my dog Rex just died" ends it (the pets rules)
    r"(?!.*\b(?:died|passed|put down|put to sleep|rehomed|re-homed)\b)",
    re.I,
)


def named_pet(clause: str, not_names: frozenset[str]) -> Optional[str]:
    """The pet a clause opens with, by name, as a ``pets`` value ("dog called Max"), when
    the clause goes on to say something of it; ``not_names`` are words that are no name
    in lower case ("my dog really is")."""
    opened = pet_opening(clause, not_names)
    return None if opened is None else f"{opened[0]} called {opened[1]}"


def pet_opening(clause: str, not_names: frozenset[str]) -> Optional[tuple[str, str, str]]:
    """(kind, name, the rest) of a clause opening on a pet by name and going on to say
    something of it: ("dog", "Max", "is 7 years old") for "My dog Max is 7 years old"."""
    match = _NAMED_PET_FIRST.match(clause)
    if match is None:
        return None
    name = match.group("name") or match.group("lower")
    if match.group("lower") and (name in not_names or re.fullmatch(_PET_THINGS, name)):
        return None
    rest = clause[match.end() :].strip()
    return match.group("kind").lower(), f"{name[:1].upper()}{name[1:]}", rest


# What a pet's word names when a noun follows it (lexicon.PET_THINGS): "a dog walker".
_PET_THINGS = r"(?:" + "|".join(sorted(PET_THINGS, key=lambda w: (-len(w), w))) + r")"


# A favourite thing spelled two ways is one key: "favourite colour" is "favorite color".
SPELLED_US = {"colour": "color", "flavour": "flavor", "colours": "colors"}

# A partner named as one no more: "Omar is my ex-husband now", "Omar isn't my husband
# anymore" (not "Omar is my ex-boss", "Dana isn't my wife, she's my fiancée");
# subjects.py reads the clause as the user's.
NO_LONGER_MY_PARTNER = (
    r"^(?P<v>(?-i:[A-Z])[\w'-]+)\s+(?:is\s+(?:now\s+)?(?:officially\s+)?my\s+ex(?:[-\s]?(?:husband|wife|"
    r"partner|boyfriend|girlfriend|fianc[eé]e?|spouse|bf|gf))?|(?:isn't|is\s+not|is\s+no\s+longer)\s+my\s+"
    r"(?:husband|wife|partner|boyfriend|girlfriend|fianc[eé]e?|spouse))"
    r"(?=\s*(?:$|[.!;]|now\b|anymore\b|any\s+more\b|lol\b))"
)
# What follows "go by" that is no name: a way to travel, a service, a clock, a rule.
NOT_GONE_BY = (
    r"(?:Uber|Lyft|Greyhound|Amtrak|BART|Bus|Train|Tube|Metro|Subway|Car|Bike|Google|Apple|"
    r"Celsius|Fahrenheit|Eastern|Pacific|Central|Mountain|GMT|UTC|Scripture|Instagram|Netflix|"
    r"IMDB|Waze|Yelp|Target|Walmart|Amazon)"
)

# What ends a pastime's words: "started selling candles on Etsy", "started climbing again".
HOBBY_ENDS = (
    r"(?:again|now|lately|recently|this|last|at|in|on|with|every|for|and|but|so|since|today|"
    r"yesterday|tonight|too|as|because|after|before|during|lol|haha|twice|once|daily|weekly|"
    r"most|each|three|two|four|a\s+lot|a\s+bit|properly|seriously|big|hard|loads|heavily|w|"
    r"\d+x|the\s+other|when|while|whilst)\b"
)
# Games and instruments one plays as a pastime: "I play netball", "plays the cello" (not
# "play the lottery", "play games", "play it safe").
PLAYED = (
    r"(?:netball|football|soccer|rugby|cricket|tennis|squash|badminton|hockey|golf|basketball|"
    r"baseball|softball|volleyball|handball|lacrosse|darts|snooker|pool|chess|bridge|padel|"
    r"pickleball|table\s+tennis|ping\s+pong|water\s+polo|ultimate\s+frisbee|frisbee|bowls|"
    r"guitar|bass|piano|keyboard|drums|violin|viola|cello|flute|clarinet|saxophone|sax|trumpet|"
    r"trombone|ukulele|harp|banjo|mandolin|harmonica|oboe|bagpipes|accordion)"
)
# … and pastimes taken up or given up by their word: "taken up pottery", "gave up running"
# (not "gave up smoking", "stopped drinking": habits, which the diet and drink rows read).
PASTIMES = (
    r"(?:yoga|pilates|crochet|pottery|karate|judo|taekwondo|kickboxing|boxing|ballet|salsa|"
    r"tai\s+chi|kung\s+fu|jiu\s*jitsu|parkour|archery|fencing|rowing|running|jogging|climbing|"
    r"bouldering|swimming|cycling|knitting|crocheting|painting|drawing|dancing|hiking|surfing|"
    r"skating|skateboarding|skiing|snowboarding|baking|gardening|birdwatching|photography|"
    r"calligraphy|embroidery|sewing|woodworking|fishing|sailing|kayaking|canoeing|triathlon|"
    r"crossfit|spin|zumba)"
)
# A language by its name, learned as a pastime is: "learning korean on duolingo", "been
# learning Italian for my nonna", "started learning french" (a language, not a hobby).
LANGUAGE = (
    r"(?:english|french|german|spanish|italian|portuguese|dutch|flemish|danish|swedish|"
    r"norwegian|icelandic|finnish|estonian|latvian|lithuanian|polish|czech|slovak|slovenian|"
    r"croatian|serbian|bosnian|bulgarian|romanian|hungarian|greek|albanian|ukrainian|russian|"
    r"belarusian|georgian|armenian|turkish|arabic|hebrew|persian|farsi|urdu|hindi|bengali|"
    r"punjabi|gujarati|marathi|tamil|telugu|kannada|malayalam|sinhala|nepali|mandarin|"
    r"cantonese|chinese|japanese|korean|vietnamese|thai|khmer|lao|burmese|malay|indonesian|"
    r"tagalog|filipino|swahili|amharic|yoruba|igbo|hausa|zulu|xhosa|afrikaans|somali|welsh|"
    r"irish|gaelic|scots\s+gaelic|basque|catalan|galician|maori|hawaiian|esperanto|latin|"
    r"sign\s+language|bsl|asl)"
)
# Whom a drink is had with, a meeting, not the drink: "Coffee with Morgan from the gym",
# "tea with my sister", "tea with mum tomorrow" (not "coffee with oat milk", "coffee with
# my breakfast", "coffee with Baileys at christmas", "Coffee with Oatly please").
MET_WITH = (
    r"(?:(?:(?:my|our|his|her|their)\s+)?(?:[\w-]+\s+)?(?:"
    + REL
    + r"|friends|mates|colleagues|coworkers|team|girls|boys|lads|gang|family|kids|parents)\b|"
    r"(?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+)?\s*(?:$|[,.!;]|\s(?:from|tomorrow|today|"
    r"tonight|later|this|next|on|and)\b))"
)
