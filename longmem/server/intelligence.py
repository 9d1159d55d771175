"""Handlers for remember (facts, supersession, background jobs) and memory hygiene:
forget, dedup, contradictions, archive-stale, health, summary and profile.

Decisions where PROTOCOL.md is silent:

- remember: ``content`` is 1-10000 characters with something besides whitespace. Facts
  are stored with ``source="remember"``, importance 0.7, category "other". Only an
  ``updates`` fact has ``supersedes``; an ``extends`` fact leaves the older one current.
  A ``duplicate`` is not stored: it comes back as the existing memory (its id, its
  fields) with ``relation="duplicate"`` and ``supersedes=null``. One call is one
  transaction: either every fact of the content lands or none does. The collection is
  created on submit, even if no fact comes out.
- Hygiene writes (forget, dedup, archive-stale) act on existing memories, so like
  update and delete they answer 404 for a missing collection rather than create it.
- forget compares the query with every memory of the collection, superseded and archived
  ones included: forgetting must not leave the old versions of a fact behind.
- dedup and archive-stale default to ``dry_run=true``: they change data only when asked.
  dedup never deletes a pinned memory; each cluster's ``similarity`` is the lowest cosine
  of a duplicate to the memory kept.
- health: ``stale`` = what archive-stale would archive for ``stale_days``; ``expired`` =
  past ``expires_at`` but not yet swept; ``supersessions`` = memories no longer latest;
  ``categories`` counts current memories. ``needs_attention`` when stale + expired +
  supersessions exceed ``NEEDS_ATTENTION_SHARE`` of the total.
- profile and summary read current memories only, pinned first, then by importance,
  then most recently updated. The profile uses ``fact`` and ``preference`` memories
  (facts first), plus untyped ones (plain adds) whose category is "fact" or
  "preference": a plain note is not assumed to describe the user unless it says so. With
  nothing to go on the profile is "". Summary themes are the collection's top terms by
  document frequency times a smoothed IDF over the tenant's current memories.
- Defaults (as the SDK's): forget min_score 0.5, limit 10; dedup threshold 0.95;
  archive-stale and health 90 days; contradictions limit 100; summary limit 50.
- Expired memories vanish from every read at once (list, get, search, related, export,
  summary, profile); the sweeper in jobs.py deletes them later. Health counts them.
"""

from __future__ import annotations

import math
import time
from collections import Counter
from collections.abc import Sequence
from datetime import datetime, timezone
from typing import Any, Optional

from .context import HTTPError, Request, Response, Services
from .embed import STOP_WORDS, Vector, as_dict, cosine, embed, tokens
from .extract import (
    EPISODE,
    FACT,
    FALLBACK_FLOOR,
    PREFERENCE,
    RELATION_DUPLICATE,
    RELATION_UPDATES,
    SUBJECT,
    Candidate,
    relate,
)
from .handlers import _collection_param, _object_body
from .store import NewMemory, Principal, epoch_to_iso, iso_now, memory_out
from .validation import LIST_LIMIT_MAX, QUERY_MAX, TEXT_MAX, Checker

# How many nearest current memories relate() sees per fact; it labels against the best.
RELATE_CANDIDATES = 20
REMEMBER_SOURCE = "remember"
DEFAULT_FORGET_MIN_SCORE = 0.5
DEFAULT_FORGET_LIMIT = 10
DEFAULT_DEDUP_THRESHOLD = 0.95
DEFAULT_CONTRADICTIONS_LIMIT = 100
DEFAULT_STALE_DAYS = 90
MAX_DAYS = 36_500  # a century: keeps the cutoff arithmetic in range
NEEDS_ATTENTION_SHARE = 0.2
DEFAULT_SUMMARY_LIMIT = 50
SUMMARY_THEMES = 8
PROFILE_MAX_MEMORIES = 80
PROFILE_KINDS = (FACT, PREFERENCE)
_DAY_SECONDS = 86_400
# Words that recur in extracted facts whatever they are about; no theme is made of them.
_GENERIC_WORDS = frozenset(
    (
        SUBJECT.lower() + " likes like loves love prefers enjoys hates lives works "
        "went got gets has had does did now currently still also really actually"
    ).split()
)


def _must_exist(req: Request, collection: str) -> None:
    if not req.services.store.collection_exists(req.principal.tenant_id, collection):
        raise HTTPError(404, f"Collection '{collection}' not found")


# -- remember -----------------------------------------------------------------------------


