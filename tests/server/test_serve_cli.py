"""`longmem serve` for people: the lines to paste, request logging, the protocol doc."""

from __future__ import annotations

import argparse
import functools
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import longmem
from longmem.server import LocalServer, cli
from longmem.server.cli import _parser

from .server_api import REPO, C, ServerProcess

_EXPORT = re.compile(r"^export LONGMEM_BASE_URL=(\S+) LONGMEM_API_KEY=(\S+)$")


def _export_line(proc: ServerProcess) -> str:
    """The first `export` line after the URL line."""
    assert proc.proc.stdout is not None
    for line in proc.proc.stdout:
        if line.startswith("export "):
            return line.rstrip("\n")
    raise AssertionError("no export line")


def _stop(proc: ServerProcess) -> tuple[int, str, str]:
    proc.proc.send_signal(signal.SIGTERM)
    out, err = proc.proc.communicate(timeout=20)
    return proc.proc.returncode, out, err


def test_serve_prints_export_lines_a_shell_can_run(tmp_path: Path) -> None:
    proc = ServerProcess("serve", "--port", "0", "--db", str(tmp_path / "x.db"))
    line = _export_line(proc)
    found = _EXPORT.match(line)
    assert found is not None, line
    assert found.group(1) == f"http://127.0.0.1:{proc.port}"
    assert re.fullmatch(r"lm_[0-9a-f]{48}", found.group(2))
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PYTHONPATH": str(REPO)}
    pasted = subprocess.run(
        ["sh", "-c", f'{line}\n"{sys.executable}" -m longmem add "pasted" --collection notes'],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert pasted.returncode == 0, pasted.stderr
    assert '"text":"pasted"' in pasted.stdout
    assert _stop(proc)[0] == 0


def test_a_key_from_the_environment_is_exported_by_reference(tmp_path: Path) -> None:
    env = {"LONGMEM_SERVER_API_KEY": "lm_secret_from_env"}
    proc = ServerProcess("--port", "0", "--db", str(tmp_path / "x.db"), env=env)
    line = _export_line(proc)
    assert line.endswith(' LONGMEM_API_KEY="$LONGMEM_SERVER_API_KEY"')
    code, out, err = _stop(proc)
    assert code == 0 and "lm_secret_from_env" not in line + out + err


def test_log_requests_logs_method_path_status_and_milliseconds(tmp_path: Path) -> None:
    proc = ServerProcess(
        "--port", "0", "--db", str(tmp_path / "x.db"), "--api-key", "k", "--log-requests"
    )
    api = proc.api("k")
    assert api.get(C + "?limit=1").status == 200
    assert api.with_key("wrong").get(f"{C}/notes/memories").status == 401
    api.close()
    code, _, err = _stop(proc)
    assert code == 0
    # Sorted: each line is written once its answer is sent, so the second request (on a
    # connection of its own) may be logged before the first.
    logged = sorted(line for line in err.splitlines() if line.startswith("longmem: GET "))
    assert len(logged) == 2, err
    assert re.fullmatch(r"longmem: GET /v1/memory/collections 200 \d+\.\d ms", logged[0])
    assert re.fullmatch(
        r"longmem: GET /v1/memory/collections/notes/memories 401 \d+\.\d ms", logged[1]
    )


def test_requests_are_not_logged_unless_asked(tmp_path: Path) -> None:
    proc = ServerProcess("--port", "0", "--db", str(tmp_path / "x.db"), "--api-key", "k")
    api = proc.api("k")
    assert api.get(C).status == 200
    api.close()
    code, _, err = _stop(proc)
    assert code == 0 and "GET " not in err


@pytest.mark.parametrize(
    ("flags", "env"),
    [(["-v"], {}), ([], {"LONGMEM_SERVER_LOG_REQUESTS": "1"})],
    ids=["-v", "environment"],
)
def test_dash_v_or_the_environment_log_requests_too(
    tmp_path: Path, flags: list[str], env: dict[str, str]
) -> None:
    db = str(tmp_path / "x.db")
    proc = ServerProcess("--port", "0", "--db", db, "--api-key", "k", *flags, env=env)
    api = proc.api("k")
    assert api.get(C).status == 200
    api.close()
    assert "longmem: GET /v1/memory/collections 200 " in _stop(proc)[2]


def test_help_points_at_the_protocol_doc_that_ships_in_the_package() -> None:
    shown = subprocess.run(
        [sys.executable, "-m", "longmem", "serve", "--help"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        check=True,
    ).stdout
    # The package the help describes: the source tree's, or the installed wheel's when the
    # suite runs from a copy without the source (CI's matrix). argparse may wrap the path.
    shipped = Path(longmem.__file__).parent / "protocol.md"
    assert "The protocol it speaks:" in shown
    assert str(shipped) in "".join(shown.split()), shown
    assert shipped.read_text("utf-8").startswith("# ")
    source = REPO / "docs" / "protocol.md"
    if source.exists():
        assert shipped.read_text("utf-8") == source.read_text("utf-8")
    pyproject = (REPO / "pyproject.toml").read_text("utf-8")
    assert re.search(r'^longmem = \[.*"protocol\.md".*\]$', pyproject, re.MULTILINE)


def test_every_serve_option_has_help_that_states_its_default(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in list(os.environ):
        if name.startswith("LONGMEM_SERVER_"):
            monkeypatch.delenv(name)
    for action in _parser()._actions:
        if isinstance(action, argparse._HelpAction):
            continue
        flag = action.option_strings[-1]
        text = " ".join((action.help or "").split())
        assert text.count("default: ") == 1, (flag, text)
        if action.default is not None and not isinstance(action.default, bool):
            assert f"default: {action.default})" in text, (flag, text)


def test_log_requests_logs_what_http_server_rejects_itself(tmp_path: Path) -> None:
    proc = ServerProcess("--port", "0", "--db", str(tmp_path / "x.db"), "--api-key", "k", "-v")
    for line in (b"GARBAGE\r\n\r\n", b"GET / HTTP/9.9\r\n\r\n"):
        with socket.create_connection(("127.0.0.1", proc.port), timeout=10) as conn:
            conn.sendall(line)
            answer = b"".join(iter(lambda: conn.recv(4096), b""))  # until it closes
            assert b'{"detail":' in answer
    code, _, err = _stop(proc)
    assert code == 0
    logged = sorted(line for line in err.splitlines() if line.startswith("longmem: - - "))
    assert len(logged) == 2, err
    assert re.fullmatch(
        r"longmem: - - 400 \d+\.\d ms \(Bad request syntax \('GARBAGE'\)\)", logged[0]
    )
    assert re.fullmatch(r"longmem: - - 505 \d+\.\d ms \(.*9\.9.*\)", logged[1])


def test_connection_flags_reach_the_server(tmp_path: Path) -> None:
    db = str(tmp_path / "x.db")
    proc = ServerProcess(
        "--port", "0", "--db", db, "--api-key", "k",
        "--max-connections", "2", "--idle-timeout", "0.3", "--request-timeout", "0.5",
    )  # fmt: skip
    try:
        with socket.create_connection(("127.0.0.1", proc.port), timeout=10) as slow:
            slow.sendall(b"GET /v1/memory/health HTTP/1.1\r\n")  # and no more
            answer = b"".join(iter(lambda: slow.recv(4096), b""))
        assert answer.startswith(b"HTTP/1.1 408")
        idle = [socket.create_connection(("127.0.0.1", proc.port), timeout=10) for _ in range(4)]
        api = proc.api("k")
        assert api.get(C).status == 200  # two idle connections were closed to make room
        api.close()
        for sock in idle:
            sock.close()
    finally:
        assert _stop(proc)[0] == 0


@pytest.mark.parametrize(
    ("flag", "value"),
    [("--max-connections", "0"), ("--idle-timeout", "0"), ("--request-timeout", "soon")],
)
def test_bad_connection_limits_are_usage_errors(tmp_path: Path, flag: str, value: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "longmem", "serve", "--db", str(tmp_path / "x.db"), flag, value],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=60,
    )
    assert done.returncode == 2
    assert flag in done.stderr


@pytest.mark.parametrize(
    "name", ["LONGMEM_SERVER_ALLOW_PRIVATE_FETCH", "LONGMEM_SERVER_LOG_REQUESTS"]
)
@pytest.mark.parametrize(
    ("raw", "on"),
    [
        *[("1", True), ("TRUE", True), ("Yes", True), ("on", True)],
        *[("0", False), ("off", False), ("OFF", False), ("No", False), ("false", False)],
        ("", False),
    ],
)
def test_a_boolean_switch_in_the_environment_reads_on_and_off_spellings(
    monkeypatch: pytest.MonkeyPatch, name: str, raw: str, on: bool
) -> None:
    monkeypatch.setenv(name, raw)
    args = _parser().parse_args([])
    dest = "allow_private_fetch" if name.endswith("FETCH") else "log_requests"
    assert getattr(args, dest) is on


@pytest.mark.parametrize("raw", ["disabled", "2", "enable", "tru"])
def test_a_boolean_switch_with_another_value_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], raw: str
) -> None:
    from longmem.server import cli

    monkeypatch.setenv("LONGMEM_SERVER_ALLOW_PRIVATE_FETCH", raw)
    db = tmp_path / "never.db"
    with pytest.raises(SystemExit) as exited:
        cli.main(["--db", str(db), "--port", "0"])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "LONGMEM_SERVER_ALLOW_PRIVATE_FETCH" in err and repr(raw) in err and "off" in err


