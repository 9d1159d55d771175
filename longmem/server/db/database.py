"""SQLite plumbing: connections, the one writer, migrations and the change feed.

One writer connection behind a lock (SQLite allows one writer anyway; serialising in
process means writers queue instead of failing with "database is locked"), and a pool
of reader connections that WAL lets run beside it. Nothing outside ``db/`` touches a
connection or writes SQL; the resource modules beside this one hold every query, each
parameterised and, for tenant data, scoped by ``tenant_id``.

Durability: WAL with ``synchronous=FULL``, so a commit is on disk (fsync'd) before the
write is acknowledged; that survives power loss, not only a killed process.

Group commit: the fsync is what a lone write waits for, so writes that queue for the
lock meanwhile join one transaction, each in its own savepoint, and the last of them
commits it: one fsync for the group, every write acknowledged after it.
"""

from __future__ import annotations

import dataclasses
import json
import os
import queue
import sqlite3
import sys
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Callable, Optional, TypeVar, Union

from .migrations import migrate
from .records import Change

# Bound parameters per statement for `IN (…)` lists: far under SQLite's limit (999 before
# 3.32, 32766 after), leaving room for the statement's other parameters.
SQLITE_MAX_VARIABLES = 500
_READER_POOL_SIZE = 8
_BUSY_TIMEOUT_MS = 10_000
# A group commits once this many writes joined it even if more wait, so a steady stream
# of writers cannot hold every write of the group unacknowledged.
_GROUP_COMMIT_MAX_WRITES = 64
# The change log (``Database.log_changes``) keeps at least this many of the latest
# changes, pruned every _CHANGE_LOG_PRUNE_EVERY; a reader further behind starts over.
CHANGE_LOG_KEEP = 100_000
_CHANGE_LOG_PRUNE_EVERY = 4096
# TEMP triggers: they fire for the writer connection that made them, and only while it
# is open, so nothing is logged once the server that asked for the log has stopped.
# Every change to a memory, whichever statement makes it, logs the memory's row id.
_CHANGE_LOG_TRIGGERS = """
CREATE TEMP TRIGGER IF NOT EXISTS longmem_log_insert AFTER INSERT ON main.memories
BEGIN INSERT INTO memory_changes (tenant_id, rid) VALUES (NEW.tenant_id, NEW.rid); END;
CREATE TEMP TRIGGER IF NOT EXISTS longmem_log_update AFTER UPDATE ON main.memories
BEGIN INSERT INTO memory_changes (tenant_id, rid) VALUES (NEW.tenant_id, NEW.rid); END;
CREATE TEMP TRIGGER IF NOT EXISTS longmem_log_delete AFTER DELETE ON main.memories
BEGIN INSERT INTO memory_changes (tenant_id, rid) VALUES (OLD.tenant_id, OLD.rid); END;
CREATE TEMP TRIGGER IF NOT EXISTS longmem_log_prune AFTER INSERT ON main.memory_changes
WHEN NEW.seq % {every} = 0
BEGIN DELETE FROM memory_changes WHERE seq <= NEW.seq - {keep}; END;
"""

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
    conn: Union[sqlite3.Connection, sqlite3.Cursor],
    sql: str,
    before: Sequence[Any],
    values: Sequence[Any],
) -> Iterator[Any]:
    """Rows of ``sql`` whose one ``IN ({marks})`` takes ``values``, in chunks so no
    statement exceeds the parameter limit; ``before`` are the parameters ahead of it."""
    for chunk in chunks(values):
        marks = ",".join("?" * len(chunk))
        yield from conn.execute(sql.format(marks=marks), [*before, *chunk])


def _connect(path: str, *, query_only: bool = False) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {_BUSY_TIMEOUT_MS}")
    if query_only:
        conn.execute("PRAGMA query_only = ON")
    return conn


@dataclasses.dataclass
class _Group:
    """The writes one transaction holds, committed (or lost) together."""

    writes: int = 0
    settled: bool = False
    error: Optional[BaseException] = None


class DatabaseInUse(sqlite3.OperationalError):
    """Another server holds the database file."""


