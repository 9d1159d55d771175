"""Answers to questions about facts said in passing: does search bring the newer answer,
and how much else comes with it?

Each set (``bench/quality/answers_<set>.jsonl``) holds scenarios, one a line: what a user
said, each with the time it was said (``said``: [text, ISO time]), and questions
(``asks``), each with the words a relevant answer holds (``rel``, any one; none: nothing
relevant was said) and, where there is one, an out-of-date value (``stale``). Words are
matched in any case from a word's start, and whole when a number or of three letters
or fewer ("28" is not in "2028", "BA" not in "Bath"). Every statement goes through
``remember`` (with ``observed_at``) into a collection of its own on a fresh local
server, each question through ``search(limit=5)``. Reported per set and tree:

- top-1: the first hit holds a relevant word (of the questions that have one);
- recall@5: one of the five does;
- stale@5: one of the five holds a stale value and no relevant word (of the questions
  that have one): "moved from Brisbane to Hobart" is the answer, not a stale hit;
- irrelevant hits per question: hits holding no relevant word — what an agent reads
  for nothing.

Sets: ``review``, 237 scenarios (418 questions) a reviewer wrote against the first
version of search's kind arm, whose worse cases its rules were then changed for (tuned
on); ``blind``, 180 scenarios (261 questions) another reviewer wrote against the final
version without reading its rules or the other sets, before anything was run, short
ones padded with everyday chatter that holds no answer; ``b2tune`` and ``b2aside``, 110
scenarios each (161 and 157 questions), written blind in the thirteenth round in pairs
of one topic split between them, every kind of fact (homes, work, ages, partners,
family, names and pets, diet, allergies, hobbies, studies, projects, phone numbers,
plans called off): rules were then written for ``b2tune``'s misses, ``b2aside`` is
never read by whoever writes them (bench/quality/README.md); ``b3tune`` and ``b3aside``,
70 scenarios each (105 and 102 questions), written blind in the sixteenth round the same
way in pairs, as an agent meets them: requests that mention facts in passing, half the
questions phrased as an agent's tool call ("user home city"), and traps (a move of team
that keeps the employer, hopes and refusals, other people's facts, partings, corrections);
``b3aside`` is never read by whoever writes rules; ``b4``, 90 scenarios (140 questions),
written blind in the eighteenth round as an agent's users talk over weeks (requests with
facts in passing, lower case and typos, changes of every kind, other people's facts,
hopes, corrections; half the questions an agent's tool call), held out whole: no rule is
written from it, and it is run only to measure a round's start and end; ``b5tune`` and
``b5aside``, 80 scenarios each (122 and 121 questions), written blind in the forty-fifth
round in pairs the same way, of what a message ends, bounds or dates as it tells it (a
job or home told and left in one message or the next, a value for a while long over, a
value from a stated day, a habit quit beside a job, corrections and retractions, other
people's endings, returns), run once on the trees before and after that round's rules;
``b5aside`` is never read by whoever writes rules; ``b6tune`` and ``b6aside``, 80
scenarios each (121 questions each), written blind in the forty-sixth round in pairs the
same way, of health, diet and the family around the user (conditions that keep one off a
food, told tersely or in passing, some temporary, some a child's; diets and drinks that
change; relatives by kin words of many languages and by birth order, their ages, jobs and
homes; controls), run once on the round's start before anyone read them; ``b6aside`` is
never read by whoever writes rules; ``b7tune`` and ``b7aside``, 40 scenarios each (62
questions each), written blind in the forty-seventh round in pairs the same way, of
relatives by marriage (every spelling of an in-law, "MIL", "sister in law"; the blood
relative of the same word beside them; law studied, other people's in-laws, plural
in-laws), run once on the round's start before anyone read them; ``b7aside`` is never
read by whoever writes rules; ``b8tune`` and ``b8aside``, 45 scenarios each (66 and 67
questions), written blind in the forty-eighth round in pairs the same way, of work and
career as chat tells it (a new job in fragments over two messages or with no "I", one's
own company registered, freelancing and contracts, promotions and moves that keep the
employer, "with"/"at"/"out of" an employer, the city of work against the home, leaving
and returning, interviews and offers turned down, relatives' work, placements and
residencies), run once on the round's start before anyone read them; ``b8aside`` is
never read by whoever writes rules; ``b9tune`` and ``b9aside``, 45 scenarios each (69
questions each), written blind in the forty-ninth round in pairs the same way, of the
people in the user's life who are not blood relatives (friends, flatmates, partners and
exes, colleagues and bosses, neighbours, landlords, doctors, teachers, pets), told of by
name, nickname and role as their news changes, two of a kind in one scenario, traps (a
famous person, a character, someone else's partner or pet, a hypothetical), run once on
the round's start before anyone read them; ``b9aside`` is never read by whoever writes
rules; ``b10tune`` and ``b10aside``, 45 scenarios each (71 and 64 questions), written
blind in the fiftieth round in pairs the same way, of ages, birthdays, dates and dated
plans as chat tells them (ages said every way and changing, a child's or a parent's, a
birthday, a birth year, an anniversary, a due date; trips, appointments, exams and
weddings booked, moved, postponed, brought forward or cancelled; traps: someone else's
age or birthday, hypotheticals, numbers that are no age, years of experience), run once
on the round's start before anyone read them; ``b10aside`` is never read by whoever
writes rules.

With ``--embedder``, every server's search also ranks with a model embedder: the
endpoint LONGMEM_BENCH_EMBEDDER_URL names, else the bench's own all-MiniLM-L6-v2
(bench/embed_server.py); without it, no server gets one, whatever LONGMEM_SERVER_EMBEDDER_*
says.

    python bench/answers.py [--set review|blind|b2tune|…|b9aside|b10tune|b10aside|all]
                            [--before PATH] [--quick]
                            [--embedder]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any, NamedTuple, Optional

import _common as common

from longmem import Longmem

SETS = (
    *("review", "blind", "b2tune", "b2aside", "b3tune", "b3aside", "b4", "b5tune", "b5aside"),
    *("b6tune", "b6aside", "b7tune", "b7aside", "b8tune", "b8aside", "b9tune", "b9aside"),
    *("b10tune", "b10aside"),
)
LIMIT = 5
QUICK_SCENARIOS = 25


class Mark(NamedTuple):
    """How one question's hits fared; None where the question has nothing to judge."""

    top1: Optional[bool]
    recall: Optional[bool]
    stale: Optional[bool]
    irrelevant: int


