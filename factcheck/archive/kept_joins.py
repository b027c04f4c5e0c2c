"""Joins of facets with an unread field (``reconciliation.pairing.joins``) kept for a
block's archived facets, and recomputed at a check only where the draft can change them.

A facet with an unread field joins the best of the quantities of its pairing block whose
figures are within ``JOIN_RATIO`` of its own, judged against each quantity's first facet.
So its join is the one it has among the archived facets alone unless the draft changes a
quantity it can be judged against: a quantity the draft's facets join or start, or one
whose facets the draft changed (a renamed copy group, a place, a clock), before or after
the change. Such a facet is judged again over the check's quantities (``joins(...,
heads=)``), as are the draft's own; every other keeps its archived join, computed the
first time a check needs it. ``tests/test_archive_kept.py`` holds the result equal to
``joins`` over the check's quantities."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

from ..reconciliation.keys import Facet
from ..reconciliation.pairing import JOIN_RATIO, Join, _figures, block, joins, weak
from ..reconciliation.scoring import Model


@dataclass(slots=True)
class KeptJoins:
    """The archived facets' quantities (by key, in claim id order, as the reconciler groups
    them) and their joins judged so far, by ``same_event_days``."""

    final: Mapping[str, Facet]
    """The archived facets the quantities are made of (``KeptStages.final``), by claim id."""
    groups: dict[str, list[Facet]]
    judged: dict[int, dict[str, Join | None]] = field(default_factory=dict)


def kept_joins(final: Mapping[str, Facet]) -> KeptJoins:
    """The quantities of a block's archived facets, ready for joins."""
    groups: dict[str, list[Facet]] = defaultdict(list)
    for f in final.values():
        groups[f.key].append(f)
    return KeptJoins(final, dict(groups))


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
    # a quantity is a candidate for a facet when one of its figures is within JOIN_RATIO of
    # the facet's, and is judged by its first facet: a changed quantity whose first facet
    # changed can change any facet near one of its figures (``hot``); one whose first facet
    # stayed, only a facet near a figure the draft added or took away but near none it
    # left (``moved``: those figures, and the ones left)
    hot: dict[tuple[str, str, str], list[float]] = defaultdict(list)
    moved: dict[tuple[str, str, str], list[tuple[list[float], list[float]]]] = defaultdict(list)
    for key in changed:
        now, then = groups.get(key), kept.groups.get(key)
        if now is None or then is None or now[0] is not then[0]:
            for members in (now, then):
                if members:
                    hot[block(members[0])].extend(_figures(members))
        else:
            added = [f for f in now if archived.get(f.claim.id) is not f]
            added += [f for f in then if facets.get(f.claim.id) is not f]
            left = [f for f in now if archived.get(f.claim.id) is f]
            moved[block(now[0])].append((sorted(_figures(added)), sorted(_figures(left))))
    for values in hot.values():
        values.sort()
    again: set[str] = set()
    keep: list[str] = []
    for members in groups.values():
        head = members[0]
        if not weak(head) or head.anchor is not None:
            continue
        for f in members:
            cid = f.claim.id
            xs = _figures([f])
            where = block(f)
            if (
                archived.get(cid) is not f
                or _near(xs, hot.get(where))
                or any(_near(xs, figs) and not _near(xs, rest) for figs, rest in moved.get(where, ()))
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


def _near(xs: list[float], values: list[float] | None) -> bool:
    """Whether a figure of ``values`` (sorted) is within ``JOIN_RATIO`` of one of ``xs``, as
    ``pairing`` looks candidates up."""
    if not values:
        return False
    found: list[float] = values
    return any(bisect_left(found, x / JOIN_RATIO) < bisect_right(found, JOIN_RATIO * x) for x in xs)
