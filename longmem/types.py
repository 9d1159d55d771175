"""Typed shapes of the objects PROTOCOL.md section 2 defines (for editors and mypy).

At run time they are plain dicts: the SDK returns the server's JSON as it came.
"""

from __future__ import annotations

from typing import Any, Optional, TypedDict


class CreatedBy(TypedDict):
    id: str
    label: str


class FactKey(TypedDict, total=False):
    """What a remembered fact adds to a memory (all None for a plain add); a server that
    predates keyed facts may leave them out."""

    subject: Optional[str]  # "user", or "<relation>:<Name>" such as "sister:Anna"
    attribute: Optional[str]  # what the fact is about: "home", "job", "likes", …
    value: Optional[str]
    negated: bool  # the fact denies its value: "User no longer lives in Berlin"
    valid_from: Optional[str]  # when it became true
    observed_at: Optional[str]  # when it was said
    statement: Optional[str]  # the words it was said in
    supersedes: Optional[str]  # the id of the memory it replaced


class Memory(FactKey):
    id: str
    collection: str
    text: str
    importance: float
    category: str
    source: str
    metadata: dict[str, Any]
    container_tag: Optional[str]
    type: Optional[str]  # "fact" | "preference" | "episode" | None
    pinned: bool
    archived: bool
    is_latest: bool
    expires_at: Optional[str]
    images: list[Any]
    created_at: str
    updated_at: str
    created_by: Optional[CreatedBy]


class SearchHit(Memory):
    score: float
    vector_score: Optional[float]
    text_score: Optional[float]


class ExtractedFact(Memory):
    relation: str  # "new" | "updates" | "extends" | "duplicate"


class Collection(TypedDict):
    name: str
    description: Optional[str]
    metadata: dict[str, Any]
    memory_count: int
    created_at: str


class Connection(TypedDict):
    id: str
    provider: str
    name: Optional[str]
    collection: str
    container_tag: Optional[str]
    config: dict[str, Any]
    status: str  # "active" | "paused" | "error"
    cursor: Optional[str]
    last_synced_at: Optional[str]
    last_error: Optional[str]
    created_at: str


class Run(TypedDict):
    id: str
    connection_id: str
    status: str  # "ok" | "error"
    synced_count: int
    error: Optional[str]
    created_at: str
    finished_at: Optional[str]


class Job(TypedDict):
    job_id: str
    status: str  # "queued" | "running" | "done" | "failed"
    facts: list[ExtractedFact]
    error: Optional[str]
    created_at: str
    finished_at: Optional[str]


class JobAccepted(TypedDict):
    """What `remember(..., sync=False)` answers at once; poll the job by its id."""

    job_id: str


class BatchResult(TypedDict):
    created: int
    ids: list[str]
    # Of them, stored by an earlier call under the same idempotency key (a replay).
    replayed: int


class Contradiction(TypedDict):
    current: Memory
    superseded: Memory


class Profile(TypedDict):
    profile: str
    based_on: int


class ImportResult(TypedDict):
    imported: int
    skipped: int
    collections: list[str]
    connections: int


class Export(TypedDict):
    tenant: Any
    collections: list[Collection]
    memories: list[Memory]
    # Each connection with its item map ("items"); credentials are never exported, and
    # `credentials_omitted` lists the ids of the connections that had some.
    connections: list[dict[str, Any]]
    credentials_omitted: list[str]
    exported_at: str
    truncated: bool
