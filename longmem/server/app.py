"""The HTTP adapter: body limits, routing, auth, rate limits, idempotency, JSON errors and
``X-Request-Id``, around the handlers of routes.py.

Order per request: read the body (so an early error never leaves unread bytes on a
keep-alive connection) → route (404/405) → auth (401/403) → rate limit (429) → JSON
(400) → idempotency (replay/409) → handler. Every response, errors and 204 included,
carries Content-Length, so HTTP/1.1 connections stay reusable.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import re
import secrets
import socket
import threading
import time
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Optional
from urllib.parse import parse_qsl, urlsplit

from . import openapi
from .context import HTTPError, Request, Response, Services
from .routes import ADMIN, PUBLIC, ROUTER, WRITE, Route
from .store import ROLE_ADMIN, ROLE_READ, Principal, Store
from .validation import IDEMPOTENCY_KEY_MAX, ValidationFailed

log = logging.getLogger("longmem.server")

MAX_BODY_BYTES = 8 * 1024 * 1024
# Import carries up to 10,000 memories of up to 10,000 characters each.
MAX_IMPORT_BODY_BYTES = 256 * 1024 * 1024
DEFAULT_RATE_LIMIT = 100_000  # per key per minute: effectively unlimited, but truthful
_RATE_WINDOW_SECONDS = 60
_IDLE_TIMEOUT_SECONDS = 120
_OPENAPI_PATH = "/openapi.json"


class RateLimiter:
    """Fixed one-minute windows per bucket (a key id, or the client address for anonymous calls)."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._buckets: dict[str, tuple[int, int]] = {}
        self._lock = threading.Lock()

    def hit(self, bucket: str, now: Optional[float] = None) -> tuple[bool, int, int]:
        """Count one request: (allowed, remaining, reset as unix seconds)."""
        now = time.time() if now is None else now
        window = int(now // _RATE_WINDOW_SECONDS)
        reset = (window + 1) * _RATE_WINDOW_SECONDS
        with self._lock:
            if len(self._buckets) > 10_000:
                self._buckets = {k: v for k, v in self._buckets.items() if v[0] == window}
            start, count = self._buckets.get(bucket, (window, 0))
            if start != window:
                count = 0
            if count >= self.limit:
                return False, 0, reset
            count += 1
            self._buckets[bucket] = (window, count)
            return True, self.limit - count, reset

    def peek(self, bucket: str, now: Optional[float] = None) -> tuple[int, int]:
        """(remaining, reset) of a bucket, without counting a request."""
        now = time.time() if now is None else now
        window = int(now // _RATE_WINDOW_SECONDS)
        with self._lock:
            start, count = self._buckets.get(bucket, (window, 0))
        return self.limit - (count if start == window else 0), (window + 1) * _RATE_WINDOW_SECONDS


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
        self._open: set[socket.socket] = set()
        self._open_lock = threading.Lock()
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
        super().shutdown_request(request)

    def close_connections(self) -> None:
        with self._open_lock:
            conns, self._open = list(self._open), set()
        for conn in conns:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)


def _reject_constant(name: str) -> Any:
    # NaN and Infinity are not JSON; accepting them would store what no client can read.
    raise ValueError(f"{name} is not valid JSON")


def _finite(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise ValueError(f"number {text} is out of range")
    return value


# JSON may spell a lone UTF-16 surrogate as an escape; Python accepts it, but it can be
# neither stored nor sent back. Only bodies with such an escape pay for the full check.
_ESCAPED_SURROGATE = re.compile(rb"\\u[dD][89a-fA-F]")


def _encodable(value: Any) -> bool:
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


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

    def do_GET(self) -> None:
        self._dispatch()

    do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = do_OPTIONS = do_GET

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """http.server's own errors (bad request line, huge headers, unknown method) in
        this server's JSON shape and headers rather than its HTML page."""
        if code == HTTPStatus.NOT_IMPLEMENTED and self.command:
            self._dispatch()  # an unknown method: answer 404/405 like any other
            return
        self.close_connection = True
        self._request_id = "req_" + secrets.token_hex(8)
        self._rate = (self.server.limiter.limit, 0, 0)
        self._send(Response(code, {"detail": message or HTTPStatus(code).phrase}))

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("%s %s", self.address_string(), format % args)

    # -- the pipeline -----------------------------------------------------------------

    def _dispatch(self) -> None:
        self._request_id = "req_" + secrets.token_hex(8)
        self._rate = (self.server.limiter.limit, 0, 0)
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

    def _handle(self) -> Response:
        split = urlsplit(self.path)
        path = split.path
        query = dict(parse_qsl(split.query, keep_blank_values=True))
        try:
            route, params, allowed = ROUTER.match(self.command, path)
        except UnicodeDecodeError:
            self._read_body(MAX_BODY_BYTES)
            raise HTTPError(400, "Path is not valid percent-encoded UTF-8") from None
        is_openapi = path == _OPENAPI_PATH
        limit = (
            MAX_IMPORT_BODY_BYTES
            if route is not None and route.pattern.endswith("/admin/import")
            else MAX_BODY_BYTES
        )
        body = self._read_body(limit)

        if is_openapi:
            allowed = ["GET"]
        if route is None and not (is_openapi and self.command == "GET"):
            self._count(None)
            if allowed:
                raise HTTPError(
                    405, "Method Not Allowed", {"Allow": ", ".join(sorted(set(allowed)))}
                )
            raise HTTPError(404, "Not Found")
        if route is None or route.access == PUBLIC:
            self._count(None)
            if route is None:
                return Response(200, openapi.document())
            principal = Principal("", "", ROLE_READ, "anonymous")
        else:
            principal = self._authenticate()
            self._count(principal)
            self._authorise(route, principal)

        parsed: Any = None
        # Only POST and PUT routes take a body; one sent with GET or DELETE is ignored.
        if body and self.command in ("POST", "PUT"):
            try:
                parsed = json.loads(
                    body.decode("utf-8"), parse_constant=_reject_constant, parse_float=_finite
                )
            except (UnicodeDecodeError, ValueError) as err:
                raise HTTPError(400, f"Malformed JSON body: {err}") from None
            except RecursionError:
                raise HTTPError(400, "Malformed JSON body: nested too deeply") from None
            if _ESCAPED_SURROGATE.search(body) and not _encodable(parsed):
                raise HTTPError(400, "Malformed JSON body: a \\u escape is an unpaired surrogate")

        request = Request(principal, params, query, parsed, self.server.services)
        idem_key = self.headers.get("Idempotency-Key")
        if idem_key is not None and route.access in (WRITE, ADMIN) and self.command != "GET":
            return self._idempotent(route, request, idem_key, body)
        return route.handler(request)

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

    def _authenticate(self) -> Principal:
        header = self.headers.get("Authorization") or ""
        scheme, _, token = header.partition(" ")
        principal = None
        if scheme.lower() == "bearer" and token.strip():
            principal = self.server.services.store.authenticate(token.strip())
        if principal is None:
            self._count(None)
            raise HTTPError(
                401,
                "Missing or invalid API key" if header else "Missing API key",
                {"WWW-Authenticate": "Bearer"},
            )
        return principal

    @staticmethod
    def _authorise(route: Route, principal: Principal) -> None:
        if route.access == ADMIN and principal.role != ROLE_ADMIN:
            raise HTTPError(403, "This route needs an admin key")
        if route.access == WRITE and principal.role == ROLE_READ:
            raise HTTPError(403, "This key is read-only")

    def _bucket_of_caller(self) -> str:
        """The rate bucket this request would count against: its key's, or its address's."""
        header = getattr(self, "headers", None)
        scheme, _, token = ((header.get("Authorization") if header else None) or "").partition(" ")
        if scheme.lower() == "bearer" and token.strip():
            principal = self.server.services.store.authenticate(token.strip())
            if principal is not None:
                return principal.key_id
        return "ip:" + self.client_address[0]

    def _count(self, principal: Optional[Principal]) -> None:
        bucket = principal.key_id if principal else "ip:" + self.client_address[0]
        allowed, remaining, reset = self.server.limiter.hit(bucket)
        self._rate = (self.server.limiter.limit, remaining, reset)
        if not allowed:
            retry_after = max(1, int(reset - time.time() + 0.999))
            raise HTTPError(429, "Rate limit exceeded", {"Retry-After": str(retry_after)})

    def _idempotent(self, route: Route, request: Request, key: str, body: bytes) -> Response:
        if not key or len(key) > IDEMPOTENCY_KEY_MAX:
            raise ValidationFailed(
                [
                    {
                        "loc": ["header", "idempotency-key"],
                        "msg": f"Idempotency-Key should have 1 to {IDEMPOTENCY_KEY_MAX} characters",
                        "type": "string_too_long" if key else "string_too_short",
                    }
                ]
            )
        store = request.services.store
        digest = hashlib.sha256()
        for part in (self.command.encode(), self.path.encode("utf-8"), body):
            digest.update(len(part).to_bytes(8, "big") + part)
        fingerprint = digest.hexdigest()
        owner = request.principal.key_id
        if route.slow:
            # The handler is safe to run twice and waits on the network: look up, run it
            # outside the writer lock, then record its reply unless a twin got there first.
            with store.write():
                replay = self._replay(store, owner, key, fingerprint)
            if replay is not None:
                return replay
            response = route.handler(request)
            with store.write():
                replay = self._replay(store, owner, key, fingerprint)
                if replay is None:
                    self._record(store, owner, key, fingerprint, response)
            return response if replay is None else replay
        # One write transaction around look-up, handler and record: a racing duplicate
        # waits on the writer lock and then finds the record, so it never runs twice,
        # and a crash can never keep the write but lose its record (or the reverse).
        with store.write():
            replay = self._replay(store, owner, key, fingerprint)
            if replay is not None:
                return replay
            response = route.handler(request)
            self._record(store, owner, key, fingerprint, response)
            return response

    @staticmethod
    def _replay(store: Store, owner: str, key: str, fingerprint: str) -> Optional[Response]:
        stored = store.idempotent_get(owner, key)
        if stored is None:
            return None
        stored_fp, status, headers, payload = stored
        if stored_fp != fingerprint:
            raise HTTPError(409, "Idempotency-Key was already used for a different request")
        replay = Response(status, json.loads(payload) if payload else None)
        replay.headers.update(json.loads(headers))
        replay.headers["Idempotent-Replayed"] = "true"
        return replay

    @staticmethod
    def _record(store: Store, owner: str, key: str, fingerprint: str, response: Response) -> None:
        if 200 <= response.status < 300:
            payload = b"" if response.body is None else _json_bytes(response.body)
            store.idempotent_put(
                owner, key, fingerprint, response.status, json.dumps(response.headers), payload
            )

    def _send(self, response: Response) -> None:
        payload = b"" if response.status == 204 else _json_bytes(response.body)
        try:
            self.send_response(response.status)
            if response.status != 204:
                self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.send_header("X-Request-Id", self._request_id)
            limit, remaining, reset = self._rate
            if not reset:  # answered before the request was counted: report, don't count
                remaining, reset = self.server.limiter.peek(self._bucket_of_caller())
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


def make_server(
    host: str, port: int, services: Services, rate_limit: Optional[int] = None
) -> LongmemHTTPServer:
    return LongmemHTTPServer((host, port), services, rate_limit)
