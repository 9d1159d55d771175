"""Collections: a tenant's named groups of memories."""

from __future__ import annotations

import json
import sqlite3
from typing import Any, Optional

from ..timestamps import iso_now
from .database import Database, dumps
from .memory_rows import delete_rows, ensure_collection
from .records import CollectionRecord


def _record(conn: sqlite3.Connection, row: sqlite3.Row) -> CollectionRecord:
    count = conn.execute(
        "SELECT COUNT(*) FROM memories WHERE tenant_id = ? AND collection = ?",
        (row["tenant_id"], row["name"]),
    ).fetchone()[0]
    return CollectionRecord(
        name=row["name"],
        description=row["description"],
        metadata=json.loads(row["metadata"]),
        memory_count=count,
        created_at=row["created_at"],
    )


def _find(conn: sqlite3.Connection, tenant_id: str, name: str) -> Optional[CollectionRecord]:
    row = conn.execute(
        "SELECT * FROM collections WHERE tenant_id = ? AND name = ?", (tenant_id, name)
    ).fetchone()
    return None if row is None else _record(conn, row)


def _exists(conn: sqlite3.Connection, tenant_id: str, name: str) -> bool:
    row = conn.execute(
        "SELECT 1 FROM collections WHERE tenant_id = ? AND name = ?", (tenant_id, name)
    ).fetchone()
    return row is not None


def all_of(conn: sqlite3.Connection, tenant_id: str) -> list[CollectionRecord]:
    """A tenant's collections by name, read on ``conn`` (export reads them with its
    memories, from one snapshot)."""
    rows = conn.execute(
        "SELECT * FROM collections WHERE tenant_id = ? ORDER BY name", (tenant_id,)
    ).fetchall()
    return [_record(conn, row) for row in rows]


class Collections:
    def __init__(self, db: Database) -> None:
        self.db = db

    def of_tenant(self, tenant_id: str) -> list[CollectionRecord]:
        with self.db.read() as conn:
            return all_of(conn, tenant_id)

    def get(self, tenant_id: str, name: str) -> Optional[CollectionRecord]:
        with self.db.read() as conn:
            return _find(conn, tenant_id, name)

    def exists(self, tenant_id: str, name: str) -> bool:
        with self.db.read() as conn:
            return _exists(conn, tenant_id, name)

    def create(
        self,
        tenant_id: str,
        name: str,
        description: Optional[str] = None,
        metadata: Optional[dict[str, Any]] = None,
    ) -> Optional[CollectionRecord]:
        """Create a collection; None if it already exists."""
        with self.db.write() as conn:
            cur = conn.execute(
                "INSERT OR IGNORE INTO collections (tenant_id, name, description, metadata, "
                "created_at) VALUES (?, ?, ?, ?, ?)",
                (tenant_id, name, description, dumps(metadata or {}), iso_now()),
            )
            return _find(conn, tenant_id, name) if cur.rowcount else None

    def ensure(
        self,
        tenant_id: str,
        name: str,
        description: Optional[str] = None,
        metadata: Optional[dict[str, Any]] = None,
        created_at: Optional[str] = None,
    ) -> None:
        """Create the collection unless it exists (an existing one is left as it is);
        ``created_at`` None means now."""
        with self.db.write() as conn:
            ensure_collection(conn, tenant_id, name, description, metadata, created_at)

    def update(
        self,
        tenant_id: str,
        name: str,
        *,
        description: Optional[str] = None,
        metadata: Optional[dict[str, Any]] = None,
        set_description: bool = False,
        set_metadata: bool = False,
    ) -> Optional[CollectionRecord]:
        """Change what the flags say; None if there is no such collection."""
        with self.db.write() as conn:
            if not _exists(conn, tenant_id, name):
                return None
            if set_description:
                conn.execute(
                    "UPDATE collections SET description = ? WHERE tenant_id = ? AND name = ?",
                    (description, tenant_id, name),
                )
            if set_metadata:
                conn.execute(
                    "UPDATE collections SET metadata = ? WHERE tenant_id = ? AND name = ?",
                    (dumps(metadata or {}), tenant_id, name),
                )
            return _find(conn, tenant_id, name)

    def delete(self, tenant_id: str, name: str) -> bool:
        """Delete a collection and every memory in it; False if there was none."""
        with self.db.write() as conn:
            cur = conn.execute(
                "DELETE FROM collections WHERE tenant_id = ? AND name = ?", (tenant_id, name)
            )
            if cur.rowcount == 0:
                return False
            rids = [
                int(r[0])
                for r in conn.execute(
                    "SELECT rid FROM memories WHERE tenant_id = ? AND collection = ?",
                    (tenant_id, name),
                )
            ]
            delete_rows(self.db, conn, tenant_id, rids)
            return True
