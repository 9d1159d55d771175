"""Arguments are checked before anything is sent.

A bad argument raises `longmem.InvalidArgumentError`, which is both a `LongmemError`
and a `ValueError`, and whose message starts with the argument's name and says what
was wrong; the server never sees a request. The client checks types, required values
and obvious minimums only: values past the local server's maxima, and collection names
outside its character set, are sent for the server to judge (its refusals are tested in
tests/server/test_validation.py, and through the client in tests/test_protocol.py).
Bad constructor settings raise
`InvalidArgumentError` too, at once, and never echo the API key; a missing API key is
missing configuration, not a bad value, and raises a plain `LongmemError`.
"""

from __future__ import annotations

import contextlib
import json
import re
import ssl
import sys
from collections.abc import Iterator
from typing import Any, Callable

import pytest

from longmem import InvalidArgumentError, Longmem, LongmemError

from .servers import Recorded, Reply, ScriptedServer

Call = Callable[[Longmem], Any]
CallWith = Callable[[Longmem, Any], Any]

SECRET = "sk-SECRET-123"


# -- one loopback server for the module, seen by each test as if it were fresh ---------------


class ServerWindow:
    """The shared server as one test sees it: only the requests sent since the test began.

    Starting a server per test costs ~50 ms at teardown; hundreds of cases share one.
    """

    def __init__(self, shared: ScriptedServer) -> None:
        self._shared = shared
        self._start = len(shared.requests)
        self.url = shared.url

    @property
    def requests(self) -> list[Recorded]:
        return self._shared.requests[self._start :]

    def script(self, *actions: Reply) -> None:
        self._shared.script(*actions)


@pytest.fixture(scope="module")
def shared_server() -> Iterator[ScriptedServer]:
    with ScriptedServer() as srv:
        yield srv
    assert not srv.errors, f"server handler errors: {srv.errors!r}"


@pytest.fixture
def server(shared_server: ScriptedServer) -> Iterator[ServerWindow]:
    """Overrides conftest's `server`, so conftest's `client` points at the shared server."""
    yield ServerWindow(shared_server)
    assert shared_server.pending == 0, "a scripted reply was left unconsumed"


@pytest.fixture(autouse=True)
def _no_longmem_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """The caller's LONGMEM_* variables must not leak into these tests."""
    monkeypatch.delenv("LONGMEM_API_KEY", raising=False)
    monkeypatch.delenv("LONGMEM_BASE_URL", raising=False)


def assert_rejected(server: ServerWindow, client: Longmem, call: Call, match: str) -> None:
    """`call` raises InvalidArgumentError matching `match`, and nothing reaches the server."""
    with pytest.raises(InvalidArgumentError, match=match) as info:
        call(client)
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, LongmemError)
    assert server.requests == []


def sent(server: ServerWindow) -> Recorded:
    """The one request the test sent."""
    [request] = server.requests
    return request


def metadata_of_size(n_bytes: int) -> dict[str, str]:
    """Metadata whose compact UTF-8 JSON is exactly `n_bytes`, almost all 3-byte "€"s,
    so it holds about a third as many characters as bytes."""
    euros, rest = divmod(n_bytes - len(b'{"k":""}'), 3)
    metadata = {"k": "€" * euros + "x" * rest}
    encoded = json.dumps(metadata, ensure_ascii=False, separators=(",", ":")).encode()
    assert len(encoded) == n_bytes
    assert len(encoded.decode()) < n_bytes * 0.4
    return metadata


# -- text, query and content --------------------------------------------------------------

TEXT_ARGUMENTS = [
    pytest.param(lambda m, v: m.add(v), "text", id="add.text"),
    pytest.param(lambda m, v: m.update("mem_1", text=v), "text", id="update.text"),
    pytest.param(lambda m, v: m.add_many(["ok", v]), r"items\[1\]", id="add_many.items[1]"),
    pytest.param(
        lambda m, v: m.add_many([{"text": v}]), r"items\[0\]\.text", id="add_many.items[0].text"
    ),
    pytest.param(lambda m, v: m.search(v), "query", id="search.query"),
    pytest.param(lambda m, v: m.forget(v), "query", id="forget.query"),
    pytest.param(lambda m, v: m.remember(v), "content", id="remember.content"),
]
BAD_TEXTS = [
    pytest.param("", "must not be empty", id="empty"),
    pytest.param(" \t\n ", "must not be empty", id="whitespace"),
    pytest.param("\ud800", "must be valid Unicode text", id="lone-surrogate"),
    pytest.param(42, "must be a string", id="int"),
    pytest.param(b"bytes", "must be a string", id="bytes"),
]


@pytest.mark.parametrize(("value", "problem"), BAD_TEXTS)
@pytest.mark.parametrize(("call", "name"), TEXT_ARGUMENTS)
def test_bad_text_is_rejected(
    server: ServerWindow, client: Longmem, call: CallWith, name: str, value: Any, problem: str
) -> None:
    assert_rejected(server, client, lambda m: call(m, value), rf"^{name} {problem}")


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        pytest.param("I like tea", r"messages must be a list of messages, got str", id="str"),
        pytest.param(
            {"role": "user", "content": "hi"},
            r"messages must be a list of messages, got dict",
            id="one-message",
        ),
        pytest.param([], r"messages must not be empty", id="empty"),
        pytest.param(
            ["hi"],
            r"messages\[0\] must be a dict with role and content, or a chat SDK's message "
            r"object, got str",
            id="str-item",
        ),
        pytest.param(
            [object()],
            r"messages\[0\] must be a dict with role and content, .* got object",
            id="object-without-role",
        ),
        pytest.param(
            [{"role": "user", "content": "hi"}, {"content": "hi"}],
            r"messages\[1\]\.role must be a non-empty string, got None",
            id="no-role",
        ),
        pytest.param([{"role": "user"}], r"messages\[0\]\.content is required", id="no-content"),
        pytest.param(
            [{"role": "user", "content": 5}],
            r"messages\[0\]\.content must be a string, None or a list of content parts, got 5",
            id="int-content",
        ),
        pytest.param(
            [{"role": "user", "content": {"type": "text", "text": "hi"}}],
            r"messages\[0\]\.content must be a string, None or a list of content parts",
            id="one-part-not-in-a-list",
        ),
        pytest.param(
            [{"role": "user", "content": ["hi"]}],
            r"messages\[0\]\.content\[0\] must be a content part with a type, got 'hi'",
            id="str-part",
        ),
        pytest.param(
            [{"role": "user", "content": [{"type": "text", "text": None}]}],
            r"messages\[0\]\.content\[0\]\.text must be a string, got None",
            id="text-part-without-text",
        ),
        pytest.param(
            [{"role": "user", "content": [{"type": "text", "text": "a\ud800"}]}],
            r"messages\[0\]\.content\[0\]\.text must be valid Unicode text",
            id="surrogate-in-a-part",
        ),
        pytest.param(
            [{"role": "user", "content": "a\ud800"}],
            r"messages\[0\]\.content must be valid Unicode text",
            id="surrogate",
        ),
    ],
)
def test_bad_conversation_is_rejected(
    server: ServerWindow, client: Longmem, value: Any, problem: str
) -> None:
    assert_rejected(server, client, lambda m: m.remember(messages=value), rf"^{problem}")


