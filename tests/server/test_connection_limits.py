"""The server under hostile connection patterns: more connections than the cap, idle
connections, clients that drip bytes or vanish midway, descriptors running out."""

from __future__ import annotations

import errno
import http.client
import logging
import socket
import struct
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest

from longmem.server import LocalServer
from longmem.server.app import REQUESTS_LOGGER
from longmem.server.httpserver import BoundedHTTPServer

from .server_api import Api, C

CAP = 8


@pytest.fixture
def small() -> Iterator[LocalServer]:
    with LocalServer(max_connections=CAP, idle_timeout=0.5, request_timeout=1.0) as srv:
        yield srv


@pytest.fixture
def capped() -> Iterator[LocalServer]:
    """The cap alone: idle connections stay open and half-sent requests stay waiting, so
    only the cap can make room."""
    with LocalServer(max_connections=CAP) as srv:
        yield srv


def _connect(server: LocalServer) -> socket.socket:
    return socket.create_connection(("127.0.0.1", server.port), timeout=10)


def _health(server: LocalServer) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    try:
        conn.request("GET", "/v1/memory/health")
        return conn.getresponse().status
    finally:
        conn.close()


def _read_until_closed(sock: socket.socket) -> bytes:
    data = b""
    while True:
        chunk = sock.recv(65536)
        if not chunk:
            return data
        data += chunk


def _reset(sock: socket.socket) -> None:
    """Close with a TCP reset rather than a FIN, as a crashed or killed client does."""
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    sock.close()


def _wait_until_closed_by_server(server: LocalServer) -> None:
    httpd = server._httpd
    assert httpd is not None
    for _ in range(500):  # up to 5 s
        if httpd.open_connections == 0:
            return
        time.sleep(0.01)
    raise AssertionError("the server kept the connection open")


def _problems(caplog: pytest.LogCaptureFixture) -> list[str]:
    """What the server logged above debug, the per-request lines aside."""
    return [
        r.getMessage()
        for r in caplog.records
        if r.levelno > logging.DEBUG and r.name != REQUESTS_LOGGER
    ]


def test_idle_connections_beyond_the_cap_do_not_shut_out_a_health_check(
    capped: LocalServer,
) -> None:
    idle = [_connect(capped) for _ in range(CAP * 3)]
    try:
        for _ in range(3):
            assert _health(capped) == 200
        httpd = capped._httpd
        assert httpd is not None
        assert httpd.open_connections <= CAP
    finally:
        for sock in idle:
            sock.close()


def test_when_every_connection_is_busy_a_new_one_gets_503_at_once(capped: LocalServer) -> None:
    # Each sends a keyed request head and half its body, so none is idle, none is still
    # sending its head, and none can be closed for room.
    head = (
        f"POST {C}/notes/memories HTTP/1.1\r\nHost: x\r\n"
        f"Authorization: Bearer {capped.api_key}\r\nContent-Length: 100\r\n\r\n"
    ).encode()
    busy = [_connect(capped) for _ in range(CAP)]
    for sock in busy:
        sock.sendall(head + b'{"text": "half')
    httpd = capped._httpd
    assert httpd is not None
    # Until the server has read every head (on a busy machine that can take seconds): a
    # request whose first byte has arrived but whose head is still being read may be
    # closed to make room, so an extra connection before then is served, not refused.
    deadline = time.monotonic() + 60
    while not _all_past_their_heads(httpd) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert _all_past_their_heads(httpd)
    try:
        with _connect(capped) as extra:
            data = _read_until_closed(extra)
        assert data.startswith(b"HTTP/1.1 503")
        assert b"Retry-After: 1" in data
        assert b"Connection: close" in data
    finally:
        for sock in busy:
            sock.close()


def _all_past_their_heads(httpd: BoundedHTTPServer) -> bool:
    return httpd.in_flight == CAP and httpd.heads_arriving == 0


def _drip_heads(server: LocalServer, count: int, stop: threading.Event) -> list[int]:
    """Hold ``count`` connections that each send a request head a byte at a time, opening
    another whenever the server closes one, until ``stop``; returns how many it opened."""
    opened = [0]

    def hold() -> None:
        head = b"GET /v1/memory/health HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"a" * 10_000
        while not stop.is_set():
            try:
                with _connect(server) as sock:
                    opened[0] += 1
                    for byte in head:
                        sock.sendall(bytes([byte]))
                        if stop.wait(0.05):
                            return
            except OSError:
                continue  # closed to make room: come back, as an attacker would

    threads = [threading.Thread(target=hold, daemon=True) for _ in range(count)]
    for thread in threads:
        thread.start()
    return opened


