"""Memory hygiene: forget, dedup, contradictions, archive-stale, health, summary, profile."""

from __future__ import annotations

from typing import Any

import pytest

from longmem.server import LocalServer
from longmem.server.timestamps import epoch_to_iso

from .conftest import READ_ONLY_KEY
from .server_api import Api, C

OLD = epoch_to_iso(1_000_000_000)  # 2001
REPORT = "the quarterly report is due on friday"


def _remember(api: Api, content: str, collection: str = "me") -> list[dict[str, Any]]:
    reply = api.post(f"{C}/{collection}/remember?sync=true", {"content": content})
    assert reply.status == 200, reply.raw
    return reply.json["facts"]  # type: ignore[no-any-return]


def _ids(memories: list[dict[str, Any]]) -> list[str]:
    return [m["id"] for m in memories]


def _listed(api: Api, collection: str = "me") -> set[str]:
    return set(_ids(api.get(f"{C}/{collection}/memories?include_archived=true").json))


def _import(api: Api, *memories: dict[str, Any]) -> None:
    reply = api.post(
        "/v1/memory/admin/import", {"memories": list(memories), "into_collection": "me"}
    )
    assert reply.status == 200, reply.raw


# -- forget -------------------------------------------------------------------------------


def test_forget_deletes_what_matches_best_first_up_to_the_limit(api: Api) -> None:
    berlin = api.add("me", "User lives in Berlin")
    paris = api.add("me", "User lives in Paris")
    cat = api.add("me", "The cat is called Tom")
    reply = api.post(f"{C}/me/forget", {"query": "lives in Berlin", "min_score": 0.3, "limit": 1})
    assert reply.status == 200
    assert (reply.json["deleted"], reply.json["ids"]) == (1, [berlin["id"]])
    assert reply.json["dry_run"] is False
    reply = api.post(f"{C}/me/forget", {"query": "lives in Berlin", "min_score": 0.3})
    assert (reply.json["deleted"], reply.json["ids"]) == (1, [paris["id"]])
    assert _listed(api) == {cat["id"]}


def test_forget_answers_with_the_memories_it_deleted_and_their_scores(api: Api) -> None:
    berlin = api.add("me", "User lives in Berlin")
    paris = api.add("me", "User lives in Paris")
    reply = api.post(f"{C}/me/forget", {"query": "lives in Berlin", "min_score": 0.3}).json
    assert [(m["id"], m["text"]) for m in reply["memories"]] == [
        (berlin["id"], "User lives in Berlin"),
        (paris["id"], "User lives in Paris"),
    ]
    scores = [m["score"] for m in reply["memories"]]
    assert scores == sorted(scores, reverse=True) and 0.3 <= scores[-1] <= scores[0] <= 1
    assert all(m["vector_score"] == m["score"] for m in reply["memories"])


def test_forget_dry_run_lists_what_would_go_and_deletes_nothing(api: Api) -> None:
    berlin = api.add("me", "User lives in Berlin")
    paris = api.add("me", "User lives in Paris")
    cat = api.add("me", "The cat is called Tom")
    body = {"query": "lives in Berlin", "min_score": 0.3, "dry_run": True}
    preview = api.post(f"{C}/me/forget", body).json
    assert (preview["deleted"], preview["dry_run"]) == (0, True)
    assert preview["ids"] == [berlin["id"], paris["id"]]
    assert [m["text"] for m in preview["memories"]] == [berlin["text"], paris["text"]]
    assert _listed(api) == {berlin["id"], paris["id"], cat["id"]}
    done = api.post(f"{C}/me/forget", {**body, "dry_run": False}).json
    assert (done["deleted"], done["ids"]) == (2, preview["ids"])  # the preview was true
    assert _listed(api) == {cat["id"]}


def test_forget_dry_run_must_be_a_boolean(api: Api) -> None:
    api.add("me", "User lives in Berlin")
    reply = api.post(f"{C}/me/forget", {"query": "Berlin", "dry_run": "yes"})
    assert reply.status == 422
    assert reply.json["detail"][0]["loc"] == ["body", "dry_run"]
    assert len(_listed(api)) == 1


