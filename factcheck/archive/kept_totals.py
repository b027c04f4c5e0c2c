"""The totals scope conflicts read (``reconciliation.scope.scope_totals``) kept for a
block's archived claims, and made again at a check only for the reports the draft can
change.

A total is one claim, or the parts of one phrase (``parts_group``), with its facets and
the counts of places its first claim's sentence gives: it reads its own report's claims
and facets (and, for a phrase, its parts'). So a total of the archived claims alone is the
total of the check unless its reports hold a facet the draft changed (a renamed copy
group, a place, a clock), or its phrase a part of the draft. The totals of those reports
(and of the reports their phrases reach) are made again from the check's claims and
facets; every other is the kept one. ``tests/test_archive_kept.py`` holds the result equal
to ``scope_totals``."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence, Set
from dataclasses import dataclass
from functools import partial

from ..config import Settings
from ..findings import Finding
from ..models import Claim
from ..reconciliation.checks import sum_mismatches
from ..reconciliation.keys import Facet
from ..reconciliation.pairs import has_focus
from ..reconciliation.scope import (
    _country,
    _Group,
    _people,
    _single_total,
    _spread_total,
    scope_conflicts,
    scope_totals,
)


@dataclass(frozen=True, slots=True)
class KeptTotals:
    """The totals of a block's archived claims, and what finds the reports a draft reaches."""

    tolerance: float
    final: Mapping[str, Facet]
    """The archived facets the totals were made of (``KeptStages.final``), by claim id."""
    totals: list[_Group]
    reports: list[frozenset[str]]
    """The documents each total's claims are of."""
    claims: dict[str, list[Claim]]
    """The archived claims (moments left out) by document."""
    phrases: dict[str, set[str]]
    """The documents each phrase (``parts_group``) has a part in."""
    countries: frozenset[str]
    """The countries of the totals of people spread over places (``scope_with``)."""


def kept_totals(ordered: Sequence[Claim], final: Mapping[str, Facet], settings: Settings) -> KeptTotals:
    """The totals of a block's archived claims (``ordered``: moments left out, by claim id)."""
    totals = scope_totals(ordered, dict(final), settings)
    claims: dict[str, list[Claim]] = defaultdict(list)
    phrases: dict[str, set[str]] = defaultdict(set)
    for c in ordered:
        claims[c.document].append(c)
        if c.parts_group:
            phrases[c.parts_group].add(c.document)
    reports = [frozenset(f.claim.document for f in (*g.facets, *g.spread_by)) for g in totals]
    return KeptTotals(
        settings.tolerance, final, totals, reports, dict(claims), dict(phrases), frozenset(_spread_countries(totals))
    )


def _spread_countries(totals: Iterable[_Group]) -> set[str]:
    """The countries of the totals of people spread over places: those ``scope_conflicts``
    matches a total at one place in."""
    return {c for g in totals if _spread_total(g.head, g.spread) and _people(g) and (c := _country(g.head)) is not None}


def totals_with(
    kept: KeptTotals, drafts: Sequence[Claim], claims: Sequence[Claim], facets: dict[str, Facet], settings: Settings
) -> list[_Group]:
    """``scope_totals(claims, facets, settings)`` for a check (``claims``: the drafts' and
    the archived ones, ``facets`` the check's), from the kept totals (and the kept claims
    of the reports made again)."""
    if settings.tolerance != kept.tolerance:
        return scope_totals(claims, facets, settings)
    return sorted(sum(_totals(kept, drafts, facets, settings), []), key=_place)


