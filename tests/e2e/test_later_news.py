"""A change told later in other words than the question's, through the client, against
the real local server: a plain memory that tells of a change and is about as near the
question in meaning answers before the plain memory it changes, though only the older
one holds the question's word (later_news.py); someone else's news, a memory saying
nothing of its own, and a thing said to stay never do."""

from __future__ import annotations

import pytest

from longmem import Longmem

_BEFORE, _LATER = "2024-01-03T10:00:00Z", "2024-03-05T10:00:00Z"


def _first_texts(mem: Longmem, collection: str, ask: str) -> list[str]:
    return [hit["text"] for hit in mem.search(ask, collection=collection)][:2]


@pytest.mark.parametrize(
    ("before", "after", "ask", "news"),
    [
        # the dentist, the landlord, the vet: only the older memory says the word asked
        (
            "my dentist in ponsonby wants $900 for a crown, is that normal",
            "switched to bright smile dental on queen st, the first checkup went well",
            "who's my dentist now",
            "bright smile dental",
        ),
        (
            "my landlord mr. petrakis hasn't fixed the radiator in 3 weeks",
            "building got sold. the new management company, harbor lane properties, wants "
            "everyone to re-sign leases",
            "who's my landlord now",
            "harbor lane properties",
        ),
        (
            "our dog bruno has a lump on his side, the vet at parkside vets wants to do a biopsy",
            "bruno had his first appointment at willow tree veterinary clinic today",
            "which vet does bruno go to now",
            "willow tree",
        ),
        # a budget said as what was cut
        (
            "our budget for groceries is £400 a month",
            "we've cut the food shop to £300 a month since the nursery fees went up",
            "what is my monthly grocery budget",
            "£300 a month",
        ),
    ],
)
def test_a_change_told_in_other_words_answers_before_what_it_changes(
    mem: Longmem, collection: str, before: str, after: str, ask: str, news: str
) -> None:
    mem.remember(before, collection=collection, observed_at=_BEFORE)
    older = _first_texts(mem, collection, ask)[0]
    mem.remember(after, collection=collection, observed_at=_LATER)
    first, second = _first_texts(mem, collection, ask)
    assert news in first
    assert second == older


@pytest.mark.parametrize(
    ("before", "after", "ask"),
    [
        # someone else's word, of no one the older memory names
        (
            "learning german because my partner's family is from graz",
            "my friend joked i should learn klingon instead haha",
            "which language am i learning",
        ),
        # the thing said to stay
        (
            "my son arlo is in year 5 at greenhill primary",
            "we looked round st mary's because of the new sports hall but arlo wants to stay",
            "what school does arlo go to",
        ),
        # nothing said of its own
        (
            "tasha my bestie is moving to lisbon, i'm gonna cry",
            "she's there now, sent me pics of her balcony in alfama",
            "where does my best friend live",
        ),
    ],
)
def test_what_tells_no_change_of_it_stays_below(
    mem: Longmem, collection: str, before: str, after: str, ask: str
) -> None:
    mem.remember(before, collection=collection, observed_at=_BEFORE)
    older = _first_texts(mem, collection, ask)[0]
    mem.remember(after, collection=collection, observed_at=_LATER)
    assert _first_texts(mem, collection, ask)[0] == older
