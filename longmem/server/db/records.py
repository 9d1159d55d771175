"""What the database hands out and takes in: small dataclasses, never ``sqlite3.Row``.

Stored JSON (metadata, config, facts) comes out as Python values; a memory decodes its
metadata and images only when they are first read, since search and the hygiene routes
load many memories to keep a few. Turning a record into the protocol's JSON is
``wire.py``'s job.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Optional

from ..._protocol import DEFAULT_CATEGORY, DEFAULT_IMPORTANCE, SOURCE_API
from ..embed import Vector

ROLE_WRITE = "write"
ROLE_READ = "read"
ROLE_ADMIN = "admin"
ROLES = (ROLE_WRITE, ROLE_READ, ROLE_ADMIN)


@dataclass(frozen=True)
class Principal:
    """Who is calling: the key's id, its tenant, its role and label."""

    key_id: str
    tenant_id: str
    role: str
    label: str


@dataclass(frozen=True)
class Tenant:
    id: str
    name: str
    created_at: str


@dataclass
class NewMemory:
    """A memory to insert. Fields beyond the add body serve import and remember."""

    collection: str
    text: str
    importance: float = DEFAULT_IMPORTANCE
    category: str = DEFAULT_CATEGORY
    source: str = SOURCE_API
    metadata: dict[str, Any] = field(default_factory=dict)
    container_tag: Optional[str] = None
    type: Optional[str] = None
    pinned: bool = False
    archived: bool = False
    is_latest: bool = True
    expires_at: Optional[str] = None
    created_at: Optional[str] = None
    updated_at: Optional[str] = None
    # A remembered fact's key and provenance (facts.py); None for a plain memory.
    subject: Optional[str] = None
    attribute: Optional[str] = None
    value: Optional[str] = None
    valid_from: Optional[str] = None
    statement: Optional[str] = None
    supersedes: Optional[str] = None
    negated: bool = False
    # When a remembered statement was said (remember's observed_at); None for a plain add.
    observed_at: Optional[str] = None
    # Import restores these: the memory's id, and (key id, label) of who created it.
    # None: a new id, and the calling key.
    id: Optional[str] = None
    created_by: Optional[tuple[str, str]] = None
    # The text's vector when the caller has it already (remember embeds a fact to find
    # its near duplicates before storing it); None: embedded on insert.
    vector: Optional[Vector] = None


@dataclass  # not frozen: a frozen dataclass is 4x slower to build, and search builds many
class MemoryRecord:
    """One stored memory. ``rid`` is the row id the search index and full-text table
    key it by; it never leaves the server."""

    rid: int
    id: str
    tenant_id: str
    collection: str
    text: str
    importance: float
    category: str
    source: str
    metadata_json: str
    container_tag: Optional[str]
    type: Optional[str]
    pinned: bool
    archived: bool
    is_latest: bool
    expires_at: Optional[str]
    images_json: str
    created_at: str
    updated_at: str
    created_by_id: Optional[str]
    created_by_label: Optional[str]
    supersedes: Optional[str]
    subject: Optional[str]
    attribute: Optional[str]
    value: Optional[str]
    valid_from: Optional[str]
    statement: Optional[str]
    negated: bool
    observed_at: Optional[str]

    @property
    def began(self) -> str:
        """When it became (or, planned, becomes) true: ``valid_from``, else when stored."""
        return self.valid_from or self.created_at

    @property
    def said(self) -> str:
        """When it was said: ``observed_at``. A fact stored without it (before it was kept,
        or imported from such a store) was said no later than stored, and had its
        ``valid_from`` set to when it was said unless it named a day: the earlier of the
        two is the best guess."""
        return self.observed_at or min(self.began, self.created_at)

    @property
    def dated(self) -> bool:
        """Whether its statement named the day it began ("last month"), rather than
        being known true from when it was said ("I live in Berlin"); unknown (False)
        for a fact stored without ``observed_at``."""
        return None not in (self.valid_from, self.observed_at) and (
            self.valid_from != self.observed_at
        )

    @cached_property
    def metadata(self) -> dict[str, Any]:
        value: dict[str, Any] = json.loads(self.metadata_json)
        return value

    @cached_property
    def images(self) -> list[Any]:
        value: list[Any] = json.loads(self.images_json)
        return value


@dataclass  # not frozen, like MemoryRecord: an index load builds one per memory
class IndexEntry:
    """What the search index keeps of a memory: its filters and its vector."""

    rid: int
    collection: str
    category: str
    container_tag: Optional[str]
    current: bool  # not archived and still the latest version
    archived: bool
    expires_at: Optional[str]
    vector: Vector


@dataclass(frozen=True)
class Change:
    """A committed change to one memory: ``entry`` is None when it was deleted."""

    tenant_id: str
    rid: int
    entry: Optional[IndexEntry]


@dataclass(frozen=True)
class MemoryFilter:
    """Search filters; the current-truth rules are applied on top, unless history is asked
    for: then superseded and expired memories match too (archived ones never do)."""

    collection: Optional[str] = None
    category: Optional[str] = None
    container_tag: Optional[str] = None
    include_history: bool = False
    # A remember call's scope rather than a filter: only memories of exactly
    # ``container_tag``, where None means the untagged ones (not every tag).
    exact_tag: bool = False


@dataclass(frozen=True)
class CollectionRecord:
    name: str
    description: Optional[str]
    metadata: dict[str, Any]
    memory_count: int
    created_at: str


@dataclass(frozen=True)
class JobRecord:
    """A background remember job; it writes as the key that submitted it."""

    id: str
    tenant_id: str
    collection: str
    content: str
    key_id: Optional[str]
    key_label: Optional[str]
    status: str
    facts: list[dict[str, Any]]
    error: Optional[str]
    created_at: str
    finished_at: Optional[str]
    observed_at: Optional[str]  # when the content was said (None: jobs from before it)
    container_tag: Optional[str]  # the tag its facts are stored and related under


@dataclass(frozen=True)
class ConnectionRecord:
    """A connection; ``credentials`` is the sealed string (see credentials.py) or None."""

    id: str
    tenant_id: str
    provider: str
    name: Optional[str]
    collection: str
    container_tag: Optional[str]
    config: dict[str, Any]
    credentials: Optional[str]
    status: str
    cursor: Optional[str]
    last_synced_at: Optional[str]
    last_error: Optional[str]
    created_at: str


@dataclass(frozen=True)
class RunRecord:
    id: str
    connection_id: str
    status: str
    synced_count: int
    error: Optional[str]
    created_at: str
    finished_at: Optional[str]


@dataclass(frozen=True)
class StoredReply:
    """The first answer to an Idempotency-Key, kept for replays."""

    fingerprint: str
    status: int
    headers: dict[str, str]
    body: Any  # the decoded JSON body; None for 204
