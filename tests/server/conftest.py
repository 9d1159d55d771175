"""Fixtures for the server tests: a real LocalServer on loopback, and a client for it.

The tests speak raw HTTP (http.client), never the longmem client package, so the server
is held to PROTOCOL.md on its own.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from longmem.server import LocalServer

from .server_api import Api, FeedServer

READ_ONLY_KEY = "lm_readonly_test"
ADMIN_KEY = "lm_admin_test"


@pytest.fixture
def server(tmp_path: Path) -> Iterator[LocalServer]:
    # Directory connections may read the test's own tmp_path, nothing else; feeds are
    # served on loopback, which only an operator's opt-in lets connectors fetch from.
    with LocalServer(
        read_only_key=READ_ONLY_KEY,
        admin_key=ADMIN_KEY,
        connector_roots=[str(tmp_path)],
        allow_private_fetch=True,
    ) as srv:
        yield srv


@pytest.fixture
def api(server: LocalServer) -> Iterator[Api]:
    client = Api(server, server.api_key)
    yield client
    client.close()


@pytest.fixture
def feeds(monkeypatch: pytest.MonkeyPatch) -> Iterator[FeedServer]:
    """A loopback feed server. The rss connector ignores proxies; the environment's are
    dropped so no other client in a test sends its requests elsewhere."""
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    server = FeedServer()
    yield server
    server.close()
