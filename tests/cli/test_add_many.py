"""`longmem add-many` (and `import`) against a scripted server: progress, and finishing."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator
from typing import Callable

import pytest

from longmem.cli import main

from ..client.servers import Drop, Recorded, Reply, ScriptedServer

# Retry-After: 0 makes the CLI's client retry at once, so a failing chunk costs no sleep.
DOWN = Reply(503, json={"detail": "down"}, headers={"Retry-After": "0"})


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def created(request: Recorded) -> Reply:
    texts = [m["text"] for m in request.json()["memories"]]
    return Reply(201, json={"created": len(texts), "ids": [f"id-{t}" for t in texts]})


@pytest.fixture
def server() -> Iterator[ScriptedServer]:
    with ScriptedServer() as srv:
        yield srv
    assert not srv.errors, f"server handler errors: {srv.errors!r}"


def add_many(
    server: ScriptedServer,
    monkeypatch: pytest.MonkeyPatch,
    count: int,
    *flags: str,
    stderr: io.StringIO,
) -> tuple[int, str]:
    """Run add-many over `count` items; (exit status, stdout)."""
    stdin = "".join(json.dumps(f"m{i}") + "\n" for i in range(count))
    stdout = io.StringIO()
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    monkeypatch.setattr(sys, "stdout", stdout)
    monkeypatch.setattr(sys, "stderr", stderr)
    argv = ["add-many", "--api-key", "k", "--base-url", server.url, *flags]
    return main(argv), stdout.getvalue()


def honouring(stored: list[str]) -> Callable[[Recorded], Reply]:
    """A batch route that keeps the first answer to each Idempotency-Key, as servers do."""
    answers: dict[str, Reply] = {}

    def answer(request: Recorded) -> Reply:
        key = request.headers["idempotency-key"]
        if key not in answers:
            stored.extend(m["text"] for m in request.json()["memories"])
            answers[key] = created(request)
        return answers[key]

    return answer


def test_failure_says_what_was_stored_and_how_to_finish(
    server: ScriptedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    server.script(*[created] * 11)
    server.set_default(DOWN)
    stderr = io.StringIO()
    code, out = add_many(server, monkeypatch, 1250, stderr=stderr)
    assert (code, out) == (1, "")
    assert stderr.getvalue().splitlines() == [
        "longmem: error: stored 1100 of 1250; run the same command again to finish: "
        "the chunks already stored are not stored twice",
        "longmem: error: HTTP 503: down (POST /v1/memory/collections/default/memories/batch)",
    ]


def refusing(*indexes: int) -> Reply:
    """The server's 422 for the items at these places of the chunk."""
    detail = [
        {
            "loc": ["body", "memories", i, "text"],
            "msg": "String should have at most 10000 characters",
        }
        for i in indexes
    ]
    return Reply(422, json={"detail": detail})


