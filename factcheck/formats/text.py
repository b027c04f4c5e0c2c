"""The report for a terminal: grouped by finding, each side quoted with its source."""

from __future__ import annotations

import textwrap

from ..findings import Finding, Position, Report
from ..models import Claim
from .escape import terminal


def _fmt(x: float | None) -> str:
    if x is None:
        return "∞"
    return f"{int(x):,}" if float(x).is_integer() else f"{x:,.4g}"


def attribution(c: Claim) -> str:
    """Who says it, as written, with the chain where the text has one."""
    if c.source is None:
        return "unattributed"
    name = c.source.name
    if c.source.via is not None:
        name += f" (via {c.source.via.name})"
    return name


def claim_line(c: Claim) -> str:
    return (
        f"{c.document} ({c.outlet or '?'}, {c.published or 'undated'}), "
        f"chars {c.quantity.start}-{c.quantity.end}: {attribution(c)}"
    )


def _position(p: Position) -> list[str]:
    head = f"  [{p.role}] {p.label}  = [{_fmt(p.low)}, {_fmt(p.high)}]  ({p.sources} source{'s' * (p.sources != 1)})"
    out = [head]
    words = "; ".join(x for x in (p.what, p.where, p.when) if x)
    if words:
        out.append(f"    {words}")
    for c in p.claims:
        out.append("    - " + claim_line(c))
        out.extend(textwrap.wrap(f'"{c.sentence}"', width=100, initial_indent="        ", subsequent_indent="        "))
    return out


COLORS = {"error": "red", "warning": "yellow", "info": "blue"}


def _finding(f: Finding, color: bool = False) -> list[str]:
    e = f.evidence
    level = f.severity.upper()
    lines = [
        f"{level} {f.kind} ({f.classification.replace('_', ' ')})  id {f.id}"
        + (f"  [{f.status}: {f.decision}]" if f.status == "decided" else "")
        + (f"  ({f.new_sources} new source{'s' if f.new_sources != 1 else ''} since decided)" if f.new_sources else ""),
        f"  {f.title}",
        f"  why: {f.reason}",
    ]
    for p in f.positions:
        lines.extend(_position(p))
    bits = []
    if e.dates:
        bits.append("dates " + ", ".join(str(d) for d in e.dates))
    if e.days_apart is not None:
        bits.append(f"{e.days_apart} days apart")
    if e.gap:
        bits.append(f"gap {_fmt(e.gap)}")
    lines.append("  evidence: " + "; ".join(bits + e.notes))
    for group in f.copies:
        lines.append("  one story carried by: " + ", ".join(group) + " (counted as one source)")
    if f.estimate is not None:
        est = f.estimate
        lines.append(
            f"  estimate ({est.policy}): low {_fmt(est.low)}, best "
            f"{_fmt(est.best) if est.best is not None else '-'}, high {_fmt(est.high)}"
        )
    # what an article wrote is shown, never obeyed: escapes first, then our own colour
    lines = [terminal(line) for line in lines]
    if color:
        import click

        lines[0] = click.style(level, fg=COLORS[f.severity], bold=True) + lines[0][len(level) :]
    return lines


def summary(report: Report) -> str:
    counts: dict[str, int] = {}
    for f in report.conflicts:
        counts[f.severity] = counts.get(f.severity, 0) + 1
    parts = [f"{counts[s]} {s}{'s' * (counts[s] != 1)}" for s in ("error", "warning", "info") if s in counts]
    return (
        f"{len(report.documents)} documents, {report.claims} claims, {len(report.conflicts)} findings"
        + (f" ({', '.join(parts)})" if parts else "")
        + (f", {len(report.decided)} decided" if report.decided else "")
        + (f", {len(report.stale)} stale decisions" if report.stale else "")
    )


def render_text(report: Report, color: bool = False) -> str:
    """The report for a terminal; with ``color``, severities in colour (ANSI)."""
    lines: list[str] = []
    for f in report.conflicts:
        lines.extend(_finding(f, color))
        lines.append("")
    tail: list[str] = []
    shown = {f.id for f in report.conflicts}
    for f in report.decided:
        if f.new_sources and f.id not in shown:
            tail.append(
                f"DECIDED {f.id} ({f.decision}): {f.new_sources} new source{'s' if f.new_sources != 1 else ''}"
                f" since decided: {f.title}"
            )
    for s in report.stale:
        tail.append(f"STALE decision {s.fingerprint} ({s.decision}) in {s.path}: its finding no longer appears")
    for err in report.errors:
        tail.append(f"ERROR {err}")
    tail.append(summary(report))
    lines.extend(terminal(line) for line in tail)
    return "\n".join(lines) + "\n"
