"""The HTTP adapter: body limits, routing, auth, rate limits, idempotency, JSON errors and
``X-Request-Id``, around the handlers of routes.py.

Order per request: read the body (so an early error never leaves unread bytes on a
keep-alive connection) → route (404/405) → auth (401/403) → rate limit (429) → JSON
(400) → idempotency (replay/409) → handler. Every response, errors and 204 included,
carries Content-Length, so HTTP/1.1 connections stay reusable.
"""

from __future__ import annotations

import contextlib
import json
import logging
import re
import secrets
import select
import socket
import threading
import time
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Optional
from urllib.parse import parse_qsl, urlsplit

from .context import ADMIN, PUBLIC, WRITE, HTTPError, Replay, Request, Response, Services
from .db import ROLE_ADMIN, ROLE_READ, Principal
from .idempotency import Idempotency, canonical, fingerprint
from .ratelimit import DEFAULT_RATE_LIMIT, RateLimiter
from .routes import MAX_BODY_BYTES, ROUTER, Route
from .validation import MAX_JSON_INT_DIGITS, ValidationFailed

log = logging.getLogger("longmem.server")
# One INFO line per request (`serve --log-requests`): method, path, status, milliseconds.
REQUESTS_LOGGER = "longmem.server.requests"
requests_log = logging.getLogger(REQUESTS_LOGGER)

_IDLE_TIMEOUT_SECONDS = 120
_DRAIN_POLL_SECONDS = 0.05
_ANONYMOUS = Principal("", "", ROLE_READ, "anonymous")


class LongmemHTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    # Many clients open pooled connections at once; the default backlog of 5 drops some.
    request_queue_size = 128

    def __init__(
        self, address: tuple[str, int], services: Services, rate_limit: Optional[int]
    ) -> None:
        self.services = services
        self.limiter = RateLimiter(rate_limit or DEFAULT_RATE_LIMIT)
        self.idempotency = Idempotency(services.store)
        self._open: set[socket.socket] = set()
        # The connections between reading a request line and sending its answer.
        self._busy: set[socket.socket] = set()
        self._open_lock = threading.Lock()
        self._changed = threading.Condition(self._open_lock)
        self.draining = False
        if ":" in address[0]:
            self.address_family = socket.AF_INET6  # e.g. "::1"
        super().__init__(address, _Handler)

    # Open connections are tracked so that stopping the server also ends idle keep-alive
    # connections, which would otherwise outlive the store they use.
    def process_request(self, request: Any, client_address: Any) -> None:
        with self._open_lock:
            self._open.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._open_lock:
            self._open.discard(request)
            self._busy.discard(request)
            self._changed.notify_all()
        super().shutdown_request(request)

    def request_started(self, conn: socket.socket) -> None:
        with self._open_lock:
            self._busy.add(conn)

    def request_answered(self, conn: socket.socket) -> None:
        with self._open_lock:
            self._busy.discard(conn)
            self._changed.notify_all()

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
                for conn in self._open - self._busy - closed:
                    if not _has_data(conn):
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
            conns, self._open = list(self._open), set()
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


def _reject_constant(name: str) -> Any:
    # NaN and Infinity are not JSON; accepting them would store what no client can read.
    raise ValueError(f"{name} is not valid JSON")


