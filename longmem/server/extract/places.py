"""Names of places: does a capitalised name name a city, region or country?

A word after "shifted to" or "based in" is a home only when it is a place: "shifted to
Pune", not "shifted to Marketing". ``places.txt`` holds the names folded, one a line —
GeoNames' (https://www.geonames.org/, CC BY 4.0): every city of 15,000 people or more,
other names of the larger ones, countries, and first-level regions; made by
``tools/build_places.py``, with ``regions.txt``, those of them larger than a town. Read
once, with the rules (``load``: some 46,000 names, 25 ms).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path
from typing import Optional

from .lexicon import DAY_NAMES, MONTHS

_FILE = Path(__file__).with_name("places.txt")
_REGIONS = Path(__file__).with_name("regions.txt")
_LONGEST = 4  # words in the longest name asked about: "Port of Spain", "Rio de Janeiro"


def fold(name: str) -> str:
    """A name as ``places.txt`` holds it: accents off, lower case, one space between words."""
    decomposed = unicodedata.normalize("NFKD", name.replace("’", "'"))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.casefold().split())


@functools.lru_cache(maxsize=2)
def _names(file: Path = _FILE) -> frozenset[str]:
    with open(file, encoding="utf-8") as lines:
        return frozenset(line.rstrip("\n") for line in lines if not line.startswith("#"))


def load() -> None:
    """Read both files now (with the rules, on the first message read), not on the first
    message that names a place."""
    _names()
    _names(_REGIONS)


def a_region(name: str) -> bool:
    """Whether a place's name names one larger than a town: a country or a first-level
    region ("Serbia", "Texas", "Singapore"; not "Belgrade", "Lavapiés"). ``regions.txt``
    holds them, folded, from the same build as ``places.txt``."""
    return fold(name) in _names(_REGIONS)


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


# A word as a name is written: a capital first ("Hobart", "Port of Spain" has a small one
# inside), joined by nothing but spaces and the words of a name ("of", "de", "upon").
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_JOINING = frozenset(["of", "de", "da", "do", "del", "la", "le", "upon", "on", "the"])
# Capitalised words that name a place but seldom mean one: a month or a day ("March",
# "Sun"), and words of one or two letters ("La", "US" as typed).
_NOT_A_PLACE = frozenset((*MONTHS, *DAY_NAMES))


def places_in(text: str) -> list[str]:
    """The known places a text writes as names, as written: "Officially a Hobart girl
    now" → Hobart, "renting in Port of Spain" → Port of Spain; not "the bay", "in
    March", "La"."""
    names = _names()
    words = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]
    found: list[str] = []
    i = 0
    while i < len(words):
        width = _place_at(text, words, i, names) if words[i][0][0].isupper() else 0
        if width:
            found.append(text[words[i][1] : words[i + width - 1][2]])
        i += width or 1
    return found


def _place_at(text: str, words: list[tuple[str, int, int]], i: int, names: frozenset[str]) -> int:
    """How many words from the ``i``th name a known place, longest first (0: none)."""
    for n in range(min(len(words) - i, _LONGEST), 0, -1):
        run = words[i : i + n]
        if not run[-1][0][0].isupper() or any(
            text[a[2] : b[1]] != " " for a, b in zip(run, run[1:])
        ):
            continue  # a name ends in a capital, its words one space apart
        if any(w[0].islower() and w.lower() not in _JOINING for w, _, _ in run):
            continue
        name = fold(" ".join(w for w, _, _ in run))
        if len(name) > 2 and name not in _NOT_A_PLACE and name in names:
            return n
    return 0