def _iso(moment: Optional[datetime]) -> Optional[str]:
    return None if moment is None else epoch_to_iso(moment.timestamp())


def remember_facts(
    services: Services, principal: Principal, collection: str, content: str
) -> list[dict[str, Any]]:
    """Extract the facts of ``content``, label each against the collection's current
    memories and store all but duplicates; returns the Extracted facts in order."""
    store, search = services.store, services.search
    tenant_id = principal.tenant_id
    facts = services.extractor.extract(content, datetime.now(timezone.utc))
    out: list[dict[str, Any]] = []
    # One transaction: relate and store cannot interleave with another remember, so two
    # calls never both supersede the same memory, and a failure stores nothing.
    with store.write():
        store.ensure_collection(tenant_id, collection)
        # Facts stored by this call: the search index only learns of them at commit.
        stored: dict[str, tuple[Candidate, dict[str, Any]]] = {}
        for fact in facts:
            vector = embed(fact.text)
            hits = search.nearest(tenant_id, vector, collection, RELATE_CANDIDATES, FALLBACK_FLOOR)
            rows = store.current_rows(tenant_id, collection, [rid for rid, _ in hits], iso_now())
            candidates = [Candidate(row["id"], row["text"], vec) for row, vec in rows]
            known = {row["id"]: memory_out(row) for row, _ in rows}
            for candidate, memory in stored.values():
                if candidate.id not in known:
                    candidates.append(candidate)
                    known[candidate.id] = memory
            relation, match, _ = relate(fact.text, vector, candidates)
            if relation == RELATION_DUPLICATE and match is not None:
                out.append({**known[match.id], "relation": relation, "supersedes": None})
                continue
            supersedes = match.id if relation == RELATION_UPDATES and match is not None else None
            item = NewMemory(
                collection=collection,
                text=fact.text,
                source=REMEMBER_SOURCE,
                type=fact.type,
                expires_at=_iso(fact.expires_at),
            )
            memory = store.add_fact(principal, item, supersedes)
            if supersedes is not None:
                stored.pop(supersedes, None)
            stored[memory["id"]] = (Candidate(memory["id"], fact.text, vector), memory)
            out.append({**memory, "relation": relation, "supersedes": supersedes})
    return out


def remember(req: Request) -> Response:
    collection = _collection_param(req)
    body = _object_body(req)
    check = Checker()
    sync = check.query_bool(req.query, "sync", default=False)
    content = check.string(body, "content", ["body"], required=True, min_len=1, max_len=TEXT_MAX)
    if content and not content.strip():
        check.fail(["body", "content"], "String should not be blank", "string_too_short")
    check.done()
    assert content is not None
    if sync:
        facts = remember_facts(req.services, req.principal, collection, content)
        return Response(200, {"facts": facts})
    store = req.services.store
    with store.write():
        store.ensure_collection(req.principal.tenant_id, collection)
        job = store.create_job(req.principal, collection, content)
    req.services.wake_jobs()
    return Response(202, {"job_id": job["job_id"]})


def get_job(req: Request) -> Response:
    job_id = req.params["id"]
    job = req.services.store.get_job(req.principal.tenant_id, job_id)
    if job is None:
        raise HTTPError(404, f"Job '{job_id}' not found")
    return Response(200, job)


# -- hygiene writes -----------------------------------------------------------------------


def forget(req: Request) -> Response:
    collection = _collection_param(req)
    body = _object_body(req)
    check = Checker()
    query = check.string(body, "query", ["body"], required=True, min_len=1, max_len=QUERY_MAX)
    min_score = check.number(
        body, "min_score", ["body"], default=DEFAULT_FORGET_MIN_SCORE, lo=0.0, hi=1.0
    )
    limit = check.integer(
        body, "limit", ["body"], default=DEFAULT_FORGET_LIMIT, lo=1, hi=LIST_LIMIT_MAX
    )
    check.done()
    assert query is not None
    store = req.services.store
    tenant_id = req.principal.tenant_id
    _must_exist(req, collection)
    wanted = as_dict(embed(query))
    scored = []
    for row, vector in store.collection_vectors(tenant_id, collection):
        score = cosine(wanted, vector)
        # An unrelated query scores 0 and must never delete anything, even at min_score 0.
        if score > 0 and score >= min_score:
            scored.append((-score, row["rid"], str(row["id"])))
    scored.sort()
    doomed = [memory_id for *_, memory_id in scored[:limit]]
    ids = store.delete_memories(tenant_id, collection, doomed)
    return Response(200, {"deleted": len(ids), "ids": ids})


