"""Scope conflicts: one total said to be at one place by one report and spread over
several places by another.

"Inmates in a prison in Cuenca took 50 guards and seven police officers hostage" and
"seven police officers and 50 guards are held in six prisons" give the same 57 people for
the same event, but they cannot both be right about where: all 57 in one facility, or 57
across six. Neither figure is wrong on its own and the two never meet under one quantity
key (a city and a country are different places), so the check is its own: same total,
same event (or one not read), same people, one report placing them in a single place
inside the country, the other spreading them over a stated number of places there
("in six prisons", "seis centros").

How many places a figure is spread over is read from its own claim (``place_count``) or
from a count of facilities in the same sentence ("six prisons" beside the figure)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence, Set
from dataclasses import dataclass, field
from operator import attrgetter

from ..config import Settings
from ..findings import Finding
from ..intervals import Interval
from ..models import Claim
from .classify import Verdict
from .identity import facility_kind, is_person, subject_classes, subject_relation
from .keys import UNKNOWN_EVENT, Facet
from .pairs import has_focus, pair_finding, topic_of
from .positions import claim_interval
from .timeline import days_apart

_ID = attrgetter("id")

SINGLE_KINDS = frozenset({"facility", "city"})
"""Places that hold one group of people: a facility, or a city named as where it is."""


@dataclass(frozen=True, slots=True, eq=False)
class _Group:
    """A total as one report gives it: one claim, or the parts of one phrase."""

    facets: tuple[Facet, ...]
    total: Interval
    spread: int
    """How many places the report spreads it over (1: one place or not said)."""
    spread_by: tuple[Facet, ...]
    """The claims that say over how many places ("six prisons"), where they are facets."""
    head: Facet = field(init=False)
    """The first of ``facets``, kept as a field: matching reads it millions of times."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "head", self.facets[0])

    @property
    def events(self) -> frozenset[str]:
        return frozenset(f.event for f in self.facets if f.event != UNKNOWN_EVENT)

    @property
    def classes(self) -> frozenset[str]:
        return subject_classes(" and ".join(sorted(frozenset().union(*(f.classes for f in self.facets)))))

    @property
    def document(self) -> str:
        return self.head.document


def _groups(claims: Sequence[Claim], facets: dict[str, Facet], settings: Settings) -> list[_Group]:
    return [g for d in _drafts(claims, facets) if (g := _group(d, facets, settings)) is not None]


_Draft = tuple[list[Facet], list[Claim], int]
"""A total's facets (in text order), the claims counting places in its sentence, and over
how many places it is spread: what decides its kind, before its figure is added up."""


def _drafts(claims: Sequence[Claim], facets: dict[str, Facet], spread_only: bool = False) -> list[_Draft]:
    """The totals' drafts, in ``scope_totals``' order; with ``spread_only``, only those of
    spread totals (``_spread_total``), in the same order: a single claim placed once, in a
    sentence that counts no places, is spread over one place and is not drafted."""
    # per sentence, the claims that count facilities ("six prisons"), found in the same pass
    # over the claims (each claim read once): a single total whose place count is not
    # stated waits for every sentence's count
    counts: dict[tuple[str, int], list[Claim]] = defaultdict(list)
    by_parts: dict[str, list[Facet]] = defaultdict(list)
    singles: list[tuple[Facet, tuple[str, int] | None]] = []
    for c in claims:
        q = c.quantity
        subject = c.subject_class or c.subject
        if q.value is None or q.value <= 1 or facility_kind(subject or ""):
            if subject and q.value is not None and q.value > 1 and q.unit is None and facility_kind(subject):
                counts[(c.document, c.sentence_start)].append(c)
            continue
        f = facets.get(c.id)
        if f is None or f.anchor is not None or f.unit is not None or f.background is not None or f.era:
            continue
        if c.parts_group:
            by_parts[c.parts_group].append(f)
        elif not spread_only or (c.place_count or 1) > 1:
            singles.append((f, None))
        else:
            singles.append((f, (c.document, c.sentence_start)))
    out = []
    kept = [f for f, at in singles if at is None or at in counts]
    for members in [*by_parts.values(), *([f] for f in kept)]:
        if len(members) > 1:
            members.sort(key=lambda f: f.claim.quantity.start)
        head = members[0].claim
        by = counts.get((head.document, head.sentence_start), [])
        stated = max((f.claim.place_count or 1 for f in members), default=1)
        spread = max([stated, *(int(c.quantity.value or 1) for c in by)])
        if spread_only and not _spread_total(members[0], spread):
            continue
        out.append((members, by, spread))
    return out


def _group(draft: _Draft, facets: dict[str, Facet], settings: Settings) -> _Group | None:
    """The total of a draft, or None when it is neither kind of total a scope conflict sets
    against the other."""
    members, by, spread = draft
    if not (_spread_total(members[0], spread) or _single_total(members, spread)):
        return None
    total = Interval.point(0)
    for f in members:
        total = total + claim_interval(f.claim, settings.tolerance)
    by_facets = tuple(facets[c.id] for c in by if c.id in facets) if spread > 1 else ()
    return _Group(tuple(members), total, spread, by_facets)