def _texts(proc: ServerProcess, key: str) -> list[str]:
    api = proc.api(key)
    reply = api.get(f"{C}/notes/memories")
    api.close()
    return [] if reply.status == 404 else [m["text"] for m in reply.json]


@pytest.mark.skipif(sys.platform == "win32", reason="terminate() is not SIGTERM")
@pytest.mark.parametrize("by", ["flags", "environment"])
def test_serve_tenant_keys_each_see_only_their_tenant(tmp_path: Path, by: str) -> None:
    db = str(tmp_path / "tenants.db")
    flags = ["--tenant-key", "alice=lm_alice", "--tenant-key", "bob=lm_bob"]
    flags += ["--tenant-read-only-key", "bob=lm_bob_ro"]
    env = {
        "LONGMEM_SERVER_TENANT_KEYS": "alice=lm_alice, bob=lm_bob",
        "LONGMEM_SERVER_TENANT_READ_ONLY_KEYS": "bob=lm_bob_ro",
    }
    proc = ServerProcess(
        "--port",
        "0",
        "--db",
        db,
        *(flags if by == "flags" else []),
        env={"LONGMEM_SERVER_API_KEY": "lm_default", **(env if by == "environment" else {})},
    )
    try:
        assert any("tenants: alice, bob" in line for line in proc.lines)
        for key, text in (("lm_alice", "alice's note"), ("lm_bob", "bob's note")):
            api = proc.api(key)
            api.add("notes", text)
            api.close()
        assert _texts(proc, "lm_alice") == ["alice's note"]
        assert _texts(proc, "lm_bob") == ["bob's note"]
        assert _texts(proc, "lm_bob_ro") == ["bob's note"]
        assert _texts(proc, "lm_default") == []
        reader = proc.api("lm_bob_ro")
        assert reader.post(f"{C}/notes/memories", {"text": "no"}).status == 403
        reader.close()
    finally:
        proc.finish()


