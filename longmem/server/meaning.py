"""The built-in embedder that reads meaning: static token vectors distilled from a
sentence model, so search finds "Vegemite toast, three slices before work" when asked
what someone eats for breakfast — no model server, no dependency, pure Python.

Each token of all-MiniLM-L6-v2's vocabulary (BERT's uncased WordPiece) was run through
the model alone, the vectors reduced by PCA and weighted by how rare the token is, then
trained on a corpus of everyday chat so that a text's tokens sum to where the model's
sentence vector points, and stored one byte a dimension with a scale per token
(``meaning.bin``, made by ``tools/build_meaning.py``; the model is Apache-2.0, by
sentence-transformers). A text's vector is the sum of its tokens' vectors, stop words
left out, at unit length: the model2vec recipe. It knows words, not sentences:
"not vegan" reads near "vegan". Search asks it, as it asks a model embedder
(rerank.py), to rank every memory of a scope of at most ``search.MODEL_SCOPE``
memories; in a larger scope it does not run (search.py).

The vocabulary and vectors load on the first text embedded (3.7 MB, about 40 ms), not
at import.
"""

from __future__ import annotations

import math
import struct
import threading
import unicodedata
import zlib
from array import array
from collections.abc import Sequence
from operator import add
from pathlib import Path
from typing import Optional

from .embed import STOP_WORDS
from .model_endpoints import EmbedderError

_FILE = Path(__file__).with_name("meaning.bin")
MAGIC = b"LMMEANING1\n"
MAX_TOKENS = 256  # as the model read them: a longer text is judged by its opening
# A cosine of two texts' vectors at or above this ranks a memory, and the arm's weight in
# the fusion (arms.py): a tenth of a built-in arm, so it orders what the others tie on and
# fills the list with what shares no word with the question, but never outranks what they
# found. Both chosen on the tuning sets of bench/quality.py and bench/answers.py
# (BENCHMARKS.md 6q; the floor again for the trained vectors, whose cosines run lower, 6zzb).
SIMILARITY_FLOOR = 0.2
ARM_WEIGHT = 0.1
NAME = "built-in meaning (static all-MiniLM-L6-v2)"


def write(path: Path, tokens: Sequence[str], scales: Sequence[float], codes: bytes) -> None:
    """Write the vectors as ``load`` reads them: the tokens, a scale each, and a signed byte
    per dimension per token (``codes``, token after token), compressed."""
    vocab = "\n".join(tokens).encode("utf-8")
    dims = len(codes) // len(tokens)
    body = struct.pack("<III", len(tokens), dims, len(vocab)) + vocab
    body += array("f", scales).tobytes() + codes
    path.write_bytes(MAGIC + zlib.compress(body, 9))


class _Vectors:
    """What ``meaning.bin`` holds: each token's id, scale and codes."""

    def __init__(self, blob: bytes) -> None:
        if not blob.startswith(MAGIC):
            raise ValueError("not a vectors file of this version")
        body = zlib.decompress(blob[len(MAGIC) :])
        count, self.dims, size = struct.unpack_from("<III", body)
        at = struct.calcsize("<III")
        tokens = body[at : at + size].decode("utf-8").split("\n")
        at += size
        self.ids = {token: n for n, token in enumerate(tokens)}
        self.scales = array("f")
        self.scales.frombytes(body[at : at + 4 * count])
        self.codes = array("b")
        self.codes.frombytes(body[at + 4 * count :])
        if len(tokens) != count or len(self.codes) != count * self.dims:
            raise ValueError("a vectors file cut short")
        self.stop = stop_tokens(self.ids)

    def vector(self, token: int) -> list[float]:
        start = token * self.dims
        scale = self.scales[token]
        return [code * scale for code in self.codes[start : start + self.dims]]


# -- tokens, as BERT's uncased tokenizer cuts them ------------------------------------


def _is_punctuation(char: str) -> bool:
    code = ord(char)
    if 33 <= code <= 47 or 58 <= code <= 64 or 91 <= code <= 96 or 123 <= code <= 126:
        return True
    return unicodedata.category(char).startswith("P")


