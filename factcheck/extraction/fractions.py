"""Shares written as fractions, read as values: words ("a third of", "two-thirds of", "one
fourth of", "half the", "la mitad de", "un tercio de"), digits ("1/2 pound", "1⁄32 of"),
vulgar fraction signs ("½", "1½"), "one out of three" and "one in five", and the half added
to a whole ("two and a half million", "un millón y medio", "tres años y medio").

A fraction is a share of a total, never a count of it: its mentions carry the kind
``fraction`` so that ranges and counts leave them alone. The words come from
``data/<lang>/numbers.yaml`` (``fractions``, ``fraction_alone``, ``fraction_joints``,
``half_after``) and
``grammar.yaml`` (``partitive``, ``determiners``, ``articles``)."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from .. import vocabulary
from .numbers import NumberMention
from .numwords import scaled
from .tokens import PhraseIndex, Token

if TYPE_CHECKING:
    from .quantities import Found

_SLASHES = ("/", "⁄")  # the solidus and the fraction slash U+2044


@dataclass(frozen=True, slots=True)
class _Words:
    denominators: dict[str, int]
    alone: dict[str, frozenset[str]]
    numerators: dict[str, int]
    articles: frozenset[str]
    partitive: frozenset[str]
    followers: frozenset[str]
    joints: PhraseIndex
    halves: PhraseIndex
    scales: dict[str, int]
    starts: frozenset[str]  # any token a fraction can be found at


@cache
def _words(lang: str) -> _Words:
    nums = vocabulary.numbers(lang)
    g = vocabulary.grammar(lang)
    partitive = frozenset(g.partitive)
    followers = partitive | frozenset(g.determiners)
    numerators = {w: v for w, v in nums.units.items() if 0 < v < 20}
    starts = frozenset(nums.fractions) | frozenset(_SLASHES)
    return _Words(
        dict(nums.fractions),
        {w: frozenset(before) for w, before in nums.fraction_alone.items()},
        numerators,
        frozenset(g.articles) | frozenset(nums.articles),
        partitive,
        followers,
        PhraseIndex((j, j) for j in nums.fraction_joints),
        PhraseIndex((h, h) for h in nums.half_after),
        {w: v for w, v in {**nums.scales, **nums.multipliers}.items() if v >= 1000},
        starts,
    )


def find_fractions(
    tokens: Sequence[Token],
    mentions: list[NumberMention],
    lang: str = "en",
    unit_at: Callable[[int], bool] = lambda _: False,
) -> list[NumberMention]:
    """``mentions`` with the fractions of the sentence read in, in place of the numbers
    they are written with. ``unit_at(i)`` says whether a unit word starts at token ``i``
    ("1/2 pound").

    >>> from .numbers import find_numbers
    >>> from .tokens import tokenize
    >>> toks = tokenize("A third of those screened and two-thirds of the sales")
    >>> [(round(m.value, 3), m.kind) for m in find_fractions(toks, find_numbers(toks))]
    [(0.333, 'fraction'), (0.667, 'fraction')]
    """
    w = _words(lang)
    found: list[NumberMention] = []
    starts = w.starts
    for i, tok in enumerate(tokens):
        if tok.lower in starts:
            low = tok.lower
            hit = _word_fraction(tokens, i, w) if low in w.denominators else _digit_fraction(tokens, i, w, unit_at)
            if hit is not None:
                found.append(hit)
        elif tok.end - tok.start == 1 and tok.text > "\x7f" and _numeric(tok.text) and not tok.is_digit:
            hit = _vulgar(tokens, i)
            if hit is not None:
                found.append(hit)
    found.extend(_joined(tokens, mentions, w))
    mentions = _and_a_half(tokens, mentions, w)
    if not found:
        return mentions
    taken = {k for f in found for k in range(f.first, f.last + 1)}
    kept = [m for m in mentions if not any(k in taken for k in range(m.first, m.last + 1))]
    return sorted(kept + found, key=lambda m: m.first)


def _numeric(char: str) -> float:
    """The value Unicode gives a character ("½" 0.5), 0 for a character with none."""
    try:
        return unicodedata.numeric(char)
    except (TypeError, ValueError):
        return 0.0


def _share(first: int, last: int, value: float) -> NumberMention:
    return NumberMention(first, last, value, value, value, "fraction")


def _word_fraction(tokens: Sequence[Token], i: int, w: _Words) -> NumberMention | None:
    """ "a third of", "two-thirds", "one fourth of", "half the", "la mitad de"."""
    denominator = w.denominators[tokens[i].lower]
    nxt = tokens[i + 1].lower if i + 1 < len(tokens) else ""
    follows = nxt in w.followers or any(nxt.startswith(p) and len(nxt) <= len(p) + 3 for p in w.partitive)
    j = i - 1
    hyphen = j >= 0 and tokens[j].text in "-–" and tokens[j].end == tokens[i].start
    if hyphen:
        j -= 1
    before = tokens[j].lower if j >= 0 else ""
    if before in w.numerators and (hyphen or follows):
        numerator = w.numerators[before]
        if numerator >= denominator:
            return None  # "three halves", "four quarters": counts of parts
        return _share(j, i, numerator / denominator)
    if before in w.articles and not hyphen and nxt in w.partitive:
        return _share(j, i, 1 / denominator)  # "a third of"
    alone = w.alone.get(tokens[i].lower)
    if alone is not None and follows and before not in alone and not hyphen:
        # "half the condos"; "la mitad de" takes its article into the span
        first = j if j >= 0 and before in w.followers and before not in w.partitive else i
        return _share(first, i, 1 / denominator)
    return None


def _digit_fraction(tokens: Sequence[Token], i: int, w: _Words, unit_at: Callable[[int], bool]) -> NumberMention | None:
    """ "1/16 of a pint", "1⁄32", "1/2 pound": a slash between a smaller number and a
    larger one, read as a share only where a share is meant (9/11 and 24/7 are names)."""
    if i == 0 or i + 1 >= len(tokens):
        return None
    a, slash, b = tokens[i - 1], tokens[i], tokens[i + 1]
    if not (a.text.isdigit() and b.text.isdigit() and a.end == slash.start and slash.end == b.start):
        return None
    if i >= 2 and tokens[i - 2].end == a.start or i + 2 < len(tokens) and tokens[i + 2].start == b.end:
        return None  # "9/1/2023", "1/2-inch"
    numerator, denominator = int(a.text), int(b.text)
    if not 0 < numerator < denominator <= 1000:
        return None
    nxt = tokens[i + 2].lower if i + 2 < len(tokens) else ""
    if slash.text == "⁄" or nxt in w.partitive or unit_at(i + 2):
        return _share(i - 1, i + 1, numerator / denominator)
    return None


def _vulgar(tokens: Sequence[Token], i: int) -> NumberMention | None:
    """ "½", "1½": a vulgar fraction sign, added to the whole number glued before it."""
    value = _numeric(tokens[i].text)
    if not 0 < value < 1:
        return None
    if i > 0 and tokens[i - 1].text.isdigit() and tokens[i - 1].end == tokens[i].start:
        whole = int(tokens[i - 1].text)
        return NumberMention(i - 1, i, whole + value, whole + value, whole + value, "digits")
    return _share(i, i, value)


def _joined(tokens: Sequence[Token], mentions: list[NumberMention], w: _Words) -> list[NumberMention]:
    """ "one out of three Germans", "uno de cada tres": a share written as two counts."""
    out = []
    for m, n in zip(mentions, mentions[1:], strict=False):
        if n.first - m.last > 3 or m.last + 1 >= len(tokens) or tokens[m.last + 1].lower not in w.joints.firsts:
            continue
        if m.value is None or n.value is None or not 0 < m.value < n.value or n.value > 1000:
            continue  # "one in five"; "3 in 2020" is no share
        hit = w.joints.match_at(tokens, m.last + 1)
        if hit is not None and m.last + 1 + hit[0] == n.first:
            out.append(_share(m.first, n.last, m.value / n.value))
    return out


def _and_a_half(tokens: Sequence[Token], mentions: list[NumberMention], w: _Words) -> list[NumberMention]:
    """ "two and a half million", "un millón y medio": a half of the number's last scale
    added to it. The phrase must not start another number ("40 y medio centenar")."""
    if not mentions:
        return mentions
    starts = {m.first for m in mentions}
    out = []
    for m in mentions:
        k = m.last + 1
        if (
            m.value is None
            or m.kind not in ("digits", "words")
            or k >= len(tokens)
            or tokens[k].lower not in w.halves.firsts
        ):
            out.append(m)
            continue
        hit = w.halves.match_at(tokens, k)
        if hit is None or any(j in starts for j in range(k, k + hit[0] + 1)):
            out.append(m)
            continue
        last = k + hit[0] - 1
        scale = float(w.scales.get(tokens[m.last].lower, 1)) if m.last > m.first or m.kind == "words" else 1.0
        value = m.value + 0.5 * scale
        if scale == 1 and last + 1 < len(tokens) and tokens[last + 1].lower in w.scales:
            last += 1  # "two and a half million"
            value = scaled(value, w.scales[tokens[last].lower])
        out.append(NumberMention(m.first, last, value, value, value, m.kind))
    return out


def halves_after_units(tokens: Sequence[Token], found: list[Found], lang: str = "en") -> list[Found]:
    """ "tres años y medio", "two hours and a half": a half after the unit adds to the
    number, in place.

    >>> from .quantities import find_quantities
    >>> from .tokens import tokenize
    >>> [(f.value, f.unit) for f in find_quantities(tokenize("tres años y medio de cárcel"), lang="es")]
    [(3.5, 'year')]
    """
    w = _words(lang)
    for f in found:
        k = f.last + 1
        if f.unit is None or f.value is None or k >= len(tokens) or tokens[k].lower not in w.halves.firsts:
            continue
        hit = w.halves.match_at(tokens, k)
        nxt = k + (hit[0] if hit else 0)
        if hit is None or (nxt < len(tokens) and tokens[nxt].lower in w.scales):
            continue
        f.value = f.low = f.high = f.value + 0.5
        f.last = nxt - 1
    return found
