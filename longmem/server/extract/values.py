"""What a matched value is: the words for occupations and homes the rules share, and the
cleaning of a rule's raw match into a value ("Leeds has a balcony" → "Leeds", "a 35 year
old nurse" → "nurse"), or None where the words only look like one ("I live in the
moment", "a real job at last", "my birthday is coming up"); and whether a value is what
its rule needs: a known place with nothing after it that makes it something else
(``a_place``), a field of study (``a_field``), work rather than a pastime (``NOT_WORK``),
and the city said after a part of it (``with_its_city``).
"""

# ruff: noqa: E501, SIM905  (patterns and word lists read as text)
from __future__ import annotations

import re
from typing import Optional

from .kin import QUALIFIERS, REL
from .lexicon import ANY_WEEKDAY_RE, MONTH_NAMES, MONTH_RE, WEEKDAY_RE, WEEKDAYS
from .places import place_rest

OCCUPATIONS = frozenset(
    """nurse midwife doctor surgeon dentist vet veterinarian pharmacist paramedic therapist
    teacher lecturer professor tutor student researcher scientist engineer developer
    programmer designer architect analyst accountant lawyer attorney solicitor barrister
    judge consultant manager director ceo cto cfo founder owner chef cook baker barista
    waiter waitress bartender carpenter plumber electrician mechanic builder driver pilot
    nanny journalist writer author editor photographer artist musician singer actor actress
    dancer coach trainer firefighter officer soldier farmer gardener librarian cashier
    clerk receptionist secretary assistant administrator intern apprentice freelancer
    translator interpreter marketer recruiter salesperson realtor agent banker broker
    economist historian psychologist physiotherapist physio optician radiologist
    caregiver carer cleaner janitor tailor butcher fisherman miner welder technician
    tester lead head principal coordinator specialist officer ux ui devops sre handler
    animator illustrator dispatcher operator barber hairdresser stylist ranger guard
    courier postman postwoman plasterer roofer painter decorator programmer sparky tradie
    attendant steward stewardess porter caretaker counsellor counselor therapist doula
    paralegal notary surveyor inspector auditor bookkeeper treasurer trainee resident
    registrar consultant sous-chef chef tech pm counsel adviser advisor strategist producer
    gp cellist violinist pianist fellow postdoc dev""".split()
) | frozenset(  # more, as people name their work the world over ("winemaker", "seaman")
    """
    academic acrobat actuary adjunct adjuster adman admiral aide airman airwoman
    alderman amah ambo anchorman anchorwoman announcer appraiser arbitrator archbishop
    artisan assembler assemblyman assemblywoman assessor associate astrologer astronaut
    astronomer attache attaché attender au-pair aupair ayah babysitter bailiff ballerina
    bandmaster barback bargeman barkeep barkeeper barmaid barman bellboy bellhop binman
    bishop boatbuilder boatman boatswain bodyguard boilermaker bondsman bookbinder
    bookie bookmaker bosun bouncer braider brakeman brewer brickie bricklayer brigadier
    broadcaster bureaucrat bursar busboy businessman businessperson businesswoman busker
    busser butler ca cabbie cabby cabdriver cabinetmaker caddie cameraman camerawoman
    cantor  captioner caseworker caterer celebrant cfa cfp chambermaid chancellor
    chaplain chauffeur cheesemaker cheesemonger childminder chippie chiropractor
    chocolatier choirmaster chowkidar cio ciso clergyman clergywoman cleric clockmaker
    cmo cna co-founder coastguard cobbler coder cofounder collier colonel comedian
    comedienne comic commander commando commentator commissioner commodore composer
    compounder comptroller concierge concreter conductor confectioner congressman
    congresswoman conservator constable consul contractor controller conveyancer coo cop
    copilot copper copyeditor copywriter coroner corporal correspondent cosmonaut
    costermonger councillor councilman councilor councilwoman cowherd cpa craftsman
    craftsperson craftswoman creator crewman crna crofter croupier curate curator
    custodian dairyman dba dealer dean deckhand deejay deliveryman deputy detective
    dhobi dietitian diplomat dishwasher distiller distributor divemaster dj doc docent
    docker dockworker dog-walker dogwalker doorman drafter draftsman draftsperson
    draughtsman dressmaker driller drover dryliner drywaller dustman educator embalmer
    employee emt engraver ensign entertainer entrepreneur envoy estimator evp examiner
    exec executive exporter exterminator fabricator farmhand farmworker farrier ferryman
    filmmaker financier fireman firewoman firie fisherwoman fishmonger  forecaster
    foreman forester forewoman franchisee friar fruiterer fundraiser gaffer gamekeeper
    gaoler garbageman garbo gasfitter gasman gateman ghillie ghostwriter gillie
    glassblower glazier goatherd gondolier governess granthi gravedigger grazier
    greengrocer greenkeeper grocer groomer groundskeeper groundsman groundworker
    handyman handywoman harbormaster harbourmaster haulier havildar hawker hca
    headhunter headmaster headmistress headteacher headwaiter helmsman herder herdsman
    homeopath hostess hotelier housecleaner housekeeper housemaid houseman hr imam
    importer infantryman influencer innkeeper installer instructor investigator
    invigilator ironmonger ironworker jackaroo jailer jailor jawan jeweler jeweller
    jillaroo jockey joiner journeyman laborer labourer landscaper legislator liaison
    lieutenant lifeguard lineman linesman lineworker litigator loadmaster locum logger
    longshoreman lpn lumberjack luthier lvn magistrate maid mailman mailwoman marine
    mariner mason masseur masseuse matchmaker matron mayor md medic mep merchandiser
    merchant midshipman milkman milliner millworker minister missionary mla moneylender
     motorman mp mua muezzin mullah naturopath neurosurgeon newsagent newscaster
    newsman newsreader nightwatchman np  nurseryman ob-gyn obgyn oilman ombudsman
    operative orderly osteopath ot pa  panelbeater  paraeducator paratrooper
    pastor patissier patrolman patwari paver pawnbroker pcso peddler pedlar pentester
    performer  piercer pipefitter ploughman policeman policewoman postie
    postmaster postmistress  practitioner preacher presenter priest printer
    proctor prof promoter proofreader prosecutor prostitute provost pt publican
    publisher pujari purser qa quant quarryman quartermaster ra rabbi ragpicker
    railwayman rancher recruit rector referee renovator repairer repairman reporter
    representative restaurateur restorer retailer reverend rgn rifleman rigger
    ringmaster rn roadie roughneck roustabout saddler salesclerk salesgirl saleslady
    salesman saleswoman sapper scaffolder scheduler schoolmaster schoolmistress
    schoolteacher screenwriter scriptwriter sculptor sde seafarer seaman seamstress
    senator sergeant servant server serviceman servicemember servicewoman sexton
    sharecropper shearer shepherd shepherdess sheriff shipbuilder shoemaker shopkeeper
    showgirl showrunner signaller signalman signwriter skipper slp smallholder
    solopreneur sommelier songwriter sparkie speechwriter spokesman spokesperson
    spokeswoman sportscaster squaddie stablehand staffer stagehand stallholder
    stationmaster steamfitter steelworker steeplejack stevedore stockbroker stocker
    stockman stonemason storekeeper storeman stripper stuntman stuntwoman subcontractor
    subeditor superintendent supervisor svp swe sweeper sysadmin ta tattooer teamster
    techie telemarketer teller temp thatcher tiler toolmaker trader tradesman
    tradesperson tradeswoman transcriber trawlerman trucker truckie typesetter umpire
    undertaker underwriter upholsterer ustaz va valet valuer vendor verger vicar
    vice-chancellor vintner vp vulcanizer warden washerman washerwoman watchmaker
    watchman weatherman weaver webdev webmaster wharfie wholesaler winemaker woodcutter
    woodsman wrangler zookeeper""".split()
)
_OCCUPATION_SUFFIXES = ("ist", "ician", "ologist", "eer", "grapher", "smith", "wright")
# Homes as said: "our new flat", "a two-bed house".
HOME_NOUN = r"(?:flat|apartment|apt|house|home|place|condo|digs|gaff|unit|bungalow|cottage|townhouse|terrace|bedsitter|bedsit|studio|piso|sharehouse|flatshare|loft|maisonette|\d\s?bhk|(?:\d|one|two|three|four)[- ]?bed(?:room)?(?:\s+(?:flat|house|apartment|place|unit|condo))?)"
HOME_ADJ = r"(?:new|first|own|little|tiny|small|big|lovely|dream|forever|cute|cosy|cozy|rented|share|shared|terraced|detached|semi-detached|end-terrace|victorian|edwardian|georgian|period|modern)"
A_HOME = r"(?:a|an|our|my|the)\s+(?:" + HOME_ADJ + r"\s+){0,3}" + HOME_NOUN

