"""Who a clause is about.

Subjects
  ``I`` / ``we`` (and their contractions), and a clause with no subject at all, are the
  user. ``my sister Anna`` / ``our daughter Zofia`` / ``Li, my manager,`` are a named
  relation: subject ``sister:Anna``, and the user gets the relation as a fact of its own
  (siblings: Anna). ``my husband`` without a name is ``husband:``; a bare name ("Tom's
  got a job…") is the subject ``Tom``, which ``remember`` links to a relation it already
  knows (``husband:Tom``), typed in lower case too ("vikram turned 21", unless the word
  is chat's own: "omg turned 40" is the user's); ``he`` / ``she`` / ``they`` is the clause
  before's subject, as is a clause that opens with a verb of the third person ("says
  he's done…"); someone the clause before brought in without a name is the one a clause
  names ("Her name is Mio").

Also the signs that a clause is someone else's news, not the user's ("husband got a job",
"Anna's husband moved", "my dog turned 5", "Anna's flat in Vienna…"): its subject is then
no one. Whether a word is a name is names.py's; who else a clause tells of beside its
subject (a relation it mentions or says the user has, someone new, whom a "he" or "she"
is from earlier in the message) is others.py's.
"""

# ruff: noqa: E501, SIM905  (patterns and word lists read as text, one per line)
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Optional

from ..embed import STOP_WORDS
from ..facts import ROLE_ATTRIBUTES, USER
from .health import dose_changed, names_medicine
from .keys import USERS_OWN
from .kin import FULL_NAME as _FULL_NAME
from .kin import (
    GIVEN_NAME,
    IN_LAW_CAPS,
    IN_LAW_HEAD,
    RELATIONS,
    SHORT_NEWS_WORDS,
    WRITTEN_AS,
    in_law,
    relation_key,
)
from .kin import NAME as _NAME
from .kin import QUALIFIERS as _QUALIFIERS
from .kin import REL as _REL
from .lexicon import (
    ADVERBS,
    CLAUSE_VERBS,
    HEDGED,
    MODALS,
    MONTH_NAMES,
    NOT_A_NAME,
    PAST_IRREGULAR,
    PET_WORDS,
    REASONS,
    UNRESOLVED_PREFIX,
    WEEKDAY_RE,
    pet_subject,
)
from .names import (
    FIRST_PERSON,
    LOWER_NAMES_FAVORITE,
    NO_ONE_BY_NAME,
    NOT_LOWER_NAMES,
    NOT_NAMES,
    PERSON_WORDS,
    TOLD_VERBS,
    a_lower_name,
    a_name_said,
    filler_like,
    is_name,
    lower_and_i,
    lower_name,
    lower_subject_of_be,
    partner_named,
    relation_name,
)
from .places import place_rest
from .rules import DIET_ENDED, HOME_IS, NO_LONGER_MY_PARTNER, PLACE_IS_HOME, named_pet, pet_opening
from .text import EACH_APART, lower_words, third_person


@dataclass(frozen=True)
class Subject:
    key: str  # "user", "sister:Anna", "husband:", or a bare name "Tom"
    name: str  # how a sentence names it: "User", "User's sister Anna", "Tom"


USER_SUBJECT = Subject(USER, "User")
# A clause about someone or something not named ("The kids moved…", "She said…" with no
# one before it): its facts stay plain, keyed to no one.
NOBODY = Subject("", "")
_OTHER_SUBJECT = re.compile(
    r"^(?:(?:the|his|her|their|your|this|that|these|those|it|its|he|she|they|"
    r"everyone|everybody|someone|somebody|nobody|people|doctor|mum|dad)\b|[A-Z][a-z]+\s+(?:and|&)\s|"
    # some of the user's people: "one of my friends is vegan", "both my kids are…", "a
    # student of mine moved to Leeds"
    r"(?:one|some|most|all|both|none|neither|either|each|many|several|a few|a couple|two|"
    r"three|four|half)\s+(?:of\s+)?(?:my|our|the)\b|(?:a|an|some|one)\s+[\w-]+\s+of\s+(?:mine|ours)\b|"
    # the user's people taken together: "my parents Anne and Bob moved to Spain"
    r"(?:my|our)\s+(?:parents|grandparents|folks|in-laws|inlaws)\b(?!\s+(?:and|&)\s+(?:I|me)\b)|"
    # … and those by marriage the rules did not read as one ("my sisters-in-law moved",
    # "my brother in law enforcement moved to Texas"; without "my": _IN_LAWS)
    r"(?:my|our)\s+" + IN_LAW_HEAD + r"s?[-\s]in[-\s]laws?\b(?!\s+(?:and|&)\s+(?:I|me)\b)|"
    # … said without "my": "both kids are allergic to peanuts", "all three boys"
    r"(?:both|all(?:\s+(?:two|three|four|five|six))?)\s+(?:(?:little|older|younger|grown|teenage)\s+)?"
    r"(?:kids|children|boys|girls|twins|sons|daughters|parents|grandparents|sisters|brothers)\b)",
    re.I,
)


# The name of someone just mentioned but not named: "Her name is Mio", "his name's Lev",
# "she's called Ire", "we named him Lev", "we're calling her Ada".
NAMED_NOW = re.compile(
    r"^(?:(?-i:(?P<name_first>" + _NAME + r"))\s*,\s*(?=(?:she|he)(?:'s|\s+is)\s(?!my\b))|"
    r"(?:(?:her|his)\s+name(?:'s|\s+is)|(?:she|he)(?:'s|\s+is)\s+called|"
    r"(?:(?:we|i)(?:\s+have\s+|'ve\s+|\s+)(?:named|called)|(?:we're|we\s+are|i'm|i\s+am)\s+"
    r"(?:calling|naming))\s+(?:her|him))\s+(?-i:(?P<name>" + _NAME + r"))\b)",
    re.I,
)


# Relatives a pronoun tells apart: "he" is none of the first, "she" none of the second.
_WOMEN = frozenset(
    """sister sis mum mom mother mam mammy mummy mommy wife wifey daughter stepdaughter
    girlfriend gf fiancee aunt auntie aunty niece grandma grandmother granny nan nana
    granddaughter stepmum stepmom stepmother stepsister mother-in-law sister-in-law
    daughter-in-law""".split()
)
_MEN = frozenset(
    """brother bro dad father daddy husband hubby son stepson boyfriend bf fiance uncle
    nephew grandpa grandfather grandad granddad grandson stepdad stepfather stepbrother
    father-in-law brother-in-law son-in-law""".split()
)


def of_the_other_sex(pronoun: str, subject: Subject) -> bool:
    """Whether "he" or "she" cannot be ``subject``, a relative said by a word of one sex."""
    word = subject.key.split(":", 1)[0].lower() if ":" in subject.key else ""
    return (pronoun == "he" and word in _WOMEN) or (pronoun == "she" and word in _MEN)


# "ex", "former", "late" before a partner or a boss ("my ex wife", "my late husband", "my
# old girlfriend", "my former boss"): someone who was that, not who is.
_FORMER = re.compile(
    r"\b(?:ex|former|late|previous)\b|\bold\b(?<!years\sold)(?<!year\sold)(?<!yrs\sold)"
    r"(?<!yr\sold)(?<!-old)",
    re.I,
)
_FORMER_KINDS = frozenset(("partner", "manager")) | ROLE_ATTRIBUTES


def relation_kind(rel: str) -> str:
    """The kind of relation a word says ("sis" → "siblings", "sister in law" →
    "relatives"), as written or typed without its accent or hyphen ("fiancee", "stepmum");
    a word the table lacks is a friend."""
    key = relation_key(rel)
    by_marriage = key.endswith("-in-law")
    word = rel.lower().replace("é", "e").replace("-", "")  # "GP", "Mum" as typed
    return RELATIONS.get(key if by_marriage else word, "friends")


def former(said: str, rel: str) -> bool:
    """Whether a relation said with its qualifiers (``said``: "my ex girlfriend") is one
    the user had, no longer has: a former partner, boss or in-law."""
    kind = relation_kind(rel)
    # (and a relative by marriage: "my ex MIL", "my late father-in-law")
    return (kind in _FORMER_KINDS or in_law(rel)) and _FORMER.search(
        said[: said.lower().rfind(rel.lower())]
    ) is not None


def named_relation(rel: str, name: str) -> tuple[str, str, str]:
    return (relation_kind(rel), rel, name)


# A child just born, not yet named (others._BORN), whose name may follow alone
# ("Gabriel Jose, 7 lbs").
_BORN_RELATIONS = frozenset(("son", "daughter", "baby"))
_NAME_ALONE = re.compile(
    r"^(?P<name>" + _NAME + r"(?:\s+(?-i:[A-Z])[a-z]+)?)\s*(?:[,(]\s*\d[\d.,]*\s*(?:kg|kgs|lbs?|"
    r"pounds|oz|g)\b.*)?$"
)


def relation_subject(relation: str, name: Optional[str]) -> Subject:
    relation = relation_key(relation)
    spoken = f"User's {WRITTEN_AS.get(relation, relation)}" + (f" {name}" if name else "")
    return Subject(f"{relation}:{name or ''}", spoken)


