"""Numbers as written in a given language, with exact character spans: digits with the
language's separators ("3.568" and "1,5" in Spanish, "3,568" and "1.5" in English), digits
with a scale word ("1,2 millones", "16 mil 601"), number words ("cincuenta y siete",
"doscientos mil"), fixed phrases ("medio centenar"), vague amounts as intervals ("decenas",
"miles") and ranges ("entre 40 y 50", "de 40 a 50").

Every word comes from ``data/<language>/numbers.yaml`` (through factcheck.vocabulary, so
Portuguese and Italian read the Spanish table); this module only knows how number
words combine, which is the same in the languages factcheck reads: small words add up to
below a thousand, a scale word multiplies what stands before it, and a connector ("y",
"and", "-") joins a tens word to a unit. text2num's ``alpha2digit`` covers the words but
neither the vague amounts nor exact offsets, so the grammar is read from data here."""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache
from typing import Any

from .. import vocabulary
from .changes import CHANGE_REACH, changed_before

# Words, digit groups (with separators, or with a no-break / thin space between groups of
# three) and single other characters. Digits glued to a letter before them ("COVID19",
# "#Sismo19") are part of a word, not a figure.
_TOKEN = re.compile(
    r"(?<!\w)[0-9]{1,3}(?:[\u00a0\u202f][0-9]{3})+(?![0-9.,])|(?<!\w)[0-9]+(?:[.,][0-9]+)*|[^\W\d_]\w*|\S"
)
_ASCII_DIGITS = re.compile(r"[0-9]+")


@dataclass(frozen=True, slots=True)
class NumberSpan:
    """A number in ``text[start:end]``: ``value`` when it has one, and its interval
    ``low``..``high`` (equal to the value, or the bounds of a vague amount or a range)."""

    start: int
    end: int
    value: float | None
    low: float
    high: float
    kind: str  # digits | words | vague | indefinite | range

    @property
    def vague(self) -> bool:
        return self.kind in ("vague", "indefinite")


@dataclass(frozen=True, slots=True)
class _Tok:
    text: str
    key: str  # lower case, accents stripped
    start: int
    end: int


@dataclass(frozen=True)
class _Words:
    small: dict[str, tuple[int, str]]  # word -> (value, unit|tens|hundreds)
    scales: dict[str, int]
    multipliers: dict[str, int]
    fixed: dict[tuple[str, ...], float]
    vague: dict[tuple[str, ...], tuple[float, float, str]]
    # as tokens: a connector may be written on the word before it (Tagalog "dalawampu't
    # lima", 25: "'t" is "at", and), which tokenizes as "dalawampu", "'", "t"
    connectors: frozenset[tuple[str, ...]]
    articles: frozenset[str]
    decimal: str
    thousands: str
    space_groups: bool
    ranges: tuple[tuple[str, str, bool], ...]  # (opener, joiner, two figures after a word of change)
    language: str
    longest: int
    phrase_firsts: frozenset[str]  # first words of the fixed and vague phrases
    starters: frozenset[str]  # words a number written in words can begin with


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """``word`` in lower case without accents, the form number words are matched in.

    >>> fold("Dieciséis"), fold("MILLÓN")
    ('dieciseis', 'millon')
    """
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(fold(w) for w in text.split())


@cache
def _words(language: str) -> _Words:
    table = vocabulary.numbers(language)
    small: dict[str, tuple[int, str]] = {}
    for kind, words in (("units", table.units), ("tens", table.tens), ("hundreds", table.hundreds)):
        for word, value in words.items():
            small[fold(word)] = (int(value), kind)
    vague = {_phrase(w): (float(lo), float(hi), "vague") for w, (lo, hi) in table.vague.items()}
    vague.update({_phrase(w): (float(lo), float(hi), "indefinite") for w, (lo, hi) in table.indefinite.items()})
    fixed = {_phrase(w): float(v) for w, v in table.fixed.items()}
    return _Words(
        small=small,
        scales={fold(w): int(v) for w, v in table.scales.items()},
        multipliers={fold(w): int(v) for w, v in table.multipliers.items()},
        fixed=fixed,
        vague=vague,
        connectors=frozenset(tuple(t.key for t in _tokens(w)) for w in table.connectors),
        articles=frozenset(fold(w) for w in table.articles),
        decimal=table.decimal_separator,
        thousands=table.thousands_separator,
        space_groups=table.space_groups,
        ranges=tuple((fold(r.before), fold(r.between), r.not_after_change) for r in table.ranges),
        language=language,
        longest=max(len(p) for p in [*vague, *fixed]),
        phrase_firsts=frozenset(p[0] for p in [*vague, *fixed] if p),
        starters=frozenset([*small, *(fold(w) for w in table.scales), *(fold(w) for w in table.articles)]),
    )


