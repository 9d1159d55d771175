"""The real client against a LocalServer whose search asks a scripted OpenAI-compatible
embeddings endpoint to rank the candidates: the model's ranking counts, its vectors of
memory texts are cached, and when it fails search answers from its own arms."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Optional

import pytest

from longmem import Longmem
from longmem.server import LocalServer, search
from longmem.server.model_endpoints import ModelEmbedder, ModelEndpoint

from ..server.model_server import Answer, ModelServer, Recorded, embeddings, json_answer

KEY = "e2e-embedder-key"
# A toy model that knows one thing: a toddler is a child is a daughter. (Search's own
# lexicon knows "kid", not "toddler".)
CHILD_WORDS = ("toddler", "kid", "kids", "child", "children", "daughter", "son")
CHILD = "User's daughter Mia plays at the park"
PARK = "User walks to the park in Berlin every day at noon"


def _toy_vector(text: str) -> list[float]:
    words = text.lower().split()
    about_children = any(word.strip("?.,'s") in CHILD_WORDS for word in words)
    return [1.0, 0.1] if about_children else [0.1, 1.0]


def _toy_embeddings(request: Recorded) -> Answer:
    return embeddings([_toy_vector(text) for text in request.body["input"]])


@pytest.fixture
def model() -> Iterator[ModelServer]:
    server = ModelServer()
    server.default = _toy_embeddings
    yield server
    server.close()


def _search_order(embedder: Optional[ModelEmbedder]) -> list[str]:
    with (
        LocalServer(api_key=KEY, embedder=embedder) as server,
        Longmem(api_key=KEY, base_url=server.url, max_retries=0) as mem,
    ):
        mem.add(CHILD, collection="me")
        mem.add(PARK, collection="me")
        first = [h["text"] for h in mem.search("a park for my toddler", collection="me")]
        again = [h["text"] for h in mem.search("a park for my toddler", collection="me")]
        assert again == first
        return first


def test_the_model_ranks_the_candidates_the_arms_found(model: ModelServer) -> None:
    embedder = ModelEmbedder(ModelEndpoint(model.url, "toy", timeout=5))
    assert _search_order(None) == [PARK, CHILD]  # the built-in arms: words alone
    assert _search_order(embedder) == [CHILD, PARK]  # the model knows a kid is a daughter
    inputs = [request.body["input"] for request in model.requests]
    assert all(request.path == "/v1/embeddings" for request in model.requests)
    # The first search embeds the query and both memories; the second only the query.
    assert sorted(inputs[0]) == sorted(["a park for my toddler", CHILD, PARK])
    assert inputs[1] == ["a park for my toddler"]


def test_a_failing_embedder_leaves_search_to_its_own_arms(
    model: ModelServer, caplog: pytest.LogCaptureFixture
) -> None:
    model.default = json_answer({"error": {"type": "server_error"}}, 500)
    embedder = ModelEmbedder(ModelEndpoint(model.url, "toy", timeout=5))
    with caplog.at_level(logging.WARNING, logger="longmem.server"):
        assert _search_order(embedder) == [PARK, CHILD]
    assert any("without the model embedder" in r.getMessage() for r in caplog.records)
    assert len(model.requests) == 2  # asked each time, never fatal


def _find(embedder: Optional[ModelEmbedder], query: str, **filters: str) -> list[str]:
    with (
        LocalServer(api_key=KEY, embedder=embedder) as server,
        Longmem(api_key=KEY, base_url=server.url, max_retries=0) as mem,
    ):
        mem.add(CHILD, collection="me")
        mem.add(OFFICE, collection="me")
        mem.add(NIECE, collection="me", category="family")
        mem.add(CHILD, collection="other")
        return [h["text"] for h in mem.search(query, collection="me", **filters)]


# Shares no word, stem or lexicon entry with "toddler": only a model can find it.
OFFICE = "User cycles to the office in Berlin"
NIECE = "User's niece Ada is a kid who loves trains"


def test_the_model_finds_what_no_other_arm_does_in_a_small_collection(
    model: ModelServer,
) -> None:
    embedder = ModelEmbedder(ModelEndpoint(model.url, "toy", timeout=5))
    assert _find(None, "toddler") == []
    # Every memory of the collection searched is ranked; those below the embedder's
    # floor (the office: cosine 0.2) are not hits, nor the other collection's. The two
    # tie: the newer first.
    assert _find(embedder, "toddler") == [NIECE, CHILD]
    assert _find(embedder, "toddler", category="family") == [NIECE]
    inputs = [text for request in model.requests for text in request.body["input"]]
    assert OFFICE in inputs and "toddler" in inputs


def test_beyond_the_scope_limit_the_model_only_ranks_what_the_arms_found(
    model: ModelServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search, "MODEL_SCOPE", 2)  # the collection holds 3
    embedder = ModelEmbedder(ModelEndpoint(model.url, "toy", timeout=5))
    assert _find(embedder, "toddler") == []
    assert model.requests == []  # nothing found, so nothing to rank
