"""Queries of memory hygiene: what is stale, expired or superseded, and what is current
and important (for summaries and profiles). The fleet-wide counts are the one query here
across tenants; it serves the admin view."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Optional

from .database import Database
from .memory_rows import (
    COLUMNS,
    CURRENT,
    ENDED_BY_PLAN,
    announce_changes,
    by_rids,
    delete_rows,
    record,
    tag_filter,
    unplan,
)
from .records import MemoryRecord

HEALTH_COUNTS = ("total", "current", "archived", "pinned", "stale", "expired", "supersessions")


class Hygiene:
    def __init__(self, db: Database) -> None:
        self.db = db

    def archive_stale(
        self, tenant_id: str, collection: str, cutoff: str, now: str, dry_run: bool
    ) -> list[str]:
        """Ids of unpinned, unarchived, unexpired memories last updated before ``cutoff``,
        oldest first; archived in the same transaction unless ``dry_run``."""
        with self.db.write() as conn:
            rows = conn.execute(
                "SELECT rid, id FROM memories WHERE tenant_id = ? AND collection = ? "
                "AND pinned = 0 AND archived = 0 AND updated_at < ? "
                "AND (expires_at IS NULL OR expires_at > ?) ORDER BY updated_at, rid",
                (tenant_id, collection, cutoff, now),
            ).fetchall()
            if not dry_run and rows:
                rids = [int(row["rid"]) for row in rows]
                unplan(self.db, conn, tenant_id, rids)  # an archived plan is off
                conn.executemany(
                    "UPDATE memories SET archived = 1, updated_at = ? "
                    "WHERE rid = ? AND tenant_id = ?",
                    [(now, rid, tenant_id) for rid in rids],
                )
                announce_changes(self.db, conn, tenant_id, rids)
        return [str(row["id"]) for row in rows]

    def counts(
        self,
        now: str,
        stale_cutoff: str,
        tenant_id: Optional[str] = None,
        collection: Optional[str] = None,
    ) -> dict[str, int]:
        """Hygiene counts of one collection, or of every tenant (the admin view).

        ``stale`` uses archive-stale's definition: not pinned, not archived, not
        expired, not updated since ``stale_cutoff``.
        """
        where = ""
        scope: tuple[str, ...] = ()
        if tenant_id is not None and collection is not None:
            where, scope = "WHERE tenant_id = ? AND collection = ?", (tenant_id, collection)
        with self.db.read() as conn:
            row = conn.execute(
                "SELECT COUNT(*) AS total, "
                f"COALESCE(SUM({CURRENT}), 0) AS current, "
                "COALESCE(SUM(archived = 1), 0) AS archived, "
                "COALESCE(SUM(pinned = 1), 0) AS pinned, "
                "COALESCE(SUM(pinned = 0 AND archived = 0 AND updated_at < ? "
                "AND (expires_at IS NULL OR expires_at > ?)), 0) AS stale, "
                "COALESCE(SUM(expires_at IS NOT NULL AND expires_at <= ?), 0) AS expired, "
                "COALESCE(SUM(is_latest = 0), 0) AS supersessions "
                f"FROM memories {where}",
                (now, stale_cutoff, now, now, *scope),
            ).fetchone()
        return {name: int(row[name]) for name in HEALTH_COUNTS}

    def categories(self, tenant_id: str, collection: str, now: str) -> dict[str, int]:
        """How many current memories each category holds, most first."""
        with self.db.read() as conn:
            return {
                str(r[0]): int(r[1])
                for r in conn.execute(
                    "SELECT category, COUNT(*) FROM memories "
                    f"WHERE tenant_id = ? AND collection = ? AND {CURRENT} "
                    "GROUP BY category ORDER BY COUNT(*) DESC, category",
                    (tenant_id, collection, now),
                )
            }

    def supersessions(
        self,
        tenant_id: str,
        collection: str,
        now: str,
        limit: int,
        container_tag: Optional[str] = None,
    ) -> list[tuple[MemoryRecord, MemoryRecord]]:
        """(newer, superseded) pairs of a collection (the newer of one tag, unless None),
        the most recent supersession first."""
        tag, tag_params = tag_filter(container_tag, "n.container_tag")
        with self.db.read() as conn:
            pairs = conn.execute(
                "SELECT n.rid AS new_rid, o.rid AS old_rid FROM memories n "
                "JOIN memories o ON o.tenant_id = n.tenant_id AND o.collection = n.collection "
                "AND o.id = n.supersedes "
                f"WHERE n.tenant_id = ? AND n.collection = ?{tag} AND n.supersedes IS NOT NULL "
                # an expired fact is no longer the current truth of anything
                "AND (n.expires_at IS NULL OR n.expires_at > ?) "
                "ORDER BY o.superseded_at DESC, n.rid DESC LIMIT ?",
                (tenant_id, collection, *tag_params, now, limit),
            ).fetchall()
            found = by_rids(
                conn, tenant_id, [p["new_rid"] for p in pairs] + [p["old_rid"] for p in pairs]
            )
        return [(found[p["new_rid"]], found[p["old_rid"]]) for p in pairs]

    def ranked_current(
        self,
        tenant_id: str,
        collection: str,
        now: str,
        limit: int,
        kinds: Optional[Sequence[str]] = None,
        container_tag: Optional[str] = None,
    ) -> list[MemoryRecord]:
        """Current memories (of one tag, unless None), most important first, then most
        recently updated.

        With ``kinds``, only memories of those types, or untyped ones whose category is one
        of them (how a plain ``add`` says what it is).
        """
        where, tag_params = tag_filter(container_tag)
        where += " "
        params: list[Any] = [tenant_id, collection, now, *tag_params]
        if kinds is not None:
            marks = ",".join("?" * len(kinds))
            where += f"AND (type IN ({marks}) OR (type IS NULL AND category IN ({marks}))) "
            params += [*kinds, *kinds]
        with self.db.read() as conn:
            rows = conn.execute(
                f"SELECT {COLUMNS} FROM memories "
                f"WHERE tenant_id = ? AND collection = ? AND {CURRENT}{where}"
                "ORDER BY pinned DESC, importance DESC, updated_at DESC, rid DESC LIMIT ?",
                [*params, limit],
            ).fetchall()
        return [record(row) for row in rows]

    def current_texts(self, tenant_id: str, now: str) -> list[tuple[str, Optional[str], str]]:
        """(collection, container tag, text) of every current memory of a tenant."""
        with self.db.read() as conn:
            return [
                (str(r[0]), r[1], str(r[2]))
                for r in conn.execute(
                    "SELECT collection, container_tag, text FROM memories "
                    f"WHERE tenant_id = ? AND {CURRENT}",
                    (tenant_id, now),
                )
            ]

    def delete_expired(self, now: str, batch: int = 1000) -> int:
        """Delete memories whose ``expires_at`` has passed, in every tenant (the sweeper).
        One that ended because a plan of its key began ("lives in Moda" when the move to
        Izmir came) is not deleted but kept as superseded history."""
        total = 0
        while True:
            # Batched so a large backlog never holds the writer lock for long.
            with self.db.write() as conn:
                by_plan = ENDED_BY_PLAN.format(o="o")
                ended = conn.execute(
                    "SELECT rid, tenant_id FROM memories AS o WHERE expires_at IS NOT NULL "
                    f"AND expires_at <= ? AND is_latest = 1 AND {by_plan} LIMIT ?",
                    (now, batch),
                ).fetchall()
                for row in ended:
                    conn.execute(
                        "UPDATE memories SET is_latest = 0, superseded_at = expires_at, "
                        "expires_at = NULL WHERE rid = ?",
                        (row["rid"],),
                    )
                    announce_changes(self.db, conn, str(row["tenant_id"]), [int(row["rid"])])
                rows = conn.execute(
                    "SELECT rid, tenant_id FROM memories WHERE expires_at IS NOT NULL "
                    "AND expires_at <= ? LIMIT ?",
                    (now, batch),
                ).fetchall()
                by_tenant: dict[str, list[int]] = {}
                for row in rows:
                    by_tenant.setdefault(str(row["tenant_id"]), []).append(int(row["rid"]))
                for tenant_id, rids in by_tenant.items():
                    delete_rows(self.db, conn, tenant_id, rids)
            total += len(rows)
            if len(rows) < batch:
                return total
