"""A quotation that runs over more than one sentence has one speaker, named where it closes:
in «Inicialmente nos dieron el número de 25 personas. Ahora nos hablan de 41 personas», ha
dicho el portavoz, the 25 is the portavoz's as much as the 41. Sentences are read one by
one, so the figures of a quotation's first sentences are given its speaker once the whole
article is read: the speaker the figures of its closing sentence were given."""

from __future__ import annotations

from collections.abc import Sequence

from ..models import Claim

_OPEN = frozenset("«“")
_CLOSE = frozenset("»”")


def _quote_around(body: str, pos: int) -> tuple[int, int] | None:
    """(opening, closing) offsets of the quotation that holds offset ``pos``, within its
    paragraph; None outside one or where the paragraph leaves it open."""
    start = body.rfind("\n", 0, pos) + 1
    end = body.find("\n", pos)
    end = len(body) if end < 0 else end
    opened: int | None = None
    for k in range(start, end):
        ch = body[k]
        if ch in _OPEN or (ch == '"' and opened is None):
            opened = k
        elif ch in _CLOSE or ch == '"':
            if opened is not None and opened < pos < k:
                return opened, k
            opened = None
    return None


def share_quoted_speakers(claims: Sequence[Claim], body: str) -> list[Claim]:
    """``claims`` of one article with each unattributed figure inside a quotation that closes
    in a later sentence given the source of that sentence's quoted figures, where they share
    one.

    >>> from factcheck.extraction import extract_text
    >>> text = ("«Nos dieron el número de 25 personas. Ahora nos hablan de 41 personas», "
    ...         "dijo el portavoz Juan Mora.")
    >>> [c.source.name if c.source else None for c in extract_text(text, language="es")]
    ['Juan Mora', 'Juan Mora']
    """
    out = list(claims)
    for k, c in enumerate(out):
        if c.source is not None:
            continue
        quote = _quote_around(body, c.quantity.start)
        if quote is None or quote[1] <= c.sentence_end:
            continue
        opened, closed = quote
        closing = [
            d
            for d in claims
            if opened < d.quantity.start < closed
            and d.sentence_start <= closed < d.sentence_end
            and d.source is not None
            and d.source.name
        ]
        names = {d.source.name for d in closing if d.source is not None}
        if len(names) == 1 and closing[0].source is not None:
            out[k] = c.model_copy(update={"source": closing[0].source})
    return out
