"""Large bodies: the server's peak memory for large import bodies.

The server runs in its own process (``longmem serve``). Steps, each on the same server:
three clients without a key each POST an import body of ``--mb`` MB at once (a client
that sends its whole body before reading sees the early 401 as a broken pipe); three
clients with a key POST it at once, a body that parses into many small objects and fails
validation (``{"memories": [0, 0, …]}``: more than 10,000 items, so 422) — the worst
case for memory, as nothing is stored; eight searches at once, each an 8 MiB body of
empty arrays (``[],[],…``: a value a few bytes long that parses into an object of ~75);
one import of a single memory whose metadata is ``--dicts-mb`` MB of ``{"a":1}`` (held
whole while the rest streams; ~50 times its size parsed); then one client imports a
valid body of about the same size: 10,000 memories (the most a call may hold) of 10,000
characters of text and 10 KB of metadata each, stored; then an indented export of 10,000
memories whose metadata hold lists of objects (commas inside elements). Measured for
each step: the server's peak resident memory (VmHWM, reset before the step where Linux
allows) and its resident memory before the step, and the wall time (for the valid
imports, the rate in MB/s and memories/s). Then each body's parse alone, in a process of
its own: the tree's parse of a whole body (``json.loads`` with the server's hooks) and
its streamed parse (``jsonbody.JSONStream``), in MB/s. ``--tree`` runs another checkout
(e.g. the tree before a change).

    python bench/large_bodies.py [--mb N] [--tree PATH] [--skip-valid] [--dicts-mb N]
"""

from __future__ import annotations

import argparse
import http.client
import json
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Optional

import _common as common

IMPORT = "/v1/memory/admin/import"


def _post(port: int, body: bytes, key: bool, statuses: list[object], path: str = IMPORT) -> None:
    headers = {"Content-Type": "application/json"}
    if key:
        headers["Authorization"] = f"Bearer {common.API_KEY}"
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    refused: Optional[OSError] = None
    try:
        conn.request("POST", path, body=body, headers=headers)
    except OSError as err:  # refused midway: the server answered early, then closed
        refused = err
    try:
        status: object = conn.getresponse().status
    except (OSError, http.client.HTTPException):  # its answer lost with the connection
        status = type(refused).__name__ if refused else "no answer"
    statuses.append(f"{status} (early)" if refused and isinstance(status, int) else status)
    conn.close()


