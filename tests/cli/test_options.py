"""The CLI passes the SDK only the options a user gave, so the SDK's defaults always apply."""

from __future__ import annotations

import io
import shlex
import sys
from typing import Any

import pytest

from longmem import Longmem
from longmem._protocol import (
    DEFAULT_COLLECTION,
    DEFAULT_FORGET_LIMIT,
    DEFAULT_FORGET_MIN_SCORE,
    DEFAULT_IMPORTANCE,
    DEFAULT_LIST_LIMIT,
    DEFAULT_MIN_SCORE,
    DEFAULT_SEARCH_LIMIT,
    DEFAULT_SEARCH_MODE,
    DEFAULT_STALE_DAYS,
    DEFAULT_SUMMARY_LIMIT,
    SEARCH_MODES,
    SOURCE_CLI,
)
from longmem.cli import main

Call = tuple[tuple[Any, ...], dict[str, Any]]

# What each patched SDK method answers: enough for the command to print it.
ANSWERS: dict[str, Any] = {
    "add": {},
    "add_many": {"created": 0, "ids": []},
    "search": [],
    "get": {},
    "list_memories": [],
    "update": {},
    "delete": {},
    "remember": [],
    "forget": {},
    "profile": {},
    "summary": {},
    "health": {},
    "import_memories": {},
}


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[Call]]:
    """Record every SDK call the CLI makes instead of sending it."""
    made: dict[str, list[Call]] = {}
    for name, answer in ANSWERS.items():

        def record(
            _self: Longmem, *args: Any, _name: str = name, _answer: Any = answer, **kwargs: Any
        ) -> Any:
            made.setdefault(_name, []).append((args, kwargs))
            return _answer

        monkeypatch.setattr(Longmem, name, record)
    monkeypatch.setenv("LONGMEM_API_KEY", "k")
    monkeypatch.setenv("LONGMEM_BASE_URL", "http://127.0.0.1:9")
    return made


def run(monkeypatch: pytest.MonkeyPatch, *argv: str, stdin: str = "") -> int:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    return main(list(argv))


@pytest.mark.parametrize(
    ("argv", "method", "expected"),
    [
        (["add", "x"], "add", (("x",), {"source": SOURCE_CLI})),
        (["search", "q"], "search", (("q",), {})),
        (["search", "q", "--all"], "search", (("q",), {})),
        (["get", "m1"], "get", (("m1",), {})),
        (["list"], "list_memories", ((), {})),
        (["update", "m1", "--text", "t"], "update", (("m1",), {"text": "t"})),
        (["delete", "m1"], "delete", (("m1",), {})),
        (["remember", "x"], "remember", (("x",), {"sync": True})),
        (["remember", "x", "--async"], "remember", (("x",), {"sync": False})),
        (["forget", "q", "--yes"], "forget", (("q",), {"dry_run": False})),
        (["profile"], "profile", ((), {"collection": DEFAULT_COLLECTION})),
        (["summary"], "summary", ((), {})),
        (["health"], "health", ((), {})),
    ],
    ids=lambda value: " ".join(value) if isinstance(value, list) else None,
)
def test_options_left_out_are_not_passed(
    calls: dict[str, list[Call]],
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
    method: str,
    expected: Call,
) -> None:
    assert run(monkeypatch, *argv) == 0
    assert calls[method] == [expected]


