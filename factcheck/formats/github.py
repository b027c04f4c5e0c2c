"""GitHub Actions workflow commands (``::error file=...,line=...,col=...::message``),
escaped as the runner requires. GitHub shows only ten annotations of each level per step,
so pair this with ``--format markdown >> "$GITHUB_STEP_SUMMARY"`` for the full list."""

from __future__ import annotations

from ..findings import Report
from .escape import terminal
from .locations import anchor, message, paths

LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """Escape a message: %, CR and LF, and any other control character shown as an escape.

    >>> escape_data("50%\\nmore")
    '50%25%0Amore'
    >>> escape_data("AP\\x1b]0;owned\\x07")
    'AP\\\\x1b]0;owned\\\\x07'
    """
    # CR and LF are the runner's own escapes; every other control character an article may
    # hold (an escape sequence) is shown, never sent to the log viewer as it is
    return terminal(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    """Escape a property value: also ':' and ','."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(report: Report) -> str:
    where = paths(report)
    lines = []
    for f in report.conflicts:
        if f.status == "decided":
            continue
        c = anchor(f)
        props = [
            f"file={escape_property(where.get(c.document, c.document))}",
            f"line={c.line or 1}",
            f"col={c.column or 1}",
            f"endColumn={(c.column or 1) + len(c.quantity.text)}",
            f"title={escape_property('factcheck ' + f.kind.replace('_', ' ') + ' ' + f.id)}",
        ]
        # one annotation a finding, at its newest figure; the message names the other figures' places
        lines.append(f"::{LEVEL[f.severity]} {','.join(props)}::{escape_data(message(f, report))}")
    for err in report.errors:
        lines.append(f"::error::{escape_data(err)}")
    return "\n".join(lines) + ("\n" if lines else "")