# A full stop that ends a value, not one after "St", "Dr", "Mrs": "St. Mary's Hospital".
_NOT_AN_ABBREVIATION = "".join(
    rf"(?<!\b{word})" for word in ("St", "Dr", "Mr", "Mrs", "Ms", "Mt", "Jr", "Sr", "Prof", "Ft")
)
# A name or a thing with "and" inside it, said in lower case too: "a bed and breakfast",
# "Trinidad and Tobago", "Bosnia and Herzegovina" (the value had been "a bed", "Trinidad").
_NOT_SPLIT_BY_AND = (
    r"(?!\s+(?:breakfast|tobago|herzegovina|nevis|barbuda|principe|caicos|futuna|miquelon|"
    r"the\s+grenadines|mcdonald|jan\s+mayen|hove|spencer|spencers|chip|decorator|"
    r"make-?up\s+artist)\b)"
)
_VALUE_END = re.compile(
    r"\s*(?:[,;:()!?\"]|\s[—–-]\s(?!\d{1,2}(?:st|nd|rd|th)?\s+(?:"
    + MONTH_RE
    + r")\b)|\s+w/?\s|"
    + _NOT_AN_ABBREVIATION
    + r"\.(?:\s|$))|\s+(?:now|these days|nowadays|again|anymore|"
    r"any more|too|as well|together|for now|for good|so far|since|last|next|this|that|from|because|"
    r"as|with|when|while|where|which|who|whom|and" + _NOT_SPLIT_BY_AND + r"|plus|but|so|though|"
    r"although|after|before|during|"
    r"until|till|about|right|near|not (?:too |that |so )?far|by|if|or|yet|still|already|lol|haha|btw|"
    r"studying|working|doing|majoring|starting|beginning|"
    r"there|here|for|"
    # how long it has been: "(not lived in) York in ages", "(been to) York in years"
    r"in (?:ages|years|months|decades|yonks|forever|a (?:while|long time))\b|rather than|"
    # when: "(at the hospital) on weekends", "(at Asda) at the mo"
    r"on (?:the )?weekends?\b|at the (?:mo|min|minute)\b|"
    # when: "in Leeds the week after next", "York at the weekend", "the coming week"
    r"at the (?:long )?weekend|the (?:whole )?week(?:-?end)? after|the (?:following|coming)|"
    # what one moved there to do: "moved back to Brisbane to do an apprenticeship"; to whom
    # or how a room is let: "in Didsbury to a student", "via Spareroom"
    r"to an?|via|through (?:an?|the|my) (?:agency|recruiter|temp agency|umbrella)|"
    r"to (?:do|study|work|be|start|take|join|help|look|care|find|get|become|train|teach|"
    r"finish|pursue|attend|open|run|try|live|stay|be with|see|pay|manage|cover|save|earn|"
    r"support|fund|keep|make|lead|build|grow|handle|buy|go|travel|focus|spend|concentrate|"
    r"move|raise|visit|write|learn|retire|volunteer|recover|rest|relax)|"
    r"is|was|were|are|will be|(?-i:went)|(?:over|out|down|up|back) (?:in|at|on|there|here)|over the (?:holidays|summer|winter|spring|autumn|fall|weekend|break|christmas|past|last|next)|part[- ]time|full[- ]time|remotely|twice|once|three times|in the|\d+\s*(?:min|mins|minutes|km|miles|hours?|blocks)|in \d{4}|in (?:early|late|mid)\b|in (?:"
    + "|".join(MONTH_NAMES)
    + r")|(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"a few|several)\s+(?:years?|months?|weeks?|days?)\s+ago|starts|begins|kicks off|fell through|fell|"
    r"in (?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|a couple of|a few)\s+(?:years?|months?|weeks?|days?)|"
    r"(?:early|late|mid)\s+(?:next|this|in)|on (?:the\s+)?\d+(?:st|nd|rd|th)?|on (?:"
    + "|".join(MONTH_NAMES)
    + r")|sometime|at the end|by the end|"
    r"today|tonight|tomorrow|yesterday|yday|every|each|at the moment|at last|at \d{1,2}(?:[:.]\d\d)?\s*(?:am|pm|o'?clock)|at least|at heart|at all|of course|permanently|on holiday|on vacation|on business|on tour|on (?:"
    + WEEKDAY_RE
    # a day typed in lower case: "starts at Boots monday" (not "the Sunday Times")
    + r")|(?-i:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|instead|especially|mostly|lately|these|ever|either|though|apparently|finally|officially|anyway|anyways|visiting|nearly|almost|(?-i:I)(?:'\w+)?)\b",
    re.I,
)
# A job ends before where and for whom it is done.
_JOB_END = re.compile(
    r"\s+(?:@(?=\s)|(?:at|for|in|with|on|there|here|at the|"
    r"(?:based|living|residing|located)\s+(?:in|out\s+of|at))\b).*$",  # not "home based"
    re.I,
)
# A name with "and" inside it, the whole value: "Marks and Spencer", "Parks and Wildlife"
# (not "Google and Tom works at Apple")
_A_NAME_WITH_AND = re.compile(
    r"^((?:the\s+)?(?-i:[A-Z])[\w&'.-]*(?:\s+(?-i:[A-Z])[\w&'.-]*)*\s+and\s+(?-i:[A-Z])[\w&'.-]*"
    r"(?:\s+(?-i:[A-Z])[\w&'.-]*)*)(?:\s*(?:$|[.!;]|,\s*(?!(?-i:[A-Z])))|\s+(?:in|now|since|for|as|from|"
    r"full-time|part-time|remotely|again)\b)"
)
ARTICLE = re.compile(r"^(?:a|an|the|my|our|some)\s+", re.I)
_PRONOUNS = frozenset(
    "it that this them those these there here him her me us you one himself herself "
    "themselves myself yourself ourselves anything nothing everything something anyone "
    "everyone someone nobody".split()
)
_MAX_VALUE_WORDS = 7
# A title in title case, its small words in lower case between capitalised ones: "Call
# Me By Your Name", "The Lord of the Rings" (not "Dune by Frank Herbert": who wrote it).
_A_TITLE = re.compile(
    r"(?-i:[A-Z0-9][\w'’.&-]*)(?:\s+(?:(?-i:of|the|a|an|and|in|on|at|to|for|with|&)\s+)*"
    r"(?-i:[A-Z0-9])[\w'’.&-]*)*(?=\s*(?:$|[,;:!?.]))"
)


