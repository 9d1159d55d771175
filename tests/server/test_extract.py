"""The rule-based fact extractor and the relation rules of remember, as pure functions."""

from __future__ import annotations

import time
from collections.abc import Sequence
from datetime import datetime, timedelta, timezone
from typing import Optional

import pytest

from longmem.server.embed import as_dict, cosine, embed
from longmem.server.extract import (
    MAX_FACT_CHARS,
    RELATION_DUPLICATE,
    RELATION_EXTENDS,
    RELATION_NEW,
    RELATION_UPDATES,
    SUPERSESSION_THRESHOLD,
    Candidate,
    RuleExtractor,
    relate,
)
from longmem.server.facts import EPISODE, FACT, PREFERENCE, ExtractedFact, Extractor

# A Wednesday, mid-morning UTC.
NOW = datetime(2026, 11, 18, 10, 30, tzinfo=timezone.utc)


def _extract(content: str, now: datetime = NOW) -> list[ExtractedFact]:
    return RuleExtractor().extract(content, now)


def _texts(content: str) -> list[str]:
    return [fact.text for fact in _extract(content)]


def _one(content: str) -> ExtractedFact:
    facts = _extract(content)
    assert len(facts) == 1, facts
    return facts[0]


def _end_of(year: int, month: int, day: int) -> datetime:
    return datetime(year, month, day, 23, 59, 59, tzinfo=timezone.utc)


class _Memory:
    """What the remember route does with relate(): store unless duplicate, supersede."""

    def __init__(self) -> None:
        self.current: list[Candidate] = []
        self.superseded: list[Candidate] = []

    def remember(self, content: str) -> list[tuple[str, str, Optional[str]]]:
        out: list[tuple[str, str, Optional[str]]] = []
        for fact in _extract(content):
            vector = embed(fact.text)
            relation, candidate, _ = relate(fact.text, vector, self.current)
            if relation == RELATION_UPDATES:
                assert candidate is not None
                self.current.remove(candidate)
                self.superseded.append(candidate)
            if relation != RELATION_DUPLICATE:
                self.current.append(Candidate(f"mem_{len(self.current)}", fact.text, vector))
            out.append((fact.text, relation, candidate.text if candidate else None))
        return out


def _relate_texts(new: str, olds: Sequence[str]) -> tuple[str, Optional[str], float]:
    candidates = [Candidate(f"mem_{i}", text, embed(text)) for i, text in enumerate(olds)]
    relation, candidate, score = relate(new, embed(new), candidates)
    return relation, (candidate.text if candidate else None), score


def _cos(a: str, b: str) -> float:
    return cosine(as_dict(embed(a)), embed(b))


# --- the required scenarios ------------------------------------------------------------


def test_moving_city_updates_the_old_city() -> None:
    memory = _Memory()
    assert memory.remember("I live in Berlin") == [("User lives in Berlin", RELATION_NEW, None)]
    assert memory.remember("I live in Paris now") == [
        ("User lives in Paris now", RELATION_UPDATES, "User lives in Berlin")
    ]
    assert [c.text for c in memory.current] == ["User lives in Paris now"]
    assert [c.text for c in memory.superseded] == ["User lives in Berlin"]


def test_more_specific_preference_extends() -> None:
    memory = _Memory()
    memory.remember("I like tea")
    assert memory.remember("I like green tea") == [
        ("User likes green tea", RELATION_EXTENDS, "User likes tea")
    ]
    assert len(memory.current) == 2


@pytest.mark.parametrize(
    "restated",
    ["I live in Paris", "I live in Paris.", "i live in paris", "I currently live in Paris"],
)
def test_restated_fact_is_a_duplicate(restated: str) -> None:
    memory = _Memory()
    memory.remember("I live in Paris")
    [(_, relation, old)] = memory.remember(restated)
    assert (relation, old) == (RELATION_DUPLICATE, "User lives in Paris")
    assert len(memory.current) == 1


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("User lives in Berlin", "User lives in Paris now"),
        ("User likes tea", "User likes green tea"),
        ("User lives in Paris", "User currently lives in Paris"),
    ],
)
def test_required_pairs_clear_the_threshold(old: str, new: str) -> None:
    assert _cos(old, new) > SUPERSESSION_THRESHOLD


def test_later_fact_in_one_content_relates_to_an_earlier_one() -> None:
    memory = _Memory()
    result = memory.remember("I live in Berlin. I live in Paris now.")
    assert [relation for _, relation, _ in result] == [RELATION_NEW, RELATION_UPDATES]


