"""One timeline per quantity: the unit of review and of every report written for people.

Findings about one quantity (``Finding.quantity_id``, else its ``topic``) are grouped;
the figures their sides cite are listed once each, in time order (the date the figure
holds where the text says, else the article's publication), each with its value,
qualifier, who says it, outlet, date and link, and the disagreements it takes part in.
Timelines are ranked by their strongest finding: severity first, then ``strength``."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

from ..findings import SEVERITY_RANK, DocumentInfo, Finding, Report
from ..models import Claim, Precision
from .words import clean, date, qualifier


@dataclass(frozen=True)
class Mark:
    """A disagreement a figure takes part in: the finding, and the figures on other sides."""

    finding: str
    severity: str
    kind: str
    against: str


@dataclass(frozen=True)
class Figure:
    """One figure of a timeline, with everything an editor needs to weigh it."""

    claim: Claim
    when: dt.date | None
    precision: Precision | None
    basis: str
    who: str
    outlet: str
    title: str
    url: str | None
    path: str | None
    marks: tuple[Mark, ...] = ()

    @property
    def value(self) -> str:
        """The figure as written ('at least 40' reads as written; 'Thirty-nine' too)."""
        return self.claim.quantity.text

    @property
    def qualifier(self) -> str:
        return qualifier(self.claim.quantity.qualifier)

    @property
    def day(self) -> str:
        """The date at its precision ('March 2023')."""
        return date(self.when, self.precision)

    @property
    def basis_words(self) -> str:
        """What the date rests on: 'stated', 'relative' (a weekday resolved), 'published'."""
        return "" if self.when is None else {"stated": "", "relative": "from a weekday"}.get(self.basis, self.basis)

    @property
    def date(self) -> str:
        """The date at its precision, with what it rests on ('28 March 2023, published')."""
        words = date(self.when, self.precision)
        return words if self.when is None or self.basis in ("stated", "relative") else f"{words}, published"


@dataclass(frozen=True)
class Timeline:
    """The figures for one quantity in time order, and the findings among them, strongest first."""

    id: str
    name: str
    findings: list[Finding]
    figures: list[Figure] = field(default_factory=list)

    @property
    def key(self) -> str:
        """A short id safe in a URL and an HTML id, stable for the same quantity."""
        return hashlib.sha1(self.id.encode("utf-8")).hexdigest()[:12]

    @property
    def top(self) -> Finding:
        return self.findings[0]

    @property
    def severity(self) -> str:
        return self.top.severity


def rank(f: Finding) -> tuple[int, float]:
    """How a finding ranks: severity first, then its strength (higher first)."""
    return (SEVERITY_RANK[f.severity], f.strength)


def quantity_of(f: Finding) -> str:
    """The quantity a finding belongs to: the reconciler's ``quantity_id``, else its topic."""
    return f.quantity_id or f.topic or f.quantity


def _dated(c: Claim, docs: dict[str, DocumentInfo]) -> tuple[dt.date | None, Precision | None, str]:
    if c.as_of is not None and c.as_of.date is not None and c.as_of.basis in ("stated", "relative"):
        return c.as_of.date, c.as_of.precision or "day", c.as_of.basis
    d = docs.get(c.document)
    published = c.published or (d.published if d else None)
    return published, (d.published_precision if d and d.published_precision else "day"), "published"


def claim_date(c: Claim, docs: dict[str, DocumentInfo]) -> str:
    """When a claim's figure holds, in words at its precision."""
    day, precision, _ = _dated(c, docs)
    return date(day, precision)


def dated(c: Claim, docs: dict[str, DocumentInfo]) -> tuple[dt.date, str]:
    """A claim's date for sorting, with its words ('' when undated)."""
    day, precision, _ = _dated(c, docs)
    return (day or dt.date.max, date(day, precision) if day else "")


def day_precise(f: Finding, docs: dict[str, DocumentInfo]) -> bool:
    """True when every dated side of ``f`` is known to the day, so 'N days apart' means it."""
    return all(_dated(c, docs)[1] == "day" for p in f.positions for c in p.claims if _dated(c, docs)[0])


def _who(c: Claim) -> str:
    if c.source is None:
        return "unattributed"
    return c.source.name + (f" (via {c.source.via.name})" if c.source.via is not None else "")


def _figures(findings: list[Finding], docs: dict[str, DocumentInfo]) -> list[Figure]:
    claims: dict[str, Claim] = {}
    marks: dict[str, list[Mark]] = {}
    for f in findings:
        for i, p in enumerate(f.positions):
            against = " / ".join(q.label for j, q in enumerate(f.positions) if j != i)
            for c in p.claims:
                claims.setdefault(c.id, c)
                mark = Mark(f.id, f.severity, f.kind, against)
                if mark not in marks.setdefault(c.id, []):
                    marks[c.id].append(mark)
    out = []
    for cid, c in claims.items():
        when, precision, basis = _dated(c, docs)
        d = docs.get(c.document)
        out.append(
            Figure(
                claim=c,
                when=when,
                precision=precision,
                basis=basis,
                who=clean(_who(c)),
                outlet=(d.outlet if d and d.outlet else c.outlet) or "",
                title=(d.title if d and d.title else "") or c.document,
                url=d.url if d else None,
                path=d.path if d else None,
                marks=tuple(marks[cid]),
            )
        )
    # undated figures last; ties in document order, then in text order
    out.sort(key=lambda g: (g.when is None, g.when or dt.date.min, g.claim.document, g.claim.quantity.start))
    return out


def timelines(report: Report, findings: list[Finding] | None = None) -> list[Timeline]:
    """The report's findings (or ``findings``) as timelines, strongest first; within one,
    findings strongest first and figures in time order. Deterministic: ties break on ids.

    >>> from factcheck import Document, check
    >>> a = Document(id="a", outlet="AP", body="Officials said 12 people were killed on Monday.")
    >>> b = Document(id="b", outlet="BBC", body="Police said 40 people were killed on Monday.")
    >>> [g.value for g in timelines(check([a, b]))[0].figures]
    ['12', '40']
    """
    docs = {d.id: d for d in report.documents}
    groups: dict[str, list[Finding]] = {}
    for f in report.conflicts if findings is None else findings:
        groups.setdefault(quantity_of(f), []).append(f)
    out = []
    for qid, members in groups.items():
        members.sort(key=lambda f: (-rank(f)[0], -rank(f)[1], f.id))
        name = clean(members[0].topic or members[0].quantity) or qid
        out.append(Timeline(id=qid, name=name, findings=members, figures=_figures(members, docs)))
    out.sort(key=lambda t: (-rank(t.top)[0], -rank(t.top)[1], t.id))
    return out


def ordered(report: Report) -> list[Finding]:
    """The report's findings in timeline order: the order every page and report lists them."""
    return [f for t in timelines(report) for f in t.findings]
