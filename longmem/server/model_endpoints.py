"""Optional model endpoints over plain HTTP: facts from any OpenAI-compatible chat
completions endpoint (``ModelExtractor``), vectors from any OpenAI-compatible embeddings
endpoint (``ModelEmbedder``). Standard library only: http.client and json.

Where requests go
  ``ModelEndpoint.url`` is the API's base URL as the OpenAI SDK takes it, up to and
  including its version segment: ``http://127.0.0.1:8080/v1`` (llama.cpp server),
  ``http://localhost:11434/v1`` (Ollama), ``https://api.openai.com/v1``. Requests go to
  ``<url>/chat/completions`` and ``<url>/embeddings``; a URL already ending in one of those
  paths is read as its base. Nothing is appended: some bases do not end in ``/v1``
  (``…/v1beta/openai``).

One request
  A direct connection (no proxy) to the configured URL; a redirect is an error, never
  followed. ``timeout`` bounds the whole exchange, connect to last byte (a DNS look-up
  aside): every receive waits only for what is left of it, so a server trickling bytes
  cannot stretch it. An answer over ``max_response_bytes`` is an error. No retries: the
  extractor's fallback is at hand, and the embedder's caller decides. The API key is read
  at each request from the environment variable the endpoint names (``key_env``) and
  sent as ``Authorization: Bearer``; no message, log line or repr carries it.

ModelExtractor
  Asks for ``{"facts": [...]}`` in the keyed-fact shape of facts.py, through a strict JSON
  schema, with a system prompt generated from the attribute lexicon. The answer is read
  defensively (plain JSON, JSON in a ```` ``` ```` fence, or JSON amid prose) and each fact
  is checked on its own: a wrong type, an empty or too long text, a non-string subject or a
  non-boolean ``negated`` drops that fact; an attribute outside the lexicon (or one without
  a value) leaves the fact unkeyed; an unreadable timestamp becomes None. An empty list is
  the model saying "nothing here" ("thanks!") and is honoured. The answer is unusable —
  and the fallback extractor handles the content instead, with one WARNING on the
  ``longmem.server`` logger naming the endpoint and the reason — when the request fails
  (connection, timeout, HTTP status, redirect, size), the answer is not JSON or not that
  shape, or the model proposed facts and not one of them is valid. ``extract`` never
  raises: should the fallback raise too, the content comes back as one plain fact.

ModelEmbedder
  ``embed(texts)`` in batches of at most ``batch_size``, vectors back in input order
  (reordered by the answer's ``index``) and L2-normalised. Any failure raises
  ``EmbedderError``: the request, garbage, a count mismatch, a non-finite number, a zero
  vector, or a dimension other than the first one this embedder saw.
"""

from __future__ import annotations

import http.client
import io
import json
import logging
import math
import os
import re
import socket
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Optional, Union, cast
from urllib.parse import urlsplit

from .._protocol import MAX_TEXT_CHARS, MEMORY_TYPES
from .._version import __version__
from .facts import ATTRIBUTES, USER, ExtractedFact, Extractor, attribute
from .timestamps import as_utc, datetime_to_iso, iso_to_datetime, parse_timestamp

__all__ = [
    "EmbedderError",
    "ModelEmbedder",
    "ModelEndpoint",
    "ModelEndpointError",
    "ModelExtractor",
    "facts_schema",
    "system_prompt",
]

log = logging.getLogger("longmem.server")

DEFAULT_MODEL_TIMEOUT = 30.0  # seconds for one whole exchange
MAX_RESPONSE_BYTES = 4 * 1024 * 1024
_ERROR_BODY_BYTES = 64 * 1024  # read of an error answer, for its error type and code
DEFAULT_EMBED_BATCH = 64  # texts per POST /embeddings
# Below this cosine two texts are unrelated; the server calibrates its gates per embedder.
DEFAULT_SIMILARITY_FLOOR = 0.3
# A model's answer beyond this many facts is cut: one content is at most MAX_TEXT_CHARS.
MAX_FACTS_PER_ANSWER = 100
# A subject is "user" or "<relation>:<Name>"; anything longer is not a name.
MAX_SUBJECT_CHARS = 200
_PATHS = ("/chat/completions", "/embeddings")
_ENV_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