class _NearDuplicates:
    """Exact all-pairs cosine search by prefix filtering (Bayardo et al., "Scaling up all
    pairs similarity search", 2007).

    Vectors have norm 1, so features not probed can add at most the norm of their weights
    to a cosine. Probing a vector's rarest features until the rest weigh less than the
    threshold therefore finds every partner at or above it, and rare features have short
    postings: at dedup's usual thresholds each look-up opens only a few.
    """

    def __init__(self, vectors: Sequence[Vector], threshold: float) -> None:
        self.vectors = vectors
        # A hair under the threshold, so float rounding never drops a pair exactly on it.
        self.bound = (threshold * (1 - 1e-9)) ** 2
        self.threshold = threshold
        self.postings: dict[int, list[int]] = {}
        for i, (ids, _) in enumerate(vectors):
            for fid in ids:
                self.postings.setdefault(fid, []).append(i)

    def neighbours(self, i: int, skip: set[int]) -> list[tuple[int, float]]:
        """(index, cosine) of every other vector at or above the threshold, best first."""
        ids, weights = self.vectors[i]
        postings = self.postings
        remaining = sum(w * w for w in weights)
        candidates: set[int] = set()
        for fid, weight in sorted(zip(ids, weights), key=lambda f: (len(postings[f[0]]), f[0])):
            if remaining < self.bound:
                break
            candidates.update(postings[fid])
            remaining -= weight * weight
        query = as_dict(self.vectors[i])
        found = []
        for j in candidates - skip - {i}:
            score = min(cosine(query, self.vectors[j]), 1.0)
            if score > 0 and score >= self.threshold:
                found.append((j, score))
        found.sort(key=lambda item: (-item[1], item[0]))
        return found


def dedup(req: Request) -> Response:
    collection = _collection_param(req)
    body = _object_body(req, required=False)
    check = Checker()
    threshold = check.number(
        body, "threshold", ["body"], default=DEFAULT_DEDUP_THRESHOLD, lo=0.0, hi=1.0
    )
    dry_run = check.boolean(body, "dry_run", ["body"], default=True)
    check.done()
    _must_exist(req, collection)
    store = req.services.store
    tenant_id = req.principal.tenant_id
    items = store.collection_vectors(tenant_id, collection, iso_now())
    # The keeper of a cluster is the first by this order: pinned, most important, oldest;
    # each keeper takes every unclaimed, unpinned memory at or above the threshold.
    items.sort(
        key=lambda it: (-it[0]["pinned"], -it[0]["importance"], it[0]["created_at"], it[0]["rid"])
    )
    rows = [row for row, _ in items]
    index = _NearDuplicates([vector for _, vector in items], threshold)
    assigned: set[int] = set()
    clusters: list[dict[str, Any]] = []
    for i, row in enumerate(rows):
        if i in assigned:
            continue
        assigned.add(i)
        duplicates = [
            (j, score) for j, score in index.neighbours(i, assigned) if not rows[j]["pinned"]
        ]
        if not duplicates:
            continue
        assigned.update(j for j, _ in duplicates)
        clusters.append(
            {
                "keep": row["id"],
                "duplicates": [rows[j]["id"] for j, _ in duplicates],
                "similarity": round(min(score for _, score in duplicates), 6),
            }
        )
    deleted = 0
    if not dry_run and clusters:
        doomed = [memory_id for cluster in clusters for memory_id in cluster["duplicates"]]
        deleted = len(store.delete_memories(tenant_id, collection, doomed))
    return Response(200, {"clusters": clusters, "deleted": deleted, "dry_run": dry_run})


def archive_stale(req: Request) -> Response:
    collection = _collection_param(req)
    body = _object_body(req, required=False)
    check = Checker()
    days = check.integer(
        body, "older_than_days", ["body"], default=DEFAULT_STALE_DAYS, lo=1, hi=MAX_DAYS
    )
    dry_run = check.boolean(body, "dry_run", ["body"], default=True)
    check.done()
    _must_exist(req, collection)
    cutoff = epoch_to_iso(time.time() - days * _DAY_SECONDS)
    ids = req.services.store.archive_stale(
        req.principal.tenant_id, collection, cutoff, iso_now(), dry_run
    )
    key = "would_archive" if dry_run else "archived"
    return Response(200, {key: len(ids), "ids": ids})


# -- hygiene reads ------------------------------------------------------------------------


