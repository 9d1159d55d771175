"""The words a rule's pattern cannot match without (extract/literals.py): the key rules
skip a text that lacks them, so a wrong answer here would lose a fact silently. Each
property compares with the regular expression itself."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path
from typing import Optional

import pytest

from longmem.server.extract import RuleExtractor, keys, literals, rules
from longmem.server.extract.literals import (
    Sieve,
    SieveIndex,
    grams,
    needles,
    passes,
    said_between,
    sieve,
)

from ..budget import examples
from .test_extract_near_misses import NEAR_MISSES

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

NOW = datetime(2026, 5, 1, 12, tzinfo=timezone.utc)
REVIEWED = Path(__file__).parents[2] / "bench" / "quality" / "reviewed.jsonl"


def may_match(pattern: str, text: str, flags: int = re.I) -> bool:
    return passes(sieve(needles(pattern, flags)), grams(text))


@pytest.mark.parametrize(
    ("pattern", "wanted"),
    [
        (r"\bmoved\s+to\s+(?P<v>\w+)", {("moved",), ("to",)}),
        (r"(?:started|starting|began)\s+at", {("at",), ("began", "started", "starting")}),
        (r"(?:my\s+)?allerg(?:y|ic)", {("allerg",), ("ic", "y")}),  # "my" is optional
        (r"(?!not\b)vegan", {("vegan",)}),  # nor a look-ahead that must fail
        (r"(?<=\bmy\s)dog", {("dog",), ("my",)}),  # a look-behind that must hold does
        (r"turned\s+\d+", {("turned",), tuple("0123456789")}),  # a digit is needed
        (r"(?:a|)b", {("b",)}),  # an alternative that may be empty asks nothing
        (r"[A-Z]\w+", set()),  # a class asks nothing but for digits
        (r"(?:x){0,3}", set()),
        (r"(?:(?:ab)+)c", {("ab",), ("c",)}),
    ],
)
def test_needles_are_what_every_match_holds(pattern: str, wanted: set[tuple[str, ...]]) -> None:
    assert set(needles(pattern, re.I)) == wanted


def test_a_text_without_the_needed_words_is_not_searched() -> None:
    assert not may_match(r"\ballergic\s+to\s+(?P<v>\w+)", "I moved to Leeds last month")
    assert not may_match(r"\bturned\s+\d+", "turned thirty")  # no digit
    assert may_match(r"\bturned\s+\d+", "Turned 30 today")  # any case
    # A text that is not ASCII is always searched: re.I matches "k" with the Kelvin sign
    # and "s" with the long s, which lower-casing the text does not show.
    assert re.search("kas", "\u212aa\u017f", re.I)
    assert grams("\u212aa\u017f") is None
    assert may_match("kas", "\u212aa\u017f")


def test_most_rules_have_needles() -> None:
    """Without them every rule searches every clause: the extractor's CPU, not its
    readings, depends on this."""
    with_needles = [rule for rule in rules.RULES if rule.sieve]
    assert len(with_needles) >= 0.9 * len(rules.RULES)


@pytest.fixture(scope="module")
def readings() -> list[str]:
    """What the key rules are tried on: the readings of the near misses' clauses and, in
    a checkout, of reviewed statements', as said and shouted."""
    read: list[str] = []
    original = keys._readings

    def recorded(predicate: str) -> list[str]:
        found = list(original(predicate))
        read.extend(found)
        return found

    said = [content for content, _ in NEAR_MISSES]
    if REVIEWED.exists():  # bench/ is not in the wheel the CI matrix tests
        said += [json.loads(line)["say"] for line in REVIEWED.read_text("utf-8").splitlines()]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(keys, "_readings", recorded)
        extractor = RuleExtractor()
        for content in said[:1200]:
            extractor.extract(content, NOW)
    return sorted({t for r in read for t in (r, r.upper())})


def test_no_rule_skips_a_text_it_matches(readings: list[str]) -> None:
    """Every key rule on what it is tried on: whenever a rule's pattern finds something,
    its sieve lets the text through."""
    matched = 0
    for rule in rules.RULES:
        for text in readings:
            if rule.pattern.search(text):
                matched += 1
                assert passes(rule.sieve, grams(text)), (rule.source[:80], text)
    assert matched > 500  # the statements do exercise the rules


