"""The retry policy's pure functions: backoff and Retry-After parsing."""

from __future__ import annotations

from email.utils import formatdate

import pytest

from longmem._retry import RetryPolicy, backoff_delay, parse_retry_after

POLICY = RetryPolicy(max_retries=5, backoff_base=0.5, backoff_cap=8.0, max_retry_after=60.0)


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
