"""The streamed JSON parse reads every document as ``json.loads`` does (the whole-body
parse), whatever the chunks it arrives in, fails where and as it fails, and a spooled
document gives back the same values and the same canonical form."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from typing import Any, Optional

import pytest

from longmem.server.idempotency import canonical
from longmem.server.jsonbody import (
    ARRAY,
    END,
    ITEMS,
    KEY,
    OBJECT,
    VALUE,
    JSONStream,
    MalformedJSON,
    Read,
    SpooledArray,
    SpooledObject,
    parse_json,
    spool,
)

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, example, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


def _reader(body: bytes, cuts: list[int]) -> Read:
    """Reads ``body`` in pieces of the sizes ``cuts`` cycles through (never more than
    asked), so characters and tokens are split at every place."""
    at = 0
    turn = 0

    def read(size: int) -> bytes:
        nonlocal at, turn
        piece = max(1, cuts[turn % len(cuts)]) if cuts else size
        turn += 1
        data = body[at : at + min(size, piece)]
        at += len(data)
        return data

    return read


def _rebuild(events: Iterator[Any]) -> Any:
    """The value the events describe, built as json.loads builds it."""
    stack: list[Any] = []
    keys: list[Optional[str]] = []
    done: list[Any] = []

    def put(value: Any) -> None:
        if not stack:
            done.append(value)
        elif isinstance(stack[-1], dict):
            stack[-1][keys[-1]] = value
        else:
            stack[-1].append(value)

    for event in events:
        if event.kind in (OBJECT, ARRAY):
            container: Any = {} if event.kind == OBJECT else []
            put(container)
            stack.append(container)
            keys.append(None)
        elif event.kind == KEY:
            keys[-1] = event.value
        elif event.kind == VALUE:
            put(event.value)
        elif event.kind == ITEMS:
            stack[-1].extend(event.value)
        else:
            assert event.kind == END
            stack.pop()
            keys.pop()
    assert not stack and len(done) == 1
    return done[0]


def _whole(body: bytes) -> tuple[str, Any]:
    try:
        return "ok", parse_json(body)
    except MalformedJSON as err:
        return "error", str(err)


def _streamed(body: bytes, cuts: list[int], chunk: int) -> tuple[str, Any]:
    try:
        return "ok", _rebuild(JSONStream(_reader(body, cuts), chunk=chunk).events())
    except MalformedJSON as err:
        return "error", str(err)


# Characters that matter to a parser: structure, quotes, escapes, and multi-byte UTF-8.
_TRICKY = st.text(alphabet='{}[]",:\\ \n\tab/é€😀\u2028', max_size=12)
_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20)
    | _TRICKY
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=6) | st.dictionaries(_TRICKY, inner, max_size=5),
    max_leaves=30,
)
_DOCUMENTS = (
    st.dictionaries(
        st.sampled_from(["memories", "collections", "connections", "into_collection", "x"])
        | _TRICKY,
        st.lists(_VALUES, max_size=8) | _VALUES,
        max_size=5,
    )
    | _VALUES
)


@st.composite
def _encoded(draw: Any) -> bytes:
    """A document as some client might write it: any spacing, escaped or not."""
    doc = draw(_DOCUMENTS)
    indent = draw(st.sampled_from([None, 0, 2, "\t"]))
    separators = draw(st.sampled_from([(",", ":"), (", ", ": "), (" ,\r\n", " :  ")]))
    text = json.dumps(doc, indent=indent, separators=separators, ensure_ascii=draw(st.booleans()))
    padding = draw(st.sampled_from(["", " ", "\n\t \r\n"]))
    return (padding + text + padding).encode("utf-8")


_CUTS = st.lists(st.integers(min_value=1, max_value=9), min_size=1, max_size=6)
_CHUNKS = st.sampled_from([1, 3, 16, 64, 1024 * 1024])


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=_encoded(), cuts=_CUTS, chunk=_CHUNKS)
@example(
    body=b'{"memories": [1, 2, [3, {"a": "]},["}], "x,y"], "k": 12345678901234567890}',
    cuts=[1],
    chunk=1,
)
@example(body='{"t": ["é€😀", "\\"}]"]}'.encode(), cuts=[1, 2], chunk=3)
@example(body=b"[1e5, -0.5e-3, 123456789012345678901234567890, 1.5]", cuts=[2], chunk=1)
def test_stream_reads_any_document_as_json_loads_does(
    body: bytes, cuts: list[int], chunk: int
) -> None:
    assert _streamed(body, cuts, chunk) == _whole(body)


@st.composite
def _broken(draw: Any) -> bytes:
    """A document with a few bytes deleted, repeated or replaced by structure."""
    body = bytearray(draw(_encoded()))
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        if not body:
            break
        at = draw(st.integers(min_value=0, max_value=len(body) - 1))
        how = draw(st.sampled_from(["delete", "insert", "replace"]))
        byte = draw(st.sampled_from(b'{}[]",:\\ -.e0tfnNI\xff\xc3\xe2'))
        if how == "delete":
            del body[at]
        elif how == "insert":
            body.insert(at, byte)
        else:
            body[at] = byte
    return bytes(body)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=_broken(), cuts=_CUTS, chunk=_CHUNKS)
def test_stream_fails_where_and_as_json_loads_does(
    body: bytes, cuts: list[int], chunk: int
) -> None:
    assert _streamed(body, cuts, chunk) == _whole(body)


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"   \n ",
        b'{"memories": [1, 2,]}',
        b'{"memories": [1, 2], }',
        b'{"a": 1 "b": 2}',
        b'{"a" 1}',
        b"[1 2]",
        b'{"a": [1]} x',
        b'\xef\xbb\xbf{"a": 1}',
        b'{"a": [NaN]}',
        b'{"a": [1, -Infinity]}',
        b'{"a": [1e999]}',
        b'{"a": [1, 2], "b": [1e400, 3]}',
        b'{"a": ["\\ud800"]}',
        b'{"\\udc00": 1}',
        b'{"a": ["\\\\ud800"]}',
        b'{"a": [tru]}',
        b'{"a": ["unterminated]}',
        b'{"a": [1, 2]\n,\n "b": [\n1,\n]\n}',
        b'{"a": [1, } \xff',  # the UTF-8 error later wins over the JSON error first
        b'{"a": ["\xe2\x82"]}',
        b'{"a": ["\xe2\x82',
        b'{"a": [' + b"[" * 5000 + b"]" * 5000 + b"]}",
        b'{"a": [' + b"9" * 5000 + b"]}",
    ],
)
@pytest.mark.parametrize("chunk", [1, 2, 5, 1024])
def test_stream_edge_cases_read_as_json_loads_does(body: bytes, chunk: int) -> None:
    for cuts in ([1], [2, 3], [7], [1024]):
        assert _streamed(body, cuts, chunk) == _whole(body)


def test_stream_error_names_line_column_and_character_across_reads() -> None:
    body = b'{\n  "memories": [\n    {"text": "a"},\n    {"text": "b",}\n  ]\n}'
    status, detail = _streamed(body, [3], 4)
    assert status == "error"
    assert detail == _whole(body)[1]
    assert "line 4 column" in detail


def test_stream_hands_out_a_large_array_in_batches_never_whole() -> None:
    items = [{"text": f"memory {i}", "metadata": {"n": [i, "],{"]}} for i in range(20_000)]
    body = json.dumps({"memories": items}).encode()
    batches = [
        len(e.value)
        for e in JSONStream(_reader(body, []), chunk=64 * 1024).events()
        if e.kind == ITEMS
    ]
    assert sum(batches) == 20_000
    # Each batch came from one window of about 64 KiB: many elements, never all of them.
    assert 1 < max(batches) < 2_000 and len(batches) < 1_000


def _spooled(body: bytes, cuts: list[int]) -> Any:
    doc = spool(_reader(body, cuts), with_canonical=True, chunk=5)
    try:
        length, parts = doc.canonical()
        form = b"".join(parts)
        assert len(form) == length
        return doc.value, form, _materialise(doc.value)
    finally:
        doc.close()


def _materialise(value: Any) -> Any:
    if isinstance(value, SpooledObject):
        return {key: _materialise(value[key]) for key in value}
    if isinstance(value, SpooledArray):
        elements = list(value)
        assert len(value) == len(elements)
        return elements
    return value


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=_encoded(), cuts=_CUTS)
@example(body=b'{"b": [1], "a": {"z": 1, "y": [2]}, "b": [3, 4], "c": 1e5}', cuts=[1])
def test_spooled_document_reads_back_the_values_and_canonical_form(
    body: bytes, cuts: list[int]
) -> None:
    parsed = parse_json(body)
    value, form, materialised = _spooled(body, cuts)
    assert form == canonical(parsed)
    assert materialised == parsed
    assert isinstance(value, SpooledObject) == isinstance(parsed, dict)
    assert isinstance(value, SpooledArray) == isinstance(parsed, list)


def test_spool_refuses_malformed_json_after_reading_the_rest() -> None:
    body = b'{"memories": [1, 2,, 3], "pad": "' + b"x" * 10_000 + b'"}'
    read = _reader(body, [100])
    with pytest.raises(MalformedJSON) as refused:
        spool(read, with_canonical=False)
    assert str(refused.value) == "Expecting value: line 1 column 20 (char 19)" == _whole(body)[1]
    assert read(1) == b""  # all of it was read, so the connection stays in step


def test_random_chunking_of_a_large_export_reads_back_exactly() -> None:
    rng = random.Random(7)
    export = {
        "tenant": {"id": "t", "name": "n"},
        "memories": [
            {"id": f"m{i}", "text": 'é€😀 {["]} ' * rng.randint(0, 40), "importance": i / 1e3}
            for i in range(3_000)
        ],
        "connections": [{"id": "c", "items": [{"key": str(i)} for i in range(2_000)]}],
    }
    body = json.dumps(export, indent=rng.choice([None, 2])).encode()
    cuts = [rng.randint(1, 70_000) for _ in range(50)]
    _, form, materialised = _spooled(body, cuts)
    assert materialised == export
    assert form == canonical(export)
