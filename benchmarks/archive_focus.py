"""The focused reconciliation of an archive check against the full one, in one process:
each draft's retrieved claims reconciled both ways, alternating, so that the machine's
load weighs on both alike. The full way reconciles everything, keeps the findings that
involve the draft and ranks those (what the archive check must equal: ranking decides
which findings are loud among the ones reported); the focused way is
``factcheck.archive.focus`` (the reconciler's ``focus=`` argument).

    .venv/bin/python benchmarks/archive_focus.py /tmp/archive-bench/large.db --drafts 20

Drafts are dated real articles of ../shared/dev and dev2 (a fixed seed), the archive one
built by ``benchmarks/archive_scale.py``. Prints medians, 95th percentiles and how many
drafts got identical findings both ways."""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = [ROOT.parent / "shared" / "dev" / "articles", ROOT.parent / "shared" / "dev2" / "articles"]


def _q(xs: list[float]) -> dict[str, int]:
    ordered = sorted(xs)
    return {
        "median_ms": round(1000 * statistics.median(ordered)),
        "p95_ms": round(1000 * ordered[int(0.95 * (len(ordered) - 1))]),
    }


def main() -> None:
    from factcheck import Archive, Settings, load_documents
    from factcheck.archive.focus import focused_findings
    from factcheck.extraction import extract_document
    from factcheck.reconciliation import all_findings
    from factcheck.reconciliation.ranking import ranked

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("archive", type=Path)
    parser.add_argument("--drafts", type=int, default=20)
    args = parser.parse_args()
    docs, _ = load_documents([c for c in CORPORA if c.is_dir()])
    docs = sorted((d for d in docs if d.published is not None), key=lambda d: d.id)
    docs = random.Random(4).sample(docs, min(args.drafts, len(docs)))
    archive = Archive(args.archive)
    settings = Settings(pairing="prior")
    full: list[float] = []
    focused: list[float] = []
    same = 0
    for d in docs:
        own = extract_document(d)
        retrieved = archive.candidates(own, settings)
        ids = {c.id for c in own}
        start = time.perf_counter()
        everything = all_findings([*own, *retrieved], settings)
        kept = ranked([f for f in everything if any(c.id in ids for p in f.positions for c in p.claims)], settings)
        full.append(time.perf_counter() - start)
        start = time.perf_counter()
        found = focused_findings(own, retrieved, settings)
        focused.append(time.perf_counter() - start)
        same += [f.model_dump_json() for f in kept] == [f.model_dump_json() for f in found]
        print(d.id, len(retrieved), round(full[-1], 2), round(focused[-1], 2), file=sys.stderr, flush=True)
    print(json.dumps({"drafts": len(docs), "identical": same, "full": _q(full), "focused": _q(focused)}))


if __name__ == "__main__":
    main()
