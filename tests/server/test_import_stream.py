"""The import's body is parsed as it arrives and spooled (jsonbody.py): one import costs
a bounded amount of memory, not several times its size, and every answer it gave when it
was parsed whole stays the same (errors, idempotency, key order, the connection)."""

from __future__ import annotations

import contextlib
import errno
import http.client
import json
import logging
import os
import socket
import tempfile
import threading
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Optional

import pytest

from longmem._protocol import MAX_JSON_DEPTH
from longmem.server import LocalServer, app, jsonbody
from longmem.server.db import Store
from longmem.server.handlers import portability
from longmem.server.idempotency import canonical, fingerprint

from .server_api import Api, C

IMPORT = "/v1/memory/admin/import"


def _peak_while(call: Any) -> int:
    """The most memory Python held at once (every thread, the server's included) while
    ``call()`` ran, above what it held before."""
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        tracemalloc.reset_peak()
        call()
        return tracemalloc.get_traced_memory()[1] - before
    finally:
        tracemalloc.stop()


def _answered_while_sending(
    api: Api, path: str, body: bytes
) -> tuple[http.client.HTTPResponse, bytes]:
    """POST ``body``, reading the answer while it is sent: a server that answers before
    reading it all stops reading, and a client that only sends would never see why."""
    sock = socket.create_connection(("127.0.0.1", api.server.port), timeout=30)
    head = (
        f"POST {path} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {api.key}\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode()

    def send() -> None:
        with contextlib.suppress(OSError):  # refused part-way: the server stopped reading
            sock.sendall(head + body)

    sender = threading.Thread(target=send)
    sender.start()
    try:
        reply = http.client.HTTPResponse(sock)
        reply.begin()
        return reply, reply.read()
    finally:
        sock.close()
        sender.join()


@pytest.fixture
def small_window(monkeypatch: pytest.MonkeyPatch) -> None:
    """The server reads bodies 64 KiB at a time (not 1 MiB), so what a body costs beyond
    its window shows with bodies a test can afford."""
    monkeypatch.setattr(jsonbody, "CHUNK_BYTES", 64 * 1024)
    monkeypatch.setattr(jsonbody, "_SCAN_SPAN", 64 * 1024)


@pytest.mark.usefixtures("small_window")
def test_a_large_import_refused_takes_less_memory_than_its_body(api: Api) -> None:
    # 20,000 memories: past the 10,000 a call may hold, so 422 after the whole body is
    # parsed (parsed whole, it took about three times its size).
    body = json.dumps({"memories": [{"text": "x" * 500, "importance": 0.5}] * 20_000}).encode()
    replies = []
    peak = _peak_while(lambda: replies.append(api.post(IMPORT, raw=body)))
    assert replies[0].status == 422
    assert replies[0].json["detail"][0]["type"] == "too_long"
    assert peak < len(body) / 4, (peak, len(body))


@pytest.mark.usefixtures("small_window")
def test_an_element_of_too_many_values_is_413_before_it_is_parsed(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Parsed, '{"a":1}' costs ~50 times its text: 8 MB of them in one memory's metadata
    # took 430 MB (256 MiB, 14 GB). What it takes now is bounded by the values counted
    # before a scan, not by the body: lowered here to 100,000 (from 1,048,576).
    monkeypatch.setattr(jsonbody, "MAX_ELEMENT_VALUES", 100_000)
    dicts = b",".join([b'{"a":1}'] * 1_000_000)  # 3,000,000 values
    body = b'{"memories": [{"text": "kept?", "metadata": {"a": [' + dicts + b"]}}]}"
    replies: list[tuple[http.client.HTTPResponse, bytes]] = []
    peak = _peak_while(lambda: replies.append(_answered_while_sending(api, IMPORT, body)))
    reply, data = replies[0]
    assert reply.status == 413
    detail = json.loads(data)["detail"]
    assert detail.startswith("A part of the request body holds more than 100000 JSON values")
    assert reply.getheader("Connection") == "close"  # the rest of the body is not read
    assert peak < 40_000_000, (peak, len(body))
    assert api.get(f"{C}/default/memories").json == []  # nothing stored
    # Under the bound, the same element is parsed (and refused for what it holds).
    fewer = b",".join([b'{"a":1}'] * 30_000)  # 90,000 values
    body = b'{"memories": [{"text": "kept", "metadata": {"a": [' + fewer + b"]}}]}"
    assert api.post(IMPORT, raw=body).status == 422  # parsed: its metadata is over 16 KiB


@pytest.mark.usefixtures("small_window")
def test_a_large_import_stored_takes_less_memory_than_its_body(api: Api) -> None:
    # Large metadata rather than long texts: the body is large and cheap to embed.
    memories = [
        {"text": f"memory {i}", "id": f"old{i}", "metadata": {"note": "n" * 12_000}}
        for i in range(1_000)
    ]
    body = json.dumps({"memories": memories, "into_collection": "big"}).encode()
    replies = []
    peak = _peak_while(lambda: replies.append(api.post(IMPORT, raw=body)))
    assert replies[0].status == 200, replies[0].raw[:300]
    assert replies[0].json["imported"] == 1_000
    assert api.get(f"{C}/big").json["memory_count"] == 1_000
    stored = api.get(f"{C}/big/memories?limit=1").json[0]
    assert stored["metadata"] == {"note": "n" * 12_000}
    assert peak < len(body) / 2, (peak, len(body))


def test_malformed_json_deep_in_a_large_import_is_the_error_json_gives(api: Api) -> None:
    good = json.dumps([{"text": f"m{i}", "metadata": {"k": "[{,}]"}} for i in range(30_000)])
    text = '{"memories": \n' + good[:-1] + ',\n  {"text": "bad",}\n]}'
    with pytest.raises(json.JSONDecodeError) as expected:
        json.loads(text)
    reply = api.post(IMPORT, raw=text.encode())
    assert reply.status == 400
    assert reply.json == {"detail": f"Malformed JSON body: {expected.value}"}
    # Where json puts it: on line 3, past the first window the server read.
    assert expected.value.lineno == 3 and expected.value.pos > jsonbody.CHUNK_BYTES
    # The body was read to its end, so the connection serves the next request.
    assert reply.header("Connection") != "close"
    assert api.get(f"{C}").status == 200


def test_import_reads_its_keys_in_any_order(api: Api) -> None:
    # `into_collection` after the memories, connections before them: the import reads
    # each where it needs it, not where it comes.
    body = (
        b'{"connections": [], "memories": [{"text": "a", "id": "x1"}, '
        b'{"text": "b \\"}]\\"", "supersedes": "x1"}], '
        b'"collections": [{"name": "unused"}], "into_collection": "here"}'
    )
    reply = api.post(IMPORT, raw=body)
    assert reply.status == 200, reply.raw
    assert reply.json == {"imported": 2, "skipped": 0, "collections": ["here"], "connections": 0}
    texts = sorted(m["text"] for m in api.get(f"{C}/here/memories?include_superseded=true").json)
    assert texts == ["a", 'b "}]"']
    assert api.get(f"{C}/unused").status == 404


def test_import_errors_keep_their_order_and_words_whatever_the_key_order(api: Api) -> None:
    body = {
        "connections": "no",
        "memories": [{"text": "ok", "importance": 7}, {"text": "x", "pinned": "yes"}],
        "collections": [{"name": "Bad Name!"}],
        "into_collection": 5,
    }
    reply = api.post(IMPORT, raw=json.dumps(body).encode())
    assert reply.status == 422
    assert [e["loc"] for e in reply.json["detail"]] == [
        ["body", "into_collection"],
        ["body", "collections", 0, "name"],
        ["body", "memories", 0, "importance"],
        ["body", "memories", 1, "pinned"],
        ["body", "connections"],
    ]
    assert api.get(f"{C}/default").status == 404


_SEEDED_DIGEST = "fb36c11ae0d8c1d0a2e8838b2fce84b1e734f2d4d0396d8f37bdd8b8ac1ade06"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "memory.db"


@pytest.fixture
def seeded(db_path: Path) -> Iterator[LocalServer]:
    """A server whose database already holds an answer recorded under Idempotency-Key
    "seeded", fingerprinted as the whole-body parse did (canonical() of the parsed body)."""
    store = Store(str(db_path))
    document = {"memories": [{"text": "one", "metadata": {"b": 1, "a": [1.5, None]}}]}
    digest = fingerprint("POST", IMPORT, canonical(document))
    # As the server before streaming recorded it: any change to the fingerprint's form
    # would leave every key recorded before it unanswerable.
    assert digest == _SEEDED_DIGEST
    answer = {"imported": 41, "skipped": 0, "collections": ["default"], "connections": 0}
    with store.write():
        store.idempotency.put("default", "seeded", digest, 200, {}, answer)
    store.close()
    with LocalServer(db_path=str(db_path)) as srv:
        yield srv


def test_import_replays_an_answer_fingerprinted_from_the_whole_body(seeded: LocalServer) -> None:
    api = Api(seeded, seeded.api_key)
    # The same document, spaced and ordered otherwise: the same request.
    body = b'{ "memories" : [ {"metadata": {"a": [1.5, null], "b": 1}, "text": "one"} ] }\n'
    reply = api.post(IMPORT, raw=body, headers={"Idempotency-Key": "seeded"})
    assert reply.status == 200
    assert reply.header("Idempotent-Replayed") == "true"
    assert reply.json["imported"] == 41
    other = b'{"memories": [{"text": "two"}]}'
    assert api.post(IMPORT, raw=other, headers={"Idempotency-Key": "seeded"}).status == 409
    api.close()


def test_import_replays_its_own_answer_for_the_document_reformatted(api: Api) -> None:
    first = {"memories": [{"text": "é et 😀", "metadata": {"z": [1, 2], "a": "}"}}]}
    reply = api.post(IMPORT, first, headers={"Idempotency-Key": "k1"})
    assert reply.status == 200
    again = json.dumps(first, indent=3, ensure_ascii=True).encode()
    replay = api.post(IMPORT, raw=again, headers={"Idempotency-Key": "k1"})
    assert replay.header("Idempotent-Replayed") == "true"
    assert replay.json == reply.json
    assert len(api.get(f"{C}/default/memories").json) == 1


class _Spools:
    """The temporary files the server's spools open, each checked closed in the end."""

    def __init__(self, fail_after: Optional[int] = None) -> None:
        self.files: list[Any] = []
        self.fail_after = fail_after  # bytes written in all before a "disk full"
        self.written = 0


class _Filling:
    """A real temporary file whose writes fail (ENOSPC) once the spools hold enough."""

    def __init__(self, spools: _Spools, file: Any) -> None:
        self._spools = spools
        self._file = file

    def write(self, data: bytes) -> int:
        limit = self._spools.fail_after
        if limit is not None and self._spools.written + len(data) > limit:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        self._spools.written += len(data)
        return int(self._file.write(data))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._file, name)


@pytest.fixture
def spools(monkeypatch: pytest.MonkeyPatch) -> Iterator[_Spools]:
    opened = _Spools()
    real = tempfile.TemporaryFile

    def make(*args: Any, **kwargs: Any) -> Any:
        file = _Filling(opened, real(*args, **kwargs))
        opened.files.append(file)
        return file

    monkeypatch.setattr(tempfile, "TemporaryFile", make)
    yield opened


def _send_part(server: LocalServer, body: bytes, sent: int) -> bytes:
    """POST an import declaring ``body``'s length, send only ``sent`` bytes of it, stop
    sending; what the server answered before closing."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
        head = (
            f"POST {IMPORT} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {server.api_key}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
        )
        sock.sendall(head.encode() + body[:sent])
        sock.shutdown(socket.SHUT_WR)
        answer = b""
        while data := sock.recv(65536):
            answer += data
        return answer


def test_an_import_body_cut_short_after_spooling_began_stores_nothing_and_leaves_no_file(
    server: LocalServer, api: Api, spools: _Spools
) -> None:
    body = json.dumps({"memories": [{"text": f"m{i} " + "x" * 300} for i in range(10_000)]})
    sent = len(body) // 2
    assert sent > 1024 * 1024  # past the first window: spooling has begun
    assert _send_part(server, body.encode(), sent) == b""  # no one left to answer
    assert spools.files, "the body was never spooled"
    assert all(f.closed for f in spools.files)
    assert api.get(f"{C}/default").status == 404


@pytest.mark.parametrize("key", [None, "k"])
def test_an_import_with_no_temporary_directory_is_507_and_stores_nothing(
    api: Api, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, key: Optional[str]
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", "/nonexistent-longmem-tmp")
    headers = {"Idempotency-Key": key} if key else {}
    with caplog.at_level(logging.WARNING, logger="longmem"):
        reply = api.post(IMPORT, {"memories": [{"text": "a"}]}, headers=headers)
    assert reply.status == 507
    detail = reply.json["detail"]
    assert "TMPDIR" in detail and "No such file or directory" in detail, detail
    logged = [r for r in caplog.records if r.name.startswith("longmem")]
    assert len(logged) == 1 and logged[0].exc_info is None, logged
    monkeypatch.undo()
    assert api.get(f"{C}/default").status == 404


def test_an_import_that_fills_the_temporary_directory_is_507_and_closes_its_files(
    api: Api, spools: _Spools, caplog: pytest.LogCaptureFixture
) -> None:
    spools.fail_after = 64 * 1024
    body = {"memories": [{"text": f"m{i} " + "x" * 300} for i in range(1_000)]}
    with caplog.at_level(logging.WARNING, logger="longmem"):
        reply = api.post(IMPORT, body, headers={"Idempotency-Key": "full"})
    assert reply.status == 507
    assert "TMPDIR" in reply.json["detail"] and "No space left" in reply.json["detail"]
    assert [r.exc_info for r in caplog.records if r.name.startswith("longmem")] == [None]
    assert len(spools.files) == 2 and all(f.closed for f in spools.files)
    assert api.get(f"{C}/default").status == 404


def test_spooled_document_closes_its_first_file_when_the_second_cannot_be_made(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    made: list[Any] = []
    real = tempfile.TemporaryFile

    def second_fails(*args: Any, **kwargs: Any) -> Any:
        if made:
            raise OSError(errno.ENOSPC, "No space left on device")
        made.append(real(*args, **kwargs))
        return made[-1]

    monkeypatch.setattr(tempfile, "TemporaryFile", second_fails)
    with pytest.raises(OSError):
        jsonbody.SpooledDocument(with_canonical=True)
    assert len(made) == 1 and made[0].closed


def test_spooled_document_closes_its_second_file_when_closing_the_first_fails() -> None:
    doc = jsonbody.SpooledDocument(with_canonical=True)
    first, second = doc.text.file, doc.canonical_text.file  # type: ignore[union-attr]

    class Failing:
        def close(self) -> None:
            first.close()
            raise OSError(errno.EIO, "Input/output error")

    doc.text.file = Failing()  # type: ignore[assignment]
    with pytest.raises(OSError):
        doc.close()
    assert first.closed and second.closed


def test_the_servers_parse_time_does_not_count_against_the_clients_read_deadline(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The body's own allowance is next to nothing and the request's 0.4 s. The client
    # sends the first part of its body, and the rest once the server has spent longer
    # than that parsing and spooling the first part (and is waiting for the rest): only
    # the server's time has passed, not the client's.
    monkeypatch.setattr(app, "_MIN_BODY_RATE", 1e12)
    monkeypatch.setattr(jsonbody, "CHUNK_BYTES", 16 * 1024)
    write = jsonbody._Spool.write
    spooled = threading.Event()

    def slow_write(spool: Any, data: bytes) -> None:
        if len(data) > 1 and not spooled.is_set():  # the first elements
            time.sleep(0.6)
            spooled.set()
        write(spool, data)

    monkeypatch.setattr(jsonbody._Spool, "write", slow_write)
    body = json.dumps({"memories": [{"text": f"m{i} " + "x" * 300} for i in range(300)]})
    with LocalServer(header_timeout=0.25, request_timeout=0.4) as srv:
        with socket.create_connection(("127.0.0.1", srv.port), timeout=10) as sock:
            head = (
                f"POST {IMPORT} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {srv.api_key}\r\n"
                f"Connection: close\r\nContent-Length: {len(body)}\r\n\r\n"
            )
            sock.sendall(head.encode() + body[:20_000].encode())
            assert spooled.wait(10)
            time.sleep(0.1)  # the server reads what it has, then waits on the client
            sock.sendall(body[20_000:].encode())
            answer = b""
            while data := sock.recv(65536):
                answer += data
        assert answer.startswith(b"HTTP/1.1 200"), answer[:300]
        assert b'"imported":300' in answer


def test_a_keyed_import_checks_its_body_outside_the_writer_lock(
    server: LocalServer, api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    checked = portability._import_memories
    writes: list[bool] = []

    def checking(*args: Any) -> Iterator[Any]:
        if not writes:  # the first read, which checks: another write goes through
            writer = threading.Thread(target=_write_once, args=(server,))
            writer.start()
            writer.join(5)
            writes.append(not writer.is_alive())
        yield from checked(*args)

    monkeypatch.setattr(portability, "_import_memories", checking)
    body = {"memories": [{"text": f"m{i}"} for i in range(3)]}
    reply = api.post(IMPORT, body, headers={"Idempotency-Key": "outside"})
    assert reply.status == 200 and reply.json["imported"] == 3
    assert writes == [True]
    # The store and its record are still one transaction: the same key replays.
    again = api.post(IMPORT, body, headers={"Idempotency-Key": "outside"})
    assert again.header("Idempotent-Replayed") == "true" and again.json == reply.json
    assert api.get(f"{C}/default").json["memory_count"] == 3


def _write_once(server: LocalServer) -> None:
    with server.store.write():
        pass


def _memory_nested(depth: int) -> str:
    """A memory whose metadata makes it ``depth`` levels deep in all."""
    levels = depth - 1
    return '{"text": "deep", "metadata": ' + '{"a":' * levels + "1" + "}" * levels + "}"


@pytest.mark.parametrize("key", [None, "deep"])
def test_json_nested_past_the_limit_is_400_first_read_or_again_never_500(
    api: Api, key: Optional[str]
) -> None:
    too_deep = (
        f"Malformed JSON body: nested too deeply (more than {MAX_JSON_DEPTH} levels of "
        "arrays and objects)"
    )
    for depth in (MAX_JSON_DEPTH, MAX_JSON_DEPTH + 1, 976, 977, 5_000):
        headers = {"Idempotency-Key": f"{key}{depth}"} if key else {}
        # The import's object and its memories: two levels around the memory.
        body = '{"memories": [' + _memory_nested(depth - 2) + "]}"
        imported = api.post(IMPORT, raw=body.encode(), headers=headers)
        memory = _memory_nested(depth).encode()
        added = api.post(f"{C}/notes/memories", raw=memory, headers=headers)
        for reply in (imported, added):
            if depth <= MAX_JSON_DEPTH:  # parsed, then refused as metadata too deep
                assert reply.status == 422, (depth, reply.raw[:200])
                assert reply.json["detail"][0]["type"] == "too_deep"
            else:
                assert (reply.status, reply.json) == (400, {"detail": too_deep}), depth
    assert api.get(f"{C}/default").status == 404
