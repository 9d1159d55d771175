"""Idempotency-Key: replay, 409 on reuse, races, persistence across restarts."""

from __future__ import annotations

import os
import tempfile
import threading

from longmem.server import LocalServer

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


def test_keys_are_scoped_to_the_calling_key(server: LocalServer, api: Api) -> None:
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
