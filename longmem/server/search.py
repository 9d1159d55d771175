"""Hybrid retrieval: arms that each rank memories, fused by weighted Reciprocal Rank
Fusion, then the current-truth rules.

The arms (``Arms``, arms.py): full text (FTS5 BM25 over the query's words); the
lexicon (the same index, over the words the lexicon asks the question's attribute by, at
half weight); vectors (cosine over the stdlib embedding); the key arm (the current facts
of the subject and attribute the question asks about, ask.py, at three times the
weight); the person arm (memories naming the relatives asked about) and the kind arm
(what was said since the keyed answer that says a place, an age, a person, an
occupation or an organisation, as the question asks: kinds.py), each at half weight;
and, when a model embedder is configured, its ranking of what the others found and, in
a scope of at most MODEL_SCOPE memories, of every memory there (rerank.py). Then
``Arms.answers`` leaves out what cannot answer the asked key: another subject's fact of
that attribute, what was said before the answer, a superseded value.

The vector arm, and each tenant's index it walks, are vector_arm.py's (``VectorArm``,
which ``SearchEngine`` builds on).
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import islice
from typing import Any, Optional

from .._protocol import DEFAULT_MIN_SCORE, DEFAULT_SEARCH_LIMIT, DEFAULT_SEARCH_MODE
from . import wire
from .arms import KIND_WEIGHT, Arms
from .ask import Ask, analyse
from .ask_whose import GROUP_WORDS, animal, either, which_ones
from .db import MemoryFilter, MemoryRecord
from .embed import (
    CLITIC,
    CLITIC_ENDS,
    STOP_WORDS,
    Vector,
    as_dict,
    embed,
    query_terms,
    tokens,
    word_feature,
)
from .extract.chitchat import is_pleasantry
from .facts import RELATION_ATTRIBUTES, USER, asked_as, attribute
from .kinds import KIND_ATTRIBUTES, news, someone_elses
from .later_news import CHANGE_TOLD, passes, steps_over
from .timestamps import iso_now
from .vector_arm import KEEP_RAREST, VectorArm, is_common
from .vector_index import _eligible

RRF_K = 60
# min_score is a calibrated relevance from 0 to 1: the built-in hashed embedding's
# cosines run low (a paraphrase scores 0.1-0.4), so the vector arm keeps a memory whose
# cosine reaches min_score × VECTOR_SCALE. An exact lexical hit is never gated.
VECTOR_SCALE = 0.5
# A small prior for what was said later: among a search's candidates, the newest gains
# this share of its fused score and the oldest none, so near-ties go to the newer
# memory while a clearly better match still wins.
RECENCY_PRIOR = 0.02
# A change told later goes above what was said before it (later_news.py), read among
# the best _FETCH_FACTOR × limit candidates: the memories the answer reads first, so it
# reads them once …
# … unless the question asks what held before ("which supermarket did we use to go to?",
# "what was my first car?"): then the order is the words' alone.
_ASKS_BEFORE = re.compile(
    r"\b(?:used?\s+to|before|previous(?:ly)?|former(?:ly)?|originally|at\s+first|first|old|"
    r"earlier|last)\b",
    re.I,
)
# A model embedder ranks every memory of a search's scope (the collection searched, or
# the tenant) of at most this many memories, not only what the built-in arms found:
# "where is the wedding?" finds "my brother is getting married in Okinawa", which shares
# no word with it. Beyond it, the model ranks what the arms found (a scan of every
# memory's model vector on every search would not stay fast).
MODEL_SCOPE = 500
# A scope holding more memories than this, archived and history included, is not
# counted memory by memory to see whether MODEL_SCOPE of them may be returned.
_SCOPE_COUNTED = 4 * MODEL_SCOPE
# Each arm hands this many times the requested hits to the fusion step.
_ARM_DEPTH_FACTOR = 4
_MIN_ARM_DEPTH = 40
# The fusion reads the best candidates' memories this many per requested hit at first,
# then twice as many at a time while too few of them pass.
_FETCH_FACTOR = 2
# Words of a question that ask whether or since when something holds ("Is my dad still
# working?"), not what: matched, they found any memory that said "still".
_ASPECT = re.compile(
    r"(?<![^\W_])(?:still|currently|anymore|any more|nowadays|lately|yet|already)(?![^\W_])",
    re.I,
)
_MAX_QUERY_TERMS = 32
# The kind arm reads this many memories said since the keyed answer to a single-valued
# key, else only the latest: what was said before it is likelier out of date.
_KINDS_AFTER_ANSWER = 2
_KINDS_UNANSWERED = 1
# A memory the kind arm lifts stays this share of the lowest keyed fact's score, at most.
_BELOW = 0.99


@dataclass(frozen=True)
class SearchRequest:
    query: str
    limit: int = DEFAULT_SEARCH_LIMIT
    min_score: float = DEFAULT_MIN_SCORE
    mode: str = DEFAULT_SEARCH_MODE
    collection: Optional[str] = None
    category: Optional[str] = None
    container_tag: Optional[str] = None
    metadata_filter: Optional[dict[str, Any]] = None
    include_history: bool = False


def json_contains(container: Any, wanted: Any) -> bool:
    """JSON containment: every key/value of ``wanted`` is present in ``container``.

    Objects match recursively; other values match exactly, keeping JSON's types apart
    (``true`` is not ``1``).
    """
    if isinstance(wanted, dict):
        return isinstance(container, dict) and all(
            key in container and json_contains(container[key], value)
            for key, value in wanted.items()
        )
    if isinstance(wanted, bool) or isinstance(container, bool):
        return isinstance(wanted, bool) and isinstance(container, bool) and wanted == container
    if isinstance(wanted, (int, float)) and isinstance(container, (int, float)):
        return wanted == container
    return type(wanted) is type(container) and bool(wanted == container)


def _fts_query(terms: Sequence[str]) -> str | None:
    if not terms:
        return None
    # Each term quoted, so user input can never become FTS5 query syntax.
    return " OR ".join('"' + term + '"' for term in terms)


def _lexicon(name: str) -> list[str]:
    """The words the lexicon asks an attribute by ("diet" → diet, eat, vegetarian, …) and
    those its facts are often said with ("keto", "pescatarian")."""
    spec = attribute(name)
    return (spec.asked_by + " " + spec.said_by).split() if spec is not None else []


class SearchEngine(VectorArm):
    """Runs searches and related-memory look-ups for one store; ``ranker`` (a model
    embedder's, rerank.py) ranks the candidates as one more arm.

    ``follow_log``: the store is another process's (a search process's reader-only
    store): each search first replays what that process committed since the last one,
    from the database's change log, as the search's own read sees it. ``on_load``:
    (N, call), called every N memories a tenant's index loads (a sign of life).
    """

    # -- public -----------------------------------------------------------------------

    def search(self, tenant_id: str, req: SearchRequest) -> list[dict[str, Any]]:
        """Ranked hits (Memory + score, vector_score, text_score) for one request."""
        now = iso_now()
        # The SQL of the arms and the fusion reads one snapshot, on one reader
        # connection; only a model ranker's call, which may take a while, runs outside
        # it. The vector arm reads the in-memory index, which follows every commit: a
        # memory updated meanwhile can come back in its new text with its old score.
        with self.store.read():
            if self.follow_log:
                self._catch_up()
            arms, query = self._arms(tenant_id, req, now)
            if (
                self.ranker is None
                or req.mode == "text"
                or (req.mode == "vector" and not self.ranker.alone)
                or (req.mode == "hybrid" and is_pleasantry(req.query))
            ):
                return self._fuse(tenant_id, req, arms, now)
            scope = self._small_scope(tenant_id, req)
            if not scope and not self.ranker.alone:
                # The built-in meaning finds in a small scope, ranking it whole; in a
                # larger one it would only re-order what the arms found, at a tenth of an
                # arm's weight: not worth its millisecond.
                return self._fuse(tenant_id, req, arms, now)
            found = (rid for hits in arms.found() for rid, _ in hits)
            pool = list(dict.fromkeys([*found, *scope]))
            texts = self.store.memories.texts(tenant_id, pool)
        arms.model, arms.model_weight = self.ranker.rank(query, texts), self.ranker.weight
        if arms.model is not None and req.mode == "vector":
            # The model's cosine is the score: min_score holds it as it holds the built-in's.
            arms.model = [(rid, score) for rid, score in arms.model if score >= req.min_score]
        # Read again after the model's call, which may take a while: a memory deleted or
        # archived meanwhile is not returned.
        with self.store.read():
            return self._fuse(tenant_id, req, arms, now)

    def _small_scope(self, tenant_id: str, req: SearchRequest) -> list[int]:
        """Every memory the search may return, when there are at most MODEL_SCOPE of them
        (for the model to rank them all); none when there are more. Counted only in a
        scope of at most _SCOPE_COUNTED memories of any kind (archived, history), and not
        where the index's count of memories current and never expiring already exceeds
        MODEL_SCOPE (all of them eligible, whatever else is asked)."""
        index = self._index(tenant_id)
        flt = MemoryFilter(req.collection, req.category, req.container_tag, req.include_history)
        with self._lock:
            scope = index.scope(req.collection)
            if len(scope) > _SCOPE_COUNTED:
                return []
            steady = index.steady.get(req.collection, 0) if req.collection else index.steady_total
            if flt.category is None and flt.container_tag is None and steady > MODEL_SCOPE:
                return []  # more than the model ranks, known without counting them
            eligible = filter(_eligible(index.docs, flt, time.time(), None), scope)
            found = list(islice(eligible, MODEL_SCOPE + 1))
        return found if len(found) <= MODEL_SCOPE else []

    def _arms(self, tenant_id: str, req: SearchRequest, now: str) -> tuple[Arms, str]:
        """What each built-in arm finds, and the query they ran (the user's name taken out)."""
        flt = MemoryFilter(req.collection, req.category, req.container_tag, req.include_history)
        ask = self._ask(tenant_id, req, flt, now) if req.mode == "hybrid" else None
        past = ask is not None and ask.past and not req.include_history
        if past:
            # "where did I live before?": what held before answers, so history is searched
            req = replace(req, include_history=True)
            flt = MemoryFilter(req.collection, req.category, req.container_tag, True)
        query = req.query
        if ask is not None and ask.drop:
            # The user's own name names whom the question is about, not what it asks; so
            # does its "'s" ("What's Linh's comfort food?": no "s" left to match every
            # "User's").
            for word in ask.drop:
                name = rf"(?<![^\W_]){re.escape(word)}(?:['’]s?)?(?![^\W_])"
                query = re.sub(name, " ", query, flags=re.I)
            query = query if query.strip() else req.query
        # A metadata filter is applied after the arms, so they must dig deeper.
        depth = max(req.limit * _ARM_DEPTH_FACTOR, _MIN_ARM_DEPTH)
        if req.metadata_filter:
            depth *= 10
        arms = Arms(past=past)
        if req.mode == "hybrid":
            # "Is my dad still working?" asks whether, not about anything "still".
            asked = _ASPECT.sub(" ", query)
            query = asked if re.search(r"[^\W_]", asked) else query  # "Still?" keeps its word
        if req.mode in ("hybrid", "text"):
            terms = self._text_terms(tenant_id, query)
            arms.text = self._full_text(tenant_id, terms, flt, now, depth)
            arms.terms = tuple(terms)
            if ask is not None and ask.attributes and terms:
                # Query expansion from the lexicon ("diet" also looks for "vegetarian"),
                # an arm of its own so its words do not outweigh the query's.
                extra = [w for w in _lexicon(ask.attributes[0]) if w not in terms]
                arms.lexicon = self._full_text(
                    tenant_id, self._uncommon(tenant_id, extra), flt, now, depth
                )
        if req.mode in ("hybrid", "vector"):
            arms.vector = self._vector_arm(
                tenant_id, as_dict(embed(query)), flt, depth, req.min_score * VECTOR_SCALE
            )
        if ask is not None and req.mode == "hybrid":
            arms.person = self._person_arm(tenant_id, ask, terms, flt, now, depth)
        if ask is not None and ask.attributes:
            arms.ask = ask
            self._key_arm(tenant_id, req, ask, flt, now, arms, depth)
            if arms.key and not req.include_history:
                single = [a for a in ask.attributes if (spec := attribute(a)) and spec.single]
                arms.stale = self.store.memories.superseded_values(
                    tenant_id, req.collection, ask.subjects, single, flt
                )
            if req.mode == "hybrid":
                arms.kind = self._kind_arm(tenant_id, req, ask, flt, now, arms, depth)
            if arms.ends and self._said_since_end(tenant_id, arms):
                # what was said since the end tells more than the end: "been on three
                # dates with Priyanka now" answers, not "User broke up with Keisha"
                arms.key = [(rid, place) for rid, place in arms.key if rid not in arms.ends]
                arms.cut = arms.ends  # nor does another arm bring it back
        return arms, query

    def _full_text(
        self, tenant_id: str, terms: Sequence[str], flt: MemoryFilter, now: str, depth: int
    ) -> list[tuple[int, float]]:
        match = _fts_query(terms)
        if match is None:
            return []
        scope, total = self._scope_size(tenant_id, flt)
        found = self.store.memories.full_text(tenant_id, match, flt, now, depth, scope, total)
        return [(rid, -rank / (1.0 - rank)) for rid, rank in found]  # -bm25 ≥ 0 onto [0, 1)

    def _scope_size(self, tenant_id: str, flt: MemoryFilter) -> tuple[int, int]:
        """How many memories of any kind the search's collection (or tenant) holds, and the
        tenant, for the full-text arm to know whether its scope is most of the tenant's
        table; a scope of 0 where a category or tag narrows it (most matches would not
        pass)."""
        index = self._index(tenant_id)
        with self._lock:
            total = len(index.docs)
            if flt.category is not None or flt.container_tag is not None:
                return 0, total
            return len(index.scope(flt.collection)), total

    def _person_arm(
        self,
        tenant_id: str,
        ask: Ask,
        terms: Sequence[str],
        flt: MemoryFilter,
        now: str,
        depth: int,
    ) -> list[tuple[int, float]]:
        """Memories naming the people asked about by a relation word ("where does my wife
        work?" → "Tasha took a day shift at Rush"), the name written as a name: a wife
        called Rose does not bring in "rent rose by 10 percent"; or by any other word for
        the user's relative, said of them ("where does my nan live?" → "my grandma retired
        to Cornwall", "Nana moved…"; not "thanks mate", "Mother Teresa": ``_said_of``)."""
        names = [s.split(":", 1)[1] for s in ask.subjects if ":" in s and s.split(":", 1)[1]]
        words = [w for name in names for w in tokens(name)] + list(ask.kin)
        words = [w for w in dict.fromkeys(words) if w not in terms and w not in STOP_WORDS]
        hits = self._full_text(tenant_id, self._uncommon(tenant_id, words), flt, now, depth)
        if not hits:
            return []
        said = [p for p in (_written(names) if names else None, _said_of(ask.kin)) if p]
        texts = self.store.memories.by_rids(tenant_id, [rid for rid, _ in hits])
        return [
            (rid, score)
            for rid, score in hits
            if rid in texts and any(p.search(texts[rid].text) for p in said)
        ]

    def _kind_arm(
        self,
        tenant_id: str,
        req: SearchRequest,
        ask: Ask,
        flt: MemoryFilter,
        now: str,
        arms: Arms,
        depth: int,
    ) -> list[tuple[int, float]]:
        """What the people asked about said lately, unkeyed, that says a thing of the kind
        the question asks for (kinds.py) other than a value the key holds or held, the
        latest said first: "officially a Hobart girl now" answers "where does Bronte
        live?" though their words share none; "Leaving Panasonic was scary" tells no new
        employer. Only what was said since the keyed answer to a single-valued key, at
        most two; with no answer but an end ("I broke up with Keisha"), first what was
        said since the end, at most two; then (or when nothing keyed answers) only what
        another arm found too, the latest one (a question with no answer is not answered by
        the last thing said), unless none of what they found says a thing of the kind ("If
        User lived in Tokyo…" for "user home city"), or nothing was found: then the latest
        that says a thing of the kind at all ("first week up in Glasgow done" for "where
        do I live now?"); the user's own words, not opening on someone else ("Sis got a
        place in Perth"), or words that name the relative asked about."""
        asked = ask.attributes[0]
        if asked not in KIND_ATTRIBUTES:
            return []
        seen = {rid for hits in arms.found() for rid, _ in hits}
        # Passes, each (said since, any memory or only what another arm found, told):
        # answered, what was said since the answer; ended, since the end, then as if
        # unanswered; unanswered, what another arm found, then anything said.
        passes: list[tuple[Optional[str], bool, bool]] = []
        if arms.answered:
            passes.append((arms.since, True, True))
        else:
            if arms.ended is not None:
                passes.append((arms.ended, True, True))
            if seen:
                passes.append((None, False, True))
            passes.append((None, True, False))
        names = [s.split(":", 1)[1] for s in ask.subjects if ":" in s and s.split(":", 1)[1]]
        written = _written(names) if names else None
        fetched = arms.since if arms.answered else None  # the passes' own since, read here
        lately = self.store.memories.plain_lately(
            tenant_id, req.collection, flt, fetched, now, depth
        )
        held: Optional[list[str]] = None  # read once a memory gets as far as asking
        whose: dict[int, bool] = {}  # whether a memory is of the people asked, read once

        def theirs(m: MemoryRecord) -> bool:
            if m.rid not in whose:
                whose[m.rid] = (flt.category is None or m.category == flt.category) and (
                    (
                        USER in ask.subjects
                        and m.subject in (None, USER)
                        and not someone_elses(m.text)
                    )
                    or (written is not None and written.search(m.text) is not None)
                )
            return whose[m.rid]

        found: list[MemoryRecord] = []
        for since, anything, told in passes:
            wanted = _KINDS_AFTER_ANSWER if since is not None else _KINDS_UNANSWERED
            for m in lately:
                if not (
                    (since is None or m.began >= since)
                    and (anything or m.rid in seen)
                    and theirs(m)
                ):
                    continue
                if held is None:
                    held = [
                        fact.value
                        for fact in self.store.memories.keyed(
                            tenant_id, req.collection, ask.subjects, [asked], None, depth, flt
                        )
                        if fact.value
                    ]
                # said after an end, the value it denied is news again: "so good to be
                # living in London again" (not in the words of the end's own message)
                again = {v for v, when in arms.denied if m.said > when}
                known = [v for v in held if v not in again]
                if news(asked, m.text, known, told=told):
                    found.append(m)
                    if len(found) == wanted:
                        break
            if found:
                break
        return [(m.rid, 1.0 / rank) for rank, m in enumerate(found, start=1)]

    def _ask(
        self, tenant_id: str, req: SearchRequest, flt: MemoryFilter, now: str
    ) -> Optional[Ask]:
        # Whom the question can be about: the people of the searched tag's facts, and the
        # user's pets.
        known, user_names = self.store.memories.subjects(
            tenant_id, req.collection, now, tags=flt, pets=True
        )
        # Nothing keyed yet: the question still asks for an attribute, whose words (the
        # lexicon arm) and kind (the kind arm) find what was said unkeyed.
        ask = analyse(req.query, known or {USER}, user_names)
        named = [s for s in ask.subjects if ":" in s and not s.endswith(":")]
        if ask.which[0] and len(named) > 1:
            # "where does my younger brother work?": the brother said to be the younger
            said = self.store.memories.statements(tenant_id, req.collection, named, now, tags=flt)
            ask = replace(ask, subjects=which_ones(ask.which, ask.subjects, said))
        return ask

    def _key_arm(
        self,
        tenant_id: str,
        req: SearchRequest,
        ask: Ask,
        flt: MemoryFilter,
        now: str,
        arms: Arms,
        depth: int,
    ) -> None:
        """Into ``arms.key``, (rid, the attribute's place among those asked) of the current
        facts of the key the query asks about: the best-fitting attribute first, each
        attribute's facts newest first. Into ``arms.since``, when the best-fitting
        attribute is single-valued and answered, when its answer became true (the oldest
        such answer's ``valid_from``, for more than one subject); unanswered but ended ("I
        resigned"), into ``arms.ended`` when the latest end was. Whether it is answered,
        what current denials deny and the end given when nothing holds go to
        ``arms.answered``, ``arms.denied`` and ``arms.ends``."""
        found = self.store.memories.keyed(
            tenant_id, req.collection, ask.subjects, ask.attributes, now, depth, flt
        )
        found = [m for m in found if flt.category is None or m.category == flt.category]
        said = _said_of(ask.kin) if ask.attributes[0] == "relatives" and ask.one_relative else None
        if said is not None:
            # "who is my mother-in-law?", "who is my grandma?": who that relative is, not
            # who every relative of the user's is ("User's aunt is Mary")
            found = [m for m in found if m.attribute != "relatives" or said.search(m.text)]
        if ask.which[0] and ask.attributes[0] in RELATION_ATTRIBUTES:
            # "who is my younger brother?": the brother said to be the younger, of two
            told = [m for m in found if m.attribute in RELATION_ATTRIBUTES and m.value]
            statements: dict[str, list[str]] = {}
            for m in told:
                statements.setdefault(f"{ask.which[1]}:{m.value}", []).append(m.statement or "")
            keep = which_ones(ask.which, list(statements), statements)
            found = [m for m in found if m not in told or f"{ask.which[1]}:{m.value}" in keep]
            kept = {s.split(":", 1)[1] for s in keep}
            arms.left_out = frozenset(m.value or "" for m in told) - kept
        if ask.pet and ask.attributes[0] == "pets":
            # "what's my dog called?": the dog, not every pet ("User has a cat called
            # Luna"), when a pet is said to be one (a beagle may be the dog)
            pets = [m for m in found if m.attribute == "pets"]
            other = [m for m in pets if ask.pet not in map(animal, tokens(m.value or ""))]
            if len(other) < len(pets):
                found = [m for m in found if m not in other]
        # "No longer lives in Berlin" does not answer where one lives, only whether one
        # still does, and only while nothing else is said to hold.
        held = {_held(m) for m in found if not m.negated}
        # the ends of the single-valued keys asked: "am I seeing anyone?" after "Tom and
        # I split up" (a partner's end, asked after the relationship)
        ended = [m for m in found if m.negated and (spec := attribute(m.attribute)) and spec.single]
        denials = [m for m in found if m.negated]
        arms.denied = [(m.value, m.said) for m in denials if m.value and _held(m) not in held]
        # (an end answers what held before: "User left Google last year")
        found = [
            m for m in found if not m.negated or ask.past or (ask.still and _held(m) not in held)
        ]
        arms.answered = any(asked_as(m.attribute, ask.attributes[:1]) for m in found)
        if not found and denials:
            # nothing holds, but an end was said: "am I seeing anyone?" after "Tom and I
            # split up" is answered by the split, the latest such end
            end = max(denials, key=lambda m: (m.began, m.rid))
            found, arms.ends, arms.end_said = [end], frozenset((end.rid,)), end.said
        order = {name: i for i, name in enumerate(ask.attributes)}
        order.update(
            {
                name: order[of]
                for m in found
                if (name := m.attribute) and (of := asked_as(name, ask.attributes))
            }
        )
        found.sort(key=lambda m: order.get(m.attribute or "", len(order)))
        best = attribute(ask.attributes[0])
        answers = [m for m in found if asked_as(m.attribute, ask.attributes[:1]) and not m.negated]
        if not req.include_history:
            if answers and best is not None and best.single:
                arms.since = min(m.began for m in answers)
            elif ended and not arms.answered:
                # "Keisha and I broke up", and nothing keyed since: the kind arm's news
                # is what was said after the end ("been seeing this woman Priyanka");
                # what was said before is not left out for it (arms.answers)
                arms.ended = max(m.began for m in ended)
        arms.key = [(m.rid, float(order.get(m.attribute or "", len(order)))) for m in found]

    def _said_since_end(self, tenant_id: str, arms: Arms) -> bool:
        """Whether an arm that reads words (text, lexicon, person, kind; not the vector
        arm's near misses) found a memory said after the end the key arm answers with; or
        the kind arm found news said with it, after it ("Dan and I broke up, I've been
        seeing a lovely guy called Marco"; not "no more soda. sweet tea too")."""
        found = {rid for hits in arms.worded() for rid, _ in hits} - arms.ends
        memories = self.store.memories.by_rids(tenant_id, sorted(found)).values()
        end = max(arms.ends)
        return any(
            m.said > arms.end_said
            or (m.said == arms.end_said and m.rid > end and m.rid in arms.kinds)
            for m in memories
        )

    def _text_terms(self, tenant_id: str, query: str) -> list[str]:
        """The query's words worth matching: no stop words, no near-universal terms
        except the rarest two."""
        terms = query_terms(CLITIC.sub(" ", query))[:_MAX_QUERY_TERMS]
        # (nor the end of a contraction said alone, "Galaxy S": the index holds one in
        # every "User's …", and the vectors, which count how common a word is, none)
        terms = [t for t in terms if t not in STOP_WORDS and t not in CLITIC_ENDS] or terms
        counts, total = self._counts(tenant_id, terms)
        by_rarity = sorted(terms, key=lambda t: counts[t])
        return [
            term
            for i, term in enumerate(by_rarity)
            if i < KEEP_RAREST or not is_common(counts[term], total)
        ]

    def _uncommon(self, tenant_id: str, words: Sequence[str]) -> list[str]:
        """The words of an arm that widens the search (lexicon, person) that are not
        near-universal: such a word finds little and costs a scan of what it finds."""
        counts, total = self._counts(tenant_id, words)
        return [w for w in words if not is_common(counts[w], total)]

    def _counts(self, tenant_id: str, words: Sequence[str]) -> tuple[dict[str, int], int]:
        """How many of the tenant's memories hold each word, and how many it has.

        Judged within the tenant, from its own index's word postings: another
        tenant's memories must not change what this one finds."""
        index = self._index(tenant_id)
        with self._lock:
            counts = {}
            for word in words:
                counts[word] = index.live.get(word_feature(word), 0)
            return counts, len(index.docs)

    def related(
        self, tenant_id: str, collection: str, rid: int, limit: int, min_score: float
    ) -> list[dict[str, Any]]:
        """Nearest current memories to one memory, in its collection, excluding itself."""
        vector = self.store.memories.vector(tenant_id, rid)
        if vector is None:
            return []
        hits = self._vector_arm(
            tenant_id, as_dict(vector), MemoryFilter(collection=collection), limit, min_score, rid
        )
        req = SearchRequest(query="", limit=limit, mode="vector", collection=collection)
        return self._fuse(tenant_id, req, Arms(vector=hits), iso_now())

    def nearest(
        self,
        tenant_id: str,
        vector: Vector,
        collection: str,
        container_tag: Optional[str],
        limit: int,
        min_score: float,
    ) -> list[tuple[int, float]]:
        """(rid, cosine) of the current memories of one collection and exactly one tag
        (None: untagged ones) nearest a vector, best first: the vector arm alone, for
        remember. The index trails uncommitted writes, so a caller inside a transaction
        re-checks the rows."""
        flt = MemoryFilter(collection=collection, container_tag=container_tag, exact_tag=True)
        return self._vector_arm(tenant_id, as_dict(vector), flt, limit, min_score)

    def _fuse(
        self,
        tenant_id: str,
        req: SearchRequest,
        arms: Arms,
        now: str,
    ) -> list[dict[str, Any]]:
        """The fused ranking."""
        text_score = dict(arms.text)
        vector_score = dict(arms.vector)
        if req.mode == "text":
            fused = dict(text_score)
        elif req.mode == "vector":
            fused = dict(vector_score if arms.model is None else arms.model)
        else:
            # RRF over the arms, weighted, scaled so a memory ranked first by every arm
            # that ran scores 1.0. The key arm's weight puts its facts before the rest.
            ranked = arms.ranked()
            best = sum(weight for _, weight in ranked) / (RRF_K + 1)
            fused = {}
            for hits, weight in ranked:
                for rid, rank in hits:
                    fused[rid] = fused.get(rid, 0.0) + weight / (RRF_K + rank) / best
            if arms.kind and arms.key:
                # What the kind arm adds never lifts a memory above a keyed fact of the
                # question, whatever the recency prior adds after.
                floor = min(fused[rid] for rid in arms.keyed) * _BELOW / (1 + RECENCY_PRIOR)
                for rank, (rid, _) in enumerate(arms.kind, start=1):
                    lift = KIND_WEIGHT / (RRF_K + rank) / best
                    fused[rid] = max(fused[rid] - lift, min(fused[rid], floor))
        if len(fused) > 1:
            # The recency prior: the newest candidate gains RECENCY_PRIOR of its score,
            # the oldest nothing, the others in proportion to their place in between.
            newest = sorted(fused)
            step = RECENCY_PRIOR / (len(newest) - 1)
            for place, rid in enumerate(newest):
                fused[rid] *= 1.0 + step * place
        history = req.include_history or arms.past
        read: dict[int, MemoryRecord] = {}  # the memories read so far, by rid
        if (
            req.mode == "hybrid"
            and not history
            and len(fused) > 1
            and not _ASKS_BEFORE.search(req.query)
        ):
            read = self._changes_first(tenant_id, fused, arms, req.limit, now)
        if arms.ask is None and not history:
            candidates = self._current_by_score(tenant_id, fused, now, req.limit, read)
        else:
            found = self._read(tenant_id, list(fused), read)
            # Re-checked on the records themselves: the index may trail a concurrent write.
            fused = {rid: score for rid, score in fused.items() if rid in found}
            fused = {rid: s for rid, s in fused.items() if not found[rid].archived}
            if not history:
                fused = {rid: s for rid, s in fused.items() if _current(found[rid], now)}
            # What is true now before any history (for a question of what held before,
            # what held before of the key asked first), answers before introductions;
            # ties go to the newer memory.
            order = sorted(
                fused,
                key=lambda rid: (
                    not _held_before(found[rid], arms, now)
                    if arms.past
                    else not _current(found[rid], now),
                    arms.introduces(found[rid]),
                    -fused[rid],
                    -rid,
                ),
            )
            # "where am I now": a trip to come waits behind the home that holds today
            places = arms.ask is not None and {"home", "location"} <= set(arms.ask.attributes)
            candidates = iter(_plans_after_now((found[rid] for rid in order), now, places))
        results: list[dict[str, Any]] = []
        for memory in candidates:
            if req.metadata_filter and not json_contains(memory.metadata, req.metadata_filter):
                continue
            if not arms.answers(memory):
                continue
            rid = memory.rid
            results.append(
                wire.search_hit(
                    memory, min(fused[rid], 1.0), vector_score.get(rid), text_score.get(rid)
                )
            )
            if len(results) >= req.limit:
                break
        return results

    def _changes_first(
        self, tenant_id: str, fused: dict[int, float], arms: Arms, limit: int, now: str
    ) -> dict[int, MemoryRecord]:
        """A change told later goes above what was said before it (later_news.py):
        raises the fused score of each current candidate that tells of one, among the
        best, to just above the highest of the older candidates it passes. Gives the
        memories it read (the best, whose order changes only among themselves)."""
        best = sorted(fused, key=lambda rid: (-fused[rid], -rid))[: limit * _FETCH_FACTOR]
        found = self.store.memories.by_rids(tenant_id, best)
        live = [found[rid] for rid in best if rid in found and _live(found[rid], now)]

        def ranked() -> list[MemoryRecord]:
            return sorted(live, key=lambda memory: (-fused[memory.rid], -memory.rid))

        order = ranked()
        # (the earliest said first: a later change passes an earlier one too)
        for told in sorted(live, key=lambda memory: (memory.said, memory.rid)):
            if told.rid in arms.keyed or not CHANGE_TOLD.search(told.text):
                continue
            at = to = step = order.index(told)
            while step > 0:
                step -= 1
                if steps_over(order[step], told, fused, arms):
                    continue
                if not passes(order[step], told, fused, arms):
                    break
                to = step
            if to < at:
                fused[told.rid] = fused[order[to].rid] * 1.001
                order = ranked()  # sorted again only when a score changed
        return found

    def _read(
        self, tenant_id: str, rids: Sequence[int], read: Mapping[int, MemoryRecord]
    ) -> dict[int, MemoryRecord]:
        """The memories of ``rids``, those in ``read`` not read again."""
        found = {rid: read[rid] for rid in rids if rid in read}
        missing = [rid for rid in rids if rid not in read]
        if missing:
            found.update(self.store.memories.by_rids(tenant_id, missing))
        return found

    def _current_by_score(
        self,
        tenant_id: str,
        fused: dict[int, float],
        now: str,
        limit: int,
        read: Mapping[int, MemoryRecord],
    ) -> Iterator[MemoryRecord]:
        """The current candidates' memories, best fused score first (ties: the newer).

        The order when no key is asked about and no history is wanted: it needs no
        memory's fields, so they are read in that order a few at a time, as the caller
        takes them, instead of every candidate's (three or four times the rows)."""
        order = sorted(fused, key=lambda rid: (-fused[rid], -rid))
        start, batch = 0, limit * _FETCH_FACTOR
        while start < len(order):
            chunk = order[start : start + batch]
            start, batch = start + batch, batch * 2
            found = self._read(tenant_id, chunk, read)
            for rid in chunk:
                memory = found.get(rid)  # re-checked: the index may trail a concurrent write
                if memory is not None and _live(memory, now):
                    yield memory


def _written(names: Sequence[str]) -> re.Pattern[str]:
    """Any of ``names`` written as a name (a whole word, as cased)."""
    return re.compile("|".join(rf"(?<![^\W_]){re.escape(name)}(?![^\W_])" for name in names))


@lru_cache(maxsize=128)
def _said_of(words: tuple[str, ...]) -> Optional[re.Pattern[str]]:
    """Any of the relation ``words`` said of the user's own: after "my", "our" or "User's"
    (one word may stand between, not someone's: "my little sister", not "my friend's
    mum"), a group word after "the" ("the kids start…", not "the kids' menu", "the folks
    at Google"), or an English word capitalised at a sentence's start ("Mum moved to
    Leeds", not "Mother Teresa", "Papa John's"); never an in-law, nor the first part of
    a compound ("our sister company", "my granny flat"). None for no words. Built once
    per set of words: a question about a relative asks for the same few again and again."""
    if not words:
        return None
    groups = [w for w in words if w in GROUP_WORDS]
    the = rf"|the\s+(?-i:{either(groups)})(?!['’]|\s+{_NOT_THEIRS})" if groups else ""
    named = [w for w in words if w in _CAPITALISED_KIN]
    capitalised = either(w.capitalize() for w in named)
    at_start = rf"|(?:^|[.!?]\s+)(?-i:{capitalised})(?!['’]|\s+[A-Z])" if named else ""
    return re.compile(
        rf"(?:\b(?:my|our|user['’]s)\s+(?:(?![\w'’-]*['’](?:s\b|\s))[\w'’-]+\s+)?(?:{either(words)})"
        rf"(?!\s+{_COMPOUND}){the}{at_start})(?![^\W_])(?![-\s]in[-\s]laws?\b)",
        re.I,
    )


# After "the kids", "the parents": whose they are, not the user's ("the kids next door",
# "the folks at Google", "the parents of my students").
_NOT_THEIRS = r"(?:at|of|from|in|next|who|that|on)\b"
# A relation word as the first part of a compound: "our sister company", "my granny flat".
_COMPOUND = (
    r"(?:company|companies|hotel|hotels|firm|brand|site|city|ship|flat|annex|tongue|"
    r"board|nature|land|group|store|paper|process|language|cell|node|figure)\b"
)
# Words for a relative that, capitalised, open a sentence about them ("Mum called",
# "Grandpa sold the farm"); not the words of other languages, which are as often names
# or brands there (Didi, Pai, Appa, Oma, Mutti).
_CAPITALISED_KIN = frozenset(
    """mum mom mam mammy mummy mommy mother dad daddy father grandma grandmother granny nan
    nana grandpa grandfather grandad granddad""".split()  # noqa: SIM905
)


def _live(memory: MemoryRecord, now: str) -> bool:
    """Whether a memory may be answered with when no history is asked for: not archived,
    and current."""
    return not memory.archived and _current(memory, now)


def _held(memory: MemoryRecord) -> tuple[Optional[str], ...]:
    """What a fact says holds: its key for a single-valued attribute (one value at a time),
    its key and value for a multi-valued one ("has a cat" says nothing of a dog)."""
    spec = attribute(memory.attribute)
    if spec is not None and spec.single:
        return (memory.subject, memory.attribute)
    return (memory.subject, memory.attribute, (memory.value or "").casefold())


def _plans_after_now(
    ranked: Iterable[MemoryRecord], now: str, places: bool = False
) -> list[MemoryRecord]:
    """``ranked``, with each fact planned to begin later ("lives in Izmir from June")
    moved to just after the highest-ranked fact that holds now for the same key, if one
    ranks below it: a plan never answers before what is true today. With ``places``, a
    stay and a home are one key: "where am I now" is not a trip to come."""

    def key_of(memory: MemoryRecord) -> tuple[Optional[str], Optional[str]]:
        subject, name = _key(memory)
        return subject, "home" if places and name == "location" else name

    ranked = list(ranked)
    holds = {key_of(m) for m in ranked if m.attribute and _current(m, now) and m.began <= now}
    waiting: dict[tuple[Optional[str], Optional[str]], list[MemoryRecord]] = {}
    result: list[MemoryRecord] = []
    for memory in ranked:
        key = key_of(memory)
        if memory.attribute and memory.began > now and key in holds:
            waiting.setdefault(key, []).append(memory)
            continue
        result.append(memory)
        if memory.attribute and key in holds:
            holds.discard(key)
            result += waiting.pop(key, [])
    return result + [m for plans in waiting.values() for m in plans]


def _key(memory: MemoryRecord) -> tuple[Optional[str], Optional[str]]:
    return memory.subject, memory.attribute


def _held_before(memory: MemoryRecord, arms: Arms, now: str) -> bool:
    """Whether a memory tells what a key asked about held before: a value of it replaced
    or over ("User lives in Berlin", superseded), or its end ("User left Google")."""
    if arms.ask is None or memory.attribute not in arms.ask.attributes:
        return False
    return memory.negated or not _current(memory, now)


def _current(memory: MemoryRecord, now: str) -> bool:
    """Still the latest version and not expired (archived is checked on its own)."""
    expired = memory.expires_at is not None and memory.expires_at <= now
    return memory.is_latest and not expired