_PRONOUN = re.compile(r"^(?P<p>i|we)(?P<c>'m|'re|'ve|'d|'ll)?\b\s*", re.I)
_BOTH_AFTER_BE = re.compile(r"^(?P<be>(?:are|were)\s+)(?:both|all)\s+", re.I)
_EMPHATIC_DO = re.compile(
    r"^(?:(?:really|actually|honestly|still)\s+)?do\s+(?:(?:really|actually|still)\s+)?"
    r"(?=(?:speak|live|work|eat|like|love|have|teach|study|play|drink|prefer|enjoy)\b)",
    re.I,
)
# The user named as a model names them, "User" then a verb of what they are or do ("User
# lives in Paris", "User is 35", "User recently moved…"); not "User's sister" (whose the
# relation is), a name's first part ("User Smith"), nor a noun of "User" ("User research
# team moved to Paris", "User data moved to Frankfurt": no one's home).
_THE_USER = re.compile(
    r"^(?:User|user|USER)\s+(?=(?:is|was|are|were|has|had|have|lives|lived|moved|relocated|works|worked|"
    r"started|joined|quit|left|resigned|retired|turned|became|got|gets|prefers|preferred|"
    r"likes|liked|loves|loved|hates|hated|dislikes|enjoys|eats|ate|drinks|drank|takes|took|"
    r"speaks|studies|studied|goes|went|bought|sold|adopted|owns|drives|plays|uses|needs|"
    r"wants|plans|hopes|recently|now|just|also|currently|still|no|never|used|already|"
    r"finally|officially|mentioned|said|says|told|asked|shared|noted|does|doesn't|did|"
    r"didn't|can|can't|cannot|will|won't|would|might|may|should|isn't|wasn't|hasn't|"
    # any past, as a model notes a change: "User transferred to…", "User completed…" (not a
    # wish, a fear or a joke: "User dreamed they moved to Mars")
    r"(?!(?:dreamed|dreamt|joked|imagined|requested|feared|hoped|speculated|worried|wondered|"
    r"wished|pretended|claimed|considered|wanted|needed|suggested|asked|guessed|assumed)\b)"
    r"[a-z]{3,}ed)\b)"
)
_RELATION = re.compile(
    # ("mi": "my" as Spanish and Jamaican English say it: "mi tío Carlos", "mi granny")
    r"^(?i:(?:my|our|me|mi)\s+" + _QUALIFIERS + r"(?P<rel>" + _REL + r")s?)\b"
    r"(?:\s*,?\s*(?P<name>" + _NAME + r")\b(?!'s\s+(?:car|house|flat|place|school|job)))?\s*,?\s*",
)
# A relation and its name without "my", as chat says them. Plain "sister Mary", "uncle
# Emeka", "bro Tunde", "manager Arteta", "baby Yoda" may be anyone's — a nun, a landlord, a
# colleague, a coach, a character — so such an opening is no one's: never the user's, as it
# had been ("sister Eilidh moved to Leeds" moved the user). Only a word that is always
# one's own names the relation: "wee sister Eilidh", "little brother Sam", "hubby Raj",
# "kuya Rommel". A capitalised relation word ("Sister Act is on") is no one's either.
_BARE_RELATION_NAMED = re.compile(
    r"^(?i:(?:wee|lil|kid)\s+)?(?i:" + _QUALIFIERS + r"(?P<rel>" + _REL + r"))\s+"
    r"(?P<name>" + _NAME + r")\b(?!'s\s+(?:car|house|flat|place|school|job))\s*,?\s*"
)
# A name then who they are to others: "bhaiya Ramesh the driver", "didi Sunita the maid".
_ROLE_AFTER = re.compile(r"^(?:the|from|next|at|of|our|my)\b|^(?-i:[A-Z])", re.I)
# Words of other languages for one's own relatives, read as them also capitalised, as a
# title before the name ("Khala Nasreen lives in Lahore", "Ciocia Basia", "Kuya Rommel";
# not "Tia Maria", a drink).
_OWN_ABROAD = frozenset(
    """akka kuya didi bhaiya chechi unnie eonni noona hyung aiyya abuela abuelo ciocia wujek
    khala mamu chachu phuppo tita tannie nani dadi babcia dziadek nonna nonno oma opa""".split()
)
_OWN_KIN = re.compile(
    r"^(?i:(?:wee|lil|little|big|older|younger|elder|baby|twin|kid)\s+(?:sister|sis|brother|bro)\b|"
    # … or another language's word for an older sibling, an aunt or uncle, a grandparent:
    # "tío Carlos opened a taquería", "ciocia Basia moved to Kraków"
    r"(?:hubby|wifey|fianc[eé]e?|t[ií]o|t[ií]a|" + "|".join(sorted(_OWN_ABROAD)) + r")\s)"
)
# fmt: off
# Words for an older sibling said after the name, as Korean and Hindi English chat does
# ("Soyeon unnie flies for Asiana now", "Minho hyung moved to Busan", "Priya didi").
_KIN_AFTER = "unnie|eonni|noona|nuna|oppa|hyung|didi|bhaiya|akka|chechi|kuya|bhai"
_NAMED = re.compile(
    r"^(?P<name>" + _NAME + r")(?:\s+(?P<kin>(?i:" + _KIN_AFTER + r"))\b"
    # not a kind of thing: "Korean oppa culture is weird", "oppa types"
    r"(?!\s+(?:culture|types?|style|vibes?|energy|fans?|songs?|dramas?|memes?|content|things?|"
    r"stuff|characters?|roles?|aesthetic|era)\b))?"
    r"(?P<c>'s|'ve|'d|'ll)?"
    r"(?:\s*,\s*(?:my|our)\s+" + _QUALIFIERS + r"(?P<rel>" + _REL + r")\s*,"
    # "Sarah (my sister) …", and as chat says it, "Tom (bf) …", "Tom (husband) …"
    r"|\s*\(\s*(?:(?:my|our)\s+)?" + _QUALIFIERS + r"(?P<prel>" + _REL + r")\s*\))?"
    r"(?:\s+and\s+(?:his|her|their)\s+\w+|\s+and\s+" + _NAME + r")?\s*"
)
# "Anna's husband", "my sister's new boss", "mum's partner": a person of someone's,
# whom the rules do not key (they are neither that someone nor the user).
# So is a thing of someone's followed by its verb ("my son's teacher is great", "Tom's
# back was killing him"), which "is" cannot stand for: "Anna's finally moved" is Anna.
# Words that cannot be such a thing: those after which "'s" is "is" or "has" ("Anna's
# back in Leeds", "Anna's been promoted"), and the things the rules key ("my wife's name
# is Tasha", "Mum's birthday is on Sunday").
_NOT_A_THING = ADVERBS | frozenset(
    """a an the not no been being got gotten going gonna about off on in at back out up
    over home here there away name names surname birthday email e-mail phone number
    age""".split()
)
_THING_VERBS = r"""is was are were has had says said got gets moved works worked lives
    lived started turned loves hates does did went broke died passed lands landed leaves
    left arrives arrived starts ends ended called calls rang texted bit bites needs needed
    won lost crashed opened closed flooded sold costs cost"""
_SOMEONE_OF = re.compile(
    r"^(?:(?i:(?:(?:my|our)\s+)?" + _QUALIFIERS + r"(?:" + _REL + r"))(?:\s+" + _NAME + r")?|"
    + _NAME + r")'s\s+(?i:" + _QUALIFIERS + r"(?:(?:" + _REL + r")s?\b|(?!(?:"
    + "|".join(sorted(_NOT_A_THING, key=len, reverse=True))
    + r")\b)[a-z]+\s+(?:" + "|".join(_THING_VERBS.split()) + r")\b))"
)
# One of the user's by relation and name, then something of theirs: "my friend Leah's".
_MINE_NAMED_THEN_S = re.compile(
    r"^(?i:(?:my|our)\s+" + _QUALIFIERS + r"(?P<rel>" + _REL + r"))\s+(?P<name>(?-i:[A-Z])[a-z]+)['’]s\s"
)
# A name's "'s" and the words that follow it, to the end of the clause.
_S_THEN_REST = r"\s*['’]s\s+(?P<rest>[^,;:!?()—–]*)"
_AFTER_S = re.compile(r"^" + _S_THEN_REST)
_NAMES_S = re.compile(r"^" + _NAME + _S_THEN_REST)
# A thing of someone's, said without a verb ("Kenji's condo in Bukit Timah"): words no
# one is ("Kenji is condo" is not what was said).
_OWNED = frozenset(
    """place flat house apartment condo car room office shop dog cat puppy kitten
    wedding party funeral bonus job boy girl kids baby teacher coach school uni
    bakery restaurant cafe""".split()
)
# What one can be after "'s" and then a verb of a clause of its own ("Anna's sure the flat
# is hers"): how one is, not a thing of one's.
_HOW_ONE_IS = frozenset(
    """sure happy glad sad sick ill fine ok okay well certain upset angry mad afraid aware
    keen desperate determined convinced positive adamant hopeful gutted chuffed""".split()
)
# Words after which a verb opens another clause, not the thing's own ("Sam's tall and has
# two kids", "Mum's happy she got it").
_NEW_CLAUSE = frozenset(
    """and but or so that who which because if when while though although i you he she
    it we they""".split()
)
_THEIR_THINGS_VERBS = (
    frozenset(_THING_VERBS.split()) | (PAST_IRREGULAR - {"been"}) | frozenset(("will", "'ll"))
)
# A thing's word before its noun: "Theo's first smile", "Sarah's new job" (not "Sarah's new
# to the team", "Sarah's new here").
_THINGS_WORDS = frozenset("first new old latest second last".split())


def _a_thing_of_theirs(clause: str) -> bool:
    """Whether ``clause`` opens with a thing of someone named, its "'s" no "is" or "has":
    "Anna's flat in Vienna has a balcony now", "Morag's place in Partick it is", "Kenji's
    condo in Bukit Timah" (not "Anna's back in Leeds", "Anna's moving", "Sam's 25")."""
    match = _NAMES_S.match(clause)
    return match is not None and _owned(match.group("rest"))


def _owned(rest: str) -> bool:
    """Whether the words after a "'s" (to the clause's end) name a thing of the one
    before it, not what that one is or has done."""
    said = lower_words(rest)
    if not said:
        return False
    first = said[0]
    if first in ("is", "was", "has", "are", "were"):
        return True  # "Nando's is my local": a name's own "'s"
    if (
        first in _NOT_A_THING
        or first in _HOW_ONE_IS
        or first in _FELT
        or first in _PARTICIPLES
        or first.endswith(("ing", "ed", "n't", "ly"))  # "Ada's newly qualified"
        or not first.isalpha()
        or first in ("with", "from", "to", "into", "like", "still", "such", "so", "too", "very")
    ):
        return False
    if first in _OWNED:
        return True
    if said[1:2] == ["day"] and first in ("last", "first"):
        return False  # "Sam's last day at Google is Friday": Sam's, as the rules read it
    if first in _THINGS_WORDS and len(said) > 1 and said[1] not in _NOT_A_THING:
        return said[1].isalpha() and said[1] not in ("to", "with", "from", "enough")
    for before, word in zip(said, said[1:]):
        if before in _NEW_CLAUSE:
            continue
        if word in _THEIR_THINGS_VERBS or (word.endswith("ed") and len(word) > 4):
            return True  # "Anna's flat in Vienna has a balcony", "Isla's stew converted me"
    return False

# How long: "(for) 3 years", "almost two yrs", "a few months", "6+ years". (The spaces
# around "+" are one run when there is none: two runs could share them two ways, and
# _TOGETHER_TAIL, which repeats this, took time exponential in "3 years 3 years …".)
_HOW_LONG = (
    r"(?:(?:almost|nearly|over|about|like|around|going\s+on)\s+)?(?:\d+|a|an|one|two|three|four|"
    r"five|six|seven|eight|nine|ten|a few|a couple of|several)\s*(?:\+\s*)?"
    r"(?:years?|yrs?|months?|mos|weeks?)\b"
)
# Together as a couple: "(Marco and I) are official now", "are an item", "got engaged".
# The day or month something happened on: "(got married) on Saturday", "on the 12th", "in
# June", "in 2019".
_ON_A_DAY = (
    r"on\s+(?:(?:" + WEEKDAY_RE + r")\b|(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\b)|in\s+(?:(?:"
    + "|".join(MONTH_NAMES)
    + r")\b|\d{4}\b)"
)
_TOGETHER = re.compile(
    r"^(?:(?:(?:are|'re|have been|got|just got|finally got)\s+(?:now\s+|finally\s+|officially\s+)*"
    r"(?:official|officially together|together|a couple|an item|engaged|married|back together|"
    r"moving in together|moved in together|dating|seeing each other)"
    # … or married said as an idiom: "(Sipho and I) tied the knot", "got hitched"
    r"|(?:(?:just|finally|officially)\s+)?(?:tied\s+the\s+knot|got\s+hitched))"
    # and nothing after but when or how long: not "got together to study", "together this
    # weekend", "married to our jobs", "official co-founders", "dating apps"
    r"(?=\s*(?:$|[,.!;:)]|(?:now|again|finally|officially|at last|today|yesterday|lol|haha)\b|"
    r"last\s+(?:night|week|month|year|summer|spring|autumn|fall|winter|christmas)\b|"
    r"this\s+(?:week|month|year)\b|since\s+(?!(?:school|primary|kindergarten|nursery|year\s+\d|"
    r"we\s+were\s+(?:kids|little|babies|small))\b)|(?:for\s+)?" + _HOW_LONG + r"|🥰|❤|💍|😍))"
    # … or a wedding or an engagement said with its day: "got married on Saturday", "got
    # engaged in June" (not "got together on Saturday", "are together this weekend")
    r"|(?:just\s+|finally\s+)?got\s+(?:engaged|married)(?=\s+(?:" + _ON_A_DAY
    + r"|(?:last|this)\s+weekend\b)))",
    re.I,
)
# What may follow "(we) got together" or "have been together" or "married" for a couple:
# when and how long, then nothing ("… last summer", "… 3 yrs now ❤️"); not "got together
# last summer for a BBQ", "together 3 yrs as roommates", "married 10 yrs lol jk".
_TOGETHER_TAIL = re.compile(
    r"(?:\s+(?:now|again|finally|officially|already|at\s+last|today|yesterday|"
    r"last\s+(?:night|week|weekend|month|year|summer|spring|autumn|fall|winter|christmas)|"
    r"this\s+(?:week|weekend|month|year)|" + _ON_A_DAY + r"|since\s+[\w'’-]+(?:\s+\d{4})?|"
    r"(?:for\s+)?" + _HOW_LONG + r"))*"
    r"\s*(?:$|[,.!;:)]|🥰|❤|💍|😍|(?:lol|haha)\s*(?:$|[,.!;:)]))",
    re.I,
)


def _together(rest: str) -> bool:
    """Whether ``rest``, after "Tom and I", says they are a couple (_TOGETHER); together or
    married for a time only with nothing after the time (_TOGETHER_TAIL)."""
    match = _TOGETHER.match(rest)
    if match is None:
        return False
    word = match.group(0).split()[-1].lower()
    timed = word in ("together", "married") and not re.search(r"back|moving|moved|officially", match.group(0), re.I)
    return not timed or _TOGETHER_TAIL.match(rest, match.end()) is not None


