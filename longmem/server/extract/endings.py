"""What a sentence's later clauses say of its earlier facts: a leaving that ends the job
the sentence told ("I joined Google in 2019, left last year": Google, by its value; "got
a new job at Google so I quit today": the job before it, ended first; "started at the gym
in January and quit in March": no job), and a work told by how long so far that a later
clause says was left ("I've worked at Google for 3 years and then moved to Meta").

what_ended(facts, sentence) reads a sentence's facts once its clauses are read, and
ended_in_the_next(earlier, facts) says when a sentence that opens with a bare leaving
is read with the one before it ("Landed a new job at Stripe!! quit on friday");
left_the_job_told(...) says when a clause that says only "left" and when ends the job
told before it (pipeline.py reads it again as "quit"); new_after_an_end(...) reads what a
clause says beside an ending for the new value ("quit my job at tesco and joined aldi").
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime
from typing import Optional

from ..facts import ENDS_WITH, USER, WORK_ATTRIBUTES, ExtractedFact
from .clause_facts import facts_of
from .ended import HABIT_LEFT
from .keys import Key
from .lexicon import LEFT_WHEN_SAID, MONTH_RE
from .places import places_in
from .subjects import NOBODY, Parsed, Subject
from .third_person import finish, third_person
from .wording import sentence_of

# "left" and when, no more: "left last year", "then left in 2019" (what was left unsaid;
# not "left last night", "left today at 8": a day's work done).
_LEFT_WHEN = re.compile(
    r"^(?:(?:then|later|eventually|finally)\s+)?left(?:\s+" + LEFT_WHEN_SAID + r")?\s*$",
    re.I,
)


def what_ended(told: list[ExtractedFact], sentence: str) -> list[ExtractedFact]:
    """A sentence's facts, a bare leaving ("resigned", "quit in March") read by what the
    sentence told before it: "I got a job at Tesco in 2019 and quit in March" ends Tesco
    (by value: an ending with no value retires the employer the user has now) and the job
    told with it; "I got a new job at Google so I quit today" ends the job before Google
    (the ending first); "I started at the gym in January and quit in March" ends no job;
    "… left in March but went back in June" ends nothing."""
    out: list[ExtractedFact] = []
    told = _so_far_then_gone(told, sentence)
    for fact in told:
        if (
            not fact.attribute
            and fact.subject == USER
            and _LEAVING_ALONE.match(fact.statement)
            and any(f.attribute in WORK_ATTRIBUTES and f.subject == USER for f in out)
        ):
            # what a clause told after its job, with no subject: "joined the nhs as a
            # paramedic in 2015, quit recently" (had been the words "Quit recently")
            words = fact.statement[:1].lower() + fact.statement[1:]
            fact = replace(
                fact,
                text=finish(third_person("I " + words)),
                attribute="employer",
                negated=True,
            )
        if not _bare(fact):
            out.append(fact)
            continue
        plain = replace(fact, attribute=None, negated=False)
        if _BACK_AGAIN.search(sentence) or (
            _QUIT.search(fact.statement) and _A_HABIT_LEFT.search(sentence)
        ):
            # "… left in March but went back in June"; "I quit in march and haven't had a
            # drink since": a habit, said in the clause after
            out.append(plain)
            continue
        assert fact.attribute is not None  # a bare leaving's: in ENDS_WITH
        ended = (fact.attribute, *ENDS_WITH[fact.attribute])
        begun = [
            f
            for f in out
            if f.subject == fact.subject and f.attribute in ended and f.value and not f.negated
        ]
        if begun and (
            _LEFT_FOR_IT.search(sentence)
            or any(_A_JOB_TO_COME.search(f.statement) for f in begun)
            or (
                any(
                    _A_NEW_JOB.search(f.statement) and not _A_TIME_GONE.search(f.statement)
                    for f in begun
                )
                and not _SOON_AFTER.search(fact.statement)
            )
        ):
            # the job left is the one before the new one: ended before it is told
            at = out.index(begun[0])
            out.insert(at, fact)
        elif begun and all(_BEGUN_THEN.search(f.statement) for f in begun):
            # in the words said for the key the ending names, the others worded
            # ("User resigned last month", "User no longer works as a nurse")
            said = next((f for f in begun if f.attribute == fact.attribute), begun[0])
            out += [
                replace(
                    fact,
                    attribute=f.attribute,
                    value=f.value,
                    text=_naming(fact.text, f) if f is said else _denied(f),
                )
                for f in begun
            ]
        elif not begun and any(
            f.subject == fact.subject
            and f.attribute not in WORK_ATTRIBUTES
            and _STARTED_SOMETHING.search(f.statement)
            for f in out
        ):
            out.append(plain)  # the gym, the course, the app it started
        elif any(
            f.subject == fact.subject and f.attribute in WORK_ATTRIBUTES and not f.negated
            for f in out
        ) and (
            _FROM_ELSEWHERE.search(fact.statement)
            or fact.subject != USER
            or (not _BUT.search(sentence) and not _LEFT_NOW.search(fact.statement))
        ):
            # a job held now, told first: "I work at Tesco and retired in 2019 from the
            # police", "my husband works at Meta, left in 2022", "I work at Asda, left in
            # 2022" leave it, something before (not "I work at Google but I resigned",
            # "I work at Google and quit today": this one, now)
            out.append(plain)
        else:
            out.append(fact)
    return out


def ended_in_the_next(earlier: list[ExtractedFact], facts: list[ExtractedFact]) -> bool:
    """Whether a sentence whose facts are ``facts`` opens with a bare leaving of a job
    ("quit on friday", "Retired in 2019 from the army though") after a sentence of the
    same message that told the work of whoever left as begun or new (or the leaving names
    where from), and no leaving of its own (``earlier``, its facts): the two are read as
    one ("Landed a new job at Stripe!! quit on friday" ends the job before Stripe, not
    Stripe; "I work at Greggs. quit on friday." ends Greggs, as it did)."""
    if not facts or not _bare(facts[0]) or facts[0].attribute != "employer":
        return False
    work = [
        f
        for f in earlier
        if f.subject == facts[0].subject and f.attribute in WORK_ATTRIBUTES and not f.negated
    ]
    # a job begun or new before it, or a leaving from somewhere it names (not "I work at
    # Greggs. quit on friday": the job held, ended)
    begun = any(
        _BEGUN_THEN.search(f.statement) or _A_NEW_JOB.search(f.statement) for f in work
    ) or bool(_FROM_ELSEWHERE.search(facts[0].statement))
    return (
        bool(work)
        and begun
        and not any(f.negated or _BARE_LEAVING.match(f.statement) for f in earlier)
    )


def _bare(fact: ExtractedFact) -> bool:
    """Whether a fact is a leaving that names no value ("quit in March")."""
    return (
        fact.negated
        and fact.value is None
        and fact.attribute in ENDS_WITH
        and _BARE_LEAVING.match(fact.statement) is not None
    )


# The verbs of a job's leaving, said alone: the pieces below are built from them.
_LEAVING_VERB = r"(?:quit|left|resigned|retired)"
# Leaving said alone, with no subject and no more than when: "quit recently", "eventually
# left in 2020", "quit in september lol".
_LEAVING_ALONE = re.compile(
    r"^(?:(?:then|later|eventually|finally|just)\s+)?"
    + _LEAVING_VERB
    + r"(?:\s+"
    + LEFT_WHEN_SAID
    + r")?(?:\s+(?:lol|haha|tbh))?\s*$",
    re.I,
)
# Leaving said bare, with no more than when: "quit in March", "I resigned last month",
# "my sister quit in March".
_BARE_LEAVING = re.compile(
    r"^(?:(?:I|we|he|she|they|(?:my|our)\s+[\w-]+(?:\s+(?-i:[A-Z])[a-z]+)?|(?-i:[A-Z])[a-z]+)\s+)?"
    r"(?:(?:then|later|eventually|finally|just|recently|also)\s+)?"
    + _LEAVING_VERB
    + r"\b(?!\s+(?:my|our|the|his|her|from|as|to)\b)",
    re.I,
)
# A habit quit, said anywhere in the sentence (ended.HABIT_LEFT reads its own clause).
_QUIT = re.compile(r"\bquit\b", re.I)
_A_HABIT_LEFT = re.compile(HABIT_LEFT, re.I)
# A return after the leaving: "left in 2019 and came back in 2021".
_BACK_AGAIN = re.compile(
    r"\b(?:came|come|went|go|going|moved|got)\s+back\b|\b(?:rejoined|returned|re-?hired)\b",
    re.I,
)
# A job the leaving is for: said as its cause ("got a new job at Google so I quit
# today", "… which is why I resigned"), or to come ("I start at Google next month so I
# quit", "I've accepted a job at Amazon and resigned on Friday"): the leaving is of the
# job before it (not "started a new job at Lidl in May and quit in July": Lidl's).
_LEFT_FOR_IT = re.compile(
    r"\b(?:so|hence|therefore|which\s+is\s+why|that'?s\s+why)\s+(?:I\s+|we\s+)?(?:just\s+|finally\s+|have\s+|'ve\s+)?"
    r"(?:quit|left|resigned|handed)\b",
    re.I,
)
_A_JOB_TO_COME = re.compile(
    r"\b(?:will|'ll|going\s+to|gonna|start(?:s|ing)?\s+(?:next|on|in|from|tomorrow|monday|"
    r"tuesday|wednesday|thursday|friday|saturday|sunday)|starting|(?:have|'ve)\s+accepted|"
    r"(?:have|'ve)\s+been\s+offered)\b",
    re.I,
)
# … or told as new and now, no past time said with it ("I got a new job at Google and
# quit today", "I accepted a job at Amazon and resigned this morning"; not "started a
# new job at Lidl in May and quit in July", "accepted a job at Aldi in 2020 and quit").
_A_NEW_JOB = re.compile(
    r"\b(?:new\s+(?:job|role|position)|accepted|offered|an\s+offer|landed)\b", re.I
)
_A_TIME_GONE = re.compile(
    r"\b(?:in\s+(?:(?:19|20)\d\d|" + MONTH_RE + r")|last\s+\w+|ago|back\s+in|since)\b", re.I
)
# … unless the leaving is said to come soon after it: "got a new job at KFC and quit
# after a week", "… a month later".
_SOON_AFTER = re.compile(
    r"\b(?:after\s+(?:a|an|one|two|three|\d+|a\s+few|a\s+couple\s+of)\s+(?:days?|weeks?|months?|"
    r"shifts?|fortnight)|after\s+(?:lunch|a\s+fortnight)|(?:a|an|one|two|three|\d+)\s+(?:days?|weeks?|"
    r"months?)\s+later|within\s+(?:a|an|\d+)\s+\w+|on\s+(?:my|his|her|their)\s+(?:first|second)\s+"
    r"day|on\s+day\s+(?:one|1)|the\s+(?:same|next)\s+(?:day|week))\b",
    re.I,
)
# A leaving said against the job told ("… but I resigned"), or now ("… and quit today").
_BUT = re.compile(r"\bbut\b", re.I)
_LEFT_NOW = re.compile(r"\b(?:today|yesterday|this\s+(?:morning|afternoon|week)|just|now)\b", re.I)
# A leaving from somewhere it names: "retired in 2019 from the police".
_FROM_ELSEWHERE = re.compile(r"\bfrom\s+\S", re.I)
# A job told as begun or past, whose leaving the sentence then tells: "joined Google in
# 2019", "was hired as a nurse", "got a job at Tesco" (not "I work at Google and left").
_BEGUN_THEN = re.compile(
    r"\b(?:joined|started|began|hired|got\s+(?:a|the|my|an)\s+(?:[\w-]+\s+)?(?:job|role|position)|"
    r"took\s+(?:a|the)\s+job|took\s+over|accepted|worked|signed|scored|landed|became|promoted)\b",
    re.I,
)
# Something else started first, whose leaving it is: "started at the gym in January",
# "joined a choir", "signed up for couch to 5k", "took up Duolingo".
_STARTED_SOMETHING = re.compile(
    r"\b(?:started|joined|signed\s+up|took\s+up|began|got\s+into|enrolled)\b", re.I
)


def _so_far_then_gone(told: list[ExtractedFact], sentence: str) -> list[ExtractedFact]:
    """A sentence's facts, a work told by how long it has lasted ("I've worked at Google
    for 3 years") kept as words when a later clause of the sentence says it was left
    ("… and then moved to Meta", "… and then I left to have my son"): not held now; and
    where it went, no place, is no home or stay ("Meta"; also after a work in the past:
    "I worked at NatWest for 3 years and then moved to Monzo")."""
    worked = any(_so_far(f) for f in told) or _WORKED_THEN_MOVED.search(sentence) is not None
    if not _THEN_GONE.search(sentence) or not worked:
        return told
    return [
        replace(f, text=finish(third_person(f.statement)), attribute=None, value=None)
        if _so_far(f)
        or (f.attribute in ("home", "location") and f.value and not places_in(f.value))
        else f
        for f in told
    ]


# A work in the past, then a move: "worked at Argos for a year and then moved to Currys".
_WORKED_THEN_MOVED = re.compile(r"\bworked\s+(?:at|for)\b[^.!?]*\bthen\s+moved\s+to\b", re.I)


def _so_far(fact: ExtractedFact) -> bool:
    """Whether a fact is a work told by how long it has lasted ("I've worked at Google")."""
    return (
        fact.attribute in WORK_ATTRIBUTES
        and not fact.negated
        and _SO_FAR_WORKED.search(fact.statement) is not None
    )


# A work told by how long so far, and a clause after it that says it was left.
_SO_FAR_WORKED = re.compile(r"\b(?:have|has|'ve)\s+(?:\w+\s+)?(?:worked|taught)\b", re.I)
_THEN_GONE = re.compile(
    r"\bthen\s+(?:(?:I|we)\s+)?(?:left|moved|quit|switched|went)\b|"
    r"(?:\band|,)\s+(?:(?:I|we)\s+)?(?:left|quit)\b(?!\s+(?:my|the|a|an|it|him|her|them|home|early|"
    r"smoking|vaping|drinking)\b)(?!\s+(?-i:[A-Z]))",
    re.I,
)


def _naming(text: str, fact: ExtractedFact) -> str:
    """A leaving's words naming the employer it ends, where they do not ("User left last
    year" → "User left Google last year", "User resigned in March" → "User resigned from
    Tesco in March"); as said otherwise, or for another key."""
    value = fact.value or ""
    left = _LEFT_VERB.search(text)
    if fact.attribute != "employer" or left is None or value.casefold() in text.casefold():
        return text
    named = f" from {value}" if left.group().lower() in ("resigned", "retired") else f" {value}"
    return f"{text[: left.end()]}{named}{text[left.end() :]}"


