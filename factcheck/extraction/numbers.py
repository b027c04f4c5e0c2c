"""Numbers as written: digits ("2,700", "1.5 million"; Spanish "2.527", "1,5"), words
("fifty-seven", "a dozen", "two hundred"; "cincuenta y siete", "doscientos") and vague
amounts ("dozens", "tens of thousands"; "decenas") as intervals.

The words and separators come from ``data/<lang>/numbers.yaml``; this module only knows how
to combine them, which is the same in the languages factcheck reads: small words add up
below a hundred, hundreds multiply, a scale word multiplies what stands before it."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import cast

from .. import vocabulary
from . import numwords
from .tokens import PhraseIndex, Token, tokenize

_DIGITS = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")


@dataclass(frozen=True, slots=True)
class NumberMention:
    """A number found in tokens ``first``..``last`` (inclusive)."""

    first: int
    last: int
    value: float | None
    low: float
    high: float
    kind: str  # digits | words | vague | indefinite | article

    @property
    def vague(self) -> bool:
        return self.kind in ("vague", "indefinite")


@dataclass(frozen=True, slots=True)
class _Tables:
    vague: PhraseIndex
    fixed: PhraseIndex
    units: dict[str, int]
    tens: dict[str, int]
    hundreds: dict[str, int]
    scales: dict[str, int]
    multipliers: dict[str, int]
    connectors: frozenset[str]
    articles: frozenset[str]
    starts: frozenset[str]  # words a number written in words can begin with
    all_starts: frozenset[str]  # those and the first words of vague amounts ("dozens of")


@cache
def _tables(lang: str = "en") -> _Tables:
    words = vocabulary.numbers(lang)
    vague = PhraseIndex(
        [(w, (tuple(b), "vague")) for w, b in words.vague.items()]
        + [(w, (tuple(b), "indefinite")) for w, b in words.indefinite.items()]
    )
    fixed = PhraseIndex(words.fixed.items())
    scales = dict(words.scales)
    if lang == "en":
        scales.setdefault("dozen", 12)
    articles = frozenset(words.articles)
    starts = frozenset(words.units) | frozenset(words.tens) | frozenset(words.hundreds) | frozenset(scales)
    return _Tables(
        vague,
        fixed,
        dict(words.units),
        dict(words.tens),
        dict(words.hundreds),
        scales,
        dict(words.multipliers),
        frozenset(words.connectors),
        articles,
        starts | articles | fixed.firsts | {"half"},
        starts | articles | fixed.firsts | {"half"} | vague.firsts,
    )


def parse_number_words(text: str, lang: str = "en") -> float | None:
    """The value of a number written in words, or None if it is not one.

    >>> parse_number_words("fifty-seven"), parse_number_words("two hundred and five")
    (57.0, 205.0)
    >>> parse_number_words("a dozen"), parse_number_words("three million"), parse_number_words("guards")
    (12.0, 3000000.0, None)
    """
    tokens = [t for t in tokenize(text) if t.text != "-"]
    if not tokens:
        return None
    mention = _word_number(tokens, 0, lang)
    if mention is None or mention.last != len(tokens) - 1:
        return None
    return mention.value


def parse_digits(text: str, lang: str = "en") -> float | None:
    """The value of a number written in digits with the language's separators.

    >>> parse_digits("2,700"), parse_digits("1.5"), parse_digits("12,34")
    (2700.0, 1.5, None)

    In a language whose thousands are grouped with a dot ("2.527 heridos"), a separator
    followed by exactly three digits groups thousands, whichever it is, since Mexican
    outlets write "1,500" and Spanish ones "1.500"; any other separator marks decimals.
    """
    table = vocabulary.numbers(lang)
    if table.thousands_separator == ",":
        if not _DIGITS.match(text):
            return None
        return float(text.replace(",", ""))
    return _grouped_digits(text)


_GROUPS = re.compile(r"^\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*$")
_DECIMAL = re.compile(r"^\d+(?:[.,]\d+)?$")


def _grouped_digits(text: str) -> float | None:
    """ "3.568" and "3,568" are 3568; "1,5" and "1.5" are 1.5; "1.234,5" is 1234.5."""
    if _GROUPS.match(text):
        return float(re.sub(r"[.,]", "", text))
    mixed = re.match(r"^(\d{1,3}(?:\.\d{3})+),(\d+)$", text)
    if mixed:
        return float(mixed.group(1).replace(".", "") + "." + mixed.group(2))
    if _DECIMAL.match(text):
        return float(text.replace(",", "."))
    return None


def _word_number(tokens: Sequence[Token], i: int, lang: str = "en") -> NumberMention | None:
    tables = _tables(lang)
    fixed, units, tens, hundreds, scales = tables.fixed, tables.units, tables.tens, tables.hundreds, tables.scales
    hit = fixed.match_at(tokens, i)
    if hit is not None:
        n, value = hit
        return NumberMention(i, i + n - 1, float(value), float(value), float(value), "words")  # type: ignore[arg-type]
    total = current = 0.0
    j = i
    seen = False
    last_kind = ""
    if tokens[i].lower in tables.articles and i + 1 < len(tokens) and tokens[i + 1].lower in scales:
        current, j, seen, last_kind = 1.0, i + 1, True, "unit"
    end = i - 1
    while j < len(tokens):
        w = tokens[j].lower
        if w in units and last_kind not in ("unit", "teen"):
            current += units[w]
            last_kind = "teen" if units[w] >= 10 else "unit"
        elif w in tens and last_kind in ("", "scale", "hundred"):
            current += tens[w]
            last_kind = "tens"
        elif w in hundreds and last_kind in ("", "scale"):
            current += hundreds[w]
            last_kind = "hundred"
        elif w in scales and (seen or (lang != "en" and scales[w] == 1000)):
            # "mil personas": in Spanish a thousand needs no "one" before it
            scale = scales[w]
            if scale == 100:
                current = (current or 1) * 100
                last_kind = "hundred"
            elif scale == 12:
                current = (current or 1) * 12
                last_kind = "scale"
            else:
                total += (current or 1) * scale
                current = 0
                last_kind = "scale"
        elif (
            w == "-"
            and w in tables.connectors
            and last_kind == "tens"
            and j + 1 < len(tokens)
            and tokens[j + 1].lower in units
            and tokens[j].start == tokens[j - 1].end
            or w != "-"
            and w in tables.connectors
            and (last_kind in ("hundred", "scale") or (last_kind == "tens" and lang != "en"))
            and j + 1 < len(tokens)
            and (tokens[j + 1].lower in units or (tokens[j + 1].lower in tens and last_kind != "tens"))
        ):
            j += 1
            continue
        else:
            break
        seen = True
        end = j
        j += 1
    if not seen or end < i:
        return None
    value = total + current
    return NumberMention(i, end, value, value, value, "words")


def find_numbers(tokens: Sequence[Token], lang: str = "en") -> list[NumberMention]:
    """Every number mention in ``tokens``, left to right, not overlapping.

    >>> [(m.value, m.kind) for m in find_numbers(tokenize("dozens of guards and 1.5 million people"))]
    [(None, 'vague'), (1500000.0, 'digits')]
    """
    if vocabulary.data_language(lang) != "en":
        return _from_spans(tokens, lang)
    tables = _tables(lang)
    vague, scales, multipliers = tables.vague, tables.scales, tables.multipliers
    found: list[NumberMention] = []
    n = len(tokens)
    # the tokens a number can begin at, found in one pass; the loop jumps from one to the next
    starts = tables.all_starts
    marks = [k for k, t in enumerate(tokens) if t.is_digit or t.lower in starts]
    if not marks:
        return found
    i = marks[0]
    while i < n:
        tok = tokens[i]
        if not tok.is_digit and tok.lower not in starts:
            k = bisect_left(marks, i)
            if k == len(marks):
                break
            i = marks[k]
            tok = tokens[i]
        if tok.is_digit:
            value = parse_digits(tok.text, lang)
            if value is None:
                i += 1
                continue
            last = i
            # "1.5 million", "$3bn", "4 hundred million": scale words right after the digits
            # multiply them; an abbreviation ("m", "k") only when glued to them
            while last + 1 < n and last < i + 2:
                nxt = tokens[last + 1]
                mult = scales.get(nxt.lower) or multipliers.get(nxt.lower)
                spelled = nxt.lower in scales or nxt.lower in ("bn", "mn", "mln", "tn")
                if not mult or not (spelled or (last == i and nxt.start == tok.end)):
                    break
                value = numwords.scaled(value, mult)
                last += 1
            found.append(NumberMention(i, last, value, value, value, "digits"))
            i = last + 1
            continue
        if tok.is_word:
            hit = vague.match_at(tokens, i) if tok.lower in vague.firsts else None
            if hit is not None:
                size, payload = hit
                (low, high), kind = cast(tuple[tuple[float, float], str], payload)
                found.append(NumberMention(i, i + size - 1, None, float(low), float(high), kind))
                i += size
                continue
            if tok.lower in tables.starts:
                mention = _word_number(tokens, i, lang)
                if mention is not None:
                    found.append(mention)
                    i = mention.last + 1
                    continue
        i += 1
    return found


def _from_spans(tokens: Sequence[Token], lang: str) -> list[NumberMention]:
    """Numbers as :mod:`~factcheck.extraction.numwords` reads them in languages other than
    English ("16 mil 601", "cincuenta y siete", "medio centenar"), mapped onto tokens.
    Ranges are left to the quantity rules, which treat every language alike."""
    if not tokens:
        return []
    base = tokens[0].start
    chars = [" "] * (tokens[-1].end - base)
    for t in tokens:
        chars[t.start - base : t.end - base] = t.text
    starts = {t.start - base: k for k, t in enumerate(tokens)}
    ends = {t.end - base: k for k, t in enumerate(tokens)}
    out: list[NumberMention] = []
    for span in numwords.find_numbers("".join(chars), vocabulary.data_language(lang), ranges=False):
        first, last = starts.get(span.start), ends.get(span.end)
        if first is None or last is None or last < first:
            continue  # a number that does not start and end on token edges is no figure
        out.append(NumberMention(first, last, span.value, span.low, span.high, span.kind))
    return out
