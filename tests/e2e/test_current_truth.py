"""Memory that keeps the current truth, through the client, against the real local
server: a new value of a single-valued fact supersedes the old one, search and profile
answer with what is true now, history stays history, and an export round trip keeps it
all."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta, timezone
from typing import Any, Optional

import pytest

from longmem import Longmem
from longmem.server import LocalServer

WHERE = "where does the user live"
SPRING_2025 = "2025-05-01T10:00:00Z"


def _texts(items: Sequence[Any]) -> list[str]:
    return [item["text"] for item in items]


def _current(mem: Longmem, collection: str) -> list[dict[str, Any]]:
    return [dict(m) for m in mem.list_memories(collection=collection) if m["is_latest"]]


def _when(iso: Optional[str]) -> datetime:
    assert iso is not None
    return datetime.fromisoformat(iso.replace("Z", "+00:00"))


def _tell(mem: Longmem, collection: str, *said: str) -> None:
    """Remember each statement in turn, said now."""
    for text in said:
        mem.remember(text, collection=collection)


def _pairs(mem: Longmem, collection: str) -> list[tuple[str, str]]:
    return [
        (pair["current"]["text"], pair["superseded"]["text"])
        for pair in mem.contradictions(collection=collection)
    ]


# -- 1. a move supersedes the old home ---------------------------------------------------


@pytest.mark.parametrize(
    "move",
    ["I moved to Paris.", "I live in Paris now.", "I moved to Paris, I live in Paris now."],
)
def test_a_move_supersedes_the_old_home(mem: Longmem, collection: str, move: str) -> None:
    [berlin] = mem.remember("I live in Berlin.", collection=collection)
    assert (berlin["text"], berlin["relation"]) == ("User lives in Berlin", "new")

    facts = mem.remember(move, collection=collection)
    assert facts and all(f["text"] == "User lives in Paris" for f in facts)
    paris = facts[0]
    assert paris["relation"] == "updates"
    assert paris["supersedes"] == berlin["id"]
    assert (paris["subject"], paris["attribute"], paris["value"]) == ("user", "home", "Paris")
    assert mem.get(berlin["id"], collection=collection)["is_latest"] is False

    homes = [m for m in _current(mem, collection) if m["attribute"] == "home"]
    assert _texts(homes) == ["User lives in Paris"]  # one current home fact
    profile = mem.profile(collection)["profile"]
    assert "Paris" in profile and "Berlin" not in profile
    hits = mem.search(WHERE, collection=collection)
    assert hits and hits[0]["text"] == "User lives in Paris"
    assert not [t for t in _texts(hits) if "Berlin" in t]
    assert _pairs(mem, collection) == [("User lives in Paris", "User lives in Berlin")]


# -- 2. filler dropped, relative date resolved --------------------------------------------


@pytest.mark.parametrize("observed_at", ["2025-06-15T12:00:00Z", None])
def test_a_move_said_with_a_filler_is_dated_a_month_back(
    mem: Longmem, collection: str, observed_at: Optional[str]
) -> None:
    [fact] = mem.remember(
        "Actually I moved to Munich last month.", collection=collection, observed_at=observed_at
    )
    assert fact["text"] == "User lives in Munich"
    assert (fact["subject"], fact["attribute"], fact["value"]) == ("user", "home", "Munich")
    said = _when(observed_at or fact["created_at"])
    before = said - _when(fact["valid_from"])
    assert timedelta(days=28) <= before <= timedelta(days=34)
    if observed_at is not None:
        assert fact["valid_from"] == "2025-05-15T12:00:00Z"
    assert mem.profile(collection)["profile"] == "User lives in Munich."


# -- 3. a diet changes -------------------------------------------------------------------


def test_eating_meat_again_supersedes_the_vegetarian_diet(mem: Longmem, collection: str) -> None:
    [veggie] = mem.remember("I'm vegetarian.", collection=collection)
    assert (veggie["attribute"], veggie["value"]) == ("diet", "vegetarian")
    [meat] = mem.remember("I eat meat again.", collection=collection)
    assert meat["text"] == "User eats meat"
    assert (meat["relation"], meat["supersedes"]) == ("updates", veggie["id"])
    assert (meat["attribute"], meat["value"]) == ("diet", "eats meat")
    assert mem.get(veggie["id"], collection=collection)["is_latest"] is False

    profile = mem.profile(collection)["profile"]
    assert "eats meat" in profile and "vegetarian" not in profile
    hits = mem.search("what is the user's diet", collection=collection)
    assert hits and hits[0]["text"] == "User eats meat"
    assert "User is vegetarian" not in _texts(hits)


# -- 4. a family, a diet, an allergy -----------------------------------------------------


DAUGHTER = "User's daughter is Mia"


def _remember_family_and_food(mem: Longmem, collection: str) -> None:
    for said in ("I'm allergic to peanuts.", "I prefer vegetarian food.", "My daughter Mia is 7."):
        mem.remember(said, collection=collection)


def test_the_daughter_is_stored_as_a_child_and_her_age(mem: Longmem, collection: str) -> None:
    _remember_family_and_food(mem, collection)
    keys = {
        (m["subject"], m["attribute"], m["value"]): m["text"] for m in _current(mem, collection)
    }
    assert keys[("user", "children", "Mia")] == DAUGHTER
    assert keys[("daughter:Mia", "age", "7")] == "User's daughter Mia is 7 years old"
    assert keys[("user", "allergies", "peanuts")] == "User is allergic to peanuts"
    assert keys[(None, None, None)] == "User prefers vegetarian food"


def test_a_dinner_question_finds_the_kid(mem: Longmem, collection: str) -> None:
    _remember_family_and_food(mem, collection)
    hits = mem.search(
        "Can you suggest a restaurant for dinner with my kid this weekend?", collection=collection
    )
    assert DAUGHTER in _texts(hits)


@pytest.mark.parametrize("query", ["does the user have children?", "kid"])
def test_a_question_about_children_ranks_the_daughter_first(
    mem: Longmem, collection: str, query: str
) -> None:
    _remember_family_and_food(mem, collection)
    hits = mem.search(query, collection=collection)
    assert hits and hits[0]["text"] == DAUGHTER


@pytest.mark.parametrize("query", ["What can't I eat?", "what can I not eat", "What cannot I eat?"])
def test_what_one_cannot_eat_is_the_allergy_first(
    mem: Longmem, collection: str, query: str
) -> None:
    mem.remember("I'm vegetarian.", collection=collection)
    mem.remember(
        "fyi im allergic to shellfish so no lobster rolls for me ever", collection=collection
    )
    hits = _texts(mem.search(query, collection=collection))
    assert hits[:2] == ["User is allergic to shellfish, so no lobster rolls", "User is vegetarian"]


@pytest.mark.parametrize("query", ["What am I intolerant to?", "any food intolerances?"])
def test_an_intolerance_question_finds_the_intolerance(
    mem: Longmem, collection: str, query: str
) -> None:
    mem.remember("I'm lactose intolerant, so no milk for me sadly", collection=collection)
    mem.remember("I live in Cape Town.", collection=collection)
    hits = _texts(mem.search(query, collection=collection))
    assert hits[:1] == ["User is allergic to lactose, so no milk"]


def test_a_drinking_question_finds_the_user_gone_teetotal(mem: Longmem, collection: str) -> None:
    mem.remember("I've gone teetotal.", collection=collection, observed_at="2025-08-01T10:00:00Z")
    mem.remember("I live in Johannesburg.", collection=collection)
    mem.remember("Sadza every night for supper.", collection=collection)
    hits = _texts(mem.search("Does Tendai drink beer?", collection=collection))
    assert hits[:1] == ["User has gone teetotal"]


def test_diet_finds_the_vegetarian_preference(mem: Longmem, collection: str) -> None:
    _remember_family_and_food(mem, collection)
    hits = mem.search("diet", collection=collection)
    assert "User prefers vegetarian food" in _texts(hits)


# -- 5. the user's own name in a question ------------------------------------------------


def test_a_question_naming_the_user_asks_about_the_user(mem: Longmem, collection: str) -> None:
    [name] = mem.remember("My name is Maya.", collection=collection)
    assert (name["text"], name["attribute"], name["value"]) == (
        "User is called Maya",
        "name",
        "Maya",
    )
    [job] = mem.remember("I work as a nurse.", collection=collection)
    assert (job["text"], job["attribute"], job["value"]) == (
        "User works as a nurse",
        "job",
        "nurse",
    )
    hits = mem.search("What is Maya's job?", collection=collection)
    assert hits and hits[0]["text"] == "User works as a nurse"


# -- 6. a named relation moves -----------------------------------------------------------


def test_a_relative_moving_supersedes_their_home(mem: Longmem, collection: str) -> None:
    first = mem.remember("My sister Anna lives in Vienna.", collection=collection)
    by_key = {(f["subject"], f["attribute"]): f for f in first}
    assert by_key[("user", "siblings")]["value"] == "Anna"
    vienna = by_key[("sister:Anna", "home")]
    assert (vienna["text"], vienna["value"]) == ("User's sister Anna lives in Vienna", "Vienna")

    [rome] = mem.remember("Anna moved to Rome.", collection=collection)
    assert rome["text"] == "User's sister Anna lives in Rome"
    assert (rome["subject"], rome["attribute"], rome["value"]) == ("sister:Anna", "home", "Rome")
    assert (rome["relation"], rome["supersedes"]) == ("updates", vienna["id"])
    assert mem.get(vienna["id"], collection=collection)["is_latest"] is False

    hits = mem.search("where does my sister live", collection=collection)
    assert hits and hits[0]["text"] == "User's sister Anna lives in Rome"
    assert not [t for t in _texts(hits) if "Vienna" in t]
    profile = mem.profile(collection)["profile"]
    assert "Rome" in profile and "Vienna" not in profile


def test_the_users_name_with_its_s_leaves_no_s_to_match(mem: Longmem, collection: str) -> None:
    # "Linh's" lost its name and kept an "s" that matched every "User's" fact first
    for said in (
        "hi, I'm Linh",
        "comfort food = bún bò Huế, má makes the best one",
        "my older brother Duy is a dentist in Houston",
        "my bf Kenny is a line cook",
        "my mom's a nurse at Kaiser",
    ):
        mem.remember(said, collection=collection)
    for question in ("What's Linh's comfort food?", "What’s Linh’s comfort food?"):
        hits = mem.search(question, collection=collection)
        assert hits and "bún bò Huế" in hits[0]["text"], _texts(hits)


def test_a_son_told_of_as_one_of_the_kids_is_asked_about_as_a_son(
    mem: Longmem, collection: str
) -> None:
    mem.remember(
        "I live in Cairo with my husband Karim and our two children, Youssef and Salma.",
        collection=collection,
        observed_at="2024-03-02T10:00:00Z",
    )
    mem.remember(
        "Youssef is 9 and Salma is 6.", collection=collection, observed_at="2024-03-06T09:00:00Z"
    )
    mem.remember(
        "Youssef turned 10 yesterday.", collection=collection, observed_at="2024-12-03T20:00:00Z"
    )
    texts = _texts(mem.search("How old is my son?", collection=collection))
    # both kids' ages, the son among them, and none said before
    assert sorted(texts[:2]) == [
        "User's kid Salma is 6 years old",
        "User's kid Youssef is 10 years old",
    ]
    assert "User's kid Youssef is 9 years old" not in texts


def test_a_home_said_by_where_in_town_it_is_keeps_the_town(mem: Longmem, collection: str) -> None:
    # "flat in vračar" names a part of town no list of places knows: in the town held
    [belgrade] = [
        f
        for f in mem.remember(
            "we moved to belgrade. katya's sister lives here", collection=collection
        )
        if f["attribute"] == "home"
    ]
    said = mem.remember("flat in vračar, 5th floor no elevator lol", collection=collection)
    # what follows the place, no detail of it, is a memory of its own: nothing dropped
    assert [(f["attribute"], f["text"]) for f in said] == [
        (None, "5th floor no elevator lol"),
        ("home", "User lives in a flat in vračar, belgrade"),
    ]
    flat = said[1]
    assert (flat["attribute"], flat["value"]) == ("home", "vračar")
    assert flat["text"] == "User lives in a flat in vračar, belgrade"
    assert (flat["relation"], flat["supersedes"]) == ("updates", belgrade["id"])
    # a place of its own is not put in the town held
    [london] = mem.remember("Our new flat in London!!", collection=collection)
    assert (london["value"], london["text"]) == ("London", "User lives in a new flat in London")
    hits = mem.search("which city do I live in", collection=collection)
    assert _texts(hits)[:1] == ["User lives in a new flat in London"]


def test_a_home_in_a_town_said_after_a_country_is_in_it(mem: Longmem, collection: str) -> None:
    mem.remember("I live in Singapore", collection=collection)
    said = "Kenji and I moved in together — condo in Bukit Timah"
    [home] = [f for f in mem.remember(said, collection=collection) if f["attribute"]]
    assert (home["value"], home["text"]) == (
        "Bukit Timah",
        "User lives in a condo in Bukit Timah, Singapore",
    )
    hits = mem.search("Which city does the user live in?", collection=collection)
    assert _texts(hits)[:1] == ["User lives in a condo in Bukit Timah, Singapore"]


def test_a_home_told_after_a_move_that_named_none_is_the_home(
    mem: Longmem, collection: str
) -> None:
    mem.remember("I live in Lavapiés, Madrid", collection=collection)
    facts = mem.remember("moved in with Lucas, his place in Malasaña", collection=collection)
    assert [(f["attribute"], f["value"]) for f in facts] == [(None, None), ("home", "Malasaña")]
    assert _texts(facts) == ["User moved in with Lucas", "User lives in Malasaña, Madrid"]
    homes = [f for f in _current(mem, collection) if f.get("attribute") == "home"]
    assert _texts(homes) == ["User lives in Malasaña, Madrid"]


@pytest.mark.parametrize(
    ("family", "born", "relation"),
    [
        ("My sister Ama lives in Accra.", "Ama had a baby boy, Kofi!", "nephew"),
        ("My brother Cathal is a chef.", "Cathal and his wife had a baby girl, Aoife", "niece"),
        ("My son Tom lives in Leeds.", "Tom had a baby girl!! Lily", "granddaughter"),
    ],
)
def test_a_child_born_to_family_is_theirs_and_the_users_relative(
    mem: Longmem, collection: str, family: str, born: str, relation: str
) -> None:
    mem.remember(family, collection=collection)
    facts = mem.remember(born, collection=collection)
    kin, parent = family.split()[1:3]
    child = born.split()[-1].strip("!")
    said = {(f["subject"], f["attribute"], f["value"]): f["text"] for f in facts}
    assert said == {
        (f"{kin}:{parent}", "children", child): f"User's {kin} {parent} has a child, {child}",
        ("user", "relatives", child): f"User's {relation} is {child}",
    }
    hits = mem.search(f"what's my {relation}'s name?", collection=collection, limit=3)
    assert hits and hits[0]["text"] == f"User's {relation} is {child}"
    hits = mem.search(f"what is {parent}'s baby called?", collection=collection, limit=3)
    assert hits and hits[0]["text"] == f"User's {kin} {parent} has a child, {child}"


@pytest.mark.parametrize(
    ("born", "theirs", "mine"),
    [
        ("My wife had a baby boy, Kofi!", "User's wife has a child, Kofi", "User's son is Kofi"),
        ("Mum had a baby girl, Esi!", "User's mum has a child, Esi", "User's sister is Esi"),
        (
            "My sister had a baby boy, Kofi!",
            "User's sister has a child, Kofi",
            "User's nephew is Kofi",
        ),
    ],
)
def test_a_baby_of_a_partner_parent_or_unnamed_sibling_is_the_users_too(
    mem: Longmem, collection: str, born: str, theirs: str, mine: str
) -> None:
    assert [f["text"] for f in mem.remember(born, collection=collection)] == [theirs, mine]


def test_the_parents_own_relation_word_is_not_the_babys(mem: Longmem, collection: str) -> None:
    facts = mem.remember("my son Tom had a baby girl!! Lily", collection=collection)
    assert [f["text"] for f in facts] == [
        "User's son is Tom",
        "User's son Tom has a child, Lily",
        "User's granddaughter is Lily",
    ]


@pytest.mark.parametrize(
    ("first", "then"),
    [
        ("I work as a barista at Costa", "got a tutor at Kumon for my son"),
        ("My husband Sipho is a teacher", "Tom and I had a wedding on Saturday"),
        ("I drink coffee", "only water now for the plants"),
        ("My sister Ama lives in Accra.", "Ama had a baby boy, Sunday morning, 3.5kg"),
    ],
)
def test_near_misses_of_new_phrasings_change_nothing(
    mem: Longmem, collection: str, first: str, then: str
) -> None:
    before = {m["id"] for m in _current(mem, collection)} | {
        f["id"] for f in mem.remember(first, collection=collection)
    }
    [said] = mem.remember(then, collection=collection)
    assert (said["attribute"], said["supersedes"]) == (None, None)
    assert before <= {m["id"] for m in _current(mem, collection)}


def test_someone_elses_baby_is_no_relative_of_the_users(mem: Longmem, collection: str) -> None:
    mem.remember("My friend Priya lives in Pune.", collection=collection)
    facts = mem.remember("Priya had a baby boy, Arjun!", collection=collection)
    assert [(f["subject"], f["attribute"], f["value"]) for f in facts] == [
        ("friend:Priya", "children", "Arjun")
    ]


# -- 7. an old statement replayed late ---------------------------------------------------


def test_an_older_statement_replayed_late_is_history(mem: Longmem, collection: str) -> None:
    [lisbon] = mem.remember(
        "I live in Lisbon.", collection=collection, observed_at="2025-06-01T00:00:00Z"
    )
    [porto] = mem.remember(
        "I live in Porto.", collection=collection, observed_at="2025-01-01T00:00:00Z"
    )
    assert porto["text"] == "User lives in Porto"
    assert (porto["attribute"], porto["value"]) == ("home", "Porto")
    assert porto["valid_from"] == "2025-01-01T00:00:00Z"
    assert porto["is_latest"] is False and porto["supersedes"] is None
    assert mem.get(lisbon["id"], collection=collection)["is_latest"] is True
    assert mem.get(porto["id"], collection=collection)["is_latest"] is False

    assert mem.profile(collection)["profile"] == "User lives in Lisbon."
    hits = mem.search(WHERE, collection=collection)
    assert hits and hits[0]["text"] == "User lives in Lisbon"
    assert "User lives in Porto" not in _texts(hits)


@pytest.mark.parametrize(
    ("first", "then", "now"),
    [
        ("I live in Berlin.", "We moved to Paris last month.", "User lives in Paris"),
        ("I work at Acme.", "I joined Google last week.", "User works at Google"),
        ("I'm 34.", "I turned 35 yesterday.", "User is 35 years old"),
        ("I'm vegetarian.", "I started eating meat again two weeks ago.", "User eats meat"),
    ],
)
def test_a_change_dated_in_the_past_is_news_after_what_was_said_before_it(
    mem: Longmem, collection: str, first: str, then: str, now: str
) -> None:
    # The first was said true when it was said, not since: what is said after it is the
    # news, whatever day it names (it was kept as history: the first stayed current).
    [before] = mem.remember(first, collection=collection)
    [after] = mem.remember(then, collection=collection)
    assert (after["text"], after["relation"]) == (now, "updates")
    assert after["supersedes"] == before["id"] and after["is_latest"] is True
    assert after["observed_at"] is not None and after["valid_from"] < after["observed_at"]
    assert now in mem.profile(collection)["profile"]
    assert mem.get(before["id"], collection=collection)["is_latest"] is False


def test_replayed_statements_are_ordered_by_when_they_were_said(
    mem: Longmem, collection: str
) -> None:
    # Said in May: the move of February. Said in March, remembered after: a home then.
    [paris] = mem.remember(
        "We moved to Paris in February.", collection=collection, observed_at="2024-05-01T10:00:00Z"
    )
    [berlin] = mem.remember(
        "I live in Berlin.", collection=collection, observed_at="2024-03-01T10:00:00Z"
    )
    assert (paris["valid_from"], paris["observed_at"]) == (
        "2024-02-01T00:00:00Z",
        "2024-05-01T10:00:00Z",
    )
    assert berlin["is_latest"] is False and berlin["supersedes"] is None
    assert mem.profile(collection)["profile"] == "User lives in Paris."
    # Two days named: the later day is the news, whichever was said last.
    other = collection + "-2"
    mem.remember("I moved to Berlin last week.", collection=other)
    [earlier] = mem.remember("I moved to Paris last month.", collection=other)
    assert earlier["is_latest"] is False
    assert mem.profile(other)["profile"] == "User lives in Berlin."


# -- 8. negation -------------------------------------------------------------------------


def test_no_longer_liking_retires_the_like(mem: Longmem, collection: str) -> None:
    [like] = mem.remember("I like coffee.", collection=collection)
    [retired] = mem.remember("I no longer like coffee.", collection=collection)
    assert retired["text"] == "User no longer likes coffee"
    assert (retired["attribute"], retired["value"]) == ("likes", "coffee")
    assert (retired["relation"], retired["supersedes"]) == ("updates", like["id"])
    assert mem.get(like["id"], collection=collection)["is_latest"] is False

    assert "coffee" not in mem.profile(collection)["profile"]
    assert "User likes coffee" not in _texts(
        mem.search("what does the user like", collection=collection)
    )
    assert _pairs(mem, collection) == [("User no longer likes coffee", "User likes coffee")]
    [again] = mem.remember("I no longer like coffee.", collection=collection)
    assert (again["relation"], again["id"]) == ("duplicate", retired["id"])


def test_not_drinking_anymore_is_kept_as_a_negated_drink(mem: Longmem, collection: str) -> None:
    mem.remember("I like coffee.", collection=collection)
    [stopped] = mem.remember("I don't drink coffee anymore.", collection=collection)
    assert stopped["text"] == "User no longer drinks coffee"
    assert (stopped["attribute"], stopped["value"]) == ("drinks", "coffee")
    hits = mem.search("what does the user drink", collection=collection)
    assert hits and hits[0]["text"] == "User no longer drinks coffee"
    [drinks] = mem.remember("I drink tea.", collection=collection)
    # A new drink makes the denial moot: it is retired, the tea is what the user drinks.
    assert drinks["text"] == "User drinks tea"
    assert mem.get(stopped["id"], collection=collection)["is_latest"] is False


# -- 9. export and import ----------------------------------------------------------------

_KEY_FIELDS = (
    "text",
    "subject",
    "attribute",
    "value",
    "valid_from",
    "observed_at",
    "statement",
    "is_latest",
)


def _contradiction_keys(mem: Longmem, collection: str) -> list[tuple[Any, ...]]:
    return [
        tuple(pair[side].get(k) for side in ("current", "superseded") for k in _KEY_FIELDS)
        for pair in mem.contradictions(collection=collection)
    ]


def _copy(mem: Longmem, collection: str) -> str:
    """A copy of the collection, exported and imported into a new one; its name."""
    copy = collection + "-copy"
    mine = [m for m in mem.export_account()["memories"] if m["collection"] == collection]
    assert mem.import_memories(mine, into_collection=copy)["imported"] == len(mine)
    return copy


def test_export_import_round_trip_keeps_links_keys_and_contradictions(
    mem: Longmem, collection: str
) -> None:
    _tell(
        mem,
        collection,
        "I live in Berlin.",
        "I moved to Paris.",
        "I'm vegetarian.",
        "I eat meat again.",
        "My sister Anna lives in Vienna.",
        "Anna moved to Rome.",
        "I like tea.",
    )
    copy = collection + "-copy"
    mine = [m for m in mem.export_account()["memories"] if m["collection"] == collection]
    assert len(mine) == 8
    assert mem.import_memories(mine, into_collection=copy)["imported"] == len(mine)

    before = {m["id"]: m for m in mem.list_memories(collection=collection, include_superseded=True)}
    after = {m["id"]: m for m in mem.list_memories(collection=copy, include_superseded=True)}
    assert not set(before) & set(after)  # ids are reassigned

    def shape(memories: dict[str, Any]) -> set[tuple[Any, ...]]:
        """Each memory's key fields and the text of what it supersedes, ids left out."""
        return {
            (
                *(m.get(k) for k in _KEY_FIELDS),
                memories[m["supersedes"]]["text"] if m.get("supersedes") else None,
            )
            for m in memories.values()
        }

    assert shape(after) == shape(before)
    assert sum(1 for m in after.values() if m.get("supersedes")) == 3
    assert _contradiction_keys(mem, copy) == _contradiction_keys(mem, collection)
    assert _pairs(mem, copy) == [
        ("User's sister Anna lives in Rome", "User's sister Anna lives in Vienna"),
        ("User eats meat", "User is vegetarian"),
        ("User lives in Paris", "User lives in Berlin"),
    ]
    assert mem.profile(copy)["profile"] == mem.profile(collection)["profile"]
    # The current truth goes on from the copy: a new move supersedes the imported Paris.
    paris = next(m for m in after.values() if m["text"] == "User lives in Paris")
    [madrid] = mem.remember("I live in Madrid.", collection=copy)
    assert (madrid["relation"], madrid["supersedes"]) == ("updates", paris["id"])


def test_export_import_keeps_a_retired_like_retired(mem: Longmem, collection: str) -> None:
    mem.remember("I like coffee.", collection=collection)
    mem.remember("I no longer like coffee.", collection=collection)
    copy = _copy(mem, collection)
    assert mem.profile(copy)["profile"] == mem.profile(collection)["profile"] == ""
    [again] = mem.remember("I no longer like coffee.", collection=copy)
    assert again["relation"] == "duplicate"


# -- 10. nothing to remember -------------------------------------------------------------


@pytest.mark.parametrize("said", ["Thanks!", "What's my name?", "Thanks! What's my name?"])
def test_questions_and_chit_chat_store_nothing(mem: Longmem, collection: str, said: str) -> None:
    mem.remember("My name is Maya.", collection=collection)
    assert mem.remember(said, collection=collection) == []
    assert _texts(mem.list_memories(collection=collection)) == ["User is called Maya"]


# -- 11. a statement in Japanese ---------------------------------------------------------


@pytest.mark.parametrize("how", ["remember", "add"])
def test_a_japanese_statement_is_found_by_a_word_of_it(
    mem: Longmem, collection: str, how: str
) -> None:
    said = "私は寿司が好きです"
    if how == "remember":
        [fact] = mem.remember(said, collection=collection)
        assert fact["text"] == said
    else:
        mem.add(said, collection=collection)
    assert said in _texts(mem.search("寿司", collection=collection))


@pytest.mark.parametrize(
    ("said", "query"),
    [
        ("떡볶이를 좋아해요", "떡볶이"),  # Korean: the particle 를 sits on the word
        ("我住在上海", "上海"),
        ("I had 寿司 for lunch", "寿司"),
    ],
)
def test_a_cjk_word_is_found_inside_a_longer_run(
    mem: Longmem, collection: str, said: str, query: str
) -> None:
    memory = mem.add(said, collection=collection)
    mem.add("I had pasta for lunch", collection=collection)
    hits = mem.search(query, collection=collection, mode="text")
    assert [hit["id"] for hit in hits] == [memory["id"]]


def test_a_question_about_someone_else_is_not_answered_by_the_user(
    mem: Longmem, collection: str
) -> None:
    mem.remember("I share a flat in Mapo with my roommate Hana.", collection=collection)
    mem.remember("I moved to Busan.", collection=collection)
    mem.remember("Hana stayed in Seoul and took over our old lease.", collection=collection)
    texts = _texts(mem.search("Where does Hana live?", collection=collection))
    assert texts[0].startswith("Hana stayed in Seoul")
    assert "User lives in Busan" not in texts


@pytest.mark.parametrize(
    "query", ["What does Jay do?", "What does Jay do for a living?", "What does Dee's brother do?"]
)
def test_what_someone_does_is_their_job(mem: Longmem, collection: str, query: str) -> None:
    mem.remember("Dee here. My brother Jay is a barber in Hyde Park.", collection=collection)
    assert _texts(mem.search(query, collection=collection))[0] == (
        "User's brother Jay works as a barber in Hyde Park"
    )


# -- endings ------------------------------------------------------------------------------


def test_resigning_retires_the_employer_and_the_job(mem: Longmem, collection: str) -> None:
    mem.remember("I'm a data engineer at Flipkart.", collection=collection)
    [ending] = mem.remember("resigned today. ", collection=collection)
    assert (ending["text"], ending["attribute"], ending["value"]) == (
        "User resigned today",
        "employer",
        None,
    )
    assert ending["negated"] is True and ending["relation"] == "updates"
    current = {m["attribute"] for m in _current(mem, collection)}
    assert current == {"employer"}  # the ending itself; the job went with the employer
    assert "Flipkart" not in mem.profile(collection)["profile"]
    # The next employer is new: there is nothing left for it to supersede.
    [swiggy] = mem.remember("I work at Swiggy now.", collection=collection)
    assert (swiggy["relation"], swiggy["supersedes"]) == ("new", None)
    assert _texts(mem.search("where does the user work", collection=collection))[0] == (
        "User works at Swiggy"
    )


def test_a_correction_rewrites_the_memory_that_named_the_wrong_word(
    mem: Longmem, collection: str
) -> None:
    mem.remember("I live in Moda.", collection=collection, observed_at="2025-01-10T09:00:00Z")
    [plan] = mem.remember(
        "We're moving to Bursa in the summer.", collection=collection, observed_at=SPRING_2025
    )
    fixed, rest = mem.remember(
        "wait, correction: it's Izmir not Bursa, I mixed up the offers",
        collection=collection,
        observed_at=SPRING_2025,
    )
    assert (fixed["text"], fixed["relation"], fixed["supersedes"]) == (
        "User moves to Izmir in summer 2025",
        "updates",
        plan["id"],
    )
    assert fixed["valid_from"] == plan["valid_from"] == "2025-06-01T00:00:00Z"
    assert rest["text"] == "User mixed up the offers"  # the rest of the sentence is kept
    texts = _texts(_current(mem, collection))
    assert not any("Bursa" in text for text in texts)
    # Nothing names the wrong word: the correction is kept as it was said.
    [words] = mem.remember("It's Tuesday not Monday", collection=collection)
    assert (words["text"], words["relation"]) == ("It's Tuesday not Monday", "new")


def test_saying_an_ending_again_is_a_duplicate(mem: Longmem, collection: str) -> None:
    mem.remember("I work at Acme.", collection=collection)
    [first] = mem.remember("I resigned today.", collection=collection)
    [again] = mem.remember("I quit!", collection=collection)
    assert (again["relation"], again["id"]) == ("duplicate", first["id"])


def test_an_unnamed_relation_is_worded_with_the_name_it_resolves_to(
    mem: Longmem, collection: str
) -> None:
    mem.remember("My husband Tom is a carpenter.", collection=collection)
    [chef] = mem.remember("My husband is a chef now.", collection=collection)
    assert (chef["text"], chef["subject"], chef["relation"]) == (
        "User's husband Tom works as a chef",
        "husband:Tom",
        "updates",
    )


def test_an_ending_said_before_the_value_does_not_end_it(mem: Longmem, collection: str) -> None:
    mem.remember("I work at Swiggy.", collection=collection, observed_at="2025-06-01T00:00:00Z")
    [old] = mem.remember(
        "resigned today", collection=collection, observed_at="2025-03-28T00:00:00Z"
    )
    assert old["is_latest"] is False
    assert "User works at Swiggy" in mem.profile(collection)["profile"]


def test_what_was_said_before_the_answer_is_left_out(mem: Longmem, collection: str) -> None:
    mem.remember(
        "The boys are Elias, who is 10, and Nils, who is 7.",
        collection=collection,
        observed_at="2024-06-10T00:00:00Z",
    )
    mem.remember("Nils is 9 now.", collection=collection, observed_at="2026-03-05T00:00:00Z")
    texts = _texts(mem.search("How old is Nils?", collection=collection))
    assert texts == ["Nils is 9 years old"]
    # Asked for history, the older words come back, after what is current.
    texts = _texts(mem.search("How old is Nils?", collection=collection, include_history=True))
    assert texts[0] == "Nils is 9 years old" and len(texts) > 1


# -- history on request ------------------------------------------------------------------


def test_history_is_found_only_when_asked_and_after_what_is_current(
    mem: Longmem, collection: str
) -> None:
    [berlin] = mem.remember("I live in Berlin.", collection=collection)
    [paris] = mem.remember("I moved to Paris.", collection=collection)
    assert _texts(mem.search(WHERE, collection=collection)) == ["User lives in Paris"]
    hits = mem.search(WHERE, collection=collection, include_history=True)
    assert [(h["id"], h["is_latest"]) for h in hits] == [(paris["id"], True), (berlin["id"], False)]
    # Even a query that fits the old fact better puts what is current first.
    hits = mem.search("lives in Berlin", collection=collection, include_history=True, mode="text")
    assert [h["id"] for h in hits] == [paris["id"], berlin["id"]]
    assert _texts(mem.search("lives in Berlin", collection=collection, mode="text")) == [
        "User lives in Paris"
    ]


def test_an_expired_plan_is_history_until_it_is_swept() -> None:
    said = datetime.now(timezone.utc) - timedelta(days=10)
    # No sweep in this test's lifetime: the sweeper deletes expired memories.
    with (
        LocalServer(api_key="k", sweep_interval=3600) as server,
        Longmem(api_key="k", base_url=server.url, max_retries=0) as mem,
    ):
        [plan] = mem.remember("I'm in Rome until Friday.", collection="me", observed_at=said)
        assert mem.search("Rome", collection="me") == []
        hits = mem.search("Rome", collection="me", include_history=True)
        assert [h["id"] for h in hits] == [plan["id"]]


# -- 12. multi-valued attributes accumulate ----------------------------------------------


def test_likes_accumulate(mem: Longmem, collection: str) -> None:
    [tea] = mem.remember("I like tea.", collection=collection)
    [jazz] = mem.remember("I like jazz.", collection=collection)
    assert (tea["text"], tea["attribute"], tea["value"]) == ("User likes tea", "likes", "tea")
    assert (jazz["text"], jazz["attribute"], jazz["value"]) == ("User likes jazz", "likes", "jazz")
    assert (jazz["relation"], jazz["supersedes"]) == ("new", None)
    assert sorted(_texts(_current(mem, collection))) == ["User likes jazz", "User likes tea"]
    assert mem.contradictions(collection=collection) == []
    profile = mem.profile(collection)["profile"]
    assert "tea" in profile and "jazz" in profile
    hits = _texts(mem.search("what does the user like", collection=collection))
    assert {"User likes tea", "User likes jazz"} <= set(hits)


# -- 13. a question finds what was said in other words -----------------------------------


def test_a_question_by_relation_finds_memories_naming_the_person(
    mem: Longmem, collection: str
) -> None:
    mem.remember("My wife Tasha is an ER nurse at Northwestern.", collection=collection)
    mem.remember("The dog ate my slippers again.", collection=collection)
    [news] = mem.remember(
        "Tasha took a day shift in the cardiac unit at Rush.", collection=collection
    )
    assert news["attribute"] is None  # not read as a fact: found by her name alone
    hits = mem.search("Where does my wife work now?", collection=collection, limit=5)
    assert news["id"] in [h["id"] for h in hits]
    assert "The dog ate User's slippers again" not in _texts(hits)


