"""remember: facts extracted from text, each related to what the collection already holds
and stored unless a duplicate; run at once (``?sync=true``) or as a job.

How a fact relates, decided here from keys (facts.py), never by a model:

- A keyed fact of a **single-valued** attribute (home, job, diet…): the same value as
  the current one → ``duplicate`` (not stored again), unless said with other detail
  than its text holds ("…, 3rd year" after "…, 2nd year"; ``_told_more``, for any key):
  then ``updates``; a different value → ``updates``:
  stored, and the current one stops being the latest — unless the new statement is
  older news (said before the current one, or, when both name the day they began,
  begun before it: an old transcript replayed late): then it is stored as history, not
  current, and the current truth stays (``_before``).
- A keyed fact of a **multi-valued** attribute (likes, pets, children…): a value already
  held → ``duplicate``; a value that refines one held ("tea" → "green tea") →
  ``extends`` (both stay); else ``new``.
- A **negated** keyed fact ("no longer eats meat") retires the current memory of that
  key and value (``updates``); with nothing to retire it is ``new``. An **ending** (a
  negated fact with no value: "I resigned today") retires whatever the key holds, and
  the job with the employer.
- A **correction** ("it's Izmir, not Bursa") rewrites the newest current memory that
  names the wrong word with the right one, superseding it (``updates``); when no memory
  names it, the words are stored as a plain fact.
- An **unkeyed** fact (a plain statement) is compared with the most similar current
  memories: a restatement (the same content words, or near-identical text) is a
  ``duplicate``, anything else is ``new``. Nothing unkeyed is ever superseded.

Everything above happens within the call's collection and container tag: a fact relates
only to memories of its own tag, and a call without one only to untagged memories, so
the users of one shared collection (one tag each) never supersede each other's facts.

A fact about a bare name ("Tom got a job…") is about the person the collection already
knows by that name — the user, if it is the user's name, or ``husband:Tom`` if the user
said "my husband Tom" — and a fact about an unnamed relation ("my husband works…") is
about the one such relation known, if exactly one is. A fact about "she" or "he" that
opens a message ("she's at Meta now") is about the person of the newest keyed facts the
pronoun fits, told of within a day (``_pronoun``).

What is said is ``content`` (1-50,000 characters with something besides whitespace) or
``messages``, a chat conversation: only the ``user`` messages are read, each on lines of
its own, so the assistant's words never become facts about the user. Content longer than
one memory is read in pieces cut at its statements' ends (``extract.pieces``).

Decisions where the protocol is silent: ``observed_at`` (ISO 8601, default now) is when
it was said; relative dates resolve against it, and a fact's ``valid_from`` is when it
became true. Facts are stored with ``source="remember"`` and the protocol's default
importance and category. A ``duplicate`` comes back as the memory already stored with
``supersedes=null``. One call is one transaction: either every fact of the content lands
or none does. The collection is created on submit, even if no fact comes out.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import datetime
from typing import Any, Optional, Union

from ..._protocol import (
    MAX_CONTAINER_TAG_CHARS,
    MAX_REMEMBER_CHARS,
    MAX_REMEMBER_MESSAGES,
    MAX_TEXT_CHARS,
    MESSAGE_ROLES,
    SOURCE_REMEMBER,
    USER_ROLE,
)
from .. import wire
from ..context import HTTPError, Request, Response, Services
from ..db import MemoryFilter, MemoryRecord, NewMemory, Principal
from ..embed import Vector, as_dict, cosine, embed, query_terms
from ..extract import SUBJECT, content_words, pieces
from ..extract.health import SUPPLEMENT, SWITCHED_TO
from ..extract.kin import PRONOUN_RELATIONS, RELATIONS, kin, one_relative, relation_key
from ..extract.lexicon import PET_WORDS, UNRESOLVED_PREFIX
from ..extract.openings import at_the_new_job, news_label
from ..extract.places import a_region, place_rest, places_in
from ..extract.rules_personal import BORN_A
from ..extract.text import classify
from ..extract.third_person import finish, third_person
from ..facts import (
    DATE_PREFIX,
    ENDED_BY,
    ENDS_WITH,
    OPPOSITE,
    RELATION_ATTRIBUTES,
    USER,
    WORK_ATTRIBUTES,
    ExtractedFact,
    attribute,
)
from ..timestamps import datetime_to_iso, iso_now, iso_to_datetime, iso_to_epoch
from ..validation import Checker
from .common import collection_param, item_list, object_body

# How many nearest current memories an unkeyed fact is compared with, from what cosine.
RELATE_CANDIDATES = 20
RELATE_FLOOR = 0.3
# An unkeyed fact is compared with this many of the unkeyed facts stored before it by the
# same call (and with every one of them that says its content words): a message of
# thousands of statements costs time linear in them. Compared with all, 3,408 facts (a
# 50,000-character paste) took 29 s in the writer's transaction, the server's other
# writes waiting. A message of fewer facts is compared as before, each with every one.
_SAME_CALL_WINDOW = 64
# A message read after the news label sent before it: at most this long, and sent at
# most this many seconds after the label.
_LABELLED_CHARS = 200
_LABEL_WINDOW = 10 * 60
# Above this cosine two texts say the same thing, whatever words they differ in.
NEAR_DUPLICATE = 0.9
NEW, UPDATES, EXTENDS, DUPLICATE = "new", "updates", "extends", "duplicate"

log = logging.getLogger("longmem.server")


def _iso(moment: Optional[datetime]) -> Optional[str]:
    return None if moment is None else datetime_to_iso(moment)


# How far back "sorry, I meant Wipro" puts right the last statement (seconds), and how
# many of the newest memories are read for the message stored last (pinned ones come
# first in that order; a message keys fewer).
_PUT_RIGHT_WITHIN = 3600
_NEWEST_LOOKED_AT = 64
# How long after a plan's day was told a new day with no event ("they moved it to
# monday") is still that plan's (seconds): half a year.
_PLAN_TOLD_WITHIN = 183 * 86400


def _keyed_now(memory: MemoryRecord) -> bool:
    """Whether a memory is a value keyed and current (not a denial, history or archived)."""
    return (
        bool(memory.attribute and memory.value and not memory.negated)
        and memory.is_latest
        and not memory.archived
    )


def _same(a: Optional[str], b: Optional[str]) -> bool:
    """One value, said fully or in part: "Capcom" is "Capcom in Osaka", "Biscuit" is "cat
    called Biscuit"."""
    first, second = _called(a), _called(b)
    shorter, longer = sorted((first, second), key=len)
    return bool(shorter) and longer[: len(shorter)] == shorter


# No pet of a kind, said plainly: "I don't have a dog anymore" (not "a dog in this fight",
# "a dog at the office anymore", a question).
_NO_PET_NOW = re.compile(r"^[^?]*\b(?:a|any)\s+\w+\s+(?:any\s?more|now)\s*[.!]*$", re.I)


# The words for a workplace or a school by its kind, after "the": "the council", "the
# hospital" (not "the firm" alone, which any employer is).
_A_KIND_OF_PLACE = re.compile(
    r"^the\s+(?P<kind>council|hospital|bank|university|uni|college|school|academy|"
    r"trust|agency|ministry|department|police|army|navy|airline|airport|library|museum)$",
    re.I,
)


# A leaving said as a visit, a patient's or a parent's, for somewhere else, or of a place
# one still works as before: "last day at the hospital for mum", "… as a patient", "… was
# fun, great trip with the kids", "left Google for Meta", "I left my job at the
# hospital, still nursing though".
_LEFT_AS_ONE_WHO_WORKED = re.compile(
    r"\b(?:for\s+(?!good\b|now\b)\w+|with\s+(?:my|mum|mom|dad|the\s+kids|him|her|them)|"
    r"as\s+an?\s+(?:patient|visitor|guest|student|volunteer)|visit\w*|trip|still|"
    r"was\s+(?:fun|great|lovely|amazing|brilliant))\b",
    re.I,
)


