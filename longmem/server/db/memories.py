"""The memories table, its full-text index and the vectors stored beside each memory.

"Current" means what search may return: not archived, still the latest version and not
expired. Expired memories are gone for every read and write at once, though the
sweeper deletes them later. ``now`` is passed in as an ISO string where one request must
see one instant.
"""

from __future__ import annotations

import re
import secrets
import sqlite3
import sys
from collections.abc import Collection, Iterator, Mapping, Sequence
from typing import Any, Optional

from ..embed import EMBED_VERSION, Vector, embed, from_blob, fts_text, to_blob
from ..extract.kin import relation_key
from ..extract.lexicon import PET_ANIMAL, pet_subject
from ..facts import DATE_PREFIX, RELATION_ATTRIBUTES
from ..timestamps import iso_now
from .database import Database, chunks, dumps, select_in
from .records import (
    Change,
    IndexEntry,
    MemoryFilter,
    MemoryRecord,
    NewMemory,
    Principal,
)

COLUMNS = (
    "rid, id, tenant_id, collection, text, importance, category, source, metadata, "
    "container_tag, type, pinned, archived, is_latest, expires_at, images, created_at, "
    "updated_at, created_by_id, created_by_label, supersedes, subject, attribute, value, "
    "valid_from, statement, negated, observed_at"
)
_COLUMN_COUNT = COLUMNS.count(",") + 1
# The SQL condition for a current memory; takes ``now`` as its one parameter.
CURRENT = "archived = 0 AND is_latest = 1 AND (expires_at IS NULL OR expires_at > ?)"
UNEXPIRED = "(expires_at IS NULL OR expires_at > ?)"
# Facts that hold now before those planned to begin later, each newest first; takes
# ``now`` as its one parameter.
BEGUN_FIRST = (
    "ORDER BY COALESCE(valid_from, created_at) > ?, COALESCE(valid_from, created_at) DESC, rid DESC"
)
UPDATABLE = frozenset({"text", "importance", "category", "metadata", "pinned", "archived"})
# The tenant (and collection) condition of a look-up by row ids. The unary plus keeps
# SQLite from answering it through an index on tenant_id, which it prefers to the row ids
# of an ``IN`` list of two or more and which walks every memory of the tenant: 40 rows of
# a 4,000-memory tenant took 0.9 ms that way, 0.1 ms by row id.
BY_RID_SCOPE = "+tenant_id = ?"


def record(row: sqlite3.Row) -> MemoryRecord:
    """A memory of a row that selected ``COLUMNS`` first, in their order."""
    (rid, memory_id, tenant_id, collection, text, importance, category, source, metadata,
     container_tag, kind, pinned, archived, is_latest, expires_at, images, created_at,
     updated_at, created_by_id, created_by_label, supersedes, subject, attribute, value,
     valid_from, statement, negated, observed_at) = tuple(row)[:_COLUMN_COUNT]  # fmt: skip
    return MemoryRecord(
        rid,
        memory_id,
        tenant_id,
        collection,
        text,
        importance,
        category,
        source,
        metadata,
        container_tag,
        kind,
        bool(pinned),
        bool(archived),
        bool(is_latest),
        expires_at,
        images,
        created_at,
        updated_at,
        created_by_id,
        created_by_label,
        supersedes,
        subject,
        attribute,
        value,
        valid_from,
        statement,
        bool(negated),
        observed_at,
    )


def stored_vector(row: sqlite3.Row) -> Vector:
    """The vector stored with a row (it selects ``text, vector, embed_version``), or the
    text embedded afresh when the stored one is missing or from an older embedder."""
    if row["vector"] is not None and row["embed_version"] == EMBED_VERSION:
        return from_blob(row["vector"])
    return embed(row["text"])


def new_memory_id() -> str:
    return "mem_" + secrets.token_hex(12)


def ensure_collection(
    conn: sqlite3.Connection,
    tenant_id: str,
    name: str,
    description: Optional[str] = None,
    metadata: Optional[Mapping[str, Any]] = None,
    created_at: Optional[str] = None,
) -> None:
    """Create a collection unless it exists: a write to a missing collection makes it."""
    conn.execute(
        "INSERT OR IGNORE INTO collections (tenant_id, name, description, metadata, "
        "created_at) VALUES (?, ?, ?, ?, ?)",
        (tenant_id, name, description, dumps(dict(metadata or {})), created_at or iso_now()),
    )