def contradictions(req: Request) -> Response:
    collection = _collection_param(req)
    check = Checker()
    limit = check.query_int(
        req.query, "limit", default=DEFAULT_CONTRADICTIONS_LIMIT, lo=1, hi=LIST_LIMIT_MAX
    )
    check.done()
    _must_exist(req, collection)
    pairs = req.services.store.supersession_pairs(req.principal.tenant_id, collection, limit)
    return Response(
        200, [{"current": memory_out(new), "superseded": memory_out(old)} for new, old in pairs]
    )


def collection_health(req: Request) -> Response:
    collection = _collection_param(req)
    check = Checker()
    stale_days = check.query_int(
        req.query, "stale_days", default=DEFAULT_STALE_DAYS, lo=1, hi=MAX_DAYS
    )
    check.done()
    _must_exist(req, collection)
    cutoff = epoch_to_iso(time.time() - stale_days * _DAY_SECONDS)
    report = req.services.store.collection_health(
        req.principal.tenant_id, collection, iso_now(), cutoff
    )
    categories = report.pop("categories")
    report["needs_attention"] = needs_attention(report)
    report["categories"] = categories  # last, as PROTOCOL.md lists the fields
    return Response(200, report)


def needs_attention(counts: dict[str, Any]) -> bool:
    """Stale, expired and superseded memories together exceed the documented share."""
    troubled = counts["stale"] + counts["expired"] + counts["supersessions"]
    return bool(counts["total"] and troubled > NEEDS_ATTENTION_SHARE * counts["total"])


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    return text if text[-1:] in (".", "!", "?") else text + "."


def _theme_terms(text: str) -> set[str]:
    return {
        t
        for t in tokens(text)
        if len(t) > 2 and not t.isdigit() and t not in STOP_WORDS and t not in _GENERIC_WORDS
    }


def _themes(services: Services, tenant_id: str, collection: str, now: str) -> list[str]:
    """The collection's distinctive terms: document frequency in the collection times a
    smoothed inverse document frequency across the tenant's current memories."""
    in_tenant: Counter[str] = Counter()
    in_collection: Counter[str] = Counter()
    docs = services.store.current_texts(tenant_id, now)
    for name, text in docs:
        terms = _theme_terms(text)
        in_tenant.update(terms)
        if name == collection:
            in_collection.update(terms)
    score = {
        term: count * math.log(1.0 + len(docs) / in_tenant[term])
        for term, count in in_collection.items()
    }
    return sorted(score, key=lambda term: (-score[term], term))[:SUMMARY_THEMES]


_SUMMARY_SECTIONS = (("Facts", FACT), ("Preferences", PREFERENCE), ("Events", EPISODE))


def summary(req: Request) -> Response:
    collection = _collection_param(req)
    check = Checker()
    limit = check.query_int(
        req.query, "limit", default=DEFAULT_SUMMARY_LIMIT, lo=1, hi=LIST_LIMIT_MAX
    )
    check.done()
    _must_exist(req, collection)
    tenant_id = req.principal.tenant_id
    now = iso_now()
    rows = req.services.store.ranked_current(tenant_id, collection, now, limit)
    themes = _themes(req.services, tenant_id, collection, now) if rows else []
    if not rows:
        text = f"'{collection}' has no current memories."
    else:
        noun = "memory" if len(rows) == 1 else "memories"
        parts = [f"Briefing on '{collection}' from its {len(rows)} most important current {noun}."]
        sections = [*_SUMMARY_SECTIONS, ("Notes", None)]
        for label, kind in sections:
            texts = [_sentence(r["text"]) for r in rows if r["type"] == kind]
            if texts:
                parts.append(f"{label}: " + " ".join(texts))
        if themes:
            parts.append("Themes: " + ", ".join(themes) + ".")
        text = "\n".join(parts)
    return Response(
        200, {"summary": text, "themes": themes, "based_on": len(rows), "generated_at": now}
    )


def profile(req: Request) -> Response:
    collection = _collection_param(req)
    _must_exist(req, collection)
    rows = req.services.store.ranked_current(
        req.principal.tenant_id, collection, iso_now(), PROFILE_MAX_MEMORIES, PROFILE_KINDS
    )
    # Facts read first, then preferences; each keeps the importance-then-recency order.
    facts = [r for r in rows if (r["type"] or r["category"]) == FACT]
    preferences = [r for r in rows if (r["type"] or r["category"]) == PREFERENCE]
    text = " ".join(_sentence(r["text"]) for r in [*facts, *preferences])
    return Response(200, {"profile": text, "based_on": len(rows)})
