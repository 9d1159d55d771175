"""The local server's CPU against what a request carries, outside the extractor
(``bench/extract_cost.py`` measures that): whether some input makes it spend CPU growing
faster than its length, with every other request waiting on the interpreter meanwhile.

Each row is a text of one thing said many times, at two lengths, and the CPU (this
thread, best of 3) of what reads it:
- a request head with ten header lines of that many spaces (``http11.read_head``, before
  the key is checked);
- a memory of that text stored by plain ``add`` (or a name fact ``import``ed), then one
  hybrid search of a question of the kind it answers (``SearchEngine.search`` on a
  ``LocalServer``'s store, the built-in meaning on): search reads every memory it may
  answer with for the things of the kind asked;
- an rss item's description of that markup (``feeds._html_to_text``);
- a model endpoint's answer that opens a ``` fence and never closes it
  (``model_endpoints._json_in``);
- one ``remember`` of that many short plain statements (``remember_facts`` on a
  ``LocalServer``'s services, a fresh collection each call): each is compared with the
  plain facts the call stored before it.
Linear cost gives a ratio of about 4; over 6 is flagged. ``--tree PATH`` measures another
checkout's package (e.g. ``git worktree add --detach /tmp/before REV``).

    python bench/server_cost.py [--tree PATH] [--sizes 2500 10000]
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import urllib.request
from functools import partial
from pathlib import Path
from typing import Any, Callable

import _common as common

FLAGGED = 6.0
# (label, question asked, the text's start, what it says many times, how it is stored)
STORED = [
    ("home", "where do I live?", "now in ", "Leeds, ", "add"),
    ("job", "what is my job?", "now ", "nurse ", "add"),
    ("employer", "where do I work?", "now ", "at Acme ", "add"),
    ("age", "how old am I?", "", "is 30 now, ", "add"),
    ("age", "how old am I?", "I am ", "1 ", "add"),
    ("home", "where do I live?", "now trip", " ", "add"),
    ("name", "where do I live?", "User is called Linh", ", ", "import"),
]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tree", type=Path, default=common.REPO)
    parser.add_argument("--sizes", type=int, nargs=2, default=(2500, 10000))
    args = parser.parse_args(argv[1:])
    sys.path.insert(0, str(args.tree.resolve()))
    from longmem.server import LocalServer
    from longmem.server.connectors.feeds import _html_to_text
    from longmem.server.db.records import Principal
    from longmem.server.handlers.remember import remember_facts
    from longmem.server.http11 import read_head
    from longmem.server.meaning import MeaningEmbedder
    from longmem.server.model_endpoints import ModelEndpointError, _json_in
    from longmem.server.rerank import ModelRanker
    from longmem.server.search import SearchEngine, SearchRequest

    common.header("The server's CPU against what a request carries", argv)
    print(f"Tree measured: {args.tree} ({common.code_version(args.tree.resolve())})\n")

    def head(spaces: int) -> object:
        line = b"X-A: a" + b" " * spaces + b"b\r\n"
        return read_head(io.BytesIO(b"GET / HTTP/1.1\r\nHost: x\r\n" + line * 10 + b"\r\n"))

    def searched(question: str, text: str, how: str) -> float:
        with LocalServer() as server:
            body: dict[str, Any] = {"text": text}
            route = "/v1/memory/collections/c/memories"
            if how == "import":
                route = "/v1/memory/admin/import"
                fact = {"collection": "c", "subject": "user", "attribute": "name", "value": "Linh"}
                body = {"memories": [{**fact, "text": text}]}
            request = urllib.request.Request(
                server.url + route,
                data=json.dumps(body).encode(),
                headers={"Authorization": f"Bearer {server.api_key}"},
            )
            urllib.request.urlopen(request, timeout=60).read()
            principal = server.store.keys.authenticate(server.api_key or "")
            assert principal is not None
            engine = SearchEngine(server.store, ModelRanker(MeaningEmbedder()))
            engine.search(principal.tenant_id, SearchRequest(query="warm up", collection="c"))
            asked = SearchRequest(query=question, collection="c")
            return common.least_cpu(partial(engine.search, principal.tenant_id, asked))

    def unclosed(chars: int) -> None:
        try:
            _json_in("```" + "a" * chars)
        except ModelEndpointError:
            return
        raise AssertionError("an unclosed fence read as JSON")

    def remembered(chars: int) -> float:
        content = ""
        while len(content) < chars:
            content += f"Saw {len(content)} owls near the old barn today. "
        with LocalServer() as server:
            services = server._httpd.services  # type: ignore[attr-defined]
            principal = Principal("bench", "default", "admin", "bench")
            remember_facts(services, principal, "warm", "Warming up: I live in Leeds.")
            calls = iter(range(100))
            return common.least_cpu(
                lambda: remember_facts(services, principal, f"c{next(calls)}", content)
            )

    def said(start: str, run: str, chars: int) -> str:
        return start + run * ((chars - len(start) - 7) // len(run)) + "x Leeds"

    rows: list[list[object]] = []
    flagged = []
    small, large = args.sizes
    measures: list[tuple[str, Callable[[int], float]]] = [
        ("request head, 10 lines of spaces", lambda n: common.least_cpu(partial(head, n), 5)),
        (
            'rss item of markup "<a<a<a…"',
            lambda n: common.least_cpu(partial(_html_to_text, "<a" * (n // 2)), 5),
        ),
        ('model answer "```aaa…", never closed', lambda n: common.least_cpu(partial(unclosed, n))),
        ('remember "Saw 1 owls near the old barn today. Saw 2 …"', remembered),
    ]

    def stored(question: str, start: str, run: str, how: str, chars: int) -> float:
        return searched(question, said(start, run, chars), how)

    for kind, question, start, run, how in STORED:
        label = f"{how} {start + run + '…'!r}, then {question!r} ({kind})"
        measures.append((label, partial(stored, question, start, run, how)))
    for label, measure in measures:
        costs = [measure(small), measure(large)]
        ratio = costs[1] / costs[0] if costs[0] else 0.0
        if ratio > FLAGGED:
            flagged.append(label)
        rows.append([label, f"{costs[0] * 1e3:.1f}", f"{costs[1] * 1e3:.1f}", f"{ratio:.1f}"])
    linear = f"ratio (linear ≈ {large / small:g})"
    print(common.table(["input", f"ms at {small:,}", f"ms at {large:,}", linear], rows))
    print(f"\nratio over {FLAGGED:g}: " + (", ".join(flagged) if flagged else "none"))
    return 1 if flagged else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
