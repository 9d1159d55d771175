"""`longmem` / `python -m longmem`: the local server, the demo, and the SDK from a shell.

Every public `Longmem` method is a command, declared once in `COMMANDS` (its name, the
method, its arguments with their help and defaults, an example); the parser and the
generic runner are built from that table. A few commands that do more than one call
(add-many, import, export, forget, remember, demo) have their own handler.

Output: on a terminal, lists are a short table and objects indented JSON; when stdout is
not a terminal (or with `--json`), JSON, one object per line for lists (easy to pipe
into `jq` or a loop). Exit status: 0 success, 1 an API or network error (one line on
stderr), 2 a usage error. The local server is imported only by `serve`, `demo` and
`mcp --local`.

Numbers in messages about input items are line numbers of the input, counted from 1 (as
editors and `tail -n +N` count); a JSON array's items are counted from 1 too.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import sys

from . import __version__
from ._constants import (
    API_KEY_ENV,
    BASE_URL_ENV,
    DEFAULT_CONTEXT_LIMIT,
    DEFAULT_CONTEXT_MAX_TOKENS,
    DEFAULT_JOB_POLL_INTERVAL,
    DEFAULT_JOB_TIMEOUT,
)
from ._constants import DEFAULT_TIMEOUT as DEFAULT_REQUEST_TIMEOUT
from ._protocol import (
    BATCH_SIZE,
    DEFAULT_CATEGORY,
    DEFAULT_COLLECTION,
    DEFAULT_CONTRADICTIONS_LIMIT,
    DEFAULT_DEDUP_THRESHOLD,
    DEFAULT_FORGET_LIMIT,
    DEFAULT_FORGET_MIN_SCORE,
    DEFAULT_HEALTH_HOURS,
    DEFAULT_IMPORTANCE,
    DEFAULT_LIST_LIMIT,
    DEFAULT_MIN_SCORE,
    DEFAULT_RELATED_LIMIT,
    DEFAULT_RELATED_MIN_SCORE,
    DEFAULT_RUNS_LIMIT,
    DEFAULT_SEARCH_LIMIT,
    DEFAULT_SEARCH_MODE,
    DEFAULT_STALE_DAYS,
    DEFAULT_SUMMARY_LIMIT,
    MAX_IMPORT_MEMORIES,
    SEARCH_MODES,
    SOURCE_CLI,
)
from ._typing import TYPE_CHECKING
from .errors import (
    InvalidArgumentError,
    LongmemAPIError,
    LongmemError,
    NotFoundError,
    maybe_performed,
    with_locations,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator
    from typing import Any, Callable, Optional, TextIO

    from .client import Longmem
    from .errors import BatchProgress


def main(argv: Optional[list[str]] = None) -> int:
    """Run one command; returns the exit status."""
    args_in = list(sys.argv[1:] if argv is None else argv)
    # serve has its own parser (longmem.server.cli); hand it everything after the word.
    if args_in[:1] == ["serve"]:
        from .server.cli import main as serve

        return serve(args_in[1:])
    if args_in[:1] == ["mcp"]:
        from .mcp import main as mcp

        return mcp(args_in[1:])
    parser = _parser()
    try:
        args = parser.parse_args(args_in)
    except SystemExit as exit_:  # argparse exits 2 on a usage error, 0 on --help
        return int(exit_.code or 0)
    command: Optional[Command] = getattr(args, "command", None)
    if command is None:  # no command, or a group's (`longmem jobs`) without its own
        getattr(args, "group", parser).print_help(sys.stderr)
        return 2
    try:
        return int((command.run or _call)(args))
    except InvalidArgumentError as exc:
        _fail(str(exc))
        return 2
    except LongmemError as exc:
        _fail(str(exc))
        return 1
    except BrokenPipeError:
        # `longmem list | head` closed our stdout: not an error worth a traceback.
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        return 130


def _fail(message: str) -> None:
    sys.stderr.write(f"longmem: error: {message}\n")


def _interrupted(message: str) -> None:
    sys.stderr.write(f"longmem: interrupted: {message}\n")


# How much of forget's matches the confirmation shows: a short list, one line each.
_PREVIEW_ROWS = 20
_PREVIEW_WIDTH = 100


# -- the command table -----------------------------------------------------------------
#
# An option the SDK has a default for defaults to None here ("not given"), and a command
# passes on only the options that were given: the SDK's default then applies, so the two
# can never disagree. Help texts quote the protocol's defaults from _protocol (a test
# checks each against the SDK's signature). An argparse `default=` is only for the few
# arguments the SDK has no default for (profile's collection) or where the CLI's differs
# (source).
# The table itself, COMMANDS, is at the end of the module, after the handlers it names.


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


def _json_opt(flag: str, param: str, what: str) -> Arg:
    return _opt(
        flag,
        param,
        f'{what}, a JSON object, e.g. \'{{"src": "crm"}}\'',
        type=_json_object,
        metavar="JSON",
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
_MEMORY_COLUMNS = ("id", "date", "score", "text")


# -- the parser ------------------------------------------------------------------------

_GROUPS = {
    "collections": "list, create, show, update or delete collections",
    "connections": "list, create, show, sync or delete managed connectors",
    "jobs": "background remember jobs",
    "admin": "tenant-wide views (admin key)",
}


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


def _parser() -> argparse.ArgumentParser:
    common = _global_options()
    parser = argparse.ArgumentParser(
        prog="longmem",
        description="Long-term memory from the shell: the Longmem SDK, the local server, a demo.",
        epilog=f"The API key and base URL default to {API_KEY_ENV} and {BASE_URL_ENV}.\n"
        "Run `longmem COMMAND --help` for a command's options and an example.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"longmem {__version__}")
    top = parser.add_subparsers(title="commands", metavar="COMMAND")
    top.add_parser("serve", help="run the local server (see: longmem serve --help)", add_help=False)
    top.add_parser(
        "mcp", help="serve the memory tools over stdio (see: longmem mcp --help)", add_help=False
    )
    groups: dict[str, tuple[argparse.ArgumentParser, Any]] = {}
    for command in COMMANDS:
        words = command.name.split()
        where = top
        if len(words) == 2:
            if words[0] not in groups:
                group = top.add_parser(
                    words[0],
                    parents=[common],
                    help=_GROUPS[words[0]],
                    description=_GROUPS[words[0]],
                )
                groups[words[0]] = (
                    group,
                    group.add_subparsers(title="commands", metavar="COMMAND"),
                )
            group, where = groups[words[0]]
            group.set_defaults(group=group)
            if words[1] == "list":  # `longmem collections` alone lists them
                group.set_defaults(command=command)
        sub = where.add_parser(
            words[-1],
            parents=[common],
            help=command.help,
            description=command.help,
            epilog=f"example:\n  {command.example}",
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        sub.set_defaults(command=command)
        exclusive: dict[str, Any] = {}
        for arg in command.args:
            target: Any = sub
            if arg.group is not None:
                if arg.group not in exclusive:
                    exclusive[arg.group] = sub.add_mutually_exclusive_group()
                target = exclusive[arg.group]
            options = dict(arg.options)
            if not arg.positional:
                options.setdefault("dest", arg.dest)
            target.add_argument(*arg.flags, help=arg.help, **options)
    return parser


# -- the generic command ---------------------------------------------------------------


def _call(args: argparse.Namespace) -> int:
    """Call the command's SDK method with the arguments given, and show the answer."""
    command: Command = args.command
    assert command.method is not None
    positional, keywords = _sdk_arguments(command, args)
    with _client(args) as mem:
        result = getattr(mem, command.method)(*positional, **keywords)
    if command.done is not None and result == {}:
        result = {command.done: positional[0]}
    _show(args, result, command.columns)
    return 0


