"""Mixed load: many keep-alive clients adding, searching and getting at once.

The server runs in its own process (``python -m longmem serve`` on a fresh SQLite file
per round, seeded with 1,000 memories). N clients, each a thread with its own keep-alive
``http.client`` connection, spread over worker processes so the load generator's GIL
does not bound the rate, run 40% add (with an Idempotency-Key, as the SDK sends) / 40%
search / 20% get for a fixed time after a warm-up. Reported per client count: requests/s
and p50/p99 latency per operation, measured from the clients; and where the CPU went
in the measured window: the server's per request, the load generator's, and what else
the machine ran meanwhile (all of /proc/stat's busy time less those two).

The server runs with ``--cpu auto`` (its threads on one CPU; ``--cpu all`` to compare),
given through ``LONGMEM_SERVER_CPU`` so a tree that predates the flag runs as it always
did. ``--before PATH`` runs a second tree's server (e.g. ``git worktree add --detach
/tmp/before <commit>``) in alternate rounds with this one, so both see the same load
from whatever else runs on the machine.

    python bench/mixed_load.py [--quick] [--clients 16,32,64] [--seconds S] [--rounds N]
                               [--before PATH] [--costs] [--cpu auto|all|N]
"""

from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing
import os
import random
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import _common as common

COLLECTION = "load"
SEED_MEMORIES = 1000
WORKER_PROCESSES = 4
MIX = (("add", 0.4), ("search", 0.4), ("get", 0.2))
TARGET_RPS = 1000.0  # at 32 clients
TARGET_ADD_P99_MS = 100.0

Sample = tuple[str, float]  # (operation, seconds)


def _request(
    conn: http.client.HTTPConnection, method: str, path: str, body: object = None, **headers: str
) -> tuple[int, bytes]:
    data = None if body is None else json.dumps(body).encode()
    head = {"Authorization": f"Bearer {common.API_KEY}", **headers}
    if data is not None:
        head["Content-Type"] = "application/json"
    conn.request(method, path, data, head)
    reply = conn.getresponse()
    return reply.status, reply.read()


def _client(
    url: str, ids: list[str], seed: int, start_at: float, stop_at: float
) -> tuple[list[Sample], int]:
    """One keep-alive client until ``stop_at``: the samples that began after ``start_at``
    (the warm-up before it is not counted) and the number of failed requests."""
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=60)
    rng = random.Random(seed)
    texts = common.sentences(2000, seed=seed)
    asks = common.queries(48, seed=seed)
    base = f"/v1/memory/collections/{COLLECTION}"
    samples: list[Sample] = []
    failed = 0
    count = 0
    while True:
        began = time.monotonic()
        if began >= stop_at:
            break
        roll, op = rng.random(), "get"
        for name, share in MIX:
            if roll < share:
                op = name
                break
            roll -= share
        count += 1
        if op == "add":
            key = f"load-{seed}-{count}"
            status, _ = _request(
                conn,
                "POST",
                base + "/memories",
                {"text": texts[count % len(texts)]},
                **{"Idempotency-Key": key},
            )
        elif op == "search":
            status, _ = _request(conn, "POST", base + "/search", {"query": rng.choice(asks)})
        else:
            status, _ = _request(conn, "GET", f"{base}/memories/{rng.choice(ids)}")
        ended = time.monotonic()
        if began >= start_at and ended <= stop_at:
            samples.append((op, ended - began))
        if status >= 300:
            failed += 1
    conn.close()
    return samples, failed


def _worker(
    url: str,
    ids: list[str],
    seeds: list[int],
    start_at: float,
    stop_at: float,
    out: multiprocessing.Queue,  # type: ignore[type-arg]
) -> None:
    results: list[tuple[list[Sample], int]] = []
    cpu: list[float] = []

    def meter() -> None:  # this process's CPU (all its threads) over the measured window
        time.sleep(max(0.0, start_at - time.monotonic()))
        cpu.append(time.process_time())
        time.sleep(max(0.0, stop_at - time.monotonic()))
        cpu.append(time.process_time())

    threads = [threading.Thread(target=meter)] + [
        threading.Thread(
            target=lambda s=seed: results.append(_client(url, ids, s, start_at, stop_at))
        )
        for seed in seeds
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    out.put((results, cpu[1] - cpu[0]))


def _seed(url: str) -> list[str]:
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=60)
    texts = common.sentences(SEED_MEMORIES, seed=11)
    ids: list[str] = []
    for start in range(0, len(texts), 100):
        status, body = _request(
            conn,
            "POST",
            f"/v1/memory/collections/{COLLECTION}/memories/batch",
            {"memories": texts[start : start + 100]},
        )
        if status != 201:
            raise RuntimeError(f"seeding failed: {status} {body[:200]!r}")
        ids += json.loads(body)["ids"]
    conn.close()
    return ids


