"""The ranker's dot product: the sum of products, from vectors as the cache keeps them."""

from __future__ import annotations

import math
import random
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


def _plain(a: list[float], b: list[float]) -> float:
    return math.fsum(x * y for x, y in zip(a, b))


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
    found = _Kept(a).dot(_Kept(b))
    assert found == pytest.approx(_plain(a, b), abs=1e-12 if normalise else 1e-9)
    if _plain(a, b) == 0.0:  # a zero vector, or no dimension in common: exactly 0
        assert found == 0.0


def test_unit_vectors_to_within_1e_15() -> None:
    rng = random.Random(3)
    for _ in range(500):
        a, b = (_unit([rng.gauss(0, 1) for _ in range(128)]) for _ in range(2))
        assert abs(_Kept(a).dot(_Kept(b)) - _plain(a, b)) < 1e-15
        assert _Kept([0.0] * 128).dot(_Kept(a)) == 0.0


def test_no_dimension_in_common_is_exactly_0() -> None:
    assert _Kept([1.0, 0.0]).dot(_Kept([0.0, 1.0])) == 0.0
    half = math.sqrt(0.5)
    assert _Kept([half, half, 0.0]).dot(_Kept([0.0, 0.0, 1.0])) == 0.0


def test_a_vector_of_huge_values_is_multiplied_out_not_an_error() -> None:
    # a custom embedder's vector, not normalised: the sum of products, as before
    assert _Kept([1e154, 1e154]).dot(_Kept([1.0, 0.0])) == 1e154
    assert _Kept([1e200]).dot(_Kept([1e200])) == math.inf


def test_short_vectors_are_kept_as_tuples_long_ones_as_arrays() -> None:
    assert isinstance(_Kept([0.5] * 128).vector, tuple)
    assert isinstance(_Kept([0.5] * 1024).vector, array)
    unit = _Kept(_unit([1.0] * 128))
    assert unit.dot(unit) == pytest.approx(1.0, abs=1e-15)