def _totals(
    kept: KeptTotals, drafts: Sequence[Claim], facets: dict[str, Facet], settings: Settings
) -> tuple[list[_Group], list[_Group]]:
    """``totals_with``'s kept totals and those made again, apart (the kept tolerance)."""
    archived = kept.final
    own = {c.document for c in drafts}
    docs = set(own)
    docs.update(f.claim.document for cid, f in facets.items() if archived.get(cid) is not f and cid in archived)
    docs.update(f.claim.document for cid, f in archived.items() if cid not in facets)
    phrases = {c.parts_group for c in drafts if c.parts_group}
    # the reports a changed report's phrases reach, and theirs, until none is added
    while True:
        phrases.update(c.parts_group for d in docs - own for c in kept.claims.get(d, ()) if c.parts_group)
        reached = docs.union(*(kept.phrases.get(p, ()) for p in phrases))
        if reached == docs:
            break
        docs = reached
    # the claims of those reports (``claims``' are the drafts' and the kept block's): the
    # drafts' and the kept ones, which ``scope_totals`` sorts by claim id
    again = [c for c in drafts if c.document in docs and not c.moment]
    again += [c for d in docs - own for c in kept.claims.get(d, ())]
    made = scope_totals(again, facets, settings) if again else []
    kept_ones = [g for g, reports in zip(kept.totals, kept.reports, strict=True) if not reports & docs]
    return kept_ones, made


def scope_with(
    kept: KeptTotals,
    drafts: Sequence[Claim],
    claims: Sequence[Claim],
    facets: dict[str, Facet],
    settings: Settings,
    focus: Set[str],
) -> Iterable[Finding]:
    """``scope_conflicts(claims, facets, settings, focus)`` for a check (as ``totals_with``)
    where a total of a draft's claim can be matched, and none otherwise (``Prepared.scope``).
    Under a focus a finding is made only where a total holding a focus claim is matched
    (``scope_conflicts``' ``hit``): of a draft's report, so one made again here (a kept
    total reads archived reports alone). One spread over places can be matched with any
    total of its country; one at a single place only in a country where a total of people
    is spread (the kept ones' countries, and those of the totals made again)."""
    if settings.tolerance != kept.tolerance:
        return scope_conflicts(claims, facets, settings, focus, partial(totals_with, kept, drafts))
    kept_ones, made = _totals(kept, drafts, facets, settings)
    hit = [g for g in made if has_focus([*g.facets, *g.spread_by], focus) and _people(g)]
    countries = kept.countries | _spread_countries(made)
    if not any(
        _spread_total(g.head, g.spread) or (_single_total(g.facets, g.spread) and (_country(g.head) or "") in countries)
        for g in hit
    ):
        return []
    every = sorted([*kept_ones, *made], key=_place)
    return scope_conflicts(claims, facets, settings, focus, lambda *_: every)


def sums_with(
    kept: KeptTotals, drafts: Sequence[Claim], claims: Sequence[Claim], facets: dict[str, Facet], settings: Settings
) -> Iterable[Finding]:
    """``sum_mismatches(claims, facets, settings)`` for a check (as ``totals_with``) where
    one of its findings involves a draft's claim, and none otherwise: a focused check keeps
    only those (``Prepared.sums``). A sum's parts are one phrase's, its whole is in the
    report of the phrase's first part, so a finding involving a draft's claim is of a phrase
    a draft's claim is a part of (a whole in a draft's report follows a first part there):
    those phrases' findings are made first from the reports they have parts in (every
    part, and every claim of the reports of their first parts), and only if one involves a
    draft's claim are all made, as the full run makes them."""
    own = [c for c in drafts if not c.moment]
    phrases = {c.parts_group for c in own if c.parts_group}
    if not phrases:
        return []
    own_docs = {c.document for c in own}
    docs = set().union(*(kept.phrases.get(p, ()) for p in phrases)) - own_docs
    near = sorted([*own, *(c for d in docs for c in kept.claims.get(d, ()))], key=lambda c: c.id)
    focus = {c.id for c in own}
    found = sum_mismatches(near, {c.id: facets[c.id] for c in near if c.id in facets}, settings)
    if not any(c.id in focus for f in found for p in f.positions for c in p.claims):
        return []
    return sum_mismatches(claims, facets, settings)


def _place(g: _Group) -> tuple[int, str]:
    """Where ``scope_totals`` puts a total: phrases first, by their first claim id, then
    single claims by id."""
    if g.head.claim.parts_group:
        return (0, min(f.claim.id for f in g.facets))
    return (1, g.head.claim.id)
