"""SQLite storage: schema, migrations and every query the server runs.

One writer connection behind a lock (SQLite allows one writer anyway; serialising in
process means writers queue instead of failing with "database is locked"), and a pool
of reader connections that WAL lets run beside it. Every statement is parameterised and
every memory or collection query carries ``tenant_id``.

Durability: WAL with ``synchronous=FULL``, so a commit is on disk (fsync'd) before the
write is acknowledged; that survives power loss, not only a killed process.
"""

from __future__ import annotations

import calendar
import hashlib
import hmac
import json
import queue
import secrets
import sqlite3
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Callable, Optional

from .embed import EMBED_VERSION, Vector, embed, from_blob, to_blob

ROLE_WRITE = "write"
ROLE_READ = "read"
ROLE_ADMIN = "admin"
ROLES = (ROLE_WRITE, ROLE_READ, ROLE_ADMIN)

DEFAULT_TENANT = "default"
EXPORT_MAX_MEMORIES = 100_000
IDEMPOTENCY_TTL_SECONDS = 24 * 3600
_IDEMPOTENCY_PURGE_EVERY = 500  # stored responses between sweeps of expired ones
_READER_POOL_SIZE = 8
_BUSY_TIMEOUT_MS = 10_000
_TIMESTAMP_FORMAT = "%Y-%m-%dT%H:%M:%SZ"

_MIGRATIONS: list[str] = [
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
    # 3: protocol part 2 — supersession, background remember jobs, connectors and their runs.
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
]

_MEMORY_COLUMNS = (
    "rid, id, tenant_id, collection, text, importance, category, source, metadata, "
    "container_tag, type, pinned, archived, is_latest, expires_at, images, created_at, "
    "updated_at, created_by_id, created_by_label"
)


def iso_now() -> str:
    return time.strftime(_TIMESTAMP_FORMAT, time.gmtime())


def iso_to_epoch(value: str) -> float:
    return float(calendar.timegm(time.strptime(value, _TIMESTAMP_FORMAT)))


def epoch_to_iso(value: float) -> str:
    return time.strftime(_TIMESTAMP_FORMAT, time.gmtime(value))


def hash_key(key: str) -> str:
    # Keys are 192-bit random tokens, so an unsalted SHA-256 cannot be brute-forced.
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def new_key() -> str:
    return "lm_" + secrets.token_hex(24)


def _new_id(prefix: str) -> str:
    return prefix + secrets.token_hex(12)


@dataclass(frozen=True)
class Principal:
    """Who is calling: the key's id, its tenant, its role and label."""

    key_id: str
    tenant_id: str
    role: str
    label: str


@dataclass
class NewMemory:
    """A memory to insert. Fields beyond the add body serve import and the store's tests."""

    collection: str
    text: str
    importance: float = 0.7
    category: str = "other"
    source: str = "api"
    metadata: dict[str, Any] = field(default_factory=dict)
    container_tag: Optional[str] = None
    type: Optional[str] = None
    pinned: bool = False
    archived: bool = False
    is_latest: bool = True
    expires_at: Optional[str] = None
    created_at: Optional[str] = None
    updated_at: Optional[str] = None


@dataclass(frozen=True)
class Change:
    """A committed change to one memory: ``row`` is None when it was deleted."""

    tenant_id: str
    rid: int
    row: Optional[sqlite3.Row]
    vector: Optional[Vector]


Listener = Callable[[list[Change]], None]


@dataclass(frozen=True)
class MemoryFilter:
    """Search filters; current-truth rules are always applied on top."""

    collection: Optional[str] = None
    category: Optional[str] = None
    container_tag: Optional[str] = None


def memory_out(row: sqlite3.Row) -> dict[str, Any]:
    """The wire shape of a memory (PROTOCOL.md section 2)."""
    return {
        "id": row["id"],
        "collection": row["collection"],
        "text": row["text"],
        "importance": row["importance"],
        "category": row["category"],
        "source": row["source"],
        "metadata": json.loads(row["metadata"]),
        "container_tag": row["container_tag"],
        "type": row["type"],
        "pinned": bool(row["pinned"]),
        "archived": bool(row["archived"]),
        "is_latest": bool(row["is_latest"]),
        "expires_at": row["expires_at"],
        "images": json.loads(row["images"]),
        "created_at": row["created_at"],
        "updated_at": row["updated_at"],
        "created_by": (
            {"id": row["created_by_id"], "label": row["created_by_label"]}
            if row["created_by_id"]
            else None
        ),
    }


