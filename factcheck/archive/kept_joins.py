"""Joins of facets with an unread field (``reconciliation.pairing.joins``) kept for a
block's archived facets, and recomputed at a check only where the draft can change them.

A facet with an unread field joins the best of the quantities of its pairing block whose
figures are within ``JOIN_RATIO`` of its own, judged against each quantity's first facet;
only strong quantities (their first facet read, with no anchor) are candidates, and a
candidate the facet cannot draw enough evidence from (another event or subject read on
both sides, or too little evidence possible: ``pairing._kind_bound``, ``_hopeless``) is
skipped. So its join is the one it has among the archived facets alone unless the draft
changes a strong quantity it can be judged against and draw evidence from: a quantity the
draft's facets join or start, or one whose facets the draft changed (a renamed copy group,
a place, a clock), before or after the change. Such a facet is judged again over the
check's quantities (``joins(..., heads=)``), as are the draft's own; every other keeps its
archived join, computed the first time a check needs it. An archived facet judged again,
itself and its own quantity unchanged, whose two best archived candidates (kept, from
``joins(..., leading=)``) hold no changed quantity, takes the two best of those and of the
changed quantities scored afresh, and its join is chosen from them (``_stayed``): the
other candidates read nothing the draft changed and rank below the archived two. A
quantity whose facets changed in their copy group alone (the draft joined archived copy
groups, renaming one) counts as changed only for a facet of its first facet's copy group,
before or after (``_relabelled``): a candidate's copy group is read only as equal to the
facet's or not.
``tests/test_archive_kept.py`` holds the result equal to ``joins`` over the check's
quantities."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Mapping, Set
from dataclasses import dataclass, field, fields
from typing import Literal, TypeVar

from ..reconciliation.agreement import bounds, compare
from ..reconciliation.keys import UNKNOWN_EVENT, Facet
from ..reconciliation.pairing import (
    JOIN_BITS,
    JOIN_MARGIN,
    JOIN_RATIO,
    Join,
    Shortfalls,
    _bits,
    _figures,
    _hopeless,
    _kind_bound,
    _own_report_differs,
    _peer_as_likely,
    _same_order,
    _shortfalls,
    block,
    joined,
    joins,
    weak,
)
from ..reconciliation.scoring import Model

_T = TypeVar("_T")


@dataclass(slots=True)
class KeptJoins:
    """The archived facets' quantities (by key, in claim id order, as the reconciler groups
    them) and their joins judged so far, by ``same_event_days``."""

    final: Mapping[str, Facet]
    """The archived facets the quantities are made of (``KeptStages.final``), by claim id."""
    groups: dict[str, list[Facet]]
    by_block: dict[tuple[str, str], list[str]]
    """The keys of ``groups`` by the unit and country of their first facet (``block``)."""
    unjoined: dict[str, list[Facet]]
    """``groups`` as ``reconciliation.quantities`` gives them when no facet joins another
    quantity: each key's facets in claim id order, the keys whose first has no event left out."""
    judged: dict[int, dict[str, Join | None]] = field(default_factory=dict)
    leading: dict[int, dict[str, tuple[list[tuple[float, str]], Join | None]]] = field(default_factory=dict)
    """Facets' two best candidates among the archived quantities (evidence and key, best
    first) with their archived joins, by ``same_event_days`` and claim id: made for a facet
    the first time a check judges it again (``_stays``)."""


def kept_joins(final: Mapping[str, Facet]) -> KeptJoins:
    """The quantities of a block's archived facets, ready for joins."""
    groups: dict[str, list[Facet]] = defaultdict(list)
    for f in final.values():
        groups[f.key].append(f)
    by_block: dict[tuple[str, str], list[str]] = defaultdict(list)
    for key, members in groups.items():
        by_block[_block2(members[0])].append(key)
    unjoined = {}
    for key, members in groups.items():
        ordered = sorted(members, key=lambda f: f.claim.id)
        if ordered[0].event != UNKNOWN_EVENT:
            unjoined[key] = ordered
    return KeptJoins(final, dict(groups), dict(by_block), unjoined)


def _block2(f: Facet) -> tuple[str, str]:
    """The unit and country of a facet's block: a focused run joins only inside the blocks
    of the focus claims (``reconciliation.quantities``)."""
    where = block(f)
    return where[0], where[1]


