"""The words for relations: which attribute of the user records each (``RELATIONS``:
"sister" → siblings, "hubby" → partner, "abuela" → relatives), one word for all the words
of one relative (``kin``: "nan" → grandma, "kuya" → brother), and the patterns the
subject rules read them with — any relation word (``REL``), the words before one ("my
*little* sister", ``QUALIFIERS``), and a person's name as typed (``NAME``, ``FULL_NAME``).
"""

# ruff: noqa: E501, SIM905  (word lists read as text)
from __future__ import annotations

import re

from .lexicon import ADVERBS

# Relation words, and the attribute of the user that records who is which.
RELATIONS: dict[str, str] = {
    **dict.fromkeys(("sister", "brother", "sibling", "twin"), "siblings"),
    **dict.fromkeys(("daughter", "son", "kid", "child", "baby", "stepdaughter"), "children"),
    **dict.fromkeys(("stepson",), "children"),
    # a child by where they come ("our youngest, Tala", "my eldest is at uni")
    **dict.fromkeys(("youngest", "oldest", "eldest"), "children"),
    **dict.fromkeys(
        ("husband", "wife", "partner", "girlfriend", "boyfriend", "fiance", "fiancee", "spouse"),
        "partner",
    ),
    # chat's words for them: "my gf Priya", "hubby's brother"
    **dict.fromkeys(("hubby", "wifey", "bf", "gf"), "partner"),
    **dict.fromkeys(("bro", "sis"), "siblings"),
    **dict.fromkeys(("bestie", "mate", "pal", "bff", "housemate"), "friends"),
    **dict.fromkeys(("mom", "mum", "mother", "mam", "mammy", "mummy", "mommy"), "mother"),
    **dict.fromkeys(("dad", "father", "daddy"), "father"),
    **dict.fromkeys(("manager", "boss", "supervisor"), "manager"),
    # those the user goes to or rents from, one of each ("my GP is Dr Patel", "my
    # therapist Joanne", "my new landlord is Kestrel Homes")
    **dict.fromkeys(("gp",), "doctor"),
    **dict.fromkeys(("therapist", "counsellor", "counselor"), "therapist"),
    **dict.fromkeys(("landlord", "landlady"), "landlord"),
    **dict.fromkeys(
        ("friend", "buddy", "colleague", "coworker", "roommate", "flatmate"), "friends"
    ),
    **dict.fromkeys(
        """cousin aunt auntie aunty uncle niece nephew grandma grandmother granny nan nana
        grandpa grandfather grandad granddad grandson granddaughter""".split(),
        "relatives",
    ),
    # a step-parent is not the parent ("my stepdad Gary" is no father of the user's);
    # a step-sibling is a sibling
    **dict.fromkeys("stepdad stepfather stepmum stepmom stepmother".split(), "relatives"),
    **dict.fromkeys(("stepbrother", "stepsister"), "siblings"),
    # relatives by marriage, one each, as relation_key spells them ("mother in law",
    # "mum-in-law", "MIL" → "mother-in-law")
    **dict.fromkeys(
        """mother-in-law father-in-law sister-in-law brother-in-law son-in-law
        daughter-in-law""".split(),
        "relatives",
    ),
    # Words for family from other languages, as they are used in English chat ("my
    # abuela", "my unnie Soyeon", "my avó Rosa"). Not those that are also a common given
    # name (Anna, Anne, Lola, Abi, Hala) or another English word ("ate").
    **dict.fromkeys(
        """unnie eonni noona nuna oppa hyung didi bhaiya akka kuya chechi bhai abla hermana hermano irmã
        irmão sœur soeur frère frere schwester bruder sorella fratello aiyya malli nangi thambi
        behen baji abang kakak adik gege jiejie meimei hermanito hermanita""".split(),
        "siblings",
    ),
    **dict.fromkeys("hijo hija filho filha sohn tochter figlio figlia".split(), "children"),
    **dict.fromkeys(
        "esposa esposo marido novia novio polola pololo chłopak dziewczyna missus hubs bae".split(),
        "partner",
    ),
    **dict.fromkeys(
        "mama mamá mãe maman mutti amma eomma ammi má mami mamma ammu nanay inay".split(), "mother"
    ),
    **dict.fromkeys("papa papá pai baba vati appa abbu pops tatay itay".split(), "father"),
    **dict.fromkeys(
        """avó vovó abuela abuelita oma nonna babcia halmeoni obaachan yiayia bubbe
        babushka avô vovô abuelo abuelito opa nonno dziadek harabeoji ojiichan papou
        zayde dedushka tía tia tante zia teyze tío tio onkel zio amca nain taid mamgu tadcu
        ouma oupa gogo dadi sitti jiddo savta anneanne babaanne mamó daideó nani ammamma paati
        ajji teta mbuya ambuya mamie mémé lolo thatha nanaji pépé papy ciocia wujek khala nanima
        mamu phuppo chachu tita tannie oom sekuru""".split(),
        "relatives",
    ),
}
# Relation words written in capitals in a fact's text: "User's GP is Dr Patel".
WRITTEN_AS = {"gp": "GP"}
# Words for the same relative: a question about "my nan" finds what was said of "my
# grandma", and "Grandma moved…" is the nan the collection knows.
_KIN_GROUPS = tuple(
    tuple(group.split())
    for group in (
        "mum mom mother mam mammy mummy mommy mama mamá mãe maman mutti amma eomma ammi má mami mamma ammu nanay inay",
        "dad father daddy papa papá pai baba vati appa abbu pops tatay itay",
        """grandma grandmother granny nan nana avó vovó abuela abuelita oma nonna babcia
        halmeoni obaachan yiayia bubbe babushka nain mamgu ouma gogo dadi sitti savta
        anneanne babaanne mamó ammamma paati ajji teta mbuya ambuya mamie mémé nani nanima""",
        """grandpa grandfather grandad granddad avô vovô abuelo abuelito opa nonno dziadek
        harabeoji ojiichan papou zayde dedushka taid tadcu oupa jiddo daideó lolo thatha
        nanaji pépé papy""",
        "aunt auntie aunty tía tia tante zia teyze ciocia khala phuppo tita tannie",
        "uncle tío tio onkel zio amca wujek mamu chachu oom",
        "sister hermana irmã sœur soeur schwester sorella unnie eonni noona nuna didi akka chechi abla sis nangi behen baji jiejie meimei hermanita",
        "brother hermano irmão frère frere bruder fratello oppa hyung bhaiya bhai kuya bro aiyya malli thambi abang gege hermanito",
        "friend bestie mate pal bff",
        "son hijo filho sohn figlio",
        "daughter hija filha tochter figlia",
        "wife esposa wifey missus",
        "husband esposo marido hubby hubs",
        "girlfriend novia gf polola dziewczyna",
        "boyfriend novio bf pololo chłopak",
        "fiance fiancee fiancé fiancée",
        "colleague coworker co-worker",
        "stepdad stepfather",
        "stepmum stepmom stepmother",
        "eldest oldest",
        "mother-in-law mum-in-law mom-in-law mam-in-law mil",
        "father-in-law dad-in-law fil",
        "sister-in-law sil",
        "brother-in-law bil",
        "daughter-in-law dil",
        "son-in-law",
    )
)
_KIN = {word: group[0] for group in _KIN_GROUPS for word in group}
# A relative by marriage as typed, and as keyed ("bro in law", "brotherinlaw", "MIL" →
# "brother-in-law", "mother-in-law"; the rules read the short words capitalised only).
_IN_LAW_SPELLED = re.compile(r"(?P<head>[a-z]+)(?:-in-law|\s+in\s+law|inlaw)")
_IN_LAW_HEADS = {
    **dict.fromkeys(("mum", "mom", "mam"), "mother"),
    **{"dad": "father", "sis": "sister", "bro": "brother"},
}
# The words an in-law is said with, before "-in-law" ("mum-in-law", "bro in law"), and as
# a pattern.
IN_LAW_HEADS = frozenset(
    ("mother", "father", "sister", "brother", "son", "daughter", *_IN_LAW_HEADS)
)
IN_LAW_HEAD = "(?:" + "|".join(sorted(IN_LAW_HEADS)) + ")"
IN_LAW_SHORT = {
    "mil": "mother-in-law",
    "fil": "father-in-law",
    "sil": "sister-in-law",
    "bil": "brother-in-law",
    "dil": "daughter-in-law",
}
_WORDS_FOR = {group[0]: group for group in _KIN_GROUPS}