def clean_value(raw: str, name: str) -> Optional[str]:
    """The value of a match, cut where the phrase around it goes on; None if nothing usable."""
    named = _A_NAME_WITH_AND.match(raw.strip()) if name in ("employer", "school") else None
    if named:  # "Marks and Spencer", "Tasmania Parks and Wildlife": one name, not two
        return named.group(1)
    value = _VALUE_END.split(raw.strip(), maxsplit=1)[0].strip(" .'\"")
    title = _A_TITLE.match(raw.strip()) if name.startswith("favorite:") else None
    if title and len(title.group(0)) > len(value):
        value = title.group(0)  # "Call Me By Your Name", "The Lord of the Rings"
    if name == "employer" and _NOT_AN_EMPLOYER.match(value):
        return None  # "a real job at last", "a nurse at heart", "started at 6am"
    if name == "birthday" and not _A_DATE.search(value):
        return None  # "my birthday is coming up"
    if name in ("home", "location", "employer"):
        value = _DAYS_AFTER.split(value, maxsplit=1)[0].strip()  # "Vancouver thurs thru sunday"
    if name in ("home", "location") and _NOT_A_PLACE.match(value):
        return None  # "I live in the moment", "I live in hope", "I'm in Year 10"
    if name == "home" and _NOT_A_HOME.match(value):
        return None  # "I totally live in the gym": where one spends the day, joked
    if name == "languages" and _NOT_A_LANGUAGE.match(value):
        return None  # "I speak my mind", "I speak from experience"
    if name == "languages":
        value = _HOW_LEARNED.sub("", value)  # "learning spanish on duolingo": Spanish
    owned = _SOMEONES_IN.match(value) if name == "location" else None
    if owned:
        value = owned.group("place")  # "visiting my mum in Leeds": in Leeds
    if name in ("employer", "home", "location", "school"):
        value = _TRAILING_DAY.sub("", value)  # "I start at Sainsbury's Monday"
        value = _IN_ONES_OWN.sub("", value)  # "I work at Google in my dream role"
        value = _LIKE_SOMEONE.sub("", value)  # "he's in Islamabad like us"
    if name == "home":
        value = _A_HOME_IN.sub("", value)  # "we're in a new apartment in Bandra now"
        value = _SAID_TO.sub("", value)  # "we got a house in Fremantle mate"
    if name == "job":
        resident = _RESIDENT_IN.match(value)
        if resident and place_rest(resident.group(1)) is not None:
            return None  # "resident in Abuja": where one lives, not a doctor's grade
        value = _JOB_END.sub("", _AGED.sub("", value))  # "a 35 year old nurse"
    if name in ("likes", "dislikes") and (
        _ONE_OF_MY_PEOPLE.match(value) or _A_PART_OF_MY_LIFE.match(value)
    ):
        # "Like my mum, I'm a nurse", "I love my wife": a person, no taste; "I love my
        # job": how one finds one's own life, kept as said (it had been "User likes job")
        return None
    if name in (
        "job",
        "likes",
        "dislikes",
        "pets",
        "vehicles",
        "allergies",
        "conditions",
        "medications",
        "drinks",
        "school",
        "studies",
    ):
        value = ARTICLE.sub("", value)
    found = value.split()
    if not found or len(found) > _MAX_VALUE_WORDS:
        return None
    if value.lower() in _PRONOUNS and not (name == "age" and value.lower() == "one"):
        return None  # "I live in it"; an age of one is one ("my son turned one")
    return None if name != "age" and _DURATION.match(value) else value  # "6 weeks" old


