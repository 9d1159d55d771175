"""One HTTP exchange on asyncio: pooled keep-alive connections, proxies, TLS, gzip, timeouts.

The asyncio twin of `_transport` (read its docstring): the same constructor, the same
errors with the same words, the same rules — nothing is sent on a connection the server
closed while it sat idle, and nothing already sent is sent again here. Only
`AsyncLongmem` imports it, so `import longmem` never loads asyncio.

It speaks HTTP/1.1 itself over a small `asyncio.Protocol` rather than the streams
(`asyncio.open_connection` is a wrapper over the same `loop.create_connection`): it sees
every byte the server sent, so a kept-alive connection holding bytes nobody asked for is
known to be unusable; each wait for data is bounded by a timer on that wait's own
future, not by `asyncio.wait_for`, which before 3.12 can swallow the caller's
cancellation; and a CONNECT tunnel becomes TLS through `loop.start_tls` on every Python
version (`StreamWriter.start_tls` is 3.11+).

A cancelled request aborts its connection: a half-sent request or a half-read answer
never goes back to the pool.

Connections are kept per event loop (a loop's sockets serve no other loop): at most
`max_connections` open at once in each, idle ones kept for reuse, callers beyond them
waiting for one to be free. The origin's name is looked up once per loop (again after a
failed connect), on the loop's executor: a thread per connection would grow with
concurrency.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import http.client
import io
import re
import socket
import threading

from ._constants import ASYNC_MAX_CONNECTIONS, DEFAULT_MAX_RESPONSE_BYTES
from ._transport import (
    _READ_CHUNK,
    _TIMEOUT_ERRORS,
    MAX_INTERIM,
    Response,
    _bound,
    _closed_by_peer,
    _decoded,
    _describe,
    _Origin,
    _spent,
    _too_large,
    _TooLarge,
)
from ._typing import TYPE_CHECKING, cast
from .errors import InvalidArgumentError, LongmemConnectionError, LongmemTimeoutError

if TYPE_CHECKING:
    import ssl
    from collections.abc import Awaitable, Sequence
    from typing import Any, Optional, TypeVar

    from ._transport import _Proxy

    _T = TypeVar("_T")
    # What getaddrinfo gives: family, type, proto, canonical name, socket address.
    _Address = tuple[socket.AddressFamily, socket.SocketKind, int, str, tuple[Any, ...]]

# The end of a response head: the empty line after the headers (a bare LF is accepted
# as a line end, as http.client accepts it).
_HEAD_END = re.compile(rb"\n\r?\n")
# The longest head or chunk-size line read before the answer is called broken: the
# limit http.client puts on one line, so both transports refuse the same answers.
_MAX_LINE = 65536
# Past this many unread bytes the connection stops reading until they are consumed, so
# a server sending faster than the caller reads cannot fill memory.
_HIGH_WATER = 4 * _READ_CHUNK
_BODYLESS_STATUSES = frozenset({204, 304})
_METHODS_WITH_BODY = frozenset({"POST", "PUT", "PATCH"})


class _Connection(asyncio.Protocol):
    """One connection: the bytes received and not yet read, and a wait for more."""

    def __init__(self, loop: asyncio.AbstractEventLoop, generation: int) -> None:
        self.loop = loop
        self.generation = generation  # AsyncTransport.close() retires older ones
        self.transport: Optional[asyncio.Transport] = None
        self.buffer = bytearray()
        self.eof = False
        self.error: Optional[BaseException] = None  # why the connection was lost
        self._waiter: Optional[asyncio.Future[None]] = None
        self._paused = False

    # -- asyncio.Protocol -------------------------------------------------------------

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = cast("asyncio.Transport", transport)

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        if len(self.buffer) > _HIGH_WATER and not self._paused:
            self._paused = True
            self.transport.pause_reading()  # type: ignore[union-attr]
        self._wake()

    def eof_received(self) -> bool:
        self.eof = True
        self._wake()
        return False  # close: nothing is ever sent on a connection the server ended

    def connection_lost(self, exc: Optional[BaseException]) -> None:
        self.eof = True
        self.error = exc
        self._wake()

    # -- for the exchange -------------------------------------------------------------

    def _wake(self) -> None:
        waiter = self._waiter
        if waiter is not None and not waiter.done():
            waiter.set_result(None)

    async def more(self, limit: float) -> bool:
        """Wait up to `limit` seconds for bytes past those buffered; False when the
        server closed the connection instead. Raises socket.timeout, or the error the
        connection was lost to."""
        received = len(self.buffer)
        if not self.eof:
            if self._paused:
                self._paused = False
                self.transport.resume_reading()  # type: ignore[union-attr]
            waiter = self.loop.create_future()
            self._waiter = waiter
            timer = self.loop.call_later(limit, _expire, waiter)
            try:
                await waiter
            finally:
                timer.cancel()
                self._waiter = None
        if len(self.buffer) > received:
            return True
        if self.error is not None:
            raise self.error
        return False

    def write(self, data: bytes) -> None:
        self.transport.write(data)  # type: ignore[union-attr]

    def stale(self) -> bool:
        """True when an idle connection cannot carry the next request: the server closed
        it, or sent something unasked for (checked on the socket too: the loop may not
        have read the server's FIN yet)."""
        transport = self.transport
        if self.eof or self.buffer or transport is None or transport.is_closing():
            return True
        sock = transport.get_extra_info("socket")
        return sock is None or _closed_by_peer(sock)

    def abort(self) -> None:
        """Drop the connection at once, whatever is still unsent or unread."""
        transport = self.transport
        if transport is None or transport.is_closing():
            return
        if self.loop.is_closed():
            # Left open when an earlier asyncio.run ended: that loop can close nothing
            # now. Tell the server the connection is over; the socket itself is freed
            # (with a ResourceWarning) when the transport is collected.
            with contextlib.suppress(OSError):
                transport.get_extra_info("socket").shutdown(socket.SHUT_RDWR)
            return
        transport.abort()


def _expire(waiter: asyncio.Future[Any]) -> None:
    if not waiter.done():
        waiter.set_exception(socket.timeout("timed out"))


class _Pool:
    """One event loop's connections to the origin: the idle ones, how many are open
    (idle or answering), the callers waiting for one, and the addresses each host
    resolved to. Used only from its loop's thread; `AsyncTransport` keeps one per loop."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self.idle: list[_Connection] = []  # the most recently used last
        self.open = 0
        self.waiters: collections.deque[asyncio.Future[None]] = collections.deque()
        self.addresses: dict[tuple[str, int], asyncio.Future[Sequence[_Address]]] = {}

    def take_idle(self) -> Optional[_Connection]:
        while self.idle:
            conn = self.idle.pop()
            # A stale one is not a failure: the server's keep-alive ended.
            if not conn.stale():
                return conn
            conn.abort()
            self.open -= 1
        return None

    def put_back(self, conn: _Connection) -> None:
        self.idle.append(conn)
        self.wake()

    def discard(self, conn: _Connection) -> None:
        conn.abort()
        # what was read and not taken (a body past the cap, the rest of one cut short)
        # goes now, not when the garbage collector breaks the connection's cycles
        conn.buffer = bytearray()
        self.open -= 1
        self.wake()

    def wake(self) -> None:
        """Tell the longest waiting caller that a connection is free or may be opened."""
        while self.waiters:
            waiter = self.waiters.popleft()
            if not waiter.done():
                waiter.set_result(None)
                return

    async def wait(self, limit: float) -> None:
        """Wait up to `limit` seconds for a connection to be freed; raises socket.timeout."""
        waiter = self.loop.create_future()
        self.waiters.append(waiter)
        timer = self.loop.call_later(limit, _expire, waiter)
        try:
            await waiter
        except BaseException:
            if waiter.done() and not waiter.cancelled() and waiter.exception() is None:
                self.wake()  # woken, then cancelled: the turn passes to the next caller
            else:
                with contextlib.suppress(ValueError):
                    self.waiters.remove(waiter)
            raise
        finally:
            timer.cancel()

    def close_idle(self) -> None:
        idle, self.idle = self.idle, []
        for conn in idle:
            conn.abort()
            self.open -= 1


class AsyncTransport(_Origin):
    """Sends requests to one origin over keep-alive connections, at most
    `max_connections` open at once on each event loop."""

    def __init__(
        self,
        base_url: str,
        *,
        ssl_context: Optional[ssl.SSLContext] = None,
        ca_file: Optional[str] = None,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
        max_connections: int = ASYNC_MAX_CONNECTIONS,
    ) -> None:
        super().__init__(
            base_url,
            ssl_context=ssl_context,
            ca_file=ca_file,
            max_response_bytes=max_response_bytes,
        )
        self.max_connections = max_connections
        self._pools: dict[asyncio.AbstractEventLoop, _Pool] = {}
        self._pools_lock = threading.Lock()  # a client may serve loops in several threads
        self._generation = 0
        host = f"[{self.host}]" if ":" in self.host else self.host
        self._authority = f"{host}:{self.port}"  # what a CONNECT asks for
        # What http.client sends as Host: the port only when it is not the scheme's.
        default_port = 443 if self.scheme == "https" else 80
        self._host_header = host if self.port == default_port else self._authority

    # -- public -------------------------------------------------------------------

    async def request(
        self,
        method: str,
        path: str,
        data: Optional[bytes],
        headers: dict[str, str],
        timeout: float,
        deadline: Optional[float] = None,
    ) -> Response:
        """Perform one exchange on a pooled connection; `path` includes the query.

        `timeout` bounds each network operation; `deadline` (time.monotonic), when
        given, bounds the whole exchange: no wait may last past it. Returns the answer
        whatever its status; raises LongmemConnectionError (LongmemTimeoutError) when
        there is none, ResponseTooLargeError past `max_response_bytes`.
        """
        head = self._head(method, path, data, headers)
        # What errors name: the path requested, base URL's path included (_transport's).
        shown = self.base_path + path
        pool = self._pool()
        conn = await self._checkout(pool, timeout, deadline)
        try:
            status, reply_headers, body, reusable = await self._exchange(
                conn, method, shown, head, data, timeout, deadline
            )
        except BaseException:
            pool.discard(conn)  # cancelled or failed: never pooled half-sent or half-read
            raise
        if reusable and conn.generation == self._generation:
            pool.put_back(conn)
        else:
            pool.discard(conn)
        body = _decoded(status, reply_headers, body, method, shown, self.max_response_bytes)
        return Response(status, reply_headers, body)

    async def close(self) -> None:
        """Close every idle connection, on every event loop; those answering a call close
        when it ends."""
        self._generation += 1
        loop = asyncio.get_running_loop()
        with self._pools_lock:
            self._drop_closed_loops()
            pools = list(self._pools.values())
        for pool in pools:
            if pool.loop is loop:
                pool.close_idle()
            else:
                # Another thread's loop: its sockets are closed on its own thread.
                with contextlib.suppress(RuntimeError):  # that loop closed meanwhile
                    pool.loop.call_soon_threadsafe(pool.close_idle)
        # One turn of the loop, in which the aborted sockets are closed.
        await asyncio.sleep(0)

    # -- connections --------------------------------------------------------------

    def _pool(self) -> _Pool:
        """The running event loop's pool; the pools of loops that have closed are dropped."""
        loop = asyncio.get_running_loop()
        pool = self._pools.get(loop)
        if pool is None:
            with self._pools_lock:
                self._drop_closed_loops()
                pool = self._pools[loop] = _Pool(loop)
        return pool

    def _drop_closed_loops(self) -> None:
        # An earlier asyncio.run's connections: no loop can use them now. (asyncio tells
        # no one when a loop closes; this runs whenever a pool is made and on close.)
        for old in [pool for pool in self._pools.values() if pool.loop.is_closed()]:
            del self._pools[old.loop]
            old.close_idle()

    async def _checkout(
        self, pool: _Pool, timeout: float, deadline: Optional[float]
    ) -> _Connection:
        """An idle connection, else a new one while fewer than `max_connections` are
        open, else the first one freed (a wait bounded as every other)."""
        while True:
            conn = pool.take_idle()
            if conn is not None:
                return conn
            if pool.open < self.max_connections:
                pool.open += 1
                try:
                    return await self._open(pool, timeout, deadline)
                except BaseException:
                    pool.open -= 1
                    pool.wake()
                    raise
            limit = 0.0
            try:
                limit = _bound(timeout, deadline)
                await pool.wait(limit)
            except _TIMEOUT_ERRORS as exc:
                raise LongmemTimeoutError(
                    f"timed out after {limit:g}s waiting for one of the "
                    f"{self.max_connections} connections to {self.origin} to be free",
                    request_sent=False,
                ) from exc

    async def _open(self, pool: _Pool, timeout: float, deadline: Optional[float]) -> _Connection:
        proxy = self._resolve_proxy()
        context = self._tls_context() if self.scheme == "https" else None
        loop = pool.loop
        conn = _Connection(loop, self._generation)
        where = self.origin if proxy is None else f"the proxy {proxy.host}:{proxy.port}"
        host, port = (self.host, self.port) if proxy is None else (proxy.host, proxy.port)
        limit = 0.0  # how long the step that timed out could wait
        try:
            limit = _bound(timeout, deadline)
            if proxy is None:
                await _within(self._dial(pool, conn, host, port, context), limit)
            else:
                await _within(self._dial(pool, conn, host, port, None), limit)
                if context is not None:
                    await self._tunnel(conn, proxy, timeout, deadline)
                    limit = _bound(timeout, deadline)
                    conn.transport = await _within(
                        loop.start_tls(
                            conn.transport,  # type: ignore[arg-type]
                            conn,
                            context,
                            server_hostname=self.host,
                        ),
                        limit,
                    )
        except _TIMEOUT_ERRORS as exc:
            conn.abort()
            pool.addresses.pop((host, port), None)  # looked up again next time
            raise LongmemTimeoutError(
                f"timed out connecting to {where} after {limit:g}s", request_sent=False
            ) from exc
        except (OSError, http.client.HTTPException) as exc:
            conn.abort()
            pool.addresses.pop((host, port), None)
            raise self._connect_error(exc, proxy) from exc
        except BaseException:
            conn.abort()
            raise
        return conn

    async def _dial(
        self,
        pool: _Pool,
        conn: _Connection,
        host: str,
        port: int,
        context: Optional[ssl.SSLContext],
    ) -> None:
        """Connect `conn` to the first of host's addresses that answers, then (with a
        context) do the TLS handshake; raises OSError (the first reason, if all failed
        alike, as asyncio does) or ssl.SSLError."""
        addresses = await asyncio.shield(_resolve(pool, host, port))
        errors: list[OSError] = []
        for family, kind, proto, _, address in addresses:
            sock = socket.socket(family, kind, proto)
            try:
                sock.setblocking(False)
                await pool.loop.sock_connect(sock, address)
            except OSError as exc:
                sock.close()
                errors.append(exc)
                continue
            except BaseException:
                sock.close()
                raise
            # The TLS name is the origin's, whatever address it was reached at.
            await pool.loop.create_connection(
                lambda: conn,
                sock=sock,
                ssl=context,
                server_hostname=self.host if context is not None else None,
            )
            return
        if not errors:
            raise socket.gaierror(f"{host} resolved to no address")
        if len({str(exc) for exc in errors}) == 1:
            raise errors[0]
        raise OSError("Multiple exceptions: " + ", ".join(str(exc) for exc in errors))

    async def _tunnel(
        self, conn: _Connection, proxy: _Proxy, timeout: float, deadline: Optional[float]
    ) -> None:
        """Ask the proxy for a tunnel to the origin (CONNECT); raises OSError as
        http.client does when the proxy refuses."""
        lines = [f"CONNECT {self._authority} HTTP/1.1", f"Host: {self._authority}"]
        if proxy.auth_header:
            lines.append(f"Proxy-Authorization: {proxy.auth_header}")
        conn.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))
        status, reason, _, _ = await _read_head(conn, timeout, deadline)
        if status != 200:
            raise OSError(f"Tunnel connection failed: {status} {reason.strip()}")
        if conn.buffer:
            raise OSError("the proxy sent data before the tunnel was used")

    # -- one exchange -------------------------------------------------------------

    def _head(
        self, method: str, path: str, data: Optional[bytes], headers: dict[str, str]
    ) -> bytes:
        """The request line and headers, as http.client would write them."""
        target = self.base_path + path
        proxy = self._resolve_proxy()
        if self.scheme == "http" and proxy is not None:
            target = self.origin + target  # absolute form for a forward proxy
            if proxy.auth_header:
                headers = {**headers, "Proxy-Authorization": proxy.auth_header}
        if not target.isascii() or not target.isprintable() or " " in target:
            raise InvalidArgumentError(f"the request path {path!r} holds characters not sent raw")
        lines = [f"{method} {target} HTTP/1.1", f"Host: {self._host_header}"]
        for name, value in headers.items():
            if "\n" in value or "\r" in value:
                raise InvalidArgumentError(f"the {name} header holds a line break")
            lines.append(f"{name}: {value}")
        if data is not None:
            lines.append(f"Content-Length: {len(data)}")
        elif method in _METHODS_WITH_BODY:
            lines.append("Content-Length: 0")
        try:
            return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
        except UnicodeEncodeError as exc:
            raise InvalidArgumentError(
                f"a request header holds a character HTTP cannot carry: {exc.object[exc.start]!r}"
            ) from None

    async def _exchange(
        self,
        conn: _Connection,
        method: str,
        shown: str,
        head: bytes,
        data: Optional[bytes],
        timeout: float,
        deadline: Optional[float],
    ) -> tuple[int, http.client.HTTPMessage, bytes, bool]:
        """Send the request (`head` and `data`), read the final answer: status, headers,
        the (still encoded) body, and whether the connection may carry another request.
        `shown` is the path errors name."""
        try:
            _bound(timeout, deadline)
        except _TIMEOUT_ERRORS as exc:
            raise _spent(method, shown) from exc
        try:
            # The loop buffers what the socket cannot take yet: a server that stops
            # reading is met by the wait for its answer, bounded like every other, and
            # an answer it gives before reading the whole body (a 413 from the headers)
            # is read as any other, though the rest of the write then fails.
            # One write, as http.client sends a bytes body with its head (no Nagle
            # and delayed-ACK stall between them).
            conn.write(head + data if data else head)
            for _ in range(MAX_INTERIM + 1):
                status, _, version, headers = await _read_head(conn, timeout, deadline)
                if status >= 200:
                    break
                if status == 101:
                    raise http.client.HTTPException("unexpected 101 Switching Protocols")
                # 100 Continue, 103 Early Hints: interim answers; the final one follows.
            else:
                raise http.client.HTTPException(f"more than {MAX_INTERIM} interim answers")
            body, until_close = await _read_body(
                conn, method, status, headers, timeout, deadline, self.max_response_bytes
            )
        except _TIMEOUT_ERRORS as exc:
            raise LongmemTimeoutError(
                f"{method} {shown} timed out waiting for {self.origin}"
            ) from exc
        except (OSError, http.client.HTTPException) as exc:
            raise LongmemConnectionError(
                f"{method} {shown} to {self.origin} failed: {_describe(exc)}"
            ) from exc
        except _TooLarge:
            raise _too_large(method, shown, self.max_response_bytes, "") from None
        reusable = not until_close and not conn.buffer and not _will_close(version, headers)
        return status, headers, body, reusable


