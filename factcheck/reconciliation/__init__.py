"""Reconciliation: from claims to findings.

Claims get a quantity key (``keys``); copies of one story are found and count as one
source (``copies``); inside a key, disjoint positions are paired and each pair classified
(``pairs``, ``classify``); across keys, parts are checked against wholes, sums against
totals and chains (released against held) (``checks``). Every finding is one pair of
sides with the rule it breaks, the evidence, and the provenance of every claim."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence, Set
from operator import attrgetter
from typing import NamedTuple

from ..config import Settings
from ..cycles import cycles_paused
from ..findings import SEVERITY_RANK, Finding
from ..models import Claim, Place
from .checks import chains, merge_same_wholes, part_whole, sum_mismatches
from .clocks import with_clocks
from .compact import shared
from .constraints import with_core
from .copies import KeptCopies, carried_by, copy_groups
from .corrections import corrected_values
from .keys import (
    UNKNOWN_EVENT,
    Facet,
    collapse_single_places,
    facet,
    inherited_anchors,
    main_places,
    placed,
    same_facilities,
)
from .pairing import Join, block, joined, joins, scored, train
from .pairkeys import one_run
from .pairs import Sides, has_focus, value_findings
from .phrase_totals import with_phrase_totals
from .ranking import ranked
from .scope import _Group as Total
from .scope import scope_conflicts
from .scoring import Model, prior
from .subsets import without_subsets
from .versions import versions

__all__ = ["Prepared", "all_findings", "reconcile"]


class Prepared(NamedTuple):
    """What ``all_findings`` can be given computed by its caller (an archive adds a draft to
    what it kept of its block): ``facets_of``'s copy groups and facets, which must equal
    ``facets_of``'s, and a function that must give ``pairing.joins``' result for the groups
    it is called with (``joins(groups, model, same_event_days)``), and one that must give
    ``scope.scope_totals``' result."""

    groups: dict[str, str]
    facets: dict[str, Facet]
    joins: Callable[[dict[str, list[Facet]], Model, int], dict[str, Join]] | None = None
    totals: Callable[[Sequence[Claim], dict[str, Facet], Settings], list[Total]] | None = None
    """Gives ``scope.scope_totals``' result for the claims and facets it is called with."""
    quantities: Callable[[Model, int], dict[str, list[Facet]]] | None = None
    """Gives ``quantities``' result (equal as a mapping) for the facets, focus and joins of
    the call, with the model and ``same_event_days`` it is called with; ``joins`` is then
    not called."""
    holding: Set[str] | None = None
    """With ``quantities``: the keys of its result that hold a focus claim, which it fills
    when called (``pairs.Sides.holding``)."""
    ordered: Sequence[Claim] | None = None
    """The claims sorted by claim id, moments left out: what the run reads them as."""
    sums: Callable[[Sequence[Claim], dict[str, Facet], Settings], Iterable[Finding]] | None = None
    """With a focus: gives ``checks.sum_mismatches``' findings for the claims and facets
    it is called with, or none where none of them involves a focus claim (the run keeps
    only those, and no finding of another kind has a sum's id)."""
    scope: Callable[[Sequence[Claim], dict[str, Facet], Settings, Set[str]], Iterable[Finding]] | None = None
    """With a focus: gives ``scope.scope_conflicts``' findings for the claims, facets,
    settings and focus it is called with, the totals as ``totals`` gives them, or none
    where none involves a focus claim (as ``sums``)."""
    versions: Callable[[dict[str, list[Facet]], Settings, Set[str] | None], Iterable[Finding]] | None = None
    """With a focus: gives ``versions.versions``' findings (for the quantities, settings
    and focus it is called with), or none where none involves a focus claim (as ``sums``)."""


def all_findings(
    claims: Sequence[Claim],
    settings: Settings | None = None,
    focus: Set[str] | None = None,
    known: Mapping[str, Facet | None] | None = None,
    copies: KeptCopies | None = None,
    prepared: Prepared | None = None,
) -> list[Finding]:
    """Every finding over ``claims``, scored and with its core, before ranking (``ranking``
    decides which are loud and in what order): what an archive check filters to a draft's
    findings before ranking those.

    With ``focus`` (a set of claim ids, say a draft's), only the findings that involve a
    focus claim, computed without the others: each step pairs only the sides that hold a
    focus claim (and what a finding about one is merged with). The result is the full
    result filtered to those findings, provided the pairing model does not depend on the
    claims (``settings.pairing = "prior"``; a learnt model reads every claim).

    ``known``: claims' own facets computed before (``keys.facet(claim)`` by claim id), which
    ``facets_of`` then only places among the others instead of computing again.
    ``prepared``: what ``facets_of`` gives for ``claims`` (the copy groups and the facets),
    and optionally the joins, computed by the caller (``Prepared``)."""
    settings = settings or Settings()
    if focus is not None and settings.pairing != "prior":
        raise ValueError("a focused reconciliation needs the prior pairing model (settings.pairing='prior')")
    with cycles_paused():
        return _reconcile(claims, settings, None if focus is None else frozenset(focus), known, copies, prepared)


