"""What a pattern cannot match without: words a text must hold for a search to be worth it.

The key rules are a few hundred regular expressions tried on every clause, and most of
them cannot match most clauses ("moved to Leeds" holds no "allergic"). ``needles`` reads
a pattern's parse tree for literal text that every match needs somewhere in the string
searched: one of "moved" or "relocated", and a digit, say. ``passes`` tells whether a
text may have them, so a rule can skip a text that has not without running its search.
It only ever skips a search that would have found nothing: where it cannot tell (a part
that may be empty, a class of characters, a look-ahead that must fail) it asks for
nothing, and a text that is not ASCII is always searched.

``SieveIndex`` tells which of many sieves a text passes without asking each one.
``known_needles`` reads them from ``needles.json`` (written by ``tools/build_needles.py``
for the key rules): parsing every rule's pattern costs ~0.3 s, the first statement a
server reads; a pattern the table lacks is parsed.

``said_between`` finds a value said between two fixed patterns without compiling a
pattern for the value.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import re
import sys
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any, Optional

# The parser the re module itself uses (sre_parse before 3.11), untyped in typeshed.
_NEW = sys.version_info >= (3, 11)
_parse: Any = importlib.import_module("re._parser" if _NEW else "sre_parse")
_op: Any = importlib.import_module("re._constants" if _NEW else "sre_constants")

__all__ = [
    "Needles",
    "Sieve",
    "SieveIndex",
    "grams",
    "known_needles",
    "needles",
    "passes",
    "pattern_key",
    "said_between",
    "sieve",
]

# What a match needs: every one of these tuples has one of its strings in the text.
Needles = tuple[tuple[str, ...], ...]
_Clause = frozenset[str]
# ``needles`` as ``passes`` checks them.
Sieve = tuple[frozenset[str], ...]

# A choice of more strings than this costs more to look for than the search it spares,
_MOST = 40
# and more than this many choices to check say little more than the first few.
_CLAUSES = 3
_GRAM = 4  # the longest pieces of a text ``grams`` keeps
_DIGITS: _Clause = frozenset("0123456789")
# Operators whose body must match at least once when its count's floor is 1 or more.
_REPEATS = {
    getattr(_op, name)
    for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
    if hasattr(_op, name)
}
_ATOMIC = getattr(_op, "ATOMIC_GROUP", None)  # 3.11+


def needles(source: str, flags: int = 0) -> Needles:
    """What every match of ``source`` needs in the string searched (in the match or
    around it, for a look-around), lower-cased; () when nothing is known."""
    try:
        found = _of_sequence(list(_parse.parse(source, flags)))
    except Exception:  # a parse tree of a shape not read here: ask for nothing
        return ()
    return tuple(tuple(sorted(clause)) for clause in sorted(set(found), key=_rank)[:_CLAUSES])


TABLE = Path(__file__).with_name("needles.json")
# What the table's needles were read by: a change to how ``needles`` reads a pattern
# raises it, and a table of another version is not used (every pattern is parsed).
NEEDLES_VERSION = 1


def pattern_key(source: str, flags: int = 0) -> str:
    """A pattern's key in the table of needles."""
    return hashlib.sha256(f"{int(flags)}:{source}".encode()).hexdigest()[:24]


@cache
def _table() -> dict[str, Needles]:
    """The table, or nothing when it is missing, damaged or of another version."""
    try:
        written = json.loads(TABLE.read_text("utf-8"))
        found = written["needles"] if written["version"] == NEEDLES_VERSION else {}
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    shaped = isinstance(found, dict) and all(
        isinstance(clauses, list)
        and all(
            isinstance(clause, list)
            and clause
            and all(isinstance(word, str) and word for word in clause)
            for clause in clauses
        )
        for clauses in found.values()
    )
    if not shaped:  # a damaged table could skip a text a rule matches: parse instead
        return {}
    return {key: tuple(tuple(clause) for clause in clauses) for key, clauses in found.items()}


def known_needles(source: str, flags: int = 0) -> Needles:
    """``needles(source, flags)``, from the table where it holds the pattern."""
    found = _table().get(pattern_key(source, flags))
    return found if found is not None else needles(source, flags)


def sieve(wanted: Needles) -> Sieve:
    """``wanted`` as ``passes`` checks it: each string by its first four characters."""
    return tuple(frozenset(needle[:_GRAM] for needle in clause) for clause in wanted)


def grams(text: str) -> Optional[frozenset[str]]:
    """Every piece of one to four characters of ``text`` lower-cased, for ``passes``; None
    for a text that is not ASCII, which is always searched: case folding can match a
    literal with a character of another script (re.I matches "k" with the Kelvin sign,
    "s" with the long s), which a lower-cased text does not show."""
    if not text.isascii():
        return None
    low = text.lower()
    return frozenset(
        low[start : start + size]
        for size in range(1, _GRAM + 1)
        for start in range(len(low) - size + 1)
    )


def passes(wanted: Sieve, pieces: Optional[frozenset[str]]) -> bool:
    """Whether a text whose ``grams`` are ``pieces`` may hold a match of a pattern whose
    ``sieve`` is ``wanted``: False only when it certainly cannot. A string is in a text
    only if its first four characters are: one set look-up a choice, however many
    strings it has (checking each string itself cost as much as the searches it spared)."""
    if pieces is None:
        return True
    for clause in wanted:  # noqa: SIM110  (all() of a generator costs twice this loop here)
        if pieces.isdisjoint(clause):
            return False
    return True


