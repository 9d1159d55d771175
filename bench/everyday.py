"""Memory quality, one capability: everyday chat that only looks like a fact keys nothing.

``quality/everyday.jsonl``: 310 messages a helper wrote blind on 2026-12-05 (it read no
code, rules, tests or sets), in twelve groups of what looks like a fact and is not —
similes, idioms, sarcasm, hypotheticals, other people's news, famous people, quoted
speech, questions, the past, denials, small talk, numbers that are no age — with about
70 that do state one, as controls. Each line holds the keyed facts a careful reader
would take from it (``keys``: subject, attribute, value), ``[]`` for none.

The rules extractor reads each message on its own (in process; the facts ``remember``
would store before it resolves names against a collection). Counted per message:

- **a wrong key**: a fact said to hold now of the user or of one of the user's people
  ("User lives in the gym", "User's mum is allergic to hard work") that the line does not
  hold. Not counted: a denial (it only retires a value), a bare name's fact (someone
  else's: "Keanu is 60"), who the user's people are ("User's brother is Tom").
- **a key missed**: one of the line's keys not read (a value matches when either holds
  the other, in any case).

Odd lines are the read half (the thirty-seventh round's rules were written against it),
even lines the aside half: for it only the counts are printed, never a message.

    python bench/everyday.py [--before PATH] [--details]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import _common as common

from longmem.server.facts import RELATION_ATTRIBUTES

DATA = Path(__file__).resolve().parent / "quality" / "everyday.jsonl"
HALVES = ("read", "aside")
_SAID = datetime(2026, 5, 1, 12, tzinfo=timezone.utc)


def load(half: str) -> list[dict[str, Any]]:
    """The lines of one half, each checked: a message, its keys, its group."""
    rows = []
    for number, line in enumerate(DATA.read_text(encoding="utf-8").splitlines(), start=1):
        if (number % 2 == 1) != (half == "read"):
            continue
        row = json.loads(line)
        keys = row.get("keys")
        if not (
            isinstance(row.get("say"), str)
            and isinstance(row.get("group"), str)
            and isinstance(keys, list)
            and all(isinstance(k, list) and len(k) == 3 for k in keys)
        ):
            raise ValueError(f"everyday.jsonl line {number}: not a message with its keys")
        rows.append(row)
    return rows


def _same_value(got: str, want: str) -> bool:
    got, want = got.lower(), want.lower()
    return got in want or want in got


def _same_subject(got: str, want: str) -> bool:
    # "sister:Anna" and "sister:" are the same relative; the user is the user
    if got == want:
        return True
    return ":" in got and ":" in want and got.split(":")[0].lower() == want.split(":")[0].lower()


def _matches(fact: tuple[str, str, str], key: list[str]) -> bool:
    return _same_subject(fact[0], key[0]) and fact[1] == key[1] and _same_value(fact[2], key[2])


def judge(row: dict[str, Any], facts: list[Any]) -> tuple[list[tuple[str, str, str]], list[Any]]:
    """The wrong keys and the keys missed of one message, given the facts read from it."""
    read = [(f.subject, f.attribute, f.value or "") for f in facts if f.attribute]
    held = [
        (f.subject, f.attribute, f.value or "")
        for f in facts
        if f.attribute
        and not f.negated
        and (f.subject == "user" or ":" in f.subject)
        and f.attribute not in RELATION_ATTRIBUTES  # who they are: not counted (see above)
    ]
    wrong = [fact for fact in held if not any(_matches(fact, key) for key in row["keys"])]
    missed = [key for key in row["keys"] if not any(_matches(fact, key) for fact in read)]
    return wrong, missed


def measure(half: str, details: bool) -> dict[str, Any]:
    """This checkout's counts for one half; with ``details``, each read-half message
    read wrongly or short is printed too."""
    from longmem.server.extract import RuleExtractor

    extractor = RuleExtractor()
    rows = load(half)
    wrong_lines = missed_lines = 0
    by_group: Counter[str] = Counter()
    for row in rows:
        wrong, missed = judge(row, extractor.extract(row["say"], _SAID))
        wrong_lines += bool(wrong)
        missed_lines += bool(missed)
        by_group[row["group"]] += bool(wrong)
        if details and half == "read" and (wrong or missed):
            print(f"[{row['group']}] {row['say']}", file=sys.stderr)
            for fact in wrong:
                print(f"    wrong: {fact}", file=sys.stderr)
            for key in missed:
                print(f"    missed: {tuple(key)}", file=sys.stderr)
    return {
        "lines": len(rows),
        "keyless": sum(1 for row in rows if not row["keys"]),
        "wrong": wrong_lines,
        "missed": missed_lines,
        "with_keys": sum(1 for row in rows if row["keys"]),
        "wrong_by_group": dict(sorted((g, n) for g, n in by_group.items() if n)),
    }


def _of_tree(tree: str) -> dict[str, dict[str, Any]]:
    done = subprocess.run(
        [sys.executable, __file__, "--json"],
        capture_output=True,
        text=True,
        check=True,
        env=common.bench_env(Path(tree)),
    )
    result: dict[str, dict[str, Any]] = json.loads(done.stdout)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", metavar="PATH", help="another tree, to compare")
    parser.add_argument(
        "--details", action="store_true", help="list each read-half message read wrongly"
    )
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.json:
        print(json.dumps({half: measure(half, False) for half in HALVES}))
        return
    common.header("Memory quality: everyday chat that only looks like a fact", sys.argv)
    trees = [("this tree", {half: measure(half, args.details) for half in HALVES})]
    if args.before:
        trees.insert(0, ("before", _of_tree(args.before)))
    rows = [
        [
            name,
            half,
            counts["lines"],
            counts["keyless"],
            f"{counts['wrong']} ({100 * counts['wrong'] / counts['lines']:.0f} %)",
            f"{counts['missed']} of {counts['with_keys']}",
            ", ".join(f"{g} {n}" for g, n in counts["wrong_by_group"].items()) or "—",
        ]
        for name, result in trees
        for half, counts in result.items()
    ]
    headers = ["tree", "half", "messages", "with no key", "with a wrong key", "with a key missed"]
    print(common.table([*headers, "wrong, by group"], rows))


if __name__ == "__main__":
    main()
