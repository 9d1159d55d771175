"""Export a tenant, and import memories (an export, or any list of memory objects), with
the collections and connections an export holds.

An export restores whole: ids are kept where the server has no memory or connection by
that id yet (a restore into a new server), so supersession links, item maps and anything
outside that names a memory still point at it; where an id is taken, the memory or
connection gets a new one and the links of the call follow it there.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, Optional

from ..._protocol import (
    CONNECTION_STATUSES,
    DEFAULT_COLLECTION,
    MAX_CONNECTION_CURSOR_CHARS,
    MAX_CONNECTION_ITEM_KEY_CHARS,
    MAX_IMPORT_CONNECTION_ITEMS,
    MAX_IMPORT_CONNECTIONS,
    MAX_IMPORT_MEMORIES,
    MAX_IMPORT_REF_CHARS,
    MAX_TEXT_CHARS,
    MEMORY_TYPES,
)
from .. import wire
from ..context import Request, Response
from ..db import NewMemory, Store, Tenant
from ..db.connections import STATUS_ACTIVE, ItemRow, RestoredState
from ..timestamps import iso_now
from ..validation import Checker, Loc
from .common import ARRAYS, item_list, memory_fields, object_body
from .connections import ERROR_MAX_CHARS, NewConnection, connection_fields, store_connection

# The ids the server makes; any other id in an import is only a name for its links.
_MEMORY_ID = re.compile(r"mem_[0-9a-f]{24}")
_CONNECTION_ID = re.compile(r"conn_[0-9a-f]{24}")
# Memories stored per call of Memories.add, inside the import's one transaction: what the
# import holds at once, rather than every memory of the call.
_STORE_BATCH = 100


def export_account(req: Request) -> Response:
    """The tenant's collections, memories and connections; GET /v1/memory/admin/export →
    200 Export. Credentials are never exported: ``credentials_omitted`` names the
    connections that have some."""
    store = req.services.store
    tenant_id = req.principal.tenant_id
    tenant = store.keys.tenant(tenant_id) or Tenant(tenant_id, tenant_id, "")
    snapshot = store.portability.export(tenant_id)
    return Response(
        200,
        {
            "tenant": wire.tenant(tenant),
            "collections": [wire.collection(c) for c in snapshot.collections],
            "memories": [wire.memory(m) for m in snapshot.memories],
            "connections": [wire.exported_connection(c, i) for c, i in snapshot.connections],
            "credentials_omitted": [c.id for c, _ in snapshot.connections if c.credentials],
            "exported_at": iso_now(),
            "truncated": snapshot.truncated,
        },
    )


@dataclass
class _Collection:
    name: str
    description: Optional[str]
    metadata: dict[str, Any]
    created_at: Optional[str]


def _import_collections(check: Checker, body: Mapping[str, Any]) -> Iterator[_Collection]:
    raw = body.get("collections")
    if raw is None:
        return
    if not isinstance(raw, ARRAYS):
        check.fail(["body", "collections"], "Input should be a valid list", "list_type")
        return
    for i, item in enumerate(raw):
        loc: Loc = ["body", "collections", i]
        if not isinstance(item, dict):
            check.fail(loc, "Input should be a valid dictionary", "dict_type")
            continue
        name = check.collection_name(item.get("name"), [*loc, "name"])
        description = check.string(item, "description", loc, nullable=True)
        metadata = check.metadata(item, "metadata", loc) or {}
        created_at = check.timestamp(item, "created_at", loc)
        if name is not None:
            yield _Collection(name, description, metadata, created_at)


def _key_fields(check: Checker, item: Mapping[str, Any], loc: Loc) -> dict[str, Any]:
    """A remembered fact's key and provenance, as an export has them."""
    fields: dict[str, Any] = {
        name: check.string(item, name, loc, max_len=MAX_TEXT_CHARS, nullable=True)
        for name in ("subject", "attribute", "value", "statement")
    }
    fields["negated"] = check.boolean(item, "negated", loc, default=False)
    if fields["attribute"] is None:  # a key without an attribute keys nothing
        fields.update(subject=None, value=None, negated=False)
    return fields


def _created_by(check: Checker, item: Mapping[str, Any], loc: Loc) -> Optional[tuple[str, str]]:
    """The export's ``{"id", "label"}`` of the key that made the memory; None: the caller."""
    value = item.get("created_by")
    if value is None:
        return None
    here = [*loc, "created_by"]
    if not isinstance(value, dict):
        check.fail(here, "Input should be a valid dictionary", "dict_type")
        return None
    key_id = check.string(value, "id", here, required=True, min_len=1, max_len=MAX_IMPORT_REF_CHARS)
    label = check.string(value, "label", here, required=True, max_len=MAX_IMPORT_REF_CHARS)
    return None if key_id is None or label is None else (key_id, label)


