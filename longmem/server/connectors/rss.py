"""The ``rss`` provider: an RSS 2.0, RSS 1.0 or Atom feed over http(s), one memory per
entry. The cursor holds the newest entry date seen and the ids of recent entries.

The feed is fetched by fetch.py: public addresses only unless the operator allows
more, one deadline for the whole request, a size cap, redirects to http(s) only, and
credentials only to the origin they were given for. Parsing is in feeds.py.
"""

from __future__ import annotations

import base64
import datetime as _dt
import json
from collections.abc import Mapping, Sequence
from typing import Any, Optional
from urllib.parse import urlsplit

from ..._protocol import MAX_TEXT_CHARS
from ..._version import __version__
from . import fetch
from .base import Item, Problems, Provider, SyncResult, _chunk
from .feeds import Entry, _aware, parse_feed
from .fetch import FetchPolicy

FEED_MAX_BYTES = 5 * 1024 * 1024
# Ids of undated entries are the only way to recognise them again; bounded so the
# cursor of a busy feed stays small.
SEEN_IDS_MAX = 500
# Metadata is capped at 16 KiB encoded by the protocol; these keep an entry well under.
TITLE_MAX = 500
LINK_MAX = 2_000
USER_AGENT = f"longmem/{__version__} (+connector; rss)"
_CURSOR_VERSION = 1


# -- configuration -----------------------------------------------------------------------


def _check_config(
    config: Mapping[str, Any], problems: Problems, roots: Sequence[str]
) -> dict[str, Any]:
    url = config.get("url")
    if url is None:
        problems.append((("config", "url"), "field required for the rss provider"))
        return {}
    if not isinstance(url, str) or not url.strip():
        problems.append((("config", "url"), "must be a non-empty string"))
        return {}
    url = url.strip()
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        problems.append((("config", "url"), "is not a valid URL"))
        return {}
    del port
    if parts.scheme.lower() not in ("http", "https"):
        problems.append((("config", "url"), "must be an http:// or https:// URL"))
    elif not parts.hostname:
        problems.append((("config", "url"), "must name a host"))
    elif parts.username is not None or parts.password is not None:
        # The config is returned to clients; secrets belong in credentials.
        problems.append((("config", "url"), "must not embed credentials; pass them as credentials"))
    elif any(ch.isspace() or ord(ch) < 0x20 for ch in url):
        problems.append((("config", "url"), "must not contain whitespace or control characters"))
    return {"url": url}


def _check_credentials(credentials: Optional[Mapping[str, Any]], problems: Problems) -> None:
    if credentials is None:
        return
    if not isinstance(credentials, Mapping):
        problems.append((("credentials",), "must be an object"))
        return
    if not credentials:
        return
    expected = "expected {'token'} or {'username', 'password'}"
    names = set(credentials)
    if names not in ({"token"}, {"username", "password"}):
        problems.append((("credentials",), f"unsupported fields; {expected}"))
        return
    for name in sorted(names):
        value = credentials[name]
        # Messages name the field only: the value is a secret.
        if not isinstance(value, str):
            problems.append((("credentials", name), "must be a string"))
        elif name != "password" and not value:
            problems.append((("credentials", name), "must not be empty"))
        elif any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in value):
            problems.append((("credentials", name), "must not contain control characters"))
        elif name == "username" and ":" in value:
            problems.append((("credentials", name), "must not contain ':'"))


# -- sync --------------------------------------------------------------------------------


