"""The built-in meaning: its tokenizer, its vectors file, and search with and without it."""

from __future__ import annotations

import logging
import math
from pathlib import Path

import pytest

from longmem import Longmem
from longmem.server import LocalServer
from longmem.server.meaning import (
    MeaningEmbedder,
    basic_words,
    word_pieces,
    write,
)
from longmem.server.model_endpoints import EmbedderError


def _dot(a: list[float], b: list[float]) -> float:
    return sum(x * y for x, y in zip(a, b))


def test_words_are_cut_as_bert_uncased_cuts_them() -> None:
    assert basic_words("Café, naïve東京!") == ["cafe", ",", "naive", "東", "京", "!"]
    ids = {"un": 0, "##aff": 1, "##able": 2, "cafe": 3, "[UNK]": 4}
    assert word_pieces("unaffable", ids, None) == [0, 1, 2]
    assert word_pieces("unknowable", ids, None) == []  # no piece fits "know"
    assert word_pieces("unknowable", ids, 4) == [4]
    assert word_pieces("x" * 101, ids, 4) == [4]


def _tiny(path: Path) -> MeaningEmbedder:
    # toast and bread point one way, tax the other; "the" is a stop word
    tokens = ["toast", "bread", "tax", "the", "##s"]
    codes = bytes([127, 0, 100, 30, 0, 127, 127, 127, 50, 50])
    write(path, tokens, [1.0, 1.0, 1.0, 1.0, 1.0], codes)
    return MeaningEmbedder(path)


def test_a_texts_vector_is_the_unit_mean_of_its_tokens_without_stop_words(
    tmp_path: Path,
) -> None:
    meaning = _tiny(tmp_path / "v.bin")
    toast, bread, tax, the = meaning.embed(["the toast", "Bread!", "tax", "the"])
    assert toast == pytest.approx([1.0, 0.0])  # "the" left out
    assert math.isclose(math.sqrt(_dot(bread, bread)), 1.0)
    assert _dot(toast, bread) > 0.9
    assert _dot(toast, tax) == pytest.approx(0.0, abs=1e-9)
    assert the == pytest.approx([math.sqrt(0.5)] * 2)  # nothing but stop words: them
    assert meaning.embed(["toasts"]) == meaning.embed(["toasts"])  # "toast" + "##s"
    assert meaning.embed(["qqq"]) == [[0.0, 0.0]]  # nothing known: no direction


@pytest.mark.parametrize("damage", ["missing", "not ours", "cut short"])
def test_a_missing_or_damaged_vectors_file_is_an_embedder_error(
    tmp_path: Path, damage: str
) -> None:
    path = tmp_path / "v.bin"
    if damage != "missing":
        _tiny(path)
        blob = path.read_bytes()
        path.write_bytes(b"something else" if damage == "not ours" else blob[:-5])
    meaning = MeaningEmbedder(path)
    for _ in range(2):  # said again, not read again
        with pytest.raises(EmbedderError, match="built-in meaning"):
            meaning.embed(["toast"])


def test_the_shipped_vectors_read_meaning() -> None:
    breakfast, toast, invoice = MeaningEmbedder().embed(
        ["what do I eat for breakfast?", "porridge with honey before work", "the tax invoice"]
    )
    assert len(breakfast) == 128
    assert math.isclose(_dot(breakfast, breakfast), 1.0, rel_tol=1e-9)
    assert _dot(breakfast, toast) > _dot(breakfast, invoice) + 0.15


def test_search_finds_what_shares_no_word_with_the_question_and_only_by_meaning() -> None:
    for meaning, found in ((True, ["I always have porridge with honey before work"]), (False, [])):
        with LocalServer(meaning=meaning) as server:
            mem = Longmem(api_key=server.api_key, base_url=server.url, max_retries=0)
            mem.add("I always have porridge with honey before work", collection="c")
            mem.add("The quarterly report is due on Friday", collection="c")
            question = "what do I eat in the morning?"
            assert [h["text"] for h in mem.search(question, collection="c")] == found
            # vector mode is the built-in vectors' alone, with or without it
            assert mem.search(question, collection="c", mode="vector") == []
            mem.close()


def test_search_goes_on_without_a_broken_meaning_and_says_so(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    broken = MeaningEmbedder(tmp_path / "absent.bin")
    with LocalServer(embedder=broken) as server:
        mem = Longmem(api_key=server.api_key, base_url=server.url, max_retries=0)
        mem.add("The deploy runbook lives in the ops wiki", collection="c")
        with caplog.at_level(logging.WARNING, logger="longmem.server"):
            hits = mem.search("deploy runbook", collection="c")
        assert [h["text"] for h in hits] == ["The deploy runbook lives in the ops wiki"]
        assert "built-in meaning" in caplog.text
        mem.close()
