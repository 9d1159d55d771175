"""What things of the kind a question asks for a memory says (kinds.py)."""

from __future__ import annotations

from typing import Callable

import pytest

from longmem.server.extract.places import places_in
from longmem.server.kinds import (
    KIND_ATTRIBUTES,
    ages_in,
    names_in,
    news,
    occupations_in,
    organisations_in,
    someone_elses,
)

from ..cost import least_cpu


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Officially a Hobart girl now", ["Hobart"]),
        ("In Toronto now, Scarborough, staying with my aunt", ["Toronto", "Scarborough"]),
        ("moved from Port of Spain to Delft", ["Port of Spain", "Delft"]),  # longest first
        ("the bay is lovely this time of year", []),  # not written as a name
        ("back in March, see you Sun", []),  # a month and a day, not Marche or Sun City
        ("La la land", []),  # two letters
        ("User got a postdoc at Trinity", []),  # no such place
    ],
)
def test_a_place_is_a_known_place_written_as_a_name(text: str, found: list[str]) -> None:
    assert places_in(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Delft is so flat", ["Delft"]),
        ("Abuja life is different o", ["Abuja"]),
        ("Toronto, baby!", ["Toronto"]),
        ("Elif is with the Izmir municipality now", ["Izmir"]),  # within a sentence
        ("Liverpool smashed Manchester United 5-0", []),  # a team
        ("Leeds fans are so loud", []),
        ("New York trip booked", []),
        ("Denver Nuggets are unstoppable", []),
        ("Canada Goose jacket on sale", []),
    ],
)
def test_a_place_opening_a_text_is_the_place_unless_a_thing_is_named_after_it(
    text: str, found: list[str]
) -> None:
    assert news("location", text, []) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Been seeing this woman Priyanka", ["Priyanka"]),
        ("Ama had a baby boy, Kofi", ["Kofi"]),  # a sentence's first word may be any word
        ("She's a GP, early days", []),  # all capitals
        ("User met up on Monday in May", []),  # the user, a day, a month
        ("he said it was fine", []),
    ],
)
def test_a_name_is_a_capitalised_word_after_a_sentences_first(text: str, found: list[str]) -> None:
    assert names_in(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("28 liao", ["28"]),
        ("36!", ["36"]),
        ("turned 40 in May", ["40"]),
        ("User is 35 years old", ["35"]),
        ("5 min from the water", []),
        ("2 weeks in Bali", []),
        ("12 years ago", []),
        ("the 2nd of November", []),
        ("22 Aug", []),
        ("£30 a month", []),
        ("at 9:30", []),
        ("she weighed 3.4kg", []),
        ("working 14 hours a day", []),
        ("User is 6 ft tall", []),  # a unit
        ("User is in Form 5 now", []),  # a numbered thing, whatever follows
        ("Turning 30 today", ["30"]),
        ("born in 1990", []),  # a year, not an age
        ("she's 3 now", ["3"]),
        ("Haha. 29. Feeling old", ["29"]),  # a sentence of its own
        ("I have 3 kids", []),  # counts, scores and numbered things
        ("top 10 list", []),
        ("finishing Form 5", []),
        ("bus 73 was late", []),
        ("I scored 95 on the test", []),
        ("the 49ers won", []),
    ],
)
def test_an_age_is_a_number_one_may_be_standing_alone(text: str, found: list[str]) -> None:
    assert ages_in(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Senior product designer, start next month", ["designer"]),
        ("She's a park ranger at Rocky Mountain", ["ranger"]),
        ("two nurses in the flat", ["nurses"]),  # a plural counts
        ("the dog ate my slippers again", []),
        ("designed a logo for fun", []),  # a word of the same root is not one
        ("The surgeon was so rude today", []),  # someone else's
        ("Dentist says I need a filling", []),  # a note about someone, opening the text
        ("my lawyer called", []),
        ("Job hunting for my husband, he wants to be a chef", []),
    ],
)
def test_an_occupation_is_a_word_for_one(text: str, found: list[str]) -> None:
    assert occupations_in(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("User got the offer from KPMG Toronto", ["KPMG"]),  # in capitals too
        ("User moved up at Emzor", ["Emzor"]),
        ("joined Deloitte last week, working for the NHS before", ["Deloitte", "NHS"]),
        ("Emzor is great", []),  # a sentence's first word may be any word
        ("Watching the Lakers", []),  # not after a word of working somewhere
        ("Trip to Paris with Chloe", []),
        ("ordered from Amazon again", []),
        ("the TV at work died", []),
        ("the dog ate my slippers again", []),
    ],
)
def test_an_organisation_is_a_name_or_capitals_after_a_word_of_working_there(
    text: str, found: list[str]
) -> None:
    assert organisations_in(text) == found


