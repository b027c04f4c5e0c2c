"""Where the time of a check goes: the replicated real articles of ``scale.py`` checked in
one process, each phase timed on its own (CPU seconds): reading the files, extracting the
claims, reconciling them, writing the JSON report. Prints the sha256 of the claims and of
the findings (their JSON records; the report itself names the temporary folder), so that
a speed change can be shown to change neither (compare the hashes before and after it).

    .venv/bin/python benchmarks/phases.py [--articles 5000] [--profile 40] [--only reconcile]

``--profile N`` runs the check under cProfile instead and prints its N costliest
functions by cumulative time, then by own time (the profiler inflates Python calls several times over:
read the proportions, not the seconds); with ``--only reconcile``, only the
reconciliation is profiled (the other phases run unprofiled), and with ``--only extract``
only the extraction. Settings are the CLI's defaults (no date
estimates). Results go in docs/accuracy.md ("Scale, fifth pass")."""

from __future__ import annotations

import argparse
import cProfile
import gc
import hashlib
import json
import pstats
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scale import build  # noqa: E402  # the same corpus as scale.py


def phases(folder: Path, profiler: cProfile.Profile | None = None, only: str = "reconcile") -> dict[str, object]:
    """The check of ``folder`` in phases, as ``factcheck check --no-ledger --format json``
    runs them."""
    from factcheck.config import Settings
    from factcheck.cycles import cycles_paused
    from factcheck.documents import gather
    from factcheck.findings import Report
    from factcheck.formats import report_pieces
    from factcheck.report import document_info, extract_each, settings_shown

    settings = Settings()
    clock = time.process_time()
    docs, _ = gather([folder])
    docs.sort(key=lambda d: d.id)
    read = time.process_time()
    # as the CLI runs a check: the collector paused over extraction and reconciliation,
    # and what they made frozen after (cli.check); extract_each alone resumes it at its
    # end, and the pass that follows walked every claim (0.3 to 0.5 s at 5,000 articles)
    # that no check pays
    with cycles_paused():
        if profiler is not None and only == "extract":
            profiler.enable()
        claims, docs, _ = extract_each(docs, settings.tolerance, estimate_dates=settings.estimate_dates)
        if profiler is not None:
            profiler.disable()
        extracted = time.process_time()
        from factcheck.reconciliation import reconcile

        if profiler is not None and only == "reconcile":
            profiler.enable()
        findings = reconcile(claims, settings)
        if profiler is not None:
            profiler.disable()
        reconciled = time.process_time()
        gc.freeze()
    report = Report(
        documents=[document_info(d) for d in docs],
        claims=len(claims),
        conflicts=findings,
        settings=settings_shown(settings),
    )
    size = 0
    with cycles_paused():  # as the CLI writes it
        for piece in report_pieces("json", report):
            size += len(piece.encode())
    written = time.process_time()
    claims_digest, findings_digest = hashlib.sha256(), hashlib.sha256()
    for c in claims:
        claims_digest.update(c.model_dump_json().encode())
    for f in findings:
        findings_digest.update(f.model_dump_json().encode())
    return {
        "articles": len(docs),
        "claims": len(claims),
        "findings": len(findings),
        "read_s": round(read - clock, 2),
        "extract_s": round(extracted - read, 2),
        "reconcile_s": round(reconciled - extracted, 2),
        "json_report_s": round(written - reconciled, 2),
        "total_s": round(written - clock, 2),
        "report_bytes": size,
        "claims_sha256": claims_digest.hexdigest()[:16],
        "findings_sha256": findings_digest.hexdigest()[:16],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--profile", type=int, default=0, help="Print the N costliest functions under cProfile.")
    parser.add_argument("--only", choices=["extract", "reconcile"], help="Profile only this phase.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="factcheck-phases-") as tmp:
        folder = Path(tmp) / "articles"
        build(args.articles, folder)
        if args.profile:
            profiler = cProfile.Profile()
            if args.only:
                phases(folder, profiler, args.only)
            else:
                profiler.runcall(phases, folder)
            for order in ("cumulative", "tottime"):  # where the time goes, then who spends it
                pstats.Stats(profiler).sort_stats(order).print_stats(args.profile)
            return 0
        print(json.dumps(phases(folder)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
