"""The exception tree. Every failure the SDK raises is a `LongmemError`."""

from __future__ import annotations

from ._typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any, Callable, Optional


class LongmemError(Exception):
    """Root of every error the SDK raises: configuration, arguments, network, API."""

    #: Set on the error `add_many` raises when a chunk finally fails: what was
    #: already created before it, so the caller can resume without duplicates.
    progress: Optional[BatchProgress] = None


class InvalidArgumentError(LongmemError, ValueError):
    """An argument was rejected before anything was sent; the message says which and why."""


class LongmemConnectionError(LongmemError):
    """The request did not get an HTTP response: refused, reset, DNS, TLS or proxy failure.

    `request_sent` is False when the request never reached the server (always safe to
    repeat), True when its outcome is unknown: for a call that was retried, True when
    any of its attempts was sent and not answered, whatever the last one met.
    `retryable` is False for a failure no retry can fix (an https:// URL for a plain-HTTP
    server, a certificate that cannot be verified). When the call gives up, `attempts`
    and `elapsed` (seconds) say how many attempts it made and over how long, and the
    message ends with them.
    """

    def __init__(self, message: str, *, request_sent: bool = True, retryable: bool = True) -> None:
        super().__init__(message)
        self.request_sent = request_sent
        self.retryable = retryable
        self.attempts: Optional[int] = None
        self.elapsed: Optional[float] = None

    def __str__(self) -> str:
        message = super().__str__()
        if self.attempts is None or self.elapsed is None:
            return message
        tries = "1 attempt" if self.attempts == 1 else f"{self.attempts} attempts"
        return f"{message} ({tries} over {self.elapsed:.1f} s)"


class LongmemTimeoutError(LongmemConnectionError):
    """The server did not answer within the timeout or the call's time budget."""


class ResponseTooLargeError(LongmemError):
    """The server's answer was larger than `max_response_bytes` (decompressed size
    included). Not retried: the same request would get the same answer."""


class LongmemAPIError(LongmemError):
    """The server answered with a non-2xx status.

    The answer is about the call's last attempt. `earlier_attempt_sent` is True when an
    earlier attempt of a retried call was sent and never answered (a dropped connection,
    a timeout): the server may have performed the call all the same.
    """

    def __init__(
        self,
        status: int,
        detail: str,
        *,
        body: Any = None,
        request_id: Optional[str] = None,
        retry_after: Optional[float] = None,
        request_line: Optional[str] = None,
    ) -> None:
        self.status = status
        self.detail = detail
        self.body = body
        self.request_id = request_id
        self.retry_after = retry_after
        self.earlier_attempt_sent = False
        self._request_line = request_line
        context = [
            part for part in (request_line, request_id and f"request id {request_id}") if part
        ]
        text = f"HTTP {status}: {detail}"
        if context:
            text += f" ({'; '.join(context)})"
        super().__init__(text)


class BadRequestError(LongmemAPIError):
    """400: the server could not read the request."""


class AuthenticationError(LongmemAPIError):
    """401: the API key is missing, unknown or expired."""


class PermissionDeniedError(LongmemAPIError):
    """403: the key may not do this (a read-only key writing, a non-admin key on an admin route)."""


class NotFoundError(LongmemAPIError):
    """404: the collection, memory, job or connection does not exist."""


class ConflictError(LongmemAPIError):
    """409: the resource exists already, or an Idempotency-Key was reused for another request."""


class UnprocessableEntityError(LongmemAPIError):
    """422: the server rejected the request's fields; `detail` lists each problem."""


class RateLimitError(LongmemAPIError):
    """429: too many requests; `retry_after` says how long the server asked to wait."""


class ServerError(LongmemAPIError):
    """5xx: the server failed."""


