"""The HTTP adapter: connection limits, request framing, routing, auth, body limits, rate
limits, idempotency, JSON errors and ``X-Request-Id``, around the handlers of routes.py.

Order per request: the head, framed strictly (http11.py: 400/411/417/501/505) → route
(404/405) → auth (401) → declared length (413) → rate limit (429) → role (403) → only now
the body is read ("100 Continue" first if asked) → JSON (400) → idempotency (replay/409)
→ handler. An answer given before the body is read skips a short body and closes the
connection on a long one; a 401 always closes it. Every response, errors and 204
included, carries Content-Length, so HTTP/1.1 connections stay reusable.

Connections are bounded: at most ``max_connections`` open (to make room, the one that has
waited or sent part of a request head the longest is closed, else 503), ``idle_timeout``
between requests, ``header_timeout`` for a request's head and ``request_timeout`` for the
whole request (408), deadlines kept by one reaper thread because a socket timeout only
bounds each recv.
A client that goes away midway is a debug line, never a 500: nothing unread runs.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import http.client
import io
import json
import logging
import secrets
import select
import socket
import sys
import threading
import time
from collections.abc import Iterable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Optional
from urllib.parse import parse_qsl, urlsplit

from .context import ADMIN, PUBLIC, WRITE, HTTPError, Replay, Request, Response, Services
from .db import ROLE_ADMIN, ROLE_READ, Principal
from .http11 import Disconnected, FramingError, read_head
from .idempotency import Idempotency, canonical, canonical_target, fingerprint_parts
from .jsonbody import MalformedJSON, SpooledDocument, parse_json, spool
from .ratelimit import DEFAULT_RATE_LIMIT, RateLimiter
from .routes import MAX_BODY_BYTES, ROUTER, Route
from .validation import ValidationFailed

log = logging.getLogger("longmem.server")
# One INFO line per request (`serve --log-requests`): method, path, status, milliseconds.
REQUESTS_LOGGER = "longmem.server.requests"
requests_log = logging.getLogger(REQUESTS_LOGGER)

# How long a keep-alive connection may sit idle between requests. Short, because every
# open connection holds a thread and a descriptor; a client reconnects in a millisecond.
DEFAULT_IDLE_TIMEOUT = 15.0
# How long a request may take to arrive in full: its line and headers, then its body at
# no less than _MIN_BODY_RATE bytes a second. A client that drips a byte at a time (or
# stops) is answered 408 and dropped instead of holding a thread forever.
DEFAULT_REQUEST_TIMEOUT = 30.0
# How long its line and headers may take, within that: a real client sends them in one
# go, and before they are in no key has been seen, so anyone may hold a connection this
# long (the cap closes the longest-waiting of them sooner to make room).
DEFAULT_HEADER_TIMEOUT = 5.0
_MIN_BODY_RATE = 1024 * 1024
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
# An early answer (401, 404, ...) to a request whose body is still coming: a body this
# small is read past so the connection stays usable; a larger one closes it.
_SKIP_BODY_BYTES = 64 * 1024
# Before closing on unread bytes, read (and drop) a little for a little while: closing
# with bytes unread sends a reset, which can destroy the answer before the client reads it.
_LINGER_SECONDS = 1.0
_LINGER_BYTES = 1024 * 1024
# Large bodies (the import's) are read, parsed and stored one at a time, so concurrent
# imports cannot add up their work and spools; how long a second one waits for its turn
# before a 503.
_LARGE_BODY_WAIT_SECONDS = 60.0
_DRAIN_POLL_SECONDS = 0.05
_ANONYMOUS = Principal("", "", ROLE_READ, "anonymous")


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
    body = _json_bytes({"detail": "Too many connections; try again shortly"})
    head = (
        "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\nRetry-After: 1\r\nConnection: close\r\n\r\n"
    )
    return head.encode("ascii") + body


class LongmemHTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    # Many clients open pooled connections at once; the default backlog of 5 drops some.
    request_queue_size = 128

    def __init__(
        self,
        address: tuple[str, int],
        services: Services,
        rate_limit: Optional[int],
        *,
        max_connections: Optional[int] = None,
        idle_timeout: float = DEFAULT_IDLE_TIMEOUT,
        request_timeout: float = DEFAULT_REQUEST_TIMEOUT,
        header_timeout: float = DEFAULT_HEADER_TIMEOUT,
    ) -> None:
        self.services = services
        self.limiter = RateLimiter(rate_limit or DEFAULT_RATE_LIMIT)
        self.idempotency = Idempotency(services.store)
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
        self.large_body = threading.Semaphore(1)
        self._accept_backoff = _ACCEPT_BACKOFF_SECONDS[0]
        self._sleep = time.sleep
        self._closing = threading.Event()
        self.draining = False
        if ":" in address[0]:
            self.address_family = socket.AF_INET6  # e.g. "::1"
        super().__init__(address, _Handler)
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
                log.warning("out of file descriptors (%s); pausing accept", err.strerror)
                with self._open_lock:
                    self._make_room()
                self._sleep(self._accept_backoff)
                self._accept_backoff = min(self._accept_backoff * 2, _ACCEPT_BACKOFF_SECONDS[1])
            raise  # socketserver drops the attempt; the client's connect stays queued
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
        del self._open[conn]
        with contextlib.suppress(OSError):
            conn.shutdown(socket.SHUT_RDWR)
        return True

    def shutdown_request(self, request: Any) -> None:
        with self._open_lock:
            self._open.pop(request, None)
            self._busy.discard(request)
            self._heads.pop(request, None)
            self._deadlines.pop(request, None)
            self._expired.discard(request)
            self._changed.notify_all()
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


def _parse_json(body: bytes) -> Any:
    try:
        return parse_json(body)
    except MalformedJSON as err:
        raise HTTPError(400, f"Malformed JSON body: {err}") from None


def _authorise(route: Route, principal: Principal) -> None:
    if route.access == ADMIN and principal.role != ROLE_ADMIN:
        raise HTTPError(403, "This route needs an admin key")
    if route.access == WRITE and principal.role == ROLE_READ:
        raise HTTPError(403, "This key is read-only")


def _json_bytes(value: Any) -> bytes:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


_BUSY_RESPONSE = _busy_response()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "longmem-local"
    # Headers and body are two writes; with Nagle on, the second waits for the client's
    # delayed ACK: a 40 ms stall on every keep-alive request.
    disable_nagle_algorithm = True
    server: LongmemHTTPServer
    rfile: io.BufferedReader  # StreamRequestHandler's makefile("rb"): it can peek
    _request_id: str
    _rate: tuple[int, int, int]  # (limit, remaining, reset) for the RateLimit-* headers
    _principal: Optional[Principal]  # the bearer key's, once _caller() has looked it up
    _caller_known: bool
    _unread = 0  # body bytes declared and not read yet
    _expect_continue = False  # "100 Continue" is owed before the body is read
    _reading = False  # between a request's first byte and its last
    _holds_large_body = False
    _lingering = False  # close after the answer, reading past what the client still sends

    def handle(self) -> None:
        self.close_connection = True
        try:
            self.handle_one_request()
            while not self.close_connection:
                self.handle_one_request()
        except (Disconnected, OSError) as err:
            self.close_connection = True
            cause = err.__cause__ if isinstance(err, Disconnected) else err
            late = isinstance(cause, socket.timeout) or self.server.timed_out(self.connection)
            if self._reading and late:
                with contextlib.suppress(OSError):
                    self._refuse(408, "The request did not arrive in full in time")
            else:
                # A client that goes away, before or between requests or halfway through
                # one, is not an error: nothing of an unfinished request ran.
                log.debug("%s closed the connection: %r", self.address_string(), err)

    def handle_one_request(self) -> None:
        self.close_connection = True
        self._reading = False
        conn = self.connection
        conn.settimeout(self.server.idle_timeout)
        if not self.rfile.peek(1):
            return  # the client closed its idle connection
        if not self.server.request_started(conn):
            return  # closed to make room for another connection just as this one spoke
        conn.settimeout(self.server.request_timeout)
        started = time.perf_counter()
        self._start()
        self._reading = True
        try:
            head = read_head(self.rfile)
        except FramingError as err:
            self._refuse(err.status, err.detail, started)
            return
        if not self.server.head_arrived(conn):
            return  # closed to make room while its head was coming
        self.command, self.path, self.request_version = head.method, head.target, head.version
        self.requestline = f"{head.method} {head.target} {head.version}"
        self.headers = head.headers
        self.close_connection = not head.keep_alive
        self._unread = head.length
        self._expect_continue = head.expect_continue
        self._dispatch(started)
        self.wfile.flush()

    def finish(self) -> None:
        super().finish()
        if self._lingering:
            _linger(self.connection)

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("%s %s", self.address_string(), format % args)

    # -- the pipeline -----------------------------------------------------------------

    def _dispatch(self, started: float) -> None:
        try:
            response = self._handle()
        except HTTPError as err:
            response = Response(err.status, {"detail": err.detail}, err.headers)
        except ValidationFailed as err:
            response = Response(422, {"detail": err.errors})
        except Disconnected:
            raise
        except Exception:
            log.exception("unhandled error in %s %s", self.command, self.path)
            response = Response(500, {"detail": "Internal server error"})
        finally:
            if self._holds_large_body:
                self._holds_large_body = False
                self.server.large_body.release()
        self._skip_unread_body()
        self._send(response)
        self._log_request(response.status, started)

    def _refuse(self, status: int, detail: str, started: Optional[float] = None) -> None:
        """Answer a request that could not be read whole; the connection then closes."""
        self.close_connection = True
        self._send(Response(status, {"detail": detail}))
        self._log_request(status, started or time.perf_counter(), detail)

    def _log_request(self, status: int, started: float, why: Optional[str] = None) -> None:
        """One line for `serve --log-requests`; a request line that could not be read
        logs as "- -" and says why."""
        if not requests_log.isEnabledFor(logging.INFO):
            return
        known = bool(self.command)  # empty: the request line was not understood
        requests_log.info(
            "%s %s %d %.1f ms%s",
            self.command if known else "-",
            urlsplit(self.path).path if known else "-",
            status,
            (time.perf_counter() - started) * 1000,
            f" ({why})" if why else "",
        )

    def _start(self) -> None:
        self._request_id = "req_" + secrets.token_hex(8)
        self._rate = (self.server.limiter.limit, 0, 0)
        self._principal = None
        self._caller_known = False
        # Nothing of the previous request on this connection may leak into this answer.
        self.command, self.path, self.request_version = "", "", "HTTP/1.1"
        self.requestline = ""
        self.headers = http.client.HTTPMessage()
        self._unread = 0
        self._expect_continue = False

    def _handle(self) -> Response:
        split = urlsplit(self.path)
        query = dict(parse_qsl(split.query, keep_blank_values=True))
        # HEAD is GET without the body (_send leaves it out).
        method = "GET" if self.command == "HEAD" else self.command
        try:
            route, params, allowed = ROUTER.match(method, split.path)
        except UnicodeDecodeError:
            raise HTTPError(400, "Path is not valid percent-encoded UTF-8") from None
        if route is None:
            self._count(None)
            if allowed:
                methods = set(allowed) | ({"HEAD"} if "GET" in allowed else set())
                raise HTTPError(405, "Method Not Allowed", {"Allow": ", ".join(sorted(methods))})
            raise HTTPError(404, "Not Found")
        # Who is asking is known from the headers: a caller who may not make this call
        # is answered before a byte of the body is read.
        if route.access == PUBLIC:
            self._check_length(route.max_body)
            self._count(None)
            principal = _ANONYMOUS
        else:
            principal = self._authenticate()
            self._check_length(route.max_body)
            self._count(principal)
            _authorise(route, principal)
        key = self.headers.get("Idempotency-Key")
        replays = key is not None and route.idempotency is not Replay.NEVER
        with contextlib.ExitStack() as spooled:
            # The body's canonical form, for the fingerprint: its length, then its parts.
            form: tuple[int, Iterable[bytes]] = (0, ())
            if route.streamed and self._unread:
                document = self._spool_body(with_canonical=replays)
                spooled.callback(document.close)
                parsed = document.value
                if replays:
                    form = document.canonical()
            else:
                body = self._read_body()
                # Only POST and PUT routes take a body; one sent with GET or DELETE is ignored.
                takes_body = bool(body) and self.command in ("POST", "PUT")
                parsed = _parse_json(body) if takes_body else None
                if replays and takes_body:
                    whole = canonical(parsed)
                    form = (len(whole), (whole,))
            request = Request(principal, params, query, parsed, self.server.services)
            if key is None or not replays:
                return route.handler(request)
            idempotency = self.server.idempotency
            owner = principal.tenant_id
            target = canonical_target(split.path, query, route.boolean_query)
            digest = fingerprint_parts(self.command, target, *form)
            if route.idempotency is Replay.PREPARED:
                request.commit = functools.partial(idempotency.commit, owner, key, digest)
            return idempotency.run(
                route.idempotency, owner, key, digest, lambda: route.handler(request)
            )

    def _check_length(self, limit: int) -> None:
        if self._unread > limit:
            self.close_connection = True
            raise HTTPError(413, f"Request body larger than {limit} bytes")

    def _read_body(self) -> bytes:
        self._begin_body()
        body = self._read_exactly(self._unread)
        self._end_body()
        return body

    def _spool_body(self, with_canonical: bool) -> SpooledDocument:
        """Parse the body as it arrives, into a temporary file (jsonbody.spool): a large
        import costs about one element's memory, not several times its size."""
        self._begin_body()
        left: Optional[float] = None

        def read(size: int) -> bytes:
            # The read deadline is the client's time to send: it runs during each read
            # only, not while the server parses and spools what it has read.
            nonlocal left
            if left is not None:
                self.server.resume_deadline(self.connection, left)
            try:
                return self._read_exactly(min(size, self._unread))
            finally:
                left = self.server.pause_deadline(self.connection)

        try:
            document = spool(read, with_canonical=with_canonical)
        except MalformedJSON as err:  # the body has been read in full
            self._end_body()
            raise HTTPError(400, f"Malformed JSON body: {err}") from None
        except OSError as err:  # the temporary files' (reading the socket is Disconnected)
            self._end_body()
            self.close_connection = True  # the rest of the body is not read
            log.warning("no room to spool a request body in the temporary directory: %s", err)
            detail = f"No room to spool the request body in the server's TMPDIR: {err}"
            raise HTTPError(507, detail) from None
        self._end_body()
        return document

    def _begin_body(self) -> None:
        """Take the large-body turn if needed, send "100 Continue" if owed, and start the
        body's read deadline."""
        length = self._unread
        if length > MAX_BODY_BYTES:
            # A large body (an import's) takes a while to parse and store: one at a time,
            # so concurrent imports cannot add up their work and spools. Waiting for the
            # turn is not reading, so the read deadline starts after it.
            self.server.read_deadline(self.connection, None)
            if not self.server.large_body.acquire(timeout=_LARGE_BODY_WAIT_SECONDS):
                raise HTTPError(503, "Another large body is being read", {"Retry-After": "5"})
            self._holds_large_body = True
        if length and self._expect_continue:
            self._expect_continue = False
            self.wfile.write(b"HTTP/1.1 100 Continue\r\n\r\n")
            self.wfile.flush()
        self.server.read_deadline(self.connection, length / _MIN_BODY_RATE)

    def _end_body(self) -> None:
        self.server.read_deadline(self.connection, None)
        self._reading = False

    def _read_exactly(self, length: int) -> bytes:
        # Anything short of the declared length, a reset or a close midway, is not run.
        try:
            data = self.rfile.read(length) if length else b""
        except OSError as err:  # a reset, or a read that timed out
            raise Disconnected(f"reading the body: {err!r}") from err
        self._unread -= len(data)
        if len(data) < length:
            raise Disconnected(f"the body ended after {len(data)} of {length} bytes")
        return data

    def _skip_unread_body(self) -> None:
        """Before answering without the body: read past a short one, so the connection
        stays in step and open; close after a long one instead of reading it."""
        if not self._unread:
            return
        if self._unread <= _SKIP_BODY_BYTES and not self._expect_continue:
            self._read_exactly(self._unread)
        else:
            self.close_connection = True
            self._lingering = True

    def _caller(self) -> Optional[Principal]:
        """The principal of the request's bearer key, or None; looked up once a request."""
        if not self._caller_known:
            self._caller_known = True
            header = self.headers.get("Authorization") or ""
            scheme, _, token = header.partition(" ")
            if scheme.lower() == "bearer" and token.strip():
                self._principal = self.server.services.store.keys.authenticate(token.strip())
        return self._principal

    def _authenticate(self) -> Principal:
        if len(self.headers.get_all("Authorization") or []) > 1:
            # Which one would count is a guess a proxy in front may make differently.
            raise HTTPError(400, "Send one Authorization header, not several")
        principal = self._caller()
        if principal is None:
            self._count(None)
            # Whoever sent it gets no second try on this connection, nor a body read.
            self.close_connection = True
            raise HTTPError(
                401,
                "Missing or invalid API key"
                if self.headers.get("Authorization")
                else "Missing API key",
                {"WWW-Authenticate": "Bearer"},
            )
        return principal

    def _count(self, principal: Optional[Principal]) -> None:
        bucket = principal.key_id if principal else "ip:" + self.client_address[0]
        allowed, remaining, reset = self.server.limiter.hit(bucket)
        self._rate = (self.server.limiter.limit, remaining, reset)
        if not allowed:
            retry_after = max(1, int(reset - time.time() + 0.999))
            raise HTTPError(429, "Rate limit exceeded", {"Retry-After": str(retry_after)})

    def _send(self, response: Response) -> None:
        payload = b"" if response.status == 204 else _json_bytes(response.body)
        if self.server.draining:
            self.close_connection = True  # the server is stopping: this is the last answer
        try:
            self.send_response(response.status)
            if response.status != 204:
                self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.send_header("X-Request-Id", self._request_id)
            limit, remaining, reset = self._rate
            if not reset:  # answered before the request was counted: report, don't count
                caller = self._caller()
                bucket = caller.key_id if caller else "ip:" + self.client_address[0]
                remaining, reset = self.server.limiter.peek(bucket)
            self.send_header("RateLimit-Limit", str(limit))
            self.send_header("RateLimit-Remaining", str(remaining))
            self.send_header("RateLimit-Reset", str(reset))
            for name, value in response.headers.items():
                self.send_header(name, value)
            if self.close_connection:
                self.send_header("Connection", "close")
            self.end_headers()
            if getattr(self, "command", None) != "HEAD":
                self.wfile.write(payload)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        finally:
            self.server.request_answered(self.connection)