class ModelEndpointError(Exception):
    """A model endpoint gave no usable answer. The message names the reason; never the
    API key, the content sent or the model's words."""


class EmbedderError(ModelEndpointError):
    """``ModelEmbedder.embed`` got no usable vectors; the message names the embedder and
    the reason."""


@dataclass(frozen=True)
class ModelEndpoint:
    """Where a model is served: base URL, model name, the *name* of the environment
    variable holding its API key (None: no key is sent), and the deadline of one request.

    Raises ValueError for a URL that is not http(s) with a host, or that carries
    credentials, a query or a fragment; an empty model; a timeout that is not a positive
    number of seconds.
    """

    url: str
    model: str
    key_env: Optional[str] = None
    timeout: float = DEFAULT_MODEL_TIMEOUT
    max_response_bytes: int = MAX_RESPONSE_BYTES

    def __post_init__(self) -> None:
        object.__setattr__(self, "url", _base_url(self.url))
        if not isinstance(self.model, str) or not self.model.strip():
            raise ValueError("the model name must be a non-empty string")
        object.__setattr__(self, "model", self.model.strip())
        if self.key_env is not None and not (
            isinstance(self.key_env, str) and _ENV_NAME.fullmatch(self.key_env)
        ):
            # Never echoed: a key pasted here by mistake must not reach a terminal or a log.
            raise ValueError(
                "key_env takes the name of an environment variable (such as "
                "OPENAI_API_KEY), not the key itself"
            )
        if not (isinstance(self.timeout, (int, float)) and 0 < self.timeout < math.inf):
            raise ValueError(
                f"the timeout must be a positive number of seconds, got {self.timeout!r}"
            )
        if not (isinstance(self.max_response_bytes, int) and self.max_response_bytes > 0):
            raise ValueError("max_response_bytes must be a positive integer")

    @property
    def host(self) -> str:
        """``host[:port]`` of the URL, lower-cased."""
        return urlsplit(self.url).netloc.lower()

    @property
    def name(self) -> str:
        """``<model>@<host>``: which model, served where."""
        return f"{self.model}@{self.host}"


def _base_url(url: str) -> str:
    if not isinstance(url, str):
        raise ValueError("the endpoint URL must be a string")
    url = url.strip()
    if not url.isascii() or any(char.isspace() or not char.isprintable() for char in url):
        raise ValueError("the endpoint URL must be printable ASCII without spaces")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"the endpoint URL must be http:// or https:// with a host, got {url!r}")
    if "@" in parts.netloc:
        # A password in the URL would be printed and logged with it; keys go in key_env.
        raise ValueError("the endpoint URL must not carry credentials; name a key_env instead")
    if parts.query or parts.fragment:
        raise ValueError("the endpoint URL must not have a query or a fragment")
    try:
        parts.port  # noqa: B018 - raises ValueError for a port out of range
    except ValueError:
        raise ValueError(f"the endpoint URL has an invalid port: {url!r}") from None
    base = url.rstrip("/")
    for path in _PATHS:
        if base.endswith(path):
            base = base[: -len(path)]
    return base


# -- one exchange -------------------------------------------------------------------------


class _DeadlineReader(io.RawIOBase):
    def __init__(self, sock: _DeadlineSocket) -> None:
        self._sock = sock

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        return self._sock.recv_into(buffer)

    def close(self) -> None:
        if not self.closed:
            super().close()
            self._sock.reader_closed()