def costs(repo: Path, seconds: float) -> list[list[str]]:
    """Each operation alone from one client on a fresh server of ``repo``: its rate,
    latency and the server's CPU per call, which bound what the mix can reach."""
    rows = []
    with common.ServerProcess(repo=repo) as server:
        ids = _seed(server.url)
        parts = urlsplit(server.url)
        conn = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=60)
        rng = random.Random(3)
        texts, asks = common.sentences(5000, seed=3), common.queries(48)
        base = f"/v1/memory/collections/{COLLECTION}"
        for op, _ in MIX:
            count, cpu0, start = 0, common.proc_cpu_seconds(server.pid), time.perf_counter()
            own0 = common.proc_cpu_seconds(server.pid, children=False)
            while time.perf_counter() - start < seconds:
                count += 1
                if op == "add":
                    body = {"text": texts[count % len(texts)]}
                    key = {"Idempotency-Key": f"cost-{count}"}
                    status, _ = _request(conn, "POST", base + "/memories", body, **key)
                elif op == "search":
                    query = {"query": rng.choice(asks)}
                    status, _ = _request(conn, "POST", base + "/search", query)
                else:
                    status, _ = _request(conn, "GET", f"{base}/memories/{rng.choice(ids)}")
                if status >= 300:
                    raise RuntimeError(f"{op} failed with {status}")
            wall = time.perf_counter() - start
            cpu = common.proc_cpu_seconds(server.pid) - cpu0
            own = common.proc_cpu_seconds(server.pid, children=False) - own0
            rows.append(
                [
                    op,
                    f"{count / wall:,.0f}",
                    f"{wall / count * 1000:.2f}",
                    f"{cpu / count * 1000:.2f}",
                    f"{(cpu - own) / count * 1000:.2f}",
                ]
            )
        conn.close()
    return rows


def _machine_busy() -> float:
    """CPU seconds the whole machine has been busy (/proc/stat), for what else ran."""
    with open("/proc/stat") as stat:
        fields = [int(v) for v in stat.readline().split()[1:9]]
    idle = fields[3] + fields[4]  # idle, iowait
    return (sum(fields) - idle) / os.sysconf("SC_CLK_TCK")


