"""Export and import: shape, round trip into another tenant, skipped items."""

from __future__ import annotations

from longmem.server import LocalServer

from .server_api import Api, C

IMPORT = "/v1/memory/admin/import"
EXPORT = "/v1/memory/admin/export"


def test_export_shape(api: Api) -> None:
    api.post(C, {"name": "empty", "description": "nothing yet"})
    mem = api.add("notes", "exported fact", metadata={"a": 1}, container_tag="t")
    reply = api.get(EXPORT)
    assert reply.status == 200
    body = reply.json
    assert set(body) == {"tenant", "collections", "memories", "exported_at", "truncated"}
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
    assert reply.json == {"imported": 3, "skipped": 0, "collections": ["empty", "notes", "work"]}

    again = other.get(EXPORT).json
    assert {c["name"]: c["description"] for c in again["collections"]} == {
        "empty": "kept",
        "notes": None,
        "work": None,
    }
    by_text = {m["text"]: m for m in again["memories"]}
    for original in originals:
        copy = by_text[original["text"]]
        assert copy["id"] != original["id"]  # ids reassigned
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
    assert reply.json == {"imported": 2, "skipped": 5, "collections": ["default", "elsewhere"]}


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