def _by_its_kind(held: Optional[str], said: Optional[str]) -> bool:
    """Whether an employer or school held ("Bristol City Council") is the one ``said``
    names by its kind ("the council")."""
    kind = _A_KIND_OF_PLACE.match((said or "").strip())
    words = (held or "").casefold().replace(",", " ").split()
    return kind is not None and kind.group("kind").casefold() in words


def _of_kind(held: Optional[str], kind: Optional[str]) -> bool:
    """Whether a pet held ("dog called Biscuit") is of the kind said ("dog", "dogs")."""
    said = (kind or "").casefold().split()
    if len(said) != 1 or not held:
        return False
    words = held.casefold().split()
    before = words[: words.index("called")] if "called" in words[1:] else words
    return said[0] in before or said[0].rstrip("s") in before


_A_YEAR = 366 * 24 * 3600
# The longest a value said with its end is held beside the one it interrupts: a season
# ("living in Bristol till January"; not "for the next 2 years", a change).
_A_WHILE = 92 * 24 * 3600
_ONGOING = re.compile(r"\b(?:since|for\s+(?:\d+|a|an|two|three|four|five|ten)\s+years?)\b", re.I)
# Back with someone ("got back with Maya", "seeing Maya again"): only a partner of before.
_BACK_WITH = re.compile(
    r"\bback\s+(?:together\s+)?with\b|\b(?:seeing|dating)\s+\S+\s+again\b", re.I
)
# A death said ("ray passed away last week"), anywhere in the words.
_DEATH = re.compile(r"\b(?:died|passed away|passed on)\b", re.I)


def _called(value: Optional[str]) -> list[str]:
    """A value's words, folded; of "rescue greyhound called Pepper", the name alone: a
    pet is the one called so, whatever kind it was said to be ("my dog Pepper")."""
    words = (value or "").casefold().split()
    return words[words.index("called") + 1 :] if "called" in words[1:] else words


# Words that deny what a text says: two texts that differ in them never restate each other.
_DENIES = re.compile(
    r"\b(?:not|no|never|no longer|any ?more|none|nothing|nobody|no one|neither|nor|without)\b"
    r"|n't\b",
    re.I,
)


def _pending(fact: ExtractedFact) -> bool:
    """Whether a fact is planned and its day has not come: it becomes true later than now."""
    begins = _iso(fact.valid_from)
    return begins is not None and begins > iso_now()


# Words of a fact's text that tell when, not what: a restatement that only dates the
# fact ("User works at Google from 8 June 2026" after "User works at Google") tells no more.
_WHEN_WORDS = re.compile(
    r"^(?:from|until|since|in|on|(?:19|20)\d\d|\d{1,2}|jan(?:uary)?|feb(?:ruary)?|"
    r"mar(?:ch)?|apr(?:il)?|may|june?|jun|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|"
    r"nov(?:ember)?|dec(?:ember)?|(?:mon|tue|tues|wed|wednes|thu|thurs|fri|satur|sun)(?:day)?|"
    r"sat|spring|summer|autumn|fall|winter)$"
)


def _told_more(new: str, old: str) -> bool:
    """Whether a fact's new text says something its held text does not, beyond when: the
    same key and value said with other detail (extract/detail.py)."""
    held = set(content_words(old))
    return any(w not in held and not _WHEN_WORDS.match(w) for w in content_words(new))


def _refines(new: Optional[str], old: Optional[str]) -> bool:
    """Whether a value says more of what another says ("green tea" of "tea")."""
    new_words, old_words = set((new or "").casefold().split()), set((old or "").casefold().split())
    return bool(old_words) and old_words < new_words


