"""remember: facts extracted from text, each labelled against the collection's current
memories and stored unless a duplicate; run at once (``?sync=true``) or as a job.

Decisions where the protocol is silent: ``content`` is 1-10000 characters with something
besides whitespace. Facts are stored with ``source="remember"`` and the protocol's
default importance and category. Only an ``updates`` fact has ``supersedes``; an
``extends`` fact leaves the older one current. A ``duplicate`` is not stored: it comes
back as the existing memory (its id, its fields) with ``relation="duplicate"`` and
``supersedes=null``. One call is one transaction: either every fact of the content lands
or none does. The collection is created on submit, even if no fact comes out.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Optional

from ..._protocol import MAX_TEXT_CHARS, SOURCE_REMEMBER
from .. import wire
from ..context import HTTPError, Request, Response, Services
from ..db import NewMemory, Principal
from ..embed import embed
from ..extract import FALLBACK_FLOOR, RELATION_DUPLICATE, RELATION_UPDATES, Candidate, relate
from ..timestamps import epoch_to_iso, iso_now
from ..validation import Checker
from .common import collection_param, object_body

# How many nearest current memories relate() sees per fact; it labels against the best.
RELATE_CANDIDATES = 20


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
        store.collections.ensure(tenant_id, collection)
        # Facts stored by this call: the search index only learns of them at commit.
        stored: dict[str, tuple[Candidate, dict[str, Any]]] = {}
        for fact in facts:
            vector = embed(fact.text)
            hits = search.nearest(tenant_id, vector, collection, RELATE_CANDIDATES, FALLBACK_FLOOR)
            current = store.memories.current_with_vectors(
                tenant_id, collection, [rid for rid, _ in hits], iso_now()
            )
            candidates = [Candidate(m.id, m.text, vec) for m, vec in current]
            known = {m.id: wire.memory(m) for m, _ in current}
            for candidate, memory in stored.values():
                if candidate.id not in known:
                    candidates.append(candidate)
                    known[candidate.id] = memory
            relation, match, _ = relate(fact.text, vector, candidates)
            if relation == RELATION_DUPLICATE and match is not None:
                out.append(wire.extracted_fact(known[match.id], relation, None))
                continue
            supersedes = match.id if relation == RELATION_UPDATES and match is not None else None
            item = NewMemory(
                collection=collection,
                text=fact.text,
                source=SOURCE_REMEMBER,
                type=fact.type,
                expires_at=_iso(fact.expires_at),
            )
            memory = wire.memory(store.memories.add_fact(principal, item, supersedes))
            if supersedes is not None:
                stored.pop(supersedes, None)
            stored[memory["id"]] = (Candidate(memory["id"], fact.text, vector), memory)
            out.append(wire.extracted_fact(memory, relation, supersedes))
    return out


def remember(req: Request) -> Response:
    collection = collection_param(req)
    body = object_body(req)
    check = Checker()
    sync = check.query_bool(req.query, "sync", default=False)
    content = check.string(
        body, "content", ["body"], required=True, min_len=1, max_len=MAX_TEXT_CHARS
    )
    if content and not content.strip():
        check.fail(["body", "content"], "String should not be blank", "string_too_short")
    check.done()
    assert content is not None
    if sync:
        facts = remember_facts(req.services, req.principal, collection, content)
        return Response(200, {"facts": facts})
    store = req.services.store
    with store.write():
        store.collections.ensure(req.principal.tenant_id, collection)
        job = store.jobs.create(req.principal, collection, content)
    req.services.wake_jobs()
    return Response(202, {"job_id": job.id})


def get_job(req: Request) -> Response:
    job_id = req.params["id"]
    found = req.services.store.jobs.get(req.principal.tenant_id, job_id)
    if found is None:
        raise HTTPError(404, f"Job '{job_id}' not found")
    return Response(200, wire.job(found))
