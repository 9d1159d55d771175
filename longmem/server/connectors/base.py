"""What every provider module shares: the item and result types, the errors, the
``Provider`` record each module fills in, and two small helpers."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Optional, Protocol, Union

if TYPE_CHECKING:
    from .fetch import FetchPolicy

# How long a sync may wait on a remote source, in all (the rss provider's feed request,
# redirects included).
SYNC_TIMEOUT = 10.0

FieldPath = tuple[Union[str, int], ...]
# (field path, message) pairs a check appends to; the messages go back in a 422.
Problems = list[tuple[FieldPath, str]]


class ConfigError(ValueError):
    """Bad provider/config; .problems is a list of (field_path_tuple, message) pairs for a 422."""

    def __init__(self, problems: Sequence[tuple[FieldPath, str]]) -> None:
        self.problems: list[tuple[FieldPath, str]] = list(problems)
        super().__init__(
            "; ".join(f"{'.'.join(str(part) for part in loc)}: {msg}" for loc, msg in self.problems)
        )


class SyncError(Exception):
    """The source failed; str(e) is safe to show and store (no credentials)."""


@dataclass
class Item:
    """One memory to store, or to update when the route already has its key."""

    key: str
    text: str
    metadata: dict[str, Any] = field(default_factory=dict)
    content_hash: str = field(init=False)

    def __post_init__(self) -> None:
        self.content_hash = hashlib.sha256(self.text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass
class SyncResult:
    """What a sync found: new or changed items, and the cursor to store for next time."""

    items: list[Item]
    cursor: str


class CheckConfig(Protocol):
    def __call__(
        self, config: Mapping[str, Any], problems: Problems, roots: Sequence[str]
    ) -> dict[str, Any]: ...


class CheckCredentials(Protocol):
    def __call__(self, credentials: Optional[Mapping[str, Any]], problems: Problems) -> None: ...


class SyncSource(Protocol):
    def __call__(
        self,
        config: Mapping[str, Any],
        credentials: Mapping[str, Any],
        cursor: Optional[str],
        *,
        timeout: float,
        excluded: Sequence[str],
        fetch_policy: FetchPolicy,
    ) -> SyncResult: ...


def _no_secret_forms(credentials: Mapping[str, Any]) -> list[str]:
    return []


@dataclass(frozen=True)
class Provider:
    """One connector provider, as the registry in ``connectors/__init__.py`` holds it.

    - ``check_config(config, problems, roots)`` appends a problem for each missing or bad
      field and returns the normalised config (anything when there were problems). Fields
      not in ``config_properties`` are refused before it is called.
    - ``check_credentials(credentials, problems)`` does the same for the credentials
      (``None`` when none were given); messages name fields, never values.
    - ``sync(config, credentials, cursor, *, timeout, excluded, fetch_policy)`` gets a
      config that passed ``check_config`` and returns what is new since ``cursor``,
      raising ``SyncError`` when the source fails. ``timeout`` bounds the whole sync's
      wait on a remote source; a provider that reads the network does so through
      fetch.py under ``fetch_policy``.
    - ``config_properties`` (a JSON schema per config field), ``config_required`` and
      ``credentials_schema`` (the JSON schema of the whole credentials value) are how the
      OpenAPI document describes the provider.
    - ``secret_forms(credentials)`` lists encodings of the credentials that might show in
      an error (an Authorization header value), scrubbed like the raw values.
    """

    name: str
    check_config: CheckConfig
    check_credentials: CheckCredentials
    sync: SyncSource
    config_properties: dict[str, Any]
    config_required: tuple[str, ...]
    credentials_schema: dict[str, Any]
    secret_forms: Callable[[Mapping[str, Any]], list[str]] = _no_secret_forms


def _chunk(text: str, limit: int) -> list[str]:
    """Split text into pieces of at most `limit` chars, preferring paragraph, then line,
    then word boundaries, so each memory reads as a whole."""
    text = text.strip()
    chunks: list[str] = []
    while len(text) > limit:
        window = text[: limit + 1]
        cut = -1
        for separator in ("\n\n", "\n", " "):
            at = window.rfind(separator)
            # A boundary in the first half would make a needlessly small memory.
            if at >= limit // 2:
                cut = at
                break
        if cut < 0:
            cut = limit
        head = text[:cut].rstrip()
        if head:
            chunks.append(head)
        text = text[cut:].lstrip()
    if text:
        chunks.append(text)
    return chunks


def os_reason(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__