@pytest.mark.skipif(sys.platform == "win32", reason="terminate() is not SIGTERM")
def test_serve_grants_a_connector_root_to_a_tenant_made_by_a_flag(tmp_path: Path) -> None:
    folder = tmp_path / "alice"
    folder.mkdir()
    (folder / "diary.md").write_text("Alice keeps a diary.\n")
    proc = ServerProcess(
        "--port",
        "0",
        "--db",
        str(tmp_path / "roots.db"),
        "--tenant-key",
        "alice=lm_alice",
        "--tenant-key",
        "bob=lm_bob",
        "--connector-root",
        f"alice={folder}",
    )
    try:
        body = {"provider": "directory", "config": {"path": str(folder)}, "collection": "notes"}
        bob = proc.api("lm_bob")
        assert bob.post("/v1/memory/connections", body).status == 422
        bob.close()
        alice = proc.api("lm_alice")
        made = alice.post("/v1/memory/connections", body)
        assert made.status == 201, made.raw
        synced = alice.post(f"/v1/memory/connections/{made.json['id']}/sync")
        assert synced.status == 200, synced.raw
        alice.close()
        assert _texts(proc, "lm_alice") != [] and _texts(proc, "lm_bob") == []
    finally:
        proc.finish()


@pytest.mark.parametrize(
    ("flags", "said"),
    [
        (["--tenant-key", "alice"], "TENANT=KEY"),
        (["--tenant-key", "a/b=lm_x"], "TENANT=KEY"),
        (["--tenant-key", "*=lm_x"], "TENANT=KEY"),
        (["--tenant-key", "alice=lm_1", "--tenant-key", "alice=lm_2"], "two keys"),
        (["--tenant-key", "alice=lm_1", "--tenant-read-only-key", "bob=lm_1"], "same key"),
    ],
)
def test_serve_refuses_a_bad_tenant_key_before_opening_the_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], flags: list[str], said: str
) -> None:
    db = tmp_path / "never.db"
    assert cli.main(["serve", "--db", str(db), *flags]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and said in err and "lm_" not in err
    assert not db.exists()


def test_serve_refuses_a_key_the_database_holds_for_another_tenant(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "held.db")
    with LocalServer(db_path=db, api_key="lm_default"):
        pass
    assert cli.main(["serve", "--db", db, "--tenant-read-only-key", "bob=lm_default"]) == 2
    err = capsys.readouterr().err
    assert "already stored in this database as a write key of tenant 'default'" in err
    assert "lm_" not in err


def test_serve_that_cannot_listen_stores_no_key_and_the_next_start_prints_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "k.db")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        assert cli.main(["serve", "--port", port, "--db", db]) == 1
    out, err = capsys.readouterr()
    assert "cannot listen on" in err and "lm_" not in out + err
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM api_keys").fetchone() == (0,)
    proc = ServerProcess("serve", "--port", "0", "--db", db)
    assert any(line.startswith("longmem: generated API key") for line in proc.lines)
    assert _stop(proc)[0] == 0


