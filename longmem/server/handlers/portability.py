"""Export a tenant, and import memories (an export, or any list of memory objects)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Optional

from ..._protocol import DEFAULT_COLLECTION, MAX_IMPORT_MEMORIES, MAX_TEXT_CHARS, MEMORY_TYPES
from .. import wire
from ..context import Request, Response
from ..db import NewMemory, Tenant
from ..timestamps import iso_now
from ..validation import Checker, Loc
from .common import item_list, memory_fields, object_body


def export_account(req: Request) -> Response:
    store = req.services.store
    tenant_id = req.principal.tenant_id
    tenant = store.keys.tenant(tenant_id) or Tenant(tenant_id, tenant_id, "")
    collections, memories, truncated = store.portability.export(tenant_id)
    return Response(
        200,
        {
            "tenant": wire.tenant(tenant),
            "collections": [wire.collection(c) for c in collections],
            "memories": [wire.memory(m) for m in memories],
            "exported_at": iso_now(),
            "truncated": truncated,
        },
    )


def _import_collections(
    check: Checker, body: Mapping[str, Any]
) -> list[tuple[str, Optional[str], dict[str, Any]]]:
    raw = body.get("collections")
    if raw is None:
        return []
    if not isinstance(raw, list):
        check.fail(["body", "collections"], "Input should be a valid list", "list_type")
        return []
    out = []
    for i, item in enumerate(raw):
        loc: Loc = ["body", "collections", i]
        if not isinstance(item, dict):
            check.fail(loc, "Input should be a valid dictionary", "dict_type")
            continue
        name = check.collection_name(item.get("name"), [*loc, "name"])
        description = check.string(item, "description", loc, nullable=True)
        metadata = check.metadata(item, "metadata", loc) or {}
        if name is not None:
            out.append((name, description, metadata))
    return out


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


def import_memories(req: Request) -> Response:
    body = object_body(req)
    check = Checker()
    into: Optional[str] = None
    if body.get("into_collection") is not None:
        into = check.collection_name(body["into_collection"], ["body", "into_collection"])
    collections = _import_collections(check, body)
    if into is not None:
        # Every memory lands in `into`: the export's collections would be created empty.
        collections = []
    new: list[NewMemory] = []
    # Each imported memory's id in its export, and the id it superseded there.
    old_ids: list[Optional[str]] = []
    old_links: list[Optional[str]] = []
    skipped = 0
    for i, item in enumerate(item_list(check, body, "memories", MAX_IMPORT_MEMORIES)):
        loc: Loc = ["body", "memories", i]
        text = item.get("text") if isinstance(item, dict) else None
        if not isinstance(text, str) or not text.strip():
            skipped += 1
            continue
        assert isinstance(item, dict)
        fields = memory_fields(check, item, loc)
        collection = into
        if collection is None:
            collection = DEFAULT_COLLECTION
            if item.get("collection") is not None:
                collection = check.collection_name(item["collection"], [*loc, "collection"])
        new.append(
            NewMemory(
                collection=collection or DEFAULT_COLLECTION,
                type=check.choice(item, "type", loc, MEMORY_TYPES, default=None),
                pinned=check.boolean(item, "pinned", loc, default=False),
                archived=check.boolean(item, "archived", loc, default=False),
                is_latest=check.boolean(item, "is_latest", loc, default=True),
                expires_at=check.timestamp(item, "expires_at", loc),
                created_at=check.timestamp(item, "created_at", loc),
                updated_at=check.timestamp(item, "updated_at", loc),
                valid_from=check.timestamp(item, "valid_from", loc),
                **_key_fields(check, item, loc),
                **fields,
            )
        )
        # Only used to restore links between the imported memories: anything but a
        # string is no id, and is ignored like any field import does not read.
        old_ids.append(item["id"] if isinstance(item.get("id"), str) else None)
        old_links.append(item["supersedes"] if isinstance(item.get("supersedes"), str) else None)
    check.done()
    store = req.services.store
    tenant_id = req.principal.tenant_id
    with store.write():
        # One transaction: the collections and every memory land together or not at all.
        for name, description, metadata in collections:
            store.collections.ensure(tenant_id, name, description, metadata)
        created = store.memories.add(req.principal, new)
        # Ids are reassigned: a supersession link follows its memories to their new ids.
        renamed = {old: m.id for old, m in zip(old_ids, created) if old is not None}
        links = [(m.id, renamed[old]) for old, m in zip(old_links, created) if old in renamed]
        store.memories.relink(tenant_id, links)
    names = sorted({c[0] for c in collections} | {m.collection for m in new})
    return Response(200, {"imported": len(new), "skipped": skipped, "collections": names})
