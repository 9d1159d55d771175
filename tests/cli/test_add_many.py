"""`longmem add-many` against a scripted server: one SDK call, progress, and resuming."""

from __future__ import annotations

import io
import json
import re
import sys
from collections.abc import Iterator

import pytest

from longmem.cli import main

from ..client.servers import Recorded, Reply, ScriptedServer

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


def test_failure_says_what_was_stored_and_where_to_resume(
    server: ScriptedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    server.script(*[created] * 11)
    server.set_default(DOWN)
    stderr = io.StringIO()
    code, out = add_many(server, monkeypatch, 1250, stderr=stderr)
    assert (code, out) == (1, "")
    assert stderr.getvalue().splitlines() == [
        "longmem: error: stored 1100 of 1250; resume from stdin line 1101",
        "longmem: error: HTTP 503: down (POST /v1/memory/collections/default/memories/batch)",
    ]


def test_resuming_from_the_reported_item_stores_the_rest_once(
    server: ScriptedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    stored: list[str] = []

    def store(request: Recorded) -> Reply:
        stored.extend(m["text"] for m in request.json()["memories"])
        return created(request)

    server.script(store, DOWN, DOWN, DOWN)
    server.set_default(store)
    stderr = io.StringIO()
    assert add_many(server, monkeypatch, 250, stderr=stderr)[0] == 1
    found = re.search(r"resume from stdin line (\d+)", stderr.getvalue())
    assert found is not None
    lines = "".join(json.dumps(f"m{i}") + "\n" for i in range(250)).splitlines(keepends=True)
    rest = "".join(lines[int(found.group(1)) - 1 :])  # what `tail -n +LINE` gives
    monkeypatch.setattr(sys, "stdin", io.StringIO(rest))
    assert main(["add-many", "--api-key", "k", "--base-url", server.url]) == 0
    assert stored == [f"m{i}" for i in range(250)]


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
        "longmem: error: idempotency_key must be printable ASCII characters, got 'clé'"
    )
    assert server.requests == []
