"""The archive file: its tables, its schema version and the migrations between versions.

One SQLite file holds the documents (content hash, outlet, dates, language, url and the
body, compressed, for the review page), their claims (the :class:`~factcheck.Claim`
record as JSON, lossless, beside indexed columns) and each document's blocking keys.
SQLite rather than DuckDB: measured in ``benchmarks/archive_backends.py`` and
docs/archive.md; SQLite is in the standard library, lets two processes add at once
(one writer at a time, the other waits) where DuckDB locks the file to one process,
and answers the blocking probe from a B-tree in well under a millisecond.

The file says what it is in ``meta``: ``format`` and ``schema_version``. A file of an
older version is migrated in place, in one transaction, when it is opened for writing;
a file of a newer version, or not an archive at all, is an :class:`ArchiveError`."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable

from ..errors import FactcheckError
from .blocking import BLOCKING_VERSION

FORMAT = "factcheck-archive"
SCHEMA_VERSION = 2
"""1: documents, claims, blocks keyed by claim. 2: blocks keyed by document (a document's
keys are the union of its claims', ten times fewer rows) and each document's main country."""

BUSY_MS = 60_000
"""How long a writer waits for another process's transaction before giving up."""


class ArchiveError(FactcheckError):
    """The archive file is missing, corrupt, not an archive, or of a newer version."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


TABLES = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL UNIQUE,
    hash TEXT NOT NULL UNIQUE,
    path TEXT, title TEXT, outlet TEXT, author TEXT,
    published TEXT, published_precision TEXT, url TEXT, language TEXT,
    country TEXT,
    body_line INTEGER NOT NULL DEFAULT 1,
    meta TEXT NOT NULL DEFAULT '{}',
    body BLOB NOT NULL,
    added TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS claims (
    id INTEGER PRIMARY KEY,
    doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    claim_id TEXT NOT NULL,
    published TEXT, language TEXT, country TEXT, dimension TEXT, month TEXT,
    event_class TEXT, subject_class TEXT, value REAL,
    record TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS claims_doc ON claims(doc);
CREATE TABLE IF NOT EXISTS blocks (
    key INTEGER NOT NULL,
    doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    PRIMARY KEY (key, doc)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS blocks_doc ON blocks(doc);
"""
"""The current schema (version :data:`SCHEMA_VERSION`)."""


def rekey(db: sqlite3.Connection) -> None:
    """Each document's main country and blocking keys, recomputed from its stored claims
    (no article is read again): after a change of :func:`~.blocking.blocking_keys`."""
    from .records import claim_from_json, document_keys, main_country

    db.execute("DELETE FROM blocks")
    for (doc,) in db.execute("SELECT id FROM documents ORDER BY id").fetchall():
        claims = [claim_from_json(r) for (r,) in db.execute("SELECT record FROM claims WHERE doc = ?", (doc,))]
        country = main_country(claims)
        db.execute("UPDATE documents SET country = ? WHERE id = ?", (country, doc))
        db.executemany("INSERT INTO blocks VALUES (?, ?)", [(k, doc) for k in sorted(document_keys(claims, country))])
    db.execute("INSERT OR REPLACE INTO meta VALUES ('blocking', ?)", (str(BLOCKING_VERSION),))


def _v1_to_v2(db: sqlite3.Connection) -> None:
    """Blocks keyed by document, and each document's main country."""
    db.execute("ALTER TABLE documents ADD COLUMN country TEXT")
    db.execute("DROP TABLE blocks")
    db.execute(
        "CREATE TABLE blocks (key INTEGER NOT NULL, doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
        " PRIMARY KEY (key, doc)) WITHOUT ROWID"
    )
    db.execute("CREATE INDEX IF NOT EXISTS blocks_doc ON blocks(doc)")
    rekey(db)


MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {1: _v1_to_v2}
"""Version -> the step that brings a file of that version to the next one."""


def connect(path: str, create: bool) -> sqlite3.Connection:
    """An open archive, checked and migrated to :data:`SCHEMA_VERSION`; a new file is
    made only with ``create``. Anything else is one :class:`ArchiveError`."""
    exists = os.path.exists(path)
    if not exists and not create:
        raise ArchiveError(path, "no such archive (make one with: factcheck archive add DIR --archive PATH)")
    if exists and os.path.isdir(path):
        raise ArchiveError(path, "is a folder, not an archive file")
    try:
        db = sqlite3.connect(path, timeout=BUSY_MS / 1000, isolation_level=None)
        db.execute(f"PRAGMA busy_timeout = {BUSY_MS}")
        db.execute("PRAGMA foreign_keys = ON")
        version = _version(db, path, exists)
        if version is None:
            _create(db)
        elif version < SCHEMA_VERSION:
            _migrate(db, version)
        _rekey_if_stale(db)
        db.execute("PRAGMA journal_mode = WAL")  # readers never wait for a writer
        db.execute("PRAGMA synchronous = NORMAL")  # WAL keeps every committed add across a crash of the process
    except sqlite3.DatabaseError as err:
        raise ArchiveError(path, f"not a factcheck archive ({err})") from None
    return db


def _version(db: sqlite3.Connection, path: str, exists: bool) -> int | None:
    """The file's schema version, None for an empty new file."""
    tables = {n for (n,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not tables:
        return None
    if "meta" not in tables:
        raise ArchiveError(path, "an SQLite file, but not a factcheck archive (no meta table)")
    meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
    if meta.get("format") != FORMAT:
        raise ArchiveError(path, "an SQLite file, but not a factcheck archive")
    try:
        version = int(meta.get("schema_version", ""))
    except ValueError:
        raise ArchiveError(path, f"unreadable schema version {meta.get('schema_version')!r}") from None
    if version > SCHEMA_VERSION:
        raise ArchiveError(path, f"schema version {version} is newer than this factcheck's {SCHEMA_VERSION}: upgrade")
    return version


def _create(db: sqlite3.Connection) -> None:
    db.execute("BEGIN IMMEDIATE")
    try:
        # another process may have made it meanwhile: CREATE ... IF NOT EXISTS and OR IGNORE
        for statement in TABLES.split(";"):
            if statement.strip():
                db.execute(statement)
        db.execute("INSERT OR IGNORE INTO meta VALUES ('format', ?)", (FORMAT,))
        db.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
        db.execute("INSERT OR IGNORE INTO meta VALUES ('blocking', ?)", (str(BLOCKING_VERSION),))
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise


def _rekey_if_stale(db: sqlite3.Connection) -> None:
    """Re-key an archive whose blocking keys another version of ``blocking_keys`` wrote."""
    if _blocking(db) == BLOCKING_VERSION:
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        if _blocking(db) != BLOCKING_VERSION:  # another process may have re-keyed it meanwhile
            rekey(db)
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise


def _blocking(db: sqlite3.Connection) -> int | None:
    row = db.execute("SELECT value FROM meta WHERE key = 'blocking'").fetchone()
    return int(row[0]) if row and str(row[0]).isdigit() else None


def _migrate(db: sqlite3.Connection, version: int) -> None:
    db.execute("BEGIN IMMEDIATE")
    try:
        # read again under the write lock: another process may have migrated it meanwhile
        (current,) = db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        version = int(current)
        while version < SCHEMA_VERSION:
            MIGRATIONS[version](db)
            version += 1
        db.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(version),))
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
