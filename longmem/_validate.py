"""Argument checks run before anything is sent: each failure names the argument and why.

Every check raises `InvalidArgumentError`, which is both a `LongmemError` and a
`ValueError`. The limits are the protocol's (see `_protocol`).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from datetime import datetime, timezone
from urllib.parse import quote

from ._protocol import (
    COLLECTION_NAME_PATTERN,
    COLLECTION_NAME_RULE,
    MAX_CATEGORY_CHARS,
    MAX_CONTAINER_TAG_CHARS,
    MAX_METADATA_BYTES,
    MAX_SOURCE_CHARS,
    MAX_TEXT_CHARS,
    SEARCH_MODES,
)
from ._typing import TYPE_CHECKING
from .errors import InvalidArgumentError

if TYPE_CHECKING:
    from typing import Any, Optional

_COLLECTION_NAME = re.compile(COLLECTION_NAME_PATTERN)


def _fail(name: str, problem: str) -> InvalidArgumentError:
    return InvalidArgumentError(f"{name} {problem}")


def text(value: Any, name: str = "text", max_chars: int = MAX_TEXT_CHARS) -> str:
    if not isinstance(value, str):
        raise _fail(name, f"must be a string, got {type(value).__name__}")
    if not value.strip():
        raise _fail(name, "must not be empty")
    if len(value) > max_chars:
        raise _fail(name, f"must be at most {max_chars} characters, got {len(value)}")
    return _encodable(value, name)


def messages(value: Any, name: str = "messages") -> list[dict[str, Any]]:
    """A chat conversation: a non-empty list of dicts, each with a string `role` and a
    string (or None) `content`; only those two keys are sent. Which roles there are, and
    what they must say, is the server's to judge."""
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Sequence):
        raise _fail(name, f"must be a list of messages, got {type(value).__name__}")
    if not value:
        raise _fail(name, "must not be empty")
    out: list[dict[str, Any]] = []
    for index, message in enumerate(value):
        here = f"{name}[{index}]"
        if not isinstance(message, Mapping):
            raise _fail(here, f"must be a dict with role and content, got {type(message).__name__}")
        role, said = message.get("role"), message.get("content")
        if not isinstance(role, str) or not role:
            raise _fail(f"{here}.role", f"must be a non-empty string, got {role!r}")
        if "content" not in message:
            raise _fail(f"{here}.content", "is required (a string, or None for no words)")
        if not (said is None or isinstance(said, str)):
            raise _fail(f"{here}.content", f"must be a string or None, got {said!r}")
        if said is not None:
            said = _encodable(said, f"{here}.content")
        out.append({"role": _encodable(role, f"{here}.role"), "content": said})
    return out


def _encodable(value: str, name: str) -> str:
    # Lone surrogates (a shell argument in an undecodable locale, say) cannot be sent.
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise _fail(name, "must be valid Unicode text (it has unpaired surrogates)") from None
    return value


def collection(value: Any, name: str = "collection") -> str:
    if not isinstance(value, str):
        raise _fail(name, f"must be a string, got {type(value).__name__}")
    if not _COLLECTION_NAME.fullmatch(value):
        raise _fail(name, f"must be {COLLECTION_NAME_RULE}, got {value!r}")
    return value


def identifier(value: Any, name: str) -> str:
    if not isinstance(value, str) or not value:
        raise _fail(name, f"must be a non-empty string, got {value!r}")
    return _encodable(value, name)


def fraction(value: Any, name: str) -> float:
    """A number in [0, 1] (importance, scores, thresholds)."""
    if (
        isinstance(value, bool)
        or not isinstance(value, (int, float))
        or (isinstance(value, float) and math.isnan(value))
    ):
        raise _fail(name, f"must be a number from 0 to 1, got {value!r}")
    if not 0 <= value <= 1:  # compared before float(): a huge int would overflow it
        raise _fail(name, f"must be from 0 to 1, got {value!r}")
    return float(value)


def positive_int(value: Any, name: str, maximum: Optional[int] = None) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _fail(name, f"must be a whole number, got {value!r}")
    if value < 1 or (maximum is not None and value > maximum):
        bound = f"from 1 to {maximum}" if maximum is not None else "at least 1"
        raise _fail(name, f"must be {bound}, got {value}")
    return value


