"""The editors' ledger in ``claims/``: decisions on findings and vetted facts, as one
human-readable YAML file per decision (named by the finding's fingerprint, so merges of
different decisions never conflict) and one per fact.

Writes are atomic (a temporary file renamed over the target) and serialised per file by
a lock, so concurrent writers lose no decision. A file that does not parse is reported
with its path and never overwritten."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Collection, Sequence
from pathlib import Path
from typing import Literal

import yaml
from filelock import FileLock
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .config import Settings
from .errors import LedgerError
from .files import atomic_write
from .findings import Evidence, Finding, Position, StaleDecision
from .intervals import Interval
from .models import Claim

Action = Literal[
    "confirmed", "dismissed-different-events", "dismissed-not-same-quantity", "resolved", "flagged", "noted", "undone"
]
ACTIONS: tuple[str, ...] = (
    "confirmed",
    "dismissed-different-events",
    "dismissed-not-same-quantity",
    "resolved",
    "flagged",
    "noted",
    "undone",
)
SETTLED = frozenset({"confirmed", "dismissed-different-events", "dismissed-not-same-quantity", "resolved"})
"""Decisions that settle a finding: it no longer fails a check. "noted" adds a note and
keeps whatever was decided before. "flagged" (look again
later) and "undone" leave it open."""

_FINGERPRINT = re.compile(r"^[0-9a-f]{16}$")


class Entry(BaseModel):
    """One decision as an editor made it."""

    model_config = ConfigDict(extra="forbid")

    decision: Action
    note: str = ""
    reviewer: str
    decided_at: dt.datetime
    value: float | None = Field(default=None, description="the correct value, with 'resolved'")
    value_source: str | None = None
    seq: int | None = Field(default=None, description="1 for the first entry recorded on this finding, then 2, 3, ...")


class Decision(BaseModel):
    """An editor's decision on a finding, with the history of earlier decisions."""

    model_config = ConfigDict(extra="forbid")

    fingerprint: str = Field(pattern=_FINGERPRINT.pattern)
    finding: str = Field(default="", description="the finding's title when it was decided, for people reading the file")
    documents: list[str] = Field(default_factory=list)
    decision: Action
    note: str = ""
    reviewer: str
    decided_at: dt.datetime
    value: float | None = None
    value_source: str | None = None
    seq: int | None = Field(
        default=None, description="order in which entries were recorded; timestamps tie within a second"
    )
    history: list[Entry] = Field(default_factory=list)

    @property
    def settled(self) -> bool:
        return self.decision in SETTLED

    def entry(self) -> Entry:
        """The standing decision as a history entry."""
        return Entry.model_validate(self.model_dump(include=set(Entry.model_fields)))


class VettedFact(BaseModel):
    """A quantity an editor has checked, against which new claims are checked."""

    model_config = ConfigDict(extra="forbid")

    id: str
    event: str
    subject: str
    place: str | None = None
    value: float
    qualifier: Literal["exact", "approximately", "at_least", "more_than", "nearly", "at_most", "less_than"] = "exact"
    source: str
    note: str = ""
    date: dt.date | None = None


def _load_yaml(path: Path) -> object:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        raise LedgerError(str(path), f"not valid UTF-8 (byte {err.start})") from err
    except OSError as err:
        raise LedgerError(str(path), f"unreadable: {err.strerror or err}") from err
    if not text.strip():
        raise LedgerError(str(path), "empty file (truncated?)")
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise LedgerError(str(path), f"malformed YAML{where}: {getattr(err, 'problem', None) or err}") from err


def _validated(model: type[BaseModel], path: Path) -> BaseModel:
    data = _load_yaml(path)
    if not isinstance(data, dict):
        raise LedgerError(str(path), "expected a mapping of fields")
    try:
        return model.model_validate(data)
    except ValidationError as err:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc']) or '(file)'}: {e['msg']}" for e in err.errors())
        raise LedgerError(str(path), problems) from err


def _dump(model: BaseModel) -> str:
    data = model.model_dump(mode="json", exclude_none=True)
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


