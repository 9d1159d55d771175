"""The protocol's limits and defaults are defined once, in longmem._protocol, and the
client and the server agree with it: a changed value there changes both, and a value
re-typed anywhere shows up here as a disagreement. The limits are the server's to
enforce: the client sends what is past them, and the server's 422 names the field. The
CLI passes on only the options a user gave, so the SDK's defaults apply there too
(tests/cli/test_options.py)."""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from typing import Any

import pytest

from longmem import Longmem, UnprocessableEntityError
from longmem import _protocol as P
from longmem.server import LocalServer
from longmem.server.openapi import document
from longmem.server.routes import ROUTES

from .server.server_api import Api, C

# (client method, parameter, the protocol's default for it)
CLIENT_DEFAULTS = [
    ("add", "importance", P.DEFAULT_IMPORTANCE),
    ("add", "category", P.DEFAULT_CATEGORY),
    ("add", "source", P.SOURCE_SDK),
    ("add_many", "importance", P.DEFAULT_IMPORTANCE),
    ("add_many", "category", P.DEFAULT_CATEGORY),
    ("add_many", "source", P.SOURCE_SDK),
    ("list_memories", "limit", P.DEFAULT_LIST_LIMIT),
    ("related", "limit", P.DEFAULT_RELATED_LIMIT),
    ("related", "min_score", P.DEFAULT_RELATED_MIN_SCORE),
    ("search", "limit", P.DEFAULT_SEARCH_LIMIT),
    ("search", "min_score", P.DEFAULT_MIN_SCORE),
    ("search", "mode", P.DEFAULT_SEARCH_MODE),
    ("forget", "min_score", P.DEFAULT_FORGET_MIN_SCORE),
    ("forget", "limit", P.DEFAULT_FORGET_LIMIT),
    ("dedup", "threshold", P.DEFAULT_DEDUP_THRESHOLD),
    ("dedup", "dry_run", P.DEFAULT_DRY_RUN),
    ("contradictions", "limit", P.DEFAULT_CONTRADICTIONS_LIMIT),
    ("archive_stale", "older_than_days", P.DEFAULT_STALE_DAYS),
    ("archive_stale", "dry_run", P.DEFAULT_DRY_RUN),
    ("health", "stale_days", P.DEFAULT_STALE_DAYS),
    ("summary", "limit", P.DEFAULT_SUMMARY_LIMIT),
    ("connection_runs", "limit", P.DEFAULT_RUNS_LIMIT),
    ("connector_health", "hours", P.DEFAULT_HEALTH_HOURS),
]

# (OpenAPI schema, property, the protocol's default the server applies when it is absent)
SERVER_BODY_DEFAULTS = [
    ("MemoryCreate", "importance", P.DEFAULT_IMPORTANCE),
    ("MemoryCreate", "category", P.DEFAULT_CATEGORY),
    ("MemoryCreate", "source", P.SOURCE_API),
    ("SearchRequest", "limit", P.DEFAULT_SEARCH_LIMIT),
    ("SearchRequest", "min_score", P.DEFAULT_MIN_SCORE),
    ("SearchRequest", "mode", P.DEFAULT_SEARCH_MODE),
    ("ForgetRequest", "min_score", P.DEFAULT_FORGET_MIN_SCORE),
    ("ForgetRequest", "limit", P.DEFAULT_FORGET_LIMIT),
    ("DedupRequest", "threshold", P.DEFAULT_DEDUP_THRESHOLD),
    ("DedupRequest", "dry_run", P.DEFAULT_DRY_RUN),
    ("ArchiveStaleRequest", "older_than_days", P.DEFAULT_STALE_DAYS),
    ("ArchiveStaleRequest", "dry_run", P.DEFAULT_DRY_RUN),
]

