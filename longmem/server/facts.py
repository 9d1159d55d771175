"""Keyed facts: what an extractor hands to ``remember``, and the attributes it may use.

A fact is keyed by (subject, attribute): the subject is ``user`` or a named person tied
to the user (``sister:Anna``, ``manager:Li``); the attribute is one of ``ATTRIBUTES``
(or ``favorite:<thing>``, or ``date:<event>``: the day of a plan). A single-valued
attribute holds one current value per subject, so a new value supersedes the old one by
key, whatever the wording; a multi-valued one accumulates, and only a negated fact ("no
longer", "not … anymore") retires one of its values. A fact without an attribute is a
plain memory: it is never superseded, only recognised as a duplicate.

The server decides supersession from these keys (relate/keyed.py), never from a
model's say-so; an extractor (rules or a model) only proposes the keys.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Optional, Protocol

FACT, PREFERENCE, EPISODE = "fact", "preference", "episode"
USER = "user"
FAVORITE_PREFIX = "favorite:"
# The day of a plan of the user's, per event: ``date:exam`` holds "20 may" until a later
# day is said for the exam. ``date:`` alone (no event) is a new day for a plan told before
# (``ExtractedFact.redates`` says which); remember resolves it, and keys nothing when there
# is none.
DATE_PREFIX = "date:"


@dataclass(frozen=True)
class Attribute:
    name: str
    single: bool  # one current value per subject (a new one supersedes) or many
    label: str  # how a profile line reads: "<Subject> <label> <value>"
    # Words of a question that ask about this attribute (space-separated); search expands
    # a question holding one of them to the attribute.
    asked_by: str = ""
    # Words that often state this attribute but do not ask about it ("relocated",
    # "hired"): search looks for them too (stemmed), the question reader never reads them.
    said_by: str = ""


def _attributes(*items: Attribute) -> dict[str, Attribute]:
    return {item.name: item for item in items}


ATTRIBUTES: dict[str, Attribute] = _attributes(
    Attribute("name", True, "is called", "name called"),
    Attribute(
        "home",
        True,
        "lives in",
        "live lives living home based reside resides residence city town country stay stays "
        "staying neighbourhood neighborhood suburb district address location located",
        "relocated relocating",
    ),
    Attribute(
        "location",
        True,
        "is in",
        "where now currently today tonight weekend city upcoming travel trip trips location "
        "vacation vacations",
        "visiting travelling traveling going heading flying flight holiday",
    ),
    Attribute(
        "job",
        True,
        "works as",
        "job work works working occupation profession role position title rank",
        "hired promoted career retired",
    ),
    Attribute(
        "employer",
        True,
        "works at",
        "employer employs employ company workplace work works working firm teach teaches "
        "employed employment unemployed hospital",
        "hired resigned retired job quit",
    ),
    Attribute("age", True, "is", "age old years"),
    Attribute("birthday", True, "was born on", "birthday born birth dob bday"),
    Attribute(
        "relationship",
        True,
        "is",
        "married single relationship engaged seeing marital",
        "wedding divorced dating",
    ),
    Attribute(
        "partner",
        True,
        "has a partner,",
        "partner wife husband girlfriend boyfriend spouse fiance fiancee fiancé fiancée",
    ),
    Attribute(
        "diet",
        True,
        "eats",
        "diet dietary eat eats eater food vegetarian vegan meat",
        "pescatarian keto gluten dairy",
    ),
    Attribute(
        "school",
        True,
        "studies at",
        "school university college uni education educated alma mater",
        "semester degree graduated enrolled",
    ),
    Attribute(
        "studies",
        True,
        "studies",
        "study studies studying course degree major subject masters msc phd education",
        "bachelors diploma",
    ),
    Attribute("phone", True, "can be reached on", "phone number call"),
    Attribute("email", True, "can be mailed at", "email mail"),
    Attribute("project", True, "is working on", "project working"),
    Attribute("manager", True, "reports to", "manager boss"),
    Attribute("doctor", True, "sees the doctor", "doctor gp doc physician", "dr surgery"),
    Attribute("therapist", True, "sees the therapist", "therapist counsellor counselor"),
    Attribute("landlord", True, "rents from", "landlord landlady"),
    Attribute("bank", True, "banks with", "bank banks banking", "account switched"),
    Attribute("gym", True, "goes to the gym at", "gym gyms membership", "joined cancelled"),
    Attribute("mother", True, "has a mother,", "mother mom mum"),
    Attribute("father", True, "has a father,", "father dad"),
    Attribute(
        "drinks",
        True,
        "drinks",
        "drink drinks drinking coffee tea beverage",
        "latte espresso teetotal sober alcohol",
    ),
    Attribute(
        "likes",
        False,
        "likes",
        "like likes enjoy love favorite favourite into obsessed fan band support",
    ),
    Attribute("dislikes", False, "dislikes", "dislike hate hates"),
    Attribute(
        "allergies",
        False,
        "is allergic to",
        "allergy allergies allergic avoid restrictions intolerances intolerant intolerance",
    ),
    Attribute(
        "conditions",
        False,
        "has",
        "health condition conditions medical diagnosis diagnoses illness illnesses disease "
        "diseases chronic",
        "diagnosed",
    ),
    Attribute(
        "medications",
        False,
        "takes",
        "health medication medications meds medicine medicines prescription prescriptions "
        "prescribed pills drugs",
        "mg tablets",
    ),
    Attribute("pets", False, "has a pet,", "pet pets dog cat", "puppy kitten adopted"),
    Attribute(
        "vehicles",
        False,
        "has a vehicle,",
        "car cars vehicle vehicles motorbike motorcycle scooter moped van bike bikes bicycle "
        "bicycles",
        "sold bought leased",
    ),
    Attribute(
        "children",
        False,
        "has a child,",
        "child children kid kids son daughter baby babies",
        "twins pregnant born newborn",
    ),
    Attribute("siblings", False, "has a sibling,", "sibling siblings sister brother"),
    Attribute("friends", False, "has a friend,", "friend friends"),
    Attribute(
        "relatives",
        False,
        "has a relative,",
        "relative relatives cousin cousins aunt auntie uncle niece nephew grandma grandmother "
        "granny nan nana grandpa grandfather grandad granddad grandparents grandson "
        "granddaughter",
    ),
    Attribute("languages", False, "speaks", "language languages speak speaks"),
    Attribute(
        "hobbies",
        False,
        "does",
        "hobby hobbies free weekends sport sports game games exercise workout workouts "
        "fitness routine activities pastime pastimes",
        "play plays playing run runs running swim swimming hike hiking climb climbing gym "
        "yoga cycling",
    ),
    Attribute(
        "visited",
        False,
        "has been to",
        "visited been travel trip",
        "travelled traveled holiday vacation",
    ),
)


# The attributes of the user that say who someone is to them ("User's sister is Anna"):
# the relation facts, each read back as a subject of its own (``sister:Anna``).
# Of those, whom the user goes to or rents from, one at a time ("User's GP is Dr Patel"):
# each also a job one may have, and asked after by what they said as often as by who.
ROLE_ATTRIBUTES = frozenset(("doctor", "therapist", "landlord"))
RELATION_ATTRIBUTES = (
    frozenset(
        ("partner", "siblings", "children", "mother", "father", "manager", "friends", "relatives")
    )
    | ROLE_ATTRIBUTES
)

# The attributes of one's work: what one does and where ("User works as a nurse", "User
# works at UCLH"), told, held and ended together.
WORK_ATTRIBUTES = frozenset(("employer", "job"))

# When a fact of the first ends with no value to follow it ("I resigned"), these end too:
# the job was done at the employer, the studies at the school ("dropped out of uni").
ENDS_WITH: dict[str, tuple[str, ...]] = {"employer": ("job",), "studies": ("school",)}
# When a fact of the first takes one of these values, the attributes named end: "I'm
# single again" or "we got divorced" leaves no partner current. (Not "widowed": who the
# partner was is still asked after.)
# A value of one is the end of the same value of the other: "I hate coffee now" after "I
# love coffee", "i actually love running now" after "i hate running".
OPPOSITE: dict[str, str] = {"likes": "dislikes", "dislikes": "likes"}
ENDED_BY: dict[tuple[str, str], tuple[str, ...]] = {
    **{("relationship", value): ("partner",) for value in ("single", "divorced", "separated")},
    # "went freelance": no employer of before
    **{("job", value): ("employer",) for value in ("freelancer", "self-employed")},
}


def asked_as(name: Optional[str], asked: Sequence[str]) -> Optional[str]:
    """The attribute of ``asked`` a fact's attribute answers: itself, or for a plan's day
    of a kind (``date:maths exam``) the plan's event asked bare (``date:exam``)."""
    if name is None or name in asked or not name.startswith(DATE_PREFIX):
        return name if name in asked else None
    return next(
        (
            a
            for a in asked
            if a.startswith(DATE_PREFIX) and name.endswith(" " + a[len(DATE_PREFIX) :])
        ),
        None,
    )


