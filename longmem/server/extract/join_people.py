"""The user's people at a join of a sentence (``clauses.py`` splits it there): whether
the right side opens with one of them, their own clause ("(I live in Leeds,) husband is
vegan", "(Linda left,) new boss is Greg", "(…,) josh got a job"), and whom the left side
is about, whose subject a verb after the join takes ("Tom quit Acme, joined Google", "my
sister is 30 and living in Leeds").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from typing import Optional

from ..embed import STOP_WORDS
from .kin import RELATIONS
from .lexicon import ADVERBS, CLAUSE_VERBS, PAST_IRREGULAR, THING_NOUNS, words
from .text import lower_words


def one_of_them_told(text: str, people: Collection[str]) -> bool:
    """Whether ``text`` opens with a word for one of the user's people, no "my", then
    their verb: "(I live in Leeds,) husband is vegan", "(…,) gf's vegetarian", "(…,)
    wife works nights", "(…,) hubby just started at Amazon", "(…,) kids are vegan", "(…,)
    the missus is pescatarian", "(…,) mum and dad are vegan" — their clause, not more of
    the user's."""
    opened = _ONE_OF_THEM.match(text.strip())
    if opened is None:
        return False
    who = [w.lower() for w in (opened.group("who"), opened.group("and")) if w]
    if not all(w in people or w in _CALLED_SO for w in who):
        return False
    verb = (opened.group("verb") or "").lower()
    if not verb:
        return True  # "gf's vegetarian"
    if verb in ADVERBS:
        return False  # more than two adverbs: not read so
    # a verb said of them: "is", "works", "wanted", "got" (not "bro help me": an address);
    # of more than one, "are", "have", "love" ("kids are vegan", "mum and dad love it")
    many = len(who) > 1 or (who[0].endswith("s") and who[0] not in _ONE_CALLED_S)
    return verb in CLAUSE_VERBS and (
        verb.endswith("s")
        or verb.endswith("ed")
        or verb in PAST_IRREGULAR
        or (many and verb not in ("am", "was"))
    )


_THEIR_ADVERB = (
    r"(?:just|finally|also|both|all|now|recently|still|already|officially|literally|actually|"
    r"basically|really)"
)
# A word for a person (two, joined by "and"), "the" before it or not, then "'s" or a
# word after at most two adverbs: "gf's vegetarian", "wife works nights", "hubby just
# started", "the missus is", "mum and dad are".
_ONE_OF_THEM = re.compile(
    r"(?P<the>the\s+)?(?P<who>[a-z]+)(?:\s+(?:and|&)\s+(?:the\s+)?(?P<and>[a-z]+))?"
    # "'s" only without "the" ("(I have a cat,) the neighbour's technically" is whose)
    r"(?:(?(the)(?!)|['’]s\s)|(?:\s+" + _THEIR_ADVERB + r"){0,2}\s+(?P<verb>[a-z]+)\b)",
    re.I,
)
# Words for a partner chat uses without "my" that are not in the relation words, and
# words for one person that end in "s".
_CALLED_SO = frozenset(("missus", "missis", "hubs", "wifey"))
_ONE_CALLED_S = frozenset(("hubs", "missus", "missis", "boss", "sis"))


def new_one_named(text: str, people: Collection[str]) -> bool:
    """Whether ``text`` names someone new of the user's: "(Linda left,) new boss is Greg"."""
    found = lower_words(text)[:3]
    return found[:1] == ["new"] and found[1:2] != [] and found[1] in people and found[2:] == ["is"]


def named_and_past(text: str, named: Callable[[str], bool]) -> bool:
    """Whether ``text`` opens with a name typed in lower case, then a verb in the past."""
    found = lower_words(text)[:2]
    return (
        len(found) == 2
        and text[:1].islower()
        and (found[1] in PAST_IRREGULAR or (found[1].endswith("ed") and found[1] in CLAUSE_VERBS))
        and found[0] not in STOP_WORDS
        and found[0] not in ADVERBS
        and named(found[0])
    )


