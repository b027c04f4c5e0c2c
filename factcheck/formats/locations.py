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
    "scope_conflict": (
        "FC006",
        "scope-conflict",
        "One total is said to be in one place by one report and across several places by another.",
    ),
}
"""Stable rule ids per finding kind: CI systems key their history on them. The README's
"Rules" section documents each (a test checks it names them all)."""


def input_error(error: str) -> tuple[str, str]:
    """An unreadable input's path and problem, from the report's ``"path: problem"`` line."""
    path, _, problem = error.partition(": ")
    return path, problem or error


def every(finding: Finding) -> list[tuple[str, Claim]]:
    """Every claim of a finding with its side's role, the anchor first, each claim once."""
    main = anchor(finding)
    out: list[tuple[str, Claim]] = [(next(p.role for p in finding.positions if any(c is main for c in p.claims)), main)]
    seen = {main.id}
    for p in finding.positions:
        for c in p.claims:
            if c.id not in seen:
                seen.add(c.id)
                out.append((p.role, c))
    return out


def point(c: Claim, where: dict[str, str]) -> str:
    """A claim's place in its file: 'path:line:column'."""
    return f"{where.get(c.document, c.document)}:{c.line or 1}:{c.column or 1}"


def message(finding: Finding, report: Report | None = None) -> str:
    """The finding in one paragraph: title, reason, each side with who says it, in which
    article (its address where the front matter gives one) and when (at the date's
    precision); with ``report``, every other figure's place in its file too."""
    from .timeline import claim_date
    from .words import clean

    docs = {d.id: d for d in report.documents} if report is not None else {}
    sides = []
    for p in finding.positions:
        who = sorted(
            {
                (c.source.name if c.source else "unattributed")
                + f" ({c.document}, {claim_date(c, docs)}"
                + (f", {docs[c.document].url}" if c.document in docs and docs[c.document].url else "")
                + ")"
                for c in p.claims
            }
        ) or [p.label]
        sides.append(f"{p.label} [{p.role}] from " + "; ".join(who))
    also = ""
    if report is not None:
        where = paths(report)
        others = [point(c, where) for _, c in every(finding)[1:]]
        also = f". Also at {', '.join(others)}" if others else ""
    return clean(
        f"{finding.title}. {finding.reason.capitalize()} ({finding.classification.replace('_', ' ')}). "
        + " | ".join(sides)
        + (f". Evidence: {'; '.join(finding.evidence.notes)}" if finding.evidence.notes else "")
        + also
        + f". Finding {finding.id}."
    )
