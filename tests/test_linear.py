"""Extraction work grows linearly with the input (issue 21): an operation budget, not a
timed assert. The lines of factcheck code executed to extract a text of n characters and
one of 2n are counted (deterministic, whatever the machine's load), for real prose and for
each hostile pattern the benchmark times (benchmarks/hostile.py); a ratio near 4 is a
quadratic loop. The sentence cap is lifted so that the rules themselves are measured, not
the cap that would hide a loop over the whole sentence. (Regex backtracking runs in C and
is not counted: benchmarks/hostile.py times that.)"""

from __future__ import annotations

import importlib.util
import sys
import warnings
from collections.abc import Callable
from pathlib import Path

import pytest

from factcheck import extraction
from factcheck.extraction import extract_document
from factcheck.models import Document

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("hostile", ROOT / "benchmarks" / "hostile.py")
assert _spec is not None and _spec.loader is not None
hostile = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(hostile)

SIZE = 8000
BUDGET = 2.3
"""Work on 2n characters over work on n: 2 is linear; real prose varies a little with the
articles the first 8,000 and 16,000 characters hold (2.11); a loop over the whole sentence
per token gives 2.4 and more at these sizes."""


def executed_lines(text: str) -> int:
    """Lines of factcheck code run to extract ``text``."""
    count = 0

    def local(frame, event, arg):  # type: ignore[no-untyped-def]
        nonlocal count
        if event == "line":
            count += 1
        return local

    def calls(frame, event, arg):  # type: ignore[no-untyped-def]
        return local if "factcheck" in frame.f_code.co_filename else None

    doc = Document(id="n", body=text, language="en")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        sys.settrace(calls)
        try:
            extract_document(doc)
        finally:
            sys.settrace(None)
    return count


CASES = [c for c in hostile.CASES if c != "prose"]


@pytest.mark.parametrize("case", ["prose", *CASES])
def test_extraction_work_is_linear_in_the_input(case: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if case == "prose" and not (ROOT.parent / "shared" / "dev" / "articles").is_dir():
        pytest.skip("../shared/dev is not beside this checkout")
    make: Callable[[int], str] = hostile.CASES[case][0]
    # everything loaded lazily (a language's vocabulary, caches) is loaded before counting
    extract_document(Document(id="warm", body=make(2 * SIZE), language="en"))
    monkeypatch.setattr(extraction, "MAX_SENTENCE_TOKENS", 10**9)
    small, large = executed_lines(make(SIZE)), executed_lines(make(2 * SIZE))
    assert large / small <= BUDGET, f"{case}: {small} lines for {SIZE} characters, {large} for {2 * SIZE}"


def test_the_sentence_cap_bounds_a_sentence_of_any_length() -> None:
    """With the cap, a run-on sentence is read in pieces: 2n characters cost twice n."""
    make = hostile.CASES["one_sentence"][0]
    small, large = executed_lines(make(6 * SIZE)), executed_lines(make(12 * SIZE))
    assert large / small <= BUDGET
