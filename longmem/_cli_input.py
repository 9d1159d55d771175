"""What the CLI reads: text arguments, JSON and JSON Lines files (or stdin), exports, and
where each item came from, so that an error about an item can name it.

Numbers in messages about input items are line numbers of the input, counted from 1 (as
editors and `tail -n +N` count); a JSON array's items are counted from 1 too.
"""

from __future__ import annotations

import json
import re
import sys

from ._typing import TYPE_CHECKING
from .errors import (
    InvalidArgumentError,
    LongmemAPIError,
    LongmemError,
    item_index,
    with_locations,
)

if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Any, Optional, TextIO


def _text_argument(value: str) -> str:
    """The value, or standard input for "-" without the one newline `echo` adds."""
    if value != "-":
        return value
    text = sys.stdin.read()
    if text.endswith("\n"):
        text = text[:-2] if text.endswith("\r\n") else text[:-1]
    return text


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
            index = item_index(loc, sequence)
            return None if index is None else name(index, ".".join(str(p) for p in loc[3:]))

        return with_locations(exc, located)
    found = re.match(rf"{sequence}\[(\d+)\](?:\.(\S+))?", str(exc))
    if not isinstance(exc, InvalidArgumentError) or found is None:
        return exc
    named = name(int(found.group(1)), found.group(2) or "")
    if named is None:
        return exc
    return InvalidArgumentError(named + str(exc)[found.end() :])


def _refused_items(
    exc: BaseException, sequence: str, where: list[str], offset: int = 0
) -> list[str]:
    """Where in the input each item is that a 422 about the request's list `sequence`
    names (as `_renumbered` counts them), each once, in the order named."""
    body = exc.body if isinstance(exc, LongmemAPIError) else None
    detail = body.get("detail") if isinstance(body, dict) else None
    named: list[str] = []
    for item in detail if isinstance(detail, list) else []:
        loc = item.get("loc") if isinstance(item, dict) else None
        index = item_index(loc, sequence) if isinstance(loc, list) else None
        at = -1 if index is None else offset + index
        if 0 <= at < len(where) and where[at] not in named:
            named.append(where[at])
    return named