# Who the clause before a comma is about, when the verb after it is theirs too: "my
# sister, married last year, moved…", "Tom quit Acme, joined Google", "Mum retired,
# moved…"; not "My lease ended, moved…", "Visa came through, moved…" (the user's).
# (a relative by marriage spaced is one: "my brother in law works at Ford and lives in Derby")
_OWNED = re.compile(
    r"^(?:my|our|his|her|their)\s+(?P<rel>[\w'-]+(?:\s+in\s+law\b)?)(?:\s+(?-i:[A-Z])[\w'-]+)?",
    re.I,
)
_BARE = re.compile(
    r"^(?P<who>[\w'-]+(?:\s+and\s+[\w'-]+)?)\s+(?:(?:just|finally|still|also)\s+)?(?P<verb>[\w'-]+)",
    re.I,
)
# What a person does; not what happens to a thing ("ended", "came through", "went well").
_PERSON_VERBS = words(
    """quit left joined got retired turned moved married sold bought graduated said called
    took lost started works lives says told signed resigned"""
)
_EVENT_VERBS = words(
    """ended finished changed happened arrived approved accepted cleared wrapped expired
    failed folded sucked faded piled"""
)
# Someone's who is someone all the same: "Our landlord sold the flat, moved to Spain";
# or a group of people: "Our company got bought, moved to Austin" (not the user).
_PERSON_NOUNS = words(
    """landlord landlady neighbour neighbor doctor doc teacher boss coach vet nurse tutor
    cleaner builder plumber company team office firm school class band club"""
)
# Words that open a clause without naming anyone (built once, not per clause).
_NOT_A_PERSON = STOP_WORDS | THING_NOUNS
_EVENT_NOUNS = THING_NOUNS | words("baby year summer job")  # "Summer" is a name as well


_IS = re.compile(r"\s+is\b")


def one_of_mine(left: str, people: Collection[str]) -> Optional[str]:
    """The one relative of the user's ``left`` opens with and says "is" of: "my sister"
    of "my sister is 30" (not "my parents are…", "my flat is…")."""
    owned = _OWNED.match(left)
    if owned is None or owned.group("rel").lower() not in people:
        return None
    return owned.group(0) if _IS.match(left, owned.end()) else None


def person_of(left: str, people: Collection[str], right: str = "") -> Optional[str]:
    if _DIED.search(left):
        return None  # "Dad died, moved back home to York": the one who moved is the user
    owned = _OWNED.match(left)
    if owned:
        rel = owned.group("rel").lower().split()[0]
        person = rel in people or rel.rstrip("s") in people or rel in _PERSON_NOUNS
        return owned.group(0) if person else None
    bare = _BARE.match(left)
    if bare is None:
        return None
    who = bare.group("who")
    if who.lower() in _EVENT_NOUNS or who.lower() in _NO_ONE_BUT_A_VERB:
        return None  # (not "was" of "was hired as a nurse …, left in 2023")
    verb = bare.group("verb").lower()
    # "Germaine finished her masters, got a job…": a name does what things also do, said
    # of her own (not "Masters finished and moved to Berlin")
    named = (
        who[:1].isupper()
        and who.lower() not in _NOT_A_PERSON
        and re.search(r"\b(?:her|his|their)\b", left, re.I) is not None
    )
    done = verb in _PERSON_VERBS or (verb.endswith("ed") and (named or verb not in _EVENT_VERBS))
    # "Priya is a nurse and lives in Bath", "Tom is 12 and has kidney disease": a name,
    # what a person is, then what a person does (the rest had been lost); not "Leeds is
    # lovely and has great pubs", "Jordan is hot and has amazing food", "Radiohead is my
    # fav band and has been forever"
    done = done or (
        verb in ("is", "was")
        and who[:1].isupper()
        and " " not in who
        and who.lower() not in _NOT_A_PERSON
        and _A_PERSON_IS.fullmatch(left[bare.end() :]) is not None
        and _A_PERSON_DOES.match(right) is not None
    )
    return who if who.lower() in people or done else None


# What a person is, said after "is": an age, one thing they are ("a nurse", "a good
# lad"), one of the user's ("my boss"), or how a person is married, fed or working.
_A_PERSON_IS = re.compile(
    r"\s+(?:\d{1,3}|an?\s+[\w-]+(?:\s+[\w-]+)?|(?:my|our)\s+(?:[\w-]+\s+)?(?:"
    + "|".join(sorted(RELATIONS, key=len, reverse=True))
    + r")|married|single|engaged|divorced|separated|widowed|pregnant|retired|vegan|"
    r"vegetarian|pescatarian|unemployed|self-employed)\s*",
    re.I,
)
# What a person does, said after "and" with no subject: "lives in Bath", "has asthma"
# (not "has been": "… and has been for years").
_A_PERSON_DOES = re.compile(
    r"(?:(?:also|still|now|just)\s+)?(?:lives|works|has(?!\s+been)|studies|teaches|loves|"
    r"hates|likes|moved|started|got|runs|owns|goes|plays|speaks)\b",
    re.I,
)


_DIED = re.compile(r"\b(?:died|passed away|passed on)\b", re.I)
_NO_ONE_BUT_A_VERB = words("was were is are am be been had has have did got get gets")
