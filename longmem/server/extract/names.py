"""Whether a word is a name: a name typed in lower case ("vikram turned 21") and not
chat's own word ("omg turned 40"), a name after "is" or "and I", a partner's or a
relation's name, a word that only looks like one before "like" ("Looks like rain"); and
the word lists who-is-who reads by (people, first person, words never a name).
"""

# ruff: noqa: E501, SIM905  (patterns and word lists read as text, one per line)
from __future__ import annotations

import re
from typing import Optional

from ..embed import STOP_WORDS
from .chitchat import INTERJECTIONS, is_chat_word
from .kin import RELATIONS
from .lexicon import ADVERBS, CLAUSE_VERBS, MODALS, MONTH_NAMES, PAST_IRREGULAR, THING_NOUNS
from .text import lower_words

# Words that are no name typed in lower case, wherever they stand: chat's ("lol", "btw"),
# days, how one is ("sick", "busy"), how many ("twins", "both").
_NOT_NAMED_AFTER = frozenset(
    """pls plz please tho though thx asap jr sr lol haha ugh btw tbh fyi idk imo omg
    christmas xmas today tomorrow tonight right again too also first sick ill home back away
    out late early busy asleep awake grown older younger both all now still off ok fine
    great good bad sad happy tired bored twins kids turning under over ages aged""".split()
)

# Words that name no one, capitalised or not: what opens a sentence ("The", "Update",
# "Monday"), feasts and days, pronouns, things one has ("Laptop", "Boiler"), prepositions
# ("At work my role is …" had been someone called At).
NOT_NAMES = (
    frozenset(
        """might must shall should would could
    the today this that these those it its our my his her their there here what when
    where why how can could would should will yes no thanks thank big first last every
    had got just switched heads tonight tomorrow yesterday oh also and but so actually
    finally anyway update news quick since after before then now still new old good
    great happy sad work home monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november
    december valentine valentines christmas xmas easter halloween thanksgiving diwali eid
    hanukkah anniversary birthday weird hi hello hey dear lots some most all both each one two three he she
    they me name paperwork persistence brexit everything everyone gonna wanna gotta
    age phone laptop computer car bike house boiler fridge freezer oven sofa couch
    mattress roof tv printer dishwasher building please pls plz you been being
    at in on for from with by to of during until about as into over under without within
    across through""".split()
    )
    | THING_NOUNS
)


# Verbs told of someone else (third person or past), not the bare forms a fragment of the
# user's own starts with ("Moving to Paris").
TOLD_VERBS = (
    frozenset(w for w in CLAUSE_VERBS if w.endswith(("s", "ed")) or w in PAST_IRREGULAR)
    - frozenset(("is", "was", "does", "has", "'s"))
) | {"quit"}  # "sarah quit her job": a past after a name


# Words for people that open a clause about them (as clauses.clauses takes them), typed
# without "my": "husband got a job", "kids started at Leeds Grammar", "sis moved to Leeds".
PERSON_WORDS = frozenset(
    (*RELATIONS, *(word + "s" for word in RELATIONS), "fiancé", "fiancée", "co-worker")
) | frozenset(
    """children parents hubby wifey bf gf sis bro bestie kiddo grandma grandpa granny
    gran nan grandparents cousin aunt auntie uncle niece nephew neighbour neighbor mate
    stepdad stepmum stepmom folks in-laws""".split()
)


FIRST_PERSON = frozenset("i i'm i've i'd i'll we we're we've we'd we'll".split())


# Words a lower-case clause opens with before a told verb that are no one's name: the
# user's own news said without "I" ("omg turned 40", "sunday moved to leeds") or someone
# unnamed ("everyone got sick").
NOT_LOWER_NAMES = (
    NOT_NAMES
    | ADVERBS
    | INTERJECTIONS
    | STOP_WORDS
    | MODALS
    | CLAUSE_VERBS
    | PERSON_WORDS
    | frozenset(
        """everyone everybody someone somebody nobody anyone anybody noone people everything
        something nothing guess apparently literally basically seriously honestly sooo
        weekend morning evening afternoon night week month year day jus jst jsut juat
        finaly finnaly offically officialy weve ive youve theyve prolly probs def defo
        deffo rly srsly gonna wanna gotta mood kinda sorta tmrw tmr yday tonite fam
        trip holiday party wedding plan plans meeting interview match game gig concert
        flight move deal event appointment exam test visit dinner lunch date""".split()
    )
)


_REPEATED_LETTER = re.compile(r"(.)\1\1")


# Names that are also words of the lists above, before a told verb a name all the same.
_NAMES_AS_WORDS = MODALS | frozenset(
    "rose hope drew grace joy faith chase ray april june august".split()
)


