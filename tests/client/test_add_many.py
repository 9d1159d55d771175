"""add_many: chunks of 100, each retried on its own, reported as confirmed, resumable."""

from __future__ import annotations

import dataclasses
from typing import Callable

import pytest

from longmem import (
    BatchProgress,
    InvalidArgumentError,
    Longmem,
    LongmemConnectionError,
    PermissionDeniedError,
    RateLimitError,
    ServerError,
    UnprocessableEntityError,
)

from ..drivers import DRIVERS
from .conftest import SleepRecorder
from .servers import Drop, Recorded, Reply, ScriptedServer


@pytest.fixture(params=DRIVERS)
def driver(request: pytest.FixtureRequest) -> str:
    """Every test here that builds its client through `make_client` runs against both
    clients, `Longmem` and `AsyncLongmem`, on the same scripted servers."""
    return str(request.param)


def created(request: Recorded) -> Reply:
    """A batch reply whose ids name each item's text, so the test can check order."""
    texts = [m["text"] for m in request.json()["memories"]]
    return Reply(201, json={"created": len(texts), "ids": [f"id-{t}" for t in texts]})


def items(n: int) -> list[str]:
    return [f"m{i}" for i in range(n)]


def test_items_are_sent_in_chunks_of_100(server: ScriptedServer, client: Longmem) -> None:
    server.set_default(created)
    result = client.add_many(items(250), collection="bulk")
    sizes = [len(r.json()["memories"]) for r in server.requests]
    assert sizes == [100, 100, 50]
    assert {r.path for r in server.requests} == {"/v1/memory/collections/bulk/memories/batch"}
    assert result == {"created": 250, "ids": [f"id-m{i}" for i in range(250)], "replayed": 0}


def test_each_chunk_has_its_own_key_reused_on_its_retries(
    server: ScriptedServer, client: Longmem, sleeps: SleepRecorder
) -> None:
    server.set_default(created)
    server.script(Reply(500), created, Reply(503), Reply(502), created)
    client.add_many(items(200))
    keys = [r.headers["idempotency-key"] for r in server.requests]
    assert keys[0] == keys[1]  # chunk 1 and its retry
    assert keys[2] == keys[3] == keys[4]  # chunk 2 and its two retries
    assert keys[0] != keys[2]
    assert sleeps.calls == [0.5, 0.5, 1.0]  # backoff restarts per chunk


def test_failed_chunk_reports_what_was_already_created(
    server: ScriptedServer, make_client: Callable[..., Longmem]
) -> None:
    server.script(created, created, Reply(503, json={"detail": "down"}))
    server.set_default(Reply(503, json={"detail": "down"}))
    client = make_client(server.url, max_retries=1)
    with pytest.raises(ServerError) as caught:
        client.add_many(items(350))
    progress = caught.value.progress
    assert progress is not None
    assert progress.created == 200
    assert progress.ids == [f"id-m{i}" for i in range(200)]
    assert progress.next_index == 200


def test_resuming_from_next_index_creates_no_duplicates(
    server: ScriptedServer, make_client: Callable[..., Longmem]
) -> None:
    stored: list[str] = []

    def store(request: Recorded) -> Reply:
        texts = [m["text"] for m in request.json()["memories"]]
        stored.extend(texts)
        # a fresh connection per request, so each Drop is a plain network failure
        return Reply(201, json={"created": len(texts), "ids": texts}, close=True)

    server.script(store, Drop(), Drop())
    server.set_default(store)
    client = make_client(server.url, max_retries=1)
    todo = items(300)
    with pytest.raises(LongmemConnectionError) as caught:
        client.add_many(todo)
    assert caught.value.progress is not None
    rest = client.add_many(todo[caught.value.progress.next_index :])
    assert rest["created"] == 200
    assert stored == todo


def test_first_chunk_failure_keeps_the_error_type_with_zero_progress(
    server: ScriptedServer, client: Longmem
) -> None:
    server.script(Reply(403, json={"detail": "read-only key"}))
    with pytest.raises(PermissionDeniedError, match="read-only key") as caught:
        client.add_many(["a", "b"])
    assert caught.value.progress is not None
    assert (caught.value.progress.created, caught.value.progress.next_index) == (0, 0)