def _is_cjk(code: int) -> bool:
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0x20000 <= code <= 0x2A6DF
        or 0x2A700 <= code <= 0x2CEAF
        or 0xF900 <= code <= 0xFAFF
        or 0x2F800 <= code <= 0x2FA1F
    )


def basic_words(text: str) -> list[str]:
    """BERT's basic tokenizer, uncased: control characters dropped, CJK characters and
    punctuation split off, lower case, accents stripped."""
    spaced = []
    for char in text:
        code = ord(char)
        control = unicodedata.category(char).startswith("C") and char not in "\t\n\r"
        if code in (0, 0xFFFD) or control:
            continue
        if _is_cjk(code):
            spaced.append(f" {char} ")
        elif char.isspace():
            spaced.append(" ")
        else:
            spaced.append(char)
    words = []
    for word in "".join(spaced).split():
        word = unicodedata.normalize("NFD", word.lower())
        word = "".join(c for c in word if unicodedata.category(c) != "Mn")
        current = ""
        for char in word:
            if _is_punctuation(char):
                if current:
                    words.append(current)
                words.append(char)
                current = ""
            else:
                current += char
        if current:
            words.append(current)
    return words


def word_pieces(word: str, ids: dict[str, int], unknown: Optional[int]) -> list[int]:
    """WordPiece: the longest piece of the vocabulary at each point, "##" within a word;
    ``unknown`` alone for a word it cannot cut (or one over 100 characters)."""
    none = [] if unknown is None else [unknown]
    if len(word) > 100:
        return none
    pieces, start = [], 0
    while start < len(word):
        end = len(word)
        while end > start:
            piece = word[start:end] if start == 0 else "##" + word[start:end]
            found = ids.get(piece)
            if found is not None:
                pieces.append(found)
                break
            end -= 1
        else:
            return none
        start = end
    return pieces


def text_tokens(text: str, ids: dict[str, int], stop: frozenset[int]) -> list[int]:
    """The token ids a text's vector is the sum of: its words' pieces, stop words and
    punctuation left out (all of them, when nothing else is left)."""
    pieces = [
        token
        for word in basic_words(text)
        if not (len(word) == 1 and _is_punctuation(word))
        for token in word_pieces(word, ids, None)
    ][: MAX_TOKENS - 2]
    return [t for t in pieces if t not in stop] or pieces


def stop_tokens(ids: dict[str, int]) -> frozenset[int]:
    """The ids of the stop words a text's vector leaves out."""
    return frozenset(ids[w] for w in STOP_WORDS if w in ids)


class MeaningEmbedder:
    """Static vectors, as a model embedder is asked for them (``embed``), in process."""

    name = NAME
    similarity_floor = SIMILARITY_FLOOR
    arm_weight = ARM_WEIGHT
    alone = False  # vector mode keeps the built-in vectors' cosine (rerank.ModelRanker)
    batch_size = 512  # no endpoint to spare: rerank.py asks for this many texts at once

    def __init__(self, path: Optional[Path] = None) -> None:
        self.path = _FILE if path is None else path
        self._vectors: Optional[_Vectors] = None
        self._broken: Optional[str] = None
        self._lock = threading.Lock()

    def _loaded(self) -> _Vectors:
        """The vectors, read on first use; EmbedderError (search goes on without this arm,
        rerank.py) when the file is missing or damaged — a copy of the package without it."""
        with self._lock:
            if self._vectors is None and self._broken is None:
                try:
                    self._vectors = _Vectors(self.path.read_bytes())
                except (OSError, ValueError, zlib.error, struct.error) as err:
                    self._broken = f"the built-in meaning's vectors ({self.path}): {err}"
            if self._vectors is None:
                raise EmbedderError(self._broken or "no vectors")
            return self._vectors

    def tokens(self, text: str) -> list[int]:
        """The token ids a text's vector is the sum of (``text_tokens``)."""
        vectors = self._loaded()
        return text_tokens(text, vectors.ids, vectors.stop)

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        vectors = self._loaded()
        found = []
        for text in texts:
            total = [0.0] * vectors.dims
            for token in self.tokens(text):
                total = list(map(add, total, vectors.vector(token)))
            norm = math.sqrt(math.fsum(v * v for v in total))
            found.append([v / norm for v in total] if norm else total)
        return found