def _people(g: _Group) -> bool:
    """Every subject class of the total is of people."""
    return all(is_person(c) for c in g.classes)


def _spread_total(head: Facet, spread: int) -> bool:
    """A total spread over several places of a wider area (not at a facility or a city)."""
    return spread > 1 and (head.place is None or head.place.kind not in SINGLE_KINDS)


def _single_total(members: Sequence[Facet], spread: int) -> bool:
    """A total the text places at one facility or city, every part of it there."""
    place = members[0].place
    return (
        spread == 1
        and place is not None
        and place.stated
        and place.kind in SINGLE_KINDS
        and all(f.place is place or f.place == place for f in members)
    )


def _country(f: Facet) -> str | None:
    p = f.place
    if p is None:
        return None
    return p.country or (p.name if p.kind == "country" else (p.within[-1] if p.within else None))


def scope_totals(claims: Sequence[Claim], facets: dict[str, Facet], settings: Settings) -> list[_Group]:
    """The totals scope conflicts set against each other (one claim, or the parts of one
    phrase), in the order ``scope_conflicts`` reads them: the phrases by their first claim
    id, then the single claims by claim id. A total reads its own claims and facets, and the
    counts of places in its first claim's sentence."""
    return _groups(sorted(claims, key=lambda c: c.id), facets, settings)


def scope_conflicts(
    claims: Sequence[Claim],
    facets: dict[str, Facet],
    settings: Settings,
    focus: Set[str] | None = None,
    totals_of: Callable[[Sequence[Claim], dict[str, Facet], Settings], list[_Group]] | None = None,
) -> Iterable[Finding]:
    """Findings where one report puts a total in one place and another spreads the same
    total over several places in the same country; with ``focus`` (claim ids), only those
    where a focus claim takes part. ``totals_of``: gives ``scope_totals``' result, computed
    by the caller (an archive keeps its block's)."""
    if totals_of is None:
        # the totals made from drafts, the spread ones first: a single total is made only
        # where it can meet one (below), most of them are not, and none is drafted where
        # no total is spread
        ordered = sorted(claims, key=_ID)
        groups = [
            g for d in _drafts(ordered, facets, spread_only=True) if (g := _group(d, facets, settings)) is not None
        ]
    else:
        groups = totals_of(claims, facets, settings)
    # people, spread over places of a wider area (a country, a province), not placed at a
    # facility themselves: a facility with a count of places is a place read wrong
    spread = [g for g in groups if _spread_total(g.head, g.spread) and _people(g)]
    # a total and a spread total match only in one country: each single place meets the
    # spread totals of its country (in their order), not all of them
    by_country: dict[str, _Totals] = defaultdict(_Totals)
    for many in spread:
        if (country := _country(many.head)) is not None:
            by_country[country].add(many)
    # a single total of a country no spread total is in matches none (``_matches`` asks
    # one country first), so it is neither read nor keyed (most totals: no report spreads
    # a figure over places)
    if totals_of is None:
        # the single totals of those countries, made now (in the drafts' order)
        groups = [
            g
            for d in (_drafts(ordered, facets) if by_country else ())
            if _single_total(d[0], d[2])
            and (_country(d[0][0]) or "") in by_country
            and (g := _group(d, facets, settings)) is not None
        ]
    single = [
        g
        for g in groups
        if _single_total(g.facets, g.spread) and (_country(g.head) or "") in by_country and _people(g)
    ]
    # one finding per single place and total: every report placing the total there on one
    # side, every report spreading it on the other
    keys = {one: _key(one) for one in single}
    if focus is not None:
        # only the totals a focus claim is matched in: their finding holds every match
        hit = {g for g in [*single, *spread] if has_focus([*g.facets, *g.spread_by], focus)}
        hit_spread = [many for many in spread if many in hit]
        days = settings.same_event_days
        wanted = {
            keys[one]
            for one in single
            if any(_matches(one, many, days=days) for many in (spread if one in hit else hit_spread))
        }
        single = [one for one in single if keys[one] in wanted]
    traits = {g: _traits(g) for g in [*single, *spread]}
    # what ``_matches`` reads first, once per group: most pairs part there (copies of one
    # story, an article against itself), and the loop below meets hundreds of thousands
    reports = {g: (g.document, g.head.source, (g.head.background, g.head.era)) for g in [*single, *spread]}
    # past those, ``_matches`` reads of each total its moment, traits and figure: copies of a
    # story dated alike read the same, and each pair of such readings is matched once
    readings: dict[tuple[object, ...], int] = {}
    shape = {
        g: readings.setdefault((g.head.moment, traits[g], _bounds(g.total)), len(readings))
        for g in [*single, *spread]
    }
    seen: dict[tuple[int, int], bool] = {}
    matched: dict[tuple[str, str, str], tuple[list[_Group], list[_Group]]] = {}
    for one in single:
        totals = by_country.get(_country(one.head) or "")
        document, source, episode = reports[one]
        reading = shape[one]
        for many in totals.near(one.total) if totals is not None and one.total.lo > 1 else ():
            other = reports[many]
            if document == other[0] or source == other[1] or episode != other[2]:
                continue  # as ``_matches`` says first: one report, copies of one story, another episode
            pair = (reading, shape[many])
            found = seen.get(pair)
            if found is None:
                found = seen[pair] = _matches(one, many, traits, settings.same_event_days)
            if not found:
                continue
            ones, manys = matched.setdefault(keys[one], ([], []))
            if one not in ones:
                ones.append(one)
            if many not in manys:
                manys.append(many)
    for key in sorted(matched):
        ones, manys = matched[key]
        yield _finding(ones, manys, key, settings)


