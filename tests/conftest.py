"""Fixtures for the whole suite."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest


@pytest.fixture
def refused_port() -> Iterator[int]:
    """A loopback port where a connection is refused: bound, never listening, and held for
    the test. A probe socket closed before the test connects frees the port for any other
    socket (a server the test starts, another run's) to take in the meantime."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        yield sock.getsockname()[1]