# … or wed, their own wedding said so: "(Sipho and I) had a traditional wedding then the
# white wedding", "finally had our wedding", "are getting married in June" (not "had a
# wedding on Saturday", "a family wedding", "getting married in Minecraft").
_WEDDED = re.compile(
    r"^(?:(?:finally\s+|just\s+)?had\s+(?:our\s+(?:[\w-]+\s+){0,2}?|a\s+(?:traditional|"
    r"white|civil|church|court|courthouse|registry\s+office|beach|small|tiny|intimate|quiet|"
    r"simple)\s+)wedding\b(?=\s*(?:$|[,.!;]|then\b|and\s+then\b|today|yesterday|last\s+"
    r"(?:week|weekend|month|year)\b|this\s+(?:week|weekend)\b|in\s+(?-i:[A-Z])))|"
    r"(?:are|'re|will\s+be)\s+(?:now\s+|finally\s+|officially\s+)*getting\s+married\b(?=\s*(?:$|[,.!;]|"
    r"(?:in|on)\s+(?:" + "|".join(MONTH_NAMES) + r"|spring|summer|autumn|fall|winter|\d)|"
    r"(?:next|this)\s+(?:year|month|week|spring|summer|autumn|fall|winter)\b|soon\b)))",
    re.I,
)
# "Tasha and I", "me and Tasha", "wife and I": the user among others.
_NAME_AND_I = re.compile(
    r"^(?i:me\s+(?:and|&)\s+[a-z][\w-]*|[a-z][\w-]*\s+(?:and|&)\s+(?:I|me))\b(?!')\s*"
)
_DIET_ENDED = re.compile(DIET_ENDED, re.I)
# "It's my 42nd birthday today", "It was my 42nd birthday on Sunday": the user's, a
# birthday of now or just had (not "It was my 21st birthday party, best night ever",
# "It's my 2nd birthday without Mom", "It's my 3rd birthday in Japan", "…on Sunday when
# I got my first car, back in 1998").
_MY_BIRTHDAY = re.compile(
    r"^(?:(?:it's|it\s+is|today\s+is|today's)\s+my\s+\d{1,3}(?:st|nd|rd|th)\s+"
    r"(?:b-?day|birthday|bday)(?=\s*(?:$|[,.!;]|today\b|tonight\b|🎉|🎂))|"
    r"it\s+was\s+my\s+\d{1,3}(?:st|nd|rd|th)\s+(?:b-?day|birthday|bday)\s+(?:yesterday|"
    r"on\s+(?:" + WEEKDAY_RE + r")|last\s+(?:night|week|weekend)|this\s+(?:week|weekend))\b"
    r"(?![^.!?]*\b(?:(?:19|20)\d\d|ago|back\s+in|when)\b))",
    re.I,
)
# The user, done to: "Coursera promoted me to senior designer", "they hired me as a nurse",
# "they made me head of design".
# Not by family or friends ("my mum hired me as her chauffeur for the day"), nor hedged,
# denied or long past ("they almost hired me", "nobody hired me", "… back in 2015").
_DONE_TO_ME = re.compile(
    r"^(?!(?:i|we)\b)(?![^,;]*\b(?:mum|mom|mam|ma|dad|mother|father|sister|sis|brother|bro|"
    r"kids|son|daughter|friends?|mates?|wife|husband|partner|family|cousins?|aunt|aunty|auntie|"
    r"uncle|gran|grandma|grandpa|nan|in-laws|children|almost|nearly|never|nobody|no one|"
    r"didn't|did not|won't|wouldn't|would|should|could|might|may|if|wish|hope|'d)\b)"
    r"[^,;]{1,40}?\s+(?:have\s+|has\s+|just\s+|finally\s+|officially\s+)*"
    r"(?:(?P<how>promoted|hired|took|bumped)\s+me\s+(?:up\s+)?(?P<as>to|as|on\s+as)|"
    r"(?P<made>made|named|appointed)\s+me)\s+"
    r"(?:(?:the\s+)?new\s+)?"
    r"(?!(?:her|his|their|the\s+family|chief)\b)"
    r"(?![^,;]*\b(?:for\s+the\s+(?:day|night|week|weekend|trip|wedding|party|holidays?)|"
    r"(?:back\s+)?in\s+\d{4}|years?\s+ago)\b)",
    re.I,
)
# … given a medicine: "Doc switched me from metformin to Ozempic", "my GP put me on
# sertraline", "they started me on insulin": the user takes it (what follows is read as
# the user's: "switched from metformin to Ozempic", "on sertraline").
_PRESCRIBED_ME = re.compile(
    r"^(?!(?:i|we)\b)(?![^,;]*\b(?:almost|nearly|never|want|wants|wanted|might|may|could|would|"
    r"should|if|thinking|considering|about|going to|gonna|refuse|refused|'d)\b)"
    r"[^,;]{1,40}?\s+(?:(?:have|has|just|finally)\s+)*"
    r"(?P<how>switched|moved|changed|put|started|prescribed|took|taken)\s+me\s+",
    re.I,
)
# What one is, after "'s" ("my husband's vegan and hates cooking"): no thing of theirs.
_STATES = (
    "vegan|vegetarian|pescatarian|allergic|diabetic|coeliac|celiac|pregnant|married|single|"
    "divorced|engaged|separated|retired|sick|ill|unwell|fine|ok|okay|happy|sad|tired|busy|"
    "broke|free|late|early|obsessed|autistic|dyslexic|asthmatic|epileptic|bipolar|vegetarian"
)
# A thing of theirs and what it does: "'s dog Max died", "'s new job at the bakery is
# going well", "'s favorite movie is Cars"; not "'s a vegan", "'s from Leeds", "'s
# vegetarian so we share", where "'s" is "is" or "has".
_FAVOURITE = frozenset(("favorite", "favourite", "fave", "fav"))
# A person or a thing of someone's after a relation typed with "s" for "'s": "my sisters
# boyfriend", "my sons teacher", "my daughters dog".
_TYPED_FOR_S = (
    PERSON_WORDS
    | _FAVOURITE
    | frozenset(
        """dog cat puppy kitten car house flat room school class uni job team teacher
        dentist doctor coach nursery wedding party birthday bday name bike phone friend
        friends mate mates ex""".split()
    )
)
_THEIR_THING = re.compile(
    r"^\s*['’]s\s+(?!(?:"
    + "|".join(sorted(_NOT_A_THING, key=len, reverse=True))
    # not a state or a doing ("'s vegan and hates cooking", "'s moving to Denver and starts
    # at CU", "'s allergic to peanuts and has an epipen"): "'s" is "is" there
    + r")\b)(?P<thing>(?![a-z]+(?:ing|ed)\b)(?!(?:" + _STATES + r")\b)[a-z][\w-]*)(?:\s+[\w-]+){0,4}?\s+(?:"
    + "|".join(_THING_VERBS.split())
    + r"|speaks|likes|wants|makes|takes|goes|comes|runs)\b",
    re.I,
)
# Someone by where the user knows them from: "Tom from work", "Jess at the gym", "Dave
# in accounts" (not the user, whatever the user is called).
_NAME_FROM_SOMEWHERE = re.compile(
    r"^(?-i:[A-Z])[\w'-]+\s+(?:from|at|in)\s+(?:work|the\s+(?:office|gym|pub|club|team|lab|"
    r"shop|studio|band|choir|church|school|uni|climbing\s+wall)|school|uni|college|church|"
    r"accounts|sales|marketing|hr|finance|legal|ops|engineering|my\s+(?:team|office|class|"
    r"building|gym|book\s+club|running\s+club))\s+(?:[\w-]+\s+){0,2}?"
    r"(?:is|was|has|had|got|moved|started|turned|quit|left|joined|lives|works|went|just|"
    r"finally|said)\b",
    re.I,
)
# … let go: "twitter laid me off today", "they fired me", "Acme made me redundant".
_LET_ME_GO = re.compile(
    r"^(?!(?:i|we)\b)(?![^,;]*\b(?:almost|nearly|never|might|may|could|would|should|will|if|"
    r"gonna|going to|want|wants|threatened|didn't|won't|'d|years\s+ago|a\s+year\s+ago|\d{4})\b)"
    r"(?P<who>[^,;]{1,40}?)\s+(?:(?:just|finally|officially|have|has)\s+)*(?:laid\s+me\s+off|"
    r"let\s+me\s+go(?!\s+(?:home|first|to|in|out|early|through|ahead|with|on|for)\b)|"
    r"fired\s+me(?!\s+up\b)|sacked\s+me|made\s+me\s+redundant)\b",
    re.I,
)
_NOT_AN_EMPLOYER = frozenset(
    "they he she it you we work management hr everyone somebody someone boss".split()
)
# A doctor's word on the user: "my doctor told me I have ADHD", "the GP says I'm anaemic",
# "Doctor says I have gastritis", "doc says my cholesterol's high".
_DOCTOR_SAYS = re.compile(
    r"^(?:(?:my|the|our)\s+)?(?:doctor|doc|gp|specialist|psychiatrist|consultant|neurologist|"
    r"cardiologist|dermatologist|allergist|endocrinologist|rheumatologist|oncologist)\s+"
    r"(?:just\s+|finally\s+)?(?:said|says|told\s+me|confirmed|diagnosed\s+me,?\s+said)\s+"
    r"(?:that\s+)?(?=(?:i|i'm|i've|im|my)\b)",
    re.I,
)
# … or what the user learnt of themself: "turns out I have fatty liver", "just found out
# I'm anaemic" (not "found out my sister…": hers).
_FOUND_OUT = re.compile(
    r"^(?:(?:and|so|but)\s+)?(?:(?:it\s+)?turns\s+out|(?:just\s+|finally\s+)?found\s+out)\s+"
    r"(?:that\s+)?(?=(?:i|i'm|i've|im)\b)",
    re.I,
)
# "Me and my partner …", "me & my sister …": the user and them.
_ME_AND = re.compile(r"^(?:me|myself)\s+(?:and|&|n)\s+(?=(?:my|our)\s)", re.I)
# … sent somewhere: "they're sending me to Nakuru next week", "work is flying me to Chicago
# Sunday through Wednesday", "the company send me to Houston for 10 days": the user's trip.
_SENT_ME = re.compile(
    r"^(?!(?:i|we)\b)(?![^,;]*\b(?:almost|nearly|never|nobody|no one|didn't|did not|won't|"
    r"wouldn't|would|should|could|might|may|if|wish|hope|want|wants|'d)\b)"
    r"[^,;]{1,40}?\s+(?:(?:are|is|'re|'s|will|'ll|have|has|'ve|just|finally)\s+)*"
    r"(?:sending|send|sends|sent|flying|flies|moving|posting|deploying|seconding)\s+me\s+"
    r"(?:out\s+|over\s+|down\s+|up\s+|back\s+)?to\s+",
    re.I,
)
_HOME_IS = re.compile(HOME_IS, re.I)
_PLACE_IS_HOME = re.compile(PLACE_IS_HOME, re.I)
_NO_LONGER_MY_PARTNER = re.compile(NO_LONGER_MY_PARTNER, re.I)
# Someone named who proposed, to no one else: "THEO PROPOSED!!!!", "Sam popped the question
# last night" — the user got engaged to them, where the message says the user's yes
# (pipeline._SAID_YES) (not "Sam popped the question to Lucy", "Tom proposed a toast",
# nor "my brother proposed": a relative's own news).
_PROPOSED_TO_ME = re.compile(
    r"^(?P<name>(?-i:" + GIVEN_NAME + r"))\s+(?:(?:just|finally|actually)\s+)?"
    r"(?:proposed|popped\s+the\s+question|got\s+down\s+on\s+one\s+knee)"
    r"(?:\s+to\s+me\b)?(?=\s*(?:$|[,.!;]|last\b|yesterday\b|today\b|tonight\b|on\b|in\b|"
    r"at\b|this\b|💍|😭|🥹|❤))",
    re.I,
)
# … or asked the user to be their partner: "mateo asked me to be his girlfriend last
# night!!!" — the user is going out with them (not "asked me to be his best man").
_ASKED_ME_OUT = re.compile(
    r"^(?P<name>[A-Za-z][a-z]+(?:-[A-Za-z]?[a-z]+)?)\s+(?:(?:just|finally|actually)\s+)?asked\s+me\s+"
    r"(?:to\s+be\s+(?:his|her|their)\s+(?:girlfriend|boyfriend|partner|gf|bf)|to\s+go\s+steady)\b",
    re.I,
)