def quantities_with(
    kept: KeptJoins,
    facets: Mapping[str, Facet],
    focus: Set[str],
    model: Model,
    same_event_days: int,
    holding: set[str] | None = None,
) -> dict[str, list[Facet]]:
    """``reconciliation.quantities(facets, focus, joins, model, same_event_days)`` for a
    check's facets (the archived facets, as kept where the draft left them, and the
    draft's; ``focus``: the draft's claim ids), from the kept quantities: only the keys
    whose facets the draft changed, and those a facet joins from or into, are grouped and
    joined again; every other is the kept one. The model must be the prior one.
    ``holding`` receives the keys of the result that hold a focus claim (``Prepared.holding``)."""
    archived = kept.final
    changed: set[str] = set()
    fresh: dict[str, list[Facet]] = defaultdict(list)  # the changed facets by key
    present = 0
    for cid, f in facets.items():
        before = archived.get(cid)
        if before is not f:
            changed.add(f.key)
            fresh[f.key].append(f)
            if before is not None:
                changed.add(before.key)
                present += 1
        else:
            present += 1
    if present < len(archived):
        changed.update(f.key for cid, f in archived.items() if cid not in facets)
    # the changed keys' facets, in the order of ``facets``
    position = {cid: i for i, cid in enumerate(facets)} if changed else {}
    regrouped: dict[str, list[Facet]] = {}
    for key in changed:
        members = [f for f in kept.groups.get(key, ()) if facets.get(f.claim.id) is f]
        members += fresh.get(key, ())
        if members:
            members.sort(key=lambda f: position[f.claim.id])
            regrouped[key] = members

    def group(key: str) -> list[Facet]:
        found = regrouped.get(key)
        return kept.groups[key] if found is None else found

    # the focus claims' blocks, as ``quantities`` reads them off the keys holding one
    blocks = {_block2(regrouped[g.key][0]) for cid in focus if (g := facets.get(cid)) is not None}
    near: dict[str, list[Facet]] = {}
    for where in blocks:
        for key in kept.by_block.get(where, ()):
            if key not in changed:
                near[key] = kept.groups[key]
    for key, members in regrouped.items():
        if _block2(members[0]) in blocks:
            near[key] = members
    found = _joins_with(kept, facets, near, model, same_event_days, changed)
    # the keys a facet joins from or into are grouped again with the changed ones
    again = set(changed)
    for cid, join in found.items():
        again.add(facets[cid].key)
        again.add(join.key)
    out = dict(kept.unjoined)
    for key in again:
        out.pop(key, None)
    sub = {key: group(key) for key in again if key in regrouped or (key in kept.groups and key not in changed)}
    for key, members in joined(sub, found).items():
        if members[0].event != UNKNOWN_EVENT:
            out[key] = members
    if holding is not None:
        # a focus facet is in its own key's quantity or in the one it joins (``joined``),
        # unless that quantity was left out (its first facet has no event)
        for cid in focus:
            if (mine := facets.get(cid)) is not None:
                key = found[cid].key if cid in found else mine.key
                if key in out:
                    holding.add(key)
    return out


def joins_with(
    kept: KeptJoins, facets: Mapping[str, Facet], groups: dict[str, list[Facet]], model: Model, same_event_days: int
) -> dict[str, Join]:
    """``joins(groups, model, same_event_days)`` for a check's quantities (``groups``, made of
    ``facets``: the archived facets, as kept where the draft left them, and the draft's),
    with the archived facets' joins kept where the draft cannot change them. The model
    must be the prior one (``Settings.pairing = "prior"``), as a focused check's is."""
    archived = kept.final
    changed: set[str] = set()
    for cid, f in facets.items():
        before = archived.get(cid)
        if before is not f:
            changed.add(f.key)
            if before is not None:
                changed.add(before.key)
    changed.update(f.key for cid, f in archived.items() if cid not in facets)
    return _joins_with(kept, facets, groups, model, same_event_days, changed)


