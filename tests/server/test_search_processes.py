"""Searches in processes of their own: they see every committed write, answer as the
serving process would, and failing or dying ones cost nothing but their time."""

from __future__ import annotations

import io
import logging
import os
import signal
import sqlite3
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Callable, Optional

import pytest

from longmem.server import LocalServer, cli, search_processes, vector_arm
from longmem.server.cli import _search_cpus, _search_processes
from longmem.server.db import DEFAULT_TENANT, ROLE_WRITE, NewMemory, Store
from longmem.server.model_endpoints import ModelEmbedder, ModelEndpoint
from longmem.server.search import SearchEngine, SearchRequest
from longmem.server.search_processes import SearchProcesses, _receive, _SearchProcess, _send

from .server_api import Api, C, ServerProcess

NOTES = f"{C}/notes"


def _until(done: Callable[[], bool], seconds: float = 20.0) -> None:
    deadline = time.monotonic() + seconds
    while not done():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def _searchers(server: LocalServer) -> SearchProcesses:
    found = server._searchers
    assert found is not None
    return found


@pytest.fixture
def two(tmp_path: Path) -> Iterator[LocalServer]:
    with LocalServer(db_path=str(tmp_path / "s.db"), search_processes=2) as srv:
        _until(lambda: _searchers(srv).running == 2)
        yield srv


def _texts(api: Api, query: str, **body: object) -> list[str]:
    reply = api.post(f"{NOTES}/search", {"query": query, **body})
    assert reply.status == 200, reply.json
    return [hit["text"] for hit in reply.json["results"]]


def test_a_search_process_sees_every_write_committed_before_the_search(
    two: LocalServer,
) -> None:
    api = Api(two, two.api_key)
    engine = _searchers(two).engine
    local = engine.search
    ran_here: list[str] = []

    def counted(tenant_id: str, req: SearchRequest) -> list[dict[str, object]]:
        ran_here.append(req.query)
        return local(tenant_id, req)

    engine.search = counted  # type: ignore[method-assign]
    first = api.post(f"{NOTES}/memories", {"text": "The glacier trip is booked for June"})
    assert first.status == 201
    assert _texts(api, "glacier trip") == ["The glacier trip is booked for June"]
    mid = first.json["id"]
    assert api.put(f"{NOTES}/memories/{mid}", {"text": "The volcano hike is in July"}).status == 200
    assert _texts(api, "volcano hike") == ["The volcano hike is in July"]
    assert _texts(api, "glacier trip", mode="text") == []
    second = api.post(f"{NOTES}/memories", {"text": "Pack the crampons for the glacier"})
    assert _texts(api, "crampons glacier", mode="text") == ["Pack the crampons for the glacier"]
    assert api.delete(f"{NOTES}/memories/{second.json['id']}").status == 204
    assert _texts(api, "crampons glacier", mode="text") == []
    # Every one of those searches was answered by a search process.
    assert ran_here == []
    api.close()


def test_search_processes_answer_what_the_server_would(two: LocalServer) -> None:
    api = Api(two, two.api_key)
    facts = [
        "I live in Berlin.",
        "I moved to Lisbon last month.",
        "My daughter Mia is 7 and allergic to peanuts.",
        "I started a new job as a data analyst.",
        "I'm vegetarian now.",
    ]
    for fact in facts[:-1]:
        assert api.post(f"{NOTES}/remember?sync=true", {"content": fact}).status == 200
    # The job worker's writes are logged as a handler's are.
    job = api.post(f"{NOTES}/remember", {"content": facts[-1]}).json["job_id"]
    _until(lambda: api.get(f"/v1/memory/extract/job/{job}").json["status"] == "done")
    assert _texts(api, "vegetarian", mode="text") == ["User is vegetarian"]
    notes = [
        api.post(f"{NOTES}/memories", {"text": f"Note {n} about the garden, the bikes and tea"})
        for n in range(40)
    ]
    for process in list(_searchers(two)._idle):  # each loads the tenant's index now ...
        process.search(DEFAULT_TENANT, SearchRequest(query="garden", collection="notes"))
    for n, note in enumerate(notes[::2]):  # ... and follows these: old postings left behind
        text = f"Note {n} about the {'kitchen' if n % 2 else 'garden'} and coffee"
        assert api.put(f"{NOTES}/memories/{note.json['id']}", {"text": text}).status == 200
    engine = _searchers(two).engine
    queries = ["where do I live", "what is my job", "kid allergies", "garden bikes", "diet"]
    queries += ["garden coffee", "kitchen", "note about the garden"]
    for query in queries:
        for body in (
            {},
            {"limit": 3},
            {"mode": "text"},
            {"mode": "vector"},
            {"include_history": True},
        ):
            request = SearchRequest(
                query=query,
                limit=int(body.get("limit", 10)),
                min_score=0.0,
                mode=str(body.get("mode", "hybrid")),
                collection="notes",
                include_history=bool(body.get("include_history", False)),
            )
            remote = _searchers(two).search(DEFAULT_TENANT, request)
            assert remote == engine.search(DEFAULT_TENANT, request), (query, body)
    assert "Lisbon" in _texts(api, "where do I live")[0]
    api.close()