@pytest.mark.parametrize(
    ("said", "question", "found"),
    [
        # grandparents and parents by their words in Welsh, Afrikaans, Zulu, Urdu
        (
            "my taid is 91 and still chopping his own wood",
            "How old is my grandfather?",
            "User's taid is 91 years old",
        ),
        (
            "Taid is 91 and still chops wood",
            "How old is my grandad?",
            "User's taid is 91 years old",
        ),
        (
            "My ouma moved to Pretoria",
            "Where does my grandma live?",
            "User's ouma lives in Pretoria",
        ),
        ("my gogo turned 80 in May", "how old is my granny?", "User's gogo is 80 years old"),
        ("my abbu works at PIA", "where does my dad work?", "User's abbu works at PIA"),
    ],
)
def test_a_relative_by_a_word_of_another_language_answers_for_them(
    mem: Longmem, collection: str, said: str, question: str, found: str
) -> None:
    mem.remember(said, collection=collection)
    assert _texts(mem.search(question, collection=collection, limit=1)) == [found]


@pytest.mark.parametrize(
    ("said", "question", "found"),
    [
        (
            "my mum and dad retired to Cornwall last year",
            "where do my parents live?",
            "User's mum and dad retired to Cornwall last year",
        ),
        (
            "my grandma and grandpa retired to Cornwall",
            "where does my nan live?",
            "User's grandma and grandpa retired to Cornwall",
        ),
        (
            "my grandma and grandpa retired to Cornwall",
            "where do my grandparents live?",
            "User's grandma and grandpa retired to Cornwall",
        ),
        (
            "my mom and I went to Paris last week",
            "where did my mother go?",
            "User's mom and User went to Paris last week",
        ),
        (
            "the kids start at St Mary's in September",
            "where do my children go to school?",
            "The kids start at St Mary's in September",
        ),
        (
            "Nana sold the farm in May.",
            "what did my grandma sell?",
            "User's nana sold the farm in May",
        ),
        (
            "my little sis got into Oxford",
            "where does my sister study?",
            "User's sis got into Oxford",
        ),
    ],
)
def test_a_question_by_relation_finds_what_was_said_with_another_word_for_them(
    mem: Longmem, collection: str, said: str, question: str, found: str
) -> None:
    _tell(mem, collection, "I live in Ankara.")
    assert [f for f in mem.remember(said, collection=collection) if f["attribute"]] == []
    _tell(mem, collection, "The dog ate my slippers again.")
    hits = _texts(mem.search(question, collection=collection, limit=5))
    assert found in hits
    assert "The dog ate User's slippers again" not in hits


@pytest.mark.parametrize(
    ("said", "question"),
    [
        ("cheers mate, that helped", "where does my friend live?"),
        ("The mother of all storms hit Leeds", "where does my mum live?"),
        ("my mother-in-law moved to Leeds", "where does my mom live?"),
        ("the Parents' Evening is at 6", "where does my mom live?"),
        ("Mother Teresa was born in Skopje", "where is my mum from?"),
        ("Papa John's delivered the pizza late", "what did my dad order?"),
        ("the folks at Google rejected my application", "what did my parents say?"),
        ("the kids' menu at Nando's is great value", "what does my son like?"),
        ("our sister company in Leeds was sold to Amazon", "where does my sis live?"),
        ("my friend's mum moved to Leeds last year", "where does my mother live?"),
    ],
)
def test_another_word_for_a_relative_is_found_only_said_of_someone(
    plain: Longmem, collection: str, said: str, question: str
) -> None:
    # (the built-in arms alone: the meaning arm may add what reads near, after them)
    _tell(plain, collection, said)
    assert plain.search(question, collection=collection, limit=5) == []


def test_someone_elses_relative_said_by_another_word_does_not_answer_for_the_users(
    mem: Longmem, collection: str
) -> None:
    _tell(mem, collection, "my wife Tasha took a day shift at Rush")
    _tell(mem, collection, "my colleague's wife works at the BBC", "her wife works at the BBC")
    hits = _texts(mem.search("where does my wife work?", collection=collection))
    assert hits[:1] == ["User's wife Tasha took a day shift at Rush"]


def test_a_question_about_several_relatives_is_not_about_the_user(
    mem: Longmem, collection: str
) -> None:
    _tell(
        mem,
        collection,
        "I live in Ankara.",
        "My parents live in Izmir.",
        "My in-laws live in Porto.",
        "My kids go to Lincoln Elementary.",
    )
    parents = _texts(mem.search("where do my parents live?", collection=collection))
    assert parents[0] == "User's parents live in Izmir"
    assert "User lives in Ankara" not in parents  # the user's home answers for the user
    in_laws = _texts(mem.search("Where do my in-laws live?", collection=collection))
    assert in_laws[0] == "User's in-laws live in Porto" and "User lives in Ankara" not in in_laws
    # "my kids" asks about the kids: their school is the answer, not hidden as another
    # subject's fact of the asked attribute.
    school = _texts(mem.search("where do my kids go to school?", collection=collection))
    assert school[:1] == ["User's kids go to Lincoln Elementary"]
    assert _texts(mem.search("where do I live?", collection=collection))[0] == (
        "User lives in Ankara"
    )


def test_a_question_about_several_relatives_asks_each_one_known(
    mem: Longmem, collection: str
) -> None:
    _tell(
        mem,
        collection,
        "I live in Leeds.",
        "My mum lives in Izmir.",
        "My dad lives in Bodrum.",
        "My son Can goes to Lincoln Elementary.",
        "My daughter Ela goes to Park High.",
    )
    parents = _texts(mem.search("where do my parents live?", collection=collection))
    assert set(parents[:2]) == {"User's mum lives in Izmir", "User's dad lives in Bodrum"}
    assert "User lives in Leeds" not in parents
    kids = _texts(mem.search("where do my kids go to school?", collection=collection))
    assert set(kids[:2]) == {
        "User's son Can goes to Lincoln Elementary",
        "User's daughter Ela goes to Park High",
    }


def test_a_favourite_and_hobbies_are_asked_by_their_keys(mem: Longmem, collection: str) -> None:
    _tell(
        mem,
        collection,
        "My favourite food is ramen.",
        "I love hiking and climbing.",
        "I stopped eating meat last year.",  # a diet said after the favourite
    )
    food = _texts(mem.search("what's my favourite food?", collection=collection))
    assert food[0] == "User's favorite food is ramen"
    hobbies = _texts(mem.search("what are my hobbies?", collection=collection))
    assert set(hobbies[:2]) == {"User likes hiking", "User likes climbing"}
    mem.remember("I play football on Sundays.", collection=collection)
    sport = _texts(mem.search("what sport do I play?", collection=collection))
    assert sport[0] == "User's hobbies include football on Sundays"  # not what the user likes


def test_a_move_to_another_team_changes_neither_home_nor_employer(
    mem: Longmem, collection: str
) -> None:
    _tell(mem, collection, "I live in Stockholm.", "I work at Spotify.")
    [team] = mem.remember("I moved over to the podcasts team.", collection=collection)
    assert team["attribute"] is None  # a plain memory
    assert _texts(mem.search("where do I live?", collection=collection))[0] == (
        "User lives in Stockholm"
    )
    assert _texts(mem.search("where do I work?", collection=collection))[0] == (
        "User works at Spotify"
    )


def test_where_am_i_is_the_stay_then_the_home(mem: Longmem, collection: str) -> None:
    mem.remember("I live in Leeds.", collection=collection)
    assert _texts(mem.search("Where am I now?", collection=collection))[:1] == [
        "User lives in Leeds"
    ]
    mem.remember("I'm in Lisbon for a conference.", collection=collection)
    assert _texts(mem.search("where am I?", collection=collection))[:2] == [
        "User is in Lisbon",
        "User lives in Leeds",
    ]
    assert _texts(mem.search("where are we going for dinner?", collection=collection)) == []


def _said(mem: Longmem, collection: str, lines: Sequence[tuple[str, str]]) -> list[str]:
    """Remember each (text, when) in turn; the id of the first memory of each."""
    return [
        mem.remember(text, collection=collection, observed_at=at)[0]["id"] for text, at in lines
    ]


def test_a_move_not_read_as_one_is_found_by_where_one_lives(mem: Longmem, collection: str) -> None:
    trip, home, moved, dog = _said(
        mem,
        collection,
        [
            ("Had a great weekend in Sydney with the girls", "2023-06-01T10:00:00Z"),
            ("I live in Brisbane, in a sharehouse", "2024-01-10T10:00:00Z"),
            ("officially a Hobart girl now!", "2025-03-01T10:00:00Z"),
            ("The dog ate my slippers again", "2025-06-02T10:00:00Z"),
        ],
    )
    assert mem.get(moved, collection=collection)["attribute"] is None  # not read as a move
    hits = [h["id"] for h in mem.search("Where do I live now?", collection=collection, limit=5)]
    # The keyed home first; then what was said since that names a place, though it
    # shares no word with the question; not a place named before the home was said.
    assert hits == [home, moved]
    assert trip not in hits and dog not in hits


def test_an_age_or_a_partner_said_in_passing_is_found_by_its_question(
    mem: Longmem, collection: str
) -> None:
    age, partner, older, seeing, run = _said(
        mem,
        collection,
        [
            ("I'm 27", "2024-01-10T10:00:00Z"),
            ("My girlfriend is Keisha", "2024-01-10T10:05:00Z"),
            ("28 liao", "2025-04-01T10:00:00Z"),
            ("Been seeing this woman Priyanka", "2025-05-01T10:00:00Z"),
            ("ran 5 km this morning", "2025-06-01T10:00:00Z"),
        ],
    )
    hits = [h["id"] for h in mem.search("How old am I?", collection=collection, limit=5)]
    # "28 liao" is the age now, superseding 27; "5 km" is no age
    assert hits[:1] == [older] and age not in hits and run not in hits
    assert mem.get(older, collection=collection)["text"] == "User is 28 years old"
    hits = [h["id"] for h in mem.search("Who am I dating?", collection=collection, limit=5)]
    # "seeing this woman Priyanka" names the partner now: Keisha is no longer the answer
    assert hits[0] == seeing and partner not in hits and run not in hits
    assert mem.get(seeing, collection=collection)["text"] == "User's partner is Priyanka"


def test_a_question_nothing_else_finds_gets_the_latest_memory_of_its_kind(
    mem: Longmem, collection: str
) -> None:
    _, glasgow, _ = _said(
        mem,
        collection,
        [
            ("weekend in Brighton was sooo good", "2025-01-01T10:00:00Z"),
            ("first week up in Glasgow done. the flat is tiny", "2025-02-01T10:00:00Z"),
            ("Interviewing at Canva next week, fingers crossed", "2025-03-01T10:00:00Z"),
        ],
    )
    # no word of the question in any memory, no word of change beside Glasgow
    assert [h["id"] for h in mem.search("where do I live now?", collection=collection)] == [glasgow]
    assert mem.search("where do I work?", collection=collection) == []  # not yet
    assert mem.search("how old am I?", collection=collection) == []  # nothing of the kind


def test_a_place_left_beside_a_word_of_change_does_not_hide_the_new_home(
    mem: Longmem, collection: str
) -> None:
    # Nothing else finds it; "left" says Leeds is not the home, not that Glasgow is not.
    _, glasgow = _said(
        mem,
        collection,
        [
            ("weekend in Brighton was sooo good", "2025-01-01T10:00:00Z"),
            ("first week up in Glasgow done, left Leeds behind", "2025-02-01T10:00:00Z"),
        ],
    )
    assert [h["id"] for h in mem.search("where do I live now?", collection=collection)] == [glasgow]


@pytest.mark.parametrize(
    ("lines", "question", "not_an_answer"),
    [
        # nothing keyed answers: the last thing said is no answer
        (["I live in Leeds", "Dinner at Dishoom"], "Who is my girlfriend?", "Dishoom"),
        (["I live in Leeds", "Bus 42 again"], "How old am I?", "Bus 42"),
        # someone else's home, and a place one left
        (["I live in Toronto", "Sis got a place in Perth"], "Where do I live?", "Perth"),
        (["I live in Dubai", "I grew up in Accra actually"], "Where do I live?", "Accra"),
        (["I live in Dubai", "Weekend in Muscat with the girls"], "Where do I live?", "Muscat"),
        # an employer is where one works, not what one watches
        (["I work at Tesco", "Watching the Lakers tonight"], "Who do I work for?", "Lakers"),
        # a home or a job with nothing said to have changed
        (["I live in Leeds", "Reading on the train to York"], "Where do I live?", "York"),
        (["I'm a paramedic", "A nurse at A&E was rude"], "What is my job?", "nurse"),
    ],
)
def test_what_the_kind_arm_must_not_bring(
    mem: Longmem, collection: str, lines: list[str], question: str, not_an_answer: str
) -> None:
    _said(mem, collection, [(line, f"2025-0{i + 1}-01T10:00:00Z") for i, line in enumerate(lines)])
    hits = _texts(mem.search(question, collection=collection, limit=5))
    assert not any(not_an_answer in hit for hit in hits), hits


def test_someone_elses_wedding_is_no_answer_to_whom_the_user_married(
    mem: Longmem, plain: Longmem, collection: str
) -> None:
    lines = ["I'm married to Femi", "Off to Tunde's wedding in Lagos"]
    for client in (mem, plain):
        _said(
            client,
            collection,
            [(line, f"2025-0{i + 1}-01T10:00:00Z") for i, line in enumerate(lines)],
        )
    # The built-in arms do not bring the wedding; the built-in meaning reads "wedding" near
    # "married" and fills the list with it, after both answers.
    asked = "Who am I married to?"
    assert not any("Tunde" in hit for hit in _texts(plain.search(asked, collection=collection)))
    hits = _texts(mem.search(asked, collection=collection, limit=5))
    assert sorted(hits[:2]) == ["User is married to Femi", "User's partner is Femi"]


def test_what_the_kind_arm_brings_never_ranks_above_a_keyed_fact(
    mem: Longmem, collection: str
) -> None:
    _said(
        mem,
        collection,
        [
            ("My son is Oliver", "2025-01-01T10:00:00Z"),
            ("Named the new puppy Biscuit, the kids chose", "2025-02-01T10:00:00Z"),
        ],
    )
    hits = _texts(mem.search("what are my kids called?", collection=collection, limit=5))
    assert hits[0] == "User's son is Oliver"


def test_a_new_job_said_in_passing_is_found_and_each_work_question_asks_its_key(
    mem: Longmem, collection: str
) -> None:
    home, job, postdoc = _said(
        mem,
        collection,
        [
            ("I live in Dennistoun, Glasgow", "2024-01-10T10:00:00Z"),
            ("I work as a barista at Costa", "2024-01-10T10:05:00Z"),
            ("got offered a postdoc at Trinity!!", "2025-01-10T10:00:00Z"),
        ],
    )
    assert mem.get(postdoc, collection=collection)["attribute"] is None
    hits = [h["id"] for h in mem.search("What is my job?", collection=collection, limit=5)]
    # the employer of the same message ("User works at Costa") may come between
    assert hits[0] == job and postdoc in hits[1:3]
    # "do" asks for the job only in "what do I do?": whom one works for is the employer.
    hits = _texts(mem.search("Who do I work for?", collection=collection, limit=5))
    assert hits[0] == "User works at Costa"
    # "stay" is where one lives, as in Scotland.
    hits = [h["id"] for h in mem.search("where do I stay?", collection=collection, limit=5)]
    assert hits[:1] == [home]
    # A neighbourhood, a suburb or an address is asked of the home too.
    for question in ("what neighbourhood is our flat in?", "what suburb am I in", "my address?"):
        hits = [h["id"] for h in mem.search(question, collection=collection, limit=5)]
        assert hits[:1] == [home], question


def test_a_job_got_at_a_named_place_supersedes_the_job_and_employer(
    mem: Longmem, collection: str
) -> None:
    barista, costa = mem.remember("I work as a barista at Costa", collection=collection)
    job, employer = mem.remember("got a postdoc at Trinity!!", collection=collection)
    assert (job["text"], job["supersedes"]) == ("User works as a postdoc", barista["id"])
    assert (employer["text"], employer["supersedes"]) == ("User works at Trinity", costa["id"])
    hits = _texts(mem.search("What is my job?", collection=collection, limit=5))
    assert hits[0] == "User works as a postdoc" and "User works as a barista" not in hits


def test_a_relation_named_after_it_is_mentioned_is_found_by_its_name_question(
    mem: Longmem, collection: str
) -> None:
    mem.remember("My wife Tolu is expecting our first child.", collection=collection)
    mem.remember("Our daughter is here! Her name is Ireoluwa", collection=collection)
    mem.remember("The traffic was terrible today.", collection=collection)
    for question in ("What's my daughter called?", "What's my daughter's name?"):
        hits = _texts(mem.search(question, collection=collection, limit=5))
        assert hits[0] == "User's daughter is Ireoluwa", question


def test_a_partner_by_one_word_is_found_by_another(mem: Longmem, collection: str) -> None:
    mem.remember("started dating Lucas, he's a chef at a restaurant", collection=collection)
    mem.remember("The bakery on the corner closed.", collection=collection)
    hits = _texts(mem.search("What does my boyfriend do?", collection=collection, limit=5))
    assert hits[0] == "User's partner Lucas works as a chef"
    other = collection + "-2"
    mem.remember("My girlfriend Sigrid is a cellist.", collection=other)
    mem.remember("The bakery on the corner closed.", collection=other)
    hits = _texts(mem.search("what does my partner do", collection=other, limit=5))
    assert hits[0] == "User's girlfriend Sigrid works as a cellist"


@pytest.mark.parametrize(
    "question", ["What do I do for work?", "what do I do for a living", "What do I do now?"]
)
def test_what_one_does_for_work_asks_the_job_first(
    mem: Longmem, collection: str, question: str
) -> None:
    mem.remember("Started as a junior data analyst at the NHS", collection=collection)
    hits = _texts(mem.search(question, collection=collection, limit=5))
    assert hits[:2] == ["User works as a junior data analyst", "User works at the NHS"]


@pytest.mark.parametrize(
    "question", ["Who is my fiancé?", "Who am I engaged to?", "Who am I dating?", "who am i seeing"]
)
def test_who_the_user_is_with_finds_the_partner_by_name(
    mem: Longmem, collection: str, question: str
) -> None:
    mem.remember(
        "started seeing someone new. His name is Dapo, he's a lawyer", collection=collection
    )
    mem.remember("Dapo proposed!!! we're engaged", collection=collection)
    mem.remember("The traffic was terrible today.", collection=collection)
    assert (
        _texts(mem.search(question, collection=collection, limit=5))[0] == "User's partner is Dapo"
    )


def test_a_name_that_is_a_word_finds_only_the_person(mem: Longmem, collection: str) -> None:
    mem.remember("My wife Rose is a nurse at Leeds General.", collection=collection)
    mem.remember("Rent rose by 10 percent.", collection=collection)
    mem.remember("The rose bushes need pruning.", collection=collection)
    [news] = mem.remember("Rose took a day shift at St James's.", collection=collection)
    hits = _texts(mem.search("Where does my wife work now?", collection=collection, limit=5))
    assert news["text"] in hits
    assert "Rent rose by 10 percent" not in hits
    assert "The rose bushes need pruning" not in hits


def test_a_planned_move_is_found_by_a_question_about_home(mem: Longmem, collection: str) -> None:
    mem.remember("I live in Moda.", collection=collection)
    mem.remember("The tram was late again.", collection=collection)
    mem.remember("The meeting moved to Tuesday.", collection=collection)
    [plan] = mem.remember("We're relocating to Izmir in the summer.", collection=collection)
    hits = mem.search("Where does the user live now?", collection=collection, limit=5)
    assert _texts(hits)[0] == "User lives in Moda"  # still true: a plan changes nothing yet
    assert plan["id"] in [h["id"] for h in hits]
    # "moved" says too many things to count as a word for home.
    assert "The meeting moved to Tuesday" not in _texts(hits)
    assert "The tram was late again" not in _texts(hits)


# -- 14. a clause about someone else is not the user's ----------------------------------


@pytest.mark.parametrize(
    ("before", "said", "kept"),
    [
        (["I'm 30."], "Can turned 2", ("age", "30")),
        (["I work at Acme."], "husband got a job at Tesco", ("employer", "Acme")),
        (["I'm 30."], "My grandma is in Porto. 91 and still bakes her own bread.", ("age", "30")),
    ],
)  # fmt: skip
def test_a_clause_about_someone_else_keeps_the_users_fact(
    mem: Longmem, collection: str, before: list[str], said: str, kept: tuple[str, str]
) -> None:
    [fact] = mem.remember(before[0], collection=collection)
    stored = mem.remember(said, collection=collection)
    assert stored and all(f["subject"] != "user" for f in stored if f["attribute"])
    current = _current(mem, collection)
    users = [(m["attribute"], m["value"]) for m in current if m["subject"] == "user"]
    assert users == [kept]
    assert mem.get(fact["id"], collection=collection)["is_latest"] is True


def test_someones_husband_leaves_their_employer_alone(mem: Longmem, collection: str) -> None:
    [_, anna] = mem.remember("My sister Anna works at Acme.", collection=collection)
    [said] = mem.remember("Anna's husband got a job at Tesco.", collection=collection)
    assert (said["text"], said["attribute"]) == ("Anna's husband got a job at Tesco", None)
    assert mem.get(anna["id"], collection=collection)["is_latest"] is True


def test_a_known_name_typed_in_lower_case_is_that_person(mem: Longmem, collection: str) -> None:
    mem.remember("My brother Vikram is 19.", collection=collection)
    [me] = mem.remember("I'm 28.", collection=collection)
    facts = mem.remember("vikram turned 21", collection=collection)
    assert [(f["subject"], f["attribute"], f["value"]) for f in facts] == [
        ("brother:Vikram", "age", "21")
    ]
    assert facts[0]["text"] == "User's brother Vikram is 21 years old"
    assert facts[0]["relation"] == "updates"
    assert mem.get(me["id"], collection=collection)["is_latest"] is True
    # Chat that opens with a lower-case word nobody is called stays the user's.
    [older] = mem.remember("omg turned 29", collection=collection)
    assert (older["subject"], older["value"], older["supersedes"]) == ("user", "29", me["id"])


def test_a_still_question_is_answered_by_the_ending(mem: Longmem, collection: str) -> None:
    a_year_ago = datetime.now(timezone.utc) - timedelta(days=365)
    mem.remember("My mum works at the council.", collection=collection, observed_at=a_year_ago)
    mem.remember("Mum works hard at the allotment.", collection=collection)
    [ending] = mem.remember("Mum retired from the council last week.", collection=collection)
    mem.remember("Mum is still cross about the parking ticket.", collection=collection)
    assert (ending["subject"], ending["attribute"], ending["negated"]) == ("mum:", "employer", True)
    assert ending["relation"] == "updates"
    hits = mem.search("Is my mum still working?", collection=collection, limit=5)
    # The ending answers it, before a memory that shares "mum" and "still" with it.
    assert hits[0]["id"] == ending["id"]


def test_working_asks_the_job_and_employer_and_working_on_the_project(
    mem: Longmem, collection: str
) -> None:
    [employer] = mem.remember("My sister Anna works at Spotify.", collection=collection)[-1:]
    [project] = mem.remember("Anna is working on Project Atlas.", collection=collection)
    assert (employer["attribute"], project["attribute"]) == ("employer", "project")
    hits = mem.search("Where is Anna working now?", collection=collection, limit=5)
    assert hits[0]["id"] == employer["id"]
    hits = mem.search("What is Anna working on?", collection=collection, limit=5)
    assert hits[0]["id"] == project["id"]
    [job] = mem.remember("Anna works as a designer.", collection=collection)
    assert job["attribute"] == "job"
    hits = mem.search("What is Anna working on?", collection=collection, limit=5)
    assert hits[0]["id"] == project["id"]


def test_a_still_question_does_not_match_the_word_still(mem: Longmem, collection: str) -> None:
    mem.remember("I live in York.", collection=collection)
    mem.remember("I'm still tired from the weekend.", collection=collection)
    mem.remember("Still no word from the landlord.", collection=collection)
    hits = _texts(mem.search("Do I still live in York?", collection=collection, limit=5))
    assert hits == ["User lives in York"]
    # Asked in text mode, the words are the user's to match.
    assert "Still no word from the landlord" in _texts(
        mem.search("still", collection=collection, mode="text")
    )


def test_a_still_question_puts_what_holds_before_what_ended(mem: Longmem, collection: str) -> None:
    [acme] = mem.remember("I work at Acme.", collection=collection)
    for old in ("Aviva", "Tesco", "Boots"):
        mem.remember(f"I no longer work at {old}.", collection=collection)
    hits = mem.search("Do I still work?", collection=collection, limit=5)
    assert hits[0]["id"] == acme["id"]


def test_a_lower_case_opener_is_a_name_unless_a_word_of_chat(mem: Longmem, collection: str) -> None:
    # A bare name may be a word the rules took for one: "Thankfully" here.
    mem.remember("Thankfully promoted to senior engineer.", collection=collection)
    mem.remember("Anna is a nurse.", collection=collection)
    mem.remember("My friend Bob lives in York.", collection=collection)
    [home] = mem.remember("thankfully moved to Leeds", collection=collection)
    assert (home["subject"], home["attribute"], home["value"]) == ("user", "home", "Leeds")
    [age] = mem.remember("anna turned 31", collection=collection)
    assert (age["subject"], age["attribute"], age["value"]) == ("Anna", "age", "31")
    # The user is a subject of the clause too: the user's, not Bob's.
    [said] = mem.remember("bob said i turned 32 today", collection=collection)
    assert (said["subject"], said["value"]) == ("user", "32")
    [bob] = mem.remember("bob turned 33", collection=collection)
    assert (bob["subject"], bob["text"]) == ("friend:Bob", "User's friend Bob is 33 years old")


def test_a_still_question_about_one_of_many_values_finds_its_denial(
    mem: Longmem, collection: str
) -> None:
    mem.remember("I have a cat.", collection=collection)
    [dog] = mem.remember("I don't have a dog anymore.", collection=collection)
    assert (dog["attribute"], dog["negated"]) == ("pets", True)
    hits = mem.search("Do I still have a dog?", collection=collection, limit=5)
    assert hits[0]["id"] == dog["id"]


def test_a_question_of_aspect_words_alone_keeps_them(mem: Longmem, collection: str) -> None:
    [pack] = mem.remember("Still need to pack.", collection=collection)
    assert [h["id"] for h in mem.search("Still?", collection=collection)] == [pack["id"]]


def test_the_wider_family_is_keyed_by_relation(mem: Longmem, collection: str) -> None:
    mem.remember("I live in Lisbon.", collection=collection)
    [rosa, home] = mem.remember("My grandma Rosa lives in Porto.", collection=collection)
    assert (rosa["attribute"], rosa["value"]) == ("relatives", "Rosa")
    assert (home["subject"], home["attribute"], home["value"]) == ("grandma:Rosa", "home", "Porto")
    [moved] = mem.remember("Grandma moved to Braga.", collection=collection)
    assert (moved["subject"], moved["supersedes"]) == ("grandma:Rosa", home["id"])
    hits = _texts(mem.search("Where does my grandma live?", collection=collection))
    assert hits[0] == "User's grandma Rosa lives in Braga"
    homes = [m for m in _current(mem, collection) if m["attribute"] == "home"]
    assert sorted(_texts(homes)) == ["User lives in Lisbon", "User's grandma Rosa lives in Braga"]


@pytest.mark.parametrize(
    "said", ["My dog turned 5 today!", "My car is 10 years old.", "Our parents moved to Spain."]
)
def test_something_of_the_users_is_not_the_user(mem: Longmem, collection: str, said: str) -> None:
    [me] = mem.remember("I'm 30 and I live in Lisbon.", collection=collection)[:1]
    [stored] = mem.remember(said, collection=collection)
    assert stored["attribute"] is None
    users = {
        (m["attribute"], m["value"]) for m in _current(mem, collection) if m["subject"] == "user"
    }
    assert users == {("age", "30"), ("home", "Lisbon")}
    assert mem.get(me["id"], collection=collection)["is_latest"] is True


def test_a_relative_is_asked_about_by_any_word_for_them(mem: Longmem, collection: str) -> None:
    mem.remember("My nan Rosa lives in Porto.", collection=collection)
    [moved] = mem.remember("Grandma moved to Braga.", collection=collection)
    assert (moved["subject"], moved["attribute"]) == ("nan:Rosa", "home")
    for asked in (
        "Where does my grandmother live?",
        "Where does my nan live?",
        "Where does my gran live?",
    ):
        hits = _texts(mem.search(asked, collection=collection))
        assert hits[:1] == ["User's nan Rosa lives in Braga"], asked


def test_a_relative_named_by_two_words_is_one_person(mem: Longmem, collection: str) -> None:
    # "my sis Germaine" then "my sister Germaine": one sister, whose home a later move
    # replaces, whichever word was said; each fact keeps the word its sentence used
    mem.remember("My sis Germaine just moved to London.", collection=collection)
    [likes] = [
        f
        for f in mem.remember("My sister Germaine loves sushi.", collection=collection)
        if f["attribute"] == "likes"
    ]
    assert (likes["subject"], likes["text"]) == (
        "sis:Germaine",
        "User's sister Germaine likes sushi",
    )
    [leeds] = [
        f
        for f in mem.remember("My sister Germaine moved to Leeds.", collection=collection)
        if f["attribute"] == "home"
    ]
    assert (leeds["subject"], leeds["relation"]) == ("sis:Germaine", "updates")
    [paris] = mem.remember("Germaine moved to Paris.", collection=collection)
    assert (paris["subject"], paris["attribute"], paris["value"]) == (
        "sis:Germaine",
        "home",
        "Paris",
    )
    assert (paris["relation"], paris["supersedes"]) == ("updates", leeds["id"])
    homes = [f for f in _current(mem, collection) if f.get("attribute") == "home"]
    assert _texts(homes) == ["User's sis Germaine lives in Paris"]


def test_a_relative_and_i_is_the_user_too(mem: Longmem, collection: str) -> None:
    mem.remember("I live in York.", collection=collection)
    [home] = mem.remember("My cousin and I moved to Leeds.", collection=collection)
    assert (home["subject"], home["attribute"], home["value"]) == ("user", "home", "Leeds")


@pytest.mark.parametrize(
    ("said", "key"),
    [
        ("My doctor said I'm allergic to peanuts.", ("allergies", "peanuts")),
        ("My job starts at Spotify on Monday.", ("employer", "Spotify")),
        ("My birthday is 3 May.", ("birthday", "3 May")),
    ],
)
def test_what_of_the_user_names_the_user_is_the_users(
    mem: Longmem, collection: str, said: str, key: tuple[str, str]
) -> None:
    [fact] = mem.remember(said, collection=collection)
    assert (fact["subject"], fact["attribute"], fact["value"]) == ("user", *key)


def test_the_users_name_does_not_answer_what_a_relative_is_called(
    mem: Longmem, collection: str
) -> None:
    # "called" had matched "User is called Agnieszka" first, above the news of the baby.
    _tell(
        mem,
        collection,
        "I'm Agnieszka, everyone calls me Aga.",
        "My sister Ola works as a pharmacist.",
        "Ola had her baby last night, a boy, Antek.",
    )
    texts = _texts(mem.search("What's my nephew called?", collection=collection))
    baby = next(i for i, text in enumerate(texts) if "Antek" in text)
    assert all(i > baby for i, text in enumerate(texts) if "Agnieszka" in text), texts
    # asked after the user, the name answers, also beside a relative (a review's)
    assert _texts(mem.search("What am I called?", collection=collection))[0].startswith(
        "User is called Agnieszka"
    )
    mine = _texts(mem.search("what do my nephews call me?", collection=collection))
    assert mine[0].startswith("User is called Agnieszka"), mine


def test_the_profile_says_each_relation_in_its_own_words(mem: Longmem, collection: str) -> None:
    _tell(
        mem,
        collection,
        "My cousin Ana lives in Lisbon.",
        "My uncle Joe works at Ford.",
        "My aunt is Mary.",
    )
    profile = mem.profile(collection)["profile"]
    assert "User's cousin is Ana" in profile and "User's uncle is Joe" in profile
    assert "User's aunt is Mary" in profile
    assert "Ana and" not in profile and "Joe and" not in profile


def test_a_child_named_like_a_modal_ages_by_name(mem: Longmem, collection: str) -> None:
    said = "our son Can is 1 and just learned to say baba"
    [_, one, _] = mem.remember(said, collection=collection, observed_at="2025-01-10T09:00:00Z")
    assert (one["subject"], one["attribute"], one["value"]) == ("son:Can", "age", "1")
    later = "2026-01-20T09:00:00Z"
    [two] = mem.remember("Can turned 2 last week", collection=collection, observed_at=later)
    assert (two["subject"], two["value"], two["supersedes"]) == ("son:Can", "2", one["id"])
    assert _texts(mem.search("How old is Can?", collection=collection))[:1] == [
        "User's son Can is 2 years old"
    ]


def test_a_pronoun_after_a_named_contraction_is_that_person(mem: Longmem, collection: str) -> None:
    [_, old] = mem.remember("My wife Tasha works at Northwestern.", collection=collection)
    said = "Tasha's done with nights for good, she took a day job in the cardiac unit at Rush"
    facts = mem.remember(said, collection=collection)
    keyed = [f for f in facts if f["attribute"]]
    assert [(f["subject"], f["attribute"], f["value"]) for f in keyed] == [
        ("wife:Tasha", "employer", "Rush")
    ]
    assert keyed[0]["supersedes"] == old["id"]


def test_a_stay_leaves_the_home_alone(mem: Longmem, collection: str) -> None:
    [home] = mem.remember("I live in Leeds.", collection=collection)
    for said in ("I'm at a conference in Lisbon.", "at a trade show in Vegas till Thursday"):
        [stay] = mem.remember(said, collection=collection)
        assert stay["attribute"] == "location", said
    assert mem.get(home["id"], collection=collection)["is_latest"] is True
    assert _texts(mem.search(WHERE, collection=collection))[:1] == ["User lives in Leeds"]


def test_a_diet_that_is_over_is_retired(mem: Longmem, collection: str) -> None:
    [keto] = mem.remember("Tasha and I are doing keto together.", collection=collection)
    assert (keto["subject"], keto["attribute"], keto["value"]) == ("user", "diet", "keto")
    said = "keto is officially over lol. back to deep dish"
    [over, _] = mem.remember(said, collection=collection)
    assert (over["value"], over["negated"], over["supersedes"]) == ("keto", True, keto["id"])
    assert mem.get(keto["id"], collection=collection)["is_latest"] is False


def test_a_condition_states_nothing(mem: Longmem, collection: str) -> None:
    [coffee] = mem.remember("I drink coffee.", collection=collection)
    facts = mem.remember("If it's tea from now on, I'll cry.", collection=collection)
    assert facts and all(f["attribute"] is None for f in facts)
    assert mem.get(coffee["id"], collection=collection)["is_latest"] is True


def test_a_grandparent_is_asked_about_in_any_language(mem: Longmem, collection: str) -> None:
    mem.remember("My avó Rosa lives on her own in Viana do Castelo.", collection=collection)
    for asked in ("Where does my avó live?", "Where does my grandma live?"):
        hits = _texts(mem.search(asked, collection=collection))
        assert hits[:1] == ["User's avó Rosa lives in Viana do Castelo"], asked


@pytest.mark.parametrize(
    ("said", "home", "employer"),
    [
        ("I moved over to Google.", "Oslo", "Google"),
        ("We moved over to Spain in May.", "Spain", "Equinor"),
        ("I left London.", "Oslo", "Equinor"),
        ("I wasn't hired by Google.", "Oslo", "Equinor"),
        ("I hope I get hired by Google.", "Oslo", "Equinor"),
        ("Would love to be hired by Google", "Oslo", "Equinor"),
    ],
)
def test_a_company_is_no_home_and_a_place_no_employer(
    mem: Longmem, collection: str, said: str, home: str, employer: str
) -> None:
    _tell(mem, collection, "I live in Oslo and work for Equinor.", said)
    current = _current(mem, collection)
    values = {m["attribute"]: m["value"] for m in current if not m["negated"]}
    assert (values.get("home"), values.get("employer")) == (home, employer)
    keyed = {(m["attribute"], m["value"]) for m in current}
    assert not keyed & {("employer", "London"), ("home", "Google"), ("employer", "Spain")}


