"""Every regular expression the package compiles, and the texts that would make one of them
backtrack catastrophically.

A pattern that can read a run of text in more than one way ("(a|ab|b)*", "(\\w+\\s?)+",
"is|isn't|n't") tries every way when what follows the run fails, so its work doubles with
each repeat of the run: a sentence of 300 characters can hold a thread for hours. The
scan below finds that from the pattern alone. For each repeat in a pattern it builds texts
from the parsed pattern: what leads to the repeat, one piece the repeat's body reads, that
piece 8 and then 16 times, and an end nothing expects. A pattern that reads the run one
way only takes about twice as long at 16 as at 8; one that backtracks catastrophically
takes hundreds of times as long.

The patterns are the package's own: the compiled ones bound in its modules (also inside
lists, tuples, dicts and objects), the rule table's, and those written inline in a call of
``re`` whose pattern is a literal or is built from the module's own names. An inline
pattern built from a value known only at run time is listed by ``unseen_calls``."""

from __future__ import annotations

import ast
import functools
import importlib
import inspect
import pkgutil
import random
import re
import signal
import time
from collections.abc import Iterator
from dataclasses import dataclass
from types import ModuleType
from typing import Any, Callable, Union

try:  # Python 3.11 and later
    from re import _parser as sre_parse
except ImportError:  # Python 3.9 and 3.10
    import sre_parse

import longmem
from longmem.server.extract.rules import RULES

Key = tuple[Union[str, bytes], int]
_REPEATS = (sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT)
_POSSESSIVE = getattr(sre_parse, "POSSESSIVE_REPEAT", None)  # 3.11: "a*+" never backtracks
_ATOMIC = getattr(sre_parse, "ATOMIC_GROUP", None)

# Where each function of ``re`` takes its flags, when they are given by position.
_FLAGS_AT = {
    "compile": 1,
    "search": 2,
    "match": 2,
    "fullmatch": 2,
    "findall": 2,
    "finditer": 2,
    "split": 3,
    "sub": 4,
    "subn": 4,
}
# The expressions an inline pattern may be built of to be read here: literals and the
# module's own names, joined by "+" or "|", in f-strings too. A call is never evaluated.
_READABLE = (
    ast.Expression,
    ast.Constant,
    ast.Name,
    ast.Load,
    ast.Attribute,
    ast.BinOp,
    ast.Add,
    ast.BitOr,
    ast.JoinedStr,
    ast.FormattedValue,
)


def package_modules() -> list[ModuleType]:
    """Every module of the package, imported (``__main__`` runs the command line: not it)."""
    names = [longmem.__name__] + [
        info.name
        for info in pkgutil.walk_packages(longmem.__path__, longmem.__name__ + ".")
        if not info.name.endswith(".__main__")
    ]
    return [importlib.import_module(name) for name in names]


@functools.lru_cache(maxsize=1)
def compiled_patterns() -> tuple[dict[Key, str], tuple[str, ...]]:
    """Each distinct (source, flags) the package compiles, with where it was found; and the
    functions that build a pattern inline from a value known only at run time, by name."""
    found: dict[Key, str] = {}
    unseen: list[str] = []
    for module in package_modules():
        for name, value in vars(module).items():
            _bound(f"{module.__name__}.{name}", value, found, 0)
        _inline(module, found, unseen)
    for at, rule in enumerate(RULES):
        found.setdefault((rule.source, rule.flags), f"RULES[{at}] ({rule.attribute})")
    return found, tuple(unseen)


def _bound(where: str, value: object, found: dict[Key, str], depth: int) -> None:
    if isinstance(value, re.Pattern):
        found.setdefault((value.pattern, value.flags), where)
    elif depth < 3 and isinstance(value, (list, tuple, set, frozenset)):
        for at, item in enumerate(value):
            _bound(f"{where}[{at}]", item, found, depth + 1)
    elif depth < 3 and isinstance(value, dict):
        for key, item in value.items():
            _bound(f"{where}[{key!r}]", item, found, depth + 1)
    elif (
        depth < 2
        and not isinstance(value, (type, ModuleType))
        and type(value).__module__.startswith("longmem")
        and hasattr(value, "__dict__")
    ):
        for name, item in vars(value).items():
            _bound(f"{where}.{name}", item, found, depth + 1)