def test_each_kind_is_asked_by_its_attributes() -> None:
    told = "Been seeing Priyanka, 28 now, a nurse at KPMG in Hobart"
    assert news("home", told, []) == news("location", told, []) == ["Hobart"]
    assert news("age", told, []) == ["28"]
    assert news("partner", told, []) == ["Priyanka", "Hobart"]  # "seeing" says a partner
    assert news("children", told, []) == []  # nothing says a child
    assert news("children", "We had a baby girl, Nora!", []) == ["Nora"]
    assert news("name", "Her name is Lucia", []) == ["Lucia"]
    # A name with no word of a partner beside it is no partner: "Kofi bought a Toyota"
    # said nothing of whom Kofi married ("Kofi married Ama last week" does).
    assert news("partner", "Kofi bought a Toyota", []) == []
    assert news("partner", "Kofi married Ama last week", []) == ["Ama"]
    assert news("job", told, []) == ["nurse"]
    assert news("employer", told, []) == ["KPMG"]
    assert news("diet", told, []) == [] and "diet" not in KIND_ATTRIBUTES
    assert {"home", "age", "partner", "job", "employer"} <= KIND_ATTRIBUTES


def test_a_place_visited_is_no_home_but_is_where_one_is() -> None:
    for text in ("Weekend in Brighton with the girls", "booked flights to Bali", "back from Rome"):
        assert news("home", text, []) == [], text
        assert news("location", text, []) != [], text
    assert news("home", "Moved to Bristol, loving it so far", []) == ["Bristol"]
    assert news("home", "Loving Bristol", []) == []  # nothing says it changed


@pytest.mark.parametrize(
    ("text", "elses"),
    [
        ("User's parents are in Durban now", True),
        ("Sis got a place in Perth", True),
        ("Zoe's friend Lily slept over", True),
        ("Mum is in Durban", True),
        ("She's a trainee lawyer at Morais Leitão now", True),
        ("Aisha is moving to Aberdeen", True),  # a name before a verb
        ("User's new flat in Leeds is tiny", False),  # the user's own
        ("User lives in Durban now", False),
        ("Officially a Hobart girl now", False),
        ("It's a big move, Toronto here we come", False),
        ("Delft is so flat", False),  # a place, not a name
    ],
)
def test_a_text_opening_on_someone_else_is_theirs(text: str, elses: bool) -> None:
    assert someone_elses(text) is elses


def test_a_home_a_job_or_an_employer_is_news_only_beside_a_word_of_change() -> None:
    assert news("home", "Reading on the train to York", []) == []
    assert news("home", "Officially a York resident now", []) == ["York"]
    assert news("job", "A nurse at A&E was rude", []) == []
    assert news("job", "Started as a nurse at A&E", []) == ["nurse"]
    assert news("employer", "golf with Steve from Arup", []) == []
    assert news("employer", "got the offer from Arup", []) == ["Arup"]
    assert news("home", "Hove here User comes", []) == ["Hove"]  # as the sentence is stored
    assert news("age", "28 liao", []) == ["28"]  # an age is read strictly on its own
    # a change hedged is a wish, as remember reads a plan
    assert news("home", "thinking about moving to Bergen next year, maybe", []) == []
    assert news("home", "Thinking about Valencia for retirement, new chapter", []) == []
    assert news("job", "might start as a nurse at the Royal", []) == []
    assert news("home", "Moved to Leeds because we want a garden", []) == ["Leeds"]


