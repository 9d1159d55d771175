"""Memory quality, one capability: a home and a stay said together, and a stay's days.

``bench/quality/stays1.txt`` and ``stays2.txt`` hold chat messages (160 and 150) that say
a home or a job and a trip with its time in one breath ("i live in Nairobi but heading to
Mombasa tomorrow for a week"), trips alone said many ways, trips that are no stay (past,
a routine, someone else's, a wish) and controls whose home or job must not expire with
an unrelated time word. Each line is ``message ||| expected``, the expected facts about
the user separated by ``;``: ``home=Leeds`` (no end) or ``home=Leeds until 2025-06-30``,
``location=Mombasa 2025-06-05..2025-06-11`` (its first and last day), ``job=nurse``,
``employer=NHS``, or ``none``. A first line ``# said: <ISO 8601>`` gives when every
message of the file was said. Helpers wrote both without reading the rules (issue 10,
eleventh round); ``stays1`` was then tuned on, ``stays2`` was written after those rules
and read only after its first run.

Each message is remembered on a fresh server process (``remember``, the rules extractor,
``observed_at`` the file's time), each in a collection of its own. A message is right
when the facts keyed to the user among home / location / job / employer are exactly the
expected ones: the same values (a value said inside the other, case and punctuation
aside, counts: "Quezon City" for "Quezon City, Metro Manila"), a stay's first and last
day, and a home's or job's end (none, unless one is expected). Reported per file: the
messages right, the expected facts found right, the facts keyed that none expected, and
the homes with a wrong end.

    python bench/stays.py [--part 1|2|all] [--details] [--before PATH] [--quick]
"""

from __future__ import annotations

import argparse
import re
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any, NamedTuple, Optional

import _common as common

from longmem import Longmem

DATA = Path(__file__).resolve().parent / "quality"
PARTS = {"1": DATA / "stays1.txt", "2": DATA / "stays2.txt"}
KEYED = ("home", "location", "job", "employer")
_WANT = re.compile(
    r"(?P<attribute>\w+)\s*=\s*(?P<value>.+?)(?:\s+until\s+(?P<until>\d{4}-\d\d-\d\d))?"
    r"(?:\s+(?P<first>\d{4}-\d\d-\d\d)\.\.(?P<last>\d{4}-\d\d-\d\d))?\s*$"
)


class Want(NamedTuple):
    attribute: str
    value: str
    until: Optional[str]
    first: Optional[str]
    last: Optional[str]


class Message(NamedTuple):
    text: str
    wants: list[Want]


def load(path: Path) -> tuple[datetime, list[Message]]:
    """When the file's messages were said, and each message with the facts it should key."""
    lines = path.read_text(encoding="utf-8").splitlines()
    said = re.match(r"#\s*said:\s*(\S+)", lines[0])
    if said is None:
        raise ValueError(f"{path.name}: the first line must be '# said: <ISO 8601>'")
    messages = []
    for number, line in enumerate(lines[1:], 2):
        if not line.strip() or line.startswith("#"):
            continue
        text, bar, expected = line.partition("|||")
        if not bar or not text.strip():
            raise ValueError(f"{path.name} line {number}: needs 'message ||| expected'")
        wants = []
        for part in re.sub(r"\(ambiguous\)", "", expected).split(";"):
            part = part.strip()
            if not part or part == "none":
                continue
            match = _WANT.match(part)
            if match is None:
                raise ValueError(f"{path.name} line {number}: cannot read {part!r}")
            wants.append(Want(**match.groupdict()))  # type: ignore[arg-type]
        messages.append(Message(text.strip(), wants))
    return datetime.fromisoformat(said.group(1).replace("Z", "+00:00")), messages


def _plain(value: str) -> str:
    return re.sub(r"[^\w ]", "", value.lower()).strip()


def _same(a: str, b: str) -> bool:
    a, b = _plain(a), _plain(b)
    return bool(a and b) and (a == b or a in b or b in a)