@dataclass
class _Connection:
    """A connection to restore: ``state.items`` still name the export's memory ids."""

    old_id: Optional[str]
    new: NewConnection
    state: RestoredState


def _item_rows(check: Checker, item: Mapping[str, Any], loc: Loc) -> list[ItemRow]:
    raw = item.get("items")
    here = [*loc, "items"]
    if raw is None:
        return []
    if not isinstance(raw, list):
        check.fail(here, "Input should be a valid list", "list_type")
        return []
    if len(raw) > MAX_IMPORT_CONNECTION_ITEMS:
        check.fail(
            here, f"List should have at most {MAX_IMPORT_CONNECTION_ITEMS} items", "too_long"
        )
        return []
    rows: list[ItemRow] = []
    for j, row in enumerate(raw):
        at: Loc = [*here, j]
        if not isinstance(row, dict):
            check.fail(at, "Input should be a valid dictionary", "dict_type")
            continue
        key = check.string(
            row, "key", at, required=True, min_len=1, max_len=MAX_CONNECTION_ITEM_KEY_CHARS
        )
        memory_id = check.string(
            row, "memory_id", at, required=True, min_len=1, max_len=MAX_IMPORT_REF_CHARS
        )
        content_hash = check.string(
            row, "content_hash", at, required=True, min_len=1, max_len=MAX_IMPORT_REF_CHARS
        )
        if key is not None and memory_id is not None and content_hash is not None:
            rows.append((key, memory_id, content_hash))
    return rows


def _import_connections(
    check: Checker, body: Mapping[str, Any], roots: Sequence[str], into: Optional[str]
) -> Iterator[_Connection]:
    raw = body.get("connections")
    if raw is None:
        return
    if not isinstance(raw, ARRAYS):
        check.fail(["body", "connections"], "Input should be a valid list", "list_type")
        return
    if len(raw) > MAX_IMPORT_CONNECTIONS:
        check.fail(
            ["body", "connections"],
            f"List should have at most {MAX_IMPORT_CONNECTIONS} items",
            "too_long",
        )
        return
    for i, item in enumerate(raw):
        loc: Loc = ["body", "connections", i]
        if not isinstance(item, dict):
            check.fail(loc, "Input should be a valid dictionary", "dict_type")
            continue
        new = connection_fields(check, item, loc, roots)
        status = check.choice(item, "status", loc, CONNECTION_STATUSES, default=STATUS_ACTIVE)
        state = RestoredState(
            status=status or STATUS_ACTIVE,
            cursor=check.string(
                item, "cursor", loc, max_len=MAX_CONNECTION_CURSOR_CHARS, nullable=True
            ),
            last_synced_at=check.timestamp(item, "last_synced_at", loc),
            last_error=check.string(
                item, "last_error", loc, max_len=ERROR_MAX_CHARS, nullable=True
            ),
            created_at=check.timestamp(item, "created_at", loc) or iso_now(),
            items=_item_rows(check, item, loc),
        )
        if new is None:
            continue
        if into is not None:
            new.collection = into  # it syncs where its memories went
        old_id = item["id"] if isinstance(item.get("id"), str) else None
        yield _Connection(old_id, new, state)


@dataclass
class _Memory:
    """A memory to import, and its id and the id it superseded in its export."""

    new: NewMemory
    old_id: Optional[str]
    old_link: Optional[str]


def _import_memories(
    check: Checker, body: Mapping[str, Any], into: Optional[str]
) -> Iterator[Optional[_Memory]]:
    """Each item of ``memories``, checked; None for one skipped (no usable text)."""
    for i, item in enumerate(item_list(check, body, "memories", MAX_IMPORT_MEMORIES)):
        loc: Loc = ["body", "memories", i]
        text = item.get("text") if isinstance(item, dict) else None
        if not isinstance(text, str) or not text.strip():
            yield None
            continue
        assert isinstance(item, dict)
        fields = memory_fields(check, item, loc)
        collection = into
        if collection is None:
            collection = DEFAULT_COLLECTION
            if item.get("collection") is not None:
                collection = check.collection_name(item["collection"], [*loc, "collection"])
        memory = NewMemory(
            collection=collection or DEFAULT_COLLECTION,
            type=check.choice(item, "type", loc, MEMORY_TYPES, default=None),
            pinned=check.boolean(item, "pinned", loc, default=False),
            archived=check.boolean(item, "archived", loc, default=False),
            is_latest=check.boolean(item, "is_latest", loc, default=True),
            expires_at=check.timestamp(item, "expires_at", loc),
            created_at=check.timestamp(item, "created_at", loc),
            updated_at=check.timestamp(item, "updated_at", loc),
            valid_from=check.timestamp(item, "valid_from", loc),
            observed_at=check.timestamp(item, "observed_at", loc),
            created_by=_created_by(check, item, loc),
            **_key_fields(check, item, loc),
            **fields,
        )
        # Anything but a string is no id, and is ignored like any field import does not
        # read.
        yield _Memory(
            memory,
            item["id"] if isinstance(item.get("id"), str) else None,
            item["supersedes"] if isinstance(item.get("supersedes"), str) else None,
        )


