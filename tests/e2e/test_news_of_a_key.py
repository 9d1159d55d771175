"""News of a key the rules did not read, through the client, against the real local server:
a plain memory told later that changes a keyed fact answers before it (search.py's change
step, news_of_a_key.py); one the rules read and turned down never does."""

from __future__ import annotations

import pytest

from longmem import Longmem


def _first_texts(mem: Longmem, collection: str, ask: str) -> list[str]:
    return [hit["text"] for hit in mem.search(ask, collection=collection)][:2]


@pytest.mark.parametrize(
    ("before", "after", "ask", "news"),
    [
        # someone's move said by helping with it; a new boss said in other words
        (
            "my sister Lena lives in Zurich",
            "helped Lena move into her new place in Geneva this weekend, I'm so sore",
            "where does Lena live now?",
            "User helped Lena move into her new place in Geneva this weekend",
        ),
        (
            "my manager is Priya",
            "reorg happened, I now answer to a new boss from the platform team",
            "who is my manager?",
            "User now answers to a new boss from the platform team",
        ),
        # an employer changed to, in a learner's words
        (
            "I am working for Siemens since 5 years",
            "I change to Bosch, the new office is very modern",
            "which company do I work for?",
            "User changes to Bosch, the new office is very modern",
        ),
        # a new job said as when it starts
        (
            "my wife dana teaches 8th grade science",
            "she got it! dana starts as assistant principal in august",
            "what's dana's job now?",
            "Dana starts as assistant principal in august",
        ),
    ],
)
def test_news_the_rules_did_not_read_answers_before_the_fact_it_changes(
    mem: Longmem, collection: str, before: str, after: str, ask: str, news: str
) -> None:
    mem.remember(before, collection=collection, observed_at="2024-01-03T10:00:00Z")
    keyed = _first_texts(mem, collection, ask)[0]
    mem.remember(after, collection=collection, observed_at="2024-03-05T10:00:00Z")
    assert _first_texts(mem, collection, ask) == [news, keyed]


@pytest.mark.parametrize(
    ("before", "after", "ask"),
    [
        # read and turned down by the rules: a life's story, a dream, another job
        ("I live in Boston", "my family moved to Austin when I was 5", "where do I live?"),
        ("I live in Boston", "had a nightmare I moved back to Ohio", "where do I live?"),
        ("I work at Google", "I quit my weekend job", "where do I work?"),
        # the job of now named without news of it
        (
            "I'm a brewer at Thornbridge",
            "stopped drinking, 2 months sober, weird given my job lol",
            "where do I work?",
        ),
        # the job before named; someone else's move the rules leave the user's
        (
            "I'm a mechanic at Kwik Fit",
            "filling in a mortgage form, it asks when I left my last job",
            "where do I work?",
        ),
        ("We live in Cork", "New people from Belfast are moving in next door", "where do we live?"),
        # the value said to stay
        (
            "I study law at Durham",
            "switched to the history course now, same uni",
            "where do I study?",
        ),
    ],
)
def test_what_the_rules_turned_down_never_answers_before_the_keyed_fact(
    mem: Longmem, collection: str, before: str, after: str, ask: str
) -> None:
    mem.remember(before, collection=collection, observed_at="2024-01-03T10:00:00Z")
    keyed = _first_texts(mem, collection, ask)[0]
    mem.remember(after, collection=collection, observed_at="2024-03-05T10:00:00Z")
    hits = _first_texts(mem, collection, ask)
    assert hits[0] == keyed
