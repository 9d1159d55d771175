"""What the CLI writes: results on stdout (for a person at a terminal a table or indented
JSON, else JSON, one line per item of a list); errors and progress on stderr.
"""

from __future__ import annotations

import http.client
import json
import shutil
import socket
import sys

from ._cli_args import _global
from ._typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable, Iterable
    from typing import Any, Optional


def _fail(message: str) -> None:
    sys.stderr.write(f"longmem: error: {message}\n")


def _interrupted(message: str) -> None:
    sys.stderr.write(f"longmem: interrupted: {message}\n")
    _quiet_half_built()


def _quiet_half_built() -> None:
    """After a Ctrl-C, keep quiet about what it left half-built.

    The interrupt can land inside the standard library while it builds a socket file or
    an HTTP response. When the half-built object is collected, Python 3.13 reports its
    failed ``close()`` as "Exception ignored in …" with a traceback, under the message
    that already said what happened. Only those reports are dropped; any other still
    goes to the hook that was there before."""
    if not isinstance(sys.unraisablehook, _QuietHalfBuilt):
        sys.unraisablehook = _QuietHalfBuilt(sys.unraisablehook)


class _QuietHalfBuilt:
    def __init__(self, previous: Callable[[sys.UnraisableHookArgs], Any]) -> None:
        self.previous = previous

    def __call__(self, unraisable: sys.UnraisableHookArgs) -> None:
        half_built = isinstance(unraisable.exc_value, AttributeError) and isinstance(
            unraisable.object, (socket.SocketIO, http.client.HTTPResponse)
        )
        if not half_built:
            self.previous(unraisable)


_MEMORY_COLUMNS = ("id", "date", "score", "text")


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
    # A column inside an object is headed by its path, as --json names it: the texts of
    # contradictions' pairs are CURRENT.TEXT and SUPERSEDED.TEXT, not TEXT twice.
    headers = [column.upper() for column in columns]
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
