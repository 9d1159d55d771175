"""The one request helper: what it retries, how long it waits, and how it fails."""

from __future__ import annotations

import logging
import re
import socket
from email.utils import formatdate
from typing import Any, Callable

import pytest

from longmem import (
    AuthenticationError,
    BadRequestError,
    ConflictError,
    Longmem,
    LongmemAPIError,
    LongmemConnectionError,
    LongmemError,
    LongmemTimeoutError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ServerError,
    UnprocessableEntityError,
)

from ..drivers import DRIVERS
from .conftest import SleepRecorder
from .servers import Drop, Reply, ScriptedServer, Stall, Truncated


@pytest.fixture(params=DRIVERS)
def driver(request: pytest.FixtureRequest) -> str:
    """Every test here that builds its client through `make_client` runs against both
    clients, `Longmem` and `AsyncLongmem`, on the same scripted servers."""
    return str(request.param)


OK = Reply(200, json=[{"name": "default"}])


@pytest.mark.parametrize("status", [429, 500, 502, 503, 504])
def test_transient_status_is_retried_then_succeeds(
    server: ScriptedServer, client: Longmem, sleeps: SleepRecorder, status: int
) -> None:
    server.script(Reply(status, json={"detail": "busy"}), OK)
    assert client.collections() == [{"name": "default"}]
    assert len(server.requests) == 2
    assert sleeps.calls == [0.5]


@pytest.mark.parametrize(
    ("status", "error_class"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (409, ConflictError),
        (422, UnprocessableEntityError),
        (418, LongmemAPIError),
        (501, ServerError),
    ],
)
def test_other_statuses_are_never_retried(
    server: ScriptedServer,
    client: Longmem,
    sleeps: SleepRecorder,
    status: int,
    error_class: type[LongmemAPIError],
) -> None:
    server.script(Reply(status, json={"detail": "nope"}))
    with pytest.raises(error_class) as caught:
        client.collections()
    assert caught.value.status == status
    assert caught.value.detail == "nope"
    assert len(server.requests) == 1
    assert sleeps.calls == []


def test_backoff_doubles_and_gives_up_after_max_retries(
    server: ScriptedServer, make_client: Callable[..., Longmem], sleeps: SleepRecorder
) -> None:
    server.set_default(Reply(503, json={"detail": "down"}))
    client = make_client(server.url, max_retries=4, backoff_base=0.5, backoff_cap=3.0)
    with pytest.raises(ServerError) as caught:
        client.collections()
    assert caught.value.status == 503
    assert len(server.requests) == 5
    assert sleeps.calls == [0.5, 1.0, 2.0, 3.0]


def test_backoff_jitter_is_downward_and_small(
    server: ScriptedServer, make_client: Callable[..., Longmem], sleeps: SleepRecorder
) -> None:
    server.script(Reply(500), Reply(500), OK)
    client = make_client(server.url, random=lambda: 0.5)
    client.collections()
    assert sleeps.calls == [0.5 * 0.875, 1.0 * 0.875]


def test_max_retries_zero_disables_retries(
    server: ScriptedServer, make_client: Callable[..., Longmem], sleeps: SleepRecorder
) -> None:
    server.script(Reply(503), OK)
    with pytest.raises(ServerError):
        make_client(server.url, max_retries=0).collections()
    assert len(server.requests) == 1
    assert sleeps.calls == []


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_dropped_connection_is_retried_for_reads_and_writes(
    server: ScriptedServer, client: Longmem, sleeps: SleepRecorder, method: str
) -> None:
    server.script(Drop(), Reply(201, json={"id": "mem_1"}))
    if method == "GET":
        client.get("mem_1")
    else:
        client.add("hello")
    assert [r.method for r in server.requests] == [method, method]
    assert sleeps.calls == [0.5]


def test_truncated_body_is_a_network_error_and_retried(
    server: ScriptedServer, client: Longmem, sleeps: SleepRecorder
) -> None:
    server.script(Truncated(), OK)
    assert client.collections() == [{"name": "default"}]
    assert sleeps.calls == [0.5]


def test_network_failure_after_retries_is_a_longmem_error_not_oserror(
    server: ScriptedServer, client: Longmem
) -> None:
    server.set_default(Drop())
    with pytest.raises(LongmemConnectionError) as caught:
        client.collections()
    assert not isinstance(caught.value, OSError)
    assert isinstance(caught.value.__cause__, OSError)
    assert len(server.requests) == 3


