"""Collections: list, create, get, update, delete."""

from __future__ import annotations

from .. import wire
from ..context import HTTPError, Request, Response
from ..validation import Checker
from .common import collection_not_found, collection_param, object_body


def list_collections(req: Request) -> Response:
    found = req.services.store.collections.of_tenant(req.principal.tenant_id)
    return Response(200, [wire.collection(c) for c in found])


def create_collection(req: Request) -> Response:
    body = object_body(req)
    check = Checker()
    name = check.collection_name(body.get("name"), ["body", "name"]) if "name" in body else None
    if "name" not in body:
        check.fail(["body", "name"], "Field required", "missing")
    description = check.string(body, "description", ["body"], nullable=True)
    metadata = check.metadata(body, "metadata", ["body"])
    check.done()
    assert name is not None
    created = req.services.store.collections.create(
        req.principal.tenant_id, name, description, metadata
    )
    if created is None:
        raise HTTPError(409, f"Collection '{name}' already exists")
    return Response(201, wire.collection(created))


def get_collection(req: Request) -> Response:
    name = collection_param(req)
    found = req.services.store.collections.get(req.principal.tenant_id, name)
    if found is None:
        raise collection_not_found(name)
    return Response(200, wire.collection(found))


def update_collection(req: Request) -> Response:
    name = collection_param(req)
    body = object_body(req, required=False)
    check = Checker()
    description = check.string(body, "description", ["body"], nullable=True)
    metadata = check.metadata(body, "metadata", ["body"])
    check.done()
    updated = req.services.store.collections.update(
        req.principal.tenant_id,
        name,
        description=description,
        metadata=metadata,
        set_description="description" in body,
        set_metadata="metadata" in body and body["metadata"] is not None,
    )
    if updated is None:
        raise collection_not_found(name)
    return Response(200, wire.collection(updated))


def delete_collection(req: Request) -> Response:
    name = collection_param(req)
    if not req.services.store.collections.delete(req.principal.tenant_id, name):
        raise collection_not_found(name)
    return Response(204)
