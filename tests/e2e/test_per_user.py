"""Per-user memory in one collection, through the client against the real local server:
one container tag per user, as the README suggests. Each user's facts supersede, repeat
and profile only that user's; a user nobody has written for reads as empty; lists hide
what was superseded; forget can be previewed; forget and dedup never reach another user's
memories."""

from __future__ import annotations

from typing import Any

import pytest

from longmem import Longmem, NotFoundError


def _texts(items: Any) -> list[str]:
    return [item["text"] for item in items]


# -- one collection, one tag per user ------------------------------------------------------


def test_one_users_new_home_never_retires_anothers(mem: Longmem, collection: str) -> None:
    (ana,) = mem.remember("I live in Berlin.", collection=collection, container_tag="ana")
    (bo,) = mem.remember("I live in Lisbon.", collection=collection, container_tag="bo")
    assert (ana["relation"], bo["relation"]) == ("new", "new")
    assert (ana["container_tag"], bo["container_tag"]) == ("ana", "bo")

    (moved,) = mem.remember("I live in Paris now.", collection=collection, container_tag="ana")
    assert moved["relation"] == "updates" and moved["supersedes"] == ana["id"]
    assert mem.get(bo["id"], collection=collection)["is_latest"] is True
    assert mem.get(ana["id"], collection=collection)["is_latest"] is False
    assert _texts(mem.list_memories(collection=collection, container_tag="bo")) == [
        "User lives in Lisbon"
    ]
    assert _texts(mem.list_memories(collection=collection, container_tag="ana")) == [
        "User lives in Paris"
    ]


def test_the_same_fact_from_two_users_is_stored_for_each(mem: Longmem, collection: str) -> None:
    (first,) = mem.remember("I'm vegetarian.", collection=collection, container_tag="ana")
    (second,) = mem.remember("I'm vegetarian.", collection=collection, container_tag="bo")
    assert second["relation"] == "new" and second["id"] != first["id"]
    (again,) = mem.remember("I'm vegetarian.", collection=collection, container_tag="bo")
    assert again["relation"] == "duplicate" and again["id"] == second["id"]
    plain = "Every morning I grab a pastry from the bakery."
    (pastry,) = mem.remember(plain, collection=collection, container_tag="ana")
    (other,) = mem.remember(plain, collection=collection, container_tag="bo")
    assert other["relation"] == "new" and other["id"] != pastry["id"]


def test_untagged_remember_keeps_to_untagged_memories(mem: Longmem, collection: str) -> None:
    (tagged,) = mem.remember("I live in Berlin.", collection=collection, container_tag="ana")
    (untagged,) = mem.remember("I live in Rome.", collection=collection)
    assert untagged["relation"] == "new" and untagged["container_tag"] is None
    assert mem.get(tagged["id"], collection=collection)["is_latest"] is True


def test_a_background_remember_keeps_its_tag(mem: Longmem, collection: str) -> None:
    mem.remember("I live in Berlin.", collection=collection, container_tag="ana")
    (bo,) = mem.remember("I live in Lisbon.", collection=collection, container_tag="bo")
    job = mem.remember(
        "I live in Paris now.", collection=collection, container_tag="ana", sync=False
    )
    done = mem.wait_for_job(job["job_id"], timeout=20, poll_interval=0.05)
    assert done["status"] == "done"
    (fact,) = done["facts"]
    assert (fact["relation"], fact["container_tag"]) == ("updates", "ana")
    assert mem.get(bo["id"], collection=collection)["is_latest"] is True


def test_a_correction_corrects_only_the_users_own_memory(mem: Longmem, collection: str) -> None:
    plan, said = "We're moving to Bursa in the summer.", "2025-05-01T10:00:00Z"
    (ana,) = mem.remember(plan, collection=collection, container_tag="ana", observed_at=said)
    (bo,) = mem.remember(plan, collection=collection, container_tag="bo", observed_at=said)
    facts = mem.remember("it's Izmir not Bursa", collection=collection, container_tag="bo")
    assert [(f["relation"], f["supersedes"], f["text"]) for f in facts] == [
        ("updates", bo["id"], "User moves to Izmir in summer 2025")
    ]
    assert mem.get(ana["id"], collection=collection)["is_latest"] is True


