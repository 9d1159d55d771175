"""What every part of one remember call shares (relate/): ``CallBase``, the call's
scope (its collection and container tag, when it was said) and what it has done so far
(the unkeyed facts it stored, the keyed facts it said again), and the current memories
of a key in that scope; the relations a fact comes back with; how two values compare
(one value said fully or in part, a pet by its name).
"""

from __future__ import annotations

from datetime import datetime
from typing import Optional

from ..context import Services
from ..db import MemoryFilter, MemoryRecord, Principal
from ..embed import Vector
from ..timestamps import datetime_to_iso, iso_now

NEW, UPDATES, EXTENDS, DUPLICATE = "new", "updates", "extends", "duplicate"
# How many of the collection's newest memories a call reads for the message stored last
# (a correction of it, a plan it re-dates; pinned ones come first in that order).
NEWEST_LOOKED_AT = 64


def iso(moment: Optional[datetime]) -> Optional[str]:
    return None if moment is None else datetime_to_iso(moment)


def _same(a: Optional[str], b: Optional[str]) -> bool:
    """One value, said fully or in part: "Capcom" is "Capcom in Osaka", "Biscuit" is "cat
    called Biscuit"."""
    first, second = _called(a), _called(b)
    shorter, longer = sorted((first, second), key=len)
    return bool(shorter) and longer[: len(shorter)] == shorter


def _called(value: Optional[str]) -> list[str]:
    """A value's words, folded; of "rescue greyhound called Pepper", the name alone: a
    pet is the one called so, whatever kind it was said to be ("my dog Pepper")."""
    words = (value or "").casefold().split()
    return words[words.index("called") + 1 :] if "called" in words[1:] else words


class CallBase:
    """One remember call's scope and state, which each part of it reads (call.py)."""

    def __init__(
        self,
        services: Services,
        principal: Principal,
        collection: str,
        container_tag: Optional[str],
        observed_at: str,
    ) -> None:
        self.store = services.store
        self.search = services.search
        self.principal = principal
        self.tenant_id = principal.tenant_id
        self.collection = collection
        # The call's scope: its facts are stored with this tag and related only to
        # memories of the same tag (None: untagged ones), so one user's new home never
        # retires another's in a shared collection.
        self.container_tag = container_tag
        self.observed_at = observed_at
        # Unkeyed facts stored by this call, with their content words: the search index
        # only learns of them at commit. A later fact is compared with the last of them
        # (_SAME_CALL_WINDOW) and with each that says its content words (``restating``),
        # so their words and whether they deny are read once, here.
        self.stored: list[tuple[MemoryRecord, Vector, frozenset[str]]] = []
        # Every memory this call stored, keyed or not, by id.
        self.added: set[str] = set()
        self.denying: list[bool] = []
        self.restating: dict[tuple[frozenset[str], bool], list[int]] = {}
        # Keyed facts this call said again ("I'm still a nurse but I left St Thomas'"): a
        # leaving in the same call does not end them.
        self.said_again: set[str] = set()

    def _scope(self) -> MemoryFilter:
        return MemoryFilter(
            collection=self.collection, container_tag=self.container_tag, exact_tag=True
        )

    def _by_key(self, subject: str, name: str) -> list[MemoryRecord]:
        return self.store.memories.current_by_key(
            self.tenant_id, self.collection, self.container_tag, subject, name, iso_now()
        )
