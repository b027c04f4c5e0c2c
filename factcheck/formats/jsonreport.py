"""The report as JSON that grows with the claims, not with claims times findings: every
claim a finding cites is listed once, in the ``claims`` table, and each side of a finding
cites its claims by id (with the document and the figure's characters, so a reader can
locate a side without the table). Keys are sorted, so the same input gives byte-identical
output. The schema is :class:`ReportJSON` (``factcheck schema report``,
docs/schemas/report.schema.json); :func:`load_report` reads it back into a
:class:`~factcheck.findings.Report`."""

from __future__ import annotations

import json

from pydantic import BaseModel, ConfigDict, Field

from ..findings import Finding, Position, Report
from ..models import Claim
from .words import clean

SCHEMA_VERSION = "2.0"
"""2.0: claims listed once in ``claims`` and cited by id from the sides (1.0 embedded them)."""


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CitedQuantity(_Record):
    """The figure's characters in its article body."""

    text: str
    start: int
    end: int


class ClaimCite(_Record):
    """A claim cited by a side: its id in the ``claims`` table, its document and figure."""

    id: str
    document: str
    quantity: CitedQuantity


class PositionJSON(Position):
    """A side of a finding, citing its claims by id."""

    claims: list[ClaimCite]  # type: ignore[assignment]  # cites, not the full records


class FindingJSON(Finding):
    """A finding whose sides cite their claims by id."""

    positions: list[PositionJSON]  # type: ignore[assignment]  # sides that cite claims


class ReportJSON(Report):
    """The JSON report: documents, the claims the findings cite (each once), the findings."""

    schema_version: str = SCHEMA_VERSION
    claims: list[Claim] = Field(  # type: ignore[assignment]  # the table, not the count
        default_factory=list, description="every claim a finding cites, once each, sorted by id"
    )
    claims_read: int = Field(default=0, description="claims extracted from the documents")
    conflicts: list[FindingJSON]  # type: ignore[assignment]
    decided: list[FindingJSON] = Field(default_factory=list)  # type: ignore[assignment]


def _cite(c: Claim) -> ClaimCite:
    q = c.quantity
    return ClaimCite(id=c.id, document=c.document, quantity=CitedQuantity(text=q.text, start=q.start, end=q.end))


def _compact(f: Finding, cites: dict[int, ClaimCite]) -> FindingJSON:
    """The finding citing its claims, each claim record's cite made once (``cites``, by
    record: a claim is cited by many findings, 264,000 cites for 5,000 articles)."""
    fields = dict(f)
    # the words for people never carry an internal label ("a count of raw:venezuelan ...")
    for key in ("title", "reason", "rule"):
        fields[key] = clean(fields[key])
    fields["positions"] = [
        PositionJSON.model_construct(
            **{**dict(p), "claims": [cites.get(id(c)) or cites.setdefault(id(c), _cite(c)) for c in p.claims]}
        )
        for p in f.positions
    ]
    return FindingJSON.model_construct(**fields)


def compact(report: Report) -> ReportJSON:
    """``report`` with each claim once in a table and the sides citing them by id."""
    table: dict[str, Claim] = {}
    for f in [*report.conflicts, *report.decided]:
        for p in f.positions:
            for c in p.claims:
                table.setdefault(c.id, c)
    fields = dict(report)
    cites: dict[int, ClaimCite] = {}
    fields.update(
        schema_version=SCHEMA_VERSION,
        claims=[table[k] for k in sorted(table)],
        claims_read=report.claims,
        conflicts=[_compact(f, cites) for f in report.conflicts],
        decided=[_compact(f, cites) for f in report.decided],
    )
    return ReportJSON.model_construct(**fields)


def render_json(report: Report) -> str:
    """The report as compact JSON (schema :class:`ReportJSON`).

    >>> from factcheck import Document, check
    >>> a = Document(id="a", outlet="AP", body="Officials said 12 people were killed on Monday.")
    >>> b = Document(id="b", outlet="BBC", body="Police said 40 people were killed on Monday.")
    >>> data = json.loads(render_json(check([a, b])))
    >>> [c["id"] for c in data["conflicts"][0]["positions"][0]["claims"]] == [data["claims"][0]["id"]]
    True
    """
    encoder = json.JSONEncoder(indent=2, sort_keys=True, ensure_ascii=False)  # as json.dumps with these
    # json.dumps lists every piece before joining them (18 million strings, about 1 GB, for
    # 5,000 articles); joined a batch at a time, the pieces take little beside the text
    parts: list[str] = []
    batch: list[str] = []
    for piece in encoder.iterencode(compact(report).model_dump(mode="json")):
        batch.append(piece)
        if len(batch) == _BATCH:
            parts.append("".join(batch))
            batch.clear()
    batch.append("\n")
    parts.append("".join(batch))
    return "".join(parts)


_BATCH = 1 << 16


def load_report(text: str) -> Report:
    """A JSON report (schema 2.0, or 1.0 with claims embedded) read back into a :class:`Report`."""
    data = json.loads(text)
    if str(data.get("schema_version", "1.0")).startswith("1."):
        return Report.model_validate(data)
    table = {c["id"]: c for c in data.pop("claims", [])}
    data["claims"] = data.pop("claims_read", 0)
    data["schema_version"] = "1.0"
    for key in ("conflicts", "decided"):
        for f in data.get(key, []):
            for p in f["positions"]:
                p["claims"] = [table[c["id"]] for c in p["claims"]]
    return Report.model_validate(data)
