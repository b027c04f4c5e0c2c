"""The claims of a finding as constraints, and the smallest set of them that cannot all hold.

Each claim bounds a quantity: "at least 48 dead" says the death toll is 48 or more,
"nearly 30 held" that it is 30 at most. A finding says how the quantities of
its sides relate, and each relation is a linear constraint:

* one quantity (``value_conflict``): every claim of both sides bounds the same number (two
  versions of one report's figures, ``versions``: one number per quantity they give);
* a part and its whole (``part_exceeds_whole``), or those released and those held
  (``chain_exceeds``): part <= whole;
* stated parts and their total (``sum_mismatch``): the parts add up to the total;
* one group at one place and the same group spread over N places (``scope_conflict``):
  each of the other N - 1 places holds someone, so the group at the one place is at
  most the total less N - 1.

Counts are whole numbers and never negative; measures are real numbers. Whether the constraints can all hold is
decided by interval propagation (each constraint narrows the range of each number in it
until nothing changes or a range is empty), which is exact for the small systems a
finding makes and can be followed step by step by an editor.

The **core** of a finding is a smallest set of its claims that cannot all hold: take
every claim, and drop each in turn when the rest still cannot all hold. What remains is
irreducible: remove any one claim and the others can all be true. Two claims for a
value conflict ("44" vs "53"), three for a part and two wholes or a sum ("50 + 7" vs
"57 across six prisons" needs the count of prisons too). A dropped claim leaves its
number free (a part no claim bounds may be anything from zero up)."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import chain

from ..findings import Finding
from ..models import Claim
from .identity import facility_kind
from .positions import claim_interval

ROUNDS = 64
"""Propagation passes at most: each pass narrows every range it can; a finding's system
settles in a few."""

EPS = 1e-9


@dataclass(frozen=True, slots=True)
class Linear:
    """low <= sum(coef * var) <= high over named numbers (None: unbounded)."""

    terms: tuple[tuple[str, float], ...]
    low: float | None = None
    high: float | None = None


@dataclass(slots=True)
class System:
    """Numbers (each a count, whole and never negative, or a measure), the claims that bound them, and the
    linear constraints between them."""

    whole: dict[str, bool] = field(default_factory=dict)
    bounds: list[tuple[str, str, float, float]] = field(default_factory=list)
    """(claim id, number, low, high), closed: an open end is moved inward."""
    relations: list[Linear] = field(default_factory=list)

    def number(self, name: str, whole: bool = True) -> str:
        self.whole.setdefault(name, whole)
        return name

    def bound(self, claim: Claim, name: str, tolerance: float) -> None:
        """Bound a number by what a claim says of it."""
        iv = claim_interval(claim, tolerance)
        whole = self.whole.get(name, True)
        low = -math.inf if iv.low is None else float(iv.low)
        high = math.inf if iv.high is None else float(iv.high)
        if whole:
            if math.isfinite(low):
                low = low + 1 if iv.low_open and low.is_integer() else math.ceil(low - EPS)
            if math.isfinite(high):
                high = high - 1 if iv.high_open and high.is_integer() else math.floor(high + EPS)
        else:
            span = max(abs(low) if math.isfinite(low) else 0.0, abs(high) if math.isfinite(high) else 0.0, 1.0)
            low = low + span * EPS if iv.low_open else low
            high = high - span * EPS if iv.high_open else high
        self.bounds.append((claim.id, name, low, high))

    def claims(self) -> list[str]:
        """The ids of the claims that bound a number, each once, in order."""
        return list(dict.fromkeys(c for c, *_ in self.bounds))


def holds(system: System, without: Iterable[str] = ()) -> bool:
    """Whether every constraint and every claim's bound (but those of ``without``) can
    hold at once."""
    skip = set(without)
    ranges: dict[str, list[float]] = {n: _free(system, n) for n in system.whole}
    for cid, name, low, high in system.bounds:
        if cid in skip:
            continue
        r = ranges.setdefault(name, _free(system, name))
        r[0], r[1] = max(r[0], low), min(r[1], high)
    return _propagated(system, ranges)


SYMMETRIC = 8
"""Relations at least, in a system of counts, from which on those that are copies of one
another (``_distinct``) are propagated once: a scope conflict over copies of one story has
a relation per copy of a list of parts, 300 at 5,000 articles, and its core propagated
them all at each of its 1,200 claims."""


def _private(system: System) -> frozenset[str] | None:
    """The numbers that appear in one term of one relation only (a part of a list), when
    the system has ``SYMMETRIC`` relations or more and all its numbers are counts; else
    None (propagate every relation)."""
    if len(system.relations) < SYMMETRIC or not all(system.whole.values()):
        return None
    seen: dict[str, int] = defaultdict(int)
    for rel in system.relations:
        for name, _ in rel.terms:
            seen[name] += 1
    return frozenset(n for n, k in seen.items() if k == 1 and system.whole.get(n, True))


def _distinct(system: System, ranges: dict[str, list[float]], private: frozenset[str]) -> list[Linear]:
    """The relations, but for any that is a copy of one before it: the same bounds and
    coefficients over the same shared numbers, and numbers of its own (``private``) whose
    ranges are those of the other's, term by term. Swapping the two relations' own numbers
    maps the system and the ranges onto themselves, so the ranges the propagation settles
    at (for counts, whole numbers narrowed until nothing changes, the same whatever the
    order) are swapped too: the copy's own numbers end as the other's, the shared numbers
    as without the copy, and the constraints can hold with the copy exactly when without
    it."""
    kept: dict[tuple[object, ...], Linear] = {}
    for rel in system.relations:
        shape: list[object] = [rel.low, rel.high]
        for name, coef in rel.terms:
            if name in private:
                r = ranges.get(name)
                shape.append((coef, None) if r is None else (coef, r[0], r[1]))
            else:
                shape.append((coef, name))
        kept.setdefault(tuple(shape), rel)
    return list(kept.values())


def _propagated(system: System, ranges: dict[str, list[float]], private: frozenset[str] | None = None) -> bool:
    """Whether the constraints can hold with each number in its range (narrowed in place,
    but for the numbers of relations that copy another, ``_distinct``, given the numbers of
    one relation only, ``_private``)."""
    if not system.relations:  # one round that narrows nothing
        return not any(r[0] > r[1] + EPS for r in ranges.values())
    relations = system.relations if private is None else _distinct(system, ranges, private)
    for _ in range(ROUNDS):
        if any(r[0] > r[1] + EPS for r in ranges.values()):
            return False
        changed = False
        for rel in relations:
            terms = rel.terms
            # each term's range, looked up once per relation (the lists themselves: a term
            # narrowed below is read narrowed by the terms after it)
            held = [ranges[n] if n in ranges else ranges.setdefault(n, _free(system, n)) for n, _ in terms]
            for i, (name, coef) in enumerate(terms):
                rest_min = rest_max = 0.0
                for j, (_, c) in enumerate(terms):
                    if j == i:
                        continue
                    lo, hi = held[j]
                    a, b = c * lo, c * hi
                    # min(a, b) and max(a, b), written out
                    rest_min += b if b < a else a
                    rest_max += b if b > a else a
                # low - rest_max <= coef * x <= high - rest_min
                lo_t = -math.inf if rel.low is None or math.isinf(rest_max) else rel.low - rest_max
                hi_t = math.inf if rel.high is None or math.isinf(rest_min) else rel.high - rest_min
                if coef < 0:
                    lo_t, hi_t = -hi_t, -lo_t
                    coef = -coef
                new_lo, new_hi = lo_t / coef, hi_t / coef
                r = held[i]
                if system.whole.get(name, True):
                    new_lo = math.ceil(new_lo - EPS) if math.isfinite(new_lo) else new_lo
                    new_hi = math.floor(new_hi + EPS) if math.isfinite(new_hi) else new_hi
                if new_lo > r[0] + EPS:
                    r[0], changed = new_lo, True
                if new_hi < r[1] - EPS:
                    r[1], changed = new_hi, True
                if r[0] > r[1] + EPS:
                    return False
        if not changed:
            return True
    return not any(r[0] > r[1] + EPS for r in ranges.values())


def _free(system: System, name: str) -> list[float]:
    """The range of a number no claim bounds: a count is zero or more; a measure (a
    temperature, a change) may be anything."""
    return [0.0, math.inf] if system.whole.get(name, True) else [-math.inf, math.inf]


def core(system: System, prefer: Collection[str] = ()) -> list[str]:
    """A smallest set of claims that cannot all hold (empty when all can): every claim,
    less each one whose removal leaves the rest still impossible, tried from the last
    claim to the first so the first claims of each side stand for it, and the claims of
    ``prefer`` last, so that they stand for it where they can (one report's own two
    figures prove more than two reports' do)."""
    kept = system.claims()
    if holds(system):
        return []
    tries = [c for c in reversed(kept) if c not in prefer] + [c for c in reversed(kept) if c in prefer]
    return _deleted(system, kept, tries)


def _deleted(system: System, kept: list[str], tries: list[str]) -> list[str]:
    """``kept`` less each claim of ``tries`` (in turn) without which the others still
    cannot all hold: what asking ``holds`` once per claim gives, without reading every
    bound at each try. A number's range is its free range cut by the highest lower bound
    and the lowest upper bound of the claims still in, read off bounds sorted once (a
    claim gone is skipped for good, the one tried for that try), then narrowed by the
    constraints as ``holds`` does: linear in the claims but for sorting, where asking
    ``holds`` each time was quadratic in a side's claims."""
    names = list(dict.fromkeys([*system.whole, *(name for _, name, _, _ in system.bounds)]))
    # each number's bounds in the order given (one pass: a system of many numbers has as
    # many claims), then sorted, ties in that order
    lows: dict[str, list[tuple[float, str]]] = {n: [] for n in names}
    highs: dict[str, list[tuple[float, str]]] = {n: [] for n in names}
    for cid, m, lo, hi in system.bounds:
        lows[m].append((-lo, cid))
        highs[m].append((hi, cid))
    for n in names:
        lows[n].sort(key=_bound_value)
        highs[n].sort(key=_bound_value)
    start = {n: [0, 0] for n in names}
    free = {n: _free(system, n) for n in names}
    gone: set[str] = set()

    def first(entries: list[tuple[float, str]], at: int, trying: str | None) -> tuple[int, float | None]:
        # from ``at`` on, past the claims gone for good; then the first other than ``trying``
        while at < len(entries) and entries[at][1] in gone:
            at += 1
        i = at
        while i < len(entries) and (entries[i][1] in gone or entries[i][1] == trying):
            i += 1
        return at, entries[i][0] if i < len(entries) else None

    def leads(entries: list[tuple[float, str]], at: list[int], side: int, cid: str) -> bool:
        # whether ``cid`` is the first bound still in (past the claims gone for good)
        i = at[side]
        while i < len(entries) and entries[i][1] in gone:
            i += 1
        at[side] = i
        return i < len(entries) and entries[i][1] == cid

    bounded: dict[str, list[str]] = defaultdict(list)  # claim id -> the numbers it bounds
    for cid, name, _, _ in system.bounds:
        if name not in bounded[cid]:
            bounded[cid].append(name)

    def narrowed(n: str, trying: str | None) -> list[float]:
        # the range of ``n`` from the claims still in but ``trying``
        lo_free, hi_free = free[n]
        at = start[n]
        at[0], low = first(lows[n], at[0], trying)
        at[1], high = first(highs[n], at[1], trying)
        return [
            lo_free if low is None else max(lo_free, -low),
            hi_free if high is None else min(hi_free, high),
        ]

    # each number's range from the claims still in, made again only for the numbers of a
    # claim gone: a try differs from it only at the numbers the claim tried bounds (a
    # system of many numbers, copies of a list of parts, read them all at each try)
    held: dict[str, tuple[float, float]] = {}
    # tries that start from the same ranges end the same (copies of a story: a claim's
    # copies still bound the number when it is tried): propagated once per start
    ended: dict[tuple[float, ...], bool] = {}
    private = _private(system)  # relations that copy one another propagated once
    for cid in tries:
        # the claims still in cannot all hold (so it began, and a claim goes only when the
        # rest still cannot): a claim that gives no number its tightest bound leaves every
        # range as it is, so without it they still cannot, and it goes without propagating
        # (most of a side's claims, where copies repeat one figure)
        own = bounded[cid]
        if not any(leads(lows[n], start[n], 0, cid) or leads(highs[n], start[n], 1, cid) for n in own):
            gone.add(cid)
            for n in own:
                held.pop(n, None)
            continue
        ranges: dict[str, list[float]] = {}
        for n in names:
            if n in own:
                ranges[n] = narrowed(n, cid)
                continue
            kept_range = held.get(n)
            if kept_range is None:
                r = narrowed(n, None)
                kept_range = held[n] = (r[0], r[1])
            ranges[n] = [kept_range[0], kept_range[1]]
        begin = tuple(chain.from_iterable(ranges.values()))
        holds_without = ended.get(begin)
        if holds_without is None:
            holds_without = ended[begin] = _propagated(system, ranges, private)
        if not holds_without:
            gone.add(cid)  # the others still cannot all hold without it
            for n in own:
                held.pop(n, None)
    return [c for c in kept if c not in gone]


def _bound_value(entry: tuple[float, str]) -> float:
    return entry[0]


def irreducible(system: System, claims: Sequence[str]) -> bool:
    """The claims cannot all hold, and without any one of them the rest can."""
    everything = set(system.claims())
    only = set(claims)
    if holds(system, without=everything - only):
        return False
    return all(holds(system, without=(everything - only) | {c}) for c in only)


def system_of(finding: Finding, tolerance: float) -> System | None:
    """The constraints a finding's claims and kind make; None for a kind with no
    constraint of its own (a vetted fact is the editor's word, not the text's)."""
    s = System()
    sides = finding.positions
    if len(sides) < 2:
        return None
    if finding.kind == "value_conflict" and sides[0].role == "parts":
        # two versions of one report's figures (``versions``): one number per quantity
        for p in sides:
            for c in p.claims:
                s.bound(c, s.number(_quantity_of(c), _whole([c])), tolerance)
        return s
    if finding.kind == "value_conflict":
        whole = _whole([c for p in sides for c in p.claims])
        q = s.number("q", whole)
        for p in sides:
            for c in p.claims:
                s.bound(c, q, tolerance)
        return s
    if finding.kind in ("part_exceeds_whole", "chain_exceeds"):
        part = s.number("part", _whole(sides[0].claims))
        whole_ = s.number("whole", _whole(sides[1].claims))
        for c in sides[0].claims:
            s.bound(c, part, tolerance)
        for c in sides[1].claims:
            s.bound(c, whole_, tolerance)
        s.relations.append(Linear(((part, 1.0), (whole_, -1.0)), high=0.0))
        return s
    if finding.kind == "sum_mismatch":
        terms: list[tuple[str, float]] = []
        for i, c in enumerate(sides[0].claims):
            terms.append((s.number(f"part{i}", _whole([c])), 1.0))
            s.bound(c, terms[-1][0], tolerance)
        total = s.number("total", _whole(sides[1].claims))
        for c in sides[1].claims:
            s.bound(c, total, tolerance)
        s.relations.append(Linear((*terms, (total, -1.0)), low=0.0, high=0.0))
        return s
    if finding.kind == "scope_conflict":
        one = _group_total(s, "one", sides[0].claims, tolerance)
        many = _group_total(s, "many", sides[1].claims, tolerance)
        places = s.number("places")
        s.relations.append(Linear(((places, 1.0),), low=1.0))
        for c in sides[1].claims:
            if _counts_places(c):
                s.bound(c, places, tolerance)
        # the group at the one place, plus someone at each of the other places, is at most
        # the group across them all: one + (places - 1) <= many
        s.relations.append(Linear(((one, 1.0), (places, 1.0), (many, -1.0)), high=1.0))
        return s
    return None


def _quantity_of(c: Claim) -> str:
    """The number a claim of a report's version of its figures bounds: what happened, to
    whom, in what unit."""
    return "|".join((c.event_class or c.event or "?", c.subject_class or c.subject or "?", c.quantity.unit or ""))


def _one_report(finding: Finding) -> set[str]:
    """The claims of documents that stand on two sides of the finding: the report
    contradicts itself."""
    sides: dict[str, set[int]] = defaultdict(set)
    for i, p in enumerate(finding.positions):
        for c in p.claims:
            sides[c.document].add(i)
    return {c.id for p in finding.positions for c in p.claims if len(sides[c.document]) > 1}


def _group_total(s: System, name: str, claims: Sequence[Claim], tolerance: float) -> str:
    """One number for a group, and each report's figures for it: a report giving parts
    ("50 guards and seven police officers") says they add up to the group."""
    total = s.number(name)
    by_phrase: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        if _counts_places(c):
            continue
        by_phrase[c.parts_group or c.id].append(c)
    for key in sorted(by_phrase):
        members = by_phrase[key]
        if len(members) == 1:
            s.bound(members[0], total, tolerance)
            continue
        terms = []
        for i, c in enumerate(members):
            part = s.number(f"{name}:{key}:{i}")
            s.bound(c, part, tolerance)
            terms.append((part, 1.0))
        s.relations.append(Linear((*terms, (total, -1.0)), low=0.0, high=0.0))
    return total


def _counts_places(c: Claim) -> bool:
    return bool(facility_kind(c.subject_class or c.subject or ""))


def _whole(claims: Sequence[Claim]) -> bool:
    """Counts (no unit) are whole numbers; measures are not."""
    return all(c.quantity.unit is None for c in claims)


CAN_ALL_HOLD = "its claims can all hold together"
"""The note on a finding whose claims, under the relation its kind states, are not in
conflict after all (15 released against 137 held weeks before): shown at info."""


def with_core(finding: Finding, tolerance: float) -> Finding:
    """The finding with its core (see ``core``). A conflict whose claims can all hold is
    no conflict: it is kept, at info, with the reason; an update keeps an empty core,
    since figures of two moments can all hold."""
    if finding.classification == "update":
        return finding
    system = system_of(finding, tolerance)
    if system is None:
        return finding
    found = core(system, _one_report(finding))
    if found or finding.severity == "info" or finding.classification == "possibly_different_event":
        # "perhaps two events" asks whether the figures are of one event at all (44
        # released in September, 53 held in July at the same prison), not whether they
        # add up: it stands without a core
        return finding.model_copy(update={"core": found})
    notes = [*finding.evidence.notes, CAN_ALL_HOLD]
    return finding.model_copy(
        update={"severity": "info", "evidence": finding.evidence.model_copy(update={"notes": notes})}
    )