@pytest.mark.parametrize(
    ("said", "town"),
    [
        ("We moved back to my hometown, Bolton.", "Bolton"),
        # a town not on the list of known places, after a subject ("We")
        ("We moved back to my hometown, Largs.", "Largs"),
    ],
)
def test_a_hometown_named_after_a_comma_is_the_home(
    mem: Longmem, collection: str, said: str, town: str
) -> None:
    _tell(mem, collection, "I live in Leeds.", said)
    homes = [m["value"] for m in _current(mem, collection) if m["attribute"] == "home"]
    assert homes == [town]


def test_being_at_a_company_is_not_living_there(mem: Longmem, collection: str) -> None:
    [home] = mem.remember("I live in York.", collection=collection)
    mem.remember("Working at Google now", collection=collection)
    assert mem.get(home["id"], collection=collection)["is_latest"] is True


def test_a_break_up_with_a_thing_leaves_the_partner(mem: Longmem, collection: str) -> None:
    [_, tom] = mem.remember("My husband Tom is a carpenter.", collection=collection)
    mem.remember("Netflix and I broke up lol", collection=collection)
    assert mem.get(tom["id"], collection=collection)["is_latest"] is True


@pytest.mark.parametrize(
    "parted",
    [
        "Tom and I split up.",
        "me and Tom broke up last week",
        "Tom and I parted ways.",
        "I broke up with Tom.",
        "I dumped Tom lol",
        "I'm single again.",
        "We got divorced.",
    ],
)
def test_parting_from_the_partner_ends_the_partner(
    mem: Longmem, collection: str, parted: str
) -> None:
    [tom, _] = mem.remember("My husband Tom is a carpenter.", collection=collection)
    mem.remember(parted, collection=collection)
    assert mem.get(tom["id"], collection=collection)["is_latest"] is False


def test_parting_from_someone_else_leaves_the_partner(mem: Longmem, collection: str) -> None:
    [ana] = mem.remember("My girlfriend is Ana.", collection=collection)
    [words] = mem.remember("I broke up with Tom.", collection=collection)
    assert words["attribute"] is None
    assert mem.get(ana["id"], collection=collection)["is_latest"] is True


def test_a_sibling_in_another_language_is_asked_about_as_a_sibling(
    mem: Longmem, collection: str
) -> None:
    mem.remember("My hermana Lucia lives in Sevilla.", collection=collection)
    hits = _texts(mem.search("Where does my sister live?", collection=collection))
    assert hits[:1] == ["User's hermana Lucia lives in Sevilla"]


def test_a_month_name_that_is_a_name_ages_the_relative(mem: Longmem, collection: str) -> None:
    [me] = mem.remember("I'm 35.", collection=collection, observed_at="2025-01-10T09:00:00Z")
    mem.remember("My sister June is 28.", collection=collection, observed_at="2025-01-10T09:00:00Z")
    [june] = mem.remember("June turned 29", collection=collection)
    assert (june["subject"], june["value"]) == ("sister:June", "29")
    assert mem.get(me["id"], collection=collection)["is_latest"] is True


# -- 15. a change planned for a day to come ----------------------------------------------


def _next_month() -> tuple[str, str]:
    """(the first of next month as stored, as a plan's text names it: "December 2026")."""
    today = datetime.now(timezone.utc).date()
    year, month = (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)
    first = datetime(year, month, 1, tzinfo=timezone.utc)
    return first.strftime("%Y-%m-%dT%H:%M:%SZ"), first.strftime("%B %Y")


def test_a_planned_move_keeps_the_home_until_its_day(mem: Longmem, collection: str) -> None:
    begins, month = _next_month()
    [moda] = mem.remember("We live in Moda.", collection=collection)
    [izmir] = mem.remember("We're moving to Izmir next month!", collection=collection)
    assert izmir["text"] == f"User moves to Izmir in {month}"
    assert (izmir["attribute"], izmir["value"], izmir["valid_from"]) == ("home", "Izmir", begins)
    assert (izmir["relation"], izmir["supersedes"], izmir["is_latest"]) == (
        "updates",
        moda["id"],
        True,
    )
    # Moda is still the home, until the move: then it ends.
    now = mem.get(moda["id"], collection=collection)
    assert (now["is_latest"], now["expires_at"]) == (True, begins)
    assert _texts(mem.search(WHERE, collection=collection)) == [
        "User lives in Moda",
        f"User moves to Izmir in {month}",
    ]
    assert mem.profile(collection)["profile"] == (
        f"User lives in Moda. User moves to Izmir in {month}."
    )
    assert _pairs(mem, collection) == [(izmir["text"], "User lives in Moda")]
    # The same plan again is a duplicate; a home said again while it waits changes nothing.
    [again] = mem.remember("moving to Izmir next month", collection=collection)
    assert (again["relation"], again["id"]) == ("duplicate", izmir["id"])
    [home] = mem.remember("I live in Moda", collection=collection)
    assert (home["relation"], home["id"]) == ("duplicate", moda["id"])


def test_a_plan_whose_day_has_come_is_the_home(mem: Longmem, collection: str) -> None:
    [moda] = mem.remember(
        "We live in Moda.", collection=collection, observed_at="2025-01-10T09:00:00Z"
    )
    [izmir] = mem.remember(
        "We're moving to Izmir in the summer.", collection=collection, observed_at=SPRING_2025
    )
    assert (izmir["text"], izmir["valid_from"]) == (
        "User moves to Izmir in summer 2025",
        "2025-06-01T00:00:00Z",
    )
    assert (izmir["relation"], izmir["supersedes"]) == ("updates", moda["id"])
    assert mem.get(moda["id"], collection=collection)["is_latest"] is False
    assert _texts(mem.search(WHERE, collection=collection)) == [izmir["text"]]
    assert mem.profile(collection)["profile"] == "User moves to Izmir in summer 2025."


def test_a_changed_plan_replaces_the_one_waiting(mem: Longmem, collection: str) -> None:
    begins, month = _next_month()
    [moda] = mem.remember("We live in Moda.", collection=collection)
    [bursa] = mem.remember("We're moving to Bursa next month.", collection=collection)
    [izmir] = mem.remember(
        "change of plan: we're moving to Izmir in two months", collection=collection
    )
    assert (izmir["relation"], izmir["supersedes"]) == ("updates", bursa["id"])
    assert izmir["valid_from"] > begins
    assert mem.get(bursa["id"], collection=collection)["is_latest"] is False
    # Moda now ends when the new plan begins, not the old one.
    assert mem.get(moda["id"], collection=collection)["expires_at"] == izmir["valid_from"]
    homes = [m for m in _current(mem, collection) if m["attribute"] == "home"]
    assert sorted(_texts(homes)) == sorted(["User lives in Moda", izmir["text"]])
    # A correction of the plan keeps its day.
    fixed, *_ = mem.remember("sorry, it's Ankara not Izmir", collection=collection)
    assert (fixed["relation"], fixed["supersedes"]) == ("updates", izmir["id"])
    assert fixed["valid_from"] == izmir["valid_from"]
    assert mem.get(moda["id"], collection=collection)["expires_at"] == izmir["valid_from"]
    assert month in bursa["text"]


def test_the_same_move_on_another_day_moves_the_day(mem: Longmem, collection: str) -> None:
    [moda] = mem.remember("We live in Moda.", collection=collection)
    [first] = mem.remember("We're moving to Izmir next month.", collection=collection)
    [later] = mem.remember("moving to Izmir in two months now", collection=collection)
    assert (later["relation"], later["supersedes"]) == ("updates", first["id"])
    assert later["valid_from"] > first["valid_from"]
    assert mem.get(moda["id"], collection=collection)["expires_at"] == later["valid_from"]


@pytest.mark.parametrize(
    "off", ["We're not moving to Izmir after all.", "I'm no longer moving to Izmir"]
)
def test_a_move_called_off_leaves_the_home(mem: Longmem, collection: str, off: str) -> None:
    [moda] = mem.remember("We live in Moda.", collection=collection)
    [izmir] = mem.remember("We're moving to Izmir next month.", collection=collection)
    [denial] = mem.remember(off, collection=collection)
    assert (denial["relation"], denial["supersedes"]) == ("updates", izmir["id"])
    assert mem.get(izmir["id"], collection=collection)["is_latest"] is False
    now = mem.get(moda["id"], collection=collection)
    assert (now["is_latest"], now["expires_at"]) == (True, None)
    assert mem.profile(collection)["profile"] == "User lives in Moda."


def test_a_new_job_called_off_leaves_the_job(mem: Longmem, collection: str) -> None:
    [acme] = mem.remember("I work at Acme.", collection=collection)
    [globex] = mem.remember("I start at Globex next month.", collection=collection)
    assert mem.get(acme["id"], collection=collection)["expires_at"] == globex["valid_from"]
    mem.remember("I'm not starting at Globex after all", collection=collection)
    assert mem.get(globex["id"], collection=collection)["is_latest"] is False
    assert mem.get(acme["id"], collection=collection)["expires_at"] is None


@pytest.mark.parametrize("how", ["delete", "archive", "forget"])
def test_a_plan_removed_leaves_the_home(mem: Longmem, collection: str, how: str) -> None:
    [moda] = mem.remember("We live in Moda.", collection=collection)
    [izmir] = mem.remember("We're moving to Izmir next month.", collection=collection)
    assert mem.get(moda["id"], collection=collection)["expires_at"] == izmir["valid_from"]
    if how == "delete":
        mem.delete(izmir["id"], collection=collection)
    elif how == "archive":
        mem.archive(izmir["id"], collection=collection)
    else:
        mem.forget(izmir["text"], collection=collection, min_score=0.99)
    assert mem.get(moda["id"], collection=collection)["expires_at"] is None


@pytest.mark.parametrize("off", ["the move's off :(", "we're not moving after all"])
def test_a_move_called_off_without_its_place_leaves_the_home(
    mem: Longmem, collection: str, off: str
) -> None:
    [moda] = mem.remember("We live in Moda.", collection=collection)
    [izmir] = mem.remember("We're moving to Izmir next month.", collection=collection)
    [denial] = mem.remember(off, collection=collection)
    assert (denial["relation"], denial["supersedes"]) == ("updates", izmir["id"])
    assert mem.get(moda["id"], collection=collection)["expires_at"] is None
    assert mem.profile(collection)["profile"] == "User lives in Moda."


def test_a_call_off_with_no_plan_waiting_leaves_the_home(mem: Longmem, collection: str) -> None:
    # said late (the move has happened) or of no plan: the words, never an ending
    [izmir] = mem.remember("We live in Izmir.", collection=collection)
    [words] = mem.remember("we're not moving to Izmir after all", collection=collection)
    assert (words["attribute"], words["relation"]) == (None, "new")
    assert mem.get(izmir["id"], collection=collection)["is_latest"] is True


def test_a_denial_after_all_with_no_plan_is_a_denial(mem: Longmem, collection: str) -> None:
    [veg] = mem.remember("I'm vegetarian.", collection=collection)
    [off] = mem.remember("I'm not vegetarian after all", collection=collection)
    assert (off["relation"], off["supersedes"]) == ("updates", veg["id"])
    assert mem.get(veg["id"], collection=collection)["is_latest"] is False


def test_a_denial_is_never_a_duplicate_of_what_it_denies(mem: Longmem, collection: str) -> None:
    [acme] = mem.remember("I work at Acme.", collection=collection)
    [off] = mem.remember("I'm not working at Acme anymore", collection=collection)
    assert (off["relation"], off["supersedes"]) == ("updates", acme["id"])
    [every] = mem.remember("All of my friends came to the party.", collection=collection)
    [none] = mem.remember("None of my friends came to the party.", collection=collection)
    assert none["relation"] == "new" and none["id"] != every["id"]
    [late] = mem.remember("The tram was late.", collection=collection)
    [on_time] = mem.remember("The tram wasn't late.", collection=collection)
    assert on_time["relation"] == "new" and on_time["id"] != late["id"]


def test_a_neighbours_diet_or_pets_leave_the_users(mem: Longmem, collection: str) -> None:
    [veg] = mem.remember("I'm vegetarian.", collection=collection)
    [cat] = mem.remember("I have a cat.", collection=collection)
    said = mem.remember(
        "My neighbour is vegan. Our postman has a dog. We have a dog walker now.",
        collection=collection,
    )
    assert [(f["relation"], f["supersedes"]) for f in said] == [("new", None)] * 3
    assert [f["attribute"] for f in said] == [None, None, None]
    assert mem.get(veg["id"], collection=collection)["is_latest"] is True
    lines = mem.profile(collection)["profile"].rstrip(".").split(". ")
    assert "User is vegetarian" in lines and "User has a cat" in lines
    assert "User is vegan" not in lines and "User has a dog" not in lines
    hits = mem.search("what pets do I have", collection=collection, limit=1)
    assert _texts(hits) == [cat["text"]]
    [age] = mem.remember("I'm 34.", collection=collection)
    [home] = mem.remember("I live in York.", collection=collection)
    said = mem.remember(
        "Great news, the twins turned 3. Wild, the neighbours moved to Spain.",
        collection=collection,
    )
    assert [f["attribute"] for f in said] == [None, None]
    assert all(mem.get(m["id"], collection=collection)["is_latest"] for m in (age, home))


def test_trips_to_come_are_stays_of_their_own(mem: Longmem, collection: str) -> None:
    [leeds] = mem.remember("I'm in Leeds on Friday", collection=collection)
    [york] = mem.remember("I'm in York on Saturday", collection=collection)
    assert (york["relation"], york["supersedes"]) == ("new", None)
    assert mem.get(leeds["id"], collection=collection)["is_latest"] is True


@pytest.mark.parametrize("asked", ["Am I moving?", "when do we move?"])
def test_a_question_about_moving_finds_the_move(mem: Longmem, collection: str, asked: str) -> None:
    mem.remember("We live in Moda.", collection=collection)
    [izmir] = mem.remember("We're moving to Izmir next month.", collection=collection)
    assert izmir["id"] in [h["id"] for h in mem.search(asked, collection=collection)]


def test_a_home_said_while_a_move_waits_holds_until_the_move(mem: Longmem, collection: str) -> None:
    begins, _ = _next_month()
    [moda] = mem.remember("We live in Moda.", collection=collection)
    [izmir] = mem.remember("We're moving to Izmir next month.", collection=collection)
    [leeds] = mem.remember("I moved to Leeds.", collection=collection)
    assert (leeds["relation"], leeds["supersedes"]) == ("updates", moda["id"])
    assert (leeds["expires_at"], leeds["is_latest"]) == (begins, True)
    assert mem.get(izmir["id"], collection=collection)["is_latest"] is True
    # The move came early: the plan is done with, and Izmir is the home from now on.
    [early] = mem.remember("Actually we moved to Izmir already.", collection=collection)
    assert (early["text"], early["expires_at"]) == ("User lives in Izmir", None)
    assert early["supersedes"] == leeds["id"]
    assert mem.get(izmir["id"], collection=collection)["is_latest"] is False
    homes = [m for m in _current(mem, collection) if m["attribute"] == "home"]
    assert _texts(homes) == ["User lives in Izmir"]


@pytest.mark.parametrize(
    "said",
    [
        "I'm moving to Leeds.",
        "We might move to Leeds next year.",
        "thinking of moving to Lisbon in the spring",
        "My parents are moving to Spain next year.",
        "I'm moving to Leeds, next month.",
    ],
)
def test_a_move_without_a_day_or_only_wished_leaves_the_home(
    mem: Longmem, collection: str, said: str
) -> None:
    [berlin] = mem.remember("I live in Berlin.", collection=collection)
    [words] = mem.remember(said, collection=collection)
    assert (words["attribute"], words["relation"]) == (None, "new")
    now = mem.get(berlin["id"], collection=collection)
    assert (now["is_latest"], now["expires_at"]) == (True, None)


@pytest.mark.parametrize(
    ("first", "wished", "question"),
    [
        ("I work at Tesco.", "I should quit Tesco and work at Aldi", "where do I work"),
        ("I work as a nurse.", "I'd love to quit nursing and become a teacher", "what is my job"),
        (
            "My sister works at Tesco.",
            "my sister wants to quit and work at Aldi",
            "where does my sister work",
        ),
        ("I'm vegetarian.", "I should really start eating meat again", "what is my diet"),
    ],
)
def test_a_wish_with_a_verb_joined_on_leaves_what_is_true(
    mem: Longmem, collection: str, first: str, wished: str, question: str
) -> None:
    [fact] = mem.remember(first, collection=collection)
    said = mem.remember(wished, collection=collection)
    assert {f["attribute"] for f in said} == {None}  # the joined verb had been keyed
    assert mem.get(fact["id"], collection=collection)["is_latest"] is True
    assert _texts(mem.search(question, collection=collection))[0] == fact["text"]


@pytest.mark.parametrize(
    ("first", "ended"),
    [
        ("I live in York.", "I haven't lived in York since 2019, the rent got silly"),
        ("I'm vegetarian.", "tbh I haven't been vegetarian for years"),
    ],
)
def test_not_so_for_years_retires_the_fact(
    mem: Longmem, collection: str, first: str, ended: str
) -> None:
    [fact] = mem.remember(first, collection=collection)
    mem.remember(ended, collection=collection)
    assert mem.get(fact["id"], collection=collection)["is_latest"] is False
    assert fact["text"] not in _texts(_current(mem, collection))


def test_a_new_job_to_come_leaves_the_old_one_until_then(mem: Longmem, collection: str) -> None:
    begins, month = _next_month()
    [acme] = mem.remember("I work at Acme.", collection=collection)
    [globex] = mem.remember("I start at Globex next month.", collection=collection)
    assert (globex["text"], globex["valid_from"]) == (f"User works at Globex from {month}", begins)
    assert mem.get(acme["id"], collection=collection)["expires_at"] == begins
    hits = _texts(mem.search("where does the user work", collection=collection))
    assert hits[:2] == ["User works at Acme", globex["text"]]


def test_a_first_day_said_after_the_new_job_leaves_the_old_one_until_then(
    mem: Longmem, collection: str
) -> None:
    begins, month = _next_month()
    teacher, acme = mem.remember("I work as a teacher at Acme.", collection=collection)
    facts = mem.remember(
        "I've been hired by Globex as a nurse, starting next month.", collection=collection
    )
    # no "User startings next month" of its own: the day is the job's
    assert [(f["text"], f["valid_from"]) for f in facts] == [
        (f"User works as a nurse from {month}", begins),
        (f"User works at Globex from {month}", begins),
    ]
    # the teacher at Acme until then, then the nurse at Globex
    for now in (teacher, acme):
        assert mem.get(now["id"], collection=collection)["expires_at"] == begins
    hits = _texts(mem.search("where does the user work", collection=collection))
    assert hits[:2] == ["User works at Acme", f"User works at Globex from {month}"]


def test_a_home_said_beside_its_city_answers_which_city(mem: Longmem, collection: str) -> None:
    [brisbane] = mem.remember("I live in Brisbane.", collection=collection)
    said = mem.remember(
        "new year new city — I'm in Melbourne now!! got a little place in Brunswick",
        collection=collection,
    )
    [home] = [fact for fact in said if fact["attribute"] == "home"]
    assert (home["text"], home["value"]) == ("User lives in Brunswick, Melbourne", "Brunswick")
    assert (home["relation"], home["supersedes"]) == ("updates", brisbane["id"])
    assert _texts(mem.search("which city do I live in?", collection=collection))[:1] == [
        "User lives in Brunswick, Melbourne"
    ]


def test_export_import_keeps_a_plan_waiting(mem: Longmem, collection: str) -> None:
    mem.remember("We live in Moda.", collection=collection)
    mem.remember("We're moving to Izmir next month.", collection=collection)
    assert any(m["valid_from"] > m["created_at"] for m in _current(mem, collection))  # a plan
    copy = _copy(mem, collection)
    fields = ("text", "is_latest", "expires_at", "valid_from")
    assert sorted(tuple(m[k] for k in fields) for m in _current(mem, copy)) == sorted(
        tuple(m[k] for k in fields) for m in _current(mem, collection)
    )
    assert _pairs(mem, copy) == _pairs(mem, collection)
    assert mem.profile(copy)["profile"] == mem.profile(collection)["profile"]


@pytest.mark.parametrize(
    ("held", "said", "now"),
    [
        ("I'm single", "my boyfriend Pieter is taking me to meet his parents", "in a relationship"),
        ("I'm single", "my gf Priya got me a kindle", "in a relationship"),
        ("I'm divorced", "my new partner Sam works nights", "in a relationship"),
        ("I'm single", "my fiancée Raj is from Pune", "engaged"),
        ("I'm widowed", "my hubby Dan is a nurse", "married"),
        ("I'm single", "my wife Ana is from Lisbon", "married"),
    ],
)
def test_a_partner_named_ends_a_relationship_that_held_none(
    mem: Longmem, collection: str, held: str, said: str, now: str
) -> None:
    [old] = mem.remember(held, collection=collection, observed_at="2025-01-01T10:00:00Z")
    stored = mem.remember(said, collection=collection, observed_at="2025-04-01T10:00:00Z")
    [status] = [f for f in stored if f["attribute"] == "relationship"]
    assert (status["text"], status["supersedes"]) == (f"User is {now}", old["id"])
    assert status["statement"] == next(
        f["statement"] for f in stored if f["attribute"] == "partner"
    )
    hits = _texts(mem.search("am I single?", collection=collection, limit=5))
    assert f"User is {now}" in hits and held.replace("I'm", "User is") not in hits


@pytest.mark.parametrize(
    "said",
    [
        "my ex boyfriend Leo called",
        "my late husband Tom loved roses",
        "my friend's boyfriend Max is rude",
        "if I had a girlfriend I'd take her to Paris",
    ],
)
def test_a_partner_not_the_users_now_leaves_the_relationship(
    mem: Longmem, collection: str, said: str
) -> None:
    mem.remember("I'm single", collection=collection, observed_at="2025-01-01T10:00:00Z")
    stored = mem.remember(said, collection=collection, observed_at="2025-04-01T10:00:00Z")
    assert [f for f in stored if f["attribute"] in ("relationship", "partner")] == []
    assert "User is single" in mem.profile(collection=collection)["profile"]


def test_a_partner_restated_or_said_with_the_relationship_adds_no_status(
    mem: Longmem, collection: str
) -> None:
    # the relationship said in the same message is what it is: no second status
    stored = mem.remember("I'm single, my boyfriend Leo moved out", collection=collection)
    assert [f["value"] for f in stored if f["attribute"] == "relationship"] == ["single"]
    # a married user naming the husband changes nothing
    other = collection + "-two"
    mem.remember("I'm married", collection=other, observed_at="2025-01-01T10:00:00Z")
    stored = mem.remember("my husband Tom is a chef", collection=other)
    assert [f for f in stored if f["attribute"] == "relationship"] == []


def test_what_someone_studies_and_where_are_asked_apart(mem: Longmem, collection: str) -> None:
    mem.remember("my brother Emeka got admission to study medicine at UNN", collection=collection)
    mem.remember("I'm doing a masters in software engineering at TU Delft", collection=collection)
    mem.remember("The traffic was terrible today.", collection=collection)
    top = _texts(mem.search("What is my brother studying?", collection=collection, limit=5))
    assert top[0] == "User's brother Emeka studies medicine"
    top = _texts(mem.search("Where is my brother studying?", collection=collection, limit=5))
    assert top[0] == "User's brother Emeka goes to UNN"
    top = _texts(mem.search("What am I studying?", collection=collection, limit=5))
    assert top[0] == "User studies software engineering"


def test_a_trip_said_with_its_time_is_gone_when_it_is_over(mem: Longmem, collection: str) -> None:
    mem.remember("I live in Pretoria.", collection=collection, observed_at="2025-05-01T09:00:00Z")
    [trip] = mem.remember(
        "Going to Joburg for 4 days next week for a wine show",
        collection=collection,
        observed_at="2025-06-01T09:00:00Z",
    )
    assert (trip["attribute"], trip["value"]) == ("location", "Joburg")
    assert trip["expires_at"].startswith("2025-06-05")  # Monday to Thursday
    hits = _texts(mem.search("Is Pieter in Joburg this week?", collection=collection, limit=5))
    assert not [text for text in hits if "Joburg" in text]
    where = _texts(mem.search("Where do I live?", collection=collection, limit=5))
    assert where[0] == "User lives in Pretoria"
    history = mem.search("Joburg", collection=collection, include_history=True, mode="text")
    assert trip["id"] in [hit["id"] for hit in history]


# -- 16. what an agent meets: facts said in passing around requests (b3tune) ----------


def test_what_a_question_tells_before_it_asks_is_remembered(mem: Longmem, collection: str) -> None:
    [veggie] = mem.remember("I've been vegetarian since 2019.", collection=collection)
    mem.remember(
        "no longer vegetarian btw, doctor wants more iron — best way to cook a steak?",
        collection=collection,
    )
    assert mem.get(veggie["id"], collection=collection)["is_latest"] is False
    told = mem.remember(
        "back home in Lyon tonight, easy dinner after travelling?", collection=collection
    )
    assert _texts(told) == ["User lives in Lyon"]
    # a question through and through stores nothing, whatever comes before its pause
    assert mem.remember("If I move to Leeds, would I be happier?", collection=collection) == []
    assert mem.remember("what do you think, should I move to Leeds?", collection=collection) == []


@pytest.mark.parametrize(
    ("said", "employer"),
    [
        ("i'm on the payments team at Monzo, can you help me structure my self-review", "Monzo"),
        ("I'm in sales at Nike, help me write a quarterly recap email", "Nike"),
        ("first week at the new flat in Bristol done 🎉", None),
    ],
)
def test_a_team_names_its_employer_and_a_flat_is_none(
    mem: Longmem, collection: str, said: str, employer: Optional[str]
) -> None:
    facts = mem.remember(said, collection=collection)
    employers = [f for f in facts if f["attribute"] == "employer"]
    assert [f["value"] for f in employers] == ([employer] if employer else [])
    if employer:  # the request after the comma is no detail of the fact
        assert employers[0]["text"] == f"User works at {employer}"


@pytest.mark.parametrize(
    "together",
    [
        "Marco and I are official now 🥰 good 3 month gift?",
        "been seeing this woman Marco, he's a park ranger",
        "I've been dating a guy called Marco for a month",
        "me and Marco are moving in together, been seeing him two year",
    ],
)
def test_a_new_partner_said_in_passing_is_the_partner(
    mem: Longmem, collection: str, together: str
) -> None:
    [daniel] = mem.remember("writing a toast for my fiancé Daniel", collection=collection)[:1]
    mem.remember("I'm single again lol", collection=collection)
    mem.remember(together, collection=collection)
    partners = [m["value"] for m in _current(mem, collection) if m["attribute"] == "partner"]
    assert partners == ["Marco"]
    assert mem.get(daniel["id"], collection=collection)["is_latest"] is False


@pytest.mark.parametrize(
    ("had", "gone"),
    [
        ("my cat Biscuit keeps scratching the sofa", "we had to put Biscuit down yesterday"),
        ("our rabbit Clover keeps chewing the cables", "we rehomed Clover with a family"),
        ("my dog Rex is 3", "my dog Rex died last week"),
    ],
)
def test_a_pet_gone_is_no_longer_kept(mem: Longmem, collection: str, had: str, gone: str) -> None:
    [pet] = [f for f in mem.remember(had, collection=collection) if f["attribute"] == "pets"]
    mem.remember(gone, collection=collection)
    assert mem.get(pet["id"], collection=collection)["is_latest"] is False
    [new] = mem.remember("brought home a rescue greyhound called Pepper", collection=collection)
    assert (new["attribute"], new["value"]) == ("pets", "rescue greyhound called Pepper")


def test_what_was_said_before_a_parting_no_longer_answers_who_one_dates(
    mem: Longmem, collection: str
) -> None:
    _, _, priyanka = _said(
        mem,
        collection,
        [
            ("my girlfriend Keisha and I just hit 2 years", "2024-01-10T10:00:00Z"),
            ("I broke up with Keisha.", "2024-10-10T10:00:00Z"),
            ("been on three dates with Priyanka now", "2025-03-10T10:00:00Z"),
        ],
    )
    for asked in ("who am I dating?", "who is my girlfriend?"):
        hits = [h["id"] for h in mem.search(asked, collection=collection, limit=5)]
        assert hits == [priyanka], asked


def test_the_kind_arm_looks_further_when_what_was_found_is_no_answer(
    mem: Longmem, collection: str
) -> None:
    _tell(
        mem,
        collection,
        "need a thank-you gift for my neighbour here in Hamburg",
        "if I lived in Tokyo I'd eat ramen every single day lol",
    )
    hits = _texts(mem.search("user home city", collection=collection, limit=5))
    assert any("Hamburg" in hit for hit in hits)


@pytest.mark.parametrize(
    ("said", "asked", "answer"),
    [
        (
            "I'm allergic to shellfish.",
            "user dietary restrictions",
            "User is allergic to shellfish",
        ),
        (
            "I'm allergic to shellfish.",
            "what should I avoid when ordering food?",
            "User is allergic to shellfish",
        ),
        ("flying to Lisbon on Thursday, back Monday", "upcoming travel plans", "User is in Lisbon"),
        ("We got married in 2019.", "user marital status", "User is married"),
        # "which hospital" asks where one works
        (
            "I'm a nurse at Leeds General. Hospital food is awful lol",
            "Which hospital am I at now?",
            "User works at Leeds General",
        ),
    ],
)
def test_an_agents_words_for_a_key_find_it(
    mem: Longmem, collection: str, said: str, asked: str, answer: str
) -> None:
    _tell(mem, collection, "I live in Leeds.", said)
    hits = _texts(mem.search(asked, collection=collection, limit=5))
    assert any(hit.startswith(answer) for hit in hits[:2]), hits


@pytest.mark.parametrize(
    ("said", "key"),
    [
        ("new phone new number lol: 07700 900872", ("phone", "07700 900872")),
        ("they made me senior designer!!! celebrating tonight", ("job", "senior designer")),
        ("the board appointed me CFO", ("job", "CFO")),
        ("doing my masters at UCL, help me with a lit review outline", ("school", "UCL")),
        ("I teach year 6, help me with a fun fractions starter", ("job", "teacher")),
        (
            "just got diagnosed coeliac 😩 what can I even eat now",
            ("allergies", "gluten (coeliac)"),
        ),
        ("we're separating. how do I tell the kids", ("relationship", "separated")),
        ("my divorce is final", ("relationship", "divorced")),
        ("settling into York, the walls here are so thin", ("home", "York")),
        ("back home in Lyon tonight, easy dinner after travelling?", ("home", "Lyon")),
        ("onboarding at Plaid is intense, 40 docs to read", ("employer", "Plaid")),
        # and what only looks like one
        ("they made me cry", None),
        ("I teach yoga on weekends", None),
        ("back home in India we eat with our hands", None),
        ("my sister is settling into Leeds", None),
    ],
)
def test_news_said_around_a_request_is_keyed(
    mem: Longmem, collection: str, said: str, key: Optional[tuple[str, str]]
) -> None:
    keyed = [
        (f["attribute"], f["value"])
        for f in mem.remember(said, collection=collection)
        if f["attribute"] and f["subject"] == "user"
    ]
    assert keyed == ([key] if key else [])


@pytest.mark.parametrize(
    ("left", "kept"),
    [
        ("dropped out of the masters, wasn't worth the debt", False),
        ("I dropped out of the race", True),
    ],
)
def test_dropping_out_ends_the_studies(
    mem: Longmem, collection: str, left: str, kept: bool
) -> None:
    [studies] = mem.remember("I study data science.", collection=collection)
    mem.remember(left, collection=collection)
    assert mem.get(studies["id"], collection=collection)["is_latest"] is kept


def test_a_home_said_with_the_day_it_is_reached_does_not_end_that_day(
    mem: Longmem, collection: str
) -> None:
    [home] = mem.remember("back home in Lyon tonight, easy dinner?", collection=collection)
    assert (home["attribute"], home["expires_at"]) == ("home", None)
    [until] = mem.remember("I live in Leeds until Friday", collection=collection)
    assert until["expires_at"] is not None  # an end said is an end


@pytest.mark.parametrize(
    ("said", "asked", "answer"),
    [
        (
            ("My boyfriend Tom is a chef.", "Tom and I split up."),
            "am I seeing anyone?",
            "Tom and User split up",
        ),
        (
            ("I work at Acme.", "quit my job at Acme today"),
            "where do I work?",
            "User no longer works at Acme",
        ),
        (("My girlfriend is Ana.",), "am I seeing anyone?", "User's girlfriend is Ana"),
    ],
)
def test_a_key_that_holds_nothing_now_is_answered_by_its_end(
    mem: Longmem, collection: str, said: tuple[str, ...], asked: str, answer: str
) -> None:
    _tell(mem, collection, *said)
    hits = _texts(mem.search(asked, collection=collection, limit=5))
    assert hits[:1] == [answer]


# -- 17. what only looks like news (a review of section 16's rules) --------------------


@pytest.mark.parametrize(
    ("held", "said"),
    [
        ("I work at Google.", "I'm on the same team with Raj now."),
        ("I work at Google.", "I'm in a support group for ADHD adults."),
        ("I work at Oracle.", "I'm in sales for Europe."),
        ("My husband is Dave.", "Jake and I got together to study for the exam."),
        ("My husband is Dave.", "Lisa and I are together this weekend at her cottage."),
        ("My husband is Dave.", "Sam and I are married to our jobs honestly."),
        ("My husband is Dave.", "Priya and I are official co-founders now!"),
        ("My husband is Dave.", "Roleplay as my girlfriend Emma, okay?"),
        ("I'm married to Ana.", "My parents got divorced when I was 10."),
        ("I'm married to Ana.", "I'm separated from my team at work now, remote."),
        ("I'm married to Ana.", "I'm single for the weekend, Ana is away at her mum's lol"),
        ("My boyfriend is Tom.", "I dumped my boyfriend's old couch at the tip."),
        ("My dog Rex is 3.", "My dog Rex passed his obedience class today!"),
        ("My dog Rex is 3.", "I couldn't put Rex down, he kept whining for cuddles."),
        ("I live in the Bronx.", "Sorry, just not in the mood today"),
        ("I'm allergic to peanuts.", "Sorry, yes not peanuts, but tree nuts"),
    ],
)
def test_what_only_looks_like_news_changes_nothing(
    mem: Longmem, collection: str, held: str, said: str
) -> None:
    before = [f for f in mem.remember(held, collection=collection) if f["attribute"]]
    mem.remember(said, collection=collection)
    for fact in before:
        now = mem.get(fact["id"], collection=collection)
        assert (now["is_latest"], now["text"]) == (True, fact["text"]), said


@pytest.mark.parametrize(
    "asked",
    [
        "Assuming I go vegan next month, what protein sources are there?",
        "Let's say I live in Tokyo, where should I eat?",
        "Quick one - if I move to Leeds, would I be happier?",
    ],
)
def test_a_question_after_a_supposition_stores_nothing(
    mem: Longmem, collection: str, asked: str
) -> None:
    assert mem.remember(asked, collection=collection) == []


def test_putting_a_child_down_for_a_nap_keys_no_pet(mem: Longmem, collection: str) -> None:
    [nap] = mem.remember("Finally put Maya down for her nap.", collection=collection)
    assert nap["attribute"] is None
    # … nor putting down someone no pet is called, kept as said ("User no longer has Tom"
    # had been written)
    [down] = mem.remember("we had to put Tom down yesterday", collection=collection)
    assert (down["attribute"], down["text"]) == (None, "User had to put Tom down yesterday")


