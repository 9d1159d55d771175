"""Connector providers: turn an outside source into memories to store or update.

Two providers, both stdlib only:

- ``directory`` — text files under a local folder, one memory per file (long files in
  chunks). The cursor maps each relative path to its size, mtime and content hash, so a
  re-sync returns only new or changed files, under the same keys as before. The folder
  must lie inside one of the operator's connector roots, and a sync reads only regular
  files whose real path stays inside the folder: never a symlink's target outside it, the
  server's own database files (passed in as ``excluded``), nor anything under /proc,
  /sys or /dev.
- ``rss`` — an RSS 2.0, RSS 1.0 or Atom feed over http(s), one memory per entry. The
  cursor holds the newest entry date seen and the ids of recent entries.

The route owns storage: it keeps ``Item.key`` → memory id per connection, creates a
memory for a new key and updates the one it has for a known key. Nothing here removes
memories. A failing source raises ``SyncError`` whose message is safe to store and show;
credentials never appear in it.
"""

from __future__ import annotations

import base64
import datetime as _dt
import email.utils
import errno
import hashlib
import html.parser
import json
import os
import re
import stat
import time
import xml.etree.ElementTree as ET
import xml.parsers.expat
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, Optional, Union
from urllib.parse import urlsplit

from .._protocol import MAX_TEXT_CHARS
from .._version import __version__

if TYPE_CHECKING:
    import urllib.request

SUPPORTED_PROVIDERS = ("directory", "rss")

DEFAULT_PATTERNS = ("**/*.md", "**/*.txt")
# A file this large is a log or a dump, not a note; it is skipped rather than turned
# into hundreds of memories.
FILE_MAX_BYTES = 5 * 1024 * 1024
FEED_MAX_BYTES = 5 * 1024 * 1024
FEED_TIMEOUT = 10.0
# Ids of undated entries are the only way to recognise them again; bounded so the
# cursor of a busy feed stays small.
SEEN_IDS_MAX = 500
# Metadata is capped at 16 KiB encoded by the protocol; these keep an entry well under.
TITLE_MAX = 500
LINK_MAX = 2_000
USER_AGENT = f"longmem/{__version__} (+connector; rss)"
# A file modified this recently may change again within the filesystem's mtime
# granularity without its size changing, so its stat is not trusted next time.
_RACY_SECONDS = 2.0
_CURSOR_VERSION = 1
_READ_CHUNK = 64 * 1024
_RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
# Kernel and device trees: never notes, and reading some of them leaks the process's
# environment or blocks.
_SYSTEM_DIRS = ("/proc", "/sys", "/dev") if os.name == "posix" else ()
# Opening never blocks on a FIFO and never follows a final symlink swapped in late.
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_BINARY", 0)
)

FieldPath = tuple[Union[str, int], ...]


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


# -- configuration -----------------------------------------------------------------------


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
    supported = ", ".join(SUPPORTED_PROVIDERS)
    if not isinstance(provider, str) or provider not in SUPPORTED_PROVIDERS:
        if isinstance(provider, str):
            message = f"unknown provider {provider[:64]!r}; supported: {supported}"
        else:
            message = f"must be a string; supported: {supported}"
        raise ConfigError([(("provider",), message)])
    if config is None:
        config = {}
    if not isinstance(config, Mapping):
        raise ConfigError([(("config",), "must be an object")])
    problems: list[tuple[FieldPath, str]] = []
    if provider == "directory":
        normalised = _directory_config(config, problems)
        if normalised:
            _check_inside_roots(normalised["path"], roots, problems)
        if credentials:
            problems.append((("credentials",), "the directory provider takes no credentials"))
    else:
        normalised = _rss_config(config, problems)
        _check_rss_credentials(credentials, problems)
    if problems:
        raise ConfigError(problems)
    return normalised


def _unknown_fields(
    config: Mapping[str, Any], known: Sequence[str], problems: list[tuple[FieldPath, str]]
) -> None:
    for name in config:
        if name not in known:
            shown = str(name)[:64]
            problems.append((("config", shown), f"unknown field; expected {', '.join(known)}"))


