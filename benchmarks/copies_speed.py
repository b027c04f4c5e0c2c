"""Copies of one story: the fast detection (all candidate pairs' sentences matched at once)
against the plain one (each pair's sentences compared one by one, ``_same_story``), in one
process, alternating, on the same claims, so that the machine's load falls on both alike.

    .venv/bin/python benchmarks/copies_speed.py /tmp/fca/large.db --drafts 20

The claims are those an archive check reconciles: for dated real articles of ../shared/dev
and dev2, each draft's claims with the block the archive retrieves for it. Prints the CPU
milliseconds of each (median and 95th percentile over the drafts), the candidate pairs and
copies found, and whether the groups are identical (they must be). Reads ../shared at run
time."""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time
from collections.abc import Sequence
from pathlib import Path

from factcheck import Archive, Claim, Settings, load_documents
from factcheck.cycles import cycles_paused
from factcheck.extraction import extract_document
from factcheck.reconciliation.copies import _candidates, _copy_pairs, _documents, _same_story, copy_groups

ROOT = Path(__file__).resolve().parent.parent
CORPORA = [ROOT.parent / "shared" / "dev" / "articles", ROOT.parent / "shared" / "dev2" / "articles"]


def plain_groups(claims: Sequence[Claim]) -> dict[str, str]:
    """The copy groups judged pair by pair, in id order (the code before the fast path)."""
    sentences, sequences = _documents(claims)
    parent = {d: d for d in sentences}

    def root(d: str) -> str:
        while parent[d] != d:
            parent[d] = parent[parent[d]]
            d = parent[d]
        return d

    for (a, b), shared in sorted(_candidates(sequences).items()):
        if root(a) != root(b) and _same_story(sentences[a], sentences[b], sequences[a], sequences[b], shared):
            ra, rb = root(a), root(b)
            parent[max(ra, rb)] = min(ra, rb)
    return {d: root(d) for d in sorted(sentences)}


def _q(xs: list[float]) -> dict[str, float]:
    ordered = sorted(xs)
    return {"median": round(statistics.median(ordered), 1), "p95": round(ordered[int(0.95 * (len(ordered) - 1))], 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("archive", type=Path)
    parser.add_argument("--drafts", type=int, default=20)
    parser.add_argument("--window-days", type=int, default=180)
    args = parser.parse_args()
    docs, _ = load_documents([c for c in CORPORA if c.is_dir()])
    docs = sorted((d for d in docs if d.published is not None), key=lambda d: d.id)
    docs = random.Random(4).sample(docs, min(args.drafts, len(docs)))
    archive = Archive(args.archive)
    settings = Settings(window_days=args.window_days)
    spent: dict[str, list[float]] = {"fast": [], "plain": []}
    pairs, copies, identical = [], [], True
    for i, d in enumerate(docs):
        own = extract_document(d, tolerance=settings.tolerance)
        claims = sorted([*own, *archive.candidates(own, settings)], key=lambda c: c.id)
        runs = [("fast", copy_groups), ("plain", plain_groups)]
        results = {}
        for name, run in runs if i % 2 == 0 else runs[::-1]:
            with cycles_paused():  # as in a check
                start = time.process_time()
                results[name] = run(claims)
                spent[name].append(1000 * (time.process_time() - start))
        identical &= results["fast"] == results["plain"]
        sentences, sequences = _documents(claims)
        candidates = _candidates(sequences)
        pairs.append(len(candidates))
        copies.append(len(_copy_pairs(candidates, sentences, sequences)))
    print(
        json.dumps(
            {
                "drafts": len(docs),
                "candidate_pairs": _q([float(p) for p in pairs]),
                "copy_pairs": _q([float(c) for c in copies]),
                "cpu_ms": {name: _q(v) for name, v in spent.items()},
                "identical": identical,
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