def test_a_name_corrected_is_corrected_wherever_it_names_the_person(
    mem: Longmem, collection: str
) -> None:
    _tell(mem, collection, "My daughter Isabel is 7.", "Isabel started swimming lessons today.")
    mem.remember("Sorry, her name's Isla, not Isabel.", collection=collection)
    current = _current(mem, collection)
    assert not [m["text"] for m in current if "Isabel" in m["text"]]
    assert {m["subject"] for m in current if m["attribute"] in ("age", "hobbies")} == {
        "daughter:Isla"
    }


def test_a_name_corrected_into_one_known_adds_no_second(mem: Longmem, collection: str) -> None:
    _tell(mem, collection, "My daughter Isla is 5.", "My daughter Isabel is 7.")
    mem.remember("Sorry, Isla not Isabel", collection=collection)
    current = _current(mem, collection)
    assert sorted((m["attribute"], m["value"]) for m in current) == [
        ("age", "5"),
        ("children", "Isla"),
    ]


def test_a_common_word_corrected_is_the_users_own(mem: Longmem, collection: str) -> None:
    _tell(mem, collection, "I like coffee.", "My sister dislikes coffee.")
    mem.remember("sorry, tea not coffee", collection=collection)
    texts = sorted(m["text"] for m in _current(mem, collection))
    assert texts == ["User likes tea", "User's sister dislikes coffee"]


def test_a_new_value_said_before_an_end_still_answers(mem: Longmem, collection: str) -> None:
    _said(
        mem,
        collection,
        [
            ("Settling into Glasgow life, the new flat is cosy.", "2025-03-01T10:00:00Z"),
            ("Sold the flat in Berlin, so no more Berlin for me.", "2025-03-05T10:00:00Z"),
        ],
    )
    hits = _texts(mem.search("where do I live now?", collection=collection, limit=5))
    assert hits[:1] == ["User lives in Glasgow"]
    other = collection + "-b"
    _said(
        mem,
        other,
        [
            ("Been seeing Priyanka a lot, she's lovely.", "2025-03-01T10:00:00Z"),
            ("Keisha and I split up officially last night.", "2025-03-05T10:00:00Z"),
        ],
    )
    hits = _texts(mem.search("who am I dating?", collection=other, limit=5))
    assert "Been seeing Priyanka a lot" in hits


def test_a_stay_is_no_home_even_when_nothing_else_answers(mem: Longmem, collection: str) -> None:
    _tell(mem, collection, "Grabbing dinner here in Rome with friends tonight, on vacation.")
    hits = _texts(mem.search("where do I live?", collection=collection, limit=5))
    assert not [hit for hit in hits if "Rome" in hit]


@pytest.mark.parametrize(
    ("had", "gone"),
    [
        ("We brought home a rescue greyhound called Pepper!", "My dog Pepper died last night."),
        ("We got a puppy called Bruno.", "Our dog Bruno passed away"),
    ],
)
def test_a_pet_is_the_one_so_called_whatever_kind_it_was_said_to_be(
    mem: Longmem, collection: str, had: str, gone: str
) -> None:
    [pet] = mem.remember(had, collection=collection)
    mem.remember(gone, collection=collection)
    assert mem.get(pet["id"], collection=collection)["is_latest"] is False


def test_what_names_a_denied_value_no_longer_answers(mem: Longmem, collection: str) -> None:
    _said(
        mem,
        collection,
        [
            ("Third coffee of the day and it's 11am, this is fine", "2025-03-01T10:00:00Z"),
            ("I quit coffee last month", "2025-06-01T10:00:00Z"),
        ],
    )
    hits = _texts(mem.search("do I still drink coffee?", collection=collection, limit=5))
    assert hits == ["User no longer drinks coffee"]


# -- 18. "she" in the next message: the person told of last --------------------------


@pytest.mark.parametrize(
    ("told", "said", "key"),
    [
        ("My wife is Ana.", "she's 40 now", ("wife:Ana", "age", "40")),
        (
            "My brother Kenji lives in Osaka.",
            "he moved to Tokyo last week",
            ("brother:Kenji", "home", "Tokyo"),
        ),
        ("My wife is Ana. My son Leo is 5.", "he turned 6 today", ("son:Leo", "age", "6")),
        (
            "my wife works at Google in the ads team",
            "she left Google last month",
            ("wife:", "employer", "Google"),
        ),
        # a first name and a surname said first: the one known by that full name, or by
        # its first name if introduced by the full name ("my husband Wei Jie" is keyed
        # husband:Wei)
        (
            "My friend Mary Jane lives in York.",
            "Mary Jane moved to Leeds last week.",
            ("friend:Mary", "home", "Leeds"),
        ),
        (
            "Staying in PJ with my husband Wei Jie and our son Ethan.",
            "Wei Jie got the job at USM.",
            ("husband:Wei", "employer", "USM"),
        ),
    ],
)
def test_someone_not_named_in_the_message_is_the_one_the_collection_knows(
    mem: Longmem, collection: str, told: str, said: str, key: tuple[str, str, str]
) -> None:
    mem.remember(told, collection=collection)
    [fact] = [f for f in mem.remember(said, collection=collection) if f["attribute"]]
    assert (fact["subject"], fact["attribute"], fact["value"]) == key
    assert fact["text"].startswith("User's ")


@pytest.mark.parametrize(
    ("told", "said"),
    [
        ("My brother Kenji lives in Osaka.", "she moved to Tokyo last week"),  # not him
        ("I live in Leeds.", "he moved to Tokyo last week"),  # no one told of
        # two keys of one clause, words once (a job and an employer had been reported
        # twice, the second as a duplicate of the first)
        ("I live in Leeds.", "she got a job at Google as an engineer"),
    ],
)
def test_a_pronoun_that_fits_no_one_told_of_is_words(
    mem: Longmem, collection: str, told: str, said: str
) -> None:
    before = mem.remember(told, collection=collection)
    [words] = mem.remember(said, collection=collection)
    assert (words["attribute"], words["text"]) == (None, said[:1].upper() + said[1:])
    assert all(mem.get(f["id"], collection=collection)["is_latest"] for f in before)


@pytest.mark.parametrize(
    "said",
    [
        "Tom Smith got a job at Google as an engineer.",  # no Tom known
        "Ed Sheeran is married",  # a singer
        "Nana Mouskouri turned 90",
        "Harry Styles turned 32 today",
    ],
)
def test_a_full_name_no_one_is_known_by_is_words(mem: Longmem, collection: str, said: str) -> None:
    # (a relative known by the first name alone is not them: "my son Harry" is no Harry
    # Styles, "my husband Tom" no Tom Hanks, even when said beside the full name)
    mem.remember(
        "My friend Ana lives in Leeds. My son Tom is 12. My husband Ed is 40.",
        collection=collection,
    )
    mem.remember("My son Harry loves Harry Styles.", collection=collection)
    facts = mem.remember(said, collection=collection)
    # stored and reported once: the job and the employer of someone no one knows are the
    # same words
    assert [(f["subject"], f["attribute"], f["text"], f["relation"]) for f in facts] == [
        (None, None, said.rstrip("."), "new")
    ]


@pytest.mark.parametrize("said_at", ["2025-03-05T10:00:00Z", "2025-02-28T10:00:00Z"])
def test_a_pronoun_is_not_someone_told_of_days_before_or_after(
    mem: Longmem, collection: str, said_at: str
) -> None:
    mem.remember("My wife is Ana.", collection=collection, observed_at="2025-03-01T10:00:00Z")
    [words] = mem.remember("she's 40 now", collection=collection, observed_at=said_at)
    assert words["attribute"] is None


@pytest.mark.parametrize(
    ("said", "grown"), [("he's 13 now", True), ("he's 30 now", False), ("he's 15 now", False)]
)
def test_a_pronoun_months_later_is_one_younger_by_the_years_gone_by(
    mem: Longmem, collection: str, said: str, grown: bool
) -> None:
    [son] = mem.remember("My son is 12.", collection=collection, observed_at="2022-07-20T10:00:00Z")
    [fact] = mem.remember(said, collection=collection, observed_at="2023-02-05T19:34:00Z")
    if grown:
        assert (fact["subject"], fact["attribute"], fact["value"]) == ("son:", "age", "13")
        assert fact["supersedes"] == son["id"]
    else:
        assert fact["attribute"] is None
        assert mem.get(son["id"], collection=collection)["is_latest"]


def test_a_pronoun_weeks_later_tells_a_new_value_of_a_key_the_one_it_fits_holds(
    mem: Longmem, collection: str
) -> None:
    [job] = mem.remember(
        "my husband Kwame is a junior architect",
        collection=collection,
        observed_at="2024-03-01T10:00:00Z",
    )[-1:]
    mem.remember(
        "what's a good risotto recipe", collection=collection, observed_at="2024-03-09T10:00:00Z"
    )
    # (the same pronoun said before it in the message is the same one: "He got it")
    *_, fact = mem.remember(
        "He got it!!! he is officially project architect now",
        collection=collection,
        observed_at="2024-04-02T10:00:00Z",
    )
    assert (fact["subject"], fact["attribute"], fact["value"]) == (
        "husband:Kwame",
        "job",
        "project architect",
    )
    assert fact["supersedes"] == job["id"]


def test_a_pronoun_weeks_later_adds_a_value_of_a_many_valued_key_the_one_it_fits_holds(
    mem: Longmem, collection: str
) -> None:
    mem.remember(
        "my wife drives a 2012 toyota corolla",
        collection=collection,
        observed_at="2024-09-01T10:00:00Z",
    )
    facts = mem.remember(
        "we traded the corolla in, she's got a Kia Niro hybrid now",
        collection=collection,
        observed_at="2024-09-24T10:00:00Z",
    )
    keyed = [(f["subject"], f["attribute"], f["value"]) for f in facts if f["attribute"]]
    assert ("wife:", "vehicles", "Kia Niro") in keyed
    hits = mem.search("what car does my wife have?", collection=collection)
    assert hits[0]["text"] == "User's wife has a Kia Niro"


def test_a_pronoun_weeks_later_keys_each_fact_of_its_clause_it_can(
    mem: Longmem, collection: str
) -> None:
    # the job, which no one holds, stays plain; the home, which the brother holds, is his
    [home] = [
        f
        for f in mem.remember(
            "my brother Luca lives in Turin", collection=collection, observed_at=_MAY_9
        )
        if f["attribute"] == "home"
    ]
    facts = mem.remember(
        "trip's off, he's just moved to Rotterdam for a job at the port",
        collection=collection,
        observed_at="2024-05-20T10:00:00Z",
    )
    keyed = [(f["subject"], f["attribute"], f["value"], f["supersedes"]) for f in facts]
    assert ("brother:Luca", "home", "Rotterdam", home["id"]) in keyed


_MAY_9 = "2024-05-09T10:00:00Z"


def test_a_pronoun_said_at_the_same_moment_as_someone_else_in_another_call_stays_plain(
    mem: Longmem, collection: str
) -> None:
    # a chat replayed with its times to the minute: two messages, one moment
    mem.remember("My son is 12.", collection=collection, observed_at="2022-07-20T10:00:00Z")
    mem.remember(
        "met my neighbour's kid Sam today",
        collection=collection,
        observed_at="2023-02-05T19:34:00Z",
    )
    [fact] = mem.remember("he's 13 now", collection=collection, observed_at="2023-02-05T19:34:00Z")
    assert fact["attribute"] is None


def test_a_pronoun_after_a_thing_in_the_same_message_is_still_the_one_it_fits(
    mem: Longmem, collection: str
) -> None:
    mem.remember(
        "my daughter aiko is 5 and turning 6 on the 14th",
        collection=collection,
        observed_at="2023-10-24T10:00:00Z",
    )
    facts = mem.remember(
        "party went great. she is very proud to be a big 6 year old now lol",
        collection=collection,
        observed_at="2023-11-14T10:00:00Z",
    )
    aged = [(f["subject"], f["attribute"], f["value"]) for f in facts if f["attribute"]]
    assert aged == [("daughter:Aiko", "age", "6")]


_NEWS = "he is officially project architect now"


@pytest.mark.parametrize(
    ("also", "lately", "said"),
    [
        # two the pronoun fits hold the key: either could be meant
        ("my son Tunde is a junior doctor", None, _NEWS),
        # someone said in passing the day before may be meant
        (None, "had coffee with my old mentor yesterday, great guy", _NEWS),
        # … or before it in the same message
        (None, None, "met a lovely guy at the gym. he's a nurse"),
    ],
)
def test_a_pronoun_weeks_later_stays_plain_when_another_may_be_meant(
    mem: Longmem, collection: str, also: Optional[str], lately: Optional[str], said: str
) -> None:
    mem.remember(
        "my husband Kwame is a junior architect",
        collection=collection,
        observed_at="2024-03-01T10:00:00Z",
    )
    if also:
        mem.remember(also, collection=collection, observed_at="2024-03-02T10:00:00Z")
    if lately:
        mem.remember(lately, collection=collection, observed_at="2024-04-01T20:00:00Z")
    facts = mem.remember(said, collection=collection, observed_at="2024-04-02T10:00:00Z")
    assert [f["attribute"] for f in facts] == [None] * len(facts)


# -- 19. a second review of section 16's rules ----------------------------------------


@pytest.mark.parametrize(
    ("held", "said"),
    [
        ("My husband is Tom.", "we are separating the recycling from the rubbish"),
        ("My husband is Tom.", "I'm splitting up the work"),
        ("My husband is Tom.", "I got divorced when I was 25"),
        ("I live in Leeds.", "settling into York for the weekend"),
        ("I live in Leeds.", "settling into Paris hotel nicely"),
        ("I live in Leeds.", "back home in Cork now, visiting the folks for the weekend"),
        ("I live in Leeds.", "back home in Lyon tonight for my sister's wedding"),
        ("I live in Berlin.", "left the house in Berlin at 8 this morning"),
        ("I work at Acme.", "we're doing onboarding with Stripe for our payments"),
        ("I work at Acme.", "I hated the onboarding at Plaid when I interviewed"),
        ("I study law.", "I quit school choir"),
        ("I study law.", "I dropped out of school at 16"),
    ],
)
def test_what_only_looks_like_news_changes_nothing_either(
    mem: Longmem, collection: str, held: str, said: str
) -> None:
    before = [f for f in mem.remember(held, collection=collection) if f["attribute"]]
    mem.remember(said, collection=collection)
    for fact in before:
        assert mem.get(fact["id"], collection=collection)["is_latest"] is True, said


@pytest.mark.parametrize(
    "said",
    [
        "I'm thinking of doing my masters at UCL",
        "I was doing my masters at UCL when I met Tom",
        "worried I'll be diagnosed coeliac",
        "my divorce was finalised in 2015, I remarried in 2018",
    ],
)
def test_a_hope_a_fear_or_the_past_keys_nothing(mem: Longmem, collection: str, said: str) -> None:
    assert [
        f["attribute"] for f in mem.remember(said, collection=collection) if f["attribute"]
    ] == []


def test_what_ends_and_what_does_not(mem: Longmem, collection: str) -> None:
    [taught] = mem.remember("I used to teach year 6", collection=collection)
    assert (taught["attribute"], taught["negated"]) == ("job", True)
    [week] = mem.remember("I'm based in Berlin this week", collection=collection)
    assert week["expires_at"] is not None  # a week said is an end
    [quit] = mem.remember("quit my job at Acme today", collection=collection)
    assert quit["expires_at"] is None  # an end said never ends
    facts = mem.remember("dropped out of the masters, wasn't worth the debt", collection=collection)
    assert [f["attribute"] for f in facts] == ["studies"]  # one memory, the school with it
    [house] = mem.remember(
        "moved out of my flat in Leeds into a house in Headingley", collection=collection
    )
    assert (house["attribute"], house["value"], house["negated"]) == ("home", "Headingley", False)


@pytest.mark.parametrize(
    ("said", "asked", "first"),
    [
        (
            (
                "I live in Leeds.",
                "I don't live in Leeds anymore.",
                "first week up in Glasgow done, so much cheaper than Leeds",
            ),
            "where do I live?",
            "First week up in Glasgow done, so much cheaper than Leeds",
        ),
        (
            ("I don't live in London anymore.", "so good to be living in London again"),
            "where do I live?",
            "Good to be living in London again",
        ),
        (
            ("Tom and I split up.", "been on three dates with Priyanka now"),
            "am I seeing anyone?",
            "Been on three dates with Priyanka now",
        ),
        (
            ("I'm a nurse.", "I'm no longer a nurse", "started at Plaid last week"),
            "what's my job?",
            "User works at Plaid",
        ),
        (
            (
                "we sold the house in Utrecht, the kids start at their new school in "
                "Amersfoort on Monday, and Joost starts his new job in Utrecht",
                "Lotte lost her first tooth!",
                "Amersfoort has a great Saturday market",
            ),
            "where do we live now?",
            "Amersfoort has a great Saturday market",
        ),
        (
            (
                "My boyfriend is Dan",
                "Dan and I broke up, I've been seeing a lovely guy called Marco",
            ),
            "Who is my boyfriend?",
            "User's partner is Marco",  # keyed since the twenty-first round
        ),
    ],
)
def test_news_said_after_an_end_answers_before_it(
    mem: Longmem, collection: str, said: tuple[str, ...], asked: str, first: str
) -> None:
    _said(
        mem, collection, [(text, f"2025-03-{i + 1:02d}T10:00:00Z") for i, text in enumerate(said)]
    )
    hits = _texts(mem.search(asked, collection=collection, limit=5))
    assert hits[:1] == [first]


def test_an_end_stays_the_answer_beside_what_its_own_message_adds(
    mem: Longmem, collection: str
) -> None:
    mem.remember("doc says im prediabetic so no more soda. sweet tea too", collection=collection)
    hits = _texts(mem.search("Which drinks do I avoid?", collection=collection, limit=5))
    # beside the other fact of the message, which says the same: "…, so no more soda"
    assert sorted(hits[:2]) == [
        "User has prediabetes, so no more soda",
        "User no longer drinks soda",
    ]


# -- 20. what an agent's users say in passing, found by probing as they talk -------------


@pytest.mark.parametrize(
    "said",
    [
        "I'm renting a 2-bedroom apartment in Queens for $2,800/month.",
        "I'm paying 2,400 a month for daycare.",
        "I'm reading a book about 1,000 year old trees.",
        "My dog Max is 7 years old and has arthritis.",
        "my dog biscuit is 3 years old, he's a beagle",
    ],
)
def test_a_number_said_in_passing_is_not_the_users_age(
    mem: Longmem, collection: str, said: str
) -> None:
    [age] = mem.remember("I'm 41", collection=collection)
    mem.remember(said, collection=collection)
    assert mem.get(age["id"], collection=collection)["is_latest"] is True
    hits = _texts(mem.search("how old am I?", collection=collection, limit=5))
    assert hits[:1] == ["User is 41 years old"]


def test_a_pet_named_first_is_the_pets_and_still_the_users_pet(
    mem: Longmem, collection: str
) -> None:
    facts = mem.remember("my cat whiskers is 12 and has kidney disease", collection=collection)
    assert [(f["text"], f["attribute"]) for f in facts] == [
        ("User has a cat called Whiskers", "pets"),
        ("User's cat whiskers is 12 and has kidney disease", None),
    ]
    # a pet that died is still an ending, not a pet told of
    [gone] = mem.remember("our cat Whiskers just died", collection=collection)
    assert (gone["attribute"], gone["negated"], gone["relation"]) == ("pets", True, "updates")


@pytest.mark.parametrize(
    ("said", "stored"),
    [
        ("my mom's flight lands tuesday at 6pm", "User's mom's flight lands tuesday at 6pm"),
        ("my son's school called about the trip", "User's son's school called about the trip"),
    ],
)
def test_what_belongs_to_a_relative_is_not_said_to_be_them(
    mem: Longmem, collection: str, said: str, stored: str
) -> None:
    assert _texts(mem.remember(said, collection=collection)) == [stored]


@pytest.mark.parametrize(
    ("held", "said", "asked", "answer"),
    [
        (
            "I live in Bergen",
            "That's not right, I live in Oslo not Bergen.",
            "where do I live?",
            ["User lives in Oslo"],
        ),
        (
            "im allergic to cats",
            "actually i'm allergic to dogs, not cats",
            "what am I allergic to?",
            ["User is allergic to dogs"],
        ),
        (
            "I live in York",
            "I live in Leeds not far from the station",
            "where do I live?",
            ["User lives in Leeds"],
        ),
    ],
)
def test_what_a_value_is_not_said_beside_it_is_put_right(
    mem: Longmem, collection: str, held: str, said: str, asked: str, answer: list[str]
) -> None:
    _said(mem, collection, [(held, "2025-03-01T10:00:00Z"), (said, "2025-03-02T10:00:00Z")])
    hits = _texts(mem.search(asked, collection=collection, limit=5))
    assert hits[: len(answer)] == answer


def test_medicines_and_conditions_are_keyed_and_a_switch_retires_the_old_medicine(
    mem: Longmem, collection: str
) -> None:
    _said(
        mem,
        collection,
        [
            ("i'm on sertraline 50mg for anxiety", "2025-03-01T10:00:00Z"),
            ("I take metformin for type 2 diabetes", "2025-03-02T10:00:00Z"),
            ("Doc switched me from metformin to Ozempic", "2025-03-03T10:00:00Z"),
            ("came off the sertraline last month, feeling good", "2025-03-04T10:00:00Z"),
        ],
    )
    current = {
        (m["attribute"], m["value"])
        for m in _current(mem, collection)
        if m["attribute"] and not m["negated"]
    }
    assert current >= {
        ("conditions", "anxiety"),
        ("conditions", "type 2 diabetes"),
        ("medications", "Ozempic"),
    }
    assert ("medications", "metformin") not in current
    assert ("medications", "sertraline 50mg") not in current
    hits = _texts(mem.search("user medications", collection=collection, limit=5))
    assert hits[:1] == ["User takes Ozempic"]
    hits = _texts(mem.search("user health conditions", collection=collection, limit=5))
    assert set(hits[:2]) == {"User has anxiety", "User has type 2 diabetes"}


@pytest.mark.parametrize(
    ("said", "attribute", "value", "text"),
    [
        # a condition of the gut, as a doctor's word said without "my" or "the"
        (
            "Doctor says I have gastritis, so no chilli for now.",
            "conditions",
            "gastritis",
            "User has gastritis, so no chilli for now",
        ),
        (
            "Doc says my cholesterol's high, so I'm off the fry-ups.",
            "conditions",
            "high cholesterol",
            "User has high cholesterol",
        ),
        (
            "I'm pre-diabetic, cutting the sugar",
            "conditions",
            "prediabetes",
            "User has prediabetes, cutting the sugar",
        ),
        # news said without a verb
        (
            "Celiac, confirmed.",
            "allergies",
            "gluten (Celiac)",
            "User is allergic to gluten (Celiac)",
        ),
        ("coeliac confirmed by the GP", "allergies", "gluten (coeliac)", None),
        ("Gastritis, confirmed by the doctor", "conditions", "Gastritis", "User has Gastritis"),
        # what a diet or an allergy keeps one off is the fact's, retired with it
        (
            "I'm vegan, so no more mariscos, no more completos",
            "diet",
            "vegan",
            "User is vegan, so no more mariscos, no more completos",
        ),
        (
            "I'm lactose intolerant, so no more cheese for me",
            "allergies",
            "lactose",
            "User is allergic to lactose, so no more cheese",
        ),
    ],
)
def test_what_keeps_one_off_a_food_is_keyed_with_what_one_goes_without(
    mem: Longmem, collection: str, said: str, attribute: str, value: str, text: Optional[str]
) -> None:
    facts = mem.remember(said, collection=collection)
    keyed = [f for f in facts if f["subject"] == "user" and f["attribute"] == attribute]
    assert [f["value"] for f in keyed] == [value]
    if text is not None:
        assert keyed[0]["text"] == text


@pytest.mark.parametrize(
    ("said", "attribute", "value"),
    [
        # a condition said as it came back, as what it makes one do, as found out
        ("gout again 🙄 so no red meat and easy on the beer", "conditions", "gout"),
        ("I'm Efua. sickle cell, so I have to drink loads of water", "conditions", "sickle cell"),
        ("acid reflux is back, so no tomatoes or citrus", "conditions", "acid reflux"),
        ("turns out I have fatty liver, so no alcohol", "conditions", "fatty liver"),
        ("doc says I'm anaemic", "conditions", "anaemia"),
        ("allergist says it's a milk protein allergy", "allergies", "milk protein"),
        # a diet begun on a day, or back to meat
        ("starting keto monday, wish me luck", "diet", "keto"),
        ("I'm back on meat, had my first burger in 8 years", "diet", "eats meat"),
        ("doing Whole30 with the missus", "diet", "whole30"),
    ],
)
def test_health_and_diet_said_in_passing_are_keyed(
    mem: Longmem, collection: str, said: str, attribute: str, value: str
) -> None:
    facts = mem.remember(said, collection=collection)
    keyed = [
        f["value"]
        for f in facts
        if f["subject"] == "user" and f["attribute"] == attribute and not f["negated"]
    ]
    assert keyed == [value]


@pytest.mark.parametrize(
    ("begun", "ended"),
    [
        ("starting keto monday, wish me luck", "keto lasted 3 weeks. I'm eating rice again"),
        ("doing Whole30 with the missus", "Whole30 done! reintroducing stuff, dairy first"),
        ("I'm keto now", "keto done for me"),
        ("I'm vegan", "my vegan phase lasted 2 weeks lol"),
    ],
)
def test_a_diet_said_over_by_how_long_it_lasted_is_over(
    mem: Longmem, collection: str, begun: str, ended: str
) -> None:
    _said(mem, collection, [(begun, "2024-01-06T10:00:00Z"), (ended, "2024-02-01T10:00:00Z")])
    diets = [
        (m["value"], m["negated"])
        for m in _current(mem, collection)
        if m["attribute"] == "diet" and m["subject"] == "user"
    ]
    assert len(diets) == 1 and diets[0][1] is True


@pytest.mark.parametrize(
    ("said", "subject", "attribute", "value"),
    [
        # a word for a relative typed in lower case without "my", before a verb
        ("taid turned 95 on Sunday, still does the crossword", "taid:", "age", "95"),
        ("aiyya is a pilot with SriLankan now", "aiyya:", "job", "pilot"),
        ("bhai quit Infosys, he's a chef now in Pune!!", "bhai:", "job", "chef"),
        ("bf moved teams, he's a product manager at Ocado now", "bf:", "employer", "Ocado"),
        ("abuela is settled in Monterrey", "abuela:", "home", "Monterrey"),
        ("nan is 93 and sharper than me", "nan:", "age", "93"),
        ("my eldest is vegan", "eldest:", "diet", "vegan"),
        # whose the news is, said after it
        ("Just turned 5, our eldest", "eldest:", "age", "5"),
        ("got engaged last night, my sister Priya", "sister:Priya", "relationship", "engaged"),
        ("bae moved to Berlin", "bae:", "home", "Berlin"),
        # "mi" is "my", and an aunt or an uncle named without it is one's own
        ("Mi polola Fernanda is a nurse", "polola:Fernanda", "job", "nurse"),
        ("ciocia Basia moved to Kraków", "ciocia:Basia", "home", "Kraków"),
        # a relative by marriage, however typed: hyphenated, spaced, a mother's word of
        # chat, short
        # however typed: hyphenated, spaced, a mother's word of chat, short
        ("my mother-in-law Jan lives in Leicester", "mother-in-law:Jan", "home", "Leicester"),
        ("my sister in law lives in Pune", "sister-in-law:", "home", "Pune"),
        ("my mum-in-law is a retired teacher", "mother-in-law:", "job", "retired teacher"),
        ("my MIL is diabetic", "mother-in-law:", "conditions", "diabetes"),
        ("my FIL works at the bank", "father-in-law:", "employer", "the bank"),
        ("my daughter-in-law Priya is a pharmacist", "daughter-in-law:Priya", "job", "pharmacist"),
        ("my brother-in-law's a cop now", "brother-in-law:", "job", "cop"),
        ("my father in law is 70", "father-in-law:", "age", "70"),
        # without "my", short or hyphenated, before a verb (or "is" and an age)
        ("MIL moved to Leeds last month", "mother-in-law:", "home", "Leeds"),
        ("MIL is 67 and runs rings round us all", "mother-in-law:", "age", "67"),
        (
            "SIL qualified!! she starts at Leeds General next week",
            "sister-in-law:",
            "employer",
            "Leeds General",
        ),
        ("SIL got a job at Tesco", "sister-in-law:", "employer", "Tesco"),
        ("Sister-in-law is a nurse now", "sister-in-law:", "job", "nurse"),
        ("mum-in-law's retiring, she lives in Swansea", "mother-in-law:", "home", "Swansea"),
        # with a word of chat, or short before a name: always one's own
        ("my bro in law Jake got a job at Amazon", "brother-in-law:Jake", "employer", "Amazon"),
        ("BIL Fintan drives for Bus Éireann", "brother-in-law:Fintan", "employer", "Bus Éireann"),
        ("SIL Joanne lives in Dundee", "sister-in-law:Joanne", "home", "Dundee"),
        ("my own SIL is a vet", "sister-in-law:", "job", "vet"),
        # a word that only leads in, no comma, then a relative: their news, not the user's
        ("Apparently my mum is a vegan now.", "mum:", "diet", "vegan"),
        ("Apparently my mother in law is a vegan now.", "mother-in-law:", "diet", "vegan"),
        ("Long story but my brother got a job at Google.", "brother:", "employer", "Google"),
        ("Finally my sister got a job at Tesco", "sister:", "employer", "Tesco"),
        ("Even my dad is vegan now", "dad:", "diet", "vegan"),
        ("Happily my sister is engaged to Tom", "sister:", "relationship", "engaged"),
        ("Currently my brother is living in Leeds.", "brother:", "home", "Leeds"),
        # … and what a relative by marriage does after "and" is theirs too
        ("My brother in law works at Ford and lives in Derby.", "brother-in-law:", "home", "Derby"),
        # … or a word that leads in or owns up to a slip, then a name: theirs (the user's
        # home had been keyed)
        ("sadly Dan moved to Leeds", "Dan", "home", "Leeds"),
        ("Apparently Priya moved to Pune", "Priya", "home", "Pune"),
        ("sorry, Dan moved to Leeds not Leicester", "Dan", "home", "Leeds"),
        ("Sorry Jess works at Aldi, not Lidl", "Jess", "employer", "Aldi"),
        # … or shouted, or a partner without "my" before a day at work (the user's job had
        # been ended, or begun)
        ("LEXI GOT THE JOB at Penguin!!! so proud of her", "Lexi", "employer", "Penguin"),
        ("boyfriend's last day at Tesco", "boyfriend:", "employer", "Tesco"),
        ("husband got a job at Tesco", "husband:", "employer", "Tesco"),
        # … the service they leave in lower case, their news after a label
        ("my husband left the police", "husband:", "employer", "the police"),
        ("husband news: he's quit the police", "husband:", "employer", "the police"),
        ("I'm 30, boyfriend is a chef, works at Nobu", "boyfriend:", "job", "chef"),
        (
            "wife's last day at the infirmary today, she starts at Boots head office monday",
            "wife:",
            "employer",
            "Boots head office",
        ),
    ],
)
def test_a_relatives_news_is_keyed_to_that_relative_alone(
    mem: Longmem, collection: str, said: str, subject: str, attribute: str, value: str
) -> None:
    facts = mem.remember(said, collection=collection)
    keyed = {(f["subject"], f["attribute"], f["value"]) for f in facts if f["attribute"]}
    assert (subject, attribute, value) in keyed
    # … and no one else: not the user, not a mother, a sister or a brother of theirs (a
    # lead-in had made it the user's: "User is vegan", "User works at Google")
    assert {s for s, a, _ in keyed if a == attribute} == {subject}


@pytest.mark.parametrize(
    "said",
    [
        # relatives by marriage, several, are no one the rules key, and never the user
        "in-laws sold up and moved to the Algarve, living the dream",
        "In-laws moved to the Algarve",
        # a word that is no relative here
        "granny flat in the Algarve is rented out",
        "Tia Maria in the Algarve is my drink",
    ],
)
def test_what_is_said_of_the_in_laws_or_no_relative_keys_no_home(
    mem: Longmem, collection: str, said: str
) -> None:
    facts = mem.remember(said, collection=collection)
    assert not [f for f in facts if f["attribute"] == "home"]


@pytest.mark.parametrize(
    "said",
    [
        # news without a verb that is someone else's, or no one's condition
        "Cancer, so sad about Aunt Mary",
        "Diabetes again in the news",
        "Heart disease again in my family",
        "MS is back up 3% today",
        "Asthma again for my son",
        "sickle cell so my son can't donate",
        "Gastritis confirmed for mum",
        "Celiac, confirmed for my daughter",
        "Coeliac confirmed in 1 in 100 people",
        "Diabetes diagnosed at 40 is common",
        "anxiety so bad today",
        # a reading of a moment, or a kind of high
        "my blood pressure's high after coffee",
        "my blood pressure is high when I'm stressed",
        "my cholesterol is high in HDL which is good",
        # someone else's condition, said without a verb
        "gout again so no red meat for him",
        "reflux so no tomatoes for him",
        "asthma again, for my nephew",
        "gout flaring up for my father-in-law",
        "IBS flare, poor Sarah",
        "migraine again, Tom's off work",
        "Asthma diagnosed yesterday, for my son",
        "IBS flare ups are the worst",
        # not said of the user's own health now
        "officially coeliac friendly menu at Pret",
        "I'm anaemic if I skip meat",
        "I'm pre-diabetic according to the app but my GP disagrees",
        # a condition said without "I" or "my" in a message about someone else
        "took my son to the clinic today. asthma, confirmed. poor boy",
        "took Leo to the GP. asthma again, so no football this week",
        "mum rang from the hospital. gallstones, confirmed.",
        "dad's in hospital again. gout again so no red meat, he's gutted",
    ],
)
def test_news_of_a_condition_that_is_not_the_users_keys_none(
    mem: Longmem, collection: str, said: str
) -> None:
    facts = mem.remember(said, collection=collection)
    assert not [
        f for f in facts if f["subject"] == "user" and f["attribute"] in ("conditions", "allergies")
    ]


@pytest.mark.parametrize(
    ("held", "over", "value"),
    [
        ("I have gastritis.", "gastritis is gone", "gastritis"),
        ("I'm anaemic.", "I'm not anaemic anymore", "anaemia"),
        (
            "I'm pre-diabetic, cutting sugar.",
            "Good news, I'm no longer pre-diabetic!",
            "prediabetes",
        ),
        ("I have IBS", "no more IBS for me", "IBS"),
    ],
)
def test_a_condition_said_over_is_retired(
    mem: Longmem, collection: str, held: str, over: str, value: str
) -> None:
    _said(mem, collection, [(held, "2025-01-01T10:00:00Z"), (over, "2025-03-01T10:00:00Z")])
    current = [
        (m["value"], m["negated"])
        for m in _current(mem, collection)
        if m["attribute"] == "conditions" and m["subject"] == "user"
    ]
    assert current == [(value, True)]


@pytest.mark.parametrize(
    ("said", "text"),
    [
        # what follows a condition that is no food gone without stays apart
        ("I have IBS, off sick today", "User has IBS"),
        ("I have gout, off work for a week", "User has gout"),
        ("I have asthma, no biggie", "User has asthma"),
        # … and a list of what one eats less and more stays whole
        (
            "I'm pre-diabetic so less bread, more veg",
            "User has prediabetes, so less bread, more veg",
        ),
    ],
)
def test_only_what_a_condition_keeps_one_off_joins_its_text(
    mem: Longmem, collection: str, said: str, text: str
) -> None:
    facts = mem.remember(said, collection=collection)
    assert [f["text"] for f in facts if f["attribute"] == "conditions"] == [text]


