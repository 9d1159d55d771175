"""The database on its own: migrations, transactions, the change feed, chunked reads, and
the rule that SQL lives only under server/db/."""

from __future__ import annotations

import os
import re
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

import longmem.server
from longmem.server.db import Change, NewMemory, Principal, Store
from longmem.server.db.database import SQLITE_MAX_VARIABLES, Database, DatabaseInUse, chunks
from longmem.server.db.memory_rows import by_rids
from longmem.server.db.migrations import MIGRATIONS
from longmem.server.timestamps import iso_now


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(str(tmp_path / "store.db"))


def _principal(store: Store) -> Principal:
    key = store.keys.add("t1", "write", "tests")[1]
    principal = store.keys.authenticate(key)
    assert principal is not None
    return principal


def test_schema_version_is_recorded_once(tmp_path: Path) -> None:
    path = str(tmp_path / "v.db")
    Store(path).close()
    reopened = Store(path)
    with reopened.read() as conn:
        versions = [row[0] for row in conn.execute("SELECT version FROM schema_migrations")]
    reopened.close()
    assert versions == list(range(1, len(MIGRATIONS) + 1))


def test_database_is_in_wal_mode(store: Store) -> None:
    with store.read() as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_failed_transaction_rolls_back_and_emits_nothing(store: Store) -> None:
    principal = _principal(store)
    seen: list[int] = []
    store.add_listener(lambda changes: seen.extend(c.rid for c in changes))
    with pytest.raises(RuntimeError), store.write():
        store.memories.add(principal, [NewMemory("c", "inside a failed transaction")])
        raise RuntimeError("boom")
    assert seen == []
    assert store.memories.page("t1", "c", 10, 0, True) == []
    store.memories.add(principal, [NewMemory("c", "committed")])
    assert len(seen) == 1


def test_nested_writes_commit_once_at_the_outermost(store: Store) -> None:
    principal = _principal(store)
    batches: list[int] = []
    store.add_listener(lambda changes: batches.append(len(changes)))
    with store.write():
        store.memories.add(principal, [NewMemory("c", "one")])
        store.memories.add(principal, [NewMemory("c", "two")])
        assert batches == []  # nothing announced before the commit
    assert batches == [2]


@contextmanager
def _holding_the_writer(
    store: Store, queued: int, holder_errors: list[str]
) -> Iterator[list[threading.Thread]]:
    """Hold a write (memory "first") open while the threads put in the list it yields
    queue for the writer; leaving the block waits until ``queued`` do, then lets go.
    The holder's own failure goes to ``holder_errors``."""
    db: Database = store
    release = threading.Event()
    entered = threading.Event()

    def first() -> None:
        try:
            with store.write():
                store.memories.add(_principal_of(store), [NewMemory("c", "first")])
                entered.set()
                release.wait(10)
        except sqlite3.Error as err:
            holder_errors.append(str(err))

    holder = threading.Thread(target=first)
    holder.start()
    assert entered.wait(10)
    threads: list[threading.Thread] = []
    yield threads
    for thread in threads:
        thread.start()
    for _ in range(10_000):  # bounded: the threads only have to reach the lock
        with db._settled:
            if db._queued == queued:
                break
        threading.Event().wait(0.001)
    assert db._queued == queued
    release.set()
    for thread in [holder, *threads]:
        thread.join(10)


def _principal_of(store: Store) -> Principal:
    principal = store.keys.authenticate("lm_group_test")
    assert principal is not None
    return principal


def test_writes_queued_meanwhile_commit_together_and_are_acknowledged_after(
    store: Store,
) -> None:
    store.keys.add("t1", "write", "tests", "lm_group_test")
    events: list[str] = []
    store.add_listener(lambda changes: events.append(f"commit {len(changes)}"))

    def add(text: str) -> None:
        store.memories.add(_principal_of(store), [NewMemory("c", text)])
        events.append(f"acknowledged {text}")

    holder_errors: list[str] = []
    with _holding_the_writer(store, 2, holder_errors) as threads:
        threads += [threading.Thread(target=add, args=(t,)) for t in ("second", "third")]
    assert holder_errors == []
    # One commit (one fsync) for the three writes, and no write answered before it.
    assert events[0] == "commit 3"
    assert sorted(events[1:]) == ["acknowledged second", "acknowledged third"]
    assert len(store.memories.page("t1", "c", 10, 0, True)) == 3


