"""Handlers for health, collections, memories, search and export/import.

Each handler validates its input with a ``Checker`` (all problems at once, 422), then
makes one store or search call. Auth, limits and idempotency happened in the app.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Optional

from .._version import __version__
from .context import HTTPError, Request, Response
from .search import MODES, SearchRequest
from .store import NewMemory, iso_now
from .validation import (
    BATCH_MAX,
    CATEGORY_MAX,
    CONTAINER_TAG_MAX,
    IMPORT_MAX,
    LIST_LIMIT_MAX,
    MEMORY_TYPES,
    QUERY_MAX,
    SEARCH_LIMIT_MAX,
    SOURCE_MAX,
    TEXT_MAX,
    Checker,
    Loc,
)

DEFAULT_LIST_LIMIT = 50
DEFAULT_SEARCH_LIMIT = 10
DEFAULT_MIN_SCORE = 0.3
DEFAULT_RELATED_LIMIT = 5
DEFAULT_IMPORT_COLLECTION = "default"


# -- helpers ------------------------------------------------------------------------------


def _object_body(req: Request, *, required: bool = True) -> dict[str, Any]:
    body = req.body
    if body is None and not required:
        return {}
    if body is None:
        raise HTTPError(422, [{"loc": ["body"], "msg": "Field required", "type": "missing"}])
    if not isinstance(body, dict):
        raise HTTPError(
            422,
            [{"loc": ["body"], "msg": "Input should be a valid dictionary", "type": "dict_type"}],
        )
    return body


def _collection_param(req: Request) -> str:
    check = Checker()
    name = check.collection_name(req.params["collection"], ["path", "collection"])
    check.done()
    assert name is not None
    return name


def _existing_collection(req: Request) -> str:
    name = _collection_param(req)
    if not req.services.store.collection_exists(req.principal.tenant_id, name):
        raise HTTPError(404, f"Collection '{name}' not found")
    return name


def _not_found_memory(memory_id: str) -> HTTPError:
    return HTTPError(404, f"Memory '{memory_id}' not found")


def _memory_fields(
    check: Checker, src: Mapping[str, Any], loc: Loc, defaults: Mapping[str, Any]
) -> dict[str, Any]:
    """The add-body fields of one memory, defaults filled in."""
    fields: dict[str, Any] = {
        "text": check.string(src, "text", loc, required=True, min_len=1, max_len=TEXT_MAX),
        "importance": check.number(
            src, "importance", loc, default=defaults.get("importance", 0.7), lo=0.0, hi=1.0
        ),
        "category": check.string(
            src,
            "category",
            loc,
            default=defaults.get("category", "other"),
            min_len=1,
            max_len=CATEGORY_MAX,
            nullable=True,
        ),
        "source": check.string(
            src,
            "source",
            loc,
            default=defaults.get("source", "api"),
            max_len=SOURCE_MAX,
            nullable=True,
        ),
        "metadata": check.metadata(src, "metadata", loc),
        "container_tag": check.string(
            src,
            "container_tag",
            loc,
            default=defaults.get("container_tag"),
            max_len=CONTAINER_TAG_MAX,
            nullable=True,
        ),
    }
    if fields["metadata"] is None:
        fields["metadata"] = dict(defaults.get("metadata") or {})
    if fields["category"] is None:
        fields["category"] = defaults.get("category", "other")
    if fields["source"] is None:
        fields["source"] = defaults.get("source", "api")
    return fields


# -- service ------------------------------------------------------------------------------


def health(req: Request) -> Response:
    return Response(200, {"status": "ok", "version": __version__})


# -- collections --------------------------------------------------------------------------


def list_collections(req: Request) -> Response:
    return Response(200, req.services.store.list_collections(req.principal.tenant_id))


def create_collection(req: Request) -> Response:
    body = _object_body(req)
    check = Checker()
    name = check.collection_name(body.get("name"), ["body", "name"]) if "name" in body else None
    if "name" not in body:
        check.fail(["body", "name"], "Field required", "missing")
    description = check.string(body, "description", ["body"], nullable=True)
    metadata = check.metadata(body, "metadata", ["body"])
    check.done()
    assert name is not None
    created = req.services.store.create_collection(
        req.principal.tenant_id, name, description, metadata
    )
    if created is None:
        raise HTTPError(409, f"Collection '{name}' already exists")
    return Response(201, created)


def get_collection(req: Request) -> Response:
    name = _collection_param(req)
    found = req.services.store.get_collection(req.principal.tenant_id, name)
    if found is None:
        raise HTTPError(404, f"Collection '{name}' not found")
    return Response(200, found)


def update_collection(req: Request) -> Response:
    name = _collection_param(req)
    body = _object_body(req, required=False)
    check = Checker()
    description = check.string(body, "description", ["body"], nullable=True)
    metadata = check.metadata(body, "metadata", ["body"])
    check.done()
    updated = req.services.store.update_collection(
        req.principal.tenant_id,
        name,
        description,
        metadata,
        set_description="description" in body,
        set_metadata="metadata" in body and body["metadata"] is not None,
    )
    if updated is None:
        raise HTTPError(404, f"Collection '{name}' not found")
    return Response(200, updated)


def delete_collection(req: Request) -> Response:
    name = _collection_param(req)
    if not req.services.store.delete_collection(req.principal.tenant_id, name):
        raise HTTPError(404, f"Collection '{name}' not found")
    return Response(204)


# -- memories -----------------------------------------------------------------------------


def add_memory(req: Request) -> Response:
    collection = _collection_param(req)
    body = _object_body(req)
    check = Checker()
    fields = _memory_fields(check, body, ["body"], {})
    check.done()
    created = req.services.store.add_memories(
        req.principal, [NewMemory(collection=collection, **fields)]
    )
    return Response(201, created[0])


def add_batch(req: Request) -> Response:
    collection = _collection_param(req)
    body = _object_body(req)
    check = Checker()
    # Top-level fields are call-wide defaults; each item's own fields win.
    # A top-level "text" means nothing here and, unknown fields being ignored, must not fail.
    defaults = _memory_fields(check, {**body, "text": "-"}, ["body"], {})
    defaults.pop("text")
    items = body.get("memories")
    if items is None:
        check.fail(["body", "memories"], "Field required", "missing")
        items = []
    elif not isinstance(items, list):
        check.fail(["body", "memories"], "Input should be a valid list", "list_type")
        items = []
    elif not items:
        check.fail(["body", "memories"], "List should have at least 1 item", "too_short")
    elif len(items) > BATCH_MAX:
        check.fail(["body", "memories"], f"List should have at most {BATCH_MAX} items", "too_long")
        items = []
    new: list[NewMemory] = []
    for i, item in enumerate(items):
        loc: Loc = ["body", "memories", i]
        if isinstance(item, str):
            item = {"text": item}
        if not isinstance(item, dict):
            check.fail(loc, "Input should be a valid dictionary", "dict_type")
            continue
        fields = _memory_fields(check, item, loc, defaults)
        new.append(NewMemory(collection=collection, **fields))
    check.done()
    created = req.services.store.add_memories(req.principal, new)
    return Response(201, {"created": len(created), "ids": [m["id"] for m in created]})


def list_memories(req: Request) -> Response:
    collection = _collection_param(req)
    check = Checker()
    limit = check.query_int(req.query, "limit", default=DEFAULT_LIST_LIMIT, lo=1, hi=LIST_LIMIT_MAX)
    offset = check.query_int(req.query, "offset", default=0, lo=0, hi=2**62)
    include_archived = check.query_bool(req.query, "include_archived", default=False)
    check.done()
    store = req.services.store
    tenant_id = req.principal.tenant_id
    if not store.collection_exists(tenant_id, collection):
        raise HTTPError(404, f"Collection '{collection}' not found")
    return Response(
        200, store.list_memories(tenant_id, collection, limit, offset, include_archived)
    )


def get_memory(req: Request) -> Response:
    collection = _collection_param(req)
    memory_id = req.params["memory_id"]
    found = req.services.store.get_memory(req.principal.tenant_id, collection, memory_id)
    if found is None:
        raise _not_found_memory(memory_id)
    return Response(200, found)


def update_memory(req: Request) -> Response:
    collection = _collection_param(req)
    memory_id = req.params["memory_id"]
    body = _object_body(req)
    check = Checker()
    changes: dict[str, Any] = {}
    if body.get("text") is not None:
        changes["text"] = check.string(body, "text", ["body"], min_len=1, max_len=TEXT_MAX)
    if body.get("importance") is not None:
        changes["importance"] = check.number(body, "importance", ["body"], default=0.7, lo=0, hi=1)
    if body.get("category") is not None:
        changes["category"] = check.string(
            body, "category", ["body"], min_len=1, max_len=CATEGORY_MAX
        )
    if body.get("metadata") is not None:
        changes["metadata"] = check.metadata(body, "metadata", ["body"])
    check.done()
    updated = req.services.store.update_memory(
        req.principal.tenant_id, collection, memory_id, changes
    )
    if updated is None:
        raise _not_found_memory(memory_id)
    return Response(200, updated)


def delete_memory(req: Request) -> Response:
    collection = _collection_param(req)
    memory_id = req.params["memory_id"]
    if not req.services.store.delete_memory(req.principal.tenant_id, collection, memory_id):
        raise _not_found_memory(memory_id)
    return Response(204)


def move_memory(req: Request) -> Response:
    collection = _collection_param(req)
    memory_id = req.params["memory_id"]
    body = _object_body(req)
    check = Checker()
    if "to_collection" not in body:
        check.fail(["body", "to_collection"], "Field required", "missing")
        target = None
    else:
        target = check.collection_name(body["to_collection"], ["body", "to_collection"])
    check.done()
    assert target is not None
    if not req.services.store.move_memory(req.principal.tenant_id, collection, memory_id, target):
        raise _not_found_memory(memory_id)
    return Response(200, {"moved": True, "id": memory_id, "from": collection, "to": target})


def _set_flag(req: Request, flag: str) -> Response:
    collection = _collection_param(req)
    memory_id = req.params["memory_id"]
    body = _object_body(req, required=False)
    check = Checker()
    value = check.boolean(body, flag, ["body"], default=True)
    check.done()
    updated = req.services.store.update_memory(
        req.principal.tenant_id, collection, memory_id, {flag: value}
    )
    if updated is None:
        raise _not_found_memory(memory_id)
    return Response(200, updated)


def pin_memory(req: Request) -> Response:
    return _set_flag(req, "pinned")


def archive_memory(req: Request) -> Response:
    return _set_flag(req, "archived")


def related(req: Request) -> Response:
    collection = _collection_param(req)
    memory_id = req.params["memory_id"]
    check = Checker()
    limit = check.query_int(
        req.query, "limit", default=DEFAULT_RELATED_LIMIT, lo=1, hi=SEARCH_LIMIT_MAX
    )
    min_score = check.query_float(req.query, "min_score", default=0.0, lo=0.0, hi=1.0)
    check.done()
    tenant_id = req.principal.tenant_id
    row = req.services.store.get_memory_row(tenant_id, collection, memory_id)
    if row is None:
        raise _not_found_memory(memory_id)
    hits = req.services.search.related(tenant_id, collection, row["rid"], limit, min_score)
    return Response(200, hits)


# -- search -------------------------------------------------------------------------------


def _search_request(req: Request, collection: Optional[str]) -> SearchRequest:
    body = _object_body(req)
    check = Checker()
    query = check.string(body, "query", ["body"], required=True, min_len=1, max_len=QUERY_MAX)
    limit = check.integer(
        body, "limit", ["body"], default=DEFAULT_SEARCH_LIMIT, lo=1, hi=SEARCH_LIMIT_MAX
    )
    min_score = check.number(body, "min_score", ["body"], default=DEFAULT_MIN_SCORE, lo=0, hi=1)
    mode = body.get("mode")
    if mode is None:
        mode = "hybrid"
    elif mode not in MODES:
        check.fail(["body", "mode"], "Input should be 'hybrid', 'vector' or 'text'", "enum")
    category = check.string(
        body, "category", ["body"], min_len=1, max_len=CATEGORY_MAX, nullable=True
    )
    container_tag = check.string(
        body, "container_tag", ["body"], max_len=CONTAINER_TAG_MAX, nullable=True
    )
    metadata_filter = check.metadata(body, "metadata_filter", ["body"])
    check.done()
    assert query is not None
    return SearchRequest(
        query=query,
        limit=limit,
        min_score=min_score,
        mode=str(mode),
        collection=collection,
        category=category,
        container_tag=container_tag,
        metadata_filter=metadata_filter,
    )


def search_collection(req: Request) -> Response:
    collection = _collection_param(req)
    search = _search_request(req, collection)
    if not req.services.store.collection_exists(req.principal.tenant_id, collection):
        raise HTTPError(404, f"Collection '{collection}' not found")
    return Response(200, {"results": req.services.search.search(req.principal.tenant_id, search)})


def search_tenant(req: Request) -> Response:
    search = _search_request(req, None)
    return Response(200, {"results": req.services.search.search(req.principal.tenant_id, search)})


# -- export / import ----------------------------------------------------------------------


def export_account(req: Request) -> Response:
    store = req.services.store
    tenant_id = req.principal.tenant_id
    tenant = store.get_tenant(tenant_id) or {"id": tenant_id, "name": tenant_id}
    collections, memories, truncated = store.export(tenant_id)
    return Response(
        200,
        {
            "tenant": {"id": tenant["id"], "name": tenant["name"]},
            "collections": collections,
            "memories": memories,
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


def import_memories(req: Request) -> Response:
    body = _object_body(req)
    check = Checker()
    into: Optional[str] = None
    if body.get("into_collection") is not None:
        into = check.collection_name(body["into_collection"], ["body", "into_collection"])
    collections = _import_collections(check, body)
    items = body.get("memories")
    if items is None:
        check.fail(["body", "memories"], "Field required", "missing")
        items = []
    elif not isinstance(items, list):
        check.fail(["body", "memories"], "Input should be a valid list", "list_type")
        items = []
    elif len(items) > IMPORT_MAX:
        check.fail(["body", "memories"], f"List should have at most {IMPORT_MAX} items", "too_long")
        items = []
    new: list[NewMemory] = []
    skipped = 0
    for i, item in enumerate(items):
        loc: Loc = ["body", "memories", i]
        text = item.get("text") if isinstance(item, dict) else None
        if not isinstance(text, str) or not text.strip():
            skipped += 1
            continue
        assert isinstance(item, dict)
        fields = _memory_fields(check, item, loc, {})
        collection = into
        if collection is None:
            collection = DEFAULT_IMPORT_COLLECTION
            if item.get("collection") is not None:
                collection = check.collection_name(item["collection"], [*loc, "collection"])
        kind = item.get("type")
        if kind is not None and kind not in MEMORY_TYPES:
            check.fail([*loc, "type"], "Input should be 'fact', 'preference' or 'episode'", "enum")
        new.append(
            NewMemory(
                collection=collection or DEFAULT_IMPORT_COLLECTION,
                type=kind,
                pinned=check.boolean(item, "pinned", loc, default=False),
                archived=check.boolean(item, "archived", loc, default=False),
                is_latest=check.boolean(item, "is_latest", loc, default=True),
                expires_at=check.timestamp(item, "expires_at", loc),
                created_at=check.timestamp(item, "created_at", loc),
                updated_at=check.timestamp(item, "updated_at", loc),
                **fields,
            )
        )
    check.done()
    store = req.services.store
    tenant_id = req.principal.tenant_id
    with store.write():
        # One transaction: the collections and every memory land together or not at all.
        store.ensure_collections(tenant_id, collections)
        store.add_memories(req.principal, new)
    names = sorted({c[0] for c in collections} | {m.collection for m in new})
    return Response(200, {"imported": len(new), "skipped": skipped, "collections": names})


# -- part 2 -------------------------------------------------------------------------------


def not_implemented(req: Request) -> Response:
    raise HTTPError(501, "Not implemented by this local server yet")
