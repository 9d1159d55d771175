"""The words and times the extractor's modules share: the user as the facts name them
(``SUBJECT``, and ``UNRESOLVED_PREFIX`` before a subject not yet settled), months and
weekdays as typed and the patterns that find them, the verbs a clause is known by
(``COMMON_VERBS``, ``CLAUSE_VERBS``, ``PAST_IRREGULAR``, ``MODALS``), adverbs and chat's
laughter, negation and a hedge ("might", "thinking of"), and the pattern pieces several
modules' rules are built from: a trip on its way (``TRIP_TO``), a job left and when
(``A_TIME_LEFT``, ``LEFT_WHEN_SAID``), a job begun (``JOB_BEGUN``, ``SETTLED``), a
reason, words that are no name and things that are no one, and the kinds of pet
(``PET_KIND``, ``PET_WORDS``; the animal each is, ``PET_ANIMAL``; the nouns a pet's word
may only describe, ``PET_THINGS``); and the pieces the key rules of every family read
(rules.py, rules_*.py; keys.py too): adverbs before a verb (``ADV``), words before a done
thing (``GONE``), being (``BE``), a rule's value (``V``), and days, months and holidays
capitalised, which name no place and no one (``DATE_WORDS``, ``NOT_A_NAME_WORD``).

``clauses.py`` and ``third_person.py`` read them to split a sentence into clauses and to
put a clause in the third person; ``chat.py``, ``subjects.py``, ``rules.py``, ``keys.py``,
``when.py`` and the rest read the same lists, so that one list serves all. Nothing here is
imported from the package's other modules.
"""

# ruff: noqa: SIM905  (word lists read as text)
from __future__ import annotations

import re
from typing import Optional

SUBJECT = "User"
# A subject the extractor cannot settle, remember may from what the collection knows: a
# pronoun with no one named before it in the message ("~she"), a full name said first
# ("~Wei Jie": the husband known by it, or anyone's — a singer's — and then no one's).
UNRESOLVED_PREFIX = "~"
# A pronoun subject's own: "She" → "Her hobbies include running" (wording.py; relate/
# whose.py puts the one it is back: "User's wife Ana's hobbies…").
POSSESSIVE = {"She": "Her", "He": "His", "They": "Their"}


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


MONTHS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
MONTH_NAMES = (
    "january february march april may june july august september october november december"
).split()
MONTHS.update({name: number for number, name in enumerate(MONTH_NAMES, 1)})
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# Skipped between "I" and its verb.
# Chat's laughter, a word of it: "lol", "lolol", "lmao", "hahaha", "hehe", "xD", 😂.
LAUGHTER = r"(?:(?:lo+l(?:ol)*|lmf?ao+|rofl|(?:ha){2,}h?|(?:he){2,}h?|xd)\b|😂|🤣)"

ADVERBS = words(
    """also really still usually always never often sometimes just actually mostly
    generally now currently definitely absolutely totally truly rarely seldom even only
    already recently finally probably certainly mainly kinda sorta almost hardly ever
    too then officially"""
)

PAST_IRREGULAR = words(
    """was were had did went came saw met made got took gave bought brought thought told
    said ate drank ran wrote left felt kept slept lost found heard knew grew flew drove
    rode sang swam began won wore spoke broke chose forgot sold sent spent built taught
    caught fought stood understood sat paid laid meant became held led fell hid rose
    woke threw struck stuck dug shook bit lit fed fled dealt dreamt learnt burnt
    forgave withdrew overtook outgrew undertook tore swore bore been"""
)
MODALS = words("can cannot could will would shall should may might must ought")
COMMON_VERBS = words(
    """live work like love prefer enjoy hate dislike want need study teach
    play speak know own drive run go eat drink cook read write watch use make take visit
    travel move plan think feel get keep stay come leave start stop try help call buy pay
    sell share sleep wake walk swim listen hope believe remember forget miss wear grow
    learn build rent join switch quit turn become adopt marry date"""
)
CLAUSE_VERBS = (
    COMMON_VERBS
    | frozenset(v + "s" for v in COMMON_VERBS)
    | frozenset(v + "es" for v in COMMON_VERBS if v.endswith(("ch", "sh", "ss", "x", "o")))
    | frozenset(v + "ed" for v in COMMON_VERBS)
    | words("moved lived worked started joined switched turned liked loved married adopted died")
    | words("traded upgraded scrapped leased replaced")
    | words("goes does has have had is are am was were be been will would can could")
    | words("should shall may might must don't doesn't didn't can't won't")
    | PAST_IRREGULAR
)