def test_a_failing_write_in_a_group_undoes_only_itself(store: Store) -> None:
    store.keys.add("t1", "write", "tests", "lm_group_test")
    batches: list[list[int]] = []
    store.add_listener(lambda changes: batches.append([c.rid for c in changes]))
    failures: list[BaseException] = []

    def failing() -> None:
        try:
            with store.write():
                store.memories.add(_principal_of(store), [NewMemory("c", "doomed")])
                raise RuntimeError("this write fails")
        except RuntimeError as err:
            failures.append(err)

    def add() -> None:
        store.memories.add(_principal_of(store), [NewMemory("c", "kept")])

    holder_errors: list[str] = []
    with _holding_the_writer(store, 2, holder_errors) as threads:
        threads += [threading.Thread(target=failing), threading.Thread(target=add)]
    assert holder_errors == []
    assert [str(err) for err in failures] == ["this write fails"]
    texts = sorted(m.text for m in store.memories.page("t1", "c", 10, 0, True))
    assert texts == ["first", "kept"]
    assert len(batches) == 1 and len(batches[0]) == 2  # one commit, the doomed one absent


def test_a_failed_group_commit_acknowledges_none_of_its_writes(store: Store) -> None:
    store.keys.add("t1", "write", "tests", "lm_group_test")
    # A deferred foreign key is checked at COMMIT: the one way to make a commit fail.
    store._writer.execute("PRAGMA foreign_keys = ON")
    with store.write() as conn:
        conn.execute("CREATE TEMP TABLE parent (id INTEGER PRIMARY KEY)")
        conn.execute(
            "CREATE TEMP TABLE child (parent REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED)"
        )
    seen: list[int] = []
    store.add_listener(lambda changes: seen.extend(c.rid for c in changes))
    errors: list[str] = []

    def add(text: str, orphan: bool = False) -> None:
        try:
            with store.write() as conn:
                store.memories.add(_principal_of(store), [NewMemory("c", text)])
                if orphan:
                    conn.execute("INSERT INTO child VALUES (1)")
        except sqlite3.Error as err:
            errors.append(f"{text}: {err}")

    holder_errors: list[str] = []
    with _holding_the_writer(store, 2, holder_errors) as threads:
        threads += [
            threading.Thread(target=add, args=("orphan", True)),
            threading.Thread(target=add, args=("innocent",)),
        ]
    assert holder_errors == ["the commit holding this write failed: FOREIGN KEY constraint failed"]
    assert sorted(error.split(":")[0] for error in errors) == ["innocent", "orphan"]
    assert all("commit holding this write failed" in error for error in errors)
    assert seen == []
    assert store.memories.page("t1", "c", 10, 0, True) == []
    add("after")  # the next write starts a fresh transaction
    assert [m.text for m in store.memories.page("t1", "c", 10, 0, True)] == ["after"]


def test_close_commits_writes_handed_on_to_a_writer_that_never_came(tmp_path: Path) -> None:
    path = str(tmp_path / "close.db")
    store = Store(path)
    store.keys.add("t1", "write", "tests", "lm_group_test")
    with store._settled:
        store._queued += 1  # a writer queued behind this one, then stopped by shutdown
    added = threading.Thread(
        target=lambda: store.memories.add(_principal_of(store), [NewMemory("c", "kept")])
    )
    added.start()
    for _ in range(10_000):  # bounded: until the write has handed its group on
        group = store._group
        if group is not None and not group.settled and store._owner is None:
            break
        threading.Event().wait(0.001)
    assert added.is_alive()
    store.close()
    added.join(10)
    assert not added.is_alive()
    reopened = Store(path)
    assert [m.text for m in reopened.memories.page("t1", "c", 10, 0, True)] == ["kept"]
    reopened.close()


