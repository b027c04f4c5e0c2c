"""The judgements of pairs of archived claims kept per block: a draft's claim joins a side
of archived claims, and the classifier judges every pair of claims across two sides, so a
check of a draft whose figure joins a side of 150 copies of one measure judges 150 times
as many pairs of archived claims as pairs that hold the draft's claim, the same pairs at
every check of that block.

A pair of sides ``low`` and ``high`` is split into its archived claims (``LA``, ``HA``: in
the sides' order) and the drafts' (``LD``, ``HD``). Every pair of claims across the sides
is in exactly one of ``LA x HA``, ``LD x high`` and ``LA x HD``, and what judging them
finds (``classify.Judgements``: by verdict, the least pair, the low claims, and each high
claim with the least low claim it is met with) is a union over pairs: the judgements of
the three parts, their indices carried back to the sides' (each part's claims keep their
order in the side, so a least pair stays the least), merged, are the judgements of the
whole. ``LA x HA`` reads only archived facets, which a kept block keeps as the same
objects from check to check (``kept_block``): its judgements are kept by the identities of
those facets (held, so that no identity is reused) and the settings, and only the pairs
holding a draft's claim are judged at each check. ``tests/test_archive_kept.py`` holds the
findings equal with and without it."""

from __future__ import annotations

from collections.abc import Callable, Sequence, Set

from ..config import Settings
from ..reconciliation.classify import Judgements, judgements
from ..reconciliation.keys import Facet
from .kept_stages import equal_facets

MIN_PAIRS = 512
"""Pairs of archived claims at least in a pair of sides whose judgements are kept: fewer
are judged again at each check (cheaper than keying them)."""

MAX_KEPT = 4096
"""Pairs of sides a block keeps the judgements of; past it, all are forgotten at once."""


class KeptPairs:
    """The judgements of pairs of sides of archived facets (``LA x HA``), by the settings
    and the facets' identities; the facets are held beside them."""

    __slots__ = ("_held", "_canon")

    def __init__(self) -> None:
        self._held: dict[tuple[str, tuple[int, ...], tuple[int, ...]], tuple[list[Facet], list[Facet], Judgements]] = {}
        self._canon: dict[str, Facet] = {}
        """The facet each claim's keys are made with: a check that makes a facet equal to
        the one an earlier check made (a step over the draft's family of places runs
        again) keys it as that one."""

    def __len__(self) -> int:
        return len(self._held)

    def judged(self, low: list[Facet], high: list[Facet], settings: Settings, name: str) -> Judgements:
        """``judgements(low, high, settings)``, kept (``name``: the settings' own name)."""
        low, high = self._canonical(low), self._canonical(high)
        key = (name, tuple(map(id, low)), tuple(map(id, high)))
        held = self._held.get(key)
        if held is None:
            if len(self._held) >= MAX_KEPT:
                self._held.clear()
                self._canon.clear()
                low, high = self._canonical(low), self._canonical(high)
                key = (name, tuple(map(id, low)), tuple(map(id, high)))
            held = self._held[key] = (low, high, judgements(low, high, settings))
        return held[2]

    def _canonical(self, facets: list[Facet]) -> list[Facet]:
        """The facets, each replaced by the equal one its claim was first keyed with (the
        judgements read a facet's fields alone, never its identity)."""
        canon = self._canon
        out = []
        for f in facets:
            c = canon.get(f.claim.id)
            if c is not f and (c is None or not equal_facets(c, f)):
                c = canon[f.claim.id] = f
            out.append(c)
        return out


Judge = Callable[[Sequence[Facet], Sequence[Facet], Settings], Judgements | None]
"""What ``classify.judging_with`` takes."""


def judging(kept: KeptPairs, own: Set[str]) -> Judge:
    """The judge ``classify.judging_with`` takes for a check whose drafts' claim ids are
    ``own``: pairs of sides with at least ``MIN_PAIRS`` pairs of archived claims are judged
    from the kept judgements of those pairs and the pairs holding a draft's claim; other
    pairs of sides are left to the classifier (None)."""
    names: dict[int, tuple[Settings, str]] = {}

    def judge(low: Sequence[Facet], high: Sequence[Facet], settings: Settings) -> Judgements | None:
        la = [i for i, f in enumerate(low) if f.claim.id not in own]
        ha = [i for i, f in enumerate(high) if f.claim.id not in own]
        if len(la) * len(ha) < MIN_PAIRS:
            return None
        named = names.get(id(settings))
        if named is None:
            # held with the settings, so that no other settings reuse the identity
            named = names[id(settings)] = (settings, settings.model_dump_json())
        archived = kept.judged([low[i] for i in la], [high[i] for i in ha], settings, named[1])
        parts: list[tuple[Judgements, Sequence[int], Sequence[int]]] = [(archived, la, ha)]
        ld = [i for i, f in enumerate(low) if f.claim.id in own] if len(la) < len(low) else []
        hd = [i for i, f in enumerate(high) if f.claim.id in own] if len(ha) < len(high) else []
        if ld:
            parts.append((judgements([low[i] for i in ld], high, settings), ld, range(len(high))))
        if hd:
            parts.append((judgements([low[i] for i in la], [high[i] for i in hd], settings), la, hd))
        return merged(parts)

    return judge


def merged(parts: Sequence[tuple[Judgements, Sequence[int], Sequence[int]]]) -> Judgements:
    """The judgements of the union of disjoint sets of pairs, each given with the indices
    (increasing) its low and high claims have in the sides.

    >>> v = ("conflict", "same")
    >>> a = {v: ((0, 1), [0], {0: 0, 1: 0})}
    >>> b = {v: ((0, 0), [0, 1], {0: 0})}
    >>> merged([(a, [1, 2], [0, 1]), (b, [0, 2], [2])])[v]
    ((0, 2), [0, 1, 2], {0: 1, 1: 1, 2: 0})
    """
    out: Judgements = {}
    for judged, lows, highs in parts:
        for verdict, ((fa, fb), xs, met) in judged.items():
            first = (lows[fa], highs[fb])
            moved = {highs[ib]: lows[ia] for ib, ia in met.items()}
            held = out.get(verdict)
            if held is None:
                out[verdict] = (first, [lows[i] for i in xs], moved)
                continue
            least, have, seen = held
            for ib, ia in moved.items():
                was = seen.get(ib)
                if was is None or ia < was:
                    seen[ib] = ia
            out[verdict] = (min(least, first), sorted({*have, *(lows[i] for i in xs)}), seen)
    return out
