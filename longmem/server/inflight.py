"""One run at a time per key, its outcome shared by every caller that asks meanwhile."""

from __future__ import annotations

import threading
from collections.abc import Hashable
from typing import Any, Callable, Optional


class _Run:
    def __init__(self) -> None:
        self.done = threading.Event()
        self.callers = 1
        self.result: Any = None
        self.error: Optional[BaseException] = None


class InFlight:
    """Runs ``fn`` for a key unless a run for that key is under way: a caller arriving
    meanwhile waits for that run and gets its result, or its exception. A caller arriving
    after it finished starts a new run."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._runs: dict[Hashable, _Run] = {}

    def run(self, key: Hashable, fn: Callable[[], Any]) -> Any:
        with self._lock:
            run = self._runs.get(key)
            leader = run is None
            if run is None:
                run = self._runs[key] = _Run()
            else:
                run.callers += 1
        if not leader:
            run.done.wait()
            if run.error is not None:
                raise run.error
            return run.result
        try:
            run.result = fn()
        except BaseException as exc:
            run.error = exc
            raise
        finally:
            with self._lock:
                del self._runs[key]
            run.done.set()
        return run.result

    def callers(self, key: Hashable) -> int:
        """How many callers the run under way for ``key`` answers (0: none under way)."""
        with self._lock:
            run = self._runs.get(key)
            return 0 if run is None else run.callers
