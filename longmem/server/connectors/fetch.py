"""One HTTP GET on behalf of a connector (the rss provider), safe to run for any key holder.

The server fetches what a caller names, so a URL must never reach what only the server
can reach (server-side request forgery):

- The host is resolved here, and every address it resolves to is checked (loopback,
  private, link-local, multicast, unspecified, reserved; IPv4 inside IPv6 too) before
  this module connects to that address itself; the connected socket's peer is checked
  again. The Host header and TLS (SNI, certificate) use the name. Environment proxies
  are not used: a proxy would fetch whatever it is asked to.
- Redirects are followed here, at most ``MAX_REDIRECTS``, each hop checked the same way;
  the secret headers go only to the origin they were given for.
- One deadline covers connect, TLS, headers and body: a watchdog shuts the socket when
  it passes, so a source that drips bytes cannot hold a sync open.
- The body is capped. Errors say ``refused: private address`` or ``fetch failed`` with
  at most a status class, never what answered; and once a fetch has reached a non-public
  address the operator allowed, only ``fetch failed`` or a timeout (see ``discreet``),
  so the texts cannot map a network.

The operator widens this with a ``FetchPolicy``: every address, or some networks and
host names (``serve --allow-private-fetch`` / ``--fetch-allow``).
"""

from __future__ import annotations

import contextlib
import http.client
import ipaddress
import socket
import threading
import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Optional, Union
from urllib.parse import SplitResult, urljoin, urlsplit

from .base import SyncError

IPAddress = Union[ipaddress.IPv4Address, ipaddress.IPv6Address]
IPNetwork = Union[ipaddress.IPv4Network, ipaddress.IPv6Network]

MAX_REDIRECTS = 5
REFUSED = "refused: private address"
FAILED = "fetch failed"
_REDIRECTS = (301, 302, 303, 307, 308)
_READ_CHUNK = 64 * 1024
# IPv6 prefixes that carry an IPv4 address in their last 32 bits (NAT64's well-known one).
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


@dataclass(frozen=True)
class FetchPolicy:
    """Which non-public addresses a connector may fetch from; public ones always.

    ``allow_private`` allows every address. Otherwise a non-public address is allowed
    when it lies in one of ``networks``, or when the URL's host is one of ``hosts``
    (lower case, as written in the URL: ``localhost`` does not allow ``127.1``).
    """

    allow_private: bool = False
    networks: tuple[IPNetwork, ...] = ()
    hosts: frozenset[str] = frozenset()

    @classmethod
    def from_entries(cls, entries: Iterable[str], *, allow_private: bool = False) -> FetchPolicy:
        """A policy from operator entries: each an address, a network in CIDR notation,
        or a host name. Raises ValueError naming the entry that is none of them."""
        networks: list[IPNetwork] = []
        hosts: set[str] = set()
        for raw in entries:
            entry = raw.strip().strip("[]").lower().rstrip(".")
            if not entry:
                raise ValueError(f"empty fetch allow-list entry in {raw!r}")
            try:
                networks.append(ipaddress.ip_network(entry, strict=False))
                continue
            except ValueError:
                pass
            if "/" in entry or not all(part for part in entry.split(".")) or " " in entry:
                raise ValueError(f"{raw!r} is neither an address, a CIDR network nor a host name")
            hosts.add(entry)
        return cls(allow_private, tuple(networks), frozenset(hosts))

    def permits(self, host: str, address: IPAddress) -> bool:
        if self.allow_private or is_public(address):
            return True
        if host.lower().rstrip(".") in self.hosts:
            return True
        inner = _embedded_ipv4(address) or address
        return any(a in net for a in {address, inner} for net in self.networks)


STRICT = FetchPolicy()


def is_public(address: IPAddress) -> bool:
    """Whether ``address`` is a public unicast address (an IPv4 one inside IPv6 judged as
    itself)."""
    inner = _embedded_ipv4(address)
    if inner is not None:
        return is_public(inner)
    if (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_multicast
        or address.is_unspecified
        or address.is_reserved
        or (isinstance(address, ipaddress.IPv6Address) and address.is_site_local)
    ):
        return False
    return address.is_global


def _embedded_ipv4(address: IPAddress) -> Optional[ipaddress.IPv4Address]:
    if not isinstance(address, ipaddress.IPv6Address):
        return None
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address in _NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


