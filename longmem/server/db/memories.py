"""The memories table, its full-text index and the vectors stored beside each memory.

"Current" means what search may return: not archived, still the latest version and not
expired. Expired memories are gone for every read and write at once, though the
sweeper deletes them later. ``now`` is passed in as an ISO string where one request must
see one instant. The keyed facts among them are read by keyed_facts.py (``KeyedFacts``,
which ``Memories`` builds on); memory_rows.py holds the rows as every resource shares them.
"""

from __future__ import annotations

import secrets
import sqlite3
from collections.abc import Collection, Iterator, Mapping, Sequence
from typing import Any, Optional

from ..embed import EMBED_VERSION, Vector, embed, fts_text, to_blob
from ..timestamps import iso_now
from .database import dumps, select_in
from .fts import fts_table, made_fts_table
from .keyed_facts import KeyedFacts
from .memory_rows import (
    BY_RID_SCOPE,
    COLUMNS,
    CURRENT,
    ENDED_BY_PLAN,
    INDEX_COLUMNS,
    OF_KEY,
    UNEXPIRED,
    announce_changes,
    by_rids,
    delete_rows,
    ensure_collection,
    index_entries_by_rid,
    index_entry,
    record,
    stored_vector,
    tag_filter,
    texts,
    unplan,
)
from .records import Change, IndexEntry, MemoryFilter, MemoryRecord, NewMemory, Principal

UPDATABLE = frozenset({"text", "importance", "category", "metadata", "pinned", "archived"})


def new_memory_id() -> str:
    return "mem_" + secrets.token_hex(12)


def _vector_of(item: NewMemory) -> Vector:
    """A new memory's vector: the one it came with, or its text's."""
    return item.vector if item.vector is not None else embed(item.text)


