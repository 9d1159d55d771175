"""The server as a process: CLI output, SIGTERM, SIGKILL durability, concurrent writers."""

from __future__ import annotations

import http.client
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from longmem.server import LocalServer

from .server_api import REPO, Api, C, ServerProcess


def test_cli_prints_url_line_and_generated_key_once(tmp_path: Path) -> None:
    db = str(tmp_path / "cli.db")
    first = ServerProcess("serve", "--port", "0", "--db", db)
    url_lines = [line for line in first.lines if "http://" in line]
    assert len(url_lines) == 1
    keys = re.findall(r"\blm_[0-9a-f]{48}\b", "".join(first.lines))
    assert len(keys) == 1
    api = first.api(keys[0])
    assert api.post(f"{C}/notes/memories", {"text": "via cli"}).status == 201
    api.close()
    code, out = first.finish(signal.SIGTERM)
    assert code == 0
    assert "stopped" in out

    second = ServerProcess("--port", "0", "--db", db)
    assert not re.search(r"\blm_[0-9a-f]{48}\b", "".join(second.lines))  # shown only once
    api = second.api(keys[0])
    assert len(api.get(f"{C}/notes/memories").json) == 1
    api.close()
    assert second.finish(signal.SIGINT)[0] == 0


def test_cli_reads_its_settings_from_the_environment(tmp_path: Path) -> None:
    env = {
        "LONGMEM_SERVER_PORT": "0",
        "LONGMEM_SERVER_DB": str(tmp_path / "env.db"),
        "LONGMEM_SERVER_API_KEY": "lm_from_env",
        "LONGMEM_SERVER_READ_ONLY_KEY": "lm_ro_env",
        "LONGMEM_SERVER_RATE_LIMIT": "2",
    }
    proc = ServerProcess(env=env)
    assert not re.search(r"generated", "".join(proc.lines))
    api = proc.api("lm_from_env")
    first = api.get(C)
    # The limit read from the environment, as an answer reports it in any window.
    assert first.status == 200
    assert (first.header("RateLimit-Limit"), first.header("RateLimit-Remaining")) == ("2", "1")
    assert api.with_key("lm_ro_env").post(C, {"name": "x"}).status == 403
    # Windows are clock minutes: a boundary between two requests starts the count again
    # (a third request once got 200). Five more in well under a minute cross at most one,
    # so at most 1 + 2 of them fit the limit of 2, and at least 2 are refused.
    statuses = [api.get(C).status for _ in range(5)]
    assert set(statuses) <= {200, 429} and statuses.count(429) >= 2
    api.close()
    assert (tmp_path / "env.db").exists()
    assert proc.finish(signal.SIGTERM)[0] == 0


def test_cli_refuses_non_loopback_without_a_key(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "longmem.server", "--host", "0.0.0.0", "--port", "0"],
        cwd=str(REPO),
        env={**os.environ, "PYTHONPATH": str(REPO), "LONGMEM_SERVER_DB": str(tmp_path / "x.db")},
        capture_output=True,
        text=True,
        timeout=20,
    )
    assert result.returncode == 2
    assert "refusing" in result.stderr
    assert not (tmp_path / "x.db").exists()


def test_local_server_refuses_non_loopback_without_a_key() -> None:
    try:
        LocalServer(host="0.0.0.0")
    except ValueError as err:
        assert "non-loopback" in str(err)
    else:
        raise AssertionError("expected ValueError")


