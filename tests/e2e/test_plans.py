"""A plan's day, through the client against the real local server: a new day said for
the same event retires the old one whatever the wording (the event named, said bare, or
not said at all), a question of when answers with the day that holds, and someone
else's plan or one told with no plan before keys nothing."""

from __future__ import annotations

from longmem import Longmem


def _tell(mem: Longmem, collection: str, *said: tuple[str, str]) -> list[list[dict]]:
    return [
        [dict(f) for f in mem.remember(text, collection=collection, observed_at=at)]
        for at, text in said
    ]


def _current(mem: Longmem, collection: str) -> list[str]:
    return [m["text"] for m in mem.list_memories(collection=collection) if m["is_latest"]]


def test_a_new_day_for_the_same_event_retires_the_old_one(mem: Longmem, collection: str) -> None:
    first, moved = _tell(
        mem,
        collection,
        ("2026-04-02T10:00:00Z", "flight to lisbon on the 14th, so hyped"),
        ("2026-04-08T10:00:00Z", "ugh flight moved to the 22nd, airline changed the schedule"),
    )
    # the flight by where it goes; moved, said bare, it is that flight
    assert [(f["attribute"], f["relation"]) for f in first] == [("date:lisbon flight", "new")]
    assert [(f["attribute"], f["relation"]) for f in moved] == [("date:lisbon flight", "updates")]
    assert moved[0]["supersedes"] == first[0]["id"]
    assert "Flight to lisbon on the 14th, so hyped" not in _current(mem, collection)
    hits = mem.search("when is my flight?", collection=collection, limit=5)
    assert [h["text"] for h in hits] == ["Flight moved to the 22nd, airline changed the schedule"]
    history = mem.search("when is my flight?", collection=collection, include_history=True)
    assert "Flight to lisbon on the 14th, so hyped" in [h["text"] for h in history]


def test_a_day_said_with_no_event_is_the_plan_told_last(mem: Longmem, collection: str) -> None:
    told = _tell(
        mem,
        collection,
        ("2026-05-01T10:00:00Z", "exam on 20 may, panicking already"),
        ("2026-05-11T10:00:00Z", "interview at monzo on thursday!!"),
        ("2026-05-13T10:00:00Z", "they moved it to monday 9am, fine by me, more time to prep"),
    )
    assert [(f["attribute"], f["relation"]) for f in told[2]] == [
        ("date:monzo interview", "updates")
    ]
    hits = mem.search("when is my interview", collection=collection, limit=5)
    assert hits[0]["text"] == "They moved it to monday 9am, fine by User, more time to prep"
    assert "Interview at monzo on thursday" not in [h["text"] for h in hits]
    # the exam told before it is untouched
    assert "Exam on 20 may, panicking already" in _current(mem, collection)


def test_an_event_said_bare_is_the_one_of_its_kind_told(mem: Longmem, collection: str) -> None:
    dentist, gp, moved = _tell(
        mem,
        collection,
        ("2026-01-20T10:00:00Z", "dentist appointment on the 2nd of feb"),
        ("2026-01-21T10:00:00Z", "finally got a gp appointment, 3rd of feb"),
        ("2026-01-29T10:00:00Z", "surgery rang, appt moved to the 10th"),
    )
    # two appointments of two kinds: the newest told is the one moved, the other stays
    assert [f["attribute"] for f in moved] == ["date:doctor appointment"]
    assert moved[0]["supersedes"] == gp[0]["id"]
    assert dentist[0]["text"] in _current(mem, collection)
    hits = mem.search("when is my doctor's appointment", collection=collection, limit=5)
    assert hits[0]["text"] == "Surgery rang, appt moved to the 10th"


def test_a_day_with_no_plan_told_before_is_words(mem: Longmem, collection: str) -> None:
    (said,) = _tell(mem, collection, ("2026-05-13T10:00:00Z", "they moved it to monday 9am"))
    assert [(f["attribute"], f["relation"]) for f in said] == [(None, "new")]
    # … nor a plan told more than half a year before
    _tell(
        mem,
        collection,
        ("2025-01-10T10:00:00Z", "exam on 20 may"),
    )
    (late,) = _tell(mem, collection, ("2026-06-01T10:00:00Z", "delayed again, 19th june now"))
    assert [f["attribute"] for f in late] == [None]


def test_an_older_day_said_late_does_not_retire_the_newer(mem: Longmem, collection: str) -> None:
    _, older = _tell(
        mem,
        collection,
        ("2026-04-02T10:00:00Z", "exam got pushed back to 13 may"),
        ("2026-03-15T10:00:00Z", "exam on 20 may, panicking already"),
    )
    assert [f["attribute"] for f in older] == ["date:exam"]
    current = _current(mem, collection)
    assert "Exam got pushed back to 13 may" in current
    assert "Exam on 20 may, panicking already" not in current