def _tokens(text: str, pattern: re.Pattern[str] = _TOKEN) -> list[_Tok]:
    return [_Tok(m.group(), fold(m.group()), m.start(), m.end()) for m in pattern.finditer(text)]


@cache
def _token_pattern(language: str) -> re.Pattern[str]:
    """The token pattern of ``language``: :data:`_TOKEN`, but digits written against one of
    the language's currency symbols made of letters are a number of their own ("P5 milyon",
    Philippine pesos; "RM79"), as the sentence's tokens have them; whether such a word
    makes the digits a name instead ("G20") is decided there (notclaims.py).

    >>> [t.text for t in _tokens("P2,500 at G20", _token_pattern("tl"))]
    ['P', '2,500', 'at', 'G20']
    """
    table = vocabulary.units(language).currencies
    glued = sorted(
        {w for c in table.values() for w in (*c.symbols_before, *c.glued_before) if w.isalpha()},
        key=lambda w: (-len(w), w),
    )
    if not glued:
        return _TOKEN
    symbol = "|".join(re.escape(w) for w in glued)
    after = "".join(f"|(?<=(?<!\\w){re.escape(w)})" for w in glued)  # each lookbehind of one width
    return re.compile(
        rf"(?<!\w)(?:{symbol})(?=[0-9])|(?<!\w)[0-9]{{1,3}}(?:[\u00a0\u202f][0-9]{{3}})+(?![0-9.,])"
        rf"|(?:(?<!\w){after})[0-9]+(?:[.,][0-9]+)*|[^\W\d_]\w*|\S"
    )


def parse_digits(text: str, language: str = "en") -> float | None:
    """The value of digits written with ``language``'s separators, or None.

    One separator followed by exactly three digits groups thousands whichever mark it is
    ("3,568" in Mexican papers, "3.568" in Spanish ones); otherwise the language decides.

    >>> parse_digits("3.568", "es"), parse_digits("1,5", "es"), parse_digits("3,568", "es")
    (3568.0, 1.5, 3568.0)
    >>> parse_digits("3,568", "en"), parse_digits("1.5", "en"), parse_digits("19.09.17", "es")
    (3568.0, 1.5, None)
    """
    words = _words(language)
    body = text.replace("\u00a0", "").replace("\u202f", "")
    marks = [c for c in body if c in ".,"]
    if not marks:
        return float(body) if _ASCII_DIGITS.fullmatch(body) else None
    groups = re.split(r"[.,]", body)
    if not all(_ASCII_DIGITS.fullmatch(g) for g in groups):
        return None
    if len(set(marks)) == 2:  # "1.234,5" / "1,234.5": the last mark is the decimal one
        decimal = marks[-1]
        if marks.count(decimal) != 1:
            return None
        whole, fraction = body.rsplit(decimal, 1)
        return _grouped(whole.replace(decimal, ""), fraction)
    mark = marks[0]
    if len(marks) > 1:  # "1.234.567": only grouping repeats
        return _grouped(body, "")
    whole, fraction = groups
    if len(fraction) == 3 and 1 <= len(whole) <= 3 and whole != "0" and (mark == words.thousands or mark == ","):
        return float(whole + fraction)
    if mark == words.decimal or mark == ".":
        return float(f"{whole}.{fraction}")
    return None


def _grouped(whole: str, fraction: str) -> float | None:
    groups = re.split(r"[.,]", whole)
    if not 1 <= len(groups[0]) <= 3 or any(len(g) != 3 for g in groups[1:]):
        return None
    return float("".join(groups) + ("." + fraction if fraction else ""))


def _connector(words: _Words, toks: list[_Tok], j: int) -> int:
    """How many tokens the connector at ``toks[j]`` takes ("y", "-", Tagalog "'t"), or 0."""
    for conn in words.connectors:
        if tuple(t.key for t in toks[j : j + len(conn)]) == conn:
            return len(conn)
    return 0


def _match(table: dict[tuple[str, ...], Any], toks: list[_Tok], i: int, longest: int) -> tuple[int, Any] | None:
    for size in range(min(longest, len(toks) - i), 0, -1):
        key = tuple(t.key for t in toks[i : i + size])
        if key in table:
            return size, table[key]
    return None


