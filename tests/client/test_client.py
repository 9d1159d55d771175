"""The client object itself: a free constructor, job polling, and route-shape safety."""

from __future__ import annotations

import threading
from typing import Callable
from urllib.parse import unquote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from longmem import Longmem, LongmemTimeoutError
from longmem._retry import RetryPolicy, backoff_delay
from longmem._validate import segment

from .conftest import SleepRecorder
from .servers import Reply, ScriptedServer


def test_constructor_does_no_network_io_and_starts_no_threads(server: ScriptedServer) -> None:
    threads_before = threading.active_count()
    client = Longmem(api_key="k", base_url=server.url)
    assert threading.active_count() == threads_before
    assert server.connections == 0
    client.close()
    assert server.connections == 0


def test_wait_for_job_polls_until_done(
    server: ScriptedServer, client: Longmem, sleeps: SleepRecorder
) -> None:
    server.script(
        Reply(200, json={"job_id": "job_1", "status": "queued"}),
        Reply(200, json={"job_id": "job_1", "status": "running"}),
        Reply(200, json={"job_id": "job_1", "status": "done", "facts": [{"id": "mem_1"}]}),
    )
    job = client.wait_for_job("job_1", poll_interval=0.25)
    assert job["status"] == "done" and job["facts"] == [{"id": "mem_1"}]
    assert [r.path for r in server.requests] == ["/v1/memory/extract/job/job_1"] * 3
    assert sleeps.calls == [0.25, 0.25]


def test_wait_for_job_returns_a_failed_job_too(server: ScriptedServer, client: Longmem) -> None:
    server.script(Reply(200, json={"job_id": "job_1", "status": "failed", "error": "boom"}))
    assert client.wait_for_job("job_1")["error"] == "boom"


def test_wait_for_job_gives_up_after_its_timeout(
    server: ScriptedServer, make_client: Callable[..., Longmem]
) -> None:
    server.set_default(Reply(200, json={"job_id": "job_1", "status": "running"}))
    now = [0.0]

    def sleep(seconds: float) -> None:
        now[0] += seconds

    client = make_client(server.url, clock=lambda: now[0], sleep=sleep)
    with pytest.raises(LongmemTimeoutError, match="still 'running' after 2s"):
        client.wait_for_job("job_1", timeout=2.0, poll_interval=0.5)
    assert len(server.requests) == 5  # at 0, 0.5, 1.0, 1.5 and 2.0 seconds


@given(st.text(min_size=1))
def test_any_id_becomes_exactly_one_path_segment(value: str) -> None:
    encoded = segment(value)
    assert "/" not in encoded and "?" not in encoded and "#" not in encoded
    assert encoded not in (".", "..")
    assert unquote(encoded) == value


@given(
    base=st.floats(0, 10),
    cap=st.floats(0, 100),
    retry=st.integers(0, 10_000),
    rand=st.floats(0, 1, exclude_max=True),
)
def test_backoff_never_exceeds_the_cap_or_goes_negative(
    base: float, cap: float, retry: int, rand: float
) -> None:
    delay = backoff_delay(RetryPolicy(5, base, cap, 60.0), retry, rand)
    assert 0 <= delay <= cap
    assert delay >= 0.75 * min(cap, base * 2.0 ** min(retry, 62)) - 1e-9