@pytest.mark.parametrize(
    "call",
    [
        pytest.param(lambda m: m.remember(), id="neither"),
        pytest.param(
            lambda m: m.remember("hi", messages=[{"role": "user", "content": "hi"}]), id="both"
        ),
    ],
)
def test_remember_takes_content_or_messages(
    server: ServerWindow, client: Longmem, call: Call
) -> None:
    assert_rejected(
        server, client, call, r"^remember takes content \(text\) or messages \(a conversation\)"
    )


# -- importance, min_score and threshold ----------------------------------------------------

FRACTION_ARGUMENTS = [
    pytest.param(lambda m, v: m.add("t", importance=v), "importance", id="add.importance"),
    pytest.param(
        lambda m, v: m.add_many(["t"], importance=v), "importance", id="add_many.importance"
    ),
    pytest.param(
        lambda m, v: m.add_many([{"text": "t", "importance": v}]),
        r"items\[0\]\.importance",
        id="add_many.items[0].importance",
    ),
    pytest.param(
        lambda m, v: m.update("mem_1", importance=v), "importance", id="update.importance"
    ),
    pytest.param(lambda m, v: m.search("q", min_score=v), "min_score", id="search.min_score"),
    pytest.param(lambda m, v: m.related("mem_1", min_score=v), "min_score", id="related.min_score"),
    pytest.param(lambda m, v: m.forget("q", min_score=v), "min_score", id="forget.min_score"),
    pytest.param(lambda m, v: m.dedup(threshold=v), "threshold", id="dedup.threshold"),
]
BAD_FRACTIONS = [
    pytest.param(-0.01, "must be from 0 to 1, got -0.01", id="below-0"),
    pytest.param(1.01, "must be from 0 to 1, got 1.01", id="above-1"),
    pytest.param(2, "must be from 0 to 1, got 2", id="int-2"),
    pytest.param(float("inf"), "must be from 0 to 1, got inf", id="inf"),
    pytest.param(float("nan"), "must be a number from 0 to 1, got nan", id="nan"),
    pytest.param(True, "must be a number from 0 to 1, got True", id="bool"),
    pytest.param("0.5", "must be a number from 0 to 1, got '0.5'", id="string"),
]


@pytest.mark.parametrize(("value", "problem"), BAD_FRACTIONS)
@pytest.mark.parametrize(("call", "name"), FRACTION_ARGUMENTS)
def test_number_outside_0_to_1_is_rejected(
    server: ServerWindow, client: Longmem, call: CallWith, name: str, value: Any, problem: str
) -> None:
    assert_rejected(server, client, lambda m: call(m, value), rf"^{name} {re.escape(problem)}$")


# -- limit, offset and day counts ----------------------------------------------------------

LIMITED_CALLS: list[tuple[str, CallWith, int]] = [
    ("list_memories", lambda m, v: m.list_memories(limit=v), 200),
    ("search", lambda m, v: m.search("q", limit=v), 100),
    ("related", lambda m, v: m.related("mem_1", limit=v), 100),
    ("forget", lambda m, v: m.forget("q", limit=v), 200),
    ("contradictions", lambda m, v: m.contradictions(limit=v), 200),
    ("summary", lambda m, v: m.summary(limit=v), 200),
    ("connection_runs", lambda m, v: m.connection_runs("conn_1", limit=v), 200),
]
BAD_LIMITS = [
    pytest.param(call, value, problem, id=f"{method}-{value!r}")
    for method, call, _ in LIMITED_CALLS
    for value, problem in [
        (0, "must be at least 1, got 0"),
        (-1, "must be at least 1, got -1"),
        (5.0, "must be a whole number, got 5.0"),
        (True, "must be a whole number, got True"),
        ("5", "must be a whole number, got '5'"),
    ]
]


@pytest.mark.parametrize(("call", "value", "problem"), BAD_LIMITS)
def test_limit_outside_its_range_is_rejected(
    server: ServerWindow, client: Longmem, call: CallWith, value: Any, problem: str
) -> None:
    assert_rejected(server, client, lambda m: call(m, value), rf"^limit {re.escape(problem)}$")


@pytest.mark.parametrize("value", [-1, 1.5, True, "0", None])
def test_negative_or_non_integer_offset_is_rejected(
    server: ServerWindow, client: Longmem, value: Any
) -> None:
    assert_rejected(
        server,
        client,
        lambda m: m.list_memories(offset=value),
        rf"^offset must be a whole number of 0 or more, got {re.escape(repr(value))}$",
    )


DAY_COUNTS = [
    pytest.param(
        lambda m, v: m.archive_stale(older_than_days=v), "older_than_days", id="older_than_days"
    ),
    pytest.param(lambda m, v: m.health(stale_days=v), "stale_days", id="stale_days"),
    pytest.param(lambda m, v: m.connector_health(hours=v), "hours", id="hours"),
]


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        pytest.param(0, "must be at least 1, got 0", id="0"),
        pytest.param(-3, "must be at least 1, got -3", id="negative"),
        pytest.param(1.5, "must be a whole number, got 1.5", id="float"),
        pytest.param(True, "must be a whole number, got True", id="bool"),
    ],
)
@pytest.mark.parametrize(("call", "name"), DAY_COUNTS)
def test_non_positive_or_non_integer_day_or_hour_count_is_rejected(
    server: ServerWindow, client: Longmem, call: CallWith, name: str, value: Any, problem: str
) -> None:
    assert_rejected(server, client, lambda m: call(m, value), rf"^{name} {re.escape(problem)}$")


