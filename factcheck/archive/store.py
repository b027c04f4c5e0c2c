"""The :class:`Archive`: add articles, find the archived documents a draft can pair
with, check drafts against them, and say what the archive holds. The CLI's ``archive``
commands and ``check --archive`` call these methods and nothing else."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import pairwise
from pathlib import Path
from typing import Any, NamedTuple

from pydantic import BaseModel

from ..config import Settings
from ..documents import Inputs, as_inputs, gather, read_document, scan_articles
from ..errors import ArticleReadError
from ..extraction import extract_document
from ..findings import DocumentInfo, Finding, Report
from ..models import Claim, Document
from ..reconciliation.copies import KeptCopies
from ..reconciliation.keys import Facet
from ..reconciliation.pairkeys import KeptJudgements
from .blocking import blocking_keys, key_hash, window_months
from .cache import DEFAULT_CLAIMS, BlockCache, Entry
from .kept_block import KeptBlocks
from .records import (
    DOCUMENT_COLUMNS,
    INFO_COLUMNS,
    claim_from_json,
    claim_row,
    content_hash,
    document_from_row,
    document_info_from_row,
    document_keys,
    document_row,
    main_country,
)
from .schema import SCHEMA_VERSION, ArchiveError, connect

_CHUNK = 500
"""Values per ``IN (...)`` list: well under SQLite's limit on bound parameters."""


class AddSummary(BaseModel):
    """What an :meth:`Archive.add` did: articles added, already there, replaced by a new
    version of the same id, unreadable; claims added."""

    added: int = 0
    unchanged: int = 0
    replaced: int = 0
    claims: int = 0
    errors: list[str] = []

    def line(self) -> str:
        """The summary in one line, for the end of ``archive add``."""
        s = f"{self.added} added ({self.claims} claims), {self.unchanged} unchanged, {self.replaced} replaced"
        return s + (f", {len(self.errors)} unreadable" if self.errors else "")


class Stats(BaseModel):
    """What an archive holds."""

    path: str
    schema_version: int
    documents: int
    claims: int
    block_keys: int
    languages: dict[str, int]
    outlets: int
    first_published: str | None
    last_published: str | None
    bytes: int


Progress = Callable[[int, int], None]
"""Called with (articles done, articles in all) as an add goes."""


@contextmanager
def _snapshot(db: sqlite3.Connection) -> Iterator[None]:
    """One read transaction: a document's hash and its claims read from one state of the
    file, though another process replaces the document meanwhile."""
    if db.in_transaction:
        yield
        return
    db.execute("BEGIN")
    try:
        yield
    finally:
        db.execute("COMMIT")


class Block(NamedTuple):
    """What a draft is checked against: the archived claims that can pair with its own
    (sorted by claim id), and each one's own facet by claim id where the archive kept it
    (``cache``), for the reconciler's ``known``; and what copy detection kept of the
    block's documents (None when the archive keeps nothing), for its ``copies``."""

    claims: list[Claim]
    facets: dict[str, Facet | None]
    copies: KeptCopies | None = None


def _by_id(entries: Sequence[Entry]) -> list[Claim]:
    """The entries' claims sorted by id: each document's claims in id order, the documents by
    their first, are in order when no two documents' ids interleave (a claim's id starts with
    its document's), which comparing each document's last id with the next's first shows
    without reading every claim's (scattered in memory, reading them took most of a sort)."""
    ordered = sorted((e for e in entries if e.by_id), key=lambda e: e.by_id[0].id)
    if all(a.by_id[-1].id < b.by_id[0].id for a, b in pairwise(ordered)):
        return [c for e in ordered for c in e.by_id]
    return sorted((c for e in entries for c in e.claims), key=lambda c: c.id)


