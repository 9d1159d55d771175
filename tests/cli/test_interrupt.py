"""Ctrl-C during `longmem add-many`, in a subprocess against the real local server."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import longmem
from longmem import Longmem, NotFoundError
from longmem.server import LocalServer

KEY = "cli-interrupt-key"
TOTAL = 5000
PACKAGE_ROOT = str(Path(longmem.__file__).resolve().parent.parent)


@pytest.fixture
def server() -> Iterator[LocalServer]:
    with LocalServer(api_key=KEY) as srv:
        yield srv


def stored(mem: Longmem) -> int:
    try:
        return int(mem.get_collection("garden")["memory_count"])
    except NotFoundError:  # before the first chunk lands
        return 0


def test_ctrl_c_says_what_was_stored_and_running_it_again_finishes_once(
    server: LocalServer, tmp_path: Path
) -> None:
    source = tmp_path / "notes.jsonl"
    source.write_text("".join(json.dumps(f"note {i} on the garden") + "\n" for i in range(TOTAL)))
    env = {
        **os.environ,
        "PYTHONPATH": PACKAGE_ROOT,
        "LONGMEM_API_KEY": KEY,
        "LONGMEM_BASE_URL": server.url,
    }
    argv = [sys.executable, "-m", "longmem", "add-many", str(source), "--collection", "garden"]
    proc = subprocess.Popen(
        argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    with Longmem(api_key=KEY, base_url=server.url) as mem:
        deadline = time.monotonic() + 60
        while stored(mem) < 200:
            assert proc.poll() is None, "add-many finished before it could be interrupted"
            assert time.monotonic() < deadline, "add-many stored nothing in a minute"
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
        assert (proc.returncode, out) == (130, "")
        found = re.fullmatch(
            rf"longmem: interrupted: stored (\d+) of {TOTAL} for certain; the items from \S+ "
            r"line (\d+) to (\d+) were sent but not confirmed, and may be stored too; run the "
            r"same command again to finish: the chunks already stored are not stored twice\n",
            err,
        )
        assert found is not None, err
        done, first, last = (int(n) for n in found.groups())
        assert first == done + 1 and last == done + 100  # lines are counted from 1
        assert done <= stored(mem) <= last + 1

        again = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=60)
        assert again.returncode == 0, again.stderr
        assert json.loads(again.stdout)["created"] == TOTAL
        assert stored(mem) == TOTAL
