"""The report as W3C PROV-JSON (through the ``prov`` package): articles are entities,
each claim an entity derived from its article and attributed to its source, each finding
an entity derived from its claims by the factcheck reconciliation activity."""

from __future__ import annotations

from prov.model import ProvDocument

from .. import __version__
from ..findings import Report


def _safe(text: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in text)


def render_prov(report: Report) -> str:
    doc = ProvDocument()
    doc.add_namespace("fc", "https://factcheck.invalid/ns#")
    doc.add_namespace("article", "https://factcheck.invalid/article/")
    doc.add_namespace("claim", "https://factcheck.invalid/claim/")
    doc.add_namespace("finding", "https://factcheck.invalid/finding/")
    doc.add_namespace("source", "https://factcheck.invalid/source/")
    tool = doc.agent("fc:factcheck", {"prov:type": "prov:SoftwareAgent", "fc:version": __version__})
    run = doc.activity("fc:reconciliation")
    doc.wasAssociatedWith(run, tool)
    for d in report.documents:
        attrs = {"prov:label": d.title or d.id, "fc:outlet": d.outlet or "", "fc:published": str(d.published or "")}
        doc.entity(f"article:{_safe(d.id)}", attrs)
    seen: set[str] = set()
    for f in list(report.conflicts) + list(report.decided):
        if f.id in seen:
            continue
        seen.add(f.id)
        finding = doc.entity(
            f"finding:{f.id}",
            {
                "prov:label": f.title,
                "fc:kind": f.kind,
                "fc:classification": f.classification,
                "fc:severity": f.severity,
            },
        )
        doc.wasGeneratedBy(finding, run)
        for p in f.positions:
            for c in p.claims:
                cid = f"claim:{_safe(c.id)}"
                claim = doc.entity(
                    cid,
                    {
                        "prov:label": c.quantity.text,
                        "prov:value": c.sentence,
                        "fc:start": c.quantity.start,
                        "fc:end": c.quantity.end,
                        "fc:role": p.role,
                    },
                )
                doc.wasDerivedFrom(claim, f"article:{_safe(c.document)}")
                doc.wasDerivedFrom(finding, claim)
                doc.used(run, claim)
                src = c.source
                previous = claim
                while src is not None:
                    agent = doc.agent(f"source:{_safe(src.name)}", {"prov:label": src.name})
                    doc.wasAttributedTo(previous, agent)
                    if src.via is not None:
                        via_agent = doc.agent(f"source:{_safe(src.via.name)}", {"prov:label": src.via.name})
                        doc.actedOnBehalfOf(agent, via_agent)
                    src = None
    return str(doc.serialize(format="json", indent=2)) + "\n"
