"""One exchange on the wire, for both transports: the same scripted servers, the same
answers and the same errors from `Transport` (threads) and `AsyncTransport` (asyncio);
then what only asyncio has: cancellation, a bounded pool, concurrency on one thread."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import gzip
import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from typing import Any, Callable, Optional, Union

import pytest

from longmem import LongmemConnectionError, LongmemError, LongmemTimeoutError
from longmem import ResponseTooLargeError as TooLarge
from longmem._async_transport import AsyncTransport, _Pool
from longmem._constants import ASYNC_MAX_CONNECTIONS
from longmem._transport import Response, Transport

from .conftest import LoopBlockers
from .servers import (
    PROXIED_HOST,
    Drop,
    ForwardProxy,
    Raw,
    Reply,
    ScriptedServer,
    Stall,
    TLSMaterial,
    Truncated,
    behind_proxy,
)

HEADERS = {"Accept": "application/json", "Accept-Encoding": "gzip"}
CAP = 64 * 1024


class Driver:
    """One transport of either kind, called synchronously: an AsyncTransport runs on an
    event loop of its own that lives as long as the driver, as a client's would."""

    def __init__(self, kind: str, base_url: str, **kwargs: Any) -> None:
        self.kind = kind
        self.loop: Optional[asyncio.AbstractEventLoop] = None
        self.transport: Union[Transport, AsyncTransport]
        if kind == "sync":
            self.transport = Transport(base_url, **kwargs)
        else:
            self.loop = asyncio.new_event_loop()
            self.transport = AsyncTransport(base_url, **kwargs)

    def request(
        self,
        method: str = "GET",
        path: str = "/v1/memory/collections",
        data: Optional[bytes] = None,
        headers: Optional[dict[str, str]] = None,
        timeout: float = 5.0,
        deadline: Optional[float] = None,
    ) -> Response:
        args = (method, path, data, headers or dict(HEADERS), timeout, deadline)
        if isinstance(self.transport, Transport):
            return self.transport.request(*args)
        assert self.loop is not None
        return self.loop.run_until_complete(self.transport.request(*args))

    def close_connections(self) -> None:
        if isinstance(self.transport, Transport):
            self.transport.close()
        else:
            assert self.loop is not None
            self.loop.run_until_complete(self.transport.close())

    def close(self) -> None:
        self.close_connections()
        if self.loop is not None:
            self.loop.close()


@pytest.fixture(params=["sync", "async"])
def make(request: pytest.FixtureRequest) -> Iterator[Callable[..., Driver]]:
    """Build drivers of the parametrized kind, closed after the test."""
    made: list[Driver] = []

    def build(base_url: str, **kwargs: Any) -> Driver:
        made.append(Driver(request.param, base_url, **kwargs))
        return made[-1]

    yield build
    for driver in made:
        driver.close()


def _raw(head: bytes, body: bytes = b"", close: bool = False) -> Raw:
    return Raw(head + b"\r\n\r\n" + body, close=close)


# -- the request on the wire -------------------------------------------------------------


def test_request_is_written_as_http_client_writes_it(
    server: ScriptedServer, make: Callable[..., Driver]
) -> None:
    driver = make(server.url + "/api/")
    driver.request("POST", "/v1/x?q=a%20b", b'{"text":"hi"}', {**HEADERS, "X-Key": "k"})
    driver.request("DELETE", "/v1/x/1")
    driver.request("PUT", "/v1/x/1")
    post, delete, put = server.requests
    assert (post.method, post.target, post.body) == ("POST", "/api/v1/x?q=a%20b", b'{"text":"hi"}')
    assert post.headers["Host"] == server.url.split("://")[1]
    assert post.headers["Content-Length"] == "13"
    assert (post.headers["X-Key"], post.headers["Accept-Encoding"]) == ("k", "gzip")
    assert "Content-Length" not in delete.headers
    assert put.headers["Content-Length"] == "0"  # a method that carries a body, without one


def test_answer_carries_status_headers_and_body(
    server: ScriptedServer, make: Callable[..., Driver]
) -> None:
    server.script(Reply(201, json={"id": "mem_1"}, headers={"X-Request-Id": "req_1"}))
    response = make(server.url).request("POST", "/v1/x", b"{}")
    assert response.status == 201
    assert response.headers.get("x-request-id") == "req_1"
    assert response.body == b'{"id": "mem_1"}'


# -- keep-alive --------------------------------------------------------------------------


