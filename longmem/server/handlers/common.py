"""What every handler module shares: reading the body and the collection, the 404s, and
the fields of a memory as add, batch and import take them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Optional

from ..._protocol import (
    DEFAULT_CATEGORY,
    DEFAULT_IMPORTANCE,
    MAX_CATEGORY_CHARS,
    MAX_CONTAINER_TAG_CHARS,
    MAX_SOURCE_CHARS,
    MAX_TEXT_CHARS,
    SOURCE_API,
)
from ..context import HTTPError, Request
from ..jsonbody import SpooledArray
from ..validation import Checker, Loc

# What a JSON array of a body is: a list, or (a streamed body's) a SpooledArray.
ARRAYS = (list, SpooledArray)


def object_body(req: Request, *, required: bool = True) -> Mapping[str, Any]:
    """The JSON object body; 422 when it is missing (unless optional) or not an object.
    A streamed route's is a jsonbody.SpooledObject, its arrays read an element at a time."""
    body = req.body
    if body is None and not required:
        return {}
    if body is None:
        raise HTTPError(422, [{"loc": ["body"], "msg": "Field required", "type": "missing"}])
    if not isinstance(body, Mapping):
        raise HTTPError(
            422,
            [{"loc": ["body"], "msg": "Input should be a valid dictionary", "type": "dict_type"}],
        )
    return body


def collection_param(req: Request) -> str:
    """The ``{collection}`` path segment, checked (422 when it is not a valid name)."""
    check = Checker()
    name = check.collection_name(req.params["collection"], ["path", "collection"])
    check.done()
    assert name is not None
    return name


def collection_not_found(name: str) -> HTTPError:
    return HTTPError(404, f"Collection '{name}' not found")


def require_collection(req: Request, name: str) -> None:
    """404 unless the caller's tenant has the collection."""
    if not req.services.store.collections.exists(req.principal.tenant_id, name):
        raise collection_not_found(name)


def tag_query(check: Checker, req: Request) -> Optional[str]:
    """The ``container_tag`` query parameter of a read: one tag, or None for every tag."""
    return check.string(req.query, "container_tag", ["query"], max_len=MAX_CONTAINER_TAG_CHARS)


def memory_not_found(memory_id: str) -> HTTPError:
    return HTTPError(404, f"Memory '{memory_id}' not found")


def item_list(
    check: Checker, body: Mapping[str, Any], name: str, max_items: int, min_items: int = 0
) -> Iterable[Any]:
    """A required list field of ``min_items`` to ``max_items`` (a list, or a streamed
    body's SpooledArray); [] (with the problem recorded) when it is missing, not a list
    or too long."""
    items = body.get(name)
    loc = ["body", name]
    if name not in body:
        check.fail(loc, "Field required", "missing")
    elif not isinstance(items, ARRAYS):  # null included: a required field sent as null
        check.fail(loc, "Input should be a valid list", "list_type")
    elif len(items) < min_items:
        check.fail(loc, f"List should have at least {min_items} item", "too_short")
    elif len(items) > max_items:
        check.fail(loc, f"List should have at most {max_items} items", "too_long")
    else:
        return items
    return []


def memory_fields(
    check: Checker, src: Mapping[str, Any], loc: Loc, defaults: Optional[Mapping[str, Any]] = None
) -> dict[str, Any]:
    """The add-body fields of one memory, with ``defaults`` (a batch's call-wide fields,
    else the protocol's) filling what it leaves out."""
    defaults = defaults or {}
    importance = defaults.get("importance", DEFAULT_IMPORTANCE)
    category = defaults.get("category", DEFAULT_CATEGORY)
    source = defaults.get("source", SOURCE_API)
    fields: dict[str, Any] = {
        "text": check.string(src, "text", loc, required=True, min_len=1, max_len=MAX_TEXT_CHARS),
        "importance": check.number(src, "importance", loc, default=importance, lo=0.0, hi=1.0),
        "category": check.string(
            src,
            "category",
            loc,
            default=category,
            min_len=1,
            max_len=MAX_CATEGORY_CHARS,
            nullable=True,
        ),
        "source": check.string(
            src, "source", loc, default=source, max_len=MAX_SOURCE_CHARS, nullable=True
        ),
        "metadata": check.metadata(src, "metadata", loc),
        "container_tag": check.string(
            src,
            "container_tag",
            loc,
            default=defaults.get("container_tag"),
            max_len=MAX_CONTAINER_TAG_CHARS,
            nullable=True,
        ),
    }
    if fields["metadata"] is None:
        fields["metadata"] = dict(defaults.get("metadata") or {})
    if fields["category"] is None:
        fields["category"] = category
    if fields["source"] is None:
        fields["source"] = source
    return fields
