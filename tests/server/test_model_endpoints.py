"""Model endpoints (longmem/server/model_endpoints.py) against a scripted OpenAI-compatible
server on 127.0.0.1: the requests sent, the answers read, every failure's fallback or
error, the serve flags, and remember through a LocalServer that uses a model."""

from __future__ import annotations

import json
import logging
import math
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Optional

import pytest

from longmem._protocol import MAX_TEXT_CHARS
from longmem.server import LocalServer
from longmem.server.extract import RuleExtractor
from longmem.server.facts import ATTRIBUTES, USER, ExtractedFact
from longmem.server.model_endpoints import (
    EmbedderError,
    ModelEmbedder,
    ModelEndpoint,
    ModelEndpointError,
    ModelExtractor,
    _json_in,
    system_prompt,
)

from ..client.servers import TLSMaterial, make_tls_material, openssl_path
from ..cost import least_cpu
from .model_server import (
    Answer,
    ModelServer,
    Raw,
    Recorded,
    Stall,
    Trickle,
    chat,
    chat_facts,
    embeddings,
    json_answer,
    redirect,
    text_answer,
)
from .server_api import REPO, Api, C, ServerProcess

KEY_ENV = "LONGMEM_TEST_MODEL_KEY"
KEY = "sk-test-secret-4242"
# A Friday, noon UTC.
OBSERVED = datetime(2026, 3, 6, 12, 0, tzinfo=timezone.utc)
CONTENT = "I moved to Lisbon last week and my sister Anna adopted a cat"
UTC = timezone.utc
# JSON nested deeper than any interpreter's parser goes (and under the 4 MiB cap).
DEEP = "[" * 1_000_000 + "]" * 1_000_000


