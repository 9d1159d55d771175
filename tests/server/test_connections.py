"""Connection routes and the admin views, through real HTTP: create, list, get, delete,
directory and RSS sync, failing sources, runs, credentials, tenancy and roles."""

from __future__ import annotations

import os
import socket
import stat
import sys
import threading
import time
from pathlib import Path
from typing import Any, Optional

import pytest

from longmem.server import LocalServer, cli
from longmem.server.handlers import connections as connection_routes

from .conftest import ADMIN_KEY, READ_ONLY_KEY
from .server_api import Api, C, FeedServer, ServerProcess

CONN = "/v1/memory/connections"
ADMIN = "/v1/memory/admin"
SECRET = "tok-very-secret-4711"
PASSWORD = "pw-also-secret-0815"


def _feed(*entries: tuple[str, str]) -> str:
    """RSS 2.0 from (guid, title) pairs, each dated a day apart, newest last."""
    items = "".join(
        f"<item><guid>{guid}</guid><title>{title}</title><description>about {title}"
        f"</description><pubDate>Mon, {i + 1:02d} Jun 2026 10:00:00 GMT</pubDate></item>"
        for i, (guid, title) in enumerate(entries)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{items}</channel></rss>'
    )


def _rewrite(path: Path, text: str) -> None:
    """Write new content and move the mtime on, as an editor saving later would."""
    path.write_text(text, encoding="utf-8")
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))


def _create(api: Api, provider: str, config: dict[str, Any], **fields: Any) -> dict[str, Any]:
    reply = api.post(CONN, {"provider": provider, "config": config, **fields})
    assert reply.status == 201, reply.raw
    return reply.json  # type: ignore[no-any-return]


def _sync(api: Api, connection_id: str) -> dict[str, Any]:
    reply = api.post(f"{CONN}/{connection_id}/sync")
    assert reply.status == 200, reply.raw
    return reply.json  # type: ignore[no-any-return]


def _memories(api: Api, collection: str) -> list[dict[str, Any]]:
    reply = api.get(f"{C}/{collection}/memories?limit=200&include_archived=true")
    assert reply.status == 200, reply.raw
    return reply.json  # type: ignore[no-any-return]


def _notes(tmp_path: Path) -> Path:
    root = tmp_path / "notes"
    root.mkdir()
    (root / "a.md").write_text("Alpha note about gardening", encoding="utf-8")
    (root / "b.txt").write_text("Beta note about sailing", encoding="utf-8")
    return root


@pytest.fixture
def refused_url(refused_port: int) -> str:
    """A feed URL where connecting is refused (the port is held for the test)."""
    return f"http://127.0.0.1:{refused_port}/feed.xml"


def _loc_set(reply: Any) -> set[tuple[Any, ...]]:
    return {tuple(e["loc"]) for e in reply.json["detail"]}


# -- create, list, get, delete ------------------------------------------------------------


def test_create_connection_is_201_with_connection_shape(api: Api, tmp_path: Path) -> None:
    body = _create(
        api, "directory", {"path": str(tmp_path)}, name="Notes", collection="n", container_tag="t"
    )
    assert set(body) == {
        "id",
        "provider",
        "name",
        "collection",
        "container_tag",
        "config",
        "status",
        "cursor",
        "last_synced_at",
        "last_error",
        "created_at",
    }
    assert body["id"].startswith("conn_")
    assert (body["provider"], body["name"], body["collection"]) == ("directory", "Notes", "n")
    assert body["container_tag"] == "t"
    assert body["config"]["path"] == str(tmp_path)
    assert body["status"] == "active"
    assert body["cursor"] is body["last_synced_at"] is body["last_error"] is None
    assert body["created_at"].endswith("Z")


def test_collection_defaults_to_default(api: Api) -> None:
    body = _create(api, "rss", {"url": "http://127.0.0.1:9/feed"})
    assert body["collection"] == "default"
    assert body["name"] is None


def test_list_is_newest_first_and_get_returns_one(api: Api, tmp_path: Path) -> None:
    first = _create(api, "directory", {"path": str(tmp_path)})
    second = _create(api, "rss", {"url": "http://127.0.0.1:9/feed"})
    listed = api.get(CONN).json
    assert [c["id"] for c in listed] == [second["id"], first["id"]]
    assert api.get(f"{CONN}/{first['id']}").json == first
    missing = api.get(f"{CONN}/conn_nope")
    assert missing.status == 404
    assert "conn_nope" in missing.json["detail"]


def test_delete_keeps_memories_and_drops_runs_and_items(
    api: Api, server: LocalServer, tmp_path: Path
) -> None:
    conn = _create(api, "directory", {"path": str(_notes(tmp_path))}, collection="n")
    _sync(api, conn["id"])
    assert api.delete(f"{CONN}/{conn['id']}").status == 204
    assert api.get(f"{CONN}/{conn['id']}").status == 404
    assert api.get(f"{CONN}/{conn['id']}/runs").status == 404
    assert api.delete(f"{CONN}/{conn['id']}").status == 404
    assert len(_memories(api, "n")) == 2
    with server.store.read() as db:
        for table in ("connection_runs", "connection_items"):
            n = db.execute(
                f"SELECT COUNT(*) FROM {table} WHERE connection_id = ?", (conn["id"],)
            ).fetchone()[0]
            assert n == 0, table


