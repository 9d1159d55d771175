"""``GET /openapi.json``: an OpenAPI 3.1 document generated from the route table.

Each route's operation is built here: its path, query and header parameters, its request
body, its responses. The shapes of bodies and answers are ``SCHEMAS``
(openapi_schemas.py); routes.py names them per route, so adding a route to the table is
enough for it to appear here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .._protocol import (
    DEFAULT_CONTRADICTIONS_LIMIT,
    DEFAULT_HEALTH_HOURS,
    DEFAULT_LIST_LIMIT,
    DEFAULT_RELATED_LIMIT,
    DEFAULT_RELATED_MIN_SCORE,
    DEFAULT_RUNS_LIMIT,
    DEFAULT_STALE_DAYS,
    DEFAULT_SUMMARY_LIMIT,
    MAX_CONTAINER_TAG_CHARS,
    MAX_DAYS,
    MAX_HOURS,
    MAX_IDEMPOTENCY_KEY_CHARS,
    MAX_LIST_LIMIT,
    MAX_OFFSET,
    MAX_SEARCH_LIMIT,
)
from .._version import __version__
from .context import PUBLIC
from .openapi_schemas import COLLECTION_NAME, SCHEMAS, STR, _ref

if TYPE_CHECKING:
    from .routes import Route

QUERY_PARAMS: dict[str, dict[str, Any]] = {
    "limit": {"type": "integer", "minimum": 1, "maximum": MAX_LIST_LIMIT},
    "offset": {"type": "integer", "minimum": 0, "maximum": MAX_OFFSET, "default": 0},
    "include_archived": {"type": "boolean", "default": False},
    "include_superseded": {"type": "boolean", "default": False},
    "container_tag": {
        "type": "string",
        "maxLength": MAX_CONTAINER_TAG_CHARS,
        "description": "only memories of this tag (default: every tag)",
    },
    "min_score": {"type": "number", "minimum": 0, "maximum": 1},
    "sync": {"type": "boolean", "default": False},
    "stale_days": {"type": "integer", "minimum": 1},
    "hours": {
        "type": "integer",
        "minimum": 1,
        "maximum": MAX_HOURS,
        "default": DEFAULT_HEALTH_HOURS,
    },
}

# Where a parameter's bounds differ by route (keyed by the pattern's last segment).
_QUERY_OVERRIDES: dict[str, dict[str, dict[str, Any]]] = {
    "memories": {
        "limit": {
            "type": "integer",
            "minimum": 1,
            "maximum": MAX_LIST_LIMIT,
            "default": DEFAULT_LIST_LIMIT,
        }
    },
    "runs": {
        "limit": {
            "type": "integer",
            "minimum": 1,
            "maximum": MAX_LIST_LIMIT,
            "default": DEFAULT_RUNS_LIMIT,
        }
    },
    "related": {
        "limit": {
            "type": "integer",
            "minimum": 1,
            "maximum": MAX_SEARCH_LIMIT,
            "default": DEFAULT_RELATED_LIMIT,
        },
        "min_score": {
            "type": "number",
            "minimum": 0,
            "maximum": 1,
            "default": DEFAULT_RELATED_MIN_SCORE,
        },
    },
    "contradictions": {
        "limit": {
            "type": "integer",
            "minimum": 1,
            "maximum": MAX_LIST_LIMIT,
            "default": DEFAULT_CONTRADICTIONS_LIMIT,
        }
    },
    "summary": {
        "limit": {
            "type": "integer",
            "minimum": 1,
            "maximum": MAX_LIST_LIMIT,
            "default": DEFAULT_SUMMARY_LIMIT,
        }
    },
    "health": {
        "stale_days": {
            "type": "integer",
            "minimum": 1,
            "maximum": MAX_DAYS,
            "default": DEFAULT_STALE_DAYS,
        }
    },
}

# Success responses beyond a route's own status, keyed by (method, pattern).
_EXTRA_RESPONSES: dict[tuple[str, str], dict[str, Any]] = {
    ("POST", "/v1/memory/collections/{collection}/remember"): {
        "202": {
            "description": "Queued as a background job (without sync=true)",
            "content": {"application/json": {"schema": _ref("JobAccepted")}},
        }
    },
}

_ERROR_CODES = {
    "400": "Malformed JSON",
    "401": "Missing or unknown API key",
    "403": "Read-only or non-admin key",
    "404": "Not found",
    "409": "Conflict (exists, or Idempotency-Key reused for another request)",
    "413": "Body too large",
    "422": "Validation error",
    "429": "Rate limited",
    "507": "No room in the server's TMPDIR to spool the body (streamed routes)",
}


def _operation_id(method: str, pattern: str) -> str:
    words = pattern.strip("/").replace("{", "").replace("}", "").replace("-", "_").split("/")
    return "_".join([method.lower(), *words])


def document(routes: list[Route]) -> dict[str, Any]:
    """The OpenAPI document of a route table."""
    paths: dict[str, dict[str, Any]] = {}
    for route in routes:
        op: dict[str, Any] = {
            "summary": route.summary,
            "operationId": _operation_id(route.method, route.pattern),
            "parameters": [],
            "responses": {},
        }
        for name in [seg[1:-1] for seg in route.pattern.split("/") if seg.startswith("{")]:
            schema = COLLECTION_NAME if name == "collection" else STR
            op["parameters"].append(
                {"name": name, "in": "path", "required": True, "schema": schema}
            )
        overrides = _QUERY_OVERRIDES.get(route.pattern.rsplit("/", 1)[1], {})
        for name in route.query:
            schema = overrides.get(name, QUERY_PARAMS[name])
            op["parameters"].append(
                {"name": name, "in": "query", "required": False, "schema": schema}
            )
        if route.access != PUBLIC:
            op["security"] = [{"bearer": []}]
            if route.method != "GET":
                op["parameters"].append(
                    {
                        "name": "Idempotency-Key",
                        "in": "header",
                        "required": False,
                        "schema": {"type": "string", "maxLength": MAX_IDEMPOTENCY_KEY_CHARS},
                    }
                )
        if route.body:
            op["requestBody"] = {
                "required": True,
                "content": {"application/json": {"schema": _ref(route.body)}},
            }
        success: dict[str, Any] = {"description": "Success"}
        if route.response and route.status != 204:
            success["content"] = {"application/json": {"schema": _ref(route.response)}}
        op["responses"][str(route.status)] = success
        op["responses"].update(_EXTRA_RESPONSES.get((route.method, route.pattern), {}))
        for code, text in _ERROR_CODES.items():
            if route.access == PUBLIC and code in ("401", "403"):
                continue
            if code == "507" and not route.streamed:
                continue
            op["responses"][code] = {
                "description": text,
                "content": {"application/json": {"schema": _ref("Error")}},
            }
        paths.setdefault(route.pattern, {})[route.method.lower()] = op
    return {
        "openapi": "3.1.0",
        "info": {"title": "Longmem local server", "version": __version__},
        "paths": paths,
        "components": {
            "schemas": SCHEMAS,
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        },
    }
