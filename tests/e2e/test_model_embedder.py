"""The real client against a LocalServer whose search asks a scripted OpenAI-compatible
embeddings endpoint to rank the candidates: the model's ranking counts, its vectors of
memory texts are cached, and when it fails search answers from its own arms."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from typing import Any, Optional

import pytest

from longmem import Longmem
from longmem.server import LocalServer, search
from longmem.server.model_endpoints import ModelEmbedder, ModelEndpoint

from ..server.model_server import Answer, ModelServer, Recorded, embeddings, json_answer

KEY = "e2e-embedder-key"
# A toy model that knows one thing: a toddler (or a bairn) is a child is a daughter.
# (Search's own lexicon knows "kid", not "toddler"; the built-in meaning reads "toddler"
# near "kid", but nothing near "bairn".)
CHILD_WORDS = ("toddler", "bairn", "kid", "kids", "child", "children", "daughter", "son")
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
    # The first search embeds the query, then both memories; the second only the query.
    assert inputs[0] == ["a park for my toddler"]
    assert sorted(inputs[1]) == sorted([CHILD, PARK])
    assert inputs[2:] == [["a park for my toddler"]]


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


# Shares no word, stem or lexicon entry with "bairn", nor a meaning the built-in vectors
# know: only a model can find it.
OFFICE = "User cycles to the office in Berlin"
NIECE = "User's niece Ada is a kid who loves trains"


def test_the_model_finds_what_no_other_arm_does_in_a_small_collection(
    model: ModelServer,
) -> None:
    embedder = ModelEmbedder(ModelEndpoint(model.url, "toy", timeout=5))
    assert _find(None, "bairn") == []
    # Every memory of the collection searched is ranked; those below the embedder's
    # floor (the office: cosine 0.2) are not hits, nor the other collection's. The two
    # tie: the newer first.
    assert _find(embedder, "bairn") == [NIECE, CHILD]
    assert _find(embedder, "bairn", category="family") == [NIECE]
    inputs = [text for request in model.requests for text in request.body["input"]]
    assert OFFICE in inputs and "bairn" in inputs


def test_beyond_the_scope_limit_the_model_only_ranks_what_the_arms_found(
    model: ModelServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search, "MODEL_SCOPE", 2)  # the collection holds 3
    embedder = ModelEmbedder(ModelEndpoint(model.url, "toy", timeout=5))
    assert _find(embedder, "toddler") == []
    assert model.requests == []  # nothing found, so nothing to rank


def _texts(hits: list[dict[str, Any]]) -> list[str]:
    return [hit["text"] for hit in hits]


def _server(embedder: object) -> LocalServer:
    return LocalServer(api_key=KEY, embedder=embedder)  # type: ignore[arg-type]


@pytest.fixture
def ranks_two(model: ModelServer, monkeypatch: pytest.MonkeyPatch) -> Iterator[Longmem]:
    """A client of a server whose model ranks a scope whole only up to two memories."""
    monkeypatch.setattr(search, "MODEL_SCOPE", 2)
    embedder = ModelEmbedder(ModelEndpoint(model.url, "toy", timeout=5))
    with _server(embedder) as server, Longmem(api_key=KEY, base_url=server.url) as mem:
        yield mem


def test_archived_memories_do_not_count_toward_the_scope(ranks_two: Longmem) -> None:
    mem = ranks_two
    for text in (CHILD, OFFICE, "User archived note one", "User archived note two"):
        mem.add(text, collection="me")
    for hit in mem.list_memories(collection="me"):
        if "archived" in hit["text"]:
            mem.archive(hit["id"], collection="me")
    # Two memories a search may return, four of any kind: the model ranks the two.
    assert _texts(mem.search("toddler", collection="me")) == [CHILD]


def test_a_memory_that_expired_does_not_count_toward_the_scope(ranks_two: Longmem) -> None:
    mem = ranks_two
    mem.add(CHILD, collection="me")
    mem.add(OFFICE, collection="me")
    said = "I'm staying in Lisbon until Friday."  # said in 2020: long over
    stay = mem.remember(said, collection="me", observed_at="2020-01-01T00:00:00Z", sync=True)
    assert [fact["expires_at"] for fact in stay] == ["2020-01-03T23:59:59Z"]
    # Two memories a search may return, three of any kind: the model ranks the two.
    assert _texts(mem.search("toddler", collection="me")) == [CHILD]
    # and three once the stay is asked for too (history): more than the model ranks.
    assert _texts(mem.search("toddler", collection="me", include_history=True)) == []


def test_in_vector_mode_min_score_holds_the_models_cosine(model: ModelServer) -> None:
    # "half" memories: cosine 0.77 with a child question, between the floor and 0.9.
    def vectors(request: Recorded) -> Answer:
        return embeddings(
            [[1.0, 1.0] if "half" in text else _toy_vector(text) for text in request.body["input"]]
        )

    model.default = vectors
    embedder = ModelEmbedder(ModelEndpoint(model.url, "toy", timeout=5))
    with _server(embedder) as server, Longmem(api_key=KEY, base_url=server.url) as mem:
        mem.add("User keeps half a sandwich", collection="me")
        mem.add(CHILD, collection="me")
        hits = mem.search("toddler", collection="me", mode="vector", min_score=0.9)
        assert _texts(hits) == [CHILD]
        loose = mem.search("toddler", collection="me", mode="vector", min_score=0.5)
        assert _texts(loose) == [CHILD, "User keeps half a sandwich"]


def test_a_first_search_keeps_each_batch_and_a_failed_one_is_asked_again(
    model: ModelServer, caplog: pytest.LogCaptureFixture
) -> None:
    texts = [f"User's daughter plays game {n}" for n in range(5)]
    # The query, then five memories one a request: the fourth request fails once.
    model.then(*[_toy_embeddings] * 3, json_answer({"error": {"type": "busy"}}, 503))
    model.default = _toy_embeddings
    embedder = ModelEmbedder(ModelEndpoint(model.url, "toy", timeout=5), batch_size=1)
    with _server(embedder) as server, Longmem(api_key=KEY, base_url=server.url) as mem:
        for text in texts:
            mem.add(text, collection="me")
        with caplog.at_level(logging.WARNING, logger="longmem.server"):
            mem.search("toddler", collection="me")
        assert any("without the model embedder" in r.getMessage() for r in caplog.records)
        kept = [r.body["input"][0] for r in model.requests[1:3]]  # embedded before it failed
        del model.requests[:]
        assert len(_texts(mem.search("toddler", collection="me"))) == 5
        asked = [r.body["input"][0] for r in model.requests]
        assert asked[0] == "toddler"
        assert sorted(asked[1:]) == sorted(t for t in texts if t not in kept)


def test_searches_started_together_embed_each_memory_once(model: ModelServer) -> None:
    def slow(request: Recorded) -> Answer:
        time.sleep(0.2)
        return _toy_embeddings(request)

    model.default = slow
    embedder = ModelEmbedder(ModelEndpoint(model.url, "toy", timeout=5))
    with _server(embedder) as server:
        with Longmem(api_key=KEY, base_url=server.url) as mem:
            mem.add(CHILD, collection="me")
            mem.add(OFFICE, collection="me")
        results: list[list[str]] = []

        def one() -> None:
            with Longmem(api_key=KEY, base_url=server.url) as mem:
                results.append(_texts(mem.search("toddler", collection="me")))

        threads = [threading.Thread(target=one) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert results == [[CHILD]] * 4
    memory_texts = [t for r in model.requests for t in r.body["input"] if t != "toddler"]
    assert sorted(memory_texts) == sorted([CHILD, OFFICE])


def test_a_memory_deleted_while_the_model_ranks_is_not_returned(model: ModelServer) -> None:
    doomed: list[str] = []

    def delete_then_answer(request: Recorded) -> Answer:
        if doomed and "User's son Sam rides a bike" in request.body["input"]:
            with Longmem(api_key=KEY, base_url=server.url) as other:
                other.delete(doomed[0], collection="me")
        return _toy_embeddings(request)

    model.default = delete_then_answer
    embedder = ModelEmbedder(ModelEndpoint(model.url, "toy", timeout=5))
    with _server(embedder) as server, Longmem(api_key=KEY, base_url=server.url) as mem:
        doomed.append(mem.add("User's son Sam rides a bike", collection="me")["id"])
        mem.add(CHILD, collection="me")
        assert _texts(mem.search("toddler", collection="me")) == [CHILD]
        assert len(model.requests) == 2  # the query, then both memories (Sam deleted)


def test_vectors_of_another_dimension_leave_search_to_its_own_arms(
    caplog: pytest.LogCaptureFixture,
) -> None:
    class Shifting:
        similarity_floor = 0.3
        name = "shifting"

        def embed(self, texts: list[str]) -> list[list[float]]:
            size = 2 if texts == ["daughter"] else 3  # the query, then the memories
            return [[1.0] * size for _ in texts]

    with _server(Shifting()) as server, Longmem(api_key=KEY, base_url=server.url) as mem:
        mem.add(CHILD, collection="me")
        with caplog.at_level(logging.WARNING, logger="longmem.server"):
            assert _texts(mem.search("daughter", collection="me")) == [CHILD]
    assert any("2 and 3 dimensions" in r.getMessage() for r in caplog.records)
