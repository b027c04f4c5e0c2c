"""Written forms that change a number found in digits: a sign ("-0.6%", "$-50.8bn",
"minus 233 Celsius", "minus-5 yards", "5 grados bajo cero"), a decimal point with no
leading zero (".534", ".001 per cent") and a power of ten ("2.998×10−8").

Each rule looks only at the tokens around a number already found, so it costs nothing in a
sentence without numbers. The sign words come from ``data/<lang>/numbers.yaml``
(``negative``, ``negative_after``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from .. import vocabulary
from .numbers import NumberMention
from .tokens import PhraseIndex, Token

_UNIT_GAP = 2  # words at most between a number and "below zero" ("12 degrees Celsius below zero")

_MINUS = ("-", "−")  # hyphen-minus and the minus sign U+2212
_TIMES = ("×", "x", "*")
# what may stand glued before a sign: a currency symbol or an opening bracket ("$-50.8bn", "(-3%)")
_BEFORE_SIGN = frozenset("$€£¥(")


@cache
def _negative_words(lang: str) -> frozenset[str]:
    return frozenset(vocabulary.numbers(lang).negative)


@cache
def _below_zero(lang: str) -> PhraseIndex:
    return PhraseIndex((p, p) for p in vocabulary.numbers(lang).negative_after)


def signed(tokens: Sequence[Token], mentions: list[NumberMention], lang: str = "en") -> list[NumberMention]:
    """``mentions`` with signs, leading decimal points and powers of ten read into them.

    >>> from .numbers import find_numbers
    >>> from .tokens import tokenize
    >>> toks = tokenize("FTSE -0.6%, a .534 average, minus 233 Celsius, 5 degrees below zero")
    >>> [m.value for m in signed(toks, find_numbers(toks))]
    [-0.6, 0.534, -233.0, -5.0]
    """
    if not mentions:
        return mentions
    out: list[NumberMention] = []
    taken = -1
    for m in mentions:
        if m.first <= taken:
            continue  # the "10" and "8" of "×10−8", the "zero" of "below zero"
        if m.kind == "digits" and m.value is not None:
            m = _power_of_ten(tokens, _leading_point(tokens, m))
            m = _sign(tokens, m, lang)
        taken = m.last
        if m.value is not None and m.value > 0:
            below = _below(tokens, m, lang)
            if below is not None:
                m, taken = replace(m, value=-m.value, low=-m.high, high=-m.low), below
        out.append(m)
    return out


def _below(tokens: Sequence[Token], m: NumberMention, lang: str) -> int | None:
    """The last token of "below zero" a few words after the number ("5 grados bajo cero")."""
    index = _below_zero(lang)
    for k in range(m.last + 1, min(m.last + 2 + _UNIT_GAP, len(tokens))):
        if tokens[k].lower in index.firsts:
            hit = index.match_at(tokens, k)
            if hit is not None:
                return k + hit[0] - 1
        if not tokens[k].is_word:
            return None
    return None


def _glued(a: Token, b: Token) -> bool:
    return a.end == b.start


def _leading_point(tokens: Sequence[Token], m: NumberMention) -> NumberMention:
    """ ".534" is 0.534: a point glued before digits that no digit or letter is glued to."""
    i = m.first
    if i == 0 or tokens[i - 1].text != "." or not _glued(tokens[i - 1], tokens[i]):
        return m
    text = tokens[i].text
    if not text.isdigit():
        return m
    if i >= 2 and _glued(tokens[i - 2], tokens[i - 1]) and tokens[i - 2].text not in _BEFORE_SIGN | set(_MINUS):
        return m  # "ID.4", "v2.5", a sentence end with no space after it
    assert m.value is not None
    scale = m.value / float(text) if float(text) else 1.0
    value = float("0." + text) * scale
    return replace(m, first=i - 1, value=value, low=value, high=value)


def _sign(tokens: Sequence[Token], m: NumberMention, lang: str) -> NumberMention:
    """ "-0.6%" and "$-50.8bn": a minus glued before the number and after a space, a
    bracket or a currency symbol (in "40-50" and "COVID-19" it is a hyphen); "minus 233",
    "minus-5": a sign word before it."""
    i = m.first
    if i == 0 or m.value is None:
        return m
    sign = tokens[i - 1]
    first = None
    if sign.text in _MINUS and _glued(sign, tokens[i]):
        if i >= 2 and tokens[i - 2].lower in _negative_words(lang) and _glued(tokens[i - 2], sign):
            first = i - 2  # "minus-5"
        elif i == 1 or not _glued(tokens[i - 2], sign) or tokens[i - 2].text in _BEFORE_SIGN:
            first = i - 1
    elif sign.lower in _negative_words(lang):
        first = i - 1
    if first is None:
        return m
    return replace(m, first=first, value=-m.value, low=-m.high, high=-m.low)


def _power_of_ten(tokens: Sequence[Token], m: NumberMention) -> NumberMention:
    """ "2.998×10−8", "6.02 x 10^23": the number times a power of ten."""
    j = m.last + 1
    if j + 2 >= len(tokens) or tokens[j].lower not in _TIMES or tokens[j + 1].text != "10":
        return m
    k = j + 2
    if tokens[k].text == "^":
        k += 1
    negative = k < len(tokens) and tokens[k].text in _MINUS and _glued(tokens[k - 1], tokens[k])
    if negative:
        k += 1
    if k >= len(tokens) or not tokens[k].text.isdigit() or not _glued(tokens[k - 1], tokens[k]):
        return m
    exponent = int(tokens[k].text) * (-1 if negative else 1)
    if abs(exponent) > 300:
        return m
    assert m.value is not None
    value = m.value * 10.0**exponent
    return replace(m, last=k, value=value, low=value, high=value)
