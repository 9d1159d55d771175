"""Stored first answers to Idempotency-Keys, for 24 hours."""

from __future__ import annotations

import json
import time
from typing import Any, Optional

from .database import Database, dumps
from .records import StoredReply

TTL_SECONDS = 24 * 3600
_PURGE_EVERY = 500  # stored answers between sweeps of expired ones


class IdempotencyRecords:
    def __init__(self, db: Database) -> None:
        self.db = db
        self._puts = 0

    def get(self, owner: str, key: str, *, snapshot: bool = False) -> Optional[StoredReply]:
        """The answer stored for (owner, key), if still fresh. Read on the writer, so a
        caller inside ``write()`` sees a twin's record the moment it committed; with
        ``snapshot``, on a reader instead, for a first look that need not wait for the
        writer (and, with group commit, for the group it would join)."""
        cutoff = time.time() - TTL_SECONDS
        with self.db.read() if snapshot else self.db.write() as conn:
            row = conn.execute(
                "SELECT fingerprint, status, headers, body FROM idempotency "
                "WHERE owner = ? AND key = ? AND created_at > ?",
                (owner, key, cutoff),
            ).fetchone()
        if row is None:
            return None
        body = bytes(row["body"])
        return StoredReply(
            fingerprint=str(row["fingerprint"]),
            status=int(row["status"]),
            headers=json.loads(row["headers"]),
            body=json.loads(body) if body else None,
        )

    def put(
        self,
        owner: str,
        key: str,
        fingerprint: str,
        status: int,
        headers: dict[str, str],
        body: Any,
    ) -> None:
        self._puts += 1
        if self._puts % _PURGE_EVERY == 0:
            self.purge()
        payload = b"" if body is None else dumps(body).encode("utf-8")
        with self.db.write() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO idempotency "
                "(owner, key, fingerprint, status, headers, body, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (owner, key, fingerprint, status, json.dumps(headers), payload, time.time()),
            )

    def purge(self) -> int:
        """Delete answers older than the TTL; how many went."""
        with self.db.write() as conn:
            return conn.execute(
                "DELETE FROM idempotency WHERE created_at <= ?", (time.time() - TTL_SECONDS,)
            ).rowcount
