"""Telling a real conflict from an update or a possibly different event.

* conflict: the same event as far as dates and scope show; an error.
* update: a cumulative count (a death toll) that is higher in the later report and
  lower in the earlier one; information, since tolls grow as bodies are counted.
* possibly_different_event: reports further apart than the same-event window; a warning
  an editor should look at once: the figures disagree, but perhaps about two events."""

from __future__ import annotations

from collections.abc import Sequence

from ..config import Settings
from ..extraction.events import is_cumulative
from ..findings import Classification, Evidence, Position, Severity
from ..intervals import Interval

SEVERITY: dict[Classification, Severity] = {
    "conflict": "error",
    "update": "info",
    "possibly_different_event": "warning",
}


def classify(
    positions: Sequence[Position], settings: Settings, scope: str, frame: str | None, intervals: Sequence[Interval]
) -> tuple[Classification, Severity, Evidence]:
    """Classification, severity and the evidence they rest on."""
    claims = [c for p in positions for c in p.claims]
    dates = sorted({c.published for c in claims if c.published})
    days = (dates[-1] - dates[0]).days if dates else None
    gap = min((a.gap(b) for i, a in enumerate(intervals) for b in intervals[i + 1 :]), default=0.0)
    events = sorted({c.event for c in claims if c.event})
    claimers = sorted({(c.source.name if c.source else f"{c.outlet or c.document} (unattributed)") for c in claims})
    notes: list[str] = []
    classification: Classification = "conflict"
    if days is not None and days > settings.same_event_days:
        classification = "possibly_different_event"
        notes.append(f"reports {days} days apart, beyond the same-event window of {settings.same_event_days} days")
    elif days and events and all(is_cumulative(e) for e in events) and _grows(positions, intervals):
        classification = "update"
        notes.append("a cumulative count, higher in the later report")
    if len(events) > 1:
        notes.append("events differ: " + ", ".join(events))
    evidence = Evidence(
        dates=dates,
        days_apart=days,
        gap=gap if gap != float("inf") else None,
        scope=scope,
        frame=frame,
        events=events,
        claimers=claimers,
        notes=notes,
    )
    return classification, SEVERITY[classification], evidence


def _grows(positions: Sequence[Position], intervals: Sequence[Interval]) -> bool:
    """True when every later-dated position is higher than every earlier-dated one."""
    dated = []
    for p, iv in zip(positions, intervals, strict=True):
        ds = [c.published for c in p.claims if c.published]
        if not ds:
            return False
        dated.append((min(ds), max(ds), iv))
    dated.sort(key=lambda d: d[0])
    return all(a[1] < b[0] and b[2].exceeds(a[2]) for a, b in zip(dated, dated[1:], strict=False))
