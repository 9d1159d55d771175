"""Ctrl-C during `longmem add-many`, in a subprocess against the real local server."""

from __future__ import annotations

import gc
import http.client
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import longmem
from longmem import Longmem, NotFoundError, _cli_output
from longmem.server import LocalServer

from ..e2e.faults import ResponseDroppingProxy

KEY = "cli-interrupt-key"
TOTAL = 5000
PACKAGE_ROOT = str(Path(longmem.__file__).resolve().parent.parent)


@pytest.fixture
def server() -> Iterator[LocalServer]:
    with LocalServer(api_key=KEY) as srv:
        yield srv


# ``python -m longmem`` with SIGINT raising KeyboardInterrupt whatever was inherited.
_WITH_CTRL_C = (
    "import runpy, signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); "
    "sys.argv[0] = 'longmem'; runpy.run_module('longmem', run_name='__main__', alter_sys=True)"
)


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
    # The first run goes through a proxy that, from its fourth request on, holds the
    # server's answer until the test is done: the Ctrl-C comes while a chunk is stored
    # but not yet confirmed, however fast the machine (unheld, a busy one once let all
    # 5,000 land before the signal did).
    hold = threading.Event()

    def held_from_the_fourth(number: int) -> bool:
        if number >= 3:
            hold.wait(60)
        return False  # never dropped, only late

    with Longmem(api_key=KEY, base_url=server.url) as mem:
        with ResponseDroppingProxy(server.port, held_from_the_fourth) as proxy:
            # Ctrl-C is a KeyboardInterrupt even where this test's own process ignores
            # SIGINT (a job started in the background by a shell without job control),
            # which the child inherits.
            proc = subprocess.Popen(
                [*argv[:1], "-c", _WITH_CTRL_C, *argv[3:]],
                env={**env, "LONGMEM_BASE_URL": proxy.url},
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            try:
                deadline = time.monotonic() + 60
                while stored(mem) < 200 or proxy.forwarded < 4:
                    assert proc.poll() is None, "add-many finished before it was interrupted"
                    assert time.monotonic() < deadline, "add-many stored nothing in a minute"
                    time.sleep(0.01)
                proc.send_signal(signal.SIGINT)
                out, err = proc.communicate(timeout=60)
            finally:
                hold.set()
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


def test_after_an_interrupt_half_built_objects_are_collected_quietly(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    reported: list[Any] = []
    monkeypatch.setattr(sys, "unraisablehook", reported.append)
    _cli_output._interrupted("stored 0 of 1 for certain")
    # What a Ctrl-C inside the standard library can leave: a response or a socket file
    # whose __init__ never ran to the end (Python 3.13 reports their close() failing).
    half = http.client.HTTPResponse.__new__(http.client.HTTPResponse)
    del half
    half_io = socket.SocketIO.__new__(socket.SocketIO)
    del half_io

    class Loud:
        def __del__(self) -> None:
            raise ValueError("not the interrupt's")

    Loud()
    gc.collect()
    assert [type(u.exc_value) for u in reported] == [ValueError]  # others still reported
    assert capsys.readouterr().err == "longmem: interrupted: stored 0 of 1 for certain\n"
