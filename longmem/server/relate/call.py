"""One remember call (relate/): ``store_facts`` relates each extracted fact to the
current memories of the collection and tag and stores all but duplicates, inside one
write transaction. ``_Call`` takes a fact through the parts: what it corrects
(corrections.py), the plan it is of (plans.py), whom it is about (whose.py), then how it
relates to what its key holds (keyed.py); an unkeyed fact is compared with the most
similar current memories and the unkeyed facts the call stored before it: a restatement
(the same content words, or near-identical text) is a ``duplicate``, anything else is
``new``. A child born to one of the user's family is also the user's relative.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, Optional

from ..._protocol import SOURCE_REMEMBER
from .. import wire
from ..context import Services
from ..db import MemoryRecord, NewMemory, Principal
from ..embed import Vector, as_dict, cosine, embed
from ..extract import SUBJECT, content_words
from ..extract.kin import RELATIONS, kin
from ..extract.rules_personal import BORN_A
from ..extract.third_person import finish, third_person
from ..extract.vehicles import REPLACED_VEHICLE
from ..facts import USER, ExtractedFact, attribute
from ..timestamps import datetime_to_iso, iso_now, iso_to_epoch
from .base import DUPLICATE, NEW, iso
from .corrections import _Corrections
from .keyed import DEATH, Keyed
from .whose import Whose

# How many nearest current memories an unkeyed fact is compared with, from what cosine.
RELATE_CANDIDATES = 20
RELATE_FLOOR = 0.3
# An unkeyed fact is compared with this many of the unkeyed facts stored before it by the
# same call (and with every one of them that says its content words): a message of
# thousands of statements costs time linear in them. Compared with all, 3,408 facts (a
# 50,000-character paste) took 29 s in the writer's transaction, the server's other
# writes waiting. A message of fewer facts is compared as before, each with every one.
_SAME_CALL_WINDOW = 64
# Above this cosine two texts say the same thing, whatever words they differ in.
NEAR_DUPLICATE = 0.9
# The longest a value said with its end is held beside the one it interrupts: a season
# ("living in Bristol till January"; not "for the next 2 years", a change).
_A_WHILE = 92 * 24 * 3600


# Words that deny what a text says: two texts that differ in them never restate each other.
_DENIES = re.compile(
    r"\b(?:not|no|never|no longer|any ?more|none|nothing|nobody|no one|neither|nor|without)\b"
    r"|n't\b",
    re.I,
)


class _Call(Whose, _Corrections, Keyed):
    """One remember call: its facts related and stored inside one write transaction."""

    def remember(self, fact: ExtractedFact) -> list[dict[str, Any]]:
        """The Extracted facts ``fact`` stores or restates: one, or a correction's each."""
        if fact.corrects_last and fact.value:
            wrong = self._said_last(fact.value)
            corrected = self._correct(wrong, fact.value, fact.statement) if wrong else []
            if corrected:
                return corrected
            fact = replace(fact, value=None, corrects_last=False)  # nothing said: words
        if fact.corrects and fact.value:
            corrected = self._correct(fact.corrects, fact.value, fact.statement)
            if corrected:
                return corrected
            fact = replace(fact, value=None, corrects=None)  # nothing to correct: words
        fact = self._of_a_plan(fact)
        keyed = fact.attribute is not None
        fact = self._resolve(fact)
        fact = self._in_town(fact)
        # (an end the statement said, not one a plan of the key gives it, and near: "for
        # the next two years" is a change, not a while)
        for_a_while = fact.expires_at is not None and (
            iso_to_epoch(datetime_to_iso(fact.expires_at)) - iso_to_epoch(self.observed_at)
            <= _A_WHILE
        )
        fact = self._before_plan(fact)
        if fact.calls_off and not self._called_off(fact):
            # Nothing waits to be called off. A move called off is then words, and never
            # retires the home that holds ("not moving to Izmir after all", said late);
            # anything else is a denial as usual ("I'm not vegetarian after all").
            if fact.attribute == "home":
                fact = replace(fact, attribute=None, value=None, negated=False)
            fact = replace(fact, calls_off=False)
        if self._back_with_a_stranger(fact):
            # "I'm back with Netflix lol", "seeing Dave again on friday": no partner of
            # before, so the words as said
            said = finish(third_person(fact.statement))
            fact = replace(fact, text=said, attribute=None, value=None, valid_from=None)
        if self._left_the_partner(fact):
            # "I left Dan", with Dan the partner: a parting, not a job left (Dan had been
            # an employer ended)
            fact = replace(
                fact,
                text=finish(third_person(fact.statement)) if fact.statement else fact.text,
                attribute="partner",
            )
        gone = self._vehicle_gone(fact)
        if gone is None and fact.value == REPLACED_VEHICLE:
            return []  # "bought a Triumph to replace it", none held before: the new one only
        if gone is None or self._ends_someone_else(fact):
            # "Netflix and I broke up lol", with Tom the partner: words, Tom stays; no pet
            # by that name, the words as said ("we had to put Tom down yesterday", not
            # "User no longer has Tom"); "sold the MT-07" with no vehicle of that name held
            said = fact.text
            if fact.attribute in ("pets", "vehicles") and fact.statement:
                said = finish(third_person(fact.statement))
            gone = replace(fact, text=said, attribute=None, value=None, negated=False)
        fact = gone
        if attribute(fact.attribute) is not None:
            relation, existing, supersedes, current = self._keyed(fact, for_a_while)
            vector = None
        else:
            vector = embed(fact.text)
            relation, existing = self._unkeyed(fact, vector)
            supersedes, current = None, True
        if existing is not None:
            if existing.attribute is not None:
                self.said_again.add(existing.id)
            if keyed and fact.attribute is None and self._stored_now(existing):
                # one clause of someone remember could not settle, made words for each of
                # its keys ("Tom Smith got a job at Google as an engineer"): stored once,
                # reported once
                return []
            return [wire.extracted_fact(existing, relation)]
        item = NewMemory(
            collection=self.collection,
            text=fact.text,
            source=SOURCE_REMEMBER,
            container_tag=self.container_tag,
            type=fact.type,
            expires_at=iso(fact.expires_at),
            is_latest=current,
            subject=fact.subject if fact.attribute else None,
            attribute=fact.attribute,
            value=fact.value,
            valid_from=iso(fact.valid_from) or self.observed_at,
            observed_at=self.observed_at,
            statement=fact.statement or None,
            supersedes=supersedes,
            negated=fact.negated and fact.attribute is not None,
            vector=vector,
        )
        memory = self.store.memories.add_fact(self.principal, item)
        self.added.add(memory.id)
        if vector is not None:
            words = frozenset(content_words(memory.text))
            denies = _DENIES.search(memory.text) is not None
            self.restating.setdefault((words, denies), []).append(len(self.stored))
            self.stored.append((memory, vector, words))
            self.denying.append(denies)
        stored = [wire.extracted_fact(memory, relation)]
        born = _born_to_family(fact)
        if born is not None:  # "Ama had a baby boy, Kofi": the user's nephew too
            stored += self.remember(born)
        return stored

    def parted(self, stored: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """What a parting this call stored leaves the user: "User is single" ("separated"
        after "married", "widowed" after a death), when it stored a parting — from the
        partner held, or from one unnamed ("Theo and I broke up", "we split up", "I left my
        husband last year", "ray passed away"; not "Netflix and I broke up lol") —
        and the relationship held still has one ("engaged": it had stayed so); nothing
        when the call said the relationship itself ("we got divorced")."""
        if _of_user(stored, "relationship"):
            return []
        ended = next(
            (
                f
                for f in _of_user(stored, "partner")
                if f["negated"]
                and f["relation"] != DUPLICATE
                # (a parting from one named whom no partner held is: "Netflix and I broke
                # up lol" with no partner known)
                and (f["supersedes"] or not f["value"])
            ),
            None,
        )
        if ended is None:
            return []
        held = [m for m in self._by_key(USER, "relationship") if not m.negated]
        if not held or (held[0].value or "").casefold() in _UNPARTNERED:
            return []
        statement = ended["statement"] or ""
        married = (held[0].value or "").casefold() == "married"
        value = "widowed" if DEATH.search(statement) else "separated" if married else "single"
        return self._relationship(value, statement)

    def partnered(self, stored: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """What a partner named in this call leaves the user whose relationship held has
        none ("single", "divorced", "separated", "widowed"): "married" for a husband or
        a wife, "engaged" for a fiancé(e), "in a relationship" for anyone else ("I'm
        single" … "my boyfriend Pieter is taking me to meet his parents"); nothing when
        the call said the relationship itself, or only restated the partner held."""
        if _of_user(stored, "relationship"):
            return []
        named = next(
            (
                f
                for f in _of_user(stored, "partner")
                if not (f["negated"] or f["relation"] == DUPLICATE)
            ),
            None,
        )
        if named is None:
            return []
        held = [m for m in self._by_key(USER, "relationship") if not m.negated]
        if not held or (held[0].value or "").casefold() not in _UNPARTNERED:
            return []
        word = _PARTNER_WORD.match(named["text"])
        value = _PARTNERED.get(kin(word.group(1).casefold()) if word else "", _TOGETHER)
        return self._relationship(value, named["statement"] or "")

    def _relationship(self, value: str, statement: str) -> list[dict[str, Any]]:
        """The user's relationship stored as ``value``, said by ``statement``."""
        fact = ExtractedFact(
            f"{SUBJECT} is {value}",
            statement=statement,
            subject=USER,
            attribute="relationship",
            value=value,
        )
        return self.remember(fact)

    def _stored_now(self, memory: MemoryRecord) -> bool:
        """Whether this call stored ``memory`` as a plain memory."""
        return any(held.id == memory.id for held, _, _ in self.stored)

    def _unkeyed(self, fact: ExtractedFact, vector: Vector) -> tuple[str, Optional[MemoryRecord]]:
        """``duplicate`` and the memory it restates, or ``new``."""
        hits = self.search.nearest(
            self.tenant_id,
            vector,
            self.collection,
            self.container_tag,
            RELATE_CANDIDATES,
            RELATE_FLOOR,
        )
        current = self.store.memories.current_with_vectors(
            self.tenant_id,
            self.collection,
            self.container_tag,
            [rid for rid, _ in hits],
            iso_now(),
        )
        query = as_dict(vector)
        words = frozenset(content_words(fact.text))
        denies = _DENIES.search(fact.text) is not None
        for memory, stored in current:
            score = cosine(query, stored)
            if (_DENIES.search(memory.text) is not None) != denies:
                continue  # "User is not working at Acme" does not restate "User works at Acme"
            if score >= NEAR_DUPLICATE or (
                score >= RELATE_FLOOR and frozenset(content_words(memory.text)) == words
            ):
                return DUPLICATE, memory
        # this call's own, in the order stored: the last few, and any that says its words
        recent = range(max(0, len(self.stored) - _SAME_CALL_WINDOW), len(self.stored))
        for at in sorted({*recent, *self.restating.get((words, denies), ())}):
            memory, stored, said = self.stored[at]
            if self.denying[at] != denies:
                continue
            score = cosine(query, stored)
            if score >= NEAR_DUPLICATE or (score >= RELATE_FLOOR and said == words):
                return DUPLICATE, memory
        return NEW, None


def _of_user(stored: list[dict[str, Any]], attribute: str) -> list[dict[str, Any]]:
    """The facts of the user's ``attribute`` among ``stored``."""
    return [f for f in stored if f["attribute"] == attribute and f["subject"] == USER]


# The relationships that hold no partner: a parting leaves them as they are, a partner
# named ends them.
_UNPARTNERED = frozenset(("single", "divorced", "separated", "widowed"))
# What a partner named makes the relationship, by the word for them (kin's, "hubby" →
# "husband"): any other word, "in a relationship".
_PARTNERED = {"husband": "married", "wife": "married", "spouse": "married", "fiance": "engaged"}
_TOGETHER = "in a relationship"
# The word for the partner in a partner fact's text ("User's boyfriend is Pieter", as
# extract/wording.py's RELATION_TEXT words it).
_PARTNER_WORD = re.compile(rf"{SUBJECT}'s ([\w-]+) is ")


# Who a child born to one of the user's family is to the user (the attribute that records
# it, and the word for a son and for a daughter): a sibling's is a nephew or a niece, a
# child's a grandson or a granddaughter, a partner's a son or a daughter, a parent's a
# brother or a sister.
_FAMILY_CHILD = {
    "siblings": ("relatives", "nephew", "niece"),
    "children": ("relatives", "grandson", "granddaughter"),
    "partner": ("children", "son", "daughter"),
    "mother": ("siblings", "brother", "sister"),
    "father": ("siblings", "brother", "sister"),
}
# What was born, as said ("had a baby boy"; not the parent's own word, "my son Tom had…").
_BORN_A = re.compile(BORN_A, re.I)


def _born_to_family(fact: ExtractedFact) -> Optional[ExtractedFact]:
    """The user's relation to a child a fact says someone of the user's family had
    ("User's sister Ama has a child, Kofi", said "…had a baby boy, Kofi"): "User's
    nephew is Kofi". None for anyone else's child (a friend's), or one said as neither
    son nor daughter."""
    if fact.attribute != "children" or fact.negated or not fact.value:
        return None
    relation = fact.subject.partition(":")[0]
    family = _FAMILY_CHILD.get(RELATIONS.get(relation.lower(), ""))
    if family is None:
        return None
    kinds = {m.group("kind").lower() in ("boy", "son") for m in _BORN_A.finditer(fact.statement)}
    if len(kinds) != 1:
        return None  # "a baby", or "a boy and a girl": whose is whose, unsaid
    attribute_, son, daughter = family
    return ExtractedFact(
        f"{SUBJECT}'s {son if kinds.pop() else daughter} is {fact.value}",
        statement=fact.statement,
        subject=USER,
        attribute=attribute_,
        value=fact.value,
    )


def store_facts(
    services: Services,
    principal: Principal,
    collection: str,
    facts: list[ExtractedFact],
    observed_at: str,
    container_tag: Optional[str] = None,
) -> list[dict[str, Any]]:
    """Relate each of ``facts`` to the current memories of the collection and tag and
    store all but duplicates; returns the Extracted facts in order."""
    store = services.store
    # One transaction: relate and store cannot interleave with another remember, so two
    # calls never both supersede the same memory, and a failure stores nothing.
    with store.write():
        store.collections.ensure(principal.tenant_id, collection)
        call = _Call(services, principal, collection, container_tag, observed_at)
        stored = [stored for fact in facts for stored in call.remember(fact)]
        return stored + call.parted(stored) + call.partnered(stored)
