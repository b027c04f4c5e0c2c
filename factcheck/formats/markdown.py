"""The report as Markdown, for a pull-request comment or ``$GITHUB_STEP_SUMMARY``: one
section per quantity (its timeline of figures, then its findings, strongest first),
quantities ranked by their strongest finding, cut to fit a comment (GitHub takes 65,536
characters; we stop at :data:`LIMIT`) with a count of what was left out and where the full
report is (``--format html``, or ``--format markdown-full``)."""

from __future__ import annotations

import base64
import os

from ..findings import DocumentInfo, Finding, Report
from .chart import svg
from .text import core_words, evidence_bits, summary
from .timeline import Figure, Timeline, timelines
from .words import clean

LIMIT = 60_000
"""Characters at most in the summary: under GitHub's 65,536 for a comment, with room to spare."""
CHARTS = 3
"""Timelines drawn as a chart (an SVG image inline), the strongest first: each costs ~4 kB."""
ICON = {"error": "🛑", "warning": "⚠️", "info": "ℹ️"}


def _cell(text: str) -> str:
    return clean(text).replace("|", "\\|").replace("\n", " ").replace("<", "&lt;").replace(">", "&gt;")


def _link(g: Figure) -> str:
    name = _cell(g.title)
    if g.url:
        return f"[{name}]({g.url.replace(')', '%29').replace(' ', '%20')})"
    return f"{name} (`{_cell(g.path or g.claim.document)}`)"


def _finding(f: Finding, docs: dict[str, DocumentInfo]) -> list[str]:
    decided = f" — decided: {_cell(f.decision or '')}" if f.status == "decided" else ""
    strength = f" · strength {f.strength:.2f}" if f.strength else ""
    lines = [
        f"- {ICON[f.severity]} **{f.kind.replace('_', ' ')}** ({f.classification.replace('_', ' ')}) "
        f"`{f.id}`{strength}{decided}: {_cell(f.reason)}",
        "  " + " **vs** ".join(f"{_cell(p.label)} ({p.role})" for p in f.positions),
    ]
    if f.pairing is not None:
        lines.append(f"  · pairing {f.pairing.score:.2f}: {_cell(f.pairing.words())}")
    if f.core:
        lines.append(f"  · cannot all hold: {_cell(core_words(f))}")
    bits = evidence_bits(f, docs)
    if bits:
        lines.append("  · evidence: " + _cell("; ".join(bits)))
    return lines


def chart_image(t: Timeline) -> str:
    """The timeline's chart as an inline image (GitLab, VS Code and most viewers show it;
    GitHub strips data: images, so the table above it says the same)."""
    drawing = svg(t)
    if not drawing:
        return ""
    data = base64.b64encode(drawing.encode("utf-8")).decode("ascii")
    return f'<img alt="{_cell(t.name)}: figures over time" src="data:image/svg+xml;base64,{data}">'


def section(t: Timeline, docs: dict[str, DocumentInfo], chart: bool = False) -> str:
    """One quantity: its figures in time order, the disagreements marked, its findings."""
    n = len(t.findings)
    count = f"{len(t.figures)} figures, {n} finding{'s' * (n != 1)}"
    lines = [f"### {ICON[t.severity]} {_cell(t.name)}", "", count, ""]
    if chart:
        image = chart_image(t)
        if image:
            lines += [image, ""]
    lines.append("| date | figure | who | outlet | article | disagrees with |")
    lines.append("|---|---|---|---|---|---|")
    for g in t.figures:
        marks = "; ".join(sorted({_cell(m.against) for m in g.marks}))
        lines.append(
            f"| {_cell(g.date)} | {_cell(g.value)} | {_cell(g.who)} | {_cell(g.outlet)} | {_link(g)} "
            f"| {'✗ ' + marks if marks else ''} |"
        )
    lines += ["", f"<details><summary>{n} finding{'s' * (n != 1)}, strongest first</summary>", ""]
    for f in t.findings:
        lines.extend(_finding(f, docs))
    lines += ["", "</details>", "", ""]
    return "\n".join(lines)


def where_full() -> str:
    """Where the full report is: ``$FACTCHECK_FULL_REPORT`` (a CI job sets it to the
    artifact's address), else how to make it."""
    given = os.environ.get("FACTCHECK_FULL_REPORT", "").strip()
    if given:
        return f"The full report: {given}"
    return (
        "The full report: `factcheck check <articles> --format html -o factcheck-report.html` "
        "(in CI, the job's artifact)."
    )


def render_markdown(report: Report, limit: int | None = LIMIT) -> str:
    """The report as Markdown, at most ``limit`` characters (``None``: everything): the
    strongest quantities first, then a count of those left out and where the full report is."""
    docs = {d.id: d for d in report.documents}
    head = "\n".join(["## factcheck: numbers that disagree", "", clean(summary(report)), "", ""])
    tail = []
    if report.stale:
        tail.append("### Stale decisions")
        tail.extend(
            f"- `{s.fingerprint}` ({_cell(s.decision)}) in `{_cell(s.path)}`: its finding no longer appears"
            for s in report.stale
        )
    tail_text = "\n".join(tail) + ("\n" if tail else "")
    groups = timelines(report)
    parts: list[str] = []
    used = len(head) + len(tail_text)
    reserve = 600  # the note on what was left out
    shown = 0
    for k, t in enumerate(groups):
        block = section(t, docs, chart=k < CHARTS)
        if limit is not None and used + len(block) + reserve > limit:
            break
        parts.append(block)
        used += len(block)
        shown += 1
    if shown < len(groups):
        rest = groups[shown:]
        findings = sum(len(t.findings) for t in rest)
        parts.append(
            f"**{len(rest)} more quantit{'ies' if len(rest) != 1 else 'y'} ({findings} finding{'s' * (findings != 1)}) "
            f"not shown here**, to fit a pull-request comment; they rank below those above. {where_full()}\n\n"
        )
    return head + "".join(parts) + tail_text


def render_markdown_full(report: Report) -> str:
    """The whole report as Markdown, uncut (for a file, not a comment)."""
    return render_markdown(report, limit=None)