def reconcile(claims: Sequence[Claim], settings: Settings | None = None) -> list[Finding]:
    """Findings over ``claims``, sorted by severity then fingerprint, identical for any
    order of the input.

    >>> from factcheck.extraction import extract_text
    >>> claims = extract_text("Minister Patiño said 443 people were killed on Tuesday. "
    ...                       "Vice Minister Fuentes said 480 people were killed on Tuesday.")
    >>> [(f.kind, f.severity, [p.label for p in f.positions]) for f in reconcile(claims)]
    [('value_conflict', 'error', ['443', '480'])]
    """
    settings = settings or Settings()
    with cycles_paused():
        out = ranked(all_findings(claims, settings), settings)
        shared(out)  # ranking's copies too (``compact``)
        return out


def facets_of(
    ordered: Sequence[Claim],
    settings: Settings,
    known: Mapping[str, Facet | None] | None = None,
    copies: KeptCopies | None = None,
) -> tuple[dict[str, str], dict[str, Facet]]:
    """The copy group of each document (its original), and each comparable claim's facet by claim
    id, with what reads every claim applied (main places, one facility named two ways,
    single places, clocks). ``ordered`` is sorted by claim id. ``known`` holds claims' own
    facets (``facet(claim)``, by claim id) computed before, say by an archive between checks,
    and ``copies`` what copy detection kept (``copies.KeptCopies``)."""
    groups = copy_groups(ordered, copies)
    return groups, block_facets(own_facets(ordered, groups, main_places(ordered), known), settings)


def own_facets(
    ordered: Sequence[Claim],
    groups: Mapping[str, str],
    defaults: Mapping[str, Place],
    known: Mapping[str, Facet | None] | None = None,
    inherited: set[str] | None = None,
) -> dict[str, Facet]:
    """Each comparable claim's facet by claim id, placed among its block (its document's copy
    group in ``groups`` and main country in ``defaults``) with what reads only its own
    document applied (measures' inherited anchors, a report's corrections, parts of a figure
    just given): the part of ``facets_of`` that a claim's document alone decides once the
    groups and main countries are known, so an archive can compute it for a draft alone.
    The facets are in claim id order, but for the measures given their article's anchor,
    which follow the others (in claim id order); ``inherited`` receives their ids."""
    facets: dict[str, Facet] = {}
    for c in ordered:
        own = known.get(c.id, c) if known else c  # the claim itself where no facet is known
        if isinstance(own, Facet) and own.claim is c:
            f: Facet | None = placed(own, groups.get(c.document), defaults.get(c.document))
        elif own is None:
            f = None  # known to assert nothing comparable
        else:
            f = facet(c, groups.get(c.document), defaults.get(c.document))
        if f is not None:
            facets[c.id] = f
    anchors = inherited_anchors(ordered, facets)
    for c in ordered if anchors else ():
        if c.id in anchors:
            # "the prison, about 20 miles (30": measured from what the article measures it from
            f = facet(c, groups.get(c.document), defaults.get(c.document), anchors[c.id])
            if f is not None:
                facets[c.id] = f
                if inherited is not None:
                    inherited.add(c.id)
    return without_subsets(corrected_values(facets))


def block_facets(facets: Mapping[str, Facet], settings: Settings) -> dict[str, Facet]:
    """``facets`` (by claim id, in claim id order) with what reads every claim of the block
    applied: one facility named two ways, single places, clocks, phrase totals."""
    return {
        f.claim_id: f
        for f in with_phrase_totals(
            with_clocks(collapse_single_places(same_facilities(list(facets.values()))), settings.tolerance),
            settings.tolerance,
        )
    }