@pytest.mark.parametrize("value", [0, -1, float("nan"), True, "1"])
@pytest.mark.parametrize("name", ["timeout", "poll_interval"])
def test_wait_for_job_rejects_a_non_positive_timeout_or_interval(
    server: ServerWindow, client: Longmem, name: str, value: Any
) -> None:
    assert_rejected(
        server,
        client,
        lambda m: m.wait_for_job("job_1", **{name: value}),
        rf"^{name} must be a positive number of seconds, got {re.escape(repr(value))}$",
    )


# -- search mode --------------------------------------------------------------------------


@pytest.mark.parametrize("mode", ["", None, ["hybrid"]])
def test_empty_or_non_string_search_mode_is_rejected(
    server: ServerWindow, client: Longmem, mode: Any
) -> None:
    assert_rejected(
        server,
        client,
        lambda m: m.search("q", mode=mode),
        rf"^mode must be a non-empty string, got {re.escape(repr(mode))}$",
    )


# -- collection names ---------------------------------------------------------------------

# Every argument naming a collection, with the name the error message gives it.
COLLECTION_ARGUMENTS = [
    pytest.param(lambda m, v: m.add("t", collection=v), "collection", id="add"),
    pytest.param(lambda m, v: m.add_many(["t"], collection=v), "collection", id="add_many"),
    pytest.param(lambda m, v: m.list_memories(collection=v), "collection", id="list_memories"),
    pytest.param(lambda m, v: m.get("mem_1", collection=v), "collection", id="get"),
    pytest.param(lambda m, v: m.update("mem_1", collection=v, text="t"), "collection", id="update"),
    pytest.param(lambda m, v: m.delete("mem_1", collection=v), "collection", id="delete"),
    pytest.param(
        lambda m, v: m.move("mem_1", collection=v, to_collection="b"), "collection", id="move"
    ),
    pytest.param(
        lambda m, v: m.move("mem_1", to_collection=v), "to_collection", id="move.to_collection"
    ),
    pytest.param(lambda m, v: m.pin("mem_1", collection=v), "collection", id="pin"),
    pytest.param(lambda m, v: m.archive("mem_1", collection=v), "collection", id="archive"),
    pytest.param(lambda m, v: m.related("mem_1", collection=v), "collection", id="related"),
    pytest.param(lambda m, v: m.search("q", collection=v), "collection", id="search"),
    pytest.param(lambda m, v: m.remember("c", collection=v), "collection", id="remember"),
    pytest.param(lambda m, v: m.forget("q", collection=v), "collection", id="forget"),
    pytest.param(lambda m, v: m.dedup(collection=v), "collection", id="dedup"),
    pytest.param(lambda m, v: m.contradictions(collection=v), "collection", id="contradictions"),
    pytest.param(lambda m, v: m.archive_stale(collection=v), "collection", id="archive_stale"),
    pytest.param(lambda m, v: m.health(collection=v), "collection", id="health"),
    pytest.param(lambda m, v: m.summary(collection=v), "collection", id="summary"),
    pytest.param(lambda m, v: m.profile(v), "collection", id="profile"),
    pytest.param(
        lambda m, v: m.create_connection("rss", collection=v), "collection", id="create_connection"
    ),
    pytest.param(lambda m, v: m.create_collection(v), "name", id="create_collection.name"),
    pytest.param(lambda m, v: m.get_collection(v), "name", id="get_collection"),
    pytest.param(
        lambda m, v: m.update_collection(v, description="d"), "name", id="update_collection"
    ),
    pytest.param(lambda m, v: m.delete_collection(v), "collection", id="delete_collection"),
    pytest.param(
        lambda m, v: m.import_memories([{"text": "t"}], into_collection=v),
        "into_collection",
        id="import_memories.into_collection",
    ),
]
BAD_COLLECTIONS = [
    pytest.param("", "must not be empty$", id="empty"),
    pytest.param(7, "must be a string, got int$", id="int"),
    pytest.param(b"notes", "must be a string, got bytes$", id="bytes"),
    pytest.param("a\udc80", "must be valid Unicode text", id="lone-surrogate"),
]


@pytest.mark.parametrize(("value", "problem"), BAD_COLLECTIONS)
@pytest.mark.parametrize(("call", "name"), COLLECTION_ARGUMENTS)
def test_bad_collection_name_is_rejected(
    server: ServerWindow, client: Longmem, call: CallWith, name: str, value: Any, problem: str
) -> None:
    assert_rejected(server, client, lambda m: call(m, value), rf"^{name} {problem}")


@pytest.mark.parametrize(
    "call",
    [
        pytest.param(lambda m: m.get_collection(""), id="get_collection"),
        pytest.param(lambda m: m.update_collection("", description="d"), id="update_collection"),
    ],
)
def test_get_and_update_collection_errors_name_the_name_argument(
    server: ServerWindow, client: Longmem, call: Call
) -> None:
    assert_rejected(server, client, call, r"^name must not be empty$")


# -- flags --------------------------------------------------------------------------------

FLAG_ARGUMENTS = [
    pytest.param(
        lambda m, v: m.list_memories(include_archived=v), "include_archived", id="include_archived"
    ),
    pytest.param(
        lambda m, v: m.search("q", include_history=v), "include_history", id="include_history"
    ),
    pytest.param(lambda m, v: m.pin("mem_1", pinned=v), "pinned", id="pinned"),
    pytest.param(lambda m, v: m.archive("mem_1", archived=v), "archived", id="archived"),
    pytest.param(lambda m, v: m.remember("c", sync=v), "sync", id="sync"),
    pytest.param(lambda m, v: m.dedup(dry_run=v), "dry_run", id="dedup.dry_run"),
    pytest.param(lambda m, v: m.archive_stale(dry_run=v), "dry_run", id="archive_stale.dry_run"),
    pytest.param(lambda m, v: m.forget("q", dry_run=v), "dry_run", id="forget.dry_run"),
    pytest.param(
        lambda m, v: m.list_memories(include_superseded=v),
        "include_superseded",
        id="include_superseded",
    ),
]