# The days said after a place or an employer: "in Vancouver thurs thru sunday", "in Goa
# 10-12 Dec", "in Marrakech June 18–24", "28 Dec - 3 Jan", "in Lisbon between the 21st
# and the 28th".
_DAYS_AFTER = re.compile(
    r"\s+(?:(?:" + ANY_WEEKDAY_RE + r")(?=\s*(?:[-–—]|(?:to|thru|through|and)\b))|"
    r"between|\d{1,2}(?:st|nd|rd|th)\s*[-–]\s*\d{1,2}(?:st|nd|rd|th)|"
    r"\d{1,2}\s*[-–]\s*\d{1,2}(?=\s+(?:" + MONTH_RE + r")\b)|(?:" + MONTH_RE + r")\.?(?=\s+\d)|"
    r"\d{1,2}(?:st|nd|rd|th)?(?=\s+(?:of\s+)?(?:" + MONTH_RE + r")\b))\b",
    re.I,
)
_RESIDENT_IN = re.compile(r"^resident\s+(?:in|of)\s+(.+)$", re.I)
# What one has, after the place: "Google in my dream role", "Acme in my hometown" (the
# place ends before "in my").
_IN_ONES_OWN = re.compile(r"\s+in\s+(?:my|our)\b.*$", re.I)
# Whom one is compared to, after the place: "in Islamabad like us", "at Google just like
# my dad" (the place ends before "like").
_LIKE_SOMEONE = re.compile(
    r"\s+(?:just\s+)?like\s+(?:us|me|you|him|her|them|everyone|everybody|(?:my|our|his|her|their|your)\s).*$",
    re.I,
)
# A part of one's own life, as a liking's value ("love my job", "hate my commute").
_A_PART_OF_MY_LIFE = re.compile(
    r"^(?:my|our)\s+(?:(?:new|current|old)\s+)?(?:job|work|life|team|commute|home|house|flat|"
    r"city|neighbou?rhood|colleagues|coworkers|students|patients|boss|manager|uni|school|"
    r"course|degree|area|street|landlord|routine)$",
    re.I,
)
# One of the user's people, as a liking's value ("like my mum", "love my little sisters").
_ONE_OF_MY_PEOPLE = re.compile(r"^(?:my|our)\s+" + QUALIFIERS + REL + r"s?$", re.I)
# A while is no value: "a nurse for ten years" is not a nurse at "ten years".
_DURATION = re.compile(
    # ("over 20 years", "nearly a decade": how long, after "worked as a plumber for")
    r"^(?:(?:over|almost|nearly|about|around|more\s+than|under|less\s+than)\s+)?"
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|several|many)\s+"
    r"(?:years?|months?|weeks?|days?|hours?|decades?)$",
    re.I,
)