def _reconcile(
    claims: Sequence[Claim],
    settings: Settings,
    focus: frozenset[str] | None,
    known: Mapping[str, Facet | None] | None = None,
    copy_memo: KeptCopies | None = None,
    prepared: Prepared | None = None,
) -> list[Finding]:
    # a moment (a day or clock time as a claim) is no figure to compare
    if prepared is not None and prepared.ordered is not None:
        ordered = prepared.ordered
    else:
        ordered = sorted([c for c in claims if not c.moment], key=_ID)
    groups, facets = prepared[:2] if prepared is not None else facets_of(ordered, settings, known, copy_memo)
    joining = prepared.joins if prepared is not None and prepared.joins is not None else joins
    model = train(list(facets.values()), settings.same_event_days) if settings.pairing == "learnt" else prior()
    holding = None
    if prepared is not None and prepared.quantities is not None:
        by_key = prepared.quantities(model, settings.same_event_days)
        holding = prepared.holding if focus is not None else None
    else:
        by_key = quantities(facets, focus, joining, model, settings.same_event_days)
    findings: dict[str, Finding] = {}
    # each key's sides made once for the three steps that read them
    sides = Sides(by_key, settings, holding)
    with one_run():  # each claim's signature numbered once for all the pairs judged below
        for finding in _all(
            value_findings(by_key, settings, focus, sides),
            part_whole(by_key, settings, focus, sides),
            chains(by_key, settings, focus, sides),
            # (cheap; the same parts may be in a copy)
            (sum_mismatches if focus is None or prepared is None or prepared.sums is None else prepared.sums)(
                ordered, facets, settings
            ),
            (
                scope_conflicts(ordered, facets, settings, focus, None if prepared is None else prepared.totals)
                if focus is None or prepared is None or prepared.scope is None
                else prepared.scope(ordered, facets, settings, focus)
            ),
            (versions if focus is None or prepared is None or prepared.versions is None else prepared.versions)(
                by_key, settings, focus
            ),
        ):
            # one disagreement (one id: its kind, key and figures) found twice stands as its
            # loudest reading; between two of one severity the first found stands
            kept = findings.get(finding.id)
            if kept is None or SEVERITY_RANK[finding.severity] > SEVERITY_RANK[kept.severity]:
                findings[finding.id] = finding
                shared((finding,))  # one set of field names per kind of record (``compact``)
    copies: dict[str, list[str]] = {doc: group for group in carried_by(groups) for doc in group}
    out: list[Finding] = []
    for found in merge_same_wholes(list(findings.values())):
        if focus is None or _involves(found, focus):
            out.append(with_core(scored(_with_copies(found, copies), facets, model, settings), settings.tolerance))
            shared(out[-1:])
    return out


def quantities(
    facets: Mapping[str, Facet],
    focus: Set[str] | None,
    joining: Callable[[dict[str, list[Facet]], Model, int], dict[str, Join]],
    model: Model,
    same_event_days: int,
) -> dict[str, list[Facet]]:
    """The facets by quantity key, each key's in claim id order, with the facets with an
    unread field moved into the quantity they join (``joining``: ``pairing.joins``), and
    the keys whose first facet has no event left out: what the finding steps compare.
    With ``focus``, only the focus claims' blocks are joined."""
    grouped: dict[str, list[Facet]] = defaultdict(list)
    unread: set[str] = set()  # the keys of no event (a key's facets share its event)
    for f in facets.values():
        k = f.key
        grouped[k].append(f)
        if f.event == UNKNOWN_EVENT:
            unread.add(k)
    # in key order: every step reads the keys sorted, and sorting keys already in order is
    # one pass (a million keys: 0.2 s against 0.7)
    grouped = defaultdict(list, ((k, grouped[k]) for k in sorted(grouped)))
    near: dict[str, list[Facet]] = grouped
    if focus is not None:
        # a claim joins the best quantity of its own block: only the focus claims' blocks
        # matter (whatever the era, so that a key a focus key is checked against is joined
        # as in full)
        blocks = {block(v[0])[:2] for v in grouped.values() if has_focus(v, focus)}
        near = {k: v for k, v in grouped.items() if block(v[0])[:2] in blocks}
    moves = joining(near, model, same_event_days)
    if not moves:
        # ``joined``'s groups with nothing moved, kept in one pass over ``grouped`` (in key
        # order), without reading a facet of each key (a key's facets share its event, and
        # ``unread`` holds those of none; most keys hold one facet, their list as it is)
        return {k: v if len(v) == 1 else sorted(v, key=_CLAIM_ID) for k, v in grouped.items() if k not in unread}
    found = joined(grouped, moves)
    return {k: found[k] for k in sorted(found) if found[k][0].event != UNKNOWN_EVENT}


_CLAIM_ID = attrgetter("claim_id")
_ID = attrgetter("id")


def _involves(finding: Finding, focus: Set[str]) -> bool:
    return any(c.id in focus for p in finding.positions for c in p.claims)


def _with_copies(finding: Finding, copies: dict[str, list[str]]) -> Finding:
    """The finding with the copy groups its documents belong to, for the report."""
    docs = {c.document for p in finding.positions for c in p.claims}
    shown = sorted({tuple(copies[d]) for d in docs if d in copies})
    return finding.model_copy(update={"copies": [list(g) for g in shown]}) if shown else finding


def _all(*iterables: Iterable[Finding]) -> Iterable[Finding]:
    for it in iterables:
        yield from it
