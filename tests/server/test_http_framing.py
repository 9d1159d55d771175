"""Strict HTTP/1.1 framing (RFC 9112) and authentication before the body, over raw sockets:
what a lenient parser would run as a second, smuggled request is refused instead."""

from __future__ import annotations

import http.client
import io
import json
import socket
import time

import pytest

from longmem.server import LocalServer
from longmem.server.http11 import read_head
from longmem.server.routes import MAX_BODY_BYTES, MAX_IMPORT_BODY_BYTES

from ..cost import least_cpu
from .conftest import READ_ONLY_KEY
from .server_api import Api, C


def _connect(server: LocalServer, timeout: float = 10) -> socket.socket:
    return socket.create_connection(("127.0.0.1", server.port), timeout=timeout)


def _read_all(sock: socket.socket) -> bytes:
    """Everything the server sends until it closes the connection."""
    data = b""
    while True:
        chunk = sock.recv(65536)
        if not chunk:
            return data
        data += chunk


def _exchange(server: LocalServer, request: bytes) -> bytes:
    with _connect(server) as sock:
        sock.sendall(request)
        return _read_all(sock)


def _post_head(server: LocalServer, path: str, length: int, *extra: str) -> bytes:
    lines = [f"POST {path} HTTP/1.1", "Host: x", f"Authorization: Bearer {server.api_key}"]
    lines += [*extra, f"Content-Length: {length}"]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def _status(data: bytes) -> int:
    assert data.startswith(b"HTTP/1.1 "), data[:80]
    return int(data[9:12])


def test_space_before_a_header_colon_is_400_and_smuggles_nothing(
    server: LocalServer, api: Api
) -> None:
    assert api.post(C, {"name": "keep"}).status == 201
    smuggled = (
        f"DELETE {C}/keep HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {server.api_key}\r\n\r\n"
    ).encode()
    head = _post_head(server, f"{C}/notes/memories", len(smuggled), "X-Pad : 1")
    data = _exchange(server, head + smuggled)
    assert _status(data) == 400
    assert b"Connection: close" in data
    assert data.count(b"HTTP/1.1 ") == 1  # one answer: the body never ran as a request
    assert api.get(f"{C}/keep").status == 200


def test_a_header_value_keeps_its_inner_spaces_and_loses_those_around_it() -> None:
    head = b"GET / HTTP/1.1\r\nHost: x\r\nX-A: \t a  b \t \r\nX-B:\r\n\r\n"
    headers = read_head(io.BytesIO(head)).headers
    assert (headers["X-A"], headers["X-B"]) == ("a  b", "")


def test_a_header_line_of_many_spaces_is_read_in_time_linear_in_its_length() -> None:
    # Before authentication: a lazy value before a pattern of the spaces after it retried
    # the run from each of its bytes, 15 s of CPU for one line of 64 KiB. A ratio: four
    # times the line, about four times the CPU (quadratic: sixteen).
    def cost(spaces: int) -> float:
        line = b"X-A: a" + b" " * spaces + b"b\r\n"
        head = b"GET / HTTP/1.1\r\nHost: x\r\n" + line * 10 + b"\r\n"
        return least_cpu(lambda: read_head(io.BytesIO(head)), 5)

    line = b"GET / HTTP/1.1\r\nHost: x\r\nX-A: a" + b" " * 100 + b"b\r\n\r\n"
    assert read_head(io.BytesIO(line)).headers["X-A"] == "a" + " " * 100 + "b"

    assert cost(16_000) < 8 * cost(4_000)


def test_an_obsolete_folded_header_line_is_400(server: LocalServer) -> None:
    data = _exchange(
        server, b"GET /v1/memory/health HTTP/1.1\r\nHost: x\r\nX-A: 1\r\n  folded\r\n\r\n"
    )
    assert _status(data) == 400
    assert b"fold" in data


@pytest.mark.parametrize(
    "lengths", [("5", "6"), ("+5",), ("5_0",), ("0x10",), ("\u00b2",), ("13\u00a0",)]
)
def test_a_content_length_that_is_not_one_plain_number_is_400(
    server: LocalServer, lengths: tuple[str, ...]
) -> None:
    head = f"POST {C}/notes/memories HTTP/1.1\r\nHost: x\r\n"
    head += "".join(f"Content-Length: {n}\r\n" for n in lengths)
    data = _exchange(server, head.encode("latin-1") + b"\r\n" + b'{"text": "x"}')
    assert _status(data) == 400
    assert b"Content-Length" in data


def test_a_body_shorter_than_its_content_length_is_not_run(server: LocalServer, api: Api) -> None:
    assert api.post(C, {"name": "notes"}).status == 201
    body = json.dumps({"text": "half a request"}).encode()
    with _connect(server) as sock:
        sock.sendall(_post_head(server, f"{C}/notes/memories", len(body) + 10) + body)
        sock.shutdown(socket.SHUT_WR)
        data = _read_all(sock)
    assert b" 201 " not in data
    assert api.get(f"{C}/notes/memories").json == []


