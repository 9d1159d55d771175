"""Question 2b: AsyncLongmem with 1, 10 and 100 concurrent callers, and event-loop lag.

Calls per second of `AsyncLongmem.collections()` against the fixed reply server of Q2
(bench/_replyserver.py, its own process), with N callers at once on one event loop, side
by side with `httpx.AsyncClient` and `aiohttp.ClientSession` sending the same GET with
the same headers and decoding the same JSON. Interleaved rounds, order rotated each
round, medians. Then the event loop's lag — how late a 10 ms `asyncio.sleep` wakes — while
one request waits on a server that accepts and never answers: for each async client, and
for the blocking `Longmem` called from a coroutine, the mistake async clients exist for.

    python bench/async_concurrency.py [--quick] [--rounds N] [--seconds S]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import socket
import sys
import threading
import time
from collections import defaultdict
from collections.abc import Awaitable
from typing import Any, Callable

import _common as common
import aiohttp
import httpx
from call_overhead import GET_PATH, HEADERS, reply_server

from longmem import AsyncLongmem, Longmem

CONCURRENCY = (1, 10, 100)
Get = Callable[[], Awaitable[Any]]


async def run_batch(get: Get, callers: int, seconds: float) -> float:
    """`callers` tasks calling `get` until `seconds` have passed; calls per second."""
    done = 0
    stop = time.perf_counter() + seconds

    async def caller() -> None:
        nonlocal done
        while time.perf_counter() < stop:
            await get()
            done += 1

    started = time.perf_counter()
    await asyncio.gather(*(caller() for _ in range(callers)))
    return done / (time.perf_counter() - started)


async def throughput(
    base_url: str, rounds: int, seconds: float
) -> dict[tuple[str, int], list[float]]:
    sdk = AsyncLongmem(api_key=common.API_KEY, base_url=base_url)
    hx = httpx.AsyncClient(base_url=base_url, headers=HEADERS, timeout=30)
    session = aiohttp.ClientSession(base_url, headers=HEADERS)

    async def via_httpx() -> Any:
        return (await hx.get(GET_PATH)).json()

    async def via_aiohttp() -> Any:
        async with session.get(GET_PATH) as response:
            return await response.json()

    contenders: list[tuple[str, Get]] = [
        ("AsyncLongmem", sdk.collections),
        ("httpx.AsyncClient", via_httpx),
        ("aiohttp.ClientSession", via_aiohttp),
    ]
    rates: dict[tuple[str, int], list[float]] = defaultdict(list)
    try:
        for _, get in contenders:  # warm up: connections open, code paths hot
            await run_batch(get, max(CONCURRENCY), seconds)
        for number in range(rounds):
            shift = number % len(contenders)
            for name, get in contenders[shift:] + contenders[:shift]:
                for callers in CONCURRENCY:
                    rates[(name, callers)].append(await run_batch(get, callers, seconds))
    finally:
        await sdk.close()
        await hx.aclose()
        await session.close()
    return rates


class SilentServer:
    """Accepts connections and reads them, never answering: a stalled request."""

    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.held: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            self.held.append(conn)

    def close(self) -> None:
        self.listener.close()
        for conn in self.held:
            conn.close()


async def lag_while_stalled(start: Callable[[], Awaitable[Any]], ticks: int) -> list[float]:
    """How late each of `ticks` 10 ms sleeps wakes while `start()` waits on no answer."""
    lags = []
    pending = asyncio.ensure_future(start())  # it begins during the first tick
    for _ in range(ticks):
        before = time.perf_counter()
        await asyncio.sleep(0.01)
        lags.append(time.perf_counter() - before - 0.01)
    pending.cancel()
    # Cancelled, or the blocking call's own timeout error: either way it is over.
    with contextlib.suppress(BaseException):
        await pending
    return lags


async def lags(ticks: int) -> dict[str, list[float]]:
    silent = SilentServer()
    url = f"http://127.0.0.1:{silent.port}"
    sdk = AsyncLongmem(api_key=common.API_KEY, base_url=url, max_retries=0, timeout=5)
    blocking = Longmem(api_key=common.API_KEY, base_url=url, max_retries=0, timeout=0.5)
    hx = httpx.AsyncClient(base_url=url, headers=HEADERS, timeout=5)
    session = aiohttp.ClientSession(url, headers=HEADERS)

    async def via_aiohttp() -> Any:
        async with session.get(GET_PATH) as response:
            return await response.json()

    async def via_blocking() -> Any:
        return blocking.collections()  # blocks the loop: what not to do

    found: dict[str, list[float]] = {}
    try:
        found["AsyncLongmem"] = await lag_while_stalled(sdk.collections, ticks)
        found["httpx.AsyncClient"] = await lag_while_stalled(lambda: hx.get(GET_PATH), ticks)
        found["aiohttp.ClientSession"] = await lag_while_stalled(via_aiohttp, ticks)
        found["Longmem (blocking) in a coroutine, timeout=0.5"] = await lag_while_stalled(
            via_blocking, ticks
        )
    finally:
        await sdk.close()
        blocking.close()
        await hx.aclose()
        await session.close()
        silent.close()
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a fast smoke run")
    parser.add_argument("--rounds", type=int, default=None)
    parser.add_argument("--seconds", type=float, default=None, help="per cell per round")
    args = parser.parse_args()
    rounds = args.rounds or (3 if args.quick else 21)
    seconds = args.seconds or (0.05 if args.quick else 0.2)
    ticks = 20 if args.quick else 100

    common.header("AsyncLongmem under concurrency (question 2b)", sys.argv)
    print(
        f"{rounds} interleaved rounds of {seconds * 1000:g} ms per cell; GET {GET_PATH}; "
        f"aiohttp {aiohttp.__version__}, httpx {httpx.__version__}.\n"
    )
    with reply_server(None) as port:
        rates = asyncio.run(throughput(f"http://127.0.0.1:{port}", rounds, seconds))
    rows = []
    for name in ("AsyncLongmem", "httpx.AsyncClient", "aiohttp.ClientSession"):
        row: list[object] = [f"**{name}**" if name == "AsyncLongmem" else name]
        for callers in CONCURRENCY:
            mine = common.median(rates[("AsyncLongmem", callers)])
            theirs = common.median(rates[(name, callers)])
            row += [f"{theirs:,.0f}", f"{mine / theirs:.2f}×"]
        rows.append(row)
    headers = ["client"]
    for callers in CONCURRENCY:
        headers += [f"{callers} caller{'s' if callers > 1 else ''}: calls/s", "AsyncLongmem ÷"]
    print(common.table(headers, rows))
    print()

    found = asyncio.run(lags(ticks))
    print(f"Event-loop lag over {ticks} ticks of `asyncio.sleep(0.01)` while one GET stalls:\n")
    lag_rows = [
        [
            name,
            f"{common.median(values) * 1000:.2f}",
            f"{common.percentile(values, 99) * 1000:.2f}",
            f"{max(values) * 1000:.1f}",
        ]
        for name, values in found.items()
    ]
    print(common.table(["client", "lag p50 ms", "lag p99 ms", "lag max ms"], lag_rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
