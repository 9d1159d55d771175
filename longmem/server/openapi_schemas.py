"""The component schemas of ``GET /openapi.json``: the published shape of every request
body and answer.

routes.py names them per route (``body=``, ``response=``) and openapi.py builds the
document around them. Limits, defaults and enums come from ``_protocol``; a connection's
config and credentials from its provider in the connectors registry.
"""

from __future__ import annotations

from typing import Any, Optional

from .._protocol import (
    BATCH_SIZE,
    COLLECTION_NAME_PATTERN,
    CONNECTION_STATUSES,
    DEFAULT_CATEGORY,
    DEFAULT_COLLECTION,
    DEFAULT_DEDUP_THRESHOLD,
    DEFAULT_DRY_RUN,
    DEFAULT_FORGET_LIMIT,
    DEFAULT_FORGET_MIN_SCORE,
    DEFAULT_IMPORTANCE,
    DEFAULT_MIN_SCORE,
    DEFAULT_SEARCH_LIMIT,
    DEFAULT_SEARCH_MODE,
    DEFAULT_STALE_DAYS,
    JOB_STATUSES,
    MAX_CATEGORY_CHARS,
    MAX_CONNECTION_CURSOR_CHARS,
    MAX_CONNECTION_ITEM_KEY_CHARS,
    MAX_CONNECTION_NAME_CHARS,
    MAX_CONTAINER_TAG_CHARS,
    MAX_DAYS,
    MAX_IMPORT_CONNECTION_ITEMS,
    MAX_IMPORT_CONNECTIONS,
    MAX_IMPORT_MEMORIES,
    MAX_IMPORT_REF_CHARS,
    MAX_LIST_LIMIT,
    MAX_METADATA_BYTES,
    MAX_QUERY_CHARS,
    MAX_REMEMBER_CHARS,
    MAX_REMEMBER_MESSAGES,
    MAX_SEARCH_LIMIT,
    MAX_SOURCE_CHARS,
    MAX_TEXT_CHARS,
    MEMORY_TYPES,
    MESSAGE_ROLES,
    RELATIONS,
    RUN_STATUSES,
    SEARCH_MODES,
    SOURCE_API,
)
from .connectors import PROVIDERS, Provider
from .handlers.hygiene import NEEDS_ATTENTION_SHARE

STR = {"type": "string"}
_NULLABLE_STR = {"type": ["string", "null"]}
_TIMESTAMP = {"type": "string", "format": "date-time"}
COLLECTION_NAME = {"type": "string", "pattern": f"^{COLLECTION_NAME_PATTERN}$"}
_METADATA = {
    "type": "object",
    "description": f"JSON object, at most {MAX_METADATA_BYTES // 1024} KiB encoded",
}


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _obj(properties: dict[str, Any], required: Optional[list[str]] = None) -> dict[str, Any]:
    out: dict[str, Any] = {"type": "object", "properties": properties}
    if required:
        out["required"] = required
    return out


def _list(item: dict[str, Any]) -> dict[str, Any]:
    return {"type": "array", "items": item}


_MEMORY_FIELDS: dict[str, Any] = {
    "text": {"type": "string", "minLength": 1, "maxLength": MAX_TEXT_CHARS},
    "importance": {"type": "number", "minimum": 0, "maximum": 1, "default": DEFAULT_IMPORTANCE},
    "category": {
        "type": "string",
        "minLength": 1,
        "maxLength": MAX_CATEGORY_CHARS,
        "default": DEFAULT_CATEGORY,
    },
    "source": {"type": "string", "maxLength": MAX_SOURCE_CHARS, "default": SOURCE_API},
    "metadata": _METADATA,
    "container_tag": {"type": ["string", "null"], "maxLength": MAX_CONTAINER_TAG_CHARS},
}

# A remembered fact's key and provenance (docs/protocol.md, "Keyed facts"); null for a
# plain memory.
_KEY_FIELDS: dict[str, Any] = {
    "subject": {"type": ["string", "null"], "description": "user, or <relation>:<Name>"},
    "attribute": {"type": ["string", "null"], "description": "what the fact is about"},
    "value": _NULLABLE_STR,
    "negated": {"type": "boolean", "description": "the fact denies its value"},
    "valid_from": {
        "type": ["string", "null"],
        "format": "date-time",
        "description": "when it became true",
    },
    "observed_at": {
        "type": ["string", "null"],
        "format": "date-time",
        "description": "when it was said",
    },
    "statement": {"type": ["string", "null"], "description": "the words it was said in"},
}

