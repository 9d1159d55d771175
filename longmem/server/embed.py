"""The standard-library text embedding: hashed sparse vectors of words, word pairs and
character trigrams.

A vector is a pair of parallel arrays (feature ids, weights), L2-normalised, so the dot
product of two vectors is their cosine. Feature ids come from CRC-32, which, unlike
``hash()``, is stable across processes, so stored vectors stay valid after a restart.
There is no corpus IDF: a vector depends only on its own text, so it never goes stale as
the collection grows. Stop-word removal and per-class weights stand in for IDF.
"""

from __future__ import annotations

import math
import re
import zlib
from array import array
from itertools import repeat
from operator import mul

# Bump when the features change, with a migration that embeds the stored vectors again
# (db/migrations.py, 13); a vector of an older version is never compared with a new one.
# 3: each Chinese, Japanese or Korean character is a token of its own.
# 4: the end of "what's", "User's", "don't" is no word (CLITIC).
EMBED_VERSION = 4

_FEATURE_BITS = 22
_FEATURE_MASK = (1 << _FEATURE_BITS) - 1

# Words carry the meaning; pairs reward shared phrases; trigrams let "remembered" meet
# "remember" and survive typos, but are many per word, so each weighs little.
_WORD_WEIGHT = 1.0
_PAIR_WEIGHT = 0.6
_TRIGRAM_WEIGHT = 0.2
_CLASS_WEIGHT = {"w": _WORD_WEIGHT, "p": _PAIR_WEIGHT, "c": _TRIGRAM_WEIGHT}

# Chinese, Japanese and Korean are written without spaces between words (Korean puts its
# particles on the word: 떡볶이를). Each of their characters is a token of its own, so
# pairs of tokens are character bigrams, and a word is found as the run of its characters.
_CJK = "\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
_TOKEN = re.compile(f"[{_CJK}]|[^\\W_{_CJK}]+", re.UNICODE)
_CJK_RUN = re.compile(f"[{_CJK}]+")
# The end of "what's", "who's", "brother's", "they're", "don't" (any of the apostrophes
# keyboards type): no word of its own to the vectors nor to a query. As one, "s" matched
# every "User's …" fact for any question with "what's" or "who's". (The full-text index
# keeps it, a word as the tokenizer cuts it: a query never asks it, CLITIC_ENDS.)
CLITIC = re.compile(r"(?<=[^\W_])['’´＇](?:s|t|re|ve|ll|d|m)\b", re.I)
CLITIC_ENDS = frozenset(("s", "t", "re", "ve", "ll", "d", "m"))
_QUERY_TERM = re.compile(f"[{_CJK}]+|[^\\W_{_CJK}]+", re.UNICODE)

# One string split once at import: a list literal of 170 words would dwarf the module.
# "user" is the subject word of every remembered fact ("User lives in Paris"): it says
# nothing about what a fact is about, so neither arm ranks by it (version 2).
STOP_WORDS = frozenset(
    """
    a about above after again against all am an and any are as at be because been
    before being below between both but by can could did do does doing down during each
    few for from further had has have having he her here hers herself him himself his
    how i if in into is it its itself just me more most my myself no nor not now of off
    on once only or other our ours ourselves out over own same she should so some such
    than that the their theirs them themselves then there these they this those through
    to too under until up very was we were what when where which while who whom why
    will with would you your yours yourself yourselves user
    """.split()  # noqa: SIM905
)

Vector = tuple["array[int]", "array[float]"]
"""(feature ids, weights), sorted by feature id, L2 norm 1 (or empty)."""


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens of ``text``, stop words included (the full-text arm needs them)."""
    return _TOKEN.findall(text.lower())


def fts_text(text: str) -> str:
    """``text`` as the full-text index reads it: CJK characters spaced apart, so the
    index's tokenizer makes each a token (it takes a run of them for one word)."""
    return _CJK_RUN.sub(lambda run: " " + " ".join(run.group()) + " ", text)


def query_terms(text: str) -> list[str]:
    """The words of a query for the full-text index, in order, once each; a run of CJK
    characters is one term, its characters spaced apart (a phrase of the index)."""
    terms: list[str] = []
    for match in _QUERY_TERM.finditer(text.lower()):
        term = match.group()
        if _CJK_RUN.fullmatch(term):
            term = " ".join(term)
        if term not in terms:
            terms.append(term)
    return terms


def _feature_id(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8")) & _FEATURE_MASK


def word_feature(word: str) -> int:
    """The feature id of a whole (lower-cased) word, as `embed` hashes it."""
    return _feature_id("w\x00" + word)


def embed(text: str) -> Vector:
    """Embed ``text`` as a normalised sparse vector."""
    words = [w for w in tokens(CLITIC.sub(" ", text)) if w not in STOP_WORDS]
    counts: dict[str, int] = {}
    for word in words:
        key = "w\x00" + word
        counts[key] = counts.get(key, 0) + 1
        padded = "<" + word + ">"
        for i in range(len(padded) - 2):
            key = "c\x00" + padded[i : i + 3]
            counts[key] = counts.get(key, 0) + 1
    for first, second in zip(words, words[1:]):
        key = "p\x00" + first + " " + second
        counts[key] = counts.get(key, 0) + 1

    hashed: dict[int, float] = {}
    for key, count in counts.items():
        # Sublinear term frequency: a word said five times is not five times as relevant.
        weight = _CLASS_WEIGHT[key[0]] * (1.0 + math.log(count))
        fid = _feature_id(key)
        hashed[fid] = hashed.get(fid, 0.0) + weight
    norm = math.sqrt(sum(w * w for w in hashed.values()))
    ids = array("i")
    weights = array("f")
    if norm > 0.0:
        for fid in sorted(hashed):
            ids.append(fid)
            weights.append(hashed[fid] / norm)
    return ids, weights


def as_dict(vector: Vector) -> dict[int, float]:
    ids, weights = vector
    return dict(zip(ids, weights))


def cosine(query: dict[int, float], vector: Vector) -> float:
    """Cosine of a query (as a dict) and a stored vector; both are normalised."""
    ids, weights = vector
    # The same products summed in the same order as a loop over the vector would, but
    # by map() in C: ~15% cheaper, and every score stays the same to the last bit.
    score: float = sum(map(mul, map(query.get, ids, repeat(0.0)), weights))
    return score


def to_blob(vector: Vector) -> bytes:
    ids, weights = vector
    return ids.tobytes() + weights.tobytes()


def from_blob(blob: bytes) -> Vector:
    half = len(blob) // 2
    ids = array("i")
    ids.frombytes(blob[:half])
    weights = array("f")
    weights.frombytes(blob[half:])
    return ids, weights
