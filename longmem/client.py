"""The `Longmem` client: one short method per route, and the one `_request` helper.

Each method checks its arguments, builds the route and body, and hands them to
`_request`, which mints the idempotency key, runs the retry loop and maps failures
to the error tree. The routes are PROTOCOL.md section 3's; they are all in this file.
"""

from __future__ import annotations

import json
import os
import random as _random_module  # not shadowed by the `random` hook argument
import ssl
import sys
import time
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timezone
from urllib.parse import quote

from . import _context
from . import _validate as check
from ._constants import (
    API_KEY_ENV,
    BASE_URL_ENV,
    DEFAULT_BACKOFF_BASE,
    DEFAULT_BACKOFF_CAP,
    DEFAULT_BASE_URL,
    DEFAULT_CONTEXT_LIMIT,
    DEFAULT_CONTEXT_MAX_TOKENS,
    DEFAULT_JOB_POLL_INTERVAL,
    DEFAULT_JOB_TIMEOUT,
    DEFAULT_MAX_RESPONSE_BYTES,
    DEFAULT_MAX_RETRIES,
    DEFAULT_MAX_RETRY_AFTER,
    DEFAULT_TIMEOUT,
)
from ._protocol import (
    BATCH_SIZE,
    DEFAULT_CATEGORY,
    DEFAULT_COLLECTION,
    DEFAULT_CONTRADICTIONS_LIMIT,
    DEFAULT_DEDUP_THRESHOLD,
    DEFAULT_DRY_RUN,
    DEFAULT_FORGET_LIMIT,
    DEFAULT_FORGET_MIN_SCORE,
    DEFAULT_HEALTH_HOURS,
    DEFAULT_IMPORTANCE,
    DEFAULT_LIST_LIMIT,
    DEFAULT_MIN_SCORE,
    DEFAULT_RELATED_LIMIT,
    DEFAULT_RELATED_MIN_SCORE,
    DEFAULT_RUNS_LIMIT,
    DEFAULT_SEARCH_LIMIT,
    DEFAULT_SEARCH_MODE,
    DEFAULT_STALE_DAYS,
    DEFAULT_SUMMARY_LIMIT,
    JOB_FINISHED,
    MAX_IDEMPOTENCY_KEY_CHARS,
    SOURCE_SDK,
)
from ._retry import RetryPolicy, decide_retry, parse_retry_after
from ._transport import Response, Transport
from ._typing import TYPE_CHECKING, cast
from ._version import __version__
from .errors import (
    BatchProgress,
    InvalidArgumentError,
    LongmemAPIError,
    LongmemConnectionError,
    LongmemError,
    LongmemTimeoutError,
    NotFoundError,
    describe_detail,
    error_class_for,
    maybe_performed,
)

if TYPE_CHECKING:
    from typing import Any, Callable, Literal, Optional, Union, overload

    from .types import (
        BatchResult,
        Collection,
        Connection,
        Contradiction,
        Export,
        ExtractedFact,
        ImportResult,
        Job,
        JobAccepted,
        Memory,
        Profile,
        Run,
        SearchHit,
    )


_USER_AGENT = "longmem-python/{} Python/{}.{}.{}".format(__version__, *sys.version_info[:3])
_BATCH_ITEM_FIELDS = frozenset(
    {"text", "importance", "category", "source", "metadata", "container_tag"}
)
_INF = float("inf")


