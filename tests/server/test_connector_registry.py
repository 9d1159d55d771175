"""The connector registry: validate_config and sync find every provider through it."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple, Optional

import pytest

from longmem.server import openapi
from longmem.server.connectors import (
    PROVIDERS,
    STRICT,
    SUPPORTED_PROVIDERS,
    ConfigError,
    FetchPolicy,
    Item,
    Provider,
    SyncError,
    SyncResult,
    sync,
    validate_config,
)
from longmem.server.connectors.base import Problems
from longmem.server.routes import ROUTES

from .server_api import FeedServer

REGISTERED = list(PROVIDERS)


class Source:
    """A config that syncs for real, the roots it needs, and the keys it yields."""

    def __init__(self, config: dict[str, Any], keys: list[str], roots: Sequence[str] = ()) -> None:
        self.config, self.keys, self.roots = config, keys, roots


@pytest.fixture
def sources(tmp_path: Path, feeds: FeedServer) -> dict[str, Source]:
    """One working source per built-in provider."""
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "a.md").write_text("A note.", encoding="utf-8")
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
        "<item><guid>g1</guid><title>One</title></item></channel></rss>"
    )
    return {
        "directory": Source({"path": str(tmp_path / "notes")}, ["a.md#0"], [str(tmp_path)]),
        "rss": Source({"url": feeds.serve("/feed.xml", feed)}, ["g1"]),
    }


class Call(NamedTuple):
    config: Mapping[str, Any]
    credentials: Mapping[str, Any]
    cursor: Optional[str]
    timeout: float
    excluded: Sequence[str]
    fetch_policy: FetchPolicy


def _memo_check_config(
    config: Mapping[str, Any], problems: Problems, roots: Sequence[str]
) -> dict[str, Any]:
    text = config.get("text")
    if not isinstance(text, str):
        problems.append((("config", "text"), "field required for the memo provider"))
        return {}
    return {"text": text.strip()}


def _memo_check_credentials(credentials: Optional[Mapping[str, Any]], problems: Problems) -> None:
    if credentials and set(credentials) != {"token"}:
        problems.append((("credentials",), "expected {'token'}"))


def _memo_sync(
    config: Mapping[str, Any],
    credentials: Mapping[str, Any],
    cursor: Optional[str],
    *,
    timeout: float,
    excluded: Sequence[str],
    fetch_policy: FetchPolicy,
) -> SyncResult:
    if config["text"] == "fail":
        token = credentials.get("token", "")
        raise SyncError(f"refused {token} (as {token[::-1]})")
    return SyncResult(items=[Item(key="memo", text=config["text"])], cursor="done")


# A provider that lives only in these tests: one module's worth, registered by one line.
MEMO = Provider(
    name="memo",
    check_config=_memo_check_config,
    check_credentials=_memo_check_credentials,
    sync=_memo_sync,
    config_properties={"text": {"type": "string"}},
    config_required=("text",),
    credentials_schema={"type": ["object", "null"]},
    secret_forms=lambda credentials: [str(credentials.get("token", ""))[::-1]],
)


@pytest.fixture
def memo(monkeypatch: pytest.MonkeyPatch) -> Provider:
    monkeypatch.setitem(PROVIDERS, MEMO.name, MEMO)
    return MEMO


# -- the built-in providers ----------------------------------------------------------------


def test_registry_is_keyed_by_provider_name() -> None:
    assert REGISTERED == ["directory", "rss"]
    assert all(name == provider.name for name, provider in PROVIDERS.items())
    assert tuple(PROVIDERS) == SUPPORTED_PROVIDERS


def test_every_registered_provider_has_a_sample_source(sources: dict[str, Source]) -> None:
    assert set(sources) == set(PROVIDERS)


@pytest.mark.parametrize("name", REGISTERED)
def test_registered_provider_validates_its_source(name: str, sources: dict[str, Source]) -> None:
    source = sources[name]
    normalised = validate_config(name, source.config, None, roots=source.roots)
    assert set(normalised) <= set(PROVIDERS[name].config_properties)
    assert set(PROVIDERS[name].config_required) <= set(normalised)


@pytest.mark.parametrize("name", REGISTERED)
def test_registered_provider_syncs_its_source(name: str, sources: dict[str, Source]) -> None:
    source = sources[name]
    # The sample feed is on loopback: allowed as an operator would.
    allowed = FetchPolicy(allow_private=True)
    first = sync(name, source.config, None, None, roots=source.roots, fetch_policy=allowed)
    assert sorted(item.key for item in first.items) == source.keys
    again = sync(name, source.config, None, first.cursor, roots=source.roots, fetch_policy=allowed)
    assert again.items == []


@pytest.mark.parametrize("name", REGISTERED)
def test_sync_calls_the_registered_providers_sync(
    name: str, sources: dict[str, Source], monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[Call] = []
    answer = SyncResult(items=[], cursor="from-the-registry")

    def record(
        config: Mapping[str, Any],
        credentials: Mapping[str, Any],
        cursor: Optional[str],
        *,
        timeout: float,
        excluded: Sequence[str],
        fetch_policy: FetchPolicy,
    ) -> SyncResult:
        calls.append(Call(config, credentials, cursor, timeout, excluded, fetch_policy))
        return answer

    monkeypatch.setitem(PROVIDERS, name, dataclasses.replace(PROVIDERS[name], sync=record))
    source = sources[name]
    policy = FetchPolicy.from_entries(["10.0.0.0/8"])
    result = sync(
        name,
        source.config,
        None,
        "c1",
        timeout=3.0,
        roots=source.roots,
        excluded=["x"],
        fetch_policy=policy,
    )
    assert result is answer
    normalised = validate_config(name, source.config, None, roots=source.roots)
    assert calls == [Call(normalised, {}, "c1", 3.0, ["x"], policy)]
    sync(name, source.config, None, "c1", roots=source.roots)
    assert calls[-1].fetch_policy == STRICT  # no operator setting: public addresses only


@pytest.mark.parametrize("name", REGISTERED)
def test_unknown_config_fields_are_those_outside_config_properties(name: str) -> None:
    with pytest.raises(ConfigError) as caught:
        validate_config(name, {"bogus": 1}, None)
    problems = dict(caught.value.problems)
    expected = ", ".join(PROVIDERS[name].config_properties)
    assert problems[("config", "bogus")] == f"unknown field; expected {expected}"


@pytest.mark.parametrize("name", REGISTERED)
def test_config_required_fields_are_required(name: str, sources: dict[str, Source]) -> None:
    source = sources[name]
    for field in PROVIDERS[name].config_required:
        config = {k: v for k, v in source.config.items() if k != field}
        with pytest.raises(ConfigError) as caught:
            validate_config(name, config, None, roots=source.roots)
        assert dict(caught.value.problems)[("config", field)].startswith("field required")


def test_openapi_describes_each_provider_as_registered() -> None:
    schemas = openapi.document(ROUTES)["components"]["schemas"]
    variants = {
        v["properties"]["provider"]["const"]: v for v in schemas["ConnectionCreate"]["oneOf"]
    }
    assert list(variants) == REGISTERED
    for name, provider in PROVIDERS.items():
        config = variants[name]["properties"]["config"]
        assert config["properties"] == provider.config_properties
        assert config["required"] == list(provider.config_required)
        assert config["additionalProperties"] is False
        assert variants[name]["properties"]["credentials"] == provider.credentials_schema


# -- the registry's contents decide ----------------------------------------------------------


def test_unknown_provider_message_lists_the_registry(
    memo: Provider, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delitem(PROVIDERS, "rss")
    for bad in ("rss", None):
        with pytest.raises(ConfigError) as caught:
            validate_config(bad, {}, None)  # type: ignore[arg-type]
        assert dict(caught.value.problems)[("provider",)].endswith("supported: directory, memo")
    with pytest.raises(SyncError, match="supported: directory, memo"):
        sync("rss", {"url": "https://example.test/feed"}, None, None)


def test_added_provider_is_validated_through_the_registry(memo: Provider) -> None:
    assert validate_config("memo", {"text": " hi "}, {"token": "t"}) == {"text": "hi"}
    with pytest.raises(ConfigError) as caught:
        validate_config("memo", {"txt": "hi"}, {"user": "u"})
    assert dict(caught.value.problems) == {
        ("config", "txt"): "unknown field; expected text",
        ("config", "text"): "field required for the memo provider",
        ("credentials",): "expected {'token'}",
    }


def test_added_provider_is_synced_through_the_registry(memo: Provider) -> None:
    result = sync("memo", {"text": " hello "}, None, None)
    assert [(item.key, item.text) for item in result.items] == [("memo", "hello")]
    assert result.cursor == "done"


def test_added_providers_secret_forms_are_scrubbed(memo: Provider) -> None:
    with pytest.raises(SyncError) as caught:
        sync("memo", {"text": "fail"}, {"token": "s3cret"}, None)
    assert str(caught.value) == "refused *** (as ***)"