def test_profile_summary_and_contradictions_take_a_users_tag(mem: Longmem, collection: str) -> None:
    mem.remember("I live in Berlin. I work as a nurse.", collection=collection, container_tag="ana")
    mem.remember("I live in Paris now.", collection=collection, container_tag="ana")
    mem.remember("I live in Lisbon. I like surfing.", collection=collection, container_tag="bo")

    ana = mem.profile(collection, container_tag="ana")["profile"]
    assert "Paris" in ana and "nurse" in ana
    assert "Lisbon" not in ana and "surfing" not in ana and "Berlin" not in ana
    bo = mem.profile(collection, container_tag="bo")
    assert "Lisbon" in bo["profile"] and "Paris" not in bo["profile"] and bo["based_on"] == 2

    summary = mem.summary(collection=collection, container_tag="bo")
    assert "Lisbon" in summary["summary"] and "Paris" not in summary["summary"]
    assert "surfing" in summary["themes"] and "nurse" not in summary["themes"]

    pairs = mem.contradictions(collection=collection, container_tag="ana")
    assert [(p["current"]["text"], p["superseded"]["text"]) for p in pairs] == [
        ("User lives in Paris", "User lives in Berlin")
    ]
    assert mem.contradictions(collection=collection, container_tag="bo") == []
    # Without a tag, a read covers every user of the collection, as search and list do.
    assert len(mem.contradictions(collection=collection)) == 1
    assert mem.profile(collection, container_tag="nobody") == {"profile": "", "based_on": 0}


def test_search_for_one_user_reads_only_that_users_history(mem: Longmem, collection: str) -> None:
    mem.remember("I live in Berlin.", collection=collection, container_tag="ana")
    mem.remember("I live in Paris now.", collection=collection, container_tag="ana")
    mem.remember("I live in Berlin.", collection=collection, container_tag="bo")
    balcony = "The flat in Berlin where I live has a balcony"
    mem.add(balcony, collection=collection, container_tag="bo")
    hits = mem.search("where do I live?", collection=collection, container_tag="bo", min_score=0)
    # Berlin is a value Ana left behind, not Bo: Bo's memories naming it still answer.
    assert _texts(hits) == ["User lives in Berlin", balcony]


# -- a brand-new user -----------------------------------------------------------------------


def test_reads_of_a_collection_not_yet_written_answer_as_empty(
    mem: Longmem, collection: str
) -> None:
    assert mem.search("where do I live", collection=collection) == []
    assert mem.list_memories(collection=collection) == []
    assert mem.profile(collection) == {"profile": "", "based_on": 0}
    summary = mem.summary(collection=collection)
    assert summary["based_on"] == 0 and summary["themes"] == []
    assert mem.contradictions(collection=collection) == []
    assert mem.health(collection=collection)["total"] == 0
    # One collection, or one memory, by name is still not found, and nothing was created.
    with pytest.raises(NotFoundError):
        mem.get_collection(collection)
    with pytest.raises(NotFoundError):
        mem.get("mem_000000000000000000000000", collection=collection)
    assert collection not in [c["name"] for c in mem.collections()]


# -- lists show the current truth ----------------------------------------------------------


def test_list_hides_superseded_facts_unless_asked(mem: Longmem, collection: str) -> None:
    (berlin,) = mem.remember("I live in Berlin.", collection=collection)
    (paris,) = mem.remember("I live in Paris now.", collection=collection)
    assert [m["id"] for m in mem.list_memories(collection=collection)] == [paris["id"]]
    history = mem.list_memories(collection=collection, include_superseded=True)
    assert {m["id"]: m["is_latest"] for m in history} == {paris["id"]: True, berlin["id"]: False}


