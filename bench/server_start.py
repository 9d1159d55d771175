"""The local server's start: what a process that serves pays before its first answer.

Per round, for each tree: the CPU of ``python -c "import longmem.server.app"`` in a fresh
interpreter (user + system, from ``wait4``); the wall time from launching ``python -m
longmem serve`` on a fresh database to its "listening on" line (read every 10 ms); then,
client-measured over HTTP, the first search, the first ``remember`` (where the
extractor's rules load, since they load on first use) and a second ``remember``, by this
checkout's client.
``--before PATH`` runs another checkout (e.g. ``git worktree add --detach /tmp/before
<commit>``) in alternate rounds with this one, the order flipped every round, so both see
the same machine:

    python bench/server_start.py [--rounds N] [--before PATH]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import _common as common

from longmem import Longmem

MEASURES = (
    "import longmem.server.app, CPU (s)",
    "serve launched → listening (s)",
    "first search (ms)",
    "first remember (ms)",
    "second remember (ms)",
)


def import_cpu(tree: Path) -> float:
    """CPU seconds of a fresh interpreter that imports the server's app from ``tree``."""
    env = common.bench_env()
    env["PYTHONPATH"] = str(tree)
    # (in the tree: ``-c`` puts the working directory first on the path)
    child = subprocess.Popen([sys.executable, "-c", "import longmem.server.app"], env=env, cwd=tree)
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise RuntimeError(f"import longmem.server.app failed in {tree}")
    return usage.ru_utime + usage.ru_stime


def served(tree: Path) -> tuple[float, float, float, float]:
    """Seconds from launch to listening, then ms of the first search, first remember and
    second remember, on a fresh server from ``tree``."""
    with tempfile.TemporaryDirectory() as workdir:
        started = time.perf_counter()
        proc, port = common.start_server(tree, workdir, poll=0.01)
        ready = time.perf_counter() - started
        try:
            client = Longmem(
                api_key=common.API_KEY, base_url=f"http://127.0.0.1:{port}", max_retries=0
            )
            with client:
                timed = []
                for call in (
                    lambda: client.search("where do I live", collection="start"),
                    lambda: client.remember("I moved to Paris last month", collection="start"),
                    lambda: client.remember("I work at Google as a nurse", collection="start"),
                ):
                    began = time.perf_counter()
                    call()
                    timed.append((time.perf_counter() - began) * 1000)
        finally:
            proc.terminate()
            proc.wait(10)
    first_search, first_remember, second_remember = timed
    return ready, first_search, first_remember, second_remember


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=6, help="rounds (each tree once a round)")
    parser.add_argument("--before", type=Path, default=None, help="another tree to compare")
    args = parser.parse_args()
    trees = [("after" if args.before else "this tree", common.REPO)]
    if args.before is not None:
        trees.insert(0, ("before", args.before.resolve()))

    common.header("The local server's start", sys.argv)
    if args.before is not None:
        print(f"Before: {common.code_version(args.before.resolve())}\n")
    results: dict[str, list[tuple[float, ...]]] = {name: [] for name, _ in trees}
    for index in range(args.rounds):
        for name, tree in trees if index % 2 == 0 else trees[::-1]:
            results[name].append((import_cpu(tree), *served(tree)))
            print(f"<!-- round {index + 1} {name}: {results[name][-1]} -->", file=sys.stderr)

    print(f"Median (min–max) of {args.rounds} rounds, trees alternated.\n")
    rows = []
    for name, runs in results.items():
        cells = []
        for measure, values in zip(MEASURES, zip(*runs)):
            shown = "{:.2f}" if measure.endswith("(s)") else "{:.0f}"
            low, mid, high = (
                shown.format(v) for v in (min(values), common.median(values), max(values))
            )
            cells.append(f"{mid} ({low}–{high})")
        rows.append([name, *cells])
    print(common.table(["tree", *MEASURES], rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
