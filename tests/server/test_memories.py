"""Memory routes: add, batch, list, get, update, delete, move, pin, archive."""

from __future__ import annotations

import re

from longmem.server import LocalServer

from .server_api import Api, C

MEMORY_FIELDS = {
    "id",
    "collection",
    "text",
    "importance",
    "category",
    "source",
    "metadata",
    "container_tag",
    "type",
    "pinned",
    "archived",
    "is_latest",
    "expires_at",
    "images",
    "created_at",
    "updated_at",
    "created_by",
    # a remembered fact's key and provenance; null for a plain add
    "subject",
    "attribute",
    "value",
    "negated",
    "valid_from",
    "observed_at",
    "statement",
    "supersedes",
}
KEY_FIELDS = (
    "subject",
    "attribute",
    "value",
    "valid_from",
    "observed_at",
    "statement",
    "supersedes",
)
TIMESTAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")


def test_add_returns_201_with_every_field_and_defaults(api: Api) -> None:
    reply = api.post(f"{C}/notes/memories", {"text": "hello world"})
    assert reply.status == 201
    mem = reply.json
    assert set(mem) == MEMORY_FIELDS
    assert all(mem[name] is None for name in KEY_FIELDS)
    assert mem["negated"] is False
    assert re.fullmatch(r"mem_[0-9a-f]+", mem["id"])
    assert mem["collection"] == "notes"
    assert mem["importance"] == 0.7
    assert mem["category"] == "other"
    assert mem["source"] == "api"
    assert mem["metadata"] == {}
    assert mem["container_tag"] is None
    assert mem["type"] is None
    assert (mem["pinned"], mem["archived"], mem["is_latest"]) == (False, False, True)
    assert mem["expires_at"] is None
    assert mem["images"] == []
    assert TIMESTAMP.fullmatch(mem["created_at"])
    assert TIMESTAMP.fullmatch(mem["updated_at"])
    assert re.fullmatch(r"key_[0-9a-f]+", mem["created_by"]["id"])


def test_add_keeps_given_fields(api: Api) -> None:
    mem = api.add(
        "notes",
        "likes tea",
        importance=0.2,
        category="preference",
        source="sdk",
        metadata={"who": "alice", "n": [1, 2]},
        container_tag="user_42",
    )
    got = api.get(f"{C}/notes/memories/{mem['id']}").json
    assert got == mem
    assert got["importance"] == 0.2
    assert got["category"] == "preference"
    assert got["source"] == "sdk"
    assert got["metadata"] == {"who": "alice", "n": [1, 2]}
    assert got["container_tag"] == "user_42"


def test_unknown_body_fields_are_ignored(api: Api) -> None:
    reply = api.post(f"{C}/notes/memories", {"text": "x", "surprise": True})
    assert reply.status == 201
    assert "surprise" not in reply.json


def test_batch_creates_all_and_returns_ids(api: Api) -> None:
    reply = api.post(
        f"{C}/notes/memories/batch",
        {"memories": [{"text": "one"}, "two", {"text": "three", "category": "c"}]},
    )
    assert reply.status == 201
    assert reply.json["created"] == 3
    ids = reply.json["ids"]
    assert len(ids) == 3
    texts = {api.get(f"{C}/notes/memories/{i}").json["text"] for i in ids}
    assert texts == {"one", "two", "three"}


def test_batch_item_fields_override_call_defaults(api: Api) -> None:
    reply = api.post(
        f"{C}/notes/memories/batch",
        {
            "memories": [{"text": "a"}, {"text": "b", "category": "own"}],
            "category": "shared",
            "source": "sdk",
        },
    )
    first, second = (api.get(f"{C}/notes/memories/{i}").json for i in reply.json["ids"])
    assert (first["category"], first["source"]) == ("shared", "sdk")
    assert (second["category"], second["source"]) == ("own", "sdk")


