"""What the CLI tests that talk to a real local server share: the server, and the
environment the commands read its address and key from (a module asks for it with
``pytestmark = pytest.mark.usefixtures("cli_env")``)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from longmem.server import LocalServer

KEY = "cli-test-key"


@pytest.fixture(scope="module")
def cli_key() -> str:
    """The key the commands use (a module with a server of its own may change it)."""
    return KEY


@pytest.fixture(scope="module")
def server(cli_key: str) -> Iterator[LocalServer]:
    with LocalServer(api_key=cli_key) as srv:
        yield srv


@pytest.fixture
def cli_env(server: LocalServer, cli_key: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LONGMEM_API_KEY", cli_key)
    monkeypatch.setenv("LONGMEM_BASE_URL", server.url)
