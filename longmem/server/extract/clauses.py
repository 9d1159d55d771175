"""Sentences into clauses.

Splitting, step 5 (steps 1–4 are ``chat.py``'s): a sentence is split at ``and`` /
``but`` / ``so`` / ``and then`` / ``;`` / a comma, when a new clause starts there: the
right side begins with a subject (``I``, ``we``, ``he``, ``she``, ``they``,
``my``/``our`` + a verb soon after) — or, after ``and``/``but``/``so``, with a verb,
which then takes the left side's subject ("I moved to Paris and started at Airbus" → "I
moved to Paris", "I started at Airbus"). "salt and pepper" and "Ana and I went to Rome"
stay whole.

Content longer than one memory is first cut into pieces at these boundaries (``pieces``),
so a long text reads as it would whole.

A news label or an introduction a sentence opens with is read first (``openings.py``);
where a sentence ends, and its words, are ``text.py``'s.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from typing import Optional

from ..embed import STOP_WORDS
from .governed import governing
from .join_people import (
    named_and_past,
    new_one_named,
    one_of_mine,
    one_of_them_told,
    person_of,
)
from .kin import RELATIONS
from .lexicon import (
    ADVERBS,
    CLAUSE_VERBS,
    LEFT_WHEN_SAID,
    MONTH_NAMES,
    PAST_IRREGULAR,
    REASONS,
    TRIP_TO,
    WEEKDAY_RE,
    WEEKDAYS,
    words,
)
from .openings import (
    HE_OR_SHE_FIRST,
    HOME_LABEL,
    NEWS_LABEL,
    SAID_BY_ME,
    THEIR_NEWS_LABEL,
    at_the_new_job,
    introduced,
)
from .places import place_rest
from .text import lower_words, sentence_ends
from .values import is_occupation

_SUBJECT_WORDS = words(
    "i i'm i've i'd i'll we we're we've we'd we'll he he's she she's they they're"
)


_SPACE = re.compile(r"\s+")


def pieces(content: str, max_chars: int) -> list[str]:
    """``content`` cut into pieces of at most ``max_chars``, each as long as it can be, so
    that each reads as its part of the whole did: cut at line ends, else at sentence ends,
    else where a clause joins the next (``and``, ``but``, a comma), else at a space, else
    anywhere. Joined, the pieces are ``content``."""
    units: list[str] = []
    for line in content.splitlines(keepends=True):
        units += _cut(line, max_chars, 0)
    found: list[str] = []
    for unit in units:
        if found and len(found[-1]) + len(unit) <= max_chars:
            found[-1] += unit
        else:
            found.append(unit)
    return found


def _cut(text: str, max_chars: int, level: int) -> list[str]:
    """``text`` in parts of at most ``max_chars``, cut at the boundaries of ``level`` (0:
    sentence ends, 1: clause joins, 2: spaces) and finer ones where those are too far apart.
    A cut falls after a sentence's punctuation and before a clause's joining word."""
    if len(text) <= max_chars:
        return [text]
    if level == 0:
        cuts = [m.end() for m in sentence_ends(text)]
    elif level == 1:
        cuts = [m.start() for m in _JOIN.finditer(text)]
    elif level == 2:
        cuts = [m.start() for m in _SPACE.finditer(text)]
    else:
        return [text[i : i + max_chars] for i in range(0, len(text), max_chars)]
    parts: list[str] = []
    start = 0
    for cut in [c for c in cuts if 0 < c < len(text)] + [len(text)]:
        parts += _cut(text[start:cut], max_chars, level + 1)
        start = cut
    return parts


# A trip told after a comma, "and" or "but", by the subject before: "I live in Nairobi but
# heading to Mombasa tomorrow", "moved to Lisbon last month, off to Porto this weekend",
# "… but currently on vacation in Manila", "Living in Mombasa, will be in Nairobi …".
_ON_A_TRIP = re.compile(
    # … not a trip that is the subject of what follows ("heading to Mombasa tomorrow was
    # the plan"), nor one for good ("off to Glasgow on Monday for good": a move)
    r"^(?![^,.;!?]*\b(?:was|were|is|isn't|wasn't|for good|permanently)\b)"
    r"(?:(?:just|now|also|then|currently|actually)\s+)*(?:"
    + TRIP_TO
    + r"|(?:currently|presently)\s+(?:in|at|on)|(?:will|gonna)\s+be\s+(?:in|at))\s+(?:the\s+)?"
    r"(?:\w+\s+){0,3}?(?-i:[A-Z])",
    re.I,
)


# "so" joins clauses, except as "very" after a verb of being: "I'm so tired today".
_SO_VERY = "".join(
    rf"(?<!{verb})"
    for verb in (
        r"\bam",
        "'m",
        r"\bis",
        "'s",
        r"\bare",
        "'re",
        r"\bwas",
        r"\bwere",
        r"\bbe",
        r"\bfeel",
        r"\bfeeling",
        r"\bim",
        r"\bget",
        r"\bgot",
    )
)
_HE_OR_SHE_NEXT = re.compile(
    r"(?:he|she)(?:['’]s|\s+(?:is|was|has|loves|likes|lives|works|starts))\b", re.I
)
# A relative or someone named after a clause's opening, not as its subject: "party ideas
# for my son", "catching up with Harriet" (then "she's working for Greenpeace" had been
# the user's job); or someone's day at work, told first: "wife's last day at the
# infirmary today, she starts at Boots monday".
_RELATIVE_AFTER_OPENING = re.compile(
    r"^\s*(?!(?:my|our)\b)\S.*\b(?:my|our)\s+\w|"
    r"^\s*(?!.*\b(?:my|our)\s)\S.*\s(?-i:[A-Z][a-z]+)\b|"
    r"^\s*(?:(?:my|our)\s+)?[\w-]+['’]s\s+(?:last|first)\s+(?:day|week|shift)\b",
    re.I,
)
# Where one lives or works, said in the first person without "I": "(I'm 33,) live in Bristol".
# How one does it, between the verb and where: "work part-time at", "living remotely in".
_HOW = r"(?:(?:part[- ]time|full[- ]time|remotely|mostly|now)\s+)?"
_LIVE_OR_WORK = re.compile(r"(?:live|work|study|teach)\s+" + _HOW + r"(?:in|at|as|for|on)\s", re.I)
# … and said after "and": "I'm 30 and living in Leeds".
_LIVING_OR_WORKING = re.compile(
    r"(?:living|working|studying|teaching|based)\s+" + _HOW + r"(?:in|at|as|for|on|out\s+of)\s",
    re.I,
)
# One's age alone ("I'm 31", "I am 31 years old"), and a state said after it with "and"
# ("… and single", "… and pregnant", "… and still living at home"): not more of the age
# ("… and a half", "… and counting", "… and holding"), a number, a thing ("… and a tenner
# from my gran"), what the user is compared with ("… and already taller than me"), nor
# what an aside gives to someone else ("70 and still gardening, my gran").
_MY_AGE_ALONE = re.compile(
    r"^(?:I['’]m|I\s+am|im)\s+(?:1[3-9]|[2-9]\d|1[01]\d)(?:\s+(?:years?\s+old|yo|y/o))?\s*$", re.I
)
# … said as a state, not what one did ("… and engaged", "… and married to Tom"; not "…
# and employed a cleaner", "… and separated at birth", "… and retired my old van"; "…
# and recently retired" is read as what one did, an end of work).
_A_STATE_SAID_AS_DONE = re.compile(
    r"(?:still\s+|happily\s+|newly\s+|now\s+)?(?:married|engaged|divorced|separated|widowed|"
    r"unemployed|self-employed|employed)(?=\s*(?:$|[,.!;?)]|(?:to|with|from|since|and|but|now|"
    r"again|twice|right\s+now|at\s+the\s+moment|atm|at\s+present|currently|as|full[- ]?time|"
    r"part[- ]?time|lol|haha|tbh)\b|at\s+(?-i:[A-Z])))",
    re.I,
)
_A_STATE_AFTER_AN_AGE = re.compile(
    r"(?!(?:a|an|the|half|and|three\s+quarters|counting|holding|change|some|odd|months?|years?|"
    r"days?|weeks?)\b)[^\W\d_](?!.*\bme\b|.*,\s*(?:my|our)\s)",
    re.I,
)
# … or a job after it: "I'm 34 and a nurse", "I'm 29 and a teacher in Leeds" (not "… and
# a half", "… and a bit").
_A_JOB_AFTER_AN_AGE = re.compile(r"an?\s+(?P<job>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)", re.I)


# How one is, a word or two: "I'm tired", "I'm a mum", "we're vegan" (before "and married").
_HOW_ONE_IS_ALONE = re.compile(
    r"^(?:I['’]m|I\s+am|im|we['’]re|we\s+are)\s+(?:(?:a|an|so|very|really|pretty)\s+)?[\w-]+$",
    re.I,
)
# The other way round: "i'm a dentist and 27", "I'm a nurse and 34 years old".
_MY_JOB_ALONE = re.compile(
    r"^(?:I['’]m|I\s+am|im)\s+an?\s+(?P<job>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)$", re.I
)
_AN_AGE_ALONE = re.compile(
    r"(?:1[3-9]|[2-9]\d|1[01]\d)(?:\s+(?:years?\s+old|yo|y/o))?\s*(?:$|[,.!;])", re.I
)


def _a_job_alone(said: str) -> bool:
    """Whether ``said`` is only the user's job: "i'm a dentist", "im a staff nurse"."""
    job = _MY_JOB_ALONE.match(said.strip())
    return job is not None and is_occupation(job.group("job"))