def load(name: str) -> list[dict[str, Any]]:
    """A set's scenarios, each checked: statements with times, questions with their
    relevant (and stale) words."""
    path = common.BENCH / "quality" / f"answers_{name}.jsonl"
    scenarios = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        row = json.loads(line)
        said, asks = row.get("said"), row.get("asks")
        if not (isinstance(said, list) and said and isinstance(asks, list) and asks):
            raise ValueError(f"{path.name} line {number}: needs 'said' and 'asks'")
        for item in said:
            if not (
                isinstance(item, list) and len(item) == 2 and all(isinstance(x, str) for x in item)
            ):
                raise ValueError(f"{path.name} line {number}: a statement is [text, time]")
        for ask in asks:
            words = [*ask.get("rel", []), *ask.get("stale", [])]
            if not isinstance(ask.get("ask"), str) or not all(isinstance(w, str) for w in words):
                raise ValueError(f"{path.name} line {number}: a question is ask, rel, stale")
        scenarios.append(row)
    return scenarios


def judge(ask: dict[str, Any], hits: list[str]) -> Mark:
    """One question's hits against its relevant and stale words."""
    rel, stale = ask.get("rel", []), ask.get("stale", [])
    found = hits[:LIMIT]
    relevant = [_holds(text, rel) for text in found]
    return Mark(
        top1=(relevant[:1] == [True]) if rel else None,
        recall=any(relevant) if rel else None,
        stale=any(_holds(t, stale) and not r for t, r in zip(found, relevant)) if stale else None,
        irrelevant=relevant.count(False),
    )


def _holds(text: str, words: list[str]) -> bool:
    """Whether ``text`` holds one of ``words``, in any case, from a word's start (and
    whole, for a number or a word of three letters or fewer)."""
    for word in words:
        start = r"(?<![\w.])" if word.isdigit() else r"(?<!\w)" if word[:1].isalnum() else ""
        end = r"(?![\w.]\d|\d)" if word.isdigit() else r"(?!\w)" if len(word) <= 3 else ""
        if re.search(start + re.escape(word) + end, text, re.I):
            return True
    return False


def run(tree: Path, scenarios: list[dict[str, Any]]) -> list[Mark]:
    """Every scenario through one fresh server of ``tree``."""
    marks = []
    with common.ServerProcess(repo=tree) as server:
        client = Longmem(api_key=common.API_KEY, base_url=server.url, timeout=120)
        for number, scenario in enumerate(scenarios):
            collection = f"answers-{number}"
            for text, when in scenario["said"]:
                client.remember(text, collection=collection, observed_at=when)
            for ask in scenario["asks"]:
                hits = client.search(ask["ask"], collection=collection, limit=LIMIT)
                marks.append(judge(ask, [hit["text"] for hit in hits]))
        client.close()
    return marks


def row(name: str, tree: str, marks: list[Mark]) -> list[object]:
    def rate(values: list[Optional[bool]]) -> str:
        judged = [v for v in values if v is not None]
        return f"{100 * sum(judged) / len(judged):.0f}" if judged else "—"

    return [
        name,
        tree,
        len(marks),
        rate([m.top1 for m in marks]),
        rate([m.recall for m in marks]),
        rate([m.stale for m in marks]),
        f"{sum(m.irrelevant for m in marks) / len(marks):.2f}",
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=[*SETS, "all"], default="all")
    parser.add_argument("--before", type=Path, help="another tree to compare")
    parser.add_argument("--quick", action="store_true", help="the first scenarios only")
    parser.add_argument(
        "--embedder", action="store_true", help="search ranks with a model embedder too"
    )
    args = parser.parse_args()
    common.header("Answers to questions about facts said in passing", sys.argv)
    names = SETS if args.set == "all" else (args.set,)
    trees = [("before", args.before)] if args.before else []
    trees.append(("after" if args.before else "this tree", common.REPO))
    rows = []
    with common.search_embedder(args.embedder) as which:
        if args.embedder:
            print(f"Search ranks with a model embedder: {which}.\n")
        for name in names:
            scenarios = load(name)[:QUICK_SCENARIOS] if args.quick else load(name)
            for label, tree in trees:
                rows.append(row(name, label, run(tree, scenarios)))
    print(
        common.table(
            ["set", "tree", "questions", "top-1 %", "recall@5 %", "stale@5 %",
             "irrelevant hits / question"],
            rows,
        )
    )  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