def _directory_config(
    config: Mapping[str, Any], problems: list[tuple[FieldPath, str]]
) -> dict[str, Any]:
    _unknown_fields(config, ("path", "patterns"), problems)
    path = config.get("path")
    if path is None:
        problems.append((("config", "path"), "field required for the directory provider"))
    elif not isinstance(path, str) or not path.strip():
        problems.append((("config", "path"), "must be a non-empty string"))
    elif "\x00" in path:
        problems.append((("config", "path"), "must not contain NUL"))
    patterns = config.get("patterns")
    if patterns is None:
        patterns = list(DEFAULT_PATTERNS)
    elif not isinstance(patterns, list) or not patterns:
        problems.append((("config", "patterns"), "must be a non-empty list of glob patterns"))
    else:
        for i, pattern in enumerate(patterns):
            problem = _pattern_problem(pattern)
            if problem:
                problems.append((("config", "patterns", i), problem))
    if problems:
        return {}
    assert isinstance(path, str)
    return {"path": os.path.abspath(os.path.expanduser(path)), "patterns": list(patterns)}


def real_roots(roots: Iterable[str]) -> tuple[str, ...]:
    """Absolute, symlink-free forms of ``roots``, in order, without repeats."""
    out: list[str] = []
    for root in roots:
        real = os.path.realpath(os.path.abspath(os.path.expanduser(root)))
        if real not in out:
            out.append(real)
    return tuple(out)


def _inside(path: str, base: str) -> bool:
    """Whether `path` is `base` or below it; both absolute and already resolved."""
    path, base = os.path.normcase(path), os.path.normcase(base)
    try:
        return os.path.commonpath([path, base]) == base
    except ValueError:  # different drives on Windows
        return False


def _check_inside_roots(
    path: str, roots: Sequence[str], problems: list[tuple[FieldPath, str]]
) -> None:
    real = os.path.realpath(path)
    allowed = real_roots(roots)
    if any(_inside(real, system) for system in _SYSTEM_DIRS):
        problems.append((("config", "path"), "must not be inside /proc, /sys or /dev"))
    elif not allowed:
        problems.append(
            (("config", "path"), "must be inside the server's connector roots (none configured)")
        )
    elif not any(_inside(real, root) for root in allowed):
        shown = ", ".join(allowed)
        problems.append(
            (("config", "path"), f"must be inside the server's connector roots: {shown}")
        )


def _pattern_problem(pattern: Any) -> Optional[str]:
    if not isinstance(pattern, str) or not pattern:
        return "must be a non-empty string"
    # A pattern must stay inside the configured folder.
    posix = PurePosixPath(pattern.replace("\\", "/"))
    if posix.is_absolute() or os.path.isabs(pattern) or ".." in posix.parts:
        return "must be relative to path and must not contain '..'"
    if "\x00" in pattern:
        return "must not contain NUL"
    return None


def _rss_config(config: Mapping[str, Any], problems: list[tuple[FieldPath, str]]) -> dict[str, Any]:
    _unknown_fields(config, ("url",), problems)
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


def _check_rss_credentials(
    credentials: Optional[Mapping[str, Any]], problems: list[tuple[FieldPath, str]]
) -> None:
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


def sync(
    provider: str,
    config: Mapping[str, Any],
    credentials: Optional[Mapping[str, Any]],
    cursor: Optional[str],
    *,
    timeout: float = FEED_TIMEOUT,
    roots: Sequence[str] = (),
    excluded: Sequence[str] = (),
) -> SyncResult:
    """Fetch what is new or changed since `cursor`. Raises SyncError on a failing source.

    The config is checked again against ``roots``, which may have changed since the
    connection was made. ``excluded`` are files a directory sync never reads, whatever
    the roots (the server passes its database, journal and secret files)."""
    try:
        normalised = validate_config(provider, config, credentials, roots=roots)
    except ConfigError as exc:
        raise SyncError(f"invalid connection config: {exc}") from None
    try:
        if provider == "directory":
            return _sync_directory(normalised, cursor, excluded)
        return _sync_rss(normalised, credentials or {}, cursor, timeout)
    except SyncError as exc:
        message = _scrub(str(exc), credentials)
        raise SyncError(message) from None


