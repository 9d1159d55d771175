"""What both clients share below the endpoint definitions: the steps a definition yields,
the client's configuration, and one logical call's retry loop as a state machine.

A definition (`_endpoints`) yields `Call`s, `Sleep`s and `Report`s; a driver (`Longmem`,
`AsyncLongmem`) performs each and sends the answer back. A driver performs a `Call` by
asking `Attempts` what to send, sending it with its transport, and asking `Attempts`
what the outcome means: return, raise, or wait and send again. Every decision lives
here and in `_retry`; a driver only sends and sleeps, each in its own way.
"""

from __future__ import annotations

import json
import os
import sys
import time
from urllib.parse import quote

from . import _validate as check
from ._constants import API_KEY_ENV, BASE_URL_ENV, DEFAULT_BASE_URL
from ._retry import RetryPolicy, decide_retry, parse_retry_after
from ._typing import TYPE_CHECKING
from ._version import __version__
from .errors import (
    InvalidArgumentError,
    LongmemAPIError,
    LongmemConnectionError,
    LongmemError,
    LongmemTimeoutError,
    describe_detail,
    error_class_for,
)

if TYPE_CHECKING:
    import ssl
    from collections.abc import Generator, Mapping
    from typing import Any, Callable, Optional, TypeVar, Union

    from ._transport import Response
    from .errors import BatchProgress

    T = TypeVar("T")
    # What an endpoint definition is: a generator of steps that returns the method's result.
    Steps = Generator[Union["Call", "Sleep", "Report"], Any, T]

USER_AGENT = "longmem-python/{} Python/{}.{}.{}".format(__version__, *sys.version_info[:3])
_INF = float("inf")


class Call:
    """One logical request of an endpoint: the driver answers with the decoded JSON body
    (an object; an object or a list with `listing=True`), or, with `full=True`, with
    (Response, whether an earlier attempt may have reached the server unanswered, the
    path requested as errors name it). A failure is thrown into the definition at its
    `yield`."""

    __slots__ = ("body", "full", "idempotency_key", "listing", "method", "path", "query")

    def __init__(
        self,
        method: str,
        path: str,
        *,
        body: Any = None,
        query: Optional[Mapping[str, Any]] = None,
        idempotency_key: Optional[str] = None,
        full: bool = False,
        listing: bool = False,
    ) -> None:
        self.method = method
        self.path = path
        self.body = body
        self.query = query
        self.idempotency_key = idempotency_key
        self.full = full
        self.listing = listing

    def __repr__(self) -> str:
        return f"Call({self.method!r}, {self.path!r})"


class Sleep:
    """A pause the definition asks for (`wait_for_job`'s polling), through the client's
    `sleep`; the driver answers with None."""

    __slots__ = ("seconds",)

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds

    def __repr__(self) -> str:
        return f"Sleep({self.seconds!r})"


class Report:
    """Progress to hand to the caller's callback (`add_many`'s `on_progress`): the driver
    calls it, `AsyncLongmem` awaiting what it returns when that is awaitable, and answers
    with None. A step rather than a call in the definition, which cannot await."""

    __slots__ = ("callback", "progress")

    def __init__(
        self, callback: Callable[[BatchProgress], object], progress: BatchProgress
    ) -> None:
        self.callback = callback
        self.progress = progress

    def __repr__(self) -> str:
        return f"Report({self.progress!r})"


