"""Names of places: does a capitalised name name a city, region or country?

A word after "shifted to" or "based in" is a home only when it is a place: "shifted to
Pune", not "shifted to Marketing". ``places.txt`` holds the names folded, one a line —
GeoNames' (https://www.geonames.org/, CC BY 4.0): every city of 15,000 people or more,
other names of the larger ones, countries, and first-level regions; made by
``tools/build_places.py``. Read once, on the first question (about 40,000 names).
"""

from __future__ import annotations

import functools
import unicodedata
from pathlib import Path

_FILE = Path(__file__).with_name("places.txt")
_LONGEST = 4  # words in the longest name asked about: "Port of Spain", "Rio de Janeiro"


def fold(name: str) -> str:
    """A name as ``places.txt`` holds it: accents off, lower case, one space between words."""
    decomposed = unicodedata.normalize("NFKD", name.replace("’", "'"))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.casefold().split())


@functools.lru_cache(maxsize=1)
def _names() -> frozenset[str]:
    with open(_FILE, encoding="utf-8") as lines:
        return frozenset(line.rstrip("\n") for line in lines if not line.startswith("#"))


def is_place(value: str) -> bool:
    """Whether ``value`` begins with a place's name: "Pune last month", "the Gold Coast";
    either of two names given for one place: "Ōtautahi / Christchurch"."""
    names = _names()
    for said in value.split("/")[:2]:
        words = fold(said).replace(",", " ").split()
        if words[:1] == ["the"]:
            words = words[1:]
        if any(" ".join(words[:n]) in names for n in range(min(len(words), _LONGEST), 0, -1)):
            return True
    return False