def test_adding_a_stored_key_again_keeps_its_id(store: Store) -> None:
    key_id, key = store.keys.add("t1", "write", "first")
    assert store.keys.add("t1", "write", "second", key) == (key_id, key)


def test_unknown_role_is_refused(store: Store) -> None:
    with pytest.raises(ValueError):
        store.keys.add("t1", "superuser", "x")


def test_authenticate_returns_role_and_tenant(store: Store) -> None:
    key = store.keys.add("t9", "read", "viewer")[1]
    principal = store.keys.authenticate(key)
    assert principal is not None
    assert (principal.tenant_id, principal.role, principal.label) == ("t9", "read", "viewer")
    assert store.keys.authenticate(key + "x") is None


def test_reads_by_more_ids_than_one_statement_may_bind(store: Store) -> None:
    principal = _principal(store)
    count = 2 * SQLITE_MAX_VARIABLES + 1
    added = store.memories.add(principal, [NewMemory("c", f"memory {i}") for i in range(count)])
    found = store.memories.by_rids("t1", [m.rid for m in added])
    assert len(found) == count
    assert [found[m.rid].id for m in added] == [m.id for m in added]


@contextmanager
def _counting_steps(conn: sqlite3.Connection) -> Iterator[list[int]]:
    """Count the virtual-machine instructions SQLite runs on ``conn`` within the block."""
    count = [0]

    def tick() -> int:
        count[0] += 1
        return 0

    conn.set_progress_handler(tick, 1)
    try:
        yield count
    finally:
        conn.set_progress_handler(None, 1)


def test_reads_by_row_id_do_not_walk_every_memory_of_the_tenant(store: Store) -> None:
    principal = _principal(store)
    # As many as a search's fusion reads: SQLite answered so long a list by the tenant.
    added = store.memories.add(principal, [NewMemory("c", f"wanted {i}") for i in range(40)])
    wanted = [m.rid for m in added]

    def steps() -> tuple[int, int]:
        with store.read() as conn, _counting_steps(conn) as by_rid:
            by_rids(conn, "t1", wanted)
        with store.write() as conn, _counting_steps(conn) as current:
            store.memories.current_with_vectors("t1", "c", None, wanted, iso_now())
        return by_rid[0], current[0]

    alone = steps()
    store.memories.add(principal, [NewMemory("c", f"other {i}") for i in range(2000)])
    among_many = steps()
    assert among_many[0] < 2 * alone[0]
    assert among_many[1] < 2 * alone[1]


def test_a_read_inside_a_read_shares_its_snapshot_unless_asked_for_a_fresh_one(
    store: Store,
) -> None:
    with store.read() as outer:
        assert store.keys.tenant("later") is None  # the snapshot begins with a first read
        store.keys.ensure_tenant("later")
        with store.read() as inner:
            assert inner is outer
        assert store.keys.tenant("later") is None
        with store.read(fresh=True) as fresh:
            assert fresh is not outer
            assert fresh.execute("SELECT id FROM tenants WHERE id = 'later'").fetchone()
        assert store.keys.tenant("later") is None  # back on the outer snapshot
    assert store.keys.tenant("later") is not None


def test_the_change_feed_hears_of_more_changes_than_one_statement_may_bind(store: Store) -> None:
    principal = _principal(store)
    heard: list[Change] = []
    store.add_listener(heard.extend)
    count = SQLITE_MAX_VARIABLES + 7
    added = store.memories.add(principal, [NewMemory("c", f"memory {i}") for i in range(count)])
    assert [c.rid for c in heard] == [m.rid for m in added]
    assert all(c.entry is not None and c.entry.collection == "c" for c in heard)


