"""Archive checks of held-out clusters: for each cluster of a corpus, an archive of the
other clusters' articles, then each held-out article checked against it alone, then all
of them at once. Writes one JSON line per check (cluster, draft, findings), so two
versions of factcheck are compared with ``cmp``:

    .venv/bin/python benchmarks/archive_heldout.py ../shared/dev --out /tmp/heldout-dev.jsonl
    PYTHONPATH=/tmp/other-checkout .venv/bin/python benchmarks/archive_heldout.py ../shared/dev \\
        --out /tmp/heldout-dev-other.jsonl
    cmp /tmp/heldout-dev.jsonl /tmp/heldout-dev-other.jsonl

Prints the median time of a check (extraction of the draft included) on standard error.
Reads the corpus at run time; nothing of it is written into the repository."""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path


def main() -> None:
    from factcheck import Archive, Settings, load_documents
    from factcheck.extraction import extract_document

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path, help="a corpus folder with articles/<cluster>/*.md")
    parser.add_argument("--out", required=True, type=Path, help="file to write one check a line to")
    args = parser.parse_args()
    docs, _ = load_documents([args.corpus / "articles"])
    claims = {d.id: extract_document(d) for d in docs}
    cluster = {d.id: Path(d.path or d.id).parent.name for d in docs}
    times: list[float] = []
    with args.out.open("w", encoding="utf-8") as out:
        for held_out in sorted(set(cluster.values())):
            with tempfile.TemporaryDirectory() as tmp:
                archive = Archive(Path(tmp) / "news.db")
                for d in sorted(docs, key=lambda d: d.id):
                    if cluster[d.id] != held_out:
                        archive.store(d, claims[d.id])
                drafts = sorted((d for d in docs if cluster[d.id] == held_out), key=lambda d: d.id)
                for name, checked in [*((d.id, [d]) for d in drafts), ("*", drafts)]:
                    start = time.perf_counter()
                    report = archive.check(checked, Settings())
                    if name != "*":
                        times.append(time.perf_counter() - start)
                    found = [json.loads(f.model_dump_json()) for f in report.conflicts]
                    out.write(json.dumps({"cluster": held_out, "draft": name, "conflicts": found}, sort_keys=True))
                    out.write("\n")
                archive.close()
    print(json.dumps({"checks": len(times), "median_ms": round(1000 * statistics.median(times), 1)}), file=sys.stderr)


if __name__ == "__main__":
    main()
