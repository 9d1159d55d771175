"""The streamed JSON parse reads every document as ``json.loads`` does (the whole-body
parse), whatever the chunks it arrives in, fails where and as it fails, and a spooled
document gives back the same values and the same canonical form."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from typing import Any, Optional

import pytest

from longmem._protocol import MAX_JSON_DEPTH
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


def _scanning(stream: JSONStream) -> dict[str, int]:
    """Counts the stream's calls of json's scanner and the characters they may scan: to
    its end for one that succeeds, to the end of the text for one that fails."""
    seen = {"calls": 0, "chars": 0}

    def counted(scan: Any) -> Any:
        def call(text: str, at: int) -> Any:
            seen["calls"] += 1
            try:
                value, end = scan(text, at)
            except BaseException:
                seen["chars"] += len(text) - at
                raise
            seen["chars"] += end - at
            return value, end

        return call

    stream._scan = counted(stream._scan)  # type: ignore[method-assign]
    stream._scan_once = counted(stream._scan_once)
    return seen


def _listing_export(memories: int, indent: Optional[int]) -> bytes:
    """An export whose memories' metadata hold lists of objects: commas inside an element
    look like the commas between elements."""
    items = [
        {
            "id": f"mem_{i:024x}",
            "text": f"memory {i}: Alice met Bob in Paris.",
            "metadata": {"entities": [{"name": f"E{j}", "score": 0.9} for j in range(10)]},
        }
        for i in range(memories)
    ]
    return json.dumps({"memories": items}, indent=indent).encode()


@pytest.mark.parametrize("indent", [None, 2])
@pytest.mark.parametrize("memories", [1_000, 4_000])
def test_stream_scans_each_character_about_once(memories: int, indent: Optional[int]) -> None:
    body = _listing_export(memories, indent)
    stream = JSONStream(_reader(body, []), chunk=16 * 1024)  # about 30 to 300 windows
    seen = _scanning(stream)
    elements = sum(len(e.value) for e in stream.events() if e.kind == ITEMS)
    assert elements == memories
    windows = len(body) // (16 * 1024) + 1
    # Linear in the body: each element decoded once, plus a few tries per window.
    assert seen["chars"] < 1.2 * len(body), (seen, len(body))
    assert seen["calls"] <= memories + 3 * windows, (seen, windows)


def test_stream_scans_an_array_of_small_scalars_about_once() -> None:
    body = b'{"memories": [' + b"0, " * 200_000 + b'"a, b", "c,", 1.5, null, true]}'
    stream = JSONStream(_reader(body, []), chunk=16 * 1024)
    seen = _scanning(stream)
    values = [v for e in stream.events() if e.kind == ITEMS for v in e.value]
    assert values == [0] * 200_000 + ["a, b", "c,", 1.5, None, True]
    assert seen["chars"] < 2.2 * len(body), (seen, len(body))


def _deep_in_the_stack(frames: int, call: Any) -> Any:
    """``call()`` from ``frames`` Python frames deeper than this one."""
    return call() if frames <= 0 else _deep_in_the_stack(frames - 1, call)


@pytest.mark.parametrize("frames", [0, 300])
def test_nesting_up_to_the_limit_parses_and_one_more_level_is_refused_at_any_stack_depth(
    frames: int,
) -> None:
    limit = b"[" * 511 + b'{"a": "]]}}[["}' + b"]" * 511  # 512 levels, brackets in a string
    assert _deep_in_the_stack(frames, lambda: _whole(limit))[0] == "ok"
    assert _deep_in_the_stack(frames, lambda: _streamed(limit, [7], 64))[0] == "ok"
    refused = (
        "error",
        f"nested too deeply (more than {MAX_JSON_DEPTH} levels of arrays and objects)",
    )
    for depth in (513, 700, 980, 5_000):
        body = b"[" * (depth - 1) + b'{"a": "\\\\"}' + b"]" * (depth - 1)
        assert _deep_in_the_stack(frames, lambda b=body: _whole(b)) == refused, depth
        assert _deep_in_the_stack(frames, lambda b=body: _streamed(b, [7], 64)) == refused, depth


def test_a_spooled_document_at_the_depth_limit_reads_back_deep_in_the_stack() -> None:
    element = b"[" * 510 + b"1" + b"]" * 510  # 512 levels with the document's object and array
    body = (
        b'{"memories": [' + element + b", " + element + b'], "deep": {"x": ' + element[1:-1] + b"}}"
    )
    doc = spool(_reader(body, [100]), with_canonical=False, chunk=64)
    try:
        value = doc.value
        read_back = _deep_in_the_stack(300, lambda: (list(value["memories"]), value["deep"]))
    finally:
        doc.close()
    parsed = json.loads(element)
    assert read_back == ([parsed, parsed], {"x": parsed[0]})


def test_a_number_cut_by_the_window_and_followed_by_a_dot_is_refused() -> None:
    # "3.0.17…" is no number: the window ended after "3.0", and a batch of the elements
    # after it once read ".17…" as "0.17…", so the stream took what json.loads refuses
    # (found by test_jsonbody_properties).
    body = (
        b' \r\n{\n\t":a\\t\\na\xe2\x82\xac": [\n\t\tnull, \n\t\tnull, '
        b"\n\t\t3.0.177116892527348e+16, \n\t\t1.175494351e-38, \n\t\tnull\n\t]\n}\n\t \r\n"
    )
    assert _whole(body)[0] == "error"
    for chunk in range(8, 40):
        assert _streamed(body, [1], chunk) == _whole(body), chunk
