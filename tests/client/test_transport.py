"""One exchange on the wire: keep-alive, stale connections, gzip, TLS, proxies, threads."""

from __future__ import annotations

import gzip
import socket
import threading
import time
import tracemalloc
from typing import Callable
from urllib.parse import urlsplit

import pytest

from longmem import (
    AuthenticationError,
    InvalidArgumentError,
    Longmem,
    LongmemAPIError,
    LongmemConnectionError,
    LongmemTimeoutError,
    ResponseTooLargeError,
)
from longmem._transport import _proxy_for

from ..drivers import DRIVERS
from .conftest import SleepRecorder
from .servers import (
    PROXIED_HOST,
    Early,
    ForwardProxy,
    Raw,
    Reply,
    ScriptedServer,
    TLSMaterial,
    behind_proxy,
)


@pytest.fixture(params=DRIVERS)
def driver(request: pytest.FixtureRequest) -> str:
    """Every test here that builds its client through `make_client` runs against both
    clients, `Longmem` and `AsyncLongmem`, on the same scripted servers."""
    return str(request.param)


# -- keep-alive --------------------------------------------------------------------------


def test_calls_reuse_one_kept_alive_connection(server: ScriptedServer, client: Longmem) -> None:
    for _ in range(5):
        client.collections()
        client.add("x")
    assert server.connections == 1
    assert {r.conn_id for r in server.requests} == {server.requests[0].conn_id}


def test_connection_closed_by_the_server_is_replaced_without_a_retry(
    server: ScriptedServer, make_client: Callable[..., Longmem], sleeps: SleepRecorder
) -> None:
    client = make_client(server.url, max_retries=0)
    client.collections()
    assert server.close_idle_connections() == 1
    server.script(Reply(201, json={"id": "mem_1"}))
    assert client.add("after idle close") == {"id": "mem_1"}
    assert server.connections == 2
    assert sleeps.calls == []  # not counted or slept as a retry
    assert [r.method for r in server.requests] == ["GET", "POST"]


def test_stale_replacement_happens_once_per_call(
    server: ScriptedServer, make_client: Callable[..., Longmem]
) -> None:
    from .servers import Drop

    client = make_client(server.url, max_retries=0)
    client.collections()
    server.close_idle_connections()
    server.script(Drop())  # the fresh connection fails too: that is a real error
    with pytest.raises(LongmemConnectionError):
        client.collections()
    assert server.connections == 2


def test_connection_close_reply_opens_a_new_connection_next_time(
    server: ScriptedServer, client: Longmem
) -> None:
    server.script(Reply(200, json=[], close=True))
    client.collections()
    client.collections()
    assert server.connections == 2


def test_close_releases_connections_and_client_can_reconnect(
    server: ScriptedServer, client: Longmem
) -> None:
    client.collections()
    client.close()
    client.collections()
    assert server.connections == 2


def test_context_manager_closes(server: ScriptedServer) -> None:
    with Longmem(api_key="k", base_url=server.url) as mem:
        mem.collections()
    server.wait_for_requests(1)
    # the server sees the socket closed: a new client call opens a second connection
    with Longmem(api_key="k", base_url=server.url) as mem:
        mem.collections()
    assert server.connections == 2


# -- gzip --------------------------------------------------------------------------------


def test_gzip_response_is_decoded(server: ScriptedServer, client: Longmem) -> None:
    server.script(Reply(200, json={"results": [{"id": "m", "text": "é" * 500}]}, gzip=True))
    assert client.search("q") == [{"id": "m", "text": "é" * 500}]


def test_gzip_error_body_is_decoded(server: ScriptedServer, client: Longmem) -> None:
    from longmem import NotFoundError

    server.script(Reply(404, json={"detail": "no such memory"}, gzip=True))
    with pytest.raises(NotFoundError, match="no such memory"):
        client.get("mem_1")


def test_corrupt_gzip_body_is_a_connection_error(
    server: ScriptedServer, make_client: Callable[..., Longmem]
) -> None:
    server.script(Reply(200, body=b"not gzip at all", headers={"Content-Encoding": "gzip"}))
    with pytest.raises(LongmemConnectionError, match="gzip"):
        make_client(server.url, max_retries=0).collections()


# -- TLS ---------------------------------------------------------------------------------


