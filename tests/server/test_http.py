"""HTTP plumbing: status codes, headers, keep-alive, body limits, the OpenAPI document."""

from __future__ import annotations

import json
import socket

from longmem._protocol import BATCH_SIZE, MAX_METADATA_BYTES, MAX_REMEMBER_MESSAGES
from longmem.server import LocalServer
from longmem.server.context import PUBLIC, READ, Replay
from longmem.server.jsonbody import values_over
from longmem.server.routes import MAX_BATCH_BODY_VALUES, MAX_BODY_BYTES, MAX_BODY_VALUES, ROUTES

from .conftest import READ_ONLY_KEY
from .server_api import Api, C


def test_health_is_public_and_reports_version(api: Api) -> None:
    reply = api.get("/v1/memory/health", key=None)
    assert reply.status == 200
    assert reply.json["status"] == "ok"
    assert isinstance(reply.json["version"], str)


def test_every_response_carries_request_id_and_rate_limit_headers(api: Api) -> None:
    replies = [
        api.get("/v1/memory/health", key=None),
        api.get(f"{C}/missing"),
        api.get("/nope"),
        api.get(f"{C}", key=None),
        api.post(f"{C}/x/memories", {"text": ""}),
    ]
    ids = set()
    for reply in replies:
        assert reply.header("X-Request-Id")
        ids.add(reply.header("X-Request-Id"))
        for name in ("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"):
            assert reply.header(name) is not None, name
        assert int(reply.header("RateLimit-Reset") or 0) > 1_700_000_000  # absolute unix time
    assert len(ids) == len(replies)


def test_unknown_route_is_404_with_detail(api: Api) -> None:
    reply = api.get("/v1/memory/nothing-here")
    assert reply.status == 404
    assert isinstance(reply.json["detail"], str)


def test_wrong_method_is_405_with_allow_header(api: Api) -> None:
    reply = api.call("PATCH", f"{C}/notes")
    assert reply.status == 405
    assert reply.header("Allow") == "DELETE, GET, HEAD, PUT"


def test_malformed_json_is_400(api: Api) -> None:
    reply = api.post(f"{C}/notes/memories", raw=b"{not json")
    assert reply.status == 400
    assert "JSON" in reply.json["detail"]


def test_invalid_utf8_body_is_400(api: Api) -> None:
    assert api.post(f"{C}/notes/memories", raw=b'{"text": "\xff"}').status == 400


def test_non_object_body_is_422(api: Api) -> None:
    reply = api.post(f"{C}/notes/memories", [1, 2])
    assert reply.status == 422
    assert reply.json["detail"][0]["loc"] == ["body"]


def test_missing_body_is_422(api: Api) -> None:
    reply = api.post(f"{C}/notes/memories")
    assert reply.status == 422
    assert reply.json["detail"][0]["type"] == "missing"


def test_oversized_body_is_413_and_connection_closes(server: LocalServer) -> None:
    data = _raw_exchange(
        server,
        (
            f"POST {C}/notes/memories HTTP/1.1\r\nHost: x\r\n"
            f"Authorization: Bearer {server.api_key}\r\n"
            f"Content-Length: {MAX_BODY_BYTES + 1}\r\n\r\n"
        ).encode(),
    )
    assert data.startswith(b"HTTP/1.1 413")
    assert b"Connection: close" in data