def _word_number(toks: list[_Tok], i: int, words: _Words) -> tuple[int, float] | None:
    """(index of the last token, value) of the number written in words from ``toks[i]``."""
    total = current = 0.0
    limit = math.inf  # a small word that follows must be below this
    last_scale = math.inf
    end = -1
    j = i
    key = toks[i].key
    if key in words.articles and i + 1 < len(toks) and toks[i + 1].key in words.scales:
        current, limit, j = 1.0, 0, i + 1
    saved: tuple[int, float, float, float, float] | None = None  # the state before a connector
    while j < len(toks):
        key = toks[j].key
        if key in words.small:
            value, kind = words.small[key]
            if value >= limit:
                break
            current += value
            limit = {"units": 0, "tens": 10, "hundreds": 100}[kind]
            if kind == "units" and value >= 10:
                limit = 0
        elif key in words.scales:
            scale = words.scales[key]
            if scale == 100:  # English "two hundred": multiplies a unit below a hundred
                if current >= 100:
                    break
                current = (current or 1) * 100
                limit = 100
            elif scale > total + current and (total + current > 0 or end < i):
                total = ((total + current) or 1) * scale  # "mil", "dos mil", "mil millones"
                current, limit, last_scale = 0, scale, scale
            elif current and scale < last_scale:
                total += current * scale  # "dos millones trescientos mil"
                current, limit, last_scale = 0, scale, scale
            else:
                break
        elif (size := _connector(words, toks, j)) and j + size < len(toks) and end == j - 1 and end >= i:
            nxt = words.small.get(toks[j + size].key)
            after_tens = limit == 10 and nxt is not None and nxt[0] < 10
            # "two hundred and five", Portuguese "cento e vinte", "dois mil e quinhentos"
            after_hundred = limit >= 100 and nxt is not None and nxt[0] < limit
            if not (after_tens or after_hundred):
                break
            saved = (end, total, current, limit, last_scale)
            j += size
            continue
        else:
            break
        end = j
        j += 1
    if saved is not None and end + 1 < len(toks) and toks[end + 1].key in words.scales:
        # "entre tres mil y cuatro mil": the connector joined two figures, not one
        end, total, current, limit, last_scale = saved
    if end < i:
        return None
    return end, float(total + current)


def find_numbers(text: str, language: str = "es", ranges: bool = True) -> list[NumberSpan]:
    """Every number in ``text`` as written in ``language``, left to right, not overlapping.

    >>> text = "2.527 heridos y 16 mil 601 casas"
    >>> [(text[n.start:n.end], n.value) for n in find_numbers(text)]
    [('2.527', 2527.0), ('16 mil 601', 16601.0)]
    >>> [(n.value, n.kind) for n in find_numbers("cincuenta y siete reos, medio centenar de guardias")]
    [(57.0, 'words'), (50.0, 'words')]
    >>> [(n.low, n.high, n.kind) for n in find_numbers("decenas de miles de damnificados")]
    [(10000.0, 100000.0, 'vague')]
    >>> [(n.low, n.high, n.kind) for n in find_numbers("entre 40 y 50 muertos")]
    [(40.0, 50.0, 'range')]
    """
    words = _words(language)
    toks = _tokens(text, _token_pattern(language))
    found: list[NumberSpan] = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        if tok.text[0] in "0123456789":
            value = parse_digits(tok.text, language)
            if value is None:
                i += 1
                continue
            last = i
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            # "1,2 millones", "3bn"; a one-letter multiplier only glued on ("5m", not "5 m")
            if nxt is not None and nxt.key in words.multipliers and (len(nxt.key) > 1 or nxt.start == tok.end):
                mult = words.multipliers[nxt.key]
                value = scaled(value, mult)
                last = i + 1
                # "4 mil millones": a larger scale after the first multiplies again
                after = toks[last + 1] if last + 1 < len(toks) else None
                if after is not None and len(after.key) > 1 and words.multipliers.get(after.key, 0) > mult:
                    mult = words.multipliers[after.key]
                    value = scaled(value, mult)
                    last += 1
                # "16 mil 601": digits below the scale add to it
                if i + 2 < len(toks) and _ASCII_DIGITS.fullmatch(toks[i + 2].text):
                    rest = float(toks[i + 2].text)
                    if rest < mult and value == int(value):
                        value += rest
                        last = i + 2
            elif words.space_groups and _ASCII_DIGITS.fullmatch(tok.text) and len(tok.text) <= 3:
                # "3 600 détenus", "1 234 567": groups of three digits one space apart
                while (
                    last + 1 < len(toks)
                    and toks[last + 1].start == toks[last].end + 1
                    and len(toks[last + 1].text) == 3
                    and _ASCII_DIGITS.fullmatch(toks[last + 1].text)
                ):
                    value = value * 1000 + float(toks[last + 1].text)
                    last += 1
            found.append(NumberSpan(tok.start, toks[last].end, value, value, value, "digits"))
            i = last + 1
            continue
        if tok.key not in words.phrase_firsts and tok.key not in words.starters:
            i += 1  # neither a phrase nor a number word begins here
            continue
        hit = _match(words.fixed, toks, i, words.longest)
        if hit is not None:
            size, value = hit
            found.append(NumberSpan(tok.start, toks[i + size - 1].end, value, value, value, "words"))
            i += size
            continue
        # before number words: a plural scale alone ("millones de personas") is vague
        hit = _match(words.vague, toks, i, words.longest)
        if hit is not None:
            size, (low, high, kind) = hit
            found.append(NumberSpan(tok.start, toks[i + size - 1].end, None, low, high, kind))
            i += size
            continue
        number = _word_number(toks, i, words)
        if number is not None and not (tok.key in words.articles and number[0] == i):
            end, value = number
            found.append(NumberSpan(tok.start, toks[end].end, value, value, value, "words"))
            i = end + 1
            continue
        i += 1
    return _join_ranges(text, toks, found, words) if ranges else found


