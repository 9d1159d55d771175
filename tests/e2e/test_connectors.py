"""Connectors through the client: an RSS feed on loopback, re-synced and then failing."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator

import pytest

from longmem import Longmem, PermissionDeniedError
from longmem.server import LocalServer

from .conftest import ADMIN_KEY, READ_ONLY_KEY


class Feed:
    """A loopback HTTP server answering /feed.xml with `body`, or `status` when set."""

    def __init__(self) -> None:
        self.items: list[tuple[str, str]] = []
        self.status = 200
        feed = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                body = feed.render().encode()
                self.send_response(feed.status)
                self.send_header("Content-Type", "application/rss+xml")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/feed.xml"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def render(self) -> str:
        items = "".join(
            f"<item><guid>{guid}</guid><title>{title}</title>"
            f"<pubDate>Mon, {i + 1:02d} Jun 2026 10:00:00 GMT</pubDate></item>"
            for i, (guid, title) in enumerate(self.items)
        )
        return f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>'


@pytest.fixture
def feed(monkeypatch: pytest.MonkeyPatch) -> Iterator[Feed]:
    for name in ("http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    served = Feed()
    yield served
    served.httpd.shutdown()
    served.httpd.server_close()


def test_rss_sync_resync_and_failure(mem: Longmem, feed: Feed, collection: str) -> None:
    feed.items = [("a", "Launch moved to May"), ("b", "New office in Porto")]
    conn = mem.create_connection(
        "rss",
        name="news",
        collection=collection,
        config={"url": feed.url},
        credentials={"token": "feed-secret"},
    )
    assert "credentials" not in conn
    assert mem.sync_connection(conn["id"])["synced"] == 2
    assert mem.sync_connection(conn["id"])["synced"] == 0  # nothing new: no duplicates
    feed.items.append(("c", "Hiring two engineers"))
    assert mem.sync_connection(conn["id"])["synced"] == 1
    texts = sorted(m["text"] for m in mem.list_memories(collection=collection))
    assert len(texts) == 3 and any("Porto" in t for t in texts)

    feed.status = 500
    failed = mem.sync_connection(conn["id"])
    assert failed["status"] == "error" and failed["error"]
    after = mem.get_connection(conn["id"])
    assert after["status"] == "error" and after["last_error"]
    runs = mem.connection_runs(conn["id"], limit=2)
    assert [r["status"] for r in runs] == ["error", "ok"]
    assert "feed-secret" not in str(mem.list_connections())
    mem.delete_connection(conn["id"])
    assert len(mem.list_memories(collection=collection)) == 3  # synced memories stay


def test_admin_views_need_the_admin_key(local_server: LocalServer, mem: Longmem) -> None:
    with pytest.raises(PermissionDeniedError):
        mem.connector_status()
    with Longmem(api_key=ADMIN_KEY, base_url=local_server.url) as admin:
        assert isinstance(admin.connector_status(), list)
        assert {"total", "needs_attention"} <= set(admin.admin_memory_health())
    with (
        Longmem(api_key=READ_ONLY_KEY, base_url=local_server.url) as reader,
        pytest.raises(PermissionDeniedError),
    ):
        reader.connector_health()