def attribute(name: Optional[str]) -> Optional[Attribute]:
    """The attribute of a key (``favorite:<thing>`` is single-valued per thing, and
    ``date:<event>`` per event), or None for a name outside the lexicon (and ``date:``
    alone): such a fact is stored unkeyed."""
    if name is None:
        return None
    if name.startswith(FAVORITE_PREFIX) and len(name) > len(FAVORITE_PREFIX):
        thing = name[len(FAVORITE_PREFIX) :]
        return Attribute(name, True, f"'s favorite {thing} is", f"favorite favourite {thing}")
    if name.startswith(DATE_PREFIX) and len(name) > len(DATE_PREFIX):
        event = name[len(DATE_PREFIX) :]
        return Attribute(name, True, f"'s {event} is on", f"when date day {event}")
    return ATTRIBUTES.get(name)


@dataclass(frozen=True)
class ExtractedFact:
    """One atomic statement, as an extractor proposes it.

    ``text`` is the normalised sentence, third person ("User lives in Paris");
    ``statement`` the words as said ("we moved to Paris last month"). ``subject``,
    ``attribute`` and ``value`` are the key (attribute None: a plain memory). A
    ``negated`` fact denies its value; negated with no value, it is an ending ("User
    resigned today"): whatever the key holds is over, and what follows is not said.
    ``valid_from`` is when it became true (None: when it was said); ``expires_at`` when
    it stops being true.
    """

    text: str
    type: str = FACT
    statement: str = ""
    subject: str = USER
    attribute: Optional[str] = None
    value: Optional[str] = None
    negated: bool = False
    valid_from: Optional[datetime] = None
    expires_at: Optional[datetime] = None
    # A correction ("it's Izmir, not Bursa"): the word said wrongly before, which
    # ``value`` replaces in the memory that said it.
    corrects: Optional[str] = None
    # A plan called off ("we're not moving to Izmir after all", "the move's off"): a
    # negated fact that retires the planned value of its key (any, with no ``value``),
    # and nothing else; with no plan waiting it is a plain memory.
    calls_off: bool = False
    # A home said by where in town it is, the town unsaid ("flat in vračar", "his place in
    # Malasaña"): a place no list names is in the town of the home held, and the server
    # words it so ("User lives in vračar, Belgrade").
    in_town: bool = False
    # A correction of the last value said, the word it replaces unsaid ("sorry, I meant
    # Wipro" after "started at Infosys today!!"): ``value`` replaces the value of the same
    # shape (a name, a number) that the collection's newest message keyed.
    corrects_last: bool = False
    # A new day (or an end) for a plan told before, its event said bare or not at all
    # ("appt moved to the 10th", "they moved it to monday", "monzo moved it to friday"):
    # remember keys it as the plan the collection holds of that event (``date:<event>``,
    # the one told last), or, with no event, of the word said here ("monzo": the monzo
    # interview), or ("") the plan told last when no other day was said since. None: no
    # such new day.
    redates: Optional[str] = None


class Extractor(Protocol):
    """Anything that turns content into facts: the rules (the extract package) or a model.

    ``observed_at`` is when the content was said (timezone-aware UTC); relative dates
    ("last month", "until Friday") resolve against it. An extractor returns [] for
    content that states nothing (questions, thanks) and never raises for content it does
    not understand: such content comes back as a plain, unkeyed fact.
    """

    def extract(self, content: str, observed_at: datetime) -> list[ExtractedFact]: ...