@pytest.mark.parametrize("value", ["false", "yes", 1, 0, None])
@pytest.mark.parametrize(("call", "name"), FLAG_ARGUMENTS)
def test_non_bool_flag_is_rejected(
    server: ServerWindow, client: Longmem, call: CallWith, name: str, value: Any
) -> None:
    assert_rejected(
        server,
        client,
        lambda m: call(m, value),
        rf"^{name} must be True or False, got {re.escape(repr(value))}$",
    )


# -- container_tag, category and source -----------------------------------------------------

CONTAINER_TAG_ARGUMENTS = [
    pytest.param(lambda m, v: m.add("t", container_tag=v), "container_tag", id="add"),
    pytest.param(lambda m, v: m.add_many(["t"], container_tag=v), "container_tag", id="add_many"),
    pytest.param(
        lambda m, v: m.add_many([{"text": "t", "container_tag": v}]),
        r"items\[0\]\.container_tag",
        id="add_many.items[0]",
    ),
    pytest.param(lambda m, v: m.search("q", container_tag=v), "container_tag", id="search"),
    pytest.param(
        lambda m, v: m.list_memories(container_tag=v), "container_tag", id="list_memories"
    ),
    pytest.param(lambda m, v: m.remember("c", container_tag=v), "container_tag", id="remember"),
    pytest.param(lambda m, v: m.forget("q", container_tag=v), "container_tag", id="forget"),
    pytest.param(lambda m, v: m.profile("c", container_tag=v), "container_tag", id="profile"),
    pytest.param(lambda m, v: m.summary(container_tag=v), "container_tag", id="summary"),
    pytest.param(
        lambda m, v: m.contradictions(container_tag=v), "container_tag", id="contradictions"
    ),
    pytest.param(
        lambda m, v: m.create_connection("rss", container_tag=v),
        "container_tag",
        id="create_connection",
    ),
]


@pytest.mark.parametrize("value", ["", 5], ids=["empty", "int"])
@pytest.mark.parametrize(("call", "name"), CONTAINER_TAG_ARGUMENTS)
def test_bad_container_tag_is_rejected(
    server: ServerWindow, client: Longmem, call: CallWith, name: str, value: Any
) -> None:
    assert_rejected(
        server,
        client,
        lambda m: call(m, value),
        rf"^{name} must be None or a non-empty string, got {re.escape(repr(value))}$",
    )


CATEGORY_ARGUMENTS = [
    pytest.param(lambda m, v: m.add("t", category=v), "category", id="add"),
    pytest.param(lambda m, v: m.add_many(["t"], category=v), "category", id="add_many"),
    pytest.param(
        lambda m, v: m.add_many([{"text": "t", "category": v}]),
        r"items\[0\]\.category",
        id="add_many.items[0]",
    ),
    pytest.param(lambda m, v: m.update("mem_1", category=v), "category", id="update"),
    pytest.param(lambda m, v: m.search("q", category=v), "category", id="search"),
]


@pytest.mark.parametrize("value", ["", 5], ids=["empty", "int"])
@pytest.mark.parametrize(("call", "name"), CATEGORY_ARGUMENTS)
def test_bad_category_is_rejected(
    server: ServerWindow, client: Longmem, call: CallWith, name: str, value: Any
) -> None:
    assert_rejected(
        server,
        client,
        lambda m: call(m, value),
        rf"^{name} must be a non-empty string, got {re.escape(repr(value))}$",
    )


SOURCE_ARGUMENTS = [
    pytest.param(lambda m, v: m.add("t", source=v), "source", id="add"),
    pytest.param(lambda m, v: m.add_many(["t"], source=v), "source", id="add_many"),
    pytest.param(
        lambda m, v: m.add_many([{"text": "t", "source": v}]),
        r"items\[0\]\.source",
        id="add_many.items[0]",
    ),
]


@pytest.mark.parametrize("value", ["", None, 5], ids=["empty", "None", "int"])
@pytest.mark.parametrize(("call", "name"), SOURCE_ARGUMENTS)
def test_bad_source_is_rejected(
    server: ServerWindow, client: Longmem, call: CallWith, name: str, value: Any
) -> None:
    assert_rejected(
        server,
        client,
        lambda m: call(m, value),
        rf"^{name} must be a non-empty string, got {re.escape(repr(value))}$",
    )


@pytest.mark.parametrize(
    ("call", "name"),
    [
        pytest.param(lambda m: m.create_collection("c", description=5), "description", id="c-d"),
        pytest.param(lambda m: m.update_collection("c", description=5), "description", id="u-d"),
        pytest.param(lambda m: m.create_connection("rss", name=5), "name", id="connection-name"),
    ],
)
def test_non_string_description_or_connection_name_is_rejected(
    server: ServerWindow, client: Longmem, call: Call, name: str
) -> None:
    assert_rejected(server, client, call, rf"^{name} must be a string, got int$")


# -- metadata and other JSON objects --------------------------------------------------------

# Arguments the local server limits to 16 KiB of encoded JSON, then the other JSON objects.
METADATA_ARGUMENTS = [
    pytest.param(lambda m, v: m.add("t", metadata=v), "metadata", id="add"),
    pytest.param(lambda m, v: m.update("mem_1", metadata=v), "metadata", id="update"),
    pytest.param(lambda m, v: m.create_collection("c", metadata=v), "metadata", id="create_coll"),
    pytest.param(lambda m, v: m.update_collection("c", metadata=v), "metadata", id="update_coll"),
    pytest.param(
        lambda m, v: m.add_many([{"text": "t", "metadata": v}]),
        r"items\[0\]\.metadata",
        id="add_many.items[0]",
    ),
    pytest.param(
        lambda m, v: m.search("q", metadata_filter=v), "metadata_filter", id="metadata_filter"
    ),
]
JSON_OBJECT_ARGUMENTS = [
    *METADATA_ARGUMENTS,
    pytest.param(lambda m, v: m.create_connection("rss", config=v), "config", id="config"),
    pytest.param(
        lambda m, v: m.create_connection("rss", credentials=v), "credentials", id="credentials"
    ),
]
NOT_JSON = re.escape("must be JSON-serialisable with string keys (")
STRING_KEYS = "must have string keys at every level, found "
BAD_JSON_OBJECTS = [
    pytest.param(["a"], "must be a dict, got list", id="list"),
    pytest.param("k=v", "must be a dict, got str", id="string"),
    pytest.param({"tags": {"a", "b"}}, NOT_JSON, id="set-value"),
    pytest.param({"when": object()}, NOT_JSON, id="object-value"),
    pytest.param({"score": float("nan")}, NOT_JSON, id="nan-value"),
    pytest.param({"score": float("inf")}, NOT_JSON, id="inf-value"),
    pytest.param({(1, 2): "pair"}, STRING_KEYS + re.escape("(1, 2)"), id="tuple-key"),
    pytest.param({1: "one"}, STRING_KEYS + "1$", id="int-key"),
    pytest.param({None: "x"}, STRING_KEYS + "'None'$", id="none-key"),
    pytest.param({"a": [{"b": {2: "x"}}]}, STRING_KEYS + "2$", id="nested-int-key"),
]


