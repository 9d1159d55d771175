"""Reads of the memories that are keyed facts (``subject / attribute / value``), for
remember, search, summaries and profiles: the current facts of a key, or of a prefix (the
days of the user's plans), every current one of a collection, and those of several
subjects and attributes, history too; who the facts are about (each subject, and the
person a relation fact names: "User's wife is Ana" → ``wife:Ana``), the names the user
goes by, which subject was keyed first, the people told of last and the statements said
of them; the values a key held before. Reads a remember call makes inside its write run
on the writer, so they see the call's own facts.

``KeyedFacts`` holds these and the constructor; ``Memories`` (memories.py) builds on it.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from typing import Optional

from ..extract.kin import relation_key
from ..extract.lexicon import PET_ANIMAL, pet_subject
from ..facts import DATE_PREFIX, RELATION_ATTRIBUTES
from ..timestamps import iso_now
from .database import Database
from .memory_rows import BEGUN_FIRST, COLUMNS, CURRENT, _like, _scope, record, tag_filter
from .records import MemoryFilter, MemoryRecord

# How a relation fact reads ("User's wife is Sophie"): the relation word is the user's.
_RELATION_MARKS = ", ".join(f"'{name}'" for name in sorted(RELATION_ATTRIBUTES))
_RELATION_TEXT = re.compile(r"^User's ([\w-]+) is ")


# Another name the user goes by, as the name fact's text says it (extract/detail.py
# _ALIAS): "User is called Katarzyna, Kasia for short", "…, everyone calls User Thandi",
# "…, aka Kasia"; after the comma, "calls User" or "goes by" on the same line.
_A_NAME = r"([\w'’-]+)"
_ALIAS_SAID = re.compile(rf", (?:{_A_NAME} for short|(?:aka|a\.k\.a\.?) {_A_NAME})$")
_ALIAS_CALLED = re.compile(rf"\b(?:calls? User|go(?:es)? by) {_A_NAME}$")


def _alias(text: str) -> Optional[str]:
    """The other name a name fact's text gives the user, if any. (One pattern with ".*"
    after each ", " took time quadratic in a text of many.)"""
    said = _ALIAS_SAID.search(text)
    if said is not None:
        return said.group(1) or said.group(2)
    called = _ALIAS_CALLED.search(text)
    if called is None:
        return None
    line = text.rfind("\n", 0, called.start()) + 1
    return called.group(1) if text.find(", ", line, called.start()) >= 0 else None


def _named_by(text: str, value: Optional[str]) -> Optional[str]:
    """The subject a relation fact names: "User's wife is Ana" → ``wife:Ana``, "User's
    fiancée is Zanele" → ``fiancee:Zanele`` (the relation word as keys spell it)."""
    spoken = _RELATION_TEXT.match(text)
    return f"{relation_key(spoken.group(1))}:{value}" if spoken and value else None


