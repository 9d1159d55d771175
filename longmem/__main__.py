"""`python -m longmem`."""

import gc
import sys

from .cli import main

code = main()
if code == 130:
    # Collected now, while the CLI's hook keeps quiet about what the Ctrl-C left
    # half-built; at interpreter exit Python would report them with its own.
    gc.collect()
sys.exit(code)
