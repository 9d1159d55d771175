"""A tenant's export: its collections and memories, read from one snapshot."""

from __future__ import annotations

from ..timestamps import iso_now
from .collections import all_of
from .database import Database
from .memories import COLUMNS, UNEXPIRED, record
from .records import CollectionRecord, MemoryRecord

EXPORT_MAX_MEMORIES = 100_000


class Portability:
    def __init__(self, db: Database) -> None:
        self.db = db

    def export(
        self, tenant_id: str, limit: int = EXPORT_MAX_MEMORIES
    ) -> tuple[list[CollectionRecord], list[MemoryRecord], bool]:
        """(collections, unexpired memories oldest first, truncated): at most ``limit``
        memories, ``truncated`` when there were more."""
        with self.db.read() as conn:
            collections = all_of(conn, tenant_id)
            rows = conn.execute(
                f"SELECT {COLUMNS} FROM memories WHERE tenant_id = ? AND {UNEXPIRED} "
                "ORDER BY created_at, rid LIMIT ?",
                (tenant_id, iso_now(), limit + 1),
            ).fetchall()
        return collections, [record(r) for r in rows[:limit]], len(rows) > limit
