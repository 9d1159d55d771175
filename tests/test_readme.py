"""Every code sample in README.md runs, in order, against the real local server.

Python blocks share one namespace, as a reader pasting them into one session would.
Shell blocks that start with `longmem ` run through `python -m longmem`. The install and
test commands are not run here (CI runs them); neither is `serve`, which never exits.
"""

from __future__ import annotations

import importlib
import os
import re
import shlex
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import longmem
from longmem.server import LocalServer
from tests.server.server_api import ServerProcess

README = Path(__file__).resolve().parent.parent / "README.md"
# Its samples call a model: tests/agent/test_readme_agents.py runs them with recorded replies.
AGENT_SECTION = "## Give your agent a memory"
KEY = "readme-admin-key"  # an admin key also writes, so every sample may use it
_BLOCK = re.compile(r"^```(\w+)\n(.*?)^```", re.MULTILINE | re.DOTALL)


def readme_blocks(language: str, section: str = "") -> list[str]:
    """The README's code blocks in `language`, all of them or those of one `## ` section."""
    text = README.read_text("utf-8")
    if section:
        text = text.split(f"\n{section}\n", 1)[1].split("\n## ", 1)[0]
    return [body for lang, body in _BLOCK.findall(text) if lang == language]


def _blocks(language: str) -> list[str]:
    agent = readme_blocks(language, AGENT_SECTION)
    return [body for body in readme_blocks(language) if body not in agent]


@pytest.fixture(scope="module")
def environment(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    workdir = tmp_path_factory.mktemp("readme")
    (workdir / "notes").mkdir()
    (workdir / "notes" / "standup.md").write_text("Standup moved to 9:30.\n", "utf-8")
    # The samples run in WORKDIR, as if `longmem serve --connector-root notes` had been
    # started there, as the connector sample says.
    with LocalServer(admin_key=KEY, connector_roots=[str(workdir / "notes")]) as server:
        yield {"LONGMEM_API_KEY": KEY, "LONGMEM_BASE_URL": server.url, "WORKDIR": str(workdir)}


def test_readme_has_python_samples() -> None:
    assert len(_blocks("python")) >= 8


def test_python_samples_run_in_order(
    environment: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LONGMEM_API_KEY", environment["LONGMEM_API_KEY"])
    monkeypatch.setenv("LONGMEM_BASE_URL", environment["LONGMEM_BASE_URL"])
    monkeypatch.chdir(environment["WORKDIR"])
    namespace: dict[str, object] = {"__name__": "readme"}
    for number, block in enumerate(_blocks("python"), start=1):
        try:
            exec(compile(block, f"README.md python block {number}", "exec"), namespace)
        except Exception as exc:  # pragma: no cover - the message is the point
            pytest.fail(f"README python block {number} failed: {exc!r}\n{block}")


_IMPORT = re.compile(r"from (longmem[\w.]*) import (\([^)]*\)|[^\n`]*)")


def test_every_import_the_readme_shows_imports() -> None:
    # In prose too, where no sample runs it.
    shown = _IMPORT.findall(README.read_text("utf-8"))
    assert len(shown) >= 10
    for module, names in shown:
        for name in names.strip("()").split(","):
            name = name.split(" as ")[0].strip()
            if name and name != "*":
                assert hasattr(importlib.import_module(module), name), (
                    f"from {module} import {name}"
                )


def test_connector_sample_runs_against_serve_started_as_it_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The server started as the text before the sample says, in the folder that holds
    # notes/, and the program somewhere else: a relative path is the server's.
    section = README.read_text("utf-8").split("### Connectors, admin views, portability\n")[1]
    serve = re.search(r"`python -m longmem serve ([^`]*)`", section.split("```python")[0])
    assert serve is not None, "the connector sample says how to start the server"
    [block] = [body for body in _blocks("python") if "create_connection(" in body]
    served, elsewhere = tmp_path / "served", tmp_path / "elsewhere"
    (served / "notes").mkdir(parents=True)
    (served / "notes" / "standup.md").write_text("Standup moved to 9:30.\n", "utf-8")
    elsewhere.mkdir()
    server = ServerProcess(
        "serve", *shlex.split(serve.group(1)),
        "--port", "0", "--db", str(tmp_path / "serve.db"), "--admin-key", KEY, cwd=served,
    )  # fmt: skip
    try:
        monkeypatch.setenv("LONGMEM_API_KEY", KEY)
        monkeypatch.setenv("LONGMEM_BASE_URL", f"http://127.0.0.1:{server.port}")
        monkeypatch.chdir(elsewhere)
        namespace: dict[str, Any] = {"__name__": "readme"}
        exec("from longmem import Longmem\nmem = Longmem()\n" + block, namespace)
        stored = namespace["mem"].list_memories(collection="notes")
        assert [m["text"] for m in stored] == ["Standup moved to 9:30."]
    finally:
        assert server.finish()[0] == 0


_CLI = re.compile(r"(^|\|\s*)longmem ")


def _cli_lines() -> list[str]:
    """Shell lines that run the `longmem` command (alone or at the end of a pipe)."""
    return [
        line.strip()
        for block in _blocks("sh")
        for line in block.splitlines()
        if _CLI.search(line) and "longmem serve" not in line
    ]


def test_readme_shows_the_cli() -> None:
    assert len(_cli_lines()) >= 5


@pytest.mark.parametrize("line", _cli_lines())
def test_cli_samples_run(environment: dict[str, str], line: str) -> None:
    # The subprocess runs in a scratch folder: point it at the package under test.
    package_root = str(Path(longmem.__file__).resolve().parent.parent)
    pythonpath = os.pathsep.join(filter(None, [package_root, os.environ.get("PYTHONPATH")]))
    env = {**os.environ, **environment, "PYTHONPATH": pythonpath}
    # `longmem ...` is the console script; run the same entry point by module.
    python = shlex.quote(sys.executable)
    command = _CLI.sub(lambda m: f"{m.group(1)}{python} -m longmem ", line)
    done = subprocess.run(
        command,
        shell=True,
        cwd=environment["WORKDIR"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, f"{line}\n{done.stderr}"
