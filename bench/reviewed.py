"""Memory quality, the rules' reviews kept: what the extractor keys from every statement a
review wrote, against what it keyed when the review was done.

``bench/quality/reviewed.jsonl`` holds the statements that helpers wrote to review rule
batches of the twenty-seventh to thirty-first rounds (issue 10), and the read half of the
thirty-first round's probe of the user's people: near misses (``N``:
must not be read as the batch's rules read), ways of saying it (``P``), controls (``C``)
and a few ungrouped (``?``), each with the reviewer's expectation where one was written,
and the keyed readings (``subject|attribute|value|negated``) the extractor gave on the
tree that closed the review, with their texts (``worded``, since the twenty-ninth round,
which keeps a clause's detail in a fact's text) — wrong ones included: the file records
what was accepted, not what is right, and the rounds' notes list the readings known
wrong. Most were written without reading the rules; none comes from a quality set.

A change to the rules runs it to see, before any set, which reviewed statements it reads
otherwise: per group, how many still read as accepted, how many key the same facts in
other words, and with ``--details`` each one (``-`` accepted, ``+`` now; texts as
``~-``, ``~+``). After reviewing those, ``--accept`` records this tree's readings. In
process, the rule extractor only, said at 2026-12-03 12:00 UTC.

    python bench/reviewed.py [--details] [--accept]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import _common as common

from longmem.server.extract import RuleExtractor

DATA = Path(__file__).resolve().parent / "quality" / "reviewed.jsonl"
SAID = datetime(2026, 12, 3, 12, 0, tzinfo=timezone.utc)
GROUPS = {"N": "near misses", "P": "ways of saying it", "C": "controls", "?": "ungrouped"}


def readings(extractor: RuleExtractor, say: str) -> tuple[list[str], list[str]]:
    """The keyed facts of one statement and their texts, as the file records them."""
    keyed = [f for f in extractor.extract(say, SAID) if f.attribute is not None]
    return (
        sorted(f"{f.subject}|{f.attribute}|{f.value}|{f.negated}" for f in keyed),
        sorted(f.text for f in keyed),
    )


def load(path: Path) -> list[dict[str, Any]]:
    """The file's rows; a malformed one is named by its line."""
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path.name} line {number}: not JSON ({exc.msg})") from None
        if (
            not isinstance(row, dict)
            or not isinstance(row.get("say"), str)
            or row.get("group") not in GROUPS
            or not isinstance(row.get("keyed"), list)
        ):
            raise ValueError(f"{path.name} line {number}: needs say, group (N P C ?) and keyed")
        row.setdefault("expect", "")
        rows.append(row)
    return rows


def compare(
    rows: list[dict[str, Any]], extractor: RuleExtractor
) -> list[tuple[dict[str, Any], tuple[list[str], list[str]]]]:
    """Each row with its readings on this tree."""
    return [(row, readings(extractor, row["say"])) for row in rows]


def show(accepted: list[str], now: list[str], mark: str) -> None:
    """What was accepted and is not read now (``-``), and what is read now only (``+``)."""
    for reading in accepted:
        if reading not in now:
            print(f"    {mark}- {reading}")
    for reading in now:
        if reading not in accepted:
            print(f"    {mark}+ {reading}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--details", action="store_true", help="list each statement read otherwise")
    parser.add_argument("--accept", action="store_true", help="record this tree's readings")
    args = parser.parse_args()
    common.header("Memory quality: the reviews' statements, read as accepted", sys.argv)
    rows = load(DATA)
    total: Counter[str] = Counter()
    changed: Counter[str] = Counter()
    reworded: Counter[str] = Counter()
    for row, (now, worded) in compare(rows, RuleExtractor()):
        total[row["group"]] += 1
        other_words = now == row["keyed"] and worded != row.get("worded", worded)
        if now != row["keyed"] or other_words:
            (reworded if other_words else changed)[row["group"]] += 1
            if args.details:
                expect = f"  ({row['expect']})" if row["expect"] else ""
                print(f"[{row['group']}] {row['say']}{expect}")
                show(row["keyed"], now, "")
                if other_words:
                    show(row["worded"], worded, "~")
        row["keyed"], row["worded"] = now, worded
    print(
        common.table(
            ["group", "statements", "read as accepted", "read otherwise", "same keys, other words"],
            [
                [
                    name,
                    total[group],
                    total[group] - changed[group] - reworded[group],
                    changed[group],
                    reworded[group],
                ]
                for group, name in GROUPS.items()
                if total[group]
            ],
        )
    )
    if args.accept:
        DATA.write_text(
            "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8"
        )
        print(f"recorded this tree's readings in {DATA.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
