"""Question 4: search latency of the local server at growing corpus sizes.

One server process (``python -m longmem serve``, SQLite on the local disk) is filled
with deterministic, varied sentences (bench/_common.py) in steps: 1k, 2.5k, 5k, 10k,
25k and 50k memories. At each size a fixed seeded set of 48 queries (one in six
matches nothing) runs in every mode, the three modes interleaved per query with the
order rotated, for several passes after a warm-up. Latency is measured by the client around
``Longmem.search(limit=10)`` (so it includes ~0.1-0.2 ms of HTTP and SDK time).
Reported: p50 / p95 per mode per size, the first (cold) query after start, and the
server's RSS. The plot goes to bench/search_latency.png.

``--keyed`` first tells the collection a few facts about its user through ``remember``
(a home, an age, a partner, a job; then a move not read as one), so hybrid search reads
what each query asks about (the key, lexicon, person and kind arms), and adds eight
questions about those facts to the queries.

``--embedder`` gives the server a model embedder (bench/_common.py ``model_embedder``:
LONGMEM_BENCH_EMBEDDER_URL, else the bench's own all-MiniLM-L6-v2): hybrid and vector
searches then wait for the query's embedding too, and a scope of at most 500 memories
has every memory ranked by the model (a collection's first search embeds them all).

    python bench/search_latency.py [--quick] [--sizes 1000,10000,50000] [--passes N]
                                   [--keyed] [--embedder]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Optional

import _common as common

from longmem import Longmem

MODES = ("text", "vector", "hybrid")
TARGET_MS = 10.0  # hybrid p50 at 10k (issue 10 tightened it from 20 ms)
TARGET_SIZE = 10_000
DEFAULT_SIZES = "1000,2500,5000,10000,25000,50000"
# --keyed: what the user tells first (when), and the questions asked about it.
TOLD = (
    ("I live in Brisbane and I work as a nurse at the Mater", "2024-01-10T10:00:00Z"),
    ("I'm 27 and my girlfriend is Keisha", "2024-01-10T10:05:00Z"),
    ("My sister Anna lives in Perth", "2024-02-01T10:00:00Z"),
    ("officially a Hobart girl now!", "2025-03-01T10:00:00Z"),
)
KEY_QUESTIONS = (
    "Where do I live now?",
    "How old am I?",
    "Who am I dating?",
    "What do I do for work?",
    "Where does my sister live?",
    "Who do I work for?",
    "Which city am I in?",
    "What is my girlfriend called?",
)


def fill(client: Longmem, texts: list[str]) -> float:
    start = time.perf_counter()
    client.add_many(texts, collection="bench")
    return time.perf_counter() - start


def plot(path: Path, sizes: list[int], stats: dict[tuple[int, str], tuple[float, float]]) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7.5, 4.8), dpi=120)
    colours = {"text": "tab:blue", "vector": "tab:orange", "hybrid": "tab:green"}
    for mode in MODES:
        p50 = [stats[(size, mode)][0] for size in sizes]
        p95 = [stats[(size, mode)][1] for size in sizes]
        ax.plot(sizes, p50, "o-", color=colours[mode], label=f"{mode} p50")
        ax.plot(sizes, p95, "s--", color=colours[mode], alpha=0.6, label=f"{mode} p95")
    ax.axhline(TARGET_MS, color="grey", linestyle=":", linewidth=1)
    ax.annotate(
        f"target: hybrid p50 ≤ {TARGET_MS:g} ms at {TARGET_SIZE:,}",
        (sizes[0], TARGET_MS),
        textcoords="offset points",
        xytext=(0, 4),
        fontsize=8,
        color="grey",
    )
    ax.set_xscale("log")
    ax.set_xticks(sizes)
    ax.set_xticklabels([f"{size:,}" for size in sizes])
    ax.set_xlabel("memories in the collection")
    ax.set_ylabel("latency per search (ms, client-measured)")
    ax.set_title("longmem local server: search latency vs corpus size")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=8, ncol=3)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a fast smoke run")
    parser.add_argument("--sizes", default=None, help="comma-separated corpus sizes")
    parser.add_argument("--passes", type=int, default=None, help="passes over the queries")
    parser.add_argument("--keyed", action="store_true", help="facts told first, asked too")
    parser.add_argument("--embedder", action="store_true", help="a model embedder ranks too")
    parser.add_argument(
        "--plot",
        default=None,
        help="PNG path (default bench/search_latency.png; none with --quick or --keyed)",
    )
    args = parser.parse_args()
    default_sizes = "500,2000" if args.quick else DEFAULT_SIZES
    sizes = [int(size) for size in (args.sizes or default_sizes).split(",")]
    passes = args.passes or (1 if args.quick else 3)
    plot_path: Optional[Path] = (
        Path(args.plot)
        if args.plot
        else (
            None
            if args.quick or args.keyed or args.embedder
            else common.BENCH / "search_latency.png"
        )
    )

    common.header("Server search latency (question 4)", sys.argv)
    corpus = common.sentences(max(sizes), seed=4)
    asks = common.queries(48, seed=7)
    if args.keyed:
        asks = [q for pair in zip(asks[::6], KEY_QUESTIONS) for q in pair] + [
            q for i, q in enumerate(asks) if i % 6
        ]
    samples: dict[tuple[int, str], list[float]] = {}
    hits: dict[tuple[int, str], list[int]] = {}
    cold: dict[int, dict[str, float]] = {}
    rss: dict[int, dict[str, int]] = {}
    fill_rate: dict[int, float] = {}
    with common.search_embedder(args.embedder) as which, common.ServerProcess() as server:
        if args.embedder:
            print(f"Search ranks with a model embedder: {which}.\n")
        client = Longmem(api_key=common.API_KEY, base_url=server.url, timeout=300)
        for said, when in TOLD if args.keyed else ():
            client.remember(said, collection="bench", observed_at=when)
        loaded = 0
        for size in sizes:
            seconds = fill(client, corpus[loaded:size])
            fill_rate[size] = (size - loaded) / seconds
            loaded = size
            # The first query in each mode after the fill (index build or catch-up).
            cold[size] = {}
            for mode in MODES:
                start = time.perf_counter()
                client.search(asks[0], collection="bench", limit=10, mode=mode)
                cold[size][mode] = (time.perf_counter() - start) * 1000
            for query in asks[:8]:  # warm-up
                for mode in MODES:
                    client.search(query, collection="bench", limit=10, mode=mode)
            for mode in MODES:
                samples[(size, mode)] = []
                hits[(size, mode)] = []
            turn = 0
            for _ in range(passes):
                for query in asks:
                    turn += 1
                    shift = turn % len(MODES)
                    for mode in MODES[shift:] + MODES[:shift]:
                        start = time.perf_counter()
                        found = client.search(query, collection="bench", limit=10, mode=mode)
                        samples[(size, mode)].append((time.perf_counter() - start) * 1000)
                        hits[(size, mode)].append(len(found))
            rss[size] = common.proc_status(server.pid)
        client.close()

    stats = {
        key: (common.percentile(values, 50), common.percentile(values, 95))
        for key, values in samples.items()
    }
    print(
        f"{len(asks)} queries × {passes} passes per mode per size "
        f"({len(asks) * passes} samples each), modes interleaved; milliseconds.\n"
    )
    rows: list[list[object]] = []
    for size in sizes:
        row: list[object] = [f"{size:,}"]
        for mode in MODES:
            p50, p95 = stats[(size, mode)]
            row += [f"{p50:.2f}", f"{p95:.2f}"]
        kb = rss[size].get("VmRSS")
        row.append(f"{kb / 1024:.0f}" if kb else "?")
        rows.append(row)
    print(
        common.table(
            ["memories", "text p50", "text p95", "vector p50", "vector p95", "hybrid p50",
             "hybrid p95", "server RSS MiB"],
            rows,
        )
    )  # fmt: skip
    print()
    more: list[list[str]] = []
    for size in sizes:
        more.append(
            [f"{size:,}", f"{fill_rate[size]:,.0f}"]
            + [f"{cold[size][mode]:.1f}" for mode in MODES]
            + [f"{sum(hits[(size, mode)]) / len(hits[(size, mode)]):.1f}" for mode in MODES]
        )
    print(
        common.table(
            ["memories", "fill memories/s", "first text ms", "first vector ms",
             "first hybrid ms", "mean hits text", "mean hits vector", "mean hits hybrid"],
            more,
        )
    )  # fmt: skip
    last = sizes[-1]
    peak = rss[last].get("VmHWM")
    print(
        f"\nServer at {last:,} memories: RSS {rss[last].get('VmRSS', 0) / 1024:.0f} MiB, "
        f"peak (VmHWM) {peak / 1024 if peak else float('nan'):.0f} MiB."
    )
    if (TARGET_SIZE, "hybrid") in stats:
        p50 = stats[(TARGET_SIZE, "hybrid")][0]
        print(
            f"\nTarget: hybrid p50 ≤ {TARGET_MS:g} ms at {TARGET_SIZE:,}. Measured "
            f"{p50:.2f} ms: {common.verdict(p50 <= TARGET_MS)}."
        )
    if plot_path is not None:
        plot(plot_path, sizes, stats)
        print(f"\nPlot: {plot_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
