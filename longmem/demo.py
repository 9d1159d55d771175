"""`python -m longmem demo`: a short agent-memory session, offline.

It starts the local server in this process on a free port with a throw-away database,
drives it through the real `Longmem` client, and removes everything when it ends.
"""

from __future__ import annotations

import sys
import time

from ._typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import Any, TextIO, Union

COLLECTION = "assistant"
NOTES: list[Union[str, Mapping[str, Any]]] = [
    "Alex prefers dark mode in every editor",
    {"text": "Bianca leads the design team", "category": "people", "importance": 0.9},
    {"text": "The quarterly report is due on Friday", "category": "work"},
    "Alex drinks green tea in the morning",
]


def run(out: TextIO = sys.stdout) -> int:
    """Run the session, printing what happens; returns the exit status."""
    from .client import Longmem
    from .server import LocalServer

    started = time.perf_counter()

    def say(text: str = "") -> None:
        out.write(text + "\n")

    with LocalServer() as server:
        say(f"local server: {server.url} (throw-away database)")
        assert server.api_key is not None
        with Longmem(api_key=server.api_key, base_url=server.url) as mem:
            say()
            say("1. Store a few memories")
            result = mem.add_many(NOTES, collection=COLLECTION)
            say(f"   stored {result['created']} memories")

            say()
            say('2. Search: "what does Alex like to drink?"')
            for hit in mem.search("what does Alex like to drink?", collection=COLLECTION, limit=2):
                say(f"   {hit['score']:.2f}  {hit['text']}")

            say()
            say("3. Remember facts as they change")
            for content in ("I live in Berlin.", "I live in Paris now."):
                say(f'   "{content}"')
                for fact in mem.remember(content, collection=COLLECTION):
                    say(f"     -> {fact['text']}  [{fact['type']}, {fact['relation']}]")

            say()
            say("4. Contradictions: what changed")
            for pair in mem.contradictions(collection=COLLECTION):
                say(f"   now:    {pair['current']['text']}")
                say(f"   before: {pair['superseded']['text']}")

            say()
            say("5. Search sees only the current truth")
            for hit in mem.search("where does the user live?", collection=COLLECTION, limit=1):
                say(f"   {hit['text']}")

            say()
            say("6. Profile")
            profile: Any = mem.profile(COLLECTION)
            say(f"   {profile['profile']}")

            say()
            say("7. Export")
            dump = mem.export_account()
            say(
                f"   {len(dump['memories'])} memories in {len(dump['collections'])} "
                "collection(s), ready to import anywhere"
            )
    say()
    say(f"done in {time.perf_counter() - started:.2f}s; the database is gone.")
    return 0