def test_chunks_cover_every_value_once_in_order() -> None:
    values = list(range(1234))
    parts = list(chunks(values, 500))
    assert [len(p) for p in parts] == [500, 500, 234]
    assert [v for p in parts for v in p] == values


def test_no_sql_and_no_sqlite_rows_outside_the_db_package() -> None:
    server = Path(longmem.server.__file__).parent
    offenders = []
    for path in server.rglob("*.py"):
        if path.parent.name == "db":
            continue
        text = path.read_text(encoding="utf-8")
        if re.search(r"\.execute(many|script)?\(|sqlite3\.(Row|connect)", text):
            offenders.append(str(path.relative_to(server)))
    assert offenders == []


def test_a_database_file_is_opened_by_one_store_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Both openers lock byte 0: Windows locks a byte range from the file's position, and
    # "a+" opens at the end, so the second had locked a byte past the first one's pid.
    from longmem.server.db import database

    at: list[int] = []
    real = database._lock_file

    def lock(fd: int) -> None:
        at.append(os.lseek(fd, 0, os.SEEK_CUR))
        real(fd)

    monkeypatch.setattr(database, "_lock_file", lock)
    path = str(tmp_path / "one.db")
    first = Store(path)
    try:
        with pytest.raises(DatabaseInUse, match=f"another longmem process \\(pid {os.getpid()}\\)"):
            Store(path)
    finally:
        first.close()
    assert at == [0, 0]
    Store(path).close()  # released by close


def test_the_lock_is_released_when_closing_fails(tmp_path: Path) -> None:
    path = str(tmp_path / "one.db")
    store = Store(path)
    writer = store._writer

    class Failing:
        def close(self) -> None:
            raise sqlite3.OperationalError("disk I/O error")

    store._writer = Failing()  # type: ignore[assignment]
    with pytest.raises(sqlite3.OperationalError):
        store.close()
    writer.close()
    Store(path).close()  # the file is free again: it was DatabaseInUse


def test_a_relative_path_stays_the_same_file_when_the_program_moves(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    monkeypatch.chdir(tmp_path / "a")
    store = Store("rel.db")
    try:
        principal = Principal("k", "t", "write", "k")
        store.memories.add(principal, [NewMemory("notes", "The ferry leaves at nine")])
        monkeypatch.chdir(tmp_path / "b")
        # a reader connected only now (none was open) had opened b/rel.db, new and empty
        with store.read(fresh=True) as conn:
            assert conn.execute("SELECT text FROM memories").fetchall()[0][0] == (
                "The ferry leaves at nine"
            )
        assert not (tmp_path / "b" / "rel.db").exists()
    finally:
        store.close()


def test_closing_waits_for_no_reader_and_closes_one_in_use_when_its_read_ends(
    tmp_path: Path,
) -> None:
    # A request that outlives the server's grace still reads while stop() closes the
    # store: its connection had been closed under it (a segfault in the suite, once).
    store = Store(str(tmp_path / "c.db"))
    idle_before = []
    in_read, closed, done = threading.Event(), threading.Event(), threading.Event()
    used: list[sqlite3.Connection] = []

    def reader() -> None:
        with store.read(fresh=True) as conn:
            used.append(conn)
            in_read.set()
            closed.wait(10)
            assert conn.execute("SELECT COUNT(*) FROM memories").fetchone()[0] == 0
        done.set()

    thread = threading.Thread(target=reader)
    thread.start()
    assert in_read.wait(10)
    with store.read() as conn:  # another reader, idle in the pool once done
        idle_before.append(conn)
    assert idle_before[0] is not used[0]
    store.close()
    with pytest.raises(sqlite3.ProgrammingError):  # the idle one: closed at once
        idle_before[0].execute("SELECT 1")
    closed.set()
    thread.join(10)
    assert done.is_set()  # the read in use ran to its end on an open connection ...
    with pytest.raises(sqlite3.ProgrammingError):  # ... which closed as it ended
        used[0].execute("SELECT 1")
