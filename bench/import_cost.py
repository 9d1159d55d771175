"""Question 1: cold-start cost of ``import longmem`` against the floor and the usual picks.

Each contender is a fresh interpreter (``python -c "..."``), spawned in interleaved
rounds with the order rotated every round. Measured per run: wall time from spawn to
exit, and the child's CPU time (user + system, from ``wait4``). Bytecode is compiled
first and the children run with PYTHONDONTWRITEBYTECODE unset, as after a real install;
a row shows longmem imported from a copy with no ``.pyc`` (a vendored, read-only copy)
for comparison, and the last one a copy whose transport takes ``threading.local`` and
``weakref.ref`` from the public modules instead of ``_thread`` and ``_weakref`` — what
that choice saves. Run it with another interpreter to see another version's costs
(contenders not installed there are left out):

    python bench/import_cost.py [--quick] [--rounds N] [--no-importtime]
    $(pyenv prefix 3.12.1)/bin/python bench/import_cost.py --no-importtime
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import _common as common

CONTENDERS: list[tuple[str, str]] = [
    ("python (bare interpreter)", "pass"),
    ("floor: json, http.client, urllib.parse", "import json, http.client, urllib.parse"),
    ("longmem", "import longmem"),
    ("longmem + Longmem(...) client", "import longmem; longmem.Longmem(api_key='k')"),
    ("floor + asyncio", "import json, http.client, urllib.parse, asyncio"),
    (
        "longmem + AsyncLongmem(...) client",
        "import longmem; longmem.AsyncLongmem(api_key='k')",
    ),
    ("httpx", "import httpx"),
    ("requests", "import requests"),
]
THIRD_PARTY = ("httpx", "requests")
NO_PYC = "longmem, no .pyc (vendored read-only copy)"
PUBLIC = "longmem, transport on threading.local + weakref.ref"
# What _transport.py imports, and the public modules' names for the same objects.
_PRIVATE_IMPORTS = {
    "from _thread import _local as ThreadLocal": "from threading import local as ThreadLocal",
    "from _weakref import ref": "from weakref import ref",
}


def public_modules_copy(target: Path) -> Path:
    """A copy of the package whose transport imports threading and weakref; its folder."""
    package = target / "longmem"
    shutil.copytree(common.REPO / "longmem", package, ignore=shutil.ignore_patterns("*.pyc"))
    transport = package / "_transport.py"
    source = transport.read_text("utf-8")
    for private, public in _PRIVATE_IMPORTS.items():
        if private not in source:
            raise RuntimeError(f"_transport.py no longer says {private!r}: update this script")
        source = source.replace(private, public)
    transport.write_text(source, "utf-8")
    return target


def spawn(code: str, env: dict[str, str]) -> tuple[float, float]:
    """Run ``python -c code`` once in the current directory; (wall s, child CPU s)."""
    start = time.perf_counter()
    pid = os.posix_spawn(sys.executable, [sys.executable, "-c", code], env)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"python -c {code!r} failed with status {status}")
    return wall, usage.ru_utime + usage.ru_stime


def importtime(code: str, env: dict[str, str], cwd: str) -> dict[str, tuple[int, int]]:
    """-X importtime of one run: module -> (self µs, cumulative µs)."""
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
    )
    out: dict[str, tuple[int, int]] = {}
    for line in proc.stderr.splitlines():
        found = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|\s*(\S+)", line)
        if found:
            out[found.group(3)] = (int(found.group(1)), int(found.group(2)))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a fast smoke run")
    parser.add_argument("--rounds", type=int, default=None)
    parser.add_argument("--no-importtime", action="store_true", help="skip the breakdown")
    args = parser.parse_args()
    rounds = args.rounds or (5 if args.quick else 61)

    common.header("Import cost (question 1)", sys.argv)
    env = common.bench_env()  # PYTHONDONTWRITEBYTECODE unset, the repo on PYTHONPATH
    with tempfile.TemporaryDirectory(prefix="longmem-bench-import-") as tmp:
        # Compile bytecode as an install would, then run everything once to cache the rest.
        subprocess.run(
            [sys.executable, "-m", "compileall", "-q", str(common.REPO / "longmem")],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        vendored = Path(tmp) / "vendored"
        shutil.copytree(
            common.REPO / "longmem", vendored / "longmem", ignore=shutil.ignore_patterns("*.pyc")
        )
        no_pyc_env = dict(env, PYTHONDONTWRITEBYTECODE="1", PYTHONPATH=str(vendored))
        public = public_modules_copy(Path(tmp) / "public")
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(public)], env=env, check=True)
        public_env = dict(env, PYTHONPATH=str(public))
        cwd = tmp  # not the repo: `-c` puts the working directory first on sys.path
        os.chdir(cwd)
        # The floor and longmem always run; a third-party contender only where installed.
        runs = [
            (name, code, env)
            for name, code in CONTENDERS
            if name not in THIRD_PARTY or importlib.util.find_spec(name) is not None
        ]
        runs.append((NO_PYC, "import longmem", no_pyc_env))
        runs.append((PUBLIC, "import longmem", public_env))
        for _name, code, run_env in runs:
            for _ in range(2):
                spawn(code, run_env)

        wall: dict[str, list[float]] = defaultdict(list)
        cpu: dict[str, list[float]] = defaultdict(list)
        for index in range(rounds):
            shift = index % len(runs)
            for name, code, run_env in runs[shift:] + runs[:shift]:
                w, c = spawn(code, run_env)
                wall[name].append(w * 1000)
                cpu[name].append(c * 1000)

        breakdown: dict[str, list[int]] = defaultdict(list)
        floor_modules: set[str] = set()
        if not args.no_importtime:
            for _ in range(3 if args.quick else 9):
                floor_modules |= set(importtime(CONTENDERS[1][1], env, cwd))
                for module, (self_us, _cum) in importtime("import longmem", env, cwd).items():
                    breakdown[module].append(self_us)
        os.chdir(common.REPO)

    med_wall = {name: common.median(values) for name, values in wall.items()}
    med_cpu = {name: common.median(values) for name, values in cpu.items()}
    bare = CONTENDERS[0][0]
    floor = CONTENDERS[1][0]
    rows = []
    for name, _code, _env in runs:
        over_bare = med_wall[name] - med_wall[bare]
        floor_over = med_wall[floor] - med_wall[bare]
        rows.append(
            [
                name,
                f"{med_wall[name]:.1f}",
                f"{med_cpu[name]:.1f}",
                f"{over_bare:+.1f}" if name != bare else "—",
                f"{med_wall[name] / med_wall[floor]:.2f}×",
                f"{over_bare / floor_over:.2f}×" if name != bare and floor_over > 0 else "—",
            ]
        )
    print(f"Median of {rounds} interleaved rounds, fresh interpreter each run.\n")
    print(
        common.table(
            [
                "python -c",
                "wall ms",
                "CPU ms",
                "import ms (over bare)",
                "wall vs floor",
                "import vs floor's import",
            ],
            rows,
        )
    )
    ratio = med_wall["longmem"] / med_wall[floor]
    cpu_ratio = med_cpu["longmem"] / med_cpu[floor]
    others = " and ".join(
        f"{name} costs {med_wall[name] / med_wall['longmem']:.1f}×"
        for name in THIRD_PARTY
        if name in med_wall
    )
    public_cost = med_wall[PUBLIC] - med_wall["longmem"]
    print(
        f"\nTarget: cold `import longmem` ≤ 1.2× the floor. Measured {ratio:.2f}× wall "
        f"({cpu_ratio:.2f}× CPU): {common.verdict(ratio <= 1.2)}. "
        + (f"{others} longmem's cold start. " if others else "")
        + f"Taking threading.local and weakref.ref from the public modules would cost "
        f"{public_cost:+.1f} ms ({med_wall[PUBLIC] / med_wall[floor]:.2f}× the floor).\n"
    )
    if breakdown:
        extra = {
            module: common.median(values)
            for module, values in breakdown.items()
            if module not in floor_modules
        }
        top = sorted(extra.items(), key=lambda item: -item[1])[:12]
        total = sum(extra.values())
        print(
            "What `import longmem` loads beyond the floor (`-X importtime`, median self "
            f"time over runs; total {total / 1000:.1f} ms of self time, top entries):\n"
        )
        print(common.table(["module", "self µs"], [[m, f"{us:,.0f}"] for m, us in top]))
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
