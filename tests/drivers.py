"""Both clients behind one blocking face, so one table of tests drives `Longmem` and
`AsyncLongmem` against the same scripted and local servers. The async one is always the
real thing: its asyncio transport, on an event loop of its own.
"""

from __future__ import annotations

import asyncio
import threading
from typing import Any

DRIVERS = ["sync", "async"]


class BlockingAsync:
    """An `AsyncLongmem` with `Longmem`'s blocking face: every coroutine method runs on the
    client's own event loop, in a thread of its own, and its result or error comes back."""

    def __init__(self, **kwargs: Any) -> None:
        from longmem import AsyncLongmem

        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._thread.start()

        async def make() -> Any:  # built on its loop, as an application would
            return AsyncLongmem(**kwargs)

        try:
            self._client = self._wait(make())
        except BaseException:
            self.shutdown()
            raise

    def _wait(self, coroutine: Any) -> Any:
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result()

    def __getattr__(self, name: str) -> Any:
        attribute = getattr(self._client, name)
        if not asyncio.iscoroutinefunction(attribute):
            return attribute

        def blocking(*args: Any, **kwargs: Any) -> Any:
            return self._wait(attribute(*args, **kwargs))

        return blocking

    def shutdown(self) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join()
        self._loop.close()


def make(driver: str, **kwargs: Any) -> Any:
    """A client of `driver` ("sync" or "async") with Longmem's blocking face."""
    if driver == "sync":
        from longmem import Longmem

        return Longmem(**kwargs)
    return BlockingAsync(**kwargs)


def dispose(client: Any) -> None:
    """Close a client `make` built (and stop its event loop, for an async one)."""
    client.close()
    if isinstance(client, BlockingAsync):
        client.shutdown()