def test_sigkill_loses_no_acknowledged_write(tmp_path: Path) -> None:
    db = str(tmp_path / "kill.db")
    key = "lm_durable"
    proc = ServerProcess("--port", "0", "--db", db, "--api-key", key)
    api = proc.api(key)
    acknowledged = []
    for i in range(40):
        reply = api.post(f"{C}/notes/memories", {"text": f"durable fact {i}"})
        assert reply.status == 201
        acknowledged.append(reply.json["id"])
    batch = api.post(f"{C}/notes/memories/batch", {"memories": [f"batch {i}" for i in range(50)]})
    assert batch.status == 201
    acknowledged += batch.json["ids"]
    api.close()
    proc.proc.kill()  # SIGKILL: no shutdown code runs
    proc.proc.wait(timeout=10)

    again = ServerProcess("--port", "0", "--db", db, "--api-key", key)
    api = again.api(key)
    stored = api.get(f"{C}/notes/memories?limit=200").json
    assert {m["id"] for m in stored} == set(acknowledged)
    assert api.post(f"{C}/notes/search", {"query": "durable fact 7"}).json["results"]
    api.close()
    again.finish(signal.SIGTERM)


def test_sigkill_under_concurrent_writers_loses_no_acknowledged_write(tmp_path: Path) -> None:
    # Concurrent writers share group commits: each answer must still mean "on disk".
    db = str(tmp_path / "group.db")
    key = "lm_durable"
    proc = ServerProcess("--port", "0", "--db", db, "--api-key", key)
    acknowledged: list[str] = []
    failures: list[bytes] = []
    lock = threading.Lock()
    enough = threading.Event()

    def writer(n: int) -> None:
        api = proc.api(key)
        for i in range(2000):  # bounded; the kill ends it far sooner
            try:
                reply = api.post(f"{C}/notes/memories", {"text": f"writer {n} fact {i}"})
            except (http.client.HTTPException, OSError):
                break  # the kill landed
            if reply.status != 201:
                failures.append(reply.raw)
                break
            with lock:
                acknowledged.append(reply.json["id"])
                if len(acknowledged) >= 400:
                    enough.set()
        api.close()

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    assert enough.wait(60)
    proc.proc.kill()  # SIGKILL mid-stream: writes are queued, in flight and committing
    proc.proc.wait(timeout=10)
    for thread in threads:
        thread.join(30)
    assert failures == []

    again = ServerProcess("--port", "0", "--db", db, "--api-key", key)
    api = again.api(key)
    stored: set[str] = set()
    for offset in range(0, 16_000, 200):
        page = api.get(f"{C}/notes/memories?limit=200&offset={offset}").json
        stored |= {m["id"] for m in page}
        if len(page) < 200:
            break
    assert set(acknowledged) <= stored, len(set(acknowledged) - stored)
    assert len(stored) <= len(acknowledged) + 8  # at most each writer's unanswered write
    api.close()
    again.finish(signal.SIGTERM)


def test_eight_concurrent_writers_never_see_locked_database(server: LocalServer) -> None:
    errors: list[Any] = []
    ids: list[str] = []
    lock = threading.Lock()
    barrier = threading.Barrier(8)

    def writer(n: int) -> None:
        api = Api(server, server.api_key)
        barrier.wait()
        for i in range(25):
            if i % 5 == 0:
                reply = api.post(
                    f"{C}/c{n % 3}/memories/batch",
                    {"memories": [f"w{n} b{i} {j}" for j in range(10)]},
                )
                got = reply.json.get("ids", []) if reply.status == 201 else []
            else:
                reply = api.post(f"{C}/c{n % 3}/memories", {"text": f"writer {n} item {i}"})
                got = [reply.json["id"]] if reply.status == 201 else []
            with lock:
                if reply.status != 201:
                    errors.append((reply.status, reply.raw))
                ids.extend(got)
        api.close()

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(ids) == len(set(ids)) == 8 * (20 + 5 * 10)
    api = Api(server, server.api_key)
    total = sum(c["memory_count"] for c in api.get(C).json)
    assert total == len(ids)
    api.close()


def _serve_and_exit(db: Path) -> subprocess.CompletedProcess[str]:
    """A server on ``db`` that is expected to exit at once."""
    return subprocess.run(
        [sys.executable, "-m", "longmem.server", "--port", "0", "--db", str(db)],
        cwd=str(REPO),
        env={**os.environ, "PYTHONPATH": str(REPO)},
        capture_output=True,
        text=True,
        timeout=20,
    )


