"""The real local server, started once per module, and memory tools on a client of it."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from longmem import Longmem
from longmem.agent import MemoryTools
from longmem.server import LocalServer

KEY = "agent-write-key"
READ_ONLY_KEY = "agent-read-key"


@pytest.fixture(scope="module")
def local_server() -> Iterator[LocalServer]:
    with LocalServer(api_key=KEY, read_only_key=READ_ONLY_KEY, connector_roots=[]) as server:
        yield server


@pytest.fixture
def mem(local_server: LocalServer) -> Iterator[Longmem]:
    with Longmem(api_key=KEY, base_url=local_server.url, max_retries=0) as client:
        yield client


@pytest.fixture
def collection() -> str:
    """A collection name no other test uses (the server is shared by the module)."""
    return "c-" + os.urandom(6).hex()


@pytest.fixture
def tools(mem: Longmem, collection: str) -> MemoryTools:
    return MemoryTools(mem, collection=collection)
