"""The bank and the gym one is with, through the client, against the real local server:
each is named ("moved everything over to Monzo", "signed up for PureGym"), one at a time
(a new one supersedes the last), and one closed or cancelled by its name is over."""

from __future__ import annotations

import pytest

from longmem import Longmem

from .held import current_facts, held_values


@pytest.mark.parametrize(
    ("said", "attribute", "value"),
    [
        ("I bank with Barclays, their app is fine", "bank", "Barclays"),
        ("moved everything over to Monzo, so much better", "bank", "Monzo"),
        ("switched banks to Starling, Lloyds was a nightmare", "bank", "Starling"),
        ("my bank is Nationwide", "bank", "Nationwide"),
        ("we bank with the Co-op Bank", "bank", "Co-op Bank"),
        (
            "been banking with Yorkshire Building Society for years",
            "bank",
            "Yorkshire Building Society",
        ),
        ("signed up for PureGym near work, £25 a month", "gym", "PureGym"),
        ("I joined PureGym", "gym", "PureGym"),
        (
            "switched to the council leisure centre, it has a pool",
            "gym",
            "the council leisure centre",
        ),
        ("switched gyms to Anytime Fitness, it's open 24/7", "gym", "Anytime Fitness"),
        ("I'm training at Third Space these days", "gym", "Third Space"),
        ("my gym is David Lloyd", "gym", "David Lloyd"),
    ],
)
def test_a_bank_or_gym_named_is_the_users(
    mem: Longmem, collection: str, said: str, attribute: str, value: str
) -> None:
    mem.remember(said, collection=collection)
    assert held_values(mem, collection, attribute) == [value]


@pytest.mark.parametrize(
    "said",
    [
        "moved to Halifax last year",  # a town
        "moved over to Monzo from Barclays, the team is great",  # a job
        "moved my savings to Chase",  # an account beside the bank
        "I work at Monzo",
        "switched to oat milk",
        "I go to the gym every day",  # which?
        "joined a gym",
        "I'm going to PureGym tonight",  # once
        "met someone at the climbing wall",
        "took the kids to the leisure centre",
        "joined PureGym as a personal trainer",  # a job
        "froze my PureGym membership for the summer",  # a pause
    ],
)
def test_what_names_no_bank_or_gym_of_the_users_keys_none(
    mem: Longmem, collection: str, said: str
) -> None:
    mem.remember(said, collection=collection)
    assert current_facts(mem, collection, "bank") == []
    assert current_facts(mem, collection, "gym") == []


def test_a_gym_joined_is_no_employer_unless_work_is_said(mem: Longmem, collection: str) -> None:
    mem.remember("I joined PureGym", collection=collection)
    assert current_facts(mem, collection, "employer") == []
    mem.remember("joined PureGym as a personal trainer", collection=collection)
    assert held_values(mem, collection, "employer") == ["PureGym"]


def test_a_new_bank_supersedes_and_one_closed_is_over(mem: Longmem, collection: str) -> None:
    mem.remember("I bank with Barclays", collection=collection)
    mem.remember(
        "moved everything over to Monzo, closed the Barclays account", collection=collection
    )
    assert held_values(mem, collection, "bank") == ["Monzo"]
    # a bank closed that is not the one held ends nothing
    mem.remember("closed my HSBC account at last", collection=collection)
    assert held_values(mem, collection, "bank") == ["Monzo"]
    mem.remember("closed my Monzo account", collection=collection)
    assert held_values(mem, collection, "bank") == []


def test_a_gym_cancelled_is_over_and_the_next_one_holds(mem: Longmem, collection: str) -> None:
    mem.remember("signed up for PureGym near work", collection=collection)
    mem.remember("cancelled puregym, too crowded", collection=collection)
    assert held_values(mem, collection, "gym") == []
    mem.remember("switched to the council leisure centre, it has a pool", collection=collection)
    assert held_values(mem, collection, "gym") == ["the council leisure centre"]


def test_search_and_profile_answer_with_the_bank_and_gym_of_now(
    mem: Longmem, collection: str
) -> None:
    said = [
        ("I bank with Barclays, their app is fine", "2022-01-01T10:00:00Z"),
        ("signed up for PureGym near work, £25 a month", "2023-01-04T10:00:00Z"),
        ("I work at Deloitte in Leeds", "2023-02-01T10:00:00Z"),
        ("moved everything over to Monzo, closed the Barclays account", "2023-04-01T10:00:00Z"),
        ("cancelled puregym, switched to the council leisure centre", "2023-06-20T10:00:00Z"),
    ]
    for text, when in said:
        mem.remember(text, collection=collection, observed_at=when)

    def first(question: str) -> str:
        return str(mem.search(question, collection=collection)[0]["text"])

    assert first("which bank am I with") == "User banks with Monzo"
    assert first("user bank") == "User banks with Monzo"
    assert first("which gym do I go to?") == "User's gym is the council leisure centre"
    # where one works out asks the gym, not the job nor the home
    assert first("where does the user work out") == "User's gym is the council leisure centre"
    assert first("where do I work?") == "User works at Deloitte in Leeds"
    profile = mem.profile(collection)["profile"]
    assert "User banks with Monzo" in profile and "banks with Barclays" not in profile
    assert "gym is the council leisure centre" in profile and "PureGym" not in profile


def test_a_relatives_bank_is_theirs(mem: Longmem, collection: str) -> None:
    mem.remember("I bank with Barclays", collection=collection)
    mem.remember("my mum banks with Halifax", collection=collection)
    assert held_values(mem, collection, "bank") == ["Barclays"]
    hits = mem.search("which bank does my mum use?", collection=collection)
    assert hits[0]["text"] == "User's mum banks with Halifax"
