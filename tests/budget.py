"""How many examples a property test tries: the number it names, divided by
``LONGMEM_TEST_EXAMPLES_DIVISOR`` (default 1). CI runs the whole count once, on the
interpreter of its README command, and a quarter of it on each other CPython of the
matrix, which is there to show the code runs on each, not to search deeper."""

from __future__ import annotations

import os

_DIVISOR = max(1, int(os.environ.get("LONGMEM_TEST_EXAMPLES_DIVISOR", "1")))


def examples(count: int) -> int:
    """``count`` examples, or a share of them when the divisor asks for fewer."""
    return max(min(count, 10), count // _DIVISOR)