class _Call:
    """One remember call: its facts related and stored inside one write transaction."""

    def __init__(
        self,
        services: Services,
        principal: Principal,
        collection: str,
        container_tag: Optional[str],
        observed_at: str,
    ) -> None:
        self.store = services.store
        self.search = services.search
        self.principal = principal
        self.tenant_id = principal.tenant_id
        self.collection = collection
        # The call's scope: its facts are stored with this tag and related only to
        # memories of the same tag (None: untagged ones), so one user's new home never
        # retires another's in a shared collection.
        self.container_tag = container_tag
        self.observed_at = observed_at
        # Unkeyed facts stored by this call, with their content words: the search index
        # only learns of them at commit. A later fact is compared with the last of them
        # (_SAME_CALL_WINDOW) and with each that says its content words (``restating``),
        # so their words and whether they deny are read once, here.
        self.stored: list[tuple[MemoryRecord, Vector, frozenset[str]]] = []
        self.denying: list[bool] = []
        self.restating: dict[tuple[frozenset[str], bool], list[int]] = {}
        # Keyed facts this call said again ("I'm still a nurse but I left St Thomas'"): a
        # leaving in the same call does not end them.
        self.said_again: set[str] = set()

    def remember(self, fact: ExtractedFact) -> list[dict[str, Any]]:
        """The Extracted facts ``fact`` stores or restates: one, or a correction's each."""
        if fact.corrects_last and fact.value:
            wrong = self._said_last(fact.value)
            corrected = self._correct(wrong, fact.value, fact.statement) if wrong else []
            if corrected:
                return corrected
            fact = replace(fact, value=None, corrects_last=False)  # nothing said: words
        if fact.corrects and fact.value:
            corrected = self._correct(fact.corrects, fact.value, fact.statement)
            if corrected:
                return corrected
            fact = replace(fact, value=None, corrects=None)  # nothing to correct: words
        fact = self._of_a_plan(fact)
        keyed = fact.attribute is not None
        fact = self._resolve(fact)
        fact = self._in_town(fact)
        # (an end the statement said, not one a plan of the key gives it, and near: "for
        # the next two years" is a change, not a while)
        for_a_while = fact.expires_at is not None and (
            iso_to_epoch(datetime_to_iso(fact.expires_at)) - iso_to_epoch(self.observed_at)
            <= _A_WHILE
        )
        fact = self._before_plan(fact)
        if fact.calls_off and not self._called_off(fact):
            # Nothing waits to be called off. A move called off is then words, and never
            # retires the home that holds ("not moving to Izmir after all", said late);
            # anything else is a denial as usual ("I'm not vegetarian after all").
            if fact.attribute == "home":
                fact = replace(fact, attribute=None, value=None, negated=False)
            fact = replace(fact, calls_off=False)
        if self._back_with_a_stranger(fact):
            # "I'm back with Netflix lol", "seeing Dave again on friday": no partner of
            # before, so the words as said
            said = finish(third_person(fact.statement))
            fact = replace(fact, text=said, attribute=None, value=None, valid_from=None)
        if self._ends_someone_else(fact):
            # "Netflix and I broke up lol", with Tom the partner: words, Tom stays; no pet
            # by that name, the words as said ("we had to put Tom down yesterday", not
            # "User no longer has Tom")
            said = fact.text
            if fact.attribute == "pets" and fact.statement:
                said = finish(third_person(fact.statement))
            fact = replace(fact, text=said, attribute=None, value=None, negated=False)
        if attribute(fact.attribute) is not None:
            relation, existing, supersedes, current = self._keyed(fact, for_a_while)
            vector = None
        else:
            vector = embed(fact.text)
            relation, existing = self._unkeyed(fact, vector)
            supersedes, current = None, True
        if existing is not None:
            if existing.attribute is not None:
                self.said_again.add(existing.id)
            if keyed and fact.attribute is None and self._stored_now(existing):
                # one clause of someone remember could not settle, made words for each of
                # its keys ("Tom Smith got a job at Google as an engineer"): stored once,
                # reported once
                return []
            return [wire.extracted_fact(existing, relation)]
        item = NewMemory(
            collection=self.collection,
            text=fact.text,
            source=SOURCE_REMEMBER,
            container_tag=self.container_tag,
            type=fact.type,
            expires_at=_iso(fact.expires_at),
            is_latest=current,
            subject=fact.subject if fact.attribute else None,
            attribute=fact.attribute,
            value=fact.value,
            valid_from=_iso(fact.valid_from) or self.observed_at,
            observed_at=self.observed_at,
            statement=fact.statement or None,
            supersedes=supersedes,
            negated=fact.negated and fact.attribute is not None,
            vector=vector,
        )
        memory = self.store.memories.add_fact(self.principal, item)
        if vector is not None:
            words = frozenset(content_words(memory.text))
            denies = _DENIES.search(memory.text) is not None
            self.restating.setdefault((words, denies), []).append(len(self.stored))
            self.stored.append((memory, vector, words))
            self.denying.append(denies)
        stored = [wire.extracted_fact(memory, relation)]
        born = _born_to_family(fact)
        if born is not None:  # "Ama had a baby boy, Kofi": the user's nephew too
            stored += self.remember(born)
        return stored

    def _introduced_as(self, subject: str, full: str) -> bool:
        """Whether the fact that says who ``subject`` is to the user named them by the
        full name ``full`` ("with my husband Wei Jie" for ``husband:Wei``; not "my son
        Harry loves Harry Styles")."""
        relation, _, first = subject.partition(":")
        kind = RELATIONS.get(relation_key(relation))
        word, name = re.escape(relation), re.escape(full)
        said = re.compile(
            rf"\b{word}\s+{name}(?![^\W_])|(?<![^\W_]){name},?\s+(?:my|our)\s+{word}\b", re.I
        )
        return kind is not None and any(
            (held.value or "").casefold() == first.casefold() and said.search(held.statement or "")
            for held in self._by_key(USER, kind)
        )

    def _stored_now(self, memory: MemoryRecord) -> bool:
        """Whether this call stored ``memory`` as a plain memory."""
        return any(held.id == memory.id for held, _, _ in self.stored)

    def _resolve(self, fact: ExtractedFact) -> ExtractedFact:
        """The fact about the subject the collection knows by the fact's name for it."""
        gone = self._held_gone(fact)
        if gone is not None:
            return gone
        subject = fact.subject
        if subject.startswith(UNRESOLVED_PREFIX) and subject[1:] in PRONOUN_RELATIONS:
            return self._pronoun(fact)
        if subject == USER:
            # "bob turned 31" with friend Bob known: Bob's, typed in lower case. Only a
            # person the user named by relation: a bare name may be a word the rules took
            # for one ("Thankfully promoted…" made a "Thankfully").
            if not fact.attribute or not fact.text.startswith(SUBJECT + " "):
                return fact
            from ..extract.theirs import lower_opener  # loaded with the rules

            opener = lower_opener(fact.statement)
            if opener is None:
                return fact
            name = opener
        elif ":" in subject:
            relation, name = subject.split(":", 1)
        else:
            name = subject.removeprefix(UNRESOLVED_PREFIX)
        # (the user's pets too: "Rex turned 6" after "my dog Rex" is the dog's)
        known, user_names = self.store.memories.subjects(
            self.tenant_id,
            self.collection,
            iso_now(),
            for_update=True,
            tags=self._scope(),
            pets=True,
        )
        if ":" in subject and name:
            # "my sister Germaine" with "my sis Germaine" known: the same person, keyed as
            # the collection knows them (the wording keeps the word said)
            same = self._one_person(s for s in known if _person(s) == _person(subject))
            return replace(fact, subject=same) if same and same != subject else fact
        if ":" in subject:
            matches = [s for s in known if one_relative(s.split(":")[0], relation) and s != subject]
        else:
            if name.casefold() in {n.casefold() for n in user_names}:
                return _about(fact, USER, SUBJECT)
            matches = [s for s in known if s.casefold().endswith(":" + name.casefold())]
            if not matches and subject.startswith(UNRESOLVED_PREFIX):
                # "Wei Jie got the job", "my husband Wei Jie" known as ``husband:Wei``:
                # the one known by the first name, if they were introduced by the full
                # name (not Harry Styles for "my son Harry")
                first = ":" + name.split()[0].casefold()
                matches = [
                    s
                    for s in known
                    if s.casefold().endswith(first) and self._introduced_as(s, name)
                ]
        one = self._one_person(matches)
        if one is None:
            return _plain(fact) if subject.startswith(UNRESOLVED_PREFIX) else fact
        relation, name = one.split(":", 1)
        return _about(fact, one, f"{SUBJECT}'s {relation} {name}".rstrip())

    def _one_person(self, subjects: Iterable[str]) -> Optional[str]:
        """The subject of the one person ``subjects`` name, spelt as the collection first
        keyed them ("my sis Germaine" after "my sister Germaine" is ``sister:Germaine``,
        whose relation fact the message may have just restated as ``sis:Germaine``);
        None for no one, or for two people (a cousin Max and an uncle Max)."""
        found = sorted(set(subjects))
        if not found or len({_person(s) for s in found}) != 1:
            return None
        if len(found) == 1:
            return found[0]
        return self.store.memories.first_keyed(
            self.tenant_id, self.collection, self._scope(), found
        )[0]

    def _in_town(self, fact: ExtractedFact) -> ExtractedFact:
        """A home said by where in town it is, the town unsaid ("flat in vračar"), worded
        with the town of the home its subject held before it was said ("User lives in a
        flat in vračar, belgrade", value ``vračar``, as a home said with its city in
        another clause is): when no list of places names it (a part of town,
        then), or when the home held is a country or region and it is no such place
        ("condo in Bukit Timah" in Singapore). Anything else as it came."""
        place = fact.value
        if not fact.in_town or not place:
            return fact
        fact = replace(fact, in_town=False)
        held = [
            m
            for m in self._by_key(fact.subject, "home")
            if m.value and not m.negated and m.began <= self.observed_at
        ]
        town = _town_of(held[0]) if held else None
        if town is None or town.casefold() == place.casefold():
            return fact
        if place_rest(place) is not None and (a_region(place) or not a_region(town)):
            return fact  # "flat in London" after Leeds: a town of its own
        return replace(fact, text=fact.text.replace(place, f"{place}, {town}", 1))

    def _held_gone(self, fact: ExtractedFact) -> Optional[ExtractedFact]:
        """A pet's death or a project's end said by its name alone ("Biscuit passed away",
        "RIP Biscuit", "Ledgerly is dead", "shelved ledgerly for now"), with a pet or a
        project of the user's called so held: the ending of that one (not of a partner by
        that name, as the rules read a death); None for anything else."""
        # (a death the rules read as a partner's end, too)
        told = fact.attribute is None or (fact.attribute == "partner" and fact.negated)
        if not told or not fact.statement:
            return None
        # (the rules' own patterns: loaded with them, on the first message read)
        from ..extract.ended import PET_GONE, PROJECT_GONE, gone_name

        for name, pattern in (("pets", PET_GONE), ("project", PROJECT_GONE)):
            words = gone_name(pattern, fact.statement)
            if words is None:
                continue
            held = [m for m in self._by_key(USER, name) if _called(m.value) == words]
            if not held:
                continue
            known, _ = self.store.memories.subjects(
                self.tenant_id, self.collection, iso_now(), for_update=True, tags=self._scope()
            )
            people = [s for s in known if s.split(":")[0].casefold() not in PET_WORDS]
            if any(s.casefold().endswith(":" + words[0]) for s in people):
                return None  # "Max passed away" with grandpa Max known: whose, unsaid
            return replace(fact, subject=USER, attribute=name, value=held[0].value, negated=True)
        return None

    def _pronoun(self, fact: ExtractedFact) -> ExtractedFact:
        """A fact about "she" or "he" with no one named before it in the message: about
        the person the collection heard of last (its newest keyed facts), if the pronoun
        fits their relation and they were told of no more than a day before this was said
        ("My wife works at Google", then "she's at Meta now"), or, for an age, whenever
        they were told of, if they are of a younger age held now ("my son is 12", months
        later "he's 13 now"); else a plain memory."""
        pronoun = fact.subject[len(UNRESOLVED_PREFIX) :]
        said = iso_to_epoch(self.observed_at)
        people = self.store.memories.latest_people(
            self.tenant_id, self.collection, self._scope(), iso_now(), _PRONOUN_LOOKBACK
        )
        for person, when in people:
            relation, _, name = person.partition(":")
            if kin(relation) not in PRONOUN_RELATIONS.get(pronoun, frozenset()):
                continue
            if 0 <= said - iso_to_epoch(when) <= _PRONOUN_WINDOW or self._grown_into(fact, person):
                spoken = f"{SUBJECT}'s {relation} {name}".rstrip()
                return _about(fact, person, spoken)
        said_so = finish(third_person(fact.statement)) if fact.statement else fact.text
        return replace(fact, text=said_so, subject=USER, attribute=None, value=None, negated=False)

    def _grown_into(self, fact: ExtractedFact, person: str) -> bool:
        """Whether ``fact`` gives ``person`` the age they have grown into since theirs was
        said: one year more, or as many more as the years gone by allow (one more than
        whole years, at most _AGE_GROWN) — and nothing was said in the day before, which
        "he" might be instead ("met my neighbour's kid Sam today", then "he's 13 now")."""
        if fact.attribute != "age" or not (fact.value or "").isdigit():
            return False
        said = iso_to_epoch(self.observed_at)
        lately = self.store.memories.plain_lately(
            self.tenant_id, self.collection, self._scope(), None, iso_now(), 1
        )
        if any(0 <= said - iso_to_epoch(m.said) <= _PRONOUN_WINDOW for m in lately):
            return False
        new = int(fact.value or 0)
        for held in self._by_key(person, "age"):
            if (held.value or "").isdigit():
                years = int((said - iso_to_epoch(held.said)) / _YEAR)
                if 0 < new - int(held.value or 0) <= min(years + 1, _AGE_GROWN):
                    return True
        return False

    def _scope(self) -> MemoryFilter:
        return MemoryFilter(
            collection=self.collection, container_tag=self.container_tag, exact_tag=True
        )

    def _of_a_plan(self, fact: ExtractedFact) -> ExtractedFact:
        """A new day (or an end) said for a plan told before (``redates``), keyed as that
        plan's: an event said bare ("appt moved to the 10th", "exam got pushed back to 19
        may") is the plan of that event held, else the one of a kind of it told last
        ("gp appointment, 3rd of feb", "maths exam on 20 may"); no event, the plan known
        by the word said ("monzo moved it to friday": the monzo interview; "uni pushed the
        exam back a week, it's 27 may now": an exam), or, said by
        "they" or "it", the plan told last, if no other day was said since ("they moved it
        to monday" after "my sister's wedding is on 3 june" is the wedding's). Only plans
        told in the half year before count. With none, a day for an event said is a new
        plan; a day with no event, or an end with nothing to end, is words."""
        name = fact.attribute
        if name is None or fact.redates is None or fact.subject != USER:
            return fact
        event = name[len(DATE_PREFIX) :]
        if event and self._by_key(USER, name):
            return fact
        plans = [
            m
            for m in self.store.memories.current_by_prefix(
                self.tenant_id, self.collection, self.container_tag, USER, DATE_PREFIX, iso_now()
            )
            if abs(iso_to_epoch(self.observed_at) - iso_to_epoch(m.said)) <= _PLAN_TOLD_WITHIN
        ]
        events = [(m, (m.attribute or "")[len(DATE_PREFIX) :]) for m in plans]
        if event:
            plans = [m for m, told in events if told.endswith(" " + event)]
        elif fact.redates:
            # known by a word of it: "monzo moved it" (the monzo interview), "uni pushed
            # the exam back a week, it's 27 may now" (an exam)
            word = fact.redates
            plans = [
                m
                for m, told in events
                if told == word or told.startswith(word + " ") or told.endswith(" " + word)
            ]
        elif plans and self._a_day_said_since(plans[0]):
            plans = []
        if plans:
            return replace(fact, attribute=plans[0].attribute)
        if event and not fact.negated:
            return fact  # a new plan: "exam moved to 13 may", no exam told before
        # no plan to give a day to, or to call off: words
        return replace(fact, attribute=None, value=None, negated=False)

    def _a_day_said_since(self, plan: MemoryRecord) -> bool:
        """Whether a memory said after ``plan`` names another day ("my sister's wedding
        is on 3 june"): "they moved it" may then be about that."""
        latest = self.store.memories.page(
            self.tenant_id, self.collection, _NEWEST_LOOKED_AT, 0, True, True, self.container_tag
        )
        from ..extract.plans import says_a_day  # loaded with the rules

        return any(
            m.id != plan.id and m.said >= plan.said and m.rid > plan.rid and says_a_day(m.text)
            for m in latest
        )

    def _by_key(self, subject: str, name: str) -> list[MemoryRecord]:
        return self.store.memories.current_by_key(
            self.tenant_id, self.collection, self.container_tag, subject, name, iso_now()
        )

    def _said_last(self, right: str) -> Optional[str]:
        """The value of ``right``'s shape (a number for a number, a name for a name) that
        the collection's newest message keyed, for "sorry, I meant Wipro": only when its
        fact is the newest memory of the collection, was said within the hour before, and
        the message keyed one value of that shape (not "I live in York and work at Aviva":
        which?); None otherwise."""
        # the newest memories, whatever they are: the message put right is the newest
        latest = self.store.memories.page(
            self.tenant_id, self.collection, _NEWEST_LOOKED_AT, 0, True, True, self.container_tag
        )
        if not latest:
            return None
        newest = max(latest, key=lambda m: m.rid)
        if not _keyed_now(newest):
            return None  # something said since keyed nothing: that is what was meant
        if iso_to_epoch(self.observed_at) - iso_to_epoch(newest.said) > _PUT_RIGHT_WITHIN:
            return None  # said long before: "I meant Arsenal" two months on
        # what the same message keyed (its clauses' statements differ; its time does not)
        said = [
            m
            for m in latest
            if m.said == newest.said and m.created_at == newest.created_at and _keyed_now(m)
        ]
        shaped = [
            m.value
            for m in said
            if m.value is not None
            and m.value.isdigit() == right.isdigit()
            and m.value[:1].isupper() == right[:1].isupper()
            and m.value.casefold() != right.casefold()
            # a home or a stay put right by a place ("sorry, I meant Asics" is no town)
            and (m.attribute not in ("home", "location") or bool(places_in(right)))
        ]
        return shaped[0] if len(set(shaped)) == 1 else None

    def _correct(self, wrong: str, right: str, statement: str) -> list[dict[str, Any]]:
        """The newest current memory that names ``wrong`` (and not ``right``) again, with
        ``right`` in its place, superseding it; so too every other one said in the same
        words ("my daughter Isabel starts swimming" keyed her and told what she does) and,
        when it names a person, every one about them ("daughter:Isabel"). A common word
        ("sorry, almonds not walnuts") corrects only the user's own memories. Nothing
        when no memory names it."""
        pattern = re.compile(rf"(?<![^\W_]){re.escape(wrong)}(?![^\W_])", re.I)
        flt = self._scope()
        now = iso_now()
        match = " ".join(f'"{term}"' for term in query_terms(wrong))
        found = self.store.memories.by_rids(
            self.tenant_id,
            [rid for rid, _ in self.store.memories.full_text(self.tenant_id, match, flt, now, 50)],
        )
        named = [
            m
            for m in found.values()
            if pattern.search(m.text) and not re.search(re.escape(right), m.text, re.I)
        ]
        if not wrong[:1].isupper():
            named = [m for m in named if m.subject in (None, USER)]
        if not named:
            return []
        newest = max(named, key=lambda m: (m.began, m.rid))
        chosen = {m.rid: m for m in named if m.statement and m.statement == newest.statement}
        person = [m for m in named if _names_person(m, wrong)]
        if any(m.rid in chosen or m is newest for m in person):
            chosen.update((m.rid, m) for m in person)
        return [
            self._corrected(old, pattern, right, statement)
            for old in sorted(chosen.values() or [newest], key=lambda m: m.rid)
        ]

    def _corrected(
        self, old: MemoryRecord, pattern: re.Pattern[str], right: str, statement: str
    ) -> dict[str, Any]:
        """``old`` stored again with ``right`` where ``pattern`` named the wrong word,
        superseding it; or, when its key already holds the right value (one daughter
        called Isla known), only retired, the value held standing for it."""
        subject = pattern.sub(right, old.subject) if old.subject else None
        value = pattern.sub(right, old.value) if old.value else None
        spec = attribute(old.attribute)
        if subject and spec is not None and not old.negated:
            held = [m for m in self._by_key(subject, spec.name) if not m.negated]
            held = [m for m in held if m.rid != old.rid]
            # the same value held, or, now about someone the key knows already, any value
            moved = subject != old.subject and spec.single
            same = next((m for m in held if moved or _same(m.value, value)), None)
            if same is not None:
                self.store.memories.retire(self.tenant_id, self.collection, [old.id])
                return wire.extracted_fact(same, DUPLICATE)
        item = NewMemory(
            collection=self.collection,
            text=pattern.sub(right, old.text),
            source=SOURCE_REMEMBER,
            container_tag=self.container_tag,
            type=old.type,
            expires_at=old.expires_at,
            subject=subject,
            attribute=old.attribute,
            value=value,
            valid_from=old.valid_from,
            statement=statement or None,
            supersedes=old.id,
            negated=old.negated,
        )
        return wire.extracted_fact(self.store.memories.add_fact(self.principal, item), UPDATES)

    def _back_with_a_stranger(self, fact: ExtractedFact) -> bool:
        """Whether ``fact`` takes back as partner ("got back with Maya") someone the
        collection never held as one."""
        if fact.attribute != "partner" or fact.negated or not _BACK_WITH.search(fact.statement):
            return False
        tags = self._scope()
        every = self.store.memories.keyed(
            self.tenant_id, self.collection, [fact.subject], ["partner"], None, 200, tags
        )
        return not any(_same(m.value, fact.value) for m in every if not m.negated)

    def _ends_someone_else(self, fact: ExtractedFact) -> bool:
        """Whether ``fact`` ends someone by name whom the collection does not hold there:
        a parting from Tom while the partner it knows is someone else; a pet's end by a
        name no pet held has ("put Maya down for her nap": a daughter, most likely)."""
        if fact.attribute not in ("partner", "pets") or not (fact.negated and fact.value):
            return False
        if fact.attribute == "pets" and not fact.value[:1].isupper():
            return False  # "we don't have a dog anymore": a pet denied, whatever is held
        held = [m for m in self._by_key(fact.subject, fact.attribute) if not m.negated]
        if fact.attribute == "pets" and not held:
            return True
        if not held and (fact.value not in fact.statement or _DEATH.search(fact.statement)):
            # "Ray passed away", "chloe and i broke up" (typed in lower case), no partner
            # known: whoever they were, not one
            return True
        return bool(held) and not any(_same(m.value, fact.value) for m in held)

    def _ended(self, fact: ExtractedFact, held: list[MemoryRecord]) -> Optional[MemoryRecord]:
        """The ending already current for this key, if the key holds nothing else."""
        return next((m for m in held if m.negated and not m.value), None)

    def _planned(self, held: list[MemoryRecord]) -> tuple[list[MemoryRecord], list[MemoryRecord]]:
        """(the memories of ``held`` that hold now, those planned to begin later), each
        newest first. Now, not when this was said: a plan replayed after its day has
        begun, and is the key's value like any other."""
        now = iso_now()
        return [m for m in held if m.began <= now], [m for m in held if m.began > now]

    def _before_plans(self, plan: MemoryRecord) -> Optional[str]:
        """The id of the value a plan replaced, past the plans it replaced in turn."""
        seen = {plan.id}
        found: Optional[MemoryRecord] = plan
        while found is not None and found.supersedes and found.supersedes not in seen:
            seen.add(found.supersedes)
            found = self.store.memories.get(self.tenant_id, self.collection, found.supersedes)
            if found is not None and iso_to_epoch(found.began) <= iso_to_epoch(found.said):
                return found.id  # became true when said: no plan
        return None

    def _called_off(self, fact: ExtractedFact) -> list[MemoryRecord]:
        """The plans still waiting when the call-off was said that it names (all of its
        key's, with no value): "we're not moving after all", said in May of a move planned
        for November, calls it off even when replayed in December."""
        if not fact.calls_off or fact.attribute is None:
            return []
        said = iso_to_epoch(self.observed_at)
        held = [m for m in self._by_key(fact.subject, fact.attribute) if not m.negated]
        # planned before the call-off was said, to begin after it
        planned = [m for m in held if iso_to_epoch(m.began) > said >= iso_to_epoch(m.said)]
        return [m for m in planned if not fact.value or _same(m.value, fact.value)]

    def _before_plan(self, fact: ExtractedFact) -> ExtractedFact:
        """A value said while another is planned for its key holds until the plan begins
        ("I moved to Leeds" in May, the move to York planned for June), unless it is the
        planned one, come early: the plan is then done with."""
        spec = attribute(fact.attribute)
        if spec is None or not spec.single or fact.negated or fact.corrects:
            return fact
        if _pending(fact):
            return fact  # a plan itself
        assert fact.attribute is not None
        held = [m for m in self._by_key(fact.subject, fact.attribute) if not m.negated]
        planned = self._planned(held)[1]
        if not planned:
            return fact
        if _same(planned[0].value, fact.value):
            self.store.memories.retire(self.tenant_id, self.collection, [planned[0].id])
            return fact
        begins = iso_to_datetime(planned[-1].began)
        ends = fact.expires_at
        return replace(fact, expires_at=begins if ends is None else min(ends, begins))

    def _keyed(
        self, fact: ExtractedFact, for_a_while: bool = False
    ) -> tuple[str, Optional[MemoryRecord], Optional[str], bool]:
        """(relation, the existing memory if a duplicate, what it supersedes, current?)
        ``for_a_while``: the statement said when the fact ends ("tonight", "this week")."""
        assert fact.attribute is not None
        held = self._by_key(fact.subject, fact.attribute)
        spec = attribute(fact.attribute)
        assert spec is not None
        if spec.single:
            held, planned = self._planned(held)
            off = self._called_off(fact)
            if off:
                # "we're not moving to Izmir after all": the plan is off, the home holds on
                self.store.memories.retire(self.tenant_id, self.collection, [m.id for m in off[1:]])
                others = [m for m in held + planned if m.id not in {o.id for o in off}]
                if off[0].began <= iso_now() and not others:
                    # its day came before this, said before it, was stored: what the plan
                    # replaced then holds again — the value before it, past any plan it
                    # had replaced itself (Paris, then Rome instead: Berlin)
                    before = self._before_plans(off[0])
                    if before is not None:
                        self.store.memories.reinstate(self.tenant_id, self.collection, before)
                return UPDATES, None, off[0].id, True
            if _pending(fact) and not fact.negated and fact.attribute != "location":
                # (trips to come are stays of their own: one never calls another off)
                return self._plan(fact, held, planned)
        values = [m for m in held if not m.negated]
        denials = [m for m in held if m.negated]
        if fact.negated and not fact.value:
            again = None if values else self._ended(fact, held)
            return (DUPLICATE, again, None, True) if again else self._ending(fact, values)
        if fact.negated:
            match = next((m for m in values if _same(m.value, fact.value)), None)
            # (a leaving of work, not a visit's: "last day at the hospital for mum")
            of_work = _LEFT_AS_ONE_WHO_WORKED.search(fact.statement) is None
            if match is None and of_work and fact.attribute in ("employer", "school"):
                # "last day at the council" with Bristol City Council held: the one held
                # of the kind the words name
                kind = [m for m in values if _by_its_kind(m.value, fact.value)]
                match = kind[0] if len(kind) == 1 else None
            if match is not None and of_work and spec.single and fact.attribute in ENDS_WITH:
                # the employer one works at left, and with it the job done there before
                # (as an ending said bare ends both: "I resigned"); not a job said with the
                # leaving ("I'm a teacher now, I left Google")
                self._end_also(fact, ENDS_WITH[fact.attribute], before=True)
            if match is None and fact.attribute == "pets" and _NO_PET_NOW.search(fact.statement):
                # "I don't have a dog anymore", the dog called Biscuit held: the one of that kind
                kind = [m for m in values if _of_kind(m.value, fact.value)]
                match = kind[0] if len(kind) == 1 else None
            if next((m for m in denials if _same(m.value, fact.value)), None):
                return DUPLICATE, denials[0], None, True
            return (UPDATES, None, match.id, True) if match else (NEW, None, None, True)
        same = next((m for m in values if _same(m.value, fact.value)), None)
        if (
            same is not None
            and fact.attribute == "name"
            and len(_called(fact.value)) > len(_called(same.value))
        ):
            # said more fully: "Dana Okafor" after "Dana" is the one name, now whole
            return UPDATES, None, same.id, True
        if same is not None and _told_more(fact.text, same.text) and not self._before(fact, same):
            # said again with other detail ("…, 3rd year" after "…, 2nd year", "in the
            # search team" after "in the ads team"): the newer words hold; said again with
            # less ("I work at Google") is the same fact
            return UPDATES, None, same.id, True
        if (
            same is not None
            and spec.single
            and same.expires_at is not None
            and fact.expires_at is None
            and fact.attribute != "location"
        ):
            # said for a while, now with no end ("I live in Bristol now, staying for good"
            # after "living in Bristol till January"): the while is over, the value holds;
            # the one held before it, beside it, is replaced
            held = [m for m in values if m.id != same.id and m.expires_at is None]
            self.store.memories.retire(self.tenant_id, self.collection, [same.id])
            return UPDATES, None, (held[0] if held else same).id, True
        if same is not None:
            if spec.single and fact.attribute not in WORK_ATTRIBUTES and fact.expires_at is None:
                # "I've moved back to Leeds" while "in Bristol till January": the while
                # is over, the home held is the one
                away = [m for m in values if m.id != same.id and m.expires_at is not None]
                self.store.memories.retire(self.tenant_id, self.collection, [m.id for m in away])
            return DUPLICATE, same, None, True
        denied = next((m for m in denials if _same(m.value, fact.value)), None)
        if not spec.single:
            if denied is not None:  # "I like Korean food again"
                return UPDATES, None, denied.id, True
            turned = self._turned(fact)
            if turned is not None and self._before(fact, turned):
                return NEW, None, None, False  # a like older than the dislike held: history
            if turned is not None:  # "I hate coffee now", "I love coffee" held
                return UPDATES, None, turned.id, True
            if fact.attribute == "medications":
                # "now on sertraline 100mg" after "sertraline 50mg": one medicine, a new dose
                dose = next(
                    (m for m in values if _called(m.value)[:1] == _called(fact.value)[:1]), None
                )
                if dose is not None:
                    return UPDATES, None, dose.id, True
                if (
                    len(values) == 1
                    and SWITCHED_TO.search(fact.statement)
                    and not SUPPLEMENT.search(values[0].value or "")
                    and not self._before(fact, values[0])
                ):
                    return UPDATES, None, values[0].id, True  # the one held, switched from
            refined = next((m for m in values if _refines(fact.value, m.value)), None)
            return (EXTENDS if refined else NEW), None, None, True
        if values and (self._before(fact, values[0]) or self._long_before(fact)):
            # older than what is known, or told of years before ("we moved to Austin in
            # 1999"): history, not current
            return NEW, None, None, False
        # "my job tonight is babysitter", "working at my mum's shop this week": a value
        # for a while, beside the one held, which holds on when it ends (it had been
        # retired for good); it replaces another for a while. A value with no end
        # replaces the one held with none, and leaves one for a while to end on its own.
        # Stays are the exception: each replaces the last.
        lasting = [m for m in values if m.expires_at is None]
        passing = [m for m in values if m.expires_at is not None]
        replaced = values[0] if values else None
        if fact.attribute != "location" and lasting:
            if for_a_while and not passing:
                return NEW, None, None, True
            replaced = passing[0] if for_a_while else lasting[0]
            if not for_a_while and passing and fact.attribute not in WORK_ATTRIBUTES:
                # a new home or diet with no end ends one for a while too ("I've moved to
                # Manchester" while "living in Bristol till January"); a job beside a
                # job for a while is one (a week at the family shop)
                self.store.memories.retire(self.tenant_id, self.collection, [m.id for m in passing])
        # A new value makes every denial of the key moot ("no longer at Capcom" once the
        # new employer is known); the value it replaces is the one it supersedes.
        self.store.memories.retire(self.tenant_id, self.collection, [m.id for m in denials])
        ended = ENDED_BY.get((fact.attribute, (fact.value or "").casefold()), ())
        self._end_also(fact, ended)
        if replaced is None:
            return NEW, None, None, True
        return UPDATES, None, replaced.id, True

    def _turned(self, fact: ExtractedFact) -> Optional[MemoryRecord]:
        """The same value held under the opposite attribute (facts.OPPOSITE): a like that
        turned to a dislike, or back (or, said before it, one that had not yet)."""
        opposite = OPPOSITE.get(fact.attribute or "")
        if opposite is None or fact.negated:
            return None
        held = self._by_key(fact.subject, opposite)
        # the same thing exactly: "coffee ice cream" is not "coffee"
        said = (fact.value or "").casefold()
        return next((m for m in held if not m.negated and (m.value or "").casefold() == said), None)

    def _long_before(self, fact: ExtractedFact) -> bool:
        """Whether ``fact`` became true more than a year before it was said: a life's
        story, not news of now ("I moved to Austin 10 years ago", "in 1999")."""
        began = _iso(fact.valid_from)
        if began is None or _ONGOING.search(fact.statement):
            return False  # "vegan since 2019", "been at Acme for 6 years": true still
        return iso_to_epoch(self.observed_at) - iso_to_epoch(began) > _A_YEAR

    def _before(self, fact: ExtractedFact, held: MemoryRecord) -> bool:
        """Whether ``fact`` is older news than the value ``held`` for its key: it began
        before it, when both name the day they began; else it was said before it. "We
        moved to Paris last month", said after "I live in Berlin", is the news — Berlin
        was said true when it was said, not since a month ago; "I live in Berlin", said
        in March and replayed after "we moved to Paris in February", said in May, is
        history."""
        if fact.valid_from is not None and held.dated:
            return iso_to_epoch(datetime_to_iso(fact.valid_from)) < iso_to_epoch(held.began)
        return iso_to_epoch(self.observed_at) < iso_to_epoch(held.said)

    def _plan(
        self, fact: ExtractedFact, held: list[MemoryRecord], planned: list[MemoryRecord]
    ) -> tuple[str, Optional[MemoryRecord], Optional[str], bool]:
        """A value planned to begin after it was said ("we're moving to Izmir in June"):
        the same plan again is a ``duplicate``; another replaces the one planned
        (``updates``), and the value that holds now stays current until the plan begins —
        the store ends it then (``add_fact``), or moves its end to the new plan's day."""
        begins = _iso(fact.valid_from)
        assert begins is not None and fact.value is not None
        again = next((m for m in planned if _same(m.value, fact.value)), None)
        values = [m for m in held if not m.negated]
        if again is None and not planned and values and _same(values[0].value, fact.value):
            return DUPLICATE, values[0], None, True  # moving to where one lives
        if again is not None and again.valid_from == begins:
            return DUPLICATE, again, None, True
        self.store.memories.retire(
            self.tenant_id, self.collection, [m.id for m in held if m.negated]
        )
        if not planned:
            return (UPDATES, None, values[0].id, True) if values else (NEW, None, None, True)
        # Another place, or the same one on another day: what the plan was to end now ends
        # on the new day; the plan itself is superseded.
        self.store.memories.reschedule(self.tenant_id, planned[0], begins)
        self.store.memories.retire(self.tenant_id, self.collection, [m.id for m in planned[1:]])
        return UPDATES, None, planned[0].id, True

    def _ending(
        self, fact: ExtractedFact, values: list[MemoryRecord]
    ) -> tuple[str, Optional[MemoryRecord], Optional[str], bool]:
        """An ending ("I resigned today") retires the key's current value, and those of
        the attributes that end with it (facts.ENDS_WITH) — unless it is older than the
        value, which it then cannot have ended: it is stored as history."""
        assert fact.attribute is not None
        if values and self._before(fact, values[0]):
            return NEW, None, None, False
        self.store.memories.retire(self.tenant_id, self.collection, [m.id for m in values[1:]])
        self._end_also(fact, ENDS_WITH.get(fact.attribute, ()))
        return (UPDATES, None, values[0].id, True) if values else (NEW, None, None, True)

    def _end_also(self, fact: ExtractedFact, names: tuple[str, ...], before: bool = False) -> None:
        """Retire the subject's current values of ``names`` that began before ``fact``
        became true (or as it did, unless ``before``; and, with ``before``, not one this
        call said again): what ends with it (facts.ENDS_WITH, facts.ENDED_BY)."""
        ended_at = iso_to_epoch(_iso(fact.valid_from) or self.observed_at)
        retired = []
        for name in names:
            also = self._by_key(fact.subject, name)
            began = {m.id: iso_to_epoch(m.began) for m in also}
            if before:
                retired += [
                    i for i, at in began.items() if at < ended_at and i not in self.said_again
                ]
            else:
                retired += [i for i, at in began.items() if at <= ended_at]
        if retired:
            self.store.memories.retire(self.tenant_id, self.collection, retired)

    def _unkeyed(self, fact: ExtractedFact, vector: Vector) -> tuple[str, Optional[MemoryRecord]]:
        """``duplicate`` and the memory it restates, or ``new``."""
        hits = self.search.nearest(
            self.tenant_id,
            vector,
            self.collection,
            self.container_tag,
            RELATE_CANDIDATES,
            RELATE_FLOOR,
        )
        current = self.store.memories.current_with_vectors(
            self.tenant_id,
            self.collection,
            self.container_tag,
            [rid for rid, _ in hits],
            iso_now(),
        )
        query = as_dict(vector)
        words = frozenset(content_words(fact.text))
        denies = _DENIES.search(fact.text) is not None
        for memory, stored in current:
            score = cosine(query, stored)
            if (_DENIES.search(memory.text) is not None) != denies:
                continue  # "User is not working at Acme" does not restate "User works at Acme"
            if score >= NEAR_DUPLICATE or (
                score >= RELATE_FLOOR and frozenset(content_words(memory.text)) == words
            ):
                return DUPLICATE, memory
        # this call's own, in the order stored: the last few, and any that says its words
        recent = range(max(0, len(self.stored) - _SAME_CALL_WINDOW), len(self.stored))
        for at in sorted({*recent, *self.restating.get((words, denies), ())}):
            memory, stored, said = self.stored[at]
            if self.denying[at] != denies:
                continue
            score = cosine(query, stored)
            if score >= NEAR_DUPLICATE or (score >= RELATE_FLOOR and said == words):
                return DUPLICATE, memory
        return NEW, None


