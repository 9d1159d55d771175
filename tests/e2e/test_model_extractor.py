"""The real client against a LocalServer whose remember asks a scripted OpenAI-compatible
model: the model's facts are stored, and when it fails the rules' are."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from longmem import Longmem
from longmem.server import LocalServer
from longmem.server.extract import RuleExtractor
from longmem.server.model_endpoints import ModelEndpoint, ModelExtractor

from ..server.model_server import ModelServer, chat_facts, json_answer

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