def proposed(clause: str) -> bool:
    """Whether ``clause`` tells of someone named proposing ("THEO PROPOSED!!!!")."""
    return _PROPOSED_TO_ME.match(clause) is not None


def courted(clause: str) -> bool:
    """Whether ``clause`` tells of someone named proposing to the user or asking them out
    ("THEO PROPOSED!!!!", "mateo asked me to be his girlfriend")."""
    return proposed(clause) or _ASKED_ME_OUT.match(clause) is not None


# Words that are no one who proposes: "SOMEONE PROPOSED AT MY WORK", "BABE PROPOSED!!!".
_NOT_A_SUITOR = NO_ONE_BY_NAME | {"he", "she", "they"}
# A thing the user likes best, named first: "Wilco is my favourite band now", "Big Thief
# has replaced Radiohead as my favourite band" (not "Sam is my favourite person": a name
# the rules read as a favourite thing all the same).
_MY_FAVOURITE_IS = re.compile(
    r"^(?!(?:[\w'&.-]+\s+){0,3}?(?:thinks?|assumes?|says?|said|believes?|knows?|reckons?)\b)"
    r"(?:[\w'&.-]+\s+){1,7}?(?:(?:is|are)\s+(?:now\s+)?|(?:has|have)\s+replaced\s+[^,;]+?\s+as\s+)"
    r"(?:my|our)\s+(?:new\s+|all-time\s+|current\s+)?(?:favou?rite|fave?)\s+[a-z]+\b(?!\s+to\s+hate)",
    re.I,
)
_PARTING = (
    r"^(?:(?:have|had|just|finally|officially|are|were)\s+)*(?:broke up|broken up|split|"
    r"separated|divorced|got divorced|parted ways|called it quits|ended things)"
)
_PARTED = re.compile(_PARTING + r"\b", re.I)
# … said as done: "(me and Jake) are done", "are so over" (not "are done with the
# report", "are over the moon", "are done for the day").
_DONE_AS_A_COUPLE = re.compile(
    r"^(?:are|'re|r)\s+(?:(?:so|officially|finally|really)\s+)?(?:done|over|through|finished)"
    r"(?=\s*(?:$|[,.!;]|(?:for\s+good|now|lol|again|officially)\b))",
    re.I,
)
_AND_I = re.compile(r"^and\s+(?:I|we)\b\s*", re.I)
# … a parting for good, not "split the bill", "broke up a fight", "separated the toys"
_PARTED_FOR_GOOD = re.compile(
    _PARTING
    + r"(?:\s+up)?(?=\s*(?:$|[,.!;]|(?:last\s+(?:week|month|year|night)|this\s+(?:week|month|year)|recently|"
    r"yesterday|today|lol|finally|officially|for\s+good)\b))",
    re.I,
)
# Chat's last word after a name, which says nothing of them ("… is Claire btw").
_CHAT_LAST_WORD = r"(?:lol|haha|tbh|btw|fyi)"
# "New manager: Funmi Adeyemi, she came over from KPMG."
# … and "new boss is Greg", as chat tells it without "my" (not "the new boss is", anyone's)
# … and "met my new manager today, Fiona", "found a new flatmate — Arjun".
NEW_ONE_LABEL = re.compile(
    r"^(?i:(?:my\s+)?(?:new\s+)?(?P<rel>" + _REL + r"))\s*[:—–-]\s*(?P<name>" + _FULL_NAME + r")\b\s*,?\s*"
    r"|^(?i:(?:(?:just|finally)\s+)?(?:met|found|got)\s+(?:my|our|a)\s+new\s+(?P<met_rel>"
    + _REL
    + r")(?:\s+(?:today|yesterday|this\s+morning|at\s+last|finally))?)\s*(?:[,:—–]|\s-)\s*"
    r"(?!(?i:" + WEEKDAY_RE + r"|" + "|".join(MONTH_NAMES) + r")\b)"
    r"(?P<met_name>" + _FULL_NAME + r")\b(?!['’])(?=\s*(?:$|[,.!;]|" + _CHAT_LAST_WORD + r"\b))\s*,?\s*"
    r"|^(?i:new\s+(?P<new_rel>" + _REL + r"))\s+(?:is|'s)\s+(?P<new_name>" + _FULL_NAME + r")\b"
    r"(?:\s+" + _CHAT_LAST_WORD + r")?(?=\s*(?:$|[,.!;]))\s*,?\s*"
)
# Someone new in one's life, named after a label: "new person in my life: Priya", "met
# someone: Dev", "Conocí a alguien: Javiera" — a partner.
_SOMEONE_NEW = re.compile(
    r"^(?i:(?:a\s+|my\s+)?new\s+(?:(?:person|man|woman|guy|girl|love)\s+in\s+my\s+life|boo)|"
    r"(?:i\s+)?(?:just\s+)?met\s+someone(?:\s+new)?|conoc[ií]\s+a\s+alguien|"
    r"(?:i'?ve\s+been\s+|been\s+)?seeing\s+someone(?:\s+new)?)\s*[:—–-]\s*"
    r"(?P<name>" + _NAME + r")\b(?!['’]s\b)\s*,?\s*"
)
# "Mum is still in Lagos", "Nan moved to Braga": a word for a parent or grandparent as a
# name, in English or as chat in English says it in another language ("Mama turns 60",
# "Papá opened a café", "Babcia is in hospital"). Not a word that is a given name or a
# surname too ("Pai", "Amma", "Baba"), nor one before a capital ("Mama Mia"), nor "Mum and
# I…" (the user's, as "wife and I"); "Opa!" alone says nothing of anyone.
# Another language's words (and the words for an older sibling or a partner that are
# always one's own: "Bhai quit Infosys", "Hubby got a new job"), capitalised, are told of
# only before "'s" or a verb (_told_of_bare).
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
_BARE_RELATION = re.compile(
    r"^(?P<rel>(?P<in_law>" + _BARE_IN_LAW + r")|"
    r"[Mm]um|[Mm]om|[Dd]ad|Mother|Father|Grandma|Grandmother|Granny|Nana|Nan|"
    r"Grandpa|Grandfather|Grandad|Granddad|"
    r"(?P<other>" + "|".join(_OTHER_BARE) + r")|"
    r"(?P<lower>(?-i:" + "|".join(_LOWER_BARE) + r")))"
    r"\b(?![-\s]in[-\s]laws?\b)(?!\s+[A-Z])(?!\s+(?:and|&)\s+(?:I|me)\b)(?P<c>'s)?\s*"
)


