"""Every client method sends PROTOCOL.md's method, path, query and body, and unwraps the reply."""

from __future__ import annotations

from typing import Any, Callable

import pytest

from longmem import Longmem

from ..drivers import DRIVERS
from .servers import Reply, ScriptedServer


@pytest.fixture(params=DRIVERS)
def driver(request: pytest.FixtureRequest) -> str:
    """Every test here that builds its client through `make_client` runs against both
    clients, `Longmem` and `AsyncLongmem`, on the same scripted servers."""
    return str(request.param)


MEM = {"id": "mem_1", "text": "t"}
C = "/v1/memory/collections/notes"

# (call, HTTP method, raw path, query or None, JSON body or None, reply status, reply body, result)
ROUTES: list[tuple[Callable[[Longmem], Any], str, str, Any, Any, int, Any, Any]] = [
    (
        lambda m: m.service_health(),
        "GET",
        "/v1/memory/health",
        None,
        None,
        200,
        {"status": "ok", "version": "1"},
        {"status": "ok", "version": "1"},
    ),
    (
        lambda m: m.collections(),
        "GET",
        "/v1/memory/collections",
        None,
        None,
        200,
        [{"name": "a"}],
        [{"name": "a"}],
    ),
    (
        lambda m: m.create_collection("notes", description="d", metadata={"k": 1}),
        "POST",
        "/v1/memory/collections",
        None,
        {"name": "notes", "description": "d", "metadata": {"k": 1}},
        201,
        {"name": "notes"},
        {"name": "notes"},
    ),
    (
        lambda m: m.get_collection("notes"),
        "GET",
        C,
        None,
        None,
        200,
        {"name": "notes"},
        {"name": "notes"},
    ),
    (
        lambda m: m.update_collection("notes", description="x"),
        "PUT",
        C,
        None,
        {"description": "x"},
        200,
        {"name": "notes"},
        {"name": "notes"},
    ),
    (
        lambda m: m.update_collection("notes", description=""),
        "PUT",
        C,
        None,
        {"description": None},
        200,
        {"name": "notes"},
        {"name": "notes"},
    ),
    (lambda m: m.delete_collection("notes"), "DELETE", C, None, None, 204, None, {}),
    (
        lambda m: m.add(
            "hello",
            collection="notes",
            importance=0.2,
            category="pref",
            metadata={"a": 1},
            source="me",
            container_tag="user-1",
        ),
        "POST",
        C + "/memories",
        None,
        {
            "text": "hello",
            "importance": 0.2,
            "category": "pref",
            "source": "me",
            "metadata": {"a": 1},
            "container_tag": "user-1",
        },
        201,
        MEM,
        MEM,
    ),
    (
        lambda m: m.add("hello"),
        "POST",
        "/v1/memory/collections/default/memories",
        None,
        {
            "text": "hello",
            "importance": 0.7,
            "category": "other",
            "source": "sdk",
            "metadata": {},
            "container_tag": None,
        },
        201,
        MEM,
        MEM,
    ),
    (
        lambda m: m.add_many(
            ["a", {"text": "b", "importance": 0.1, "metadata": {"x": 1}}],
            collection="notes",
            container_tag="t",
        ),
        "POST",
        C + "/memories/batch",
        None,
        {
            "memories": [
                {
                    "text": "a",
                    "importance": 0.7,
                    "category": "other",
                    "source": "sdk",
                    "container_tag": "t",
                    "metadata": {},
                },
                {
                    "text": "b",
                    "importance": 0.1,
                    "category": "other",
                    "source": "sdk",
                    "container_tag": "t",
                    "metadata": {"x": 1},
                },
            ]
        },
        201,
        {"created": 2, "ids": ["m1", "m2"]},
        {"created": 2, "ids": ["m1", "m2"], "replayed": 0},
    ),
    (
        lambda m: m.list_memories(collection="notes", limit=10, offset=20, include_archived=True),
        "GET",
        C + "/memories",
        {
            "limit": ["10"],
            "offset": ["20"],
            "include_archived": ["true"],
            "include_superseded": ["false"],
        },
        None,
        200,
        [MEM],
        [MEM],
    ),
    (
        lambda m: m.list_memories(),
        "GET",
        "/v1/memory/collections/default/memories",
        {
            "limit": ["50"],
            "offset": ["0"],
            "include_archived": ["false"],
            "include_superseded": ["false"],
        },
        None,
        200,
        [],
        [],
    ),
    (
        lambda m: m.list_memories(include_superseded=True, container_tag="user 1"),
        "GET",
        "/v1/memory/collections/default/memories",
        {
            "limit": ["50"],
            "offset": ["0"],
            "include_archived": ["false"],
            "include_superseded": ["true"],
            "container_tag": ["user 1"],
        },
        None,
        200,
        [],
        [],
    ),
    (
        lambda m: m.get("mem_1", collection="notes"),
        "GET",
        C + "/memories/mem_1",
        None,
        None,
        200,
        MEM,
        MEM,
    ),
    (
        lambda m: m.update("mem_1", collection="notes", text="new", importance=1.0),
        "PUT",
        C + "/memories/mem_1",
        None,
        {"text": "new", "importance": 1.0},
        200,
        MEM,
        MEM,
    ),
    (
        lambda m: m.update("mem_1", category="c", metadata={}),
        "PUT",
        "/v1/memory/collections/default/memories/mem_1",
        None,
        {"category": "c", "metadata": {}},
        200,
        MEM,
        MEM,
    ),
    (
        lambda m: m.delete("mem_1", collection="notes"),
        "DELETE",
        C + "/memories/mem_1",
        None,
        None,
        204,
        None,
        {},
    ),
    (
        lambda m: m.move("mem_1", collection="notes", to_collection="archive"),
        "POST",
        C + "/memories/mem_1/move",
        None,
        {"to_collection": "archive"},
        200,
        {"moved": True, "id": "mem_1", "from": "notes", "to": "archive"},
        {"moved": True, "id": "mem_1", "from": "notes", "to": "archive"},
    ),
    (
        lambda m: m.pin("mem_1", collection="notes", pinned=False),
        "POST",
        C + "/memories/mem_1/pin",
        None,
        {"pinned": False},
        200,
        MEM,
        MEM,
    ),
    (
        lambda m: m.archive("mem_1", collection="notes"),
        "POST",
        C + "/memories/mem_1/archive",
        None,
        {"archived": True},
        200,
        MEM,
        MEM,
    ),
    (
        lambda m: m.related("mem_1", collection="notes", limit=3, min_score=0.25),
        "GET",
        C + "/memories/mem_1/related",
        {"limit": ["3"], "min_score": ["0.25"]},
        None,
        200,
        [MEM],
        [MEM],
    ),
    (
        lambda m: m.search(
            "tea",
            collection="notes",
            limit=7,
            min_score=0.1,
            mode="text",
            category="pref",
            container_tag="u",
            metadata_filter={"a": 1},
            include_history=True,
        ),
        "POST",
        C + "/search",
        None,
        {
            "query": "tea",
            "limit": 7,
            "min_score": 0.1,
            "mode": "text",
            "category": "pref",
            "container_tag": "u",
            "metadata_filter": {"a": 1},
            "include_history": True,
        },
        200,
        {"results": [MEM]},
        [MEM],
    ),
    (
        lambda m: m.search("tea"),
        "POST",
        "/v1/memory/search",
        None,
        {"query": "tea", "limit": 5, "min_score": 0.3, "mode": "hybrid"},
        200,
        [MEM],
        [MEM],
    ),
    (
        lambda m: m.remember("I live in Paris", collection="notes"),
        "POST",
        C + "/remember",
        {"sync": ["true"]},
        {"content": "I live in Paris"},
        200,
        {"facts": [MEM]},
        [MEM],
    ),
    (
        lambda m: m.remember("I live in Paris", sync=False),
        "POST",
        "/v1/memory/collections/default/remember",
        None,
        {"content": "I live in Paris"},
        202,
        {"job_id": "job_1"},
        {"job_id": "job_1"},
    ),
    (
        lambda m: m.remember("I live in Paris", collection="notes", container_tag="u1"),
        "POST",
        C + "/remember",
        {"sync": ["true"]},
        {"content": "I live in Paris", "container_tag": "u1"},
        200,
        {"facts": [MEM]},
        [MEM],
    ),
    (
        lambda m: m.get_job("job_1"),
        "GET",
        "/v1/memory/extract/job/job_1",
        None,
        None,
        200,
        {"job_id": "job_1", "status": "done"},
        {"job_id": "job_1", "status": "done"},
    ),
    (
        lambda m: m.forget("icarus", collection="notes", min_score=0.6, limit=3),
        "POST",
        C + "/forget",
        None,
        {"query": "icarus", "min_score": 0.6, "limit": 3, "dry_run": False},
        200,
        {"deleted": 1, "ids": ["mem_1"]},
        {"deleted": 1, "ids": ["mem_1"]},
    ),
    (
        lambda m: m.forget("icarus", container_tag="user-1"),
        "POST",
        "/v1/memory/collections/default/forget",
        None,
        {
            "query": "icarus",
            "min_score": 0.5,
            "limit": 10,
            "dry_run": False,
            "container_tag": "user-1",
        },
        200,
        {"deleted": 1, "ids": ["mem_1"], "dry_run": False, "memories": [MEM]},
        {"deleted": 1, "ids": ["mem_1"], "dry_run": False, "memories": [MEM]},
    ),
    (
        lambda m: m.forget("icarus", dry_run=True),
        "POST",
        "/v1/memory/collections/default/forget",
        None,
        {"query": "icarus", "min_score": 0.5, "limit": 10, "dry_run": True},
        200,
        {"deleted": 0, "ids": ["mem_1"], "dry_run": True, "memories": [MEM]},
        {"deleted": 0, "ids": ["mem_1"], "dry_run": True, "memories": [MEM]},
    ),
    (
        lambda m: m.dedup(collection="notes", threshold=0.9, dry_run=False),
        "POST",
        C + "/dedup",
        None,
        {"threshold": 0.9, "dry_run": False},
        200,
        {"clusters": [], "deleted": 0, "dry_run": False},
        {"clusters": [], "deleted": 0, "dry_run": False},
    ),
    (
        lambda m: m.contradictions(collection="notes", limit=4),
        "GET",
        C + "/contradictions",
        {"limit": ["4"]},
        None,
        200,
        [{"current": MEM, "superseded": MEM}],
        [{"current": MEM, "superseded": MEM}],
    ),
    (
        lambda m: m.contradictions(collection="notes", container_tag="u1"),
        "GET",
        C + "/contradictions",
        {"limit": ["100"], "container_tag": ["u1"]},
        None,
        200,
        [],
        [],
    ),
    (
        lambda m: m.archive_stale(collection="notes", older_than_days=30, dry_run=True),
        "POST",
        C + "/archive-stale",
        None,
        {"older_than_days": 30, "dry_run": True},
        200,
        {"would_archive": 2, "ids": ["a", "b"]},
        {"would_archive": 2, "ids": ["a", "b"]},
    ),
    (
        lambda m: m.health(collection="notes", stale_days=10),
        "GET",
        C + "/health",
        {"stale_days": ["10"]},
        None,
        200,
        {"total": 1},
        {"total": 1},
    ),
    (
        lambda m: m.summary(collection="notes", limit=5),
        "GET",
        C + "/summary",
        {"limit": ["5"]},
        None,
        200,
        {"summary": "s", "themes": []},
        {"summary": "s", "themes": []},
    ),
    (
        lambda m: m.summary(collection="notes", container_tag="u1"),
        "GET",
        C + "/summary",
        {"limit": ["50"], "container_tag": ["u1"]},
        None,
        200,
        {"summary": "s", "themes": []},
        {"summary": "s", "themes": []},
    ),
    (
        lambda m: m.profile("notes"),
        "GET",
        C + "/profile",
        None,
        None,
        200,
        {"profile": "p", "based_on": 1},
        {"profile": "p", "based_on": 1},
    ),
    (
        lambda m: m.profile("notes", container_tag="u1"),
        "GET",
        C + "/profile",
        {"container_tag": ["u1"]},
        None,
        200,
        {"profile": "", "based_on": 0},
        {"profile": "", "based_on": 0},
    ),
    (
        lambda m: m.create_connection(
            "rss",
            name="feed",
            collection="notes",
            container_tag="t",
            config={"url": "http://x"},
            credentials={"token": "s"},
        ),
        "POST",
        "/v1/memory/connections",
        None,
        {
            "provider": "rss",
            "collection": "notes",
            "name": "feed",
            "container_tag": "t",
            "config": {"url": "http://x"},
            "credentials": {"token": "s"},
        },
        201,
        {"id": "conn_1"},
        {"id": "conn_1"},
    ),
    (
        lambda m: m.list_connections(),
        "GET",
        "/v1/memory/connections",
        None,
        None,
        200,
        [{"id": "conn_1"}],
        [{"id": "conn_1"}],
    ),
    (
        lambda m: m.get_connection("conn_1"),
        "GET",
        "/v1/memory/connections/conn_1",
        None,
        None,
        200,
        {"id": "conn_1"},
        {"id": "conn_1"},
    ),
    (
        lambda m: m.sync_connection("conn_1"),
        "POST",
        "/v1/memory/connections/conn_1/sync",
        None,
        None,
        200,
        {"synced": 2, "cursor": "c", "status": "ok"},
        {"synced": 2, "cursor": "c", "status": "ok"},
    ),
    (
        lambda m: m.connection_runs("conn_1", limit=3),
        "GET",
        "/v1/memory/connections/conn_1/runs",
        {"limit": ["3"]},
        None,
        200,
        [{"id": "run_1"}],
        [{"id": "run_1"}],
    ),
    (
        lambda m: m.delete_connection("conn_1"),
        "DELETE",
        "/v1/memory/connections/conn_1",
        None,
        None,
        204,
        None,
        {},
    ),
    (
        lambda m: m.connector_health(hours=6),
        "GET",
        "/v1/memory/admin/connectors/health",
        {"hours": ["6"]},
        None,
        200,
        [{"provider": "rss"}],
        [{"provider": "rss"}],
    ),
    (
        lambda m: m.connector_status(),
        "GET",
        "/v1/memory/admin/connectors/status",
        None,
        None,
        200,
        [{"status": "active", "n": 1}],
        [{"status": "active", "n": 1}],
    ),
    (
        lambda m: m.admin_memory_health(),
        "GET",
        "/v1/memory/admin/memory-health",
        None,
        None,
        200,
        {"total": 3},
        {"total": 3},
    ),
    (
        lambda m: m.export_account(),
        "GET",
        "/v1/memory/admin/export",
        None,
        None,
        200,
        {"memories": []},
        {"memories": []},
    ),
    (
        lambda m: m.import_memories(
            [{"text": "a"}], collections=[{"name": "x"}], into_collection="notes"
        ),
        "POST",
        "/v1/memory/admin/import",
        None,
        {"memories": [{"text": "a"}], "collections": [{"name": "x"}], "into_collection": "notes"},
        200,
        {"imported": 1, "skipped": 0, "collections": ["notes"]},
        {"imported": 1, "skipped": 0, "collections": ["notes"]},
    ),
]