def _a_job_after_an_age(right: str) -> bool:
    said = _A_JOB_AFTER_AN_AGE.match(right)
    if said is None:
        return False
    words = said.group("job").split()
    return is_occupation(" ".join(words)) or is_occupation(words[0])


# … not in a question, a quote, a wish or a joke ("what if I quit, move to Bali, work at a
# surf shop?", "told him 'I'm married, live in Leeds'", "I'd love to be 30 and living…").
_NOT_AS_IT_IS = re.compile(
    r"\?|(?:^|\s)['‘\"“]|\b(?:if|would|i['’]d|should|want|wanna|hoping|hope|wish|love\s+to|plan|dream|"
    r"jk|kidding)\b",
    re.I,
)
# (Each join starts where a run of spaces does, never inside one: tried from every space
# of a long run, each attempt rescanned the rest of it.)
_JOIN = re.compile(
    r"(?<!\s)(?P<sep>\s*,\s*(?:and\s+then|and\s+also|and|but|so)\s+|\s+(?:and\s+then|and\s+also|and"
    r"|but)\s+|" + _SO_VERY + r"\s+so\s+|\s*,\s+|"
    # a reason said of someone: "(moved to Leeds) because my husband got a job at Google"
    # (not one's possession: "… because my stepdad's dog ran off"; not "since", which is
    # as often a time: "in Leeds since my sister moved here")
    r"\s+(?:" + REASONS + r")\s+(?=(?:my|our|his|her|their)\s+[\w-]+\s)|"
    # a run-on, typed without a stop: "i'm 26 i live in manchester" (_RUN_ON says when)
    r"\s+(?=i(?:['’]m|m|['’]ve|['’]ll)?\s))",
    re.I,
)
# What a run-on's first clause ends on, that no clause of its own can follow unjoined but a
# new one: a number, a name or a place ("i'm 26 i live…", "i live in leeds i work…"; not
# "the town I grew up in", "the guy I met at the gym").
_RUN_ON_END = re.compile(r"(?:\d+|(?-i:[A-Z])[\w'’-]*)$")
# … nor a word that joins or says when, whose clause goes on: "(on Ward 12) cos | I love
# it", "(I live in Leeds,) Monday | I start"
_NOT_A_RUN_ON_END = (
    words(
        """i i'm i’m im cos coz cuz bc because so and but or when if as since that than like
    then while until till"""
    )
    | frozenset(MONTH_NAMES)
    | frozenset(WEEKDAYS)
)
# A clause that says where someone lives or works, whose trip may follow.
_LIVES_OR_WORKS = re.compile(r"\b(?:lives|lived|living|based|works|worked|working)\b", re.I)
# What the user only reports: "I think Dave is …", "I told my manager, …".
_REPORTING = re.compile(
    r"^\s*(?:'m\s+|am\s+)?(?:think|thought|heard|hear|guess|reckon|believe|told|tell|asked|ask|"
    r"said|say|know|knew|hope|wish|doubt|wonder|suppose|bet)\b",
    re.I,
)
# A part said of oneself that says where one lives or works: "Living in Mombasa, …", "Home is
# Leeds, …", "Auckland's home, …".
_WHERE_ONE_IS = re.compile(
    r"^(?:(?:now|currently|also)\s+)?(?:living|based|staying|renting|residing|working)\b|"
    r"^(?:still|currently|now|just)\s+in\b|"
    r"^home(?:'s|\s+is|\s*[=:])|^[^,]*\b(?:is|'s)\s+(?:still\s+|always\s+)?home$",
    re.I,
)


