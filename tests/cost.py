"""What a call costs, for the tests that check that a cost grows no faster than the
input: the least CPU time of this thread over a few calls, so that another process's
load counts little. The tests compare two sizes (a ratio holds on a slow machine as on a
fast one; a limit in seconds does not)."""

from __future__ import annotations

import time
from typing import Callable


def least_cpu(call: Callable[[], object], times: int = 3) -> float:
    """The least CPU seconds of this thread that one of ``times`` calls of ``call`` took."""
    best = float("inf")
    for _ in range(times):
        started = time.thread_time()
        call()
        best = min(best, time.thread_time() - started)
    return best
