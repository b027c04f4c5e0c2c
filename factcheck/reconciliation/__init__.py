"""Reconciliation: from claims to findings. Groups claims about the same quantity across
articles, compares them as intervals, checks parts against wholes and sums, classifies each
disagreement, and gives every side its provenance."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..config import Settings
from ..findings import Finding
from ..models import Claim
from .checks import group, merge_equal_wholes, merge_lone_dissent, part_whole, sum_mismatches, value_conflicts
from .identity import Facet, facet

__all__ = ["reconcile"]


def reconcile(claims: Sequence[Claim], settings: Settings | None = None) -> list[Finding]:
    """Findings over ``claims``, sorted by severity then fingerprint, identical for any
    order of the input.

    >>> from factcheck.extraction import extract_text
    >>> claims = extract_text("Police said 12 people were killed on Monday. "
    ...                       "Officials said 40 people were killed on Monday.")
    >>> [(f.kind, [p.label for p in f.positions]) for f in reconcile(claims)]
    [('value_conflict', ['12', '40'])]
    """
    settings = settings or Settings()
    ordered = sorted(claims, key=lambda c: c.id)
    facets: dict[str, Facet] = {}
    for c in ordered:
        f = facet(c)
        if f is not None:
            facets[c.id] = f
    findings: dict[str, Finding] = {}
    for _, groups in sorted(group(facets.values()).items(), key=lambda kv: str(kv[0])):
        for finding in _all(value_conflicts(groups, settings), part_whole(groups, settings)):
            findings.setdefault(finding.id, finding)
    for finding in sum_mismatches(ordered, facets, settings):
        findings.setdefault(finding.id, finding)
    merged = merge_lone_dissent(merge_equal_wholes(list(findings.values()), settings), settings)
    findings = {f.id: f for f in merged}
    rank = {"error": 0, "warning": 1, "info": 2}
    return sorted(findings.values(), key=lambda f: (rank[f.severity], f.kind, f.id))


def _all(*iterables: Iterable[Finding]) -> Iterable[Finding]:
    for it in iterables:
        yield from it