def too_long(at: int) -> Reply:
    """The server's 422 for the item at `at` in the chunk it was sent."""
    detail = [{"loc": ["body", "memories", at, "text"], "msg": "too long", "type": "x"}]
    return Reply(422, json={"detail": detail})


def test_a_422_names_the_callers_item_not_its_place_in_the_chunk(
    server: ScriptedServer, client: Longmem
) -> None:
    server.script(created, created, too_long(30))
    with pytest.raises(UnprocessableEntityError) as caught:
        client.add_many(items(250))
    error = caught.value
    assert error.detail == "items[230].text: too long"
    assert str(error).startswith("HTTP 422: items[230].text: too long (POST ")
    assert error.body["detail"][0]["loc"] == ["body", "memories", 30, "text"]  # as answered
    assert error.progress is not None
    assert (error.progress.created, error.progress.next_index) == (200, 200)


def test_a_renamed_422_still_says_an_earlier_attempt_may_be_stored(
    server: ScriptedServer, make_client: Callable[..., Longmem]
) -> None:
    server.script(created, Drop(), too_long(5))
    with pytest.raises(UnprocessableEntityError, match=r"items\[105\]\.text") as caught:
        make_client(server.url, max_retries=1).add_many(items(150))
    assert caught.value.earlier_attempt_sent is True
    assert caught.value.progress is not None and caught.value.progress.in_doubt == 50


def test_on_progress_reports_each_confirmed_chunk(server: ScriptedServer, client: Longmem) -> None:
    server.set_default(created)
    reports: list[tuple[int, list[str], int]] = []

    def on_progress(progress: BatchProgress) -> None:
        reports.append((progress.created, progress.ids, progress.next_index))
        assert len(server.requests) == len(reports)  # called once the chunk is confirmed

    client.add_many(items(250), on_progress=on_progress)
    ids = [f"id-m{i}" for i in range(250)]
    assert reports == [(100, ids[:100], 100), (200, ids[:200], 200), (250, ids, 250)]


def test_on_progress_is_not_called_for_the_chunk_that_fails(
    server: ScriptedServer, make_client: Callable[..., Longmem]
) -> None:
    server.script(created)
    server.set_default(Reply(503))
    reports: list[BatchProgress] = []
    with pytest.raises(ServerError) as caught:
        make_client(server.url, max_retries=0).add_many(items(250), on_progress=reports.append)
    [report] = reports
    failed = caught.value.progress
    assert failed is not None
    expected = (100, [f"id-m{i}" for i in range(100)], 100)
    assert (report.created, report.ids, report.next_index) == expected
    assert (failed.created, failed.ids, failed.next_index) == expected


def test_empty_items_report_no_progress(server: ScriptedServer, client: Longmem) -> None:
    reports: list[BatchProgress] = []
    client.add_many([], on_progress=reports.append)
    assert reports == []


def test_a_progress_report_keeps_the_ids_of_its_moment(
    server: ScriptedServer, client: Longmem
) -> None:
    server.set_default(created)
    reports: list[BatchProgress] = []
    result = client.add_many(items(200), on_progress=reports.append)
    result["ids"].clear()  # the caller's copy: the reports do not change with it
    first, second = reports
    assert first.ids == [f"id-m{i}" for i in range(100)]
    assert second.ids == [f"id-m{i}" for i in range(200)]
    first.ids.clear()  # each read is a new list
    assert len(first.ids) == 100


@pytest.mark.parametrize("field", ["created", "ids", "next_index", "in_doubt", "idempotency_key"])
def test_progress_is_read_only(field: str) -> None:
    progress = BatchProgress(1, ["id-1"], 1, 100, "k")
    with pytest.raises(AttributeError):
        setattr(progress, field, 0)
    assert (progress.created, progress.ids, progress.next_index) == (1, ["id-1"], 1)
    assert (progress.in_doubt, progress.idempotency_key) == (100, "k")
    assert repr(progress) == "BatchProgress(created=1, next_index=1, in_doubt=100)"