# -- validation ---------------------------------------------------------------------------


def test_unknown_provider_is_422_naming_the_providers(api: Api) -> None:
    reply = api.post(CONN, {"provider": "gdrive", "config": {}})
    assert reply.status == 422
    [problem] = reply.json["detail"]
    assert problem["loc"] == ["body", "provider"]
    assert "directory" in problem["msg"] and "rss" in problem["msg"]
    missing = api.post(CONN, {"config": {}})
    assert missing.status == 422
    assert "directory" in missing.json["detail"][0]["msg"]


def test_missing_url_or_path_is_422_naming_the_field(api: Api) -> None:
    rss = api.post(CONN, {"provider": "rss"})
    assert rss.status == 422
    assert _loc_set(rss) == {("body", "config", "url")}
    assert rss.json["detail"][0]["type"] == "missing"
    directory = api.post(CONN, {"provider": "directory", "config": {}})
    assert directory.status == 422
    assert _loc_set(directory) == {("body", "config", "path")}


def test_create_validates_every_field_at_once(api: Api) -> None:
    reply = api.post(
        CONN,
        {
            "provider": "rss",
            "collection": "bad/name",
            "name": 5,
            "container_tag": "x" * 129,
            "config": [],
            "credentials": "nope",
        },
    )
    assert reply.status == 422
    assert _loc_set(reply) == {
        ("body", "collection"),
        ("body", "name"),
        ("body", "container_tag"),
        ("body", "config"),
        ("body", "credentials"),
    }
    assert api.post(CONN, [1]).status == 422
    assert api.post(CONN).status == 422


# -- credentials --------------------------------------------------------------------------


def test_credentials_are_never_returned(api: Api, feeds: FeedServer) -> None:
    url = feeds.serve("/feed.xml", _feed(("1", "one")))
    conn = _create(api, "rss", {"url": url}, credentials={"token": SECRET})
    other = _create(api, "rss", {"url": url}, credentials={"username": "ann", "password": PASSWORD})
    replies = [
        api.get(CONN),
        api.get(f"{CONN}/{conn['id']}"),
        api.get(f"{CONN}/{other['id']}"),
        api.post(f"{CONN}/{conn['id']}/sync"),
        api.get(f"{CONN}/{conn['id']}/runs"),
        api.get("/v1/memory/admin/export"),
    ]
    assert "credentials" not in conn
    for reply in replies:
        assert reply.status == 200
        assert SECRET.encode() not in reply.raw and PASSWORD.encode() not in reply.raw
    # The provider did receive them.
    assert feeds.requests[-1]["Authorization"] == f"Bearer {SECRET}"


def test_credentials_are_sealed_at_rest(api: Api, server: LocalServer, feeds: FeedServer) -> None:
    conn = _create(api, "rss", {"url": feeds.url("/f")}, credentials={"token": SECRET})
    with server.store.read() as db:
        stored = db.execute(
            "SELECT credentials FROM connections WHERE id = ?", (conn["id"],)
        ).fetchone()[0]
    assert stored.startswith("v1:") and SECRET not in stored
    for suffix in ("", "-wal"):
        if os.path.exists(server.store.path + suffix):
            with open(server.store.path + suffix, "rb") as fh:
                assert SECRET.encode() not in fh.read()
    secret_file = server.store.path + ".secret"
    if sys.platform != "win32":
        assert stat.S_IMODE(os.stat(secret_file).st_mode) == 0o600


def test_credential_errors_do_not_echo_the_value(api: Api, tmp_path: Path) -> None:
    for provider, config, credentials in [
        ("rss", {"url": "http://127.0.0.1:9/f"}, {"token": SECRET + "\n"}),
        ("rss", {"url": "http://127.0.0.1:9/f"}, {"token": SECRET, "extra": SECRET}),
        ("directory", {"path": str(tmp_path)}, {"token": SECRET}),
    ]:
        reply = api.post(CONN, {"provider": provider, "config": config, "credentials": credentials})
        assert reply.status == 422
        assert SECRET.encode() not in reply.raw


def test_failing_sync_error_does_not_echo_credentials(api: Api, feeds: FeedServer) -> None:
    conn = _create(api, "rss", {"url": feeds.url("/gone")}, credentials={"token": SECRET})
    result = _sync(api, conn["id"])
    assert result["status"] == "error"
    for reply in (api.get(f"{CONN}/{conn['id']}"), api.get(f"{CONN}/{conn['id']}/runs")):
        assert SECRET.encode() not in reply.raw


# -- directory sync -----------------------------------------------------------------------


def test_directory_sync_creates_memories_once(api: Api, tmp_path: Path) -> None:
    root = _notes(tmp_path)
    conn = _create(api, "directory", {"path": str(root)}, collection="n", container_tag="home")
    result = _sync(api, conn["id"])
    assert result["status"] == "ok" and result["synced"] == 2
    assert isinstance(result["cursor"], str)
    memories = _memories(api, "n")
    assert sorted(m["text"] for m in memories) == [
        "Alpha note about gardening",
        "Beta note about sailing",
    ]
    for memory in memories:
        assert memory["source"] == "directory"
        assert memory["container_tag"] == "home"
        assert memory["metadata"]["connection_id"] == conn["id"]
        assert memory["metadata"]["path"] in ("a.md", "b.txt")
        assert memory["created_by"]["label"] == "default"
    again = _sync(api, conn["id"])
    assert again == {"synced": 0, "cursor": again["cursor"], "status": "ok"}
    assert len(_memories(api, "n")) == 2
    stored = api.get(f"{CONN}/{conn['id']}").json
    assert stored["cursor"] == again["cursor"]
    assert stored["last_synced_at"].endswith("Z")