class _DeadlineSocket:
    """A connected socket whose every send and receive waits only until the deadline.

    Like a socket's own makefile(), an open reader keeps the socket open: http.client
    closes the connection of a response that ends with it before reading its body.
    """

    def __init__(self, sock: socket.socket, deadline: float) -> None:
        self._sock = sock
        self._deadline = deadline
        self._readers = 0
        self._closed = False

    def _arm(self) -> None:
        remaining = self._deadline - time.monotonic()
        if remaining <= 0:
            raise socket.timeout("the deadline has passed")
        self._sock.settimeout(remaining)

    def sendall(self, data: bytes) -> None:
        self._arm()
        self._sock.sendall(data)

    def recv_into(self, buffer: Any) -> int:
        self._arm()
        return self._sock.recv_into(buffer)

    def makefile(self, mode: str = "rb", *args: Any, **kwargs: Any) -> io.BufferedReader:
        self._readers += 1
        return io.BufferedReader(_DeadlineReader(self))

    def reader_closed(self) -> None:
        self._readers -= 1
        self._close_when_unused()

    def close(self) -> None:
        self._closed = True
        self._close_when_unused()

    def _close_when_unused(self) -> None:
        if self._closed and self._readers <= 0:
            self._sock.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._sock, name)


def _api_key(endpoint: ModelEndpoint) -> Optional[str]:
    if endpoint.key_env is None:
        return None
    key = os.environ.get(endpoint.key_env, "").strip()
    if not key:
        raise ModelEndpointError(f"the environment variable {endpoint.key_env} holds no API key")
    if not all(33 <= ord(char) < 127 for char in key):
        # http.client would quote the whole header value in its error.
        raise ModelEndpointError(
            f"the API key in {endpoint.key_env} has characters an HTTP header cannot carry"
        )
    return key


def _loads(data: Union[bytes, str]) -> Any:
    """JSON, or ValueError (a document nested too deep for the parser included)."""
    try:
        return json.loads(data)
    except RecursionError:
        raise ValueError("JSON nested too deep") from None


def _error_code(data: bytes) -> str:
    """`` (type, code)`` from an OpenAI-style error body: short identifiers only, never
    its message, which may quote what was sent."""
    try:
        error = _loads(data).get("error")
    except (ValueError, AttributeError):
        return ""
    if not isinstance(error, dict):
        return ""
    words = [
        str(error[field])
        for field in ("type", "code")
        if isinstance(error.get(field), (str, int))
        and re.fullmatch(r"[\w.\-]{1,64}", str(error[field]))
    ]
    return f" ({', '.join(words)})" if words else ""


def _post_json(endpoint: ModelEndpoint, path: str, payload: dict[str, Any]) -> Any:
    """POST ``payload`` to ``<url><path>`` and return the decoded JSON answer; raises
    ModelEndpointError for anything else."""
    deadline = time.monotonic() + endpoint.timeout
    parts = urlsplit(endpoint.url + path)
    headers = {
        "Content-Type": "application/json",
        "Accept": "application/json",
        "User-Agent": f"longmem-server/{__version__}",
    }
    key = _api_key(endpoint)
    if key is not None:
        headers["Authorization"] = f"Bearer {key}"
    body = json.dumps(payload).encode("utf-8")
    kind = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    # Connecting (and a TLS handshake) waits at most the timeout; after that, every send
    # and receive of the connected socket waits only for what is left of it.
    conn = kind(parts.hostname or "", parts.port, timeout=endpoint.timeout)
    cap = endpoint.max_response_bytes
    try:
        conn.connect()
        conn.sock = cast(socket.socket, _DeadlineSocket(conn.sock, deadline))
        conn.request("POST", parts.path, body=body, headers=headers)
        resp = conn.getresponse()
        status = resp.status
        if 300 <= status < 400:
            raise ModelEndpointError(f"HTTP {status}: redirects are not followed")
        if not 200 <= status < 300:
            raise ModelEndpointError(f"HTTP {status}{_error_code(resp.read(_ERROR_BODY_BYTES))}")
        length = resp.getheader("Content-Length")
        if length and length.strip().isdigit() and int(length) > cap:
            raise ModelEndpointError(f"the answer is larger than {cap} bytes")
        data = resp.read(cap + 1)
        if len(data) > cap:
            raise ModelEndpointError(f"the answer is larger than {cap} bytes")
        if resp.length:  # read(amt) returns what came before the end, without raising
            raise http.client.IncompleteRead(data, resp.length)
    except socket.timeout:
        raise ModelEndpointError(f"no complete answer within {endpoint.timeout:g} s") from None
    except OSError as err:
        if time.monotonic() >= deadline:
            raise ModelEndpointError(f"no complete answer within {endpoint.timeout:g} s") from None
        raise ModelEndpointError(
            f"connection failed: {err.strerror or type(err).__name__}"
        ) from None
    except http.client.HTTPException as err:
        raise ModelEndpointError(f"a broken HTTP answer ({type(err).__name__})") from None
    except ValueError as err:  # http.client refusing to send; its message may quote a header
        raise ModelEndpointError(f"the request could not be sent ({type(err).__name__})") from None
    finally:
        conn.close()
    try:
        return _loads(data)
    except ValueError:
        raise ModelEndpointError("the answer is not JSON") from None


