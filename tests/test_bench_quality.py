"""bench/quality.py keeps its held-out parts unread: it runs them, and never prints a row."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"
RUNNER = BENCH / "quality.py"
# CI may run the suite from a folder that holds only the tests.
pytestmark = pytest.mark.skipif(not RUNNER.exists(), reason="no bench/ next to the tests")


def _bench_module(monkeypatch: pytest.MonkeyPatch, path: Path) -> ModuleType:
    monkeypatch.syspath_prepend(str(BENCH))  # the scripts import their sibling _common
    spec = importlib.util.spec_from_file_location(f"bench_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def quality(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    return _bench_module(monkeypatch, RUNNER)


def test_holdout2_is_a_held_out_part_run_by_all(quality: ModuleType) -> None:
    assert quality.HELD_OUT == ("holdout", "holdout2")
    assert set(quality.HELD_OUT) <= set(quality.PARTS)
    assert not set(quality.HELD_OUT) & set(quality.TUNING)
    personas = quality.load("holdout2")  # checks every row
    assert len(personas) >= 10


@pytest.mark.parametrize("part", ["dev3", "dev4", "dev5"])
def test_the_blind_tuning_parts_are_run_by_all(quality: ModuleType, part: str) -> None:
    assert quality.TUNING == ("dev", "dev2", "dev3", "dev4", "dev5")
    assert set(quality.TUNING) <= set(quality.PARTS)
    personas = quality.load(part)  # checks every row
    assert len(personas) == 12


@pytest.mark.skipif(sys.version_info < (3, 10), reason="sys.stdlib_module_names is 3.10+")
def test_no_bench_script_shadows_a_standard_module() -> None:
    # `python bench/x.py` puts bench/ first on sys.path: a bench/collections.py was imported
    # for the standard collections, and broke every script on all but 3.11.
    names = {path.stem for path in BENCH.glob("*.py")}
    assert not names & sys.stdlib_module_names


def _runner(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(RUNNER), *args], capture_output=True, text=True, check=False
    )


def test_details_of_dev3_are_a_choice() -> None:
    # Refused only for want of its part: the choice itself is accepted, before any server.
    done = _runner("--part", "dev", "--details", "dev3")
    assert done.returncode == 2
    assert "--details dev3 needs --part dev3 or all" in done.stderr
    assert done.stdout == ""


def test_details_of_holdout2_are_refused() -> None:
    done = _runner("--part", "holdout2", "--details", "holdout2")
    assert done.returncode == 2
    assert "--details: invalid choice: 'holdout2'" in done.stderr
    assert done.stdout == ""


@pytest.mark.parametrize(
    ("row", "words"),
    [
        (
            {"persona": "p", "scenario": "residence", "at": "2025-13-01T00:00:00Z", "say": "x"},
            "2025-13-01",
        ),
        (
            {
                "persona": "p",
                "scenario": "residence",
                "ask": "?",
                "expect": ["New Oslo"],
                "stale": ["Oslo"],
            },
            "Oslo",
        ),
    ],
    ids=["bad at", "stale inside expect"],
)
def test_a_malformed_held_out_row_is_named_by_its_line_not_its_words(
    quality: ModuleType,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    row: dict[str, object],
    words: str,
) -> None:
    monkeypatch.setattr(quality, "DATA", tmp_path)
    fine = {"persona": "p", "scenario": "noise", "at": "2025-01-01T00:00:00Z", "say": "hi"}
    for part in ("dev", "holdout2"):
        lines = f"{json.dumps(fine)}\n{json.dumps(row)}\n"
        (tmp_path / f"{part}.jsonl").write_text(lines, encoding="utf-8")

    with pytest.raises(ValueError, match=r"^dev\.jsonl line 2: ") as tuning:
        quality.load("dev")
    assert words in str(tuning.value)  # a tuning part says what is wrong
    with pytest.raises(ValueError, match=r"^holdout2\.jsonl line 2: a malformed row") as held_out:
        quality.load("holdout2")
    assert words not in str(held_out.value)


@pytest.fixture
def corruption(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    return _bench_module(monkeypatch, BENCH / "corruption.py")


def test_the_corruption_set_loads_with_its_three_kinds(corruption: ModuleType) -> None:
    rows = corruption.load()
    kinds = {kind: sum(row["kind"] == kind for row in rows) for kind in corruption.KINDS}
    assert kinds == {"someone_else": 697, "the_user": 61, "either": 29}


def test_a_bad_corruption_row_is_named_by_its_line(corruption: ModuleType, tmp_path: Path) -> None:
    path = tmp_path / "rows.jsonl"
    path.write_text('{"say": "I am 30", "kind": "the_user"}\n{"say": "x", "kind": "odd"}\n')
    with pytest.raises(ValueError, match=r"rows\.jsonl line 2"):
        corruption.load(path)


def test_only_facts_keyed_to_the_user_count(corruption: ModuleType) -> None:
    facts = [
        {"subject": "user", "attribute": "diet", "value": "vegan", "negated": False},
        {"subject": "user", "attribute": "home", "value": "Leeds", "negated": True},
        {"subject": "sister:Anna", "attribute": "diet", "value": "vegan", "negated": False},
        {"subject": None, "attribute": None, "value": None, "negated": False},
    ]
    assert corruption.user_keys(facts) == ["diet=vegan", "not home=Leeds"]


@pytest.fixture
def stays(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    return _bench_module(monkeypatch, BENCH / "stays.py")


def test_the_stays_files_load_with_their_times(stays: ModuleType) -> None:
    said1, first = stays.load(stays.PARTS["1"])
    said2, second = stays.load(stays.PARTS["2"])
    assert (said1.isoformat(), len(first)) == ("2025-06-04T10:00:00+00:00", 160)
    assert (said2.isoformat(), len(second)) == ("2025-09-15T10:00:00+00:00", 150)
    assert all(want.attribute for m in first + second for want in m.wants)


def test_a_bad_stays_line_is_named_by_its_line(stays: ModuleType, tmp_path: Path) -> None:
    path = tmp_path / "s.txt"
    path.write_text("# said: 2025-06-04T10:00:00Z\nI live in Leeds ||| home=Leeds\nno bar here\n")
    with pytest.raises(ValueError, match=r"s\.txt line 3"):
        stays.load(path)
    path.write_text("I live in Leeds ||| home=Leeds\n")
    with pytest.raises(ValueError, match="said"):
        stays.load(path)


def test_a_stay_is_right_only_with_its_days_and_a_home_only_without_an_end(
    stays: ModuleType, tmp_path: Path
) -> None:
    path = tmp_path / "s.txt"
    path.write_text(
        "# said: 2025-06-04T10:00:00Z\n"
        "x ||| home=Nairobi; location=Mombasa 2025-06-05..2025-06-11\n"
    )
    said, (message,) = stays.load(path)
    home = {"subject": "user", "attribute": "home", "value": "Nairobi"}
    trip = {
        "subject": "user",
        "attribute": "location",
        "value": "Mombasa",
        "valid_from": "2025-06-05T00:00:00+00:00",
        "expires_at": "2025-06-11T23:59:59+00:00",
    }
    assert stays.judge(message.wants, [home, trip], said) == (2, 0, 0)
    early = {**trip, "expires_at": "2025-06-10T23:59:59+00:00"}
    ending = {**home, "expires_at": "2025-06-05T23:59:59+00:00"}
    assert stays.judge(message.wants, [ending, early], said) == (0, 0, 1)
    theirs = {**trip, "subject": "sister:Anna"}
    extra = {"subject": "user", "attribute": "job", "value": "nurse"}
    assert stays.judge(message.wants, [home, theirs, extra], said) == (1, 1, 0)


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    return _bench_module(monkeypatch, BENCH / "answers.py")


def test_answers_judges_the_first_hit_the_five_stale_values_and_what_is_beside(
    answers: ModuleType,
) -> None:
    ask = {"ask": "Where do I live?", "rel": ["Hobart"], "stale": ["Brisbane"]}
    hits = ["User lives in Brisbane", "Officially a Hobart girl now", "Dinner at Dishoom"]
    mark = answers.judge(ask, hits)
    assert (mark.top1, mark.recall, mark.stale, mark.irrelevant) == (False, True, True, 2)
    mark = answers.judge(ask, ["officially a HOBART girl now"])  # any case
    assert (mark.top1, mark.recall, mark.stale, mark.irrelevant) == (True, True, False, 0)
    moved = answers.judge(ask, ["User moved from Brisbane to Hobart"])  # the answer itself
    assert (moved.top1, moved.stale) == (True, False)
    age = answers.judge({"ask": "How old am I?", "rel": ["28"]}, ["Back in 2028", "28 liao"])
    assert (age.top1, age.recall) == (False, True)  # a number is matched whole
    nothing = {"ask": "What sunscreen do I use?", "rel": []}  # nothing relevant was said
    mark = answers.judge(nothing, ["Dinner at Dishoom"])
    assert (mark.top1, mark.recall, mark.stale, mark.irrelevant) == (None, None, None, 1)


def test_answers_sets_load_and_a_bad_row_says_where(
    answers: ModuleType, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    assert len(answers.load("review")) >= 200
    assert [len(answers.load(name)) for name in ("b2tune", "b2aside")] == [110, 110]
    assert [len(answers.load(name)) for name in ("b3tune", "b3aside")] == [70, 70]
    assert sum(len(s["asks"]) for s in answers.load("b4")) == 140
    assert [len(answers.load(name)) for name in ("b5tune", "b5aside")] == [80, 80]
    assert [len(answers.load(name)) for name in ("b6tune", "b6aside")] == [80, 80]
    assert [len(answers.load(name)) for name in ("b7tune", "b7aside")] == [40, 40]
    assert [len(answers.load(name)) for name in ("b8tune", "b8aside")] == [45, 45]
    assert [len(answers.load(name)) for name in ("b9tune", "b9aside")] == [45, 45]
    assert [len(answers.load(name)) for name in ("b10tune", "b10aside")] == [45, 45]
    (tmp_path / "quality").mkdir()
    bad = {"id": "x", "said": [["I live in Leeds"]], "asks": [{"ask": "Where?", "rel": []}]}
    (tmp_path / "quality" / "answers_bad.jsonl").write_text(json.dumps(bad) + "\n")
    monkeypatch.setattr(answers.common, "BENCH", tmp_path)
    with pytest.raises(
        ValueError, match=r"answers_bad.jsonl line 1: a statement is \[text, time\]"
    ):
        answers.load("bad")


@pytest.fixture
def common(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    return _bench_module(monkeypatch, BENCH / "_common.py")


def test_the_embedder_arm_takes_the_named_endpoint_and_the_others_get_none(
    common: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LONGMEM_BENCH_EMBEDDER_URL", "http://127.0.0.1:9/v1")
    monkeypatch.setenv("LONGMEM_BENCH_EMBEDDER_MODEL", "m")
    monkeypatch.setenv("LONGMEM_SERVER_EMBEDDER_URL", "http://127.0.0.1:7/v1")
    with common.search_embedder(True) as which:
        assert "127.0.0.1:9" in which
        assert os.environ["LONGMEM_SERVER_EMBEDDER_URL"] == "http://127.0.0.1:9/v1"
        assert os.environ["LONGMEM_SERVER_EMBEDDER_MODEL"] == "m"
    monkeypatch.delenv("LONGMEM_BENCH_EMBEDDER_MODEL")
    with common.model_embedder() as (settings, why):
        assert settings is None and "LONGMEM_BENCH_EMBEDDER_MODEL" in why
    with common.search_embedder(False) as which:
        assert which == "none"
        assert "LONGMEM_SERVER_EMBEDDER_URL" not in os.environ
    assert os.environ["LONGMEM_SERVER_EMBEDDER_URL"] == "http://127.0.0.1:7/v1"  # restored
    assert "LONGMEM_SERVER_EMBEDDER_MODEL" not in os.environ


def test_the_bench_embedder_tokenizes_as_bert_uncased(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    server = _bench_module(monkeypatch, BENCH / "embed_server.py")
    assert server.basic_words("Café, naïve東京!") == ["cafe", ",", "naive", "東", "京", "!"]
    vocab = tmp_path / "vocab.txt"
    vocab.write_text("[PAD]\n[UNK]\n[CLS]\n[SEP]\nun\n##aff\n##able\ncafe\n", encoding="utf-8")
    pieces = server.WordPiece(str(vocab))
    assert pieces.encode("Unaffable café") == [2, 4, 5, 6, 7, 3]
    assert pieces.encode("unknowable") == [2, 1, 3]  # no piece fits "know": the whole word


def test_each_part_asks_its_personas_in_collections_of_its_own(quality: ModuleType) -> None:
    # dev2 and holdout share a persona's name: in one server (--part all) the held-out
    # persona's questions were asked of a collection holding dev2's statements too.
    seen: dict[str, str] = {}
    for part in quality.PARTS:
        for persona in quality.load(part):
            collection = quality.collection_of(part, persona)
            assert seen.setdefault(collection, part) == part
    assert len(seen) == sum(len(quality.load(part)) for part in quality.PARTS)


@pytest.fixture
def reviewed(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    return _bench_module(monkeypatch, BENCH / "reviewed.py")


def test_the_reviewed_statements_load_in_their_groups(reviewed: ModuleType) -> None:
    rows = reviewed.load(reviewed.DATA)
    groups = {row["group"] for row in rows}
    assert len(rows) > 3000 and groups <= {"N", "P", "C", "?"} and {"N", "P", "C"} <= groups
    assert len({row["say"] for row in rows}) == len(rows)


def test_a_reading_changed_is_shown_both_ways(
    reviewed: ModuleType, capsys: pytest.CaptureFixture[str]
) -> None:
    reviewed.show(["User lives in Leeds"], ["User lives in Leeds, Headingley"], "~")
    assert capsys.readouterr().out.splitlines() == [
        "    ~- User lives in Leeds",
        "    ~+ User lives in Leeds, Headingley",
    ]


def test_a_reviewed_statement_read_otherwise_is_told(reviewed: ModuleType, tmp_path: Path) -> None:
    from longmem.server.extract import RuleExtractor

    path = tmp_path / "r.jsonl"
    path.write_text(
        json.dumps({"say": "I live in Leeds", "group": "C", "keyed": ["user|home|Leeds|False"]})
        + "\n"
        + json.dumps({"say": "I live in Leeds", "group": "N", "keyed": []})
        + "\n"
    )
    [(kept, (now, worded)), (other, (again, _))] = reviewed.compare(
        reviewed.load(path), RuleExtractor()
    )
    assert now == kept["keyed"] and again != other["keyed"]
    assert worded == ["User lives in Leeds"]  # the texts, kept to see a rewording
    path.write_text('{"say": "x", "group": "Q", "keyed": []}\n')
    with pytest.raises(ValueError, match=r"r\.jsonl line 1"):
        reviewed.load(path)


class _Collection:
    """What quality.cause reads of a client: pages of current memories (with history when
    asked) and a search's hits, best first."""

    def __init__(self, current: list[str], history: list[str], ranked: list[str]) -> None:
        self.current, self.history, self.ranked = current, history, ranked

    def list_memories(self, **options: object) -> list[dict[str, str]]:
        texts = self.current + (self.history if options["include_superseded"] else [])
        start = options["offset"]
        assert isinstance(start, int) and options["limit"] == 200
        return [{"text": text} for text in texts[start : start + 200]]

    def search(self, query: str, **options: object) -> list[dict[str, str]]:
        assert options["limit"] == 50
        return [{"text": text} for text in self.ranked[:50]]


