"""The commands the table adds, against the real local server, through `main`."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from longmem.cli import main
from longmem.server import LocalServer

KEY = "cli-admin-key"  # an admin key also reads and writes
pytestmark = pytest.mark.usefixtures("cli_env")


@pytest.fixture(scope="module")
def notes(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("notes")
    (folder / "standup.md").write_text("Standup moved to 9:30.\n", "utf-8")
    return folder


@pytest.fixture(scope="module")
def cli_key() -> str:
    return KEY


@pytest.fixture(scope="module")
def server(notes: Path) -> Iterator[LocalServer]:
    with LocalServer(admin_key=KEY, connector_roots=[str(notes)]) as srv:
        yield srv


@pytest.fixture
def collection(request: pytest.FixtureRequest) -> str:
    return "cmd-" + request.node.name.replace("[", "-").replace("]", "")[:50]


def run(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *argv: str
) -> tuple[int, Any, str]:
    """(exit status, stdout as JSON, stderr)."""
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, json.loads(out) if out else None, err


def rows(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *argv: str
) -> list[Any]:
    """What a list command printed, one JSON object per line."""
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert code == 0, err
    return [json.loads(line) for line in out.splitlines()]


def add(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, text: str, c: str
) -> str:
    code, memory, err = run(capsys, monkeypatch, "add", text, "--collection", c)
    assert code == 0, err
    return str(memory["id"])


def test_pin_archive_and_their_undo(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, collection: str
) -> None:
    memory_id = add(capsys, monkeypatch, "Pin me", collection)
    where = ("--collection", collection)
    assert run(capsys, monkeypatch, "pin", memory_id, *where)[1]["pinned"] is True
    assert run(capsys, monkeypatch, "pin", memory_id, *where, "--unpin")[1]["pinned"] is False
    assert run(capsys, monkeypatch, "archive", memory_id, *where)[1]["archived"] is True
    assert rows(capsys, monkeypatch, "list", *where) == []
    restored = run(capsys, monkeypatch, "archive", memory_id, *where, "--restore")[1]
    assert restored["archived"] is False


def test_move_then_related(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, collection: str
) -> None:
    first = add(capsys, monkeypatch, "Alex drinks green tea every morning", collection)
    add(capsys, monkeypatch, "Alex drinks green tea after lunch", collection)
    related = rows(
        capsys, monkeypatch, "related", first, "--collection", collection, "--limit", "1"
    )
    assert [h["text"] for h in related] == ["Alex drinks green tea after lunch"]
    target = collection + "-moved"
    code, moved, _ = run(
        capsys, monkeypatch, "move", first, "--collection", collection, "--to", target
    )
    assert code == 0 and moved["moved"] is True
    got = run(capsys, monkeypatch, "get", first, "--collection", target)[1]
    assert got["collection"] == target


def test_move_needs_a_target(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, _, err = run(capsys, monkeypatch, "move", "mem_1")
    assert code == 2 and "--to" in err


def test_contradictions_after_remember(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, collection: str
) -> None:
    for said in ("I live in Berlin.", "I moved to Paris."):
        assert run(capsys, monkeypatch, "remember", said, "--collection", collection)[0] == 0
    pairs = rows(capsys, monkeypatch, "contradictions", "--collection", collection)
    assert [(p["current"]["text"], p["superseded"]["text"]) for p in pairs] == [
        ("User lives in Paris", "User lives in Berlin")
    ]


def test_dedup_and_archive_stale_are_dry_runs_unless_applied(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, collection: str
) -> None:
    add(capsys, monkeypatch, "The launch is on Friday", collection)
    add(capsys, monkeypatch, "The launch is on Friday", collection)
    where = ("--collection", collection)
    dry = run(capsys, monkeypatch, "dedup", *where)[1]
    assert dry["dry_run"] is True and len(dry["clusters"]) == 1
    assert len(rows(capsys, monkeypatch, "list", *where)) == 2
    applied = run(capsys, monkeypatch, "dedup", *where, "--apply")[1]
    assert applied["dry_run"] is False and applied["deleted"] == 1
    assert len(rows(capsys, monkeypatch, "list", *where)) == 1
    stale = run(capsys, monkeypatch, "archive-stale", *where, "--older-than-days", "1")[1]
    assert stale == {"would_archive": 0, "ids": []}


def test_collections_create_get_update_list_delete(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, collection: str
) -> None:
    created = run(
        capsys, monkeypatch, "collections", "create", collection, "--description", "first"
    )[1]
    assert (created["name"], created["description"]) == (collection, "first")
    updated = run(
        capsys, monkeypatch, "collections", "update", collection, "--metadata", '{"a": 1}'
    )[1]
    assert updated["metadata"] == {"a": 1}
    got = run(capsys, monkeypatch, "collections", "get", collection)[1]
    assert got["description"] == "first"
    for listing in (("collections",), ("collections", "list")):
        assert collection in {c["name"] for c in rows(capsys, monkeypatch, *listing)}
    deleted = run(capsys, monkeypatch, "collections", "delete", collection)
    assert deleted[:2] == (0, {"deleted": collection})
    code, _, err = run(capsys, monkeypatch, "collections", "get", collection)
    assert code == 1 and "HTTP 404" in err


def test_connections_create_sync_runs_get_list_delete(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    collection: str,
    notes: Path,
) -> None:
    config = json.dumps({"path": str(notes)})
    code, connection, err = run(
        capsys,
        monkeypatch,
        "connections",
        "create",
        "directory",
        "--name",
        "notes",
        "--collection",
        collection,
        "--config",
        config,
    )
    assert code == 0, err
    cid = connection["id"]
    assert run(capsys, monkeypatch, "connections", "sync", cid)[1]["synced"] == 1
    runs = rows(capsys, monkeypatch, "connections", "runs", cid)
    assert [(r["status"], r["synced_count"]) for r in runs] == [("ok", 1)]
    assert run(capsys, monkeypatch, "connections", "get", cid)[1]["name"] == "notes"
    assert cid in {c["id"] for c in rows(capsys, monkeypatch, "connections", "list")}
    [synced] = rows(capsys, monkeypatch, "list", "--collection", collection)
    assert synced["text"] == "Standup moved to 9:30."
    assert run(capsys, monkeypatch, "connections", "delete", cid)[1] == {"deleted": cid}
    assert cid not in {c["id"] for c in rows(capsys, monkeypatch, "connections")}


def test_jobs_get_and_wait(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, collection: str
) -> None:
    accepted = run(
        capsys, monkeypatch, "remember", "I like tea", "--async", "--collection", collection
    )[1]
    waited = run(capsys, monkeypatch, "jobs", "wait", accepted["job_id"], "--poll-interval", "0.05")
    assert waited[0] == 0 and waited[1]["status"] == "done"
    got = run(capsys, monkeypatch, "jobs", "get", accepted["job_id"])[1]
    assert [f["text"] for f in got["facts"]] == ["User likes tea"]


def test_service_health_and_admin_views(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run(capsys, monkeypatch, "service-health")[1]["status"] == "ok"
    providers = rows(capsys, monkeypatch, "admin", "connector-health", "--hours", "1")
    assert {p["provider"] for p in providers} >= {"directory", "rss"}
    statuses = rows(capsys, monkeypatch, "admin", "connector-status")
    assert all(set(s) == {"status", "n"} for s in statuses)
    assert "needs_attention" in run(capsys, monkeypatch, "admin", "memory-health")[1]


def test_a_group_without_its_subcommand_shows_its_commands(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code = main(["jobs"])
    err = capsys.readouterr().err
    assert code == 2 and err.startswith("usage: longmem jobs") and "wait" in err


def test_context_prints_the_block_and_says_so_when_nothing_is_known(
    collection: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["remember", "I am allergic to peanuts.", "--collection", collection]) == 0
    capsys.readouterr()
    argv = ["context", "peanut allergy", "--collection", collection, "--no-profile"]
    assert main([*argv, "--format", "xml"]) == 0
    block = capsys.readouterr().out
    assert block.startswith("<memories>") and "User is allergic to peanuts" in block
    code, as_json, _ = run(capsys, monkeypatch, *argv, "--json")
    assert code == 0 and "User is allergic to peanuts" in as_json
    monkeypatch.setattr("longmem._cli_output._is_terminal", lambda: True)
    assert main(["context", "the weather on Mars", "--collection", collection + "-x"]) == 0
    out, err = capsys.readouterr()
    assert out == "" and err == "nothing relevant is known\n"
