"""The retry policy's pure functions: the retry decision, backoff and Retry-After parsing."""

from __future__ import annotations

from email.utils import formatdate

import pytest

from longmem import (
    LongmemAPIError,
    LongmemConnectionError,
    LongmemTimeoutError,
    RateLimitError,
)
from longmem._retry import RetryPolicy, backoff_delay, decide_retry, parse_retry_after
from longmem.errors import error_class_for

POLICY = RetryPolicy(max_retries=5, backoff_base=0.5, backoff_cap=8.0, max_retry_after=60.0)


def api_error(status: int, retry_after: float | None = None) -> LongmemAPIError:
    return error_class_for(status)(status, "busy", retry_after=retry_after, request_line="GET /x")


# -- decide_retry: what is retried ---------------------------------------------------------


@pytest.mark.parametrize("status", [429, 500, 502, 503, 504])
def test_transient_statuses_are_retried_after_the_backoff(status: int) -> None:
    decision = decide_retry(POLICY, api_error(status), retries=0, rand=0.0, time_left=None)
    assert decision.delay == 0.5
    assert decision.reason == f"retrying in 0.500s after: HTTP {status}: busy (GET /x)"


@pytest.mark.parametrize("status", [400, 401, 403, 404, 409, 418, 422, 501, 505])
def test_other_statuses_raise_at_once_without_a_logged_reason(status: int) -> None:
    decision = decide_retry(POLICY, api_error(status), retries=0, rand=0.0, time_left=None)
    assert (decision.delay, decision.reason) == (None, None)


@pytest.mark.parametrize(
    "error",
    [
        LongmemConnectionError("reset", request_sent=True),
        LongmemConnectionError("refused", request_sent=False),
        LongmemTimeoutError("timed out"),
    ],
    ids=["sent", "never-sent", "timeout"],
)
def test_connection_errors_are_retried_whether_or_not_the_request_was_sent(
    error: LongmemConnectionError,
) -> None:
    decision = decide_retry(POLICY, error, retries=1, rand=0.0, time_left=None)
    assert decision.delay == 1.0
    assert decision.reason == f"retrying in 1.000s after: {error}"


def test_a_connection_error_no_retry_can_fix_raises_at_once() -> None:
    error = LongmemConnectionError("not TLS", request_sent=False, retryable=False)
    decision = decide_retry(POLICY, error, retries=0, rand=0.0, time_left=None)
    assert (decision.delay, decision.reason) == (None, None)


def test_the_policy_says_which_statuses_are_retried() -> None:
    teapots = RetryPolicy(3, 0.5, 8.0, 60.0, retry_statuses=frozenset({418}))
    assert decide_retry(teapots, api_error(418), 0, 0.0, None).delay == 0.5
    assert decide_retry(teapots, api_error(503), 0, 0.0, None).delay is None


# -- decide_retry: how long it waits ---------------------------------------------------------


def test_delays_follow_the_backoff_of_the_retry_number_and_the_random_value() -> None:
    delays = [decide_retry(POLICY, api_error(503), n, 0.0, None).delay for n in range(5)]
    assert delays == [0.5, 1.0, 2.0, 4.0, 8.0]
    assert decide_retry(POLICY, api_error(503), 1, 0.5, None).delay == 1.0 * 0.875


@pytest.mark.parametrize("retry_after", [0.0, 3.0, 60.0])
def test_retry_after_up_to_the_ceiling_replaces_the_backoff(retry_after: float) -> None:
    decision = decide_retry(POLICY, api_error(429, retry_after), 3, 0.9, None)
    assert decision.delay == retry_after
    assert decision.reason == f"retrying in {retry_after:.3f}s after: HTTP 429: busy (GET /x)"


def test_retry_after_on_a_status_never_retried_changes_nothing() -> None:
    decision = decide_retry(POLICY, api_error(403, retry_after=1.0), 0, 0.0, None)
    assert (decision.delay, decision.reason) == (None, None)


# -- decide_retry: when it raises instead ---------------------------------------------------


@pytest.mark.parametrize("retries", [5, 6])
def test_no_retries_left_gives_up(retries: int) -> None:
    decision = decide_retry(POLICY, api_error(503), retries, 0.0, None)
    assert decision.delay is None
    assert decision.reason == f"giving up after {retries} retries: HTTP 503: busy (GET /x)"


def test_max_retries_zero_gives_up_after_the_first_attempt() -> None:
    policy = RetryPolicy(0, 0.5, 8.0, 60.0)
    error = LongmemConnectionError("reset")
    decision = decide_retry(policy, error, 0, 0.0, None)
    assert (decision.delay, decision.reason) == (None, "giving up after 0 retries: reset")


def test_retry_after_above_the_ceiling_raises_now() -> None:
    decision = decide_retry(POLICY, api_error(429, 60.001), 0, 0.0, None)
    assert decision.delay is None
    assert decision.reason == "not retrying: Retry-After 60.001s exceeds the 60.000s ceiling"


