"""How extraction time grows on large and hostile inputs: real prose (the articles of
../shared/dev and ../shared/dev2 concatenated, front matter stripped, repeated to size) and
the pathological patterns of issue 21 (runs of dots, ``1-1-1-...``, the numbers ``0 1 2
...``, one sentence of 100,000 words, capitalised words without end). Each case is timed at
several sizes in a child process (CPU time, one core, after a warm-up that loads the
vocabularies), with a wall-time limit, and the growth exponent is
the slope of log(time) against log(size) between the two largest sizes that finished.
Run on demand; results go in docs/accuracy.md.

    .venv/bin/python benchmarks/hostile.py [--cases prose dots ...] [--limit 120] [--json]

The goal is under 10 s per MB for every case and an exponent of at most 1.1."""

from __future__ import annotations

import argparse
import json
import math
import multiprocessing as mp
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
KB = 1000
MB = 1000 * KB


def prose_source() -> str:
    """The dev and dev2 article bodies, one after the other, read from ../shared at run time."""
    bodies = []
    for corpus in ("dev", "dev2"):
        for f in sorted((SHARED / corpus / "articles").glob("*/*.md")):
            text = f.read_text(encoding="utf-8")
            bodies.append(re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S))
    if not bodies:
        sys.exit(f"no articles under {SHARED}/dev/articles: run beside ../shared")
    return "\n\n".join(bodies)


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def prose(size: int) -> str:
    return _repeat(prose_source() + "\n\n", size)


def dots(size: int) -> str:
    return "The toll. " + "." * size


def spaced_dots(size: int) -> str:
    return _repeat("a. ", size)


def dashes(size: int) -> str:
    return _repeat("1-", size) + "1"


def counting(size: int) -> str:
    words: list[str] = []
    n = total = 0
    while total < size:
        words.append(str(n))
        total += len(words[-1]) + 1
        n += 1
    return " ".join(words)


def one_sentence(size: int) -> str:
    """Lower-case words with a reporting verb every so often and no full stop."""
    return _repeat("the officials said three people were killed and ", size)


def capitalised(size: int) -> str:
    return _repeat("Police Said Forty Two People ", size)


CASES: dict[str, tuple[Callable[[int], str], list[int]]] = {
    "prose": (prose, [100 * KB, 1 * MB, 2 * MB, 5 * MB]),
    "dots": (dots, [25 * KB, 50 * KB, 100 * KB, 1 * MB]),
    "spaced_dots": (spaced_dots, [25 * KB, 50 * KB, 100 * KB, 1 * MB]),
    "dashes": (dashes, [25 * KB, 50 * KB, 100 * KB, 1 * MB]),
    "counting": (counting, [25 * KB, 89 * KB, 200 * KB, 1 * MB]),
    "one_sentence": (one_sentence, [50 * KB, 100 * KB, 600 * KB, 1 * MB]),
    "capitalised": (capitalised, [100 * KB, 600 * KB, 1200 * KB, 2 * MB]),
}


def _run(case: str, size: int, out: mp.Queue) -> None:  # type: ignore[type-arg]
    import warnings

    from factcheck.extraction import extract_document
    from factcheck.models import Document

    text = CASES[case][0](size)
    doc = Document(id=f"{case}-{size}", body=text, language="en")
    # the vocabularies, gazetteer and language model load once per process: not the text's cost
    extract_document(Document(id="warm", body=prose_source()[: 20 * KB], language="en"))
    t0 = time.process_time()  # CPU time: the shared machine's load does not count
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        claims = extract_document(doc)
    out.put((time.process_time() - t0, len(claims)))


def measure(case: str, size: int, limit: float) -> tuple[float | None, int]:
    """CPU seconds to extract the case at ``size`` characters, None past ``limit`` seconds
    of wall time."""
    ctx = mp.get_context("fork")
    q: mp.Queue = ctx.Queue()  # type: ignore[type-arg]
    p = ctx.Process(target=_run, args=(case, size, q))
    p.start()
    p.join(limit)
    if p.is_alive():
        p.kill()
        p.join()
        return None, 0
    if q.empty():
        return None, -1
    seconds, n = q.get()
    return float(seconds), int(n)


def exponent(points: list[tuple[int, float]]) -> float | None:
    """Slope of log(time) on log(size) between the two largest sizes measured."""
    if len(points) < 2:
        return None
    (n1, t1), (n2, t2) = points[-2], points[-1]
    if t1 <= 0 or t2 <= 0:
        return None
    return math.log(t2 / t1) / math.log(n2 / n1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", nargs="*", default=list(CASES), choices=list(CASES))
    parser.add_argument("--limit", type=float, default=120.0, help="seconds before a run is killed")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args()
    results = {}
    print(f"{'case':<13} {'size':>8} {'seconds':>9} {'s/MB':>7} {'claims':>7}", file=sys.stderr)
    for case in args.cases:
        points: list[tuple[int, float]] = []
        rows = []
        for size in CASES[case][1]:
            seconds, claims = measure(case, size, args.limit)
            per_mb = seconds / (size / MB) if seconds is not None else None
            rows.append({"size": size, "seconds": seconds, "s_per_mb": per_mb, "claims": claims})
            shown = (
                f"{seconds:9.2f} {per_mb:7.2f}" if seconds is not None and per_mb is not None else "  killed" + " " * 8
            )
            print(f"{case:<13} {size:>8} {shown} {claims:>7}", file=sys.stderr)
            if seconds is None:
                break  # a larger size would take longer still
            points.append((size, seconds))
        slope = exponent(points)
        results[case] = {"runs": rows, "exponent": slope}
        print(f"{case:<13} exponent {slope if slope is None else round(slope, 2)}", file=sys.stderr)
    if args.json:
        print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
