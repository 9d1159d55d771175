"""Loaded first: `tests.drivers` stands in for the asyncio transport where it is missing."""

from . import drivers  # noqa: F401
