"""Extraction speed of factcheck and quantulum3 on the same text in the same run, on one
core: characters per second, and the ratio. Run on demand; results go in docs/accuracy.md.

    .venv/bin/python benchmarks/speed.py [--repeat 5]

The text is the 590 NewsQuant sentences as one article plus the two seed articles: dense
in figures (every NewsQuant sentence has one or more), so this is a worst case for
factcheck, which skips sentences with no figure and no attribution.

It also times factcheck alone on the Spanish and the English articles of ../shared/dev
(front matter stripped, each read as its own document in its language), in characters per
second.

The ratio to quote is ``ratio``: the median of ratios taken pair by pair (factcheck,
quantulum3, factcheck, over and over), which holds when the shared machine's speed drifts;
``ratio_of_medians`` divides the two medians, taken minutes apart, and drifts with it."""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def corpus() -> str:
    parts = []
    gold = SHARED / "data/newsquant/formatted_test_set/NewsQuant.json"
    if gold.exists():
        parts.append("\n".join(g["text"] for g in json.loads(gold.read_text(encoding="utf-8"))))
    for f in sorted((ROOT / "seeds").glob("*.md")):
        parts.append(re.sub(r"\A---\n.*?\n---\n", "", f.read_text(encoding="utf-8"), flags=re.S))
    return "\n\n".join(parts)


def dev_articles(language: str) -> list[str]:
    """Bodies of the dev articles in ``language`` (``language: xx`` in their front matter)."""
    out = []
    for f in sorted((SHARED / "dev/articles").glob("*/*.md")):
        text = f.read_text(encoding="utf-8")
        head = re.match(r"\A---\n(.*?)\n---\n", text, flags=re.S)
        if head and re.search(rf"^language:\s*[\"']?{language}[\"']?\s*$", head.group(1), flags=re.M):
            out.append(text[head.end() :])
    return out


def spanish_articles() -> list[str]:
    """Bodies of the Spanish dev articles."""
    return dev_articles("es")


def timed(fn, text: str, repeat: int) -> float:  # type: ignore[no-untyped-def]
    fn(text)  # warm up: vocabularies, gazetteer, models
    runs = []
    for _ in range(repeat):
        # CPU time of this process: the machine is shared, and wall time would count the
        # other processes' turns on the core against whichever system ran at a busy moment
        t = time.process_time()
        fn(text)
        runs.append(time.process_time() - t)
    return statistics.median(runs)


def _cpu(fn) -> float:  # type: ignore[no-untyped-def]
    t = time.process_time()
    fn()
    return time.process_time() - t


def paired_ratios(ours, theirs, pairs: int) -> list[float]:  # type: ignore[no-untyped-def]
    """quantulum3's time over factcheck's, pair by pair: factcheck, quantulum3, factcheck
    again, each pair's factcheck the mean of the two around it. A machine whose speed drifts
    between runs (these are shared) moves both sides of a pair alike, so the ratio holds
    where the two medians, taken minutes apart, would not."""
    ours()
    theirs()  # warm up both
    out = []
    for _ in range(pairs):
        a = _cpu(ours)
        b = _cpu(theirs)
        c = _cpu(ours)
        out.append(b / ((a + c) / 2))
    return out


def profile(run, top: int, sort: str = "tottime") -> int:  # type: ignore[no-untyped-def]
    """Where the time goes (cProfile, by time spent in each function itself, or with what
    it calls for ``sort="cumulative"``), after a warm-up run; cProfile slows small
    functions more than large ones, so read the ranking, not the seconds."""
    import cProfile
    import pstats

    run()
    profiler = cProfile.Profile()
    profiler.runcall(run)
    pstats.Stats(profiler).sort_stats(sort).print_stats(top)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--profile", type=int, metavar="N", help="print the N functions factcheck spends most time in, and stop"
    )
    parser.add_argument("--sort", default="tottime", help="profile order: tottime (default) or cumulative")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    text = corpus()
    from factcheck import Document
    from factcheck.extraction import extract_document as remembering
    from factcheck.extraction import memo

    def extract_document(doc: Document, **kwargs: object) -> object:
        # the same text is read again and again: each reading does all its work, as for
        # a text never seen (extraction/memo.py keeps the sentences it has read)
        memo.forget()
        return remembering(doc, **kwargs)  # type: ignore[arg-type]

    if args.profile:
        return profile(lambda: extract_document(Document(id="bench", body=text)), args.profile, args.sort)

    ours = timed(lambda t: extract_document(Document(id="bench", body=t)), text, args.repeat)
    result: dict[str, object] = {"chars": len(text), "factcheck_chars_per_s": round(len(text) / ours)}
    for language, name in (("es", "spanish"), ("en", "english")):
        bodies = dev_articles(language)
        if not bodies:
            continue
        size = sum(map(len, bodies))

        def read(_t: str, bodies: list[str] = bodies, language: str = language) -> None:
            for k, body in enumerate(bodies):
                extract_document(Document(id=f"{language}{k}", body=body, language=language))

        result[f"{name}_dev_chars"] = size
        result[f"{name}_dev_chars_per_s"] = round(size / timed(read, "", args.repeat))
    try:
        warnings.filterwarnings("ignore")
        from quantulum3 import parser as q3

        # quantulum3 works sentence by sentence in practice; give it the same lines
        lines = [line for line in text.split("\n") if line.strip()]
        theirs = timed(lambda _t: [q3.parse(line) for line in lines], text, max(1, args.repeat // 2))
        result["quantulum3_chars_per_s"] = round(len(text) / theirs)
        result["ratio_of_medians"] = round(theirs / ours, 1)
        ratios = paired_ratios(
            lambda: extract_document(Document(id="bench", body=text)),
            lambda: [q3.parse(line) for line in lines],
            args.repeat,
        )
        # the figure to quote: the median of the pair-by-pair ratios, with their spread
        result["ratio"] = round(statistics.median(ratios), 1)
        result["ratio_pairs"] = [round(r, 1) for r in sorted(ratios)]
    except ImportError:
        result["quantulum3"] = "not installed (pip install -e '.[bench]')"
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
