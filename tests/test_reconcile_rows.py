"""Reconciliation steps made cheaper (issue 22, fourteenth pass) held to what they did
before: each faster path against the plain one it replaced, written out here as the
reference, on the dev corpora from ../shared (the seeds where absent).

The synthetic million of ``benchmarks/scaling.py`` checks the same by its findings' hash
(docs/accuracy.md, "Reconciliation at scale, fourteenth pass")."""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict
from collections.abc import Sequence, Set
from dataclasses import replace

import pytest
from conftest import corpus_claims

from factcheck import Settings
from factcheck.models import Claim, Place
from factcheck.reconciliation import main_places, own_facets, quantities
from factcheck.reconciliation.checks import CHAINS_LATER, _by_classes, _head, _heads, _held, _Made, _related_subjects
from factcheck.reconciliation.clocks import with_clocks
from factcheck.reconciliation.copies import copy_groups
from factcheck.reconciliation.identity import facility_core, facility_kind, place_relation, subject_relation
from factcheck.reconciliation.keys import (
    CHAINS,
    UNKNOWN_EVENT,
    Facet,
    _place_order,
    main_places_of,
    place_tallies,
    same_facilities,
    with_clock,
    with_place,
)
from factcheck.reconciliation.pairing import joined, joins
from factcheck.reconciliation.scoring import prior


# the thirteenth pass's index of the keys by place, written out: the plain reference
def _place_names(f: Facet) -> tuple[str, ...]:
    place = f.place
    if place is None:
        return ("-",)
    own = place.name if place.name is not None else f"?{place.within[:1]}"
    return (own, *place.within)


_Kind = tuple[str | None, str, int | str | None]


def _kind(f: Facet) -> _Kind:
    return (f.unit, f.event, f.background)


def _index(
    groups: dict[str, list[Facet]], kind: bool = False, event: bool = False, only: Set[str] | None = None
) -> dict[object, list[str]]:
    # the keys by place name (and by ``_kind`` too, with ``kind``; by event, with ``event``;
    # only the keys of the events ``only`` names, with it): every key's facet read
    by_place: dict[object, list[str]] = defaultdict(list)
    for k in sorted(groups):
        f = groups[k][0]
        if only is not None and f.event not in only:
            continue
        place = f.place
        name = place.name if place and place.name is not None else f"?{place.within[:1] if place else ''}"
        by_place[(name, _kind(f)) if kind else (name, f.event) if event else name].append(k)
        if place is not None and place.kind == "facility":
            inside = f"facility-in:{place.within[:1]}"
            by_place[(inside, _kind(f)) if kind else (inside, f.event) if event else inside].append(k)
    return by_place


def _candidates(
    f: Facet, by_place: dict[object, list[str]], kind: bool = False, events: tuple[str, ...] | None = None
) -> set[str]:
    # the keys at ``f``'s place or a place containing it (of its ``_kind``, with ``kind``;
    # of one of ``events``, from an index by event)
    names: list[str] = list(_place_names(f))
    if f.place is not None and f.place.kind == "facility":
        names.append(f"facility-in:{f.place.within[:1]}")
    if events is not None:
        return {b for name in names for e in events for b in by_place.get((name, e), ())}
    k = _kind(f)
    return {b for name in names for b in by_place.get((name, k) if kind else name, ())}


@pytest.fixture(scope="module", params=["dev", "dev2", "seeds"])
def corpus(request: pytest.FixtureRequest) -> tuple[list[Claim], list[Facet], dict[str, list[Facet]]]:
    ordered = corpus_claims(request.param)
    groups = copy_groups(ordered)
    own = list(own_facets(ordered, groups, main_places(ordered)).values())
    s = Settings()
    by_key = quantities({f.claim.id: f for f in same_facilities(own)}, None, joins, prior(), s.same_event_days)
    return ordered, own, by_key