def test_a_refused_item_is_to_be_fixed_not_the_command_run_again(
    server: ScriptedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    server.script(refusing(1))
    stderr = io.StringIO()
    assert add_many(server, monkeypatch, 2, stderr=stderr)[0] == 1
    assert stderr.getvalue().splitlines() == [
        "longmem: error: stored 0 of 2; fix stdin line 2 and run the command again",
        "longmem: error: HTTP 422: stdin line 2: text: String should have at most 10000 "
        "characters (POST /v1/memory/collections/default/memories/batch)",
    ]


def test_items_refused_after_a_stored_chunk_say_which_items_are_left_to_add(
    server: ScriptedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    server.script(created, refusing(3, 7, 3))
    stderr = io.StringIO()
    assert add_many(server, monkeypatch, 250, stderr=stderr)[0] == 1
    assert stderr.getvalue().splitlines()[0] == (
        "longmem: error: stored 100 of 250; fix the 2 items named below, then add only the "
        "items from stdin line 101 on: those before are stored"
    )


def test_a_chunk_sent_and_not_answered_is_reported_in_doubt(
    server: ScriptedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    stored: list[str] = []
    store = honouring(stored)

    def stored_then_dropped(request: Recorded) -> Drop:
        store(request)  # committed, and the answer lost
        return Drop()

    server.script(store, stored_then_dropped)
    server.set_default(Drop())
    stderr = io.StringIO()
    assert add_many(server, monkeypatch, 250, stderr=stderr)[0] == 1
    assert stderr.getvalue().splitlines()[0] == (
        "longmem: error: stored 100 of 250 for certain; the items from stdin line 101 to 200 "
        "were sent but not confirmed, and may be stored too; run the same command again to "
        "finish: the chunks already stored are not stored twice"
    )
    server.set_default(store)
    assert add_many(server, monkeypatch, 250, stderr=io.StringIO())[0] == 0
    assert stored == [f"m{i}" for i in range(250)]


def test_running_the_same_command_again_stores_the_rest_once(
    server: ScriptedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    stored: list[str] = []
    store = honouring(stored)
    server.script(store, DOWN, DOWN, DOWN)
    server.set_default(store)
    assert add_many(server, monkeypatch, 250, stderr=io.StringIO())[0] == 1
    code, out = add_many(server, monkeypatch, 250, stderr=io.StringIO())
    assert code == 0
    assert json.loads(out)["ids"] == [f"id-m{i}" for i in range(250)]
    assert stored == [f"m{i}" for i in range(250)]


def test_allow_duplicates_names_the_key_that_finishes_without_duplicates(
    server: ScriptedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    server.script(created)
    server.set_default(DOWN)
    stderr = io.StringIO()
    assert add_many(server, monkeypatch, 150, "--allow-duplicates", stderr=stderr)[0] == 1
    key = server.requests[0].headers["idempotency-key"].rsplit("-", 1)[0]
    assert stderr.getvalue().splitlines()[0] == (
        "longmem: error: stored 100 of 150; to finish without storing anything twice, run "
        f"it again with --idempotency-key {key} instead of --allow-duplicates"
    )


def test_allow_duplicates_and_a_key_are_a_usage_error(
    server: ScriptedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    stderr = io.StringIO()
    argv = ("--allow-duplicates", "--idempotency-key", "k")
    assert add_many(server, monkeypatch, 1, *argv, stderr=stderr)[0] == 2
    assert "argument --idempotency-key: not allowed with argument --allow-duplicates" in (
        stderr.getvalue()
    )
    assert server.requests == []


def test_progress_is_shown_per_chunk_on_a_terminal(
    server: ScriptedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    server.set_default(created)
    terminal = Terminal()
    code, out = add_many(server, monkeypatch, 250, stderr=terminal)
    assert code == 0 and json.loads(out)["created"] == 250
    assert terminal.getvalue() == "\radded 100/250\radded 200/250\radded 250/250\n"


def test_no_progress_when_stderr_is_not_a_terminal(
    server: ScriptedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    server.set_default(created)
    stderr = io.StringIO()
    code, out = add_many(server, monkeypatch, 150, stderr=stderr)
    assert code == 0 and len(json.loads(out)["ids"]) == 150
    assert stderr.getvalue() == ""


def test_idempotency_key_goes_to_the_sdk_as_given(
    server: ScriptedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    server.set_default(created)
    key = "k" * 243
    code, _ = add_many(server, monkeypatch, 150, "--idempotency-key", key, stderr=io.StringIO())
    assert code == 0
    assert [r.headers["idempotency-key"] for r in server.requests] == [key + "-0", key + "-100"]


def test_idempotency_key_that_cannot_travel_in_a_header_is_a_usage_error(
    server: ScriptedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    stderr = io.StringIO()
    code, _ = add_many(server, monkeypatch, 1, "--idempotency-key", "clé", stderr=stderr)
    assert code == 2
    assert stderr.getvalue().startswith(
        "longmem: error: --idempotency-key must be printable ASCII characters, got 'clé'"
    )
    assert server.requests == []


def _import_10050(server: ScriptedServer, monkeypatch: pytest.MonkeyPatch) -> str:
    """`longmem import` of 10,050 memories from stdin, failing (exit 1): its first error line."""
    dump = json.dumps({"memories": [{"text": f"m{i}"} for i in range(10_050)]})
    stderr = io.StringIO()
    monkeypatch.setattr(sys, "stdin", io.StringIO(dump))
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    monkeypatch.setattr(sys, "stderr", stderr)
    assert main(["import", "--api-key", "k", "--base-url", server.url]) == 1
    return stderr.getvalue().splitlines()[0]


def test_import_refused_after_a_stored_chunk_says_to_fix_the_item(
    server: ScriptedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    server.script(Reply(200, json={"imported": 10_000, "skipped": 0, "collections": ["c"]}))
    server.script(refusing(5))
    assert _import_10050(server, monkeypatch) == (
        "longmem: error: imported 10000 of 10050; fix stdin item 10006, then import only the "
        "items from stdin item 10001 on: those before are stored"
    )


def test_import_failure_says_what_was_imported_and_how_to_finish(
    server: ScriptedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    server.script(Reply(200, json={"imported": 10_000, "skipped": 0, "collections": ["c"]}))
    server.set_default(Drop())
    assert _import_10050(server, monkeypatch) == (
        "longmem: error: imported 10000 of 10050 for certain; the items from stdin item 10001 "
        "to 10050 were sent but not confirmed, and may be stored too; run the same command "
        "again to finish: the chunks already stored are not stored twice"
    )
    keys = [r.headers["idempotency-key"] for r in server.requests]
    assert keys[0].endswith("-0") and set(keys[1:]) == {keys[0][:-2] + "-10000"}
