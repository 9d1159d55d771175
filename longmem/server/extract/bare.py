"""A relative said without "my", as chat says them: a word for a parent or grandparent as
a name ("Mum is still in Lagos", "Nan moved to Braga", "Mama turns 60", "nan is 93"), for
a partner or an older sibling that is always one's own ("hubby got a new job", "Bhai quit
Infosys"), a relative by marriage short or hyphenated ("MIL moved to Leeds"), each told
of only where a verb or "'s" follows (``told_of_bare``); a relation and a name ("wee
sister Eilidh", "kuya Rommel"; not "sister Mary", who may be anyone's); and in-laws said
together ("In-laws moved to the Algarve"), no one the rules key.
"""

# ruff: noqa: SIM905  (word lists read as text)
from __future__ import annotations

import re

from .kin import IN_LAW_CAPS, IN_LAW_HEAD, SHORT_NEWS_WORDS
from .kin import NAME as _NAME
from .kin import QUALIFIERS as _QUALIFIERS
from .kin import REL as _REL
from .lexicon import ADVERBS, CLAUSE_VERBS

# A relation and its name without "my", as chat says them. Plain "sister Mary", "uncle
# Emeka", "bro Tunde", "manager Arteta", "baby Yoda" may be anyone's — a nun, a landlord, a
# colleague, a coach, a character — so such an opening is no one's: never the user's, as it
# had been ("sister Eilidh moved to Leeds" moved the user). Only a word that is always
# one's own names the relation: "wee sister Eilidh", "little brother Sam", "hubby Raj",
# "kuya Rommel". A capitalised relation word ("Sister Act is on") is no one's either.
BARE_RELATION_NAMED = re.compile(
    r"^(?i:(?:wee|lil|kid)\s+)?(?i:" + _QUALIFIERS + r"(?P<rel>" + _REL + r"))\s+"
    r"(?P<name>" + _NAME + r")\b(?!'s\s+(?:car|house|flat|place|school|job))\s*,?\s*"
)
# A name then who they are to others: "bhaiya Ramesh the driver", "didi Sunita the maid".
ROLE_AFTER = re.compile(r"^(?:the|from|next|at|of|our|my)\b|^(?-i:[A-Z])", re.I)
# Words of other languages for one's own relatives, read as them also capitalised, as a
# title before the name ("Khala Nasreen lives in Lahore", "Ciocia Basia", "Kuya Rommel";
# not "Tia Maria", a drink).
OWN_ABROAD = frozenset(
    """akka kuya didi bhaiya chechi unnie eonni noona hyung aiyya abuela abuelo ciocia wujek
    khala mamu chachu phuppo tita tannie nani dadi babcia dziadek nonna nonno oma opa""".split()
)
OWN_KIN = re.compile(
    r"^(?i:(?:wee|lil|little|big|older|younger|elder|baby|twin|kid)\s+(?:sister|sis|brother|bro)\b|"
    # … or another language's word for an older sibling, an aunt or uncle, a grandparent:
    # "tío Carlos opened a taquería", "ciocia Basia moved to Kraków"
    r"(?:hubby|wifey|fianc[eé]e?|t[ií]o|t[ií]a|" + "|".join(sorted(OWN_ABROAD)) + r")\s)"
)
# fmt: off
# "Mum is still in Lagos", "Nan moved to Braga": a word for a parent or grandparent as a
# name, in English or as chat in English says it in another language ("Mama turns 60",
# "Papá opened a café", "Babcia is in hospital"). Not a word that is a given name or a
# surname too ("Pai", "Amma", "Baba"), nor one before a capital ("Mama Mia"), nor "Mum and
# I…" (the user's, as "wife and I"); "Opa!" alone says nothing of anyone.
# Another language's words (and the words for an older sibling or a partner that are
# always one's own: "Bhai quit Infosys", "Hubby got a new job"), capitalised, are told of
# only before "'s" or a verb (told_of_bare).
_OTHER_BARE = (
    """Mama Mamá Maman Mutti Mãe Papa Papá Vati Abuela Abuelita Abuelo Abuelito Oma Opa
    Nonna Nonno Babcia Dziadek Babushka Dedushka Yiayia Papou Bubbe Zayde Ouma Oupa Mam
    Mammy Mommy Daddy Appa Ammi Abbu Dadi Nain Taid Mamgu Tadcu Avó Avô Vovó Vovô
    Halmeoni Harabeoji Obaachan Ojiichan Sitti Jiddo Mbuya Ambuya Savta Anneanne
    Babaanne Mémé Pépé Papy Bhai Bhaiya Akka Aiyya Kuya Chechi Unnie Eonni Noona Hyung
    Hubby Wifey""".split()
)
# … and typed in lower case, as chat types them ("nan is 93", "taid turned 95", "bf moved
# teams"), these and more that are given names as often when capitalised (Didi, Nani,
# Lolo, Teta, Gogo, Mamie, Pops): also only before "'s" or a verb.
_LOWER_BARE = (
    *(word.lower() for word in _OTHER_BARE),
    *"""grandma grandmother granny nana nan grandpa grandfather grandad granddad pops ammu
    mami nani teta gogo lolo mamie ajji paati ammamma thatha nanaji nanay tatay itay
    inay didi malli nangi thambi behen baji abang gege jiejie meimei hermanito
    hermanita khala mamu chachu phuppo wujek ciocia tita tannie sekuru hubs bf bae
    missus polola pololo mamma dziewczyna chłopak novia novio esposa esposo marido gf wife
    husband boyfriend girlfriend fiance fiancee fiancé fiancée""".split(),
)
# … and a relative by marriage, short or hyphenated ("MIL moved to Leeds",
# "Sister-in-law is a nurse now", "mum-in-law's staying with us"), also only before "'s"
# or a verb.
_BARE_IN_LAW = r"(?:(?P<short>" + IN_LAW_CAPS + r")|(?i:" + IN_LAW_HEAD + r")-in-law)(?!-)"
BARE_RELATION = re.compile(
    r"^(?P<rel>(?P<in_law>" + _BARE_IN_LAW + r")|"
    r"[Mm]um|[Mm]om|[Dd]ad|Mother|Father|Grandma|Grandmother|Granny|Nana|Nan|"
    r"Grandpa|Grandfather|Grandad|Granddad|"
    r"(?P<other>" + "|".join(_OTHER_BARE) + r")|"
    r"(?P<lower>(?-i:" + "|".join(_LOWER_BARE) + r")))"
    r"\b(?![-\s]in[-\s]laws?\b)(?!\s+[A-Z])(?!\s+(?:and|&)\s+(?:I|me)\b)(?P<c>'s)?\s*"
)