def _scrub(message: str, credentials: Optional[Mapping[str, Any]]) -> str:
    """Last line of defence: no credential value survives into a stored error."""
    if not credentials:
        return message
    secrets = [str(v) for v in credentials.values() if isinstance(v, str) and len(v) >= 3]
    header = _auth_header(credentials)
    if header:
        secrets.append(header.split(" ", 1)[1])
    for secret in sorted(secrets, key=len, reverse=True):
        message = message.replace(secret, "***")
    return message


# -- directory ---------------------------------------------------------------------------


def _sync_directory(
    config: Mapping[str, Any], cursor: Optional[str], excluded: Sequence[str] = ()
) -> SyncResult:
    shown = config["path"]
    real_root = os.path.realpath(shown)
    try:
        if not os.path.exists(real_root):
            raise SyncError(f"directory not found: {shown}")
        if not os.path.isdir(real_root):
            raise SyncError(f"not a directory: {shown}")
    except OSError as exc:
        raise SyncError(f"cannot access directory {shown}: {_os_reason(exc)}") from None
    guard = _FileGuard(real_root, excluded)
    before = _load_directory_cursor(cursor)
    after: dict[str, list[Any]] = {}
    items: list[Item] = []
    now = time.time()
    for rel, path in _matching_files(Path(real_root), config["patterns"]):
        try:
            found = guard.check(path)
        except FileNotFoundError:
            continue  # removed between listing and reading: nothing to report
        except OSError as exc:
            raise SyncError(f"cannot read {rel}: {_os_reason(exc)}") from None
        if found is None:
            continue
        real, st = found
        if st.st_size > FILE_MAX_BYTES:
            continue
        trusted_mtime = st.st_mtime_ns if now - st.st_mtime > _RACY_SECONDS else 0
        seen = before.get(rel)
        if seen is not None and seen[2] and seen[0] == st.st_size and seen[1] == st.st_mtime_ns:
            after[rel] = [st.st_size, trusted_mtime, seen[2]]
            continue
        try:
            data = guard.read(real, st)
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise SyncError(f"cannot read {rel}: {_os_reason(exc)}") from None
        if data is None:
            continue
        digest = hashlib.sha256(data).hexdigest()
        after[rel] = [st.st_size, trusted_mtime, digest]
        if seen is not None and seen[2] == digest:
            continue
        chunks = _chunk(data.decode("utf-8-sig", "replace"), MAX_TEXT_CHARS)
        for i, text in enumerate(chunks):
            metadata = {"path": rel, "chunk": i, "chunks": len(chunks)}
            items.append(Item(key=f"{rel}#{i}", text=text, metadata=metadata))
    new_cursor = {"v": _CURSOR_VERSION, "files": after}
    return SyncResult(items=items, cursor=json.dumps(new_cursor, separators=(",", ":")))


class _FileGuard:
    """Decides which listed files a directory sync may read, and reads them.

    A file is read only when its real path (symlinks resolved) lies inside the resolved
    folder, outside /proc, /sys and /dev, it is a regular file, and it is none of the
    excluded files, compared by path and by device and inode (so a hard link or a
    differently spelled path to the database is refused too).
    """

    def __init__(self, real_root: str, excluded: Sequence[str]) -> None:
        self.root = real_root
        self.excluded_paths = {os.path.normcase(os.path.realpath(p)) for p in excluded}
        self.excluded_ids: set[tuple[int, int]] = set()
        for name in excluded:
            try:
                st = os.stat(name)
            except OSError:
                continue  # a journal that does not exist now cannot be listed either
            if st.st_ino:  # 0 where the filesystem has no inode numbers: paths decide
                self.excluded_ids.add((st.st_dev, st.st_ino))

    def check(self, path: Path) -> Optional[tuple[str, os.stat_result]]:
        """(real path, stat) of a file that may be read, or None to skip it."""
        real = os.path.realpath(path)
        if not _inside(real, self.root) or any(_inside(real, d) for d in _SYSTEM_DIRS):
            return None
        if os.path.normcase(real) in self.excluded_paths:
            return None
        st = os.stat(real, follow_symlinks=False)
        if not self._allowed(st):
            return None
        return real, st

    def read(self, real: str, expected: os.stat_result) -> Optional[bytes]:
        """The file's bytes, or None if it changed into something not to read."""
        try:
            fd = os.open(real, _OPEN_FLAGS)
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                return None  # replaced by a symlink since check(): O_NOFOLLOW refused it
            raise
        with os.fdopen(fd, "rb") as fh:
            st = os.fstat(fd)
            # The path was swapped since check(): read only what was checked.
            same = (st.st_dev, st.st_ino) == (expected.st_dev, expected.st_ino)
            if not same or not self._allowed(st):
                return None
            data = fh.read(FILE_MAX_BYTES + 1)
        return None if len(data) > FILE_MAX_BYTES else data

    def _allowed(self, st: os.stat_result) -> bool:
        # FIFOs, sockets and devices are skipped: reading a FIFO would wait forever.
        return stat.S_ISREG(st.st_mode) and (st.st_dev, st.st_ino) not in self.excluded_ids


