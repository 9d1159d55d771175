"""Connection routes (create, list, get, sync, runs, delete) and the three fleet-wide
admin views, with the SQL for the ``connections``, ``connection_runs`` and
``connection_items`` tables.

A sync asks connectors.py for what is new or changed since the stored cursor and keeps
``connection_items`` (item key → memory id, content hash) so a key is stored once: a new
key becomes a memory, a known key with a new hash updates its memory in place, a known
key with the same hash does nothing. Nothing here ever deletes a memory.

Credentials are sealed before they are stored (see ``_seal``) and never leave this
module except to the provider during a sync: not in a response, an error or a log line.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
import os
import secrets
import sqlite3
import time
from collections.abc import Mapping
from typing import Any, Optional

from . import connectors
from .context import HTTPError, Request, Response
from .handlers import _object_body
from .intelligence import DEFAULT_STALE_DAYS, needs_attention
from .store import NewMemory, Store, epoch_to_iso, iso_now
from .validation import (
    CONTAINER_TAG_MAX,
    LIST_LIMIT_MAX,
    METADATA_MAX_BYTES,
    Checker,
)

log = logging.getLogger("longmem.server")

DEFAULT_COLLECTION = "default"
NAME_MAX = 128
# config and credentials are small objects; the metadata cap bounds them the same way.
CONFIG_MAX_BYTES = METADATA_MAX_BYTES
CREDENTIALS_MAX_BYTES = METADATA_MAX_BYTES
DEFAULT_RUNS_LIMIT = 20
DEFAULT_HEALTH_HOURS = 24
HEALTH_HOURS_MAX = 8760  # one year
# A stored error is shown on every Connection; a provider's message is rarely longer.
ERROR_MAX = 1000

STATUS_ACTIVE, STATUS_PAUSED, STATUS_ERROR = "active", "paused", "error"
RUN_OK, RUN_ERROR = "ok", "error"

_CONNECTION_COLUMNS = (
    "id, provider, name, collection, container_tag, config, status, cursor, "
    "last_synced_at, last_error, created_at"
)


# -- credentials at rest ------------------------------------------------------------------
#
# Obfuscation-grade, stdlib-only encryption: an HMAC-SHA256 keystream (CTR-like, random
# 16-byte nonce) plus an HMAC-SHA256 tag over the connection id, nonce and ciphertext. The
# 32-byte secret lives in a 0600 file beside the database, so a copied or shared database
# file alone does not reveal credentials; anyone who can read that folder can. It is not a
# vetted AEAD construction and makes no claim beyond that.

_SECRET_SUFFIX = ".secret"
_SEAL_VERSION = "v1"
_NONCE_BYTES = 16
_TAG_BYTES = 32


class _CredentialsUnreadable(Exception):
    """Stored credentials could not be opened (secret file missing or changed)."""


def _secret_path(store: Store) -> str:
    return os.path.abspath(store.path) + _SECRET_SUFFIX


def database_files(db_path: str) -> tuple[str, ...]:
    """The database, its SQLite journals and its credentials secret: files that hold
    every tenant's data, which no connector may read."""
    path = os.path.abspath(db_path)
    return (path, path + "-wal", path + "-shm", path + "-journal", path + _SECRET_SUFFIX)


def _read_secret(path: str) -> Optional[bytes]:
    try:
        with open(path, encoding="ascii") as fh:
            text = fh.read().strip()
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError):
        raise _CredentialsUnreadable("the credentials secret file is unreadable") from None
    try:
        secret = bytes.fromhex(text)
    except ValueError:
        secret = b""
    if len(secret) != 32:
        raise _CredentialsUnreadable("the credentials secret file is malformed")
    return secret