def test_refused_connection_is_marked_as_never_sent(
    make_client: Callable[..., Longmem], refused_port: int
) -> None:
    client = make_client(f"http://127.0.0.1:{refused_port}", max_retries=1)
    with pytest.raises(LongmemConnectionError) as caught:
        client.collections()
    assert caught.value.request_sent is False
    assert "could not connect" in str(caught.value)


def test_unresolvable_host_is_said_in_plain_words_with_attempts_and_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_such_host(*args: Any, **kwargs: Any) -> Any:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_host)  # no DNS is ever asked
    now = [100.0]

    def sleep(seconds: float) -> None:
        now[0] += seconds

    client = Longmem(
        api_key="k",
        base_url="https://rememberos.ai",
        sleep=sleep,
        random=lambda: 0.0,
        clock=lambda: now[0],
    )
    with pytest.raises(LongmemConnectionError) as caught:
        client.collections()
    assert str(caught.value) == "could not resolve host rememberos.ai (3 attempts over 1.5 s)"
    assert (caught.value.attempts, caught.value.elapsed) == (3, 1.5)
    assert caught.value.request_sent is False
    assert isinstance(caught.value.__cause__, socket.gaierror)


def test_refused_connection_says_so_with_the_attempts(
    make_client: Callable[..., Longmem], refused_port: int
) -> None:
    port = refused_port
    with pytest.raises(LongmemConnectionError) as caught:
        make_client(f"http://127.0.0.1:{port}", max_retries=1).collections()
    assert re.fullmatch(
        rf"could not connect to http://127\.0\.0\.1:{port}: connection refused "
        r"\(is the server running\?\) \(2 attempts over \d+\.\d s\)",
        str(caught.value),
    )


def test_https_to_a_plain_http_server_is_one_clear_error_not_retried(
    server: ScriptedServer, make_client: Callable[..., Longmem], sleeps: SleepRecorder
) -> None:
    client = make_client(server.url.replace("http://", "https://"))  # max_retries=2
    with pytest.raises(LongmemConnectionError) as caught:
        client.collections()
    netloc = server.url.split("://")[1]
    assert re.fullmatch(
        rf"https://{re.escape(netloc)} does not speak TLS "
        r"\(SSL (WRONG_VERSION_NUMBER|RECORD_LAYER_FAILURE)\): "
        rf"for a plain-HTTP server use http://{re.escape(netloc)} \(1 attempt over \d+\.\d s\)",
        str(caught.value),
    )
    assert caught.value.retryable is False
    assert sleeps.calls == []
    assert server.connections == 1


def test_budget_running_out_says_how_many_attempts_it_made(
    make_client: Callable[..., Longmem], refused_port: int
) -> None:
    now = [0.0]

    def oversleep(seconds: float) -> None:
        now[0] += seconds + 1.0  # the budget runs out during the first backoff

    client = make_client(
        f"http://127.0.0.1:{refused_port}", total_timeout=1.0, sleep=oversleep, clock=lambda: now[0]
    )
    with pytest.raises(LongmemTimeoutError) as caught:
        client.collections()
    assert str(caught.value) == (
        "GET /v1/memory/collections: the call's time budget of 1s ran out (1 attempt over 1.5 s)"
    )


def test_a_call_sent_once_is_never_called_unsent_when_its_retry_is_refused(
    server: ScriptedServer, make_client: Callable[..., Longmem]
) -> None:
    server.script(Drop())  # read the request, then gone without an answer
    client = make_client(server.url, max_retries=1, sleep=lambda _: server.close())
    with pytest.raises(LongmemConnectionError, match="could not connect") as caught:
        client.add("x")
    assert caught.value.request_sent is True
    assert len(server.requests) == 1


def test_read_timeout_is_a_longmem_timeout_and_retried(
    server: ScriptedServer, make_client: Callable[..., Longmem], sleeps: SleepRecorder
) -> None:
    server.script(Stall(2.0, then=OK), OK)
    client = make_client(server.url, timeout=0.2)
    assert client.collections() == [{"name": "default"}]
    assert sleeps.calls == [0.5]
    server.set_default(Stall(2.0, then=OK))
    with pytest.raises(LongmemTimeoutError) as caught:
        client.collections()
    assert not isinstance(caught.value, OSError)
    assert "timed out" in str(caught.value)


