"""A change told later, through the client, against the real local server
(later_news.py): a plain memory that tells of a change answers before what it changes
when it is about as near the question in meaning, though only the older one holds the
question's word, or when it is news of a keyed fact's key the rules did not read
(news_of_a_key.py); someone else's news, a memory saying nothing of its own, a thing
said to stay, and what the rules read and turned down never do."""

from __future__ import annotations

import pytest

from longmem import Longmem

_BEFORE, _LATER = "2024-01-03T10:00:00Z", "2024-03-05T10:00:00Z"


def _texts(mem: Longmem, collection: str, ask: str) -> list[str]:
    return [hit["text"] for hit in mem.search(ask, collection=collection)]


def _first_texts(mem: Longmem, collection: str, ask: str) -> list[str]:
    return _texts(mem, collection, ask)[:2]


def _told(mem: Longmem, collection: str, before: str, after: str) -> None:
    """``before`` said, then ``after`` weeks later."""
    mem.remember(before, collection=collection, observed_at=_BEFORE)
    mem.remember(after, collection=collection, observed_at=_LATER)


def _before_and_after(
    mem: Longmem, collection: str, before: str, after: str, ask: str
) -> tuple[str, list[str]]:
    """What ``ask`` finds first once ``before`` is said, and its first two once ``after``
    is said weeks later."""
    mem.remember(before, collection=collection, observed_at=_BEFORE)
    older = _first_texts(mem, collection, ask)[0]
    mem.remember(after, collection=collection, observed_at=_LATER)
    return older, _first_texts(mem, collection, ask)


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
        # a new boss said among other news, far less near in meaning than the old one
        (
            "my line manager Greg keeps micromanaging everything, how do i push back politely",
            "internal move went through, new team, new boss, Aisha Rahman, lovely so far",
            "the user's current line manager",
            "Aisha Rahman",
        ),
        # a correction of what was just said; what one ended up with, transferred to
        (
            "my pottery class is on thursdays at 7, help me plan quick dinners around it",
            "wait no sorry, pottery's on tuesdays, i had the wrong day in my head",
            "what day is my pottery class?",
            "tuesdays",
        ),
        (
            "the kids' swimming lessons are on saturday mornings at the leisure centre",
            "scratch that, swimming is sunday mornings, saturday was the trial",
            "when are the kids' swimming lessons?",
            "sunday mornings",
        ),
        (
            "my husband's ford fiesta failed its mot again, worth fixing?",
            "he ended up buying a used kia ceed, any tips for insurance?",
            "what car does my husband drive?",
            "kia ceed",
        ),
        (
            "i'm a first year at the university of york doing physics",
            "i transferred from york to edinburgh for second year, the physics department "
            "here is tiny",
            "which university do I go to?",
            "edinburgh",
        ),
        (
            "my glasses keep steaming up with a mask on, any tricks?",
            "had laser eye surgery last month, no more specs!",
            "do I wear glasses?",
            "laser eye surgery",
        ),
        (
            "doc thinks my stomach trouble is ibs, what should i eat",
            "biopsy came back, it's coeliac disease after all",
            "what's my stomach condition?",
            "coeliac",
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
    older, (first, second) = _before_and_after(mem, collection, before, after, ask)
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
        # someone else's news matched as well (a mate's new manager is not the user's)
        (
            "my manager gareth is great",
            "my mate just got a new manager who micromanages everything, how can i support him",
            "who's my manager?",
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
    older, hits = _before_and_after(mem, collection, before, after, ask)
    assert hits[0] == older


# -- news of a keyed fact's key the rules did not read (news_of_a_key.py) ------------


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
    keyed, hits = _before_and_after(mem, collection, before, after, ask)
    assert hits == [news, keyed]


def test_news_of_a_key_in_no_word_of_its_own_answers_when_as_near_in_meaning(
    mem: Longmem, collection: str
) -> None:
    # no word of a workplace's news ("job", "works", "joined"…), but as near the
    # question in meaning as the keyed fact, and no word of its value
    keyed, hits = _before_and_after(
        mem,
        collection,
        "my wife sofia is a pharmacist at boots",
        "sofia left the high street chemist for the hospital pharmacy, no more weekends",
        "where does sofia work now?",
    )
    assert hits == [
        "Sofia left the high street chemist for the hospital pharmacy, no more weekends",
        keyed,
    ]


def test_a_later_memory_naming_the_keyed_value_is_not_news_of_it(
    mem: Longmem, collection: str
) -> None:
    # as near in meaning as the employer, only for saying its name
    keyed, hits = _before_and_after(
        mem,
        collection,
        "My sister Jo works at Morgan Stanley",
        "Jo got flowers from Stanley, her new boyfriend",
        "where does Jo work?",
    )
    assert hits[0] == keyed


def test_a_change_steps_over_the_other_clauses_of_its_message(
    mem: Longmem, collection: str
) -> None:
    # "handed in the dissertation" is said with the news, not before it: the news
    # goes above the project it ends though its own message ranks that clause as high
    keyed, hits = _before_and_after(
        mem,
        collection,
        "I'm working on my dissertation about river pollution",
        "handed in the dissertation!! now i'm building a budgeting app in react, "
        "how do i set up routing",
        "what project am I working on?",
    )
    assert hits == [
        "Now User is building a budgeting app in react, how do User set up routing",
        keyed,
    ]


def test_a_clause_of_the_message_matched_far_better_is_not_stepped_over(
    mem: Longmem, collection: str
) -> None:
    _told(mem, collection, "I live in Cardiff", "moving day done!! officially a Swansea resident")
    texts = _texts(mem, collection, "where do I live?")
    assert texts.index("Officially a Swansea resident") < texts.index("Moving day done")


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
    keyed, hits = _before_and_after(mem, collection, before, after, ask)
    assert hits[0] == keyed


def test_a_question_about_ones_gp_finds_the_surgery_registered_with(
    mem: Longmem, collection: str
) -> None:
    # no word of the question's nor of "doctor gp doc physician": found by what a GP is
    # said with ("dr", "surgery")
    _told(
        mem,
        collection,
        "my gp dr okafor wants me to do a fasting blood test",
        "registered with the surgery near the new flat, dr lindqvist seems nice",
    )
    texts = _texts(mem, collection, "who's my GP?")
    assert "User registered with the surgery near the new flat, dr lindqvist seems nice" in texts


def test_a_change_steps_over_what_only_says_who_the_asked_person_is(
    mem: Longmem, collection: str
) -> None:
    # "User's son is Leo", keyed, stood between the news and the older memory it passes
    _told(
        mem,
        collection,
        "my son leo plays for an under-10s football team, snack ideas for after matches",
        "leo's given up the footy team, he's doing judo twice a week now",
    )
    texts = _first_texts(mem, collection, "what sport does my son do?")
    assert texts[0] == "Leo's given up the footy team, he's doing judo twice a week now"