def clauses(
    sentence: str, people: Collection[str] = (), named: Callable[[str], bool] = lambda w: False
) -> list[str]:
    """A sentence's clauses, each with a subject of its own where the sentence gave one.
    ``people``: the words for people ("sister", "mum"), who may be the subject of a verb
    after a comma as well as before it ("My mum retired, moved to Devon"); ``named``:
    whether a word in lower case may be someone's name, a subject when a past verb
    follows it ("…in June, josh got a job with Austin Fire")."""
    label, colon, told = sentence.partition(": ")
    theirs = THEIR_NEWS_LABEL.match(label.strip()) if colon else None
    pronoun = HE_OR_SHE_FIRST.match(told) if theirs else None
    if theirs and pronoun and theirs.group("who").lower() in people:
        # "husband news: he's quit the police": the husband's (it had been no one's)
        return clauses(f"my {theirs.group('who')}{told[pronoun.end() :]}", people, named)
    if (
        colon
        and told.strip()
        and (
            NEWS_LABEL.match(label.strip())
            or (HOME_LABEL.match(label.strip()) and SAID_BY_ME.match(told))
        )
    ):
        # "New year, new job: I'm now a senior adviser at …", "ok got something: staff
        # engineer at Wolt": the news after its label is a clause of its own; the label
        # says nothing itself — but for a new job's, before where and what as, listed
        # ("new job: monzo, backend engineer, payments team")
        return clauses(at_the_new_job(label, told), people, named)
    sentence, rest = introduced(sentence)
    if rest:
        return clauses(sentence, people, named) + clauses(rest, people, named)
    parts: list[str] = []
    start = scanned = 0
    left_has_clause = False
    carried = ""  # the subject a clause that starts with its verb takes from the one before
    since = _SincePause()  # what the left side said since its last comma, read once
    not_as_it_is: list[bool] = []

    def as_it_is_not() -> bool:
        """Whether the sentence hopes, asks, quotes or jokes (read once, when asked)."""
        if not not_as_it_is:
            not_as_it_is.append(_NOT_AS_IT_IS.search(sentence) is not None)
        return not_as_it_is[0]

    for match in _JOIN.finditer(sentence):
        # Scan each stretch once, and only the head of the right side, so a sentence of
        # thousands of "and"s stays linear.
        if not left_has_clause:
            # "Living in Mombasa, will be in Nairobi …": a part said of oneself is one too;
            # so is what "he" or "she" follows ("party ideas for my son, he's turning 5")
            left_has_clause = (
                has_clause(sentence[scanned : match.start()])
                or _WHERE_ONE_IS.match(sentence[scanned : match.start()].strip()) is not None
                or (
                    _HE_OR_SHE_NEXT.match(sentence, match.end()) is not None
                    and _RELATIVE_AFTER_OPENING.match(sentence[start : match.start()]) is not None
                )
                # "flat in leith, gf is vegetarian": one of the user's people told of after
                # a note with no verb is a clause of its own (the note had lent the user
                # the gf's diet)
                or (
                    match.group("sep").strip() == ","
                    and one_of_them_told(sentence[match.end() : match.end() + 120], people)
                    # (not an apposition: "My sekuru Farai, mum's brother, is a pastor";
                    # not "the kids …", which no one takes for the user's)
                    and not _APPOSITION.match(sentence, match.end())
                    and not _THE_ONES.match(sentence, match.end())
                )
            )
        scanned = match.start()
        if not left_has_clause:
            continue
        left = carried + sentence[start : match.start()]
        right = sentence[match.end() : match.end() + 120]
        if not match.group("sep").strip() and not _a_run_on(left, right, since):
            continue
        if match.group("sep").strip() in ("and", "&") and _AND_I_ARE.match(right):
            continue  # "Jess and I are now roommates": not "Jess" and "I are …"
        if (
            starts_clause(right)
            or (not match.group("sep").strip(" ,").startswith("and") and _someone_and_i(right))
            or named_and_past(right, named)
            or new_one_named(right, people)
            or one_of_them_told(right, people)
        ):
            carried = ""
        elif (
            match.group("sep").strip(" ,") == "and"
            and (
                (_a_job_alone(left) and _AN_AGE_ALONE.match(right))
                or (_HOW_ONE_IS_ALONE.match(left.strip()) and _A_STATE_SAID_AS_DONE.match(right))
            )
            and not as_it_is_not()
        ):
            # "i'm a dentist and 27": the job, then the age (it had been lost); "I'm a
            # nurse and married", "I'm tired and married lol", "we're vegan and married"
            # (it had been "User married", a wedding)
            carried = "we're " if left.strip()[:2].lower() == "we" else "I'm "
        elif (
            match.group("sep").strip(" ,") == "and"
            and _MY_AGE_ALONE.match(left.strip())
            and (
                (
                    _A_STATE_AFTER_AN_AGE.match(right)
                    and (
                        _A_STATE_SAID_AS_DONE.match(right)
                        or not (starts_with_verb(right) or has_clause(right.split(",", 1)[0]))
                    )
                )
                or _a_job_after_an_age(right)
            )
            and not as_it_is_not()
        ):
            # "I'm 31 and single", "I'm 31 and pregnant", "I'm 25 and married": the age,
            # then how one is (not "I'm 31 and moved to Leeds": what one did); "I'm 34 and
            # a nurse": then what one does (the job had been lost)
            carried = "I'm "
        elif match.group("sep").strip(" ,") and (
            starts_with_verb(right) or _DOES_STILL.match(right) is not None
        ):
            # "… and started at Airbus": by the subject before, a named one too ("Lachlan's
            # quit the mines and moved back to Brisbane")
            subject = subject_of(left) or (
                None
                if _WHO.search(left) or _OBJECT_PRONOUN.search(right)
                else person_of(left, people, right)
            )
            if (
                subject is None
                and _LEAVING_AFTER.match(right)
                and starts_with_verb(left)
                and _A_JOB_TOLD.search(left)
            ):
                # "was hired as a nurse in 2018 and left in 2023", "got a job at Tesco and
                # quit in March": the user's, typed short, both (the leaving had been lost)
                subject = ""
            if subject is None:
                continue
            if not starts_with_verb(right) and (subject or "i").lower() in _THE_USER_SPEAKING:
                continue  # "I'm a nurse and always nights": no verb of someone else's
            # "I should quit Tesco and work at Aldi": the wish, too (it had been a new job)
            carried = subject + governing(left, subject, right) + " " if subject else ""
        elif _ON_A_TRIP.match(right) and not _starts_with_past(right):
            # "I live in Leeds but flying to Rome on Friday": a trip by the subject before,
            # when it is said ("I", "we", "he") or the user's own is plain ("Living in
            # Mombasa, …", "Moved to Lisbon, …"); not one reported ("I think Dave is in
            # Paris, heading to Lyon"), nor after other news of someone else, whose the
            # trip is not told ("Jess is pregnant, flying to Dublin", "Dad is in hospital,
            # driving to Hull tomorrow", "My boss signed off my leave, flying to Seoul"):
            # kept whole
            subject = subject_of(left) or carried.strip() or None
            if subject is not None and _REPORTING.match(left[len(subject) :]):
                continue
            if subject is None and not (starts_with_verb(left) or _WHERE_ONE_IS.match(left)):
                # a person's home or work, then their trip ("My sister lives in Leeds but
                # heading to Rome on Friday")
                subject = person_of(left, people) if _LIVES_OR_WORKS.search(left) else None
                if subject is None:
                    continue
            carried = subject + " " if subject else ""
        elif (
            not match.group("sep").strip(" ,")
            and _LIVE_OR_WORK.match(right)
            and (subject := subject_of(left)) is not None
            and subject.lower() in ("i", "we")
            and not as_it_is_not()
        ):
            # "I'm 33, single, live in Bristol", "I'm Tomasz, 41, work as a nurse": where
            # one lives or works, in a list about oneself
            carried = subject + " "
        elif (
            match.group("sep").strip(" ,") == "and"
            and _LIVING_OR_WORKING.match(right)
            and (subject := subject_of(left) or one_of_mine(left, people)) is not None
            and not as_it_is_not()
        ):
            # "I'm 30 and living in Leeds", "I'm a nurse and working at Guy's", "my sister
            # is 30 and living in Leeds": the same list, joined by "and" (said "I'm living
            # in Leeds", "my sister is living in Leeds")
            carried = {"i": "I'm ", "we": "we're "}.get(subject.lower(), subject + " is ")
        elif _starts_with_past(right):
            # "I quit Acme, joined Google", "quit Acme, joined Google": one told after the
            # other, by the subject of the first (not "my sister, married last year, moved…")
            if _WHO.search(left):
                continue  # "My sister, who lives in Leeds, got engaged": one clause
            # the subject carried into the left side, if it got one ("Germaine finished her
            # masters and is staying on in London, got a job…")
            subject = subject_of(left) or carried.strip() or None
            if subject is None and not starts_with_verb(left) and not _OBJECT_PRONOUN.search(right):
                # "Tom quit Acme, joined Google", "my sister, married…, moved…"; not
                # "vikram turned 21, got him a watch", where someone else did it
                subject = person_of(left, people)
            carried = subject + " " if subject else ""
        else:
            continue
        parts.append(left)
        start = scanned = match.end()
        left_has_clause = False
    parts.append(carried + sentence[start:])
    return [p.strip(" ,") for p in parts if p.strip(" ,")]