# Whether the memory aliased {o} ended because a plan of its key began: a current memory
# of the same key (and tag) became true when it ended ("lives in Moda" until the move).
_BEGINS_AS_IT_ENDS = (
    "n.tenant_id = {o}.tenant_id AND n.collection = {o}.collection "
    "AND n.container_tag IS {o}.container_tag AND n.subject = {o}.subject "
    "AND n.attribute = {o}.attribute AND n.valid_from = {o}.expires_at AND n.is_latest = 1"
)
ENDED_BY_PLAN = (
    "EXISTS (SELECT 1 FROM memories AS n WHERE "
    + _BEGINS_AS_IT_ENDS
    + " AND n.archived = 0 AND n.rid != {o}.rid)"
)


def unplan(db: Database, conn: sqlite3.Connection, tenant_id: str, rids: Sequence[int]) -> None:
    """Of these memories, the plans still to begin are going (deleted, archived, called
    off): what they would have ended holds on, its end cleared."""
    now = iso_now()
    for chunk in chunks(rids):
        marks = ",".join("?" * len(chunk))
        plans = conn.execute(
            f"SELECT rid, collection, container_tag, subject, attribute, valid_from "
            f"FROM memories WHERE {BY_RID_SCOPE} AND rid IN ({marks}) "
            "AND attribute IS NOT NULL AND valid_from > ? AND is_latest = 1",
            [tenant_id, *chunk, now],
        ).fetchall()
        for plan in plans:
            # Unless another plan of the key begins that day (one replacing this one).
            replaced = _BEGINS_AS_IT_ENDS.format(o="o")
            ended = conn.execute(
                f"SELECT rid FROM memories AS o WHERE {_OF_KEY} AND expires_at = ? AND NOT "
                f"EXISTS (SELECT 1 FROM memories AS n WHERE {replaced} AND n.rid != ?)",
                (tenant_id, *tuple(plan)[1:], plan["rid"]),
            ).fetchall()
            rows = [int(row["rid"]) for row in ended]
            conn.executemany(
                "UPDATE memories SET expires_at = NULL WHERE rid = ?", [(r,) for r in rows]
            )
            announce_changes(db, conn, tenant_id, rows)


_OF_KEY = (
    "tenant_id = ? AND collection = ? AND container_tag IS ? AND subject = ? AND attribute = ?"
)


def delete_rows(
    db: Database, conn: sqlite3.Connection, tenant_id: str, rids: Sequence[int]
) -> None:
    """Delete memories and their full-text rows, and tell the change feed; a plan still
    to begin gives back the end it set (``unplan``)."""
    unplan(db, conn, tenant_id, rids)
    for chunk in chunks(rids):
        marks = ",".join("?" * len(chunk))
        conn.execute(f"DELETE FROM memory_fts WHERE rowid IN ({marks})", list(chunk))
        conn.execute(
            f"DELETE FROM memories WHERE {BY_RID_SCOPE} AND rid IN ({marks})", [tenant_id, *chunk]
        )
    db.announce(Change(tenant_id, rid, None) for rid in rids)


# How a relation fact reads ("User's wife is Sophie"): the relation word is the user's.
_RELATION_MARKS = ", ".join(f"'{name}'" for name in sorted(RELATION_ATTRIBUTES))
_RELATION_TEXT = re.compile(r"^User's ([\w-]+) is ")


# Another name the user goes by, as the name fact's text says it (extract/detail.py
# _ALIAS): "User is called Katarzyna, Kasia for short", "…, everyone calls User Thandi",
# "…, aka Kasia"; after the comma, "calls User" or "goes by" on the same line.
_A_NAME = r"([\w'’-]+)"
_ALIAS_SAID = re.compile(rf", (?:{_A_NAME} for short|(?:aka|a\.k\.a\.?) {_A_NAME})$")
_ALIAS_CALLED = re.compile(rf"\b(?:calls? User|go(?:es)? by) {_A_NAME}$")


def _alias(text: str) -> Optional[str]:
    """The other name a name fact's text gives the user, if any. (One pattern with ".*"
    after each ", " took time quadratic in a text of many.)"""
    said = _ALIAS_SAID.search(text)
    if said is not None:
        return said.group(1) or said.group(2)
    called = _ALIAS_CALLED.search(text)
    if called is None:
        return None
    line = text.rfind("\n", 0, called.start()) + 1
    return called.group(1) if text.find(", ", line, called.start()) >= 0 else None


