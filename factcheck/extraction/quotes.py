"""A quotation that runs over more than one sentence has one speaker, named where it closes:
in «Nos dieron la cifra de 12 heridos. Ahora nos hablan de 19 heridos», ha dicho la
vocera, the 12 is the vocera's as much as the 19. Sentences are read one by
one, so the figures of a quotation's first sentences are given its speaker once the whole
article is read: the speaker the figures of its closing sentence were given."""

from __future__ import annotations

import re
import sys
from bisect import bisect_right
from collections.abc import Sequence

from ..models import Claim

_OPEN = frozenset("«“")
_CLOSE = frozenset("»”")
_MARKS = re.compile('[\n«»“”"]')


def _quotations(body: str) -> list[tuple[int, int]]:
    """(opening, closing) offsets of every quotation closed within its paragraph, in order;
    a quotation a paragraph leaves open is none."""
    out: list[tuple[int, int]] = []
    opened: int | None = None
    for m in _MARKS.finditer(body):
        k, ch = m.start(), m.group()
        if ch == "\n":
            opened = None
        elif ch in _OPEN or (ch == '"' and opened is None):
            opened = k
        elif ch in _CLOSE or ch == '"':
            if opened is not None:
                out.append((opened, k))
            opened = None
    return out


def _quote_around(quotes: list[tuple[int, int]], pos: int) -> tuple[int, int] | None:
    """The quotation of ``quotes`` (in order, none inside another) that holds offset ``pos``."""
    k = bisect_right(quotes, (pos, sys.maxsize)) - 1
    if k >= 0 and quotes[k][0] < pos < quotes[k][1]:
        return quotes[k]
    return None


def share_quoted_speakers(claims: Sequence[Claim], body: str) -> list[Claim]:
    """``claims`` of one article with each unattributed figure inside a quotation that closes
    in a later sentence given the source of that sentence's quoted figures, where they share
    one.

    >>> from factcheck.extraction import extract_text
    >>> text = ("«Nos dieron la cifra de 12 heridos. Ahora nos hablan de 19 heridos», "
    ...         "dijo el portavoz Juan Mora.")
    >>> [c.source.name if c.source else None for c in extract_text(text, language="es")]
    ['Juan Mora', 'Juan Mora']
    """
    out = list(claims)
    if all(c.source is not None for c in out) or not any(ch in body for ch in '"«“'):
        return out
    quotes = _quotations(body)
    inside: dict[tuple[int, int], list[Claim]] = {}
    for c in claims:
        quote = _quote_around(quotes, c.quantity.start)
        if quote is not None:
            inside.setdefault(quote, []).append(c)
    for k, c in enumerate(out):
        quote = _quote_around(quotes, c.quantity.start) if c.source is None else None
        if quote is None or quote[1] <= c.sentence_end:
            continue
        closed = quote[1]
        closing = [
            d.source
            for d in inside[quote]
            if d.sentence_start <= closed < d.sentence_end and d.source is not None and d.source.name
        ]
        if closing and len({s.name for s in closing}) == 1:
            out[k] = c.model_copy(update={"source": closing[0]})
    return out
