"""The route table: (method, path pattern) → handler, one line per PROTOCOL.md route.

``access`` says who may call: ``public`` (no key), ``read`` (any key), ``write`` (not a
read-only key) or ``admin`` (an admin key). ``body`` and ``query`` name the schemas that
openapi.py publishes. Part-2 routes point at ``not_implemented`` until their modules land:
swap the handler, nothing else changes.
"""

# ruff: noqa: E501  (the route table keeps one route per line, so it reads as a table)
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Optional
from urllib.parse import unquote

from . import connections as cn
from . import handlers as h
from . import intelligence as im
from .context import Request, Response

Handler = Callable[[Request], Response]

PUBLIC, READ, WRITE, ADMIN = "public", "read", "write", "admin"

C = "/v1/memory/collections/{collection}"
M = C + "/memories/{memory_id}"


@dataclass(frozen=True)
class Route:
    method: str
    pattern: str
    handler: Handler
    access: str
    status: int  # the success status, for the OpenAPI document
    summary: str
    body: Optional[str] = None  # schema name in openapi.py
    query: tuple[str, ...] = ()  # query parameter names in openapi.py
    response: Optional[str] = None  # schema name in openapi.py
    # An idempotent replay normally runs the handler inside the write transaction that
    # records the reply. A handler that waits on the network (a connector sync) must not
    # hold the writer lock that long; it declares itself safe to run twice instead.
    slow: bool = False


# fmt: off
ROUTES: list[Route] = [
    # service
    Route("GET",    "/v1/memory/health",                h.health,            PUBLIC, 200, "Service health", response="Health"),
    # collections
    Route("GET",    "/v1/memory/collections",           h.list_collections,  READ,   200, "List collections", response="CollectionList"),
    Route("POST",   "/v1/memory/collections",           h.create_collection, WRITE,  201, "Create a collection", body="CollectionCreate", response="Collection"),
    Route("GET",    C,                                  h.get_collection,    READ,   200, "Get a collection", response="Collection"),
    Route("PUT",    C,                                  h.update_collection, WRITE,  200, "Update a collection", body="CollectionUpdate", response="Collection"),
    Route("DELETE", C,                                  h.delete_collection, WRITE,  204, "Delete a collection and its memories"),
    # memories
    Route("POST",   C + "/memories",                    h.add_memory,        WRITE,  201, "Add a memory", body="MemoryCreate", response="Memory"),
    Route("POST",   C + "/memories/batch",              h.add_batch,         WRITE,  201, "Add up to 100 memories", body="MemoryBatch", response="BatchResult"),
    Route("GET",    C + "/memories",                    h.list_memories,     READ,   200, "List memories, pinned first, newest first", query=("limit", "offset", "include_archived"), response="MemoryList"),
    Route("GET",    M,                                  h.get_memory,        READ,   200, "Get a memory", response="Memory"),
    Route("PUT",    M,                                  h.update_memory,     WRITE,  200, "Update a memory", body="MemoryUpdate", response="Memory"),
    Route("DELETE", M,                                  h.delete_memory,     WRITE,  204, "Delete a memory"),
    Route("POST",   M + "/move",                        h.move_memory,       WRITE,  200, "Move a memory to another collection", body="MoveRequest", response="MoveResult"),
    Route("POST",   M + "/pin",                         h.pin_memory,        WRITE,  200, "Pin or unpin a memory", body="PinRequest", response="Memory"),
    Route("POST",   M + "/archive",                     h.archive_memory,    WRITE,  200, "Archive or unarchive a memory", body="ArchiveRequest", response="Memory"),
    Route("GET",    M + "/related",                     h.related,           READ,   200, "Nearest current memories", query=("limit", "min_score"), response="SearchHitList"),
    # search
    Route("POST",   C + "/search",                      h.search_collection, READ,   200, "Search one collection", body="SearchRequest", response="SearchResults"),
    Route("POST",   "/v1/memory/search",                h.search_tenant,     READ,   200, "Search every collection", body="SearchRequest", response="SearchResults"),
    # intelligent memory (part 2)
    Route("POST",   C + "/remember",                    im.remember,         WRITE,  200, "Extract and store facts (sync=true); else 202 and a job", body="RememberRequest", query=("sync",), response="RememberResult"),
    Route("GET",    "/v1/memory/extract/job/{id}",      im.get_job,          READ,   200, "Poll an extraction job", response="Job"),
    Route("POST",   C + "/forget",                      im.forget,           WRITE,  200, "Delete memories matching a query", body="ForgetRequest", response="ForgetResult"),
    Route("POST",   C + "/dedup",                       im.dedup,            WRITE,  200, "Find and delete duplicates", body="DedupRequest", response="DedupResult"),
    Route("GET",    C + "/contradictions",              im.contradictions,   READ,   200, "Superseded facts and what replaced them", query=("limit",), response="ContradictionList"),
    Route("POST",   C + "/archive-stale",               im.archive_stale,    WRITE,  200, "Archive old memories", body="ArchiveStaleRequest", response="ArchiveStaleResult"),
    Route("GET",    C + "/health",                      im.collection_health, READ,  200, "Collection hygiene report", query=("stale_days",), response="CollectionHealth"),
    Route("GET",    C + "/summary",                     im.summary,          READ,   200, "Collection summary", query=("limit",), response="Summary"),
    Route("GET",    C + "/profile",                     im.profile,          READ,   200, "Collection profile", response="Profile"),
    # connectors (part 2)
    Route("POST",   "/v1/memory/connections",           cn.create_connection, WRITE, 201, "Create a connection", body="ConnectionCreate", response="Connection"),
    Route("GET",    "/v1/memory/connections",           cn.list_connections, READ,   200, "List connections, newest first", response="ConnectionList"),
    Route("GET",    "/v1/memory/connections/{id}",      cn.get_connection,   READ,   200, "Get a connection", response="Connection"),
    Route("POST",   "/v1/memory/connections/{id}/sync", cn.sync_connection,  WRITE,  200, "Sync a connection now", response="SyncResult", slow=True),
    Route("GET",    "/v1/memory/connections/{id}/runs", cn.connection_runs,  READ,   200, "A connection's runs, newest first", query=("limit",), response="RunList"),
    Route("DELETE", "/v1/memory/connections/{id}",      cn.delete_connection, WRITE, 204, "Delete a connection; its memories stay"),
    # admin
    Route("GET",    "/v1/memory/admin/connectors/health", cn.connector_health, ADMIN, 200, "Connector health, all tenants", query=("hours",), response="ConnectorHealthList"),
    Route("GET",    "/v1/memory/admin/connectors/status", cn.connector_status, ADMIN, 200, "Connector status counts, all tenants", response="ConnectorStatusList"),
    Route("GET",    "/v1/memory/admin/memory-health",   cn.memory_health,    ADMIN,  200, "Memory health, all tenants", response="AdminMemoryHealth"),
    Route("GET",    "/v1/memory/admin/export",          h.export_account,    READ,   200, "Export this tenant", response="Export"),
    Route("POST",   "/v1/memory/admin/import",          h.import_memories,   WRITE,  200, "Import memories into this tenant", body="ImportRequest", response="ImportResult"),
]
# fmt: on

