"""One HTTP exchange: pooled keep-alive connections, proxies, TLS, gzip and timeouts.

The transport knows nothing of retries or the API: it sends one request and returns
the status, headers and (decoded) body, or raises a `LongmemConnectionError`. Before
reusing a pooled connection it checks, without blocking, whether the server has closed
it while it sat idle, and opens a fresh one instead: nothing is ever sent on a dead
connection, and nothing already sent is ever sent again here (that is the retry
loop's decision, counted against `max_retries`).
"""

from __future__ import annotations

import base64
import errno
import http.client
import io
import os
import select
import socket
import ssl
import sys
import time

# The same classes as threading.local and weakref.ref, from the C modules under them:
# on CPython 3.12 and 3.13 nothing else in `import longmem` loads threading or weakref,
# and importing them would add 1.5-1.8 ms to its cold start, about as much again as the
# SDK's own modules cost (bench/import_cost.py's last row, BENCHMARKS.md question 1; on
# 3.11 the floor loads both already and the choice makes no difference).
from _thread import _local as ThreadLocal
from _thread import allocate_lock, start_new_thread
from _weakref import ref
from urllib.parse import unquote, urlsplit

from ._constants import DEFAULT_MAX_RESPONSE_BYTES
from ._typing import TYPE_CHECKING
from .errors import (
    InvalidArgumentError,
    LongmemConnectionError,
    LongmemError,
    LongmemTimeoutError,
    ResponseTooLargeError,
)

if TYPE_CHECKING:
    from typing import Any, Optional

    from _typeshed import WriteableBuffer

_Connection = http.client.HTTPConnection  # HTTPSConnection is a subclass

_TIMEOUT_ERRORS = (socket.timeout, TimeoutError)
# What OpenSSL says when the "TLS server" answers in plain HTTP, its "HTTP/1.1 400" read
# as a TLS record: the name depends on the OpenSSL version (3.2 renamed it).
_NOT_TLS_REASONS = frozenset({"WRONG_VERSION_NUMBER", "RECORD_LAYER_FAILURE"})
_READ_CHUNK = 64 * 1024
# An interim response's header block, as http.client bounds a final one's.
_MAX_LINE = 65536
_MAX_HEADERS = 100
# Interim (1xx) answers read before the final one: a server that sends them without end
# ("103 Early Hints" over and over) would otherwise hold a call without a total timeout.
MAX_INTERIM = 10


class Response:
    """One HTTP response: status, headers (case-insensitive `.get`), the decoded body."""

    __slots__ = ("body", "headers", "status")

    # The headers stay http.client's message object: copying them into a dict costs
    # more than the SDK's whole request path, and most calls read none of them.
    def __init__(self, status: int, headers: http.client.HTTPMessage, body: bytes) -> None:
        self.status = status
        self.headers = headers
        self.body = body


class _Proxy:
    __slots__ = ("auth_header", "host", "port")

    def __init__(self, host: str, port: int, auth_header: Optional[str]) -> None:
        self.host = host
        self.port = port
        self.auth_header = auth_header  # "Basic …" when the proxy URL has user:password


