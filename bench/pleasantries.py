"""What search returns for a pleasantry: an agent that searches on every turn sends
"thanks!" and "ok cool" as well as questions.

One collection of a persona's nine memories told through ``remember`` (its job, home,
family, diet, allergy, a hobby, and one that holds the word "thanks"), on a fresh local
server with the built-in meaning; then ``PLEASANTRIES`` searched in hybrid mode, limit 5,
the default ``min_score``: each hit, and how many hold a word of the query. Then
``QUESTIONS``, to show what the same collection answers to real questions. ``--tree
PATH`` runs the server of another checkout:

    python bench/pleasantries.py [--tree PATH]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from typing import Any

import _common as common

from longmem import Longmem

SAID = [
    "I live in Berlin.",
    "I work at Google as a data analyst.",
    "I'm allergic to peanuts.",
    "My daughter Mia is 7.",
    "I'm vegetarian.",
    "My sister Anna moved to Vienna.",
    "I love hiking in the Alps.",
    "My partner Tom is a carpenter.",
    "Thanks Anna for the birthday gift, I loved it",
]
PLEASANTRIES = common._split(
    "thanks!|ok|lol|hi|good morning|thanks, that's helpful|cool|how are you?|ok cool|haha true|"
    "great, thanks!|yes|sure|hello there|thank you so much|sounds good|makes sense|awesome|"
    "nice|bye",
    "|",
)
QUESTIONS = common._split(
    "where do I live?|what's my job?|any allergies?|how old is my kid?|what's my diet?|"
    "where does my sister live?|who is Tom?|what do I do?",
    "|",
)


def _words(text: str) -> set[str]:
    return {word.strip("!?,.").lower() for word in text.split()}


def _shown(hits: list[dict[str, Any]]) -> str:
    return "; ".join(f"{hit['text'][:40]} ({hit['score']:.2f})" for hit in hits) or "—"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tree", type=Path, default=common.REPO)
    args = parser.parse_args(argv[1:])
    common.header("What search returns for a pleasantry", argv)
    print(f"Server from: {args.tree} ({common.code_version(args.tree.resolve())})\n")
    with tempfile.TemporaryDirectory() as workdir:
        proc, port = common.start_server(args.tree.resolve(), workdir)
        try:
            mem = Longmem(api_key=common.API_KEY, base_url=f"http://127.0.0.1:{port}")
            for statement in SAID:
                mem.remember(statement, collection="persona")
            rows: list[list[object]] = []
            hits_in_all = worded = 0
            for query in PLEASANTRIES:
                hits = mem.search(query, collection="persona", limit=5)
                words = {w.strip("!?,.").lower() for w in query.split()}
                said = [
                    h for h in hits if words & {w.strip("!?,.").lower() for w in h["text"].split()}
                ]
                hits_in_all += len(hits)
                worded += len(said)
                shown = "; ".join(f"{h['text'][:40]} ({h['score']:.2f})" for h in hits) or "—"
                rows.append([repr(query), len(hits), shown])
            print(common.table(["pleasantry", "hits", "hits (score)"], rows))
            print(
                f"\n{hits_in_all} hits for {len(PLEASANTRIES)} pleasantries, "
                f"{worded} of them holding a word of the query\n"
            )
            rows = []
            for query in QUESTIONS:
                hits = mem.search(query, collection="persona", limit=5)
                rows.append(
                    [
                        repr(query),
                        "; ".join(f"{h['text'][:40]} ({h['score']:.2f})" for h in hits[:3]) or "—",
                    ]
                )
            print(common.table(["question", "first three hits (score)"], rows))
        finally:
            proc.kill()
            proc.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