# Whom "she" or "he" can mean: among the people the newest keyed facts are about, told of
# at most a day before.
_PRONOUN_LOOKBACK = 12
_PRONOUN_WINDOW = 24 * 3600
# … beyond it, "he's 13 now" is about one who holds an age at most this many years less.
_AGE_GROWN = 3
_YEAR = 365.25 * 24 * 3600


# Who a child born to one of the user's family is to the user (the attribute that records
# it, and the word for a son and for a daughter): a sibling's is a nephew or a niece, a
# child's a grandson or a granddaughter, a partner's a son or a daughter, a parent's a
# brother or a sister.
_FAMILY_CHILD = {
    "siblings": ("relatives", "nephew", "niece"),
    "children": ("relatives", "grandson", "granddaughter"),
    "partner": ("children", "son", "daughter"),
    "mother": ("siblings", "brother", "sister"),
    "father": ("siblings", "brother", "sister"),
}
# What was born, as said ("had a baby boy"; not the parent's own word, "my son Tom had…").
_BORN_A = re.compile(BORN_A, re.I)


def _born_to_family(fact: ExtractedFact) -> Optional[ExtractedFact]:
    """The user's relation to a child a fact says someone of the user's family had
    ("User's sister Ama has a child, Kofi", said "…had a baby boy, Kofi"): "User's
    nephew is Kofi". None for anyone else's child (a friend's), or one said as neither
    son nor daughter."""
    if fact.attribute != "children" or fact.negated or not fact.value:
        return None
    relation = fact.subject.partition(":")[0]
    family = _FAMILY_CHILD.get(RELATIONS.get(relation.lower(), ""))
    if family is None:
        return None
    kinds = {m.group("kind").lower() in ("boy", "son") for m in _BORN_A.finditer(fact.statement)}
    if len(kinds) != 1:
        return None  # "a baby", or "a boy and a girl": whose is whose, unsaid
    attribute_, son, daughter = family
    return ExtractedFact(
        f"{SUBJECT}'s {son if kinds.pop() else daughter} is {fact.value}",
        statement=fact.statement,
        subject=USER,
        attribute=attribute_,
        value=fact.value,
    )


