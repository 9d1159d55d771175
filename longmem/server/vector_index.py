"""The vector arm's index: per tenant, in memory, hashed feature → postings of (memory,
weight), so a search walks the postings of the query's features instead of every memory.

``TenantIndex`` is filled from the stored vectors and follows each committed change
(``apply``); an update or delete leaves the old postings behind until they outnumber half
of all postings, when it asks to be rebuilt. Until then the memories they belong to (a
row id SQLite may give a new memory, too) are ``dirty``: the walk's sum for them counts
old words, so search scores them by their current vector instead. It also knows each
collection's memories, so a search of a small collection can score them one by one,
and how many of them are current and never expire (``steady``), so a search need not count
them one by one to know a collection is more than its model ranks whole.
``_eligible`` judges a candidate by the index's own copy of its filterable fields,
without reading its row. Loading, locking, rebuilding and the walk of the postings are
the engine's (vector_arm.py).
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Optional

from .db import Change, IndexEntry, MemoryFilter
from .embed import Vector
from .timestamps import iso_to_epoch

# A tenant's index is rebuilt once postings left behind by updates and deletes outnumber
# half of all its postings (and this floor, so small indexes are not rebuilt constantly).
_STALE_REBUILD_FLOOR = 10_000


@dataclass
class _Doc:
    vector: Vector
    collection: str
    category: str
    container_tag: Optional[str]
    current: bool  # not archived and still the latest version
    archived: bool
    expires: Optional[float]


def _doc(entry: IndexEntry) -> _Doc:
    return _Doc(
        vector=entry.vector,
        collection=entry.collection,
        category=entry.category,
        container_tag=entry.container_tag,
        current=entry.current,
        archived=entry.archived,
        expires=iso_to_epoch(entry.expires_at) if entry.expires_at else None,
    )


class TenantIndex:
    def __init__(self) -> None:
        self.docs: dict[int, _Doc] = {}
        self.postings: dict[int, tuple[array[int], array[float]]] = {}
        # Each collection's memories: a search of a small collection of a large tenant
        # scores them one by one rather than walk the whole tenant's postings.
        self.collections: dict[str, set[int]] = {}
        self.size = 0
        self.stale = 0
        # Row ids with postings of an older vector: their walked sums are not scores.
        self.dirty: set[int] = set()
        # Each feature's postings of current vectors (old ones left behind not counted):
        # what the walk plans by, so that it plans alike whatever the index's history.
        self.live: dict[int, int] = {}
        # Memories current and never expiring, by collection and in all: what every search
        # of a collection without a category or tag may return, counted as they change.
        self.steady: dict[str, int] = {}
        self.steady_total = 0

    def put(self, rid: int, doc: _Doc) -> None:
        old = self.docs.get(rid)
        self.docs[rid] = doc
        if old is not None:
            self._steady(old, -1)
        self._steady(doc, 1)
        if old is None or old.collection != doc.collection:
            if old is not None:
                self._leave(rid, old.collection)
            self.collections.setdefault(doc.collection, set()).add(rid)
        if old is not None:
            if old.vector == doc.vector:
                return
            # Old postings stay until the next rebuild.
            self.stale += len(old.vector[0])
            self.dirty.add(rid)
            self._unlive(old)
        live = self.live
        for fid, weight in zip(*doc.vector):
            live[fid] = live.get(fid, 0) + 1
            plist = self.postings.get(fid)
            if plist is None:
                plist = self.postings[fid] = (array("q"), array("f"))
            plist[0].append(rid)
            plist[1].append(weight)
            self.size += 1

    def apply(self, change: Change) -> None:
        """Follow one committed change."""
        if change.entry is None:
            self.remove(change.rid)
        else:
            self.put(change.rid, _doc(change.entry))

    def remove(self, rid: int) -> None:
        old = self.docs.pop(rid, None)
        if old is not None:
            self._steady(old, -1)
            self.stale += len(old.vector[0])
            self.dirty.add(rid)
            self._leave(rid, old.collection)
            self._unlive(old)

    def scope(self, collection: Optional[str]) -> Collection[int]:
        """The memories (of any kind) a search of ``collection``, or of the whole tenant for
        None, looks among."""
        return self.collections.get(collection, ()) if collection else self.docs

    def _steady(self, doc: _Doc, step: int) -> None:
        if doc.current and doc.expires is None:
            self.steady[doc.collection] = self.steady.get(doc.collection, 0) + step
            self.steady_total += step

    def _unlive(self, old: _Doc) -> None:
        live = self.live
        for fid in old.vector[0]:
            live[fid] -= 1

    def _leave(self, rid: int, collection: str) -> None:
        members = self.collections[collection]
        members.discard(rid)
        if not members:
            del self.collections[collection]

    def needs_rebuild(self) -> bool:
        return self.stale > max(_STALE_REBUILD_FLOOR, self.size // 2)

    def rebuilt(self) -> TenantIndex:
        fresh = TenantIndex()
        for rid, doc in self.docs.items():
            fresh.put(rid, doc)
        return fresh


def _eligible(
    docs: dict[int, _Doc], flt: MemoryFilter, now: float, exclude: Optional[int]
) -> Callable[[int], bool]:
    """Whether a candidate of the vector arm passes the search's filters, as of ``now``."""
    history = flt.include_history
    collection, category, tag = flt.collection, flt.category, flt.container_tag
    any_tag = tag is None and not flt.exact_tag

    def eligible(rid: int) -> bool:
        doc = docs.get(rid)
        if doc is None or doc.archived or rid == exclude:
            return False
        if not history and (not doc.current or (doc.expires is not None and doc.expires <= now)):
            return False
        if collection is not None and doc.collection != collection:
            return False
        if category is not None and doc.category != category:
            return False
        return any_tag or doc.container_tag == tag

    return eligible
