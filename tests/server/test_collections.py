"""Collection routes: list, create, get, update, delete, auto-create."""

from __future__ import annotations

from .server_api import Api, C


def test_create_collection_is_201_with_collection_shape(api: Api) -> None:
    reply = api.post(C, {"name": "work", "description": "job stuff", "metadata": {"a": 1}})
    assert reply.status == 201
    body = reply.json
    assert body["name"] == "work"
    assert body["description"] == "job stuff"
    assert body["metadata"] == {"a": 1}
    assert body["memory_count"] == 0
    assert body["created_at"].endswith("Z")


def test_create_existing_collection_is_409(api: Api) -> None:
    assert api.post(C, {"name": "work"}).status == 201
    reply = api.post(C, {"name": "work"})
    assert reply.status == 409
    assert isinstance(reply.json["detail"], str)


def test_list_collections(api: Api) -> None:
    api.post(C, {"name": "b"})
    api.add("a", "auto-created")
    listed = api.get(C).json
    assert [c["name"] for c in listed] == ["a", "b"]
    assert listed[0]["memory_count"] == 1


def test_get_collection_and_404(api: Api) -> None:
    api.post(C, {"name": "work"})
    assert api.get(f"{C}/work").json["name"] == "work"
    reply = api.get(f"{C}/nope")
    assert reply.status == 404
    assert "nope" in reply.json["detail"]


def test_update_collection_changes_only_given_fields(api: Api) -> None:
    api.post(C, {"name": "work", "description": "d1", "metadata": {"x": 1}})
    reply = api.put(f"{C}/work", {"metadata": {"y": 2}})
    assert reply.status == 200
    assert reply.json["description"] == "d1"
    assert reply.json["metadata"] == {"y": 2}
    reply = api.put(f"{C}/work", {"description": "d2"})
    assert reply.json["description"] == "d2"
    assert reply.json["metadata"] == {"y": 2}


def test_update_missing_collection_is_404(api: Api) -> None:
    assert api.put(f"{C}/nope", {"description": "x"}).status == 404


def test_delete_collection_removes_its_memories(api: Api) -> None:
    mem = api.add("work", "to be removed with its collection")
    assert api.delete(f"{C}/work").status == 204
    assert api.get(f"{C}/work").status == 404
    assert api.get(f"{C}/work/memories/{mem['id']}").status == 404
    assert api.search("removed", None, min_score=0) == []
    assert api.delete(f"{C}/work").status == 404


def test_memory_write_auto_creates_collection(api: Api) -> None:
    assert api.get(f"{C}/fresh").status == 404
    api.add("fresh", "hello")
    assert api.get(f"{C}/fresh").json["memory_count"] == 1


def test_update_collection_validates_its_body(api: Api) -> None:
    api.post(C, {"name": "work"})
    reply = api.put(f"{C}/work", {"metadata": [1], "description": 5})
    assert reply.status == 422
    assert {tuple(e["loc"]) for e in reply.json["detail"]} == {
        ("body", "metadata"),
        ("body", "description"),
    }
