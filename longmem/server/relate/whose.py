"""Whom a fact of a remember call is about (relate/), as the collection knows them.

A fact about a bare name ("Tom got a job…") is about the person the collection already
knows by that name — the user, if it is the user's name, or ``husband:Tom`` if the user
said "my husband Tom" — and a fact about an unnamed relation ("my husband works…") is
about the one such relation known, if exactly one is. A fact about "she" or "he" that
opens a message ("she's at Meta now") is about the person of the newest keyed facts the
pronoun fits, told of within a day, or whenever, when it is a new value of a key only
they hold (``_pronoun``).
A fact about someone remember cannot settle is a plain memory in the words said.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Optional

from ..extract import SUBJECT
from ..extract.kin import PRONOUN_RELATIONS, RELATIONS, kin, one_relative, relation_key
from ..extract.lexicon import PET_WORDS, POSSESSIVE, UNRESOLVED_PREFIX
from ..extract.third_person import finish, third_person
from ..facts import USER, ExtractedFact, attribute
from ..timestamps import iso_now, iso_to_epoch
from .base import CallBase, _called

# Whom "she" or "he" can mean: among the people the newest keyed facts are about, told of
# at most a day before.
_PRONOUN_LOOKBACK = 12
_PRONOUN_WINDOW = 24 * 3600
# … beyond it, "he's 13 now" is about one who holds an age at most this many years less.
_AGE_GROWN = 3
_YEAR = 365.25 * 24 * 3600
# Words that tell of someone, or a name after a text's first word: whom "he" or "she" said
# next in the same message may mean (not "he" or "she" again: "He got it!!! he is
# officially project architect now" is one person).
_SOMEONE = re.compile(
    r"\b(?i:guy|girl|man|woman|lady|bloke|chap|lad|lass|someone|somebody|person|friend|mate|"
    r"colleague|neighbou?r|kid|boy|baby|mentor|boss|manager|teacher|doctor|nurse)\b|"
    r"(?<=\s)(?!User\b)(?-i:[A-Z])[a-z]+"
)


class Whose(CallBase):
    """Whom a fact is about: the subject the collection knows by its name for them."""

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
        ("My wife works at Google", then "she's at Meta now"), or, whenever they were told
        of, for an age if they are of a younger age held now ("my son is 12", months later
        "he's 13 now"), for another key if it gives a new value of one only they hold
        (``_news_of_theirs``); else a plain memory."""
        pronoun = fact.subject[len(UNRESOLVED_PREFIX) :]
        said = iso_to_epoch(self.observed_at)
        people = self.store.memories.latest_people(
            self.tenant_id, self.collection, self._scope(), iso_now(), _PRONOUN_LOOKBACK
        )
        fitting = [
            (person, when)
            for person, when in people
            if kin(person.partition(":")[0]) in PRONOUN_RELATIONS.get(pronoun, frozenset())
        ]
        # Read once, when first needed: whether someone said lately may be meant, and
        # the one person whose key the fact gives a new value of.
        lately: list[bool] = []
        theirs: list[Optional[str]] = []

        def said_lately() -> bool:
            if not lately:
                lately.append(self._said_lately(fact.statement))
            return lately[0]

        for person, when in fitting:
            relation, _, name = person.partition(":")
            if not (
                0 <= said - iso_to_epoch(when) <= _PRONOUN_WINDOW
                or self._grown_into(fact, person, said_lately)
            ):
                if not theirs:
                    theirs.append(self._news_of_theirs(fact, [p for p, _ in fitting], said_lately))
                if theirs[0] != person:
                    continue
            spoken = f"{SUBJECT}'s {relation} {name}".rstrip()
            return _about(fact, person, spoken)
        said_so = finish(third_person(fact.statement)) if fact.statement else fact.text
        return replace(fact, text=said_so, subject=USER, attribute=None, value=None, negated=False)

    def _news_of_theirs(
        self, fact: ExtractedFact, fitting: list[str], said_lately: Callable[[], bool]
    ) -> Optional[str]:
        """Whom of ``fitting`` (the people the pronoun fits) ``fact`` gives a new value of a
        key they hold, whenever they were told of: held by them alone, another value held
        ("my husband Kwame is a junior architect", weeks later "he's officially project
        architect now"; of a many-valued key, one more: "my wife drives a corolla", then
        "she's got a Kia Niro now"), and nothing said in the day before that the pronoun
        might mean instead; None for no one."""
        spec = attribute(fact.attribute)
        if spec is None or spec.name == "age" or fact.negated or not fact.value:
            return None  # (an age grows: _grown_into)
        holders = [p for p in dict.fromkeys(fitting) if self._by_key(p, spec.name)]
        if len(holders) != 1:
            return None  # no one, or "he" might be either of two who hold it
        held = self._by_key(holders[0], spec.name)
        if any((h.value or "").casefold() == fact.value.casefold() for h in held):
            return None
        return None if said_lately() else holders[0]

    def _said_lately(self, statement: str) -> bool:
        """Whether a plain memory was said in the day before this call's statement: someone
        it tells of ("met my neighbour's kid Sam today") may be whom a pronoun means; of
        the same message, only one that tells of someone ("met a lovely guy at the gym.
        he's a nurse"; not "party went great. she's a big 6 year old now"), and not one
        of this fact's own clause (``statement``: "he's just moved to Rotterdam for a job
        at the port" stores the job plain before the home is read)."""
        if any(
            _SOMEONE.search(memory.text)
            for memory, _, _ in self.stored
            if not statement or memory.statement != statement
        ):
            return True  # this call's, stored before this fact
        said = iso_to_epoch(self.observed_at)
        lately = self.store.memories.plain_lately(
            self.tenant_id, self.collection, self._scope(), None, iso_now(), 1
        )
        return any(
            0 <= said - iso_to_epoch(m.said) <= _PRONOUN_WINDOW
            for m in lately
            if m.id not in self.added  # (this call's are read above)
        )

    def _grown_into(
        self, fact: ExtractedFact, person: str, said_lately: Callable[[], bool]
    ) -> bool:
        """Whether ``fact`` gives ``person`` the age they have grown into since theirs was
        said: one year more, or as many more as the years gone by allow (one more than
        whole years, at most _AGE_GROWN) — and nothing was said in the day before, which
        "he" might be instead ("met my neighbour's kid Sam today", then "he's 13 now")."""
        if fact.attribute != "age" or not (fact.value or "").isdigit():
            return False
        if said_lately():
            return False
        said = iso_to_epoch(self.observed_at)
        new = int(fact.value or 0)
        for held in self._by_key(person, "age"):
            if (held.value or "").isdigit():
                years = int((said - iso_to_epoch(held.said)) / _YEAR)
                if 0 < new - int(held.value or 0) <= min(years + 1, _AGE_GROWN):
                    return True
        return False


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
    owner = POSSESSIVE.get(said)
    if text.startswith(said):
        text = name + text[len(said) :]
    elif owner and text.startswith(owner + " "):
        text = f"{name}'s{text[len(owner) :]}"  # "Her hobbies include…"
    return replace(fact, subject=subject, text=text)
