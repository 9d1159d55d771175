"""The local Longmem server: the protocol of docs/protocol.md over HTTP, on SQLite,
standard library only. docs/architecture.md shows how it is laid out.

Run it with ``python -m longmem serve`` (or ``python -m longmem.server``), or in-process::

    from longmem.server import LocalServer

    with LocalServer() as srv:          # temporary database, generated key, free port
        print(srv.url, srv.api_key)
"""

from __future__ import annotations

import contextlib
import ipaddress
import os
import secrets
import shutil
import socket
import tempfile
import threading
from collections.abc import Mapping, Sequence
from types import TracebackType
from typing import TYPE_CHECKING, Optional, Union

from .app import (
    DEFAULT_HEADER_TIMEOUT,
    DEFAULT_IDLE_TIMEOUT,
    DEFAULT_REQUEST_TIMEOUT,
    LongmemHTTPServer,
    make_server,
)
from .connectors import FetchPolicy, real_roots
from .context import EVERY_TENANT, Services
from .credentials import Vault
from .db import DEFAULT_TENANT, ROLE_ADMIN, ROLE_READ, ROLE_WRITE, Database, Store
from .extract import RuleExtractor
from .facts import Extractor
from .handlers.remember import remember_facts
from .jobs import SWEEP_INTERVAL_SECONDS, ExpirySweeper, JobWorker
from .meaning import MeaningEmbedder
from .rerank import Embedder, ModelRanker
from .search import SearchEngine

if TYPE_CHECKING:  # imported when asked for: pipes, pickle and subprocess cost ~11 ms
    from .search_processes import SearchProcesses

__all__ = ["LocalServer", "is_loopback"]

# How often the idle serving thread wakes up; stop() does not wait for it (see _shutdown).
_POLL_SECONDS = 0.5
# How long stop() waits for the requests in flight to be answered before it closes
# their connections anyway.
SHUTDOWN_GRACE_SECONDS = 10.0


def _root_grants(
    roots: Union[Sequence[str], Mapping[str, Sequence[str]], None],
) -> dict[str, tuple[str, ...]]:
    """tenant → folders from ``LocalServer(connector_roots=)``; raises on a bad shape."""
    if roots is None:
        return {}
    if isinstance(roots, (str, bytes)):
        raise TypeError("connector_roots must be a list of folders, not one string")
    by_tenant = roots if isinstance(roots, Mapping) else {DEFAULT_TENANT: roots}
    grants: dict[str, tuple[str, ...]] = {}
    for tenant, folders in by_tenant.items():
        if not isinstance(tenant, str) or not tenant:
            raise ValueError(f"connector_roots: {tenant!r} is not a tenant (or {EVERY_TENANT!r})")
        if isinstance(folders, (str, bytes)):
            raise TypeError("connector_roots must map a tenant to a list of folders")
        if not all(isinstance(f, str) and f.strip() for f in folders):
            raise ValueError("connector_roots must be non-empty folder paths")
        grants[tenant] = (*grants.get(tenant, ()), *folders)
    return grants


def _tenant_key_grants(given: Optional[Mapping[str, str]], what: str) -> dict[str, str]:
    """tenant → key from ``LocalServer(tenant_keys=)`` and the like; raises on a bad one."""
    if given is None:
        return {}
    if not isinstance(given, Mapping):
        raise TypeError(f"{what} must map a tenant to a key, e.g. {{'alice': 'KEY'}}")
    for tenant, key in given.items():
        if not isinstance(tenant, str) or not tenant or tenant == EVERY_TENANT:
            raise ValueError(f"{what}: {tenant!r} is not a tenant name")
        if not isinstance(key, str) or not key.strip():
            raise ValueError(f"{what}: the key of tenant {tenant!r} must be a non-empty string")
    return dict(given)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