def _names_person(memory: MemoryRecord, name: str) -> bool:
    """Whether ``memory`` is about someone called ``name`` ("daughter:Isabel"), or says
    who they are to the user ("User's daughter is Isabel")."""
    folded = name.casefold()
    if (memory.subject or "").casefold().endswith(":" + folded):
        return True
    return memory.attribute in RELATION_ATTRIBUTES and (memory.value or "").casefold() == folded


def _town_of(home: MemoryRecord) -> Optional[str]:
    """The town a home fact names: the last place a list names among its value and what
    its text says after it, not a country or region unless it names nothing smaller
    ("User lives in Lavapiés, Madrid" → Madrid; "… Belgrade, Serbia" → Belgrade; "… in
    Singapore, HDB rental in Tiong Bahru" → Singapore); None if it names none."""
    value = home.value or ""
    at = home.text.find(value)
    after = home.text[at + len(value) :] if value and at >= 0 else ""
    said = [part.strip(" .") for part in f"{value},{after}".split(",")]
    places = [part for part in said if part and place_rest(part) == ""]
    towns = [part for part in places if not a_region(part)] or places
    return towns[-1] if towns else None


def _person(subject: str) -> tuple[str, str]:
    """Who a subject is, whatever the word for the relation: ``sis:Germaine`` and
    ``sister:germaine`` are one person."""
    relation, _, name = subject.partition(":")
    return kin(relation), name.casefold()


