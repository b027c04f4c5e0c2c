"""Reconciliation focused on a draft: the findings :func:`~factcheck.reconciliation.reconcile`
gives that involve one of the draft's claims, without computing the others.

A draft is checked against hundreds of archived documents; a full reconciliation of them
pairs every archived claim with every other (thousands of findings among archived claims,
all thrown away) to keep the dozen that involve the draft. The reconciler's ``focus``
argument (``all_findings(claims, settings, focus=draft_claim_ids)``) pairs only the sides
that hold a draft's claim in each of its steps (value findings, parts and wholes, chains,
scope), joins only inside the drafts' pairing blocks, sums only inside the drafts'
documents, and scores only the findings that involve a draft. What reads every claim
(copies, main places, facilities, clocks, the single-place rule) reads them all, as in
the reconciler, unless the archive kept the block (``kept_block``): then those steps, the
quantities (grouping and joins) and the totals of scope conflicts are the kept ones,
updated with the draft; the claims come sorted from the kept block, the keys holding a
draft's claim from the joins, and sums and two versions of one report are made only where
the drafts' own phrases and reports give one about a draft (``Prepared``).
``tests/test_archive_focus.py`` checks the result equals the filtered full reconciliation
over random drafts of the dev corpora."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence, Set
from functools import partial

from ..config import Settings
from ..findings import Finding
from ..models import Claim
from ..reconciliation import Prepared, all_findings
from ..reconciliation.classify import judging_with
from ..reconciliation.copies import KeptCopies
from ..reconciliation.keys import Facet
from ..reconciliation.ranking import ranked
from ..reconciliation.versions import of_document, versions
from .kept_block import KeptBlock, KeptBlocks, claims_with, facets_with, kept_block
from .kept_joins import quantities_with
from .kept_pairs import judging
from .kept_totals import scope_with, sums_with, totals_with


def focused_findings(
    drafts: Sequence[Claim],
    archived: Sequence[Claim],
    settings: Settings,
    known: Mapping[str, Facet | None] | None = None,
    copies: KeptCopies | None = None,
    blocks: KeptBlocks | None = None,
) -> list[Finding]:
    """The findings of ``all_findings([*drafts, *archived], settings)`` that involve a
    draft's claim, ranked among themselves (``ranking``: which are loud, in what order),
    computed without the findings among archived claims.
    ``settings.pairing`` must be ``"prior"`` (a learnt model reads every claim); ``known``
    holds claims' own facets computed before and ``copies`` what copy detection kept
    (``all_findings``); ``blocks``: the blocks' archived claims prepared for drafts
    (``kept_block``), where the block's state is kept and updated with the drafts."""
    if settings.pairing != "prior":
        raise ValueError("focused_findings needs the prior pairing model (settings.pairing='prior')")
    own = {c.id for c in drafts}
    kept = None
    if blocks is not None and copies is not None:
        kept = _prepared(drafts, archived, known, copies, blocks, settings)
    if kept is None:
        found = all_findings([*drafts, *archived], settings, focus=own, known=known, copies=copies)
    else:
        # the pairs of archived claims judged at an earlier check of the block are not judged again
        with judging_with(judging(kept[1].pairs, own)):
            found = all_findings(
                [*drafts, *archived], settings, focus=own, known=known, copies=copies, prepared=kept[0]
            )
    return ranked(found, settings)


def _prepared(
    drafts: Sequence[Claim],
    archived: Sequence[Claim],
    known: Mapping[str, Facet | None] | None,
    copies: KeptCopies,
    blocks: KeptBlocks,
    settings: Settings,
) -> tuple[Prepared, KeptBlock] | None:
    """``facets_of`` of the drafts and the archived claims from the archived block's kept
    state (made and kept on its second check), and the joins from the archived facets' kept
    joins; or None to compute them in full: on a block's first check, when a document of the
    block has no content hash to key it by, or when the drafts change what cannot be updated
    exactly."""
    docs = {c.document for c in archived}
    if not docs <= copies.digests.keys():
        return None
    key = frozenset((d, copies.digests[d]) for d in docs)
    kept = blocks.get(key)
    if kept is None:
        if not blocks.seen(key) or not blocks.fits(len(archived)):
            # a block is prepared the second time it is read (``KeptBlocks``), and only if
            # it would be kept: one too large was prepared and dropped at every check
            return None
        kept = kept_block(sorted(archived, key=lambda c: c.id), known, copies, settings.tolerance)
        blocks.put(key, kept)
    found = facets_with(kept, drafts, settings, copies)
    if found is None:
        return None
    groups, facets = found
    own = frozenset(c.id for c in drafts)
    holding: set[str] = set()
    return Prepared(
        groups,
        facets,
        totals=partial(totals_with, kept.totals, drafts),
        quantities=partial(quantities_with, kept.joins, facets, own, holding=holding),
        holding=holding,
        ordered=claims_with(kept, drafts),
        sums=partial(sums_with, kept.totals, drafts),
        scope=partial(scope_with, kept.totals, drafts),
        versions=partial(_versions_with, frozenset(c.document for c in drafts), holding),
    ), kept


def _versions_with(
    docs: Set[str], holding: Set[str], groups: dict[str, list[Facet]], settings: Settings, focus: Set[str] | None
) -> Iterable[Finding]:
    """``versions(groups, settings, focus)`` where one of its findings involves a draft's
    claim, and none otherwise (``Prepared.versions``): a finding of two versions is of one
    report's sentences, so one involving a draft's claim is a draft's, made from the
    drafts' facets, which are in the keys that hold a focus claim (``holding``: every claim
    of a draft is one). Only if a draft's report gives one are all made, as the full run
    makes them."""
    rows: dict[str, list[tuple[int, str, Facet]]] = defaultdict(list)
    for key in sorted(holding):
        for f in groups[key]:
            if f.claim.document in docs:
                rows[f.claim.document].append((f.claim.sentence_start, key, f))
    if not any(next(iter(of_document(r, settings)), None) is not None for r in rows.values()):
        return []
    return versions(groups, settings, focus)


_RANK = {"error": 0, "warning": 1, "info": 2}


def finding_order(f: Finding) -> tuple[int, float, str, str, str]:
    """The reconciler's order of findings: severity, strength (strongest first), topic,
    kind, id. The Spark run sorts what it collects by it too."""
    return (_RANK[f.severity], -f.strength, f.topic, f.kind, f.id)
