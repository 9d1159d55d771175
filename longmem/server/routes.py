"""The route table: one row per route, declaring everything about it.

A row says who may call the route (``access``: ``PUBLIC`` needs no key, ``READ`` any key,
``WRITE`` a key that is not read-only, ``ADMIN`` an admin key), its success status, the
schemas openapi.py publishes for its body, query and answer, the largest body it
accepts, and how it honours an Idempotency-Key (see ``Replay``). Adding a route is adding
a row here and a handler in ``handlers/``; nothing else special-cases a route.
"""

# ruff: noqa: E501  (the route table keeps one route per line, so it reads as a table)
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Optional
from urllib.parse import unquote

from . import openapi
from .context import ADMIN, PUBLIC, READ, WRITE, Replay, Request, Response
from .handlers import admin, connections, hygiene, memories, portability, remember, search, service
from .handlers import collections as cols

Handler = Callable[[Request], Response]

C = "/v1/memory/collections/{collection}"
M = C + "/memories/{memory_id}"

MAX_BODY_BYTES = 8 * 1024 * 1024
# Import carries up to 10,000 memories of up to 10,000 characters each.
MAX_IMPORT_BODY_BYTES = 256 * 1024 * 1024
# A parsed body costs 30-300 bytes a value, whatever the size of its text: the values of
# a body are bounded (jsonbody.values_over counts them before it is parsed), so that
# 8 MiB of "[[],[],…]" or '{"a":1},…' cannot take 200-330 MB. Each bound is above the
# largest valid body of its routes. A 16 KiB metadata holds at most ~10,900 values (two
# marks every three bytes: "[],"), so 1,000 remember messages and one such metadata
# ~20,000, and a batch of 100 memories with one each ~1,094,000.
MAX_BODY_VALUES = 65_536
MAX_BATCH_BODY_VALUES = 1_200_000


@dataclass(frozen=True)
class Route:
    method: str
    pattern: str
    handler: Handler
    access: str
    status: int  # the success status, for the OpenAPI document
    summary: str
    body: Optional[str] = None  # schema name in openapi_schemas.py
    query: tuple[str, ...] = ()  # query parameter names in openapi.py
    response: Optional[str] = None  # schema name in openapi_schemas.py
    max_body: int = MAX_BODY_BYTES
    max_values: int = MAX_BODY_VALUES  # for a body parsed whole
    replay: Optional[Replay] = None  # None: IN_TRANSACTION for writes, NEVER for reads
    # The body is parsed as it arrives and spooled to a temporary file (jsonbody.spool):
    # the handler gets a Mapping whose arrays it reads an element at a time.
    streamed: bool = False

    @property
    def boolean_query(self) -> tuple[str, ...]:
        """The query parameters read as booleans."""
        return tuple(n for n in self.query if openapi.QUERY_PARAMS[n]["type"] == "boolean")

    @property
    def idempotency(self) -> Replay:
        if self.replay is not None:
            return self.replay
        writes = self.access in (WRITE, ADMIN) and self.method != "GET"
        return Replay.IN_TRANSACTION if writes else Replay.NEVER


def _openapi_document(req: Request) -> Response:
    return Response(200, openapi.document(ROUTES))