def test_a_failed_or_dead_search_process_costs_only_its_time(
    two: LocalServer, caplog: pytest.LogCaptureFixture
) -> None:
    api = Api(two, two.api_key)
    assert api.post(f"{NOTES}/memories", {"text": "The bakery opens at seven"}).status == 201
    searchers = _searchers(two)
    # A search the process fails is run again here, and answered.
    for process in list(searchers._idle):
        process.search = lambda *_: ("error", "RuntimeError: boom")  # type: ignore[method-assign]
    with caplog.at_level(logging.WARNING, logger="longmem.server"):
        assert _texts(api, "bakery") == ["The bakery opens at seven"]
    assert "failed a search (RuntimeError: boom)" in caplog.text
    for process in searchers._idle:
        del process.search
    # A process killed between searches: the next search is answered anyway, and
    # another process takes the dead one's place.
    killed = {p.pid for p in searchers._idle}
    for pid in killed:
        os.kill(pid, signal.SIGKILL)
    for pid in killed:
        _until(lambda pid=pid: _gone(pid))  # type: ignore[misc]
    assert _texts(api, "bakery") == ["The bakery opens at seven"]
    assert _texts(api, "bakery") == ["The bakery opens at seven"]
    _until(lambda: searchers.running == 2)
    assert not {p.pid for p in searchers._idle} & killed
    assert "ended" in caplog.text
    api.close()


def test_a_stuck_search_process_is_stopped_at_the_deadline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(search_processes, "_SEARCH_DEADLINE_SECONDS", 1.0)
    with LocalServer(db_path=str(tmp_path / "s.db"), search_processes=1) as server:
        _until(lambda: _searchers(server).running == 1)
        api = Api(server, server.api_key)
        assert api.post(f"{NOTES}/memories", {"text": "The tram runs at dawn"}).status == 201
        (stuck,) = [p.pid for p in _searchers(server)._idle]
        os.kill(stuck, signal.SIGSTOP)  # it takes the search and never answers
        began = time.monotonic()
        with caplog.at_level(logging.WARNING, logger="longmem.server"):
            assert _texts(api, "tram") == ["The tram runs at dawn"]  # run in the server
        assert 1.0 <= time.monotonic() - began < 10
        assert "took over 1 s on a search; stopping it" in caplog.text
        _until(lambda: _gone(stuck))
        _until(lambda: _searchers(server).running == 1)
        assert [p.pid for p in _searchers(server)._idle] != [stuck]
        api.close()


