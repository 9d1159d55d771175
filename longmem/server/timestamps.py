"""Timestamps as the server stores and sends them: ISO 8601 UTC seconds with a ``Z``.

Stored timestamps compare as text (``expires_at > ?``), which is correct only because
every one of them has this exact shape and a four-digit year; ``parse_timestamp`` is
the one way a client's timestamp gets in.
"""

from __future__ import annotations

import calendar
import re
import time
from datetime import datetime, timezone
from typing import Optional

_FORMAT = "%Y-%m-%dT%H:%M:%SZ"
# ASCII digits only (re.ASCII): \d alone also matches other scripts' digits ("２０２６").
_ISO_8601 = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:?\d{2})?",
    re.ASCII,
)
DAY_SECONDS = 86_400


def iso_now() -> str:
    return time.strftime(_FORMAT, time.gmtime())


def iso_to_epoch(value: str) -> float:
    return float(calendar.timegm(time.strptime(value, _FORMAT)))


def epoch_to_iso(value: float) -> str:
    return time.strftime(_FORMAT, time.gmtime(value))


def as_utc(moment: datetime) -> datetime:
    """An aware UTC datetime (a naive one is read as UTC)."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)


def datetime_to_iso(moment: datetime) -> str:
    """A datetime as stored (a naive one is read as UTC)."""
    return as_utc(moment).strftime(_FORMAT)


def iso_to_datetime(value: str) -> datetime:
    """A stored timestamp as an aware UTC datetime."""
    return datetime.strptime(value, _FORMAT).replace(tzinfo=timezone.utc)


def days_ago(days: int) -> str:
    """The instant ``days`` days before now."""
    return epoch_to_iso(time.time() - days * DAY_SECONDS)


def parse_timestamp(value: str) -> Optional[str]:
    """A client's ISO 8601 timestamp normalised to the stored shape; None if it is not one
    (or falls outside the four-digit years)."""
    match = _ISO_8601.fullmatch(value.strip())
    if match is None:
        return None
    year, month, day, hour, minute, second = (int(g) for g in match.groups()[:6])
    zone = match.group(8)
    offset = 0
    if zone and zone != "Z":
        sign = -1 if zone[0] == "-" else 1
        digits = zone[1:].replace(":", "")
        hours, minutes = int(digits[:2]), int(digits[2:])
        if hours > 23 or minutes > 59:
            return None  # no zone is a day or more from UTC (+24:00), nor has 60 minutes
        offset = sign * (hours * 3600 + minutes * 60)
    if not (0 <= hour < 24 and 0 <= minute < 60 and 0 <= second < 60):
        return None
    try:
        # strptime rejects impossible dates such as 2026-02-30.
        time.strptime(f"{year:04d}-{month:02d}-{day:02d}", "%Y-%m-%d")
        epoch = calendar.timegm((year, month, day, hour, minute, second, 0, 0, 0)) - offset
        utc_year = time.gmtime(epoch).tm_year
    except (OverflowError, ValueError, OSError):
        return None
    if not 1000 <= utc_year <= 9999:
        return None
    return epoch_to_iso(epoch)
