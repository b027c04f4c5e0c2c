"""Checking drafts against the archive: the one function the embedded run and the Spark
run share (:func:`findings_involving`), and the report ``check --archive`` prints."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..config import Settings
from ..errors import ArticleReadError, LedgerError
from ..extraction import extract_document
from ..findings import Finding, Report, StaleDecision
from ..models import Claim, Document
from ..reconciliation.copies import KeptCopies
from ..reconciliation.keys import Facet
from ..reconciliation.pairkeys import KeptJudgements, keeping
from ..report import document_info, settings_shown
from .kept_block import KeptBlocks

if TYPE_CHECKING:
    from .store import Archive


def findings_involving(
    drafts: Sequence[Claim],
    archived: Sequence[Claim],
    settings: Settings,
    known: Mapping[str, Facet | None] | None = None,
    copies: KeptCopies | None = None,
    judged: KeptJudgements | None = None,
    blocks: KeptBlocks | None = None,
) -> list[Finding]:
    """The findings of reconciling the drafts' claims with the archived ones that involve a
    draft's claim: what a folder holding both would report about the drafts, with the
    pairing model's priors (``Settings.pairing = "prior"``): a model learnt on the claims
    retrieved for one draft would weigh fields by what happened to be retrieved. Only the
    findings that can involve a draft are computed (``focus``), not those among archived
    claims. ``known``: archived claims' own facets the archive kept (:meth:`Archive.block`),
    which the reconciler then does not compute again, and ``copies``: what copy detection kept
    of the archived documents (:meth:`Archive.block`); ``judged``: verdicts on pairs of claims
    kept from earlier checks (:attr:`Archive.judged`), which the classifier looks up and adds to;
    ``blocks``: the steps over a whole block computed for its archived documents and kept
    (:attr:`Archive.blocks`), to which a check adds the drafts' documents (``kept_block``).

    >>> from factcheck.extraction import extract_text
    >>> old = extract_text("Police said 40 people were killed on Monday.", "old")
    >>> new = extract_text("Officials said 12 people were killed on Monday.", "new")
    >>> [sorted(c.document for p in f.positions for c in p.claims) for f in findings_involving(new, old, Settings())]
    [['new', 'old']]
    """
    from .focus import focused_findings

    with keeping(judged):
        return focused_findings(
            drafts, archived, settings.model_copy(update={"pairing": "prior"}), known, copies, blocks
        )


def archive_report(
    archive: Archive,
    docs: list[Document],
    errors: Sequence[ArticleReadError],
    settings: Settings,
    ledger: str | os.PathLike[str] | None,
    show_all: bool,
) -> Report:
    """The report on ``docs`` checked against ``archive``, the ledger applied."""
    ledger = ledger if ledger is not None else settings.ledger
    if ledger is not None and not Path(ledger).is_dir():
        raise LedgerError(str(ledger), "no such ledger folder (create it, or check without a ledger)")
    docs = sorted(docs, key=lambda d: d.id)
    claims: list[Claim] = [c for d in docs for c in extract_document(d, tolerance=settings.tolerance)]
    archived, known, copies = archive.block(claims, settings)
    findings = findings_involving(claims, archived, settings, known, copies, archive.judged, archive.blocks)
    decided: list[Finding] = []
    stale: list[StaleDecision] = []
    if ledger is not None:
        from ..ledger import Ledger

        book = Ledger(Path(ledger))
        findings.extend(book.check_facts(claims, settings))
        # a decision is stale only when all its documents took part: drafts and the archived ones read
        present = sorted({d.id for d in docs} | {c.document for c in archived})
        findings, decided, stale = book.apply(findings, show_all=show_all, documents=present)
    shown = {c.document for f in [*findings, *decided] for p in f.positions for c in p.claims} - {d.id for d in docs}
    infos = [document_info(d) for d in docs] + archive.document_infos(sorted(shown))
    return Report(
        documents=infos,
        claims=len(claims),
        conflicts=findings,
        decided=decided,
        stale=stale,
        errors=[str(e) for e in errors],
        settings=settings_shown(settings),
    )
