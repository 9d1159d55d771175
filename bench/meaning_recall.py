"""The built-in meaning embedder alone: does a question's vector point at the message
that answers it?

For each set of bench/answers.py, every message said in any of its scenarios is one
pool; each question with relevant words is embedded and the pool ranked by cosine, and
the answer is any message of the question's own scenario that holds a relevant word
(answers.py's matching). Reported per set and in all: MRR, hit@1, recall@5 and recall@20
of the answer among the pool's messages (a few hundred a set), and recall@20 of the
questions that share no token with their answer (the ones only meaning can find: no
text arm reaches them). No server runs: this measures the vectors, not search.

    python bench/meaning_recall.py [--set tune|aside|all|NAME] [--vectors A.bin,B.bin] [--model]

``--vectors`` compares vectors files (default: the package's ``meaning.bin``; an older
one comes from ``git show REV:longmem/server/meaning.bin > old.bin``); ``--model`` adds
all-MiniLM-L6-v2 itself (bench/embed_server.py), the model the vectors are distilled
from, as the ceiling. ``tune`` is the sets rules were written from (review, blind and
the b*tune halves), ``aside`` the ones never read (b4 and the b*aside halves).
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Callable, NamedTuple

import _common as common
import answers

from longmem.server.meaning import MeaningEmbedder

TUNE = tuple(s for s in answers.SETS if s in ("review", "blind") or s.endswith("tune"))
ASIDE = tuple(s for s in answers.SETS if s not in TUNE)
Embed = Callable[[Sequence[str]], list[list[float]]]


class Ranks(NamedTuple):
    """The rank (from 1) of each question's first answer, and whether the question shares
    a token with its answers."""

    ranks: list[int]
    shared: list[bool]


def rank_set(name: str, embed: Embed, tokens: Callable[[str], set[int]]) -> Ranks:
    scenarios = answers.load(name)
    pool = [(n, text) for n, s in enumerate(scenarios) for text, _ in s["said"]]
    vectors = embed([text for _, text in pool])
    said = [tokens(text) for _, text in pool]
    asked = []  # (question, the pool's messages that answer it)
    for n, scenario in enumerate(scenarios):
        for ask in scenario["asks"]:
            rel = ask.get("rel", [])
            gold = [i for i, (m, text) in enumerate(pool) if m == n and answers._holds(text, rel)]
            if rel and gold:
                asked.append((ask["ask"], gold))
    ranks, shared = [], []
    for (question, gold), query in zip(asked, embed([q for q, _ in asked])):
        cosines = [math.fsum(q * v for q, v in zip(query, vector)) for vector in vectors]
        order = sorted(range(len(pool)), key=lambda i: -cosines[i])
        ranks.append(1 + min(order.index(i) for i in gold))
        words = tokens(question)
        shared.append(any(words & said[i] for i in gold))
    return Ranks(ranks, shared)


def summary(name: str, arm: str, found: Ranks) -> list[object]:
    ranks = found.ranks
    alone = [r for r, s in zip(ranks, found.shared) if not s]

    def share(values: list[int], top: int) -> str:
        return f"{100 * sum(r <= top for r in values) / len(values):.1f}" if values else "—"

    return [
        name,
        arm,
        len(ranks),
        f"{sum(1 / r for r in ranks) / len(ranks):.3f}",
        share(ranks, 1),
        share(ranks, 5),
        share(ranks, 20),
        len(alone),
        share(alone, 20),
    ]


def arms(paths: list[str], model: bool) -> list[tuple[str, Embed]]:
    found: list[tuple[str, Embed]] = []
    for path in paths:
        embedder = MeaningEmbedder(Path(path)) if path else MeaningEmbedder()
        found.append((path or "meaning.bin", embedder.embed))
    if model:
        import embed_server  # NumPy, only when it is asked for

        problem = embed_server.available()
        if problem:
            sys.exit(f"--model: {problem}")
        minilm = embed_server.MiniLM()
        found.append(("all-MiniLM-L6-v2", lambda texts: [list(minilm.embed(t)) for t in texts]))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=[*answers.SETS, "tune", "aside", "all"], default="all")
    parser.add_argument("--vectors", default="", help="comma-separated vectors files")
    parser.add_argument("--model", action="store_true", help="all-MiniLM-L6-v2 too")
    args = parser.parse_args()
    common.header("The built-in meaning embedder alone", sys.argv)
    groups = {"tune": TUNE, "aside": ASIDE}
    wanted = [g for g in ("tune", "aside") if args.set in (g, "all")]
    names = {g: groups[g] for g in wanted} or {args.set: (args.set,)}
    reader = MeaningEmbedder()

    def tokens(text: str) -> set[int]:
        return set(reader.tokens(text))

    headers = ["set", "vectors", "questions", "MRR", "hit@1 %", "recall@5 %", "recall@20 %"]
    headers += ["no shared token", "their recall@20 %"]
    rows: list[list[Any]] = []
    for arm, embed in arms(args.vectors.split(","), args.model):
        for group, sets in names.items():
            total = Ranks([], [])
            for name in sets:
                found = rank_set(name, embed, tokens)
                rows.append(summary(name, arm, found))
                total.ranks.extend(found.ranks)
                total.shared.extend(found.shared)
            if len(sets) > 1:
                rows.append(summary(f"**all {group}**", arm, total))
    print(common.table(headers, rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
