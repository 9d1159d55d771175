"""`python -m longmem demo`: the README's main command, as a new user runs it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import longmem


def _demo(cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """`python -m longmem demo` in ``cwd``, this package first on the path, the
    environment's longmem settings dropped (a new user has none) and ``env`` added."""
    package_root = str(Path(longmem.__file__).resolve().parent.parent)
    full = {**os.environ, "PYTHONPATH": package_root}
    for name in ("LONGMEM_API_KEY", "LONGMEM_BASE_URL"):
        full.pop(name, None)
    return subprocess.run(
        [sys.executable, "-m", "longmem", "demo"],
        cwd=cwd,
        env={**full, **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_demo_runs_a_session_exits_0_and_leaves_nothing_behind(tmp_path: Path) -> None:
    scratch, cwd = tmp_path / "tmp", tmp_path / "cwd"
    scratch.mkdir()
    cwd.mkdir()
    done = _demo(cwd, {"TMPDIR": str(scratch)})
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
    dead = "http://127.0.0.1:9"
    proxies = {name: dead for name in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy")}
    done = _demo(tmp_path, {**proxies, "NO_PROXY": "", "no_proxy": ""})
    assert done.returncode == 0, done.stderr
    assert "ready to import anywhere" in done.stdout