def _told_of_bare(match: re.Match[str], rest: str) -> bool:
    """Whether a word for a parent or grandparent (_BARE_RELATION) is someone told of: an
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
        return word in _SHORT_NEWS
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
_SHORT_NEWS = SHORT_NEWS_WORDS - {"is", "was", "has", "had", "and", "one", "who"}
# … and what follows an age said so ("nan's 79 and still drives", "bf's 30 today").
_AFTER_AN_AGE = frozenset(
    """and today now next this in on years yrs yo y/o but so lol already tomorrow""".split()
)
# "Sam is my boyfriend now", "Jen's my wife btw": who the relation is, said the other way
# round.
_IS_MY = re.compile(
    r"^(?P<name>" + _FULL_NAME + r")(?:\s+is|['’]s)\s+(?:now\s+)?(?i:my|our)\s+"
    + _QUALIFIERS
    + r"(?P<rel>(?i:" + _REL + r"))\b(?:\s+now)?(?:\s+" + _CHAT_LAST_WORD + r")?\s*(?=$|[,.!;])"
)
# "My manager here at PwC is Daniel Osei": who the relation is.
# "my manager here at PwC is Daniel Osei", "my wife is called Sarah", "my husband's name
# is david" (a name in lower case only after a word that says it is one).
_IS_NAME = re.compile(
    r"^(?:[^,;]*?\s)?(?:(?:is|'s)\s+(?:(?:now|officially)\s+(?=(?-i:[A-Z])))?(?:(?:called|named)\s+)?(?P<name>"
    + _FULL_NAME
    + r")|"
    r"(?:name\s+is|name's|(?:is|'s)\s+(?:called|named))\s+(?P<lower>[a-z][a-z'-]+))\b"
    # the name ends what is said, or chat's last word does ("… is Claire btw")
    r"(?=\s*(?:$|[,.!;]|" + _CHAT_LAST_WORD + r"\b))"
)
# fmt: on
_CHAT_LAST = re.compile(r"^\s*" + _CHAT_LAST_WORD + r"\b\s*", re.I)
_NOW_NAMED = re.compile(r"\b(?:now|officially)\s+[^\s,;]+(?:\s+[^\s,;]+)?$", re.I)
# Who may be someone new, named anew ("my boss is now Karen"), and the words that are no
# name for them
_NAMED_ANEW = frozenset(
    "boss manager supervisor landlord landlady roommate flatmate housemate coach".split()
)
_NOT_NAMED_ANEW = frozenset(
    """english irish british american canadian scottish welsh remote director deputy head acting
    interim insane chairman mayor captain sergeant professor dr prof mr mrs ms sir dame
    lady""".split()
)
_ONE_NAME = re.compile(r"(?-i:[A-Z])[a-z]+")
# "(they) are both …", "(they)'ve all …": said of several, no one of them.
_BOTH_OR_ALL = re.compile(r"^\s*(?:'re|'ve|are|were|have|had)?\s*(?:both|all)\b", re.I)
_THIRD = re.compile(r"^(?P<who>he|she|they)(?P<c>'s|'re|'ve|'d|'ll)?\b\s*", re.I)
# A time said first ("This week I'm covering…") is not the subject.
_LEAD_TIME = re.compile(
    r"^(?:(?:this|next|last)\s+(?:week|weekend|month|year|morning|evening|summer|winter)|"
    r"today|tonight|tomorrow|these days|right now|for now|now|at the moment|lately|recently|"
    r"honestly|work-wise|anyway|so|"
    # "As of last week I'm…", "Since January I've been…", "After 9 years at Target I…"
    r"as\s+of\s+(?:(?:last|this)\s+\w+|today|yesterday|now|\w+day|(?-i:[A-Z])\w+)|"
    r"since\s+(?:(?:last|this)\s+\w+|\w+day|" + "|".join(MONTH_NAMES) + r")|"
    r"after\s+(?:\d+|a\s+few|many|several|two|three|four|five|ten)\s+(?:years?|months?)"
    r"(?:\s+(?:at|with|in)\s+(?-i:[A-Z])[\w&'-]*(?:\s+(?-i:[A-Z])[\w&'-]*)*)?|"
    r"(?:on|until|till)\s+(?:" + WEEKDAY_RE + r")|every\s+(?:morning|day|evening|week)|"
    # "In January my dad moved to Spain", "Over christmas my sister Lou got engaged", "At
    # the weekend my brother moved to Leeds": when, then whose news (had been the user's);
    # only before someone else: the user's own keeps its time ("At the weekend I'm
    # working at the bar" is no job from now on)
    r"(?:in|over|during|at|around|by|after|before|from|until|till)\s+(?:the\s+)?(?:"
    + "|".join(MONTH_NAMES)
    + r"|christmas|xmas|easter|new\s+year|half[- ]term|lockdown|weekend|summer|winter|spring|"
    r"autumn|holidays|(?:19|20)\d\d|end\s+of\s+(?:the\s+)?(?:year|month|week)|"
    r"(?:last|past)\s+(?:few\s+|couple\s+of\s+)?(?:weeks?|months?|years?))"
    r"(?=\s*,?\s+(?:(?:my|our)\s|(?-i:[A-Z])[a-z]+\s)))\s*,?\s+",
    re.I,
)
# "like" that compares, as a clause opens with it: "Just like Rihanna …", "Like my mum, …"
LIKE_LEAD = r"(?:just\s+|much\s+|a\s+bit\s+)?like\s+"
LIKE_SOMEONE_FIRST = re.compile(
    r"^" + LIKE_LEAD + r"[^,]{1,40}?\s*,?\s+(?=(?:I|I'm|I've|I'd|we|we're)\b)", re.I
)
_NAME_THEN_BRACKETS = re.compile(
    r"^(?P<name>" + _FULL_NAME + r")\s*\((?!\s*(?i:my|our)\s)(?P<aside>[^()]{1,40})\)\s*(?=[a-z])"
)
# … but for a relation word alone in them ("Tom (bf) moved in", "Tom (husband)"), which
# _NAMED reads as who they are.
_WHO_THEY_ARE_TO_ME = re.compile(
    r"^\s*(?:(?:my|our)\s+)?" + _QUALIFIERS + r"(?:" + _REL + r")\s*$", re.I
)
# News with no subject, then whose it is, alone after a comma: "Just turned 5, our
# eldest", "started at Tesco today, my brother Sam" (not "I turned 5, my sister…", "lunch
# with Tom, my brother", "got the job, my friend!").
_WHOSE_NEWS_AFTER = re.compile(
    r"^(?P<news>(?:(?:just|finally|officially|only)\s+)?(?:turned|got|started|moved|graduated|"
    r"passed|qualified|retired|joined|landed|became|quit|left)\b[^,;]*?)\s*,\s*"
    # whose: "our" anyone; "my" a child, or anyone named ("my friend!", "my brother" after
    # one's own news may be said to them)
    r"(?P<who>our\s+" + _QUALIFIERS + r"(?:" + _REL + r")"
    r"|my\s+"
    + _QUALIFIERS
    + r"(?:son|daughter|kid|eldest|oldest|youngest|baby|boy|girl|little\s+one)"
    r"|my\s+" + _QUALIFIERS + r"(?:" + _REL + r")(?=\s+" + _NAME + r"\s*[.]*$))"
    r"(?P<name>\s+" + _NAME + r")?\s*[.]*$",
    re.I,
)
# Relatives by marriage said without "my", capitalised or not, several or spaced ("In-laws
# moved to the Algarve", "sisters-in-law", "Mother in law moved to Spain"): no one the
# rules key, never a name, nor the mother. (One said short or hyphenated is keyed as the
# others: "MIL lives in Leicester", _BARE_RELATION.)
_IN_LAWS = re.compile(
    r"^(?:the\s+)?(?:in-laws|inlaws|in\s+laws|"
    + IN_LAW_HEAD
    + r"(?:s[-\s]in[-\s]laws?|[-\s]in[-\s]laws|\s+in\s+law))\b(?!\s+(?:and|&)\s+(?:I|me)\b)",
    re.I,
)
# Words that only lead in to news of a relative of the user's, without a comma: a word
# that tells how the news is taken ("apparently", "sadly", "finally"), "long story (short)
# but", "guess what"; not a hope, a doubt or a supposition ("hopefully", "ideally",
# "unlikely", "hypothetically"), nor one that says how much of it holds ("only my mum").
_LEAD_WORDS = (
    r"(?:apparently|basically|honestly|finally|sadly|luckily|fortunately|unfortunately|"
    r"officially|recently|currently|surprisingly|seriously|literally|thankfully|tragically|"
    r"usually|personally|originally|technically|secretly|happily|weirdly|funnily|obviously|"
    r"really|clearly|naturally|interestingly|also|even|just|now|still|already|so|and|but|"
    r"anyway|oh|well|long\s+story(?:\s+short)?|guess\s+what)"
)
_LEAD_BEFORE_MINE = re.compile(
    r"^(?:" + _LEAD_WORDS + r"\s+)+(?=(?:my|our)\s+" + _QUALIFIERS + r"(?:" + _REL + r")s?\b)",
    re.I,
)
# … or before someone named, a comma after it or not, and owning up to a slip there:
# "sadly Dan moved to Leeds", "sorry, Dan moved to Leeds not Leicester" (the user's home
# had been keyed).
_LEAD_BEFORE_A_NAME = re.compile(
    r"^(?:(?:" + _LEAD_WORDS + r"|sorry|oops|whoops)(?:\s*,\s*|\s+))+(?=(?-i:[A-Z])[\w'-]+\s)", re.I
)
# … and a hope, a doubt or a supposition there makes it no one's news ("hopefully",
# "unlikely", "supposedly").
_HEDGE_BEFORE_MINE = re.compile(
    r"^(?:hopefully|ideally|possibly|probably|unlikely|likely|supposedly|allegedly|"
    r"hypothetically|theoretically|potentially|doubtfully|presumably|reportedly|seemingly|"
    r"maybe|perhaps)\s+(?=(?:my|our)\s+" + _QUALIFIERS + r"(?:" + _REL + r")s?\b(?!\s+I\b))",
    re.I,
)
_CONTRACTIONS = {"'m": "am ", "'re": "are ", "'ve": "have ", "'d": "would ", "'ll": "will "}


@dataclass(frozen=True)
class Parsed:
    subject: Subject
    predicate: str  # the rest of the clause, contractions spelled out: "am a nurse now"
    relation: Optional[tuple[str, str, str]] = None  # (user attribute, relation word, name)


def parse_subject(
    clause: str, previous: Optional[Subject], newcomer: Optional[Subject] = None
) -> Parsed:
    """Who a clause is about, and what it says of them. ``newcomer``: someone the clause
    before introduced without a name ("Our daughter is here!", "I have a new girlfriend"),
    whom this one may name ("Her name is Mio", "Gabriel Jose, 7 lbs")."""
    clause = _LEAD_TIME.sub("", clause, count=1)
    # "Just like Rihanna I'm from Barbados": whom one is compared to first, then one's
    # own news (not a taste: "User likes Rihanna")
    clause = LIKE_SOMEONE_FIRST.sub("", clause, count=1)
    pet = pet_opening(clause, NOT_LOWER_NAMES)
    if pet is not None and not _MORE_THAN_ONE_THING.search(pet[2]):
        # "My dog Max is 7 years old": what is said of Max, keyed to the pet (``dog:Max``,
        # never a son called Max: the pipeline keys that the user has Max); not two
        # things said ("my cat whiskers is 12 and has kidney disease": kept whole)
        kind, name, rest = pet
        key = pet_subject(f"{kind} called {name}") or name
        return Parsed(Subject(key, f"User's {kind} {name}"), rest)
    bracketed = _NAME_THEN_BRACKETS.match(clause)
    if bracketed is not None:
        name, aside, rest = (
            bracketed.group("name"),
            bracketed.group("aside"),
            clause[bracketed.end() :],
        )
        if not _WHO_THEY_ARE_TO_ME.match(aside) and (  # "Tom (bf)": _NAMED reads that
            name.lower() in RELATIONS or is_name(name, rest, None)
        ):
            # "Dave (from work) moved to Leeds", "Dan (34) got engaged", "Dad (72) is in
            # hospital": who they are, in brackets after their name or relation, is not
            # what they did; the words for them keep it ("Dan (34) is engaged", "User's
            # dad (72) is in hospital", "Ravi (who User met at uni) …")
            parsed = _parse_subject(f"{name} {rest}", previous, newcomer)
            key = parsed.subject.key
            if key == name or key.split(":")[0] == name.lower():
                said = f"{parsed.subject.name} ({third_person(aside)})"
                return replace(parsed, subject=Subject(key, said))
            return parsed
    return _parse_subject(clause, previous, newcomer)


# More than one thing said of a pet: "is 12 and has kidney disease", "is 7, has arthritis".
_MORE_THAN_ONE_THING = re.compile(r",|;|\band\b|\bbut\b|&", re.I)


def _parse_subject(clause: str, previous: Optional[Subject], newcomer: Optional[Subject]) -> Parsed:
    lead = _LEAD_BEFORE_MINE.match(clause)
    if lead is not None:
        # "Apparently my mother in law is a vegan now", "Long story but my brother got a
        # job at Google": the relative's news, not the user's ("User is vegan" had been
        # keyed)
        clause = clause[lead.end() :]
    elif _LEAD_BEFORE_A_NAME.match(clause):
        told = _parse_subject(_LEAD_BEFORE_A_NAME.sub("", clause, count=1), previous, newcomer)
        if told.subject.key not in (USER, NOBODY.key):
            return told
    elif _HEDGE_BEFORE_MINE.match(clause):
        # "Hopefully my sister is a nurse by summer", "Unlikely my brother is vegan": no
        # one's news (the user's diet had been keyed)
        return Parsed(NOBODY, clause)
    if _IN_LAWS.match(clause):
        return Parsed(NOBODY, clause)  # "In-laws moved to the Algarve": no one the rules key
    named_after = _WHOSE_NEWS_AFTER.match(clause)
    if named_after is not None:
        # "Just turned 5, our eldest", "got engaged last night, my sister Priya": the news
        # first, whose it is last — read as "our eldest just turned 5"
        news = named_after.group("news")  # "Turned 61 today": no name "Turned"
        who = named_after.group("who") + (named_after.group("name") or "")
        return _parse_subject(f"{who} {news[:1].lower()}{news[1:]}", previous, newcomer)
    # "Priya, who works with me, moved…": who they are, said between commas, is not
    # what they did; "Sadly, my dad turned 70": a word before them, not them
    aside = _ASIDE.match(clause)
    mine = _SAID_BY_ME.match(clause) is not None
    if aside is not None and mine and WITH_A_NAME.search(aside.group("who")):
        # "I'm dating Priya, 28, junior doctor at St Thomas'": what follows is Priya's,
        # kept as said (the rest of the clause), not the user's
        clause = aside.group("who")
    elif aside is not None and not (mine and _AN_AGE_ASIDE.match(clause, aside.end("who"))):
        # (not an age in one's own list: "I'm a nurse at Leeds General, 29, F" is the
        # user's; "I'm Sam, 180, trying to lose weight" is cut as another's aside is)
        clause = _ASIDE.sub(r"\g<who> ", clause, count=1)
    clause = OPENER.sub("", clause, count=1)
    alone = _NAME_ALONE.match(clause)
    if alone and newcomer is not None and newcomer.key[:-1] in _BORN_RELATIONS:
        # "baby boy is here! Gabriel Jose, 7 lbs": the child just born, named
        rel, name = newcomer.key[:-1], alone.group("name")
        if name.split()[0].lower() not in NOT_NAMES:
            return Parsed(relation_subject(rel, name), "", named_relation(rel, name))
    named = NAMED_NOW.match(clause)
    name = (named.group("name") or named.group("name_first")) if named else ""
    if named and newcomer is not None and name.split()[0].lower() not in NOT_NAMES:
        # "Our daughter is here! Her name is Ireoluwa": the one just mentioned, named
        # "… seeing someone — Sigrid, she's a cellist": named, then told of
        rel = newcomer.key[:-1]
        rest = clause[named.end() :]
        if named.group("name_first"):
            rest = _spell_s(re.sub(r"^(?:she|he)", "", rest, flags=re.I))
        return Parsed(relation_subject(rel, name), rest, named_relation(rel, name))
    if _DIET_ENDED.match(clause) or _MY_BIRTHDAY.match(clause):
        # "Keto is over", "The keto diet's done"; "It was my 42nd birthday on Sunday"
        return Parsed(USER_SUBJECT, clause)
    done = _DONE_TO_ME.match(clause)
    if done:  # "Coursera promoted me to X": the user was promoted to X
        if done.group("made"):  # "they made me senior designer": promoted to it
            return Parsed(USER_SUBJECT, f"promoted to {clause[done.end() :]}")
        how, as_ = done.group("how").lower(), done.group("as").lower()
        how = "promoted" if how == "bumped" else how  # "they bumped me up to manager"
        if how != "took" or as_.startswith("on"):  # "Tesco took me on as", not "took me to"
            how, as_ = ("hired", "as") if how == "took" else (how, as_)
            return Parsed(USER_SUBJECT, f"{how} {as_} {clause[done.end() :]}")
    given = _PRESCRIBED_ME.match(clause)
    if given and names_medicine(clause[given.end() :]):
        how, rest = given.group("how").lower(), clause[given.end() :]
        verb = {
            "moved": "switched",
            "changed": "switched",
            "put": "",
            "started": "",
            "took": "",
            "taken": "",
        }.get(how, how)
        return Parsed(USER_SUBJECT, f"{verb} {rest}".strip())
    if _NAME_FROM_SOMEWHERE.match(clause):
        return Parsed(NOBODY, clause)  # "Tom from work moved to Denver": someone at work
    let_go = _LET_ME_GO.match(clause) if " me" in clause.lower() else None
    if let_go:  # "twitter laid me off today": the user's job there is over
        who = let_go.group("who")
        one_word = re.fullmatch(r"[\w&'.-]+", who) is not None
        employer = one_word and who.lower() not in _NOT_AN_EMPLOYER
        by = f" by {who[:1].upper()}{who[1:]}" if employer else ""
        return Parsed(USER_SUBJECT, "got laid off" + by + clause[let_go.end() :])
    diagnosed = _DOCTOR_SAYS.match(clause) or _FOUND_OUT.match(clause)
    if diagnosed:  # "my doctor told me I have ADHD": the user's, as the user says it
        return parse_subject(clause[diagnosed.end() :], previous)
    dose = dose_changed(clause)
    if dose is not None:  # "doc upped my sertraline to 100mg": on sertraline 100mg
        return Parsed(USER_SUBJECT, dose)
    sent = _SENT_ME.match(clause)
    if sent:  # "they're sending me to Nakuru next week": going to Nakuru next week
        return Parsed(USER_SUBJECT, f"going to {clause[sent.end() :]}")
    if _HOME_IS.match(clause):
        return Parsed(USER_SUBJECT, clause)  # "Bristol is our home now"
    if _MY_FAVOURITE_IS.match(clause):
        return Parsed(USER_SUBJECT, clause)  # "Wilco is my favourite band now"
    proposal = _PROPOSED_TO_ME.match(clause)
    who = proposal.group("name").lower() if proposal else ""
    if proposal and who not in RELATIONS and who not in NOT_NAMES and who not in _NOT_A_SUITOR:
        # "THEO PROPOSED!!!! on the beach": engaged to Theo
        rest = clause[proposal.end() :]
        return Parsed(USER_SUBJECT, f"got engaged to {proposal.group('name')}{rest}")
    asked = _ASKED_ME_OUT.match(clause)
    who = asked.group("name") if asked else ""
    if (
        asked
        and who.lower() not in RELATIONS
        and (a_lower_name(who.lower()) or is_name(who, "", None))
    ):
        # "mateo asked me to be his girlfriend": going out with Mateo
        rest = clause[asked.end() :]
        return Parsed(USER_SUBJECT, f"started dating {who[:1].upper()}{who[1:]}{rest}")
    if _NO_LONGER_MY_PARTNER.match(clause):
        return Parsed(USER_SUBJECT, clause)  # "Omar is my ex-husband now": the user's news
    home = _PLACE_IS_HOME.match(clause)
    if home and place_rest(home.group("v")) == "":
        return Parsed(USER_SUBJECT, clause)  # "Quezon City is home", not "Sam is home"
    if (_SOMEONE_OF.match(clause) or _a_thing_of_theirs(clause)) and not _IS_MY.match(clause):
        # "Anna's husband got a job": not Anna, not the user; but "my friend Leah's
        # husband …" still says who Leah is to the user
        theirs_of = _MINE_NAMED_THEN_S.match(clause)
        if theirs_of is None or theirs_of.group("name").split()[0].lower() in NOT_NAMES:
            return Parsed(NOBODY, clause)
        rel, name = theirs_of.group("rel").lower(), theirs_of.group("name")
        return Parsed(NOBODY, clause, (relation_kind(rel), rel, name))
    match = _PRONOUN.match(clause)
    if match:
        rest = _spell(match.group("c"), clause[match.end() :])
        # "I do speak Spanish", "we do live in Leeds": said with emphasis, said so
        rest = _EMPHATIC_DO.sub("", rest, count=1) if not match.group("c") else rest
        if match.group("p").lower() == "we":
            # "we're both 24", "we are all vegan": each of them, the user too ("User is
            # both 24" had been written)
            both = _BOTH_AFTER_BE.match(rest)
            if both and not EACH_APART.search(rest[both.end() :]):
                rest = both.group("be") + rest[both.end() :]
        return Parsed(USER_SUBJECT, rest)
    match = _THE_USER.match(clause)
    if match:  # "User is 35 years old", as a model writes it (chat.py): the user, no name
        return Parsed(USER_SUBJECT, clause[match.end() :])
    match = _IS_MY.match(clause)
    if match and match.group("name").split()[0].lower() not in NOT_NAMES:
        # "Sam is my boyfriend now", "Tom is my best friend": who the relation is
        rel, name = match.group("rel").lower(), match.group("name")
        relation = (relation_kind(rel), rel, name)
        return Parsed(relation_subject(rel, name), clause[match.end() :], relation)
    match = NEW_ONE_LABEL.match(clause)
    if match:
        rel = (match.group("rel") or match.group("new_rel") or match.group("met_rel")).lower()
        name = match.group("name") or match.group("new_name") or match.group("met_name")
        relation = (relation_kind(rel), rel, name)
        return Parsed(relation_subject(rel, name), clause[match.end() :], relation)
    match = _SOMEONE_NEW.match(clause)
    if match:  # "new person in my life: Priya, …", "met someone: Dev": a partner named
        name = match.group("name")
        return Parsed(
            relation_subject("partner", name), clause[match.end() :], ("partner", "partner", name)
        )
    match = _BARE_RELATION.match(clause)
    if match and _told_of_bare(match, clause[match.end() :]):
        rest = clause[match.end() :]
        rest = _spell_s("'s " + rest) if match.group("c") else rest
        return Parsed(relation_subject(match.group("rel").lower(), None), rest)
    together = _ME_AND.match(clause)
    them = _RELATION.match(clause[together.end() :]) if together else None
    if together and them:
        # "Me and my partner live in Melbourne": the user too, as "my partner and I" is
        rel, name, rest = them.group("rel").lower(), them.group("name"), clause[together.end() :]
        rest = rest[them.end() :]
        kind = relation_kind(rel)
        return Parsed(USER_SUBJECT, rest, (kind, rel, name) if name else None)
    match = _RELATION.match(clause)
    if (
        match is not None
        and former(match.group(0), match.group("rel"))
        and not _AND_I.match(clause[match.end() :])  # "my ex husband and i are divorced now"
    ):
        return Parsed(NOBODY, clause)  # "my ex wife moved to Denver": no partner's news
    if match is None:
        bare = _BARE_RELATION_NAMED.match(clause)
        if (
            bare
            and (
                # (a relative by marriage is always one's own: "BIL Fintan drives for Bus Éireann")
                (
                    bare.group("rel")[:1].isupper()
                    and bare.group("rel").lower() not in _OWN_ABROAD
                    and not in_law(bare.group("rel"))
                )
                or not (_OWN_KIN.match(clause) or in_law(bare.group("rel")))
                # (said short, only before news of them: not "SIL International publishes…")
                or (
                    bare.group("rel").isupper()
                    and clause[bare.end() :].split(" ", 1)[0].lower() not in _SHORT_NEWS
                )
                or bare.group("name").lower() in NOT_NAMES
                or bare.group("name").lower() in ("is", "was", "has", "are", "and", "the")
                or _ROLE_AFTER.match(clause[bare.end() :])
            )
        ):
            return Parsed(NOBODY, clause)  # "sister Mary taught me", "Sister Act is on"
        match = bare
    if match:
        name = match.group("name")
        if name and not relation_name(name, clause[match.end() :]):
            name = None
            rest = clause[match.start("name") :] if match.group("name") else clause[match.end() :]
        else:
            rest = clause[match.end() :]
        rel = match.group("rel").lower()
        if not name and match.group(0).rstrip(" ,").lower().endswith(rel + "s"):
            # "my sisters boyfriend is called Dave", "my sons teacher is Mrs Patel": the
            # "'s" typed without its apostrophe (had been the sister Dave, the son Mrs Patel)
            thing = _THEIR_THING.match("'s " + rest)
            if thing and thing.group("thing").lower() not in _TYPED_FOR_S:
                thing = None  # "my kids and I moved …", "my brothers work at …": several
            if thing and thing.group("thing").lower() not in _FAVOURITE:
                return Parsed(NOBODY, clause)
            if thing:
                rest = "'s " + rest  # "my sons favourite film is Cars": the son's
        # "my son's favorite movie is Cars", "my son's new teacher is Mr Brown": a thing
        # of theirs is named, not them ("my wife's name is Sarah" names her)
        thing = _THEIR_THING.match(rest)
        theirs = thing is not None
        if thing and thing.group("thing").lower() not in _FAVOURITE:
            return Parsed(NOBODY, clause)  # "my sister's dog Max died": the dog's news
        owned = _AFTER_S.match(rest) if not theirs else None
        if owned and _owned(owned.group("rest")):
            return Parsed(NOBODY, clause)  # "my brother's flat in Leith": the flat's
        rest = _spell_s(rest)
        if not name:
            lower = lower_opener(rest) or lower_subject_of_be(rest) or lower_and_i(rest)
            # (not a doing: "my daughters getting married", typed for "daughter's")
            if (
                lower is not None
                and lower_name(lower)
                and lower not in _THINGS
                and not lower.endswith("ing")
            ):
                # "my brother vikram turned 21", "my wife tasha and i": a name in lower case
                name, rest = lower.capitalize(), rest[len(lower) :].strip()
        together = _AND_I.match(rest)
        if together:  # "my wife Sophie and I live in Bristol", "my cousin and I…": the user too
            kind = relation_kind(rel)
            after = rest[together.end() :]
            parted = _PARTED_FOR_GOOD.match(after) if kind == "partner" and name else None
            if parted:
                # "my wife Sophie and I split up": the user parted from Sophie, as "Sophie
                # and I split up" says (not "… is Sophie" first)
                how = parted.group(0)
                join = "from" if how.endswith(("divorced", "separated")) else "with"
                return Parsed(USER_SUBJECT, f"{how} {join} {name}{after[parted.end() :]}")
            return Parsed(USER_SUBJECT, after, (kind, rel, name) if name else None)
        if not name and not theirs:
            named = _IS_NAME.match(rest)
            if named and named.group("name") and _NOW_NAMED.search(named.group(0)):
                # "my boss is now Karen": a new boss, one name; not "my mum is now Grandma",
                # "my son is now Dutch", "my boss is now Remote", "… now Dr Patel"
                anew = named.group("name")
                if (
                    rel.lower() not in _NAMED_ANEW
                    or anew.lower() in _NOT_NAMED_ANEW
                    or _ONE_NAME.fullmatch(anew) is None
                ):
                    named = None
            if named and named.group("name") and named.group("name").lower() in NOT_A_NAME:
                named = None  # "my GP is Indian", "my boss is Irish": what they are
            if named and (named.group("name") or a_name_said(named.group("lower"))):
                name = named.group("name") or named.group("lower").capitalize()
                rest = _CHAT_LAST.sub("", rest[named.end() :])
        subject = relation_subject(rel, name)
        relation = (relation_kind(rel), rel, name)
        return Parsed(subject, rest, relation if name else None)
    match = _NAME_AND_I.match(clause)
    if match:
        rest = clause[match.end() :]
        parted = _PARTED.match(rest)
        done = _DONE_AS_A_COUPLE.match(rest) if not parted else None
        name = partner_named(match.group(0))
        if done and (name := name or partner_named(match.group(0), lower=True)):
            # "me and Jake are done", "Tom and I are over": parted, as "broke up" says
            return Parsed(USER_SUBJECT, f"broke up with {name}{rest[done.end() :]}")
        if not parted:
            # "Tasha and I are doing keto": the user's, as "my wife and I" is; "Marco and
            # I are official now": Marco is the partner too
            partner = name if name and (_together(rest) or _WEDDED.match(rest)) else None
            couple = ("partner", "partner", partner) if partner else None
            return Parsed(USER_SUBJECT, _spell(None, rest), couple)
        name = name or partner_named(match.group(0), lower=True)
        if name:
            # "Tom and I split up", "Ana and I are divorced now", "chloe and i broke up":
            # the user parted from Tom, as "I broke up with Tom" says (remember ends Tom
            # only if Tom is the partner, a name typed in lower case only then: "Netflix
            # and I broke up" ends no one).
            how = parted.group(0)
            join = "from" if how.endswith(("divorced", "separated")) else "with"
            return Parsed(USER_SUBJECT, f"{how} {join} {name}{rest[parted.end() :]}")
    match = _NAME_MODAL.match(clause)
    if match and _told_second(lower_words(clause)[:4]):
        # "Can turned 2", "Will got promoted": a modal takes a bare verb, so a name; the
        # collection links it to the relation it knows by that name.
        name = match.group(0)
        return Parsed(Subject(name, name), clause[match.end() :].strip())
    favorite = LOWER_NAMES_FAVORITE.match(clause)
    if favorite and a_lower_name(favorite.group(1)) and favorite.group(1) not in NOT_NAMES:
        clause = clause[:1].upper() + clause[1:]  # read as "Jake's favorite band is muse"
    match = _NAMED.match(clause)
    if match and (
        match.group("kin") or is_name(match.group("name"), clause[match.end() :], match.group("c"))
    ):
        name = match.group("name")
        rest = clause[match.end() :]
        if filler_like(rest):
            # "Sarah like totally got engaged": chat's "like" before the verb says nothing
            rest = re.sub(r"^\s*like[,\s]+", "", rest, count=1, flags=re.I)
        if match.group("c") and match.group("c") != "'s":
            rest = _spell(match.group("c"), rest)
        elif match.group("c") == "'s":
            rest = _spell_s("'s " + rest)
        if match.group("rel") or match.group("prel"):
            # "Sarah, my sister, …" and "Sarah (my sister) …"
            rel = (match.group("rel") or match.group("prel")).lower()
            relation = (relation_kind(rel), rel, name)
            return Parsed(relation_subject(rel, name), rest, relation)
        # "Minho oppa": Minho, whom remember links to the relative it knows by that name
        return Parsed(Subject(name, name), rest)
    lead = _LEAD_THEN_THIRD.match(clause) if previous is not None else None
    if lead and _only_leads_in(lead.group("lead")):
        # "Kenji got a job! no more long distance, he starts at Sea in July": the one
        # named before (not "my gran was Rose, she'd…", "Sigrid, she's a cellist")
        clause = clause[lead.end() :]
    match = _THIRD.match(clause)
    if match:
        rest = _spell_s((match.group("c") or "") + " " + clause[match.end() :])
        pronoun = match.group("who").lower()
        if previous is not None and of_the_other_sex(pronoun, previous):
            # "my sister has a new boyfriend. Kai. he's a plumber": not the sister
            return Parsed(NOBODY, clause)
        if pronoun == "they" and _BOTH_OR_ALL.match(rest):
            # "… Wyatt is 5, and they're both feral": all of them, not the last one named
            return Parsed(NOBODY, clause)
        if previous is not None:
            return Parsed(previous, rest)
        if pronoun != "they":
            # "she left Google, she's at Meta now", no one named before it in the
            # message: whom remember resolves from who was told of last
            # (kin.PRONOUN_RELATIONS)
            return Parsed(Subject(UNRESOLVED_PREFIX + pronoun, pronoun.capitalize()), rest)
    if _OTHER_SUBJECT.match(clause):
        return Parsed(NOBODY, clause)  # about someone or something unnamed: keyed to no one
    full = _full_name_told(clause)
    if full is not None:
        # "Wei Jie got the job at USM", "Tom Smith moved to Leeds": whom remember finds
        # the collection knows by that name, or no one ("Nana Mouskouri turned 90")
        return Parsed(Subject(UNRESOLVED_PREFIX + full, full), clause[len(full) :].strip())
    if _someone_first(clause):
        return Parsed(NOBODY, clause)
    if _of_another_tongue(clause):
        return Parsed(NOBODY, clause)  # "bà ngoại turned 80 today": grandma, not the user
    opener = lower_opener(clause) or lower_subject_of_be(clause)
    if opener is not None and opener in _THINGS:
        return Parsed(NOBODY, clause)  # "dog turned 5", "landlord says…": keyed to no one
    if opener is not None and lower_name(opener) and clause[len(opener) : len(opener) + 1] == " ":
        # "vikram turned 21 yesterday", "sarah moved to leeds", "tom is vegan now": a name
        # typed in lower case, as chat types it; "omg turned 40", "finally moved to leeds"
        # stay the user's.
        name = opener.capitalize()
        return Parsed(Subject(name, name), clause[len(opener) :].strip())
    if _THIRD_PERSON_VERB.match(clause) and not FIRST_PERSON & set(lower_words(clause)):
        # "Étienne left the bistro. says he's done…", "Anna moved. Works at Rush now": the
        # verb is the one before's, as "I" would say "say", "work". With no one before, a
        # note's ("Lives in Leeds. Works at Asda.") is the user's, what one says no one's.
        if previous is not None:
            return Parsed(previous, clause)
        first = [w for w in lower_words(clause) if w not in ADVERBS][:1]
        if (first and first[0] not in _NOTE_VERBS) or _IDIOM.match(clause):
            return Parsed(NOBODY, clause)  # "says he's done…", "runs in the family"
    return Parsed(USER_SUBJECT, clause)


# People the user has who are no relation the rules key ("my neighbour", "our nanny"):
# what they are or have is theirs. Not "my nurse job": then no "is" or "has" follows.
PEOPLE_OF_MINE = frozenset(
    """neighbour neighbor neighbours neighbors landlord landlady doctor doc dentist gp
    therapist counsellor counselor psychiatrist nanny babysitter childminder teacher
    teachers tutor coach trainer instructor hairdresser barber stylist cleaner builder
    plumber electrician lawyer solicitor accountant vet nurse midwife physio client clients
    patient patients student students pupil pupils mentor mentee priest pastor imam rabbi
    vicar inlaw inlaws motherinlaw fatherinlaw sisterinlaw brotherinlaw soninlaw
    daughterinlaw ex toddler youngest eldest oldest teammate teammates classmate classmates
    bandmate lodger lodgers pt youtuber influencer walker lead partner one
    """.split()
)
_IS_HAS = frozenset("is was are were s has had have".split())
# "my neighbor Tom", "my personal trainer Dave", "my godson Eli's": a word or two for
# someone, then a name (capitalised).
_SOMEONE_NAMED = re.compile(
    r"^(?:my|our)\s+(?P<who>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?-i:[A-Z])[\w-]+(?:['’]s)?\b",
    re.I,
)
_NAME_THEN_PERSON = re.compile(
    r"^[A-Z][\w'-]+\s*(?:,|\()\s*(?:my|our)\s+(?:[\w-]+\s+)?(?P<who>[\w-]+)\s*(?:,|\))", re.I
)
# "My car is 10 years old", "our dog is 3": an age, not the user's.
_THINGS_AGE = re.compile(
    r"^(?:my|our)\s+[\w-]+\s+(?:is|was)\s+(?:now\s+)?\d{1,3}"
    r"(?:\s*(?:years?|yrs?|months?)\b|\s*y/?o\b|\s*[.!]*\s*$)",
    re.I,
)
# A name and where one knows them from: "Julien from accounting", "Sarah from the gym",
# "JP from footy" (initials).
_NAME_FROM = re.compile(r"^(?:[A-Z][a-z]+|[A-Z]{2})\s+from\s+(?:the\s+|my\s+)?[\w-]+\s+")
# … and typed in lower case, from where people are met: "tom from next door got a job".
_LOWER_NAME_FROM = re.compile(
    r"^[a-z]+\s+from\s+(?:next\s+door|work|uni|school|college|church|upstairs|downstairs|"
    r"the\s+(?:gym|office|pub|club|team|shop)|my\s+(?:old\s+)?(?:job|work|team|office|class))\s+"
)
# … not the user's own word said first: "Originally from Cork moved…", "Retired from
# nursing moved…", "Back from Paris…"
_NOT_A_NAME_FROM = re.compile(
    r".*(?:ly|ed)$|(?:back|home|away|fresh|straight|far|just|came|moved)$"
)
# Someone by two initials ("JP", "AJ"), and the two capitals that name no one.
_INITIALS = re.compile(r"^[A-Z]{2}\s")
_CAPS_NO_ONE = frozenset("ok im ya ye no so uk us hr it pr ai tv pc my hi yo".split())
# A first name and a surname: "Tom Smith moved to Leeds", "Nana Mouskouri turned 90".
_FULL_NAME_FIRST = re.compile(r"^[A-Z][a-z]+\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s")
# A name that reads as a modal or a month, written capitalised and with no contraction
# after it ("Can turned 2"); and any modal so written ("Should've turned left").
_NAME_MODAL = re.compile(r"^(?:Can|May|Will|April|June|August)\b(?!')")
_MODAL_NAME = re.compile(r"^(?:" + "|".join(sorted(m.capitalize() for m in MODALS)) + r")\b")


def _full_name_told(clause: str) -> Optional[str]:
    """The first name and surname a clause opens with, then what they did or are ("Tom
    Smith moved…", "Ed Sheeran is married"); None for any other opening."""
    full = _FULL_NAME_FIRST.match(clause)
    words = lower_words(clause)
    if full is None or words[0] in NOT_NAMES or words[0] in PERSON_WORDS or words[0] in RELATIONS:
        return None
    told = _told_second(words[1:5]) or words[2:3] in (["is"], ["was"], ["has"])
    return full.group(0).strip() if told else None


def _someone_first(clause: str) -> bool:
    """Whether a clause opens with someone or something other than the user, then their
    verb: a word for a person ("husband got a job", "kids started school"), a modal
    that is no name the rules take, then a told verb ("Should've turned left"), or
    something of the user's that is not a relation the rules know ("my dog turned 5",
    "our parents moved to Spain", "my car is 10 years old"). Only such positive signs
    count: chat opens the user's own news with all sorts of words ("omg turned 40",
    "Sunday moved to Leeds"), and those stay the user's."""
    # "in-laws", "mother-in-law" are one word for them: "my in-laws moved to Leeds".
    words = lower_words(re.sub(r"(?i)\b(\w*)-?in-law", r"\1inlaw", clause))
    if words[:1] in (["my"], ["our"]):
        if words[1:2] not in (["age"], ["number"]) and _THINGS_AGE.match(clause):
            return True  # "my phone is 6 years old": the phone is no user (its number is)
        # "My doctor said I'm allergic to peanuts": the user is in it after all.
        if (words[1:2] and words[1] in USERS_OWN) or (FIRST_PERSON | {"me"}) & set(words):
            return False
        # "my neighbour is vegan", "my personal trainer is vegan", "my neighbour Dave has a
        # cat", "my dog is allergic to grass": theirs, not the user's diet, allergies or
        # pets; "my car has a dog bed": its.
        person = next((i for i in (1, 2) if words[i : i + 1] and words[i] in PEOPLE_OF_MINE), 0)
        if person and _IS_HAS & set(words[person + 1 : person + 4]):
            return True
        if pet_named(clause):
            return True  # "My dog Max is 7 years old": the dog's age, not the user's
        pet_is = words[1:2] and words[1] in PET_WORDS and words[3:4] not in (["called"], ["named"])
        if (
            words[2:3]
            and words[2] in _IS_HAS
            and words[1] in _THINGS | PET_WORDS
            and (words[2] != "is" or pet_is)
        ):
            return True
        if words[1:2] == ["ex"]:
            return True  # "my ex-wife moved to Denver", "my ex got a job at Google"
        someone = _SOMEONE_NAMED.match(clause)
        who = lower_words(someone.group("who")) if someone else []
        if someone is not None and not any(w in STOP_WORDS or w in _NOT_SOMEONE for w in who):
            # "my neighbor Tom just moved to Denver", "my godson Eli turned 10", "my crush
            # Chris is single": someone the rules know no relation word for, by name
            after = lower_words(clause[someone.end() :])
            if someone.group(0)[-1] == "s" and someone.group(0)[-2] in "'’":
                return True  # "my neighbor Chris's son turned 5": theirs
            if after[:1] in (["is"], ["was"], ["has"], ["s"]) or _told_second(["", *after[:4]]):
                return True
            if after[:1] == ["from"] and any(
                _told_second(["", *after[at : at + 4]]) or after[at : at + 1] in (["is"], ["was"])
                for at in (2, 3)
            ):
                return True  # "our lad Tom from accounts turned 21" (had been the user's age)
        return _THINGS_AGE.match(clause) is not None or _told_second(words[1:5])
    named = _NAME_THEN_PERSON.match(clause)
    if named and named.group("who").lower() in PEOPLE_OF_MINE:
        return True  # "Dave, my neighbour, is vegan", "Dave (my neighbour) is married"
    from_ = _NAME_FROM.match(clause) or _LOWER_NAME_FROM.match(clause)
    if from_ and words[0] not in NOT_NAMES and not _NOT_A_NAME_FROM.match(words[0]):
        # "Julien from accounting moved to Marseille", "Sarah from uni is vegan now": theirs
        after = lower_words(clause[from_.end() :])
        # (one more word of where they are from: "Sarah from my old job moved to Leeds")
        return any(
            _told_second(["", *after[at : at + 4]])
            or after[at : at + 1] in (["is"], ["was"], ["has"])
            for at in (0, 1)
        )
    if _INITIALS.match(clause) and words[0] not in _CAPS_NO_ONE and _told_second(words[:4]):
        return True  # "JP started at Telstra", "AJ moved to Leeds": someone by initials
    if not ((words[:1] and words[0] in PERSON_WORDS) or _MODAL_NAME.match(clause)):
        return False
    # "bf is vegan now", "husband is a nurse": theirs as much as "husband got a job";
    # "kids are vegan", "parents have a dog"
    people_is = words[0] in PERSON_WORDS and words[1:2] != [] and words[1] in _BE_OR_HAVE
    return people_is or _told_second(words[:4])


def pet_named(clause: str) -> Optional[str]:
    """The pet a clause opens with by name ("my dog Max is 7"), as a ``pets`` value."""
    return named_pet(clause, NOT_LOWER_NAMES)


# Words of emphasis before a verb, skipped as adverbs are: "hubby literally just got…".
_HEDGES = frozenset(("literally", "basically", "honestly", "totally", "seriously"))


def _told_second(words: list[str]) -> bool:
    """Whether the word after the first (adverbs aside) is a told verb: "bob turned…",
    "hubby literally just got…"."""
    following = [w for w in words[1:] if w not in ADVERBS and w not in _HEDGES]
    # Any past in -ed too: "our company relocated to Austin", "vikram graduated in May".
    past = bool(following) and len(following[0]) > 4 and following[0].endswith("ed")
    return bool(following) and (
        following[0] in TOLD_VERBS or (past and not following[0].endswith("eed"))
    )


def _of_another_tongue(clause: str) -> bool:
    """Whether a clause opens with one or two words in lower case, one of them written
    with letters English has not and none a greeting or a word of chat, then a told verb:
    someone called so in another language ("bà ngoại turned 80", "abuelita moved to
    Quito"), not the user's news without "I" ("omg turned 40"). The user's own news after
    a word of another language is lost to it too ("así que moved to Madrid", "olá
    turned 30": no key, the words kept): a missed key rather than a wrong one."""
    words = clause.split()[:4]
    for size in (1, 2):
        said, rest = words[:size], " ".join(words[size:])
        if (
            rest
            and all(w.isalpha() and w.islower() and w not in NOT_LOWER_NAMES for w in said)
            and not all(w.isascii() for w in said)
            and _told_second(["", *lower_words(rest)])
        ):
            return True
    return False


def lower_opener(clause: str) -> Optional[str]:
    """The word a clause opens with when it is typed in lower case and followed by a
    told verb ("bob turned 31"): the name of someone the collection may know, which the
    rules alone cannot tell from chat ("omg turned 40"); None otherwise."""
    match = re.match(r"([a-z]+)\b(?!['’])", clause)  # not "isn't", "wasn't"
    words = lower_words(clause)
    if match is None or not _told_second(words[:4]):
        return None
    # "bob said i turned 31": the user is a subject of the clause too.
    return None if FIRST_PERSON & set(words) else match.group(1)


# Things and people unnamed that open a clause about them: "dog turned 5", "landlord says
# the rent is going up", "doc moved to another practice".
_THINGS = frozenset(
    """dog dogs cat cats puppy kitten car house flat apartment school class uni job team
    company office landlord landlady doctor doc vet teacher neighbour neighbor plan plans
    wedding party rent bus train flight weather life phone laptop gym shop store
    restaurant café cafe band club firm mine ours yours tea coffee food lunch dinner
    breakfast meeting parking hq stuff project order package parcel boy girl boys girls
    twins""".split()
)


# Words for what a name after them names, not someone: "our flat Arroios", "my cat Biscuit".
_NOT_SOMEONE = (_THINGS | PET_WORDS) - PEOPLE_OF_MINE


# A piece that ends on someone the user is with, by name: "… with Jake", "me and Priya",
# "met Tom", "married to Sam" (what follows its comma is theirs).
WITH_A_NAME = re.compile(
    r"\b(?:with|and|&|met|meet|dating|seeing|marrying|married(?:\s+to)?|engaged\s+to)\s+"
    r"(?-i:[A-Z])[a-z]+\s*$",
    re.I,
)
# What a role is played in: a game or a show ("Among Us", "D&D", "the nativity").
_PLAYED = (
    r"(?:games?|play|plays|show|musical|panto|pantomime|film|movie|campaign|party|production|"
    r"raid|guild|clan|quiz|roleplay|rp|cosplay|nativity|murder\s+mystery|among\s+us|minecraft|"
    r"fortnite|roblox|valorant|overwatch|warcraft|wow|sims|d&d|dnd|dungeons|pokemon|pokémon|"
    r"zelda|skyrim|gta|apex|league|mafia|werewolf|charades|escape\s+room|larp)"
)
_BE_OR_HAVE = frozenset(("is", "was", "has", "s", "are", "were", "have"))
# An age between commas (an adult's), and a clause the user opens: "I'm a nurse at Leeds
# General, 29, F" says the user's age, not an aside to cut.
_AN_AGE_ASIDE = re.compile(r",\s*(?:1[3-9]|[2-9]\d)\s*,")
_SAID_BY_ME = re.compile(r"(?:I|we|I['’]m|we['’]re|I['’]ve|we['’]ve)\s", re.I)
_ASIDE = re.compile(
    r"^(?P<who>[^,]{1,40}?),\s*(?:who|whom|whose|which|where|the one|the guy|the girl|\d{1,3}\b)"
    r"[^,]*,\s*(?=[a-z])",
    re.I,
)
OPENER = re.compile(
    r"^(?!(?-i:[A-Z])[\w'-]*\s*,\s*(?:my|our)\s+(?:[\w'-]+\s+){0,2}[\w'-]+\s*,)"
    # (not where a role is in a game or a play: "In Among Us, my role is the detective",
    # "In the school play, my role is…"; "In our startup, my role is…" is one's job)
    r"(?!in\s+(?:[^,]*\b" + _PLAYED + r")\b[^,]*,\s*(?:my|his|her)\s+(?:new\s+)?role\b)"
    r"(?:[\w'-]+\s+){0,2}[\w'-]+\s*,\s+"
    r"(?=(?:my|our|his|her|their)\s)"
    # "(I moved to Leeds) because my husband got a job at Google": the husband's
    r"|^(?:" + REASONS + r"|cause|now\s+that|given\s+that)\s+"
    r"(?=(?:my|our|his|her|their)\s)"
    # "finally he starts at Sea": a word of how it went, before the one named before
    r"|^(?:finally|luckily|sadly|thankfully|officially|meanwhile|anyway|now|then|plus)\s+"
    r"(?=(?:he|she|they)(?:'s|'re|'ve|'d|'ll)?\s)",
    re.I,
)
# Words before a comma, then "he", "she" or "they".
_LEAD_THEN_THIRD = re.compile(
    r"^(?P<lead>(?:[\w'-]+\s+){0,3}[\w'-]+)\s*,\s+(?=(?:he|she|they)(?:'s|'re|'ve|'d|'ll)?\s)",
    re.I,
)
_SOMEONES = frozenset(("my", "our", "his", "her", "their", "your", "i", "we", "me", "us"))
# Lead-ins that say what follows is not yet so, beside lexicon.HEDGED's words.
_NOT_YET_SO = re.compile(
    r"\b(?:theory|yet|wood|crossed|fingers|case|hope|hoping|supposedly|rumou?r|apparently|"
    r"allegedly|reportedly|unofficially|pending|plan|planned)\b",
    re.I,
)


def _only_leads_in(lead: str) -> bool:
    """Whether the words before "…, he" only lead in: no name (a capital after the first
    word, or a first word that may be one), no number, nobody's ("my gran was Rose"),
    no one said ("I told him"), no hedge ("maybe, he starts at Sea", "touch wood, …",
    "not official yet, …": what follows is not yet so)."""
    if HEDGED.search(lead) or _NOT_YET_SO.search(lead):
        return False
    first, *rest = lead.split()
    if first[:1].isupper() and first.lower() not in NOT_NAMES:
        return False
    if any(w[:1].isupper() for w in rest):
        return False
    return not any(
        w.lower() in _SOMEONES or "'" in w or any(c.isdigit() for c in w) for w in (first, *rest)
    )


# What a note says of its subject without naming it ("Lives in Leeds. Works at Asda."):
# the user's, when nobody was named before.
_IDIOM = re.compile(r"^(?:runs in the family|goes without saying|works for me)\b", re.I)
_NOTE_VERBS = frozenset(
    """lives works speaks loves likes hates drinks eats studies teaches plays owns prefers
    enjoys starts joins moves drives runs goes attends volunteers rents cycles walks
    commutes""".split()
)
# A clause that opens with a verb of the third person, without its subject.
_THIRD_PERSON_VERBS = sorted(
    ({"says"} | {verb for verb in CLAUSE_VERBS if verb.endswith("s")})
    - {"is", "has", "was", "does"}
)
_THIRD_PERSON = frozenset(_THIRD_PERSON_VERBS)
_THIRD_PERSON_VERB = re.compile(
    r"^(?:(?:" + "|".join(sorted(ADVERBS)) + r")\s+)*(?:" + "|".join(_THIRD_PERSON_VERBS) + r")\b",
    re.I,
)


def _spell(contraction: Optional[str], rest: str) -> str:
    return (_CONTRACTIONS.get((contraction or "").lower(), "") + rest).strip()


_PARTICIPLES = frozenset(
    """got been gone quit left moved taken given seen made found become begun run won sold
    bought built kept split lost broken had met told written eaten fallen forgotten
    grown known shown spent taught thought""".split()
)


# Words in -ed that say how one is, not what one has done: "he's bored" is bored.
_FELT = frozenset(
    """married bored tired excited worried scared stressed annoyed pleased engaged divorced
    interested obsessed exhausted depressed delighted thrilled confused disappointed
    embarrassed relieved amazed based located settled separated widowed
    qualified licensed vaccinated""".split()
)


def _spell_s(rest: str) -> str:
    """A leading contraction spelled out: "'s got" → "has got", "'s a" → "is a"."""
    rest = rest.strip()
    if rest.startswith("'s"):
        after = rest[2:].strip()
        if _A_BIRTHDAY.match(after):
            return "'s " + after  # "Mia's 8th birthday party", "my son's birthday": hers, his
        said = lower_words(after) or [""]
        first = said[0]
        verb = next((w for w in said if w not in ADVERBS), "")
        if (first in ADVERBS and verb in _THIRD_PERSON) or verb in _PLAIN_THIRD:
            # no "is" or "has" before a verb of the present: "(Tom's moved to Leeds and)
            # already loves it" ("Tom is already loves it" had been written)
            return after
        if first in ADVERBS:  # "she's never been to Europe": the verb after "never"
            return ("has " if verb in _PARTICIPLES else "is ") + after
        # "Lachlan's quit the mines": has quit; "Lachlan's married": is married
        perfect = first in _PARTICIPLES or (first.endswith("ed") and first not in _FELT)
        return ("has " if perfect else "is ") + after
    for contraction, spelled in _CONTRACTIONS.items():
        if rest.startswith(contraction):
            return spelled + rest[len(contraction) :].strip()
    return rest


# Verbs of the third person, present, that no noun spells: after "'s" with no adverb
# between ("Tom's loves it"), one of these is the verb ("plans", "works", "calls" could
# be a thing of Tom's).
_PLAIN_THIRD = frozenset(
    """loves likes hates lives says wants needs knows thinks feels hopes enjoys prefers
    misses teaches studies speaks owns adores reckons""".split()
)


# A birthday after "'s" is the person's, not what they are: "Mia's 8th birthday party was
# Saturday", "mum's 60th was lovely", "my son's birthday!".
_A_BIRTHDAY = re.compile(r"(?:\d{1,3}(?:st|nd|rd|th)\b|(?:b-?day|birthday|bday)\b)", re.I)
