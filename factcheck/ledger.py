"""The editors' ledger in ``claims/``: decisions on findings and vetted facts, as one
human-readable YAML file per decision (named by the finding's fingerprint, so merges of
different decisions never conflict) and one per fact.

Writes are atomic (a temporary file renamed over the target) and serialised per file by
a lock, so concurrent writers lose no decision. A file that does not parse is reported
with its path and never overwritten."""

from __future__ import annotations

import contextlib
import datetime as dt
import math
import os
import re
from collections.abc import Collection, Iterator, Sequence
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from . import files, safeyaml
from .config import Settings
from .errors import LedgerError
from .files import atomic_write
from .findings import Finding, StaleDecision
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

_FINGERPRINT = re.compile(r"[0-9a-f]{16}")
MAX_FILE_BYTES = 1_000_000
"""A decision with its whole history is a few kilobytes; a megabyte is not a decision."""
MAX_WRITE_BYTES = MAX_FILE_BYTES // 4
"""The most a write may make of a decision file: well under what the reader accepts, so
that no decision, however long its history, makes the ledger unreadable."""
MAX_TEXT = {"note": 10_000, "reviewer": 200, "value_source": 2_000}
"""Characters at most in each text an editor types: a note is a few sentences; ten
thousand characters is a pasted article, and would fill a file in a few decisions."""
LOCK_SECONDS = 30.0
"""How long a writer waits for another one deciding on the same finding."""


class Entry(BaseModel):
    """One decision as an editor made it."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    decision: Action
    note: str = ""
    reviewer: str
    decided_at: dt.datetime
    value: float | None = Field(default=None, description="the correct value, with 'resolved'")
    value_source: str | None = None
    seq: int | None = Field(default=None, description="1 for the first entry recorded on this finding, then 2, 3, ...")


class Decision(BaseModel):
    """An editor's decision on a finding, with the history of earlier decisions."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    fingerprint: str = Field(pattern=f"^{_FINGERPRINT.pattern}$")
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

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

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
        raw = files.read_capped(path, MAX_FILE_BYTES)  # never more, whatever the file says its size is
    except files.TooLarge as err:
        raise LedgerError(str(path), f"too large (the limit is {MAX_FILE_BYTES} bytes)") from err
    except OSError as err:
        raise LedgerError(str(path), f"unreadable: {err.strerror or err}") from err
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise LedgerError(str(path), f"not valid UTF-8 (byte {err.start})") from err
    if not text.strip():
        raise LedgerError(str(path), "empty file (truncated?)")
    return _parse(text, path)


def _parse(text: str, path: Path) -> object:
    try:
        return safeyaml.load(text, unique_keys=True)  # a key written twice is refused, not the last taken
    except safeyaml.YamlProblem as err:
        raise LedgerError(str(path), f"malformed YAML: {err}") from err