# --- third person ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "text"),
    [
        ("I moved to Paris", "User moved to Paris"),
        ("my sister Ana lives in Rome", "User's sister Ana lives in Rome"),
        ("I am a nurse", "User is a nurse"),
        ("I AM A NURSE", "User IS A NURSE"),
        ("I LOVE JAZZ", "User LOVES JAZZ"),
        ("I'm a nurse", "User is a nurse"),
        ("I’m a nurse", "User is a nurse"),
        ("I have two cats", "User has two cats"),
        ("I've got two cats", "User has got two cats"),
        ("I was a nurse", "User was a nurse"),
        ("I don't eat meat", "User doesn't eat meat"),
        ("I do not eat meat", "User does not eat meat"),
        ("I haven't been to Rome", "User hasn't been to Rome"),
        ("I didn't go", "User didn't go"),
        ("I like jazz", "User likes jazz"),
        ("I watch films", "User watches films"),
        ("I go running", "User goes running"),
        ("I study law", "User studies law"),
        ("I play chess", "User plays chess"),
        ("I really like jazz", "User really likes jazz"),
        ("I never eat meat", "User never eats meat"),
        ("I usually cycle to work", "User usually cycles to work"),
        ("I kind of like jazz", "User kind of likes jazz"),
        ("I can swim", "User can swim"),
        ("I will call Ana", "User will call Ana"),
        ("I'll call Ana", "User will call Ana"),
        ("I'd like a dog", "User would like a dog"),
        ("I'd been there", "User had been there"),
        ("I read a lot", "User read a lot"),
        ("I quit smoking", "User quit smoking"),
        ("I visited Rome", "User visited Rome"),
        ("Ana and I live in Rome", "Ana and User live in Rome"),
        ("Ana called me", "Ana called User"),
        ("That bike is mine", "That bike is User's"),
        ("I taught myself Python", "User taught themself Python"),
        ("We live in Rome", "We live in Rome"),
        ("Our dog is called Rex", "Our dog is called Rex"),
        ("Paris is lovely in spring", "Paris is lovely in spring"),
    ],
)
def test_first_person_is_rewritten_in_the_third_person(content: str, text: str) -> None:
    assert _one(content).text == text


def test_whitespace_and_trailing_punctuation_are_tidied() -> None:
    assert _texts("  i   live\tin Paris ...  ") == ["User lives in Paris"]


# --- splitting -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "texts"),
    [
        ("I live in Paris. I work at Acme!", ["User lives in Paris", "User works at Acme"]),
        ("I live in Paris; I work at Acme", ["User lives in Paris", "User works at Acme"]),
        ("I live in Paris\nI work at Acme", ["User lives in Paris", "User works at Acme"]),
        ("- I live in Paris\n* I work at Acme", ["User lives in Paris", "User works at Acme"]),
        ("1. I live in Paris\n2) I work at Acme", ["User lives in Paris", "User works at Acme"]),
        ("I live in Paris and I work at Acme", ["User lives in Paris", "User works at Acme"]),
        ("I like tea, but I hate coffee", ["User likes tea", "User hates coffee"]),
        ("I was tired so I went home", ["User was tired", "User went home"]),
        (
            "I live in Paris and my sister lives in Rome",
            ["User lives in Paris", "User's sister lives in Rome"],
        ),
        ("I like salt and pepper", ["User likes salt and pepper"]),
        ("Ana and I went to Rome", ["Ana and User went to Rome"]),
        ("My sister and I live in Rome", ["User's sister and User live in Rome"]),
        ("I live in Paris and work at Acme", ["User lives in Paris and work at Acme"]),
        ("I like my tea and my coffee hot", ["User likes User's tea and User's coffee hot"]),
        ("Dr. Smith is my doctor", ["Dr. Smith is User's doctor"]),
        ("I take it at 8 a.m. every day", ["User takes it at 8 a.m. every day"]),
        ("My score was 3.5 points", ["User's score was 3.5 points"]),
    ],
)
def test_content_is_split_into_atomic_facts(content: str, texts: list[str]) -> None:
    assert _texts(content) == texts


def test_questions_and_pleasantries_are_dropped() -> None:
    assert _texts("Hi! What is my name? Thanks. I love sushi.") == ["User loves sushi"]


@pytest.mark.parametrize("content", ["", "   ", "\n\n\t", "...", "?!", "ok. thanks!"])
def test_empty_content_gives_no_facts(content: str) -> None:
    assert _extract(content) == []


def test_long_fact_is_cut_at_a_word_boundary() -> None:
    text = _one("I like " + "green " * 3000 + "tea").text
    assert len(text) <= MAX_FACT_CHARS
    assert text.startswith("User likes green green")
    assert text.endswith("green")


