"""The ranker's dot product: what sum(a * b) gives, from vectors as the cache keeps them."""

from __future__ import annotations

import math
from array import array

import pytest

from longmem.server.rerank import _TUPLE_MOST, _Kept

from ..budget import examples

pytest.importorskip("hypothesis")
from hypothesis import given, settings
from hypothesis import strategies as st

_VALUES = st.floats(-1.0, 1.0, allow_nan=False)


def _unit(values: list[float]) -> list[float]:
    norm = math.sqrt(math.fsum(v * v for v in values))
    return [v / norm for v in values] if norm else values


@settings(max_examples=examples(300), deadline=None)
@given(
    size=st.sampled_from([1, 3, 128, _TUPLE_MOST, _TUPLE_MOST + 1, 1024]),
    data=st.data(),
    normalise=st.booleans(),
)
def test_the_dot_product_is_the_sum_of_products(
    size: int, data: st.DataObject, normalise: bool
) -> None:
    a, b = (data.draw(st.lists(_VALUES, min_size=size, max_size=size)) for _ in range(2))
    if normalise:  # as embedders give them (the built-in meaning may give all zeros)
        a, b = _unit(a), _unit(b)
    plain = math.fsum(x * y for x, y in zip(a, b))
    assert _Kept(a).dot(_Kept(b)) == pytest.approx(plain, abs=1e-9)


def test_short_vectors_are_kept_as_tuples_long_ones_as_arrays() -> None:
    assert isinstance(_Kept([0.5] * 128).vector, tuple)
    assert isinstance(_Kept([0.5] * 1024).vector, array)
    zero, unit = _Kept([0.0] * 128), _Kept(_unit([1.0] * 128))
    assert zero.dot(unit) == 0.0
    assert unit.dot(unit) == pytest.approx(1.0, abs=1e-12)
