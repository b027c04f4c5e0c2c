"""Ranges: two numbers that are one quantity with a low and a high end ("between 40 and
50", "40-50", "5% to 10%", "from $10 to $15 billion", "four to five thousand"), and changes written as a pair
("rose from 240 to 273", "dropping from 208 pounds to 193"), which are one range whose
trend says which way it went.

The words that join a range come from ``data/<lang>/numbers.yaml`` (``ranges``); this
module holds the two places a range is recognised: between two bare numbers
(:func:`range_end`, before units are read) and between two quantities that each carry a
unit or currency (:func:`join_ranges`, after)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from .. import vocabulary
from . import numwords
from .changes import CHANGE_REACH, changed_before
from .numbers import NumberMention
from .tokens import Token

if TYPE_CHECKING:
    from .quantities import Found

_DASHES = ("-", "–", "—")
_GAP = 5  # tokens at most from one end to the next: "to-", "y el", "lots from", "-to-"


@cache
def _ranges(lang: str) -> tuple[frozenset[tuple[str, str]], frozenset[str]]:
    """(opener, joiner) pairs that make two numbers a range, and the openers."""
    pairs = frozenset((r.before.lower(), r.between.lower()) for r in vocabulary.numbers(lang).ranges)
    return pairs, frozenset(b for b, _ in pairs if b)


@cache
def _change_pairs(lang: str) -> frozenset[tuple[str, str]]:
    """(opener, joiner) pairs that are two figures after a word of change ("de ... a")."""
    forms = vocabulary.numbers(lang).ranges
    return frozenset((r.before.lower(), r.between.lower()) for r in forms if r.not_after_change)


def is_change(tokens: Sequence[Token], opener: int, joiner: str, lang: str) -> bool:
    """The pair opened at token ``opener`` is a change, the old figure and the new, not a
    range: its form is one a language also writes changes with, and a word of change
    stands before it ("la cifra subió de 350 a 413").

    >>> from .tokens import tokenize
    >>> is_change(tokenize("la cifra subió de 350 a 413"), 3, "a", "es")
    True
    >>> is_change(tokenize("murieron de 40 a 50 personas"), 1, "a", "es")
    False
    """
    if opener < 0 or (tokens[opener].lower, joiner) not in _change_pairs(lang):
        return False
    return changed_before([t.lower for t in tokens[max(0, opener - CHANGE_REACH) : opener]], lang)


@cache
def conjunctions(lang: str) -> frozenset[str]:
    """Words that join two figures that stay two ("eight or nine euros")."""
    return frozenset(vocabulary.grammar(lang).conjunctions) - {w for _, w in _ranges(lang)[0]}


def openers(lang: str) -> frozenset[str]:
    """Words that open a range ("between", "from"; "entre").

    >>> sorted(openers("en"))
    ['between', 'from']
    """
    return _ranges(lang)[1]


@cache
def _articles(lang: str) -> frozenset[str]:
    return frozenset(vocabulary.numbers(lang).range_articles)


def opener_at(tokens: Sequence[Token], first: int, lang: str = "en") -> int | None:
    """The token that opens a range starting at token ``first``, past an article ("entre el
    5% y el 10%"), or None.

    >>> from .tokens import tokenize
    >>> opener_at(tokenize("entre el 5% y el 10%"), 2, "es"), opener_at(tokenize("up 5%"), 1)
    (0, None)
    """
    k = first - 1
    if k >= 1 and tokens[k].lower in _articles(lang):
        k -= 1
    return k if k >= 0 and tokens[k].lower in openers(lang) else None


def _between(tokens: Sequence[Token], a: int, b: int, lang: str) -> list[str]:
    """The words between two numbers, less the articles a range puts before each end and
    the hyphens that glue a joiner to them ("0-to-60", "200,000 to-260,000")."""
    if b - a == 1:
        return [tokens[a].lower]  # "de 14 a 17": a joiner that is also an article (Portuguese "a") stays
    arts = _articles(lang)
    words = [t.lower for t in tokens[a:b] if t.lower not in arts]
    if len(words) > 1:
        glued = {k for k in range(a, b) if tokens[k].text in _DASHES and _glued_dash(tokens, k)}
        words = [t.lower for k, t in enumerate(tokens[a:b], a) if k not in glued and t.lower not in arts]
    return words


def _glued_dash(tokens: Sequence[Token], k: int) -> bool:
    """A dash glued to a word on one side ("to-260,000", "0-to"): part of a compound."""
    left = k > 0 and tokens[k - 1].end == tokens[k].start and tokens[k - 1].is_word
    right = k + 1 < len(tokens) and tokens[k].end == tokens[k + 1].start and tokens[k + 1].is_word
    return left or right


def is_range_joint(between: list[str], opener: str, lang: str) -> bool:
    """ "40 to 50", "between 40 and 50", "entre 40 y 50": words that join a range.

    >>> is_range_joint(["and"], "between", "en"), is_range_joint(["and"], "", "en")
    (True, False)
    """
    if len(between) != 1:
        return False
    pairs = _ranges(lang)[0]
    return (opener, between[0]) in pairs or ("", between[0]) in pairs


@cache
def _multipliers(lang: str) -> dict[str, int]:
    words = vocabulary.numbers(lang)
    return {**words.multipliers, **{w: v for w, v in words.scales.items() if v >= 1000}}


def scale_of(tokens: Sequence[Token], first: int, last: int, value: float, lang: str = "en") -> float:
    """The multiplier a number's scale words apply ("15 billion" 1e9, "five thousand" 1e3,
    "4 mil millones" 1e9), or 1 when the number has none.

    >>> from .tokens import tokenize
    >>> scale_of(tokenize("15 billion"), 0, 1, 15e9), scale_of(tokenize("$10"), 1, 1, 10)
    (1000000000.0, 1.0)
    """
    if last <= first or tokens[last].lower not in _multipliers(lang):
        return 1.0
    if tokens[first].is_digit:
        bare = _bare(tokens[first].text, lang)
        if bare:
            return float(round(value / bare))  # the multipliers are whole numbers: 1e3, 1e6, 1e9
    return float(_multipliers(lang)[tokens[last].lower])


def _bare(text: str, lang: str) -> float | None:
    return numwords.parse_digits(text, vocabulary.data_language(lang))


def shared_low(low: float, high: float, low_scale: float, high_scale: float) -> float:
    """The low end of a range whose multiplier is written once, after the high end: "$10 to
    $15 billion" and "four to five thousand" scale both ends. A low end much larger than the
    high end's bare number keeps its own value ("from 500 to 2 million").

    >>> shared_low(10, 15e9, 1, 1e9), shared_low(500, 2e6, 1, 1e6)
    (10000000000.0, 500)
    """
    if low_scale != 1 or high_scale <= 1 or low <= 0 or low > 10 * high / high_scale:
        return low
    return numwords.scaled(low, high_scale)


def range_end(
    tokens: Sequence[Token], mentions: list[NumberMention], idx: int, lang: str = "en"
) -> tuple[NumberMention, float] | None:
    """A second number that makes ``mentions[idx]`` a range ("40-50", "40 to 50"), with the
    first end's value once the multiplier is shared ("four to five thousand": 4000)."""
    if idx + 1 >= len(mentions):
        return None
    m, n = mentions[idx], mentions[idx + 1]
    if m.value is None or n.value is None or m.kind == "fraction" or n.kind == "fraction":
        return None
    if n.first - m.last > _GAP:
        return None  # no joiner is that long
    between = _between(tokens, m.last + 1, n.first, lang)
    k = opener_at(tokens, m.first, lang)
    before = tokens[k].lower if k is not None else ""
    low = shared_low(
        m.value,
        n.value,
        scale_of(tokens, m.first, m.last, m.value, lang),
        scale_of(tokens, n.first, n.last, n.value, lang),
    )
    if len(between) == 1 and between[0] in _DASHES and m.kind == n.kind:
        # "40-50" is a range; "2-1" and "3888-2" are scores or codes, "09-01" a date
        texts = (tokens[m.first].text, tokens[n.first].text)
        if low >= n.value or any(t.startswith("0") and len(t) > 1 for t in texts):
            return None
        return n, low
    if is_range_joint(between, before, lang):
        if k is not None and is_change(tokens, k, between[0], lang):
            return None  # "subió de 350 a 413": the old figure and the new
        return n, low
    return None


