"""The phrasings of each keyed attribute: the RULES table, one phrasing per row (``Rule``).
How a clause is read against the table (which rows are tried, what value is taken, what
denies it) is keys.py's; who the clause is about is subjects.py's. The word lists and
pattern pieces the rows are built from are by family: rules_work.py (job, employer,
project), rules_home.py (home, location), rules_personal.py (age, name, family, food and
drink, pets, likes, school), health.py (conditions, medicines), values.py (occupation and
home words), and lexicon.py (pieces every family reads: ``ADV``, ``GONE``, ``V``, …).

Attributes (facts.ATTRIBUTES), each from a few phrasings — a sample:
  home: live(s) in X, moved / relocated to X, moved / shifted into a flat in X, based
        in X, settled in X, our flat is in X, "we're in X now", bought / rented / took a
        place in X, signed a lease on a flat in X, got the keys to our new house in X,
        finally unpacked in X, home is X now, X is our home now, our new address is X,
        "our new flat is a walk from X" (near X); and, where X is a known place
        (places.py), based in X, shifted to X, X-based, "a pharmacist based in X",
        resident in X, home is X, X is home;
        location (temporary, with an expiry): "I'm in X until Sunday", "over in X till
        Friday", "going to X on Monday for 3 days", "in X Monday to Wednesday";
  job: work as X, I'm a(n) X (an occupation), started / got a job as X, promoted to X,
       became X, "X is a carpenter"; employer: work at / for X, joined X, first day at X,
       got a job with / at X; "last day at X", left / quit X retire it;
  age: I'm N, N years old, turned N, "birthday … N already"; name: I'm Maya, my name is X;
  diet: vegetarian / vegan / pescatarian…, "don't eat meat" (vegetarian), "eat meat
        again" (eats meat); allergies: allergic to X, X allergy, X intolerant;
  likes / dislikes / favorite:<thing>: like / love / enjoy / into X, hate / can't stand X,
        my favorite X is Y; drinks: drink X, switched to <a drink>; and more below.
  A negation ("no longer", "not … anymore", "don't … any more", "stopped") turns the fact
  into one that retires the value it names.

A rule's pattern is compiled at first use; the words each pattern cannot match without
are read from needles.json (tools/build_needles.py writes it from this table).
"""

# ruff: noqa: E501  (the rule table keeps one phrasing per line)
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Optional

from .health import (
    CONDITION_NAMES,
    MEDICINE,
    MEDICINE_NAMES,
    NEWS_OF_MINE,
    NOT_SOMEONE_ELSES,
    NOT_THE_CONDITION,
    NOT_THE_MEDICINE,
    TAKES,
    UNSURE_BEFORE,
    VERBLESS_CONDITIONS,
)
from .lexicon import (
    ADV,
    ANY_WEEKDAY_RE,
    BE,
    GONE,
    MONTH_NAMES,
    MONTH_RE,
    NOT_A_NAME,
    NOT_A_NAME_WORD,
    PET_KIND,
    TRIP_TO,
    WEEKDAY_RE,
    V,
)
from .literals import Sieve, known_needles, sieve
from .rules_home import (
    A_HOME_SAID_END,
    A_TRIP_PLACE_END,
    A_TRIP_TIME,
    CLOSE_TO,
    HOME_AT,
    HOME_IN,
    HOME_IS,
    MOVED_HOW,
    NOT_A_DATE,
    NOT_A_HOME_AFTER,
    NOT_A_PLACE_WORD,
    NOT_A_STAY,
    NOT_A_TEAM,
    NOT_A_TITLED_ONE,
    NOT_FOR_LONG,
    ON_PLACE,
    OUR_HOME,
    PLACE_BEFORE_VERB,
    PLACE_IS_HOME,
    PLACE_NAME,
    PLANNED_MOVE,
    SETTLED_WELL,
    SINCE_THE_MOVE,
    STAYS,
    WHEN_NOT_WHERE,
)
from .rules_personal import (
    _PET_THINGS,
    A_CHILDS_SCHOOL,
    A_SCHOOL_WORD,
    AGE_UNIT,
    BABYS_NAME,
    BACK_FOR_A_YEAR_AT,
    BECAME,
    BORN_A,
    DIET_ENDED,
    DIET_WORD_ENDS,
    DIETS,
    DRINK,
    DRINK_HOW,
    DRINKS_LISTED,
    GROWN_AGE_WORDS,
    HOBBY_ENDS,
    I_TURN,
    LANGUAGE,
    MET_WITH,
    NO_LONGER_MY_PARTNER,
    NOT_A_COUNT,
    NOT_A_DIET_OF_A_THING,
    NOT_AT_A_SHOW,
    NOT_GONE_BY,
    NOT_WEATHER,
    NUMBER_WORDS,
    PASTIMES,
    PET_NAME,
    PLAYED,
    TODAY_WORDS,
)
from .rules_work import (
    _A,
    AS_AN_OCCUPATION,
    AS_FROM_NOW,
    AT_AN_EMPLOYER,
    BUSINESS_KINDS,
    COMPANY_SUFFIX,
    CUSTOMER_WORD,
    DAY_ONE_AT,
    FOR_A_WHILE,
    FRAGMENT,
    HOW_LONG_SAID,
    JOB_KIND,
    JOB_WHERE,
    JOKED,
    NAMED_EMPLOYER,
    NOT_A_SUBJECT,
    NOT_THE_ROLE,
    OCCUPATION,
    OCCUPATION_OR_REP,
    ORG_SHAPE,
    OWN_BUSINESS,
    PARTNER_GRADE,
    STAFF,
    STILL_SO,
    TAKEN_WORK,
    WORK_WORD,
    WORK_WORDS,
)
from .services import (
    A_GYM_OF_NO_NAME,
    BANK,
    BANK_ACCOUNT_CLOSED,
    BANK_CLOSED,
    BANK_TAKEN_UP,
    GYM,
    GYM_GONE_TO,
    GYM_LEFT,
    GYM_TAKEN_UP,
)
from .values import A_HOME, HOME_ADJ, HOME_NOUN
from .vehicles import A_MODEL_CODE, A_YEAR, AMBIGUOUS_MODEL, TRADED, VEHICLE
from .vehicles import ENDS as VEHICLE_ENDS
from .vehicles import KIND as VEHICLE_KIND
from .vehicles import OWN as OWN_VEHICLE
from .vehicles import QUALITY as VEHICLE_QUALITY
from .vehicles import TAKEN as VEHICLE_TAKEN


@dataclass(frozen=True)
class Rule:
    attribute: str  # "favorite:" takes the thing from the match's "thing" group
    source: str
    flags: int
    value: Optional[str] = None  # a value the phrasing itself means ("eats meat")
    negated: bool = False
    place: bool = False  # the value must begin with a known place's name ("Pune last month")
    named: bool = False  # the value is a name or a known place ("Leeds", "leeds"), not "bed"
    field: bool = False  # the value names a field of study ("law", "software engineering")
    # the value names somewhere ("Leeds", "denver", "a flat in Leeds"), not "sweatpants"
    somewhere: bool = False

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        # Compiled when the rules load (``keys.load``), not at import: the table takes
        # ~0.25 s to compile, which a server that never remembers (or not yet) need not pay.
        return re.compile(self.source, self.flags)

    @cached_property
    def sieve(self) -> Sieve:
        # Words every match needs: a clause without them is not searched.
        return sieve(known_needles(self.source, self.flags))

    @cached_property
    def reads_as_said(self) -> bool:
        # A rule whose phrasing is its value ("eat meat again") reads the words as said;
        # the others read them with the negation taken out, and negate.
        return self.negated or (self.value is not None and "{v}" not in self.value)


def _rule(
    name: str,
    pattern: str,
    value: Optional[str] = None,
    negated: bool = False,
    flags: int = re.I,
    place: bool = False,
    named: bool = False,
    field: bool = False,
    somewhere: bool = False,
) -> Rule:
    return Rule(name, pattern, flags, value, negated, place, named, field, somewhere)


