"""Request bodies as JSON: parsed whole (every route), or parsed as they arrive and
spooled to a temporary file (the import), so one large body costs a bounded amount of
memory instead of several times its size.

Both read JSON exactly as ``json.loads`` does, with the same refusals: NaN and Infinity,
floats out of range, undecodable UTF-8, and (after the parse) a ``\\u`` escape that is an
unpaired surrogate. An integer too long to convert reads as an infinity of its sign
(``MAX_JSON_INT_DIGITS``), which every range check then refuses. Errors name what was
wrong and where, in ``json.loads``'s words and positions.

The streamed parse (``JSONStream``) reads the body a chunk at a time into a sliding
window of text and hands out the top-level value's parts: an object's members one at a
time, and the elements of an array (the document's, or a member's) in batches, each
element decoded by ``json``'s own C scanner. Only one element, or one member that is not
an array, is ever held whole. ``spool`` writes each part to a temporary file as it
arrives, so a handler can read the arrays of the document again, one element at a time,
in whatever order it needs them (``SpooledObject``), and the document's canonical form
(keys sorted, the fingerprint of an Idempotency-Key) is assembled from a second spool.
"""

from __future__ import annotations

import codecs
import contextlib
import itertools
import json
import operator
import re
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sized
from dataclasses import dataclass
from typing import IO, Any, Callable, Optional

from .._protocol import MAX_JSON_DEPTH
from .idempotency import canonical
from .validation import bounded_int

Read = Callable[[int], bytes]  # up to n bytes of the body; b"" once it has all been read

# How much of the body is read at a time: the window of text holds about this much, and
# a batch of elements is decoded from at most this much.
CHUNK_BYTES = 1024 * 1024
# The most values (values_over's marks) one element or member that a streamed parse
# holds whole may have: parsing costs up to ~140 bytes a mark, so an element of 256 MiB
# of '{"a":1},…' would take 14 GB. The largest valid one, a connection's item map of
# 100,000 items, has 700,000.
MAX_ELEMENT_VALUES = 1_048_576
# A streamed parse scans at most this many characters without first counting the marks
# of the value it scans (a scan builds what it reads, even one the window cuts short).
_SCAN_SPAN = CHUNK_BYTES
# A scan that fails this close to the end of the window may have failed only because the
# rest has not arrived (``tru``, ``1e``, half a ``\\u`` escape): read more and try again.
_NEAR_END = 64
_WHITESPACE = re.compile(r"[ \t\n\r]*")
_SPACE = " \t\n\r"
# JSON may spell a lone UTF-16 surrogate as an escape; Python accepts it, but it can be
# neither stored nor sent back. Only text with such an escape pays for the full check.
_ESCAPED_SURROGATE = re.compile(r"\\u[dD][89a-fA-F]")
_ESCAPED_SURROGATE_BYTES = re.compile(rb"\\u[dD][89a-fA-F]")
_SURROGATE_DETAIL = "a \\u escape is an unpaired surrogate"
_DEPTH_DETAIL = f"nested too deeply (more than {MAX_JSON_DEPTH} levels of arrays and objects)"
_STRING_BYTES = re.compile(rb'"[^"]*"')  # once escaped quotes are gone (_outside_strings)
_VALUE_MARKS = b"[{,:"  # one before each value but the first of an array or document
_MARKS = _VALUE_MARKS.decode()
# What _outside_strings deletes: all but quotes and the marks looked for.
_NOT_BRACKETS = bytes(c for c in range(256) if c not in b'[]{}"')
_NOT_STRUCTURE = bytes(c for c in range(256) if c not in b'[]{},:"')
_NOT_VALUE_MARKS = bytes(c for c in range(256) if c not in _VALUE_MARKS + b'"')
_NESTING = [{ord("["): 1, ord("{"): 1, ord("]"): -1, ord("}"): -1}.get(c, 0) for c in range(256)]


class MalformedJSON(ValueError):
    """The body is not JSON; ``str()`` says why and where (answered 400)."""


class TooManyValues(ValueError):
    """An element of a streamed body has more than MAX_ELEMENT_VALUES values (answered
    413); raised before it is parsed, without reading the rest of the body."""


class _OutOfRange(ValueError):
    """A float too large for a float; ``text`` is the number as written."""

    def __init__(self, text: str) -> None:
        super().__init__(f"number {text} is out of range")
        self.text = text


