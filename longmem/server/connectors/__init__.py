"""Connector providers: turn an outside source into memories to store or update.

Each provider is a module that fills in a ``Provider`` (base.py) and has one line in
``PROVIDERS`` below; ``validate_config`` and ``sync`` find it there by name:

- ``directory`` (directory.py) — text files under a folder inside the operator's
  connector roots, one memory per file (long files in chunks).
- ``rss`` (rss.py, parsing in feeds.py) — an RSS or Atom feed over http(s), one memory
  per entry, fetched by fetch.py: public addresses only unless the operator's
  ``FetchPolicy`` allows more.

The route owns storage: it keeps ``Item.key`` → memory id per connection, creates a
memory for a new key and updates the one it has for a known key. Nothing here removes
memories. A failing source raises ``SyncError`` whose message is safe to store and show;
credentials never appear in it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Optional

from . import directory, rss
from .base import (
    SYNC_TIMEOUT,
    ConfigError,
    FieldPath,
    Item,
    Problems,
    Provider,
    SyncError,
    SyncResult,
)
from .directory import real_roots
from .fetch import STRICT, FetchPolicy

__all__ = [
    "PROVIDERS",
    "STRICT",
    "SUPPORTED_PROVIDERS",
    "SYNC_TIMEOUT",
    "ConfigError",
    "FetchPolicy",
    "FieldPath",
    "Item",
    "Provider",
    "SyncError",
    "SyncResult",
    "real_roots",
    "sync",
    "validate_config",
]

# The registry, by name, in the order messages and the OpenAPI document list them.
PROVIDERS: dict[str, Provider] = {p.name: p for p in (directory.PROVIDER, rss.PROVIDER)}
SUPPORTED_PROVIDERS = tuple(PROVIDERS)


def validate_config(
    provider: str,
    config: Optional[Mapping[str, Any]],
    credentials: Optional[Mapping[str, Any]],
    *,
    roots: Sequence[str] = (),
) -> dict[str, Any]:
    """Return the normalised config, or raise ConfigError naming the supported providers
    and the missing or bad fields. Credential values never appear in the messages.

    ``roots`` are the folders a directory connection may read (the operator's setting);
    with none, every directory path is refused."""
    return _validate(provider, config, credentials, roots)[1]


def _validate(
    name: str,
    config: Optional[Mapping[str, Any]],
    credentials: Optional[Mapping[str, Any]],
    roots: Sequence[str],
) -> tuple[Provider, dict[str, Any]]:
    provider = PROVIDERS.get(name) if isinstance(name, str) else None
    if provider is None:
        supported = ", ".join(PROVIDERS)
        if isinstance(name, str):
            message = f"unknown provider {name[:64]!r}; supported: {supported}"
        else:
            message = f"must be a string; supported: {supported}"
        raise ConfigError([(("provider",), message)])
    if config is None:
        config = {}
    if not isinstance(config, Mapping):
        raise ConfigError([(("config",), "must be an object")])
    problems: Problems = []
    known = tuple(provider.config_properties)
    for key in config:
        if key not in known:
            shown = str(key)[:64]
            problems.append((("config", shown), f"unknown field; expected {', '.join(known)}"))
    normalised = provider.check_config(config, problems, roots)
    provider.check_credentials(credentials, problems)
    if problems:
        raise ConfigError(problems)
    return provider, normalised


def sync(
    provider: str,
    config: Mapping[str, Any],
    credentials: Optional[Mapping[str, Any]],
    cursor: Optional[str],
    *,
    timeout: float = SYNC_TIMEOUT,
    roots: Sequence[str] = (),
    excluded: Sequence[str] = (),
    fetch_policy: FetchPolicy = STRICT,
) -> SyncResult:
    """Fetch what is new or changed since `cursor`. Raises SyncError on a failing source.

    The config is checked again against ``roots``, which may have changed since the
    connection was made. ``excluded`` are files a directory sync never reads, whatever
    the roots (the server passes its database, journal and secret files).
    ``fetch_policy`` says which non-public addresses a network source may be fetched
    from (none by default); ``timeout`` bounds the whole wait on it."""
    try:
        found, normalised = _validate(provider, config, credentials, roots)
    except ConfigError as exc:
        raise SyncError(f"invalid connection config: {exc}") from None
    try:
        return found.sync(
            normalised,
            credentials or {},
            cursor,
            timeout=timeout,
            excluded=excluded,
            fetch_policy=fetch_policy,
        )
    except SyncError as exc:
        message = _scrub(str(exc), credentials, found)
        raise SyncError(message) from None


def _scrub(message: str, credentials: Optional[Mapping[str, Any]], provider: Provider) -> str:
    """Last line of defence: no credential value survives into a stored error."""
    if not credentials:
        return message
    secrets = [str(v) for v in credentials.values() if isinstance(v, str) and len(v) >= 3]
    secrets += provider.secret_forms(credentials)
    for secret in sorted(secrets, key=len, reverse=True):
        message = message.replace(secret, "***")
    return message
