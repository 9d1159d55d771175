"""`longmem forget` shows what matches before anything goes: it asks on a terminal,
refuses without one unless told `--yes`, and `--dry-run` only lists."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import longmem
from longmem import Longmem, LongmemConnectionError, _cli_output
from longmem.cli import main
from longmem.server import LocalServer

KEY = "cli-forget-key"
# The package under test, whichever checkout it is, for the child processes.
SOURCE_ROOT = str(Path(longmem.__file__).resolve().parent.parent)
ICARUS = "Project Icarus launches in May"
LUNCH = "Lunch is at noon"


@pytest.fixture(scope="module")
def server() -> Iterator[LocalServer]:
    with LocalServer(api_key=KEY) as srv:
        yield srv


@pytest.fixture
def mem(server: LocalServer) -> Iterator[Longmem]:
    with Longmem(api_key=KEY, base_url=server.url, max_retries=0) as client:
        yield client


@pytest.fixture
def collection(mem: Longmem) -> str:
    name = "forget-" + os.urandom(4).hex()
    mem.add_many([ICARUS, LUNCH], collection=name)
    return name


def _texts(mem: Longmem, collection: str) -> list[str]:
    return sorted(m["text"] for m in mem.list_memories(collection=collection))


def _longmem(server: LocalServer, *argv: str) -> subprocess.CompletedProcess[str]:
    """The CLI in a child process whose stdin is a pipe, not a terminal."""
    env = {
        "LONGMEM_API_KEY": KEY,
        "LONGMEM_BASE_URL": server.url,
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "PYTHONPATH": SOURCE_ROOT,
    }
    return subprocess.run(
        [sys.executable, "-m", "longmem", *argv],
        input="y\n",  # an answer nobody was asked for must not count as one
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=60,
    )


def test_without_a_terminal_forget_refuses_unless_told_yes(
    server: LocalServer, mem: Longmem, collection: str
) -> None:
    refused = _longmem(server, "forget", "Project Icarus launch", "--collection", collection)
    assert refused.returncode == 2 and refused.stdout == ""
    assert "--yes" in refused.stderr and "--dry-run" in refused.stderr
    assert _texts(mem, collection) == sorted([ICARUS, LUNCH])

    done = _longmem(server, "forget", "Project Icarus launch", "--collection", collection, "--yes")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["deleted"] == 1 and [m["text"] for m in result["memories"]] == [ICARUS]
    assert _texts(mem, collection) == [LUNCH]


def test_dry_run_lists_the_matches_and_deletes_nothing(
    server: LocalServer, mem: Longmem, collection: str
) -> None:
    preview = _longmem(
        server, "forget", "Project Icarus launch", "--collection", collection, "--dry-run"
    )
    assert preview.returncode == 0, preview.stderr
    result = json.loads(preview.stdout)
    assert (result["deleted"], result["dry_run"]) == (0, True)
    assert [m["text"] for m in result["memories"]] == [ICARUS]
    assert _texts(mem, collection) == sorted([ICARUS, LUNCH])


def test_with_a_tag_forget_keeps_to_that_users_memories(
    server: LocalServer, mem: Longmem, collection: str
) -> None:
    for user in ("ana", "bo"):
        mem.add(ICARUS, collection=collection, container_tag=user)
    argv = ("forget", "Project Icarus launch", "--collection", collection, "--tag", "bo")
    preview = _longmem(server, *argv, "--dry-run")
    assert preview.returncode == 0, preview.stderr
    assert [m["container_tag"] for m in json.loads(preview.stdout)["memories"]] == ["bo"]
    done = _longmem(server, *argv, "--yes")
    assert done.returncode == 0, done.stderr
    assert [m["container_tag"] for m in json.loads(done.stdout)["memories"]] == ["bo"]
    left = mem.list_memories(collection=collection)
    assert sorted((m["text"], m["container_tag"] or "") for m in left) == [
        (LUNCH, ""),
        (ICARUS, ""),
        (ICARUS, "ana"),
    ]


class _Terminal(io.StringIO):
    """Standard input as a person at a terminal, who types ``answer``."""

    def isatty(self) -> bool:
        return True


def _at_terminal(
    monkeypatch: pytest.MonkeyPatch, server: LocalServer, answer: str, *argv: str
) -> int:
    monkeypatch.setenv("LONGMEM_API_KEY", KEY)
    monkeypatch.setenv("LONGMEM_BASE_URL", server.url)
    monkeypatch.setattr(sys, "stdin", _Terminal(answer))
    return main(list(argv))


def test_at_a_terminal_forget_shows_the_matches_and_deletes_them_on_yes(
    server: LocalServer,
    mem: Longmem,
    collection: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    (icarus,) = [m for m in mem.list_memories(collection=collection) if m["text"] == ICARUS]
    code = _at_terminal(
        monkeypatch, server, "y\n", "forget", "Project Icarus launch", "--collection", collection
    )
    out, err = capsys.readouterr()
    assert code == 0
    assert f"{icarus['id']}  {ICARUS}" in err and "Delete 1 memory? [y/N]" in err
    assert json.loads(out)["ids"] == [icarus["id"]]
    assert _texts(mem, collection) == [LUNCH]


@pytest.mark.parametrize("answer", ["n\n", "\n", ""], ids=["no", "enter", "end-of-input"])
def test_at_a_terminal_anything_but_yes_deletes_nothing(
    server: LocalServer,
    mem: Longmem,
    collection: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    answer: str,
) -> None:
    code = _at_terminal(
        monkeypatch, server, answer, "forget", "Project Icarus launch", "--collection", collection
    )
    out, err = capsys.readouterr()
    assert code == 0 and out == ""
    assert ICARUS in err and err.endswith("Nothing deleted.\n")
    assert _texts(mem, collection) == sorted([ICARUS, LUNCH])


def test_at_a_terminal_nothing_matching_asks_nothing(
    server: LocalServer,
    mem: Longmem,
    collection: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = _at_terminal(monkeypatch, server, "y\n", "forget", "zebra", "--collection", collection)
    out, err = capsys.readouterr()
    assert code == 0 and out == ""
    assert err == "Nothing matches; nothing deleted.\n"
    assert _texts(mem, collection) == sorted([ICARUS, LUNCH])


def _table_rows(out: str) -> list[list[str]]:
    return [line.split(None, 2) for line in out.splitlines()]


def test_at_a_terminal_a_dry_run_shows_the_table_and_what_would_go(
    server: LocalServer,
    mem: Longmem,
    collection: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(_cli_output, "_is_terminal", lambda: True)
    (icarus,) = [m for m in mem.list_memories(collection=collection) if m["text"] == ICARUS]
    code = _at_terminal(
        monkeypatch,
        server,
        "",
        "forget",
        "Project Icarus launch",
        "--collection",
        collection,
        "--dry-run",
    )
    out, err = capsys.readouterr()
    assert code == 0
    header, row = _table_rows(out)
    assert header == ["ID", "SCORE", "TEXT"]
    assert (row[0], row[2]) == (icarus["id"], ICARUS) and 0.5 <= float(row[1]) <= 1
    assert err == "Would delete 1 memory; nothing deleted (dry run).\n"
    assert _texts(mem, collection) == sorted([ICARUS, LUNCH])


@pytest.mark.parametrize(("answer", "flags"), [("y\n", ()), ("", ("--yes",))], ids=["y", "--yes"])
def test_at_a_terminal_the_deletion_shows_the_table_and_how_many_went(
    server: LocalServer,
    mem: Longmem,
    collection: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    answer: str,
    flags: tuple[str, ...],
) -> None:
    monkeypatch.setattr(_cli_output, "_is_terminal", lambda: True)
    (icarus,) = [m for m in mem.list_memories(collection=collection) if m["text"] == ICARUS]
    argv = ("forget", "Project Icarus launch", "--collection", collection, *flags)
    code = _at_terminal(monkeypatch, server, answer, *argv)
    out, err = capsys.readouterr()
    assert code == 0
    header, row = _table_rows(out)
    assert header == ["ID", "SCORE", "TEXT"] and (row[0], row[2]) == (icarus["id"], ICARUS)
    assert err.endswith("Deleted 1 memory.\n")
    assert _texts(mem, collection) == [LUNCH]


def test_at_a_terminal_a_dry_run_matching_nothing_says_so(
    server: LocalServer,
    mem: Longmem,
    collection: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(_cli_output, "_is_terminal", lambda: True)
    argv = ("forget", "zebra", "--collection", collection, "--dry-run")
    assert _at_terminal(monkeypatch, server, "", *argv) == 0
    assert capsys.readouterr() == ("", "Nothing matches; nothing deleted.\n")


@pytest.mark.parametrize("stop", ["error", "ctrl-c"])
def test_at_a_terminal_a_deletion_stopped_part_way_says_what_went(
    server: LocalServer,
    mem: Longmem,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    stop: str,
) -> None:
    name = "forget-" + os.urandom(4).hex()
    texts = [f"Project Icarus note {i}" for i in range(3)]
    mem.add_many(texts, collection=name)
    real_delete = Longmem.delete
    seen: list[str] = []

    def delete(self: Longmem, memory_id: str, **kwargs: object) -> object:
        seen.append(memory_id)
        if len(seen) == 2:  # the second one: sent, its answer lost, or Ctrl-C meanwhile
            if stop == "ctrl-c":
                raise KeyboardInterrupt
            raise LongmemConnectionError("connection reset", request_sent=True)
        return real_delete(self, memory_id, **kwargs)

    monkeypatch.setattr(Longmem, "delete", delete)
    code = _at_terminal(
        monkeypatch, server, "y\n", "forget", "Project Icarus", "--collection", name
    )
    out, err = capsys.readouterr()
    assert out == ""
    first, second = seen
    word = "interrupted" if stop == "ctrl-c" else "error"
    said = (
        f"longmem: {word}: deleted 1 of 3 memories ({first}); {second} was being deleted and"
        " may be gone too; the others are kept: run the same forget again to delete them\n"
    )
    if stop == "ctrl-c":
        assert (code, err.split("[y/N] ")[-1]) == (130, said)
    else:
        assert (code, err.split("[y/N] ")[-1]) == (1, said + "longmem: error: connection reset\n")
    assert len(_texts(mem, name)) == 2