def test_tls_with_ca_file(
    tls_server: ScriptedServer, tls_material: TLSMaterial, make_client: Callable[..., Longmem]
) -> None:
    tls_server.script(Reply(200, json=[{"name": "secure"}]))
    client = make_client(tls_server.url, ca_file=str(tls_material.ca_file))
    assert client.collections() == [{"name": "secure"}]
    client.collections()
    assert tls_server.connections == 1


def test_tls_with_ssl_context(
    tls_server: ScriptedServer, tls_material: TLSMaterial, make_client: Callable[..., Longmem]
) -> None:
    client = make_client(tls_server.url, ssl_context=tls_material.client_context())
    assert client.collections() == {}


def test_tls_is_verified_by_default(
    tls_server: ScriptedServer, make_client: Callable[..., Longmem], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    client = make_client(tls_server.url, max_retries=0)
    with pytest.raises(LongmemConnectionError, match="CERTIFICATE_VERIFY_FAILED") as caught:
        client.collections()
    assert caught.value.request_sent is False
    assert tls_server.requests == []


def test_unverifiable_certificate_is_one_clear_error_not_retried(
    tls_server: ScriptedServer,
    make_client: Callable[..., Longmem],
    monkeypatch: pytest.MonkeyPatch,
    sleeps: SleepRecorder,
) -> None:
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    with pytest.raises(LongmemConnectionError) as caught:
        make_client(tls_server.url).collections()  # max_retries=2
    assert str(caught.value).startswith("could not verify the TLS certificate of localhost: ")
    assert "pass ca_file= if your own CA signed it (1 attempt over " in str(caught.value)
    assert sleeps.calls == []
    assert tls_server.connections == 1


def test_tls_honours_ssl_cert_file(
    tls_server: ScriptedServer,
    tls_material: TLSMaterial,
    make_client: Callable[..., Longmem],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(tls_material.ca_file))
    assert make_client(tls_server.url).collections() == {}


def test_total_timeout_bounds_a_tls_handshake_that_never_ends(
    make_client: Callable[..., Longmem],
) -> None:
    # The kernel completes the TCP handshake of a listening socket nobody accepts on, so
    # the client is left waiting for the server's side of the TLS handshake.
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        port = listener.getsockname()[1]
        client = make_client(f"https://127.0.0.1:{port}", timeout=2, total_timeout=0.5)
        started = time.monotonic()
        with pytest.raises(LongmemTimeoutError) as caught:
            client.collections()
        elapsed = time.monotonic() - started
    assert caught.value.request_sent is False
    assert elapsed < 1.5  # the budget's 0.5 s, not the 2 s per-operation timeout


def test_default_tls_context_checks_certificate_and_host_name(
    tls_server: ScriptedServer, tls_material: TLSMaterial
) -> None:
    import ssl

    # The sync transport's own context: the one place TLS settings are built.
    client = Longmem(api_key="k", base_url=tls_server.url, ca_file=str(tls_material.ca_file))
    client.collections()
    client.close()
    context = client._transport._tls_context()
    assert context.verify_mode == ssl.CERT_REQUIRED
    assert context.check_hostname is True


# -- proxies -----------------------------------------------------------------------------


def test_http_proxy_forwards_plain_http(
    server: ScriptedServer,
    proxy: ForwardProxy,
    make_client: Callable[..., Longmem],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HTTP_PROXY", proxy.url)
    server.script(Reply(200, json=[{"name": "via proxy"}]))
    assert make_client(behind_proxy(server.url)).collections() == [{"name": "via proxy"}]
    [seen] = proxy.requests
    assert seen.method == "GET"
    assert seen.target == behind_proxy(server.url) + "/v1/memory/collections"
    assert server.requests[0].headers["authorization"] == "Bearer test-key"


def test_https_proxy_tunnels_with_connect(
    tls_server: ScriptedServer,
    tls_material: TLSMaterial,
    proxy: ForwardProxy,
    make_client: Callable[..., Longmem],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HTTPS_PROXY", proxy.url)
    client = make_client(behind_proxy(tls_server.url), ca_file=str(tls_material.ca_file))
    client.collections()
    client.add("through the tunnel")
    assert [p.method for p in proxy.requests] == ["CONNECT"]  # one tunnel, kept alive
    assert proxy.requests[0].target == f"{PROXIED_HOST}:{tls_server.port}"
    assert [r.method for r in tls_server.requests] == ["GET", "POST"]


def test_proxy_credentials_from_the_proxy_url(
    server: ScriptedServer,
    make_client: Callable[..., Longmem],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with ForwardProxy(auth=("user", "p@ss word")) as authed:
        host_port = authed.url.split("://", 1)[1]
        monkeypatch.setenv("http_proxy", f"http://user:p%40ss%20word@{host_port}")
        assert make_client(behind_proxy(server.url)).collections() == {}
        assert len(authed.requests) == 1
        assert "proxy-authorization" not in server.requests[0].headers


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_loopback_never_goes_through_a_proxy(
    server: ScriptedServer,
    make_client: Callable[..., Longmem],
    monkeypatch: pytest.MonkeyPatch,
    host: str,
) -> None:
    # A proxy that is not there, and no NO_PROXY: the embedded server's setup.
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")
    server.script(Reply(200, json=[{"name": "direct"}]))
    url = server.url.replace("127.0.0.1", host)
    assert make_client(url, max_retries=0).collections() == [{"name": "direct"}]


@pytest.mark.parametrize(
    "host", ["::1", "127.8.9.10", "LOCALHOST", "localhost.", "::ffff:127.0.0.1"]
)
def test_every_loopback_address_is_exempt_from_proxies(
    monkeypatch: pytest.MonkeyPatch, host: str
) -> None:
    monkeypatch.setenv("HTTPS_PROXY", "http://127.0.0.1:9")
    hostname = urlsplit(f"https://[{host}]" if ":" in host else f"https://{host}").hostname
    assert hostname is not None
    assert _proxy_for("https", hostname, 443) is None
    assert _proxy_for("https", "memory.example.com", 443) is not None


@pytest.mark.usefixtures("proxied_host_resolves")
def test_no_proxy_bypasses_the_proxy(
    server: ScriptedServer,
    proxy: ForwardProxy,
    make_client: Callable[..., Longmem],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HTTP_PROXY", proxy.url)
    monkeypatch.setenv("NO_PROXY", PROXIED_HOST)
    make_client(behind_proxy(server.url)).collections()
    assert proxy.requests == []
    assert len(server.requests) == 1


@pytest.mark.usefixtures("proxied_host_resolves")
def test_empty_lowercase_proxy_variable_unsets_the_uppercase_one(
    server: ScriptedServer,
    proxy: ForwardProxy,
    make_client: Callable[..., Longmem],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HTTP_PROXY", proxy.url)
    monkeypatch.setenv("http_proxy", "")
    make_client(behind_proxy(server.url)).collections()
    assert proxy.requests == []


def test_unreachable_proxy_is_a_connection_error(
    server: ScriptedServer, make_client: Callable[..., Longmem], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")
    with pytest.raises(LongmemConnectionError, match="could not connect to the proxy"):
        make_client(behind_proxy(server.url), max_retries=0).collections()


def test_https_proxy_url_is_rejected_clearly(
    server: ScriptedServer, make_client: Callable[..., Longmem], monkeypatch: pytest.MonkeyPatch
) -> None:
    from longmem import LongmemError

    monkeypatch.setenv("HTTP_PROXY", "https://127.0.0.1:9")
    with pytest.raises(LongmemError, match="must be an http:// proxy URL"):
        make_client(behind_proxy(server.url)).collections()


# -- threads -----------------------------------------------------------------------------


def test_eight_threads_share_one_client(server: ScriptedServer) -> None:
    client = Longmem(api_key="k", base_url=server.url)  # the sync client's own design
    calls_per_thread = 25
    server.set_default(lambda request: Reply(201, json={"echo": request.json()["text"]}))
    results: dict[int, list[str]] = {}
    errors: list[BaseException] = []
    start = threading.Barrier(8)

    def work(n: int) -> None:
        try:
            start.wait()
            results[n] = [client.add(f"t{n}-{i}")["echo"] for i in range(calls_per_thread)]
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert errors == []
    for n in range(8):
        assert results[n] == [f"t{n}-{i}" for i in range(calls_per_thread)]
    requests = server.requests
    assert len(requests) == 8 * calls_per_thread
    assert len({r.headers["idempotency-key"] for r in requests}) == len(requests)
    assert server.connections == 8  # one kept-alive connection per thread
    client.close()


# -- the response size cap -----------------------------------------------------------------

CAP = 64 * 1024


def _gzip_bomb(decoded_mib: int) -> bytes:
    """A gzip body of `decoded_mib` MiB of zeros, in ~1 KiB per MiB: one member, repeated."""
    return gzip.compress(b"\0" * 1024 * 1024) * decoded_mib


def test_default_cap_is_64_mib() -> None:
    assert Longmem.__init__.__kwdefaults__["max_response_bytes"] == 64 * 1024 * 1024


def test_body_of_exactly_the_cap_is_read(
    server: ScriptedServer, make_client: Callable[..., Longmem]
) -> None:
    body = b'["' + b"x" * (CAP - 4) + b'"]'
    server.script(
        Reply(200, body=body),
        Reply(200, body=gzip.compress(body), gzip=False, headers={"Content-Encoding": "gzip"}),
    )
    client = make_client(server.url, max_response_bytes=CAP)
    assert client.collections() == ["x" * (CAP - 4)]
    assert client.collections() == ["x" * (CAP - 4)]


@pytest.mark.parametrize(
    "reply",
    [
        pytest.param(Reply(200, body=b"x" * (CAP + 1)), id="content-length"),
        pytest.param(
            Raw(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n" + b"x" * (CAP * 4)),
            id="until-close",
        ),
        pytest.param(
            Raw(b"HTTP/1.1 200 OK\r\nContent-Length: 1000000000000\r\n\r\n"), id="declared-only"
        ),
        pytest.param(Reply(500, body=b"x" * (CAP + 1)), id="error-body"),
    ],
)
def test_body_past_the_cap_is_refused_and_not_retried(
    server: ScriptedServer, make_client: Callable[..., Longmem], reply: object
) -> None:
    server.script(reply)  # type: ignore[arg-type]
    client = make_client(server.url, max_response_bytes=CAP)
    with pytest.raises(
        ResponseTooLargeError,
        match=r"^GET /v1/memory/collections: the response "
        r"body is larger than max_response_bytes \(65,536 bytes\); pass a larger",
    ):
        client.collections()
    assert len(server.requests) == 1
    # The rest of the body was left unread: the next call goes out on a fresh connection.
    assert client.collections() == {}
    assert server.connections == 2


def test_an_error_of_a_body_past_the_cap_holds_none_of_it(
    server: ScriptedServer, make_client: Callable[..., Longmem]
) -> None:
    # The error's traceback held the reader's frame, and with it the 4 MiB read so far
    # (64 MiB by default): a caller that keeps the error kept the body.
    chunk = b"x" * 65536
    head = (
        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
    )
    server.script(Raw(head + (b"10000\r\n" + chunk + b"\r\n") * 128 + b"0\r\n\r\n"))
    client = make_client(server.url, max_response_bytes=4 * 1024 * 1024, max_retries=0)
    tracemalloc.start()
    try:
        with pytest.raises(ResponseTooLargeError) as caught:
            client.collections()
        held, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert caught.value is not None
    assert held < 1024 * 1024


def test_an_error_answers_corrupt_gzip_body_keeps_its_status(
    server: ScriptedServer, make_client: Callable[..., Longmem]
) -> None:
    # It had been a connection failure, and retried: the 401 was lost.
    server.script(Reply(401, body=b"not gzip at all", headers={"Content-Encoding": "gzip"}))
    with pytest.raises(AuthenticationError):
        make_client(server.url).collections()
    assert len(server.requests) == 1


def test_body_past_the_cap_is_refused_within_a_time_budget_too(
    server: ScriptedServer, make_client: Callable[..., Longmem]
) -> None:
    # With total_timeout every body is read a chunk at a time; the cap holds there too.
    server.script(Reply(200, body=b"x" * (CAP + 1)))
    client = make_client(server.url, max_response_bytes=CAP, total_timeout=30)
    with pytest.raises(ResponseTooLargeError):
        client.collections()


def test_gzip_bomb_is_refused_by_its_decompressed_size(
    server: ScriptedServer, make_client: Callable[..., Longmem]
) -> None:
    bomb = _gzip_bomb(1024)  # 1 GiB decoded, ~1 MiB on the wire
    assert len(bomb) < 2 * 1024 * 1024
    server.script(Reply(200, body=bomb, headers={"Content-Encoding": "gzip"}))
    client = make_client(server.url, max_response_bytes=4 * 1024 * 1024)
    tracemalloc.start()
    try:
        with pytest.raises(ResponseTooLargeError, match=r"\(4,194,304 bytes\) once decompressed;"):
            client.collections()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # Decoding stopped at the cap: nowhere near the gigabyte the body inflates to.
    assert peak < 32 * 1024 * 1024
    assert len(server.requests) == 1


def test_gzip_bomb_past_the_default_cap_is_refused(server: ScriptedServer, client: Longmem) -> None:
    server.script(Reply(200, body=_gzip_bomb(65), headers={"Content-Encoding": "gzip"}))
    with pytest.raises(ResponseTooLargeError, match=r"\(67,108,864 bytes\) once decompressed"):
        client.collections()


@pytest.mark.parametrize("value", [0, -1, 1.5, True, "64"])
def test_max_response_bytes_must_be_a_whole_number_of_at_least_1(value: object) -> None:
    with pytest.raises(InvalidArgumentError, match=r"^max_response_bytes must be "):
        Longmem(api_key="k", base_url="http://127.0.0.1:1", max_response_bytes=value)  # type: ignore[arg-type]


# -- an answer before the body is sent whole -----------------------------------------------

# A body over the local server's 8 MiB, more than the loopback socket buffers hold: the
# server answers from the headers while the client is still writing it.
_TOO_LARGE = {"pad": "y" * (12 * 1024 * 1024)}
_REFUSED = Reply(413, json={"detail": "Request body larger than 8388608 bytes"})


@pytest.mark.parametrize(
    "linger", [pytest.param(0.5, id="lingering-close"), pytest.param(0.0, id="reset-at-once")]
)
def test_an_answer_sent_before_the_body_was_read_is_the_calls_answer(
    server: ScriptedServer,
    make_client: Callable[..., Longmem],
    sleeps: SleepRecorder,
    linger: float,
) -> None:
    # The server answers 413 from the headers and closes: the client's write of the rest
    # of the body fails (broken pipe, reset), but the answer is there to be read.
    server.script(Early(_REFUSED, linger=linger))
    client = make_client(server.url)
    with pytest.raises(LongmemAPIError) as caught:
        client.add("x", metadata=_TOO_LARGE)
    assert caught.value.status == 413
    assert caught.value.detail == "Request body larger than 8388608 bytes"
    assert len(server.requests) == 1 and sleeps.calls == []  # not retried
    # The connection is not used again: the next call opens another.
    assert client.collections() == {}
    assert server.connections == 2


def test_an_answer_sent_before_the_body_was_read_is_read_over_tls_too(
    tls_server: ScriptedServer,
    tls_material: TLSMaterial,
    make_client: Callable[..., Longmem],
    sleeps: SleepRecorder,
) -> None:
    # Over TLS the cut write is an SSLEOFError rather than a broken pipe.
    tls_server.script(Early(_REFUSED, linger=0.5))
    client = make_client(tls_server.url, ca_file=str(tls_material.ca_file))
    with pytest.raises(LongmemAPIError) as caught:
        client.add("x", metadata=_TOO_LARGE)
    assert caught.value.status == 413
    assert len(tls_server.requests) == 1 and sleeps.calls == []


def test_an_early_answer_that_asks_for_a_retry_is_retried(
    server: ScriptedServer,
    make_client: Callable[..., Longmem],
    sleeps: SleepRecorder,
) -> None:
    server.script(
        Early(Reply(503, json={"detail": "busy"}, headers={"Retry-After": "2"})),
        Reply(201, json={"id": "mem_1"}),
    )
    client = make_client(server.url, total_timeout=60)
    assert client.add("x", metadata=_TOO_LARGE) == {"id": "mem_1"}
    assert sleeps.calls == [2.0]
    first, second = server.requests
    assert first.headers["Idempotency-Key"] == second.headers["Idempotency-Key"]
    assert second.json()["metadata"] == _TOO_LARGE


def test_a_body_cut_short_without_an_answer_is_a_connection_error_sent(
    server: ScriptedServer, make_client: Callable[..., Longmem]
) -> None:
    server.script(Early(None))  # reset with part of the body received, and no answer
    client = make_client(server.url, max_retries=0)
    with pytest.raises(LongmemConnectionError) as caught:
        client.add("x", metadata=_TOO_LARGE)
    assert not isinstance(caught.value, LongmemTimeoutError)
    assert caught.value.request_sent is True  # part of it reached the server
    assert str(caught.value).startswith(
        f"POST /v1/memory/collections/default/memories to {server.url} failed: "
    )