def _packed_metadata() -> dict[str, list[list[int]]]:
    """The most values a metadata object may hold: empty arrays (two marks, "[" and ",",
    every three bytes), up to its size limit."""
    return {"n": [[] for _ in range((MAX_METADATA_BYTES - len('{"n":[]}') + 1) // 3)]}


def test_a_body_of_too_many_values_is_413_before_it_is_parsed(server: LocalServer) -> None:
    reader = Api(server, READ_ONLY_KEY)  # a read-only key is enough to send one
    # 2 MiB of empty arrays would take ~80 MB as objects: counted, not parsed.
    arrays = b",".join([b"[]"] * (MAX_BODY_VALUES // 2 + 1))
    reply = reader.post("/v1/memory/search", raw=b'{"query": "x", "pad": [' + arrays + b"]}")
    assert reply.status == 413
    assert reply.json["detail"] == f"Request body holds more than {MAX_BODY_VALUES} JSON values"
    # The same marks inside a string are text, not values: the route answers it (and
    # ignores a member it does not know).
    reply = reader.post("/v1/memory/search", {"query": "x", "pad": arrays.decode()})
    assert reply.status == 200, reply.raw
    reader.close()


def test_the_largest_valid_bodies_are_under_their_routes_bounds_of_values(api: Api) -> None:
    metadata = _packed_metadata()
    assert len(json.dumps(metadata, separators=(",", ":"))) <= MAX_METADATA_BYTES
    items = [{"text": f"fact {i}", "metadata": metadata} for i in range(BATCH_SIZE)]
    reply = api.post(f"{C}/notes/memories/batch", {"memories": items})
    assert reply.status == 201, reply.raw[:300]
    assert reply.json["created"] == BATCH_SIZE
    messages = [{"role": "user", "content": f"Note {i}."} for i in range(MAX_REMEMBER_MESSAGES)]
    body = {"messages": messages, "metadata": metadata}
    reply = api.post(f"{C}/notes/remember?sync=true", body)
    assert reply.status == 200, reply.raw[:300]
    # The batch holds more than 90% of its bound: the bound is not far above what is valid.
    batch = json.dumps({"memories": items}).encode()
    assert values_over(batch, int(0.9 * MAX_BATCH_BODY_VALUES))


def test_import_takes_a_body_larger_than_other_routes(server: LocalServer) -> None:
    body = b"x" * (MAX_BODY_BYTES + 1)  # over every other route's limit, under import's
    data = _raw_exchange(
        server,
        (
            "POST /v1/memory/admin/import HTTP/1.1\r\nHost: x\r\n"
            f"Authorization: Bearer {server.api_key}\r\nConnection: close\r\n"
            f"Content-Length: {len(body)}\r\n\r\n"
        ).encode()
        + body,
    )
    assert data.startswith(b"HTTP/1.1 400")  # read whole, then refused as not JSON
    assert b"Malformed JSON" in data


def test_the_route_table_declares_body_limits_and_replay() -> None:
    by_key = {(r.method, r.pattern): r for r in ROUTES}
    assert by_key[("POST", "/v1/memory/admin/import")].max_body > MAX_BODY_BYTES
    assert by_key[("POST", "/v1/memory/connections/{id}/sync")].idempotency is Replay.AROUND
    for route in ROUTES:
        if route.pattern != "/v1/memory/admin/import":
            assert route.max_body == MAX_BODY_BYTES, route.pattern
        batch = route.pattern.endswith("/memories/batch")
        assert route.max_values == (MAX_BATCH_BODY_VALUES if batch else MAX_BODY_VALUES)
        if route.method == "GET" or route.access in (PUBLIC, READ):
            assert route.idempotency is Replay.NEVER, route.pattern
        elif route.replay is None:
            assert route.idempotency is Replay.IN_TRANSACTION, route.pattern


def _raw_exchange(server: LocalServer, request: bytes) -> bytes:
    sock = socket.create_connection(("127.0.0.1", server.port), timeout=10)
    sock.sendall(request)
    data = b""
    while True:
        chunk = sock.recv(65536)
        if not chunk:
            break
        data += chunk
    sock.close()
    return data


def test_chunked_body_is_refused_with_411(server: LocalServer) -> None:
    data = _raw_exchange(
        server,
        (
            f"POST {C}/notes/memories HTTP/1.1\r\nHost: x\r\n"
            f"Authorization: Bearer {server.api_key}\r\n"
            'Transfer-Encoding: chunked\r\n\r\nd\r\n{"text": "x"}\r\n0\r\n\r\n'
        ).encode(),
    )
    assert data.startswith(b"HTTP/1.1 411")
    assert b"Connection: close" in data


def test_keep_alive_connection_is_reused_across_statuses(api: Api) -> None:
    api.get("/v1/memory/health")
    sock = api.conn.sock
    assert sock is not None
    api.add("notes", "first")
    mem = api.add("notes", "second")
    assert api.get(f"{C}/missing").status == 404
    assert api.post(f"{C}/notes/memories", {"text": ""}).status == 422
    assert api.delete(f"{C}/notes/memories/{mem['id']}").status == 204
    assert api.get(f"{C}/notes/memories").status == 200
    assert api.conn.sock is sock  # never reconnected


def test_204_has_zero_content_length(api: Api) -> None:
    mem = api.add("notes", "bye")
    reply = api.delete(f"{C}/notes/memories/{mem['id']}")
    assert reply.status == 204
    assert reply.header("Content-Length") == "0"
    assert reply.raw == b""


def test_percent_encoded_slash_stays_in_one_segment(api: Api) -> None:
    reply = api.get(f"{C}/a%2Fb")
    assert reply.status == 422  # the name "a/b" is invalid, but the route still matched
    assert reply.json["detail"][0]["loc"] == ["path", "collection"]


def test_bad_percent_encoding_is_400(api: Api) -> None:
    assert api.get(f"{C}/%ff%fe").status == 400


def test_openapi_is_public_and_lists_every_route(api: Api) -> None:
    reply = api.get("/openapi.json", key=None)
    assert reply.status == 200
    doc = reply.json
    assert doc["openapi"].startswith("3.")
    for route in ROUTES:
        op = doc["paths"][route.pattern][route.method.lower()]
        assert str(route.status) in op["responses"]
        if route.body:
            ref = op["requestBody"]["content"]["application/json"]["schema"]["$ref"]
            assert ref.rsplit("/", 1)[1] in doc["components"]["schemas"]
        for name in route.query:
            assert any(p["name"] == name and p["in"] == "query" for p in op["parameters"])
    json.dumps(doc)  # serialisable


def test_unknown_method_is_405(server: LocalServer) -> None:
    data = _raw_exchange(
        server, b"BREW /v1/memory/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    )
    assert data.startswith(b"HTTP/1.1 405")
    assert b"Allow: GET" in data


def test_oversized_headers_get_a_json_error_with_request_id(server: LocalServer) -> None:
    data = _raw_exchange(
        server, b"GET /v1/memory/health HTTP/1.1\r\nX-Big: " + b"a" * 70_000 + b"\r\n\r\n"
    )
    assert data.startswith(b"HTTP/1.1 431")
    assert b"X-Request-Id: req_" in data
    assert data.endswith(b"}")
