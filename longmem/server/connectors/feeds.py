"""Feed documents → entries: RSS 2.0, RSS 1.0 (RDF) and Atom, parsed with the standard
library. A document that declares XML entities is refused before it is expanded.

Errors never quote the document (its root element, the parser's position): a sync's
error must not tell a caller what answered at an address."""

from __future__ import annotations

import datetime as _dt
import email.utils
import hashlib
import html.parser
import re
import xml.etree.ElementTree as ET
import xml.parsers.expat
from dataclasses import dataclass
from typing import Any, Optional

from .base import SyncError

_RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
NOT_A_FEED = "fetch failed: not an RSS or Atom feed"


@dataclass
class Entry:
    key: str
    title: str
    text: str
    link: Optional[str]
    date: Optional[_dt.datetime]


def parse_feed(body: bytes) -> tuple[str, list[Entry]]:
    _reject_entity_declarations(body)
    try:
        root = ET.fromstring(body)
    except ET.ParseError:
        raise SyncError(NOT_A_FEED) from None
    kind = _local(root.tag)
    if kind == "rss":
        channel = _child(root, "channel")
        if channel is None:
            raise SyncError(NOT_A_FEED)
        items = _children(channel, "item")
        entries = [_rss_entry(item) for item in items]
        return _text(_child(channel, "title")), entries
    if kind == "RDF":  # RSS 1.0: items are siblings of the channel
        channel = _child(root, "channel")
        entries = [_rss_entry(item) for item in _children(root, "item")]
        return _text(_child(channel, "title")) if channel is not None else "", entries
    if kind == "feed":
        entries = [_atom_entry(entry) for entry in _children(root, "entry")]
        return _plain(_child(root, "title")), entries
    raise SyncError(NOT_A_FEED)


class _EntityDeclared(Exception):
    pass


def _reject_entity_declarations(body: bytes) -> None:
    """Refuse feeds that declare entities before ElementTree can expand them: nested
    internal entities ("billion laughs") blow up memory, and no real feed needs them.
    Expat reads the declared encoding, so this holds for UTF-16 feeds too."""

    def refuse(*_args: Any) -> None:
        raise _EntityDeclared

    parser = xml.parsers.expat.ParserCreate()
    parser.EntityDeclHandler = refuse
    parser.UnparsedEntityDeclHandler = refuse
    try:
        parser.Parse(body, True)
    except _EntityDeclared:
        raise SyncError("fetch failed: feed declares XML entities; refused") from None
    except xml.parsers.expat.ExpatError:
        raise SyncError(NOT_A_FEED) from None


def _rss_entry(item: ET.Element) -> Entry:
    title = _html_to_text(_text(_child(item, "title")))
    description = _text(_child(item, "description")) or _text(_child(item, "encoded"))
    link = _text(_child(item, "link")) or None
    guid = _text(_child(item, "guid")) or item.get(f"{{{_RDF_NS}}}about", "")
    date = _parse_date(_text(_child(item, "pubDate")) or _text(_child(item, "date")))
    text = _html_to_text(description)
    key = guid or link or _fallback_key(title, text)
    return Entry(key=key, title=title, text=text, link=link, date=date)


def _atom_entry(entry: ET.Element) -> Entry:
    title = _plain(_child(entry, "title"))
    summary = _child(entry, "summary")
    if summary is None or not "".join(summary.itertext()).strip():
        summary = _child(entry, "content")
    text = _plain(summary)
    link = _atom_link(entry)
    dates = [
        d
        for d in (
            _parse_date(_text(_child(entry, "updated"))),
            _parse_date(_text(_child(entry, "published"))),
        )
        if d is not None
    ]
    key = _text(_child(entry, "id")) or link or _fallback_key(title, text)
    return Entry(key=key, title=title, text=text, link=link, date=max(dates) if dates else None)


def _atom_link(entry: ET.Element) -> Optional[str]:
    links = _children(entry, "link")
    for link in links:
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return link.get("href")
    for link in links:
        if link.get("href"):
            return link.get("href")
    return None


def _plain(element: Optional[ET.Element]) -> str:
    """Text of an Atom text construct (type text, html or xhtml)."""
    if element is None:
        return ""
    kind = element.get("type", "text")
    if kind == "xhtml" or kind.endswith("xml"):
        return _html_to_text(" ".join(element.itertext()))
    if kind == "text":
        return _collapse(element.text or "")
    return _html_to_text(element.text or "")


def _fallback_key(title: str, text: str) -> str:
    return "sha256:" + hashlib.sha256(f"{title}\n{text}".encode()).hexdigest()


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _children(parent: ET.Element, name: str) -> list[ET.Element]:
    """Children by local name, so any namespace prefix (content:, dc:, atom:) matches."""
    return [child for child in parent if _local(child.tag) == name]


def _child(parent: ET.Element, name: str) -> Optional[ET.Element]:
    for child in parent:
        if _local(child.tag) == name:
            return child
    return None


def _text(element: Optional[ET.Element]) -> str:
    return (element.text or "").strip() if element is not None else ""


def _parse_date(value: str) -> Optional[_dt.datetime]:
    """RFC 822 (RSS) or ISO 8601 / RFC 3339 (Atom, dc:date), as an aware UTC datetime."""
    if not value:
        return None
    try:
        return _aware(email.utils.parsedate_to_datetime(value))
    except (TypeError, ValueError, IndexError):
        pass
    iso = value.strip()
    if iso.endswith(("Z", "z")):
        iso = iso[:-1] + "+00:00"
    # 3.9's fromisoformat takes only 0, 3 or 6 fraction digits.
    iso = re.sub(r"\.(\d+)", lambda m: "." + (m.group(1) + "000000")[:6], iso, count=1)
    try:
        return _aware(_dt.datetime.fromisoformat(iso))
    except ValueError:
        return None


def _aware(moment: _dt.datetime) -> _dt.datetime:
    if moment.tzinfo is None:
        return moment.replace(tzinfo=_dt.timezone.utc)
    return moment.astimezone(_dt.timezone.utc)


_BLOCK_TAGS = frozenset(
    {"p", "br", "div", "li", "ul", "ol", "tr", "table", "blockquote", "pre", "hr"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "section", "article"}
)


class _TextExtractor(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, Optional[str]]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def _html_to_text(markup: str) -> str:
    if not markup:
        return ""
    extractor = _TextExtractor()
    extractor.feed(_lone_brackets_escaped(markup))
    extractor.close()
    return _collapse("".join(extractor.parts))


_BRACKET = re.compile(r"[<>]")


def _lone_brackets_escaped(markup: str) -> str:
    """``markup`` with each "<" that begins no tag, one whose next bracket is another "<"
    or none ("a < b", "<a<a<a…"), written as "&lt;": the text the parser reads from it,
    which otherwise looks for the tag's end from each of them again, in time quadratic
    in their number (CPython's html.parser before its 2025 fix; a 400 KB feed item took
    27 s of CPU)."""
    marks = [found.start() for found in _BRACKET.finditer(markup)]
    lone = [
        at
        for at, after in zip(marks, [*marks[1:], None])
        if markup[at] == "<" and (after is None or markup[after] == "<")
    ]
    if not lone:
        return markup
    pieces, start = [], 0
    for at in lone:
        pieces += [markup[start:at], "&lt;"]
        start = at + 1
    return "".join(pieces) + markup[start:]


def _collapse(text: str) -> str:
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