class ClientBase:
    """The configuration both clients share, checked the same way by both constructors."""

    base_url: str
    # The base URL's path ("" or "/prefix"), which errors show before the route: the
    # driver sets it from its transport.
    _base_path: str = ""
    timeout: float
    total_timeout: Optional[float]
    retry_policy: RetryPolicy
    _headers: dict[str, str]
    _random: Callable[[], float]
    _clock: Callable[[], float]

    def _configure(
        self,
        api_key: Optional[str],
        base_url: Optional[str],
        timeout: float,
        max_retries: int,
        backoff_base: float,
        backoff_cap: float,
        max_retry_after: float,
        total_timeout: Optional[float],
        max_response_bytes: int,
        ca_file: Optional[str],
        ssl_context: Optional[ssl.SSLContext],
        hooks: Mapping[str, Callable[..., Any]],
    ) -> None:
        """Check the constructor's arguments and set the shared attributes; the caller
        builds its transport from `base_url` afterwards."""
        key = api_key if api_key is not None else os.environ.get(API_KEY_ENV)
        if key is not None and not isinstance(key, str):
            raise InvalidArgumentError(f"api_key must be a string, got {type(key).__name__}")
        key = (key or "").strip()  # a key pasted or read from a file often ends in a newline
        if not key:
            raise LongmemError(
                f"no API key: pass api_key=... or set the {API_KEY_ENV} environment variable"
            )
        if not (key.isascii() and key.isprintable()):  # it travels in an HTTP header
            raise InvalidArgumentError("api_key must be a single line of printable ASCII")
        url = base_url if base_url is not None else os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL
        if not isinstance(url, str):
            raise InvalidArgumentError(f"base_url must be a string, got {type(url).__name__}")
        require_positive(timeout, "timeout")
        if total_timeout is not None:
            require_positive(total_timeout, "total_timeout")
        _require_non_negative(backoff_base, "backoff_base")
        _require_non_negative(backoff_cap, "backoff_cap")
        _require_non_negative(max_retry_after, "max_retry_after")
        if isinstance(max_retries, bool) or not isinstance(max_retries, int) or max_retries < 0:
            raise InvalidArgumentError(
                f"max_retries must be a whole number of 0 or more, got {max_retries!r}"
            )
        check.positive_int(max_response_bytes, "max_response_bytes")
        if ca_file is not None and ssl_context is not None:
            raise InvalidArgumentError("pass ca_file or ssl_context, not both")
        for name, hook in hooks.items():
            if not callable(hook):
                raise InvalidArgumentError(f"{name} must be callable, got {type(hook).__name__}")

        self.base_url = url.rstrip("/")
        self.timeout = float(timeout)
        self.total_timeout = None if total_timeout is None else float(total_timeout)
        self.retry_policy = RetryPolicy(
            max_retries, float(backoff_base), float(backoff_cap), float(max_retry_after)
        )
        self._headers = {
            "Authorization": f"Bearer {key}",
            "User-Agent": USER_AGENT,
            "Accept": "application/json",
            "Accept-Encoding": "gzip",
        }
        self._random = hooks["random"]
        self._clock = hooks["clock"]


class Attempts:
    """One logical call's retry loop, as state. A driver runs it as

        attempts = Attempts(client, call)
        while True:
            request = attempts.next()  # outside the try: its own timeout error is final
            try:
                response = transport.request(*request)
            except LongmemConnectionError as exc:
                sleep(attempts.failed(exc))
                continue
            delay = attempts.answered(response)
            if delay is None:
                return attempts.result(response, call)
            sleep(delay)

    `next`, `failed` and `answered` raise the call's final error themselves.
    """

    __slots__ = (
        "_client",
        "data",
        "deadline",
        "headers",
        "method",
        "path",
        "retries",
        "sent",
        "shown",
        "started",
    )

    def __init__(self, client: ClientBase, call: Call) -> None:
        self._client = client
        self.method = call.method
        self.path = call.path + query_string(call.query) if call.query else call.path
        # The path as requested, for errors and logs: a base URL's path (http://host/v1)
        # shows, so a route doubled by it (/v1/v1/memory/...) can be seen.
        self.shown = client._base_path + self.path
        self.data, self.headers = _prepare(
            client._headers, call.method, call.body, call.idempotency_key
        )
        self.started = client._clock()
        budget = client.total_timeout
        self.deadline = None if budget is None else self.started + budget
        self.retries = 0
        self.sent = False  # whether any attempt may have reached the server unanswered

    def next(self) -> tuple[str, str, Optional[bytes], dict[str, str], float, Optional[float]]:
        """The transport's `request` arguments for the next attempt; raises
        LongmemTimeoutError when the call's time budget has run out."""
        client = self._client
        time_left = None if self.deadline is None else self.deadline - client._clock()
        if time_left is not None and time_left <= 0:
            out_of_time = LongmemTimeoutError(
                f"{self.method} {self.shown}: the call's time budget of "
                f"{client.total_timeout:g}s ran out"
            )
            out_of_time.attempts = self.retries
            out_of_time.elapsed = client._clock() - self.started
            raise out_of_time
        debug("%s %s attempt %d", self.method, self.shown, self.retries + 1)
        # The transport bounds every read by the budget, on the real monotonic clock.
        deadline = None if time_left is None else time.monotonic() + time_left
        return self.method, self.path, self.data, self.headers, client.timeout, deadline

    def answered(self, response: Response) -> Optional[float]:
        """None for a 2xx; else the delay before the next attempt, or raises the error."""
        if 200 <= response.status < 300:
            return None
        return self.failed(api_error(response, self.method, self.shown))

    def failed(self, error: Union[LongmemAPIError, LongmemConnectionError]) -> float:
        """The delay before the next attempt after `error`, or raises it, annotated."""
        client = self._client
        if isinstance(error, LongmemConnectionError):
            self.sent = self.sent or error.request_sent
        time_left = None if self.deadline is None else self.deadline - client._clock()
        decision = decide_retry(
            client.retry_policy, error, self.retries, client._random(), time_left
        )
        if decision.reason is not None:
            debug("%s %s %s", self.method, self.shown, decision.reason)
        if decision.delay is None:
            if isinstance(error, LongmemConnectionError):
                error.attempts = self.retries + 1
                error.elapsed = client._clock() - self.started
                if self.sent:
                    # The last attempt never connected, but an earlier one was sent
                    # and not answered: the call's outcome is unknown, not "not sent".
                    error.request_sent = True
            elif self.sent:
                # The answer is about the last attempt only (a 429 or 503 can come
                # before the server looks up the idempotency key): an earlier attempt,
                # sent and never answered, may have been performed.
                error.earlier_attempt_sent = True
            raise error
        self.retries += 1
        return decision.delay

    def result(self, response: Response, call: Call) -> Any:
        """What the definition is sent back for its `call`'s 2xx `response`."""
        if call.full:
            return response, self.sent, self.shown
        return decode(response, self.method, self.shown, call.listing)


