"""Whole checks against the archive with and without the in-memory cache of archived
documents (``factcheck/archive/cache.py``), in one process, alternating, and whether
their reports are identical.

    .venv/bin/python benchmarks/archive_cache.py /tmp/fca/large.db --drafts 20
    .venv/bin/python benchmarks/archive_cache.py /tmp/fca/large.db --cache-claims 100000 --forget-verdicts
    .venv/bin/python benchmarks/archive_cache.py /tmp/fca/large.db --cache-claims 100000 --forget-blocks

For each draft, in a first pass: a check with no cache (``cache_claims=0``), one by a
fresh ``Archive`` with the cache on (what a first check costs with it) and one with the
cache as it fills (the drafts' blocks overlap); then a second pass, each draft again with
no cache and with the cache now holding what the first pass read (a block read a second
time is prepared then, ``Archive.blocks``), and a third pass, as the second (the blocks
kept).
Prints the median and 95th percentile of each, wall clock (``ms``) and CPU time
(``cpu_ms``), and how many of the reports (``Report.model_dump_json()``) are
byte-identical with and without the cache. Reads ../shared at run time."""

from __future__ import annotations

import json
import time
from collections import defaultdict

from archive_drafts import drafts, quantiles


def main() -> None:
    from factcheck import Archive

    docs, archive, settings = drafts(__doc__, forget_verdicts=True, forget_blocks=True)
    forget = archive.cache_claims > 0 and archive.judged is None  # --forget-verdicts
    forget_blocks = archive.cache_claims > 0 and archive.blocks is None  # --forget-blocks
    plain = Archive(archive.path, cache_claims=0)
    cached = archive if archive.cache_claims else Archive(archive.path)
    ids = list(dict.fromkeys(d.id for d in docs))
    by_id = {d.id: d for d in docs}
    spent: dict[str, list[float]] = defaultdict(list)
    cpu: dict[str, list[float]] = defaultdict(list)
    same = compared = 0
    for label in ("first pass", "second pass", "third pass"):
        for i, doc_id in enumerate(ids):
            reports = {}
            # alternate which goes first, so neither always meets the other's warm page cache
            runs = [("no cache", plain), (label, cached)]
            if label == "first pass":
                runs.append(("fresh archive, cache on", None))
            for name, where in runs if i % 2 == 0 else runs[::-1]:
                fresh = where is None
                if where is None:
                    where = Archive(archive.path, cache_claims=cached.cache_claims)
                    if forget:
                        where.forget_verdicts()
                    if forget_blocks:
                        where.forget_blocks()
                start, start_cpu = time.perf_counter(), time.process_time()
                report = where.check([by_id[doc_id]], settings, ledger=None)
                spent[name].append(1000 * (time.perf_counter() - start))
                cpu[name].append(1000 * (time.process_time() - start_cpu))
                reports[name] = report.model_dump_json()
                if fresh:
                    where.close()
            same += sum(reports["no cache"] == text for name, text in reports.items() if name != "no cache")
            compared += len(reports) - 1
    print(
        json.dumps(
            {
                "drafts": len(ids),
                "cache_claims": cached.cache_claims,
                "verdicts_kept": None if cached.judged is None else len(cached.judged),
                "blocks_kept": cached.blocks is not None,
                "identical_reports": f"{same} of {compared}",
                "ms": {k: quantiles(v) for k, v in spent.items()},
                "cpu_ms": {k: quantiles(v) for k, v in cpu.items()},
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