class _FileLock:
    """An exclusive lock on ``<database>.lock`` for as long as a server has the database
    open: a second process on the same file would serve from an index, a rate limiter
    and job claims of its own that never see the first one's writes (search would miss
    them, a restart would run the first one's jobs again). The system releases it when
    the process ends, however it ends."""

    def __init__(self, path: str) -> None:
        self.path = os.path.abspath(path) + ".lock"
        try:
            self._file = open(self.path, "a+")  # noqa: SIM115 (held until release)
        except OSError as exc:  # as SQLite would say of the database beside it
            raise sqlite3.OperationalError(f"unable to open {self.path}: {exc}") from None
        try:
            # Byte 0 is the lock (Windows locks a byte range, from the position: "a+"
            # opens at the end); the holder's pid follows it, where a reader is let in.
            self._file.seek(0)
            _lock_file(self._file.fileno())
        except OSError:
            self._file.seek(1)
            holder = self._file.read().strip() or "?"
            self._file.close()
            raise DatabaseInUse(
                f"it is in use by another longmem process (pid {holder}); run one "
                f"`longmem serve --db {path}` and point every client at it (`longmem mcp "
                "--base-url URL --api-key KEY`), or give each its own database file"
            ) from None
        self._file.truncate(0)
        self._file.write(f" {os.getpid()}")
        self._file.flush()

    def release(self) -> None:
        self._file.close()  # closing the descriptor releases the lock


def _lock_file(fd: int) -> None:
    """Lock ``fd`` exclusively without waiting; OSError if another process holds it."""
    if sys.platform == "win32":
        import msvcrt

        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


