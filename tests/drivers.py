"""Both clients behind one blocking face, so one table of tests drives `Longmem` and
`AsyncLongmem` against the same scripted and local servers.

`AsyncLongmem` runs on i14-transport's `longmem._async_transport.AsyncTransport`. Where
that module is not installed yet, a stand-in that runs the blocking transport on one
worker thread per client takes its place, in these tests only: the driver (definitions,
retry loop, key minting, error mapping) is then tested, the asyncio I/O is not, and the
tests that need real asyncio I/O (`requires_async_transport`) skip saying why.
"""

from __future__ import annotations

import asyncio
import importlib.util
import sys
import threading
import types
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Optional

import pytest

from longmem._transport import Response, Transport

REAL_ASYNC_TRANSPORT = importlib.util.find_spec("longmem._async_transport") is not None
requires_async_transport = pytest.mark.skipif(
    not REAL_ASYNC_TRANSPORT,
    reason="needs the asyncio transport, longmem/_async_transport.py, from branch i14-transport",
)
DRIVERS = ["sync", "async"]


class _StandInAsyncTransport:
    """The blocking transport on one worker thread: the interface, not the I/O."""

    def __init__(self, base_url: str, **kwargs: Any) -> None:
        self._transport = Transport(base_url, **kwargs)
        self._worker = ThreadPoolExecutor(max_workers=1)

    async def request(
        self,
        method: str,
        path: str,
        data: Optional[bytes],
        headers: dict[str, str],
        timeout: float,
        deadline: Optional[float],
    ) -> Response:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(
            self._worker, self._transport.request, method, path, data, headers, timeout, deadline
        )

    async def close(self) -> None:
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(self._worker, self._transport.close)


if not REAL_ASYNC_TRANSPORT:
    _module = types.ModuleType("longmem._async_transport")
    _module.AsyncTransport = _StandInAsyncTransport  # type: ignore[attr-defined]
    sys.modules["longmem._async_transport"] = _module


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