def _inline(module: ModuleType, found: dict[Key, str], unseen: list[str]) -> None:
    try:
        source = inspect.getsource(module)
    except (OSError, TypeError):  # an empty package __init__
        return
    for call, flags_at, function in _calls_of_re(ast.parse(source), ""):
        where = f"{module.__name__}:{call.lineno}"
        flags_node = next((k.value for k in call.keywords if k.arg == "flags"), None)
        if flags_node is None and len(call.args) > flags_at:
            flags_node = call.args[flags_at]
        pattern = _value(call.args[0], module)
        flags = 0 if flags_node is None else _value(flags_node, module)
        if isinstance(pattern, (str, bytes)) and isinstance(flags, int):
            compiled = re.compile(pattern, flags)
            found.setdefault((compiled.pattern, compiled.flags), where)
        elif function:  # at module level, what it compiles is bound, and found so
            unseen.append(f"{module.__name__}.{function}")


def _calls_of_re(node: ast.AST, function: str) -> Iterator[tuple[ast.Call, int, str]]:
    """Each call of one of ``re``'s functions under ``node``, with the position of its
    flags and the name of the function it is written in ("" at module level, "Class.method"
    in a class)."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            yield from _calls_of_re(child, f"{function}.{child.name}".lstrip("."))
            continue
        if (
            isinstance(child, ast.Call)
            and isinstance(child.func, ast.Attribute)
            and isinstance(child.func.value, ast.Name)
            and child.func.value.id == "re"
            and child.func.attr in _FLAGS_AT
            and child.args
        ):
            yield child, _FLAGS_AT[child.func.attr], function
        yield from _calls_of_re(child, function)


def _value(node: ast.expr, module: ModuleType) -> Any:
    """The value of an expression of literals and the module's own names, or None."""
    expression = ast.Expression(body=node)
    if not all(isinstance(part, _READABLE) for part in ast.walk(expression)):
        return None
    try:
        return eval(compile(expression, module.__name__, "eval"), dict(vars(module)))
    except NameError:  # a function's own variable
        return None


# Building texts from a parsed pattern ----------------------------------------------------

_CATEGORY_SAMPLE = {  # by the category's name without its "CATEGORY_", "LOC_", "UNI_"
    "DIGIT": "7",
    "NOT_DIGIT": "a",
    "SPACE": " ",
    "NOT_SPACE": "a",
    "WORD": "a",
    "NOT_WORD": " ",
    "LINEBREAK": "\n",
    "NOT_LINEBREAK": "a",
}


def _category_sample(category: object) -> str:
    return _CATEGORY_SAMPLE.get(_category_name(category), "a")


# The class each category reads, by its name as _CATEGORY_SAMPLE has it.
_CATEGORY_CLASS = {
    "DIGIT": r"\d",
    "NOT_DIGIT": r"\D",
    "SPACE": r"\s",
    "NOT_SPACE": r"\S",
    "WORD": r"\w",
    "NOT_WORD": r"\W",
    "LINEBREAK": r"\n",
    "NOT_LINEBREAK": r"[^\n]",
}
# What a negated set ("[^...]") is written with: the first of these it does not exclude.
_OUTSIDE = "a z7.!#-_/,;:'\"()[]{}<>@&*+=?~|^$%\t\nqZ0éß中"


def _category_name(category: object) -> str:
    name = str(category).upper()
    for prefix in ("CATEGORY_", "LOC_", "UNI_"):
        name = name.replace(prefix, "")
    return name