def non_negative_int(value: Any, name: str, maximum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= maximum:
        raise _fail(name, f"must be a whole number from 0 to {maximum}, got {value!r}")
    return value


def flag(value: Any, name: str) -> bool:
    # A string "false" is truthy; refusing non-bools keeps it from meaning True.
    if not isinstance(value, bool):
        raise _fail(name, f"must be True or False, got {value!r}")
    return value


def category(value: Any, name: str = "category") -> str:
    if not isinstance(value, str) or not 1 <= len(value) <= MAX_CATEGORY_CHARS:
        raise _fail(name, f"must be a string of 1-{MAX_CATEGORY_CHARS} characters, got {value!r}")
    return value


def source(value: Any, name: str = "source") -> str:
    if not isinstance(value, str) or not 1 <= len(value) <= MAX_SOURCE_CHARS:
        raise _fail(name, f"must be a string of 1-{MAX_SOURCE_CHARS} characters, got {value!r}")
    return _encodable(value, name)


def container_tag(value: Any, name: str = "container_tag") -> Optional[str]:
    if value is None:
        return None
    if not isinstance(value, str) or not 1 <= len(value) <= MAX_CONTAINER_TAG_CHARS:
        raise _fail(
            name,
            f"must be None or a string of 1-{MAX_CONTAINER_TAG_CHARS} characters, got {value!r}",
        )
    return value


def json_object(value: Any, name: str, max_bytes: Optional[int] = None) -> Optional[dict[str, Any]]:
    """None, or a dict with string keys that encodes to JSON (within max_bytes)."""
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise _fail(name, f"must be a dict, got {type(value).__name__}")
    # json.dumps would quietly turn 1, True or None keys into strings, at any depth.
    bad_key = _non_string_key(value)
    if bad_key is not None:
        raise _fail(name, f"must have string keys at every level, found {bad_key!r}")
    try:
        encoded = json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
        size = len(encoded.encode("utf-8"))
    except UnicodeEncodeError:
        raise _fail(name, "must hold valid Unicode text (it has unpaired surrogates)") from None
    except (TypeError, ValueError, RecursionError) as exc:
        raise _fail(name, f"must be JSON-serialisable with string keys ({exc})") from None
    if max_bytes is not None and size > max_bytes:
        raise _fail(name, f"must encode to at most {max_bytes} bytes of JSON")
    return dict(value)


def _non_string_key(value: Any) -> Any:
    """The first dict key, at any depth, that is not a string; None when all are."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, Mapping):
            for key, child in item.items():
                if not isinstance(key, str):
                    return key if key is not None else "None"
                stack.append(child)
        elif isinstance(item, (list, tuple)):
            stack.extend(item)
    return None


def metadata(value: Any, name: str = "metadata") -> Optional[dict[str, Any]]:
    return json_object(value, name, MAX_METADATA_BYTES)


def search_mode(value: Any) -> str:
    if value not in SEARCH_MODES:
        raise _fail("mode", f"must be one of {', '.join(SEARCH_MODES)}; got {value!r}")
    return str(value)


def idempotency_key(value: Any, max_chars: int) -> Optional[str]:
    if value is None:
        return None
    if (
        not isinstance(value, str)
        or not 1 <= len(value) <= max_chars
        or not value.isascii()
        or not value.isprintable()
    ):
        raise _fail(
            "idempotency_key", f"must be 1-{max_chars} printable ASCII characters, got {value!r}"
        )
    return value


def timestamp(value: Any, name: str) -> str:
    """An instant as ISO 8601 text: a datetime (naive means UTC), or text sent as given
    (the server judges its format)."""
    if isinstance(value, datetime):
        moment: datetime = value if value.tzinfo else value.replace(tzinfo=timezone.utc)
        return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    if not isinstance(value, str) or not value.strip():
        raise _fail(name, f"must be an ISO 8601 string or a datetime, got {value!r}")
    return _encodable(value.strip(), name)


def segment(value: str) -> str:
    """Percent-encode one path segment so no input can change the route's shape."""
    encoded = quote(value, safe="")
    # "." and ".." would be collapsed by URL normalisation in proxies and servers.
    if encoded in (".", ".."):
        encoded = encoded.replace(".", "%2E")
    return encoded