_NAME_AND_VERB = re.compile(r"^[A-Z][a-z]+(?:'s)?\s+(\w+)")
_LEADING = words("now then also today tonight currently still so")
# … as a run before what a clause says: "(…, but) now my fiancé James and I …"
_LEADING_WORDS = re.compile(r"^(?:(?:" + "|".join(sorted(_LEADING)) + r")\s+)+", re.I)
# Someone and the user, the subject of what follows: "(Mama turns 60,) Ola and I are
# planning a surprise", "(…,) my wife and I are off to Rome".
_SOMEONE_AND_I = re.compile(
    r"^(?P<who>[A-Z][a-z]+|(?i:my|our)\s+[\w-]+(?:\s+[A-Z][a-z]+)?)\s+(?:and|&)\s+I\s+"
    r"(?!am\b|'m\b)"
)


def _someone_and_i(text: str) -> bool:
    """Whether ``text`` (said after a comma) opens with someone and "I", the subject of
    what follows: "Ola and I are planning …", not a list's last place ("(We went to
    Paris,) Rome and I loved it")."""
    found = _SOMEONE_AND_I.match(_LEADING_WORDS.sub("", text))  # "(…, but) now my fiancé …"
    if found is None:
        return False
    return place_rest(found.group("who")) is None


# A verb only two can take after "and I": "(Jess) and I are now roommates" is one
# clause, its subject two people.
_AND_I_ARE = re.compile(r"I\s+(?:are|were|'re)\b")