@pytest.mark.parametrize(
    ("call", "method", "path", "query", "body", "status", "reply", "result"),
    ROUTES,
    ids=[f"{r[1]} {r[2]}" for r in ROUTES],
)
def test_route(
    server: ScriptedServer,
    client: Longmem,
    call: Callable[[Longmem], Any],
    method: str,
    path: str,
    query: Any,
    body: Any,
    status: int,
    reply: Any,
    result: Any,
) -> None:
    server.script(Reply(status, json=reply))
    assert call(client) == result
    [request] = server.requests
    assert request.method == method
    assert request.path == path
    assert request.query == (query or {})
    if body is None:
        assert request.body == b""
        assert "content-type" not in request.headers
    else:
        assert request.json() == body
        assert request.headers["content-type"] == "application/json"
    assert request.headers["authorization"] == "Bearer test-key"
    assert request.headers["accept"] == "application/json"
    assert (request.headers.get("idempotency-key") is None) == (method == "GET")


def test_every_public_method_is_covered_by_the_route_table() -> None:
    public = {
        name
        for name in dir(Longmem)
        if not name.startswith("_") and callable(getattr(Longmem, name))
    } - {"close", "wait_for_job", "context"}  # the last two call other methods: own tests
    called: set[str] = set()

    class Spy:
        def __getattr__(self, name: str) -> Callable[..., None]:
            called.add(name)
            return lambda *a, **k: None

    for row in ROUTES:
        row[0](Spy())  # type: ignore[arg-type]
    assert public == called


