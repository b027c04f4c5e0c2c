"""Speed and memory changes to the reconciler that must leave every finding as it was
(issue 22, tenth pass): findings' records sharing one set of field names per kind
(``reconciliation.compact``), agreements shared between findings, and fingerprints
written out instead of through ``json.dumps``.

Provenance: the two-minister sentence is the reconciler's own doctest (developed on);
the properties run on generated text."""

from __future__ import annotations

import hashlib
import json

from hypothesis import given
from hypothesis import strategies as st

from factcheck.extraction import extract_text
from factcheck.findings import Position
from factcheck.reconciliation import reconcile
from factcheck.reconciliation.fingerprint import _texts, fingerprint, side_figures

TEXT = (
    "Minister Patiño said 443 people were killed on Tuesday. "
    "Vice Minister Fuentes said 480 people were killed on Tuesday. "
    "Officials said 57 guards were held in Ecuador. Police said 120 guards were released in Ecuador."
)


def _records(finding):  # every pydantic record of a finding
    yield finding
    yield finding.evidence
    yield from finding.positions
    if finding.pairing is not None:
        yield finding.pairing
        yield from finding.pairing.fields


def test_records_of_one_kind_share_their_names_and_dump_as_copies_do():
    findings = reconcile(extract_text(TEXT))
    assert len(findings) >= 2
    sets: dict[frozenset[str], set[str]] = {}
    for f in findings:
        for r in _records(f):
            names = r.__pydantic_fields_set__
            assert sets.setdefault(frozenset(names), names) is names  # one set per distinct names
        # a copy has its own set and dumps the same, with or without unset fields
        copy = f.model_copy()
        assert copy.__pydantic_fields_set__ is not f.__pydantic_fields_set__
        assert copy.model_dump_json() == f.model_dump_json()
        assert copy.model_dump_json(exclude_unset=True) == f.model_dump_json(exclude_unset=True)
    # a copy with an update changes its own set, never the one shared
    before = set(findings[0].__pydantic_fields_set__)
    findings[0].model_copy(update={"decision": "ok"})
    assert findings[0].__pydantic_fields_set__ == before


def test_agreements_read_alike_are_one_record():
    findings = reconcile(extract_text(TEXT))
    seen: dict[tuple[object, ...], object] = {}
    for f in findings:
        assert f.pairing is not None
        for a in f.pairing.fields:
            key = (a.field, a.level, a.words, a.weight)
            assert seen.setdefault(key, a) is a


def _json_fingerprint(kind: str, key: str, positions: list[Position]) -> str:
    """The fingerprint as f522b9f wrote it, through ``json.dumps``."""
    sides = sorted(json.dumps([p.role, side_figures(p)]) for p in positions)
    payload = json.dumps([kind, key, sides], sort_keys=True, ensure_ascii=True)
    return hashlib.sha256(payload.encode()).hexdigest()[:16]


@given(st.text(), st.text(), st.sampled_from(["value", "part", "whole"]))
def test_fingerprint_reads_as_json_did(kind, key, role):
    p = Position(role=role, label="x", low=1.0, high=2.0, claims=[], sources=1)
    q = Position(label="y", low=None, high=7.5, claims=[], sources=1)
    assert fingerprint(kind, key, [p, q]) == _json_fingerprint(kind, key, [p, q])


@given(st.lists(st.text(), max_size=4))
def test_figures_written_as_json_writes_them(figures):
    assert _texts(figures) == json.dumps(figures)
