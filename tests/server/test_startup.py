"""What a server loads to start: the extractor's rules wait for the first message read."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent

_PROBE = r"""
import json, sys
from longmem import Longmem
from longmem.server import LocalServer

RULES = ("pipeline", "subjects", "keys", "chat", "plainly")

def rules_loaded():
    return sorted(m for m in RULES if f"longmem.server.extract.{m}" in sys.modules)

seen = {}
with LocalServer() as server:
    mem = Longmem(base_url=server.url, api_key=server.api_key, max_retries=0)
    seen["started"] = rules_loaded()
    mem.add("I cycle to the office most days", collection="c")
    seen["searched"] = [h["text"] for h in mem.search("cycle", collection="c")]
    mem.list_memories(collection="c")
    mem.profile(collection="c")
    seen["used"] = rules_loaded()
    seen["facts"] = [f["text"] for f in mem.remember("I moved to Paris", collection="c")]
    seen["remembered"] = rules_loaded()
    from longmem.server.extract import places, rules
    seen["compiled"] = sum("pattern" in vars(rule) for rule in rules.RULES)
    seen["rules"] = len(rules.RULES)
    seen["places read"] = places._names.cache_info().currsize
    mem.close()
print(json.dumps(seen))
"""


def test_the_rules_load_on_the_first_message_read_not_when_the_server_starts() -> None:
    out = subprocess.run(
        [sys.executable, "-c", _PROBE], cwd=ROOT, capture_output=True, text=True, check=True
    )
    seen = json.loads(out.stdout)
    # started, added to, searched, listed, profiled: no rule compiled
    assert seen["started"] == seen["used"] == []
    assert seen["searched"] == ["I cycle to the office most days"]
    # the first message read loads them, and reads it as before
    assert seen["facts"] == ["User lives in Paris"]
    assert seen["remembered"] == ["chat", "keys", "pipeline", "plainly", "subjects"]
    # … all at once: every rule compiled and the place names read, though "I moved to
    # Paris" needs few of them, so that no later message pays for being the first to need
    # one (a message not in ASCII, searched by every rule, had paid ~0.2 s on its own)
    assert seen["compiled"] == seen["rules"] > 250
    assert seen["places read"] == 2
