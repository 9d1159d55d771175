"""The import's body is parsed as it arrives and spooled (jsonbody.py): one import costs
a bounded amount of memory, not several times its size, and every answer it gave when it
was parsed whole stays the same (errors, idempotency, key order, the connection)."""

from __future__ import annotations

import json
import socket
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from longmem.server import LocalServer, jsonbody
from longmem.server.db import Store
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


@pytest.fixture
def small_window(monkeypatch: pytest.MonkeyPatch) -> None:
    """The server reads bodies 64 KiB at a time (not 1 MiB), so what a body costs beyond
    its window shows with bodies a test can afford."""
    monkeypatch.setattr(jsonbody, "CHUNK_BYTES", 64 * 1024)


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
    assert "line 31" in reply.json["detail"] or "line 3" in reply.json["detail"]
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


def test_an_import_body_cut_short_stores_nothing(server: LocalServer, api: Api) -> None:
    body = json.dumps({"memories": [{"text": f"m{i}"} for i in range(5_000)]}).encode()
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
        head = (
            f"POST {IMPORT} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {server.api_key}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
        )
        sock.sendall(head.encode() + body[: len(body) // 2])
        sock.shutdown(socket.SHUT_WR)
        assert sock.recv(1024) == b""  # nothing of it ran, and there is no one to answer
    assert api.get(f"{C}/default").status == 404