def _joins_with(
    kept: KeptJoins,
    facets: Mapping[str, Facet],
    groups: dict[str, list[Facet]],
    model: Model,
    same_event_days: int,
    changed: set[str],
) -> dict[str, Join]:
    """``joins_with``, given the keys whose facets the draft changed."""
    archived = kept.final
    # a quantity is a candidate for a facet when it is strong (``joins``: its first facet
    # has its fields read and no anchor) and one of its figures is within JOIN_RATIO of the
    # facet's, and it is judged by its first facet. A changed quantity whose first facet
    # changed can change the join of any facet near one of its figures, before or after
    # (``hot``); one whose first facet stayed, only of a facet near a figure the draft
    # added or took away but near none it left (``moved``). A weak quantity is no candidate
    # before or after, and a candidate the facet cannot gain enough evidence from
    # (``_screen``: what ``joins`` itself skips) changes nothing
    hot: dict[tuple[str, str, str], list[tuple[float, Facet]]] = defaultdict(list)
    moved: dict[tuple[str, str, str], list[tuple[list[float], list[float], Facet]]] = defaultdict(list)
    # a quantity whose facets changed only in their copy group (the draft joined archived
    # groups) changes the evidence of a facet only where the facet's copy group is its first
    # facet's, before or after (``_relabelled``)
    relabelled = _relabelled(changed, groups, kept.groups)
    sources_of = {id(h): sources for key, sources in relabelled.items() for h in (groups[key][0], kept.groups[key][0])}
    for key in changed:
        now, then = groups.get(key), kept.groups.get(key)
        if key in relabelled and not relabelled[key]:
            continue  # its first facet as archived: no facet's evidence changes
        if now is None or then is None or now[0] is not then[0]:
            for members in (now, then):
                if members and _strong(members[0]):
                    hot[block(members[0])].extend((x, members[0]) for x in _figures(members))
        elif _strong(now[0]):
            added = [f for f in now if archived.get(f.claim.id) is not f]
            added += [f for f in then if facets.get(f.claim.id) is not f]
            left = [f for f in now if archived.get(f.claim.id) is f]
            moved[block(now[0])].append((sorted(_figures(added)), sorted(_figures(left)), now[0]))
    hot_index = {where: _index(entries) for where, entries in hot.items()}
    screen = _Screen(model, same_event_days)
    again: set[str] = set()
    keep: list[str] = []
    for members in groups.values():
        head = members[0]
        if not weak(head) or head.anchor is not None:
            continue
        for f in members:
            cid = f.claim.id
            where = block(f)
            if archived.get(cid) is not f:
                again.add(cid)
                continue
            xs = _figures([f])
            index = hot_index.get(where)
            if (
                index is not None
                and any(
                    ((s := sources_of.get(id(t))) is None or f.source in s) and screen(f, t)
                    for t in _near_heads(xs, index)
                )
            ) or any(
                _near(xs, figs) and not _near(xs, rest) and screen(f, t) for figs, rest, t in moved.get(where, ())
            ):
                again.add(cid)
            else:
                keep.append(cid)
    # an archived facet near a changed quantity, its own quantity unchanged, keeps its
    # archived join when no changed quantity was among its two best candidates nor now ranks
    # at or above the second (``_stays``): the others read nothing the draft changed
    stayed = _stayed(kept, facets, groups, model, same_event_days, changed, again, relabelled)
    again -= stayed.keys()
    judged = kept.judged.setdefault(same_event_days, {})
    # a facet kept but not judged yet is judged over the check's quantities with the others:
    # its candidates and what it is judged against are the archived ones, so its join is
    # its archived join, kept for the next checks
    missing = {cid for cid in keep if cid not in judged}
    found = joins(groups, model, same_event_days, heads=again | missing) if again or missing else {}
    judged.update((cid, found.get(cid)) for cid in missing)
    out = {cid: join for cid, join in found.items() if cid in again}
    for cid in keep:
        join = judged[cid]
        if join is not None:
            out[cid] = join
    out.update((cid, join) for cid, join in stayed.items() if join is not None)
    return out