# (route pattern's tail, query parameter, the protocol's default)
SERVER_QUERY_DEFAULTS = [
    ("/memories", "limit", P.DEFAULT_LIST_LIMIT),
    ("/related", "limit", P.DEFAULT_RELATED_LIMIT),
    ("/related", "min_score", P.DEFAULT_RELATED_MIN_SCORE),
    ("/contradictions", "limit", P.DEFAULT_CONTRADICTIONS_LIMIT),
    ("/summary", "limit", P.DEFAULT_SUMMARY_LIMIT),
    ("/health", "stale_days", P.DEFAULT_STALE_DAYS),
    ("/runs", "limit", P.DEFAULT_RUNS_LIMIT),
    ("/connectors/health", "hours", P.DEFAULT_HEALTH_HOURS),
]


@pytest.mark.parametrize(("method", "parameter", "expected"), CLIENT_DEFAULTS)
def test_the_client_defaults_to_the_protocol(method: str, parameter: str, expected: Any) -> None:
    default = inspect.signature(getattr(Longmem, method)).parameters[parameter].default
    assert default == expected and type(default) is type(expected)


def test_every_client_collection_default_is_the_protocols() -> None:
    for name, method in inspect.getmembers(Longmem, inspect.isfunction):
        parameter = inspect.signature(method).parameters.get("collection")
        if parameter is not None and isinstance(parameter.default, str):
            assert parameter.default == P.DEFAULT_COLLECTION, name


@pytest.fixture(scope="module")
def openapi() -> dict[str, Any]:
    return document(ROUTES)


@pytest.mark.parametrize(("schema", "prop", "expected"), SERVER_BODY_DEFAULTS)
def test_the_server_publishes_the_protocols_body_defaults(
    openapi: dict[str, Any], schema: str, prop: str, expected: Any
) -> None:
    assert openapi["components"]["schemas"][schema]["properties"][prop]["default"] == expected


@pytest.mark.parametrize(("tail", "name", "expected"), SERVER_QUERY_DEFAULTS)
def test_the_server_publishes_the_protocols_query_defaults(
    openapi: dict[str, Any], tail: str, name: str, expected: Any
) -> None:
    (parameter,) = [
        parameter
        for path, operations in openapi["paths"].items()
        if path.endswith(tail) and "get" in operations
        for parameter in operations["get"]["parameters"]
        if parameter["name"] == name
    ]
    assert parameter["schema"]["default"] == expected


def test_the_server_publishes_the_protocols_limits(openapi: dict[str, Any]) -> None:
    schemas = openapi["components"]["schemas"]
    fields = schemas["MemoryCreate"]["properties"]
    assert fields["text"]["maxLength"] == P.MAX_TEXT_CHARS
    assert fields["category"]["maxLength"] == P.MAX_CATEGORY_CHARS
    assert fields["source"]["maxLength"] == P.MAX_SOURCE_CHARS
    assert fields["container_tag"]["maxLength"] == P.MAX_CONTAINER_TAG_CHARS
    assert schemas["MemoryBatch"]["properties"]["memories"]["maxItems"] == P.BATCH_SIZE
    assert schemas["ImportRequest"]["properties"]["memories"]["maxItems"] == (P.MAX_IMPORT_MEMORIES)
    search = schemas["SearchRequest"]["properties"]
    assert search["limit"]["maximum"] == P.MAX_SEARCH_LIMIT
    assert search["query"]["maxLength"] == P.MAX_QUERY_CHARS
    assert search["mode"]["enum"] == list(P.SEARCH_MODES)
    assert schemas["Memory"]["properties"]["type"]["enum"] == [*P.MEMORY_TYPES, None]


# -- the server applies them --------------------------------------------------------------


@pytest.fixture(scope="module")
def api() -> Iterator[Api]:
    with LocalServer() as server:
        client = Api(server, server.api_key)
        yield client
        client.close()


def test_the_server_fills_in_the_protocols_memory_defaults(api: Api) -> None:
    created = api.post(f"{C}/defaults/memories", {"text": "a memory with no options"}).json
    assert created["importance"] == P.DEFAULT_IMPORTANCE
    assert created["category"] == P.DEFAULT_CATEGORY
    assert created["source"] == P.SOURCE_API


