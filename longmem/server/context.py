"""What a route declares and what its handler receives and returns; shared by routes,
handlers and the app."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, Any, Callable, Optional

from .connectors import STRICT, FetchPolicy
from .credentials import Vault
from .db import Principal, Store
from .extract import RuleExtractor
from .facts import Extractor
from .inflight import InFlight
from .search import SearchEngine, SearchRequest

if TYPE_CHECKING:  # imported only by a server that runs them (LocalServer.start)
    from .search_processes import SearchProcesses

# Who may call a route: anyone, any key, a key that may write (not read-only), an admin key.
PUBLIC, READ, WRITE, ADMIN = "public", "read", "write", "admin"
# The tenant name under which the operator grants a connector root to every tenant.
EVERY_TENANT = "*"


class Replay(Enum):
    """How a route honours an Idempotency-Key (docs/protocol.md, "Idempotency")."""

    # Reads: the header is ignored.
    NEVER = "never"
    # Look-up, handler and record in one write transaction: a racing duplicate waits on
    # the writer lock and then finds the record, so it never runs twice, and a crash can
    # never keep the write but lose its record (or the reverse). The default for writes.
    IN_TRANSACTION = "in_transaction"
    # For a handler that waits on the network (a connector sync) and so must not hold the
    # writer lock that long: it is safe to run twice, runs outside the lock, and its
    # answer is recorded unless a twin's got there first.
    AROUND = "around"
    # For a handler that first waits on something that changes nothing (remember's call
    # to the extraction model), then writes: the look-up comes first, the waiting runs
    # outside the writer lock, and the handler's write goes through ``Request.commit``,
    # which looks up again, writes and records in one transaction, as IN_TRANSACTION.
    PREPARED = "prepared"


@dataclass(frozen=True)
class Services:
    """Everything a handler may use."""

    store: Store
    search: SearchEngine
    vault: Vault
    extractor: Extractor = field(default_factory=RuleExtractor)
    # Called after a remember job is queued, so the worker starts it without waiting for
    # its next poll; LocalServer wires it to the job worker.
    wake_jobs: Callable[[], None] = lambda: None
    # Folders a directory connection may read (resolved), by tenant (EVERY_TENANT: all of
    # them), and files no connector ever reads (the database, its journals and the
    # credentials secret). A tenant without roots has no directory connections.
    connector_roots: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    connector_excluded: tuple[str, ...] = ()
    # Syncs under way, by (tenant, connection): a sync asked for meanwhile shares the
    # answer of the one running instead of fetching the source again.
    syncs: InFlight = field(default_factory=InFlight)
    # Which non-public addresses a connector may fetch from (none by default).
    fetch_policy: FetchPolicy = STRICT
    # Processes that run searches beside this one, when the server has them.
    search_processes: Optional[SearchProcesses] = None

    def run_search(self, tenant_id: str, request: SearchRequest) -> list[dict[str, Any]]:
        """A search's hits, from a search process when the server runs them."""
        if self.search_processes is not None:
            return self.search_processes.search(tenant_id, request)
        return self.search.search(tenant_id, request)

    def roots_of(self, tenant_id: str) -> tuple[str, ...]:
        """The folders the operator granted ``tenant_id``'s directory connections."""
        granted = (
            *self.connector_roots.get(EVERY_TENANT, ()),
            *self.connector_roots.get(tenant_id, ()),
        )
        return tuple(dict.fromkeys(granted))


def _commit_now(work: Callable[[], Response]) -> Response:
    return work()


@dataclass
class Request:
    principal: Principal
    params: dict[str, str]
    query: dict[str, str]
    body: Any
    services: Services
    # Runs a Replay.PREPARED handler's write (which takes the writer lock itself); under
    # an Idempotency-Key, with the key's look-up and record in the same transaction.
    commit: Callable[[Callable[[], Response]], Response] = _commit_now


@dataclass
class Response:
    status: int
    body: Any = None  # JSON-serialisable; None with 204
    headers: dict[str, str] = field(default_factory=dict)


class HTTPError(Exception):
    """An error answered as ``{"detail": ...}`` with ``status``."""

    def __init__(self, status: int, detail: Any, headers: Optional[dict[str, str]] = None) -> None:
        super().__init__(f"{status}: {detail}")
        self.status = status
        self.detail = detail
        self.headers = headers or {}
