"""SQLite plumbing: connections, the one writer, migrations and the change feed.

One writer connection behind a lock (SQLite allows one writer anyway; serialising in
process means writers queue instead of failing with "database is locked"), and a pool
of reader connections that WAL lets run beside it. Nothing outside ``db/`` touches a
connection or writes SQL; the resource modules beside this one hold every query, each
parameterised and, for tenant data, scoped by ``tenant_id``.

Durability: WAL with ``synchronous=FULL``, so a commit is on disk (fsync'd) before the
write is acknowledged; that survives power loss, not only a killed process.
"""

from __future__ import annotations

import dataclasses
import json
import os
import queue
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Callable, TypeVar

from .migrations import migrate
from .records import Change

# Bound parameters per statement for `IN (…)` lists: far under SQLite's limit (999 before
# 3.32, 32766 after), leaving room for the statement's other parameters.
SQLITE_MAX_VARIABLES = 500
_READER_POOL_SIZE = 8
_BUSY_TIMEOUT_MS = 10_000

Listener = Callable[[list[Change]], None]
T = TypeVar("T")


def dumps(value: Any) -> str:
    """JSON as the database stores it: compact, UTF-8 kept as is."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def from_row(cls: Any, row: sqlite3.Row, json_fields: tuple[str, ...] = ()) -> Any:
    """The record ``cls`` of a row whose columns are named as its fields, decoding the
    stored JSON of ``json_fields``."""
    values = {field.name: row[field.name] for field in dataclasses.fields(cls)}
    for name in json_fields:
        values[name] = json.loads(values[name])
    return cls(**values)


def chunks(values: Sequence[T], size: int = SQLITE_MAX_VARIABLES) -> Iterator[Sequence[T]]:
    """``values`` in slices short enough to bind in one ``IN (…)`` list."""
    for start in range(0, len(values), size):
        yield values[start : start + size]


def select_in(
    conn: sqlite3.Connection, sql: str, before: Sequence[Any], values: Sequence[Any]
) -> Iterator[sqlite3.Row]:
    """Rows of ``sql`` whose one ``IN ({marks})`` takes ``values``, in chunks so no
    statement exceeds the parameter limit; ``before`` are the parameters ahead of it."""
    for chunk in chunks(values):
        marks = ",".join("?" * len(chunk))
        yield from conn.execute(sql.format(marks=marks), [*before, *chunk])


def _connect(path: str) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {_BUSY_TIMEOUT_MS}")
    return conn


class Database:
    """One SQLite database file. Thread-safe; open one per file and process."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._wlock = threading.RLock()
        self._depth = 0
        self._pending: list[Change] = []
        self._listeners: list[Listener] = []
        self._writer = _connect(path)
        self._writer.execute("PRAGMA journal_mode = WAL")
        self._writer.execute("PRAGMA synchronous = FULL")
        migrate(self._writer)
        self._readers: queue.LifoQueue[sqlite3.Connection] = queue.LifoQueue()
        self._all_readers: list[sqlite3.Connection] = []
        self._readers_lock = threading.Lock()
        self._closed = False

    @staticmethod
    def files(path: str) -> tuple[str, ...]:
        """The database file and its SQLite journals."""
        path = os.path.abspath(path)
        return (path, path + "-wal", path + "-shm", path + "-journal")

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction. Nested calls join the outermost one; the change feed
        hears of its changes after it commits, and never of a rolled-back one."""
        with self._wlock:
            if self._depth:
                self._depth += 1
                try:
                    yield self._writer
                finally:
                    self._depth -= 1
                return
            self._depth = 1
            self._writer.execute("BEGIN IMMEDIATE")
            try:
                yield self._writer
                self._writer.execute("COMMIT")
            except BaseException:
                self._pending = []
                if self._writer.in_transaction:
                    self._writer.execute("ROLLBACK")
                raise
            finally:
                self._depth = 0
            changes, self._pending = self._pending, []
            if changes:
                for listener in self._listeners:
                    listener(changes)

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """A reader connection holding one consistent snapshot for the block."""
        try:
            conn = self._readers.get_nowait()
        except queue.Empty:
            conn = _connect(self.path)
            with self._readers_lock:
                self._all_readers.append(conn)
        conn.execute("BEGIN")
        try:
            yield conn
        finally:
            conn.execute("COMMIT")
            if self._readers.qsize() < _READER_POOL_SIZE and not self._closed:
                self._readers.put(conn)
            else:
                with self._readers_lock:
                    self._all_readers.remove(conn)
                conn.close()

    def close(self) -> None:
        self._closed = True
        with self._readers_lock:
            for conn in self._all_readers:
                conn.close()
            self._all_readers = []
        with self._wlock:
            self._writer.close()

    # -- the change feed ------------------------------------------------------------

    def add_listener(self, listener: Listener) -> None:
        """Call ``listener`` with each committed batch of memory changes, under the write
        lock (so a listener sees changes in commit order)."""
        self._listeners.append(listener)

    @property
    def has_listeners(self) -> bool:
        return bool(self._listeners)

    def announce(self, changes: Iterable[Change]) -> None:
        """Queue changes of the current write transaction for the listeners."""
        self._pending.extend(changes)