class BatchProgress:
    """How far `add_many` got: the memories it has confirmed, and how to finish.

    `created` and `ids` count the confirmed memories; `next_index` is the position in
    the caller's items of the first item not confirmed. `in_doubt` counts the items
    from `next_index` on that were sent and never answered (a dropped connection, a
    timeout): the server may have stored them. `idempotency_key` is the key the call's
    chunk keys derive from (the caller's, or one minted for the call).

    The resume that cannot store anything twice is the same call repeated with
    `idempotency_key=progress.idempotency_key`: the server answers the chunks it stored
    from its record (for 24 hours), and stores the others once. When `in_doubt` is 0,
    `add_many(items[progress.next_index:])` resumes too. `add_many` passes one to its
    `on_progress` callback after each confirmed chunk, and sets one as `.progress` on
    the error it raises when a chunk finally fails. Read-only: nobody needs to change it.
    """

    __slots__ = ("_count", "_created", "_idempotency_key", "_ids", "_in_doubt", "_next_index")

    def __init__(
        self,
        created: int,
        ids: list[str],
        next_index: int,
        in_doubt: int = 0,
        idempotency_key: Optional[str] = None,
    ) -> None:
        self._created = created
        # add_many only ever appends to `ids`: keeping the list and its length now, not
        # a copy, makes a report per chunk cost nothing, and `.ids` still shows the
        # confirmed ids of this moment.
        self._ids = ids
        self._count = len(ids)
        self._next_index = next_index
        self._in_doubt = in_doubt
        self._idempotency_key = idempotency_key

    @property
    def created(self) -> int:
        """How many memories were confirmed."""
        return self._created

    @property
    def ids(self) -> list[str]:
        """The confirmed memories' ids, in the items' order (a new list on every read)."""
        return self._ids[: self._count]

    @property
    def next_index(self) -> int:
        """The position in the caller's items of the first item not confirmed."""
        return self._next_index

    @property
    def in_doubt(self) -> int:
        """How many items from `next_index` on were sent unanswered: maybe stored."""
        return self._in_doubt

    @property
    def idempotency_key(self) -> Optional[str]:
        """The key to repeat the call with so that nothing is stored twice."""
        return self._idempotency_key

    def __repr__(self) -> str:
        return (
            f"BatchProgress(created={self.created}, next_index={self.next_index}, "
            f"in_doubt={self.in_doubt})"
        )


_BY_STATUS: dict[int, type[LongmemAPIError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def error_class_for(status: int) -> type[LongmemAPIError]:
    """The most specific error class for an HTTP status."""
    if status >= 500:
        return ServerError
    return _BY_STATUS.get(status, LongmemAPIError)


def maybe_performed(error: BaseException) -> bool:
    """Whether the write that ended with `error` may have been done all the same."""
    if isinstance(error, LongmemConnectionError):
        return error.request_sent
    if isinstance(error, LongmemAPIError):
        # A non-2xx answer says its attempt was not done (a retry under the same key
        # would have been answered with the first success), but not that an earlier,
        # unanswered attempt was not.
        return error.earlier_attempt_sent
    # A bad argument was never sent. Anything else (a 2xx answer the client could not
    # read, Ctrl-C during the call) may have been done.
    return not isinstance(error, InvalidArgumentError)


def no_such_route(error: NotFoundError) -> bool:
    """Whether a 404 says the path has no route at all, rather than that a collection,
    memory or job does not exist: the protocol's no-route answer `{"detail": "Not
    Found"}`, or a body that is not the protocol's `{"detail": "<message>"}` (another
    server's page). Then the base URL points at the wrong place, and no call can work:
    a read must not pass it off as an empty collection."""
    detail = error.body.get("detail") if isinstance(error.body, dict) else None
    return not isinstance(detail, str) or detail == "Not Found"


def describe_detail(
    body: Any, fallback: str, name_loc: Optional[Callable[[list[Any]], Optional[str]]] = None
) -> str:
    """Make a readable message of an error body: a string detail, or FastAPI's 422 list.

    A 422 item's location is shown dotted (`body.memories.1.text`), or as `name_loc`
    names it when it returns a name for it.
    """
    detail = body.get("detail") if isinstance(body, dict) else None
    if isinstance(detail, str) and detail:
        return detail
    if isinstance(detail, list) and detail:
        parts = []
        for item in detail:
            if isinstance(item, dict):
                loc = item.get("loc")
                where = ".".join(str(p) for p in loc) if isinstance(loc, list) else ""
                if name_loc is not None and isinstance(loc, list):
                    where = name_loc(loc) or where
                msg = str(item.get("msg", item))
                parts.append(f"{where}: {msg}" if where else msg)
            else:
                parts.append(str(item))
        return "; ".join(parts)
    return fallback


def item_index(loc: list[Any], sequence: str) -> Optional[int]:
    """K of a 422 location `body.<sequence>.K…` (the K-th item of the request's list
    `sequence`); None for any other location."""
    if loc[:2] != ["body", sequence] or len(loc) < 3 or type(loc[2]) is not int:
        return None
    return int(loc[2])


def with_locations(
    error: LongmemAPIError, name_loc: Callable[[list[Any]], Optional[str]]
) -> LongmemAPIError:
    """The same error with its 422 locations named by `name_loc` (see `describe_detail`),
    e.g. an input's line for `body.memories.3`; the error itself when nothing changes."""
    detail = describe_detail(error.body, error.detail, name_loc)
    if detail == error.detail:
        return error
    renamed = type(error)(
        error.status,
        detail,
        body=error.body,
        request_id=error.request_id,
        retry_after=error.retry_after,
        request_line=error._request_line,
    )
    renamed.progress = error.progress
    renamed.earlier_attempt_sent = error.earlier_attempt_sent
    return renamed