# Who "she" or "he" can be, by relation (as ``kin`` spells it): a pronoun that opens a
# message stands for the person the collection heard of last, if the word fits them.
PRONOUN_RELATIONS: dict[str, frozenset[str]] = {
    "she": frozenset(
        """mum grandma aunt sister daughter wife girlfriend niece granddaughter
        stepdaughter stepmum stepsister mother-in-law sister-in-law daughter-in-law""".split()
    ),
    "he": frozenset(
        """dad grandpa uncle brother son husband boyfriend nephew grandson stepson stepdad
        stepbrother father-in-law brother-in-law son-in-law""".split()
    ),
}


def relation_key(relation: str) -> str:
    """A relation word as a fact's subject spells it: "fiancée" → "fiancee",
    "co-worker" → "coworker", a relative by marriage as one word however typed ("mother
    in law", "mum-in-law", "MIL" → "mother-in-law") (``sister:Anna``,
    ``fiancee:Zanele``, ``mother-in-law:Carol``)."""
    word = relation.lower().replace("é", "e").replace("co-worker", "coworker")
    by_marriage = _IN_LAW_SPELLED.fullmatch(word)
    if by_marriage is not None:
        head = by_marriage.group("head")
        return _IN_LAW_HEADS.get(head, head) + "-in-law"
    return IN_LAW_SHORT.get(word, word)