@pytest.mark.parametrize(
    ("said", "value"),
    [
        ("vegan over 10 years now", "vegan"),
        ("vegetarian since 2015, over the moon about it", "vegetarian"),
    ],
)
def test_over_that_is_no_end_leaves_the_diet(
    mem: Longmem, collection: str, said: str, value: str
) -> None:
    facts = mem.remember(said, collection=collection)
    assert [(f["value"], f["negated"]) for f in facts if f["attribute"] == "diet"] == [
        (value, False)
    ]


@pytest.mark.parametrize(
    ("said", "subject"),
    [
        # a capitalised word that is a given name as often as a kin word is the name
        ("My best friend is Didi. Didi moved to Paris.", "friend:Didi"),
        ("My daughter is Nani. Nani moved to Paris.", "daughter:Nani"),
        # the user and the in-laws together are the user
        ("in-laws and I moved to Paris", "user"),
    ],
)
def test_a_name_or_the_user_beside_a_kin_word_keeps_the_home(
    mem: Longmem, collection: str, said: str, subject: str
) -> None:
    facts = mem.remember(said, collection=collection)
    homes = [f["subject"] for f in facts if f["attribute"] == "home" and f["value"] == "Paris"]
    assert homes == [subject]


@pytest.mark.parametrize(
    ("asked", "first"),
    [
        ("what food do I have trouble cooking?", "User cooks Thai food badly"),
    ],
)
def test_a_question_with_health_words_not_of_eating_asks_no_allergies(
    mem: Longmem, collection: str, asked: str, first: str
) -> None:
    _said(
        mem,
        collection,
        [
            ("I'm allergic to cats", "2025-01-01T10:00:00Z"),
            ("I have asthma", "2025-01-02T10:00:00Z"),
            ("my flat is in a right state", "2025-01-03T10:00:00Z"),
            ("I cook Thai food badly", "2025-01-04T10:00:00Z"),
        ],
    )
    hits = _texts(mem.search(asked, collection=collection, limit=5))
    assert first in hits
    allergy = "User is allergic to cats"
    assert allergy not in hits or hits.index(first) < hits.index(allergy)


def test_my_oldest_is_the_eldest_the_collection_knows(mem: Longmem, collection: str) -> None:
    _said(
        mem,
        collection,
        [
            ("my eldest Sam is at uni in Leeds, he's 19", "2025-01-01T10:00:00Z"),
            ("our youngest Ella is 9", "2025-01-02T10:00:00Z"),
        ],
    )
    hits = _texts(mem.search("how old is my oldest?", collection=collection, limit=5))
    assert hits[:1] == ["User's eldest Sam is 19 years old"]
    assert "User's kid Ella is 9 years old" not in hits


@pytest.mark.parametrize(
    ("said", "key"),
    [
        # a job said with "the" and "now"
        ("I'm the site engineer now", ("user", "job", "site engineer")),
        ("I'm the station's lab coordinator now, more money", ("user", "job", "lab coordinator")),
        ("I'm the manager at Tesco now", ("user", "employer", "Tesco")),
        # someone new, named after a label, is a partner
        ("new person in my life: Priya, she's a nurse at Kaiser", ("user", "partner", "Priya")),
        ("Conocí a alguien: Javiera, she teaches surf in Reñaca.", ("user", "partner", "Javiera")),
        # what a relative or a condition is said with is kept
        ("mi granny is 97 and lives in St Ann", ("granny:", "home", "St Ann")),
        (
            "i have thalassemia minor, so no iron supplements",
            ("user", "conditions", "thalassemia minor"),
        ),
        # another language's word for a relative, before a name or in lower case
        ("Khala Nasreen lives in Lahore", ("khala:Nasreen", "home", "Lahore")),
        ("Mamu Tariq works at PIA", ("mamu:Tariq", "employer", "PIA")),
        ("mamma lives in Rome", ("mamma:", "home", "Rome")),
        # the user's own health said verb first, in a message that speaks of others too
        ("Diagnosed with asthma on Monday.", ("user", "conditions", "asthma")),
        ("Diagnosed with Crohn's.", ("user", "conditions", "Crohn's")),
        (
            "Allergic to peanuts. Going to Spain with Tom next week.",
            ("user", "allergies", "peanuts"),
        ),
        ("Me? Allergic to peanuts. Ask Tom.", ("user", "allergies", "peanuts")),
        ("Asthma confirmed by the GP. Moving to London in June", ("user", "conditions", "Asthma")),
    ],
)
def test_a_job_a_partner_a_relative_or_a_condition_said_so_is_keyed(
    mem: Longmem, collection: str, said: str, key: tuple[str, str, str]
) -> None:
    facts = mem.remember(said, collection=collection)
    assert key in {(f["subject"], f["attribute"], f["value"]) for f in facts}


def test_which_school_a_teacher_is_at_is_where_they_work(mem: Longmem, collection: str) -> None:
    _said(
        mem,
        collection,
        [
            ("Shwmae! Rhodri ydw i. I live in Aberystwyth.", "2024-01-08T10:00:00Z"),
            ("Cawl for tea, always", "2024-03-01T10:00:00Z"),
            ("First day as head of Welsh at Ysgol Syr Hugh Owen.", "2025-02-24T10:00:00Z"),
        ],
    )
    hits = _texts(mem.search("Which school is Rhodri at now?", collection=collection, limit=5))
    assert "User works at Ysgol Syr Hugh Owen" in hits[:2]


def test_a_child_moved_to_another_school_goes_there_now(mem: Longmem, collection: str) -> None:
    _said(
        mem,
        collection,
        [
            (
                "my son Leo starts reception at St Mary's Primary in September",
                "2022-06-01T10:00:00Z",
            ),
            ("Leo's loving year 1, his teacher Mrs Patel is amazing", "2023-10-10T10:00:00Z"),
            (
                "we're moving Leo to Oakfield Academy after half term, the commute was killing us",
                "2024-01-20T10:00:00Z",
            ),
        ],
    )
    now = [
        (m["subject"], m["value"])
        for m in _current(mem, collection)
        if m.get("attribute") == "school" and not m["negated"]
    ]
    assert now == [("son:Leo", "Oakfield Academy")]
    hits = _texts(mem.search("what school does Leo go to?", collection=collection))
    assert hits[0] == "User's son Leo goes to Oakfield Academy"


@pytest.mark.parametrize(
    "over",
    [
        "eczema cleared up on the baby",
        "eczema cured by yoga, says this article lol",
        "here's to no more eczema!",
        "praying for no more eczema",
        "my eczema is gone for now, fingers crossed",
    ],
)
def test_a_condition_not_said_over_for_good_is_held(
    mem: Longmem, collection: str, over: str
) -> None:
    _said(
        mem, collection, [("I have eczema", "2025-01-01T10:00:00Z"), (over, "2025-03-01T10:00:00Z")]
    )
    current = [
        (m["value"], m["negated"])
        for m in _current(mem, collection)
        if m["attribute"] == "conditions" and m["subject"] == "user"
    ]
    assert current == [("eczema", False)]


@pytest.mark.parametrize(
    ("said", "text"),
    [
        # what follows a condition said without a verb, that it keeps no food off, is kept
        ("anaemia so I'm on iron tablets", "Anaemia so User is on iron tablets"),
        (
            "my cholesterol's high so I'm cutting butter",
            "User's cholesterol's high so User is cutting butter",
        ),
        # a gloss and what one goes without both stay
        (
            "I'm allergic to peanuts (anaphylactic), so no satay",
            "User is allergic to peanuts (anaphylactic), so no satay",
        ),
        ("I'm vegan (mostly), no honey", "User is vegan (mostly), no honey"),
    ],
)
def test_what_follows_a_health_fact_is_not_dropped(
    mem: Longmem, collection: str, said: str, text: str
) -> None:
    facts = mem.remember(said, collection=collection)
    assert text in [f["text"] for f in facts]


def test_news_not_of_the_diet_is_not_retired_with_it(mem: Longmem, collection: str) -> None:
    _said(
        mem,
        collection,
        [
            ("I'm vegan, more importantly I'm moving to Leeds next month", "2025-01-01T10:00:00Z"),
            ("I'm no longer vegan", "2025-02-01T10:00:00Z"),
        ],
    )
    current = " ".join(m["text"] for m in _current(mem, collection))
    assert "Leeds" in current


@pytest.mark.parametrize(
    ("held", "said"),
    [
        ("I'm vegetarian.", "I'm back on meat-free mondays at work"),
        ("I'm keto.", "whole30 done for the month, back to keto"),
    ],
)
def test_a_diet_not_changed_stays(mem: Longmem, collection: str, held: str, said: str) -> None:
    _said(mem, collection, [(held, "2025-01-01T10:00:00Z"), (said, "2025-02-01T10:00:00Z")])
    diets = [
        (m["value"], m["negated"])
        for m in _current(mem, collection)
        if m["attribute"] == "diet" and m["subject"] == "user"
    ]
    assert diets == [(held[4:-1], False)]


@pytest.mark.parametrize(
    ("held", "said", "subject"),
    [
        # a capitalised first verb is no name, and "my friend" / "my brother" after one's
        # own news may be said to them
        ("My mum Grace is 60.", "Turned 61 today, my mum!", None),
        ("I work at Deloitte.", "got the job at KPMG, my friend!", "user"),
        ("My brother Femi lives in Abuja", "Just moved to Lagos, my brother", "user"),
    ],
)
def test_news_before_a_word_said_to_someone_is_not_theirs(
    mem: Longmem, collection: str, held: str, said: str, subject: Optional[str]
) -> None:
    _said(mem, collection, [(held, "2025-01-01T10:00:00Z"), (said, "2025-02-01T10:00:00Z")])
    names = {
        m["value"]
        for m in _current(mem, collection)
        if m["attribute"] in ("mother", "partner", "siblings", "friends")
    }
    assert not names & {"Turned", "Quit", "Moved", "Got", "Just"}
    if subject is not None:
        changed = [
            m["subject"]
            for m in mem.remember(said, collection=collection + "-again")
            if m["attribute"] in ("employer", "home")
        ]
        assert changed == [subject]


@pytest.mark.parametrize(
    ("asked", "first"),
    [
        ("what diet am I on for health reasons?", "User is vegan"),
        ("what foods do I avoid?", "User avoids coriander, tastes like soap"),
        ("what are my dietary restrictions?", "User is vegan"),
    ],
)
def test_a_food_question_ranks_what_it_names_above_other_allergies(
    mem: Longmem, collection: str, asked: str, first: str
) -> None:
    _said(
        mem,
        collection,
        [
            ("I'm allergic to cats", "2025-01-01T10:00:00Z"),
            ("I have asthma", "2025-01-02T10:00:00Z"),
            ("I'm vegan", "2025-01-03T10:00:00Z"),
            ("I avoid coriander, tastes like soap", "2025-01-04T10:00:00Z"),
        ],
    )
    hits = _texts(mem.search(asked, collection=collection, limit=5))
    assert first in hits[:3]
    if first == "User is vegan":  # the diet the question names before the cat allergy
        assert "User is allergic to cats" not in hits[: hits.index(first)]


@pytest.mark.parametrize(
    "said",
    [
        "since my wife broke her wrist, I'm the family chef now lol",
        "I'm the household accountant now lol",
        "I'm the main carer now",
        "I'm the primary carer for dad now",
    ],
)
def test_a_role_at_home_said_with_the_and_now_keeps_the_job(
    mem: Longmem, collection: str, said: str
) -> None:
    _said(
        mem,
        collection,
        [("I'm a barista at Pret", "2025-01-01T10:00:00Z"), (said, "2025-02-01T10:00:00Z")],
    )
    jobs = [
        m["value"]
        for m in _current(mem, collection)
        if m["attribute"] == "job" and not m["negated"]
    ]
    assert jobs == ["barista"]


@pytest.mark.parametrize(
    "said",
    ["new guy: Raj, my team lead, seems strict", "new girl: Mia, she's our new receptionist"],
)
def test_a_new_colleague_named_after_a_label_is_no_partner(
    mem: Longmem, collection: str, said: str
) -> None:
    facts = mem.remember(said, collection=collection)
    assert not [f for f in facts if f["attribute"] == "partner"]


def test_a_mothers_mother_and_a_fathers_mother_are_two(mem: Longmem, collection: str) -> None:
    _said(
        mem,
        collection,
        [
            ("my nani lives in karachi", "2025-01-01T10:00:00Z"),
            ("my dadi lives in lahore", "2025-02-01T10:00:00Z"),
        ],
    )
    homes = sorted(
        (m["subject"], m["value"]) for m in _current(mem, collection) if m["attribute"] == "home"
    )
    assert homes == [("dadi:", "lahore"), ("nani:", "karachi")]


@pytest.mark.parametrize(
    "said",
    [
        # whose, not "is": the text says what was said, and keys nothing of theirs
        "nan's wedding ring was stolen.",
        "hubby's morning routine is insane",
        "nan's 3 cats are lovely",
        "nan's red coat is in the wash",
    ],
)
def test_a_relatives_thing_after_s_is_no_news_of_them(
    mem: Longmem, collection: str, said: str
) -> None:
    facts = mem.remember(said, collection=collection)
    assert [f["text"] for f in facts] == [said[:1].upper() + said[1:].rstrip(".")]


@pytest.mark.parametrize(
    "said",
    [
        "I'm the tallest teacher now",
        "I'm the only nurse now",
        "I'm the book club treasurer now",
        "I'm the fantasy league manager now",
        "I'm the household's chief cook now",
        "I'm the assistant coach for the U10s now",
        "I'm the designated driver now",
        "I'm the favourite child now",
        "I'm the best man now",
    ],
)
def test_a_standing_or_a_hobby_said_with_the_and_now_is_no_job(
    mem: Longmem, collection: str, said: str
) -> None:
    facts = mem.remember(said, collection=collection)
    assert not [f for f in facts if f["attribute"] in ("job", "employer")]


def test_a_question_of_one_grandmother_is_not_answered_by_the_other(
    mem: Longmem, collection: str
) -> None:
    _said(
        mem,
        collection,
        [
            ("My nani lives in Lahore.", "2025-01-01T10:00:00Z"),
            ("My dadi is 75.", "2025-02-01T10:00:00Z"),
        ],
    )
    hits = _texts(mem.search("How old is my nani?", collection=collection, limit=5))
    assert "User's dadi is 75 years old" not in hits[:1]


def test_a_question_of_conditions_finds_coeliac_keyed_as_what_one_cannot_eat(
    mem: Longmem, collection: str
) -> None:
    _said(
        mem,
        collection,
        [
            ("hi! I'm Dilani, mostly gonna use you for meal planning", "2024-02-03T10:00:00Z"),
            ("Celiac, confirmed. biopsy came back yesterday", "2024-02-20T10:00:00Z"),
            ("I live in Kandy", "2024-03-02T10:00:00Z"),
        ],
    )
    hits = _texts(mem.search("user medical conditions", collection=collection, limit=5))
    assert hits[:1] == ["User is allergic to gluten (Celiac)"]


@pytest.mark.parametrize(
    "said",
    [
        # not a doctor's word on the user, nor a reading of a day, nor a worry
        "Doctor says my son has gastritis",
        "my blood pressure is a bit high today",
        "worried I might be coeliac",
        # "so no …" that goes without nothing
        "I'm vegan so no problem",
    ],
)
def test_what_is_no_condition_of_the_users_or_nothing_gone_without_is_not_said_so(
    mem: Longmem, collection: str, said: str
) -> None:
    facts = mem.remember(said, collection=collection)
    assert not [
        f for f in facts if f["subject"] == "user" and f["attribute"] in ("conditions", "allergies")
    ]
    assert not [f for f in facts if ", so no" in f["text"]]


@pytest.mark.parametrize(
    "asked",
    [
        "What does Dilani have to avoid eating?",
        "Which medical condition shapes what Dilani can eat?",
        "any dietary restrictions?",
        "Which foods does Dilani need to avoid?",
    ],
)
def test_a_question_of_what_one_cannot_eat_finds_the_condition_that_keeps_one_off_it(
    mem: Longmem, collection: str, asked: str
) -> None:
    _said(
        mem,
        collection,
        [
            ("Ayubowan! I am Dilani. I live in Kandy.", "2025-01-01T10:00:00Z"),
            ("I love hoppers with lunu miris", "2025-02-01T10:00:00Z"),
            ("My husband Chaminda is an officer at the Bank of Ceylon.", "2025-03-01T10:00:00Z"),
            ("Doctor says I have gastritis, so no chilli for now.", "2025-04-01T10:00:00Z"),
            ("Power cut again in our area, two hours in the dark.", "2025-05-01T10:00:00Z"),
        ],
    )
    hits = _texts(mem.search(asked, collection=collection, limit=5))
    assert hits[:1] == ["User has gastritis, so no chilli for now"]


def test_a_drinks_question_of_what_one_avoids_asks_the_drinks_first(
    mem: Longmem, collection: str
) -> None:
    _said(
        mem,
        collection,
        [
            ("I'm pre-diabetic, doctor's orders", "2025-01-01T10:00:00Z"),
            ("No more soda for me, sweet tea too", "2025-02-01T10:00:00Z"),
        ],
    )
    hits = _texts(mem.search("Which drinks does Dee avoid?", collection=collection, limit=5))
    assert hits[0] != "User has prediabetes"


@pytest.mark.parametrize(
    ("asked", "answer"),
    [
        ("How old is my oldest?", "User's son Colt is 9 years old"),
        ("how old is our youngest one?", "User's son Wyatt is 5 years old"),
    ],
)
def test_my_oldest_or_youngest_is_a_child(
    mem: Longmem, collection: str, asked: str, answer: str
) -> None:
    _said(
        mem,
        collection,
        [
            ("Our boys: the oldest, Colt, is 8 and the baby, Wyatt, is 5", "2024-06-02T10:00:00Z"),
            ("I'm 37, for the record", "2024-07-01T10:00:00Z"),
            ("Colt turned 9 and wants a horse.", "2025-06-03T10:00:00Z"),
        ],
    )
    hits = _texts(mem.search(asked, collection=collection, limit=5))
    assert answer in hits[:2]
    assert "User is 37 years old" not in hits[:2]


@pytest.mark.parametrize(
    ("said", "asked", "answer"),
    [
        ("my nani turned 80 today", "how old is my grandma?", "User's nani is 80 years old"),
        (
            "My aiyya Nuwan lives in Melbourne",
            "where does my brother live?",
            "User's aiyya Nuwan lives in Melbourne",
        ),
        (
            "my ciocia Basia moved to Kraków",
            "where does my aunt live?",
            "User's ciocia Basia lives in Kraków",
        ),
        ("Valentine's with my chłopak Marek.", "who is my boyfriend?", "User's chłopak is Marek"),
        ("my pops is a welder", "what does my dad do?", "User's pops works as a welder"),
    ],
)
def test_kin_words_of_many_languages_are_the_relatives_they_name(
    mem: Longmem, collection: str, said: str, asked: str, answer: str
) -> None:
    _tell(mem, collection, "I live in Leeds", "my friend Sam is a nurse", said, "I love jazz")
    hits = _texts(mem.search(asked, collection=collection, limit=5))
    assert hits[:1] == [answer]


@pytest.mark.parametrize(
    "said",
    [
        "I'm worried I have diabetes",
        "my sister has asthma",
        "my cat has kidney disease",
        "I take the bus to work",
        "my mum put me on the train",
        "stopped taking lisinopril, bp is fine now with diet",
    ],
)
def test_what_is_no_condition_or_medicine_of_the_users_keys_none(
    mem: Longmem, collection: str, said: str
) -> None:
    facts = mem.remember(said, collection=collection)
    assert not [
        f
        for f in facts
        if f["subject"] == "user"
        and f["attribute"] in ("conditions", "medications", "employer")
        and not f["negated"]
    ]


@pytest.mark.parametrize(
    ("said", "asked", "answer"),
    [
        ("i live in seattle", "user location", "User lives in seattle"),
        ("i live in seattle", "user residence", "User lives in seattle"),
        (
            "we're going to hawaii for spring break march 20",
            "upcoming travel",
            "User is going to hawaii",
        ),
        ("we're going to hawaii for spring break march 20", "vacation plans", "User is going"),
        ("i play tennis every tuesday", "user hobbies", "User's hobbies include tennis"),
        ("i run 5k every morning", "user exercise routine", "User runs 5k"),
        ("i graduated from UCLA with a CS degree", "user education", "User graduated from UCLA"),
        ("fav band is radiohead", "user favorite band", "User's favorite band is radiohead"),
        ("we just had a baby boy, oliver", "user children", "User just had a baby boy"),
        ("I work at Dell", "user's workplace", "User works at Dell"),
    ],
)
def test_an_agents_keyword_query_finds_what_a_memory_says(
    mem: Longmem, collection: str, said: str, asked: str, answer: str
) -> None:
    _tell(
        mem, collection, "I like jazz", "My sister Ana works at a bakery", said, "I hate mornings"
    )
    hits = _texts(mem.search(asked, collection=collection, limit=5))
    assert any(hit.startswith(answer) for hit in hits[:2]), hits  # "likes jazz" is a hobby too


@pytest.mark.parametrize(
    ("said", "children"),
    [
        (
            "My partner Jess and I have two kids, Leo (5) and Ava (2)",
            {"Leo": "5", "Ava": "2"},
        ),
        ("we have 3 kids: noah 12, ava 9 and leo 2", {"Noah": "12", "Ava": "9", "Leo": "2"}),
        ("I have a son, Ethan (16), and a daughter, Lily (13).", {"Ethan": "16", "Lily": "13"}),
        ("I'm a dad of two girls, Maya (6) and Zara (3).", {"Maya": "6", "Zara": "3"}),
        ("my kids are Noah, 4, and Ava, 9", {"Noah": "4", "Ava": "9"}),
        ("Our twins, Aarav and Anaya, are 3.", {"Aarav": "3", "Anaya": "3"}),
    ],
)
def test_children_listed_with_their_ages_are_each_keyed(
    mem: Longmem, collection: str, said: str, children: dict[str, Optional[str]]
) -> None:
    facts = mem.remember(said, collection=collection)
    named = {f["value"] for f in facts if f["attribute"] == "children"}
    assert named == set(children)
    ages = {f["subject"].split(":")[1]: f["value"] for f in facts if f["attribute"] == "age"}
    assert ages == {name: age for name, age in children.items() if age}


def test_a_childs_new_age_answers_the_agents_question_about_ages(
    mem: Longmem, collection: str
) -> None:
    _said(
        mem,
        collection,
        [
            ("my kids are jake (10) and lily (6)", "2025-03-01T10:00:00Z"),
            ("jake just turned 11 yesterday", "2025-03-02T10:00:00Z"),
        ],
    )
    hits = _texts(mem.search("user children ages", collection=collection, limit=5))
    assert set(hits[:2]) == {"User's kid Jake is 11 years old", "User's kid Lily is 6 years old"}


@pytest.mark.parametrize(
    ("said", "keyed"),
    [
        (
            "I'm a nurse at St. Mary's Hospital in Boston.",
            {("job", "nurse"), ("employer", "St. Mary's Hospital in Boston")},
        ),
        ("I'm Dr. Patel, I'm a cardiologist.", {("name", "Dr. Patel"), ("job", "cardiologist")}),
        ("My name is José García", {("name", "José García")}),
        ("I'm Maria btw", {("name", "Maria")}),
        ("i live in brooklyn w my bf jordan", {("home", "brooklyn")}),
        (
            "I'm a student at UCLA studying biology.",
            {("job", "student"), ("school", "UCLA"), ("studies", "biology")},
        ),
        ("Me and my partner Jess live in Melbourne.", {("partner", "Jess"), ("home", "Melbourne")}),
        ("I live with my parents in Houston.", {("home", "Houston")}),
        (
            "I have a daughter named Luna and a cat named Sophie.",
            {("children", "Luna"), ("pets", "cat called Sophie")},
        ),
        ("We have a dog, Bella, and a baby, Theo.", {("pets", "dog")}),
        ("i'm so tired today ugh", set()),
    ],
)
def test_what_a_user_says_of_themself_is_keyed_as_said(
    mem: Longmem, collection: str, said: str, keyed: set[tuple[str, str]]
) -> None:
    facts = mem.remember(said, collection=collection)
    assert {(f["attribute"], f["value"]) for f in facts if f["attribute"]} == keyed
    assert all(len(f["text"].split()) > 2 for f in facts)  # no bare "User is"


@pytest.mark.parametrize(
    ("said", "stored"),
    [
        ("I'm not married.", "User is not married"),
        ("I don't drink alcohol", "User does not drink alcohol"),
        ("I don't have a dog", "User does not have a dog"),
        ("I don't study law", "User does not study law"),
        ("I don't live in Berlin any more", "User no longer lives in Berlin"),
        ("I'm not a teacher anymore", "User no longer works as a teacher"),
        ("last day at Tesco today", "User no longer works at Tesco"),
        ("my sister isn't married", "User's sister isn't married"),
    ],
)
def test_a_plain_not_is_worded_as_never_so_and_an_end_as_an_end(
    mem: Longmem, collection: str, said: str, stored: str
) -> None:
    assert _texts(mem.remember(said, collection=collection)) == [stored]


@pytest.mark.parametrize(
    ("said", "stored"),
    [
        (
            "What's a good gift for my dad? He's into fishing and jazz.",
            [("User's dad likes fishing", "dad:"), ("User's dad likes jazz", "dad:")],
        ),
        (
            "Where should I take my girlfriend for dinner? She loves sushi.",
            [("User's girlfriend likes sushi", "girlfriend:")],
        ),
        (
            "can u suggest a gift for my mom, she lives in phoenix and loves gardening",
            [("User's mom lives in phoenix", "mom:"), ("User's mom likes gardening", "mom:")],
        ),
        (
            "help me plan a birthday surprise for my boyfriend Tom, he loves bouldering",
            [
                ("User's boyfriend is Tom", "user"),
                ("User's boyfriend Tom likes bouldering", "boyfriend:Tom"),
            ],
        ),
    ],
)
def test_he_or_she_after_a_request_is_the_relative_it_names(
    mem: Longmem, collection: str, said: str, stored: list[tuple[str, Optional[str]]]
) -> None:
    facts = mem.remember(said, collection=collection)
    assert [(f["text"], f["subject"]) for f in facts] == stored


@pytest.mark.parametrize(
    ("held", "said", "asked", "answer"),
    [
        (
            "my favorite movie is inception",
            "actually my favourite is interstellar, not inception",
            "user favorite movie",
            "User's favorite movie is interstellar",
        ),
        (
            "i live in denver",
            "actually i'm in boulder, not denver",
            "where do I live?",
            "User lives in boulder",
        ),
        (
            "im allergic to cats",
            "actually not cats, it's dogs im allergic to",
            "user allergies",
            "User is allergic to dogs",
        ),
    ],
)
def test_a_word_put_right_at_a_sentences_end_corrects_the_memory_that_said_it(
    mem: Longmem, collection: str, held: str, said: str, asked: str, answer: str
) -> None:
    _said(mem, collection, [(held, "2025-03-01T10:00:00Z"), (said, "2025-03-02T10:00:00Z")])
    assert _texts(mem.search(asked, collection=collection, limit=5)) == [answer]


# -- 21. a review of section 20's rules -------------------------------------------------


@pytest.mark.parametrize(
    "said",
    [
        "I have a son with autism",
        "I work with kids with autism",
        "I live with my brother who has epilepsy",
        "I volunteer with a cancer charity",
        "I read that metformin is used for diabetes",
        "I started my dog on gabapentin",
        "pretty sure I have ADHD lol",
        "my doctor wants to put me on statins",
        "I'm on the HRT waiting list",
        "I'm using lithium batteries for the remote",
        "I have anxiety about flying",
        "I have 2 kids, ages 5 and 7",
        "my kids are sick, 2 days off school",
        "my girls, Jess and Amy, are coming for drinks tonight",
        "I'm Bored btw",
        "What do I get my sister's kid? She's 5",
        "Should I get my mom or my sister a gift? She loves candles",
        "What should I get my mom? I met this girl at the gym. She's a nurse",
        "can you help me reply to this email, she wants it by Friday",
        "Can you write a story where my daughter is a princess, she lives in a castle",
    ],
)
def test_what_only_looks_like_health_children_or_a_relatives_news_keys_nothing(
    mem: Longmem, collection: str, said: str
) -> None:
    keyed = [
        (f["subject"], f["attribute"], f["value"])
        for f in mem.remember(said, collection=collection)
        if f["attribute"]
    ]
    assert not [
        k
        for k in keyed
        if k[1] in ("conditions", "medications", "children", "name", "age", "likes", "home", "job")
    ], keyed


@pytest.mark.parametrize(
    ("said", "stored"),
    [
        ("I used to take Adderall", ["User no longer takes Adderall"]),
        ("they took me off Adderall", ["User no longer takes Adderall"]),
        ("I quit Adderall", ["User no longer takes Adderall"]),
        ("I'm bipolar", ["User has bipolar disorder"]),
        ("I have diabetes and two kids", ["User has diabetes", "User has two kids"]),
        ("I work at Google not for the money", ["User works at Google"]),
        ("I'm allergic to cats not sure about dogs", ["User is allergic to cats"]),
        ("I love hiking not running", ["User likes hiking", "User does not like running"]),
        ("I live in Leeds w/ my bf", ["User lives in Leeds"]),
        ("my boss doesn't live in London", ["User's boss does not live in London"]),
        ("I've never been to Paris", ["User has not been to Paris"]),
        # (the request itself is no memory: tests/server/test_extract.py)
        ("party ideas for my son, he's turning 5", ["User's son is 5 years old"]),
        ("How can I support my wife? She's lost her job", ["User's wife has lost her job"]),
    ],
)
def test_what_the_review_found_is_stored_as_said(
    mem: Longmem, collection: str, said: str, stored: list[str]
) -> None:
    assert _texts(mem.remember(said, collection=collection)) == stored


@pytest.mark.parametrize(
    ("said", "stored"),
    [
        ("I'm vegan so I don't eat meat", ["User is vegan"]),
        ("I don't know if I'm allergic to cats", ["User doesn't know if User is allergic to cats"]),
        ("I didn't go to college", ["User did not go to college"]),
        (
            "me and my husband have two kids, Leo and Ava",
            ["User and User's husband have two kids", "User's kid is Leo", "User's kid is Ava"],
        ),
    ],
)
def test_what_the_second_review_found_is_stored_as_said(
    mem: Longmem, collection: str, said: str, stored: list[str]
) -> None:
    assert _texts(mem.remember(said, collection=collection)) == stored


def test_a_new_dose_of_a_medicine_supersedes_the_old(mem: Longmem, collection: str) -> None:
    [old] = mem.remember("i'm on sertraline 50mg", collection=collection)
    [new] = mem.remember("now on sertraline 100mg", collection=collection)
    assert (new["relation"], new["supersedes"]) == ("updates", old["id"])
    assert _texts(mem.search("user medications", collection=collection, limit=5)) == [
        "User takes sertraline 100mg"
    ]


def test_a_move_from_one_place_to_another_is_a_home_and_a_layoff_answers_employment(
    mem: Longmem, collection: str
) -> None:
    [home] = mem.remember("we moved from chicago to austin", collection=collection)
    assert (home["attribute"], home["value"]) == ("home", "austin")
    assert (
        mem.remember("I moved from sales to marketing", collection=collection)[0]["attribute"]
        is None
    )
    mem.remember("i work at microsoft", collection=collection)
    mem.remember("i got laid off from microsoft", collection=collection)
    hits = _texts(mem.search("is the user employed?", collection=collection, limit=5))
    assert hits[:1] == ["User got laid off from microsoft"]


def test_a_job_taken_at_an_employer_as_a_role_keys_the_role(mem: Longmem, collection: str) -> None:
    [old] = mem.remember("i'm a freelance graphic designer", collection=collection)
    facts = mem.remember(
        "took a full-time job at adobe as a product designer", collection=collection
    )
    assert [(f["attribute"], f["value"], f["relation"]) for f in facts] == [
        ("job", "product designer", "updates"),
        ("employer", "adobe", "new"),
    ]
    assert facts[0]["supersedes"] == old["id"]


# -- 22. the eighteenth round: what an agent's users say ---------------------------------


@pytest.mark.parametrize(
    ("said", "keyed"),
    [
        ("my wife is called Sarah", ("partner", "Sarah")),
        ("my wife's name is sarah", ("partner", "Sarah")),
        ("my husband is named david", ("partner", "David")),
        ("my daughter is called mia, she's 4", ("children", "Mia")),
        ("my dog's name is biscuit", ("pets", "dog called biscuit")),
        ("my puppy's name's Mochi", ("pets", "puppy called Mochi")),
        ("my dog is called Sir Barks", ("pets", "dog called Sir Barks")),
    ],
)
def test_a_relative_or_pet_named_by_called_or_name_is_is_keyed(
    mem: Longmem, collection: str, said: str, keyed: tuple[str, str]
) -> None:
    facts = mem.remember(said, collection=collection)
    assert (facts[0]["attribute"], facts[0]["value"]) == keyed


@pytest.mark.parametrize(
    "said",
    [
        "my son is called up for the army",
        "my brother is named after our grandad",
        "my mom is called a saint by everyone",
        "my cat is called a menace by the neighbours",
        "our dog is named after my grandpa",
        "my dog's name is a long story",
        "my sister's dog is called Max",
    ],
)
def test_called_or_named_without_a_name_keys_no_relative_or_pet(
    mem: Longmem, collection: str, said: str
) -> None:
    assert [f["attribute"] for f in mem.remember(said, collection=collection)] == [None]


@pytest.mark.parametrize(
    ("changed", "now"),
    [
        ("doc upped my sertraline to 100mg", "User takes sertraline 100mg"),
        ("I lowered my sertraline dose to 25mg", "User takes sertraline 25mg"),
        ("my sertraline was increased to 75mg last week", "User takes sertraline 75mg"),
        ("the doctor increased the dose of my sertraline to 75mg", "User takes sertraline 75mg"),
    ],
)
def test_a_dose_changed_supersedes_the_old_dose(
    mem: Longmem, collection: str, changed: str, now: str
) -> None:
    [old] = mem.remember("i take sertraline 50mg", collection=collection)
    [new] = mem.remember(changed, collection=collection)
    assert (new["text"], new["relation"], new["supersedes"]) == (now, "updates", old["id"])


@pytest.mark.parametrize(
    "said",
    [
        "my doc might up my sertraline to 100mg",
        "my sister's sertraline went up to 100mg",
        "mom upped her sertraline to 100mg",
    ],
)
def test_a_dose_changed_for_someone_else_or_maybe_keeps_the_users(
    mem: Longmem, collection: str, said: str
) -> None:
    mem.remember("i take sertraline 50mg", collection=collection)
    assert [f["attribute"] for f in mem.remember(said, collection=collection)] == [None]
    hits = _texts(mem.search("user medications", collection=collection, limit=5))
    # the other message may follow, by meaning: it is no fact of the user's
    assert hits[0] == "User takes sertraline 50mg"
    assert not any("User takes" in hit for hit in hits[1:]), hits


def test_a_switch_without_from_retires_the_one_medicine_held(mem: Longmem, collection: str) -> None:
    [old] = mem.remember("i take lisinopril", collection=collection)
    [new] = mem.remember("switched to amlodipine last month", collection=collection)
    assert (new["relation"], new["supersedes"]) == ("updates", old["id"])
    other = collection + "-two"
    mem.remember("i take lisinopril and metformin", collection=other)
    [added] = mem.remember("switched to amlodipine last month", collection=other)
    assert added["relation"] == "new"  # which of two it replaced is not said
    assert len(mem.search("user medications", collection=other, limit=5)) == 3


