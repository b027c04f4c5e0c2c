"""The reconciler's steps over every facet of a block (``reconciliation.block_facets``: one
facility named two ways, single places, clocks, phrase totals), kept for a block's
archived facets, and a draft's facets added to them by running each step only over what
the draft can change; the others' results are the kept ones.

What each step reads across facets, and so what a draft's facets can change:

- **one facility named two ways** (``same_facilities``): a facet's place is renamed by a
  function of its own place and the set of facility places of the block; the step runs
  over one archived facet per distinct facility place and the draft's, and if it renames
  any archived place otherwise than it did, the whole block runs (``block_facets``);
- **single places** (``collapse_single_places``): a casualty figure's place joins its
  country by what the figures of its event, unit and country say (their places, the first
  record of the country); the step runs over the facets of the families (event, unit,
  outermost place) the draft's facets belong to;
- **clocks** (``with_clocks``): a facet's clock depends on its own report's facets and on
  two things read across reports, the story's toll key in each country and whether a toll
  moves (``clocks.clocks_read``); the step runs over every toll of the block, the draft's
  facets and the reports whose facets changed above (a renamed copy group too), and if the
  toll keys change, or a toll's readings change where the step could read them otherwise,
  the whole block runs;
- **phrase totals** (``with_phrase_totals``): a facet's total reads the facets of its
  phrase (``parts_group``); the step runs over the phrases of every facet it ran over
  above.

``tests/test_archive_kept.py`` holds the result equal, facet by facet and in order, to
``facets_of``."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields, replace

from ..config import Settings
from ..reconciliation import block_facets
from ..reconciliation.clocks import clocks_read, is_clock
from ..reconciliation.keys import Facet, collapse_single_places, same_facilities
from ..reconciliation.phrase_totals import with_phrase_totals

Family = tuple[str, str | None, str]
"""What ``collapse_single_places`` keys a figure by: event, unit and its outermost place."""

Readings = dict[str, set[tuple[float | None, float | None]]]


@dataclass(frozen=True, slots=True)
class KeptStages:
    """Each step's results over a block's archived facets alone, by claim id, and what a
    draft's facets are checked against."""

    tolerance: float
    facilities: dict[str, Facet]
    places: dict[str, Facet]
    clocked: dict[str, Facet]
    """``with_clocks``' results (a toll it leaves out is absent)."""
    final: dict[str, Facet]
    facility_places: list[Facet]
    """One facet per distinct facility place (as the facilities step reads them)."""
    families: dict[Family, list[str]]
    """The ids of ``facilities`` by single-place family."""
    tolls: frozenset[str]
    """The ids of ``places`` that are tolls (``is_clock``)."""
    main: set[str]
    readings: Readings
    phrases: dict[str, list[str]]
    """The ids of ``clocked`` by phrase (``parts_group``)."""


def family(f: Facet) -> Family | None:
    """The single-place family of a facet (a superset of what ``collapse_single_places``
    keys it by: the step reads every filter besides), None when it has no place."""
    p = f.place
    if p is None:
        return None
    outer = p.name if p.kind == "country" and p.name else (p.within[-1] if p.within else None)
    return None if outer is None else (f.event, f.unit, outer)


def kept_stages(facets: Mapping[str, Facet], tolerance: float) -> KeptStages:
    """The steps over every facet run over a block's archived facets (``facets``, by claim
    id, in the order ``own_facets`` gives them)."""
    first = same_facilities(list(facets.values()))
    second = collapse_single_places(first)
    tolls = [is_clock(f) for f in second]
    third, main, readings = clocks_read(second, tolerance, tolls)
    fourth = with_phrase_totals(third, tolerance)
    distinct: dict[object, Facet] = {}
    families: dict[Family, list[str]] = defaultdict(list)
    for f in facets.values():
        if f.place is not None and f.place.kind == "facility":
            distinct.setdefault(f.place, f)
    for f in first:
        if (k := family(f)) is not None:
            families[k].append(f.claim.id)
    phrases: dict[str, list[str]] = defaultdict(list)
    for f in third:
        if f.claim.parts_group:
            phrases[f.claim.parts_group].append(f.claim.id)
    return KeptStages(
        tolerance,
        {f.claim.id: f for f in first},
        {f.claim.id: f for f in second},
        {f.claim.id: f for f in third},
        {f.claim.id: f for f in fourth},
        list(distinct.values()),
        dict(families),
        frozenset(f.claim.id for f, toll in zip(second, tolls, strict=True) if toll),
        main,
        dict(readings),
        dict(phrases),
    )


