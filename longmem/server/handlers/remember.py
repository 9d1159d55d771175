"""remember: facts extracted from text, each related to what the collection already holds
and stored unless a duplicate; run at once (``?sync=true``) or as a job.

How a fact relates, decided here from keys (facts.py), never by a model:

- A keyed fact of a **single-valued** attribute (home, job, diet…): the same value as
  the current one → ``duplicate`` (not stored again); a different value → ``updates``:
  stored, and the current one stops being the latest — unless the new statement became
  true *before* the current one did (an old transcript replayed late): then it is stored
  as history, not current, and the current truth stays.
- A keyed fact of a **multi-valued** attribute (likes, pets, children…): a value already
  held → ``duplicate``; a value that refines one held ("tea" → "green tea") →
  ``extends`` (both stay); else ``new``.
- A **negated** keyed fact ("no longer eats meat") retires the current memory of that
  key and value (``updates``); with nothing to retire it is ``new``.
- An **unkeyed** fact (a plain statement) is compared with the most similar current
  memories: a restatement is a ``duplicate``, anything else is ``new``.

Decisions where the protocol is silent: ``content`` is 1-10000 characters with something
besides whitespace. ``observed_at`` (ISO 8601, default now) is when it was said; relative
dates resolve against it, and a fact's ``valid_from`` is when it became true. Facts are
stored with ``source="remember"`` and the protocol's default importance and category.
A ``duplicate`` comes back as the memory already stored with ``supersedes=null``. One
call is one transaction: either every fact of the content lands or none does. The
collection is created on submit, even if no fact comes out.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Optional

from ..._protocol import MAX_TEXT_CHARS, SOURCE_REMEMBER
from .. import wire
from ..context import HTTPError, Request, Response, Services
from ..db import MemoryRecord, NewMemory, Principal
from ..embed import embed
from ..extract import FALLBACK_FLOOR, RELATION_DUPLICATE, RELATION_UPDATES, Candidate, relate
from ..facts import ExtractedFact, attribute
from ..timestamps import epoch_to_iso, iso_now, iso_to_epoch
from ..validation import Checker
from .common import collection_param, object_body

# How many nearest current memories an unkeyed fact is compared with.
RELATE_CANDIDATES = 20
NEW, UPDATES, EXTENDS, DUPLICATE = "new", "updates", "extends", "duplicate"


def _iso(moment: Optional[datetime]) -> Optional[str]:
    return None if moment is None else epoch_to_iso(moment.timestamp())


def _same(a: Optional[str], b: Optional[str]) -> bool:
    return (a or "").casefold().strip() == (b or "").casefold().strip()


def _refines(new: Optional[str], old: Optional[str]) -> bool:
    """Whether a value says more of what another says ("green tea" of "tea")."""
    new_words, old_words = set((new or "").casefold().split()), set((old or "").casefold().split())
    return bool(old_words) and old_words < new_words


class _Call:
    """One remember call: its facts related and stored inside one write transaction."""

    def __init__(
        self, services: Services, principal: Principal, collection: str, observed_at: str
    ) -> None:
        self.store = services.store
        self.search = services.search
        self.principal = principal
        self.tenant_id = principal.tenant_id
        self.collection = collection
        self.observed_at = observed_at
        # Unkeyed facts stored by this call: the search index only learns of them at commit.
        self.stored: dict[str, tuple[Candidate, MemoryRecord]] = {}

    def remember(self, fact: ExtractedFact) -> dict[str, Any]:
        if attribute(fact.attribute) is not None:
            relation, existing, supersedes, current = self._keyed(fact)
        else:
            relation, existing, supersedes, current = self._unkeyed(fact)
        if existing is not None:
            return wire.extracted_fact(existing, relation)
        valid_from = _iso(fact.valid_from) or self.observed_at
        item = NewMemory(
            collection=self.collection,
            text=fact.text,
            source=SOURCE_REMEMBER,
            type=fact.type,
            expires_at=_iso(fact.expires_at),
            is_latest=current,
            subject=fact.subject if fact.attribute else None,
            attribute=fact.attribute,
            value=fact.value,
            valid_from=valid_from,
            statement=fact.statement or None,
            supersedes=supersedes,
        )
        memory = self.store.memories.add_fact(self.principal, item)
        if fact.attribute is None:
            if supersedes is not None:
                self.stored.pop(supersedes, None)
            self.stored[memory.id] = (Candidate(memory.id, fact.text, embed(fact.text)), memory)
        return wire.extracted_fact(memory, relation)

    def _keyed(
        self, fact: ExtractedFact
    ) -> tuple[str, Optional[MemoryRecord], Optional[str], bool]:
        """(relation, the existing memory if a duplicate, what it supersedes, current?)"""
        assert fact.attribute is not None
        held = self.store.memories.current_by_key(
            self.tenant_id, self.collection, fact.subject, fact.attribute, iso_now()
        )
        if fact.negated:
            match = next((m for m in held if _same(m.value, fact.value)), None)
            return (UPDATES, None, match.id, True) if match else (NEW, None, None, True)
        same = next((m for m in held if _same(m.value, fact.value)), None)
        if same is not None:
            return DUPLICATE, same, None, True
        spec = attribute(fact.attribute)
        assert spec is not None
        if not spec.single:
            refined = next((m for m in held if _refines(fact.value, m.value)), None)
            return (EXTENDS if refined else NEW), None, None, True
        if not held:
            return NEW, None, None, True
        latest = held[0]
        became_true = _iso(fact.valid_from) or self.observed_at
        if iso_to_epoch(became_true) < iso_to_epoch(latest.valid_from or latest.created_at):
            return NEW, None, None, False  # older than what is known: history, not current
        return UPDATES, None, latest.id, True

    def _unkeyed(
        self, fact: ExtractedFact
    ) -> tuple[str, Optional[MemoryRecord], Optional[str], bool]:
        vector = embed(fact.text)
        hits = self.search.nearest(
            self.tenant_id, vector, self.collection, RELATE_CANDIDATES, FALLBACK_FLOOR
        )
        current = self.store.memories.current_with_vectors(
            self.tenant_id, self.collection, [rid for rid, _ in hits], iso_now()
        )
        candidates = [Candidate(m.id, m.text, vec) for m, vec in current]
        known = {m.id: m for m, _ in current}
        for candidate, memory in self.stored.values():
            if candidate.id not in known:
                candidates.append(candidate)
                known[candidate.id] = memory
        relation, match, _ = relate(fact.text, vector, candidates)
        if relation == RELATION_DUPLICATE and match is not None:
            return DUPLICATE, known[match.id], None, True
        supersedes = match.id if relation == RELATION_UPDATES and match is not None else None
        return relation, None, supersedes, True


def remember_facts(
    services: Services,
    principal: Principal,
    collection: str,
    content: str,
    observed_at: Optional[str] = None,
) -> list[dict[str, Any]]:
    """Extract the facts of ``content`` as said at ``observed_at`` (ISO, default now),
    relate each to the collection's current memories and store all but duplicates;
    returns the Extracted facts in order."""
    observed_at = observed_at or iso_now()
    moment = datetime.fromtimestamp(iso_to_epoch(observed_at), timezone.utc)
    facts = services.extractor.extract(content, moment)
    store = services.store
    # One transaction: relate and store cannot interleave with another remember, so two
    # calls never both supersede the same memory, and a failure stores nothing.
    with store.write():
        store.collections.ensure(principal.tenant_id, collection)
        call = _Call(services, principal, collection, observed_at)
        return [call.remember(fact) for fact in facts]


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
    observed_at = check.timestamp(body, "observed_at", ["body"])
    check.done()
    assert content is not None
    if sync:
        facts = remember_facts(req.services, req.principal, collection, content, observed_at)
        return Response(200, {"facts": facts})
    store = req.services.store
    with store.write():
        store.collections.ensure(req.principal.tenant_id, collection)
        job = store.jobs.create(req.principal, collection, content, observed_at or iso_now())
    req.services.wake_jobs()
    return Response(202, {"job_id": job.id})


def get_job(req: Request) -> Response:
    job_id = req.params["id"]
    found = req.services.store.jobs.get(req.principal.tenant_id, job_id)
    if found is None:
        raise HTTPError(404, f"Job '{job_id}' not found")
    return Response(200, wire.job(found))
