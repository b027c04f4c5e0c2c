"""Reconciliation steps made cheaper (issue 22, thirteenth pass) held to what they did
before: each faster path against the plain one it replaced, written out here as the
reference, on the dev corpora from ../shared (the seeds where absent).

The synthetic million of ``benchmarks/scaling.py`` checks the same by its findings' hash
(docs/accuracy.md, "Reconciliation at scale, thirteenth pass")."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

import pytest
from conftest import corpus_claims

from factcheck import Settings
from factcheck.models import Claim, Place
from factcheck.reconciliation import main_places, own_facets, quantities
from factcheck.reconciliation.checks import _by_classes, _heads, _related_subjects, _wider
from factcheck.reconciliation.classify import classify_pair, judging_with
from factcheck.reconciliation.copies import copy_groups
from factcheck.reconciliation.keys import CASUALTIES, Facet, collapse_single_places, same_facilities
from factcheck.reconciliation.pairing import joins
from factcheck.reconciliation.pairkeys import one_run
from factcheck.reconciliation.pairs import Sides
from factcheck.reconciliation.positions import _interval, claim_interval
from factcheck.reconciliation.scoring import prior
from factcheck.reconciliation.timeline import Moment, moment, only_here


@pytest.fixture(scope="module", params=["dev", "dev2", "seeds"])
def corpus(request: pytest.FixtureRequest) -> tuple[list[Claim], list[Facet], dict[str, list[Facet]]]:
    ordered = corpus_claims(request.param)
    groups = copy_groups(ordered)
    own = same_facilities(list(own_facets(ordered, groups, main_places(ordered)).values()))
    s = Settings()
    by_key = quantities({f.claim.id: f for f in collapse_single_places(own)}, None, joins, prior(), s.same_event_days)
    return ordered, own, by_key


def _single_places_plain(facets: Sequence[Facet]) -> list[Facet]:
    """``collapse_single_places`` as written before: three passes over every facet for the
    figures, then one to rename."""
    branches: dict[tuple[str, str | None, str], set[tuple[str, ...]]] = defaultdict(set)
    country_of: dict[tuple[str, str | None, str], Place] = {}
    national: dict[tuple[str, int, str, str | None], float] = {}
    for f in facets:
        v = f.claim.quantity.value
        if f.event in CASUALTIES and f.place is not None and f.place.kind == "country" and v is not None:
            said = (f.claim.document, f.claim.sentence_start, f.event, f.unit)
            national[said] = max(v, national.get(said, v))
    for f in facets:
        p = f.place
        if p is None or f.anchor is not None or f.background is not None or f.era or f.event not in CASUALTIES:
            continue
        if p.kind == "country" and p.name:
            country_of.setdefault((f.event, f.unit, p.name), p)
            if (f.claim.place_count or 1) > 1:
                branches[(f.event, f.unit, p.name)].update({("a",), ("b",)})
        elif p.within and p.kind != "region":
            path = tuple(reversed((p.name or "?", *p.within)))
            branches[(f.event, f.unit, path[0])].add(path[1:])
            whole = national.get((f.claim.document, f.claim.sentence_start, f.event, f.unit))
            part = f.claim.quantity.value
            if only_here(f.claim) or (whole is not None and part is not None and 2 * part <= whole):
                branches[(f.event, f.unit, path[0])].update({("a",), ("b",)})
    lowest: dict[tuple[str, str | None, str], float] = {}
    highest: dict[tuple[str, str | None, str, str], float] = {}
    for f in facets:
        p, v = f.place, f.claim.quantity.value
        if f.event not in CASUALTIES or p is None or v is None:
            continue
        if p.kind == "country" and p.name:
            lowest[(f.event, f.unit, p.name)] = min(v, lowest.get((f.event, f.unit, p.name), v))
        elif p.within:
            at = (f.event, f.unit, p.within[-1], p.name or "?")
            highest[at] = max(v, highest.get(at, v))
    single = set()
    for k, paths in branches.items():
        ordered = sorted(paths, key=len)
        if all(longer[: len(shorter)] == shorter for shorter, longer in zip(ordered, ordered[1:], strict=False)):
            single.add(k)
    out = []
    for f in facets:
        p = f.place
        if p is not None and p.kind not in ("country", "region") and p.within and f.anchor is None:
            k = (f.event, f.unit, p.within[-1])
            top, floor = highest.get((*k, p.name or "?")), lowest.get(k)
            minor = top is not None and floor is not None and 2 * top < floor
            if k in single and k in country_of and f.background is None and not f.era and not minor:
                f = replace(f, place=country_of[k])
        out.append(f)
    return out


def test_single_places_as_in_four_passes(corpus: tuple[list[Claim], list[Facet], dict[str, list[Facet]]]) -> None:
    _, own, _ = corpus
    fast, plain = collapse_single_places(own), _single_places_plain(own)
    assert [(f.claim.id, f.place) for f in fast] == [(f.claim.id, f.place) for f in plain]
    # and on the facets all moved into one country's chain (each casualty placed in one town)
    town = next((f.place for f in own if f.place is not None and f.place.within), None)
    if town is not None:
        moved = [replace(f, place=town) if f.event in CASUALTIES else f for f in own]
        fast, plain = collapse_single_places(moved), _single_places_plain(moved)
        assert [(f.claim.id, f.place) for f in fast] == [(f.claim.id, f.place) for f in plain]


def test_wider_sets_as_asked_at_each_place(corpus: tuple[list[Claim], list[Facet], dict[str, list[Facet]]]) -> None:
    _, _, by_key = corpus
    heads = _heads(by_key)
    by_place = _by_classes(heads)
    every = {c for split in by_place.values() for c in split}
    for head in heads.values():
        assert _related_subjects(head, by_place, _wider(head.classes, every)) == _related_subjects(head, by_place)


def test_reach_bounds_every_pair_of_sides(corpus: tuple[list[Claim], list[Facet], dict[str, list[Facet]]]) -> None:
    _, _, by_key = corpus
    sides = Sides(by_key, Settings())
    keys = sorted(by_key)
    told = 0
    for a in keys:
        top = sides.reach(a)[0]
        for b in keys:
            if top < sides.reach(b)[1]:
                told += 1
                assert not any(iv.exceeds(w) for iv, _ in sides[a] for w, _ in sides[b])
    assert told, "some pairs are told apart by their reach"


def test_interval_kept_by_quantity(corpus: tuple[list[Claim], list[Facet], dict[str, list[Facet]]]) -> None:
    ordered, _, _ = corpus
    for c in ordered:
        assert claim_interval(c, 0.1) == _interval(c.quantity, 0.1)
        assert claim_interval(c, 0.2) == _interval(c.quantity, 0.2)
    # a copy of a claim with another figure reads its own quantity, not the first's
    c = ordered[0]
    q = c.quantity
    other = c.model_copy(update={"quantity": q.model_copy(update={"value": 12345.0, "low": 12345.0, "high": 12345.0})})
    assert claim_interval(c, 0.1) == _interval(q, 0.1)
    assert claim_interval(other, 0.1) == _interval(other.quantity, 0.1) != claim_interval(c, 0.1)


def test_moments_shared_and_equal(corpus: tuple[list[Claim], list[Facet], dict[str, list[Facet]]]) -> None:
    ordered, _, _ = corpus
    seen: dict[tuple[dt.date | None, str | None, str], Moment] = {}
    for c in ordered:
        m = moment(c)
        fields = (m.date, m.precision, m.basis)
        assert seen.setdefault(fields, m) is m  # one record per distinct moment
        if c.as_of is not None and c.as_of.date is not None:
            assert fields == (c.as_of.date, c.as_of.precision or "day", c.as_of.basis)


def test_one_claim_a_side_judged_as_every_pair(corpus: tuple[list[Claim], list[Facet], dict[str, list[Facet]]]) -> None:
    _, _, by_key = corpus
    s = Settings()
    # a judge that keeps nothing lets ``judgements`` judge the pair, as for larger sides
    plain = [(x, y) for facets in by_key.values() for x in facets[:6] for y in facets[:6] if x is not y]
    assert plain, "the corpus gives pairs to judge"
    with one_run():
        fast = [classify_pair([x], [y], s) for x, y in plain]
        with judging_with(lambda low, high, settings: None):
            slow = [classify_pair([x], [y], s) for x, y in plain]
    assert fast == slow
    assert any(f is not None for f in fast), "some pair gives a verdict"