def test_related_keys_as_every_key_at_each_place(
    corpus: tuple[list[Claim], list[Facet], dict[str, list[Facet]]],
) -> None:
    # the keys filed by their heads (``_Head``) against the plain index of
    # every key by place and kind, less the measures, the other eras and the subjects that
    # neither are nor hold the key's
    _, _, by_key = corpus
    heads = _heads(by_key)
    by_place = _by_classes(heads)
    index = _index(by_key, kind=True)
    for key, facets in by_key.items():
        f = facets[0]
        if f.anchor is not None:
            assert key not in heads
            continue
        plain = {}
        for b in _candidates(f, index, kind=True):
            g = by_key[b][0]
            relation = subject_relation(f.classes, g.classes)
            if g.anchor is None and g.era == f.era and relation in ("part", "same"):
                plain[b] = relation
        assert _related_subjects(heads[key], by_place) == plain
    # a place's number stands for all that ``place_relation`` reads of it
    for x in heads.values():
        for y in list(heads.values())[:50]:
            if x.place == y.place:
                assert place_relation(x.facet.place, y.facet.place) == "same"


def test_keys_start_with_their_event(corpus: tuple[list[Claim], list[Facet], dict[str, list[Facet]]]) -> None:
    # what ``chains`` reads of a key to pass by the keys of other events (``Facet.key``)
    _, own, by_key = corpus
    for key, facets in by_key.items():
        assert all(key.startswith(f"{f.event}|") for f in facets)
    for f in own:
        assert f.key.startswith(f"{f.event}|")


def test_held_keys_as_reading_every_key(corpus: tuple[list[Claim], list[Facet], dict[str, list[Facet]]]) -> None:
    # ``chains``' index of the held keys, from their heads and passing the other keys by on
    # their first field, against the thirteenth pass's index reading every key's facet
    _, _, by_key = corpus
    heads, by_place = _held(by_key, sorted(by_key), _Made({}, {}))
    assert dict(by_place) == dict(_index(by_key, event=True, only=frozenset(CHAINS)))
    assert all(heads[k].facet is by_key[k][0] for k in heads)
    # and a released key's candidates as looked up from its facet
    made, plain = _Made({}, {}), _index(by_key, event=True, only=frozenset(CHAINS))
    for facets in by_key.values():
        f = facets[0]
        if f.event in CHAINS_LATER:
            found = {b for name in _head(f, made).names for b in by_place.get((name, "held"), ())}
            assert found == _candidates(f, plain, events=("held",))


def test_quantities_as_joined_with_nothing_moved(
    corpus: tuple[list[Claim], list[Facet], dict[str, list[Facet]]],
) -> None:
    # the groups kept in one pass, without reading a facet of each key, against
    # ``joined``'s copy less the keys whose first facet has no event
    _, own, _ = corpus
    facets = {f.claim.id: f for f in own}
    s = Settings()
    fast = quantities(facets, None, lambda *_: {}, prior(), s.same_event_days)
    grouped: dict[str, list[Facet]] = defaultdict(list)
    for f in facets.values():
        grouped[f.key].append(f)
    found = joined(grouped, {})
    plain = {k: found[k] for k in sorted(found) if found[k][0].event != UNKNOWN_EVENT}
    assert list(fast) == list(plain)
    assert all(fast[k] == plain[k] for k in plain)


