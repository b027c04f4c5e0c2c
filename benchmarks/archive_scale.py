"""Archive at scale: an archive of perturbed copies of the dev corpora's articles (names,
figures and dates shifted), then the figures docs/accuracy.md quotes.

    .venv/bin/python benchmarks/archive_scale.py --articles 100000 --out /tmp/archive-bench
    .venv/bin/python benchmarks/archive_scale.py --check-only /tmp/archive-bench/large.db
    .venv/bin/python benchmarks/archive_scale.py --build-only /tmp/archive-bench/large-v3.db

- ``archive add`` throughput on the real articles of ../shared/dev and dev2 (extraction
  included, one process, one core): articles per second;
- the large archive is built from the real articles' extracted claims, perturbed, through
  :meth:`Archive.store` (the path ``add`` takes after extraction): claims, size on disk;
- checking one new article against the full archive (``--drafts`` dated real articles of
  dev and dev2, 20 by default; the archive holds perturbed copies of it under other ids): median and 95th
  percentile of the whole check, and of its steps (extraction, retrieval of the archived
  documents, reconciliation), in a fresh process whose peak memory is reported too
  (``--check-only ARCHIVE`` times only this, against an archive an earlier run built);
- optionally (``--spark N``) the Spark run over the Parquet export for N archived articles
  drawn at random, each checked against the others.

Reads ../shared at run time; nothing of it is written into the repository."""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPORA = [SHARED / "dev" / "articles", SHARED / "dev2" / "articles"]
COUNTRIES = [
    "Argentina", "Bolivia", "Brazil", "Chile", "Colombia", "Costa Rica", "Cuba", "Ecuador", "El Salvador",
    "Guatemala", "Haiti", "Honduras", "Mexico", "Nicaragua", "Panama", "Paraguay", "Peru", "Uruguay",
    "Venezuela", "Spain", "Italy", "Portugal", "France", "Germany", "Nigeria", "Kenya", "India", "Pakistan",
    "Indonesia", "Philippines", "Turkey", "Syria", "Iraq", "Iran", "Morocco", "Egypt", "Japan", "China",
    "United States", "Canada",
]  # fmt: skip


def _shift(d: str | None, months: int) -> str | None:
    if not d:
        return d
    y, m, day = int(d[:4]), int(d[5:7]), int(d[8:10])
    i = y * 12 + m - 1 + months
    return f"{i // 12:04d}-{i % 12 + 1:02d}-{min(day, 28):02d}"


def perturb(doc: dict[str, Any], claims: list[dict[str, Any]], k: int, rnd: random.Random) -> tuple[Any, Any]:
    """A new article from a real one: another id and outlet, its countries renamed, its
    dates moved by whole months, its figures scaled."""
    months = rnd.randint(-96, 96)
    factor = rnd.choice([0.5, 0.8, 0.9, 1.0, 1.1, 1.25, 2.0])
    renamed: dict[str, str] = {}

    def country(name: str | None) -> str | None:
        if name is None:
            return None
        return renamed.setdefault(name, rnd.choice(COUNTRIES))

    new_id = f"{doc['id']}-p{k}"
    d = dict(doc, id=new_id, outlet=f"{doc.get('outlet') or 'outlet'} {k % 997}", path=None)
    # an archive's articles carry their dates: a source published nowhere gets one
    d["published"] = _shift(d.get("published"), months) or f"{rnd.randint(2010, 2024)}-{rnd.randint(1, 12):02d}-15"
    out = []
    for c in claims:
        c = json.loads(json.dumps(c))
        c["id"] = new_id + c["id"][len(doc["id"]) :]
        c["document"], c["outlet"] = new_id, d["outlet"]
        if c.get("parts_group"):
            # a phrase is named by its document and offset: each copy's phrases are its own,
            # else the reconciler adds the parts of every copy (and of the draft) together
            c["parts_group"] = new_id + c["parts_group"][len(doc["id"]) :]
        c["published"] = d["published"]
        for part in ("as_of", "time"):
            if c.get(part) and c[part].get("date"):
                c[part]["date"] = _shift(c[part]["date"], months)
            if c.get(part) and c[part].get("year"):
                c[part]["year"] += months // 12
        q = c["quantity"]
        for f in ("value", "low", "high", "base_value", "base_low", "base_high"):
            if isinstance(q.get(f), (int, float)):
                q[f] = float(round(q[f] * factor)) if q[f] >= 1 else q[f]
        if q.get("low") is not None and q.get("high") is not None and q["low"] > q["high"]:
            q["low"], q["high"] = q["high"], q["low"]
        p = c.get("place")
        if p:
            if p.get("kind") == "country":
                p["name"] = country(p.get("name"))
            p["within"] = [country(w) if i == len(p["within"]) - 1 else w for i, w in enumerate(p.get("within", []))]
        out.append(c)
    return d, out