def test_giving_up_is_reported_before_the_retry_after_ceiling() -> None:
    reason = decide_retry(POLICY, api_error(429, 3600.0), 5, 0.0, None).reason
    assert reason is not None and reason.startswith("giving up after 5 retries")


@pytest.mark.parametrize(
    ("time_left", "delay"), [(None, 0.5), (100.0, 0.5), (0.5001, 0.5), (0.5, None), (0.1, None)]
)
def test_a_wait_that_would_reach_the_end_of_the_budget_raises_now(
    time_left: float | None, delay: float | None
) -> None:
    decision = decide_retry(POLICY, api_error(503), 0, 0.0, time_left)
    assert decision.delay == delay
    if delay is None:
        assert decision.reason == "not retrying: a 0.500s wait would pass the time budget"


def test_the_budget_bounds_a_retry_after_too() -> None:
    decision = decide_retry(POLICY, api_error(429, 5.0), 0, 0.0, time_left=2.0)
    assert decision.delay is None
    assert decision.reason == "not retrying: a 5.000s wait would pass the time budget"
    assert decide_retry(POLICY, api_error(429, 5.0), 0, 0.0, time_left=5.5).delay == 5.0


def test_budget_already_spent_raises_even_a_zero_wait() -> None:
    assert decide_retry(POLICY, api_error(429, 0.0), 0, 0.0, time_left=0.0).delay is None
    assert decide_retry(POLICY, api_error(429, 0.0), 0, 0.0, time_left=-1.0).delay is None


def test_the_ceiling_is_reported_before_the_budget() -> None:
    reason = decide_retry(POLICY, api_error(429, 120.0), 0, 0.0, time_left=1.0).reason
    assert reason == "not retrying: Retry-After 120.000s exceeds the 60.000s ceiling"


def test_the_decision_depends_on_its_arguments_alone() -> None:
    error = RateLimitError(429, "slow", retry_after=2.0)
    first = decide_retry(POLICY, error, 1, 0.3, 10.0)
    again = decide_retry(POLICY, error, 1, 0.3, 10.0)
    assert (
        (first.delay, first.reason)
        == (again.delay, again.reason)
        == (
            2.0,
            "retrying in 2.000s after: HTTP 429: slow",
        )
    )


# -- backoff and Retry-After parsing ----------------------------------------------------------


@pytest.mark.parametrize(
    ("retry_number", "expected"), [(0, 0.5), (1, 1.0), (2, 2.0), (3, 4.0), (4, 8.0), (5, 8.0)]
)
def test_backoff_doubles_from_base_up_to_the_cap(retry_number: int, expected: float) -> None:
    assert backoff_delay(POLICY, retry_number, rand=0.0) == expected


def test_backoff_jitter_only_shortens_the_delay_by_at_most_a_quarter() -> None:
    assert backoff_delay(POLICY, 4, rand=0.999999) == pytest.approx(8.0 * 0.75, rel=1e-5)
    assert backoff_delay(POLICY, 4, rand=0.5) == 7.0


def test_backoff_survives_huge_retry_numbers() -> None:
    assert backoff_delay(POLICY, 10_000, rand=0.0) == 8.0


def test_retry_after_ms_wins_over_seconds() -> None:
    assert parse_retry_after({"retry-after-ms": "250", "retry-after": "9"}, now=0) == 0.25


def test_retry_after_seconds() -> None:
    assert parse_retry_after({"retry-after": " 3 "}, now=0) == 3.0
    assert parse_retry_after({"retry-after": "1.5"}, now=0) == 1.5


def test_retry_after_http_date_is_relative_to_now() -> None:
    now = 1_800_000_000.0
    header = formatdate(now + 12, usegmt=True)
    assert parse_retry_after({"retry-after": header}, now=now) == pytest.approx(12.0)


def test_retry_after_in_the_past_or_negative_means_no_wait() -> None:
    now = 1_800_000_000.0
    assert parse_retry_after({"retry-after": formatdate(now - 30, usegmt=True)}, now=now) == 0.0
    assert parse_retry_after({"retry-after": "-5"}, now=now) == 0.0
    assert parse_retry_after({"retry-after-ms": "-5"}, now=now) == 0.0


@pytest.mark.parametrize("value", ["soon", "", "nan", "inf", "Wed, 99 Foo 2015"])
def test_unreadable_retry_after_is_ignored(value: str) -> None:
    assert parse_retry_after({"retry-after": value}, now=0) is None


def test_unreadable_retry_after_ms_falls_back_to_retry_after() -> None:
    assert parse_retry_after({"retry-after-ms": "x", "retry-after": "2"}, now=0) == 2.0


def test_no_retry_after_header() -> None:
    assert parse_retry_after({}, now=0) is None


def test_default_policy_retries_exactly_the_documented_statuses() -> None:
    assert POLICY.retry_statuses == {429, 500, 502, 503, 504}
