"""The user's vehicles, through the client, against the real local server: a make or
model said makes one ("picked up a used 2016 Honda Civic", "my VW Golf needs an MOT"),
several may be had at once, and one sold, scrapped or traded in is had no more — by the
part of its name said ("sold the civic"), or by its kind when it is the only one ("sold
my car")."""

from __future__ import annotations

import pytest

from longmem import Longmem

from .held import current_facts, held_values


@pytest.mark.parametrize(
    ("said", "value"),
    [
        ("just picked up a used 2016 Honda Civic, first car", "2016 Honda Civic"),
        ("I drive a Fiat 500, is it ok to use normal screenwash in winter", "Fiat 500"),
        ("my car is a 2015 Golf", "2015 Golf"),
        ("got a new car, a Kia Niro EV", "Kia Niro EV"),
        ("I ride a Vespa to work", "Vespa"),
        ("my VW Golf needs an MOT, what usually fails", "VW Golf"),
        ("we have a 2012 Toyota Yaris", "2012 Toyota Yaris"),
        ("I've got a tesla model 3", "tesla model 3"),
    ],
)
def test_a_make_or_model_said_is_a_vehicle_of_the_users(
    mem: Longmem, collection: str, said: str, value: str
) -> None:
    mem.remember(said, collection=collection)
    assert held_values(mem, collection, "vehicles") == [value]


@pytest.mark.parametrize(
    "said",
    [
        "I drive a hard bargain",
        "sold the golf clubs on eBay",
        "my Tesla shares are down again",
        "I sold a Toyota today at work",  # a sale made at work
        "thinking of buying a Tesla",
        "my dad's Tesla is gorgeous",
        "we test drove a Tesla yesterday",
        "my Yamaha piano needs tuning",
        "I hired a car for the weekend, a Toyota Corolla",
        "got a bike for Christmas",
        "sold the house!!",
    ],
)
def test_what_names_no_vehicle_of_the_users_keys_none(
    mem: Longmem, collection: str, said: str
) -> None:
    mem.remember(said, collection=collection)
    assert current_facts(mem, collection, "vehicles") == []


@pytest.mark.parametrize(
    ("owned", "gone", "now"),
    [
        (
            "just picked up a used 2016 Honda Civic, first car",
            "sold the civic this weekend, traded up to a Tesla Model 3",
            ["Tesla Model 3"],
        ),
        (
            "my VW Golf needs an MOT, what usually fails",
            "traded in the Golf for a Kia Niro last week",
            ["Kia Niro"],
        ),
        ("my car is a 2015 Golf", "I sold my car", []),
        ("I ride a Vespa to work", "we sold the vespa, I cycle to work now", []),
        ("we have a 2012 Toyota Yaris", "finally scrapped the old Yaris", []),
        # taken, or handed back
        ("got a Vespa Primavera for zipping around Rome", "vespa got stolen outside Termini", []),
        ("cycle to work every day on my Brompton", "my Brompton got nicked outside Tesco", []),
        (
            "lease on the BMW 320d ends in March",
            "handed back the BMW, went for a Kia EV6 on salary sacrifice",
            ["Kia EV6"],
        ),
        # by its model's code, or its kind ("camper") when it is the one held
        (
            "commute on my Yamaha MT-07, beats the tube",
            "sold the MT-07, baby on the way, bought a Volvo XC40",
            ["Volvo XC40"],
        ),
        ("we bought a VW California camper for weekend trips!", "sold the camper", []),
        # replaced, said by a pronoun or "instead": the one held before
        (
            "we've got the Honda Jazz",
            "the Jazz's gearbox went, replaced it with a Toyota Yaris hybrid",
            ["Toyota Yaris"],
        ),
        ("bought a VanMoof, two weeks in and I love it", "got a Cowboy instead", ["Cowboy"]),
    ],
)
def test_a_vehicle_sold_or_traded_in_is_had_no_more(
    mem: Longmem, collection: str, owned: str, gone: str, now: list[str]
) -> None:
    mem.remember(owned, collection=collection)
    [held] = current_facts(mem, collection, "vehicles")
    mem.remember(gone, collection=collection)
    assert held_values(mem, collection, "vehicles") == now
    assert held["id"] not in {m["id"] for m in current_facts(mem, collection, "vehicles")}
    assert held["value"] not in " ".join(held_values(mem, collection, "vehicles"))