def _kept_ids(
    store: Store, table: str, ids: Sequence[Optional[str]], form: re.Pattern[str]
) -> list[Optional[str]]:
    """Each id where it can be kept — of the server's form, used by nothing on the server
    and not earlier in the call — else None (a new one is made)."""
    candidates = [i for i in ids if i is not None and form.fullmatch(i)]
    taken = store.portability.taken(table, candidates)
    kept: list[Optional[str]] = []
    for old in ids:
        if old is not None and form.fullmatch(old) and old not in taken:
            taken.add(old)
            kept.append(old)
        else:
            kept.append(None)
    return kept


def import_memories(req: Request) -> Response:
    """Import memories, collections and connections in one transaction; POST
    /v1/memory/admin/import → 200 {imported, skipped, collections, connections}; 422."""
    body = object_body(req)
    check = Checker()
    into: Optional[str] = None
    if body.get("into_collection") is not None:
        into = check.collection_name(body["into_collection"], ["body", "into_collection"])
    roots = req.services.roots_of(req.principal.tenant_id)
    # The body's arrays are read twice, an element at a time (a large body is spooled, see
    # jsonbody.py): to check every item, then, all good, to store them. The first read
    # keeps only what storing needs before the items: their ids, links and collections.
    names = {spec.name for spec in _import_collections(check, body)}
    if into is not None:
        # Every memory lands in `into`: the export's collections would be created empty.
        names = set()
    old_ids: list[Optional[str]] = []
    old_links: list[Optional[str]] = []
    skipped = 0
    for memory in _import_memories(check, body, into):
        if memory is None:
            skipped += 1
            continue
        names.add(memory.new.collection)
        old_ids.append(memory.old_id)
        old_links.append(memory.old_link)
    old_connections = [c.old_id for c in _import_connections(check, body, roots, into)]
    check.done()
    store = req.services.store
    tenant_id = req.principal.tenant_id

    def store_all() -> Response:
        again = Checker()  # the second read finds what the first did: nothing wrong
        with store.write():
            # One transaction: the collections, memories and connections land together or
            # not at all, and no other write can take an id between the look and the insert.
            connection_ids = [
                kept or store.connections.new_id()
                for kept in _kept_ids(store, "connections", old_connections, _CONNECTION_ID)
            ]
            moved: dict[str, str] = {}
            for old, connection_id in zip(old_connections, connection_ids):
                if old is not None:
                    moved.setdefault(old, connection_id)
            kept_ids = iter(_kept_ids(store, "memories", old_ids, _MEMORY_ID))
            if into is None:
                for spec in _import_collections(again, body):
                    store.collections.ensure(
                        tenant_id, spec.name, spec.description, spec.metadata, spec.created_at
                    )
            stored_ids: list[str] = []
            renamed: dict[str, str] = {}
            memories = (m for m in _import_memories(again, body, into) if m is not None)
            while batch := list(itertools.islice(memories, _STORE_BATCH)):
                for memory in batch:
                    memory.new.id = next(kept_ids)
                    # A synced memory names its connection; it follows the connection's new
                    # id.
                    metadata = memory.new.metadata
                    named = metadata.get("connection_id")
                    if isinstance(named, str) and moved.get(named, named) != named:
                        memory.new.metadata = {**metadata, "connection_id": moved[named]}
                created = store.memories.add(req.principal, [memory.new for memory in batch])
                for memory, stored in zip(batch, created):
                    stored_ids.append(stored.id)
                    if memory.old_id is not None:
                        renamed.setdefault(memory.old_id, stored.id)
            # A link to an item of the call follows it to its id here; any other link
            # stays as it is, and holds if the tenant has a memory by that id.
            links = [
                (stored_id, renamed.get(old, old))
                for old, stored_id in zip(old_links, stored_ids)
                if old is not None
            ]
            store.memories.relink(tenant_id, links)
            restored = _import_connections(again, body, roots, into)
            for connection, connection_id in zip(restored, connection_ids):
                items = [(key, renamed.get(m, m), h) for key, m, h in connection.state.items]
                state = replace(connection.state, items=items)
                store_connection(req, connection_id, connection.new, state)
            again.done()
        return Response(
            200,
            {
                "imported": len(old_ids),
                "skipped": skipped,
                "collections": sorted(names),
                "connections": len(old_connections),
            },
        )

    # Under an Idempotency-Key, with its look-up and record (Replay.PREPARED): the
    # checking above ran outside the writer lock, other writes going on meanwhile.
    return req.commit(store_all)
