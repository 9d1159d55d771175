"""The client talks to `base_url` (or the configured proxy) and to nothing else.

No telemetry, no update check, no name lookups of other hosts: every socket the client
opens and every name it resolves is recorded through Python's audit hooks
(``socket.connect``, ``socket.getaddrinfo``) while every documented method runs against
the real local server.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Optional

import pytest

from longmem import Longmem
from longmem.server import LocalServer
from tests.client.servers import ForwardProxy, behind_proxy

from .conftest import ADMIN_KEY
from .test_every_method import DOCUMENTED, call_every_method

_PROXY_VARIABLES = ("http_proxy", "https_proxy", "all_proxy", "no_proxy")

# An audit hook cannot be removed once added: one hook for the whole test process, which
# records only while a `_network_calls()` block is open, and only the events of the thread
# that opened it (the local server and the proxy run threads of their own in this process).
_recording: Optional[tuple[int, list[tuple[str, Any]]]] = None
_hook_added = False


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if _recording is None or event not in ("socket.connect", "socket.getaddrinfo"):
        return
    thread, calls = _recording
    if threading.get_ident() == thread:
        target = args[1] if event == "socket.connect" else (args[0], args[1])
        calls.append((event, target))


@contextmanager
def _network_calls() -> Iterator[list[tuple[str, Any]]]:
    """The sockets this thread connects and the names it resolves inside the block."""
    global _recording, _hook_added
    if not _hook_added:
        sys.addaudithook(_audit)
        _hook_added = True
    calls: list[tuple[str, Any]] = []
    _recording = (threading.get_ident(), calls)
    try:
        yield calls
    finally:
        _recording = None


def _endpoints(calls: list[tuple[str, Any]]) -> set[tuple[str, int]]:
    """Each (host, port) connected to or looked up."""
    return {(str(target[0]), int(target[1])) for _, target in calls}


@pytest.fixture
def no_ambient_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in _PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)


@pytest.mark.usefixtures("no_ambient_proxy")
def test_every_method_connects_only_to_base_url(
    local_server: LocalServer, collection: str, tmp_path: Path
) -> None:
    mem = Longmem(api_key=ADMIN_KEY, base_url=local_server.url)
    with mem, _network_calls() as calls:
        called = call_every_method(mem, collection, tmp_path)
    assert called >= DOCUMENTED
    assert any(event == "socket.connect" for event, _ in calls)  # the recorder sees them
    assert _endpoints(calls) == {("127.0.0.1", local_server.port)}


@pytest.mark.usefixtures("no_ambient_proxy")
def test_every_method_through_a_proxy_connects_only_to_the_proxy(
    local_server: LocalServer, collection: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with ForwardProxy() as proxy:
        monkeypatch.setenv("HTTP_PROXY", proxy.url)
        # A loopback base_url never goes through a proxy: name one only the proxy knows.
        mem = Longmem(api_key=ADMIN_KEY, base_url=behind_proxy(local_server.url))
        with mem, _network_calls() as calls:
            called = call_every_method(mem, collection, tmp_path)
        forwarded = {request.target.split("/v1/")[0] for request in proxy.requests}
    assert called >= DOCUMENTED
    assert _endpoints(calls) == {("127.0.0.1", proxy.port)}
    assert forwarded == {behind_proxy(local_server.url)}


def test_importing_and_constructing_the_client_opens_nothing() -> None:
    # A fresh interpreter, so nothing this test process imported earlier hides an import-time
    # connection, lookup or thread.
    script = """
import json, sys, threading
events = []
sys.addaudithook(lambda event, args: events.append(event) if event.startswith("socket.") else None)
import longmem
client = longmem.Longmem(api_key="k", base_url="https://memory.example.com")
client.close()
print(json.dumps({"events": events, "threads": threading.active_count()}))
"""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    assert json.loads(done.stdout) == {"events": [], "threads": 1}