@contextlib.contextmanager
def _writing(path: Path) -> Iterator[None]:
    """Hold the lock on the decision file ``path`` (whose lock file its holder removes, so
    the ledger folder only ever holds decisions), clear what killed writers left, and turn
    every OS error into one :class:`LedgerError` line."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with files.locked(path.parent / f".{path.stem}.lock", timeout=LOCK_SECONDS):
            files.clean_stale(path.parent, path.name)
            yield
    except TimeoutError as err:
        raise LedgerError(str(path), f"another writer has held the lock for {LOCK_SECONDS:g} s; try again") from err
    except OSError as err:
        raise LedgerError(str(path), f"cannot write: {err.strerror or err}") from err


def _yaml_files(folder: Path) -> list[Path]:
    """The ``.yaml`` files of a ledger folder; a ``.yml`` file there is reported, not
    silently skipped (an editor who wrote one believes it counts)."""
    try:
        if not folder.is_dir():
            return []
        wrong = sorted(folder.glob("*.yml"))
        if wrong:
            raise LedgerError(str(wrong[0]), f"ledger files end in .yaml: rename it to {wrong[0].stem}.yaml")
        return sorted(folder.glob("*.yaml"))
    except OSError as err:
        raise LedgerError(str(folder), f"unreadable folder: {err.strerror or err}") from err


def _problems(err: ValidationError) -> str:
    return "; ".join(f"{'.'.join(str(p) for p in e['loc']) or '(file)'}: {e['msg']}" for e in err.errors())


def _validated(model: type[BaseModel], path: Path) -> BaseModel:
    data = _load_yaml(path)
    if not isinstance(data, dict):
        raise LedgerError(str(path), "expected a mapping of fields")
    try:
        return model.model_validate(data)
    except ValidationError as err:
        raise LedgerError(str(path), _problems(err)) from err


def _dump(model: BaseModel) -> str:
    data = model.model_dump(mode="json", exclude_none=True)
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def _checked_text(field: str, value: str | None, where: Path) -> None:
    """Refuse text the ledger could not read back: a lone surrogate (a byte that is not
    UTF-8, passed on the command line) or more than :data:`MAX_TEXT` characters."""
    if value is None:
        return
    bad = next((i for i, ch in enumerate(value) if "\ud800" <= ch <= "\udfff"), None)
    if bad is not None:
        raise LedgerError(
            str(where),
            f"the {field.replace('_', ' ')} is not valid UTF-8 text (character {bad + 1} is a byte that is not "
            "a character); write it in UTF-8",
        )
    if len(value) > MAX_TEXT[field]:
        raise LedgerError(
            str(where), f"the {field.replace('_', ' ')} has {len(value)} characters; at most {MAX_TEXT[field]}"
        )


def _checked_file(text: str, path: Path, decision: Decision) -> bytes:
    """The bytes of a decision file about to be written, read back by the rules every
    reader applies (UTF-8, size, YAML without duplicate keys, the schema, the fingerprint
    its name says), so the ledger never writes what it would then refuse."""
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as err:
        raise LedgerError(str(path), f"not valid UTF-8 text (character {err.start + 1})") from err
    if len(data) > MAX_WRITE_BYTES:
        raise LedgerError(
            str(path),
            f"this decision would make the file {len(data)} bytes (at most {MAX_WRITE_BYTES}); "
            "shorten the note, or move the finding's long history elsewhere",
        )
    back = _parse(text, path)
    try:
        again = Decision.model_validate(back)
    except ValidationError as err:
        raise LedgerError(str(path), f"would not read back: {_problems(err)}") from err
    if again.fingerprint != path.stem or again != decision:
        raise LedgerError(str(path), "would not read back as written")
    return data


def _named_right(decision: Decision, path: Path) -> None:
    if path.stem != decision.fingerprint:
        raise LedgerError(
            str(path),
            f"file name does not match its fingerprint {decision.fingerprint}; "
            f"rename it to {decision.fingerprint}.yaml or fix the fingerprint",
        )


class Ledger:
    """The ledger folder: ``decisions/<fingerprint>.yaml`` and ``facts/<id>.yaml``."""

    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = Path(root)
        self.decisions_dir = self.root / "decisions"
        self.facts_dir = self.root / "facts"

    def path_for(self, fingerprint: str) -> Path:
        if not _FINGERPRINT.fullmatch(fingerprint):
            raise LedgerError(str(self.decisions_dir), f"not a finding fingerprint: {fingerprint!r}")
        return self.decisions_dir / f"{fingerprint}.yaml"

    def decisions(self) -> dict[str, tuple[Decision, Path]]:
        """Every decision, by fingerprint; a malformed file raises :class:`LedgerError`."""
        out: dict[str, tuple[Decision, Path]] = {}
        for path in _yaml_files(self.decisions_dir):
            decision = _validated(Decision, path)
            assert isinstance(decision, Decision)
            _named_right(decision, path)
            out[decision.fingerprint] = (decision, path)
        return out

    def facts(self) -> list[VettedFact]:
        out = []
        for path in _yaml_files(self.facts_dir):
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
        if value is not None and not math.isfinite(value):
            raise LedgerError(str(self.decisions_dir), f"the correct value must be a finite number, not {value}")
        path = self.path_for(fingerprint)
        for field, text in (("note", note), ("reviewer", reviewer), ("value_source", value_source)):
            _checked_text(field, text, path)
        try:
            entry = Entry(
                seq=1,
                decision=action,
                note=note,
                reviewer=reviewer.strip(),
                decided_at=(now or dt.datetime.now(dt.UTC)).replace(microsecond=0),
                value=value,
                value_source=value_source,
            )
        except ValidationError as err:
            raise LedgerError(str(path), _problems(err)) from err
        with _writing(path):
            history: list[Entry] = []
            title, documents = "", []
            if path.is_symlink() and not path.exists():
                # writing through it would put the decision where the ledger does not read
                raise LedgerError(str(path), f"a symbolic link to a missing file ({os.readlink(path)}); remove it")
            if path.exists():
                old = _validated(Decision, path)  # raises, and so never overwrites, a malformed file
                assert isinstance(old, Decision)
                _named_right(old, path)  # refused by check, so never silently rewritten here
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
            text = _dump(decision)
            _checked_file(text, path, decision)
            atomic_write(path, text)
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
                # an article that agrees with a side joins the decided finding: counted, not reopened
                joined = {c.document for p in f.positions for c in p.claims} - set(d[0].documents)
                marked = f.model_copy(
                    update={"status": "decided", "decision": d[0].decision, "new_sources": len(joined)}
                )
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
        """Claims that contradict a vetted fact: same event, classes and place, disjoint values."""
        from .reconciliation.facts import check_facts

        return check_facts(self.facts(), claims, settings)
