"""The memories table's rows, as every resource that reads or writes them shares them
(memories.py, keyed_facts.py, hygiene.py, portability.py, collections.py): a row's
columns and its ``record``; the conditions of a current, an unexpired and a begun memory;
a container tag's filter and a scope; the vector stored with a row; rows read by row id.
And the writes they share: a collection made by the first write to it, the change feed
told what a write changed, rows deleted, and the end a plan set given back when the plan
goes (``unplan``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from typing import Any, Optional

from ..embed import EMBED_VERSION, Vector, embed, from_blob
from ..timestamps import iso_now
from .database import Database, chunks, dumps, select_in
from .fts import fts_table
from .records import Change, IndexEntry, MemoryFilter, MemoryRecord

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
                f"SELECT rid FROM memories AS o WHERE {OF_KEY} AND expires_at = ? AND NOT "
                f"EXISTS (SELECT 1 FROM memories AS n WHERE {replaced} AND n.rid != ?)",
                (tenant_id, *tuple(plan)[1:], plan["rid"]),
            ).fetchall()
            rows = [int(row["rid"]) for row in ended]
            conn.executemany(
                "UPDATE memories SET expires_at = NULL WHERE rid = ?", [(r,) for r in rows]
            )
            announce_changes(db, conn, tenant_id, rows)


OF_KEY = "tenant_id = ? AND collection = ? AND container_tag IS ? AND subject = ? AND attribute = ?"


def delete_rows(
    db: Database, conn: sqlite3.Connection, tenant_id: str, rids: Sequence[int]
) -> None:
    """Delete memories and their full-text rows, and tell the change feed; a plan still
    to begin gives back the end it set (``unplan``)."""
    unplan(db, conn, tenant_id, rids)
    table = fts_table(conn, tenant_id)
    for chunk in chunks(rids):
        marks = ",".join("?" * len(chunk))
        if table is not None:
            conn.execute(f"DELETE FROM {table} WHERE rowid IN ({marks})", list(chunk))
        conn.execute(
            f"DELETE FROM memories WHERE {BY_RID_SCOPE} AND rid IN ({marks})", [tenant_id, *chunk]
        )
    db.announce(Change(tenant_id, rid, None) for rid in rids)


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
        row["rid"]: index_entry(row)
        for row in select_in(
            conn,
            f"SELECT {INDEX_COLUMNS} FROM memories WHERE {BY_RID_SCOPE} AND rid IN ({{marks}})",
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


INDEX_COLUMNS = (
    "rid, text, collection, category, container_tag, archived, is_latest, expires_at, "
    "vector, embed_version"
)


def index_entry(row: sqlite3.Row) -> IndexEntry:
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