@pytest.mark.parametrize(("value", "problem"), BAD_JSON_OBJECTS)
@pytest.mark.parametrize(("call", "name"), JSON_OBJECT_ARGUMENTS)
def test_bad_json_object_is_rejected(
    server: ServerWindow, client: Longmem, call: CallWith, name: str, value: Any, problem: str
) -> None:
    assert_rejected(server, client, lambda m: call(m, value), rf"^{name} {problem}")


def test_nested_non_string_metadata_key_is_rejected(server: ServerWindow, client: Longmem) -> None:
    assert_rejected(server, client, lambda m: m.add("t", metadata={"a": {1: "one"}}), r"^metadata ")


# -- ids ----------------------------------------------------------------------------------

ID_ARGUMENTS = [
    pytest.param(lambda m, v: m.get(v), "memory_id", id="get"),
    pytest.param(lambda m, v: m.update(v, text="t"), "memory_id", id="update"),
    pytest.param(lambda m, v: m.delete(v), "memory_id", id="delete"),
    pytest.param(lambda m, v: m.move(v, to_collection="b"), "memory_id", id="move"),
    pytest.param(lambda m, v: m.pin(v), "memory_id", id="pin"),
    pytest.param(lambda m, v: m.archive(v), "memory_id", id="archive"),
    pytest.param(lambda m, v: m.related(v), "memory_id", id="related"),
    pytest.param(lambda m, v: m.get_job(v), "job_id", id="get_job"),
    pytest.param(lambda m, v: m.wait_for_job(v), "job_id", id="wait_for_job"),
    pytest.param(lambda m, v: m.get_connection(v), "id", id="get_connection"),
    pytest.param(lambda m, v: m.sync_connection(v), "id", id="sync_connection"),
    pytest.param(lambda m, v: m.connection_runs(v), "id", id="connection_runs"),
    pytest.param(lambda m, v: m.delete_connection(v), "id", id="delete_connection"),
    pytest.param(lambda m, v: m.create_connection(v), "provider", id="create_connection"),
]


@pytest.mark.parametrize("value", ["", None, 5])
@pytest.mark.parametrize(("call", "name"), ID_ARGUMENTS)
def test_empty_or_non_string_id_is_rejected(
    server: ServerWindow, client: Longmem, call: CallWith, name: str, value: Any
) -> None:
    assert_rejected(
        server,
        client,
        lambda m: call(m, value),
        rf"^{name} must be a non-empty string, got {re.escape(repr(value))}$",
    )


# -- updates with nothing to change ----------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "message"),
    [
        pytest.param(
            lambda m: m.update("mem_1"),
            "update needs at least one of text, importance, category, metadata",
            id="update",
        ),
        pytest.param(
            lambda m: m.update("mem_1", text=None, importance=None, category=None, metadata=None),
            "update needs at least one of text, importance, category, metadata",
            id="update-all-none",
        ),
        pytest.param(
            lambda m: m.update_collection("notes"),
            "update_collection needs description or metadata",
            id="update_collection",
        ),
    ],
)
def test_update_with_nothing_to_change_is_rejected(
    server: ServerWindow, client: Longmem, call: Call, message: str
) -> None:
    assert_rejected(server, client, call, rf"^{re.escape(message)}$")


# -- add_many items --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("bad_item", "problem"),
    [
        pytest.param("", r"items\[150\] must not be empty", id="empty-string"),
        pytest.param({"text": " "}, r"items\[150\]\.text must not be empty", id="blank-text"),
        pytest.param(
            {"text": "t", "importance": 2},
            r"items\[150\]\.importance must be from 0 to 1",
            id="imp",
        ),
        pytest.param(None, r"items\[150\] must be a string or a dict, got NoneType", id="none"),
    ],
)
def test_add_many_checks_every_item_before_sending_the_first_chunk(
    server: ServerWindow, client: Longmem, bad_item: Any, problem: str
) -> None:
    # Item 150 is in the second chunk of 100: the first must not have gone out.
    items: list[Any] = [f"memory {i}" for i in range(200)]
    items[150] = bad_item
    assert_rejected(server, client, lambda m: m.add_many(items), rf"^{problem}")


@pytest.mark.parametrize(
    ("item", "problem"),
    [
        pytest.param(
            {"text": "t", "colour": "red"},
            r"items\[0\] has unknown field\(s\) colour; allowed: category, container_tag, "
            r"importance, metadata, source, text$",
            id="unknown-field",
        ),
        pytest.param(
            {"text": "t", "id": "mem_1", "pinned": True},
            r"items\[0\] has unknown field\(s\) id, pinned; ",
            id="unknown-fields",
        ),
        pytest.param({"importance": 0.5}, r"items\[0\] needs a 'text'$", id="no-text"),
        pytest.param(42, r"items\[0\] must be a string or a dict, got int$", id="int"),
    ],
)
def test_add_many_rejects_a_malformed_item(
    server: ServerWindow, client: Longmem, item: Any, problem: str
) -> None:
    assert_rejected(server, client, lambda m: m.add_many([item]), rf"^{problem}")