def _finite(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise ValueError(f"number {text} is out of range")
    return value


def _bounded_int(text: str) -> Any:
    """An integer as an int, or one too long to convert as an infinity of its sign: every
    field's range check then refuses it as too large or too small (a 422), and stored JSON
    (metadata) refuses any infinity."""
    if len(text) - text.startswith("-") > MAX_JSON_INT_DIGITS:
        return float("-inf") if text.startswith("-") else float("inf")
    return int(text)


# JSON may spell a lone UTF-16 surrogate as an escape; Python accepts it, but it can be
# neither stored nor sent back. Only bodies with such an escape pay for the full check.
_ESCAPED_SURROGATE = re.compile(rb"\\u[dD][89a-fA-F]")


def _encodable(value: Any) -> bool:
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _parse_json(body: bytes) -> Any:
    try:
        parsed = json.loads(
            body.decode("utf-8"),
            parse_constant=_reject_constant,
            parse_float=_finite,
            parse_int=_bounded_int,
        )
    except (UnicodeDecodeError, ValueError) as err:
        raise HTTPError(400, f"Malformed JSON body: {err}") from None
    except RecursionError:
        raise HTTPError(400, "Malformed JSON body: nested too deeply") from None
    if _ESCAPED_SURROGATE.search(body) and not _encodable(parsed):
        raise HTTPError(400, "Malformed JSON body: a \\u escape is an unpaired surrogate")
    return parsed


def _authorise(route: Route, principal: Principal) -> None:
    if route.access == ADMIN and principal.role != ROLE_ADMIN:
        raise HTTPError(403, "This route needs an admin key")
    if route.access == WRITE and principal.role == ROLE_READ:
        raise HTTPError(403, "This key is read-only")


def _json_bytes(value: Any) -> bytes:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "longmem-local"
    timeout = _IDLE_TIMEOUT_SECONDS
    # Headers and body are two writes; with Nagle on, the second waits for the client's
    # delayed ACK: a 40 ms stall on every keep-alive request.
    disable_nagle_algorithm = True
    server: LongmemHTTPServer
    _request_id: str
    _rate: tuple[int, int, int]  # (limit, remaining, reset) for the RateLimit-* headers
    _principal: Optional[Principal]  # the bearer key's, once _caller() has looked it up
    _caller_known: bool

    def do_GET(self) -> None:
        self._dispatch()

    do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = do_OPTIONS = do_GET

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """http.server's own errors (bad request line, huge headers, unknown method) in
        this server's JSON shape and headers rather than its HTML page."""
        if code == HTTPStatus.NOT_IMPLEMENTED and self.command:
            self._dispatch()  # an unknown method: answer 404/405 like any other
            return
        started = time.perf_counter()
        self.close_connection = True
        self._start()
        detail = message or HTTPStatus(code).phrase
        self._send(Response(code, {"detail": detail}))
        # http.server's message quotes the bad part with repr(): safe to log as is.
        self._log_request(code, started, detail)

    def parse_request(self) -> bool:
        # Called once a request line has arrived: from here until its answer is sent,
        # a draining server waits for this connection instead of closing it.
        self.server.request_started(self.connection)
        return super().parse_request()

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("%s %s", self.address_string(), format % args)

    # -- the pipeline -----------------------------------------------------------------

    def _dispatch(self) -> None:
        started = time.perf_counter()
        self._start()
        try:
            response = self._handle()
        except HTTPError as err:
            response = Response(err.status, {"detail": err.detail}, err.headers)
        except ValidationFailed as err:
            response = Response(422, {"detail": err.errors})
        except Exception:
            log.exception("unhandled error in %s %s", self.command, self.path)
            response = Response(500, {"detail": "Internal server error"})
        self._send(response)
        self._log_request(response.status, started)

    def _log_request(self, status: int, started: float, why: Optional[str] = None) -> None:
        """One line for `serve --log-requests`; a request line that could not be read
        logs as "- -" and says why."""
        if not requests_log.isEnabledFor(logging.INFO):
            return
        # No command: the request line was not understood, and `path` may be the
        # previous request's on this connection.
        known = bool(self.command)
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

    def _handle(self) -> Response:
        split = urlsplit(self.path)
        query = dict(parse_qsl(split.query, keep_blank_values=True))
        try:
            route, params, allowed = ROUTER.match(self.command, split.path)
        except UnicodeDecodeError:
            self._read_body(MAX_BODY_BYTES)
            raise HTTPError(400, "Path is not valid percent-encoded UTF-8") from None
        body = self._read_body(route.max_body if route is not None else MAX_BODY_BYTES)
        if route is None:
            self._count(None)
            if allowed:
                raise HTTPError(
                    405, "Method Not Allowed", {"Allow": ", ".join(sorted(set(allowed)))}
                )
            raise HTTPError(404, "Not Found")
        if route.access == PUBLIC:
            self._count(None)
            principal = _ANONYMOUS
        else:
            principal = self._authenticate()
            self._count(principal)
            _authorise(route, principal)
        # Only POST and PUT routes take a body; one sent with GET or DELETE is ignored.
        takes_body = bool(body) and self.command in ("POST", "PUT")
        parsed = _parse_json(body) if takes_body else None
        request = Request(principal, params, query, parsed, self.server.services)
        key = self.headers.get("Idempotency-Key")
        if key is None or route.idempotency is Replay.NEVER:
            return route.handler(request)
        return self.server.idempotency.run(
            route.idempotency,
            principal.tenant_id,
            key,
            fingerprint(self.command, self.path, canonical(parsed) if takes_body else b""),
            lambda: route.handler(request),
        )

    def _read_body(self, limit: int) -> bytes:
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            self.close_connection = True
            raise HTTPError(411, "Content-Length required; chunked bodies are not accepted")
        values = self.headers.get_all("Content-Length") or []
        if not values:
            return b""
        raw = values[0].strip()
        # Only plain digits, and one value: int() would also take "+5" or "1_0", and two
        # disagreeing lengths are how requests get smuggled past a proxy (RFC 9112 §6.3).
        length = int(raw) if raw.isascii() and raw.isdigit() else -1
        if len({value.strip() for value in values}) > 1:
            length = -1
        if length < 0:
            self.close_connection = True
            raise HTTPError(400, "Invalid Content-Length")
        if length > limit:
            # The unread body would be parsed as the next request: drop the connection.
            self.close_connection = True
            raise HTTPError(413, f"Request body larger than {limit} bytes")
        return self.rfile.read(length) if length else b""

    def _caller(self) -> Optional[Principal]:
        """The principal of the request's bearer key, or None; looked up once a request."""
        if not self._caller_known:
            self._caller_known = True
            headers = getattr(self, "headers", None)  # absent when the request line was bad
            header = (headers.get("Authorization") if headers else None) or ""
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


def make_server(
    host: str, port: int, services: Services, rate_limit: Optional[int] = None
) -> LongmemHTTPServer:
    return LongmemHTTPServer((host, port), services, rate_limit)