class Archive:
    """A claim archive in one SQLite file: documents, their claims, their blocking keys.
    The documents a check reads are kept in memory for the next checks, up to
    ``cache_claims`` claims (see ``cache``; 0 keeps none).

    >>> import tempfile, os
    >>> from factcheck import Document
    >>> path = os.path.join(tempfile.mkdtemp(), "news.db")
    >>> a = Document(id="a", outlet="AP", published="2024-03-04",
    ...              body="Officials said 12 people were killed on Monday.")
    >>> Archive(path).add([a]).line()
    '1 added (1 claims), 0 unchanged, 0 replaced'
    >>> b = Document(id="b", outlet="BBC", published="2024-03-04",
    ...              body="Police said 40 people were killed on Monday.")
    >>> [p.label for p in Archive(path).check([b], Settings()).conflicts[0].positions]
    ['12', '40']
    """

    def __init__(self, path: str | os.PathLike[str], cache_claims: int = DEFAULT_CLAIMS) -> None:
        self.path = str(path)
        self._db: sqlite3.Connection | None = None
        self._cache = BlockCache(cache_claims)

    @property
    def cache_claims(self) -> int:
        """How many archived claims are kept in memory between checks at most."""
        return self._cache.limit

    @property
    def judged(self) -> KeptJudgements | None:
        """Verdicts on pairs of claims kept from earlier checks (None when the archive keeps
        nothing between checks), for ``findings_involving``'s ``judged``."""
        return self._cache.judged

    @property
    def blocks(self) -> KeptBlocks | None:
        """The steps over a whole block computed for the archived documents of the blocks
        recent checks read, kept (None when the archive keeps nothing between checks), for
        ``findings_involving``'s ``blocks``: a check whose retrieval reaches the same
        documents adds only its own to them (``kept_block``)."""
        return self._cache.blocks

    def forget_blocks(self) -> None:
        """Keep no blocks' archived facets between checks from now on (documents are still
        kept; each check runs the steps over its block in full): to measure what keeping
        them saves."""
        self._cache.blocks = None

    def forget_verdicts(self) -> None:
        """Keep no verdicts on pairs of claims between checks from now on (documents are still
        kept): to measure what keeping them saves, or to bound memory more tightly."""
        self._cache.judged = None

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the file (the next operation opens it again)."""
        if self._db is not None:
            self._db.close()
            self._db = None

    def _conn(self, create: bool = False) -> sqlite3.Connection:
        if self._db is None:
            self._db = connect(self.path, create)
        return self._db

    # adding ---------------------------------------------------------------------------

    def add(self, items: Inputs, settings: Settings | None = None, progress: Progress | None = None) -> AddSummary:
        """Extract and store the articles (paths, folders or :class:`Document` records)
        whose content hash is not archived yet. Each article is written in its own
        transaction once its claims are extracted, so an add interrupted at any point
        leaves every article it reported added, and nothing half-written; two processes
        may add at once (one writes while the other extracts or waits). An article whose
        id is archived with other content replaces it (a corrected version)."""
        settings = settings or Settings()
        db = self._conn(create=True)
        paths = [i for i in as_inputs(items) if not isinstance(i, Document)]
        given = [i for i in as_inputs(items) if isinstance(i, Document)]
        files, scan_errors = scan_articles(paths) if paths else ([], [])
        summary = AddSummary(errors=[str(e) for e in scan_errors])
        total = len(files) + len(given)
        for done, item in enumerate([*given, *sorted(files, key=str)], 1):
            try:
                doc = item if isinstance(item, Document) else read_document(item)
            except ArticleReadError as err:
                summary.errors.append(str(err))
            else:
                self._add_one(db, doc, settings, summary)
            if progress is not None:
                progress(done, total)
        return summary

    def _add_one(self, db: sqlite3.Connection, doc: Document, settings: Settings, summary: AddSummary) -> None:
        digest = content_hash(doc)
        if db.execute("SELECT 1 FROM documents WHERE hash = ?", (digest,)).fetchone():
            summary.unchanged += 1
            return
        claims = extract_document(doc, tolerance=settings.tolerance)
        self.store(doc, claims, digest, summary)

    def store(
        self, doc: Document, claims: Sequence[Claim], digest: str | None = None, summary: AddSummary | None = None
    ) -> bool:
        """Write one document and its claims (already extracted) in one transaction;
        False when its content is archived already. The benchmarks build large archives
        through this, the same path ``add`` takes."""
        db = self._conn(create=True)
        digest = digest or content_hash(doc)
        summary = summary if summary is not None else AddSummary()
        country = main_country(claims)
        doc_row = document_row(doc, digest, country)
        claim_rows = [claim_row(c, country) for c in claims]
        keys = sorted(document_keys(claims, country))
        db.execute("BEGIN IMMEDIATE")
        try:
            # looked at again under the write lock: another process may have added it meanwhile
            if db.execute("SELECT 1 FROM documents WHERE hash = ?", (digest,)).fetchone():
                db.execute("ROLLBACK")
                summary.unchanged += 1
                return False
            if db.execute("DELETE FROM documents WHERE doc_id = ?", (doc.id,)).rowcount:
                summary.replaced += 1
            else:
                summary.added += 1
            marks = ", ".join("?" * len(DOCUMENT_COLUMNS))
            cur = db.execute(f"INSERT INTO documents ({', '.join(DOCUMENT_COLUMNS)}) VALUES ({marks})", doc_row)
            rowid = cur.lastrowid
            db.executemany(
                "INSERT INTO claims (doc, claim_id, published, language, country, dimension, month,"
                " event_class, subject_class, value, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(rowid, *r) for r in claim_rows],
            )
            db.executemany("INSERT INTO blocks (key, doc) VALUES (?, ?)", [(k, rowid) for k in keys])
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise
        summary.claims += len(claims)
        return True

    # reading --------------------------------------------------------------------------

    def candidates(self, claims: Sequence[Claim], settings: Settings | None = None) -> list[Claim]:
        """Every archived claim of the documents that share a blocking key with ``claims``
        (a draft's), its own documents left out. Whole documents are retrieved, not single
        claims: the reconciler reads a document's other claims (its main country, its
        copies, the parts that sum to a total), so a finding is the same as in a folder.

        An undated archived claim joins the figures of its value at any date into one side
        of a finding, so the documents its own keys reach are retrieved too, until no new
        undated claim turns up (with dated articles, one round)."""
        return self.block(claims, settings).claims

    def block(self, claims: Sequence[Claim], settings: Settings | None = None) -> Block:
        """:meth:`candidates` with the claims' own facets where they are kept, what a check
        hands the reconciler (``findings_involving``'s ``known``)."""
        from ..cycles import cycles_paused

        with cycles_paused():
            return self._candidates(claims, settings or Settings())

    def _candidates(self, claims: Sequence[Claim], settings: Settings) -> Block:
        probe = window_months(settings.window_days)
        drafts: dict[str, list[Claim]] = {}
        for c in claims:
            drafts.setdefault(c.document, []).append(c)
        seen: set[int] = set()
        facets: dict[str, Facet | None] = {}
        entries: list[Entry] = []
        keys = self._probe_keys(drafts.values(), probe)
        while keys:
            found = self._documents_with(keys) - seen
            seen |= found
            undated: dict[str, list[Claim]] = {}
            for entry in self._entries(sorted(found)):
                if entry.claims and entry.claims[0].document not in drafts:
                    facets.update(entry.facets)
                    entries.append(entry)
                    if entry.undated:
                        undated[entry.claims[0].document] = list(entry.undated)
            keys = self._probe_keys(undated.values(), probe, self._countries(undated))
        return Block(_by_id(entries), facets, self._cache.copies(entries))

    def _probe_keys(
        self, groups: Iterable[list[Claim]], probe: int, countries: dict[str, str | None] | None = None
    ) -> set[int]:
        keys: set[int] = set()
        for doc_claims in groups:
            doc = doc_claims[0].document
            country = countries[doc] if countries is not None else main_country(doc_claims)
            keys.update(key_hash(k) for c in doc_claims for k in blocking_keys(c, country, probe))
        return keys

    def _countries(self, docs: Iterable[str]) -> dict[str, str | None]:
        db = self._conn()
        return {d: db.execute("SELECT country FROM documents WHERE doc_id = ?", (d,)).fetchone()[0] for d in docs}

    def _documents_with(self, keys: set[int]) -> set[int]:
        db = self._conn()
        docs: set[int] = set()
        ordered = sorted(keys)
        for i in range(0, len(ordered), _CHUNK):
            chunk = ordered[i : i + _CHUNK]
            rows = db.execute(f"SELECT DISTINCT doc FROM blocks WHERE key IN ({', '.join('?' * len(chunk))})", chunk)
            docs.update(d for (d,) in rows)
        return docs

    def _entries(self, docs: Sequence[int]) -> list[Entry]:
        """The documents' entries (claims and facets), from the cache where kept, else read
        and parsed (and kept), in the order of ``docs``."""
        db = self._conn()
        with _snapshot(db):
            kept, read, digests = self._read_entries(db, docs)
        # a document with no claims has no blocking key: one seen here was deleted meanwhile
        return [kept[d] or self._cache.put(digests[d], read[d]) for d in docs if d in kept and (kept[d] or read[d])]

    def _read_entries(
        self, db: sqlite3.Connection, docs: Sequence[int]
    ) -> tuple[dict[int, Entry | None], dict[int, list[Claim]], dict[int, str]]:
        digests: dict[int, str] = {}
        for i in range(0, len(docs), _CHUNK):
            chunk = docs[i : i + _CHUNK]
            rows = db.execute(f"SELECT id, hash FROM documents WHERE id IN ({', '.join('?' * len(chunk))})", chunk)
            digests.update(rows)
        kept = {d: self._cache.get(digests[d]) for d in docs if d in digests}
        missing = [d for d, e in kept.items() if e is None]
        read: dict[int, list[Claim]] = {d: [] for d in missing}
        for i in range(0, len(missing), _CHUNK):
            chunk = missing[i : i + _CHUNK]
            rows = db.execute(
                f"SELECT doc, record FROM claims WHERE doc IN ({', '.join('?' * len(chunk))}) ORDER BY doc, id", chunk
            )
            for d, r in rows:
                read[d].append(claim_from_json(r))
        return kept, read, digests

    def _claims_of(self, docs: Sequence[int]) -> list[Claim]:
        db = self._conn()
        out: list[Claim] = []
        for i in range(0, len(docs), _CHUNK):
            chunk = docs[i : i + _CHUNK]
            # in the order of the index on doc (each document's claims in text order): ordering
            # by id alone sorted every record in a temporary tree, half the time of the query
            rows = db.execute(
                f"SELECT record FROM claims WHERE doc IN ({', '.join('?' * len(chunk))}) ORDER BY doc, id", chunk
            )
            out.extend(claim_from_json(r) for (r,) in rows)
        return out

    def claims(self, doc_id: str) -> list[Claim]:
        """The archived claims of one document, in text order."""
        row = self._conn().execute("SELECT id FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        return self._claims_of([row[0]]) if row else []

    def document(self, doc_id: str) -> Document | None:
        """The archived document with this id (body included), or None."""
        row = (
            self._conn()
            .execute(f"SELECT {', '.join(DOCUMENT_COLUMNS)} FROM documents WHERE doc_id = ?", (doc_id,))
            .fetchone()
        )
        return document_from_row(row) if row else None

    def document_infos(self, doc_ids: Iterable[str]) -> list[DocumentInfo]:
        """What a report says of these archived documents (id, file, title, outlet, date,
        address), in the order given, without reading their bodies; unknown ids are left out."""
        wanted = list(doc_ids)
        found: dict[str, DocumentInfo] = {}
        for i in range(0, len(wanted), _CHUNK):
            chunk = wanted[i : i + _CHUNK]
            sql = f"SELECT {', '.join(INFO_COLUMNS)} FROM documents WHERE doc_id IN ({', '.join('?' * len(chunk))})"
            rows = self._conn().execute(sql, chunk)
            found.update((row[0], document_info_from_row(row)) for row in rows)
        return [found[d] for d in wanted if d in found]

    def document_ids(self) -> list[str]:
        """Every archived document's id, sorted."""
        return [d for (d,) in self._conn().execute("SELECT doc_id FROM documents ORDER BY doc_id")]

    # checking -------------------------------------------------------------------------

    def check(
        self,
        items: Inputs,
        settings: Settings | None = None,
        ledger: str | os.PathLike[str] | None = None,
        show_all: bool = False,
    ) -> Report:
        """Check draft articles against the archive: the findings of reconciling their
        claims with every archived claim that can pair with them, kept when they involve a
        draft, with the ledger's decisions applied as in :func:`factcheck.check`."""
        from ..cycles import cycles_paused
        from .checking import archive_report

        settings = settings or Settings()
        self._conn()  # a missing or foreign archive fails before any article is read
        docs, errors = gather(items)
        with cycles_paused():
            return archive_report(self, docs, errors, settings, ledger, show_all)

    def check_each(
        self, doc_ids: Iterable[str] | None = None, settings: Settings | None = None
    ) -> dict[str, list[Finding]]:
        """Each archived document (all, or ``doc_ids``) checked against the rest of the
        archive, as if it came in last: its findings by document id, no ledger applied.
        The Spark run computes the same (``factcheck.archive.spark``)."""
        from ..cycles import cycles_paused
        from .checking import findings_involving

        settings = settings or Settings()
        out: dict[str, list[Finding]] = {}
        for doc_id in sorted(doc_ids if doc_ids is not None else self.document_ids()):
            with cycles_paused():
                own = self.claims(doc_id)
                archived, known, copies = self.block(own, settings)
                out[doc_id] = findings_involving(own, archived, settings, known, copies, self.judged)
        return out

    def stats(self) -> Stats:
        """Counts of what the archive holds, and its size on disk."""
        db = self._conn()

        def one(sql: str) -> Any:
            return db.execute(sql).fetchone()[0]

        langs = dict(db.execute("SELECT coalesce(language, '?'), count(*) FROM documents GROUP BY 1 ORDER BY 1"))
        size = sum(os.path.getsize(p) for p in (self.path, self.path + "-wal") if os.path.exists(p))
        return Stats(
            path=self.path,
            schema_version=SCHEMA_VERSION,
            documents=one("SELECT count(*) FROM documents"),
            claims=one("SELECT count(*) FROM claims"),
            block_keys=one("SELECT count(DISTINCT key) FROM blocks"),
            languages=langs,
            outlets=one("SELECT count(DISTINCT outlet) FROM documents"),
            first_published=one("SELECT min(published) FROM documents"),
            last_published=one("SELECT max(published) FROM documents"),
            bytes=size,
        )

    def export_parquet(self, folder: str | os.PathLike[str]) -> list[Path]:
        """Write the archive as Parquet (documents, claims, blocks) for Spark; see ``export``."""
        from .export import export_parquet

        return export_parquet(self._conn(), Path(folder))


__all__ = ["AddSummary", "Archive", "ArchiveError", "Stats"]