def _dumps(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def _connect(path: str) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {_BUSY_TIMEOUT_MS}")
    return conn


class Store:
    """The database. Thread-safe; create one per database file and process."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._wlock = threading.RLock()
        self._depth = 0
        self._pending: list[Change] = []
        self._listeners: list[Listener] = []
        self._writer = _connect(path)
        self._writer.execute("PRAGMA journal_mode = WAL")
        self._writer.execute("PRAGMA synchronous = FULL")
        self._migrate()
        self._readers: queue.LifoQueue[sqlite3.Connection] = queue.LifoQueue()
        self._all_readers: list[sqlite3.Connection] = []
        self._readers_lock = threading.Lock()
        self._closed = False
        self._idempotent_puts = 0

    # -- plumbing ---------------------------------------------------------------------

    def _migrate(self) -> None:
        conn = self._writer
        conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations "
            "(version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"
        )
        row = conn.execute("SELECT MAX(version) FROM schema_migrations").fetchone()
        current = row[0] or 0
        for version, script in enumerate(_MIGRATIONS, start=1):
            if version <= current:
                continue
            # executescript takes no parameters, so it only opens the transaction and runs
            # the DDL; the version row and the commit follow on the same connection.
            try:
                conn.executescript("BEGIN IMMEDIATE;" + script)
                conn.execute(
                    "INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)",
                    (version, iso_now()),
                )
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise

    def add_listener(self, listener: Listener) -> None:
        """Call ``listener`` with each committed batch of memory changes, under the write lock."""
        self._listeners.append(listener)

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction. Nested calls join the outermost one."""
        with self._wlock:
            if self._depth:
                self._depth += 1
                try:
                    yield self._writer
                finally:
                    self._depth -= 1
                return
            self._depth = 1
            self._writer.execute("BEGIN IMMEDIATE")
            try:
                yield self._writer
                self._writer.execute("COMMIT")
            except BaseException:
                self._pending = []
                if self._writer.in_transaction:
                    self._writer.execute("ROLLBACK")
                raise
            finally:
                self._depth = 0
            changes, self._pending = self._pending, []
            if changes:
                for listener in self._listeners:
                    listener(changes)

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """A reader connection holding one consistent snapshot for the block."""
        try:
            conn = self._readers.get_nowait()
        except queue.Empty:
            conn = _connect(self.path)
            with self._readers_lock:
                self._all_readers.append(conn)
        conn.execute("BEGIN")
        try:
            yield conn
        finally:
            conn.execute("COMMIT")
            if self._readers.qsize() < _READER_POOL_SIZE and not self._closed:
                self._readers.put(conn)
            else:
                with self._readers_lock:
                    self._all_readers.remove(conn)
                conn.close()

    def close(self) -> None:
        self._closed = True
        with self._readers_lock:
            for conn in self._all_readers:
                conn.close()
            self._all_readers = []
        with self._wlock:
            self._writer.close()

    def _changed(self, conn: sqlite3.Connection, tenant_id: str, rids: Sequence[int]) -> None:
        if not self._listeners:
            return
        for rid in rids:
            row = conn.execute(
                f"SELECT {_MEMORY_COLUMNS}, vector FROM memories WHERE rid = ? AND tenant_id = ?",
                (rid, tenant_id),
            ).fetchone()
            vector = from_blob(row["vector"]) if row is not None and row["vector"] else None
            self._pending.append(Change(tenant_id, rid, row, vector))

    # -- tenants and keys -------------------------------------------------------------

    def ensure_tenant(self, tenant_id: str, name: Optional[str] = None) -> None:
        with self.write() as conn:
            conn.execute(
                "INSERT OR IGNORE INTO tenants (id, name, created_at) VALUES (?, ?, ?)",
                (tenant_id, name or tenant_id, iso_now()),
            )

    def get_tenant(self, tenant_id: str) -> Optional[dict[str, Any]]:
        with self.read() as conn:
            row = conn.execute(
                "SELECT id, name, created_at FROM tenants WHERE id = ?", (tenant_id,)
            ).fetchone()
        return dict(row) if row else None

    def add_key(
        self, tenant_id: str, role: str, label: str, key: Optional[str] = None
    ) -> tuple[str, str]:
        """Store a key (hashed) for a tenant, creating the tenant; returns (key id, key).

        Adding a key that is already stored keeps the stored one and returns its id.
        """
        if role not in ROLES:
            raise ValueError(f"unknown role {role!r}")
        key = key or new_key()
        digest = hash_key(key)
        with self.write() as conn:
            conn.execute(
                "INSERT OR IGNORE INTO tenants (id, name, created_at) VALUES (?, ?, ?)",
                (tenant_id, tenant_id, iso_now()),
            )
            row = conn.execute("SELECT id FROM api_keys WHERE key_hash = ?", (digest,)).fetchone()
            if row:
                return str(row["id"]), key
            key_id = _new_id("key_")
            conn.execute(
                "INSERT INTO api_keys (id, tenant_id, key_hash, role, label, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (key_id, tenant_id, digest, role, label, iso_now()),
            )
        return key_id, key

    def tenant_has_keys(self, tenant_id: str) -> bool:
        with self.read() as conn:
            row = conn.execute(
                "SELECT 1 FROM api_keys WHERE tenant_id = ? LIMIT 1", (tenant_id,)
            ).fetchone()
        return row is not None

    def authenticate(self, key: str) -> Optional[Principal]:
        digest = hash_key(key)
        with self.read() as conn:
            row = conn.execute(
                "SELECT id, tenant_id, key_hash, role, label FROM api_keys WHERE key_hash = ?",
                (digest,),
            ).fetchone()
        # The lookup is by digest; the constant-time compare keeps the final check free of
        # early-exit timing even if the lookup ever becomes a prefix or range scan.
        if row is None or not hmac.compare_digest(str(row["key_hash"]), digest):
            return None
        return Principal(row["id"], row["tenant_id"], row["role"], row["label"])

    # -- collections ------------------------------------------------------------------

    @staticmethod
    def _collection_out(conn: sqlite3.Connection, row: sqlite3.Row) -> dict[str, Any]:
        count = conn.execute(
            "SELECT COUNT(*) FROM memories WHERE tenant_id = ? AND collection = ?",
            (row["tenant_id"], row["name"]),
        ).fetchone()[0]
        return {
            "name": row["name"],
            "description": row["description"],
            "metadata": json.loads(row["metadata"]),
            "memory_count": count,
            "created_at": row["created_at"],
        }

    def list_collections(self, tenant_id: str) -> list[dict[str, Any]]:
        with self.read() as conn:
            rows = conn.execute(
                "SELECT * FROM collections WHERE tenant_id = ? ORDER BY name", (tenant_id,)
            ).fetchall()
            return [self._collection_out(conn, row) for row in rows]

    def get_collection(self, tenant_id: str, name: str) -> Optional[dict[str, Any]]:
        with self.read() as conn:
            row = conn.execute(
                "SELECT * FROM collections WHERE tenant_id = ? AND name = ?", (tenant_id, name)
            ).fetchone()
            return self._collection_out(conn, row) if row else None

    def collection_exists(self, tenant_id: str, name: str) -> bool:
        with self.read() as conn:
            row = conn.execute(
                "SELECT 1 FROM collections WHERE tenant_id = ? AND name = ?", (tenant_id, name)
            ).fetchone()
        return row is not None

    def create_collection(
        self,
        tenant_id: str,
        name: str,
        description: Optional[str] = None,
        metadata: Optional[dict[str, Any]] = None,
    ) -> Optional[dict[str, Any]]:
        """Create a collection; None if it already exists."""
        with self.write() as conn:
            cur = conn.execute(
                "INSERT OR IGNORE INTO collections (tenant_id, name, description, metadata, "
                "created_at) VALUES (?, ?, ?, ?, ?)",
                (tenant_id, name, description, _dumps(metadata or {}), iso_now()),
            )
            if cur.rowcount == 0:
                return None
            row = conn.execute(
                "SELECT * FROM collections WHERE tenant_id = ? AND name = ?", (tenant_id, name)
            ).fetchone()
            return self._collection_out(conn, row)

    def update_collection(
        self,
        tenant_id: str,
        name: str,
        description: Optional[str] = None,
        metadata: Optional[dict[str, Any]] = None,
        *,
        set_description: bool = False,
        set_metadata: bool = False,
    ) -> Optional[dict[str, Any]]:
        with self.write() as conn:
            row = conn.execute(
                "SELECT * FROM collections WHERE tenant_id = ? AND name = ?", (tenant_id, name)
            ).fetchone()
            if row is None:
                return None
            if set_description:
                conn.execute(
                    "UPDATE collections SET description = ? WHERE tenant_id = ? AND name = ?",
                    (description, tenant_id, name),
                )
            if set_metadata:
                conn.execute(
                    "UPDATE collections SET metadata = ? WHERE tenant_id = ? AND name = ?",
                    (_dumps(metadata or {}), tenant_id, name),
                )
            row = conn.execute(
                "SELECT * FROM collections WHERE tenant_id = ? AND name = ?", (tenant_id, name)
            ).fetchone()
            return self._collection_out(conn, row)

    def delete_collection(self, tenant_id: str, name: str) -> bool:
        """Delete a collection and every memory in it."""
        with self.write() as conn:
            cur = conn.execute(
                "DELETE FROM collections WHERE tenant_id = ? AND name = ?", (tenant_id, name)
            )
            if cur.rowcount == 0:
                return False
            rids = [
                r[0]
                for r in conn.execute(
                    "SELECT rid FROM memories WHERE tenant_id = ? AND collection = ?",
                    (tenant_id, name),
                )
            ]
            conn.executemany("DELETE FROM memory_fts WHERE rowid = ?", [(r,) for r in rids])
            conn.execute(
                "DELETE FROM memories WHERE tenant_id = ? AND collection = ?", (tenant_id, name)
            )
            self._pending.extend(Change(tenant_id, rid, None, None) for rid in rids)
            return True

    def _ensure_collection(self, conn: sqlite3.Connection, tenant_id: str, name: str) -> None:
        conn.execute(
            "INSERT OR IGNORE INTO collections (tenant_id, name, description, metadata, "
            "created_at) VALUES (?, ?, NULL, '{}', ?)",
            (tenant_id, name, iso_now()),
        )

    # -- memories ---------------------------------------------------------------------

    def add_memories(
        self, principal: Principal, items: Sequence[NewMemory]
    ) -> list[dict[str, Any]]:
        """Insert memories in one transaction (all or nothing), creating their collections."""
        tenant_id = principal.tenant_id
        now = iso_now()
        prepared = []
        for item in items:
            # Embed outside the write lock: it is the costly part and needs no database.
            prepared.append((item, _new_id("mem_"), to_blob(embed(item.text))))
        with self.write() as conn:
            for name in {item.collection for item in items}:
                self._ensure_collection(conn, tenant_id, name)
            rids = []
            for item, memory_id, blob in prepared:
                cur = conn.execute(
                    "INSERT INTO memories (id, tenant_id, collection, text, importance, "
                    "category, source, metadata, container_tag, type, pinned, archived, "
                    "is_latest, expires_at, images, created_at, updated_at, created_by_id, "
                    "created_by_label, vector, embed_version) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '[]', ?, ?, ?, ?, ?, ?)",
                    (
                        memory_id,
                        tenant_id,
                        item.collection,
                        item.text,
                        float(item.importance),
                        item.category,
                        item.source,
                        _dumps(item.metadata),
                        item.container_tag,
                        item.type,
                        int(item.pinned),
                        int(item.archived),
                        int(item.is_latest),
                        item.expires_at,
                        item.created_at or now,
                        item.updated_at or item.created_at or now,
                        principal.key_id,
                        principal.label,
                        blob,
                        EMBED_VERSION,
                    ),
                )
                rid = int(cur.lastrowid or 0)
                rids.append(rid)
            conn.executemany(
                "INSERT INTO memory_fts (rowid, text) VALUES (?, ?)",
                [(rid, p[0].text) for rid, p in zip(rids, prepared)],
            )
            self._changed(conn, tenant_id, rids)
            rows = self._rows_by_rid(conn, tenant_id, rids)
        return [memory_out(rows[rid]) for rid in rids]

    @staticmethod
    def _rows_by_rid(
        conn: sqlite3.Connection, tenant_id: str, rids: Sequence[int]
    ) -> dict[int, sqlite3.Row]:
        out: dict[int, sqlite3.Row] = {}
        # Chunked so the statement never exceeds SQLite's bound-parameter limit.
        for start in range(0, len(rids), 500):
            chunk = list(rids[start : start + 500])
            marks = ",".join("?" * len(chunk))
            for row in conn.execute(
                f"SELECT {_MEMORY_COLUMNS} FROM memories WHERE tenant_id = ? AND rid IN ({marks})",
                [tenant_id, *chunk],
            ):
                out[row["rid"]] = row
        return out

    def rows_by_rid(self, tenant_id: str, rids: Sequence[int]) -> dict[int, sqlite3.Row]:
        with self.read() as conn:
            return self._rows_by_rid(conn, tenant_id, rids)

    @staticmethod
    def _find(
        conn: sqlite3.Connection, tenant_id: str, collection: str, memory_id: str
    ) -> Optional[sqlite3.Row]:
        """A memory by id; an expired one is gone already for reads and writes alike,
        though the sweeper may not have deleted it yet."""
        return conn.execute(  # type: ignore[no-any-return]
            f"SELECT {_MEMORY_COLUMNS} FROM memories "
            "WHERE tenant_id = ? AND collection = ? AND id = ? "
            "AND (expires_at IS NULL OR expires_at > ?)",
            (tenant_id, collection, memory_id, iso_now()),
        ).fetchone()

    def get_memory_row(
        self, tenant_id: str, collection: str, memory_id: str
    ) -> Optional[sqlite3.Row]:
        with self.read() as conn:
            return self._find(conn, tenant_id, collection, memory_id)

    def get_memory(
        self, tenant_id: str, collection: str, memory_id: str
    ) -> Optional[dict[str, Any]]:
        row = self.get_memory_row(tenant_id, collection, memory_id)
        return memory_out(row) if row else None

    def list_memories(
        self,
        tenant_id: str,
        collection: str,
        limit: int,
        offset: int,
        include_archived: bool,
    ) -> list[dict[str, Any]]:
        archived_clause = "" if include_archived else "AND archived = 0 "
        with self.read() as conn:
            rows = conn.execute(
                f"SELECT {_MEMORY_COLUMNS} FROM memories "
                f"WHERE tenant_id = ? AND collection = ? {archived_clause}"
                "AND (expires_at IS NULL OR expires_at > ?) "
                "ORDER BY pinned DESC, created_at DESC, rid DESC LIMIT ? OFFSET ?",
                (tenant_id, collection, iso_now(), limit, offset),
            ).fetchall()
        return [memory_out(row) for row in rows]

    def update_memory(
        self, tenant_id: str, collection: str, memory_id: str, changes: dict[str, Any]
    ) -> Optional[dict[str, Any]]:
        """Apply ``changes`` (column → value, already validated); new text re-embeds."""
        allowed = {"text", "importance", "category", "metadata", "pinned", "archived"}
        unknown = set(changes) - allowed
        if unknown:
            raise ValueError(f"not updatable: {sorted(unknown)}")
        blob = to_blob(embed(changes["text"])) if "text" in changes else None
        with self.write() as conn:
            row = self._find(conn, tenant_id, collection, memory_id)
            if row is None:
                return None
            if not changes:
                return memory_out(row)
            rid = row["rid"]
            sets = ["updated_at = ?"]
            params: list[Any] = [iso_now()]
            for name, value in sorted(changes.items()):
                sets.append(f"{name} = ?")
                if name == "metadata":
                    value = _dumps(value)
                elif name in ("pinned", "archived"):
                    value = int(value)
                params.append(value)
            if blob is not None:
                sets.append("vector = ?")
                params.append(blob)
                sets.append("embed_version = ?")
                params.append(EMBED_VERSION)
                conn.execute("DELETE FROM memory_fts WHERE rowid = ?", (rid,))
                conn.execute(
                    "INSERT INTO memory_fts (rowid, text) VALUES (?, ?)", (rid, changes["text"])
                )
            conn.execute(
                f"UPDATE memories SET {', '.join(sets)} WHERE rid = ? AND tenant_id = ?",
                [*params, rid, tenant_id],
            )
            self._changed(conn, tenant_id, [rid])
            updated = self._find(conn, tenant_id, collection, memory_id)
            assert updated is not None
            return memory_out(updated)

    def delete_memory(self, tenant_id: str, collection: str, memory_id: str) -> bool:
        with self.write() as conn:
            row = self._find(conn, tenant_id, collection, memory_id)
            if row is None:
                return False
            conn.execute("DELETE FROM memory_fts WHERE rowid = ?", (row["rid"],))
            conn.execute(
                "DELETE FROM memories WHERE rid = ? AND tenant_id = ?", (row["rid"], tenant_id)
            )
            self._pending.append(Change(tenant_id, row["rid"], None, None))
            return True

    def move_memory(self, tenant_id: str, collection: str, memory_id: str, to: str) -> bool:
        with self.write() as conn:
            row = self._find(conn, tenant_id, collection, memory_id)
            if row is None:
                return False
            self._ensure_collection(conn, tenant_id, to)
            conn.execute(
                "UPDATE memories SET collection = ?, updated_at = ? "
                "WHERE rid = ? AND tenant_id = ?",
                (to, iso_now(), row["rid"], tenant_id),
            )
            self._changed(conn, tenant_id, [row["rid"]])
            return True

    # -- search support ---------------------------------------------------------------

    def fts_search(
        self,
        tenant_id: str,
        match: str,
        flt: MemoryFilter,
        now: str,
        limit: Optional[int],
    ) -> list[tuple[int, float]]:
        """(rid, bm25) of current memories matching the FTS5 query, best first.

        bm25() is negative, more negative is better.
        """
        clauses = [
            "memory_fts MATCH ?",
            "m.tenant_id = ?",
            "m.archived = 0",
            "m.is_latest = 1",
            "(m.expires_at IS NULL OR m.expires_at > ?)",
        ]
        params: list[Any] = [match, tenant_id, now]
        for column, value in (
            ("collection", flt.collection),
            ("category", flt.category),
            ("container_tag", flt.container_tag),
        ):
            if value is not None:
                clauses.append(f"m.{column} = ?")
                params.append(value)
        sql = (
            "SELECT f.rowid AS rid, bm25(memory_fts) AS rank FROM memory_fts f "
            "JOIN memories m ON m.rid = f.rowid WHERE " + " AND ".join(clauses) + " ORDER BY rank"
        )
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        with self.read() as conn:
            return [(int(r[0]), float(r[1])) for r in conn.execute(sql, params)]

    def load_tenant_vectors(self, tenant_id: str) -> Iterator[tuple[sqlite3.Row, Vector]]:
        """Every memory of a tenant with its vector, re-embedding stale ones."""
        with self.read() as conn:
            rows = conn.execute(
                f"SELECT {_MEMORY_COLUMNS}, vector, embed_version FROM memories "
                "WHERE tenant_id = ?",
                (tenant_id,),
            ).fetchall()
        for row in rows:
            if row["vector"] is not None and row["embed_version"] == EMBED_VERSION:
                yield row, from_blob(row["vector"])
            else:
                yield row, embed(row["text"])

    def memory_vector(self, tenant_id: str, rid: int) -> Optional[Vector]:
        with self.read() as conn:
            row = conn.execute(
                "SELECT text, vector, embed_version FROM memories WHERE tenant_id = ? AND rid = ?",
                (tenant_id, rid),
            ).fetchone()
        if row is None:
            return None
        if row["vector"] is not None and row["embed_version"] == EMBED_VERSION:
            return from_blob(row["vector"])
        return embed(row["text"])

    # -- export -----------------------------------------------------------------------

    def export(self, tenant_id: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]], bool]:
        """(collections, memories, truncated) of one tenant, from one snapshot."""
        with self.read() as conn:
            crows = conn.execute(
                "SELECT * FROM collections WHERE tenant_id = ? ORDER BY name", (tenant_id,)
            ).fetchall()
            collections = [self._collection_out(conn, row) for row in crows]
            rows = conn.execute(
                f"SELECT {_MEMORY_COLUMNS} FROM memories WHERE tenant_id = ? "
                "AND (expires_at IS NULL OR expires_at > ?) ORDER BY created_at, rid LIMIT ?",
                (tenant_id, iso_now(), EXPORT_MAX_MEMORIES + 1),
            ).fetchall()
        truncated = len(rows) > EXPORT_MAX_MEMORIES
        return collections, [memory_out(r) for r in rows[:EXPORT_MAX_MEMORIES]], truncated

    def ensure_collections(
        self, tenant_id: str, collections: Sequence[tuple[str, Optional[str], dict[str, Any]]]
    ) -> None:
        """Create (name, description, metadata) collections that do not exist yet."""
        with self.write() as conn:
            for name, description, metadata in collections:
                conn.execute(
                    "INSERT OR IGNORE INTO collections (tenant_id, name, description, metadata, "
                    "created_at) VALUES (?, ?, ?, ?, ?)",
                    (tenant_id, name, description, _dumps(metadata), iso_now()),
                )

    # -- idempotency ------------------------------------------------------------------

    def idempotent_get(self, owner: str, key: str) -> Optional[tuple[str, int, str, bytes]]:
        """(fingerprint, status, headers JSON, body) stored for a key, if still fresh."""
        cutoff = time.time() - IDEMPOTENCY_TTL_SECONDS
        with self.write() as conn:
            row = conn.execute(
                "SELECT fingerprint, status, headers, body FROM idempotency "
                "WHERE owner = ? AND key = ? AND created_at > ?",
                (owner, key, cutoff),
            ).fetchone()
        if row is None:
            return None
        return str(row[0]), int(row[1]), str(row[2]), bytes(row[3])

    def idempotent_put(
        self, owner: str, key: str, fingerprint: str, status: int, headers: str, body: bytes
    ) -> None:
        self._idempotent_puts += 1
        if self._idempotent_puts % _IDEMPOTENCY_PURGE_EVERY == 0:
            self.purge_idempotency()
        with self.write() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO idempotency "
                "(owner, key, fingerprint, status, headers, body, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (owner, key, fingerprint, status, headers, body, time.time()),
            )

    def purge_idempotency(self) -> int:
        with self.write() as conn:
            cur = conn.execute(
                "DELETE FROM idempotency WHERE created_at <= ?",
                (time.time() - IDEMPOTENCY_TTL_SECONDS,),
            )
            return cur.rowcount

    # -- part 2: remember, jobs, hygiene ----------------------------------------------
    #
    # "Current" means what search may return: not archived, still the latest version and
    # not expired. ``now`` is passed in (an ISO string) so one request sees one instant.

    _CURRENT = "archived = 0 AND is_latest = 1 AND (expires_at IS NULL OR expires_at > ?)"

    def ensure_collection(self, tenant_id: str, name: str) -> None:
        with self.write() as conn:
            self._ensure_collection(conn, tenant_id, name)

    def current_rows(
        self, tenant_id: str, collection: str, rids: Sequence[int], now: str
    ) -> list[tuple[sqlite3.Row, Vector]]:
        """The current ones of ``rids``, in the given order, with their vectors.

        Read on the writer connection, so inside ``write()`` it sees the transaction's own
        changes (facts stored or superseded earlier in the same remember call).
        """
        out: dict[int, tuple[sqlite3.Row, Vector]] = {}
        with self.write() as conn:
            for start in range(0, len(rids), 500):
                chunk = list(rids[start : start + 500])
                marks = ",".join("?" * len(chunk))
                for row in conn.execute(
                    f"SELECT {_MEMORY_COLUMNS}, vector, embed_version FROM memories "
                    f"WHERE tenant_id = ? AND collection = ? AND {self._CURRENT} "
                    f"AND rid IN ({marks})",
                    [tenant_id, collection, now, *chunk],
                ):
                    out[row["rid"]] = (row, self._row_vector(row))
        return [out[rid] for rid in rids if rid in out]

    @staticmethod
    def _row_vector(row: sqlite3.Row) -> Vector:
        if row["vector"] is not None and row["embed_version"] == EMBED_VERSION:
            return from_blob(row["vector"])
        return embed(row["text"])

    def add_fact(
        self, principal: Principal, item: NewMemory, supersedes: Optional[str]
    ) -> dict[str, Any]:
        """Insert one extracted fact; with ``supersedes``, that current memory of the same
        collection stops being the latest (``superseded_at`` = now), in one transaction."""
        with self.write() as conn:
            created = self.add_memories(principal, [item])[0]
            if supersedes is None:
                return created
            tenant_id = principal.tenant_id
            old = self._find(conn, tenant_id, item.collection, supersedes)
            new = self._find(conn, tenant_id, item.collection, created["id"])
            assert new is not None
            conn.execute(
                "UPDATE memories SET supersedes = ? WHERE rid = ? AND tenant_id = ?",
                (supersedes, new["rid"], tenant_id),
            )
            if old is not None:
                conn.execute(
                    "UPDATE memories SET is_latest = 0, superseded_at = ? "
                    "WHERE rid = ? AND tenant_id = ?",
                    (iso_now(), old["rid"], tenant_id),
                )
                self._changed(conn, tenant_id, [old["rid"]])
            return created

    def collection_vectors(
        self, tenant_id: str, collection: str, now: Optional[str] = None
    ) -> list[tuple[sqlite3.Row, Vector]]:
        """Every memory of a collection with its vector; only current ones when ``now`` is given."""
        current = f"AND {self._CURRENT} " if now is not None else ""
        params: list[Any] = [tenant_id, collection] + ([now] if now is not None else [])
        with self.read() as conn:
            rows = conn.execute(
                f"SELECT {_MEMORY_COLUMNS}, vector, embed_version FROM memories "
                f"WHERE tenant_id = ? AND collection = ? {current}ORDER BY rid",
                params,
            ).fetchall()
        return [(row, self._row_vector(row)) for row in rows]

    def delete_memories(self, tenant_id: str, collection: str, ids: Sequence[str]) -> list[str]:
        """Delete memories by id; returns the ids that existed, in the given order."""
        deleted: list[str] = []
        with self.write() as conn:
            for memory_id in ids:
                row = self._find(conn, tenant_id, collection, memory_id)
                if row is None:
                    continue
                conn.execute("DELETE FROM memory_fts WHERE rowid = ?", (row["rid"],))
                conn.execute(
                    "DELETE FROM memories WHERE rid = ? AND tenant_id = ?", (row["rid"], tenant_id)
                )
                self._pending.append(Change(tenant_id, row["rid"], None, None))
                deleted.append(memory_id)
        return deleted

    def delete_expired(self, now: str, batch: int = 1000) -> int:
        """Delete memories whose ``expires_at`` has passed, in every tenant (the sweeper)."""
        total = 0
        while True:
            # Batched so a large backlog never holds the writer lock for long.
            with self.write() as conn:
                rows = conn.execute(
                    "SELECT rid, tenant_id FROM memories WHERE expires_at IS NOT NULL "
                    "AND expires_at <= ? LIMIT ?",
                    (now, batch),
                ).fetchall()
                for row in rows:
                    conn.execute("DELETE FROM memory_fts WHERE rowid = ?", (row["rid"],))
                    conn.execute(
                        "DELETE FROM memories WHERE rid = ? AND tenant_id = ?",
                        (row["rid"], row["tenant_id"]),
                    )
                    self._pending.append(Change(row["tenant_id"], row["rid"], None, None))
            total += len(rows)
            if len(rows) < batch:
                return total

    def supersession_pairs(
        self, tenant_id: str, collection: str, limit: int
    ) -> list[tuple[sqlite3.Row, sqlite3.Row]]:
        """(newer, superseded) pairs of a collection, the most recent supersession first."""
        with self.read() as conn:
            pairs = conn.execute(
                "SELECT n.rid AS new_rid, o.rid AS old_rid FROM memories n "
                "JOIN memories o ON o.tenant_id = n.tenant_id AND o.collection = n.collection "
                "AND o.id = n.supersedes "
                "WHERE n.tenant_id = ? AND n.collection = ? AND n.supersedes IS NOT NULL "
                # an expired fact is no longer the current truth of anything
                "AND (n.expires_at IS NULL OR n.expires_at > ?) "
                "ORDER BY o.superseded_at DESC, n.rid DESC LIMIT ?",
                (tenant_id, collection, iso_now(), limit),
            ).fetchall()
            rows = self._rows_by_rid(
                conn, tenant_id, [p["new_rid"] for p in pairs] + [p["old_rid"] for p in pairs]
            )
        return [(rows[p["new_rid"]], rows[p["old_rid"]]) for p in pairs]

    def archive_stale(
        self, tenant_id: str, collection: str, cutoff: str, now: str, dry_run: bool
    ) -> list[str]:
        """Ids of unpinned, unarchived, unexpired memories last updated before ``cutoff``,
        oldest first; archived in the same transaction unless ``dry_run``."""
        with self.write() as conn:
            rows = conn.execute(
                "SELECT rid, id FROM memories WHERE tenant_id = ? AND collection = ? "
                "AND pinned = 0 AND archived = 0 AND updated_at < ? "
                "AND (expires_at IS NULL OR expires_at > ?) ORDER BY updated_at, rid",
                (tenant_id, collection, cutoff, now),
            ).fetchall()
            if not dry_run and rows:
                conn.executemany(
                    "UPDATE memories SET archived = 1, updated_at = ? "
                    "WHERE rid = ? AND tenant_id = ?",
                    [(now, row["rid"], tenant_id) for row in rows],
                )
                self._changed(conn, tenant_id, [row["rid"] for row in rows])
        return [str(row["id"]) for row in rows]

    def collection_health(
        self, tenant_id: str, collection: str, now: str, stale_cutoff: str
    ) -> dict[str, Any]:
        """Counts for a collection's health report, with its current categories."""
        out = self.health_counts(now, stale_cutoff, tenant_id, collection)
        with self.read() as conn:
            categories = {
                str(r[0]): int(r[1])
                for r in conn.execute(
                    "SELECT category, COUNT(*) FROM memories "
                    f"WHERE tenant_id = ? AND collection = ? AND {self._CURRENT} "
                    "GROUP BY category ORDER BY COUNT(*) DESC, category",
                    (tenant_id, collection, now),
                )
            }
        out["categories"] = categories
        return out

    def health_counts(
        self,
        now: str,
        stale_cutoff: str,
        tenant_id: Optional[str] = None,
        collection: Optional[str] = None,
    ) -> dict[str, Any]:
        """Hygiene counts of one collection, or of every tenant (the admin view).

        ``stale`` uses archive-stale's definition: not pinned, not archived, not
        expired, not updated since ``stale_cutoff``.
        """
        where = ""
        scope: tuple[str, ...] = ()
        if tenant_id is not None and collection is not None:
            where, scope = "WHERE tenant_id = ? AND collection = ?", (tenant_id, collection)
        with self.read() as conn:
            row = conn.execute(
                "SELECT COUNT(*) AS total, "
                f"COALESCE(SUM({self._CURRENT}), 0) AS current, "
                "COALESCE(SUM(archived = 1), 0) AS archived, "
                "COALESCE(SUM(pinned = 1), 0) AS pinned, "
                "COALESCE(SUM(pinned = 0 AND archived = 0 AND updated_at < ? "
                "AND (expires_at IS NULL OR expires_at > ?)), 0) AS stale, "
                "COALESCE(SUM(expires_at IS NOT NULL AND expires_at <= ?), 0) AS expired, "
                "COALESCE(SUM(is_latest = 0), 0) AS supersessions "
                f"FROM memories {where}",
                (now, stale_cutoff, now, now, *scope),
            ).fetchone()
        names = ("total", "current", "archived", "pinned", "stale", "expired", "supersessions")
        return {name: int(row[name]) for name in names}

    def ranked_current(
        self,
        tenant_id: str,
        collection: str,
        now: str,
        limit: int,
        kinds: Optional[Sequence[str]] = None,
    ) -> list[sqlite3.Row]:
        """Current memories, most important first, then most recently updated.

        With ``kinds``, only memories of those types, or untyped ones whose category is one
        of them (how a plain ``add`` says what it is).
        """
        where = ""
        params: list[Any] = [tenant_id, collection, now]
        if kinds is not None:
            marks = ",".join("?" * len(kinds))
            where = f"AND (type IN ({marks}) OR (type IS NULL AND category IN ({marks}))) "
            params += [*kinds, *kinds]
        with self.read() as conn:
            return conn.execute(
                f"SELECT {_MEMORY_COLUMNS} FROM memories "
                f"WHERE tenant_id = ? AND collection = ? AND {self._CURRENT} {where}"
                "ORDER BY pinned DESC, importance DESC, updated_at DESC, rid DESC LIMIT ?",
                [*params, limit],
            ).fetchall()

    def current_texts(self, tenant_id: str, now: str) -> list[tuple[str, str]]:
        """(collection, text) of every current memory of a tenant."""
        with self.read() as conn:
            return [
                (str(r[0]), str(r[1]))
                for r in conn.execute(
                    "SELECT collection, text FROM memories "
                    f"WHERE tenant_id = ? AND {self._CURRENT}",
                    (tenant_id, now),
                )
            ]

    # jobs: ``claim_job`` and ``requeue_running_jobs`` serve the one worker of this process
    # and so span tenants; every other job query is tenant-scoped.

    @staticmethod
    def _job_out(row: sqlite3.Row) -> dict[str, Any]:
        return {
            "job_id": row["id"],
            "status": row["status"],
            "facts": json.loads(row["facts"]),
            "error": row["error"],
            "created_at": row["created_at"],
            "finished_at": row["finished_at"],
        }

    def create_job(self, principal: Principal, collection: str, content: str) -> dict[str, Any]:
        job_id = _new_id("job_")
        with self.write() as conn:
            conn.execute(
                "INSERT INTO jobs (id, tenant_id, collection, content, key_id, key_label, "
                "status, created_at) VALUES (?, ?, ?, ?, ?, ?, 'queued', ?)",
                (
                    job_id,
                    principal.tenant_id,
                    collection,
                    content,
                    principal.key_id,
                    principal.label,
                    iso_now(),
                ),
            )
            row = conn.execute(
                "SELECT * FROM jobs WHERE id = ? AND tenant_id = ?", (job_id, principal.tenant_id)
            ).fetchone()
        return self._job_out(row)

    def get_job(self, tenant_id: str, job_id: str) -> Optional[dict[str, Any]]:
        with self.read() as conn:
            row = conn.execute(
                "SELECT * FROM jobs WHERE id = ? AND tenant_id = ?", (job_id, tenant_id)
            ).fetchone()
        return self._job_out(row) if row else None

    def claim_job(self) -> Optional[sqlite3.Row]:
        """The oldest queued job, now marked running; None when the queue is empty."""
        with self.write() as conn:
            row = conn.execute(
                "SELECT * FROM jobs WHERE status = 'queued' ORDER BY created_at, rowid LIMIT 1"
            ).fetchone()
            if row is None:
                return None
            conn.execute(
                "UPDATE jobs SET status = 'running' WHERE id = ? AND tenant_id = ?",
                (row["id"], row["tenant_id"]),
            )
            return row  # type: ignore[no-any-return]

    def finish_job(
        self,
        tenant_id: str,
        job_id: str,
        facts: Sequence[dict[str, Any]],
        error: Optional[str],
    ) -> None:
        with self.write() as conn:
            conn.execute(
                "UPDATE jobs SET status = ?, facts = ?, error = ?, finished_at = ? "
                "WHERE id = ? AND tenant_id = ?",
                (
                    "failed" if error is not None else "done",
                    _dumps(list(facts)),
                    error,
                    iso_now(),
                    job_id,
                    tenant_id,
                ),
            )

    def requeue_running_jobs(self) -> int:
        """Put jobs a stopped process left running back in the queue (run at start-up)."""
        with self.write() as conn:
            return conn.execute(
                "UPDATE jobs SET status = 'queued' WHERE status = 'running'"
            ).rowcount

    def purge_jobs(self, finished_before: str) -> int:
        with self.write() as conn:
            return conn.execute(
                "DELETE FROM jobs WHERE status IN ('done', 'failed') AND finished_at < ?",
                (finished_before,),
            ).rowcount