# -- Retry-After ------------------------------------------------------------------------


def test_retry_after_seconds_wins_over_backoff(
    server: ScriptedServer, client: Longmem, sleeps: SleepRecorder
) -> None:
    server.script(Reply(429, headers={"Retry-After": "3"}), OK)
    client.collections()
    assert sleeps.calls == [3.0]


def test_retry_after_ms_wins_over_retry_after(
    server: ScriptedServer, client: Longmem, sleeps: SleepRecorder
) -> None:
    server.script(Reply(503, headers={"retry-after-ms": "1500", "Retry-After": "9"}), OK)
    client.collections()
    assert sleeps.calls == [1.5]


def test_retry_after_http_date(
    server: ScriptedServer, client: Longmem, sleeps: SleepRecorder
) -> None:
    import time

    server.script(Reply(429, headers={"Retry-After": formatdate(time.time() + 5, usegmt=True)}), OK)
    client.collections()
    [delay] = sleeps.calls
    assert 3.0 < delay <= 5.0  # whole-second date resolution


def test_retry_after_above_the_ceiling_raises_at_once(
    server: ScriptedServer, make_client: Callable[..., Longmem], sleeps: SleepRecorder
) -> None:
    server.script(Reply(429, json={"detail": "slow down"}, headers={"Retry-After": "3600"}), OK)
    client = make_client(server.url, max_retry_after=60)
    with pytest.raises(RateLimitError) as caught:
        client.collections()
    assert caught.value.retry_after == 3600.0
    assert len(server.requests) == 1
    assert sleeps.calls == []


def test_retry_after_is_kept_on_the_final_error(
    server: ScriptedServer, make_client: Callable[..., Longmem]
) -> None:
    server.set_default(Reply(429, headers={"Retry-After": "2"}))
    with pytest.raises(RateLimitError) as caught:
        make_client(server.url, max_retries=1).collections()
    assert caught.value.retry_after == 2.0
    assert len(server.requests) == 2


# -- the time budget ---------------------------------------------------------------------


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_budget_stops_retries_whose_wait_would_overrun_it(
    server: ScriptedServer, make_client: Callable[..., Longmem], sleeps: SleepRecorder
) -> None:
    clock = FakeClock()

    def sleep(seconds: float) -> None:
        sleeps.calls.append(seconds)
        clock.now += seconds

    client = make_client(server.url, total_timeout=1.0, max_retries=5, clock=clock, sleep=sleep)
    server.set_default(Reply(503))
    with pytest.raises(ServerError):
        client.collections()
    # waits of 0.5 then 1.0 would end at 1.5 s > 1.0 s: only the first is taken
    assert sleeps.calls == [0.5]
    assert len(server.requests) == 2


def test_budget_bounds_a_stalled_attempt(
    server: ScriptedServer, make_client: Callable[..., Longmem]
) -> None:
    import time

    server.set_default(Stall(5.0, then=OK))
    client = make_client(server.url, timeout=30, total_timeout=0.3)
    started = time.monotonic()
    with pytest.raises(LongmemTimeoutError):
        client.collections()
    assert time.monotonic() - started < 2.0


def test_budget_refuses_a_retry_after_longer_than_what_is_left(
    server: ScriptedServer, make_client: Callable[..., Longmem], sleeps: SleepRecorder
) -> None:
    server.script(Reply(429, headers={"Retry-After": "5"}), OK)
    client = make_client(server.url, total_timeout=2.0)
    with pytest.raises(RateLimitError):
        client.collections()
    assert sleeps.calls == []


# -- idempotency keys --------------------------------------------------------------------


def test_post_retry_reuses_idempotency_key(server: ScriptedServer, client: Longmem) -> None:
    server.script(Reply(500), Drop(), Reply(201, json={"id": "mem_1"}))
    client.add("hello")
    keys = [r.headers["idempotency-key"] for r in server.requests]
    assert len(keys) == 3 and len(set(keys)) == 1
    assert len(keys[0]) >= 32


def test_each_call_gets_a_distinct_idempotency_key(server: ScriptedServer, client: Longmem) -> None:
    for _ in range(20):
        client.add("hello")
    keys = {r.headers["idempotency-key"] for r in server.requests}
    assert len(keys) == 20