@pytest.mark.parametrize(
    ("current", "history", "ranked", "why"),
    [
        (["User lives in York"], [], [f"note {i}" for i in range(7)] + ["User lives in York"],
         "below fifth"),
        (["User lives in York"], [], [f"note {i}" for i in range(7)], "not found"),
        # the answer is the 201st current memory: found on the second page
        ([f"note {i}" for i in range(200)] + ["User lives in York"], [], [], "not found"),
        (["User lives in Leeds"], ["User lives in York"], [], "history only"),
        (["User lives somewhere"], ["User lived in Leeds"], [], "not stored"),
    ],
    ids=["below fifth", "not found", "second page", "history only", "not stored"],
)  # fmt: skip
def test_a_recall_miss_is_counted_by_its_cause(
    quality: ModuleType, current: list[str], history: list[str], ranked: list[str], why: str
) -> None:
    query = {"ask": "Where does Ada live?", "expect": ["York"], "stale": ["Leeds"]}
    assert quality.cause(_Collection(current, history, ranked), "c", query) == why


def test_causes_of_a_held_out_part_are_counts_only(quality: ModuleType) -> None:
    done = _runner("--part", "holdout2", "--arms", "rules,add", "--causes", "--quick")
    assert done.returncode == 0, done.stderr
    table = done.stdout.split("Why recall@5 missed, arm `rules`")[1].split("###")[0]
    assert "| part | recall misses | below fifth | not found | history only | not stored |" in table
    [row] = [line for line in table.splitlines() if line.startswith("| holdout2 |")]
    misses, *causes = (int(cell) for cell in row.strip("|").split("|")[1:])
    assert misses == sum(causes)
    assert done.stdout.count("Why recall@5 missed") == 1  # plain add remembers nothing
    personas = quality.load("holdout2")
    rows = [row for says, asks in personas.values() for row in says + asks]
    words = {row.get("say") or row["ask"] for row in rows}
    words |= {value for row in rows for value in row.get("expect", []) if len(value) > 3}
    assert not [word for word in words if word in done.stdout]