def test_batch_is_all_or_nothing(api: Api) -> None:
    reply = api.post(f"{C}/notes/memories/batch", {"memories": [{"text": "fine"}, {"text": ""}]})
    assert reply.status == 422
    assert reply.json["detail"][0]["loc"] == ["body", "memories", 1, "text"]
    assert api.get(f"{C}/notes").status == 404


def test_list_is_pinned_first_then_newest_first(api: Api) -> None:
    ids = [api.add("notes", f"memory {i}")["id"] for i in range(5)]
    api.post(f"{C}/notes/memories/{ids[1]}/pin", {"pinned": True})
    listed = [m["id"] for m in api.get(f"{C}/notes/memories").json]
    assert listed == [ids[1], ids[4], ids[3], ids[2], ids[0]]


def test_list_pages_with_limit_and_offset(api: Api) -> None:
    ids = [api.add("notes", f"memory {i}")["id"] for i in range(7)]
    newest_first = ids[::-1]
    page1 = [m["id"] for m in api.get(f"{C}/notes/memories?limit=3").json]
    page2 = [m["id"] for m in api.get(f"{C}/notes/memories?limit=3&offset=3").json]
    page3 = [m["id"] for m in api.get(f"{C}/notes/memories?limit=3&offset=6").json]
    assert page1 + page2 + page3 == newest_first
    assert api.get(f"{C}/notes/memories?offset=50").json == []


def test_list_hides_archived_unless_asked(api: Api) -> None:
    keep = api.add("notes", "keep")
    gone = api.add("notes", "archived one")
    api.post(f"{C}/notes/memories/{gone['id']}/archive", {"archived": True})
    assert [m["id"] for m in api.get(f"{C}/notes/memories").json] == [keep["id"]]
    listed = api.get(f"{C}/notes/memories?include_archived=true").json
    assert {m["id"] for m in listed} == {keep["id"], gone["id"]}
    assert len(api.get(f"{C}/notes/memories?include_archived=false").json) == 1


def test_list_hides_superseded_memories_unless_asked(api: Api) -> None:
    api.post(f"{C}/notes/remember?sync=true", {"content": "I live in Berlin."})
    api.post(f"{C}/notes/remember?sync=true", {"content": "I live in Paris now."})
    current = api.get(f"{C}/notes/memories").json
    assert [m["text"] for m in current] == ["User lives in Paris"]
    everything = api.get(f"{C}/notes/memories?include_superseded=true").json
    assert [(m["text"], m["is_latest"]) for m in everything] == [
        ("User lives in Paris", True),
        ("User lives in Berlin", False),
    ]


def test_list_filters_by_container_tag(api: Api) -> None:
    ana = api.add("notes", "for ana", container_tag="ana")
    api.add("notes", "for bo", container_tag="bo")
    api.add("notes", "for nobody")
    assert [m["id"] for m in api.get(f"{C}/notes/memories?container_tag=ana").json] == [ana["id"]]
    assert api.get(f"{C}/notes/memories?container_tag=carl").json == []
    assert len(api.get(f"{C}/notes/memories").json) == 3


def test_list_checks_its_new_parameters(api: Api) -> None:
    reply = api.get(f"{C}/notes/memories?include_superseded=maybe&container_tag={'t' * 129}")
    assert reply.status == 422
    assert [(e["loc"], e["type"]) for e in reply.json["detail"]] == [
        (["query", "include_superseded"], "bool_parsing"),
        (["query", "container_tag"], "string_too_long"),
    ]


def test_list_of_missing_collection_is_empty(api: Api) -> None:
    reply = api.get(f"{C}/nope/memories")
    assert (reply.status, reply.json) == (200, [])
    assert api.get(f"{C}/nope").status == 404  # the collection itself is still not found


def test_get_missing_memory_is_404(api: Api) -> None:
    api.add("notes", "x")
    reply = api.get(f"{C}/notes/memories/mem_doesnotexist")
    assert reply.status == 404
    assert isinstance(reply.json["detail"], str)


def test_get_memory_through_the_wrong_collection_is_404(api: Api) -> None:
    mem = api.add("notes", "x")
    api.add("other", "y")
    assert api.get(f"{C}/other/memories/{mem['id']}").status == 404


