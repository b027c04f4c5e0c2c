"""Finding fingerprints: how an editor's decision finds its finding again on the next run.

Built from the finding's kind, what is measured (frame, subject classes, place) and, per
side, the documents and the values: never offsets, line numbers, file names or order, so
it survives re-ordering, renaming files, whitespace edits and text moving around the claim,
and changes when a number or the quantity changes."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence

from ..findings import Position


def _num(x: float | None) -> str:
    return "inf" if x is None else f"{x:.6g}"


def fingerprint(kind: str, quantity_key: str, positions: Sequence[Position]) -> str:
    """A 16-hex-digit fingerprint.

    >>> from factcheck.findings import Position
    >>> p = Position(label="57", low=57, high=57, claims=[], sources=1)
    >>> fingerprint("value_conflict", "captivity|hostage|Ecuador", [p]) == fingerprint(
    ...     "value_conflict", "captivity|hostage|Ecuador", [p])
    True
    """
    sides = sorted(
        json.dumps(
            [
                sorted(
                    {
                        (
                            c.document,
                            c.quantity.qualifier,
                            c.quantity.text.lower().split()[-1] if c.quantity.text.split() else "",
                        )
                        for c in p.claims
                    }
                ),
                _num(p.low),
                _num(p.high),
                p.role,
            ]
        )
        for p in positions
    )
    payload = json.dumps([kind, quantity_key, sides], sort_keys=True, ensure_ascii=True)
    return hashlib.sha256(payload.encode()).hexdigest()[:16]