def test_the_rules_index_passes_what_each_sieve_passes(readings: list[str]) -> None:
    """keys_of asks the index which rules a reading may match: exactly those whose
    sieve it passes, in the rules' order, and far fewer than all of them."""
    index = SieveIndex([rule.sieve for rule in rules.RULES])
    tried = 0
    for text in [*readings, "naïve café", ""]:
        pieces = grams(text)
        wanted = [at for at, rule in enumerate(rules.RULES) if passes(rule.sieve, pieces)]
        assert index.passing(pieces) == wanted, text
        tried += len(wanted)
    assert tried < 0.25 * len(rules.RULES) * len(readings)


_PIECE = st.sampled_from(["a", "ab", "mov", "move", "leed", "to", "1", "7", " t", "zz"])


@settings(max_examples=examples(300), deadline=None)
@given(
    sieves=st.lists(
        st.lists(st.frozensets(_PIECE, min_size=1, max_size=3), max_size=3).map(tuple),
        max_size=8,
    ),
    text=st.text(alphabet="abmoveltd17 z", max_size=20),
)
def test_an_index_passes_what_each_sieve_passes(sieves: list[Sieve], text: str) -> None:
    pieces = grams(text)
    wanted = [at for at, wanted in enumerate(sieves) if passes(wanted, pieces)]
    assert SieveIndex(sieves).passing(pieces) == wanted
    assert SieveIndex(sieves).passing(None) == list(range(len(sieves)))


# Small patterns of the shapes the rules use, and strings they match.
_WORD = st.sampled_from(["ab", "moved", "to", "x", "Leeds", "n't", "my dog", "1", "é"])
_ATOM = st.one_of(
    _WORD.map(re.escape),
    st.sampled_from([r"\d", r"[0-9]", r"\s", r"\w", r"[a-z]", r"\b", "."]),
)


def _regex(depth: int = 2) -> st.SearchStrategy[str]:
    if depth == 0:
        return _ATOM
    inner = _regex(depth - 1)
    seq = st.lists(inner, min_size=1, max_size=3).map("".join)
    return st.one_of(
        inner,
        seq,
        st.lists(seq, min_size=2, max_size=3).map(lambda alts: "(?:" + "|".join(alts) + ")"),
        seq.map(lambda s: f"(?:{s})?"),
        seq.map(lambda s: f"(?:{s})+"),
        seq.map(lambda s: f"(?:{s}){{1,2}}"),
        st.tuples(seq, seq).map(lambda pair: f"(?={pair[0]}){pair[1]}"),
        st.tuples(seq, seq).map(lambda pair: f"(?!{pair[0]}){pair[1]}"),
    )