def test_add_many_passes_only_its_own_arguments(
    calls: dict[str, list[Call]], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run(monkeypatch, "add-many", stdin='"a"\n"b"\n') == 0
    [(args, kwargs)] = calls["add_many"]
    assert args == (["a", "b"],)
    assert sorted(kwargs) == ["idempotency_key", "on_progress", "source"]
    assert kwargs["source"] == SOURCE_CLI


def test_add_many_key_is_derived_from_what_the_run_would_store(
    calls: dict[str, list[Call]], monkeypatch: pytest.MonkeyPatch
) -> None:
    for argv, stdin in [
        ((), '"a"\n"b"\n'),
        ((), '"a"\n\n"b"\n'),  # a blank line stores nothing: the same run
        ((), '"b"\n"a"\n'),  # the same items in another order: another run
        (("--collection", "c"), '"a"\n"b"\n'),
        (("--importance", "0.9"), '"a"\n"b"\n'),
        (("--allow-duplicates",), '"a"\n"b"\n'),
        (("--allow-duplicates",), '"a"\n"b"\n'),
    ]:
        assert run(monkeypatch, "add-many", *argv, stdin=stdin) == 0
    keys = [kwargs["idempotency_key"] for _, kwargs in calls["add_many"]]
    assert all(key.startswith("add-many-") for key in keys)
    assert keys[0] == keys[1]
    assert len(set(keys)) == len(keys) - 1


@pytest.mark.parametrize(
    ("line", "method", "expected"),
    [
        (
            "add x --collection c --importance 0.2 --category k --tag t --metadata '{\"a\": 1}'"
            " --source s",
            "add",
            {
                "collection": "c",
                "importance": 0.2,
                "category": "k",
                "container_tag": "t",
                "metadata": {"a": 1},
                "source": "s",
            },
        ),
        (
            "search q --collection c --limit 3 --min-score 0 --mode text --category k --tag t"
            " --where '{\"a\": 1}'",
            "search",
            {
                "collection": "c",
                "limit": 3,
                "min_score": 0.0,
                "mode": "text",
                "category": "k",
                "container_tag": "t",
                "metadata_filter": {"a": 1},
            },
        ),
        (
            "list --collection c --limit 2 --offset 4 --include-archived --include-superseded"
            " --tag t",
            "list_memories",
            {
                "collection": "c",
                "limit": 2,
                "offset": 4,
                "include_archived": True,
                "include_superseded": True,
                "container_tag": "t",
            },
        ),
        (
            "forget q --collection c --min-score 0.9 --limit 1 --dry-run",
            "forget",
            {"collection": "c", "min_score": 0.9, "limit": 1, "dry_run": True},
        ),
        ("summary --limit 7 --tag t", "summary", {"limit": 7, "container_tag": "t"}),
        ("profile --tag t", "profile", {"collection": DEFAULT_COLLECTION, "container_tag": "t"}),
        ("remember x --tag t", "remember", {"sync": True, "container_tag": "t"}),
        ("health --stale-days 3", "health", {"stale_days": 3}),
    ],
    ids=["add", "search", "list", "forget", "summary", "profile", "remember", "health"],
)
def test_options_given_are_passed(
    calls: dict[str, list[Call]],
    monkeypatch: pytest.MonkeyPatch,
    line: str,
    method: str,
    expected: dict[str, Any],
) -> None:
    assert run(monkeypatch, *shlex.split(line)) == 0
    [(_args, kwargs)] = calls[method]
    assert kwargs == expected


@pytest.mark.parametrize(
    ("argv", "into"),
    [
        ([], None),
        (["--collection", DEFAULT_COLLECTION], DEFAULT_COLLECTION),
        (["--into", "x"], "x"),
    ],
)
def test_import_puts_memories_into_a_collection_only_when_told(
    calls: dict[str, list[Call]], monkeypatch: pytest.MonkeyPatch, argv: list[str], into: Any
) -> None:
    assert run(monkeypatch, "import", *argv, stdin='[{"text": "a"}]') == 0
    [(_args, kwargs)] = calls["import_memories"]
    assert kwargs["into_collection"] == into


def test_import_with_both_collection_and_into_is_a_usage_error(
    calls: dict[str, list[Call]],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # The two name the same thing: given both, one of them would be ignored unsaid.
    argv = ["import", "--collection", "a", "--into", "b"]
    assert run(monkeypatch, *argv, stdin='[{"text": "a"}]') == 2
    assert "argument --into: not allowed with argument --collection" in capsys.readouterr().err
    assert "import_memories" not in calls


@pytest.mark.parametrize(
    ("command", "defaults"),
    [
        ("add", [DEFAULT_COLLECTION, DEFAULT_IMPORTANCE, SOURCE_CLI]),
        ("search", [DEFAULT_SEARCH_LIMIT, DEFAULT_MIN_SCORE, DEFAULT_SEARCH_MODE]),
        ("list", [DEFAULT_LIST_LIMIT]),
        ("forget", [DEFAULT_FORGET_MIN_SCORE, DEFAULT_FORGET_LIMIT]),
        ("summary", [DEFAULT_SUMMARY_LIMIT]),
        ("health", [DEFAULT_STALE_DAYS]),
    ],
)
def test_help_states_the_protocols_defaults(
    capsys: pytest.CaptureFixture[str], command: str, defaults: list[Any]
) -> None:
    assert main([command, "--help"]) == 0
    text = " ".join(capsys.readouterr().out.split())
    for value in defaults:
        assert f"(default: {value})" in text


def test_search_modes_are_the_protocols(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "--help"]) == 0
    assert "{" + ",".join(SEARCH_MODES) + "}" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["search", "q", "--tag", ""], "--tag must be None or a non-empty string, got ''"),
        (["list", "--limit", "0"], "--limit must be at least 1, got 0"),
        (["move", "mem_x", "--to", ""], "--to must not be empty"),
        (["get", ""], "ID must be a non-empty string, got ''"),
        # the client's own option and the command's, both "timeout" to the SDK
        (["--timeout", "0", "jobs", "wait", "job_x"], "--timeout must be a positive number"),
        (["jobs", "wait", "job_x", "--wait-timeout", "0"], "--wait-timeout must be a positive"),
        (["--total-timeout", "-1", "list"], "--total-timeout must be a positive number"),
        (["collections", "update", "u1"], "collections update needs --description or --metadata"),
        (
            ["update", "mem_x"],
            "update needs at least one of --text, --importance, --category, --metadata",
        ),
    ],
)
def test_a_refused_value_is_named_by_the_option_that_gave_it(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    said: str,
) -> None:
    # The SDK names its arguments (container_tag, timeout); a shell user typed options.
    err = _refused(monkeypatch, capsys, "http://127.0.0.1:9", *argv)  # nothing may be sent
    assert err.startswith(f"longmem: error: {said}")


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        ([], "LONGMEM_BASE_URL must be an http:// or https:// URL with a host, got 'ftp://x'"),
        (
            ["--base-url", "ftp://y"],
            "--base-url must be an http:// or https:// URL with a host, got 'ftp://y'",
        ),
    ],
)
def test_a_refused_base_url_is_named_by_where_it_came_from(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    said: str,
) -> None:
    # Not "--base-url" for a value the user set in the environment and never typed.
    assert _refused(monkeypatch, capsys, "ftp://x", *argv, "list") == f"longmem: error: {said}\n"


def _refused(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    base_url: str,
    *argv: str,
) -> str:
    """What a command refused as a usage error (exit 2) wrote on stderr, run with a key
    and `base_url` from the environment."""
    monkeypatch.setenv("LONGMEM_API_KEY", "k")
    monkeypatch.setenv("LONGMEM_BASE_URL", base_url)
    assert run(monkeypatch, *argv) == 2
    return capsys.readouterr().err