# Not an employer: "a real job at last", "a nurse at heart", "started at 6am", "at 16",
# "doing keto for my health", "done working for other people" (not "at Home Depot", "at
# 3M", "at 7-Eleven").
_NOT_AN_EMPLOYER = re.compile(
    r"^(?:(?-i:last|least|first|heart|all|the moment)|(?-i:home)(?:\s.*)?|\d{1,2}(?:[:.]\d\d)?\s*(?:am|pm)?|"
    r"other people|others|someone else|somebody else|anyone else|anybody else|the man|free|"
    r"today|tonight|the (?:day|night|week|weekend|summer|season|holidays|year|month)|now|a bit|"
    r"a while|midnight|noon|(?-i:work)|the office|(?-i:weekends?|nights?|night time|the weekends)|"
    r"peanuts|this point|that point|a\s+(?:pay\s+)?(?:raise|rise)|a\s+promotion|"
    # oneself ("I work for myself on the side"); the one already known, by its kind ("made
    # partner at the firm")
    r"(?:my|them|him|her|your|our)sel(?:f|ves)(?:\s.*)?|"
    r"the\s+(?:firm|company|agency|practice|business|startup|place)|"
    r"(?:the|a|an)\s+(?:[\w-]+\s+)?(?:gym|club|choir|class|course|queue|waitlist|waiting list|meeting|call|chat|"
    # a part in a show ("took a leading role at the school play")
    r"play|musical|panto|pantomime|production|concert|show|recital)(?:\s.*)?|"
    # an agent one hires ("signed with a new estate agent, Ray White, to sell the house")
    r"(?:the|a|an)\s+(?:[\w-]+\s+)?(?:estate|letting|rental|removals?|mortgage|insurance)\s+agents?(?:\s.*)?|"
    # … by its name, and what it is hired for ("signed with Foxtons to sell the flat")
    r"[^,;]*?\bto\s+(?:sell|let(?:\s+out)?|rent(?:\s+out)?|market|list)\s+"
    r"(?:the|our|my|a|an|his|her|their)\s+(?:[\w-]+\s+)?"
    r"(?:flat|house|home|place|property|apartment|condo|bungalow|cottage|unit)\b.*|"
    r"(?:the|a|an)\s+(?:[\w-]+\s+){0,2}(?-i:flat|house|apartment|condo|place|home|houseshare|flatshare)(?:\s.*)?|"
    r"(?:a|an)\s+(?:[\w-]+\s+)?(?:woman|man|guy|lady|bloke|gal|family|couple|person|friend|mate|client|customer|boss)(?:\s.*)?|"
    r"(?:school|uni|college|nursery|kindergarten)(?:\s.*)?|.*\b(?:festival|fest|camp|conference|expo)\b.*|"
    r"(?:in|on|since|from|back|last|this|after|before)\s.*|\d{4}|"
    # a region one manages, in lower case, alone or before a place ("district manager for
    # west Cairo", "area manager for the north west"; not "North Yorkshire Police",
    # "Southern Water", "west elm", "central saint martins")
    r"(?-i:(?:the\s+)?(?:north|south|east|west|central|northern|southern|eastern|western)"
    r"(?:[\s-]+(?:east|west))?(?:\s+[A-Z][\w'-]*)?)|"
    r"(?:my|our|his|her|their|your)\s+(?!\S+'s\b).*)$",
    re.I,
)
NOT_REALLY = re.compile(r"\b(?:inside|in spirit|at heart|mentally|emotionally)\b", re.I)
# An age not meant: said of one's head or in another's years right after it ("I'm 25 again
# in my head", "100 years old in internet years", "40 in 5 years"), or played ("respond as
# if I'm 10", "User pretends to be 30").
NOT_MEANT_AFTER = re.compile(
    r"(?:\s+(?:years?|yrs?))?(?:\s+old)?\s+(?:again\s+)?in\s+(?:my\s+head|(?:\w+\s+)?years)\b", re.I
)
NOT_MEANT_BEFORE = re.compile(
    r"\b(?:as\s+if|pretend(?:s|ed|ing)?(?:\s+to\s+be)?|roleplay)\b[^,;]*$", re.I
)
_AGED = re.compile(r"^\d{1,3}[\s-]+(?:years?|yrs?)[\s-]+old\s+", re.I)
# "a new apartment in Bandra", "share house in Koenji": a home, its article said or not
_A_HOME_IN = re.compile(
    r"^(?:(?:a|an|our|my|the)\s+)?(?:" + HOME_ADJ + r"\s+){0,3}" + HOME_NOUN + r"\s+in\s+(?=\S)",
    re.I,
)
# Who the news is told to, after the place: "… in Fremantle mate".
_SAID_TO = re.compile(r"\s+(?:mate|bro|dude|guys|fam|babe|hun|tbh)$", re.I)
_TRAILING_DAY = re.compile(r"\s+(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$")
_NOT_A_LANGUAGE = re.compile(
    r"^(?:my|your|his|her|their|our|the|up|out|volumes|highly|well|from|for|to|with)\b", re.I
)
# How, where or why a language is learned or spoken, after it: "spanish on duolingo",
# "french with my tutor", "german for work", "italian at night school".
_HOW_LEARNED = re.compile(
    r"\s+(?:on|with|via|at|through|using|for|in|since|because|cause|how|what|online|again|"
    r"now|lol|haha|fluently|fluent|a\s+little|a\s+bit|badly|poorly|conversationally|natively|"
    r"well)\b.*$",
    re.I,
)
# Someone's, somewhere: "my mum in Leeds", "Tom's parents in Porto".
_SOMEONES_IN = re.compile(
    r"^(?:(?:my|our|his|her|their|[\w-]+'s)\s+(?:[\w-]+\s+){0,2}?|(?:friends|family|relatives|mates|"
    r"people|colleagues|cousins)\s+)in\s+(?P<place>\S.*)$",
    re.I,
)
# A birthday names its day: "14 feb", "March 3rd", "the 5th".
_A_DATE = re.compile(
    r"\d|\b(?:" + "|".join(MONTH_NAMES) + r"|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|"
    r"today|tomorrow|christmas|new year|halloween|valentine|easter|boxing day|eve|"
    + WEEKDAY_RE
    + r")\b",
    re.I,
)
# Not a place one lives or is: what "live in" / "be in" also say, and where one comes from
# ("visiting from Lahore").
_NOT_A_PLACE = re.compile(
    r"^(?:the (?:moment|present|past|future|now|cloud|clouds|fast lane|dark|red|black|zone|"
    r"loop|know|mood|middle)|(?-i:tonight|today|tomorrow)$|from\s.*|(?:the|a|an|our|my)\s+(?:[\w-]+\s+)?(?:hotel|hostel|motel|airbnb|b&b|campsite)\b.*|(?-i:hope|fear\b.*|denial|dread|sin|peace|harmony|luxury|poverty|"
    r"comfort|style|limbo|bliss|heaven|hell|debt|pain|shock|awe|love|trouble)|a bubble|"
    # a charge, a state or an activity one is in: "in charge of the office", "in a mood",
    # "in a meeting", "in a good place"
    r"charge(?:\s.*)?|the lead|(?:a|an)\s+(?:mood|meeting|hurry|rush|rut|slump|funk|"
    r"relationship|state|mess|pickle|call|lecture|(?:good|bad|better|dark|weird)\s+place)|"
    r"a dream|(?:year|grade|class|form|room|level|season|week|day|chapter|part|round|phase)"
    r"\s+\d\S*(?:\s.*)?|(?:my|his|her|their|our|your)\s+(?:head|own world|own little world|dreams?|"
    r"imagination|thoughts|feelings|bubble|pyjamas|pjs|sweatpants|element|prime|twenties|"
    r"thirties|forties|fifties|\d+s))$",
    re.I,
)
# Where one spends one's days, said as a home in jest ("I live in the gym these days",
# "I live in the library during exams"), or works: no home.
_NOT_A_HOME = re.compile(
    r"^(?:the|my)\s+(?:gym|office|library|pub|lab|studio|kitchen|bathroom|bed|sofa|couch|"
    r"garden|shed|car|classroom|hospital|airport)$|"
    # a workplace by its name, moved to for work ("moved to St James's hospital as a ward
    # sister", "moved to the Leeds office")
    # (not a building made a home: "we live in the Old Post Office")
    r".*\b(?:hospital|clinic|infirmary|headquarters|hq|campus|factory|warehouse|(?<!post\s)office)$",
    re.I,
)
WORK_SAID = re.compile(
    r"\b(?:as\s+(?:a|an|head|the)|work|works|working|job|teach|teaches|teaching|staff)\b", re.I
)


