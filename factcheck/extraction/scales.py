"""Readings on a scale that pint does not know: an earthquake's magnitude ("a magnitude
7.8 earthquake", "the 7.1-magnitude quake", "un sismo de magnitud 7,1", "6,1 grados en la
escala de Richter"). A reading is a figure with a unit of its own, so it is never taken
for a count ("7.8 killed") and never compared with one.

The words, before or after the number, are the ``scales`` of the language's
``units.yaml``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from .. import vocabulary
from ..units import canonical, scale_units
from .tokens import PhraseIndex, Token

if TYPE_CHECKING:
    from .quantities import Found


@cache
def _indexes(lang: str) -> tuple[PhraseIndex, PhraseIndex]:
    table = vocabulary.units(lang).scales
    before = PhraseIndex((w, canonical(name)) for name, s in table.items() for w in s.before)
    after = PhraseIndex((w, canonical(name)) for name, s in table.items() for w in s.after)
    return before, after


@cache
def _noun_indexes(lang: str) -> tuple[PhraseIndex, PhraseIndex, dict[str, float]]:
    """The nouns a reading stands beside ("terremoto de 7,8", "a 7.8 quake"), and each
    scale's upper bound."""
    table = vocabulary.units(lang).scales
    before = PhraseIndex((w, canonical(name)) for name, s in table.items() for w in s.noun_before)
    after = PhraseIndex((w, canonical(name)) for name, s in table.items() for w in s.noun_after)
    below = {canonical(name): s.below for name, s in table.items() if s.below is not None}
    return before, after, below


def _beside_noun(tokens: Sequence[Token], f: Found, lang: str) -> tuple[str, str] | None:
    """(scale, the noun's words) when ``f`` is a reading written with a decimal right beside
    the thing measured ("un terremoto de 7,8", "a 7.8 quake"), below the scale's bound."""
    if f.num_first != f.num_last or not tokens[f.num_first].is_digit or f.value is None:
        return None
    text = tokens[f.num_first].text
    if "." not in text and "," not in text:
        return None  # "150 quakes", "the 2017 quake": a reading is written with its tenth
    before, after, below = _noun_indexes(lang)
    k = f.num_last + 1
    hit = after.match_at(tokens, k)
    side = (k, hit[0]) if hit is not None else None
    if hit is None and f.first == f.num_first:
        hit = before.match_ending(tokens, f.first - 1)
        side = (f.first - hit[0], hit[0]) if hit is not None else None
    if hit is None or side is None:
        return None
    unit = str(hit[1])
    if f.value >= below.get(unit, float("inf")):
        return None
    return unit, " ".join(t.text for t in tokens[side[0] : side[0] + side[1]])


def is_scale(unit: str | None) -> bool:
    """Whether ``unit`` is a scale's reading ("richter"), which counts nothing.

    >>> is_scale("richter"), is_scale("kilometer"), is_scale(None)
    (True, False, False)
    """
    return unit is not None and unit in scale_units()


def read_scales(tokens: Sequence[Token], found: list[Found], lang: str = "en") -> list[Found]:
    """The quantities with a scale for those written as a reading on one."""
    before, after = _indexes(lang)
    nouns_before, nouns_after, _ = _noun_indexes(lang)
    if not (before.firsts or after.firsts or nouns_before.firsts or nouns_after.firsts):
        return found
    out = []
    for f in found:
        if f.unit is not None or f.value is None:
            out.append(f)
            continue
        k = f.num_last + 1
        if k < len(tokens) and tokens[k].text in ("-", "‑") and tokens[k].start == tokens[f.num_last].end:
            k += 1  # "7.1-magnitude"
        hit = after.match_at(tokens, k)
        if hit is not None:
            size, unit = hit
            text = " ".join(t.text for t in tokens[k : k + size])
            out.append(replace(f, unit=str(unit), unit_text=text, last=max(f.last, k + size - 1)))
            continue
        # "magnitud 7,1"; "una intensidad de hasta 6,1", the qualifier between
        hit = before.match_ending(tokens, f.num_first - 1) if f.first == f.num_first else None
        hit = hit or before.match_ending(tokens, f.first - 1)
        if hit is not None:
            size, unit = hit
            end = f.num_first if f.first == f.num_first else f.first
            text = " ".join(t.text for t in tokens[end - size : end])
            out.append(replace(f, unit=str(unit), unit_text=text))
            continue
        beside = _beside_noun(tokens, f, lang)
        if beside is not None:
            out.append(replace(f, unit=beside[0], unit_text=beside[1]))
            continue
        out.append(f)
    return out
