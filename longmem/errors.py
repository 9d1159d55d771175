"""The exception tree. Every failure the SDK raises is a `LongmemError`."""

from __future__ import annotations

from ._typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any, Optional


class LongmemError(Exception):
    """Root of every error the SDK raises: configuration, arguments, network, API."""

    #: Set on the error `add_many` raises when a chunk finally fails: what was
    #: already created before it, so the caller can resume without duplicates.
    progress: Optional[BatchProgress] = None


class InvalidArgumentError(LongmemError, ValueError):
    """An argument was rejected before anything was sent; the message says which and why."""


class LongmemConnectionError(LongmemError):
    """The request did not get an HTTP response: refused, reset, DNS, TLS or proxy failure.

    `request_sent` is False when the failure happened before the request reached the
    server (always safe to repeat), True when its outcome is unknown.
    """

    def __init__(self, message: str, *, request_sent: bool = True) -> None:
        super().__init__(message)
        self.request_sent = request_sent


class LongmemTimeoutError(LongmemConnectionError):
    """The server did not answer within the timeout or the call's time budget."""


class LongmemAPIError(LongmemError):
    """The server answered with a non-2xx status."""

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
    """What `add_many` had created when a chunk finally failed.

    `created` and `ids` count the confirmed memories; `next_index` is the position in
    the caller's items of the first item not confirmed, so
    `add_many(items[e.progress.next_index:])` resumes.
    """

    __slots__ = ("created", "ids", "next_index")

    def __init__(self, created: int, ids: list[str], next_index: int) -> None:
        self.created = created
        self.ids = ids
        self.next_index = next_index

    def __repr__(self) -> str:
        return f"BatchProgress(created={self.created}, next_index={self.next_index})"


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


def describe_detail(body: Any, fallback: str) -> str:
    """Make a readable message of an error body: a string detail, or FastAPI's 422 list."""
    detail = body.get("detail") if isinstance(body, dict) else None
    if isinstance(detail, str) and detail:
        return detail
    if isinstance(detail, list) and detail:
        parts = []
        for item in detail:
            if isinstance(item, dict):
                loc = item.get("loc")
                where = ".".join(str(p) for p in loc) if isinstance(loc, list) else ""
                msg = str(item.get("msg", item))
                parts.append(f"{where}: {msg}" if where else msg)
            else:
                parts.append(str(item))
        return "; ".join(parts)
    return fallback