class _Origin:
    """What both transports know of the one origin they talk to: its parsed base URL,
    the proxy the environment names for it, the TLS context, and the words for a failed
    connection. `Transport` (threads) and `_async_transport.AsyncTransport` (asyncio)
    differ only in how they move the bytes."""

    def __init__(
        self,
        base_url: str,
        *,
        ssl_context: Optional[ssl.SSLContext] = None,
        ca_file: Optional[str] = None,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
    ) -> None:
        parts = urlsplit(base_url)
        if any(not 33 <= ord(char) < 127 for char in base_url):
            raise InvalidArgumentError(
                "base_url must be plain ASCII without spaces or control characters "
                "(percent-encode anything else)"
            )
        # A URL with an "@" may hold a password or a key: never repeated in an error.
        shown = "(not shown: it holds an '@')" if "@" in base_url else repr(base_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise InvalidArgumentError(
                f"base_url must be an http:// or https:// URL with a host, got {shown}"
            )
        if parts.query or parts.fragment or "@" in parts.netloc:
            raise InvalidArgumentError(
                "base_url must not carry a query, fragment or user:password (pass api_key)"
            )
        try:
            port = parts.port
        except ValueError:
            raise InvalidArgumentError(f"base_url has an invalid port: {shown}") from None
        self.scheme = parts.scheme
        self.host = parts.hostname
        self.port = port or (443 if parts.scheme == "https" else 80)
        self.origin = f"{parts.scheme}://{parts.netloc}"
        self.base_path = parts.path.rstrip("/")
        self._ssl_context = ssl_context
        self._ca_file = ca_file
        self.max_response_bytes = max_response_bytes
        self._lock = allocate_lock()
        self._proxy: Optional[_Proxy] = None
        self._proxy_resolved = False

    def _tls_context(self) -> ssl.SSLContext:
        # Built on first use, not in the constructor: loading the trust store costs
        # milliseconds a client that never connects should not pay.
        if self._ssl_context is None:
            with self._lock:
                if self._ssl_context is None:
                    # create_default_context verifies certificates and host names, and
                    # its default trust store honours SSL_CERT_FILE / SSL_CERT_DIR.
                    try:
                        self._ssl_context = ssl.create_default_context(cafile=self._ca_file)
                    except (OSError, ssl.SSLError) as exc:
                        # A configuration error, not a network one: never retried.
                        raise LongmemError(
                            f"cannot load ca_file {self._ca_file!r}: {_describe(exc)}"
                        ) from exc
        return self._ssl_context

    def _resolve_proxy(self) -> Optional[_Proxy]:
        if not self._proxy_resolved:
            self._proxy = _proxy_for(self.scheme, self.host, self.port)
            self._proxy_resolved = True
        return self._proxy

    def _connect_error(self, exc: BaseException, proxy: Optional[_Proxy]) -> LongmemConnectionError:
        """Why no connection could be made, in plain words rather than the socket's."""
        if proxy is None:
            host, where = self.host, self.origin
        else:
            host, where = proxy.host, f"the proxy {proxy.host}:{proxy.port}"
        if isinstance(exc, socket.gaierror):
            whose = "host" if proxy is None else "the proxy's host"
            return LongmemConnectionError(f"could not resolve {whose} {host}", request_sent=False)
        if isinstance(exc, ConnectionRefusedError):
            return LongmemConnectionError(
                f"could not connect to {where}: connection refused (is the server running?)",
                request_sent=False,
            )
        if isinstance(exc, ssl.SSLCertVerificationError):
            return LongmemConnectionError(
                f"could not verify the TLS certificate of {self.host}: {exc.verify_message} "
                f"({exc.reason}); pass ca_file= if your own CA signed it",
                request_sent=False,
                retryable=False,
            )
        if isinstance(exc, ssl.SSLError) and exc.reason in _NOT_TLS_REASONS:
            return LongmemConnectionError(
                f"{self.origin} does not speak TLS (SSL {exc.reason}): for a plain-HTTP "
                f"server use http://{self.origin.split('://', 1)[1]}",
                request_sent=False,
                retryable=False,
            )
        return LongmemConnectionError(
            f"could not connect to {where}: {_describe(exc)}", request_sent=False
        )


class Transport(_Origin):
    """Sends requests to one origin over per-thread keep-alive connections."""

    def __init__(
        self,
        base_url: str,
        *,
        ssl_context: Optional[ssl.SSLContext] = None,
        ca_file: Optional[str] = None,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
    ) -> None:
        super().__init__(
            base_url,
            ssl_context=ssl_context,
            ca_file=ca_file,
            max_response_bytes=max_response_bytes,
        )
        self._local = ThreadLocal()
        # Every open connection, weakly: a thread's connection dies with the thread.
        self._connections: dict[int, ref[_Connection]] = {}
        # Connections a call is using, and those of them close() asked to close: a
        # connection is never closed under a call, only once the call is done with it.
        self._busy: set[int] = set()
        self._doomed: set[int] = set()
        # The process the pooled connections belong to: a forked child must not use
        # its parent's, or the two read each other's responses.
        self._pid = os.getpid()

    # -- public -------------------------------------------------------------------

    def request(
        self,
        method: str,
        path: str,
        body: Optional[bytes],
        headers: dict[str, str],
        timeout: float,
        deadline: Optional[float] = None,
    ) -> Response:
        """Perform one exchange on this thread's connection; `path` includes the query.

        `timeout` bounds each socket operation; `deadline` (time.monotonic), when
        given, bounds the whole exchange: no read may wait past it.
        """
        if self._pid != os.getpid():
            self._forget_parent()
        with self._lock:  # close() in another thread waits, or has finished
            local = self._local
            conn: Optional[_Connection] = getattr(local, "conn", None)
            if conn is not None:
                self._busy.add(id(conn))
        try:
            if conn is not None and conn.sock is not None and _closed_by_peer(conn.sock):
                self._discard(conn)  # the server's keep-alive timeout fired: not a failure
                self._release(conn, local)
                conn = None
            if conn is None:
                conn = self._open(timeout, local)
            budget: _Budget = local.budget
            budget.timeout, budget.deadline = timeout, deadline
            return self._exchange(conn, method, path, body, headers, timeout, deadline)
        finally:
            if conn is not None:
                self._release(conn, local)

    def close(self) -> None:
        """Close every pooled connection, in every thread: an idle one now, one a call
        in another thread is using when that call is done with it."""
        with self._lock:
            # Copied in one step (list() runs no Python code between items): a thread
            # ending meanwhile drops its connection, whose weakref's callback takes it
            # out of the dict, which a walk over it would fail on.
            refs = list(self._connections.values())
            conns = [conn for conn in (r() for r in refs) if conn is not None]
            self._connections.clear()
            self._local = ThreadLocal()
            idle = [conn for conn in conns if id(conn) not in self._busy]
            self._doomed.update(id(conn) for conn in conns if id(conn) in self._busy)
        for conn in idle:
            conn.close()

    def _release(self, conn: _Connection, local: ThreadLocal) -> None:
        """The call is done with `conn`: close it if close() asked to meanwhile."""
        key = id(conn)
        with self._lock:
            self._busy.discard(key)
            doomed = key in self._doomed
            self._doomed.discard(key)
        if doomed:
            conn.close()
            local.conn = None

    def _forget_parent(self) -> None:
        """In a forked child: leave the parent's connections to the parent (closing
        them here would not reach its sockets, using them would share its stream) and
        start an empty pool; a lock another thread held at the fork stays held."""
        self._lock = allocate_lock()
        self._connections = {}
        self._busy, self._doomed = set(), set()
        self._local = ThreadLocal()
        self._pid = os.getpid()

    # -- connections --------------------------------------------------------------

    def _open(self, timeout: float, local: ThreadLocal) -> _Connection:
        proxy = self._resolve_proxy()
        conn: _Connection
        if self.scheme == "https":
            context = self._tls_context()
            if proxy is None:
                conn = http.client.HTTPSConnection(
                    self.host, self.port, timeout=timeout, context=context
                )
            else:
                conn = http.client.HTTPSConnection(
                    proxy.host, proxy.port, timeout=timeout, context=context
                )
                tunnel_headers = (
                    {"Proxy-Authorization": proxy.auth_header} if proxy.auth_header else None
                )
                conn.set_tunnel(self.host, self.port, headers=tunnel_headers)
        elif proxy is None:
            conn = http.client.HTTPConnection(self.host, self.port, timeout=timeout)
        else:
            conn = http.client.HTTPConnection(proxy.host, proxy.port, timeout=timeout)
        budget = _Budget()
        conn.response_class = _response_class(budget)
        # http.client's own hook for making the socket (an attribute of every connection
        # since Python 3.2): with a deadline, the name lookup is bounded too.
        setattr(conn, "_create_connection", budget.connect)  # noqa: B010
        local.budget = budget
        key = id(conn)

        def forget(_: object, connections: dict[int, ref[_Connection]] = self._connections) -> None:
            connections.pop(key, None)

        with self._lock:
            self._connections[key] = ref(conn, forget)
            self._busy.add(key)
            if local is not self._local:
                # close() ran since this call read its pool: the connection is that
                # pool's, closed when the call is done (else only the garbage collector
                # would close it).
                self._doomed.add(key)
        local.conn = conn
        return conn

    def _discard(self, conn: _Connection) -> None:
        conn.close()
        if getattr(self._local, "conn", None) is conn:
            self._local.conn = None

    # -- one exchange -------------------------------------------------------------

    def _exchange(
        self,
        conn: _Connection,
        method: str,
        path: str,
        body: Optional[bytes],
        headers: dict[str, str],
        timeout: float,
        deadline: Optional[float],
    ) -> Response:
        # What errors name: the path requested, base URL's path included (a base URL
        # ending in /v1 shows as /v1/v1/memory/...), never the origin's credentials.
        target = shown = self.base_path + path
        proxy = self._proxy
        if self.scheme == "http" and proxy is not None:
            target = self.origin + target  # absolute form for a forward proxy
            if proxy.auth_header:
                headers = {**headers, "Proxy-Authorization": proxy.auth_header}
        if conn.sock is None:
            where = self.origin if proxy is None else f"the proxy {proxy.host}:{proxy.port}"
            started = time.monotonic()
            try:
                # Connecting (name lookup, TCP, CONNECT tunnel, TLS handshake) waits at
                # most `timeout` per step and never past the deadline.
                conn.timeout = _bound(timeout, deadline)
                conn.connect()
            except _TIMEOUT_ERRORS as exc:
                self._discard(conn)
                waited = time.monotonic() - started
                raise LongmemTimeoutError(
                    f"timed out connecting to {where} after {waited:.1f}s", request_sent=False
                ) from exc
            except (OSError, http.client.HTTPException) as exc:
                self._discard(conn)
                raise self._connect_error(exc, proxy) from exc
            except BaseException:
                self._discard(conn)
                raise
        try:
            _limit(conn, timeout, deadline)
        except _TIMEOUT_ERRORS as exc:
            raise _spent(method, shown) from exc  # the connection stays usable: nothing sent
        cut: Optional[OSError] = None  # why the request could not be written whole
        try:
            try:
                conn.request(method, target, body=body, headers=headers)
            except OSError as exc:
                if not _stopped_reading(exc):
                    raise
                # The server stopped reading and closed before the whole request was
                # written: it may have answered already, from the head alone (413 for a
                # body over its limit). That answer, if it came, is the outcome; only
                # without one is this a failed connection (as urllib3 reads it too).
                cut = exc
            _limit(conn, timeout, deadline)
            response = conn.getresponse()
            if response.status < 200:
                # Interim answers (100 Continue, 103 Early Hints) were read past; a 101
                # switches protocols, which a JSON API never asks for.
                raise http.client.HTTPException(f"unexpected interim response {response.status}")
            data = _read_body(conn, response, timeout, deadline, self.max_response_bytes)
        except _TIMEOUT_ERRORS as exc:
            self._discard(conn)
            raise LongmemTimeoutError(
                f"{method} {shown} timed out waiting for {self.origin}"
            ) from exc
        except (OSError, http.client.HTTPException) as exc:
            self._discard(conn)
            # No answer after a cut write: the write's failure is the one to name. Part
            # of the request was sent, so its outcome is unknown (request_sent).
            failure = exc if cut is None else cut
            raise LongmemConnectionError(
                f"{method} {shown} to {self.origin} failed: {_describe(failure)}"
            ) from failure
        except _TooLarge:
            self._discard(conn)  # the rest of the body is still on the wire
            raise _too_large(method, shown, self.max_response_bytes, "") from None
        except BaseException:
            # Interrupted (Ctrl-C, a signal handler's exception) half-way: what is left
            # on the wire, or of the request, must not meet the next call.
            self._discard(conn)
            raise
        if response.will_close or cut is not None:
            self._discard(conn)  # after a cut write, whatever the answer says
        reply_headers = response.msg
        data = _decoded(
            response.status, reply_headers, data, method, shown, self.max_response_bytes
        )
        return Response(response.status, reply_headers, data)


class _TooLarge(Exception):
    """A body passed max_response_bytes; the exchange turns it into the public error."""


def _too_large(method: str, path: str, cap: int, how: str) -> ResponseTooLargeError:
    return ResponseTooLargeError(
        f"{method} {path}: the response body is larger than max_response_bytes "
        f"({cap:,} bytes){how}; pass a larger max_response_bytes= if it is expected"
    )


def _spent(method: str, path: str) -> LongmemTimeoutError:
    """The call's time budget ran out before the request was written."""
    return LongmemTimeoutError(
        f"{method} {path}: the call's time budget ran out before it was sent", request_sent=False
    )


def _stopped_reading(exc: OSError) -> bool:
    """Whether a failed write means the server closed the connection while the request
    was being sent (a broken pipe or a reset; over TLS an SSLEOFError; EPROTOTYPE on
    macOS), so that an answer it sent first may still be waiting to be read."""
    return isinstance(exc, (BrokenPipeError, ConnectionResetError, ssl.SSLEOFError)) or (
        exc.errno == errno.EPROTOTYPE
    )


def _closed_by_peer(sock: socket.socket) -> bool:
    """True when an idle keep-alive socket is readable: the server closed it (EOF), or
    sent something unasked for. Either way it must not carry the next request."""
    try:
        readable, _, _ = select.select([sock], [], [], 0)
    except (OSError, ValueError):
        return True
    return bool(readable)


def _bound(timeout: float, deadline: Optional[float]) -> float:
    """How long the next network operation may wait: `timeout`, or what is left of
    `deadline` when that is less; raises socket.timeout when nothing is left."""
    if deadline is not None:
        left = deadline - time.monotonic()
        if left <= 0:
            raise socket.timeout("the call's time budget ran out")
        return min(timeout, left)
    return timeout


def _limit(conn: _Connection, timeout: float, deadline: Optional[float]) -> None:
    """Bound the next socket operation by `timeout` and what is left of `deadline`."""
    if conn.sock is not None:
        _limit_socket(conn.sock, timeout, deadline)


def _limit_socket(sock: socket.socket, timeout: float, deadline: Optional[float]) -> None:
    timeout = _bound(timeout, deadline)
    if sock.gettimeout() != timeout:
        sock.settimeout(timeout)  # a syscall: skipped when nothing changed


class _Budget:
    """The time one exchange on a connection may take: every socket operation at most
    `timeout`, and, with a `deadline` (time.monotonic), none past it. Each read of the
    response's head and body (and of a proxy's CONNECT answer) asks it afresh, so a
    server that trickles a byte at a time cannot outlast the deadline; so does the
    name lookup of a new connection."""

    __slots__ = ("deadline", "timeout")

    def __init__(self) -> None:
        self.timeout = 0.0
        self.deadline: Optional[float] = None

    def connect(
        self, address: tuple[str, int], timeout: float, source: Optional[tuple[str, int]] = None
    ) -> socket.socket:
        """http.client's socket.create_connection, with the name lookup bounded by the
        deadline: getaddrinfo cannot be interrupted, so with a deadline it runs in a
        thread of its own, left behind (to finish or fail on its own) if it is late."""
        host, port = address
        if self.deadline is None or _is_address(host):
            return socket.create_connection(address, timeout, source)
        found: list[list[tuple[Any, ...]]] = []
        failed: list[BaseException] = []
        done = allocate_lock()
        done.acquire()

        def look_up() -> None:
            try:
                found.append(socket.getaddrinfo(host, port, 0, socket.SOCK_STREAM))
            except BaseException as exc:  # handed to the caller, never lost in the thread
                failed.append(exc)
            finally:
                done.release()

        start_new_thread(look_up, ())
        if not done.acquire(timeout=_bound(timeout, self.deadline)):
            raise socket.timeout(f"looking up {host} took too long")
        if failed:
            raise failed[0]
        error: Optional[OSError] = None
        for family, kind, proto, _, where in found[0]:
            sock = socket.socket(family, kind, proto)
            try:
                sock.settimeout(_bound(timeout, self.deadline))
                if source:
                    sock.bind(source)
                sock.connect(where)
                return sock
            except OSError as exc:
                sock.close()
                error = exc
        raise error or OSError(f"no address found for {host}")


def _is_address(host: str) -> bool:
    """Whether `host` is a numeric IPv4 or IPv6 address: no name to look up."""
    for family in (socket.AF_INET, socket.AF_INET6):
        try:
            socket.inet_pton(family, host)
            return True
        except OSError:
            pass
    return False


def _response_class(budget: _Budget) -> type[http.client.HTTPResponse]:
    """A response class bound to one connection's budget (http.client makes responses
    through the connection's `response_class`, given only the socket)."""

    class Response(_BudgetedResponse):
        _budget = budget

    return Response


class _BudgetedResponse(http.client.HTTPResponse):
    """http.client's response, with three changes. An interim answer other than 100
    Continue (103 Early Hints) is read past as http.client reads past a 100 — else the
    final answer would be left on the wire for the next call; at most MAX_INTERIM of
    them. And with a deadline, the head and body are read through `_DeadlineReader`."""

    _budget: _Budget
    _interim = 0  # interim answers read so far

    def __init__(
        self,
        sock: socket.socket,
        debuglevel: int = 0,
        method: Optional[str] = None,
        url: Optional[str] = None,
    ) -> None:
        super().__init__(sock, debuglevel, method, url)
        if self._budget.deadline is not None:
            made = self.fp
            # Unbuffered, a reader of the socket as http.client's is: it keeps the
            # socket open past the connection's close() (a "Connection: close" answer
            # is read after it) until the response is done with it.
            raw = sock.makefile("rb", buffering=0)
            self.fp = io.BufferedReader(_DeadlineReader(raw, sock, self._budget))
            made.close()  # the buffered reader http.client made, never read from

    def _read_status(self) -> tuple[str, int, str]:
        while True:
            # http.client's own step (in every version since 3.0; not in its stubs)
            version, status, reason = super()._read_status()  # type: ignore[misc]
            if 100 <= status < 200:
                self._interim += 1
                if self._interim > MAX_INTERIM:
                    raise http.client.HTTPException(f"more than {MAX_INTERIM} interim answers")
            if not 101 < status < 200:  # begin() reads past a 100 itself
                return version, status, reason
            for _ in range(_MAX_HEADERS + 1):
                line = self.fp.readline(_MAX_LINE + 1)
                if len(line) > _MAX_LINE:
                    raise http.client.LineTooLong("interim header line")
                if line in (b"\r\n", b"\n", b""):
                    break
            else:
                raise http.client.HTTPException(f"more than {_MAX_HEADERS} interim headers")


class _DeadlineReader(io.RawIOBase):
    """A socket's reader whose every read waits no longer than its budget allows."""

    def __init__(self, raw: io.RawIOBase, sock: socket.socket, budget: _Budget) -> None:
        super().__init__()
        self._raw = raw
        self._sock = sock
        self._budget = budget

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> Optional[int]:
        _limit_socket(self._sock, self._budget.timeout, self._budget.deadline)
        return self._raw.readinto(buffer)

    def close(self) -> None:
        if not self.closed:
            self._raw.close()
        super().close()


def _read_body(
    conn: _Connection,
    response: http.client.HTTPResponse,
    timeout: float,
    deadline: Optional[float],
    cap: int,
) -> bytes:
    """Read the body, never more than `cap` bytes of it (raises _TooLarge).

    A body of declared length within the cap is read at once, unless there is a deadline:
    then, as a body of unknown length always is, it is read a chunk at a time, so a
    trickling server cannot outlast the deadline and an endless one stops at the cap.
    """
    length = response.length  # None when chunked or delimited by the connection closing
    if length is not None and length > cap:
        raise _TooLarge
    if deadline is None and length is not None:
        return response.read()
    chunks: list[bytes] = []
    size = 0
    while not response.isclosed():
        if deadline is not None:
            _limit(conn, timeout, deadline)
        chunk = response.read1(_READ_CHUNK)
        if not chunk:
            if response.length:
                # The connection closed short of the declared length: read() raises
                # this, read1 only stops.
                raise http.client.IncompleteRead(b"".join(chunks), response.length)
            # read1 leaves an exhausted response open (an empty body, say); close it as
            # read() would, or the next request on this connection is refused.
            response.close()
            break
        size += len(chunk)
        if size > cap:
            chunks.clear()  # the error's traceback holds this frame: let the body go
            raise _TooLarge
        chunks.append(chunk)
    return b"".join(chunks)


def _decoded(
    status: int, headers: http.client.HTTPMessage, data: bytes, method: str, path: str, cap: int
) -> bytes:
    """The body as sent, gunzipped when the answer says gzip. An error answer's corrupt
    body reads as empty: the error is still the answer's status (a 401 stays a 401, not
    a connection failure that is retried)."""
    if not data or (headers.get("content-encoding") or "").lower() != "gzip":
        return data
    try:
        return _gunzip(data, method, path, cap)
    except _TooLarge:
        raise _too_large(method, path, cap, " once decompressed") from None
    except LongmemConnectionError:
        if 200 <= status < 300:
            raise
        return b""


def _gunzip(data: bytes, method: str, path: str, cap: int) -> bytes:
    """Decode a gzip body, never holding more than `cap` decoded bytes (raises _TooLarge):
    a few KiB of gzip can inflate to gigabytes."""
    import zlib  # only when a server actually compresses

    parts: list[bytes] = []
    room = cap
    try:
        # A gzip body may hold several members back to back (RFC 1952): decode them all.
        while data:
            decoder = zlib.decompressobj(16 + zlib.MAX_WBITS)
            while data and not decoder.eof:
                # One byte past the room left is enough to know the cap is passed.
                part = decoder.decompress(data, room + 1)
                room -= len(part)
                if room < 0:
                    parts.clear()  # as in _read_body: held by the error's traceback
                    raise _TooLarge
                parts.append(part)
                data = decoder.unconsumed_tail
            if not decoder.eof:
                raise zlib.error("truncated gzip stream")
            data = decoder.unused_data
    except zlib.error as exc:
        raise LongmemConnectionError(
            f"{method} {path}: the gzip response body is corrupt ({exc})"
        ) from exc
    return b"".join(parts)


def _describe(exc: BaseException) -> str:
    text = str(exc)
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _proxy_for(scheme: str, host: str, port: int) -> Optional[_Proxy]:
    """The proxy urllib would use for this origin, from *_PROXY / NO_PROXY, or None (always
    None for loopback)."""
    # urllib.request costs ~6 ms to import; a client with no proxy configured skips it.
    # (On macOS and Windows urllib also reads the system settings, so always ask it.)
    if sys.platform not in ("darwin", "win32") and not any(
        name.lower().endswith("_proxy") for name in os.environ
    ):
        return None
    import ipaddress
    import urllib.request

    # Loopback never goes through a proxy, whatever NO_PROXY says (Go's net/http does the
    # same): a proxy cannot reach this machine's own loopback, so the embedded server
    # (always 127.0.0.1) and any local one would otherwise be unreachable behind HTTP_PROXY.
    if host.rstrip(".").lower() == "localhost":
        return None
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        pass  # a host name, not an address
    else:
        mapped = getattr(address, "ipv4_mapped", None)  # ::ffff:127.0.0.1
        if address.is_loopback or (mapped is not None and mapped.is_loopback):
            return None

    proxies = urllib.request.getproxies()
    url = proxies.get(scheme)
    if (
        not url
        or urllib.request.proxy_bypass(f"{host}:{port}")
        or urllib.request.proxy_bypass(host)
    ):
        return None
    if "://" not in url:
        url = "http://" + url  # urllib's reading of a bare "host:port"
    parts = urlsplit(url)
    if parts.scheme != "http" or not parts.hostname:
        raise LongmemError(
            f"{scheme.upper()}_PROXY must be an http:// proxy URL, got {parts.scheme}://…"
        )
    auth = None
    if parts.username is not None:
        credentials = f"{unquote(parts.username)}:{unquote(parts.password or '')}"
        auth = "Basic " + base64.b64encode(credentials.encode("utf-8")).decode("ascii")
    try:
        proxy_port = parts.port or 80
    except ValueError:
        raise LongmemError(f"{scheme.upper()}_PROXY has an invalid port") from None
    return _Proxy(parts.hostname, proxy_port, auth)