def _stayed(
    kept: KeptJoins,
    facets: Mapping[str, Facet],
    groups: dict[str, list[Facet]],
    model: Model,
    same_event_days: int,
    changed: set[str],
    again: set[str],
    relabelled: Mapping[str, frozenset[str]],
) -> dict[str, Join | None]:
    """The facets of ``again`` shown to keep their archived join, with it (None: no join).
    A facet's join is chosen from its two best candidates (``pairing._best_join``); a
    candidate's evidence reads the facet and the candidate's first facet, and whether it is
    a candidate reads its figures and those of the facet's report: for a quantity the draft
    left as it was, all as archived. So when the facet and its own quantity are archived and
    unchanged (its peers read as before), no changed quantity was among its two best, and
    none now ranks at or above the second (evidence, then key), its two best and its join
    are the archived ones."""
    archived = kept.final
    tried = [
        cid
        for cid in sorted(again)
        if (f := archived.get(cid)) is not None and facets.get(cid) is f and f.key not in changed
    ]
    if not tried:
        return {}
    leading = kept.leading.setdefault(same_event_days, {})
    unknown = [cid for cid in tried if cid not in leading]
    if unknown:
        # judged over the archived quantities alone: their two best and their joins as archived
        ranked: dict[str, list[tuple[float, str]]] = {}
        archived_joins = joins(kept.groups, model, same_event_days, heads=set(unknown), leading=ranked)
        leading.update((cid, (ranked.get(cid, []), archived_joins.get(cid))) for cid in unknown)
    top, short = _shortfalls(model)
    memo = _Evidence(model, same_event_days, top, short)
    # the changed strong quantities' figures by block: a changed quantity with no figure
    # within JOIN_RATIO of a facet's in its block is no candidate for it (``_Evidence.of``)
    near: dict[tuple[str, str, str], list[tuple[float, str]]] = defaultdict(list)
    for key in changed:
        members = groups.get(key)
        if members and _strong(members[0]):
            near[block(members[0])].extend((v, key) for v in _figures(members))
    index = {where: _index(entries) for where, entries in near.items()}
    out: dict[str, Join | None] = {}
    for cid in tried:
        best, join = leading[cid]
        f = archived[cid]
        found = index.get(block(f))
        candidates = _same_order(_figures([f]), found) if found is not None else []
        now = _rejoined(f, best, join, groups, _Changed(changed, relabelled, f.source), candidates, memo)
        if now is not False:
            out[cid] = now
    return out


class _Evidence:
    """What ``pairing.joins`` reads to score a candidate, kept over one check's facets."""

    def __init__(self, model: Model, same_event_days: int, top: float, short: Shortfalls) -> None:
        self.model, self.same_event_days, self.top, self.short = model, same_event_days, top, short
        self.known_bits: dict[tuple[str, ...], float] = {}
        self.figures_of: dict[str, dict[str, set[tuple[float, str]]]] = {}
        self.peers_of: dict[str, tuple[list[float], list[Facet]]] = {}

    def of(self, f: Facet, key: str, groups: dict[str, list[Facet]]) -> float | None:
        """The evidence ``joins`` gives quantity ``key`` as a candidate for ``f``, or None
        when it is no candidate or one ``_best_join`` skips."""
        members = groups.get(key)
        if not members:
            return None
        target = members[0]
        if weak(target) or target.anchor is not None or block(target) != block(f):
            return None  # no strong quantity of its block
        xs, values = _figures([f]), _figures(members)
        if not any(x / JOIN_RATIO <= v <= JOIN_RATIO * x for x in xs for v in values):
            return None  # no figure near its own (``_same_order``)
        if _own_report_differs(f, key, groups, self.figures_of):
            return None
        bound = _kind_bound(f, target, self.top, self.short)
        if bound is None:
            return None
        if _hopeless(f, target, (bounds(f), bounds(target)), bound, self.short, self.same_event_days):
            return None
        return _bits(self.model, compare(f, target, self.same_event_days), self.known_bits)


def _rejoined(
    f: Facet,
    best: list[tuple[float, str]],
    join: Join | None,
    groups: dict[str, list[Facet]],
    changed: _Changed,
    candidates: list[str],
    memo: _Evidence,
) -> Join | None | Literal[False]:
    """The facet's join over the check's quantities (None: none), from its two best archived
    candidates ``best`` and its archived join, or False when a changed quantity was among
    those two (the third would be needed). The changed quantities (``candidates``: those of
    ``changed`` with a figure near the facet's, sorted) are scored afresh, and
    every other candidate ranks below the archived two, so the two best now are the two
    best of those and the changed ones; the join is then chosen from them as
    ``pairing._best_join`` chooses it, and kept unless a peer of its own report is as
    likely (``pairing._peer_as_likely``, which reads the facet's own quantity: unchanged)."""
    if any(changed(key) for _, key in best):
        return False
    new = [(bits, key) for key in candidates if changed(key) and (bits := memo.of(f, key, groups)) is not None]
    if not new:
        return join
    now = sorted([*best, *new], key=lambda s: (-s[0], s[1]))[:2]
    if now == best:
        return join
    bits, key = now[0]
    if bits < JOIN_BITS or (len(now) > 1 and bits - now[1][0] < JOIN_MARGIN):
        return None
    c = compare(f, groups[key][0], memo.same_event_days)
    found = Join(key, memo.model.score(c), c)
    if _peer_as_likely(f, f.key, groups, found, memo.model, memo.same_event_days, (memo.known_bits, memo.peers_of)):
        return None
    return found


