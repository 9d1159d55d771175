"""Memory quality, the other side: sentences about someone or something else must not
change the user's facts.

``bench/quality/corruption.jsonl`` holds 787 sentences a user might type, each with its
``kind``: ``someone_else`` (about a neighbour, a client, a pet, a celebrity, "one of my
friends", a wish or advice: none may key a fact to the user), ``the_user`` (controls that
must key one) and ``either`` (about the user, but keying nothing is no harm: "I'm not a
teacher", "I'm visiting my sister in Leeds"). A helper wrote them to attack the rules
(issue 10, eighth round), so they are denser in traps than everyday chat: the rate says
how many traps remain, not how often they occur.

Each sentence is remembered in a collection of its own on a fresh server process
(``remember``, the rules extractor); a fact keyed to the user is one whose ``subject`` is
``user`` and whose ``attribute`` is set. Reported: the ``someone_else`` sentences keyed to
the user (with ``--details``, which ones and what), and the controls left unkeyed.

    python bench/corruption.py [--details]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import _common as common

from longmem import Longmem

DATA = Path(__file__).resolve().parent / "quality" / "corruption.jsonl"
KINDS = ("someone_else", "the_user", "either")


def load(path: Path = DATA) -> list[dict[str, str]]:
    """The rows, each checked: a non-empty ``say`` and a known ``kind``."""
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        if not str(row.get("say", "")).strip() or row.get("kind") not in KINDS:
            raise ValueError(f"{path.name} line {number}: needs a 'say' and a kind in {KINDS}")
        rows.append(row)
    return rows


def user_keys(facts: list[dict[str, object]]) -> list[str]:
    """The facts keyed to the user, as ``attribute=value`` (``not`` before a denial)."""
    return [
        f"{'not ' if fact.get('negated') else ''}{fact['attribute']}={fact.get('value')}"
        for fact in facts
        if fact.get("subject") == "user" and fact.get("attribute")
    ]


def run(rows: list[dict[str, str]]) -> list[tuple[dict[str, str], list[str]]]:
    """Each row with the facts its sentence keyed to the user, on one fresh server."""
    out = []
    with common.ServerProcess() as server:
        client = Longmem(api_key=common.API_KEY, base_url=server.url, timeout=120)
        for number, row in enumerate(rows):
            facts = client.remember(row["say"], collection=f"s{number}")
            out.append((row, user_keys([dict(fact) for fact in facts])))
        client.close()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--details", action="store_true", help="list what was keyed wrongly")
    args = parser.parse_args()
    common.header("Memory quality: sentences about someone else", sys.argv)
    rows = load()
    results = run(rows)
    wrong = [(row, keys) for row, keys in results if row["kind"] == "someone_else" and keys]
    missed = [row for row, keys in results if row["kind"] == "the_user" and not keys]
    counted = {kind: sum(row["kind"] == kind for row in rows) for kind in KINDS}
    print(
        common.table(
            ["sentences", "kind", "keyed to the user", "not keyed"],
            [
                [
                    counted["someone_else"],
                    "someone else's",
                    len(wrong),
                    counted["someone_else"] - len(wrong),
                ],
                [
                    counted["the_user"],
                    "the user's (controls)",
                    counted["the_user"] - len(missed),
                    len(missed),
                ],
            ],
        )
    )
    print(
        f"\nSomeone else's facts keyed to the user: {len(wrong)} of {counted['someone_else']}"
        f" ({len(wrong) / counted['someone_else']:.1%}); controls not keyed: {len(missed)}"
        f" of {counted['the_user']}."
    )
    if args.details:
        for row, keys in wrong:
            print(f"- {row['say']!r} → {', '.join(keys)}")
        for row in missed:
            print(f"- control not keyed: {row['say']!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