class _Totals:
    """Spread totals of one country, found by figure: those whose total can overlap a
    given interval, in the order they were added (a total of one figure is looked up
    among the figures sorted, any other is always a candidate)."""

    def __init__(self) -> None:
        self._groups: list[_Group] = []
        self._points: list[tuple[float, int]] = []
        self._others: list[int] = []
        self._sorted = True

    def add(self, g: _Group) -> None:
        lo, hi = g.total.lo, g.total.hi
        if lo == hi:
            self._points.append((lo, len(self._groups)))
            self._sorted = False
        else:
            self._others.append(len(self._groups))
        self._groups.append(g)

    def near(self, total: Interval) -> list[_Group]:
        if not self._sorted:
            self._points.sort()
            self._sorted = True
        i = bisect_left(self._points, (total.lo, -1))
        j = bisect_right(self._points, (total.hi, len(self._groups)))
        found = sorted([*(k for _, k in self._points[i:j]), *self._others])
        return [self._groups[k] for k in found]


def _key(one: _Group) -> tuple[str, str, str]:
    assert one.head.place is not None
    return (one.head.place.key, "+".join(sorted(one.classes)), one.total.describe())


def _matches(one: _Group, many: _Group, traits: dict[_Group, _Traits] | None = None, days: int | None = None) -> bool:
    """A total at one place and a total spread over places that may be the same people
    (``traits``: each group's country, events and classes, when computed once already), of
    one episode: not an earlier episode the text tells apart, nor moments more than ``days``
    apart (the same-event window)."""
    if one.document == many.document or one.head.source == many.head.source:
        return False  # one report, or copies of one story
    if (one.head.background, one.head.era) != (many.head.background, many.head.era):
        return False  # "the riots of April in four prisons" against today's total
    apart = days_apart(one.head.moment, many.head.moment)
    if days is not None and apart is not None and apart > days:
        return False
    country, one_events, one_classes = traits[one] if traits else _traits(one)
    many_country, many_events, many_classes = traits[many] if traits else _traits(many)
    if country is None or country != many_country:
        return False
    if one_events and many_events and not (one_events & many_events):
        return False
    if not (one_events or many_events):
        return False  # nothing says what happened to either
    if subject_relation(one_classes, many_classes) != "same":
        return False
    return one.total.overlaps(many.total) and one.total.lo > 1


_Traits = tuple[str | None, frozenset[str], frozenset[str]]


def _bounds(iv: Interval) -> tuple[float | None, float | None, bool, bool]:
    return (iv.low, iv.high, iv.low_open, iv.high_open)


def _traits(g: _Group) -> _Traits:
    return (_country(g.head), g.events, g.classes)


def _finding(ones: list[_Group], manys: list[_Group], key: tuple[str, str, str], settings: Settings) -> Finding:
    head = ones[0]
    where = head.head.place.name if head.head.place and head.head.place.name else "one place"
    places = max(g.spread for g in manys)
    rule = f"the same total is said to be in {where} alone and across {places} places"
    dated = any(
        (apart := days_apart(a.head.moment, b.head.moment)) is not None and apart <= settings.same_event_days
        for a in ones
        for b in manys
    )
    if dated:
        verdict = Verdict("conflict", "warning", rule, (f"{places} places against one",))
    else:
        # unknown order is uncertainty: an undated report may tell of an earlier episode
        notes = (f"{places} places against one", "nothing dates the two reports to one episode")
        verdict = Verdict("conflict", "info", rule, notes, weak=True)
    one_side = [f for g in ones for f in g.facets]
    many_side: list[Facet] = []
    for g in manys:
        many_side.extend(f for f in (*g.facets, *g.spread_by) if f not in many_side)
    return pair_finding(
        "scope_conflict",
        "scope|" + "|".join(key),
        f"{topic_of(head.head)} / {topic_of(manys[0].head)}",
        verdict,
        (head.total, one_side),
        (manys[0].total, many_side),
        settings,
        roles=("parts", "parts"),
    )
