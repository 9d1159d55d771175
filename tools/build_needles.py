"""Build ``longmem/server/extract/needles.json``: what text every match of each key rule
needs (``literals.needles``), so a server need not parse every rule's pattern on the
first statement it reads (~0.3 s). Run from the repository root after changing a rule::

    python tools/build_needles.py

A rule the table lacks still works: its pattern is parsed when first needed. The tests
check that the table holds every rule, as ``needles`` reads it today.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from longmem.server.extract.literals import NEEDLES_VERSION, TABLE, needles, pattern_key
from longmem.server.extract.rules import RULES


def main() -> int:
    table = {
        pattern_key(rule.source, rule.flags): needles(rule.source, rule.flags) for rule in RULES
    }
    about = (
        "What every match of each key rule's pattern needs, by pattern_key(source, flags); "
        "written by tools/build_needles.py"
    )
    # One pattern a line, so that a changed rule is a changed line.
    lines = [f"  {json.dumps(key)}: {json.dumps(table[key])}" for key in sorted(table)]
    body = ",\n".join(lines)
    head = f'{{"about": {json.dumps(about)},\n"version": {NEEDLES_VERSION},\n'
    TABLE.write_text(f'{head}"needles": {{\n{body}\n}}}}\n', "utf-8")
    print(f"{TABLE}: {len(table)} patterns, {TABLE.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
