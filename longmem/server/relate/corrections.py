"""Corrections in a remember call (relate/): "it's Izmir, not Bursa" rewrites the
newest current memory that names the wrong word with the right one, superseding it (and
every other said in the same words, or about the person it names); "sorry, I meant
Wipro" puts right the value of that shape the collection's newest message keyed, said
within the hour before. With nothing to correct, the words are stored as a plain fact
(call.py).
"""

from __future__ import annotations

import re
from typing import Any, Optional

from ..._protocol import SOURCE_REMEMBER
from .. import wire
from ..db import MemoryRecord, NewMemory
from ..embed import query_terms
from ..extract.places import places_in
from ..facts import RELATION_ATTRIBUTES, USER, attribute
from ..timestamps import iso_now, iso_to_epoch
from .base import DUPLICATE, NEWEST_LOOKED_AT, UPDATES, CallBase, _same

# How far back "sorry, I meant Wipro" puts right the last statement (seconds).
_PUT_RIGHT_WITHIN = 3600


def _keyed_now(memory: MemoryRecord) -> bool:
    """Whether a memory is a value keyed and current (not a denial, history or archived)."""
    return (
        bool(memory.attribute and memory.value and not memory.negated)
        and memory.is_latest
        and not memory.archived
    )


class _Corrections(CallBase):
    """What a correction puts right, and the memories it stores in their place."""

    def _said_last(self, right: str) -> Optional[str]:
        """The value of ``right``'s shape (a number for a number, a name for a name) that
        the collection's newest message keyed, for "sorry, I meant Wipro": only when its
        fact is the newest memory of the collection, was said within the hour before, and
        the message keyed one value of that shape (not "I live in York and work at Aviva":
        which?); None otherwise."""
        # the newest memories, whatever they are: the message put right is the newest
        latest = self.store.memories.page(
            self.tenant_id, self.collection, NEWEST_LOOKED_AT, 0, True, True, self.container_tag
        )
        if not latest:
            return None
        newest = max(latest, key=lambda m: m.rid)
        if not _keyed_now(newest):
            return None  # something said since keyed nothing: that is what was meant
        if iso_to_epoch(self.observed_at) - iso_to_epoch(newest.said) > _PUT_RIGHT_WITHIN:
            return None  # said long before: "I meant Arsenal" two months on
        # what the same message keyed (its clauses' statements differ; its time does not)
        said = [
            m
            for m in latest
            if m.said == newest.said and m.created_at == newest.created_at and _keyed_now(m)
        ]
        shaped = [
            m.value
            for m in said
            if m.value is not None
            and m.value.isdigit() == right.isdigit()
            and m.value[:1].isupper() == right[:1].isupper()
            and m.value.casefold() != right.casefold()
            # a home or a stay put right by a place ("sorry, I meant Asics" is no town)
            and (m.attribute not in ("home", "location") or bool(places_in(right)))
        ]
        return shaped[0] if len(set(shaped)) == 1 else None

    def _correct(self, wrong: str, right: str, statement: str) -> list[dict[str, Any]]:
        """The newest current memory that names ``wrong`` (and not ``right``) again, with
        ``right`` in its place, superseding it; so too every other one said in the same
        words ("my daughter Isabel starts swimming" keyed her and told what she does) and,
        when it names a person, every one about them ("daughter:Isabel"). A common word
        ("sorry, almonds not walnuts") corrects only the user's own memories. Nothing
        when no memory names it."""
        pattern = re.compile(rf"(?<![^\W_]){re.escape(wrong)}(?![^\W_])", re.I)
        flt = self._scope()
        now = iso_now()
        match = " ".join(f'"{term}"' for term in query_terms(wrong))
        found = self.store.memories.by_rids(
            self.tenant_id,
            [rid for rid, _ in self.store.memories.full_text(self.tenant_id, match, flt, now, 50)],
        )
        named = [
            m
            for m in found.values()
            if pattern.search(m.text) and not re.search(re.escape(right), m.text, re.I)
        ]
        if not wrong[:1].isupper():
            named = [m for m in named if m.subject in (None, USER)]
        if not named:
            return []
        newest = max(named, key=lambda m: (m.began, m.rid))
        chosen = {m.rid: m for m in named if m.statement and m.statement == newest.statement}
        person = [m for m in named if _names_person(m, wrong)]
        if any(m.rid in chosen or m is newest for m in person):
            chosen.update((m.rid, m) for m in person)
        return [
            self._corrected(old, pattern, right, statement)
            for old in sorted(chosen.values() or [newest], key=lambda m: m.rid)
        ]

    def _corrected(
        self, old: MemoryRecord, pattern: re.Pattern[str], right: str, statement: str
    ) -> dict[str, Any]:
        """``old`` stored again with ``right`` where ``pattern`` named the wrong word,
        superseding it; or, when its key already holds the right value (one daughter
        called Isla known), only retired, the value held standing for it."""
        subject = pattern.sub(right, old.subject) if old.subject else None
        value = pattern.sub(right, old.value) if old.value else None
        spec = attribute(old.attribute)
        if subject and spec is not None and not old.negated:
            held = [m for m in self._by_key(subject, spec.name) if not m.negated]
            held = [m for m in held if m.rid != old.rid]
            # the same value held, or, now about someone the key knows already, any value
            moved = subject != old.subject and spec.single
            same = next((m for m in held if moved or _same(m.value, value)), None)
            if same is not None:
                self.store.memories.retire(self.tenant_id, self.collection, [old.id])
                return wire.extracted_fact(same, DUPLICATE)
        item = NewMemory(
            collection=self.collection,
            text=pattern.sub(right, old.text),
            source=SOURCE_REMEMBER,
            container_tag=self.container_tag,
            type=old.type,
            expires_at=old.expires_at,
            subject=subject,
            attribute=old.attribute,
            value=value,
            valid_from=old.valid_from,
            statement=statement or None,
            supersedes=old.id,
            negated=old.negated,
        )
        return wire.extracted_fact(self.store.memories.add_fact(self.principal, item), UPDATES)


def _names_person(memory: MemoryRecord, name: str) -> bool:
    """Whether ``memory`` is about someone called ``name`` ("daughter:Isabel"), or says
    who they are to the user ("User's daughter is Isabel")."""
    folded = name.casefold()
    if (memory.subject or "").casefold().endswith(":" + folded):
        return True
    return memory.attribute in RELATION_ATTRIBUTES and (memory.value or "").casefold() == folded
