"""Searches in processes of their own (``LocalServer(search_processes=N)``, ``serve
--search-processes N``).

CPython runs one thread's Python at a time, so a server process answers on one core
however many it has, and a search costs several times any other request (BENCHMARKS.md,
section 8). A search process takes searches off that core: it opens the database for
reading only, keeps a search index of its own and, before each search, replays from the
database's change log what the serving process committed since the last one (the
serving process logs it once search processes run: ``Database.log_changes``). A search
there therefore sees every write committed before it began, as one run in the serving
process does, and returns the same hits.

The serving process hands a search to an idle search process over a pipe; while all
are busy, the search waits for one (the serving process's own core stays free for
writes and reads, whose latency no longer queues behind searches), and only while none
runs (before the first has started, or once every one is lost) does it run in the
serving process. A search process that fails a search (its error, whatever it is, comes
back) has it run again in the serving process, which answers as it always would; one
that dies, or does not start, is replaced (a second later; one that keeps dying, after
longer and longer waits, up to a minute), and one that has not answered a search within
its deadline (a minute, and a model embedder's calls at their timeout) is killed, so a
stuck process holds no search for ever. Only ``search`` and ``search_tenant`` go there:
``related`` and remember's look-ups are cheap and stay in the serving process.

Each message on a pipe is a pickle behind its length (4 bytes, big-endian), between
processes of one server; the search process writes its messages to a copy of its stdout
and points its stdout at stderr, so a stray print cannot break the framing.
"""

from __future__ import annotations

import contextlib
import logging
import os
import pickle
import signal
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import IO, Any, Optional

from .db import Store
from .meaning import MeaningEmbedder
from .model_endpoints import ModelEmbedder, ModelEndpoint
from .rerank import Embedder, ModelRanker
from .search import MODEL_SCOPE, SearchEngine, SearchRequest

__all__ = ["SearchProcesses", "SearchSetup"]

log = logging.getLogger("longmem.server")

_FRAME = struct.Struct("!I")
# A search process that dies is replaced after _RESTART_SECONDS; one that dies within
# _HEALTHY_SECONDS of its start, after twice its predecessor's wait, up to a minute.
_RESTART_SECONDS = 1.0
_HEALTHY_SECONDS = 10.0
_MAX_RESTART_SECONDS = 60.0
# How long stop() waits for the search processes to exit once their pipes are closed.
_EXIT_SECONDS = 2.0
# How long a search process may take to start and say it is ready (importing, opening
# the database) before it is killed and tried again.
_START_SECONDS = 30.0
# The largest message a pipe carries (a search's hits are far smaller); a larger length
# is a garbled pipe, not a message to wait for.
_MAX_MESSAGE = 256 * 1024 * 1024
# A search process loading a tenant's index says it is alive this often (memories
# loaded): the deadline counts from the last time it did.
_LOAD_HEARTBEAT = 20_000
# A search process that has not answered a search in this long (stopped, stuck) is
# killed; the search runs in the server and another process takes its place. A model
# embedder's calls get their timeout each on top (SearchSetup.deadline).
_SEARCH_DEADLINE_SECONDS = 60.0
# The search process's entry: the package's parent folder is put first on the path, so a
# copy of the longmem folder vendored into a project runs the same code. ``-S``: no
# site module, whose sitecustomize could print into the pipe before serve() sets stdout
# aside (the package needs nothing outside the standard library).
_ENTRY = (
    "import sys; sys.path.insert(0, sys.argv[1]); "
    "from longmem.server.search_processes import serve; serve()"
)
_PACKAGE_PARENT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