_PARAM = re.compile(r"\{(\w+)\}")


def _segments(pattern: str) -> list[str]:
    return pattern.strip("/").split("/")


class Router:
    """Matches a raw request path against the table, one percent-decoded segment at a time."""

    def __init__(self, routes: list[Route]) -> None:
        self.routes = routes
        self._compiled = [(route, _segments(route.pattern)) for route in routes]

    def match(
        self, method: str, raw_path: str
    ) -> tuple[Optional[Route], dict[str, str], list[str]]:
        """(route, path params, allowed methods). No route and no methods → 404;
        no route but some methods → 405."""
        raw_segments = raw_path.strip("/").split("/")
        allowed: list[str] = []
        for route, segments in self._compiled:
            params = self._match_segments(segments, raw_segments)
            if params is None:
                continue
            if route.method == method:
                return route, params, [route.method]
            allowed.append(route.method)
        return None, {}, allowed

    @staticmethod
    def _match_segments(segments: list[str], raw: list[str]) -> Optional[dict[str, str]]:
        if len(segments) != len(raw):
            return None
        params: dict[str, str] = {}
        for want, got in zip(segments, raw):
            name = _PARAM.fullmatch(want)
            if name:
                # Decoded only after splitting, so "%2F" stays inside one segment.
                value = unquote(got, errors="strict")
                if not value:
                    return None
                params[name.group(1)] = value
            elif want != got:
                return None
        return params


ROUTER = Router(ROUTES)