def in_law(relation: str) -> bool:
    """Whether a relation word, as typed, names a relative by marriage."""
    return relation_key(relation).endswith("-in-law")


def kin(relation: str) -> str:
    """One word for all the words for a relative ("nan" → "grandma")."""
    return _KIN.get(relation.lower(), relation.lower())


# Words that say which side of the family a grandparent is on: a mother's mother ("nani",
# "anneanne") and a father's ("dadi", "babaanne") are two people, though both a grandma.
_SIDE = {
    **dict.fromkeys("nani nanima anneanne ammamma nanaji".split(), "mother's"),
    **dict.fromkeys("dadi babaanne".split(), "father's"),
}


def one_relative(relation: str, other: str) -> bool:
    """Whether two relation words may name the same relative: the same one for all their
    words ("nan", "grandma"), not a grandparent on each side ("nani", "dadi")."""
    sides = (_SIDE.get(relation.lower()), _SIDE.get(other.lower()))
    return kin(relation) == kin(other) and (None in sides or sides[0] == sides[1])


def kin_words(relation: str) -> tuple[str, ...]:
    """Every word for the relative a word names ("nan" → grandma, grandmother, granny,
    nan, nana, …); the word alone when it has no others ("cousin")."""
    return _WORDS_FOR.get(kin(relation), (relation.lower(),))