# Names that end as an adverb does ("eventually", "luckily").
_LY_NAMES = frozenset(
    """emily lily lilly holly kelly molly sally ally polly shelly beverly kimberly billy
    tilly milly dolly nelly carly elly""".split()
)


def _name_like(word: str) -> bool:
    """Whether a word may be a name at all: not "Luckily", not "Sooo", "finallyyy"."""
    return _REPEATED_LETTER.search(word) is None and (not word.endswith("ly") or word in _LY_NAMES)


# What a name is like, not a name: "my sister's name is private", "my boss's name is
# irrelevant", "his name is mud".
_NAME_IS_LIKE = frozenset(
    """private secret irrelevant unknown long short weird odd funny cute pretty hard
    difficult easy mud pending tbd tbc embarrassing unusual common rare classic boring
    complicated normal different special confusing interesting annoying""".split()
)


_LIKE_SUFFIXES = ("ous", "ful", "less", "able", "ible")


def a_name_said(word: str) -> bool:
    """Whether a lower-case word after "name is" or "called" is a name."""
    return a_lower_name(word) and word not in _NAME_IS_LIKE and not word.endswith(_LIKE_SUFFIXES)


# Words that are no one by name, capitalised or shouted before a verb: "SOMEONE PROPOSED
# AT MY WORK", "Babe proposed!!!".
NO_ONE_BY_NAME = frozenset(
    "someone somebody everyone everybody nobody babe baby bae hun honey".split()
)


def a_lower_name(word: str) -> bool:
    """Whether a word typed in lower case reads as a name ("jake", not "are", "under")."""
    return lower_name(word) and word not in STOP_WORDS and word not in _NOT_NAMED_AFTER


def lower_name(word: str) -> bool:
    """Whether a lower-case word before a told verb reads as someone's name."""
    if word in _NAMES_AS_WORDS:
        return True  # "may turned 30", "will moved to mumbai": a modal takes no past
    return (
        len(word) > 1
        and word not in NOT_LOWER_NAMES
        and not is_chat_word(word)
        and _name_like(word)
    )


# "tom is vegan now", "maria was 30 last week", "leo is four": what follows "is" is never
# the user's without "I" ("is vegan now" is no one's way of saying "I'm vegan now").
_SAID_OF_SOMEONE = (
    r"(?=\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)\b(?!\s+(?:of|times|hours?|"
    r"minutes?|mins?|days?|weeks?|months?|years?\s+(?!old)|o['’]clock|stops?|miles?|km)\b)|"
    r"(?:a|an|married|engaged|single|pregnant|retired|divorced|vegan|vegetarian|"
    r"pescatarian|in|at|from|based|living|moving|working|back|off|allergic|intolerant|"
    r"diabetic|coeliac|celiac|asthmatic|lactose|gluten)\b)"
)
_BE_AFTER_WORD = re.compile(
    r"^([a-z]+)\s+(?:is|was|has been)\s+(?:now\s+|still\s+|officially\s+)?" + _SAID_OF_SOMEONE
)
# "anna's gone pescatarian", "gwen's got a new number", "zoe's in melbourne now": the
# "'s" of a name typed in lower case that is "has" before a participle, or "is" before
# what "is" says of someone.
_NAME_HAS_OR_IS = re.compile(
    r"^([a-z]+)['’]s\s+(?:just\s+|finally\s+|now\s+|officially\s+|actually\s+)?"
    r"(?:(?:gone|got|taken|moved|started|left|become|been|emigrated|switched|changed|"
    r"joined|quit|bought|sold|finished|passed|retired|turned|split|broken|landed|"
    r"graduated|relocated|signed|handed|swapped|settled|first\s+(?:day|week)|last\s+day)\b|"
    + _SAID_OF_SOMEONE
    + ")"
)


# "jake's favorite band is muse": a name typed in lower case, whose favourite it is.
LOWER_NAMES_FAVORITE = re.compile(r"^([a-z]+)'s\s+(?:favou?rite|fave|fav)\b")


def lower_and_i(clause: str) -> Optional[str]:
    match = re.match(r"([a-z]+)\s+and\s+(?:i|we)\b", clause, re.I)
    return match.group(1) if match else None


# A lower-case word with who they are said in brackets after it: "chloe (my new gf) is
# vegan", "chloe (been seeing her about 2 months now) is vegan".
_NAME_THEN_WHO = re.compile(
    r"^([a-z]+)\s+\((?:my|our|been\s+seeing|dating|she|he|she's|he's|she\s+is|he\s+is)\b[^()]*\)"
)


