"""News of someone close to the user, through the client, against the real local server:
said later in chat's own way (a name typed in lower case, a job "taken", a move "in with"
someone), it supersedes what was said of them before and never becomes the user's."""

from __future__ import annotations

import pytest

from longmem import Longmem

from .held import held_values


@pytest.mark.parametrize(
    ("before", "after", "subject", "attribute", "value"),
    [
        # a name typed in lower case: the wife's diet, the sister's number
        (
            "Anna (my wife) is doing keto so I'm cooking a lot of low carb stuff",
            "anna's gone pescatarian, no meat but fish is fine",
            "wife:Anna",
            "diet",
            "pescatarian",
        ),
        (
            "my sister Gwen's number is 07911 223344, save it for me",
            "gwen's got a new number, 07911 556677, she lost her phone at a festival",
            "sister:Gwen",
            "phone",
            "07911 556677",
        ),
        # a job taken; a move in with someone
        (
            "my sister Ella's a nurse at St Thomas', she's on nights all this month",
            "Ella's left the NHS completely! she's taken a job as a clinical trainer at Medtronic",
            "sister:Ella",
            "employer",
            "Medtronic",
        ),
        (
            "my brother Cian lives in Dublin, sharing with lads from college",
            "update on Cian, he's moved in with his girlfriend in Cork!",
            "brother:Cian",
            "home",
            "Cork",
        ),
    ],
)
def test_their_news_told_later_supersedes_what_was_said_of_them(
    mem: Longmem,
    collection: str,
    before: str,
    after: str,
    subject: str,
    attribute: str,
    value: str,
) -> None:
    mem.remember(before, collection=collection, observed_at="2024-01-10T10:00:00Z")
    assert len(held_values(mem, collection, attribute, subject)) == 1  # the value before
    mem.remember(after, collection=collection, observed_at="2024-06-10T10:00:00Z")
    assert held_values(mem, collection, attribute, subject) == [value]
    assert held_values(mem, collection, attribute) == []  # none of it the user's


def test_a_childs_school_said_now_supersedes_the_last(mem: Longmem, collection: str) -> None:
    mem.remember(
        "our daughter Maya starts at St Anne's Primary in September",
        collection=collection,
        observed_at="2023-07-20T10:00:00Z",
    )
    assert held_values(mem, collection, "school", "daughter:Maya") == ["St Anne's Primary"]
    mem.remember(
        "we've had to move Maya, she's at Oakfield Primary now since we moved across town",
        collection=collection,
        observed_at="2024-01-12T10:00:00Z",
    )
    assert held_values(mem, collection, "school", "daughter:Maya") == ["Oakfield Primary"]
    hits = mem.search("what school does Maya go to?", collection=collection, limit=3)
    assert "Oakfield Primary" in hits[0]["text"]
