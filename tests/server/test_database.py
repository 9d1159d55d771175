"""The database on its own: migrations, transactions, the change feed, chunked reads, and
the rule that SQL lives only under server/db/."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import longmem.server
from longmem.server.db import Change, NewMemory, Principal, Store
from longmem.server.db.database import SQLITE_MAX_VARIABLES, chunks
from longmem.server.db.migrations import MIGRATIONS


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