def _in_set(char: str, items: list[tuple[Any, Any]]) -> bool:
    """Whether ``char`` is one of a set's items (literals, ranges, categories)."""
    for op, av in items:
        if op is sre_parse.LITERAL and char == chr(av):
            return True
        if op is sre_parse.RANGE and av[0] <= ord(char) <= av[1]:
            return True
        if op is sre_parse.CATEGORY:
            pattern = _CATEGORY_CLASS.get(_category_name(av))
            if pattern is not None and re.fullmatch(pattern, char):
                return True
    return False


def _one_of(items: list[tuple[Any, Any]], rnd: random.Random) -> str:
    """A character of a set ("[...]")."""
    if items and items[0][0] is sre_parse.NEGATE:
        return next((c for c in _OUTSIDE if not _in_set(c, items[1:])), "q")
    op, av = rnd.choice(items)
    if op is sre_parse.LITERAL:
        return chr(av)
    if op is sre_parse.RANGE:
        return chr(rnd.randint(av[0], min(av[1], av[0] + 25)))
    if op is sre_parse.CATEGORY:
        return _category_sample(av)
    return "a"


def _children(item: tuple[Any, Any]) -> list[list[tuple[Any, Any]]]:
    """The sequences directly inside one node."""
    op, av = item
    if op is sre_parse.BRANCH:
        return [list(branch) for branch in av[1]]
    if op is sre_parse.SUBPATTERN:
        return [list(av[-1])]
    if op in _REPEATS or (_POSSESSIVE is not None and op is _POSSESSIVE):
        return [list(av[2])]
    if _ATOMIC is not None and op is _ATOMIC:
        return [list(av)]
    if op in (sre_parse.ASSERT, sre_parse.ASSERT_NOT):
        return [list(av[1])]
    return []


Step = tuple[list[tuple[Any, Any]], int]  # a sequence of nodes, and where in it to go on


@dataclass
class _Writer:
    """Writes a text a sequence of nodes reads; ``chosen`` fixes which alternative of a
    given branch node is taken (by the node's id), the rest are drawn from ``rnd``."""

    rnd: random.Random
    chosen: dict[int, int]

    def text(self, sequence: list[tuple[Any, Any]]) -> str:
        return "".join(self._one(item) for item in sequence)

    def _one(self, item: tuple[Any, Any]) -> str:
        op, av = item
        if op is sre_parse.LITERAL:
            return chr(av)
        if op is sre_parse.NOT_LITERAL:
            return "b" if av == ord("a") else "a"
        if op is sre_parse.ANY:
            return "a"
        if op is sre_parse.IN:
            return _one_of(list(av), self.rnd)
        if op is sre_parse.BRANCH:
            branches = av[1]
            at = self.chosen.get(id(item), self.rnd.randrange(len(branches)))
            return self.text(list(branches[at]))
        if op in (sre_parse.ASSERT, sre_parse.ASSERT_NOT):
            return ""
        if op in _REPEATS or (_POSSESSIVE is not None and op is _POSSESSIVE):
            least, most, body = av
            times = least if self.rnd.random() < 0.3 else min(most, least + self.rnd.randint(1, 2))
            return "".join(self.text(list(body)) for _ in range(times))
        children = _children(item)
        return self.text(children[0]) if children else ""  # groups; anchors write nothing

    def lead_to(self, path: list[Step]) -> str:
        """A text that reads the pattern up to where the last node of ``path`` starts."""
        return "".join(self.text(sequence[:at]) for sequence, at in path)


def _repeats(
    sequence: list[tuple[Any, Any]], path: list[Step]
) -> Iterator[tuple[tuple[Any, Any], list[Step]]]:
    """The nodes that may repeat more than once and give back what they took, each with
    its path from the pattern's top: at each depth, a sequence and the index of the node
    that is, or holds, the repeat. A repeat in a lookbehind has a fixed width, and a
    possessive one never gives back."""
    for at, item in enumerate(sequence):
        op, av = item
        here = [*path, (sequence, at)]
        if op in _REPEATS and av[1] > 1:
            yield item, here
        if op in (sre_parse.ASSERT, sre_parse.ASSERT_NOT) and av[0] < 0:  # a lookbehind
            continue
        for child in _children(item):
            yield from _repeats(child, here)