# Words someone's own news opens with ("my eldest is…", "my sister in law moved…").
_VERBS_AFTER = (
    r"is|was|has|had|just|now|started|starts|turned|turns|got|gets|moved|lives|lived|works|"
    r"worked|goes|went|and|one|who|still|finally|already|will|can|loves|hates|wants|plays|did|"
    r"does|graduated|passed|left|joined"
)
# A relative by marriage, as typed: hyphenated ("mother-in-law", not "son-in-law-to-be"),
# as one word ("brotherinlaw"), with a word of chat ("mum-in-law", "bro in law"), spaced
# ("my sister in law Rita") or short and capitalised ("MIL", "SIL": a sister-in-law, as
# chat uses it). Spaced or short, only before their news — the end, a mark, a name, a
# verb, an adverb — not before another noun: "my brother in law school", "my sister in law
# enforcement", "our SIL rating", "my FIL file", "MIL-spec".
_LAW_AS_A_FIELD = (
    r"(?:schools?|enforcement|firms?|students?|degrees?|practice|graduates?|exams?|"
    r"class(?:es)?|courses?|professors?|lecturers?|society|library|review|clinic|offices?|"
    r"department|faculty|background|careers?|internships?|majors?|books|textbooks|journals?|"
    r"reform|suites?|apartments?|flats?|units?|cottages?|annexe|annex|tongue|and\s+order)\b"
)
# The verbs of news said of someone, and the words before them, as a relative by
# marriage said short is followed by them ("my MIL moved", "FIL finally retired"; not "our
# FIL holdings grew", "MIL approved the contract"): the words, and as a pattern.
SHORT_NEWS_WORDS = frozenset(
    (
        *_VERBS_AFTER.split("|"),
        *"""bought sold made took gave came comes coming found told met ran sent built drove
        flew wrote taught won lost became began fell kept paid spent thought thinks knew saw
        says said called calls rang texted visited visits visiting arrived arrives retired
        retiring died living staying stays moving starting working needs needed quit turning
        loved hated wanted likes liked drives runs owns owned teaches cooks studies studied
        manages managed sells makes keeps qualified married divorced remarried promoted hired
        fired relocated emigrated recovered diagnosed admitted discharged""".split(),
        *ADVERBS,
    )
)
_NEWS = "|".join(sorted(SHORT_NEWS_WORDS))
_THEIR_NEWS_AFTER = (
    r"(?=\s*$|\s*[^\w\s-]|\s+(?-i:[A-Z])|\s+(?!"
    + _LAW_AS_A_FIELD
    + r")(?:(?:"
    + _NEWS
    + r")\b|[a-z]+(?:ed|s)\b))"
)
_SHORT_NEWS_AFTER = r"(?=\s*$|\s*[^\w\s-]|\s+(?-i:[A-Z])|\s+(?:" + _NEWS + r")\b)"
# … the short words, capitalised.
IN_LAW_CAPS = "(?-i:" + "|".join(sorted(w.upper() for w in IN_LAW_SHORT)) + ")"
IN_LAW = (
    r"(?:" + IN_LAW_HEAD + r"(?:-in-law(?!-)|inlaw(?!-)|\s+in\s+law\b" + _THEIR_NEWS_AFTER + r")"
    r"|" + IN_LAW_CAPS + r"\b" + _SHORT_NEWS_AFTER + r")"
)
# Any relation word; not a mother-in-law as a mother.
REL = (
    "(?:"
    + IN_LAW
    + "|(?:"
    + "|".join(
        sorted(
            (
                *(w for w in RELATIONS if not w.endswith("-in-law")),
                "co-worker",
                "fiancé",
                "fiancée",
            ),
            key=len,
            reverse=True,
        )
    )
    + r")(?!s?[-\s]in[-\s]laws?\b)"
    # a child by where they come, not a word before someone else ("my eldest client", "my
    # youngest student"): no lower-case word after it but a verb's
    r"(?<!\beldest)(?<!\boldest)(?<!\byoungest)"
    r"|(?:eldest|oldest|youngest)(?!\s+(?!(?:" + _VERBS_AFTER + r")\b)(?-i:[a-z])))"
)
# Words said before a relation ("my little brother", "my ex wife", "our middle one"), and
# the pattern of any run of them, ages too ("my 6 year old daughter").
QUALIFIER_WORDS = (
    *("old", "new", "former", "ex", "little", "big", "older", "younger", "elder", "best"),
    *("eldest", "youngest", "oldest", "twin", "step", "baby", "dear", "late", "lovely"),
    *("other", "middle", "second", "third", "own"),
)
QUALIFIERS = (
    r"(?:(?:" + "|".join(QUALIFIER_WORDS) + r"|"
    r"\d{1,2}[\s-]*(?:years?|yrs?|months?)[\s-]*old|\d{1,2}[\s-]?y/?o)\s+)*"
)
# The letters of names written in Latin script, accented ones too ("Zoë", "Chloé",
# "Łukasz", "Søren"): A–Z and a–z with the upper and lower case letters of Latin-1 and
# Latin Extended-A and -B, for character classes.
UPPER = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper())
LOWER = "a-z" + "".join(c for c in map(chr, range(0xDF, 0x250)) if c.islower())
# A given name, as written: capitalised ("Zoë", "Anne-Marie").
GIVEN_NAME = rf"[{UPPER}][{LOWER}]+(?:-[{UPPER}]?[{LOWER}]+)?"
# A name, no apostrophe ("Tom's" is Tom plus a verb); a title keeps its surname ("Mr
# Okoye").
NAME = rf"(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+[{UPPER}][{LOWER}]+|{GIVEN_NAME})"
# A full name, where a label or "is" introduces one ("New manager: Funmi Adeyemi").
FULL_NAME = NAME + rf"(?:\s+[{UPPER}][{LOWER}]+)?"


# What kin() calls each word for a partner ("wife", "boyfriend", "partner", …).
PARTNER_KIN = frozenset(kin(word) for word, kind in RELATIONS.items() if kind == "partner")
