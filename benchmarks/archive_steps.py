"""Where one archive check's time goes: each step of the reconciler timed around its call
(no profiler, whose overhead skews small functions), for dated real articles of
../shared/dev and dev2 checked against an archive built by ``archive_scale.py``.

    .venv/bin/python benchmarks/archive_steps.py /tmp/fca/large.db --drafts 20
    .venv/bin/python benchmarks/archive_steps.py /tmp/fca/large.db --cache-claims 100000 --passes 2
    .venv/bin/python benchmarks/archive_steps.py /tmp/fca/large.db --cache-claims 100000 --forget-verdicts
    .venv/bin/python benchmarks/archive_steps.py /tmp/fca/large.db --cache-claims 100000 --passes 3
    .venv/bin/python benchmarks/archive_steps.py /tmp/fca/large.db --cache-claims 100000 --passes 2 --forget-blocks
    .venv/bin/python benchmarks/archive_steps.py /tmp/fca/large.db --cache-claims 100000 --passes 5 --best-of 3
    .venv/bin/python benchmarks/archive_steps.py /tmp/fca/large.db --cache-claims 100000 --passes 3 --by-draft

(the second: a process that checks drafts one after another keeps the archived documents
it read, and the second pass finds its blocks in memory; the third: the cache filling, as
drafts come in, without the verdicts on pairs of claims kept, to compare with the same
command without ``--forget-verdicts``; the fourth: a block's archived facets are prepared
the second time a check reads it and kept (``Archive.blocks``), so the third pass checks
with them kept; the fifth: with the blocks kept, but not their archived facets, each
check running the steps over its whole block; the sixth: as the fourth, each draft's least
time over the last three passes, steadier on a loaded machine; the seventh: as the fourth, each
draft's CPU time of each step printed too, the slowest drafts first)

Prints, for retrieval, the whole focused reconciliation and each step it calls, the median
and 95th percentile over the drafts in milliseconds, with how many documents and claims
were retrieved: wall-clock (``ms``) and CPU time of this process (``cpu_ms``, steadier on
a machine other jobs load). The steps are timed by wrapping the names ``factcheck.reconciliation``
calls them by, so nested steps (``copy_groups`` inside ``facets_of``) are counted in both;
the generators that find the findings (value findings, parts and wholes, chains, sums,
scope), which the reconciler runs lazily, are run to their end when called so that each
is timed apart (``FINDERS``). Reads ../shared at run time."""

from __future__ import annotations

import json
import resource
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from archive_drafts import drafts, quantiles

STEPS = [
    "facets_of",
    "copy_groups",
    "main_places",
    "same_facilities",
    "collapse_single_places",
    "with_clocks",
    "joins",
    "joined",
    "merge_same_wholes",
    "scored",
    "with_core",
]
"""Names ``factcheck.reconciliation`` calls its steps by (facets, then pairing, then the
finding records)."""

KEPT = ["kept_block", "facets_with", "quantities_with", "totals_with", "sums_with", "scope_with", "_versions_with"]
"""Names ``factcheck.archive.focus`` calls a kept block's steps by: preparing a block's
archived facets on its first check, adding a draft's to them (in place of ``facets_of``),
the quantities the finding steps read (in place of ``quantities``: grouping, ``joins`` and
``joined``), the totals of scope conflicts (inside ``scope_conflicts``), and sums, scope
conflicts and two versions of one report (in place of ``sum_mismatches``,
``scope_conflicts`` and ``versions``, which they call, by the names of their own modules,
only where a finding can be about the draft: counted here alone)."""

FINDERS = ["value_findings", "part_whole", "chains", "sum_mismatches", "scope_conflicts", "versions"]
"""The steps that find the findings: generators, which the reconciler runs lazily while it
collects their findings; each is timed here by running it to its end when called (inside
the reconciliation, in the same order: the findings are the same)."""


LAZY = {"sums_with", "scope_with", "_versions_with"}
"""Kept steps that may give a generator, run to its end when called (as ``FINDERS``)."""


