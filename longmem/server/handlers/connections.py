"""Connections: create, list, get, sync, runs, delete.

A sync asks the connector for what is new or changed since the stored cursor and keeps
the connection's item map (item key → memory id, content hash) so a key is stored once:
a new key becomes a memory, a known key with a new hash updates its memory in place, a
known key with the same hash does nothing. Nothing here ever deletes a memory.

A sync stores at most ``MAX_SYNC_ITEMS`` items, committed ``SYNC_CHUNK_ITEMS`` at a time
with their item-map rows, so other writes go on between chunks and a crash keeps whole
chunks only. The cursor moves, with the run, in the last transaction, and only when
every item was stored: the next sync reads the source again, and the item map skips
what the earlier chunks stored.

Credentials are sealed before they are stored (credentials.py) and opened only to hand
them to the provider during a sync: never in a response, an error or a log line.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Optional

from ..._protocol import (
    DEFAULT_COLLECTION,
    DEFAULT_RUNS_LIMIT,
    MAX_CONNECTION_NAME_CHARS,
    MAX_CONNECTION_OBJECT_BYTES,
    MAX_CONTAINER_TAG_CHARS,
    MAX_LIST_LIMIT,
    MAX_SYNC_ITEMS,
)
from .. import connectors, wire
from ..context import HTTPError, Request, Response
from ..credentials import CredentialsUnreadable
from ..db import ConnectionRecord, NewMemory
from ..db.connections import RUN_ERROR, RUN_OK, RestoredState
from ..timestamps import iso_now
from ..validation import MAX_JSON_INT_DIGITS, Checker, Loc
from .common import object_body

log = logging.getLogger("longmem.server")

# A stored error is shown on every Connection; a provider's message is rarely longer.
ERROR_MAX_CHARS = 1000
# Items stored per write transaction during a sync: short enough that a concurrent write
# waits milliseconds, not the whole sync.
SYNC_CHUNK_ITEMS = 100


def _not_found(connection_id: str) -> HTTPError:
    return HTTPError(404, f"Connection '{connection_id[:128]}' not found")


def _existing(req: Request) -> ConnectionRecord:
    connection_id = req.params["id"]
    found = req.services.store.connections.get(req.principal.tenant_id, connection_id)
    if found is None:
        raise _not_found(connection_id)
    return found


def _json_object(
    check: Checker, body: Mapping[str, Any], name: str, loc: Loc, max_bytes: int
) -> Optional[dict[str, Any]]:
    """An optional JSON object field; the message never echoes its content (credentials)."""
    value = body.get(name)
    if value is None:
        return None
    if not isinstance(value, dict):
        check.fail([*loc, name], "Input should be a valid dictionary", "dict_type")
        return None
    try:
        encoded = json.dumps(value, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    except ValueError:  # only an integer too long to parse arrives as an infinity
        check.fail(
            [*loc, name],
            f"Numbers should have at most {MAX_JSON_INT_DIGITS:,} digits",
            "value_error",
        )
        return None
    if len(encoded.encode("utf-8")) > max_bytes:
        check.fail([*loc, name], f"Should be at most {max_bytes} bytes encoded", "too_long")
        return None
    return value


@dataclass
class NewConnection:
    """A connection's settings as create and import take them, checked."""

    provider: str
    name: Optional[str]
    collection: str
    container_tag: Optional[str]
    config: dict[str, Any]  # normalised by the provider
    credentials: Optional[dict[str, Any]]


def connection_fields(
    check: Checker, body: Mapping[str, Any], loc: Loc, roots: Sequence[str]
) -> Optional[NewConnection]:
    """The settings of a connection at ``loc``; None, with the problems recorded, when
    one is bad. A directory path must lie inside ``roots``."""
    problems_before = len(check.errors)
    provider = body.get("provider")
    if provider is None:
        supported = ", ".join(connectors.SUPPORTED_PROVIDERS)
        check.fail([*loc, "provider"], f"Field required; supported: {supported}", "missing")
    name = check.string(
        body, "name", loc, min_len=1, max_len=MAX_CONNECTION_NAME_CHARS, nullable=True
    )
    collection: Optional[str] = DEFAULT_COLLECTION
    if body.get("collection") is not None:
        collection = check.collection_name(body["collection"], [*loc, "collection"])
    container_tag = check.string(
        body, "container_tag", loc, max_len=MAX_CONTAINER_TAG_CHARS, nullable=True
    )
    config_problems = len(check.errors)
    config = _json_object(check, body, "config", loc, MAX_CONNECTION_OBJECT_BYTES)
    config_is_object = len(check.errors) == config_problems
    credentials = _json_object(check, body, "credentials", loc, MAX_CONNECTION_OBJECT_BYTES)
    normalised: dict[str, Any] = {}
    if provider is not None and config_is_object:
        try:
            normalised = connectors.validate_config(provider, config, credentials, roots=roots)
        except connectors.ConfigError as exc:
            for path, message in exc.problems:
                kind = "missing" if message.startswith("field required") else "value_error"
                check.fail([*loc, *path], message, kind)
    if len(check.errors) > problems_before:
        return None
    assert isinstance(provider, str) and collection is not None
    return NewConnection(provider, name, collection, container_tag, normalised, credentials)