def test_http_1_1_without_host_is_400(server: LocalServer) -> None:
    data = _exchange(server, b"GET /v1/memory/health HTTP/1.1\r\n\r\n")
    assert _status(data) == 400
    assert b"Host" in data


def test_two_host_headers_are_400(server: LocalServer) -> None:
    data = _exchange(server, b"GET /v1/memory/health HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n")
    assert _status(data) == 400


@pytest.mark.parametrize("host", ["a b", "a/b", "x@y", "a:b:c", "[::1", "h:80x", "\u00fc"])
def test_a_host_that_is_not_host_and_port_is_400(server: LocalServer, host: str) -> None:
    data = _exchange(
        server, f"GET /v1/memory/health HTTP/1.1\r\nHost: {host}\r\n\r\n".encode("latin-1")
    )
    assert _status(data) == 400
    assert b"Host header is not a host[:port]" in data


@pytest.mark.parametrize(
    "host", ["", "localhost:8080", "127.0.0.1", "[::1]:80", "a-b.example.", "a%20b"]
)
def test_a_host_of_any_valid_form_is_answered(server: LocalServer, host: str) -> None:
    data = _exchange(
        server,
        f"GET /v1/memory/health HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode(),
    )
    assert _status(data) == 200


def test_http_1_0_without_host_is_answered(server: LocalServer) -> None:
    assert _status(_exchange(server, b"GET /v1/memory/health HTTP/1.0\r\n\r\n")) == 200


def test_head_on_a_get_route_answers_its_headers_without_a_body(server: LocalServer) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    conn.request("GET", "/v1/memory/health")
    got = conn.getresponse()
    length = len(got.read())
    conn.request("HEAD", "/v1/memory/health")
    head = conn.getresponse()
    assert head.status == 200
    assert head.getheader("Content-Length") == str(length)
    assert head.read() == b""
    conn.request("GET", "/v1/memory/health")  # the same connection, still in step
    assert conn.getresponse().status == 200
    conn.close()


def test_method_not_allowed_lists_head_beside_get(api: Api) -> None:
    reply = api.post("/v1/memory/health", {})
    assert reply.status == 405
    assert reply.header("Allow") == "GET, HEAD"


def test_100_continue_is_sent_only_after_the_key_is_checked(server: LocalServer) -> None:
    body = b'{"text": "after continue"}'
    with _connect(server) as sock:
        head = _post_head(server, f"{C}/notes/memories", len(body), "Expect: 100-continue")
        sock.sendall(head.replace(server.api_key.encode(), b"wrong"))
        data = _read_all(sock)
    assert _status(data) == 401
    assert b"100 Continue" not in data
    with _connect(server) as sock:
        sock.sendall(_post_head(server, f"{C}/notes/memories", len(body), "Expect: 100-continue"))
        assert sock.recv(100) == b"HTTP/1.1 100 Continue\r\n\r\n"
        sock.sendall(body)
        assert _status(sock.recv(65536)) == 201


def test_100_continue_is_not_sent_for_an_over_limit_length(server: LocalServer) -> None:
    head = _post_head(server, f"{C}/notes/memories", MAX_BODY_BYTES + 1, "Expect: 100-continue")
    data = _exchange(server, head)
    assert _status(data) == 413
    assert b"100 Continue" not in data


def test_an_unknown_expectation_is_417(server: LocalServer) -> None:
    data = _exchange(server, _post_head(server, f"{C}/notes/memories", 2, "Expect: magic") + b"{}")
    assert _status(data) == 417


def test_a_transfer_coding_other_than_chunked_is_501(server: LocalServer) -> None:
    head = _post_head(server, f"{C}/notes/memories", 2, "Transfer-Encoding: gzip")
    data = _exchange(server, head + b"{}")
    assert _status(data) == 501
    assert b"Connection: close" in data


@pytest.mark.parametrize(
    ("line", "status"),
    [
        (b"hello", 400),
        (b"GET /v1/memory/health", 400),  # HTTP/0.9 has no status line; not spoken here
        (b"GET  /v1/memory/health HTTP/1.1", 400),
        (b"GET /v1/memory/health HTTP/1.1 extra", 400),
        (b"GET /v1/memory/health HTTP/11", 400),
        (b"PRI * HTTP/2.0", 505),
        (b"GET /v1/memory/health HTTP/3.0", 505),
        (b"\x16\x03\x01\x02\x00\x01\x00\x01", 400),  # a TLS hello on the plain port
    ],
)
def test_a_request_line_that_is_not_http_1_gets_a_real_status_line(
    server: LocalServer, line: bytes, status: int
) -> None:
    data = _exchange(server, line + b"\r\nHost: x\r\n\r\n")
    assert _status(data) == status
    assert b"Connection: close" in data
    assert b"X-Request-Id: req_" in data
    assert data.endswith(b"}")


# -- authentication before the body -----------------------------------------------------


