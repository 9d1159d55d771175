"""`Longmem.context()` against scripted servers: the requests it makes, what it keeps of
a server's answers (also of a server that returns what it should not), and the
arguments it refuses before sending anything."""

from __future__ import annotations

from typing import Any, Callable

import pytest

from longmem import InvalidArgumentError, Longmem, NotFoundError

from ..drivers import DRIVERS
from .servers import Reply, ScriptedServer


def _hit(text: str, **fields: Any) -> dict[str, Any]:
    return {
        "id": "mem_" + str(abs(hash(text))),
        "text": text,
        "score": 0.9,
        "is_latest": True,
        "archived": False,
        "expires_at": None,
        "valid_from": None,
        "created_at": "2026-01-02T03:04:05Z",
        **fields,
    }


def test_context_searches_the_collection_then_reads_its_profile(
    server: ScriptedServer, client: Longmem
) -> None:
    server.script(
        Reply(200, json={"results": [_hit("User lives in Paris")]}),
        Reply(200, json={"profile": "User lives in Paris. User likes tea.", "based_on": 2}),
    )
    block = client.context("where do I live?", collection="notes", container_tag=None)
    assert block == (
        "## Memories\n- 2026-01-02: User lives in Paris\n\n## Profile\nUser likes tea."
    )
    search, profile = server.requests
    assert (search.method, search.path) == ("POST", "/v1/memory/collections/notes/search")
    assert search.json() == {
        "query": "where do I live?",
        "limit": 20,
        "min_score": 0.3,
        "mode": "hybrid",
    }
    assert (profile.method, profile.path) == ("GET", "/v1/memory/collections/notes/profile")


def test_superseded_archived_and_expired_hits_are_left_out(
    server: ScriptedServer, client: Longmem
) -> None:
    server.script(
        Reply(
            200,
            json={
                "results": [
                    _hit("User lives in Berlin", is_latest=False),
                    _hit("User hides this", archived=True),
                    _hit("User is in Rome", expires_at="2024-01-05T23:59:59Z"),
                    _hit("User is in Oslo", expires_at="2024-01-05T23:59:59+00:00"),
                    _hit("User is in Lima", expires_at="9999-12-31T23:59:59Z"),
                    _hit("User lives in Paris", valid_from="2024-05-01T09:00:00Z"),
                ]
            },
        ),
        Reply(200, json={"profile": "", "based_on": 0}),
    )
    assert client.context("where?", collection="notes") == (
        "## Memories\n- 2026-01-02: User is in Lima\n- 2024-05-01: User lives in Paris"
    )


def test_only_superseded_hits_give_an_empty_string_without_reading_the_profile(
    server: ScriptedServer, client: Longmem
) -> None:
    server.script(Reply(200, json={"results": [_hit("User lives in Berlin", is_latest=False)]}))
    assert client.context("where?", collection="notes") == ""
    assert len(server.requests) == 1


def test_a_hit_too_long_for_the_room_left_is_skipped(
    server: ScriptedServer, client: Longmem
) -> None:
    server.script(
        Reply(
            200,
            json={
                "results": [_hit("short one"), _hit("a much longer memory " * 5), _hit("short two")]
            },
        ),
        Reply(200, json={"profile": "", "based_on": 0}),
    )
    # The first memory takes 7 tokens with the header, the second 5 more.
    block = client.context("q", collection="notes", max_tokens=12, count_tokens=_lines_and_words)
    assert block == "## Memories\n- 2026-01-02: short one\n- 2026-01-02: short two"


def test_the_profile_is_cut_at_the_first_sentence_that_does_not_fit(
    server: ScriptedServer, client: Longmem
) -> None:
    server.script(
        Reply(200, json={"results": [_hit("User likes tea")]}),
        Reply(200, json={"profile": "User likes tea. Aa bb. Cc dd ee ff gg. Hh.", "based_on": 4}),
    )
    # The memories take 8 tokens, the profile's heading 5, "Aa bb." 2 and "Hh." 1: "Hh."
    # would fit, but the profile stops where "Cc dd ee ff gg." did not.
    block = client.context("q", collection="notes", max_tokens=16, count_tokens=_lines_and_words)
    assert block.endswith("## Profile\nAa bb.")


def test_a_profile_answer_without_a_profile_adds_none(
    server: ScriptedServer, client: Longmem
) -> None:
    server.script(Reply(200, json={"results": [_hit("User likes tea")]}), Reply(200, json={}))
    assert client.context("tea", collection="notes") == "## Memories\n- 2026-01-02: User likes tea"