def test_forget_with_a_tag_never_deletes_another_tags_memory(api: Api) -> None:
    ana = api.add("me", "User lives in Berlin", container_tag="ana")
    bo = api.add("me", "User lives in Berlin", container_tag="bo")
    untagged = api.add("me", "User lives in Berlin")
    body = {"query": "lives in Berlin", "container_tag": "bo"}
    preview = api.post(f"{C}/me/forget", {**body, "dry_run": True}).json
    assert (preview["deleted"], preview["ids"]) == (0, [bo["id"]])
    assert [m["container_tag"] for m in preview["memories"]] == ["bo"]
    done = api.post(f"{C}/me/forget", body).json
    assert (done["deleted"], done["ids"]) == (1, [bo["id"]])
    assert _listed(api) == {ana["id"], untagged["id"]}
    # Without a tag, forget matches every tag's memories (and untagged ones), as before.
    everyone = api.post(f"{C}/me/forget", {"query": "lives in Berlin", "dry_run": True}).json
    assert set(everyone["ids"]) == {ana["id"], untagged["id"]}


def test_forget_container_tag_must_be_a_string(api: Api) -> None:
    api.add("me", "User lives in Berlin", container_tag="ana")
    reply = api.post(f"{C}/me/forget", {"query": "Berlin", "container_tag": 7})
    assert reply.status == 422
    assert reply.json["detail"][0]["loc"] == ["body", "container_tag"]
    assert len(_listed(api)) == 1


def test_forget_respects_min_score_and_never_deletes_unrelated(api: Api) -> None:
    api.add("me", "User lives in Paris")
    api.add("me", "The cat is called Tom")
    assert api.post(f"{C}/me/forget", {"query": "lives in Berlin"}).json == {
        "deleted": 0,
        "ids": [],
        "dry_run": False,
        "memories": [],
    }
    reply = api.post(f"{C}/me/forget", {"query": "zebra", "min_score": 0, "limit": 200})
    assert reply.json["deleted"] == 0
    assert len(_listed(api)) == 2


def test_forget_also_removes_superseded_versions(api: Api) -> None:
    (berlin,) = _remember(api, "I live in Berlin")
    (paris,) = _remember(api, "I live in Paris now")
    reply = api.post(f"{C}/me/forget", {"query": "lives in Berlin"})
    assert reply.json["ids"] == [berlin["id"]]
    assert _listed(api) == {paris["id"]}


@pytest.mark.parametrize(
    ("query", "gone"),
    [
        ("where I live", ["User lives in Boston", "User lives in Denver"]),
        # (the end of "I'm" or "what's" is no word that leaves the key unnamed)
        ("where I'm living", ["User lives in Boston", "User lives in Denver"]),
        ("my address", ["User lives in Boston", "User lives in Denver"]),
        ("where I work", ["User works at Acme"]),
        ("my job", ["User works as a designer"]),
        ("what's my job", ["User works as a designer"]),
        ("my allergies", ["User is allergic to peanuts"]),
        ("everything about my phone number", ["User's phone number is 555-201-3344"]),
    ],
)
def test_forget_a_key_described_deletes_its_every_memory_whatever_their_words(
    api: Api, query: str, gone: list[str]
) -> None:
    said = [
        "I live in Boston",
        "we moved to Denver last month",
        "I work at Acme as a designer",
        "I'm allergic to peanuts",
        "my project is Icarus",
        "my phone number is 555-201-3344",
    ]
    for content in said:
        _remember(api, content)
    before = _listed(api)
    reply = api.post(f"{C}/me/forget", {"query": query}).json
    assert sorted(m["text"] for m in reply["memories"]) == gone
    assert {m["score"] for m in reply["memories"]} == {1.0}  # by key
    assert all(m["vector_score"] < 1.0 for m in reply["memories"])  # not by its words
    assert _listed(api) == before - set(reply["ids"])


def test_forget_a_key_and_something_more_is_not_every_value_of_the_key(api: Api) -> None:
    _remember(api, "my project is Icarus")
    _remember(api, "my project is Daedalus")
    body = {"query": "the Daedalus project", "min_score": 0.3, "dry_run": True}
    reply = api.post(f"{C}/me/forget", body).json
    assert [m["text"] for m in reply["memories"]] == ["User is working on Daedalus"]


# -- dedup --------------------------------------------------------------------------------