def test_when_nothing_else_answers_no_word_of_change_is_needed() -> None:
    # told=False: no arm found anything for the question
    assert news("home", "The heat here in Perth is ridiculous", [], told=False) == ["Perth"]
    assert news("job", "A nurse at A&E was rude", [], told=False) == []  # a job needs one
    assert news("job", "After years of teaching, retraining as a plumber", []) == ["plumber"]
    assert news("employer", "Badge photo day at Novo Nordisk", [], told=False) == ["Novo"]
    # … but still none that is not one's yet or any more, nor hedged, nor visited
    for text in (
        "Interviewing at Canva next week",
        "applied at Canva",
        "Leaving do at Leeds on friday",
        "might move to Perth",
    ):
        assert news("employer", text, [], told=False) == news("home", text, [], told=False) == []
    assert news("home", "going to be based in Leeds", [], told=False) == []
    assert news("home", "Weekend in Brighton with the girls", [], told=False) == []
    # told=False asks less than told=True, never more: a word of change still suffices,
    # and a place said as left is still not news
    for text, attribute, found in (
        ("first week up in Glasgow done, left Leeds behind", "home", ["Glasgow"]),
        ("Finally settled in Glasgow after leaving Leeds", "home", ["Glasgow"]),
        ("Started at Canva today, left Atlassian on friday", "employer", ["Canva"]),
    ):
        assert news(attribute, text, []) == news(attribute, text, [], told=False) == found


@pytest.mark.parametrize(
    ("attribute", "text", "held", "found"),
    [
        ("home", "moved from Port of Spain to Toronto", [], ["Toronto"]),  # what was left
        ("home", "New routine: User takes the ferry over from Lévis", [], ["Lévis"]),
        ("employer", "Leaving Panasonic was scary", [], []),
        ("employer", "User quit the Co-op, now at Aldi", [], ["Aldi"]),
        ("home", "Officially a Hobart girl now", ["Sandy Bay"], ["Hobart"]),
        ("home", "Loving Oak Park so far", ["Oak Park"], []),  # what the key holds
        ("partner", "Keisha and User just hit 2 years, love Keisha", ["Keisha"], []),
        ("age", "27 and counting", ["27"], []),
        ("home", "User grew up in Accra actually", [], []),
        ("home", "Born and raised in Izmir", [], []),
        ("home", "User is originally from Lagos", [], []),
        ("home", "User said goodbye to London for good", [], []),
        ("partner", "ran into my ex Jake at the gym, awkward date", [], []),
    ],
)
def test_news_is_neither_a_value_held_nor_one_left(
    attribute: str, text: str, held: list[str], found: list[str]
) -> None:
    assert news(attribute, text, held) == found


@pytest.mark.parametrize(
    ("read", "before", "run"),
    [
        (lambda text: news("home", text, []), "now in ", "Leeds, "),  # each Leeds, cubic
        (lambda text: news("job", text, []), "now ", "nurse "),
        (lambda text: news("employer", text, []), "now ", "at Acme "),
        (lambda text: news("age", text, []), "", "is 30 now, "),
        (ages_in, "I am ", "1 "),  # a number, the words before it
        (lambda text: news("home", text, [], told=False), "now trip", " "),  # then "x Leeds"
    ],
)
def test_a_memory_of_one_thing_said_many_times_is_read_in_time_linear_in_its_length(
    read: Callable[[str], object], before: str, run: str
) -> None:
    # Search reads every memory it may answer with so: each thing was judged by a search
    # from the text's start, for each time it was said (a 2,500-character memory took
    # 11 s a search). A ratio: four times the text, about four times the CPU.
    def cost(chars: int) -> float:
        text = before + run * (chars // len(run)) + "x Leeds"
        return least_cpu(lambda: read(text))

    assert cost(8000) < 8 * cost(2000)