def _matching_files(root: Path, patterns: Iterable[str]) -> list[tuple[str, Path]]:
    """Every path the patterns match below `root`, by relative path; _FileGuard decides
    which of them may be read."""
    found: dict[str, Path] = {}
    try:
        for pattern in patterns:
            for path in root.glob(pattern):
                rel = path.relative_to(root).as_posix()
                # Hidden folders hold tool state (.git, .venv), not notes.
                if rel in found or any(part.startswith(".") for part in rel.split("/")):
                    continue
                found[rel] = path
    except OSError as exc:
        raise SyncError(f"cannot list directory {root}: {_os_reason(exc)}") from None
    return sorted(found.items())


def _load_directory_cursor(cursor: Optional[str]) -> dict[str, list[Any]]:
    """The files seen last time; an unreadable cursor means a full re-sync, which is
    safe because keys are stable and the route updates what it already has."""
    if not cursor:
        return {}
    try:
        data = json.loads(cursor)
    except ValueError:
        return {}
    files = data.get("files") if isinstance(data, dict) else None
    if not isinstance(files, dict):
        return {}
    return {
        rel: entry
        for rel, entry in files.items()
        if isinstance(entry, list) and len(entry) == 3 and isinstance(entry[2], str)
    }


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


def _os_reason(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__


# -- rss ---------------------------------------------------------------------------------


@dataclass
class _Entry:
    key: str
    title: str
    text: str
    link: Optional[str]
    date: Optional[_dt.datetime]


def _sync_rss(
    config: Mapping[str, Any],
    credentials: Mapping[str, Any],
    cursor: Optional[str],
    timeout: float,
) -> SyncResult:
    newest, seen = _load_rss_cursor(cursor)
    body = _fetch(config["url"], credentials, timeout)
    feed_title, entries = _parse_feed(body)
    seen_set = set(seen)
    fresh: dict[str, _Entry] = {}
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


def _load_rss_cursor(cursor: Optional[str]) -> tuple[Optional[_dt.datetime], list[str]]:
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


def _entry_item(entry: _Entry, feed_title: str) -> Optional[Item]:
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


def _fetch(url: str, credentials: Mapping[str, Any], timeout: float) -> bytes:
    """GET the feed with a timeout, a size cap and http(s)-only redirects."""
    # Imported here: urllib.request costs tens of milliseconds at server start.
    import http.client
    import socket
    import urllib.error
    import urllib.request

    headers = {"User-Agent": USER_AGENT, "Accept": "application/rss+xml, application/atom+xml, */*"}
    auth = _auth_header(credentials)
    if auth:
        headers["Authorization"] = auth
    opener = urllib.request.build_opener(_redirect_handler())
    deadline = time.monotonic() + timeout
    try:
        request = urllib.request.Request(url, headers=headers, method="GET")
        with opener.open(request, timeout=timeout) as response:
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > FEED_MAX_BYTES:
                raise SyncError(_too_large())
            body = bytearray()
            while True:
                block = response.read(_READ_CHUNK)
                if not block:
                    break
                body += block
                if len(body) > FEED_MAX_BYTES:
                    raise SyncError(_too_large())
                if time.monotonic() > deadline:
                    raise SyncError(f"feed request timed out after {timeout:g} s")
            return bytes(body)
    except SyncError:
        raise
    except urllib.error.HTTPError as exc:
        exc.close()
        status = " ".join(exc.reason.split()) if isinstance(exc.reason, str) else ""
        raise SyncError(f"feed request failed: HTTP {exc.code} {status}".rstrip()) from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, (socket.timeout, TimeoutError)):
            raise SyncError(f"feed request timed out after {timeout:g} s") from None
        if isinstance(reason, OSError):
            raise SyncError(f"cannot reach feed: {_os_reason(reason)}") from None
        raise SyncError(f"cannot reach feed: {reason}") from None
    except (socket.timeout, TimeoutError):
        raise SyncError(f"feed request timed out after {timeout:g} s") from None
    except http.client.HTTPException as exc:
        raise SyncError(f"feed connection failed: {type(exc).__name__}") from None
    except OSError as exc:
        raise SyncError(f"feed connection failed: {_os_reason(exc)}") from None
    except ValueError:
        # http.client puts the offending header value in its message: never show it.
        raise SyncError("feed request could not be sent (invalid URL or header)") from None


