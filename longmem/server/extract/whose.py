"""What a "'s" after a clause's subject is: whose, or "is" / "has".

Whose: a person of someone's ("Anna's husband got a job", "my sister's new boss") or a
thing of theirs ("Anna's flat in Vienna has a balcony", "my son's teacher is great", "my
sister's dog Max died", "Kenji's condo in Bukit Timah"), news of no one the rules key:
the clause's subject is then no one (subjects.py). "is" or "has" ("Anna's back in Leeds",
"Lachlan's quit the mines", "Lachlan's married"): spelled out, as the other contractions
after a subject are ("'m" → "am", "'ve" → "have": ``spell``, ``spell_s``).
"""

# ruff: noqa: E501, SIM905  (patterns and word lists read as text, one per line)
from __future__ import annotations

import re
from typing import Optional

from .kin import NAME as _NAME
from .kin import QUALIFIERS as _QUALIFIERS
from .kin import REL as _REL
from .lexicon import ADVERBS, CLAUSE_VERBS, PAST_IRREGULAR
from .names import PERSON_WORDS
from .text import lower_words

# fmt: off
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
SOMEONE_OF = re.compile(
    r"^(?:(?i:(?:(?:my|our)\s+)?" + _QUALIFIERS + r"(?:" + _REL + r"))(?:\s+" + _NAME + r")?|"
    + _NAME + r")'s\s+(?i:" + _QUALIFIERS + r"(?:(?:" + _REL + r")s?\b|(?!(?:"
    + "|".join(sorted(_NOT_A_THING, key=len, reverse=True))
    + r")\b)[a-z]+\s+(?:" + "|".join(_THING_VERBS.split()) + r")\b))"
)
# One of the user's by relation and name, then something of theirs: "my friend Leah's".
MINE_NAMED_THEN_S = re.compile(
    r"^(?i:(?:my|our)\s+" + _QUALIFIERS + r"(?P<rel>" + _REL + r"))\s+(?P<name>(?-i:[A-Z])[a-z]+)['’]s\s"
)
# A name's "'s" and the words that follow it, to the end of the clause.
_S_THEN_REST = r"\s*['’]s\s+(?P<rest>[^,;:!?()—–]*)"
AFTER_S = re.compile(r"^" + _S_THEN_REST)
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


def a_thing_of_theirs(clause: str) -> bool:
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


# What one is, after "'s" ("my husband's vegan and hates cooking"): no thing of theirs.
_STATES = (
    "vegan|vegetarian|pescatarian|allergic|diabetic|coeliac|celiac|pregnant|married|single|"
    "divorced|engaged|separated|retired|sick|ill|unwell|fine|ok|okay|happy|sad|tired|busy|"
    "broke|free|late|early|obsessed|autistic|dyslexic|asthmatic|epileptic|bipolar|vegetarian"
)
# A thing of theirs and what it does: "'s dog Max died", "'s new job at the bakery is
# going well", "'s favorite movie is Cars"; not "'s a vegan", "'s from Leeds", "'s
# vegetarian so we share", where "'s" is "is" or "has".
FAVOURITE = frozenset(("favorite", "favourite", "fave", "fav"))
# A person or a thing of someone's after a relation typed with "s" for "'s": "my sisters
# boyfriend", "my sons teacher", "my daughters dog".
TYPED_FOR_S = (
    PERSON_WORDS
    | FAVOURITE
    | frozenset(
        """dog cat puppy kitten car house flat room school class uni job team teacher
        dentist doctor coach nursery wedding party birthday bday name bike phone friend
        friends mate mates ex""".split()
    )
)
THEIR_THING = re.compile(
    r"^\s*['’]s\s+(?!(?:"
    + "|".join(sorted(_NOT_A_THING, key=len, reverse=True))
    # not a state or a doing ("'s vegan and hates cooking", "'s moving to Denver and starts
    # at CU", "'s allergic to peanuts and has an epipen"): "'s" is "is" there
    + r")\b)(?P<thing>(?![a-z]+(?:ing|ed)\b)(?!(?:" + _STATES + r")\b)[a-z][\w-]*)(?:\s+[\w-]+){0,4}?\s+(?:"
    + "|".join(_THING_VERBS.split())
    + r"|speaks|likes|wants|makes|takes|goes|comes|runs)\b",
    re.I,
)
# fmt: on

_CONTRACTIONS = {"'m": "am ", "'re": "are ", "'ve": "have ", "'d": "would ", "'ll": "will "}
# Verbs of the third person, present: what a clause without its subject opens with
# (subjects._THIRD_PERSON_VERB), and a verb after "'s" and an adverb (spell_s).
THIRD_PERSON_VERBS = sorted(
    ({"says"} | {verb for verb in CLAUSE_VERBS if verb.endswith("s")})
    - {"is", "has", "was", "does"}
)
_THIRD_PERSON = frozenset(THIRD_PERSON_VERBS)


def spell(contraction: Optional[str], rest: str) -> str:
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


def spell_s(rest: str) -> str:
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