def load_round(repo: Path, clients: int, warmup: float, seconds: float) -> dict[str, object]:
    """One fresh server of ``repo`` under ``clients`` clients: rate and latencies."""
    with common.ServerProcess(repo=repo) as server:
        ids = _seed(server.url)
        start_at = time.monotonic() + 0.5 + warmup  # CLOCK_MONOTONIC: shared by processes
        stop_at = start_at + seconds
        out: multiprocessing.Queue = multiprocessing.Queue()  # type: ignore[type-arg]
        procs = []
        for index in range(min(WORKER_PROCESSES, clients)):
            seeds = list(range(index, clients, WORKER_PROCESSES))
            proc = multiprocessing.Process(
                target=_worker, args=(server.url, ids, seeds, start_at, stop_at, out)
            )
            proc.start()
            procs.append(proc)
        while time.monotonic() < start_at:
            time.sleep(0.01)
        server_cpu0, machine0 = common.proc_cpu_seconds(server.pid), _machine_busy()
        own_cpu0 = common.proc_cpu_seconds(server.pid, children=False)
        while time.monotonic() < stop_at:
            time.sleep(0.01)
        server_cpu = common.proc_cpu_seconds(server.pid) - server_cpu0
        own_cpu = common.proc_cpu_seconds(server.pid, children=False) - own_cpu0
        machine = _machine_busy() - machine0
        done = [out.get() for _ in procs]
        for proc in procs:
            proc.join()
    results = [batch for batch, _ in done]
    client_cpu = sum(cpu for _, cpu in done)
    samples = [sample for batch in results for part, _ in batch for sample in part]
    failed = sum(count for batch in results for _, count in batch)
    if failed:
        raise RuntimeError(f"{failed} requests failed under {clients} clients")
    by_op: dict[str, list[float]] = {}
    for op, took in samples:
        by_op.setdefault(op, []).append(took * 1000)
    return {
        "rps": len(samples) / seconds,
        "cpu": server_cpu / seconds,
        "search processes cpu": (server_cpu - own_cpu) / seconds,
        "ms/req": server_cpu / len(samples) * 1000,
        "clients cpu": client_cpu / seconds,
        "other cpu": max(0.0, machine - server_cpu - client_cpu) / seconds,
        **{f"{op} p50": common.percentile(v, 50) for op, v in by_op.items()},
        **{f"{op} p99": common.percentile(v, 99) for op, v in by_op.items()},
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a fast smoke run")
    parser.add_argument("--clients", default="16,32,64", help="comma-separated client counts")
    parser.add_argument("--seconds", type=float, default=None, help="measured time per round")
    parser.add_argument("--warmup", type=float, default=None, help="unmeasured time first")
    parser.add_argument("--rounds", type=int, default=None, help="rounds per client count")
    parser.add_argument("--before", type=Path, default=None, help="another tree to compare")
    parser.add_argument(
        "--costs", action="store_true", help="also each operation alone, from one client"
    )
    parser.add_argument("--cpu", default="auto", help="the server's --cpu (default: auto, one CPU)")
    parser.add_argument(
        "--search-processes",
        default="0",
        help="the server's --search-processes (default: 0, searches in the server's process)",
    )
    args = parser.parse_args()
    seconds = args.seconds or (3.0 if args.quick else 10.0)
    warmup = args.warmup if args.warmup is not None else (1.0 if args.quick else 3.0)
    rounds = args.rounds or (1 if args.quick else 3)
    counts = [int(c) for c in args.clients.split(",")]
    trees = [("after", common.REPO)]
    if args.before is not None:
        trees.insert(0, ("before", args.before.resolve()))

    # The servers' environment is this one's; a tree that predates a flag ignores it.
    os.environ["LONGMEM_SERVER_CPU"] = args.cpu
    os.environ["LONGMEM_SERVER_SEARCH_PROCESSES"] = args.search_processes
    common.header("Mixed load: 40% add / 40% search / 20% get", sys.argv)
    print(
        f"Server: `serve --cpu {args.cpu} --search-processes {args.search_processes}` "
        "(a tree that predates a flag ignores it; server CPU counts its search processes).\n"
    )
    if args.before is not None:
        print(f"Before: {common.code_version(args.before.resolve())}\n")
    runs: dict[tuple[str, int], list[dict[str, object]]] = {}
    for index in range(rounds):
        for clients in counts:
            order = trees if index % 2 == 0 else trees[::-1]
            for name, repo in order:
                result = load_round(repo, clients, warmup, seconds)
                runs.setdefault((name, clients), []).append(result)
                print(
                    f"<!-- round {index + 1} {name} {clients} clients: "
                    f"{result['rps']:,.0f} req/s -->",
                    file=sys.stderr,
                    flush=True,
                )

    columns = ["add p50", "add p99", "search p50", "search p99", "get p50", "get p99"]
    rows = []
    for (name, clients), results in runs.items():

        def med(field: str, results: list[dict[str, object]] = results) -> float:
            return common.median([float(r[field]) for r in results])  # type: ignore[arg-type]

        label = f"{name} ({os.path.basename(str(dict(trees)[name]))})" if len(trees) > 1 else name
        rows.append(
            [label, str(clients), f"{med('rps'):,.0f}", f"{med('cpu'):.2f}"]
            + [f"{med('search processes cpu'):.2f}"]
            + [f"{med('ms/req'):.2f}", f"{med('clients cpu'):.2f}", f"{med('other cpu'):.2f}"]
            + [f"{med(column):,.1f}" for column in columns]
        )
    print(
        f"Median of {rounds} round(s) of {seconds:g} s each after a {warmup:g} s warm-up, "
        f"each on a fresh server seeded with {SEED_MEMORIES:,} memories; clients in "
        f"{WORKER_PROCESSES} worker processes; trees alternated within each round.\n"
    )
    print(
        common.table(
            [
                "server",
                "clients",
                "req/s",
                "server CPU (cores)",
                "of which search processes",
                "server CPU ms/req",
            ]
            + ["load generator CPU (cores)", "other CPU on the machine (cores)"]
            + [f"{c} (ms)" for c in columns],
            rows,
        )
    )
    if args.costs:
        print(
            "\nEach operation alone, one client, sequential, on a fresh server seeded like "
            "the mix (adds run first, so searches see the memories they added too): what "
            "one call costs the server (CPU seconds from /proc).\n"
        )
        rows = [[name, *row] for name, repo in trees for row in costs(repo, seconds / 2)]
        print(
            common.table(
                [
                    "server",
                    "operation",
                    "calls/s",
                    "ms/call",
                    "server CPU ms/call",
                    "of which search processes",
                ],
                rows,
            )
        )
    if 32 in counts:
        after = runs[("after", 32)]
        rps = common.median([float(r["rps"]) for r in after])  # type: ignore[arg-type]
        p99 = common.median([float(r["add p99"]) for r in after])  # type: ignore[arg-type]
        ok = rps >= TARGET_RPS and p99 <= TARGET_ADD_P99_MS
        print(
            f"\nTarget at 32 clients: ≥ {TARGET_RPS:,.0f} req/s and add p99 ≤ "
            f"{TARGET_ADD_P99_MS:g} ms. Measured {rps:,.0f} req/s, add p99 {p99:,.1f} ms: "
            f"{common.verdict(ok)}.\n"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
