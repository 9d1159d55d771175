"""Hybrid retrieval: a full-text arm (FTS5 BM25), a vector arm (cosine over the stdlib
embedding) and Reciprocal Rank Fusion.

The vector arm never scans every memory. Each tenant has an in-memory inverted index,
hashed feature → postings of (memory, weight), built lazily from the stored vectors on
the tenant's first search and kept current by the store's post-commit change feed.
Candidates come from the query's features, rarest first, within a postings budget; the
best of them are then re-scored exactly against their stored vectors.
"""

from __future__ import annotations

import threading
import time
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Optional

from .._protocol import DEFAULT_MIN_SCORE, DEFAULT_SEARCH_LIMIT, DEFAULT_SEARCH_MODE
from . import wire
from .db import Change, IndexEntry, MemoryFilter, Store
from .embed import STOP_WORDS, Vector, as_dict, cosine, embed, tokens, word_feature
from .timestamps import iso_now, iso_to_epoch

RRF_K = 60

# How many postings one query may walk before it stops opening common features.
_POSTINGS_BUDGET = 20_000
# Each arm hands this many times the requested hits to the fusion step.
_ARM_DEPTH_FACTOR = 4
_MIN_ARM_DEPTH = 40
# Partial (postings-only) scores shortlist this many per final hit for exact re-scoring.
_RESCORE_FACTOR = 3
# A tenant's index is rebuilt once postings left behind by updates and deletes outnumber
# half of all its postings (and this floor, so small indexes are not rebuilt constantly).
_STALE_REBUILD_FLOOR = 10_000
_MAX_QUERY_TERMS = 32
# A term or feature found in more than this share of memories (and more than the minimum
# count) says little about relevance but costs a posting per memory: it is left out of
# candidate generation unless nothing rarer is in the query. BM25 gives such terms
# almost no weight anyway.
_COMMON_FRACTION = 0.2
_COMMON_MIN_DOCS = 500
_KEEP_RAREST = 2


@dataclass
class _Doc:
    vector: Vector
    collection: str
    category: str
    container_tag: Optional[str]
    current: bool  # not archived and still the latest version
    expires: Optional[float]


def _doc(entry: IndexEntry) -> _Doc:
    return _Doc(
        vector=entry.vector,
        collection=entry.collection,
        category=entry.category,
        container_tag=entry.container_tag,
        current=entry.current,
        expires=iso_to_epoch(entry.expires_at) if entry.expires_at else None,
    )


