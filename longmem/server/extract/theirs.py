"""The signs that a clause is someone else's news, not the user's, by who or what opens
it: a word for a person or a thing ("husband got a job", "kids are vegan", "my dog turned
5", "my neighbour Dave has a cat"), someone known from somewhere ("Tom from work moved to
Denver"), by initials ("JP started at Telstra"), in another language ("bà ngoại turned
80"), or someone unnamed ("The kids moved…", "one of my friends is vegan"): its subject is
then no one (subjects.py). A person or thing of someone's, after a "'s" ("Anna's husband
moved"), is whose.py's.

Also who else may open a clause: a first name and a surname ("Tom Smith moved…",
``full_name_told``), whom remember looks up; the word a clause typed in lower case opens
with, then a told verb ("bob turned 31", ``lower_opener``), a name the collection may know
that the rules alone cannot tell from chat ("omg turned 40"); and the pet a clause opens
with by name (``pet_named``).
"""

# ruff: noqa: SIM905  (word lists read as text)
from __future__ import annotations

import re
from itertools import takewhile
from typing import Optional

from ..embed import STOP_WORDS
from .checks import USERS_OWN
from .kin import IN_LAW_HEAD, RELATIONS
from .lexicon import ADVERBS, MODALS, PET_WORDS
from .names import FIRST_PERSON, NOT_LOWER_NAMES, NOT_NAMES, PERSON_WORDS, TOLD_VERBS
from .rules_personal import named_pet
from .text import lower_words

# Who or what opens a clause about someone other than the user, unnamed or not alone ("The
# kids moved…", "his boss…", "Tom and Anna…", "one of my friends is vegan"): no one's.
OTHER_SUBJECT = re.compile(
    r"^(?:(?:the|his|her|their|your|this|that|these|those|it|its|he|she|they|"
    r"everyone|everybody|someone|somebody|nobody|people|doctor|mum|dad)\b|[A-Z][a-z]+\s+(?:and|&)\s|"
    # some of the user's people: "one of my friends is vegan", "both my kids are…", "a
    # student of mine moved to Leeds"
    r"(?:one|some|most|all|both|none|neither|either|each|many|several|a few|a couple|two|"
    r"three|four|half)\s+(?:of\s+)?(?:my|our|the)\b|(?:a|an|some|one)\s+[\w-]+\s+of\s+(?:mine|ours)\b|"
    # the user's people taken together: "my parents Anne and Bob moved to Spain"
    r"(?:my|our)\s+(?:parents|grandparents|folks|in-laws|inlaws)\b(?!\s+(?:and|&)\s+(?:I|me)\b)|"
    # … and those by marriage the rules did not read as one ("my sisters-in-law moved",
    # "my brother in law enforcement moved to Texas"; without "my": bare._IN_LAWS)
    r"(?:my|our)\s+" + IN_LAW_HEAD + r"s?[-\s]in[-\s]laws?\b(?!\s+(?:and|&)\s+(?:I|me)\b)|"
    # … said without "my": "both kids are allergic to peanuts", "all three boys"
    r"(?:both|all(?:\s+(?:two|three|four|five|six))?)\s+(?:(?:little|older|younger|grown|teenage)\s+)?"
    r"(?:kids|children|boys|girls|twins|sons|daughters|parents|grandparents|sisters|brothers)\b)",
    re.I,
)
# Someone by where the user knows them from: "Tom from work", "Jess at the gym", "Dave
# in accounts" (not the user, whatever the user is called).
NAME_FROM_SOMEWHERE = re.compile(
    r"^(?-i:[A-Z])[\w'-]+\s+(?:from|at|in)\s+(?:work|the\s+(?:office|gym|pub|club|team|lab|"
    r"shop|studio|band|choir|church|school|uni|climbing\s+wall)|school|uni|college|church|"
    r"accounts|sales|marketing|hr|finance|legal|ops|engineering|my\s+(?:team|office|class|"
    r"building|gym|book\s+club|running\s+club))\s+(?:[\w-]+\s+){0,2}?"
    r"(?:is|was|has|had|got|moved|started|turned|quit|left|joined|lives|works|went|just|"
    r"finally|said)\b",
    re.I,
)


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
NAME_MODAL = re.compile(r"^(?:Can|May|Will|April|June|August)\b(?!')")
_MODAL_NAME = re.compile(r"^(?:" + "|".join(sorted(m.capitalize() for m in MODALS)) + r")\b")


def full_name_told(clause: str) -> Optional[str]:
    """The first name and surname a clause opens with, then what they did or are ("Tom
    Smith moved…", "Ed Sheeran is married"); None for any other opening."""
    full = _FULL_NAME_FIRST.match(clause)
    words = lower_words(clause)
    if full is None or words[0] in NOT_NAMES or words[0] in PERSON_WORDS or words[0] in RELATIONS:
        return None
    told = told_second(words[1:5]) or words[2:3] in (["is"], ["was"], ["has"])
    return full.group(0).strip() if told else None