@pytest.mark.parametrize("run", [".", "?", ";", "!", ". ", "and I ", "until x "])
def test_long_repetitive_content_stays_linear(run: str) -> None:
    started = time.perf_counter()
    facts = _extract("I like " + run * (60000 // len(run)) + "tea")
    assert time.perf_counter() - started < 2.0
    assert all(len(f.text) <= MAX_FACT_CHARS for f in facts)


# --- types -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        ("I like tea", PREFERENCE),
        ("I love hiking", PREFERENCE),
        ("I prefer aisle seats", PREFERENCE),
        ("I enjoy jazz", PREFERENCE),
        ("I hate mornings", PREFERENCE),
        ("I dislike crowds", PREFERENCE),
        ("My favourite colour is green", PREFERENCE),
        ("My favorite color is green", PREFERENCE),
        ("I'd rather take the train", PREFERENCE),
        ("I would rather walk", PREFERENCE),
        ("I can't stand loud music", PREFERENCE),
        ("I'm a big fan of Bach", PREFERENCE),
        ("It looks like rain", FACT),
        ("I went to Rome yesterday", EPISODE),
        ("Last week I visited my mother", EPISODE),
        ("I met Ana on Monday", EPISODE),
        ("I had lunch with Ana two days ago", EPISODE),
        ("I bought a bike this morning", EPISODE),
        ("I started a new job in 2019", EPISODE),
        ("I went to the gym today", EPISODE),
        ("I moved to Paris", FACT),
        ("I live in Paris", FACT),
        ("I'm tired today", FACT),
        ("I have a meeting on Monday", FACT),
        ("I'm allergic to nuts", FACT),
        ("I've got a cold today", FACT),
    ],
)
def test_facts_are_typed(content: str, kind: str) -> None:
    assert _one(content).type == kind


# --- expiry ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "expires"),
    [
        ("I'm busy today", _end_of(2026, 11, 18)),
        ("I'm out tonight", _end_of(2026, 11, 18)),
        ("I have a dentist appointment tomorrow", _end_of(2026, 11, 19)),
        ("I'm working from home this week", _end_of(2026, 11, 22)),
        ("I'm away this weekend", _end_of(2026, 11, 22)),
        ("I'm in London until 2026-12-01", _end_of(2026, 12, 1)),
        ("I'm in London until December 1", _end_of(2026, 12, 1)),
        ("I'm in London until Dec 1 2026", _end_of(2026, 12, 1)),
        ("I'm in London until Dec. 1st, 2027", _end_of(2027, 12, 1)),
        ("I'm in London until 1 December", _end_of(2026, 12, 1)),
        ("I'm in London until the 1st of December 2026", _end_of(2026, 12, 1)),
        ("I'm in London until Friday", _end_of(2026, 11, 20)),
        ("I'm in London until Wednesday", _end_of(2026, 11, 18)),
        ("I'm in London till March 3", _end_of(2027, 3, 3)),
        ("I'm off today and tomorrow", _end_of(2026, 11, 19)),
        ("I live in Paris", None),
        ("I went to the gym today", None),
        ("I'm in London until February 30", None),
        ("I'm in London until further notice", None),
    ],
)
def test_time_bound_facts_expire_at_the_end_of_their_day(
    content: str, expires: Optional[datetime]
) -> None:
    assert _one(content).expires_at == expires


def test_time_phrase_is_kept_in_the_text() -> None:
    assert _one("I'm in London until December 1").text == "User is in London until December 1"


def test_naive_now_is_read_as_utc() -> None:
    naive = NOW.replace(tzinfo=None)
    assert RuleExtractor().extract("I'm busy today", naive)[0].expires_at == _end_of(2026, 11, 18)


def test_aware_now_in_another_zone_uses_the_utc_date() -> None:
    tokyo = timezone(timedelta(hours=9))
    late_evening_utc = datetime(2026, 11, 19, 8, 0, tzinfo=tokyo)  # 23:00 on the 18th UTC
    facts = RuleExtractor().extract("I'm busy today", late_evening_utc)
    assert facts[0].expires_at == _end_of(2026, 11, 18)


# --- relate ----------------------------------------------------------------------------


def test_relate_without_candidates_is_new() -> None:
    assert _relate_texts("User lives in Paris", []) == (RELATION_NEW, None, 0.0)


def test_relate_below_threshold_is_new() -> None:
    relation, old, score = _relate_texts("User works at Acme", ["User lives in Paris"])
    assert (relation, old) == (RELATION_NEW, None)
    assert score <= SUPERSESSION_THRESHOLD


def test_relate_picks_the_single_most_similar_candidate() -> None:
    olds = ["User works at Acme", "User lives in Berlin", "User lives in Berlin with two cats"]
    relation, old, score = _relate_texts("User lives in Paris", olds)
    assert (relation, old) == (RELATION_UPDATES, "User lives in Berlin")
    assert score == pytest.approx(_cos("User lives in Paris", "User lives in Berlin"))