def test_dedup_dry_run_reports_clusters_and_deletes_nothing(api: Api) -> None:
    low = api.add("me", REPORT, importance=0.2)
    high = api.add("me", REPORT + "!", importance=0.9)
    other = api.add("me", "The cat is called Tom")
    reply = api.post(f"{C}/me/dedup", {"threshold": 0.95, "dry_run": True})
    assert reply.status == 200
    body = reply.json
    assert body["dry_run"] is True
    assert body["deleted"] == 0
    assert body["clusters"] == [{"keep": high["id"], "duplicates": [low["id"]], "similarity": 1.0}]
    assert _listed(api) == {low["id"], high["id"], other["id"]}


def test_dedup_keeps_the_pinned_then_the_oldest_and_deletes_the_rest(api: Api) -> None:
    _import(api, {"text": REPORT, "created_at": OLD}, {"text": REPORT + "."})
    oldest, newer = sorted(api.get(f"{C}/me/memories").json, key=lambda m: m["created_at"])
    pinned = api.add("me", REPORT.upper())
    api.post(f"{C}/me/memories/{pinned['id']}/pin", {"pinned": True})
    reply = api.post(f"{C}/me/dedup", {"dry_run": False})
    cluster = reply.json["clusters"][0]
    assert cluster["keep"] == pinned["id"]
    assert sorted(cluster["duplicates"]) == sorted([oldest["id"], newer["id"]])
    assert reply.json["deleted"] == 2
    assert _listed(api) == {pinned["id"]}
    # Without the pin, the oldest of equal importance is kept.
    _import(api, {"text": "a red bicycle", "created_at": OLD}, {"text": "A red bicycle."})
    first = next(m for m in api.get(f"{C}/me/memories").json if m["created_at"] == OLD)
    cluster = api.post(f"{C}/me/dedup", {"dry_run": True}).json["clusters"][0]
    assert cluster["keep"] == first["id"]


def test_dedup_threshold_decides_what_is_near_enough(api: Api) -> None:
    api.add("me", "User likes green tea")
    api.add("me", "User likes green tea a lot")
    assert api.post(f"{C}/me/dedup", {"threshold": 0.95}).json["clusters"] == []
    (cluster,) = api.post(f"{C}/me/dedup", {"threshold": 0.8}).json["clusters"]
    assert 0.8 <= cluster["similarity"] < 0.95


def test_dedup_never_deletes_a_pinned_memory(api: Api) -> None:
    for _ in range(2):
        memory = api.add("me", REPORT)
        api.post(f"{C}/me/memories/{memory['id']}/pin", {"pinned": True})
    assert api.post(f"{C}/me/dedup", {"dry_run": False}).json["clusters"] == []


# -- contradictions -----------------------------------------------------------------------


def test_contradictions_pair_current_with_superseded_newest_first(api: Api) -> None:
    (berlin,) = _remember(api, "I live in Berlin")
    (paris,) = _remember(api, "I live in Paris now")
    (rome,) = _remember(api, "I live in Rome now")
    _remember(api, "I like tea")
    reply = api.get(f"{C}/me/contradictions")
    assert reply.status == 200
    pairs = [(p["current"]["id"], p["superseded"]["id"]) for p in reply.json]
    assert set(pairs) == {(paris["id"], berlin["id"]), (rome["id"], paris["id"])}
    # Supersessions within one second tie on time; the later write still comes first.
    assert pairs[0] == (rome["id"], paris["id"])
    assert reply.json[1]["superseded"]["is_latest"] is False
    assert len(api.get(f"{C}/me/contradictions?limit=1").json) == 1


# -- archive-stale ------------------------------------------------------------------------


def test_archive_stale_dry_run_then_archive(api: Api) -> None:
    _import(
        api,
        {"text": "old note", "created_at": OLD},
        {"text": "old but pinned", "created_at": OLD, "pinned": True},
        {"text": "old and archived", "created_at": OLD, "archived": True},
    )
    fresh = api.add("me", "fresh note")
    old = next(m for m in api.get(f"{C}/me/memories").json if m["text"] == "old note")
    reply = api.post(f"{C}/me/archive-stale", {"older_than_days": 30, "dry_run": True})
    assert reply.status == 200
    assert reply.json == {"would_archive": 1, "ids": [old["id"]]}
    assert api.get(f"{C}/me/memories/{old['id']}").json["archived"] is False
    reply = api.post(f"{C}/me/archive-stale", {"older_than_days": 30, "dry_run": False})
    assert reply.json == {"archived": 1, "ids": [old["id"]]}
    assert api.get(f"{C}/me/memories/{old['id']}").json["archived"] is True
    assert fresh["id"] in _ids(api.get(f"{C}/me/memories").json)
    assert api.post(f"{C}/me/archive-stale", {"dry_run": False}).json == {"archived": 0, "ids": []}