def _plain(fact: ExtractedFact) -> ExtractedFact:
    """A fact about someone remember could not settle as a plain memory, in the words
    said: keyed to no one."""
    said_so = finish(third_person(fact.statement)) if fact.statement else fact.text
    return replace(fact, text=said_so, subject=USER, attribute=None, value=None, negated=False)


def _about(fact: ExtractedFact, subject: str, name: str) -> ExtractedFact:
    """The fact with another subject, its wording's leading name changed to match: "Tom
    works as a plumber", "User's husband works…" or "User is 31…" → "User's husband Tom
    works…"."""
    relation, _, bare = fact.subject.partition(":")
    if fact.subject == USER:
        said = SUBJECT
    elif fact.subject.startswith(UNRESOLVED_PREFIX):
        said = fact.subject[len(UNRESOLVED_PREFIX) :]  # "She works at Meta", "Wei Jie works…"
        said = said[:1].upper() + said[1:]
    else:
        said = f"{SUBJECT}'s {relation}" if _ and not bare else fact.subject
    text = fact.text
    if text.startswith(said):
        text = name + text[len(said) :]
    return replace(fact, subject=subject, text=text)


def remember_facts(
    services: Services,
    principal: Principal,
    collection: str,
    content: str,
    observed_at: Optional[str] = None,
    container_tag: Optional[str] = None,
) -> list[dict[str, Any]]:
    """Extract the facts of ``content`` as said at ``observed_at`` (ISO, default now),
    relate each to the current memories of the collection and tag and store all but
    duplicates, tagged; returns the Extracted facts in order."""
    observed_at = observed_at or iso_now()
    facts = read_facts(services, principal, collection, container_tag, content, observed_at)
    return store_facts(services, principal, collection, facts, observed_at, container_tag)


