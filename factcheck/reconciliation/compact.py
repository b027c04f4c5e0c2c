"""Findings kept small: a reconciliation of a million claims holds hundreds of thousands of
findings, each a tree of frozen pydantic records (the finding, its positions, evidence,
estimate, pairing and the pairing's agreements).

Pydantic gives every record its own ``set`` of the names of the fields it was given
(``__pydantic_fields_set__``, 200 to 700 bytes), and each copy (``model_copy``: scoring,
cores and ranking each copy a finding) a new one: about 4.5 KB of a finding's 12 KB were
such sets. ``shared`` gives the records of a list of findings one set per distinct set of
names, as ``models._Record.built`` does for claims: a frozen record never changes its set
in place, and a copy makes its own first. Nothing a finding says or dumps changes (the set
is the same names); ``exclude_unset`` reads the same."""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import BaseModel

from ..findings import Finding

__all__ = ["shared"]

_SETS: dict[frozenset[str], set[str]] = {}


def _share(record: BaseModel) -> None:
    names = record.__pydantic_fields_set__
    key = frozenset(names)
    one = _SETS.get(key)
    if one is None:
        one = _SETS[key] = set(key)
    if one is not names:
        object.__setattr__(record, "__pydantic_fields_set__", one)


def shared(findings: Iterable[Finding]) -> None:
    """Give every record of ``findings`` the one shared set of its field names (in place:
    the records are frozen, only pydantic's bookkeeping changes)."""
    for f in findings:
        _share(f)
        _share(f.evidence)
        if f.estimate is not None:
            _share(f.estimate)
        for p in f.positions:
            _share(p)
        if f.pairing is not None:
            _share(f.pairing)
            for a in f.pairing.fields:
                _share(a)