def _same_facilities_plain(facets: Sequence[Facet]) -> list[Facet]:
    # ``same_facilities`` as the thirteenth pass wrote it: every facet read in each of its
    # three passes
    named: dict[str, list[Place]] = defaultdict(list)
    for f in facets:
        p = f.place
        if p is not None and p.kind == "facility" and p.name:
            named[facility_core(p.name)].append(p)
    canonical: dict[Place, Place] = {}
    for places in named.values():
        ordered = sorted(set(places), key=_place_order)
        for p in ordered:
            kind = facility_kind(p.name or "")
            fits = [
                best
                for best in ordered
                if (kind is None or facility_kind(best.name or "") in (None, kind))
                and best.within[len(best.within) - len(p.within) :] == p.within
            ]
            if fits and len({best.within for best in fits if len(best.within) >= len(fits[0].within)}) == 1:
                canonical[p] = fits[0]
    by_town: dict[tuple[str, ...], set[Place]] = defaultdict(set)
    for p in {canonical.get(p, p) for places in named.values() for p in places}:
        if p.within:
            by_town[p.within].add(p)
    for f in facets:
        p = f.place
        if p is None or p.kind != "facility" or p.name or not p.within or p in canonical:
            continue
        kind = facility_kind(p.text or "")
        there = [q for q in by_town.get(p.within, ()) if kind is None or facility_kind(q.name or "") in (None, kind)]
        if len(there) == 1:
            canonical[p] = there[0]
    out = []
    for f in facets:
        p = f.place
        if p is not None and p.kind == "facility" and (to := canonical.get(p)) is not None and to is not p:
            f = replace(f, place=to)
        out.append(f)
    return out


def test_same_facilities_as_reading_every_facet(
    corpus: tuple[list[Claim], list[Facet], dict[str, list[Facet]]],
) -> None:
    _, own, _ = corpus
    fast, plain = same_facilities(own), _same_facilities_plain(own)
    assert [(f.claim_id, f.place) for f in fast] == [(f.claim_id, f.place) for f in plain]
    # and with no facility at all: the facets as they are
    bare = [f for f in own if f.place is None or f.place.kind != "facility"]
    assert same_facilities(bare) == bare


def _main_places_plain(
    docs: Sequence[str], counts: dict[str, Counter[str]], named: dict[str, Place]
) -> dict[str, Place]:
    # ``main_places_of`` as the thirteenth pass wrote it: every tally added up first
    overall: Counter[str] = Counter()
    for tally in counts.values():
        overall.update(tally)
    out: dict[str, Place] = {}
    shared: Counter[str] = overall if overall and max(overall.values()) * 2 > sum(overall.values()) else Counter()
    for doc in docs:
        tally = counts.get(doc) or shared
        if not tally:
            continue
        name = min(tally, key=lambda n: (-tally[n], n))
        out[doc] = named.get(name) or Place(name=name, kind="country", stated=False)
    return out


def test_main_places_as_adding_every_tally_first(
    corpus: tuple[list[Claim], list[Facet], dict[str, list[Facet]]],
) -> None:
    ordered, _, _ = corpus
    docs: set[str] = set()
    counts, named = place_tallies(ordered, docs)
    assert docs == {c.document for c in ordered}
    listed = [*sorted(docs), "an article with no claim"]
    assert main_places_of(listed, counts, named) == _main_places_plain(listed, counts, named)
    assert main_places(ordered) == _main_places_plain(sorted(docs), counts, named)
    # half the articles placed nowhere: they take the others' country, if most are of one
    half = dict(list(counts.items())[: len(counts) // 2])
    assert main_places_of(listed, half, named) == _main_places_plain(listed, half, named)
    # ties between places go to the first name
    tied = {"a": Counter({"Peru": 2, "Chile": 2, "Bolivia": 1})}
    assert main_places_of(["a"], tied, {}) == _main_places_plain(["a"], tied, {})


def test_with_place_and_clock_as_replace(corpus: tuple[list[Claim], list[Facet], dict[str, list[Facet]]]) -> None:
    # the direct calls against ``dataclasses.replace``, field by field (a field added to
    # ``Facet`` and not to them fails here)
    _, own, _ = corpus
    clocked = [f for f in with_clocks(own, Settings().tolerance) if f.clock is not None]
    places = [f.place for f in own if f.place is not None]
    for f in [*own[:200], *clocked[:50]]:
        for place in (None, places[0], places[-1]):
            assert _fields(with_place(f, place)) == _fields(replace(f, place=place))
        for clock in (None, *(g.clock for g in clocked[:2])):
            assert _fields(with_clock(f, clock)) == _fields(replace(f, clock=clock))


def _fields(f: Facet) -> list[object]:
    return [getattr(f, field.name) for field in dataclasses.fields(f)]
