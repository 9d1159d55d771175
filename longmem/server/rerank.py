"""A model embedder's say in search: the cosine of the query and each candidate.

With ``serve --embedder-url`` the server keeps its own arms (full text, the built-in
hashed vectors, the key arm) for finding candidates, and asks the model embedder to rank
them as one more arm of the fusion: the query and every candidate not seen before go to
``POST <url>/embeddings`` in one call, and candidates whose cosine reaches the
embedder's ``similarity_floor`` are ranked by it. The candidates are what the arms found
and, when the search's scope (the collection searched, or the tenant) holds at most
``search.MODEL_SCOPE`` memories, every memory of it: there the model finds what shares
no word with the query. In a larger scope it only re-ranks (finding there would mean a
model vector stored for every memory, and a scan of them all on every search).

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
from typing import Optional

from .model_endpoints import EmbedderError, ModelEmbedder

log = logging.getLogger("longmem.server")


def _dot(a: Sequence[float], b: Sequence[float]) -> float:
    total: float = sum(map(mul, a, b))
    return total


# A dot product in C where there is one (3.12+: 5–7 µs for 384 dimensions, against 13–19).
dot: Callable[[Sequence[float], Sequence[float]], float] = getattr(math, "sumprod", _dot)

# Memory texts whose model vectors are kept, least recently used dropped first (kept as
# arrays of doubles: at 1,024 dimensions, about 34 MB; as lists of floats, 137).
CACHE_SIZE = 4_096


class ModelRanker:
    def __init__(self, embedder: ModelEmbedder, cache_size: int = CACHE_SIZE) -> None:
        self.embedder = embedder
        self.cache_size = cache_size
        self._cache: OrderedDict[str, array[float]] = OrderedDict()
        self._lock = threading.Lock()

    def rank(self, query: str, texts: Mapping[int, str]) -> Optional[list[tuple[int, float]]]:
        """(rid, cosine) of the candidates at or above the embedder's floor, best first;
        None when the embedder failed (the search goes on without this arm)."""
        if not texts:
            return []
        with self._lock:
            known = {text: self._cache.get(text) for text in set(texts.values())}
        missing = [text for text, vector in known.items() if vector is None]
        try:
            vectors = self.embedder.embed([query, *missing])
        except EmbedderError as err:
            log.warning("search went on without the model embedder: %s", err)
            return None
        query_vector = vectors[0]
        found = {text: vector for text, vector in known.items() if vector is not None}
        found.update(zip(missing, (array("d", vector) for vector in vectors[1:])))
        with self._lock:
            for text, vector in found.items():
                self._cache[text] = vector
                self._cache.move_to_end(text)
            while len(self._cache) > self.cache_size:
                self._cache.popitem(last=False)
        floor = self.embedder.similarity_floor
        scored = []
        for rid, text in texts.items():
            cosine = dot(query_vector, found[text])
            if cosine >= floor:
                scored.append((rid, min(cosine, 1.0)))
        scored.sort(key=lambda item: (-item[1], -item[0]))
        return scored