def _resolve(pool: _Pool, host: str, port: int) -> asyncio.Future[Sequence[_Address]]:
    """The addresses of host:port, looked up once per loop and shared by every caller
    connecting meanwhile; an IP address is read at once, with no lookup and no thread."""
    key = (host, port)
    resolving = pool.addresses.get(key)
    if resolving is None:
        resolving = pool.addresses[key] = asyncio.ensure_future(_lookup(pool.loop, host, port))
        resolving.add_done_callback(_retrieve)  # read even if every caller gave up waiting
    return resolving


async def _lookup(loop: asyncio.AbstractEventLoop, host: str, port: int) -> Sequence[_Address]:
    try:
        return socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_NUMERICHOST)
    except socket.gaierror:
        return await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)


async def _within(awaitable: Awaitable[_T], limit: float) -> _T:
    """The awaitable's result within `limit` seconds, or socket.timeout (it is cancelled).

    asyncio.wait, unlike wait_for before 3.12, never loses the caller's own cancellation.
    """
    task = asyncio.ensure_future(awaitable)
    try:
        done, _ = await asyncio.wait((task,), timeout=limit)
    except BaseException:
        task.cancel()
        raise
    if not done:
        task.cancel()
        task.add_done_callback(_retrieve)
        raise socket.timeout("timed out")
    return task.result()


