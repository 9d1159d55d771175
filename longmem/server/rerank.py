"""A model embedder's say in search: the cosine of the query and each candidate.

With ``serve --embedder-url`` the server keeps its own arms (full text, the built-in
hashed vectors, the key arm) for finding candidates, and asks the model embedder to rank
them as one more arm of the fusion: the query goes to ``POST <url>/embeddings``, then
every candidate not seen before (one search at a time, ``batch_size`` texts a request),
and candidates whose cosine reaches the embedder's ``similarity_floor`` are ranked by
it. The candidates are what the arms found and, when the search's scope (the collection
searched, or the tenant) holds at most ``search.MODEL_SCOPE`` memories, every memory of
it: there the model finds what shares no word with the query. In a larger scope it only
re-ranks (finding there would mean a model vector stored for every memory, and a scan of
them all on every search).

Memory texts' vectors are cached (the text is the key: an edited memory is a new text),
so a collection is embedded once, not on every search, while the cache holds it. When
the embedder fails — down, slow, garbage, a changed dimension — the search goes on
without it, with a warning in the log, and answers from the other arms.
"""

from __future__ import annotations

import logging
import math
import threading
from array import array
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from operator import mul
from typing import Optional, Protocol

from .arms import MODEL_WEIGHT
from .model_endpoints import DEFAULT_EMBED_BATCH, EmbedderError

log = logging.getLogger("longmem.server")


# Memory texts whose model vectors are kept, least recently used dropped first.
CACHE_SIZE = 4_096
# A vector of at most this many dimensions (the built-in meaning's 128) is kept as a tuple
# of floats, whose dot product math.dist computes 6-7 times faster than any way of an
# array's, at four times the memory (4 KB a text, 17 MB a full cache); a longer one (a
# model's 384-1,024) as an array of doubles (1,024 dimensions: 34 MB a full cache; as a
# tuple, 135).
_TUPLE_MOST = 256
# How far a vector's squared length may be from 1 for it to count as a unit vector.
_UNIT = 1e-9
_sumprod: Optional[Callable[[Sequence[float], Sequence[float]], float]] = getattr(
    math, "sumprod", None
)


class _Kept:
    """A text's vector as the cache keeps it, and what its dot product needs of it."""

    __slots__ = ("square", "unit", "vector", "zero")

    def __init__(self, vector: Sequence[float]) -> None:
        self.vector: Sequence[float] = (
            tuple(vector) if len(vector) <= _TUPLE_MOST else array("d", vector)
        )
        try:
            square = math.fsum(value * value for value in self.vector)
        except OverflowError:  # a custom embedder's vector of huge values
            square = math.inf
        # What embedders give (a model's and the built-in meaning's are L2-normalised, or
        # all zeros for a text with no known word).
        self.square = square
        self.unit = abs(square - 1.0) <= _UNIT
        self.zero = square == 0.0

    def dot(self, other: _Kept) -> float:
        """The dot product. Of two unit vectors kept as tuples, from the distance between
        them (math.dist, in C on every Python, 6-7 times faster than any other way here;
        math.sumprod, 3.12+, is twice as slow on tuples): (|a|² + |b|² - |a - b|²) / 2,
        the sum of products to within 1e-15, and a result within 1e-12 of 0 is 0, as that
        sum is for vectors with no dimension in common. Of a zero vector, 0. Otherwise the
        sum of products (math.sumprod where there is one), as before."""
        if self.zero or other.zero:
            return 0.0
        if self.unit and other.unit and isinstance(self.vector, tuple):
            distance = math.dist(self.vector, other.vector)
            found = (self.square + other.square - distance * distance) / 2
            return 0.0 if abs(found) < 1e-12 else found
        if _sumprod is not None:
            return _sumprod(self.vector, other.vector)
        total: float = sum(map(mul, self.vector, other.vector))
        return total


class Embedder(Protocol):
    """What ranks search's candidates: a ModelEmbedder (an endpoint) or the built-in
    MeaningEmbedder."""

    similarity_floor: float

    def embed(self, texts: Sequence[str]) -> list[list[float]]: ...


class ModelRanker:
    """``weight``: the arm's in the fusion (arms.MODEL_WEIGHT for a model; an embedder
    may say its own, as the built-in meaning's ``arm_weight`` does). ``alone``: whether
    its cosine is the score of a search in vector mode, and whether it re-ranks in a scope
    too large to rank whole (a model's is and does; static vectors of words, meaning.py,
    only help the hybrid ranking of a small scope)."""

    def __init__(self, embedder: Embedder, cache_size: int = CACHE_SIZE) -> None:
        self.embedder = embedder
        self.weight: float = getattr(embedder, "arm_weight", MODEL_WEIGHT)
        self.alone: bool = getattr(embedder, "alone", True)
        self.cache_size = cache_size
        self._cache: OrderedDict[str, _Kept] = OrderedDict()
        self._lock = threading.Lock()
        # One search at a time embeds memory texts: searches started together on a new
        # collection embed each text once, the later ones finding the cache filled.
        self._filling = threading.Lock()

    def rank(self, query: str, texts: Mapping[int, str]) -> Optional[list[tuple[int, float]]]:
        """(rid, cosine) of the candidates at or above the embedder's floor, best first;
        None when the embedder failed (the search goes on without this arm)."""
        if not texts:
            return []
        try:
            [asked] = self.embedder.embed([query])
            query_vector = _Kept(asked)
            found = self._vectors(set(texts.values()))
            sizes = {len(kept.vector) for kept in found.values()} - {len(asked)}
            if sizes:
                raise EmbedderError(
                    f"vectors of {len(asked)} and {min(sizes)} dimensions in one search"
                )
        except EmbedderError as err:
            log.warning("search went on without the model embedder: %s", err)
            return None
        floor = self.embedder.similarity_floor
        scored = []
        for rid, text in texts.items():
            cosine = query_vector.dot(found[text])
            if cosine >= floor:
                scored.append((rid, min(cosine, 1.0)))
        scored.sort(key=lambda item: (-item[1], -item[0]))
        return scored

    def _vectors(self, wanted: set[str]) -> dict[str, _Kept]:
        """Each text's vector, from the cache or embedded a batch at a time, each batch
        kept as it arrives: when a later one fails, the next search asks only for the rest.
        Raises EmbedderError."""
        found = self._cached(wanted)
        if len(found) == len(wanted):
            return found
        with self._filling:
            found = self._cached(wanted)  # another search may have embedded them meanwhile
            missing = [text for text in wanted if text not in found]
            size = getattr(self.embedder, "batch_size", DEFAULT_EMBED_BATCH)
            for start in range(0, len(missing), size):
                batch = missing[start : start + size]
                vectors = [_Kept(vector) for vector in self.embedder.embed(batch)]
                with self._lock:
                    for text, vector in zip(batch, vectors):
                        self._cache[text] = vector
                    while len(self._cache) > self.cache_size:
                        self._cache.popitem(last=False)
                found.update(zip(batch, vectors))
        return found

    def _cached(self, wanted: set[str]) -> dict[str, _Kept]:
        """The vectors the cache holds of ``wanted``, each marked as just used."""
        with self._lock:
            found = {}
            for text in wanted:
                vector = self._cache.get(text)
                if vector is not None:
                    self._cache.move_to_end(text)
                    found[text] = vector
            return found