def read_facts(
    services: Services,
    principal: Principal,
    collection: str,
    container_tag: Optional[str],
    content: str,
    observed_at: str,
) -> list[ExtractedFact]:
    """The facts of ``content``; when it keys nothing, is short and lists where and what
    as, read after the new job's label the user sent just before it, if they did ("new
    job!!", then a minute later "monzo, backend engineer, payments team"): the two are one
    message, typed in two."""
    facts = extract_facts(services, content, observed_at)
    if (
        any(f.attribute for f in facts)
        or len(content) > _LABELLED_CHARS
        or at_the_new_job("new job", content) == content  # lists no job: nothing to read
    ):
        return facts
    label = _label_said_before(services, principal, collection, container_tag, observed_at)
    if label is None or at_the_new_job(label, content) == content:
        return facts
    labelled = extract_facts(services, f"{label}: {content}", observed_at)
    if not any(f.attribute for f in labelled):
        return facts
    # what was said stays the words the user sent (the label is stored as they sent it)
    return [f if f.statement in content else replace(f, statement=content) for f in labelled]


def _label_said_before(
    services: Services,
    principal: Principal,
    collection: str,
    container_tag: Optional[str],
    observed_at: str,
) -> Optional[str]:
    """The news label ("New job", "big news") the user sent as the message stored last
    (nothing keyed since: not "new job!!", "my brother Tom started at Asda", "asda,
    warehouse operative"), in the last _LABEL_WINDOW seconds before ``observed_at``, as a
    label; None if not."""
    last = services.store.memories.page(
        principal.tenant_id, collection, 1, 0, False, True, container_tag
    )
    if (
        not last
        or last[0].attribute is not None
        or last[0].container_tag != container_tag
        or not 0 <= iso_to_epoch(observed_at) - iso_to_epoch(last[0].said) <= _LABEL_WINDOW
    ):
        return None
    return news_label(last[0].statement or last[0].text)


