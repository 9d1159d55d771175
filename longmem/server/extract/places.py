"""Names of places: does a capitalised name name a city, region or country?

A word after "shifted to" or "based in" is a home only when it is a place: "shifted to
Pune", not "shifted to Marketing". ``places.txt`` holds the names folded, one a line —
GeoNames' (https://www.geonames.org/, CC BY 4.0): every city of 15,000 people or more,
other names of the larger ones, countries, and first-level regions; made by
``tools/build_places.py``. Read once, on the first question (some 46,000 names, 25 ms).
"""

from __future__ import annotations

import functools
import unicodedata
from pathlib import Path
from typing import Optional

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


def place_rest(value: str) -> Optional[str]:
    """What follows the longest place's name ``value`` begins with ("Pune last month" →
    "last month", "the Gold Coast" → ""), or None when it begins with none. Of two names
    given for one place ("Ōtautahi / Christchurch, Sydenham"), either will do."""
    names = _names()
    for said in value.split("/")[:2]:
        words = said.split()
        start = 1 if words[:1] and words[0].lower() == "the" else 0
        for n in range(min(len(words) - start, _LONGEST), 0, -1):
            if fold(" ".join(words[start : start + n]).rstrip(",")) in names:
                return " ".join(words[start + n :])
    return None