def _held(mem: Longmem, collection: str, held: str) -> list[dict[str, Any]]:
    """The keyed facts ``held`` tells, said a month ago."""
    facts = mem.remember(held, collection=collection, observed_at=_days_ago(30))
    return [f for f in facts if f["attribute"]]


def _latest(mem: Longmem, collection: str, facts: list[dict[str, Any]]) -> list[bool]:
    """Whether each of ``facts`` is still current."""
    return [mem.get(f["id"], collection=collection)["is_latest"] for f in facts]


def _days_ago(days: int, minutes: int = 0) -> str:
    ago = timedelta(days=days, minutes=minutes)
    return (datetime.now(timezone.utc) - ago).strftime("%Y-%m-%dT%H:%M:%SZ")


@pytest.mark.parametrize(
    "off",
    [
        "we're not moving after all",
        "scratch that, we're not moving after all, landlord renewed our lease",
        "the izmir move is off, staying put",
    ],
)
def test_a_move_called_off_before_its_day_stays_off_when_replayed_after_it(
    mem: Longmem, collection: str, off: str
) -> None:
    # Said 90, 89 and 87 days ago: the move ("next month") was due some 60 days ago, and
    # was called off before its day; the transcript is stored only now.
    [moda] = mem.remember("We live in Moda.", collection=collection, observed_at=_days_ago(90))
    [izmir] = mem.remember(
        "We're moving to Izmir next month.", collection=collection, observed_at=_days_ago(89)
    )
    [denial] = mem.remember(off, collection=collection, observed_at=_days_ago(87))
    assert (denial["relation"], denial["supersedes"]) == ("updates", izmir["id"])
    assert mem.get(moda["id"], collection=collection)["is_latest"] is True
    assert _texts(mem.search(WHERE, collection=collection, limit=5))[:1] == ["User lives in Moda"]
    assert mem.profile(collection)["profile"] == "User lives in Moda."


@pytest.mark.parametrize(
    ("held", "said", "query"),
    [
        ("I live in Boston", "my neighbor Tom just moved to Denver", WHERE),
        ("I'm 34", "my godson Eli turned 10", "how old is the user"),
        ("I work at Acme", "my postman Chris got a job at Google", "user employer"),
        ("I'm single", "my neighbor Chris got married", "user relationship status"),
        ("I'm allergic to peanuts", "my crush Chris is allergic to shellfish", "user allergies"),
        ("I'm 34", "my neighbor Chris's son turned 5", "how old is the user"),
        ("I live in Boston", "my ex-wife moved to Denver", WHERE),
        ("I work at Acme", "my ex-husband got a job at Google", "user employer"),
        ("I'm married to Sam", "my ex girlfriend Chris moved to Denver", "user partner"),
        ("I'm married to Sam", "ran into my old girlfriend Chris today", "user partner"),
        ("I'm married to Sam", "my late husband Ray was a teacher", "user partner"),
        ("my boss is Dana", "my former boss moved to Denver", "user manager"),
        # the days of every week are no home
        ("I live in Boston", "therapy's moved to thursdays at 6 from now on", WHERE),
    ],
)
def test_someone_the_rules_have_no_word_for_or_a_former_partner_is_not_the_user(
    mem: Longmem, collection: str, held: str, said: str, query: str
) -> None:
    before = _texts(mem.remember(held, collection=collection))
    assert [f["attribute"] for f in mem.remember(said, collection=collection)] == [None]
    assert [h["text"] for h in mem.search(query, collection=collection)][:1] == before[:1]
    assert {f["text"] for f in _current(mem, collection)} >= set(before)


@pytest.mark.parametrize(
    ("held", "said", "query", "answer"),
    [
        ("The user lives in Berlin", "The user moved to Paris", WHERE, "User lives in Paris"),
        ("The user is 34 years old", "The user turned 35", "user age", "User is 35 years old"),
        ("I live in Boston", "User's neighbor Tom moved to Denver", WHERE, "User lives in Boston"),
        (
            "I live in Boston",
            "User mentioned their neighbor Tom moved to Denver",
            WHERE,
            "User lives in Boston",
        ),
        (
            "I live in Boston",
            "User said they moved to Lisbon last month",
            WHERE,
            "User lives in Lisbon",
        ),
        (
            "I live in Boston",
            "User: I live in Rome\nAssistant: Great, I love Rome! I live in Paris myself.",
            WHERE,
            "User lives in Rome",
        ),
        (
            "my favorite color is blue",
            "green is my favourite colour now",
            "user favourite colour",
            "User's favorite color is green",
        ),
    ],
)
def test_what_a_model_writes_of_the_user_is_keyed_as_the_user_would_say_it(
    mem: Longmem, collection: str, held: str, said: str, query: str, answer: str
) -> None:
    mem.remember(held, collection=collection)
    mem.remember(said, collection=collection)
    assert _texts(mem.search(query, collection=collection, limit=5))[:1] == [answer]


def test_the_users_of_someone_else_are_not_the_user(mem: Longmem, collection: str) -> None:
    assert _texts(mem.remember("I told the user's story to Tom", collection=collection)) == [
        "User told the user's story to Tom"
    ]


@pytest.mark.parametrize(
    ("held", "said", "now"),
    [
        ("I love coffee", "I hate coffee now", "User dislikes coffee"),
        ("I love coffee", "can't stand coffee anymore", "User dislikes coffee"),
        ("i hate running", "ok update: i actually love running now", "User likes running"),
        ("I hate olives", "i like olives now", "User likes olives"),
    ],
)
def test_a_like_turned_to_a_dislike_or_back_supersedes_it(
    mem: Longmem, collection: str, held: str, said: str, now: str
) -> None:
    [old] = mem.remember(held, collection=collection)
    [new] = mem.remember(said, collection=collection)
    assert (new["text"], new["relation"], new["supersedes"]) == (now, "updates", old["id"])
    assert [f["text"] for f in _current(mem, collection)] == [now]


def test_a_like_said_before_the_dislike_held_is_history(mem: Longmem, collection: str) -> None:
    mem.remember("I hate coffee now", collection=collection, observed_at=_days_ago(1))
    [old] = mem.remember("I love coffee", collection=collection, observed_at=_days_ago(30))
    assert (old["relation"], old["is_latest"]) == ("new", False)
    assert [f["text"] for f in _current(mem, collection)] == ["User dislikes coffee"]


@pytest.mark.parametrize(
    ("said", "stored"),
    [
        ("jake is allergic to cats", [("Jake is allergic to cats", "Jake", "allergies")]),
        (
            "jake's favorite band is muse",
            [("Jake's favorite band is muse", "Jake", "favorite:band")],
        ),
        (
            "imagine if I moved to Denver lol",
            [("Imagine if User moved to Denver lol", "user", None)],
        ),
        ("I dreamt I moved to Denver", [("User dreamt User moved to Denver", "user", None)]),
        ("I'm not vegan anymore", [("User is no longer vegan", "user", "diet")]),
        ("stress. don't judge", [("Stress", "user", None), ("User doesn't judge", "user", None)]),
        ("lol no i'm in austin", [("User is in austin", "user", None)]),
        ("single again lol", [("User is single", "user", "relationship")]),
        ("officially divorced now", [("User is divorced", "user", "relationship")]),
    ],
)
def test_what_the_agents_users_said_is_keyed_to_whom_it_is_about(
    mem: Longmem, collection: str, said: str, stored: list[tuple[str, str, Optional[str]]]
) -> None:
    facts = mem.remember(said, collection=collection)
    assert [(f["text"], f["subject"] or "user", f["attribute"]) for f in facts] == stored


@pytest.mark.parametrize(
    ("held", "said", "query", "first"),
    [
        (
            "I'm married to Ray",
            "ray passed away last week",
            "user partner",
            "Ray passed away last week",
        ),
        (
            "my husband Ray is a teacher",
            "my husband died in March",
            "user partner",
            "User's husband died in March",
        ),
        (
            "I'm married to Sam",
            "Ray passed away last week",
            "user partner",
            "User's partner is Sam",
        ),
        ("I'm married to Ray", "Ray's mom passed away", "user partner", "User's partner is Ray"),
        (
            "I'm dating Chloe",
            "chloe and i broke up",
            "who is the user dating",
            "Chloe and User broke up",
        ),
        (
            "I'm dating Chloe",
            "netflix and i broke up lol",
            "user partner",
            "User's partner is Chloe",
        ),
        ("I'm dating Leo", "single again lol", "user relationship status", "User is single"),
    ],
)
def test_a_partner_who_died_or_parted_in_lower_case_is_no_partner_of_now(
    mem: Longmem, collection: str, held: str, said: str, query: str, first: str
) -> None:
    mem.remember(held, collection=collection)
    mem.remember(said, collection=collection)
    assert _texts(mem.search(query, collection=collection, limit=5))[:1] == [first]


def test_a_death_or_a_lower_case_parting_with_no_partner_known_keys_nothing(
    mem: Longmem, collection: str
) -> None:
    for said in ("Ray passed away last week", "chloe and i broke up"):
        assert [f["attribute"] for f in mem.remember(said, collection=collection)] == [None]


@pytest.mark.parametrize(
    ("said", "stored"),
    [
        ('Tom told me "I live in Berlin now"', [('Tom told User "I live in Berlin now"', None)]),
        ('proofread this: "My name is John and I work at Google"', []),
        (
            'I said "I\'m vegan" and he laughed',
            [('User said "I\'m vegan"', None), ("He laughed", None)],
        ),
        ('translate "I live in Madrid" to spanish', []),
        # in single quotes, after a word that says it was said
        (
            "Mum said 'you're allergic to hard work' 😂",
            [("User's mum said 'you're allergic to hard work'", None)],
        ),
        (
            "My boss said 'I work for myself now' and left",
            [("User's boss said 'I work for myself now'", None), ("User's boss left", None)],
        ),
        (
            "we're relocating to Austin in June, josh got a job with Austin Fire",
            [
                ("User moves to Austin in June 2026", "home"),
                ("Josh works at Austin Fire", "employer"),
            ],
        ),
        (
            "my boss said I'm getting promoted to senior engineer",
            [("User's boss said User is getting promoted to senior engineer", None)],
        ),
        (
            "my boyfriend thinks I'm lactose intolerant lol",
            [("User's boyfriend thinks User is lactose intolerant lol", None)],
        ),
        ("my doctor told me I have ADHD", [("User has ADHD", "conditions")]),
        (
            "my son's favorite movie is Cars",
            [("User's son's favorite movie is Cars", "favorite:movie")],
        ),
        ("my sister's dog Max died last week", [("User's sister's dog Max died last week", None)]),
        ("thanks!! that was super helpful", []),
        ("hmm let me think about it", []),
        ("I see what you mean", []),
        ("what time is it in tokyo rn", []),
        ("help me write an email to my boss asking for friday off", []),
        ("help me plan meals for the week, I'm vegan now", [("User is vegan", "diet")]),
        (
            "help me plan a birthday surprise for my boyfriend Tom, he loves bouldering",
            [
                ("User's boyfriend is Tom", "partner"),
                ("User's boyfriend Tom likes bouldering", "likes"),
            ],
        ),
        ("I see my therapist on Tuesdays", [("User sees User's therapist on Tuesdays", None)]),
    ],
)
def test_what_is_quoted_reported_asked_or_remarked_is_stored_as_such(
    mem: Longmem, collection: str, said: str, stored: list[tuple[str, Optional[str]]]
) -> None:
    facts = mem.remember(said, collection=collection, observed_at="2026-03-02T10:00:00Z")
    assert [(f["text"], f["attribute"]) for f in facts] == stored


def test_a_plan_in_a_month_is_not_dated_a_year_before(mem: Longmem, collection: str) -> None:
    [fact] = mem.remember(
        "we're getting married in December",
        collection=collection,
        observed_at="2026-01-10T10:00:00Z",
    )
    assert fact["valid_from"] == "2026-01-10T10:00:00Z"


def test_where_am_i_now_is_not_a_trip_to_come(mem: Longmem, collection: str) -> None:
    mem.remember("I live in Chicago", collection=collection, observed_at=_days_ago(300))
    [trip] = mem.remember("I'll be in Lisbon next week for 5 days", collection=collection)
    assert (trip["attribute"], trip["value"]) == ("location", "Lisbon")
    assert _texts(mem.search("where am I now", collection=collection, limit=5))[:1] == [
        "User lives in Chicago"
    ]
    assert _texts(mem.search("upcoming trips", collection=collection, limit=5))[:1] == [
        trip["text"]
    ]


def test_home_again_ends_the_stay(plain: Longmem, collection: str) -> None:
    mem = plain  # the built-in arms' answer alone (the meaning arm adds after it)
    mem.remember("I live in Chicago", collection=collection, observed_at=_days_ago(300))
    [rome] = mem.remember("I'm in Rome until Sunday for work", collection=collection)
    [back] = mem.remember(
        "flew home early, the client meeting got cancelled", collection=collection
    )
    assert (back["attribute"], back["relation"], back["supersedes"]) == (
        "location",
        "updates",
        rome["id"],
    )
    assert _texts(mem.search("where am I now", collection=collection, limit=5)) == [
        "User lives in Chicago"
    ]


@pytest.mark.parametrize(
    "off",
    [
        "ugh we had to cancel tokyo, my mom is sick",
        "Tokyo trip is cancelled",
        "we're not going to Tokyo anymore",
    ],
)
def test_a_trip_called_off_is_no_trip_to_come(mem: Longmem, collection: str, off: str) -> None:
    [trip] = mem.remember("flying to Tokyo next week for two weeks", collection=collection)
    assert (trip["attribute"], trip["value"]) == ("location", "Tokyo")
    facts = mem.remember(off, collection=collection)
    assert (facts[0]["attribute"], facts[0]["supersedes"]) == ("location", trip["id"])
    assert mem.get(trip["id"], collection=collection)["is_latest"] is False
    assert "Tokyo from" not in " ".join(_texts(mem.search("upcoming trips", collection=collection)))


@pytest.mark.parametrize(
    ("held", "said", "query", "first"),
    [
        (
            "I work at Twitter",
            "twitter laid me off today",
            "user employer",
            "User no longer works at Twitter",
        ),
        (
            "I work at a fintech startup",
            "signed a full-time offer with Stripe!! start nov 3",
            "user employer",
            "User works at Stripe",
        ),
        (
            "I'm a barista at Blue Bottle",
            "quit the coffee job, starting my nursing degree next week",
            "user job",
            "User quit the coffee job",
        ),
        (
            "I work at Acme",
            "i'm freelancing now, mostly consulting",
            "user job",
            "User works as a freelancer",
        ),
        (
            "my number is 555-201-3344",
            "changed my number again lol 555-777-1212",
            "user phone number",
            "User's phone number is 555-777-1212",
        ),
        (
            "I live in Oakland",
            "moved in with my boyfriend Dev in San Francisco last weekend",
            "user home city",
            "User lives in San Francisco",
        ),
        (
            "I'm Sam",
            "i'm maya, 31, work as a UX designer at Ibotta",
            "user name",
            "User is called Maya",
        ),
    ],
)
def test_work_numbers_and_homes_changed_as_typed_answer_now(
    mem: Longmem, collection: str, held: str, said: str, query: str, first: str
) -> None:
    mem.remember(held, collection=collection, observed_at=_days_ago(60))
    mem.remember(said, collection=collection)
    assert _texts(mem.search(query, collection=collection, limit=5))[:1] == [first]


def test_going_freelance_ends_the_employer(mem: Longmem, collection: str) -> None:
    [deloitte] = mem.remember(
        "I work at Deloitte", collection=collection, observed_at=_days_ago(300)
    )
    mem.remember("went freelance last month, my own boss now", collection=collection)
    assert mem.get(deloitte["id"], collection=collection)["is_latest"] is False


@pytest.mark.parametrize(
    ("said", "profile"),
    [
        (["my girlfriend Maya is a nurse", "Maya and I broke up"], ""),
        (
            ["my girlfriend Maya is a nurse", "I'm dating Priya now, she's a vet"],
            "User's partner is Priya. User's partner Priya works as a vet. "
            "User is dating Priya now.",
        ),
        (
            ["my girlfriend Maya is a nurse"],
            "User's girlfriend is Maya. User's girlfriend Maya works as a nurse.",
        ),
    ],
)
def test_the_profile_says_nothing_of_a_partner_of_before(
    mem: Longmem, collection: str, said: list[str], profile: str
) -> None:
    for text in said:
        mem.remember(text, collection=collection)
    assert mem.profile(collection)["profile"] == profile


@pytest.mark.parametrize(
    ("said", "answer"),
    [
        ("Tom from work moved to Denver", "User lives in Boston"),
        ("my family moved to Austin when I was 5", "User lives in Boston"),
        ("we moved to Austin in 1999 and then to Seattle in 2010", "User lives in Boston"),
        ("I moved to Austin 10 years ago", "User lives in Boston"),
        ("we moved to Austin last month", "User lives in Austin"),
        ("User research team moved to Paris", "User lives in Boston"),
        ("Research team moved to Paris", "User lives in Boston"),
        ("User data moved to Frankfurt", "User lives in Boston"),
        ("our office relocated to Leeds", "User lives in Boston"),
        ("my family moved to Leeds", "User lives in Leeds"),
        ("User moved to Paris", "User lives in Paris"),
    ],
)
def test_a_life_story_a_namesake_or_a_team_is_no_news_of_the_home(
    mem: Longmem, collection: str, said: str, answer: str
) -> None:
    mem.remember("I'm Tom", collection=collection, observed_at=_days_ago(90))
    mem.remember("I live in Boston", collection=collection, observed_at=_days_ago(90))
    mem.remember(said, collection=collection)
    assert _texts(mem.search(WHERE, collection=collection, limit=5))[:1] == [answer]


def test_what_has_held_since_long_ago_is_news_still(mem: Longmem, collection: str) -> None:
    mem.remember("I'm vegetarian", collection=collection, observed_at=_days_ago(90))
    [vegan] = mem.remember("I've been vegan since 2019", collection=collection)
    assert (vegan["relation"], vegan["is_latest"]) == ("updates", True)


# -- 23. a review of section 22's rules -------------------------------------------------


@pytest.mark.parametrize(
    ("held", "said", "query", "first"),
    [
        (
            "my wife is Anna",
            "remind me to buy flowers for my wife Sunday",
            "user partner",
            "User's wife is Anna",
        ),
        (
            "I'm married to Anna",
            "my husband passed on the job offer",
            "user partner",
            "User's partner is Anna",
        ),
        (
            "I'm married to Anna",
            "my wife died laughing at that joke",
            "user partner",
            "User's partner is Anna",
        ),
        (
            "I'm dating Maya",
            "my gf died her hair pink lol",
            "user partner",
            "User's partner is Maya",
        ),
        ("my wife is Anna", "my husband died in 1999", "user partner", "User's wife is Anna"),
        (
            "I'm married to Tom",
            "single again this weekend lol, wife took the kids to her mom's",
            "user relationship status",
            "User is married to Tom",
        ),
        (
            "I'm single",
            "my 35 year old boyfriend Tom moved in with me",
            "user partner",
            "User's boyfriend is Tom",
        ),
    ],
)
def test_what_the_review_of_the_eighteenth_round_found_keeps_the_partner(
    mem: Longmem, collection: str, held: str, said: str, query: str, first: str
) -> None:
    mem.remember(held, collection=collection, observed_at=_days_ago(30))
    mem.remember(said, collection=collection)
    assert _texts(mem.search(query, collection=collection, limit=5))[:1] == [first]


@pytest.mark.parametrize(
    ("said", "keyed"),
    [
        ("help me find a dentist i just moved to austin", [("home", "austin")]),
        ("make me a meal plan im allergic to peanuts", [("allergies", "peanuts")]),
        ("help me train my dog Max to sit", [("pets", "dog called Max")]),
        ("remind me my new phone number is 555-201-3344", [("phone", "555-201-3344")]),
        ("dont work at amazon anymore", [("employer", "amazon")]),
        ("don't eat meat anymore", [("diet", "vegetarian")]),
        (
            'watched "Dune" last night. I moved to Austin last week. my "boss" is weird',
            [("home", "Austin")],
        ),
        ("my husband's vegan and hates cooking", [("diet", "vegan")]),
        ("my daughter's allergic to peanuts and has an epipen", [("allergies", "peanuts")]),
        ("my ex husband and i are officially divorced now", [("relationship", "divorced")]),
        (
            "I had a dream wedding last weekend, we got married in Napa",
            [("relationship", "married")],
        ),
        ("translate to spanish: i live in berlin and work at siemens", []),
        ("summarize this: I'm Sarah, a nurse. I live in Leeds.", []),
        ("my sister's name is private", []),
        ("my dog's name is weird", []),
        ('she said "I quit" and I moved to Qxquote7qx last week', [("home", "Qxquote7qx")]),
    ],
)
def test_what_the_review_of_the_eighteenth_round_found_is_keyed_as_said(
    mem: Longmem, collection: str, said: str, keyed: list[tuple[str, str]]
) -> None:
    facts = mem.remember(said, collection=collection)
    assert [(f["attribute"], f["value"]) for f in facts if f["attribute"]] == keyed


@pytest.mark.parametrize(
    ("held", "said", "query", "first"),
    [
        (
            "I work at Google",
            "my manager let me go home early today",
            "user employer",
            "User works at Google",
        ),
        (
            "I work at Google",
            "my coach fired me up before the game",
            "user employer",
            "User works at Google",
        ),
        ("I work at Google", "I quit my weekend job", "user employer", "User works at Google"),
        ("I work at Google", "Acme laid me off years ago", "user employer", "User works at Google"),
        ("I work at Google", "twitter laid me off today", "user employer", "User works at Google"),
        (
            "I work at Google",
            "thinking about going freelance",
            "user employer",
            "User works at Google",
        ),
        ("I work at Google", "I'm freelancing now too", "user employer", "User works at Google"),
        (
            "I work at Google",
            "I'm freelancing for Google now",
            "user employer",
            "User works at Google",
        ),
        (
            "i take sertraline 50mg",
            "my mom's doctor upped the sertraline to 100mg",
            "user medications",
            "User takes sertraline 50mg",
        ),
        (
            "i take insulin 30 units",
            "my wife lowered the insulin dose to 20 units",
            "user medications",
            "User takes insulin 30 units",
        ),
        (
            "i take sertraline 50mg",
            "my doc is upping my sertraline to 100mg next month",
            "user medications",
            "User takes sertraline 50mg",
        ),
        ("I love coffee", "I hate coffee ice cream", "user likes", "User likes coffee"),
        (
            "I live in Boston",
            "moving in with my parents in Ohio for the summer",
            WHERE,
            "User lives in Boston",
        ),
        (
            "My name is Sam",
            "q: i'm curious, how do magnets work",
            "user name",
            "User is called Sam",
        ),
        (
            "I'm 34",
            "i'm confused, 2 questions about taxes",
            "how old is the user",
            "User is 34 years old",
        ),
    ],
)
def test_what_the_second_review_of_the_eighteenth_round_found_keeps_the_truth(
    mem: Longmem, collection: str, held: str, said: str, query: str, first: str
) -> None:
    mem.remember(held, collection=collection, observed_at=_days_ago(30))
    mem.remember(said, collection=collection)
    assert _texts(mem.search(query, collection=collection, limit=5))[:1] == [first]


def test_a_switch_never_ends_a_supplement_nor_a_newer_medicine(
    mem: Longmem, collection: str
) -> None:
    [vitamin] = mem.remember("I take vitamin D", collection=collection)
    mem.remember("switched to amlodipine for my blood pressure", collection=collection)
    assert mem.get(vitamin["id"], collection=collection)["is_latest"] is True
    other = collection + "-two"
    [newer] = mem.remember("I take amlodipine", collection=other, observed_at=_days_ago(10))
    mem.remember("switched to lisinopril", collection=other, observed_at=_days_ago(60))
    assert mem.get(newer["id"], collection=other)["is_latest"] is True


@pytest.mark.parametrize(
    "said",
    [
        "we might have to cancel tokyo",
        "if it rains I'll cancel tokyo",
        "didn't cancel tokyo after all, still going",
        "the Tokyo trip was cancelled last year because of covid",
    ],
)
def test_a_trip_called_off_only_when_it_is(mem: Longmem, collection: str, said: str) -> None:
    [trip] = mem.remember("flying to Tokyo next week for two weeks", collection=collection)
    mem.remember(said, collection=collection)
    assert mem.get(trip["id"], collection=collection)["is_latest"] is True


def test_the_tokyo_trip_is_cancelled_is_the_users_trip(mem: Longmem, collection: str) -> None:
    [trip] = mem.remember("flying to Tokyo next week for two weeks", collection=collection)
    [off] = mem.remember("the Tokyo trip is cancelled", collection=collection)
    assert (off["subject"], off["supersedes"]) == ("user", trip["id"])


def test_a_move_called_off_by_its_place_is_that_move_only(mem: Longmem, collection: str) -> None:
    mem.remember("I live in Berlin", collection=collection)
    [paris] = mem.remember("we're moving to Paris next month", collection=collection)
    mem.remember("the portland move is off", collection=collection)
    assert mem.get(paris["id"], collection=collection)["is_latest"] is True


def test_a_call_off_replayed_gives_back_the_home_before_every_plan(
    mem: Longmem, collection: str
) -> None:
    mem.remember("We live in Berlin.", collection=collection, observed_at=_days_ago(120))
    mem.remember(
        "We're moving to Paris next month.", collection=collection, observed_at=_days_ago(119)
    )
    mem.remember(
        "Actually we're moving to Rome next month, not Paris.",
        collection=collection,
        observed_at=_days_ago(118),
    )
    mem.remember("we're not moving after all", collection=collection, observed_at=_days_ago(117))
    assert _texts(mem.search(WHERE, collection=collection, limit=5))[:1] == ["User lives in Berlin"]


def test_a_call_off_said_before_the_plan_calls_nothing_off(mem: Longmem, collection: str) -> None:
    mem.remember("We live in Berlin.", collection=collection, observed_at=_days_ago(120))
    [paris] = mem.remember(
        "We're moving to Paris next month.", collection=collection, observed_at=_days_ago(100)
    )
    mem.remember("we're not moving after all", collection=collection, observed_at=_days_ago(110))
    assert mem.get(paris["id"], collection=collection)["is_latest"] is True


def test_a_partner_taken_back_shows_in_the_profile(mem: Longmem, collection: str) -> None:
    mem.remember("my girlfriend Maya is a nurse", collection=collection, observed_at=_days_ago(60))
    mem.remember("Maya and I broke up", collection=collection, observed_at=_days_ago(30))
    mem.remember("got back with Maya", collection=collection)
    assert "User's girlfriend Maya works as a nurse" in mem.profile(collection)["profile"]


# -- 24. a review of section 23's mends --------------------------------------------------


@pytest.mark.parametrize(
    ("held", "said", "query", "first"),
    [
        (
            "my husband Tom is a chef",
            "my husband died two weeks ago",
            "user partner",
            "User's husband died two weeks ago",
        ),
        ("I'm married to Ray", "Ray died a month ago", "user partner", "Ray died a month ago"),
        (
            "I'm married to Anna",
            "passed away... just kidding",
            "user partner",
            "User's partner is Anna",
        ),
        (
            "my wife is Anna",
            "I'm seeing Dave again on friday for lunch",
            "user partner",
            "User's wife is Anna",
        ),
        ("my husband is Tom", "I'm back with Netflix lol", "user partner", "User's husband is Tom"),
        (
            "I'm 34",
            "suggest a gift for my dad, he turns 60 next week",
            "how old is the user",
            "User is 34 years old",
        ),
        (
            "my wife is Anna",
            "write a poem for my wife Valentine",
            "user partner",
            "User's wife is Anna",
        ),
        ("I work at Acme", "I quit my new job", "user employer", "User quit User's new job"),
        (
            "I work at Acme",
            "they laid me off two weeks ago",
            "user employer",
            "They laid User off two weeks ago",
        ),
        (
            "I'm dating Maya",
            "single again today, maya left me",
            "user relationship status",
            "User is single",
        ),
        ("I'm 43", "Edit: I'm 34 not 43", "how old is the user", "User is 34 years old"),
        (
            "i take sertraline 50mg",
            "my psychiatrist upped the sertraline to 100mg",
            "user medications",
            "User takes sertraline 100mg",
        ),
        ("I'm 28", "I'm 30 thanks for asking", "how old is the user", "User is 30 years old"),
        ("I live in Boston", "i'm 5'10\" btw. I live in Oslo now", WHERE, "User lives in Oslo"),
        ("I live in Boston", "had a nightmare I moved back to Ohio", WHERE, "User lives in Boston"),
    ],
)
def test_what_the_third_review_of_the_eighteenth_round_found_keeps_the_truth(
    mem: Longmem, collection: str, held: str, said: str, query: str, first: str
) -> None:
    mem.remember(held, collection=collection, observed_at=_days_ago(30))
    mem.remember(said, collection=collection)
    assert _texts(mem.search(query, collection=collection, limit=5))[:1] == [first]


@pytest.mark.parametrize(
    ("said", "keyed"),
    [
        ("help me plan a party for my daughter turning 7", []),
        ("recommend a diet for someone allergic to peanuts", []),
        ("help me become vegan", []),
        ("help me find a dentist i just moved to austin", [("home", "austin")]),
        ("help me plan dinner: I'm vegan now", [("diet", "vegan")]),
        ("create a budget for me, i earn 60k and live in Austin", [("home", "Austin")]),
        ("my sister's name is mary", [("siblings", "Mary")]),
        ("i'm vincent, 34, from lyon", [("name", "Vincent"), ("age", "34")]),
        ("check this out: I got the job at Google!!", [("employer", "Google")]),
    ],
)
def test_what_the_third_review_found_is_keyed_as_said(
    mem: Longmem, collection: str, said: str, keyed: list[tuple[str, str]]
) -> None:
    facts = mem.remember(said, collection=collection)
    assert [(f["attribute"], f["value"]) for f in facts if f["attribute"]] == keyed


def test_someone_elses_call_off_leaves_the_users_trip(mem: Longmem, collection: str) -> None:
    [trip] = mem.remember("flying to Tokyo next week for two weeks", collection=collection)
    mem.remember("my ex cancelled tokyo", collection=collection)
    assert mem.get(trip["id"], collection=collection)["is_latest"] is True


# -- 25. the nineteenth round: a thing's age, and the user as a model writes them ----------


@pytest.mark.parametrize(
    "said",
    [
        "Old phone is 6 years old now",
        "My phone is 6 years old now",
        "New car is 2 years old",
        "Old laptop is 8 years old, time for a new one",
        "My phone's 6 years old",
        "My phone is like 6 years old",
        "ugh 6 years old laptop died",
        "Tesla Model 3 is 2 years old",
        "Boiler is 12 years old",
    ],
)
def test_a_things_age_is_not_the_users(mem: Longmem, collection: str, said: str) -> None:
    mem.remember("I'm 40", collection=collection, observed_at=_days_ago(30))
    assert [f["attribute"] for f in mem.remember(said, collection=collection)] == [None]
    assert _texts(mem.search("how old am I?", collection=collection))[:1] == [
        "User is 40 years old"
    ]


@pytest.mark.parametrize(
    "said",
    [
        "My age is 35 years old",
        "Note: user is 35 years old",
        "User is married, has two kids and is 35 years old",
        "Birthday girl is 35 years old today!",
        "35 years old and loving it",
        "I'm a 35-year-old nurse from Leeds",
        "Age is 35 years old",
    ],
)
def test_the_users_age_said_beside_a_thing_word_is_still_theirs(
    mem: Longmem, collection: str, said: str
) -> None:
    mem.remember("I'm 34 years old", collection=collection, observed_at=_days_ago(30))
    facts = mem.remember(said, collection=collection)
    assert [f["value"] for f in facts if f["attribute"] == "age"] == ["35"]
    assert _texts(mem.search("how old am I?", collection=collection))[:1] == [
        "User is 35 years old"
    ]


@pytest.mark.parametrize(
    ("held", "said", "query", "answer"),
    [
        ("I live in Berlin", "User lives in Paris", WHERE, "User lives in Paris"),
        ("I'm 34", "User is 35 years old", "how old am I?", "User is 35 years old"),
        ("I work at Acme", "User works at Google", "where do I work?", "User works at Google"),
    ],
)
def test_the_user_as_a_model_writes_them_is_the_user(
    mem: Longmem, collection: str, held: str, said: str, query: str, answer: str
) -> None:
    [old] = mem.remember(held, collection=collection, observed_at=_days_ago(30))
    [new] = mem.remember(said, collection=collection)
    assert (new["subject"], new["relation"]) == ("user", "updates")
    assert mem.get(old["id"], collection=collection)["is_latest"] is False
    assert _texts(mem.search(query, collection=collection))[:1] == [answer]


# -- 26. the twentieth round: what others are said to be, a model's "now", kin by kind ---


@pytest.mark.parametrize(
    "said",
    [
        "User reviews say the hotel is vegan friendly",
        "Reviews say the restaurant is vegan friendly",
        "User tells me his sister is vegan",
    ],
)
def test_what_a_thing_or_someone_is_said_to_be_is_not_the_users(
    mem: Longmem, collection: str, said: str
) -> None:
    [meat] = mem.remember("I eat meat", collection=collection, observed_at=_days_ago(30))
    assert [f["attribute"] for f in mem.remember(said, collection=collection)] == [None]
    assert mem.get(meat["id"], collection=collection)["is_latest"] is True


@pytest.mark.parametrize(
    "said",
    [
        "User no longer lives in Boston, now lives in Paris",
        "I no longer live in Boston, now I live in Paris",
        "user lives in Paris",
    ],
)
def test_what_no_longer_is_then_what_is_now_keys_both(
    mem: Longmem, collection: str, said: str
) -> None:
    [boston] = mem.remember("I live in Boston", collection=collection, observed_at=_days_ago(30))
    facts = mem.remember(said, collection=collection)
    assert ("home", "Paris", False) in [(f["attribute"], f["value"], f["negated"]) for f in facts]
    assert mem.get(boston["id"], collection=collection)["is_latest"] is False
    assert _texts(mem.search(WHERE, collection=collection))[:1] == ["User lives in Paris"]


@pytest.mark.parametrize(
    ("said", "question", "answer"),
    [
        (
            "My brother Tom is a chef.",
            "what do my siblings do?",
            "User's brother Tom works as a chef",
        ),
        (
            "My wife Anna is a nurse.",
            "what does my spouse do?",
            "User's wife Anna works as a nurse",
        ),
        (
            "My husband works at Google.",
            "where does my spouse work?",
            "User's husband works at Google",
        ),
        (
            "My girlfriend lives in Leeds.",
            "where does my partner live?",
            "User's girlfriend lives in Leeds",
        ),
    ],
)
def test_a_relative_is_asked_about_by_the_word_for_their_kind(
    mem: Longmem, collection: str, said: str, question: str, answer: str
) -> None:
    _tell(mem, collection, "I live in Ankara.", said, "My sister works at the BBC.")
    assert _texts(mem.search(question, collection=collection))[:1] == [answer]


def test_a_spouse_is_not_a_sibling(mem: Longmem, collection: str) -> None:
    _tell(mem, collection, "My sister works at the BBC.")
    assert mem.search("where does my spouse work?", collection=collection) == []