# -- health -------------------------------------------------------------------------------


def test_health_counts_and_flags_a_collection_that_needs_attention(api: Api) -> None:
    _remember(api, "I live in Berlin")
    _remember(api, "I live in Paris now")
    api.add("me", "a plain note", category="work")
    pinned = api.add("me", "pinned note", category="work")
    api.post(f"{C}/me/memories/{pinned['id']}/pin", {"pinned": True})
    _import(
        api,
        {"text": "ancient note", "created_at": OLD},
        {"text": "hidden note", "archived": True},
        {"text": "gone soon", "expires_at": OLD},
    )
    reply = api.get(f"{C}/me/health?stale_days=30")
    assert reply.status == 200
    assert reply.json == {
        "total": 7,
        "current": 4,
        "archived": 1,
        "pinned": 1,
        "stale": 1,
        "expired": 1,
        "supersessions": 1,
        "needs_attention": True,  # 3 of 7 > 20%
        "categories": {"other": 2, "work": 2},
    }


def test_a_tidy_collection_needs_no_attention(api: Api) -> None:
    for i in range(5):
        api.add("me", f"note number {i}")
    health = api.get(f"{C}/me/health").json
    assert (health["total"], health["current"], health["needs_attention"]) == (5, 5, False)


# -- summary and profile ------------------------------------------------------------------


def test_summary_briefs_the_most_important_current_memories(api: Api) -> None:
    _remember(api, "I live in Berlin. I live in Paris now. I like green tea.")
    _remember(api, "Yesterday I went to the Louvre in Paris")
    api.add("me", "Renew the Paris apartment lease", importance=0.95)
    api.add("elsewhere", "User likes green tea")
    reply = api.get(f"{C}/me/summary")
    assert reply.status == 200
    body = reply.json
    assert body["based_on"] == 4
    assert "User lives in Paris." in body["summary"]
    assert "Berlin" not in body["summary"]  # superseded
    assert "Louvre" in body["summary"]
    assert "Notes: Renew the Paris apartment lease." in body["summary"]
    assert "paris" in body["themes"]
    assert "user" not in body["themes"]
    assert body["generated_at"].endswith("Z")
    assert api.get(f"{C}/me/summary?limit=1").json["based_on"] == 1


def test_summary_of_an_empty_collection(api: Api) -> None:
    api.post(C, {"name": "empty"})
    body = api.get(f"{C}/empty/summary").json
    assert (body["based_on"], body["themes"]) == (0, [])
    assert body["summary"]


def test_profile_is_built_from_current_facts_and_preferences(api: Api) -> None:
    _remember(api, "I live in Berlin. I live in Paris now. I like green tea.")
    _remember(api, "Yesterday I went to the Louvre")
    api.add("me", "User is a nurse", category="fact", importance=0.9)
    api.add("me", "meeting notes from Tuesday")
    reply = api.get(f"{C}/me/profile")
    assert reply.status == 200
    assert reply.json == {
        # The keyed facts first (one line per attribute, its current value), then the
        # plain facts and preferences.
        "profile": "User lives in Paris. User likes green tea. User is a nurse.",
        "based_on": 3,
    }


def test_profile_of_a_collection_without_facts_is_empty(api: Api) -> None:
    api.add("me", "meeting notes from Tuesday")
    assert api.get(f"{C}/me/profile").json == {"profile": "", "based_on": 0}


# -- shared rules -------------------------------------------------------------------------

_READS = ["contradictions", "health", "summary", "profile"]
_WRITES = [("forget", {"query": "x"}), ("dedup", {}), ("archive-stale", {})]


def test_a_missing_collection_is_404_for_every_hygiene_write(api: Api) -> None:
    for route, body in _WRITES:
        assert api.post(f"{C}/nope/{route}", body).status == 404, route
    assert api.get(f"{C}/nope").status == 404  # nothing was created