class Longmem:
    """Client for the Longmem memory API (RememberOS) and the local longmem server.

    Thread-safe: one client may be shared by many threads; each thread keeps its own
    keep-alive connection. The constructor does no network I/O.
    """

    def __init__(
        self,
        api_key: Optional[str] = None,
        base_url: Optional[str] = None,
        timeout: float = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        backoff_base: float = DEFAULT_BACKOFF_BASE,
        backoff_cap: float = DEFAULT_BACKOFF_CAP,
        *,
        max_retry_after: float = DEFAULT_MAX_RETRY_AFTER,
        total_timeout: Optional[float] = None,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
        ca_file: Optional[str] = None,
        ssl_context: Optional[ssl.SSLContext] = None,
        sleep: Callable[[float], None] = time.sleep,
        random: Callable[[], float] = _random_module.random,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """Configure a client; raises `LongmemError` at once when no API key is available.

        `timeout` bounds each network operation (connecting, sending, each wait for
        data); `total_timeout` (optional) bounds the whole call, attempts, retries and
        sleeps included. A Retry-After longer than `max_retry_after` seconds is raised
        as an error instead of slept through. A response body larger than
        `max_response_bytes` (decompressed size included) raises `ResponseTooLargeError`.

        `sleep`, `random` and `clock` are for tests and simulations: `sleep(seconds)`
        waits between retries and between `wait_for_job` polls; `random()` returns a
        number in [0, 1) that sets the backoff's jitter; `clock()` returns monotonic
        seconds for `total_timeout` and `wait_for_job` (each read on the socket is still
        bounded by the real clock). A recording `sleep` and a fixed `random` make every
        retry delay exact without waiting.
        """
        key = api_key if api_key is not None else os.environ.get(API_KEY_ENV)
        if key is not None and not isinstance(key, str):
            raise InvalidArgumentError(f"api_key must be a string, got {type(key).__name__}")
        key = (key or "").strip()  # a key pasted or read from a file often ends in a newline
        if not key:
            raise LongmemError(
                f"no API key: pass api_key=... or set the {API_KEY_ENV} environment variable"
            )
        if not (key.isascii() and key.isprintable()):  # it travels in an HTTP header
            raise InvalidArgumentError("api_key must be a single line of printable ASCII")
        url = base_url if base_url is not None else os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL
        if not isinstance(url, str):
            raise InvalidArgumentError(f"base_url must be a string, got {type(url).__name__}")
        _require_positive(timeout, "timeout")
        if total_timeout is not None:
            _require_positive(total_timeout, "total_timeout")
        _require_non_negative(backoff_base, "backoff_base")
        _require_non_negative(backoff_cap, "backoff_cap")
        _require_non_negative(max_retry_after, "max_retry_after")
        if isinstance(max_retries, bool) or not isinstance(max_retries, int) or max_retries < 0:
            raise InvalidArgumentError(
                f"max_retries must be a whole number of 0 or more, got {max_retries!r}"
            )
        check.positive_int(max_response_bytes, "max_response_bytes")
        if ca_file is not None and ssl_context is not None:
            raise InvalidArgumentError("pass ca_file or ssl_context, not both")
        for hook, name in ((sleep, "sleep"), (random, "random"), (clock, "clock")):
            if not callable(hook):
                raise InvalidArgumentError(f"{name} must be callable, got {type(hook).__name__}")

        self.base_url = url.rstrip("/")
        self.timeout = float(timeout)
        self.total_timeout = None if total_timeout is None else float(total_timeout)
        self.retry_policy = RetryPolicy(
            max_retries, float(backoff_base), float(backoff_cap), float(max_retry_after)
        )
        self._transport = Transport(
            self.base_url,
            ssl_context=ssl_context,
            ca_file=ca_file,
            max_response_bytes=max_response_bytes,
        )
        self._headers = {
            "Authorization": f"Bearer {key}",
            "User-Agent": _USER_AGENT,
            "Accept": "application/json",
            "Accept-Encoding": "gzip",
        }
        self._sleep = sleep
        self._random = random
        self._clock = clock

    def __repr__(self) -> str:
        return f"Longmem(base_url={self.base_url!r})"

    def __enter__(self) -> Longmem:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Close pooled connections (the client reopens them if used again)."""
        self._transport.close()

    # -- service and collections ----------------------------------------------------

    def service_health(self) -> dict[str, Any]:
        """Check the service is up. GET /v1/memory/health → {"status": "ok", "version"}."""
        return cast("dict[str, Any]", self._request("GET", "/v1/memory/health"))

    def collections(self) -> list[Collection]:
        """List the tenant's collections. GET /v1/memory/collections."""
        return cast("list[Collection]", self._request("GET", "/v1/memory/collections"))

    def create_collection(
        self,
        name: str,
        *,
        description: Optional[str] = None,
        metadata: Optional[Mapping[str, Any]] = None,
    ) -> Collection:
        """Create a collection. POST /v1/memory/collections; ConflictError if it exists."""
        body = {"name": check.collection(name, "name"), **_collection_fields(description, metadata)}
        return cast("Collection", self._request("POST", "/v1/memory/collections", body=body))

    def get_collection(self, name: str) -> Collection:
        """Get one collection. GET /v1/memory/collections/{name}; NotFoundError if absent."""
        return cast("Collection", self._request("GET", _collection_path(name, "name")))

    def update_collection(
        self,
        name: str,
        *,
        description: Optional[str] = None,
        metadata: Optional[Mapping[str, Any]] = None,
    ) -> Collection:
        """Change a collection's description and/or metadata. PUT /v1/memory/collections/{name}."""
        body = _collection_fields(description, metadata)
        if not body:
            raise InvalidArgumentError("update_collection needs description or metadata")
        return cast("Collection", self._request("PUT", _collection_path(name, "name"), body=body))

    def delete_collection(self, collection: str) -> dict[str, Any]:
        """Delete a collection and all its memories. DELETE /v1/memory/collections/{c} → {}."""
        return cast("dict[str, Any]", self._request("DELETE", _collection_path(collection)))

    # -- memories ---------------------------------------------------------------------

    def add(
        self,
        text: str,
        *,
        collection: str = DEFAULT_COLLECTION,
        importance: float = DEFAULT_IMPORTANCE,
        category: str = DEFAULT_CATEGORY,
        metadata: Optional[Mapping[str, Any]] = None,
        source: str = SOURCE_SDK,
        container_tag: Optional[str] = None,
        idempotency_key: Optional[str] = None,
    ) -> Memory:
        """Store one memory. POST …/memories → the created memory."""
        body = {
            "text": check.text(text),
            "importance": check.fraction(importance, "importance"),
            "category": check.identifier(category, "category"),
            "source": check.identifier(source, "source"),
            "metadata": check.json_object(metadata, "metadata") or {},
            "container_tag": check.container_tag(container_tag),
        }
        key = check.idempotency_key(idempotency_key)
        path = _collection_path(collection) + "/memories"
        return cast("Memory", self._request("POST", path, body=body, idempotency_key=key))

    def add_many(
        self,
        items: Iterable[Union[str, Mapping[str, Any]]],
        *,
        collection: str = DEFAULT_COLLECTION,
        container_tag: Optional[str] = None,
        importance: float = DEFAULT_IMPORTANCE,
        category: str = DEFAULT_CATEGORY,
        source: str = SOURCE_SDK,
        idempotency_key: Optional[str] = None,
        on_progress: Optional[Callable[[BatchProgress], None]] = None,
    ) -> BatchResult:
        """Store many memories in chunks of 100. POST …/memories/batch per chunk.

        Items are strings or dicts of per-item fields (text, importance, category,
        source, metadata, container_tag) that override the call's defaults. Every item
        is checked before the first chunk is sent. Each chunk is retried on its own
        under one idempotency key, `<idempotency_key>-<offset>` (for a key so long that
        this could pass 255 characters, a digest of the key stands in for it); without
        `idempotency_key` one is minted for the call. `on_progress(progress)`, if given,
        is called after each confirmed chunk with a `BatchProgress`. If a chunk finally
        fails, the raised error's `.progress` says what was confirmed, what is in doubt,
        and the key to repeat the call with so that nothing is stored twice. Returns
        {"created", "ids", "replayed"}: `replayed` counts the items an earlier call under
        the same key had stored already (their chunks answered from the server's record,
        `Idempotent-Replayed: true`; 0 from a server that does not say).
        """
        path = _collection_path(collection) + "/memories/batch"
        defaults = {
            "importance": check.fraction(importance, "importance"),
            "category": check.identifier(category, "category"),
            "source": check.identifier(source, "source"),
            "container_tag": check.container_tag(container_tag),
        }
        base_key = check.idempotency_key(idempotency_key)
        if isinstance(items, (str, bytes, Mapping)) or not isinstance(items, Iterable):
            raise InvalidArgumentError(
                f"items must be a list of strings or dicts, got {type(items).__name__}"
            )
        if on_progress is not None and not callable(on_progress):
            raise InvalidArgumentError(
                f"on_progress must be callable, got {type(on_progress).__name__}"
            )
        memories = [_batch_item(item, index, defaults) for index, item in enumerate(items)]
        # Minted here, not per request, so that the error's progress can offer a repeat
        # of this very call: the same chunk keys, answered from the server's record.
        base_key = base_key or os.urandom(16).hex()
        chunk_key = _chunk_key_base(base_key, len(memories))
        ids: list[str] = []
        replayed = 0
        for start in range(0, len(memories), BATCH_SIZE):
            chunk = memories[start : start + BATCH_SIZE]
            try:
                response, sent_before = self._exchange(
                    "POST", path, {"memories": chunk}, f"{chunk_key}-{start}"
                )
                result = _decode(response, "POST", path)
                chunk_ids = result.get("ids") if isinstance(result, dict) else None
                if not isinstance(chunk_ids, list):
                    raise LongmemError(f"POST {path} answered without an ids list: {result!r}")
            except LongmemError as exc:
                in_doubt = len(chunk) if maybe_performed(exc) else 0
                exc.progress = BatchProgress(len(ids), ids, start, in_doubt, base_key)
                raise
            ids.extend(chunk_ids)
            # A replay answers from the record of an earlier request under the key: an
            # earlier call's, for certain, unless an attempt of this one went unanswered.
            if response.headers.get("Idempotent-Replayed") == "true" and not sent_before:
                replayed += len(chunk)
            if on_progress is not None:
                on_progress(BatchProgress(len(ids), ids, start + len(chunk), 0, base_key))
        # A copy: the progress reports share `ids`, and what the caller does with the
        # result must not change them.
        return {"created": len(ids), "ids": ids[:], "replayed": replayed}

    def list_memories(
        self,
        *,
        collection: str = DEFAULT_COLLECTION,
        limit: int = DEFAULT_LIST_LIMIT,
        offset: int = 0,
        include_archived: bool = False,
        include_superseded: bool = False,
        container_tag: Optional[str] = None,
    ) -> list[Memory]:
        """List memories, pinned first then newest first. GET …/memories.

        Superseded facts are left out, as search leaves them out, unless
        `include_superseded=True`; `container_tag` lists one tag's memories (default:
        every tag). A collection that does not exist yet lists as empty.
        """
        query = {
            "limit": check.positive_int(limit, "limit"),
            "offset": check.non_negative_int(offset, "offset"),
            "include_archived": check.flag(include_archived, "include_archived"),
            "include_superseded": check.flag(include_superseded, "include_superseded"),
            "container_tag": check.container_tag(container_tag),
        }
        path = _collection_path(collection) + "/memories"
        return cast("list[Memory]", _unwrap(self._request("GET", path, query=query), "memories"))

    def get(self, memory_id: str, *, collection: str = DEFAULT_COLLECTION) -> Memory:
        """Get one memory. GET …/memories/{memory_id}; NotFoundError if absent."""
        return cast("Memory", self._request("GET", _memory_path(collection, memory_id)))

    def update(
        self,
        memory_id: str,
        *,
        collection: str = DEFAULT_COLLECTION,
        text: Optional[str] = None,
        importance: Optional[float] = None,
        category: Optional[str] = None,
        metadata: Optional[Mapping[str, Any]] = None,
    ) -> Memory:
        """Change the given fields only (new text re-embeds). PUT …/memories/{memory_id}."""
        body: dict[str, Any] = {}
        if text is not None:
            body["text"] = check.text(text)
        if importance is not None:
            body["importance"] = check.fraction(importance, "importance")
        if category is not None:
            body["category"] = check.identifier(category, "category")
        if metadata is not None:
            body["metadata"] = check.json_object(metadata, "metadata")
        if not body:
            raise InvalidArgumentError(
                "update needs at least one of text, importance, category, metadata"
            )
        return cast("Memory", self._request("PUT", _memory_path(collection, memory_id), body=body))

    def delete(self, memory_id: str, *, collection: str = DEFAULT_COLLECTION) -> dict[str, Any]:
        """Delete one memory. DELETE …/memories/{memory_id} → {}."""
        return cast("dict[str, Any]", self._request("DELETE", _memory_path(collection, memory_id)))

    def move(
        self, memory_id: str, *, collection: str = DEFAULT_COLLECTION, to_collection: str
    ) -> dict[str, Any]:
        """Move a memory to another collection (created if needed). POST …/move → {moved, …}."""
        body = {"to_collection": check.collection(to_collection, "to_collection")}
        path = _memory_path(collection, memory_id) + "/move"
        return cast("dict[str, Any]", self._request("POST", path, body=body))

    def pin(
        self, memory_id: str, *, collection: str = DEFAULT_COLLECTION, pinned: bool = True
    ) -> Memory:
        """Pin or unpin a memory. POST …/memories/{memory_id}/pin → the memory."""
        body = {"pinned": check.flag(pinned, "pinned")}
        path = _memory_path(collection, memory_id) + "/pin"
        return cast("Memory", self._request("POST", path, body=body))

    def archive(
        self, memory_id: str, *, collection: str = DEFAULT_COLLECTION, archived: bool = True
    ) -> Memory:
        """Archive or restore a memory. POST …/memories/{memory_id}/archive → the memory."""
        body = {"archived": check.flag(archived, "archived")}
        path = _memory_path(collection, memory_id) + "/archive"
        return cast("Memory", self._request("POST", path, body=body))

    def related(
        self,
        memory_id: str,
        *,
        collection: str = DEFAULT_COLLECTION,
        limit: int = DEFAULT_RELATED_LIMIT,
        min_score: float = DEFAULT_RELATED_MIN_SCORE,
    ) -> list[SearchHit]:
        """Nearest neighbours of a memory (not itself, archived or superseded). GET …/related."""
        query = {
            "limit": check.positive_int(limit, "limit"),
            "min_score": check.fraction(min_score, "min_score"),
        }
        path = _memory_path(collection, memory_id) + "/related"
        return cast("list[SearchHit]", _unwrap(self._request("GET", path, query=query), "results"))

    # -- search and intelligent memory ----------------------------------------------

    def search(
        self,
        query: str,
        *,
        collection: Optional[str] = None,
        limit: int = DEFAULT_SEARCH_LIMIT,
        min_score: float = DEFAULT_MIN_SCORE,
        mode: str = DEFAULT_SEARCH_MODE,
        category: Optional[str] = None,
        container_tag: Optional[str] = None,
        metadata_filter: Optional[Mapping[str, Any]] = None,
        include_history: bool = False,
    ) -> list[SearchHit]:
        """Search one collection, or all of them with collection=None. POST …/search → hits.

        `min_score` gates the vector arm only; `mode` is "hybrid", "text" or "vector".
        `include_history=True` also finds superseded memories (and expired ones the
        server has not swept yet), after every current one; each hit's `is_latest` and
        `expires_at` tell which is which.
        """
        body: dict[str, Any] = {
            "query": check.text(query, "query"),
            "limit": check.positive_int(limit, "limit"),
            "min_score": check.fraction(min_score, "min_score"),
            "mode": check.identifier(mode, "mode"),
        }
        if category is not None:
            body["category"] = check.identifier(category, "category")
        if container_tag is not None:
            body["container_tag"] = check.container_tag(container_tag)
        if metadata_filter is not None:
            body["metadata_filter"] = check.json_object(metadata_filter, "metadata_filter")
        if check.flag(include_history, "include_history"):
            body["include_history"] = True
        path = (
            "/v1/memory/search" if collection is None else _collection_path(collection) + "/search"
        )
        return cast("list[SearchHit]", _unwrap(self._request("POST", path, body=body), "results"))

    def context(
        self,
        query: str,
        *,
        collection: Optional[str] = None,
        container_tag: Optional[str] = None,
        max_tokens: int = DEFAULT_CONTEXT_MAX_TOKENS,
        count_tokens: Optional[Callable[[str], int]] = None,
        format: str = "markdown",
        limit: int = DEFAULT_CONTEXT_LIMIT,
        min_score: float = DEFAULT_MIN_SCORE,
        include_profile: bool = True,
    ) -> str:
        """What the memory knows that bears on `query`, as a block to put in a prompt.

        POST …/search, then GET …/profile. The current memories found (never superseded,
        expired or archived), best first, each dated; then the profile of the collection
        (of the tag, with a container_tag) while room remains (none with
        collection=None). At most `max_tokens` by `count_tokens(text) -> int` (default
        characters ÷ 4, rounded up); `format` "markdown" or "xml". "" when nothing
        relevant is found, the collection does not exist yet, or not one memory fits.
        Raises what `search` and `profile` raise.
        """
        count = _context.token_counter(count_tokens)
        budget = check.positive_int(max_tokens, "max_tokens")
        shape = _context.check_format(format)
        with_profile = check.flag(include_profile, "include_profile")
        try:
            hits = self.search(
                query,
                collection=collection,
                container_tag=container_tag,
                limit=limit,
                min_score=min_score,
            )
        except NotFoundError:
            if collection is None:
                raise
            return ""  # a collection nothing was stored in yet knows nothing
        relevant = _context.current(hits, datetime.now(timezone.utc))
        if not relevant:
            return ""
        profile = ""
        if with_profile and collection is not None:
            profile = self.profile(collection, container_tag=container_tag).get("profile", "")
        return _context.build(relevant, profile, format=shape, max_tokens=budget, count=count)

    if TYPE_CHECKING:  # what `sync` decides about the result, for type checkers only

        @overload
        def remember(
            self,
            content: Optional[str] = ...,
            *,
            messages: Optional[Sequence[Mapping[str, Any]]] = ...,
            collection: str = ...,
            sync: Literal[True] = ...,
            observed_at: Union[str, datetime, None] = ...,
            container_tag: Optional[str] = ...,
            idempotency_key: Optional[str] = ...,
        ) -> list[ExtractedFact]: ...

        @overload
        def remember(
            self,
            content: Optional[str] = ...,
            *,
            messages: Optional[Sequence[Mapping[str, Any]]] = ...,
            collection: str = ...,
            sync: Literal[False],
            observed_at: Union[str, datetime, None] = ...,
            container_tag: Optional[str] = ...,
            idempotency_key: Optional[str] = ...,
        ) -> JobAccepted: ...

        @overload
        def remember(
            self,
            content: Optional[str] = ...,
            *,
            messages: Optional[Sequence[Mapping[str, Any]]] = ...,
            collection: str = ...,
            sync: bool = ...,
            observed_at: Union[str, datetime, None] = ...,
            container_tag: Optional[str] = ...,
            idempotency_key: Optional[str] = ...,
        ) -> Union[list[ExtractedFact], JobAccepted]: ...

    def remember(
        self,
        content: Optional[str] = None,
        *,
        messages: Optional[Sequence[Mapping[str, Any]]] = None,
        collection: str = DEFAULT_COLLECTION,
        sync: bool = True,
        observed_at: Union[str, datetime, None] = None,
        container_tag: Optional[str] = None,
        idempotency_key: Optional[str] = None,
    ) -> Union[list[ExtractedFact], JobAccepted]:
        """Extract facts from what the user said, superseding what they update.
        POST …/remember.

        Give `content` (text; the server splits text longer than one memory into
        statements) or `messages`, a chat conversation as OpenAI takes it: a list of
        {"role", "content"} dicts, of which only the "user" messages become facts.
        `observed_at` is when it was said (ISO 8601 text or a datetime; default now):
        relative dates resolve against it, and a statement older than the current fact
        of its key is kept as history instead of replacing it. `container_tag` (one user
        of a shared collection) tags the facts, and they supersede and duplicate only
        memories of that tag (without one, only untagged memories). sync=True returns the
        list of extracted facts; sync=False returns {"job_id"} at once (poll with
        `get_job` or `wait_for_job`). Raises InvalidArgumentError for neither or both.
        """
        body: dict[str, Any]
        if (content is None) == (messages is None):
            raise InvalidArgumentError(
                "remember takes content (text) or messages (a conversation): give one"
            )
        if messages is not None:
            body = {"messages": check.messages(messages)}
        else:
            body = {"content": check.text(content, "content")}
        if observed_at is not None:
            body["observed_at"] = check.timestamp(observed_at, "observed_at")
        if container_tag is not None:
            body["container_tag"] = check.container_tag(container_tag)
        key = check.idempotency_key(idempotency_key)
        query = {"sync": True} if check.flag(sync, "sync") else None
        path = _collection_path(collection) + "/remember"
        result = self._request("POST", path, query=query, body=body, idempotency_key=key)
        if sync:
            return cast("list[ExtractedFact]", _unwrap(result, "facts"))
        return cast("JobAccepted", result)

    def get_job(self, job_id: str) -> Job:
        """State of a background remember job. GET /v1/memory/extract/job/{id}."""
        path = "/v1/memory/extract/job/" + check.segment(check.identifier(job_id, "job_id"))
        return cast("Job", self._request("GET", path))

    def wait_for_job(
        self,
        job_id: str,
        *,
        timeout: float = DEFAULT_JOB_TIMEOUT,
        poll_interval: float = DEFAULT_JOB_POLL_INTERVAL,
    ) -> Job:
        """Poll a job until it is done or failed; LongmemTimeoutError after `timeout` seconds."""
        _require_positive(timeout, "timeout")
        _require_positive(poll_interval, "poll_interval")
        deadline = self._clock() + timeout
        while True:
            job = self.get_job(job_id)
            if job.get("status") in JOB_FINISHED:
                return job
            remaining = deadline - self._clock()
            if remaining <= 0:
                raise LongmemTimeoutError(
                    f"job {job_id} still {job.get('status')!r} after {timeout:g}s"
                )
            self._sleep(min(poll_interval, remaining))

    def forget(
        self,
        query: str,
        *,
        collection: str = DEFAULT_COLLECTION,
        min_score: float = DEFAULT_FORGET_MIN_SCORE,
        limit: int = DEFAULT_FORGET_LIMIT,
        dry_run: bool = False,
        container_tag: Optional[str] = None,
    ) -> dict[str, Any]:
        """Delete the memories matching a query (destructive). POST …/forget.

        Returns {deleted, ids, dry_run, memories}: `memories` are the matches, best first,
        each with its `score`. `dry_run=True` deletes nothing and lists what would go.
        `container_tag` (one user of a shared collection) matches only that tag's
        memories; without it, forget matches every memory of the collection.
        """
        body: dict[str, Any] = {
            "query": check.text(query, "query"),
            "min_score": check.fraction(min_score, "min_score"),
            "limit": check.positive_int(limit, "limit"),
            "dry_run": check.flag(dry_run, "dry_run"),
        }
        if container_tag is not None:
            body["container_tag"] = check.container_tag(container_tag)
        path = _collection_path(collection) + "/forget"
        return cast("dict[str, Any]", self._request("POST", path, body=body))

    def dedup(
        self,
        *,
        collection: str = DEFAULT_COLLECTION,
        threshold: float = DEFAULT_DEDUP_THRESHOLD,
        dry_run: bool = DEFAULT_DRY_RUN,
    ) -> dict[str, Any]:
        """Merge near-duplicate memories. POST …/dedup → {clusters, deleted, dry_run}."""
        body = {
            "threshold": check.fraction(threshold, "threshold"),
            "dry_run": check.flag(dry_run, "dry_run"),
        }
        path = _collection_path(collection) + "/dedup"
        return cast("dict[str, Any]", self._request("POST", path, body=body))

    def contradictions(
        self,
        *,
        collection: str = DEFAULT_COLLECTION,
        limit: int = DEFAULT_CONTRADICTIONS_LIMIT,
        container_tag: Optional[str] = None,
    ) -> list[Contradiction]:
        """Pairs of {current, superseded} memories, newest first, of one tag if given.
        GET …/contradictions."""
        query = {
            "limit": check.positive_int(limit, "limit"),
            "container_tag": check.container_tag(container_tag),
        }
        path = _collection_path(collection) + "/contradictions"
        return cast(
            "list[Contradiction]",
            _unwrap(self._request("GET", path, query=query), "contradictions"),
        )

    def archive_stale(
        self,
        *,
        collection: str = DEFAULT_COLLECTION,
        older_than_days: int = DEFAULT_STALE_DAYS,
        dry_run: bool = DEFAULT_DRY_RUN,
    ) -> dict[str, Any]:
        """Archive unpinned memories not updated for N days. POST …/archive-stale."""
        body = {
            "older_than_days": check.positive_int(older_than_days, "older_than_days"),
            "dry_run": check.flag(dry_run, "dry_run"),
        }
        path = _collection_path(collection) + "/archive-stale"
        return cast("dict[str, Any]", self._request("POST", path, body=body))

    def health(
        self, *, collection: str = DEFAULT_COLLECTION, stale_days: int = DEFAULT_STALE_DAYS
    ) -> dict[str, Any]:
        """A collection's health snapshot. GET …/health → {total, stale, expired, …}."""
        query = {"stale_days": check.positive_int(stale_days, "stale_days")}
        path = _collection_path(collection) + "/health"
        return cast("dict[str, Any]", self._request("GET", path, query=query))

    def summary(
        self,
        *,
        collection: str = DEFAULT_COLLECTION,
        limit: int = DEFAULT_SUMMARY_LIMIT,
        container_tag: Optional[str] = None,
    ) -> dict[str, Any]:
        """A briefing of the most important memories (of one tag, if given).
        GET …/summary → {summary, themes, …}."""
        query = {
            "limit": check.positive_int(limit, "limit"),
            "container_tag": check.container_tag(container_tag),
        }
        path = _collection_path(collection) + "/summary"
        return cast("dict[str, Any]", self._request("GET", path, query=query))

    def profile(self, collection: str, *, container_tag: Optional[str] = None) -> Profile:
        """A third-person profile from current facts and preferences (of one tag, if
        given). GET …/profile."""
        query = {"container_tag": check.container_tag(container_tag)}
        path = _collection_path(collection) + "/profile"
        return cast("Profile", self._request("GET", path, query=query))

    # -- connectors -------------------------------------------------------------------

    def create_connection(
        self,
        provider: str,
        *,
        name: Optional[str] = None,
        collection: str = DEFAULT_COLLECTION,
        container_tag: Optional[str] = None,
        config: Optional[Mapping[str, Any]] = None,
        credentials: Optional[Mapping[str, Any]] = None,
        idempotency_key: Optional[str] = None,
    ) -> Connection:
        """Create a managed connector. POST /v1/memory/connections → the connection."""
        body: dict[str, Any] = {
            "provider": check.identifier(provider, "provider"),
            "collection": check.collection(collection),
        }
        if name is not None:
            body["name"] = _optional_str(name, "name")
        if container_tag is not None:
            body["container_tag"] = check.container_tag(container_tag)
        if config is not None:
            body["config"] = check.json_object(config, "config")
        if credentials is not None:
            body["credentials"] = check.json_object(credentials, "credentials")
        key = check.idempotency_key(idempotency_key)
        return cast(
            "Connection",
            self._request("POST", "/v1/memory/connections", body=body, idempotency_key=key),
        )

    def list_connections(self) -> list[Connection]:
        """The tenant's connections (never their credentials). GET /v1/memory/connections."""
        return cast(
            "list[Connection]",
            _unwrap(self._request("GET", "/v1/memory/connections"), "connections"),
        )

    def get_connection(self, id: str) -> Connection:
        """One connection. GET /v1/memory/connections/{id}."""
        return cast("Connection", self._request("GET", _connection_path(id)))

    def sync_connection(self, id: str) -> dict[str, Any]:
        """Sync a connection now. POST …/{id}/sync → {synced, cursor, status} or an error status."""
        return cast("dict[str, Any]", self._request("POST", _connection_path(id) + "/sync"))

    def connection_runs(self, id: str, *, limit: int = DEFAULT_RUNS_LIMIT) -> list[Run]:
        """Recent sync runs, newest first. GET /v1/memory/connections/{id}/runs."""
        query = {"limit": check.positive_int(limit, "limit")}
        result = self._request("GET", _connection_path(id) + "/runs", query=query)
        return cast("list[Run]", _unwrap(result, "runs"))

    def delete_connection(self, id: str) -> dict[str, Any]:
        """Remove a connection; memories it synced stay. DELETE /v1/memory/connections/{id} → {}."""
        return cast("dict[str, Any]", self._request("DELETE", _connection_path(id)))

    # -- admin and portability -------------------------------------------------------

    def connector_health(self, *, hours: int = DEFAULT_HEALTH_HOURS) -> list[dict[str, Any]]:
        """Admin: sync health per provider. GET /v1/memory/admin/connectors/health?hours=."""
        query = {"hours": check.positive_int(hours, "hours")}
        result = self._request("GET", "/v1/memory/admin/connectors/health", query=query)
        return cast("list[dict[str, Any]]", _unwrap(result, "providers"))

    def connector_status(self) -> list[dict[str, Any]]:
        """Admin: connection counts by status. GET /v1/memory/admin/connectors/status."""
        result = self._request("GET", "/v1/memory/admin/connectors/status")
        return cast("list[dict[str, Any]]", _unwrap(result, "statuses"))

    def admin_memory_health(self) -> dict[str, Any]:
        """Admin: fleet-wide memory hygiene. GET /v1/memory/admin/memory-health."""
        return cast("dict[str, Any]", self._request("GET", "/v1/memory/admin/memory-health"))

    def export_account(self) -> Export:
        """Dump the tenant's collections and memories. GET /v1/memory/admin/export."""
        return cast("Export", self._request("GET", "/v1/memory/admin/export"))

    def import_memories(
        self,
        memories: Iterable[Mapping[str, Any]],
        *,
        collections: Optional[Iterable[Mapping[str, Any]]] = None,
        into_collection: Optional[str] = None,
        idempotency_key: Optional[str] = None,
    ) -> ImportResult:
        """Re-ingest an export (ids reassigned, text re-embedded). POST /v1/memory/admin/import."""
        items = _dict_list(memories, "memories")
        body: dict[str, Any] = {"memories": items}
        if collections is not None:
            body["collections"] = _dict_list(collections, "collections")
        if into_collection is not None:
            body["into_collection"] = check.collection(into_collection, "into_collection")
        key = check.idempotency_key(idempotency_key)
        return cast(
            "ImportResult",
            self._request("POST", "/v1/memory/admin/import", body=body, idempotency_key=key),
        )

    # -- the one request helper -------------------------------------------------------

    def _request(
        self,
        method: str,
        path: str,
        *,
        query: Optional[Mapping[str, Any]] = None,
        body: Any = None,
        idempotency_key: Optional[str] = None,
    ) -> Any:
        """Send one logical call, retrying per the policy; return the decoded JSON body."""
        if query:
            path += _query_string(query)
        response, _ = self._exchange(method, path, body, idempotency_key)
        return _decode(response, method, path)

    def _exchange(
        self, method: str, path: str, body: Any, idempotency_key: Optional[str]
    ) -> tuple[Response, bool]:
        """One logical call's 2xx response, retrying per the policy, and whether an
        earlier attempt of it may have reached the server unanswered; raises the rest."""
        data, headers = self._prepare(method, body, idempotency_key)
        budget = self.total_timeout
        started = self._clock()
        deadline = None if budget is None else started + budget
        retries = 0
        sent = False  # whether any attempt may have reached the server unanswered
        while True:
            time_left = None if deadline is None else deadline - self._clock()
            if time_left is not None and time_left <= 0:
                out_of_time = LongmemTimeoutError(
                    f"{method} {path}: the call's time budget of {budget:g}s ran out"
                )
                out_of_time.attempts, out_of_time.elapsed = retries, self._clock() - started
                raise out_of_time
            _debug("%s %s attempt %d", method, path, retries + 1)
            error: Union[LongmemAPIError, LongmemConnectionError]
            try:
                # The transport bounds every read by the budget, on the real monotonic clock.
                response = self._transport.request(
                    method,
                    path,
                    data,
                    headers,
                    self.timeout,
                    None if time_left is None else time.monotonic() + time_left,
                )
            except LongmemConnectionError as exc:
                error = exc
                sent = sent or exc.request_sent
            else:
                if 200 <= response.status < 300:
                    return response, sent
                error = _api_error(response, method, path)
            time_left = None if deadline is None else deadline - self._clock()
            decision = decide_retry(self.retry_policy, error, retries, self._random(), time_left)
            if decision.reason is not None:
                _debug("%s %s %s", method, path, decision.reason)
            if decision.delay is None:
                if isinstance(error, LongmemConnectionError):
                    error.attempts, error.elapsed = retries + 1, self._clock() - started
                    if sent:
                        # The last attempt never connected, but an earlier one was sent
                        # and not answered: the call's outcome is unknown, not "not sent".
                        error.request_sent = True
                elif sent:
                    # The answer is about the last attempt only (a 429 or 503 can come
                    # before the server looks up the idempotency key): an earlier attempt,
                    # sent and never answered, may have been performed.
                    error.earlier_attempt_sent = True
                raise error
            self._sleep(decision.delay)
            retries += 1

    def _prepare(
        self, method: str, body: Any, idempotency_key: Optional[str]
    ) -> tuple[Optional[bytes], dict[str, str]]:
        """The encoded body and the headers of one logical call, the same on every retry."""
        headers = self._headers.copy()
        data = None
        if body is not None:
            try:
                data = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
            except UnicodeEncodeError:
                raise InvalidArgumentError(
                    "the request holds text that is not valid Unicode (unpaired surrogates)"
                ) from None
            except ValueError as exc:  # an integer past Python's int-to-text digit limit
                raise InvalidArgumentError(f"the request cannot be encoded: {exc}") from None
            headers["Content-Type"] = "application/json"
        if method != "GET":
            # One key per logical call, the same on every retry of it, so a retried
            # write the server already performed is replayed instead of repeated.
            headers["Idempotency-Key"] = idempotency_key or os.urandom(16).hex()
        return data, headers


# -- helpers ---------------------------------------------------------------------------


def _collection_path(collection: str, argument: str = "collection") -> str:
    return "/v1/memory/collections/" + check.segment(check.collection(collection, argument))


def _memory_path(collection: str, memory_id: str) -> str:
    memory_segment = check.segment(check.identifier(memory_id, "memory_id"))
    return f"{_collection_path(collection)}/memories/{memory_segment}"


def _connection_path(connection_id: str) -> str:
    return "/v1/memory/connections/" + check.segment(check.identifier(connection_id, "id"))


def _query_string(query: Mapping[str, Any]) -> str:
    """The query string of the values given (None ones left out): "?a=1&b=2", or "" when
    none is given, so a path never ends in a bare "?"."""
    pairs = [
        f"{name}={quote(_query_value(value), safe='')}"
        for name, value in query.items()
        if value is not None
    ]
    return "?" + "&".join(pairs) if pairs else ""


def _query_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    try:
        return str(value)
    except ValueError as exc:  # an integer past Python's int-to-text digit limit
        raise InvalidArgumentError(f"the request cannot be encoded: {exc}") from None


def _decode(response: Response, method: str, path: str) -> Any:
    if response.status == 204 or not response.body:
        return {}
    try:
        return json.loads(response.body)
    except (ValueError, RecursionError):
        raise LongmemError(
            f"{method} {path}: HTTP {response.status} with a body that is not JSON: "
            f"{_snippet(response.body)}"
        ) from None


def _api_error(response: Response, method: str, path: str) -> LongmemAPIError:
    try:
        body: Any = json.loads(response.body) if response.body else None
    except (ValueError, RecursionError):
        body = response.body.decode("utf-8", "replace")
    fallback = _snippet(response.body) if response.body else "(no body)"
    detail = describe_detail(body, fallback)
    return error_class_for(response.status)(
        response.status,
        detail,
        body=body,
        request_id=response.headers.get("x-request-id"),
        retry_after=parse_retry_after(response.headers, time.time()),
        request_line=f"{method} {path}",
    )


def _snippet(data: bytes, limit: int = 200) -> str:
    text = data.decode("utf-8", "replace").strip()
    return text if len(text) <= limit else text[:limit] + "…"


def _unwrap(result: Any, key: str) -> Any:
    """The protocol wraps some lists ({"results": [...]}); accept a bare list too."""
    if isinstance(result, dict) and isinstance(result.get(key), list):
        return result[key]
    if isinstance(result, list):
        return result
    raise LongmemError(f"expected a list or an object with {key!r}, got {type(result).__name__}")


def _chunk_key_base(key: str, count: int) -> str:
    """What add_many's chunk keys, `<base>-<offset>`, start with: the key itself, or a
    digest of it when the last chunk's key would pass the protocol's length limit. Chosen
    once per call from the key and the item count, so every chunk of a call, and every
    repeat of the call, uses the same keys, and a long key never fails half-way."""
    last_offset = max(count - 1, 0) // BATCH_SIZE * BATCH_SIZE
    if len(f"{key}-{last_offset}") <= MAX_IDEMPOTENCY_KEY_CHARS:
        return key
    import hashlib  # only for such long keys: it would cost every `import longmem`

    return "sha256-" + hashlib.sha256(key.encode("ascii")).hexdigest()


def _batch_item(item: Any, index: int, defaults: Mapping[str, Any]) -> dict[str, Any]:
    where = f"items[{index}]"
    if isinstance(item, str):
        return {"text": check.text(item, where), **defaults, "metadata": {}}
    if not isinstance(item, Mapping):
        raise InvalidArgumentError(f"{where} must be a string or a dict, got {type(item).__name__}")
    unknown = set(item) - _BATCH_ITEM_FIELDS
    if unknown:
        raise InvalidArgumentError(
            f"{where} has unknown field(s) {', '.join(sorted(map(str, unknown)))}; "
            f"allowed: {', '.join(sorted(_BATCH_ITEM_FIELDS))}"
        )
    if "text" not in item:
        raise InvalidArgumentError(f"{where} needs a 'text'")
    memory = dict(defaults)
    memory["text"] = check.text(item["text"], f"{where}.text")
    if "importance" in item:
        memory["importance"] = check.fraction(item["importance"], f"{where}.importance")
    if "category" in item:
        memory["category"] = check.identifier(item["category"], f"{where}.category")
    if "source" in item:
        memory["source"] = check.identifier(item["source"], f"{where}.source")
    if "container_tag" in item:
        memory["container_tag"] = check.container_tag(
            item["container_tag"], f"{where}.container_tag"
        )
    memory["metadata"] = check.json_object(item.get("metadata"), f"{where}.metadata") or {}
    return memory


def _dict_list(values: Any, name: str) -> list[dict[str, Any]]:
    if isinstance(values, (str, bytes, Mapping)) or not isinstance(values, Iterable):
        raise InvalidArgumentError(f"{name} must be a list of dicts")
    items = list(values)
    for index, item in enumerate(items):
        if not isinstance(item, Mapping):
            raise InvalidArgumentError(f"{name}[{index}] must be a dict, got {type(item).__name__}")
        check.json_object(item, f"{name}[{index}]")
    return [dict(item) for item in items]


def _collection_fields(description: Any, metadata: Any) -> dict[str, Any]:
    """The optional fields a collection is created or updated with, checked."""
    fields: dict[str, Any] = {}
    if description is not None:
        fields["description"] = _optional_str(description, "description")
    if metadata is not None:
        fields["metadata"] = check.json_object(metadata, "metadata")
    return fields


def _optional_str(value: Any, name: str) -> str:
    if not isinstance(value, str):
        raise InvalidArgumentError(f"{name} must be a string, got {type(value).__name__}")
    return value


def _seconds(value: Any) -> Optional[float]:
    """A finite float of a number, or None (bools, NaN, infinities, overflowing ints)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    try:
        number = float(value)
    except OverflowError:
        return None
    return number if -_INF < number < _INF else None


def _require_positive(value: Any, name: str) -> None:
    number = _seconds(value)
    if number is None or number <= 0:
        raise InvalidArgumentError(f"{name} must be a positive number of seconds, got {value!r}")


def _require_non_negative(value: Any, name: str) -> None:
    number = _seconds(value)
    if number is None or number < 0:
        raise InvalidArgumentError(f"{name} must be a number of 0 or more, got {value!r}")


_logger: Any = None


def _debug(message: str, *args: Any) -> None:
    """Log at DEBUG on the "longmem" logger, without importing logging ourselves.

    If the application never imported logging, no handler can exist to show the line,
    so skipping it is exact, and `import longmem` stays ~6 ms cheaper.
    """
    global _logger
    if _logger is None:
        logging = sys.modules.get("logging")
        if logging is None:
            return
        _logger = logging.getLogger("longmem")
    if _logger.isEnabledFor(10):  # logging.DEBUG
        _logger.debug(message, *args)