def _retrieve(task: asyncio.Future[Any]) -> None:
    # A task cancelled on timeout may still end in an error; read it, so asyncio does
    # not log it as never retrieved.
    if not task.cancelled():
        task.exception()


async def _read_head(
    conn: _Connection, timeout: float, deadline: Optional[float]
) -> tuple[int, str, int, http.client.HTTPMessage]:
    """Read one response head: status, reason, HTTP version (10 or 11) and headers.
    Raises what http.client raises for the same bytes."""
    searched = 0
    while True:
        end = _HEAD_END.search(conn.buffer, searched)
        if end is not None:
            break
        if len(conn.buffer) > _MAX_LINE:
            raise http.client.LineTooLong("response head")
        searched = max(0, len(conn.buffer) - 2)
        if not await conn.more(_bound(timeout, deadline)):
            if conn.buffer:
                raise http.client.IncompleteRead(bytes(conn.buffer))
            raise http.client.RemoteDisconnected("Remote end closed connection without response")
    head = bytes(conn.buffer[: end.end()])
    del conn.buffer[: end.end()]
    status_line, _, fields = head.partition(b"\n")
    line = (status_line + b"\n").decode("iso-8859-1")  # http.client's errors show it so
    try:
        version, code, reason = line.split(None, 2)
    except ValueError:
        try:
            version, code = line.split(None, 1)
            reason = ""
        except ValueError:
            raise http.client.BadStatusLine(line) from None
    if not version.startswith("HTTP/"):
        raise http.client.BadStatusLine(line)
    try:
        status = int(code)
    except ValueError:
        raise http.client.BadStatusLine(line) from None
    if not 100 <= status <= 999:
        raise http.client.BadStatusLine(line)
    if version == "HTTP/1.0":
        number = 10
    elif version.startswith("HTTP/1."):
        number = 11
    else:
        raise http.client.UnknownProtocol(version)
    headers = http.client.parse_headers(io.BytesIO(fields))
    return status, reason, number, headers