def test_hygiene_reads_of_a_missing_collection_answer_as_empty(api: Api) -> None:
    assert api.get(f"{C}/nope/contradictions").json == []
    assert api.get(f"{C}/nope/profile").json == {"profile": "", "based_on": 0}
    summary = api.get(f"{C}/nope/summary").json
    assert (summary["summary"], summary["themes"], summary["based_on"]) == (
        "'nope' has no current memories.",
        [],
        0,
    )
    health = api.get(f"{C}/nope/health").json
    assert health["total"] == 0 and health["needs_attention"] is False
    assert health["categories"] == {}
    assert api.get(f"{C}/nope").status == 404  # reading created nothing


def test_hygiene_writes_need_a_write_key(api: Api) -> None:
    api.add("me", REPORT)
    ro = api.with_key(READ_ONLY_KEY)
    for route, body in _WRITES:
        assert ro.post(f"{C}/me/{route}", {**body, "dry_run": False}).status == 403, route
    for route in _READS:
        assert ro.get(f"{C}/me/{route}").status == 200, route
        assert api.get(f"{C}/me/{route}", key=None).status == 401, route
    assert len(_listed(api)) == 1


def test_hygiene_is_tenant_scoped(server: LocalServer, api: Api) -> None:
    mine = api.add("me", REPORT)
    api.add("me", REPORT)
    stranger = api.with_key(server.add_tenant_key())
    theirs = stranger.add("me", "the weekly report is due on monday")
    forgotten = stranger.post(f"{C}/me/forget", {"query": REPORT, "min_score": 0}).json
    assert forgotten["ids"] == [theirs["id"]]
    stranger.add("me", "something else entirely")
    assert stranger.post(f"{C}/me/dedup", {"dry_run": False}).json["clusters"] == []
    assert stranger.get(f"{C}/me/health").json["total"] == 1
    assert REPORT not in stranger.get(f"{C}/me/summary").json["summary"]
    assert mine["id"] in _listed(api)


@pytest.mark.parametrize(
    ("method", "path", "body", "loc"),
    [
        ("POST", "forget", {}, ["body", "query"]),
        ("POST", "forget", {"query": ""}, ["body", "query"]),
        ("POST", "forget", {"query": "x", "min_score": 1.5}, ["body", "min_score"]),
        ("POST", "forget", {"query": "x", "limit": 0}, ["body", "limit"]),
        ("POST", "forget", {"query": "x", "limit": 201}, ["body", "limit"]),
        ("POST", "forget", {"query": "x" * 10_001}, ["body", "query"]),
        ("POST", "dedup", {"threshold": -0.1}, ["body", "threshold"]),
        ("POST", "dedup", {"dry_run": "yes"}, ["body", "dry_run"]),
        ("POST", "archive-stale", {"older_than_days": 0}, ["body", "older_than_days"]),
        ("POST", "archive-stale", {"older_than_days": 1.5}, ["body", "older_than_days"]),
        ("POST", "archive-stale", {"older_than_days": 36_501}, ["body", "older_than_days"]),
        ("GET", "contradictions?limit=0", None, ["query", "limit"]),
        ("GET", "contradictions?limit=201", None, ["query", "limit"]),
        ("GET", "health?stale_days=0", None, ["query", "stale_days"]),
        ("GET", "health?stale_days=soon", None, ["query", "stale_days"]),
        ("GET", "health?stale_days=36501", None, ["query", "stale_days"]),
        ("GET", "summary?limit=x", None, ["query", "limit"]),
        ("GET", "summary?limit=201", None, ["query", "limit"]),
    ],
)
def test_hygiene_validation_errors_are_422(
    api: Api, method: str, path: str, body: Any, loc: list[str]
) -> None:
    api.add("me", REPORT)
    reply = api.call(method, f"{C}/me/{path}", body)
    assert reply.status == 422, reply.raw
    assert reply.json["detail"][0]["loc"] == loc


@pytest.mark.parametrize("query", ["my brother", "my dog", "my girlfriend from before"])
def test_forget_one_of_several_people_or_pets_never_every_one_of_the_key(
    api: Api, query: str
) -> None:
    for content in (
        "My sister Anna lives in Vienna",
        "My brother Carl is 30",
        "I have a dog called Rex and a cat called Tom",
        "My girlfriend is Zoe",
    ):
        _remember(api, content)
    reply = api.post(f"{C}/me/forget", {"query": query, "dry_run": True}).json
    assert all(m["score"] < 1.0 for m in reply["memories"])  # by cosine, never by key
    assert len(reply["memories"]) <= 1
