"""AsyncLongmem end to end against the real local server: every method, many callers at
once without a thread each, and a cancelled write that is stored once when repeated."""

from __future__ import annotations

import asyncio
import contextlib
import threading
from pathlib import Path
from typing import Any

import pytest

from longmem import AsyncLongmem
from longmem.server import LocalServer

from ..drivers import BlockingAsync, dispose
from .conftest import ADMIN_KEY, KEY
from .test_every_method import DOCUMENTED, call_every_method


def test_every_documented_method_works_end_to_end_through_the_async_client(
    local_server: LocalServer, collection: str, tmp_path: Path
) -> None:
    mem = BlockingAsync(api_key=ADMIN_KEY, base_url=local_server.url)
    try:
        called = call_every_method(mem, collection, tmp_path)  # type: ignore[arg-type]
    finally:
        dispose(mem)
    assert called >= DOCUMENTED


def _client_threads(known: set[threading.Thread]) -> list[threading.Thread]:
    """Threads started since `known`, but the local server's own request handlers."""
    return [
        thread
        for thread in threading.enumerate()
        if thread not in known
        and getattr(getattr(thread, "_target", None), "__name__", "") != "process_request_thread"
    ]


def test_a_hundred_concurrent_calls_start_no_thread(
    local_server: LocalServer, collection: str
) -> None:
    known = set(threading.enumerate())

    async def main() -> tuple[list[Any], list[threading.Thread]]:
        started: list[threading.Thread] = []
        async with AsyncLongmem(api_key=KEY, base_url=local_server.url) as mem:
            calls = asyncio.gather(
                *(mem.add(f"note {n}", collection=collection) for n in range(100))
            )
            while not calls.done():  # watch for threads while the calls are in flight
                started.extend(_client_threads(known))
                await asyncio.sleep(0.002)
            stored = await calls
            listed = await mem.list_memories(collection=collection, limit=200)
        return [stored, listed], started

    (stored, listed), started = asyncio.run(main())
    assert sorted(m["text"] for m in stored) == sorted(f"note {n}" for n in range(100))
    assert len(listed) == 100
    assert started == []


def test_concurrent_calls_to_a_host_name_look_it_up_once(
    local_server: LocalServer, collection: str
) -> None:
    # asyncio looks a name up on a worker thread: once per connection, the threads
    # would grow with the calls in flight. One lookup is one worker, at most.
    base_url = local_server.url.replace("127.0.0.1", "localhost")
    assert base_url != local_server.url
    known = set(threading.enumerate())

    async def main() -> tuple[list[Any], set[threading.Thread]]:
        started: set[threading.Thread] = set()
        async with AsyncLongmem(api_key=KEY, base_url=base_url, max_connections=200) as mem:
            for _ in range(2):  # the second burst opens no connection: looks up nothing
                calls = asyncio.gather(*(mem.collections() for n in range(100)))
                while not calls.done():
                    started.update(_client_threads(known))
                    await asyncio.sleep(0.002)
                answers = await calls
            await mem.close()  # the next calls open new connections to the same address
            answers += await asyncio.gather(*(mem.collections() for n in range(100)))
            started.update(_client_threads(known))
        return answers, started

    answers, started = asyncio.run(main())
    assert len(answers) == 200
    assert len(started) <= 1


@pytest.mark.parametrize("after", [0.0, 0.0005, 0.001, 0.002, 0.004, 0.008, 0.016])
def test_a_write_cancelled_in_flight_and_repeated_with_its_key_is_stored_once(
    local_server: LocalServer, collection: str, after: float
) -> None:
    key = "write-" + collection  # keys are the tenant's: one per test

    async def main() -> list[Any]:
        async with AsyncLongmem(api_key=KEY, base_url=local_server.url) as mem:
            write = asyncio.ensure_future(
                mem.add("Alex prefers dark mode", collection=collection, idempotency_key=key)
            )
            await asyncio.sleep(after)  # cancelled before, during or after the exchange
            write.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await write
            await mem.add("Alex prefers dark mode", collection=collection, idempotency_key=key)
            return await mem.list_memories(collection=collection)

    assert [m["text"] for m in asyncio.run(main())] == ["Alex prefers dark mode"]
