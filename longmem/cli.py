"""`longmem` / `python -m longmem`: the local server, the demo, and the SDK from a shell.

Every public `Longmem` method is a command, declared once in `COMMANDS` (its name, the
method, its arguments with their help and defaults, an example); the parser and the
generic runner are built from that table. A few commands that do more than one call
(add-many, import, export, forget, remember, context, demo) have their own runner.

Output: on a terminal, lists are a short table and objects indented JSON; when stdout is
not a terminal (or with `--json`), JSON, one object per line for lists (easy to pipe
into `jq` or a loop). Exit status: 0 success, 1 an API or network error (one line on
stderr), 2 a usage error. The local server is imported only by `serve`, `demo` and
`mcp --local`.

This module is the entry point: `main()` and the parser. The rest of the CLI is in
modules that each import only those after them: `_cli_commands` (the table),
`_cli_runners` (what the commands do), `_cli_input` (files and stdin), `_cli_output`
(tables, JSON, messages, progress) and `_cli_args` (how a command and its arguments are
declared; the global options).
"""

from __future__ import annotations

import argparse
import sys

from . import __version__
from ._cli_args import Arg as Arg
from ._cli_args import Command as Command
from ._cli_args import _global_options
from ._cli_commands import COMMANDS as COMMANDS
from ._cli_commands import NOT_COMMANDS as NOT_COMMANDS
from ._cli_output import _fail, _quiet_half_built
from ._cli_runners import _call, command_flags, in_flags
from ._constants import API_KEY_ENV, BASE_URL_ENV
from ._typing import TYPE_CHECKING
from .errors import InvalidArgumentError, LongmemError

if TYPE_CHECKING:
    from typing import Any, Optional


def main(argv: Optional[list[str]] = None) -> int:
    """Run one command; returns the exit status."""
    args_in = list(sys.argv[1:] if argv is None else argv)
    parser = _parser()
    try:
        # Known args only: serve and mcp have parsers of their own, handed what is left.
        args, rest = parser.parse_known_args(args_in)
        handover: Optional[str] = getattr(args, "handover", None)
        if handover is None and rest:
            parser.error(f"unrecognized arguments: {' '.join(rest)}")
    except SystemExit as exit_:  # argparse exits 2 on a usage error, 0 on --help
        return int(exit_.code or 0)
    if handover is not None:
        return _hand_over(handover, args, rest)
    command: Optional[Command] = getattr(args, "command", None)
    if command is None:  # no command, or a group's (`longmem jobs`) without its own
        getattr(args, "group", parser).print_help(sys.stderr)
        return 2
    try:
        return int((command.run or _call)(args))
    except InvalidArgumentError as exc:
        _fail(str(in_flags(exc, command_flags(command), command)))
        return 2
    except LongmemError as exc:
        _fail(str(exc))
        return 1
    except BrokenPipeError:
        # `longmem list | head` closed our stdout: not an error worth a traceback.
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        _quiet_half_built()
        return 130


# The global flags that mean the same to serve and mcp as to the other commands, handed
# over when given before either word: serve's --api-key is the key it accepts.
_HANDED_OVER = {"serve": ("api_key",), "mcp": ("api_key", "base_url")}
_GLOBAL_FLAGS = ("api_key", "base_url", "json", "pretty", "timeout", "total_timeout")


def _hand_over(name: str, args: argparse.Namespace, rest: list[str]) -> int:
    """Run serve or mcp with its arguments and the global flags given before its name."""
    flags: list[str] = []
    for dest in _GLOBAL_FLAGS:
        if not hasattr(args, dest):  # not given: the global options default to SUPPRESS
            continue
        flag = "--" + dest.replace("_", "-")
        if dest not in _HANDED_OVER[name]:
            _fail(f"{flag} does not apply to {name} (see: longmem {name} --help)")
            return 2
        flags += [flag, getattr(args, dest)]
    if name == "serve":
        from .server.cli import main as serve

        return serve([*flags, *rest])
    from .mcp import main as mcp

    return mcp([*flags, *rest])


# -- the parser ------------------------------------------------------------------------


_GROUPS = {
    "collections": "list, create, show, update or delete collections",
    "connections": "list, create, show, sync or delete managed connectors",
    "jobs": "background remember jobs",
    "admin": "tenant-wide views (admin key)",
}


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
    serve = top.add_parser(
        "serve", help="run the local server (see: longmem serve --help)", add_help=False
    )
    serve.set_defaults(handover="serve")
    mcp = top.add_parser(
        "mcp", help="serve the memory tools over stdio (see: longmem mcp --help)", add_help=False
    )
    mcp.set_defaults(handover="mcp")
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
