"""No regular expression of the package backtracks catastrophically (tests/server/
backtracking.py says how the scan works). Three rounds found such patterns by chance: a
CI flake, a sweep, a review; one held a thread for hours on a 300-character sentence, and
any key holder could send it. This scan finds that class from the pattern alone."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import pytest

from longmem.server import search
from longmem.server.extract.kin import RELATIONS

from .backtracking import Probe, backtracks, compiled_patterns, probes

# The inline patterns the scan cannot read, because a function builds them from a value
# known only at run time; each was read by hand, and a function's calls are counted, so a
# second one in a function already read fails the test too. Those built from module-level functions
# are also scanned below with sample values (BUILT_FROM_SAMPLES).
BUILT_AT_RUN_TIME = {  # function: (how many such calls it makes, why they are safe)
    "longmem._cli_input._renumbered": (1, "the name of a literal list, a fixed index pattern"),
    "longmem.server.extract.detail._said": (1, "escaped words between fixed lookarounds"),
    "longmem.server.extract.literals.said_between": (
        1,
        "escaped words between two of the module's own patterns, which the scan reads",
    ),
    "longmem.server.extract.rules.Rule.pattern": (1, "the rule table's, scanned from RULES"),
    "longmem.server.relate.whose.Whose._introduced_as": (
        1,
        "an escaped relation word and name, around fixed words and one optional comma",
    ),
    "longmem.server.relate.corrections._Corrections._correct": (
        2,
        "escaped words, fixed lookarounds",
    ),
    "longmem.server.ask_whose.which_ones.says": (
        1,
        "escaped words and a name in a fixed frame, one optional comma or spaces between",
    ),
    "longmem.server.kinds._said_as_left": (1, "escaped words"),
    "longmem.server.search.SearchEngine._arms": (1, "an escaped name, fixed lookarounds"),
    "longmem.server.search._written": (1, "escaped names between fixed lookarounds"),
    "longmem.server.search._said_of": (1, "escaped relation words in a fixed frame"),
}
BUILT_FROM_SAMPLES = {
    "search._written": search._written(("Anna", "Mary-Jane", "O'Neil")),
    "search._said_of": search._said_of(tuple(sorted(set(RELATIONS)))),
}


def _catastrophic(pattern: re.Pattern[Any], where: str) -> list[str]:
    """What to show for the first probe that finds ``pattern`` backtracking, if one does."""
    for probe in probes(pattern.pattern, pattern.flags):
        if backtracks(probe.search_cost(pattern)):
            return [_shown(where, pattern, probe)]
    return []


def _shown(where: str, pattern: re.Pattern[Any], probe: Probe) -> str:
    text = f"{probe.lead[-40:]!r} + {probe.piece!r} × n + {probe.end!r}"
    return f"{where}: {pattern.pattern[:120]!r}\n    text: {text}"


def test_no_pattern_of_the_package_backtracks_catastrophically() -> None:
    found, _ = compiled_patterns()
    patterns = {where: re.compile(source, flags) for (source, flags), where in found.items()}
    patterns.update(BUILT_FROM_SAMPLES)
    caught = [shown for where, p in sorted(patterns.items()) for shown in _catastrophic(p, where)]
    assert not caught, "patterns that backtrack catastrophically:\n" + "\n".join(caught)


def test_every_pattern_built_at_run_time_has_been_read() -> None:
    _, unseen = compiled_patterns()
    read = {name: calls for name, (calls, _) in BUILT_AT_RUN_TIME.items()}
    assert Counter(unseen) == read, (
        "a pattern built at run time that the scan cannot read: read it for repeats that "
        "can take the same text two ways, and count it in BUILT_AT_RUN_TIME"
    )


def test_the_scan_reads_bound_inline_and_rule_patterns() -> None:
    found, _ = compiled_patterns()
    where = {w.split(":")[0].split(" (")[0] for w in found.values()}
    assert "longmem.server.http11._HEADER_LINE" in where  # bytes, bound in a module
    assert "longmem.server.extract.checks.NOT_A_VALUE['job']" in where  # inside a dict
    assert "longmem.server.extract.subjects" in where  # inline, a literal
    assert any(w.startswith("RULES[") for w in where)
    assert len(found) > 800


@pytest.mark.parametrize(
    "source",
    [
        r"(?:a|ab|b)*c",  # "ab" read as one piece or two
        r"^(\w+\s?)+$",  # a word split anywhere
        r"(?:(?:is|are|not|n't|isn't|aren't)\s*)*moving\b",  # "isn't" = "is" + "n't"
        r"(?:herbal tea|herbal|tea)(?:\s*,?\s*(?:herbal tea|herbal|tea))*\.",
        r"(?:(?:have|finally|have\s+finally)\s+)*moved",
    ],
)
def test_the_scan_catches_a_pattern_that_reads_a_run_two_ways(source: str) -> None:
    assert _catastrophic(re.compile(source, re.I), "sample")


@pytest.mark.parametrize(
    "source",
    [
        r"(?:ab|cd)*e",
        r"^(\w+\s)*\w+$",  # words and the spaces between them: one way only
        r"\b(?:herbal tea|tea)(?:\s*,\s*(?:herbal\s+)?tea)*\.",
        rb"([!#$%&'*+.^_`|~0-9A-Za-z-]+):(.*)",  # the header line, bytes
    ],
)
def test_the_scan_passes_a_pattern_that_reads_a_run_one_way(source: str | bytes) -> None:
    assert not _catastrophic(re.compile(source, re.I), "sample")
