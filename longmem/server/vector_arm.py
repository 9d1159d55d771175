"""The vector arm of a search, and the indexes it walks: ``VectorArm``, which
``SearchEngine`` (search.py) builds on, holds each tenant's index (vector_index.py) and
walks it for the memories nearest a query's vector.

The vector arm never scans every memory. Each tenant has an in-memory inverted index
(vector_index.py), hashed feature → postings of (memory, weight), built lazily from the
stored vectors on the tenant's first search (without waiting for the writer: what
commits meanwhile is replayed from the change feed) and kept current by the store's
post-commit change feed. Candidates come from the query's features, rarest first,
within a postings budget; the best of them are then re-scored exactly against their
stored vectors.
A search process (``follow_log``) replays the change log instead, at the start of each
search. How common a word or feature is (``is_common``) also decides which of a query's
words the text arms match.
"""

from __future__ import annotations

import threading
import time
from bisect import bisect_left
from collections.abc import Callable, Iterator, Sequence
from itertools import islice
from typing import Optional

from .db import Change, MemoryFilter, Store
from .embed import Vector, cosine
from .rerank import ModelRanker
from .vector_index import TenantIndex, _doc, _eligible

# How many postings one query may walk before it stops opening common features.
_POSTINGS_BUDGET = 20_000
# Scoring one memory exactly (its ~50 features against the query) costs about as much as
# walking this many postings: a collection this much smaller than the walk is scored
# memory by memory instead.
_DOC_COST = 16
# A search process (follow_log) replays at most this many logged changes at once; after
# more, it loads its indexes afresh.
_MAX_REPLAY = 20_000
# Partial (postings-only) scores shortlist this many per final hit for exact re-scoring.
_RESCORE_FACTOR = 3
# A term or feature found in more than this share of memories (and more than the minimum
# count) says little about relevance but costs a posting per memory: it is left out of
# candidate generation unless nothing rarer is in the query. BM25 gives such terms
# almost no weight anyway.
_COMMON_FRACTION = 0.2
_COMMON_MIN_DOCS = 500
KEEP_RAREST = 2


def _dot(query: dict[int, float], features: Sequence[int], vector: Vector) -> float:
    """The dot product of ``query`` and ``vector`` over ``features`` only (a vector's
    feature ids are sorted)."""
    ids, weights = vector
    total = 0.0
    for fid in features:
        at = bisect_left(ids, fid)
        if at < len(ids) and ids[at] == fid:
            total += query[fid] * weights[at]
    return total


def _walk_plan(features: Sequence[int], live: dict[int, int], total: int) -> tuple[int, int]:
    """How many of ``features`` (rarest first) the vector arm walks, and how many postings
    that is: it stops before the budget runs out, and at the first feature (after the
    rarest two) found in too many of the ``total`` memories to say much. Counted in
    current memories (``live``), so the plan is the same whatever the index's history."""
    walked = 0
    for i, fid in enumerate(features):
        count = live[fid]
        if (walked and walked + count > _POSTINGS_BUDGET) or (
            i >= KEEP_RAREST and is_common(count, total)
        ):
            return i, walked
        walked += count
    return len(features), walked


def _newest_first_in_ties(ranked: list[int], score: dict[int, float]) -> Iterator[int]:
    """``ranked`` (best first), each run of equal scores newest first: the order of
    ties is the memories', not the postings' (which an index's history decides). Lazy:
    a caller that stops early sorts no further."""
    tied: list[int] = []
    for rid in ranked:
        if tied and score[rid] != score[tied[0]]:
            yield from sorted(tied, reverse=True) if len(tied) > 1 else tied
            tied = []
        tied.append(rid)
    yield from sorted(tied, reverse=True)


def is_common(count: int, total: int) -> bool:
    return count > max(_COMMON_MIN_DOCS, total * _COMMON_FRACTION)