def _branches(sequence: list[tuple[Any, Any]]) -> Iterator[tuple[Any, Any]]:
    for item in sequence:
        if item[0] is sre_parse.BRANCH:
            yield item
        for child in _children(item):
            yield from _branches(child)


@dataclass(frozen=True)
class Probe:
    """A text for one repeat of one pattern: ``lead`` + ``piece`` × n + ``end``."""

    lead: str
    piece: str
    end: str

    def text(self, times: int) -> str:
        return self.lead + self.piece * times + self.end

    def search_cost(self, pattern: re.Pattern[Any]) -> Callable[[int], float]:
        """The CPU seconds of searching ``pattern`` in this text, by the number of pieces."""
        if isinstance(pattern.pattern, bytes):  # a bytes pattern's pieces are Latin-1
            return lambda times: cpu_of_search(pattern, self.text(times).encode("latin-1"))
        return lambda times: cpu_of_search(pattern, self.text(times))


ENDS = ("\x00", " \x00", "!")  # characters no pattern expects, after a space or not
_MOST_PIECE = 60
_MOST_PIECES = 250


def probes(source: str, flags: int, seed: int = 1) -> Iterator[Probe]:
    """The texts to try a pattern with: for each repeat, up to 250 distinct pieces its body
    reads (ten drawn at random, then each alternative of each of its first twelve branches
    in turn), each led to and followed by each of ``ENDS``."""
    tree = list(sre_parse.parse(source, flags))
    rnd = random.Random(seed)
    for repeat, path in _repeats(tree, []):
        body = list(repeat[1][2])
        plans: list[dict[int, int]] = [{}] * 10
        for branch in list(_branches(body))[:12]:
            plans += [{id(branch): at} for at in range(len(branch[1][1]))]
        seen = set()
        for trial, chosen in enumerate(plans[:_MOST_PIECES]):
            piece = _Writer(rnd, chosen).text(body)
            if not piece or piece in seen or len(piece) > _MOST_PIECE:
                continue
            seen.add(piece)
            lead = _Writer(random.Random(trial * 7919 + seed), {}).lead_to(path)
            for end in ENDS:
                yield Probe(lead, piece, end)


# Timing a search, with a bound on its CPU --------------------------------------------------


class _TooLong(Exception):
    pass


def _stop(signum: int, frame: object) -> None:
    raise _TooLong


def cpu_of_search(pattern: re.Pattern[Any], text: Union[str, bytes], most: float = 0.25) -> float:
    """The CPU seconds one ``pattern.search(text)`` takes, or infinity past ``most``. The
    bound is on this process's CPU (``ITIMER_VIRTUAL``), so a busy machine does not trip it;
    the regular expression engine checks for signals as it runs. Main thread only."""
    previous = signal.signal(signal.SIGVTALRM, _stop)
    signal.setitimer(signal.ITIMER_VIRTUAL, most)
    started = time.thread_time()
    try:
        pattern.search(text)
        return time.thread_time() - started
    except _TooLong:
        return float("inf")
    finally:
        signal.setitimer(signal.ITIMER_VIRTUAL, 0)
        signal.signal(signal.SIGVTALRM, previous)


def backtracks(cost: Callable[[int], float]) -> bool:
    """Whether a run of 16 pieces costs hundreds of times what 8 cost: at least 20 times,
    and at least 3 ms (a pattern that reads the run one way takes about twice as long).
    A cost over 3 ms is taken as the least of three, so that a pause of the machine's does
    not count; past the bound, the pattern has backtracked for certain."""
    at_16 = cost(16)
    if at_16 == float("inf"):
        return True
    if at_16 <= 0.003:
        return False
    at_16 = min(at_16, cost(16), cost(16))
    return at_16 > 0.003 and at_16 > 20 * max(min(cost(8) for _ in range(3)), 1e-5)
