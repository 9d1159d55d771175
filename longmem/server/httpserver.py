"""The local server's listening side: a ThreadingHTTPServer whose connections are
bounded, whichever handler answers their requests (app.py's _Handler).

At most ``max_connections`` open (to make room, the one that has waited or sent part of
a request head the longest is closed, else 503), ``idle_timeout`` between requests,
``header_timeout`` for a request's head and ``request_timeout`` for the whole request
(the handler answers 408), deadlines kept by one reaper thread because a socket timeout
only bounds each recv. Stopping drains: the requests in flight get their answers.
"""

from __future__ import annotations

import contextlib
import errno
import json
import logging
import select
import socket
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Optional

log = logging.getLogger("longmem.server")

# How long a keep-alive connection may sit idle between requests. Short, because every
# open connection holds a thread and a descriptor; a client reconnects in a millisecond.
DEFAULT_IDLE_TIMEOUT = 15.0
# How long a request may take to arrive in full: its line and headers, then its body at
# no less than _MIN_BODY_RATE (app.py) bytes a second. A client that drips a byte at a
# time (or stops) is answered 408 and dropped instead of holding a thread forever.
DEFAULT_REQUEST_TIMEOUT = 30.0
# How long its line and headers may take, within that: a real client sends them in one
# go, and before they are in no key has been seen, so anyone may hold a connection this
# long (the cap closes the longest-waiting of them sooner to make room).
DEFAULT_HEADER_TIMEOUT = 5.0
# Open connections at most; beyond it an idle connection, or one still sending a request
# head, is closed to make room, and when every one is busy the new one gets a 503 at once.
DEFAULT_MAX_CONNECTIONS = 256
# Descriptors a connection may cost: its socket and, while busy, a SQLite reader (file
# and WAL); kept free for the database, logs and the listener.
_FDS_PER_CONNECTION = 3
_RESERVED_FDS = 64
# Out of descriptors, accept() fails at once and the listener stays readable: without a
# pause the accept loop spins at full CPU.
_ACCEPT_BACKOFF_SECONDS = (0.01, 1.0)
_OUT_OF_DESCRIPTORS = frozenset({errno.EMFILE, errno.ENFILE, errno.ENOBUFS, errno.ENOMEM})
_DRAIN_POLL_SECONDS = 0.05


def default_max_connections() -> int:
    """DEFAULT_MAX_CONNECTIONS, lowered to fit the process's open-file limit."""
    try:
        import resource  # not on Windows
    except ImportError:
        return DEFAULT_MAX_CONNECTIONS
    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft == resource.RLIM_INFINITY:
        return DEFAULT_MAX_CONNECTIONS
    fit = (soft - _RESERVED_FDS) // _FDS_PER_CONNECTION
    return max(1, min(DEFAULT_MAX_CONNECTIONS, fit))


def _busy_response() -> bytes:
    body = json_bytes({"detail": "Too many connections; try again shortly"})
    head = (
        "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\nRetry-After: 1\r\nConnection: close\r\n\r\n"
    )
    return head.encode("ascii") + body


def json_bytes(value: Any) -> bytes:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


_BUSY_RESPONSE = _busy_response()


