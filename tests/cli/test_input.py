"""What the CLI reads, when it is not what it should be: bytes that are not text, a
closed standard input, JSON Lines whose strings hold characters Python counts as line
ends. Each is a usage error (exit 2) that says what was wrong, and stores nothing."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Optional

import pytest

from longmem import Longmem, NotFoundError
from longmem.cli import main
from longmem.server import LocalServer

from .conftest import KEY

pytestmark = pytest.mark.usefixtures("cli_env")


@pytest.fixture
def mem(server: LocalServer) -> Iterator[Longmem]:
    with Longmem(api_key=KEY, base_url=server.url) as client:
        yield client


def run(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    *argv: str,
    stdin: Any,
) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", stdin)
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def piped(data: bytes, errors: str = "strict") -> io.TextIOWrapper:
    """Standard input as a pipe of bytes gives it: text over a binary buffer, strict in
    most locales, surrogateescape in the C and POSIX ones (LANG unset, as in many
    containers) and in UTF-8 mode."""
    return io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", errors=errors)


def count(mem: Longmem, collection: str) -> Optional[int]:
    try:
        return int(mem.get_collection(collection)["memory_count"])
    except NotFoundError:
        return None


@pytest.mark.parametrize(
    "argv",
    [
        ["add-many", "{file}", "--collection", "bytes"],
        ["import", "{file}", "--into", "bytes"],
        ["remember", "--messages", "{file}", "--collection", "bytes"],
    ],
)
def test_a_file_that_is_not_utf8_names_the_line_and_stores_nothing(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    mem: Longmem,
    tmp_path: Path,
    argv: list[str],
) -> None:
    path = tmp_path / "notes.jsonl"
    path.write_bytes(b'"fine"\n"also fine"\n"Caf\xe9 in Latin-1"\n')
    args = [str(path) if a == "{file}" else a for a in argv]
    code, out, err = run(capsys, monkeypatch, *args, stdin=piped(b""))
    assert (code, out) == (2, "")
    assert err == (
        f"longmem: error: {path} line 3 is not utf-8 text: invalid continuation byte (byte 0xe9)\n"
    )
    assert count(mem, "bytes") is None


def test_stdin_that_is_not_text_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, mem: Longmem
) -> None:
    data = b'"ok"\n"\xff\xfe"\n'
    code, out, err = run(
        capsys, monkeypatch, "add-many", "--collection", "stdin-bytes", stdin=piped(data)
    )
    assert (code, out) == (2, "")
    assert err == "longmem: error: stdin line 2 is not utf-8 text: invalid start byte (byte 0xff)\n"
    code, out, err = run(
        capsys, monkeypatch, "add", "-", "--collection", "stdin-bytes", stdin=piped(b"\xff\n")
    )
    assert (code, out) == (2, "")
    assert err == "longmem: error: stdin line 1 is not utf-8 text: invalid start byte (byte 0xff)\n"
    assert count(mem, "stdin-bytes") is None


@pytest.mark.parametrize("errors", ["strict", "surrogateescape"])
@pytest.mark.parametrize(
    "argv", [["add", "-"], ["remember", "-"], ["add-many", "-"], ["import", "-"]]
)
def test_stdin_that_is_not_text_is_named_so_whatever_the_locale(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    mem: Longmem,
    argv: list[str],
    errors: str,
) -> None:
    # Under LANG=C or PYTHONUTF8=1, Python's stdin turns bytes that are not UTF-8 into
    # lone surrogates instead of failing: the error is still about the input's bytes,
    # not "unpaired surrogates" the user never typed.
    code, out, err = run(
        capsys, monkeypatch, *argv, "--collection", "locale", stdin=piped(b'"\xff"\n', errors)
    )
    assert (code, out) == (2, "")
    assert err == "longmem: error: stdin line 1 is not utf-8 text: invalid start byte (byte 0xff)\n"
    assert count(mem, "locale") is None


@pytest.mark.parametrize(
    "argv",
    [
        ["add", "-"],
        ["add-many"],
        ["add-many", "-"],
        ["import"],
        ["remember", "-"],
        ["remember", "--messages", "-"],
        ["update", "mem_123", "--text", "-"],
    ],
)
def test_a_closed_stdin_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, argv: list[str]
) -> None:
    # `longmem add - <&-`: Python then has no sys.stdin at all.
    code, out, err = run(capsys, monkeypatch, *argv, "--collection", "closed", stdin=None)
    assert (code, out) == (2, "")
    assert err == "longmem: error: standard input is closed: there is nothing to read\n"


def test_forget_with_stdin_closed_has_no_terminal_to_ask_on(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, err = run(capsys, monkeypatch, "forget", "anything", stdin=None)
    assert (code, out) == (2, "")
    assert err.startswith("longmem: error: forget deletes memories and there is no terminal")


def test_import_of_json_lines_whose_texts_hold_unicode_line_separators(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    mem: Longmem,
    tmp_path: Path,
) -> None:
    # json.dumps(ensure_ascii=False) leaves U+2028, U+0085 and \x1c as they are: one
    # line each, though str.splitlines() would cut the line there.
    texts = ["one\u2028two", "next\x85line", "file\x1cseparator", "plain"]
    path = tmp_path / "memories.jsonl"
    path.write_text(
        "".join(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in texts),
        encoding="utf-8",
    )
    code, out, err = run(
        capsys, monkeypatch, "import", str(path), "--into", "separators", stdin=piped(b"")
    )
    assert (code, err) == (0, "")
    assert json.loads(out)["imported"] == 4
    listed = mem.list_memories(collection="separators")
    assert sorted(m["text"] for m in listed) == sorted(texts)


def test_a_byte_order_mark_at_the_start_of_a_file_is_not_part_of_the_input(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    mem: Longmem,
    tmp_path: Path,
) -> None:
    # What Notepad and PowerShell 5 write for "UTF-8".
    path = tmp_path / "notes.jsonl"
    path.write_bytes(b'\xef\xbb\xbf"first"\n"second"\n')
    code, out, err = run(
        capsys, monkeypatch, "add-many", str(path), "--collection", "bom", stdin=piped(b"")
    )
    assert (code, err) == (0, "")
    assert json.loads(out)["created"] == 2
    listed = mem.list_memories(collection="bom")
    assert sorted(m["text"] for m in listed) == ["first", "second"]
