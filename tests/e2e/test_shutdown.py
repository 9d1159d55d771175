"""add_many against a `longmem serve` process stopped part-way: nothing lost, nothing twice."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

from longmem import BatchProgress, Longmem, LongmemConnectionError

from ..server.server_api import ServerProcess

KEY = "lm_shutdown"


def test_sigterm_during_add_many_reports_what_the_server_stored(tmp_path: Path) -> None:
    db = str(tmp_path / "stop.db")
    items = [f"note {i} about the garden" for i in range(3000)]
    server = ServerProcess("--port", "0", "--db", db, "--api-key", KEY)

    def stop_after_five_chunks(progress: BatchProgress) -> None:
        if progress.created == 500:
            server.proc.send_signal(signal.SIGTERM)

    url = f"http://127.0.0.1:{server.port}"
    mem = Longmem(api_key=KEY, base_url=url, max_retries=2, backoff_base=0.01)
    with mem, pytest.raises(LongmemConnectionError) as caught:
        mem.add_many(items, collection="garden", on_progress=stop_after_five_chunks)
    assert server.wait()[0] == 0
    progress = caught.value.progress
    assert progress is not None and progress.idempotency_key is not None

    again = ServerProcess("--port", "0", "--db", db, "--api-key", KEY)
    url = f"http://127.0.0.1:{again.port}"
    with Longmem(api_key=KEY, base_url=url) as mem:
        # The server answered every chunk it stored before it stopped: none was lost in
        # flight, so the error's count is the server's.
        assert mem.get_collection("garden")["memory_count"] == progress.created
        result = mem.add_many(items, collection="garden", idempotency_key=progress.idempotency_key)
        assert result["ids"][: progress.created] == progress.ids
        assert mem.get_collection("garden")["memory_count"] == len(items)
    again.finish(signal.SIGTERM)