def _join_ranges(text: str, toks: list[_Tok], found: list[NumberSpan], words: _Words) -> list[NumberSpan]:
    """Pairs of exact numbers written as a range become one span over both."""
    by_start = {t.start: k for k, t in enumerate(toks)}
    by_end = {t.end: k for k, t in enumerate(toks)}
    out: list[NumberSpan] = []
    k = 0
    while k < len(found):
        first = found[k]
        second = found[k + 1] if k + 1 < len(found) else None
        joined = None
        if second is not None and first.value is not None and second.value is not None:
            a, b = by_end[first.end], by_start[second.start]
            between = tuple(t.key for t in toks[a + 1 : b])
            before = toks[by_start[first.start] - 1].key if by_start[first.start] > 0 else ""
            for lead, link, not_after_change in words.ranges:
                if not_after_change and _after_change(toks, by_start[first.start] - 1, words):
                    continue  # "subió de 350 a 413": the old figure and the new
                if between == (link,) and (not lead or before == lead) and first.value < second.value:
                    start = toks[by_start[first.start] - 1].start if lead else first.start
                    joined = NumberSpan(start, second.end, None, first.value, second.value, "range")
                    break
            glued = text[first.end : second.start] in ("-", "–")
            if joined is None and glued and first.kind == second.kind == "digits" and first.value < second.value:
                joined = NumberSpan(first.start, second.end, None, first.value, second.value, "range")
        if joined is not None:
            out.append(joined)
            k += 2
        else:
            out.append(first)
            k += 1
    return out


def scaled(value: float, multiplier: float) -> float:
    """``value`` times ``multiplier`` as the digits say it, without binary rounding: "$8.2
    billion" is 8200000000, not 8199999999.999999.

    >>> scaled(8.2, 1e9), scaled(1.15, 1e6), scaled(3, 1000)
    (8200000000.0, 1150000.0, 3000.0)
    """
    return float(Decimal(repr(value)) * Decimal(repr(multiplier)))


def _after_change(toks: list[_Tok], lead: int, words: _Words) -> bool:
    """A word of change stands before the token ``lead`` (factcheck.extraction.changes)."""
    return lead > 0 and changed_before([t.key for t in toks[max(0, lead - CHANGE_REACH) : lead]], words.language)


def parse_number(text: str, language: str = "es") -> float | None:
    """The value of ``text`` when all of it is one number as written in ``language``.

    >>> parse_number("cincuenta y siete"), parse_number("un millón"), parse_number("una docena")
    (57.0, 1000000.0, 12.0)
    >>> parse_number("doscientos mil trescientos cuatro"), parse_number("personas")
    (200304.0, None)
    """
    spans = find_numbers(text.strip(), language, ranges=False)
    if len(spans) != 1 or spans[0].start != 0 or spans[0].end != len(text.strip()):
        return None
    return spans[0].value