def test_chunk_sent_unanswered_is_in_doubt_and_never_called_unsent(
    server: ScriptedServer, make_client: Callable[..., Longmem]
) -> None:
    # The second chunk reaches the server, which goes away without answering; the
    # retries then find nothing listening. The last attempt was never sent, the call was.
    server.script(created, Drop())
    client = make_client(server.url, max_retries=2, sleep=lambda _: server.close())
    with pytest.raises(LongmemConnectionError, match="could not connect") as caught:
        client.add_many(items(250))
    assert caught.value.request_sent is True
    progress = caught.value.progress
    assert progress is not None
    assert (progress.created, progress.next_index, progress.in_doubt) == (100, 100, 100)


def test_chunk_sent_unanswered_then_refused_on_retry_is_still_in_doubt(
    server: ScriptedServer, make_client: Callable[..., Longmem]
) -> None:
    # The second chunk's first attempt is read and never answered; its retry is answered
    # 503. That answer is about the retry: the first attempt may have been stored.
    server.script(created, Drop(), Reply(503, json={"detail": "busy"}))
    client = make_client(server.url, max_retries=1)
    with pytest.raises(ServerError, match="busy") as caught:
        client.add_many(items(250))
    assert [len(r.json()["memories"]) for r in server.requests] == [100, 100, 100]
    assert caught.value.earlier_attempt_sent is True
    progress = caught.value.progress
    assert progress is not None
    assert (progress.created, progress.next_index, progress.in_doubt) == (100, 100, 100)


def test_chunk_refused_on_every_attempt_is_not_in_doubt(
    server: ScriptedServer, make_client: Callable[..., Longmem]
) -> None:
    server.script(created, Reply(503), Reply(429, headers={"Retry-After": "0"}))
    client = make_client(server.url, max_retries=1)
    with pytest.raises(RateLimitError) as caught:
        client.add_many(items(250))
    assert caught.value.earlier_attempt_sent is False
    assert caught.value.progress is not None and caught.value.progress.in_doubt == 0


def test_chunk_refused_outright_is_not_in_doubt(
    make_client: Callable[..., Longmem], refused_port: int
) -> None:
    client = make_client(f"http://127.0.0.1:{refused_port}", max_retries=1)
    with pytest.raises(LongmemConnectionError) as caught:
        client.add_many(items(10))
    assert caught.value.request_sent is False
    assert caught.value.progress is not None
    assert (caught.value.progress.next_index, caught.value.progress.in_doubt) == (0, 0)


def test_repeating_with_the_progress_key_stores_the_chunk_in_doubt_once(
    server: ScriptedServer, make_client: Callable[..., Longmem]
) -> None:
    # What an honouring server does: the first answer to a key is replayed.
    answers: dict[str, Reply] = {}
    stored: list[str] = []

    def honouring(request: Recorded) -> Reply:
        key = request.headers["idempotency-key"]
        if key not in answers:
            stored.extend(m["text"] for m in request.json()["memories"])
            answers[key] = created(request)
        return answers[key]

    def stored_then_dropped(request: Recorded) -> Drop:
        honouring(request)  # committed, and the answer lost
        return Drop()

    server.script(honouring, stored_then_dropped)
    server.set_default(honouring)
    client = make_client(server.url, max_retries=0)
    with pytest.raises(LongmemConnectionError) as caught:
        client.add_many(items(250))
    progress = caught.value.progress
    assert progress is not None and progress.in_doubt == 100
    assert progress.idempotency_key is not None
    result = client.add_many(items(250), idempotency_key=progress.idempotency_key)
    assert result["ids"] == [f"id-m{i}" for i in range(250)]
    assert stored == items(250)


def test_a_call_without_a_key_gets_one_its_chunk_keys_derive_from(
    server: ScriptedServer, client: Longmem
) -> None:
    server.set_default(created)
    reports: list[BatchProgress] = []
    client.add_many(items(150), on_progress=reports.append)
    base = reports[0].idempotency_key
    assert base is not None and {r.idempotency_key for r in reports} == {base}
    keys = [r.headers["idempotency-key"] for r in server.requests]
    assert keys == [f"{base}-0", f"{base}-100"]
    client.add_many(items(150), on_progress=reports.append)
    assert reports[-1].idempotency_key != base  # one per call: a new call stores again


@pytest.mark.parametrize("on_progress", [True, "print", 1])
def test_on_progress_must_be_callable(
    server: ScriptedServer, client: Longmem, on_progress: object
) -> None:
    with pytest.raises(InvalidArgumentError, match=r"^on_progress must be callable, got "):
        client.add_many(["a"], on_progress=on_progress)  # type: ignore[arg-type]
    assert server.requests == []


