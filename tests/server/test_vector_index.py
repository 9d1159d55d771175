"""The vector arm's in-memory index keeps its counts true through any run of changes."""

from __future__ import annotations

from array import array
from typing import Optional

import pytest

from longmem.server.vector_index import TenantIndex, _Doc

from ..budget import examples

pytest.importorskip("hypothesis")
from hypothesis import given, settings
from hypothesis import strategies as st

_DOCS = st.builds(
    lambda collection, current, expires, words: _Doc(
        vector=(array("q", words), array("f", [0.5] * len(words))),
        collection=collection,
        category="fact",
        container_tag=None,
        current=current,
        archived=not current and expires == 1.0,
        expires=expires,
    ),
    collection=st.sampled_from(["a", "b", "c"]),
    current=st.booleans(),
    expires=st.sampled_from([None, None, 1.0, 2e9]),
    words=st.lists(st.integers(1, 6), min_size=1, max_size=3, unique=True),
)
# (row id, the memory it now is; None: deleted)
_CHANGES = st.lists(st.tuples(st.integers(1, 8), st.one_of(st.none(), _DOCS)), max_size=40)


def _recount(index: TenantIndex) -> tuple[dict[str, int], int]:
    steady: dict[str, int] = {}
    for doc in index.docs.values():
        if doc.current and not doc.archived and doc.expires is None:
            steady[doc.collection] = steady.get(doc.collection, 0) + 1
    return steady, sum(steady.values())


def _counted(index: TenantIndex) -> tuple[dict[str, int], int]:
    return {c: n for c, n in index.steady.items() if n}, index.steady_total


@settings(max_examples=examples(300), deadline=None)
@given(changes=_CHANGES)
def test_the_steady_counts_follow_every_change(changes: list[tuple[int, Optional[_Doc]]]) -> None:
    """Search skips counting a scope one memory at a time when the memories current and
    never expiring are already more than the model ranks: those counts must stay exact
    through puts, updates (a memory superseded, archived, given an expiry, moved) and
    deletes, and a rebuild."""
    index = TenantIndex()
    for rid, doc in changes:
        if doc is None:
            index.remove(rid)
        else:
            index.put(rid, doc)
        assert _counted(index) == _recount(index)
    assert _counted(index.rebuilt()) == _recount(index)