_TITLED = re.compile(r"^(?:head|director|chair|lead|manager|dean|vp|vice president)\s+of\b", re.I)


_NOT_A_JOB_START = frozenset(
    "into in on at of about from with for out over off up down so very really big pretty "
    "low high more less too to hiring recruiting interviewing looking seeking meeting seeing "
    "dating helping visiting hosting might could should would may must can will going gonna "
    "wanna one good bad terrible awful great decent natural slow lone bit keen amateur hobby "
    "weekend bedroom born total massive big-time light heavy fussy nose secret lay volunteer "
    "basically practically glorified unpaid wannabe aspiring armchair humble literally".split()
)
AT_HEART = re.compile(r"\bat heart\b", re.I)


def singular(job: str) -> str:
    head, _, last = job.rpartition(" ")
    if last.lower() in OCCUPATIONS or last.lower()[:-1] not in OCCUPATIONS:
        return job
    return f"{head} {last[:-1]}".strip()


def is_occupation(value: str) -> bool:
    if _TITLED.match(value):
        return True
    if value.split()[0].lower() in _NOT_A_JOB_START:
        return False  # "I'm into tech", "I'm in tech in Leeds", "I'm pretty low tech"
    if _INNER_ARTICLE.search(value):
        return False  # "mentoring a student", "a friend of a lawyer": not one's own work
    words = value.split()
    if (
        len(words) >= 3
        and words[-1][:1].isupper()
        and words[-2][:1].isupper()
        and any(word[:1].islower() for word in words[:-2])
    ):
        return False  # a name: "reading Harry Potter", "met Ben Mason"
    last = words[-1].lower().strip(".")
    if last in OCCUPATIONS or last.rstrip("s") in OCCUPATIONS:
        return True
    if last == "rep" and len(words) > 1 and words[-2].lower() in PAID_REPS:
        return True  # "a medical rep", "a sales rep" (not "a course rep", "a union rep")
    if last == "leader" and 1 < len(words) <= 3 and words[-2].lower() in _LEADS:
        return True  # "a team leader", "a shift leader" (not "a natural leader")
    # "I volunteer at the food bank" is no job, whatever it ends with
    return last.endswith(_OCCUPATION_SUFFIXES) and len(last) > 5 and last not in _NOT_OCCUPATIONS


