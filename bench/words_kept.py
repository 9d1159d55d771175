"""Memory quality, one capability: nothing a user said is silently dropped by `remember`.

A clause can key a fact and say more beside it ("I'm 30, boyfriend is a chef, works at
Nobu"): what the fact's text does not hold must still be in some memory's text, since the
text is what search finds and an agent reads (`statement` keeps the clause, but neither
search nor the agent tools read it). Two measures, each through `remember` on a fresh
server process (the rules extractor):

1. **Names and numbers lost.** Every tuning statement of the quality sets (``dev*.jsonl``,
   ``answers_review``, ``answers_blind``, ``answers_b2tune``, ``answers_b3tune``) and
   ``reviewed.jsonl``, fed in order per persona or scenario with its time (reviewed
   statements 40 to a collection, said on one day): how many statements that stored
   anything hold a name (a capitalised word after the first word of a sentence or
   pause) or a number that no memory made of them holds, and how many memories they
   made. Held-out sets are not read.
2. **The rest probe** (``quality/rests.jsonl``): 240 chat messages a helper wrote blind on
   2026-12-04 (it read no code, rules or sets), each a fact of the user's and more after
   a pause, with the words of that more that a reader must find (``keep``) and those of
   a question, a request or chit-chat that should not be stored (``drop``). Odd lines
   are the read half (rules were written against it), even lines the aside half (never
   read by whoever writes rules: only its aggregates are printed). Reported: keep words
   found, messages whose keep words were all found, drop words stored.

    python bench/words_kept.py [--before PATH] [--details] [--quick]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import _common as common

from longmem import Longmem

DATA = Path(__file__).resolve().parent / "quality"
_TUNING = ("dev", "dev2", "dev3", "dev4")
_ANSWERS = ("answers_review", "answers_blind", "answers_b2tune", "answers_b3tune")
_REVIEWED_PER_COLLECTION = 40
_REVIEWED_SAID = "2025-06-04T10:00:00Z"
# --quick: this many collections of statements and probe lines only
_QUICK = 20
# A name or a number said after a sentence's or a pause's first word: "hubs works in
# Bath", "route 46A" (not "I", nor the first word of what was typed).
_NAMED = re.compile(r"(?<=[\w,;:)'’] )(?!I\b|I['’])(?:[A-Z][\w'’-]*|\d[\w:.%]*)")


def statements() -> Iterator[list[tuple[str, str]]]:
    """The tuning statements, as (text, said) sequences, one per collection."""
    for part in _TUNING:
        personas: dict[str, list[tuple[str, str]]] = {}
        for line in (DATA / f"{part}.jsonl").read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if "say" in row:
                personas.setdefault(row["persona"], []).append((row["say"], row["at"]))
        yield from personas.values()
    for name in _ANSWERS:
        for line in (DATA / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
            yield [(text, said) for text, said in json.loads(line)["said"]]
    reviewed = [
        json.loads(line)["say"]
        for line in (DATA / "reviewed.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    step = _REVIEWED_PER_COLLECTION
    for start in range(0, len(reviewed), step):
        yield [(text, _REVIEWED_SAID) for text in reviewed[start : start + step]]


def _lost(text: str, texts: list[str]) -> list[str]:
    """The names and numbers of ``text`` that none of ``texts`` holds (any case)."""
    held = " ".join(texts).lower().replace("’", "'")
    return [
        word
        for word in (m.group().rstrip(".'’") for m in _NAMED.finditer(text))
        if word and word.lower().replace("’", "'") not in held
    ]


def names_lost(tree: Path, quick: bool) -> tuple[int, int, int, list[tuple[str, list[str]]]]:
    """(statements that stored anything, of them those that lost a name or number,
    memories made, the losses)."""
    stored = losing = memories = 0
    losses: list[tuple[str, list[str]]] = []
    with common.ServerProcess(repo=tree) as server:
        client = Longmem(api_key=common.API_KEY, base_url=server.url, timeout=120)
        for number, sequence in enumerate(statements()):
            if quick and number == _QUICK:
                break
            for text, said in sequence:
                made = client.remember(text, collection=f"kept-{number}", observed_at=said)
                if not made:
                    continue
                stored += 1
                memories += len(made)
                lost = _lost(text, [m["text"] for m in made])
                if lost:
                    losing += 1
                    losses.append((text, lost))
        client.close()
    return stored, losing, memories, losses


def probe(tree: Path, quick: bool) -> list[tuple[int, dict[str, Any], str]]:
    """Each probe line's number, row and the texts its memories hold (joined)."""
    rows = [
        (number, json.loads(line))
        for number, line in enumerate(
            (DATA / "rests.jsonl").read_text(encoding="utf-8").splitlines(), 1
        )
        if line.strip()
    ][: _QUICK if quick else None]
    found = []
    with common.ServerProcess(repo=tree) as server:
        client = Longmem(api_key=common.API_KEY, base_url=server.url, timeout=120)
        for number, row in rows:
            made = client.remember(row["say"], collection=f"rest-{number}")
            found.append((number, row, " || ".join(m["text"] for m in made)))
        client.close()
    return found


def probe_rows(label: str, found: list[tuple[int, dict[str, Any], str]]) -> list[list[object]]:
    out: list[list[object]] = []
    for half, odd in (("read (odd lines)", 1), ("aside (even lines)", 0)):
        keep = kept = whole = wanted = drop = stored = 0
        for number, row, texts in found:
            if number % 2 != odd:
                continue
            held = texts.lower()
            hits = [k for k in row["keep"] if k.lower() in held]
            keep, kept = keep + len(row["keep"]), kept + len(hits)
            if row["keep"]:
                wanted += 1
                whole += len(hits) == len(row["keep"])
            drop += len(row["drop"])
            stored += sum(d.lower() in held for d in row["drop"])
        out.append([label, half, f"{kept} / {keep}", f"{whole} / {wanted}", f"{stored} / {drop}"])
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, help="another tree to compare")
    parser.add_argument(
        "--details", action="store_true", help="list the losses and the read half's misses"
    )
    parser.add_argument("--quick", action="store_true", help="a few statements only")
    args = parser.parse_args()
    common.header("Words kept: what remember stores of what was said", sys.argv)
    trees = [("before", args.before)] if args.before else []
    trees.append(("after" if args.before else "this tree", common.REPO))
    lost_rows, probe_table = [], []
    for label, tree in trees:
        stored, losing, memories, losses = names_lost(tree, args.quick)
        lost_rows.append([label, stored, f"{losing} ({100 * losing / stored:.1f}%)", memories])
        found = probe(tree, args.quick)
        probe_table += probe_rows(label, found)
        if args.details and tree == common.REPO:
            for text, lost in losses:
                print(f"- {text}  → lost {lost}")
            for number, row, texts in found:
                held = texts.lower()
                missed = [k for k in row["keep"] if k.lower() not in held]
                stored_drop = [d for d in row["drop"] if d.lower() in held]
                if number % 2 and (missed or stored_drop):
                    print(f"- probe {number}: {row['say']}\n    → {texts}")
    print(
        common.table(
            ["tree", "statements that stored", "of them losing a name or number", "memories"],
            lost_rows,
        )
    )
    print()
    print(
        common.table(
            ["tree", "probe half", "keep words found", "messages all kept", "drop words stored"],
            probe_table,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
