"""Properties of the streamed JSON parse, over documents hypothesis makes: it reads any
document as ``json.loads`` does, whatever the chunks it arrives in, fails where and as it
fails, and a spooled document gives back the same values and canonical form."""

from __future__ import annotations

import json
from typing import Any
from unittest import mock

import pytest

from longmem.server import jsonbody
from longmem.server.idempotency import canonical
from longmem.server.jsonbody import (
    SpooledArray,
    SpooledObject,
    _value_marks,
    parse_json,
    values_over,
)

from .test_jsonbody import _spooled, _streamed, _whole

# Only the tests of this module need hypothesis (those of test_jsonbody.py run without).
hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, example, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from ..budget import examples  # noqa: E402

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


@settings(max_examples=examples(400), deadline=None, suppress_health_check=[HealthCheck.too_slow])
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


@settings(max_examples=examples(600), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=_broken(), cuts=_CUTS, chunk=_CHUNKS)
def test_stream_fails_where_and_as_json_loads_does(
    body: bytes, cuts: list[int], chunk: int
) -> None:
    assert _streamed(body, cuts, chunk) == _whole(body)


@settings(max_examples=examples(400), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    body=_encoded() | _broken(), cuts=_CUTS, chunk=_CHUNKS, span=st.sampled_from([1, 70, 100, 200])
)
def test_stream_counting_long_values_first_reads_as_json_loads_does(
    body: bytes, cuts: list[int], chunk: int, span: int
) -> None:
    """With a short scan span every value of these documents is "long": scanned from a
    slice first, counted roughly (and exactly) before it is scanned whole. The values,
    and the errors, are still json.loads's."""
    with mock.patch.object(jsonbody, "_SCAN_SPAN", span):
        assert _streamed(body, cuts, chunk) == _whole(body)


@settings(max_examples=examples(300), deadline=None, suppress_health_check=[HealthCheck.too_slow])
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


def _value_marks_of(value: Any) -> int:
    """The ``[``, ``{``, ``,`` and ``:`` that any JSON text of ``value`` holds outside its
    strings: one for each array and object, one between elements or members, one for
    each member's colon."""
    if isinstance(value, list):
        return 1 + max(len(value) - 1, 0) + sum(map(_value_marks_of, value))
    if isinstance(value, dict):
        return 1 + max(len(value) - 1, 0) + len(value) + sum(map(_value_marks_of, value.values()))
    return 0


@settings(max_examples=examples(400), deadline=None)
@given(body=_encoded())
@example(body=b'{"a": "x,y:[{", "b\\"c,": [1, 2, {"d": "\\\\"}], "e": "\\\\\\",:"}')
def test_values_are_counted_outside_strings_as_the_parsed_document_holds_them(
    body: bytes,
) -> None:
    marks = _value_marks_of(json.loads(body))
    assert not values_over(body, marks)
    if marks:
        assert values_over(body, marks - 1)


@settings(max_examples=examples(400), deadline=None)
@given(body=_encoded(), cut=st.integers(min_value=0))
@example(body=b'{"a": "x,y:[{", "b\\"c,": [1, 2, {"d": "\\\\"}]}', cut=9)
def test_a_streamed_value_is_counted_alone_and_cut_short_counts_no_more(
    body: bytes, cut: int
) -> None:
    """What the stream counts before it scans a value: that value's marks only, whatever
    follows it; and a window that cuts it short (even in a string) counts no more."""
    text = body.decode("utf-8").strip()
    marks = _value_marks_of(json.loads(text))
    assert _value_marks(" , " + text + ', [1, {"x": 2}], 3', 3, 10**9) == marks
    assert _value_marks(text[: cut % (len(text) + 1)], 0, 10**9) <= marks
