"""The three fleet-wide admin views (admin keys only): connector health and status across
every tenant, and memory hygiene across every tenant."""

from __future__ import annotations

import time

from ..._protocol import DEFAULT_HEALTH_HOURS, DEFAULT_STALE_DAYS, MAX_HOURS
from .. import connectors
from ..context import Request, Response
from ..db.hygiene import HEALTH_COUNTS
from ..timestamps import days_ago, epoch_to_iso, iso_now
from ..validation import Checker
from .hygiene import needs_attention


def connector_health(req: Request) -> Response:
    check = Checker()
    hours = check.query_int(req.query, "hours", default=DEFAULT_HEALTH_HOURS, lo=1, hi=MAX_HOURS)
    check.done()
    found = req.services.store.connections.runs_by_provider(
        epoch_to_iso(time.time() - hours * 3600)
    )
    # Every supported provider appears, so a silent one shows as zero runs, not as absent.
    names = sorted(set(connectors.SUPPORTED_PROVIDERS) | set(found))
    report = []
    for name in names:
        runs, errors, last_run = found.get(name, (0, 0, None))
        report.append({"provider": name, "runs": runs, "errors": errors, "last_run": last_run})
    return Response(200, report)


def connector_status(req: Request) -> Response:
    counts = req.services.store.connections.count_by_status()
    return Response(200, [{"status": status, "n": n} for status, n in counts])


def memory_health(req: Request) -> Response:
    """Fleet-wide hygiene, by the same definitions as a collection's health report."""
    counts = req.services.store.hygiene.counts(iso_now(), days_ago(DEFAULT_STALE_DAYS))
    report: dict[str, object] = {name: counts[name] for name in HEALTH_COUNTS if name != "pinned"}
    report["needs_attention"] = needs_attention(counts)
    return Response(200, report)
