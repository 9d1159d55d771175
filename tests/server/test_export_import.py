"""Export and import: shape, round trip into another tenant, skipped items."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from longmem.server import LocalServer

from .server_api import Api, C, FeedServer

IMPORT = "/v1/memory/admin/import"
EXPORT = "/v1/memory/admin/export"
CONN = "/v1/memory/connections"


def test_export_shape(api: Api) -> None:
    api.post(C, {"name": "empty", "description": "nothing yet"})
    mem = api.add("notes", "exported fact", metadata={"a": 1}, container_tag="t")
    reply = api.get(EXPORT)
    assert reply.status == 200
    body = reply.json
    assert set(body) == {
        "tenant",
        "collections",
        "memories",
        "connections",
        "credentials_omitted",
        "exported_at",
        "truncated",
    }
    assert body["connections"] == body["credentials_omitted"] == []
    assert body["tenant"]["id"] == "default"
    assert body["truncated"] is False
    assert body["exported_at"].endswith("Z")
    assert {c["name"] for c in body["collections"]} == {"empty", "notes"}
    assert body["memories"] == [mem]


def test_export_includes_archived_memories(api: Api) -> None:
    mem = api.add("notes", "old")
    api.post(f"{C}/notes/memories/{mem['id']}/archive", {"archived": True})
    assert [m["archived"] for m in api.get(EXPORT).json["memories"]] == [True]


def test_round_trip_into_another_tenant(server: LocalServer, api: Api) -> None:
    api.post(C, {"name": "empty", "description": "kept", "metadata": {"m": 1}})
    originals = [
        api.add("notes", "the walrus sings at dawn", category="fact", importance=0.9),
        api.add("notes", "prefers oat milk", category="preference", container_tag="u1"),
        api.add("work", "quarterly report due friday", metadata={"team": "finance"}),
    ]
    api.post(f"{C}/work/memories/{originals[2]['id']}/pin", {"pinned": True})
    export = api.get(EXPORT).json

    other = api.with_key(server.add_tenant_key())
    reply = other.post(
        IMPORT, {"memories": export["memories"], "collections": export["collections"]}
    )
    assert reply.status == 200
    assert reply.json == {
        "imported": 3,
        "skipped": 0,
        "collections": ["empty", "notes", "work"],
        "connections": 0,
    }

    again = other.get(EXPORT).json
    assert {c["name"]: c["description"] for c in again["collections"]} == {
        "empty": "kept",
        "notes": None,
        "work": None,
    }
    by_text = {m["text"]: m for m in again["memories"]}
    for original in originals:
        copy = by_text[original["text"]]
        assert copy["id"] != original["id"]  # the originals' ids are taken on this server
        for field in (
            "collection",
            "importance",
            "category",
            "source",
            "metadata",
            "container_tag",
            "created_at",
        ):
            assert copy[field] == original[field], field
    assert by_text["quarterly report due friday"]["pinned"] is True
    # Re-embedded and indexed in the new tenant: both arms find the copies.
    for mode in ("text", "vector"):
        hits = other.search("walrus dawn", "notes", mode=mode, min_score=0)
        assert [h["text"] for h in hits] == ["the walrus sings at dawn"]
    # The source tenant is untouched.
    assert len(api.get(EXPORT).json["memories"]) == 3


def test_import_skips_items_without_usable_text(api: Api) -> None:
    reply = api.post(
        IMPORT,
        {
            "memories": [
                {"text": "good"},
                {"text": ""},
                {"text": "   "},
                {"text": None},
                {"content": "wrong field"},
                "not an object",
                {"text": "also good", "collection": "elsewhere"},
            ]
        },
    )
    assert reply.status == 200
    assert reply.json == {
        "imported": 2,
        "skipped": 5,
        "collections": ["default", "elsewhere"],
        "connections": 0,
    }


def test_import_into_collection_overrides_item_collections(api: Api) -> None:
    reply = api.post(
        IMPORT,
        {
            "memories": [{"text": "a", "collection": "x"}, {"text": "b", "collection": "y"}],
            "into_collection": "inbox",
        },
    )
    assert reply.json["collections"] == ["inbox"]
    assert len(api.get(f"{C}/inbox/memories").json) == 2
    assert api.get(f"{C}/x").status == 404


def test_import_into_collection_creates_none_of_the_listed_collections(api: Api) -> None:
    reply = api.post(
        IMPORT,
        {
            "memories": [{"text": "a", "collection": "x"}],
            "collections": [{"name": "x", "description": "the original"}],
            "into_collection": "restored",
        },
    )
    assert reply.json["collections"] == ["restored"]
    assert api.get(f"{C}/x").status == 404
    assert len(api.get(f"{C}/restored/memories").json) == 1


def test_import_keeps_current_truth_flags(api: Api) -> None:
    api.post(
        IMPORT,
        {
            "memories": [
                {"text": "walrus old", "is_latest": False, "type": "fact"},
                {"text": "walrus gone", "expires_at": "2001-01-01T00:00:00Z"},
                {"text": "walrus now", "expires_at": "2999-01-01T00:00:00+02:00"},
            ]
        },
    )
    hits = api.search("walrus", "default", min_score=0)
    assert [h["text"] for h in hits] == ["walrus now"]
    assert hits[0]["expires_at"] == "2998-12-31T22:00:00Z"


def test_import_rejects_bad_timestamps(api: Api) -> None:
    reply = api.post(IMPORT, {"memories": [{"text": "x", "expires_at": "next tuesday"}]})
    assert reply.status == 422
    assert reply.json["detail"][0]["loc"] == ["body", "memories", 0, "expires_at"]


def test_import_is_all_or_nothing(api: Api) -> None:
    reply = api.post(IMPORT, {"memories": [{"text": "fine"}, {"text": "x" * 10_001}]})
    assert reply.status == 422
    assert api.get(f"{C}/default").status == 404


# -- nothing lost in a round trip ----------------------------------------------------------

SECRET = "tok-round-trip-4711"
PORTABLE = ("memories", "collections", "connections")


def _feed(*titles: str) -> str:
    items = "".join(
        f"<item><guid>g{i}</guid><title>{title}</title><pubDate>Mon, {i + 1:02d} Jun 2026 "
        "10:00:00 GMT</pubDate></item>"
        for i, title in enumerate(titles)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{items}</channel></rss>'
    )


def _account(api: Api, feeds: FeedServer, notes: Path) -> dict[str, Any]:
    """A tenant with every kind of object an export holds; its export."""
    api.post(C, {"name": "empty", "description": "kept", "metadata": {"m": 1}})
    api.add("notes", "the walrus sings at dawn", category="fact", importance=0.9)
    pinned = api.add("notes", "quarterly report due friday", metadata={"team": "finance"})
    api.post(f"{C}/notes/memories/{pinned['id']}/pin", {"pinned": True})
    archived = api.add("notes", "old plan", container_tag="u1")
    api.post(f"{C}/notes/memories/{archived['id']}/archive", {"archived": True})
    for said in ("I live in Berlin.", "I moved to Paris."):
        assert api.post(f"{C}/facts/remember?sync=true", {"content": said}).status == 200
    notes.mkdir()
    (notes / "diary.md").write_text("Dear diary, the walrus again.", encoding="utf-8")
    (notes / "todo.txt").write_text("buy oat milk", encoding="utf-8")
    folder = api.post(
        CONN, {"provider": "directory", "config": {"path": str(notes)}, "collection": "files"}
    ).json
    feed = api.post(
        CONN,
        {
            "provider": "rss",
            "name": "news",
            "config": {"url": feeds.serve("/feed.xml", _feed("first post", "second post"))},
            "credentials": {"token": SECRET},
            "collection": "news",
            "container_tag": "u1",
        },
    ).json
    for connection in (folder, feed):
        assert api.post(f"{CONN}/{connection['id']}/sync").json["synced"] == 2
    export: dict[str, Any] = api.get(EXPORT).json
    assert len(api.get(f"{C}/facts/contradictions").json) == 1
    assert export["credentials_omitted"] == [feed["id"]]
    assert [len(c["items"]) for c in export["connections"]] == [2, 2]
    return export


def _restore_body(export: dict[str, Any]) -> dict[str, Any]:
    """The export as an import body, the omitted credentials supplied again."""
    body = {name: export[name] for name in PORTABLE}
    body["connections"] = [
        {**c, "credentials": {"token": SECRET}} if c["id"] in export["credentials_omitted"] else c
        for c in export["connections"]
    ]
    return body


@pytest.fixture
def new_server(tmp_path: Path) -> Iterator[LocalServer]:
    """A second, empty server with the same connector roots and fetch policy as ``server``
    (its feeds are served on loopback)."""
    with LocalServer(connector_roots=[str(tmp_path)], allow_private_fetch=True) as srv:
        yield srv


def test_round_trip_into_a_new_server_keeps_every_field_of_every_object(
    api: Api, feeds: FeedServer, tmp_path: Path, new_server: LocalServer
) -> None:
    export = _account(api, feeds, tmp_path / "notes")
    restored = Api(new_server, new_server.api_key)
    reply = restored.post(IMPORT, _restore_body(export))
    assert reply.status == 200, reply.raw
    assert reply.json == {
        "imported": len(export["memories"]),
        "skipped": 0,
        "collections": ["empty", "facts", "files", "news", "notes"],
        "connections": 2,
    }

    again = restored.get(EXPORT).json
    for name in (*PORTABLE, "credentials_omitted", "tenant", "truncated"):
        assert again[name] == export[name], name
    assert len(restored.get(f"{C}/facts/contradictions").json) == 1

    # The restored connections carry on where they were: nothing new, nothing twice, and
    # the credentials given again are used.
    feeds.serve("/feed.xml", _feed("first post", "second post"))
    for connection in export["connections"]:
        reply = restored.post(f"{CONN}/{connection['id']}/sync")
        assert reply.json["synced"] == 0, (connection["provider"], reply.json)
    assert feeds.requests[-1]["Authorization"] == f"Bearer {SECRET}"
    assert restored.get(EXPORT).json["memories"] == export["memories"]
    restored.close()


def test_import_into_another_tenant_moves_every_link_to_the_new_ids(
    feeds: FeedServer, tmp_path: Path
) -> None:
    # Both tenants are granted the folder, so the directory connection may move across.
    with LocalServer(connector_roots={"*": [str(tmp_path)]}, allow_private_fetch=True) as server:
        api = Api(server, server.api_key)
        _moves_every_link_to_the_new_ids(server, api, feeds, tmp_path)
        api.close()


def _moves_every_link_to_the_new_ids(
    server: LocalServer, api: Api, feeds: FeedServer, tmp_path: Path
) -> None:
    export = _account(api, feeds, tmp_path / "notes")
    other = api.with_key(server.add_tenant_key())
    reply = other.post(IMPORT, {name: export[name] for name in PORTABLE})
    assert reply.status == 200, reply.raw
    copy = other.get(EXPORT).json
    # Every id is taken on this server, so each object has a new one...
    old_ids = {m["id"] for m in export["memories"]} | {c["id"] for c in export["connections"]}
    new_ids = {m["id"] for m in copy["memories"]} | {c["id"] for c in copy["connections"]}
    assert not old_ids & new_ids
    # ...and everything that named an old id names the new one.
    [pair] = other.get(f"{C}/facts/contradictions").json
    assert (pair["current"]["text"], pair["superseded"]["text"]) == (
        "User lives in Paris",
        "User lives in Berlin",
    )
    by_id = {m["id"]: m for m in copy["memories"]}
    connection_ids = {c["id"] for c in copy["connections"]}
    for connection in copy["connections"]:
        for item in connection["items"]:
            assert by_id[item["memory_id"]]["metadata"]["connection_id"] == connection["id"]
    synced = [m for m in copy["memories"] if "connection_id" in m["metadata"]]
    assert len(synced) == 4
    assert {m["metadata"]["connection_id"] for m in synced} == connection_ids
    # Credentials are not copied: the connection that had some is listed as lacking them.
    assert copy["credentials_omitted"] == []
    # Fields other than ids come across as they were.
    olds = sorted(export["memories"], key=lambda m: m["text"])
    news = sorted(copy["memories"], key=lambda m: m["text"])
    for old, new in zip(olds, news):
        for name in ("created_at", "updated_at", "created_by", "is_latest", "pinned", "archived"):
            assert new[name] == old[name], name
    # Re-syncing the copies stores nothing twice.
    for connection in copy["connections"]:
        assert other.post(f"{CONN}/{connection['id']}/sync").json["synced"] == 0
    assert len(other.get(EXPORT).json["memories"]) == len(export["memories"])
    other.close()


def test_links_hold_across_import_calls_when_ids_are_kept(
    api: Api, new_server: LocalServer
) -> None:
    for said in ("I live in Berlin.", "I moved to Paris."):
        assert api.post(f"{C}/facts/remember?sync=true", {"content": said}).status == 200
    memories = api.get(EXPORT).json["memories"]
    restored = Api(new_server, new_server.api_key)
    # One call per memory, as a chunked import of a large export sends them.
    for memory in memories:
        assert restored.post(IMPORT, {"memories": [memory]}).status == 200
    assert restored.get(EXPORT).json["memories"] == memories
    assert len(restored.get(f"{C}/facts/contradictions").json) == 1
    restored.close()


def test_import_without_created_by_is_the_importing_keys(api: Api) -> None:
    api.post(IMPORT, {"memories": [{"text": "mine"}, {"text": "theirs", "created_by": None}]})
    creators = {m["created_by"]["label"] for m in api.get(EXPORT).json["memories"]}
    assert creators == {"default"}


@pytest.mark.parametrize(
    ("connection", "loc"),
    [
        ({"provider": "directory", "config": {"path": "/etc"}}, ["config", "path"]),
        ({"provider": "rss", "config": {"url": "ftp://x"}}, ["config", "url"]),
        ({"provider": "nope"}, ["provider"]),
        ({"provider": "rss", "config": {"url": "http://x/"}, "status": "odd"}, ["status"]),
        ({"provider": "rss", "config": {"url": "http://x/"}, "items": {}}, ["items"]),
        (
            {
                "provider": "rss",
                "config": {"url": "http://x/"},
                "items": [{"key": "k", "content_hash": "h"}],
            },
            ["items", 0, "memory_id"],
        ),
        (
            {"provider": "rss", "config": {"url": "http://x/"}, "created_at": "soon"},
            ["created_at"],
        ),
        (
            {"provider": "rss", "config": {"url": "http://x/"}, "credentials": {"pin": "1"}},
            ["credentials"],
        ),
    ],
)
def test_import_refuses_a_bad_connection_and_stores_nothing(
    api: Api, connection: dict[str, Any], loc: list[Any]
) -> None:
    reply = api.post(IMPORT, {"memories": [{"text": "fine"}], "connections": [connection]})
    assert reply.status == 422, reply.raw
    assert [e["loc"] for e in reply.json["detail"]] == [["body", "connections", 0, *loc]]
    assert api.get(EXPORT).json["memories"] == []
    assert api.get(CONN).json == []


@pytest.mark.parametrize(
    ("created_by", "locs"),
    [
        ("me", [["created_by"]]),
        ({"label": "x"}, [["created_by", "id"]]),
        ({"id": 5, "label": "x"}, [["created_by", "id"]]),
        ({"id": "key_1"}, [["created_by", "label"]]),
    ],
)
def test_import_refuses_a_bad_created_by(api: Api, created_by: Any, locs: Any) -> None:
    reply = api.post(IMPORT, {"memories": [{"text": "x", "created_by": created_by}]})
    assert reply.status == 422
    assert [e["loc"] for e in reply.json["detail"]] == [
        ["body", "memories", 0, *loc] for loc in locs
    ]
