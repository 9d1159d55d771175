"""`python -m longmem demo`: the README's main command, as a new user runs it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import longmem


def test_demo_runs_a_session_exits_0_and_leaves_nothing_behind(tmp_path: Path) -> None:
    scratch, cwd = tmp_path / "tmp", tmp_path / "cwd"
    scratch.mkdir()
    cwd.mkdir()
    package_root = str(Path(longmem.__file__).resolve().parent.parent)
    env = {**os.environ, "TMPDIR": str(scratch), "PYTHONPATH": package_root}
    for name in ("LONGMEM_API_KEY", "LONGMEM_BASE_URL", "http_proxy", "HTTP_PROXY"):
        env.pop(name, None)  # a new user has none of these
    done = subprocess.run(
        [sys.executable, "-m", "longmem", "demo"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "local server: http://127.0.0.1:" in out
    assert "stored 4 memories" in out
    assert "Alex drinks green tea in the morning" in out.split("2. Search")[1].splitlines()[1]
    assert "User lives in Paris  [fact, updates]" in out
    assert "now:    User lives in Paris" in out and "before: User lives in Berlin" in out
    assert "5. Search sees only the current truth\n   User lives in Paris" in out
    assert "ready to import anywhere" in out
    assert done.stderr == ""
    assert list(scratch.iterdir()) == [] and list(cwd.iterdir()) == []


def test_demo_runs_behind_a_proxy_the_environment_names(tmp_path: Path) -> None:
    # A proxy that is not there and no NO_PROXY, as on a corporate machine: the embedded
    # server is on loopback, which no proxy can reach, so the demo never asks one.
    package_root = str(Path(longmem.__file__).resolve().parent.parent)
    env = {**os.environ, "PYTHONPATH": package_root}
    for name in ("LONGMEM_API_KEY", "LONGMEM_BASE_URL", "no_proxy", "NO_PROXY"):
        env.pop(name, None)
    env["HTTP_PROXY"] = env["HTTPS_PROXY"] = "http://127.0.0.1:9"
    env["http_proxy"] = env["https_proxy"] = "http://127.0.0.1:9"
    done = subprocess.run(
        [sys.executable, "-m", "longmem", "demo"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "ready to import anywhere" in done.stdout