def test_cli_reports_an_unopenable_database(tmp_path: Path) -> None:
    result = _serve_and_exit(tmp_path / "no/x.db")
    assert result.returncode == 1
    assert "cannot open the database" in result.stderr


def test_a_second_server_on_one_database_file_is_refused(tmp_path: Path) -> None:
    # Two processes on one file would each search an index that never sees the other's
    # writes: the second is refused, saying how to share one file.
    db = tmp_path / "shared.db"
    first = ServerProcess("--port", "0", "--db", str(db), "--api-key", "k-one")
    try:
        second = _serve_and_exit(db)
        assert second.returncode == 1
        assert f"in use by another longmem process (pid {first.proc.pid})" in second.stderr
        assert "--base-url" in second.stderr
        assert first.api("k-one").get(f"{C}/notes/memories").status in (200, 404)
    finally:
        first.finish()
    # Once the first has ended (the system releases its lock however it ends), the file
    # opens again.
    again = ServerProcess("--port", "0", "--db", str(db), "--api-key", "k-one")
    again.finish(signal.SIGKILL)
    assert ServerProcess("--port", "0", "--db", str(db), "--api-key", "k-one").finish()[0] == 0


def test_temporary_database_is_removed_on_exit() -> None:
    with LocalServer() as srv:
        path = Path(srv.store.path)
        assert path.exists()
    assert not path.parent.exists()


def test_existing_database_keeps_its_keys_and_makes_none(tmp_path: Path) -> None:
    db = str(tmp_path / "keys.db")
    with LocalServer(db_path=db) as first:
        assert first.generated_key
        key = first.api_key
    with LocalServer(db_path=db) as second:
        assert not second.generated_key
        assert second.api_key is None
        api = Api(second, key)
        assert api.get(C).status == 200
        api.close()


def test_stop_ends_idle_keep_alive_connections() -> None:
    srv = LocalServer().start()
    api = Api(srv, srv.api_key)
    assert api.get(C).status == 200
    sock = api.conn.sock
    assert sock is not None
    srv.stop()
    sock.settimeout(5)
    assert sock.recv(1) == b""  # the server closed it
    api.close()


def _refused(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=5).close()
    except ConnectionRefusedError:
        return True
    except ConnectionResetError:  # queued as the listening socket closed: try again
        pass
    return False


def test_sigterm_answers_the_request_in_flight_before_exiting(tmp_path: Path) -> None:
    db = str(tmp_path / "drain.db")
    key = "lm_drain"
    proc = ServerProcess("--port", "0", "--db", db, "--api-key", key)
    body = json.dumps({"memories": ["first in flight", "second in flight"]}).encode()
    sock = socket.create_connection(("127.0.0.1", proc.port), timeout=10)
    head = (
        f"POST {C}/notes/memories/batch HTTP/1.1\r\nHost: x\r\n"
        f"Authorization: Bearer {key}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\nExpect: 100-continue\r\n\r\n"
    )
    sock.sendall(head.encode())
    # "100 Continue" means the server has read the request line and headers: in flight.
    assert sock.recv(1024).startswith(b"HTTP/1.1 100")
    proc.proc.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + 10
    while not _refused(proc.port):  # it stops taking connections first…
        assert time.monotonic() < deadline, "the server kept accepting connections"
    sock.sendall(body)  # …and still reads, stores and answers the request it had begun
    response = http.client.HTTPResponse(sock)
    response.begin()
    assert response.status == 201
    assert response.getheader("Connection") == "close"
    ids = json.loads(response.read())["ids"]
    sock.close()
    code, out = proc.wait()
    assert code == 0
    assert "answering 1 request(s) in flight" in out

    again = ServerProcess("--port", "0", "--db", db, "--api-key", key)
    api = again.api(key)
    assert sorted(m["id"] for m in api.get(f"{C}/notes/memories").json) == sorted(ids)
    api.close()
    again.finish(signal.SIGTERM)
