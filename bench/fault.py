"""Question 5: 1,000 ``add`` calls while 10% of responses are lost after the server acted.

The server runs in its own process; between it and the client sits a loopback proxy
(tests/e2e/faults.py, the one the e2e tests use) that reads each reply from the server in
full and then, for a seeded 10% of them, closes the client's connection without a
byte. The client (``max_retries=10, backoff_base=0.01``) must retry, and its
idempotency key must keep the retried write from being stored twice. Each round
stores 1,000 distinct memories in a fresh collection three ways, interleaved: direct,
through the proxy with no drops, and through the proxy with 10% drops; then counts
what the server holds (``memory_count`` and a full ``list_memories`` walk).

    python bench/fault.py [--quick] [--rounds N] [--count N] [--drop-rate P]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from dataclasses import dataclass
from typing import Optional

import _common as common

from longmem import Longmem
from tests.e2e.faults import ResponseDroppingProxy


@dataclass
class Outcome:
    seconds: float
    stored: int
    distinct: int
    dropped: int
    forwarded: int
    backoff_retries: int


def stored_texts(client: Longmem, collection: str) -> list[str]:
    texts: list[str] = []
    offset = 0
    while True:
        page = client.list_memories(collection=collection, limit=100, offset=offset)
        texts.extend(m["text"] for m in page)
        if len(page) < 100:
            return texts
        offset += len(page)


def run(
    base_url: str,
    checker: Longmem,
    collection: str,
    texts: list[str],
    proxy: Optional[ResponseDroppingProxy],
) -> Outcome:
    sleeps = 0

    def counting_sleep(seconds: float) -> None:
        nonlocal sleeps
        sleeps += 1
        time.sleep(seconds)

    client = Longmem(
        api_key=common.API_KEY,
        base_url=base_url,
        max_retries=10,
        backoff_base=0.01,
        backoff_cap=0.2,
        timeout=30,
        sleep=counting_sleep,  # count the retry loop's backoffs
    )
    dropped0 = proxy.dropped if proxy else 0
    forwarded0 = proxy.forwarded if proxy else 0
    start = time.perf_counter()
    for text in texts:
        client.add(text, collection=collection)
    seconds = time.perf_counter() - start
    client.close()
    stored = checker.get_collection(collection).get("memory_count", -1)
    found = stored_texts(checker, collection)
    return Outcome(
        seconds=seconds,
        stored=int(stored),
        distinct=len(set(found) & set(texts)) if len(found) == len(set(found)) else -1,
        dropped=(proxy.dropped - dropped0) if proxy else 0,
        forwarded=(proxy.forwarded - forwarded0) if proxy else len(texts),
        backoff_retries=sleeps,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a fast smoke run")
    parser.add_argument("--rounds", type=int, default=None)
    parser.add_argument("--count", type=int, default=None, help="add calls per run")
    parser.add_argument("--drop-rate", type=float, default=0.10)
    args = parser.parse_args()
    rounds = args.rounds or (1 if args.quick else 3)
    count = args.count or (200 if args.quick else 1000)

    common.header("Under fault: lost responses (question 5)", sys.argv)
    rng = random.Random(5)
    results: dict[str, list[Outcome]] = {}
    with common.ServerProcess() as server:
        port = int(server.url.rsplit(":", 1)[1])
        checker = Longmem(api_key=common.API_KEY, base_url=server.url)
        with (
            ResponseDroppingProxy(port, lambda _n: False) as clean,
            ResponseDroppingProxy(port, lambda _n: rng.random() < args.drop_rate) as lossy,
        ):
            ways: list[tuple[str, str, Optional[ResponseDroppingProxy]]] = [
                ("direct", server.url, None),
                ("proxy, no drops", clean.url, clean),
                (f"proxy, {args.drop_rate:.0%} of responses dropped", lossy.url, lossy),
            ]
            for index in range(rounds):
                texts = [
                    f"{sentence} (round {index}, note {n})"
                    for n, sentence in enumerate(common.sentences(count, seed=50 + index))
                ]
                shift = index % len(ways)
                for way, url, proxy in ways[shift:] + ways[:shift]:
                    collection = f"fault-{index}-{ways.index((way, url, proxy))}"
                    outcome = run(url, checker, collection, texts, proxy)
                    results.setdefault(way, []).append(outcome)
        checker.close()

    print(
        f"{count:,} add() calls per run, {rounds} round(s), the three ways interleaved; "
        "client max_retries=10, backoff_base=0.01 s. Times are medians.\n"
    )
    rows = []
    all_exact = True
    for way, outcomes in results.items():
        exact = all(o.stored == count and o.distinct == count for o in outcomes)
        all_exact &= exact
        seconds = common.median([o.seconds for o in outcomes])
        rows.append(
            [
                way,
                " / ".join(str(o.stored) for o in outcomes),
                "yes" if exact else "**NO**",
                f"{seconds:.2f}",
                f"{count / seconds:,.0f}",
                " / ".join(str(o.dropped) for o in outcomes),
                " / ".join(str(o.forwarded - count) for o in outcomes),
                " / ".join(str(o.forwarded - count - o.backoff_retries) for o in outcomes),
                " / ".join(str(o.backoff_retries) for o in outcomes),
            ]
        )
    print(
        common.table(
            ["path", "stored (per round)", f"exactly {count:,}, no duplicates",
             "seconds", "adds/s", "responses dropped", "requests resent",
             "of which at once on a new connection", "after a backoff sleep"],
            rows,
        )
    )  # fmt: skip
    base = common.median([o.seconds for o in results["proxy, no drops"]])
    lossy_s = common.median([o.seconds for o in next(reversed(results.values()))])
    print(
        f"\nIdempotency under lost responses: {common.verdict(all_exact)} "
        f"(every run stored exactly {count:,}). The drops cost "
        f"{lossy_s - base:+.2f} s ({lossy_s / base:.2f}×) over the same proxy without drops."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