@pytest.mark.parametrize(
    "call",
    [
        lambda m: m.update("m", text="x"),
        lambda m: m.delete("m"),
        lambda m: m.pin("m"),
        lambda m: m.delete_collection("c"),
        lambda m: m.sync_connection("c"),
    ],
)
def test_every_non_get_carries_an_idempotency_key(
    server: ScriptedServer, client: Longmem, call: Callable[[Longmem], Any]
) -> None:
    call(client)
    assert server.requests[0].headers.get("idempotency-key")


def test_gets_carry_no_idempotency_key(server: ScriptedServer, client: Longmem) -> None:
    client.collections()
    assert "idempotency-key" not in server.requests[0].headers


def test_callers_own_idempotency_key_wins(server: ScriptedServer, client: Longmem) -> None:
    server.script(Reply(502), Reply(201, json={"id": "mem_1"}))
    client.add("hello", idempotency_key="order-42")
    assert [r.headers["idempotency-key"] for r in server.requests] == ["order-42", "order-42"]


# -- error details -----------------------------------------------------------------------


def test_validation_error_list_is_made_readable(server: ScriptedServer, client: Longmem) -> None:
    detail = [
        {"loc": ["body", "text"], "msg": "field required", "type": "missing"},
        {"loc": ["body", "importance"], "msg": "must be <= 1", "type": "less_than_equal"},
    ]
    server.script(Reply(422, json={"detail": detail}, headers={"X-Request-Id": "req-9"}))
    with pytest.raises(UnprocessableEntityError) as caught:
        client.add("x")
    error = caught.value
    assert error.detail == "body.text: field required; body.importance: must be <= 1"
    assert error.body == {"detail": detail}
    assert error.request_id == "req-9"
    assert "req-9" in str(error) and "POST /v1/memory/collections/default/memories" in str(error)


def test_non_json_error_body_is_kept_as_text(server: ScriptedServer, client: Longmem) -> None:
    html = b"<html><body>502 Bad Gateway</body></html>"
    server.set_default(Reply(502, body=html, headers={"Content-Type": "text/html"}))
    with pytest.raises(ServerError) as caught:
        client.collections()
    assert caught.value.body == html.decode()
    assert "502 Bad Gateway" in caught.value.detail


def test_empty_error_body(server: ScriptedServer, client: Longmem) -> None:
    server.script(Reply(404))
    with pytest.raises(NotFoundError) as caught:
        client.get("mem_x")
    assert caught.value.detail == "(no body)"


def test_success_with_a_body_that_is_not_json(server: ScriptedServer, client: Longmem) -> None:
    server.script(Reply(200, body=b"<html>captive portal</html>"))
    with pytest.raises(LongmemError, match=r"not JSON.*captive portal"):
        client.collections()


_PREFIXED = "GET /api/v1/v1/memory/collections"  # a base URL of http://host/api/v1


@pytest.mark.parametrize(
    ("action", "error_class", "text"),
    [
        (
            Reply(404, json={"detail": "Not Found"}),
            NotFoundError,
            f"HTTP 404: Not Found ({_PREFIXED})",
        ),
        (
            Reply(200, body=b"<html>"),
            LongmemError,
            f"{_PREFIXED}: HTTP 200 with a body that is not JSON",
        ),
        (Drop(), LongmemConnectionError, f"{_PREFIXED} to {{url}} failed: RemoteDisconnected"),
        (Stall(5.0), LongmemTimeoutError, f"{_PREFIXED} timed out waiting for {{url}}"),
    ],
    ids=["api-error", "not-json", "dropped", "timed-out"],
)
def test_errors_name_the_path_requested_with_the_base_urls_path(
    server: ScriptedServer,
    make_client: Callable[..., Longmem],
    caplog: pytest.LogCaptureFixture,
    action: Any,
    error_class: type[LongmemError],
    text: str,
) -> None:
    # A base URL ending in /v1 doubles the routes' /v1: the messages show the path the
    # request went to, so the mistake can be seen in them.
    server.script(action)
    client = make_client(server.url + "/api/v1/", max_retries=0, timeout=0.5)
    with caplog.at_level(logging.DEBUG, logger="longmem"), pytest.raises(error_class) as caught:
        client.collections()
    assert str(caught.value).startswith(text.format(url=server.url))
    assert server.requests[0].path == "/api/v1/v1/memory/collections"
    assert f"{_PREFIXED} attempt 1" in caplog.messages