def _sdk_arguments(command: Command, args: argparse.Namespace) -> tuple[list[Any], dict[str, Any]]:
    """The SDK method's positional arguments, and the keyword arguments the user gave."""
    values = vars(args)
    positional: list[Any] = []
    keywords: dict[str, Any] = {}
    for arg in command.args:
        if arg.param is None:
            continue
        value = values.get(arg.dest)
        if value is not None and arg.stdin:
            value = _text_argument(value)
        if arg.positional:
            positional.append(value)
        elif value is not None:
            keywords[arg.param] = value
    return positional, keywords


def _given(args: argparse.Namespace, *names: str) -> dict[str, Any]:
    """The named options the user gave, as keyword arguments for an SDK method."""
    values = vars(args)
    return {name: values[name] for name in names if values.get(name) is not None}


# -- output ----------------------------------------------------------------------------


def _is_terminal() -> bool:
    """Whether stdout is a person's terminal; tests replace this to see the human output."""
    return sys.stdout.isatty()


def _for_people(args: argparse.Namespace) -> bool:
    return _is_terminal() and not _global(args, "json") and not _global(args, "pretty")


def _show(args: argparse.Namespace, result: Any, columns: tuple[str, ...] = ()) -> None:
    """A list as `_emit_lines` shows it, anything else as `_emit` does."""
    if isinstance(result, list):
        _emit_lines(args, result, columns)
    else:
        _emit(args, result)


def _emit(args: argparse.Namespace, value: Any) -> None:
    """One value as JSON, indented on a terminal."""
    pretty = _global(args, "pretty") or _for_people(args)
    sys.stdout.write(_dumps(value, pretty) + "\n")


def _emit_lines(
    args: argparse.Namespace, values: Iterable[Any], columns: tuple[str, ...] = ()
) -> None:
    """A list as a table on a terminal, else as one JSON value per line."""
    if _for_people(args):
        _table(list(values), columns)
        return
    for value in values:
        sys.stdout.write(_dumps(value, _global(args, "pretty")) + "\n")


def _dumps(value: Any, pretty: bool) -> str:
    if pretty:
        return json.dumps(value, ensure_ascii=False, indent=2)
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _table(rows: list[Any], columns: tuple[str, ...]) -> None:
    """Rows as aligned columns, the last cut to the terminal's width; "no results" when
    there are none (on stderr: stdout stays data)."""
    if not rows:
        sys.stderr.write("no results\n")
        return
    if not all(isinstance(row, dict) for row in rows):
        for row in rows:
            sys.stdout.write(f"{row}\n")
        return
    if not columns:
        columns = _MEMORY_COLUMNS if all("text" in row for row in rows) else _scalars(rows[0])
    if columns == _MEMORY_COLUMNS and not any("score" in row for row in rows):
        columns = ("id", "date", "text")
    cells = [[_cell(row, column) for column in columns] for row in rows]
    headers = [column.rsplit(".", 1)[-1].upper() for column in columns]
    widths = [max(len(line[i]) for line in [headers, *cells]) for i in range(len(columns))]
    room = shutil.get_terminal_size().columns - sum(widths[:-1]) - 2 * (len(columns) - 1)
    widths[-1] = max(min(widths[-1], room), 10)
    for line in [headers, *cells]:
        padded = [text.ljust(width) for text, width in zip(line[:-1], widths)]
        last = line[-1]
        if len(last) > widths[-1]:
            last = last[: widths[-1] - 1] + "…"
        sys.stdout.write("  ".join([*padded, last]).rstrip() + "\n")


