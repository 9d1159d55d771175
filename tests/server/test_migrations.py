"""Schema migrations upgrade a database that already holds memories."""

from __future__ import annotations

import os
import sqlite3
from typing import Any

from longmem.server.db import MemoryFilter, NewMemory, Principal, Store
from longmem.server.db.fts import TOKENIZE
from longmem.server.db.migrations import MIGRATIONS, _full_text_per_tenant
from longmem.server.embed import EMBED_VERSION, embed, to_blob
from longmem.server.timestamps import iso_now

# Migration 11 adds memories.observed_at, 12 the change log: a test that makes a
# database predate an older migration takes them away too, or the upgrade would add them
# twice.
OBSERVED_AT = 1 + next(
    i for i, m in enumerate(MIGRATIONS) if "memories ADD COLUMN observed_at" in m
)
CHANGE_LOG = 1 + next(i for i, m in enumerate(MIGRATIONS) if "TABLE memory_changes" in m)
FTS_PER_TENANT = 1 + MIGRATIONS.index(_full_text_per_tenant)


def _predate(conn: Any, version: int) -> None:
    """Make a database look as it was before migration ``version`` (and every later one)."""
    conn.execute("DELETE FROM schema_migrations WHERE version >= ?", (version,))
    if version <= FTS_PER_TENANT:
        _one_full_text_table(conn)
    if version <= OBSERVED_AT:
        conn.execute("ALTER TABLE memories DROP COLUMN observed_at")
    if version <= CHANGE_LOG:
        conn.execute("DROP TABLE memory_changes")


def _one_full_text_table(conn: Any) -> None:
    """Every tenant's full-text entries back in the one table they shared."""
    conn.execute(f"CREATE VIRTUAL TABLE memory_fts USING fts5(text, tokenize = '{TOKENIZE}')")
    for (number,) in conn.execute("SELECT n FROM fts_tenants").fetchall():
        conn.execute(
            f"INSERT INTO memory_fts (rowid, text) SELECT rowid, text FROM memory_fts_{number}"
        )
        conn.execute(f"DROP TABLE memory_fts_{number}")
    conn.execute("DROP TABLE fts_tenants")


def _store_with_a_key(path: str) -> tuple[Store, Principal]:
    """A store at ``path`` and a write key's principal in the default tenant."""
    store = Store(path)
    key_id, _ = store.keys.add("default", "write", "default")
    return store, Principal(key_id, "default", "write", "default")


def test_reindexing_migration_keeps_every_memory_searchable(tmp_path: Any) -> None:
    # A database as a release of migrations 1-3 left it: one memory, indexed unstemmed.
    path = os.path.join(str(tmp_path), "upgrade.db")
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(
        "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"
    )
    for version, script in enumerate(MIGRATIONS[:3], start=1):
        assert isinstance(script, str)
        conn.executescript(script)
        conn.execute("INSERT INTO schema_migrations VALUES (?, ?)", (version, iso_now()))
    now = iso_now()
    conn.execute(
        "INSERT INTO memories (id, tenant_id, collection, text, importance, category, source, "
        "metadata, created_at, updated_at) VALUES ('mem_1', 'default', 'notes', "
        "'Alex drinks green tea', 0.5, 'fact', 'api', '{}', ?, ?)",
        (now, now),
    )
    conn.execute("INSERT INTO memory_fts (rowid, text) SELECT rid, text FROM memories")
    assert (
        conn.execute("SELECT rowid FROM memory_fts WHERE memory_fts MATCH 'drink'").fetchall() == []
    )
    conn.close()

    upgraded = Store(path)  # migrations 4 (stemmed) to the last
    try:
        hits = upgraded.memories.full_text("default", '"drink"', MemoryFilter(), iso_now(), 10)
        assert len(hits) == 1  # found through the stemmed index, in the tenant's own table
        with upgraded.read() as conn:
            versions = [row[0] for row in conn.execute("SELECT version FROM schema_migrations")]
        assert versions == list(range(1, len(MIGRATIONS) + 1))
    finally:
        upgraded.close()