def _valid_body(mb: int) -> tuple[bytes, int]:
    """An import of ``mb`` MB or so that stores whole: as many memories as fit, up to
    the 10,000 a call may hold, each near the per-field limits."""
    words = [
        "the",
        "walrus",
        "sings",
        "at",
        "dawn",
        "about",
        "quarterly",
        "reports",
        "and",
        "oat",
        "milk",
    ]
    count = min(10_000, max(1, mb * 1024 * 1024 // 20_600))
    memories = []
    for i in range(count):
        text = " ".join(words[(i + j) % len(words)] for j in range(1_700))[:10_000]
        memories.append(
            {
                "id": f"bench{i}",
                "text": f"{i} {text}"[:10_000],
                "metadata": {"source_file": f"notes/{i}.md", "note": "n" * 10_000},
                "collection": f"c{i % 10}",
            }
        )
    return json.dumps({"memories": memories}).encode(), count


def _export_body() -> tuple[bytes, int]:
    """An indented export of 10,000 memories whose metadata holds a list of objects: the
    shape where commas inside an element look like commas between elements."""
    memories = [
        {
            "id": f"mem_{i:024x}",
            "text": f"{i}: Alice met Bob in Paris about the quarterly reports. " * 3,
            "metadata": {
                "entities": [{"name": f"E{j}", "type": "person", "score": 0.9} for j in range(10)]
            },
        }
        for i in range(10_000)
    ]
    return json.dumps({"memories": memories}, indent=2).encode(), len(memories)


_PARSE = """
import sys, time
try:
    from longmem.server.jsonbody import JSONStream, parse_json as whole
except ImportError:  # a tree from before the streamed parse
    from longmem.server.app import _parse_json as whole
    JSONStream = None
body = open(sys.argv[1], "rb").read()
started = time.perf_counter(); whole(body); took = time.perf_counter() - started
if JSONStream is None:
    print(took, "-"); sys.exit()
at = 0
def read(size):
    global at
    data = body[at : at + size]; at += len(data); return data
started = time.perf_counter()
for _ in JSONStream(read).events(): pass
print(took, time.perf_counter() - started)
"""


def _parse_rates(tree: Path, workdir: str, body: bytes) -> tuple[str, str]:
    """MB/s of the tree's whole-body parse (json.loads with the server's hooks) and of its
    streamed parse (jsonbody.JSONStream, "—" when it has none) of ``body``, in a process
    of their own."""
    path = Path(workdir) / "body.json"
    path.write_bytes(body)
    env = common.bench_env()
    env["PYTHONPATH"] = str(tree)
    out = subprocess.run(  # in workdir: `-c` puts the working directory on the path
        [sys.executable, "-c", _PARSE, str(path)],
        env=env,
        cwd=workdir,
        capture_output=True,
        check=True,
    )
    whole, streamed = out.stdout.decode().split()
    rate = len(body) / 1e6
    shown = "—" if streamed == "-" else f"{rate / float(streamed):,.1f}"
    return f"{rate / float(whole):,.1f}", shown


def _reset_peak(pid: int) -> bool:
    """Reset the process's VmHWM to its current RSS (Linux: clear_refs 5)."""
    try:
        Path(f"/proc/{pid}/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def _at_once(
    port: int, body: bytes, key: bool, clients: int, path: str
) -> tuple[float, list[object]]:
    statuses: list[object] = []
    threads = [
        threading.Thread(target=_post, args=(port, body, key, statuses, path))
        for _ in range(clients)
    ]
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
    parser.add_argument("--skip-valid", action="store_true", help="no valid import steps")
    parser.add_argument("--dicts-mb", type=int, default=8, help="size of the one-memory body")
    args = parser.parse_args()
    items = args.mb * 1024 * 1024 // 2
    body = b'{"memories": [' + b"0," * (items - 1) + b"0]}"
    valid, count = (b"", 0) if args.skip_valid else _valid_body(args.mb)
    export, exported = (b"", 0) if args.skip_valid else _export_body()
    # Bodies of many values: parsed, each value is an object of 30-300 bytes.
    arrays = b",".join([b"[]"] * ((8 * 1024 * 1024 - 64) // 3))
    arrays = b'{"query": "x", "pad": [' + arrays + b"]}"  # just under the 8 MiB limit
    dicts = b",".join([b'{"a":1}'] * (args.dicts_mb * 1024 * 1024 // 8))
    dicts = b'{"memories": [{"text": "x", "metadata": {"a": [' + dicts + b"]}}]}"
    common.header("Large bodies", sys.argv)
    rows = []
    with tempfile.TemporaryDirectory(prefix="longmem-bench-") as workdir:
        proc, port = common.start_server(args.tree.resolve(), workdir)
        try:
            start = common.proc_status(proc.pid)
            idle = f"{start.get('VmRSS', 0) / 1024:,.0f}"
            rows.append(["server started", "—", "—", idle, f"{start.get('VmHWM', 0) / 1024:,.0f}"])
            steps: list[tuple[str, bytes, bool, int, str]] = [
                ("3 without a key", body, False, 3, IMPORT),
                ("3 imports at once, with a key (422)", body, True, 3, IMPORT),
                ("8 searches at once, 8 MiB of [],[],… each", arrays, True, 8, "/v1/memory/search"),
                (
                    f'1 import, one memory of {len(dicts) / 1e6:,.0f} MB of {{"a":1}}s',
                    dicts,
                    True,
                    1,
                    IMPORT,
                ),
            ]
            if valid:
                steps.append((f"1 valid import of {count:,} memories", valid, True, 1, IMPORT))
                label = f"1 valid indented export of {exported:,} memories, lists of objects"
                steps.append((label, export, True, 1, IMPORT))
            for label, payload, key, clients, path in steps:
                before = common.proc_status(proc.pid).get("VmRSS", 0)
                reset = _reset_peak(proc.pid)
                seconds, statuses = _at_once(port, payload, key, clients, path)
                if "valid" in label:
                    rate = len(payload) / 1e6 / seconds
                    label += f" ({rate:,.1f} MB/s, {10_000 / seconds:,.0f} memories/s)"
                peak = common.proc_status(proc.pid).get("VmHWM", 0)
                shown = ", ".join(str(s) for s in statuses)
                peak_text = f"{peak / 1024:,.0f}" + ("" if reset else " (since start)")
                row = [label, shown, f"{seconds:.1f}", f"{before / 1024:,.0f}", peak_text]
                rows.append(row)
        finally:
            proc.terminate()
            proc.wait(10)
        shapes = [("422 body", body), ("valid body", valid), ("indented export", export)]
        parses = [
            [name, f"{len(shape) / 1e6:,.1f}", *_parse_rates(args.tree.resolve(), workdir, shape)]
            for name, shape in shapes
            if shape
        ]
    sizes = f"each 422 body {len(body) / 1e6:,.0f} MB"
    if valid:
        sizes += f", the valid body {len(valid) / 1e6:,.0f} MB"
        sizes += f", the indented export {len(export) / 1e6:,.0f} MB"
    print(f"Tree: {args.tree.resolve().name}; {sizes}\n")
    headers = ["step", "answers", "wall s", "server RSS before (MB)", "server peak RSS (MB)"]
    print(common.table(headers, rows))
    print("\nParse alone, in-process (MB/s):\n")
    print(common.table(["body", "MB", "parsed whole", "streamed (jsonbody)"], parses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