def _scalars(row: dict[str, Any]) -> tuple[str, ...]:
    return tuple(key for key, value in row.items() if not isinstance(value, (dict, list)))


def _cell(row: dict[str, Any], column: str) -> str:
    if column == "date":
        return str(row.get("created_at") or "")[:10]
    if column == "score":
        score = row.get("score")
        return "" if score is None else f"{score:.2f}"
    value: Any = row
    for part in column.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return "" if value is None else " ".join(str(value).split())


def _progress(done: int, total: Optional[int], what: str) -> None:
    if sys.stderr.isatty():
        of = f"/{total}" if total is not None else ""
        sys.stderr.write(f"\r{what} {done}{of}")
        sys.stderr.flush()


def _progress_done() -> None:
    if sys.stderr.isatty():
        sys.stderr.write("\n")


# -- input -----------------------------------------------------------------------------


def _client(args: argparse.Namespace) -> Longmem:
    from .client import Longmem

    api_key = _global(args, "api_key")
    if not (os.environ.get(API_KEY_ENV, "") if api_key is None else api_key).strip():
        # The SDK's own message names its argument, api_key=; a shell user has flags.
        raise LongmemError(f"no API key: pass --api-key KEY or set {API_KEY_ENV}")
    timeouts = {
        name: _global(args, name)
        for name in ("timeout", "total_timeout")
        if _global(args, name) is not None
    }
    return Longmem(api_key=api_key, base_url=_global(args, "base_url"), **timeouts)


def _text_argument(value: str) -> str:
    """The value, or standard input for "-" without the one newline `echo` adds."""
    if value != "-":
        return value
    text = sys.stdin.read()
    if text.endswith("\n"):
        text = text[:-2] if text.endswith("\r\n") else text[:-1]
    return text


