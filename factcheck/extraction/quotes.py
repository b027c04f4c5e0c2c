"""A quotation that runs over more than one sentence has one speaker, named where it closes:
in «Nos dieron la cifra de 12 heridos. Ahora nos hablan de 19 heridos», ha dicho la
vocera, the 12 is the vocera's as much as the 19. Sentences are read one by
one, so the figures of a quotation's first sentences are given its speaker once the whole
article is read: the speaker the figures of its closing sentence were given, or, where that sentence holds
no figure, the speaker it names after the closing mark.

An article also reports what a speaker says and then quotes it: "Las autoridades subieron
a 246 el número de fallecidos. «La cifra ... es de 246 ciudadanos», dijo el vicepresidente
X". A sentence that names no one, whose figures the quotation of the next sentence gives
again, is the quoted speaker's. A named source of its own is kept: a body's report and a
speaker restating it are two reports."""

from __future__ import annotations

import re
import sys
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache

from ..models import Claim, Source
from .sourcenames import is_generic
from .tokens import tokenize

# the typewriter's marks count as quotation marks: two grave accents open ("``"), two
# apostrophes close ("''"), as in text set for TeX or typed on a machine without curly quotes
_OPEN = frozenset(("«", "“", "``"))
_CLOSE = frozenset(("»", "”", "''"))
# the first character of a mark first, then the second of a doubled one: a pattern that
# opens with a set of characters lets the engine skip to them (an alternation of marks
# does not), the same matches
_MARKS = re.compile("[\n«»“”\"`'](?:(?<=`)`|(?<=')'|(?<=[\n«»“”\"]))")


@lru_cache(maxsize=4)
def _quotations(body: str) -> tuple[tuple[int, int], ...]:
    """(opening, closing) offsets of every quotation closed within its paragraph, in order;
    a quotation a paragraph leaves open is none. Once per body (both steps below ask)."""
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
    return tuple(out)


def _quote_around(quotes: Sequence[tuple[int, int]], pos: int) -> tuple[int, int] | None:
    """The quotation of ``quotes`` (in order, none inside another) that holds offset ``pos``."""
    k = bisect_right(quotes, (pos, sys.maxsize)) - 1
    if k >= 0 and quotes[k][0] < pos < quotes[k][1]:
        return quotes[k]
    return None


def share_quoted_speakers(
    claims: Sequence[Claim], body: str, speakers: Sequence[tuple[int, int, Source]] = ()
) -> list[Claim]:
    """``claims`` of one article with each unattributed figure inside a quotation that closes
    in a later sentence given the source of that sentence's quoted figures, where they share
    one; where that sentence has no figure, the speaker it names after the closing mark
    (``speakers``: each sentence's start and end offsets with the one source it names).

    >>> from factcheck.extraction import extract_text
    >>> text = ("«Nos dieron la cifra de 12 heridos. Ahora nos hablan de 19 heridos», "
    ...         "dijo el portavoz Juan Mora.")
    >>> [c.source.name if c.source else None for c in extract_text(text, language="es")]
    ['Juan Mora', 'Juan Mora']
    """
    out = list(claims)
    if all(c.source is not None for c in out) or not any(ch in body for ch in ('"', "«", "“", "``")):
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
        if not closing:
            # «... 246 ciudadanos ... Se están elaborando listas», dijo X: no figure closes it
            closing = [src for a, b, src in speakers if a <= closed < b and src.start > closed]
        if closing and len({s.name for s in closing}) == 1:
            out[k] = c.model_copy(update={"source": closing[0]})
    return out


def restated_in_quotes(claims: Sequence[Claim], body: str, lang: str) -> list[Claim]:
    """``claims`` of one article with the figures of a sentence that names no one (no
    source, or an unnamed one: "Las autoridades ecuatorianas subieron a 246 el número de
    fallecidos") given the speaker of the quotation in the next sentence that gives them
    all again: the article reports what the speaker says, then quotes it.

    >>> from factcheck.extraction import extract_text
    >>> text = ("Las autoridades subieron a 246 el número de fallecidos. "
    ...         '"La cifra que tenemos es de 246 fallecidos", dijo el vicepresidente Jorge Glas.')
    >>> [c.source.name if c.source else None for c in extract_text(text, language="es")]
    ['Jorge Glas', 'Jorge Glas']
    """
    out = list(claims)
    if not any(ch in body for ch in ('"', "«", "“", "``")):
        return out
    quotes = _quotations(body)
    by_sentence: dict[int, list[int]] = {}
    for k, c in enumerate(claims):
        by_sentence.setdefault(c.sentence_index, []).append(k)
    for i, ks in by_sentence.items():
        nxt = by_sentence.get(i + 1)
        if nxt is None:
            continue
        quoted = [claims[k] for k in nxt if _quote_around(quotes, claims[k].quantity.start) is not None]
        speakers = {c.source.name for c in quoted if c.source is not None}
        if len(speakers) != 1 or any(c.source is None for c in quoted) or _unnamed(quoted[0].source, lang):
            continue  # the next sentence quotes no one named (most sentences: checked first)
        if not all(_unnamed(claims[k].source, lang) for k in ks):
            continue
        said = {(c.quantity.value, c.event_class) for c in quoted}
        counts = [k for k in ks if claims[k].event_class is not None and claims[k].quantity.value is not None]
        if counts and all((claims[k].quantity.value, claims[k].event_class) in said for k in counts):
            for k in counts:
                out[k] = claims[k].model_copy(update={"source": quoted[0].source})
    return out


def _unnamed(source: Source | None, lang: str) -> bool:
    """No source, or one the text does not name ("las autoridades", "fuentes oficiales")."""
    return source is None or is_generic(tokenize(source.name), lang)