# -- the GET ------------------------------------------------------------------------------


class TimedOut(SyncError):
    """The fetch's deadline passed: it says nothing of what is at the address."""


@dataclass
class Fetched:
    """A fetch's body, and whether any hop of it reached a non-public address."""

    body: bytes = b""
    private: bool = False


@contextlib.contextmanager
def discreet(fetched: Fetched) -> Iterator[None]:
    """Inside, a SyncError about a fetch that reached a non-public address becomes a bare
    ``fetch failed`` (a timeout stays one): read as the body is checked, too.

    Why by address: at a public address the caller could look for themselves, so telling
    a 404 from an HTML page from a closed port only helps them fix their URL. Behind the
    operator's allow-list, what answers is what the caller cannot otherwise see; "HTTP
    4xx" against "not a feed" against a closed port would map those networks."""
    try:
        yield
    except TimedOut:
        raise
    except SyncError as err:
        if fetched.private and str(err) != FAILED:
            raise SyncError(FAILED) from None
        raise


def get(
    url: str,
    headers: Mapping[str, str],
    *,
    secret_headers: Mapping[str, str],
    timeout: float,
    policy: FetchPolicy,
    max_bytes: int,
) -> Fetched:
    """The body of a 2xx answer to GET ``url``, following redirects; raises SyncError
    (``discreet``: bare once a non-public address was reached). Check the body under
    ``discreet(fetched)`` too.

    ``secret_headers`` (Authorization) go only to the scheme, host and port of ``url``.
    A body over ``max_bytes`` fails. ``timeout`` bounds the whole call, redirects
    included, except name resolution (the system resolver cannot be interrupted)."""
    fetched = Fetched()
    with discreet(fetched):
        fetched.body = _get(url, headers, secret_headers, timeout, policy, max_bytes, fetched)
    return fetched


def _get(
    url: str,
    headers: Mapping[str, str],
    secret_headers: Mapping[str, str],
    timeout: float,
    policy: FetchPolicy,
    max_bytes: int,
    fetched: Fetched,
) -> bytes:
    deadline = time.monotonic() + timeout
    origin = _origin(urlsplit(url))
    for _ in range(MAX_REDIRECTS + 1):
        try:
            parts = urlsplit(url)
            if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
                raise SyncError(f"{FAILED}: redirect to a non-http(s) URL")
            send = dict(headers)
            if _origin(parts) == origin:
                send.update(secret_headers)
            status, location, body = _exchange(
                parts, send, deadline, timeout, policy, max_bytes, fetched
            )
        except ValueError:  # a port out of range, a URL http.client will not send
            raise SyncError(f"{FAILED}: invalid URL") from None
        if status in _REDIRECTS and location:
            url = urljoin(url, location)
            continue
        if not 200 <= status < 300:
            raise SyncError(f"{FAILED}: HTTP {status // 100}xx")
        return body
    raise SyncError(f"{FAILED}: more than {MAX_REDIRECTS} redirects")


def _origin(parts: SplitResult) -> tuple[str, str, Optional[int]]:
    try:
        port = parts.port
    except ValueError:
        port = None
    return parts.scheme.lower(), (parts.hostname or "").lower(), port


def _exchange(
    parts: SplitResult,
    headers: Mapping[str, str],
    deadline: float,
    timeout: float,
    policy: FetchPolicy,
    max_bytes: int,
    fetched: Fetched,
) -> tuple[int, Optional[str], bytes]:
    """(status, Location, body) of one GET; the body only of a 2xx answer."""
    host = parts.hostname or ""
    https = parts.scheme.lower() == "https"
    port = parts.port or (443 if https else 80)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    watchdog = _Watchdog(deadline)
    conn = _Connection(host, port, policy, watchdog, https, fetched)
    timed_out = f"{FAILED}: timed out after {timeout:g} s"
    try:
        conn.request("GET", target, headers=dict(headers))
        response = conn.getresponse()
        if response.status in _REDIRECTS or not 200 <= response.status < 300:
            return response.status, response.getheader("Location"), b""
        declared = response.getheader("Content-Length", "")
        if declared.isdigit() and int(declared) > max_bytes:
            raise SyncError(_too_large(max_bytes))
        body = bytearray()
        while True:
            block = response.read(_READ_CHUNK)
            if not block:
                break
            body += block
            if len(body) > max_bytes:
                raise SyncError(_too_large(max_bytes))
        # A watchdog's shutdown reads as the end of a body without a length.
        if watchdog.fired:
            raise TimedOut(timed_out)
        return response.status, None, bytes(body)
    except SyncError:
        raise
    except (OSError, http.client.HTTPException) as exc:
        if watchdog.fired or isinstance(exc, socket.timeout):
            raise TimedOut(timed_out) from None
        raise SyncError(FAILED) from None
    except UnicodeError:  # a non-ASCII path, or a host name IDNA refuses
        raise SyncError(f"{FAILED}: invalid URL") from None
    finally:
        watchdog.stop()
        conn.close()