@pytest.mark.parametrize(
    "said",
    [
        "I live in sweatpants",
        "i live in a studio apartment",
        "I live in PST",
        "i moved to linux last year",
        "I've moved to a plant-based diet",
        "I was moved to tears by that movie",
        "we moved to a bigger place last month",
        "I was 22 when I moved to the US",
        "back in college I lived in Leeds",
    ],
)
def test_a_home_that_names_no_place_or_a_life_story_is_no_news_of_the_home(
    mem: Longmem, collection: str, said: str
) -> None:
    [boston] = mem.remember("I live in Boston", collection=collection, observed_at=_days_ago(30))
    assert [f["attribute"] for f in mem.remember(said, collection=collection)] == [None]
    assert mem.get(boston["id"], collection=collection)["is_latest"] is True


@pytest.mark.parametrize(
    ("said", "home"),
    [
        ("moving to denver tomorrow", "denver"),
        ("I live in Hebden Bridge", "Hebden Bridge"),
        ("I moved to the Gold Coast", "the Gold Coast"),
        ("I live in a flat in Leeds", "Leeds"),
    ],
)
def test_a_home_named_in_lower_case_or_unknown_to_the_gazetteer_is_still_a_home(
    mem: Longmem, collection: str, said: str, home: str
) -> None:
    facts = mem.remember(said, collection=collection)
    assert [(f["attribute"], f["value"]) for f in facts] == [("home", home)]


@pytest.mark.parametrize(
    "said",
    ["I'm based in Denver this week for training", "I'm staying in Denver for the holidays"],
)
def test_a_place_for_a_while_is_a_stay_and_the_home_holds(
    mem: Longmem, collection: str, said: str
) -> None:
    [boston] = mem.remember("I live in Boston", collection=collection, observed_at=_days_ago(30))
    facts = mem.remember(said, collection=collection, observed_at=_days_ago(1))
    assert [(f["attribute"], f["value"]) for f in facts] == [("location", "Denver")]
    assert mem.get(boston["id"], collection=collection)["is_latest"] is True
    assert _texts(mem.search(WHERE, collection=collection))[:1] == ["User lives in Boston"]


def test_the_us_is_a_country_in_what_is_stored(mem: Longmem, collection: str) -> None:
    [fact] = mem.remember("I was 22 when I moved to the US", collection=collection)
    assert fact["text"] == "User was 22 when User moved to the US"


@pytest.mark.parametrize(
    ("held", "said"),
    [
        ("I'm 35", "I'm 2 for 2 on job interviews"),
        ("I'm 35", "I'm 9 to 5 at the hospital"),
        ("I'm 35", "I'm 50/50 on it"),
        ("I'm 35", "I'm 1/4 Irish"),
        ("I'm 35", "I'm 25 again in my head"),
        ("I'm 35", "respond as if I'm a 10 year old"),
        ("I'm 35", "User pretends to be 30 years old"),
        ("I'm married", "my parents are divorced"),
        ("I'm married", "I'm engaged in a lawsuit with my landlord"),
        ("I'm single", "I'm married to the idea of a big wedding"),
        ("I'm Chris", "Hi, I'm Claude, an AI assistant made by Anthropic."),
        ("I'm Chris", "I'm Dr. Smith's patient"),
        ("I'm vegetarian", "vegan recipes please"),
        ("I'm vegetarian", "keto diet plan for my dad"),
        ("I'm vegetarian", "my doctor wants me to go keto"),
        ("I'm vegetarian", "no one in my family is vegan"),
    ],
)
def test_a_number_an_idiom_a_request_or_someone_else_is_no_news_of_the_user(
    mem: Longmem, collection: str, held: str, said: str
) -> None:
    [fact] = mem.remember(held, collection=collection, observed_at=_days_ago(30))
    assert {f["attribute"] for f in mem.remember(said, collection=collection)} == {None}
    assert mem.get(fact["id"], collection=collection)["is_latest"] is True


@pytest.mark.parametrize(
    "said", ["I'm allergic to mondays lol", "I'm allergic to small talk", "allergic to bs honestly"]
)
def test_an_allergy_in_jest_is_no_allergy(mem: Longmem, collection: str, said: str) -> None:
    assert [f["attribute"] for f in mem.remember(said, collection=collection)] == [None]


@pytest.mark.parametrize(
    ("said", "keyed"),
    [
        ("keto diet going well", ("diet", "keto")),
        ("vegan since 2019", ("diet", "vegan")),
        ("I'm allergic to peanuts", ("allergies", "peanuts")),
        ("we got engaged in Paris!", ("relationship", "engaged")),
        ("my mobile is 07700 900123", ("phone", "07700 900123")),
    ],
)
def test_the_users_own_news_beside_those_words_is_still_keyed(
    mem: Longmem, collection: str, said: str, keyed: tuple[str, str]
) -> None:
    facts = mem.remember(said, collection=collection)
    assert [(f["attribute"], f["value"]) for f in facts] == [keyed]


@pytest.mark.parametrize(
    "said",
    [
        "RT @jdoe: just moved to LA, hmu",
        "FWD: Hi team, I've moved to Denver and my new desk phone is 555-0100. - Mike",
        "Here's the email I got:\nHi Chris,\nI just moved to Denver and started at Stripe.",
        "resume of the candidate I'm interviewing: lives in Austin, 29 years old",
        "Pt states: I'm allergic to latex",
        "quote from the book: 'I live in a small town in Maine and I work at the mill.'",
    ],
)
def test_someone_elses_text_pasted_after_a_label_is_kept_as_written_and_keys_nothing(
    mem: Longmem, collection: str, said: str
) -> None:
    _tell(mem, collection, "I live in Boston.", "I'm 35.", "I work at Mass General.")
    [kept] = mem.remember(said, collection=collection)
    assert kept["attribute"] is None
    assert kept["text"].lower() == " ".join(said.split()).lower().rstrip(".")  # as written
    users = {(m["attribute"], m["value"]) for m in _current(mem, collection) if m["attribute"]}
    assert users == {("home", "Boston"), ("age", "35"), ("employer", "Mass General")}


@pytest.mark.parametrize(
    "said",
    [
        "Update: I moved to Denver",
        "here's my news: I moved to Denver",
        "Performance review: went great, and I moved to Denver",
    ],
)
def test_the_users_own_label_before_news_is_not_someone_elses_text(
    mem: Longmem, collection: str, said: str
) -> None:
    _tell(mem, collection, "I live in Boston.")
    mem.remember(said, collection=collection)
    assert _texts(mem.search(WHERE, collection=collection))[:1] == ["User lives in Denver"]


@pytest.mark.parametrize(
    ("held", "said"),
    [
        ("I work at Mass General", "I work at odd hours"),
        ("I work at Mass General", "I work at a desk all day"),
        ("I work at Mass General", "I work for tips"),
        ("I study at MIT", "I study at night"),
        ("I study at MIT", "I study at the kitchen table"),
        ("I'm working on an app called Tasky", "I'm working on my tan"),
        ("I'm working on an app called Tasky", "I'm working on no sleep"),
        ("I'm working on an app called Tasky", "I'm working on Saturday"),
    ],
)
def test_what_a_rules_words_take_for_a_value_that_is_none_keys_nothing(
    mem: Longmem, collection: str, held: str, said: str
) -> None:
    [fact] = mem.remember(held, collection=collection, observed_at=_days_ago(30))
    assert fact["attribute"] is not None
    assert [f["attribute"] for f in mem.remember(said, collection=collection)] == [None]
    assert mem.get(fact["id"], collection=collection)["is_latest"] is True


@pytest.mark.parametrize(
    ("said", "keyed"),
    [
        ("I started at Home Depot", ("employer", "Home Depot")),
        ("I work at Boeing", ("employer", "Boeing")),
        ("I'm working on the Q3 launch", ("project", "the Q3 launch")),
    ],
)
def test_a_value_that_looks_like_none_in_another_case_is_still_one(
    mem: Longmem, collection: str, said: str, keyed: tuple[str, str]
) -> None:
    facts = mem.remember(said, collection=collection)
    assert [(f["attribute"], f["value"]) for f in facts] == [keyed]


@pytest.mark.parametrize(
    ("held", "said"),
    [
        ("I work as a nurse", "I'm a former teacher"),
        ("I'm Chris", "I'm Batman"),
        ("I like hiking", "I like how you explained that"),
        ("I hate coffee", "I hate to bother you but can you check this"),
        ("I live in Boston", "Me: where u at\nJake: i just moved to Denver\nMe: nice"),
        ("I'm single", "roleplay: you are my girlfriend Emma who lives in Paris"),
        (
            "I live in Boston",
            "Here's my wife's cover letter: I am a teacher and I live in Cambridge.",
        ),
    ],
)
def test_a_past_role_a_joke_a_word_to_the_listener_or_someone_elses_line_keys_nothing(
    mem: Longmem, collection: str, held: str, said: str
) -> None:
    [fact] = mem.remember(held, collection=collection, observed_at=_days_ago(30))
    assert {f["attribute"] for f in mem.remember(said, collection=collection)} <= {None}
    assert mem.get(fact["id"], collection=collection)["is_latest"] is True


@pytest.mark.parametrize(
    ("held", "said", "keyed"),
    [
        ("I study at MIT", "I dropped out of MIT", ("school", "MIT", True)),
        (
            "My number is 555-0142",
            "text me at my new number, 555-0199",
            ("phone", "555-0199", False),
        ),
        ("I live in Boston", "Me: I moved to Leeds\nMum: congrats", ("home", "Leeds", False)),
    ],
)
def test_a_drop_out_a_number_after_a_comma_and_my_own_line_are_keyed(
    mem: Longmem, collection: str, held: str, said: str, keyed: tuple[str, str, bool]
) -> None:
    [fact] = mem.remember(held, collection=collection, observed_at=_days_ago(30))
    facts = mem.remember(said, collection=collection)
    assert [(f["attribute"], f["value"], f["negated"]) for f in facts] == [keyed]
    assert mem.get(fact["id"], collection=collection)["is_latest"] is False


def test_a_divorce_dated_before_the_wife_was_told_of_still_ends_her(
    plain: Longmem, collection: str
) -> None:
    mem = plain  # the built-in arms' answer alone (the meaning arm adds the divorce)
    [wife] = mem.remember("My wife is Sarah.", collection=collection, observed_at=_days_ago(2))
    mem.remember("Sarah and I got divorced last year", collection=collection)
    assert mem.get(wife["id"], collection=collection)["is_latest"] is False
    assert mem.search("who is my wife?", collection=collection) == []


def test_a_home_said_beside_a_trip_is_still_a_home(mem: Longmem, collection: str) -> None:
    facts = mem.remember(
        "I'm based in PH, travelling to Owerri this weekend, I'll be back on Monday",
        collection=collection,
    )
    assert [(f["attribute"], f["value"]) for f in facts] == [("home", "PH"), ("location", "Owerri")]
    assert facts[0]["expires_at"] is None


# A review of section 26's guards (1,249 probes) found true facts they dropped; each is
# keyed again.
@pytest.mark.parametrize(
    ("said", "keyed"),
    [
        ("i live in north london", ("home", "north london")),
        ("i live in the pnw", ("home", "the pnw")),
        ("I live in CT", ("home", "CT")),
        ("i live in a flat in hackney", ("home", "hackney")),
        ("I live in Spice Village", ("home", "Spice Village")),
        ("I'm working on building an app", ("project", "building an app")),
        ("I'm working on my game engine", ("project", "my game engine")),
        ("I'm 35 years old living in Leeds", ("age", "35")),
        ("I'm 35/F", ("age", "35")),
        ("I'm 35 and haven't seen my dad in years", ("age", "35")),
        ("35 years old nurse from Leeds here", ("age", "35")),
        ("Vegan mum of two here", ("diet", "vegan")),
        ("Keto day 5 and feeling great", ("diet", "keto")),
        ("Here's a quick note: I moved to Leeds last week", ("home", "Leeds")),
        ("Here's today's note: I moved to Leeds", ("home", "Leeds")),
        (
            "Review went well at 10:30, I got promoted to senior engineer",
            ("job", "senior engineer"),
        ),
        ("Transcript of my voice note: I moved to Leeds", ("home", "Leeds")),
        ("Me: I moved to Leeds\nUpdate: started at Google too", ("employer", "Google")),
        ("We got engaged in the summer!", ("relationship", "engaged")),
        ("I'm married with a baby", ("relationship", "married")),
        ("i work at boeing", ("employer", "boeing")),
        ("I work at a computer shop", ("employer", "a computer shop")),
        ("I study at School of Visual Arts", ("school", "School of Visual Arts")),
        ("I love this city", ("likes", "this city")),
        ("I like when it rains", ("likes", "when it rains")),
        ("I'm allergic to cleaning products", ("allergies", "cleaning products")),
        ("I'm back in college studying nursing", ("studies", "nursing")),
        ("I'm in my twenties, single, living in Leeds", ("home", "Leeds")),
        ("I'm an ex-army nurse", ("job", "ex-army nurse")),
        ("I'm Chris, a language model researcher", ("name", "Chris")),
        ("No one in my family knows I'm allergic to nuts", ("allergies", "nuts")),
    ],
)
def test_the_users_own_fact_beside_the_twentieth_rounds_guards_is_keyed(
    mem: Longmem, collection: str, said: str, keyed: tuple[str, str]
) -> None:
    facts = mem.remember(said, collection=collection)
    assert keyed in [(f["attribute"], f["value"]) for f in facts if f["subject"] == "user"]


@pytest.mark.parametrize(
    "said", ["I dropped out of Dry January", "I dropped out of Duolingo", "user is 18+ only"]
)
def test_a_drop_out_of_no_school_or_an_age_limit_keys_nothing(
    mem: Longmem, collection: str, said: str
) -> None:
    assert [f["attribute"] for f in mem.remember(said, collection=collection)] == [None]


# 27. The twenty-first round: what the last round's review left (a season's stay, a life
# story told by age, "not one of my coworkers", idioms, an assistant's introduction,
# someone else's text after more labels, a pronoun after a colon).


@pytest.mark.parametrize(
    ("held", "said"),
    [
        ("I live in Boston", "at 22 I moved to the US"),
        ("I live in Boston", "I moved to Leeds at 22"),
        ("I'm married", "Not one of my coworkers is married"),
        ("I'm married", "lol I'm divorced from reality"),
        ("I'm married", "I'm married to the gym lol"),
        ("I'm Chris", "I am Claude, made by Anthropic"),
        ("I'm Chris", "I'm Nova, your virtual assistant"),
        ("I live in Boston", "Text from my sister: I moved to Leeds!"),
        ("I'm vegetarian", "Email from Mike: I'm vegan now"),
        ("I work at Acme", "my boss's email: I'm leaving Acme"),
        ("I live in Boston", "[10:42] Jake: I moved to Austin"),
        ("I live in Boston", "I got a text from my sister: she moved to Leeds"),
    ],
)
def test_what_the_twentieth_rounds_review_left_is_no_news_of_the_user(
    mem: Longmem, collection: str, held: str, said: str
) -> None:
    [fact] = mem.remember(held, collection=collection, observed_at=_days_ago(30))
    assert {f["attribute"] for f in mem.remember(said, collection=collection)} == {None}
    assert mem.get(fact["id"], collection=collection)["is_latest"] is True


@pytest.mark.parametrize(
    "said",
    [
        "I'm living in Denver for the summer",
        "I'm living in Denver for the holidays",
        "I'm currently living in Denver for the semester",
        "living in Denver over the holidays",
    ],
)
def test_a_home_for_a_season_is_a_stay_and_the_home_holds(
    mem: Longmem, collection: str, said: str
) -> None:
    [boston] = mem.remember("I live in Boston", collection=collection, observed_at=_days_ago(30))
    facts = mem.remember(said, collection=collection, observed_at=_days_ago(1))
    assert [(f["attribute"], f["value"]) for f in facts] == [("location", "Denver")]
    assert mem.get(boston["id"], collection=collection)["is_latest"] is True


@pytest.mark.parametrize(
    ("said", "keyed"),
    [
        ("I moved to Denver over the summer", ("home", "Denver")),
        ("we moved to Leeds at 9am, the van was late", ("home", "Leeds")),
        ("I'm living in Denver for work", ("home", "Denver")),
        ("Not one of us is vegan", ("diet", "vegan")),
        ("I'm Sam, a chatbot developer", ("name", "Sam")),
        ("I'm Ann, an assistant at Acme", ("name", "Ann")),
        ("[10:42] Me: I moved to Austin", ("home", "Austin")),
        ("I work at Over the Moon Bakery", ("employer", "Over the Moon Bakery")),
    ],
)
def test_the_users_own_fact_beside_the_twenty_first_rounds_guards_is_keyed(
    mem: Longmem, collection: str, said: str, keyed: tuple[str, str]
) -> None:
    facts = mem.remember(said, collection=collection)
    assert keyed in [(f["attribute"], f["value"]) for f in facts if f["subject"] == "user"]


# The twenty-second round's cases of what the last audit left (a correction under a
# label, a school's whole name, a place after "St."/"Mt.", "Denver residents", a pet's or
# a project's end said by its name, an allergy outgrown, a child or a pet named after a
# comma), asked by section 28's tests; section 29 holds what they must leave alone.
_ROUND_22_CHANGES = [
    (
        "I live in Minneapolis",
        "Correction: I live in St. Paul, not Minneapolis.",
        ("home", "St. Paul"),
    ),
    ("I live in Minneapolis", "Correction: I live in Boston.", ("home", "Boston")),
    ("I live in Minneapolis", "We moved to Mt. Pleasant.", ("home", "Mt. Pleasant")),
    ("I live in Minneapolis", "we're officially Denver residents now", ("home", "Denver")),
    (
        "I live in Minneapolis",
        "The user has moved; current residence: Portland, OR.",
        ("home", "Portland"),
    ),
    (
        "I'm 41",
        "Quick one: I'm 42 as of yesterday, and Omar baked me a cake.",
        ("age", "42"),
    ),
    ("I'm 41", "The fence is 6 ft. I'm 42 now btw.", ("age", "42")),
    (
        "My phone number is 612-555-0187",
        "Please use 651-555-0199 from now on, old phone is dead.",
        ("phone", "651-555-0199"),
    ),
    (
        "I study at Macalester",
        "I go to the University of Minnesota now.",
        ("school", "University of Minnesota"),
    ),
    ("I work at Target", "I joined Union Pacific.", ("employer", "Union Pacific")),
    ("I work as an accountant", "I'm a Pediatrics resident.", ("job", "Pediatrics resident")),
]
_ROUND_22_ENDS = [
    ("I have a dog named Biscuit", "RIP Biscuit, best boy ever"),
    ("I have a dog named Biscuit", "biscuit crossed the rainbow bridge this morning"),
    ("I have a dog named Biscuit", "I don't have a dog anymore."),
    ("I'm working on an app called Ledgerly", "Ledgerly is dead, I gave up on it."),
    ("I'm working on an app called Ledgerly", "shelved ledgerly for now, no time"),
    ("I'm working on an app called Ledgerly", "I gave up on Ledgerly."),
    ("I'm working on an app called Ledgerly", "put Ledgerly on hold"),
    ("I'm allergic to shellfish", "I outgrew my shellfish allergy!"),
    ("I'm allergic to shellfish", "Turns out my shellfish allergy has cleared up!"),
    ("I'm allergic to shellfish", "I can eat shrimp again - no more shellfish allergy"),
]
_ROUND_22_KEYED = [
    ("I have a son now, Leo.", [("children", "Leo")]),
    ("User had a second child, a son named Leo.", [("children", "Leo")]),
    ("Got a kitten yesterday, calling her Fig.", [("pets", "kitten called Fig")]),
    ("We got a puppy, named him Bruno!", [("pets", "puppy called Bruno")]),
    ("I go to the University of Michigan.", [("school", "University of Michigan")]),
    (
        "I go to school at the University of Texas at Austin",
        [("school", "University of Texas")],
    ),
]

# 28. The twenty-first round's audit of changes: how an agent's users and an agent's own
# notes say a fact changed, and the same verbs said of something else.


@pytest.mark.parametrize(
    ("held", "said", "keyed"),
    [
        ("I work as an accountant", "I work as a financial planner", ("job", "financial planner")),
        (
            "I work as an accountant",
            "I'm now working as a high school math teacher.",
            ("job", "high school math teacher"),
        ),
        ("I work at Target", "My new employer is Mayo Clinic.", ("employer", "Mayo Clinic")),
        ("I work at Target", "User's new employer is Acme.", ("employer", "Acme")),
        ("I work at Target", "Since January I've been working at Ecolab", ("employer", "Ecolab")),
        ("I work at Target", "I'm self-employed now.", ("employer", "self-employed")),
        ("I live in Minneapolis", "User's current city is Philadelphia.", ("home", "Philadelphia")),
        (
            "I live in Minneapolis",
            "FYI the user's home city changed from Minneapolis to Duluth.",
            ("home", "Duluth"),
        ),
        (
            "My number is 555-0142",
            "User's phone number changed to (651) 555-0199.",
            ("phone", "(651) 555-0199"),
        ),
        (
            "My number is 555-0142",
            "You can reach me at 651-555-0199 now.",
            ("phone", "651-555-0199"),
        ),
        (
            "My favorite band is Radiohead",
            "My new favorite band is Big Thief.",
            ("favorite:band", "Big Thief"),
        ),
        (
            "My favorite band is Radiohead",
            "Honestly Wilco is my favourite band now.",
            ("favorite:band", "Wilco"),
        ),
        (
            "My favorite band is Radiohead",
            "Big Thief has replaced Radiohead as my favourite band.",
            ("favorite:band", "Big Thief"),
        ),
        ("I'm pescatarian", "went full vegan in january", ("diet", "vegan")),
        ("I'm pescatarian", "I started keto two weeks ago.", ("diet", "keto")),
        ("I'm pescatarian", "User switched to a vegan diet.", ("diet", "vegan")),
        (
            "I study at the University of Minnesota",
            "I transferred to Macalester College.",
            ("school", "Macalester College"),
        ),
        (
            "I study at the University of Minnesota",
            "I go to Metro State now.",
            ("school", "Metro State"),
        ),
        (
            "I study at the University of Minnesota",
            "User transferred to the University of Wisconsin.",
            ("school", "University of Wisconsin"),
        ),
        ("I'm 41", "Officially 42 as of this morning.", ("age", "42")),
        ("I'm 41", "I celebrated my 42nd birthday", ("age", "42")),
        (
            "My name is Dana",
            "I changed my name to Dana Okafor after the wedding.",
            ("name", "Dana Okafor"),
        ),
        ("My name is Dana", "I go by Danny now.", ("name", "Danny")),
        ("My name is Dana", "Please call me Dee from now on.", ("name", "Dee")),
        ("My husband is Omar", "I got remarried to Priya in June.", ("partner", "Priya")),
        ("My husband is Omar", "I'm dating Jamie these days.", ("partner", "Jamie")),
        (
            "My husband is Omar",
            "Omar and I divorced, and I'm now engaged to Sam.",
            ("partner", "Sam"),
        ),
        (
            "I'm working on an app called Ledgerly",
            "now hacking on a recipe app called Mise",
            ("project", "a recipe app called Mise"),
        ),
        *_ROUND_22_CHANGES,
    ],
)
def test_a_change_said_as_an_agents_users_and_notes_say_it_replaces_the_old_value(
    mem: Longmem, collection: str, held: str, said: str, keyed: tuple[str, str]
) -> None:
    old = _held(mem, collection, held)
    facts = mem.remember(said, collection=collection)
    assert keyed in [(f["attribute"], f["value"]) for f in facts if not f.get("negated")]
    assert old and _latest(mem, collection, old) == [False] * len(old)


@pytest.mark.parametrize(
    ("note", "keyed"),
    [
        ("home_city: Austin", [("home", "Austin")]),
        ("User's home: Seattle (was Minneapolis)", [("home", "Seattle")]),
        ("user age: 42", [("age", "42")]),
        ("my job: financial planner", [("job", "financial planner")]),
        ("User profile\n- home: Austin\n- age: 42", [("home", "Austin"), ("age", "42")]),
        ("diet: vegan", [("diet", "vegan")]),
        ("allergies: shellfish, peanuts", [("allergies", "shellfish"), ("allergies", "peanuts")]),
        ("pets: dog Biscuit", [("pets", "dog called Biscuit")]),
        ("favorite band: The National", [("favorite:band", "The National")]),
        ("children: Zoe, Leo", [("children", "Zoe"), ("children", "Leo")]),
        (
            "Notes: home=Austin; employer=Dell; job=controller",
            [("home", "Austin"), ("employer", "Dell"), ("job", "controller")],
        ),
        ("Profile update — employer: Dell (prev. Target).", [("employer", "Dell")]),
        ("- email: dana@example.com", [("email", "dana@example.com")]),
    ],
)
def test_a_notes_fields_are_keyed_as_the_user_would_say_them(
    mem: Longmem, collection: str, note: str, keyed: list[tuple[str, str]]
) -> None:
    facts = mem.remember(note, collection=collection)
    assert [(f["attribute"], f["value"]) for f in facts if f["attribute"]] == keyed


@pytest.mark.parametrize(
    ("held", "said"),
    [
        ("I'm working on an app called Ledgerly", "I shipped Ledgerly last week!"),
        ("I'm working on an app called Ledgerly", "User completed the Ledgerly project."),
        ("I'm working on an app called Ledgerly", "I stopped working on Ledgerly."),
        ("I have a dog named Biscuit", "Biscuit passed away last night."),
        ("I have a dog named Biscuit", "Biscuit crossed the rainbow bridge this morning"),
        ("I study at the University of Minnesota", "I graduated from the University of Minnesota!"),
        ("I study at the University of Minnesota", "I'm done with school, finally graduated!"),
        ("My husband is Omar", "Omar is my ex-husband now."),
        ("My husband is Omar", "Omar isn't my husband anymore."),
        ("My husband is Omar", "I'm a widow now."),
        ("I'm pescatarian", "I stopped being pescatarian."),
        ("I'm pescatarian", "User no longer follows a pescatarian diet."),
        ("My husband is Omar", "I broke up with my long-term boyfriend"),
        *_ROUND_22_ENDS,
    ],
)
def test_an_end_said_as_an_agents_users_say_it_retires_the_value(
    mem: Longmem, collection: str, held: str, said: str
) -> None:
    old = _held(mem, collection, held)
    mem.remember(said, collection=collection)
    assert old and _latest(mem, collection, old) == [False] * len(old)


@pytest.mark.parametrize(
    ("said", "keyed"),
    [
        ("I had a baby boy named Leo last Tuesday.", [("children", "Leo")]),
        ("We adopted a little girl named Mia.", [("children", "Mia")]),
        ("I gave birth to twins, Ada and Eli!", [("children", "Ada"), ("children", "Eli")]),
        ("new puppy!! her name is Pepper", [("pets", "puppy called Pepper")]),
        ("We adopted a rescue greyhound, Bolt.", [("pets", "rescue greyhound called Bolt")]),
        ("I have a cat now too, his name is Mochi.", [("pets", "cat called Mochi")]),
        ("I developed an allergy to latex.", [("allergies", "latex")]),
        ("New allergy unlocked: kiwi", [("allergies", "kiwi")]),
        *_ROUND_22_KEYED,
    ],
)
def test_a_child_a_pet_or_an_allergy_come_is_added_by_name(
    mem: Longmem, collection: str, said: str, keyed: list[tuple[str, str]]
) -> None:
    facts = mem.remember(said, collection=collection)
    assert [(f["attribute"], f["value"]) for f in facts if f["attribute"]] == keyed


@pytest.mark.parametrize(
    ("held", "said"),
    [
        ("I'm working on an app called Ledgerly", "I'm working on my taxes this weekend."),
        ("I'm working on an app called Ledgerly", "I'm working on a presentation for Monday."),
        ("I'm working on an app called Ledgerly", "I finished Dune last night"),
        ("I work at Target", "I'm working on a presentation for Monday."),
        ("My husband is Omar", "I broke up with my old phone carrier."),
        ("My husband is Omar", "Omar is my ex's new boyfriend"),
        ("I speak French", "I'm learning about keto for a client's budget plan."),
        ("I'm pescatarian", "Reddit post I read: 'I went vegan and lost 20 lbs'. Is that real?"),
        ("I live in Minneapolis", "Example sentence for my ESL class: 'I live in London.'"),
        ("I study at the University of Minnesota", "I graduated from a couch to 5k program"),
        ("I'm 41", "my 42nd birthday is next week"),
        ("I work as an accountant", "we work as a team"),
        ("I work as an accountant", "I follow vegan influencers"),
        ("I have a dog named Biscuit", "Sarah passed away last night"),
        # what the review of those rules found
        ("I work as a nurse", "I work as hard as I can"),
        ("I work as a nurse", "I've been working as a slave lol"),
        ("My name is Sam", "We usually go by Uber"),
        ("My name is Sam", "I changed my name to Mike on Tinder"),
        ("I have a dog named Biscuit", "Biscuit passed the vet check"),
        ("I have a dog named Biscuit", "Biscuit died laughing at me"),
        ("I study at UT Austin", "I finished my course of antibiotics"),
        ("I study at UT Austin", "I'm done with school for the day"),
        ("I study at UT Austin", "I graduated from Couch to 5K"),
        ("I study at UT Austin", "I transferred to the night shift this semester"),
        ("I live in Austin", "City: Tokyo or Osaka for a first trip?"),
        ("I'm allergic to peanuts", "Allergies: none"),
        ("My name is Sam", "Name: Mike Jones\nCompany: Stripe"),
        ("I work at Dell", "My employer is UK-based"),
        ("I work at Dell", "I've been working at Starbucks all morning"),
        ("I'm working on an app called Mise", "I'm building a playlist called Chill Vibes"),
        ("I'm working on an app called Mise", "We launched Mise on Product Hunt today!"),
        ("My wife is Dana", "Dana is my ex-colleague's sister"),
        ("My wife is Dana", "Dana is no longer my partner on the project"),
        ("I live in Austin", "User dreamed they moved to Mars"),
        ("I live in Austin", "My town is Springfield in the game"),
        ("I'm 34", "Officially 10 as of today, our company"),
    ],
)
def test_the_same_verbs_said_of_something_else_change_nothing(
    mem: Longmem, collection: str, held: str, said: str
) -> None:
    old = _held(mem, collection, held)
    facts = mem.remember(said, collection=collection)
    new = [
        (f["attribute"], f["value"])
        for f in facts
        if f["subject"] == "user" and f["attribute"] and not f.get("negated")
    ]
    assert new == []
    assert old and _latest(mem, collection, old) == [True] * len(old)


# 29. The twenty-second round: what a review of the rules for the cases above
# (_ROUND_22_…, asked by section 28's tests) found they must leave alone.


@pytest.mark.parametrize(
    ("held", "said"),
    [
        ("I have a dog named Biscuit", "I lost my dog Biscuit at the park, found him later"),
        ("I have a dog named Biscuit", "I lost Biscuit last night at the park, found him."),
        ("I have a dog named Biscuit", "rip my sleep schedule"),
        ("I have a dog named Biscuit", "RIP Biscuit squeaky toy, he destroyed it."),
        ("I have a dog named Biscuit", "RIP Biscuit (the dog from my childhood)."),
        ("I have a dog named Max", "RIP Max Verstappen's title hopes lol"),
        ("I have a dog named Biscuit", "I don't have a cat anymore."),
        ("I have a dog named Biscuit", "I don't have a dog in this fight."),
        ("I have a dog named Biscuit", "We don't have a dog at the office anymore."),
        ("I'm working on an app called Ledgerly", "I finished Ledgerly's landing page"),
        ("I'm working on an app called Ledgerly", "Ledgerly is done. Launching Monday!"),
        ("I'm working on an app called Ledgerly", "I finished Ledgerly today, shipping it!"),
        ("I'm working on an app called Ledgerly", "Ledgerly Pro is dead."),
        ("I'm working on an app called Ledgerly", "Ledgerly database is dead, restoring it."),
        ("I'm working on an app called Ledgerly", "I gave up on Ledgerly marketing."),
        ("I'm working on an app called Ledgerly", "I sold Ledgerly to my first customer!"),
        ("I'm working on an app called Ledgerly", "I put Ledgerly on the App Store"),
        ("I'm working on an app called Ledgerly", "I put Ledgerly aside for the weekend."),
        ("I'm working on an app called Ledgerly", "Ledgerly is dead simple to use"),
        ("I'm working on an app called Harvest", "Harvest is over."),
        ("I'm working on an app called Atlas", "I finished Atlas Shrugged last night."),
        ("I'm allergic to shellfish", "my son outgrew his peanut allergy"),
        ("I'm allergic to shellfish", "No more shellfish allergy jokes please."),
        ("I'm allergic to shellfish", "I got over my shellfish allergy scare."),
        ("I'm allergic to shellfish", "My shellfish allergy has gone from mild to severe."),
        ("I'm 41", "It was my 21st birthday party, best night ever"),
        ("I'm 41", "It's my 2nd birthday without Mom and it's hard."),
        ("My phone number is 612-555-0187", "Please use 10.0.0.1 instead."),
        ("My phone number is 612-555-0187", "Name: Mike Jones\nPhone: 555-123-4567"),
        ("My phone number is 612-555-0187", "Please use 651-555-0199 from now on for my mom."),
        ("I work at Target", "I jumped ship to Android last year."),
        ("I live in Minneapolis", "Since the move to Azure, deploys are slower."),
        ("I live in Minneapolis", "We might have ended up moving to Tampa if Omar got the job."),
        ("I live in Minneapolis", "Note: patient's current residence is Duluth."),
        ("I live in Minneapolis", "We're proud Minnesota residents."),
        ("I live in Minneapolis", "After the move to Austin in the fall I'll need a new dentist."),
        ("My daughter is Zoe", "Baby Leo arrived! Sarah and Mike are over the moon."),
        ("My daughter is Zoe", "baby Yoda is here lol"),
        ("My daughter is Zoe", "My sister had a baby named Leo"),
        (
            "I study at the University of Minnesota",
            "I attend the American Academy of Pediatrics conference every year.",
        ),
    ],
)
def test_the_twenty_second_rounds_words_said_of_something_else_change_nothing(
    mem: Longmem, collection: str, held: str, said: str
) -> None:
    old = _held(mem, collection, held)
    facts = mem.remember(said, collection=collection)
    new = [
        (f["attribute"], f["value"])
        for f in facts
        if f["subject"] == "user"
        and f["attribute"]
        and not f.get("negated")
        and f["relation"] != "duplicate"  # the held fact said again: harmless
    ]
    assert new == []
    assert old and _latest(mem, collection, old) == [True] * len(old)


@pytest.mark.parametrize("question", ["coffee", "do I drink coffee?", "what do I drink?"])
def test_a_value_said_again_after_its_end_is_found_by_its_word(
    plain: Longmem, collection: str, question: str
) -> None:
    # "I stopped drinking coffee" retires the coffee; "back on the coffee again", said
    # after it, names the value the key held before, but is not from before: found.
    for said, minutes in (
        ("I drink coffee.", 30),
        ("I stopped drinking coffee.", 20),
        ("back on the coffee again", 10),
    ):
        plain.remember(said, collection=collection, observed_at=_days_ago(0, minutes=minutes))
    hits = _texts(plain.search(question, collection=collection))
    assert "Back on the coffee again" in hits


def test_a_pronoun_months_later_after_someone_else_just_now_is_not_resolved(
    mem: Longmem, collection: str
) -> None:
    [son] = mem.remember("My son is 12.", collection=collection, observed_at="2025-01-10T10:00:00Z")
    mem.remember(
        "met my new neighbour's kid Sam today",
        collection=collection,
        observed_at="2025-09-10T10:00:00Z",
    )
    [fact] = mem.remember(
        "he's 13 now apparently", collection=collection, observed_at="2025-09-10T10:05:00Z"
    )
    assert fact["attribute"] is None
    assert mem.get(son["id"], collection=collection)["is_latest"]


