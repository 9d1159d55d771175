"""Edge cases a review of the local server found broken (all fixed): each test pins one."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from longmem.server import LocalServer
from longmem.server import cli as server_cli

from .conftest import ADMIN_KEY
from .server_api import Api, C

# -- 1. lone surrogates reach SQLite / the JSON encoder ----------------------------------

_SURROGATE_BODIES = [
    ("POST", f"{C}/notes/memories", b'{"text":"a\\ud800b"}'),
    ("POST", f"{C}/notes/memories", b'{"text":"ok","metadata":{"\\udfff":1}}'),
    ("POST", f"{C}/notes/memories", b'{"text":"ok","category":"\\ud800"}'),
    ("POST", C, b'{"name":"c1","description":"\\ud800"}'),
    ("POST", f"{C}/notes/remember?sync=true", b'{"content":"I like \\ud800 tea"}'),
    ("POST", f"{C}/notes/remember", b'{"content":"I like \\ud800 tea"}'),
    ("POST", "/v1/memory/admin/import", b'{"memories":[{"text":"x\\ud800"}]}'),
    (
        "POST",
        "/v1/memory/connections",
        b'{"provider":"rss","name":"\\ud800","config":{"url":"http://127.0.0.1:9/f"}}',
    ),
]


@pytest.mark.parametrize(("method", "path", "raw"), _SURROGATE_BODIES)
def test_lone_surrogate_in_body_is_a_client_error(
    api: Api, method: str, path: str, raw: bytes
) -> None:
    api.add("notes", "seed")
    reply = api.call(method, path, raw=raw)
    assert reply.status in (400, 422), (reply.status, reply.raw)


def test_deep_metadata_is_422_and_a_deep_filter_never_500(api: Api) -> None:
    deep = '{"a":' * 400 + "1" + "}" * 400
    stored = api.post(
        f"{C}/notes/memories", raw=('{"text":"deep","metadata":' + deep + "}").encode()
    )
    assert stored.status == 422 and stored.json["detail"][0]["type"] == "too_deep"
    reply = api.post(
        f"{C}/notes/search", raw=('{"query":"deep","metadata_filter":' + deep + "}").encode()
    )
    assert reply.status in (200, 422), (reply.status, reply.raw)


# -- 2. timestamps must stay four-digit years (stored timestamps compare as text) ------------


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("expires_at", "0001-01-01T00:00:00Z"),
        ("expires_at", "9999-12-31T23:59:59-23:59"),  # year 10000 once in UTC
        ("created_at", "0500-01-01T00:00:00Z"),
    ],
)
def test_timestamp_outside_four_digit_years_is_422_and_breaks_nothing(
    api: Api, field: str, value: str
) -> None:
    api.add("notes", "hello world")
    reply = api.post(
        "/v1/memory/admin/import",
        {"memories": [{"text": "odd date", "collection": "notes", field: value}]},
    )
    assert reply.status == 422, reply.raw
    assert reply.json["detail"][0]["loc"][-1] == field
    search = api.post(f"{C}/notes/search", {"query": "hello"})
    assert search.status == 200, search.raw
    assert [m["text"] for m in api.get(f"{C}/notes/memories").json] == ["hello world"]


# -- 3. tenant isolation -----------------------------------------------------------------


def test_other_tenant_data_does_not_change_search_results(server: LocalServer, api: Api) -> None:
    api.add("notes", "The quarterly gamma report is due")
    query = {"query": "alpha beta gamma", "mode": "text"}
    assert len(api.search(**query)) == 1
    other = api.with_key(server.add_tenant_key())
    for i in range(6):
        batch = {"memories": [f"gamma item {i}-{j}" for j in range(100)]}
        assert other.post(f"{C}/other/memories/batch", batch).status == 201
    assert len(api.search(**query)) == 1


def test_directory_connector_cannot_read_other_tenants_from_the_database(
    server: LocalServer, api: Api
) -> None:
    api.add("private", "tenant A bank PIN is 4711 zebra")
    other = api.with_key(server.add_tenant_key())
    dbdir = os.path.dirname(server.store.path)
    created = other.post(
        "/v1/memory/connections",
        {
            "provider": "directory",
            "collection": "loot",
            "config": {"path": dbdir, "patterns": ["*"]},
        },
    )
    if created.status == 201:
        other.post(f"/v1/memory/connections/{created.json['id']}/sync")
    if other.get(f"{C}/loot").status == 404:
        return  # nothing was synced: what a fix would do
    hits = other.post(f"{C}/loot/search", {"query": "bank PIN zebra", "mode": "text"}).json
    assert not any("4711 zebra" in hit["text"] for hit in hits["results"])


def test_directory_connector_does_not_follow_symlinks_out_of_root(api: Api, tmp_path: Path) -> None:
    root = tmp_path / "notes"
    root.mkdir()
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.conf").write_text("password hunter2 outside root")
    (root / "innocent.md").symlink_to(outside / "secret.conf")
    (root / "real.md").write_text("a real note")
    created = api.post(
        "/v1/memory/connections",
        {"provider": "directory", "collection": "d", "config": {"path": str(root)}},
    )
    assert created.status == 201
    api.post(f"/v1/memory/connections/{created.json['id']}/sync")
    texts = [m["text"] for m in api.get(f"{C}/d/memories").json]
    assert "password hunter2 outside root" not in texts


# -- 4. current truth: expired memories ---------------------------------------------------


def _expired_memory_id(server: LocalServer, api: Api) -> str:
    reply = api.post(
        "/v1/memory/admin/import",
        {
            "memories": [
                {
                    "text": "trip to Rome",
                    "collection": "notes",
                    "expires_at": "2020-01-01T00:00:00Z",
                }
            ]
        },
    )
    assert reply.status == 200
    with server.store.read() as conn:
        row = conn.execute("SELECT id FROM memories WHERE text = 'trip to Rome'").fetchone()
    return str(row[0])


def test_expired_memory_is_404_for_update_as_for_get(server: LocalServer, api: Api) -> None:
    memory_id = _expired_memory_id(server, api)
    assert api.get(f"{C}/notes/memories/{memory_id}").status == 404
    assert api.put(f"{C}/notes/memories/{memory_id}", {"importance": 0.9}).status == 404


def test_contradictions_do_not_show_an_expired_memory_as_current(
    server: LocalServer, api: Api
) -> None:
    api.post(f"{C}/c/remember?sync=true", {"content": "I live in Berlin."})
    fact = api.post(f"{C}/c/remember?sync=true", {"content": "I live in Paris now."}).json["facts"][
        0
    ]
    assert fact["relation"] == "updates"
    with server.store.write() as conn:
        conn.execute(
            "UPDATE memories SET expires_at = '2020-01-01T00:00:00Z' WHERE id = ?", (fact["id"],)
        )
    assert api.get(f"{C}/c/memories/{fact['id']}").status == 404
    pairs = api.get(f"{C}/c/contradictions").json
    assert all(pair["current"]["id"] != fact["id"] for pair in pairs)


# -- 5. smaller protocol deviations --------------------------------------------------------


def test_batch_ignores_a_top_level_text_field(api: Api) -> None:
    reply = api.post(f"{C}/notes/memories/batch", {"text": "", "memories": ["a"]})
    assert reply.status == 201, reply.raw


def test_rate_limit_headers_stay_truthful_on_413() -> None:
    import socket

    with LocalServer(api_key="k1", rate_limit=2) as srv:
        api = Api(srv, "k1")
        for _ in range(3):
            last = api.get(C)
        assert last.status == 429
        with socket.create_connection(("127.0.0.1", srv.port), timeout=5) as sock:
            sock.sendall(
                f"POST {C}/n/memories HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer k1\r\n"
                "Content-Length: 99999999\r\n\r\n".encode()
            )
            head = sock.recv(4096).decode("latin-1")
        api.close()
    assert head.startswith("HTTP/1.1 413")
    assert "RateLimit-Remaining: 0" in head, head


def test_cli_out_of_range_port_is_a_usage_error(tmp_path: Path) -> None:
    status = server_cli.main(["--port", "70000", "--db", str(tmp_path / "x.db")])
    assert status == 2


def test_admin_key_fixture_still_works(api: Api) -> None:
    # A control: the helpers above speak to a working server.
    assert api.get("/v1/memory/admin/memory-health", key=ADMIN_KEY).status == 200