class Ledger:
    """The ledger folder: ``decisions/<fingerprint>.yaml`` and ``facts/<id>.yaml``."""

    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = Path(root)
        self.decisions_dir = self.root / "decisions"
        self.facts_dir = self.root / "facts"

    def path_for(self, fingerprint: str) -> Path:
        if not _FINGERPRINT.match(fingerprint):
            raise LedgerError(str(self.decisions_dir), f"not a finding fingerprint: {fingerprint!r}")
        return self.decisions_dir / f"{fingerprint}.yaml"

    def decisions(self) -> dict[str, tuple[Decision, Path]]:
        """Every decision, by fingerprint; a malformed file raises :class:`LedgerError`."""
        out: dict[str, tuple[Decision, Path]] = {}
        if not self.decisions_dir.is_dir():
            return out
        for path in sorted(self.decisions_dir.glob("*.yaml")):
            decision = _validated(Decision, path)
            assert isinstance(decision, Decision)
            if path.stem != decision.fingerprint:
                raise LedgerError(str(path), f"file name does not match its fingerprint {decision.fingerprint}")
            out[decision.fingerprint] = (decision, path)
        return out

    def facts(self) -> list[VettedFact]:
        if not self.facts_dir.is_dir():
            return []
        out = []
        for path in sorted(self.facts_dir.glob("*.yaml")):
            fact = _validated(VettedFact, path)
            assert isinstance(fact, VettedFact)
            out.append(fact)
        return out

    def record(
        self,
        fingerprint: str,
        action: str,
        reviewer: str,
        note: str = "",
        finding: Finding | None = None,
        value: float | None = None,
        value_source: str | None = None,
        now: dt.datetime | None = None,
    ) -> Decision:
        """Record a decision, keeping earlier ones as history. Atomic and locked: two
        editors deciding at once both land, one after the other."""
        if action not in ACTIONS:
            raise LedgerError(str(self.decisions_dir), f"unknown decision {action!r}; one of {', '.join(ACTIONS)}")
        if action == "resolved" and value is None:
            raise LedgerError(str(self.decisions_dir), "a 'resolved' decision needs the correct value")
        if not reviewer.strip():
            raise LedgerError(str(self.decisions_dir), "a decision needs the reviewer's name")
        path = self.path_for(fingerprint)
        path.parent.mkdir(parents=True, exist_ok=True)
        entry = Entry(
            seq=1,
            decision=action,
            note=note,
            reviewer=reviewer.strip(),
            decided_at=(now or dt.datetime.now(dt.UTC)).replace(microsecond=0),
            value=value,
            value_source=value_source,
        )
        with FileLock(str(path.parent / f".{fingerprint}.lock")):
            history: list[Entry] = []
            title, documents = "", []
            if path.exists():
                old = _validated(Decision, path)  # raises, and so never overwrites, a malformed file
                assert isinstance(old, Decision)
                # each record adds one entry, so the count so far orders them exactly
                entry = entry.model_copy(update={"seq": len(old.history) + 2})
                history = [*old.history, old.entry()]
                title, documents = old.finding, old.documents
                if action == "noted":
                    # a note alone keeps the standing decision; it goes into the history
                    history = [*old.history, entry]
                    entry = old.entry()
            if finding is not None:
                title = finding.title
                documents = sorted({c.document for p in finding.positions for c in p.claims})
            decision = Decision(
                fingerprint=fingerprint, finding=title, documents=documents, history=history, **entry.model_dump()
            )
            atomic_write(path, _dump(decision))
        return decision

    def apply(
        self, findings: Sequence[Finding], show_all: bool = False, documents: Collection[str] | None = None
    ) -> tuple[list[Finding], list[Finding], list[StaleDecision]]:
        """Split findings into open and decided, and list decisions whose finding is gone.

        A decision is stale only when every document it names was checked in this run: a
        check over other articles says nothing about it."""
        decisions = self.decisions()
        open_: list[Finding] = []
        decided: list[Finding] = []
        present = {f.id for f in findings}
        for f in findings:
            d = decisions.get(f.id)
            if d is not None and d[0].settled:
                marked = f.model_copy(update={"status": "decided", "decision": d[0].decision})
                decided.append(marked)
                if show_all:
                    open_.append(marked)
            else:
                open_.append(f)
        stale = [
            StaleDecision(fingerprint=fp, decision=d.decision, path=str(p))
            for fp, (d, p) in sorted(decisions.items())
            if fp not in present and (documents is None or set(d.documents) <= set(documents))
        ]
        return open_, decided, stale

    def check_facts(self, claims: Sequence[Claim], settings: Settings) -> list[Finding]:
        """Claims that contradict a vetted fact: same frame, classes and place, disjoint values."""
        from .extraction.events import frame_of
        from .intervals import from_qualifier
        from .reconciliation.classify import classify
        from .reconciliation.fingerprint import fingerprint
        from .reconciliation.identity import facet, subject_classes, subject_relation
        from .reconciliation.positions import claim_interval, position

        out: list[Finding] = []
        for fact in self.facts():
            frame = frame_of(fact.event)
            classes = subject_classes(fact.subject.lower())
            fact_iv = from_qualifier(fact.value, fact.qualifier, settings.tolerance)
            against: dict[tuple[float | None, float | None], list[Claim]] = {}
            for c in claims:
                f = facet(c)
                if f is None or f.frame != frame or f.unit is not None:
                    continue
                if subject_relation(f.classes, classes) != "same":
                    continue
                if fact.place and not (c.place and fact.place in ((c.place.name or ""), *c.place.within[:1])):
                    continue
                iv = claim_interval(c, settings.tolerance)
                if not iv.overlaps(fact_iv):
                    against.setdefault((iv.low, iv.high), []).append(c)
            for (low, high), bad in sorted(against.items(), key=lambda kv: str(kv[0])):
                fact_pos = Position(
                    role="fact",
                    label=f"{fact.value:g} (vetted: {fact.source})",
                    low=fact_iv.low,
                    high=fact_iv.high,
                    claims=[],
                    sources=1,
                )
                claim_pos = position(bad, Interval(low, high))
                positions = [fact_pos, claim_pos]
                scope = f"{frame}: {fact.subject}" + (f" in {fact.place}" if fact.place else "")
                _, _, ev = classify(positions, settings, scope, frame, [fact_iv, Interval(low, high)])
                ev = Evidence(**{**ev.model_dump(), "notes": [*ev.notes, f"vetted fact {fact.id}: {fact.note}"]})
                out.append(
                    Finding(
                        id=fingerprint("contradicts_vetted_fact", fact.id, positions),
                        kind="contradicts_vetted_fact",
                        classification="conflict",
                        severity="error",
                        title=f"{claim_pos.label} contradicts vetted {fact.value:g}: {scope}",
                        reason="a claim disagrees with a fact an editor has vetted",
                        quantity=scope,
                        positions=positions,
                        evidence=ev,
                    )
                )
        return out