def _wait_with_a_signal_at_line(
    line: int, wait: Callable[[], None], signal_: Callable[[], None]
) -> bool:
    """Run ``wait()`` in a thread with ``signal_()`` called at its ``line``-th line event,
    as a signal handler may run between any two bytecodes of the main thread; whether
    the wait returned (False: it hangs)."""
    seen = 0

    def tracer(frame: Any, event: str, arg: Any) -> Any:
        nonlocal seen
        if event == "line":
            seen += 1
            if seen == line:
                signal_()
        return tracer

    def run() -> None:
        sys.settrace(tracer)
        try:
            wait()
        finally:
            sys.settrace(None)

    waiter = threading.Thread(target=run, daemon=True)  # a hung one dies with the run
    waiter.start()
    waiter.join(5)
    return not waiter.is_alive()


def test_serve_stops_on_a_signal_handled_at_any_point_of_its_wait() -> None:
    # Event.set() from a handler that lands while Event.wait() holds the Event's lock
    # hangs for ever; the stop signal's handler must be safe wherever it lands.
    for line in range(1, 40):
        stop = cli.StopSignal()
        returned = _wait_with_a_signal_at_line(
            line,
            functools.partial(stop.wait, poll=0.001),
            functools.partial(stop, signal.SIGTERM, None),
        )
        assert returned, f"the wait hung with the signal handled at its line {line}"
        assert stop.signum == signal.SIGTERM


def _cpus_of(pid: int) -> set[str]:
    """The CPUs each live thread of ``pid`` may run on, as /proc lists them."""
    found = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            status = (task / "status").read_text()
        except OSError:
            continue  # a thread that ended meanwhile
        found.update(re.findall(r"^Cpus_allowed_list:\s*(\S+)$", status, re.M))
    return found


_MANY_CPUS = hasattr(os, "sched_getaffinity") and len(os.sched_getaffinity(0)) > 1


_LINUX = hasattr(os, "sched_setaffinity")