def _reject_constant(name: str) -> Any:
    # NaN and Infinity are not JSON; accepting them would store what no client can read.
    raise ValueError(f"{name} is not valid JSON")


def _finite(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise _OutOfRange(text)
    return value


def _after_whitespace(text: str, pos: int) -> int:
    match = _WHITESPACE.match(text, pos)
    return match.end() if match else pos


def _decoder() -> json.JSONDecoder:
    return json.JSONDecoder(
        parse_constant=_reject_constant, parse_float=_finite, parse_int=bounded_int
    )


# One decoder for every whole body: json.loads with hooks would build a new one (and its
# scanner) per request. It keeps no state between calls, as json's own default does not.
_DECODER = _decoder()


def _too_deep(text: str, depth: int) -> bool:
    """Whether ``text`` (whole JSON values, already parsed), standing ``depth`` arrays and
    objects deep, nests deeper than MAX_JSON_DEPTH. Counted on the text, not the stack:
    the same answer on the first read and on every read again, however deep the caller."""
    room = MAX_JSON_DEPTH - depth
    if text.count("[") + text.count("{") <= room:
        return False  # the usual case: too few brackets to go that deep
    brackets = _outside_strings(text.encode("utf-8"), _NOT_BRACKETS)
    return max(itertools.accumulate(map(_NESTING.__getitem__, brackets)), default=0) > room


def _outside_strings(data: bytes, deleting: bytes) -> bytes:
    """The JSON text ``data`` without its strings and without the characters in
    ``deleting`` (which holds every character but a quote and those to keep). Text cut
    inside a string loses that string's start too."""
    if b"\\" in data:  # escaped backslashes, then escaped quotes, are in strings
        data = data.replace(b"\\\\", b"").replace(b'\\"', b"")
    if data.count(b'"') % 2:  # cut inside a string (a parser reads no further either)
        data = data[: data.rfind(b'"')]
    # Every other quote starts a string: what lies between two of them is dropped.
    return _STRING_BYTES.sub(b"", data.translate(None, deleting))


def _marks(data: bytes) -> int:
    return sum(map(data.count, _VALUE_MARKS))


def values_over(body: bytes, limit: int) -> bool:
    """Whether the JSON text ``body`` holds more than ``limit`` values, counted without
    parsing it as its ``[``, ``{``, ``,`` and ``:`` outside strings (about one a value).
    Parsing builds an object of 30-300 bytes for each value, whatever its text's size:
    this bounds what a body can cost before it is parsed. Strings are set aside only when
    the marks in the whole body, theirs included, are over the limit."""
    return _marks(body) > limit and _marks(_outside_strings(body, _NOT_VALUE_MARKS)) > limit


def _value_marks(text: str, pos: int, limit: int) -> int:
    """The marks (as values_over counts them) of the JSON value at ``text[pos]``, counted
    up to its end or the end of ``text`` (which may cut it, even in a string); past
    ``limit`` they may be counted no further."""
    if text[pos : pos + 1] not in ("[", "{"):
        return 0  # a string, a number or a literal
    # Read in spans that double, from 64 Ki characters: most values end in the first, and
    # counting costs about twice the value, however large the window after it.
    span = 64 * 1024
    while True:
        end = min(pos + span, len(text))
        span *= 2
        structure = _outside_strings(text[pos:end].encode("utf-8"), _NOT_STRUCTURE)
        # Where the depth first comes back to 0, the value ends.
        depths = itertools.accumulate(map(_NESTING.__getitem__, structure))
        with contextlib.suppress(ValueError):
            return _marks(structure[: operator.indexOf(depths, 0)])
        marks = _marks(structure)
        if end >= len(text) or marks > limit:
            return marks


def _encodable(value: Any) -> bool:
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def parse_json(body: bytes) -> Any:
    """The whole body as JSON; raises MalformedJSON."""
    try:
        text = body.decode("utf-8")
        if text.startswith("\ufeff"):  # json.loads refuses it before decoding; so do we
            raise json.JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", text, 0)
        parsed = _DECODER.decode(text)
    except (UnicodeDecodeError, ValueError) as err:
        raise MalformedJSON(str(err)) from None
    except RecursionError:  # the stack ran out first: too deep all the same
        raise MalformedJSON(_DEPTH_DETAIL) from None
    if _too_deep(text, 0):
        raise MalformedJSON(_DEPTH_DETAIL)
    if _ESCAPED_SURROGATE_BYTES.search(body) and not _encodable(parsed):
        raise MalformedJSON(_SURROGATE_DETAIL)
    return parsed


# -- the streamed parse ---------------------------------------------------------------------

# What JSONStream hands out, in document order. An object's members come as KEY, then
# VALUE or an array (ARRAY, ITEMS…, END); END also closes the object.
OBJECT, KEY, VALUE, ARRAY, ITEMS, END = "object", "key", "value", "array", "items", "end"


@dataclass
class Event:
    kind: str
    value: Any = None  # KEY: the key; VALUE: the value; ITEMS: a list of elements
    raw: str = ""  # KEY, VALUE, ITEMS: the text they were read from


class _Window:
    """The body's text seen through a window: read a chunk at a time, decoded as UTF-8
    (a character split across reads waits for its other bytes), and forgotten once read
    past. Positions outside are counted so errors say where in the whole body they are."""

    def __init__(self, read: Read, chunk: int) -> None:
        self._read = read
        self._chunk = chunk
        self.text = ""
        self.pos = 0  # the next character to read, in text
        self.eof = False
        self._pending = b""  # the start of a character whose other bytes are still to come
        self._offset = 0  # bytes of the body before _pending
        self._base = 0  # characters of the body before text
        self._lines = 0  # newlines before text
        self._line_start = 0  # where the line holding text[0] starts, in the body

    def more(self) -> bool:
        """Forget what is before ``pos`` and read at least one more chunk (more when what
        is after ``pos`` is already larger, so a large element is read in O(its size));
        False when the body has all been read."""
        if self.eof:
            return False
        gone = self.text[: self.pos]
        newlines = gone.count("\n")
        if newlines:
            self._lines += newlines
            self._line_start = self._base + gone.rfind("\n") + 1
        self._base += self.pos
        self.text, self.pos = self.text[self.pos :], 0
        want = max(self._chunk, len(self.text))
        while want > 0:
            raw = self._read(want)
            self.text += self._decode(raw)
            if not raw:
                self.eof = True
                break
            want -= len(raw)
        return True

    def _decode(self, raw: bytes) -> str:
        data = self._pending + raw
        try:
            text, used = codecs.utf_8_decode(data, "strict", not raw)
        except UnicodeDecodeError as err:
            self._drop_rest()
            # As bytes.decode() of the whole body words it, at the byte's place in the body.
            start, end = self._offset + err.start, self._offset + err.end
            where = (
                f"byte 0x{data[err.start]:02x} in position {start}"
                if end == start + 1
                else f"bytes in position {start}-{end - 1}"
            )
            raise MalformedJSON(f"'utf-8' codec can't decode {where}: {err.reason}") from None
        self._offset += used
        self._pending = data[used:]
        return text

    def _drop_rest(self) -> None:
        while self._read(self._chunk):
            pass
        self.eof = True

    def finish(self) -> None:
        """Read the rest of the body, only to decode it: an error in its UTF-8 is the one
        to report (``json.loads`` decodes the whole body before parsing any of it)."""
        while self.more():
            self.text, self.pos = "", 0

    def where(self, pos: int) -> str:
        """Where ``text[pos]`` is in the body, as ``json.JSONDecodeError`` says it."""
        char = self._base + pos
        before = self.text[:pos]
        lineno = self._lines + before.count("\n") + 1
        newline = before.rfind("\n")
        line_start = self._base + newline + 1 if newline >= 0 else self._line_start
        return f"line {lineno} column {char - line_start + 1} (char {char})"


class JSONStream:
    """One JSON document, read with ``read`` and handed out in parts (``events``)."""

    def __init__(self, read: Read, *, chunk: Optional[int] = None) -> None:
        self._w = _Window(read, chunk or CHUNK_BYTES)
        decoder = _decoder()
        self._scan = decoder.raw_decode
        # The C scanner itself (raw_decode without its wrapper), for the elements of a
        # batch: StopIteration where no value starts. Typeshed does not declare it.
        scan: Callable[[str, int], tuple[Any, int]] = decoder.scan_once  # type: ignore[attr-defined]
        self._scan_once = scan
        # An escaped unpaired surrogate, or nesting too deep, was read: a 400 once the
        # document has been read (json.loads would have parsed it all, then refused it).
        self.surrogates = False
        self.too_deep = False
        self._depth = 0  # the arrays and objects open around pos
        # The comma last stepped past, and where it is in the body once the window has
        # moved past it (only whitespace can lie between it and the window).
        self._comma_at = 0
        self._comma_where: Optional[str] = None
        # _rough_marks's count: of which window, from where
        self._rough_text = ""
        self._rough_pos = 0
        self._rough_count = 0

    def events(self) -> Iterator[Event]:
        """The document's parts; raises MalformedJSON where ``json.loads`` would fail."""
        w = self._w
        while not w.text and w.more():
            pass  # the first character may take more than one read
        if w.text.startswith("\ufeff"):
            self._fail("Unexpected UTF-8 BOM (decode using utf-8-sig)", 0)
        first = self._next()
        if first == "{":
            yield from self._object()
        elif first == "[":
            yield from self._array()
        else:
            value, raw = self._value()
            yield Event(VALUE, value, raw)
        if self._next() is not None:
            self._fail("Extra data", w.pos)
        if self.too_deep:
            raise MalformedJSON(_DEPTH_DETAIL)
        if self.surrogates:
            raise MalformedJSON(_SURROGATE_DETAIL)

    def _object(self) -> Iterator[Event]:
        w = self._w
        yield self._open(OBJECT)
        if self._next() == "}":
            yield self._close()
            return
        context = "{"
        while True:
            if self._next() != '"':
                self._misplaced(context)
            key, raw = self._value()
            yield Event(KEY, key, raw)
            if self._next() != ":":
                self._misplaced('{""')
            w.pos += 1
            if self._next() == "[":
                yield from self._array()
            else:
                value, raw = self._value()
                yield Event(VALUE, value, raw)
            found = self._next()
            if found == "}":
                yield self._close()
                return
            if found != ",":
                self._misplaced('{"":{}')
            context = '{"":{}' + self._comma()

    def _array(self) -> Iterator[Event]:
        yield self._open(ARRAY)
        if self._next() == "]":
            yield self._close()
            return
        while True:
            values, raw = self._elements()
            yield Event(ITEMS, values, raw)
            found = self._next()
            if found == "]":
                yield self._close()
                return
            if found != ",":
                self._misplaced("[{}")
            context = "[{}" + self._comma()
            if self._next() == "]":
                self._misplaced(context)  # a trailing comma, in the words of this Python

    def _open(self, kind: str) -> Event:
        """Step past an opening bracket: the start of the object or array it opens."""
        self._w.pos += 1
        self._depth += 1
        return Event(kind)

    def _close(self) -> Event:
        """Step past a closing bracket: the end of the object or array it closes."""
        self._w.pos += 1
        self._depth -= 1
        return Event(END)

    def _comma(self) -> str:
        """Step past a comma; the text that stands for it in a ``_misplaced`` context."""
        self._comma_at, self._comma_where = self._w.pos, None
        self._w.pos += 1
        return ", "

    def _next(self) -> Optional[str]:
        """Skip whitespace; the next character (not consumed), None at the end."""
        w = self._w
        while True:
            w.pos = _after_whitespace(w.text, w.pos)
            if w.pos < len(w.text):
                return w.text[w.pos]
            if self._comma_where is None:
                self._comma_where = w.where(self._comma_at)
            if not w.more():
                return None

    def _misplaced(self, context: str) -> None:
        """Fail on the character at ``pos``, which cannot stand where it is: ``json``
        itself says how, parsing ``context`` (text that puts its parser where ours is,
        an empty object standing for the value before, which nothing can extend)
        followed by that character, so the words are those of this Python's json."""
        w = self._w
        probe = context + w.text[w.pos : w.pos + 16]
        try:
            self._scan(probe, 0)
        except json.JSONDecodeError as err:
            if context.endswith(", ") and err.pos == len(context) - 2:
                # e.g. "Illegal trailing comma before end of array" (Python 3.13)
                self._fail(err.msg, self._comma_at, self._comma_where)
            self._fail(err.msg, w.pos + max(0, err.pos - len(context)))
        self._fail("Expecting value", w.pos)  # pragma: no cover - the probe always fails

    def _elements(self) -> tuple[list[Any], str]:
        """One or more array elements from ``pos`` (on an element), up to before the next
        comma or the end of the array: the first read on until it is whole (``_value``),
        then each next one decoded in place while it ends well inside the window. One
        that does not (cut off by the window, or wrong) is left for the next call, which
        reads more or fails on it, so every character is scanned about once."""
        w = self._w
        first, raw = self._value()  # may move the window: positions are taken after it
        values = [first]
        append = values.append
        start = w.pos - len(raw)
        # Scanned in place, elements end within _SCAN_SPAN of the first: one cut short
        # (which may be as large as the body) is left to _value, which counts it first.
        # A window longer than that is read through a slice from the first element, and
        # positions in ``text`` are ``base`` characters into the window.
        base, text = 0, w.text
        if len(text) > w.pos + _SCAN_SPAN:
            base, text = start, text[start : w.pos + _SCAN_SPAN]
        scan = self._scan_once
        limit = len(text) - _NEAR_END
        room = MAX_JSON_DEPTH - self._depth
        end = w.pos - base
        if not isinstance(first, (dict, list)):
            # Small scalars decode faster as one array than one by one. Tried once, up to
            # the window's last comma: one that ends no element (inside a string) costs
            # one more scan of the window, then the elements are decoded one at a time.
            last = text.rfind(",", end, limit)
            if last > end:
                # Spaced: a "0" written against the text would join a ".5" left there
                # by a number the window cut ("3.0" of "3.0.5") into one that parses.
                probe = "[0 " + text[end:last] + "]"
                try:
                    batch, after = self._scan(probe, 0)
                except (ValueError, RecursionError):
                    after = 0
                if after == len(probe):
                    self._check_depth(text[end:last])
                    batch[0] = first
                    values, append, end = batch, batch.append, last
        while end < limit:
            comma = end
            if text[comma] in _SPACE:
                comma = _after_whitespace(text, comma)
                if comma >= limit:
                    break
            if text[comma] != ",":
                break
            at = comma + 1
            if text[at] in _SPACE:
                at = _after_whitespace(text, at)
            try:
                value, after = scan(text, at)
            except (StopIteration, ValueError, RecursionError):
                break  # decoded again by _value, which says what is wrong
            if after >= limit:
                break
            if text.count("[", at, after) + text.count("{", at, after) > room:
                self._check_depth(text[at:after])  # only an element with many brackets
            append(value)
            end = after
        if base + end > w.pos:
            raw = text[start - base : end]
            w.pos = base + end
            self._check_surrogates(raw, values)
        return values, raw

    def _value(self) -> tuple[Any, str]:
        """The whole value at ``pos``, read on until it is complete."""
        w = self._w
        while True:
            if len(w.text) - w.pos > _SCAN_SPAN:
                # A long window: the value is scanned whole only once it is known to be
                # within the bound (a scan builds what it reads, even of a value cut short).
                found = self._within_span()
                if found is not None:
                    return found
                self._check_values()
            try:
                value, end = self._scan(w.text, w.pos)
            except json.JSONDecodeError as err:
                if not self._need_more(err) or not w.more():
                    self._fail(err.msg, err.pos)
                continue
            except _OutOfRange as err:
                # Only a number cut short by the end of the window could read otherwise.
                if w.eof or not w.text.endswith(err.text) or not w.more():
                    self._fail(str(err))
                continue
            except ValueError as err:  # NaN or Infinity
                self._fail(str(err))
            except RecursionError:  # the stack ran out first: too deep all the same
                self._fail(_DEPTH_DETAIL)
            # A number near the end of the window may go on in the next read ("1" of "1e5").
            if end < len(w.text) - _NEAR_END or not w.more():
                raw = w.text[w.pos : end]
                w.pos = end
                return self._whole(value, raw)

    def _whole(self, value: Any, raw: str) -> tuple[Any, str]:
        """A value read whole, and its text, once checked for what json.loads refuses
        only at the end."""
        self._check_surrogates(raw, value)
        self._check_depth(raw)
        return value, raw

    def _within_span(self) -> Optional[tuple[Any, str]]:
        """The value at ``pos`` when it ends well within _SCAN_SPAN characters, as most
        do, scanned from a slice that long; None when it does not (or is wrong: the
        whole scan says how)."""
        w = self._w
        piece = w.text[w.pos : w.pos + _SCAN_SPAN]
        try:
            value, end = self._scan(piece, 0)
        except (ValueError, RecursionError):
            return None
        if end >= len(piece) - _NEAR_END:
            return None  # it may go on past the slice ("1" of "1e5")
        w.pos += end
        return self._whole(value, piece[:end])

    def _check_values(self) -> None:
        """Refuse the value at ``pos`` before it is scanned if it has more than
        MAX_ELEMENT_VALUES marks: counted exactly (its own, to its end) only when those of
        the rest of the window, counted roughly (strings' included), could be that many."""
        w = self._w
        if self._rough_marks() <= MAX_ELEMENT_VALUES:
            return
        if _value_marks(w.text, w.pos, MAX_ELEMENT_VALUES) > MAX_ELEMENT_VALUES:
            raise TooManyValues(
                f"A part of the request body holds more than {MAX_ELEMENT_VALUES}"
                f" JSON values (at {w.where(w.pos)})"
            )

    def _rough_marks(self) -> int:
        """The marks in the window from ``pos`` on, strings' included: counted whole once
        a window, then less what ``pos`` has passed since (each character about once)."""
        w = self._w
        text, pos = w.text, w.pos
        if text is not self._rough_text or pos < self._rough_pos:
            self._rough_text, self._rough_pos = text, pos
            self._rough_count = sum(text.count(mark, pos) for mark in _MARKS)
        elif pos > self._rough_pos:
            self._rough_count -= sum(text.count(mark, self._rough_pos, pos) for mark in _MARKS)
            self._rough_pos = pos
        return self._rough_count

    def _need_more(self, err: json.JSONDecodeError) -> bool:
        w = self._w
        if w.eof:
            return False
        return err.msg.startswith("Unterminated string") or err.pos >= len(w.text) - _NEAR_END

    # What json.loads refuses only once it has parsed the whole document: noted, and
    # refused at the end.

    def _check_surrogates(self, raw: str, value: Any) -> None:
        if not self.surrogates and _ESCAPED_SURROGATE.search(raw) and not _encodable(value):
            self.surrogates = True

    def _check_depth(self, raw: str) -> None:
        if not self.too_deep and _too_deep(raw, self._depth):
            self.too_deep = True

    def _fail(self, msg: str, pos: Optional[int] = None, where: Optional[str] = None) -> Any:
        if pos is not None:
            msg = f"{msg}: {where or self._w.where(pos)}"
        self._w.finish()
        raise MalformedJSON(msg) from None


# -- the spooled document -------------------------------------------------------------------


@dataclass(frozen=True)
class _Part:
    """Where one top-level value lies in the spools: its text, its canonical form."""

    start: int
    end: int
    canonical_start: int
    canonical_end: int
    count: Optional[int]  # an array's number of elements; None: not an array


class _Spool:
    """A temporary file written once, then read back by ranges."""

    def __init__(self) -> None:
        # Closed by SpooledDocument.close(), after the handler has read it.
        self.file: IO[bytes] = tempfile.TemporaryFile(prefix="longmem-body-")  # noqa: SIM115
        self.size = 0

    def write(self, data: bytes) -> None:
        self.file.write(data)
        self.size += len(data)

    def reader(self, start: int, end: int) -> Read:
        at = start

        def read(size: int) -> bytes:
            nonlocal at
            self.file.seek(at)
            data = self.file.read(min(size, end - at))
            at += len(data)
            return data

        return read

    def chunks(self, start: int, end: int) -> Iterator[bytes]:
        read = self.reader(start, end)
        while True:
            data = read(CHUNK_BYTES)
            if not data:
                return
            yield data


class SpooledArray(Sized, Iterable[Any]):
    """An array of a spooled document: its length, and its elements read back one at a
    time (each iteration reads the spool again)."""

    def __init__(self, spool: _Spool, part: _Part) -> None:
        self._spool = spool
        self._part = part

    def __len__(self) -> int:
        return self._part.count or 0

    def __iter__(self) -> Iterator[Any]:
        stream = JSONStream(self._spool.reader(self._part.start, self._part.end))
        for event in stream.events():
            if event.kind == ITEMS:
                yield from event.value


class SpooledObject(Mapping[str, Any]):
    """The members of a spooled document's top-level object: an array as a SpooledArray,
    any other value parsed again from the spool when it is looked up."""

    def __init__(self, spool: _Spool, parts: dict[str, _Part]) -> None:
        self._spool = spool
        self._parts = parts

    def __getitem__(self, key: str) -> Any:
        part = self._parts[key]
        if part.count is not None:
            return SpooledArray(self._spool, part)
        return parse_json(b"".join(self._spool.chunks(part.start, part.end)))

    def __iter__(self) -> Iterator[str]:
        return iter(self._parts)

    def __len__(self) -> int:
        return len(self._parts)


class SpooledDocument:
    """A body read with ``spool``: ``value`` is what a handler reads (a SpooledObject, a
    SpooledArray, or the value itself when it is neither), ``canonical()`` its canonical
    form in parts. ``close()`` deletes the spools."""

    def __init__(self, with_canonical: bool) -> None:
        self.text = _Spool()
        try:
            self.canonical_text = _Spool() if with_canonical else None
        except BaseException:
            self.text.file.close()
            raise
        self.value: Any = None
        self._parts: dict[Optional[str], _Part] = {}
        self._whole: Optional[bytes] = None  # the canonical form of a top-level scalar

    def canonical(self) -> tuple[int, Iterable[bytes]]:
        """The length of the document's canonical form (``canonical()`` of it parsed
        whole), and that form in parts: an object's members in key order."""
        if self._whole is not None:
            return len(self._whole), iter([self._whole])
        spool = self.canonical_text
        assert spool is not None, "spooled without its canonical form"
        if None in self._parts:
            part = self._parts[None]
            length = part.canonical_end - part.canonical_start
            return length, spool.chunks(part.canonical_start, part.canonical_end)
        keys = sorted(k for k in self._parts if k is not None)
        names = [json.dumps(key).encode("ascii") + b":" for key in keys]
        length = 2 + max(0, len(keys) - 1) + sum(len(name) for name in names)
        length += sum(self._parts[k].canonical_end - self._parts[k].canonical_start for k in keys)

        def parts() -> Iterator[bytes]:
            yield b"{"
            for i, (key, name) in enumerate(zip(keys, names)):
                part = self._parts[key]
                yield (b"," if i else b"") + name
                yield from spool.chunks(part.canonical_start, part.canonical_end)
            yield b"}"

        return length, parts()

    def close(self) -> None:
        try:
            self.text.file.close()
        finally:
            if self.canonical_text is not None:
                self.canonical_text.file.close()

    def read(self, stream: JSONStream) -> None:
        """Spool the document ``stream`` reads."""
        text, forms = self.text, self.canonical_text
        key: Optional[str] = None
        is_object = False
        start = canonical_start = 0
        count: Optional[int] = None  # elements so far, inside an array

        def begin(part_count: Optional[int]) -> None:
            nonlocal start, canonical_start, count
            start, canonical_start, count = text.size, forms.size if forms else 0, part_count

        def end() -> None:
            self._parts[key] = _Part(
                start, text.size, canonical_start, forms.size if forms else 0, count
            )

        for event in stream.events():
            if event.kind == OBJECT:
                is_object = True
            elif event.kind == KEY:
                key = event.value
            elif event.kind == VALUE and not is_object:  # the document is this one value
                self.value = event.value
                self._whole = canonical(event.value) if forms else None
            elif event.kind == VALUE:
                begin(None)
                text.write(event.raw.encode("utf-8"))
                if forms:
                    forms.write(canonical(event.value))
                end()
            elif event.kind == ARRAY:
                begin(0)
                text.write(b"[")
                if forms:
                    forms.write(b"[")
            elif event.kind == ITEMS:
                assert count is not None
                comma = b"," if count else b""
                text.write(comma + event.raw.encode("utf-8"))
                if forms:
                    forms.write(comma + canonical(event.value)[1:-1])
                count += len(event.value)
            elif count is not None:  # END of an array
                text.write(b"]")
                if forms:
                    forms.write(b"]")
                end()
                count = None
        if is_object:
            members = {k: part for k, part in self._parts.items() if k is not None}
            self.value = SpooledObject(text, members)
        elif None in self._parts:
            self.value = SpooledArray(text, self._parts[None])


def spool(read: Read, *, with_canonical: bool, chunk: Optional[int] = None) -> SpooledDocument:
    """Parse the body as it is read, writing each top-level value (an array element by
    element) to a temporary file, and with ``with_canonical`` its canonical form to
    another; raises MalformedJSON (once the rest of the body is read), or OSError when
    the temporary files cannot be made or written (TMPDIR missing or full), having
    closed (deleted) whatever it made."""
    doc = SpooledDocument(with_canonical)
    try:
        doc.read(JSONStream(read, chunk=chunk))
    except BaseException:
        doc.close()
        raise
    return doc
