"""Provenance of a report, twice: as a typed record (:class:`Provenance`, for a program to
read without re-parsing anything) and as W3C PROV-JSON (through the ``prov`` package, for
lineage tools), written from that record. Articles are entities, each claim an entity
derived from its article and attributed to its source (with the chain where the text has
one), each finding an entity derived from its claims by the reconciliation activity."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

from .. import __version__
from ..findings import Report
from ..models import Precision
from .words import clean, iso


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ArticleProvenance(_Record):
    """An article the report read."""

    id: str
    path: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    published_precision: Precision | None = None
    url: str | None = Field(default=None, description="the article's address (front matter url)")


class ClaimProvenance(_Record):
    """Where one side's figure comes from: the article, the characters, the sentence, and
    who the text attributes it to (outermost first: ``["Reuters", "Ecuador government"]``)."""

    claim: str
    document: str
    role: str
    text: str
    start: int
    end: int
    sentence: str
    sources: list[str] = Field(default_factory=list)


class FindingProvenance(_Record):
    """A finding and the claims it was derived from."""

    finding: str
    kind: str
    classification: str
    severity: str
    title: str
    claims: list[ClaimProvenance]


class Provenance(_Record):
    """The lineage of a report: which tool, which articles, which claims behind which findings."""

    tool: str = "factcheck"
    version: str = __version__
    articles: list[ArticleProvenance]
    findings: list[FindingProvenance]


def provenance(report: Report) -> Provenance:
    """The lineage of ``report`` as a typed record; open and decided findings, once each.

    >>> from factcheck import Document, check
    >>> a = Document(id="a", outlet="AP", body="Officials said 12 people were killed on Monday.")
    >>> b = Document(id="b", outlet="BBC", body="Police said 40 people were killed on Monday.")
    >>> lineage = provenance(check([a, b]))
    >>> [(c.document, c.text, c.sources) for c in lineage.findings[0].claims]
    [('a', '12', ['Officials']), ('b', '40', ['Police'])]
    """
    findings: list[FindingProvenance] = []
    seen: set[str] = set()
    for f in [*report.conflicts, *report.decided]:
        if f.id in seen:
            continue
        seen.add(f.id)
        claims = []
        for p in f.positions:
            for c in p.claims:
                chain: list[str] = []
                src = c.source
                while src is not None:
                    chain.append(src.name)
                    src = src.via
                claims.append(
                    ClaimProvenance(
                        claim=c.id,
                        document=c.document,
                        role=p.role,
                        text=c.quantity.text,
                        start=c.quantity.start,
                        end=c.quantity.end,
                        sentence=c.sentence,
                        sources=chain,
                    )
                )
        findings.append(
            FindingProvenance(
                finding=f.id,
                kind=f.kind,
                classification=f.classification,
                severity=f.severity,
                title=clean(f.title),
                claims=claims,
            )
        )
    articles = [ArticleProvenance.model_validate(d, from_attributes=True) for d in report.documents]
    return Provenance(articles=articles, findings=findings)


def _safe(text: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in text)


def render_prov(report: Report) -> str:
    """The report's lineage as W3C PROV-JSON."""
    from prov.model import ProvDocument  # imported on first use: prov pulls in rdflib-sized deps

    lineage = provenance(report)
    doc = ProvDocument()
    doc.add_namespace("fc", "https://factcheck.invalid/ns#")
    doc.add_namespace("article", "https://factcheck.invalid/article/")
    doc.add_namespace("claim", "https://factcheck.invalid/claim/")
    doc.add_namespace("finding", "https://factcheck.invalid/finding/")
    doc.add_namespace("source", "https://factcheck.invalid/source/")
    tool = doc.agent("fc:factcheck", {"prov:type": "prov:SoftwareAgent", "fc:version": lineage.version})
    run = doc.activity("fc:reconciliation")
    doc.wasAssociatedWith(run, tool)
    for a in lineage.articles:
        attrs = {
            "prov:label": a.title or a.id,
            "fc:outlet": a.outlet or "",
            "fc:published": iso(a.published, a.published_precision or "day"),
        }
        if a.url:
            attrs["prov:location"] = a.url  # where the article was read from
        doc.entity(f"article:{_safe(a.id)}", attrs)
    for f in lineage.findings:
        finding = doc.entity(
            f"finding:{f.finding}",
            {
                "prov:label": f.title,
                "fc:kind": f.kind,
                "fc:classification": f.classification,
                "fc:severity": f.severity,
            },
        )
        doc.wasGeneratedBy(finding, run)
        for c in f.claims:
            claim = doc.entity(
                f"claim:{_safe(c.claim)}",
                {
                    "prov:label": c.text,
                    "prov:value": c.sentence,
                    "fc:start": c.start,
                    "fc:end": c.end,
                    "fc:role": c.role,
                },
            )
            doc.wasDerivedFrom(claim, f"article:{_safe(c.document)}")
            doc.wasDerivedFrom(finding, claim)
            doc.used(run, claim)
            if c.sources:
                # the outermost source is who the claim is attributed to; each inner link
                # is whom that source acted for ("Reuters", via "Ecuador government")
                agents = [doc.agent(f"source:{_safe(name)}", {"prov:label": name}) for name in c.sources]
                doc.wasAttributedTo(claim, agents[0])
                for outer, inner in zip(agents, agents[1:], strict=False):
                    doc.actedOnBehalfOf(outer, inner)
    return str(doc.serialize(format="json", indent=2)) + "\n"