def test_directory_changes_update_add_and_never_remove(api: Api, tmp_path: Path) -> None:
    root = _notes(tmp_path)
    conn = _create(api, "directory", {"path": str(root)}, collection="n")
    _sync(api, conn["id"])
    before = {m["metadata"]["path"]: m for m in _memories(api, "n")}

    _rewrite(root / "a.md", "Alpha note about gardening, now with tomatoes")
    assert _sync(api, conn["id"])["synced"] == 1
    after = {m["metadata"]["path"]: m for m in _memories(api, "n")}
    assert after["a.md"]["id"] == before["a.md"]["id"]
    assert after["a.md"]["text"].endswith("tomatoes")
    assert after["a.md"]["metadata"]["connection_id"] == conn["id"]
    assert api.search("tomatoes", "n", mode="text")[0]["id"] == before["a.md"]["id"]

    (root / "c.md").write_text("Gamma note about chess", encoding="utf-8")
    assert _sync(api, conn["id"])["synced"] == 1
    assert len(_memories(api, "n")) == 3

    (root / "b.txt").unlink()
    assert _sync(api, conn["id"])["synced"] == 0
    assert len(_memories(api, "n")) == 3


def test_changed_item_whose_memory_was_deleted_is_recreated(api: Api, tmp_path: Path) -> None:
    root = _notes(tmp_path)
    conn = _create(api, "directory", {"path": str(root)}, collection="n")
    _sync(api, conn["id"])
    old = next(m for m in _memories(api, "n") if m["metadata"]["path"] == "a.md")
    assert api.delete(f"{C}/n/memories/{old['id']}").status == 204
    assert _sync(api, conn["id"])["synced"] == 0  # unchanged: the deletion is respected
    _rewrite(root / "a.md", "Alpha, rewritten")
    assert _sync(api, conn["id"])["synced"] == 1
    texts = sorted(m["text"] for m in _memories(api, "n"))
    assert texts == ["Alpha, rewritten", "Beta note about sailing"]


def test_changed_item_updates_its_memory_after_a_move(api: Api, tmp_path: Path) -> None:
    root = _notes(tmp_path)
    conn = _create(api, "directory", {"path": str(root)}, collection="n")
    _sync(api, conn["id"])
    memory = next(m for m in _memories(api, "n") if m["metadata"]["path"] == "a.md")
    api.post(f"{C}/n/memories/{memory['id']}/move", {"to_collection": "kept"})
    _rewrite(root / "a.md", "Alpha, edited after the move")
    assert _sync(api, conn["id"])["synced"] == 1
    assert (
        api.get(f"{C}/kept/memories/{memory['id']}").json["text"] == "Alpha, edited after the move"
    )
    assert len(_memories(api, "n")) == 1


# -- rss sync and failures ----------------------------------------------------------------


def test_rss_resync_adds_exactly_the_new_entry(api: Api, feeds: FeedServer) -> None:
    url = feeds.serve("/feed.xml", _feed(("g1", "first post"), ("g2", "second post")))
    conn = _create(api, "rss", {"url": url}, collection="news")
    assert _sync(api, conn["id"])["synced"] == 2
    assert _sync(api, conn["id"])["synced"] == 0
    feeds.serve("/feed.xml", _feed(("g1", "first post"), ("g2", "second post"), ("g3", "third")))
    assert _sync(api, conn["id"])["synced"] == 1
    memories = _memories(api, "news")
    assert len(memories) == 3
    assert {m["source"] for m in memories} == {"rss"}
    assert {m["metadata"]["id"] for m in memories} == {"g1", "g2", "g3"}


@pytest.mark.parametrize("broken", ["404", "refused"])
def test_failing_feed_is_recorded_never_500(
    api: Api, feeds: FeedServer, broken: str, refused_url: str
) -> None:
    url = feeds.url("/missing.xml") if broken == "404" else refused_url
    conn = _create(api, "rss", {"url": url})
    result = _sync(api, conn["id"])
    assert result["status"] == "error"
    assert isinstance(result["error"], str) and result["error"]
    stored = api.get(f"{CONN}/{conn['id']}").json
    assert stored["status"] == "error"
    assert stored["last_error"] == result["error"]
    assert stored["last_synced_at"] is None
    [run] = api.get(f"{CONN}/{conn['id']}/runs").json
    assert run["status"] == "error" and run["error"] == result["error"]
    assert run["synced_count"] == 0 and run["connection_id"] == conn["id"]
    assert run["id"].startswith("run_") and run["finished_at"].endswith("Z")


def test_successful_sync_after_error_reactivates(api: Api, feeds: FeedServer) -> None:
    url = feeds.url("/later.xml")
    conn = _create(api, "rss", {"url": url})
    assert _sync(api, conn["id"])["status"] == "error"
    feeds.serve("/later.xml", _feed(("g1", "finally")))
    assert _sync(api, conn["id"])["status"] == "ok"
    stored = api.get(f"{CONN}/{conn['id']}").json
    assert (stored["status"], stored["last_error"]) == ("active", None)