# A clause that names someone told of, or the user: "her name's Dorothy", "his name is
# Raj", "(my mum is 60,) my name's Anna".
_NAMES_THEM = re.compile(r"(?:his|her|my) name(?:'s|\s+is)\s")


class _SincePause:
    """What the left side of a sentence's joins said since its last comma, read as it
    grows: the left side of the next join only adds to the last one's until a clause is
    cut, so a sentence of thousands of "I"s is read once, not once per "I"."""

    def __init__(self) -> None:
        self.left = ""  # the left side read so far
        self.pause = 0  # where in it the last comma's piece begins
        self.told = False  # whether that piece tells someone something

    def read(self, left: str) -> str:
        """``left`` since its last comma, and whether it tells someone (``told``)."""
        known = len(self.left)
        if not (known <= len(left) and left.startswith(self.left)):
            known = self.pause = 0  # a new left side: a clause was cut
            self.told = False
        comma = left.rfind(",", known)
        if comma >= 0:
            self.pause, self.told, known = comma + 1, False, comma + 1
        # (a told word cannot straddle ``known``: the left side grew at a join, before "I")
        self.told = self.told or _TOLD_SOMEONE.search(left, known) is not None
        self.left = left
        return left[self.pause :]


def _a_run_on(left: str, right: str, since: _SincePause) -> bool:
    """Whether ``left`` ends a clause that ``right`` (which opens on "I") follows with no
    stop typed between: "i'm 26 | i live in manchester", "I love Paris | I go every year"
    (not "the town I grew up in", "I'm seeing the guy I met at the gym")."""
    last_word = left.rsplit(None, 1)[-1:]
    last = last_word[0] if last_word else ""
    since_a_pause = since.read(left)
    said = right.split(",")[0]
    if _A_HEDGE.match(said) or since.told:
        return False  # "I love Leeds | I do", "I told the guy on Tinder | I'm 25"
    if _MY_NAME_IS.match(since_a_pause):
        return starts_clause(right)  # "my name is kofi | i live in kumasi"
    if last.lower() in _NOT_A_RUN_ON_END or not (
        _SUBJECT_HEAD.match(since_a_pause) or _SOMEONES.match(since_a_pause)
    ):
        # the first a clause of one's own or one of the user's people's, since its last
        # pause ("my sister lives in Leeds | i live in York"): not "Just like Rihanna |
        # I'm…", "a teacher in real life, in The Sims | I'm a doctor"
        return False
    # (the thing is the piece's last four words, read alone: the piece may be long)
    if _A_THING_NAMED.search(" ".join(since_a_pause.rsplit(None, 4)[-4:])):
        return False  # "I met a guy from Leeds | I really like": the guy is what is liked
    ends = (
        _RUN_ON_END.search(last) is not None
        or place_rest(last) == ""
        # "im a nurse | i work at st thomas" (not "the manager | I hired last year", "I
        # married a nurse | I met at work")
        or _a_job_alone(since_a_pause)
    )
    return ends and starts_clause(right) and not _DANGLING.search(said)