def _named_by(text: str, value: Optional[str]) -> Optional[str]:
    """The subject a relation fact names: "User's wife is Ana" → ``wife:Ana``, "User's
    fiancée is Zanele" → ``fiancee:Zanele`` (the relation word as keys spell it)."""
    spoken = _RELATION_TEXT.match(text)
    return f"{relation_key(spoken.group(1))}:{value}" if spoken and value else None


def tag_filter(
    container_tag: Optional[str], column: str = "container_tag", *, exact: bool = False
) -> tuple[str, list[Optional[str]]]:
    """(" AND …", params) keeping the memories of one container tag.

    A read takes a tag as a filter: None keeps every tag. Remember takes it as its scope
    (``exact``): a fact relates only to memories of its own tag, and an untagged one
    only to untagged memories (``IS`` compares NULL as a value)."""
    if exact:
        return f" AND {column} IS ?", [container_tag]
    if container_tag is None:
        return "", []
    return f" AND {column} = ?", [container_tag]


def _scope(
    tenant_id: str, collection: Optional[str], tags: Optional[MemoryFilter] = None
) -> tuple[str, list[Optional[str]]]:
    """The tenant's memories, of one collection unless None, and of the container tag
    ``tags`` names (its filter or scope; its other fields are not read here)."""
    where, params = "tenant_id = ?", [tenant_id]
    if collection is not None:
        where, params = where + " AND collection = ?", [*params, collection]
    if tags is None:
        return where, list(params)
    tag, tag_params = tag_filter(tags.container_tag, exact=tags.exact_tag)
    return where + tag, [*params, *tag_params]


def announce_changes(
    db: Database, conn: sqlite3.Connection, tenant_id: str, rids: Sequence[int]
) -> None:
    """Tell the change feed what these memories now are (read inside the write)."""
    if not db.has_listeners:
        return
    entries = index_entries_by_rid(conn, tenant_id, rids)
    db.announce(Change(tenant_id, rid, entries.get(rid)) for rid in rids)


def index_entries_by_rid(
    conn: sqlite3.Connection, tenant_id: str, rids: Sequence[int]
) -> dict[int, IndexEntry]:
    """What the search index keeps of each of these memories that exists."""
    return {
        row["rid"]: _index_entry(row)
        for row in select_in(
            conn,
            f"SELECT {_INDEX_COLUMNS} FROM memories WHERE {BY_RID_SCOPE} AND rid IN ({{marks}})",
            [tenant_id],
            rids,
        )
    }


def by_rids(
    conn: sqlite3.Connection, tenant_id: str, rids: Sequence[int]
) -> dict[int, MemoryRecord]:
    sql = f"SELECT {COLUMNS} FROM memories WHERE {BY_RID_SCOPE} AND rid IN ({{marks}})"
    return {row["rid"]: record(row) for row in select_in(conn, sql, [tenant_id], rids)}


def texts(conn: sqlite3.Connection, tenant_id: str, rids: Sequence[int]) -> dict[int, str]:
    sql = f"SELECT rid, text FROM memories WHERE {BY_RID_SCOPE} AND rid IN ({{marks}})"
    plain = conn.cursor()
    plain.row_factory = None  # tuples: every memory of a small scope is read each search
    return dict(select_in(plain, sql, [tenant_id], rids))


def _vector_of(item: NewMemory) -> Vector:
    """A new memory's vector: the one it came with, or its text's."""
    return item.vector if item.vector is not None else embed(item.text)