def _too_large(max_bytes: int) -> str:
    return f"{FAILED}: larger than {max_bytes // (1024 * 1024)} MB"


class _Connection(http.client.HTTPConnection):
    """An HTTP(S) connection to an address this module resolved and checked itself."""

    def __init__(
        self,
        host: str,
        port: int,
        policy: FetchPolicy,
        watchdog: _Watchdog,
        https: bool,
        fetched: Fetched,
    ) -> None:
        # No timeout of its own: connect() sets the socket's from the watchdog's deadline.
        super().__init__(host, port)
        self._policy = policy
        self._watchdog = watchdog
        self._https = https
        self._fetched = fetched

    def connect(self) -> None:
        sock = _connect(self.host, self.port, self._policy, self._watchdog, self._fetched)
        if self._https:
            import ssl  # only when a feed is https: ssl costs milliseconds to import

            context = ssl.create_default_context()
            sock = context.wrap_socket(sock, server_hostname=self.host)
        self.sock = sock


def _connect(
    host: str, port: int, policy: FetchPolicy, watchdog: _Watchdog, fetched: Fetched
) -> socket.socket:
    """A socket connected to an address of ``host`` the policy permits, noting in
    ``fetched`` when one tried is not public; raises SyncError (refused when every address
    was refused) or OSError."""
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        raise SyncError(FAILED) from None
    failure: Optional[OSError] = None
    for family, kind, proto, _, address in found:
        ip = _ip(address)
        if not policy.permits(host, ip):
            continue
        fetched.private = fetched.private or not is_public(ip)
        sock = socket.socket(family, kind, proto)
        try:
            sock.settimeout(watchdog.left())
            sock.connect(address)
            # The address actually connected to, checked again.
            peer = _ip(sock.getpeername())
            fetched.private = fetched.private or not is_public(peer)
            if not policy.permits(host, peer):
                sock.close()
                continue
        except OSError as exc:
            sock.close()
            failure = exc
            continue
        watchdog.watch(sock)
        return sock
    if failure is not None:
        raise failure
    raise SyncError(REFUSED)


def _ip(sockaddr: tuple[object, ...]) -> IPAddress:
    # A link-local IPv6 address carries its zone ("fe80::1%eth0").
    return ipaddress.ip_address(str(sockaddr[0]).split("%", 1)[0])


class _Watchdog:
    """Shuts a fetch's socket down when the deadline passes: a read that is waiting, or
    being fed a byte at a time, then ends at once. It shuts a duplicate of the socket,
    which it owns, so it can never touch a descriptor reused after the fetch closed."""

    def __init__(self, deadline: float) -> None:
        self.deadline = deadline
        self.fired = False
        self._lock = threading.Lock()
        self._copy: Optional[socket.socket] = None
        self._timer: Optional[threading.Timer] = None
        self._stopped = False

    def left(self) -> float:
        left = self.deadline - time.monotonic()
        if left <= 0:
            self.fired = True
            raise socket.timeout("deadline passed")
        return left

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._copy = sock.dup()
            self._timer = threading.Timer(max(self.deadline - time.monotonic(), 0), self._fire)
            self._timer.daemon = True
            self._timer.start()

    def _fire(self) -> None:
        with self._lock:
            if self._stopped or self._copy is None:
                return
            self.fired = True
            with contextlib.suppress(OSError):  # already closed by the peer
                self._copy.shutdown(socket.SHUT_RDWR)

    def stop(self) -> None:
        with self._lock:
            self._stopped = True
            if self._timer is not None:
                self._timer.cancel()
            if self._copy is not None:
                self._copy.close()