class LocalServer:
    """A Longmem server on a background thread; a context manager.

    ``db_path=None`` uses a temporary database removed on ``stop()``. With no ``api_key``
    one is generated (``generated_key`` is then true) unless the database already holds
    keys for the default tenant, in which case ``api_key`` stays None.

    Two background threads run beside the HTTP one: the remember-job worker and the
    sweeper that deletes expired memories every ``sweep_interval`` seconds.

    ``tenant_keys`` (``{tenant: key}``) gives other tenants a key for reading and
    writing each, ``tenant_read_only_keys`` one that may only read; a tenant named is
    created if missing. ``add_tenant_key()`` makes more while the server runs.

    ``connector_roots`` are the folders a ``directory`` connection may read, granted by
    tenant: a list grants them to the default tenant (the one of the keys given here),
    a mapping ``{tenant: [folders]}`` to each tenant named, ``"*"`` to every tenant.
    None or empty: no directory connections. A tenant's connection may never read a
    root granted only to another. Whatever the roots, no connector reads the database,
    its journals or its credentials secret.

    ``allow_private_fetch`` lets connectors (rss) fetch from loopback, private,
    link-local and other non-public addresses; ``fetch_allow`` lets them fetch from
    only the addresses, CIDR networks and host names listed. By default they fetch from
    public addresses only.

    ``extractor`` turns ``remember``'s content into facts: any ``facts.Extractor``, such as
    a ``ModelExtractor`` (model_endpoints.py); None means the rules of the extract package.
    ``embedder`` is an optional ``ModelEmbedder`` (or any ``rerank.Embedder``): search
    asks it to rank the candidates its own arms found, and every memory of a scope of at
    most 500 (rerank.py). Without
    one, ``meaning`` (the default) gives search the built-in meaning instead: static word
    vectors distilled from a sentence model (meaning.py), a light arm that finds what
    shares no word with the question; ``meaning=False``: the built-in arms only. Neither
    is called (nor loaded) before the first request that needs it.

    Hostile or heavy traffic is bounded: at most ``max_connections`` connections are open
    (None: as many as the open-file limit allows, up to 256; past it the one idle or
    sending a request head the longest is closed to make room), an idle keep-alive
    connection closes after ``idle_timeout`` seconds, and a request's line and headers
    must arrive within ``header_timeout`` seconds and the whole request within
    ``request_timeout`` (plus a second per MiB of body), or it is answered 408.

    ``search_processes`` (0 by default) runs searches in that many processes beside the
    server's own, each on its own database connections and search index, so searches
    use more than one core (search_processes.py); ``search_cpus``: the CPUs they may
    run on (empty: the server's). They rank as the server does: with the built-in meaning or a
    ``ModelEmbedder`` (another embedder cannot be made again in a process of its own).

    ``stop()`` stops accepting connections, then answers the requests in flight (for up
    to ``shutdown_grace`` seconds) before it closes the store: a write committed in that
    time is answered, so its client need not guess whether it was stored.
    """

    def __init__(
        self,
        db_path: Optional[str] = None,
        api_key: Optional[str] = None,
        read_only_key: Optional[str] = None,
        admin_key: Optional[str] = None,
        rate_limit: Optional[int] = None,
        host: str = "127.0.0.1",
        port: int = 0,
        sweep_interval: float = SWEEP_INTERVAL_SECONDS,
        connector_roots: Union[Sequence[str], Mapping[str, Sequence[str]], None] = None,
        extractor: Optional[Extractor] = None,
        embedder: Optional[Embedder] = None,
        meaning: bool = True,
        shutdown_grace: float = SHUTDOWN_GRACE_SECONDS,
        allow_private_fetch: bool = False,
        fetch_allow: Sequence[str] = (),
        max_connections: Optional[int] = None,
        idle_timeout: float = DEFAULT_IDLE_TIMEOUT,
        request_timeout: float = DEFAULT_REQUEST_TIMEOUT,
        header_timeout: float = DEFAULT_HEADER_TIMEOUT,
        tenant_keys: Optional[Mapping[str, str]] = None,
        tenant_read_only_keys: Optional[Mapping[str, str]] = None,
        search_processes: int = 0,
        search_cpus: Sequence[int] = (),
    ) -> None:
        self.tenant_keys = _tenant_key_grants(tenant_keys, "tenant_keys")
        self.tenant_read_only_keys = _tenant_key_grants(
            tenant_read_only_keys, "tenant_read_only_keys"
        )
        given = [api_key, read_only_key, admin_key]
        given += [*self.tenant_keys.values(), *self.tenant_read_only_keys.values()]
        keys = [key for key in given if key]
        if len(set(keys)) < len(keys):
            # A key is stored once: the second grant of it would silently be the first's.
            raise ValueError("the same key is given twice; each key needs its own value")
        if not is_loopback(host) and not keys:
            raise ValueError(
                f"refusing to listen on non-loopback address {host!r} without an explicit key"
            )
        if rate_limit is not None and rate_limit < 1:
            raise ValueError("rate_limit must be at least 1 request per minute")
        if not sweep_interval > 0:
            raise ValueError("sweep_interval must be a positive number of seconds")
        if not shutdown_grace >= 0:
            raise ValueError("shutdown_grace must be a number of seconds, 0 or more")
        if max_connections is not None and max_connections < 1:
            raise ValueError("max_connections must be at least 1")
        if not idle_timeout > 0 or not request_timeout > 0 or not header_timeout > 0:
            raise ValueError(
                "idle_timeout, request_timeout and header_timeout must be positive numbers "
                "of seconds"
            )
        grants = _root_grants(connector_roots)
        if isinstance(fetch_allow, (str, bytes)):
            raise TypeError("fetch_allow must be a list of addresses, networks or hosts")
        self.fetch_policy = FetchPolicy.from_entries(fetch_allow, allow_private=allow_private_fetch)
        if not (isinstance(search_processes, int) and search_processes >= 0):
            raise ValueError("search_processes must be a whole number, 0 or more")
        if search_processes:
            from .search_processes import SearchSetup

            SearchSetup.of("", embedder, meaning)  # raises for an embedder it cannot use
            if db_path == ":memory:":
                raise ValueError(
                    "search_processes need a database file; ':memory:' is the server's own"
                )
        if extractor is not None and not callable(getattr(extractor, "extract", None)):
            raise TypeError("extractor must have an extract(content, observed_at) method")
        if embedder is not None and not callable(getattr(embedder, "embed", None)):
            raise TypeError("embedder must have an embed(texts) method")
        self.db_path = db_path
        self.api_key = api_key
        self.read_only_key = read_only_key
        self.admin_key = admin_key
        self.rate_limit = rate_limit
        self.host = host
        self.port = port
        self.sweep_interval = sweep_interval
        self.shutdown_grace = shutdown_grace
        # tenant → folders as given until start(), then resolved.
        self.connector_roots: dict[str, tuple[str, ...]] = grants
        self.max_connections = max_connections
        self.idle_timeout = idle_timeout
        self.request_timeout = request_timeout
        self.header_timeout = header_timeout
        self.extractor: Extractor = RuleExtractor() if extractor is None else extractor
        self.embedder = embedder
        self.meaning = meaning
        self.search_processes = search_processes
        self.search_cpus = list(search_cpus)
        self.generated_key = False
        self._searchers: Optional[SearchProcesses] = None
        self._tmpdir: Optional[str] = None
        self._store: Optional[Store] = None
        self._httpd: Optional[LongmemHTTPServer] = None
        self._thread: Optional[threading.Thread] = None
        self._worker: Optional[JobWorker] = None
        self._sweeper: Optional[ExpirySweeper] = None

    # -- lifecycle --------------------------------------------------------------------

    def start(self) -> LocalServer:
        if self._httpd is not None:
            return self
        if self.db_path is None:
            self._tmpdir = tempfile.mkdtemp(prefix="longmem-")
            path = os.path.join(self._tmpdir, "longmem.db")
        else:
            path = self.db_path
        store = self._store = Store(path)
        httpd: Optional[LongmemHTTPServer] = None
        try:
            ranks = self.embedder or (MeaningEmbedder() if self.meaning else None)
            ranker = None if ranks is None else ModelRanker(ranks)
            search = SearchEngine(store, ranker)
            searchers = None
            store.clear_change_log()
            if self.search_processes:
                from .search_processes import SearchProcesses, SearchSetup

                store.log_changes()  # before the first write they must see
                setup = SearchSetup.of(store.path, self.embedder, self.meaning)  # absolute
                searchers = self._searchers = SearchProcesses(
                    search, setup, self.search_processes, self.search_cpus
                )
            worker = JobWorker(store, lambda *job: remember_facts(services, *job))
            roots = {t: real_roots(f) for t, f in self.connector_roots.items()}
            vault = Vault(path)
            services = Services(
                store=store,
                search=search,
                vault=vault,
                extractor=self.extractor,
                wake_jobs=worker.wake,
                connector_roots=roots,
                # Every tenant's data: no connector may read these, whatever the roots.
                connector_excluded=(*Database.files(path), vault.path),
                fetch_policy=self.fetch_policy,
                search_processes=searchers,
            )
            store.idempotency.purge()
            # Jobs a stopped process left running start over; remember is one transaction,
            # so a half-run job stored nothing.
            store.jobs.requeue_running()
            # The first sweep runs before the first request, not beside it: what expired
            # while the server was stopped goes now, and a memory stored in the first
            # moments is never raced by a sweep that started before it.
            sweeper = ExpirySweeper(store, self.sweep_interval)
            sweeper.step()
            httpd = make_server(
                self.host,
                self.port,
                services,
                self.rate_limit,
                max_connections=self.max_connections,
                idle_timeout=self.idle_timeout,
                request_timeout=self.request_timeout,
                header_timeout=self.header_timeout,
            )
            # Keys only once the port is ours: a key generated by a server that then
            # cannot listen would be stored but never shown, and, the database holding
            # a key, the next start would generate none.
            self._provision_keys(store)
        except BaseException:
            if httpd is not None:
                httpd.server_close()
            self._cleanup()
            raise
        self._httpd = httpd
        self.port = self._httpd.server_address[1]
        self.connector_roots = roots
        self._thread = threading.Thread(
            target=self._httpd.serve_forever,
            kwargs={"poll_interval": _POLL_SECONDS},
            name="longmem-server",
            daemon=True,
        )
        self._thread.start()
        self._worker = worker
        self._sweeper = sweeper
        worker.start()
        sweeper.start(stepped=True)
        return self

    def stop(self) -> None:
        if self._httpd is not None:
            self._shutdown(self._httpd)
            self._httpd.server_close()  # new connections are refused from here on
            self._httpd.drain(self.shutdown_grace)
            self._httpd.close_connections()  # what outlived the grace period
        if self._thread is not None:
            self._thread.join(timeout=5)
        if self._searchers is not None:
            self._searchers.stop()
            self._searchers = None
        # After HTTP (no new jobs) and before the store closes (they use it).
        for loop in (self._worker, self._sweeper):
            if loop is not None:
                loop.stop()
        self._httpd = None
        self._thread = None
        self._worker = None
        self._sweeper = None
        self._cleanup()

    def _shutdown(self, httpd: LongmemHTTPServer) -> None:
        # serve_forever only notices shutdown() when its select() wakes; an empty
        # connection wakes it at once instead of after a poll interval.
        stopper = threading.Thread(target=httpd.shutdown, daemon=True)
        stopper.start()
        host = {"0.0.0.0": "127.0.0.1", "::": "::1", "": "127.0.0.1"}.get(self.host, self.host)
        while stopper.is_alive():
            with contextlib.suppress(OSError):
                socket.create_connection((host, self.port), timeout=0.5).close()
            stopper.join(0.01)

    def _cleanup(self) -> None:
        if self._searchers is not None:  # a start that failed after starting them
            self._searchers.stop()
            self._searchers = None
        if self._store is not None:
            self._store.close()
            self._store = None
        if self._tmpdir is not None:
            shutil.rmtree(self._tmpdir, ignore_errors=True)
            self._tmpdir = None

    def __enter__(self) -> LocalServer:
        return self.start()

    def __exit__(
        self,
        exc_type: Optional[type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        self.stop()

    def serve_until(self, stop: threading.Event) -> None:
        """Block until another thread sets ``stop``. Not from a signal handler: one that
        lands inside ``stop.wait()`` while it holds the Event's lock would wait for that
        lock for ever (``serve`` uses ``cli.StopSignal`` instead)."""
        while not stop.wait(0.2):
            pass

    @property
    def requests_in_flight(self) -> int:
        """How many requests the server is handling now (0 when it is not running)."""
        return 0 if self._httpd is None else self._httpd.in_flight

    # -- keys -------------------------------------------------------------------------

    def _provision_keys(self, store: Store) -> None:
        # One write: a key refused (stored for another tenant or role) leaves the keys
        # given before it unstored too.
        with store.write():
            self._provision_keys_in(store)

    def _provision_keys_in(self, store: Store) -> None:
        keys = store.keys
        keys.ensure_tenant(DEFAULT_TENANT)
        if self.api_key is None and not keys.tenant_has_keys(DEFAULT_TENANT):
            self.generated_key = True
            self.api_key = keys.add(DEFAULT_TENANT, ROLE_WRITE, "default")[1]
        elif self.api_key is not None:
            keys.add(DEFAULT_TENANT, ROLE_WRITE, "default", self.api_key)
        if self.read_only_key is not None:
            keys.add(DEFAULT_TENANT, ROLE_READ, "read-only", self.read_only_key)
        if self.admin_key is not None:
            keys.add(DEFAULT_TENANT, ROLE_ADMIN, "admin", self.admin_key)
        for tenant, key in self.tenant_keys.items():
            keys.add(tenant, ROLE_WRITE, "tenant", key)
        for tenant, key in self.tenant_read_only_keys.items():
            keys.add(tenant, ROLE_READ, "tenant read-only", key)

    def add_tenant_key(
        self, tenant: Optional[str] = None, role: str = ROLE_WRITE, label: Optional[str] = None
    ) -> str:
        """Create a key (``"write"``, ``"read"`` or ``"admin"``) for ``tenant`` (created if
        missing) and return it; ``tenant_of(key)`` tells its tenant.

        ``tenant=None`` makes a brand-new tenant, so the key sees nothing of any other.
        """
        tenant = tenant or "tenant_" + secrets.token_hex(6)
        return self.store.keys.add(tenant, role, label or role)[1]

    def tenant_of(self, key: str) -> Optional[str]:
        """The tenant ``key`` belongs to, or None when it is no key of this server."""
        principal = self.store.keys.authenticate(key)
        return None if principal is None else principal.tenant_id

    # -- accessors --------------------------------------------------------------------

    @property
    def store(self) -> Store:
        if self._store is None:
            raise RuntimeError("the server is not running")
        return self._store

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"
