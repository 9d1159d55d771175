"""Dated plans (longmem.server.extract.plans): an event of the user's said with its day is
keyed ``date:<event>``, its words kept as said; a new day said with no event is keyed
``date:`` for remember to resolve; someone else's, hedged or priced events are not; and
what a question of when asks. What remember does with the keys is tested through the
server in tests/e2e/test_plans.py."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Optional

import pytest

from longmem.server.extract import RuleExtractor
from longmem.server.extract.plans import asked_plans
from longmem.server.facts import USER, attribute

NOW = datetime(2026, 3, 18, 10, 30, tzinfo=timezone.utc)


def _dated(content: str) -> list[tuple[str, Optional[str]]]:
    """The (attribute, value) of each of ``content``'s facts keyed as a plan's day."""
    return [
        (f.attribute, f.value)
        for f in RuleExtractor().extract(content, NOW)
        if (f.attribute or "").startswith("date:")
    ]


@pytest.mark.parametrize(
    ("content", "key", "day"),
    [
        ("exam on 20 may, panicking already", "date:exam", "20 may"),
        ("finally got a gp appointment, 3rd of feb", "date:doctor appointment", "3rd of feb"),
        ("Dentist appointment on Thursday, dreading it", "date:dentist appointment", "Thursday"),
        ("thesis due 31 march, send help", "date:deadline", "31 march"),
        ("baby due in june!! 🤰 still can't believe it", "date:due date", "in june"),
        (
            "scan says the due date's now 28 may, a bit earlier than they thought",
            "date:due date",
            "28 may",
        ),
        ("venue fell through so the wedding's now 3 april 2027", "date:wedding", "3 april 2027"),
        ("we set the date! 12 sept 2026 at the barn venue 💍", "date:wedding", "12 sept 2026"),
        ("moving out on the 30th, boxes everywhere", "date:move", "the 30th"),
        ("half marathon on 5 april, training's going ok", "date:half marathon", "5 april"),
        ("interview at Spotify tomorrow 🙏", "date:spotify interview", "tomorrow"),
        # a new day, the event said
        ("ugh flight moved to the 22nd, airline changed the schedule", "date:flight", "the 22nd"),
        ("surgery rang, appt moved to the 10th", "date:appointment", "the 10th"),
        ("completion delayed, now the 12th of june", "date:move", "the 12th of june"),
        ("exam got pushed back to 19 may", "date:exam", "19 may"),
        ("they rescheduled my interview for monday 9am", "date:interview", "monday 9am"),
        ("the exam's been moved to friday?!", "date:exam", "friday"),
        # … or not: remember gives it the plan told last
        ("they've brought it forward to 13 may?? who does that", "date:", "13 may"),
        ("they moved it to monday 9am, fine by me", "date:", "monday 9am"),
        ("delayed AGAIN, 19th june now, i give up", "date:", "19th june"),
        # (more time given is a deadline's)
        ("supervisor gave me till 30 april 🙏 breathing again", "date:deadline", "30 april"),
        ("it's been moved to the 22nd", "date:", "the 22nd"),
        # a day, not an age ("exam is 20 may" had been Exam's age, 20)
        ("exam is 20 may", "date:exam", "20 may"),
        ("deadline is 30 april", "date:deadline", "30 april"),
        # two of a kind are two plans
        ("my maths exam is on monday", "date:maths exam", "monday"),
        (
            "I have an interview with google next wednesday",
            "date:google interview",
            "next wednesday",
        ),
        ("my exam got moved from 20 may to 27 may", "date:exam", "27 may"),
        # an interview by whom, a flight by where: two of them are two plans
        ("interview at monzo on thursday!!", "date:monzo interview", "thursday"),
        ("flight to lisbon on the 14th, so hyped", "date:lisbon flight", "the 14th"),
        ("london marathon on 26 april", "date:london marathon", "26 april"),
        ("whoops, it got postponed, 27 may now", "date:", "27 may"),
        # … by the one who sets it: that plan
        ("doctor rescheduled me to next monday", "date:doctor appointment", "next monday"),
        ("the airline moved it to 3 july", "date:flight", "3 july"),
        ("the dentist rang and moved it to the 12th", "date:dentist appointment", "the 12th"),
        ("dentist cancelled on me, now it's the 23rd 🙄", "date:dentist appointment", "the 23rd"),
        ("actually moving on the 28th now, van's booked", "date:move", "the 28th"),
        ("moving's now the 28th, van booked", "date:move", "the 28th"),
        # a plan said by its verb, the user its subject
        ("we're getting married on 12 sept!!", "date:wedding", "12 sept"),
        ("I'm due on 14 sept", "date:due date", "14 sept"),
        ("I start my new job on 1 june", "date:start date", "1 june"),
        # … or in words no pattern reads, a change word, the event and a day anywhere:
        # known by the event's word, for remember to give to a plan of it held
        ("uni pushed the exam back a week, it's 27 may now", "date:", "27 may"),
        ("we've postponed the wedding to 2027, 3 april", "date:", "3 april"),
    ],
)
def test_a_plan_of_the_users_is_keyed_by_its_event_with_the_day_as_said(
    content: str, key: str, day: str
) -> None:
    assert _dated(content) == [(key, day)]


@pytest.mark.parametrize(
    "content",
    [
        "her wedding is on 3 june",  # someone else's
        "my sister's exam is on monday",
        "Tom's interview is on friday",
        "Tom and I had a wedding on Saturday",  # someone's wedding, gone to
        "didi got engaged!! to a guy from Chennai, wedding in december",  # didi's
        "my husband flies to dubai on the 3rd for work",  # no event of the user's
        "if my interview is on friday I'll cry",  # hedged
        "might move the exam to june",
        "Flights to Toronto in August are £640, ouch",  # a price
        "if we set the date! 12 sept",
        "Dentist in May.",  # no event word
        "moving on, what's for dinner",
        "the kids are moving schools in june",
        "my bf has an interview on thursday",  # someone's, said in the clause
        "mum has a hospital appointment on friday",
        "our neighbours are moving out on the 30th",
        "exam is on monday for my son",
        "wedding on sunday (not mine lol)",
        "dads surgery is next tuesday",
        "cousin wedding next saturday, need an outfit",
        "the royal wedding is on saturday",  # a public one
        "the F1 race is on sunday",
        "india vs aus test on friday",
        "my exam was on monday, went ok",  # past
        "passed my driving test on the 14th!!",
        "no exam on monday",  # denied
        "I'm invigilating the exam on 20 may",  # someone else's exam
        "hoping the interview is on monday",  # hedged
        "put it to the test on friday",  # idioms
        "the rat race on monday morning",
        "surgery hours changed to monday only",
        "revision session for the exam on tuesday",
        "revision for the exam on tuesday",
        "my sister's exam got moved to the 25th",
        "exam results out on the 3rd, moved from the 1st",
        "I haven't changed my flight to the 22nd yet",
        "my train got delayed, now friday",  # a day for something else
        "the parcel was delayed, now the 25th",
        "mum gave me till sunday to clean my room lol",
        "got an extension to the 5th on my rent",
        "the other half of the class failed the exam",  # their exam, done
        "spelling test tomorrow, she's practising",  # hers, said after
        "driving test tomorrow, he's nervous",
        "my exam is on the 31st of february lol jk",  # a joke
        "my sister's getting married on 12 sept",  # a verb's plan, someone else's
        "rent is due on the 1st",
        "if we're getting married in june we need to save",
        "got another exam on 3 june too",  # a second one: not the first's new day
        "also booked a gp appt on the 26th for bloods",
    ],
)
def test_no_plan_of_the_users_keys_no_day(content: str) -> None:
    assert _dated(content) == []


@pytest.mark.parametrize(
    ("content", "key"),
    [
        ("the wedding's off", "date:wedding"),
        ("cancelled my dentist appointment on tuesday", "date:dentist appointment"),
        ("my flight on the 3rd got cancelled", "date:flight"),
        # … or told as done
        ("PASSED MY DRIVING TEST 🚗🎉", "date:driving test"),
        ("exam went terribly 😭 never again", "date:exam"),
        ("exam was hard", "date:exam"),
    ],
)
def test_a_plan_called_off_or_done_ends_its_day(content: str, key: str) -> None:
    [fact] = [f for f in RuleExtractor().extract(content, NOW) if f.attribute]
    assert (fact.attribute, fact.value, fact.negated, fact.redates) == (key, None, True, "")


def test_a_plans_words_are_kept_as_said_and_its_key_is_single_valued() -> None:
    [fact] = RuleExtractor().extract("exam on 20 may, panicking already", NOW)
    assert (fact.text, fact.subject) == ("Exam on 20 may, panicking already", USER)
    spec = attribute("date:exam")
    assert spec is not None and spec.single
    assert attribute("date:") is None  # no event: stored unkeyed unless remember resolves it


@pytest.mark.parametrize(
    ("query", "keys"),
    [
        ("when is my exam?", ["date:exam"]),
        ("when is my doctor's appointment", ["date:doctor appointment"]),
        ("when is my flight to lagos", ["date:lagos flight"]),
        ("when is my monzo interview", ["date:monzo interview"]),
        ("user wedding date", ["date:wedding"]),
        ("when is the baby due", ["date:due date"]),
        ("when is my thesis due", ["date:deadline"]),
        ("when am i moving", ["date:move"]),
        ("user next trip date", ["date:flight"]),
        (
            "user upcoming race",
            [
                "date:race",
                "date:marathon",
                "date:half marathon",
                "date:10k",
                "date:5k",
                "date:triathlon",
            ],
        ),
        ("how did my exam go", []),  # not when
        ("when is my sister's wedding", []),  # someone else's
        ("when is the kids' dentist appointment", []),
        ("when is my flatmate moving", []),
        ("when does my son have his exam", []),
        ("where do I live", []),
    ],
)
def test_a_question_of_when_asks_the_plans_day(query: str, keys: list[str]) -> None:
    assert asked_plans(query)[0] == keys
