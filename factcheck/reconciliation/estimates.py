"""Best estimates of a disputed quantity under a named policy.

* conservative: the lowest figure any position supports, as ACLED reports fatalities
  ("the most conservative estimate available").
* range: the lowest and highest figures, with no single best, as Iraq Body Count
  publishes a minimum and a maximum.
* low_best_high: low and high as in ``range`` and, as best, the figure with the most
  independent sources (ties: the lower), as UCDP publishes low, best and high."""

from __future__ import annotations

from collections.abc import Sequence

from ..findings import Estimate, Position

POLICIES = ("conservative", "range", "low_best_high")


def _point(p: Position) -> float | None:
    if p.low is not None and p.high is not None:
        return (p.low + p.high) / 2
    return p.low if p.low is not None else p.high


def estimate(positions: Sequence[Position], policy: str) -> Estimate:
    """Low / best / high over the positions of one finding.

    >>> from factcheck.findings import Position
    >>> a = Position(label="57", low=57, high=57, claims=[], sources=3)
    >>> b = Position(label="about 120", low=108, high=132, claims=[], sources=1)
    >>> e = estimate([a, b], "low_best_high"); (e.low, e.best, e.high)
    (57.0, 57.0, 132.0)
    """
    if policy not in POLICIES:
        raise ValueError(f"unknown policy {policy!r}; choose one of {', '.join(POLICIES)}")
    lows = [p.low for p in positions if p.low is not None]
    highs = [p.high for p in positions if p.high is not None]
    low = min(lows) if lows else None
    high = max(highs) if len(highs) == len(positions) and highs else None
    sources = sum(p.sources for p in positions)
    if policy == "conservative":
        best = min((x for x in (_point(p) for p in positions) if x is not None), default=None)
        return Estimate(policy=policy, low=low, best=best, high=best, sources=sources)
    if policy == "range":
        return Estimate(policy=policy, low=low, best=None, high=high, sources=sources)
    ranked = sorted(positions, key=lambda p: (-p.sources, _point(p) if _point(p) is not None else float("inf")))
    return Estimate(policy=policy, low=low, best=_point(ranked[0]), high=high, sources=sources)
