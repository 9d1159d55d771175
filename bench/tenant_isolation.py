"""Tenants and the full-text index: can a tenant read another tenant's words from its own
text scores, and what does a full-text table per tenant cost as tenants grow?

The oracle: a local server in process; tenant B stores "note about Okafor", "note about
Zyxwvut" and three fillers, searches each word in text mode and keeps its top score;
tenant A stores "my landlord is Mr Okafor"; B searches again. Scores that move tell B
that someone else stored the word.

The cost: N tenants with one memory each in one store (in process); the store opened
again; 200 adds and 200 full-text queries of existing tenants (p50); then, five times, a
new tenant's first memory and the next full-text query on the open store.

``--tree PATH`` runs both in another checkout as well (its ``longmem`` first on the path,
in a process of its own), for a before and after.

    python bench/tenant_isolation.py [--sizes 1,100,1000] [--tree PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from typing import Any

import _common as common

NOW = "2026-01-01T00:00:00Z"
WORDS = ("Okafor", "Zyxwvut")


def _oracle() -> dict[str, Any]:
    from longmem import Longmem
    from longmem.server import LocalServer

    with LocalServer(api_key="bench-a") as server:
        b_key = server.add_tenant_key("bee")
        a = Longmem(api_key="bench-a", base_url=server.url, max_retries=0)
        b = Longmem(api_key=b_key, base_url=server.url, max_retries=0)
        b.add_many([{"text": f"note about {w}"} for w in WORDS], collection="b")
        b.add_many([{"text": "filler note about nothing"}] * 3, collection="b")

        def scores() -> dict[str, float]:
            return {
                w: round(b.search(w, collection="b", mode="text")[0]["score"], 4) for w in WORDS
            }

        before = scores()
        a.add("my landlord is Mr Okafor", collection="a")
        return {"before": before, "after": scores()}


def _cost(count: int) -> dict[str, Any]:
    from longmem.server.db import MemoryFilter, NewMemory, Principal, Store

    folder = tempfile.mkdtemp(prefix="lm-tenants-")
    path = os.path.join(folder, "t.db")
    store = Store(path)
    principals = []
    started = time.perf_counter()
    for i in range(count):
        key_id, _ = store.keys.add(f"t{i}", "write", "k")
        principal = Principal(key_id, f"t{i}", "write", "k")
        principals.append(principal)
        store.memories.add(principal, [NewMemory("c", f"tenant {i} likes green tea")])
    first_ms = (time.perf_counter() - started) / count * 1000
    store.close()
    started = time.perf_counter()
    store = Store(path)
    reopen_ms = (time.perf_counter() - started) * 1000
    adds, finds = [], []
    for principal in principals[:200]:
        started = time.perf_counter()
        store.memories.add(principal, [NewMemory("c", "another note about tea")])
        adds.append(time.perf_counter() - started)
    for principal in principals[:200]:
        started = time.perf_counter()
        store.memories.full_text(principal.tenant_id, '"tea"', MemoryFilter(), NOW, 10)
        finds.append(time.perf_counter() - started)
    after_new = []
    for j in range(5):
        key_id, _ = store.keys.add(f"new{j}", "write", "k")
        store.memories.add(Principal(key_id, f"new{j}", "write", "k"), [NewMemory("c", "hi")])
        started = time.perf_counter()
        store.memories.full_text(principals[0].tenant_id, '"tea"', MemoryFilter(), NOW, 10)
        after_new.append(time.perf_counter() - started)
    store.close()
    return {
        "tenants": count,
        "first_ms": first_ms,
        "reopen_ms": reopen_ms,
        "add_p50_ms": statistics.median(adds) * 1000,
        "find_p50_ms": statistics.median(finds) * 1000,
        "after_new_ms": statistics.median(after_new) * 1000,
    }


def _measure(sizes: list[int]) -> dict[str, Any]:
    return {"oracle": _oracle(), "cost": [_cost(n) for n in sizes]}


def _in_tree(tree: str, sizes: list[int]) -> dict[str, Any]:
    """The same measures with ``tree``'s longmem, in a process of its own."""
    env = dict(os.environ, LONGMEM_BENCH_TREE=os.path.abspath(tree))
    done = subprocess.run(
        [sys.executable, __file__, "--sizes", ",".join(map(str, sizes)), "--json"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1,100,1000", help="tenant counts, comma-separated")
    parser.add_argument("--tree", default=None, help="another checkout, measured as well")
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    sizes = [int(n) for n in args.sizes.split(",")]
    tree = os.environ.get("LONGMEM_BENCH_TREE")
    if tree:  # a run for --tree: that checkout's longmem, first on the path
        sys.path.insert(0, tree)
    if args.json:
        print(json.dumps(_measure(sizes)))
        return
    common.header("Tenants and the full-text index", sys.argv)
    runs = [("this tree", _in_tree(str(common.REPO), sizes))]
    if args.tree:
        runs.insert(0, (args.tree, _in_tree(args.tree, sizes)))
    rows = []
    for name, run in runs:
        before, after = run["oracle"]["before"], run["oracle"]["after"]
        rows.append(
            [name]
            + [f"{before[w]:.4f} → {after[w]:.4f}" for w in WORDS]
            + ["yes" if before != after else "no"]
        )
    print(
        "Tenant B's top text score for its own word, before → after tenant A stores"
        ' "my landlord is Mr Okafor":\n'
    )
    print(common.table(["tree", *WORDS, "B can tell"], rows))
    print()
    rows = [
        [
            name,
            f"{c['tenants']:,}",
            f"{c['first_ms']:.1f}",
            f"{c['reopen_ms']:.1f}",
            f"{c['add_p50_ms']:.2f}",
            f"{c['find_p50_ms']:.2f}",
            f"{c['after_new_ms']:.1f}",
        ]
        for name, run in runs
        for c in run["cost"]
    ]
    headers = [
        "tree",
        "tenants",
        "a tenant's first memory ms",
        "store opened again ms",
        "add p50 ms",
        "full-text p50 ms",
        "full-text after another tenant's first memory ms",
    ]
    print(common.table(headers, rows))


if __name__ == "__main__":
    main()
