"""Background remember jobs. ``claim`` and ``requeue_running`` serve the one worker of this
process and so span tenants; every other job query is tenant-scoped."""

from __future__ import annotations

import secrets
import sqlite3
from collections.abc import Sequence
from typing import Any, Optional

from ..timestamps import iso_now
from .database import Database, dumps, from_row
from .records import JobRecord, Principal


def _record(row: sqlite3.Row) -> JobRecord:
    record: JobRecord = from_row(JobRecord, row, ("facts",))
    return record


class Jobs:
    def __init__(self, db: Database) -> None:
        self.db = db

    def create(
        self,
        principal: Principal,
        collection: str,
        content: str,
        observed_at: Optional[str] = None,
        container_tag: Optional[str] = None,
    ) -> JobRecord:
        job_id = "job_" + secrets.token_hex(12)
        with self.db.write() as conn:
            conn.execute(
                "INSERT INTO jobs (id, tenant_id, collection, content, key_id, key_label, "
                "status, created_at, observed_at, container_tag) "
                "VALUES (?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?)",
                (
                    job_id,
                    principal.tenant_id,
                    collection,
                    content,
                    principal.key_id,
                    principal.label,
                    iso_now(),
                    observed_at,
                    container_tag,
                ),
            )
            found = self._find(conn, principal.tenant_id, job_id)
        assert found is not None
        return found

    @staticmethod
    def _find(conn: sqlite3.Connection, tenant_id: str, job_id: str) -> Optional[JobRecord]:
        row = conn.execute(
            "SELECT * FROM jobs WHERE id = ? AND tenant_id = ?", (job_id, tenant_id)
        ).fetchone()
        return None if row is None else _record(row)

    def get(self, tenant_id: str, job_id: str) -> Optional[JobRecord]:
        with self.db.read() as conn:
            return self._find(conn, tenant_id, job_id)

    def claim(self) -> Optional[JobRecord]:
        """The oldest queued job, now marked running; None when the queue is empty."""
        with self.db.write() as conn:
            row = conn.execute(
                "SELECT * FROM jobs WHERE status = 'queued' ORDER BY created_at, rowid LIMIT 1"
            ).fetchone()
            if row is None:
                return None
            conn.execute(
                "UPDATE jobs SET status = 'running' WHERE id = ? AND tenant_id = ?",
                (row["id"], row["tenant_id"]),
            )
            return _record(row)

    def finish(
        self,
        tenant_id: str,
        job_id: str,
        facts: Sequence[dict[str, Any]],
        error: Optional[str],
    ) -> None:
        with self.db.write() as conn:
            conn.execute(
                "UPDATE jobs SET status = ?, facts = ?, error = ?, finished_at = ? "
                "WHERE id = ? AND tenant_id = ?",
                (
                    "failed" if error is not None else "done",
                    dumps(list(facts)),
                    error,
                    iso_now(),
                    job_id,
                    tenant_id,
                ),
            )

    def requeue_running(self) -> int:
        """Put jobs a stopped process left running back in the queue (run at start-up)."""
        with self.db.write() as conn:
            return conn.execute(
                "UPDATE jobs SET status = 'queued' WHERE status = 'running'"
            ).rowcount

    def purge(self, finished_before: str) -> int:
        with self.db.write() as conn:
            return conn.execute(
                "DELETE FROM jobs WHERE status IN ('done', 'failed') AND finished_at < ?",
                (finished_before,),
            ).rowcount