def test_clients_dripping_request_heads_over_the_cap_do_not_shut_out_health_checks() -> None:
    # No header deadline to speak of: only closing the longest-waiting head makes room.
    with LocalServer(max_connections=CAP, header_timeout=60, request_timeout=60) as srv:
        stop = threading.Event()
        opened = _drip_heads(srv, CAP + 4, stop)
        httpd = srv._httpd
        assert httpd is not None
        try:
            filled = False
            for _ in range(500):  # up to 5 s for the drippers to fill every slot
                filled = httpd.in_flight == CAP and opened[0] >= CAP + 4
                if filled:
                    break
                time.sleep(0.01)
            # Each dripper closed for room comes back and closes another, so a second
            # look may find a slot between its close and its successor's first byte.
            assert filled
            for _ in range(5):
                assert _health(srv) == 200  # on a fresh connection, well inside 60 s
            assert httpd.open_connections <= CAP
        finally:
            stop.set()


def test_a_request_closed_for_room_is_no_longer_in_flight(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Its thread notices the close and ends it later (here 2 s later); until then the
    # request must not count, or the connection that took its place counts twice.
    with LocalServer(max_connections=CAP, header_timeout=60, request_timeout=60) as srv:
        httpd = srv._httpd
        assert httpd is not None
        ended = httpd.shutdown_request

        def late(request: Any) -> None:
            time.sleep(2)
            ended(request)

        monkeypatch.setattr(httpd, "shutdown_request", late)
        socks = []
        try:
            for _ in range(CAP + 1):  # the last closes the first for room
                sock = _connect(srv)
                sock.sendall(b"G")  # a request head begun
                socks.append(sock)
                for _ in range(500):
                    if httpd.in_flight == min(len(socks), CAP):
                        break
                    time.sleep(0.01)
            assert socks[0].recv(1) == b""  # the first was closed
            for _ in range(500):  # and the last one's head has begun
                if httpd.in_flight >= CAP:
                    break
                time.sleep(0.01)
            counts = []
            for _ in range(50):  # within the 2 s its thread takes to end it
                counts.append(httpd.in_flight)
                time.sleep(0.01)
            assert set(counts) == {CAP}
        finally:
            for sock in socks:
                sock.close()


def test_a_request_head_that_takes_longer_than_the_header_timeout_is_408() -> None:
    with LocalServer(header_timeout=0.3, request_timeout=60) as srv, _connect(srv) as sock:
        sock.sendall(b"GET /v1/memory/health HTTP/1.1\r\nHost: x\r\n")  # no blank line
        data = _read_until_closed(sock)  # the socket waits up to 10 s, the server 60 s
    assert data.startswith(b"HTTP/1.1 408"), data
    assert b"Connection: close" in data


def test_a_body_may_come_after_the_header_timeout_within_the_request_timeout() -> None:
    with LocalServer(header_timeout=0.2, request_timeout=60) as srv:
        api = Api(srv, srv.api_key)
        assert api.post(C, {"name": "notes"}).status == 201
        body = b'{"text": "slow but whole"}'
        with _connect(srv) as sock:
            sock.sendall(
                (
                    f"POST {C}/notes/memories HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                    f"Authorization: Bearer {srv.api_key}\r\n"
                    f"Content-Length: {len(body)}\r\n\r\n"
                ).encode()
            )
            time.sleep(0.5)  # past the header timeout: the head is in, so the body may wait
            sock.sendall(body)
            data = _read_until_closed(sock)
        assert data.startswith(b"HTTP/1.1 201"), data
        assert [m["text"] for m in api.get(f"{C}/notes/memories").json] == ["slow but whole"]
        api.close()


def test_a_client_dripping_bytes_is_answered_408_at_the_request_deadline(
    small: LocalServer,
) -> None:
    request = b"GET /v1/memory/health HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"a" * 100
    with _connect(small) as sock:
        sock.settimeout(0.2)
        data = b""
        for byte in request:  # one byte every 0.2 s: each recv is quick, the whole is not
            try:
                sock.sendall(bytes([byte]))
            except OSError:
                break
            try:
                data += sock.recv(65536)
            except socket.timeout:
                continue
            if data:
                break
        assert data.startswith(b"HTTP/1.1 408"), data
        assert b"Connection: close" in data


def test_a_body_that_stops_coming_is_408_and_not_run(small: LocalServer) -> None:
    api = Api(small, small.api_key)
    assert api.post(C, {"name": "notes"}).status == 201
    with _connect(small) as sock:
        sock.sendall(
            (
                f"POST {C}/notes/memories HTTP/1.1\r\nHost: x\r\n"
                f"Authorization: Bearer {small.api_key}\r\nContent-Length: 40\r\n\r\n"
                '{"text": '
            ).encode()
        )
        data = _read_until_closed(sock)
    assert data.startswith(b"HTTP/1.1 408")
    assert api.get(f"{C}/notes/memories").json == []
    api.close()


def test_an_idle_keep_alive_connection_is_closed_after_the_idle_timeout(
    small: LocalServer,
) -> None:
    with _connect(small) as sock:
        sock.sendall(b"GET /v1/memory/health HTTP/1.1\r\nHost: x\r\n\r\n")
        reply = http.client.HTTPResponse(sock)
        reply.begin()
        assert reply.status == 200
        assert reply.getheader("Connection") is None  # kept alive, at first
        reply.read()
        assert sock.recv(1) == b""  # then closed by the server, well before our 10 s timeout


def test_a_reset_after_a_complete_exchange_is_a_quiet_close(
    server: LocalServer, caplog: pytest.LogCaptureFixture, capfd: pytest.CaptureFixture[str]
) -> None:
    with caplog.at_level(logging.DEBUG, "longmem.server"):
        for _ in range(10):
            sock = _connect(server)
            sock.sendall(b"GET /v1/memory/health HTTP/1.1\r\nHost: x\r\n\r\n")
            assert sock.recv(65536).startswith(b"HTTP/1.1 200")
            _reset(sock)
        _wait_until_closed_by_server(server)
    assert "Traceback" not in capfd.readouterr().err
    assert _problems(caplog) == []


def test_a_reset_midway_through_a_body_is_a_quiet_close_and_runs_nothing(
    server: LocalServer,
    api: Api,
    caplog: pytest.LogCaptureFixture,
    capfd: pytest.CaptureFixture[str],
) -> None:
    assert api.post(C, {"name": "notes"}).status == 201
    head = (
        f"POST {C}/notes/memories HTTP/1.1\r\nHost: x\r\n"
        f"Authorization: Bearer {server.api_key}\r\nContent-Length: 100\r\n\r\n"
    ).encode()
    api.close()
    with caplog.at_level(logging.DEBUG, "longmem.server"):
        for _ in range(10):
            sock = _connect(server)
            sock.sendall(head + b'{"text": "half')
            time.sleep(0.01)  # let the server start reading the body
            _reset(sock)
        _wait_until_closed_by_server(server)
    assert "Traceback" not in capfd.readouterr().err
    assert _problems(caplog) == []
    assert api.get(f"{C}/notes/memories").json == []


def test_accept_backs_off_when_descriptors_run_out_and_says_so_once(
    small: LocalServer, caplog: pytest.LogCaptureFixture
) -> None:
    httpd = small._httpd
    assert httpd is not None
    slept: list[float] = []
    # A connection that comes once descriptors are free again; not a real one, which the
    # server's own accept loop could take first.
    with socket.socket() as free:
        accepted = (free, ("127.0.0.1", 1))

        def out_of_descriptors() -> Any:
            raise OSError(errno.EMFILE, "Too many open files")

        httpd._sleep = slept.append
        with caplog.at_level(logging.INFO, "longmem.server"):
            for _ in range(2):  # two shortages, each of four pauses, then a connection
                httpd._accept = out_of_descriptors  # type: ignore[method-assign]
                for _ in range(4):
                    with pytest.raises(OSError):
                        httpd.get_request()
                httpd._accept = lambda: accepted  # type: ignore[method-assign]
                assert httpd.get_request() is accepted
    assert slept == [0.01, 0.02, 0.04, 0.08] * 2  # doubling, not spinning; reset after
    lines = [r.getMessage() for r in caplog.records if "descriptors" in r.getMessage()]
    assert (
        lines
        == [
            "out of file descriptors (Too many open files); pausing accept",
            "accepting again after 4 pauses for file descriptors",
        ]
        * 2
    )


def test_an_idle_connection_after_an_early_answer_closes_without_a_408(
    small: LocalServer,
) -> None:
    with _connect(small) as sock:
        sock.sendall(b"GET /v1/memory/nowhere HTTP/1.1\r\nHost: x\r\n\r\n")
        reply = http.client.HTTPResponse(sock)
        reply.begin()
        assert reply.status == 404
        reply.read()
        assert sock.recv(65536) == b""  # closed quietly at the idle timeout


@pytest.mark.parametrize(
    ("kwargs", "named"),
    [
        ({"max_connections": 0}, "max_connections"),
        ({"idle_timeout": 0}, "idle_timeout"),
        ({"request_timeout": -1.0}, "request_timeout"),
        ({"header_timeout": 0}, "header_timeout"),
    ],
)
def test_bad_limits_are_refused_before_the_server_starts(kwargs: Any, named: str) -> None:
    with pytest.raises(ValueError, match=named):
        LocalServer(**kwargs)
