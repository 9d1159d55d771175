"""Background work of the local server: the remember-job worker and the expiry sweeper.

Both are daemon threads owned by ``LocalServer``: started after the store opens, stopped
(and joined) before it closes. Jobs live in the database, so a job the process was
running when it stopped is queued again at the next start (``Jobs.requeue_running``)
and nothing submitted is lost.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any, Callable, Optional

from .db import ROLE_WRITE, Principal, Store
from .timestamps import epoch_to_iso, iso_now

log = logging.getLogger("longmem.server")

# The worker is woken on submit; the poll only catches jobs it was not told about.
JOB_POLL_SECONDS = 1.0
SWEEP_INTERVAL_SECONDS = 60.0
# Finished jobs stay pollable this long, then the sweeper deletes them.
JOB_RETENTION_SECONDS = 7 * 24 * 3600
_JOIN_SECONDS = 5.0
_ERROR_MAX_CHARS = 500

# (principal, collection, content, observed_at, container_tag) → the extracted facts, as
# the sync route returns them.
RememberFn = Callable[[Principal, str, str, Optional[str], Optional[str]], "list[dict[str, Any]]"]


class _Loop:
    """A daemon thread that runs ``step`` until stopped, waiting ``interval`` between idle
    steps; ``wake()`` cuts a wait short."""

    def __init__(self, name: str, interval: float) -> None:
        self.name = name
        self.interval = interval
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._stepped = False
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)

    def start(self, *, stepped: bool = False) -> None:
        """Run in the thread; ``stepped``: the caller has just run a step itself, so the
        thread waits an interval before its first."""
        self._stepped = stepped
        self._thread.start()

    def wake(self) -> None:
        self._wake.set()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread.is_alive():
            self._thread.join(_JOIN_SECONDS)

    def step(self) -> bool:
        """Do one unit of work; True if there may be more right away."""
        raise NotImplementedError

    def _run(self) -> None:
        if self._stepped:
            self._wake.wait(self.interval)
            self._wake.clear()
        while not self._stop.is_set():
            busy = False
            try:
                busy = self.step()
            except Exception:
                if self._stop.is_set():
                    return  # the store may already be closing
                log.exception("%s: unexpected error", self.name)
            if not busy:
                self._wake.wait(self.interval)
                self._wake.clear()


class JobWorker(_Loop):
    """Runs queued remember jobs one at a time, oldest first."""

    def __init__(self, store: Store, remember: RememberFn, poll: float = JOB_POLL_SECONDS) -> None:
        super().__init__("longmem-jobs", poll)
        self.store = store
        self.remember = remember

    def step(self) -> bool:
        job = self.store.jobs.claim()
        if job is None:
            return False
        # The job writes as the key that submitted it, so created_by matches a sync call.
        # Only write keys can submit, and the worker acts for no one else.
        principal = Principal(job.key_id or "", job.tenant_id, ROLE_WRITE, job.key_label or "")
        try:
            facts = self.remember(
                principal, job.collection, job.content, job.observed_at, job.container_tag
            )
        except Exception as err:
            log.warning("remember job %s failed", job.id, exc_info=True)
            message = f"{type(err).__name__}: {err}"[:_ERROR_MAX_CHARS]
            self.store.jobs.finish(job.tenant_id, job.id, [], message)
        else:
            self.store.jobs.finish(job.tenant_id, job.id, facts, None)
        return True


class ExpirySweeper(_Loop):
    """Deletes expired memories (reads hide them already) and old finished jobs."""

    def __init__(self, store: Store, interval: float = SWEEP_INTERVAL_SECONDS) -> None:
        super().__init__("longmem-sweeper", interval)
        self.store = store

    def step(self) -> bool:
        swept = self.store.hygiene.delete_expired(iso_now())
        if swept:
            log.debug("swept %d expired memories", swept)
        self.store.jobs.purge(epoch_to_iso(time.time() - JOB_RETENTION_SECONDS))
        return False
