"""Memory hygiene: forget, dedup, archive-stale (the writes) and contradictions, health,
summary, profile (the reads).

Decisions where the protocol is silent:

- The writes act on existing memories, so like update and delete they answer 404 for a
  missing collection rather than create it.
- forget compares the query with every memory of the collection (of one container tag,
  when given), superseded and archived ones included: forgetting must not leave the old
  versions of a fact behind. It deletes at once unless ``dry_run`` (the route existed
  before the flag; its default stays), and answers with the memories it deleted, or
  would delete, so a person can check them.
- dedup and archive-stale default to ``dry_run=true``: they change data only when asked.
  dedup clusters only memories of one container tag (untagged with untagged), so one
  user's memory is never deleted as another's duplicate; it never deletes a pinned
  memory; each cluster's ``similarity`` is the lowest cosine of a duplicate to the
  memory kept.
- health: ``stale`` = what archive-stale would archive for ``stale_days``; ``expired`` =
  past ``expires_at`` but not yet swept; ``supersessions`` = memories no longer latest;
  ``categories`` counts current memories. ``needs_attention`` when stale + expired +
  supersessions exceed ``NEEDS_ATTENTION_SHARE`` of the total.
- profile and summary are built from the current keyed facts first — one line per
  subject and attribute with its current value (every value, for a multi-valued one), the
  user's first — so they change when a fact is superseded; then the plain current
  memories, pinned first, then by importance, then most recently updated. The profile
  uses ``fact`` and ``preference`` memories (facts first), plus untyped ones (plain adds)
  whose category is "fact" or "preference": a plain note is not assumed to describe the
  user unless it says so. With nothing to go on the profile is "". Summary themes are the
  collection's top terms by document frequency times a smoothed IDF over the tenant's
  current memories.
- Expired memories vanish from every read at once (list, get, search, related, export,
  summary, profile); the sweeper in jobs.py deletes them later. Health counts them.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from typing import Any, Optional

from ..._protocol import (
    DEFAULT_CONTRADICTIONS_LIMIT,
    DEFAULT_DEDUP_THRESHOLD,
    DEFAULT_DRY_RUN,
    DEFAULT_FORGET_LIMIT,
    DEFAULT_FORGET_MIN_SCORE,
    DEFAULT_STALE_DAYS,
    DEFAULT_SUMMARY_LIMIT,
    MAX_CONTAINER_TAG_CHARS,
    MAX_DAYS,
    MAX_LIST_LIMIT,
    MAX_QUERY_CHARS,
)
from .. import wire
from ..ask import analyse
from ..context import Request, Response, Services
from ..db import MemoryFilter, MemoryRecord, Store
from ..embed import CLITIC, STOP_WORDS, Vector, as_dict, cosine, embed, tokens
from ..extract import SUBJECT
from ..extract.kin import PARTNER_KIN, kin
from ..facts import (
    ATTRIBUTES,
    EPISODE,
    FACT,
    PREFERENCE,
    RELATION_ATTRIBUTES,
    USER,
    attribute,
)
from ..timestamps import days_ago, iso_now
from ..validation import Checker
from .common import collection_param, object_body, require_collection, tag_query

NEEDS_ATTENTION_SHARE = 0.2
SUMMARY_THEMES = 8
PROFILE_MAX_MEMORIES = 80
PROFILE_KINDS = (FACT, PREFERENCE)
# Words that recur in extracted facts whatever they are about; no theme is made of them.
_GENERIC_WORDS = frozenset(
    (
        SUBJECT.lower() + " likes like loves love prefers enjoys hates lives works "
        "went got gets has had does did now currently still also really actually"
    ).split()
)


# -- the writes ---------------------------------------------------------------------------


# Words of a description to forget that name no key: "forget everything about my job".
_FORGET_WORDS = frozenset(
    (
        *("forget", "forgets", "user", "users", "everything", "anything", "all", "about"),
        *("mine", "details", "detail", "info", "information", "stuff", "things", "thing"),
    )
)


# Keys whose values are people or animals, one of several: no description of one names
# them all.
_WHO_OR_WHICH = RELATION_ATTRIBUTES | {"pets"}


def _of_the_key_named(
    store: Store, tenant_id: str, collection: str, container_tag: Optional[str], query: str
) -> list[MemoryRecord]:
    """Every memory, history too, of the one key a description to forget names and
    nothing else: "where I live", "my address", "my job", "my allergies" (the key search
    would ask, its best-fitting attribute). None when the description says more ("project
    Icarus" names one project, not every one) or names no key."""
    tags = MemoryFilter(collection=collection, container_tag=container_tag)
    known, user_names = store.memories.subjects(tenant_id, collection, iso_now(), tags=tags)
    ask = analyse(query, known or {USER}, user_names)
    spec = attribute(ask.attributes[0]) if ask.attributes else None
    if spec is None or spec.name in _WHO_OR_WHICH or ask.subjects != (USER,):
        # "my brother", "my dog", "my girlfriend from before" name one person or animal
        # among others of the key: by cosine only, never every sibling, pet or partner
        return []
    asked = set((spec.asked_by + " " + spec.said_by).split())
    words = [
        w for w in tokens(CLITIC.sub(" ", query)) if w not in STOP_WORDS and w not in _FORGET_WORDS
    ]
    words = [w for w in words if w not in ask.drop and w.rstrip("s") not in ask.drop]
    if not words or not all(w in asked for w in words):
        return []
    return store.memories.keyed(
        tenant_id, collection, ask.subjects, ask.attributes[:1], None, MAX_LIST_LIMIT, tags
    )


def forget(req: Request) -> Response:
    collection = collection_param(req)
    body = object_body(req)
    check = Checker()
    query = check.string(body, "query", ["body"], required=True, min_len=1, max_len=MAX_QUERY_CHARS)
    min_score = check.number(
        body, "min_score", ["body"], default=DEFAULT_FORGET_MIN_SCORE, lo=0.0, hi=1.0
    )
    limit = check.integer(
        body, "limit", ["body"], default=DEFAULT_FORGET_LIMIT, lo=1, hi=MAX_LIST_LIMIT
    )
    dry_run = check.boolean(body, "dry_run", ["body"], default=False)
    container_tag = check.string(
        body, "container_tag", ["body"], max_len=MAX_CONTAINER_TAG_CHARS, nullable=True
    )
    check.done()
    assert query is not None
    store = req.services.store
    tenant_id = req.principal.tenant_id
    require_collection(req, collection)
    wanted = as_dict(embed(query))
    keyed = {m.rid for m in _of_the_key_named(store, tenant_id, collection, container_tag, query)}
    scored = []
    memories = store.memories.with_vectors(tenant_id, collection, container_tag=container_tag)
    for memory, vector in memories:
        # A memory of the key the description names matches whatever its words ("where I
        # live": every home the user had); an unrelated query scores 0 and must never
        # delete anything, even at min_score 0.
        similar = min(cosine(wanted, vector), 1.0)
        score = 1.0 if memory.rid in keyed else similar
        if score > 0 and score >= min_score:
            scored.append((score, memory, similar))
    scored.sort(key=lambda item: (-item[0], item[1].rid))
    now = iso_now()
    # An expired memory keeps its place in the ranking but is gone already: never listed.
    chosen = {
        m.id: (m, score, similar)
        for score, m, similar in scored[:limit]
        if m.expires_at is None or m.expires_at > now
    }
    ids = list(chosen) if dry_run else store.memories.delete(tenant_id, collection, list(chosen))
    # Each as a hit of the vector arm: its cosine is its vector score, and its score unless
    # it matched by key (1).
    found = [wire.search_hit(*chosen[i], None) for i in ids]
    deleted = 0 if dry_run else len(ids)
    return Response(200, {"deleted": deleted, "ids": ids, "dry_run": dry_run, "memories": found})


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


def _clusters(
    items: Sequence[tuple[int, MemoryRecord, Vector]], threshold: float
) -> list[tuple[int, dict[str, Any]]]:
    """The clusters of one tag's memories: ``items`` are (place in the whole keeper order,
    memory, vector), in that order, and each cluster comes with its keeper's place. A
    keeper takes every unclaimed, unpinned memory at or above the threshold."""
    index = _NearDuplicates([vector for _, _, vector in items], threshold)
    assigned: set[int] = set()
    clusters: list[tuple[int, dict[str, Any]]] = []
    for i, (place, memory, _) in enumerate(items):
        if i in assigned:
            continue
        assigned.add(i)
        duplicates = [
            (j, score) for j, score in index.neighbours(i, assigned) if not items[j][1].pinned
        ]
        if not duplicates:
            continue
        assigned.update(j for j, _ in duplicates)
        cluster = {
            "keep": memory.id,
            "duplicates": [items[j][1].id for j, _ in duplicates],
            "similarity": round(min(score for _, score in duplicates), 6),
        }
        clusters.append((place, cluster))
    return clusters


def dedup(req: Request) -> Response:
    collection = collection_param(req)
    body = object_body(req, required=False)
    check = Checker()
    threshold = check.number(
        body, "threshold", ["body"], default=DEFAULT_DEDUP_THRESHOLD, lo=0.0, hi=1.0
    )
    dry_run = check.boolean(body, "dry_run", ["body"], default=DEFAULT_DRY_RUN)
    check.done()
    require_collection(req, collection)
    store = req.services.store
    tenant_id = req.principal.tenant_id
    items = store.memories.with_vectors(tenant_id, collection, iso_now())
    # The keeper of a cluster is the first by this order: pinned, most important, oldest.
    items.sort(key=lambda it: (-it[0].pinned, -it[0].importance, it[0].created_at, it[0].rid))
    # Duplicates are scoped to (collection, container tag), untagged with untagged: the
    # same sentence from two users is a memory of each, never one user's copy of the other.
    by_tag: dict[Optional[str], list[tuple[int, MemoryRecord, Vector]]] = {}
    for place, (memory, vector) in enumerate(items):
        by_tag.setdefault(memory.container_tag, []).append((place, memory, vector))
    found = [cluster for group in by_tag.values() for cluster in _clusters(group, threshold)]
    clusters = [cluster for _, cluster in sorted(found, key=lambda item: item[0])]
    deleted = 0
    if not dry_run and clusters:
        doomed = [memory_id for cluster in clusters for memory_id in cluster["duplicates"]]
        deleted = len(store.memories.delete(tenant_id, collection, doomed))
    return Response(200, {"clusters": clusters, "deleted": deleted, "dry_run": dry_run})


def archive_stale(req: Request) -> Response:
    collection = collection_param(req)
    body = object_body(req, required=False)
    check = Checker()
    days = check.integer(
        body, "older_than_days", ["body"], default=DEFAULT_STALE_DAYS, lo=1, hi=MAX_DAYS
    )
    dry_run = check.boolean(body, "dry_run", ["body"], default=DEFAULT_DRY_RUN)
    check.done()
    require_collection(req, collection)
    ids = req.services.store.hygiene.archive_stale(
        req.principal.tenant_id, collection, days_ago(days), iso_now(), dry_run
    )
    key = "would_archive" if dry_run else "archived"
    return Response(200, {key: len(ids), "ids": ids})


# -- the reads ----------------------------------------------------------------------------
#
# A collection that does not exist yet reads as an empty one: a brand-new user's profile is
# empty, not an error. ``container_tag`` narrows a read to one tag (one user); without it a
# read covers every tag, as search and list do.


def contradictions(req: Request) -> Response:
    collection = collection_param(req)
    check = Checker()
    limit = check.query_int(
        req.query, "limit", default=DEFAULT_CONTRADICTIONS_LIMIT, lo=1, hi=MAX_LIST_LIMIT
    )
    container_tag = tag_query(check, req)
    check.done()
    pairs = req.services.store.hygiene.supersessions(
        req.principal.tenant_id, collection, iso_now(), limit, container_tag
    )
    return Response(200, [wire.contradiction(new, old) for new, old in pairs])


def collection_health(req: Request) -> Response:
    collection = collection_param(req)
    check = Checker()
    stale_days = check.query_int(
        req.query, "stale_days", default=DEFAULT_STALE_DAYS, lo=1, hi=MAX_DAYS
    )
    check.done()
    hygiene = req.services.store.hygiene
    tenant_id = req.principal.tenant_id
    now = iso_now()
    report: dict[str, Any] = hygiene.counts(now, days_ago(stale_days), tenant_id, collection)
    report["needs_attention"] = needs_attention(report)
    # last, as the protocol lists the fields
    report["categories"] = hygiene.categories(tenant_id, collection, now)
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


def _themes(
    services: Services, tenant_id: str, collection: str, container_tag: Optional[str], now: str
) -> list[str]:
    """The collection's (or one tag's) distinctive terms: document frequency in it times a
    smoothed inverse document frequency across the tenant's current memories."""
    in_tenant: Counter[str] = Counter()
    in_collection: Counter[str] = Counter()
    docs = services.store.hygiene.current_texts(tenant_id, now)
    for name, tag, text in docs:
        terms = _theme_terms(text)
        in_tenant.update(terms)
        if name == collection and (container_tag is None or tag == container_tag):
            in_collection.update(terms)
    score = {
        term: count * math.log(1.0 + len(docs) / in_tenant[term])
        for term, count in in_collection.items()
    }
    return sorted(score, key=lambda term: (-score[term], term))[:SUMMARY_THEMES]


_SUMMARY_SECTIONS = (("Facts", FACT), ("Preferences", PREFERENCE), ("Events", EPISODE))
_ATTRIBUTE_ORDER = {name: i for i, name in enumerate(ATTRIBUTES)}


def _former_partners(
    store: Store, tenant_id: str, collection: str, container_tag: Optional[str], now: str
) -> set[str]:
    """The names, folded, of the user's partners of before whom no current fact names
    partner now ("User's girlfriend is Maya", then "Maya and I broke up")."""
    tags = MemoryFilter(collection=collection, container_tag=container_tag)
    every = store.memories.keyed(tenant_id, collection, [USER], ["partner"], None, 200, tags)
    named = {m.value.casefold() for m in every if m.value}
    now_held = {
        m.value.casefold()
        for m in every
        if m.value
        and m.is_latest
        and not m.negated
        and (m.expires_at is None or m.expires_at > now)
    }
    return named - now_held


def _of_a_former_partner(memory: MemoryRecord, former: set[str]) -> bool:
    """Whether a fact is about a partner of before ("User's girlfriend Maya works as a
    nurse", after the parting): no line of the user's profile now."""
    relation, _, name = (memory.subject or "").partition(":")
    return bool(name) and name.casefold() in former and kin(relation) in PARTNER_KIN


def _keyed_lines(keyed: list[MemoryRecord], now: str) -> list[tuple[str, str]]:
    """(type, sentence): one line per subject and attribute — the user's first — with the
    current value, or every current value of a multi-valued one ("User likes tea and
    jazz"), and a line for a value planned to follow ("User lives in Izmir from June
    2026"). ``keyed`` is newest first, what holds now before what is planned."""
    groups: dict[tuple[str, str], list[MemoryRecord]] = {}
    for memory in keyed:
        groups.setdefault((memory.subject or "", memory.attribute or ""), []).append(memory)

    def order(key: tuple[str, str]) -> tuple[bool, str, int, str]:
        subject, name = key
        rank = _ATTRIBUTE_ORDER.get(name.split(":")[0], len(_ATTRIBUTE_ORDER))
        return (subject != USER, subject, rank, name)

    lines: list[tuple[str, str]] = []
    for key in sorted(groups, key=order):
        found = groups[key]
        spec = attribute(key[1])
        kind = found[0].type or FACT
        if (spec is not None and spec.single) or len(found) == 1:
            planned = [m for m in found[1:] if m.began > now]
            lines += [(kind, _sentence(m.text)) for m in [found[0], *planned[:1]]]
            continue
        # One line per wording: "User's sister is Anna" and "User's brother is Tom" are
        # two lines, never "User's brother is Anna and Tom".
        heads: dict[str, list[str]] = {}
        for memory in reversed(found):
            at = memory.text.find(memory.value) if memory.value else -1
            if at < 0:
                lines.append((kind, _sentence(memory.text)))
            else:
                heads.setdefault(memory.text[:at], []).append(memory.value or "")
        for head, values in heads.items():
            listed = ", ".join(values[:-1]) + " and " + values[-1] if len(values) > 1 else values[0]
            lines.append((kind, _sentence(head + listed)))
    return lines


def summary(req: Request) -> Response:
    collection = collection_param(req)
    check = Checker()
    limit = check.query_int(
        req.query, "limit", default=DEFAULT_SUMMARY_LIMIT, lo=1, hi=MAX_LIST_LIMIT
    )
    container_tag = tag_query(check, req)
    check.done()
    tenant_id = req.principal.tenant_id
    now = iso_now()
    store = req.services.store
    keyed = store.memories.current_keyed(tenant_id, collection, now, container_tag)[:limit]
    plain = [
        m
        for m in store.hygiene.ranked_current(
            tenant_id, collection, now, limit, container_tag=container_tag
        )
        if m.attribute is None
    ][: max(0, limit - len(keyed))]
    based_on = len(keyed) + len(plain)
    themes = _themes(req.services, tenant_id, collection, container_tag, now) if based_on else []
    if not based_on:
        text = f"'{collection}' has no current memories."
    else:
        noun = "memory" if based_on == 1 else "memories"
        parts = [f"Briefing on '{collection}' from its {based_on} most important current {noun}."]
        lines = _keyed_lines(keyed, now)
        for label, kind in [*_SUMMARY_SECTIONS, ("Notes", None)]:
            texts = [line for line_kind, line in lines if line_kind == kind]
            texts += [_sentence(m.text) for m in plain if m.type == kind]
            if texts:
                parts.append(f"{label}: " + " ".join(texts))
        if themes:
            parts.append("Themes: " + ", ".join(themes) + ".")
        text = "\n".join(parts)
    return Response(
        200, {"summary": text, "themes": themes, "based_on": based_on, "generated_at": now}
    )


def profile(req: Request) -> Response:
    """What is true of the user now: one line per keyed attribute with its current value
    (so the profile changes when a fact is superseded), then the plain facts and
    preferences that say something of them."""
    collection = collection_param(req)
    check = Checker()
    container_tag = tag_query(check, req)
    check.done()
    tenant_id = req.principal.tenant_id
    now = iso_now()
    store = req.services.store
    keyed = store.memories.current_keyed(tenant_id, collection, now, container_tag)
    former = _former_partners(store, tenant_id, collection, container_tag, now)
    keyed = [m for m in keyed if not _of_a_former_partner(m, former)][:PROFILE_MAX_MEMORIES]
    plain = [
        m
        for m in store.hygiene.ranked_current(
            tenant_id, collection, now, PROFILE_MAX_MEMORIES, PROFILE_KINDS, container_tag
        )
        if m.attribute is None
    ][: max(0, PROFILE_MAX_MEMORIES - len(keyed))]
    # Facts read first, then preferences; each keeps the importance-then-recency order.
    facts = [m for m in plain if (m.type or m.category) == FACT]
    preferences = [m for m in plain if (m.type or m.category) == PREFERENCE]
    lines = [line for kind, line in _keyed_lines(keyed, now) if kind != EPISODE]
    text = " ".join([*lines, *(_sentence(m.text) for m in [*facts, *preferences])])
    return Response(200, {"profile": text, "based_on": len(keyed) + len(facts) + len(preferences)})
