"""What `mypy --strict` infers from the SDK's signatures (py.typed ships, so users see it)."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

import longmem

mypy_api = pytest.importorskip("mypy.api")

Check = Callable[[str], tuple[int, list[str]]]


@pytest.fixture(scope="module")
def mypy_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("mypy-cache")


@pytest.fixture
def check(tmp_path: Path, mypy_cache: Path, monkeypatch: pytest.MonkeyPatch) -> Check:
    """Run mypy --strict on a snippet; (exit status, report lines)."""
    root = Path(longmem.__file__).resolve().parent.parent
    if "site-packages" not in root.parts:
        monkeypatch.setenv("MYPYPATH", str(root))  # the package under test, not an install

    def run(source: str) -> tuple[int, list[str]]:
        snippet = tmp_path / "snippet.py"
        snippet.write_text("from longmem import Longmem\n" + textwrap.dedent(source), "utf-8")
        out, _err, status = mypy_api.run(
            ["--strict", "--no-error-summary", "--cache-dir", str(mypy_cache), str(snippet)]
        )
        return status, [line.split(": ", 1)[1] for line in out.splitlines()]

    return run


def test_remember_returns_facts_by_default_and_a_job_with_sync_false(check: Check) -> None:
    status, report = check(
        """
        from longmem.types import ExtractedFact, JobAccepted

        mem = Longmem(api_key="k")
        facts: list[ExtractedFact] = mem.remember("x")
        also: list[ExtractedFact] = mem.remember("x", sync=True)
        job = mem.remember("x", sync=False)
        job_id: str = job["job_id"]
        accepted: JobAccepted = job
        """
    )
    assert (status, report) == (0, [])


def test_remember_results_are_not_interchangeable(check: Check) -> None:
    status, report = check(
        """
        from longmem.types import ExtractedFact, JobAccepted

        mem = Longmem(api_key="k")
        job: JobAccepted = mem.remember("x")
        facts: list[ExtractedFact] = mem.remember("x", sync=False)
        mem.remember("x", sync=False)["status"]
        """
    )
    assert status == 1
    assert [line.split("  [")[-1] for line in report] == [
        "assignment]",
        "assignment]",
        "typeddict-item]",
    ]


def test_remember_with_a_bool_known_only_at_run_time_returns_either(check: Check) -> None:
    status, report = check(
        """
        import sys

        mem = Longmem(api_key="k")
        reveal_type(mem.remember("x", sync=len(sys.argv) > 1))
        """
    )
    assert status == 0
    [revealed] = report
    assert "list[TypedDict(longmem.types.ExtractedFact" in revealed
    assert revealed.endswith("| TypedDict(longmem.types.JobAccepted, {'job_id': str})\"")