def join_ranges(
    tokens: Sequence[Token],
    found: list[Found],
    lang: str = "en",
    trend_before: Callable[[int], str | None] = lambda _: None,
) -> list[Found]:
    """Ranges written with the unit on both ends ("between $62 and $68", "5% to 10%",
    "$3 billion to $5 billion") or on the first alone ("from 208 pounds to 193") become one
    range. ``trend_before(i)`` is the direction of a verb of change ending at token ``i``:
    after one, "from X to Y" is a change, a range whose trend is the direction from the old
    figure to the new, and so is "to X from Y", written new figure first ("rose to $7.36
    billion from $6.78 billion")."""
    pairs, opening = _ranges(lang)
    out: list[Found] = []
    for f in found:
        prev = out[-1] if out else None
        joined = None
        if prev is not None:
            joined = _joined(tokens, prev, f, lang, pairs, opening, trend_before) or _new_first(
                tokens, prev, f, lang, trend_before
            )
        if joined is not None:
            out[-1] = joined
            continue
        if (
            prev is not None
            and prev.unit is None
            and f.unit is not None
            and prev.last + 2 == f.first
            and tokens[prev.last + 1].lower in conjunctions(lang)
        ):
            # "eight or nine euros": two figures, the first lending the unit of the second
            prev.unit, prev.unit_text = f.unit, f.unit_text
        out.append(f)
    return out