def test_an_import_without_a_key_is_401_before_its_body_is_sent(server: LocalServer) -> None:
    head = (
        "POST /v1/memory/admin/import HTTP/1.1\r\nHost: x\r\n"
        f"Content-Length: {MAX_IMPORT_BODY_BYTES}\r\n\r\n"
    ).encode()
    with _connect(server, timeout=30) as sock:
        sock.sendall(head + b"{")  # the rest of 256 MiB never comes
        data = _read_all(sock)  # the server answers and closes without waiting for it
    assert _status(data) == 401
    assert b"Connection: close" in data


def test_a_read_only_key_is_403_before_its_body_is_sent(server: LocalServer) -> None:
    head = _post_head(server, f"{C}/notes/memories", MAX_BODY_BYTES, "X-Note: 1")
    head = head.replace(server.api_key.encode(), READ_ONLY_KEY.encode())
    with _connect(server, timeout=30) as sock:
        sock.sendall(head)
        data = _read_all(sock)
    assert _status(data) == 403
    assert b"Connection: close" in data


def test_an_over_limit_length_without_a_key_is_401_not_413(server: LocalServer) -> None:
    head = f"POST {C}/notes/memories HTTP/1.1\r\nHost: x\r\nContent-Length: {10**12}\r\n\r\n"
    data = _exchange(server, head.encode())
    assert _status(data) == 401


def test_a_refused_small_body_keeps_the_connection(server: LocalServer, api: Api) -> None:
    """A short body already on the wire is read past, so a 404 does not cost a reconnect."""
    api.get("/v1/memory/health")
    sock = api.conn.sock
    assert api.post("/v1/memory/nowhere", {"text": "x"}).status == 404
    assert api.post(f"{C}/notes/memories", {"text": "x"}).status == 201
    assert api.conn.sock is sock


def test_large_bodies_are_read_one_at_a_time(server: LocalServer) -> None:
    """An import's body takes several times its size to parse: a second one waits for
    the first, so concurrent imports cannot add up their memory."""
    size = MAX_BODY_BYTES + 1
    with _connect(server) as first, _connect(server) as second:
        first.sendall(_post_head(server, "/v1/memory/admin/import", size, "Expect: 100-continue"))
        assert first.recv(100) == b"HTTP/1.1 100 Continue\r\n\r\n"  # its turn: reading
        first.sendall(b"{")
        second.sendall(_post_head(server, "/v1/memory/admin/import", size, "Expect: 100-continue"))
        second.settimeout(0.5)
        with pytest.raises(socket.timeout):
            second.recv(100)  # no "100 Continue" while the first body is being read
        first.close()  # the first client gives up: its turn ends, nothing of it ran
        second.settimeout(10)
        assert second.recv(100) == b"HTTP/1.1 100 Continue\r\n\r\n"
        second.sendall(b"x" * size)
        data = second.recv(65536)
    assert _status(data) == 400  # read in full, then refused as not JSON


def test_a_hundred_headers_are_answered_and_one_more_is_431(server: LocalServer) -> None:
    def health(count: int) -> bytes:
        head = "GET /v1/memory/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
        head += "".join(f"X-Pad-{i}: {i}\r\n" for i in range(count - 2))
        return _exchange(server, head.encode() + b"\r\n")

    assert _status(health(100)) == 200
    assert _status(health(101)) == 431


@pytest.mark.parametrize(
    "head",
    [
        f"POST {C}/notes/memories HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n",
        "GET /v1/memory/health HTTP/1.1\r\nHost: x\r\nContent-Length: 8000000\r\n\r\n",
        "GET /openapi.json HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n",
        "POST /v1/memory/nowhere HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n",
    ],
)
def test_a_body_declared_without_a_key_is_never_waited_for(server: LocalServer, head: str) -> None:
    # The body never comes: the answer must not wait for it, and the connection closes.
    with _connect(server, timeout=5) as sock:
        sock.sendall(head.encode())
        data = _read_all(sock)  # a timeout here: the server waited for the body
    assert _status(data) in (200, 401, 404)
    assert b"Connection: close" in data


def test_keyless_clients_declaring_bodies_never_keep_others_out() -> None:
    # At the connection cap, connections past their headers are requests under way and
    # are never closed to make room: without a key they must not get there.
    with LocalServer(max_connections=4) as server:
        held = []
        for _ in range(4):
            sock = _connect(server, timeout=5)
            sock.sendall(
                f"POST {C}/notes/memories HTTP/1.1\r\nHost: x\r\nContent-Length: 9\r\n\r\n".encode()
            )
            held.append(sock)
        try:
            # Each is answered and closed without its body (none is waited for) …
            assert [_status(_read_all(sock)) for sock in held] == [401] * 4
            # … and its place is free at once: a health check gets in (the server frees a
            # place just after it closes the socket, so a check that lands in between is
            # told to retry; it must get in within a few tries, not after a body timeout)
            health = b"GET /v1/memory/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
            statuses = []
            for _ in range(20):
                statuses.append(_status(_exchange(server, health)))
                if statuses[-1] != 503:
                    break
                time.sleep(0.05)
            assert statuses[-1] == 200, statuses
        finally:
            for sock in held:
                sock.close()