def spread_with(
    kept: KeptStages,
    archived: Mapping[str, Facet],
    by_document: Mapping[str, list[str]],
    draft: Mapping[str, Facet],
    renamed: Mapping[str, str],
    settings: Settings,
    order: Sequence[str],
) -> dict[str, Facet]:
    """``block_facets`` over the archived facets (``archived``, as ``kept`` was made from)
    and the draft's, by claim id in ``order`` (the ids of both, in ``facets_of``'s order);
    ``renamed``: the archived documents whose copy group the draft renamed, with their new
    group."""
    moved = {cid: source for d, source in renamed.items() for cid in by_document.get(d, ())}

    def whole() -> dict[str, Facet]:
        every = {cid: draft[cid] if cid in draft else _sourced(archived[cid], moved.get(cid)) for cid in order}
        return block_facets(every, settings)

    if settings.tolerance != kept.tolerance:
        return whole()
    # each step's sub-run reads its facets in the order the whole run does
    position = {cid: i for i, cid in enumerate(order)}
    # one facility named two ways
    first = dict(draft)
    facilities = [f for f in draft.values() if f.place is not None and f.place.kind == "facility"]
    if facilities:
        reps = kept.facility_places
        renamed_places = same_facilities([*reps, *facilities])
        if any(o.place != kept.facilities[r.claim.id].place for r, o in zip(reps, renamed_places, strict=False)):
            return whole()
        first.update((o.claim.id, o) for o in renamed_places[len(reps) :])
    # single places: the families the draft's facets belong to
    second = dict(first)
    changed: dict[str, Facet] = {}
    touched = {k for f in first.values() if (k := family(f)) is not None}
    if touched:
        ids = sorted(
            {cid for k in touched for cid in kept.families.get(k, ())}
            | {cid for cid, f in first.items() if family(f) in touched},
            key=position.__getitem__,
        )
        sub = [first[cid] if cid in first else kept.facilities[cid] for cid in ids]
        for cid, o in zip(ids, collapse_single_places(sub), strict=True):
            if cid in first:
                second[cid] = o
            elif o.place != kept.places[cid].place:
                changed[cid] = o
    for cid, source in moved.items():
        if cid in kept.places:
            changed[cid] = _sourced(changed.get(cid, kept.places[cid]), source)
    # clocks: every toll, the draft's facets and the reports changed above
    docs = {f.claim.document for f in changed.values()}
    over = sorted(
        kept.tolls | second.keys() | {cid for d in docs for cid in by_document.get(d, ())}, key=position.__getitem__
    )
    sub = [second[cid] if cid in second else changed.get(cid) or kept.places[cid] for cid in over]
    # a kept toll whose facet is the kept one is a toll (is_clock reads the facet alone)
    tolls = [
        cid in kept.tolls and cid not in changed and cid not in second or is_clock(f)
        for cid, f in zip(over, sub, strict=True)
    ]
    clocked, main, readings = clocks_read(sub, settings.tolerance, tolls)
    if main != kept.main or _moves_otherwise(kept.readings, readings):
        return whole()
    third = {o.claim.id: o for o in clocked}
    ran = set(over)
    # phrase totals: the phrases of every facet the clocks ran over
    phrases = {f.claim.parts_group for f in third.values() if f.claim.parts_group}
    fourth: dict[str, Facet] = {}
    if phrases:
        ids = sorted(
            {cid for g in phrases for cid in kept.phrases.get(g, ())}
            | {cid for cid, f in third.items() if f.claim.parts_group in phrases},
            key=position.__getitem__,
        )
        sub = [f for cid in ids if (f := third.get(cid) if cid in ran else kept.clocked.get(cid)) is not None]
        fourth = {o.claim.id: o for o in with_phrase_totals(sub, settings.tolerance)}
    out: dict[str, Facet] = {}
    for cid in order:
        found = fourth.get(cid)
        if found is None:
            found = third.get(cid) if cid in ran else kept.final.get(cid)
            if found is None:
                continue  # a toll the clocks step leaves out
        if cid in ran or cid in fourth:
            # an archived facet the steps ran over and left as it was is the kept one, so that
            # what reads the facets next can tell the draft's changes by identity (``kept_joins``)
            before = kept.final.get(cid)
            if before is not None and before is not found and equal_facets(before, found):
                found = before
        out[cid] = found
    return out


_FIELDS = tuple(f.name for f in fields(Facet) if f.name != "claim")


def equal_facets(a: Facet, b: Facet) -> bool:
    """Facets equal field by field, of one claim (``Facet`` compares by identity)."""
    return a.claim is b.claim and all(getattr(a, n) == getattr(b, n) for n in _FIELDS)


def _sourced(f: Facet, source: str | None) -> Facet:
    return f if source is None else replace(f, source=source)


def _moves_otherwise(kept: Readings, now: Readings) -> bool:
    """Whether a toll key's readings changed where a kept clock's ``moves`` could read them
    otherwise: it reads whether the key's readings and its own hold two values or more, so
    readings of two values or more before and after leave it as it was."""
    return any(
        kept.get(key, set()) != now.get(key, set()) and (len(kept.get(key, ())) < 2 or len(now.get(key, ())) < 2)
        for key in kept.keys() | now.keys()
    )
