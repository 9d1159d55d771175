"""Edge cases a review of the client found broken (all fixed): each test pins one."""

from __future__ import annotations

import contextlib
import gc
import gzip
import http.client
import os
import socket
import struct
import sys
import threading
import time
import warnings
from collections.abc import Iterator
from typing import Any, Callable

import pytest

from longmem import (
    InvalidArgumentError,
    Longmem,
    LongmemConnectionError,
    LongmemError,
    LongmemTimeoutError,
    NotFoundError,
)

from ..drivers import DRIVERS
from .conftest import SleepRecorder
from .servers import Drop, Reply, ScriptedServer, Stall, Truncated

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


# -- 10. a second review: forks, trickled heads, short bodies, interrupts, shapes -----------


def _answer_by_id(sock: socket.socket, index: int, srv: list[_RawServer]) -> None:
    """Answer GET /…/memories/<id> with {"id": <id>}, after a pause that lets calls from
    several processes overlap."""
    memory_id = srv[0].requests[index].split(b" ")[1].rsplit(b"/", 1)[1]
    time.sleep(0.02)
    _send_json(sock, b"200 OK", b'{"id":"%s"}' % memory_id)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork is POSIX only")
@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # "multi-threaded, use of fork()"
def test_a_forked_child_does_not_share_its_parents_connection(
    raw_server: Callable[[Handler], _RawServer],
) -> None:
    made: list[_RawServer] = []
    made.append(raw_server(lambda sock, index: _answer_by_id(sock, index, made)))
    client = Longmem(api_key="k", base_url=made[0].url, max_retries=0)
    assert client.get("warm")["id"] == "warm"  # a kept-alive connection, before the fork
    children = []
    for worker in range(3):
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: its own calls, its own answers
            os.close(read)
            wrong = sum(client.get(f"w{worker}-{k}")["id"] != f"w{worker}-{k}" for k in range(8))
            os.write(write, str(wrong).encode())
            os._exit(0)
        os.close(write)
        children.append((pid, read))
    parent_wrong = sum(client.get(f"p-{k}")["id"] != f"p-{k}" for k in range(8))
    wrong = [parent_wrong]
    for pid, read in children:
        with os.fdopen(read) as answer:
            wrong.append(int(answer.read() or "-1"))
        os.waitpid(pid, 0)
    assert wrong == [0, 0, 0, 0]


def _trickle(sock: socket.socket, lines: list[bytes], pause: float = 0.3) -> None:
    for line in lines:
        time.sleep(pause)
        sock.sendall(line)


