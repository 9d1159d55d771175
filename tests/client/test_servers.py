"""Self-tests for the loopback test infrastructure in ``servers.py`` (plain stdlib clients)."""

from __future__ import annotations

import base64
import gzip
import http.client
import json
import socket
import ssl
import threading
import time

import pytest

from .servers import (
    Drop,
    ForwardProxy,
    Raw,
    Recorded,
    Reply,
    ScriptedServer,
    Stall,
    TLSMaterial,
    Truncated,
)

TIMEOUT = 5.0


def _conn(srv: ScriptedServer | ForwardProxy) -> http.client.HTTPConnection:
    return http.client.HTTPConnection("127.0.0.1", srv.port, timeout=TIMEOUT)


def _get(
    conn: http.client.HTTPConnection, path: str = "/", **headers: str
) -> tuple[int, bytes, http.client.HTTPResponse]:
    conn.request("GET", path, headers=headers)
    resp = conn.getresponse()
    return resp.status, resp.read(), resp


def test_script_fifo_then_default(server: ScriptedServer) -> None:
    server.script(Reply(201, json={"n": 1}), Reply(500, body=b"boom"))
    assert server.url == f"http://127.0.0.1:{server.port}"
    conn = _conn(server)
    status, body, resp = _get(conn, "/a")
    assert (status, json.loads(body)) == (201, {"n": 1})
    assert resp.getheader("Content-Type") == "application/json"
    status, body, _ = _get(conn, "/b")
    assert (status, body) == (500, b"boom")
    status, body, _ = _get(conn, "/c")
    assert (status, json.loads(body)) == (200, {})
    server.set_default(Reply(404, json={"error": "nope"}))
    assert _get(conn, "/d")[0] == 404
    assert [r.path for r in server.requests] == ["/a", "/b", "/c", "/d"]
    assert server.pending == 0
    conn.close()


def test_keep_alive_and_conn_ids(server: ScriptedServer) -> None:
    c1 = _conn(server)
    _get(c1, "/1")
    _get(c1, "/2")
    assert server.connections == 1
    c2 = _conn(server)
    _get(c2, "/3")
    _get(c2, "/4", Connection="close")  # honoured: server closes after the reply
    _get(c2, "/5")  # http.client reconnects transparently
    assert [r.conn_id for r in server.requests] == [1, 1, 2, 2, 3]
    assert server.connections == 3
    c1.close()
    c2.close()


def test_recorded_request(server: ScriptedServer) -> None:
    conn = _conn(server)
    conn.request(
        "POST",
        "/v1/memories/a%2Fb?x=1&x=2&empty=",
        body=json.dumps({"k": "v"}).encode(),
        headers={"Content-Type": "application/json", "X-Api-Key": "secret"},
    )
    conn.getresponse().read()
    conn.request("PUT", "/chunked", body=iter([b"hel", b"lo"]), encode_chunked=True)
    conn.getresponse().read()
    first, second = server.wait_for_requests(2)
    assert isinstance(first, Recorded)
    assert first.method == "POST"
    assert first.path == "/v1/memories/a%2Fb"
    assert first.query == {"x": ["1", "2"], "empty": [""]}
    assert first.headers.get("x-api-key") == "secret"
    assert first.headers["CONTENT-TYPE"] == "application/json"
    assert first.json() == {"k": "v"}
    assert second.body == b"hello"
    conn.close()


def test_drop_gives_remote_disconnected(server: ScriptedServer) -> None:
    server.script(Drop())
    conn = _conn(server)
    conn.request("POST", "/x", body=b"payload")
    with pytest.raises(http.client.RemoteDisconnected):
        conn.getresponse()
    assert server.requests[0].body == b"payload"
    conn.close()


def test_gzip_close_and_204(server: ScriptedServer) -> None:
    server.script(
        Reply(json={"big": "x" * 1000}, gzip=True, headers={"X-Extra": "1"}),
        Reply(204),
        Reply(200, body=b"bye", close=True),
    )
    conn = _conn(server)
    status, body, resp = _get(conn)
    assert resp.getheader("Content-Encoding") == "gzip"
    assert resp.getheader("X-Extra") == "1"
    assert int(resp.getheader("Content-Length") or -1) == len(body) < 1000
    assert json.loads(gzip.decompress(body)) == {"big": "x" * 1000}
    status, body, resp = _get(conn)
    assert (status, body, resp.getheader("Content-Length")) == (204, b"", None)
    status, body, resp = _get(conn)
    assert (body, resp.getheader("Connection")) == (b"bye", "close")
    assert resp.will_close
    conn.close()


