"""Which memories the model ranks whole: the count the index keeps spares counting, and
changes nothing."""

from __future__ import annotations

import random
import time
from itertools import product

import pytest

from longmem.server import LocalServer, search
from longmem.server.db import DEFAULT_TENANT, ROLE_WRITE, MemoryFilter, NewMemory, Principal
from longmem.server.search import SearchEngine, SearchRequest
from longmem.server.vector_index import _eligible

PAST, FUTURE = "2020-01-01T00:00:00Z", "2099-01-01T00:00:00Z"


def _counted(engine: SearchEngine, req: SearchRequest) -> list[int]:
    """What the scope's memories give counted one by one, as before the count was kept."""
    index = engine._index(DEFAULT_TENANT)
    flt = MemoryFilter(req.collection, req.category, req.container_tag, req.include_history)
    scope = index.collections.get(req.collection, ()) if req.collection else index.docs
    found = list(filter(_eligible(index.docs, flt, time.time(), None), scope))
    return found if len(found) <= search.MODEL_SCOPE else []


def test_the_kept_count_gives_what_counting_gives(monkeypatch: pytest.MonkeyPatch) -> None:
    """Memories of every kind (current, expiring, expired, superseded, archived; two
    collections, a category, a tag) come a few at a time; after each few, every search's
    scope is what counting its memories one by one gives."""
    monkeypatch.setattr(search, "MODEL_SCOPE", 3)
    rng = random.Random(11)
    who = Principal("key", DEFAULT_TENANT, ROLE_WRITE, "tests")
    shortcuts = 0
    with LocalServer() as server:
        assert server._httpd is not None
        services = server._httpd.services
        for _ in range(25):
            items = []
            for _ in range(rng.randint(1, 3)):
                kind = rng.choice(["current", "current", "expiring", "expired", "old", "archived"])
                items.append(
                    NewMemory(
                        collection=rng.choice(["a", "b"]),
                        text=f"User note {rng.random()}",
                        category=rng.choice(["fact", "other"]),
                        container_tag=rng.choice([None, "x"]),
                        archived=kind == "archived",
                        is_latest=kind != "old",
                        expires_at={"expiring": FUTURE, "expired": PAST}.get(kind),
                    )
                )
            services.store.memories.add(who, items)
            services.run_search(DEFAULT_TENANT, SearchRequest("note"))  # the index follows
            for collection, category, tag, history in product(
                [None, "a", "b"], [None, "fact"], [None, "x"], [False, True]
            ):
                req = SearchRequest(
                    "note",
                    collection=collection,
                    category=category,
                    container_tag=tag,
                    include_history=history,
                )
                with services.store.read():
                    kept = services.search._small_scope(DEFAULT_TENANT, req)
                    assert kept == _counted(services.search, req), req
                index = services.search._index(DEFAULT_TENANT)
                steady = index.steady.get(collection, 0) if collection else index.steady_total
                shortcuts += category is None and tag is None and steady > search.MODEL_SCOPE
    assert shortcuts > 50  # the count answered often, not only the counting