def someone_first(clause: str) -> bool:
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
            and words[1] in THINGS | PET_WORDS
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
            if after[:1] in (["is"], ["was"], ["has"], ["s"]) or told_second(["", *after[:4]]):
                return True
            if after[:1] == ["from"] and any(
                told_second(["", *after[at : at + 4]]) or after[at : at + 1] in (["is"], ["was"])
                for at in (2, 3)
            ):
                return True  # "our lad Tom from accounts turned 21" (had been the user's age)
        return _THINGS_AGE.match(clause) is not None or told_second(words[1:5])
    named = _NAME_THEN_PERSON.match(clause)
    if named and named.group("who").lower() in PEOPLE_OF_MINE:
        return True  # "Dave, my neighbour, is vegan", "Dave (my neighbour) is married"
    from_ = _NAME_FROM.match(clause) or _LOWER_NAME_FROM.match(clause)
    if from_ and words[0] not in NOT_NAMES and not _NOT_A_NAME_FROM.match(words[0]):
        # "Julien from accounting moved to Marseille", "Sarah from uni is vegan now": theirs
        after = lower_words(clause[from_.end() :])
        # (one more word of where they are from: "Sarah from my old job moved to Leeds")
        return any(
            told_second(["", *after[at : at + 4]])
            or after[at : at + 1] in (["is"], ["was"], ["has"])
            for at in (0, 1)
        )
    if _INITIALS.match(clause) and words[0] not in _CAPS_NO_ONE and told_second(words[:4]):
        return True  # "JP started at Telstra", "AJ moved to Leeds": someone by initials
    if not ((words[:1] and words[0] in PERSON_WORDS) or _MODAL_NAME.match(clause)):
        return False
    # "bf is vegan now", "husband is a nurse": theirs as much as "husband got a job";
    # "kids are vegan", "parents have a dog"
    people_is = words[0] in PERSON_WORDS and words[1:2] != [] and words[1] in _BE_OR_HAVE
    return people_is or told_second(words[:4])


def pet_named(clause: str) -> Optional[str]:
    """The pet a clause opens with by name ("my dog Max is 7"), as a ``pets`` value."""
    return named_pet(clause, NOT_LOWER_NAMES)


# Words of emphasis before a verb, skipped as adverbs are: "hubby literally just got…".
_HEDGES = frozenset(("literally", "basically", "honestly", "totally", "seriously"))


def told_second(words: list[str]) -> bool:
    """Whether the word after the first (adverbs aside) is a told verb: "bob turned…",
    "hubby literally just got…"."""
    following = [w for w in words[1:] if w not in ADVERBS and w not in _HEDGES]
    # Any past in -ed too: "our company relocated to Austin", "vikram graduated in May".
    past = bool(following) and len(following[0]) > 4 and following[0].endswith("ed")
    return bool(following) and (
        following[0] in TOLD_VERBS
        or (past and not following[0].endswith("eed") and following[0] not in _EVENTS_DO)
    )


# Pasts an event has, not someone: "reorg happened", "layoffs occurred".
_EVENTS_DO = frozenset(("happened", "occurred", "ensued", "transpired"))


def of_another_tongue(clause: str) -> bool:
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
            and told_second(["", *lower_words(rest)])
        ):
            return True
    return False


def lower_opener(clause: str) -> Optional[str]:
    """The word a clause opens with when it is typed in lower case and followed by a
    told verb ("bob turned 31"): the name of someone the collection may know, which the
    rules alone cannot tell from chat ("omg turned 40"); None otherwise."""
    match = re.match(r"([a-z]+)\b(?!['’])", clause)  # not "isn't", "wasn't"
    words = lower_words(clause)
    if match is None or not told_second(words[:4]):
        return None
    # "bob said i turned 31": the user is a subject of the clause too; not of what a
    # subordinate clause after it tells ("isla starts at st brigid's since we moved").
    main = list(takewhile(lambda word: word not in _SUBORDINATORS, words))
    return None if FIRST_PERSON & set(main) else match.group(1)


# Words that open a subordinate clause: a first person after one is not a subject of the
# clause before it.
_SUBORDINATORS = frozenset(
    "since because cos coz cause when after before until till while whilst".split()
)


# Things and people unnamed that open a clause about them: "dog turned 5", "landlord says
# the rent is going up", "doc moved to another practice".
THINGS = frozenset(
    """dog dogs cat cats puppy kitten car house flat apartment school class uni job team
    company office landlord landlady doctor doc vet teacher neighbour neighbor plan plans
    wedding party rent bus train flight weather life phone laptop gym shop store
    restaurant café cafe band club firm mine ours yours tea coffee food lunch dinner
    breakfast meeting parking hq stuff project order package parcel boy girl boys girls
    twins""".split()
)


# Words for what a name after them names, not someone: "our flat Arroios", "my cat Biscuit".
_NOT_SOMEONE = (THINGS | PET_WORDS) - PEOPLE_OF_MINE
_BE_OR_HAVE = frozenset(("is", "was", "has", "s", "are", "were", "have"))
