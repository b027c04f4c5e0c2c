"""How two claims compare, field by field: the comparison vector of the scored pairing.

Each field of two facets is compared at one of four levels: ``same``, ``close`` (one
inside the other, a class and its parent, days within the same-event window),
``unknown`` (a field missing or unread on either side) or ``different``. The levels are
what the pairing model (``scoring``) weighs; the words are what an editor reads
("both: killed · Turi jail within Ecuador · same day · different sources").

A field that is wrong or missing moves one level of the vector, so it lowers the score of
the pair; it never removes the pair from comparison."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from ..findings import Agreement
from .identity import place_relation, subject_relation
from .keys import UNKNOWN_EVENT, Facet
from .timeline import days_apart

Level = Literal["same", "close", "unknown", "different"]
LEVELS: tuple[Level, ...] = ("same", "close", "unknown", "different")
FIELDS: tuple[str, ...] = ("event", "subject", "place", "time", "source", "figure")
"""The fields the pairing model weighs. Whether two claims come from one article is shown
in the evidence but not weighed: learnt without labels, it would make "one article" the
mark of one quantity, since an article's figures share everything else."""


@dataclass(frozen=True, slots=True)
class Comparison:
    """The levels of one pair of facets, in ``FIELDS`` order, and the words for each."""

    levels: tuple[Level, ...]
    words: tuple[str, ...]
    document: str = ""
    """ "one article" or "two articles", for the evidence."""

    @property
    def pattern(self) -> tuple[int, ...]:
        """The levels as indices into ``LEVELS``, the form the model counts."""
        return tuple(LEVELS.index(level) for level in self.levels)


def _event(a: Facet, b: Facet) -> tuple[Level, str]:
    return _events(a.event, b.event)


@lru_cache(maxsize=4096)
def _events(a: str, b: str) -> tuple[Level, str]:
    """``_event`` of two events: it reads nothing else (asked for every pair scored)."""
    if a == UNKNOWN_EVENT or b == UNKNOWN_EVENT:
        known = b if a == UNKNOWN_EVENT else a
        return "unknown", f"what happened is not read on one side ({known} on the other)"
    if a == b:
        return "same", f"both: {a}"
    return "different", f"{a} vs {b}"


def _readable(classes: frozenset[str]) -> str:
    return " and ".join(sorted(c.removeprefix("raw:") for c in classes))


def _subject(a: Facet, b: Facet) -> tuple[Level, str]:
    return _subjects(a.classes, b.classes)


@lru_cache(maxsize=4096)
def _subjects(a: frozenset[str], b: frozenset[str]) -> tuple[Level, str]:
    """``_subject`` of two sets of classes: it reads nothing else (asked for every pair scored)."""
    if a == b:
        return "same", f"both count {_readable(a)}"
    if any(c.startswith("raw:") for c in a | b):
        return "unknown", f"{_readable(a)} vs {_readable(b)} (one not classified)"
    rel = subject_relation(a, b)
    if rel in ("part", "whole"):
        inner, outer = (a, b) if rel == "part" else (b, a)
        return "close", f"{_readable(inner)} are {_readable(outer)}"
    return "different", f"{_readable(a)} vs {_readable(b)}"


def known_mismatch(a: Facet, b: Facet) -> bool:
    """The event or the subject of ``a`` and ``b`` is read on both sides and differs: the
    level ``compare`` would give ``different`` for either, computed without its words (a
    pre-check where most candidates are of another quantity)."""
    if a.event != b.event and UNKNOWN_EVENT not in (a.event, b.event):
        return True
    if a.classes == b.classes or any(c.startswith("raw:") for c in a.classes | b.classes):
        return False
    return subject_relation(a.classes, b.classes) not in ("part", "whole")


def _place_words(f: Facet) -> str:
    p = f.place
    if p is None:
        return "nowhere stated"
    return p.name or (f"a {p.kind} in {p.within[0]}" if p.within else f"a {p.kind}")


def _place(a: Facet, b: Facet) -> tuple[Level, str]:
    if a.anchor is not None or b.anchor is not None:
        if a.anchor == b.anchor:
            return "same", f"both measured from {a.anchor}"
        return "different", f"measured from {a.anchor} vs {b.anchor}"
    pa, pb = a.place, b.place
    if pa is None or pb is None:
        return "unknown", f"{_place_words(a)} vs {_place_words(b)}"
    if pa.key == pb.key:
        return "same", f"both at {_place_words(a)}"
    rel = place_relation(pa, pb)
    if rel == "same":
        return "same", f"{_place_words(a)} = {_place_words(b)}"
    if rel in ("part", "whole"):
        inner, outer = (a, b) if rel == "part" else (b, a)
        return "close", f"{_place_words(inner)} within {_place_words(outer)}"
    if not (pa.stated and pb.stated):
        return "unknown", f"{_place_words(a)} vs {_place_words(b)} (one not stated)"
    return "different", f"{_place_words(a)} vs {_place_words(b)}"


