"""Edge cases a review of the client found broken (all fixed): each test pins one."""

from __future__ import annotations

import contextlib
import gzip
import socket
import struct
import threading
import time
from collections.abc import Iterator
from typing import Callable

import pytest

from longmem import InvalidArgumentError, Longmem, LongmemError, NotFoundError

from .conftest import SleepRecorder
from .servers import Drop, Reply, ScriptedServer, Stall

# -- a socket-level server for what ScriptedServer cannot script ---------------------------
# (a reset in the middle of a response; a 1xx followed later by the final response)

Handler = Callable[[socket.socket, int], None]


class _RawServer:
    """One thread per connection; calls handler(sock, request_index) after each request."""

    def __init__(self, handler: Handler) -> None:
        self.handler = handler
        self.requests: list[bytes] = []
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._listener.getsockname()[1]}"
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                sock, _ = self._listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(sock,), daemon=True).start()

    def _serve(self, sock: socket.socket) -> None:
        buf = b""
        try:
            while True:
                while b"\r\n\r\n" not in buf:
                    data = sock.recv(65536)
                    if not data:
                        return
                    buf += data
                head, _, buf = buf.partition(b"\r\n\r\n")
                length = 0
                for line in head.split(b"\r\n"):
                    if line.lower().startswith(b"content-length:"):
                        length = int(line.split(b":", 1)[1])
                while len(buf) < length:
                    buf += sock.recv(65536)
                buf = buf[length:]
                self.requests.append(head.split(b"\r\n", 1)[0])
                self.handler(sock, len(self.requests) - 1)
        except OSError:
            return

    def close(self) -> None:
        self._listener.close()


@pytest.fixture
def raw_server() -> Iterator[Callable[[Handler], _RawServer]]:
    made: list[_RawServer] = []

    def make(handler: Handler) -> _RawServer:
        made.append(_RawServer(handler))
        return made[-1]

    yield make
    for srv in made:
        srv.close()


def _send_json(sock: socket.socket, status: bytes, body: bytes) -> None:
    sock.sendall(
        b"HTTP/1.1 " + status + b"\r\nContent-Type: application/json\r\n"
        b"Content-Length: %d\r\n\r\n" % len(body) + body
    )


def _reset(sock: socket.socket) -> None:
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    sock.close()


# -- 1. the stale-connection replacement re-sends requests the server already had ----------


def test_request_the_server_read_is_not_resent_when_retries_are_disabled(
    server: ScriptedServer, make_client: Callable[..., Longmem]
) -> None:
    client = make_client(server.url, max_retries=0)
    server.script(Reply(201, json={"id": "mem_1"}), Drop(), Reply(201, json={"id": "mem_2"}))
    client.add("first")
    with pytest.raises(LongmemError):
        client.add("second")  # the server read it in full, then hung up
    assert [r.json()["text"] for r in server.requests] == ["first", "second"]


def test_reset_in_the_middle_of_a_response_is_not_a_stale_connection(
    raw_server: Callable[[Handler], _RawServer],
) -> None:
    def handler(sock: socket.socket, index: int) -> None:
        if index == 1:
            sock.sendall(b'HTTP/1.1 201 Created\r\nContent-Length: 50\r\n\r\n{"id":')
            time.sleep(0.1)
            _reset(sock)
            raise OSError("closed")
        _send_json(sock, b"201 Created", b'{"id":"mem_%d"}' % index)

    srv = raw_server(handler)
    client = Longmem(api_key="k", base_url=srv.url, max_retries=0)
    client.add("first")
    with pytest.raises(LongmemError):
        client.add("second")  # the server had answered 201: it did the write
    assert len(srv.requests) == 2


# -- 2. a 1xx other than 100 desynchronises the kept-alive connection -----------------------


def test_early_hints_do_not_shift_responses_onto_the_next_call(
    raw_server: Callable[[Handler], _RawServer],
) -> None:
    def handler(sock: socket.socket, index: int) -> None:
        if index == 0:
            sock.sendall(b"HTTP/1.1 103 Early Hints\r\nLink: </style.css>\r\n\r\n")
            time.sleep(0.3)
        _send_json(sock, b"200 OK", b'{"id":"mem_%d"}' % index)

    srv = raw_server(handler)
    client = Longmem(api_key="k", base_url=srv.url, max_retries=0)
    with contextlib.suppress(LongmemError):
        client.get("mem_0")  # failing the first call would be acceptable ...
    time.sleep(0.5)
    assert client.get("mem_1")["id"] == "mem_1"  # ... answering it with mem_0 is not


# -- 3. a malformed Retry-After date escapes as OverflowError -------------------------------


@pytest.mark.parametrize(
    "value",
    ["Wed, 21 Oct 2015 07:28:00 +9999999999999", "Wed, 21 Oct 99999999999999 07:28:00 GMT"],
)
def test_unreadable_retry_after_date_does_not_break_error_mapping(
    server: ScriptedServer, client: Longmem, value: str
) -> None:
    server.script(Reply(404, json={"detail": "no such memory"}, headers={"Retry-After": value}))
    with pytest.raises(NotFoundError):
        client.get("mem_1")