@pytest.fixture
def everyday(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    return _bench_module(monkeypatch, BENCH / "everyday.py")


def test_the_everyday_halves_split_the_set_in_two(everyday: ModuleType) -> None:
    read, aside = everyday.load("read"), everyday.load("aside")
    assert len(read) == len(aside) == 155
    assert not {r["say"] for r in read} & {r["say"] for r in aside}


def test_an_everyday_message_counts_what_it_says_holds_of_the_user(everyday: ModuleType) -> None:
    from longmem.server.facts import ExtractedFact

    def fact(subject: str, attribute: str, value: str, negated: bool = False) -> ExtractedFact:
        return ExtractedFact(
            "t", subject=subject, attribute=attribute, value=value, negated=negated
        )

    row = {"say": "s", "group": "g", "keys": [["user", "home", "Toronto"]]}
    wrong, missed = everyday.judge(row, [fact("user", "likes", "Rihanna")])
    assert (wrong, missed) == ([("user", "likes", "Rihanna")], [["user", "home", "Toronto"]])
    # a denial, someone else's, who the user's people are: not wrong; a value holding
    # the other matches
    facts = [
        fact("user", "home", "Rome", negated=True),
        fact("Keanu", "age", "60"),
        fact("user", "siblings", "Tom"),
        fact("user", "home", "Toronto, Canada"),
        fact("sister:Anna", "home", "Leeds"),
    ]
    wrong, missed = everyday.judge(row, facts)
    assert (wrong, missed) == ([("sister:Anna", "home", "Leeds")], [])


def test_the_everyday_aside_half_is_counted_never_shown() -> None:
    done = subprocess.run(
        [sys.executable, str(BENCH / "everyday.py"), "--details"],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(BENCH.parent)},
    )
    shown = done.stdout + done.stderr
    aside = [
        json.loads(line)["say"]
        for line in (BENCH / "quality" / "everyday.jsonl")
        .read_text(encoding="utf-8")
        .splitlines()[1::2]
    ]
    assert "| this tree | aside | 155 |" in shown
    assert not [said for said in aside if said in shown]