def measure_add(tmp: Path) -> dict[str, Any]:
    from factcheck import Archive

    archive = Archive(tmp / "real.db")
    start = time.process_time()
    wall = time.perf_counter()
    summary = archive.add([c for c in CORPORA if c.is_dir()])
    cpu, elapsed = time.process_time() - start, time.perf_counter() - wall
    archive.close()
    return {
        "articles": summary.added,
        "claims": summary.claims,
        "articles_per_cpu_second": round(summary.added / cpu, 1),
        "articles_per_wall_second": round(summary.added / elapsed, 1),
    }


def build(path: Path, n: int, seed: int = 1) -> dict[str, Any]:
    from factcheck import Archive, load_documents
    from factcheck.extraction import extract_document
    from factcheck.models import Claim, Document

    docs, _ = load_documents([c for c in CORPORA if c.is_dir()])
    docs.sort(key=lambda d: d.id)
    sources = [(d.model_dump(mode="json"), [c.model_dump(mode="json") for c in extract_document(d)]) for d in docs]
    rnd = random.Random(seed)
    archive = Archive(path)
    start = time.perf_counter()
    claims = 0
    for k in range(n):
        doc, cl = perturb(*sources[k % len(sources)], k, rnd)
        records = [Claim.model_validate(c) for c in cl]
        archive.store(Document.model_validate(doc), records)
        claims += len(records)
        if k and k % 10000 == 0:
            print(f"  {k} articles, {claims} claims, {time.perf_counter() - start:.0f} s", file=sys.stderr)
    archive._conn().execute("PRAGMA wal_checkpoint(TRUNCATE)")
    archive.close()
    return {"articles": n, "claims": claims, "build_seconds": round(time.perf_counter() - start, 1)}


CHECK = """
import json, random, resource, statistics, sys, time
from factcheck import Archive, Settings, load_documents
from factcheck.archive.checking import findings_involving
from factcheck.extraction import extract_document
docs, _ = load_documents(sys.argv[5:])
docs = sorted((d for d in docs if d.published is not None), key=lambda d: d.id)  # a new article has its date
docs = random.Random(4).sample(docs, min(int(sys.argv[3]), len(docs)))
archive = Archive(sys.argv[1], cache_claims=int(sys.argv[4]))
settings = Settings(window_days=int(sys.argv[2]))
parts = {"check": [], "extract": [], "retrieve": [], "reconcile": []}
sizes, retrieved = [], []
def q(xs):
    xs = sorted(xs)
    return {"median": round(statistics.median(xs), 1), "p95": round(xs[int(0.95 * (len(xs) - 1))], 1),
            "max": round(xs[-1], 1)}
for d in docs:
    t = time.perf_counter()
    report = archive.check([d], settings)
    parts["check"].append((time.perf_counter() - t) * 1000)
    sizes.append(len(report.conflicts))
    # the same check in its steps: extraction, retrieval, reconciliation
    t = time.perf_counter()
    own = extract_document(d, tolerance=settings.tolerance)
    t1 = time.perf_counter()
    found, known, copies = archive.block(own, settings)
    t2 = time.perf_counter()
    findings_involving(own, found, settings, known, copies, archive.judged, archive.blocks)
    t3 = time.perf_counter()
    parts["extract"].append((t1 - t) * 1000)
    parts["retrieve"].append((t2 - t1) * 1000)
    parts["reconcile"].append((t3 - t2) * 1000)
    retrieved.append(len({c.document for c in found}))
print(json.dumps({"checks": len(docs), "window_days": settings.window_days,
    **{k + "_ms": q(v) for k, v in parts.items()},
    "documents_retrieved": q(retrieved), "findings_median": statistics.median(sizes),
    "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}))
"""


