"""`longmem` / `python -m longmem` commands against the real local server."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from longmem import Longmem
from longmem.cli import main
from longmem.server import LocalServer

from .conftest import KEY

pytestmark = pytest.mark.usefixtures("cli_env")


@pytest.fixture
def collection(request: pytest.FixtureRequest) -> str:
    return "cli-" + request.node.name.replace("[", "-").replace("]", "")[:50]


class Run:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err

    @property
    def json(self) -> Any:
        return json.loads(self.out)

    @property
    def lines(self) -> list[Any]:
        return [json.loads(line) for line in self.out.splitlines()]


def run(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    *argv: str,
    stdin: str = "",
) -> Run:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(list(argv))
    captured = capsys.readouterr()
    return Run(code, captured.out, captured.err)


def test_add_get_update_delete(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, collection: str
) -> None:
    added = run(
        capsys,
        monkeypatch,
        "add",
        "Alex prefers dark mode",
        "--collection",
        collection,
        "--importance",
        "0.9",
        "--tag",
        "user-1",
        "--metadata",
        '{"src": "cli"}',
    )
    assert added.code == 0
    memory = added.json
    assert (memory["text"], memory["importance"], memory["container_tag"]) == (
        "Alex prefers dark mode",
        0.9,
        "user-1",
    )
    assert memory["metadata"] == {"src": "cli"} and memory["source"] == "cli"

    got = run(capsys, monkeypatch, "get", memory["id"], "--collection", collection)
    assert got.json["id"] == memory["id"]
    updated = run(
        capsys,
        monkeypatch,
        "update",
        memory["id"],
        "--collection",
        collection,
        "--text",
        "Alex prefers light mode",
    )
    assert updated.json["text"] == "Alex prefers light mode"
    deleted = run(capsys, monkeypatch, "delete", memory["id"], "--collection", collection)
    assert (deleted.code, deleted.json) == (0, {"deleted": memory["id"]})
    missing = run(capsys, monkeypatch, "get", memory["id"], "--collection", collection)
    assert missing.code == 1
    assert missing.out == ""
    assert missing.err.startswith("longmem: error: HTTP 404")
    assert len(missing.err.strip().splitlines()) == 1


def test_add_reads_text_from_stdin(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, collection: str
) -> None:
    added = run(capsys, monkeypatch, "add", "-", "--collection", collection, stdin="from a pipe")
    assert added.json["text"] == "from a pipe"


def test_add_many_from_json_lines_on_stdin_then_list_and_search(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, collection: str
) -> None:
    lines = "\n".join(
        [
            json.dumps("Alex drinks green tea"),
            "",
            json.dumps({"text": "Bianca leads design", "category": "people"}),
            json.dumps("The report is due Friday"),
        ]
    )
    result = run(capsys, monkeypatch, "add-many", "--collection", collection, stdin=lines)
    assert result.code == 0 and result.json["created"] == 3
    listed = run(capsys, monkeypatch, "list", "--collection", collection)
    assert len(listed.lines) == 3  # one object per line
    hits = run(
        capsys, monkeypatch, "search", "green tea", "--collection", collection, "--min-score", "0"
    )
    assert hits.lines[0]["text"] == "Alex drinks green tea"
    everywhere = run(capsys, monkeypatch, "search", "Bianca design", "--all", "--min-score", "0")
    assert any(h["collection"] == collection for h in everywhere.lines)


def test_search_history_finds_a_superseded_fact_after_the_current_one(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, collection: str
) -> None:
    for said in ("I live in Berlin.", "I moved to Paris."):
        assert run(capsys, monkeypatch, "remember", said, "--collection", collection).code == 0
    where = ("search", "where do I live", "--collection", collection)
    now = run(capsys, monkeypatch, *where)
    assert [h["text"] for h in now.lines] == ["User lives in Paris"]
    history = run(capsys, monkeypatch, *where, "--history")
    assert [(h["text"], h["is_latest"]) for h in history.lines] == [
        ("User lives in Paris", True),
        ("User lives in Berlin", False),
    ]


def test_add_many_from_a_file(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    collection: str,
    tmp_path: Path,
) -> None:
    path = tmp_path / "items.jsonl"
    path.write_text("\n".join(json.dumps(f"note {i}") for i in range(1500)), encoding="utf-8")
    result = run(capsys, monkeypatch, "add-many", str(path), "--collection", collection)
    assert result.json["created"] == 1500 and len(result.json["ids"]) == 1500


def test_add_many_rejects_a_line_that_is_not_json(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, collection: str
) -> None:
    result = run(
        capsys, monkeypatch, "add-many", "--collection", collection, stdin='"ok"\n{not json}\n'
    )
    assert result.code == 2
    assert "stdin line 2 is not JSON" in result.err
    listed = run(capsys, monkeypatch, "list", "--collection", collection)
    assert listed.code == 0 and listed.out == ""  # nothing stored, not even the first
    collections = run(capsys, monkeypatch, "collections")
    assert collection not in [c["name"] for c in collections.lines]


def test_collections_one_per_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, collection: str
) -> None:
    run(capsys, monkeypatch, "add", "x", "--collection", collection)
    result = run(capsys, monkeypatch, "collections")
    assert collection in {c["name"] for c in result.lines}


def test_pretty_output_is_indented(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, collection: str
) -> None:
    result = run(capsys, monkeypatch, "add", "pretty", "--collection", collection, "--pretty")
    assert result.out.startswith("{\n  ")
    assert result.json["text"] == "pretty"


def test_export_to_a_file_then_import_into_another_collection(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    collection: str,
    tmp_path: Path,
) -> None:
    run(capsys, monkeypatch, "add-many", "--collection", collection, stdin='"one"\n"two"\n')
    dump = tmp_path / "dump.json"
    exported = run(capsys, monkeypatch, "export", "-o", str(dump))
    assert exported.code == 0 and exported.out == ""
    data = json.loads(dump.read_text(encoding="utf-8"))
    data["memories"] = [m for m in data["memories"] if m["collection"] == collection]
    dump.write_text(json.dumps(data), encoding="utf-8")
    imported = run(capsys, monkeypatch, "import", str(dump), "--into", collection + "-copy")
    assert imported.code == 0
    assert imported.json["imported"] == 2
    copied = run(capsys, monkeypatch, "list", "--collection", collection + "-copy")
    assert sorted(m["text"] for m in copied.lines) == ["one", "two"]


def count(server: LocalServer, collection: str) -> int:
    with Longmem(api_key=KEY, base_url=server.url) as mem:
        return int(mem.get_collection(collection)["memory_count"])


def test_add_many_run_again_stores_nothing_twice(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    server: LocalServer,
    collection: str,
) -> None:
    lines = "".join(json.dumps(f"fact {i}") + "\n" for i in range(150))
    first = run(capsys, monkeypatch, "add-many", "--collection", collection, stdin=lines)
    again = run(capsys, monkeypatch, "add-many", "--collection", collection, stdin=lines)
    assert again.json["ids"] == first.json["ids"]  # the first run's answer, replayed
    assert (first.json["replayed"], again.json["replayed"]) == (0, 150)
    assert (first.err, again.err) == (
        "",
        "longmem: 150 of them were already stored by an earlier run, and not stored again\n",
    )
    assert count(server, collection) == 150
    more = run(
        capsys,
        monkeypatch,
        "add-many",
        "--collection",
        collection,
        "--allow-duplicates",
        stdin=lines,
    )
    assert more.code == 0 and set(more.json["ids"]).isdisjoint(first.json["ids"])
    assert count(server, collection) == 300


def test_import_run_again_stores_nothing_twice(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    server: LocalServer,
    collection: str,
) -> None:
    dump = json.dumps({"memories": [{"text": "one"}, {"text": "two"}]})
    for _ in range(2):
        imported = run(capsys, monkeypatch, "import", "--into", collection, stdin=dump)
        assert imported.json == {
            "imported": 2,
            "skipped": 0,
            "collections": [collection],
            "connections": 0,
        }
    assert count(server, collection) == 2
    run(capsys, monkeypatch, "import", "--into", collection, "--allow-duplicates", stdin=dump)
    assert count(server, collection) == 4


def test_import_into_does_not_recreate_the_exported_collection(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    server: LocalServer,
    collection: str,
) -> None:
    run(capsys, monkeypatch, "add", "kept", "--collection", collection)
    data = run(capsys, monkeypatch, "export").json
    data["memories"] = [m for m in data["memories"] if m["collection"] == collection]
    with Longmem(api_key=KEY, base_url=server.url) as mem:
        mem.delete_collection(collection)
    imported = run(
        capsys, monkeypatch, "import", "--into", collection + "-new", stdin=json.dumps(data)
    )
    assert imported.json["collections"] == [collection + "-new"]
    names = [c["name"] for c in run(capsys, monkeypatch, "collections").lines]
    assert collection + "-new" in names and collection not in names


def test_export_to_stdout_pipes_into_import_from_stdin(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, collection: str
) -> None:
    run(capsys, monkeypatch, "add", "piped through", "--collection", collection)
    exported = run(capsys, monkeypatch, "export")
    data = exported.json
    data["memories"] = [m for m in data["memories"] if m["collection"] == collection]
    imported = run(
        capsys, monkeypatch, "import", "--into", collection + "-2", stdin=json.dumps(data)
    )
    assert imported.json["imported"] == 1


def test_usage_errors_exit_2(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run(capsys, monkeypatch).code == 2
    unknown = run(capsys, monkeypatch, "frobnicate")
    assert unknown.code == 2 and "invalid choice" in unknown.err
    bad_value = run(capsys, monkeypatch, "add", "x", "--importance", "5")
    assert bad_value.code == 2
    assert bad_value.err == "longmem: error: --importance must be from 0 to 1, got 5.0\n"
    bad_json = run(capsys, monkeypatch, "add", "x", "--metadata", "[1]")
    assert bad_json.code == 2 and "must be a JSON object" in bad_json.err


def test_missing_key_is_a_usage_error_exit_2(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("LONGMEM_API_KEY")
    result = run(capsys, monkeypatch, "collections")
    assert result.code == 2 and "LONGMEM_API_KEY" in result.err


def test_api_error_never_prints_the_key(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    result = run(capsys, monkeypatch, "collections", "--api-key", "sk-SECRET-999")
    assert result.code == 1
    assert result.err.startswith("longmem: error: HTTP 401")
    assert "sk-SECRET-999" not in result.err + result.out


def test_network_error_exit_1(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    result = run(capsys, monkeypatch, "collections", "--base-url", "http://127.0.0.1:9")
    assert result.code == 1 and "could not connect" in result.err


@pytest.mark.parametrize(
    "command",
    [
        "add",
        "add-many",
        "search",
        "get",
        "list",
        "update",
        "delete",
        "remember",
        "forget",
        "collections",
        "profile",
        "summary",
        "health",
        "export",
        "import",
        "demo",
    ],
)
def test_every_command_has_help(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    result = run(capsys, monkeypatch, command, "--help")
    assert result.code == 0
    assert result.out.startswith(f"usage: longmem {command}")


def test_python_dash_m_pipes_like_a_shell_user_would(server: LocalServer) -> None:
    env = {"LONGMEM_API_KEY": KEY, "LONGMEM_BASE_URL": server.url, "PATH": "/usr/bin:/bin"}
    added = subprocess.run(
        [sys.executable, "-m", "longmem", "add-many", "--collection", "cli-pipe"],
        input='"piped one"\n"piped two"\n',
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert added.returncode == 0, added.stderr
    listed = subprocess.run(
        [sys.executable, "-m", "longmem", "list", "--collection", "cli-pipe"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert sorted(json.loads(line)["text"] for line in listed.stdout.splitlines()) == [
        "piped one",
        "piped two",
    ]
    assert listed.stderr == ""  # no progress noise when stderr is not a terminal


def test_remember_prints_one_fact_per_line_and_supersedes(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, collection: str
) -> None:
    first = run(capsys, monkeypatch, "remember", "I live in Berlin", "--collection", collection)
    assert [f["relation"] for f in first.lines] == ["new"]
    second = run(
        capsys,
        monkeypatch,
        "remember",
        "-",
        "--collection",
        collection,
        stdin="I live in Paris now",
    )
    assert [(f["text"], f["relation"]) for f in second.lines] == [
        ("User lives in Paris", "updates")
    ]


def test_remember_reads_a_conversation_from_a_file_or_stdin(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    collection: str,
    tmp_path: Path,
) -> None:
    chat = [
        {"role": "user", "content": "I live in Berlin"},
        {"role": "assistant", "content": "I love Berlin! I live in Oslo myself."},
    ]
    path = tmp_path / "chat.json"
    path.write_text(json.dumps(chat), encoding="utf-8")
    from_file = run(
        capsys, monkeypatch, "remember", "--messages", str(path), "--collection", collection
    )
    assert from_file.code == 0, from_file.err
    assert [f["text"] for f in from_file.lines] == ["User lives in Berlin"]
    chat[0]["content"] = "I live in Paris now"
    piped = run(
        capsys,
        monkeypatch,
        "remember",
        "--messages",
        "-",
        "--collection",
        collection,
        stdin=json.dumps(chat),
    )
    assert [(f["text"], f["relation"]) for f in piped.lines] == [("User lives in Paris", "updates")]


@pytest.mark.parametrize(
    ("argv", "stdin", "message"),
    [
        (["remember"], "", "remember takes the text or --messages FILE: give one"),
        (["remember", "hi", "--messages", "-"], "[]", "remember takes the text or --messages"),
        (["remember", "--messages", "-"], "not json", "stdin is not JSON: "),
        (["remember", "--messages", "-"], '{"role": "user"}', "--messages must be a list of"),
    ],
)
def test_remember_says_what_is_wrong_with_its_input(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
    stdin: str,
    message: str,
) -> None:
    result = run(capsys, monkeypatch, *argv, stdin=stdin)
    assert result.code == 2
    assert result.err.startswith(f"longmem: error: {message}")
    assert result.out == ""


def test_remember_async_prints_the_job(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, collection: str
) -> None:
    result = run(
        capsys, monkeypatch, "remember", "I like tea", "--async", "--collection", collection
    )
    assert result.code == 0 and result.json["job_id"].startswith("job_")


def test_profile_summary_and_health(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, collection: str
) -> None:
    run(
        capsys,
        monkeypatch,
        "remember",
        "I live in Lisbon. I love jazz.",
        "--collection",
        collection,
    )
    profile = run(capsys, monkeypatch, "profile", "--collection", collection)
    assert "Lisbon" in profile.json["profile"] and profile.json["based_on"] == 2
    summary = run(capsys, monkeypatch, "summary", "--collection", collection, "--limit", "5")
    assert summary.json["based_on"] == 2 and isinstance(summary.json["themes"], list)
    health = run(capsys, monkeypatch, "health", "--collection", collection)
    assert health.json["total"] == 2 and health.json["needs_attention"] is False


def test_forget_deletes_what_matches(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, collection: str
) -> None:
    run(
        capsys,
        monkeypatch,
        "add-many",
        "--collection",
        collection,
        stdin='"Project Icarus launches in May"\n"Lunch is at noon"\n',
    )
    forgot = run(
        capsys,
        monkeypatch,
        "forget",
        "Project Icarus launch",
        "--collection",
        collection,
        "--min-score",
        "0.3",
        "--yes",
    )
    assert forgot.code == 0 and forgot.json["deleted"] == 1
    left = run(capsys, monkeypatch, "list", "--collection", collection)
    assert [m["text"] for m in left.lines] == ["Lunch is at noon"]


def test_read_of_a_missing_collection_answers_as_empty(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    result = run(capsys, monkeypatch, "summary", "--collection", "never-written")
    assert result.code == 0 and result.json["based_on"] == 0
    result = run(capsys, monkeypatch, "get", "mem_x", "--collection", "never-written")
    assert result.code == 1 and result.err.startswith("longmem: error: HTTP 404")
