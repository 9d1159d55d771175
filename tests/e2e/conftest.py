"""The real local server, started once per module, and clients of it."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from longmem import Longmem
from longmem.server import LocalServer

KEY = "e2e-write-key"
READ_ONLY_KEY = "e2e-read-key"
ADMIN_KEY = "e2e-admin-key"


@pytest.fixture(scope="module")
def local_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalServer]:
    # Every test's tmp_path lies under the base temp folder: directory connections of the
    # module's tests may read there. Feeds are served on loopback: allowed by name.
    roots = [str(tmp_path_factory.getbasetemp())]
    with LocalServer(
        api_key=KEY,
        read_only_key=READ_ONLY_KEY,
        admin_key=ADMIN_KEY,
        connector_roots=roots,
        fetch_allow=["127.0.0.1"],
    ) as server:
        yield server


@pytest.fixture
def mem(local_server: LocalServer) -> Iterator[Longmem]:
    with Longmem(api_key=KEY, base_url=local_server.url, max_retries=0) as client:
        yield client


@pytest.fixture
def alone(local_server: LocalServer) -> Iterator[Longmem]:
    """A client of a tenant of its own on the module's server: the text arm's word
    statistics are the tenant's, so what other tests stored (whichever ran on this worker
    before) cannot change what its searches rank."""
    with Longmem(
        api_key=local_server.add_tenant_key(), base_url=local_server.url, max_retries=0
    ) as client:
        yield client


@pytest.fixture(scope="module")
def plain_server() -> Iterator[LocalServer]:
    """The local server without the built-in meaning (``meaning=False``): for tests that
    pin what the built-in arms alone return, which the meaning arm would fill in after."""
    with LocalServer(api_key=KEY, meaning=False) as server:
        yield server


@pytest.fixture
def plain(plain_server: LocalServer) -> Iterator[Longmem]:
    with Longmem(api_key=KEY, base_url=plain_server.url, max_retries=0) as client:
        yield client


@pytest.fixture
def collection() -> str:
    """A collection name no other test uses (the server is shared by the module)."""
    return "c-" + os.urandom(6).hex()