def _linger(conn: socket.socket) -> None:
    """Close gently on unread bytes: say we are done, then read (and drop) a little for a
    little while. Closing at once would send a reset, which can destroy the answer in the
    client's buffer before it is read; draining all would read gigabytes."""
    with contextlib.suppress(OSError):
        conn.shutdown(socket.SHUT_WR)
        end = time.monotonic() + _LINGER_SECONDS
        dropped = 0
        while dropped < _LINGER_BYTES:
            left = end - time.monotonic()
            if left <= 0:
                break
            conn.settimeout(left)
            chunk = conn.recv(65536)
            if not chunk:
                break
            dropped += len(chunk)


def make_server(
    host: str,
    port: int,
    services: Services,
    rate_limit: Optional[int] = None,
    *,
    max_connections: Optional[int] = None,
    idle_timeout: float = DEFAULT_IDLE_TIMEOUT,
    request_timeout: float = DEFAULT_REQUEST_TIMEOUT,
    header_timeout: float = DEFAULT_HEADER_TIMEOUT,
) -> LongmemHTTPServer:
    return LongmemHTTPServer(
        (host, port),
        services,
        rate_limit,
        max_connections=max_connections,
        idle_timeout=idle_timeout,
        request_timeout=request_timeout,
        header_timeout=header_timeout,
    )
