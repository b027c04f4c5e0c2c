"""Where a claim stands in its file, for CI formats that point at lines and columns, and
the rule each finding kind breaks."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from ..findings import Finding, Report
from ..models import Claim


def paths(report: Report) -> dict[str, str]:
    """Document id -> file path as given (POSIX separators), or the id for stdin input."""
    return {d.id: Path(d.path).as_posix() if d.path else d.id for d in report.documents}


def uri(path: str) -> str:
    """A path as a URI reference: relative paths percent-encoded (RFC 3986), absolute ones
    as ``file://`` URIs.

    >>> uri("articles/50% more/a b.md")
    'articles/50%25%20more/a%20b.md'
    >>> uri("/srv/news/a b.md")
    'file:///srv/news/a%20b.md'
    """
    p = Path(path)
    if p.is_absolute():
        return p.as_uri()
    return quote(p.as_posix(), safe="/")


def anchor(finding: Finding) -> Claim:
    """The claim a CI annotation is attached to: the first claim of the last-published
    side, since that is the newest figure, the one a change most likely brought in."""
    sides = [p for p in finding.positions if p.claims]
    latest = max(sides, key=lambda p: (max(str(c.published or "") for c in p.claims), -finding.positions.index(p)))
    return latest.claims[0]


RULES = {
    "value_conflict": ("FC001", "value-conflict", "The same quantity is given with figures that cannot all be true."),
    "part_exceeds_whole": ("FC002", "part-exceeds-whole", "A part is larger than the whole it belongs to."),
    "sum_mismatch": ("FC003", "sum-mismatch", "Stated parts do not add up to the stated total."),
    "contradicts_vetted_fact": ("FC004", "contradicts-vetted-fact", "A claim disagrees with a vetted fact."),
    "chain_exceeds": ("FC005", "chain-exceeds", "More were released, rescued or escaped than were held."),
}
"""Stable rule ids per finding kind: CI systems key their history on them. The README's
"Rules" section documents each (a test checks it names them all)."""


def input_error(error: str) -> tuple[str, str]:
    """An unreadable input's path and problem, from the report's ``"path: problem"`` line."""
    path, _, problem = error.partition(": ")
    return path, problem or error


def message(finding: Finding) -> str:
    sides = []
    for p in finding.positions:
        who = sorted(
            {
                (c.source.name if c.source else "unattributed") + f" ({c.document}, {c.published or 'undated'})"
                for c in p.claims
            }
        ) or [p.label]
        sides.append(f"{p.label} [{p.role}] from " + "; ".join(who))
    return (
        f"{finding.title}. {finding.reason.capitalize()} ({finding.classification.replace('_', ' ')}). "
        + " | ".join(sides)
        + (f". Evidence: {'; '.join(finding.evidence.notes)}" if finding.evidence.notes else "")
        + f". Finding {finding.id}."
    )
