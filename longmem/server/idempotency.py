"""Idempotency-Key: the first answer to a key is stored and replayed for a repeat of the
same request; the same key with a different request is a 409. Beside the rate limiter,
in front of the handlers; it knows nothing of HTTP beyond the request's method, target
and body, so it is tested on its own.

A key is scoped to its owner (the tenant: any key of it may retry a request another
began) and kept 24 hours. Only successful answers are stored: a failed write may be
retried under the same key.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection, Iterable, Mapping
from typing import Any, Callable, Optional
from urllib.parse import urlencode

from .._protocol import MAX_IDEMPOTENCY_KEY_CHARS
from .context import HTTPError, Replay, Response
from .db import Store
from .validation import QUERY_FALSE, QUERY_TRUE, ValidationFailed


def canonical(body: Any) -> bytes:
    """A parsed JSON body as the fingerprint takes it: keys sorted, no whitespace, so the
    same request formatted another way is still the same request."""
    return json.dumps(body, sort_keys=True, separators=(",", ":")).encode("ascii")


def canonical_target(path: str, query: Mapping[str, str], booleans: Collection[str]) -> str:
    """The path and the query as the server reads them: pairs decoded and sorted, and a
    boolean parameter's value as read (``sync=1`` is ``sync=true``), so the same request
    spelled another way is still the same request."""
    pairs = sorted(
        (name, _as_read(value) if name in booleans else value) for name, value in query.items()
    )
    return path + ("?" + urlencode(pairs) if pairs else "")


def _as_read(value: str) -> str:
    if value.lower() in QUERY_TRUE:
        return "true"
    if value.lower() in QUERY_FALSE:
        return "false"
    return value  # refused by the handler (422); never stored, so never replayed


def fingerprint(method: str, target: str, body: bytes) -> str:
    """What makes two requests "the same": method, path with query, and the body (its
    ``canonical`` form; empty when there is none)."""
    return fingerprint_parts(method, target, len(body), (body,))


def fingerprint_parts(method: str, target: str, length: int, body: Iterable[bytes]) -> str:
    """``fingerprint`` of a body whose canonical form (``length`` bytes) comes in parts:
    a spooled body's, never held whole."""
    digest = hashlib.sha256()
    for part in (method.encode(), target.encode("utf-8")):
        digest.update(len(part).to_bytes(8, "big") + part)
    digest.update(length.to_bytes(8, "big"))
    for chunk in body:
        digest.update(chunk)
    return digest.hexdigest()


def check_key(key: str) -> None:
    """422 unless the key has 1 to 255 characters."""
    if key and len(key) <= MAX_IDEMPOTENCY_KEY_CHARS:
        return
    raise ValidationFailed(
        [
            {
                "loc": ["header", "idempotency-key"],
                "msg": f"Idempotency-Key should have 1 to {MAX_IDEMPOTENCY_KEY_CHARS} characters",
                "type": "string_too_long" if key else "string_too_short",
            }
        ]
    )


class Idempotency:
    """Runs handlers under Idempotency-Keys, against the store's records of answers."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def run(
        self,
        replay: Replay,
        owner: str,
        key: str,
        fingerprint: str,
        handler: Callable[[], Response],
    ) -> Response:
        """The stored answer for (owner, key) if there is one, else ``handler()``'s,
        recorded. ``replay`` says whether the handler runs inside the writer lock
        (Replay.PREPARED: only the write it hands to ``commit`` does)."""
        check_key(key)
        store = self.store
        if replay is Replay.IN_TRANSACTION:
            return self.commit(owner, key, fingerprint, handler)
        # A first look on a reader: a hit is final (records only expire), and a miss is
        # looked up again under the writer before anything is recorded.
        stored = self._replay(owner, key, fingerprint, snapshot=True)
        if stored is not None:
            return stored
        if replay is Replay.PREPARED:
            # The handler hands its write to ``commit`` (Request.commit), which records.
            return handler()
        response = handler()
        with store.write():
            stored = self._replay(owner, key, fingerprint)
            if stored is None:
                self._record(owner, key, fingerprint, response)
        return response if stored is None else stored

    def commit(
        self, owner: str, key: str, fingerprint: str, work: Callable[[], Response]
    ) -> Response:
        """Look-up, ``work()`` and its record in one write transaction: a racing duplicate
        waits on the writer lock, then finds the record and is answered from it."""
        with self.store.write():
            stored = self._replay(owner, key, fingerprint)
            if stored is not None:
                return stored
            response = work()
            self._record(owner, key, fingerprint, response)
            return response

    def _replay(
        self, owner: str, key: str, fingerprint: str, *, snapshot: bool = False
    ) -> Optional[Response]:
        stored = self.store.idempotency.get(owner, key, snapshot=snapshot)
        if stored is None:
            return None
        if stored.fingerprint != fingerprint:
            raise HTTPError(409, "Idempotency-Key was already used for a different request")
        headers = {**stored.headers, "Idempotent-Replayed": "true"}
        return Response(stored.status, stored.body, headers)

    def _record(self, owner: str, key: str, fingerprint: str, response: Response) -> None:
        if 200 <= response.status < 300:
            self.store.idempotency.put(
                owner, key, fingerprint, response.status, response.headers, response.body
            )