_BUT_SOURCE = tuple(f.name for f in fields(Facet) if f.name not in ("claim", "source"))


def _relabelled(
    changed: Set[str], groups: Mapping[str, list[Facet]], archived: Mapping[str, list[Facet]]
) -> dict[str, frozenset[str]]:
    """The quantities of ``changed`` whose facets are the archived ones (the same claims in
    the same order) changed in their copy group alone, each with the copy groups of its
    first facet before and after (none when the first facet is the archived one). A join
    reads a candidate's facets' figures, reports and speakers, and of its first facet every
    field, the copy group only as equal to the facet's own or not (``agreement._source``):
    so for a facet outside those copy groups the candidate is what it was."""
    out: dict[str, frozenset[str]] = {}
    for key in changed:
        now, then = groups.get(key), archived.get(key)
        if now is None or then is None or len(now) != len(then):
            continue
        if all(
            a is b or (a.claim is b.claim and all(getattr(a, n) == getattr(b, n) for n in _BUT_SOURCE))
            for a, b in zip(now, then, strict=True)
        ):
            out[key] = frozenset() if now[0] is then[0] else frozenset((now[0].source, then[0].source))
    return out


@dataclass(frozen=True, slots=True)
class _Changed:
    """Whether a quantity's change can change one facet's evidence: a changed quantity, unless
    it is relabelled (``_relabelled``) away from the facet's copy group."""

    changed: Set[str]
    relabelled: Mapping[str, frozenset[str]]
    source: str

    def __call__(self, key: str) -> bool:
        if key not in self.changed:
            return False
        sources = self.relabelled.get(key)
        return sources is None or self.source in sources


def _strong(head: Facet) -> bool:
    """Whether a quantity with this first facet is a candidate for joins (``joins``)."""
    return not weak(head) and head.anchor is None


def _index(entries: list[tuple[float, _T]]) -> tuple[list[float], list[_T]]:
    """Figures sorted, beside the first facet (or the key) of the quantity each is of."""
    entries.sort(key=lambda e: e[0])
    return [x for x, _ in entries], [t for _, t in entries]


def _near_heads(xs: list[float], index: tuple[list[float], list[Facet]]) -> list[Facet]:
    """The first facets of the quantities of ``index`` with a figure within ``JOIN_RATIO``
    of one of ``xs``, each once."""
    values, heads = index
    found: dict[int, Facet] = {}
    for x in xs:
        for t in heads[bisect_left(values, x / JOIN_RATIO) : bisect_right(values, JOIN_RATIO * x)]:
            found[id(t)] = t
    return list(found.values())


class _Screen:
    """Whether a candidate quantity (by its first facet) can count in a facet's join: not
    when ``joins`` would skip it, its event or subject read on both sides and different, or
    too little evidence possible (``pairing._kind_bound``, ``pairing._hopeless``). A
    candidate that cannot count leaves the join as it is whether it is there or not."""

    def __init__(self, model: Model, same_event_days: int) -> None:
        self.top, self.short = _shortfalls(model)
        self.same_event_days = same_event_days
        # the bound depends on the two events and subjects alone (``joins`` asks it once per kind)
        self.kinds: dict[tuple[str, frozenset[str], str, frozenset[str]], float | None] = {}

    def __call__(self, f: Facet, target: Facet) -> bool:
        kind = (f.event, f.classes, target.event, target.classes)
        try:
            bound = self.kinds[kind]
        except KeyError:
            bound = self.kinds[kind] = _kind_bound(f, target, self.top, self.short)
        if bound is None:
            return False
        return not _hopeless(f, target, (bounds(f), bounds(target)), bound, self.short, self.same_event_days)


def _near(xs: list[float], values: list[float] | None) -> bool:
    """Whether a figure of ``values`` (sorted) is within ``JOIN_RATIO`` of one of ``xs``, as
    ``pairing`` looks candidates up."""
    if not values:
        return False
    found: list[float] = values
    return any(bisect_left(found, x / JOIN_RATIO) < bisect_right(found, JOIN_RATIO * x) for x in xs)
