"""Carrying editors' decisions over when the reconciler's findings change shape.

A decision is found again by its finding's fingerprint. When a new version of factcheck
splits a finding (one finding of three sides becomes pairs) the old fingerprints match
nothing, and every decision would come back as stale. :func:`migrate` gives each current
finding the decision that covered it: an old decision covers a finding when the finding's
documents are among the decision's and every figure of both sides appears in the title the
decision recorded. The old file goes, the new ones keep the decision, the note, the
reviewer and the date, with a history entry saying where they came from."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .files import atomic_write
from .findings import Finding
from .ledger import Decision, Entry, Ledger, _dump
from .reconciliation.fingerprint import side_figures

_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


@dataclass(frozen=True)
class Migration:
    """One old decision carried over to the findings it covered."""

    old: str
    new: tuple[str, ...]
    title: str


def _figures(text: str) -> set[float]:
    return {float(m.group().replace(",", ".")) for m in _NUMBER.finditer(text)}


def _finding_figures(f: Finding) -> set[float]:
    out: set[float] = set()
    for p in f.positions:
        for fig in side_figures(p):
            out.update(float(x) for x in fig.split("-") if x not in ("inf", ""))
    return out


def covers(decision: Decision, finding: Finding) -> bool:
    """True when an old decision covered the finding: same documents, same figures."""
    docs = {c.document for p in finding.positions for c in p.claims}
    if not docs or not docs <= set(decision.documents):
        return False
    return _finding_figures(finding) <= _figures(decision.finding)


def migrate(
    ledger: Ledger, findings: Sequence[Finding], dry_run: bool = False, now: dt.datetime | None = None
) -> list[Migration]:
    """Move decisions whose fingerprint no finding has onto the findings they covered."""
    decisions = ledger.decisions()
    current = {f.id for f in findings}
    taken = set(decisions)
    out: list[Migration] = []
    stamp = (now or dt.datetime.now(dt.UTC)).replace(microsecond=0)
    for fp, (old, path) in sorted(decisions.items()):
        if fp in current:
            continue
        targets = [f for f in sorted(findings, key=lambda f: f.id) if f.id not in taken and covers(old, f)]
        if not targets:
            continue
        for f in targets:
            taken.add(f.id)
            if dry_run:
                continue
            moved = Entry(
                decision="noted",
                note=f"carried over from decision {fp} ({old.finding}) by 'factcheck migrate'",
                reviewer="factcheck migrate",
                decided_at=stamp,
                seq=len(old.history) + 2,
            )
            new = Decision(
                **{
                    **old.model_dump(),
                    "fingerprint": f.id,
                    "finding": f.title,
                    "documents": sorted({c.document for p in f.positions for c in p.claims}),
                    "history": [*old.history, moved],
                }
            )
            atomic_write(ledger.path_for(f.id), _dump(new))
        if not dry_run:
            path.unlink()
        out.append(Migration(fp, tuple(f.id for f in targets), old.finding))
    return out