# -- the extractor ------------------------------------------------------------------------


def _label(name: str) -> str:
    return f"{name} ({ATTRIBUTES[name].label.rstrip(', ')})"


def system_prompt() -> str:
    """The extractor's instructions, the attribute list generated from the lexicon."""
    single = ", ".join(_label(n) for n, a in ATTRIBUTES.items() if a.single)
    multi = ", ".join(_label(n) for n, a in ATTRIBUTES.items() if not a.single)
    return (
        "You turn what a user said into memories. Answer with JSON only: "
        '{"facts": [...]}.\n'
        "- One atomic fact per item, third person, about the user or someone in their "
        'life: "User lives in Paris". "I", "we", "our" mean the user.\n'
        '- type: "episode" (something that happened at a time), "preference" (likes, '
        'dislikes), else "fact". statement: the user\'s words the fact comes from.\n'
        '- subject: "user", or a named person tied to the user as "<relation>:<Name>" '
        '("sister:Anna", "manager:Li").\n'
        '- attribute: one of the names below, or "favorite:<thing>", or "date:<event>" '
        '(the day of a plan of the user\'s: "date:exam", "date:flight", "date:dentist '
        'appointment"; value: the day as said, "20 may"); value: its value ("Paris"). '
        "Both null when no attribute fits.\n"
        f"  Single-valued (a new value replaces the old): {single}.\n"
        f"  Multi-valued (values accumulate): {multi}.\n"
        "- negated: true when the user says it is not or no longer true.\n"
        "- valid_from / expires_at: ISO 8601 UTC when the user says when it starts or "
        'stops being true ("since Monday", "until Friday"), resolved against the '
        "observation time given with the message; else null.\n"
        '- Questions, greetings, thanks and chit-chat state nothing: {"facts": []}.'
    )


def facts_schema() -> dict[str, Any]:
    """The JSON schema of the extractor's answer (OpenAI strict structured outputs: every
    property required, no others)."""
    nullable_string = {"type": ["string", "null"]}
    properties: dict[str, Any] = {
        "text": {"type": "string"},
        "type": {"type": "string", "enum": list(MEMORY_TYPES)},
        "statement": {"type": "string"},
        "subject": {"type": "string"},
        "attribute": {
            "anyOf": [
                {"type": "string", "enum": list(ATTRIBUTES)},
                {"type": "string", "pattern": "^favorite:.+$"},
                {"type": "string", "pattern": "^date:.+$"},
                {"type": "null"},
            ]
        },
        "value": nullable_string,
        "negated": {"type": "boolean"},
        "valid_from": nullable_string,
        "expires_at": nullable_string,
    }
    fact = {
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }
    return {
        "type": "object",
        "properties": {"facts": {"type": "array", "items": fact}},
        "required": ["facts"],
        "additionalProperties": False,
    }


