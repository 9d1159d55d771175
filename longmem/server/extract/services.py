"""What the bank and gym rows of RULES (rules.py) are built from: the banks and gyms one
is with, as said in chat ("moved everything over to Monzo", "signed up for PureGym",
"switched to the council leisure centre"). Each is one at a time: a new one supersedes
the last, and one closed or cancelled by its name ends it. A bank or gym is named (one
of ``BANK`` / ``GYM``, or a name ending in "Bank", "Gym", "Fitness", …): "switched to
oat milk", "moved everything over to the new laptop", "joined a book club" key nothing.
"""

from __future__ import annotations

# Banks read in any case ("moved it all to monzo"); those that are also common words or
# places ("Chase", "Wise", "Halifax") only as written with a capital.
_BANKS = (
    r"barclays|monzo|hsbc|lloyds(?:\s+bank)?|natwest|santander|starling(?:\s+bank)?|revolut|"
    r"nationwide|first\s+direct|tsb|metro\s+bank|co-?op(?:erative)?\s+bank|virgin\s+money|"
    r"wells\s+fargo|bank\s+of\s+america|citibank|capital\s+one|n26|bunq|kroo|chime|"
    r"td\s+bank|scotiabank|cibc|commbank|commonwealth\s+bank|westpac|ulster\s+bank|aib|"
    r"rbs|royal\s+bank\s+of\s+scotland|danske(?:\s+bank)?|nordea|deutsche\s+bank|sparkasse|"
    r"bnp\s+paribas|abn\s+amro|rabobank|usaa|pnc|sofi|zopa|atom\s+bank|bank\s+of\s+ireland|"
    r"permanent\s+tsb|kbc|handelsbanken|tangerine|simplii|ally\s+bank|chase\s+uk"
)
_CAPITAL_BANKS = r"Chase|Wise|Halifax|Ally|ING|Citi|Marcus|Discover|Tide|Atom|ANZ|NAB|RBC|BMO"
# A name of one's own ending in its kind: "Yorkshire Building Society", "Bank of Montreal",
# "Navy Federal Credit Union".
_NAMED_BANK = (
    r"(?-i:[A-Z][\w&'-]*(?:\s+[A-Z][\w&'-]*){0,3})\s+(?-i:Bank|Building\s+Society|Credit\s+Union)"
    r"|(?-i:Bank\s+of\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)"
)
BANK = r"(?:" + _BANKS + r"|(?-i:" + _CAPITAL_BANKS + r")|" + _NAMED_BANK + r")(?![\w'’-])"

# Gyms by name, in any case ("cancelled puregym"); a name ending in "Gym", "Fitness",
# "Leisure Centre", "Climbing Centre", … ("Better Gym", "Snap Fitness", "Kings Hall Leisure
# Centre", "Manchester Climbing Centre", "the depot climbing centre").
_GYMS = (
    r"pure\s*gym|the\s+gym\s+group|david\s+lloyd|nuffield(?:\s+health)?|virgin\s+active|"
    r"anytime\s+fitness|planet\s+fitness|equinox|24\s+hour\s+fitness|gold['’]?s\s+gym|"
    r"la\s+fitness|snap\s+fitness|f45|third\s+space|gymbox|fitness\s+first|everyone\s+active|"
    r"crunch\s+fitness|orangetheory|barry['’]?s(?:\s+bootcamp)?|1rebel|ymca|jd\s+gyms?|"
    r"bannatyne['’]?s|energie\s+fitness|life\s*time\s+fitness|blink\s+fitness|xercise4less|"
    r"total\s+fitness"
)
_NAMED_GYM = (
    r"(?!(?-i:The|A|An|My|Our|This|That|Your|His|Her|Their)\s)(?-i:[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,3})\s+"
    r"(?-i:Gym|Fitness|Leisure\s+Centre|Leisure\s+Center|Health\s+Club|Athletic\s+Club|"
    r"CrossFit|Sports\s+Centre|Sports\s+Center|Climbing(?:\s+(?:Centre|Center|Wall|Gym))?|"
    r"Bouldering(?:\s+(?:Centre|Center|Wall|Gym))?|Boulder\s+(?:Centre|Center|Gym))"
    # … or a climbing centre by its name after "the", in any case: "the depot climbing centre"
    r"|the\s+[\w'’-]+\s+(?:climbing|bouldering)\s+(?:centre|center|wall|gym)"
)
GYM = r"(?:" + _GYMS + r"|" + _NAMED_GYM + r")(?![\w'’-])"
# … and one of no name, which only joining or switching to makes one's gym ("switched to
# the council leisure centre", "joined the climbing gym"; not "joined a gym", which says
# none, "met her at the climbing wall", "took the kids to the leisure centre").
_OF_NO_NAME = (
    r"(?:new|local|council|cheaper|24[- ]hour|big|nearby|uni|university|work|office|"
    r"climbing|bouldering|crossfit|boxing)"
)
A_GYM_OF_NO_NAME = (
    r"(?:the|a)\s+(?:(?:" + _OF_NO_NAME + r"\s+){1,2}gym|(?:" + _OF_NO_NAME + r"\s+){0,2}"
    r"(?:leisure\s+centre|leisure\s+center|rec\s+centre|rec\s+center|sports\s+centre|"
    r"sports\s+center|health\s+club|crossfit\s+box|climbing\s+wall|bouldering\s+wall))"
    r"(?![\w'’-])(?:\s+(?:near|by|on|in|at)\s+(?:work|the\s+office|(?-i:[A-Z][\w'-]*)))?"
)