def test_a_search_process_that_does_not_start_is_tried_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    entry = search_processes._ENTRY
    monkeypatch.setattr(search_processes, "_RESTART_SECONDS", 0.05)
    monkeypatch.setattr(search_processes, "_ENTRY", "import sys; sys.exit(3)")
    with (
        caplog.at_level(logging.WARNING, logger="longmem.server"),
        LocalServer(db_path=str(tmp_path / "s.db"), search_processes=1) as server,
    ):
        _until(lambda: caplog.text.count("did not start") >= 2)
        assert _searchers(server).running == 0
        api = Api(server, server.api_key)
        assert api.post(f"{NOTES}/memories", {"text": "The ferry is late"}).status == 201
        assert _texts(api, "ferry") == ["The ferry is late"]  # in the server meanwhile
        monkeypatch.setattr(search_processes, "_ENTRY", entry)
        _until(lambda: _searchers(server).running == 1)
        assert _texts(api, "ferry") == ["The ferry is late"]
        api.close()


def test_a_relative_database_path_is_the_same_file_wherever_the_program_goes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    monkeypatch.chdir(tmp_path / "a")
    with LocalServer(db_path="rel.db", search_processes=1) as server:
        _until(lambda: _searchers(server).running == 1)
        api = Api(server, server.api_key)
        assert api.post(f"{NOTES}/memories", {"text": "The ferry leaves at nine"}).status == 201
        monkeypatch.chdir(tmp_path / "b")  # the program moves on; a new process starts
        for process in list(_searchers(server)._idle):
            os.kill(process.pid, signal.SIGKILL)
            _until(lambda pid=process.pid: _gone(pid))  # type: ignore[misc]
        _texts(api, "ferry")  # finds the dead process, starts another
        _until(lambda: _searchers(server).running == 1)
        assert _texts(api, "ferry") == ["The ferry leaves at nine"]
        assert not (tmp_path / "b" / "rel.db").exists()
        api.close()


def test_stop_ends_a_search_process_stuck_in_a_search(tmp_path: Path) -> None:
    server = LocalServer(db_path=str(tmp_path / "s.db"), search_processes=1, shutdown_grace=0.5)
    server.start()
    _until(lambda: _searchers(server).running == 1)
    (stuck,) = [p.pid for p in _searchers(server)._idle]
    os.kill(stuck, signal.SIGSTOP)
    api = Api(server, server.api_key)
    outcome: list[object] = []

    def search() -> None:
        try:
            outcome.append(api.post(f"{NOTES}/search", {"query": "x"}).status)
        except OSError as err:  # the server closed the connection when it stopped
            outcome.append(err)

    waiting = threading.Thread(target=search)
    waiting.start()
    _until(lambda: _searchers(server).running == 1 and not _searchers(server)._idle)
    server.stop()  # had closed only the idle processes: the stuck one outlived the server
    _until(lambda: _gone(stuck))
    waiting.join(10)
    assert not waiting.is_alive() and len(outcome) == 1


@pytest.mark.parametrize(
    "entry",
    [
        # a banner printed into the pipe before any message (a sitecustomize's, say)
        "import sys, time; sys.stdout.write('site banner\\n'); sys.stdout.flush(); time.sleep(60)",
        "import time; time.sleep(60)",  # never ready
    ],
)
def test_a_search_process_that_never_says_ready_is_killed_and_tried_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, entry: str
) -> None:
    monkeypatch.setattr(search_processes, "_ENTRY", entry)
    monkeypatch.setattr(search_processes, "_START_SECONDS", 0.5)
    monkeypatch.setattr(search_processes, "_RESTART_SECONDS", 0.05)
    with (
        caplog.at_level(logging.WARNING, logger="longmem.server"),
        LocalServer(db_path=str(tmp_path / "s.db"), search_processes=1) as server,
    ):
        _until(lambda: caplog.text.count("did not start") >= 2)
        launching = {p.pid for p in _searchers(server)._launching}
        assert _searchers(server).running == 0
    for pid in launching:
        assert _gone(pid)  # stop() ends the one starting too


