"""The full report as one self-contained HTML page: every quantity's timeline with its
chart (inline SVG, no script), its figures quoted in their sentences with links to the
articles, and its findings, strongest first. The Markdown summary points here when it is
cut to fit a pull-request comment."""

from __future__ import annotations

from html import escape

from ..findings import DocumentInfo, Finding, Report
from .chart import svg
from .text import core_words, evidence_bits, interval, summary
from .timeline import Figure, Timeline, timelines
from .words import clean

STYLE = """body{font:15px/1.45 system-ui,sans-serif;max-width:70rem;margin:1rem auto;padding:0 1rem;color:#202124}
h2{margin-top:2rem;border-top:1px solid #dadce0;padding-top:1rem}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #eceff1;padding:.25rem .4rem;
text-align:left;vertical-align:top}.x{color:#b3261e}.badge{font-weight:bold;text-transform:uppercase}
.error{color:#b3261e}.warning{color:#8a5000}.info{color:#1f5fa8}svg{max-width:100%;height:auto}
q{color:#3c4043}small{color:#5f6368}"""


def _e(text: object) -> str:
    return escape(clean(str(text)))


def _figure(g: Figure) -> str:
    link = f'<a href="{escape(g.url, quote=True)}">{_e(g.title)}</a>' if g.url else _e(g.title)
    where = f"<br><small>{_e(g.path)}</small>" if g.path else ""
    marks = "; ".join(sorted({_e(m.against) for m in g.marks}))
    return (
        f"<tr><td>{_e(g.date)}</td><td><strong>{_e(g.value)}</strong></td><td>{_e(g.who)}</td>"
        f"<td>{_e(g.outlet)}</td><td>{link}{where}<br><q>{_e(g.claim.sentence)}</q></td>"
        f'<td class="x">{"✗ " + marks if marks else ""}</td></tr>'
    )


def _finding(f: Finding, docs: dict[str, DocumentInfo]) -> str:
    sides = " <strong>vs</strong> ".join(
        f"{_e(p.label)} <small>({_e(p.role)}, {_e(interval(p))})</small>" for p in f.positions
    )
    pairing = f"<br>pairing {f.pairing.score:.2f}: {_e(f.pairing.words())}" if f.pairing is not None else ""
    if f.core:
        pairing += f"<br>cannot all hold: {_e(core_words(f))}"
    decided = f" · decided: {_e(f.decision or '')}" if f.status == "decided" else ""
    strength = f" · strength {f.strength:.2f}" if f.strength else ""
    return (
        f'<li><span class="badge {f.severity}">{f.severity}</span> {_e(f.kind.replace("_", " "))} '
        f"({_e(f.classification.replace('_', ' '))}) <code>{f.id}</code>{strength}{decided}<br>"
        f"{_e(f.title)}<br>{sides}{pairing}<br><small>{_e('; '.join(evidence_bits(f, docs)))}</small></li>"
    )


def _section(t: Timeline, docs: dict[str, DocumentInfo]) -> str:
    rows = "".join(_figure(g) for g in t.figures)
    findings = "".join(_finding(f, docs) for f in t.findings)
    return (
        f'<section id="q-{t.key}"><h2><span class="badge {t.severity}">{t.severity}</span> {_e(t.name)}</h2>'
        f"{svg(t)}<table><thead><tr><th>date</th><th>figure</th><th>who</th><th>outlet</th><th>article</th>"
        f"<th>disagrees with</th></tr></thead><tbody>{rows}</tbody></table>"
        f"<h3>Findings, strongest first</h3><ol>{findings}</ol></section>"
    )


def render_html(report: Report) -> str:
    """The report as a standalone HTML page (no script, no external resource)."""
    docs = {d.id: d for d in report.documents}
    body = "".join(_section(t, docs) for t in timelines(report))
    stale = "".join(
        f"<li><code>{_e(s.fingerprint)}</code> ({_e(s.decision)}) in {_e(s.path)}: its finding no longer appears</li>"
        for s in report.stale
    )
    errors = "".join(f"<li>{_e(e)}</li>" for e in report.errors)
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>factcheck report</title><style>{STYLE}</style></head><body>"
        f"<h1>factcheck: numbers that disagree</h1><p>{_e(summary(report))}</p>{body}"
        + (f"<h2>Stale decisions</h2><ul>{stale}</ul>" if stale else "")
        + (f"<h2>Unreadable inputs</h2><ul>{errors}</ul>" if errors else "")
        + "</body></html>\n"
    )