_SYSTEM_PROMPT = system_prompt()
_RESPONSE_FORMAT = {
    "type": "json_schema",
    "json_schema": {"name": "facts", "strict": True, "schema": facts_schema()},
}
# A fence's opening: its backticks, a language name, spaces, one newline (what follows is
# found by ``_fenced``, not by a pattern: a lazy run to a closing fence that is not there,
# tried from each length of the name, read the text once per letter).
_FENCE_OPENING = re.compile(r"```[A-Za-z]*[ \t]*\n?")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_NO_SECONDS = re.compile(r"(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2})(Z|[+-]\d{2}:?\d{2})?")


def _moment(value: Any, end_of_day: bool) -> Optional[datetime]:
    """An ISO 8601 timestamp as an aware UTC datetime (naive: UTC; a bare date: its first
    or last second), else None."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    if _DATE.fullmatch(value):
        value += "T23:59:59Z" if end_of_day else "T00:00:00Z"
    short = _NO_SECONDS.fullmatch(value)
    if short:
        value = f"{short.group(1)}:00{short.group(2) or ''}"
    stored = parse_timestamp(value)
    if stored is None:
        return None
    return iso_to_datetime(stored)


def _message_text(answer: Any) -> str:
    """The assistant's words in a chat completion; raises for any other shape."""
    try:
        message = answer["choices"][0]["message"]
        content = message.get("content")
    except (KeyError, IndexError, TypeError, AttributeError):
        raise ModelEndpointError("the answer is not a chat completion") from None
    if isinstance(content, list):  # content parts
        content = "".join(part.get("text", "") for part in content if isinstance(part, dict))
    if not isinstance(content, str) or not content.strip():
        reason = "the model refused" if message.get("refusal") else "the answer has no content"
        raise ModelEndpointError(reason)
    return content


def _fenced(text: str) -> Optional[str]:
    """What the first ``` fence of ``text`` holds, up to the next ```, if one closes it."""
    opening = _FENCE_OPENING.search(text)
    if opening is None:
        return None
    end = text.find("```", opening.end())
    return None if end < 0 else text[opening.end() : end]


def _json_in(text: str) -> Any:
    """JSON as such, in a ``` fence, or from the first ``{`` to the last ``}``."""
    candidates = [text.strip()]
    fence = _fenced(text)
    if fence is not None:
        candidates.append(fence.strip())
    start, end = text.find("{"), text.rfind("}")
    if 0 <= start < end:
        candidates.append(text[start : end + 1])
    for candidate in candidates:
        try:
            return _loads(candidate)
        except ValueError:
            continue
    raise ModelEndpointError("the model's answer is not JSON")


def _subject(value: Any) -> Optional[str]:
    """``user`` or ``<relation>:<Name>`` (relation lower-cased); None if not a subject."""
    if value is None:
        return USER
    if not isinstance(value, str):
        return None
    subject: str = value.strip()
    if not subject or subject.lower() in (USER, "i", "me", "we", "us"):
        return USER
    if len(subject) > MAX_SUBJECT_CHARS:
        return None
    relation, colon, name = subject.partition(":")
    if colon and relation.strip() and name.strip():
        return f"{relation.strip().lower()}:{name.strip()}"
    return subject


def _string(value: Any, limit: int = MAX_TEXT_CHARS) -> Optional[str]:
    if not isinstance(value, str):
        return None
    text: str = value.strip()
    return text if text and len(text) <= limit else None


