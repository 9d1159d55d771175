"""Connections, their sync runs, and the map of synced items to the memories they became.

``connection_items`` has no tenant column: it is reached only through a connection the
tenant owns, checked in the same transaction. The admin views at the end are the only
queries here across tenants.
"""

from __future__ import annotations

import secrets
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Optional

from ..timestamps import iso_now
from .database import Database, dumps, from_row, select_in
from .records import ConnectionRecord, RunRecord

STATUS_ACTIVE, STATUS_PAUSED, STATUS_ERROR = "active", "paused", "error"
RUN_OK, RUN_ERROR = "ok", "error"

# (item key, memory id, content hash): one row of a connection's item map.
ItemRow = tuple[str, str, str]


@dataclass(frozen=True)
class RestoredState:
    """What an import restores of a connection beyond its settings: where its syncs had
    got to, and which memory each synced item became."""

    status: str
    cursor: Optional[str]
    last_synced_at: Optional[str]
    last_error: Optional[str]
    created_at: str
    items: Sequence[ItemRow]


_COLUMNS = (
    "id, tenant_id, provider, name, collection, container_tag, config, credentials, status, "
    "cursor, last_synced_at, last_error, created_at"
)


def _record(row: sqlite3.Row) -> ConnectionRecord:
    record: ConnectionRecord = from_row(ConnectionRecord, row, ("config",))
    return record


def _find(
    conn: sqlite3.Connection, tenant_id: str, connection_id: str
) -> Optional[ConnectionRecord]:
    row = conn.execute(
        f"SELECT {_COLUMNS} FROM connections WHERE tenant_id = ? AND id = ?",
        (tenant_id, connection_id),
    ).fetchone()
    return None if row is None else _record(row)


def all_of(conn: sqlite3.Connection, tenant_id: str) -> list[ConnectionRecord]:
    """A tenant's connections, newest first, read on ``conn`` (export reads them with its
    memories, from one snapshot)."""
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM connections WHERE tenant_id = ? "
        "ORDER BY created_at DESC, rowid DESC",
        (tenant_id,),
    ).fetchall()
    return [_record(row) for row in rows]


def item_map(conn: sqlite3.Connection, connection_id: str) -> list[ItemRow]:
    """A connection's whole item map by key, read on ``conn``; the caller has checked
    that the connection is the tenant's."""
    rows = conn.execute(
        "SELECT item_key, memory_id, content_hash FROM connection_items "
        "WHERE connection_id = ? ORDER BY item_key",
        (connection_id,),
    ).fetchall()
    return [(str(r[0]), str(r[1]), str(r[2])) for r in rows]


