"""How the CLI's commands are declared: `Arg` and `Command`, the helpers that build the
rows of `_cli_commands.COMMANDS`, the arguments several commands share, and the global
options every command takes.

An option the SDK has a default for defaults to None here ("not given"), and a command
passes on only the options that were given: the SDK's default then applies, so the two
can never disagree. Help texts quote the protocol's defaults from _protocol (a test
checks each against the SDK's signature). An argparse `default=` is only for the few
arguments the SDK has no default for (profile's collection) or where the CLI's differs
(source).
"""

from __future__ import annotations

import argparse
import json

from ._constants import API_KEY_ENV, BASE_URL_ENV
from ._constants import DEFAULT_TIMEOUT as DEFAULT_REQUEST_TIMEOUT
from ._protocol import DEFAULT_CATEGORY, DEFAULT_COLLECTION, DEFAULT_IMPORTANCE, SOURCE_CLI
from ._typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any, Callable, Optional


class Arg:
    """One command-line argument: its flags (a name alone: positional), the SDK argument
    it fills (`param`; None: used by the command itself), help, and argparse options."""

    __slots__ = ("flags", "group", "help", "options", "param", "stdin")

    def __init__(
        self,
        flags: tuple[str, ...],
        param: Optional[str],
        help: str,
        *,
        stdin: bool = False,
        group: Optional[str] = None,
        **options: Any,
    ) -> None:
        self.flags = flags
        self.param = param
        self.help = help
        self.stdin = stdin  # "-" reads the value from standard input
        self.group = group  # arguments sharing a group exclude each other
        self.options = options

    @property
    def positional(self) -> bool:
        return not self.flags[0].startswith("-")

    @property
    def dest(self) -> str:
        if self.positional:
            return self.flags[0]
        return str(self.options.get("dest") or self.param or self.flags[-1][2:].replace("-", "_"))


class Command:
    """One command: its name (two words for a group's subcommand), the `Longmem` method it
    calls, a line of help, an example, its arguments, and how to show the result."""

    __slots__ = ("args", "columns", "done", "example", "help", "method", "name", "run")

    def __init__(
        self,
        name: str,
        method: Optional[str],
        help: str,
        example: str,
        *args: Arg,
        columns: tuple[str, ...] = (),
        done: Optional[str] = None,
        run: Optional[Callable[[argparse.Namespace], int]] = None,
    ) -> None:
        self.name = name
        self.method = method  # None: the command is no SDK method (demo)
        self.help = help
        self.example = example
        self.args = args
        self.columns = columns  # a list result's table columns; default: id, date, score, text
        self.done = done  # what an empty {} answer means: {done: <first argument>}
        self.run = run  # a handler of its own; default: _call


def _pos(name: str, help: str, **options: Any) -> Arg:
    """A positional argument passed positionally to the SDK method."""
    return Arg((name,), name, help, **options)


def _opt(flag: str, param: Optional[str], help: str, shown: Any = None, **options: Any) -> Arg:
    """An option; `shown` is the SDK's default, quoted in the help."""
    text = help if shown is None else f"{help} (default: {shown})"
    return Arg((flag,), param, text, **options)


def _collection(shown: str = DEFAULT_COLLECTION, **options: Any) -> Arg:
    return _opt("--collection", "collection", "the collection", shown, metavar="NAME", **options)


def _tag(help: str = "a container tag, e.g. one per user", shown: str = "none") -> Arg:
    """--tag; `shown` is what leaving it out means ("every tag" for a filter)."""
    return _opt("--tag", "container_tag", help, shown, metavar="TAG")


def _json_opt(flag: str, param: str, what: str, example: str = """'{"src": "crm"}'""") -> Arg:
    """An option whose value is a JSON object; `example` is quoted as a shell takes it."""
    return _opt(
        flag, param, f"{what}, a JSON object, e.g. {example}", type=_json_object, metavar="JSON"
    )


def _limit(shown: int, what: str = "how many to return") -> Arg:
    return _opt("--limit", "limit", what, shown, type=int, metavar="N")


_MEMORY_ID = _pos("memory_id", "the memory's id", metavar="ID")
_CONNECTION_ID = _pos("id", "the connection's id", metavar="ID")
_IDEMPOTENCY_KEY = _opt(
    "--idempotency-key",
    "idempotency_key",
    "makes repeating the command safe",
    "none",
    metavar="KEY",
)
_IMPORTANCE = _opt("--importance", "importance", "0 to 1", DEFAULT_IMPORTANCE, type=float)
_CATEGORY = _opt("--category", "category", "a category", DEFAULT_CATEGORY)
_SOURCE = _opt("--source", "source", "who wrote it", SOURCE_CLI, default=SOURCE_CLI)
_APPLY = _opt(
    "--apply",
    "dry_run",
    "change the data (default: a dry run that lists what would change)",
    action="store_const",
    const=False,
)
_ALLOW_DUPLICATES = _opt(
    "--allow-duplicates",
    None,
    "store the input even if the same command stored it before",
    "no: a re-run within the server's 24 hours of idempotency stores nothing twice",
    action="store_true",
    group="keys",
)


def _json_object(text: str) -> dict[str, Any]:
    try:
        value = json.loads(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not JSON: {exc}") from None
    if not isinstance(value, dict):
        raise argparse.ArgumentTypeError("must be a JSON object")
    return value


# -- the global options ----------------------------------------------------------------


def _global_options() -> argparse.ArgumentParser:
    """Options every command takes, before or after its name. Their defaults are
    SUPPRESS, so an option given before the command is not reset by the command's own
    parser; `_global` reads them with their real defaults."""
    parent = argparse.ArgumentParser(add_help=False)
    group = parent.add_argument_group("global options")
    suppress = argparse.SUPPRESS
    group.add_argument("--api-key", default=suppress, help=f"API key (default: ${API_KEY_ENV})")
    group.add_argument(
        "--base-url", default=suppress, help=f"API URL (default: ${BASE_URL_ENV} or hosted)"
    )
    group.add_argument(
        "--json",
        action="store_true",
        default=suppress,
        help="JSON even on a terminal (default: a table on a terminal, JSON when piped)",
    )
    group.add_argument(
        "--pretty", action="store_true", default=suppress, help="indented JSON (default: no)"
    )
    group.add_argument(
        "--timeout",
        type=float,
        default=suppress,
        metavar="SECONDS",
        help=f"bounds each network operation (default: {DEFAULT_REQUEST_TIMEOUT:g})",
    )
    group.add_argument(
        "--total-timeout",
        type=float,
        default=suppress,
        metavar="SECONDS",
        help="bounds each call, retries and waits included (default: none)",
    )
    return parent


def _global(args: argparse.Namespace, name: str) -> Any:
    return getattr(args, name, False if name in ("json", "pretty") else None)
