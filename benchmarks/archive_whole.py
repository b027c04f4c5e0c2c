"""Where a whole archive check's time goes (``Archive.check``, what ``archive_cache.py``
times): extraction of the draft, retrieval of its block, the reconciliation, the archived
documents' details for the report, the report itself, and Python's cycle collector, which
the check pauses (``factcheck.cycles``) and which then runs at the first allocation after
it, over every container the paused check allocated and kept.

    .venv/bin/python benchmarks/archive_whole.py /tmp/fca/large.db --cache-claims 100000 --passes 3
    .venv/bin/python benchmarks/archive_whole.py /tmp/fca/large.db --cache-claims 100000 --passes 3 --by-draft

Each step is timed around its call (CPU time of this process), the collector by its own
callbacks (``gc.callbacks``), a check from its start to the next one's, with the young
objects' collection its allocations call for made before the next starts; with
``--passes``, the last pass is reported (the drafts repeat in the same order: with a
cache, the third pass finds its blocks kept). Prints the
median and 95th percentile over the drafts of each, and of what is left (the check less
the steps named). Reads ../shared at run time."""

from __future__ import annotations

import gc
import json
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from archive_drafts import drafts, quantiles


def main() -> None:
    import factcheck.archive.checking as checking
    from factcheck.archive.store import Archive

    by_draft = "--by-draft" in sys.argv  # each draft's figures printed too
    if by_draft:
        sys.argv.remove("--by-draft")
    docs, archive, settings = drafts(__doc__)
    spent: dict[str, float] = defaultdict(float)

    def timed(name: str, step: Callable[..., Any]) -> Callable[..., Any]:
        def run(*a: Any, **k: Any) -> Any:
            start = time.process_time()
            try:
                return step(*a, **k)
            finally:
                spent[name] += 1000 * (time.process_time() - start)

        return run

    # the names ``archive_report`` calls them by
    checking.extract_document = timed("extraction", checking.extract_document)  # type: ignore[assignment]
    checking.findings_involving = timed("reconciliation", checking.findings_involving)  # type: ignore[assignment]
    checking.document_info = timed("report", checking.document_info)  # type: ignore[assignment]
    checking.Report = timed("report", checking.Report)  # type: ignore[assignment,misc]
    Archive.block = timed("retrieval", Archive.block)  # type: ignore[method-assign]
    Archive.document_infos = timed("report", Archive.document_infos)  # type: ignore[method-assign]
    began: list[float] = []

    def collector(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            began.append(time.process_time())
        elif began:
            spent["cycle collector"] += 1000 * (time.process_time() - began.pop())

    gc.callbacks.append(collector)
    steps = ["extraction", "retrieval", "reconciliation", "report", "cycle collector"]
    rows: dict[str, dict[str, float]] = {}
    # a check's time runs from its start to the next check's start: the collection its
    # kept allocations trigger comes at the first allocation after it (the next check's, in a
    # process checking drafts one after another), whichever step is timed then
    last: tuple[str, float] | None = None
    for d in [*docs, None]:
        now = time.process_time()
        if last is not None:
            rows[last[0]] = {**spent, "whole check": 1000 * (now - last[1])}
        if d is None:
            break
        spent.clear()
        last = (d.id, time.process_time())
        archive.check([d], settings, ledger=None)
        gc.collect(0)  # the collection the next allocation would trigger, timed with this check
    gc.callbacks.remove(collector)
    table = {name: quantiles([r.get(name, 0.0) for r in rows.values()]) for name in ["whole check", *steps]}
    table["rest"] = quantiles([r["whole check"] - sum(r.get(n, 0.0) for n in steps) for r in rows.values()])
    out: dict[str, Any] = {"drafts": len(rows), "cache_claims": archive.cache_claims, "cpu_ms": table}
    if by_draft:
        out["by_draft"] = {d: {k: round(v, 1) for k, v in r.items()} for d, r in sorted(rows.items())}
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
