"""The one way the package keeps `typing` out of `import longmem`.

Importing `typing` costs about 3 ms on CPython 3.12 and 3.13, as much as the rest of
the SDK's own modules together (BENCHMARKS.md, question 1). The package never needs it
at run time: every module starts with ``from __future__ import annotations``, so
annotations stay strings that are never evaluated. A module that names typing's types
in annotations imports them from here:

    from ._typing import TYPE_CHECKING, cast

    if TYPE_CHECKING:
        from typing import Any, Optional

Type checkers treat any ``if TYPE_CHECKING:`` block as taken and see typing's own
`cast`; the interpreter skips the block and uses the stand-in below, which does at run
time what typing's does. `@overload` signatures go inside such a block too (see
`Longmem.remember`): only type checkers need them. `types.py` is the exception: its
TypedDicts are classes, so it imports `typing`, and the package imports it only under
``if TYPE_CHECKING:``.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import cast as cast
else:

    def cast(_type, value):
        """typing.cast: returns `value` unchanged."""
        return value
