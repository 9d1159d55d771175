"""What the rules read a statement for: the attributes whose phrasings matched it, whether
they kept a value or turned it down; and whom they read it as about (``said_of``).

Search asks it of a plain memory told after a keyed fact (``news_of_a_key.py``): a memory
the rules read for that attribute and turned down ("my family moved to Austin when I was
5", "I quit my weekend job") is no news of it; one they never read for it may be. Reading
a statement again runs the rules with a collector set (``CONSIDERED``), which ``keys.py``
fills with each rule's attribute as its pattern matches and ``clause_facts.py`` with
``EVERY_ATTRIBUTE`` for a clause turned down whole (a condition, a life's story, a
guess). This module imports nothing of the rules: they load on the first statement read.
"""

from __future__ import annotations

from contextvars import ContextVar
from datetime import datetime
from functools import lru_cache
from typing import Optional

# The attributes read while a caller collects them; None when no one does.
CONSIDERED: ContextVar[Optional[set[str]]] = ContextVar("considered", default=None)
# What ``CONSIDERED`` holds for a clause turned down whole.
EVERY_ATTRIBUTE = "*"


def turned_down() -> None:
    """Note, for a caller collecting, a clause read and turned down whole: whatever it
    says was read."""
    read = CONSIDERED.get()
    if read is not None:
        read.add(EVERY_ATTRIBUTE)


@lru_cache(maxsize=4096)
def considered(statement: str, observed_at: datetime) -> frozenset[str]:
    """The attributes whose phrasings the rules matched in ``statement`` as said at
    ``observed_at`` (``EVERY_ATTRIBUTE`` among them for a clause turned down whole). Kept
    for the memories search asks about again and again."""
    from .pipeline import extract

    read: set[str] = set()
    token = CONSIDERED.set(read)
    try:
        extract(statement, observed_at)
    finally:
        CONSIDERED.reset(token)
    return frozenset(read)


@lru_cache(maxsize=4096)
def said_of(statement: str) -> str:
    """The subject key the rules read ``statement`` as about (``user``, ``sister:``,
    ``Kwame``, ``~he``; "" for no one): asked by search's change step of a later memory
    once for every earlier one it is weighed against, so kept."""
    from .subjects import parse_subject

    return parse_subject(statement, None).subject.key
