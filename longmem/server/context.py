"""What a route handler receives and returns; shared by routes, handlers and the app."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Optional

from .credentials import Vault
from .db import Principal, Store
from .extract import Extractor, RuleExtractor
from .search import SearchEngine

# Who may call a route: anyone, any key, a key that may write (not read-only), an admin key.
PUBLIC, READ, WRITE, ADMIN = "public", "read", "write", "admin"


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
    # Folders a directory connection may read (resolved), and files no connector ever
    # reads (the database, its journals and the credentials secret). No roots: no
    # directory connections.
    connector_roots: tuple[str, ...] = ()
    connector_excluded: tuple[str, ...] = ()


@dataclass
class Request:
    principal: Principal
    params: dict[str, str]
    query: dict[str, str]
    body: Any
    services: Services


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