def test_duplicate_hits_are_listed_once(server: ScriptedServer, client: Longmem) -> None:
    server.script(
        Reply(200, json={"results": [_hit("Standup at 9:30"), _hit("standup at  9:30.")]}),
        Reply(200, json={"profile": "", "based_on": 0}),
    )
    assert (
        client.context("standup", collection="notes")
        == "## Memories\n- 2026-01-02: Standup at 9:30"
    )


def test_a_missing_collection_knows_nothing(server: ScriptedServer, client: Longmem) -> None:
    server.script(Reply(404, json={"detail": "Collection 'notes' not found"}))
    assert client.context("q", collection="notes") == ""


@pytest.mark.parametrize("driver", DRIVERS)
@pytest.mark.parametrize(
    "reply",
    [
        pytest.param(Reply(404, json={"detail": "Not Found"}), id="no-such-route"),
        pytest.param(Reply(404, body=b"<html><h1>404 Not Found</h1></html>"), id="html"),
        pytest.param(Reply(404, json={"error": "no such thing"}), id="other-json"),
        pytest.param(Reply(404), id="no-body"),
    ],
)
def test_a_404_that_is_no_missing_collection_is_raised_not_an_empty_context(
    server: ScriptedServer, make_client: Callable[..., Longmem], reply: Reply
) -> None:
    # A base URL with a path the service does not have (or another server's): every
    # route 404s, and an empty context would hide that nothing can ever be found.
    server.script(reply)
    client = make_client(server.url + "/v1")
    with pytest.raises(NotFoundError):
        client.context("q", collection="notes")
    assert [r.path for r in server.requests] == ["/v1/v1/memory/collections/notes/search"]


@pytest.mark.parametrize("driver", DRIVERS)
def test_a_missing_collection_knows_nothing_through_either_client(
    server: ScriptedServer, make_client: Callable[..., Longmem]
) -> None:
    server.script(Reply(404, json={"detail": "Collection 'notes' not found"}))
    assert make_client(server.url).context("q", collection="notes") == ""


def test_a_404_of_the_search_of_every_collection_is_raised(
    server: ScriptedServer, client: Longmem
) -> None:
    server.script(Reply(404, json={"detail": "Not Found"}))
    with pytest.raises(NotFoundError):
        client.context("q")


def test_no_profile_is_read_without_one_collection(server: ScriptedServer, client: Longmem) -> None:
    server.script(Reply(200, json={"results": [_hit("User likes tea")]}))
    assert client.context("tea") == "## Memories\n- 2026-01-02: User likes tea"
    [search] = server.requests
    assert search.path == "/v1/memory/search"


def test_a_tagged_context_reads_the_tags_profile(server: ScriptedServer, client: Longmem) -> None:
    server.script(
        Reply(200, json={"results": [_hit("User likes tea")]}),
        Reply(200, json={"profile": "User lives in Rome.", "based_on": 1}),
    )
    block = client.context("tea", collection="notes", container_tag="user-42")
    assert block.endswith("## Profile\nUser lives in Rome.")
    search, profile = server.requests
    assert search.json()["container_tag"] == "user-42"
    assert profile.path == "/v1/memory/collections/notes/profile"
    assert profile.query == {"container_tag": ["user-42"]}


def test_include_profile_false_reads_no_profile(server: ScriptedServer, client: Longmem) -> None:
    server.script(Reply(200, json={"results": [_hit("User likes tea")]}))
    assert client.context("tea", collection="notes", include_profile=False).endswith("likes tea")
    assert len(server.requests) == 1


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"query": ""}, "query must not be empty"),
        ({"max_tokens": 0}, "max_tokens must be at least 1, got 0"),
        ({"max_tokens": 10.5}, "max_tokens must be a whole number"),
        ({"format": "html"}, "format must be one of markdown, xml; got 'html'"),
        ({"count_tokens": 4}, "count_tokens must be callable"),
        ({"count_tokens": lambda text: len(text) / 4}, "count_tokens must return a whole number"),
        ({"count_tokens": lambda text: -1}, "count_tokens must return a whole number"),
        ({"include_profile": "no"}, "include_profile must be True or False"),
        ({"limit": 0}, "limit must be at least 1"),
        ({"min_score": 2}, "min_score must be from 0 to 1"),
        ({"collection": ""}, "collection must not be empty"),
        ({"container_tag": ""}, "container_tag must be None or a non-empty string"),
    ],
)
def test_bad_arguments_are_refused_before_anything_is_sent(
    server: ScriptedServer, client: Longmem, arguments: dict[str, Any], message: str
) -> None:
    call: dict[str, Any] = {"query": "tea", **arguments}
    with pytest.raises(InvalidArgumentError, match=message):
        client.context(call.pop("query"), **call)
    assert server.requests == []


def _lines_and_words(text: str) -> int:
    """Every line break and every word counts one token."""
    return text.count("\n") + len(text.split())
