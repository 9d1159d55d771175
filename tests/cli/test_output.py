"""What people see: a table on a terminal, JSON when piped; stdin text; item numbers;
the no-key message; the timeouts."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import longmem
from longmem import _cli_output
from longmem.cli import main
from longmem.server import LocalServer

from ..client.servers import Reply, ScriptedServer, Stall
from .conftest import KEY

pytestmark = pytest.mark.usefixtures("cli_env")
PACKAGE_ROOT = str(Path(longmem.__file__).resolve().parent.parent)


@pytest.fixture(autouse=True)
def _columns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "60")  # shutil.get_terminal_size reads it first


@pytest.fixture
def collection(request: pytest.FixtureRequest) -> str:
    return "out-" + request.node.name.replace("[", "-").replace("]", "")[:50]


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """stdout is a person's terminal, as far as the CLI can tell."""
    monkeypatch.setattr(_cli_output, "_is_terminal", lambda: True)


def run(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *argv: str, stdin: str = ""
) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


LONG = "Alex prefers dark mode in every editor, terminal and chat app they use at work"


def test_search_on_a_terminal_is_a_table_cut_to_its_width(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    collection: str,
    terminal: None,
) -> None:
    run(capsys, monkeypatch, "add", LONG, "--collection", collection)
    code, out, _ = run(capsys, monkeypatch, "search", "dark mode", "--collection", collection)
    assert code == 0
    header, row = out.splitlines()
    assert header.split() == ["ID", "DATE", "SCORE", "TEXT"]
    assert row.startswith("mem_") and row.endswith("…")
    assert len(row) == 60
    _id, date, score, *words = row.split()
    assert date[:2] == "20" and len(date) == 10 and 0 < float(score) <= 1
    assert LONG.startswith(" ".join(words)[:-1])


def test_list_on_a_terminal_has_no_score_column(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    collection: str,
    terminal: None,
) -> None:
    run(capsys, monkeypatch, "add", "short", "--collection", collection)
    out = run(capsys, monkeypatch, "list", "--collection", collection)[1]
    assert out.splitlines()[0].split() == ["ID", "DATE", "TEXT"]
    assert out.splitlines()[1].endswith("  short")


def test_contradictions_on_a_terminal_head_current_and_superseded_apart(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    collection: str,
    terminal: None,
) -> None:
    monkeypatch.setenv("COLUMNS", "120")
    for said in ("I live in Berlin.", "I moved to Paris."):
        assert run(capsys, monkeypatch, "remember", said, "--collection", collection)[0] == 0
    out = run(capsys, monkeypatch, "contradictions", "--collection", collection)[1]
    header, row = out.splitlines()
    assert header.split() == ["CURRENT.ID", "CURRENT.TEXT", "SUPERSEDED.TEXT"]
    assert row.startswith("mem_") and row.endswith("User lives in Paris  User lives in Berlin")


def test_json_flag_on_a_terminal_prints_json_lines(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    collection: str,
    terminal: None,
) -> None:
    run(capsys, monkeypatch, "add", "as json", "--collection", collection)
    for argv in (("--json", "list"), ("list", "--json")):
        out = run(capsys, monkeypatch, *argv, "--collection", collection)[1]
        assert [json.loads(line)["text"] for line in out.splitlines()] == ["as json"]


def test_no_results_is_said_on_a_terminal_only(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    collection: str,
) -> None:
    run(capsys, monkeypatch, "add", "something", "--collection", collection)
    query = ("search", "zebra quantum", "--collection", collection, "--mode", "text")
    assert run(capsys, monkeypatch, *query) == (0, "", "")
    monkeypatch.setattr(_cli_output, "_is_terminal", lambda: True)
    assert run(capsys, monkeypatch, *query) == (0, "", "no results\n")


def test_an_object_on_a_terminal_is_indented(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    collection: str,
    terminal: None,
) -> None:
    out = run(capsys, monkeypatch, "add", "indented", "--collection", collection)[1]
    assert out.startswith("{\n  ") and json.loads(out)["text"] == "indented"


def test_search_without_a_collection_searches_every_collection(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, collection: str
) -> None:
    for name in (collection + "-a", collection + "-b"):
        run(capsys, monkeypatch, "add", f"Zanzibar trip notes for {name}", "--collection", name)
    out = run(capsys, monkeypatch, "search", "Zanzibar trip", "--min-score", "0")[1]
    found = {json.loads(line)["collection"] for line in out.splitlines()}
    assert {collection + "-a", collection + "-b"} <= found
    code, _, err = run(capsys, monkeypatch, "search", "x", "--all", "--collection", "c")
    assert code == 2 and "not allowed with argument" in err