# A memory's state, as returned and as exported for import.
_STATE_FIELDS: dict[str, Any] = {
    "type": {"enum": [*MEMORY_TYPES, None]},
    "pinned": {"type": "boolean"},
    "archived": {"type": "boolean"},
    "is_latest": {"type": "boolean"},
    "expires_at": {"type": ["string", "null"], "format": "date-time"},
}

_MEMORY: dict[str, Any] = _obj(
    {
        "id": {"type": "string", "pattern": "^mem_[0-9a-f]+$"},
        "collection": STR,
        **_MEMORY_FIELDS,
        **_STATE_FIELDS,
        "images": _list({}),
        "created_at": _TIMESTAMP,
        "updated_at": _TIMESTAMP,
        "created_by": _obj({"id": STR, "label": STR}),
        **_KEY_FIELDS,
        "supersedes": {"type": ["string", "null"], "description": "the memory it replaced"},
    }
)

# One row of a connection's item map: a synced item's key, its memory, its content's hash.
_ITEM_ROW = _obj(
    {
        "key": {"type": "string", "minLength": 1, "maxLength": MAX_CONNECTION_ITEM_KEY_CHARS},
        "memory_id": {"type": "string", "minLength": 1, "maxLength": MAX_IMPORT_REF_CHARS},
        "content_hash": {"type": "string", "minLength": 1, "maxLength": MAX_IMPORT_REF_CHARS},
    },
    ["key", "memory_id", "content_hash"],
)

_SEARCH_HIT: dict[str, Any] = {
    "allOf": [
        _ref("Memory"),
        _obj(
            {
                "score": {"type": "number", "minimum": 0, "maximum": 1},
                "vector_score": {"type": ["number", "null"]},
                "text_score": {"type": ["number", "null"]},
            }
        ),
    ]
}


def _connection_create(provider: Provider) -> dict[str, Any]:
    config = _obj(provider.config_properties, list(provider.config_required))
    config["additionalProperties"] = False
    return _obj(
        {
            "provider": {"const": provider.name},
            "name": {
                "type": ["string", "null"],
                "minLength": 1,
                "maxLength": MAX_CONNECTION_NAME_CHARS,
            },
            "collection": {
                "type": ["string", "null"],
                "pattern": f"^{COLLECTION_NAME_PATTERN}$",
                "default": DEFAULT_COLLECTION,
            },
            "container_tag": {"type": ["string", "null"], "maxLength": MAX_CONTAINER_TAG_CHARS},
            "config": config,
            # Accepted on create, never returned.
            "credentials": provider.credentials_schema,
        },
        ["provider", "config"],
    )


