"""`AsyncLongmem`: the asyncio driver over the endpoint definitions `Longmem` drives.

The same methods with the same arguments, defaults, results and errors as `Longmem`,
each a coroutine: each method hands its arguments to its definition in `_endpoints` and
drives it with `_run`, each request through `_calls.Attempts` (the same key minting and
retry decisions) and the asyncio transport, each pause through `sleep` (`asyncio.sleep`
unless given). No thread per call. `longmem` imports this module, and asyncio, only when
`AsyncLongmem` is first used.
"""

from __future__ import annotations

import asyncio
import inspect  # loaded by asyncio already
import random as _random_module  # not shadowed by the `random` hook argument
import ssl
import time
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime

from . import _endpoints
from . import _validate as check
from ._async_transport import AsyncTransport
from ._calls import Attempts, Call, ClientBase, Report
from ._constants import (
    ASYNC_MAX_CONNECTIONS,
    DEFAULT_BACKOFF_BASE,
    DEFAULT_BACKOFF_CAP,
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
    SOURCE_SDK,
)
from ._typing import TYPE_CHECKING
from .errors import BatchProgress, LongmemConnectionError

if TYPE_CHECKING:
    from typing import Any, Callable, Literal, Optional, TypeVar, Union, overload

    from ._calls import Steps
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

    T = TypeVar("T")