def test_missing_directory_is_an_error_run(api: Api, tmp_path: Path) -> None:
    conn = _create(api, "directory", {"path": str(tmp_path / "absent")})
    result = _sync(api, conn["id"])
    assert result["status"] == "error"
    assert "not found" in result["error"]


# -- runs ---------------------------------------------------------------------------------


def test_runs_are_newest_first_with_limit(api: Api, tmp_path: Path) -> None:
    root = _notes(tmp_path)
    conn = _create(api, "directory", {"path": str(root)})
    _sync(api, conn["id"])
    _sync(api, conn["id"])
    (root / "c.md").write_text("third", encoding="utf-8")
    _sync(api, conn["id"])
    runs = api.get(f"{CONN}/{conn['id']}/runs").json
    assert [r["synced_count"] for r in runs] == [1, 0, 2]
    assert all(r["status"] == "ok" and r["error"] is None for r in runs)
    limited = api.get(f"{CONN}/{conn['id']}/runs?limit=2").json
    assert [r["id"] for r in limited] == [r["id"] for r in runs[:2]]
    for bad in ("0", "201", "x"):
        reply = api.get(f"{CONN}/{conn['id']}/runs?limit={bad}")
        assert reply.status == 422
        assert reply.json["detail"][0]["loc"] == ["query", "limit"]


# -- tenancy and roles --------------------------------------------------------------------


def test_other_tenant_sees_nothing(api: Api, server: LocalServer, tmp_path: Path) -> None:
    conn = _create(api, "directory", {"path": str(_notes(tmp_path))})
    other = api.with_key(server.add_tenant_key())
    try:
        assert other.get(CONN).json == []
        for method, path in [
            ("GET", f"{CONN}/{conn['id']}"),
            ("POST", f"{CONN}/{conn['id']}/sync"),
            ("GET", f"{CONN}/{conn['id']}/runs"),
            ("DELETE", f"{CONN}/{conn['id']}"),
        ]:
            assert other.call(method, path).status == 404, (method, path)
    finally:
        other.close()
    assert api.get(f"{CONN}/{conn['id']}").json["status"] == "active"
    assert api.get(f"{CONN}/{conn['id']}/runs").json == []


def test_read_only_key_cannot_create_sync_or_delete(api: Api, tmp_path: Path) -> None:
    conn = _create(api, "directory", {"path": str(tmp_path)})
    ro = api.with_key(READ_ONLY_KEY)
    try:
        assert ro.post(CONN, {"provider": "directory", "config": {"path": "."}}).status == 403
        assert ro.post(f"{CONN}/{conn['id']}/sync").status == 403
        assert ro.delete(f"{CONN}/{conn['id']}").status == 403
        assert ro.get(f"{CONN}/{conn['id']}").status == 200
        assert ro.get(f"{CONN}/{conn['id']}/runs").status == 200
    finally:
        ro.close()


def test_admin_views_need_an_admin_key(api: Api) -> None:
    admin = api.with_key(ADMIN_KEY)
    ro = api.with_key(READ_ONLY_KEY)
    try:
        for path in ("/connectors/health", "/connectors/status", "/memory-health"):
            assert api.get(ADMIN + path).status == 403, path
            assert ro.get(ADMIN + path).status == 403, path
            assert admin.get(ADMIN + path).status == 200, path
        for bad in ("0", "8761", "x"):
            reply = admin.get(f"{ADMIN}/connectors/health?hours={bad}")
            assert reply.status == 422
            assert reply.json["detail"][0]["loc"] == ["query", "hours"]
    finally:
        admin.close()
        ro.close()


def test_connector_admin_views_count_across_tenants(
    api: Api, server: LocalServer, tmp_path: Path, feeds: FeedServer
) -> None:
    other = api.with_key(server.add_tenant_key())
    admin = api.with_key(ADMIN_KEY)
    try:
        ok = _create(api, "directory", {"path": str(_notes(tmp_path))})
        _sync(api, ok["id"])
        _sync(api, ok["id"])
        failing = _create(other, "rss", {"url": feeds.url("/missing.xml")})
        _sync(other, failing["id"])
        _create(other, "rss", {"url": feeds.url("/never.xml")})

        health = admin.get(f"{ADMIN}/connectors/health?hours=1").json
        by_provider = {h["provider"]: h for h in health}
        assert set(by_provider) == {"directory", "rss"}
        assert (by_provider["directory"]["runs"], by_provider["directory"]["errors"]) == (2, 0)
        assert (by_provider["rss"]["runs"], by_provider["rss"]["errors"]) == (1, 1)
        assert by_provider["rss"]["last_run"].endswith("Z")

        status = admin.get(f"{ADMIN}/connectors/status").json
        assert status == [{"status": "active", "n": 2}, {"status": "error", "n": 1}]
    finally:
        other.close()
        admin.close()


def test_connector_health_with_no_runs_lists_zeroes(api: Api) -> None:
    admin = api.with_key(ADMIN_KEY)
    try:
        health = admin.get(f"{ADMIN}/connectors/health").json
    finally:
        admin.close()
    assert health == [
        {"provider": "directory", "runs": 0, "errors": 0, "last_run": None},
        {"provider": "rss", "runs": 0, "errors": 0, "last_run": None},
    ]