def test_a_search_process_loading_an_index_says_it_is_alive() -> None:
    # the watchdog's clock restarts at each sign of life: a load longer than the deadline
    # (a tenant of millions of memories) had been killed, on every new process, for ever
    process = _SearchProcess.__new__(_SearchProcess)
    replies = io.BytesIO()
    for message in [("alive", None), ("alive", None), ("ok", ["hit"])]:
        _send(replies, message)
    replies.seek(0)
    seen: list[Optional[float]] = []
    process.to_it, process.from_it = io.BytesIO(), replies
    process.busy_since = None
    original = _receive

    def spying(stream: io.BytesIO, most: int = 1 << 28) -> object:
        seen.append(process.busy_since)
        return original(stream, most)

    search_processes._receive = spying  # type: ignore[assignment]
    try:
        assert process.search("t", SearchRequest(query="q")) == ("ok", ["hit"])
    finally:
        search_processes._receive = original
    assert len(seen) == 3 and seen[0] is not None and seen == sorted(seen)  # type: ignore[type-var]
    assert process.busy_since is None
    calls: list[int] = []
    with tempfile.TemporaryDirectory() as folder:
        store = Store(os.path.join(folder, "l.db"))
        try:
            principal = store.keys.authenticate(store.keys.add("t", ROLE_WRITE, "k")[1])
            assert principal is not None
            store.memories.add(principal, [NewMemory("default", f"m{n}") for n in range(7)])
            engine = SearchEngine(store, on_load=(3, lambda: calls.append(1)))
            engine.search("t", SearchRequest(query="m1"))
        finally:
            store.close()
    assert len(calls) == 2  # at the 3rd and the 6th of 7 memories


