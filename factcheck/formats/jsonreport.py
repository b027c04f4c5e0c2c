"""The report as JSON that grows with the claims, not with claims times findings.

Everything a report would repeat is written once, in a table, and cited from where it is
used: every claim a finding cites is in ``claims`` (cited from the findings' sides by its
document and the figure's start and end, which are its id ``document:start-end``, so a
reader can locate a side without the table); each claim's sentence is in ``sentences`` and
its place in ``places`` (cited by index: copies of one story share them); each group of
copies is in ``copy_groups`` and each field-by-field comparison of a pairing in
``agreements`` (cited by index from the findings). A field that another field of the same
record already gives is left out: a claim's fields at their default, its ``id`` when it is
``document:start-end``, its ``outlet`` and ``published`` when they are its document's, its
``event_class`` when it is its ``event``; a finding's ``topic`` and ``evidence.scope`` when
they are its ``quantity``, its ``rule`` when it is its ``reason``, and
``evidence.claimers`` when it is the sorted union of its sides' ``who``. The JSON has no
indentation: each record of a table is one line, keys sorted, so the same input gives
byte-identical output.

The schema is :class:`ReportJSON` (``factcheck schema report``,
docs/schemas/report.schema.json); :func:`load_report` reads a report back into a
:class:`~factcheck.findings.Report`."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import cache
from operator import attrgetter
from typing import Any, get_args

import orjson
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from ..findings import Agreement, Finding, Pairing, Position, Report
from ..models import Claim, Place
from .jsonload import FROM_DOCUMENT as _FROM_DOCUMENT
from .jsonload import claimers, default_id, load_report
from .words import clean

SCHEMA_VERSION = "4.0"
"""4.0: cites without the figure's text, and without the claim's id when it is
``document:start-end`` (in the claims table too); places in a table cited by index; a
finding's ``topic``, ``rule`` and ``evidence.scope``, and a claim's ``event_class``, left
out when they repeat another field. 3.0: sentences, copy groups and pairing agreements in
tables cited by index, claims at their defaults left out, no indentation. 2.0: claims
listed once in ``claims`` and cited by id from the sides (1.0 embedded them)."""


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


_ID_NOTE = "left out when it is `document:start-end` (every claim factcheck extracts)"


class CitedQuantity(_Record):
    """Where the figure's characters are in its article body (its text is the claim's)."""

    start: int
    end: int


class ClaimCite(_Record):
    """A claim cited by a side: its document and figure, which are its id in the ``claims``
    table (``document:start-end``), and its id written out only when it is another."""

    id: str | None = Field(default=None, description=f"the claim's id in the `claims` table, {_ID_NOTE}")
    document: str
    quantity: CitedQuantity


class ClaimRow(Claim):
    """A claim of the ``claims`` table. Fields at their default are left out, and so are
    ``outlet`` and ``published`` when they are those of the claim's document in
    ``documents`` (written, even null, when they differ), ``id`` when it is
    ``document:start-end`` and ``event_class`` when it is ``event`` (written, even null,
    when it differs)."""

    id: str = Field(default="", description=f"the claim's id, {_ID_NOTE}")
    sentence: int = Field(  # type: ignore[assignment]  # the index, not the text
        description="index of the claim's sentence in the report's `sentences`"
    )
    place: int | None = Field(  # type: ignore[assignment]  # the index, not the record
        default=None, description="index of the claim's place in the report's `places`"
    )


class PositionJSON(Position):
    """A side of a finding, citing its claims by id."""

    claims: list[ClaimCite]  # type: ignore[assignment]  # cites, not the full records


class PairingJSON(Pairing):
    """A pairing citing its field-by-field comparisons by index in ``agreements``."""

    fields: list[int] = Field(  # type: ignore[assignment]  # indexes, not the records
        default_factory=list, description="indexes in the report's `agreements`, in the pairing's order"
    )


class FindingJSON(Finding):
    """A finding whose sides cite their claims, and whose copies and pairing cite the
    report's tables by index. ``evidence.claimers`` is left out when it is the sorted
    union of the sides' ``who``; ``topic`` and ``evidence.scope`` when they are
    ``quantity``; ``rule`` when it is ``reason``."""

    positions: list[PositionJSON]  # type: ignore[assignment]  # sides that cite claims
    copies: list[int] = Field(  # type: ignore[assignment]  # indexes, not the groups
        default_factory=list,
        description="documents that carry the same copy (wire, syndication), one source each: indexes in the "
        "report's `copy_groups`",
    )
    pairing: PairingJSON | None = Field(
        default=None, description="how likely the sides measure one quantity, with the field-by-field evidence"
    )


class ReportJSON(Report):
    """The JSON report: documents, the claims the findings cite (each once), the findings,
    and the tables they cite by index."""

    schema_version: str = SCHEMA_VERSION
    claims: list[ClaimRow] = Field(  # type: ignore[assignment]  # the table, not the count
        default_factory=list, description="every claim a finding cites, once each, sorted by id"
    )
    claims_read: int = Field(default=0, description="claims extracted from the documents")
    sentences: list[str] = Field(
        default_factory=list, description="the claims' sentences, each text once, in the order of first citation"
    )
    places: list[Place] = Field(
        default_factory=list, description="the claims' places, each once, in the order of first citation"
    )
    copy_groups: list[list[str]] = Field(
        default_factory=list, description="the groups of copies the findings cite, each once, sorted"
    )
    agreements: list[Agreement] = Field(
        default_factory=list,
        description="the field-by-field comparisons the findings' pairings cite, once each, sorted",
    )
    conflicts: list[FindingJSON]  # type: ignore[assignment]
    decided: list[FindingJSON] = Field(default_factory=list)  # type: ignore[assignment]


class _Tables:
    """The report's tables of copy groups and agreements, each made once, and their
    indexes."""

    def __init__(self, findings: list[Finding]) -> None:
        groups = {tuple(g) for f in findings for g in f.copies}
        self.copy_groups = sorted(groups)
        self.group_index = {g: k for k, g in enumerate(self.copy_groups)}
        # records told apart by their fields' values (what a frozen record's equality
        # compares), as tuples: a record's own hash and equality run in Python
        agreements = {_AGREEMENT_FIELDS(a): a for f in findings if f.pairing is not None for a in f.pairing.fields}
        self.agreements = sorted(agreements.values(), key=lambda a: (a.field, a.level, a.words, a.weight))
        self._agreement_index = {_AGREEMENT_FIELDS(a): k for k, a in enumerate(self.agreements)}

    def agreement_index(self, a: Agreement) -> int:
        """The index of agreement ``a`` in :attr:`agreements`."""
        return self._agreement_index[_AGREEMENT_FIELDS(a)]


_AGREEMENT_FIELDS = attrgetter(*Agreement.model_fields)
_PLACE_FIELDS = attrgetter(*Place.model_fields)


class _Compact:
    """A report as the JSON writes it: its tables, and the findings citing them."""

    def __init__(self, report: Report) -> None:
        self.findings = [*report.conflicts, *report.decided]
        table: dict[str, Claim] = {}
        for f in self.findings:
            for p in f.positions:
                for c in p.claims:
                    table.setdefault(c.id, c)
        sentences: dict[str, int] = {}
        places: dict[tuple[object, ...], tuple[int, Place]] = {}  # a place's fields -> (index, place)
        # each claim of the table with the indexes of its sentence and place
        self.claims = [
            (
                c,
                sentences.setdefault(c.sentence, len(sentences)),
                None if c.place is None else places.setdefault(_PLACE_FIELDS(c.place), (len(places), c.place))[0],
            )
            for c in (table[k] for k in sorted(table))
        ]
        self.tables = tables = _Tables(self.findings)
        fields = dict(report)
        fields.update(
            schema_version=SCHEMA_VERSION,
            claims=[],
            claims_read=report.claims,
            sentences=list(sentences),
            places=[p for _, p in places.values()],
            copy_groups=[list(g) for g in tables.copy_groups],
            agreements=tables.agreements,
            conflicts=[],
            decided=[],
        )
        # the report but for its claims and findings, which are written as they are
        # dumped (see _records)
        self.head = ReportJSON.model_construct(**fields)


_CLAIM: TypeAdapter[Claim] = TypeAdapter(Claim)
_FINDING: TypeAdapter[Finding] = TypeAdapter(Finding)
_TABLES = ("claims", "conflicts", "decided")
"""The report's tables dumped a record at a time (see :func:`_records`)."""
_TABLED: dict[str, Any] = {"positions": {"__all__": {"claims"}}, "copies": True, "pairing": {"fields"}}
"""A finding's fields a :class:`FindingJSON` writes as cites and indexes."""
_ROW_INDEXED = {"sentence", "place"}
"""A claim's fields the claims table writes as indexes in a table."""