class SieveIndex:
    """Which of a list of sieves a text passes, in order, asking only those that hold one
    of its pieces. Asking each of a few hundred sieves cost a set look-up each, more than
    the searches they spared for most texts; this looks up each sieve's first (most
    telling) choice by the text's pieces instead, and asks only the sieves found there."""

    def __init__(self, sieves: Sequence[Sieve]) -> None:
        self._count = len(sieves)
        self._rests = tuple(wanted[1:] for wanted in sieves)  # what is asked of those found
        self._open = frozenset(at for at, wanted in enumerate(sieves) if not wanted)
        by_piece: dict[str, list[int]] = {}
        for at, wanted in enumerate(sieves):
            for piece in wanted[0] if wanted else ():
                by_piece.setdefault(piece, []).append(at)
        self._by_piece = {piece: tuple(ats) for piece, ats in by_piece.items()}
        self._pieces = frozenset(by_piece)

    def passing(self, pieces: Optional[frozenset[str]]) -> list[int]:
        """The positions of the sieves a text whose ``grams`` are ``pieces`` passes, in
        order: those ``passes`` says True of, every one for None."""
        if pieces is None:
            return list(range(self._count))
        found = set(self._open)
        for piece in self._pieces & pieces:
            found.update(self._by_piece[piece])
        rests = self._rests
        return [at for at in sorted(found) if passes(rests[at], pieces)]


def _rank(clause: _Clause) -> tuple[bool, int, int, list[str]]:
    """Sorts the choices that rule out more texts first: few strings, each long; then by
    the strings themselves, so that the same pattern has the same needles in every
    process (a set's order, and so a tie's, changes with the hash seed)."""
    shortest = min(map(len, clause))
    return (shortest < 3, len(clause), -shortest, sorted(clause))


def _of_sequence(items: list[tuple[Any, Any]]) -> list[_Clause]:
    """What a sequence needs: all that any of its parts needs."""
    needs: list[_Clause] = []
    run = ""  # literal characters in a row: "moved to"
    for op, arg in items:
        if op is _op.LITERAL and arg < 128:
            run += chr(arg).lower()
            continue
        if run:
            needs.append(frozenset((run,)))
            run = ""
        needs.extend(_of_item(op, arg))
    if run:
        needs.append(frozenset((run,)))
    return needs


def _of_item(op: Any, arg: Any) -> list[_Clause]:
    if op is _op.SUBPATTERN:
        return _of_sequence(list(arg[-1]))
    if op is _ATOMIC:
        return _of_sequence(list(arg))
    if op in _REPEATS:
        least, _most, body = arg
        return _of_sequence(list(body)) if least >= 1 else []
    if op is _op.ASSERT:  # a look-ahead or look-behind that must hold: its text is there
        return _of_sequence(list(arg[1]))
    if op is _op.BRANCH:  # one of the alternatives: what the chosen one needs
        union: set[str] = set()
        for branch in arg[1]:
            found = _of_sequence(list(branch))
            if not found:
                return []
            best: _Clause = min(found, key=_rank)
            union |= best
            if len(union) > _MOST:
                return []
        return [frozenset(union)]
    if op is _op.IN and _digits_only(arg):  # \d, [0-9], [1-9]: one of the ten digits
        return [_DIGITS]
    return []  # another class, any character, an anchor, a negative look-around…


def _digits_only(members: list[tuple[Any, Any]]) -> bool:
    """Whether a class ([…], \\d) matches nothing but ASCII digits in ASCII text."""
    for op, arg in members:
        if op is _op.CATEGORY and arg is _op.CATEGORY_DIGIT:
            continue
        if op is _op.RANGE and 48 <= arg[0] <= arg[1] <= 57:
            continue
        if op is _op.LITERAL and 48 <= arg <= 57:
            continue
        return False
    return bool(members)


def said_between(
    before: Optional[re.Pattern[str]],
    words: str,
    after: Optional[re.Pattern[str]],
    text: str,
) -> Optional[tuple[Optional[re.Match[str]], Optional[re.Match[str]]]]:
    """The first place ``text`` says ``words`` in any case, right after what ``before``
    matches and right before what ``after`` matches (either may be None): the two
    matches, or None. What ``re.search(before + re.escape(words) + after, text, re.I)``
    finds, without compiling a pattern for every value of ``words`` (a value said once
    is a pattern compiled once, at a millisecond, and pushes other patterns out of the
    re module's cache). ``before`` must end in one place for a given start, as
    "\\bat\\s+" does before a word; both are compiled with re.I, as the whole is."""
    if not (words and text.isascii() and words.isascii()) or words[0].isspace():
        # Case folding beyond ASCII, or a value whose spaces ``before`` could take: the
        # regular expression itself (rare).
        whole = re.compile(
            f"(?:{before.pattern if before else ''})(?P<_w>{re.escape(words)})"
            f"(?:{after.pattern if after else ''})",
            re.I,
        )
        found = whole.search(text)
        if found is None:
            return None
        return (
            before.match(text, found.start()) if before else None,
            after.match(text, found.end("_w")) if after else None,
        )
    low, wanted = text.lower(), words.lower()
    start = 0
    while True:
        if before is None:
            at = low.find(wanted, start)
            if at < 0:
                return None
            head, start = None, at + 1
        else:
            head = before.search(text, start)
            if head is None:
                return None
            at, start = head.end(), head.start() + 1
            if not low.startswith(wanted, at):
                continue
        tail = after.match(text, at + len(wanted)) if after else None
        if after is None or tail is not None:
            return head, tail