@pytest.mark.parametrize(
    "lines",
    [
        pytest.param(
            [b"HTTP/1.1 200 OK\r\n"] + [b"X-%d: a\r\n" % k for k in range(12)]
            + [b"Content-Length: 2\r\n\r\n[]"],
            id="head",
        ),
        pytest.param(
            [b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"] + [b"0"] * 12
            + [b"2\r\n[]\r\n0\r\n\r\n"],
            id="chunk-size-line",
        ),
    ],
)  # fmt: skip
def test_total_timeout_bounds_a_trickled_head_and_chunk_sizes(
    raw_server: Callable[[Handler], _RawServer], lines: list[bytes]
) -> None:
    srv = raw_server(lambda sock, index: _trickle(sock, lines))
    client = Longmem(api_key="k", base_url=srv.url, timeout=1, total_timeout=1, max_retries=0)
    started = time.monotonic()
    with pytest.raises(LongmemTimeoutError):
        client.collections()
    assert time.monotonic() - started < 1.4  # each line came within `timeout`: 3.9 s before


def test_total_timeout_bounds_a_proxys_trickled_connect_answer(
    raw_server: Callable[[Handler], _RawServer], monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = [b"HTTP/1.1 200 Connection established\r\n"] + [b"X: y\r\n"] * 12 + [b"\r\n"]
    proxy = raw_server(lambda sock, index: _trickle(sock, lines))
    monkeypatch.setenv("HTTPS_PROXY", proxy.url)
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    client = Longmem(
        api_key="k", base_url="https://example.invalid", timeout=1, total_timeout=1, max_retries=0
    )
    started = time.monotonic()
    with pytest.raises(LongmemTimeoutError):
        client.collections()
    assert time.monotonic() - started < 1.4
    # (HTTP/1.0 before Python 3.12, 1.1 since)
    assert [r.rsplit(b"/", 1)[0] for r in proxy.requests] == [b"CONNECT example.invalid:443 HTTP"]


def test_total_timeout_bounds_a_slow_name_lookup(monkeypatch: pytest.MonkeyPatch) -> None:
    real = socket.getaddrinfo

    def slow(host: str, *args: object, **kwargs: object) -> object:
        if host == "slow-dns.test":
            time.sleep(3)
            raise socket.gaierror("not found")
        return real(host, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "getaddrinfo", slow)
    client = Longmem(api_key="k", base_url="http://slow-dns.test:9", timeout=5, total_timeout=0.5)
    started = time.monotonic()
    with pytest.raises(LongmemTimeoutError, match="connecting"):
        client.collections()
    assert time.monotonic() - started < 0.9


def test_a_name_lookup_within_the_budget_connects(server: ScriptedServer) -> None:
    # The bounded lookup (a thread of its own) still resolves and connects by name.
    client = Longmem(api_key="k", base_url=server.url.replace("127.0.0.1", "localhost"),
                     total_timeout=5)  # fmt: skip
    server.script(Reply(200, json=[{"name": "a"}]))
    assert client.collections() == [{"name": "a"}]


def test_a_body_cut_short_under_total_timeout_is_a_dropped_connection(
    server: ScriptedServer, make_client: Callable[..., Longmem]
) -> None:
    server.script(Truncated(201, declared_length=60, body=b'{"id":"mem_1","text":"hello"}'))
    server.set_default(Reply(201, json={"id": "mem_1"}))
    client = make_client(server.url, total_timeout=10)
    assert client.add("hello")["id"] == "mem_1"  # retried, as without total_timeout
    keys = {r.headers["Idempotency-Key"] for r in server.requests}
    assert len(server.requests) == 2 and len(keys) == 1


def test_early_hints_are_read_past_to_the_final_answer(
    raw_server: Callable[[Handler], _RawServer],
) -> None:
    def handler(sock: socket.socket, index: int) -> None:
        sock.sendall(b"HTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\n")
        _send_json(sock, b"201 Created", b'{"id":"mem_%d"}' % index)

    srv = raw_server(handler)
    client = Longmem(api_key="k", base_url=srv.url)
    assert client.add("x")["id"] == "mem_0"
    assert client.add("y")["id"] == "mem_1"
    assert len(srv.requests) == 2  # each sent once


@pytest.mark.parametrize("driver", DRIVERS)
@pytest.mark.parametrize("code", [b"100 Continue", b"103 Early Hints"])
def test_interim_answers_without_end_are_a_connection_error(
    raw_server: Callable[[Handler], _RawServer],
    make_client: Callable[..., Longmem],
    code: bytes,
) -> None:
    # Sent over and over, they had held the call as long as the server went on (without a
    # total timeout): at most ten are read past.
    def handler(sock: socket.socket, index: int) -> None:
        with contextlib.suppress(OSError):
            for _ in range(10_000):
                sock.sendall(b"HTTP/1.1 " + code + b"\r\nLink: </a.css>\r\n\r\n")
                time.sleep(0.001)

    srv = raw_server(handler)
    client = make_client(srv.url, max_retries=0)
    started = time.monotonic()
    with pytest.raises(LongmemConnectionError, match="more than 10 interim answers"):
        client.add("x")
    assert time.monotonic() - started < 5


@pytest.mark.parametrize("driver", DRIVERS)
def test_ten_interim_answers_are_read_past(
    raw_server: Callable[[Handler], _RawServer], make_client: Callable[..., Longmem]
) -> None:
    def handler(sock: socket.socket, index: int) -> None:
        sock.sendall(b"HTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\n" * 9)
        sock.sendall(b"HTTP/1.1 100 Continue\r\n\r\n")
        _send_json(sock, b"201 Created", b'{"id":"mem_%d"}' % index)

    srv = raw_server(handler)
    assert make_client(srv.url).add("x")["id"] == "mem_0"


def test_a_call_interrupted_half_way_leaves_no_half_used_connection(
    server: ScriptedServer, client: Longmem, monkeypatch: pytest.MonkeyPatch
) -> None:
    server.set_default(Reply(200, json=[{"name": "a"}]))
    client.collections()
    real = http.client.HTTPConnection.send
    interrupted = []

    def interrupt(conn: http.client.HTTPConnection, data: bytes) -> None:
        if not interrupted:
            interrupted.append(True)
            raise KeyboardInterrupt  # as Ctrl-C or a time guard's signal handler would
        real(conn, data)

    monkeypatch.setattr(http.client.HTTPConnection, "send", interrupt)
    with pytest.raises(KeyboardInterrupt):
        client.collections()
    assert client.collections() == [{"name": "a"}]  # was CannotSendRequest
    assert len(server.requests) == 2 and server.connections == 2


@pytest.mark.parametrize("body", [b"[]", b"null", b'"s"', b"123"])
def test_a_job_answer_that_is_no_object_is_a_longmem_error(
    server: ScriptedServer, client: Longmem, body: bytes
) -> None:
    server.set_default(Reply(200, body=body))
    with pytest.raises(LongmemError, match="not an object"):
        client.wait_for_job("job_1", timeout=1)


@pytest.mark.parametrize("body", [b"[1, 2]", b'{"results": [null]}', b"7"])
def test_search_hits_that_are_no_objects_are_a_longmem_error(
    server: ScriptedServer, client: Longmem, body: bytes
) -> None:
    server.set_default(Reply(200, body=body))
    with pytest.raises(LongmemError, match="object"):
        client.context("q")


@pytest.mark.parametrize(
    "url",
    ["htps://me:sk-SECRET@api.example.com", "https://me:sk-SECRET@", "https://h:sk-SECRET@:x"],
)
def test_a_malformed_base_url_with_credentials_is_not_echoed(url: str) -> None:
    with pytest.raises(InvalidArgumentError) as caught:
        Longmem(api_key="k", base_url=url)
    assert "SECRET" not in str(caught.value)


def test_close_in_another_thread_never_fails_a_call(server: ScriptedServer) -> None:
    # close() closes a connection a call is using only once the call is done with it:
    # closing it under the call failed the call (AttributeError, OSError EBADF, or a
    # LongmemConnectionError for a request that was fine).
    server.set_default(Reply(200, json=[]))
    failed: list[BaseException] = []
    answered: list[int] = []  # calls answered, one count per thread
    switch = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        for options in ({}, {"total_timeout": 30.0}):
            client = Longmem(api_key="k", base_url=server.url, max_retries=0, **options)
            stop = time.monotonic() + 0.5

            def call(client: Longmem = client, stop: float = stop) -> None:
                count = 0
                while time.monotonic() < stop or count == 0:
                    try:
                        assert client.collections() == []
                        count += 1
                    except BaseException as exc:  # what this test looks for
                        failed.append(exc)
                        return
                answered.append(count)

            threads = [threading.Thread(target=call) for _ in range(4)]
            for thread in threads:
                thread.start()
            while time.monotonic() < stop:
                client.close()
            for thread in threads:
                thread.join()
            client.close()
    finally:
        sys.setswitchinterval(switch)
    assert failed == []
    assert len(answered) == 8 and min(answered) >= 1  # every thread's calls were answered


def test_close_closes_a_connection_in_use_once_its_call_is_done(server: ScriptedServer) -> None:
    # Answered a second late: close() comes while the call waits, however slow the machine.
    server.set_default(Reply(200, json=[])).script(Stall(1.0, Reply(200, json=[])))
    client = Longmem(api_key="k", base_url=server.url, max_retries=0)
    answers: list[object] = []
    thread = threading.Thread(target=lambda: answers.append(client.collections()))
    thread.start()
    server.wait_for_requests(1)
    client.close()  # while the call waits for its answer
    thread.join()
    assert answers == [[]]
    assert server.wait_until_closed()  # closed after the call, not left open
    assert client.collections() == []  # and the client opens a new one
    assert server.connections == 2


def test_close_survives_a_thread_letting_go_of_its_connection_meanwhile(
    server: ScriptedServer,
) -> None:
    # A connection dies with its thread (the pool holds it weakly, and its weakref's
    # callback takes it out of the pool): close() must read the pool in one step, not
    # walk it while another thread's connection can go ("dictionary changed size
    # during iteration"). The trace drops the connection as close() starts to walk.
    server.set_default(Reply(200, json=[]))
    client = Longmem(api_key="k", base_url=server.url, max_retries=0)
    assert client.collections() == []
    transport = client._transport
    dropped: list[bool] = []

    def trace(frame: Any, event: str, arg: Any) -> Any:
        code = frame.f_code
        if (
            not dropped
            and event == "call"
            and code.co_name in ("<genexpr>", "<listcomp>")
            and code.co_filename.endswith("_transport.py")
        ):
            dropped.append(True)
            conn = transport._local.conn
            conn.close()
            transport._local.conn = None  # as its thread ending does
            del conn
        return None

    previous = sys.gettrace()
    sys.settrace(trace)
    try:
        client.close()
    finally:
        sys.settrace(previous)
    assert client.collections() == []


def test_a_connection_opened_by_a_call_close_overtook_is_closed_when_the_call_is_done(
    server: ScriptedServer,
) -> None:
    # close() in another thread after a call read its (empty) pool and before it opened
    # its connection: the connection belongs to the pool close() threw away, so it is
    # closed when the call is done, not left to the garbage collector (ResourceWarning).
    server.set_default(Reply(200, json=[]))
    client = Longmem(api_key="k", base_url=server.url, max_retries=0)
    overtaken: list[bool] = []

    def trace(frame: Any, event: str, arg: Any) -> Any:
        if event == "call" and frame.f_code.co_name == "_open" and not overtaken:
            overtaken.append(True)
            closing = threading.Thread(target=client.close)
            closing.start()
            closing.join()
        return None

    previous = sys.gettrace()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ResourceWarning)
        sys.settrace(trace)
        try:
            assert client.collections() == []
        finally:
            sys.settrace(previous)
        gc.collect()
    assert overtaken
    assert [w for w in caught if w.category is ResourceWarning] == []
    assert server.wait_until_closed()
    assert client.collections() == []