# fmt: off
ROUTES: list[Route] = [
    # service
    Route("GET",    "/v1/memory/health",                service.health,           PUBLIC, 200, "Service health", response="Health"),
    Route("GET",    "/openapi.json",                    _openapi_document,        PUBLIC, 200, "This document", response="OpenAPI"),
    # collections
    Route("GET",    "/v1/memory/collections",           cols.list_collections,    READ,   200, "List collections", response="CollectionList"),
    Route("POST",   "/v1/memory/collections",           cols.create_collection,   WRITE,  201, "Create a collection", body="CollectionCreate", response="Collection"),
    Route("GET",    C,                                  cols.get_collection,      READ,   200, "Get a collection", response="Collection"),
    Route("PUT",    C,                                  cols.update_collection,   WRITE,  200, "Update a collection", body="CollectionUpdate", response="Collection"),
    Route("DELETE", C,                                  cols.delete_collection,   WRITE,  204, "Delete a collection and its memories"),
    # memories
    Route("POST",   C + "/memories",                    memories.add_memory,      WRITE,  201, "Add a memory", body="MemoryCreate", response="Memory"),
    Route("POST",   C + "/memories/batch",              memories.add_batch,       WRITE,  201, "Add up to 100 memories", body="MemoryBatch", response="BatchResult", max_values=MAX_BATCH_BODY_VALUES),
    Route("GET",    C + "/memories",                    memories.list_memories,   READ,   200, "List memories, pinned first, newest first", query=("limit", "offset", "include_archived", "include_superseded", "container_tag"), response="MemoryList"),
    Route("GET",    M,                                  memories.get_memory,      READ,   200, "Get a memory", response="Memory"),
    Route("PUT",    M,                                  memories.update_memory,   WRITE,  200, "Update a memory", body="MemoryUpdate", response="Memory"),
    Route("DELETE", M,                                  memories.delete_memory,   WRITE,  204, "Delete a memory"),
    Route("POST",   M + "/move",                        memories.move_memory,     WRITE,  200, "Move a memory to another collection", body="MoveRequest", response="MoveResult"),
    Route("POST",   M + "/pin",                         memories.pin_memory,      WRITE,  200, "Pin or unpin a memory", body="PinRequest", response="Memory"),
    Route("POST",   M + "/archive",                     memories.archive_memory,  WRITE,  200, "Archive or unarchive a memory", body="ArchiveRequest", response="Memory"),
    # search
    Route("GET",    M + "/related",                     search.related,           READ,   200, "Nearest current memories", query=("limit", "min_score"), response="SearchHitList"),
    Route("POST",   C + "/search",                      search.search_collection, READ,   200, "Search one collection", body="SearchRequest", response="SearchResults"),
    Route("POST",   "/v1/memory/search",                search.search_tenant,     READ,   200, "Search every collection", body="SearchRequest", response="SearchResults"),
    # remember
    Route("POST",   C + "/remember",                    remember.remember,        WRITE,  200, "Extract and store facts (sync=true); else 202 and a job", body="RememberRequest", query=("sync",), response="RememberResult", replay=Replay.PREPARED),
    Route("GET",    "/v1/memory/extract/job/{id}",      remember.get_job,         READ,   200, "Poll an extraction job", response="Job"),
    # hygiene
    Route("POST",   C + "/forget",                      hygiene.forget,           WRITE,  200, "Delete memories matching a query", body="ForgetRequest", response="ForgetResult"),
    Route("POST",   C + "/dedup",                       hygiene.dedup,            WRITE,  200, "Find and delete duplicates", body="DedupRequest", response="DedupResult"),
    Route("GET",    C + "/contradictions",              hygiene.contradictions,   READ,   200, "Superseded facts and what replaced them", query=("limit", "container_tag"), response="ContradictionList"),
    Route("POST",   C + "/archive-stale",               hygiene.archive_stale,    WRITE,  200, "Archive old memories", body="ArchiveStaleRequest", response="ArchiveStaleResult"),
    Route("GET",    C + "/health",                      hygiene.collection_health, READ,  200, "Collection hygiene report", query=("stale_days",), response="CollectionHealth"),
    Route("GET",    C + "/summary",                     hygiene.summary,          READ,   200, "Collection summary", query=("limit", "container_tag"), response="Summary"),
    Route("GET",    C + "/profile",                     hygiene.profile,          READ,   200, "Collection profile", query=("container_tag",), response="Profile"),
    # connections
    Route("POST",   "/v1/memory/connections",           connections.create_connection, WRITE, 201, "Create a connection", body="ConnectionCreate", response="Connection"),
    Route("GET",    "/v1/memory/connections",           connections.list_connections, READ, 200, "List connections, newest first", response="ConnectionList"),
    Route("GET",    "/v1/memory/connections/{id}",      connections.get_connection, READ,  200, "Get a connection", response="Connection"),
    Route("POST",   "/v1/memory/connections/{id}/sync", connections.sync_connection, WRITE, 200, "Sync a connection now", response="SyncResult", replay=Replay.AROUND),
    Route("GET",    "/v1/memory/connections/{id}/runs", connections.connection_runs, READ, 200, "A connection's runs, newest first", query=("limit",), response="RunList"),
    Route("DELETE", "/v1/memory/connections/{id}",      connections.delete_connection, WRITE, 204, "Delete a connection; its memories stay"),
    # admin
    Route("GET",    "/v1/memory/admin/connectors/health", admin.connector_health, ADMIN,  200, "Connector health, all tenants", query=("hours",), response="ConnectorHealthList"),
    Route("GET",    "/v1/memory/admin/connectors/status", admin.connector_status, ADMIN,  200, "Connector status counts, all tenants", response="ConnectorStatusList"),
    Route("GET",    "/v1/memory/admin/memory-health",   admin.memory_health,      ADMIN,  200, "Memory health, all tenants", response="AdminMemoryHealth"),
    # portability
    Route("GET",    "/v1/memory/admin/export",          portability.export_account, READ, 200, "Export this tenant", response="Export"),
    Route("POST",   "/v1/memory/admin/import",          portability.import_memories, WRITE, 200, "Import memories into this tenant", body="ImportRequest", response="ImportResult", max_body=MAX_IMPORT_BODY_BYTES, streamed=True, replay=Replay.PREPARED),
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
