"""Numbers that name a thing rather than count or measure it: product lines and models
("iPhone 11 Pro", "737 Max"), market indices ("S&P 500", "FTSE 100"), codes ("COVID-19",
"ID.4", "ZIP 90049"), labels on a scale ("category 4"), house numbers ("575 Wilbraham
Road") and scores ("a 2-1 win").

The words come from ``data/<lang>/identifiers.yaml``; this module holds the shapes in which
they make a number a name, and is asked by :func:`~factcheck.extraction.notclaims.not_a_claim`."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from .. import vocabulary
from .numbers import NumberMention
from .tokens import PhraseIndex, Token

_DASHES = "-–"
_ADDRESS_GAP = 3  # capitalised words at most between a house number and its street word


@cache
def _before(lang: str) -> PhraseIndex:
    return PhraseIndex((w, w) for w in vocabulary.identifiers(lang).before)


@cache
def _after(lang: str) -> frozenset[str]:
    return frozenset(w.lower() for w in vocabulary.identifiers(lang).after)


def named(tokens: Sequence[Token], m: NumberMention, lang: str = "en") -> str | None:
    """Why the number at ``m`` is a name ("name", "address"), or None.

    >>> from .numbers import find_numbers
    >>> from .tokens import tokenize
    >>> toks = tokenize("the S&P 500 rose and the iPhone 11 Pro sold at 575 Wilbraham Road")
    >>> [named(toks, m) for m in find_numbers(toks)]
    ['name', 'name', 'address']
    """
    i = m.first
    j = i - 1
    nxt = tokens[m.last + 1] if m.last + 1 < len(tokens) else None
    if j >= 1 and tokens[j].text in _DASHES and tokens[j].end == tokens[i].start:
        j -= 1  # "COVID-19", "COVID -19"
    # "FTSE -0.6%", "the Dow 1.2%": a signed number or a percentage after an index is its move
    moved = (m.value is not None and m.value < 0) or (nxt is not None and nxt.text == "%")
    if j >= 0 and not moved and _before(lang).match_ending(tokens, j) is not None:
        return "name"
    if nxt is not None and nxt.is_capitalized and nxt.lower in _after(lang):
        return "name"
    if (
        i >= 2
        and tokens[i - 1].text == "."
        and tokens[i - 2].is_word
        and tokens[i - 2].end == tokens[i - 1].start
        and tokens[i - 1].end == tokens[i].start
    ):
        return "name"  # "ID.4", "v.2"
    if m.kind == "digits" and _house_number(tokens, m, lang):
        return "address"
    if m.kind == "digits" and _glued(tokens, m.first) and _digit_groups(tokens, m.first, 3) >= 3:
        return "code"  # "0800-123-4567", "2016-04-17": a telephone number, a date, a reference
    return None


_GLUE = frozenset("-–./")


def _glued(tokens: Sequence[Token], i: int) -> bool:
    """A hyphen, dot or slash touches the digits at token ``i`` on either side."""
    before = i > 0 and tokens[i - 1].text in _GLUE and tokens[i - 1].end == tokens[i].start
    return before or (i + 1 < len(tokens) and tokens[i + 1].text in _GLUE and tokens[i + 1].start == tokens[i].end)


def _digit_groups(tokens: Sequence[Token], i: int, enough: int = 1 << 30) -> int:
    """How many groups of digits, glued by hyphens, dots or slashes with no space, the
    digits at token ``i`` stand in ("0800-123-4567" has three), counting no further than
    ``enough`` (so that ``1-1-1-...`` costs each number a few steps, not the whole run)."""
    groups = 1
    for step in (-1, 1):
        k = i
        while groups < enough and 0 <= k + 2 * step < len(tokens):
            glue, nxt = tokens[k + step], tokens[k + 2 * step]
            left, right = (nxt, tokens[k]) if step < 0 else (tokens[k], nxt)
            if glue.text not in _GLUE or not nxt.is_digit or left.end != glue.start or glue.end != right.start:
                break
            groups += 1
            k += 2 * step
    return groups


def _house_number(tokens: Sequence[Token], m: NumberMention, lang: str) -> bool:
    """ "575 Wilbraham Road", "9 E 71st St", "16-18 Industrial Avenue": a number before a
    few capitalised words that end in a street word."""
    k = m.last + 1
    if k >= len(tokens) or not (tokens[k].is_capitalized or tokens[k].text in _DASHES):
        return False  # a street name follows the number
    streets = vocabulary.identifiers(lang).streets
    text = tokens[m.first].text
    if not streets or not text.isdigit() or len(text) > 5 or m.first != m.last:
        return False
    k = m.last + 1
    if k + 1 < len(tokens) and tokens[k].text in _DASHES and tokens[k + 1].text.isdigit():
        k += 2  # "16-18"
    words = 0
    while k < len(tokens) and words <= _ADDRESS_GAP:
        tok = tokens[k]
        if tok.is_word and tok.is_capitalized and tok.lower in streets:
            return True
        if not (tok.is_capitalized or tok.is_digit or tok.text == "." or tok.lower in ("st", "nd", "rd", "th")):
            return False
        words += 1
        k += 1
    return False


def is_score_or_code(
    tokens: Sequence[Token], m: NumberMention, mentions: list[NumberMention], idx: int, lang: str = "en"
) -> bool:
    """ "a 2-1 win", "3888-2", "09-01": hyphenated digit pairs that are no range.

    >>> from .numbers import find_numbers
    >>> from .tokens import tokenize
    >>> toks = tokenize("a 2-1 win")
    >>> is_score_or_code(toks, find_numbers(toks)[0], find_numbers(toks), 0)
    True
    """
    if m.kind != "digits" or m.last + 2 >= len(tokens) or tokens[m.last + 1].text not in _DASHES:
        return False
    if idx + 1 >= len(mentions) or mentions[idx + 1].first != m.last + 2 or mentions[idx + 1].kind != "digits":
        return False
    n = mentions[idx + 1]
    texts = (tokens[m.first].text, tokens[n.first].text)
    after = tokens[n.last + 1].lower if n.last + 1 < len(tokens) else ""
    return (
        (m.value is not None and n.value is not None and m.value >= n.value)
        or any(t.startswith("0") and len(t) > 1 for t in texts)
        or after in vocabulary.identifiers(lang).score_words
    )