def _import(api: Api, memories: list[dict[str, Any]]) -> None:
    reply = api.post(f"{ADMIN}/import", {"memories": memories, "into_collection": "h"})
    assert reply.status == 200, reply.raw


def test_memory_health_counts_across_tenants(api: Api, server: LocalServer) -> None:
    other = api.with_key(server.add_tenant_key())
    admin = api.with_key(ADMIN_KEY)
    old = "2020-01-01T00:00:00Z"
    try:
        _import(
            api,
            [
                {"text": "fresh one"},
                {"text": "fresh two"},
                {"text": "old but pinned", "updated_at": old, "pinned": True},
                {"text": "archived", "archived": True},
            ],
        )
        _import(
            other,
            [
                {"text": "fresh three"},
                {"text": "stale", "created_at": old, "updated_at": old},
                {"text": "expired", "expires_at": old},
                {"text": "superseded", "is_latest": False},
            ],
        )
        health = admin.get(f"{ADMIN}/memory-health").json
        assert health == {
            "total": 8,
            "current": 5,
            "archived": 1,
            "stale": 1,
            "expired": 1,
            "supersessions": 1,
            # 3 of 8 is above the 20% share.
            "needs_attention": True,
        }
        _import(api, [{"text": f"healthy {i}"} for i in range(8)])
        assert admin.get(f"{ADMIN}/memory-health").json["needs_attention"] is False  # 3 of 16
    finally:
        other.close()
        admin.close()


def test_admin_views_on_an_empty_server(api: Api) -> None:
    admin = api.with_key(ADMIN_KEY)
    try:
        assert admin.get(f"{ADMIN}/connectors/status").json == []
        health: Optional[dict[str, Any]] = admin.get(f"{ADMIN}/memory-health").json
    finally:
        admin.close()
    assert health is not None
    assert health["total"] == 0 and health["needs_attention"] is False


def test_missing_secret_file_makes_sync_an_error_not_a_500(
    api: Api, server: LocalServer, feeds: FeedServer
) -> None:
    url = feeds.serve("/feed.xml", _feed(("g1", "one")))
    conn = _create(api, "rss", {"url": url}, credentials={"token": SECRET})
    os.remove(server.store.path + ".secret")
    result = _sync(api, conn["id"])
    assert result["status"] == "error"
    assert "secret file is missing" in result["error"]
    assert SECRET not in result["error"]
    assert feeds.requests == []  # never fetched without its credentials