class _TenantIndex:
    def __init__(self) -> None:
        self.docs: dict[int, _Doc] = {}
        self.postings: dict[int, tuple[array[int], array[float]]] = {}
        self.size = 0
        self.stale = 0

    def put(self, rid: int, doc: _Doc) -> None:
        old = self.docs.get(rid)
        self.docs[rid] = doc
        if old is not None:
            if old.vector == doc.vector:
                return
            # Old postings stay until the next rebuild; exact re-scoring ignores them.
            self.stale += len(old.vector[0])
        for fid, weight in zip(*doc.vector):
            plist = self.postings.get(fid)
            if plist is None:
                plist = self.postings[fid] = (array("q"), array("f"))
            plist[0].append(rid)
            plist[1].append(weight)
            self.size += 1

    def remove(self, rid: int) -> None:
        old = self.docs.pop(rid, None)
        if old is not None:
            self.stale += len(old.vector[0])

    def needs_rebuild(self) -> bool:
        return self.stale > max(_STALE_REBUILD_FLOOR, self.size // 2)

    def rebuilt(self) -> _TenantIndex:
        fresh = _TenantIndex()
        for rid, doc in self.docs.items():
            fresh.put(rid, doc)
        return fresh


@dataclass(frozen=True)
class SearchRequest:
    query: str
    limit: int = DEFAULT_SEARCH_LIMIT
    min_score: float = DEFAULT_MIN_SCORE
    mode: str = DEFAULT_SEARCH_MODE
    collection: Optional[str] = None
    category: Optional[str] = None
    container_tag: Optional[str] = None
    metadata_filter: Optional[dict[str, Any]] = None


def json_contains(container: Any, wanted: Any) -> bool:
    """JSON containment: every key/value of ``wanted`` is present in ``container``.

    Objects match recursively; other values match exactly, keeping JSON's types apart
    (``true`` is not ``1``).
    """
    if isinstance(wanted, dict):
        return isinstance(container, dict) and all(
            key in container and json_contains(container[key], value)
            for key, value in wanted.items()
        )
    if isinstance(wanted, bool) or isinstance(container, bool):
        return isinstance(wanted, bool) and isinstance(container, bool) and wanted == container
    if isinstance(wanted, (int, float)) and isinstance(container, (int, float)):
        return wanted == container
    return type(wanted) is type(container) and bool(wanted == container)


def _fts_query(terms: Sequence[str]) -> str | None:
    if not terms:
        return None
    # Each term quoted, so user input can never become FTS5 query syntax.
    return " OR ".join('"' + term + '"' for term in terms)


def _is_common(count: int, total: int) -> bool:
    return count > max(_COMMON_MIN_DOCS, total * _COMMON_FRACTION)


class SearchEngine:
    """Runs searches and related-memory look-ups for one store."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._indexes: dict[str, _TenantIndex] = {}
        self._lock = threading.Lock()
        store.add_listener(self._on_changes)

    # -- index maintenance ------------------------------------------------------------

    def _on_changes(self, changes: list[Change]) -> None:
        with self._lock:
            for change in changes:
                index = self._indexes.get(change.tenant_id)
                if index is None:
                    continue  # not loaded yet; the first search loads it fresh
                if change.entry is None:
                    index.remove(change.rid)
                else:
                    index.put(change.rid, _doc(change.entry))
            for tenant_id, index in list(self._indexes.items()):
                if index.needs_rebuild():
                    self._indexes[tenant_id] = index.rebuilt()

    def _index(self, tenant_id: str) -> _TenantIndex:
        with self._lock:
            index = self._indexes.get(tenant_id)
        if index is not None:
            return index
        # Loading under the store's write lock means no change can commit between the
        # snapshot and the moment the change feed starts updating this index.
        with self.store.write():
            with self._lock:
                index = self._indexes.get(tenant_id)
            if index is not None:
                return index
            index = _TenantIndex()
            for entry in self.store.memories.index_entries(tenant_id):
                index.put(entry.rid, _doc(entry))
            with self._lock:
                self._indexes[tenant_id] = index
        return index

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
            features = sorted(
                (fid for fid in query if fid in postings), key=lambda f: len(postings[f][0])
            )
            partial: dict[int, float] = {}
            walked = 0
            for i, fid in enumerate(features):
                rids, weights = postings[fid]
                if walked and walked + len(rids) > _POSTINGS_BUDGET:
                    break
                if i >= _KEEP_RAREST and _is_common(len(rids), len(docs)):
                    break
                walked += len(rids)
                qw = query[fid]
                get = partial.get
                for rid, weight in zip(rids, weights):
                    partial[rid] = get(rid, 0.0) + qw * weight

            def eligible(rid: int) -> bool:
                doc = docs.get(rid)
                if doc is None or not doc.current or rid == exclude:
                    return False
                if doc.expires is not None and doc.expires <= now:
                    return False
                if flt.collection is not None and doc.collection != flt.collection:
                    return False
                if flt.category is not None and doc.category != flt.category:
                    return False
                return flt.container_tag is None or doc.container_tag == flt.container_tag

            want = depth * _RESCORE_FACTOR
            # Most candidates pass the filters, so rank first and filter the front of the
            # ranking; only when too few of those pass is every candidate filtered.
            ranked = sorted(partial, key=partial.__getitem__, reverse=True)
            shortlist = [rid for rid in ranked[: want * 4] if eligible(rid)][:want]
            if len(shortlist) < want and len(ranked) > want * 4:
                shortlist = [rid for rid in ranked if eligible(rid)][:want]
            scored = [(rid, cosine(query, docs[rid].vector)) for rid in shortlist]
        scored = [
            (rid, min(score, 1.0)) for rid, score in scored if score > 0 and score >= min_score
        ]
        scored.sort(key=lambda item: (-item[1], item[0]))
        return scored[:depth]

    # -- public -----------------------------------------------------------------------

    def search(self, tenant_id: str, req: SearchRequest) -> list[dict[str, Any]]:
        """Ranked hits (Memory + score, vector_score, text_score) for one request."""
        flt = MemoryFilter(req.collection, req.category, req.container_tag)
        # A metadata filter is applied after the arms, so they must dig deeper.
        depth = max(req.limit * _ARM_DEPTH_FACTOR, _MIN_ARM_DEPTH)
        if req.metadata_filter:
            depth *= 10
        text_hits: list[tuple[int, float]] = []
        vector_hits: list[tuple[int, float]] = []
        if req.mode in ("hybrid", "text"):
            match = _fts_query(self._text_terms(tenant_id, req.query))
            if match is not None:
                text_hits = [
                    (rid, -rank / (1.0 - rank))  # bm25 < 0; map -bm25 ∈ [0, ∞) onto [0, 1)
                    for rid, rank in self.store.memories.full_text(
                        tenant_id, match, flt, iso_now(), depth
                    )
                ]
        if req.mode in ("hybrid", "vector"):
            vector_hits = self._vector_arm(
                tenant_id, as_dict(embed(req.query)), flt, depth, req.min_score
            )
        return self._fuse(tenant_id, req, text_hits, vector_hits)

    def _text_terms(self, tenant_id: str, query: str) -> list[str]:
        """The query's words worth matching: no stop words, no near-universal terms.

        "Near-universal" is judged within the tenant, from its own index's word
        postings: another tenant's memories must not change what this one finds.
        """
        terms = list(dict.fromkeys(tokens(query)))[:_MAX_QUERY_TERMS]
        terms = [t for t in terms if t not in STOP_WORDS] or terms
        index = self._index(tenant_id)
        with self._lock:
            total = len(index.docs)
            counts = {}
            for term in terms:
                postings = index.postings.get(word_feature(term))
                counts[term] = len(postings[0]) if postings is not None else 0
        by_rarity = sorted(terms, key=lambda t: counts.get(t, 0))
        return [
            term
            for i, term in enumerate(by_rarity)
            if i < _KEEP_RAREST or not _is_common(counts.get(term, 0), total)
        ]

    def related(
        self, tenant_id: str, collection: str, rid: int, limit: int, min_score: float
    ) -> list[dict[str, Any]]:
        """Nearest current memories to one memory, in its collection, excluding itself."""
        vector = self.store.memories.vector(tenant_id, rid)
        if vector is None:
            return []
        hits = self._vector_arm(
            tenant_id, as_dict(vector), MemoryFilter(collection=collection), limit, min_score, rid
        )
        req = SearchRequest(query="", limit=limit, mode="vector", collection=collection)
        return self._fuse(tenant_id, req, [], hits)

    def nearest(
        self,
        tenant_id: str,
        vector: Vector,
        collection: str,
        limit: int,
        min_score: float,
    ) -> list[tuple[int, float]]:
        """(rid, cosine) of the current memories of one collection nearest a vector, best
        first: the vector arm alone, for remember. The index trails uncommitted writes, so
        a caller inside a transaction re-checks the rows."""
        flt = MemoryFilter(collection=collection)
        return self._vector_arm(tenant_id, as_dict(vector), flt, limit, min_score)

    def _fuse(
        self,
        tenant_id: str,
        req: SearchRequest,
        text_hits: Sequence[tuple[int, float]],
        vector_hits: Sequence[tuple[int, float]],
    ) -> list[dict[str, Any]]:
        text_score = dict(text_hits)
        vector_score = dict(vector_hits)
        if req.mode == "text":
            fused = dict(text_score)
        elif req.mode == "vector":
            fused = dict(vector_score)
        else:
            # RRF, scaled so a memory ranked first by both arms scores 1.0.
            best = 2.0 / (RRF_K + 1)
            fused = {}
            for hits in (text_hits, vector_hits):
                for rank, (rid, _) in enumerate(hits, start=1):
                    fused[rid] = fused.get(rid, 0.0) + 1.0 / (RRF_K + rank) / best
        order = sorted(fused, key=lambda rid: (-fused[rid], rid))
        found = self.store.memories.by_rids(tenant_id, order)
        now = iso_now()
        results: list[dict[str, Any]] = []
        for rid in order:
            memory = found.get(rid)
            # Re-checked on the record itself: the index may trail a concurrent write.
            if memory is None or memory.archived or not memory.is_latest:
                continue
            if memory.expires_at is not None and memory.expires_at <= now:
                continue
            if req.metadata_filter and not json_contains(memory.metadata, req.metadata_filter):
                continue
            results.append(
                wire.search_hit(
                    memory, min(fused[rid], 1.0), vector_score.get(rid), text_score.get(rid)
                )
            )
            if len(results) >= req.limit:
                break
        return results