def told_of_bare(match: re.Match[str], rest: str) -> bool:
    """Whether a word for a parent or grandparent (BARE_RELATION) is someone told of: an
    English one always ("Mum is in Lagos"), another language's, or one in lower case, only
    before "'s" or a verb ("Mama turns 60", "Papá retired", "nan is 93"; not "Mama mia",
    "Babushka dolls are cute", "granny flat")."""
    if not (match.group("other") or match.group("lower") or match.group("in_law")):
        return True
    word = rest.split(" ", 1)[0].lower().strip(",.!")
    if match.group("short") and not match.group("c"):
        if word in ("is", "are", "was", "were"):
            # "MIL is 67", "MIL is in hospital", "FIL is visiting"; not "SIL is the safety
            # level we need", "FIL is a file extension"
            then = (rest.split(" ", 2)[1:2] or [""])[0].lower().strip(",.!")
            return then.isdigit() or then.endswith("ing") or then in _AFTER_A_SHORT_IS
        # news of someone: "MIL moved to Leeds"; not "FIL shares went up", "SIL has a huge
        # language database", "MIL approved the contract"
        return word in SHORT_NEWS
    if match.group("c"):
        # "nan's 79", "mam's retiring", "hubby's on a rig", "nan's birthday is…" (not
        # "abuela's flat in Oaxaca", "babcia's recipe": whose)
        said = rest.split(" ", 2)
        after = said[1:2]
        an_age = word.isdigit() and (
            not after
            or said[0].rstrip().endswith((",", ".", "!"))
            or after[0].lower().strip(",.!") in _AFTER_AN_AGE
        )  # "nan's 79 and still drives", "nan's 90, living in a care home"; not "nan's 3 cats"
        # "wife's last day at the infirmary", "hubby's first shift at Asda" (not "wife's
        # last name", "husband's last shift was a nightmare")
        a_day = (
            word in ("last", "first")
            and after[:1]
            and after[0].lower() in _A_DAY_AT
            and rest.split()[2:3] in (["at"], ["with"])
        )
        return bool(not word or an_age or a_day or word in _AFTER_ITS_S or word in ADVERBS)
    return word in CLAUSE_VERBS or word in ADVERBS or (word.endswith("ed") and len(word) > 3)


# What follows "'s" (is, has) after a word for a relative, not whose: "nan's in hospital",
# "mam's a nurse", "hubby's birthday is 22 aug".
_AFTER_ITS_S = frozenset(
    """in at on off out away a an the been got gone not still now just so very really always
    never birthday bday b-day retiring retired moving moved getting going coming staying
    living working turning feeling visiting starting leaving flying heading expecting
    recovering married engaged divorced separated pregnant""".split()
)
_A_DAY_AT = frozenset(("day", "week", "shift", "month"))
# … and after "is" or "was" after a short word for a relative by marriage ("MIL is in
# hospital", not "SIL is the safety level we need").
_AFTER_A_SHORT_IS = (_AFTER_ITS_S | ADVERBS) - {"a", "an", "the"}
SHORT_NEWS = SHORT_NEWS_WORDS - {"is", "was", "has", "had", "and", "one", "who"}
# … and what follows an age said so ("nan's 79 and still drives", "bf's 30 today").
_AFTER_AN_AGE = frozenset(
    """and today now next this in on years yrs yo y/o but so lol already tomorrow""".split()
)
# fmt: on
# Relatives by marriage said without "my", capitalised or not, several or spaced ("In-laws
# moved to the Algarve", "sisters-in-law", "Mother in law moved to Spain"): no one the
# rules key, never a name, nor the mother. (One said short or hyphenated is keyed as the
# others: "MIL lives in Leicester", BARE_RELATION.)
IN_LAWS = re.compile(
    r"^(?:the\s+)?(?:in-laws|inlaws|in\s+laws|"
    + IN_LAW_HEAD
    + r"(?:s[-\s]in[-\s]laws?|[-\s]in[-\s]laws|\s+in\s+law))\b(?!\s+(?:and|&)\s+(?:I|me)\b)",
    re.I,
)
