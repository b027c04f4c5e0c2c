"""The archive as Parquet, for the Spark run: ``documents.parquet`` (metadata, no body),
``claims.parquet`` (each claim's JSON beside its document id and indexed columns) and
``blocks.parquet`` (each document's blocking keys). Written in row groups, so an archive
larger than memory exports in constant memory. Needs pyarrow (the ``spark`` extra)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import FactcheckError
from ..project import install_hint

BATCH = 100_000
"""Rows per Parquet row group."""

_QUERIES: dict[str, tuple[str, list[tuple[str, str]]]] = {
    "documents": (
        "SELECT doc_id, hash, path, title, outlet, published, language, url, country FROM documents ORDER BY id",
        [
            ("doc_id", "string"),
            ("hash", "string"),
            ("path", "string"),
            ("title", "string"),
            ("outlet", "string"),
            ("published", "string"),
            ("language", "string"),
            ("url", "string"),
            ("country", "string"),
        ],
    ),
    "claims": (
        "SELECT d.doc_id, c.claim_id, c.country, c.dimension, c.month, c.record"
        " FROM claims c JOIN documents d ON d.id = c.doc ORDER BY c.id",
        [
            ("doc_id", "string"),
            ("claim_id", "string"),
            ("country", "string"),
            ("dimension", "string"),
            ("month", "string"),
            ("record", "string"),
        ],
    ),
    "blocks": (
        "SELECT d.doc_id, b.key FROM blocks b JOIN documents d ON d.id = b.doc ORDER BY b.doc, b.key",
        [("doc_id", "string"), ("key", "int64")],
    ),
}


def _batches(db: sqlite3.Connection, sql: str) -> Iterator[list[tuple[Any, ...]]]:
    cur = db.execute(sql)
    while rows := cur.fetchmany(BATCH):
        yield rows


def export_parquet(db: sqlite3.Connection, folder: Path) -> list[Path]:
    """Write the three tables under ``folder`` and return their paths."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as err:
        raise FactcheckError(f"export needs pyarrow: {install_hint('spark')} ({err})") from None
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    db.execute("BEGIN")  # one snapshot: an add running meanwhile is in all three tables or in none
    try:
        for name, (sql, columns) in _QUERIES.items():
            schema = pa.schema([(n, getattr(pa, t)()) for n, t in columns])
            target = folder / f"{name}.parquet"
            with pq.ParquetWriter(str(target) + ".part", schema) as writer:
                for rows in _batches(db, sql):
                    writer.write_table(
                        pa.Table.from_pylist([dict(zip(schema.names, r, strict=True)) for r in rows], schema=schema)
                    )
            Path(str(target) + ".part").replace(target)
            written.append(target)
    finally:
        db.execute("COMMIT")
    return written