class KeyedFacts:
    """Reads of the keyed facts among a store's memories; Memories builds on it."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def current_by_key(
        self,
        tenant_id: str,
        collection: str,
        container_tag: Optional[str],
        subject: str,
        attribute: str,
        now: str,
    ) -> list[MemoryRecord]:
        """The current memories of one key within one tag (None: untagged ones), the one
        that became true last first. Read on the writer, so inside ``write()`` it sees
        the facts stored earlier in the call."""
        tag, tag_params = tag_filter(container_tag, exact=True)
        with self.db.write() as conn:
            rows = conn.execute(
                f"SELECT {COLUMNS} FROM memories WHERE tenant_id = ? AND collection = ?{tag} "
                f"AND subject = ? AND attribute = ? AND {CURRENT} "
                "ORDER BY COALESCE(valid_from, created_at) DESC, rid DESC",
                (tenant_id, collection, *tag_params, subject, attribute, now),
            ).fetchall()
        return [record(row) for row in rows]

    def current_by_prefix(
        self,
        tenant_id: str,
        collection: str,
        container_tag: Optional[str],
        subject: str,
        prefix: str,
        now: str,
    ) -> list[MemoryRecord]:
        """The current memories of one subject whose attribute begins with ``prefix``
        (``date:``: the days of the user's plans) within one tag, the one said last
        first. Read on the writer, as ``current_by_key`` is."""
        tag, tag_params = tag_filter(container_tag, exact=True)
        like = _like(prefix) + "%"
        with self.db.write() as conn:
            rows = conn.execute(
                f"SELECT {COLUMNS} FROM memories WHERE tenant_id = ? AND collection = ?{tag} "
                f"AND subject = ? AND attribute LIKE ? ESCAPE '\\' AND negated = 0 AND {CURRENT} "
                "ORDER BY rid DESC",
                (tenant_id, collection, *tag_params, subject, like, now),
            ).fetchall()
        return sorted(map(record, rows), key=lambda m: m.said, reverse=True)

    def first_keyed(
        self, tenant_id: str, collection: str, tags: MemoryFilter, subjects: Sequence[str]
    ) -> list[str]:
        """``subjects`` in the order a memory of the collection's tag was first keyed to
        each (any, history too; read on the writer), those keyed to none last, in
        alphabetical order."""
        scope, params = _scope(tenant_id, collection, tags)
        marks = ", ".join("?" * len(subjects))
        with self.db.write() as conn:
            rows = conn.execute(
                f"SELECT subject, MIN(rid) FROM memories WHERE {scope} "
                f"AND subject IN ({marks}) GROUP BY subject",
                (*params, *subjects),
            ).fetchall()
        first = {str(subject): int(rid) for subject, rid in rows}
        return sorted(subjects, key=lambda s: (first.get(s, sys.maxsize), s))

    def subjects(
        self,
        tenant_id: str,
        collection: Optional[str],
        now: str,
        *,
        for_update: bool = False,
        tags: Optional[MemoryFilter] = None,
        pets: bool = False,
    ) -> tuple[set[str], tuple[str, ...]]:
        """Who the current keyed facts of a collection (of the tenant, for None) are about
        — their subjects, and the people the user's relation facts name ("User's wife is
        Sophie" → ``wife:Sophie``) — and the names the user goes by, if a fact gives
        them: the name, then another its text says ("User is called Katarzyna, Kasia for
        short" → ``("Katarzyna", "Kasia")``). ``tags`` keeps to its container tag
        (search's filter, or remember's exact tag). ``for_update`` reads on the writer,
        like ``current_by_key``. ``pets`` adds the user's pets by name ("User has a dog
        called Rex" → ``dog:Rex``), whom a question may ask about."""
        scope, params = _scope(tenant_id, collection, tags)
        marks = f"'name', 'pets', {_RELATION_MARKS}" if pets else f"'name', {_RELATION_MARKS}"
        with self.db.write() if for_update else self.db.read() as conn:
            # The user's name and relation facts; every other subject comes from DISTINCT.
            rows = conn.execute(
                f"SELECT attribute, value, text FROM memories WHERE {scope} "
                f"AND subject = 'user' AND attribute IN ({marks}) "
                f"AND negated = 0 AND {CURRENT}",
                (*params, now),
            ).fetchall()
            distinct = conn.execute(
                f"SELECT DISTINCT subject FROM memories WHERE {scope} "
                f"AND attribute IS NOT NULL AND {CURRENT}",
                (*params, now),
            ).fetchall()
        subjects = {str(row[0]) for row in distinct}
        held: set[str] = set()
        names: tuple[str, ...] = ()
        for attribute, value, text in rows:
            if attribute == "name":
                if not names and value:
                    other = _alias(text)
                    names = (value, other) if other else (value,)
                continue
            if attribute == "pets":
                pet = pet_subject(value or "")
                if pet:
                    held.add(pet)
                continue
            person = _named_by(text, value)
            if person:
                subjects.add(person)
        if pets:
            # the pets the user has now, not one whose facts outlived it ("my dog Buster
            # is 13", then "Buster passed away")
            subjects = {s for s in subjects if s.split(":", 1)[0] not in PET_ANIMAL} | held
        return subjects, names

    def statements(
        self,
        tenant_id: str,
        collection: Optional[str],
        people: Sequence[str],
        now: str,
        tags: Optional[MemoryFilter] = None,
    ) -> dict[str, list[str]]:
        """The statements the current facts about each of ``people`` (``brother:Tom``)
        were read from, and those of the user's relation facts naming them ("my younger
        brother is Tom" keys only ``User's brother is Tom``)."""
        scope, params = _scope(tenant_id, collection, tags)
        names = {person.split(":", 1)[1]: person for person in people}
        who = ",".join("?" * len(people))
        called = ",".join("?" * len(names))
        with self.db.read() as conn:
            rows = conn.execute(
                f"SELECT subject, value, text, statement FROM memories "
                f"WHERE {scope} AND {CURRENT} AND statement IS NOT NULL "
                f"AND (subject IN ({who}) OR (subject = 'user' "
                f"AND attribute IN ({_RELATION_MARKS}) AND value IN ({called})))",
                (*params, now, *people, *names),
            ).fetchall()
        said: dict[str, list[str]] = {person: [] for person in people}
        for subject, value, text, statement in rows:
            person = subject if subject in said else _named_by(text, value)
            if person in said:
                said[person].append(statement)
        return said

    def latest_people(
        self, tenant_id: str, collection: str, tags: MemoryFilter, now: str, limit: int
    ) -> list[tuple[str, str]]:
        """(person, when said) for the people the ``limit`` current keyed facts of a
        collection's tag stored last are about, the newest first: a fact's subject
        (``wife:Ana``), or the one a relation fact names ("User's wife is Ana" →
        ``wife:Ana``). Read on the writer, as ``current_by_key`` is."""
        scope, params = _scope(tenant_id, collection, tags)
        with self.db.write() as conn:
            rows = conn.execute(
                f"SELECT {COLUMNS} FROM memories WHERE {scope} AND attribute IS NOT NULL "
                f"AND negated = 0 AND {CURRENT} ORDER BY rid DESC LIMIT ?",
                (*params, now, limit),
            ).fetchall()
        people = []
        for memory in map(record, rows):
            if ":" in (memory.subject or ""):
                people.append((memory.subject or "", memory.said))
            elif memory.attribute in RELATION_ATTRIBUTES:
                person = _named_by(memory.text, memory.value)
                if person:
                    people.append((person, memory.said))
        return people

    def current_keyed(
        self, tenant_id: str, collection: str, now: str, container_tag: Optional[str] = None
    ) -> list[MemoryRecord]:
        """Every current keyed fact of a collection (of one tag, unless None) that states a
        value (not a denial), the one that became true last first, after those that
        hold now if it is planned."""
        tag, tag_params = tag_filter(container_tag)
        with self.db.read() as conn:
            rows = conn.execute(
                f"SELECT {COLUMNS} FROM memories WHERE tenant_id = ? AND collection = ?{tag} "
                f"AND attribute IS NOT NULL AND negated = 0 AND {CURRENT} {BEGUN_FIRST}",
                (tenant_id, collection, *tag_params, now, now),
            ).fetchall()
        return [record(row) for row in rows]

    def superseded_values(
        self,
        tenant_id: str,
        collection: Optional[str],
        subjects: Sequence[str],
        attributes: Sequence[str],
        tags: Optional[MemoryFilter] = None,
    ) -> list[tuple[str, Optional[str]]]:
        """The values these keys held before their current ones, each with until when a
        memory naming it is from before: None, always, while a newer value holds ("a vegan
        pav, force of habit" once the user is vegetarian); the end, when the newest fact
        is an end (then "back on the coffee again", said after "I stopped drinking
        coffee", may say it holds again)."""
        facts = self.keyed(tenant_id, collection, subjects, attributes, None, 100, tags)
        current = [m for m in facts if m.is_latest]
        newest = max(current, key=lambda m: m.began, default=None)
        until = newest.began if newest is not None and newest.negated else None
        return [(m.value, until) for m in facts if m.value and not m.is_latest and not m.negated]

    def keyed(
        self,
        tenant_id: str,
        collection: Optional[str],
        subjects: Sequence[str],
        attributes: Sequence[str],
        now: Optional[str],
        limit: int,
        tags: Optional[MemoryFilter] = None,
    ) -> list[MemoryRecord]:
        """Current keyed facts of these subjects (``rel:`` meaning every one of that
        relation) and attributes, of ``tags``' tag, the one that became true last first
        (after those that hold now, if it is planned); with ``now`` None, those no longer
        latest too."""
        scope, params = _scope(tenant_id, collection, tags)
        exact = [s for s in subjects if not s.endswith(":")]
        prefixes = [s for s in subjects if s.endswith(":")]
        who = " OR ".join(
            (["subject IN (" + ",".join("?" * len(exact)) + ")"] if exact else [])
            + ["subject LIKE ? ESCAPE '\\'" for _ in prefixes]
        )
        marks = ",".join("?" * len(attributes))
        likes = [_like(p) + "%" for p in prefixes]
        # a plan's day asked by its event (``date:exam``) is also one of a kind of it
        # (``date:maths exam``)
        kinds = [
            DATE_PREFIX + "% " + _like(a[len(DATE_PREFIX) :])
            for a in attributes
            if a.startswith(DATE_PREFIX) and len(a) > len(DATE_PREFIX)
        ]
        what = f"attribute IN ({marks})" + " OR attribute LIKE ? ESCAPE '\\'" * len(kinds)
        current, moment = (f"AND {CURRENT} ", (now,)) if now is not None else ("", ())
        with self.db.read() as conn:
            rows = conn.execute(
                f"SELECT {COLUMNS} FROM memories WHERE {scope} AND ({who}) "
                f"AND ({what}) {current}{BEGUN_FIRST} LIMIT ?",
                (*params, *exact, *likes, *attributes, *kinds, *moment, now or iso_now(), limit),
            ).fetchall()
        return [record(row) for row in rows]