def _fact(item: Any, content: str) -> Optional[ExtractedFact]:
    """One proposed fact checked, or None if it must be dropped."""
    if not isinstance(item, dict):
        return None
    text = _string(item.get("text"))
    kind = item.get("type")
    subject = _subject(item.get("subject"))
    negated = item.get("negated", False)
    if text is None or kind not in MEMORY_TYPES or subject is None:
        return None
    if not isinstance(negated, bool):
        return None
    name = item.get("attribute")
    key = attribute(name.strip().lower()) if isinstance(name, str) else None
    value = _string(item.get("value"))
    if key is None or value is None:  # a key without a value is no key
        key, value = None, None
    return ExtractedFact(
        text=text,
        type=kind,
        statement=_string(item.get("statement")) or content.strip()[:MAX_TEXT_CHARS],
        subject=subject,
        attribute=None if key is None else key.name,
        value=value,
        negated=negated,
        valid_from=_moment(item.get("valid_from"), end_of_day=False),
        expires_at=_moment(item.get("expires_at"), end_of_day=True),
    )


class ModelExtractor:
    """Facts from an OpenAI-compatible chat-completions endpoint (``POST
    <url>/chat/completions``); when its answer is unusable, ``fallback``'s facts for that
    call, with one WARNING on the ``longmem.server`` logger. Never raises."""

    def __init__(self, endpoint: ModelEndpoint, fallback: Extractor) -> None:
        if not callable(getattr(fallback, "extract", None)):
            raise TypeError("fallback must be an extractor (an object with extract())")
        self.endpoint = endpoint
        self.fallback = fallback

    @property
    def name(self) -> str:
        return self.endpoint.name

    def __repr__(self) -> str:
        return f"ModelExtractor({self.name!r})"

    def request_body(self, content: str, observed_at: datetime) -> dict[str, Any]:
        """The chat-completions request for ``content`` said at ``observed_at``."""
        observed = as_utc(observed_at)
        message = f"Observed at: {datetime_to_iso(observed)} ({observed:%A})\n\n{content}"
        return {
            "model": self.endpoint.model,
            "messages": [
                {"role": "system", "content": _SYSTEM_PROMPT},
                {"role": "user", "content": message},
            ],
            "temperature": 0,
            "response_format": _RESPONSE_FORMAT,
        }

    def extract(self, content: str, observed_at: datetime) -> list[ExtractedFact]:
        """The facts of ``content``: the model's, else the fallback's."""
        observed = as_utc(observed_at)
        if not content.strip():
            return []
        try:
            return self._ask(content, observed)
        except ModelEndpointError as err:
            reason = str(err)
        except Exception as err:  # a bug here must not lose the statement
            reason = f"unexpected {type(err).__name__}"
        log.warning(
            "model extractor %s at %s/chat/completions failed (%s); "
            "the fallback extractor handled this content",
            self.endpoint.model,
            self.endpoint.url,
            reason,
        )
        try:
            return self.fallback.extract(content, observed)
        except Exception as err:
            # Both failed: the words themselves, as one plain memory, rather than nothing.
            log.error("the fallback extractor failed too (%s)", type(err).__name__)
            return [ExtractedFact(text=content.strip()[:MAX_TEXT_CHARS], statement=content)]

    def _ask(self, content: str, observed: datetime) -> list[ExtractedFact]:
        answer = _post_json(
            self.endpoint, "/chat/completions", self.request_body(content, observed)
        )
        data = _json_in(_message_text(answer))
        proposed = data.get("facts") if isinstance(data, dict) else None
        if not isinstance(proposed, list):
            raise ModelEndpointError('the answer is not {"facts": [...]}')
        facts = [
            fact
            for fact in (_fact(item, content) for item in proposed[:MAX_FACTS_PER_ANSWER])
            if fact is not None
        ]
        if proposed and not facts:
            raise ModelEndpointError(f"none of the {len(proposed)} facts it proposed is valid")
        return facts


# -- the embedder -------------------------------------------------------------------------


def _number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise EmbedderError("an embedding holds something other than numbers")
    number = float(value)
    if not math.isfinite(number):
        raise EmbedderError("an embedding holds a non-finite number")
    return number


