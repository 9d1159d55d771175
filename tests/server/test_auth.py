"""Keys, roles and tenant isolation."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from longmem.server import LocalServer
from longmem.server.routes import PUBLIC, READ, ROUTES, WRITE, Route

from .conftest import ADMIN_KEY, READ_ONLY_KEY
from .server_api import Api, C


def test_missing_key_is_401(api: Api) -> None:
    reply = api.get(C, key=None)
    assert reply.status == 401
    assert reply.header("WWW-Authenticate") == "Bearer"
    assert isinstance(reply.json["detail"], str)


def test_unknown_key_is_401(api: Api) -> None:
    assert api.get(C, key="lm_not_a_key").status == 401


def test_non_bearer_scheme_is_401(api: Api) -> None:
    reply = api.get(C, key=None, headers={"Authorization": f"Basic {api.key}"})
    assert reply.status == 401


def test_keys_are_stored_hashed(server: LocalServer) -> None:
    with server.store.read() as conn:
        stored = [row[0] for row in conn.execute("SELECT key_hash FROM api_keys")]
    assert server.api_key not in stored
    assert all(len(h) == 64 for h in stored)


def test_read_only_key_can_read_and_search(api: Api) -> None:
    api.add("notes", "shared fact")
    ro = api.with_key(READ_ONLY_KEY)
    assert ro.get(C).status == 200
    assert ro.get(f"{C}/notes/memories").status == 200
    assert ro.post(f"{C}/notes/search", {"query": "fact"}).status == 200
    assert ro.post("/v1/memory/search", {"query": "fact"}).status == 200
    assert ro.get("/v1/memory/admin/export").status == 200


def test_read_only_key_gets_403_on_every_write(api: Api) -> None:
    mem = api.add("notes", "shared fact")
    m = f"{C}/notes/memories/{mem['id']}"
    ro = api.with_key(READ_ONLY_KEY)
    for method, path, body in [
        ("POST", C, {"name": "new"}),
        ("PUT", f"{C}/notes", {"description": "x"}),
        ("DELETE", f"{C}/notes", None),
        ("POST", f"{C}/notes/memories", {"text": "x"}),
        ("POST", f"{C}/notes/memories/batch", {"memories": ["x"]}),
        ("PUT", m, {"text": "y"}),
        ("DELETE", m, None),
        ("POST", m + "/move", {"to_collection": "other"}),
        ("POST", m + "/pin", {"pinned": True}),
        ("POST", m + "/archive", {"archived": True}),
        ("POST", "/v1/memory/admin/import", {"memories": [{"text": "x"}]}),
        ("POST", f"{C}/notes/remember", {"content": "x"}),
    ]:
        reply = ro.call(method, path, body)
        assert reply.status == 403, (method, path, reply.raw)
    assert api.get(m).json["text"] == "shared fact"


def test_admin_routes_need_an_admin_key(api: Api) -> None:
    admin = api.with_key(ADMIN_KEY)
    for path in (
        "/v1/memory/admin/connectors/health",
        "/v1/memory/admin/connectors/status",
        "/v1/memory/admin/memory-health",
    ):
        assert api.get(path).status == 403
        assert api.with_key(READ_ONLY_KEY).get(path).status == 403
        assert admin.get(path).status == 200


def test_admin_key_can_write(api: Api) -> None:
    admin = api.with_key(ADMIN_KEY)
    assert admin.post(f"{C}/notes/memories", {"text": "by admin"}).status == 201


def test_created_by_names_the_writing_key(server: LocalServer, api: Api) -> None:
    mem = api.add("notes", "mine")
    assert mem["created_by"]["id"].startswith("key_")
    assert mem["created_by"]["label"] == "default"
    admin_mem = api.with_key(ADMIN_KEY).add("notes", "admin's")
    assert admin_mem["created_by"]["label"] == "admin"
    assert admin_mem["created_by"]["id"] != mem["created_by"]["id"]


def test_other_tenant_sees_nothing(server: LocalServer, api: Api) -> None:
    mem = api.add("notes", "tenant A secret about pineapples", metadata={"k": "v"})
    other = api.with_key(server.add_tenant_key())
    m = f"{C}/notes/memories/{mem['id']}"
    assert other.get(C).json == []
    assert other.get(f"{C}/notes").status == 404
    assert other.get(f"{C}/notes/memories").json == []  # as a collection of its own, empty
    assert other.get(m).status == 404
    assert other.put(m, {"text": "hijack"}).status == 404
    assert other.delete(m).status == 404
    assert other.post(m + "/pin", {}).status == 404
    assert other.post(m + "/archive", {}).status == 404
    assert other.post(m + "/move", {"to_collection": "mine"}).status == 404
    assert other.get(m + "/related").status == 404
    assert other.post(f"{C}/notes/search", {"query": "pineapples"}).json == {"results": []}
    for mode in ("hybrid", "text", "vector"):
        hits = other.search("pineapples", None, mode=mode, min_score=0)
        assert hits == []
    export = other.get("/v1/memory/admin/export").json
    assert export["memories"] == [] and export["collections"] == []
    assert api.get(m).json["text"] == mem["text"]


def test_same_collection_name_in_two_tenants_is_two_collections(
    server: LocalServer, api: Api
) -> None:
    other = api.with_key(server.add_tenant_key())
    api.add("notes", "apples from A")
    other.add("notes", "apples from B")
    assert [h["text"] for h in api.search("apples")] == ["apples from A"]
    assert [h["text"] for h in other.search("apples")] == ["apples from B"]
    assert other.delete(f"{C}/notes").status == 204
    assert api.get(f"{C}/notes").json["memory_count"] == 1


def test_read_only_key_of_a_second_tenant(server: LocalServer, api: Api) -> None:
    tenant = "team_b"
    writer = api.with_key(server.add_tenant_key(tenant))
    reader = api.with_key(server.add_tenant_key(tenant, role="read"))
    writer.add("notes", "team b note")
    assert len(reader.get(f"{C}/notes/memories").json) == 1
    assert reader.post(f"{C}/notes/memories", {"text": "x"}).status == 403


def test_tenant_keys_are_stored_hashed_and_see_only_their_tenant() -> None:
    with LocalServer(
        api_key="lm_default",
        tenant_keys={"alice": "lm_alice"},
        tenant_read_only_keys={"alice": "lm_alice_ro"},
    ) as server:
        alice = Api(server, "lm_alice")
        alice.add("notes", "alice's note")
        assert len(alice.with_key("lm_alice_ro").get(f"{C}/notes/memories").json) == 1
        assert alice.with_key("lm_default").get(f"{C}/notes").status == 404
        assert server.tenant_of("lm_alice") == server.tenant_of("lm_alice_ro") == "alice"
        with server.store.read() as conn:
            stored = [row[0] for row in conn.execute("SELECT key_hash FROM api_keys")]
        assert len(stored) == 3 and not {"lm_alice", "lm_alice_ro"} & set(stored)
        alice.close()


def test_add_tenant_key_makes_a_tenant_that_tenant_of_names(server: LocalServer) -> None:
    made = server.add_tenant_key()
    tenant = server.tenant_of(made)
    assert tenant is not None and tenant.startswith("tenant_")
    assert server.tenant_of(server.add_tenant_key(tenant, role="read")) == tenant
    assert server.tenant_of("lm_not_a_key") is None


@pytest.mark.parametrize(
    ("given", "said"),
    [
        ({"tenant_keys": {"alice": ""}}, "key of tenant 'alice'"),
        ({"tenant_keys": {"*": "lm_x"}}, "not a tenant name"),
        ({"tenant_read_only_keys": ["alice", "lm_x"]}, "must map a tenant to a key"),
        ({"api_key": "lm_x", "tenant_keys": {"alice": "lm_x"}}, "same key"),
    ],
)
def test_bad_tenant_keys_are_refused_before_start(given: dict[str, Any], said: str) -> None:
    with pytest.raises((ValueError, TypeError), match=said):
        LocalServer(**given)


@pytest.mark.parametrize(
    ("given", "said"),
    [
        ({"tenant_keys": {"bob": "lm_kept"}}, "write key of tenant 'default'"),
        (
            {"api_key": "lm_other", "read_only_key": "lm_kept"},
            "read key given for tenant 'default'",
        ),
        ({"api_key": "lm_other", "admin_key": "lm_kept"}, "admin key given"),
    ],
)
def test_a_key_stored_for_another_tenant_or_role_is_refused_and_kept(
    tmp_path: Path, given: dict[str, Any], said: str
) -> None:
    db = str(tmp_path / "keys.db")
    with LocalServer(db_path=db, api_key="lm_kept") as first:
        Api(first, "lm_kept").add("notes", "default's note")
    with pytest.raises(ValueError, match=said) as refused:
        LocalServer(db_path=db, **given).start()
    assert "lm_kept" not in str(refused.value)
    # The key still opens the default tenant, with its write role, and nothing else moved.
    with LocalServer(db_path=db) as again:
        assert again.tenant_of("lm_kept") == "default"
        api = Api(again, "lm_kept")
        assert api.post(f"{C}/notes/memories", {"text": "still writes"}).status == 201
        assert len(api.get(f"{C}/notes/memories").json) == 2
        assert again.tenant_of("lm_other") is None


def _route_id(route: Route) -> str:
    return f"{route.method} {route.pattern}"


def _concrete(pattern: str) -> str:
    return (
        pattern.replace("{collection}", "notes")
        .replace("{memory_id}", "mem_0")
        .replace("{id}", "x_0")
    )


@pytest.mark.parametrize("route", [r for r in ROUTES if r.access != PUBLIC], ids=_route_id)
def test_every_keyed_route_is_401_without_a_key(api: Api, route: Route) -> None:
    reply = api.call(route.method, _concrete(route.pattern), {} if route.body else None, key=None)
    assert reply.status == 401


@pytest.mark.parametrize("route", [r for r in ROUTES if r.access == WRITE], ids=_route_id)
def test_every_write_route_is_403_for_a_read_only_key(api: Api, route: Route) -> None:
    reply = api.with_key(READ_ONLY_KEY).call(
        route.method, _concrete(route.pattern), {} if route.body else None
    )
    assert reply.status == 403


@pytest.mark.parametrize("route", [r for r in ROUTES if r.access == READ], ids=_route_id)
def test_every_read_route_is_open_to_a_read_only_key(api: Api, route: Route) -> None:
    reply = api.with_key(READ_ONLY_KEY).call(
        route.method, _concrete(route.pattern), {"query": "x"} if route.body else None
    )
    assert reply.status not in (401, 403)
