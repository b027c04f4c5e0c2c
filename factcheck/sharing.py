"""Claims kept small: the equal parts of claims held once.

A reconciliation of a million claims holds every claim in memory at once, and a claim was
about 3 KB (issue 22). Much of it repeats: the copies of one story repeat its sentences,
places and as-of times word for word, a document's claims share its outlet and published
day, and each record carried its own ``set`` of field names
(``__pydantic_fields_set__``). :func:`share` gives a list of claims one object per
distinct value of those parts: strings, nested records (quantity, place, time, as-of,
background, source) and name sets.

Nothing a claim says changes: the records are frozen, a part is shared only with a part
of the same type whose every field is the same value of the same type (``1`` and ``1.0``,
``True`` and ``1``, ``0.0`` and ``-0.0`` are told apart), and its set of given names is the
same names, so every field, comparison and JSON dump reads as before; only identities do."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel

from .models import Claim, _shared_names

__all__ = ["forget", "share"]

SIZE = 1 << 16
"""Distinct parts remembered before the table starts afresh: copies of a story are read near
one another, and a long-lived process (the archive, a test session) must not keep every
claim's parts for ever. Starting afresh changes only which parts are one object."""

_PARTS: dict[Any, Any] = {}
"""Each distinct part by its key: a string, a day or a tuple of strings by itself, a record
by its type, its fields' types and values and its set of names (:func:`_shared_record`)."""


_NAMES: dict[int, set[str]] = {}
"""The shared sets of names by their identity (one set per distinct names, never freed)."""


def forget() -> None:
    """Start afresh: parts shared after this are not the objects shared before it."""
    _PARTS.clear()


def share(claims: Iterable[Claim]) -> None:
    """Give ``claims`` one object for each distinct string, nested record and set of field
    names they hold, in place (only identities change: see the module's docstring).

    >>> from factcheck.extraction import extract_text
    >>> a, b = extract_text("Officials said 12 people were killed. Officials said 12 people were killed.")
    >>> share([a, b])
    >>> a.sentence is b.sentence, a.source.name is b.source.name, a.source == b.source
    (True, True, False)
    """
    if len(_PARTS) > SIZE:
        forget()
    try:
        for claim in claims:
            _record(claim)
    finally:
        _MET.clear()


_MET: dict[int, BaseModel] = {}
"""The shared record of each nested record met in one call of :func:`share`, by its
identity (the claims of a document often hold one place or time record between them; they
keep it alive while the call lasts)."""

_SKIP, _STR, _TUPLE, _RECORD = range(4)
_KINDS: dict[type, int] = {str: _STR, dt.date: _STR, tuple: _TUPLE}
"""What :func:`_record` does with a field's value, by its exact type (a ``datetime`` is
not a ``date``; a day is shared as a string is, by its value)."""

_SHAPES: dict[tuple[type, ...], tuple[bool, bool, tuple[type, ...]]] = {}
"""Whether a record whose fields have these types holds a record, and a float; and the
one tuple of these types (never freed: a few dozen)."""


def _kind(kind: type) -> int:
    """What :func:`_record` does with a value of type ``kind`` (first met)."""
    found = _KINDS.get(kind)
    if found is None:
        found = _KINDS[kind] = _RECORD if issubclass(kind, BaseModel) else _SKIP
    return found


_PLANS: dict[type[BaseModel], tuple[str, ...]] = {}
"""The fields of a record type that may hold a part to share (not a number, a flag or one
of a closed list of words), by the type."""

_UNSHARED = (int, float, bool, type(None))


def _plan(cls: type[BaseModel]) -> tuple[str, ...]:
    """The fields of ``cls`` that may hold a part to share, by their annotations."""

    def shareable(annotation: Any) -> bool:
        if get_origin(annotation) is Literal:
            return False  # the vocabulary's own strings
        args = get_args(annotation)
        if args:
            return any(shareable(a) for a in args)
        return not (isinstance(annotation, type) and issubclass(annotation, _UNSHARED))

    # a claim's id is its own: sharing it would only fill the table
    plan = _PLANS[cls] = tuple(
        n for n, f in cls.model_fields.items() if shareable(f.annotation) and (cls, n) != (Claim, "id")
    )
    return plan


def _names(names: set[str]) -> set[str]:
    """The one set of these names: the one records built with them hold
    (:meth:`factcheck.models._Record.built`), kept for the life of the process (a few
    hundred sets)."""
    one = _shared_names(frozenset(names))
    _NAMES[id(one)] = one
    return one


def _record(record: BaseModel) -> None:
    """Share the parts of ``record``: its strings, tuples of strings and records, and its
    set of names."""
    values = record.__dict__
    parts = _PARTS
    kinds = _KINDS
    plan = _PLANS.get(type(record))
    if plan is None:
        plan = _plan(type(record))
    for name in plan:
        value = values[name]
        kind = kinds.get(type(value))
        if kind is None:
            kind = _kind(type(value))
        if kind == _STR:
            shared = parts.setdefault(value, value)
        elif kind == _TUPLE:
            shared = parts.setdefault(value, value) if all(type(v) is str for v in value) else value
        elif kind == _RECORD:
            shared = _MET.get(id(value))
            if shared is None:
                shared = _MET[id(value)] = _shared_record(value)
        else:
            continue
        if shared is not value:
            values[name] = shared
    names = record.__pydantic_fields_set__
    if id(names) not in _NAMES:
        one = _names(names)
        if one is not names:
            object.__setattr__(record, "__pydantic_fields_set__", one)


def _shared_record(record: BaseModel) -> BaseModel:
    """The one record of ``record``'s value: an equal one met before, else ``record`` itself
    with its parts shared."""
    values = tuple(record.__dict__.values())
    kinds = tuple(map(type, values))
    shape = _SHAPES.get(kinds)
    if shape is None:
        shape = _SHAPES[kinds] = (any(_kind(k) == _RECORD for k in kinds), float in kinds, kinds)
    # the types by the identity of the one tuple of them kept in _SHAPES: hashed and compared
    # once, not again in the key
    nested, floats, kinds = shape
    if nested:
        # a nested record (a source's ``via``) is known by its identity once it is the
        # shared one
        _record(record)
        values = tuple(id(v) if isinstance(v, BaseModel) else v for v in record.__dict__.values())
    if floats and 0.0 in values and any(type(v) is float and v == 0.0 and str(v)[0] == "-" for v in values):
        return record  # -0.0 equals 0.0 but dumps as -0.0 (a NaN equals only itself: safe)
    names = record.__pydantic_fields_set__
    key = (type(record), id(kinds), values, id(names if id(names) in _NAMES else _names(names)))
    shared = _PARTS.get(key)
    if shared is None:
        if not nested:
            _record(record)
        shared = _PARTS[key] = record
    return shared