def test_truncated_and_raw(server: ScriptedServer) -> None:
    server.script(
        Truncated(declared_length=50, body=b'{"a":'),
        Raw(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", close=False),
        Raw(b"garbage\r\n"),
    )
    conn = _conn(server)
    conn.request("GET", "/")
    resp = conn.getresponse()
    with pytest.raises(http.client.IncompleteRead) as info:
        resp.read()
    assert info.value.partial == b'{"a":'
    conn.close()
    assert _get(conn)[1] == b"ok"
    conn.request("GET", "/")
    with pytest.raises(http.client.BadStatusLine):
        conn.getresponse()
    conn.close()


def test_stall(server: ScriptedServer) -> None:
    server.script(Stall(0.2, then=Reply(json={"late": True})), Stall(5))
    conn = _conn(server)
    start = time.monotonic()
    _, body, _ = _get(conn)
    assert 0.2 <= time.monotonic() - start < 2
    assert json.loads(body) == {"late": True}
    slow = http.client.HTTPConnection("127.0.0.1", server.port, timeout=0.2)
    slow.request("GET", "/")
    with pytest.raises(socket.timeout):  # TimeoutError on 3.10+
        slow.getresponse()
    slow.close()
    conn.close()


def test_callable_action(server: ScriptedServer) -> None:
    server.set_default(lambda rec: Reply(json={"echo": rec.path, "conn": rec.conn_id}))
    conn = _conn(server)
    assert json.loads(_get(conn, "/hello")[1]) == {"echo": "/hello", "conn": 1}
    conn.close()


def test_close_idle_connections(server: ScriptedServer) -> None:
    conn = _conn(server)
    _get(conn, "/1")
    assert server.close_idle_connections() == 1
    conn.request("GET", "/2")  # sending may or may not fail yet...
    with pytest.raises((http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError)):
        conn.getresponse()  # ... but there is never a response
    conn.close()
    assert _get(conn, "/3")[0] == 200  # a fresh connection is fine
    assert [r.path for r in server.requests] == ["/1", "/3"]
    assert server.connections == 2
    conn.close()


def test_shutdown_is_fast_with_stalled_and_idle_connections() -> None:
    srv = ScriptedServer().start()
    # Two connections race, so pick the action by path rather than by FIFO position.
    srv.set_default(lambda rec: Stall(30) if rec.path == "/stall" else Reply(json={}))
    stalled = _conn(srv)
    stalled.request("GET", "/stall")
    idle = _conn(srv)
    _get(idle)
    srv.wait_for_requests(2)
    start = time.monotonic()
    srv.close()
    assert time.monotonic() - start < 1.0
    with pytest.raises((http.client.RemoteDisconnected, ConnectionError)):
        stalled.getresponse()
    stalled.close()
    idle.close()
    assert not srv.errors


def test_concurrent_requests(server: ScriptedServer) -> None:
    server.set_default(Stall(0.2, then=Reply(json={})))
    results: list[int] = []

    def worker() -> None:
        c = _conn(server)
        results.append(_get(c)[0])
        c.close()

    threads = [threading.Thread(target=worker) for _ in range(5)]
    start = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [200] * 5
    assert time.monotonic() - start < 1.0  # served in parallel
    assert server.connections == 5


# -- TLS -------------------------------------------------------------------------------------


def test_tls_verified_with_ca(tls_server: ScriptedServer, tls_material: TLSMaterial) -> None:
    assert tls_server.url == f"https://localhost:{tls_server.port}"
    tls_server.script(Reply(json={"secure": True}))
    ctx = ssl.create_default_context(cafile=str(tls_material.ca_file))
    for host in ("localhost", "127.0.0.1"):
        conn = http.client.HTTPSConnection(host, tls_server.port, context=ctx, timeout=TIMEOUT)
        assert _get(conn)[0] == 200
        conn.close()
    assert tls_server.requests[0].method == "GET"


def test_tls_fails_without_ca(tls_server: ScriptedServer) -> None:
    conn = http.client.HTTPSConnection(
        "localhost", tls_server.port, context=ssl.create_default_context(), timeout=TIMEOUT
    )
    with pytest.raises(ssl.SSLCertVerificationError):
        conn.request("GET", "/")
    conn.close()
    assert tls_server.requests == []


def test_tls_keep_alive_and_close_idle(
    tls_server: ScriptedServer, tls_material: TLSMaterial
) -> None:
    conn = http.client.HTTPSConnection(
        "localhost", tls_server.port, context=tls_material.client_context(), timeout=TIMEOUT
    )
    _get(conn)
    _get(conn)
    assert tls_server.connections == 1
    assert tls_server.close_idle_connections() == 1
    with pytest.raises((http.client.RemoteDisconnected, ConnectionError, ssl.SSLError)):
        _get(conn)
    conn.close()


# -- proxy -----------------------------------------------------------------------------------


def test_connect_tunnel_to_tls_server(
    proxy: ForwardProxy, tls_server: ScriptedServer, tls_material: TLSMaterial
) -> None:
    tls_server.script(Reply(json={"via": "tunnel"}))
    conn = http.client.HTTPSConnection(
        "127.0.0.1", proxy.port, context=tls_material.client_context(), timeout=TIMEOUT
    )
    conn.set_tunnel("localhost", tls_server.port)
    status, body, _ = _get(conn, "/through?q=1")
    assert (status, json.loads(body)) == (200, {"via": "tunnel"})
    _get(conn, "/again")  # same tunnel, same upstream connection
    conn.close()
    assert [(r.method, r.target) for r in proxy.requests] == [
        ("CONNECT", f"localhost:{tls_server.port}")
    ]
    assert [(r.path, r.conn_id) for r in tls_server.requests] == [("/through", 1), ("/again", 1)]


def test_absolute_form_forwarding(proxy: ForwardProxy, server: ScriptedServer) -> None:
    server.script(
        Reply(201, json={"ok": 1}, headers={"X-Up": "yes"}, gzip=True), Reply(204), Drop()
    )
    conn = _conn(proxy)
    conn.request(
        "POST",
        f"{server.url}/v1/things?a=b",
        body=b'{"x":1}',
        headers={"Content-Type": "application/json", "Proxy-Connection": "keep-alive"},
    )
    resp = conn.getresponse()
    assert resp.status == 201
    assert resp.getheader("X-Up") == "yes"
    assert json.loads(gzip.decompress(resp.read())) == {"ok": 1}
    status, body, _ = _get(conn, f"{server.url}/empty")  # keep-alive to the proxy
    assert (status, body) == (204, b"")
    assert _get(conn, f"{server.url}/dropped")[0] == 502
    conn.close()
    rec = server.requests[0]
    assert (rec.method, rec.path, rec.query, rec.body) == (
        "POST",
        "/v1/things",
        {"a": ["b"]},
        b'{"x":1}',
    )
    assert rec.headers.get("Host") == f"127.0.0.1:{server.port}"
    assert "Proxy-Connection" not in rec.headers
    assert [(r.method, r.target, r.conn_id) for r in proxy.requests] == [
        ("POST", f"{server.url}/v1/things?a=b", 1),
        ("GET", f"{server.url}/empty", 1),
        ("GET", f"{server.url}/dropped", 1),
    ]


def test_proxy_refuses_non_loopback(proxy: ForwardProxy) -> None:
    conn = _conn(proxy)
    assert _get(conn, "http://example.com/")[0] == 403
    conn.close()
    conn = _conn(proxy)
    conn.request("CONNECT", "example.com:443")
    assert conn.getresponse().status == 403
    conn.close()


def test_proxy_auth(server: ScriptedServer) -> None:
    with ForwardProxy(auth=("user", "pw")) as prx:
        conn = _conn(prx)
        status, _, resp = _get(conn, f"{server.url}/")
        assert status == 407
        assert resp.getheader("Proxy-Authenticate", "").startswith("Basic")
        conn.close()
        token = base64.b64encode(b"user:pw").decode()
        status, _, _ = _get(conn, f"{server.url}/", **{"Proxy-Authorization": f"Basic {token}"})
        assert status == 200
        conn.close()
        assert not prx.errors