def test_a_kind_alone_ends_no_vehicle_of_several(mem: Longmem, collection: str) -> None:
    mem.remember("we have a 2012 Toyota Yaris", collection=collection)
    mem.remember("bought a Honda Jazz for my commute", collection=collection)
    assert held_values(mem, collection, "vehicles") == ["2012 Toyota Yaris", "Honda Jazz"]
    mem.remember("sold my car", collection=collection)  # which one?
    assert held_values(mem, collection, "vehicles") == ["2012 Toyota Yaris", "Honda Jazz"]
    mem.remember("sold the yaris to my neighbour", collection=collection)
    assert held_values(mem, collection, "vehicles") == ["Honda Jazz"]


def test_search_and_profile_answer_with_the_vehicle_had_now(mem: Longmem, collection: str) -> None:
    mem.remember(
        "just picked up a used 2016 Honda Civic, first car",
        collection=collection,
        observed_at="2024-01-01T10:00:00Z",
    )
    mem.remember(
        "sold the civic this weekend, traded up to a Tesla Model 3",
        collection=collection,
        observed_at="2024-06-01T10:00:00Z",
    )
    for question in ("what car do I drive", "what vehicle does the user own?"):
        hits = mem.search(question, collection=collection)
        assert hits[0]["text"] == "User has a Tesla Model 3"
        assert not any(h["text"] == "User has a 2016 Honda Civic" for h in hits)
    profile = mem.profile(collection)["profile"]
    assert "Tesla Model 3" in profile and "2016 Honda Civic" not in profile


def test_what_one_drives_is_asked_by_the_verb_not_by_a_drive(mem: Longmem, collection: str) -> None:
    for said in (
        "I live in Leeds",
        "started at Arup in Manchester last month, the commute is a killer",
        "I drive a Skoda Octavia",
        "my daughter Mia is learning to drive",
    ):
        mem.remember(said, collection=collection)

    def first(question: str) -> str:
        return str(mem.search(question, collection=collection)[0]["text"])

    assert first("what do I drive") == "User has a Skoda Octavia"
    assert first("what does the user drive these days?") == "User has a Skoda Octavia"
    # a drive, or driving learnt, is no vehicle asked
    assert first("is anyone in my family learning to drive?") == (
        "User's daughter Mia is learning to drive"
    )
    assert first("how long is my drive to work") == "User works at Arup in Manchester"


def test_a_bike_asked_after_is_a_vehicle_asked(mem: Longmem, collection: str) -> None:
    mem.remember(
        "hi, my bike (a grey trek fx2) i lock at liverpool street station, which lock is best?",
        collection=collection,
        observed_at="2023-09-11T10:00:00Z",
    )
    mem.remember(
        "now I have a brompton so i can bring it inside the office",
        collection=collection,
        observed_at="2023-10-21T10:00:00Z",
    )
    for question in ("what bike do i have", "the bicycle the user currently owns"):
        assert mem.search(question, collection=collection)[0]["text"] == "User has a brompton"


def test_a_replacement_with_none_held_before_ends_nothing(mem: Longmem, collection: str) -> None:
    mem.remember("bought a Triumph Bonneville to replace it", collection=collection)
    assert held_values(mem, collection, "vehicles") == ["Triumph Bonneville"]
    assert [m for m in current_facts(mem, collection, "vehicles") if m.get("negated")] == []
    # a model's code sold, none of that name held: the words alone
    mem.remember("sold the PS5", collection=collection)
    assert held_values(mem, collection, "vehicles") == ["Triumph Bonneville"]
    texts = [m["text"] for m in mem.list_memories(collection=collection)]
    assert any("sold the ps5" in t.lower() for t in texts)
    assert not any("no longer has a PS5" in t for t in texts)


def test_a_relatives_vehicle_traded_is_theirs(mem: Longmem, collection: str) -> None:
    mem.remember(
        "we've got the Honda Jazz and my husband Rob drives a Ford Ranger for work",
        collection=collection,
    )
    mem.remember("Rob traded the Ranger in for an Isuzu D-Max", collection=collection)
    assert held_values(mem, collection, "vehicles") == ["Honda Jazz"]
    hits = mem.search("what does my husband drive?", collection=collection)
    assert hits[0]["text"] == "User's husband Rob has an Isuzu D-Max"
    assert "User's husband Rob has a Ford Ranger" not in [h["text"] for h in hits]