def test_two_plans_of_one_event_are_two_and_a_question_of_either_finds_its_own(
    mem: Longmem, collection: str
) -> None:
    _tell(
        mem,
        collection,
        ("2026-05-01T10:00:00Z", "maths exam on 20 may"),
        ("2026-05-02T10:00:00Z", "physics exam on 22 may"),
        ("2026-05-03T10:00:00Z", "interview at monzo on thursday"),
        ("2026-05-04T10:00:00Z", "interview at google on friday"),
    )
    current = _current(mem, collection)
    assert {"Maths exam on 20 may", "Physics exam on 22 may"} <= set(current)
    assert {"Interview at monzo on thursday", "Interview at google on friday"} <= set(current)
    hits = mem.search("when is my maths exam", collection=collection, limit=5)
    assert hits[0]["text"] == "Maths exam on 20 may"
    hits = mem.search("when is my monzo interview", collection=collection, limit=5)
    assert hits[0]["text"] == "Interview at monzo on thursday"
    # asked bare, any of them answers (the newest first)
    hits = mem.search("when is my exam", collection=collection, limit=5)
    assert [h["text"] for h in hits[:2]] == ["Physics exam on 22 may", "Maths exam on 20 may"]


def test_a_plan_called_off_is_no_longer_its_day(mem: Longmem, collection: str) -> None:
    _, off = _tell(
        mem,
        collection,
        ("2025-10-01T10:00:00Z", "my wedding is on 12 sept 2026"),
        ("2026-02-11T10:00:00Z", "the wedding's off"),
    )
    assert [(f["attribute"], f["relation"]) for f in off] == [("date:wedding", "updates")]
    assert "User's wedding is on 12 sept 2026" not in _current(mem, collection)
    hits = mem.search("when is my wedding", collection=collection, limit=5)
    assert hits[0]["text"] == "The wedding's off"
    # … and with nothing to call off it is words
    (alone,) = _tell(mem, collection + "x", ("2026-02-11T10:00:00Z", "the wedding's off"))
    assert [f["attribute"] for f in alone] == [None]


def test_who_moves_a_plan_says_which_and_they_only_the_last_with_no_day_since(
    mem: Longmem, collection: str
) -> None:
    _, flight, moved = _tell(
        mem,
        collection,
        ("2026-05-01T10:00:00Z", "exam on 20 june"),
        ("2026-05-02T10:00:00Z", "holiday to crete, flying on 2 july"),
        ("2026-05-03T10:00:00Z", "the airline moved it to 3 july"),
    )
    assert [f["attribute"] for f in flight] == ["date:flight"]
    assert [(f["attribute"], f["relation"]) for f in moved] == [("date:flight", "updates")]
    assert "Exam on 20 june" in _current(mem, collection)  # the exam keeps its day
    # "they moved it" after someone else's day is not the user's plan's
    other = collection + "-b"
    told = _tell(
        mem,
        other,
        ("2026-05-01T10:00:00Z", "my exam is on 20 may"),
        ("2026-05-02T10:00:00Z", "my sister's wedding is on 3 june"),
        ("2026-05-03T10:00:00Z", "they moved it to 10 june, venue drama"),
    )
    assert [f["attribute"] for f in told[2]] == [None]
    assert "User's exam is on 20 may" in _current(mem, other)
    # … and one moved by the name it is known by is that one
    named = collection + "-c"
    told = _tell(
        mem,
        named,
        ("2026-05-01T10:00:00Z", "interview at monzo on thursday"),
        ("2026-05-02T10:00:00Z", "interview at revolut on the 12th"),
        ("2026-05-03T10:00:00Z", "monzo moved it to friday"),
    )
    assert [f["attribute"] for f in told[2]] == ["date:monzo interview"]
    assert "Interview at revolut on the 12th" in _current(mem, named)


def test_another_of_a_kind_keeps_the_first_and_one_done_ends_it(
    mem: Longmem, collection: str
) -> None:
    _tell(
        mem,
        collection,
        ("2026-05-01T10:00:00Z", "exam on 20 may 😬"),
        ("2026-05-02T10:00:00Z", "got another exam on 3 june too"),
    )
    assert "Exam on 20 may" in _current(mem, collection)
    done = collection + "-b"
    (_, passed) = _tell(
        mem,
        done,
        ("2026-05-01T10:00:00Z", "driving test on the 15th"),
        ("2026-05-16T10:00:00Z", "PASSED MY DRIVING TEST 🚗🎉"),
    )
    assert [(f["attribute"], f["relation"]) for f in passed if f["attribute"]] == [
        ("date:driving test", "updates")
    ]
    assert "Driving test on the 15th" not in _current(mem, done)


def test_a_change_said_loosely_is_the_named_plans_only_when_one_is_held(
    mem: Longmem, collection: str
) -> None:
    _, loose = _tell(
        mem,
        collection,
        ("2026-05-01T10:00:00Z", "my exam is on 20 may"),
        ("2026-05-05T10:00:00Z", "uni pushed the exam back a week, it's 27 may now"),
    )
    assert [(f["attribute"], f["relation"]) for f in loose] == [("date:exam", "updates")]
    hits = mem.search("when is my exam", collection=collection, limit=5)
    assert [h["text"] for h in hits] == ["Uni pushed the exam back a week, it's 27 may now"]
    # with no exam held, the same words are words
    (alone,) = _tell(
        mem,
        collection + "-b",
        ("2026-05-05T10:00:00Z", "uni pushed the exam back a week, it's 27 may now"),
    )
    assert [f["attribute"] for f in alone] == [None]
