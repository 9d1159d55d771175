"""Idempotency-Key: replay, 409 on reuse, races, persistence across restarts; over HTTP,
then the Idempotency component on its own."""

from __future__ import annotations

import http.client
import json
import os
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from longmem.server import LocalServer
from longmem.server.context import HTTPError, Replay, Response
from longmem.server.db import Store
from longmem.server.idempotency import Idempotency, canonical, fingerprint
from longmem.server.validation import ValidationFailed

from .server_api import Api, C

M = f"{C}/notes/memories"


def _count(api: Api) -> int:
    reply = api.get(f"{M}?limit=200&include_archived=true")
    return len(reply.json) if reply.status == 200 else 0


def test_repeat_with_same_key_replays_the_first_response(api: Api) -> None:
    headers = {"Idempotency-Key": "add-1"}
    first = api.post(M, {"text": "only once"}, headers=headers)
    second = api.post(M, {"text": "only once"}, headers=headers)
    assert first.status == second.status == 201
    assert second.json == first.json
    assert second.header("Idempotent-Replayed") == "true"
    assert first.header("Idempotent-Replayed") is None
    assert second.header("X-Request-Id") != first.header("X-Request-Id")
    assert _count(api) == 1


def test_same_key_with_different_body_is_409(api: Api) -> None:
    headers = {"Idempotency-Key": "add-2"}
    assert api.post(M, {"text": "first"}, headers=headers).status == 201
    reply = api.post(M, {"text": "second"}, headers=headers)
    assert reply.status == 409
    assert isinstance(reply.json["detail"], str)
    assert _count(api) == 1


def test_same_key_on_another_path_is_409(api: Api) -> None:
    headers = {"Idempotency-Key": "add-3"}
    assert api.post(M, {"text": "first"}, headers=headers).status == 201
    assert api.post(f"{C}/other/memories", {"text": "first"}, headers=headers).status == 409


def test_keys_of_another_tenant_are_apart(server: LocalServer, api: Api) -> None:
    other = api.with_key(server.add_tenant_key())
    headers = {"Idempotency-Key": "shared-name"}
    assert api.post(M, {"text": "mine"}, headers=headers).status == 201
    reply = other.post(M, {"text": "theirs"}, headers=headers)
    assert reply.status == 201
    assert reply.header("Idempotent-Replayed") is None
    assert reply.json["text"] == "theirs"


def test_failed_request_is_not_stored(api: Api) -> None:
    headers = {"Idempotency-Key": "fails-first"}
    assert api.post(M, {"text": ""}, headers=headers).status == 422
    # A corrected retry under the same key is a new request, not a 409 or a replay of 422.
    assert api.post(M, {"text": "fixed"}, headers=headers).status == 201


def test_replay_of_delete_keeps_204(api: Api) -> None:
    mem = api.add("notes", "x")
    headers = {"Idempotency-Key": "del-1"}
    assert api.delete(f"{M}/{mem['id']}", headers=headers).status == 204
    again = api.delete(f"{M}/{mem['id']}", headers=headers)
    assert again.status == 204
    assert again.header("Idempotent-Replayed") == "true"


def test_batch_replay_creates_nothing_new(api: Api) -> None:
    headers = {"Idempotency-Key": "batch-1"}
    body = {"memories": ["a", "b", "c"]}
    first = api.post(f"{M}/batch", body, headers=headers)
    second = api.post(f"{M}/batch", body, headers=headers)
    assert first.json == second.json
    assert _count(api) == 3


def test_racing_duplicates_execute_once(server: LocalServer) -> None:
    clients = [Api(server, server.api_key) for _ in range(8)]
    barrier = threading.Barrier(len(clients))
    replies = []

    def run(client: Api) -> None:
        barrier.wait()
        replies.append(client.post(M, {"text": "raced"}, headers={"Idempotency-Key": "race-1"}))

    threads = [threading.Thread(target=run, args=(c,)) for c in clients]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [r.status for r in replies] == [201] * 8
    assert len({r.json["id"] for r in replies}) == 1
    assert sum(r.header("Idempotent-Replayed") == "true" for r in replies) == 7
    assert _count(clients[0]) == 1
    for c in clients:
        c.close()


def test_stored_responses_survive_a_restart() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "idem.db")
        with LocalServer(db_path=db, api_key="lm_k1") as srv:
            first = Api(srv, "lm_k1").post(M, {"text": "x"}, headers={"Idempotency-Key": "r"})
        with LocalServer(db_path=db, api_key="lm_k1") as srv:
            api = Api(srv, "lm_k1")
            again = api.post(M, {"text": "x"}, headers={"Idempotency-Key": "r"})
            assert again.header("Idempotent-Replayed") == "true"
            assert again.json == first.json
            assert _count(api) == 1
            api.close()