@dataclass(frozen=True)
class SearchSetup:
    """What a search process needs to search as the serving process does: the database,
    and how search ranks (the built-in meaning, or a model embedder's endpoint)."""

    db_path: str
    meaning: bool
    embedder: Optional[ModelEndpoint] = None
    embed_batch_size: int = 0
    similarity_floor: float = 0.0

    @classmethod
    def of(cls, db_path: str, embedder: Optional[Embedder], meaning: bool) -> SearchSetup:
        """The setup of a server ranking with ``embedder`` (None: the built-in meaning if
        ``meaning``); ValueError for an embedder a search process cannot make again."""
        if embedder is None:
            return cls(db_path, meaning)
        if type(embedder) is not ModelEmbedder:  # a subclass would be made as its base
            raise ValueError(
                "search processes rank with the built-in meaning or a ModelEmbedder, which "
                f"they make again from its endpoint; not with a {type(embedder).__name__}"
            )
        return cls(
            db_path,
            meaning,
            embedder.endpoint,
            embedder.batch_size,
            embedder.similarity_floor,
        )

    @property
    def deadline(self) -> float:
        """How long one search may take in a search process: a minute, and a model
        embedder's every call it may make (the query, then the texts of up to twice a
        full scope, a batch at a time) at its timeout."""
        if self.embedder is None:
            return _SEARCH_DEADLINE_SECONDS
        calls = 1 + -(-2 * MODEL_SCOPE // max(1, self.embed_batch_size))
        return _SEARCH_DEADLINE_SECONDS + calls * self.embedder.timeout

    def ranker(self) -> Optional[ModelRanker]:
        if self.embedder is not None:
            return ModelRanker(
                ModelEmbedder(
                    self.embedder,
                    batch_size=self.embed_batch_size,
                    similarity_floor=self.similarity_floor,
                )
            )
        return ModelRanker(MeaningEmbedder()) if self.meaning else None


def _send(stream: IO[bytes], message: Any) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_FRAME.pack(len(data)) + data)
    stream.flush()


def _receive(stream: IO[bytes], most: int = _MAX_MESSAGE) -> Any:
    """The next message; EOFError when the other end has closed the pipe, or when what
    comes is no message (a length over ``most``)."""
    head = stream.read(_FRAME.size)
    if len(head) < _FRAME.size:
        raise EOFError("the pipe closed")
    (size,) = _FRAME.unpack(head)
    if size > most:
        raise EOFError(f"the pipe carries no message (a length of {size})")
    data = stream.read(size)
    if len(data) < size:
        raise EOFError("the pipe closed mid-message")
    return pickle.loads(data)


def serve() -> None:
    """A search process's life: its setup first, then searches until the pipe closes."""
    # Its life is its pipe's: Ctrl-C or SIGTERM sent to the whole group reaches the
    # serving process, which answers what is in flight, then closes the pipe.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    out = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # print() goes to stderr now
    source = sys.stdin.buffer
    setup, cpus = _receive(source)
    if cpus and hasattr(os, "sched_setaffinity"):
        try:
            os.sched_setaffinity(0, cpus)
        except OSError as err:
            print(f"longmem: search process: cannot run on CPUs {cpus}: {err}", file=sys.stderr)
    store = Store(setup.db_path, reader_only=True)
    try:
        engine = SearchEngine(
            store,
            setup.ranker(),
            follow_log=True,
            on_load=(_LOAD_HEARTBEAT, lambda: _send(out, ("alive", None))),
        )
        _send(out, ("ready", os.getpid()))
        while True:
            try:
                tenant_id, request = _receive(source)
            except EOFError:
                return
            try:
                reply: tuple[str, Any] = ("ok", engine.search(tenant_id, request))
            except Exception as err:  # the serving process runs it again, and answers
                reply = ("error", f"{type(err).__name__}: {err}")
            _send(out, reply)
    finally:
        store.close()