def extract_facts(services: Services, content: str, observed_at: str) -> list[ExtractedFact]:
    """The facts of ``content`` as said at ``observed_at`` (ISO). Reads nothing stored and
    may wait on a model endpoint, so it runs outside the writer lock."""
    moment = iso_to_datetime(observed_at)
    # An extractor reads at most one memory's worth at a time (a model's answer is bounded
    # by it); longer content is read in pieces cut where its statements end.
    return [
        fact for piece in pieces(content, MAX_TEXT_CHARS) for fact in _read(services, piece, moment)
    ]


def _read(services: Services, piece: str, moment: datetime) -> list[ExtractedFact]:
    """The facts of one piece; should the extractor itself fail (a bug in its rules), the
    piece as a plain memory, and the failure logged: what was said is never lost to it."""
    try:
        return services.extractor.extract(piece, moment)
    except Exception:
        log.exception("the extractor failed on a statement of %d characters", len(piece))
        return [ExtractedFact(finish(piece), classify(piece), piece)]


def store_facts(
    services: Services,
    principal: Principal,
    collection: str,
    facts: list[ExtractedFact],
    observed_at: str,
    container_tag: Optional[str] = None,
) -> list[dict[str, Any]]:
    """Relate each of ``facts`` to the current memories of the collection and tag and
    store all but duplicates; returns the Extracted facts in order."""
    store = services.store
    # One transaction: relate and store cannot interleave with another remember, so two
    # calls never both supersede the same memory, and a failure stores nothing.
    with store.write():
        store.collections.ensure(principal.tenant_id, collection)
        call = _Call(services, principal, collection, container_tag, observed_at)
        return [stored for fact in facts for stored in call.remember(fact)]


def _said(check: Checker, body: Mapping[str, Any]) -> Optional[str]:
    """What the user said: ``content``, or the user's messages of ``messages``, each on
    lines of its own (so one message's sentence never runs into the next)."""
    # A field sent as null is one left out (clients that serialise every field send it).
    if body.get("messages") is None:
        content = check.string(
            body, "content", ["body"], required=True, min_len=1, max_len=MAX_REMEMBER_CHARS
        )
        if content and not content.strip():
            check.fail(["body", "content"], "String should not be blank", "string_too_short")
        return content
    if body.get("content") is not None:
        check.fail(["body"], "Give either content or messages, not both", "value_error")
        return None
    problems = len(check.errors)
    messages = item_list(check, body, "messages", MAX_REMEMBER_MESSAGES, min_items=1)
    said: list[str] = []
    for index, message in enumerate(messages):
        loc: list[Union[str, int]] = ["body", "messages", index]
        if not isinstance(message, dict):
            check.fail(loc, "Input should be a valid dictionary", "dict_type")
            continue
        # Other keys (name, tool_calls…) are the chat's business: a transcript is taken as is.
        for field in ("role", "content"):
            if field not in message:
                check.fail([*loc, field], "Field required", "missing")
        role = check.choice(message, "role", loc, MESSAGE_ROLES, default=None)
        if role is None and message.get("role", 0) is None:
            check.fail([*loc, "role"], "Input should be a valid string", "string_type")
        # null is a message that says nothing in words, such as an assistant's tool call.
        text = check.string(message, "content", loc, max_len=MAX_REMEMBER_CHARS, nullable=True)
        if role == USER_ROLE and text and text.strip():
            said.append(text.strip())
    content = "\n\n".join(said)
    if len(check.errors) == problems and not content:
        check.fail(
            ["body", "messages"], "Messages should hold a user message with text", "too_short"
        )
    if len(content) > MAX_REMEMBER_CHARS:
        check.fail(
            ["body", "messages"],
            f"The user's messages should hold at most {MAX_REMEMBER_CHARS} characters in all",
            "too_long",
        )
    return content


def remember(req: Request) -> Response:
    collection = collection_param(req)
    body = object_body(req)
    check = Checker()
    sync = check.query_bool(req.query, "sync", default=False)
    content = _said(check, body)
    observed_at = check.timestamp(body, "observed_at", ["body"])
    container_tag = check.string(
        body, "container_tag", ["body"], max_len=MAX_CONTAINER_TAG_CHARS, nullable=True
    )
    check.done()
    assert content is not None
    services, principal = req.services, req.principal
    observed_at = observed_at or iso_now()
    if sync:
        # The model is asked before the write lock is taken (Replay.PREPARED): a slow
        # extractor holds up this call only, not every write on the server.
        facts = read_facts(services, principal, collection, container_tag, content, observed_at)

        def store() -> Response:
            stored = store_facts(services, principal, collection, facts, observed_at, container_tag)
            return Response(200, {"facts": stored})

        return req.commit(store)

    def queue() -> Response:
        with services.store.write():
            services.store.collections.ensure(principal.tenant_id, collection)
            job = services.store.jobs.create(
                principal, collection, content, observed_at, container_tag
            )
        return Response(202, {"job_id": job.id})

    answer = req.commit(queue)
    # After the commit, so the worker it wakes finds the job.
    services.wake_jobs()
    return answer


def get_job(req: Request) -> Response:
    job_id = req.params["id"]
    found = req.services.store.jobs.get(req.principal.tenant_id, job_id)
    if found is None:
        raise HTTPError(404, f"Job '{job_id}' not found")
    return Response(200, wire.job(found))
