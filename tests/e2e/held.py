"""What the user holds of one attribute now, read back through the client: the keyed
facts current for it, and the values not ended (the vehicles, bank and gym tests)."""

from __future__ import annotations

from typing import Any

from longmem import Longmem


def current_facts(
    mem: Longmem, collection: str, attribute: str, subject: str = "user"
) -> list[dict[str, Any]]:
    """The current facts of ``subject`` of one attribute, endings included."""
    return [
        dict(m)
        for m in mem.list_memories(collection=collection)
        if m["is_latest"] and m.get("attribute") == attribute and m.get("subject") == subject
    ]


def held_values(mem: Longmem, collection: str, attribute: str, subject: str = "user") -> list[str]:
    """The values of ``subject``'s attribute held now (no ending), sorted."""
    return sorted(
        m["value"] for m in current_facts(mem, collection, attribute, subject) if not m["negated"]
    )
