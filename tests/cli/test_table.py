"""The command table: every SDK method has a command, every option its help and default,
every command an example, and the global flags go before or after the command."""

from __future__ import annotations

import argparse
import inspect
import json
import re
import shlex
from pathlib import Path
from typing import Any

import pytest

from longmem import Longmem
from longmem.cli import COMMANDS, NOT_COMMANDS, Command, _parser, main
from longmem.server.connectors import PROVIDERS, validate_config


def _public_methods() -> set[str]:
    return {
        name
        for name, value in vars(Longmem).items()
        if not name.startswith("_") and callable(value)
    }


def test_every_public_sdk_method_has_a_command() -> None:
    covered = {command.method for command in COMMANDS if command.method is not None}
    assert _public_methods() - set(NOT_COMMANDS) == covered
    assert set(NOT_COMMANDS) <= _public_methods()  # no stale exclusion


def test_command_arguments_are_the_sdk_methods_own() -> None:
    for command in COMMANDS:
        if command.method is None:
            continue
        params = inspect.signature(getattr(Longmem, command.method)).parameters
        for arg in command.args:
            assert arg.param is None or arg.param in params, (command.name, arg.param)


# SDK arguments a command fills in its own way, and how.
_FILLED_OTHERWISE = {
    ("add_many", "items"): "the lines of the file",
    ("add_many", "on_progress"): "progress on stderr",
    ("remember", "sync"): "--async",
    ("import_memories", "memories"): "the file",
    ("import_memories", "collections"): "the file's collections",
    ("import_memories", "connections"): "the file's connections",
    ("import_memories", "idempotency_key"): "an import of many memories is several calls",
    ("context", "count_tokens"): "a shell has no callable: --max-tokens counts characters / 4",
}


def test_every_sdk_argument_is_an_argument_of_its_command() -> None:
    for command in COMMANDS:
        if command.method is None:
            continue
        params = inspect.signature(getattr(Longmem, command.method)).parameters
        offered = {arg.param for arg in command.args}
        for name in params:
            if name != "self" and (command.method, name) not in _FILLED_OTHERWISE:
                assert name in offered, f"`longmem {command.name}` has no option for {name}"


def _shown(value: Any) -> list[str]:
    texts = [f"(default: {value})"]
    if isinstance(value, float):
        texts.append(f"(default: {value:g})")
    return texts


@pytest.mark.parametrize("command", COMMANDS, ids=lambda command: command.name)
def test_help_quotes_the_sdks_default_for_each_option(command: Command) -> None:
    if command.method is None:
        return
    params = inspect.signature(getattr(Longmem, command.method)).parameters
    for arg in command.args:
        if arg.param is None or arg.positional or "default" in arg.options:
            continue
        default = params[arg.param].default
        if default is inspect.Parameter.empty or default is None or isinstance(default, bool):
            continue
        assert any(text in arg.help for text in _shown(default)), (command.name, arg.flags)


def _subparsers(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> Any:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                if name != "serve":
                    yield (*path, name), sub
                    yield from _subparsers(sub, (*path, name))


def test_every_argument_of_every_command_has_help() -> None:
    for path, sub in _subparsers(_parser()):
        for action in sub._actions:
            if isinstance(action, argparse._SubParsersAction):
                continue
            assert action.help, (path, action.option_strings or action.dest)


@pytest.mark.parametrize("command", COMMANDS, ids=lambda command: command.name)
def test_every_command_help_ends_with_an_example_of_itself(
    capsys: pytest.CaptureFixture[str], command: Command
) -> None:
    assert main([*command.name.split(), "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: longmem {command.name}")
    assert out.endswith(f"example:\n  {command.example}\n")
    words = shlex.split(command.example)
    assert words[0] == "longmem"
    assert _parser().parse_args(words[1:]).command is command


@pytest.mark.parametrize(
    "argv",
    [
        ["--api-key", "k", "--base-url", "http://x", "--json", "--timeout", "5", "list"],
        ["list", "--api-key", "k", "--base-url", "http://x", "--json", "--timeout", "5"],
        ["--api-key", "k", "list", "--base-url", "http://x", "--json", "--timeout", "5"],
        ["--api-key", "k", "--base-url", "http://x", "collections", "get", "n", "--timeout", "5"],
        ["collections", "--api-key", "k", "get", "n", "--base-url", "http://x", "--timeout", "5"],
    ],
)
def test_global_flags_go_before_or_after_the_command(argv: list[str]) -> None:
    args = _parser().parse_args(argv)
    assert (args.api_key, args.base_url, args.timeout) == ("k", "http://x", 5.0)


@pytest.mark.parametrize(
    ("argv", "handed"),
    [
        (["serve", "--port", "0", "--api-key", "k"], ("serve", ["--port", "0", "--api-key", "k"])),
        (["--api-key", "k", "serve", "--port", "0"], ("serve", ["--api-key", "k", "--port", "0"])),
        (
            ["--api-key=k", "--base-url", "http://x", "mcp", "--read-only"],
            ("mcp", ["--api-key", "k", "--base-url", "http://x", "--read-only"]),
        ),
    ],
)
def test_global_flags_before_serve_or_mcp_are_handed_to_it(
    monkeypatch: pytest.MonkeyPatch, argv: list[str], handed: tuple[str, list[str]]
) -> None:
    import longmem.mcp
    import longmem.server.cli

    seen: list[tuple[str, list[str]]] = []
    for name, module in (("serve", longmem.server.cli), ("mcp", longmem.mcp)):
        monkeypatch.setattr(module, "main", lambda args, name=name: seen.append((name, args)) or 0)
    assert main(argv) == 0
    assert seen == [handed]


@pytest.mark.parametrize(
    ("argv", "flag", "name"),
    [
        (["--json", "serve", "--port", "0"], "--json", "serve"),
        (["--pretty", "serve"], "--pretty", "serve"),
        (["--timeout", "5", "mcp"], "--timeout", "mcp"),
    ],
)
def test_a_global_flag_that_means_nothing_to_serve_or_mcp_is_named(
    capsys: pytest.CaptureFixture[str], argv: list[str], flag: str, name: str
) -> None:
    assert main(argv) == 2
    assert capsys.readouterr().err == (
        f"longmem: error: {flag} does not apply to {name} (see: longmem {name} --help)\n"
    )


def test_connection_examples_are_settings_each_provider_takes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    create = next(command for command in COMMANDS if command.name == "connections create")
    helps = {arg.flags[0]: arg.help for arg in create.args}
    shown = re.findall(r"'(\{.*?\})' \((\w+)\)", helps["--config"])
    configs = {provider: json.loads(example) for example, provider in shown}
    assert set(configs) == set(PROVIDERS)
    monkeypatch.setenv("HOME", str(tmp_path))  # the directory example's path is under ~
    for provider, config in configs.items():
        validate_config(provider, config, None, roots=[str(tmp_path)])
    credentials = [json.loads(text) for text in re.findall(r"'(\{.*?\})'", helps["--credentials"])]
    assert len(credentials) == 2
    for secret in credentials:
        validate_config("rss", configs["rss"], secret)


def test_no_option_states_its_default_twice() -> None:
    for path, sub in [((), _parser()), *_subparsers(_parser())]:
        for action in sub._actions:
            assert (action.help or "").count("(default:") <= 1, (path, action.option_strings)
