"""What kind of thing a memory says, for a question that asks for one (kinds.py)."""

from __future__ import annotations

import pytest

from longmem.server.extract.places import names_a_place
from longmem.server.kinds import (
    kind_of,
    names_a_person,
    names_an_occupation,
    names_an_organisation,
    says_an_age,
)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("Officially a Hobart girl now", True),
        ("In Toronto now, Scarborough, staying with my aunt", True),
        ("Delft is so flat and everyone cycles", True),
        ("renting in Port of Spain", True),  # a name with a small word inside
        ("the bay is lovely this time of year", False),  # not written as a name
        ("back in March, see you Sun", False),  # a month and a day, not Marche or Sun City
        ("La la land", False),  # two letters
        ("User got a postdoc at Trinity", False),  # no such place
    ],
)
def test_a_place_is_a_known_place_written_as_a_name(text: str, says: bool) -> None:
    assert names_a_place(text) is says


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("Been seeing this woman Priyanka", True),
        ("Ama had a baby boy, Kofi", True),
        ("Priyanka is lovely", False),  # a sentence's first word may be any word
        ("She's a GP, early days", False),  # all capitals
        ("User met up on Monday in May", False),  # the user, a day, a month
        ("he said it was fine", False),
    ],
)
def test_a_person_is_a_name_after_a_sentences_first_word(text: str, says: bool) -> None:
    assert names_a_person(text) is says


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("28 liao", True),
        ("36!", True),
        ("turned 40 in May", True),
        ("User is 35 years old", True),
        ("5 min from the water", False),
        ("2 weeks in Bali", False),
        ("12 years ago", False),
        ("the 2nd of November", False),
        ("22 Aug", False),
        ("£30 a month", False),
        ("at 9:30", False),
        ("she weighed 3.4kg", False),
        ("working 14 hours a day", False),
        ("born in 1990", False),  # a year, not an age
    ],
)
def test_an_age_is_a_number_one_may_be_standing_alone(text: str, says: bool) -> None:
    assert says_an_age(text) is says


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("Senior product designer, start next month", True),
        ("She's a park ranger at Rocky Mountain", True),
        ("two nurses in the flat", True),  # a plural counts
        ("the dog ate my slippers again", False),
        ("designed a logo for fun", False),  # a word of the same root is not one
    ],
)
def test_an_occupation_is_a_word_for_one(text: str, says: bool) -> None:
    assert names_an_occupation(text) is says


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("User got the offer from KPMG Toronto", True),  # in capitals
        ("User moved up at Emzor", True),
        ("Emzor is great", False),  # a sentence's first word may be any word
        ("User met up on Monday", False),
        ("the dog ate my slippers again", False),
    ],
)
def test_an_organisation_is_a_name_or_capitals_after_a_first_word(text: str, says: bool) -> None:
    assert names_an_organisation(text) is says


def test_each_kind_is_asked_by_its_attributes() -> None:
    assert kind_of("home") is names_a_place and kind_of("location") is names_a_place
    assert kind_of("age") is says_an_age
    assert kind_of("partner") is names_a_person and kind_of("children") is names_a_person
    assert kind_of("job") is names_an_occupation
    assert kind_of("employer") is names_an_organisation
    assert kind_of("diet") is None and kind_of("allergies") is None