class AsyncLongmem(ClientBase):
    """Asyncio client for the Longmem memory API (RememberOS) and the local longmem server.

    `Longmem`'s methods as coroutines, on the event loop's own sockets (keep-alive
    connections, at most `max_connections` open at once per event loop; a client may
    serve several loops). `async with AsyncLongmem() as mem:` or `await mem.close()`
    closes its connections. A cancelled call closes its connection; repeat it with the
    same `idempotency_key` to store once. The constructor does no network I/O.
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
        sleep: Callable[[float], object] = asyncio.sleep,
        random: Callable[[], float] = _random_module.random,
        clock: Callable[[], float] = time.monotonic,
        max_connections: int = ASYNC_MAX_CONNECTIONS,
    ) -> None:
        """Configure a client, as `Longmem(...)` does, with the same arguments and checks.

        `sleep(seconds)` waits between retries and `wait_for_job` polls: `asyncio.sleep`
        by default; a coroutine function, or a plain function (its result is awaited
        only if it returns an awaitable), for tests and simulations. `max_connections`
        caps the connections open at once on each event loop; callers beyond it wait
        for one to be free, within their `timeout`.
        """
        self._configure(
            api_key,
            base_url,
            timeout,
            max_retries,
            backoff_base,
            backoff_cap,
            max_retry_after,
            total_timeout,
            max_response_bytes,
            ca_file,
            ssl_context,
            {"sleep": sleep, "random": random, "clock": clock},
        )
        check.positive_int(max_connections, "max_connections")
        self._transport = AsyncTransport(
            self.base_url,
            ssl_context=ssl_context,
            ca_file=ca_file,
            max_response_bytes=max_response_bytes,
            max_connections=max_connections,
        )
        self._base_path = self._transport.base_path
        if self._transport.scheme == "https":
            # Loading the trust store takes ~20 ms: here, not inside the first call,
            # where it would stall every other task on the event loop.
            self._transport._tls_context()
        self._sleep_hook = sleep

    def __repr__(self) -> str:
        return f"AsyncLongmem(base_url={self.base_url!r})"

    async def __aenter__(self) -> AsyncLongmem:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    async def close(self) -> None:
        """Close pooled connections: idle ones now, one a call is using when that call
        is done with it (the client opens new ones if used again)."""
        await self._transport.close()

    # -- service and collections ----------------------------------------------------

    async def service_health(self) -> dict[str, Any]:
        """Check the service is up. GET /v1/memory/health → {"status": "ok", "version"}."""
        return await self._run(_endpoints.service_health())

    async def collections(self) -> list[Collection]:
        """List the tenant's collections. GET /v1/memory/collections."""
        return await self._run(_endpoints.collections())

    async def create_collection(
        self,
        name: str,
        *,
        description: Optional[str] = None,
        metadata: Optional[Mapping[str, Any]] = None,
    ) -> Collection:
        """Create a collection. POST /v1/memory/collections; ConflictError if it exists."""
        return await self._run(
            _endpoints.create_collection(name, description=description, metadata=metadata)
        )

    async def get_collection(self, name: str) -> Collection:
        """Get one collection. GET /v1/memory/collections/{name}; NotFoundError if absent."""
        return await self._run(_endpoints.get_collection(name))

    async def update_collection(
        self,
        name: str,
        *,
        description: Optional[str] = None,
        metadata: Optional[Mapping[str, Any]] = None,
    ) -> Collection:
        """Change a collection's description and/or metadata; description="" clears the
        description (None leaves it). PUT /v1/memory/collections/{name}."""
        return await self._run(
            _endpoints.update_collection(name, description=description, metadata=metadata)
        )

    async def delete_collection(self, collection: str) -> dict[str, Any]:
        """Delete a collection and all its memories. DELETE /v1/memory/collections/{c} → {}."""
        return await self._run(_endpoints.delete_collection(collection))

    # -- memories ---------------------------------------------------------------------

    async def add(
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
        return await self._run(
            _endpoints.add(
                text,
                collection=collection,
                importance=importance,
                category=category,
                metadata=metadata,
                source=source,
                container_tag=container_tag,
                idempotency_key=idempotency_key,
            )
        )

    async def add_many(
        self,
        items: Iterable[Union[str, Mapping[str, Any]]],
        *,
        collection: str = DEFAULT_COLLECTION,
        container_tag: Optional[str] = None,
        importance: float = DEFAULT_IMPORTANCE,
        category: str = DEFAULT_CATEGORY,
        source: str = SOURCE_SDK,
        idempotency_key: Optional[str] = None,
        on_progress: Optional[Callable[[BatchProgress], object]] = None,
    ) -> BatchResult:
        """Store many memories in chunks of 100. POST …/memories/batch per chunk.

        Items are strings or dicts of per-item fields (text, importance, category,
        source, metadata, container_tag) that override the call's defaults. Every item
        is checked before the first chunk is sent. Each chunk is retried on its own
        under one idempotency key, `<idempotency_key>-<offset>` (for a key so long that
        this could pass 255 characters, a digest of the key stands in for it); without
        `idempotency_key` one is minted for the call. `on_progress(progress)`, if given,
        is called after each confirmed chunk with a `BatchProgress` (by `AsyncLongmem`
        awaited when it returns an awaitable: a coroutine function). If a chunk finally
        fails, the raised error's `.progress` says what was confirmed, what is in doubt,
        and the key to repeat the call with so that nothing is stored twice. Returns
        {"created", "ids", "replayed"}: `replayed` counts the items an earlier call under
        the same key had stored already (their chunks answered from the server's record,
        `Idempotent-Replayed: true`; 0 from a server that does not say).
        """
        return await self._run(
            _endpoints.add_many(
                items,
                collection=collection,
                container_tag=container_tag,
                importance=importance,
                category=category,
                source=source,
                idempotency_key=idempotency_key,
                on_progress=on_progress,
            )
        )

    async def list_memories(
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
        return await self._run(
            _endpoints.list_memories(
                collection=collection,
                limit=limit,
                offset=offset,
                include_archived=include_archived,
                include_superseded=include_superseded,
                container_tag=container_tag,
            )
        )

    async def get(self, memory_id: str, *, collection: str = DEFAULT_COLLECTION) -> Memory:
        """Get one memory. GET …/memories/{memory_id}; NotFoundError if absent."""
        return await self._run(_endpoints.get(memory_id, collection=collection))

    async def update(
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
        return await self._run(
            _endpoints.update(
                memory_id,
                collection=collection,
                text=text,
                importance=importance,
                category=category,
                metadata=metadata,
            )
        )

    async def delete(
        self, memory_id: str, *, collection: str = DEFAULT_COLLECTION
    ) -> dict[str, Any]:
        """Delete one memory. DELETE …/memories/{memory_id} → {}."""
        return await self._run(_endpoints.delete(memory_id, collection=collection))

    async def move(
        self, memory_id: str, *, collection: str = DEFAULT_COLLECTION, to_collection: str
    ) -> dict[str, Any]:
        """Move a memory to another collection (created if needed). POST …/move → {moved, …}."""
        return await self._run(
            _endpoints.move(memory_id, collection=collection, to_collection=to_collection)
        )

    async def pin(
        self, memory_id: str, *, collection: str = DEFAULT_COLLECTION, pinned: bool = True
    ) -> Memory:
        """Pin or unpin a memory. POST …/memories/{memory_id}/pin → the memory."""
        return await self._run(_endpoints.pin(memory_id, collection=collection, pinned=pinned))

    async def archive(
        self, memory_id: str, *, collection: str = DEFAULT_COLLECTION, archived: bool = True
    ) -> Memory:
        """Archive or restore a memory. POST …/memories/{memory_id}/archive → the memory."""
        return await self._run(
            _endpoints.archive(memory_id, collection=collection, archived=archived)
        )

    async def related(
        self,
        memory_id: str,
        *,
        collection: str = DEFAULT_COLLECTION,
        limit: int = DEFAULT_RELATED_LIMIT,
        min_score: float = DEFAULT_RELATED_MIN_SCORE,
    ) -> list[SearchHit]:
        """Nearest neighbours of a memory (not itself, archived or superseded). GET …/related."""
        return await self._run(
            _endpoints.related(memory_id, collection=collection, limit=limit, min_score=min_score)
        )

    # -- search and intelligent memory ----------------------------------------------

    async def search(
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
        return await self._run(
            _endpoints.search(
                query,
                collection=collection,
                limit=limit,
                min_score=min_score,
                mode=mode,
                category=category,
                container_tag=container_tag,
                metadata_filter=metadata_filter,
                include_history=include_history,
            )
        )

    async def context(
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
        return await self._run(
            _endpoints.context(
                query,
                collection=collection,
                container_tag=container_tag,
                max_tokens=max_tokens,
                count_tokens=count_tokens,
                format=format,
                limit=limit,
                min_score=min_score,
                include_profile=include_profile,
            )
        )

    if TYPE_CHECKING:  # what `sync` decides about the result, for type checkers only

        @overload
        async def remember(
            self,
            content: Optional[str] = ...,
            *,
            messages: Optional[Sequence[Any]] = ...,
            collection: str = ...,
            sync: Literal[True] = ...,
            observed_at: Union[str, datetime, None] = ...,
            container_tag: Optional[str] = ...,
            idempotency_key: Optional[str] = ...,
        ) -> list[ExtractedFact]: ...

        @overload
        async def remember(
            self,
            content: Optional[str] = ...,
            *,
            messages: Optional[Sequence[Any]] = ...,
            collection: str = ...,
            sync: Literal[False],
            observed_at: Union[str, datetime, None] = ...,
            container_tag: Optional[str] = ...,
            idempotency_key: Optional[str] = ...,
        ) -> JobAccepted: ...

        @overload
        async def remember(
            self,
            content: Optional[str] = ...,
            *,
            messages: Optional[Sequence[Any]] = ...,
            collection: str = ...,
            sync: bool = ...,
            observed_at: Union[str, datetime, None] = ...,
            container_tag: Optional[str] = ...,
            idempotency_key: Optional[str] = ...,
        ) -> Union[list[ExtractedFact], JobAccepted]: ...

    async def remember(
        self,
        content: Optional[str] = None,
        *,
        messages: Optional[Sequence[Any]] = None,
        collection: str = DEFAULT_COLLECTION,
        sync: bool = True,
        observed_at: Union[str, datetime, None] = None,
        container_tag: Optional[str] = None,
        idempotency_key: Optional[str] = None,
    ) -> Union[list[ExtractedFact], JobAccepted]:
        """Extract facts from what the user said, superseding what they update.
        POST …/remember.

        Give `content` (text; the server splits text longer than one memory into
        statements) or `messages`, a chat conversation as OpenAI or Anthropic takes it:
        {"role", "content"} dicts or the SDKs' message objects, content as text or parts
        (only text parts are read), of which only the "user" messages become facts.
        `observed_at` is when it was said (ISO 8601 text or a datetime; default now):
        relative dates resolve against it, and a statement older than the current fact
        of its key is kept as history instead of replacing it. `container_tag` (one user
        of a shared collection) tags the facts, and they supersede and duplicate only
        memories of that tag (without one, only untagged memories). sync=True returns the
        list of extracted facts; sync=False returns {"job_id"} at once (poll with
        `get_job` or `wait_for_job`). Raises InvalidArgumentError for neither or both.
        """
        return await self._run(
            _endpoints.remember(
                content,
                messages=messages,
                collection=collection,
                sync=sync,
                observed_at=observed_at,
                container_tag=container_tag,
                idempotency_key=idempotency_key,
            )
        )

    async def get_job(self, job_id: str) -> Job:
        """State of a background remember job. GET /v1/memory/extract/job/{id}."""
        return await self._run(_endpoints.get_job(job_id))

    async def wait_for_job(
        self,
        job_id: str,
        *,
        timeout: float = DEFAULT_JOB_TIMEOUT,
        poll_interval: float = DEFAULT_JOB_POLL_INTERVAL,
    ) -> Job:
        """Poll a job until it is done or failed; LongmemTimeoutError after `timeout` seconds."""
        return await self._run(
            _endpoints.wait_for_job(
                self._clock, job_id, timeout=timeout, poll_interval=poll_interval
            )
        )

    async def forget(
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
        return await self._run(
            _endpoints.forget(
                query,
                collection=collection,
                min_score=min_score,
                limit=limit,
                dry_run=dry_run,
                container_tag=container_tag,
            )
        )

    async def dedup(
        self,
        *,
        collection: str = DEFAULT_COLLECTION,
        threshold: float = DEFAULT_DEDUP_THRESHOLD,
        dry_run: bool = DEFAULT_DRY_RUN,
    ) -> dict[str, Any]:
        """Merge near-duplicate memories. POST …/dedup → {clusters, deleted, dry_run}."""
        return await self._run(
            _endpoints.dedup(collection=collection, threshold=threshold, dry_run=dry_run)
        )

    async def contradictions(
        self,
        *,
        collection: str = DEFAULT_COLLECTION,
        limit: int = DEFAULT_CONTRADICTIONS_LIMIT,
        container_tag: Optional[str] = None,
    ) -> list[Contradiction]:
        """Pairs of {current, superseded} memories, newest first, of one tag if given.
        GET …/contradictions."""
        return await self._run(
            _endpoints.contradictions(
                collection=collection, limit=limit, container_tag=container_tag
            )
        )

    async def archive_stale(
        self,
        *,
        collection: str = DEFAULT_COLLECTION,
        older_than_days: int = DEFAULT_STALE_DAYS,
        dry_run: bool = DEFAULT_DRY_RUN,
    ) -> dict[str, Any]:
        """Archive unpinned memories not updated for N days. POST …/archive-stale."""
        return await self._run(
            _endpoints.archive_stale(
                collection=collection, older_than_days=older_than_days, dry_run=dry_run
            )
        )

    async def health(
        self, *, collection: str = DEFAULT_COLLECTION, stale_days: int = DEFAULT_STALE_DAYS
    ) -> dict[str, Any]:
        """A collection's health snapshot. GET …/health → {total, stale, expired, …}."""
        return await self._run(_endpoints.health(collection=collection, stale_days=stale_days))

    async def summary(
        self,
        *,
        collection: str = DEFAULT_COLLECTION,
        limit: int = DEFAULT_SUMMARY_LIMIT,
        container_tag: Optional[str] = None,
    ) -> dict[str, Any]:
        """A briefing of the most important memories (of one tag, if given).
        GET …/summary → {summary, themes, …}."""
        return await self._run(
            _endpoints.summary(collection=collection, limit=limit, container_tag=container_tag)
        )

    async def profile(self, collection: str, *, container_tag: Optional[str] = None) -> Profile:
        """A third-person profile from current facts and preferences (of one tag, if
        given). GET …/profile."""
        return await self._run(_endpoints.profile(collection, container_tag=container_tag))

    # -- connectors -------------------------------------------------------------------

    async def create_connection(
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
        return await self._run(
            _endpoints.create_connection(
                provider,
                name=name,
                collection=collection,
                container_tag=container_tag,
                config=config,
                credentials=credentials,
                idempotency_key=idempotency_key,
            )
        )

    async def list_connections(self) -> list[Connection]:
        """The tenant's connections (never their credentials). GET /v1/memory/connections."""
        return await self._run(_endpoints.list_connections())

    async def get_connection(self, id: str) -> Connection:
        """One connection. GET /v1/memory/connections/{id}."""
        return await self._run(_endpoints.get_connection(id))

    async def sync_connection(self, id: str) -> dict[str, Any]:
        """Sync a connection now. POST …/{id}/sync → {synced, cursor, status} or an error status."""
        return await self._run(_endpoints.sync_connection(id))

    async def connection_runs(self, id: str, *, limit: int = DEFAULT_RUNS_LIMIT) -> list[Run]:
        """Recent sync runs, newest first. GET /v1/memory/connections/{id}/runs."""
        return await self._run(_endpoints.connection_runs(id, limit=limit))

    async def delete_connection(self, id: str) -> dict[str, Any]:
        """Remove a connection; memories it synced stay. DELETE /v1/memory/connections/{id} → {}."""
        return await self._run(_endpoints.delete_connection(id))

    # -- admin and portability -------------------------------------------------------

    async def connector_health(self, *, hours: int = DEFAULT_HEALTH_HOURS) -> list[dict[str, Any]]:
        """Admin: sync health per provider. GET /v1/memory/admin/connectors/health?hours=."""
        return await self._run(_endpoints.connector_health(hours=hours))

    async def connector_status(self) -> list[dict[str, Any]]:
        """Admin: connection counts by status. GET /v1/memory/admin/connectors/status."""
        return await self._run(_endpoints.connector_status())

    async def admin_memory_health(self) -> dict[str, Any]:
        """Admin: fleet-wide memory hygiene. GET /v1/memory/admin/memory-health."""
        return await self._run(_endpoints.admin_memory_health())

    async def export_account(self) -> Export:
        """Dump the tenant's collections and memories. GET /v1/memory/admin/export."""
        return await self._run(_endpoints.export_account())

    async def import_memories(
        self,
        memories: Iterable[Mapping[str, Any]],
        *,
        collections: Optional[Iterable[Mapping[str, Any]]] = None,
        connections: Optional[Iterable[Mapping[str, Any]]] = None,
        into_collection: Optional[str] = None,
        idempotency_key: Optional[str] = None,
    ) -> ImportResult:
        """Re-ingest an export: its memories, and its collections and connections when
        given. POST /v1/memory/admin/import → {imported, skipped, collections, connections}.

        Ids are kept where the server has none such, else reassigned (links follow);
        text is re-embedded. An export carries no credentials: give them again on each
        connection (its `credentials_omitted` lists which need them).
        """
        return await self._run(
            _endpoints.import_memories(
                memories,
                collections=collections,
                connections=connections,
                into_collection=into_collection,
                idempotency_key=idempotency_key,
            )
        )

    # -- the driver -------------------------------------------------------------------

    async def _run(self, steps: Steps[T]) -> T:
        """Drive an endpoint definition: perform each step it yields, send back the answer
        (or throw in the failure, so that a definition such as add_many can add to it).
        A cancellation is not thrown in: it ends the call where it stands."""
        try:
            step = next(steps)
            while True:
                if isinstance(step, Call):
                    try:
                        answer = await self._perform(step)
                    except Exception as exc:
                        step = steps.throw(exc)
                        continue
                    step = steps.send(answer)
                elif isinstance(step, Report):
                    await _settle(step.callback(step.progress))
                    step = steps.send(None)
                else:
                    await self._sleep(step.seconds)
                    step = steps.send(None)
        except StopIteration as done:
            return done.value  # type: ignore[no-any-return]

    async def _perform(self, call: Call) -> Any:
        """One logical call: attempts, retried per the policy, until one is answered."""
        attempts = Attempts(self, call)
        while True:
            request = attempts.next()  # outside the try: its own timeout error is final
            try:
                response = await self._transport.request(*request)
            except LongmemConnectionError as exc:
                await self._sleep(attempts.failed(exc))
                continue
            delay = attempts.answered(response)
            if delay is None:
                return attempts.result(response, call)
            await self._sleep(delay)

    async def _sleep(self, seconds: float) -> None:
        await _settle(self._sleep_hook(seconds))


async def _settle(result: object) -> None:
    """Await a hook's result when it is awaitable: `sleep` and `on_progress` may be
    coroutine functions or plain ones (a plain one's result, a float or None, is dropped)."""
    if inspect.isawaitable(result):
        await result