def test_a_slow_sync_does_not_hold_up_other_writes(api: Api) -> None:
    """A sync waits on the network; other writes, idempotent ones included, go on."""
    import threading
    import time

    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    fetching = threading.Event()
    released = threading.Event()

    def stall() -> None:
        client, _ = listener.accept()
        fetching.set()
        released.wait(10)  # answer only once the test has written meanwhile
        client.sendall(b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n")
        client.close()

    threading.Thread(target=stall, daemon=True).start()
    connection = _create(api, "rss", {"url": f"http://127.0.0.1:{port}/feed"})
    results: dict[str, Any] = {}
    syncing = threading.Thread(
        target=lambda: results.update(
            sync=api.with_key(api.key).post(
                f"{CONN}/{connection['id']}/sync", headers={"Idempotency-Key": "sync-1"}
            )
        )
    )
    syncing.start()
    assert fetching.wait(10)  # the sync is now waiting on the stalled feed
    started = time.monotonic()
    other = api.with_key(api.key).post(
        f"{C}/elsewhere/memories",
        {"text": "written during the sync"},
        headers={"Idempotency-Key": "add-1"},
    )
    waited = time.monotonic() - started
    released.set()
    syncing.join(10)
    listener.close()
    assert other.status == 201
    # Held behind the sync, the write would wait the feed's 10 s (released comes after it).
    assert waited < 5.0, f"the write waited {waited:.1f}s behind the sync"
    assert results["sync"].json["status"] == "error"
    again = api.post(f"{CONN}/{connection['id']}/sync", headers={"Idempotency-Key": "sync-1"})
    assert again.header("Idempotent-Replayed") == "true"
    assert again.json == results["sync"].json


# -- big sources: a cap per sync, commits in chunks ---------------------------------------


def test_a_sync_stores_at_most_the_cap_and_the_next_sync_goes_on(
    api: Api, feeds: FeedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(connection_routes, "MAX_SYNC_ITEMS", 5)
    monkeypatch.setattr(connection_routes, "SYNC_CHUNK_ITEMS", 2)
    url = feeds.serve("/feed.xml", _feed(*[(f"g{i}", f"entry {i}") for i in range(12)]))
    conn = _create(api, "rss", {"url": url}, collection="big")
    first = _sync(api, conn["id"])
    # Capped: the cursor stays where it was, so the next sync reads the rest.
    assert (first["synced"], first["cursor"]) == (5, None)
    assert api.get(f"{CONN}/{conn['id']}").json["cursor"] is None
    assert len(_memories(api, "big")) == 5
    second = _sync(api, conn["id"])
    assert (second["synced"], second["cursor"]) == (5, None)
    third = _sync(api, conn["id"])
    assert third["synced"] == 2 and third["cursor"] is not None
    assert _sync(api, conn["id"])["synced"] == 0
    texts = sorted(m["text"] for m in _memories(api, "big"))
    assert texts == sorted(f"entry {i}\n\nabout entry {i}" for i in range(12))  # once each
    runs = api.get(f"{CONN}/{conn['id']}/runs").json
    assert [r["synced_count"] for r in runs] == [0, 2, 5, 5]


def test_a_big_sync_commits_in_chunks_and_other_writes_go_on_between_them(
    api: Api, server: LocalServer, feeds: FeedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    n = 2 * connection_routes.SYNC_CHUNK_ITEMS + 50
    url = feeds.serve("/feed.xml", _feed(*[(f"g{i}", f"entry {i}") for i in range(n)]))
    conn = _create(api, "rss", {"url": url}, collection="big")
    other = api.with_key(api.key)
    visible: list[int] = []
    added: list[int] = []
    store_chunk = connection_routes._store_chunk

    def observed(*args: Any) -> int:
        stored = store_chunk(*args)
        # Another reader sees the chunk at once: it is committed, the sync still running.
        with server.store.read() as db:
            count = db.execute("SELECT COUNT(*) FROM memories WHERE collection = 'big'").fetchone()[
                0
            ]
        visible.append(count)
        if len(visible) == 1:  # and the writer is free: another client's add goes through
            added.append(other.post(f"{C}/elsewhere/memories", {"text": "meanwhile"}).status)
        return stored

    monkeypatch.setattr(connection_routes, "_store_chunk", observed)
    try:
        result = _sync(api, conn["id"])
    finally:
        other.close()
    assert result["synced"] == n
    chunk = connection_routes.SYNC_CHUNK_ITEMS
    assert visible == [chunk, 2 * chunk, n]
    assert added == [201]


# -- what an rss sync may fetch ------------------------------------------------------------


def test_a_loopback_feed_is_refused_unless_the_operator_allows_it(
    tmp_path: Path, feeds: FeedServer
) -> None:
    url = feeds.serve("/feed.xml", _feed(("g1", "internal admin page")))
    with LocalServer() as srv:  # no operator setting
        api = Api(srv, srv.api_key)
        conn = _create(api, "rss", {"url": url}, collection="n")
        result = _sync(api, conn["id"])
        assert result == {"status": "error", "error": "refused: private address"}
        assert api.get(f"{CONN}/{conn['id']}").json["last_error"] == "refused: private address"
        assert api.get(f"{C}/n").status == 404  # nothing stored
        api.close()
    assert feeds.requests == []  # never contacted
    with LocalServer(fetch_allow=["127.0.0.1"]) as srv:
        api = Api(srv, srv.api_key)
        conn = _create(api, "rss", {"url": url}, collection="n")
        assert _sync(api, conn["id"])["synced"] == 1
        api.close()
    with pytest.raises(ValueError, match="neither an address"):
        LocalServer(fetch_allow=["10.0.0.0/99"])


def test_a_sync_behind_the_allow_list_cannot_tell_a_closed_port_from_an_error_or_a_page(
    feeds: FeedServer, refused_url: str
) -> None:
    page = feeds.serve("/admin", "<html><title>router admin</title></html>")
    missing = feeds.url("/nothing-here")
    closed = refused_url  # the server below takes a port of its own: never this one
    with LocalServer(fetch_allow=["127.0.0.1"]) as srv:
        api = Api(srv, srv.api_key)
        errors = []
        for url in (page, missing, closed):
            conn = _create(api, "rss", {"url": url})
            errors.append(_sync(api, conn["id"]))
            assert api.get(f"{CONN}/{conn['id']}").json["last_error"] == "fetch failed"
        api.close()
    assert errors == [{"status": "error", "error": "fetch failed"}] * 3


@pytest.mark.skipif(sys.platform == "win32", reason="terminate() is not SIGTERM")
def test_cli_and_environment_allow_private_fetches(tmp_path: Path, feeds: FeedServer) -> None:
    url = feeds.serve("/feed.xml", _feed(("g1", "one")))
    db = str(tmp_path / "fetch.db")
    cases = [
        ((), {}, "error"),
        (("--fetch-allow", "127.0.0.0/8"), {}, "ok"),
        ((), {"LONGMEM_SERVER_FETCH_ALLOW": "10.0.0.0/8, 127.0.0.1"}, "ok"),
        ((), {"LONGMEM_SERVER_ALLOW_PRIVATE_FETCH": "1"}, "ok"),
    ]
    for flags, extra_env, status in cases:
        proc = ServerProcess(
            "--port", "0", "--db", db, *flags, env={"LONGMEM_SERVER_API_KEY": "lm_cli", **extra_env}
        )
        try:
            api = proc.api("lm_cli")
            conn = _create(api, "rss", {"url": url})
            assert _sync(api, conn["id"])["status"] == status, (flags, extra_env)
            api.close()
        finally:
            proc.finish()


def test_cli_refuses_a_bad_fetch_allow_entry(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "never.db"
    assert cli.main(["--db", str(db), "--fetch-allow", "10.0.0.0/99"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--fetch-allow" in err and "10.0.0.0/99" in err
    assert not db.exists()


# -- connector roots: what a directory connection may read -------------------------------


def test_path_outside_the_roots_is_422_naming_them(api: Api, tmp_path: Path) -> None:
    outside = tmp_path.parent
    reply = api.post(CONN, {"provider": "directory", "config": {"path": str(outside)}})
    assert reply.status == 422
    [problem] = reply.json["detail"]
    assert problem["loc"] == ["body", "config", "path"]
    assert "connector roots" in problem["msg"]
    assert os.path.realpath(tmp_path) in problem["msg"]
    assert api.get(CONN).json == []


def test_database_files_are_never_imported_even_inside_the_root(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    db = data / "shared.db"
    # A root granted to every tenant: the database's owner is not its only reader.
    with LocalServer(db_path=str(db), connector_roots={"*": [str(tmp_path)]}) as srv:
        owner = Api(srv, srv.api_key)
        thief = owner.with_key(srv.add_tenant_key())
        try:
            assert owner.post(f"{C}/private/memories", {"text": "PIN 4711 zebra"}).status == 201
            # Credentials make the server write its secret file beside the database.
            _create(owner, "rss", {"url": "http://127.0.0.1:9/f"}, credentials={"token": SECRET})
            assert (data / "shared.db.secret").exists() and (data / "shared.db-wal").exists()
            (data / "note.md").write_text("an ordinary note", encoding="utf-8")
            conn = _create(
                thief, "directory", {"path": str(data), "patterns": ["*"]}, collection="x"
            )
            result = _sync(thief, conn["id"])
            assert (result["status"], result["synced"]) == ("ok", 1)
            texts = [m["text"] for m in _memories(thief, "x")]
            assert texts == ["an ordinary note"]
        finally:
            thief.close()
            owner.close()


def test_sync_after_the_roots_narrowed_is_an_error_run(tmp_path: Path) -> None:
    db = str(tmp_path / "roots.db")
    notes = _notes(tmp_path)
    with LocalServer(db_path=db, api_key="lm_roots", connector_roots=[str(tmp_path)]) as srv:
        api = Api(srv, "lm_roots")
        conn = _create(api, "directory", {"path": str(notes)}, collection="n")
        api.close()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    with LocalServer(db_path=db, api_key="lm_roots", connector_roots=[str(elsewhere)]) as srv:
        api = Api(srv, "lm_roots")
        result = _sync(api, conn["id"])
        assert result["status"] == "error"
        assert "connector roots" in result["error"]
        assert api.get(f"{CONN}/{conn['id']}").json["status"] == "error"
        assert api.get(f"{C}/n").status == 404  # nothing was read
        api.close()


def test_no_root_by_default_not_even_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _notes(tmp_path)
    monkeypatch.chdir(tmp_path)
    with LocalServer() as srv:
        assert srv.connector_roots == {}
        api = Api(srv, srv.api_key)
        reply = api.post(CONN, {"provider": "directory", "config": {"path": "notes"}})
        assert reply.status == 422 and "none granted" in reply.json["detail"][0]["msg"]
        api.close()


def test_a_list_of_roots_is_granted_to_the_default_tenant_only(tmp_path: Path) -> None:
    notes = _notes(tmp_path)
    with LocalServer(connector_roots=[str(tmp_path)]) as srv:
        assert srv.connector_roots == {"default": (os.path.realpath(tmp_path),)}
        owner = Api(srv, srv.api_key)
        other = owner.with_key(srv.add_tenant_key())
        try:
            conn = _create(owner, "directory", {"path": str(notes)}, collection="n")
            assert _sync(owner, conn["id"])["synced"] == 2
            reply = other.post(CONN, {"provider": "directory", "config": {"path": str(notes)}})
            assert reply.status == 422 and "none granted" in reply.json["detail"][0]["msg"]
        finally:
            other.close()
            owner.close()


def test_a_tenant_cannot_read_a_folder_granted_to_another(tmp_path: Path) -> None:
    a_root, b_root = tmp_path / "a", tmp_path / "b"
    for folder in (a_root, b_root):
        folder.mkdir()
    (a_root / "diary.md").write_text("Alice's diary: the safe code is 4711", encoding="utf-8")
    (b_root / "todo.md").write_text("Bob's todo list", encoding="utf-8")
    grants = {"alice": [str(a_root)], "bob": [str(b_root)]}
    with LocalServer(connector_roots=grants) as srv:
        alice = Api(srv, srv.add_tenant_key("alice"))
        bob = alice.with_key(srv.add_tenant_key("bob"))
        try:
            mine = _create(alice, "directory", {"path": str(a_root)}, collection="d")
            assert _sync(alice, mine["id"])["synced"] == 1
            for path in (a_root, tmp_path):  # her folder, or the folder above it
                reply = bob.post(CONN, {"provider": "directory", "config": {"path": str(path)}})
                assert reply.status == 422, path
                [problem] = reply.json["detail"]
                assert problem["loc"] == ["body", "config", "path"]
                # Bob is told his own roots, never Alice's.
                assert os.path.realpath(b_root) in problem["msg"]
                assert os.path.realpath(a_root) not in problem["msg"]
            own = _create(bob, "directory", {"path": str(b_root)}, collection="d")
            assert _sync(bob, own["id"])["synced"] == 1
            assert [m["text"] for m in _memories(bob, "d")] == ["Bob's todo list"]
        finally:
            bob.close()
            alice.close()


def test_empty_roots_allow_no_directory_connection(tmp_path: Path) -> None:
    with LocalServer(connector_roots=[]) as srv:
        api = Api(srv, srv.api_key)
        reply = api.post(CONN, {"provider": "directory", "config": {"path": str(tmp_path)}})
        assert reply.status == 422 and "none granted" in reply.json["detail"][0]["msg"]
        api.close()
    with pytest.raises(TypeError):
        LocalServer(connector_roots=str(tmp_path))


def _accepts(api: Api, path: Path) -> bool:
    reply = api.post(CONN, {"provider": "directory", "config": {"path": str(path)}})
    assert reply.status in (201, 422), reply.raw
    return reply.status == 201


@pytest.mark.skipif(sys.platform == "win32", reason="terminate() is not SIGTERM")
def test_cli_and_environment_set_the_roots(tmp_path: Path) -> None:
    a, b, c = (tmp_path / name for name in ("a", "b", "c"))
    for folder in (a, b, c):
        folder.mkdir()
    db = str(tmp_path / "cli.db")
    env = {"LONGMEM_SERVER_CONNECTOR_ROOTS": os.pathsep.join([str(b), str(c)])}
    cases = [
        ((a,), (), {}, []),  # no setting: none, not the working directory
        ((tmp_path,), ("--connector-root", str(a), "--connector-root", f"default={b}"), {}, [a, b]),
        ((tmp_path,), (), env, [b, c]),
        # The flag wins; a root granted to another tenant is not the default tenant's.
        ((tmp_path,), ("--connector-root", str(a), "--connector-root", f"other={c}"), env, [a]),
        ((tmp_path,), ("--connector-root", f"*={c}"), {}, [c]),  # every tenant's
    ]
    for (cwd,), flags, extra_env, allowed in cases:
        proc = ServerProcess(
            "--port",
            "0",
            "--db",
            db,
            *flags,
            cwd=cwd,
            env={"LONGMEM_SERVER_API_KEY": "lm_cli", **extra_env},
        )
        try:
            shown = [line for line in proc.lines if "connectors may read" in line]
            assert len(shown) == 1
            assert all(os.path.realpath(root) in shown[0] for root in allowed)
            api = proc.api("lm_cli")
            assert [_accepts(api, f) for f in (a, b, c)] == [f in allowed for f in (a, b, c)]
            api.close()
        finally:
            proc.finish()


def test_cli_refuses_a_root_that_is_not_a_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "never.db"
    status = cli.main(["--db", str(db), "--connector-root", str(tmp_path / "missing")])
    assert status == 2
    assert capsys.readouterr().err.count("\n") == 1
    assert not db.exists()


@pytest.mark.parametrize("port", ["70000", "-1", "65536"])
def test_cli_out_of_range_port_is_a_one_line_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], port: str
) -> None:
    db = tmp_path / "never.db"
    assert cli.main(["serve", "--port", port, "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--port" in err and port in err
    assert not db.exists()


def test_environment_port_out_of_range_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LONGMEM_SERVER_PORT", "99999")
    db = tmp_path / "never.db"
    assert cli.main(["--db", str(db)]) == 2
    assert not db.exists()


# -- concurrent syncs of one connection ----------------------------------------------------


def _race_syncs(
    server: LocalServer, feeds: FeedServer, connection_id: str, headers: dict[str, str]
) -> list[Any]:
    """Eight syncs of one connection at once, the feed held until every one has arrived."""
    clients = [Api(server, server.api_key) for _ in range(8)]
    replies: list[Any] = []
    feeds.gate.clear()
    threads = [
        threading.Thread(
            target=lambda c=c: replies.append(
                c.post(f"{CONN}/{connection_id}/sync", headers=headers)
            )
        )
        for c in clients
    ]
    for thread in threads:
        thread.start()
    syncs = server._httpd.services.syncs  # type: ignore[union-attr]
    deadline = time.monotonic() + 10
    while syncs.callers(("default", connection_id)) < len(clients):
        assert time.monotonic() < deadline, "the syncs never all arrived"
        time.sleep(0.005)
    feeds.gate.set()
    for thread in threads:
        thread.join(10)
    for client in clients:
        client.close()
    return replies


@pytest.mark.parametrize("keyed", [False, True], ids=["no-key", "same-key"])
def test_concurrent_syncs_of_one_connection_fetch_once(
    server: LocalServer, api: Api, feeds: FeedServer, keyed: bool
) -> None:
    url = feeds.serve("/feed.xml", _feed(("g1", "first post"), ("g2", "second post")))
    conn = _create(api, "rss", {"url": url}, collection="news")
    headers = {"Idempotency-Key": "sync-once"} if keyed else {}
    replies = _race_syncs(server, feeds, conn["id"], headers)
    assert len(feeds.requests) == 1
    assert [r.status for r in replies] == [200] * 8
    assert {r.raw for r in replies} == {replies[0].raw}
    assert replies[0].json["synced"] == 2
    assert len(_memories(api, "news")) == 2
    assert len(api.get(f"{CONN}/{conn['id']}/runs").json) == 1
    if keyed:
        assert sum(r.header("Idempotent-Replayed") == "true" for r in replies) == 7
    # Once it has finished, the next sync runs again.
    assert _sync(api, conn["id"])["synced"] == 0
    assert len(feeds.requests) == 2
