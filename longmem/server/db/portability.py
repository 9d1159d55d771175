"""A tenant's export — its collections, memories and connections, read from one snapshot
— and the checks an import makes against the whole server."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..timestamps import iso_now
from . import connections as _connections
from .collections import all_of
from .database import Database, select_in
from .memory_rows import COLUMNS, UNEXPIRED, record
from .records import CollectionRecord, ConnectionRecord, MemoryRecord

EXPORT_MAX_MEMORIES = 100_000


@dataclass(frozen=True)
class Snapshot:
    """What an export holds: unexpired memories oldest first, at most the limit
    (``truncated`` when there were more), and each connection with its item map."""

    collections: list[CollectionRecord]
    memories: list[MemoryRecord]
    truncated: bool
    connections: list[tuple[ConnectionRecord, list[_connections.ItemRow]]]


class Portability:
    def __init__(self, db: Database) -> None:
        self.db = db

    def export(self, tenant_id: str, limit: int = EXPORT_MAX_MEMORIES) -> Snapshot:
        with self.db.read() as conn:
            collections = all_of(conn, tenant_id)
            rows = conn.execute(
                f"SELECT {COLUMNS} FROM memories WHERE tenant_id = ? AND {UNEXPIRED} "
                "ORDER BY created_at, rid LIMIT ?",
                (tenant_id, iso_now(), limit + 1),
            ).fetchall()
            connections = [
                (c, _connections.item_map(conn, c.id))
                for c in reversed(_connections.all_of(conn, tenant_id))
            ]
        return Snapshot(
            collections, [record(r) for r in rows[:limit]], len(rows) > limit, connections
        )

    def taken(self, table: str, ids: Sequence[str]) -> set[str]:
        """Which of ``ids`` a memory (``table`` "memories") or a connection ("connections")
        of any tenant has: ids are unique across the server. Read on the writer, so inside
        ``write()`` nothing can take one before the caller stores it."""
        assert table in ("memories", "connections")
        sql = f"SELECT id FROM {table} WHERE id IN ({{marks}})"
        with self.db.write() as conn:
            return {str(row[0]) for row in select_in(conn, sql, [], ids)}