def test_requests_reuse_one_kept_alive_connection(
    server: ScriptedServer, make: Callable[..., Driver]
) -> None:
    driver = make(server.url)
    for _ in range(5):
        driver.request()
        driver.request("POST", "/v1/x", b"{}")
    assert server.connections == 1


def test_connection_closed_by_the_server_is_replaced_before_sending(
    server: ScriptedServer, make: Callable[..., Driver]
) -> None:
    driver = make(server.url)
    driver.request()
    assert server.close_idle_connections() == 1
    server.script(Reply(201, json={"id": "mem_1"}))
    assert driver.request("POST", "/v1/x", b"{}").status == 201
    assert server.connections == 2
    assert [r.method for r in server.requests] == ["GET", "POST"]


def test_stale_replacement_happens_once_and_a_failure_after_it_is_a_real_error(
    server: ScriptedServer, make: Callable[..., Driver]
) -> None:
    driver = make(server.url)
    driver.request()
    server.close_idle_connections()
    server.script(Drop())  # the fresh connection fails too: that one was sent
    with pytest.raises(LongmemConnectionError) as caught:
        driver.request()
    assert caught.value.request_sent is True
    assert server.connections == 2


def test_async_connection_closed_while_the_loop_runs_is_replaced(server: ScriptedServer) -> None:
    async def main() -> int:
        transport = AsyncTransport(server.url)
        await transport.request("GET", "/", None, dict(HEADERS), 5.0, None)
        # The server's FIN reaches the loop while it runs: the connection learns of it.
        closed = await asyncio.get_running_loop().run_in_executor(
            None, server.close_idle_connections
        )
        answer = await transport.request("POST", "/", b"{}", dict(HEADERS), 5.0, None)
        await transport.close()
        return closed if answer.status == 200 else -1

    assert _run(main()) == 1
    assert server.connections == 2
    assert [r.method for r in server.requests] == ["GET", "POST"]


def test_bytes_nobody_asked_for_retire_the_connection(
    server: ScriptedServer, make: Callable[..., Driver]
) -> None:
    server.script(
        _raw(b"HTTP/1.1 200 OK\r\nContent-Length: 2", b"[]HTTP/1.1 200 OK\r\n\r\n"),
        Reply(200, json={"second": True}),
    )
    driver = make(server.url)
    assert driver.request().body == b"[]"
    assert driver.request().body == b'{"second": true}'  # not the stray bytes


@pytest.mark.parametrize(
    "reply",
    [
        pytest.param(Reply(200, json=[], close=True), id="connection-close"),
        pytest.param(_raw(b"HTTP/1.0 200 OK\r\nContent-Length: 2", b"[]", close=True), id="1.0"),
        pytest.param(_raw(b"HTTP/1.1 200 OK", b"[]", close=True), id="until-close"),
    ],
)
def test_an_answer_that_ends_the_connection_opens_a_new_one_next_time(
    server: ScriptedServer, make: Callable[..., Driver], reply: Any
) -> None:
    server.script(reply)
    driver = make(server.url)
    assert driver.request().body == b"[]"
    assert driver.request().status == 200
    assert server.connections == 2


def test_http_1_0_keep_alive_is_kept(server: ScriptedServer, make: Callable[..., Driver]) -> None:
    server.script(_raw(b"HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 2", b"[]"))
    driver = make(server.url)
    driver.request()
    driver.request()
    assert server.connections == 1


def test_close_releases_connections_and_the_transport_reconnects(
    server: ScriptedServer, make: Callable[..., Driver]
) -> None:
    driver = make(server.url)
    driver.request()
    driver.close_connections()
    driver.request()
    assert server.connections == 2


# -- framing -----------------------------------------------------------------------------


def test_chunked_body_with_extensions_and_trailers(
    server: ScriptedServer, make: Callable[..., Driver]
) -> None:
    server.script(
        _raw(
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked",
            b'4;ext=1\r\n[{"a\r\n6\r\n": 1}]\r\n0\r\nX-Trailer: t\r\n\r\n',
        )
    )
    driver = make(server.url)
    assert driver.request().body == b'[{"a": 1}]'
    assert driver.request().status == 200
    assert server.connections == 1  # the chunked body was read to its end


@pytest.mark.parametrize(
    ("method", "head"),
    [
        ("HEAD", b"HTTP/1.1 200 OK\r\nContent-Length: 42"),
        ("GET", b"HTTP/1.1 204 No Content"),
        ("GET", b"HTTP/1.1 304 Not Modified\r\nContent-Length: 42"),
    ],
)
def test_answers_without_a_body_leave_the_connection_usable(
    server: ScriptedServer, make: Callable[..., Driver], method: str, head: bytes
) -> None:
    server.script(_raw(head))
    driver = make(server.url)
    assert driver.request(method).body == b""
    assert driver.request().body == b"{}"
    assert server.connections == 1


