"""Typed records for what reconciliation concludes: findings, their positions and the
report. Each finding keeps the full claims of every side, so provenance travels with it."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .models import Claim, Precision

Severity = Literal["info", "warning", "error"]
SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}

FindingKind = Literal[
    "value_conflict", "part_exceeds_whole", "sum_mismatch", "chain_exceeds", "contradicts_vetted_fact", "scope_conflict"
]
Classification = Literal["conflict", "update", "possibly_different_event", "stale"]
Status = Literal["new", "decided", "stale"]
Order = Literal["same", "ordered", "unknown"]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Position(_Record):
    """One side of a finding: the claims that agree on a value, and the interval they share."""

    role: Literal["value", "part", "whole", "parts", "total", "fact"] = "value"
    label: str
    low: float | None
    high: float | None
    claims: list[Claim]
    sources: int = Field(description="independent sources behind this position (documents x attributions)")
    what: str = Field(default="", description="what is counted and what happened, in words ('persons killed')")
    where: str = Field(default="", description="the scope in words ('Ecuador', 'Turi prison, Cuenca')")
    when: str = Field(default="", description="when the figure holds, in words ('Tue 19 Apr 2016')")
    who: list[str] = Field(default_factory=list, description="who the figure is attributed to, as written")


class Evidence(_Record):
    """What the classification rests on, shown rather than hidden."""

    order: Order | None = Field(
        default=None,
        description="how the text places the figures in time: at the 'same' moment, 'ordered', or 'unknown'",
    )
    dates: list[dt.date] = Field(default_factory=list)
    days_apart: int | None = None
    gap: float | None = Field(default=None, description="distance between the closest bounds of the positions")
    scope: str = ""
    frame: str | None = None
    events: list[str] = Field(default_factory=list)
    claimers: list[str] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)


class Agreement(_Record):
    """How one field of the two sides compares, in an editor's words."""

    field: Literal["event", "subject", "place", "time", "source", "figure", "document", "unit"]
    level: Literal["same", "close", "unknown", "different"]
    words: str = Field(description="the comparison in words ('both: killed', 'Pedernales within Ecuador')")
    weight: float = Field(description="log-likelihood ratio this agreement adds to the pairing score")


class Pairing(_Record):
    """How likely the sides of a finding measure one quantity, and the evidence field by field."""

    score: float = Field(ge=0.0, le=1.0, description="probability that the claims measure one quantity")
    fields: list[Agreement] = Field(default_factory=list)

    def words(self) -> str:
        """The evidence in one line: 'both: killed · Pedernales within Ecuador · same day'."""
        return " · ".join(a.words for a in self.fields if a.words)


class Estimate(_Record):
    """Low / best / high for a quantity group under a named policy."""

    policy: str
    low: float | None
    best: float | None
    high: float | None
    sources: int


class Finding(_Record):
    """A disagreement between claims, typed with its reason and classified."""

    id: str = Field(description="fingerprint: stable under re-ordering, renaming and text moving around")
    kind: FindingKind
    classification: Classification
    severity: Severity
    title: str
    reason: str
    quantity: str = Field(description="what is measured: event, subject, place")
    positions: list[Position]
    evidence: Evidence
    estimate: Estimate | None = None
    status: Status = "new"
    decision: str | None = None
    topic: str = Field(
        default="", description="the quantity key in words; findings about one key share it, for display"
    )
    rule: str = Field(default="", description="the rule broken, e.g. 'a death toll cannot fall on the same day'")
    new_sources: int = Field(default=0, description="documents that joined a decided finding since its decision")
    copies: list[list[str]] = Field(
        default_factory=list, description="documents that carry the same copy (wire, syndication): one source each"
    )
    pairing: Pairing | None = Field(
        default=None, description="how likely the sides measure one quantity, with the field-by-field evidence"
    )
    strength: float = Field(
        default=0.0,
        description="rank of the finding: its pairing score, x0.9 when it rests on an order in time, x0.5 when "
        "the order is unknown; strongest first",
    )
    quantity_id: str = Field(
        default="", description="the quantity (timeline) this finding belongs to; findings of one quantity share it"
    )
    core: list[str] = Field(
        default_factory=list,
        description="ids of a smallest set of its claims that cannot all hold: without any one of them the rest can "
        "(empty for an update, where they all can)",
    )


class DocumentInfo(_Record):
    """An article the report read, as its front matter names it."""

    id: str
    path: str | None
    title: str | None
    outlet: str | None
    published: dt.date | None
    published_precision: Precision | None = Field(default=None, description="day, month or year")
    url: str | None = Field(default=None, description="the article's address (front matter url)")


class StaleDecision(_Record):
    fingerprint: str
    decision: str
    path: str


class Report(_Record):
    """The consistency report over a set of documents."""

    schema_version: str = "1.0"
    tool: str = "factcheck"
    documents: list[DocumentInfo]
    claims: int
    conflicts: list[Finding]
    decided: list[Finding] = Field(default_factory=list)
    stale: list[StaleDecision] = Field(default_factory=list)
    errors: list[str] = Field(default_factory=list)
    settings: dict[str, str | float | int | bool] = Field(default_factory=dict)