def test_remember_sends_sdk_messages_and_content_parts_as_role_and_text(
    server: ScriptedServer, client: Longmem
) -> None:
    chat_types = pytest.importorskip("openai.types.chat", reason="needs the openai package")
    anthropic_types = pytest.importorskip("anthropic.types", reason="needs the anthropic package")
    server.script(Reply(200, json={"facts": [MEM]}))
    conversation = [
        {"role": "user", "content": [{"type": "text", "text": "I"}, {"type": "text", "text": "a"}]},
        chat_types.ChatCompletionMessage(role="assistant", content="hi"),
        {
            "role": "assistant",
            "content": [
                anthropic_types.TextBlock(type="text", text="b"),
                anthropic_types.ToolUseBlock(type="tool_use", id="t", name="n", input={}),
            ],
        },
        {"role": "user", "content": [{"type": "tool_result", "tool_use_id": "t", "content": "x"}]},
    ]
    assert client.remember(messages=conversation, collection="notes") == [MEM]
    assert server.requests[0].json() == {
        "messages": [
            {"role": "user", "content": "I\na"},
            {"role": "assistant", "content": "hi"},
            {"role": "assistant", "content": "b"},
            {"role": "user", "content": None},  # a tool's result is not the user's words
        ]
    }


@pytest.mark.parametrize(
    ("memory_id", "encoded"),
    [
        ("a/b", "a%2Fb"),
        ("with space", "with%20space"),
        ("..", "%2E%2E"),
        (".", "%2E"),
        ("q?x=1#f", "q%3Fx%3D1%23f"),
        ("%2F", "%252F"),
        ("ünï", "%C3%BCn%C3%AF"),
    ],
)
def test_path_segments_are_percent_encoded_as_one_segment(
    server: ScriptedServer, client: Longmem, memory_id: str, encoded: str
) -> None:
    server.script(Reply(200, json=MEM))
    client.get(memory_id, collection="notes")
    assert server.requests[0].target == f"{C}/memories/{encoded}"