def test_cjk_migration_reindexes_the_memories_it_changes(tmp_path: Any) -> None:
    path = os.path.join(str(tmp_path), "cjk.db")
    store, principal = _store_with_a_key(path)
    sushi, tea = store.memories.add(
        principal, [NewMemory("notes", "私は寿司が好きです"), NewMemory("notes", "Alex drinks tea")]
    )
    with store.write() as conn:
        # the schema as it was then: migrations 9 and later run again after 8
        _predate(conn, 8)
        conn.execute("ALTER TABLE jobs DROP COLUMN container_tag")
        # as the index read before migration 8: one run, one token
        conn.execute("DELETE FROM memory_fts WHERE rowid = ?", (sushi.rid,))
        conn.execute("INSERT INTO memory_fts (rowid, text) VALUES (?, ?)", (sushi.rid, sushi.text))
        before = conn.execute(
            "SELECT rowid FROM memory_fts WHERE memory_fts MATCH ?", ('"寿 司"',)
        ).fetchall()
    assert before == []
    store.close()

    upgraded = Store(path)
    try:
        found = upgraded.memories.full_text("default", '"寿 司"', MemoryFilter(), iso_now(), 10)
        assert [rid for rid, _ in found] == [sushi.rid]
        still = upgraded.memories.full_text("default", '"tea"', MemoryFilter(), iso_now(), 10)
        assert [rid for rid, _ in still] == [tea.rid]
    finally:
        upgraded.close()


def test_idempotency_migration_moves_stored_answers_to_their_tenant(tmp_path: Any) -> None:
    path = os.path.join(str(tmp_path), "idem.db")
    store = Store(path)
    first, _ = store.keys.add("acme", "write", "one")
    second, _ = store.keys.add("acme", "write", "two")
    # Found by what it does: the migrations may be renumbered.
    version = 1 + next(i for i, m in enumerate(MIGRATIONS) if "UPDATE OR IGNORE idempotency" in m)
    with store.write() as conn:  # as if the database predated the migration
        _predate(conn, version)
    # Answers stored under API keys, as before: two keys of one tenant used "shared".
    store.idempotency.put(first, "mine", "fp1", 201, {}, {"id": "a"})
    store.idempotency.put(first, "shared", "fp2", 201, {}, {"id": "b"})
    store.idempotency.put(second, "shared", "fp3", 201, {}, {"id": "c"})
    store.close()

    upgraded = Store(path)
    try:
        mine = upgraded.idempotency.get("acme", "mine")
        assert mine is not None and mine.body == {"id": "a"}
        shared = upgraded.idempotency.get("acme", "shared")
        assert shared is not None and shared.body in ({"id": "b"}, {"id": "c"})
        for key_id in (first, second):
            assert upgraded.idempotency.get(key_id, "shared") is None
            assert upgraded.idempotency.get(key_id, "mine") is None
    finally:
        upgraded.close()


def test_observed_at_migration_keeps_facts_and_leaves_their_time_unknown(tmp_path: Any) -> None:
    path = os.path.join(str(tmp_path), "observed.db")
    store, principal = _store_with_a_key(path)
    fact = NewMemory(
        "notes",
        "User lives in Berlin",
        source="remember",
        subject="user",
        attribute="home",
        value="Berlin",
        valid_from="2024-03-01T10:00:00Z",
    )
    [stored] = store.memories.add(principal, [fact])
    with store.write() as conn:  # as if the database predated migration 11
        _predate(conn, OBSERVED_AT)
    store.close()

    upgraded = Store(path)
    try:
        [again] = upgraded.memories.by_rids("default", [stored.rid]).values()
        assert (again.text, again.value, again.observed_at) == (
            "User lives in Berlin",
            "Berlin",
            None,
        )
        # Said no later than it began (it named no day) or was stored: the earlier.
        assert again.said == "2024-03-01T10:00:00Z" and not again.dated
    finally:
        upgraded.close()