def test_callers_key_derives_stable_chunk_keys(server: ScriptedServer, client: Longmem) -> None:
    server.set_default(created)
    client.add_many(items(150), idempotency_key="import-7")
    client.add_many(items(150), idempotency_key="import-7")
    keys = [r.headers["idempotency-key"] for r in server.requests]
    assert keys == ["import-7-0", "import-7-100", "import-7-0", "import-7-100"]


def test_dict_items_override_call_defaults(server: ScriptedServer, client: Longmem) -> None:
    server.set_default(created)
    client.add_many(
        [
            "plain",
            {
                "text": "rich",
                "importance": 0.1,
                "category": "c",
                "source": "crm",
                "metadata": {"k": "v"},
                "container_tag": "user-9",
            },
        ],
        importance=0.9,
        category="default-cat",
        container_tag="user-1",
    )
    plain, rich = server.requests[0].json()["memories"]
    assert plain == {
        "text": "plain",
        "importance": 0.9,
        "category": "default-cat",
        "source": "sdk",
        "container_tag": "user-1",
        "metadata": {},
    }
    assert rich == {
        "text": "rich",
        "importance": 0.1,
        "category": "c",
        "source": "crm",
        "container_tag": "user-9",
        "metadata": {"k": "v"},
    }


def test_generator_items_are_accepted(server: ScriptedServer, client: Longmem) -> None:
    server.set_default(created)
    assert client.add_many(f"g{i}" for i in range(3))["created"] == 3


def test_empty_items_send_nothing(server: ScriptedServer, client: Longmem) -> None:
    assert client.add_many([]) == {"created": 0, "ids": [], "replayed": 0}
    assert server.requests == []


def test_reply_without_ids_is_an_error(server: ScriptedServer, client: Longmem) -> None:
    from longmem import LongmemError

    server.script(Reply(201, json={"created": 1}))
    with pytest.raises(LongmemError, match="without an ids list"):
        client.add_many(["a"])


def test_a_key_too_long_for_every_chunk_key_is_replaced_by_a_digest_for_all(
    server: ScriptedServer, client: Longmem
) -> None:
    server.set_default(created)
    key = "k" * 250  # "-9900" fits in 255 characters, "-10000" does not
    client.add_many(items(10_050), idempotency_key=key)
    client.add_many(items(10_050), idempotency_key=key)
    keys = [r.headers["idempotency-key"] for r in server.requests]
    first, again = keys[:101], keys[101:]
    assert first == again  # a repeat of the call maps to the same keys
    assert all(len(k) <= 255 for k in keys)
    assert [k.rsplit("-", 1)[1] for k in first] == [str(n) for n in range(0, 10_001, 100)]
    assert len({k.rsplit("-", 1)[0] for k in first}) == 1  # one scheme for the whole call
    assert key not in first[0]


def test_a_key_whose_chunk_keys_fit_is_used_as_given(
    server: ScriptedServer, client: Longmem
) -> None:
    server.set_default(created)
    key = "k" * 251  # "-100", the last chunk's suffix, still fits
    client.add_many(items(150), idempotency_key=key)
    assert [r.headers["idempotency-key"] for r in server.requests] == [key + "-0", key + "-100"]


def replayed(request: Recorded) -> Reply:
    """The answer a server gives from its record of an earlier request under the key."""
    return dataclasses.replace(created(request), headers={"Idempotent-Replayed": "true"})


def test_chunks_the_server_replays_are_counted_as_stored_by_an_earlier_call(
    server: ScriptedServer, client: Longmem
) -> None:
    server.script(replayed, created, replayed)
    result = client.add_many(items(250))
    assert (result["created"], result["replayed"]) == (250, 150)  # chunks 1 and 3


def test_a_replay_after_an_unanswered_attempt_may_be_this_calls_own(
    server: ScriptedServer, client: Longmem
) -> None:
    # The first attempt was stored and its answer lost: the retry's replay is this call's.
    server.script(Drop(), replayed)
    result = client.add_many(items(50))
    assert (len(server.requests), result["created"], result["replayed"]) == (2, 50, 0)
