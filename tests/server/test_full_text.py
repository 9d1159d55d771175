"""The full-text arm's two ways to its best matches give the same rows: ranked alone
first (where the search's scope holds most of the tenant's memories), or joined to every
memory; and its ranking and scores are the tenant's own, whatever other tenants store."""

from __future__ import annotations

import random
from collections.abc import Iterator
from typing import Any, Optional

import pytest

from longmem.server.db import MemoryFilter, NewMemory, Principal, Store
from longmem.server.db.memories import Memories

WORDS = ["tea", "coffee", "berlin", "paris", "dog", "cat", "likes", "runs", "green"]
NOW = "2026-06-01T00:00:00Z"


def _principal(store: Store, tenant: str) -> Principal:
    principal = store.keys.authenticate(store.keys.add(tenant, "write", "tests")[1])
    assert principal is not None
    return principal


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """Two tenants, three collections, two categories, two tags and none; archived,
    superseded, expired and expiring memories; many texts said more than once (ties in
    bm25)."""
    store = Store(str(tmp_path_factory.mktemp("fts") / "store.db"))
    rng = random.Random(5)
    for tenant, count in (("t1", 900), ("t2", 300)):
        items = []
        for _ in range(count):
            kind = rng.random()
            items.append(
                NewMemory(
                    collection=rng.choice(["a", "a", "a", "b", "c"]),
                    text=" ".join(rng.choices(WORDS, k=rng.randint(1, 4))),
                    category=rng.choice(["fact", "fact", "other"]),
                    container_tag=rng.choice([None, None, "x", "y"]),
                    archived=kind < 0.05,
                    is_latest=not 0.05 <= kind < 0.15,
                    expires_at=(
                        "2026-01-01T00:00:00Z"
                        if 0.15 <= kind < 0.2
                        else "2027-01-01T00:00:00Z"
                        if 0.2 <= kind < 0.25
                        else None
                    ),
                )
            )
        store.memories.add(_principal(store, tenant), items)
    yield store
    store.close()


def _cases() -> Iterator[tuple[str, str, MemoryFilter, Optional[int]]]:
    rng = random.Random(9)
    for _ in range(120):
        words = rng.sample(WORDS, rng.randint(1, 3))
        flt = MemoryFilter(
            collection=rng.choice([None, "a", "a", "b", "c"]),
            category=rng.choice([None, None, None, "fact"]),
            container_tag=rng.choice([None, None, None, "x", "y"]),
            include_history=rng.random() < 0.3,
            exact_tag=rng.random() < 0.2,  # None then means the untagged memories only
        )
        yield (
            rng.choice(["t1", "t1", "t2"]),
            " OR ".join(f'"{w}"' for w in words),
            flt,
            rng.choice([1, 5, 40, 200, None]),
        )


def test_ranked_alone_gives_the_rows_the_whole_query_gives(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    answered = {"alone": 0, "whole": 0}
    ranked_alone = Memories._ranked_alone

    def counted(*args: Any) -> Optional[list[tuple[int, float]]]:
        found = ranked_alone(*args)
        answered["whole" if found is None else "alone"] += 1
        return found

    monkeypatch.setattr(Memories, "_ranked_alone", staticmethod(counted))
    for tenant, match, flt, limit in _cases():
        whole = store.memories.full_text(tenant, match, flt, NOW, limit)
        # a scope "as large as the table" takes the way ranked alone wherever it can
        alone = store.memories.full_text(tenant, match, flt, NOW, limit, scope=10**6, total=1)
        assert alone == whole, (tenant, match, flt, limit)
        assert len(whole) == len({rid for rid, _ in whole})
    # Both ways were taken: the best matches alone answered most, and where too few of
    # them passed the filters (another collection's, category's, tag's) the whole query.
    assert answered["alone"] > 30 and answered["whole"] > 10, answered


def test_a_small_scope_never_ranks_alone(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[int] = []
    ranked_alone = Memories._ranked_alone

    def spy(*args: Any) -> Optional[list[tuple[int, float]]]:
        found = ranked_alone(*args)
        asked.append(0 if found is None else 1)
        return found

    monkeypatch.setattr(Memories, "_ranked_alone", staticmethod(spy))
    flt = MemoryFilter(collection="c")
    # the collection holds about a fifth of the tenant's 900 memories: the whole query
    found = store.memories.full_text("t1", '"tea"', flt, NOW, 5, scope=180, total=900)
    assert asked == [] and len(found) == 5


def test_a_tenants_scores_and_ranking_are_its_own(tmp_path: Any) -> None:
    # BM25 had read one table of every tenant's memories: another tenant storing a word
    # lowered this tenant's scores for it, so a tenant could tell from its own scores
    # whether the word was in anyone else's memories.
    store = Store(str(tmp_path / "two.db"))
    try:
        mine = _principal(store, "mine")
        filler = [NewMemory("n", f"a note about the garden, day {i}") for i in range(8)]
        store.memories.add(
            mine,
            [NewMemory("n", "landlord is Okafor"), NewMemory("n", "cafe is Zyxwvut"), *filler],
        )
        before = {
            word: store.memories.full_text("mine", f'"{word}"', MemoryFilter(), NOW, 5)
            for word in ("okafor", "zyxwvut")
        }
        # alike: one memory each, as long
        assert before["okafor"][0][1] == before["zyxwvut"][0][1] < -1
        others = _principal(store, "others")
        store.memories.add(others, [NewMemory("n", f"Okafor said hi {i}") for i in range(50)])
        after = {
            word: store.memories.full_text("mine", f'"{word}"', MemoryFilter(), NOW, 5)
            for word in ("okafor", "zyxwvut")
        }
        assert after == before
        # … and each tenant finds only its own
        theirs = store.memories.full_text("others", '"okafor"', MemoryFilter(), NOW, 100)
        assert len(theirs) == 50 and not {rid for rid, _ in theirs} & {
            rid for rid, _ in before["okafor"]
        }
    finally:
        store.close()


def test_a_tenant_with_no_memory_finds_nothing(store: Store) -> None:
    assert store.memories.full_text("nobody", '"tea"', MemoryFilter(), NOW, 5) == []