def test_idempotency_key_is_ignored_on_get_and_search(api: Api) -> None:
    api.add("notes", "x")
    headers = {"Idempotency-Key": "g"}
    assert api.get(M, headers=headers).header("Idempotent-Replayed") is None
    # Searches are reads: they are simply run again.
    one = api.post(f"{C}/notes/search", {"query": "x"}, headers=headers)
    two = api.post(f"{C}/notes/search", {"query": "y"}, headers=headers)
    assert one.status == two.status == 200


# -- the component on its own, without HTTP ---------------------------------------------------


@pytest.fixture
def component(tmp_path: Path) -> Iterator[Idempotency]:
    store = Store(str(tmp_path / "idem.db"))
    yield Idempotency(store)
    store.close()


class _Handler:
    """Counts its runs; answers ``status`` with a body naming the run."""

    def __init__(self, status: int = 201) -> None:
        self.status = status
        self.runs = 0

    def __call__(self) -> Response:
        self.runs += 1
        return Response(self.status, {"run": self.runs}, {"Location": f"/things/{self.runs}"})


def test_component_replays_the_first_answer_without_running_again(
    component: Idempotency,
) -> None:
    handler = _Handler()
    fp = fingerprint("POST", "/things", b'{"a":1}')
    first = component.run(Replay.IN_TRANSACTION, "key_1", "k", fp, handler)
    second = component.run(Replay.IN_TRANSACTION, "key_1", "k", fp, handler)
    assert handler.runs == 1
    assert (second.status, second.body) == (first.status, first.body) == (201, {"run": 1})
    assert second.headers == {"Location": "/things/1", "Idempotent-Replayed": "true"}
    assert "Idempotent-Replayed" not in first.headers


def test_component_refuses_the_key_for_another_request(component: Idempotency) -> None:
    handler = _Handler()
    component.run(Replay.IN_TRANSACTION, "key_1", "k", fingerprint("POST", "/a", b"1"), handler)
    with pytest.raises(HTTPError) as caught:
        component.run(Replay.IN_TRANSACTION, "key_1", "k", fingerprint("POST", "/a", b"2"), handler)
    assert caught.value.status == 409
    assert handler.runs == 1


def test_component_keeps_keys_apart_by_owner(component: Idempotency) -> None:
    handler = _Handler()
    fp = fingerprint("POST", "/a", b"")
    component.run(Replay.IN_TRANSACTION, "key_1", "k", fp, handler)
    other = component.run(Replay.IN_TRANSACTION, "key_2", "k", fp, handler)
    assert handler.runs == 2 and other.body == {"run": 2}


def test_component_does_not_store_a_failed_answer(component: Idempotency) -> None:
    failing = _Handler(status=503)
    fp = fingerprint("POST", "/a", b"")
    component.run(Replay.IN_TRANSACTION, "key_1", "k", fp, failing)
    retried = component.run(Replay.IN_TRANSACTION, "key_1", "k", fp, failing)
    assert failing.runs == 2 and "Idempotent-Replayed" not in retried.headers


@pytest.mark.parametrize("key", ["", "k" * 256])
def test_component_refuses_a_key_of_the_wrong_length(component: Idempotency, key: str) -> None:
    handler = _Handler()
    with pytest.raises(ValidationFailed) as caught:
        component.run(Replay.IN_TRANSACTION, "key_1", key, fingerprint("POST", "/a", b""), handler)
    assert caught.value.errors[0]["loc"] == ["header", "idempotency-key"]
    assert handler.runs == 0


def test_fingerprint_tells_method_target_and_body_apart() -> None:
    base = fingerprint("POST", "/a?x=1", b"{}")
    assert base == fingerprint("POST", "/a?x=1", b"{}")
    assert base != fingerprint("PUT", "/a?x=1", b"{}")
    assert base != fingerprint("POST", "/a?x=2", b"{}")
    assert base != fingerprint("POST", "/a?x=1", b"{ }")
    # Each part is length-prefixed, so moving bytes between parts changes the print.
    assert fingerprint("POST", "/ab", b"c") != fingerprint("POST", "/a", b"bc")


class _WriterProbe:
    """From inside a handler: can another thread take the writer lock within a second?"""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.threads: list[threading.Thread] = []
        self.free: list[bool] = []

    def __call__(self) -> Response:
        done = threading.Event()

        def write() -> None:
            with self.store.write():
                done.set()

        thread = threading.Thread(target=write, daemon=True)
        thread.start()
        self.threads.append(thread)
        self.free.append(done.wait(1.0))
        return Response(200, {"synced": 1})

    def join(self) -> None:
        for thread in self.threads:  # a blocked one gets the lock once run() returned
            thread.join(5)