_LEFT_VERB = re.compile(r"\b" + _LEAVING_VERB + r"\b", re.I)


def _denied(fact: ExtractedFact) -> str:
    """A keyed fact's wording as an end ("User works as a nurse" → "User no longer works
    as a nurse"), its subject named as its text names it; its text if worded otherwise."""
    assert fact.attribute is not None and fact.value is not None
    key = Key(fact.attribute, fact.value, False, fact.type)
    worded = sentence_of(Subject(fact.subject, ""), key)
    if not fact.text.endswith(worded):
        return fact.text
    name = fact.text[: len(fact.text) - len(worded)]
    return sentence_of(Subject(fact.subject, name), replace(key, negated=True))


def left_the_job_told(
    parsed: Parsed, told: list[ExtractedFact], before: list[ExtractedFact]
) -> bool:
    """Whether a clause that says only that its subject left, and when, follows their job
    or employer told earlier in the sentence: the job they left ("I got a job at Tesco in
    2019 and left in March", "my wife joined Google in 2019 and left last year"; not "…
    and left early", "… and left my old one")."""
    return (
        parsed.subject.key not in ("", NOBODY.key)
        and len(told) == 1
        and not told[0].attribute
        and _LEFT_WHEN.match(parsed.predicate) is not None
        and any(
            f.subject == parsed.subject.key and f.attribute in WORK_ATTRIBUTES and not f.negated
            for f in before
        )
    )


def new_after_an_end(
    told: list[ExtractedFact],
    parsed: Parsed,
    sentence: str,
    said: datetime,
    until: Optional[datetime],
    condition: bool,
) -> list[ExtractedFact]:
    """A clause's facts, what it says beside an ending of the user's read again for the
    new value of what ended: "quit my job at tesco and joined aldi", "sold the old golf
    and picked up a used toyota yaris" (the ending had taken the attribute for the whole
    clause, and the rest was kept plain)."""
    ended = {f.attribute for f in told if f.negated and f.attribute and f.subject == USER}
    if not ended or parsed.subject.key != USER:
        return told
    if ended & WORK_ATTRIBUTES:
        ended |= WORK_ATTRIBUTES
    kept: list[ExtractedFact] = []
    for fact in told:
        if fact.attribute is None and fact.subject == USER:
            again = facts_of(
                fact.statement,
                sentence,
                Parsed(parsed.subject, fact.statement),
                said,
                until,
                condition,
            )
            if any(f.attribute in ended and not f.negated for f in again):
                kept += again
                continue
        kept.append(fact)
    return kept
