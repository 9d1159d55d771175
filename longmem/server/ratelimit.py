"""Per-key request budgets: fixed one-minute windows, reported in RateLimit-* headers."""

from __future__ import annotations

import threading
import time
from typing import Optional

DEFAULT_RATE_LIMIT = 100_000  # per key per minute: effectively unlimited, but truthful
WINDOW_SECONDS = 60
# Buckets of windows gone by are dropped once there are more than this many.
_MAX_BUCKETS = 10_000


class RateLimiter:
    """Fixed one-minute windows per bucket (a key id, or the client address for anonymous
    calls)."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._buckets: dict[str, tuple[int, int]] = {}
        self._lock = threading.Lock()

    def hit(self, bucket: str, now: Optional[float] = None) -> tuple[bool, int, int]:
        """Count one request: (allowed, remaining, reset as unix seconds)."""
        now = time.time() if now is None else now
        window = int(now // WINDOW_SECONDS)
        reset = (window + 1) * WINDOW_SECONDS
        with self._lock:
            if len(self._buckets) > _MAX_BUCKETS:
                self._buckets = {k: v for k, v in self._buckets.items() if v[0] == window}
            start, count = self._buckets.get(bucket, (window, 0))
            if start != window:
                count = 0
            if count >= self.limit:
                return False, 0, reset
            count += 1
            self._buckets[bucket] = (window, count)
            return True, self.limit - count, reset

    def peek(self, bucket: str, now: Optional[float] = None) -> tuple[int, int]:
        """(remaining, reset) of a bucket, without counting a request."""
        now = time.time() if now is None else now
        window = int(now // WINDOW_SECONDS)
        with self._lock:
            start, count = self._buckets.get(bucket, (window, 0))
        return self.limit - (count if start == window else 0), (window + 1) * WINDOW_SECONDS