class BoundedHTTPServer(ThreadingHTTPServer):
    """ThreadingHTTPServer with its connections bounded (see the module's docstring).

    Its handler reports each request's progress (request_started, head_arrived,
    read_deadline, request_answered): the cap and the deadlines go by it."""

    daemon_threads = True
    allow_reuse_address = True
    # Many clients open pooled connections at once; the default backlog of 5 drops some.
    request_queue_size = 128

    def __init__(
        self,
        address: tuple[str, int],
        handler: type[BaseHTTPRequestHandler],
        *,
        max_connections: Optional[int],
        idle_timeout: float,
        request_timeout: float,
        header_timeout: float,
    ) -> None:
        self.max_connections = max_connections or default_max_connections()
        self.idle_timeout = idle_timeout
        self.request_timeout = request_timeout
        self.header_timeout = min(header_timeout, request_timeout)
        # Open connections, and since when each has waited for a request to come in whole
        # (accepted, or its last answer sent): the longest-waiting is closed to make room.
        self._open: dict[socket.socket, float] = {}
        # The connections between the first byte of a request and its answer, and those
        # of them still sending the head: no key seen yet, so they may be closed for room.
        self._busy: set[socket.socket] = set()
        self._heads: dict[socket.socket, float] = {}
        # Connections still reading a request, and when they must have it all.
        self._deadlines: dict[socket.socket, float] = {}
        self._expired: set[socket.socket] = set()
        self._open_lock = threading.Lock()
        self._changed = threading.Condition(self._open_lock)
        self._accept_backoff = _ACCEPT_BACKOFF_SECONDS[0]
        self._accept_pauses = 0  # since accept last succeeded
        self._sleep = time.sleep
        self._closing = threading.Event()
        self.draining = False
        if ":" in address[0]:
            self.address_family = socket.AF_INET6  # e.g. "::1"
        super().__init__(address, handler)
        self._reaper = threading.Thread(
            target=self._reap, name="longmem-request-deadlines", daemon=True
        )
        self._reaper.start()

    def server_close(self) -> None:
        self._closing.set()
        super().server_close()

    def handle_error(self, request: Any, client_address: Any) -> None:
        # socketserver's default prints a traceback to stderr; a peer that went away is
        # not an error, anything else is logged like a handler's unhandled error.
        err = sys.exc_info()[1]
        if isinstance(err, (ConnectionError, socket.timeout)):
            log.debug("%s closed the connection: %r", client_address[0], err)
        else:
            log.exception("unhandled error on the connection from %s", client_address[0])

    def _accept(self) -> tuple[socket.socket, Any]:
        return self.socket.accept()

    def get_request(self) -> tuple[socket.socket, Any]:
        try:
            request = self._accept()
        except OSError as err:
            if err.errno in _OUT_OF_DESCRIPTORS:
                if not self._accept_pauses:  # one line a shortage, not one a pause
                    log.warning("out of file descriptors (%s); pausing accept", err.strerror)
                self._accept_pauses += 1
                with self._open_lock:
                    self._make_room()
                self._sleep(self._accept_backoff)
                self._accept_backoff = min(self._accept_backoff * 2, _ACCEPT_BACKOFF_SECONDS[1])
            raise  # socketserver drops the attempt; the client's connect stays queued
        if self._accept_pauses:
            log.warning("accepting again after %d pauses for file descriptors", self._accept_pauses)
            self._accept_pauses = 0
        self._accept_backoff = _ACCEPT_BACKOFF_SECONDS[0]
        return request

    # Open connections are tracked so that stopping the server also ends idle keep-alive
    # connections, which would otherwise outlive the store they use, and so that their
    # number stays under the cap.
    def process_request(self, request: Any, client_address: Any) -> None:
        with self._open_lock:
            room = len(self._open) < self.max_connections or self._make_room()
            if room:
                self._open[request] = time.monotonic()
        if not room:
            # Refused on the accepting thread, without reading: one non-blocking send.
            with contextlib.suppress(OSError):
                request.setblocking(False)
                request.send(_BUSY_RESPONSE)
            self.shutdown_request(request)
            return
        super().process_request(request, client_address)

    def _make_room(self) -> bool:
        """Close the connection that has waited the longest for its request to come in
        whole: idle, or still sending its head. False when every one is busy past its
        head (authenticated or being answered). Holds _open_lock.

        A client that sends a byte of a head now and then is no more use than an idle
        one, and no key has been seen from it: if only idle connections could be closed,
        a few such clients would keep everyone else out until their deadline."""
        waiting = [
            (since, conn)
            for conn, since in self._open.items()
            if conn in self._heads or (conn not in self._busy and not _has_data(conn))
        ]
        if not waiting:
            return False
        _, conn = min(waiting, key=lambda pair: pair[0])
        # Forgotten at once, not when its thread notices: a request closed for room is
        # no longer in flight, and the new connection must not count twice against it.
        self._forget(conn)
        with contextlib.suppress(OSError):
            conn.shutdown(socket.SHUT_RDWR)
        return True

    def _forget(self, conn: socket.socket) -> None:
        """Drop every record of the connection. Holds _open_lock."""
        self._open.pop(conn, None)
        self._busy.discard(conn)
        self._heads.pop(conn, None)
        self._deadlines.pop(conn, None)
        self._expired.discard(conn)
        self._changed.notify_all()

    def shutdown_request(self, request: Any) -> None:
        with self._open_lock:
            self._forget(request)
        super().shutdown_request(request)

    def request_started(self, conn: socket.socket) -> bool:
        """A request's first byte arrived: from here until its answer, a draining server
        waits for this connection; its head must arrive within ``header_timeout``. False
        when the connection was closed to make room."""
        with self._open_lock:
            if conn not in self._open:
                return False
            now = time.monotonic()
            self._busy.add(conn)
            self._heads[conn] = now
            self._deadlines[conn] = now + self.header_timeout
            return True

    def head_arrived(self, conn: socket.socket) -> bool:
        """The request's head is in: the connection may no longer be closed for room, and
        the whole request must arrive within ``request_timeout`` of its first byte.
        False when the connection was closed to make room meanwhile."""
        with self._open_lock:
            started = self._heads.pop(conn, None)
            if conn not in self._open or started is None:
                return False
            if conn in self._deadlines:
                self._deadlines[conn] = started + self.request_timeout
            return True

    def read_deadline(self, conn: socket.socket, extra: Optional[float]) -> None:
        """Extend the connection's read deadline by ``extra`` seconds (for its body), or
        end it (None: the request has arrived in full)."""
        with self._open_lock:
            if extra is None:
                self._deadlines.pop(conn, None)
            elif conn in self._deadlines:
                self._deadlines[conn] += extra
            else:
                self._deadlines[conn] = time.monotonic() + self.request_timeout + extra

    def pause_deadline(self, conn: socket.socket) -> Optional[float]:
        """Stop the connection's read deadline while the server works between reads; the
        seconds it had left (None: none was running)."""
        with self._open_lock:
            deadline = self._deadlines.pop(conn, None)
        return None if deadline is None else deadline - time.monotonic()

    def resume_deadline(self, conn: socket.socket, left: float) -> None:
        """Run the read deadline again, with the ``left`` seconds ``pause_deadline`` gave."""
        with self._open_lock:
            self._deadlines[conn] = time.monotonic() + left

    def timed_out(self, conn: socket.socket) -> bool:
        with self._open_lock:
            return conn in self._expired

    def request_answered(self, conn: socket.socket) -> None:
        with self._open_lock:
            self._busy.discard(conn)
            self._heads.pop(conn, None)
            self._deadlines.pop(conn, None)
            if conn in self._open:
                self._open[conn] = time.monotonic()
            self._changed.notify_all()

    def _reap(self) -> None:
        # A socket timeout only bounds each recv(); a client sending a byte a second never
        # trips it. Shutting the reading side ends whatever read is blocked on it.
        interval = min(0.5, self.header_timeout / 5)
        while not self._closing.wait(interval):
            now = time.monotonic()
            with self._open_lock:
                late = [conn for conn, at in self._deadlines.items() if at <= now]
                for conn in late:
                    del self._deadlines[conn]
                    self._expired.add(conn)
            for conn in late:
                with contextlib.suppress(OSError):
                    conn.shutdown(socket.SHUT_RD)

    @property
    def open_connections(self) -> int:
        """How many connections are open now."""
        with self._open_lock:
            return len(self._open)

    @property
    def in_flight(self) -> int:
        """How many requests are being handled now."""
        with self._open_lock:
            return len(self._busy)

    @property
    def heads_arriving(self) -> int:
        """How many of the requests in flight are still sending their head (and so may
        still be closed to make room)."""
        with self._open_lock:
            return len(self._heads)

    def drain(self, grace: float) -> int:
        """Answer the requests in flight, for up to ``grace`` seconds; how many were still
        running when it ran out. Call it after the listening socket is closed.

        A request whose write committed must get its answer: a client that sees the
        connection drop instead cannot tell a stored write from a lost one. So every
        connection closes after its current answer, idle keep-alive ones at once; one
        whose next request has already arrived is left to read and answer it.
        """
        deadline = time.monotonic() + grace
        closed: set[socket.socket] = set()
        with self._open_lock:
            self.draining = True
            while self._open:
                for conn in self._open:
                    if conn not in self._busy and conn not in closed and not _has_data(conn):
                        closed.add(conn)
                        with contextlib.suppress(OSError):
                            conn.shutdown(socket.SHUT_RDWR)
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                # Woken by every answer and closed connection; the timeout re-checks idle
                # connections whose request arrived after the last look.
                self._changed.wait(min(left, _DRAIN_POLL_SECONDS))
            return len(self._busy)

    def close_connections(self) -> None:
        with self._open_lock:
            conns, self._open = list(self._open), {}
        for conn in conns:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)


def _has_data(conn: socket.socket) -> bool:
    """True when the peer has sent something not yet read (a request, or its close)."""
    try:
        readable, _, _ = select.select([conn], [], [], 0)
    except (OSError, ValueError):
        return False
    return bool(readable)
