"""Fixtures for the client transport tests: loopback servers, a proxy and TLS material."""

from __future__ import annotations

import asyncio
import contextlib
import pathlib
import socket
import ssl
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from longmem import Longmem

from ..drivers import dispose, make
from .servers import (
    PROXIED_HOST,
    ForwardProxy,
    ScriptedServer,
    TLSMaterial,
    make_tls_material,
    openssl_path,
)


@pytest.fixture(autouse=True)
def _no_ambient_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every client test starts with no proxy configured, whatever the machine has."""
    for name in ("http_proxy", "https_proxy", "no_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)


@pytest.fixture
def server() -> Iterator[ScriptedServer]:
    """A plain-HTTP :class:`ScriptedServer` (``server.url`` is ``http://127.0.0.1:PORT``)."""
    with ScriptedServer() as srv:
        yield srv
    assert not srv.errors, f"server handler errors: {srv.errors!r}"


@pytest.fixture(scope="session")
def tls_material(tmp_path_factory: pytest.TempPathFactory) -> TLSMaterial:
    """A throw-away CA + ``localhost`` server certificate (``ca_file``, ``cert_file``, ...)."""
    if openssl_path() is None:
        pytest.skip("openssl command line tool not available")
    directory: pathlib.Path = tmp_path_factory.mktemp("tls")
    return make_tls_material(directory)


@pytest.fixture
def tls_server(tls_material: TLSMaterial) -> Iterator[ScriptedServer]:
    """A TLS :class:`ScriptedServer` (``url`` is ``https://localhost:PORT``); trust
    ``tls_material.ca_file`` to verify it."""
    with ScriptedServer(ssl_context=tls_material.server_context()) as srv:
        yield srv
    assert not srv.errors, f"server handler errors: {srv.errors!r}"


@pytest.fixture
def proxy() -> Iterator[ForwardProxy]:
    """A loopback :class:`ForwardProxy` (absolute-form forwarding + CONNECT)."""
    with ForwardProxy() as prx:
        yield prx
    assert not prx.errors, f"proxy handler errors: {prx.errors!r}"


@pytest.fixture
def proxied_host_resolves(monkeypatch: pytest.MonkeyPatch) -> None:
    """Lets a client reach PROXIED_HOST without a proxy too (as 127.0.0.1), so a test can
    show a request bypassed the proxy without a DNS lookup."""
    real = socket.getaddrinfo

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        return real("127.0.0.1" if host == PROXIED_HOST else host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


class SleepRecorder:
    """Stands in for time.sleep: records each requested delay and returns at once."""

    def __init__(self) -> None:
        self.calls: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)


@pytest.fixture
def sleeps() -> SleepRecorder:
    return SleepRecorder()


@pytest.fixture
def driver() -> str:
    """Which client `make_client` builds: "sync" here; a test module that runs its tests
    against both clients overrides it with `params=DRIVERS` (tests/drivers.py)."""
    return "sync"


@pytest.fixture
def make_client(sleeps: SleepRecorder, driver: str) -> Iterator[Callable[..., Longmem]]:
    """Build clients with sleep recorded and jitter fixed at 0, closed after the test."""
    made: list[Longmem] = []

    def make_one(url: str, **kwargs: Any) -> Longmem:
        kwargs.setdefault("api_key", "test-key")
        kwargs.setdefault("sleep", sleeps)
        kwargs.setdefault("random", lambda: 0.0)
        client: Longmem = make(driver, base_url=url, **kwargs)
        made.append(client)
        return client

    yield make_one
    for client in made:
        dispose(client)


@pytest.fixture
def client(server: ScriptedServer, make_client: Callable[..., Longmem]) -> Longmem:
    """A client of the plain-HTTP scripted server."""
    return make_client(server.url)


class LoopBlockers:
    """Records the blocking calls made on a thread that is running an event loop while
    armed: a name looked up (unless numeric), a trust store loaded, a TLS context built,
    a blocking connect, a sleep. Any of them holds every other task on the loop.

    A structural check rather than a stopwatch: it does not depend on how busy the
    machine is, and it names the call that blocked."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls: list[str] = []
        self._armed = False
        self._wrap(monkeypatch, socket, "getaddrinfo", self._lookup_blocks)
        self._wrap(monkeypatch, socket, "create_connection")
        self._wrap(monkeypatch, ssl, "create_default_context")
        for name in ("load_verify_locations", "load_default_certs", "set_default_verify_paths"):
            self._wrap(monkeypatch, ssl.SSLContext, name)
        self._wrap(monkeypatch, time, "sleep")

    @staticmethod
    def _lookup_blocks(*args: Any, **kwargs: Any) -> bool:
        flags = kwargs.get("flags", args[5] if len(args) > 5 else 0)
        return not flags & socket.AI_NUMERICHOST

    def _wrap(
        self,
        monkeypatch: pytest.MonkeyPatch,
        owner: Any,
        name: str,
        blocks: Callable[..., bool] = lambda *args, **kwargs: True,
    ) -> None:
        real = getattr(owner, name)
        is_method = isinstance(owner, type)

        def recording(*args: Any, **kwargs: Any) -> Any:
            call_args = args[1:] if is_method else args
            if self._armed and _on_a_loop_thread() and blocks(*call_args, **kwargs):
                self.calls.append(name)
            return real(*args, **kwargs)

        monkeypatch.setattr(owner, name, recording)

    @contextlib.contextmanager
    def armed(self) -> Iterator[None]:
        self._armed = True
        try:
            yield
        finally:
            self._armed = False


def _on_a_loop_thread() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


@pytest.fixture
def loop_blockers(monkeypatch: pytest.MonkeyPatch) -> LoopBlockers:
    return LoopBlockers(monkeypatch)
