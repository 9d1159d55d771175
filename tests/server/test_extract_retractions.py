"""What a message takes back as it is typed (the forty-fifth round): a value put right
after "no wait", "sorry, I mean", "actually"; words taken back that name whose they were,
said of them; words taken back for nothing, kept as said and keying nothing; words taken
back for a whole statement after them. Each
had kept the value taken back (or keyed it and kept the words after as a memory); each
near miss reads as it did."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from longmem.server.extract import RuleExtractor

NOW = datetime(2026, 12, 3, 12, 0, tzinfo=timezone.utc)
EXTRACTOR = RuleExtractor()


def _keys(content: str) -> list[tuple[str, str, str | None, bool]]:
    return [
        (f.subject, f.attribute, f.value, f.negated)
        for f in EXTRACTOR.extract(content, NOW)
        if f.attribute is not None
    ]


@pytest.mark.parametrize(
    ("content", "wanted"),
    [
        # a value put right, in the words taken back
        ("I live in Leeds, no wait, Bradford", [("user", "home", "Bradford", False)]),
        ("I'm 34, no wait, 35", [("user", "age", "35", False)]),
        ("I live in Leeds - sorry, I mean Bradford", [("user", "home", "Bradford", False)]),
        ("I live in Hull, actually Beverley", [("user", "home", "Beverley", False)]),
        ("I'm a teacher, no wait, an engineer", [("user", "job", "engineer", False)]),
        ("I work at Tesco. Correction: Asda", [("user", "employer", "Asda", False)]),
        (
            "my sister lives in Leeds. no wait, it's Bradford",
            [("sister:", "home", "Bradford", False)],
        ),
        # what the sentence says after the value stays
        ("he's 13 now... wait no, still 12, birthday's next week", [("~he", "age", "12", False)]),
        # a whole statement meant instead: the words taken back gone, with their time
        ("I work at Tesco. scratch that, I work at Asda", [("user", "employer", "Asda", False)]),
        (
            "I'm moving to Bath next month, scratch that, we're staying in York",
            [("user", "home", "York", False)],
        ),
        # the sentences after it read as they were (had been glued to the value)
        (
            "i live in sheffield, no wait, rotherham. my son is 5",
            [("user", "home", "rotherham", False), ("son:", "age", "5", False)],
        ),
        (
            "I work at Aldi, no wait, Lidl. my wife works at Boots",
            [("user", "employer", "Lidl", False), ("wife:", "employer", "Boots", False)],
        ),
        (
            "I'm a nurse - sorry, a midwife. can you help me with a cv",
            [("user", "job", "midwife", False)],
        ),
        ("we live in Brighton, no wait it's Hove actually", [("user", "home", "Hove", False)]),
        # a statement meant instead said with someone beside the user; a filler after
        (
            "I live in Leeds. scratch that, my wife and I moved to York",
            [("user", "home", "York", False)],
        ),
        ("I'm a chef, I mean a sous chef technically", [("user", "job", "sous chef", False)]),
        # a month for a month, a year for a year (had made June the home)
        ("moving to Spain in May, no wait, June", [("user", "home", "Spain", False)]),
        # whose it was instead: said of them
        ("I quit in march? no wait that was my brother", [("brother:", "employer", None, True)]),
        ("I moved to Leeds. no wait, that was my sister", [("sister:", "home", "Leeds", False)]),
        (
            "just got a job at Greggs!!! well, my son did 😂 so proud",
            [("son:", "employer", "Greggs", False)],
        ),
        # "did" with more after it is no taking back (a reviewer's: had moved the job)
        (
            "i work at Argos. well, my manager did say I could have friday off",
            [("user", "employer", "Argos", False)],
        ),
        (
            "I just started at Lidl!! well my mum did too, same store lol",
            [("user", "employer", "Lidl", False)],
        ),
        # nothing instead, or no one's: kept as said, keyed to no one
        ("I got engaged. no wait, that wasn't me lol", []),
        ("I live in Leeds. no wait.", []),
        ("my sister and I moved to Leeds, no wait that was my cousin", []),
    ],
)
def test_what_a_message_takes_back_is_not_kept(
    content: str, wanted: list[tuple[str, str, str | None, bool]]
) -> None:
    assert _keys(content) == wanted


def test_the_words_taken_back_for_no_one_are_kept_as_said() -> None:
    (kept,) = EXTRACTOR.extract("I got engaged. no wait, that wasn't me", NOW)
    assert kept.text == "User got engaged, no wait, that wasn't User"
    assert kept.attribute is None


def test_a_statement_meant_instead_keeps_no_time_of_the_words_taken_back() -> None:
    content = "I'm moving to Bath next month, scratch that, we're staying in York"
    (york,) = EXTRACTOR.extract(content, NOW)
    assert york.expires_at is None  # "next month" was said of Bath


@pytest.mark.parametrize(
    ("content", "wanted"),
    [
        # no taking back: a wait, a remark, a time
        ("there was no wait at the GP", []),
        ("No wait, what's my schedule?", []),
        ("I live in Leeds, I mean I love it here", [("user", "home", "Leeds", False)]),
        ("I work at Tesco, I mean it's fine", [("user", "employer", "Tesco", False)]),
        ("I work at Tesco, actually fine", [("user", "employer", "Tesco", False)]),
        ("I live in Leeds. Actually Bradford is nicer", [("user", "home", "Leeds", False)]),
        # what is meant is unsure, or said of someone the words taken back name: as said
        ("my youngest is 7? no wait, 8 next month", [("kid:", "age", "7", False)]),
        ("my son is 12, correction, 13 as of yesterday", [("son:", "age", "12", False)]),
        ("I'm 40 this year, no wait, 41 in may", [("user", "age", "40", False)]),
        (
            "my wife is a doctor, scratch that, she's a consultant now",
            [("wife:", "job", "doctor", False), ("wife:", "job", "consultant", False)],
        ),
    ],
)
def test_a_near_miss_reads_as_said(
    content: str, wanted: list[tuple[str, str, str | None, bool]]
) -> None:
    assert _keys(content) == wanted


@pytest.mark.parametrize(
    ("content", "wanted"),
    [
        # what a leaving was of, said after it: no job left (had ended the employer)
        ("finally quit!!! ...the night shifts I mean 😂 still at Sunrise", []),
        ("i quit in march, i mean the gym not my job", []),
        # … or the job, said so
        ("I quit. I mean my job, obviously", [("user", "employer", None, True)]),
    ],
)
def test_what_a_leaving_was_of_said_after_it_is_read_with_it(
    content: str, wanted: list[tuple[str, str, str | None, bool]]
) -> None:
    assert _keys(content) == wanted


def test_a_month_put_right_is_the_day_of_the_move() -> None:
    (move,) = EXTRACTOR.extract("moving to Spain in May, no wait, June", NOW)
    assert move.valid_from is not None and move.valid_from.month == 6


@pytest.mark.parametrize(
    ("content", "value"),
    [
        # a message that puts right the last value said, the wrong one unsaid
        ("sorry, I meant Wipro, I applied to both and keep mixing them up", "Wipro"),
        ("correction: 36", "36"),
        ("oops, make that Leeds", "Leeds"),
        # no value: a plan, a day
        ("I meant to call you", None),
        ("I meant Tuesday", None),
    ],
)
def test_a_message_putting_right_the_last_value_said_names_it(
    content: str, value: str | None
) -> None:
    put_right = [f for f in EXTRACTOR.extract(content, NOW) if f.corrects_last]
    assert [f.value for f in put_right] == ([value] if value else [])
