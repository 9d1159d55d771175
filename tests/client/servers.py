"""Loopback HTTP servers for the client transport tests (standard library only).

* :class:`ScriptedServer` -- a threaded HTTP/1.1 keep-alive server whose replies are scripted
  with action objects (:class:`Reply`, :class:`Drop`, :class:`Stall`, :class:`Truncated`,
  :class:`Raw`, :class:`Early`, or a callable ``(Recorded) -> action``).  Optional TLS.
* :class:`ForwardProxy` -- an HTTP forward proxy supporting absolute-form requests to plain-HTTP
  loopback targets and ``CONNECT`` tunnelling to loopback targets.  The client never sends
  loopback traffic to a proxy, so a client test names the target :data:`PROXIED_HOST` (see
  :func:`behind_proxy`), which only the proxy knows: it stands for 127.0.0.1.
* :func:`make_tls_material` -- a throw-away CA plus a ``localhost`` / ``127.0.0.1`` /
  :data:`PROXIED_HOST` server certificate, made with the ``openssl`` command line.

Everything binds to 127.0.0.1 only.  Both servers are context managers (or call ``start()`` /
``close()``) and shut down in well under a second even with stalled or idle connections,
because every accepted (and upstream) socket is tracked and shut down on exit.

Works on Python 3.9-3.13.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import gzip as _gzip
import http.client
import ipaddress
import json as _json
import os
import pathlib
import selectors
import shutil
import socket
import ssl
import subprocess
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http import HTTPStatus
from types import TracebackType
from typing import Any, Callable, TypeVar, Union
from urllib.parse import parse_qs, urlsplit

__all__ = [
    "PROXIED_HOST",
    "Action",
    "Drop",
    "Early",
    "ForwardProxy",
    "ProxyRequest",
    "Raw",
    "Recorded",
    "Reply",
    "ScriptedServer",
    "Stall",
    "TLSMaterial",
    "Truncated",
    "behind_proxy",
    "make_tls_material",
]

# Reserved by RFC 2606, so it never resolves: only ForwardProxy knows it, as 127.0.0.1.
PROXIED_HOST = "upstream.test"

_MAX_LINE = 65536
_MAX_HEADERS = 200
_HOP_BY_HOP = frozenset(
    {
        "connection",
        "keep-alive",
        "proxy-authenticate",
        "proxy-authorization",
        "proxy-connection",
        "te",
        "trailer",
        "transfer-encoding",
        "upgrade",
    }
)


# --------------------------------------------------------------------------------------------
# Recorded requests and scripted actions
# --------------------------------------------------------------------------------------------


@dataclass
class Recorded:
    """One request as received by :class:`ScriptedServer`.

    ``target`` is the raw request-target; ``path`` is its path component, still percent-encoded;
    ``query`` is ``parse_qs(query, keep_blank_values=True)`` (decoded).  ``headers`` is an
    :class:`http.client.HTTPMessage`: ``headers.get("content-type")`` is case-insensitive,
    ``headers.get_all(name)`` gives repeated headers, ``name in headers`` works.  ``body`` is the
    de-chunked request body.
    """

    method: str
    target: str
    path: str
    query: dict[str, list[str]]
    headers: http.client.HTTPMessage
    body: bytes
    conn_id: int
    version: str = "HTTP/1.1"

    def json(self) -> Any:
        return _json.loads(self.body.decode("utf-8"))


@dataclass
class Reply:
    """Send a complete response.

    ``json`` (when not ``None``) is serialised as the body with ``Content-Type:
    application/json``; otherwise ``body`` (or nothing) is sent.  (To send a literal JSON
    ``null`` use ``body=b"null"``.)  ``gzip=True`` gzips the body and adds ``Content-Encoding:
    gzip``.  ``close=True`` adds ``Connection: close`` and closes the connection after the reply.
    ``headers`` are applied last and replace default headers of the same name (case-insensitive),
    including ``Content-Length`` / ``Content-Type`` if you really want to.  1xx/204/304 replies
    carry no body and no ``Content-Length``; every other reply has a correct ``Content-Length``.
    """

    status: int = 200
    json: Any = None
    body: bytes | None = None
    headers: dict[str, str] = field(default_factory=dict)
    gzip: bool = False
    close: bool = False
    reason: str | None = None


@dataclass
class Drop:
    """Read the whole request, then close the socket without responding (client: EOF ->
    ``http.client.RemoteDisconnected``)."""


@dataclass
class Stall:
    """Read the request, wait ``seconds`` (cut short by server shutdown), then perform ``then``
    (any action, usually a :class:`Reply`) or, when ``then`` is ``None``, close silently."""

    seconds: float
    then: Action | None = None


@dataclass
class Truncated:
    """Send a status line and headers declaring ``Content-Length: declared_length``, then only
    ``body`` (shorter), then close (client: ``http.client.IncompleteRead``)."""

    status: int = 200
    declared_length: int = 100
    body: bytes = b'{"a":'
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Raw:
    """Send ``data`` verbatim (you supply status line, headers and framing); close afterwards
    unless ``close=False``."""

    data: bytes
    close: bool = True


@dataclass
class Early:
    """Answer from the request's head alone, before reading any of its body, then close, as
    a server refusing a body by its declared length does (413).  ``reply`` (None: no answer)
    is sent at once; then, with ``linger`` seconds, the server stops writing (FIN) and reads
    and drops what arrives, for that long and up to 1 MiB, before closing, as the local
    server does; with 0 it closes at once.  Either way a longer body, still being sent, is
    met with a reset.  Only as
    a script entry itself (not returned by a callable: those see the whole request); the
    request is recorded with the body it did not read as ``b""``."""

    reply: Reply | None = None
    linger: float = 0.0


Action = Union[Reply, Drop, Stall, Truncated, Raw, Early, Callable[[Recorded], Any]]
"""A scripted action.  A callable receives the :class:`Recorded` request and returns an action
(or another callable)."""

_ACTION_TYPES = (Reply, Drop, Stall, Truncated, Raw, Early)


@dataclass
class ProxyRequest:
    """One request received by :class:`ForwardProxy` (a ``CONNECT`` or a forwarded request)."""

    method: str
    target: str
    headers: http.client.HTTPMessage
    conn_id: int


# --------------------------------------------------------------------------------------------
# Wire helpers
# --------------------------------------------------------------------------------------------


class _BadRequest(Exception):
    pass


class _Incomplete(Exception):
    """The peer closed the connection in the middle of a request."""


class _Reader:
    """Minimal buffered reader over a (possibly TLS) socket; never reads past what it needs
    except into its own buffer, which :meth:`take_buffer` hands back (for tunnels)."""

    def __init__(self, sock: socket.socket) -> None:
        self._sock = sock
        self._buf = bytearray()

    def _fill(self) -> bool:
        data = self._sock.recv(65536)
        if not data:
            return False
        self._buf += data
        return True

    def readline(self, limit: int = _MAX_LINE + 1) -> bytes:
        start = 0
        while True:
            idx = self._buf.find(b"\n", start)
            if idx >= 0:
                end = min(idx + 1, limit)
                break
            if len(self._buf) >= limit:
                end = limit
                break
            start = len(self._buf)
            if not self._fill():
                end = len(self._buf)
                break
        line = bytes(self._buf[:end])
        del self._buf[:end]
        return line

    def read_exact(self, n: int) -> bytes:
        while len(self._buf) < n:
            if not self._fill():
                raise _Incomplete(f"wanted {n} bytes, got {len(self._buf)}")
        data = bytes(self._buf[:n])
        del self._buf[:n]
        return data

    def take_buffer(self) -> bytes:
        data = bytes(self._buf)
        self._buf.clear()
        return data


def _read_head(reader: _Reader) -> tuple[str, str, str, http.client.HTTPMessage] | None:
    """Read request line + headers.  ``None`` on a clean EOF before the first byte."""
    line = reader.readline()
    while line in (b"\r\n", b"\n"):  # tolerate stray CRLFs between requests
        line = reader.readline()
    if not line:
        return None
    if not line.endswith(b"\n"):
        if len(line) > _MAX_LINE:
            raise _BadRequest("request line too long")
        raise _Incomplete("EOF inside the request line")
    parts = line.decode("latin-1").strip().split()
    if len(parts) != 3 or not parts[2].startswith("HTTP/"):
        raise _BadRequest(f"malformed request line {line!r}")
    method, target, version = parts
    headers = http.client.HTTPMessage()
    for _ in range(_MAX_HEADERS + 1):
        hline = reader.readline()
        if not hline:
            raise _Incomplete("EOF inside the headers")
        if hline in (b"\r\n", b"\n"):
            return method, target, version, headers
        name, sep, value = hline.decode("latin-1").partition(":")
        if not sep or not name.strip():
            raise _BadRequest(f"malformed header line {hline!r}")
        headers[name.strip()] = value.strip()
    raise _BadRequest("too many headers")


def _read_body(reader: _Reader, headers: http.client.HTTPMessage) -> bytes:
    te = headers.get("Transfer-Encoding")
    if te is not None and "chunked" in te.lower():
        chunks: list[bytes] = []
        while True:
            size_line = reader.readline()
            if not size_line.endswith(b"\n"):
                raise _Incomplete("EOF inside a chunk size")
            try:
                size = int(size_line.split(b";", 1)[0].strip(), 16)
            except ValueError:
                raise _BadRequest(f"bad chunk size {size_line!r}") from None
            if size == 0:
                while reader.readline() not in (b"\r\n", b"\n", b""):  # trailers
                    pass
                return b"".join(chunks)
            chunks.append(reader.read_exact(size))
            reader.read_exact(2)  # CRLF after the chunk
    length = headers.get("Content-Length")
    if length is None:
        return b""
    try:
        n = int(length)
    except ValueError:
        raise _BadRequest(f"bad Content-Length {length!r}") from None
    if n < 0:
        raise _BadRequest("negative Content-Length")
    return reader.read_exact(n)


def _wants_close(version: str, headers: http.client.HTTPMessage) -> bool:
    tokens = {
        t.strip().lower()
        for value in headers.get_all("Connection", [])
        for t in value.split(",")
        if t.strip()
    }
    if "close" in tokens:
        return True
    return version == "HTTP/1.0" and "keep-alive" not in tokens


def _status_line(status: int, reason: str | None) -> bytes:
    if reason is None:
        try:
            reason = HTTPStatus(status).phrase
        except ValueError:
            reason = "Unknown"
    return f"HTTP/1.1 {status} {reason}\r\n".encode("latin-1")


def _no_body_status(status: int) -> bool:
    return 100 <= status < 200 or status in (204, 304)


def _render(
    status: int,
    headers: list[tuple[str, str]],
    overrides: dict[str, str],
    body: bytes,
    reason: str | None = None,
) -> bytes:
    names = {k.lower() for k in overrides}
    merged = [(k, v) for k, v in headers if k.lower() not in names] + list(overrides.items())
    head = _status_line(status, reason) + b"".join(
        f"{k}: {v}\r\n".encode("latin-1") for k, v in merged
    )
    return head + b"\r\n" + body


def _shutdown(sock: socket.socket | None) -> None:
    """Shut down a socket at the fd level (works for SSLSocket too and wakes a blocked recv)."""
    if sock is None:
        return
    with contextlib.suppress(OSError, ValueError):
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


def _linger(sock: socket.socket, seconds: float) -> None:
    """Stop writing (FIN), then read and drop what the peer still sends, for ``seconds`` and
    up to 1 MiB (as the local server does): closing with a longer body unread resets it."""
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_WR)
        end = time.monotonic() + seconds
        dropped = 0
        while dropped < 1024 * 1024 and (left := end - time.monotonic()) > 0:
            sock.settimeout(left)
            chunk = sock.recv(65536)
            if not chunk:
                break
            dropped += len(chunk)


def behind_proxy(url: str) -> str:
    """``url`` (a loopback server's) naming :data:`PROXIED_HOST` instead, so that a client
    sends it through a proxy: the client sends loopback traffic to no proxy."""
    parts = urlsplit(url)
    return parts._replace(netloc=f"{PROXIED_HOST}:{parts.port}").geturl()


def _upstream_address(host: str) -> str | None:
    """Where the proxy connects for ``host``: 127.0.0.1 for :data:`PROXIED_HOST`, the host
    itself if it is loopback, None (refused) for anything else."""
    if host.strip("[]").lower() == PROXIED_HOST:
        return "127.0.0.1"
    return host.strip("[]") if _is_loopback(host) else None


def _is_loopback(host: str) -> bool:
    host = host.strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


# --------------------------------------------------------------------------------------------
# Common server machinery
# --------------------------------------------------------------------------------------------

_HANDSHAKE = "handshake"
_IDLE = "idle"  # waiting for the first byte of the next request
_BUSY = "busy"  # reading a request / running an action
_RESPONDING = "responding"  # writing a response (client may already have all of it)
_CLOSED = "closed"


class _Conn:
    def __init__(self, conn_id: int, sock: socket.socket) -> None:
        self.conn_id = conn_id
        self.sock = sock
        self.state = _HANDSHAKE
        self.close_pending = False
        self.closed = threading.Event()
        self.extra: list[socket.socket] = []  # upstream sockets (proxy)


_S = TypeVar("_S", bound="_LoopbackServer")


class _LoopbackServer:
    scheme = "http"
    host_name = "127.0.0.1"

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._conns: dict[int, _Conn] = {}
        self._threads: list[threading.Thread] = []
        self._listener: socket.socket | None = None
        self._accept_thread: threading.Thread | None = None
        self._accepted = 0
        self._errors: list[BaseException] = []
        self.port = 0
        self.url = ""

    # -- lifecycle ---------------------------------------------------------------------------

    def start(self: _S) -> _S:
        if self._listener is not None:
            return self
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", 0))
        listener.listen(128)
        listener.setblocking(False)
        self._listener = listener
        self.port = listener.getsockname()[1]
        self.url = f"{self.scheme}://{self.host_name}:{self.port}"
        self._accept_thread = threading.Thread(
            target=self._accept_loop, name=f"{type(self).__name__}-accept", daemon=True
        )
        self._accept_thread.start()
        return self

    def close(self) -> None:
        """Stop accepting, shut down every tracked socket and join the threads (< 1 s)."""
        if self._listener is None or self._stopping.is_set():
            return
        self._stopping.set()
        if self._accept_thread is not None:
            self._accept_thread.join(1.0)
        self._listener.close()
        with self._lock:
            conns = list(self._conns.values())
            threads = list(self._threads)
        for conn in conns:
            _shutdown(conn.sock)
            for extra in conn.extra:
                _shutdown(extra)
        deadline = time.monotonic() + 1.0
        for t in threads:
            t.join(max(0.0, deadline - time.monotonic()))

    def __enter__(self: _S) -> _S:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- public introspection ----------------------------------------------------------------

    @property
    def connections(self) -> int:
        """Number of TCP connections accepted so far."""
        with self._lock:
            return self._accepted

    def wait_until_closed(self, timeout: float = 5.0) -> bool:
        """Wait until every accepted connection is closed; False if one is still open."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                if not self._conns:
                    return True
            time.sleep(0.01)
        return False

    @property
    def errors(self) -> list[BaseException]:
        """Unexpected exceptions raised inside handler threads (socket errors excluded)."""
        with self._lock:
            return list(self._errors)

    # -- internals ---------------------------------------------------------------------------

    def _accept_loop(self) -> None:
        assert self._listener is not None
        sel = selectors.DefaultSelector()
        sel.register(self._listener, selectors.EVENT_READ)
        try:
            while not self._stopping.is_set():
                if not sel.select(0.05):
                    continue
                try:
                    sock, _addr = self._listener.accept()
                except (BlockingIOError, InterruptedError):
                    continue
                except OSError:
                    if self._stopping.is_set():
                        return
                    raise
                sock.setblocking(True)
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                with self._lock:
                    self._accepted += 1
                    conn = _Conn(self._accepted, sock)
                    self._conns[conn.conn_id] = conn
                    t = threading.Thread(
                        target=self._run_conn,
                        args=(conn,),
                        name=f"{type(self).__name__}-conn{conn.conn_id}",
                        daemon=True,
                    )
                    self._threads.append(t)
                if self._stopping.is_set():
                    _shutdown(sock)
                t.start()
        finally:
            sel.close()

    def _run_conn(self, conn: _Conn) -> None:
        try:
            self._handle_connection(conn)
        except (OSError, _Incomplete):
            pass  # peer went away / we were shut down: expected in these tests
        except Exception as exc:
            if not self._stopping.is_set():
                with self._lock:
                    self._errors.append(exc)
        finally:
            with self._lock:
                conn.state = _CLOSED
                self._conns.pop(conn.conn_id, None)
            _shutdown(conn.sock)
            for s in [conn.sock, *conn.extra]:
                with contextlib.suppress(OSError):
                    s.close()
            conn.closed.set()

    def _handle_connection(self, conn: _Conn) -> None:
        raise NotImplementedError

    def _track_extra(self, conn: _Conn, sock: socket.socket) -> None:
        with self._lock:
            conn.extra.append(sock)
        if self._stopping.is_set():
            _shutdown(sock)

    def _send(self, conn: _Conn, data: bytes) -> None:
        with self._lock:
            conn.state = _RESPONDING
        conn.sock.sendall(data)

    def _become_idle(self, conn: _Conn) -> bool:
        """Mark the connection as waiting for its next request; False if it must close."""
        with self._lock:
            if conn.close_pending or self._stopping.is_set():
                return False
            conn.state = _IDLE
            return True

    def _become_busy(self, conn: _Conn) -> None:
        with self._lock:
            conn.state = _BUSY


# --------------------------------------------------------------------------------------------
# ScriptedServer
# --------------------------------------------------------------------------------------------


class ScriptedServer(_LoopbackServer):
    """Threaded HTTP/1.1 loopback server replying from a FIFO script of actions.

    ``url`` is ``http://127.0.0.1:PORT`` (or ``https://localhost:PORT`` when ``ssl_context`` is
    given).  Each request pops one action from the script (see :meth:`script`); when the script
    is empty the default action (``Reply(200, json={})`` unless changed with
    :meth:`set_default`) is used.  Keep-alive is honoured unless the client sends
    ``Connection: close`` (or speaks HTTP/1.0), or the action closes.
    """

    def __init__(self, ssl_context: ssl.SSLContext | None = None) -> None:
        super().__init__()
        self._ssl_context = ssl_context
        if ssl_context is not None:
            self.scheme = "https"
            self.host_name = "localhost"
        self._script: deque[Action] = deque()
        self._default: Action = Reply(200, json={})
        self._requests: list[Recorded] = []
        self._request_cond = threading.Condition(self._lock)

    # -- scripting ---------------------------------------------------------------------------

    def script(self, *actions: Action) -> ScriptedServer:
        """Append actions to the FIFO; each incoming request consumes one."""
        with self._lock:
            self._script.extend(actions)
        return self

    def set_default(self, action: Action) -> ScriptedServer:
        """Action used when the script is empty."""
        with self._lock:
            self._default = action
        return self

    @property
    def pending(self) -> int:
        """Number of scripted actions not yet consumed."""
        with self._lock:
            return len(self._script)

    # -- introspection -----------------------------------------------------------------------

    @property
    def requests(self) -> list[Recorded]:
        """Snapshot (a new list) of recorded requests in arrival order."""
        with self._lock:
            return list(self._requests)

    def wait_for_requests(self, n: int, timeout: float = 5.0) -> list[Recorded]:
        """Block until at least ``n`` requests were recorded; raise TimeoutError otherwise."""
        with self._request_cond:
            if not self._request_cond.wait_for(lambda: len(self._requests) >= n, timeout):
                raise TimeoutError(f"expected {n} requests, got {len(self._requests)}")
            return list(self._requests)

    def close_idle_connections(self, timeout: float = 2.0) -> int:
        """Server-side close of every keep-alive connection waiting for its next request
        (like a keep-alive timeout firing): sends FIN, so the next request a client sends on
        its pooled connection fails (RemoteDisconnected / BrokenPipe / ConnectionReset).

        Connections still writing a response are closed right after it.  Returns once the
        affected sockets are closed; the return value is how many were closed.
        """
        affected: list[_Conn] = []
        with self._lock:
            for conn in self._conns.values():
                if conn.state == _IDLE:
                    conn.close_pending = True
                    _shutdown(conn.sock)
                    affected.append(conn)
                elif conn.state == _RESPONDING:
                    conn.close_pending = True
                    affected.append(conn)
        deadline = time.monotonic() + timeout
        for conn in affected:
            conn.closed.wait(max(0.0, deadline - time.monotonic()))
        return len(affected)

    # -- internals ---------------------------------------------------------------------------

    def _next_action(self) -> Action:
        with self._lock:
            if self._script:
                return self._script.popleft()
            return self._default

    def _handle_connection(self, conn: _Conn) -> None:
        if self._ssl_context is not None:
            tls = self._ssl_context.wrap_socket(
                conn.sock, server_side=True, do_handshake_on_connect=False
            )
            with self._lock:
                conn.sock = tls
            if self._stopping.is_set():
                return
            tls.settimeout(5.0)
            try:
                tls.do_handshake()
            except (ssl.SSLError, OSError):
                return  # e.g. the client rejected our certificate
            tls.settimeout(None)
        reader = _Reader(conn.sock)
        while self._become_idle(conn):
            try:
                head = _read_head(reader)
            except _BadRequest as exc:
                self._send(conn, self._error_reply(400, str(exc)))
                return
            if head is None:
                return
            self._become_busy(conn)
            method, target, version, headers = head
            action = self._next_action()
            try:
                body = b"" if isinstance(action, Early) else _read_body(reader, headers)
            except _BadRequest as exc:
                self._send(conn, self._error_reply(400, str(exc)))
                return
            split = urlsplit(target)
            rec = Recorded(
                method=method,
                target=target,
                path=split.path,
                query=parse_qs(split.query, keep_blank_values=True),
                headers=headers,
                body=body,
                conn_id=conn.conn_id,
                version=version,
            )
            with self._request_cond:
                self._requests.append(rec)
                self._request_cond.notify_all()
            keep_alive = not _wants_close(version, headers)
            if not self._perform(conn, rec, action, keep_alive):
                return

    @staticmethod
    def _error_reply(status: int, message: str) -> bytes:
        body = message.encode("utf-8", "replace")
        return _render(
            status,
            [
                ("Content-Type", "text/plain; charset=utf-8"),
                ("Content-Length", str(len(body))),
                ("Connection", "close"),
            ],
            {},
            body,
        )

    def _perform(self, conn: _Conn, rec: Recorded, action: Action, keep_alive: bool) -> bool:
        """Run ``action``; return True to keep the connection open."""
        for _ in range(100):
            if isinstance(action, _ACTION_TYPES) or not callable(action):
                break
            action = action(rec)
        if isinstance(action, Reply):
            close = action.close or not keep_alive
            self._send(conn, self._render_reply(action, close))
            return not close
        if isinstance(action, Drop):
            return False
        if isinstance(action, Stall):
            if self._stopping.wait(action.seconds) or action.then is None:
                return False
            return self._perform(conn, rec, action.then, keep_alive)
        if isinstance(action, Truncated):
            headers = [
                ("Content-Type", "application/json"),
                ("Content-Length", str(action.declared_length)),
            ]
            self._send(conn, _render(action.status, headers, action.headers, action.body))
            return False
        if isinstance(action, Raw):
            self._send(conn, action.data)
            return keep_alive and not action.close
        if isinstance(action, Early):
            if action.reply is not None:
                self._send(conn, self._render_reply(action.reply, close=True))
            if action.linger > 0:
                _linger(conn.sock, action.linger)
            return False
        raise TypeError(f"not a scripted action: {action!r}")

    @staticmethod
    def _render_reply(reply: Reply, close: bool) -> bytes:
        headers: list[tuple[str, str]] = [("Server", "longmem-test-server")]
        if reply.json is not None:
            body = _json.dumps(reply.json).encode("utf-8")
            headers.append(("Content-Type", "application/json"))
        else:
            body = reply.body if reply.body is not None else b""
        if reply.gzip:
            body = _gzip.compress(body, mtime=0)
            headers.append(("Content-Encoding", "gzip"))
        if _no_body_status(reply.status):
            body = b""
        else:
            headers.append(("Content-Length", str(len(body))))
        if close:
            headers.append(("Connection", "close"))
        return _render(reply.status, headers, reply.headers, body, reply.reason)


# --------------------------------------------------------------------------------------------
# ForwardProxy
# --------------------------------------------------------------------------------------------


class ForwardProxy(_LoopbackServer):
    """Loopback HTTP forward proxy at ``url`` (``http://127.0.0.1:PORT``).

    * Absolute-form requests (``GET http://127.0.0.1:N/path HTTP/1.1``) to plain-HTTP loopback
      targets are forwarded with a *fresh upstream http.client connection per request*; the
      response (status, headers minus hop-by-hop ones, body re-framed with Content-Length) is
      relayed.  Keep-alive towards the client IS supported (``Connection: close`` honoured).
      Upstream failures give 502.
    * ``CONNECT host:port`` to a loopback target answers ``200 Connection established`` and
      pipes bytes both ways until either side closes.
    * Non-loopback targets get 403; non-absolute, non-CONNECT targets get 400.
    * ``auth=(user, password)`` requires ``Proxy-Authorization: Basic ...`` (else 407 + close).

    ``requests`` lists a :class:`ProxyRequest` for each CONNECT and each forwarded request
    (recorded before any auth/loopback check).
    """

    def __init__(self, auth: tuple[str, str] | None = None) -> None:
        super().__init__()
        self._auth: str | None = None
        if auth is not None:
            token = base64.b64encode(f"{auth[0]}:{auth[1]}".encode()).decode("ascii")
            self._auth = f"Basic {token}"
        self._requests: list[ProxyRequest] = []

    @property
    def requests(self) -> list[ProxyRequest]:
        """Snapshot of proxy requests in arrival order."""
        with self._lock:
            return list(self._requests)

    def _handle_connection(self, conn: _Conn) -> None:
        reader = _Reader(conn.sock)
        while self._become_idle(conn):
            try:
                head = _read_head(reader)
                if head is None:
                    return
                self._become_busy(conn)
                method, target, version, headers = head
                body = _read_body(reader, headers)
            except _BadRequest as exc:
                self._send(conn, self._simple(400, str(exc), close=True))
                return
            with self._lock:
                self._requests.append(ProxyRequest(method, target, headers, conn.conn_id))
            if self._auth is not None and not self._auth_ok(headers.get("Proxy-Authorization")):
                self._send(
                    conn,
                    self._simple(
                        407,
                        "proxy authentication required",
                        close=True,
                        extra=[("Proxy-Authenticate", 'Basic realm="longmem-test-proxy"')],
                    ),
                )
                return
            if method.upper() == "CONNECT":
                self._tunnel(conn, reader, target)
                return
            close = (
                _wants_close(version, headers)
                or headers.get("Proxy-Connection", "").lower().strip() == "close"
            )
            self._send(conn, self._forward(conn, method, target, headers, body, close))
            if close:
                return

    def _auth_ok(self, value: str | None) -> bool:
        if value is None or self._auth is None:
            return False
        scheme, _, token = value.strip().partition(" ")
        want_scheme, _, want_token = self._auth.partition(" ")
        if scheme.lower() != want_scheme.lower():
            return False
        try:
            return base64.b64decode(token.strip()) == base64.b64decode(want_token)
        except (binascii.Error, ValueError):
            return False

    @staticmethod
    def _simple(
        status: int,
        message: str,
        close: bool,
        extra: list[tuple[str, str]] | None = None,
    ) -> bytes:
        body = message.encode("utf-8", "replace")
        headers = [
            ("Content-Type", "text/plain; charset=utf-8"),
            ("Content-Length", str(len(body))),
            *(extra or []),
        ]
        if close:
            headers.append(("Connection", "close"))
        return _render(status, headers, {}, body)

    def _tunnel(self, conn: _Conn, reader: _Reader, target: str) -> None:
        host, sep, port_s = target.rpartition(":")
        if not sep or not port_s.isdigit():
            self._send(conn, self._simple(400, f"bad CONNECT target {target!r}", close=True))
            return
        address = _upstream_address(host)
        if address is None:
            self._send(conn, self._simple(403, f"refusing non-loopback {host!r}", close=True))
            return
        try:
            upstream = socket.create_connection((address, int(port_s)), timeout=5.0)
        except OSError as exc:
            self._send(conn, self._simple(502, f"connect failed: {exc}", close=True))
            return
        self._track_extra(conn, upstream)
        upstream.settimeout(None)
        self._send(conn, b"HTTP/1.1 200 Connection established\r\n\r\n")
        with self._lock:
            conn.state = _BUSY
        leftover = reader.take_buffer()
        if leftover:
            upstream.sendall(leftover)
        client = conn.sock
        sel = selectors.DefaultSelector()
        try:
            sel.register(client, selectors.EVENT_READ, upstream)
            sel.register(upstream, selectors.EVENT_READ, client)
            while not self._stopping.is_set():
                for key, _events in sel.select(0.25):
                    src: socket.socket = key.fileobj  # type: ignore[assignment]
                    dst: socket.socket = key.data
                    data = src.recv(65536)
                    if not data:
                        return
                    dst.sendall(data)
        finally:
            sel.close()

    def _forward(
        self,
        conn: _Conn,
        method: str,
        target: str,
        headers: http.client.HTTPMessage,
        body: bytes,
        close: bool,
    ) -> bytes:
        split = urlsplit(target)
        if split.scheme.lower() != "http" or not split.hostname:
            return self._simple(400, f"expected an absolute http:// target, got {target!r}", close)
        address = _upstream_address(split.hostname)
        if address is None:
            return self._simple(403, f"refusing non-loopback {split.hostname!r}", close)
        path = split.path or "/"
        if split.query:
            path += "?" + split.query
        conn_tokens = {
            t.strip().lower() for v in headers.get_all("Connection", []) for t in v.split(",")
        }
        upstream = http.client.HTTPConnection(address, split.port or 80, timeout=30.0)
        try:
            upstream.connect()
            assert upstream.sock is not None
            self._track_extra(conn, upstream.sock)
            upstream.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
            if "Host" not in headers:
                upstream.putheader("Host", split.netloc)
            for name, value in headers.items():
                lname = name.lower()
                if lname in _HOP_BY_HOP or lname in conn_tokens or lname == "content-length":
                    continue
                upstream.putheader(name, value)
            if body or "Content-Length" in headers or "Transfer-Encoding" in headers:
                upstream.putheader("Content-Length", str(len(body)))
            upstream.endheaders(body if body else None)
            resp = upstream.getresponse()
            data = resp.read()
            out: list[tuple[str, str]] = []
            for name, value in resp.getheaders():
                lname = name.lower()
                if lname in _HOP_BY_HOP or lname == "content-length":
                    continue
                out.append((name, value))
            if method.upper() == "HEAD":
                length = resp.getheader("Content-Length")
                if length is not None:
                    out.append(("Content-Length", length))
                data = b""
            elif _no_body_status(resp.status):
                data = b""
            else:
                out.append(("Content-Length", str(len(data))))
            if close:
                out.append(("Connection", "close"))
            return _render(resp.status, out, {}, data, resp.reason or None)
        except (OSError, http.client.HTTPException) as exc:
            return self._simple(502, f"upstream error: {type(exc).__name__}: {exc}", close)
        finally:
            upstream.close()


# --------------------------------------------------------------------------------------------
# TLS material
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TLSMaterial:
    """A throw-away CA and a server certificate for ``localhost`` / ``127.0.0.1`` /
    :data:`PROXIED_HOST`."""

    ca_file: pathlib.Path
    cert_file: pathlib.Path
    key_file: pathlib.Path
    ca_key_file: pathlib.Path

    def server_context(self) -> ssl.SSLContext:
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(str(self.cert_file), str(self.key_file))
        return ctx

    def client_context(self) -> ssl.SSLContext:
        """A verifying client context trusting only this CA."""
        return ssl.create_default_context(cafile=str(self.ca_file))


def openssl_path() -> str | None:
    """The openssl binary to use, or None if there is none."""
    found = shutil.which("openssl")
    if found:
        return found
    return "/usr/bin/openssl" if os.path.exists("/usr/bin/openssl") else None


def _run_openssl(openssl: str, *args: str) -> None:
    proc = subprocess.run(
        [openssl, *args], stdin=subprocess.DEVNULL, capture_output=True, check=False
    )
    if proc.returncode != 0:
        raise RuntimeError(
            f"openssl {' '.join(args)} failed ({proc.returncode}):\n"
            f"{proc.stderr.decode('utf-8', 'replace')}"
        )


def make_tls_material(directory: pathlib.Path) -> TLSMaterial:
    """Create ``ca.pem``/``ca.key`` (self-signed, CA:TRUE) and ``server.pem``/``server.key``
    (signed by the CA, SAN DNS:localhost + DNS:PROXIED_HOST + IP:127.0.0.1) in ``directory``
    with EC P-256 keys.
    """
    openssl = openssl_path()
    if openssl is None:
        raise RuntimeError("the openssl command line tool is required")
    directory = pathlib.Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    ca_key, ca_cert = directory / "ca.key", directory / "ca.pem"
    key, csr, cert = directory / "server.key", directory / "server.csr", directory / "server.pem"
    ext = directory / "server.ext"
    ec = ("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes")
    _run_openssl(
        openssl,
        "req",
        "-x509",
        *ec,
        "-keyout",
        str(ca_key),
        "-out",
        str(ca_cert),
        "-days",
        "3650",
        "-sha256",
        "-subj",
        "/CN=longmem test CA",
        "-addext",
        "basicConstraints=critical,CA:TRUE",
        "-addext",
        "keyUsage=critical,keyCertSign,cRLSign",
        "-addext",
        "subjectKeyIdentifier=hash",
    )
    _run_openssl(
        openssl, "req", "-new", *ec, "-keyout", str(key), "-out", str(csr), "-subj", "/CN=localhost"
    )
    ext.write_text(
        "basicConstraints = critical, CA:FALSE\n"
        "keyUsage = critical, digitalSignature, keyEncipherment\n"
        "extendedKeyUsage = serverAuth\n"
        f"subjectAltName = DNS:localhost, DNS:{PROXIED_HOST}, IP:127.0.0.1\n"
        "subjectKeyIdentifier = hash\n"
        "authorityKeyIdentifier = keyid,issuer\n"
    )
    _run_openssl(
        openssl,
        "x509",
        "-req",
        "-in",
        str(csr),
        "-CA",
        str(ca_cert),
        "-CAkey",
        str(ca_key),
        "-set_serial",
        "0x" + os.urandom(8).hex(),
        "-days",
        "825",
        "-sha256",
        "-extfile",
        str(ext),
        "-out",
        str(cert),
    )
    return TLSMaterial(ca_file=ca_cert, cert_file=cert, key_file=key, ca_key_file=ca_key)
