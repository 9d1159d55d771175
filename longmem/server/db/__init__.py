"""The local server's storage: the one place with SQL.

``Store`` is the database with one attribute per resource — ``keys``, ``collections``,
``memories``, ``hygiene``, ``jobs``, ``idempotency``, ``connections``, ``portability`` —
each a module beside this one that holds that resource's queries and hands out the
dataclasses of ``records.py`` (``memories`` in three: ``Memories`` builds on the reads
of keyed facts of ``keyed_facts.py``; ``memory_rows.py`` holds its rows as every resource
reads and writes them). ``database.py`` is the plumbing they share: connections, the writer,
migrations and the change feed. A write spanning resources is one ``with store.write():``
around their calls (nested writes join the outermost transaction).
"""

from __future__ import annotations

from .collections import Collections
from .connections import Connections
from .database import Database
from .hygiene import Hygiene
from .idempotency import IdempotencyRecords
from .jobs import Jobs
from .keys import Keys
from .memories import Memories
from .portability import Portability
from .records import (
    ROLE_ADMIN,
    ROLE_READ,
    ROLE_WRITE,
    ROLES,
    Change,
    CollectionRecord,
    ConnectionRecord,
    IndexEntry,
    JobRecord,
    MemoryFilter,
    MemoryRecord,
    NewMemory,
    Principal,
    RunRecord,
    StoredReply,
    Tenant,
)

DEFAULT_TENANT = "default"

__all__ = [
    "DEFAULT_TENANT",
    "ROLES",
    "ROLE_ADMIN",
    "ROLE_READ",
    "ROLE_WRITE",
    "Change",
    "CollectionRecord",
    "ConnectionRecord",
    "Database",
    "IndexEntry",
    "JobRecord",
    "MemoryFilter",
    "MemoryRecord",
    "NewMemory",
    "Principal",
    "RunRecord",
    "Store",
    "StoredReply",
    "Tenant",
]


class Store(Database):
    """The database file, with its resources. Thread-safe; one per file and process
    (and, ``reader_only``, one in each of the server's search processes)."""

    def __init__(self, path: str, *, reader_only: bool = False) -> None:
        super().__init__(path, reader_only=reader_only)
        self.keys = Keys(self)
        self.collections = Collections(self)
        self.memories = Memories(self)
        self.hygiene = Hygiene(self)
        self.jobs = Jobs(self)
        self.idempotency = IdempotencyRecords(self)
        self.connections = Connections(self)
        self.portability = Portability(self)
