"""Schema migrations upgrade a database that already holds memories."""

from __future__ import annotations

import os
from typing import Any

from longmem.server.db import MemoryFilter, NewMemory, Principal, Store
from longmem.server.timestamps import iso_now


def test_reindexing_migration_keeps_every_memory_searchable(tmp_path: Any) -> None:
    path = os.path.join(str(tmp_path), "upgrade.db")
    store = Store(path)
    key_id, _ = store.keys.add("default", "write", "default")
    principal = Principal(key_id, "default", "write", "default")
    store.memories.add(principal, [NewMemory("notes", "Alex drinks green tea")])
    with store.write() as conn:  # as if the database predated migration 4
        conn.execute("DELETE FROM schema_migrations WHERE version = 4")
    store.close()

    upgraded = Store(path)
    try:
        hits = upgraded.memories.full_text("default", '"drink"', MemoryFilter(), iso_now(), 10)
        assert len(hits) == 1  # found through the stemmed index the migration rebuilt
        with upgraded.read() as conn:
            versions = [row[0] for row in conn.execute("SELECT version FROM schema_migrations")]
        assert versions == sorted(versions) and versions[-1] >= 4
    finally:
        upgraded.close()
