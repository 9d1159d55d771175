"""A keyed fact of a remember call against what its key holds (relate/): ``duplicate``,
``updates`` (supersession), ``extends`` or ``new``, current or history; a denial or an
ending retiring a value, and what ends with it (facts.ENDS_WITH, facts.ENDED_BY); a
value for a while beside the one it interrupts; a home said by where in town it is,
worded with the town held. Plans are plans.py's.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from ..db import MemoryRecord
from ..extract import content_words
from ..extract.health import SUPPLEMENT, SWITCHED_TO
from ..extract.places import a_region, place_rest
from ..extract.vehicles import A_MODEL_CODE, KIND, REPLACED_VEHICLE
from ..facts import (
    ENDED_BY,
    ENDS_WITH,
    OPPOSITE,
    USER,
    WORK_ATTRIBUTES,
    ExtractedFact,
    attribute,
)
from ..timestamps import datetime_to_iso, iso_now, iso_to_epoch
from .base import DUPLICATE, EXTENDS, NEW, UPDATES, _called, _same, iso
from .plans import _Plans, pending

# No pet of a kind, said plainly: "I don't have a dog anymore" (not "a dog in this fight",
# "a dog at the office anymore", a question).
_NO_PET_NOW = re.compile(r"^[^?]*\b(?:a|any)\s+\w+\s+(?:any\s?more|now)\s*[.!]*$", re.I)


# The words for a workplace or a school by its kind, after "the": "the council", "the
# hospital" (not "the firm" alone, which any employer is).
_A_KIND_OF_PLACE = re.compile(
    r"^the\s+(?P<kind>council|hospital|bank|university|uni|college|school|academy|"
    r"trust|agency|ministry|department|police|army|navy|airline|airport|library|museum)$",
    re.I,
)


# A leaving said as a visit, a patient's or a parent's, for somewhere else, or of a place
# one still works as before: "last day at the hospital for mum", "… as a patient", "… was
# fun, great trip with the kids", "left Google for Meta", "I left my job at the
# hospital, still nursing though".
_LEFT_AS_ONE_WHO_WORKED = re.compile(
    r"\b(?:for\s+(?!good\b|now\b)\w+|with\s+(?:my|mum|mom|dad|the\s+kids|him|her|them)|"
    r"as\s+an?\s+(?:patient|visitor|guest|student|volunteer)|visit\w*|trip|still|"
    r"was\s+(?:fun|great|lovely|amazing|brilliant))\b",
    re.I,
)


def _by_its_kind(held: Optional[str], said: Optional[str]) -> bool:
    """Whether an employer or school held ("Bristol City Council") is the one ``said``
    names by its kind ("the council")."""
    kind = _A_KIND_OF_PLACE.match((said or "").strip())
    words = (held or "").casefold().replace(",", " ").split()
    return kind is not None and kind.group("kind").casefold() in words


def _of_kind(held: Optional[str], kind: Optional[str]) -> bool:
    """Whether a pet held ("dog called Biscuit") is of the kind said ("dog", "dogs")."""
    said = (kind or "").casefold().split()
    if len(said) != 1 or not held:
        return False
    words = held.casefold().split()
    before = words[: words.index("called")] if "called" in words[1:] else words
    return said[0] in before or said[0].rstrip("s") in before


# A vehicle said by its kind alone ("sold my car"), or the one a new one replaced
# (extract/vehicles.py REPLACED_VEHICLE): it names no one vehicle of several.
_A_VEHICLE_KIND = re.compile(r"^(?:" + KIND + r"|" + REPLACED_VEHICLE + r")$", re.I)
# … and one said by its model's code ("the MT-07"): only the one held of that name.
_A_MODEL_CODE = re.compile(A_MODEL_CODE)


def _vehicle_held(
    held: list[MemoryRecord], said: Optional[str], now: set[str]
) -> Optional[MemoryRecord]:
    """The vehicle held that one gone names: by part of its name ("the civic" of "2016
    Honda Civic", "the MT-07" of "Yamaha MT-07"), or by its kind, or as the one replaced,
    when only one was held before this call (its memories' ids ``now``): "sold my car",
    "replaced it with a Honda SH125", not the new one of the same message."""
    if _A_VEHICLE_KIND.match(said or ""):
        earlier = [m for m in held if m.id not in now]
        return earlier[0] if len(earlier) == 1 else None
    words = set((said or "").casefold().split())
    named = [m for m in held if words and words <= set((m.value or "").casefold().split())]
    return named[0] if len(named) == 1 else None


_A_YEAR = 366 * 24 * 3600
_ONGOING = re.compile(r"\b(?:since|for\s+(?:\d+|a|an|two|three|four|five|ten)\s+years?)\b", re.I)
# Back with someone ("got back with Maya", "seeing Maya again"): only a partner of before.
_BACK_WITH = re.compile(
    r"\bback\s+(?:together\s+)?with\b|\b(?:seeing|dating)\s+\S+\s+again\b", re.I
)
# A leaving said: "I left Dan", "walked out on Dan".
_LEFT = re.compile(r"\b(?:left|leaving|walked\s+out\s+on)\b", re.I)
# A death said ("ray passed away last week"), anywhere in the words.
DEATH = re.compile(r"\b(?:died|passed away|passed on)\b", re.I)


# Words of a fact's text that tell when, not what: a restatement that only dates the
# fact ("User works at Google from 8 June 2026" after "User works at Google") tells no more.
_WHEN_WORDS = re.compile(
    r"^(?:from|until|since|in|on|(?:19|20)\d\d|\d{1,2}|jan(?:uary)?|feb(?:ruary)?|"
    r"mar(?:ch)?|apr(?:il)?|may|june?|jun|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|"
    r"nov(?:ember)?|dec(?:ember)?|(?:mon|tue|tues|wed|wednes|thu|thurs|fri|satur|sun)(?:day)?|"
    r"sat|spring|summer|autumn|fall|winter)$"
)


def _told_more(new: str, old: str) -> bool:
    """Whether a fact's new text says something its held text does not, beyond when: the
    same key and value said with other detail (extract/detail.py)."""
    held = set(content_words(old))
    return any(w not in held and not _WHEN_WORDS.match(w) for w in content_words(new))


def _refines(new: Optional[str], old: Optional[str]) -> bool:
    """Whether a value says more of what another says ("green tea" of "tea")."""
    new_words, old_words = set((new or "").casefold().split()), set((old or "").casefold().split())
    return bool(old_words) and old_words < new_words


def _town_of(home: MemoryRecord) -> Optional[str]:
    """The town a home fact names: the last place a list names among its value and what
    its text says after it, not a country or region unless it names nothing smaller
    ("User lives in Lavapiés, Madrid" → Madrid; "… Belgrade, Serbia" → Belgrade; "… in
    Singapore, HDB rental in Tiong Bahru" → Singapore); None if it names none."""
    value = home.value or ""
    at = home.text.find(value)
    after = home.text[at + len(value) :] if value and at >= 0 else ""
    said = [part.strip(" .") for part in f"{value},{after}".split(",")]
    places = [part for part in said if part and place_rest(part) == ""]
    towns = [part for part in places if not a_region(part)] or places
    return towns[-1] if towns else None


class Keyed(_Plans):
    """A keyed fact related to the memories its key holds in the call's scope."""

    def _in_town(self, fact: ExtractedFact) -> ExtractedFact:
        """A home said by where in town it is, the town unsaid ("flat in vračar"), worded
        with the town of the home its subject held before it was said ("User lives in a
        flat in vračar, belgrade", value ``vračar``, as a home said with its city in
        another clause is): when no list of places names it (a part of town,
        then), or when the home held is a country or region and it is no such place
        ("condo in Bukit Timah" in Singapore). Anything else as it came."""
        place = fact.value
        if not fact.in_town or not place:
            return fact
        fact = replace(fact, in_town=False)
        held = [
            m
            for m in self._by_key(fact.subject, "home")
            if m.value and not m.negated and m.began <= self.observed_at
        ]
        town = _town_of(held[0]) if held else None
        if town is None or town.casefold() == place.casefold():
            return fact
        if place_rest(place) is not None and (a_region(place) or not a_region(town)):
            return fact  # "flat in London" after Leeds: a town of its own
        return replace(fact, text=fact.text.replace(place, f"{place}, {town}", 1))

    def _back_with_a_stranger(self, fact: ExtractedFact) -> bool:
        """Whether ``fact`` takes back as partner ("got back with Maya") someone the
        collection never held as one."""
        if fact.attribute != "partner" or fact.negated or not _BACK_WITH.search(fact.statement):
            return False
        tags = self._scope()
        every = self.store.memories.keyed(
            self.tenant_id, self.collection, [fact.subject], ["partner"], None, 200, tags
        )
        return not any(_same(m.value, fact.value) for m in every if not m.negated)

    def _left_the_partner(self, fact: ExtractedFact) -> bool:
        """Whether ``fact`` ends an employer by the name of the user's partner held ("I
        left Dan")."""
        if fact.attribute != "employer" or not (fact.negated and fact.value):
            return False
        if fact.subject != USER or not _LEFT.search(fact.statement):
            return False
        held = self._by_key(USER, "partner")
        return any(not m.negated and _same(m.value, fact.value) for m in held)

    def _ends_someone_else(self, fact: ExtractedFact) -> bool:
        """Whether ``fact`` ends someone by name whom the collection does not hold there:
        a parting from Tom while the partner it knows is someone else; a pet's end by a
        name no pet held has ("put Maya down for her nap": a daughter, most likely)."""
        if fact.attribute not in ("partner", "pets") or not (fact.negated and fact.value):
            return False
        if fact.attribute == "pets" and not fact.value[:1].isupper():
            return False  # "we don't have a dog anymore": a pet denied, whatever is held
        held = [m for m in self._by_key(fact.subject, fact.attribute) if not m.negated]
        if fact.attribute == "pets" and not held:
            return True
        if not held and (fact.value not in fact.statement or DEATH.search(fact.statement)):
            # "Ray passed away", "chloe and i broke up" (typed in lower case), no partner
            # known: whoever they were, not one
            return True
        return bool(held) and not any(_same(m.value, fact.value) for m in held)

    def _vehicle_gone(self, fact: ExtractedFact) -> Optional[ExtractedFact]:
        """A vehicle's ending that names none by its words ("sold the MT-07", "replaced
        it with a Honda SH125": the one replaced) as the one held of that name, said in its
        words ("User no longer has a Yamaha MT-07"); ``fact`` itself for any other fact,
        and None when no vehicle held is the one meant (the words alone are kept)."""
        said = fact.value or ""
        if fact.attribute != "vehicles" or not fact.negated:
            return fact
        if said != REPLACED_VEHICLE and not _A_MODEL_CODE.fullmatch(said):
            return fact
        values = [m for m in self._by_key(fact.subject, "vehicles") if not m.negated]
        held = _vehicle_held(values, said, self.added)
        if held is None or not held.value:
            return None
        # (the templates of extract/wording.py: "… has a …", "… no longer has a …")
        return replace(
            fact, value=held.value, text=held.text.replace(" has ", " no longer has ", 1)
        )

    def _ended(self, fact: ExtractedFact, held: list[MemoryRecord]) -> Optional[MemoryRecord]:
        """The ending already current for this key, if the key holds nothing else."""
        return next((m for m in held if m.negated and not m.value), None)

    def _keyed(
        self, fact: ExtractedFact, for_a_while: bool = False
    ) -> tuple[str, Optional[MemoryRecord], Optional[str], bool]:
        """(relation, the existing memory if a duplicate, what it supersedes, current?)
        ``for_a_while``: the statement said when the fact ends ("tonight", "this week")."""
        assert fact.attribute is not None
        held = self._by_key(fact.subject, fact.attribute)
        spec = attribute(fact.attribute)
        assert spec is not None
        if spec.single:
            held, planned = self._planned(held)
            off = self._called_off(fact)
            if off:
                # "we're not moving to Izmir after all": the plan is off, the home holds on
                self.store.memories.retire(self.tenant_id, self.collection, [m.id for m in off[1:]])
                others = [m for m in held + planned if m.id not in {o.id for o in off}]
                if off[0].began <= iso_now() and not others:
                    # its day came before this, said before it, was stored: what the plan
                    # replaced then holds again — the value before it, past any plan it
                    # had replaced itself (Paris, then Rome instead: Berlin)
                    before = self._before_plans(off[0])
                    if before is not None:
                        self.store.memories.reinstate(self.tenant_id, self.collection, before)
                return UPDATES, None, off[0].id, True
            if pending(fact) and not fact.negated and fact.attribute != "location":
                # (trips to come are stays of their own: one never calls another off)
                return self._plan(fact, held, planned)
        values = [m for m in held if not m.negated]
        denials = [m for m in held if m.negated]
        if fact.negated and not fact.value:
            again = None if values else self._ended(fact, held)
            return (DUPLICATE, again, None, True) if again else self._ending(fact, values)
        if fact.negated:
            match = next((m for m in values if _same(m.value, fact.value)), None)
            # (a leaving of work, not a visit's: "last day at the hospital for mum")
            of_work = _LEFT_AS_ONE_WHO_WORKED.search(fact.statement) is None
            if match is None and of_work and fact.attribute in ("employer", "school"):
                # "last day at the council" with Bristol City Council held: the one held
                # of the kind the words name
                kind = [m for m in values if _by_its_kind(m.value, fact.value)]
                match = kind[0] if len(kind) == 1 else None
            if match is not None and of_work and spec.single and fact.attribute in ENDS_WITH:
                # the employer one works at left, and with it the job done there before
                # (as an ending said bare ends both: "I resigned"); not a job said with the
                # leaving ("I'm a teacher now, I left Google")
                self._end_also(fact, ENDS_WITH[fact.attribute], before=True)
            if match is None and fact.attribute == "pets" and _NO_PET_NOW.search(fact.statement):
                # "I don't have a dog anymore", the dog called Biscuit held: the one of that kind
                kind = [m for m in values if _of_kind(m.value, fact.value)]
                match = kind[0] if len(kind) == 1 else None
            if match is None and fact.attribute == "vehicles":
                match = _vehicle_held(values, fact.value, self.added)
            if next((m for m in denials if _same(m.value, fact.value)), None):
                return DUPLICATE, denials[0], None, True
            return (UPDATES, None, match.id, True) if match else (NEW, None, None, True)
        same = next((m for m in values if _same(m.value, fact.value)), None)
        if (
            same is not None
            and fact.attribute == "name"
            and len(_called(fact.value)) > len(_called(same.value))
        ):
            # said more fully: "Dana Okafor" after "Dana" is the one name, now whole
            return UPDATES, None, same.id, True
        if same is not None and _told_more(fact.text, same.text) and not self._before(fact, same):
            # said again with other detail ("…, 3rd year" after "…, 2nd year", "in the
            # search team" after "in the ads team"): the newer words hold; said again with
            # less ("I work at Google") is the same fact
            return UPDATES, None, same.id, True
        if (
            same is not None
            and spec.single
            and same.expires_at is not None
            and fact.expires_at is None
            and fact.attribute != "location"
        ):
            # said for a while, now with no end ("I live in Bristol now, staying for good"
            # after "living in Bristol till January"): the while is over, the value holds;
            # the one held before it, beside it, is replaced
            held = [m for m in values if m.id != same.id and m.expires_at is None]
            self.store.memories.retire(self.tenant_id, self.collection, [same.id])
            return UPDATES, None, (held[0] if held else same).id, True
        if same is not None:
            if spec.single and fact.attribute not in WORK_ATTRIBUTES and fact.expires_at is None:
                # "I've moved back to Leeds" while "in Bristol till January": the while
                # is over, the home held is the one
                away = [m for m in values if m.id != same.id and m.expires_at is not None]
                self.store.memories.retire(self.tenant_id, self.collection, [m.id for m in away])
            return DUPLICATE, same, None, True
        denied = next((m for m in denials if _same(m.value, fact.value)), None)
        if not spec.single:
            if denied is not None:  # "I like Korean food again"
                return UPDATES, None, denied.id, True
            turned = self._turned(fact)
            if turned is not None and self._before(fact, turned):
                return NEW, None, None, False  # a like older than the dislike held: history
            if turned is not None:  # "I hate coffee now", "I love coffee" held
                return UPDATES, None, turned.id, True
            if fact.attribute == "medications":
                # "now on sertraline 100mg" after "sertraline 50mg": one medicine, a new dose
                dose = next(
                    (m for m in values if _called(m.value)[:1] == _called(fact.value)[:1]), None
                )
                if dose is not None:
                    return UPDATES, None, dose.id, True
                if (
                    len(values) == 1
                    and SWITCHED_TO.search(fact.statement)
                    and not SUPPLEMENT.search(values[0].value or "")
                    and not self._before(fact, values[0])
                ):
                    return UPDATES, None, values[0].id, True  # the one held, switched from
            refined = next((m for m in values if _refines(fact.value, m.value)), None)
            return (EXTENDS if refined else NEW), None, None, True
        if values and (self._before(fact, values[0]) or self._long_before(fact)):
            # older than what is known, or told of years before ("we moved to Austin in
            # 1999"): history, not current
            return NEW, None, None, False
        # "my job tonight is babysitter", "working at my mum's shop this week": a value
        # for a while, beside the one held, which holds on when it ends (it had been
        # retired for good); it replaces another for a while. A value with no end
        # replaces the one held with none, and leaves one for a while to end on its own.
        # Stays are the exception: each replaces the last.
        lasting = [m for m in values if m.expires_at is None]
        passing = [m for m in values if m.expires_at is not None]
        replaced = values[0] if values else None
        if fact.attribute != "location" and lasting:
            if for_a_while and not passing:
                return NEW, None, None, True
            replaced = passing[0] if for_a_while else lasting[0]
            if not for_a_while and passing and fact.attribute not in WORK_ATTRIBUTES:
                # a new home or diet with no end ends one for a while too ("I've moved to
                # Manchester" while "living in Bristol till January"); a job beside a
                # job for a while is one (a week at the family shop)
                self.store.memories.retire(self.tenant_id, self.collection, [m.id for m in passing])
        # A new value makes every denial of the key moot ("no longer at Capcom" once the
        # new employer is known); the value it replaces is the one it supersedes.
        self.store.memories.retire(self.tenant_id, self.collection, [m.id for m in denials])
        ended = ENDED_BY.get((fact.attribute, (fact.value or "").casefold()), ())
        self._end_also(fact, ended)
        if replaced is None:
            return NEW, None, None, True
        return UPDATES, None, replaced.id, True

    def _turned(self, fact: ExtractedFact) -> Optional[MemoryRecord]:
        """The same value held under the opposite attribute (facts.OPPOSITE): a like that
        turned to a dislike, or back (or, said before it, one that had not yet)."""
        opposite = OPPOSITE.get(fact.attribute or "")
        if opposite is None or fact.negated:
            return None
        held = self._by_key(fact.subject, opposite)
        # the same thing exactly: "coffee ice cream" is not "coffee"
        said = (fact.value or "").casefold()
        return next((m for m in held if not m.negated and (m.value or "").casefold() == said), None)

    def _long_before(self, fact: ExtractedFact) -> bool:
        """Whether ``fact`` became true more than a year before it was said: a life's
        story, not news of now ("I moved to Austin 10 years ago", "in 1999")."""
        began = iso(fact.valid_from)
        if began is None or _ONGOING.search(fact.statement):
            return False  # "vegan since 2019", "been at Acme for 6 years": true still
        return iso_to_epoch(self.observed_at) - iso_to_epoch(began) > _A_YEAR

    def _before(self, fact: ExtractedFact, held: MemoryRecord) -> bool:
        """Whether ``fact`` is older news than the value ``held`` for its key: it began
        before it, when both name the day they began; else it was said before it. "We
        moved to Paris last month", said after "I live in Berlin", is the news — Berlin
        was said true when it was said, not since a month ago; "I live in Berlin", said
        in March and replayed after "we moved to Paris in February", said in May, is
        history."""
        if fact.valid_from is not None and held.dated:
            return iso_to_epoch(datetime_to_iso(fact.valid_from)) < iso_to_epoch(held.began)
        return iso_to_epoch(self.observed_at) < iso_to_epoch(held.said)

    def _ending(
        self, fact: ExtractedFact, values: list[MemoryRecord]
    ) -> tuple[str, Optional[MemoryRecord], Optional[str], bool]:
        """An ending ("I resigned today") retires the key's current value, and those of
        the attributes that end with it (facts.ENDS_WITH) — unless it is older than the
        value, which it then cannot have ended: it is stored as history."""
        assert fact.attribute is not None
        if values and self._before(fact, values[0]):
            return NEW, None, None, False
        self.store.memories.retire(self.tenant_id, self.collection, [m.id for m in values[1:]])
        self._end_also(fact, ENDS_WITH.get(fact.attribute, ()))
        return (UPDATES, None, values[0].id, True) if values else (NEW, None, None, True)

    def _end_also(self, fact: ExtractedFact, names: tuple[str, ...], before: bool = False) -> None:
        """Retire the subject's current values of ``names`` that began before ``fact``
        became true (or as it did, unless ``before``; and, with ``before``, not one this
        call said again): what ends with it (facts.ENDS_WITH, facts.ENDED_BY)."""
        ended_at = iso_to_epoch(iso(fact.valid_from) or self.observed_at)
        retired = []
        for name in names:
            also = self._by_key(fact.subject, name)
            began = {m.id: iso_to_epoch(m.began) for m in also}
            if before:
                retired += [
                    i for i, at in began.items() if at < ended_at and i not in self.said_again
                ]
            else:
                retired += [i for i, at in began.items() if at <= ended_at]
        if retired:
            self.store.memories.retire(self.tenant_id, self.collection, retired)