def _vectors(answer: Any, count: int) -> list[list[float]]:
    """The vectors of an embeddings answer in input order; raises for any other shape."""
    data = answer.get("data") if isinstance(answer, dict) else None
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise EmbedderError('the answer is not {"data": [{"embedding": [...]}, ...]}')
    if len(data) != count:
        raise EmbedderError(f"asked for {count} embeddings, got {len(data)}")
    indexes = [item.get("index") for item in data]
    if all(index is None for index in indexes):
        ordered = data
    elif sorted(i for i in indexes if isinstance(i, int) and not isinstance(i, bool)) == list(
        range(count)
    ):
        ordered = [item for _, item in sorted(zip(indexes, data), key=lambda pair: pair[0])]
    else:
        raise EmbedderError(f"the answer's indexes are not 0..{count - 1}, each once")
    vectors = []
    for item in ordered:
        raw = item.get("embedding")
        if not isinstance(raw, list) or not raw:
            raise EmbedderError("an embedding is not a non-empty list of numbers")
        vector = [_number(value) for value in raw]
        norm = math.hypot(*vector)
        if not 0 < norm < math.inf:
            raise EmbedderError("an embedding has no direction (zero or overflowing length)")
        vectors.append([value / norm for value in vector])
    return vectors


class ModelEmbedder:
    """Vectors from an OpenAI-compatible embeddings endpoint (``POST <url>/embeddings``).

    ``name`` (``<model>@<host>``) is stable for one model at one place: stored beside a
    vector, a change of it says the vector must be made again. ``similarity_floor`` is
    the cosine below which this model's vectors are unrelated. ``dimension`` is None until
    the first vector, then that vector's length, which every later one must have.
    """

    def __init__(
        self,
        endpoint: ModelEndpoint,
        *,
        batch_size: int = DEFAULT_EMBED_BATCH,
        similarity_floor: float = DEFAULT_SIMILARITY_FLOOR,
    ) -> None:
        if not (isinstance(batch_size, int) and batch_size > 0):
            raise ValueError("batch_size must be a positive integer")
        if not (isinstance(similarity_floor, (int, float)) and -1 <= similarity_floor <= 1):
            raise ValueError("similarity_floor must be a cosine, between -1 and 1")
        self.endpoint = endpoint
        self.batch_size = batch_size
        self.similarity_floor = float(similarity_floor)
        self._dimension: Optional[int] = None
        self._lock = threading.Lock()

    @property
    def name(self) -> str:
        return self.endpoint.name

    @property
    def dimension(self) -> Optional[int]:
        return self._dimension

    def __repr__(self) -> str:
        return f"ModelEmbedder({self.name!r})"

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        """One unit-length vector per text, in order (``POST <url>/embeddings``, in
        batches of ``batch_size``). Raises EmbedderError."""
        if isinstance(texts, str):
            raise TypeError("embed() takes a sequence of texts, not one string")
        items = list(texts)
        if not all(isinstance(text, str) for text in items):
            raise TypeError("embed() takes strings")
        out: list[list[float]] = []
        for start in range(0, len(items), self.batch_size):
            out.extend(self._batch(items[start : start + self.batch_size]))
        return out

    def _batch(self, batch: list[str]) -> list[list[float]]:
        try:
            answer = _post_json(
                self.endpoint, "/embeddings", {"model": self.endpoint.model, "input": batch}
            )
            vectors = _vectors(answer, len(batch))
        except ModelEndpointError as err:
            raise EmbedderError(f"embedder {self.name} at {self.endpoint.url}: {err}") from None
        sizes = {len(vector) for vector in vectors}
        with self._lock:
            if self._dimension is None and len(sizes) == 1:
                self._dimension = len(vectors[0])
            if sizes != {self._dimension}:
                found = ", ".join(str(size) for size in sorted(sizes))
                expected = "one" if self._dimension is None else str(self._dimension)
                raise EmbedderError(
                    f"embedder {self.name} at {self.endpoint.url}: vectors of dimension "
                    f"{found}, expected {expected}"
                )
        return vectors