def store_connection(
    req: Request,
    connection_id: str,
    new: NewConnection,
    restored: Optional[RestoredState] = None,
) -> ConnectionRecord:
    """Seal the credentials and store the connection, in the caller's write transaction
    if there is one; 500 when the credentials cannot be sealed."""
    store = req.services.store
    with store.write():
        sealed = None
        if new.credentials:
            try:
                # Inside the write: its lock serialises the secret file's first creation.
                sealed = req.services.vault.seal(connection_id, new.credentials)
            except (OSError, CredentialsUnreadable) as exc:
                reason = exc.strerror if isinstance(exc, OSError) else str(exc)
                raise HTTPError(500, f"Cannot store credentials: {reason}") from None
        return store.connections.create(
            req.principal.tenant_id,
            connection_id,
            provider=new.provider,
            name=new.name,
            collection=new.collection,
            container_tag=new.container_tag,
            config=new.config,
            sealed_credentials=sealed,
            restored=restored,
        )


def create_connection(req: Request) -> Response:
    """Create a connection; POST /v1/memory/connections → 201 Connection; 422."""
    body = object_body(req)
    check = Checker()
    new = connection_fields(check, body, ["body"], req.services.roots_of(req.principal.tenant_id))
    check.done()
    assert new is not None
    store = req.services.store
    created = store_connection(req, store.connections.new_id(), new)
    return Response(201, wire.connection(created))


def list_connections(req: Request) -> Response:
    found = req.services.store.connections.of_tenant(req.principal.tenant_id)
    return Response(200, [wire.connection(c) for c in found])


def get_connection(req: Request) -> Response:
    return Response(200, wire.connection(_existing(req)))


def delete_connection(req: Request) -> Response:
    connection_id = req.params["id"]
    if not req.services.store.connections.delete(req.principal.tenant_id, connection_id):
        raise _not_found(connection_id)
    return Response(204)


def connection_runs(req: Request) -> Response:
    check = Checker()
    limit = check.query_int(req.query, "limit", default=DEFAULT_RUNS_LIMIT, lo=1, hi=MAX_LIST_LIMIT)
    check.done()
    connection = _existing(req)
    runs = req.services.store.connections.runs(req.principal.tenant_id, connection.id, limit)
    return Response(200, [wire.run(r) for r in runs])


# -- sync ---------------------------------------------------------------------------------


def sync_connection(req: Request) -> Response:
    """Sync a connection now; POST /v1/memory/connections/{id}/sync. Syncs of one
    connection asked for while one runs share its answer (one fetch, one run)."""
    key = (req.principal.tenant_id, req.params["id"])
    shared: Response = req.services.syncs.run(key, lambda: _sync(req))
    # Each caller's answer is its own: the app adds headers to it.
    return Response(shared.status, shared.body, dict(shared.headers))


