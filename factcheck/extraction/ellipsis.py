"""Units left unwritten: in "84.75 cents, while the lowest is 74.07", "rose by 2 percent
but fell by 1" and "about 8 or $9" a bare number is a figure of the same unit as the
measure beside it, in the same construction. Counts are left alone (what a bare count
counts is the subjects layer's question), and so are times ("3 days and 4" is too often
"and 4 people")."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

from .. import vocabulary
from ..units import to_base
from .tokens import Token

if TYPE_CHECKING:
    from .quantities import Found

# words that join two figures of one construction, besides the language's conjunctions;
# "to" is none: "rose 0.65 per cent to 27,349.19" is a change and the level it reached
_LINKS = frozenset({",", ";", "while", "whilst", "whereas", "mientras"})
_ALTERNATIVE = frozenset({"or", "o", "u"})
# a level after a change: "lost 2.14%, to fall to 7,425.81", "cayó 3% a 1.200"
_LEVEL = frozenset({"to", "at", "from", "a", "hasta", "de"})
_GAP = 8  # tokens at most between the measure and the bare number


@cache
def _words(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    g = vocabulary.grammar(lang)
    return frozenset(g.conjunctions) | _LINKS, frozenset(g.phrase_breaks)


def _no_noun_after(tokens: Sequence[Token], f: Found, breaks: frozenset[str]) -> bool:
    nxt = tokens[f.last + 1] if f.last + 1 < len(tokens) else None
    return nxt is None or not nxt.is_word or nxt.lower in breaks


def _carries(unit: str) -> bool:
    """Units a bare number may take from its neighbour: not times, whose bare neighbours
    ("3 days and 4") are as often counts."""
    return to_base(1.0, unit)[1] != "second"


def carry_units(tokens: Sequence[Token], found: list[Found], lang: str = "en") -> list[Found]:
    """Give a bare number the unit of the measure it is written beside.

    >>> from .quantities import find_quantities
    >>> from .tokens import tokenize
    >>> toks = tokenize("The highest forecast is 84.75 cents, while the lowest is 74.07.")
    >>> [(f.value, f.unit) for f in find_quantities(toks)]
    [(84.75, 'cent'), (74.07, 'cent')]
    """
    if len(found) < 2:
        return found
    links, breaks = _words(lang)
    for k, f in enumerate(found):
        if f.unit is not None or f.kind != "digits" or _distance_from(tokens, found, k):
            continue
        prev = found[k - 1] if k else None
        nxt = found[k + 1] if k + 1 < len(found) else None
        if (
            nxt is not None
            and nxt.unit is not None
            and nxt.first == f.last + 2
            and tokens[f.last + 1].lower in vocabulary.grammar(lang).conjunctions
        ):
            # "12 and 15 km", "dos niños de 4 y 7 años": the unit is written on the second
            # of a pair only (a time too: the two are written as one pair)
            f.unit = nxt.unit
            continue
        if not _no_noun_after(tokens, f, breaks):
            continue
        if prev is not None and prev.unit is not None and _carries(prev.unit):
            between = tokens[prev.last + 1 : f.first]
            if (
                len(between) <= _GAP
                and not any(t.is_digit or t.text == ")" or t.lower in _LEVEL for t in between)
                and any(t.lower in links for t in between)
            ):
                f.unit = prev.unit
                continue
        if nxt is not None and nxt.unit is not None and _carries(nxt.unit):
            # "about 8 or $9": the unit is written on the second figure only
            between = tokens[f.last + 1 : nxt.first]
            if len(between) == 1 and between[0].lower in _ALTERNATIVE:
                f.unit = nxt.unit
    return found


_AT = frozenset({"a", "at"})
_FROM = frozenset({"de", "del", "from"})


def _distance_from(tokens: Sequence[Token], found: list[Found], k: int) -> bool:
    """ "a 20 kilómetros de profundidad, a 28 de la costa y a 173 de la capital": a bare
    number between "a" and "de" after a distance in the sentence is that distance's unit
    from another place. Sets the unit and says so."""
    f = found[k]
    if f.first < 1 or tokens[f.first - 1].lower not in _AT:
        return False
    if f.last + 1 >= len(tokens) or tokens[f.last + 1].lower not in _FROM:
        return False
    if any(t.is_digit for t in tokens[f.last + 1 : f.last + 4]):
        return False  # "llegaron a 40 de los 57 rehenes": a part of a count
    for prev in reversed(found[:k]):
        if prev.unit is not None:
            if to_base(1.0, prev.unit)[1] != "meter" or f.first - prev.last > 2 * _GAP:
                return False
            f.unit = prev.unit
            return True
    return False