# A verb of the third person after a word of how often, which no list of verbs holds:
# "(Biscuit turned 7 and) still acts like a puppy", "(my son is 5 and) still wets the bed".
_DOES_STILL = re.compile(
    r"(?:still|always|never|sometimes|usually|often|already)\s+(?!(?:is|as|this|his|its|yes)\b)"
    r"[a-z]{2,}[^s\W]s\b"
)
# One's name said, then the next clause: "my name is kofi (i live in kumasi)".
_MY_NAME_IS = re.compile(
    r"\s*(?:my\s+name\s+is|my\s+name['’]s|i['’]?m\s+called)\s+[\w'’-]+\s*$", re.I
)
_THE_USER_SPEAKING = words("i i'm i’m im we we're we’re")
# A clause that ends on a preposition is another's part: "(the Tesco) I work at".
_DANGLING = re.compile(r"\b(?:at|in|on|for|with|to|from|of|about)\s*$", re.I)
# … and a hedge after a fact is no clause: "I'm 26 I think", "Leeds I guess".
_A_HEDGE = re.compile(
    r"i\s+(?:(?:really|honestly|truly)\s+)?(?:think|guess|reckon|suppose|believe|mean|hope|"
    r"swear|know|promise|wish|do|am|did|was|have|had|need\s+(?:help|some\s+help|advice)|"
    r"want\s+(?:help|advice)|wanna\s+know)\b(?:\W*$|(?<=help)|(?<=advice)|(?<=know))",
    re.I,
)
# What is told to someone is theirs to hear, not the user's to key: "I told the guy on
# Tinder (I'm 25)", "said to Tom (I'm 30)".
_TOLD_SOMEONE = re.compile(
    r"\b(?:told|tell|telling|said\s+to|say\s+to|texted|messaged|promised|swore\s+to|"
    r"admitted\s+to|lied\s+to|asked)\b",
    re.I,
)
# A thing said with its article before the name: "a guy from Leeds", "a flat in Hackney".
_A_THING_NAMED = re.compile(
    r"\b(?:a|an|the|some|my|our)\s+[\w-]+\s+(?:from|in|at|near|on)\s+\S+$", re.I
)
# One of the user's people, then what they are or do: "my sister lives in Leeds", "my
# brother is 30".
_SOMEONES = re.compile(
    r"\s*(?:my|our)\s+(?:(?:older|younger|big|little|twin|best)\s+)?(?:"
    + "|".join(sorted(RELATIONS, key=len, reverse=True))
    + r")(?:\s+(?-i:[A-Z])\w+)?\s+(?:is|'s|lives|works|moved|turned|just|got|has)\b",
    re.I,
)