def test_100_continue_is_skipped(server: ScriptedServer, make: Callable[..., Driver]) -> None:
    server.script(_raw(b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2", b"[]"))
    assert make(server.url).request().body == b"[]"


def test_async_skips_every_interim_answer(server: ScriptedServer) -> None:
    # http.client swallows 100 only, so the sync transport refuses a 103 (never shifting
    # the final answer onto the next call); the async one reads past it.
    server.script(
        _raw(
            b"HTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\nHTTP/1.1 200 OK\r\n"
            b"Content-Length: 6",
            b'"mem0"',
        )
    )
    driver = Driver("async", server.url)
    try:
        assert driver.request().body == b'"mem0"'
        assert driver.request().body == b"{}"
        assert server.connections == 1
    finally:
        driver.close()


# -- failures, in the same words ---------------------------------------------------------


def _failure(make: Callable[..., Driver], url: str, **request: Any) -> LongmemConnectionError:
    with pytest.raises(LongmemConnectionError) as caught:
        make(url).request(**request)
    return caught.value


def test_dropped_connection_is_a_sent_connection_error(
    server: ScriptedServer, make: Callable[..., Driver]
) -> None:
    server.script(Drop())
    error = _failure(make, server.url, method="POST", path="/v1/x", data=b"{}")
    assert str(error) == (
        f"POST /v1/x to {server.url} failed: RemoteDisconnected: "
        "Remote end closed connection without response"
    )
    assert (error.request_sent, error.retryable) == (True, True)
    assert isinstance(error.__cause__, ConnectionResetError)


def test_truncated_body_is_a_sent_connection_error(
    server: ScriptedServer, make: Callable[..., Driver]
) -> None:
    server.script(Truncated())
    error = _failure(make, server.url)
    assert str(error).startswith(
        f"GET /v1/memory/collections to {server.url} failed: IncompleteRead: IncompleteRead("
    )
    assert error.request_sent is True


@pytest.mark.parametrize(
    ("reply", "error"),
    [
        pytest.param(
            _raw(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked", b'5\r\n{"a"', close=True),
            "IncompleteRead",
            id="chunked-cut",
        ),
        pytest.param(_raw(b"ICY 200 OK"), "BadStatusLine: ICY 200 OK\r\n", id="status-line"),
        pytest.param(_raw(b"HTTP/2 200"), "UnknownProtocol: HTTP/2", id="version"),
    ],
)
def test_broken_answers_are_sent_connection_errors(
    server: ScriptedServer, make: Callable[..., Driver], reply: Raw, error: str
) -> None:
    server.script(reply)
    caught = _failure(make, server.url)
    assert str(caught).startswith(f"GET /v1/memory/collections to {server.url} failed: {error}")
    assert caught.request_sent is True


def test_refused_connection_was_never_sent(make: Callable[..., Driver], refused_port: int) -> None:
    port = refused_port
    error = _failure(make, f"http://127.0.0.1:{port}")
    assert str(error) == (
        f"could not connect to http://127.0.0.1:{port}: connection refused (is the server running?)"
    )
    assert error.request_sent is False


def test_unresolvable_host_is_said_in_plain_words(
    make: Callable[..., Driver], monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_such_host(*args: Any, **kwargs: Any) -> Any:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_host)
    error = _failure(make, "http://no-such-host.invalid")
    assert str(error) == "could not resolve host no-such-host.invalid"
    assert error.request_sent is False


def test_stalled_answer_times_out_per_operation(
    server: ScriptedServer, make: Callable[..., Driver]
) -> None:
    server.script(Stall(5.0, then=Reply(200)))
    with pytest.raises(LongmemTimeoutError) as caught:
        make(server.url).request(timeout=0.2)
    assert str(caught.value) == f"GET /v1/memory/collections timed out waiting for {server.url}"
    assert caught.value.request_sent is True


def test_deadline_bounds_a_stalled_answer(
    server: ScriptedServer, make: Callable[..., Driver]
) -> None:
    server.script(Stall(5.0, then=Reply(200)))
    driver = make(server.url)
    started = time.monotonic()
    with pytest.raises(LongmemTimeoutError):
        driver.request(timeout=30, deadline=time.monotonic() + 0.3)
    assert time.monotonic() - started < 3.0  # the server stalls for 5 s


def test_spent_deadline_sends_nothing(server: ScriptedServer, make: Callable[..., Driver]) -> None:
    driver = make(server.url)
    driver.request()
    with pytest.raises(LongmemTimeoutError) as caught:
        driver.request(deadline=time.monotonic() - 1)
    assert len(server.requests) == 1
    assert str(caught.value) == (
        "GET /v1/memory/collections: the call's time budget ran out before it was sent"
    )
    assert caught.value.request_sent is False  # so add_many never counts it in doubt


def test_deadline_bounds_a_trickling_body(make: Callable[..., Driver]) -> None:
    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def trickle() -> None:
        sock, _ = listener.accept()
        with sock, contextlib.suppress(OSError):  # the client hangs up when time is up
            sock.recv(65536)
            sock.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n")
            while not stop.wait(0.1):
                sock.sendall(b" ")  # each wait is short, the whole never ends

    thread = threading.Thread(target=trickle, daemon=True)
    thread.start()
    try:
        driver = make(f"http://127.0.0.1:{listener.getsockname()[1]}")
        started = time.monotonic()
        with pytest.raises(LongmemTimeoutError):
            driver.request(timeout=1, deadline=time.monotonic() + 0.5)
        assert time.monotonic() - started < 3.0  # a read bounded by timeout alone would take 10 s
    finally:
        stop.set()
        thread.join(2)
        listener.close()


# -- gzip and the size cap ---------------------------------------------------------------


def test_gzip_answers_are_decoded_all_members(
    server: ScriptedServer, make: Callable[..., Driver]
) -> None:
    body = gzip.compress(b'[{"name": "a"},') + gzip.compress(b'{"name": "b"}]')
    server.script(Reply(200, body=body, headers={"Content-Encoding": "gzip"}))
    assert make(server.url).request().body == b'[{"name": "a"},{"name": "b"}]'


def test_corrupt_gzip_body_is_a_connection_error(
    server: ScriptedServer, make: Callable[..., Driver]
) -> None:
    server.script(Reply(200, body=b"not gzip at all", headers={"Content-Encoding": "gzip"}))
    error = _failure(make, server.url)
    assert str(error).startswith("GET /v1/memory/collections: the gzip response body is corrupt")


@pytest.mark.parametrize(
    "reply",
    [
        pytest.param(Reply(200, body=b"x" * (CAP + 1)), id="content-length"),
        pytest.param(_raw(b"HTTP/1.1 200 OK", b"x" * (CAP * 4), close=True), id="until-close"),
        pytest.param(_raw(b"HTTP/1.1 200 OK\r\nContent-Length: 1000000000000"), id="declared"),
        pytest.param(
            _raw(
                b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked",
                b"%x\r\n" % (CAP + 1) + b"x" * (CAP + 1) + b"\r\n0\r\n\r\n",
            ),
            id="chunked",
        ),
        pytest.param(Reply(500, body=b"x" * (CAP + 1)), id="error-body"),
    ],
)
@pytest.mark.parametrize("budget", [None, 30.0], ids=["no-deadline", "deadline"])
def test_body_past_the_cap_is_refused_and_its_connection_dropped(
    server: ScriptedServer, make: Callable[..., Driver], reply: Any, budget: Optional[float]
) -> None:
    server.script(reply)
    driver = make(server.url, max_response_bytes=CAP)
    deadline = None if budget is None else time.monotonic() + budget
    with pytest.raises(
        TooLarge,
        match=r"^GET /v1/memory/collections: the response body is larger than "
        r"max_response_bytes \(65,536 bytes\); pass a larger",
    ):
        driver.request(deadline=deadline)
    assert driver.request().body == b"{}"
    assert server.connections == 2


def test_gzip_bomb_is_refused_by_its_decompressed_size(
    server: ScriptedServer, make: Callable[..., Driver]
) -> None:
    bomb = gzip.compress(b"\0" * 1024 * 1024) * 64
    server.script(Reply(200, body=bomb, headers={"Content-Encoding": "gzip"}))
    with pytest.raises(TooLarge, match=r"\(4,194,304 bytes\) once decompressed;"):
        make(server.url, max_response_bytes=4 * 1024 * 1024).request()


# -- TLS ---------------------------------------------------------------------------------


def test_tls_with_ca_file_keeps_the_connection_alive(
    tls_server: ScriptedServer, tls_material: TLSMaterial, make: Callable[..., Driver]
) -> None:
    tls_server.script(Reply(200, json=[{"name": "secure"}]))
    driver = make(tls_server.url, ca_file=str(tls_material.ca_file))
    assert driver.request().body == b'[{"name": "secure"}]'
    driver.request()
    assert tls_server.connections == 1


def test_tls_with_ssl_context(
    tls_server: ScriptedServer, tls_material: TLSMaterial, make: Callable[..., Driver]
) -> None:
    driver = make(tls_server.url, ssl_context=tls_material.client_context())
    assert driver.request().body == b"{}"


def test_tls_honours_ssl_cert_file(
    tls_server: ScriptedServer,
    tls_material: TLSMaterial,
    make: Callable[..., Driver],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(tls_material.ca_file))
    assert make(tls_server.url).request().status == 200


def test_unverifiable_certificate_is_one_clear_error_never_retried(
    tls_server: ScriptedServer, make: Callable[..., Driver], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    error = _failure(make, tls_server.url)
    assert str(error).startswith("could not verify the TLS certificate of localhost: ")
    assert "CERTIFICATE_VERIFY_FAILED" in str(error)
    assert str(error).endswith("; pass ca_file= if your own CA signed it")
    assert (error.request_sent, error.retryable) == (False, False)
    assert tls_server.requests == []


def test_https_to_a_plain_http_server_is_one_clear_error(
    server: ScriptedServer, make: Callable[..., Driver]
) -> None:
    netloc = server.url.split("://")[1]
    error = _failure(make, f"https://{netloc}")
    assert re.fullmatch(
        rf"https://{re.escape(netloc)} does not speak TLS "
        r"\(SSL (WRONG_VERSION_NUMBER|RECORD_LAYER_FAILURE)\): "
        rf"for a plain-HTTP server use http://{re.escape(netloc)}",
        str(error),
    )
    assert (error.request_sent, error.retryable) == (False, False)


def test_unreadable_ca_file_is_a_longmem_error(make: Callable[..., Driver]) -> None:
    driver = make("https://127.0.0.1:9", ca_file="/nonexistent/ca.pem")
    with pytest.raises(LongmemError, match=r"^cannot load ca_file '/nonexistent/ca.pem': "):
        driver.request()


# -- proxies -----------------------------------------------------------------------------


def test_http_proxy_forwards_in_absolute_form(
    server: ScriptedServer,
    proxy: ForwardProxy,
    make: Callable[..., Driver],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HTTP_PROXY", proxy.url)
    server.script(Reply(200, json=[{"name": "via proxy"}]))
    assert make(behind_proxy(server.url)).request().body == b'[{"name": "via proxy"}]'
    [seen] = proxy.requests
    assert (seen.method, seen.target) == (
        "GET",
        behind_proxy(server.url) + "/v1/memory/collections",
    )


def test_https_proxy_tunnels_once_with_connect(
    tls_server: ScriptedServer,
    tls_material: TLSMaterial,
    proxy: ForwardProxy,
    make: Callable[..., Driver],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HTTPS_PROXY", proxy.url)
    driver = make(behind_proxy(tls_server.url), ca_file=str(tls_material.ca_file))
    driver.request()
    driver.request("POST", "/v1/x", b"{}")
    assert [p.method for p in proxy.requests] == ["CONNECT"]
    assert proxy.requests[0].target == f"{PROXIED_HOST}:{tls_server.port}"
    assert [r.method for r in tls_server.requests] == ["GET", "POST"]


@pytest.mark.parametrize("scheme", ["http", "https"])
def test_proxy_credentials_come_from_the_proxy_url(
    server: ScriptedServer,
    tls_server: ScriptedServer,
    tls_material: TLSMaterial,
    make: Callable[..., Driver],
    monkeypatch: pytest.MonkeyPatch,
    scheme: str,
) -> None:
    target = server if scheme == "http" else tls_server
    with ForwardProxy(auth=("user", "p@ss word")) as authed:
        host_port = authed.url.split("://", 1)[1]
        monkeypatch.setenv(f"{scheme}_proxy", f"http://user:p%40ss%20word@{host_port}")
        driver = make(behind_proxy(target.url), ca_file=str(tls_material.ca_file))
        assert driver.request().status == 200
        assert len(authed.requests) == 1
        assert "proxy-authorization" not in target.requests[0].headers


def test_proxy_refusing_the_tunnel_is_a_connection_error(
    tls_server: ScriptedServer,
    tls_material: TLSMaterial,
    make: Callable[..., Driver],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with ForwardProxy(auth=("user", "secret")) as authed:
        monkeypatch.setenv("HTTPS_PROXY", authed.url)
        driver = make(behind_proxy(tls_server.url), ca_file=str(tls_material.ca_file))
        with pytest.raises(LongmemConnectionError) as caught:
            driver.request()
    error = caught.value
    host_port = authed.url.split("://", 1)[1]
    assert str(error) == (
        f"could not connect to the proxy {host_port}: "
        "OSError: Tunnel connection failed: 407 Proxy Authentication Required"
    )
    assert error.request_sent is False


@pytest.mark.usefixtures("proxied_host_resolves")
def test_no_proxy_and_empty_lowercase_variables_bypass_the_proxy(
    server: ScriptedServer,
    proxy: ForwardProxy,
    make: Callable[..., Driver],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HTTP_PROXY", proxy.url)
    monkeypatch.setenv("NO_PROXY", PROXIED_HOST)
    make(behind_proxy(server.url)).request()
    monkeypatch.delenv("NO_PROXY")
    monkeypatch.setenv("http_proxy", "")
    make(behind_proxy(server.url)).request()
    assert proxy.requests == []
    assert len(server.requests) == 2


def test_unreachable_proxy_is_a_connection_error(
    server: ScriptedServer,
    make: Callable[..., Driver],
    monkeypatch: pytest.MonkeyPatch,
    refused_port: int,
) -> None:
    port = refused_port
    monkeypatch.setenv("HTTP_PROXY", f"http://127.0.0.1:{port}")
    error = _failure(make, behind_proxy(server.url))
    assert str(error) == (
        f"could not connect to the proxy 127.0.0.1:{port}: connection refused "
        "(is the server running?)"
    )


def test_https_proxy_url_is_rejected_clearly(
    server: ScriptedServer, make: Callable[..., Driver], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HTTP_PROXY", "https://127.0.0.1:9")
    with pytest.raises(LongmemError, match="must be an http:// proxy URL"):
        make(behind_proxy(server.url)).request()


# -- asyncio only: cancellation, the pool, one thread --------------------------------------


def test_import_longmem_loads_no_asyncio() -> None:
    code = "import sys, longmem; print('asyncio' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "False"


def _run(coro: Any) -> Any:
    return asyncio.run(coro)


def test_cancelled_request_closes_its_half_read_connection(server: ScriptedServer) -> None:
    # The server sends 5 of 100 declared bytes and waits: the connection is mid-answer.
    server.script(_raw(b"HTTP/1.1 200 OK\r\nContent-Length: 100", b'{"a":'))

    async def main() -> tuple[bytes, int]:
        transport = AsyncTransport(server.url)
        task = asyncio.ensure_future(
            transport.request("GET", "/v1/x", None, dict(HEADERS), 30.0, None)
        )
        while not server.requests:
            await asyncio.sleep(0.01)
        await asyncio.sleep(0.05)  # the partial body has arrived
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        idle = len(_pool_of(transport).idle)
        answer = await transport.request("GET", "/v1/y", None, dict(HEADERS), 5.0, None)
        await transport.close()
        return answer.body, idle

    body, idle = _run(main())
    assert idle == 0
    assert body == b"{}"  # not the rest of the cancelled answer
    assert server.connections == 2


def test_cancelled_request_waiting_for_its_answer_raises_at_once(server: ScriptedServer) -> None:
    server.script(Stall(5.0))

    async def main() -> float:
        transport = AsyncTransport(server.url)
        task = asyncio.ensure_future(
            transport.request("POST", "/v1/x", b"{}", dict(HEADERS), 30.0, None)
        )
        while not server.requests:
            await asyncio.sleep(0.01)
        started = time.monotonic()
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        await transport.close()
        return time.monotonic() - started

    assert _run(main()) < 1.0
    assert server.connections == 1


def test_concurrent_requests_each_get_their_own_answer_on_one_thread(
    server: ScriptedServer,
) -> None:
    server.set_default(lambda request: Reply(200, body=request.path.encode()))
    callers = 50

    async def main() -> tuple[list[bytes], set[str], int]:
        transport = AsyncTransport(server.url)
        before = {t.name for t in threading.enumerate()}
        answers = await asyncio.gather(
            *(
                transport.request("GET", f"/v1/{n}", None, dict(HEADERS), 10.0, None)
                for n in range(callers)
            )
        )
        # Only the scripted server's own threads came and went.
        added = {t.name for t in threading.enumerate()} - before
        idle = len(_pool_of(transport).idle)
        await transport.close()
        return [a.body for a in answers], added, idle

    bodies, added, idle = _run(main())
    assert bodies == [f"/v1/{n}".encode() for n in range(callers)]
    assert {name for name in added if not name.startswith("ScriptedServer")} == set()
    assert idle == callers  # all kept for the next burst: fewer than max_connections


def _pool_of(transport: AsyncTransport) -> _Pool:
    return transport._pools[asyncio.get_running_loop()]


def _gather(transport: AsyncTransport, calls: int, timeout: float = 5.0) -> Any:
    return asyncio.gather(
        *(transport.request("GET", "/", None, dict(HEADERS), timeout, None) for _ in range(calls))
    )


def test_bursts_reuse_connections_up_to_the_cap(server: ScriptedServer) -> None:
    async def main() -> list[int]:
        transport = AsyncTransport(server.url)
        statuses: list[int] = []
        for _ in range(3):
            statuses += [answer.status for answer in await _gather(transport, 150)]
        await transport.close()
        return statuses

    assert _run(main()) == [200] * 450
    assert server.connections == ASYNC_MAX_CONNECTIONS  # 100: never more open, all reused


def test_callers_beyond_max_connections_wait_for_a_free_one(server: ScriptedServer) -> None:
    server.set_default(Stall(0.02, then=Reply(200)))

    async def main() -> tuple[list[int], int]:
        transport = AsyncTransport(server.url, max_connections=3)
        answers = await _gather(transport, 12)
        most = _pool_of(transport).open
        await transport.close()
        return [answer.status for answer in answers], most

    statuses, open_after = _run(main())
    assert statuses == [200] * 12
    assert server.connections == 3
    assert open_after == 3


def test_waiting_for_a_free_connection_is_bounded_by_the_timeout(server: ScriptedServer) -> None:
    server.script(Stall(2.0, then=Reply(200)))

    async def main() -> LongmemTimeoutError:
        transport = AsyncTransport(server.url, max_connections=1)
        holder = asyncio.ensure_future(transport.request("GET", "/", None, dict(HEADERS), 5, None))
        await asyncio.sleep(0.05)
        try:
            with pytest.raises(LongmemTimeoutError) as caught:
                await transport.request("GET", "/", None, dict(HEADERS), 0.1, None)
        finally:
            holder.cancel()
            await transport.close()
        return caught.value

    error = _run(main())
    assert str(error) == (
        f"timed out after 0.1s waiting for one of the 1 connections to {server.url} to be free"
    )
    assert error.request_sent is False
    assert len(server.requests) == 1


def test_a_cancelled_waiter_gives_up_its_turn(server: ScriptedServer) -> None:
    server.script(Stall(0.2, then=Reply(200)))

    async def main() -> tuple[int, int]:
        transport = AsyncTransport(server.url, max_connections=1)

        def call() -> asyncio.Future[Response]:
            return asyncio.ensure_future(
                transport.request("GET", "/", None, dict(HEADERS), 5, None)
            )

        holder, cancelled, last = call(), call(), call()
        await asyncio.sleep(0.05)  # the holder has the connection, the others wait
        cancelled.cancel()
        answer = await asyncio.wait_for(last, 3)
        assert (await holder).status == 200
        assert cancelled.cancelled()
        open_ = _pool_of(transport).open
        await transport.close()
        return answer.status, open_

    assert _run(main()) == (200, 1)
    assert server.connections == 1


def test_a_waiter_woken_and_cancelled_passes_the_turn_on() -> None:
    async def main() -> bool:
        pool = _Pool(asyncio.get_running_loop())
        first = asyncio.ensure_future(pool.wait(5))
        second = asyncio.ensure_future(pool.wait(5))
        await asyncio.sleep(0)  # both waiting, in order
        pool.wake()  # the turn goes to the first ...
        first.cancel()  # ... which is cancelled before it runs
        await asyncio.wait_for(second, 1)  # the turn was not lost: the second has it
        return first.cancelled()

    assert _run(main()) is True


def test_two_event_loops_in_two_threads_share_one_transport(server: ScriptedServer) -> None:
    transport = AsyncTransport(server.url)
    start = threading.Barrier(2)
    # Both loops hold a pool before either ends: a loop that had ended (its asyncio.run
    # over) would be dropped when the other made its pool, as it should.
    both_pooled = threading.Barrier(2)
    statuses: list[int] = []

    def thread() -> None:
        async def calls() -> None:
            start.wait()
            for turn in range(20):
                answer = await transport.request("GET", "/", None, dict(HEADERS), 5.0, None)
                statuses.append(answer.status)
                if turn == 0:
                    both_pooled.wait()
                await asyncio.sleep(0)

        asyncio.run(calls())

    threads = [threading.Thread(target=thread) for _ in range(2)]
    for each in threads:
        each.start()
    for each in threads:
        each.join()
    assert statuses == [200] * 40
    # Each loop kept its own connection: neither took (and closed) the other's.
    assert server.connections == 2
    assert len(transport._pools) == 2
    _run(transport.close())  # the two loops have closed: their pools are dropped
    assert transport._pools == {}


def test_a_host_name_is_looked_up_once_per_event_loop(
    server: ScriptedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    lookups: list[str] = []
    real = asyncio.BaseEventLoop.getaddrinfo

    async def recording(self: Any, host: Any, *args: Any, **kwargs: Any) -> Any:
        lookups.append(host)
        return await real(self, host, *args, **kwargs)

    monkeypatch.setattr(asyncio.BaseEventLoop, "getaddrinfo", recording)
    server.set_default(Reply(200, close=True))  # a new connection for every call

    async def main() -> list[int]:
        transport = AsyncTransport(server.url.replace("127.0.0.1", "localhost"))
        answers = await _gather(transport, 20)
        answers += await _gather(transport, 20)
        await transport.close()
        return [answer.status for answer in answers]

    assert _run(main()) == [200] * 40
    assert server.connections == 40
    assert lookups == ["localhost"]


def test_event_loop_keeps_running_while_a_request_stalls(
    server: ScriptedServer, loop_blockers: LoopBlockers
) -> None:
    server.script(Stall(5.0))

    async def main() -> int:
        transport = AsyncTransport(server.url.replace("127.0.0.1", "localhost"))
        with loop_blockers.armed():
            task = asyncio.ensure_future(
                transport.request("GET", "/", None, dict(HEADERS), 30.0, None)
            )
            ticks = 0
            while ticks < 20 and not task.done():
                await asyncio.sleep(0.01)
                ticks += 1
            assert not task.done()
            task.cancel()
        await transport.close()
        return ticks

    assert _run(main()) == 20
    # Not a stopwatch: no call on the loop's thread blocked it, even once and briefly.
    assert loop_blockers.calls == []


# A connection left open when its loop ended is shut down and dropped: its socket is
# freed when collected, with the ResourceWarning that says the client was not closed.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_transport_outlives_its_event_loop(server: ScriptedServer) -> None:
    transport = AsyncTransport(server.url)
    for _ in range(2):  # each asyncio.run is a new loop, whose first call opens anew
        answer = _run(transport.request("GET", "/", None, dict(HEADERS), 5.0, None))
        assert answer.status == 200
    _run(transport.close())
    assert server.connections == 2
    del transport
    gc.collect()  # here, where the warnings are expected


@pytest.mark.parametrize("value", ["a\r\nInjected: 1", "a\nb"])
def test_header_line_breaks_are_refused_before_sending(server: ScriptedServer, value: str) -> None:
    from longmem import InvalidArgumentError

    transport = AsyncTransport(server.url)
    with pytest.raises(InvalidArgumentError, match="the X-Key header holds a line break"):
        _run(transport.request("GET", "/", None, {"X-Key": value}, 5.0, None))
    assert server.connections == 0


@pytest.fixture
def stalled_connect(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every asyncio connection attempt hangs, as one to a host that drops SYNs does."""

    async def never(*args: Any, **kwargs: Any) -> Any:
        await asyncio.sleep(30)

    monkeypatch.setattr(asyncio.selector_events.BaseSelectorEventLoop, "sock_connect", never)


@pytest.mark.usefixtures("stalled_connect")
def test_connecting_is_bounded_by_the_timeout_and_never_sent() -> None:
    transport = AsyncTransport("http://127.0.0.1:9")
    with pytest.raises(LongmemTimeoutError) as caught:
        _run(transport.request("GET", "/", None, dict(HEADERS), 0.1, None))
    assert str(caught.value) == "timed out connecting to http://127.0.0.1:9 after 0.1s"
    assert caught.value.request_sent is False


@pytest.mark.usefixtures("stalled_connect")
def test_cancelled_while_connecting_raises_at_once() -> None:
    async def main() -> float:
        transport = AsyncTransport("http://127.0.0.1:9")
        task = asyncio.ensure_future(transport.request("GET", "/", None, dict(HEADERS), 30, None))
        await asyncio.sleep(0.05)
        started = time.monotonic()
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        assert (_pool_of(transport).idle, _pool_of(transport).open) == ([], 0)
        return time.monotonic() - started

    assert _run(main()) < 1.0
