"""SQLite or DuckDB for the archive: the same tables, the same load, measured.

    .venv/bin/python benchmarks/archive_backends.py --documents 5000

Each document is written in its own transaction as ``archive add`` does (ten claims of
real size, 1.5 kB of JSON each, and twelve blocking keys); then the blocking probe (forty
keys -> documents -> their claims' JSON) is timed. Prints insert throughput, probe
median and 95th percentile, and size on disk for each. DuckDB needs ``pip install duckdb``;
it is not a dependency of factcheck (docs/archive.md says why SQLite was chosen)."""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

DDL = [
    "CREATE TABLE documents (id BIGINT PRIMARY KEY, doc_id TEXT, hash TEXT, outlet TEXT, published TEXT)",
    "CREATE TABLE claims (id BIGINT PRIMARY KEY, doc BIGINT, claim_id TEXT, country TEXT, month TEXT, record TEXT)",
    "CREATE INDEX claims_doc ON claims(doc)",
    "CREATE TABLE blocks (key BIGINT, doc BIGINT, PRIMARY KEY (key, doc))",
]
RECORD = json.dumps({"sentence": "x" * 1200, "quantity": {"value": 12, "text": "12"}, "place": {"name": "Chile"}})


def load(n: int, seed: int = 1) -> list[tuple[Any, ...]]:
    rnd = random.Random(seed)
    docs = []
    for d in range(n):
        keys = sorted({rnd.getrandbits(20) for _ in range(12)})
        claims = [(d * 10 + i, d, f"doc{d}:{i}", "Chile", "2024-03", RECORD) for i in range(10)]
        docs.append(((d, f"doc{d}", f"h{d}", "AP", "2024-03-04"), claims, [(k, d) for k in keys]))
    return docs


def run(name: str, connect: Any, path: Path, docs: list[tuple[Any, ...]], probes: int) -> dict[str, Any]:
    db = connect(path)
    for statement in DDL:
        db.execute(statement)
    start = time.perf_counter()
    for doc, claims, blocks in docs:
        db.execute("BEGIN")
        db.execute("INSERT INTO documents VALUES (?, ?, ?, ?, ?)", doc)
        db.executemany("INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?)", claims)
        db.executemany("INSERT INTO blocks VALUES (?, ?)", blocks)
        db.execute("COMMIT")
    insert = time.perf_counter() - start
    rnd = random.Random(2)
    times = []
    for _ in range(probes):
        keys = [rnd.getrandbits(20) for _ in range(40)]
        t = time.perf_counter()
        found = [
            d
            for (d,) in db.execute(
                f"SELECT DISTINCT doc FROM blocks WHERE key IN ({','.join('?' * 40)})", keys
            ).fetchall()
        ]
        if found:
            db.execute(f"SELECT record FROM claims WHERE doc IN ({','.join('?' * len(found))})", found).fetchall()
        times.append((time.perf_counter() - t) * 1000)
    db.close()
    times.sort()
    size = sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))
    return {
        "backend": name,
        "documents_per_second": round(len(docs) / insert),
        "probe_median_ms": round(statistics.median(times), 2),
        "probe_p95_ms": round(times[int(0.95 * (len(times) - 1))], 2),
        "size_mib": round(size / 2**20, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=5000)
    parser.add_argument("--probes", type=int, default=200)
    args = parser.parse_args()
    docs = load(args.documents)
    tmp = Path(tempfile.mkdtemp())

    def sqlite(path: Path) -> Any:
        db = sqlite3.connect(path, isolation_level=None)
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
        return db

    results = [run("sqlite", sqlite, tmp / "a.db", docs, args.probes)]
    try:
        import duckdb

        results.append(run("duckdb", lambda p: duckdb.connect(str(p)), tmp / "a.duckdb", docs, args.probes))
    except ImportError:
        print("duckdb is not installed: pip install duckdb to compare")
    for r in results:
        print(json.dumps(r))


if __name__ == "__main__":
    main()