class Memories(KeyedFacts):
    # -- writes -------------------------------------------------------------------------

    def add(self, principal: Principal, items: Sequence[NewMemory]) -> list[MemoryRecord]:
        """Insert memories in one transaction (all or nothing), creating their collections."""
        tenant_id = principal.tenant_id
        now = iso_now()
        # Embed outside the write lock: it is the costly part and needs no database.
        prepared = [(item, item.id or new_memory_id(), to_blob(_vector_of(item))) for item in items]
        with self.db.write() as conn:
            for name in {item.collection for item in items}:
                ensure_collection(conn, tenant_id, name)
            rids = []
            for item, memory_id, blob in prepared:
                created_by = item.created_by or (principal.key_id, principal.label)
                cur = conn.execute(
                    "INSERT INTO memories (id, tenant_id, collection, text, importance, "
                    "category, source, metadata, container_tag, type, pinned, archived, "
                    "is_latest, expires_at, images, created_at, updated_at, created_by_id, "
                    "created_by_label, vector, embed_version, subject, attribute, value, "
                    "valid_from, statement, supersedes, negated, observed_at) VALUES (?, ?, ?, ?, "
                    "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '[]', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        memory_id,
                        tenant_id,
                        item.collection,
                        item.text,
                        float(item.importance),
                        item.category,
                        item.source,
                        dumps(item.metadata),
                        item.container_tag,
                        item.type,
                        int(item.pinned),
                        int(item.archived),
                        int(item.is_latest),
                        item.expires_at,
                        item.created_at or now,
                        item.updated_at or item.created_at or now,
                        *created_by,
                        blob,
                        EMBED_VERSION,
                        item.subject,
                        item.attribute,
                        item.value,
                        item.valid_from,
                        item.statement,
                        item.supersedes,
                        int(item.negated),
                        item.observed_at,
                    ),
                )
                rids.append(int(cur.lastrowid or 0))
            conn.executemany(
                f"INSERT INTO {made_fts_table(conn, tenant_id)} (rowid, text) VALUES (?, ?)",
                [(rid, fts_text(p[0].text)) for rid, p in zip(rids, prepared)],
            )
            announce_changes(self.db, conn, tenant_id, rids)
            found = by_rids(conn, tenant_id, rids)
        return [found[rid] for rid in rids]

    def add_fact(self, principal: Principal, item: NewMemory) -> MemoryRecord:
        """Insert one remembered fact; the memory it ``supersedes`` (if any, in the same
        collection) stops being the latest, ``superseded_at`` now, in one transaction —
        unless the new fact is planned (its ``valid_from`` to come) and the old one has
        begun: the old one then holds until the new one begins (``expires_at``, which the
        sweeper turns into ``superseded_at`` when it comes)."""
        with self.db.write() as conn:
            created = self.add(principal, [item])[0]
            if item.supersedes is not None:
                old = self._find(conn, principal.tenant_id, item.collection, item.supersedes)
                now = iso_now()
                if old is not None and old.began <= now < (item.valid_from or now):
                    self._end(conn, principal.tenant_id, old.rid, item.valid_from or now)
                elif old is not None:
                    self._retire(conn, principal.tenant_id, old.rid, now)
            return created

    def reschedule(self, tenant_id: str, plan: MemoryRecord, to: str) -> None:
        """What ``plan`` was to end (the memories of its key ending the day it begins)
        ends at ``to`` instead: the plan changed."""
        with self.db.write() as conn:
            ended = conn.execute(
                f"SELECT rid FROM memories WHERE {OF_KEY} AND expires_at = ?",
                (tenant_id, plan.collection, plan.container_tag, plan.subject, plan.attribute,
                 plan.valid_from),
            ).fetchall()  # fmt: skip
            rows = [int(row["rid"]) for row in ended]
            conn.executemany(
                "UPDATE memories SET expires_at = ? WHERE rid = ?", [(to, r) for r in rows]
            )
            announce_changes(self.db, conn, tenant_id, rows)

    def _end(self, conn: sqlite3.Connection, tenant_id: str, rid: int, when: str) -> None:
        conn.execute(
            "UPDATE memories SET expires_at = ? WHERE rid = ? AND tenant_id = ? "
            "AND (expires_at IS NULL OR expires_at > ?)",
            (when, rid, tenant_id, when),
        )
        announce_changes(self.db, conn, tenant_id, [rid])

    def _retire(self, conn: sqlite3.Connection, tenant_id: str, rid: int, when: str) -> None:
        # A value a plan was to end is history now, kept: it no longer ends with the plan
        # (the sweeper deletes what ends); a plan retired before its day gives its end back.
        unplan(self.db, conn, tenant_id, [rid])
        ended = ENDED_BY_PLAN.format(o="memories")
        conn.execute(
            "UPDATE memories SET is_latest = 0, superseded_at = ?, "
            f"expires_at = CASE WHEN {ended} THEN NULL ELSE expires_at END "
            "WHERE rid = ? AND tenant_id = ?",
            (when, rid, tenant_id),
        )
        announce_changes(self.db, conn, tenant_id, [rid])

    def retire(self, tenant_id: str, collection: str, ids: Sequence[str]) -> None:
        """These memories stop being the latest, replaced by no one fact in particular (a
        denial made moot by a new value)."""
        with self.db.write() as conn:
            for memory_id in ids:
                found = self._find(conn, tenant_id, collection, memory_id)
                if found is not None and found.is_latest:
                    self._retire(conn, tenant_id, found.rid, iso_now())

    def reinstate(self, tenant_id: str, collection: str, memory_id: str) -> None:
        """A memory superseded by a plan holds again, the plan called off: "we're not
        moving after all", said before the move's day but stored after it (a transcript
        replayed), gives back the home the move had replaced."""
        with self.db.write() as conn:
            found = self._find(conn, tenant_id, collection, memory_id)
            if found is None or found.is_latest:
                return
            conn.execute(
                "UPDATE memories SET is_latest = 1, superseded_at = NULL "
                "WHERE rid = ? AND tenant_id = ?",
                (found.rid, tenant_id),
            )
            announce_changes(self.db, conn, tenant_id, [found.rid])

    def relink(self, tenant_id: str, links: Sequence[tuple[str, str]]) -> None:
        """Restore (newer id, older id) supersession links, as an import brings them: the
        newer ``supersedes`` the older, which was superseded when the newer was made."""
        with self.db.write() as conn:
            for newer_id, older_id in links:
                newer = conn.execute(
                    "SELECT rid, created_at FROM memories WHERE tenant_id = ? AND id = ?",
                    (tenant_id, newer_id),
                ).fetchone()
                older = conn.execute(
                    "SELECT rid FROM memories WHERE tenant_id = ? AND id = ?",
                    (tenant_id, older_id),
                ).fetchone()
                if newer is None or older is None:
                    continue
                conn.execute(
                    "UPDATE memories SET supersedes = ? WHERE rid = ? AND tenant_id = ?",
                    (older_id, newer["rid"], tenant_id),
                )
                conn.execute(
                    "UPDATE memories SET superseded_at = ? WHERE rid = ? AND tenant_id = ?",
                    (newer["created_at"], older["rid"], tenant_id),
                )

    def update(
        self, tenant_id: str, collection: str, memory_id: str, changes: Mapping[str, Any]
    ) -> Optional[MemoryRecord]:
        """Apply ``changes`` (column → value, already validated); new text re-embeds.
        None when there is no such memory."""
        unknown = set(changes) - UPDATABLE
        if unknown:
            raise ValueError(f"not updatable: {sorted(unknown)}")
        blob = to_blob(embed(changes["text"])) if "text" in changes else None
        with self.db.write() as conn:
            found = self._find(conn, tenant_id, collection, memory_id)
            if found is None or not changes:
                return found
            if changes.get("archived"):
                unplan(self.db, conn, tenant_id, [found.rid])  # an archived plan is off
            sets = ["updated_at = ?"]
            params: list[Any] = [iso_now()]
            for name, value in sorted(changes.items()):
                sets.append(f"{name} = ?")
                if name == "metadata":
                    value = dumps(value)
                elif name in ("pinned", "archived"):
                    value = int(value)
                params.append(value)
            if blob is not None:
                sets += ["vector = ?", "embed_version = ?"]
                params += [blob, EMBED_VERSION]
                table = made_fts_table(conn, tenant_id)
                conn.execute(f"DELETE FROM {table} WHERE rowid = ?", (found.rid,))
                conn.execute(
                    f"INSERT INTO {table} (rowid, text) VALUES (?, ?)",
                    (found.rid, fts_text(changes["text"])),
                )
            conn.execute(
                f"UPDATE memories SET {', '.join(sets)} WHERE rid = ? AND tenant_id = ?",
                [*params, found.rid, tenant_id],
            )
            announce_changes(self.db, conn, tenant_id, [found.rid])
            return self._find(conn, tenant_id, collection, memory_id)

    def move(self, tenant_id: str, collection: str, memory_id: str, to: str) -> bool:
        with self.db.write() as conn:
            found = self._find(conn, tenant_id, collection, memory_id)
            if found is None:
                return False
            ensure_collection(conn, tenant_id, to)
            conn.execute(
                "UPDATE memories SET collection = ?, updated_at = ? "
                "WHERE rid = ? AND tenant_id = ?",
                (to, iso_now(), found.rid, tenant_id),
            )
            announce_changes(self.db, conn, tenant_id, [found.rid])
            return True

    def delete(self, tenant_id: str, collection: str, ids: Sequence[str]) -> list[str]:
        """Delete memories by id; returns the ids that existed, in the given order."""
        deleted: list[str] = []
        with self.db.write() as conn:
            for memory_id in ids:
                found = self._find(conn, tenant_id, collection, memory_id)
                if found is not None:
                    delete_rows(self.db, conn, tenant_id, [found.rid])
                    deleted.append(memory_id)
        return deleted

    # -- reads --------------------------------------------------------------------------

    @staticmethod
    def _find(
        conn: sqlite3.Connection, tenant_id: str, collection: str, memory_id: str
    ) -> Optional[MemoryRecord]:
        row = conn.execute(
            f"SELECT {COLUMNS} FROM memories "
            f"WHERE tenant_id = ? AND collection = ? AND id = ? AND {UNEXPIRED}",
            (tenant_id, collection, memory_id, iso_now()),
        ).fetchone()
        return None if row is None else record(row)

    def get(self, tenant_id: str, collection: str, memory_id: str) -> Optional[MemoryRecord]:
        with self.db.read() as conn:
            return self._find(conn, tenant_id, collection, memory_id)

    def by_rids(self, tenant_id: str, rids: Sequence[int]) -> dict[int, MemoryRecord]:
        with self.db.read() as conn:
            return by_rids(conn, tenant_id, rids)

    def texts(self, tenant_id: str, rids: Sequence[int]) -> dict[int, str]:
        """The text of each memory of ``rids`` that exists (for a model to rank them)."""
        with self.db.read() as conn:
            return texts(conn, tenant_id, rids)

    def collection_of(self, tenant_id: str, memory_id: str) -> Optional[str]:
        """The collection a memory is in now, wherever the user moved it. Read on the
        writer, so inside ``write()`` nothing can move it before the caller acts."""
        with self.db.write() as conn:
            row = conn.execute(
                "SELECT collection FROM memories WHERE tenant_id = ? AND id = ?",
                (tenant_id, memory_id),
            ).fetchone()
        return None if row is None else str(row[0])

    def page(
        self,
        tenant_id: str,
        collection: str,
        limit: int,
        offset: int,
        include_archived: bool,
        include_superseded: bool = False,
        container_tag: Optional[str] = None,
    ) -> list[MemoryRecord]:
        """Pinned first, then newest first; ``container_tag`` None means every tag."""
        where, params = tag_filter(container_tag)
        where += "" if include_archived else " AND archived = 0"
        where += "" if include_superseded else " AND is_latest = 1"
        with self.db.read() as conn:
            rows = conn.execute(
                f"SELECT {COLUMNS} FROM memories "
                f"WHERE tenant_id = ? AND collection = ?{where} AND {UNEXPIRED} "
                "ORDER BY pinned DESC, created_at DESC, rid DESC LIMIT ? OFFSET ?",
                (tenant_id, collection, *params, iso_now(), limit, offset),
            ).fetchall()
        return [record(row) for row in rows]

    # -- vectors and full text, for search and the hygiene routes ------------------------

    def current_with_vectors(
        self,
        tenant_id: str,
        collection: str,
        container_tag: Optional[str],
        rids: Sequence[int],
        now: str,
    ) -> list[tuple[MemoryRecord, Vector]]:
        """The current ones of ``rids`` within one tag (None: untagged ones), in the given
        order, with their vectors.

        Read on the writer connection, so inside ``write()`` it sees the transaction's own
        changes (facts stored or superseded earlier in the same remember call).
        """
        tag, tag_params = tag_filter(container_tag, exact=True)
        sql = (
            f"SELECT {COLUMNS}, vector, embed_version FROM memories "
            f"WHERE {BY_RID_SCOPE} AND +collection = ?{tag} AND {CURRENT} AND rid IN ({{marks}})"
        )
        params = [tenant_id, collection, *tag_params, now]
        with self.db.write() as conn:
            found = {
                row["rid"]: (record(row), stored_vector(row))
                for row in select_in(conn, sql, params, rids)
            }
        return [found[rid] for rid in rids if rid in found]

    def plain_lately(
        self,
        tenant_id: str,
        collection: Optional[str],
        tags: MemoryFilter,
        since: Optional[str],
        now: str,
        limit: int,
    ) -> list[MemoryRecord]:
        """Of the ``limit`` current plain memories (no key) stored last, those said since
        ``since`` (all, when None), the one said last first: what a user said that the
        extractor did not key, for a question whose keyed answer may be out of date.

        Read in the listing index's order, pinned and unpinned apart, so a collection's
        newest are found without sorting all of it; a whole tenant's, from the newest
        row back."""
        tag, tag_params = tag_filter(tags.container_tag, exact=tags.exact_tag)
        plain = f"SELECT {COLUMNS} FROM memories WHERE attribute IS NULL AND {CURRENT}{tag}"
        with self.db.read() as conn:
            if collection is None:
                # By row id from the last back (the unary plus keeps SQLite off the
                # tenant's index, through which it would sort all its memories).
                rows = conn.execute(
                    f"{plain} AND +tenant_id = ? ORDER BY rid DESC LIMIT ?",
                    (now, *tag_params, tenant_id, limit),
                ).fetchall()
            else:
                part = (
                    f"{plain} AND tenant_id = ? AND collection = ? AND pinned = ? "
                    "ORDER BY created_at DESC, rid DESC LIMIT ?"
                )
                key = (now, *tag_params, tenant_id, collection)
                rows = conn.execute(
                    f"SELECT * FROM ({part}) UNION ALL SELECT * FROM ({part})",
                    (*key, 1, limit, *key, 0, limit),
                ).fetchall()
        found = sorted(
            (record(row) for row in rows), key=lambda m: (m.created_at, m.rid), reverse=True
        )[:limit]
        found.sort(key=lambda m: (m.began, m.rid), reverse=True)
        return [m for m in found if since is None or m.began >= since]

    def with_vectors(
        self,
        tenant_id: str,
        collection: str,
        now: Optional[str] = None,
        *,
        container_tag: Optional[str] = None,
    ) -> list[tuple[MemoryRecord, Vector]]:
        """Every memory of a collection (of one tag, unless None) with its vector; only
        current ones when ``now`` is given."""
        tag, tag_params = tag_filter(container_tag)
        current = f" AND {CURRENT}" if now is not None else ""
        params: list[Any] = [tenant_id, collection, *tag_params]
        params += [now] if now is not None else []
        with self.db.read() as conn:
            rows = conn.execute(
                f"SELECT {COLUMNS}, vector, embed_version FROM memories "
                f"WHERE tenant_id = ? AND collection = ?{tag}{current} ORDER BY rid",
                params,
            ).fetchall()
        return [(record(row), stored_vector(row)) for row in rows]

    def index_entries(self, tenant_id: str) -> Iterator[IndexEntry]:
        """What the search index needs of every memory of a tenant, from a snapshot taken
        now (even inside another read): the index replays what commits after the call."""
        with self.db.read(fresh=True) as conn:
            rows = conn.execute(
                f"SELECT {INDEX_COLUMNS} FROM memories WHERE tenant_id = ?", (tenant_id,)
            ).fetchall()
        return (index_entry(row) for row in rows)

    def logged_changes(
        self, after: Optional[int], tenants: Collection[str], most: int
    ) -> tuple[int, Optional[list[Change]]]:
        """The changes the change log (``Database.log_changes``) holds after its entry
        ``after``, to memories of ``tenants``, each as this read sees the memory now, in
        log order: (the log's last entry, the changes). The changes are None when the
        log no longer holds every entry after ``after`` (pruned), when there are more
        than ``most`` of them, or when ``after`` is None (a reader's first look): the
        reader starts over from what the memories are now."""
        with self.db.read() as conn:
            if after is None:
                return _log_end(conn), None
            rows = conn.execute(
                "SELECT seq, tenant_id, rid FROM memory_changes WHERE seq > ? ORDER BY seq LIMIT ?",
                (after, most + 1),
            ).fetchall()
            if not rows:
                return after, []
            last = rows[-1]["seq"]
            if rows[0]["seq"] != after + 1 or len(rows) > most:
                # AUTOINCREMENT numbers committed entries without a gap; a gap at the
                # start is where pruning reached past ``after``.
                return _log_end(conn), None
            by_tenant: dict[str, list[int]] = {}
            for row in rows:
                if row["tenant_id"] in tenants:
                    by_tenant.setdefault(row["tenant_id"], []).append(row["rid"])
            entries = {
                tenant_id: index_entries_by_rid(conn, tenant_id, list(dict.fromkeys(rids)))
                for tenant_id, rids in by_tenant.items()
            }
        return last, [
            Change(row["tenant_id"], row["rid"], entries[row["tenant_id"]].get(row["rid"]))
            for row in rows
            if row["tenant_id"] in entries
        ]

    def vector(self, tenant_id: str, rid: int) -> Optional[Vector]:
        with self.db.read() as conn:
            row = conn.execute(
                "SELECT text, vector, embed_version FROM memories WHERE tenant_id = ? AND rid = ?",
                (tenant_id, rid),
            ).fetchone()
        return None if row is None else stored_vector(row)

    def full_text(
        self,
        tenant_id: str,
        match: str,
        flt: MemoryFilter,
        now: str,
        limit: Optional[int],
        scope: int = 0,
        total: int = 0,
    ) -> list[tuple[int, float]]:
        """(rid, bm25) of the tenant's current memories (with history: unarchived ones)
        matching the FTS5 query, best first, from the tenant's own full-text table (fts.py):
        BM25's statistics are the tenant's.

        bm25() is negative, more negative is better. ``scope``: how many memories the
        search may look at (its collection's, or its tenant's), ``total``: how many the
        tenant has; 0 when unknown. Where the scope is at least half of the tenant's
        memories, the matches are ranked alone first and only the best few are joined to
        their memories and filtered (a third less time than joining every match: ~1,000
        of 10,000 memories match a common word); should too few of those pass, the whole
        query runs.
        """
        clauses = ["m.tenant_id = ?", "m.archived = 0"]
        params: list[Any] = [tenant_id]
        if not flt.include_history:
            clauses += ["m.is_latest = 1", "(m.expires_at IS NULL OR m.expires_at > ?)"]
            params.append(now)
        for column, value in (("collection", flt.collection), ("category", flt.category)):
            if value is not None:
                clauses.append(f"m.{column} = ?")
                params.append(value)
        tag, tag_params = tag_filter(flt.container_tag, "m.container_tag", exact=flt.exact_tag)
        params += tag_params
        filters = " AND ".join(clauses) + tag
        with self.db.read() as conn:
            table = fts_table(conn, tenant_id)
            if table is None:
                return []  # no memory stored yet
            if limit is not None and scope and total and scope * 2 >= total:
                best = self._ranked_alone(conn, table, match, filters, params, limit)
                if best is not None:
                    return best
            sql = (
                f"SELECT f.rowid AS rid, bm25({table}) AS rank FROM {table} f "
                f"JOIN memories m ON m.rid = f.rowid WHERE {table} MATCH ? AND "
                + filters
                + " ORDER BY rank, f.rowid DESC"
            )
            if limit is not None:
                sql += " LIMIT ?"
            bound = [match, *params, *([] if limit is None else [limit])]
            return [(int(r[0]), float(r[1])) for r in conn.execute(sql, bound)]

    @staticmethod
    def _ranked_alone(
        conn: sqlite3.Connection,
        table: str,
        match: str,
        filters: str,
        params: list[Any],
        limit: int,
    ) -> Optional[list[tuple[int, float]]]:
        """The first ``limit`` matches that pass ``filters``, found among the best
        _ALONE_FACTOR × ``limit`` matches of the tenant's memories; None when that cannot
        tell (too few of the best passed). The same rows as the whole query: the best
        matches in the same order (bm25, then the newer first), a prefix of all of them,
        so the first that pass are the first of all that pass."""
        wanted = limit * _ALONE_FACTOR
        best = [
            (int(rid), float(rank))
            for rid, rank in conn.execute(
                f"SELECT rowid, bm25({table}) AS rank FROM {table} WHERE {table} "
                "MATCH ? ORDER BY rank, rowid DESC LIMIT ?",
                (match, wanted),
            )
        ]
        # Each by its row id (an index of the filters' columns would walk the whole scope).
        sql = f"SELECT m.rid FROM memories m NOT INDEXED WHERE {filters} AND m.rid IN ({{marks}})"
        passed = {row[0] for row in select_in(conn, sql, params, [rid for rid, _ in best])}
        found = [(rid, rank) for rid, rank in best if rid in passed][:limit]
        if len(found) < limit and len(best) == wanted:
            return None  # more matches than were ranked, and too few of these passed
        return found


def _log_end(conn: sqlite3.Connection) -> int:
    """The number of the change log's last entry (0 before the first)."""
    row = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'memory_changes'").fetchone()
    return int(row[0]) if row is not None else 0


# How many of the best matches of all memories full_text filters for each one it returns,
# where the scope holds most memories (Memories._ranked_alone).
_ALONE_FACTOR = 4
