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

``parse_subject`` reads all of it, one reading in order (``_parse_subject``), with its
neighbours' patterns: the signs that a clause is someone else's news, not the user's, are
theirs.py's (who or what opens it: "husband got a job", "my dog turned 5") and whose.py's
(a "'s" that is whose: "Anna's husband moved", "Anna's flat in Vienna…"), its subject then
no one; the user's own news though it opens on someone else ("Coursera promoted me…",
"Tom and I split up") is mine.py's; what leads in before the subject (a time, a
comparison, an aside between commas) is leads.py's; a relative said without "my" ("Mum is
in Lagos", "hubby Raj") is bare.py's. Whether a word is a name is names.py's; who else a
clause tells of beside its subject (a relation it mentions or says the user has, someone
new, whom a "he" or "she" is from earlier in the message) is others.py's.
"""

# ruff: noqa: E501, SIM905  (patterns and word lists read as text, one per line)
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Optional

from ..facts import ROLE_ATTRIBUTES, USER
from .bare import (
    BARE_RELATION,
    BARE_RELATION_NAMED,
    IN_LAWS,
    OWN_ABROAD,
    OWN_KIN,
    ROLE_AFTER,
    SHORT_NEWS,
    told_of_bare,
)
from .health import dose_changed, names_medicine
from .kin import FULL_NAME as _FULL_NAME
from .kin import NAME as _NAME
from .kin import QUALIFIERS as _QUALIFIERS
from .kin import REL as _REL
from .kin import RELATIONS, WRITTEN_AS, in_law, relation_key
from .leads import (
    AN_AGE_ASIDE,
    ASIDE,
    HEDGE_BEFORE_MINE,
    LEAD_BEFORE_A_NAME,
    LEAD_BEFORE_MINE,
    LEAD_THEN_THIRD,
    LEAD_TIME,
    LIKE_SOMEONE_FIRST,
    NAME_THEN_BRACKETS,
    OPENER,
    SAID_BY_ME,
    WHO_THEY_ARE_TO_ME,
    WHOSE_NEWS_AFTER,
    WITH_A_NAME,
    only_leads_in,
)
from .lexicon import ADVERBS, MONTH_NAMES, NOT_A_NAME, UNRESOLVED_PREFIX, WEEKDAY_RE, pet_subject
from .mine import (
    _DIET_ENDED,
    _HOME_IS,
    _NO_LONGER_MY_PARTNER,
    _PLACE_IS_HOME,
    ASKED_ME_OUT,
    DOCTOR_SAYS,
    DONE_AS_A_COUPLE,
    DONE_TO_ME,
    FOUND_OUT,
    LET_ME_GO,
    MY_BIRTHDAY,
    MY_FAVOURITE_IS,
    NOT_A_SUITOR,
    NOT_AN_EMPLOYER,
    PARTED,
    PARTED_FOR_GOOD,
    PRESCRIBED_ME,
    PROPOSED_TO_ME,
    SENT_ME,
    WEDDED,
    _together,
)
from .names import (
    FIRST_PERSON,
    LOWER_NAMES_FAVORITE,
    NOT_LOWER_NAMES,
    NOT_NAMES,
    a_lower_name,
    a_name_said,
    filler_like,
    is_name,
    lower_and_i,
    lower_name,
    lower_name_has,
    lower_subject_of_be,
    partner_named,
    relation_name,
)
from .places import place_rest
from .rules_personal import pet_opening
from .text import lower_words
from .theirs import (
    NAME_FROM_SOMEWHERE,
    NAME_MODAL,
    OTHER_SUBJECT,
    THINGS,
    full_name_told,
    lower_opener,
    of_another_tongue,
    someone_first,
    told_second,
)
from .third_person import EACH_APART, third_person
from .whose import (
    AFTER_S,
    FAVOURITE,
    MINE_NAMED_THEN_S,
    SOMEONE_OF,
    THEIR_THING,
    THIRD_PERSON_VERBS,
    TYPED_FOR_S,
    _owned,
    a_thing_of_theirs,
    spell,
    spell_s,
)


@dataclass(frozen=True)
class Subject:
    key: str  # "user", "sister:Anna", "husband:", or a bare name "Tom"
    name: str  # how a sentence names it: "User", "User's sister Anna", "Tom"


USER_SUBJECT = Subject(USER, "User")
# A clause about someone or something not named ("The kids moved…", "She said…" with no
# one before it): its facts stay plain, keyed to no one.
NOBODY = Subject("", "")


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
# "Tasha and I", "me and Tasha", "wife and I": the user among others.
_NAME_AND_I = re.compile(
    r"^(?i:me\s+(?:and|&)\s+[a-z][\w-]*|[a-z][\w-]*\s+(?:and|&)\s+(?:I|me))\b(?!')\s*"
)
# "Me and my partner …", "me & my sister …": the user and them.
_ME_AND = re.compile(r"^(?:me|myself)\s+(?:and|&|n)\s+(?=(?:my|our)\s)", re.I)
_AND_I = re.compile(r"^and\s+(?:I|we)\b\s*", re.I)
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
    clause = LEAD_TIME.sub("", clause, count=1)
    lower = lower_name_has(clause)
    if lower is not None and lower not in THINGS:
        clause = lower.capitalize() + clause[len(lower) :]  # read as typed capitalised
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
    bracketed = NAME_THEN_BRACKETS.match(clause)
    if bracketed is not None:
        name, aside, rest = (
            bracketed.group("name"),
            bracketed.group("aside"),
            clause[bracketed.end() :],
        )
        if not WHO_THEY_ARE_TO_ME.match(aside) and (  # "Tom (bf)": _NAMED reads that
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
    lead = LEAD_BEFORE_MINE.match(clause)
    if lead is not None:
        # "Apparently my mother in law is a vegan now", "Long story but my brother got a
        # job at Google": the relative's news, not the user's ("User is vegan" had been
        # keyed)
        clause = clause[lead.end() :]
    elif LEAD_BEFORE_A_NAME.match(clause):
        told = _parse_subject(LEAD_BEFORE_A_NAME.sub("", clause, count=1), previous, newcomer)
        if told.subject.key not in (USER, NOBODY.key):
            return told
    elif HEDGE_BEFORE_MINE.match(clause):
        # "Hopefully my sister is a nurse by summer", "Unlikely my brother is vegan": no
        # one's news (the user's diet had been keyed)
        return Parsed(NOBODY, clause)
    if IN_LAWS.match(clause):
        return Parsed(NOBODY, clause)  # "In-laws moved to the Algarve": no one the rules key
    named_after = WHOSE_NEWS_AFTER.match(clause)
    if named_after is not None:
        # "Just turned 5, our eldest", "got engaged last night, my sister Priya": the news
        # first, whose it is last — read as "our eldest just turned 5"
        news = named_after.group("news")  # "Turned 61 today": no name "Turned"
        who = named_after.group("who") + (named_after.group("name") or "")
        return _parse_subject(f"{who} {news[:1].lower()}{news[1:]}", previous, newcomer)
    # "Priya, who works with me, moved…": who they are, said between commas, is not
    # what they did; "Sadly, my dad turned 70": a word before them, not them
    aside = ASIDE.match(clause)
    mine = SAID_BY_ME.match(clause) is not None
    if aside is not None and mine and WITH_A_NAME.search(aside.group("who")):
        # "I'm dating Priya, 28, junior doctor at St Thomas'": what follows is Priya's,
        # kept as said (the rest of the clause), not the user's
        clause = aside.group("who")
    elif aside is not None and not (mine and AN_AGE_ASIDE.match(clause, aside.end("who"))):
        # (not an age in one's own list: "I'm a nurse at Leeds General, 29, F" is the
        # user's; "I'm Sam, 180, trying to lose weight" is cut as another's aside is)
        clause = ASIDE.sub(r"\g<who> ", clause, count=1)
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
            rest = spell_s(re.sub(r"^(?:she|he)", "", rest, flags=re.I))
        return Parsed(relation_subject(rel, name), rest, named_relation(rel, name))
    if _DIET_ENDED.match(clause) or MY_BIRTHDAY.match(clause):
        # "Keto is over", "The keto diet's done"; "It was my 42nd birthday on Sunday"
        return Parsed(USER_SUBJECT, clause)
    done = DONE_TO_ME.match(clause)
    if done:  # "Coursera promoted me to X": the user was promoted to X
        if done.group("made"):  # "they made me senior designer": promoted to it
            return Parsed(USER_SUBJECT, f"promoted to {clause[done.end() :]}")
        how, as_ = done.group("how").lower(), done.group("as").lower()
        how = "promoted" if how == "bumped" else how  # "they bumped me up to manager"
        if how != "took" or as_.startswith("on"):  # "Tesco took me on as", not "took me to"
            how, as_ = ("hired", "as") if how == "took" else (how, as_)
            return Parsed(USER_SUBJECT, f"{how} {as_} {clause[done.end() :]}")
    given = PRESCRIBED_ME.match(clause)
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
    if NAME_FROM_SOMEWHERE.match(clause):
        return Parsed(NOBODY, clause)  # "Tom from work moved to Denver": someone at work
    let_go = LET_ME_GO.match(clause) if " me" in clause.lower() else None
    if let_go:  # "twitter laid me off today": the user's job there is over
        who = let_go.group("who")
        one_word = re.fullmatch(r"[\w&'.-]+", who) is not None
        employer = one_word and who.lower() not in NOT_AN_EMPLOYER
        by = f" by {who[:1].upper()}{who[1:]}" if employer else ""
        return Parsed(USER_SUBJECT, "got laid off" + by + clause[let_go.end() :])
    diagnosed = DOCTOR_SAYS.match(clause) or FOUND_OUT.match(clause)
    if diagnosed:  # "my doctor told me I have ADHD": the user's, as the user says it
        return parse_subject(clause[diagnosed.end() :], previous)
    dose = dose_changed(clause)
    if dose is not None:  # "doc upped my sertraline to 100mg": on sertraline 100mg
        return Parsed(USER_SUBJECT, dose)
    sent = SENT_ME.match(clause)
    if sent:  # "they're sending me to Nakuru next week": going to Nakuru next week
        return Parsed(USER_SUBJECT, f"going to {clause[sent.end() :]}")
    if _HOME_IS.match(clause):
        return Parsed(USER_SUBJECT, clause)  # "Bristol is our home now"
    if MY_FAVOURITE_IS.match(clause):
        return Parsed(USER_SUBJECT, clause)  # "Wilco is my favourite band now"
    proposal = PROPOSED_TO_ME.match(clause)
    who = proposal.group("name").lower() if proposal else ""
    if proposal and who not in RELATIONS and who not in NOT_NAMES and who not in NOT_A_SUITOR:
        # "THEO PROPOSED!!!! on the beach": engaged to Theo
        rest = clause[proposal.end() :]
        return Parsed(USER_SUBJECT, f"got engaged to {proposal.group('name')}{rest}")
    asked = ASKED_ME_OUT.match(clause)
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
    if (SOMEONE_OF.match(clause) or a_thing_of_theirs(clause)) and not _IS_MY.match(clause):
        # "Anna's husband got a job": not Anna, not the user; but "my friend Leah's
        # husband …" still says who Leah is to the user
        theirs_of = MINE_NAMED_THEN_S.match(clause)
        if theirs_of is None or theirs_of.group("name").split()[0].lower() in NOT_NAMES:
            return Parsed(NOBODY, clause)
        rel, name = theirs_of.group("rel").lower(), theirs_of.group("name")
        return Parsed(NOBODY, clause, (relation_kind(rel), rel, name))
    match = _PRONOUN.match(clause)
    if match:
        rest = spell(match.group("c"), clause[match.end() :])
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
    match = BARE_RELATION.match(clause)
    if match and told_of_bare(match, clause[match.end() :]):
        rest = clause[match.end() :]
        rest = spell_s("'s " + rest) if match.group("c") else rest
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
        bare = BARE_RELATION_NAMED.match(clause)
        if (
            bare
            and (
                # (a relative by marriage is always one's own: "BIL Fintan drives for Bus Éireann")
                (
                    bare.group("rel")[:1].isupper()
                    and bare.group("rel").lower() not in OWN_ABROAD
                    and not in_law(bare.group("rel"))
                )
                or not (OWN_KIN.match(clause) or in_law(bare.group("rel")))
                # (said short, only before news of them: not "SIL International publishes…")
                or (
                    bare.group("rel").isupper()
                    and clause[bare.end() :].split(" ", 1)[0].lower() not in SHORT_NEWS
                )
                or bare.group("name").lower() in NOT_NAMES
                or bare.group("name").lower() in ("is", "was", "has", "are", "and", "the")
                or ROLE_AFTER.match(clause[bare.end() :])
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
            thing = THEIR_THING.match("'s " + rest)
            if thing and thing.group("thing").lower() not in TYPED_FOR_S:
                thing = None  # "my kids and I moved …", "my brothers work at …": several
            if thing and thing.group("thing").lower() not in FAVOURITE:
                return Parsed(NOBODY, clause)
            if thing:
                rest = "'s " + rest  # "my sons favourite film is Cars": the son's
        # "my son's favorite movie is Cars", "my son's new teacher is Mr Brown": a thing
        # of theirs is named, not them ("my wife's name is Sarah" names her)
        thing = THEIR_THING.match(rest)
        theirs = thing is not None
        if thing and thing.group("thing").lower() not in FAVOURITE:
            return Parsed(NOBODY, clause)  # "my sister's dog Max died": the dog's news
        owned = AFTER_S.match(rest) if not theirs else None
        if owned and _owned(owned.group("rest")):
            return Parsed(NOBODY, clause)  # "my brother's flat in Leith": the flat's
        rest = spell_s(rest)
        if not name:
            lower = (
                lower_opener(rest)
                or lower_subject_of_be(rest)
                or lower_and_i(rest)
                or lower_name_has(rest)  # "my daughter isla's at oakfield primary"
            )
            # (not a doing: "my daughters getting married", typed for "daughter's")
            if (
                lower is not None
                and lower_name(lower)
                and lower not in THINGS
                and not lower.endswith("ing")
            ):
                # "my brother vikram turned 21", "my wife tasha and i": a name in lower case
                name, rest = lower.capitalize(), spell_s(rest[len(lower) :].strip())
        together = _AND_I.match(rest)
        if together:  # "my wife Sophie and I live in Bristol", "my cousin and I…": the user too
            kind = relation_kind(rel)
            after = rest[together.end() :]
            parted = PARTED_FOR_GOOD.match(after) if kind == "partner" and name else None
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
        parted = PARTED.match(rest)
        done = DONE_AS_A_COUPLE.match(rest) if not parted else None
        name = partner_named(match.group(0))
        if done and (name := name or partner_named(match.group(0), lower=True)):
            # "me and Jake are done", "Tom and I are over": parted, as "broke up" says
            return Parsed(USER_SUBJECT, f"broke up with {name}{rest[done.end() :]}")
        if not parted:
            # "Tasha and I are doing keto": the user's, as "my wife and I" is; "Marco and
            # I are official now", "rafi and i made it official": the partner too
            couple_said = _together(rest) or WEDDED.match(rest)
            # (in lower case too, a couple said: "rafi and i made it official")
            name = name or (partner_named(match.group(0), lower=True) if couple_said else None)
            partner = name if name and couple_said else None
            couple = ("partner", "partner", partner) if partner else None
            return Parsed(USER_SUBJECT, spell(None, rest), couple)
        name = name or partner_named(match.group(0), lower=True)
        if name:
            # "Tom and I split up", "Ana and I are divorced now", "chloe and i broke up":
            # the user parted from Tom, as "I broke up with Tom" says (remember ends Tom
            # only if Tom is the partner, a name typed in lower case only then: "Netflix
            # and I broke up" ends no one).
            how = parted.group(0)
            join = "from" if how.endswith(("divorced", "separated")) else "with"
            return Parsed(USER_SUBJECT, f"{how} {join} {name}{rest[parted.end() :]}")
    match = NAME_MODAL.match(clause)
    if match and told_second(lower_words(clause)[:4]):
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
            rest = spell(match.group("c"), rest)
        elif match.group("c") == "'s":
            rest = spell_s("'s " + rest)
        if match.group("rel") or match.group("prel"):
            # "Sarah, my sister, …" and "Sarah (my sister) …"
            rel = (match.group("rel") or match.group("prel")).lower()
            relation = (relation_kind(rel), rel, name)
            return Parsed(relation_subject(rel, name), rest, relation)
        # "Minho oppa": Minho, whom remember links to the relative it knows by that name
        return Parsed(Subject(name, name), rest)
    lead = LEAD_THEN_THIRD.match(clause) if previous is not None else None
    if lead and only_leads_in(lead.group("lead")):
        # "Kenji got a job! no more long distance, he starts at Sea in July": the one
        # named before (not "my gran was Rose, she'd…", "Sigrid, she's a cellist")
        clause = clause[lead.end() :]
    match = _THIRD.match(clause)
    if match:
        rest = spell_s((match.group("c") or "") + " " + clause[match.end() :])
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
    if OTHER_SUBJECT.match(clause):
        return Parsed(NOBODY, clause)  # about someone or something unnamed: keyed to no one
    full = full_name_told(clause)
    if full is not None:
        # "Wei Jie got the job at USM", "Tom Smith moved to Leeds": whom remember finds
        # the collection knows by that name, or no one ("Nana Mouskouri turned 90")
        return Parsed(Subject(UNRESOLVED_PREFIX + full, full), clause[len(full) :].strip())
    if someone_first(clause):
        return Parsed(NOBODY, clause)
    if of_another_tongue(clause):
        return Parsed(NOBODY, clause)  # "bà ngoại turned 80 today": grandma, not the user
    opener = lower_opener(clause) or lower_subject_of_be(clause)
    if opener is not None and opener in THINGS:
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


# What a note says of its subject without naming it ("Lives in Leeds. Works at Asda."):
# the user's, when nobody was named before.
_IDIOM = re.compile(r"^(?:runs in the family|goes without saying|works for me)\b", re.I)
_NOTE_VERBS = frozenset(
    """lives works speaks loves likes hates drinks eats studies teaches plays owns prefers
    enjoys starts joins moves drives runs goes attends volunteers rents cycles walks
    commutes""".split()
)
# A clause that opens with a verb of the third person, without its subject.
_THIRD_PERSON_VERB = re.compile(
    r"^(?:(?:" + "|".join(sorted(ADVERBS)) + r")\s+)*(?:" + "|".join(THIRD_PERSON_VERBS) + r")\b",
    re.I,
)