@cache
def _new_first_forms(lang: str) -> frozenset[tuple[str, str]]:
    return frozenset((r.before.lower(), r.between.lower()) for r in vocabulary.numbers(lang).changes_new_first)


def _new_first(
    tokens: Sequence[Token],
    new: Found,
    old: Found,
    lang: str,
    trend_before: Callable[[int], str | None],
) -> Found | None:
    """A change written new figure first, after a verb of change ("narrowed to 138,285 lots
    from 212,577 lots", "climbed to 6.7% from 6.29%"): one range over both figures, its trend
    from the old to the new, its text from the word before the new one."""
    if new.value is None or old.value is None or new.value == old.value or "fraction" in (new.kind, old.kind):
        return None
    if new.qualifier != "exact" or old.qualifier != "exact" or new.first < 2 or old.first - new.last > _GAP:
        return None
    lead = new.first - 1
    between = [t.lower for t in tokens[new.last + 1 : old.first]]
    if len(between) == 2 and old.last + 1 < len(tokens) and tokens[old.last + 1].lower == between[0]:
        between = between[1:]  # "to 138,285 lots from 212,577 lots": the counted noun on both ends
    if len(between) != 1 or (tokens[lead].lower, between[0]) not in _new_first_forms(lang):
        return None
    if trend_before(lead - 1) is None:
        return None  # "to 40 from 50 countries" with no verb of change is no change
    if old.unit is not None and new.unit is not None and old.unit != new.unit:
        return None  # "rose 5% to $10 from ..."
    lo, hi = sorted((new.value, old.value))
    return replace(
        new,
        first=lead,
        last=old.last,
        num_last=old.num_last,
        value=None,
        low=lo,
        high=hi,
        low_open=False,
        high_open=False,
        qualifier="range",
        unit=new.unit or old.unit,
        unit_text=new.unit_text or old.unit_text,
        trend="up" if new.value > old.value else "down",
    )


def _joined(
    tokens: Sequence[Token],
    prev: Found,
    f: Found,
    lang: str,
    pairs: frozenset[tuple[str, str]],
    opening: frozenset[str],
    trend_before: Callable[[int], str | None],
) -> Found | None:
    if prev.value is None or f.value is None or "fraction" in (prev.kind, f.kind):
        return None
    if f.first - prev.last > _GAP:
        return None
    opened = opener_at(tokens, prev.first, lang)
    between = _between(tokens, prev.last + 1, f.first, lang)
    if f.qualifier != "exact":
        # "from 450 sq ft up to 900 sq ft": the bound's last word joins the range
        if opened is None or between or f.qualifier != "at_most" or f.num_first - f.first < 2:
            return None
        between = [tokens[f.num_first - 1].lower]
    if len(between) == 2 and f.last + 1 < len(tokens) and tokens[f.last + 1].lower == between[0]:
        between = between[1:]  # "from 20 cars to 30 cars": the counted noun on both ends
    if len(between) != 1:
        return None
    word = between[0]
    start = prev.first - 1 if opened is None else opened
    opener = tokens[start].lower if start >= 0 else ""
    low_scale = scale_of(tokens, prev.num_first, prev.num_last, prev.value, lang)
    high_scale = scale_of(tokens, f.num_first, f.num_last, f.value, lang)
    first_value = prev.value
    if prev.value < f.value:
        first_value = shared_low(prev.value, f.value, low_scale, high_scale)
    if opened is not None and is_change(tokens, opened, word, lang):
        return None  # "pasó del 5% al 7%": the old figure and the new
    if opener in opening and (opener, word) in pairs and prev.unit is not None and f.unit in (prev.unit, None):
        pass  # "from 252 miles to 287 miles", "from 208 pounds to 193"
    elif opener in opening and (opener, word) in pairs and prev.unit is None and prev.qualifier == "exact":
        pass  # "between 40 and $50"
    elif (
        prev.unit is not None
        and prev.unit == f.unit
        and ((("", word) in pairs and prev.trend is None) or (word in _DASHES and prev.value < f.value))
    ):
        # "5% to 10%", "$3 billion to $5 billion", "5%-10%"; "rose 5% to $10" is a change and a level
        if prev.qualifier not in ("exact", "approximately"):
            return None
        start = prev.first
    else:
        return None
    direction = None
    if opened is not None and trend_before(opened - 1) is not None:
        direction = "up" if f.value > first_value else "down"
    lo, hi = sorted((first_value, f.value))
    return replace(
        f,
        first=start,
        num_first=prev.num_first,
        value=None,
        low=lo,
        high=hi,
        low_open=False,
        high_open=False,
        qualifier="range",
        unit=f.unit or prev.unit,
        unit_text=f.unit_text or prev.unit_text,
        trend=direction or prev.trend or f.trend,
        kind=prev.kind,
    )