def measure_check(path: Path, window_days: int = 180, drafts: int = 20, cache_claims: int = 0) -> dict[str, Any]:
    """``drafts`` real dated articles of ../shared/dev and dev2 (drawn with a fixed seed)
    checked against the large archive,
    in a fresh process: the whole check (extraction, retrieval, reconciliation, report),
    then each step timed alone. With ``cache_claims`` 0 each check reads its block from
    the file (the steps timed alone read it again); otherwise the archive keeps what it
    read for the next checks, as a process checking many drafts does."""
    out = subprocess.run(
        [sys.executable, "-c", CHECK, str(path), str(window_days), str(drafts), str(cache_claims), *map(str, CORPORA)],
        capture_output=True,
        text=True,
        check=True,
    )
    return dict(json.loads(out.stdout))


def measure_spark(path: Path, tmp: Path, drafts: int) -> dict[str, Any]:
    from pyspark.sql import SparkSession

    from factcheck import Archive
    from factcheck.archive.spark import spark_check_each

    os.environ["PYSPARK_PYTHON"] = sys.executable
    archive = Archive(path)
    start = time.perf_counter()
    archive.export_parquet(tmp / "export")
    exported = time.perf_counter() - start
    ids = archive.document_ids()
    chosen = random.Random(2).sample(ids, min(drafts, len(ids)))
    spark = SparkSession.builder.master("local[*]").config("spark.ui.enabled", "false").getOrCreate()
    start = time.perf_counter()
    found = spark_check_each(spark, str(tmp / "export"), drafts=chosen)
    spark.stop()
    return {
        "export_seconds": round(exported, 1),
        "drafts": len(chosen),
        "spark_seconds": round(time.perf_counter() - start, 1),
        "findings": sum(map(len, found.values())),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--out", default="/tmp/factcheck-archive-bench")
    parser.add_argument("--spark", type=int, default=0, help="drafts to check on Spark (0: no Spark run)")
    parser.add_argument("--window-days", type=int, default=180, help="the check's comparison window")
    parser.add_argument("--drafts", type=int, default=20, help="real articles checked against the archive")
    parser.add_argument(
        "--cache-claims",
        type=int,
        default=0,
        help="archived claims the checking process keeps in memory between checks (0: none, every check cold)",
    )
    parser.add_argument("--build-only", metavar="ARCHIVE", help="only build the large archive at this path")
    parser.add_argument(
        "--check-only", metavar="ARCHIVE", help="only time checks against this archive (built by an earlier run)"
    )
    args = parser.parse_args()
    if args.check_only:
        found = measure_check(Path(args.check_only), args.window_days, args.drafts, args.cache_claims)
        print(json.dumps(found, indent=2))
        return
    if not all(c.is_dir() for c in CORPORA):
        sys.exit("archive_scale: needs ../shared/dev and ../shared/dev2 beside this checkout")
    if args.build_only:
        if Path(args.build_only).exists():
            sys.exit(f"archive_scale: {args.build_only} exists; remove it first")
        print(json.dumps(build(Path(args.build_only), args.articles), indent=2))
        return
    tmp = Path(args.out)
    tmp.mkdir(parents=True, exist_ok=True)
    for f in tmp.glob("*.db*"):
        f.unlink()
    result: dict[str, Any] = {"add_real": measure_add(tmp)}
    print(json.dumps(result), file=sys.stderr)
    path = tmp / "large.db"
    result["build"] = build(path, args.articles)
    result["size_mib"] = round(sum(p.stat().st_size for p in tmp.glob("large.db*")) / 2**20, 1)
    print(json.dumps(result), file=sys.stderr)
    result["check"] = measure_check(path, args.window_days, args.drafts, args.cache_claims)
    if args.spark:
        result["spark"] = measure_spark(path, tmp, args.spark)
    result["builder_peak_rss_mib"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
