"""Question 3: bulk ingest, ``add_many`` of 10,000 memories into the local server.

The server runs in its own process (``python -m longmem serve`` on a fresh SQLite file
per round, on the local disk). Each round times, end to end from the client,
``add_many(10,000 varied sentences)`` (100 chunks of 100) and, interleaved with it for
scale, ``add()`` one memory at a time. Reported: medians over the rounds of memories/s,
and where the CPU went (client process vs server process).

    python bench/ingest.py [--quick] [--rounds N] [--count N] [--singles N]
"""

from __future__ import annotations

import argparse
import sys
import time
from typing import Callable

import _common as common

from longmem import Longmem

TARGET = 2000.0  # memories/s


def ingest_round(
    texts: list[str], singles: int, order: int
) -> dict[str, tuple[float, float, float]]:
    """One fresh server; {name: (memories/s, client CPU µs/memory, server CPU µs/memory)}."""
    out: dict[str, tuple[float, float, float]] = {}
    with common.ServerProcess() as server:
        client = Longmem(api_key=common.API_KEY, base_url=server.url, timeout=120)
        client.collections()  # open the connection and warm both sides once

        def bulk() -> int:
            result = client.add_many(texts, collection="bulk")
            return int(result["created"])

        def one_by_one() -> int:
            for text in texts[:singles]:
                client.add(text, collection="single")
            return singles

        jobs: list[tuple[str, Callable[[], int]]] = [
            (f"add_many({len(texts):,})", bulk),
            (f"add() × {singles:,}", one_by_one),
        ]
        if order % 2:
            jobs.reverse()
        for name, job in jobs:
            server_cpu0 = common.proc_cpu_seconds(server.pid)
            cpu0 = time.process_time()
            start = time.perf_counter()
            created = job()
            wall = time.perf_counter() - start
            cpu = time.process_time() - cpu0
            server_cpu = common.proc_cpu_seconds(server.pid) - server_cpu0
            out[name] = (created / wall, cpu / created * 1e6, server_cpu / created * 1e6)
        counts = {c["name"]: c.get("memory_count") for c in client.collections()}
        expected = {"bulk": len(texts), "single": singles}
        for name, count in expected.items():
            if counts.get(name) != count:
                raise RuntimeError(f"collection {name} holds {counts.get(name)}, not {count}")
        client.close()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a fast smoke run")
    parser.add_argument("--rounds", type=int, default=None)
    parser.add_argument("--count", type=int, default=None, help="memories per add_many")
    parser.add_argument("--singles", type=int, default=None, help="memories added one by one")
    args = parser.parse_args()
    rounds = args.rounds or (2 if args.quick else 5)
    count = args.count or (1000 if args.quick else 10_000)
    singles = args.singles or (200 if args.quick else 1000)

    common.header("Bulk ingest (question 3)", sys.argv)
    texts = common.sentences(count, seed=3)
    results: dict[str, list[tuple[float, float, float]]] = {}
    for index in range(rounds):
        for name, value in ingest_round(texts, singles, index).items():
            results.setdefault(name, []).append(value)

    rows = []
    for name, values in results.items():
        rate = common.median([v[0] for v in values])
        rows.append(
            [
                name,
                f"{rate:,.0f}",
                f"{common.median([v[1] for v in values]):,.0f}",
                f"{common.median([v[2] for v in values]):,.0f}",
                ", ".join(f"{v[0]:,.0f}" for v in values),
            ]
        )
    print(
        f"Median of {rounds} rounds, each on a fresh server process and database; "
        "the two ways interleaved (order alternates).\n"
    )
    print(
        common.table(
            [
                "call",
                "memories/s",
                "client CPU µs/memory",
                "server CPU µs/memory",
                "per round (memories/s)",
            ],
            rows,
        )
    )
    bulk = common.median([v[0] for v in next(iter(results.values()))])
    print(
        f"\nTarget: add_many ≥ {TARGET:,.0f} memories/s end to end. Measured "
        f"{bulk:,.0f}/s ({bulk / TARGET:.1f}× the target): {common.verdict(bulk >= TARGET)}.\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