class Recording:
    """A fallback extractor that says which content it was handed."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, datetime]] = []

    def extract(self, content: str, observed_at: datetime) -> list[ExtractedFact]:
        self.calls.append((content, observed_at))
        return [ExtractedFact(text="from the fallback")]


@pytest.fixture
def model() -> Iterator[ModelServer]:
    server = ModelServer()
    yield server
    server.close()


@pytest.fixture
def keyed(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv(KEY_ENV, KEY)
    return KEY_ENV


def _extractor(
    model: ModelServer, timeout: float = 5.0, key_env: Optional[str] = None, **kw: Any
) -> tuple[ModelExtractor, Recording]:
    rules = Recording()
    endpoint = ModelEndpoint(model.url, "test-model", key_env, timeout, **kw)
    return ModelExtractor(endpoint, rules), rules


def _warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [
        r.getMessage()
        for r in caplog.records
        if r.name == "longmem.server" and r.levelno >= logging.WARNING
    ]


def _fact(text: str, **fields: Any) -> dict[str, Any]:
    """A fact as the schema asks the model for it."""
    return {
        "text": text,
        "type": "fact",
        "statement": "",
        "subject": "user",
        "attribute": None,
        "value": None,
        "negated": False,
        "valid_from": None,
        "expires_at": None,
        **fields,
    }


# -- the endpoint -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8080/v1",
        "http://127.0.0.1:8080/v1/",
        "  http://127.0.0.1:8080/v1/chat/completions ",
        "http://127.0.0.1:8080/v1/embeddings",
    ],
)
def test_endpoint_url_is_the_base_up_to_v1(url: str) -> None:
    endpoint = ModelEndpoint(url, " llama3 ")
    assert endpoint.url == "http://127.0.0.1:8080/v1"
    assert endpoint.name == "llama3@127.0.0.1:8080"


def test_endpoint_url_without_v1_is_kept_as_given() -> None:
    endpoint = ModelEndpoint("https://Example.COM/v1beta/openai/", "gemini")
    assert endpoint.url == "https://Example.COM/v1beta/openai"
    assert endpoint.name == "gemini@example.com"


@pytest.mark.parametrize(
    ("url", "model", "timeout"),
    [
        ("ftp://127.0.0.1/v1", "m", 30.0),
        ("127.0.0.1:8080/v1", "m", 30.0),
        ("http:///v1", "m", 30.0),
        ("http://user:secret@127.0.0.1/v1", "m", 30.0),
        ("http://127.0.0.1/v1?key=secret", "m", 30.0),
        ("http://127.0.0.1:99999/v1", "m", 30.0),
        ("http://127.0.0.1/v1", " ", 30.0),
        ("http://127.0.0.1/v1", "m", 0.0),
        ("http://127.0.0.1/v1", "m", math.nan),
        ("http://127.0.0.1/v1", "m", math.inf),
        ("http://127.0.0.1/v 1", "m", 30.0),
        ("http://127.0.0.1/vé", "m", 30.0),
    ],
)
def test_endpoint_refuses_bad_settings(url: str, model: str, timeout: float) -> None:
    with pytest.raises(ValueError) as caught:
        ModelEndpoint(url, model, timeout=timeout)
    assert "secret" not in str(caught.value) or "credentials" in str(caught.value)


@pytest.mark.parametrize("key_env", ["sk-test-secret-4242", "", "OPENAI API KEY", "1KEY"])
def test_endpoint_key_env_is_a_name_never_echoed(key_env: str) -> None:
    with pytest.raises(ValueError) as caught:
        ModelEndpoint("http://127.0.0.1/v1", "m", key_env)
    assert "name of an environment variable" in str(caught.value)
    assert key_env not in str(caught.value) or not key_env


def test_endpoint_repr_carries_no_key(keyed: str) -> None:
    endpoint = ModelEndpoint("http://127.0.0.1/v1", "m", keyed)
    assert KEY not in repr(endpoint)
    assert KEY not in repr(ModelExtractor(endpoint, Recording()))
    assert KEY not in repr(ModelEmbedder(endpoint))


# -- the extractor's request ---------------------------------------------------------------


def test_extractor_posts_a_strict_chat_completions_request(model: ModelServer, keyed: str) -> None:
    model.then(chat_facts())
    extractor, _ = _extractor(model, key_env=keyed)
    extractor.extract(CONTENT, OBSERVED)
    (request,) = model.requests
    assert request.path == "/v1/chat/completions"
    assert request.header("Authorization") == f"Bearer {KEY}"
    assert request.header("Content-Type") == "application/json"
    body = request.body
    assert body["model"] == "test-model"
    assert body["temperature"] == 0
    system, user = body["messages"]
    assert system == {"role": "system", "content": system_prompt()}
    assert user["role"] == "user"
    assert "2026-03-06T12:00:00Z" in user["content"]
    assert "Friday" in user["content"]
    assert user["content"].endswith(CONTENT)
    form = body["response_format"]
    assert form["type"] == "json_schema"
    assert form["json_schema"]["name"] == "facts"
    assert form["json_schema"]["strict"] is True
    schema = form["json_schema"]["schema"]
    assert schema["required"] == ["facts"]
    fact = schema["properties"]["facts"]["items"]
    assert fact["additionalProperties"] is False
    assert (
        set(fact["required"])
        == set(fact["properties"])
        == {
            "text",
            "type",
            "statement",
            "subject",
            "attribute",
            "value",
            "negated",
            "valid_from",
            "expires_at",
        }
    )
    assert fact["properties"]["type"]["enum"] == ["fact", "preference", "episode"]
    named = [a for a in fact["properties"]["attribute"]["anyOf"] if "enum" in a]
    assert named == [{"type": "string", "enum": list(ATTRIBUTES)}]


def test_extractor_sends_observed_at_in_utc(model: ModelServer) -> None:
    model.then(chat_facts(), chat_facts())
    extractor, _ = _extractor(model)
    extractor.extract("hello", OBSERVED.astimezone(timezone(timedelta(hours=-5))))
    extractor.extract("hello", OBSERVED.replace(tzinfo=None))  # naive: read as UTC
    for request in model.requests:
        assert "Observed at: 2026-03-06T12:00:00Z" in request.body["messages"][1]["content"]


def test_extractor_sends_no_authorization_without_a_key_env(model: ModelServer) -> None:
    model.then(chat_facts())
    extractor, _ = _extractor(model)
    extractor.extract(CONTENT, OBSERVED)
    assert model.requests[0].header("Authorization") is None


def test_system_prompt_lists_each_attribute_as_single_or_multi_valued() -> None:
    lines = system_prompt().splitlines()
    (single,) = [line for line in lines if "Single-valued" in line]
    (multi,) = [line for line in lines if "Multi-valued" in line]
    for name, spec in ATTRIBUTES.items():
        assert (f" {name} (" in single) is spec.single, name
        assert (f" {name} (" in multi) is not spec.single, name
    assert "favorite:<thing>" in system_prompt()
    assert "date:<event>" in system_prompt()
    assert "sister:Anna" in system_prompt()


# -- reading good answers ------------------------------------------------------------------


def test_good_answer_becomes_keyed_facts_with_utc_timestamps(model: ModelServer) -> None:
    model.then(
        chat_facts(
            _fact(
                "User lives in Lisbon",
                statement="I moved to Lisbon last week",
                subject="User",
                attribute=" Home ",
                value="Lisbon",
                valid_from="2026-02-27",
            ),
            _fact(
                "User's sister Anna has a cat",
                statement="my sister Anna adopted a cat",
                subject="Sister:Anna",
                attribute="pets",
                value="cat",
                valid_from="2026-02-27T09:30:00+01:00",
                expires_at="2026-03-08",
            ),
            _fact(
                "User no longer eats meat",
                type="preference",
                attribute="diet",
                value="meat",
                negated=True,
                valid_from="2026-03-01T08:15",
                expires_at="2026-03-09T10:00:00Z",
            ),
        )
    )
    extractor, rules = _extractor(model)
    facts = extractor.extract(CONTENT, OBSERVED)
    assert facts == [
        ExtractedFact(
            text="User lives in Lisbon",
            type="fact",
            statement="I moved to Lisbon last week",
            subject=USER,
            attribute="home",
            value="Lisbon",
            valid_from=datetime(2026, 2, 27, tzinfo=UTC),
        ),
        ExtractedFact(
            text="User's sister Anna has a cat",
            type="fact",
            statement="my sister Anna adopted a cat",
            subject="sister:Anna",
            attribute="pets",
            value="cat",
            valid_from=datetime(2026, 2, 27, 8, 30, tzinfo=UTC),
            expires_at=datetime(2026, 3, 8, 23, 59, 59, tzinfo=UTC),
        ),
        ExtractedFact(
            text="User no longer eats meat",
            type="preference",
            statement=CONTENT,  # none given: the whole content
            subject=USER,
            attribute="diet",
            value="meat",
            negated=True,
            valid_from=datetime(2026, 3, 1, 8, 15, tzinfo=UTC),
            expires_at=datetime(2026, 3, 9, 10, 0, tzinfo=UTC),
        ),
    ]
    for fact in facts:
        for moment in (fact.valid_from, fact.expires_at):
            assert moment is None or moment.utcoffset() == timedelta(0)
    assert rules.calls == []


def test_unknown_attribute_keeps_the_fact_unkeyed(model: ModelServer) -> None:
    model.then(
        chat_facts(
            _fact("User wears size 44 shoes", attribute="shoe_size", value="44"),
            _fact("User lives somewhere", attribute="home", value=None),
            _fact("User's favorite color is green", attribute="favorite:Color", value="green"),
            _fact("User's exam is on 20 May", attribute="date:Exam", value="20 May"),
            _fact("User speaks Basque", attribute=7, value="Basque"),
        )
    )
    extractor, rules = _extractor(model)
    facts = extractor.extract(CONTENT, OBSERVED)
    assert [(f.text, f.attribute, f.value) for f in facts] == [
        ("User wears size 44 shoes", None, None),
        ("User lives somewhere", None, None),
        ("User's favorite color is green", "favorite:color", "green"),
        ("User's exam is on 20 May", "date:exam", "20 May"),
        ("User speaks Basque", None, None),
    ]
    assert rules.calls == []


def test_invalid_facts_are_dropped_one_by_one(
    model: ModelServer, caplog: pytest.LogCaptureFixture
) -> None:
    model.then(
        chat_facts(
            "User likes tea",  # type: ignore[arg-type]
            {"type": "fact"},
            _fact(""),
            _fact("   "),
            _fact("x" * (MAX_TEXT_CHARS + 1)),
            _fact("User is tall", type="opinion"),
            _fact("User is tall", subject=42),
            _fact("User is tall", subject="s" * 500),
            _fact("User is tall", negated="yes"),
            _fact("User is kept", valid_from="last week", expires_at="2026-02-30"),
        )
    )
    extractor, rules = _extractor(model)
    with caplog.at_level(logging.WARNING, "longmem.server"):
        facts = extractor.extract(CONTENT, OBSERVED)
    assert facts == [ExtractedFact(text="User is kept", statement=CONTENT)]
    assert rules.calls == []
    assert _warnings(caplog) == []


@pytest.mark.parametrize(
    "wrap",
    [
        "```json\n{}\n```",
        "```\n{}\n```",
        "Here are the facts:\n```JSON\n{}```\nAnything else?",
        "Sure. {} Hope that helps.",
    ],
)
def test_json_in_a_fence_or_amid_prose_is_read(model: ModelServer, wrap: str) -> None:
    answer = json.dumps({"facts": [_fact("User lives in Lisbon")]})
    model.then(chat(wrap.replace("{}", answer)))
    extractor, rules = _extractor(model)
    assert [f.text for f in extractor.extract(CONTENT, OBSERVED)] == ["User lives in Lisbon"]
    assert rules.calls == []


@pytest.mark.parametrize(("opening", "run"), [("```", "a"), ("```json", " "), ("```", "\n")])
def test_a_fence_never_closed_costs_time_linear_in_the_answer(opening: str, run: str) -> None:
    # The fence's pattern ran a lazy group to a closing fence that was not there, once for
    # each letter of the language name (or space after it) it gave back: 20,000 letters
    # took 2.7 s, and an answer may hold 4 MB. A ratio: four times the answer, about four
    # times the CPU.
    def cost(chars: int) -> float:
        text = opening + run * chars + "x"

        def read() -> None:
            with pytest.raises(ModelEndpointError):
                _json_in(text)

        return least_cpu(read)

    assert cost(80_000) < 8 * cost(20_000)


def test_content_given_as_parts_is_read(model: ModelServer) -> None:
    answer = json.dumps({"facts": [_fact("User lives in Lisbon")]})
    model.then(chat([{"type": "text", "text": answer[:20]}, {"type": "text", "text": answer[20:]}]))
    extractor, _ = _extractor(model)
    assert [f.text for f in extractor.extract(CONTENT, OBSERVED)] == ["User lives in Lisbon"]


def test_an_empty_fact_list_is_honoured(
    model: ModelServer, caplog: pytest.LogCaptureFixture
) -> None:
    model.then(chat_facts())
    extractor, rules = _extractor(model)
    with caplog.at_level(logging.WARNING, "longmem.server"):
        assert extractor.extract("thanks!", OBSERVED) == []
    assert rules.calls == []
    assert _warnings(caplog) == []


def test_blank_content_asks_nobody(model: ModelServer) -> None:
    extractor, rules = _extractor(model)
    assert extractor.extract(" \n", OBSERVED) == []
    assert model.requests == []
    assert rules.calls == []


# -- failures: the fallback, one warning ---------------------------------------------------


def _big(size: int) -> bytes:
    """A good answer, but of ``size`` bytes and more."""
    return chat_facts(_fact("User lives in Lisbon " + "x" * size)).body


FAILURES: list[tuple[str, Any, str]] = [
    ("garbage", chat("Sure! Lisbon is lovely this time of year."), "not JSON"),
    ("wrong shape", chat('{"memories": ["User moved to Lisbon"]}'), 'not {"facts"'),
    ("facts not a list", chat('{"facts": "User moved to Lisbon"}'), 'not {"facts"'),
    ("a bare list", chat('[{"text": "User moved to Lisbon"}]'), 'not {"facts"'),
    ("not a completion", json_answer({"text": "User moved to Lisbon"}), "not a chat completion"),
    ("no choices", json_answer({"choices": []}), "not a chat completion"),
    ("refusal", chat(None, refusal="I cannot help with Lisbon"), "refused"),
    ("no content", chat(""), "no content"),
    (
        "all facts invalid",
        chat_facts(_fact(""), _fact("User moved to Lisbon", type="rumour")),
        "none of the 2 facts",
    ),
    (
        "HTTP 500",
        json_answer({"error": {"message": "boom: Lisbon", "type": "server_error"}}, 500),
        "HTTP 500 (server_error)",
    ),
    ("HTTP 404", text_answer("model 'Lisbon' not found", 404), "HTTP 404"),
    ("HTTP 502, larger than the cap", Answer(b"Lisbon" * 2000, 502), "HTTP 502"),
    ("a body that is not JSON", text_answer("<html>Lisbon</html>"), "not JSON"),
    ("stall", Stall(), "no complete answer within 0.3 s"),
    ("trickle", Trickle(_big(400), interval=0.02), "no complete answer within 0.3 s"),
    ("too large, by its length", Answer(_big(5000)), "larger than 4096 bytes"),
    ("too large, read to its end", Raw(b"HTTP/1.0 200 OK\r\n\r\n" + _big(5000)), "larger"),
    ("cut short", Raw(b"HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\n{"), "broken HTTP"),
    ("not HTTP", Raw(b"SSH-2.0-OpenSSH\r\n"), "broken HTTP"),
]


@pytest.mark.parametrize(("case", "step", "reason"), FAILURES, ids=[f[0] for f in FAILURES])
def test_each_failure_falls_back_with_one_warning(
    model: ModelServer,
    keyed: str,
    caplog: pytest.LogCaptureFixture,
    case: str,
    step: Any,
    reason: str,
) -> None:
    model.then(step)
    # Only the cases that time out get a short timeout: a busy machine must not turn the
    # others into timeouts.
    timeout = 0.3 if "within 0.3 s" in reason else 10.0
    extractor, rules = _extractor(model, timeout=timeout, key_env=keyed, max_response_bytes=4096)
    started = time.monotonic()
    with caplog.at_level(logging.WARNING, "longmem.server"):
        facts = extractor.extract(CONTENT, OBSERVED)
    assert time.monotonic() - started < 5  # generous: a trickle alone would take 20 s
    assert facts == [ExtractedFact(text="from the fallback")]
    assert rules.calls == [(CONTENT, OBSERVED)]
    (warning,) = _warnings(caplog)
    assert reason in warning
    assert model.url in warning and "test-model" in warning
    assert KEY not in warning
    assert "Lisbon" not in warning  # neither the content nor the model's words
    assert len(model.requests) == 1


@pytest.mark.parametrize("step", [Answer(DEEP.encode()), chat(DEEP)], ids=["body", "content"])
def test_json_nested_too_deep_falls_back(
    model: ModelServer, caplog: pytest.LogCaptureFixture, step: Answer
) -> None:
    model.then(step)
    extractor, rules = _extractor(model)
    with caplog.at_level(logging.WARNING, "longmem.server"):
        assert extractor.extract(CONTENT, OBSERVED) == [ExtractedFact(text="from the fallback")]
    assert len(rules.calls) == 1
    (warning,) = _warnings(caplog)
    assert "not JSON" in warning


def test_a_redirect_is_not_followed(model: ModelServer, caplog: pytest.LogCaptureFixture) -> None:
    elsewhere = ModelServer().then(chat_facts(_fact("User lives in Lisbon")))
    try:
        model.then(redirect(elsewhere.url + "/chat/completions"))
        extractor, rules = _extractor(model)
        with caplog.at_level(logging.WARNING, "longmem.server"):
            assert extractor.extract(CONTENT, OBSERVED) == [ExtractedFact(text="from the fallback")]
        assert len(rules.calls) == 1
        assert elsewhere.requests == []
        (warning,) = _warnings(caplog)
        assert "HTTP 307: redirects are not followed" in warning
    finally:
        elsewhere.close()


def test_a_refused_connection_falls_back(
    caplog: pytest.LogCaptureFixture, refused_port: int
) -> None:
    rules = Recording()
    endpoint = ModelEndpoint(f"http://127.0.0.1:{refused_port}/v1", "m", timeout=2)
    extractor = ModelExtractor(endpoint, rules)
    with caplog.at_level(logging.WARNING, "longmem.server"):
        assert extractor.extract(CONTENT, OBSERVED) == [ExtractedFact(text="from the fallback")]
    (warning,) = _warnings(caplog)
    assert "connection failed" in warning


@pytest.mark.parametrize(
    ("value", "reason"),
    [(None, "holds no API key"), ("  ", "holds no API key"), (KEY + "\nX-Evil: 1", "cannot carry")],
)
def test_a_missing_or_unsendable_key_falls_back_without_a_request(
    model: ModelServer,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    value: Optional[str],
    reason: str,
) -> None:
    if value is None:
        monkeypatch.delenv(KEY_ENV, raising=False)
    else:
        monkeypatch.setenv(KEY_ENV, value)
    extractor, rules = _extractor(model, key_env=KEY_ENV)
    with caplog.at_level(logging.WARNING, "longmem.server"):
        assert extractor.extract(CONTENT, OBSERVED) == [ExtractedFact(text="from the fallback")]
    assert len(rules.calls) == 1
    (warning,) = _warnings(caplog)
    assert reason in warning and KEY_ENV in warning
    assert KEY not in warning
    assert model.requests == []


def test_a_fallback_that_raises_still_keeps_the_statement(model: ModelServer) -> None:
    class Broken:
        def extract(self, content: str, observed_at: datetime) -> list[ExtractedFact]:
            raise RuntimeError("rules broke")

    model.then(text_answer("down", 503))
    extractor = ModelExtractor(ModelEndpoint(model.url, "m"), Broken())
    facts = extractor.extract(f"  {CONTENT} ", OBSERVED)
    assert facts == [ExtractedFact(text=CONTENT, statement=f"  {CONTENT} ")]


def test_a_model_answer_that_breaks_the_parser_falls_back(
    model: ModelServer, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    import longmem.server.model_endpoints as endpoints

    def broken(item: Any, content: str) -> None:
        raise KeyError("a bug")

    monkeypatch.setattr(endpoints, "_fact", broken)
    model.then(chat_facts(_fact("User lives in Lisbon")))
    extractor, rules = _extractor(model)
    with caplog.at_level(logging.WARNING, "longmem.server"):
        assert extractor.extract(CONTENT, OBSERVED) == [ExtractedFact(text="from the fallback")]
    assert len(rules.calls) == 1
    (warning,) = _warnings(caplog)
    assert "unexpected KeyError" in warning
    assert "a bug" not in warning


def test_the_fallback_is_used_per_call_only(model: ModelServer) -> None:
    model.then(text_answer("busy", 503), chat_facts(_fact("User lives in Lisbon")))
    extractor, rules = _extractor(model)
    assert [f.text for f in extractor.extract(CONTENT, OBSERVED)] == ["from the fallback"]
    assert [f.text for f in extractor.extract(CONTENT, OBSERVED)] == ["User lives in Lisbon"]
    assert len(rules.calls) == 1


@pytest.fixture(scope="module")
def tls(tmp_path_factory: pytest.TempPathFactory) -> TLSMaterial:
    if openssl_path() is None:
        pytest.skip("the openssl command line tool is not available")
    return make_tls_material(tmp_path_factory.mktemp("tls"))


def test_https_is_verified_and_keeps_the_deadline(
    tls: TLSMaterial, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    secure = ModelServer(tls=tls.server_context())
    try:
        secure.then(
            chat_facts(_fact("User lives in Lisbon")),
            Trickle(_big(400), interval=0.02),
            chat_facts(_fact("User lives in Porto")),
        )
        extractor, rules = _extractor(secure, timeout=0.5)
        # Trusted through the CA the default context is told of.
        monkeypatch.setenv("SSL_CERT_FILE", str(tls.ca_file))
        assert [f.text for f in extractor.extract(CONTENT, OBSERVED)] == ["User lives in Lisbon"]
        with caplog.at_level(logging.WARNING, "longmem.server"):
            started = time.monotonic()
            assert extractor.extract(CONTENT, OBSERVED) == [ExtractedFact(text="from the fallback")]
            assert time.monotonic() - started < 5  # generous: the trickle takes 20 s
            # Not trusted: the certificate is checked.
            monkeypatch.delenv("SSL_CERT_FILE")
            assert extractor.extract(CONTENT, OBSERVED) == [ExtractedFact(text="from the fallback")]
        timeout, untrusted = _warnings(caplog)
        assert "no complete answer within 0.5 s" in timeout
        assert "connection failed" in untrusted and "CERTIFICATE_VERIFY_FAILED" in untrusted
        assert len(rules.calls) == 2
    finally:
        secure.close()


# -- the embedder --------------------------------------------------------------------------


def _embedder(model: ModelServer, timeout: float = 5.0, **kw: Any) -> ModelEmbedder:
    return ModelEmbedder(ModelEndpoint(model.url, "embed-model", KEY_ENV, timeout), **kw)


def test_embedder_posts_model_and_input_with_the_key(model: ModelServer, keyed: str) -> None:
    model.then(embeddings([[1.0, 0.0], [0.0, 1.0]]))
    _embedder(model).embed(["tea", "coffee"])
    (request,) = model.requests
    assert request.path == "/v1/embeddings"
    assert request.body == {"model": "embed-model", "input": ["tea", "coffee"]}
    assert request.header("Authorization") == f"Bearer {KEY}"


def test_embedder_reorders_by_index_and_normalises(model: ModelServer, keyed: str) -> None:
    model.then(embeddings([[0.0, 2.0], [3.0, 4.0], [1, 1]], indexes=[1, 0, 2]))
    vectors = _embedder(model).embed(["a", "b", "c"])
    assert vectors == [[0.6, 0.8], [0.0, 1.0], pytest.approx([math.sqrt(0.5)] * 2)]
    for vector in vectors:
        assert math.hypot(*vector) == pytest.approx(1.0)


def test_embedder_without_indexes_keeps_answer_order(model: ModelServer, keyed: str) -> None:
    data = [{"embedding": [1.0, 0.0]}, {"embedding": [0.0, 5.0]}]
    model.then(json_answer({"data": data}))
    assert _embedder(model).embed(["a", "b"]) == [[1.0, 0.0], [0.0, 1.0]]


def test_embedder_sends_batches_and_keeps_input_order(model: ModelServer, keyed: str) -> None:
    def by_text(request: Recorded) -> Answer:
        # Reversed on purpose: the index puts each vector back in its place.
        texts = request.body["input"]
        return embeddings(
            [[float(len(t)), 1.0] for t in reversed(texts)], list(range(len(texts)))[::-1]
        )

    model.default = by_text
    texts = ["a", "bb", "ccc", "dddd", "eeeee"]
    vectors = _embedder(model, batch_size=2).embed(texts)
    assert [r.body["input"] for r in model.requests] == [["a", "bb"], ["ccc", "dddd"], ["eeeee"]]
    for text, vector in zip(texts, vectors):
        norm = math.hypot(len(text), 1.0)
        assert vector == pytest.approx([len(text) / norm, 1 / norm])


def test_embedder_remembers_its_dimension(model: ModelServer, keyed: str) -> None:
    embedder = _embedder(model)
    assert embedder.dimension is None
    model.then(embeddings([[1.0, 0.0, 0.0]]), embeddings([[1.0, 0.0, 0.0, 0.0]]))
    embedder.embed(["a"])
    assert embedder.dimension == 3
    with pytest.raises(EmbedderError, match="dimension 4, expected 3"):
        embedder.embed(["b"])
    assert embedder.dimension == 3


def test_embedder_refuses_mixed_dimensions_in_its_first_answer(
    model: ModelServer, keyed: str
) -> None:
    embedder = _embedder(model)
    model.then(embeddings([[1.0, 0.0], [1.0, 0.0, 0.0]]))
    with pytest.raises(EmbedderError, match="dimension 2, 3"):
        embedder.embed(["a", "b"])
    assert embedder.dimension is None


EMBED_FAILURES: list[tuple[str, Any, str]] = [
    ("HTTP 500", json_answer({"error": {"message": "tea", "code": "overloaded"}}, 500), "HTTP 500"),
    ("garbage", text_answer("tea coffee"), "not JSON"),
    ("nested too deep", Answer(DEEP.encode()), "not JSON"),
    ("wrong shape", json_answer({"embeddings": [[1.0], [1.0]]}), '"data"'),
    ("count mismatch", embeddings([[1.0, 0.0]]), "asked for 2 embeddings, got 1"),
    ("repeated index", embeddings([[1.0], [1.0]], indexes=[0, 0]), "indexes"),
    ("index out of range", embeddings([[1.0], [1.0]], indexes=[0, 2]), "indexes"),
    ("NaN", Answer(b'{"data": [{"embedding": [NaN, 1]}, {"embedding": [1, 1]}]}'), "non-finite"),
    ("a string", embeddings([[1.0, "2"], [1.0, 1.0]]), "other than numbers"),  # type: ignore[list-item]
    ("a boolean", embeddings([[True, 1.0], [1.0, 1.0]]), "other than numbers"),
    ("base64", json_answer({"data": [{"embedding": "AAAA"}, {"embedding": "AAAA"}]}), "list"),
    ("empty vector", embeddings([[], [1.0]]), "non-empty list"),
    ("zero vector", embeddings([[0.0, 0.0], [1.0, 1.0]]), "no direction"),
    ("stall", Stall(), "no complete answer within 0.3 s"),
    ("redirect", redirect("http://127.0.0.1:1/v1/embeddings"), "redirects are not followed"),
]


@pytest.mark.parametrize(
    ("case", "step", "reason"), EMBED_FAILURES, ids=[f[0] for f in EMBED_FAILURES]
)
def test_embedder_raises_embedder_error(
    model: ModelServer, keyed: str, case: str, step: Any, reason: str
) -> None:
    model.then(step)
    embedder = _embedder(model, timeout=0.3 if "within 0.3 s" in reason else 10.0)
    with pytest.raises(EmbedderError) as caught:
        embedder.embed(["tea", "coffee"])
    message = str(caught.value)
    assert reason in message
    assert f"embed-model@127.0.0.1:{model.port}" in message
    assert KEY not in message
    assert embedder.dimension is None


def test_embedder_without_texts_asks_nobody(model: ModelServer) -> None:
    embedder = _embedder(model)
    assert embedder.embed([]) == []
    assert model.requests == []
    with pytest.raises(TypeError):
        embedder.embed("one string")


def test_embedder_name_and_similarity_floor(model: ModelServer) -> None:
    embedder = _embedder(model)
    assert embedder.name == f"embed-model@127.0.0.1:{model.port}"
    assert embedder.similarity_floor == 0.3
    assert _embedder(model, similarity_floor=0.55).similarity_floor == 0.55
    with pytest.raises(ValueError):
        _embedder(model, similarity_floor=1.5)
    with pytest.raises(ValueError):
        _embedder(model, batch_size=0)


# -- LocalServer ---------------------------------------------------------------------------


def _remember(api: Api, content: str) -> list[dict[str, Any]]:
    reply = api.post(f"{C}/me/remember?sync=true", {"content": content})
    assert reply.status == 200, reply.raw
    return reply.json["facts"]  # type: ignore[no-any-return]


def test_remember_stores_the_models_facts_and_the_rules_when_it_fails(
    model: ModelServer, caplog: pytest.LogCaptureFixture
) -> None:
    model.then(
        chat_facts(_fact("User lives in Lisbon", attribute="home", value="Lisbon")),
        json_answer({"error": {"type": "server_error"}}, 500),
    )
    extractor = ModelExtractor(ModelEndpoint(model.url, "test-model", timeout=5), RuleExtractor())
    with LocalServer(extractor=extractor) as server:
        api = Api(server, server.api_key)
        (fact,) = _remember(api, "we moved to Lisbon")
        assert (fact["text"], fact["attribute"], fact["value"]) == (
            "User lives in Lisbon",
            "home",
            "Lisbon",
        )
        assert fact["statement"] == "we moved to Lisbon"
        with caplog.at_level(logging.WARNING, "longmem.server"):
            (fact,) = _remember(api, "I work at Acme")
        assert fact["text"] == "User works at Acme"  # the rules' words
        texts = {m["text"] for m in api.get(f"{C}/me/memories").json}
        assert texts == {"User lives in Lisbon", "User works at Acme"}
        api.close()
    assert len(model.requests) == 2
    (warning,) = _warnings(caplog)
    assert "HTTP 500" in warning


class _Broken(RuleExtractor):
    """The rules with a bug: every statement that names Leeds raises."""

    def extract(self, content: str, observed_at: datetime) -> list[ExtractedFact]:
        if "Leeds" in content:
            raise KeyError("oldest one")
        return super().extract(content, observed_at)


def test_a_failing_extractor_stores_what_was_said_as_a_plain_memory(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with LocalServer(extractor=_Broken()) as server:
        api = Api(server, server.api_key)
        with caplog.at_level(logging.ERROR, "longmem.server"):
            (fact,) = _remember(api, "I moved to Leeds")
        assert (fact["text"], fact["attribute"], fact["statement"]) == (
            "I moved to Leeds",
            None,
            "I moved to Leeds",
        )
        (kept,) = _remember(api, "I work at Acme")  # the next statement is read as ever
        assert (kept["attribute"], kept["value"]) == ("employer", "Acme")
        texts = {m["text"] for m in api.get(f"{C}/me/memories").json}
        assert texts == {"I moved to Leeds", "User works at Acme"}
        api.close()
    (error,) = [
        r for r in caplog.records if r.name == "longmem.server" and r.levelno >= logging.ERROR
    ]
    assert "extractor failed on a statement of 16 characters" in error.getMessage()
    assert error.exc_info is not None and "Leeds" not in error.getMessage()


def test_local_server_defaults_to_the_rules_and_keeps_the_embedder(model: ModelServer) -> None:
    embedder = _embedder(model)
    with LocalServer(embedder=embedder) as server:
        assert isinstance(server.extractor, RuleExtractor)
        assert server.embedder is embedder
        services = server._httpd.services  # type: ignore[union-attr]
        assert services.search.ranker is not None
        assert services.search.ranker.embedder is embedder  # in the built-in meaning's place
        assert services.extractor is server.extractor
    assert model.requests == []  # nothing is called before a request needs it


def test_local_server_refuses_what_is_not_an_extractor() -> None:
    with pytest.raises(TypeError):
        LocalServer(extractor="rules")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        LocalServer(embedder=object())  # type: ignore[arg-type]


# -- serve's flags -------------------------------------------------------------------------


def _serve(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("LONGMEM_SERVER_")}
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "longmem.server",
            "--port",
            "0",
            "--db",
            str(tmp_path / "x.db"),
            *args,
        ],
        cwd=str(REPO),
        env={**clean, "PYTHONPATH": str(REPO), **env},
        capture_output=True,
        text=True,
        timeout=20,
    )


USAGE_ERRORS: list[tuple[list[str], dict[str, str], str]] = [
    (["--extractor-url", "http://127.0.0.1:1/v1"], {}, "--extractor-url needs --extractor-model"),
    (["--extractor-model", "m"], {}, "--extractor-model needs --extractor-url"),
    ([], {"LONGMEM_SERVER_EMBEDDER_URL": "http://127.0.0.1:1/v1"}, "--embedder-url needs"),
    ([], {"LONGMEM_SERVER_EMBEDDER_MODEL": "m"}, "--embedder-model needs --embedder-url"),
    (["--extractor-key-env", KEY_ENV], {}, "need --extractor-url and --extractor-model"),
    (["--embedder-timeout", "5"], {}, "need --embedder-url and --embedder-model"),
    (
        ["--extractor-url", "ftp://127.0.0.1/v1", "--extractor-model", "m"],
        {},
        "http:// or https://",
    ),
    (
        ["--extractor-url", "http://127.0.0.1/v1", "--extractor-model", "m"],
        {"LONGMEM_SERVER_EXTRACTOR_KEY_ENV": KEY},  # the key itself, by mistake
        "extractor: key_env takes the name of an environment variable",
    ),
    (
        ["--embedder-url", "http://127.0.0.1/v1", "--embedder-model", "m"],
        {"LONGMEM_SERVER_EMBEDDER_KEY_ENV": "LONGMEM_TEST_UNSET_KEY"},
        "names LONGMEM_TEST_UNSET_KEY, which is not set",
    ),
    (
        ["--extractor-url", "http://127.0.0.1/v1", "--extractor-model", "m"],
        {"LONGMEM_SERVER_EXTRACTOR_TIMEOUT": "soon"},
        "LONGMEM_SERVER_EXTRACTOR_TIMEOUT",
    ),
    (
        ["--extractor-url", "http://127.0.0.1/v1", "--extractor-model", "m"],
        {"LONGMEM_SERVER_EXTRACTOR_TIMEOUT": "-1"},
        "positive number of seconds",
    ),
]


@pytest.mark.parametrize(("args", "env", "message"), USAGE_ERRORS)
def test_serve_usage_errors_exit_2(
    tmp_path: Path, args: list[str], env: dict[str, str], message: str
) -> None:
    result = _serve(tmp_path, *args, **env)
    assert result.returncode == 2, result.stderr
    assert message in result.stderr
    assert KEY not in result.stderr + result.stdout
    assert not (tmp_path / "x.db").exists()


def test_serve_flags_win_over_the_environment(tmp_path: Path, model: ModelServer) -> None:
    proc = ServerProcess(
        "--port",
        "0",
        "--db",
        str(tmp_path / "flags.db"),
        "--extractor-url",
        model.url,
        "--extractor-timeout",
        "5",
        env={
            "LONGMEM_SERVER_EXTRACTOR_URL": "http://127.0.0.1:1/v1",
            "LONGMEM_SERVER_EXTRACTOR_MODEL": "from-env",
            "LONGMEM_SERVER_EXTRACTOR_TIMEOUT": "not a number",  # the flag wins: never read
        },
    )
    assert f"longmem: extractor: from-env@127.0.0.1:{model.port} " in "".join(proc.lines)
    assert proc.finish()[0] == 0


def test_serve_says_rules_and_the_built_in_meaning_by_default(tmp_path: Path) -> None:
    proc = ServerProcess("--port", "0", "--db", str(tmp_path / "plain.db"))
    said = "longmem: extractor: rules; embedder: built-in meaning (static all-MiniLM-L6-v2)\n"
    assert said in proc.lines
    assert proc.finish()[0] == 0


@pytest.mark.parametrize(
    ("flags", "env"),
    [
        (("--meaning", "off"), {}),
        (("--meaning", "OFF"), {}),
        ((), {"LONGMEM_SERVER_MEANING": "off"}),
    ],
)
def test_serve_without_the_built_in_meaning_says_so(
    tmp_path: Path, flags: tuple[str, ...], env: dict[str, str]
) -> None:
    proc = ServerProcess("--port", "0", "--db", str(tmp_path / "plain.db"), *flags, env=env)
    assert "longmem: extractor: rules; embedder: built-in vectors only\n" in proc.lines
    assert proc.finish()[0] == 0


@pytest.mark.parametrize(
    ("flags", "env"), [(("--meaning", "maybe"), {}), ((), {"LONGMEM_SERVER_MEANING": "1"})]
)
def test_serve_refuses_a_meaning_neither_on_nor_off(
    tmp_path: Path, flags: tuple[str, ...], env: dict[str, str]
) -> None:
    done = _serve(tmp_path, *flags, **env)
    assert done.returncode == 2
    assert "--meaning: must be on or off" in done.stderr


def test_serve_uses_the_configured_model_and_never_prints_its_key(
    tmp_path: Path, model: ModelServer
) -> None:
    model.then(chat_facts(_fact("User lives in Lisbon", attribute="home", value="Lisbon")))
    proc = ServerProcess(
        "--port",
        "0",
        "--db",
        str(tmp_path / "model.db"),
        "--api-key",
        "lm_model_test",
        "--embedder-url",
        model.url,
        "--embedder-model",
        "embed-model",
        env={
            "LONGMEM_SERVER_EXTRACTOR_URL": model.url,
            "LONGMEM_SERVER_EXTRACTOR_MODEL": "chat-model",
            "LONGMEM_SERVER_EXTRACTOR_KEY_ENV": KEY_ENV,
            KEY_ENV: KEY,
        },
    )
    where = f"127.0.0.1:{model.port}"
    line = f"longmem: extractor: chat-model@{where} (the rules when it fails); "
    assert line + f"embedder: embed-model@{where}\n" in proc.lines
    api = proc.api("lm_model_test")
    (fact,) = _remember(api, "we moved to Lisbon")
    assert fact["text"] == "User lives in Lisbon"
    api.close()
    (request,) = model.requests
    assert request.body["model"] == "chat-model"
    assert request.header("Authorization") == f"Bearer {KEY}"
    code, out = proc.finish()
    assert code == 0
    assert KEY not in "".join(proc.lines) + out