def test_in_transaction_runs_the_handler_inside_the_writer_lock(component: Idempotency) -> None:
    probe = _WriterProbe(component.store)
    component.run(Replay.IN_TRANSACTION, "key_1", "k", fingerprint("POST", "/a", b""), probe)
    probe.join()
    assert probe.free == [False]


def test_around_runs_the_handler_outside_the_writer_lock(component: Idempotency) -> None:
    probe = _WriterProbe(component.store)
    fp = fingerprint("POST", "/sync", b"")
    component.run(Replay.AROUND, "key_1", "k", fp, probe)
    replayed = component.run(Replay.AROUND, "key_1", "k", fp, probe)
    probe.join()
    assert probe.free == [True]
    assert replayed.headers["Idempotent-Replayed"] == "true"


# -- what counts as the same request, and whose key it is --------------------------------


def test_same_json_reformatted_under_the_same_key_is_replayed(api: Api) -> None:
    headers = {"Idempotency-Key": "reformatted"}
    compact = b'{"text":"only once","metadata":{"a":1,"b":[1,2]},"importance":0.5}'
    spaced = b'{ "importance": 0.5,\n  "metadata": {"b": [1, 2], "a": 1},\n  "text": "only once" }'
    first = api.post(M, raw=compact, headers=headers)
    second = api.post(M, raw=spaced, headers=headers)
    assert first.status == second.status == 201
    assert second.header("Idempotent-Replayed") == "true"
    assert second.json == first.json
    assert _count(api) == 1
    # A different value under the key is still another request.
    changed = b'{"text":"only once","metadata":{"a":2,"b":[1,2]},"importance":0.5}'
    assert api.post(M, raw=changed, headers=headers).status == 409
    # So is the same object with its list in another order.
    reordered = b'{"text":"only once","metadata":{"a":1,"b":[2,1]},"importance":0.5}'
    assert api.post(M, raw=reordered, headers=headers).status == 409


def test_the_same_query_spelled_another_way_under_the_same_key_is_replayed(api: Api) -> None:
    remember = f"{C}/notes/remember"
    headers = {"Idempotency-Key": "spelled"}
    body = {"content": "I live in Lisbon"}
    first = api.post(f"{remember}?sync=true&x=1", body, headers=headers)
    assert first.status == 200
    for spelling in ("?sync=1&x=1", "?x=1&sync=TRUE", "?x=%31&sync=%74rue"):
        again = api.post(remember + spelling, body, headers=headers)
        assert again.status == 200, spelling
        assert again.header("Idempotent-Replayed") == "true", spelling
        assert again.json == first.json
    # What the server reads differently is another request.
    assert api.post(f"{remember}?sync=0&x=1", body, headers=headers).status == 409
    assert api.post(f"{remember}?sync=true&x=2", body, headers=headers).status == 409


def test_keys_are_scoped_to_the_tenant(server: LocalServer, api: Api) -> None:
    second_key = server.add_tenant_key("default")
    other_key_same_tenant = api.with_key(second_key)
    headers = {"Idempotency-Key": "one-tenant"}
    first = api.post(M, {"text": "stored once"}, headers=headers)
    again = other_key_same_tenant.post(M, {"text": "stored once"}, headers=headers)
    assert first.status == again.status == 201
    assert again.header("Idempotent-Replayed") == "true"
    assert again.json == first.json
    assert _count(api) == 1
    other_key_same_tenant.close()


def test_two_authorization_headers_are_400(server: LocalServer) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    conn.putrequest("POST", M)
    conn.putheader("Authorization", f"Bearer {server.api_key}")
    conn.putheader("Authorization", f"Bearer {server.api_key}")
    conn.putheader("Content-Type", "application/json")
    body = b'{"text": "never stored"}'
    conn.putheader("Content-Length", str(len(body)))
    conn.endheaders(body)
    reply = conn.getresponse()
    detail = reply.read()
    conn.close()
    assert reply.status == 400
    assert b"Authorization" in detail
    assert _count(Api(server, server.api_key)) == 0


def test_canonical_form_ignores_whitespace_and_key_order_only() -> None:
    one = canonical(json.loads('{"b": {"y": 1, "x": [1, 2]}, "a": "é"}'))
    assert one == canonical(json.loads('{ "a":"\\u00e9",\n "b":{"x":[1,2],"y":1} }'))
    assert one != canonical(json.loads('{"b": {"y": 1, "x": [2, 1]}, "a": "é"}'))
    assert one != canonical(json.loads('{"b": {"y": 1.0, "x": [1, 2]}, "a": "é"}'))