WEEKDAY_RE = "|".join(WEEKDAYS)
MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
# When one left a job, said after the leaving: "in March", "in 2019", "two weeks ago",
# "recently" (and "last year" …, which the endings read already) …
A_TIME_LEFT = (
    r"(?:in\s+(?:" + MONTH_RE + r"|(?:19|20)\d\d)|recently|(?:a|an|one|two|three|four|five|six|"
    r"a\s+few|a\s+couple\s+of|\d+)\s+(?:years?|months?|weeks?|days?)\s+ago)"
)
# … and said as the leaving's only words after it ("left last year", "quit recently").
LEFT_WHEN_SAID = (
    r"(?:last\s+(?:year|month|week|summer|spring|autumn|fall|winter|term)|" + A_TIME_LEFT + r")"
)
# News of a job begun, said beside it ("first day!!", "full time", "promoted", "new job"),
# and words that say a change is settled ("officially", "finally", "my new …"): what
# makes a job said "today" no day's work.
JOB_BEGUN = r"first\s+day|full[- ]?time|permanent|promot\w*|new\s+(?:job|role|position)"
SETTLED = r"my\s+new|officially|finally"
# Words that make a change a wish, not a plan: "might move", "thinking of moving"
# (remember's plans; search's kind arm).
HEDGED = re.compile(
    r"\b(?:maybe|perhaps|possibly|probably|hopefully|someday|if|unless|whether|might)\b", re.I
)
# … and those that do only before the value: "we might move to Leeds", not "moving to
# Leeds because we want a garden", nor "I start at Globex in May".
HEDGED_BEFORE = re.compile(
    r"\b(?:might|(?-i:may)(?!\s+\d)|could|should|would|'d|thinking|considering|want|wants|"
    r"wanted|wanna|hope|hoping|dream|dreaming|wish)\b",
    re.I,
)
# What a sentence that only supposes opens with: "if I get the job…", "assuming the transfer
# goes through…" (pipeline.py's conditions, corrections.py's words put right).
SUPPOSING = r"if|unless|suppose|supposing|assuming"
# Weekdays as typed, whole or short, with their index (Monday 0): "Tue-Thu", "thurs thru sun".
DAY_NAMES = {
    **{name: index for index, name in enumerate(WEEKDAYS)},
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "weds": 2, "thu": 3, "thur": 3, "thurs": 3,
    "fri": 4, "sat": 5, "sun": 6,
}  # fmt: skip
ANY_WEEKDAY_RE = "|".join(sorted(DAY_NAMES, key=len, reverse=True))

NEGATION = re.compile(r"\b(?:not|no|never|cannot|nothing|none|nobody|neither|nor)\b|n't\b")

# On one's way somewhere: "going to", "heading back to", "off tae", "taking the kids to".
# rules.py's trip rules read it, stays.py's stay and trip checks, plainly.py, and the
# clause split (clauses.py), so one list serves.
TRIP_TO = (
    r"(?:going|heading|headed|flying|off|travelling|traveling|driving|jetting|popping|"
    r"nipping|escaping|taking\s+(?:the\s+)?(?:kids|family|wife|husband)|sailing|road-tripping|"
    # sent by work: "being sent to Tokyo next week", "deployed to Maiduguri from tomorrow"
    r"(?:(?:have|has)\s+been\s+|being\s+|getting\s+)?(?:sent|deployed|seconded))"
    r"\s+(?:back\s+|over\s+|down\s+|up\s+|out\s+|away\s+|home\s+)?(?:to|tae)\b"
)

# The words that give a reason: "because", as chat types it.
REASONS = r"because|cos|coz|cuz|'cause"

# Pattern pieces the key rules of every family are built from (rules.py, rules_*.py):
ADV = r"(?:(?:just|now|currently|finally|recently|also|still|actually|officially|already|both|" \
    r"really|newly|since|then|even|only|totally|definitely|absolutely|basically)\s+)*"  # fmt: skip