def test_vectors_of_an_older_embedder_are_embedded_again_once(tmp_path: Any) -> None:
    reembed = 1 + next(i for i, m in enumerate(MIGRATIONS) if "longmem_vector(text)" in m)
    path = os.path.join(str(tmp_path), "vectors.db")
    store, principal = _store_with_a_key(path)
    sister, tea = store.memories.add(
        principal, [NewMemory("notes", "User's sister is Anna"), NewMemory("notes", "I like tea")]
    )
    old = to_blob(embed("User's s sister is Anna"))  # as version 3 read it: "s" a word
    kept = to_blob(embed("anything else"))  # a vector of this version is left as it is
    with store.write() as conn:  # as if stored before the migration, the tea at this version
        conn.execute(
            "UPDATE memories SET vector = ?, embed_version = 3 WHERE rid = ?", (old, sister.rid)
        )
        conn.execute("UPDATE memories SET vector = ? WHERE rid = ?", (kept, tea.rid))
        _predate(conn, reembed)
    store.close()

    upgraded = Store(path)
    try:
        with upgraded.read() as conn:
            rows = {
                rid: (vector, version)
                for rid, vector, version in conn.execute(
                    "SELECT rid, vector, embed_version FROM memories"
                )
            }
        assert rows == {
            sister.rid: (to_blob(embed("User's sister is Anna")), EMBED_VERSION),
            tea.rid: (kept, EMBED_VERSION),
        }
        assert to_blob(embed("User's sister is Anna")) != old
    finally:
        upgraded.close()


def test_full_text_migration_gives_each_tenant_its_own_table(tmp_path: Any) -> None:
    path = os.path.join(str(tmp_path), "fts.db")
    store, mine = _store_with_a_key(path)
    key_id, _ = store.keys.add("others", "write", "others")
    others = Principal(key_id, "others", "write", "others")
    [sushi, tea] = store.memories.add(
        mine, [NewMemory("notes", "私は寿司が好きです"), NewMemory("notes", "Alex drinks tea")]
    )
    theirs = store.memories.add(others, [NewMemory("notes", f"tea note {i}") for i in range(9)])
    with store.write() as conn:  # as before migration 14: one table, every tenant's
        _predate(conn, FTS_PER_TENANT)
    store.close()

    upgraded = Store(path)
    try:
        now = iso_now()
        found = upgraded.memories.full_text("default", '"寿 司"', MemoryFilter(), now, 10)
        assert [rid for rid, _ in found] == [sushi.rid]  # moved as it was indexed
        mine_tea = upgraded.memories.full_text("default", '"tea"', MemoryFilter(), now, 10)
        assert [rid for rid, _ in mine_tea] == [tea.rid]
        their_tea = upgraded.memories.full_text("others", '"tea"', MemoryFilter(), now, 20)
        assert sorted(rid for rid, _ in their_tea) == sorted(m.rid for m in theirs)
        with upgraded.read() as conn:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
            tenants = dict(conn.execute("SELECT tenant_id, n FROM fts_tenants").fetchall())
        assert "memory_fts" not in tables
        assert {f"memory_fts_{n}" for n in tenants.values()} <= tables
        assert set(tenants) == {"default", "others"}
    finally:
        upgraded.close()


def test_a_tenants_table_made_in_a_write_that_fails_is_undone(tmp_path: Any) -> None:
    store, mine = _store_with_a_key(os.path.join(str(tmp_path), "undo.db"))
    try:
        try:
            with store.write():
                store.memories.add(mine, [NewMemory("notes", "Alex drinks tea")])
                raise RuntimeError("the write fails after the table was made")
        except RuntimeError:
            pass
        with store.read() as conn:
            assert conn.execute("SELECT count(*) FROM fts_tenants").fetchone()[0] == 0
            names = [row[0] for row in conn.execute("SELECT name FROM sqlite_master")]
        assert not [name for name in names if name.startswith("memory_fts_")]
        [tea] = store.memories.add(mine, [NewMemory("notes", "Alex drinks tea")])
        found = store.memories.full_text("default", '"tea"', MemoryFilter(), iso_now(), 5)
        assert [rid for rid, _ in found] == [tea.rid]
    finally:
        store.close()