def _gone(pid: int) -> bool:
    """Whether ``pid`` has exited (a zombie, not yet waited for, counts as exited)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] == "Z"
    except FileNotFoundError:
        return True


def test_stop_ends_every_search_process(tmp_path: Path) -> None:
    server = LocalServer(db_path=str(tmp_path / "s.db"), search_processes=2).start()
    _until(lambda: _searchers(server).running == 2)
    pids = [p.pid for p in _searchers(server)._idle]
    server.stop()
    for pid in pids:
        assert _gone(pid)


def test_the_change_log_holds_every_kind_of_change_and_is_pruned(tmp_path: Path) -> None:
    store = Store(str(tmp_path / "log.db"))
    try:
        store.log_changes(keep=10, every=4)
        principal = store.keys.authenticate(store.keys.add("t", ROLE_WRITE, "k")[1])
        assert principal is not None
        added = store.memories.add(principal, [NewMemory("default", f"m{n}") for n in range(3)])
        rids = [m.rid for m in added]
        store.memories.update("t", added[0].collection, added[0].id, {"text": "changed"})
        store.memories.delete("t", added[1].collection, [added[1].id])
        with store.read() as conn:
            logged = [tuple(r) for r in conn.execute("SELECT tenant_id, rid FROM memory_changes")]
        assert logged == [
            ("t", rids[0]),
            ("t", rids[1]),
            ("t", rids[2]),
            ("t", rids[0]),
            ("t", rids[1]),
        ]
        store.memories.add(principal, [NewMemory("default", f"n{n}") for n in range(20)])
        with store.read() as conn:
            low, high = conn.execute("SELECT MIN(seq), MAX(seq) FROM memory_changes").fetchone()
        assert high == 25
        assert 10 <= high - low + 1 < 10 + 4  # pruned to the last 10, every 4
    finally:
        store.close()


def test_a_reader_follows_the_log_and_starts_over_when_it_cannot(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = str(tmp_path / "follow.db")
    writer = Store(path)
    reader = Store(path, reader_only=True)
    try:
        writer.log_changes()
        principal = writer.keys.authenticate(writer.keys.add("t", ROLE_WRITE, "k")[1])
        assert principal is not None
        here, there = SearchEngine(writer), SearchEngine(reader, follow_log=True)
        request = SearchRequest(query="orchard apples", min_score=0.0, collection="default")

        def both() -> tuple[list[str], list[str]]:
            return (
                [h["text"] for h in here.search("t", request)],
                [h["text"] for h in there.search("t", request)],
            )

        assert both() == ([], [])
        writer.memories.add(principal, [NewMemory("default", "apples from the orchard")])
        loaded = there._indexes["t"]
        assert both() == (["apples from the orchard"], ["apples from the orchard"])
        assert there._indexes["t"] is loaded  # the change replayed on it
        # More changes than a reader replays at once: it loads its index afresh.
        monkeypatch.setattr(vector_arm, "_MAX_REPLAY", 2)
        more = [NewMemory("default", f"orchard apples {n}") for n in range(5)]
        writer.memories.add(principal, more)
        replayed = there._indexes["t"]
        mine, its = both()
        assert "orchard apples 4" in mine and its == mine
        assert there._indexes["t"] is not replayed  # loaded afresh
        # Nor does it write: its connections refuse, and so does it.
        with pytest.raises(RuntimeError, match="reading only"), reader.write():
            pass
        with pytest.raises(sqlite3.OperationalError, match="readonly"), reader.read() as conn:
            conn.execute("DELETE FROM memories")
    finally:
        reader.close()
        writer.close()


def test_search_processes_are_asked_for_clearly(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ValueError, match="search_processes must be a whole number"):
        LocalServer(search_processes=-1)

    class Custom:
        def embed(self, texts: list[str]) -> list[list[float]]:
            return [[1.0] for _ in texts]

    with pytest.raises(ValueError, match="not with a Custom"):
        LocalServer(search_processes=1, embedder=Custom())  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="search_processes need a database file"):
        LocalServer(db_path=":memory:", search_processes=1)
    assert _search_processes("3") == 3
    cpus = len(os.sched_getaffinity(0))
    assert _search_processes(" AUTO ") == (cpus if cpus > 1 else 0)
    for bad in ("-1", "two", "65", "1.5"):
        with pytest.raises(ValueError, match="expected auto or a number from 0 to 64"):
            _search_processes(bad)
    assert _search_cpus(None) == []
    # the server's threads held on one CPU: its search processes may use every one
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 3, 5})
    assert _search_cpus(3) == [0, 3, 5]
    assert _search_processes("auto") == 3
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {3})
    assert _search_processes("auto") == 0  # one CPU: no process to spare
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: set(range(100)))
    assert _search_processes("auto") == 64  # at most as many as may be asked for

    class Subclass(ModelEmbedder):
        pass

    endpoint = ModelEndpoint("http://127.0.0.1:9/v1", "m")
    with pytest.raises(ValueError, match="not with a Subclass"):  # it would be made as its base
        LocalServer(search_processes=1, embedder=Subclass(endpoint))
    LocalServer(search_processes=1, embedder=ModelEmbedder(endpoint))  # accepted


def test_serve_runs_search_processes_and_leaves_none_behind(tmp_path: Path) -> None:
    proc = ServerProcess(
        "--port",
        "0",
        "--db",
        str(tmp_path / "p.db"),
        "--api-key",
        "lm_sp",
        "--search-processes",
        "2",
    )
    assert any(
        "searches run in 2 search processes (--search-processes)" in line for line in proc.lines
    )
    api = proc.api("lm_sp")
    assert api.post(f"{NOTES}/memories", {"text": "The ferry leaves at noon"}).status == 201
    assert _texts(api, "ferry") == ["The ferry leaves at noon"]
    api.close()
    _until(lambda: len(_children(proc.proc.pid)) == 2)
    children = _children(proc.proc.pid)
    # Killed without a chance to close them, the server leaves them their pipes' end.
    proc.proc.kill()
    proc.proc.wait(10)
    for pid in children:
        _until(lambda pid=pid: _gone(pid))  # type: ignore[misc]


@pytest.mark.parametrize(("flags", "env"), [(["--search-processes", "lots"], ""), ([], "lots")])
def test_serve_refuses_a_bad_search_process_count(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    flags: list[str],
    env: str,
) -> None:
    monkeypatch.setenv("LONGMEM_SERVER_SEARCH_PROCESSES", env)
    db = tmp_path / "never.db"
    assert cli.main(["serve", "--db", str(db), "--port", "0", *flags]) == 2
    err = capsys.readouterr().err
    assert "--search-processes: expected auto or a number from 0 to 64, got 'lots'" in err
    assert not db.exists()  # refused before the database was opened


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            found += [int(child) for child in task.read_text().split()]
        except FileNotFoundError:
            continue  # a thread that ended between the listing and the read
    return found