def test_a_spent_budget_names_the_path_requested(
    make_client: Callable[..., Longmem], server: ScriptedServer
) -> None:
    ticks = iter(range(0, 1000, 5))  # every read of the clock 5 s later than the last
    client = make_client(server.url + "/v1", total_timeout=1, clock=lambda: next(ticks))
    with pytest.raises(LongmemTimeoutError) as caught:
        client.collections()
    assert str(caught.value).startswith(
        "GET /v1/v1/memory/collections: the call's time budget of 1s ran out"
    )


def test_add_many_names_the_path_requested(
    server: ScriptedServer, make_client: Callable[..., Longmem]
) -> None:
    server.script(Reply(200, json={"created": 1}))
    client = make_client(server.url + "/v1")
    with pytest.raises(LongmemError) as caught:
        client.add_many(["x"])
    assert str(caught.value).startswith(
        "POST /v1/v1/memory/collections/default/memories/batch answered without an ids list"
    )


def test_204_gives_an_empty_dict(server: ScriptedServer, client: Longmem) -> None:
    server.script(Reply(204))
    assert client.delete("mem_1") == {}


# -- logging -----------------------------------------------------------------------------


def test_debug_log_has_a_line_per_attempt_and_per_retry_decision(
    server: ScriptedServer,
    make_client: Callable[..., Longmem],
    caplog: pytest.LogCaptureFixture,
) -> None:
    server.script(Reply(503), OK)
    client = make_client(server.url, api_key="sk-SECRET-123")
    with caplog.at_level(logging.DEBUG, logger="longmem"):
        client.collections()
    messages = [r.getMessage() for r in caplog.records if r.name == "longmem"]
    assert messages == [
        "GET /v1/memory/collections attempt 1",
        "GET /v1/memory/collections retrying in 0.500s after: "
        "HTTP 503: (no body) (GET /v1/memory/collections)",
        "GET /v1/memory/collections attempt 2",
    ]


@pytest.mark.parametrize(
    ("replies", "settings", "decision"),
    [
        (
            [Reply(503)],
            {"max_retries": 1},
            "giving up after 1 retries: HTTP 503: (no body) (GET /v1/memory/collections)",
        ),
        (
            [Reply(429, headers={"Retry-After": "90"})],
            {},
            "not retrying: Retry-After 90.000s exceeds the 60.000s ceiling",
        ),
        (
            [Reply(429, headers={"Retry-After": "5"})],
            {"total_timeout": 2.0},
            "not retrying: a 5.000s wait would pass the time budget",
        ),
    ],
    ids=["no-retries-left", "retry-after-ceiling", "budget"],
)
def test_debug_log_says_why_a_call_is_not_retried(
    server: ScriptedServer,
    make_client: Callable[..., Longmem],
    caplog: pytest.LogCaptureFixture,
    replies: list[Reply],
    settings: dict[str, Any],
    decision: str,
) -> None:
    server.set_default(replies[0])
    client = make_client(server.url, **settings)
    with caplog.at_level(logging.DEBUG, logger="longmem"), pytest.raises(LongmemAPIError):
        client.collections()
    messages = [r.getMessage() for r in caplog.records if r.name == "longmem"]
    assert messages[-1] == f"GET /v1/memory/collections {decision}"


def test_debug_log_weighs_no_retry_for_a_status_never_retried(
    server: ScriptedServer, client: Longmem, caplog: pytest.LogCaptureFixture
) -> None:
    server.script(Reply(404))
    with caplog.at_level(logging.DEBUG, logger="longmem"), pytest.raises(NotFoundError):
        client.collections()
    messages = [r.getMessage() for r in caplog.records if r.name == "longmem"]
    assert messages == ["GET /v1/memory/collections attempt 1"]


def test_api_key_never_appears_in_logs_or_errors(
    server: ScriptedServer,
    make_client: Callable[..., Longmem],
    caplog: pytest.LogCaptureFixture,
) -> None:
    server.set_default(Reply(401, json={"detail": "bad key"}))
    client = make_client(server.url, api_key="sk-SECRET-123")
    with caplog.at_level(logging.DEBUG, logger="longmem"), pytest.raises(AuthenticationError) as e:
        client.collections()
    assert "sk-SECRET-123" not in caplog.text
    assert "sk-SECRET-123" not in str(e.value) and "sk-SECRET-123" not in repr(e.value)
    assert "sk-SECRET-123" not in repr(client) and "sk-SECRET-123" not in str(client)