def _too_large() -> str:
    return f"feed is larger than {FEED_MAX_BYTES // (1024 * 1024)} MB"


def _redirect_handler() -> urllib.request.HTTPRedirectHandler:
    import urllib.error
    import urllib.request

    class _SafeRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(
            self,
            req: urllib.request.Request,
            fp: Any,
            code: int,
            msg: str,
            headers: Any,
            newurl: str,
        ) -> Optional[urllib.request.Request]:
            target = urlsplit(newurl)
            if target.scheme.lower() not in ("http", "https"):
                raise urllib.error.HTTPError(
                    req.full_url, code, "redirect to a non-http(s) URL refused", headers, fp
                )
            new = super().redirect_request(req, fp, code, msg, headers, newurl)
            origin = urlsplit(req.full_url)
            # Credentials go only to the host they were given for.
            if new is not None and (target.scheme, target.netloc) != (
                origin.scheme,
                origin.netloc,
            ):
                new.remove_header("Authorization")
            return new

    return _SafeRedirect()


def _parse_feed(body: bytes) -> tuple[str, list[_Entry]]:
    _reject_entity_declarations(body)
    try:
        root = ET.fromstring(body)
    except ET.ParseError as exc:
        raise SyncError(f"feed is not well-formed XML: {exc}") from None
    kind = _local(root.tag)
    if kind == "rss":
        channel = _child(root, "channel")
        if channel is None:
            raise SyncError("RSS feed has no <channel>")
        items = _children(channel, "item")
        entries = [_rss_entry(item) for item in items]
        return _text(_child(channel, "title")), entries
    if kind == "RDF":  # RSS 1.0: items are siblings of the channel
        channel = _child(root, "channel")
        entries = [_rss_entry(item) for item in _children(root, "item")]
        return _text(_child(channel, "title")) if channel is not None else "", entries
    if kind == "feed":
        entries = [_atom_entry(entry) for entry in _children(root, "entry")]
        return _plain(_child(root, "title")), entries
    raise SyncError(f"not an RSS or Atom feed (root element <{kind[:64]}>)")


class _EntityDeclared(Exception):
    pass


def _reject_entity_declarations(body: bytes) -> None:
    """Refuse feeds that declare entities before ElementTree can expand them: nested
    internal entities ("billion laughs") blow up memory, and no real feed needs them.
    Expat reads the declared encoding, so this holds for UTF-16 feeds too."""

    def refuse(*_args: Any) -> None:
        raise _EntityDeclared

    parser = xml.parsers.expat.ParserCreate()
    parser.EntityDeclHandler = refuse
    parser.UnparsedEntityDeclHandler = refuse
    try:
        parser.Parse(body, True)
    except _EntityDeclared:
        raise SyncError("feed declares XML entities (DOCTYPE with ENTITY); refused") from None
    except xml.parsers.expat.ExpatError as exc:
        raise SyncError(f"feed is not well-formed XML: {exc}") from None