def _secret(store: Store, *, create: bool) -> Optional[bytes]:
    """The database's credentials secret; with ``create``, made on first use.

    Call with ``create`` inside ``store.write()``: the SQLite write lock serialises
    creators across threads and processes, so two never write different secrets.
    """
    path = _secret_path(store)
    found = _read_secret(path)
    if found is not None or not create:
        return found
    secret = secrets.token_bytes(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as fh:
        fh.write(secret.hex() + "\n")
        fh.flush()
        os.fsync(fh.fileno())
    return secret


def _subkeys(secret: bytes) -> tuple[bytes, bytes]:
    enc = hmac.new(secret, b"longmem credentials encrypt v1", hashlib.sha256).digest()
    mac = hmac.new(secret, b"longmem credentials authenticate v1", hashlib.sha256).digest()
    return enc, mac


def _keystream(key: bytes, nonce: bytes, length: int) -> bytes:
    blocks = []
    for counter in range((length + 31) // 32):
        blocks.append(hmac.new(key, nonce + counter.to_bytes(8, "big"), hashlib.sha256).digest())
    return b"".join(blocks)[:length]


def _xor(data: bytes, stream: bytes) -> bytes:
    return (int.from_bytes(data, "big") ^ int.from_bytes(stream, "big")).to_bytes(len(data), "big")


def _tag(mac_key: bytes, connection_id: str, nonce: bytes, ciphertext: bytes) -> bytes:
    # Binding the connection id stops a sealed value being copied onto another row.
    bound = connection_id.encode("utf-8")
    message = len(bound).to_bytes(4, "big") + bound + nonce + ciphertext
    return hmac.new(mac_key, message, hashlib.sha256).digest()


def _seal(secret: bytes, connection_id: str, credentials: Mapping[str, Any]) -> str:
    enc_key, mac_key = _subkeys(secret)
    plain = json.dumps(credentials, separators=(",", ":")).encode("utf-8")
    nonce = secrets.token_bytes(_NONCE_BYTES)
    cipher = _xor(plain, _keystream(enc_key, nonce, len(plain)))
    tag = _tag(mac_key, connection_id, nonce, cipher)
    return _SEAL_VERSION + ":" + base64.urlsafe_b64encode(nonce + cipher + tag).decode("ascii")


def _open_sealed(secret: Optional[bytes], connection_id: str, sealed: str) -> dict[str, Any]:
    if secret is None:
        raise _CredentialsUnreadable("the credentials secret file is missing")
    version, _, encoded = sealed.partition(":")
    try:
        raw = base64.urlsafe_b64decode(encoded.encode("ascii"))
    except ValueError:
        raw = b""
    if version != _SEAL_VERSION or len(raw) < _NONCE_BYTES + _TAG_BYTES:
        raise _CredentialsUnreadable("the stored credentials are malformed")
    nonce, cipher, tag = raw[:_NONCE_BYTES], raw[_NONCE_BYTES:-_TAG_BYTES], raw[-_TAG_BYTES:]
    enc_key, mac_key = _subkeys(secret)
    if not hmac.compare_digest(tag, _tag(mac_key, connection_id, nonce, cipher)):
        raise _CredentialsUnreadable("the stored credentials do not match the secret file")
    value = json.loads(_xor(cipher, _keystream(enc_key, nonce, len(cipher))).decode("utf-8"))
    if not isinstance(value, dict):
        raise _CredentialsUnreadable("the stored credentials are malformed")
    return value


# -- helpers ------------------------------------------------------------------------------


def _connection_out(row: sqlite3.Row) -> dict[str, Any]:
    """The wire shape of a connection (PROTOCOL.md section 2): never its credentials."""
    return {
        "id": row["id"],
        "provider": row["provider"],
        "name": row["name"],
        "collection": row["collection"],
        "container_tag": row["container_tag"],
        "config": json.loads(row["config"]),
        "status": row["status"],
        "cursor": row["cursor"],
        "last_synced_at": row["last_synced_at"],
        "last_error": row["last_error"],
        "created_at": row["created_at"],
    }


def _run_out(row: sqlite3.Row) -> dict[str, Any]:
    return {
        "id": row["id"],
        "connection_id": row["connection_id"],
        "status": row["status"],
        "synced_count": row["synced_count"],
        "error": row["error"],
        "created_at": row["created_at"],
        "finished_at": row["finished_at"],
    }


def _find(conn: sqlite3.Connection, tenant_id: str, connection_id: str) -> Optional[sqlite3.Row]:
    return conn.execute(  # type: ignore[no-any-return]
        f"SELECT {_CONNECTION_COLUMNS}, credentials FROM connections "
        "WHERE tenant_id = ? AND id = ?",
        (tenant_id, connection_id),
    ).fetchone()


def _not_found(connection_id: str) -> HTTPError:
    return HTTPError(404, f"Connection '{connection_id[:128]}' not found")


def _existing(req: Request) -> sqlite3.Row:
    connection_id = req.params["id"]
    with req.services.store.read() as conn:
        row = _find(conn, req.principal.tenant_id, connection_id)
    if row is None:
        raise _not_found(connection_id)
    return row


def _encoded_size(value: Any) -> int:
    return len(json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode("utf-8"))


def _json_object(
    check: Checker, body: Mapping[str, Any], name: str, max_bytes: int
) -> Optional[dict[str, Any]]:
    """An optional JSON object field; the message never echoes its content (credentials)."""
    value = body.get(name)
    if value is None:
        return None
    if not isinstance(value, dict):
        check.fail(["body", name], "Input should be a valid dictionary", "dict_type")
        return None
    if _encoded_size(value) > max_bytes:
        check.fail(["body", name], f"Should be at most {max_bytes} bytes encoded", "too_long")
        return None
    return value


def _config_problems(check: Checker, exc: connectors.ConfigError) -> None:
    for path, message in exc.problems:
        kind = "missing" if message.startswith("field required") else "value_error"
        check.fail(["body", *path], message, kind)


# -- connections --------------------------------------------------------------------------


def create_connection(req: Request) -> Response:
    body = _object_body(req)
    check = Checker()
    provider = body.get("provider")
    if provider is None:
        supported = ", ".join(connectors.SUPPORTED_PROVIDERS)
        check.fail(["body", "provider"], f"Field required; supported: {supported}", "missing")
    name = check.string(body, "name", ["body"], min_len=1, max_len=NAME_MAX, nullable=True)
    collection: Optional[str] = DEFAULT_COLLECTION
    if body.get("collection") is not None:
        collection = check.collection_name(body["collection"], ["body", "collection"])
    container_tag = check.string(
        body, "container_tag", ["body"], max_len=CONTAINER_TAG_MAX, nullable=True
    )
    problems_before = len(check.errors)
    config = _json_object(check, body, "config", CONFIG_MAX_BYTES)
    config_is_object = len(check.errors) == problems_before
    credentials = _json_object(check, body, "credentials", CREDENTIALS_MAX_BYTES)
    normalised: dict[str, Any] = {}
    if provider is not None and config_is_object:
        try:
            normalised = connectors.validate_config(
                provider, config, credentials, roots=req.services.connector_roots
            )
        except connectors.ConfigError as exc:
            _config_problems(check, exc)
    check.done()
    assert isinstance(provider, str) and collection is not None

    store = req.services.store
    tenant_id = req.principal.tenant_id
    connection_id = "conn_" + secrets.token_hex(12)
    with store.write() as conn:
        sealed = None
        if credentials:
            try:
                secret = _secret(store, create=True)
            except (OSError, _CredentialsUnreadable) as exc:
                reason = exc.strerror if isinstance(exc, OSError) else str(exc)
                raise HTTPError(500, f"Cannot store credentials: {reason}") from None
            assert secret is not None
            sealed = _seal(secret, connection_id, credentials)
        conn.execute(
            "INSERT INTO connections (id, tenant_id, provider, name, collection, container_tag, "
            "config, credentials, status, cursor, last_synced_at, last_error, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, ?)",
            (
                connection_id,
                tenant_id,
                provider,
                name,
                collection,
                container_tag,
                json.dumps(normalised, separators=(",", ":"), ensure_ascii=False),
                sealed,
                STATUS_ACTIVE,
                iso_now(),
            ),
        )
        row = _find(conn, tenant_id, connection_id)
    assert row is not None
    return Response(201, _connection_out(row))


def list_connections(req: Request) -> Response:
    with req.services.store.read() as conn:
        rows = conn.execute(
            f"SELECT {_CONNECTION_COLUMNS} FROM connections WHERE tenant_id = ? "
            "ORDER BY created_at DESC, rowid DESC",
            (req.principal.tenant_id,),
        ).fetchall()
    return Response(200, [_connection_out(row) for row in rows])


def get_connection(req: Request) -> Response:
    return Response(200, _connection_out(_existing(req)))


def delete_connection(req: Request) -> Response:
    connection_id = req.params["id"]
    tenant_id = req.principal.tenant_id
    with req.services.store.write() as conn:
        # connection_items has no tenant column: it is reached only through a connection
        # this tenant owns, checked in the same transaction.
        if _find(conn, tenant_id, connection_id) is None:
            raise _not_found(connection_id)
        conn.execute("DELETE FROM connection_items WHERE connection_id = ?", (connection_id,))
        conn.execute(
            "DELETE FROM connection_runs WHERE connection_id = ? AND tenant_id = ?",
            (connection_id, tenant_id),
        )
        conn.execute(
            "DELETE FROM connections WHERE id = ? AND tenant_id = ?", (connection_id, tenant_id)
        )
    return Response(204)


def connection_runs(req: Request) -> Response:
    check = Checker()
    limit = check.query_int(req.query, "limit", default=DEFAULT_RUNS_LIMIT, lo=1, hi=LIST_LIMIT_MAX)
    check.done()
    row = _existing(req)
    with req.services.store.read() as conn:
        rows = conn.execute(
            "SELECT id, connection_id, status, synced_count, error, created_at, finished_at "
            "FROM connection_runs WHERE connection_id = ? AND tenant_id = ? "
            "ORDER BY created_at DESC, rowid DESC LIMIT ?",
            (row["id"], req.principal.tenant_id, limit),
        ).fetchall()
    return Response(200, [_run_out(r) for r in rows])


# -- sync ---------------------------------------------------------------------------------


def sync_connection(req: Request) -> Response:
    row = _existing(req)
    store = req.services.store
    started = iso_now()
    try:
        credentials = None
        if row["credentials"]:
            sealed = str(row["credentials"])
            credentials = _open_sealed(_secret(store, create=False), row["id"], sealed)
        # The roots are checked again: the operator may have narrowed them since.
        result = connectors.sync(
            row["provider"],
            json.loads(row["config"]),
            credentials,
            row["cursor"],
            roots=req.services.connector_roots,
            excluded=req.services.connector_excluded,
        )
    except connectors.SyncError as exc:
        return _record_failure(req, row, started, str(exc))
    except _CredentialsUnreadable as exc:
        return _record_failure(req, row, started, f"cannot use stored credentials: {exc}")
    except Exception as exc:
        # The message of an unexpected exception might quote a credential; only its type
        # is logged and stored.
        log.error("connector %s sync failed unexpectedly: %s", row["provider"], type(exc).__name__)
        return _record_failure(req, row, started, f"unexpected {type(exc).__name__} during sync")
    # A failure while storing is a fault of this server, not of the source: it propagates
    # (500) so the transaction rolls back whole, rather than being recorded as a run.
    synced = _apply(req, row, started, result)
    return Response(200, {"synced": synced, "cursor": result.cursor, "status": RUN_OK})


def _apply(req: Request, row: sqlite3.Row, started: str, result: connectors.SyncResult) -> int:
    """Store new and changed items, the run and the cursor in one transaction; the count."""
    store = req.services.store
    tenant_id = req.principal.tenant_id
    connection_id = row["id"]
    items = list({item.key: item for item in result.items}.values())  # last one per key wins
    with store.write() as conn:
        # Re-read under the write lock: a concurrent sync of the same connection may have
        # stored some of these keys already, and must not make duplicates.
        current = _find(conn, tenant_id, connection_id)
        if current is None:
            raise _not_found(connection_id)
        known = _known_items(conn, connection_id, [item.key for item in items])
        to_create: list[connectors.Item] = []
        updated = 0
        for item in items:
            seen = known.get(item.key)
            if seen is not None and seen[1] == item.content_hash:
                continue
            if seen is not None and _update_memory(store, conn, tenant_id, current, seen[0], item):
                _map_item(conn, connection_id, item, seen[0])
                updated += 1
                continue
            to_create.append(item)  # new, or its memory was deleted by the user
        created = store.add_memories(
            req.principal, [_new_memory(current, item) for item in to_create]
        )
        for item, memory in zip(to_create, created):
            _map_item(conn, connection_id, item, memory["id"])
        synced = updated + len(created)
        _insert_run(conn, current, tenant_id, started, RUN_OK, synced, None)
        conn.execute(
            "UPDATE connections SET cursor = ?, last_synced_at = ?, last_error = NULL, "
            "status = CASE WHEN status = ? THEN status ELSE ? END "
            "WHERE id = ? AND tenant_id = ?",
            (result.cursor, iso_now(), STATUS_PAUSED, STATUS_ACTIVE, connection_id, tenant_id),
        )
    return synced


def _known_items(
    conn: sqlite3.Connection, connection_id: str, keys: list[str]
) -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    # Chunked so the statement never exceeds SQLite's bound-parameter limit.
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for r in conn.execute(
            "SELECT item_key, memory_id, content_hash FROM connection_items "
            f"WHERE connection_id = ? AND item_key IN ({marks})",
            [connection_id, *chunk],
        ):
            out[str(r[0])] = (str(r[1]), str(r[2]))
    return out


def _new_memory(connection: sqlite3.Row, item: connectors.Item) -> NewMemory:
    return NewMemory(
        collection=connection["collection"],
        text=item.text,
        source=connection["provider"],
        metadata={**item.metadata, "connection_id": connection["id"]},
        container_tag=connection["container_tag"],
    )


def _update_memory(
    store: Store,
    conn: sqlite3.Connection,
    tenant_id: str,
    connection: sqlite3.Row,
    memory_id: str,
    item: connectors.Item,
) -> bool:
    """Update a synced memory wherever the user moved it; False if it no longer exists."""
    found = conn.execute(
        "SELECT collection FROM memories WHERE tenant_id = ? AND id = ?", (tenant_id, memory_id)
    ).fetchone()
    if found is None:
        return False
    changes = {"text": item.text, "metadata": {**item.metadata, "connection_id": connection["id"]}}
    return store.update_memory(tenant_id, str(found[0]), memory_id, changes) is not None


def _map_item(
    conn: sqlite3.Connection, connection_id: str, item: connectors.Item, memory_id: str
) -> None:
    conn.execute(
        "INSERT OR REPLACE INTO connection_items (connection_id, item_key, memory_id, "
        "content_hash) VALUES (?, ?, ?, ?)",
        (connection_id, item.key, memory_id, item.content_hash),
    )


def _insert_run(
    conn: sqlite3.Connection,
    connection: sqlite3.Row,
    tenant_id: str,
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
            connection["id"],
            tenant_id,
            connection["provider"],
            status,
            synced,
            error,
            started,
            iso_now(),
        ),
    )


def _record_failure(req: Request, row: sqlite3.Row, started: str, error: str) -> Response:
    """A failing source is a 200 with status "error", recorded on the run and connection."""
    error = error[:ERROR_MAX]
    tenant_id = req.principal.tenant_id
    with req.services.store.write() as conn:
        # Deleted while the source was being read: nothing left to record against.
        if _find(conn, tenant_id, row["id"]) is not None:
            _insert_run(conn, row, tenant_id, started, RUN_ERROR, 0, error)
            conn.execute(
                "UPDATE connections SET status = ?, last_error = ? WHERE id = ? AND tenant_id = ?",
                (STATUS_ERROR, error, row["id"], tenant_id),
            )
    return Response(200, {"status": RUN_ERROR, "error": error})


# -- admin views (the only queries across tenants) ---------------------------------------


def connector_health(req: Request) -> Response:
    check = Checker()
    hours = check.query_int(
        req.query, "hours", default=DEFAULT_HEALTH_HOURS, lo=1, hi=HEALTH_HOURS_MAX
    )
    check.done()
    since = epoch_to_iso(time.time() - hours * 3600)
    with req.services.store.read() as conn:
        rows = conn.execute(
            "SELECT provider, COUNT(*), SUM(status = ?), MAX(created_at) FROM connection_runs "
            "WHERE created_at >= ? GROUP BY provider",
            (RUN_ERROR, since),
        ).fetchall()
    found = {str(r[0]): (int(r[1]), int(r[2] or 0), r[3]) for r in rows}
    # Every supported provider appears, so a silent one shows as zero runs, not as absent.
    names = sorted(set(connectors.SUPPORTED_PROVIDERS) | set(found))
    return Response(
        200,
        [
            {
                "provider": name,
                "runs": found.get(name, (0, 0, None))[0],
                "errors": found.get(name, (0, 0, None))[1],
                "last_run": found.get(name, (0, 0, None))[2],
            }
            for name in names
        ],
    )


def connector_status(req: Request) -> Response:
    with req.services.store.read() as conn:
        rows = conn.execute(
            "SELECT status, COUNT(*) FROM connections GROUP BY status ORDER BY status"
        ).fetchall()
    return Response(200, [{"status": str(r[0]), "n": int(r[1])} for r in rows])


def memory_health(req: Request) -> Response:
    """Fleet-wide hygiene, by the same definitions as a collection's health report."""
    cutoff = epoch_to_iso(time.time() - DEFAULT_STALE_DAYS * 86400)
    counts = req.services.store.health_counts(iso_now(), cutoff)
    names = ("total", "current", "archived", "stale", "expired", "supersessions")
    report: dict[str, Any] = {name: counts[name] for name in names}
    report["needs_attention"] = needs_attention(counts)
    return Response(200, report)
