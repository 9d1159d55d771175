"""Fixed-window rate limiting per key."""

from __future__ import annotations

import time
from types import SimpleNamespace

import pytest

from longmem.server import LocalServer, ratelimit
from longmem.server.ratelimit import RateLimiter

from .server_api import Api, C


@pytest.fixture
def one_window(monkeypatch: pytest.MonkeyPatch) -> float:
    """The limiter's clock held still: windows are clock minutes, and a test's requests
    that straddled a minute's end would start a new one half-way."""
    now = time.time()
    monkeypatch.setattr(ratelimit, "time", SimpleNamespace(time=lambda: now))
    return now


def test_past_the_limit_is_429_with_retry_after(one_window: float) -> None:
    with LocalServer(rate_limit=3) as srv:
        api = Api(srv, srv.api_key)
        replies = [api.get(C) for _ in range(4)]
        assert [r.status for r in replies] == [200, 200, 200, 429]
        assert [r.header("RateLimit-Remaining") for r in replies] == ["2", "1", "0", "0"]
        assert all(r.header("RateLimit-Limit") == "3" for r in replies)
        limited = replies[-1]
        assert 1 <= int(limited.header("Retry-After") or 0) <= 60
        assert int(limited.header("RateLimit-Reset") or 0) >= int(one_window)
        assert isinstance(limited.json["detail"], str)
        api.close()


def test_limits_are_per_key(one_window: float) -> None:
    with LocalServer(rate_limit=2) as srv:
        api = Api(srv, srv.api_key)
        other = Api(srv, srv.add_tenant_key())
        assert [api.get(C).status for _ in range(3)] == [200, 200, 429]
        assert other.get(C).status == 200
        api.close()
        other.close()


def test_window_resets_each_minute() -> None:
    limiter = RateLimiter(2)
    t0 = 1_800_000_000.0  # a window boundary
    assert limiter.hit("k", t0)[0]
    assert limiter.hit("k", t0 + 1)[0]
    allowed, remaining, reset = limiter.hit("k", t0 + 59)
    assert (allowed, remaining, reset) == (False, 0, int(t0) + 60)
    assert limiter.hit("k", t0 + 60) == (True, 1, int(t0) + 120)


def test_default_limit_is_reported_but_generous(api: Api) -> None:
    reply = api.get(C)
    assert int(reply.header("RateLimit-Limit") or 0) >= 10_000