async def _read_body(
    conn: _Connection,
    method: str,
    status: int,
    headers: http.client.HTTPMessage,
    timeout: float,
    deadline: Optional[float],
    cap: int,
) -> tuple[bytes, bool]:
    """Read the body as framed (never more than `cap` bytes: raises _TooLarge) and say
    whether it was delimited by the connection closing."""
    if method == "HEAD" or status in _BODYLESS_STATUSES:
        return b"", False
    if (headers.get("transfer-encoding") or "").lower() == "chunked":
        return await _read_chunked(conn, timeout, deadline, cap), False
    length = _content_length(headers)
    if length is None:
        while await conn.more(_bound(timeout, deadline)):
            if len(conn.buffer) > cap:
                raise _TooLarge
        body = bytes(conn.buffer)
        conn.buffer.clear()
        return body, True
    if length > cap:
        raise _TooLarge
    return await _read_exactly(conn, length, timeout, deadline), False


def _content_length(headers: http.client.HTTPMessage) -> Optional[int]:
    # As http.client reads it: a value that is not a whole number, or is negative,
    # leaves the body delimited by the connection closing.
    value = headers.get("content-length")
    if value is None:
        return None
    try:
        length = int(value)
    except ValueError:
        return None
    return length if length >= 0 else None


async def _read_exactly(
    conn: _Connection, size: int, timeout: float, deadline: Optional[float]
) -> bytes:
    while len(conn.buffer) < size:
        if not await conn.more(_bound(timeout, deadline)):
            raise http.client.IncompleteRead(bytes(conn.buffer), size - len(conn.buffer))
    with memoryview(conn.buffer) as buffered:  # one copy of the body, not two
        data = bytes(buffered[:size])
    del conn.buffer[:size]
    if not conn.buffer:
        conn.buffer = bytearray()  # a prefix deleted keeps its memory: let the body's go
    return data