def test_the_server_answers_the_protocols_default_number_of_hits(api: Api) -> None:
    count = P.DEFAULT_SEARCH_LIMIT + 3
    api.post(
        f"{C}/many/memories/batch",
        {"memories": [f"lighthouse keeper number {i}" for i in range(count)]},
    )
    hits = api.post(f"{C}/many/search", {"query": "lighthouse keeper", "mode": "text"})
    assert len(hits.json["results"]) == P.DEFAULT_SEARCH_LIMIT


@pytest.mark.parametrize(
    ("path", "body"),
    [
        (f"{C}/limits/memories", {"text": "x" * (P.MAX_TEXT_CHARS + 1)}),
        (f"{C}/limits/memories", {"text": "x", "category": "c" * (P.MAX_CATEGORY_CHARS + 1)}),
        (f"{C}/limits/memories/batch", {"memories": ["x"] * (P.BATCH_SIZE + 1)}),
        (f"{C}/limits/search", {"query": "x", "limit": P.MAX_SEARCH_LIMIT + 1}),
        (f"{C}/{'n' * (P.MAX_COLLECTION_NAME_CHARS + 1)}/memories", {"text": "x"}),
    ],
)
def test_the_server_refuses_one_past_each_limit(api: Api, path: str, body: Any) -> None:
    assert api.post(path, body).status == 422


def test_the_server_takes_each_limit_exactly(api: Api) -> None:
    name = "n" * P.MAX_COLLECTION_NAME_CHARS
    assert api.post(f"{C}/{name}/memories", {"text": "x" * P.MAX_TEXT_CHARS}).status == 201
    batch = {"memories": ["x"] * P.BATCH_SIZE}
    assert api.post(f"{C}/limits/memories/batch", batch).status == 201
    offset = api.get(f"{C}/limits/memories?offset={P.MAX_OFFSET}")
    assert offset.status == 200
    assert api.get(f"{C}/limits/memories?offset={P.MAX_OFFSET + 1}").status == 422


# -- the client leaves them to the server, whose 422 names each field -------------------------


@pytest.fixture
def mem(api: Api) -> Iterator[Longmem]:
    with Longmem(api_key=api.server.api_key, base_url=api.server.url, max_retries=0) as client:
        yield client


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda m: m.add("x" * (P.MAX_TEXT_CHARS + 1)), "body.text: String should have at most"),
        (
            lambda m: m.add("x", category="c" * (P.MAX_CATEGORY_CHARS + 1)),
            "body.category: String should have at most",
        ),
        (
            lambda m: m.add("x", collection="n" * (P.MAX_COLLECTION_NAME_CHARS + 1)),
            f"path.collection: Collection name should be {P.COLLECTION_NAME_RULE}",
        ),
        (
            lambda m: m.search("x", collection="limits", limit=P.MAX_SEARCH_LIMIT + 1),
            f"body.limit: Input should be less than or equal to {P.MAX_SEARCH_LIMIT}",
        ),
        (
            lambda m: m.list_memories(collection="limits", limit=P.MAX_LIST_LIMIT + 1),
            f"query.limit: Input should be less than or equal to {P.MAX_LIST_LIMIT}",
        ),
        (
            lambda m: m.list_memories(collection="limits", offset=P.MAX_OFFSET + 1),
            f"query.offset: Input should be less than or equal to {P.MAX_OFFSET}",
        ),
        (lambda m: m.search("x", collection="limits", mode="fuzzy"), "body.mode: Input should be"),
    ],
)
def test_the_client_sends_what_is_past_a_limit_and_the_server_says_which_field(
    mem: Longmem, call: Any, field: str
) -> None:
    mem.add("a memory, so the collection exists", collection="limits")
    with pytest.raises(UnprocessableEntityError) as info:
        call(mem)
    assert info.value.status == 422
    assert field in str(info.value)
