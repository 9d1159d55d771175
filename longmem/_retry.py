"""The retry policy as data plus pure functions: what is retried, and how long to wait.

Nothing here sleeps, reads a clock or touches the network, so every rule is tested
exactly: the client's retry loop asks `decide_retry` after each failed attempt.
"""

from __future__ import annotations

from datetime import timezone
from email.utils import parsedate_to_datetime

from ._constants import BACKOFF_JITTER, RETRYABLE_STATUSES
from ._typing import TYPE_CHECKING
from .errors import LongmemAPIError

if TYPE_CHECKING:
    from typing import Optional, Protocol, Union

    from .errors import LongmemConnectionError

    class Headers(Protocol):
        """What parse_retry_after reads: a case-insensitive `get`, as HTTPMessage has."""

        def get(self, name: str) -> Optional[str]: ...


class RetryPolicy:
    """How many times to retry, how long to back off, and how long a Retry-After may be."""

    __slots__ = (
        "backoff_base",
        "backoff_cap",
        "jitter",
        "max_retries",
        "max_retry_after",
        "retry_statuses",
    )

    def __init__(
        self,
        max_retries: int,
        backoff_base: float,
        backoff_cap: float,
        max_retry_after: float,
        jitter: float = BACKOFF_JITTER,
        retry_statuses: frozenset[int] = RETRYABLE_STATUSES,
    ) -> None:
        self.max_retries = max_retries
        self.backoff_base = backoff_base
        self.backoff_cap = backoff_cap
        self.max_retry_after = max_retry_after
        self.jitter = jitter
        self.retry_statuses = retry_statuses

    def __repr__(self) -> str:
        return (
            f"RetryPolicy(max_retries={self.max_retries}, backoff_base={self.backoff_base}, "
            f"backoff_cap={self.backoff_cap}, max_retry_after={self.max_retry_after})"
        )


class RetryDecision:
    """What to do after a failed attempt: wait `delay` seconds and retry, or raise now.

    `delay` is None for "raise the error now". `reason` is the DEBUG log line's text
    after the request line; it is None when the error is one the policy never retries
    (a 4xx other than 429): nothing was weighed, so nothing is logged.
    """

    __slots__ = ("delay", "reason")

    def __init__(self, delay: Optional[float], reason: Optional[str]) -> None:
        self.delay = delay
        self.reason = reason

    def __repr__(self) -> str:
        return f"RetryDecision(delay={self.delay!r}, reason={self.reason!r})"


def decide_retry(
    policy: RetryPolicy,
    error: Union[LongmemAPIError, LongmemConnectionError],
    retries: int,
    rand: float,
    time_left: Optional[float],
) -> RetryDecision:
    """Whether, and after how long, to retry a call whose latest attempt failed with `error`.

    An API error is retried when its status is one of the policy's `retry_statuses`; a
    connection error (no HTTP answer) is unless it is not `retryable` (no retry can fix
    it), since every write carries an idempotency key. `retries` is how many retries the
    call has made so far, `rand` a number in [0, 1) for the backoff's jitter, and
    `time_left` the seconds left of the call's time budget (None: no budget). In order:
    no retries left, a Retry-After above `max_retry_after`, or a wait that would reach
    the end of the budget each mean "raise now"; otherwise wait the Retry-After if the
    server sent one, else the backoff.
    """
    retry_after = None
    if isinstance(error, LongmemAPIError):
        if error.status not in policy.retry_statuses:
            return RetryDecision(None, None)
        retry_after = error.retry_after
    elif not error.retryable:
        return RetryDecision(None, None)
    if retries >= policy.max_retries:
        return RetryDecision(None, f"giving up after {retries} retries: {error}")
    if retry_after is not None and retry_after > policy.max_retry_after:
        return RetryDecision(
            None,
            f"not retrying: Retry-After {retry_after:.3f}s exceeds the "
            f"{policy.max_retry_after:.3f}s ceiling",
        )
    delay = retry_after if retry_after is not None else backoff_delay(policy, retries, rand)
    if time_left is not None and delay >= time_left:
        return RetryDecision(None, f"not retrying: a {delay:.3f}s wait would pass the time budget")
    return RetryDecision(delay, f"retrying in {delay:.3f}s after: {error}")


def backoff_delay(policy: RetryPolicy, retry_number: int, rand: float) -> float:
    """Delay before retry `retry_number` (0 for the first retry), given rand in [0, 1).

    min(cap, base * 2**n), reduced by up to `jitter` of itself: never above the cap.
    """
    # Cap the exponent so a huge retry count cannot overflow the float.
    delay = min(policy.backoff_cap, policy.backoff_base * 2.0 ** min(retry_number, 62))
    return delay * (1.0 - policy.jitter * rand)


def parse_retry_after(headers: Headers, now: float) -> Optional[float]:
    """Seconds the server asked us to wait, or None when it did not say (or said nonsense).

    `headers.get` must be case-insensitive, as HTTPMessage's is. `retry-after-ms` wins,
    then `Retry-After` as seconds, then as an HTTP-date relative to `now` (unix
    seconds). Negative → 0.
    """
    ms = headers.get("retry-after-ms")
    if ms is not None:
        value = _to_float(ms)
        if value is not None:
            return max(0.0, value / 1000.0)
    raw = headers.get("retry-after")
    if raw is None:
        return None
    value = _to_float(raw)
    if value is not None:
        return max(0.0, value)
    try:
        when = parsedate_to_datetime(raw.strip())
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:  # "-0000" means UTC with no zone information
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, when.timestamp() - now)


def _to_float(text: str) -> Optional[float]:
    try:
        value = float(text.strip())
    except ValueError:
        return None
    # float() accepts "nan" and "inf"; neither is a delay.
    if value != value or value in (float("inf"), float("-inf")):
        return None
    return value
