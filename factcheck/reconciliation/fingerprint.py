"""Finding fingerprints: how an editor's decision finds its finding again on the next run.

Built from the rule (the finding's kind), the quantity key and the figures of the two
sides, never from the set of documents, offsets, file names or order. So a new article
that repeats a figure already on one side joins the decided finding (the report counts it
as a new source), while a new figure makes a new pair and so a new finding."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from json.encoder import encode_basestring_ascii

from ..findings import Position
from ..models import Claim


def _num(x: float | None) -> str:
    return "inf" if x is None else f"{x:.6g}"


def claim_figures(claims: Iterable[Claim]) -> set[str]:
    """The distinct figures of claims ("57", "120"), as the fingerprint sees them."""
    figures = set()
    for c in claims:
        q = c.quantity
        if q.qualifier == "range" or q.value is None:
            figures.add(f"{_num(q.low)}-{_num(q.high)}")
        else:
            figures.add(_num(q.value))
    return figures


def side_figures(p: Position) -> list[str]:
    """The distinct figures of a side ("57", "120"), as the fingerprint sees them."""
    figures = claim_figures(p.claims)
    if not figures:  # a vetted fact or a computed sum: its interval is its figure
        figures.add(f"{_num(p.low)}-{_num(p.high)}")
    return sorted(figures)


def fingerprint(kind: str, quantity_key: str, positions: Sequence[Position]) -> str:
    """A 16-hex-digit fingerprint.

    >>> from factcheck.findings import Position
    >>> p = Position(label="57", low=57, high=57, claims=[], sources=1)
    >>> q = Position(label="about 120", low=108, high=132, claims=[], sources=1)
    >>> key = "released|guard|count|country:Ecuador|"
    >>> fingerprint("value_conflict", key, [p, q]) == fingerprint("value_conflict", key, [q, p])
    True
    """
    # the JSON of [role, figures] per side and of [kind, key, sides], written out with the
    # encoder's own string escaping (``json.dumps`` of lists of strings, byte for byte: a
    # fingerprint is made for every finding built)
    sides = sorted(f"[{_text(p.role)}, {_texts(side_figures(p))}]" for p in positions)
    payload = f"[{_text(kind)}, {_text(quantity_key)}, {_texts(sides)}]"
    return hashlib.sha256(payload.encode()).hexdigest()[:16]


_text = encode_basestring_ascii


def _texts(items: list[str]) -> str:
    return "[" + ", ".join(map(_text, items)) + "]"
