"""What the CLI reads: text arguments, JSON and JSON Lines files (or stdin), exports, and
where each item came from, so that an error about an item can name it.

Numbers in messages about input items are line numbers of the input, counted from 1 (as
editors and `tail -n +N` count); a JSON array's items are counted from 1 too.
"""

from __future__ import annotations

import codecs
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
    # Decoded from its bytes as every input is: sys.stdin's own decoding turns bytes
    # that are not text into lone surrogates (C locale, UTF-8 mode) instead of failing.
    text = _read_text("-")
    if text.endswith("\n"):
        text = text[:-2] if text.endswith("\r\n") else text[:-1]
    return text


def _stdin() -> TextIO:
    """Standard input; a usage error when there is none (the shell closed it: `<&-`)."""
    if sys.stdin is None:
        raise InvalidArgumentError("standard input is closed: there is nothing to read")
    return sys.stdin


def _read_text(name: str) -> str:
    """The whole text of a file, or of stdin for "-". A file is UTF-8 (as JSON is), a
    leading byte order mark dropped; stdin is in its own encoding. Bytes that are not
    text are a usage error that names the line they are on."""
    if name == "-":
        stdin = _stdin()
        binary = getattr(stdin, "buffer", None)
        if binary is None:  # a stream of text already (a test's StringIO)
            return stdin.read()
        encoding, label = stdin.encoding or "utf-8", "stdin"
        raw: bytes = binary.read()
    else:
        encoding, label = "utf-8", name
        try:
            with open(name, "rb") as stream:
                raw = stream.read()
        except OSError as exc:
            raise InvalidArgumentError(f"cannot read {name}: {exc.strerror}") from None
    try:
        codec = codecs.lookup(encoding).name
        text = raw.decode("utf-8-sig" if codec == "utf-8" else codec)
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise InvalidArgumentError(
            f"{label} line {line} is not {encoding} text: {_undecodable(exc)}"
        ) from None
    return text


def _undecodable(exc: UnicodeDecodeError) -> str:
    bad = exc.object[exc.start : exc.end]
    return f"{exc.reason} (byte {' '.join(f'0x{b:02x}' for b in bad[:4])})"


def _read_json(name: str) -> Any:
    """One JSON document from a file, or from stdin for ``-``."""
    text = _read_text(name)
    try:
        return json.loads(text)
    except ValueError as exc:
        where = "stdin" if name == "-" else name
        raise InvalidArgumentError(f"{where} is not JSON: {exc}") from None


def _json_lines(text: str, name: str) -> Iterator[tuple[str, Any]]:
    """Each value of JSON Lines text with where it is ("notes.jsonl line 3"). Lines end
    at "\n" only: a JSON string may hold U+2028 or U+0085 as they are, which
    str.splitlines() would take for line ends."""
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            yield f"{name} line {number}", json.loads(line)
        except ValueError as exc:
            raise InvalidArgumentError(f"{name} line {number} is not JSON: {exc}") from None


def _read_items(name: str) -> tuple[list[Any], list[str]]:
    """The values of a JSON Lines file (or stdin for "-") and where each one is."""
    found = list(_json_lines(_read_text(name), "stdin" if name == "-" else name))
    return [value for _, value in found], [where for where, _ in found]


def _read_export(
    name: str,
) -> tuple[list[Any], Optional[list[Any]], Optional[list[Any]], list[str]]:
    """An export object ({"memories", "collections", "connections"}) or JSON Lines of
    memories, from a file or stdin for "-": the memories, the collections, the
    connections, and where each memory is."""
    text = _read_text(name)
    name = "stdin" if name == "-" else name
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
    found = list(_json_lines(text, name))
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
