"""The real client against a LocalServer whose remember asks a scripted OpenAI-compatible
model: the model's facts are stored, and when it fails the rules' are."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest

from longmem import Longmem
from longmem.server import LocalServer
from longmem.server.extract import RuleExtractor
from longmem.server.model_endpoints import ModelEndpoint, ModelExtractor

from ..server.model_server import (
    Action,
    ModelServer,
    Recorded,
    Script,
    chat_facts,
    json_answer,
)

KEY = "e2e-model-key"


@pytest.fixture
def model() -> Iterator[ModelServer]:
    server = ModelServer()
    yield server
    server.close()


def test_remember_stores_the_models_facts_and_falls_back_to_the_rules(
    model: ModelServer,
) -> None:
    lisbon = {
        "text": "User lives in Lisbon",
        "type": "fact",
        "statement": "we moved to Lisbon last week",
        "subject": "user",
        "attribute": "home",
        "value": "Lisbon",
        "negated": False,
        "valid_from": "2026-02-27",
        "expires_at": None,
    }
    model.then(chat_facts(lisbon), json_answer({"error": {"type": "server_error"}}, 500))
    extractor = ModelExtractor(ModelEndpoint(model.url, "test-model", timeout=5), RuleExtractor())
    with (
        LocalServer(api_key=KEY, extractor=extractor) as server,
        Longmem(api_key=KEY, base_url=server.url, max_retries=0) as mem,
    ):
        (fact,) = mem.remember(
            "we moved to Lisbon last week", collection="me", observed_at="2026-03-06T12:00:00Z"
        )
        assert (fact["text"], fact["attribute"], fact["value"]) == (
            "User lives in Lisbon",
            "home",
            "Lisbon",
        )
        assert fact["valid_from"] == "2026-02-27T00:00:00Z"
        prompt = model.requests[0].body["messages"][1]["content"]
        assert "2026-03-06T12:00:00Z" in prompt

        # The model answers 500: the background job stores what the rules extract.
        job = mem.remember("I work at Acme", collection="me", sync=False)
        done = mem.wait_for_job(job["job_id"], timeout=30, poll_interval=0.05)
        assert done["status"] == "done"
        assert [f["text"] for f in done["facts"] or []] == ["User works at Acme"]
        stored = {m["text"] for m in mem.list_memories(collection="me")}
        assert stored == {"User lives in Lisbon", "User works at Acme"}
    assert len(model.requests) == 2


LISBON = {
    "text": "User lives in Lisbon",
    "type": "fact",
    "statement": "we moved to Lisbon",
    "subject": "user",
    "attribute": "home",
    "value": "Lisbon",
    "negated": False,
    "valid_from": None,
    "expires_at": None,
}


def _held_answer(
    asked: threading.Semaphore, release: threading.Event, answered: threading.Event
) -> Script:
    """A model step that says it was asked, then answers Lisbon once released (or after
    10 s), saying so."""

    def answer(_: Recorded) -> Action:
        asked.release()
        release.wait(10)
        answered.set()
        return chat_facts(LISBON)

    return answer


def _remember_in_thread(mem: Longmem, key: str, answers: list[Any]) -> threading.Thread:
    thread = threading.Thread(
        target=lambda: answers.append(
            mem.remember("we moved to Lisbon", collection="me", idempotency_key=key)
        )
    )
    thread.start()
    return thread


def test_a_slow_extractor_does_not_hold_up_other_writes(model: ModelServer) -> None:
    asked, release, answered = threading.Semaphore(0), threading.Event(), threading.Event()
    model.then(_held_answer(asked, release, answered))
    extractor = ModelExtractor(ModelEndpoint(model.url, "test-model", timeout=15), RuleExtractor())
    with (
        LocalServer(api_key=KEY, extractor=extractor) as server,
        Longmem(api_key=KEY, base_url=server.url, max_retries=0) as mem,
    ):
        answers: list[Any] = []
        remembering = _remember_in_thread(mem, "remember-1", answers)
        try:
            assert asked.acquire(timeout=10)
            # The remember waits on the model (with an Idempotency-Key, as the SDK sends
            # on every write); an add meanwhile is stored without waiting for it.
            added = mem.add("I like tea", collection="me")
            assert not answered.is_set()
        finally:
            release.set()
            remembering.join(10)
        assert [f["text"] for f in answers[0]] == ["User lives in Lisbon"]
        stored = {m["text"] for m in mem.list_memories(collection="me")}
        assert stored == {"I like tea", "User lives in Lisbon"}
        assert added["text"] == "I like tea"

        # A replay under the same key asks the model nothing and stores nothing again.
        again = mem.remember("we moved to Lisbon", collection="me", idempotency_key="remember-1")
        assert again == answers[0]
        assert len(model.requests) == 1
        assert len(mem.list_memories(collection="me")) == 2


def test_concurrent_remembers_under_one_key_store_once(model: ModelServer) -> None:
    asked, release, answered = threading.Semaphore(0), threading.Event(), threading.Event()
    model.then(*[_held_answer(asked, release, answered) for _ in range(2)])
    extractor = ModelExtractor(ModelEndpoint(model.url, "test-model", timeout=15), RuleExtractor())
    with (
        LocalServer(api_key=KEY, extractor=extractor) as server,
        Longmem(api_key=KEY, base_url=server.url, max_retries=0) as mem,
    ):
        answers: list[Any] = []
        threads = [_remember_in_thread(mem, "same-key", answers) for _ in range(2)]
        try:
            # Both extract at once, outside the writer lock; only one may store.
            assert asked.acquire(timeout=10) and asked.acquire(timeout=10)
        finally:
            release.set()
            for thread in threads:
                thread.join(10)
        assert len(answers) == 2 and answers[0] == answers[1]
        (memory,) = mem.list_memories(collection="me")
        assert memory["text"] == "User lives in Lisbon"