def _time(a: Facet, b: Facet, same_event_days: int) -> tuple[Level, str]:
    days = days_apart(a.moment, b.moment)
    if days is None:
        return "unknown", "when is not known on one side"
    stated = a.moment.basis != "published" and b.moment.basis != "published"
    if days == 0:
        return ("same", "same day") if stated else ("close", "same day of publication")
    if days <= same_event_days:
        return "close", f"{days} days apart"
    return "different", f"{days} days apart"


def _source(a: Facet, b: Facet) -> tuple[Level, str]:
    sa, sb = a.claim.source, b.claim.source
    if a.source == b.source and a.document != b.document:
        return "same", "copies of one story"
    if sa is None or sb is None:
        return "unknown", "source not stated on one side"
    if sa.name.lower() == sb.name.lower():
        return "same", f"both from {sa.name}"
    return "different", "different sources"


FIGURE_CLOSE = 1 / 3
"""Relative distance (to the larger figure) under which two figures are of one order:
two readings of one count disagree by a little (443 and 480, 12 and 13); figures far
apart (5 and 43) are more often two scopes or two moments than one quantity."""


def bounds(f: Facet) -> tuple[float, float] | None:
    """A facet's figure as its lowest and highest value, None when it has none."""
    q = f.claim.quantity
    lo = q.low if q.low is not None else q.value
    hi = q.high if q.high is not None else q.value
    if lo is None and hi is None:
        return None
    lo = hi if lo is None else lo
    hi = lo if hi is None else hi
    assert lo is not None and hi is not None
    return lo, hi


def _figure(a: Facet, b: Facet) -> tuple[Level, str]:
    return figure_level(bounds(a), bounds(b), a.unit == b.unit)


def figure_level(x: tuple[float, float] | None, y: tuple[float, float] | None, one_unit: bool) -> tuple[Level, str]:
    """The figure field of two facets from their bounds (``bounds``), for a caller that
    compares one facet's figures with many others'."""
    if x is None or y is None or not one_unit:
        return "unknown", ""
    if x[0] <= y[1] and y[0] <= x[1]:
        return "same", "figures agree"
    top = max(abs(x[1]), abs(y[1]))
    gap = max(x[0], y[0]) - min(x[1], y[1])
    if top > 0 and gap <= FIGURE_CLOSE * top:
        return "close", "figures close"
    return "different", "figures far apart"


def _document(a: Facet, b: Facet) -> tuple[Level, str]:
    if a.document == b.document:
        return "same", "one article"
    return "different", "two articles"


def compare(a: Facet, b: Facet, same_event_days: int = 14) -> Comparison:
    """The comparison vector of two facets.

    >>> from factcheck.extraction import extract_text
    >>> from .keys import facet
    >>> x, y = [facet(c) for c in extract_text(
    ...     "Officials said 57 guards were held in Ecuador. Police said 61 guards were held in Ecuador.")]
    >>> compare(x, y).levels, compare(x, y).document
    (('same', 'same', 'same', 'unknown', 'different', 'close'), 'one article')
    """
    parts = (_event(a, b), _subject(a, b), _place(a, b), _time(a, b, same_event_days), _source(a, b), _figure(a, b))
    return Comparison(tuple(p[0] for p in parts), tuple(p[1] for p in parts), _document(a, b)[1])


_LEVEL_OF = {"event": _event, "subject": _subject, "place": _place, "source": _source, "figure": _figure}


def level(field: str, a: Facet, b: Facet, same_event_days: int = 14) -> Level:
    """The level of one field of ``compare(a, b, same_event_days)``, computed alone (to
    bound a pair's evidence before comparing it in full).

    >>> from factcheck.extraction import extract_text
    >>> from .keys import facet
    >>> x, y = [facet(c) for c in extract_text(
    ...     "Officials said 57 guards were held in Ecuador. Police said 61 guards were held in Ecuador.")]
    >>> [level(f, x, y) for f in FIELDS] == list(compare(x, y).levels)
    True
    """
    if field == "time":
        return _time(a, b, same_event_days)[0]
    return _LEVEL_OF[field](a, b)[0]


def agreements(c: Comparison, weights: tuple[float, ...]) -> list[Agreement]:
    """The comparison as records for a finding, each with the weight the model gives it."""
    out = [
        _agreement(field, level, words, round(w, 3))
        for field, level, words, w in zip(FIELDS, c.levels, c.words, weights, strict=True)
    ]
    if c.document:
        level = "same" if c.document == "one article" else "different"
        out.append(_agreement("document", level, c.document, 0.0))
    return out


def _agreement(field: str, level: str, words: str, weight: float) -> Agreement:
    """One record per distinct agreement (records are frozen): every finding has seven,
    and most read alike ("both: killed", "same day")."""
    # -0.0 equals 0.0 but is written "-0.0": the sign of a zero weight is part of the key
    key = (field, level, words, weight, weight == 0 and math.copysign(1.0, weight) < 0)
    found = _AGREEMENTS.get(key)
    if found is None:
        if len(_AGREEMENTS) >= _KEPT:
            _AGREEMENTS.clear()
        found = _AGREEMENTS[key] = Agreement(field=field, level=level, words=words, weight=weight)
    return found


_KEPT = 1 << 16
"""Agreements kept at most; past it the table starts again."""
_AGREEMENTS: dict[tuple[str, str, str, float, bool], Agreement] = {}
