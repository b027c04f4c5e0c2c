"""The report for a terminal: one timeline per quantity (its figures in time order), then
its findings, strongest first, each side quoted with its source."""

from __future__ import annotations

import textwrap

from ..findings import DocumentInfo, Finding, Position, Report
from ..models import Claim
from .escape import terminal
from .timeline import Figure, Timeline, claim_date, dated, day_precise, timelines
from .words import clean, measure


def attribution(c: Claim) -> str:
    """Who says it, as written, with the chain where the text has one."""
    if c.source is None:
        return "unattributed"
    name = c.source.name
    if c.source.via is not None:
        name += f" (via {c.source.via.name})"
    return clean(name)


def claim_line(c: Claim, docs: dict[str, DocumentInfo] | None = None) -> str:
    """Where a claim is: document, outlet, date at its precision, link, characters, source."""
    d = (docs or {}).get(c.document)
    link = f", {d.url}" if d is not None and d.url else ""
    return (
        f"{c.document} ({c.outlet or '?'}, {claim_date(c, docs or {})}{link}), "
        f"chars {c.quantity.start}-{c.quantity.end}: {attribution(c)}"
    )


def interval(p: Position) -> str:
    """A side's interval in the unit its text used ('[29 km, 31.5 km]')."""
    c = p.claims[0] if p.claims else None
    return f"[{measure(p.low, c)}, {measure(p.high, c)}]"


def _position(p: Position, docs: dict[str, DocumentInfo]) -> list[str]:
    head = f"    [{p.role}] {clean(p.label)}  = {interval(p)}  ({p.sources} source{'s' * (p.sources != 1)})"
    out = [head]
    words = "; ".join(clean(x) for x in (p.what, p.where, p.when) if x)
    if words:
        out.append(f"      {words}")
    for c in p.claims:
        out.append("      - " + claim_line(c, docs))
        indent = " " * 10
        out.extend(textwrap.wrap(f'"{c.sentence}"', width=100, initial_indent=indent, subsequent_indent=indent))
    return out


COLORS = {"error": "red", "warning": "yellow", "info": "blue"}


_MARK = "\ue000", "\ue001"
"""Private-use characters around a severity to be coloured: the lines are escaped for the
terminal first (what an article wrote is shown, never obeyed), then our own colour goes in."""


def _level(severity: str, color: bool) -> str:
    level = severity.upper()
    return f"{_MARK[0]}{severity}{_MARK[1]}" if color else level


def _coloured(line: str) -> str:
    import re

    import click

    def paint(m: re.Match[str]) -> str:
        return click.style(m.group(1).upper(), fg=COLORS[m.group(1)], bold=True)

    return re.sub(f"{_MARK[0]}(\\w+){_MARK[1]}", paint, line)


def evidence_bits(f: Finding, docs: dict[str, DocumentInfo]) -> list[str]:
    """The evidence in words: dates at their precision, 'N days apart' only when every date
    is known to the day, the gap in the text's unit, the reconciler's notes."""
    e = f.evidence
    bits = []
    dates = list(dict.fromkeys(w for _, w in sorted(dated(c, docs) for p in f.positions for c in p.claims) if w))
    if dates:
        bits.append("dates " + ", ".join(dates))
    if e.days_apart is not None and day_precise(f, docs):
        bits.append(f"{e.days_apart} days apart")
    if e.gap:
        first = next((c for p in f.positions for c in p.claims), None)
        bits.append(f"gap {measure(e.gap, first)}")
    return bits + [clean(n) for n in e.notes]


def core_words(f: Finding) -> str:
    """The claims of a finding that cannot all hold, in words: "44 (a), 53 (b)"; empty
    when it has no core (an update)."""
    by_id = {c.id: c for p in f.positions for c in p.claims}
    shown = [f"{by_id[i].quantity.text} ({by_id[i].document})" for i in f.core if i in by_id]
    return ", ".join(shown)


def _finding(f: Finding, docs: dict[str, DocumentInfo], color: bool = False) -> list[str]:
    lines = [
        f"  {_level(f.severity, color)} {f.kind} ({f.classification.replace('_', ' ')})  id {f.id}"
        + (f"  strength {f.strength:.2f}" if f.strength else "")
        + (f"  [{f.status}: {f.decision}]" if f.status == "decided" else "")
        + (f"  ({f.new_sources} new source{'s' if f.new_sources != 1 else ''} since decided)" if f.new_sources else ""),
        f"    {clean(f.title)}",
        f"    why: {clean(f.reason)}",
    ]
    if f.pairing is not None:
        lines.append(f"    pairing {f.pairing.score:.2f}: {clean(f.pairing.words())}")
    if f.core:
        lines.append(f"    cannot all hold: {clean(core_words(f))}")
    for p in f.positions:
        lines.extend(_position(p, docs))
    lines.append("    evidence: " + "; ".join(evidence_bits(f, docs)))
    for group in f.copies:
        lines.append("    one story carried by: " + ", ".join(group) + " (counted as one source)")
    if f.estimate is not None:
        est = f.estimate
        c = next((c for p in f.positions for c in p.claims), None)
        lines.append(
            f"    estimate ({est.policy.replace('_', ' ')}): low {measure(est.low, c)}, best "
            f"{measure(est.best, c) if est.best is not None else '-'}, high {measure(est.high, c)}"
        )
    return lines


def figure_line(g: Figure) -> str:
    """One figure of a timeline on one line: date, value, qualifier, who, outlet, link."""
    where = g.url or g.path or g.claim.document
    marks = "  ✗ vs " + "; ".join(sorted({m.against for m in g.marks})) if g.marks else ""
    qual = f" ({g.qualifier})" if g.qualifier and g.qualifier not in g.value.lower() else ""
    return f"    {g.date}: {g.value}{qual}, {g.who}, {g.outlet or '?'} <{where}>{marks}"


def _timeline(t: Timeline, docs: dict[str, DocumentInfo], color: bool) -> list[str]:
    n = len(t.findings)
    lines = [
        f"{_level(t.severity, color)} {t.name}  ({len(t.figures)} figures, {n} finding{'s' * (n != 1)})",
        "  timeline:",
    ]
    lines.extend(figure_line(g) for g in t.figures)
    lines.append("  findings, strongest first:")
    for f in t.findings:
        lines.extend(_finding(f, docs, color))
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
    docs = {d.id: d for d in report.documents}
    for t in timelines(report):
        lines.extend(_timeline(t, docs, color))
        lines.append("")
    shown = {f.id for f in report.conflicts}
    for f in report.decided:
        if f.new_sources and f.id not in shown:
            lines.append(
                f"DECIDED {f.id} ({f.decision}): {f.new_sources} new source{'s' if f.new_sources != 1 else ''}"
                f" since decided: {f.title}"
            )
    for s in report.stale:
        lines.append(f"STALE decision {s.fingerprint} ({s.decision}) in {s.path}: its finding no longer appears")
    for err in report.errors:
        lines.append(f"ERROR {err}")
    lines.append(summary(report))
    lines = [terminal(line) for line in lines]
    if color:
        lines = [_coloured(line) for line in lines]
    return "\n".join(lines) + "\n"
