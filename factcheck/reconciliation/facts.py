"""Claims against facts an editor has vetted in the ledger: a claim with the same event,
classes and place whose figure cannot be the vetted one is a finding."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..config import Settings
from ..findings import Evidence, Finding, Position
from ..intervals import Interval, from_qualifier
from ..models import Claim
from .describe import described
from .fingerprint import fingerprint
from .identity import subject_classes, subject_relation
from .keys import Facet, facet
from .positions import claim_interval, position

if TYPE_CHECKING:
    from ..ledger import VettedFact


def check_facts(facts: Sequence[VettedFact], claims: Sequence[Claim], settings: Settings) -> list[Finding]:
    """Findings for claims that contradict a vetted fact."""
    out: list[Finding] = []
    for fact in facts:
        classes = subject_classes(fact.subject.lower())
        fact_iv = from_qualifier(fact.value, fact.qualifier, settings.tolerance)
        against: dict[tuple[float | None, float | None], list[Claim]] = {}
        first: dict[tuple[float | None, float | None], Facet] = {}
        for c in sorted(claims, key=lambda c: c.id):
            f = facet(c)
            if f is None or f.event != fact.event or f.unit is not None or f.background is not None:
                continue
            if subject_relation(f.classes, classes) != "same":
                continue
            if fact.place and not (c.place and fact.place in ((c.place.name or ""), *c.place.within)):
                continue
            iv = claim_interval(c, settings.tolerance)
            if not iv.overlaps(fact_iv):
                against.setdefault((iv.low, iv.high), []).append(c)
                first.setdefault((iv.low, iv.high), f)
        for (low, high), bad in sorted(against.items(), key=lambda kv: str(kv[0])):
            fact_pos = Position(
                role="fact",
                label=f"{fact.value:g} (vetted: {fact.source})",
                low=fact_iv.low,
                high=fact_iv.high,
                claims=[],
                sources=1,
                what=f"{fact.subject} {fact.event}",
                where=fact.place or "",
                when=str(fact.date or ""),
                who=[fact.source],
            )
            claim_pos = described(position(bad, Interval(low, high)), first[(low, high)])
            scope = f"{fact.place or 'anywhere'}, {fact.subject} {fact.event}"
            rule = "a claim disagrees with a fact an editor has vetted"
            out.append(
                Finding(
                    id=fingerprint("contradicts_vetted_fact", fact.id, [fact_pos, claim_pos]),
                    kind="contradicts_vetted_fact",
                    classification="conflict",
                    severity="error",
                    title=f"{scope}: {claim_pos.label} contradicts vetted {fact.value:g} ({fact.source})",
                    reason=rule,
                    quantity=scope,
                    positions=[fact_pos, claim_pos],
                    evidence=Evidence(
                        scope=scope,
                        frame=fact.event,
                        claimers=sorted(claim_pos.who),
                        notes=[f"vetted fact {fact.id}: {fact.note}"],
                    ),
                    topic=scope,
                    rule=rule,
                )
            )
    return out