def main() -> None:
    import factcheck.archive.focus as focus
    import factcheck.reconciliation as reconciliation
    from factcheck.archive.checking import findings_involving
    from factcheck.cycles import cycles_paused
    from factcheck.extraction import extract_document

    by_draft = "--by-draft" in sys.argv  # each draft's CPU time of each step printed too
    if by_draft:
        sys.argv.remove("--by-draft")
    docs, archive, settings, args = drafts(__doc__, forget_verdicts=True, forget_blocks=True, best_of=True)
    spent: dict[str, list[float]] = defaultdict(list)
    cpu: dict[str, list[float]] = defaultdict(list)

    def timed(name: str, step: Callable[..., Any]) -> Callable[..., Any]:
        def run(*a: Any, **k: Any) -> Any:
            start, start_cpu = time.perf_counter(), time.process_time()
            try:
                return list(step(*a, **k)) if name in FINDERS or name in LAZY else step(*a, **k)
            finally:
                spent[name][-1] += 1000 * (time.perf_counter() - start)
                cpu[name][-1] += 1000 * (time.process_time() - start_cpu)

        return run

    for name in [*STEPS, *FINDERS]:
        setattr(reconciliation, name, timed(name, getattr(reconciliation, name)))
    for name in KEPT:
        if hasattr(focus, name):  # an earlier commit measured with this script may lack one
            setattr(focus, name, timed(name, getattr(focus, name)))
    sizes: dict[str, list[float]] = defaultdict(list)
    for d in docs:
        for name in [*STEPS, *KEPT, *FINDERS]:
            spent[name].append(0.0)
            cpu[name].append(0.0)
        with cycles_paused():
            own = extract_document(d, tolerance=settings.tolerance)
            start, start_cpu = time.perf_counter(), time.process_time()
            found, known, copies = archive.block(own, settings)
            middle, middle_cpu = time.perf_counter(), time.process_time()
            findings_involving(own, found, settings, known, copies, archive.judged, archive.blocks)
            end, end_cpu = time.perf_counter(), time.process_time()
        spent["retrieval"].append(1000 * (middle - start))
        spent["reconciliation"].append(1000 * (end - middle))
        cpu["retrieval"].append(1000 * (middle_cpu - start_cpu))
        cpu["reconciliation"].append(1000 * (end_cpu - middle_cpu))
        sizes["documents"].append(len({c.document for c in found}))
        sizes["claims"].append(len(found))
    # with --passes, only the last pass is reported (the drafts repeat in the same order);
    # with --best-of K, each draft's least time over the last K passes, step by step (on a
    # loaded machine a check's time moves by a fifth from pass to pass; its least moves less)
    last = len({d.id for d in docs})
    k = max(1, min(args.best_of, len(docs) // last))
    for table in (spent, cpu, sizes):
        for name in table:
            runs = [table[name][len(table[name]) - (p + 1) * last : len(table[name]) - p * last] for p in range(k)]
            table[name] = [min(xs) for xs in zip(*runs, strict=True)]
    order = ["retrieval", "reconciliation", *STEPS, *KEPT, *FINDERS]
    ids = [d.id for d in docs[:last]]
    slowest = sorted(range(last), key=lambda i: -cpu["reconciliation"][i])
    print(
        json.dumps(
            {
                "drafts": last,
                "best_of": k,
                "cache_claims": archive.cache_claims,
                "verdicts_kept": None if archive.judged is None else len(archive.judged),
                "blocks_kept": archive.blocks is not None,
                "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
                "window_days": settings.window_days,
                "retrieved": {k: quantiles(v) for k, v in sizes.items()},
                "ms": {name: quantiles(spent[name]) for name in order},
                "cpu_ms": {name: quantiles(cpu[name]) for name in order},
                **(
                    {
                        "by_draft": {
                            ids[i]: {name: round(cpu[name][i], 1) for name in order if cpu[name][i] >= 0.05}
                            for i in slowest
                        }
                    }
                    if by_draft
                    else {}
                ),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