@pytest.mark.skipif(not _MANY_CPUS, reason="needs Linux and more than one usable CPU")
def test_serve_runs_on_every_cpu_unless_asked_for_one(tmp_path: Path) -> None:
    proc = ServerProcess("--port", "0", "--db", str(tmp_path / "a.db"))
    try:
        assert _cpus_of(proc.proc.pid) == _cpus_of(os.getpid())  # as this process may
        assert not any("running on CPU" in line for line in proc.lines)
    finally:
        assert _stop(proc)[0] == 0
    env = {"LONGMEM_SERVER_CPU": "auto"}
    proc = ServerProcess("--port", "0", "--db", str(tmp_path / "b.db"), "--api-key", "k", env=env)
    try:
        api = proc.api("k")
        assert api.get(C).status == 200  # the request threads have started
        [pinned] = _cpus_of(proc.proc.pid)
        assert int(pinned) in os.sched_getaffinity(0)
        said = f"longmem: running on CPU {pinned} (--cpu all for every CPU)\n"
        assert said in proc.lines, "".join(proc.lines)
        api.close()
    finally:
        assert _stop(proc)[0] == 0
    # The flag wins over the environment.
    proc = ServerProcess("--port", "0", "--db", str(tmp_path / "c.db"), "--cpu", "all", env=env)
    try:
        assert _cpus_of(proc.proc.pid) == _cpus_of(os.getpid())
    finally:
        assert _stop(proc)[0] == 0


@pytest.mark.skipif(not _MANY_CPUS, reason="needs Linux and more than one usable CPU")
def test_auto_keeps_a_server_allowed_one_cpu_as_it_is(tmp_path: Path) -> None:
    mine = os.sched_getaffinity(0)
    one = max(mine)
    os.sched_setaffinity(0, {one})  # the child inherits it, as under `taskset -c`
    try:
        proc = ServerProcess("--port", "0", "--db", str(tmp_path / "a.db"), "--cpu", "auto")
    finally:
        os.sched_setaffinity(0, mine)
    try:
        assert _cpus_of(proc.proc.pid) == {str(one)}
        assert not any("running on CPU" in line for line in proc.lines)
    finally:
        assert _stop(proc)[0] == 0


@pytest.mark.skipif(not _MANY_CPUS, reason="needs Linux and more than one usable CPU")
def test_serve_runs_on_the_cpu_asked_for(tmp_path: Path) -> None:
    cpu = str(max(os.sched_getaffinity(0)))
    proc = ServerProcess("--port", "0", "--db", str(tmp_path / "a.db"), "--cpu", cpu)
    try:
        assert _cpus_of(proc.proc.pid) == {cpu}
    finally:
        assert _stop(proc)[0] == 0


@pytest.mark.parametrize(
    ("value", "says"),
    [
        pytest.param(
            "4096",
            "not one this process may use",
            marks=pytest.mark.skipif(not _LINUX, reason="CPUs are chosen on Linux only"),
        ),
        ("fast", "expected all, auto or a CPU number"),
        ("\u0661", "expected all, auto or a CPU number"),  # an Arabic-Indic 1
        ("-1", "expected all, auto or a CPU number"),
    ],
)
def test_a_cpu_the_server_cannot_use_is_a_usage_error(
    tmp_path: Path, value: str, says: str
) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "longmem", "serve", "--db", str(tmp_path / "x.db"), "--cpu", value],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO), "PYTHONIOENCODING": "utf-8"},
        timeout=60,
    )
    assert done.returncode == 2
    assert "--cpu" in done.stderr and says in done.stderr
    assert not (tmp_path / "x.db").exists()  # refused before the database was opened


@pytest.mark.skipif(not _MANY_CPUS, reason="needs Linux and more than one usable CPU")
def test_main_called_in_a_process_gives_its_cpus_back(tmp_path: Path) -> None:
    before = os.sched_getaffinity(0)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        # It gets as far as listening, on one CPU, then fails and returns.
        assert cli.main(["--port", port, "--db", str(tmp_path / "x.db"), "--cpu", "0"]) == 1
    assert os.sched_getaffinity(0) == before


@pytest.mark.skipif(not _MANY_CPUS, reason="needs Linux and more than one usable CPU")
def test_a_cpu_the_system_refuses_ends_serve_with_a_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def refuse(pid: int, cpus: Any) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(cli.os, "sched_setaffinity", refuse)
    assert cli.main(["--port", "0", "--db", str(tmp_path / "x.db"), "--cpu", "auto"]) == 1
    err = capsys.readouterr().err
    assert "--cpu: cannot run on CPU" in err and "Operation not permitted" in err