def starts_clause(text: str) -> bool:
    found = lower_words(text)
    while found and found[0] in _LEADING:  # "…, and now I'm a call handler"
        found = found[1:]
        text = text.split(None, 1)[1] if " " in text.strip() else ""
    if not found:
        return False
    if found[0] in _SUBJECT_WORDS:
        return True
    named = _NAME_AND_VERB.match(text)
    if named and found[0] not in STOP_WORDS and named.group(1).lower() in CLAUSE_VERBS:
        return True
    if _NAMES_THEM.match(" ".join(found)):
        return True  # "my grandma turns 90, her name's Dorothy"
    return (
        found[0] in ("my", "our", "his", "her", "their")
        and (
            any(w in CLAUSE_VERBS for w in found[1:5])
            # (news after the one it is of, not a word of who they are, before the word for
            # them: "my retired grandad", "my recently divorced cousin")
            or any(
                word in _LIFE_NEWS and after not in _KIN_AFTER
                for word, after in zip(found[1:5], [*found[2:6], ""])
            )
        )
    )


# The news of a life, told of someone after "and": "… and my dad retired in 2019" (not a
# word for who they are, before the word for them: "my retired grandad", "my recently
# divorced cousin").
_KIN_AFTER = words(
    """grandad granddad grandpa grandma gran nan nana mum mom dad mother father sister brother
    aunt uncle cousin friend neighbour neighbor husband wife partner boss colleague son
    daughter"""
)
_LIFE_NEWS = words(
    """retired retires resigned resigns graduated graduates divorced separated emigrated
    relocated qualified promoted"""
)