@pytest.mark.parametrize(
    ("collection", "encoded"),
    [
        ("team notes/2026", "team%20notes%2F2026"),
        ("q?x=1#f", "q%3Fx%3D1%23f"),
        ("ünï", "%C3%BCn%C3%AF"),
        ("%2F", "%252F"),
        ("c" * 65, "c" * 65),
    ],
)
def test_collection_names_are_percent_encoded_as_one_segment(
    server: ScriptedServer, client: Longmem, collection: str, encoded: str
) -> None:
    server.script(Reply(200, json=MEM))
    client.get("mem_1", collection=collection)
    assert server.requests[0].target == f"/v1/memory/collections/{encoded}/memories/mem_1"


def test_connection_and_job_ids_are_encoded_too(server: ScriptedServer, client: Longmem) -> None:
    server.script(Reply(200, json={}), Reply(200, json={}))
    client.get_connection("../admin/export")
    client.get_job("x/../../y")
    assert server.requests[0].target == "/v1/memory/connections/..%2Fadmin%2Fexport"
    assert server.requests[1].target == "/v1/memory/extract/job/x%2F..%2F..%2Fy"


def test_dot_collection_name_cannot_climb_out(server: ScriptedServer, client: Longmem) -> None:
    server.script(Reply(200, json=[]))
    client.list_memories(collection="..")
    assert server.requests[0].path == "/v1/memory/collections/%2E%2E/memories"


def test_base_url_path_prefix_is_kept(
    server: ScriptedServer, make_client: Callable[..., Longmem]
) -> None:
    server.script(Reply(200, json=[]))
    make_client(server.url + "/proxy/prefix/").collections()
    assert server.requests[0].path == "/proxy/prefix/v1/memory/collections"


def test_request_headers_name_the_sdk_and_ask_for_gzip(
    server: ScriptedServer, client: Longmem
) -> None:
    import sys

    import longmem

    client.collections()
    headers = server.requests[0].headers
    assert headers["user-agent"] == (
        f"longmem-python/{longmem.__version__} Python/"
        f"{sys.version_info[0]}.{sys.version_info[1]}.{sys.version_info[2]}"
    )
    assert headers["accept-encoding"] == "gzip"


def test_non_ascii_text_travels_as_utf8_json(server: ScriptedServer, client: Longmem) -> None:
    server.script(Reply(201, json=MEM))
    client.add("Zoë ❤ 東京")
    assert server.requests[0].json()["text"] == "Zoë ❤ 東京"
    assert "Zoë".encode() in server.requests[0].body
