"""The ``directory`` provider: text files under a local folder, one memory per file (long
files in chunks).

The cursor maps each relative path to its size, mtime and content hash, so a re-sync
returns only new or changed files, under the same keys as before. The folder must lie
inside one of the connector roots the operator granted the connection's tenant (the
caller passes that tenant's roots), and a sync reads only regular files whose
real path stays inside the folder: never a symlink's target outside it, the server's own
database files (passed in as ``excluded``), nor anything under /proc, /sys or /dev.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import stat
import time
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path, PurePath, PurePosixPath
from typing import Any, Optional

from ..._protocol import MAX_TEXT_CHARS
from .base import Item, Problems, Provider, SyncError, SyncResult, _chunk, os_reason
from .fetch import FetchPolicy

DEFAULT_PATTERNS = ("**/*.md", "**/*.txt")
# A file this large is a log or a dump, not a note; it is skipped rather than turned
# into hundreds of memories.
FILE_MAX_BYTES = 5 * 1024 * 1024
# A file modified this recently may change again within the filesystem's mtime
# granularity without its size changing, so its stat is not trusted next time.
_RACY_SECONDS = 2.0
_CURSOR_VERSION = 1
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


# -- configuration -----------------------------------------------------------------------


def _check_config(
    config: Mapping[str, Any], problems: Problems, roots: Sequence[str]
) -> dict[str, Any]:
    """The config with an absolute path; ``roots`` are the folders a directory connection
    may read (the operator's setting): with none, every path is refused."""
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
    absolute = os.path.abspath(os.path.expanduser(path))
    _check_inside_roots(absolute, roots, problems)
    return {"path": absolute, "patterns": list(patterns)}


def _check_credentials(credentials: Optional[Mapping[str, Any]], problems: Problems) -> None:
    if credentials:
        problems.append((("credentials",), "the directory provider takes no credentials"))


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


def _check_inside_roots(path: str, roots: Sequence[str], problems: Problems) -> None:
    real = os.path.realpath(path)
    allowed = real_roots(roots)
    if any(_inside(real, system) for system in _SYSTEM_DIRS):
        problems.append((("config", "path"), "must not be inside /proc, /sys or /dev"))
    elif not allowed:
        problems.append(
            (
                ("config", "path"),
                "must be inside the server's connector roots (none granted to this tenant)",
            )
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
    # The segments as listing reads them (a backslash parts them on Windows only): before
    # 3.13, Python refuses "a**" or "notes\**\*.md" on POSIX when it lists; 3.13 reads
    # "**" inside a segment as "*".
    listed = PurePath(pattern).parts
    if any("**" in part and part != "**" for part in listed):
        return "'**' must be a whole path segment, as in '**/*.md'"
    # Each "**" walks the whole tree below every folder the one before it found: "**/"
    # five times over a folder 30 deep took 5.6 s, each one more about 8 times as long.
    # Sync checks a stored config again, so one stored before this is refused there.
    if listed.count("**") > _MOST_RECURSIVE:
        return f"may hold '**' at most {_MOST_RECURSIVE} times ('**/**' is '**')"
    return None


_MOST_RECURSIVE = 2


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
    shown = config["path"]
    real_root = os.path.realpath(shown)
    try:
        if not os.path.exists(real_root):
            raise SyncError(f"directory not found: {shown}")
        if not os.path.isdir(real_root):
            raise SyncError(f"not a directory: {shown}")
    except OSError as exc:
        raise SyncError(f"cannot access directory {shown}: {os_reason(exc)}") from None
    guard = _FileGuard(real_root, excluded)
    before = _load_cursor(cursor)
    after: dict[str, list[Any]] = {}
    items: list[Item] = []
    now = time.time()
    for rel, path in _matching_files(Path(real_root), config["patterns"]):
        try:
            found = guard.check(path)
        except FileNotFoundError:
            continue  # removed between listing and reading: nothing to report
        except OSError as exc:
            raise SyncError(f"cannot read {rel}: {os_reason(exc)}") from None
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
            raise SyncError(f"cannot read {rel}: {os_reason(exc)}") from None
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
        raise SyncError(f"cannot list directory {root}: {os_reason(exc)}") from None
    return sorted(found.items())


def _load_cursor(cursor: Optional[str]) -> dict[str, list[Any]]:
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


PROVIDER = Provider(
    name="directory",
    check_config=_check_config,
    check_credentials=_check_credentials,
    sync=_sync,
    config_properties={
        "path": {
            "type": "string",
            "minLength": 1,
            "description": "a folder on the server, inside one of its connector roots",
        },
        "patterns": {
            "type": "array",
            "minItems": 1,
            "items": {"type": "string", "minLength": 1, "description": "glob inside path"},
            "default": list(DEFAULT_PATTERNS),
        },
    },
    config_required=("path",),
    # Accepted on create, never returned.
    credentials_schema={"type": ["object", "null"], "maxProperties": 0},
)
