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
archived join, computed the first time a check needs it. ``tests/test_archive_kept.py``
holds the result equal to ``joins`` over the check's quantities."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Mapping, Set
from dataclasses import dataclass, field

from ..reconciliation.agreement import bounds
from ..reconciliation.keys import UNKNOWN_EVENT, Facet
from ..reconciliation.pairing import (
    JOIN_RATIO,
    Join,
    _figures,
    _hopeless,
    _kind_bound,
    _shortfalls,
    block,
    joined,
    joins,
    weak,
)
from ..reconciliation.scoring import Model


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
    kept: KeptJoins, facets: Mapping[str, Facet], focus: Set[str], model: Model, same_event_days: int
) -> dict[str, list[Facet]]:
    """``reconciliation.quantities(facets, focus, joins, model, same_event_days)`` for a
    check's facets (the archived facets, as kept where the draft left them, and the
    draft's; ``focus``: the draft's claim ids), from the kept quantities: only the keys
    whose facets the draft changed, and those a facet joins from or into, are grouped and
    joined again; every other is the kept one. The model must be the prior one."""
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
    for key in changed:
        now, then = groups.get(key), kept.groups.get(key)
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
            if (index is not None and any(screen(f, t) for t in _near_heads(xs, index))) or any(
                _near(xs, figs) and not _near(xs, rest) and screen(f, t) for figs, rest, t in moved.get(where, ())
            ):
                again.add(cid)
            else:
                keep.append(cid)
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
    return out


def _strong(head: Facet) -> bool:
    """Whether a quantity with this first facet is a candidate for joins (``joins``)."""
    return not weak(head) and head.anchor is None


def _index(entries: list[tuple[float, Facet]]) -> tuple[list[float], list[Facet]]:
    """Figures sorted, beside the first facet of the quantity each is of."""
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
