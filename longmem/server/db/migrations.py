"""The schema, as numbered migrations: the database's version is the number applied.

A migration is appended, never edited: a database created by an older release replays
only the migrations it has not applied (a script, or a function where the work depends
on the data), each in its own transaction with its version row.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Union

from ..embed import EMBED_VERSION, embed, fts_text, to_blob
from ..timestamps import iso_now
from .fts import made_fts_table


def _full_text_per_tenant(conn: sqlite3.Connection) -> None:
    """14: each tenant's full-text index a table of its own (fts.py), so that BM25's
    statistics are the tenant's: the one table every tenant shared let one tenant's
    memories sway another's ranking and be guessed from its own scores. Each entry moves
    as it was indexed (CJK characters apart)."""
    conn.execute("CREATE TABLE fts_tenants (tenant_id TEXT PRIMARY KEY, n INTEGER NOT NULL UNIQUE)")
    tenants = [row[0] for row in conn.execute("SELECT DISTINCT tenant_id FROM memories")]
    for tenant_id in sorted(tenants):
        table = made_fts_table(conn, tenant_id)
        conn.execute(
            f"INSERT INTO {table} (rowid, text) SELECT f.rowid, f.text FROM memory_fts f "
            "JOIN memories m ON m.rid = f.rowid WHERE m.tenant_id = ?",
            (tenant_id,),
        )
    conn.execute("DROP TABLE memory_fts")


# A migration is a script, or a function of the connection where the work depends on the
# data (one table per tenant).
Migration = Union[str, Callable[[sqlite3.Connection], None]]

MIGRATIONS: list[Migration] = [
    # 1: the initial schema.
    """
    CREATE TABLE tenants (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        created_at TEXT NOT NULL
    );
    CREATE TABLE api_keys (
        id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL REFERENCES tenants(id),
        key_hash TEXT NOT NULL UNIQUE,
        role TEXT NOT NULL,
        label TEXT NOT NULL,
        created_at TEXT NOT NULL
    );
    CREATE INDEX api_keys_tenant ON api_keys(tenant_id);
    CREATE TABLE collections (
        tenant_id TEXT NOT NULL,
        name TEXT NOT NULL,
        description TEXT,
        metadata TEXT NOT NULL DEFAULT '{}',
        created_at TEXT NOT NULL,
        PRIMARY KEY (tenant_id, name)
    );
    CREATE TABLE memories (
        rid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        tenant_id TEXT NOT NULL,
        collection TEXT NOT NULL,
        text TEXT NOT NULL,
        importance REAL NOT NULL,
        category TEXT NOT NULL,
        source TEXT NOT NULL,
        metadata TEXT NOT NULL,
        container_tag TEXT,
        type TEXT,
        pinned INTEGER NOT NULL DEFAULT 0,
        archived INTEGER NOT NULL DEFAULT 0,
        is_latest INTEGER NOT NULL DEFAULT 1,
        expires_at TEXT,
        images TEXT NOT NULL DEFAULT '[]',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        created_by_id TEXT,
        created_by_label TEXT,
        vector BLOB,
        embed_version INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX memories_listing
        ON memories(tenant_id, collection, pinned DESC, created_at DESC, rid DESC);
    CREATE VIRTUAL TABLE memory_fts USING fts5(text, tokenize = 'unicode61 remove_diacritics 2');
    CREATE TABLE idempotency (
        owner TEXT NOT NULL,
        key TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        status INTEGER NOT NULL,
        headers TEXT NOT NULL,
        body BLOB NOT NULL,
        created_at REAL NOT NULL,
        PRIMARY KEY (owner, key)
    );
    CREATE INDEX idempotency_age ON idempotency(created_at);
    """,
    # 2: per-term document counts, so search can leave out terms that match nearly everything.
    """
    CREATE VIRTUAL TABLE memory_fts_vocab USING fts5vocab(memory_fts, 'row');
    """,
    # 3: supersession, background remember jobs, connectors and their runs.
    """
    ALTER TABLE memories ADD COLUMN supersedes TEXT;
    ALTER TABLE memories ADD COLUMN superseded_at TEXT;
    CREATE INDEX memories_expiry ON memories(expires_at) WHERE expires_at IS NOT NULL;
    CREATE INDEX memories_supersedes
        ON memories(tenant_id, collection, supersedes) WHERE supersedes IS NOT NULL;
    CREATE TABLE jobs (
        id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL,
        collection TEXT NOT NULL,
        content TEXT NOT NULL,
        key_id TEXT,
        key_label TEXT,
        status TEXT NOT NULL,
        facts TEXT NOT NULL DEFAULT '[]',
        error TEXT,
        created_at TEXT NOT NULL,
        finished_at TEXT
    );
    CREATE INDEX jobs_pending ON jobs(status, created_at);
    CREATE TABLE connections (
        id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL,
        provider TEXT NOT NULL,
        name TEXT,
        collection TEXT NOT NULL,
        container_tag TEXT,
        config TEXT NOT NULL,
        credentials TEXT,
        status TEXT NOT NULL,
        cursor TEXT,
        last_synced_at TEXT,
        last_error TEXT,
        created_at TEXT NOT NULL
    );
    CREATE INDEX connections_tenant ON connections(tenant_id, created_at);
    CREATE TABLE connection_runs (
        id TEXT PRIMARY KEY,
        connection_id TEXT NOT NULL,
        tenant_id TEXT NOT NULL,
        provider TEXT NOT NULL,
        status TEXT NOT NULL,
        synced_count INTEGER NOT NULL DEFAULT 0,
        error TEXT,
        created_at TEXT NOT NULL,
        finished_at TEXT
    );
    CREATE INDEX connection_runs_by_connection ON connection_runs(connection_id, created_at);
    CREATE INDEX connection_runs_age ON connection_runs(created_at);
    CREATE TABLE connection_items (
        connection_id TEXT NOT NULL,
        item_key TEXT NOT NULL,
        memory_id TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        PRIMARY KEY (connection_id, item_key)
    );
    """,
    # 4: stem the full-text index (porter), so "drink" finds "drinks" and "lived" "lives".
    """
    DROP TABLE memory_fts_vocab;
    DROP TABLE memory_fts;
    CREATE VIRTUAL TABLE memory_fts
        USING fts5(text, tokenize = 'porter unicode61 remove_diacritics 2');
    INSERT INTO memory_fts (rowid, text) SELECT rid, text FROM memories;
    CREATE VIRTUAL TABLE memory_fts_vocab USING fts5vocab(memory_fts, 'row');
    """,
    # 5: term rarity is judged per tenant from the search index now; the global counts
    # (which let one tenant's memories sway another's results) are gone.
    """
    DROP TABLE memory_fts_vocab;
    """,
    # 6: keyed facts. A remembered fact is keyed by (subject, attribute) and carries its
    # value, when it became true and the words it was said in; supersession is by key.
    """
    ALTER TABLE memories ADD COLUMN subject TEXT;
    ALTER TABLE memories ADD COLUMN attribute TEXT;
    ALTER TABLE memories ADD COLUMN value TEXT;
    ALTER TABLE memories ADD COLUMN valid_from TEXT;
    ALTER TABLE memories ADD COLUMN statement TEXT;
    CREATE INDEX memories_keys ON memories(tenant_id, collection, subject, attribute)
        WHERE attribute IS NOT NULL;
    ALTER TABLE jobs ADD COLUMN observed_at TEXT;
    """,
    # 7: a keyed fact may deny its value ("User no longer lives in Berlin"): such a fact
    # retires the value, and never answers what the value is.
    """
    ALTER TABLE memories ADD COLUMN negated INTEGER NOT NULL DEFAULT 0;
    """,
    # 8: Chinese, Japanese and Korean text is indexed a character at a time (embed.fts_text,
    # registered on the connection as longmem_fts_text): re-index the memories it changes.
    """
    CREATE TEMP TABLE cjk AS
        SELECT rid, longmem_fts_text(text) AS text FROM memories
        WHERE longmem_fts_text(text) != text;
    DELETE FROM memory_fts WHERE rowid IN (SELECT rid FROM cjk);
    INSERT INTO memory_fts (rowid, text) SELECT rid, text FROM cjk;
    DROP TABLE cjk;
    """,
    # 9: remember takes a container tag (one user of a shared collection); a queued job
    # keeps the tag its facts are stored and related under.
    """
    ALTER TABLE jobs ADD COLUMN container_tag TEXT;
    """,
    # 10 (i13-roundtrip: idempotency by tenant): an Idempotency-Key belongs to the tenant,
    # not to the API key that sent it. Stored answers move to their key's tenant; where
    # two keys of one tenant used the same Idempotency-Key, one answer stays and the
    # others go. (Their fingerprints are of the body bytes: a retry in the day after the
    # upgrade is a 409 unless it matches, never a second run.)
    """
    UPDATE OR IGNORE idempotency
        SET owner = (SELECT tenant_id FROM api_keys WHERE api_keys.id = idempotency.owner)
        WHERE owner IN (SELECT id FROM api_keys);
    DELETE FROM idempotency WHERE owner IN (SELECT id FROM api_keys);
    """,
    # 11: when a remembered statement was said (remember's observed_at), apart from when
    # its fact became true: which of two values of a key is news is decided by when each
    # was said unless both say when they began (MemoryRecord.said, .dated).
    """
    ALTER TABLE memories ADD COLUMN observed_at TEXT;
    """,
    # 12: search processes (LocalServer(search_processes=)) keep a search index of their
    # own: the serving process logs which memories each commit changed, and they follow
    # the log (database.py, Database.log_changes). Written only while they run.
    """
    CREATE TABLE memory_changes (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        tenant_id TEXT NOT NULL,
        rid INTEGER NOT NULL
    );
    """,
    # 13: the hashed vectors leave out the end of "what's" and "User's" (embed.CLITIC,
    # EMBED_VERSION 4). Memories stored by an older version are embedded again, once,
    # here: read as they were, every start would embed them again for its search index.
    """
    UPDATE memories
        SET vector = longmem_vector(text), embed_version = longmem_embed_version()
        WHERE embed_version != longmem_embed_version();
    """,
    _full_text_per_tenant,
]


def migrate(conn: sqlite3.Connection) -> None:
    """Apply the migrations ``conn``'s database has not had yet (on the writer connection)."""
    conn.create_function("longmem_fts_text", 1, fts_text, deterministic=True)
    conn.create_function("longmem_vector", 1, lambda text: to_blob(embed(text)), deterministic=True)
    conn.create_function("longmem_embed_version", 0, lambda: EMBED_VERSION, deterministic=True)
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations "
        "(version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"
    )
    current = conn.execute("SELECT MAX(version) FROM schema_migrations").fetchone()[0] or 0
    for version, script in enumerate(MIGRATIONS, start=1):
        if version <= current:
            continue
        # executescript takes no parameters, so it only opens the transaction and runs
        # the DDL; the version row and the commit follow on the same connection.
        try:
            if isinstance(script, str):
                conn.executescript("BEGIN IMMEDIATE;" + script)
            else:
                conn.execute("BEGIN IMMEDIATE")
                script(conn)
            conn.execute(
                "INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)",
                (version, iso_now()),
            )
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