@pytest.mark.parametrize(
    "items",
    [
        pytest.param("a single memory", id="string"),
        pytest.param(b"a single memory", id="bytes"),
        pytest.param({"text": "a single memory"}, id="dict"),
    ],
)
def test_add_many_rejects_a_single_item_instead_of_a_list(
    server: ServerWindow, client: Longmem, items: Any
) -> None:
    assert_rejected(
        server,
        client,
        lambda m: m.add_many(items),
        r"^items must be a list of strings or dicts, got (str|bytes|dict)$",
    )


@pytest.mark.parametrize("items", [None, 5])
def test_add_many_rejects_non_iterable_items(
    server: ServerWindow, client: Longmem, items: Any
) -> None:
    assert_rejected(server, client, lambda m: m.add_many(items), r"^items ")


# -- import_memories ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "problem"),
    [
        pytest.param(
            lambda m: m.import_memories("text"), r"memories must be a list of dicts$", id="str"
        ),
        pytest.param(
            lambda m: m.import_memories({"text": "t"}),
            r"memories must be a list of dicts$",
            id="single-dict",
        ),
        pytest.param(
            lambda m: m.import_memories(None), r"memories must be a list of dicts$", id="none"
        ),
        pytest.param(
            lambda m: m.import_memories([{"text": "t"}, "t"]),
            r"memories\[1\] must be a dict, got str$",
            id="str-item",
        ),
        pytest.param(
            lambda m: m.import_memories([{"text": "t"}, ["t"]]),
            r"memories\[1\] must be a dict, got list$",
            id="list-item",
        ),
        pytest.param(
            lambda m: m.import_memories([{"text": float("nan")}]),
            rf"memories\[0\] {NOT_JSON}",
            id="nan-in-item",
        ),
        pytest.param(
            lambda m: m.import_memories([{"text": "t"}], collections=["notes"]),
            r"collections\[0\] must be a dict, got str$",
            id="collections-str-item",
        ),
        pytest.param(
            lambda m: m.import_memories([{"text": "t"}], collections="notes"),
            r"collections must be a list of dicts$",
            id="collections-str",
        ),
    ],
)
def test_import_rejects_anything_but_a_list_of_dicts(
    server: ServerWindow, client: Longmem, call: Call, problem: str
) -> None:
    assert_rejected(server, client, call, rf"^{problem}")


@pytest.mark.parametrize(
    ("call", "name"),
    [
        pytest.param(lambda m: m.import_memories([None]), r"memories\[0\]", id="memories"),
        pytest.param(
            lambda m: m.import_memories([{"text": "t"}], collections=[None]),
            r"collections\[0\]",
            id="collections",
        ),
    ],
)
def test_import_rejects_a_none_item(
    server: ServerWindow, client: Longmem, call: Call, name: str
) -> None:
    assert_rejected(server, client, call, rf"^{name} must be a dict")


# -- idempotency keys --------------------------------------------------------------------------

# The key travels in a header: the client refuses what could not be sent there.
IDEMPOTENT_CALLS: list[tuple[str, CallWith]] = [
    ("add", lambda m, v: m.add("t", idempotency_key=v)),
    ("add_many", lambda m, v: m.add_many(["t"], idempotency_key=v)),
    ("remember", lambda m, v: m.remember("c", idempotency_key=v)),
    ("create_connection", lambda m, v: m.create_connection("rss", idempotency_key=v)),
    ("import_memories", lambda m, v: m.import_memories([{"text": "t"}], idempotency_key=v)),
]
BAD_IDEMPOTENCY_KEYS = [
    pytest.param(call, value, id=f"{method}-{label}")
    for method, call in IDEMPOTENT_CALLS
    for label, value in [
        ("non-ascii", "clé-1"),
        ("newline", "key\nX-Injected: 1"),
        ("tab", "key\t1"),
        ("empty", ""),
        ("int", 5),
    ]
]


@pytest.mark.parametrize(("call", "value"), BAD_IDEMPOTENCY_KEYS)
def test_bad_idempotency_key_is_rejected(
    server: ServerWindow, client: Longmem, call: CallWith, value: Any
) -> None:
    assert_rejected(
        server,
        client,
        lambda m: call(m, value),
        rf"^idempotency_key must be printable ASCII characters, got {re.escape(repr(value))}$",
    )


# -- what the server judges is sent as given ------------------------------------------------------

# A call with a value past the local server's limits, and how to read that value back from
# the request it sent: the client leaves maxima and enumerations to the server.
PAST_THE_LOCAL_LIMITS = [
    pytest.param(lambda m: m.add("x" * 10_001), lambda r: len(r.json()["text"]), 10_001, id="text"),
    pytest.param(
        lambda m: m.search("x" * 10_001), lambda r: len(r.json()["query"]), 10_001, id="query"
    ),
    pytest.param(
        lambda m: m.remember("x" * 10_001), lambda r: len(r.json()["content"]), 10_001, id="content"
    ),
    pytest.param(
        lambda m: m.add("t", category="c" * 65), lambda r: r.json()["category"], "c" * 65, id="cat"
    ),
    pytest.param(
        lambda m: m.add("t", source="s" * 65), lambda r: r.json()["source"], "s" * 65, id="source"
    ),
    pytest.param(
        lambda m: m.add("t", container_tag="t" * 129),
        lambda r: r.json()["container_tag"],
        "t" * 129,
        id="container_tag",
    ),
    pytest.param(
        lambda m: m.add("t", metadata=metadata_of_size(16 * 1024 + 1)),
        lambda r: len(
            json.dumps(r.json()["metadata"], ensure_ascii=False, separators=(",", ":")).encode()
        ),
        16 * 1024 + 1,
        id="metadata-16KiB+1",
    ),
    pytest.param(
        lambda m: m.search("q", mode="fuzzy"), lambda r: r.json()["mode"], "fuzzy", id="mode"
    ),
    pytest.param(lambda m: m.search("q", limit=101), lambda r: r.json()["limit"], 101, id="search"),
    pytest.param(lambda m: m.forget("q", limit=201), lambda r: r.json()["limit"], 201, id="forget"),
    pytest.param(
        lambda m: m.list_memories(limit=201), lambda r: r.query["limit"], ["201"], id="list"
    ),
    pytest.param(
        lambda m: m.list_memories(offset=2**31),
        lambda r: r.query["offset"],
        [str(2**31)],
        id="offset",
    ),
    pytest.param(
        lambda m: m.related("mem_1", limit=101), lambda r: r.query["limit"], ["101"], id="related"
    ),
    pytest.param(
        lambda m: m.contradictions(limit=201), lambda r: r.query["limit"], ["201"], id="contra"
    ),
    pytest.param(lambda m: m.summary(limit=201), lambda r: r.query["limit"], ["201"], id="summary"),
    pytest.param(
        lambda m: m.connection_runs("conn_1", limit=201),
        lambda r: r.query["limit"],
        ["201"],
        id="runs",
    ),
    pytest.param(
        lambda m: m.health(stale_days=36_501),
        lambda r: r.query["stale_days"],
        ["36501"],
        id="stale_days",
    ),
    pytest.param(
        lambda m: m.archive_stale(older_than_days=36_501),
        lambda r: r.json()["older_than_days"],
        36_501,
        id="older_than_days",
    ),
    pytest.param(
        lambda m: m.connector_health(hours=8_761), lambda r: r.query["hours"], ["8761"], id="hours"
    ),
    pytest.param(
        lambda m: m.import_memories([{"text": f"m{i}"} for i in range(10_001)]),
        lambda r: len(r.json()["memories"]),
        10_001,
        id="import-10001",
    ),
    pytest.param(
        lambda m: m.add("t", idempotency_key="k" * 256),
        lambda r: r.headers["idempotency-key"],
        "k" * 256,
        id="idempotency_key",
    ),
]


