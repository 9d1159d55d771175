"""How `Longmem.context()` turns search hits and a profile into a block for a prompt.

Pure functions, no I/O: the client fetches, this module keeps what is current and fits
it into the token budget. The block holds stored text, which may be untrusted, so every
memory is put on one line (Markdown) or escaped (XML): no stored text can add a heading,
close a tag or start a section of its own.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone

from ._constants import CHARS_PER_TOKEN
from ._typing import TYPE_CHECKING
from .errors import InvalidArgumentError

if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any, Callable, Optional

    from .types import SearchHit

FORMATS = ("markdown", "xml")

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# The profile is sentences joined by spaces; it is fitted one sentence at a time.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def approximate_tokens(text: str) -> int:
    """The default counter: characters ÷ 4, rounded up."""
    return -(-len(text) // CHARS_PER_TOKEN)


def token_counter(count_tokens: Any) -> Callable[[str], int]:
    """The counter to budget with: `count_tokens` checked, or the default estimate."""
    if count_tokens is None:
        return approximate_tokens
    if not callable(count_tokens):
        raise InvalidArgumentError(
            f"count_tokens must be callable (text → tokens), got {type(count_tokens).__name__}"
        )

    def count(text: str) -> int:
        tokens = count_tokens(text)
        if isinstance(tokens, bool) or not isinstance(tokens, int) or tokens < 0:
            raise InvalidArgumentError(
                f"count_tokens must return a whole number of 0 or more, got {tokens!r}"
            )
        return tokens

    count("## Memories")  # a counter that answers wrongly fails before anything is sent
    return count


def check_format(value: Any) -> str:
    if value not in FORMATS:
        raise InvalidArgumentError(f"format must be one of {', '.join(FORMATS)}; got {value!r}")
    return str(value)


def current(hits: Sequence[SearchHit], now: datetime) -> list[SearchHit]:
    """The hits that are current (docs/protocol.md 5.1): the latest, not archived, not
    expired. The local server returns only those; a server that does not is filtered
    here, so a superseded or expired fact never reaches a prompt."""
    return [
        hit
        for hit in hits
        if hit.get("is_latest") is not False
        and hit.get("archived") is not True
        and not _passed(hit.get("expires_at"), now)
    ]


def build(
    hits: Sequence[SearchHit],
    profile: str,
    *,
    format: str,
    max_tokens: int,
    count: Callable[[str], int],
) -> str:
    """The block: the hits, best first, that fit in `max_tokens`, then as much of the
    profile as still fits; "" when no hit fits.

    Every candidate block is counted whole, so the budget holds for a counter that is
    not additive (a tokenizer merges across line breaks). A hit too long for the room
    left is skipped and shorter ones after it may still fit; the profile is cut at its
    first sentence that does not fit, so what is kept reads as its beginning.
    """
    render = _xml if format == "xml" else _markdown
    facts: list[tuple[Optional[str], str]] = []
    seen: set[str] = set()
    for hit in hits:
        text = _one_line(hit.get("text"))
        if not text or _key(text) in seen:
            continue
        candidate = [*facts, (_date(hit), text)]
        if count(render(candidate, [])) <= max_tokens:
            facts = candidate
            seen.add(_key(text))
    if not facts:
        return ""
    sentences: list[str] = []
    for sentence in _SENTENCE_END.split(_one_line(profile)):
        if not sentence or _key(sentence) in seen:
            continue
        if count(render(facts, [*sentences, sentence])) > max_tokens:
            break
        sentences.append(sentence)
    return render(facts, sentences)


def _markdown(facts: Sequence[tuple[Optional[str], str]], profile: Sequence[str]) -> str:
    lines = ["## Memories"]
    lines += [f"- {date}: {text}" if date else f"- {text}" for date, text in facts]
    if profile:
        lines += ["", "## Profile", " ".join(profile)]
    return "\n".join(lines)


def _xml(facts: Sequence[tuple[Optional[str], str]], profile: Sequence[str]) -> str:
    lines = ["<memories>"]
    lines += [
        f'<memory date="{date}">{_escape(text)}</memory>'
        if date
        else f"<memory>{_escape(text)}</memory>"
        for date, text in facts
    ]
    if profile:
        lines.append(f"<profile>{_escape(' '.join(profile))}</profile>")
    lines.append("</memories>")
    return "\n".join(lines)


def _one_line(text: Any) -> str:
    """Whitespace, line breaks included, collapsed to single spaces."""
    return " ".join(text.split()) if isinstance(text, str) else ""


def _key(text: str) -> str:
    """What makes two lines say the same thing: case and a final full stop aside."""
    return text.rstrip(".").casefold()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _date(hit: SearchHit) -> Optional[str]:
    """The day a memory became true (`valid_from`), else the day it was stored."""
    for value in (hit.get("valid_from"), hit.get("created_at")):
        if isinstance(value, str) and _DATE.match(value):
            return value[:10]
    return None


def _passed(value: Any, now: datetime) -> bool:
    """Whether an `expires_at` has passed by `now`; a value that does not parse has not."""
    if not isinstance(value, str):
        return False
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment <= now
