"""Request validation per docs/protocol.md "Limits", answered as 422 with
``{"detail": [{"loc", "msg", "type"}]}`` (the FastAPI shape the hosted API uses).

A ``Checker`` collects every problem of a request before failing, so a client sees all
of them at once.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from typing import Any, Optional, Union

from .._protocol import (
    COLLECTION_NAME_PATTERN,
    COLLECTION_NAME_RULE,
    MAX_METADATA_BYTES,
    MAX_METADATA_DEPTH,
)
from .timestamps import parse_timestamp

_COLLECTION_NAME = re.compile(COLLECTION_NAME_PATTERN)

Loc = Sequence[Union[str, int]]
# Python refuses to turn a longer digit string into an int (and older 3.9 releases take
# quadratic time doing so); such a number is still valid JSON (see bounded_int).
MAX_JSON_INT_DIGITS = 4_300
_MISSING = object()
# A query integer is decimal, a query number decimal or float syntax, in ASCII: int() and
# float() alone would also take spaces around it, "_" between digits and other scripts'
# digits ("٥"). "nan", "inf" and "infinity" (any case) are numbers, refused by range.
_QUERY_INT = re.compile(r"[+-]?[0-9]+")
_QUERY_FLOAT = re.compile(
    r"[+-]?(?:(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?|inf|infinity|nan)",
    re.IGNORECASE,
)


def bounded_int(text: str) -> Union[int, float]:
    """An integer as an int, or one too long to convert as an infinity of its sign: every
    field's range check then refuses it as too large or too small (a 422), and stored JSON
    (metadata) refuses any infinity."""
    if len(text) <= MAX_JSON_INT_DIGITS:  # the usual case, without the sign's look
        return int(text)
    if len(text) - text.startswith("-") > MAX_JSON_INT_DIGITS:
        return float("-inf") if text.startswith("-") else float("inf")
    return int(text)


# How a boolean query parameter is spelled (any case); idempotency reads them the same way.
QUERY_TRUE = ("true", "1")
QUERY_FALSE = ("false", "0")


class ValidationFailed(Exception):
    """Raised with the collected problems; the app answers 422."""

    def __init__(self, errors: list[dict[str, Any]]) -> None:
        super().__init__(f"{len(errors)} validation error(s)")
        self.errors = errors


class Checker:
    """Reads fields out of a body or query, recording each problem with its location."""

    def __init__(self) -> None:
        self.errors: list[dict[str, Any]] = []

    def fail(self, loc: Loc, msg: str, kind: str) -> None:
        self.errors.append({"loc": list(loc), "msg": msg, "type": kind})

    def done(self) -> None:
        if self.errors:
            raise ValidationFailed(self.errors)

    # -- body fields ------------------------------------------------------------------

    def string(
        self,
        src: Mapping[str, Any],
        name: str,
        loc: Loc,
        *,
        required: bool = False,
        default: Optional[str] = None,
        min_len: int = 0,
        max_len: Optional[int] = None,
        nullable: bool = False,
    ) -> Optional[str]:
        here = [*loc, name]
        value = src.get(name, _MISSING)
        if value is _MISSING or (value is None and not required and nullable):
            if required:
                self.fail(here, "Field required", "missing")
            return default if value is _MISSING else None
        if not isinstance(value, str):
            self.fail(here, "Input should be a valid string", "string_type")
            return None
        if len(value) < min_len:
            self.fail(
                here,
                f"String should have at least {min_len} character{'s' if min_len > 1 else ''}",
                "string_too_short",
            )
        if max_len is not None and len(value) > max_len:
            self.fail(here, f"String should have at most {max_len} characters", "string_too_long")
        return value

    def number(
        self,
        src: Mapping[str, Any],
        name: str,
        loc: Loc,
        *,
        default: float,
        lo: float,
        hi: float,
    ) -> float:
        here = [*loc, name]
        value = src.get(name, _MISSING)
        if value is _MISSING or value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.fail(here, "Input should be a valid number", "float_type")
            return default
        if value != value:
            self.fail(here, "Input should be a finite number", "finite_number")
            return default
        # Compared before float(): an integer past a float's range (hundreds of digits)
        # cannot become one, and an infinity (a longer one, see MAX_JSON_INT_DIGITS) is
        # simply out of range.
        if value < lo:
            self.fail(
                here, f"Input should be greater than or equal to {lo:g}", "greater_than_equal"
            )
            return default
        if value > hi:
            self.fail(here, f"Input should be less than or equal to {hi:g}", "less_than_equal")
            return default
        return float(value)

    def integer(
        self, src: Mapping[str, Any], name: str, loc: Loc, *, default: int, lo: int, hi: int
    ) -> int:
        here = [*loc, name]
        value = src.get(name, _MISSING)
        if value is _MISSING or value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, int):
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            elif value in (float("inf"), float("-inf")):
                pass  # an integer too long to parse: out of range below
            else:
                self.fail(here, "Input should be a valid integer", "int_type")
                return default
        if value < lo:
            self.fail(here, f"Input should be greater than or equal to {lo}", "greater_than_equal")
        if value > hi:
            self.fail(here, f"Input should be less than or equal to {hi}", "less_than_equal")
        return int(value) if lo <= value <= hi else default

    def boolean(self, src: Mapping[str, Any], name: str, loc: Loc, *, default: bool) -> bool:
        value = src.get(name, _MISSING)
        if value is _MISSING or value is None:
            return default
        if not isinstance(value, bool):
            self.fail([*loc, name], "Input should be a valid boolean", "bool_type")
            return default
        return value

    def choice(
        self,
        src: Mapping[str, Any],
        name: str,
        loc: Loc,
        choices: Sequence[str],
        *,
        default: Optional[str],
    ) -> Optional[str]:
        """One of ``choices``, or ``default`` when absent or null."""
        value = src.get(name)
        if value is None:
            return default
        if value not in choices:
            quoted = [f"'{c}'" for c in choices]
            listed = ", ".join(quoted[:-1]) + " or " + quoted[-1]
            self.fail([*loc, name], f"Input should be {listed}", "enum")
            return default
        return str(value)

    def metadata(
        self, src: Mapping[str, Any], name: str, loc: Loc, *, nullable: bool = True
    ) -> Optional[dict[str, Any]]:
        here = [*loc, name]
        value = src.get(name, _MISSING)
        if value is _MISSING or (value is None and nullable):
            return None
        if not isinstance(value, dict):
            self.fail(here, "Input should be a valid dictionary", "dict_type")
            return None
        if _depth(value) > MAX_METADATA_DEPTH:
            # Deeper documents are no use to anyone and would exhaust the recursion of
            # the containment match in search.
            self.fail(here, f"Metadata should nest at most {MAX_METADATA_DEPTH} levels", "too_deep")
            return None
        try:
            text = json.dumps(value, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
        except ValueError:
            # Only an integer too long to parse arrives as an infinity (MAX_JSON_INT_DIGITS).
            self.fail(
                here,
                f"Metadata numbers should have at most {MAX_JSON_INT_DIGITS:,} digits",
                "value_error",
            )
            return None
        encoded = text.encode("utf-8")
        if len(encoded) > MAX_METADATA_BYTES:
            self.fail(
                here, f"Metadata should be at most {MAX_METADATA_BYTES} bytes encoded", "too_long"
            )
        return value

    def collection_name(self, value: Any, loc: Loc) -> Optional[str]:
        if not isinstance(value, str):
            self.fail(loc, "Input should be a valid string", "string_type")
            return None
        if not _COLLECTION_NAME.fullmatch(value):
            self.fail(
                loc,
                f"Collection name should be {COLLECTION_NAME_RULE}",
                "string_pattern_mismatch",
            )
            return None
        return value

    def timestamp(self, src: Mapping[str, Any], name: str, loc: Loc) -> Optional[str]:
        """An ISO 8601 timestamp, normalised to UTC seconds with a Z."""
        value = src.get(name, _MISSING)
        if value is _MISSING or value is None:
            return None
        parsed = parse_timestamp(value) if isinstance(value, str) else None
        if parsed is None:
            self.fail([*loc, name], "Input should be a valid ISO 8601 datetime", "datetime_parsing")
        return parsed

    # -- query parameters -------------------------------------------------------------

    def query_int(
        self, query: Mapping[str, str], name: str, *, default: int, lo: int, hi: int
    ) -> int:
        raw = query.get(name)
        if raw is None:
            return default
        if not _QUERY_INT.fullmatch(raw):
            self.fail(
                ["query", name],
                "Input should be a valid integer, unable to parse string as an integer",
                "int_parsing",
            )
            return default
        # Read as a body's integer is, its leading zeros and "+" aside: one too long to
        # convert is out of any range.
        sign = "-" if raw.startswith("-") else ""
        value = bounded_int(sign + (raw.lstrip("+-").lstrip("0") or "0"))
        return self.integer({name: value}, name, ["query"], default=default, lo=lo, hi=hi)

    def query_float(
        self, query: Mapping[str, str], name: str, *, default: float, lo: float, hi: float
    ) -> float:
        raw = query.get(name)
        if raw is None:
            return default
        if not _QUERY_FLOAT.fullmatch(raw):
            self.fail(
                ["query", name],
                "Input should be a valid number, unable to parse string as a number",
                "float_parsing",
            )
            return default
        value = float(raw)  # past a float's range: an infinity, refused by range
        return self.number({name: value}, name, ["query"], default=default, lo=lo, hi=hi)

    def query_bool(self, query: Mapping[str, str], name: str, *, default: bool) -> bool:
        raw = query.get(name)
        if raw is None:
            return default
        if raw.lower() in QUERY_TRUE:
            return True
        if raw.lower() in QUERY_FALSE:
            return False
        self.fail(
            ["query", name],
            "Input should be a valid boolean, unable to interpret input",
            "bool_parsing",
        )
        return default


def _depth(value: Any) -> int:
    """How deeply objects and arrays nest in a JSON value (a scalar is 0), iteratively."""
    deepest = 0
    stack = [(value, 0)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        deepest = max(deepest, level + 1)
        stack.extend((child, level + 1) for child in children)
    return deepest