class Database:
    """One SQLite database file. Thread-safe; one per file (a second, in this process or
    another, is refused with ``DatabaseInUse``).

    ``reader_only``: a reader beside the one that serves the file (a search process of
    that server, search_processes.py), which neither takes the file's lock nor migrates
    it, and whose connections refuse to write.
    """

    def __init__(self, path: str, *, reader_only: bool = False) -> None:
        # The file itself: a reader connected later opens it wherever the program's
        # working folder has gone meanwhile (a relative path opened another, new file).
        self.path = path if path == ":memory:" else os.path.abspath(path)
        self.reader_only = reader_only
        self._file_lock = None if path == ":memory:" or reader_only else _FileLock(path)
        self._wlock = threading.Lock()
        self._owner: Optional[int] = None  # thread holding _wlock, for nested writes
        self._depth = 0
        self._group: Optional[_Group] = None
        self._queued = 0  # threads waiting for _wlock
        self._settled = threading.Condition()  # guards _queued and every group's state
        self._pending: list[Change] = []
        self._listeners: list[Listener] = []
        try:
            self._writer = _connect(path, query_only=reader_only)
            if not reader_only:
                self._writer.execute("PRAGMA journal_mode = WAL")
                self._writer.execute("PRAGMA synchronous = FULL")
                migrate(self._writer)
        except BaseException:
            if self._file_lock is not None:
                self._file_lock.release()
            raise
        self._readers: queue.LifoQueue[sqlite3.Connection] = queue.LifoQueue()
        self._all_readers: list[sqlite3.Connection] = []
        self._readers_lock = threading.Lock()
        self._reading = threading.local()  # .conn: the thread's open reader, if any
        self._closed = False

    @staticmethod
    def files(path: str) -> tuple[str, ...]:
        """The database file, its SQLite journals and its lock file."""
        path = os.path.abspath(path)
        return (path, path + "-wal", path + "-shm", path + "-journal", path + ".lock")

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One write, acknowledged (the block exits) only once the transaction holding it
        is committed. Nested calls join the outermost one. A block that raises undoes its
        own changes and no other write's; the change feed hears of committed changes
        only, before any write of their group is acknowledged."""
        if self.reader_only:
            raise RuntimeError("this database is open for reading only")
        if self._owner == threading.get_ident():
            self._depth += 1
            try:
                yield self._writer
            finally:
                self._depth -= 1
            return
        with self._settled:
            self._queued += 1
        with self._wlock:
            with self._settled:
                self._queued -= 1
            self._owner = threading.get_ident()
            self._depth = 1
            failure: Optional[BaseException] = None
            try:
                group = self._join_group()
                mark = len(self._pending)
                try:
                    self._writer.execute("SAVEPOINT one_write")
                    yield self._writer
                    self._writer.execute("RELEASE one_write")
                except BaseException as exc:
                    failure = exc
                    del self._pending[mark:]
                    self._undo_one_write()
                self._end_turn(group)
            finally:
                self._depth = 0
                self._owner = None
        if failure is not None:
            raise failure
        with self._settled:
            while not group.settled:
                self._settled.wait()
        if group.error is not None:
            raise sqlite3.OperationalError(
                f"the commit holding this write failed: {group.error}"
            ) from group.error

    def _join_group(self) -> _Group:
        """The group of the open transaction, opening one if there is none."""
        if self._group is None or self._group.settled:
            self._writer.execute("BEGIN IMMEDIATE")
            self._group = _Group()
        self._group.writes += 1
        return self._group

    def _undo_one_write(self) -> None:
        """Roll back to the failed write's savepoint; if even that fails, roll back the
        whole transaction rather than commit half a write (the group is then lost)."""
        if not self._writer.in_transaction:
            return
        try:
            self._writer.execute("ROLLBACK TO one_write")
            self._writer.execute("RELEASE one_write")
        except sqlite3.Error:
            if self._writer.in_transaction:
                self._writer.execute("ROLLBACK")

    def _end_turn(self, group: _Group) -> None:
        """Commit the group, unless writers wait for the lock to join it: the last of
        them commits it, so one fsync covers every write queued meanwhile."""
        if group.settled:
            return
        if not self._writer.in_transaction:
            # SQLite itself rolled the transaction back (I/O error, disk full): the
            # writes this group held before are lost as well.
            self._settle(group, [], sqlite3.OperationalError("transaction rolled back"))
            return
        with self._settled:
            queued = self._queued
        if queued and group.writes < _GROUP_COMMIT_MAX_WRITES:
            return
        self._commit(group)

    def _commit(self, group: _Group) -> None:
        """Commit the open transaction (one fsync) and settle its group either way."""
        error: Optional[BaseException] = None
        try:
            self._writer.execute("COMMIT")
        except BaseException as exc:
            error = exc
            if self._writer.in_transaction:
                self._writer.execute("ROLLBACK")
        changes, self._pending = self._pending, []
        self._settle(group, [] if error else changes, error)

    def _settle(self, group: _Group, changes: list[Change], error: Optional[BaseException]) -> None:
        """Tell the listeners of the group's changes, then its waiting writers."""
        self._pending = []
        try:
            if changes:
                for listener in self._listeners:
                    listener(changes)
        finally:
            with self._settled:
                group.error = error
                group.settled = True
                self._settled.notify_all()

    @contextmanager
    def read(self, *, fresh: bool = False) -> Iterator[sqlite3.Connection]:
        """A reader connection holding one consistent snapshot for the block. A read
        nested in another on the same thread shares its connection and snapshot, unless
        ``fresh`` asks for a snapshot taken now."""
        outer: Optional[sqlite3.Connection] = getattr(self._reading, "conn", None)
        if outer is not None and not fresh:
            yield outer
            return
        try:
            conn = self._readers.get_nowait()
        except queue.Empty:
            conn = _connect(self.path, query_only=self.reader_only)
            with self._readers_lock:
                self._all_readers.append(conn)
        conn.execute("BEGIN")
        self._reading.conn = conn
        try:
            yield conn
        finally:
            self._reading.conn = outer
            conn.execute("COMMIT")
            with self._readers_lock:
                keep = self._readers.qsize() < _READER_POOL_SIZE and not self._closed
                if keep:
                    self._readers.put(conn)
                else:
                    self._all_readers.remove(conn)
            if not keep:
                conn.close()

    def close(self) -> None:
        """Close the database. A reader in use (a request that outlived the server's
        grace) is closed when its read ends, not under it: SQLite's connection is not
        to be closed while another thread runs a statement on it (a crash, seen once)."""
        with self._readers_lock:
            self._closed = True
            while not self._readers.empty():
                conn = self._readers.get_nowait()
                self._all_readers.remove(conn)
                conn.close()
        try:
            with self._wlock:
                # Writes handed on to a writer that will now never run are complete: keep them.
                if self._group is not None and not self._group.settled:
                    self._commit(self._group)
                self._writer.close()
        finally:
            if self._file_lock is not None:
                self._file_lock.release()

    # -- the change feed ------------------------------------------------------------

    def log_changes(
        self, *, keep: int = CHANGE_LOG_KEEP, every: int = _CHANGE_LOG_PRUNE_EVERY
    ) -> None:
        """From now on, log the row id of every memory a write of this database changes
        (inserted, updated or deleted) in ``memory_changes``, in commit order, for
        readers in other processes to follow (``Memories.logged_changes``); every
        ``every`` entries, those before the last ``keep`` go."""
        if not (isinstance(keep, int) and isinstance(every, int) and keep > 0 and every > 0):
            raise ValueError("keep and every must be positive whole numbers")
        with self._wlock:
            self._writer.executescript(_CHANGE_LOG_TRIGGERS.format(keep=keep, every=every))

    def clear_change_log(self) -> None:
        """Drop what an earlier run logged: no reader follows it any more (a reader that
        starts later begins at the log's end, which the numbering keeps)."""
        with self.write() as conn:
            conn.execute("DELETE FROM memory_changes")

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