# -- relatives by marriage -----------------------------------------------------------------


def test_a_relative_by_marriage_named_is_one_of_the_users_relatives(
    mem: Longmem, collection: str
) -> None:
    facts = mem.remember("my sister in law Rita works at Boots", collection=collection)
    assert ("User's sister-in-law is Rita", "user", "relatives", "Rita") in {
        (f["text"], f["subject"], f["attribute"], f["value"]) for f in facts
    }
    # … so her name alone later is her: the new home supersedes the old
    _said(
        mem,
        collection,
        [
            ("my MIL Carol lives in York", "2025-01-01T10:00:00Z"),
            ("Carol moved to Bath", "2025-06-01T10:00:00Z"),
        ],
    )
    homes = [
        (m["subject"], m["value"]) for m in _current(mem, collection) if m["attribute"] == "home"
    ]
    assert homes == [("mother-in-law:Carol", "Bath")]


@pytest.mark.parametrize(
    "said",
    [
        # law studied or worked in, not a relative by marriage
        "my brother in law school gets no sleep",
        "my sister in law enforcement says crime is up",
        # someone else's relative by marriage
        "Tom's sister-in-law Rita is a dentist",
        "my sister's son-in-law Dan is a cop",
        # the user is one
        "I'm a mother-in-law now",
        # spaced, at the start, without "my": no one the rules key (it had moved the mum)
        "Mother in law moved to Spain.",
        # spaced, before a noun: not read as one, so no one's ("User lives in Texas")
        "My brother in law enforcement moved to Texas.",
        # short, in another sense
        "Our SIL rating is 3 for the new plant.",
        "SIL is the safety integrity level we need.",
        "FIL is a file extension.",
        "SIL International publishes the Ethnologue.",
        "SIL has a huge language database",
        "MIL approved the contract",
        "Our FIL holdings grew a lot.",
        # several: no one the rules key, and not the brother
        "My brothers in law run a garage together.",
        "My MIL-spec watch broke",
        # to be, or once
        "My son-in-law-to-be is a chef.",
        "My ex MIL lives in Leeds.",
    ],
)
def test_what_only_looks_like_a_relative_by_marriage_keys_nothing(
    mem: Longmem, collection: str, said: str
) -> None:
    facts = mem.remember(said, collection=collection)
    assert [(f["subject"], f["attribute"]) for f in facts] == [(None, None)]  # a plain memory


@pytest.mark.parametrize(
    ("said", "kept"),
    [
        (("My mum lives in York.", "Mother in law moved to Spain."), ("mum:", "York")),
        (("I live in York.", "My sister in law relocated to Berlin for work."), ("user", "York")),
        (("I live in York.", "My brother in law bought a flat in Leeds."), ("user", "York")),
        (("My MIL lives in Bath.", "My ex MIL lives in Leeds."), ("mother-in-law:", "Bath")),
    ],
)
def test_a_relative_by_marriage_never_moves_the_user_or_the_mother(
    mem: Longmem, collection: str, said: tuple[str, str], kept: tuple[str, str]
) -> None:
    _tell(mem, collection, *said)
    homes = {
        (m["subject"], m["value"]) for m in _current(mem, collection) if m["attribute"] == "home"
    }
    assert kept in homes
    assert len([h for h in homes if h[0] == kept[0]]) == 1


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("where does my mother-in-law live?", "User's mother-in-law Jan lives in Leicester"),
        ("where does my mother in law live", "User's mother-in-law Jan lives in Leicester"),
        ("user mother-in-law city", "User's mother-in-law Jan lives in Leicester"),
        ("where does my mum live?", "User's mum lives in York"),
        ("what does my SIL do for work", "User's sister-in-law works as a nurse"),
        ("what does my sister-in-law do?", "User's sister-in-law works as a nurse"),
        ("what does my sister do?", "User's sister Anna works as a teacher"),
        ("how old is my father in law?", "User's father-in-law is 70 years old"),
        ("how old is my dad?", "User's dad is 68 years old"),
        ("what does my mil do?", "User's mother-in-law Jan works as a midwife"),
    ],
)
def test_a_question_of_a_relative_by_marriage_is_not_one_of_blood(
    mem: Longmem, collection: str, question: str, answer: str
) -> None:
    # (each had been answered first by the relative of the same word: "where does my
    # mother-in-law live?" by the mum's York)
    _tell(
        mem,
        collection,
        "My mum lives in York.",
        "My mother-in-law Jan lives in Leicester.",
        "My sister-in-law is a nurse.",
        "My sister Anna is a teacher.",
        "my FIL is 70",
        "my dad is 68",
        "my MIL is a midwife",
    )
    hits = mem.search(question, collection=collection, limit=5)
    assert _texts(hits)[0] == answer


@pytest.mark.parametrize(
    "said",
    ["Dad is visiting next week", "we're visiting at easter", "FIL is visiting tomorrow"],
)
def test_a_visit_said_by_when_is_no_place(mem: Longmem, collection: str, said: str) -> None:
    # (each had been a location "next week", "at easter", "tomorrow")
    facts = mem.remember(said, collection=collection)
    assert not [f for f in facts if f["attribute"] == "location"]


def test_who_a_relative_is_is_answered_by_that_relative_first(
    mem: Longmem, collection: str
) -> None:
    # (had been "User's aunt is Mary": every relative's name answered "who is my
    # mother-in-law?")
    _tell(mem, collection, "My cousin Sam lives in Leeds.", "My aunt Mary is a nurse.")
    _tell(mem, collection, "My mother-in-law lives in Bath.", "My grandma Rosa lives in Bath.")
    assert _texts(mem.search("who is my mother-in-law?", collection=collection))[0] == (
        "User's mother-in-law lives in Bath"
    )
    assert _texts(mem.search("who is my grandma?", collection=collection))[:2] == [
        "User's grandma is Rosa",
        "User's grandma Rosa lives in Bath",
    ]
    # … two relatives asked are both who they are
    _tell(mem, collection, "My uncle Jim lives in Hull.")
    both = _texts(mem.search("who are my aunts and uncles?", collection=collection))
    assert {"User's aunt is Mary", "User's uncle is Jim"} <= set(both)


@pytest.mark.parametrize(
    "said",
    [
        # a hope, a doubt, a supposition before a relative: no one's news, kept as said
        "Hopefully my sister is a nurse by summer.",
        "Unlikely my brother is vegan",
        "Hypothetically my brother works at Google",
        "Hopefully my brother is vegan",
        "Supposedly my aunt is vegan.",
    ],
)
def test_a_hope_or_a_doubt_before_a_relative_keys_nothing(
    mem: Longmem, collection: str, said: str
) -> None:
    # (each had keyed the user or, for a moment, the relative: "User is vegan")
    facts = mem.remember(said, collection=collection)
    assert [(f["attribute"], f["text"].split()[0]) for f in facts] == [(None, said.split()[0])]


@pytest.mark.parametrize(
    ("said", "value"),
    [
        ("I'm at this conference in Berlin till Friday", "this conference in Berlin"),
        ("I'm visiting Rome next week", "Rome"),
    ],
)
def test_a_stay_said_with_this_or_next_still_keys_where(
    mem: Longmem, collection: str, said: str, value: str
) -> None:
    facts = mem.remember(said, collection=collection)
    assert ("location", value) in {(f["attribute"], f["value"]) for f in facts}


def test_a_relative_named_with_an_accent_is_one_subject(mem: Longmem, collection: str) -> None:
    # (the relation fact had named "fiancée:Zanele", the job "fiancee:Zanele": her later
    # news went to the first, two people for one)
    _tell(mem, collection, "My fiancée Zanele is a nurse.", "Zanele moved to Leeds.")
    keyed = {m["subject"] for m in _current(mem, collection) if m["subject"] not in (None, "user")}
    assert keyed == {"fiancee:Zanele"}


@pytest.mark.parametrize(
    ("question", "answer", "not_first"),
    [
        # a relative's relative is neither that relative nor the user's of that word
        ("where does my brother's wife live?", "User's brother's wife Meg lives in Hull", "Ana"),
        ("what does my sister's husband do?", "User's sister's husband Tom works at Tesco", "Anna"),
        # … and a sibling's child is the nephew the collection knows
        ("how old is my sister's son?", "User's nephew Jake is 5 years old", "Anna"),
    ],
)
def test_a_relatives_relative_asked_is_not_the_relative_or_the_users_own(
    mem: Longmem, collection: str, question: str, answer: str, not_first: str
) -> None:
    # (each had been answered first by the user's wife, the sister, the sister's age)
    _tell(
        mem,
        collection,
        "My wife Ana lives in York.",
        "My brother Ben is 40.",
        "My brother's wife Meg lives in Hull.",
        "My sister Anna is 38 and works at Boots.",
        "My sister's husband Tom works at Tesco.",
        "My sister's son Jake is 5.",
    )
    hits = _texts(mem.search(question, collection=collection, limit=5))
    assert answer in hits
    assert not_first not in hits[0]


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        # someone's relative by their name is not the user's of that word (the user's
        # husband had been the only answer)
        ("what does Leah's husband do", "User's friend Leah's husband is a pilot"),
        # a friend asked by a name no fact keys is not the friend a fact keys (Hannah had
        # been first)
        ("friend Rhiannon city", "Rhiannon's place in Glasgow is always freezing"),
        # … who is when asked by that name
        ("where does my friend Hannah live", "User's friend Hannah has a flat in Brighton"),
        # … and so is one kept without a name, asked with it, and the question written
        # in Title Case (a review's probes: nothing had been found)
        ("what does my husband Tom do", "User's husband works as a software tester"),
        ("My Husband Job", "User's husband works as a software tester"),
    ],
)
def test_someone_asked_by_name_is_that_one_not_the_users_of_the_word(
    mem: Longmem, collection: str, question: str, answer: str
) -> None:
    _tell(
        mem,
        collection,
        "my friend Leah's husband is a pilot",
        "my husband's a software tester",
        "Rhiannon's place in Glasgow is always freezing",
        "my friend Hannah has a flat in Brighton",
    )
    assert _texts(mem.search(question, collection=collection, limit=5))[0] == answer


def test_whom_one_sees_or_rents_from_is_one_at_a_time_and_no_home(
    alone: Longmem, collection: str
) -> None:
    mem = alone  # "what did the doctor say about my knee?" reads the tenant's word counts
    _tell(
        mem,
        collection,
        "I live in Boston",
        "my GP is Dr Patel, she's been great about my back",
        "my therapist Joanne says I need to stop apologising",
        "landlord is Mr Okafor",
    )
    # a doctor one is moved to is the doctor now, and no home (it had been the home)
    mem.remember(
        "Dr Patel retired so I've been moved to Dr Hughes at the same practice",
        collection=collection,
    )
    mem.remember(
        "we rent from a management company called Kestrel Homes now", collection=collection
    )
    assert _texts(mem.search("who is my doctor", collection=collection))[0] == (
        "User's doctor is Dr Hughes"
    )
    assert _texts(mem.search("user landlord", collection=collection))[0] == (
        "User's landlord is Kestrel Homes"
    )
    assert _texts(mem.search("user therapist name", collection=collection))[0] == (
        "User's therapist is Joanne"
    )
    assert _texts(mem.search(WHERE, collection=collection))[0] == "User lives in Boston"
    # … asked as whose a thing is, the thing is asked ("when is my doctor's
    # appointment?" had been answered by who the doctor is)
    mem.remember("Doctor appointment on Tuesday at 9", collection=collection)
    assert _texts(mem.search("when is my doctor's appointment?", collection=collection))[0] == (
        "Doctor appointment on Tuesday at 9"
    )
    assert _texts(mem.search("what is my doctor's name", collection=collection))[0] == (
        "User's doctor is Dr Hughes"
    )
    mem.remember("my therapist said I should cut caffeine after 2pm", collection=collection)
    said = _texts(mem.search("what did my therapist say about caffeine", collection=collection))
    assert said[0] == "User's therapist said User should cut caffeine after 2pm"
    mem.remember("GP said my knee is just a sprain", collection=collection)
    said = _texts(mem.search("what did the doctor say about my knee?", collection=collection))
    assert "GP said User's knee is just a sprain" in said[:2]
    assert not said[0].startswith("User's doctor is")


def test_who_ones_partner_is_now_and_an_other_halfs_job_are_the_partners(
    mem: Longmem, collection: str
) -> None:
    _tell(
        mem,
        collection,
        "my boyfriend Kyle is picking me up after work",
        "kyle and I broke up",
        "mateo asked me to be his girlfriend last night!!!",
    )
    # "now" asked who, not where (the boyfriend's whereabouts had been asked: Kyle first)
    assert _texts(mem.search("who is my boyfriend now?", collection=collection))[0] == (
        "User's partner is Mateo"
    )
    # "other half" is the partner (nothing had been found)
    mem.remember("my partner Mateo is a fireman", collection=collection)
    assert "fireman" in _texts(mem.search("what's my other half's job", collection=collection))[0]


@pytest.mark.parametrize(
    ("said", "subject", "attribute", "value"),
    [
        # "he" or "she" after the one person the message named: them (it had waited for a
        # relative and then been kept as words)
        (
            "ran into Becky from primary school at the shops!! she's a vet now",
            "Becky",
            "job",
            "vet",
        ),
        (
            "catching up with Harriet, she's working for Greenpeace now",
            "Harriet",
            "employer",
            "Greenpeace",
        ),
    ],
)
def test_a_pronoun_after_the_one_person_named_is_theirs(
    mem: Longmem, collection: str, said: str, subject: str, attribute: str, value: str
) -> None:
    facts = mem.remember(said, collection=collection)
    assert (subject, attribute, value) in {
        (f["subject"], f["attribute"], f["value"]) for f in facts
    }
    # … never the user's ("catching up with Harriet, she's working for Greenpeace" had
    # keyed the user's employer)
    assert not [f for f in facts if f["subject"] == "user" and f["attribute"]]


@pytest.mark.parametrize(
    "said",
    [
        # … not after two, nor after a place and a name, nor after the user's own
        "saw Tom and Anna today, she's pregnant",
        "went to Paris with Becky, she's moving there",
        "my wife Yasmin and my daughter Salma, she is 4",
    ],
)
def test_a_pronoun_after_two_named_waits(mem: Longmem, collection: str, said: str) -> None:
    keyed = [f for f in mem.remember(said, collection=collection) if f["attribute"]]
    # (who the user's own are is keyed; nothing said after "she" is anyone's yet)
    said_of = [f for f in keyed if f["attribute"] not in ("partner", "children")]
    assert not [f for f in said_of if not f["subject"].startswith("~")]


def _found(mem: Longmem, collection: str, question: str) -> list[str]:
    return _texts(mem.search(question, collection=collection, limit=5))


@pytest.mark.parametrize(
    ("allergy", "question", "kept"),
    [
        ("I'm allergic to peanuts.", "can I eat peanuts?", "User is allergic to peanuts"),
        # a food the diet's words are said with, and one said in the singular
        ("coeliac, allergic to gluten", "can i eat gluten?", "User is allergic to gluten"),
        ("I'm allergic to peanut", "can I eat peanuts?", "User is allergic to peanut"),
    ],
)
def test_a_fact_no_later_answer_retires_stands_among_the_answers(
    mem: Longmem, collection: str, allergy: str, question: str, kept: str
) -> None:
    # A diet told since does not retire an allergy told before it: the allergy answers
    # beside the diet (it had been left out as said before the answer to the diet).
    _said(
        mem,
        collection,
        [(allergy, "2025-01-10T10:00:00Z"), ("I'm vegetarian now.", "2025-03-01T10:00:00Z")],
    )
    found = _found(mem, collection, question)
    assert found[0] == "User is vegetarian"
    assert [t for t in found if t.startswith(kept)]


def test_a_fact_said_before_of_what_the_answer_retires_stays_out(
    mem: Longmem, collection: str
) -> None:
    # … while what one liked to eat before a new diet is what the diet replaced, and a
    # fact that shares only whom it is of with the question is beside it
    _said(
        mem,
        collection,
        [
            ("I love steak.", "2025-01-10T10:00:00Z"),
            ("My sister Bex works as a solicitor in Manchester.", "2025-01-11T10:00:00Z"),
            ("I'm vegan now.", "2025-03-01T10:00:00Z"),
            ("Bex moved to London.", "2025-04-01T10:00:00Z"),
        ],
    )
    assert _found(mem, collection, "do I eat steak?") == ["User is vegan"]
    sister = _found(mem, collection, "where does my sister live?")
    assert not [t for t in sister if "Manchester" in t]


@pytest.mark.parametrize(
    ("relative", "someone", "question"),
    [
        (
            "my girlfriend Ana lives in Porto",
            "Inês moved to Manchester",
            "where does my girlfriend live",
        ),
        # a relative with no name is no one known by name alone either
        (
            "my mum lives in a village outside Cork",
            "Siobhan moved to Dublin",
            "where does my mum live now",
        ),
    ],
)
def test_someone_known_by_name_alone_answers_for_no_relative(
    mem: Longmem, collection: str, relative: str, someone: str, question: str
) -> None:
    _said(mem, collection, [(relative, "2025-01-10T10:00:00Z"), (someone, "2025-03-01T10:00:00Z")])
    found = _found(mem, collection, question)
    assert found and found[0].startswith("User's")
    assert not [t for t in found if someone.split()[0] in t]


@pytest.mark.parametrize(
    ("said", "question", "beside"),
    [
        # a fact said before the answer holds a word that only asks the attribute
        ("I'm really into live music, gig every other week", "where do i live?", "music"),
        ("i love old films, hitchcock especially", "how old am i?", "films"),
        ("i work at the phone shop on the high street", "what's my phone number?", "shop"),
    ],
)
def test_a_fact_said_before_the_answer_sharing_only_the_asking_word_stays_out(
    mem: Longmem, collection: str, said: str, question: str, beside: str
) -> None:
    _said(
        mem,
        collection,
        [
            (said, "2025-01-10T10:00:00Z"),
            ("moved to bristol last week!! i'm 41 now, new number is 07700 900123", SPRING_2025),
        ],
    )
    assert not [t for t in _found(mem, collection, question) if beside in t]


def test_a_name_taken_back_is_the_name(mem: Longmem, collection: str) -> None:
    # the name taken back answers "what's my name?" (it had been a plain memory, below
    # the name told first)
    _tell(
        mem,
        collection,
        "I'm Anjanette, I work as a nurse in Port of Spain.",
        "Divorce is final. Anjanette Ramdial again, back to my maiden name.",
    )
    found = _found(mem, collection, "what's my name?")
    assert found[0] == "Anjanette Ramdial again, back to User's maiden name"


def test_a_name_taken_supersedes_the_name_told_before(mem: Longmem, collection: str) -> None:
    _said(
        mem,
        collection,
        [
            ("I'm Sarah Miller, I work at Barclays.", "2025-01-10T10:00:00Z"),
            ("Sarah Okafor now, changed my name at the bank today", "2025-03-01T10:00:00Z"),
        ],
    )
    found = _found(mem, collection, "what's my surname?")
    assert found[0] == "Sarah Okafor now, changed User's name at the bank today"
    assert not [t for t in found if "Miller" in t]
    names = [m["value"] for m in _current(mem, collection) if m["attribute"] == "name"]
    assert names == ["Sarah Okafor"]
    # … and the maiden name is what held before
    for question in ("what was my maiden name?", "what was my name before i got married?"):
        assert _found(mem, collection, question)[0] == "User is called Sarah Miller"


def test_a_place_asked_about_brings_back_no_older_fact_naming_it(
    mem: Longmem, collection: str
) -> None:
    # "Leeds" is the place asked after, not what the question names of another family
    _said(
        mem,
        collection,
        [
            ("I work as a nurse in Leeds", "2025-01-05T10:00:00Z"),
            ("moved to York last month", "2025-03-01T10:00:00Z"),
        ],
    )
    assert _found(mem, collection, "do i still live in leeds?") == ["User lives in York"]


def _pets_and_owner(mem: Longmem, collection: str) -> None:
    _said(
        mem,
        collection,
        [
            ("I'm 34", "2025-01-02T10:00:00Z"),
            ("I'm vegetarian", "2025-01-05T10:00:00Z"),
            ("allergic to penicillin", "2025-01-06T10:00:00Z"),
            ("my dog Rex eats only raw food", "2025-01-10T10:00:00Z"),
            ("Rex turned 5 last week", "2025-01-11T10:00:00Z"),
            ("our cat Luna is allergic to fish", "2025-01-12T10:00:00Z"),
        ],
    )


@pytest.mark.parametrize(
    ("question", "first", "not_shown"),
    [
        ("how old is my dog?", "User's dog Rex is 5 years old", "User is 34 years old"),
        ("what does the dog eat?", "User's dog Rex eats only raw food", "User is vegetarian"),
        ("what does Rex eat?", "User's dog Rex eats only raw food", "User is vegetarian"),
        (
            "is my cat allergic to anything?",
            "User's cat Luna is allergic to fish",
            "User is allergic to penicillin",
        ),
        (
            "what is Luna allergic to?",
            "User's cat Luna is allergic to fish",
            "User is allergic to penicillin",
        ),
    ],
)
def test_a_question_about_a_pet_is_not_answered_with_the_users_own_fact(
    mem: Longmem, collection: str, question: str, first: str, not_shown: str
) -> None:
    _pets_and_owner(mem, collection)
    found = _found(mem, collection, question)
    assert found[0] == first
    assert not_shown not in found
    # … while the user's own question still finds the user's fact
    assert _found(mem, collection, "how old am i?")[0] == "User is 34 years old"


def test_which_pet_is_called_what_puts_the_asked_kind_first(mem: Longmem, collection: str) -> None:
    _pets_and_owner(mem, collection)
    assert _found(mem, collection, "what's my dog called?")[0] == "User has a dog called Rex"
    assert _found(mem, collection, "what's my cat called?")[0] == "User has a cat called Luna"


def test_which_of_two_brothers_is_asked_by_younger_or_older(mem: Longmem, collection: str) -> None:
    _said(
        mem,
        collection,
        [
            ("my younger brother Tom works at Google", "2025-01-05T10:00:00Z"),
            ("my elder brother Sam works at a bank in Leeds", "2025-01-06T10:00:00Z"),
        ],
    )
    tom, sam = "User's brother Tom works at Google", "User's brother Sam works at a bank in Leeds"
    for question, one, other in (
        ("where does my younger brother work?", tom, sam),
        ("where does my little brother work?", tom, sam),
        ("where does my big brother work?", sam, tom),
        ("where does my older brother work?", sam, tom),
    ):
        found = _found(mem, collection, question)
        assert found[0] == one
        assert other not in found
    found = _found(mem, collection, "who is my younger brother?")
    assert found[0] == "User's brother is Tom"
    # … and "my brother" is either of them
    assert {tom, sam} <= set(_found(mem, collection, "where does my brother work?"))


def test_one_brother_said_to_be_older_leaves_the_other_as_the_younger(
    mem: Longmem, collection: str
) -> None:
    _said(
        mem,
        collection,
        [
            ("my brother Tom is a chef", "2025-01-05T10:00:00Z"),
            ("Sam, my big brother, works at a bank in Leeds", "2025-01-06T10:00:00Z"),
        ],
    )
    found = _found(mem, collection, "what does my younger brother do?")
    assert found[0] == "User's brother Tom works as a chef"
    assert not [t for t in found if "Sam" in t and "bank" in t]


def test_the_eldest_or_youngest_child_is_the_one_said_so(mem: Longmem, collection: str) -> None:
    _said(
        mem,
        collection,
        [
            ("my eldest daughter Amy is at Oxford studying law", "2025-01-05T10:00:00Z"),
            ("my youngest daughter Mia goes to St Mary's primary", "2025-01-06T10:00:00Z"),
        ],
    )
    mia = "User's daughter Mia goes to St Mary's primary"
    for question in ("where does my eldest daughter study?", "what does our eldest study?"):
        found = _found(mem, collection, question)
        assert found[0] == "User's daughter Amy studies law"
        assert mia not in found
    assert _found(mem, collection, "where does my youngest daughter go to school?")[0] == mia


def test_what_a_pet_named_first_takes_is_the_pets(mem: Longmem, collection: str) -> None:
    # the dog's medicine, keyed to the dog (never the user's, nor a son called Max)
    keyed = [
        (f["subject"], f["attribute"], f["value"])
        for f in mem.remember(
            "My dog Max takes gabapentin for his arthritis", collection=collection
        )
        if f["attribute"]
    ]
    assert keyed == [("user", "pets", "dog called Max"), ("dog:Max", "medications", "gabapentin")]


def test_a_pets_age_said_again_supersedes_the_age_said_before(
    mem: Longmem, collection: str
) -> None:
    _said(
        mem,
        collection,
        [
            ("my dog Rex is 5 years old", "2025-01-10T10:00:00Z"),
            ("Rex turned 6 last week", "2026-01-20T10:00:00Z"),
        ],
    )
    ages = [
        (m["subject"], m["value"]) for m in _current(mem, collection) if m["attribute"] == "age"
    ]
    assert ages == [("dog:Rex", "6")]
    for question in ("how old is my dog?", "how old is rex?"):
        found = _found(mem, collection, question)
        assert found[0] == "User's dog Rex is 6 years old"
        assert "User's dog Rex is 5 years old" not in found


def test_a_pet_named_as_a_relative_is_never_that_relative(mem: Longmem, collection: str) -> None:
    _said(
        mem,
        collection,
        [
            ("my son Max is 9", "2025-01-05T10:00:00Z"),
            ("my dog Max is 3", "2025-03-06T10:00:00Z"),
        ],
    )
    ages = sorted(
        (m["subject"], m["value"]) for m in _current(mem, collection) if m["attribute"] == "age"
    )
    assert ages == [("dog:Max", "3"), ("son:Max", "9")]
    assert _found(mem, collection, "how old is my son?")[0] == "User's son Max is 9 years old"
    assert _found(mem, collection, "how old is my dog?")[0] == "User's dog Max is 3 years old"


@pytest.mark.parametrize(
    ("said", "kept"),
    [
        ("my dog Rex went to the vet today", "User's dog Rex went to the vet today"),
        ("our cat Luna sleeps all day", "User's cat Luna sleeps all day"),
        ("my dog Rex lives in Leeds with my mum", "User's dog Rex lives in Leeds with User's mum"),
    ],
)
def test_what_is_said_of_a_pet_named_first_is_kept(
    mem: Longmem, collection: str, said: str, kept: str
) -> None:
    # (only "User has a dog called Rex" had been stored: the rest was lost)
    texts = _texts(mem.remember(said, collection=collection))
    assert texts[0].startswith("User has a ")
    assert kept in texts


def test_a_pet_gone_is_not_asked_about_as_the_users(mem: Longmem, collection: str) -> None:
    _said(
        mem,
        collection,
        [
            ("my dog Buster is 13, hes slowing down a lot", "2025-01-10T10:00:00Z"),
            ("buster passed away last night. absolutely heartbroken", "2025-05-02T10:00:00Z"),
            ("we got a new puppy!! a cockapoo called Maisie", "2025-08-15T10:00:00Z"),
            ("my puppy Maisie is 12 weeks old", "2025-08-16T10:00:00Z"),
        ],
    )
    # (Buster's age, still stored, had come first)
    found = _found(mem, collection, "how old is my dog?")
    assert found[:1] == ["User's puppy Maisie is 12 weeks old"]
    assert not [text for text in found if "Buster" in text]


def test_which_sibling_is_said_after_the_name_too(mem: Longmem, collection: str) -> None:
    _said(
        mem,
        collection,
        [
            ("my brother Tom lives in Leeds", "2025-01-05T10:00:00Z"),
            ("Sam is my little brother and lives in London", "2025-03-10T10:00:00Z"),
        ],
    )
    assert _found(mem, collection, "where does my little brother live?")[0] == (
        "User's brother Sam lives in London"
    )
    found = _found(mem, collection, "where does my older brother live?")
    assert found[0] == "User's brother Tom lives in Leeds"
    assert "User's brother Sam lives in London" not in found


def test_one_child_keyed_by_two_words_is_one_child(mem: Longmem, collection: str) -> None:
    _said(
        mem,
        collection,
        [
            ("my little one Mia started school today!!", "2025-01-05T10:00:00Z"),
            ("my daughter Grace is 12", "2025-01-06T10:00:00Z"),
            ("my daughter Mia is 4", "2025-01-07T10:00:00Z"),
        ],
    )
    # Mia is kid:Mia and daughter:Mia: the little one, and her age is hers
    assert _found(mem, collection, "how old is my youngest daughter?")[0] == (
        "User's daughter Mia is 4 years old"
    )
    found = _found(mem, collection, "how old is my eldest daughter?")
    assert found[0] == "User's daughter Grace is 12 years old"
    assert "User's daughter Mia is 4 years old" not in found


@pytest.mark.parametrize(
    ("held", "parting", "left"),
    [
        (("I'm engaged.", "My fiancé is Theo."), "Theo and I broke up", "single"),
        (("I'm married.", "My husband is called Dan."), "We split up at Easter", "separated"),
        (("I'm engaged to Sam.", "I live in Leeds."), "I broke up with Sam", "single"),
        # a parting from no one named, and one from the partner said as leaving them
        (("I'm married.", "I live in Leeds."), "I left my husband last year", "separated"),
        (("I'm married.", "My husband is called Dan."), "I left Dan", "separated"),
        (("I'm married to Ray", "I live in Leeds."), "ray passed away last week", "widowed"),
    ],
)
def test_a_parting_leaves_the_user_single_or_separated(
    mem: Longmem, collection: str, held: tuple[str, str], parting: str, left: str
) -> None:
    # the partner had ended, and "engaged" or "married" had stayed current
    _tell(mem, collection, *held)
    facts = mem.remember(parting, collection=collection)
    [status] = [f for f in facts if f["attribute"] == "relationship"]
    assert (status["value"], status["relation"], status["statement"]) == (left, "updates", parting)
    current = {
        m["attribute"]: m["value"]
        for m in _current(mem, collection)
        if m["attribute"] and not m["negated"]
    }
    assert current["relationship"] == left
    assert "partner" not in current


@pytest.mark.parametrize(
    "said",
    [
        "Netflix and I broke up lol",  # no partner of the user's parted from
        "Dan and I got divorced",  # the relationship said itself
    ],
)
@pytest.mark.parametrize("partner", ["My husband is called Dan.", "I live in Leeds."])
def test_a_parting_from_no_partner_or_said_with_its_status_adds_no_status(
    mem: Longmem, collection: str, said: str, partner: str
) -> None:
    # (with no partner held, "Netflix and I broke up lol" had made the user separated)
    _tell(mem, collection, "I'm married.", partner)
    facts = mem.remember(said, collection=collection)
    statuses = [f["value"] for f in facts if f["attribute"] == "relationship"]
    assert statuses == ([] if said.startswith("Netflix") else ["divorced"])
    current = {m["attribute"]: m["value"] for m in _current(mem, collection) if m["attribute"]}
    assert current["relationship"] == ("married" if said.startswith("Netflix") else "divorced")


def test_leaving_an_employer_named_like_the_partner_is_a_job_left(
    mem: Longmem, collection: str
) -> None:
    # "I left Dan" parts from Dan the partner; "I left Dan's Diner" leaves the job
    _tell(mem, collection, "I work at Dan's Diner.", "My husband is called Dan.")
    [left] = mem.remember("I left Dan's Diner", collection=collection)
    assert (left["attribute"], left["negated"], left["relation"]) == ("employer", True, "updates")
    current = {m["attribute"]: m["value"] for m in _current(mem, collection) if m["attribute"]}
    assert current["partner"] == "Dan"


@pytest.mark.parametrize(
    ("said", "therapist"),
    [
        ("seeing a therapist, Dr Hale, every Wednesday", "Dr Hale"),
        ("I see a counsellor called Nadia", "Nadia"),
        ("I've been seeing a psychologist, Dr. Amara Obi, since March", "Dr. Amara Obi"),
        (
            "stopped seeing Dr Hale, now with a counsellor called Nadia on Mondays via BetterHelp",
            "Nadia",
        ),
    ],
)
def test_a_therapist_said_by_the_kind_then_the_name_is_the_therapist(
    mem: Longmem, collection: str, said: str, therapist: str
) -> None:
    mem.remember(said, collection=collection)
    held = [m for m in _current(mem, collection) if m.get("attribute") == "therapist"]
    assert [m["value"] for m in held] == [therapist]


@pytest.mark.parametrize(
    "said",
    [
        "seeing a therapist, Honestly it helps",
        "I'm seeing a therapist about it, honestly",
        "my friend is seeing a therapist called Bob",
    ],
)
def test_a_therapist_named_by_no_name_or_someone_elses_keys_none(
    mem: Longmem, collection: str, said: str
) -> None:
    mem.remember(said, collection=collection)
    assert not [m for m in _current(mem, collection) if m.get("attribute") == "therapist"]


def test_a_new_therapist_named_after_the_kind_supersedes_the_old(
    mem: Longmem, collection: str
) -> None:
    mem.remember(
        "seeing a therapist, Dr Hale, every Wednesday",
        collection=collection,
        observed_at="2022-05-01T10:00:00Z",
    )
    mem.remember(
        "stopped seeing Dr Hale, now with a counsellor called Nadia on Mondays via BetterHelp",
        collection=collection,
        observed_at="2023-05-01T10:00:00Z",
    )
    # (with what the clause says of her after her name, kept in the fact's text)
    assert _texts(mem.search("who's my therapist", collection=collection))[0] == (
        "User's therapist is Nadia on Mondays via BetterHelp"
    )
    assert _texts(mem.search("when is the user's therapy", collection=collection))[0] == (
        "User's therapist is Nadia on Mondays via BetterHelp"
    )


# Things said before, of nothing asked below: the arms rank among more than two.
_SAID_BEFORE = [
    (said, f"2022-0{month}-01T10:00:00Z")
    for month, said in enumerate(
        [
            "my favourite film is Paddington 2",
            "the dentist is on Church Road",
            "our neighbour Bill has a loud dog",
            "I am learning to bake sourdough",
            "the car insurance renews in March",
            "my sister lives in Bristol",
        ],
        start=1,
    )
]


@pytest.mark.parametrize("later", ["2023-06-01T10:00:00Z", "2023-01-10T10:00:00Z"])
def test_a_change_told_later_answers_before_what_it_changed(
    mem: Longmem, collection: str, later: str
) -> None:
    _said(
        mem,
        collection,
        [
            *_SAID_BEFORE,
            ("we do our weekly shop at Tesco in Hove", "2023-01-10T10:00:00Z"),
            ("switched our weekly shop to Aldi, so much cheaper", later),
        ],
    )
    hits = _texts(mem.search("which supermarket do we use?", collection=collection))
    told_later = later > "2023-01-10T10:00:00Z"
    # the change first when told in a later message; in the same breath, the words' order
    assert ("Aldi" in hits[0]) == told_later and ("Tesco" in hits[1]) == told_later
    # a question of what held before is answered by its words alone
    hits = _texts(mem.search("which supermarket did we use to go to?", collection=collection))
    assert "Tesco" in hits[0]


def test_a_change_told_later_does_not_pass_a_clearly_better_match(
    mem: Longmem, collection: str
) -> None:
    _said(
        mem,
        collection,
        [
            *_SAID_BEFORE,
            ("our energy supplier is Octopus, the app is great", "2023-01-10T10:00:00Z"),
            ("moved the boiler service to 3 May with British Gas", "2023-06-01T10:00:00Z"),
        ],
    )
    hits = mem.search("who is our energy supplier?", collection=collection)
    texts = _texts(hits)
    assert "Octopus" in texts[0] and "boiler service" in texts[1]
    assert hits[1]["score"] < 0.7 * hits[0]["score"]
