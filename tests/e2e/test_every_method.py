"""Every method of the SDK documentation's table, through the client, against the real
local server: nothing answers 501, and remember's facts evolve as documented."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from longmem import Longmem
from longmem.server import LocalServer, wire

from .conftest import ADMIN_KEY


def test_every_documented_method_works_end_to_end(
    local_server: LocalServer, collection: str, tmp_path: Path
) -> None:
    with Longmem(api_key=ADMIN_KEY, base_url=local_server.url) as mem:
        called = call_every_method(mem, collection, tmp_path)
    assert called >= DOCUMENTED


def call_every_method(mem: Longmem, collection: str, tmp_path: Path) -> set[str]:
    """Call every documented method once, checking each answer; the names called."""
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "standup.md").write_text("Standup moved to 9:30 on Mondays.\n", "utf-8")
    called: set[str] = set()

    def call(method: str, /, *args: Any, **kwargs: Any) -> Any:
        called.add(method)
        return getattr(mem, method)(*args, **kwargs)

    first = call("add", "Alex prefers dark mode", collection=collection, importance=0.9)
    assert first["id"].startswith("mem_")
    assert (
        call("add_many", ["Bianca leads design", "Report due Friday"], collection=collection)[
            "created"
        ]
        == 2
    )
    facts = call("remember", "I live in Berlin.", collection=collection)
    assert facts[0]["text"] == "User lives in Berlin"
    job = call("remember", "I live in Paris now.", collection=collection, sync=False)
    done = call("wait_for_job", job["job_id"], timeout=20, poll_interval=0.05)
    assert done["status"] == "done" and done["facts"][0]["relation"] == "updates"
    assert call("get_job", job["job_id"])["status"] == "done"
    assert call("update", first["id"], collection=collection, importance=0.95)["importance"] == 0.95
    assert call("search", "dark mode", collection=collection, min_score=0.0)
    assert call("get", first["id"], collection=collection)["id"] == first["id"]
    assert len(call("list_memories", collection=collection)) == 4  # Berlin superseded
    assert len(call("list_memories", collection=collection, include_superseded=True)) == 5
    assert call("pin", first["id"], collection=collection)["pinned"] is True
    assert call("archive", first["id"], collection=collection, archived=False)["archived"] is False
    assert isinstance(call("related", first["id"], collection=collection), list)
    pairs = call("contradictions", collection=collection)
    assert [p["current"]["text"] for p in pairs] == ["User lives in Paris"]
    assert call("dedup", collection=collection, dry_run=True)["dry_run"] is True
    assert "would_archive" in call("archive_stale", collection=collection, dry_run=True)
    assert call("health", collection=collection)["supersessions"] == 1
    assert call("summary", collection=collection)["based_on"] >= 1
    assert "Paris" in call("profile", collection)["profile"]
    assert "User lives in Paris" in call(
        "context", "where does the user live", collection=collection
    )
    assert (
        call("forget", "quarterly report due Friday", collection=collection, min_score=0.3)[
            "deleted"
        ]
        >= 1
    )
    moved = call("move", first["id"], collection=collection, to_collection=collection + "-x")
    assert moved["moved"] is True
    assert call("delete", first["id"], collection=collection + "-x") == {}
    assert any(c["name"] == collection for c in call("collections"))

    conn = call(
        "create_connection",
        "directory",
        name="notes",
        collection=collection,
        config={"path": str(notes)},
    )
    assert [c["id"] for c in call("list_connections")].count(conn["id"]) == 1
    assert call("get_connection", conn["id"])["provider"] == "directory"
    assert call("sync_connection", conn["id"])["synced"] == 1
    assert call("connection_runs", conn["id"])[0]["status"] == "ok"
    assert {h["provider"] for h in call("connector_health", hours=1)} >= {"directory"}
    assert any(s["status"] == "active" for s in call("connector_status"))
    assert call("admin_memory_health")["total"] >= 1
    assert call("delete_connection", conn["id"]) == {}

    dump = call("export_account")
    mine = [m for m in dump["memories"] if m["collection"] == collection]
    result = call("import_memories", mine, into_collection=collection + "-copy")
    assert result["imported"] == len(mine)
    assert call("delete_collection", collection + "-copy") == {}
    return called


DOCUMENTED = {
    "add",
    "add_many",
    "remember",
    "update",
    "search",
    "get",
    "list_memories",
    "move",
    "delete",
    "delete_collection",
    "forget",
    "collections",
    "profile",
    "context",
    "related",
    "dedup",
    "contradictions",
    "pin",
    "archive",
    "archive_stale",
    "health",
    "summary",
    "create_connection",
    "list_connections",
    "get_connection",
    "sync_connection",
    "connection_runs",
    "delete_connection",
    "connector_health",
    "connector_status",
    "admin_memory_health",
    "export_account",
    "import_memories",
}


def test_remember_supersedes_extends_and_deduplicates(mem: Longmem, collection: str) -> None:
    mem.remember("I live in Berlin", collection=collection)
    [paris] = mem.remember("I live in Paris now", collection=collection)
    assert paris["relation"] == "updates" and paris["supersedes"]
    berlin = mem.get(paris["supersedes"], collection=collection)
    assert berlin["is_latest"] is False and "Berlin" in berlin["text"]
    hits = mem.search("where does the user live", collection=collection, min_score=0.0)
    assert [h["text"] for h in hits if "lives" in h["text"]] == ["User lives in Paris"]

    mem.remember("I like tea", collection=collection)
    [green] = mem.remember("I like green tea", collection=collection)
    assert green["relation"] == "extends"
    [again] = mem.remember("I like green tea", collection=collection)
    assert again["relation"] == "duplicate"
    texts = [m["text"] for m in mem.list_memories(collection=collection)]
    assert texts.count("User likes green tea") == 1


def test_time_bound_fact_expires(mem: Longmem, collection: str) -> None:
    [fact] = mem.remember("I am working from home today", collection=collection)
    assert fact["expires_at"] is not None and fact["expires_at"].endswith("Z")


def test_a_job_left_running_finishes_after_the_server_restarts(tmp_path: Path) -> None:
    db = os.path.join(str(tmp_path), "restart.db")
    with LocalServer(db_path=db, api_key="restart-key") as first:
        store = first.store
        principal = store.keys.authenticate("restart-key")
        assert principal is not None
        # As if the process died mid-job: the row says running, nothing was stored.
        with store.write() as conn:
            job = wire.job(store.jobs.create(principal, "me", "I live in Lisbon"))
            conn.execute("UPDATE jobs SET status = 'running' WHERE id = ?", (job["job_id"],))
    with (
        LocalServer(db_path=db, api_key="restart-key") as second,
        Longmem(api_key="restart-key", base_url=second.url) as mem,
    ):
        done = mem.wait_for_job(job["job_id"], timeout=20, poll_interval=0.05)
        assert done["status"] == "done"
        assert [f["text"] for f in done["facts"]] == ["User lives in Lisbon"]
        assert [m["text"] for m in mem.list_memories(collection="me")] == ["User lives in Lisbon"]