def test_list_filters_by_container_tag(mem: Longmem, collection: str) -> None:
    mine = mem.add("for ana", collection=collection, container_tag="ana")
    mem.add("for bo", collection=collection, container_tag="bo")
    mem.add("for nobody", collection=collection)
    assert [m["id"] for m in mem.list_memories(collection=collection, container_tag="ana")] == [
        mine["id"]
    ]
    assert len(mem.list_memories(collection=collection)) == 3


# -- forget, previewed ---------------------------------------------------------------------


def test_forget_dry_run_previews_and_deletes_nothing(mem: Longmem, collection: str) -> None:
    berlin = mem.add("User lives in Berlin", collection=collection)
    cat = mem.add("The cat is called Tom", collection=collection)
    preview = mem.forget("lives in Berlin", collection=collection, min_score=0.3, dry_run=True)
    assert (preview["deleted"], preview["dry_run"], preview["ids"]) == (0, True, [berlin["id"]])
    assert _texts(preview["memories"]) == ["User lives in Berlin"]
    assert {m["id"] for m in mem.list_memories(collection=collection)} == {berlin["id"], cat["id"]}
    done = mem.forget("lives in Berlin", collection=collection, min_score=0.3)
    assert (done["deleted"], done["ids"]) == (1, [berlin["id"]])
    assert [m["id"] for m in mem.list_memories(collection=collection)] == [cat["id"]]


# -- hygiene keeps to a user ----------------------------------------------------------------


def test_forget_with_a_tag_never_deletes_another_users_memory(
    mem: Longmem, collection: str
) -> None:
    (ana,) = mem.remember("I live in Berlin.", collection=collection, container_tag="ana")
    (bo,) = mem.remember("I live in Berlin.", collection=collection, container_tag="bo")
    (moved,) = mem.remember("I live in Paris now.", collection=collection, container_tag="bo")
    preview = mem.forget(
        "lives in Berlin", collection=collection, container_tag="bo", min_score=0.3, dry_run=True
    )
    assert (preview["deleted"], preview["dry_run"]) == (0, True)
    assert set(preview["ids"]) == {bo["id"], moved["id"]}
    assert {m["container_tag"] for m in preview["memories"]} == {"bo"}
    done = mem.forget("lives in Berlin", collection=collection, container_tag="bo", min_score=0.3)
    # Bo's old home goes with the new one; Ana's memory of the same words stays.
    assert (done["deleted"], set(done["ids"])) == (2, {bo["id"], moved["id"]})
    assert [m["id"] for m in mem.list_memories(collection=collection)] == [ana["id"]]
    assert mem.list_memories(collection=collection, container_tag="bo") == []


def test_dedup_never_merges_two_users_memories(mem: Longmem, collection: str) -> None:
    said = "User is allergic to peanuts"
    ana = mem.add(said, collection=collection, container_tag="ana")
    bo = mem.add(said, collection=collection, container_tag="bo")
    untagged = mem.add(said, collection=collection)
    assert mem.dedup(collection=collection, dry_run=True)["clusters"] == []

    bo_again = mem.add(said + ".", collection=collection, container_tag="bo")
    untagged_again = mem.add(said + "!", collection=collection)
    preview = mem.dedup(collection=collection, dry_run=True)
    # Duplicates within one tag, and untagged with untagged, are still found.
    assert sorted((c["keep"], c["duplicates"]) for c in preview["clusters"]) == sorted(
        [(bo["id"], [bo_again["id"]]), (untagged["id"], [untagged_again["id"]])]
    )
    done = mem.dedup(collection=collection, dry_run=False)
    assert done["deleted"] == 2
    assert {m["id"] for m in mem.list_memories(collection=collection)} == {
        ana["id"],
        bo["id"],
        untagged["id"],
    }
