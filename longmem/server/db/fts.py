"""Each tenant's full-text index: an FTS5 table of its own (``memory_fts_<n>``, the number
``fts_tenants`` gives the tenant when it stores its first memory).

One table per tenant, because BM25 ranks by statistics of the whole table it reads — how
many entries there are, how long they are, how many hold each word. In a table shared by
every tenant, one tenant's memories changed another's ranking and ``text_score``s, and a
tenant could read from its own scores whether a word was in anyone else's memories
(store "Okafor", search it, and watch its score fall as someone else stores it).
"""

from __future__ import annotations

import sqlite3
from typing import Optional

# Porter stemming over unicode61 ("drink" finds "drinks"); case and diacritics ignored.
TOKENIZE = "porter unicode61 remove_diacritics 2"


def fts_table(conn: sqlite3.Connection, tenant_id: str) -> Optional[str]:
    """The name of the tenant's full-text table; None before its first memory."""
    row = conn.execute("SELECT n FROM fts_tenants WHERE tenant_id = ?", (tenant_id,)).fetchone()
    return None if row is None else _name(row[0])


def made_fts_table(conn: sqlite3.Connection, tenant_id: str) -> str:
    """The tenant's full-text table, made now if it has none (inside the caller's write:
    undone with it)."""
    table = fts_table(conn, tenant_id)
    if table is not None:
        return table
    number = conn.execute("SELECT coalesce(max(n), 0) + 1 FROM fts_tenants").fetchone()[0]
    conn.execute("INSERT INTO fts_tenants (tenant_id, n) VALUES (?, ?)", (tenant_id, number))
    table = _name(number)
    conn.execute(f"CREATE VIRTUAL TABLE {table} USING fts5(text, tokenize = '{TOKENIZE}')")
    return table


def _name(number: int) -> str:
    return f"memory_fts_{int(number)}"