# Being, now: "I was a nurse" is what one was, a plain memory, not the current job.
BE = r"(?:am|are|is|be|been|become|became|'m|'re|'s)"
V = r"(?P<v>[^,;:!?()]+)"
# Days, months and holidays, capitalised: no place and no name ("in June", "my pug Monday").
DATE_WORDS = "|".join(w.capitalize() for w in (*WEEKDAYS, *MONTH_NAMES)) + "|Christmas|Easter"


# A pet's name: a capitalised word that is no day, month or holiday ("my pug Monday was
# sick", "my poodle Christmas presents").
NOT_A_NAME_WORD = r"(?:" + DATE_WORDS + r")\b"
# Words before a done thing: "have finally moved out".
GONE = r"(?:(?:have|has|had|just|finally|officially|recently|now)\s+)*"

# What "I'm …," says when it is no name ("I'm English, …", "I'm Sri Lankan, …").
NOT_A_NAME = words(
    """english british irish scottish welsh scouse american canadian australian aussie kiwi
    french german spanish italian dutch polish portuguese brazilian mexican indian chinese
    japanese korean vietnamese filipino thai malaysian indonesian pakistani bengali
    bangladeshi lankan nepali russian ukrainian swedish norwegian danish finnish greek
    turkish egyptian moroccan nigerian ghanaian kenyan zimbabwean african european asian
    arab latina latino latinx hispanic black white catholic protestant orthodox jewish
    muslim hindu buddhist sikh atheist agnostic mormon autistic deaf blind trans gay queer
    bi straight vegan vegetarian veggie pescatarian tired sorry happy fine okay back here new"""
)

# Things a clause opens with as if they were someone, none of them a name ("Lease
# ended, moved…", "Interview went well and got the job"): subjects.py's too.
THING_NOUNS = words(
    """lease visa contract money exams uni project party birthday interview weather life
    things plans mortgage offer divorce funding temperature temp diagnosis biopsy coeliac
    celiac gastritis diabetes asthma eczema gout reflux"""
)


# Pets named by what they are: "our beagle Rosie", "got a golden retriever named
# Biscuit". Not the words that are often something else ("lab", "boxer", "bengal").
_DOG_BREEDS = (
    "golden retriever|retriever|labrador|labradoodle|goldendoodle|cockapoo|cavapoo|poodle|"
    "beagle|terrier|spaniel|husky|corgi|dachshund|pug|bulldog|border collie|collie|"
    "chihuahua|schnauzer|greyhound|whippet|rottweiler|doberman|dalmatian|pomeranian|"
    "german shepherd|sheepdog"
)
# The pets a user names ("my dog Rex"), and their words as the rules read them.
PET_KIND = (
    "dog|cat|puppy|kitten|rabbit|hamster|parrot|horse|tortoise|"
    + _DOG_BREEDS
    + "|guinea pig|budgie|cockatiel|ferret|gecko|turtle"
)
PET_WORDS = frozenset(PET_KIND.split("|")) | {"dogs", "cats"}
# What a pet's word names when a noun follows it: "a dog walker", "a cat allergy", "a
# fish tank" are no pets.
PET_THINGS = words(
    """walker walkers sitter sitters sitting bed beds food flap tank bowl hair toy toys lead
    leash allergy allergies person people friendly park show cage crate door trainer
    trainers groomer groomers grooming insurance photo photos pic pics video videos meme
    memes cafe café lady guy dander"""
)
# A pet's value with its name ("golden retriever called Biscuit"): the key it is asked
# and told by, the kind's last word and the name (``retriever:Biscuit``).
_PET_CALLED = re.compile(r"^(?:[\w-]+\s+)*?([\w-]+) called (\S.*)$")


def pet_subject(value: str) -> Optional[str]:
    """The subject key of a pet named in a ``pets`` value, or None for one not named
    ("two cats")."""
    pet = _PET_CALLED.match(value)
    return f"{pet.group(1).lower()}:{pet.group(2)}" if pet else None


# The animal each kind is, by the kind's last word: a puppy or a beagle is a dog, a
# kitten a cat ("how old is my dog?" asks after "our golden retriever Biscuit").
PET_ANIMAL = {
    **{kind.rsplit(" ", 1)[-1]: kind.rsplit(" ", 1)[-1] for kind in PET_KIND.split("|")},
    **{breed.rsplit(" ", 1)[-1]: "dog" for breed in _DOG_BREEDS.split("|")},
    "puppy": "dog",
    "kitten": "cat",
}
