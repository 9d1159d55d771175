"""What the arms of one search found, and which other memories may answer what it asks.

``Arms`` holds each arm's hits, (rid, score) best first, and gives the weight each counts
for in the fusion (search.py). When the query asks about a key (ask.py), it also tells
which other memories may stand among the answers (``answers``: not another subject's
fact of the asked attribute, not what was said before the answer to a single-valued key,
not a memory naming a value the key held before) and which only introduce the person
asked about (``introduces``), to be ranked after the answers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Optional

from .ask import Ask
from .ask_whose import one_of
from .db import MemoryRecord
from .embed import tokens
from .extract.kin import RELATIONS
from .extract.lexicon import words
from .extract.places import places_in
from .facts import RELATION_ATTRIBUTES, USER, WORK_ATTRIBUTES, attribute

# The key arm (facts of the key the query asks about, ask.py) counts three times a
# lexical or vector arm: a fact that answers by key ranks before anything that merely
# shares words with the question.
KEY_WEIGHT = 3.0
# Within the key arm, the facts of each attribute after the best-fitting one rank this
# many places lower: "What does Kwame do for work?" puts the job before the employer of
# the same statement, whatever the other arms and the recency prior say of the two.
KEY_ATTRIBUTE_GAP = 5
# The lexicon's words for the asked attribute ("diet" → vegetarian, vegan…) make an arm
# of half a query arm's weight: they widen what is found without outranking the query.
LEXICON_WEIGHT = 0.5
# The names of the people a question asks about ("my wife" → Tasha) make an arm of the
# same weight: "Tasha took a day job at Rush" answers "where does my wife work?".
PERSON_WEIGHT = 0.5
# What the people asked about said lately that says a thing of the kind asked for (a
# place for "where does Bronte live?": "officially a Hobart girl now"), the latest said
# first: an arm of the same weight, so what the extractor did not key still stands
# among the answers.
KIND_WEIGHT = 0.5
# A model embedder's ranking (rerank.py) counts twice a built-in arm: it reads meaning
# where the others read words.
MODEL_WEIGHT = 2.0

# Attributes of which a newer value of one retires what an older fact of another said:
# a home and where one is; what one does, where, and what one studies; a partner and the
# relationship; what one eats and drinks, likes and dislikes. A fact said before the
# answer to a key of one family is what that answer replaced; a current fact of another
# family stands ("User is allergic to gluten" for "can I eat gluten?", though a diet was
# told since).
_FAMILIES = (
    frozenset(("home", "location")),
    frozenset(("job", "employer", "studies", "school", "project", "manager")),
    frozenset(("relationship", "partner")),
    frozenset(("diet", "drinks", "likes", "dislikes")),
)
# Words of a question that name nothing it asks about ("what's my new job?").
_ANY_QUESTION = words(
    "new old current currently now still first last next best main usual these days"
)


@dataclass
class Arms:
    """What each arm of one search found, (rid, score) best first, and what the key the
    query asks about (``ask``) says of the other memories."""

    text: list[tuple[int, float]] = field(default_factory=list)
    lexicon: list[tuple[int, float]] = field(default_factory=list)
    vector: list[tuple[int, float]] = field(default_factory=list)
    key: list[tuple[int, float]] = field(default_factory=list)  # (rid, attribute's place)
    person: list[tuple[int, float]] = field(default_factory=list)
    kind: list[tuple[int, float]] = field(default_factory=list)
    # None when no model embedder ranked (none configured, or it failed).
    model: Optional[list[tuple[int, float]]] = None
    model_weight: float = MODEL_WEIGHT  # the ranker's (rerank.ModelRanker.weight)
    ask: Optional[Ask] = None
    # values the asked keys held before, and until when a memory naming one is from before
    # (Memories.superseded_values)
    stale: list[tuple[str, Optional[str]]] = field(default_factory=list)
    since: Optional[str] = None  # when the answer to a single-valued key became true
    terms: tuple[str, ...] = ()  # the query's words the full-text arm looked for
    ended: Optional[str] = None  # with no answer, when the key's latest end was said
    answered: bool = False  # whether the key arm holds a value of the best-fitting key
    ends: frozenset[int] = frozenset()  # the end the key arm gives when nothing holds
    end_said: str = ""  # … and when it was said
    cut: frozenset[int] = frozenset()  # that end, when what was said since answers
    denied: list[tuple[str, str]] = field(default_factory=list)  # (value, when said denied)
    # the names of the relatives a question asking which one left out ("who is my little
    # sister?": Gwen, of two sisters, when Em is said to be the little one)
    left_out: frozenset[str] = frozenset()
    # whether the question asks what held before: history searched, and put first
    past: bool = False

    @cached_property
    def kinds(self) -> frozenset[int]:
        """The memories the kind arm found (read once the arms are done)."""
        return frozenset(rid for rid, _ in self.kind)

    @cached_property
    def meant(self) -> dict[int, float]:
        """The model arm's cosine of each memory it ranked (read once the arms are done);
        empty when it did not run."""
        return dict(self.model or ())

    @cached_property
    def keyed(self) -> frozenset[int]:
        """The memories the key arm found (read once the arms are done)."""
        return frozenset(rid for rid, _ in self.key)

    def worded(self) -> list[list[tuple[int, float]]]:
        """The arms that found memories by their words or kind, not by vectors."""
        return [self.text, self.lexicon, self.person, self.kind]

    def found(self) -> list[list[tuple[int, float]]]:
        return [self.key, self.text, self.lexicon, self.person, self.kind, self.vector]

    def ranked(self) -> list[tuple[list[tuple[int, int]], float]]:
        """Each arm that counts, as (rid, rank) from 1, and its weight (not the lexicon,
        person, kind and key arms when they found nothing, nor the model arm when it did
        not run). The key arm's facts rank by the attribute they answer first."""
        arms = [
            (self.text, 1.0),
            (self.vector, 1.0),
            (self.lexicon or None, LEXICON_WEIGHT),
            (self.person or None, PERSON_WEIGHT),
            (self.kind or None, KIND_WEIGHT),
            (self.model, self.model_weight),
        ]
        ranked = [
            ([(rid, rank) for rank, (rid, _) in enumerate(hits, start=1)], weight)
            for hits, weight in arms
            if hits is not None
        ]
        if self.key:
            key = [
                (rid, rank + KEY_ATTRIBUTE_GAP * int(place))
                for rank, (rid, place) in enumerate(self.key, start=1)
            ]
            ranked.append((key, KEY_WEIGHT))
        return ranked

    def introduces(self, memory: MemoryRecord) -> bool:
        """Whether a memory only says who the asked person is ("User's roommate is Hana")
        while the question asks something else of them ("where does Hana live?"), or who
        the user is while it asks after a relative, not the user ("User is called Aga" for
        "what's my nephew called?", not for "what do my kids call me?")."""
        if self.ask is None or memory.subject != USER or memory.attribute in self.ask.attributes:
            return False
        if memory.attribute == "name" and self.ask.kin and not self.ask.me:
            return True
        if memory.attribute not in RELATION_ATTRIBUTES or not memory.value:
            return False
        # (of which relative of several it asks, the others too: "User's daughter is Mia"
        # for "where does my eldest daughter go to school?")
        word, relation = self.ask.which
        return any(s.split(":", 1)[-1] == memory.value for s in self.ask.subjects) or bool(
            word and memory.attribute == RELATIONS.get(relation)
        )

    @cached_property
    def _asked(self) -> frozenset[str]:
        """The attributes asked, with those of the same kind: what one does asks where one
        does it too ("partner occupation" is not answered by where the user works)."""
        asked = frozenset(self.ask.attributes if self.ask is not None else ())
        return asked | WORK_ATTRIBUTES if asked & WORK_ATTRIBUTES else asked

    def answers(self, memory: MemoryRecord) -> bool:
        """Whether a memory may stand among the answers to the key asked about:

        - a fact of the asked attribute about someone else does not ("where does Hana
          live?" is not answered by where the user lives);
        - a memory said before the answer to a single-valued key was true does not: it
          is what the answer replaced, or beside the question — but a current fact of
          the one asked, of an attribute that answer does not retire, stands (``_stands``);
        - nor one naming a value the asked key held before ("my manager Mr Okoye is
          retiring" once the manager is someone else; "User no longer works at Comfort
          Air"), unless it is a plain memory said after the key's end ("back on the
          coffee again" after "I stopped drinking coffee");
        - nor one said before a current denial of a value it names ("third coffee of the
          day" before "I quit coffee").

        What the key and kind arms chose stands; an end they passed over for news said
        since it does not.
        """
        if memory.rid in self.cut:
            return False
        if self.ask is None or memory.rid in self.keyed or memory.rid in self.kinds:
            return True
        if memory.attribute in self._asked and not _among(memory.subject, self.ask.subjects):
            return False
        if self._another_of_them(memory):
            return False
        if self.since is not None and memory.began < self.since and not self._stands(memory):
            return False
        # (a keyed fact naming an old value is history whenever said: "User no longer works
        # at Comfort Air" does not answer who the employer is)
        before = [
            v
            for v, until in self.stale
            if until is None or memory.said < until or memory.attribute is not None
        ]
        before += [v for v, when in self.denied if memory.said < when]
        return not mentions(memory.text, before)

    def _another_of_them(self, memory: MemoryRecord) -> bool:
        """Whether a fact is about another relative of the kind the question picks one of
        ("User's daughter Mia goes to St Mary's" for "how old is my eldest daughter?",
        when Amy is the eldest)."""
        if self.ask is None or not self.ask.which[0] or memory.subject is None:
            return False
        if not one_of(memory.subject, self.ask.which):
            return False
        name = memory.subject.split(":", 1)[1]
        if name in self.left_out:
            return True
        if name in self._asked_names:
            return False  # the one asked, by another word ("kid:Mia" and "daughter:Mia")
        return self._narrowed and not _among(memory.subject, self.ask.subjects)

    @cached_property
    def _asked_names(self) -> frozenset[str]:
        """The names of the subjects asked about ("Mia" of ``kid:Mia``)."""
        return (
            frozenset(s.split(":", 1)[-1] for s in self.ask.subjects) if self.ask else frozenset()
        )

    @cached_property
    def _narrowed(self) -> bool:
        """Whether a question asking which relative of several was narrowed to one known
        by name (not "who is my younger brother engaged to?", asked of the user's
        siblings)."""
        return self.ask is not None and any(
            one_of(s, self.ask.which) and not s.endswith(":") for s in self.ask.subjects
        )

    def _stands(self, memory: MemoryRecord) -> bool:
        """Whether a memory is a current fact of the one asked about, keyed by an
        attribute no answer to the asked key retires (_FAMILIES): said before the answer,
        it still holds."""
        if self.ask is None or memory.attribute in (None, "name") or memory.negated:
            return False  # (a name answers only who: "Which town does Inês call home?")
        if not _among(memory.subject, self.ask.subjects):
            return False
        asked = self._asked
        if memory.attribute in asked or any(
            memory.attribute in family and family & asked for family in _FAMILIES
        ):
            return False
        # … and it names what the question names, word for word ("gluten" for "can I eat
        # gluten?"): not only whom it is asked of ("sister" for "where does my sister
        # live?"), nor only a word the question asks its attribute by ("live" in "User
        # likes live music" for "where do I live?"), nor a fact only the vectors found
        said = {_singular(word) for word in tokens(memory.text)}
        return any(_singular(word) in said for word in self._named_words)

    @cached_property
    def _named_words(self) -> frozenset[str]:
        """The full-text arm's words of the question less those naming whom it asks of,
        those the lexicon asks the asked attributes by (not those their values are said
        with: "gluten" names a food), words of any question and places."""
        assert self.ask is not None
        whom = {USER, *self.ask.kin, *(w.lower() for w in self.ask.drop)}
        for subject in self.ask.subjects:
            relation, _, name = subject.partition(":")
            whom.update(tokens(f"{relation} {name}"))
        for name in self.ask.attributes:
            spec = attribute(name)
            whom.update(spec.asked_by.split() if spec else ())
        # (nor a place: "do I still live in Leeds?" is not answered by a job there told
        # before the move)
        return frozenset(
            t
            for t in self.terms
            if len(t) > 2
            and t not in whom
            and t not in RELATIONS
            and t not in _ANY_QUESTION
            and not places_in(t.title())
        )


def _singular(word: str) -> str:
    """A word without the "s" of a plural ("peanuts", "peanut" alike)."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _among(subject: Optional[str], subjects: Sequence[str]) -> bool:
    """Whether ``subject`` is one of ``subjects`` ("sister:" standing for every sister)."""
    return subject is not None and any(
        subject == s or (s.endswith(":") and subject.startswith(s)) for s in subjects
    )


def mentions(text: str, values: Sequence[str]) -> bool:
    """Whether ``text`` names one of ``values`` word for word."""
    found = tokens(text)
    for value in values:
        wanted = tokens(value)
        width = len(wanted)
        if width and any(found[i : i + width] == wanted for i in range(len(found) - width + 1)):
            return True
    return False