class VectorArm:
    """Each tenant's index, loaded on first use and kept by the change feed (or log), and
    the vector arm that walks it; SearchEngine's constructor."""

    def __init__(
        self,
        store: Store,
        ranker: Optional[ModelRanker] = None,
        *,
        follow_log: bool = False,
        on_load: Optional[tuple[int, Callable[[], None]]] = None,
    ) -> None:
        self.store = store
        self.ranker = ranker
        self.follow_log = follow_log
        self.on_load = on_load
        self._log_seen: Optional[int] = None  # the change log's last entry replayed
        self._catching_up = threading.Lock()
        self._indexes: dict[str, TenantIndex] = {}
        # Changes committed while a tenant's index loads, replayed once it has.
        self._backlog: dict[str, list[Change]] = {}
        self._lock = threading.Lock()
        self._load_lock = threading.Lock()
        store.add_listener(self._on_changes)

    # -- index maintenance ------------------------------------------------------------

    def _on_changes(self, changes: list[Change]) -> None:
        with self._lock:
            for change in changes:
                index = self._indexes.get(change.tenant_id)
                if index is not None:
                    index.apply(change)
                elif change.tenant_id in self._backlog:
                    self._backlog[change.tenant_id].append(change)
                # else: not loaded yet; the first search loads it fresh
            for tenant_id, index in list(self._indexes.items()):
                if index.needs_rebuild():
                    self._indexes[tenant_id] = index.rebuilt()

    def _index(self, tenant_id: str) -> TenantIndex:
        """The tenant's index, loaded on first use without the store's writer: what
        commits while it loads is kept from the change feed and replayed on top."""
        with self._lock:
            index = self._indexes.get(tenant_id)
        if index is not None:
            return index
        with self._load_lock:  # a second search of the tenant waits for the first load
            with self._lock:
                index = self._indexes.get(tenant_id)
                if index is not None:
                    return index
                self._backlog[tenant_id] = []
            try:
                index = TenantIndex()
                # A snapshot taken after the backlog opened: every later commit is in it.
                every, call = self.on_load or (0, None)
                for count, entry in enumerate(self.store.memories.index_entries(tenant_id), 1):
                    index.put(entry.rid, _doc(entry))
                    if call is not None and count % every == 0:
                        call()
            except BaseException:
                with self._lock:
                    del self._backlog[tenant_id]
                raise
            with self._lock:
                # Changes carry whole rows, so replaying one the snapshot already holds
                # leaves the index as it was; in commit order, the last one wins.
                for change in self._backlog.pop(tenant_id):
                    index.apply(change)
                self._indexes[tenant_id] = index
        return index

    def _catch_up(self) -> None:
        """Replay the change log since the last search (inside the search's read): every
        commit before the read began is in the indexes after it."""
        with self._catching_up:
            with self._lock:
                loaded = set(self._indexes)
            last, changes = self.store.memories.logged_changes(self._log_seen, loaded, _MAX_REPLAY)
            if changes is None:  # a first look, or too far behind: each loads afresh
                with self._lock:
                    self._indexes.clear()
            elif changes:
                self._on_changes(changes)
            self._log_seen = last

    # -- the vector arm ---------------------------------------------------------------

    def _vector_arm(
        self,
        tenant_id: str,
        query: dict[int, float],
        flt: MemoryFilter,
        depth: int,
        min_score: float,
        exclude: Optional[int] = None,
    ) -> list[tuple[int, float]]:
        """(rid, cosine) of current memories, best first, cosine ≥ min_score and > 0."""
        index = self._index(tenant_id)
        now = time.time()
        with self._lock:
            postings = index.postings
            docs = index.docs
            live = index.live
            # (a feature only old vectors had is none; ties keep the query's order)
            features = sorted((fid for fid in query if live.get(fid)), key=live.__getitem__)
            walk, walked = _walk_plan(features, live, len(docs))
            eligible = _eligible(docs, flt, now, exclude)
            members = index.collections.get(flt.collection, ()) if flt.collection else None
            if members is not None and len(members) * _DOC_COST <= walked:
                # A small collection of a larger tenant: its own memories, each scored.
                scored = [
                    (rid, cosine(query, docs[rid].vector)) for rid in members if eligible(rid)
                ]
            else:
                partial: dict[int, float] = {}
                walking = features[:walk]
                for fid in walking:
                    rids, weights = postings[fid]
                    qw = query[fid]
                    get = partial.get
                    for rid, weight in zip(rids, weights):
                        partial[rid] = get(rid, 0.0) + qw * weight
                # A memory whose postings hold an older vector too: its sum as its current
                # vector gives it, over the same features in the same order (or no
                # candidate at all), as an index loaded afresh would have it.
                stale = index.dirty.intersection(partial)
                walked_ids = set(walking) if stale else set()
                for rid in stale:
                    doc = docs.get(rid)
                    if doc is None or walked_ids.isdisjoint(doc.vector[0]):
                        del partial[rid]
                    else:
                        partial[rid] = _dot(query, walking, doc.vector)
                skipped = features[walk:]  # too common to walk, rarest first
                # The first ``want`` candidates that pass the filters, best first (ties
                # newest first); filtered lazily, until that many passed (most do).
                ranked = sorted(partial, key=partial.__getitem__, reverse=True)
                shortlist = list(
                    islice(
                        filter(eligible, _newest_first_in_ties(ranked, partial)),
                        depth * _RESCORE_FACTOR,
                    )
                )
                # Their exact cosine: the partial score plus what the skipped features add.
                scored = [
                    (rid, partial[rid] + _dot(query, skipped, docs[rid].vector))
                    for rid in shortlist
                ]
        scored = [
            (rid, min(score, 1.0)) for rid, score in scored if score > 0 and score >= min_score
        ]
        scored.sort(key=lambda item: (-item[1], -item[0]))  # ties: the newer first
        return scored[:depth]