def _day(stamp: Optional[str], said: datetime) -> date:
    return datetime.fromisoformat(stamp).date() if stamp else said.date()


def judge(wants: list[Want], facts: list[dict[str, Any]], said: datetime) -> tuple[int, int, int]:
    """(expected facts found right, facts keyed that none expected, homes with a wrong end)."""
    keyed = [
        f
        for f in facts
        if f.get("subject") == "user" and f.get("attribute") in KEYED and not f.get("negated")
    ]
    used: set[int] = set()
    right = wrong_home = 0
    for want in wants:
        if want.attribute not in KEYED:
            continue
        index = next(
            (
                i
                for i, f in enumerate(keyed)
                if i not in used
                and f["attribute"] == want.attribute
                and _same(f["value"], want.value)
            ),
            None,
        )
        if index is None:
            continue
        used.add(index)
        fact = keyed[index]
        ends = fact.get("expires_at")
        last = str(_day(ends, said)) if ends else None
        if want.attribute == "location" and want.first:
            good = str(_day(fact.get("valid_from"), said)) == want.first and last == want.last
        else:
            good = last == want.until
            wrong_home += not good and want.attribute == "home"
        right += good
    return right, len(keyed) - len(used), wrong_home


def run(repo: Path, path: Path, quick: bool = False) -> tuple[list[str], list[str]]:
    """One file on one tree: a row of the table, and the messages not right."""
    said, messages = load(path)
    messages = messages[:20] if quick else messages
    expected = sum(w.attribute in KEYED for m in messages for w in m.wants)
    whole = found = extra = homes = 0
    missed = []
    with common.ServerProcess(repo=repo) as server:
        client = Longmem(api_key=common.API_KEY, base_url=server.url, timeout=120)
        for number, message in enumerate(messages):
            facts = client.remember(
                message.text, collection=f"s{number}", observed_at=said.isoformat()
            )
            rows = [dict(fact) for fact in facts]
            right, unwanted, wrong_home = judge(message.wants, rows, said)
            wanted = sum(w.attribute in KEYED for w in message.wants)
            found, extra, homes = found + right, extra + unwanted, homes + wrong_home
            if right == wanted and not unwanted:
                whole += 1
            else:
                got = [
                    f"{f['attribute']}={f['value']} {_day(f.get('valid_from'), said)}.."
                    f"{f['expires_at'][:10] if f.get('expires_at') else ''}"
                    for f in rows
                    if f.get("subject") == "user" and f.get("attribute") in KEYED
                ]
                missed.append(f"- {message.text!r}: want {list(message.wants)}; got {got}")
        client.close()
    row = [
        path.name,
        f"{whole} / {len(messages)} ({whole / len(messages):.0%})",
        f"{found} / {expected} ({found / expected:.0%})",
        extra,
        homes,
    ]
    return row, missed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=("1", "2", "all"), default="all")
    parser.add_argument("--details", action="store_true", help="list the messages not right")
    parser.add_argument("--before", type=Path, help="another tree to compare")
    parser.add_argument("--quick", action="store_true", help="the first 20 messages of each")
    args = parser.parse_args()
    common.header("Memory quality: a home and a stay said together", sys.argv)
    parts = list(PARTS.values()) if args.part == "all" else [PARTS[args.part]]
    trees = [("before", args.before)] if args.before else []
    trees.append(("after" if args.before else "this tree", common.REPO))
    rows, details = [], []
    for label, repo in trees:
        for path in parts:
            row, missed = run(repo, path, args.quick)
            rows.append([label, *row])
            details += [f"{label}, {path.name}:", *missed] if missed else []
    print(
        common.table(
            [
                "tree",
                "file",
                "messages right",
                "expected facts right",
                "unexpected facts",
                "homes with a wrong end",
            ],
            rows,
        )
    )
    if args.details:
        print("\n" + "\n".join(details))
    return 0


if __name__ == "__main__":
    sys.exit(main())
