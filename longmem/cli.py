"""`python -m longmem …`: the command line.

`serve` runs the local server (its flags are `longmem.server.cli`'s). The server is
imported only for that command, so the SDK commands never load it.
"""

from __future__ import annotations

import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Optional

_USAGE = """usage: python -m longmem <command> [options]

commands:
  serve    run the local Longmem server (python -m longmem serve --help)
"""


def main(argv: Optional[list[str]] = None) -> int:
    """Run one command; returns the exit status (2 for a usage error)."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["serve"]:
        from .server.cli import main as serve

        return serve(args[1:])
    if args[:1] in (["-h"], ["--help"]):
        sys.stdout.write(_USAGE)
        return 0
    sys.stderr.write(_USAGE)
    if args:
        sys.stderr.write(f"longmem: unknown command {args[0]!r}\n")
    return 2