# -- 4. strings that cannot be UTF-8 encoded escape as UnicodeEncodeError -------------------


@pytest.mark.parametrize(
    "call",
    [
        pytest.param(lambda c: c.add("caf\udce9"), id="add-text"),
        pytest.param(lambda c: c.search("caf\udce9"), id="search-query"),
        pytest.param(lambda c: c.get("mem_\udce9"), id="memory-id"),
        pytest.param(lambda c: c.add("x", metadata={"k": "\udce9"}), id="metadata"),
    ],
)
def test_unencodable_strings_are_invalid_arguments(
    server: ScriptedServer, client: Longmem, call: Callable[[Longmem], object]
) -> None:
    with pytest.raises(InvalidArgumentError):
        call(client)
    assert server.requests == []


# -- 5. timeouts are per socket operation, not per attempt or per call ----------------------


def test_total_timeout_bounds_a_trickling_response(
    raw_server: Callable[[Handler], _RawServer],
) -> None:
    def handler(sock: socket.socket, index: int) -> None:
        payload = b"[" + b" " * 8 + b"]"
        sock.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n" % len(payload))
        for byte in payload:
            time.sleep(0.3)
            sock.sendall(bytes([byte]))

    srv = raw_server(handler)
    client = Longmem(api_key="k", base_url=srv.url, timeout=1, total_timeout=1, max_retries=0)
    started = time.monotonic()
    with pytest.raises(LongmemError):
        client.collections()
    assert time.monotonic() - started < 1.5


def test_stale_replacement_stays_within_the_time_budget(
    server: ScriptedServer, make_client: Callable[..., Longmem]
) -> None:
    client = make_client(server.url, timeout=1, total_timeout=1, max_retries=0)
    client.collections()
    server.script(Stall(0.8), Stall(5))  # reused connection: slow hang-up; fresh one: stall
    started = time.monotonic()
    with pytest.raises(LongmemError):
        client.collections()
    assert time.monotonic() - started < 1.3


# -- 6. base_url and ca_file problems surface as raw exceptions at the first call ----------


def test_non_ascii_base_url_path_is_a_longmem_error(
    server: ScriptedServer, make_client: Callable[..., Longmem]
) -> None:
    with pytest.raises(LongmemError):
        make_client(server.url + "/caf\u00e9").collections()


def test_base_url_with_a_space_is_rejected_not_retried(
    server: ScriptedServer, make_client: Callable[..., Longmem], sleeps: SleepRecorder
) -> None:
    with pytest.raises(LongmemError):
        make_client(server.url + "/a b").collections()
    assert sleeps.calls == []


def test_unreadable_ca_file_is_a_longmem_error() -> None:
    client = Longmem(api_key="k", base_url="https://127.0.0.1:9", ca_file="/nonexistent/ca.pem")
    with pytest.raises(LongmemError):
        client.collections()


# -- 7. huge integers escape as OverflowError ------------------------------------------------


@pytest.mark.parametrize(
    "call",
    [
        pytest.param(lambda c: c.add("x", importance=10**400), id="importance"),
        pytest.param(lambda c: c.search("x", min_score=10**400), id="min_score"),
    ],
)
def test_huge_integer_fraction_is_an_invalid_argument(
    client: Longmem, call: Callable[[Longmem], object]
) -> None:
    with pytest.raises(InvalidArgumentError):
        call(client)


@pytest.mark.parametrize("name", ["timeout", "total_timeout", "backoff_base", "max_retry_after"])
def test_huge_integer_setting_is_a_longmem_error(name: str) -> None:
    with pytest.raises(LongmemError):
        Longmem(api_key="k", **{name: 10**400})  # type: ignore[arg-type]


# -- 8. add_many derives an over-long Idempotency-Key past 100,000 items ---------------------


def test_add_many_chunk_keys_stay_within_the_protocol_limit(
    server: ScriptedServer, client: Longmem
) -> None:
    server.set_default(Reply(201, json={"created": 0, "ids": []}))
    # "-<offset>" adds at most 12 characters: a 243-character key fits any offset.
    client.add_many(["x"] * 100_001, idempotency_key="k" * 243)
    assert max(len(r.headers["Idempotency-Key"]) for r in server.requests) <= 255


# -- 9. server-controlled bodies the decoder mishandles --------------------------------------


@pytest.mark.parametrize("status", [200, 400])
def test_deeply_nested_body_is_a_longmem_error(
    server: ScriptedServer, client: Longmem, status: int
) -> None:
    server.script(Reply(status, body=b"[" * 100_000 + b"]" * 100_000))
    with pytest.raises(LongmemError):
        client.collections()


def test_multi_member_gzip_body_is_decoded_whole(server: ScriptedServer, client: Longmem) -> None:
    body = gzip.compress(b'[{"name": "a"},') + gzip.compress(b'{"name": "b"}]')
    server.script(Reply(200, body=body, headers={"Content-Encoding": "gzip"}))
    assert [c["name"] for c in client.collections()] == ["a", "b"]