SCHEMAS: dict[str, Any] = {
    "Health": _obj({"status": STR, "version": STR}),
    "Collection": _obj(
        {
            "name": STR,
            "description": _NULLABLE_STR,
            "metadata": _METADATA,
            "memory_count": {"type": "integer"},
            "created_at": _TIMESTAMP,
        }
    ),
    "CollectionList": _list(_ref("Collection")),
    "CollectionCreate": _obj(
        {
            "name": COLLECTION_NAME,
            "description": _NULLABLE_STR,
            "metadata": _METADATA,
        },
        ["name"],
    ),
    "CollectionUpdate": _obj(
        {
            "description": _NULLABLE_STR,
            "metadata": _METADATA,
        }
    ),
    "Memory": _MEMORY,
    "MemoryList": _list(_ref("Memory")),
    "MemoryCreate": _obj(_MEMORY_FIELDS, ["text"]),
    "MemoryBatch": _obj(
        {
            "memories": {
                "type": "array",
                "minItems": 1,
                "maxItems": BATCH_SIZE,
                "items": {"oneOf": [_obj(_MEMORY_FIELDS, ["text"]), STR]},
            },
            **{k: v for k, v in _MEMORY_FIELDS.items() if k != "text"},
        },
        ["memories"],
    ),
    "BatchResult": _obj({"created": {"type": "integer"}, "ids": _list(STR)}),
    "MemoryUpdate": _obj(
        {k: _MEMORY_FIELDS[k] for k in ("text", "importance", "category")} | {"metadata": _METADATA}
    ),
    "MoveRequest": _obj({"to_collection": COLLECTION_NAME}, ["to_collection"]),
    "MoveResult": _obj({"moved": {"type": "boolean"}, "id": STR, "from": STR, "to": STR}),
    "PinRequest": _obj({"pinned": {"type": "boolean", "default": True}}),
    "ArchiveRequest": _obj({"archived": {"type": "boolean", "default": True}}),
    "SearchRequest": _obj(
        {
            "query": {"type": "string", "minLength": 1, "maxLength": MAX_QUERY_CHARS},
            "limit": {
                "type": "integer",
                "minimum": 1,
                "maximum": MAX_SEARCH_LIMIT,
                "default": DEFAULT_SEARCH_LIMIT,
            },
            "min_score": {
                "type": "number",
                "minimum": 0,
                "maximum": 1,
                "default": DEFAULT_MIN_SCORE,
                "description": "gates the vector arm (cosine ≥ min_score × the embedder's scale)",
            },
            "mode": {"enum": list(SEARCH_MODES), "default": DEFAULT_SEARCH_MODE},
            "category": _NULLABLE_STR,
            "container_tag": {"type": ["string", "null"], "maxLength": MAX_CONTAINER_TAG_CHARS},
            "metadata_filter": {"type": ["object", "null"], "description": "JSON containment"},
            "include_history": {
                "type": "boolean",
                "default": False,
                "description": (
                    "also superseded memories (and expired ones not yet swept), after the "
                    "current ones"
                ),
            },
        },
        ["query"],
    ),
    "SearchHit": _SEARCH_HIT,
    "SearchHitList": _list(_ref("SearchHit")),
    "SearchResults": _obj({"results": _list(_ref("SearchHit"))}),
    "Export": _obj(
        {
            "tenant": _obj({"id": STR, "name": STR}),
            "collections": _list(_ref("Collection")),
            "memories": _list(_ref("Memory")),
            "connections": _list(
                {"allOf": [_ref("Connection"), _obj({"items": _list(_ITEM_ROW)})]}
            ),
            "credentials_omitted": {
                **_list(STR),
                "description": "ids of the connections whose credentials were left out",
            },
            "exported_at": _TIMESTAMP,
            "truncated": {"type": "boolean"},
        }
    ),
    "ImportRequest": _obj(
        {
            "memories": {
                "type": "array",
                "maxItems": MAX_IMPORT_MEMORIES,
                "items": _obj(
                    {
                        **_MEMORY_FIELDS,
                        "collection": COLLECTION_NAME,
                        **_KEY_FIELDS,
                        **_STATE_FIELDS,
                        "created_at": {"type": ["string", "null"], "format": "date-time"},
                        "updated_at": {"type": ["string", "null"], "format": "date-time"},
                        "created_by": {
                            "type": ["object", "null"],
                            "properties": {
                                "id": {
                                    "type": "string",
                                    "minLength": 1,
                                    "maxLength": MAX_IMPORT_REF_CHARS,
                                },
                                "label": {"type": "string", "maxLength": MAX_IMPORT_REF_CHARS},
                            },
                            "required": ["id", "label"],
                        },
                        "id": {
                            "type": ["string", "null"],
                            "description": "its id in the export; kept unless the server has it",
                        },
                        "supersedes": {
                            "type": ["string", "null"],
                            "description": "the export id it replaced; the link is restored",
                        },
                    }
                ),
            },
            "collections": _list(
                {
                    "allOf": [
                        _ref("CollectionCreate"),
                        _obj({"created_at": {"type": ["string", "null"], "format": "date-time"}}),
                    ]
                }
            ),
            "connections": {
                "type": "array",
                "maxItems": MAX_IMPORT_CONNECTIONS,
                "items": {
                    "allOf": [
                        _ref("ConnectionCreate"),
                        _obj(
                            {
                                "id": {
                                    "type": ["string", "null"],
                                    "description": "its id in the export; kept unless taken",
                                },
                                "status": {"enum": list(CONNECTION_STATUSES)},
                                "cursor": {
                                    "type": ["string", "null"],
                                    "maxLength": MAX_CONNECTION_CURSOR_CHARS,
                                },
                                "last_synced_at": {
                                    "type": ["string", "null"],
                                    "format": "date-time",
                                },
                                "last_error": _NULLABLE_STR,
                                "created_at": {"type": ["string", "null"], "format": "date-time"},
                                "items": {
                                    **_list(_ITEM_ROW),
                                    "maxItems": MAX_IMPORT_CONNECTION_ITEMS,
                                },
                            }
                        ),
                    ]
                },
            },
            "into_collection": {
                "type": ["string", "null"],
                "pattern": f"^{COLLECTION_NAME_PATTERN}$",
            },
        },
        ["memories"],
    ),
    "ImportResult": _obj(
        {
            "imported": {"type": "integer"},
            "skipped": {"type": "integer"},
            "collections": _list(STR),
            "connections": {"type": "integer"},
        }
    ),
    # -- remember and hygiene --
    "RememberRequest": {
        **_obj(
            {
                "content": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": MAX_REMEMBER_CHARS,
                    "pattern": "\\S",
                    "description": "what the user said; longer than one memory, it is split",
                },
                "messages": {
                    **_list(_ref("ChatMessage")),
                    "minItems": 1,
                    "maxItems": MAX_REMEMBER_MESSAGES,
                    "description": "a conversation instead: only the user's messages give facts",
                },
                "observed_at": {
                    "type": ["string", "null"],
                    "format": "date-time",
                    "description": "when it was said (default: now); relative dates use it",
                },
                "container_tag": {
                    "type": ["string", "null"],
                    "maxLength": MAX_CONTAINER_TAG_CHARS,
                    "description": "stored on every fact; facts relate only to this tag's",
                },
            }
        ),
        "oneOf": [{"required": ["content"]}, {"required": ["messages"]}],
    },
    "ChatMessage": _obj(
        {
            "role": {"enum": list(MESSAGE_ROLES)},
            "content": {"type": ["string", "null"], "maxLength": MAX_REMEMBER_CHARS},
        },
        ["role", "content"],
    ),
    "ExtractedFact": {
        "allOf": [
            _ref("Memory"),
            _obj(
                {
                    "relation": {"enum": list(RELATIONS)},
                    "supersedes": _NULLABLE_STR,
                },
                ["relation", "supersedes"],
            ),
        ]
    },
    "RememberResult": _obj({"facts": _list(_ref("ExtractedFact"))}, ["facts"]),
    "JobAccepted": _obj({"job_id": {"type": "string", "pattern": "^job_[0-9a-f]+$"}}, ["job_id"]),
    "Job": _obj(
        {
            "job_id": {"type": "string", "pattern": "^job_[0-9a-f]+$"},
            "status": {"enum": list(JOB_STATUSES)},
            "facts": _list(_ref("ExtractedFact")),
            "error": _NULLABLE_STR,
            "created_at": _TIMESTAMP,
            "finished_at": {"type": ["string", "null"], "format": "date-time"},
        },
        ["job_id", "status", "facts", "error", "created_at", "finished_at"],
    ),
    "ForgetRequest": _obj(
        {
            "query": {"type": "string", "minLength": 1, "maxLength": MAX_QUERY_CHARS},
            "min_score": {
                "type": "number",
                "minimum": 0,
                "maximum": 1,
                "default": DEFAULT_FORGET_MIN_SCORE,
            },
            "limit": {
                "type": "integer",
                "minimum": 1,
                "maximum": MAX_LIST_LIMIT,
                "default": DEFAULT_FORGET_LIMIT,
            },
            "dry_run": {"type": "boolean", "default": False},
            "container_tag": {
                "type": ["string", "null"],
                "maxLength": MAX_CONTAINER_TAG_CHARS,
                "description": "only this tag's memories (default: every tag's)",
            },
        },
        ["query"],
    ),
    "ForgetResult": _obj(
        {
            "deleted": {"type": "integer"},
            "ids": _list(STR),
            "dry_run": {"type": "boolean"},
            "memories": _list(_ref("SearchHit")),
        },
        ["deleted", "ids", "dry_run", "memories"],
    ),
    "DedupRequest": _obj(
        {
            "threshold": {
                "type": "number",
                "minimum": 0,
                "maximum": 1,
                "default": DEFAULT_DEDUP_THRESHOLD,
            },
            "dry_run": {"type": "boolean", "default": DEFAULT_DRY_RUN},
        }
    ),
    "DedupResult": _obj(
        {
            "clusters": _list(
                _obj(
                    {"keep": STR, "duplicates": _list(STR), "similarity": {"type": "number"}},
                    ["keep", "duplicates", "similarity"],
                )
            ),
            "deleted": {"type": "integer"},
            "dry_run": {"type": "boolean"},
        },
        ["clusters", "deleted", "dry_run"],
    ),
    "ContradictionList": _list(
        _obj({"current": _ref("Memory"), "superseded": _ref("Memory")}, ["current", "superseded"])
    ),
    "ArchiveStaleRequest": _obj(
        {
            "older_than_days": {
                "type": "integer",
                "minimum": 1,
                "maximum": MAX_DAYS,
                "default": DEFAULT_STALE_DAYS,
            },
            "dry_run": {"type": "boolean", "default": DEFAULT_DRY_RUN},
        }
    ),
    "ArchiveStaleResult": {
        "oneOf": [
            _obj(
                {"would_archive": {"type": "integer"}, "ids": _list(STR)}, ["would_archive", "ids"]
            ),
            _obj({"archived": {"type": "integer"}, "ids": _list(STR)}, ["archived", "ids"]),
        ]
    },
    "CollectionHealth": _obj(
        {
            **{
                name: {"type": "integer"}
                for name in (
                    "total",
                    "current",
                    "archived",
                    "pinned",
                    "stale",
                    "expired",
                    "supersessions",
                )
            },
            "needs_attention": {
                "type": "boolean",
                "description": "stale + expired + supersessions exceed "
                f"{NEEDS_ATTENTION_SHARE:g} of total",
            },
            "categories": {"type": "object", "additionalProperties": {"type": "integer"}},
        }
    ),
    "Summary": _obj(
        {
            "summary": STR,
            "themes": _list(STR),
            "based_on": {"type": "integer"},
            "generated_at": _TIMESTAMP,
        },
        ["summary", "themes", "based_on", "generated_at"],
    ),
    "Profile": _obj({"profile": STR, "based_on": {"type": "integer"}}, ["profile", "based_on"]),
    "ConnectionCreate": {"oneOf": [_connection_create(p) for p in PROVIDERS.values()]},
    "Connection": _obj(
        {
            "id": {"type": "string", "pattern": "^conn_[0-9a-f]+$"},
            "provider": STR,
            "name": _NULLABLE_STR,
            "collection": STR,
            "container_tag": _NULLABLE_STR,
            "config": {"type": "object"},
            "status": {"enum": list(CONNECTION_STATUSES)},
            "cursor": _NULLABLE_STR,
            "last_synced_at": {"type": ["string", "null"], "format": "date-time"},
            "last_error": _NULLABLE_STR,
            "created_at": _TIMESTAMP,
        }
    ),
    "ConnectionList": _list(_ref("Connection")),
    "SyncResult": {
        "oneOf": [
            _obj(
                {
                    "synced": {"type": "integer"},
                    # Null after a first sync that stopped at MAX_SYNC_ITEMS.
                    "cursor": _NULLABLE_STR,
                    "status": {"const": "ok"},
                },
                ["synced", "cursor", "status"],
            ),
            _obj({"status": {"const": "error"}, "error": STR}, ["status", "error"]),
        ]
    },
    "Run": _obj(
        {
            "id": {"type": "string", "pattern": "^run_[0-9a-f]+$"},
            "connection_id": STR,
            "status": {"enum": list(RUN_STATUSES)},
            "synced_count": {"type": "integer"},
            "error": _NULLABLE_STR,
            "created_at": _TIMESTAMP,
            "finished_at": {"type": ["string", "null"], "format": "date-time"},
        }
    ),
    "RunList": _list(_ref("Run")),
    "ConnectorHealthList": _list(
        _obj(
            {
                "provider": STR,
                "runs": {"type": "integer"},
                "errors": {"type": "integer"},
                "last_run": {"type": ["string", "null"], "format": "date-time"},
            }
        )
    ),
    "ConnectorStatusList": _list(_obj({"status": STR, "n": {"type": "integer"}})),
    "AdminMemoryHealth": _obj(
        {
            **{
                name: {"type": "integer"}
                for name in ("total", "current", "archived", "stale", "expired", "supersessions")
            },
            "needs_attention": {"type": "boolean"},
        }
    ),
    "Error": _obj({"detail": {"oneOf": [STR, {"type": "array"}]}}),
    "OpenAPI": {"type": "object", "description": "an OpenAPI 3.1 document"},
}
