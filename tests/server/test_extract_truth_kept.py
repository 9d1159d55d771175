"""What keeps or changes the current truth, as the fifty-fifth round's blind pairs
(bench/quality/wrong_facts_tune4/5) showed the rules reading it wrongly: a value told in a
time gone by ("back when I worked at …"), someone's words quoted after a colon, a hobby
taken up, a diet said with "now", a job taken, a pet named in its own clause or after a
comma, and a pronoun's own worded as such. Each had keyed a wrong fact, or lost a true
one."""

# ruff: noqa: E501  (sentences read as written, one per line)
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from longmem.server.extract import RuleExtractor
from longmem.server.facts import USER

NOW = datetime(2026, 6, 15, 12, 0, tzinfo=timezone.utc)
EXTRACTOR = RuleExtractor()


def _users(content: str) -> list[tuple[str, str, bool]]:
    return [
        (f.attribute, f.value or "", f.negated)
        for f in EXTRACTOR.extract(content, NOW)
        if f.subject == USER and f.attribute
    ]


@pytest.mark.parametrize(
    ("said", "keys"),
    [
        # a value told in a time gone by is no value held now (the job had been retired)
        ("back when I worked at Walgreens as a pharmacy tech I hated the drive-thru", []),
        ("back when I worked at Walgreens as a pharmacy tech, I hated it", []),
        ("while I was working at Tesco as a cashier I met my wife", []),
        # news told with its time stays news
        (
            "When I started at Aldi as a cashier I was nervous",
            [("job", "cashier", False), ("employer", "Aldi", False)],
        ),
        # someone's first-person words after a colon are theirs
        (
            "Theo's sister sent me this for the wedding website: 'Hi!! I'm Maya, I'm a vegan pastry chef in Portland, 25, love hiking'",
            [],
        ),
        (
            "quote from my MPH reading: 'I am a 40-year-old woman living in rural Minnesota with diabetes' — it's a patient narrative",
            [],
        ),
        (
            "Draft patient instructions, check the reading level: 'You are allergic to sulfa drugs. Do not take Bactrim.'",
            [],
        ),
        # a hobby taken up, a kind said before it, with "have"
        ("I took up wild swimming", [("hobbies", "wild swimming", False)]),
        (
            "I've taken up wild swimming, go every Sunday at the reservoir",
            [("hobbies", "wild swimming", False)],
        ),
        ("I've got into rock climbing lately", [("hobbies", "rock climbing", False)]),
        ("I've started running", [("hobbies", "running", False)]),
        ("I've started eating meat", [("diet", "eats meat", False)]),
        # a diet said with "now": news (not "now and then")
        ("I caved. I eat meat now", [("diet", "eats meat", False)]),
        ("we eat fish these days", [("diet", "eats fish", False)]),
        ("I eat meat now and then", []),
        # a job taken, by its title
        (
            "took the charge nurse role after all, started this week",
            [("job", "charge nurse", False)],
        ),
        ("I accepted the store manager job", [("job", "store manager", False)]),
        ("I turned down the manager job", []),
        # a pet named in its own clause, or after a comma by its kind
        ("adopted a cat from the shelter and named her Tofu", [("pets", "cat called Tofu", False)]),
        (
            "we've got a second cat now, a tabby called Miso",
            [("pets", "second cat called Miso", False)],
        ),
        ("I have a dog, a big one called Rex", [("pets", "dog called Rex", False)]),
        ("I met a guy, a lad called Tom", []),
    ],
)
def test_what_is_told_keys_what_holds_now(said: str, keys: list[tuple[str, str, bool]]) -> None:
    assert _users(said) == keys


@pytest.mark.parametrize(
    ("said", "as_theirs"),
    [
        # the user's own words shown after a colon are read as the user's, in the third
        # person; someone else's are kept as they were said
        ("status I just posted: 'I live in Leeds now'", False),
        ("my new bio: 'I live in Leeds now'", False),
        ("note to self: 'I live in Leeds now'", False),
        ("she sent me her bio: 'I live in Leeds now'", True),
    ],
)
def test_words_quoted_after_a_colon_are_the_users_only_if_the_user_wrote_them(
    said: str, as_theirs: bool
) -> None:
    [fact] = EXTRACTOR.extract(said, NOW)
    assert ("'I live in Leeds now'" in fact.text) is as_theirs, fact.text
    assert ("User lives in Leeds now" in fact.text) is not as_theirs, fact.text


def test_a_pronouns_own_is_worded_as_its_own() -> None:
    # "She's hobbies include running" had been the wording
    [fact] = EXTRACTOR.extract("she started running", NOW)
    assert (fact.text, fact.attribute) == ("Her hobbies include running", "hobbies")
