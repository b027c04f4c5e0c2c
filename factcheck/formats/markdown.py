"""The report as Markdown, for a pull-request comment or ``$GITHUB_STEP_SUMMARY`` (GitHub
shows only ten annotations of each level per step; the summary shows everything)."""

from __future__ import annotations

from ..findings import Report
from .text import attribution, summary


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ").replace("<", "&lt;").replace(">", "&gt;")


def render_markdown(report: Report) -> str:
    lines = ["## factcheck: numbers that disagree", "", summary(report), ""]
    icon = {"error": "🛑", "warning": "⚠️", "info": "ℹ️"}
    for f in report.conflicts:
        status = f" — decided: {f.decision}" if f.status == "decided" else ""
        lines.append(f"### {icon[f.severity]} {_cell(f.title)}{status}")
        lines.append("")
        lines.append(
            f"`{f.id}` · {f.kind.replace('_', ' ')} · {f.classification.replace('_', ' ')} · {_cell(f.reason)}"
        )
        lines.append("")
        lines.append("| side | figure | document | outlet | date | source | sentence |")
        lines.append("|---|---|---|---|---|---|---|")
        for p in f.positions:
            for c in p.claims:
                lines.append(
                    f"| {p.role} | {_cell(c.quantity.text)} | {_cell(c.document)} | {_cell(c.outlet or '')} "
                    f"| {c.published or ''} | {_cell(attribution(c))} | {_cell(c.sentence)} |"
                )
        if f.evidence.notes:
            lines.append("")
            lines.append("Evidence: " + _cell("; ".join(f.evidence.notes)))
        lines.append("")
    if report.stale:
        lines.append("### Stale decisions")
        lines.extend(
            f"- `{s.fingerprint}` ({s.decision}) in `{s.path}`: its finding no longer appears" for s in report.stale
        )
    return "\n".join(lines) + "\n"