# What a leader leads at work: "team leader", "shift leader", "ward leader".
_LEADS = frozenset(
    """team shift group section project squad unit ward store department area sales
    production site crew""".split()
)
# Who a rep works for by what they sell or cover: "sales rep", "medical rep".
PAID_REPS = frozenset(
    "sales medical pharma pharmaceutical field account territory area insurance".split()
)
_NOT_OCCUPATIONS = frozenset(
    "volunteer volunteers career careers tourist tourists guest visitor passenger optimist "
    "pessimist perfectionist realist idealist feminist atheist buddhist baptist methodist "
    "pacifist minimalist cyclist motorist nudist naturist hobbyist activist finalist "
    "mountaineer pioneer".split()
)
_INNER_ARTICLE = re.compile(r"\s(?:a|an|the)\s", re.I)


# What may follow a place said as a home: "shifted to Pune last month", "… in January",
# "… after the wedding", "… for work", "… from Delhi"; not a word that makes the name
# something else ("Mumbai Indians", "Delhi University", "Qatar Airways", "UK process"), nor
# "for maths tuition", "as my mentor", "after Klopp came", "on deputation", "over winter".
_PLACE_TAIL = re.compile(
    r"^(?:$|\d|(?:last|this|in|since|now|finally|permanently|recently|yesterday|today|"
    r"earlier|already|too|and|with|back|for\s+good|for\s+work|for\s+(?:a\s+|the\s+|my\s+|"
    r"her\s+|his\s+|our\s+|their\s+)(?:new\s+)?job|for\s+(?:uni|university|college|studies|"
    r"family|love)|after(?!\s+(?-i:[A-Z])\w*\s+(?:left|came|moved|joined|signed|retired|went|"
    r"took|got))|from(?=\s+(?-i:[A-Z])))\b)",
    re.I,
)


def a_place(raw: str) -> bool:
    """Whether the words a rule took as a home are a known place and what may follow one;
    after "from", another known place ("Perth from Sydney", not "Santander from Barclays")."""
    rest = place_rest(raw)
    if rest is None or not _PLACE_TAIL.match(rest):
        return False
    if rest.lower().startswith("from"):
        return place_rest(rest[4:].strip()) is not None
    return True


# What one is, said as a pastime, a role among friends or a way of speaking, not paid work
# (unless work is said: "I work as a nurse on weekends").
NOT_WORK = re.compile(
    r"\b(?:on\s+the\s+side|on\s+(?:the\s+)?weekends?|at\s+(?:the\s+)?weekends?|"
    r"on\s+(?:mon|tues|wednes|thurs|fri|satur|sun)days|in\s+my\s+(?:spare|free)\s+time|for\s+fun|"
    r"as\s+a\s+hobby|basically|practically|literally|apparently|kind\s+of|sort\s+of|"
    r"in\s+(?:the\s+)?(?:army\s+|air\s+|sea\s+)?cadets|chess\s+club|sunday\s+league|five-a-side|"
    r"at\s+(?:our|my|the)\s+(?:church|parish|mosque|temple|gurdwara|synagogue)|"
    r"for\s+my\s+(?:\w+'s\s+)?(?:kids|children|cat|dog|family|teenagers|manager|boss|parents|"
    r"friends)|in\s+my\s+own\s+home|"
    # a group one belongs to: "a team leader in my Scout group", "treasurer of our book
    # club", "captain on the quiz team at the pub"
    r"(?:in|on|of|for|at)\s+(?:my|our|the)\s+(?:local\s+)?(?:scout|scouts|cub|cubs|brownie|"
    r"brownies|guide|guides|beaver|beavers|book|quiz|pub|church|running|walking|knitting|chess|"
    r"football|netball|rugby|cricket|darts|pool|bowls|youth|residents['’]?|community|"
    r"parish|village|allotment|gardening|parents['’]?|pta)\s+(?:group|club|team|society|"
    r"association|committee|league|troop|pack|choir))\b",
    re.I,
)
PAID = re.compile(r"\b(?:work|works|working|job|paid|shifts?|salary)\b", re.I)