_THE_ONES = re.compile(r"(?:the|my|our)\s", re.I)
# A piece between commas, then the verb of what was before it: an apposition.
_APPOSITION = re.compile(r"[^,;]*,\s*(?:is|was|are|were|has|had)\b", re.I)


def starts_with_verb(text: str) -> bool:
    found = [w for w in lower_words(text)[:3] if w not in ADVERBS]
    return bool(found) and (found[0] in CLAUSE_VERBS or found[0].endswith("ed"))


def _starts_with_past(text: str) -> bool:
    """Whether a clause starts with a verb in the past, or one going on from it: "joined
    Google", "starting at Google Monday"."""
    found = [w for w in lower_words(text)[:3] if w not in ADVERBS]
    return (
        bool(found)
        and found[0] not in _PAST_AS_STATE
        and (
            found[0] in PAST_IRREGULAR
            or found[0] in ("starting", "joining", "moving")
            or (found[0].endswith("ed") and found[0] in CLAUSE_VERBS)
        )
    )


# A leaving after "and", said short: "… and left in 2023", "… and quit last year".
_LEAVING_AFTER = re.compile(
    r"(?:then\s+|later\s+|eventually\s+|finally\s+)?(?:left|quit|resigned|retired)"
    r"(?:\s+(?:"
    + LEFT_WHEN_SAID
    + r"|today|yesterday|this\s+(?:morning|week)|on\s+(?:"
    + WEEKDAY_RE
    + r")))?"
    r"(?:\s+(?:lol|haha))?\s*(?:$|[,.;!?])",
    re.I,
)
# … after a job told ("was hired as a nurse …", "got a job at Tesco …").
_A_JOB_TOLD = re.compile(
    r"\b(?:job|hired|joined|started|role|position|promoted|as\s+(?:a|an)\s)", re.I
)
_OBJECT_PRONOUN = re.compile(r"\b(?:him|her|them|his|me)\b", re.I)
_WHO = re.compile(r",\s*(?:(?:the one|the guy|the girl)\s+)?(?:who|which|whose|whom|where)\b", re.I)
# Pasts that as often say how one is: "I'm 30, married, live in York", "30, broke, happy".
_PAST_AS_STATE = words("married broke been lost made")


_SUBJECT_HEAD = re.compile(r"^\s*((?:i|we|he|she|they)(?:'m|'re|'s|'ve)?)\b", re.I)


def subject_of(clause: str) -> Optional[str]:
    """The pronoun a clause starts with, as a subject another clause may take: "I", "We"."""
    match = _SUBJECT_HEAD.match(clause)
    if match is None:
        return None
    return match.group(1).split("'")[0]


def has_clause(text: str) -> bool:
    found = lower_words(text)
    if _NAMES_THEM.match(" ".join(found)):
        return True  # "her name's Dorothy (and she lives in Hull)"
    return any(
        w in _SUBJECT_WORDS
        or w in CLAUSE_VERBS
        or (len(w) > 4 and w.endswith("ed"))
        # "Tasha's done with nights": a name's "'s" is its "is" or "has" where what
        # follows can follow those ("My sister's flat, she sold it" is no clause); a
        # pronoun's always is ("Even if it's hard, I'm vegan now"), as its "will" is ("If
        # the dermatologist's right it'll calm down, but I've been diagnosed with eczema").
        or w in _PRONOUN_IS
        or (w.endswith("'s") and i + 1 < len(found) and _after_is(found[i + 1]))
        for i, w in enumerate(found)
    )


_PRONOUN_IS = words(
    "it's that's there's here's what's who's where's how's everything's it'll it'd that'll"
)
_AFTER_IS = words(
    """done been got gone not a an the so very too back in at on off out now still just
    home here there over it all always never finally also really such"""
)


def _after_is(word: str) -> bool:
    return (
        word in _AFTER_IS
        or word in ADVERBS
        or word.isdigit()
        or (len(word) > 4 and word.endswith(("ing", "ed")))
    )