def test_update_changes_only_given_fields(api: Api) -> None:
    mem = api.add("notes", "old text", importance=0.4, metadata={"a": 1}, category="c1")
    reply = api.put(f"{C}/notes/memories/{mem['id']}", {"importance": 0.9})
    assert reply.status == 200
    got = reply.json
    assert got["importance"] == 0.9
    assert (got["text"], got["category"], got["metadata"]) == ("old text", "c1", {"a": 1})
    got = api.put(f"{C}/notes/memories/{mem['id']}", {"metadata": {"b": 2}, "category": "c2"}).json
    assert (got["metadata"], got["category"], got["importance"]) == ({"b": 2}, "c2", 0.9)


def test_update_text_re_embeds_and_reindexes(api: Api) -> None:
    mem = api.add("notes", "the cat sat on the mat")
    api.put(f"{C}/notes/memories/{mem['id']}", {"text": "quarterly budget review"})
    for mode in ("text", "vector"):
        assert api.search("cat mat", mode=mode, min_score=0) == []
        hits = api.search("quarterly budget", mode=mode, min_score=0)
        assert [h["id"] for h in hits] == [mem["id"]]


def test_update_missing_memory_is_404(api: Api) -> None:
    api.add("notes", "x")
    assert api.put(f"{C}/notes/memories/mem_nope", {"text": "y"}).status == 404


def test_delete_memory(api: Api) -> None:
    mem = api.add("notes", "ephemeral")
    assert api.delete(f"{C}/notes/memories/{mem['id']}").status == 204
    assert api.get(f"{C}/notes/memories/{mem['id']}").status == 404
    assert api.delete(f"{C}/notes/memories/{mem['id']}").status == 404
    assert api.search("ephemeral", min_score=0) == []


def test_move_memory_creates_target_and_keeps_id(api: Api) -> None:
    mem = api.add("notes", "moving fact")
    reply = api.post(f"{C}/notes/memories/{mem['id']}/move", {"to_collection": "archive2"})
    assert reply.status == 200
    assert reply.json == {"moved": True, "id": mem["id"], "from": "notes", "to": "archive2"}
    assert api.get(f"{C}/notes/memories/{mem['id']}").status == 404
    moved = api.get(f"{C}/archive2/memories/{mem['id']}").json
    assert moved["collection"] == "archive2"
    assert [h["id"] for h in api.search("moving fact", "archive2")] == [mem["id"]]
    assert api.search("moving fact", "notes") == []


def test_move_missing_memory_is_404(api: Api) -> None:
    api.add("notes", "x")
    reply = api.post(f"{C}/notes/memories/mem_nope/move", {"to_collection": "b"})
    assert reply.status == 404


def test_pin_and_unpin(api: Api) -> None:
    mem = api.add("notes", "pin me")
    path = f"{C}/notes/memories/{mem['id']}/pin"
    assert api.post(path, {"pinned": True}).json["pinned"] is True
    assert api.post(path, {"pinned": False}).json["pinned"] is False
    assert api.post(path).json["pinned"] is True  # no body means pin
    assert api.post(f"{C}/notes/memories/mem_nope/pin", {}).status == 404


def test_archive_hides_from_search_and_unarchive_restores(api: Api) -> None:
    mem = api.add("notes", "archivable zebra")
    path = f"{C}/notes/memories/{mem['id']}/archive"
    assert api.post(path, {"archived": True}).json["archived"] is True
    assert api.search("zebra", min_score=0) == []
    assert api.post(path, {"archived": False}).json["archived"] is False
    assert [h["id"] for h in api.search("zebra")] == [mem["id"]]
    assert api.post(f"{C}/notes/memories/mem_nope/archive", {}).status == 404


def test_memory_ids_are_global_not_per_collection(server: LocalServer, api: Api) -> None:
    a = api.add("one", "x")
    b = api.add("two", "x")
    assert a["id"] != b["id"]