# fmt: off
RULES: tuple[Rule, ...] = (
    # -- naming oneself (names are capitalised: these rules alone read case as written) --
    # "DeShawn", "McKenzie", "Émile", "Jean-Luc" too
    _rule("name", r"^(?:am|is)\s+(?P<v>(?:(?:Dr|Prof|Mr|Mrs|Ms)\.?\s+)?[A-ZÀ-ÝŁØ][a-zà-ÿłø]+(?:(?:Mc|Mac|De|La|Le)?[A-Z][a-z]+|-[A-Z][a-z]+)?(?:\s+[A-ZÀ-ÝŁØ][a-zà-ÿłø]+)?)(?=$|[,.!;]|\s+(?:and|but|from|by|here|btw|lol|haha|tbh|fyi)\b)", flags=0),
    _rule("name", r"\b[Mm]y\s+name(?:'s|\s+is)\s+(?P<v>[A-ZÀ-ÝŁØ][\w-]+(?:\s+[A-ZÀ-ÝŁØ][\w-]+)?)(?=$|[\s,.!;])", flags=0),
    _rule("name", r"^am\s+(?P<v>[a-z]{2,})\s*\([^)]*\b(?:is fine|for short|call me)\b", flags=0),
    # "call me Dee", "I go by Danny now", "changed my name to Dana Okafor" (not "we go by
    # Uber", "I go by Google Maps", "changed my name to Mike on Tinder")
    _rule("name", r"\b(?:[Cc]all me|go(?:es|ing)? by|[Cc]hanged my name to)\s+(?!" + NOT_GONE_BY + r"\b)(?P<v>[A-Z][\w-]*(?:\s+(?!(?:From|Now|Please|Thanks|After)\b)[A-Z][\w-]+)?)(?!['’\w-])(?=\s*(?:$|[,.!;]|now\b|these\s+days\b|instead\b|from\s+now\b|at\s+work\b|after\s+the\b|please\b|pls\b|lol\b|haha\b|btw\b|for\s+short\b))", flags=0),
    # … typed in lower case, the "now" said: "i'm going by sasha now" (not "going by bus now")
    _rule("name", r"\b(?:[Cc]all me|go(?:es|ing)? by)\s+(?!(?i:" + NOT_GONE_BY + r"|the|a|an|my|foot|car|cab|taxi|plane|boat|ferry|coach|tram|feel|instinct|gut|text|email|mail|post|phone|rule|rules|book|numbers)\b)(?P<v>[a-z]{3,})\s+now\b", flags=0),
    _rule("name", r"(?:^|[,!.:]\s*|[^\w\s]\s+)(?P<v>[A-Z]\w+) here\b(?=\s*(?:$|[,.!(—–-]))", flags=0),
    # … in other languages: "Me llamo Ana", "Soy Ignacio", "Sono Marco", "Jestem Aga", "Je
    # suis Luc" (not German's "Ich bin", whose nouns are capitalised: "Ich bin Lehrer")
    _rule("name", r"\b(?:[Mm]e llamo|[Jj]e m'appelle|[Ii]ch hei(?:ß|ss)e|[Mm]i chiamo|[Mm]ijn naam is|[Mm]ein [Nn]ame ist|[Mm]i nombre es|[Mm]eu nome é|[Mm]e chamo|[Nn]azywam się|[Ii]k heet|[Jj]ag heter|[Jj]eg (?:hedder|heter))\s+(?P<v>[A-ZÀ-Ý][\w]+)", flags=0),
    _rule("name", r"^(?:[Ss]oy|[Ss]ono|[Jj]estem|[Jj]e suis|(?:[Ee]u )?[Ss]ou(?: [oa])?)\s+(?P<v>[A-ZÀ-ÝŁ][a-zà-ÿł]+)(?=\s*(?:$|[,.!;]|\s(?:y|e|et|i|und|en|pero|ma|mais)\s))", flags=0),
    # -- work --
    # "my new employer is Mayo Clinic", as a model writes it down: "User's employer is Acme"
    _rule("employer", r"\b(?:my|our)\s+(?:new\s+|current\s+|present\s+)?(?:employer|workplace)\s+(?:is|has\s+changed\s+to|changed\s+to)\s+(?:now\s+)?(?!(?-i:TBD|TBA|OK|N/?A)\b)(?P<v>(?-i:[A-Z0-9])[\w&'.]*(?:\s+(?-i:[A-Z&])[\w&'.]*){0,3})(?=\s*(?:$|[,.!;]|now\b))"),
    _rule("employer", r"\b(?:last|final)\s+day\s+(?:at|with)\s+" + V, negated=True),
    # "twitter laid me off" (subjects.py: "got laid off by Twitter"): that employer ends
    _rule("employer", r"^got laid off by (?P<v>[\w&'.-]+)", negated=True),
    # one of an employer's staff by its name: "I'm officially a Lidl employee" (the job
    # had been "Lidl employee")
    _rule("employer", r"^" + ADV + BE + r"\s+" + ADV + r"(?:a|an)\s+(?P<v>" + NAMED_EMPLOYER + r")\s+" + STAFF + r"\b(?!\s+of\s+the\s+month)"),
    _rule("employer", r"^(?:have\s+|has\s+)?" + ADV + r"(?:left|quit|resigned\s+from)\s+(?:my|his|her|their|our)\s+job\s+(?:at|with)\s+" + V, negated=True),
    # … not a drink or a habit given up ("quit Dr Pepper cold turkey")
    _rule("employer", r"^(?:have\s+|has\s+)?" + ADV + r"(?:left|quit(?!\s+" + DRINK + r"\b)|resigned\s+from)\s+(?!my\s+job\b)(?![^,;:!?()]*\bcold\s+turkey\b)(?=(?-i:[A-Z]))" + V, negated=True),
    # … a service one serves in, in lower case: "he's quit the police", "left the army"
    _rule("employer", r"^(?:have\s+|has\s+)?" + ADV + r"(?:left|quit|resigned\s+from)\s+(?P<v>the\s+(?:police|army|navy|air\s+force|raf|marines|fire\s+service|fire\s+brigade|civil\s+service|military|nhs|council))(?=\s*(?:$|[,.!;]|for\s+good\b|(?:after\s+\d+\s+years?|last\s+\w+|this\s+\w+|in\s+\d{4})\s*(?:$|[,.!;])))", negated=True),
    _rule("job", r"^" + ADV + r"(?:(?:am|is|are|have\s+been|has\s+been|'ve\s+been|been)\s+)?" + ADV + r"(?:work|works|working|worked)\s+as\s+" + _A + V),

    # "starting monday as an instructional designer", "start next week as a sous chef"
    _rule("job", r"\b(?:started|start|starting|began)\s+(?:out\s+|off\s+)?(?:(?:on\s+)?(?:" + WEEKDAY_RE + r"|today|tomorrow|next\s+(?:week|month))\s+)?as\s+" + _A + V),
    _rule("job", r"\b(?:work|works|working|worked)\s+(?:at|for|with)\s+[^,;]+?\s+as\s+" + _A + V),
    # "took a full-time job at Adobe as a product designer", "a new role at Monzo as a PM"
    _rule("job", r"\b(?:took|got|accepted|started|landed|starting|start)\s+(?:a\s+|the\s+|my\s+)?(?:new\s+|full-time\s+|part-time\s+|permanent\s+)*(?:job|role|position)\s+(?:at|with)\s+[^,;]+?\s+as\s+" + _A + V),
    _rule("job", r"^" + ADV + r"(?:teach|teaches|taught|am teaching|is teaching)\s+(?P<v>[a-z0-9][\w ]*?)\s+(?:at|in|to)\b", value="{v} teacher"),
    # … "now teaching English in Busan" (not "… to my husband", "Teaching English in Busan
    # was the best year of my life")
    _rule("job", r"^(?:(?:now|currently|am|is|are|'m)\s+)*teaching\s+(?P<v>(?!(?:my|our|his|her|their|the|a|an|myself|him|them|kids|people|someone|how)\b)[a-z0-9][\w ]*?)\s+(?:at|in)\s+(?-i:[A-Z])(?![^,;]*\b(?:was|is\s+my|were|dream|dreams|volunteer)\b)", value="{v} teacher"),
    _rule("job", r"\b(?:made|named|appointed|promoted to|now)\s+(?P<v>(?:head|director|chair|lead|manager|dean)\s+of\s+[^,;:!?()]+)"),
    # … "the" head of a part of a workplace: "I'm now the head of marketing at Canva" (not
    # "the head of the household", "the head of the queue at Centrelink")
    _rule("job", r"\b(?:made|named|appointed|promoted to|now)\s+the\s+(?P<v>(?:head|director|chair|lead|manager|dean)\s+of\s+(?:(?-i:[A-Z])|(?:marketing|sales|finance|hr|engineering|product|design|operations|ops|it|legal|research|data|content|growth|people|talent|strategy|comms|communications|technology|science|maths|math|english|history|music|art|department|school|nursing|pharmacy|radiology|surgery|medicine|studies|year|customer|brand|digital|partnerships|procurement|analytics|infrastructure|platform|security\s+at\s+(?-i:[A-Z])))\b[^,;:!?()]*)"),
    # "finally made partner at the firm" (not "made partner happy")
    _rule("job", r"^" + GONE + r"(?:made|make|making)\s+(?P<v>(?:" + PARTNER_GRADE + r"\s+)?partner)\b(?=\s*(?:$|[,.!;]|at\b|this\b|last\b|today\b|yesterday\b|lol\b|🎉))(?![^,;]*\b(?:dream|dreams|class|doubles|dance|game)\b)"),
    # "moving into a curriculum advisor role at the Ministry", "stepped into a lead role"
    _rule("job", r"^" + ADV + r"(?:(?:am|is|are)\s+)?(?:moving|moved|stepping|stepped|stepped up)\s+into\s+(?:a|an|the)\s+(?:new\s+)?(?P<v>[\w -]+?)\s+(?:role|position|post|job)\b"),
    # (not hedged: "thinking about going freelance"; not besides: "…freelance on the side")
    _rule("job", r"^(?![^,;]*\b(?:thinking|considering|might|maybe|may|could|would|should|if|want|wants|wanna|hope|hoping|planning|dream|dreaming)\b[^,;]*freelance)[^,;]*\b(?:went|gone|going|turned|am|is)\s+(?:fully\s+)?freelance\b(?![^,;]*\b(?:too|as\s+well|also|on\s+the\s+side|side)\b)", value="freelancer"),
    # A role said alone, typed short: "Physiotherapist at Acıbadem", "senior product designer";
    # never a clause that opens with its verb ("Got promoted to lead": the rules below read it).
    _rule("job", r"^(?!.*\b(?:in|on)\s+(?:" + "|".join(MONTH_NAMES) + "|" + WEEKDAY_RE + r")\b)" + NOT_A_SUBJECT + r"(?!(?:am|is|are|was|were|be|been|has|have|had|do|does|did|will|would|can|could|my|our|his|her|their|the|this|that|i|we|he|she|they|it|not|no|so|very|too|got|get|gets|getting|promoted|hired|appointed|named|made|became|become|started|starting|follow|follows|followed|like|likes|love|loves|hate|hates|know|knows|knew|met|meet|watch|watched|need|needs|want|wants|see|saw|texted|dating|dated|miss|missed|ask|asked|tell|told|thank|thanks|almost|nearly|never|report|reports|reporting|you|u|(?-i:cook|cooks|cooked))\b)(?:a\s+|an\s+)?(?P<v>[A-Za-z][\w-]*(?:\s+(?!(?:are|is|was|were|starts|joins|arrives|begins|leaves|quits)\b)[\w-]+){0,3}?)(?=\s+(?:at|with|for)\s|\s*$)"),
    _rule("job", r"\b(?:started|start|starting|got|landed|took|taken|accepted|found|have|has)\s+(?:a\s+)?" + JOB_KIND + WORK_WORDS + r"\s+as\s+" + _A + V),
    _rule("job", r"\b(?:hired|promoted|appointed|trained|qualified|retrained)\s+(?:as|to)\s+" + _A + V),
    # "took over as principal at Ridgeway Primary", "stepped up as head coach": up to four
    # words, each whole (split anywhere, "--a--a…" was read in time growing with the
    # fourth power of its length: 400 characters, 92 s)
    _rule("job", r"^" + GONE + r"(?:took|taken|taking|take)\s+over\s+as\s+(?!(?:the\s+)?designated\b)" + _A + r"(?P<v>(?:(?!" + NOT_THE_ROLE + r")[\w-]+\s+){0,3}?(?!" + NOT_THE_ROLE + r")[\w-]+)(?=\s*(?:$|[,.!;]|\s(?:at|of|with)\s+(?-i:[A-Z])|\s(?:from|starting|today|yesterday|last|this|next|on)\b))"),
    # "i'm freelancing now", "went freelance", "self-employed now"
    # (not "freelancing for Google", "freelancing now too", "thinking about going freelance")
    _rule("job", r"^" + ADV + r"(?:(?:am|is|are)\s+)?(?:now\s+)?freelancing\b(?!\s+(?:for|with|at)\b)(?![^,;]*\b(?:too|as\s+well|also|on\s+the\s+side|side)\b)", value="freelancer"),
    # "accepted an offer as an instructional designer at Coursera" (subjects.py reads
    # "Coursera promoted me to …" as the user promoted)
    _rule("job", r"\b(?:accepted|took|taken|signed)\s+(?:an?|the|their)\s+(?:job\s+)?offer\s+(?:from\s+[^,;:!?()]+?\s+)?as\s+" + _A + V),
    # "joined Stripe as a data scientist", "signed my contract with Arsenal as physio"
    _rule("job", r"\b(?:joined|joining|join|started at|start at|starting at|started with|signed with|signed (?:(?:a|my|the)\s+)?(?:new\s+)?contract with)\s+[^,;:!?()]+?\s+as\s+" + _A + V),
    # "I'm the new head chef at Dishoom"
    _rule("job", r"^" + ADV + BE + r"\s+" + ADV + r"the\s+new\s+(?P<v>[\w-]+(?:\s+[\w-]+){0,2}?)(?=\s+(?:at|for|with|in)\s|\s*$|\s*[,.!])"),
    # "I'm the site engineer now", "I'm the station's lab coordinator now": a job said with
    # "the" and "now", its last word an occupation's (not "I'm the best man now")
    _rule("job", r"^" + ADV + BE + r"\s+" + ADV + r"the\s+(?:(?!(?:family|household|home|house|club|team|group|class|school)['’]s)[\w-]+['’]s\s+)?(?!(?:designated|family|household|main|primary|resident|house|home|unofficial|official|group|class|only|sole|first|last|go-to|[\w-]+est)\b)(?:(?P<v>(?:(?!(?:club|league|watch|bbq|fantasy|school|book|run|pta)\b)[\w-]+\s+){1,2}?" + OCCUPATION + r")(?:\s+(?:at|with)\s+[^,;:!?()]+?)?|(?P<v2>" + OCCUPATION + r")\s+(?:at|with)\s+[^,;:!?()]+?)\s+now\b(?!\s*(?:lol|haha|lmao|jk|😂|🤣))(?<!carer\snow)(?<!caregiver\snow)"),
    # "I've been hired by the RTC in Quebec City as a dispatcher"
    _rule("job", r"\b(?:hired|taken on|recruited|employed)\s+by\s+[^,;:!?()]+?\s+as\s+" + _A + V),
    # "got the assistant principal job", "first day as junior architect at …", "signed on
    # as production manager with …", "resumed at Emzor today as a regulatory affairs
    # officer" (Nigerian English: started)
    _rule("job", r"^(?:(?:just|finally|actually|officially)\s+)?(?:got|landed|bagged|took|accepted|(?:have|'ve)\s+(?:taken|accepted))\s+the\s+(?P<v>(?:[\w-]+\s+){0,3}?[\w-]+)\s+(?:job|role|position|post)\b(?!\s+(?:done|sorted|finished|quoted|fixed|booked|over|out)\b|\s+in\s+(?:the|a|our)\s+(?:school\s+)?(?:play|show|musical|film|movie|panto|production)\b)(?![^,;]*\b(?:in\s+(?:19|20)\d\d|years\s+ago|back\s+in|back\s+then|at\s+the\s+time)\b)"),
    _rule("job", r"\b(?:first (?:day|week|month)|day one|day 1|signed on|resumed|resuming)\s+(?:at\s+[^,;:!?()]+?\s+)?(?:today\s+)?as\s+" + _A + V),
    # "got a postdoc at Trinity", "landed a nursing assistant job with the NHS": a
    # position got, said by its word (not "got a tutor at Kumon", "got a table at Nobu"),
    # at a named place, and kept ("… but turned it down" is not)
    _rule("job", r"^" + ADV + r"(?:got|landed|bagged|scored|secured)\s+(?:a|an)\s+(?P<v>postdoc|(?:[\w-]+\s+){0,2}?[\w-]+(?=\s+(?:job|role|position|post)\b))\s+(?:(?:job|role|position|post)\s+)?(?:at|with)\s+(?:the\s+)?(?=(?-i:[A-Z]))(?![^,;.!?]*\b(?:turned\s+(?:it|that|them)\s+down|declined|said\s+no)\b)"),
    # A fragment that is a job: "product designer now", "staff engineer at Wolt"
    _rule("job", r"^" + FRAGMENT + r"\s+now\s*(?=$|[,.!;]|—|-\s)"),
    # … said as news: "Officially a senior engineer now!", "finally a qualified nurse now"
    _rule("job", r"^(?:(?:officially|finally|proudly|now)\s+)+(?:a|an)\s+(?!(?:[\w-]+\s+){0,2}(?:driver|gardener|owner|photographer|dj|carer|cook|runner|swimmer|cyclist|reader|blogger|influencer|homeowner|adult|grown-up|parent|mum|mom|dad)\b)" + FRAGMENT + r"\s+now\s*(?=$|[,.!;]|—|-\s)"),
    # … after the first day of it: "day one at Feedzai, product designer now"
    _rule("job", DAY_ONE_AT + r",\s*" + FRAGMENT + r"\s+now\s*(?=$|[,.!;]|—|-\s)"),
    _rule("job", r"^" + FRAGMENT + r"\s+(?=(?:at|@)\s+(?:(?-i:[A-Z])[\w&.-]*(?<!'s)\s*){1,4}(?:$|[,;!.]|\s+(?:now|again|remote|hybrid|full-time|part-time)\b))"),
    # (not a role in something said first: "At the murder mystery party, my role is the
    # butler", "In the group project, my role is tester"; "At work, my role is …" is one)
    _rule("job", r"^(?!(?:in|at|for|on)\s+(?!work\b|my\s+(?:[\w-]+\s+)?(?:job|work)\b)[^,]{2,60},\s*(?:my|his|her)\s+(?:new\s+)?role\b)(?=.*\b(?:my|his|her)\s+(?:new\s+)?(?:job|role|title|position)\s+is\b).*?\b(?:my|his|her)\s+(?:new\s+)?(?:job|role|title|position)\s+is\s+(?:now\s+)?" + _A + V),
    _rule("job", r"\b(?:my|his|her)\s+(?:job\s+)?(?:title|role)\s+(?:has\s+)?(?:changed|was changed|got changed)\s+to\s+" + _A + V),
    _rule("job", r"^" + ADV + r"(?:(?:have|has|'ve|'s)\s+)?(?:" + BE + r"|became|become|becoming)\s+" + ADV + r"(?:(?:a|an)\s+|(?!(?:my|our|his|her|their|your|the|so|very|too|not|no)\b))" + V),
    # "I'm done working for Acme" is over; "done working at the cafe for today" a shift
    _rule("employer", r"^(?!.*(?:" + FOR_A_WHILE + r"))(?:(?:am|is|are)\s+|(?:finally|officially)\s+)" + ADV + r"(?:done|finished|through)\s+(?:with\s+)?working\s+(?:at|for)\s+" + V, negated=True),
    _rule("employer", r"^" + ADV + r"(?:stopped|quit)\s+working\s+(?:at|for)\s+" + V, negated=True),
    # "I work at Boots", "I work part-time at Boots", "working as a nurse at Guy's"
    _rule("employer", r"^" + ADV + r"(?:work|works|working|(?:am|is|are)\s+(?:now\s+|currently\s+|still\s+)?working)\s+(?:(?:part[- ]time|full[- ]time|remotely|mostly|now|still|currently)\s+)?(?:(?:as|in)\s+[^,;]+?\s+)?(?:at|for)\s+" + V),
    # "I'm employed at Target", "no longer employed by Target"
    _rule("employer", r"^" + ADV + r"(?:(?:am|is|are|got)\s+)?" + ADV + r"employed\s+(?:at|by|with)\s+(?:the\s+)?(?=(?-i:[A-Z]))" + V),
    # "I've been working at Ecolab since January" (not "at Starbucks all morning")
    _rule("employer", r"^" + ADV + r"(?:(?:have|has|'ve)\s+)?been\s+working\s+(?:at|for)\s+(?![^,;]*\b(?:all\s+(?:day|morning|afternoon|evening|week|night)|today|tonight|this\s+(?:week|morning|afternoon|evening)|because|the\s+library|the\s+cafe|wifi)\b)" + V),
    # "I've worked at Tesco for 5 years", "have taught at Oakwood since 2019": so far, and
    # still (not "… before", "… until 2019", "had worked"); its job too ("I've worked as a
    # nurse for 10 years")
    _rule("employer", r"^" + ADV + r"(?:have|has)\s+" + ADV + r"(?:worked|taught)\s+(?:(?:as|in)\s+[^,;]+?\s+)?(?:at|for)\s+(?!" + HOW_LONG_SAID + r")" + STILL_SO + V),
    _rule("job", r"^" + ADV + r"(?:have|has)\s+" + ADV + r"worked\s+as\s+" + STILL_SO + _A + V),
    # "I work for myself now", "I'm my own boss now" (not "… on the side", "… too")
    _rule("employer", r"^" + ADV + r"(?:(?:am|is|are|have\s+been|has\s+been|'ve\s+been)\s+)?" + ADV + r"(?:work|works|working)\s+for\s+(?:myself|themself|themselves|himself|herself)\b(?=\s*(?:$|[.!;]|now\b|mostly\b|mainly\b|these\s+days\b|full[- ]time\b|since\b|as\s|lol\b|🎉|,\s*(?:a\s|my\s|small\b|running\b|doing\b|freelance\b)))(?![^,;]*\b(?:too|as\s+well|also|on\s+the\s+side|side|weekends?|evenings?|nights?|kitchen|minecraft|diet)\b)", value="self-employed"),
    _rule("employer", r"^" + ADV + r"(?:am|is|are|'m)\s+" + ADV + r"(?:my|their|his|her)\s+own\s+boss\b(?=\s*(?:$|[.!;]|now\s*(?:$|[.!;,])|lol\b|🎉))(?![^,;]*\b(?:kitchen|minecraft|diet|alone|when|that)\b)", value="self-employed"),
    # "doing my residency at St Vincent's", "interning at Goldman this summer"
    _rule("employer", r"^" + ADV + r"(?:(?:am|is|are|'m)\s+)?" + ADV + r"(?:(?:doing|started|starting|began|beginning)\s+(?:my|a|an|the)\s+(?:[\w-]+\s+)?(?:residency|internship|placement|rotation|fellowship|traineeship|apprenticeship)|interning)\s+(?:at|with)\s+(?=(?-i:[A-Z]))" + V),
    # "I'm self-employed now"
    _rule("employer", r"^" + ADV + r"(?:am|is|are|(?:have\s+|'ve\s+|has\s+)?(?:gone|went|going))\s+" + ADV + r"(?:self[- ]employed)(?=\s*(?:$|[,.!;]|now\b|full[- ]time\b))", value="self-employed"),
    # "I teach year 6", "teaches maths": a teacher
    # ("{v}er" of "teach", not a fixed value: so "I used to teach year 6" is denied)
    _rule("job", r"^" + ADV + r"(?P<v>teach)(?:es)?\s+(?:year\s*\d+|yr\s*\d+|grade\s*\d+|\d+(?:st|nd|rd|th)\s+grade|reception|nursery|primary|secondary|high school|middle school|kindergarten|(?:maths|math|english|science|history|geography|art|music|french|spanish|german|physics|chemistry|biology)\b)", value="{v}er"),
    # "the onboarding at Plaid is intense": a new employer
    _rule("employer", r"^(?:(?:starting|started|start|doing|done|finished|my|the)\s+)?(?:onboarding|induction)\s+at\s+(?=(?-i:[A-Z]))" + V),
    # "I'm on the payments team at Monzo", "I'm in sales at Nike": a team of an employer
    _rule("employer", r"^" + ADV + r"(?:am|is|are)\s+" + ADV + r"(?:(?:on|in)\s+the\s+(?:[a-z][\w-]*\s+){0,2}?(?:team|department|dept|division|squad|ward|desk|practice)|in\s+(?:sales|marketing|finance|hr|legal|engineering|product|design|ops|operations|support|it|research|data|analytics|compliance|procurement|logistics|recruitment|comms|pr|accounts|payroll|admin))\s+at\s+(?=(?-i:[A-Z]))(?![\w-]+'s\b)" + V),
    # "new gig at Deliveroo", typed short; "teaching at Ridgeway High now"
    _rule("employer", r"^(?:(?:a|my)\s+)?new\s+(?:job|role|position|post)\s+(?:at|with)\s+(?P<v>(?:the\s+)?[\w&'.-]+(?:\s+(?-i:[A-Z&])[\w&'.-]*){0,3})(?=\s*(?:$|[,.!;]|starts|begins|from\s|on\s|next|this|tomorrow|today|lol|is\b|'s\b|was\b|so far|going\b))"),
    _rule("employer", r"^" + ADV + r"(?:(?:am|is|are)\s+)?" + ADV + r"(?:teach|teaches|teaching)\s+(?:(?:maths|math|english|science|history|art|music|french|spanish|german|pe|physics|chemistry|biology|yoga|dance)\s+)?at\s+" + V),
    # "signed a full-time offer with Stripe", "accepted the offer from Stripe", "took the
    # Google offer", "tom accepted the airbus offer" (not "took the 2-for-1 offer")
    _rule("employer", r"^" + ADV + r"(?:(?:have|has|'ve)\s+)?(?:signed|accepted|took|taken)\s+(?:the|their)\s+(?!(?:job|new|first|second|other|best|better|higher|lower|final|same|last|counter|special|free|cash|trial|intro|introductory|upgrade|loyalty|retention|deal|sale|discount|ticket|mortgage|loan|tenancy|house|flat|room|place)\b)(?P<v>(?-i:[A-Z])[\w&'.-]+(?:\s+(?-i:[A-Z&])[\w&'.-]*){0,2}|(?!(?:redundancy|severance|settlement|buyout|retirement|insurance|refund|trade-in|payout|voluntary|pay|salary|rent|repair|cash|tenancy|rental)\b)[a-z][a-z&'.-]{2,})\s+(?:(?:full-time|part-time|job|grad|graduate|internship)\s+)?offer\b(?!\s+(?:from|of|at|with|on|for)\b)"),
    _rule("employer", r"\b(?:signed|accepted|took)\s+(?:an?|the|their|my)\s+(?:(?:full-time|part-time|job|new|permanent)\s+)*offer\s+(?:with|from|at)\s+(?=(?-i:[A-Z]))(?P<v>[\w&'.-]+(?:\s+(?-i:[A-Z&])[\w&'.-]*){0,3})"),
    _rule("employer", r"\bsigned\s+(?:(?:a|my|the|his|her|their)\s+)?(?:new\s+)?contract\s+with\s+(?=(?-i:[A-Z]))(?P<v>[^,;:!?()]+?)\s+as\s+"),
    _rule("employer", r"\b(?:first|second)\s+(?:day|week)\s+(?:(?:tomorrow|tmrw|today|on\s+(?:monday|tuesday|wednesday|thursday|friday|mon|tues?|wed|thurs?|fri))\s+)?(?:at|with)\s+(?!(?:the|my|our)\s+(?:new\s+)?(?:job|role|place|flat|house|home|apartment|gym|school)\b)(?P<v>[^,;:!?()]+?)(?:\s+(?:done|over|finished|complete|completed|survived))?\s*(?=$|[,;:!?()]|\s(?:and|but|so)\s+(?-i:[a-z])|\s(?:lol|haha)\b)"),
    _rule("employer", r"\b(?:joined|joining|started at|started working at|started (?:part|full)[- ]time at|signed with|moved over to|hired by|now at|now with(?=\s+(?-i:[A-Z])))\s+" + NOT_A_TEAM + V),
    # … at a named employer's office or site: "started at Tesco head office in Welwyn",
    # "joined Arup's Leeds office" (the employer, not the office)
    _rule("employer", r"\b(?:joined|joining|started at|started working at|moved over to)\s+(?:the\s+)?(?P<v>(?-i:[A-Z])[\w&.-]*(?:\s+(?-i:[A-Z&])[\w&.-]*){0,2}?)(?:['’]s\s+(?-i:[A-Z])[\w-]+\s+(?:offices?|campus|site|depot|plant|branch)|\s+(?:head\s+office|hq|headquarters))\b(?![^,;:!?()]*\b(?:party|club|book|quiz|do|drinks|event|for\s+(?:a|an|the)|to\s+(?:visit|see|meet)|visit|visiting|tour|meetup|hackathon|workshop|interview|lunch|dinner|drinks|coffee|yesterday\s+for|today\s+for)\b)"),
    # "I'm with PwC now, audit still", "my sister's with KPMG now, tax": an employer by its
    # shape (capitals inside or all through: not "with Tom"), a department said right after
    # it and nothing more of it, and no customer's word (not "I'm with EE now, the contract
    # was cheaper", "I'm with HMRC now, tax code sorted"; nor "at", a student's, a
    # shopper's or a patient's as often: "I'm at UCL now, engineering")
    _rule("employer", r"^" + ADV + r"(?:am|is|are|'m|'s)\s+" + ADV + r"with\s+(?:the\s+)?(?P<v>" + ORG_SHAPE + r")(?:\s+now)?\s*,\s*(?:in\s+)?(?=" + WORK_WORD + r"(?:\s+(?:still|team|department|dept|side|practice|now))?\s*(?:$|[,.!;]|but\b|and\b))(?![^.!?]*?(?:\b" + CUSTOMER_WORD + r"\b|" + JOKED + r"))"),
    _rule("employer", r"\b(?:registered|incorporated|set\s+up|formed)\s+(?:my|our)\s+(?:own\s+)?(?:company|business|ltd|llc|firm)\s*,?\s+(?P<v>(?-i:[A-Z])[\w'.-]*(?:\s+(?:&\s+|and\s+)?(?-i:[A-Z])[\w'.-]*){0,4}\s+" + COMPANY_SUFFIX + r")"),
    # a fragment that names a field of engineering or a residency at an employer, alone:
    # "backend at Zalando, Berlin", "IM residency at Mass General" (not "backend at Uber,
    # frontend at Lyft", "… or backend at Stripe, can't decide")
    _rule("employer", r"^(?:(?:back-?end|front-?end|full[- ]?stack|devops|sre|infra)(?:\s+(?:team|side|engineering|dev))?|(?-i:[A-Z]{2,5})\s+(?:residency|fellowship))\s+(?:at|@|with)\s+(?=(?-i:[A-Z])|the\s+(?-i:[A-Z]))(?![^,;:!?()]*\b(?:is|are|was|were|has|have|had|looks|seems|sucks|will|would|could|should|took|takes|says|said|found|gets|got|just|hits|down|up|vs|versus|or)\b)(?![^!?]*?(?:\b(?:back-?end|front-?end|full[- ]?stack|devops|sre|infra)\s+at\b|\bmy\s+\w+['’]s\b|\bcan['’]?t\s+decide\b|\bwhich\b))(?![^.!]*\?)(?P<v>(?-i:[A-Z])[\w&.'-]*(?:\s+(?-i:[A-Z&])[\w&.'-]*){0,3})\s*(?=$|,)"),
    # "From Sunday I'm at Pfizer Egypt as a medical rep", "I'm at Deloitte as an analyst
    # now": where one works and what as (not "at Tom's as a guest")
    _rule("employer", AT_AN_EMPLOYER + r"(?P<v>[^,;:!?()]+?)" + AS_AN_OCCUPATION + r"(?:[\w-]+\s+){0,2}?" + OCCUPATION_OR_REP + AS_FROM_NOW),
    _rule("job", AT_AN_EMPLOYER + r"[^,;:!?()]+?" + AS_AN_OCCUPATION + r"(?P<v>(?:[\w-]+\s+){0,2}?" + OCCUPATION_OR_REP + r")" + AS_FROM_NOW),
    # an employer rejoined, said so: "rejoined Ogilvy where I started my career",
    # "rejoined Accenture as a manager" (not "rejoined Netflix", "rejoined PureGym")
    _rule("employer", r"\bre-?join(?:ed|ing)\s+(?=(?-i:[A-Z]))(?P<v>(?-i:[A-Z])[\w&.'-]*(?:\s+(?-i:[A-Z&])[\w&.'-]*){0,3})(?=\s+(?:as\s+an?\s+(?!(?:[\w-]+\s+){0,2}?(?:student|member|volunteer)\b)(?:[\w-]+\s+){0,2}?" + OCCUPATION_OR_REP + r"|where\s+(?:I|i)\s+(?:started\s+my\s+career|used\s+to\s+work|worked\s+before))\b)"),
    # a contract won, or contracting: "landed a 6 month contract with Barclays", "contracting
    # for the Home Office" (not "signed a 24 month contract with EE": a phone's)
    _rule("employer", r"\blanded\s+(?:a|an|my|the)\s+(?:new\s+)?(?:(?:\d+|six|three|twelve|nine|two|four|eighteen)[- ](?:months?|weeks?|years?)\s+|(?:month|year)[- ]long\s+|(?:devops|dev|data|it|consulting|contracting)\s+)?contract(?:\s+(?:role|gig|job))?\s+(?:with|at|for)\s+(?=(?-i:[A-Z]))(?=[^.!?]*\b(?:through\s+an?\s+agency|via\s+an?\s+agency|devops|developer|consultant|contractor|day\s+rate|ir35|freelance)\b)(?![^.!?]*\b(?:phone|iphone|sim|tariff|broadband|data\s+plan|per\s+month|a\s+month)\b)" + V),
    _rule("employer", r"^" + ADV + r"(?:(?:am|is|are|'m)\s+)?" + ADV + r"contracting\s+(?:for|at|with)\s+(?=(?-i:[A-Z])|the\s+(?-i:[A-Z]))(?![^,;:!?()]*\b(?:is|are|was|were|has|have|had)\b)" + V),
    # a promotion or a return to work is at the user's employer: "moved up at Emzor",
    # "got promoted at Dell", "resumed at Emzor today" (West African English: started)
    _rule("employer", r"^" + ADV + r"(?:(?:got|was|been|am|is|'m)\s+)?(?:moved\s+up|promoted|resumed(?:\s+work)?)\s+at\s+(?=(?-i:[A-Z]))" + NOT_A_TEAM + V),
    # Parted from someone named: "broke up with Tom", "Tom and I split up" (read as "split
    # up with Tom"), "divorced Ana". It retires the partner of that name only (remember).
    _rule("partner", r"^" + GONE + r"(?:got\s+)?(?:(?:broke up|split up|split|separated|divorced|parted ways|called it quits|called it off|ended things|ended it)\s+(?:with|from)|divorced|dumped)\s+(?P<v>(?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+)?)", negated=True),
    # Back with a partner of before: "got back with Maya", "seeing Maya again", "dating Maya
    # again", "back together with Maya"
    _rule("partner", r"^" + GONE + r"(?:(?:got|am|are|'m|'re)\s+)?(?:back\s+(?:together\s+)?with|(?:seeing|dating)\s+(?=(?-i:[A-Z])[\w'-]+\s+again\b))\s*(?P<v>(?-i:[A-Z])[\w'-]+)"),
    # A partner who died, as the extractor words it ("ray passed away" → "widowed by Ray")
    _rule("partner", r"^widowed by (?P<v>(?-i:[A-Z])[\w'-]+)", negated=True),
    _rule("partner", NO_LONGER_MY_PARTNER, negated=True),
    # "got hired at Denver Health", "Hired at Arup!"; not "hired at minimum wage", "hired
    # at 23", "wasn't hired at Google", "hope I get hired at Google"
    _rule("employer", r"(?:^|\b(?:got|was|were|been|just|finally|officially)\s+)hired\s+at\s+(?=(?-i:[A-Z]))(?!" + NOT_A_NAME_WORD + r")" + V),
    # "got poached by Grab", "headhunted by Deloitte"
    _rule("employer", r"^" + GONE + r"(?:got\s+|been\s+)?(?:poached|headhunted|head-hunted)\s+by\s+(?=(?-i:[A-Z]))" + V),
    _rule("employer", r"^" + ADV + r"(?:(?:am|is|are)\s+)?(?:moving|moved|stepping|stepped)\s+into\s+(?:a|an|the)\s+(?:new\s+)?[\w -]+?\s+(?:role|position|post|job)\s+(?:at|with)\s+" + V),
    # (not a side one plays in for fun: "plays for an under-10s football team", "plays for
    # the school team", "plays for a sunday league side")
    _rule("employer", r"^" + ADV + r"(?:fly|flies|flying|drive|drives|driving|play|plays|playing|sing|sings|coach|coaches|coaching)\s+for\s+(?![^,;:!?()]*\b(?:under[- ]?\d+s?|u\d+s?|youth|junior|juniors|kids|school|sunday\s+league|pub|local|club's\s+(?:2nd|second|3rd|third|b)|(?:2nd|second|3rd|third|b)\s+team|(?:a|an)\s+(?:[\w-]+\s+)?(?:football|soccer|rugby|netball|cricket|hockey|basketball|baseball|softball|volleyball|darts|pool|quiz)\s+(?:team|club|side))\b)" + V),
    # … begun: "started driving for Uber full time" (a name: not "… for the first time",
    # "… for hours", "… for Meals on Wheels as a volunteer")
    _rule("employer", r"^" + ADV + r"(?:started|start|starting|began)\s+(?:driving|flying|delivering|riding|coaching)\s+for\s+(?=(?-i:[A-Z]))(?![^,;]*\b(?:volunteer|volunteering|charity|fun|free)\b)" + V),
    _rule("employer", r"\b" + TAKEN_WORK + JOB_WHERE + r"\s+(?:at|with|from)\s+" + V),
    # "I've been at Infosys 7 years": where one has worked that long (not days or weeks:
    # "been at Glastonbury for 3 days"; not "been with Tom for 5 years", a partner)
    _rule("employer", r"^" + ADV + r"(?:(?:have|has)\s+)?been\s+at\s+(?=(?-i:[A-Z]))(?P<v>[^,;:!?()]+?)(?=\s+(?:for\s+)?(?:(?:almost|nearly|over|about)\s+)?(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|a\s+few|a\s+couple\s+of|several|many)\s+(?:years?|yrs?|months?)\b)"),
    # … typed in lower case, with the role said after: "been at halden pharma 6 years as a
    # qa manager" (not "been at uni 3 years as a student")
    _rule("employer", r"^" + ADV + r"(?:(?:have|has)\s+)?been\s+at\s+(?!(?:the|a|an|my|our|uni|university|college|school|home|it|this|that)\b)(?P<v>[a-z][^,;:!?()]*?)\s+(?:for\s+)?(?:(?:almost|nearly|over|about)\s+)?(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|a\s+few|a\s+couple\s+of|several|many)\s+(?:years?|yrs?|months?)\s+(?:now\s+)?as\s+(?:a|an|the)\s+(?!(?:student|volunteer|member|customer|patient|client|trainee\s+student)\b)"),
    # "got a job @ JP Morgan" (a job only: "got a post @ LinkedIn" is no work)
    _rule("employer", r"\b(?:got|gotten|scored|landed)\s+(?:a\s+|the\s+|my\s+)?(?:new\s+)?job\s*@\s*" + V),
    _rule("employer", r"\b(?:work|works|working)\s+(?:[\w-]+\s+){0,3}?(?:work\s+)?for\s+" + V),
    # "I do PR for Nike", "doing contract work for the council", "I do IT support for a
    # small firm" (not "what do I need for a mortgage application", "doing vegetarian for
    # lent": a name, a public body, or a firm said so)
    _rule("employer", r"\b(?:do|does|doing|am doing)\s+(?!I\b)(?:[\w-]+\s+){0,3}?(?:work\s+)?for\s+(?=(?-i:[A-Z])|the\s+(?-i:[A-Z])|the\s+(?:council|nhs|government|civil\s+service|army|navy|police|bbc|university)\b|(?:a|an)\s+(?:[\w-]+\s+){0,2}(?:firm|company|agency|start-?up|business|consultancy|practice|bank|retailer|publisher|studio|nightclub|bakery|restaurant|pub|cafe|shop|salon)\b)" + V),
    _rule("employer", r"\b(?:start|starts|starting)\s+at\s+" + V),
    # back at work, where it names: "went back to work at Google", "back working for the NHS"
    _rule("employer", r"^" + ADV + r"(?:(?:am|are|is|went|gone|going|go|came|come|got)\s+)?back\s+(?:to\s+work(?:ing)?|working)\s+(?:at|for|with)\s+(?=(?-i:[A-Z])|the\s+(?-i:[A-Z]))" + V),
    # "Starting with New Braunfels Utilities after New Year": with a workplace named and
    # when (not "starting with the basics tomorrow", "… Mum's party", "… Spanish")
    _rule("employer", r"\b(?:start|starts|starting)\s+with\s+(?=(?-i:[A-Z]))(?![\w&.-]+['’]s\b)(?!(?:" + "|".join(sorted(NOT_A_NAME)) + r")\b(?!\s+(?-i:[A-Z])))(?P<v>(?-i:[A-Z])[\w&.'-]*(?:\s+(?:&\s+)?(?-i:[A-Z])[\w&.'-]*){0,3})(?=\s+(?:after|in|on|from|next|this|at\s+the\s+start|tomorrow|today)\b)"),
    _rule("employer", r"\b(?:main|first|biggest|new|only)?\s*(?:big\s+)?client\s+is\s+" + V),
    _rule("employer", r"\b(?:opened|started|runs|run|running|founded|launched|set up|setting up|starting)\s+(?:her|his|their|my|our|a)\s+(?:own\s+)?(?P<v>(?:[\w-]+\s+){0,2}?(?:" + BUSINESS_KINDS + r")\b[^,;:!?()]*)", value=OWN_BUSINESS),
    _rule("project", r"^" + ADV + r"(?:am|is|are)?\s*" + ADV + r"working\s+on\s+" + V),
    _rule("project", r"\bmy\s+(?:current\s+|main\s+)?project\s+is\s+" + V),
    # "now hacking on a recipe app called Mise", "I'm building a Chrome extension called TabTamer"
    _rule("project", r"^" + ADV + r"(?:am|is|are)?\s*" + ADV + r"(?:building|developing|hacking\s+on|coding|making)\s+(?=(?:a|an|my|our)\s+(?:[\w-]+\s+){0,3}?(?:app|website|site|web\s+app|tool|game|extension|plugin|library|startup|platform|bot|service|product|api|cli|saas|framework|engine|podcast|newsletter|novel|course)\s+(?:called|named)\s+(?-i:[A-Z]))" + V),
    # one named, done with: "I shipped Ledgerly", "stopped working on Ledgerly", "User
    # completed the Ledgerly project"
    _rule("project", r"^" + GONE + r"(?:shipped|abandoned|shelved|completed|scrapped|wrapped\s+up|stopped\s+working\s+on|quit\s+working\s+on|moved\s+on\s+from)\s+(?:the\s+|my\s+)?(?P<v>(?-i:[A-Z])[\w-]*(?:\s+(?-i:[A-Z])[\w-]*)?)(?:\s+(?:project|app))?\b(?!['’])(?!\s+(?:v\d|beta|update|version|feature|landing|page|mvp|demo|release|to\b|on\b|for\b))", negated=True),
    # -- home and whereabouts --
    # … normally: of a known place, for good ("I normally live in Zagreb", not "in trackies",
    # "in Spain in the winter")
    # "my current city is Philadelphia", "my home city changed from Minneapolis to Duluth"
    _rule("home", r"\b(?:my|our)\s+(?:new\s+|current\s+|present\s+)?(?:home\s+city|city|(?<!home\s)town)\s+(?:is\s+(?:now\s+)?|(?:has\s+)?changed\s+(?:from\s+[^,;]+?\s+)?to\s+)(?P<v>(?-i:[A-Z])[\w.'-]*(?:\s+(?-i:[A-Z])[\w.'-]*){0,2})(?=\s*(?:$|[,.!;]|now\b))", named=True),
    # one of a place's people now: "we're Manchester residents now", "guess I'm a Leeds
    # girl now" (not "a Liverpool fan now": a team)
    _rule("home", r"^" + ADV + BE + r"\s+" + ADV + r"(?:(?:a|an|official|proud|full-time)\s+)*(?P<v>(?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+)?)\s+(?:residents?|locals?|girl|boy|lad|lass|gal|guy)\s+(?:now|officially|at\s+last)\b"),
    _rule("home", r"^" + ADV + r"(?:normally|usually|mostly|generally)\s+(?:live|lives|reside|resides)\s+in\s+(?!.*\bin\s+(?:the\s+)?(?:winter|summer|spring|autumn|week)\b)" + NOT_A_HOME_AFTER + V, place=True),
    _rule("home", r"^" + ADV + r"(?:live|lives|living|reside|resides|am living|are living|is living|have lived|has lived|have been living)\s+" + ADV + r"(?:(?:on\s+(?:my|his|her|their|our)\s+own|alone|together)\s+)?in\s+" + V, somewhere=True),
    # "I live with my parents in Houston": a place named, not "in the summer", "in their basement"
    _rule("home", r"^" + ADV + r"(?:live|lives|living|am living|are living|(?:(?:have|has)\s+)?moved(?: back)? in|moving(?: back)? in|am moving(?: back)? in|are moving(?: back)? in)\s+" + ADV + r"with\s+(?:my|our|his|her|their)\s+[^,;:!?()]{1,40}?\s+in\s+(?![^,;]*\b(?:for\s+the\s+(?:summer|winter|holidays)|for\s+(?:a\s+few|a\s+couple\s+of|\d+)\s+(?:days|weeks)|temporarily|till|until)\b)(?!(?:" + MONTH_RE + r"|the\s+(?:end|start|beginning|summer|spring|autumn|winter))\b)" + V, named=True),
    _rule("home", r"^" + ADV + r"(?:live|lives|living|am living|are living|is living)\s+" + ADV + r"on\s+(?P<v>" + ON_PLACE + r")", value="on {v}"),
    _rule("home", r"\b(?:moved|relocated|have moved|has moved|emigrated|upped sticks|up sticks|ended\s+up\s+(?:moving|relocating))\s+" + MOVED_HOW + r"to\s+(?!(?:be|get|live|work|study|look|find|start|help|care|take|join|see|spend|stay|go|do|make)\b)" + NOT_A_TEAM + NOT_A_DATE + NOT_A_TITLED_ONE + V, somewhere=True),
    _rule("home", r"\b(?:moved|relocated)\s+(?P<v>there)\b"),
    # "Since the move to Boise I've been…", "since moving to Boise": a move made, said
    # before what followed it
    _rule("home", SINCE_THE_MOVE, place=True),
    # "we're officially Denver residents now", "proud Leeds local": where one lives
    _rule("home", r"^(?:am|is|are)\s+(?:now\s+)?(?:officially|finally)\s+(?:an?\s+)?(?P<v>(?-i:[A-Z])[\w.'-]*(?:\s+(?-i:[A-Z])[\w.'-]*){0,2})\s+(?:residents?|locals?)\b(?!\s+(?:of|at|in)\b)", place=True),
    # "current residence: Portland, OR", an agent's note
    _rule("home", r"(?:^|\bmy\s+)current\s+(?:residence|city\s+of\s+residence)\s*(?:is\s+|:\s*)(?=(?-i:[A-Z]))" + V, somewhere=True),
    # A move to come: a home from the day the clause names, else a plain memory (timing.py).
    _rule("home", PLANNED_MOVE + V, somewhere=True),
    # in one's own home, by the town it is in: "still in my Liverpool flat", "back in our
    # Leeds house" (a known place)
    _rule("home", r"^" + ADV + r"(?:(?:am|are|is)\s+)?" + ADV + r"(?:back\s+)?in\s+(?:my|our)\s+(?P<v>(?-i:[A-Z])[\w'-]*(?:\s+(?-i:[A-Z])[\w'-]*)?)\s+(?:flat|house|apartment|place|home)\b(?=\s*(?:$|[,.!;]|(?:now|again|lol|haha|finally|at\s+last)\b))", place=True),
    _rule("home", r"^" + ADV + BE + r"\s+" + ADV + r"(?:now\s+)?(?:based|living|settled|located)\s+in\s+" + SETTLED_WELL + V),
    _rule("home", r"\b(?:settled\s+(?:in\s+to|into|in)|bought|found|rented|got|took|taken|share|shares|sharing)\s+" + NOT_A_STAY + A_HOME + HOME_IN, value="{at} {v}"),
    _rule("home", r"\bsettled\s+in\s+" + SETTLED_WELL + V),
    # A home left, named: "sold the flat in Berlin", "moved out of my place in Leeds". It
    # retires that home only, not one said since ("settling into Glasgow").
    _rule("home", r"^" + GONE + r"(?:sold|moved out of|handed back the keys to)\s+(?:my|our|the)\s+(?:old\s+)?(?:house|flat|apartment|place|home)\s+in\s+(?P<v>(?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+)?)(?![^,;.!?]*\b(?:into|to)\b)", negated=True, place=True),
    # "settling into York", "back home in Lyon tonight" (not "back home in India, we…")
    _rule("home", r"^" + ADV + r"(?:(?:am|are)\s+)?" + ADV + r"settling\s+(?:in\s+)?(?:into|in)\s+(?P<v>(?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+)?)(?=\s*(?:$|[,.!;]|now\b|life\b|nicely\b|well\b|at\s+last\b))(?![^.!?]*\b(?:hotel|for\s+the\s+(?:week|weekend|night)|conference|visit|visiting|holiday|trip)\b)", place=True),
    _rule("home", r"^(?:(?:am|are|got|get|getting|finally|just|safely|made it)\s+)*back\s+home\s+in\s+(?P<v>(?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+)?)(?=\s+(?:tonight|today|now|at last|finally|safe|safely|after)\b|\s*$)(?![^.!?]*\b(?:visit|visiting|for\s+(?:the|my|a|our|his|her)\b|folks|parents|holiday|holidays|christmas|wedding|funeral)\b)", place=True),
    # "moved house last week, now in Clifton", "back in Cork for good"
    _rule("home", r"\b(?:moved|relocated|moving|move)\b[^.!?]*?,\s*now\s+(?:living\s+|based\s+|renting\s+(?:a\s+room\s+|" + A_HOME + r"\s+)?)?in\s+(?=(?-i:[A-Z]))" + V),
    _rule("home", r"^" + ADV + r"(?:(?:am|are|is)\s+)?back\s+(?:home\s+)?in\s+(?P<v>[^,;:!?()]+?)\s+for good\b"),
    # "in Toronto now, Scarborough": said short, as "we're in Lisbon now" is
    _rule("home", r"^in\s+" + PLACE_NAME + r"\s+(?:now|these days)\b" + NOT_FOR_LONG),
    # Said of a place that is one, by name (places.py): "based in Bengaluru, Koramangala
    # side", "shifted to Pune last month" (not "shifted to Marketing"), "Berlin-based now".
    _rule("home", r"^" + ADV + r"(?:" + BE + r"\s+" + ADV + r")?(?:based|located)\s+(?:in|out\s+of)\s+" + NOT_A_HOME_AFTER + V, place=True),
    # … after one's job, or as a resident: "I'm a pharmacist based in Ibadan", "resident in Abuja"
    _rule("home", r"^" + ADV + BE + r"\s+" + ADV + r"(?:a|an)\s+(?:(?!(?:for|with|of|to|at|helping|supporting)\b)[\w-]+\s+){1,3}?(?:based|living|residing)\s+(?:in|out\s+of)\s+" + NOT_A_HOME_AFTER + V, place=True),
    _rule("home", r"^" + ADV + r"(?:" + BE + r"\s+" + ADV + r")?(?:a\s+)?(?:resident|residing)\s+(?:in|of|at)\s+" + NOT_A_HOME_AFTER + V, place=True),
    _rule("home", r"^" + GONE + r"shifted\s+(?:back\s+|over\s+)?to\s+" + NOT_A_HOME_AFTER + V, place=True),
    _rule("home", r"^" + ADV + BE + r"\s+" + ADV + r"(?:(?:a|an)\s+)?(?P<v>(?-i:[A-Z])[\w']*(?:\s+(?-i:[A-Z])[\w']*){0,2})-based\b(?!\s+(?:startup|start-up|agency|company|firm|brand|business|team|band|charity|studio|shop|label|consultancy|organi[sz]ation|ngo|collective|group|publication|magazine|podcast)\b)" + NOT_A_HOME_AFTER, place=True),
    # "moved out of Kilimani to my own bedsitter in Westlands", "moved into our Punggol flat"
    _rule("home", r"^" + GONE + r"moved\s+out\s+of\s+[^,;]+?\s+(?:to|into)\s+" + A_HOME + r"\s+in\s+" + V),
    _rule("home", r"^" + GONE + r"moved\s+into\s+(?:our|my)\s+(?:new\s+|own\s+)?" + PLACE_NAME + r"\s+" + HOME_NOUN + r"\b"),
    # "shifted" is Indian English's "moved": "we shifted to a new flat in Whitefield",
    # "shifted to Pune after the wedding"; "packed into" Nigerian English's: "we've packed
    # into our own place in Magodo"
    _rule("home", r"\b(?:moved\s+in(?:to|\s+to)|shifted\s+(?:to|into)|packed\s+into)\s+" + NOT_A_STAY + A_HOME + HOME_AT, value="{at} {v}"),
    # … with a word of home in the clause: "shifted to Marketing", "shifted to Notion",
    # "shifted to night shifts" say no move
    _rule("home", r"^" + GONE + r"shifted\s+(?:back\s+)?to\s+(?=.*\b(?:after\s+(?:the\s+)?(?:wedding|marriage|shaadi)|family|parents|in-laws|for good|permanently|house|flat|home|apartment|rent)\b)(?!" + NOT_A_PLACE_WORD + r")" + PLACE_NAME + r"(?!\s+(?-i:[a-z])\w*\s*(?:office|team|branch)\b)"),
    _rule("home", r"^(?:my|our)\s+(?:new\s+)?" + HOME_NOUN + r"(?:'s|\s+is|\s+are)\s+(?:now\s+)?in\s+" + V),
    _rule("home", r"^(?:(?:my|our|the|a)\s+)?new\s+" + HOME_NOUN + r"(?:'s|\s+is|\s+are)\s+(?:now\s+)?in\s+" + V),
    # Where the user's new neighbours are, and where the commute starts: "our new
    # neighbours in Fremantle invited us", "my commute from Woking is killing me", "my
    # commute from our new place in Lewisham is 20 mins"
    _rule("home", r"^(?:my|our)\s+new\s+neighbo(?:u)?rs?\s+(?:(?:here|now)\s+)?in\s+" + PLACE_NAME),
    # the first days in a new home, where it is: "first week at the new place in Leith"
    _rule("home", r"^(?:(?:first|second|1st|2nd)\s+(?:night|week|weekend|day|month|morning)\s+(?:at|in)\s+)" + OUR_HOME + HOME_IN, value="{at} {v}"),
    _rule("home", r"^(?:my|our)\s+(?:daily\s+)?commute\s+from\s+(?:" + OUR_HOME + r"\s+in\s+)?" + PLACE_NAME),
    # "our new flat in Leeds has a balcony": the place is what comes before the verb
    _rule("home", r"^(?:(?:my|our)\s+(?:new\s+)?|new\s+)" + HOME_NOUN + r"\s+in\s+" + PLACE_BEFORE_VERB),
    _rule("home", r"^(?:(?:my|our|the|a)\s+)?new\s+" + HOME_NOUN + r"(?:'s|\s+is|\s+are)\s+(?:now\s+)?(?:right\s+|just\s+)?(?P<at>on|behind|by|next to|near|opposite)\s+" + V, value="{at} {v}"),
    # "our new flat is a five-minute walk from Slottsskogen": near it
    _rule("home", r"^(?:(?:my|our|the)\s+)?new\s+" + HOME_NOUN + r"(?:'s|\s+is|\s+are)\s+(?:now\s+)?(?:right\s+|just\s+|only\s+)?" + CLOSE_TO + r"\s+" + V, value="near {v}"),
    _rule("home", r"^(?:have|has)\s+(?:been|lived)\s+in\s+(?P<v>[^,;:!?()]+?)\s+(?:forever|for\s+(?:years|ages|decades|\w+\s+years)|since)\b", somewhere=True),
    _rule("home", r"^" + GONE + r"(?:bought|buying|rented|renting|signed for|closed on)\s+" + NOT_A_STAY + r"(?:(?:a|an|our|my|the)\s+)?(?:" + HOME_ADJ + r"\s+){0,3}(?:" + HOME_NOUN + r"|one)" + HOME_AT, value="{at} {v}"),
    _rule("home", r"^" + GONE + r"(?:signed|signing)\s+" + NOT_A_STAY + r"(?:a|the|our|my)\s+(?:new\s+)?(?:lease|tenancy|tenancy agreement|rental agreement)\s+(?:on|for)\s+" + A_HOME + HOME_AT, value="{at} {v}"),
    _rule("home", r"^" + ADV + r"(?:signed|signing)\s+" + NOT_A_STAY + r"(?:a|the|our|my)\s+(?:new\s+)?(?:lease|tenancy)\s+in\s+(?!" + NOT_A_PLACE_WORD + r")" + PLACE_NAME + r"(?!['’]s?\b)(?=\s*(?:$|[,.!;]|\s(?:now|today|yesterday|last|this|finally|and)\b))"),
    # "I stay in Ajah" is where one lives, said so in Nigerian and Scottish English; not
    # "I'm staying in…", a stay
    _rule("home", r"^" + ADV + r"(?:stay|stays)\s+in\s+(?!" + NOT_A_PLACE_WORD + r"|(?:Travelodge|Hilton|Marriott|Premier|Holiday|Airbnb|Ibis|Hyatt|Sheraton|Character|Touch|Shape|School|Line|Bed)\b)" + PLACE_NAME + r"(?=\s*(?:$|[,.!;]|\s(?:with\s+(?:my|our)|and|now|near|these days)\b))"),
    # "sublet a flat in Grünerløkka": taken from a tenant, a home (not "sublet my flat")
    _rule("home", r"^" + GONE + r"(?:sublet|subletting|sublets)\s+" + NOT_A_STAY + r"(?!.*\bto\s+(?:a|an)\s)(?:a|an)\s+(?:" + HOME_ADJ + r"\s+){0,3}(?:" + HOME_NOUN + r"|room)\s+in\s+" + V),
    _rule("home", r"^" + GONE + r"(?:got|picked up|collected|have got|has got)\s+" + NOT_A_STAY + r"(?:the|our|my)\s+keys\s+(?:to|for)\s+" + OUR_HOME + HOME_AT, value="{at} {v}"),
    # unpacked for good, not a suitcase in a hotel: "finally unpacked in Glasgow", "unpacked
    # the last box at our new flat in Hove"
    _rule("home", r"^(?:(?:have|has|just|now)\s+)*(?:finally|officially|all)\s+unpacked\s+in\s+" + V),
    _rule("home", r"^" + GONE + r"unpacked\s+(?:(?:the\s+(?:last|final)\s+box(?:es)?|everything)\s+(?:(?:at|in)\s+" + OUR_HOME + r"\s+)?|(?:at|in)\s+" + OUR_HOME + r"\s+)in\s+" + V),
    _rule("home", r"^" + ADV + r"(?:(?:am|are|is)\s+)?" + ADV + r"(?:renting|rent|rents)\s+" + NOT_A_STAY + r"(?!.*\bto\s+(?:a|an)\s)(?:(?:" + A_HOME + r"|a\s+room)\s+)?in\s+" + V),
    _rule("home", r"^(?:(?:my|our)\s+)?(?:new\s+)?address(?:'s|\s+is)\s+(?:now\s+)?(?P<v>\d+\w*\s+[A-Za-z][^,;:!?()]*)"),
    # a place, named: "home is Lisbon now", not "home is a mess now"
    _rule("home", r"^home(?:'s|\s+is)\s+(?:now\s+(?P<v>(?-i:[A-Z])[^,;:!?()]+)|(?P<v2>(?-i:[A-Z])[^,;:!?()]+?)\s+(?:now|these days|nowadays)\b)"),
    _rule("home", r"^" + HOME_IS),
    # … or a place known by name: "Home is Lagos", "home = Cape Town", "Quezon City is home"
    _rule("home", r"^home(?:'s|\s+is|\s*=|\s*:)\s+(?:(?:still|always)\s+)?" + PLACE_NAME + A_HOME_SAID_END, place=True),
    _rule("home", PLACE_IS_HOME, place=True),
    _rule("home", r"^" + ADV + r"(?:am|are|is)\s+(?:now\s+)?in\s+(?P<v>[^,;:!?()]+?)\s+(?:now|these days|for good|still)\b", named=True),
    # A stay, typed short too: "at a trade show in Vegas till Thursday".
    _rule("location", r"^" + ADV + r"(?:am|are|is)\s+(?:on|at)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?" + STAYS + r"\s+(?:in|to|at)\s+" + V),
    _rule("location", r"^(?:on|at)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?" + STAYS + r"\s+(?:in|to|at)\s+(?P<v>[^,;:!?()]+?)\s+(?:until|till|through)\b"),
    _rule("location", r"^" + ADV + r"(?:am|are|is)\s+" + ADV + r"(?:back\s+|(?:over|down|up|out)\s+(?=in\s+(?:the\s+)?(?-i:[A-Z])))?(?:in|at|staying in|visiting|off to|away in|travelling in|traveling in|covering at|camping in|hiking in|holidaying in|on holiday in|on vacation in)\s+(?!" + NOT_A_NAME_WORD + r")(?!" + WHEN_NOT_WHERE + r")" + V),
    _rule("location", r"^" + ADV + r"(?:covering|staying|working|camping)\s+(?:at|in)\s+" + V),
    _rule("location", r"^" + ADV + r"on\s+(?:holiday|vacation|leave|business|a\s+(?:work\s+)?trip)\s+in\s+(?!" + NOT_A_PLACE_WORD + r")" + PLACE_NAME + A_TRIP_PLACE_END, place=True),
    # A trip with its time: "going to Goa from 20th to 24th Oct", "heading to Durban for the
    # long weekend, back Tuesday", "off tae Skye for a fortnight", "flying to Tokyo on
    # Friday for a week", "I'll be in Mombasa for a 2 week work trip from June 23", "in
    # Rotorua till Sunday" (not "going to Tesco", "going to Sarah's for the weekend").
    _rule("location", r"^" + ADV + r"(?:(?:am|are|is)\s+)?" + ADV + TRIP_TO + r"\s+(?:the\s+)?(?!" + NOT_A_PLACE_WORD + r")" + PLACE_NAME + A_TRIP_PLACE_END + A_TRIP_TIME, place=True),
    _rule("location", r"^" + ADV + r"(?:(?:am|are|is)\s+)?" + ADV + r"visiting\s+(?!.*\b(?:he|she|him|his|her|hers|they|them|their|hospital)\b)(?:the\s+)?(?!" + NOT_A_PLACE_WORD + r")" + PLACE_NAME + A_TRIP_PLACE_END + A_TRIP_TIME, place=True),
    _rule("location", r"^(?:(?:am|are|is)\s+)?(?:will|'ll|shall|gonna|going\s+to)\s+be\s+" + ADV + r"(?:in|away\s+in|staying\s+in|over\s+in)\s+(?:the\s+)?(?!" + NOT_A_PLACE_WORD + r")" + PLACE_NAME + A_TRIP_PLACE_END + A_TRIP_TIME, place=True),
    _rule("location", r"^(?:(?:currently|now|still|just)\s+)?in\s+(?:the\s+)?(?!" + NOT_A_PLACE_WORD + r")" + PLACE_NAME + A_TRIP_PLACE_END + A_TRIP_TIME, place=True),
    # -- age and dates --
    # (not a day: "exam is 20 may", "deadline is 30 april")
    _rule("age", r"^" + NOT_A_COUNT + r"(?:am|is|are)\s+(?:now\s+)?(?:(?:officially|finally)\s+(?=(?:1[3-9]|[2-9]\d)\b))?(?P<v>\d{1,3})(?!(?:st|nd|rd|th)?\s+(?:of\s+)?(?:" + MONTH_RE + r")\b(?!\s+(?:i|we|you)\b))(?:\s?(?:yo|y/o|y\.o\.?)(?=\s|$|[,.!]))?(?!\s+(?!(?:years|yrs|and|is|was|has|as|this|thus|plus|always|yes|us|lol|haha|tbh|btw|thanks|guys|folks|cheers|xoxo|yikes|omg)\b)[a-z]+s\b)(?!\s*(?:years?|yrs?)\s+(?!old\b)\w)(?:\s*(?:years?|yrs?)(?:\s+old)?)?\b(?!\s*-?\s*(?:%|'|′|\x22|\.\d|\+|/\s*\d|to\s+\d|for\s+\d+(?!\s*(?:more|weeks?|days?|months?|years?))|(?:kg|km|cm|mm|m|lbs|lb|st|stone|foot|feet|ft|inches|inch|in|percent|per cent|minutes|minute|mins|min|secs|seconds|hours|hour|hrs|hr|days?|weeks?|months?|miles|mile|metres|meters|blocks|stops|steps|euros|dollars|pounds|quid|bucks|k|grand|times|x|am|pm|o'clock|out of|of|people|kids|grams|g|inside|at heart|on the inside|in spirit|mentally|emotionally)\b))"),
    _rule("age", r"\bturn(?:ed|s|ing)?\s+(?P<v>\d{1,3})\b(?!\s*(?:months?|weeks?|minutes?|mins?|seconds?|secs?|hours?|hrs?|days?|degrees?|°|%|percent|per\s+cent|pages?|km|miles?|kg|points?|pts|o['’]?clock|p\.?m|a\.m)\b|am\b|\s*[%°]|:\d)"),
    # In words ("just turned thirty", "Mia is eight now"), and a baby's in weeks or months
    # ("Isla is 6 weeks old", "turned 18 months")
    _rule("age", r"\bturn(?:ed|s|ing)?\s+(?P<v>" + NUMBER_WORDS + r")\b(?=\s*(?:$|[,.!;]|today|tonight|yesterday|last|this|on|in|and|lol|already|now|years?\b|yrs))"),
    _rule("age", r"^(?:am|is|are)\s+(?:now\s+)?(?P<v>" + NUMBER_WORDS + r")(?=\s+(?:years? old\b|(?:now|today|already)\s*(?:$|[,.!;]|lol\b)))"),
    # … or said alone before what else is said of them: "leo is four and refuses to eat
    # anything green" (not "four and a half hours", "is four and five")
    _rule("age", r"^(?:am|is)\s+(?:now\s+)?(?P<v>" + NUMBER_WORDS + r")(?=\s*(?:$|[,.!;]|and\s+(?!(?:a\s+half|" + NUMBER_WORDS + r"|\d)\b)(?:(?:he|she|they)\s+)?(?:[a-z]+s|has|is|won['’]?t|can['’]?t|just|already|still|obsessed|loves?)\b))"),
    _rule("age", r"^(?:am|is|are)\s+(?:now\s+|only\s+|just\s+)?(?P<v>\d{1,2}\s+(?:weeks?|months?))\s+old\b"),
    _rule("age", r"\bturn(?:ed|s|ing)?\s+(?P<v>\d{1,2}\s+months?)\b(?=\s*(?:$|[,.!;]|old\b|today|yesterday|last|this|on\s|lol))"),
    # An age said alone, typed short: "36 today", "34 and still the oldest", "35 as of yesterday".
    # "29 and already complaining", not "91 and still bakes her own bread" (someone else's)
    _rule("age", r"^" + NOT_WEATHER + r"(?![^.!?]*\bthat'?s\s+(?:how\s+many|my\s+(?:bench|max|pb|record|score|limit))\b)(?:just\s+)?(?!(?:[1-9]|1[0-2])\s+(?:liao|already)\b)(?P<v>\d{1,2})\s+(?:today|now|already|liao|as of|by|and(?!\s+(?:still\s+|also\s+|now\s+)?(?!(?:is|was|has|this|thus|yes|plus|always|us)\b)[a-z]*[a-rt-z]s\s+(?:her|his|their)\b)|this year|y/?o)\b"),
    # "I'm a 35 year old woman" is an age; "I have a 10 year old", "my 10 year old" a child's
    _rule("age", r"(?:(?<=\bam a\s)|(?<='m a\s)|(?<=\bis a\s)|(?<=\bare a\s)|(?<=\bas a\s)|(?<=\bwas a\s)|(?<!\ba\s))(?<!\ban\s)(?<!\bmy\s)(?<!\bour\s)(?<!\bhis\s)(?<!\bher\s)(?<!\d,)(?<!\d\.)\b(?P<v>\d{1,3})[\s-]+(?:years?|yrs?)[\s-]+old\b(?!\s+(?:daughter|son|kid|child|boy|girl|dog|cat|car|house|inside|at heart|on the inside|in spirit|mentally|emotionally)\b)"),
    _rule("age", r"\bbirthday\b[^.!?]*?\b(?P<v>\d{1,3})\s+(?:already|now|today|this year)\b"),
    # "Officially 42 as of this morning", "had my 42nd birthday on Sunday"
    _rule("age", r"^(?:(?:officially|finally|now)\s+)+(?P<v>\d{1,2}|" + GROWN_AGE_WORDS + r")(?=\s*(?:$|[,.!;]|as\s+of\b|today\b|🎉|🎂|🥳|lol\b|haha\b|yay\b))(?![^.!;]*,\s*(?:our|my|the|his|her|their)\s)"),
    _rule("age", r"\b(?:was|celebrated|had|just\s+had)\s+my\s+(?P<v>\d{1,2})(?:st|nd|rd|th)\s+birthday\b"),
    # … its birthday unsaid: "just had my 35th", "celebrated my 30th on saturday",
    # "celebrating my 40th this weekend" (not "my 35th cup of coffee", "my 30th in 2015")
    _rule("age", r"^(?![^.!?]*\bwhen\b)[^.!?]*?\b(?:celebrated|celebrating|had|just\s+had)\s+my\s+(?P<v>1[3-9]|[2-9]\d)(?:st|nd|rd|th)(?=\s*(?:(?:today|yesterday|tonight|last\s+(?:night|week|weekend)|this\s+(?:week|weekend)|on\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day)\s*(?:$|[,.!;]|🎉|🎂|🥳|lol\b|with\s)|(?:$|[.!;]|🎉|🎂|🥳|lol\b))(?![^.!?]*\b(?:(?:19|20)\d\d|ago|back\s+in)\b))"),
    # … celebrated with whom: "celebrated my 29th with a quiet dinner" (not "had my 15th
    # with the physio", "… with my mates back in uni")
    _rule("age", r"^(?![^.!?]*\bwhen\b)[^.!?]*?\bcelebrated\s+my\s+(?P<v>1[3-9]|[2-9]\d)(?:st|nd|rd|th)\s+(?:(?:yesterday|last\s+(?:night|week|weekend)|on\s+(?:" + WEEKDAY_RE + r"))\s+)?with\s+(?:a|an|the|my|some|family|friends|mates)\b(?![^.!?]*\b(?:(?:19|20)\d\d|ago|back\s+in|years)\b)"),
    # "35th bday yesterday", "40th birthday today!"
    _rule("age", r"^(?:just\s+)?(?P<v>1[3-9]|[2-9]\d)(?:st|nd|rd|th)\s+(?:b-?day|birthday)\s+(?:today|yesterday|tonight)\b(?=\s*(?:$|[,.!;]|🎉|🎂|🥳|lol\b))"),
    # In words, alone: "twenty-nine today", "thirty today 🎉"
    _rule("age", r"^(?:just\s+)?(?P<v>" + NUMBER_WORDS + r")\s+today\b(?=\s*(?:$|!|🎉|🎂|🥳|lol\b|haha\b))"),
    _rule("age", r"^" + NOT_WEATHER + r"(?:just\s+)?(?P<v>" + GROWN_AGE_WORDS + r")\s+(?:today|now)\b(?=\s*(?:$|[!.]|🎉|🎂|🥳|lol\b|haha\b|,(?!\s*(?:the|a|an|brutal)\b)))"),
    # "34 the day" (Scots: today), "Today I clock 34" (Nigerian English: turn), "my 27th
    # birthday" (not one that was), ages in other languages: "27 años", "25歳", "hoy cumplo
    # 26", "hoje é meu aniversário, 29 anos"
    _rule("age", r"^(?:just\s+)?(?P<v>\d{1,2})\s+the\s+day\b(?=\s*(?:$|[,.!;]|🎉|🎂|lol\b|and\b|getting\b))"),
    _rule("age", r"^(?:(?:today|just)\s+)?(?:clock|clocks|clocked)\s+(?P<v>1[3-9]|[2-9]\d)(?![,.]?\d)(?=\s*(?:$|[,.!;]|🎉|🎂|today\b|tomorrow\b|this year\b|lol\b))"),
    # … said with a day to come, of anyone: "I clock 30 next week o", "my dad clocks 65 on
    # sunday", "I'm clocking 40 on saturday" (an age of 13 to 99: not "I clock 9 tomorrow",
    # a shift; not "clocked 45 this week", hours; "completed" is read only with "years")
    _rule("age", r"^(?:(?:just|will|'ll|will\s+be|'ll\s+be|am|'m|go|dey)\s+)?(?:clock|clocks|clocking)\s+(?P<v>1[3-9]|[2-9]\d)(?![,.]?\d)(?=\s+(?:tomorrow|tmrw|next\s+(?:week|month)|this\s+(?:weekend|month)|on\s+(?:the\s+\d{1,2}(?:st|nd|rd|th)\b(?!\s+(?:laps?|miles?|km|holes?|day\s+of))|(?:" + ANY_WEEKDAY_RE + r")))\b)"),
    _rule("age", r"(?:^is|\b(?:today\s+is|today's|it's|it is))\s+my\s+(?P<v>\d{1,3})(?:st|nd|rd|th)\s+(?:b-?day|birthday|bday)\b|\bmy\s+(?P<v2>\d{1,3})(?:st|nd|rd|th)\s+(?:b-?day|birthday|bday)\s+(?:is\s+)?(?:today|on the same day)\b"),
    # "my 42nd birthday was yesterday": one just had ("it was my 42nd birthday on Sunday"
    # is read by the rule of "was my 42nd birthday", once subjects.py makes it the user's)
    _rule("age", r"\bmy\s+(?P<v>\d{1,3})(?:st|nd|rd|th)\s+(?:b-?day|birthday|bday)\s+was\s+(?:yesterday|on\s+(?-i:[A-Z])\w+|last\s+(?:night|week|weekend)|this\s+(?:week|weekend))\b(?![^.!?]*\b(?:(?:19|20)\d\d|ago|back\s+in|when|but)\b)"),
    # "my 40th was amazing, still recovering", "my 30th was brilliant last night": one just
    # had, said so (not "My 21st was wild", "my 21st was wild, back in 2009", "my 30th was in
    # a pub")
    _rule("age", r"^(?:(?:and|but|so|oh|ok|well)\s+)*my\s+(?P<v>1[6-9]|[2-9]\d)(?:st|nd|rd|th)\s+(?:(?:b-?day|birthday|bday)\s+)?(?:(?:party|bash|do)\s+)?(?:was|went)\s+(?:(?:so|really|absolutely|just|properly|actually)\s+)?(?:amazing|great|brilliant|fun|lovely|perfect|awesome|epic|wild|class|quiet|chill|incredible|special|unforgettable|mint|off|a\s+blast|the\s+best)\b(?![^.!?]*\b(?:(?:19|20)\d\d|ago|back\s+in|years|when|uni|school|college)\b)(?![^.!?]*\b(?:\d{1,2}(?:st|nd|rd|th)|unlike|reminded|like\s+it\s+was|daughter|son|kid|kids|mum|mom|dad|whole|[\w-]+['’]s)\b)(?=[^.?]*\b(?:still\s+recovering|(?:still\s+(?:so\s+)?)?hungover|last\s+night|this\s+weekend|last\s+weekend)\b)"),
    _rule("age", r"^(?:(?:hoy|hoje|today|ya|já)\s+)?(?:(?:cumplo|cumpro|fa[çc]o|tengo|tenho)\s+)?(?P<v>\d{1,3})\s*(?:años|anos|歳|岁|살)(?=\s*(?:$|[!,.]|hoy\b|hoje\b|ya\b|já\b|today\b|になりました|です|🎉|🎂))"),
    _rule("age", r"^(?:(?:hoy|hoje)\s+)?(?:cumplo|cumpro|fa[çc]o)\s+(?P<v>\d{1,3})(?=\s*(?:(?:años|anos)\s*)?(?:$|[!,.]|hoy\b|hoje\b|🎉|🎂))"),
    _rule("age", r"\b(?:mi|meu|my)\s+(?:aniversário|aniversario|cumpleaños)\b[^.!?]*?\b(?P<v>\d{1,3})\s*(?:años|anos)\b"),
    # … and in more of the languages people mix in, said of oneself: "j'ai 30 ans
    # aujourd'hui", "heute 30 geworden", "ik word 30", "compio 30 anni", "hoy cumplí 30",
    # "tenho 30 anos agora", "30 na ako", "aaj 30 ka ho gaya", "30歳になった" (not "30 ans de
    # mariage", a count of years of something; not "Mia cumple 8", someone else's)
    _rule("age", r"^(?:" + TODAY_WORDS + r"\s+)?(?:(?:ich|ik|jag|yo|eu|io|je)\s+)?(?:(?:ya|já|déjà|schon|al|nu)\s+)?(?:" + I_TURN + r"\s+(?P<v>\d{1,3})(?:\s*" + AGE_UNIT + r")?|(?P<v2>\d{1,3})\s*(?:" + AGE_UNIT + r"|(?=\s+" + BECAME + r")))(?:\s+" + BECAME + r")?(?=\s*(?:$|[!,.;]|" + TODAY_WORDS + r"|(?:ya|já|agora|ahora|maintenant|jetzt|nu|now|already|lol|yaar|yesterday|ayer|ontem|hier|gestern|gisteren|ieri|igår|wczoraj|kahapon)\b|🎉|🎂|🥳|になった|になりました|です|了))"),
    # A birthday by its number: "had his 5th birthday", "celebrating my 40th this weekend";
    # not "my 5th time in Paris", "our 10th anniversary".
    _rule("age", r"\b(?:celebrating|celebrated|celebrate|had|having|has|it's|its|it is|for)\s+(?:my|his|her)\s+(?P<v>\d{1,3})(?:st|nd|rd|th)\s+(?:b-?day|birthday|bday)\b"),
    # "I hit 50 last month", "hitting 30 this year": not "hit 30 degrees", "hit 40 followers"
    # An age said as one introduces oneself in a post: "33F here", "(30F) need advice",
    # "27M looking for a gym routine", "30yo btw", "19 y.o. student", "34, married, two
    # kids", "me, 35, trying to…", "About me: 25, student", "me 34 now"
    _rule("age", r"^" + NOT_WEATHER + r"(?![^.!?]*\b(?:snow\w*|rain\w*|wind\w*|cold|chilly|frost\w*)\b)(?:(?:about\s+me|me)\s*[:,]?\s*)?(?:[(\[](?P<v>1[89]|[2-9]\d)\s?(?-i:[FM])[)\]]|(?P<v2>1[89]|[2-9]\d)\s?/\s?(?-i:[FM])\s?/|(?P<v3>1[89]|[2-9]\d)(?-i:[FM])\s+(?:(?:here|looking|seeking|asking|wanting)\b(?!\s+(?:today|this|tonight|now)\b)|in\s+(?-i:[A-Z])))"),
    # "My age is 41", "I am aged 23"
    _rule("age", r"^(?:am|is|are)\s+aged\s+(?P<v>1[3-9]|[2-9]\d)\b(?!\s*(?:months?|weeks?))"),
    _rule("age", r"\bmy\s+age\s+is\s+(?:now\s+)?(?P<v>1[3-9]|[2-9]\d)\b"),
    _rule("age", r"^(?:(?:about\s+me|me)\s*[:,]?\s*)?(?P<v>1[3-9]|[2-9]\d)\s?(?:yo|y/o|y\.o\.?)(?=\s*(?:$|[,.!]|(?:btw|here|male|female|guy|girl|man|woman|student|lol|m|f)\b))"),
    _rule("age", r"^(?:(?:about\s+me|me)\s*[:,]?\s*)?(?P<v>1[89]|[2-9]\d)\s*,\s*(?=(?:married|single|divorced|separated|widowed|engaged|student|mum|mom|dad|male|female|man|woman|guy|girl|trying|looking|living|working|based|retired|unemployed|mother|father)\b)"),
    _rule("age", r"^me\s+(?P<v>1[89]|[2-9]\d)\s+now\b"),
    # "I am 29 years of age", "I have completed 30 years of age today", "I completed 24
    # years yesterday" (said so in Indian and West African English)
    _rule("age", r"^(?:am|is|are)\s+(?:now\s+)?(?P<v>1[3-9]|[2-9]\d)\s+years\s+of\s+age\b"),
    _rule("age", r"^(?:(?:have|has|just)\s+)*completed\s+(?P<v>1[3-9]|[2-9]\d)\s+years\s+of\s+age\b(?=\s*(?:(?:today|yesterday|this\s+(?:week|month))\s*)?(?:$|[,.!]|🎉|🎂))"),
    _rule("age", r"^" + ADV + r"(?:hit|hits|hitting|reached|reaching)\s+(?P<v>[2-9]\d)\b(?![,.]\d)(?=\s*(?:(?:today|yesterday|this year|last (?:week|month|year))\s*)?(?:$|[,.!;]))"),
    # "my birthday is 22 February", "Mum's birthday is on Sunday" (not "… is today": the
    # birthday said, not its date)
    # the clause's subject's own birthday ("my birthday is", "Anna's birthday is"), not
    # one of someone's the subject rules did not read ("hubby's birthday is …")
    _rule("birthday", r"^(?:(?:and|but|so|also|oh|btw)\s+)*(?:my\s+|our\s+|['’]s\s+)?(?:birthday|b-?day)(?:\s+is|['’]s)\s+(?!(?:today|tonight|tomorrow|yesterday)\b)(?!(?:in\s+)?(?:\d+|a|one|two|three|a\s+few)\s+(?:days?|weeks?|months?)\b|\d{1,3}\s+this\s+year\b)(?:on\s+)?" + V),
    _rule("birthday", r"\bborn\s+on\s+" + V),
    # one's date of birth given: "my dob is 12/05/1988", "dob for the insurance thing is
    # 3/4/1990" (not "dob for my son is …", "DOB: 03/04/1979" in a form pasted, "dob:
    # 01/01/1900 is the default")
    _rule("birthday", r"^(?:(?:and|but|so|also|oh|btw)\s+)*(?:my\s+(?:dob|d\.o\.b\.?|date\s+of\s+birth)|(?:dob|d\.o\.b\.?|date\s+of\s+birth)\s+for\s+(?:the|this|my)\s+(?:[\w-]+\s+){0,2}?(?:thing|form|forms|application|policy|insurance|booking|account|claim|visa|registration|bank))\s*(?:is|:|-)\s*(?P<v>\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)?\d\d|\d{1,2}(?:st|nd|rd|th)?\s+(?:" + MONTH_RE + r")\.?,?\s+(?:19|20)\d\d|(?:" + MONTH_RE + r")\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d)\b"),
    # the day one turns an age is one's birthday: "Mum turns 60 on 3 March", "I turn 30 on
    # the 5th of May", "my son is turning 8 on Saturday, June 6th"
    _rule("birthday", r"\bturn(?:s|ing)?\s+(?:\d{1,3}|" + NUMBER_WORDS + r")\s+on\s+(?:(?:" + ANY_WEEKDAY_RE + r"),?\s+)?(?P<v>(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?(?:\s+of)?\s+(?:" + MONTH_RE + r")|(?:" + MONTH_RE + r")\.?\s+\d{1,2}(?:st|nd|rd|th)?)\b"),
    # -- family status --
    # "we're separating", "getting divorced", "the divorce is final"
    _rule("relationship", r"^(?:am|are|is)\s+" + ADV + r"(?:separating|splitting up|divorcing|getting divorced|getting a divorce)(?=\s*(?:$|[,.!;]|now\b|after\b|soon\b|lol\b|this\s+(?:year|month)\b))", value="separated"),
    # typed short, the verb left out: "single again lol", "officially divorced now"
    # (not for a while: "single again this weekend lol, wife took the kids", "single now for
    # a few days, tom's on a work trip", "separated again from the kids")
    _rule("relationship", r"^(?:(?:officially|finally|now|newly)\s+)*(?P<v>single|divorced|separated)\s+(?:again|now|finally|at last|officially)\b(?![^,;.!?]*\b(?:this\s+(?:weekend|week)|tonight|for\s+(?:a\s+few|a\s+couple|the|\d+|two|three)\s+(?:days|nights|weeks|weekend)|while|till|until|from\s+the\s+kids)\b)(?!.*\b(?:took\s+the\s+kids|is\s+away|'s\s+away|on\s+a\s+(?:work\s+)?trip|out\s+of\s+town)\b)"),
    _rule("relationship", r"^(?:(?:just|finally|officially)\s+)?(?:tied\s+the\s+knot|got\s+hitched|eloped)(?=\s*(?:$|[,.!;:]|(?:today|yesterday|last|this|finally|officially|lol|haha|" + WEEKDAY_RE + r")\b|(?:in|on|at|to)\s+(?:the\s+)?(?-i:[A-Z0-9])|💍|❤|🥰))", value="married"),
    _rule("relationship", r"\b(?:the|my|our)\s+divorce\s+(?:is|was|went|came|has come|has gone)\s+(?:now\s+|finally\s+|officially\s+)*(?:final|finali[sz]ed|through|done)\b(?![^,;]*\b(?:in\s+(?:19|20)\d\d|years\s+ago|back\s+in)\b)", value="divorced"),
    # "we separated", "my wife and I divorced last year", "we separated in march"
    # (subjects.py: the user's); not "I separated the laundry", "we separated in the car
    # park", "divorced in 1998"
    _rule("relationship", r"^(?:(?:have|'ve|had|just|finally|officially|recently)\s+)*(?P<v>separated|divorced)\b(?=\s*(?:$|[,.!;]|(?:last\s+(?:week|month|year)|this\s+(?:week|month|year)|yesterday|recently|lol|finally|officially|for\s+good|(?:a\s+few|a\s+couple\s+of|\d+|two|three|four|five|six)\s+(?:weeks|months)\s+ago|in\s+(?:" + "|".join(MONTH_NAMES) + r")(?!\s+\d))\b))"),
    _rule("relationship", r"\b(?:am|are|is|got|just got|recently got)\s+" + ADV + r"(?P<v>married|engaged|divorced|single|separated|widowed)\b(?!-)(?!\s+to\s+(?:my|the|his|her|their|our)\s+(?:jobs?|work|careers?|phones?|desks?|laptops?|bed|couch|sofa|idea|concept|notion|thought|gym|craft|art|music|team|club|business|company|startup|cause|code|game|band)\b)(?!\s+from\s+(?:reality|the\s+real\s+world)\b)"
                          # not "separated from my team", "single for the weekend", "divorced when I was 10"
                          r"(?!\s+(?:from\s+(?:my|the|our|his|her)\s+(?!(?:husband|wife|partner)\b)|for\s+(?:the|a|this|tonight|now)\b|when\b|tonight\b|this\s+(?:weekend|week)\b))"
                          # nor lost somewhere: "got separated at the zoo", "… in the crowd",
                          # "… at the bar", "… on the way home" (not a time: "got separated at
                          # the weekend", "in the first lockdown", "on the 3rd of May")
                          r"(?!(?<=got\sseparated)\s+(?:(?:at|in|on|during)\s+(?:the|a|an)\s+(?:[\w-]+\s+)?(?:zoo|crowds?|festival|"
                          r"concert|gig|airport|station|tube|park|fair|market|mall|shopping\s+centre|supermarket|beach|museum|"
                          r"match|stadium|parade|queue|rush|chaos|dark|woods|forest|hike|carnival|fireworks|show|party|bar|pub|"
                          r"club|wedding|races|rave|theatre|theater|cinema|hospital|scrum|o2|ikea|disneyland|glastonbury|"
                          r"way\s+home)|(?:at|in)\s+(?:town|ikea|disneyland|glastonbury)|(?:at|by)\s+the\s+end\s+of\s+the\s+"
                          r"(?:night|evening|gig|match|party|concert|show|festival|game|race))\b)"),
    # -- food and drink --
    _rule("diet", r"\b(?:don't|do not|doesn't|does not|no longer|stopped|quit|gave up)\s+(?:eat|eating|eats)\s+meat\b", value="vegetarian"),
    _rule("diet", r"(?<!\bto\s)(?<!\bwon't\s)(?<!\bcan't\s)(?<!\bcannot\s)(?<!\bnot\s)(?<!\bnever\s)(?<!\bbarely\s)(?<!\brarely\s)(?<!\bhardly\s)(?<!\bno\s)\b(?:eat|eating|eats)\s+meat\s+(?:again|these\s+days|nowadays)\b|\b(?:started|start|back to|went back to)\s+eating\s+meat\b|^" + ADV + r"(?:(?:am|is|are)\s+)?back\s+on\s+(?:the\s+)?meat\b(?!\s+sweats|[\s-]*free)", value="eats meat"),
    _rule("diet", r"\b(?:started|start|back to|went back to|now)\s+eating\s+(?P<v>eggs|fish|seafood|dairy|chicken)\b", value="eats {v}"),
    # "I'm eating fish again", "eat chicken again now": what a diet left out is back (not
    # "won't eat eggs again", "can't eat seafood again", "refuse to eat chicken again")
    _rule("diet", r"(?<!\bto\s)(?<!\bwon't\s)(?<!\bcan't\s)(?<!\bcannot\s)(?<!\bnot\s)(?<!\bnever\s)(?<!\bbarely\s)(?<!\brarely\s)(?<!\bhardly\s)(?<!\bno\s)\b(?:eat|eating|eats)\s+(?:(?P<v>eggs|fish|seafood|dairy|chicken)\s+again|(?P<v2>fish|seafood|chicken)\s+(?:now(?!\s+and\s+(?:then|again))|these\s+days|nowadays))\b", value="eats {v}"),
    # "keto is officially over": a diet that ended, named as it ends.
    _rule("diet", "^" + DIET_ENDED, negated=True),
    _rule("diet", r"(?:^(?!" + DIET_WORD_ENDS.replace("(?P<v>", "(?:") + r")" + NOT_A_DIET_OF_A_THING + r"|\b(?:am|are|is|be|went|gone|going|become|became|turned|been|go)\s+)" + ADV + r"(?:fully\s+|strictly\s+|mostly\s+|full\s+|a\s+)?(?P<v>" + DIETS + r")\b"),
    _rule("diet", r"\b(?:gave\s+up|giving\s+up|stopped|quit|quitting)\s+being\s+(?:a\s+)?(?P<v>" + DIETS + r")\b", negated=True),
    # "doing keto", "on a vegan diet", "started paleo": the diet itself, not "a keto blog"
    _rule("diet", r"\b(?:on|doing|started|starting|trying|quit|quitting|stopped|dropped|ditched|switched\s+to|follows?|following)\s+" + ADV + r"(?:a\s+|the\s+)?(?:strict\s+)?(?P<v>" + DIETS + r")(?:\s+(?:diet|thing))?(?=\s*(?:$|[,.!;]|(?:again|now|together|with|for|since|lol|today|tomorrow|this|next|from|until|till|and|but|so|last|in|yesterday|recently|a|two|three|as|on|monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d+)\b))"),
    # an allergy gone: "I outgrew my shellfish allergy", "my shellfish allergy is gone",
    # "no more shellfish allergy"
    _rule("allergies", r"\b(?:outgrew|outgrown|grew\s+out\s+of|(?:was|been|got)\s+cured\s+of)\s+(?:my|his|her|their|the|an?)\s+(?P<v>[\w-]+)\s+(?:allergy|intolerance)(?=\s*(?:$|[,.!;]))", negated=True),
    _rule("allergies", r"^(?!.*\b(?:hope|hoping|wish|want|if|might|may|could|would|until|someday|one\s+day|maybe|whether|pray|praying)\b)(?:.*\s)?(?:my|his|her|their|the)\s+(?P<v>[\w-]+)\s+(?:allergy|intolerance)\s+(?:is|has)\s+(?:(?:completely|totally|finally|officially|actually)\s+)?(?:gone|resolved|gone\s+away|cleared\s+up)(?=\s*(?:$|[.!]))(?!.*\?)", negated=True),
    _rule("allergies", r"\bno\s+more\s+(?P<v>[\w-]+)\s+(?:allergy|intolerance)(?=\s*(?:$|[.!]))", negated=True),
    _rule("allergies", r"\ballergic\s+to\s+" + V),
    # "I'm intolerant to dairy" (the value had been "am")
    _rule("allergies", r"\bintolerant\s+to\s+" + V),
    _rule("allergies", r"^" + ADV + r"(?:am|is|are)\s+" + ADV + r"(?P<v>coeliac|celiac)\b", value="gluten ({v})"),
    _rule("allergies", r"^(?!.*\b(?:worried|afraid|scared|thought|might|may|if|negative|whether|not)\b).*\bdiagnosed\s+(?:as\s+)?(?P<v>coeliac|celiac)\b(?!\s+disease)", value="gluten ({v})"),  # "just got diagnosed coeliac"
    _rule("allergies", r"\badd\s+(?P<v>[\w -]+?)\s+to\s+(?:my|the)\s+allerg(?:y|ies)(?:\s+list)?\b"),
    # "developed an allergy to latex", "a new allergy: kiwi"
    _rule("allergies", r"\b(?:developed|have|got|found\s+out\s+I\s+have)\s+(?:a|an)\s+(?:(?:new|severe|mild|serious|real|proper|bad|slight|life-threatening|nasty)\s+)?(?:allergy|intolerance)\s+to\s+" + V),
    _rule("allergies", r"^(?:(?:a|my)\s+)?new\s+(?:allergy|intolerance)(?:\s+unlocked)?\s*[:—–-]\s*" + V),
    # "a shellfish allergy"; not how bad one is ("proper allergy", "serious allergy")
    _rule("allergies", r"(?<![\w-])(?!(?:am|is|are|was|were|be|been|very|so|really|quite|also|slightly|mildly|severely|extremely|a|an|the|my|new|no|any|food|severe|mild|bad|an?|proper|real|serious|major|massive|huge|slight|little|big|deadly|nasty|awful|terrible|full-blown|weird|actual|true|genuine|life-threatening)\b)(?P<v>(?:(?:milk|cow's|cows'?|tree|egg|soy|wheat)\s+(?=(?:protein|nut|nuts|white|lecithin)\s))?[\w-]+)\s+(?:allergy|intolerance|intolerant)\b"),
    _rule("allergies", UNSURE_BEFORE + r"\b(?:have|has|with|diagnosed with)\s+(?P<v>coeliac|celiac)(?:\s+disease)?\b", value="gluten ({v})"),
    _rule("allergies", r"\b(?:have|has|with|diagnosed with)\s+(?P<v>[\w-]+\s+allergy)\b"),
    # -- health --
    # said of oneself, the verb first: "I have type 2 diabetes", "I've got anxiety", "living
    # with MS"; not "I have a son with autism", "I work with kids with ADHD"
    _rule("conditions", r"^" + ADV + r"(?:have|has|have got|has got|got|suffer(?:s)?\s+from|am\s+suffering\s+from|(?:am\s+)?living\s+with|(?:am\s+)?struggling\s+with|struggle\s+with|(?:am\s+)?dealing\s+with|(?:am\s+)?battling)\s+(?:(?:really\s+|bad\s+|severe\s+|mild\s+|chronic\s+|terrible\s+|early\s+)?)(?P<v>" + CONDITION_NAMES + r")\b" + NOT_THE_CONDITION),
    _rule("conditions", r"^(?:(?:just|recently|finally|officially|only|also|been|was|got|have|has|'ve|am|today|yesterday)\s+)*diagnosed\s+with\s+(?!(?:coeliac|celiac)\b)(?:(?:a|an|the)\s+)?(?![\w-]+ing\b)" + V),
    _rule("conditions", r"^" + ADV + r"(?:have|has)\s+(?:a\s+)?(?P<v>(?!(?:a|an|the|coeliac|celiac)\b)[\w'-]+\s+(?:disease|syndrome|disorder|deficiency))\b" + NOT_THE_CONDITION),
    _rule("conditions", r"^" + ADV + r"(?:am|is|are)\s+" + ADV + r"(?:a\s+)?(?:type\s+(?P<t>1|2)\s+)?diabetic\b", value="diabetes"),
    _rule("conditions", r"^" + ADV + r"(?:am|is|are)\s+" + ADV + r"pre-?diabetic\b(?![^.!]*\b(?:if|when|according|app)\b)", value="prediabetes"),
    # a reading said high: "my cholesterol's high", "my blood pressure is too high"
    _rule("conditions", r"^(?:my|User's)\s+(?P<v>cholesterol|blood\s+pressure)(?:'s|\s+is|\s+has\s+been)\s+(?:(?:a\s+bit|quite|really|very|too|way\s+too|still|a\s+little)\s+)*high(?=\s*(?:$|[,.!;]|(?:so\s+(?:no|cutting|off|less|nothing|avoiding|staying)|and|but|again|now|lol)\b))(?![^.!]*\?)", value="high {v}"),
    # news said without a verb: "Celiac, confirmed.", "gastritis - confirmed by the GP",
    # "officially coeliac"
    _rule("allergies", r"^(?:(?:officially|now)\s+)?(?P<v>coeliac|celiac)(?:\s+disease)?\s*(?:[,:—–-]\s*|\s+)(?:(?:it's|it\s+is|now|been|just|finally|officially)\s+)*(?:confirmed|official|diagnosed)" + NEWS_OF_MINE, value="gluten ({v})"),
    _rule("allergies", r"^officially\s+(?P<v>coeliac|celiac)\b(?![\s-]+(?:friendly|safe|menu|options?|food|bakery|restaurant|certified|accredited|approved))", value="gluten ({v})"),
    _rule("conditions", r"^(?P<v>(?!(?:an?|the)\s)(?-i:(?!MS\b))" + CONDITION_NAMES + r")" + NOT_SOMEONE_ELSES + r"\s*(?:[,:—–-]\s*|\s+)(?:(?:it's|it\s+is|now|been|just|finally|officially)\s+)*(?:confirmed|official|diagnosed)" + NEWS_OF_MINE),
    # … or as what it makes one do, or back again: "sickle cell, so I have to drink loads of
    # water", "gout again so no red meat", "my acid reflux is back" (not "Asthma again for
    # my son", "anxiety so bad today", "Cancer, so sad about Aunt Mary")
    _rule("conditions", r"^(?:(?:my|User's)\s+)?(?P<v>" + VERBLESS_CONDITIONS + r")" + NOT_SOMEONE_ELSES + r"(?:\s*,\s*so\s+(?=(?:no|i|i'm|im|i've|my|User|User's|cutting|off|have\s+to|gotta|need\s+to|can't|cant|staying|avoiding|nothing|less|more|back\s+on|on)\b)|\s+so\s+(?=(?:no|cutting|off|less|nothing|avoiding|staying)\b)|(?:\s+(?:is\s+|'s\s+)?(?:again|back|flaring(?:\s+up)?|flared\s+up|playing\s+up|acting\s+up)|\s+flare(?:-?up)?(?!s|\s+ups?\b))(?![\w-])(?!\s+(?:for|in|of|at|among|about|with|on|up)\b))"),
    _rule("conditions", r"^" + ADV + r"(?:am|is|are)\s+" + ADV + r"an(?:a)?emic\b(?![^.!]*\?)(?![^.!]*\b(?:if|when|whenever|unless|according)\b)", value="anaemia"),
    # … and over: "my gastritis is gone", "eczema cleared up", "no more gastritis", "I'm
    # no longer pre-diabetic", "not anaemic anymore"
    _rule("conditions", r"^(?:(?:my|User's|the)\s+)?(?P<v>(?!(?:an?|the)\s)(?!migraine\b)" + CONDITION_NAMES + r")" + NOT_SOMEONE_ELSES + r"\s+(?:(?:is|has|'s|seems)\s+)?(?:(?:been|completely|totally|finally|officially|all|now|basically)\s+)*(?:gone(?:\s+away)?|went\s+away|resolved|cleared(?:\s+up)?|cured|healed|in\s+remission)\b(?!\s+by\b)(?![^.!]*\?)(?![^.!]*\b(?:for\s+now|fingers\s+crossed|touch\s+wood|hopefully|for\s+the\s+(?:moment|time\s+being)|for\s+today|says|article|apparently)\b)", negated=True),
    _rule("conditions", r"^(?:(?:so|and|yay|finally|officially|woo+|yes+)\b[\s,!.]*)*no\s+more\s+(?P<v>(?!migraine\b)" + CONDITION_NAMES + r")\b" + NOT_THE_CONDITION + r"(?=\s*(?:$|[,.!;]|for\s+(?:me|us)\b))(?![^.!]*\b(?:for\s+now|hopefully|fingers\s+crossed)\b)", negated=True),
    *(
        _rule("conditions", r"^" + ADV + r"(?:am|is|are)\s+(?:no\s+longer\s+(?:a\s+)?" + said + r"|not\s+(?:a\s+)?" + said + r"\s+any\s?more)\b", negated=True, value=value)
        for said, value in (
            (r"pre-?diabetic", "prediabetes"),
            (r"an(?:a)?emic", "anaemia"),
            (r"(?:type\s+[12]\s+)?diabetic", "diabetes"),
            (r"asthmatic", "asthma"),
        )
    ),
    _rule("conditions", r"^" + ADV + r"(?:am|is|are)\s+" + ADV + r"(?:an\s+)?asthmatic\b", value="asthma"),
    _rule("conditions", r"^" + ADV + r"(?:am|is|are)\s+" + ADV + r"(?:an\s+)?epileptic\b", value="epilepsy"),
    _rule("conditions", r"^" + ADV + r"(?:am|is|are)\s+" + ADV + r"autistic\b", value="autism"),
    _rule("conditions", r"^" + ADV + r"(?:am|is|are)\s+" + ADV + r"dyslexic\b", value="dyslexia"),
    _rule("conditions", r"^" + ADV + r"(?:am|is|are)\s+" + ADV + r"bipolar\b(?!\s+about)", value="bipolar disorder"),
    _rule("conditions", TAKES + r"(?:" + MEDICINE_NAMES + r")\b[^,;.!?]*?\bfor\s+(?:my\s+|the\s+)?(?P<v>" + CONDITION_NAMES + r")\b" + NOT_THE_CONDITION),
    _rule("medications", r"(?:\b(?:came|coming|come|got|get|getting|weaned|weaning)\s+(?:myself\s+)?off|^" + ADV + r"(?:am\s+|is\s+|are\s+)?(?:now\s+)?off|\bstopped(?:\s+taking)?|\bquit(?:\s+taking)?|\bdropped)\s+(?:the\s+|my\s+)?" + MEDICINE, negated=True),
    _rule("medications", r"\b(?:switch(?:ed|ing)?|swapped|changed|moved)\s+(?:me\s+)?(?:from\s+[\w -]+?\s+)?to\s+" + MEDICINE + NOT_THE_MEDICINE),
    _rule("medications", r"\bswap(?:ped)?\s+(?:the\s+|my\s+)?(?:" + MEDICINE_NAMES + r")\s+for\s+" + MEDICINE + NOT_THE_MEDICINE),
    _rule("medications", TAKES + MEDICINE + NOT_THE_MEDICINE),
    # A child born to someone, named: "Ama had a baby boy, Kofi", "my brother and his wife
    # welcomed a little girl named Aoife" (the user's own are said as "My son is …"
    # before: _children_named)
    _rule("children", r"^(?:and\s+(?:his|her|their)\s+(?:wife|husband|partner|girlfriend|boyfriend)\s+)?" + ADV + BORN_A + r"\s*(?:[,:—–-]\s*|\s+(?=(?:called|named)\s))(?:(?:called|named)\s+)?(?P<v>" + BABYS_NAME + r")"),
    _rule("drinks", r"\bno more\s+(?P<v>" + DRINK + r")\b", negated=True),
    # "I'm off caffeine now", "given up caffeine altogether", "cut out booze"
    _rule("drinks", r"^" + ADV + r"(?:(?:have|has|'ve)\s+)?" + ADV + r"(?:(?:am|is|are|'m)\s+(?:now\s+)?off|gave up|given up|giving up|quit|quitting|cut out|cutting out)\s+(?P<v>" + DRINK + r")\b(?!\s+(?:shops?|places?|machines?|cups?|beans?|breaks?|runs?|dates?|table|bar|pods?|mornings?)\b)", negated=True),
    # "Coffee, always", "coffee at Starbucks before my shift", "tea only"; not "wine
    # o'clock came early", "caffeine withdrawal headaches", nor a meeting: "Coffee with
    # Morgan from the gym", "tea with my sister" ("coffee with oat milk" is the drink)
    _rule("drinks", r"^(?P<v>" + DRINK + r")(?=\s*(?:$|[,.!;]|\s(?:only|always|please|now|every|mostly|again|these days|at|from|with|before|after|in|on|for)\b))(?!\s+with\s+" + MET_WITH + r")"),
    _rule("drinks", r"\b(?:am|is|are)\s+(?:now\s+)?an?\s+(?P<v>coffee|tea)\s+(?:person|drinker)\b"),
    _rule("drinks", r"\b(?:it's|it is|it'll be)\s+(?P<v>" + DRINK + r")\b"),
    # "water and tea only now", "green tea only"
    _rule("drinks", r"\b(?P<v>" + DRINKS_LISTED + r")\s+only\b(?!\s+(?:at|in|on|with|to)\b|\s+for\s+(?!(?:me|us)\b))"),
    # "only unsweetened oolong now", "just water these days", "only green tea in the
    # mornings now": what one drinks now, said as all there is, the time last (not "only
    # water now for the plants", "just rain water now", "just coffee with Sam")
    _rule("drinks", r"^(?:only|just|mostly)\s+(?P<v>(?:" + DRINK_HOW + r"\s+)?" + DRINKS_LISTED + r")\s+(?:for\s+(?:me|us)\s+)?(?:(?:in\s+the\s+(?:mornings?|evenings?)|at\s+(?:night|work|home))\s+)?(?:now|these days|from now on|nowadays)(?=\s*(?:$|[,.!;]))"),
    _rule("drinks", r"\b(?:(?:switched|switching|moved|changed)\s+(?:over\s+|back\s+)?to|back\s+on)\s+(?P<v>" + DRINK + r")\b"),
    # "I drink black coffee", "drink oat flat whites every morning"; not "too much coffee"
    _rule("drinks", r"\b(?:drink|drinks|drinking|having)\s+(?:a lot of\s+|lots of\s+|mostly\s+|only\s+)?(?P<v>(?:(?!(?:too|much|more|less|so|a|an|the|some|any|no|my|our|enough|little|way|and|or|with)\b)[a-z]+\s+){0,2}" + DRINK + r"s?)\b"),
    # -- likes --
    _rule("favorite:", r"\b(?:favou?rite|fave?)\s+(?P<thing>[a-z]+(?:\s+(?!(?:rn|now|atm|lately|currently|today|right)\b)[a-z]+)?)(?:\s+(?:rn|now|atm|lately|currently|today|right\s+now))?\s+(?:is|are)\s+(?:now\s+|still\s+)?(?!(?:from|in|on|at|about|by|with|so|very|really|too|kinda|such|playing|coming|back|out|over|closed|open)\b)" + V),
    _rule("favorite:", r"^(?P<v>[^,;:!?()]+?)\s+(?:(?:is|are)\s+(?:now\s+)?|(?:has|have)\s+replaced\s+[^,;]+?\s+as\s+)(?:my|our)\s+(?:new\s+|all-time\s+|current\s+)?(?:favou?rite|fave?)\s+(?P<thing>[a-z]+)\b"),
    _rule("school", r"^" + ADV + r"(?:dropped|dropping|have dropped)\s+out\s+of\s+(?=(?-i:[A-Z]))(?=[^,;:!?()]*?(?:Uni|College|School|Academy|Institute|Poly|\b(?-i:[A-Z]{2,5})\b))" + V, negated=True),  # a school named
    _rule("dislikes", r"^" + ADV + r"(?:hate|hates|dislike|dislikes|can't stand|cannot stand|detest|loathe)\s+" + V),
    _rule("likes", r"^(?:am|is|are|was)\s+(?:a\s+bit\s+|so\s+|totally\s+|kind of\s+|pretty\s+much\s+)?over\s+(?!(?:in|at|there|here|the\s+moon)\b|\d)" + V, negated=True),
    # … not a count said with "like" ("Like four cans a day", "like 3 times a week")
    # (not "like I said before", "like you said": what was said, no taste)
    _rule("likes", r"^" + ADV + r"(?:like|likes|love|loves|enjoy|enjoys|adore|adores)\s+(?!(?:I|you|we|u)\s+(?:said|say|mentioned|told|wrote)\b)(?!(?:\d+|" + NUMBER_WORDS + r")\s+(?:times\b|[\w-]+\s+(?:a|an|per|every)\s+(?:day|night|week|month|year)\b))" + V),
    _rule("likes", r"^" + ADV + r"(?:prefer|prefers)\s+(?P<v>[^,;:!?()]+?\s+(?:over|to|rather than)\s+[^,;:!?()]+)"),
    _rule("likes", r"^(?:am\s+|is\s+|are\s+|have been\s+|has been\s+|been\s+)?" + ADV + r"(?:(?:a\s+)?(?:huge\s+|big\s+)?fan\s+of|into|obsessed with|crazy about|hooked on|addicted to)\s+" + V),
    # "I'm a massive Arsenal fan", "as a die-hard Taylor Swift fan, …": the name before "fan"
    _rule("likes", r"^(?:(?:am|is|are)\s+" + ADV + r"|as\s+)(?:a|an)\s+(?:(?:massive|huge|big|die-?hard|lifelong|proper|mega|total|true)\s+)?(?P<v>(?-i:[A-Z])[\w'&.-]*(?:\s+(?-i:[A-Z])[\w'&.-]*){0,2})\s+fan\b(?!\s+of\b)"),
    _rule("hobbies", r"^(?:(?:have|has|'ve|'s)\s+)?" + ADV + r"(?:started|took up|taken up|picked up|got into|getting into|began)\s+(?!(?:eating|drinking|working|living|going|getting|trying|using|taking|feeling|doing|having|making|seeing|thinking|looking|studying|dating|driving|delivering|tasking|smoking|vaping|commuting|crying|sleeping|wearing|paying|noticing|losing|gaining|bleeding|coughing|snoring|limping|shaking|panicking|worrying|struggling|falling|hating|missing|saving|spending|charging|sweating|vomiting|laughing|shouting|yelling|stressing|overthinking|procrastinating|waking|napping|renting|applying|interviewing|wondering|questioning|regretting|losing|needing|wanting|asking|telling)\b)(?!(?:running|managing|opening|starting)\s+(?:a|an|the|my|our|his|her|their)\b|[a-z]+ing\s+(?:more|less)\b|learning\s+" + LANGUAGE + r"\b)(?P<v>[a-z]+ing(?:\s+(?!" + HOBBY_ENDS + r")[\w'-]+){1,4}?(?=\s*(?:$|[,.!;?]|\s" + HOBBY_ENDS + r"))|[a-z]+ing\b)"),
    # a game or an instrument played, or given up: "I play netball", "I play the cello on
    # Sundays", "had to give up the netball in the end", "stopped playing golf" (given up
    # and nothing said after it: "I quit football after I tore my ACL" is kept whole, its
    # words the reason, which a denial's wording would lose)
    _rule("hobbies", r"^" + ADV + r"(?:play|plays|playing)\s+(?:(?:the|a\s+bit\s+of|some|a\s+lot\s+of)\s+)?(?P<v>" + PLAYED + r")(?=\s*(?:$|[,.!;?]|\s" + HOBBY_ENDS + r"|\s+(?:on|at|for|with|in|every|twice|most|competitively|socially)\b))(?!\s+(?:for\s+a\s+living|professionally|for\s+work|for\s+money|for\s+a\s+job)\b)"),
    _rule("hobbies", r"^(?:(?:have|has|'ve|had\s+to|have\s+to|'ve\s+had\s+to)\s+)?" + ADV + r"(?:gave\s+up|give\s+up|given\s+up|quit|stopped|packed\s+in)\s+(?:playing\s+)?(?:(?:the|my)\s+)?(?P<v>" + PLAYED + "|" + PASTIMES + r")(?=\s*(?:$|[.!;?])|\s+(?:in\s+the\s+end|for\s+good|last\s+\w+|this\s+\w+|years\s+ago|\w+\s+(?:weeks?|months?|years?)\s+ago|a\s+while\s+(?:ago|back)|lol|haha)\s*(?:$|[.!;?]))", negated=True),
    # a pastime done now: "doing pottery now", "(I'm) doing yoga these days", "into climbing now"
    _rule("hobbies", r"^(?:(?:am|'m|is|are|'s|'re)\s+)?(?:now\s+)?(?:doing|into)\s+(?:(?:a\s+lot\s+of|some|loads\s+of)\s+)?(?P<v>" + PASTIMES + r")\s+(?:now|these\s+days|nowadays|instead)\b"),
    # … a sport said with its kind, or a pastime by its word: "took up wild swimming", "I've
    # got into rock climbing", "I've taken up pottery", "picked up the guitar"
    _rule("hobbies", r"^(?:(?:have|has|'ve|'s)\s+)?" + ADV + r"(?:took up|taken up|picked up|got into|getting into)\s+(?P<v>(?:wild|open\s+water|cold\s+water|sea|rock|indoor|outdoor|ice|trail|road|mountain|long\s+distance|competitive|ballroom|salsa|pole|aerial|paddle|power|speed|sport|free)\s+[a-z]+ing|" + PASTIMES + "|" + PLAYED + r")(?=\s*(?:$|[,.!;?]|\s" + HOBBY_ENDS + r"))"),
    # -- the rest --
    # whom the user goes to, put with another: "I've been moved to Dr Hughes at the same
    # practice", "switched to Dr Okoye" (not "moved to Dr Khan's old house", "switched to
    # Dr Pepper", "moved to Dr Mason as my supervisor", "… Dr Fox for the dog")
    _rule("doctor", r"^(?:(?:have|'ve|has|got|been|was|am)\s+)*(?:moved|switched|transferred|changed|registered)\s+(?:over\s+)?(?:to|with)\s+(?P<v>(?:Dr\.?\s+(?!(?:Pepper|Martens?|Oetker|Seuss|Who|Dre|Phil|Oz|Strange|Jekyll|Zhivago|Evil|Bronner|Teal|Squatch|Fox)\b)[A-Z][\w-]+|dr\.?\s+(?!(?i:pepper|martens?|oetker|seuss|who|dre|phil|oz|strange|jekyll|zhivago|evil|bronner|teal|squatch|fox)\b)[a-z][a-z-]{2,}))\b(?!['’])(?=\s*(?:$|[.!;]|,\s*(?:she|he|they)\b|at\s+the\s+(?:same|new|local)?\s*(?:gp\s+)?(?:practice|surgery|clinic|health\s+cent(?:re|er))\b|instead\b|now\b|as\s+my\s+(?:gp|doctor)\b|(?:last|this)\s+(?:week|month|year)\b|since\b|because\b))", flags=0),
    # a practice the user is registered with, by its name: "I've registered with Parkside
    # Medical Centre", "switched to Parkside Surgery" (not "registered with Deliveroo",
    # "registered with the council")
    _rule("doctor", r"^" + ADV + r"(?:(?:have|'ve|has|got|been|am|'m|are)\s+)*(?:registered|moved|switched|transferred|changed)\s+(?:over\s+)?(?:to|with)\s+(?:a\s+new\s+(?:gp|doctor)\s*,?\s*)?(?P<v>(?-i:[A-Z])[\w'-]*(?:\s+(?-i:[A-Z])[\w'-]*){0,2}\s+(?:Medical\s+(?:Centre|Center|Practice|Group)|Health\s+(?:Centre|Center)|Surgery|Family\s+Practice|GP\s+Practice))\b", flags=0),
    # whom the user reports to: "I report to a guy called Marcus now", "now reporting to
    # Priya", "i now report to tomasz" (not "report to the front desk", "report to HR",
    # "report to Sales", "report to him now")
    _rule("manager", r"^" + ADV + r"(?:report|reporting)\s+(?:directly\s+)?(?:in\s+)?to\s+(?:(?:a|an|this|some)\s+(?:new\s+)?(?:guy|woman|man|lady|bloke|chap|girl|person)\s+(?:called|named)\s+)?(?!(?:Sales|Marketing|Finance|Engineering|Product|Design|Operations|Ops|Legal|Compliance|Security|Reception|Management|Head|Human|Facilities|Support|Research|HR|IT|Admin|Accounts|Payroll|Leadership|Board|Directors?|Partners?|Senior|Him|Her|Them|Me|Us|You|Someone|Somebody|Nobody|Anyone|Whoever|Whom|Work|Duty|Base|This|That|The|Both|My|Our|His|Their)\b)(?P<v>(?-i:[A-Z])[a-z][\w-]*(?:\s+(?-i:[A-Z])[a-z][\w-]*)?|(?-i:[a-z]{3,}))(?![\w'’-])(?=\s*(?:$|[,.!;]|now\b|instead\b|these\s+days\b|from\s+(?:now|monday|next)\b))"),
    # whom the user sees, said by the kind and then the name: "seeing a therapist, Dr Hale,
    # every Wednesday", "I see a counsellor called Nadia", "…, now with a counsellor called
    # Nadia on Mondays" (not "seeing a therapist about it", "a therapist, Honestly it
    # helps": a name is said alone, or before when)
    _rule("therapist", r"(?:^|,\s*)" + ADV + r"(?:(?:am|'m|have|'ve|been)\s+)*(?:see|sees|seeing|started\s+seeing|started\s+with|switched\s+to|with|have|got|found)\s+(?:a|an)\s+(?:new\s+)?(?:therapist|counsell?or|counselor|psychologist|psychotherapist)\s*(?:,\s*|\s+(?:called|named)\s+)(?!" + NOT_A_NAME_WORD + r")(?P<v>(?:(?-i:Dr)\.?\s+)?(?-i:[A-Z])[\w-]+(?:\s+(?-i:[A-Z])[\w-]+)?)(?![\w'’-])(?=\s*(?:$|[,.!;(]|(?:every|on|at|who|since|for|via|now|weekly)\b))"),
    # whom the user rents a home from: "we rent from a management company called Kestrel
    # Homes now", "renting from Foxtons" (not "rented from Foxtons for 5 years", "rent
    # from my parents", "renting from Enterprise this weekend", "rent from Zipcar when I
    # need a car")
    _rule("landlord", r"^(?:(?:now|still|currently)\s+)?(?:rent|rents|renting)\s+(?:(?:our|my|the)\s+(?:flat|place|house|home|room|apartment)\s+)?from\s+(?:(?:a|an|the)\s+(?:(?:management|property|letting|lettings|housing)\s+)?(?:company|agency|agent|firm|landlord|association)\s+(?:called|named)\s+)?(?!(?:Airbnb|Vrbo|Enterprise|Hertz|Avis|Sixt|Europcar|Budget|Zipcar|Turo|Lime|Blockbuster|Rent\s+the\s+Runway|Amazon|Apple|Netflix|U-?Haul)\b)(?P<v>(?-i:[A-Z])[\w&'-]*(?:\s+(?-i:[A-Z])[\w&'-]*){0,3})\b(?=\s*(?:$|[.!;]|now\b|these\s+days\b|since\b|,\s*(?:already|they|it|the|who|which|so|but)\b))"),
    _rule("languages", r"^" + ADV + r"(?:speak|speaks|am learning|is learning)\s+" + V),
    # a language learned, said as chat says it ("learning korean on duolingo", "been learning
    # Italian for my nonna", "started learning french"; not "learning korean food")
    _rule("languages", r"^(?:(?:have|has|'ve|'s|am|'m|is|are)\s+)?" + ADV + r"(?:(?:been|started|starting|began|begun)\s+)?learning\s+(?P<v>" + LANGUAGE + r")\b(?!\s+(?:food|cooking|cuisine|history|culture|literature|recipes?|dishes|dramas?|films?|movies?|tv|music|songs?|class(?:es)?\s+(?:for|to)\b))"),
    # A pet gone: "my dog Rex died", "we had to put Biscuit down", "we rehomed Clover"
    _rule("pets", r"\b(?:[Mm]y|[Oo]ur)\s+(?P<kind>" + PET_KIND + r")\s+(?P<v>" + PET_NAME + r")\s+(?:(?:has\s+|just\s+|sadly\s+)*(?:died|passed away|passed on|was put down|had to be put down|was put to sleep)\b)", value="{kind} called {v}", negated=True, flags=0),
    # (a pet the collection holds only: remember makes any other name words)
    _rule("pets", r"(?<!n't )(?<!not )(?<!never )\b(?:put|putting)\s+(?P<v>" + PET_NAME + r")\s+(?:down|to sleep)\s*(?:$|[,.!;]|yesterday|today|last|this|on\b)|\b(?:rehomed|re-homed|rehoming|re-homing)\s+(?P<v2>" + PET_NAME + r")\b", negated=True),
    # "my cat is called Luna", "my dog's name is biscuit", "…called 大福": a name, not "is
    # called a menace"
    _rule("pets", r"^(?:my|our)\s+(?P<kind>" + PET_KIND + r")(?:\s+(?:is\s+)?(?:called|named)|['’]s\s+name(?:\s+is|['’]s))\s+(?P<v>" + PET_NAME + r"(?:\s+(?-i:[A-Z])[\w-]+)?|[^\W\d_A-Za-z][\w-]*|(?!" + NOT_A_NAME_WORD + r"|(?:a|an|the|my|our|after|by|that|so|too|very|not|weird|odd|funny|secret|private|long|unusual|cute|pending)\b)(?![a-z]+(?:ive|ous|ful|less|able|ible|ing|ish|ant|ent|ary)\b)(?-i:[a-z])[\w-]*(?=\s*[.!]*$))", value="{kind} called {v}"),
    _rule("pets", r"\b(?:[Mm]y|[Oo]ur)\s+(?P<kind>" + PET_KIND + r")\s+(?P<v>" + PET_NAME + r")", value="{kind} called {v}", flags=0),
    # "got a puppy named Biscuit"
    _rule("pets", r"\b(?:have|has|got|adopted|rescued|brought home|took in|taken in|(?:got|bought)\s+us)\s+(?:a|an)\s+(?:new\s+)?(?P<kind>(?:[a-z]+\s+)?(?:" + PET_KIND + r"))\s+(?:called|named)\s+(?P<v>" + PET_NAME + r")", value="{kind} called {v}"),
    # "we adopted a rescue greyhound, Bolt", "new puppy!!"
    _rule("pets", r"\b(?:have|has|got|adopted|rescued|brought home|took in|taken in)\s+(?:a|an)\s+(?:new\s+)?(?P<kind>(?:[a-z]+\s+)?(?:" + PET_KIND + r"))\s*,\s*(?!(?:Thanks|Honestly|Wow|Sadly|Anyway|Unfortunately|Yay|Finally|Also|Well|Yes|No|Oh|Lol|Omg|OMG|Haha|Ok|Okay|Cool|Nice)\b)(?P<v>" + PET_NAME + r")\s*(?:$|[.!])", value="{kind} called {v}"),
    _rule("pets", r"^(?:(?:a|our|my)\s+)?new\s+(?P<v>" + PET_KIND + r")\s*$"),
    _rule("pets", r"\b(?:have|has|got|adopted|rescued)\s+(?P<n>a|an|two|three|four|\d+)\s+(?P<v>(?:[a-z]+\s+)?(?:dogs|cats|rabbits|fish|kittens|puppies|hamsters|guinea\s+pigs|budgies|ferrets|geckos|tortoises|turtles|" + PET_KIND + r"))\b(?!-|\s+" + _PET_THINGS + r"\b)", value="{n} {v}"),
    # -- vehicles: a make or model said makes one (vehicles.py) --
    # "I drive a Fiat 500", "we have a 2012 Toyota Yaris", "I ride a Vespa", "we've got the
    # Honda Jazz" (not "drive a
    # hard bargain", "drive a bus for a living": no make; nor "drove a Tesla once")
    _rule("vehicles", r"^" + ADV + r"(?:(?:am|'m|are|'re)\s+)?(?:(?:drive|drives|driving|ride|rides|riding|own|owns|have|has|(?:have\s+|'ve\s+)?got)\s+(?:a|an|my|our)|(?:have|has|'ve|'s)\s+got\s+the)\s+" + VEHICLE_QUALITY + r"(?P<v>" + VEHICLE + r")"),
    # "my car is a 2015 Golf", "our van's a Ford Transit", "my bike is a Specialized Allez"
    _rule("vehicles", r"^(?:my|our)\s+(?:new\s+|current\s+|first\s+)?(?:" + VEHICLE_KIND + r"|bike|ride|wheels)\s*(?:is|'s|’s)\s+(?:a|an)\s+" + VEHICLE_QUALITY + r"(?P<v>" + VEHICLE + r"|" + A_YEAR + AMBIGUOUS_MODEL + VEHICLE_ENDS + r"|(?-i:[A-Z][\w-]*)(?:\s+(?-i:[A-Z0-9][\w.-]*)){0,2}" + VEHICLE_ENDS + r")"),
    # one traded in for another: "traded in the civic for a Tesla" (keys.py ends the civic)
    _rule("vehicles", r"^" + ADV + r"(?:(?:have|'ve|has|just|finally)\s+)*" + TRADED + VEHICLE_QUALITY + r"(?P<v>" + VEHICLE + r")"),
    # one bought: "picked up a used 2016 Honda Civic", "traded up to a Tesla Model 3",
    # "replaced it with a cheap Honda SH125" (keys.py ends the one held before),
    # "got my first Vespa" (not "buying a Tesla next year": a plan; nor "got the Tesla
    # from the airport", a rental)
    _rule("vehicles", r"^" + ADV + r"(?:(?:have|'ve|has|just|finally)\s+)*(?:bought|got|picked\s+up|leased|financed|purchased|collected|traded\s+up\s+to|upgraded\s+to|went\s+for|replaced\s+(?:it|her|him|that|the\s+old\s+one)\s+with|treated\s+(?:myself|ourselves)\s+to|took\s+delivery\s+of)\s+(?:(?:myself|ourselves|us|me)\s+)?(?:a|an|my|our)\s+" + VEHICLE_QUALITY + r"(?P<v>" + VEHICLE + r")"),
    # … said by its kind, then named: "got a new car, a Kia Niro EV", "bought a van - a
    # Transit"
    _rule("vehicles", r"^" + ADV + r"(?:(?:have|'ve|has|just|finally)\s+)*(?:bought|got|picked\s+up|leased|purchased)\s+(?:(?:myself|us|me)\s+)?(?:a|an|my|our)\s+" + VEHICLE_QUALITY + VEHICLE_KIND + r"\s*(?:[,:!–—-]+\s*|\s+)(?:(?:a|an|the)\s+)?" + VEHICLE_QUALITY + r"(?P<v>" + VEHICLE + r"|" + A_YEAR + AMBIGUOUS_MODEL + VEHICLE_ENDS + r")"),
    # one gone: "sold the civic", "we scrapped the old Polo", "wrote off my car" (a kind
    # alone ends the one vehicle held, relate/keyed.py; not "sold the golf clubs", "sold
    # the house", "sold a Toyota today": one sold at work)
    _rule("vehicles", r"^" + ADV + r"(?:(?:have|'ve|has|had|just|finally)\s+)*(?:sold|scrapped|got\s+rid\s+of|traded\s+in|part[- ]?exchanged|wrote\s+off|written\s+off|totalled|totaled|gave\s+away|given\s+away|handed\s+back|gave\s+back|returned)\s+(?:(?:my|our|the)\s+)?" + VEHICLE_QUALITY + r"(?P<v>" + VEHICLE + r"|" + A_YEAR + AMBIGUOUS_MODEL + r"(?=\s*(?:$|[,.!;]|\s(?:this|last|yesterday|today|on|and|to|at|for)\b))|" + VEHICLE_KIND + VEHICLE_ENDS + r")", negated=True),
    # … given up with its particle after it: "we traded the corolla in", "part-exchanged
    # my old Golf in"
    _rule("vehicles", r"^" + ADV + r"(?:(?:have|'ve|has|had|just|finally)\s+)*(?:traded|part[- ]?exchanged)\s+(?:my|our|the)\s+" + VEHICLE_QUALITY + r"(?P<v>" + VEHICLE + r")\s+in\b(?!\s+(?:for|to)\b)", negated=True),
    # … by the code of its model, after "the" or "my" ("sold the MT-07": relate/keyed.py
    # ends the one held of that name, and keys nothing when none is)
    _rule("vehicles", r"^" + ADV + r"(?:(?:have|'ve|has|had|just|finally)\s+)*(?:sold|scrapped|got\s+rid\s+of|traded\s+in|part[- ]?exchanged|handed\s+back)\s+(?:my|our|the)\s+(?P<v>" + A_MODEL_CODE + r")(?=\s*(?:$|[,.!;]|\s(?:this|last|yesterday|today|on|and|to|at|for)\b))", negated=True),
    # … or taken: "vespa got stolen outside Termini", "my Brompton got nicked", "someone
    # nicked my Brompton"
    _rule("vehicles", r"^" + VEHICLE_TAKEN, negated=True),
    _rule("vehicles", r"\b(?:someone|somebody|thieves|they|some\s+\w+)\s+(?:stole|nicked|pinched|nabbed)\s+(?:my|our)\s+" + VEHICLE_QUALITY + r"(?P<v>" + VEHICLE + r")", negated=True),
    # one leased: "lease on the BMW 320d ends in March" (until it is handed back)
    _rule("vehicles", r"\blease\s+on\s+(?:my|our|the)\s+" + VEHICLE_QUALITY + r"(?P<v>" + VEHICLE + r")"),
    # one's own said in passing (vehicles.OWN; a clause opening on it is no one's, and
    # clause_facts.py keys it)
    _rule("vehicles", OWN_VEHICLE),
    # -- the bank and the gym one is with, by name (services.py) --
    # "I bank with Barclays", "moved everything over to Monzo", "switched banks to
    # Starling", "my bank is Nationwide"; over: "closed my Barclays account"
    _rule("bank", BANK_TAKEN_UP),
    _rule("bank", r"\b(?:my|our)\s+(?:main\s+|new\s+|current\s+)?bank\s*(?:is|'s|’s)\s+(?:now\s+)?(?P<v>" + BANK + r")"),
    _rule("bank", BANK_CLOSED, negated=True),
    _rule("bank", BANK_ACCOUNT_CLOSED, negated=True),
    # "signed up for PureGym near work", "switched to the council leisure centre", "I go
    # to Third Space", "my gym is David Lloyd"; over: "cancelled puregym"
    _rule("gym", GYM_TAKEN_UP),
    _rule("gym", GYM_GONE_TO),
    _rule("gym", r"\b(?:my|our)\s+(?:new\s+|current\s+)?gym\s*(?:is|'s|’s)\s+(?:now\s+)?(?P<v>" + GYM + r"|" + A_GYM_OF_NO_NAME + r")"),
    _rule("gym", GYM_LEFT, negated=True),
    _rule("visited", r"\b(?:have been to|has been to|have visited|has visited|have travel(?:l)?ed to)\s+(?P<v>[A-Z][^,;:!?()]*)", flags=0),
    _rule("school", r"\b(?:study|studies|studying|enrolled|student)\s+(?:\w+\s+)?(?:at|in)\s+" + V),
    # back for a year at a school said so, or at a place ("back for final year at
    # Warwick"; not "… at Crufts", "… at Glastonbury, last one")
    _rule("school", BACK_FOR_A_YEAR_AT + r"(?=[^,;:!?()]*" + A_SCHOOL_WORD + r")" + NOT_AT_A_SHOW + V),
    _rule("school", BACK_FOR_A_YEAR_AT + r"(?![^,;:!?()]*" + A_SCHOOL_WORD + r")" + NOT_AT_A_SHOW + V, place=True),
    # a year of study at a named school: "I'm a 2nd year at Edinburgh uni", "in my final
    # year at UCL"; at a university said so: "I'm at Leeds uni" (not "… for a conference")
    _rule("school", r"^" + ADV + r"(?:am|is|are)\s+(?:now\s+)?(?:a\s+|in\s+(?:my|his|her|their)\s+)?(?:1st|2nd|3rd|4th|first|second|third|fourth|final)[- ]year(?:\s+(?:student|undergrad|undergraduate|medic|med\s+student))?\s+at\s+(?=(?-i:[A-Z]))(?=[^,;:!?()]*?\b(?:uni|university|college|school|academy|institute|poly|polytechnic)\b|(?-i:[A-Z]{2,5})\b)" + V),
    _rule("school", r"^" + ADV + r"(?:am|is|are)\s+(?:now\s+)?(?:a\s+|in\s+(?:my|his|her|their)\s+)?(?:1st|2nd|3rd|4th|first|second|third|fourth|final)[- ]year(?:\s+(?:student|undergrad|undergraduate|medic|med\s+student))?\s+at\s+(?=(?-i:[A-Z]))" + V, place=True),
    _rule("school", r"^" + ADV + r"(?:am|is|are)\s+(?:now\s+)?at\s+(?P<v>(?-i:[A-Z])[\w'-]*(?:\s+(?-i:[A-Z])[\w'-]*)*\s+(?:uni|university))\b(?=\s*(?:$|[,.!;]|(?:now|studying|doing|and|but|so|lol|haha)\b))"),
    # someone at a school for children now: "she's at Oakfield Primary now since we moved",
    # "Leo is at St Bede's Prep", "isla's at oakfield primary", with the year they are in
    # ("noor is in year 2 at hillcrest primary", "is in reception at St Mary's Primary")
    # (a child's, said of them; never "I'm at…", nor with work said: "is at Oakfield
    # Academy now, teaching PE")
    _rule("school", r"^(?![^.!?]*\b(?:teach|teaches|teaching|teacher|work|works|working|job|staff|role|post|head|deputy|caretaker|cover|supply)\b)" + ADV + r"is\s+(?:now\s+)?(?:in\s+(?:year\s+\d{1,2}|y\d{1,2}|reception|nursery|kindergarten|grade\s+\d{1,2}|\d{1,2}(?:st|nd|rd|th)\s+grade|(?:first|second|third|fourth|fifth|sixth)\s+grade|p\d)\s+)?at\s+(?P<v>(?-i:[A-Z])[\w.'’-]*(?:\s+(?-i:[A-Z])[\w.'’-]*){0,3}?\s+" + A_CHILDS_SCHOOL + r"|(?-i:(?!(?:the|a|an|my|our|his|her|their|that|this)\b)[a-z][\w.'’-]*(?:\s+[a-z][\w.'’-]*){0,2}?\s+(?:primary|academy|elementary|nursery|infants|juniors|montessori|grammar)))(?=\s*(?:$|[,.!;]|(?:now|since|this\s+year|these\s+days|full[- ]time|and|but|so|lol)\b))"),
    # "I transferred to Macalester College" (not "to the Boston office", "to Penn State Health")
    _rule("school", r"^" + ADV + r"(?:transferred|transferring|have\s+transferred)\s+(?:schools?\s+|unis?\s+|colleges?\s+)?to\s+(?=[^,;:!?()]*?(?:\b(?i:uni|university|college|academy|institute|poly|polytechnic)\b|\b(?-i:[A-Z]\w*\s+State)\b|\b(?-i:U\s+of)\b))(?![^,;:!?()]*\b(?:Health|Medical|Hospital|office|team|shift|campus\s+office)\b|[^,;:!?()]*['’]s\b)" + V),
    # "I go to Metro State now"
    _rule("school", r"\b(?:go|goes|going|attend|attends|attending)\s+(?:to\s+)?(?P<v>(?-i:[A-Z])[\w.'-]*(?:\s+(?-i:[A-Z])[\w.'-]*)*\s+(?-i:State))(?=\s*(?:$|[,.!;]|now\b(?!\s+and\s+then)|these\s+days\b))"),
    # "doing my masters at UCL", "started a PhD in history at Leeds"
    _rule("school", r"^(?:(?:am|is|are|now|currently|just)\s+)*(?:doing|do|does|started|starting|finishing|pursuing)\s+(?:my|a|an|her|his|their)\s+(?:masters|master's|msc|ma|mba|phd|doctorate|degree|bachelors|bachelor's|undergrad|pgce|llm|llb)(?:\s+degree)?(?:\s+in\s+[^,;:!?()]+?)?\s+at\s+(?=(?-i:[A-Z]))(?![^,;]*\b(?:was|were|in\s+(?:19|20)\d\d|years\s+ago)\b)" + V),
    # What one studies: "studying medicine at UNN", "doing a masters in software engineering",
    # "got into Edinburgh uni for vet medicine", "finishing my PhD in Irish folklore".
    _rule("studies", r"(?:(?<!to )\b(?:study|studies|studying)|(?<=admission )to study)\s+(?!(?:at|in|for|with|hard|abroad|together|late|all|up|on|it|this|that|the|a|an|my|our|his|her|them|him|me|you|group|session|break|time|buddy|partner|room|leave|day|night|tonight|today|every|more|less|so|too|really)\b)(?P<v>[a-z][\w-]*(?:\s+[\w-]+){0,3}?)(?=\s+(?:at|in|on|with)\s+(?:(?-i:[A-Z])|\d|uni\b|university\b|college\b|school\b)|\s*(?:$|[,.!;]))", field=True),
    _rule("studies", r"\b(?:doing|do|does|starting|started|start|begin|began|beginning|pursuing|finish|finishing|finished with|halfway through|into|onto|admission (?:to|for)|scholarship (?:for|to do)|enrolled (?:in|on)|accepted (?:into|onto|for)|place (?:on|for))\s+(?:(?:a|an|my|her|his|their|the)\s+)?(?:part-time\s+|full-time\s+|second\s+|final year of (?:a|my|her|his)\s+)?(?:masters|master's|msc|ma|mres|mphil|bsc|ba|phd|doctorate|degree|bachelors|bachelor's|diploma|llb|llm|mba|course|btec|a-levels|foundation year)\s+(?:degree\s+|course\s+)?in\s+(?P<v>[^,;:!?()]+?)(?=\s+(?:at|in|from|with|starting|this|next)\s|\s*(?:$|[,.!;]))", field=True),
    # a field said before its degree: "transferring to the Psychology conversion MSc",
    # "doing a law degree now", "switched to a History BA"
    _rule("studies", r"\b(?:doing|starting|started|pursuing|switched\s+to|switching\s+to|transferring\s+to|transferred\s+to|moved\s+(?:over\s+)?to|changed\s+to|onto|into)\s+(?:a|an|the|my)\s+(?:(?:part-time|full-time|new|one-year|two-year)\s+)?(?P<v>[\w-]+(?:\s+[\w-]+){0,2}?)\s+(?:conversion\s+|top-up\s+)?(?:(?-i:MSc|MA|MRes|MPhil|BSc|BA|PhD)|degree|masters|master's)\b", field=True),
    # a degree that names what is studied: "doing an LLB at Wits", "starting her PGCE"
    _rule("studies", r"\b(?:doing|starting|started|pursuing|finishing|into|onto|admission (?:to|for)|enrolled (?:in|on))\s+(?:(?:a|an|my|her|his|their|the)\s+)?(?P<v>(?-i:LLB|LLM|MBBS|MBChB|MBA|PGCE|BEd|BCom|BPharm|BDS|JD|BSN|MPH|MSW))\b(?!\s+in\b)"),
    _rule("studies", r"\b(?:got into|getting into|accepted (?:to|into|at))\s+(?:[^,;:!?()]+?\s+(?:uni|university|college|med school|law school)|(?-i:[A-Z])[\w&'-]*(?:\s+(?-i:[A-Z])[\w&'-]*){0,3})\s+(?:for|to (?:do|study))\s+(?:(?:her|his|my|their)\s+)?(?!(?:a|an|the|this|that|next|last|free|once|now)\b)(?P<v>[^,;:!?()]+?)(?=\s+(?:at|in|from|starting|this|next)\s|\s*(?:$|[,.!;]))", field=True),
    # "started uni at Leeds", "starts college in York": where
    _rule("school", r"\b(?:started|starting|start|starts|began|begins)\s+(?:uni|university|college|school|sixth form|nursery|kindergarten|med school|law school)\s+(?:at|in)\s+(?=(?-i:[A-Z]))(?!(?:" + "|".join(m.title() for m in MONTH_NAMES) + r"|Year)\b)" + V),
    # a term at a school: "arjun's first term at oakridge academy is going ok", "my last
    # semester at Boston College"
    _rule("school", r"\b(?:first|second|third|last|final|new)\s+(?:term|semester|trimester)\s+(?:at|of)\s+(?!(?:the|my|his|her|their|our|a|an)\s+(?:new\s+)?(?:school|uni|university|college)\b)(?P<v>[^,;:!?()]*?\b(?:school|academy|primary|college|uni|university|nursery|elementary|high|grammar|prep|montessori|institute)\b)"),
    _rule("school", r"(?<!used to )\b(?:goes|go|going|started|starts)(?!\s+(?:ok|okay|well|fine|great|good|alright|badly|smoothly|better|worse|really|so|pretty|not)\b)(?![^,;.!?]*\sfor\s+(?:a|an|the|my|her|his)\s+(?:\w+\s+)?(?:conference|meeting|talk|event|game|visit|tour|interview|reunion|lecture|workshop|seminar|concert|match|ceremony|party)\b)\s+(?:to\s+(?:(?:school|uni|college)\s+(?:at|in)\s+(?=(?:the\s+)?(?-i:[A-Z])))?|at\s+(?=[^,;:!?()]*?\b(?:primary|nursery|kindergarten|elementary|preschool|pre-school)\b))?(?!at\s)(?!(?:to\s+)?(?:be|become|work|teach|start)\s)(?P<v>[^,;:!?()]*?(?:school|elementary|primary|kindergarten|nursery|university|college|academy|gymnasium)\b(?:\s+(?:of|for)\s+(?:the\s+)?(?-i:[A-Z])[\w.'&-]*(?:\s+(?-i:[A-Z])[\w.'&-]*)*)?)"),
    # "my number's 07700 900123", "new number btw, it's 07700 900461", "phone: 555 0100"
    # (a number of the user's or someone's, "my mum's number is …" read as "(mum) is
    # number is …": not "my flight number is 4471 223")
    # "you can reach me at 651-555-0199 now", "update my cell to 651-555-0199"
    _rule("phone", r"\b(?:reach|text|call|contact)\s+me\s+(?:on|at)\s+(?:my\s+new\s+number\s*,?\s*)?(?P<v>\+?\(?\d[\d\s().-]{6,}\d)"),
    # "please use 651-555-0199 from now on, old phone is dead": beside a phone's word, a
    # number shaped as one (not "use 10.0.0.1 instead", "use 651-555-0199 for my mom")
    _rule("phone", r"^(?=.*\b(?:phone|cell|mobile|number)\b)(?!.*['’]s\s+(?:number|line|phone)\b)(?:(?:please|pls|plz)\s+)?use\s+(?P<v>\+?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4})\s+(?:from\s+now\s+on|instead|going\s+forward)(?=\s*(?:$|[,.!;]))"),
    _rule("phone", r"\bupdate\s+my\s+(?:phone|mobile|cell|number|phone\s+number|cell\s+number)\s+to\s+(?P<v>\+?\(?\d[\d\s().-]{6,}\d)"),
    _rule("phone", r"\b(?:my|our)\s+(?:new\s+)?(?:phone\s+|mobile\s+|cell\s+)?number\s+(?:has\s+)?changed\s+(?:from\s+\S+\s+)?to\s*[,:-]?\s+(?P<v>\+?\(?\d[\d\s().-]{6,}\d)"),
    _rule("phone", r"\b(?:changed|switched|got)\s+(?:my|a)\s+(?:new\s+)?(?:phone\s+|mobile\s+)?number(?:\s+(?:again|lol|haha|btw))*(?:\s+to)?\s*[,:-]?\s+(?:it['’]s\s+)?(?P<v>\+?\(?\d[\d\s().-]{6,}\d)"),
    _rule("phone", r"(?:(?:^(?:is\s+)?|\b(?:my|his|her|their|our|new|mobile|cell|contact|whatsapp|landline)\s+)(?:new\s+)?(?:(?:phone|mobile|cell)\s+)?number|\b(?:phone|(?:my|new)\s+(?:new\s+)?(?:mobile|cell(?:\s*phone)?))(?:\s+number)?)(?:\s+(?:lol|haha|btw|fyi))?(?:['’]s|\s+is|\s*[:,])?\s+(?:(?:btw|now|then)\s*[,:-]?\s+)?(?:(?:it['’]s|it\s+is)\s+)?(?P<v>\+?\(?\d[\d\s().-]{6,}\d)"),
    _rule("email", r"\b(?P<v>[\w.+-]+@[\w-]+\.[\w.]+)"),
)
# fmt: on
