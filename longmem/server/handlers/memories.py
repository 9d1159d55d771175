"""Memories: add, add a batch, list, get, update, delete, move, pin and archive."""

from __future__ import annotations

from typing import Any

from ..._protocol import (
    BATCH_SIZE,
    DEFAULT_IMPORTANCE,
    DEFAULT_LIST_LIMIT,
    MAX_CATEGORY_CHARS,
    MAX_LIST_LIMIT,
    MAX_OFFSET,
    MAX_TEXT_CHARS,
)
from .. import wire
from ..context import Request, Response
from ..db import NewMemory
from ..validation import Checker, Loc
from .common import (
    collection_param,
    item_list,
    memory_fields,
    memory_not_found,
    object_body,
    tag_query,
)


def add_memory(req: Request) -> Response:
    collection = collection_param(req)
    body = object_body(req)
    check = Checker()
    fields = memory_fields(check, body, ["body"])
    check.done()
    created = req.services.store.memories.add(
        req.principal, [NewMemory(collection=collection, **fields)]
    )
    return Response(201, wire.memory(created[0]))


def add_batch(req: Request) -> Response:
    collection = collection_param(req)
    body = object_body(req)
    check = Checker()
    # Top-level fields are call-wide defaults; each item's own fields win.
    # A top-level "text" means nothing here and, unknown fields being ignored, must not fail.
    defaults = memory_fields(check, {**body, "text": "-"}, ["body"])
    defaults.pop("text")
    new: list[NewMemory] = []
    for i, item in enumerate(item_list(check, body, "memories", BATCH_SIZE, min_items=1)):
        loc: Loc = ["body", "memories", i]
        if isinstance(item, str):
            item = {"text": item}
        if not isinstance(item, dict):
            check.fail(loc, "Input should be a valid dictionary", "dict_type")
            continue
        new.append(NewMemory(collection=collection, **memory_fields(check, item, loc, defaults)))
    check.done()
    created = req.services.store.memories.add(req.principal, new)
    return Response(201, {"created": len(created), "ids": [m.id for m in created]})


def list_memories(req: Request) -> Response:
    collection = collection_param(req)
    check = Checker()
    limit = check.query_int(req.query, "limit", default=DEFAULT_LIST_LIMIT, lo=1, hi=MAX_LIST_LIMIT)
    offset = check.query_int(req.query, "offset", default=0, lo=0, hi=MAX_OFFSET)
    include_archived = check.query_bool(req.query, "include_archived", default=False)
    include_superseded = check.query_bool(req.query, "include_superseded", default=False)
    container_tag = tag_query(check, req)
    check.done()
    # A collection nobody has written to yet lists as an empty one (a new user's).
    found = req.services.store.memories.page(
        req.principal.tenant_id,
        collection,
        limit,
        offset,
        include_archived,
        include_superseded,
        container_tag,
    )
    return Response(200, [wire.memory(m) for m in found])


def get_memory(req: Request) -> Response:
    collection = collection_param(req)
    memory_id = req.params["memory_id"]
    found = req.services.store.memories.get(req.principal.tenant_id, collection, memory_id)
    if found is None:
        raise memory_not_found(memory_id)
    return Response(200, wire.memory(found))


def update_memory(req: Request) -> Response:
    collection = collection_param(req)
    body = object_body(req)
    check = Checker()
    changes: dict[str, Any] = {}
    if body.get("text") is not None:
        changes["text"] = check.string(body, "text", ["body"], min_len=1, max_len=MAX_TEXT_CHARS)
    if body.get("importance") is not None:
        changes["importance"] = check.number(
            body, "importance", ["body"], default=DEFAULT_IMPORTANCE, lo=0, hi=1
        )
    if body.get("category") is not None:
        changes["category"] = check.string(
            body, "category", ["body"], min_len=1, max_len=MAX_CATEGORY_CHARS
        )
    if body.get("metadata") is not None:
        changes["metadata"] = check.metadata(body, "metadata", ["body"])
    check.done()
    return _update(req, collection, changes)


def _update(req: Request, collection: str, changes: dict[str, Any]) -> Response:
    memory_id = req.params["memory_id"]
    updated = req.services.store.memories.update(
        req.principal.tenant_id, collection, memory_id, changes
    )
    if updated is None:
        raise memory_not_found(memory_id)
    return Response(200, wire.memory(updated))


def delete_memory(req: Request) -> Response:
    collection = collection_param(req)
    memory_id = req.params["memory_id"]
    if not req.services.store.memories.delete(req.principal.tenant_id, collection, [memory_id]):
        raise memory_not_found(memory_id)
    return Response(204)


def move_memory(req: Request) -> Response:
    collection = collection_param(req)
    memory_id = req.params["memory_id"]
    body = object_body(req)
    check = Checker()
    if "to_collection" not in body:
        check.fail(["body", "to_collection"], "Field required", "missing")
        target = None
    else:
        target = check.collection_name(body["to_collection"], ["body", "to_collection"])
    check.done()
    assert target is not None
    moved = req.services.store.memories.move(req.principal.tenant_id, collection, memory_id, target)
    if not moved:
        raise memory_not_found(memory_id)
    return Response(200, {"moved": True, "id": memory_id, "from": collection, "to": target})


def _set_flag(req: Request, flag: str) -> Response:
    collection = collection_param(req)
    body = object_body(req, required=False)
    check = Checker()
    value = check.boolean(body, flag, ["body"], default=True)
    check.done()
    return _update(req, collection, {flag: value})


def pin_memory(req: Request) -> Response:
    return _set_flag(req, "pinned")


def archive_memory(req: Request) -> Response:
    return _set_flag(req, "archived")