def _sync(req: Request) -> Response:
    connection = _existing(req)
    services = req.services
    started = iso_now()
    try:
        credentials = None
        if connection.credentials:
            credentials = services.vault.open(connection.id, connection.credentials)
        # The roots are checked again: the operator may have narrowed them since.
        result = connectors.sync(
            connection.provider,
            connection.config,
            credentials,
            connection.cursor,
            roots=services.roots_of(connection.tenant_id),
            excluded=services.connector_excluded,
            fetch_policy=services.fetch_policy,
        )
    except connectors.SyncError as exc:
        return _record_failure(req, connection, started, str(exc))
    except CredentialsUnreadable as exc:
        return _record_failure(req, connection, started, f"cannot use stored credentials: {exc}")
    except Exception as exc:
        # The message of an unexpected exception might quote a credential; only its type
        # is logged and stored.
        log.error(
            "connector %s sync failed unexpectedly: %s", connection.provider, type(exc).__name__
        )
        return _record_failure(
            req, connection, started, f"unexpected {type(exc).__name__} during sync"
        )
    # A failure while storing is a fault of this server, not of the source: it propagates
    # (500) rather than being recorded as a run; the chunks committed before it stay, with
    # their item-map rows, so the next sync does not store them twice.
    synced, cursor = _apply(req, connection, started, result)
    return Response(200, {"synced": synced, "cursor": cursor, "status": RUN_OK})


def _apply(
    req: Request, connection: ConnectionRecord, started: str, result: connectors.SyncResult
) -> tuple[int, Optional[str]]:
    """Store new and changed items in chunks, then the run and cursor; (how many were
    stored, the cursor now stored)."""
    pending = list({item.key: item for item in result.items}.values())  # last one per key wins
    synced = 0
    while pending and synced < MAX_SYNC_ITEMS:
        # Never more than the cap, even if every item of the chunk is stored.
        size = min(SYNC_CHUNK_ITEMS, MAX_SYNC_ITEMS - synced)
        chunk, pending = pending[:size], pending[size:]
        synced += _store_chunk(req, connection.id, chunk)
    store = req.services.store
    with store.write():
        current = store.connections.get_for_update(connection.tenant_id, connection.id)
        if current is None:
            raise _not_found(connection.id)
        # Items left: the cursor stays where it is, so the next sync reads them again.
        cursor = current.cursor if pending else result.cursor
        store.connections.record_success(current, started, synced, cursor)
    return synced, cursor


def _store_chunk(req: Request, connection_id: str, items: list[connectors.Item]) -> int:
    """Store one chunk's new and changed items and their item-map rows in one
    transaction; how many were stored."""
    store = req.services.store
    tenant_id = req.principal.tenant_id
    with store.write():
        # Re-read under the write lock: a concurrent sync of the same connection may have
        # stored some of these keys already, and must not make duplicates.
        connection = store.connections.get_for_update(tenant_id, connection_id)
        if connection is None:
            raise _not_found(connection_id)
        known = store.connections.known_items(connection_id, [item.key for item in items])
        to_create: list[connectors.Item] = []
        updated = 0
        for item in items:
            seen = known.get(item.key)
            if seen is not None and seen[1] == item.content_hash:
                continue
            if seen is not None and _update_memory(req, connection, seen[0], item):
                store.connections.map_item(connection_id, item.key, seen[0], item.content_hash)
                updated += 1
                continue
            to_create.append(item)  # new, or its memory was deleted by the user
        created = store.memories.add(
            req.principal, [_new_memory(connection, item) for item in to_create]
        )
        for item, memory in zip(to_create, created):
            store.connections.map_item(connection_id, item.key, memory.id, item.content_hash)
    return updated + len(created)


def _metadata(connection: ConnectionRecord, item: connectors.Item) -> dict[str, Any]:
    return {**item.metadata, "connection_id": connection.id}


def _new_memory(connection: ConnectionRecord, item: connectors.Item) -> NewMemory:
    return NewMemory(
        collection=connection.collection,
        text=item.text,
        source=connection.provider,
        metadata=_metadata(connection, item),
        container_tag=connection.container_tag,
    )


def _update_memory(
    req: Request, connection: ConnectionRecord, memory_id: str, item: connectors.Item
) -> bool:
    """Update a synced memory wherever the user moved it; False if it no longer exists."""
    memories = req.services.store.memories
    tenant_id = req.principal.tenant_id
    collection = memories.collection_of(tenant_id, memory_id)
    if collection is None:
        return False
    changes = {"text": item.text, "metadata": _metadata(connection, item)}
    return memories.update(tenant_id, collection, memory_id, changes) is not None


def _record_failure(
    req: Request, connection: ConnectionRecord, started: str, error: str
) -> Response:
    """A failing source is a 200 with status "error", recorded on the run and connection."""
    error = error[:ERROR_MAX_CHARS]
    req.services.store.connections.record_failure(connection, started, error)
    return Response(200, {"status": RUN_ERROR, "error": error})
