"""The value a key rule's match gives (``value_of``): the rule's own value, or its ``v``
group cleaned (values.clean_value); "there" as the place its sentence names; a home town
by its name ("back to my hometown, Bolton"); an age in words as digits ("thirty-five" →
"35"); an employer said by its kind, by the name after it ("a startup called Tidal").
Also where the value starts and ends in the match, and the rest of a list after the first
value ("tea, coffee and jazz" → coffee, jazz: ``list_rest``).
"""

# ruff: noqa: SIM905  (word lists read as text)
from __future__ import annotations

import re
from typing import Optional

from .lexicon import ADVERBS, CLAUSE_VERBS, MONTH_NAMES, WEEKDAYS
from .places import place_rest
from .rules import Rule
from .rules_personal import SMALL_VALUES, TENS_VALUES
from .rules_work import OWN_BUSINESS, WORKPLACE_KINDS
from .values import ARTICLE, clean_value


def start_of_value(match: re.Match[str]) -> int:
    """Where a match's value begins: its ``v`` group, or its end if it has none."""
    return match.start("v") if "v" in match.re.groupindex else match.end()


def end_of_value(match: re.Match[str]) -> int:
    """Where a match's value ends: its ``v`` group's end, or the match's."""
    return match.end("v") if "v" in match.re.groupindex and match.group("v") else match.end()


def words_and_singulars(text: str) -> set[str]:
    """The words of ``text``, and those ending in "s" without it ("rabbits" → "rabbit")."""
    found = set(text.lower().split())
    return found | {word[:-1] for word in found if word.endswith("s")}


def groups_v(match: re.Match[str]) -> bool:
    return match.groupdict().get("v") is not None


_LIST_SEP = re.compile(r"^\s*(?:,\s*(?P<last>and\s+|or\s+)?|\s+(?P<also>and|or|&)\s+)", re.I)
_NOT_AN_ITEM = frozenset(
    "i we you he she it they i'm we're you're he's she's it's they're there this that so "
    "then because especially which who not no".split()
)
_MAX_ITEM_WORDS = 3
_DETERMINERS = frozenset("a an the my our your his her their".split())


# A pet listed by name as the first one is said: "… and a dog named Rex".
NAMED = re.compile(r"\s+named\s+")


_SAID_AGAIN = re.compile(
    r"^(?:(?:also|mildly|slightly|very)\s+)?(?:intolerant|allergic)\s+to\s+", re.I
)


def list_rest(after: str, first: str, name: str) -> list[str]:
    """The values listed after the first: "tea, coffee and jazz" → coffee, jazz.

    A comma alone does not make a list ("South Indian food, dosa especially" is an aside):
    only one closed by "and" / "or" does. Items are short and verbless, so "I like hiking
    and want to try climbing" lists nothing more.
    """
    at = after.lower().find(first.lower())
    rest = after[at + len(first) :] if at >= 0 else ""
    items: list[str] = []
    closed = False
    while not closed:
        sep = _LIST_SEP.match(rest)
        if sep is None:
            break
        closed = bool(sep.group("last") or sep.group("also"))
        rest = rest[sep.end() :]
        value = clean_value(rest, name)
        if value and name == "allergies":
            # "allergic to nuts and intolerant to dairy" lists dairy
            value = _SAID_AGAIN.sub("", value) or None
        words = value.split() if value else []
        if not words or len(words) > _MAX_ITEM_WORDS:
            return items if closed and items else []
        head = words[0].lower()
        if head in _NOT_AN_ITEM or head in CLAUSE_VERBS or _DETERMINERS & set(words[1:]):
            return []  # a clause, not a thing: "… and carry an EpiPen now"
        rest = rest[rest.lower().find(words[-1].lower()) + len(words[-1]) :]
        if len(words) == 1 and (head in ADVERBS or head.endswith("ly")):
            closed = False  # an aside: "jollof rice, obviously, and suya"
            continue
        items.append(value)  # type: ignore[arg-type]
    return items if closed else []


def age_in_digits(value: str) -> str:
    """An age said in words (``NUMBER_WORDS``) as digits ("thirty-five" → "35", "twenty
    nine" → "29", "forty" → "40"), so it is asked and compared as any other; anything
    else as it is."""
    words = value.lower().replace("-", " ").split()
    if len(words) == 1 and words[0] in SMALL_VALUES:
        return str(SMALL_VALUES[words[0]])
    if words and words[0] in TENS_VALUES and len(words) <= 2:
        units = SMALL_VALUES.get(words[1], 0) if len(words) == 2 else 0
        if len(words) == 1 or 0 < units < 10:
            return str(TENS_VALUES[words[0]] + units)
    return value