def _rss_entry(item: ET.Element) -> _Entry:
    title = _html_to_text(_text(_child(item, "title")))
    description = _text(_child(item, "description")) or _text(_child(item, "encoded"))
    link = _text(_child(item, "link")) or None
    guid = _text(_child(item, "guid")) or item.get(f"{{{_RDF_NS}}}about", "")
    date = _parse_date(_text(_child(item, "pubDate")) or _text(_child(item, "date")))
    text = _html_to_text(description)
    key = guid or link or _fallback_key(title, text)
    return _Entry(key=key, title=title, text=text, link=link, date=date)


def _atom_entry(entry: ET.Element) -> _Entry:
    title = _plain(_child(entry, "title"))
    summary = _child(entry, "summary")
    if summary is None or not "".join(summary.itertext()).strip():
        summary = _child(entry, "content")
    text = _plain(summary)
    link = _atom_link(entry)
    dates = [
        d
        for d in (
            _parse_date(_text(_child(entry, "updated"))),
            _parse_date(_text(_child(entry, "published"))),
        )
        if d is not None
    ]
    key = _text(_child(entry, "id")) or link or _fallback_key(title, text)
    return _Entry(key=key, title=title, text=text, link=link, date=max(dates) if dates else None)


def _atom_link(entry: ET.Element) -> Optional[str]:
    links = _children(entry, "link")
    for link in links:
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return link.get("href")
    for link in links:
        if link.get("href"):
            return link.get("href")
    return None


def _plain(element: Optional[ET.Element]) -> str:
    """Text of an Atom text construct (type text, html or xhtml)."""
    if element is None:
        return ""
    kind = element.get("type", "text")
    if kind == "xhtml" or kind.endswith("xml"):
        return _html_to_text(" ".join(element.itertext()))
    if kind == "text":
        return _collapse(element.text or "")
    return _html_to_text(element.text or "")


def _fallback_key(title: str, text: str) -> str:
    return "sha256:" + hashlib.sha256(f"{title}\n{text}".encode()).hexdigest()


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _children(parent: ET.Element, name: str) -> list[ET.Element]:
    """Children by local name, so any namespace prefix (content:, dc:, atom:) matches."""
    return [child for child in parent if _local(child.tag) == name]


def _child(parent: ET.Element, name: str) -> Optional[ET.Element]:
    for child in parent:
        if _local(child.tag) == name:
            return child
    return None


def _text(element: Optional[ET.Element]) -> str:
    return (element.text or "").strip() if element is not None else ""


def _parse_date(value: str) -> Optional[_dt.datetime]:
    """RFC 822 (RSS) or ISO 8601 / RFC 3339 (Atom, dc:date), as an aware UTC datetime."""
    if not value:
        return None
    try:
        return _aware(email.utils.parsedate_to_datetime(value))
    except (TypeError, ValueError, IndexError):
        pass
    iso = value.strip()
    if iso.endswith(("Z", "z")):
        iso = iso[:-1] + "+00:00"
    # 3.9's fromisoformat takes only 0, 3 or 6 fraction digits.
    iso = re.sub(r"\.(\d+)", lambda m: "." + (m.group(1) + "000000")[:6], iso, count=1)
    try:
        return _aware(_dt.datetime.fromisoformat(iso))
    except ValueError:
        return None


def _aware(moment: _dt.datetime) -> _dt.datetime:
    if moment.tzinfo is None:
        return moment.replace(tzinfo=_dt.timezone.utc)
    return moment.astimezone(_dt.timezone.utc)


_BLOCK_TAGS = frozenset(
    {"p", "br", "div", "li", "ul", "ol", "tr", "table", "blockquote", "pre", "hr"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "section", "article"}
)


class _TextExtractor(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, Optional[str]]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def _html_to_text(markup: str) -> str:
    if not markup:
        return ""
    extractor = _TextExtractor()
    extractor.feed(markup)
    extractor.close()
    return _collapse("".join(extractor.parts))


def _collapse(text: str) -> str:
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
