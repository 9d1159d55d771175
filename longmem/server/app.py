"""The HTTP adapter: request framing, routing, auth, body limits, rate limits,
idempotency, JSON errors and ``X-Request-Id``, around the handlers of routes.py; the
connections it answers on are bounded by httpserver.py (cap, deadlines, drain).

Order per request: the head, framed strictly (http11.py: 400/411/417/501/505) → route
(404/405) → auth (401) → declared length (413) → rate limit (429) → role (403) → only now
the body is read ("100 Continue" first if asked) → JSON (400) → idempotency (replay/409)
→ handler. An answer given before the body is read skips a short body and closes the
connection on a long one; a 401 always closes it. Every response, errors and 204
included, carries Content-Length, so HTTP/1.1 connections stay reusable.
A client that goes away midway is a debug line, never a 500: nothing unread runs.
"""

from __future__ import annotations

import contextlib
import functools
import http.client
import io
import logging
import secrets
import socket
import threading
import time
from collections.abc import Iterable
from http.server import BaseHTTPRequestHandler
from typing import Any, Optional
from urllib.parse import parse_qsl, urlsplit

from .context import ADMIN, PUBLIC, WRITE, HTTPError, Replay, Request, Response, Services
from .db import ROLE_ADMIN, ROLE_READ, Principal
from .http11 import Disconnected, FramingError, read_head

# The timeouts and the cap, still importable from here (cli.py and LocalServer import them).
from .httpserver import DEFAULT_HEADER_TIMEOUT as DEFAULT_HEADER_TIMEOUT
from .httpserver import DEFAULT_IDLE_TIMEOUT as DEFAULT_IDLE_TIMEOUT
from .httpserver import DEFAULT_MAX_CONNECTIONS as DEFAULT_MAX_CONNECTIONS
from .httpserver import DEFAULT_REQUEST_TIMEOUT as DEFAULT_REQUEST_TIMEOUT
from .httpserver import BoundedHTTPServer, json_bytes
from .idempotency import Idempotency, canonical, canonical_target, fingerprint_parts
from .jsonbody import (
    MalformedJSON,
    SpooledDocument,
    TooManyValues,
    parse_json,
    spool,
    values_over,
)
from .ratelimit import DEFAULT_RATE_LIMIT, RateLimiter
from .routes import MAX_BODY_BYTES, ROUTER, Route
from .validation import ValidationFailed

log = logging.getLogger("longmem.server")
# One INFO line per request (`serve --log-requests`): method, path, status, milliseconds.
REQUESTS_LOGGER = "longmem.server.requests"
requests_log = logging.getLogger(REQUESTS_LOGGER)

# A request's body adds its length at this many bytes a second to the time the request
# may take to arrive in full (request_timeout, httpserver.py).
_MIN_BODY_RATE = 1024 * 1024
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
_ANONYMOUS = Principal("", "", ROLE_READ, "anonymous")


class LongmemHTTPServer(BoundedHTTPServer):
    """The server of the local API: bounded connections (BoundedHTTPServer), each
    answered by _Handler, with what the handler shares across them."""

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
        self.large_body = threading.Semaphore(1)
        super().__init__(
            address,
            _Handler,
            max_connections=max_connections,
            idle_timeout=idle_timeout,
            request_timeout=request_timeout,
            header_timeout=header_timeout,
        )


def _parse_json(body: bytes, max_values: int) -> Any:
    if values_over(body, max_values):
        raise HTTPError(413, f"Request body holds more than {max_values} JSON values")
    try:
        return parse_json(body)
    except MalformedJSON as err:
        raise HTTPError(400, f"Malformed JSON body: {err}") from None


def _authorise(route: Route, principal: Principal) -> None:
    if route.access == ADMIN and principal.role != ROLE_ADMIN:
        raise HTTPError(403, "This route needs an admin key")
    if route.access == WRITE and principal.role == ROLE_READ:
        raise HTTPError(403, "This key is read-only")


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
        self._skip_unread_body(response.status)
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
                # Only POST and PUT routes take a body; one sent with GET or DELETE is not
                # read (_dispatch reads past a short one, or closes the connection).
                body = self._read_body() if self.command in ("POST", "PUT") else b""
                takes_body = bool(body)
                parsed = _parse_json(body, route.max_values) if takes_body else None
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
        except TooManyValues as err:  # refused before it is parsed, the rest unread
            self._end_body()
            self.close_connection = True
            self._lingering = True
            raise HTTPError(413, str(err)) from None
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

    def _skip_unread_body(self, status: int) -> None:
        """Before answering ``status`` without the body: read past a short one, so the
        connection stays in step and open; close after a long one instead of reading it.
        Only for a caller with a key whose call was not refused (a 404 then costs no
        reconnect): without one the connection closes, so no one without a key holds it
        open by declaring a body he never sends (it would count as a request under way,
        which the connection cap never closes)."""
        if not self._unread:
            return
        keep = status != 403 and not self.close_connection and self._caller() is not None
        if keep and self._unread <= _SKIP_BODY_BYTES and not self._expect_continue:
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
        payload = b"" if response.status == 204 else json_bytes(response.body)
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