class _SearchProcess:
    """One search process and its pipe, used by one search at a time: started when made,
    ``handshake`` gives it its setup and waits until it is ready."""

    def __init__(self, slot: int) -> None:
        self.slot = slot
        self.started = time.monotonic()
        self.popen = subprocess.Popen(
            [sys.executable, "-S", "-c", _ENTRY, _PACKAGE_PARENT],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        assert self.popen.stdin is not None and self.popen.stdout is not None
        self.to_it: IO[bytes] = self.popen.stdin
        self.from_it: IO[bytes] = self.popen.stdout
        self.pid = self.popen.pid
        self.busy_since: Optional[float] = None  # when its search began (monotonic)
        self.killed = False  # by the watchdog, for taking too long

    def handshake(self, setup: SearchSetup, cpus: frozenset[int]) -> None:
        """Send the setup and wait for "ready", for _START_SECONDS at most (then it is
        killed, and this raises EOFError)."""
        timer = threading.Timer(_START_SECONDS, self.popen.kill)
        timer.daemon = True
        timer.start()
        try:
            _send(self.to_it, (setup, cpus))
            said = _receive(self.from_it, most=1024)
        finally:
            timer.cancel()
        if not (isinstance(said, tuple) and said[:1] == ("ready",)):
            raise EOFError(f"it said {said!r} instead of ready")

    def search(self, tenant_id: str, request: SearchRequest) -> tuple[str, Any]:
        self.busy_since = time.monotonic()
        try:
            _send(self.to_it, (tenant_id, request))
            while True:
                reply: tuple[str, Any] = _receive(self.from_it)
                if reply[0] != "alive":
                    return reply
                self.busy_since = time.monotonic()  # loading an index, a while yet
        finally:
            self.busy_since = None

    def hang_up(self) -> None:
        """Close its pipe: it exits at the end of its input."""
        for stream in (self.to_it, self.from_it):
            with contextlib.suppress(OSError):
                stream.close()

    def reap(self, until: float) -> None:
        """Wait for it to exit until ``until`` (monotonic), then kill it."""
        try:
            self.popen.wait(max(0.0, until - time.monotonic()))
        except subprocess.TimeoutExpired:
            self.popen.kill()
            self.popen.wait()

    def close(self) -> None:
        self.hang_up()
        self.reap(time.monotonic() + _EXIT_SECONDS)


# Errors of a pipe whose search process died or garbled it.
_PIPE_ERRORS = (OSError, EOFError, pickle.PickleError, struct.error, ValueError, TypeError)


class SearchProcesses:
    """``count`` search processes beside ``engine``, the serving process's own. A search
    waits for an idle one, and runs in the serving process only while none runs: before
    the first has started (they start in the background), after a failure, or when all
    are lost. ``cpus``: the CPUs they may run on (empty: the serving process's)."""

    def __init__(
        self, engine: SearchEngine, setup: SearchSetup, count: int, cpus: Sequence[int] = ()
    ) -> None:
        if count < 1:
            raise ValueError("search processes: the count must be at least 1")
        self.engine = engine
        self.setup = setup
        self.count = count
        self.cpus = frozenset(cpus)
        self._idle: list[_SearchProcess] = []
        self._running: set[_SearchProcess] = set()
        self._launching: set[_SearchProcess] = set()  # started, not ready yet
        self._lock = threading.Lock()
        self._free = threading.Condition(self._lock)  # notified when _idle or _running changes
        self._stopped = False
        self._starters: list[threading.Thread] = []
        self._delays: dict[int, float] = {}  # slot → wait before its next start
        for slot in range(count):
            self._start(slot, delay=0.0)
        self._watchdog = threading.Thread(
            target=self._watch, name="longmem-search-watchdog", daemon=True
        )
        self._watchdog.start()

    @property
    def running(self) -> int:
        """How many search processes are running (idle or searching)."""
        with self._lock:
            return len(self._running)

    def search(self, tenant_id: str, request: SearchRequest) -> list[dict[str, Any]]:
        """``SearchEngine.search``, in a search process when one runs."""
        process = self._take()
        if process is None:
            return self.engine.search(tenant_id, request)
        try:
            status, value = process.search(tenant_id, request)
        except _PIPE_ERRORS as err:
            self._lost(process, err)
            return self.engine.search(tenant_id, request)
        except BaseException as err:  # its pipe is mid-message now: no use any more
            self._lost(process, err)
            raise
        with self._free:
            if not self._stopped:
                self._idle.append(process)
                self._free.notify()
        if status == "ok":
            hits: list[dict[str, Any]] = value
            return hits
        log.warning("a search process failed a search (%s); running it here", value)
        return self.engine.search(tenant_id, request)

    def _take(self) -> Optional[_SearchProcess]:
        with self._free:
            while not self._idle and self._running and not self._stopped:
                self._free.wait()
            return self._idle.pop() if self._idle and not self._stopped else None

    def stop(self) -> None:
        """End every search process, all at once: the idle ones as their pipes close,
        one still starting, and one still searching (the server has waited for its
        requests in flight already) killed, its search answered by the server."""
        with self._free:
            self._stopped = True
            # (killed first: a thread reading its pipe holds the pipe until it ends)
            busy = [p for p in self._running if p not in self._idle] + [*self._launching]
            every = [*self._running, *self._launching]
            self._idle = []
            self._running.clear()
            self._free.notify_all()
            starters = list(self._starters)
        for process in busy:
            process.popen.kill()
        for process in every:
            process.hang_up()
        until = time.monotonic() + _EXIT_SECONDS
        for process in every:
            process.reap(until)
        for starter in starters:
            starter.join(_EXIT_SECONDS)
        self._watchdog.join(_EXIT_SECONDS)

    def _watch(self) -> None:
        """Kill a search process whose search has outlived the deadline: its pipe
        closes, and the search waiting on it runs in the server (``_lost``)."""
        deadline = self.setup.deadline
        with self._free:
            while not self._stopped:
                self._free.wait(min(1.0, deadline / 10))
                now = time.monotonic()
                for process in self._running:
                    began = process.busy_since
                    if began is not None and now - began > deadline and not process.killed:
                        process.killed = True
                        log.warning(
                            "search process %s took over %g s on a search; stopping it",
                            process.pid,
                            deadline,
                        )
                        process.popen.kill()

    def _lost(self, process: _SearchProcess, err: BaseException) -> None:
        process.close()
        with self._free:
            self._running.discard(process)
            self._free.notify_all()  # waiters run their search here if none is left
        what = f"search process {process.pid} ended ({err}; exit status {process.popen.returncode})"
        self._restart(process.slot, time.monotonic() - process.started, what)

    def _restart(self, slot: int, lived: float, what: str) -> None:
        """Start another process in ``slot`` after a wait: a second, or, for one that
        ended soon after it started (or never did), twice the last wait, up to a minute."""
        with self._free:
            if self._stopped:
                return
            last = self._delays.get(slot, _RESTART_SECONDS)
            quick = min(2 * last, _MAX_RESTART_SECONDS)
            delay = self._delays[slot] = _RESTART_SECONDS if lived > _HEALTHY_SECONDS else quick
        log.warning("%s; another starts in %g s", what, delay)
        self._start(slot, delay)

    def _start(self, slot: int, delay: float) -> None:
        starter = threading.Thread(
            target=self._run_starter, args=(slot, delay), name="longmem-search-start", daemon=True
        )
        with self._free:
            self._starters = [t for t in self._starters if t.is_alive()] + [starter]
        starter.start()

    def _run_starter(self, slot: int, delay: float) -> None:
        deadline = time.monotonic() + delay
        with self._free:  # stop() wakes this wait
            while not self._stopped and time.monotonic() < deadline:
                self._free.wait(deadline - time.monotonic())
            if self._stopped:
                return
        try:
            process = _SearchProcess(slot)
        except OSError as err:
            self._restart(slot, 0.0, f"a search process did not start ({err})")
            return
        with self._free:
            if self._stopped:
                process.close()
                return
            self._launching.add(process)
        try:
            process.handshake(self.setup, self.cpus)
        except _PIPE_ERRORS as err:
            process.close()
            with self._free:
                self._launching.discard(process)
            self._restart(slot, 0.0, f"search process {process.pid} did not start ({err})")
            return
        with self._free:
            self._launching.discard(process)
            if not self._stopped:
                self._running.add(process)
                self._idle.append(process)
                self._free.notify()
                return
        process.close()