def _prepare(
    base_headers: dict[str, str], method: str, body: Any, idempotency_key: Optional[str]
) -> tuple[Optional[bytes], dict[str, str]]:
    """The encoded body and the headers of one logical call, the same on every retry."""
    headers = base_headers.copy()
    data = None
    if body is not None:
        try:
            data = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
        except UnicodeEncodeError:
            raise InvalidArgumentError(
                "the request holds text that is not valid Unicode (unpaired surrogates)"
            ) from None
        except ValueError as exc:  # an integer past Python's int-to-text digit limit
            raise InvalidArgumentError(f"the request cannot be encoded: {exc}") from None
        headers["Content-Type"] = "application/json"
    if method != "GET":
        # One key per logical call, the same on every retry of it, so a retried
        # write the server already performed is replayed instead of repeated.
        headers["Idempotency-Key"] = idempotency_key or os.urandom(16).hex()
    return data, headers


def query_string(query: Mapping[str, Any]) -> str:
    """The query string of the values given (None ones left out): "?a=1&b=2", or "" when
    none is given, so a path never ends in a bare "?"."""
    pairs = [
        f"{name}={quote(_query_value(value), safe='')}"
        for name, value in query.items()
        if value is not None
    ]
    return "?" + "&".join(pairs) if pairs else ""


def _query_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    try:
        return str(value)
    except ValueError as exc:  # an integer past Python's int-to-text digit limit
        raise InvalidArgumentError(f"the request cannot be encoded: {exc}") from None


def decode(response: Response, method: str, path: str, listing: bool = False) -> Any:
    """The JSON body of a 2xx response ({} for none): an object (or, `listing`, a list);
    LongmemError if it is not JSON or not of that shape, so that no endpoint reads a
    field of a number or a list as if it were an object."""
    if response.status == 204 or not response.body:
        return {}
    try:
        data = json.loads(response.body)
    except (ValueError, RecursionError):
        raise LongmemError(
            f"{method} {path}: HTTP {response.status} with a body that is not JSON: "
            f"{_snippet(response.body)}"
        ) from None
    if not isinstance(data, dict) and not (listing and isinstance(data, list)):
        shape = "an object or a list" if listing else "an object"
        raise LongmemError(
            f"{method} {path}: HTTP {response.status} with a JSON body that is not {shape}: "
            f"{_snippet(response.body)}"
        )
    return data


def api_error(response: Response, method: str, path: str) -> LongmemAPIError:
    try:
        body: Any = json.loads(response.body) if response.body else None
    except (ValueError, RecursionError):
        body = response.body.decode("utf-8", "replace")
    fallback = _snippet(response.body) if response.body else "(no body)"
    detail = describe_detail(body, fallback)
    return error_class_for(response.status)(
        response.status,
        detail,
        body=body,
        request_id=response.headers.get("x-request-id"),
        retry_after=parse_retry_after(response.headers, time.time()),
        request_line=f"{method} {path}",
    )


def _snippet(data: bytes, limit: int = 200) -> str:
    text = data.decode("utf-8", "replace").strip()
    return text if len(text) <= limit else text[:limit] + "…"


def _seconds(value: Any) -> Optional[float]:
    """A finite float of a number, or None (bools, NaN, infinities, overflowing ints)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    try:
        number = float(value)
    except OverflowError:
        return None
    return number if -_INF < number < _INF else None


def require_positive(value: Any, name: str) -> None:
    number = _seconds(value)
    if number is None or number <= 0:
        raise InvalidArgumentError(f"{name} must be a positive number of seconds, got {value!r}")


def _require_non_negative(value: Any, name: str) -> None:
    number = _seconds(value)
    if number is None or number < 0:
        raise InvalidArgumentError(f"{name} must be a number of 0 or more, got {value!r}")


_logger: Any = None


def debug(message: str, *args: Any) -> None:
    """Log at DEBUG on the "longmem" logger, without importing logging ourselves.

    If the application never imported logging, no handler can exist to show the line,
    so skipping it is exact, and `import longmem` stays ~6 ms cheaper.
    """
    global _logger
    if _logger is None:
        logging = sys.modules.get("logging")
        if logging is None:
            return
        _logger = logging.getLogger("longmem")
    if _logger.isEnabledFor(10):  # logging.DEBUG
        _logger.debug(message, *args)