class Connections:
    def __init__(self, db: Database) -> None:
        self.db = db

    @staticmethod
    def new_id() -> str:
        return "conn_" + secrets.token_hex(12)

    def create(
        self,
        tenant_id: str,
        connection_id: str,
        *,
        provider: str,
        name: Optional[str],
        collection: str,
        container_tag: Optional[str],
        config: dict[str, Any],
        sealed_credentials: Optional[str],
        restored: Optional[RestoredState] = None,
    ) -> ConnectionRecord:
        """A new connection: active and never synced, or in the ``restored`` state an
        import brings, with its item map."""
        state = restored or RestoredState(STATUS_ACTIVE, None, None, None, iso_now(), ())
        with self.db.write() as conn:
            conn.execute(
                "INSERT INTO connections (id, tenant_id, provider, name, collection, "
                "container_tag, config, credentials, status, cursor, last_synced_at, "
                "last_error, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    connection_id,
                    tenant_id,
                    provider,
                    name,
                    collection,
                    container_tag,
                    dumps(config),
                    sealed_credentials,
                    state.status,
                    state.cursor,
                    state.last_synced_at,
                    state.last_error,
                    state.created_at,
                ),
            )
            conn.executemany(
                "INSERT OR REPLACE INTO connection_items (connection_id, item_key, memory_id, "
                "content_hash) VALUES (?, ?, ?, ?)",
                [(connection_id, *item) for item in state.items],
            )
            found = _find(conn, tenant_id, connection_id)
        assert found is not None
        return found

    def get(self, tenant_id: str, connection_id: str) -> Optional[ConnectionRecord]:
        with self.db.read() as conn:
            return _find(conn, tenant_id, connection_id)

    def get_for_update(self, tenant_id: str, connection_id: str) -> Optional[ConnectionRecord]:
        """As ``get``, read on the writer: inside ``write()`` it sees the transaction's
        own changes, and no other sync can change the connection before it commits."""
        with self.db.write() as conn:
            return _find(conn, tenant_id, connection_id)

    def of_tenant(self, tenant_id: str) -> list[ConnectionRecord]:
        """Newest first."""
        with self.db.read() as conn:
            return all_of(conn, tenant_id)

    def delete(self, tenant_id: str, connection_id: str) -> bool:
        """Delete a connection, its runs and its item map (its memories stay)."""
        with self.db.write() as conn:
            if _find(conn, tenant_id, connection_id) is None:
                return False
            conn.execute("DELETE FROM connection_items WHERE connection_id = ?", (connection_id,))
            conn.execute(
                "DELETE FROM connection_runs WHERE connection_id = ? AND tenant_id = ?",
                (connection_id, tenant_id),
            )
            conn.execute(
                "DELETE FROM connections WHERE id = ? AND tenant_id = ?",
                (connection_id, tenant_id),
            )
        return True

    # -- runs and the item map ------------------------------------------------------------

    def runs(self, tenant_id: str, connection_id: str, limit: int) -> list[RunRecord]:
        """Newest first."""
        with self.db.read() as conn:
            rows = conn.execute(
                "SELECT id, connection_id, status, synced_count, error, created_at, finished_at "
                "FROM connection_runs WHERE connection_id = ? AND tenant_id = ? "
                "ORDER BY created_at DESC, rowid DESC LIMIT ?",
                (connection_id, tenant_id, limit),
            ).fetchall()
        return [from_row(RunRecord, r) for r in rows]

    def known_items(self, connection_id: str, keys: Sequence[str]) -> dict[str, tuple[str, str]]:
        """item key → (memory id, content hash) for the keys already synced (on the writer)."""
        sql = (
            "SELECT item_key, memory_id, content_hash FROM connection_items "
            "WHERE connection_id = ? AND item_key IN ({marks})"
        )
        with self.db.write() as conn:
            return {
                str(r[0]): (str(r[1]), str(r[2]))
                for r in select_in(conn, sql, [connection_id], keys)
            }

    def map_item(self, connection_id: str, key: str, memory_id: str, content_hash: str) -> None:
        with self.db.write() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO connection_items (connection_id, item_key, memory_id, "
                "content_hash) VALUES (?, ?, ?, ?)",
                (connection_id, key, memory_id, content_hash),
            )

    def record_success(
        self, connection: ConnectionRecord, started: str, synced: int, cursor: Optional[str]
    ) -> None:
        """A run that synced ``synced`` items; the cursor is set (to the one it had, when a
        sync stopped at its cap) and an error status clears (a paused connection stays
        paused)."""
        with self.db.write() as conn:
            self._insert_run(conn, connection, started, RUN_OK, synced, None)
            conn.execute(
                "UPDATE connections SET cursor = ?, last_synced_at = ?, last_error = NULL, "
                "status = CASE WHEN status = ? THEN status ELSE ? END "
                "WHERE id = ? AND tenant_id = ?",
                (
                    cursor,
                    iso_now(),
                    STATUS_PAUSED,
                    STATUS_ACTIVE,
                    connection.id,
                    connection.tenant_id,
                ),
            )

    def record_failure(self, connection: ConnectionRecord, started: str, error: str) -> None:
        """A failed run; the connection shows the error. Nothing happens if it was deleted
        meanwhile."""
        with self.db.write() as conn:
            if _find(conn, connection.tenant_id, connection.id) is None:
                return
            self._insert_run(conn, connection, started, RUN_ERROR, 0, error)
            conn.execute(
                "UPDATE connections SET status = ?, last_error = ? WHERE id = ? AND tenant_id = ?",
                (STATUS_ERROR, error, connection.id, connection.tenant_id),
            )

    @staticmethod
    def _insert_run(
        conn: sqlite3.Connection,
        connection: ConnectionRecord,
        started: str,
        status: str,
        synced: int,
        error: Optional[str],
    ) -> None:
        conn.execute(
            "INSERT INTO connection_runs (id, connection_id, tenant_id, provider, status, "
            "synced_count, error, created_at, finished_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                "run_" + secrets.token_hex(12),
                connection.id,
                connection.tenant_id,
                connection.provider,
                status,
                synced,
                error,
                started,
                iso_now(),
            ),
        )

    # -- fleet-wide admin views -------------------------------------------------------------

    def runs_by_provider(self, since: str) -> dict[str, tuple[int, int, Optional[str]]]:
        """provider → (runs, failed runs, last run's start) for runs started since ``since``."""
        with self.db.read() as conn:
            rows = conn.execute(
                "SELECT provider, COUNT(*), SUM(status = ?), MAX(created_at) FROM connection_runs "
                "WHERE created_at >= ? GROUP BY provider",
                (RUN_ERROR, since),
            ).fetchall()
        return {str(r[0]): (int(r[1]), int(r[2] or 0), r[3]) for r in rows}

    def count_by_status(self) -> list[tuple[str, int]]:
        with self.db.read() as conn:
            rows = conn.execute(
                "SELECT status, COUNT(*) FROM connections GROUP BY status ORDER BY status"
            ).fetchall()
        return [(str(r[0]), int(r[1])) for r in rows]
