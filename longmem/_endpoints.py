"""What each call of the API is, written once for both clients: the endpoint definitions.

Each definition is a generator: it checks its arguments (before anything is sent), then
yields the `Call`s it makes (route, body, query, idempotency key) and receives each
answer, or yields a `Sleep` or a `Report` (progress for the caller's callback), and
returns the method's result. How a call is sent, retried and slept through is the
driver's business: `Longmem` drives a definition with blocking I/O, `AsyncLongmem` with
asyncio, and both through the same `_calls.Attempts`.
The routes are PROTOCOL.md section 3's; they are all in this file. A definition takes
every argument by name, without defaults: the defaults are the clients' signatures'.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from datetime import datetime, timezone

from . import _context
from . import _validate as check
from ._calls import Call, Report, Sleep, decode, require_positive
from ._protocol import (
    BATCH_SIZE,
    DEFAULT_SEARCH_MODE,
    JOB_FINISHED,
    MAX_IDEMPOTENCY_KEY_CHARS,
)
from ._typing import TYPE_CHECKING, cast
from .errors import (
    BatchProgress,
    InvalidArgumentError,
    LongmemAPIError,
    LongmemError,
    LongmemTimeoutError,
    NotFoundError,
    item_index,
    maybe_performed,
    no_such_route,
    with_locations,
)

if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any, Callable, Optional, Union

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

_BATCH_ITEM_FIELDS = frozenset(
    {"text", "importance", "category", "source", "metadata", "container_tag"}
)


def service_health() -> Steps[dict[str, Any]]:
    return cast("dict[str, Any]", (yield Call("GET", "/v1/memory/health")))


def collections() -> Steps[list[Collection]]:
    return cast("list[Collection]", (yield Call("GET", "/v1/memory/collections", listing=True)))


def create_collection(
    name: str,
    *,
    description: Optional[str],
    metadata: Optional[Mapping[str, Any]],
) -> Steps[Collection]:
    body = {"name": check.collection(name, "name"), **_collection_fields(description, metadata)}
    return cast("Collection", (yield Call("POST", "/v1/memory/collections", body=body)))


def get_collection(name: str) -> Steps[Collection]:
    return cast("Collection", (yield Call("GET", _collection_path(name, "name"))))


def update_collection(
    name: str,
    *,
    description: Optional[str],
    metadata: Optional[Mapping[str, Any]],
) -> Steps[Collection]:
    body = _collection_fields(description, metadata)
    if not body:
        raise InvalidArgumentError("update_collection needs description or metadata")
    return cast("Collection", (yield Call("PUT", _collection_path(name, "name"), body=body)))


def delete_collection(collection: str) -> Steps[dict[str, Any]]:
    return cast("dict[str, Any]", (yield Call("DELETE", _collection_path(collection))))


def add(
    text: str,
    *,
    collection: str,
    importance: float,
    category: str,
    metadata: Optional[Mapping[str, Any]],
    source: str,
    container_tag: Optional[str],
    idempotency_key: Optional[str],
) -> Steps[Memory]:
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
    return cast("Memory", (yield Call("POST", path, body=body, idempotency_key=key)))


def add_many(
    items: Iterable[Union[str, Mapping[str, Any]]],
    *,
    collection: str,
    container_tag: Optional[str],
    importance: float,
    category: str,
    source: str,
    idempotency_key: Optional[str],
    on_progress: Optional[Callable[[BatchProgress], object]],
) -> Steps[BatchResult]:
    """Every item checked first; then one Call per chunk of BATCH_SIZE, each answered in
    full (its replay header and whether an earlier attempt went unanswered); a chunk's
    failure is thrown in here and leaves with the progress so far."""
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
            response, sent_before, shown = yield Call(
                "POST",
                path,
                body={"memories": chunk},
                idempotency_key=f"{chunk_key}-{start}",
                full=True,
            )
            result = decode(response, "POST", shown)
            chunk_ids = result.get("ids") if isinstance(result, dict) else None
            if not isinstance(chunk_ids, list):
                raise LongmemError(f"POST {shown} answered without an ids list: {result!r}")
        except LongmemError as exc:
            in_doubt = len(chunk) if maybe_performed(exc) else 0
            # The server's 422 names an item by its place in this chunk (its body keeps
            # that, for the CLI's own renumbering); the message names the caller's item.
            error = (
                with_locations(exc, _items_location(start))
                if isinstance(exc, LongmemAPIError)
                else exc
            )
            error.progress = BatchProgress(len(ids), ids, start, in_doubt, base_key)
            if error is exc:
                raise
            raise error from None
        ids.extend(chunk_ids)
        # A replay answers from the record of an earlier request under the key: an
        # earlier call's, for certain, unless an attempt of this one went unanswered.
        if response.headers.get("Idempotent-Replayed") == "true" and not sent_before:
            replayed += len(chunk)
        if on_progress is not None:
            yield Report(on_progress, BatchProgress(len(ids), ids, start + len(chunk), 0, base_key))
    # A copy: the progress reports share `ids`, and what the caller does with the
    # result must not change them.
    return {"created": len(ids), "ids": ids[:], "replayed": replayed}


def list_memories(
    *,
    collection: str,
    limit: int,
    offset: int,
    include_archived: bool,
    include_superseded: bool,
    container_tag: Optional[str],
) -> Steps[list[Memory]]:
    query = {
        "limit": check.positive_int(limit, "limit"),
        "offset": check.non_negative_int(offset, "offset"),
        "include_archived": check.flag(include_archived, "include_archived"),
        "include_superseded": check.flag(include_superseded, "include_superseded"),
        "container_tag": check.container_tag(container_tag),
    }
    path = _collection_path(collection) + "/memories"
    return cast(
        "list[Memory]", _unwrap((yield Call("GET", path, query=query, listing=True)), "memories")
    )


def get(
    memory_id: str,
    *,
    collection: str,
) -> Steps[Memory]:
    return cast("Memory", (yield Call("GET", _memory_path(collection, memory_id))))


def update(
    memory_id: str,
    *,
    collection: str,
    text: Optional[str],
    importance: Optional[float],
    category: Optional[str],
    metadata: Optional[Mapping[str, Any]],
) -> Steps[Memory]:
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
    return cast("Memory", (yield Call("PUT", _memory_path(collection, memory_id), body=body)))


def delete(
    memory_id: str,
    *,
    collection: str,
) -> Steps[dict[str, Any]]:
    return cast("dict[str, Any]", (yield Call("DELETE", _memory_path(collection, memory_id))))


def move(
    memory_id: str,
    *,
    collection: str,
    to_collection: str,
) -> Steps[dict[str, Any]]:
    body = {"to_collection": check.collection(to_collection, "to_collection")}
    path = _memory_path(collection, memory_id) + "/move"
    return cast("dict[str, Any]", (yield Call("POST", path, body=body)))


def pin(
    memory_id: str,
    *,
    collection: str,
    pinned: bool,
) -> Steps[Memory]:
    body = {"pinned": check.flag(pinned, "pinned")}
    path = _memory_path(collection, memory_id) + "/pin"
    return cast("Memory", (yield Call("POST", path, body=body)))


def archive(
    memory_id: str,
    *,
    collection: str,
    archived: bool,
) -> Steps[Memory]:
    body = {"archived": check.flag(archived, "archived")}
    path = _memory_path(collection, memory_id) + "/archive"
    return cast("Memory", (yield Call("POST", path, body=body)))


def related(
    memory_id: str,
    *,
    collection: str,
    limit: int,
    min_score: float,
) -> Steps[list[SearchHit]]:
    query = {
        "limit": check.positive_int(limit, "limit"),
        "min_score": check.fraction(min_score, "min_score"),
    }
    path = _memory_path(collection, memory_id) + "/related"
    return cast(
        "list[SearchHit]", _unwrap((yield Call("GET", path, query=query, listing=True)), "results")
    )


def search(
    query: str,
    *,
    collection: Optional[str],
    limit: int,
    min_score: float,
    mode: str,
    category: Optional[str],
    container_tag: Optional[str],
    metadata_filter: Optional[Mapping[str, Any]],
    include_history: bool,
) -> Steps[list[SearchHit]]:
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
    path = "/v1/memory/search" if collection is None else _collection_path(collection) + "/search"
    return cast(
        "list[SearchHit]", _unwrap((yield Call("POST", path, body=body, listing=True)), "results")
    )


def context(
    query: str,
    *,
    collection: Optional[str],
    container_tag: Optional[str],
    max_tokens: int,
    count_tokens: Optional[Callable[[str], int]],
    format: str,
    limit: int,
    min_score: float,
    include_profile: bool,
) -> Steps[str]:
    """search's definition, then profile's, each driven by the same driver as this one."""
    count = _context.token_counter(count_tokens)
    budget = check.positive_int(max_tokens, "max_tokens")
    shape = _context.check_format(format)
    with_profile = check.flag(include_profile, "include_profile")
    try:
        hits = yield from search(
            query,
            collection=collection,
            limit=limit,
            min_score=min_score,
            mode=DEFAULT_SEARCH_MODE,
            category=None,
            container_tag=container_tag,
            metadata_filter=None,
            include_history=False,
        )
    except NotFoundError as exc:
        if collection is None or no_such_route(exc):
            raise  # a wrong base URL, not an empty collection
        return ""  # a collection nothing was stored in yet knows nothing
    relevant = _context.current(hits, datetime.now(timezone.utc))
    if not relevant:
        return ""
    about = ""
    if with_profile and collection is not None:
        found = yield from profile(collection, container_tag=container_tag)
        about = found.get("profile", "")
    return _context.build(relevant, about, format=shape, max_tokens=budget, count=count)


def remember(
    content: Optional[str],
    *,
    messages: Optional[Sequence[Any]],
    collection: str,
    sync: bool,
    observed_at: Union[str, datetime, None],
    container_tag: Optional[str],
    idempotency_key: Optional[str],
) -> Steps[Union[list[ExtractedFact], JobAccepted]]:
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
    result = yield Call(
        "POST", path, query=query, body=body, idempotency_key=key, listing=bool(sync)
    )
    if sync:
        return cast("list[ExtractedFact]", _unwrap(result, "facts"))
    return cast("JobAccepted", result)


def get_job(job_id: str) -> Steps[Job]:
    path = "/v1/memory/extract/job/" + check.segment(check.identifier(job_id, "job_id"))
    return cast("Job", (yield Call("GET", path)))


def wait_for_job(
    clock: Callable[[], float],
    job_id: str,
    *,
    timeout: float,
    poll_interval: float,
) -> Steps[Job]:
    """get_job's definition until the job is finished, a Sleep between polls; `clock` is
    the client's, so a test's clock and sleep run the polling without waiting."""
    require_positive(timeout, "timeout")
    require_positive(poll_interval, "poll_interval")
    deadline = clock() + timeout
    while True:
        job = yield from get_job(job_id)
        if job.get("status") in JOB_FINISHED:
            return job
        remaining = deadline - clock()
        if remaining <= 0:
            raise LongmemTimeoutError(
                f"job {job_id} still {job.get('status')!r} after {timeout:g}s"
            )
        yield Sleep(min(poll_interval, remaining))


def forget(
    query: str,
    *,
    collection: str,
    min_score: float,
    limit: int,
    dry_run: bool,
    container_tag: Optional[str],
) -> Steps[dict[str, Any]]:
    body: dict[str, Any] = {
        "query": check.text(query, "query"),
        "min_score": check.fraction(min_score, "min_score"),
        "limit": check.positive_int(limit, "limit"),
        "dry_run": check.flag(dry_run, "dry_run"),
    }
    if container_tag is not None:
        body["container_tag"] = check.container_tag(container_tag)
    path = _collection_path(collection) + "/forget"
    return cast("dict[str, Any]", (yield Call("POST", path, body=body)))


def dedup(
    *,
    collection: str,
    threshold: float,
    dry_run: bool,
) -> Steps[dict[str, Any]]:
    body = {
        "threshold": check.fraction(threshold, "threshold"),
        "dry_run": check.flag(dry_run, "dry_run"),
    }
    path = _collection_path(collection) + "/dedup"
    return cast("dict[str, Any]", (yield Call("POST", path, body=body)))


def contradictions(
    *,
    collection: str,
    limit: int,
    container_tag: Optional[str],
) -> Steps[list[Contradiction]]:
    query = {
        "limit": check.positive_int(limit, "limit"),
        "container_tag": check.container_tag(container_tag),
    }
    path = _collection_path(collection) + "/contradictions"
    return cast(
        "list[Contradiction]",
        _unwrap((yield Call("GET", path, query=query, listing=True)), "contradictions"),
    )


def archive_stale(
    *,
    collection: str,
    older_than_days: int,
    dry_run: bool,
) -> Steps[dict[str, Any]]:
    body = {
        "older_than_days": check.positive_int(older_than_days, "older_than_days"),
        "dry_run": check.flag(dry_run, "dry_run"),
    }
    path = _collection_path(collection) + "/archive-stale"
    return cast("dict[str, Any]", (yield Call("POST", path, body=body)))


def health(
    *,
    collection: str,
    stale_days: int,
) -> Steps[dict[str, Any]]:
    query = {"stale_days": check.positive_int(stale_days, "stale_days")}
    path = _collection_path(collection) + "/health"
    return cast("dict[str, Any]", (yield Call("GET", path, query=query)))


def summary(
    *,
    collection: str,
    limit: int,
    container_tag: Optional[str],
) -> Steps[dict[str, Any]]:
    query = {
        "limit": check.positive_int(limit, "limit"),
        "container_tag": check.container_tag(container_tag),
    }
    path = _collection_path(collection) + "/summary"
    return cast("dict[str, Any]", (yield Call("GET", path, query=query)))


def profile(
    collection: str,
    *,
    container_tag: Optional[str],
) -> Steps[Profile]:
    query = {"container_tag": check.container_tag(container_tag)}
    path = _collection_path(collection) + "/profile"
    return cast("Profile", (yield Call("GET", path, query=query)))


def create_connection(
    provider: str,
    *,
    name: Optional[str],
    collection: str,
    container_tag: Optional[str],
    config: Optional[Mapping[str, Any]],
    credentials: Optional[Mapping[str, Any]],
    idempotency_key: Optional[str],
) -> Steps[Connection]:
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
        (yield Call("POST", "/v1/memory/connections", body=body, idempotency_key=key)),
    )


def list_connections() -> Steps[list[Connection]]:
    return cast(
        "list[Connection]",
        _unwrap((yield Call("GET", "/v1/memory/connections", listing=True)), "connections"),
    )


def get_connection(id: str) -> Steps[Connection]:
    return cast("Connection", (yield Call("GET", _connection_path(id))))


def sync_connection(id: str) -> Steps[dict[str, Any]]:
    return cast("dict[str, Any]", (yield Call("POST", _connection_path(id) + "/sync")))


def connection_runs(
    id: str,
    *,
    limit: int,
) -> Steps[list[Run]]:
    query = {"limit": check.positive_int(limit, "limit")}
    result = yield Call("GET", _connection_path(id) + "/runs", query=query, listing=True)
    return cast("list[Run]", _unwrap(result, "runs"))


def delete_connection(id: str) -> Steps[dict[str, Any]]:
    return cast("dict[str, Any]", (yield Call("DELETE", _connection_path(id))))


def connector_health(
    *,
    hours: int,
) -> Steps[list[dict[str, Any]]]:
    query = {"hours": check.positive_int(hours, "hours")}
    result = yield Call("GET", "/v1/memory/admin/connectors/health", query=query, listing=True)
    return cast("list[dict[str, Any]]", _unwrap(result, "providers"))


def connector_status() -> Steps[list[dict[str, Any]]]:
    result = yield Call("GET", "/v1/memory/admin/connectors/status", listing=True)
    return cast("list[dict[str, Any]]", _unwrap(result, "statuses"))


def admin_memory_health() -> Steps[dict[str, Any]]:
    return cast("dict[str, Any]", (yield Call("GET", "/v1/memory/admin/memory-health")))


def export_account() -> Steps[Export]:
    return cast("Export", (yield Call("GET", "/v1/memory/admin/export")))


def import_memories(
    memories: Iterable[Mapping[str, Any]],
    *,
    collections: Optional[Iterable[Mapping[str, Any]]],
    connections: Optional[Iterable[Mapping[str, Any]]],
    into_collection: Optional[str],
    idempotency_key: Optional[str],
) -> Steps[ImportResult]:
    items = _dict_list(memories, "memories")
    body: dict[str, Any] = {"memories": items}
    if collections is not None:
        body["collections"] = _dict_list(collections, "collections")
    if connections is not None:
        body["connections"] = _dict_list(connections, "connections")
    if into_collection is not None:
        body["into_collection"] = check.collection(into_collection, "into_collection")
    key = check.idempotency_key(idempotency_key)
    return cast(
        "ImportResult",
        (yield Call("POST", "/v1/memory/admin/import", body=body, idempotency_key=key)),
    )


# -- helpers ---------------------------------------------------------------------------


def _collection_path(collection: str, argument: str = "collection") -> str:
    return "/v1/memory/collections/" + check.segment(check.collection(collection, argument))


def _memory_path(collection: str, memory_id: str) -> str:
    memory_segment = check.segment(check.identifier(memory_id, "memory_id"))
    return f"{_collection_path(collection)}/memories/{memory_segment}"


def _connection_path(connection_id: str) -> str:
    return "/v1/memory/connections/" + check.segment(check.identifier(connection_id, "id"))


def _unwrap(result: Any, key: str) -> Any:
    """The protocol wraps some lists ({"results": [...]}); accept a bare list too. Every
    item must be an object: the SDK and its callers read items' fields."""
    items = result.get(key) if isinstance(result, dict) else result
    if not isinstance(items, list):
        raise LongmemError(
            f"expected a list or an object with {key!r}, got {type(result).__name__}"
        )
    odd = next((item for item in items if not isinstance(item, dict)), None)
    if odd is not None or any(item is None for item in items):
        raise LongmemError(
            f"expected a list of objects for {key!r}, got one holding {type(odd).__name__}"
        )
    return items


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


def _items_location(start: int) -> Callable[[list[Any]], Optional[str]]:
    """Names a 422 location in a chunk from `start` (`body.memories.30.text`) as the
    caller's item (`items[230].text`), as the checks before sending do."""

    def name(loc: list[Any]) -> Optional[str]:
        index = item_index(loc, "memories")
        if index is None:
            return None
        return f"items[{start + index}]" + "".join(f".{part}" for part in loc[3:])

    return name


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
        # None leaves the description as it is, so "" is how to clear it: sent as null,
        # which the protocol reads as "clear it", and which a new collection has too.
        fields["description"] = _optional_str(description, "description") or None
    if metadata is not None:
        fields["metadata"] = check.json_object(metadata, "metadata")
    return fields


def _optional_str(value: Any, name: str) -> str:
    if not isinstance(value, str):
        raise InvalidArgumentError(f"{name} must be a string, got {type(value).__name__}")
    return value