def as_data(report: Report) -> dict[str, Any]:
    """The JSON report as Python data (what :func:`render_json` writes)."""
    return {key: list(value) if key in _TABLES else value for key, value in _records(report).items()}


def _records(report: Report) -> dict[str, Any]:
    """The JSON report's keys, each table of records a generator: each record dumped as it
    is written, so that the records of a large report (a finding's sides cite claims by the
    hundred) are never all held as Python data at once (500 MB for 5,000 articles)."""
    compacted = _Compact(report)
    head = compacted.head
    data = head.model_dump(mode="json", exclude=set(_TABLES))
    documents: dict[str, dict[str, Any]] = {}
    for d in data["documents"]:
        documents.setdefault(d["id"], d)
    cites: dict[int, dict[str, Any]] = {}  # each cite's JSON made once, by record identity
    tables = compacted.tables
    data["claims"] = (_row(c, sentence, place, documents) for c, sentence, place in compacted.claims)
    data["conflicts"] = (_finding(f, tables, cites) for f in report.conflicts)
    data["decided"] = (_finding(f, tables, cites) for f in report.decided)
    return data


def _row(claim: Claim, sentence: int, place: int | None, documents: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """A claim of the table (a :class:`ClaimRow`): its sentence and place as indexes, the
    fields at their default left out, its id when it is ``document:start-end``, its event
    class when it is its event, and its outlet and date when they are its document's."""
    row: dict[str, Any] = _CLAIM.dump_python(claim, mode="json", exclude=_ROW_INDEXED)
    row["sentence"], row["place"] = sentence, place
    given = {key: row[key] for key in _FROM_DOCUMENT}
    event_class = row["event_class"]
    _strip(row, ClaimRow)
    q = row["quantity"]
    if row["id"] == default_id(row["document"], q["start"], q["end"]):
        del row["id"]
    if event_class == row.get("event"):
        row.pop("event_class", None)
    else:
        row["event_class"] = event_class  # null too, when the event is not
    document = documents.get(row["document"])
    if document is None:
        return row  # a claim of a document the report does not list (an archive's): as stripped
    for key in _FROM_DOCUMENT:
        if given[key] == document.get(key):
            row.pop(key, None)
        else:
            row[key] = given[key]
    return row


def _finding(f: Finding, tables: _Tables, cites: dict[int, dict[str, Any]]) -> dict[str, Any]:
    """A finding as a :class:`FindingJSON`: each side citing its claims, its copies and
    pairing citing the tables by index, without the fields that repeat another
    (``evidence.claimers`` when it is the union of the sides' who, ``topic`` and
    ``evidence.scope`` when they are its ``quantity``, ``rule`` when it is its ``reason``)."""
    data: dict[str, Any] = _FINDING.dump_python(f, mode="json", exclude=_TABLED)
    # the words for people never carry an internal label ("a count of raw:venezuelan ...")
    for key in ("title", "reason", "rule"):
        data[key] = clean(data[key])
    for side, written in zip(f.positions, data["positions"], strict=True):
        written["claims"] = [cites.get(id(c)) or cites.setdefault(id(c), _cite(c)) for c in side.claims]
    data["copies"] = [tables.group_index[tuple(g)] for g in f.copies]
    if f.pairing is not None:
        data["pairing"]["fields"] = [tables.agreement_index(a) for a in f.pairing.fields]
    evidence = data["evidence"]
    if evidence["claimers"] == claimers(data):
        del evidence["claimers"]
    if evidence["scope"] == data["quantity"]:
        del evidence["scope"]
    if data["topic"] == data["quantity"]:
        del data["topic"]
    if data["rule"] == data["reason"]:
        del data["rule"]
    return data


def _cite(c: Claim) -> dict[str, Any]:
    """A claim cited by a side (a :class:`ClaimCite`): its document and figure, and its id
    when it is not ``document:start-end``."""
    q = c.quantity
    data: dict[str, Any] = {"document": c.document, "quantity": {"start": q.start, "end": q.end}}
    if c.id != default_id(c.document, q.start, q.end):
        data["id"] = c.id
    return data


def _strip(row: dict[str, Any], model: type[BaseModel]) -> None:
    """``row`` (``model`` dumped as JSON) without the fields whose JSON is their default's,
    in place, records within it too."""
    defaults, records = _defaults(model)
    for key in list(row):
        value = row[key]
        if key in defaults and value == defaults[key]:
            del row[key]
        elif key in records and isinstance(value, dict):
            _strip(value, records[key])


@cache
def _defaults(model: type[BaseModel]) -> tuple[dict[str, Any], dict[str, type[BaseModel]]]:
    """The JSON of each field's default (fields that have one), and the record type of
    each field that holds a record."""
    defaults: dict[str, Any] = {}
    records: dict[str, type[BaseModel]] = {}
    for name, field in model.model_fields.items():
        kind = field.annotation
        if kind is not None and not field.is_required():
            default = field.get_default(call_default_factory=True, validated_data={})
            defaults[name] = TypeAdapter(kind).dump_python(default, mode="json")
        for each in (kind, *get_args(kind)):
            if isinstance(each, type) and issubclass(each, BaseModel):
                records[name] = each
    return defaults, records


def render_json(report: Report) -> str:
    """The report as compact JSON (schema :class:`ReportJSON`): one line per record of a
    table.

    >>> from factcheck import Document, check
    >>> a = Document(id="a", outlet="AP", body="Officials said 12 people were killed on Monday.")
    >>> b = Document(id="b", outlet="BBC", body="Police said 40 people were killed on Monday.")
    >>> data = json.loads(render_json(check([a, b])))
    >>> data["conflicts"][0]["positions"][0]["claims"]
    [{'document': 'a', 'quantity': {'end': 17, 'start': 15}}]
    >>> data["claims"][0]["document"], data["claims"][0]["quantity"]["text"]
    ('a', '12')
    """
    return "".join(render_json_pieces(report))


def render_json_pieces(report: Report) -> Iterator[str]:
    """:func:`render_json` a piece at a time (a line of the report, or a key), each record
    dumped as it is written: what the CLI writes to its output as it comes."""
    return _lines(_records(report))


_ENCODE = json.JSONEncoder(separators=(",", ":"), sort_keys=True, ensure_ascii=False).encode
_EXPONENT = re.compile(r"e-\d")


def _differs(text: str) -> bool:
    """Whether orjson may have written a number of ``text`` otherwise than ``json``: a
    float below 1e-4 ("0.00001" or "2.5e-7" for ``json``'s "1e-05" and "2.5e-07"). Text
    that only looks so costs the slower encoder, never a difference."""
    if "0.0000" in text:
        return True
    if "e-" not in text:
        return False  # no exponent: most records (a look for two characters, not a regex's walk)
    return any(m.start() and text[m.start() - 1].isdigit() for m in _EXPONENT.finditer(text))


def _encode(value: Any) -> str:
    """``value`` as :data:`_ENCODE` writes it, byte for byte, through orjson where it writes
    the same (2.5 times as fast with the check below: a third of writing the JSON of 5,000
    articles was the ``json`` module's). The records are dumped in JSON mode, so no float
    is infinite or NaN (written ``null`` already); a number orjson would write otherwise,
    an integer beyond 64 bits or a lone surrogate go through ``json``."""
    try:
        text = orjson.dumps(value, option=orjson.OPT_SORT_KEYS).decode()
    except TypeError:  # orjson.JSONEncodeError: what it cannot write as json does
        return _ENCODE(value)
    return _ENCODE(value) if _differs(text) else text


def _lines(data: dict[str, Any]) -> Iterator[str]:
    """The report's pieces: each key of the report on a line of its own, each record of a
    table (a non-empty list, or a generator of records) on a line of its own."""
    for k, key in enumerate(sorted(data)):
        yield ("{\n" if k == 0 else ",\n") + _ENCODE(key) + ":"
        value = data[key]
        if isinstance(value, list | Iterator):
            empty = True
            for item in value:
                yield ("[\n" if empty else ",\n") + _encode(item)
                empty = False
            yield "[]" if empty else "\n]"
        else:
            yield _encode(value)
    yield "\n}\n" if data else "{}\n"


__all__ = ["SCHEMA_VERSION", "ReportJSON", "as_data", "load_report", "render_json", "render_json_pieces"]
