"""Decisions from the review page: one finding, every finding of a quantity at once, and
undo of the last decision made on this server, wherever the page has moved on since.

The page posts with ``fetch`` and asks for JSON (``Accept: application/json``): the answer
names the page to show next, which the page swaps in without a full reload. A form posted
without JavaScript gets the same answer as a redirect."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response

from ..errors import FactcheckError
from ..findings import Finding
from ..formats.timeline import Timeline
from ..ledger import SETTLED, Decision, Ledger
from .security import Secrets, decision_version

ADVANCE = frozenset({*SETTLED, "flagged"})
"""Decisions after which the page moves on to the next undecided finding; a note or an
undo stays on the finding."""
BULK = ("confirmed", "dismissed-different-events", "dismissed-not-same-quantity", "flagged")
"""What can be decided for a whole quantity at once (a correction names one finding's value)."""


def status_of(fid: str, decisions: dict[str, Any]) -> str:
    """open, flagged or decided, from the standing decision."""
    d = decisions.get(fid)
    if d is None or d[0].decision == "undone":
        return "open"
    return "decided" if d[0].decision in SETTLED else "flagged"


def next_open(ids: list[str], status: dict[str, str], after: str) -> str | None:
    """The next undecided finding after ``after`` in the list's order, wrapping around."""
    if after not in ids:
        return next((i for i in ids if status[i] == "open"), None)
    at = ids.index(after)
    for fid in ids[at + 1 :] + ids[:at]:
        if status[fid] == "open":
            return fid
    return None


@dataclass(frozen=True)
class Done:
    """One step the editor may undo: the findings it decided and the versions it left."""

    versions: dict[str, str]
    where: str


class UndoStack:
    """The decisions made on this server, newest last; undo takes back the newest whose
    findings nobody has decided again since (a newer decision from another tab is kept)."""

    def __init__(self) -> None:
        self.steps: list[Done] = []
        self.lock = threading.Lock()

    def push(self, step: Done) -> None:
        with self.lock:
            self.steps.append(step)
            del self.steps[:-200]  # an editor's session, not an archive

    def pop(self) -> Done | None:
        with self.lock:
            return self.steps.pop() if self.steps else None


def wants_json(request: Request) -> bool:
    return "application/json" in request.headers.get("accept", "")


def answer(request: Request, where: str, message: str = "") -> Response:
    """Where to go next: JSON for the page's script, a redirect for a plain form."""
    if wants_json(request):
        return JSONResponse({"next": where, "message": message}, headers={"cache-control": "no-store"})
    return RedirectResponse(where, status_code=303, headers={"cache-control": "no-store"})


def record_one(
    ledger: Ledger,
    lock: threading.Lock,
    keys: Secrets,
    finding: Finding,
    form: dict[str, str],
) -> Decision:
    """Record the form's decision on ``finding``, refusing one made from a page older than
    the ledger (409 in the caller); raises FactcheckError or ValueError on bad input."""
    action, reviewer = form["action"], form["reviewer"]
    value = float(form["value"].replace(",", "")) if form.get("value") and action == "resolved" else None
    with lock:
        seen = keys.form_version(form.get("csrf") or "")
        now = ledger.decisions().get(finding.id)
        if seen is not None and seen != decision_version(now[0] if now else None):
            who = f"{now[0].decision} by {now[0].reviewer} at {now[0].decided_at}" if now else "undone"
            raise Stale(
                f"This finding was decided since you opened the page ({who}). "
                "Reload it to see the newer decision, then decide again."
            )
        return ledger.record(
            finding.id,
            action,
            reviewer,
            form.get("note", ""),
            finding,
            value,
            form.get("value_source") or None if value is not None else None,
        )


class Stale(FactcheckError):
    """A decision made from a page older than the ledger."""


def bulk(ledger: Ledger, lock: threading.Lock, t: Timeline, action: str, reviewer: str, note: str) -> dict[str, str]:
    """Record ``action`` on every finding of ``t`` not yet settled; the versions left."""
    if action not in BULK:
        raise ValueError(f"{action!r} cannot be decided for a whole quantity; one of {', '.join(BULK)}")
    versions: dict[str, str] = {}
    with lock:
        decisions = ledger.decisions()
        for f in t.findings:
            if status_of(f.id, decisions) == "decided":
                continue  # a settled finding keeps its own decision
            versions[f.id] = decision_version(ledger.record(f.id, action, reviewer, note, f))
    return versions


def undo(ledger: Ledger, lock: threading.Lock, stack: UndoStack, reviewer: str) -> tuple[list[str], str]:
    """Take back the newest step of this server's session: each of its findings is marked
    undone (open again), unless someone decided it again since. Returns the findings undone
    and the page the step was made on."""
    while (step := stack.pop()) is not None:
        with lock:
            decisions = ledger.decisions()
            current = [
                fid
                for fid, version in step.versions.items()
                if fid in decisions and decision_version(decisions[fid][0]) == version
            ]
            for fid in current:
                ledger.record(fid, "undone", reviewer, "undo from the review page")
        if current:
            return current, step.where
    return [], ""


__all__ = [
    "ADVANCE",
    "BULK",
    "Done",
    "Stale",
    "UndoStack",
    "answer",
    "bulk",
    "next_open",
    "record_one",
    "status_of",
    "undo",
]