def lower_name_has(clause: str) -> Optional[str]:
    """The word before the "'s" of "anna's gone pescatarian" when it reads as a name
    typed in lower case (not a relative's word, nor a thing's: "work's gone mad"), or
    before who they are, in brackets ("chloe (my gf) is vegan")."""
    match = _NAME_HAS_OR_IS.match(clause) or _NAME_THEN_WHO.match(clause)
    if match is None:
        return None
    word = match.group(1)
    if word in RELATIONS or word in NOT_NAMES or word in NO_ONE_BY_NAME or not a_lower_name(word):
        return None
    return word


def lower_subject_of_be(clause: str) -> Optional[str]:
    match = _BE_AFTER_WORD.match(clause)
    if match is None or FIRST_PERSON & set(lower_words(clause)):
        return None
    return match.group(1)


# Names that are also modals or months ("our son Can", "my daughter May", "my sister
# June"): after a relation word, a name where a verb of the person follows.
_WORD_NAMES = MODALS | frozenset(MONTH_NAMES)


def relation_name(name: str, rest: str) -> bool:
    """Whether the capitalised word after a relation word is the relative's name: "my
    son Can is 1", "my daughter May turned 5", not "my husband Tonight…" or "my
    husband Will be late"."""
    first = name.split()[0].lower()
    if first not in NOT_NAMES:
        return True
    if first not in _WORD_NAMES:
        return False
    following = [w for w in lower_words(rest)[:3] if w not in ADVERBS]
    return bool(following) and (following[0] in TOLD_VERBS or following[0] in ("is", "was", "has"))


# Words for someone beside the user that are no one's name, NOT_NAMES and RELATIONS
# aside (they hold "bf", "gf", "bae"…): "Him and I", "Babe and I".
_NO_PARTNER_NAMED = frozenset("him them we us babe hun hon love".split())


def partner_named(together: str, lower: bool = False) -> Optional[str]:
    """The one named beside the user in "Tom and I ", "me & Tom ": a capitalised name
    (or, ``lower``, one typed in lower case, capitalised)."""
    words = [w for w in together.split() if w.lower() not in ("and", "&", "i", "me")]
    name = words[0] if words else ""
    if name.lower() in RELATIONS or name.lower() in _NO_PARTNER_NAMED:
        return None  # "Hubby and I", "Mum and I", "Him and I": no one named
    if name[:1].isupper() and name.lower() not in NOT_NAMES and _name_like(name.lower()):
        return name
    if lower and a_lower_name(name) and name not in NOT_NAMES and _name_like(name):
        return name.capitalize()
    return None


def is_name(name: str, rest: str, contraction: Optional[str]) -> bool:
    first = name.split()[0]
    if first.lower() in NOT_NAMES or is_chat_word(first) or not _name_like(first.lower()):
        return False
    if contraction:
        return True
    following = [w for w in lower_words(rest)[:3] if w not in ADVERBS]
    if following[:1] == ["like"]:
        if first.lower() in _SEEMS:
            return False  # "Smells like burnt toast", "Sounds like married life suits you"
        if filler_like(rest):
            return True  # "Sarah like totally got engaged": chat's "like" before her verb
        # One name takes "likes": a bare "like" after a word of how it seems, or before
        # "a", compares ("Looks like rain", "Sounds like a plan", "Nerves like a new boy")
        # and tells no one's taste ("Tom like pizza" is his, as chat types it)
        return lower_words(rest)[1:2] not in (["a"], ["an"], ["the"])
    return bool(following) and (
        following[0] in CLAUSE_VERBS
        or following[0].endswith("ed")
        or following[0] == "got"
        # "Tom says he moved to Leeds" is Tom's news; "Doctor says I'm allergic" is not his
        or (following[0] in _SAYS_VERBS and not FIRST_PERSON & set(lower_words(rest)))
    )


_SAYS_VERBS = frozenset(("says", "said", "thinks", "reckons", "told"))


# Words of how something seems, before "like": "Looks like rain", "Feels like home".
_SEEMS = frozenset(
    """looks looked sounds sounded seems seemed feels felt smells smelled smelt tastes
    tasted""".split()
)


# Chat's fillers between "like" and a verb: "like totally", "like so", "like lowkey".
_LIKE_FILLERS = frozenset(
    """so lowkey highkey legit literally totally actually just really kinda basically
    honestly lol""".split()
)


def filler_like(rest: str) -> bool:
    """Whether ``rest`` opens with chat's filler "like" before a told verb ("like totally
    got engaged", "like moved to Paris"), not a liking ("like fried chicken")."""
    words = lower_words(rest)[:6]
    if words[:1] != ["like"]:
        return False
    after = [w for w in words[1:] if w not in _LIKE_FILLERS and w not in ADVERBS]
    return bool(after) and (after[0] in TOLD_VERBS or after[0] == "got")
