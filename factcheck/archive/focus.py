"""Reconciliation focused on a draft: the findings :func:`~factcheck.reconciliation.reconcile`
gives that involve one of the draft's claims, without computing the others.

A draft is checked against hundreds of archived documents; a full reconciliation of them
pairs every archived claim with every other (thousands of findings among archived claims,
all thrown away) to keep the dozen that involve the draft. Here the reconciler's own steps
run in its own order, and each step that pairs is given only what can reach the draft:

- value findings: only the quantity keys holding a draft's claim (pairs never cross keys);
- joins of claims with an unread field: only the pairing blocks (unit and country, any
  era) of the drafts' keys (a claim joins the best quantity of its own block);
- parts and wholes, chains: only keys of an event, unit and earlier event a draft's key
  has (or, for chains, the events of its chain), which holds every pair a draft's key
  takes part in and every finding such a finding can be merged with;
- stated parts against a total: only the draft's documents (both sides are in one);
- scope (one place against several): every document, as the reconciler does.

What reads every claim (copies, main places, facilities, clocks, the single-place rule)
reads them all, as in the reconciler. ``tests/test_archive_focus.py`` checks the result
equals the filtered full reconciliation over random drafts of the dev corpora; it would
belong in the reconciler itself as a ``focus=`` argument (it calls its steps, and must
follow them when they change)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from ..config import Settings
from ..findings import Finding
from ..models import Claim
from ..reconciliation import _with_copies, _without_cycle_collection, facets_of
from ..reconciliation.checks import CHAINS, _candidates, _index, chains, merge_same_wholes, part_whole, sum_mismatches
from ..reconciliation.constraints import with_core
from ..reconciliation.copies import carried_by
from ..reconciliation.keys import UNKNOWN_EVENT, Facet
from ..reconciliation.pairing import block, joined, joins, scored
from ..reconciliation.ranking import ranked
from ..reconciliation.scope import scope_conflicts
from ..reconciliation.scoring import prior

_FAMILY = {later: held for held, laters in CHAINS.items() for later in laters}
"""Each event of a chain by the event it follows ("released" -> "held")."""


def _family(event: str) -> str:
    return _FAMILY.get(event, event)


def _involves(finding: Finding, own: set[str]) -> bool:
    return any(c.id in own for p in finding.positions for c in p.claims)


def focused_findings(drafts: Sequence[Claim], archived: Sequence[Claim], settings: Settings) -> list[Finding]:
    """The findings of ``all_findings([*drafts, *archived], settings)`` that involve a
    draft's claim, ranked among themselves (``ranking``: which are loud, in what order),
    computed without the findings among archived claims.
    ``settings.pairing`` must be ``"prior"`` (a learnt model reads every claim)."""
    if settings.pairing != "prior":
        raise ValueError("focused_findings needs the prior pairing model (settings.pairing='prior')")
    with _without_cycle_collection():
        return _focused(drafts, archived, settings)


def _focused(drafts: Sequence[Claim], archived: Sequence[Claim], settings: Settings) -> list[Finding]:
    own = {c.id for c in drafts}
    own_docs = {c.document for c in drafts}
    ordered = sorted([*drafts, *archived], key=lambda c: c.id)
    groups, facets = facets_of(ordered, settings)
    model = prior()
    grouped: dict[str, list[Facet]] = defaultdict(list)
    for f in facets.values():
        grouped[f.key].append(f)
    # a claim joins the best quantity of its own block: only the drafts' blocks matter
    # (whatever the era, so that a key a draft's can be checked against is joined as in full)
    blocks = {block(v[0])[:2] for v in grouped.values() if any(f.claim.id in own for f in v)}
    near = {k: v for k, v in grouped.items() if block(v[0])[:2] in blocks}
    found = joins(near, model, settings.same_event_days)
    by_key = {k: v for k, v in joined(grouped, found).items() if v[0].event != UNKNOWN_EVENT}
    focus = {k for k, v in by_key.items() if any(f.claim.id in own for f in v)}
    heads = [by_key[k][0] for k in focus]
    kinds = {(f.event, f.unit, f.background) for f in heads}
    families = {(_family(f.event), f.background) for f in heads}
    same_kind = {k: v for k, v in by_key.items() if (v[0].event, v[0].unit, v[0].background) in kinds}
    parts = _part_whole_scope(same_kind, focus)
    chained = {k: v for k, v in by_key.items() if (_family(v[0].event), v[0].background) in families}
    findings: dict[str, Finding] = {}
    for finding in (
        *pair_findings({k: by_key[k] for k in focus}, settings),
        *part_whole(parts, settings),
        *chains(chained, settings),
        *sum_mismatches([c for c in ordered if c.document in own_docs], facets, settings),
        *scope_conflicts(ordered, facets, settings),
    ):
        findings.setdefault(finding.id, finding)
    copies: dict[str, list[str]] = {doc: group for group in carried_by(groups) for doc in group}
    out = [
        with_core(scored(_with_copies(f, copies), facets, model, settings), settings.tolerance)
        for f in merge_same_wholes(list(findings.values()))
        if _involves(f, own)
    ]
    return ranked(out, settings)


_RANK = {"error": 0, "warning": 1, "info": 2}


def finding_order(f: Finding) -> tuple[int, float, str, str, str]:
    """The reconciler's order of findings: severity, strength (strongest first), topic,
    kind, id. The Spark run sorts what it collects by it too."""
    return (_RANK[f.severity], -f.strength, f.topic, f.kind, f.id)


def _part_whole_scope(groups: dict[str, list[Facet]], focus: set[str]) -> dict[str, list[Facet]]:
    """The keys ``part_whole`` is given: every key that pairs with a draft's key (as part
    or as whole) and the keys it is checked against, so that each finding about a draft's
    key, and each finding one of them can be merged with (the same part against other
    wholes of one figure), is computed."""
    by_place = _index(groups)
    reach = {k: _candidates(v[0], by_place) & groups.keys() for k, v in groups.items()}
    parts = {k for k in groups if k in focus or reach[k] & focus}
    return {k: groups[k] for k in sorted(parts.union(*(reach[a] for a in parts)))}


def pair_findings(groups: dict[str, list[Facet]], settings: Settings) -> list[Finding]:
    """Value findings inside the given quantity keys (the reconciler's ``value_findings``)."""
    from ..reconciliation.pairs import value_findings

    return list(value_findings(groups, settings))