@settings(
    max_examples=examples(300),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(data=st.data(), pattern=_regex(), flags=st.sampled_from([0, re.I]))
def test_every_string_a_pattern_matches_passes_its_sieve(
    data: st.DataObject, pattern: str, flags: int
) -> None:
    compiled = re.compile(pattern, flags)
    text = data.draw(st.from_regex(compiled), label="text")
    if compiled.search(text):
        assert passes(sieve(needles(pattern, flags)), grams(text)), (pattern, text)


_BEFORE = re.compile(r"\bat\s+", re.I)
_AFTER = re.compile(r"\s+(?:(?:job|role)\s+)?(?:at|with)\s+(?P<v>[^,;]+)", re.I)
_DAY_ONE = re.compile(r"\bday\s+one\s+at\s+(?P<at>(?-i:[A-Z])[^,;]*),\s*", re.I)
_WORDS = ["at", "At", ",", "nurse", "NURSE", "Nurse", "job", "with", "Acme", "x", "Zoë", "ß"]
_PIECES = st.sampled_from([*_WORDS, "now", "the NHS", "day one", " ", "  "])


@settings(max_examples=examples(400), deadline=None)
@given(
    before=st.sampled_from([None, _BEFORE, _DAY_ONE]),
    after=st.sampled_from([None, _AFTER]),
    words=st.sampled_from(["nurse", "Nurse", "the NHS", "Zoë", "x", "day one"]),
    text=st.lists(_PIECES, max_size=12).map("".join),
)
def test_said_between_finds_what_the_whole_pattern_finds(
    before: Optional[re.Pattern[str]],
    after: Optional[re.Pattern[str]],
    words: str,
    text: str,
) -> None:
    whole = re.compile(
        f"(?:{before.pattern if before else ''})(?P<_w>{re.escape(words)})"
        f"(?:{after.pattern if after else ''})",
        re.I,
    )
    expected = whole.search(text)
    found = said_between(before, words, after, text)
    assert (found is None) == (expected is None)
    if found is not None and expected is not None:
        head, tail = found
        assert (head.span() if head else None) == (
            (expected.start(), expected.start("_w")) if before else None
        )
        assert (tail.span() if tail else None) == (
            (expected.end("_w"), expected.end()) if after else None
        )
        for name in ("v", "at"):
            if name in whole.groupindex:
                match = tail if after and name in after.groupindex else head
                assert match is not None and match.group(name) == expected.group(name)


def test_needles_are_the_same_in_every_process() -> None:
    """Choices that rank alike (four of two three-letter words, of which three are kept)
    are kept and ordered by their words, not by a set's order, which changes with the
    hash seed: the same pattern has the same needles, and the extractor the same cost,
    in every process."""
    pattern = r"(?:abc|def)\s(?:ghi|jkl)\s(?:mno|pqr)\s(?:stu|vwx)"
    code = f"from longmem.server.extract.literals import needles; print(needles({pattern!r}))"
    seen = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            cwd=Path(literals.__file__).parents[3],  # where longmem is, checkout or wheel
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in range(6)
    }
    assert len(seen) == 1, seen
    assert needles(pattern) == (("abc", "def"), ("ghi", "jkl"), ("mno", "pqr"))


def test_the_table_holds_every_rules_needles_as_read_today() -> None:
    """needles.json spares a server parsing every rule's pattern on its first statement;
    a rule changed without running tools/build_needles.py would be parsed instead (slow,
    not wrong), and this fails until the table is written again."""
    written = json.loads(literals.TABLE.read_text("utf-8"))
    assert written["version"] == literals.NEEDLES_VERSION
    table = written["needles"]
    stale = [
        rule.source[:60]
        for rule in rules.RULES
        if table.get(literals.pattern_key(rule.source, rule.flags))
        != [list(clause) for clause in needles(rule.source, rule.flags)]
    ]
    assert not stale, f"run python tools/build_needles.py: {len(stale)} rules differ"
    assert len(table) == len({literals.pattern_key(r.source, r.flags) for r in rules.RULES})


def test_a_pattern_the_table_lacks_is_parsed() -> None:
    pattern = r"\bmoved\s+to\s+(?P<v>\w+)"
    assert literals.known_needles(pattern, re.I) == needles(pattern, re.I) == (("moved",), ("to",))
    rule = rules.RULES[0]  # flags given as a plain number find the same entry
    assert literals.pattern_key(rule.source, rule.flags) == literals.pattern_key(
        rule.source, int(rule.flags)
    )


@pytest.mark.parametrize(
    "written",
    [
        None,  # no table
        "{not json",
        '{"version": 0, "needles": {}}',  # read by another version of needles()
        '{"version": 1, "needles": {"k": ["ab"]}}',  # a clause that is not a list
        '{"version": 1, "needles": {"k": [[]]}}',  # a clause no text could meet
        '{"version": 1, "needles": {"k": [["ab", 3]]}}',
        '{"version": 1, "needles": []}',
    ],
)
def test_a_missing_damaged_or_older_table_is_not_used(
    written: Optional[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every pattern is parsed instead: a wrong table could skip a text a rule matches."""
    table = tmp_path / "needles.json"
    if written is not None:
        table.write_text(written.replace('"version": 1', f'"version": {literals.NEEDLES_VERSION}'))
    monkeypatch.setattr(literals, "TABLE", table)
    literals._table.cache_clear()
    try:
        assert literals._table() == {}
        rule = rules.RULES[0]
        assert literals.known_needles(rule.source, rule.flags) == needles(rule.source, rule.flags)
    finally:
        literals._table.cache_clear()
