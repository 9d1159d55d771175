"""Search (one collection or all of them) and a memory's nearest neighbours."""

from __future__ import annotations

from typing import Optional

from ..._protocol import (
    DEFAULT_MIN_SCORE,
    DEFAULT_RELATED_LIMIT,
    DEFAULT_RELATED_MIN_SCORE,
    DEFAULT_SEARCH_LIMIT,
    DEFAULT_SEARCH_MODE,
    MAX_CATEGORY_CHARS,
    MAX_CONTAINER_TAG_CHARS,
    MAX_QUERY_CHARS,
    MAX_SEARCH_LIMIT,
    SEARCH_MODES,
)
from ..context import Request, Response
from ..search import SearchRequest
from ..validation import Checker
from .common import collection_param, memory_not_found, object_body


def _search_request(req: Request, collection: Optional[str]) -> SearchRequest:
    body = object_body(req)
    check = Checker()
    query = check.string(body, "query", ["body"], required=True, min_len=1, max_len=MAX_QUERY_CHARS)
    limit = check.integer(
        body, "limit", ["body"], default=DEFAULT_SEARCH_LIMIT, lo=1, hi=MAX_SEARCH_LIMIT
    )
    min_score = check.number(body, "min_score", ["body"], default=DEFAULT_MIN_SCORE, lo=0, hi=1)
    mode = check.choice(body, "mode", ["body"], SEARCH_MODES, default=DEFAULT_SEARCH_MODE)
    category = check.string(
        body, "category", ["body"], min_len=1, max_len=MAX_CATEGORY_CHARS, nullable=True
    )
    container_tag = check.string(
        body, "container_tag", ["body"], max_len=MAX_CONTAINER_TAG_CHARS, nullable=True
    )
    metadata_filter = check.metadata(body, "metadata_filter", ["body"])
    include_history = check.boolean(body, "include_history", ["body"], default=False)
    check.done()
    assert query is not None and mode is not None
    return SearchRequest(
        query=query,
        limit=limit,
        min_score=min_score,
        mode=mode,
        collection=collection,
        category=category,
        container_tag=container_tag,
        metadata_filter=metadata_filter,
        include_history=include_history,
    )


def search_collection(req: Request) -> Response:
    collection = collection_param(req)
    # A collection that does not exist yet searches as an empty one.
    search = _search_request(req, collection)
    return Response(200, {"results": req.services.run_search(req.principal.tenant_id, search)})


def search_tenant(req: Request) -> Response:
    search = _search_request(req, None)
    return Response(200, {"results": req.services.run_search(req.principal.tenant_id, search)})


def related(req: Request) -> Response:
    collection = collection_param(req)
    memory_id = req.params["memory_id"]
    check = Checker()
    limit = check.query_int(
        req.query, "limit", default=DEFAULT_RELATED_LIMIT, lo=1, hi=MAX_SEARCH_LIMIT
    )
    min_score = check.query_float(
        req.query, "min_score", default=DEFAULT_RELATED_MIN_SCORE, lo=0.0, hi=1.0
    )
    check.done()
    tenant_id = req.principal.tenant_id
    found = req.services.store.memories.get(tenant_id, collection, memory_id)
    if found is None:
        raise memory_not_found(memory_id)
    hits = req.services.search.related(tenant_id, collection, found.rid, limit, min_score)
    return Response(200, hits)
