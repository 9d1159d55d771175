"""Every object the server sends, shaped from the database's records in one place.

The shapes are docs/protocol.md's "Objects". A connection's credentials are never
among them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Optional

from .db import CollectionRecord, ConnectionRecord, JobRecord, MemoryRecord, RunRecord, Tenant
from .db.connections import ItemRow


def memory(m: MemoryRecord) -> dict[str, Any]:
    return {
        "id": m.id,
        "collection": m.collection,
        "text": m.text,
        "importance": m.importance,
        "category": m.category,
        "source": m.source,
        "metadata": m.metadata,
        "container_tag": m.container_tag,
        "type": m.type,
        "pinned": m.pinned,
        "archived": m.archived,
        "is_latest": m.is_latest,
        "expires_at": m.expires_at,
        "images": m.images,
        "created_at": m.created_at,
        "updated_at": m.updated_at,
        "created_by": (
            {"id": m.created_by_id, "label": m.created_by_label} if m.created_by_id else None
        ),
        "subject": m.subject,
        "attribute": m.attribute,
        "value": m.value,
        "negated": m.negated,
        "valid_from": m.valid_from,
        "observed_at": m.observed_at,
        "statement": m.statement,
        "supersedes": m.supersedes,
    }


def search_hit(
    m: MemoryRecord, score: float, vector_score: Optional[float], text_score: Optional[float]
) -> dict[str, Any]:
    """A memory with its scores, each rounded to six places."""
    hit = memory(m)
    hit["score"] = round(score, 6)
    hit["vector_score"] = None if vector_score is None else round(vector_score, 6)
    hit["text_score"] = None if text_score is None else round(text_score, 6)
    return hit


def extracted_fact(m: MemoryRecord, relation: str) -> dict[str, Any]:
    """A memory as remember reports it: with how it relates to what was known. A
    duplicate is the memory already stored; it replaced nothing this time."""
    fact = memory(m)
    fact["relation"] = relation
    if relation == "duplicate":
        fact["supersedes"] = None
    return fact


def contradiction(current: MemoryRecord, superseded: MemoryRecord) -> dict[str, Any]:
    return {"current": memory(current), "superseded": memory(superseded)}


def collection(c: CollectionRecord) -> dict[str, Any]:
    return {
        "name": c.name,
        "description": c.description,
        "metadata": c.metadata,
        "memory_count": c.memory_count,
        "created_at": c.created_at,
    }


def job(j: JobRecord) -> dict[str, Any]:
    return {
        "job_id": j.id,
        "status": j.status,
        "facts": j.facts,
        "error": j.error,
        "created_at": j.created_at,
        "finished_at": j.finished_at,
    }


def connection(c: ConnectionRecord) -> dict[str, Any]:
    """A connection, never its credentials."""
    return {
        "id": c.id,
        "provider": c.provider,
        "name": c.name,
        "collection": c.collection,
        "container_tag": c.container_tag,
        "config": c.config,
        "status": c.status,
        "cursor": c.cursor,
        "last_synced_at": c.last_synced_at,
        "last_error": c.last_error,
        "created_at": c.created_at,
    }


def exported_connection(c: ConnectionRecord, items: Sequence[ItemRow]) -> dict[str, Any]:
    """A connection as export has it: with its item map, never its credentials."""
    exported = connection(c)
    exported["items"] = [
        {"key": key, "memory_id": memory_id, "content_hash": content_hash}
        for key, memory_id, content_hash in items
    ]
    return exported


def run(r: RunRecord) -> dict[str, Any]:
    return {
        "id": r.id,
        "connection_id": r.connection_id,
        "status": r.status,
        "synced_count": r.synced_count,
        "error": r.error,
        "created_at": r.created_at,
        "finished_at": r.finished_at,
    }


def tenant(t: Tenant) -> dict[str, Any]:
    return {"id": t.id, "name": t.name}