@pytest.mark.parametrize(("call", "read", "expected"), PAST_THE_LOCAL_LIMITS)
def test_value_past_the_local_servers_limit_is_sent_for_the_server_to_judge(
    server: ServerWindow,
    client: Longmem,
    call: Call,
    read: Callable[[Recorded], Any],
    expected: Any,
) -> None:
    server.script(Reply(200, json=[]))
    # The answer is only a placeholder, of a shape not every call accepts: what was sent
    # is what is judged here.
    with contextlib.suppress(LongmemError):
        call(client)
    assert read(sent(server)) == expected


@pytest.mark.parametrize("char", ["x", "€"], ids=["ascii", "three-byte"])
def test_text_of_exactly_10000_characters_is_sent(
    server: ServerWindow, client: Longmem, char: str
) -> None:
    client.add(char * 10_000)
    assert sent(server).json()["text"] == char * 10_000


def test_a_conversation_is_sent_as_roles_and_words_only(
    server: ServerWindow, client: Longmem
) -> None:
    server.script(Reply(202, json={"job_id": "job_1"}))
    conversation = (
        {"role": "user", "content": "I like tea", "name": "ana"},
        {"role": "assistant", "content": None, "tool_calls": [{"id": "call_1"}]},
    )
    assert client.remember(messages=conversation, sync=False) == {"job_id": "job_1"}
    request = sent(server)
    assert request.query == {}
    assert request.json() == {
        "messages": [
            {"role": "user", "content": "I like tea"},
            {"role": "assistant", "content": None},
        ]
    }


@pytest.mark.parametrize("importance", [0, 1, 0.0, 1.0])
def test_importance_of_0_and_1_is_sent(
    server: ServerWindow, client: Longmem, importance: float
) -> None:
    client.add("t", importance=importance)
    assert sent(server).json()["importance"] == importance


def test_smallest_limit_offset_and_fraction_bounds_are_sent(
    server: ServerWindow, client: Longmem
) -> None:
    server.script(Reply(200, json=[]), Reply(200, json=[]))
    client.list_memories(limit=1, offset=0)
    client.search("q", min_score=1)
    first, second = server.requests
    assert first.query["limit"] == ["1"]
    assert first.query["offset"] == ["0"]
    assert second.json()["min_score"] == 1.0


@pytest.mark.parametrize(
    ("call", "where"),
    [
        pytest.param(lambda m, c: m.create_collection(c), "name", id="create_collection"),
        pytest.param(
            lambda m, c: m.move("mem_1", to_collection=c), "to_collection", id="move.to_collection"
        ),
        pytest.param(
            lambda m, c: m.import_memories([{"text": "t"}], into_collection=c),
            "into_collection",
            id="import_memories.into_collection",
        ),
        pytest.param(
            lambda m, c: m.create_connection("rss", collection=c),
            "collection",
            id="create_connection",
        ),
    ],
)
def test_collection_name_in_a_body_is_sent_as_given(
    server: ServerWindow, client: Longmem, call: CallWith, where: str
) -> None:
    call(client, "team notes/2026")
    assert sent(server).json()[where] == "team notes/2026"


def test_add_many_key_is_sent_with_its_chunk_suffix(server: ServerWindow, client: Longmem) -> None:
    server.script(Reply(201, json={"created": 1, "ids": ["mem_1"]}))
    client.add_many(["t"], idempotency_key="k" * 253)  # with "-0", the protocol's 255
    assert sent(server).headers["idempotency-key"] == "k" * 253 + "-0"


@pytest.mark.parametrize(
    "call",
    [
        pytest.param(lambda m: m.list_memories(limit=10**5000), id="query"),
        pytest.param(lambda m: m.search("q", limit=10**5000), id="body"),
    ],
)
@pytest.mark.skipif(
    not hasattr(sys, "get_int_max_str_digits"), reason="this Python writes out any integer"
)
def test_integer_too_long_to_write_out_is_an_invalid_argument(
    server: ServerWindow, client: Longmem, call: Call
) -> None:
    assert_rejected(server, client, call, r"^the request cannot be encoded: ")


# -- constructor ---------------------------------------------------------------------------------


@pytest.mark.parametrize("api_key", [None, ""])
def test_missing_api_key_names_the_environment_variable(api_key: Any) -> None:
    with pytest.raises(LongmemError, match="LONGMEM_API_KEY") as info:
        Longmem(api_key=api_key, base_url="http://127.0.0.1:1")
    assert not isinstance(info.value, InvalidArgumentError)


def test_empty_environment_api_key_counts_as_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LONGMEM_API_KEY", "")
    with pytest.raises(LongmemError, match="LONGMEM_API_KEY"):
        Longmem(base_url="http://127.0.0.1:1")