@pytest.mark.parametrize(
    ("old", "new", "relation"),
    [
        ("User lives in Berlin", "User lives in Paris", RELATION_UPDATES),
        ("User works at Acme", "User works at Globex", RELATION_UPDATES),
        ("User is 30 years old", "User is 31 years old", RELATION_UPDATES),
        ("User's favorite color is blue", "User's favorite color is green", RELATION_UPDATES),
        ("User likes tea", "User hates tea", RELATION_UPDATES),
        ("User is vegetarian", "User is not vegetarian anymore", RELATION_UPDATES),
        ("User likes coffee", "User doesn't like coffee anymore", RELATION_UPDATES),
        ("User likes tea", "User likes green tea", RELATION_EXTENDS),
        ("User lives in Paris", "User lives in Paris, France", RELATION_EXTENDS),
        ("User lives in Paris", "User lives in Paris", RELATION_DUPLICATE),
        ("User likes green tea", "User likes tea", RELATION_DUPLICATE),
        ("User lives in Paris", "User is living in Paris", RELATION_DUPLICATE),
        ("User likes tea", "User likes coffee", RELATION_NEW),
        ("User went to Rome yesterday", "User went to Paris yesterday", RELATION_NEW),
    ],
)
def test_relation_rules(old: str, new: str, relation: str) -> None:
    got, candidate, _ = _relate_texts(new, [old])
    assert got == relation
    assert candidate == (None if relation == RELATION_NEW else old)


def test_negated_restatement_below_threshold_still_updates() -> None:
    old, new = "User likes coffee", "User doesn't like coffee anymore"
    assert _cos(old, new) <= SUPERSESSION_THRESHOLD
    relation, candidate, score = _relate_texts(new, ["User works at Acme", old])
    assert (relation, candidate) == (RELATION_UPDATES, old)
    assert score == pytest.approx(_cos(old, new))


# --- the interface ---------------------------------------------------------------------


def test_rule_extractor_satisfies_the_extractor_protocol() -> None:
    extractor: Extractor = RuleExtractor()
    (fact,) = extractor.extract("I like tea", NOW)
    assert isinstance(fact, ExtractedFact)
    assert (fact.text, fact.type, fact.statement) == ("User likes tea", PREFERENCE, "I like tea")


def test_extracted_fact_is_immutable() -> None:
    fact = ExtractedFact("User likes tea", PREFERENCE)
    with pytest.raises(AttributeError):
        fact.text = "x"  # type: ignore[misc]


def test_extraction_is_deterministic() -> None:
    content = (
        "I live in Berlin and I work at Acme. I like green tea! Yesterday I met Ana. "
        "I'm in London until Dec 1. My sister lives in Rome; I'm busy today."
    )
    first = _extract(content)
    assert all(_extract(content) == first for _ in range(3))
    assert [f.type for f in first] == [FACT, FACT, PREFERENCE, EPISODE, FACT, FACT, FACT]


# --- properties ------------------------------------------------------------------------

try:
    from hypothesis import given, settings
    from hypothesis import strategies as st
except ImportError:  # hypothesis is a dev extra
    pass
else:
    _phrases = st.sampled_from(
        ["I", "I'm", "my", "me", "and", "but", "like", "today", "until", "Dec 1", ".", "?",
         "\n", ";", " ", "went", "yesterday", "Paris", "don't", "a.m.", "-", "1."]
    )  # fmt: skip
    _texts_ = st.one_of(st.text(max_size=300), st.lists(_phrases, max_size=40).map("".join))

    @settings(max_examples=200, deadline=None)
    @given(content=_texts_)
    def test_any_text_gives_well_formed_facts(content: str) -> None:
        for fact in _extract(content):
            assert 0 < len(fact.text) <= MAX_FACT_CHARS
            assert fact.text == fact.text.strip()
            assert fact.type in (FACT, PREFERENCE, EPISODE)
            assert fact.expires_at is None or fact.expires_at.tzinfo is not None

    @settings(max_examples=5, deadline=None)
    @given(content=st.text(min_size=1, max_size=40).map(lambda s: s * (10500 // len(s) + 1)))
    def test_huge_text_gives_facts_within_the_limit(content: str) -> None:
        assert all(len(f.text) <= MAX_FACT_CHARS for f in _extract(content))

    @settings(max_examples=100, deadline=None)
    @given(new=_texts_, old=_texts_)
    def test_relate_never_raises(new: str, old: str) -> None:
        relation, candidate, _ = relate(new, embed(new), [Candidate("m", old, embed(old))])
        assert relation in (RELATION_NEW, RELATION_UPDATES, RELATION_EXTENDS, RELATION_DUPLICATE)
        assert (candidate is None) == (relation == RELATION_NEW)