class Memories:
    def __init__(self, db: Database) -> None:
        self.db = db

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
                "INSERT INTO memory_fts (rowid, text) VALUES (?, ?)",
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
                f"SELECT rid FROM memories WHERE {_OF_KEY} AND expires_at = ?",
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
                conn.execute("DELETE FROM memory_fts WHERE rowid = ?", (found.rid,))
                conn.execute(
                    "INSERT INTO memory_fts (rowid, text) VALUES (?, ?)",
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

    def current_by_key(
        self,
        tenant_id: str,
        collection: str,
        container_tag: Optional[str],
        subject: str,
        attribute: str,
        now: str,
    ) -> list[MemoryRecord]:
        """The current memories of one key within one tag (None: untagged ones), the one
        that became true last first. Read on the writer, so inside ``write()`` it sees
        the facts stored earlier in the call."""
        tag, tag_params = tag_filter(container_tag, exact=True)
        with self.db.write() as conn:
            rows = conn.execute(
                f"SELECT {COLUMNS} FROM memories WHERE tenant_id = ? AND collection = ?{tag} "
                f"AND subject = ? AND attribute = ? AND {CURRENT} "
                "ORDER BY COALESCE(valid_from, created_at) DESC, rid DESC",
                (tenant_id, collection, *tag_params, subject, attribute, now),
            ).fetchall()
        return [record(row) for row in rows]

    def current_by_prefix(
        self,
        tenant_id: str,
        collection: str,
        container_tag: Optional[str],
        subject: str,
        prefix: str,
        now: str,
    ) -> list[MemoryRecord]:
        """The current memories of one subject whose attribute begins with ``prefix``
        (``date:``: the days of the user's plans) within one tag, the one said last
        first. Read on the writer, as ``current_by_key`` is."""
        tag, tag_params = tag_filter(container_tag, exact=True)
        like = _like(prefix) + "%"
        with self.db.write() as conn:
            rows = conn.execute(
                f"SELECT {COLUMNS} FROM memories WHERE tenant_id = ? AND collection = ?{tag} "
                f"AND subject = ? AND attribute LIKE ? ESCAPE '\\' AND negated = 0 AND {CURRENT} "
                "ORDER BY rid DESC",
                (tenant_id, collection, *tag_params, subject, like, now),
            ).fetchall()
        return sorted(map(record, rows), key=lambda m: m.said, reverse=True)

    def first_keyed(
        self, tenant_id: str, collection: str, tags: MemoryFilter, subjects: Sequence[str]
    ) -> list[str]:
        """``subjects`` in the order a memory of the collection's tag was first keyed to
        each (any, history too; read on the writer), those keyed to none last, in
        alphabetical order."""
        scope, params = _scope(tenant_id, collection, tags)
        marks = ", ".join("?" * len(subjects))
        with self.db.write() as conn:
            rows = conn.execute(
                f"SELECT subject, MIN(rid) FROM memories WHERE {scope} "
                f"AND subject IN ({marks}) GROUP BY subject",
                (*params, *subjects),
            ).fetchall()
        first = {str(subject): int(rid) for subject, rid in rows}
        return sorted(subjects, key=lambda s: (first.get(s, sys.maxsize), s))

    def subjects(
        self,
        tenant_id: str,
        collection: Optional[str],
        now: str,
        *,
        for_update: bool = False,
        tags: Optional[MemoryFilter] = None,
        pets: bool = False,
    ) -> tuple[set[str], tuple[str, ...]]:
        """Who the current keyed facts of a collection (of the tenant, for None) are about
        — their subjects, and the people the user's relation facts name ("User's wife is
        Sophie" → ``wife:Sophie``) — and the names the user goes by, if a fact gives
        them: the name, then another its text says ("User is called Katarzyna, Kasia for
        short" → ``("Katarzyna", "Kasia")``). ``tags`` keeps to its container tag
        (search's filter, or remember's exact tag). ``for_update`` reads on the writer,
        like ``current_by_key``. ``pets`` adds the user's pets by name ("User has a dog
        called Rex" → ``dog:Rex``), whom a question may ask about."""
        scope, params = _scope(tenant_id, collection, tags)
        marks = f"'name', 'pets', {_RELATION_MARKS}" if pets else f"'name', {_RELATION_MARKS}"
        with self.db.write() if for_update else self.db.read() as conn:
            # The user's name and relation facts; every other subject comes from DISTINCT.
            rows = conn.execute(
                f"SELECT attribute, value, text FROM memories WHERE {scope} "
                f"AND subject = 'user' AND attribute IN ({marks}) "
                f"AND negated = 0 AND {CURRENT}",
                (*params, now),
            ).fetchall()
            distinct = conn.execute(
                f"SELECT DISTINCT subject FROM memories WHERE {scope} "
                f"AND attribute IS NOT NULL AND {CURRENT}",
                (*params, now),
            ).fetchall()
        subjects = {str(row[0]) for row in distinct}
        held: set[str] = set()
        names: tuple[str, ...] = ()
        for attribute, value, text in rows:
            if attribute == "name":
                if not names and value:
                    other = _alias(text)
                    names = (value, other) if other else (value,)
                continue
            if attribute == "pets":
                pet = pet_subject(value or "")
                if pet:
                    held.add(pet)
                continue
            person = _named_by(text, value)
            if person:
                subjects.add(person)
        if pets:
            # the pets the user has now, not one whose facts outlived it ("my dog Buster
            # is 13", then "Buster passed away")
            subjects = {s for s in subjects if s.split(":", 1)[0] not in PET_ANIMAL} | held
        return subjects, names

    def statements(
        self,
        tenant_id: str,
        collection: Optional[str],
        people: Sequence[str],
        now: str,
        tags: Optional[MemoryFilter] = None,
    ) -> dict[str, list[str]]:
        """The statements the current facts about each of ``people`` (``brother:Tom``)
        were read from, and those of the user's relation facts naming them ("my younger
        brother is Tom" keys only ``User's brother is Tom``)."""
        scope, params = _scope(tenant_id, collection, tags)
        names = {person.split(":", 1)[1]: person for person in people}
        who = ",".join("?" * len(people))
        called = ",".join("?" * len(names))
        with self.db.read() as conn:
            rows = conn.execute(
                f"SELECT subject, value, text, statement FROM memories "
                f"WHERE {scope} AND {CURRENT} AND statement IS NOT NULL "
                f"AND (subject IN ({who}) OR (subject = 'user' "
                f"AND attribute IN ({_RELATION_MARKS}) AND value IN ({called})))",
                (*params, now, *people, *names),
            ).fetchall()
        said: dict[str, list[str]] = {person: [] for person in people}
        for subject, value, text, statement in rows:
            person = subject if subject in said else _named_by(text, value)
            if person in said:
                said[person].append(statement)
        return said

    def latest_people(
        self, tenant_id: str, collection: str, tags: MemoryFilter, now: str, limit: int
    ) -> list[tuple[str, str]]:
        """(person, when said) for the people the ``limit`` current keyed facts of a
        collection's tag stored last are about, the newest first: a fact's subject
        (``wife:Ana``), or the one a relation fact names ("User's wife is Ana" →
        ``wife:Ana``). Read on the writer, as ``current_by_key`` is."""
        scope, params = _scope(tenant_id, collection, tags)
        with self.db.write() as conn:
            rows = conn.execute(
                f"SELECT {COLUMNS} FROM memories WHERE {scope} AND attribute IS NOT NULL "
                f"AND negated = 0 AND {CURRENT} ORDER BY rid DESC LIMIT ?",
                (*params, now, limit),
            ).fetchall()
        people = []
        for memory in map(record, rows):
            if ":" in (memory.subject or ""):
                people.append((memory.subject or "", memory.said))
            elif memory.attribute in RELATION_ATTRIBUTES:
                person = _named_by(memory.text, memory.value)
                if person:
                    people.append((person, memory.said))
        return people

    def current_keyed(
        self, tenant_id: str, collection: str, now: str, container_tag: Optional[str] = None
    ) -> list[MemoryRecord]:
        """Every current keyed fact of a collection (of one tag, unless None) that states a
        value (not a denial), the one that became true last first, after those that
        hold now if it is planned."""
        tag, tag_params = tag_filter(container_tag)
        with self.db.read() as conn:
            rows = conn.execute(
                f"SELECT {COLUMNS} FROM memories WHERE tenant_id = ? AND collection = ?{tag} "
                f"AND attribute IS NOT NULL AND negated = 0 AND {CURRENT} {BEGUN_FIRST}",
                (tenant_id, collection, *tag_params, now, now),
            ).fetchall()
        return [record(row) for row in rows]

    def superseded_values(
        self,
        tenant_id: str,
        collection: Optional[str],
        subjects: Sequence[str],
        attributes: Sequence[str],
        tags: Optional[MemoryFilter] = None,
    ) -> list[tuple[str, Optional[str]]]:
        """The values these keys held before their current ones, each with until when a
        memory naming it is from before: None, always, while a newer value holds ("a vegan
        pav, force of habit" once the user is vegetarian); the end, when the newest fact
        is an end (then "back on the coffee again", said after "I stopped drinking
        coffee", may say it holds again)."""
        facts = self.keyed(tenant_id, collection, subjects, attributes, None, 100, tags)
        current = [m for m in facts if m.is_latest]
        newest = max(current, key=lambda m: m.began, default=None)
        until = newest.began if newest is not None and newest.negated else None
        return [(m.value, until) for m in facts if m.value and not m.is_latest and not m.negated]

    def keyed(
        self,
        tenant_id: str,
        collection: Optional[str],
        subjects: Sequence[str],
        attributes: Sequence[str],
        now: Optional[str],
        limit: int,
        tags: Optional[MemoryFilter] = None,
    ) -> list[MemoryRecord]:
        """Current keyed facts of these subjects (``rel:`` meaning every one of that
        relation) and attributes, of ``tags``' tag, the one that became true last first
        (after those that hold now, if it is planned); with ``now`` None, those no longer
        latest too."""
        scope, params = _scope(tenant_id, collection, tags)
        exact = [s for s in subjects if not s.endswith(":")]
        prefixes = [s for s in subjects if s.endswith(":")]
        who = " OR ".join(
            (["subject IN (" + ",".join("?" * len(exact)) + ")"] if exact else [])
            + ["subject LIKE ? ESCAPE '\\'" for _ in prefixes]
        )
        marks = ",".join("?" * len(attributes))
        likes = [_like(p) + "%" for p in prefixes]
        # a plan's day asked by its event (``date:exam``) is also one of a kind of it
        # (``date:maths exam``)
        kinds = [
            DATE_PREFIX + "% " + _like(a[len(DATE_PREFIX) :])
            for a in attributes
            if a.startswith(DATE_PREFIX) and len(a) > len(DATE_PREFIX)
        ]
        what = f"attribute IN ({marks})" + " OR attribute LIKE ? ESCAPE '\\'" * len(kinds)
        current, moment = (f"AND {CURRENT} ", (now,)) if now is not None else ("", ())
        with self.db.read() as conn:
            rows = conn.execute(
                f"SELECT {COLUMNS} FROM memories WHERE {scope} AND ({who}) "
                f"AND ({what}) {current}{BEGUN_FIRST} LIMIT ?",
                (*params, *exact, *likes, *attributes, *kinds, *moment, now or iso_now(), limit),
            ).fetchall()
        return [record(row) for row in rows]

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
                f"SELECT {_INDEX_COLUMNS} FROM memories WHERE tenant_id = ?", (tenant_id,)
            ).fetchall()
        return (_index_entry(row) for row in rows)

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
    ) -> list[tuple[int, float]]:
        """(rid, bm25) of current memories (with history: unarchived ones) matching the
        FTS5 query, best first.

        bm25() is negative, more negative is better. ``scope``: how many memories the
        search may look at (its collection's, or its tenant's), 0 when unknown. Where
        they are at least half of all memories, the matches are ranked alone first and
        only the best few are joined to their memories and filtered (a third less time
        than joining every match: ~1,000 of 10,000 memories match a common word); should
        too few of those pass, the whole query runs.
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
            if limit is not None and scope:
                best = self._ranked_alone(conn, match, filters, params, limit, scope)
                if best is not None:
                    return best
            sql = (
                "SELECT f.rowid AS rid, bm25(memory_fts) AS rank FROM memory_fts f "
                "JOIN memories m ON m.rid = f.rowid WHERE memory_fts MATCH ? AND "
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
        match: str,
        filters: str,
        params: list[Any],
        limit: int,
        scope: int,
    ) -> Optional[list[tuple[int, float]]]:
        """The first ``limit`` matches that pass ``filters``, found among the best
        _ALONE_FACTOR × ``limit`` matches of all memories; None when that cannot tell
        (the scope is a small part of all memories, or too few of the best passed). The
        same rows as the whole query: the best matches in the same order (bm25, then the
        newer first), a prefix of all of them, so the first that pass are the first of all
        that pass."""
        last = conn.execute("SELECT max(rid) FROM memories").fetchone()[0] or 0
        if scope * 2 < last:  # row ids are never fewer than the memories
            return None
        wanted = limit * _ALONE_FACTOR
        best = [
            (int(rid), float(rank))
            for rid, rank in conn.execute(
                "SELECT rowid, bm25(memory_fts) AS rank FROM memory_fts WHERE memory_fts "
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

_INDEX_COLUMNS = (
    "rid, text, collection, category, container_tag, archived, is_latest, expires_at, "
    "vector, embed_version"
)


def _index_entry(row: sqlite3.Row) -> IndexEntry:
    return IndexEntry(
        rid=row["rid"],
        collection=row["collection"],
        category=row["category"],
        container_tag=row["container_tag"],
        current=not row["archived"] and bool(row["is_latest"]),
        archived=bool(row["archived"]),
        expires_at=row["expires_at"],
        vector=stored_vector(row),
    )


def _like(text: str) -> str:
    """``text`` for a LIKE pattern with ESCAPE '\\': its own % and _ matched as such."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
