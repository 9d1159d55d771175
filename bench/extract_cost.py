"""The rule extractor's cost against the length of what it reads: whether some input
makes a server spend CPU growing faster than the message.

For each input kind, one thing said many times (a word, a mark, a phrase, in a frame such
as ``"I like " + run + "tea"``), the CPU of one ``RuleExtractor.extract`` call at two
lengths, 2,500 and 10,000 characters by default (10,000 is ``MAX_TEXT_CHARS``, the most
one call reads: ``remember`` cuts a longer message into such pieces), and their ratio.
Linear cost gives a ratio of about 4 and quadratic about 16; a ratio over 6 is flagged.
The kinds: those that were quadratic or worse before the forty-first round (``FOUND``),
then ``UNITS`` each said alone and in a frame. For scale, the same call on 10,000
characters of ordinary statements (the bench corpus) comes first. Then ``SENTENCES``:
one sentence with its run said 8 and 16 times, where a pattern that can read the run
more than one way costs time exponential in the count (linear: at most 2; flagged over
3). The exit status is 1 when anything is flagged.

CPU of this thread, the best of ``--repeat`` calls. When the shorter length already
costs more than ``--cap`` seconds, the longer one is not run. ``--tree PATH`` measures
the package of another checkout (e.g. ``git worktree add --detach /tmp/before REV``).

    python bench/extract_cost.py [--tree PATH] [--sizes 2500 10000] [--repeat 3] [--cap 2]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import datetime, timezone
from functools import partial
from pathlib import Path
from typing import Any, Callable

import _common as common

SAID = datetime(2026, 12, 3, 12, 0, tzinfo=timezone.utc)
FLAGGED = 1.5  # a ratio above this times the sizes' is not linear

# (before, run, after): the kinds found slower than linear by a sweep in the fortieth
# round, each mended in the forty-first (BENCHMARKS.md 6zj says where).
FOUND = [
    ("age: ", "(my ", ""),
    ("I like ", ", ", "tea"),
    ("I like ", ",", "tea"),
    ("I like ", "lol ", "tea"),
    ("my sister", ",", " Anna"),
    ("", "1 - ", ""),
    ("", "- I ", ""),
    ("I study ", "at ", "Oxford"),
    ("my flat in Paris ", "lol ", ""),
    ("I live in Paris, ", "-", ""),
    ("I ", "now ", " started at Google"),
    ("I like school ", "goes ", ""),
    ("I'm ", "living ", ""),
    ("", "\n", ""),
    ("I ", "moved ", ""),
    ("", "not going to Paris ", ""),
    ("I like ", "\t", "tea"),
    ("I have a ", "dog ", ""),
    ("", "Tom — who is 30 — just ", ""),
    ("I love ", "A-", "'s 5th birthday is today"),  # found in the forty-first round
]
# (before, run, after): sentences the forty-first round found exponential in the number of
# runs, where a pattern could read the run more than one way and tried every way.
SENTENCES = [
    ("We're ", "isn't ", "maybe moving to Leeds next month"),
    ("Marco and I got married", " 3 years", " x"),
    ("we ", "have finally ", "x, flat in Leith"),
    ("my mum drinks tea", ", herbal tea", " only at x"),
    ("only tea", ", herbal tea", " x"),
]
# Runs of what the rules read: marks, joins, the words patterns turn on, dates, chat.
UNITS = common._split(
    ". |? |! |; |: |, |,|.|-|'|\"|(|)|( |[|…|"
    "and |but |so |or |because |who |which |that |then |"
    "my |I |we |he |not |no |never |don't |I'm |we're |"
    "since |until |from |to |in |at |on |for |with |as |"
    "was |is |am |used to |no longer |anymore |now |just |still |"
    "moved to |live in |work at |my sister |Anna |called |named |"
    "15 |2024 |March |Monday |next week |last month |3pm |£5 |"
    "lol |haha |jk |😂 |omg |btw |pls |"
    "@x |#x |http://x.co/ |a@b.co |name: x\n|me: x\n|- x\n|1. |"
    "\n|  |\t|x|é|日本|Dr. |e.g. |'a |\"a ",
    "|",
)
FRAMES = [("", ""), ("I like ", "tea")]


def kinds() -> list[tuple[str, str, str]]:
    found = set(FOUND)
    framed = [(b, run, a) for run in UNITS for b, a in FRAMES if (b, run, a) not in found]
    return FOUND + framed


def measure(
    extract: Callable[[str], Any],
    inputs: Sequence[tuple[str, Callable[[int], str]]],
    sizes: tuple[int, int],
    unit: str,
    args: argparse.Namespace,
) -> list[str]:
    """Print a table of the CPU of ``extract`` on each input at both sizes; the labels
    of those whose ratio is over 1.5 times the linear one, or too slow to run twice."""
    small, large = sizes
    rows: list[list[object]] = []
    worst = (0.0, "")
    flagged = []
    for label, text in inputs:
        costs = [common.least_cpu(partial(extract, text(small)), args.repeat)]
        if costs[0] > args.cap:
            flagged.append(label)
            rows.append([label, f"{costs[0] * 1e3:.1f}", f"not run (> {args.cap:g} s)", "—"])
            continue
        costs.append(common.least_cpu(partial(extract, text(large)), args.repeat))
        ratio = costs[1] / costs[0] if costs[0] else 0.0
        if ratio > FLAGGED * large / small:
            flagged.append(label)
        worst = max(worst, (costs[1], label))
        rows.append([label, f"{costs[0] * 1e3:.1f}", f"{costs[1] * 1e3:.1f}", f"{ratio:.1f}"])
    heads = [
        f"ms at {small:,} {unit}",
        f"ms at {large:,} {unit}",
        f"ratio (linear ≤ {large / small:g})",
    ]
    print(common.table(["input", *heads], rows))
    print(
        f"\n{len(rows)} inputs; slowest at {large:,} {unit}: {worst[1]} ({worst[0] * 1e3:.0f} ms); "
        f"ratio over {FLAGGED * large / small:g} or not run: "
        + (", ".join(flagged) if flagged else "none")
        + "\n"
    )
    return flagged


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tree", type=Path, default=common.REPO)
    parser.add_argument("--sizes", type=int, nargs=2, default=(2500, 10000))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--cap", type=float, default=2.0)
    args = parser.parse_args(argv[1:])
    sys.path.insert(0, str(args.tree.resolve()))
    from longmem.server.extract import RuleExtractor

    extractor = RuleExtractor()
    extractor.extract("I live in Paris.", SAID)  # the rules compile at first use

    def extract(text: str) -> Any:
        return extractor.extract(text, SAID)

    common.header("The extractor's cost against its input's length", argv)
    print(f"Tree measured: {args.tree} ({common.code_version(args.tree.resolve())})\n")

    def said(before: str, run: str, after: str, chars: int) -> str:
        return before + run * max(1, (chars - len(before) - len(after)) // len(run)) + after

    def repeated(before: str, run: str, after: str, times: int) -> str:
        return before + run * times + after

    plain = " ".join(common.sentences(400))
    by_length: list[tuple[str, Callable[[int], str]]] = [
        ("ordinary statements (the bench corpus)", lambda chars: plain[:chars])
    ]
    for before, run, after in kinds():
        by_length.append((repr(before + run + "…" + after), partial(said, before, run, after)))
    print("### A message of one thing said many times\n")
    flagged = measure(extract, by_length, args.sizes, "chars", args)
    print("### One sentence of one thing said 8 and 16 times\n")
    by_count = [(repr(b + r + "…" + a), partial(repeated, b, r, a)) for b, r, a in SENTENCES]
    flagged += measure(extract, by_count, (8, 16), "times", args)
    return 1 if flagged else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