def value_of(rule: Rule, match: re.Match[str], name: str, sentence: str) -> Optional[str]:
    groups = match.groupdict()
    raw = next((groups[g] for g in ("v", "v2", "v3") if groups.get(g) is not None), None)
    if rule.value is not None and "{v}" not in rule.value:
        return rule.value
    if raw is None:
        return None
    if name in ("home", "location") and raw.strip().lower().startswith("there"):
        places = _PLACE.findall(sentence)
        raw = places[-1] if places else raw
    if name == "home":
        # "back to my home town of Bolton", "back to my hometown, Bolton": Bolton
        raw = _HOMETOWN.sub("", raw)
        named = (
            _HOMETOWN_NAMED.match(match.string, match.end("v"))
            if _ONLY_HOMETOWN.match(raw)
            else None
        )
        raw = named.group(1) if named else raw
    if name == "phone" and raw.startswith("("):
        return raw.strip()  # "(651) 555-0199": the number as written, not cut at "("
    value = clean_value(raw, name)
    if value is None:
        return None
    if name == "diet":
        value = value.lower()
    if name == "age":
        value = age_in_digits(value)
    if name == "employer" and rule.value in (None, OWN_BUSINESS):
        called = _named_after(value, match.string[match.end("v") :], sentence)
        if called:
            return called  # "my own business, Carter Heating": Carter Heating
    if rule.value is None:
        return value
    # a part said only sometimes ("{at} {v}": "on Elm Street", or just "Leeds") leaves no space
    value = rule.value.format(**{**{k: (g or "").strip() for k, g in groups.items()}, "v": value})
    value = value.strip()
    return ARTICLE.sub("", value) if name == "pets" else value


def _named_after(value: str, rest: str, sentence: str) -> Optional[str]:
    """The name of an employer said first by its kind, if the words give it: "a startup
    called Tidal", "a new agency, Wilhelmina", "a new venture in the Swartland as head
    winemaker, a small farm called Klipkop" (not "a new agency, lots of travel"; nor a
    name alone after the comma that is a place, or goes on in the sentence: "joined a new
    company, Jake and I are on the same team", "…, Wilhelmina? nope")."""
    kind = _A_KIND_OF_WORKPLACE.match(value)
    if kind is None:
        return None
    called = _CALLED.search(value, kind.end())
    if called:
        return called.group("name")
    named = _NAMED_NEXT.match(rest)
    if named is None:
        return None
    name = named.group("name")
    if not named.group("called"):
        at = sentence.find(name)
        if place_rest(name) == "" or (at >= 0 and not _ENDS_THERE.match(sentence, at + len(name))):
            return None
    return name


# A workplace by its kind ("a startup", "a small family firm", "the new agency") …
_A_KIND_OF_WORKPLACE = re.compile(
    r"^(?:(?:a|an|the|my|our)\s+)?(?:[\w-]+\s+){0,2}?(?:" + WORKPLACE_KINDS + r")\b", re.I
)
# … then its name: "called Tidal", ", Wilhelmina", ", a small farm called Klipkop"
_WORKPLACE_NAME = r"(?P<name>(?-i:[A-Z])[\w&'.-]*(?:\s+(?:&\s+)?(?-i:[A-Z])[\w&'.-]*){0,3})"
_CALLED = re.compile(r"\b(?:called|named)\s+" + _WORKPLACE_NAME + r"\s*$")
_NAMED_NEXT = re.compile(
    r"\s*,\s*(?P<called>(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:called|named)\s+)?"
    + _WORKPLACE_NAME
    + r"(?!['’\w])\s*(?:$|[.!;]|,\s*(?!(?-i:[A-Z])))"
)

# … the name alone where its sentence ends, or goes on to say more of the work
_ENDS_THERE = re.compile(
    r"\s*(?:$|[.!]+\s*(?:$|(?-i:[A-Z]))|,\s*(?!(?:and|i|we|who|that)\b)(?-i:[a-z]))"
)


_HOMETOWN = re.compile(
    r"^\s*(?:my|our)\s+(?:old\s+)?(?:hometown|home\s+town|home\s+city|birthplace)\s*(?:,|of\s+|:|—|–|-)\s*(?=[A-Z])"
)
_ONLY_HOMETOWN = re.compile(r"^\s*(?:my|our)\s+(?:old\s+)?(?:hometown|home\s+town)\s*$")
_HOMETOWN_NAMED = re.compile(r"\s*,\s*((?-i:[A-Z])[\w'-]*(?:\s+(?-i:[A-Z])[\w'-]*){0,2})")
_PLACE = re.compile(
    r"\b(?:in|to|at)\s+(?!(?:"
    + "|".join(w.capitalize() for w in (*WEEKDAYS, *MONTH_NAMES))
    + r")\b)([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)"
)
