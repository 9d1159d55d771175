"""The retry policy as data plus pure functions: what is retried, and how long to wait.

Nothing here sleeps or touches the network, so every rule is tested exactly.
"""

from __future__ import annotations

from datetime import timezone
from email.utils import parsedate_to_datetime

from ._constants import BACKOFF_JITTER, RETRYABLE_STATUSES
from ._typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Optional, Protocol

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