# The words of the rows: what makes a bank one's own …
_MONEY = (
    r"(?:(?:my|our|all\s+my|all\s+our)\s+)?(?:everything|it\s+all|all\s+of\s+it|banking|"
    r"money|accounts?|current\s+account|bank\s+account|salary|wages|pay)"
)
# ("switched to Monzo", "moved everything over to Monzo", "been banking with Nationwide
# for years"; not "moved over to Monzo", which may be a job, nor "moved to Halifax")
BANK_TAKEN_UP = (
    r"\b(?:(?:bank|banks|banking)\s+with|"
    r"(?:switched|switching)\s+(?:(?:banks?|" + _MONEY + r")\s+)?(?:(?:over|across)\s+)?"
    r"(?:from\s+" + BANK + r"\s+)?to|"
    r"(?:moved|moving|changed|changing|swapped|swapping|transferred|transferring)\s+"
    r"(?:banks?|" + _MONEY + r")\s+(?:(?:over|across)\s+)?(?:from\s+" + BANK + r"\s+)?to)"
    r"\s+(?:the\s+)?(?P<v>" + BANK + r")"
)
# … and over: "closed my Barclays account", "closed the account with HSBC".
_AN_ACCOUNT = r"(?:current\s+|bank\s+|joint\s+|savings\s+)?account"
BANK_CLOSED = r"\bclosed\s+(?:(?:my|our|the)\s+)?(?P<v>" + BANK + r")\s+" + _AN_ACCOUNT + r"\b"
BANK_ACCOUNT_CLOSED = (
    r"\bclosed\s+(?:(?:my|our|the)\s+)?" + _AN_ACCOUNT + r"\s+(?:with|at)\s+(?P<v>" + BANK + r")"
)
# What makes a gym one's own (not "joined PureGym as a PT": a job) …
GYM_TAKEN_UP = (
    r"\b(?:joined|signed\s+up\s+(?:for|to|at|with)|(?:got|bought|took\s+out)\s+(?:a\s+)?"
    r"membership\s+(?:at|to|for|with)|(?:am|'m|is|are|'re)\s+(?:now\s+)?(?:a\s+)?member\s+"
    r"(?:at|of)|(?:switched|moved|changed|swapped)\s+(?:gyms?\s+)?(?:from\s+" + GYM + r"\s+)?to)"
    r"\s+(?P<v>" + GYM + r"|" + A_GYM_OF_NO_NAME + r")(?!\s+as\s)"
)
# … one named gone to as a habit ("I go to PureGym near work", "training at Third Space").
GYM_GONE_TO = (
    r"\b(?:go|goes|train|trains|training|work\s+out|works\s+out)\s+(?:to|at)"
    r"\s+(?P<v>" + GYM + r")(?!\s+(?:today|tonight|tomorrow|later|this|on)\b)"
)
# … and one over: "cancelled puregym", "cancelled my David Lloyd membership", "quit the gym
# group" (not "froze my PureGym membership": a pause).
GYM_LEFT = (
    r"\b(?:cancelled|canceled|cancel|quit|left|ended)\s+(?:(?:my|our|the)\s+)?"
    r"(?P<v>" + GYM + r")(?:\s+membership)?(?!\s+as\s)(?![\w'’-])"
)
