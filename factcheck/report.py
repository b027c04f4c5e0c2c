"""The consistency report: documents in, findings out, with editors' decisions applied.

This is the library's main entry point, :func:`check`; the CLI's ``check`` command calls
it and only formats what it returns."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path

from .config import Settings, check_fail_on
from .cycles import cycles_paused
from .dating import date_documents
from .documents import Inputs, gather
from .errors import ArticleReadError, LedgerError, one_line
from .extraction import extract_document
from .figuredating import redate
from .findings import SEVERITY_RANK, DocumentInfo, Finding, Report, StaleDecision
from .intervals import DEFAULT_TOLERANCE
from .models import Claim, Document


def extract_each(
    docs: Sequence[Document],
    tolerance: float = DEFAULT_TOLERANCE,
    progress: Callable[[int, int, str], None] | None = None,
    estimate_dates: bool = True,
) -> tuple[list[Claim], list[Document], list[ArticleReadError]]:
    """The claims of each document, the documents read, and one error for each document
    extraction failed on: one article that breaks a rule never costs the run the report
    on the others. ``progress`` is told after each document. With ``estimate_dates``,
    documents with no published day are first dated from the others
    (:func:`factcheck.dating.date_documents`), then again from the tolls they share with
    them (:func:`factcheck.figuredating.redate`)."""
    given = list(docs)
    if estimate_dates:
        docs = date_documents(given)
    found: list[list[Claim] | None] = []
    errors: list[ArticleReadError] = []
    # paused for the whole folder, not only inside each article (extract_document): the
    # claims kept so far outlive their article, and each full pass of the collector
    # between two articles walked them all again (2.2 of 21 s extracting 5,000 articles,
    # "Scale, seventh pass"); extraction makes no reference cycles to collect
    with cycles_paused():
        for k, doc in enumerate(docs):
            if progress is not None and k:
                progress(k, len(docs), "reading")
            try:
                found.append(extract_document(doc, tolerance=tolerance))
            except Exception as err:  # noqa: BLE001  # any failure of one article is reported, the run goes on
                detail = one_line(str(err))[:200]
                errors.append(
                    ArticleReadError(doc.path or doc.id, f"extraction failed ({type(err).__name__}: {detail})")
                )
                found.append(None)
        if estimate_dates:
            docs, found = redate(given, list(docs), found, lambda doc: extract_document(doc, tolerance=tolerance))
    claims = [c for each in found if each is not None for c in each]
    done = [doc for doc, each in zip(docs, found, strict=True) if each is not None]
    return claims, done, errors


def check(
    items: Inputs,
    settings: Settings | None = None,
    ledger: str | os.PathLike[str] | None = None,
    show_all: bool = False,
    progress: Callable[[int, int, str], None] | None = None,
) -> Report:
    """Check articles (a path to a file or folder, a :class:`Document` record, or an
    iterable of them) for numbers that disagree, and return a :class:`Report`.

    With a ledger folder (``ledger``, else ``settings.ledger``), findings an editor has
    decided are moved to ``report.decided`` (or kept, marked, with ``show_all``), facts
    vetted there are checked, and decisions whose finding is gone are listed in
    ``report.stale``. A ledger folder that is missing or unreadable raises :class:`LedgerError`.
    ``progress``, when given, is called with (articles done, articles, stage) as the check
    advances (the CLI draws a bar with it).

    >>> from factcheck import Document
    >>> a = Document(id="a", outlet="AP", body="Officials said 12 people were killed on Monday.")
    >>> b = Document(id="b", outlet="BBC", body="Police said 40 people were killed on Monday.")
    >>> [p.label for p in check([a, b]).conflicts[0].positions]
    ['12', '40']
    """
    settings = settings or Settings()
    ledger = ledger if ledger is not None else settings.ledger
    if ledger is not None:
        # a ledger that is not there would silently let every decided finding fail again
        if not Path(ledger).is_dir():
            raise LedgerError(str(ledger), "no such ledger folder (create it, or check without a ledger)")
        if not os.access(ledger, os.R_OK | os.X_OK):
            raise LedgerError(str(ledger), "ledger folder is not readable")
    docs, errors = gather(items)
    docs.sort(key=lambda d: d.id)
    claims, docs, failed = extract_each(docs, settings.tolerance, progress, settings.estimate_dates)
    errors.extend(failed)
    if progress is not None:
        progress(len(docs), len(docs), "comparing")
    # imported here: `factcheck extract` reads its documents through extract_each and
    # never compares them (the reconciliation and rapidfuzz: 0.07 s of its start-up)
    from .reconciliation import reconcile

    findings = reconcile(claims, settings)
    decided: list[Finding] = []
    stale: list[StaleDecision] = []
    if ledger is not None:
        from .ledger import Ledger

        book = Ledger(Path(ledger))
        findings.extend(book.check_facts(claims, settings))
        findings, decided, stale = book.apply(findings, show_all=show_all, documents=[d.id for d in docs])
    return Report(
        documents=[document_info(d) for d in docs],
        claims=len(claims),
        conflicts=findings,
        decided=decided,
        stale=stale,
        errors=[str(e) for e in errors],
        settings=settings_shown(settings),
    )


def document_info(d: Document) -> DocumentInfo:
    """What a report says of an article: its id, file, title, outlet, date at its
    precision and address."""
    return DocumentInfo.model_validate(d, from_attributes=True)


def settings_shown(settings: Settings) -> dict[str, str | float | int | bool]:
    """The settings a report records, so that a reader knows what it was run with."""
    return {
        "tolerance": settings.tolerance,
        "same_event_days": settings.same_event_days,
        "window_days": settings.window_days,
        "policy": settings.policy,
        "fail_on": settings.fail_on,
        "pairing": settings.pairing,
        "min_evidence": settings.min_evidence,
    }


def failing(report: Report, fail_on: str) -> list[Finding]:
    """Findings at or above ``fail_on`` (info, warning, error or never) that no editor has
    decided yet; another value raises :class:`~factcheck.ConfigError` naming the valid ones."""
    if check_fail_on(fail_on) == "never":
        return []
    floor = SEVERITY_RANK[fail_on]
    return [f for f in report.conflicts if f.status != "decided" and SEVERITY_RANK[f.severity] >= floor]
