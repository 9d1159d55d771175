"""The Longmem client against the real local server, route by route (protocol part 1)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from longmem import (
    AuthenticationError,
    ConflictError,
    Longmem,
    LongmemAPIError,
    NotFoundError,
    PermissionDeniedError,
    UnprocessableEntityError,
)
from longmem.server import LocalServer

from ..drivers import DRIVERS, dispose, make
from .conftest import KEY, READ_ONLY_KEY
from .faults import ResponseDroppingProxy


def test_service_health(mem: Longmem) -> None:
    assert mem.service_health()["status"] == "ok"


def test_collection_lifecycle(mem: Longmem, collection: str) -> None:
    created = mem.create_collection(collection, description="people", metadata={"owner": "ops"})
    assert created["name"] == collection
    assert created["memory_count"] == 0
    with pytest.raises(ConflictError):
        mem.create_collection(collection)
    updated = mem.update_collection(collection, description="people and roles")
    assert updated["description"] == "people and roles"
    assert updated["metadata"] == {"owner": "ops"}
    mem.add("Bianca leads design", collection=collection)
    assert mem.get_collection(collection)["memory_count"] == 1
    assert mem.update_collection(collection, metadata={})["description"] == "people and roles"
    cleared = mem.update_collection(collection, description="")
    assert cleared["description"] is None  # as a collection created without one
    assert mem.create_collection(collection + "-2")["description"] is None
    mem.delete_collection(collection + "-2")
    assert collection in {c["name"] for c in mem.collections()}
    assert mem.delete_collection(collection) == {}
    with pytest.raises(NotFoundError):
        mem.get_collection(collection)


def test_memory_lifecycle(mem: Longmem, collection: str) -> None:
    memory = mem.add(
        "Alex prefers dark mode",
        collection=collection,
        importance=0.9,
        category="preference",
        metadata={"src": "crm"},
        container_tag="user-42",
    )
    assert memory["id"].startswith("mem_")
    assert memory["text"] == "Alex prefers dark mode"
    assert memory["source"] == "sdk"
    assert (memory["importance"], memory["category"]) == (0.9, "preference")
    assert memory["metadata"] == {"src": "crm"} and memory["container_tag"] == "user-42"
    assert memory["is_latest"] is True and memory["pinned"] is False

    assert mem.get(memory["id"], collection=collection) == memory
    updated = mem.update(memory["id"], collection=collection, text="Alex prefers light mode")
    assert updated["text"] == "Alex prefers light mode"
    assert updated["importance"] == 0.9  # unchanged fields stay
    assert mem.pin(memory["id"], collection=collection)["pinned"] is True
    assert mem.archive(memory["id"], collection=collection)["archived"] is True
    assert mem.list_memories(collection=collection) == []
    assert len(mem.list_memories(collection=collection, include_archived=True)) == 1
    mem.archive(memory["id"], collection=collection, archived=False)

    moved = mem.move(memory["id"], collection=collection, to_collection=collection + "-b")
    assert moved["moved"] is True
    with pytest.raises(NotFoundError):
        mem.get(memory["id"], collection=collection)
    assert mem.get(memory["id"], collection=collection + "-b")["collection"] == collection + "-b"
    assert mem.delete(memory["id"], collection=collection + "-b") == {}
    with pytest.raises(NotFoundError):
        mem.get(memory["id"], collection=collection + "-b")


def test_list_is_pinned_first_then_newest_and_pages(mem: Longmem, collection: str) -> None:
    ids = [mem.add(f"note {i}", collection=collection)["id"] for i in range(5)]
    mem.pin(ids[1], collection=collection)
    listed = [m["id"] for m in mem.list_memories(collection=collection)]
    assert listed == [ids[1], ids[4], ids[3], ids[2], ids[0]]
    page = mem.list_memories(collection=collection, limit=2, offset=2)
    assert [m["id"] for m in page] == [ids[3], ids[2]]


def test_add_many_in_chunks(mem: Longmem, collection: str) -> None:
    items = [f"bulk memory number {i}" for i in range(250)]
    items[3] = {"text": "special one", "importance": 0.1, "container_tag": "t"}  # type: ignore[call-overload]
    result = mem.add_many(items, collection=collection)
    assert result["created"] == 250 and len(set(result["ids"])) == 250
    assert mem.get_collection(collection)["memory_count"] == 250
    special = mem.get(result["ids"][3], collection=collection)
    assert (special["text"], special["importance"], special["container_tag"]) == (
        "special one",
        0.1,
        "t",
    )


def test_search_modes_and_filters(mem: Longmem, collection: str) -> None:
    mem.add("Alex prefers green tea in the morning", collection=collection, category="pref")
    mem.add("The quarterly report is due on Friday", collection=collection, category="work")
    mem.add("Bianca drinks coffee", collection=collection, container_tag="user-b")
    for mode in ("hybrid", "text", "vector"):
        hits = mem.search("green tea", collection=collection, mode=mode, min_score=0.0)
        assert hits and hits[0]["text"] == "Alex prefers green tea in the morning", mode
        assert 0 <= hits[0]["score"] <= 1
    hits = mem.search("report", collection=collection, category="pref", min_score=0.0)
    assert all(h["category"] == "pref" for h in hits)
    tagged = mem.search("drinks", collection=collection, container_tag="user-b", min_score=0.0)
    assert [h["text"] for h in tagged] == ["Bianca drinks coffee"]


def test_tenant_wide_search_names_each_hits_collection(mem: Longmem, collection: str) -> None:
    mem.add("zebra crossings in Lisbon", collection=collection)
    mem.add("zebra stripes are unique", collection=collection + "-2")
    hits = mem.search("zebra", min_score=0.0, limit=10)
    assert {collection, collection + "-2"} <= {h["collection"] for h in hits}


def test_related_excludes_the_memory_itself(mem: Longmem, collection: str) -> None:
    seed = mem.add("Paris is the capital of France", collection=collection)
    mem.add("France has Paris as its capital city", collection=collection)
    mem.add("Bananas are yellow", collection=collection)
    related = mem.related(seed["id"], collection=collection, limit=5)
    assert related and seed["id"] not in {r["id"] for r in related}
    assert related[0]["text"] == "France has Paris as its capital city"


def test_export_then_import_into_another_tenant(
    mem: Longmem, local_server: LocalServer, collection: str
) -> None:
    mem.create_collection(collection, description="to move")
    mem.add_many(["one fact", "two facts", "three facts"], collection=collection)
    dump = mem.export_account()
    mine = [m for m in dump["memories"] if m["collection"] == collection]
    assert len(mine) == 3
    other_key = local_server.add_tenant_key()
    with Longmem(api_key=other_key, base_url=local_server.url) as other:
        result = other.import_memories(
            mine, collections=[c for c in dump["collections"] if c["name"] == collection]
        )
        assert (result["imported"], result["skipped"]) == (3, 0)
        texts = sorted(m["text"] for m in other.list_memories(collection=collection))
        assert texts == ["one fact", "three facts", "two facts"]
        assert {m["id"] for m in other.list_memories(collection=collection)}.isdisjoint(
            {m["id"] for m in mine}
        )


def test_tenants_cannot_see_each_other(
    mem: Longmem, local_server: LocalServer, collection: str
) -> None:
    secret = mem.add("the launch code is 0000", collection=collection)
    with Longmem(api_key=local_server.add_tenant_key(), base_url=local_server.url) as other:
        with pytest.raises(NotFoundError):
            other.get(secret["id"], collection=collection)
        assert other.search("launch code", min_score=0.0) == []


def test_read_only_key_reads_but_cannot_write(local_server: LocalServer, collection: str) -> None:
    with Longmem(api_key=READ_ONLY_KEY, base_url=local_server.url) as reader:
        reader.collections()
        with pytest.raises(PermissionDeniedError):
            reader.add("not allowed", collection=collection)


def test_unknown_key_is_an_authentication_error(local_server: LocalServer) -> None:
    with (
        Longmem(api_key="nobody", base_url=local_server.url) as stranger,
        pytest.raises(AuthenticationError),
    ):
        stranger.collections()


def test_a_lost_response_is_retried_without_storing_twice(
    local_server: LocalServer, collection: str
) -> None:
    # The first two replies to the add are lost after the server stored the memory.
    with (
        ResponseDroppingProxy(local_server.port, lambda n: n < 2) as proxy,
        Longmem(
            api_key="e2e-write-key", base_url=proxy.url, max_retries=3, backoff_base=0.01
        ) as flaky,
    ):
        memory = flaky.add("stored exactly once", collection=collection)
        assert proxy.dropped == 2
    with Longmem(api_key="e2e-write-key", base_url=local_server.url) as direct:
        stored = direct.list_memories(collection=collection)
    assert [m["id"] for m in stored] == [memory["id"]]


def test_a_lost_batch_response_is_retried_without_storing_twice(
    local_server: LocalServer, collection: str
) -> None:
    with (
        ResponseDroppingProxy(local_server.port, lambda n: n == 1) as proxy,
        Longmem(
            api_key="e2e-write-key", base_url=proxy.url, max_retries=2, backoff_base=0.01
        ) as flaky,
    ):
        result = flaky.add_many([f"item {i}" for i in range(300)], collection=collection)
    assert result["created"] == 300
    with Longmem(api_key="e2e-write-key", base_url=local_server.url) as direct:
        assert direct.get_collection(collection)["memory_count"] == 300


@pytest.mark.parametrize("driver", DRIVERS)
def test_a_body_over_the_limit_is_the_servers_413_not_retried(
    local_server: LocalServer, collection: str, driver: str
) -> None:
    # The server answers 413 from the declared length and closes while the client is
    # still writing the body: the client reads that answer, it does not retry the call.
    retries: list[float] = []
    client = make(driver, api_key=KEY, base_url=local_server.url, sleep=retries.append)
    try:
        with pytest.raises(LongmemAPIError) as info:
            client.add("x", collection=collection, metadata={"pad": "y" * (9 * 1024 * 1024)})
    finally:
        dispose(client)
    assert info.value.status == 413
    assert info.value.detail == "Request body larger than 8388608 bytes"
    assert retries == []


def test_a_collection_name_the_server_refuses_comes_back_as_its_field_message(
    mem: Longmem,
) -> None:
    # The client leaves character sets to the server: the name travels percent-encoded
    # as one path segment, and the server's 422 says what it allows.
    rule = "path.collection: Collection name should be 1-64 characters of A-Z a-z 0-9 _ . -"
    with pytest.raises(UnprocessableEntityError, match=f"^HTTP 422: {re.escape(rule)} ") as info:
        mem.add("x", collection="team notes/2026")
    assert "POST /v1/memory/collections/team%20notes%2F2026/memories" in str(info.value)
    with pytest.raises(UnprocessableEntityError, match=re.escape(rule)):
        mem.list_memories(collection="a/b")  # one segment: not a route to a/b's memories
    with pytest.raises(NotFoundError, match=re.escape("Collection '..' not found")):
        mem.get_collection("..")  # not normalised into GET /v1/memory/collections


def test_an_export_imported_through_the_sdk_restores_its_connections(
    mem: Longmem, collection: str, tmp_path: Path
) -> None:
    notes = tmp_path / "restore-notes"
    notes.mkdir()
    (notes / "plan.md").write_text("Ship the importer on Friday.\n", "utf-8")
    made = mem.create_connection(
        "directory", name="notes", collection=collection, config={"path": str(notes)}
    )
    assert mem.sync_connection(made["id"])["synced"] == 1
    dump = mem.export_account()
    # The module's server is shared: only this test's memories and connection are its own
    # (another connection's path would be outside the new server's connector roots).
    mine = [m for m in dump["memories"] if m["collection"] == collection]
    links = [c for c in dump["connections"] if c["collection"] == collection]
    with (
        LocalServer(connector_roots=[str(tmp_path)]) as other,
        Longmem(api_key=other.api_key, base_url=other.url) as restored,
    ):
        result = restored.import_memories(mine, connections=links)
        assert (result["imported"], result["connections"]) == (1, 1)
        [connection] = restored.list_connections()
        assert connection["id"] == made["id"]  # ids are kept on a server that has none such
        # The item map came along: syncing again finds nothing new and stores nothing twice.
        assert restored.sync_connection(connection["id"])["synced"] == 0
        assert len(restored.list_memories(collection=collection)) == 1