def test_environment_api_key_is_used_when_none_is_passed(
    server: ServerWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LONGMEM_API_KEY", SECRET)
    with Longmem(base_url=server.url) as client:
        client.collections()
    assert sent(server).headers["authorization"] == f"Bearer {SECRET}"


def test_passed_api_key_wins_over_the_environment(
    server: ServerWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LONGMEM_API_KEY", "from-env")
    with Longmem(api_key=SECRET, base_url=server.url) as client:
        client.collections()
    assert sent(server).headers["authorization"] == f"Bearer {SECRET}"


def test_api_key_read_with_a_trailing_newline_is_stripped(server: ServerWindow) -> None:
    with Longmem(api_key=SECRET + "\n", base_url=server.url) as client:
        client.collections()
    assert sent(server).headers["authorization"] == f"Bearer {SECRET}"


@pytest.mark.parametrize("source", ["argument", "environment"])
def test_blank_api_key_counts_as_missing(source: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if source == "environment":
        monkeypatch.setenv("LONGMEM_API_KEY", " \n")
    with pytest.raises(LongmemError, match="LONGMEM_API_KEY"):
        Longmem(api_key=" \n" if source == "argument" else None, base_url="http://127.0.0.1:1")


def test_environment_base_url_is_used_when_none_is_passed(
    server: ServerWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LONGMEM_BASE_URL", server.url)
    with Longmem(api_key=SECRET) as client:
        assert client.base_url == server.url
        client.collections()
    assert sent(server).path == "/v1/memory/collections"


def test_passed_base_url_wins_over_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LONGMEM_BASE_URL", "http://from-env.invalid")
    assert Longmem(api_key=SECRET, base_url="http://passed.invalid").base_url == (
        "http://passed.invalid"
    )


@pytest.mark.parametrize("env_value", [None, ""], ids=["unset", "empty"])
def test_default_base_url_is_rememberos(env_value: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    if env_value is not None:
        monkeypatch.setenv("LONGMEM_BASE_URL", env_value)
    assert Longmem(api_key=SECRET).base_url == "https://rememberos.ai"


BAD_SETTINGS = [
    pytest.param({"base_url": "ftp://x"}, "base_url must be an http:// or https:// URL", id="ftp"),
    pytest.param({"base_url": "not-a-url"}, "base_url must be an http://", id="not-a-url"),
    pytest.param(
        {"base_url": "http://host/a path"}, "base_url must be plain ASCII", id="space-in-url"
    ),
    pytest.param({"base_url": "http://"}, "base_url must be an http://", id="no-host"),
    pytest.param({"base_url": ""}, "base_url must be an http://", id="empty-url"),
    pytest.param({"base_url": "http://h:99999"}, "base_url has an invalid port", id="bad-port"),
    pytest.param({"base_url": 8080}, "base_url must be a string, got int", id="int-url"),
    pytest.param({"timeout": 0}, "timeout must be a positive number", id="timeout-0"),
    pytest.param({"timeout": -1}, "timeout must be a positive number", id="timeout--1"),
    pytest.param({"timeout": float("nan")}, "timeout must be a positive", id="timeout-nan"),
    pytest.param({"timeout": "30"}, "timeout must be a positive number", id="timeout-str"),
    pytest.param({"total_timeout": 0}, "total_timeout must be a positive", id="total_timeout-0"),
    pytest.param({"max_retries": -1}, "max_retries must be a whole number", id="retries--1"),
    pytest.param({"max_retries": 1.5}, "max_retries must be a whole number", id="retries-1.5"),
    pytest.param({"max_retries": True}, "max_retries must be a whole number", id="retries-True"),
    pytest.param({"backoff_base": -1}, "backoff_base must be a number of 0", id="backoff--1"),
    pytest.param({"backoff_base": float("nan")}, "backoff_base must be", id="backoff-nan"),
    pytest.param({"backoff_cap": -1}, "backoff_cap must be a number of 0", id="cap--1"),
    pytest.param({"max_retry_after": -1}, "max_retry_after must be", id="retry_after--1"),
    pytest.param(
        {"ca_file": "/tmp/ca.pem", "ssl_context": ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)},
        "pass ca_file or ssl_context, not both",
        id="ca_file-and-ssl_context",
    ),
    pytest.param({"api_key": 12345}, "api_key must be a string, got int", id="int-key"),
    pytest.param(
        {"api_key": SECRET + "\nX-Injected: 1"},
        "api_key must be a single line of printable ASCII",
        id="multi-line-key",
    ),
    pytest.param(
        {"api_key": SECRET + "é"},
        "api_key must be a single line of printable ASCII",
        id="non-ascii-key",
    ),
]


@pytest.mark.parametrize(("settings", "problem"), BAD_SETTINGS)
def test_bad_setting_raises_an_invalid_argument_error_without_the_key(
    settings: dict[str, Any], problem: str
) -> None:
    kwargs: dict[str, Any] = {"api_key": SECRET, "base_url": "http://127.0.0.1:1", **settings}
    with pytest.raises(LongmemError, match=f"^{re.escape(problem)}") as info:
        Longmem(**kwargs)
    # A bad value is a bad argument wherever it is passed, the constructor included.
    assert isinstance(info.value, InvalidArgumentError)
    assert SECRET not in str(info.value)
    assert SECRET not in repr(info.value)


@pytest.mark.parametrize("value", [None, 0.5, "time.sleep"])
@pytest.mark.parametrize("hook", ["sleep", "random", "clock"])
def test_hooks_must_be_callables(hook: str, value: Any) -> None:
    with pytest.raises(InvalidArgumentError, match=f"^{hook} must be callable, got "):
        Longmem(api_key=SECRET, base_url="http://127.0.0.1:1", **{hook: value})


def test_infinite_timeout_is_rejected() -> None:
    with pytest.raises(LongmemError, match=r"^timeout "):
        Longmem(api_key=SECRET, base_url="http://127.0.0.1:1", timeout=float("inf"))


def test_api_key_never_appears_in_repr_or_str() -> None:
    client = Longmem(api_key=SECRET, base_url="http://127.0.0.1:1")
    assert SECRET not in repr(client)
    assert SECRET not in str(client)
    assert repr(client) == "Longmem(base_url='http://127.0.0.1:1')"
