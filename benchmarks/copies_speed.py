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

import json
import time

from archive_drafts import drafts, quantiles

from factcheck.cycles import cycles_paused
from factcheck.extraction import extract_document
from factcheck.reconciliation.copies import _candidates, _copy_pairs, _documents, _plain_groups, copy_groups


def main() -> None:
    docs, archive, settings = drafts(__doc__)
    spent: dict[str, list[float]] = {"fast": [], "plain": []}
    pairs, copies, identical = [], [], True
    for i, d in enumerate(docs):
        own = extract_document(d, tolerance=settings.tolerance)
        claims = sorted([*own, *archive.candidates(own, settings)], key=lambda c: c.id)
        runs = [("fast", copy_groups), ("plain", _plain_groups)]
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
                "candidate_pairs": quantiles([float(p) for p in pairs]),
                "copy_pairs": quantiles([float(c) for c in copies]),
                "cpu_ms": {name: quantiles(v) for name, v in spent.items()},
                "identical": identical,
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