def _shell(server: LocalServer, *argv: str, stdin: str) -> subprocess.CompletedProcess[str]:
    env = {
        "LONGMEM_API_KEY": KEY,
        "LONGMEM_BASE_URL": server.url,
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "PYTHONPATH": PACKAGE_ROOT,
    }
    return subprocess.run(
        [sys.executable, "-m", "longmem", *argv],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def test_echo_piped_into_add_dash_stores_the_line_without_its_newline(
    server: LocalServer, collection: str
) -> None:
    added = _shell(server, "add", "-", "--collection", collection, stdin="hi\n")
    assert added.returncode == 0, added.stderr
    assert json.loads(added.stdout)["text"] == "hi"
    # Exactly one newline goes: the text's own last line break stays.
    kept = _shell(server, "add", "-", "--collection", collection, stdin="a\nb\n\n")
    assert json.loads(kept.stdout)["text"] == "a\nb\n"


def test_update_text_dash_reads_standard_input_too(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, collection: str
) -> None:
    added = json.loads(run(capsys, monkeypatch, "add", "old", "--collection", collection)[1])
    code, out, _ = run(
        capsys,
        monkeypatch,
        "update",
        added["id"],
        "--collection",
        collection,
        "--text",
        "-",
        stdin="new\n",
    )
    assert code == 0 and json.loads(out)["text"] == "new"


def test_add_many_takes_no_metadata_it_would_ignore(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, _, err = run(capsys, monkeypatch, "add-many", "--metadata", "{}", stdin='"x"\n')
    assert code == 2 and "unrecognized arguments: --metadata" in err


def test_an_invalid_item_is_named_by_its_line_from_1(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, collection: str
) -> None:
    lines = '"ok"\n\n{"txt": "typo"}\n'  # the bad item is the second, on line 3
    code, out, err = run(capsys, monkeypatch, "add-many", "--collection", collection, stdin=lines)
    assert (code, out) == (2, "")
    assert err.startswith("longmem: error: stdin line 3 has unknown field(s) txt;")


def test_an_invalid_import_item_is_counted_from_1(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, collection: str
) -> None:
    code, _, err = run(
        capsys, monkeypatch, "import", "--into", collection, stdin='[{"text": "a"}, 7]'
    )
    assert code == 2
    assert err == "longmem: error: stdin item 2 must be a dict, got int\n"


def test_a_field_of_an_invalid_item_follows_its_line_after_a_colon(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, collection: str
) -> None:
    lines = '"ok"\n{"text": 5}\n'
    code, _, err = run(capsys, monkeypatch, "add-many", "--collection", collection, stdin=lines)
    assert code == 2
    assert err == "longmem: error: stdin line 2: text must be a string, got int\n"


def test_the_servers_422_names_an_add_many_item_by_its_line_in_a_later_chunk(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, collection: str
) -> None:
    # The client leaves maxima to the server: line 120 is item 20 of the second chunk.
    lines = "".join(f'"m{i}"\n' for i in range(119)) + json.dumps("x" * 10_001) + '\n"z"\n'
    code, _, err = run(capsys, monkeypatch, "add-many", "--collection", collection, stdin=lines)
    assert code == 1
    assert err.splitlines()[1].startswith(
        "longmem: error: HTTP 422: stdin line 120: text: String should have at most 10000"
    )


def test_a_bad_message_is_named_by_its_item_from_1(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, collection: str
) -> None:
    chat = '[{"role": "user", "content": "hi"}, {"role": "", "content": "x"}]'
    argv = ("remember", "--messages", "-", "--collection", collection)
    code, _, err = run(capsys, monkeypatch, *argv, stdin=chat)
    assert code == 2
    assert err == "longmem: error: stdin item 2: role must be a non-empty string, got ''\n"


def test_the_servers_422_names_a_message_by_its_item_from_1(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, collection: str
) -> None:
    chat = '[{"role": "user", "content": "hi"}, {"role": "robot", "content": "x"}]'
    argv = ("remember", "--messages", "-", "--collection", collection)
    code, _, err = run(capsys, monkeypatch, *argv, stdin=chat)
    assert code == 1
    assert err.startswith("longmem: error: HTTP 422: stdin item 2: role: Input should be 'user'")


def test_the_servers_422_names_an_import_item_by_its_place_from_1(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, collection: str
) -> None:
    dump = json.dumps([{"text": "a", "collection": collection}, {"text": "b", "collection": "a b"}])
    code, _, err = run(capsys, monkeypatch, "import", stdin=dump)
    assert code == 1
    assert err.startswith("longmem: error: HTTP 422: stdin item 2: collection: Collection name")


def test_no_key_is_a_usage_error_naming_the_flag_and_the_variable(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("LONGMEM_API_KEY")
    for argv in (["list"], ["list", "--api-key", " "]):
        code, _, err = run(capsys, monkeypatch, *argv)
        assert code == 2
        assert err == "longmem: error: no API key: pass --api-key KEY or set LONGMEM_API_KEY\n"


def test_timeouts_reach_the_client(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, _, err = run(capsys, monkeypatch, "list", "--timeout", "0")
    assert code == 2 and "timeout must be a positive number" in err
    with ScriptedServer() as stalled:
        stalled.set_default(Stall(30, Reply(200, json={"memories": []})))
        code, out, err = run(
            capsys,
            monkeypatch,
            "--base-url",
            stalled.url,
            "list",
            "--timeout",
            "0.1",
            "--total-timeout",
            "0.3",
        )
    assert (code, out) == (1, "")
    assert "timed out" in err


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_a_real_terminal_gets_the_table(server: LocalServer, collection: str) -> None:
    import pty

    _shell(server, "add", "on a real terminal", "--collection", collection, stdin="")
    leader, follower = pty.openpty()
    env = {
        "LONGMEM_API_KEY": KEY,
        "LONGMEM_BASE_URL": server.url,
        "PYTHONPATH": PACKAGE_ROOT,
        "COLUMNS": "80",
    }
    with subprocess.Popen(
        [sys.executable, "-m", "longmem", "list", "--collection", collection],
        stdin=subprocess.DEVNULL,
        stdout=follower,
        stderr=subprocess.PIPE,
        env=env,
    ) as child:
        os.close(follower)
        shown = b""
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the child closed the terminal (EIO on Linux)
                break
            if not chunk:
                break
            shown += chunk
        assert child.wait(timeout=20) == 0
    os.close(leader)
    header, row = shown.decode("utf-8").splitlines()
    assert header.split() == ["ID", "DATE", "TEXT"]
    assert row.endswith("  on a real terminal")