# What is studied, named: a word of these, or one ending like a field ("biology",
# "economics", "chemistry"); said after "studying" alone, only such a value counts.
_FIELDS = frozenset(
    """law medicine nursing engineering accounting accountancy economics finance business
    marketing management computing cs maths math mathematics physics chemistry biology
    history geography english literature philosophy psychology sociology politics
    architecture art arts design music drama theatre film media journalism education
    teaching pharmacy dentistry veterinary vet physiotherapy midwifery anthropology
    archaeology linguistics languages french spanish german italian japanese korean chinese
    mandarin arabic hindi portuguese russian statistics science sciences ai nutrition
    agriculture geology astronomy theology classics fashion photography hospitality tourism
    criminology cybersecurity it folklore surgery radiography optometry commerce work
    childhood development care health sport policy relations administration technology
    systems analytics security writing hygiene aid service baking cooking llb llm mbbs
    mbchb mba pgce bcom bpharm bds jd bsn mph msw""".split()
)
_FIELD_ENDINGS = ("ology", "ics", "istry", "onomy", "studies", "sciences")
# What follows "a masters in" that is no field: a time, a place's article, a meal.
_NOT_A_FIELD = re.compile(
    r"^(?:the|a|an|this|next|person|evenings?|weekends?|mornings?|nights?|spring|summer|"
    r"autumn|fall|winter|" + "|".join(MONTH_NAMES) + r"|lunch|dinner|breakfast|brunch|"
    r"drinks?|coffee|free|trouble)\b",
    re.I,
)


def a_field(value: str, named: bool) -> bool:
    """Whether a value read as what one studies is one: not a time or a place ("in
    September", "in Leeds"); with ``named``, a field by its word ("law", "data science")."""
    if _NOT_A_FIELD.match(value) or place_rest(value) == "":
        return False
    if not named:
        return True
    words = value.lower().split()
    return len(words) <= 4 and any(w in _FIELDS or w.endswith(_FIELD_ENDINGS) for w in words)


# The city said after a part of it: "Kilimani, Nairobi", "West End, Brisbane".
_THEN_CITY = re.compile(
    r"^\s*,\s*(?P<city>(?-i:[A-Z])[\w'’-]*(?:\s+(?:of\s+|de\s+)?(?-i:[A-Z])[\w'’-]*){0,2})"
    r"(?=\s*(?:$|[,.!;]|\s(?:now|these days|and|with|but|since|for)\b))"
)


def with_its_city(value: str, after: str) -> str:
    """A home in a part of a city, with the city said after it ("I live in Kilimani,
    Nairobi", "West End, Brisbane", "Paris, Texas"): both, so "which city?" and "which
    neighbourhood?" find it; only for a place known by name after the comma. And the parts
    of town said after the city, at most two in all: "Columbus, Ohio, Short North",
    "Bergen, in Sandviken", "Bengaluru, Koramangala side", "Dublin now, Phibsborough,
    paying a fortune" (not "Leeds, Sarah", a name perhaps; not "Leeds, Monday")."""
    parts: list[str] = []
    at = 0
    then = _THEN_CITY.match(after)
    if then is not None and place_rest(then.group("city")) == "" and value != then.group("city"):
        parts.append(then.group("city"))  # (not "my hometown, Bolton" read as Bolton twice)
        at = then.end("city")
    while len(parts) < 2:
        part = _PART_OF_TOWN.match(after, at)
        if part is None or part.group("p").split()[0].lower() in _NOT_A_PART_OF_TOWN:
            break
        if _NO_PART_OF_TOWN.search(part.group("p")):
            break  # "Otley Road", "Headingley Cricket Ground", "Southmead Hospital"
        known = place_rest(part.group("p")) == "" or _A_PLACE_WORD.search(part.group("p"))
        if not (known or (part.group("in") and not part.group("the"))) and not (
            not parts and _THEN_MORE.match(after, part.end())
        ):
            break  # "…, Asda side", "…, in the Mailbox", "…, Sarah": not known as a place
        if part.group("p") not in (value, *parts):
            parts.append(part.group("p"))
        at = part.end("p")
    return ", ".join([value, *parts])


# A part of town after a comma: "…, Short North", "…, in Sandviken", "…, Koramangala side"
_PART_OF_TOWN = re.compile(
    r"\s*(?:now\s*)?,\s*(?P<in>(?:right\s+)?in\s+)?(?P<the>the\s+)?"
    r"(?P<p>(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+){0,2})"
    r"(?P<kind>\s+(?:side|area|way|district|suburb|neighbourhood|neighborhood))?"
    r"(?=\s*(?:$|[,.!;(]|—|–|/|(?:lah|la|sha|now|these\s+days|with|by|near|right|close|"
    r"been|since)\b))"
)
_A_PLACE_WORD = re.compile(r"\b(?:North|South|East|West|Central|Heights|Hill|Hills|Bay|Village)\b")
# … one not known by name, where more is said of living there: "…, Phibsborough, paying a
# fortune for a box room" (not "…, Sarah, with my two kids")
_THEN_MORE = re.compile(r"\s*,\s*(?:been|paying|renting|living)\b")
# … never a street, a venue or a building: "Otley Road", "Southmead Hospital", "Uni"
_NO_PART_OF_TOWN = re.compile(
    r"\b(?:Road|Rd|Street|St|Avenue|Ave|Lane|Drive|Hospital|Ground|Stadium|Arena|Tower|Centre|"
    r"Center|Mall|Uni|University|College|School|Station|Airport|Halls?|Castle|Express|Hotel|"
    r"Office|Campus|Warehouse|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b"
)
_NOT_A_PART_OF_TOWN = frozenset(
    (
        *(day.lower() for day in WEEKDAYS),
        *(month.lower() for month in MONTH_NAMES),
        *"i we my our user thanks cheers mate lol haha yay love sorry please tbh btw".split(),
        *"honestly finally officially anyway also but and so".split(),
    )
)