async def _read_line(conn: _Connection, timeout: float, deadline: Optional[float]) -> bytes:
    """One line without its line end; raises IncompleteRead when the connection ends first."""
    searched = 0
    while True:
        end = conn.buffer.find(b"\n", searched)
        if end >= 0:
            line = bytes(conn.buffer[:end])
            del conn.buffer[: end + 1]
            return line.rstrip(b"\r")
        if len(conn.buffer) > _MAX_LINE:
            raise http.client.LineTooLong("chunk size")
        searched = len(conn.buffer)
        if not await conn.more(_bound(timeout, deadline)):
            raise http.client.IncompleteRead(bytes(conn.buffer))


async def _read_chunked(
    conn: _Connection, timeout: float, deadline: Optional[float], cap: int
) -> bytes:
    parts: list[bytes] = []
    size = 0
    while True:
        line = await _read_line(conn, timeout, deadline)
        try:
            chunk_size = int(line.split(b";", 1)[0], 16)
        except ValueError:
            raise http.client.IncompleteRead(b"".join(parts)) from None
        if chunk_size < 0:
            raise http.client.IncompleteRead(b"".join(parts))
        if chunk_size == 0:
            break
        size += chunk_size
        if size > cap:
            parts.clear()  # the error's traceback holds this frame: let the body go
            raise _TooLarge
        parts.append(await _read_exactly(conn, chunk_size, timeout, deadline))
        if await _read_line(conn, timeout, deadline):
            raise http.client.IncompleteRead(b"".join(parts))  # no line end after the chunk
    while await _read_line(conn, timeout, deadline):
        pass  # trailer fields, up to the empty line that ends the body
    return b"".join(parts)


def _will_close(version: int, headers: http.client.HTTPMessage) -> bool:
    """Whether the server ends the connection after this answer, as http.client reads it."""
    connection = (headers.get("connection") or "").lower()
    if version == 11:
        return "close" in connection
    if headers.get("keep-alive") or "keep-alive" in connection:
        return False
    return "keep-alive" not in (headers.get("proxy-connection") or "").lower()
