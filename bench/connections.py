"""Connection cap: health checks while more idle connections are open than the server
has descriptors for.

The server runs in its own process (``python -m longmem serve``) with an open-file limit
of 1,024, the common default. The bench opens ``--idle`` plain TCP connections that never
send a byte, then, while holding them, times health checks on fresh connections (each
connect + GET + close, with a ``--timeout``) and the server's CPU use; then it closes
every idle connection at once and times the first health check after. The CPU figure
covers the health checks and at least 3 s of holding: a spinning accept loop shows as
~100 %. ``--tree`` runs
another checkout (e.g. the tree before the cap) the same way.

    python bench/connections.py [--idle N] [--checks N] [--timeout S] [--tree PATH]
"""

from __future__ import annotations

import argparse
import http.client
import resource
import socket
import sys
import tempfile
import time
from pathlib import Path

import _common as common

SERVER_NOFILE = 1024


def _health(port: int, timeout: float) -> float:
    """Seconds for one health check on a fresh connection; inf when it failed."""
    started = time.perf_counter()
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
        conn.request("GET", "/v1/memory/health")
        ok = conn.getresponse().status == 200
        conn.close()
    except OSError:
        return float("inf")
    return time.perf_counter() - started if ok else float("inf")


def _ms(values: list[float]) -> str:
    done = [v for v in values if v != float("inf")]
    if not done:
        return "—"
    return f"{common.percentile(done, 50) * 1000:.1f} / {max(done) * 1000:.1f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--idle", type=int, default=1500)
    parser.add_argument("--checks", type=int, default=20)
    parser.add_argument("--timeout", type=float, default=3.0)
    parser.add_argument("--tree", type=Path, default=common.REPO)
    args = parser.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, min(hard, args.idle + 256)), hard))
    common.header("Connection cap", sys.argv)
    with tempfile.TemporaryDirectory(prefix="longmem-bench-") as workdir:
        proc, port = common.start_server(args.tree.resolve(), workdir, nofile=SERVER_NOFILE)
        try:
            before = [_health(port, args.timeout) for _ in range(args.checks)]
            idle: list[socket.socket] = []
            for _ in range(args.idle):
                try:
                    idle.append(socket.create_connection(("127.0.0.1", port), timeout=2))
                except OSError:
                    break
            time.sleep(1.0)  # let the server accept (or fail to accept) them
            cpu0, wall0 = common.proc_cpu_seconds(proc.pid), time.monotonic()
            held = [_health(port, args.timeout) for _ in range(args.checks)]
            time.sleep(max(0.0, 3.0 - (time.monotonic() - wall0)))  # CPU over 3 s at least
            cpu = (common.proc_cpu_seconds(proc.pid) - cpu0) / (time.monotonic() - wall0)
            closed_at = time.perf_counter()
            for sock in idle:
                sock.close()
            first = float("inf")
            while first == float("inf") and time.perf_counter() - closed_at < 60:
                first = _health(port, args.timeout)
            after = time.perf_counter() - closed_at
        finally:
            proc.terminate()
            proc.wait(10)
    answered = sum(v != float("inf") for v in held)
    print(
        common.table(
            [
                "server tree",
                "idle connects",
                "health p50 / max, alone (ms)",
                f"health answered while held (≤ {args.timeout:g} s)",
                "health p50 / max, held (ms)",
                "server CPU while held",
                "first health after closing all (s)",
            ],
            [
                [
                    args.tree.name,
                    f"{len(idle):,}",
                    _ms(before),
                    f"{answered} of {len(held)}",
                    _ms(held),
                    f"{cpu * 100:.0f} %",
                    f"{after:.2f}",
                ]
            ],
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