def _sync(
    config: Mapping[str, Any],
    credentials: Mapping[str, Any],
    cursor: Optional[str],
    *,
    timeout: float,
    excluded: Sequence[str],
    fetch_policy: FetchPolicy,
) -> SyncResult:
    newest, seen = _load_cursor(cursor)
    fetched = _fetch(config["url"], credentials, timeout, fetch_policy)
    with fetch.discreet(fetched):
        feed_title, entries = parse_feed(fetched.body)
    seen_set = set(seen)
    fresh: dict[str, Entry] = {}
    for entry in entries:
        if entry.date is None or newest is None:
            is_new = entry.key not in seen_set
        else:
            # An entry at exactly the newest date may be a sibling published in the same
            # second; its id tells it apart from the one already seen. A later date on a
            # seen id is an edit, returned under the same key so the route updates it.
            is_new = entry.date > newest or (entry.date == newest and entry.key not in seen_set)
        if is_new and entry.key not in fresh:
            fresh[entry.key] = entry
    dates = [e.date for e in entries if e.date is not None]
    if newest is not None:
        dates.append(newest)
    latest = max(dates) if dates else None
    current = [e.key for e in entries]
    keep = list(dict.fromkeys(current + seen))[:SEEN_IDS_MAX]
    new_cursor = {
        "v": _CURSOR_VERSION,
        "newest": latest.isoformat() if latest else None,
        "seen": keep,
    }
    # Feeds list newest first; store oldest first so memory order follows the feed's.
    ordered = list(reversed(fresh.values()))
    ordered.sort(key=lambda e: e.date or _dt.datetime.min.replace(tzinfo=_dt.timezone.utc))
    items = [_entry_item(e, feed_title) for e in ordered]
    return SyncResult(
        items=[i for i in items if i is not None],
        cursor=json.dumps(new_cursor, separators=(",", ":")),
    )


def _load_cursor(cursor: Optional[str]) -> tuple[Optional[_dt.datetime], list[str]]:
    if not cursor:
        return None, []
    try:
        data = json.loads(cursor)
    except ValueError:
        return None, []
    if not isinstance(data, dict):
        return None, []
    newest: Optional[_dt.datetime] = None
    raw = data.get("newest")
    if isinstance(raw, str):
        try:
            newest = _aware(_dt.datetime.fromisoformat(raw))
        except ValueError:
            newest = None
    seen = data.get("seen")
    ids = [s for s in seen if isinstance(s, str)] if isinstance(seen, list) else []
    return newest, ids


def _entry_item(entry: Entry, feed_title: str) -> Optional[Item]:
    text = "\n\n".join(part for part in (entry.title, entry.text) if part)
    if not text:
        text = entry.link or ""
    if not text:
        return None
    if len(text) > MAX_TEXT_CHARS:
        text = _chunk(text, MAX_TEXT_CHARS - 1)[0] + "…"
    metadata: dict[str, Any] = {
        "id": entry.key[:TITLE_MAX],
        "title": entry.title[:TITLE_MAX],
        "link": entry.link[:LINK_MAX] if entry.link else None,
        "published": entry.date.isoformat() if entry.date else None,
    }
    if feed_title:
        metadata["feed"] = feed_title[:TITLE_MAX]
    return Item(key=entry.key, text=text, metadata=metadata)


def _auth_header(credentials: Mapping[str, Any]) -> Optional[str]:
    token = credentials.get("token")
    if isinstance(token, str) and token:
        return f"Bearer {token}"
    username, password = credentials.get("username"), credentials.get("password")
    if isinstance(username, str) and isinstance(password, str):
        pair = f"{username}:{password}".encode()
        return "Basic " + base64.b64encode(pair).decode("ascii")
    return None


def _secret_forms(credentials: Mapping[str, Any]) -> list[str]:
    """The encoded credentials the Authorization header carries."""
    header = _auth_header(credentials)
    return [header.split(" ", 1)[1]] if header else []


def _fetch(
    url: str, credentials: Mapping[str, Any], timeout: float, policy: FetchPolicy
) -> fetch.Fetched:
    headers = {"User-Agent": USER_AGENT, "Accept": "application/rss+xml, application/atom+xml, */*"}
    auth = _auth_header(credentials)
    return fetch.get(
        url,
        headers,
        secret_headers={"Authorization": auth} if auth else {},
        timeout=timeout,
        policy=policy,
        max_bytes=FEED_MAX_BYTES,
    )


PROVIDER = Provider(
    name="rss",
    check_config=_check_config,
    check_credentials=_check_credentials,
    sync=_sync,
    config_properties={"url": {"type": "string", "pattern": "^https?://[^\\s/@]+(/\\S*)?$"}},
    config_required=("url",),
    # Accepted on create, never returned.
    credentials_schema={
        "oneOf": [
            {"type": "null"},
            {"type": "object", "maxProperties": 0},
            {
                "type": "object",
                "properties": {"token": {"type": "string", "minLength": 1}},
                "required": ["token"],
            },
            {
                "type": "object",
                "properties": {"username": {"type": "string"}, "password": {"type": "string"}},
                "required": ["username", "password"],
            },
        ]
    },
    secret_forms=_secret_forms,
)
