"""What the vehicle rows of RULES (rules.py) are built from: the makes and models that
name a vehicle as said in chat ("a used 2016 Honda Civic", "the vespa", "a Tesla Model
3"), the kinds of vehicle ("car", "van", "scooter"), one's own said in passing (``OWN``),
one taken (``TAKEN``), and one traded in or replaced for another (``TRADED``,
``REPLACED``). A make or model alone is what makes a value a vehicle: "sold the house",
"got a bike for Christmas" key nothing.
"""

from __future__ import annotations

from .lexicon import DATE_WORDS

# Makes read in any case ("got a tesla"); makes that are also common words ("seat", "mini",
# "smart", "ram", "jaguar", "triumph") only as written with a capital.
_MAKES = (
    r"toyota|honda|ford|tesla|bmw|audi|mercedes(?:-benz)?|merc|vw|volkswagen|kia|hyundai|"
    r"nissan|mazda|subaru|volvo|skoda|škoda|cupra|renault|peugeot|citroen|citroën|fiat|"
    r"vauxhall|opel|chevrolet|chevy|jeep|dodge|gmc|cadillac|buick|chrysler|lexus|infiniti|"
    r"acura|porsche|land\s+rover|range\s+rover|mitsubishi|suzuki|polestar|rivian|byd|dacia|"
    r"alfa\s+romeo|lancia|saab|proton|perodua|mahindra|maruti(?:\s+suzuki)?|holden|isuzu|"
    r"vespa|yamaha|ducati|harley(?:-davidson)?|kawasaki|ktm|royal\s+enfield|lambretta|"
    r"piaggio|aprilia|bajaj|brompton|vanmoof"
)
_CAPITAL_MAKES = (
    r"Seat|SEAT|Mini|MINI|Smart|Ram|Jaguar|Triumph|Genesis|Lincoln|MG|Tata|Hero|TVS|Cowboy"
)
MAKE = r"(?:" + _MAKES + r"|(?-i:" + _CAPITAL_MAKES + r"))"
# Models that name a car alone, in any case ("sold the civic"); those that are also common
# words ("golf", "polo", "focus", "leaf", "jazz") only after a make or a vehicle's noun.
_MODELS = (
    r"civic|corolla|yaris|prius|camry|rav-?4|cr-?v|hr-?v|fiesta|mondeo|kuga|mustang|"
    r"f-?150|panda|punto|clio|megane|mégane|captur|corsa|astra|octavia|fabia|qashqai|micra|"
    r"navara|outback|impreza|mx-?5|miata|cx-?5|cx-?30|vitara|jimny|tucson|kona|ioniq|"
    r"sportage|niro|picanto|cybertruck|hilux|tacoma|wrangler|silverado|outlander|ibiza|"
    r"xc40|xc60|xc90|tiguan|passat|touareg|insignia|zafira|berlingo|kangoo|sandero|duster"
)
MODEL = r"(?:" + _MODELS + r")"
# … and those only after a make or a vehicle's noun ("sold the golf clubs" is no car).
AMBIGUOUS_MODEL = (
    r"(?:golf|polo|focus|leaf|jazz|swift|transit|beetle|defender|discovery|ranger|e-?golf)"
)
# A word of a model after its make: a capital, digits, or a model word in any case
# ("Tesla Model 3", "Kia Niro EV", "VW Golf GTI", "honda civic", "Fiat 500").
_MODEL_WORD = (
    r"(?:(?!(?-i:"
    + DATE_WORDS
    + r"|I|The|And|But|So|From|For|In|On|At|To)\b)(?-i:[A-Z0-9][\w.-]*)|model\s+[3sxy]\b|"
    + _MODELS
    + r"|"
    + AMBIGUOUS_MODEL
    + r"|note)"
)
# A model year before the make or model: "a used 2016 Honda Civic", "the 2015 Golf".
A_YEAR = r"(?:(?:19|20)\d\d\s+)?"
# A vehicle as said: "2016 Honda Civic", "Tesla Model 3", "vespa", "Corolla" (the value).
VEHICLE = (
    r"(?:" + A_YEAR + MAKE + r"(?:\s+" + _MODEL_WORD + r"){0,3}|" + A_YEAR + MODEL + r")(?![\w-])"
)
# Words before a vehicle that say nothing of which ("a used 2016 …", "my trusty old …").
QUALITY = (
    r"(?:(?:new|brand\s+new|used|second-?hand|pre-?owned|old|first|little|trusty|beloved|"
    r"cheap|cheaper|small|smaller|big|bigger|tiny|sensible|family|shiny|"
    r"electric|hybrid|red|black|white|silver|blue|grey|gray|green|yellow|orange)\s+)*"
)
# The kinds of vehicle: "my car is a …", "sold my van".
KIND = (
    r"(?:car|van|truck|pick-?up|ute|suv|motorbike|motorcycle|scooter|moped|campervan|camper|"
    r"motorhome)"
)
# A model said by its code alone, with a digit in it ("the MT-07", "the 320d", "the EV6"):
# a vehicle only where one goes (relate/keyed.py ends the one held of that name).
A_MODEL_CODE = r"(?-i:[A-Z][A-Za-z]*-?\d[\w-]*|\d+[a-z]{1,3})"
# A vehicle ends here: no more of its name follows ("Honda Civic-shaped", "Tesla's").
ENDS = r"(?![\w'’-])"
# One's own said in passing: "my VW Golf needs an MOT", "the guy who hit our Honda Civic"
# (not "my Tesla shares", "my Yamaha piano": a thing of the make's).
OWN = (
    r"\b(?:my|our)\s+"
    + QUALITY
    + r"(?P<v>"
    + VEHICLE
    + r")(?!\s+(?:shares?|stocks?|piano|keyboard|guitar|drums?|amp|mower|lawnmower|generator|"
    r"outboard|charger|app|account|dealer(?:ship)?|salesman|salesperson|rep|jacket|cap|hoodie|"
    r"t-?shirt)\b)"
)
# How one is gone by no doing of the user's …
GONE = (
    r"(?:stolen|nicked|pinched|nabbed|written\s+off|totalled|totaled|crushed|scrapped|"
    r"repossessed)"
)
# … said of it: "vespa got stolen outside Termini", "my Brompton got nicked", "the Corsa
# was written off", "my car got stolen".
TAKEN = (
    r"(?:(?:my|our|the)\s+)?"
    + QUALITY
    + r"(?P<v>"
    + VEHICLE
    + r"|"
    + KIND
    + ENDS
    + r")\s+(?:got|was|has\s+been|['’]s\s+been)\s+"
    + GONE
    + r"\b"
)
# A vehicle replaced by the one a rule found, said by a pronoun or after it: "replaced it
# with a Honda SH125", "bought a Triumph to replace it", "got a Cowboy instead" (the one
# vehicle held before ends, relate/keyed.py).
REPLACED = r"\breplac(?:e|ed|ing)\s+(?:it|her|him|that|the\s+old\s+one)\b|\binstead\s*[.!]*$"
# … the value of that ending: a vehicle, whichever one was held.
REPLACED_VEHICLE = "vehicle"
# A vehicle traded for another in one clause: "traded in the civic for a Tesla", "part-
# exchanged my old Polo for a Kia Niro" (``old``: the one given up).
TRADED = (
    r"\b(?:traded|part[- ]?exchanged|swapped|swopped|replaced)\s+(?:in\s+)?(?:my|our|the)\s+"
    + QUALITY
    + r"(?P<old>"
    + VEHICLE
    + r"|"
    + A_YEAR
    + AMBIGUOUS_MODEL
    + r")\s+(?:in\s+)?(?:for|with)\s+(?:a|an)\s+"
)
