"""Large bodies: the server's peak memory when three imports arrive at once.

The server runs in its own process (``longmem serve``). Three clients at once POST an
import body of ``--mb`` MB that parses into many small objects and fails validation
(``{"memories": [0, 0, …]}``: more than 10,000 items, so 422) — the worst case for
memory, as nothing is stored — after three clients without a key sent as much each.
A client that sends its whole body before reading sees the early 401 as a broken pipe.
Measured: the server's peak resident memory (VmHWM) after each step, and the wall time
of each step. ``--tree`` runs another checkout (e.g. the tree before this change).

    python bench/large_bodies.py [--mb N] [--tree PATH]
"""

from __future__ import annotations

import argparse
import http.client
import sys
import tempfile
import threading
import time
from pathlib import Path

import _common as common


def _post(port: int, body: bytes, key: bool, statuses: list[object]) -> None:
    headers = {"Content-Type": "application/json"}
    if key:
        headers["Authorization"] = f"Bearer {common.API_KEY}"
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
        conn.request("POST", "/v1/memory/admin/import", body=body, headers=headers)
        statuses.append(conn.getresponse().status)
        conn.close()
    except OSError as err:  # refused midway: the server closed after its early answer
        statuses.append(type(err).__name__)


def _three(port: int, body: bytes, key: bool) -> tuple[float, list[object]]:
    statuses: list[object] = []
    threads = [threading.Thread(target=_post, args=(port, body, key, statuses)) for _ in "abc"]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - started, sorted(statuses, key=str)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=200)
    parser.add_argument("--tree", type=Path, default=common.REPO)
    args = parser.parse_args()
    items = args.mb * 1024 * 1024 // 2
    body = b'{"memories": [' + b"0," * (items - 1) + b"0]}"
    common.header("Large bodies", sys.argv)
    rows = []
    with tempfile.TemporaryDirectory(prefix="longmem-bench-") as workdir:
        proc, port = common.start_server(args.tree.resolve(), workdir)
        try:
            start = common.proc_status(proc.pid).get("VmHWM", 0)
            rows.append(["server started", "—", "—", f"{start / 1024:,.0f}"])
            steps = (("3 without a key", False), ("3 imports at once, with a key", True))
            for label, key in steps:
                seconds, statuses = _three(port, body, key)
                peak = common.proc_status(proc.pid).get("VmHWM", 0)
                shown = ", ".join(str(s) for s in statuses)
                rows.append([label, shown, f"{seconds:.1f}", f"{peak / 1024:,.0f}"])
        finally:
            proc.terminate()
            proc.wait(10)
    print(f"Tree: {args.tree.resolve().name}; each body {len(body) / 1e6:,.0f} MB\n")
    print(common.table(["step", "answers", "wall s", "server peak RSS (MB)"], rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