def _json_object(text: str) -> dict[str, Any]:
    try:
        value = json.loads(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not JSON: {exc}") from None
    if not isinstance(value, dict):
        raise argparse.ArgumentTypeError("must be a JSON object")
    return value


def _open_input(name: str) -> TextIO:
    if name == "-":
        return sys.stdin
    try:
        return open(name, encoding="utf-8")
    except OSError as exc:
        raise InvalidArgumentError(f"cannot read {name}: {exc.strerror}") from None


def _read_json(name: str) -> Any:
    """One JSON document from a file, or from stdin for ``-``."""
    stream = _open_input(name)
    try:
        return json.load(stream)
    except ValueError as exc:
        where = "stdin" if name == "-" else name
        raise InvalidArgumentError(f"{where} is not JSON: {exc}") from None
    finally:
        if stream is not sys.stdin:
            stream.close()


def _json_lines(stream: TextIO, name: str) -> Iterator[tuple[str, Any]]:
    """Each value of a JSON Lines stream with where it is ("notes.jsonl line 3")."""
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        try:
            yield f"{name} line {number}", json.loads(line)
        except ValueError as exc:
            raise InvalidArgumentError(f"{name} line {number} is not JSON: {exc}") from None


def _read_items(name: str) -> tuple[list[Any], list[str]]:
    """The values of a JSON Lines file (or stdin for "-") and where each one is."""
    label = "stdin" if name == "-" else name
    stream = _open_input(name)
    try:
        found = list(_json_lines(stream, label))
    finally:
        if stream is not sys.stdin:
            stream.close()
    return [value for _, value in found], [where for where, _ in found]


def _read_export(
    stream: TextIO, name: str
) -> tuple[list[Any], Optional[list[Any]], Optional[list[Any]], list[str]]:
    """An export object ({"memories", "collections", "connections"}) or JSON Lines of
    memories: the memories, the collections, the connections, and where each memory is."""
    text = stream.read()
    try:
        whole = json.loads(text)
    except ValueError:
        whole = None
    if isinstance(whole, dict):
        memories = whole.get("memories")
        if not isinstance(memories, list):
            raise InvalidArgumentError(f"{name} has no 'memories' list")
        collections, connections = whole.get("collections"), whole.get("connections")
        return (
            memories,
            collections if isinstance(collections, list) else None,
            connections if isinstance(connections, list) else None,
            _positions(name, len(memories)),
        )
    if isinstance(whole, list):
        return whole, None, None, _positions(name, len(whole))
    found = list(_json_lines(iter(text.splitlines(keepends=True)), name))  # type: ignore[arg-type]
    return [value for _, value in found], None, None, [where for where, _ in found]


def _positions(name: str, count: int) -> list[str]:
    return [f"{name} item {number}" for number in range(1, count + 1)]


def _renumbered(
    exc: LongmemError, sequence: str, where: list[str], offset: int = 0
) -> LongmemError:
    """An error about the K-th item of a request's list `sequence` (counted from 0: the
    SDK's `sequence[K]`, the server's 422 location `body.sequence.K`) in the CLI's terms:
    where the item is in the input (`where`, counted from 1), `offset` items before the
    request's first. Any other error as it is."""

    def name(index: int, field: str) -> Optional[str]:
        at = offset + index
        if not 0 <= at < len(where):
            return None
        return f"{where[at]}: {field}" if field else where[at]

    if isinstance(exc, LongmemAPIError):

        def located(loc: list[Any]) -> Optional[str]:
            if loc[:2] != ["body", sequence] or len(loc) < 3 or type(loc[2]) is not int:
                return None
            return name(loc[2], ".".join(str(part) for part in loc[3:]))

        return with_locations(exc, located)
    found = re.match(rf"{sequence}\[(\d+)\](?:\.(\S+))?", str(exc))
    if not isinstance(exc, InvalidArgumentError) or found is None:
        return exc
    named = name(int(found.group(1)), found.group(2) or "")
    if named is None:
        return exc
    return InvalidArgumentError(named + str(exc)[found.end() :])


# -- bulk runs that may stop part-way ----------------------------------------------------
#
# add-many and import send their input in chunks, each under an idempotency key derived
# from one key per run. By default that key is derived from what the run would store, so
# the same command run again (after a failure, a Ctrl-C, a server restart) is answered
# from the server's record for every chunk it stored, and stores only the rest.


def _run_key(args: argparse.Namespace, command: str, content: Any) -> tuple[str, str]:
    """This run's idempotency key, and the advice on how to finish the run if it stops."""
    given = getattr(args, "idempotency_key", None)  # add-many takes one, import does not
    if given is not None:
        return given, (
            "run the same command again, with the same --idempotency-key, to finish: "
            "nothing is stored twice"
        )
    if args.allow_duplicates:
        key = f"{command}-{os.urandom(16).hex()}"
        if command == "import":
            return key, "running it again stores everything again (--allow-duplicates)"
        return key, (
            "to finish without storing anything twice, run it again with "
            f"--idempotency-key {key} instead of --allow-duplicates"
        )
    # ensure_ascii: a lone surrogate in the input hashes instead of failing to encode.
    digest = hashlib.sha256(json.dumps([command, content], sort_keys=True).encode("ascii"))
    return f"{command}-{digest.hexdigest()[:40]}", (
        "run the same command again to finish: the chunks already stored are not stored twice"
    )


def _unfinished(verb: str, done: int, in_doubt: int, where: list[str], advice: str) -> str:
    """What a bulk run that stopped part-way stored for certain, what may be, what to do;
    `where` names each input item (`_read_items`), so items are counted as the input's
    lines are."""
    text = f"{verb} {done} of {len(where)}"
    if in_doubt:
        first, last = where[done], where[done + in_doubt - 1]
        text += (
            f" for certain; the items from {first} to {last.rsplit(' ', 1)[-1]} were sent"
            " but not confirmed, and may be stored too"
        )
    return f"{text}; {advice}"


# -- commands with a handler of their own ----------------------------------------------


def _add_many(args: argparse.Namespace) -> int:
    items, where = _read_items(args.file)
    options = _given(args, "collection", "container_tag", "importance", "category")
    collection = args.collection or DEFAULT_COLLECTION
    key, advice = _run_key(args, "add-many", [collection, args.source, options, items])
    confirmed = 0

    def report(progress: BatchProgress) -> None:
        nonlocal confirmed
        confirmed = progress.created
        _progress(progress.created, len(items), "added")

    with _client(args) as mem:
        try:
            result = mem.add_many(
                items, source=args.source, idempotency_key=key, on_progress=report, **options
            )
        except InvalidArgumentError as exc:
            raise _renumbered(exc, "items", where) from None
        except LongmemError as exc:
            _progress_done()
            if exc.progress is None:
                raise
            done, in_doubt = exc.progress.created, exc.progress.in_doubt
            _fail(_unfinished("stored", done, in_doubt, where, advice))
            # The server names an item by its place in the failed chunk.
            raise _renumbered(exc, "memories", where, exc.progress.next_index) from None
        except KeyboardInterrupt:
            _progress_done()
            # Ctrl-C may have come while the next chunk was on its way: count it in doubt.
            in_doubt = min(BATCH_SIZE, len(items) - confirmed)
            _interrupted(_unfinished("stored", confirmed, in_doubt, where, advice))
            return 130
    _progress_done()
    if result.get("replayed"):
        sys.stderr.write(
            f"longmem: {result['replayed']} of them were already stored by an earlier run,"
            " and not stored again\n"
        )
    _emit(args, result)
    return 0


def _remember(args: argparse.Namespace) -> int:
    if (args.content is None) == (args.messages is None):
        raise InvalidArgumentError("remember takes the text or --messages FILE: give one")
    options = _given(args, "collection", "observed_at", "container_tag", "idempotency_key")
    sync = not args.background
    if args.messages is not None:
        messages = _read_json(args.messages)
        label = "stdin" if args.messages == "-" else args.messages
        where = _positions(label, len(messages)) if isinstance(messages, list) else []
        with _client(args) as mem:
            try:
                result = mem.remember(messages=messages, sync=sync, **options)
            except LongmemError as exc:
                raise _renumbered(exc, "messages", where) from None
    else:
        content = _text_argument(args.content)
        with _client(args) as mem:
            result = mem.remember(content, sync=sync, **options)
    if args.background:
        _emit(args, result)
    else:
        _emit_lines(args, result)
    return 0


def _context(args: argparse.Namespace) -> int:
    """The block as text, ready to paste into a prompt (a JSON string with --json)."""
    command: Command = args.command
    positional, keywords = _sdk_arguments(command, args)
    with _client(args) as mem:
        block = mem.context(*positional, **keywords)
    if _global(args, "json"):
        _emit(args, block)
    elif block:
        sys.stdout.write(block + "\n")
    elif _for_people(args):
        sys.stderr.write("nothing relevant is known\n")
    return 0


def _forget(args: argparse.Namespace) -> int:
    options = _given(args, "collection", "min_score", "limit", "container_tag")
    if not (args.yes or args.dry_run or sys.stdin.isatty()):
        # Nobody can be asked, and a script that meant it says so: delete nothing.
        _fail(
            "forget deletes memories and there is no terminal to confirm on: "
            "pass --yes to delete, or --dry-run to see what matches"
        )
        return 2
    with _client(args) as mem:
        if args.yes or args.dry_run:
            _show_forgotten(args, mem.forget(args.query, dry_run=bool(args.dry_run), **options))
            return 0
        preview = mem.forget(args.query, dry_run=True, **options)
        matches = preview["memories"]
        if not matches:
            sys.stderr.write("Nothing matches; nothing deleted.\n")
            return 0
        if not _confirm(matches):
            sys.stderr.write("Nothing deleted.\n")
            return 0
        # Exactly what was shown goes, even if something new matches by now.
        collection = args.collection or DEFAULT_COLLECTION
        deleted = []
        for memory in matches:
            try:
                mem.delete(memory["id"], collection=collection)
            except NotFoundError:
                continue  # gone already
            deleted.append(memory)
    result = {
        "deleted": len(deleted),
        "ids": [m["id"] for m in deleted],
        "dry_run": False,
        "memories": deleted,
    }
    _show_forgotten(args, result)
    return 0


def _show_forgotten(args: argparse.Namespace, result: dict[str, Any]) -> None:
    """forget's answer: on a terminal, the memories as a table (id, score, text) and a
    line saying what went; else JSON, as every command's."""
    if not _for_people(args):
        _emit(args, result)
        return
    memories = result.get("memories") or []
    if not memories:
        sys.stderr.write("Nothing matches; nothing deleted.\n")
        return
    _table(memories, ("id", "score", "text"))
    if result.get("dry_run"):
        sys.stderr.write(f"Would delete {_memories(len(memories))}; nothing deleted (dry run).\n")
    else:
        sys.stderr.write(f"Deleted {_memories(int(result.get('deleted') or 0))}.\n")


def _memories(count: int) -> str:
    return f"{count} memory" if count == 1 else f"{count} memories"


def _confirm(matches: list[dict[str, Any]]) -> bool:
    """Show the matches on the terminal and ask; only "y" or "yes" deletes."""
    lines = [f"{_memories(len(matches))} match:"]
    for memory in matches[:_PREVIEW_ROWS]:
        text = " ".join(str(memory["text"]).split())
        if len(text) > _PREVIEW_WIDTH:
            text = text[: _PREVIEW_WIDTH - 1] + "…"
        lines.append(f"  {memory['id']}  {text}")
    if len(matches) > _PREVIEW_ROWS:
        lines.append(f"  … and {len(matches) - _PREVIEW_ROWS} more (see --dry-run)")
    sys.stderr.write("\n".join(lines) + f"\nDelete {_memories(len(matches))}? [y/N] ")
    sys.stderr.flush()
    answer = sys.stdin.readline()
    return answer.strip().lower() in ("y", "yes")


def _export(args: argparse.Namespace) -> int:
    with _client(args) as mem:
        dump = mem.export_account()
    text = _dumps(dump, _global(args, "pretty")) + "\n"
    if args.output == "-":
        sys.stdout.write(text)
    else:
        try:
            with open(args.output, "w", encoding="utf-8") as out:
                out.write(text)
        except OSError as exc:
            raise InvalidArgumentError(f"cannot write {args.output}: {exc.strerror}") from None
    if sys.stderr.isatty():
        sys.stderr.write(f"exported {len(dump.get('memories') or [])} memories\n")
    return 0


def _import(args: argparse.Namespace) -> int:
    stream = _open_input(args.file)
    try:
        memories, collections, connections, where = _read_export(
            stream, "stdin" if args.file == "-" else args.file
        )
    finally:
        if stream is not sys.stdin:
            stream.close()
    # --into, else a --collection given: everything goes into it; else each memory's own.
    into = args.collection if args.into_collection is None else args.into_collection
    if into is not None:
        collections = None  # the export's collections would be recreated, empty
    key, advice = _run_key(args, "import", [into, collections, connections, memories])
    totals: dict[str, Any] = {"imported": 0, "skipped": 0, "collections": [], "connections": 0}
    start = 0
    with _client(args) as mem:
        try:
            for start in range(0, max(len(memories), 1), MAX_IMPORT_MEMORIES):
                try:
                    last = start + MAX_IMPORT_MEMORIES >= len(memories)
                    result = mem.import_memories(
                        memories[start : start + MAX_IMPORT_MEMORIES],
                        collections=collections if start == 0 else None,
                        # With the last memories: each connection's item map names
                        # memories that are then all in.
                        connections=connections if last else None,
                        into_collection=into,
                        idempotency_key=f"{key}-{start}",
                    )
                except LongmemError as exc:
                    raise _renumbered(exc, "memories", where, start) from None
                totals["imported"] += result.get("imported", 0)
                totals["skipped"] += result.get("skipped", 0)
                totals["connections"] += result.get("connections", 0)
                names = set(totals["collections"]) | set(result.get("collections") or [])
                totals["collections"] = sorted(names)
                done = min(start + MAX_IMPORT_MEMORIES, len(memories))
                _progress(done, len(memories), "imported")
        except (LongmemError, KeyboardInterrupt) as exc:
            _progress_done()
            interrupted = isinstance(exc, KeyboardInterrupt)
            sent = min(MAX_IMPORT_MEMORIES, len(memories) - start)
            in_doubt = sent if maybe_performed(exc) else 0
            if start or in_doubt:
                message = _unfinished("imported", start, in_doubt, where, advice)
                (_interrupted if interrupted else _fail)(message)
            if interrupted:
                return 130
            raise
    _progress_done()
    _emit(args, totals)
    return 0


def _demo(args: argparse.Namespace) -> int:
    from .demo import run

    return run()


# -- the table -------------------------------------------------------------------------

COMMANDS: tuple[Command, ...] = (
    # memories
    Command(
        "add",
        "add",
        "store one memory",
        'longmem add "Alex prefers dark mode" --collection notes --tag user-42',
        _pos("text", "the memory's text; - reads it from standard input", stdin=True),
        _collection(),
        _IMPORTANCE,
        _CATEGORY,
        _tag(),
        _json_opt("--metadata", "metadata", "metadata"),
        _SOURCE,
        _IDEMPOTENCY_KEY,
    ),
    Command(
        "add-many",
        "add_many",
        "store memories from JSON Lines (strings or objects)",
        "longmem add-many notes.jsonl --collection notes",
        Arg(
            ("file",),
            None,
            "JSON Lines file; - for standard input (default: -)",
            nargs="?",
            default="-",
        ),
        _collection(),
        _IMPORTANCE,
        _CATEGORY,
        _tag("the container tag of items that name none"),
        _SOURCE,
        _opt(
            "--idempotency-key",
            "idempotency_key",
            "the key each chunk's key derives from",
            "one derived from the collection, the options and the input, so the same"
            " command run again stores nothing twice",
            metavar="KEY",
            group="keys",
        ),
        _ALLOW_DUPLICATES,
        run=_add_many,
    ),
    Command(
        "list",
        "list_memories",
        "list memories, pinned first then newest",
        "longmem list --collection notes --limit 10",
        _collection(),
        _limit(DEFAULT_LIST_LIMIT),
        _opt("--offset", "offset", "memories to skip first, for paging", 0, type=int, metavar="N"),
        _opt(
            "--include-archived",
            "include_archived",
            "archived memories too",
            "no",
            action="store_true",
            default=None,
        ),
        _opt(
            "--include-superseded",
            "include_superseded",
            "also facts a newer one replaced",
            "no",
            action="store_true",
            default=None,
        ),
        _tag("only memories of this tag", "every tag"),
    ),
    Command(
        "get",
        "get",
        "show one memory",
        "longmem get mem_123 --collection notes",
        _MEMORY_ID,
        _collection(),
    ),
    Command(
        "update",
        "update",
        "change a memory's text, importance, category or metadata",
        'longmem update mem_123 --collection notes --text "Alex prefers light mode"',
        _MEMORY_ID,
        _collection(),
        _opt("--text", "text", "the new text; - reads it from standard input", stdin=True),
        _opt("--importance", "importance", "0 to 1", type=float),
        _opt("--category", "category", "the new category"),
        _json_opt("--metadata", "metadata", "the new metadata"),
    ),
    Command(
        "delete",
        "delete",
        "delete one memory",
        "longmem delete mem_123 --collection notes",
        _MEMORY_ID,
        _collection(),
        done="deleted",
    ),
    Command(
        "move",
        "move",
        "move a memory to another collection (created if needed)",
        "longmem move mem_123 --collection inbox --to archive-2026",
        _MEMORY_ID,
        _collection(),
        _opt(
            "--to", "to_collection", "the collection to move it to", required=True, metavar="NAME"
        ),
    ),
    Command(
        "pin",
        "pin",
        "pin a memory (listed first, never archived as stale)",
        "longmem pin mem_123 --collection notes",
        _MEMORY_ID,
        _collection(),
        _opt("--unpin", "pinned", "unpin it instead", action="store_const", const=False),
    ),
    Command(
        "archive",
        "archive",
        "archive a memory (hidden from search and lists)",
        "longmem archive mem_123 --collection notes",
        _MEMORY_ID,
        _collection(),
        _opt("--restore", "archived", "restore it instead", action="store_const", const=False),
    ),
    Command(
        "related",
        "related",
        "the memories nearest to one memory",
        "longmem related mem_123 --collection notes --limit 3",
        _MEMORY_ID,
        _collection(),
        _limit(DEFAULT_RELATED_LIMIT),
        _opt(
            "--min-score",
            "min_score",
            "similarity floor, 0 to 1",
            DEFAULT_RELATED_MIN_SCORE,
            type=float,
        ),
    ),
    # search and intelligent memory
    Command(
        "search",
        "search",
        "search memories, best first",
        'longmem search "dark mode" --collection notes --limit 3',
        _pos("query", "what to look for"),
        _collection("every collection", group="where"),
        _opt(
            "--all",
            None,
            "search every collection (what leaving out --collection does)",
            action="store_true",
            group="where",
        ),
        _limit(DEFAULT_SEARCH_LIMIT),
        _opt(
            "--min-score",
            "min_score",
            "vector-similarity floor, 0 to 1",
            DEFAULT_MIN_SCORE,
            type=float,
        ),
        _opt("--mode", "mode", "how to match", DEFAULT_SEARCH_MODE, choices=SEARCH_MODES),
        _opt("--category", "category", "only memories of this category", "any"),
        _tag("only memories with this container tag", "every tag"),
        _json_opt("--where", "metadata_filter", "only memories whose metadata has these values"),
        _opt(
            "--history",
            "include_history",
            "also superseded memories (and expired ones not yet swept), after the current ones",
            "no",
            action="store_true",
            default=None,
        ),
    ),
    Command(
        "context",
        "context",
        "what the memory knows that bears on a query, as a block for a prompt",
        'longmem context "plan dinner for my kid" --collection user-42 --max-tokens 300',
        _pos("query", "what the block should bear on"),
        _collection("every collection"),
        _tag("only memories with this container tag", "every tag"),
        _opt(
            "--max-tokens",
            "max_tokens",
            "the block's budget, counted as characters / 4",
            DEFAULT_CONTEXT_MAX_TOKENS,
            type=int,
            metavar="N",
        ),
        _opt("--format", "format", "the block's markup", "markdown", choices=("markdown", "xml")),
        _limit(DEFAULT_CONTEXT_LIMIT, "how many memories to consider"),
        _opt(
            "--min-score",
            "min_score",
            "vector-similarity floor, 0 to 1",
            DEFAULT_MIN_SCORE,
            type=float,
        ),
        _opt(
            "--no-profile",
            "include_profile",
            "leave the collection's profile out",
            action="store_const",
            const=False,
        ),
        run=_context,
    ),
    Command(
        "remember",
        "remember",
        "extract facts from text; newer facts supersede older",
        'longmem remember "I moved to Paris" --collection user-42',
        _pos("content", "the text; - reads it from standard input", stdin=True, nargs="?"),
        _opt(
            "--messages",
            "messages",
            "a conversation instead of the text: a JSON list of {role, content} messages"
            " (only the user's become facts); - reads it from standard input",
            metavar="FILE",
        ),
        _collection(),
        _opt(
            "--async",
            None,
            "return a job id at once (see: longmem jobs wait)",
            "wait for the facts",
            dest="background",
            action="store_true",
        ),
        _opt("--observed-at", "observed_at", "when it was said, ISO 8601", "now", metavar="TIME"),
        _tag("one user's facts: stored with this tag, superseding only its own"),
        _IDEMPOTENCY_KEY,
        run=_remember,
    ),
    Command(
        "jobs get",
        "get_job",
        "the state of a background remember job",
        "longmem jobs get job_123",
        _pos("job_id", "the job's id", metavar="JOB_ID"),
    ),
    Command(
        "jobs wait",
        "wait_for_job",
        "wait until a background remember job is done or failed",
        "longmem jobs wait job_123 --wait-timeout 120",
        _pos("job_id", "the job's id", metavar="JOB_ID"),
        _opt(
            "--wait-timeout",
            "timeout",
            "give up after this many seconds",
            f"{DEFAULT_JOB_TIMEOUT:g}",
            dest="wait_timeout",
            type=float,
            metavar="SECONDS",
        ),
        _opt(
            "--poll-interval",
            "poll_interval",
            "seconds between polls",
            f"{DEFAULT_JOB_POLL_INTERVAL:g}",
            type=float,
            metavar="SECONDS",
        ),
    ),
    Command(
        "forget",
        "forget",
        "delete the memories matching a query (destructive): shows what matches and asks"
        " first; without a terminal to ask on, needs --yes",
        'longmem forget "Project Icarus" --collection notes',
        _pos("query", "what to forget"),
        _collection(),
        _opt("--min-score", "min_score", "0 to 1", DEFAULT_FORGET_MIN_SCORE, type=float),
        _limit(DEFAULT_FORGET_LIMIT, "most to delete"),
        _tag("only memories of this tag", "every tag"),
        _opt(
            "--dry-run",
            "dry_run",
            "list what would go; delete nothing",
            "no",
            action="store_true",
            default=None,
        ),
        Arg(("-y", "--yes"), None, "delete without asking", action="store_true"),
        run=_forget,
    ),
    Command(
        "dedup",
        "dedup",
        "merge near-duplicate memories (a dry run unless --apply)",
        "longmem dedup --collection notes --threshold 0.9",
        _collection(),
        _opt(
            "--threshold",
            "threshold",
            "similarity that counts as a duplicate, 0 to 1",
            DEFAULT_DEDUP_THRESHOLD,
            type=float,
        ),
        _APPLY,
    ),
    Command(
        "contradictions",
        "contradictions",
        "pairs of current and superseded memories",
        "longmem contradictions --collection user-42",
        _collection(),
        _limit(DEFAULT_CONTRADICTIONS_LIMIT),
        _tag("one user's pairs", "every tag"),
        columns=("current.id", "current.text", "superseded.text"),
    ),
    Command(
        "archive-stale",
        "archive_stale",
        "archive unpinned memories not updated for N days (a dry run unless --apply)",
        "longmem archive-stale --collection notes --older-than-days 180",
        _collection(),
        _opt(
            "--older-than-days",
            "older_than_days",
            "untouched this long counts as stale",
            DEFAULT_STALE_DAYS,
            type=int,
            metavar="DAYS",
        ),
        _APPLY,
    ),
    Command(
        "health",
        "health",
        "the collection's hygiene snapshot",
        "longmem health --collection notes",
        _collection(),
        _opt(
            "--stale-days",
            "stale_days",
            "untouched this long counts as stale",
            DEFAULT_STALE_DAYS,
            type=int,
            metavar="DAYS",
        ),
    ),
    Command(
        "summary",
        "summary",
        "a briefing of the collection's most important memories",
        "longmem summary --collection notes --limit 20",
        _collection(),
        _limit(DEFAULT_SUMMARY_LIMIT, "memories to read"),
        _tag("one user's memories", "every tag"),
    ),
    Command(
        "profile",
        "profile",
        "a profile of the collection's subject",
        "longmem profile --collection user-42",
        _collection(default=DEFAULT_COLLECTION),
        _tag("one user's profile", "every tag"),
    ),
    # collections
    Command(
        "collections list",
        "collections",
        "list collections (also: longmem collections)",
        "longmem collections",
        columns=("name", "memory_count", "created_at", "description"),
    ),
    Command(
        "collections create",
        "create_collection",
        "create a collection",
        'longmem collections create notes --description "meeting notes"',
        _pos("name", "its name"),
        _opt("--description", "description", "what it holds", "none"),
        _json_opt("--metadata", "metadata", "metadata"),
    ),
    Command(
        "collections get",
        "get_collection",
        "show one collection",
        "longmem collections get notes",
        _pos("name", "its name"),
    ),
    Command(
        "collections update",
        "update_collection",
        "change a collection's description or metadata",
        'longmem collections update notes --description "team notes"',
        _pos("name", "its name"),
        _opt("--description", "description", "the new description"),
        _json_opt("--metadata", "metadata", "the new metadata"),
    ),
    Command(
        "collections delete",
        "delete_collection",
        "delete a collection and all its memories (destructive)",
        "longmem collections delete scratch",
        _pos("collection", "its name", metavar="name"),
        done="deleted",
    ),
    # connectors
    Command(
        "connections list",
        "list_connections",
        "list connections (also: longmem connections)",
        "longmem connections",
        columns=("id", "provider", "name", "collection", "status", "last_synced_at"),
    ),
    Command(
        "connections create",
        "create_connection",
        "create a managed connector",
        """longmem connections create directory --config '{"path": "notes"}'""",
        _pos("provider", "directory or rss"),
        _opt("--name", "name", "a name for people", "none"),
        _collection(),
        _tag("the container tag of what it syncs"),
        _json_opt("--config", "config", "the provider's settings"),
        _json_opt("--credentials", "credentials", "secrets, stored encrypted"),
        _IDEMPOTENCY_KEY,
    ),
    Command(
        "connections get",
        "get_connection",
        "show one connection",
        "longmem connections get conn_123",
        _CONNECTION_ID,
    ),
    Command(
        "connections sync",
        "sync_connection",
        "sync a connection now",
        "longmem connections sync conn_123",
        _CONNECTION_ID,
    ),
    Command(
        "connections runs",
        "connection_runs",
        "a connection's recent sync runs, newest first",
        "longmem connections runs conn_123 --limit 5",
        _CONNECTION_ID,
        _limit(DEFAULT_RUNS_LIMIT),
        columns=("id", "status", "synced_count", "created_at", "error"),
    ),
    Command(
        "connections delete",
        "delete_connection",
        "remove a connection (the memories it synced stay)",
        "longmem connections delete conn_123",
        _CONNECTION_ID,
        done="deleted",
    ),
    # service, admin and portability
    Command(
        "service-health",
        "service_health",
        "check that the service is up",
        "longmem service-health",
    ),
    Command(
        "admin connector-health",
        "connector_health",
        "admin: sync health per provider",
        "longmem admin connector-health --hours 6",
        _opt(
            "--hours", "hours", "the window to look at", DEFAULT_HEALTH_HOURS, type=int, metavar="N"
        ),
        columns=(),
    ),
    Command(
        "admin connector-status",
        "connector_status",
        "admin: connection counts by status",
        "longmem admin connector-status",
        columns=(),
    ),
    Command(
        "admin memory-health",
        "admin_memory_health",
        "admin: fleet-wide memory hygiene",
        "longmem admin memory-health",
    ),
    Command(
        "export",
        "export_account",
        "dump every collection and memory as JSON",
        "longmem export -o backup.json",
        Arg(
            ("-o", "--output"),
            None,
            "file to write; - for standard output (default: -)",
            default="-",
        ),
        run=_export,
    ),
    Command(
        "import",
        "import_memories",
        "re-ingest an export (or JSON Lines of memories)",
        "longmem import backup.json --into restored",
        Arg(
            ("file",),
            None,
            "export JSON or JSON Lines; - for standard input (default: -)",
            nargs="?",
            default="-",
        ),
        _opt(
            "--collection",
            None,
            "put everything in this collection",
            "each memory's own",
            dest="collection",
            metavar="NAME",
        ),
        _opt(
            "--into",
            "into_collection",
            "the same as --collection",
            dest="into_collection",
            metavar="NAME",
        ),
        _ALLOW_DUPLICATES,
        run=_import,
    ),
    Command(
        "demo",
        None,
        "an agent-memory session against a throw-away local server",
        "longmem demo",
        run=_demo,
    ),
)
# Public methods of Longmem with no command, and why (tests/cli/test_table.py checks).
NOT_COMMANDS = {"close": "closes the client's connections; a command's client closes itself"}
