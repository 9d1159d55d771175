"""Argument checks run before anything is sent: each failure names the argument and why.

Every check raises `InvalidArgumentError`, which is both a `LongmemError` and a
`ValueError`. The client checks only what it must know to build a request: types,
required values and obvious minimums (non-empty text, a whole number of at least 1).
Maxima, character sets and enumerations are the server's to judge, as botocore leaves
them to AWS: a client that enforced them would break the day a server relaxed them,
and the server's 422 names each field it refused (`UnprocessableEntityError`).
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from datetime import datetime, timezone
from urllib.parse import quote

from ._typing import TYPE_CHECKING
from .errors import InvalidArgumentError

if TYPE_CHECKING:
    from typing import Any, Optional


def _fail(name: str, problem: str) -> InvalidArgumentError:
    return InvalidArgumentError(f"{name} {problem}")


def text(value: Any, name: str = "text") -> str:
    if not isinstance(value, str):
        raise _fail(name, f"must be a string, got {type(value).__name__}")
    if not value.strip():
        raise _fail(name, "must not be empty")
    return _encodable(value, name)


def field(obj: Any, key: str, default: Any = None) -> Any:
    """`obj[key]` of a dict, `obj.key` of another SDK's object (the OpenAI and Anthropic
    SDKs' pydantic models), else `default`: how the SDK reads what a model API handed the
    caller, a tool call or a chat message, without importing that API's SDK."""
    if isinstance(obj, Mapping):
        return obj.get(key, default)
    return getattr(obj, key, default)


# The text parts of a message's content: Chat Completions' and Anthropic's, and the
# Responses API's input and output text.
_TEXT_PARTS = ("text", "input_text", "output_text")
_MISSING = object()


def messages(value: Any, name: str = "messages") -> list[dict[str, Any]]:
    """A chat conversation: a non-empty list of messages, each a dict or an SDK object
    (OpenAI's `ChatCompletionMessage`, say) with a string `role` and a `content` that is a
    string, None, or a list of parts as OpenAI and Anthropic take them. Only `role` and
    `content` are sent, content as a string: the text parts joined by newlines, None when
    it has none (images, tool calls and tool results are not the speaker's words). Which
    roles there are, and what they must say, is the server's to judge."""
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Sequence):
        raise _fail(name, f"must be a list of messages, got {type(value).__name__}")
    if not value:
        raise _fail(name, "must not be empty")
    out: list[dict[str, Any]] = []
    for index, message in enumerate(value):
        here = f"{name}[{index}]"
        if not isinstance(message, Mapping) and field(message, "role", _MISSING) is _MISSING:
            raise _fail(
                here,
                "must be a dict with role and content, or a chat SDK's message object, "
                f"got {type(message).__name__}",
            )
        role, said = field(message, "role"), field(message, "content", _MISSING)
        if not isinstance(role, str) or not role:
            raise _fail(f"{here}.role", f"must be a non-empty string, got {role!r}")
        if said is _MISSING:
            raise _fail(f"{here}.content", "is required (a string, or None for no words)")
        said = _content_text(said, f"{here}.content")
        out.append({"role": _encodable(role, f"{here}.role"), "content": said})
    return out


def _content_text(said: Any, name: str) -> Optional[str]:
    if said is None:
        return None
    if isinstance(said, str):
        return _encodable(said, name)
    if isinstance(said, (bytes, Mapping)) or not isinstance(said, Sequence):
        raise _fail(name, f"must be a string, None or a list of content parts, got {said!r}")
    texts = []
    for index, part in enumerate(said):
        kind = field(part, "type")
        if isinstance(part, (str, bytes)) or not isinstance(kind, str):
            raise _fail(f"{name}[{index}]", f"must be a content part with a type, got {part!r}")
        if kind in _TEXT_PARTS:
            text = field(part, "text")
            if not isinstance(text, str):
                raise _fail(f"{name}[{index}].text", f"must be a string, got {text!r}")
            texts.append(_encodable(text, f"{name}[{index}].text"))
    return "\n".join(texts) if texts else None


def _encodable(value: str, name: str) -> str:
    # Lone surrogates (a shell argument in an undecodable locale, say) cannot be sent.
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise _fail(name, "must be valid Unicode text (it has unpaired surrogates)") from None
    return value


def collection(value: Any, name: str = "collection") -> str:
    # Which characters a name may hold is the server's rule; `segment` makes any name
    # safe in a path.
    if not isinstance(value, str):
        raise _fail(name, f"must be a string, got {type(value).__name__}")
    if not value:
        raise _fail(name, "must not be empty")
    return _encodable(value, name)


def identifier(value: Any, name: str) -> str:
    """A non-empty string: an id, a category, a source, a search mode, a provider."""
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


def positive_int(value: Any, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _fail(name, f"must be a whole number, got {value!r}")
    if value < 1:
        raise _fail(name, f"must be at least 1, got {value}")
    return value


def non_negative_int(value: Any, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise _fail(name, f"must be a whole number of 0 or more, got {value!r}")
    return value


def flag(value: Any, name: str) -> bool:
    # A string "false" is truthy; refusing non-bools keeps it from meaning True.
    if not isinstance(value, bool):
        raise _fail(name, f"must be True or False, got {value!r}")
    return value


def container_tag(value: Any, name: str = "container_tag") -> Optional[str]:
    if value is None:
        return None
    if not isinstance(value, str) or not value:
        raise _fail(name, f"must be None or a non-empty string, got {value!r}")
    return _encodable(value, name)


def json_object(value: Any, name: str) -> Optional[dict[str, Any]]:
    """None, or a dict with string keys that encodes to JSON."""
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise _fail(name, f"must be a dict, got {type(value).__name__}")
    # json.dumps would quietly turn 1, True or None keys into strings, at any depth.
    bad_key = _non_string_key(value)
    if bad_key is not None:
        raise _fail(name, f"must have string keys at every level, found {bad_key!r}")
    try:
        # Encoded too: an unpaired surrogate fails only there.
        json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode()
    except UnicodeEncodeError:
        raise _fail(name, "must hold valid Unicode text (it has unpaired surrogates)") from None
    except (TypeError, ValueError, RecursionError) as exc:
        raise _fail(name, f"must be JSON-serialisable with string keys ({exc})") from None
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


def idempotency_key(value: Any) -> Optional[str]:
    if value is None:
        return None
    # It travels in an HTTP header: anything else could end the header or start another.
    # How long it may be is the server's rule.
    if not isinstance(value, str) or not value or not (value.isascii() and value.isprintable()):
        raise _fail("idempotency_key", f"must be printable ASCII characters, got {value!r}")
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
