"""From number mentions to quantities: qualifiers, ranges, units and currencies. Which
numbers are no claims at all (dates, years, clock times, names) is decided in
:mod:`~factcheck.extraction.notclaims`.

Every word list used here lives in ``data/``; this module holds the order in which the
rules apply and why."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from .. import vocabulary
from ..intervals import DEFAULT_TOLERANCE, from_qualifier
from ..units import canonical
from .ellipsis import carry_units
from .measures import glued_metres, unit_after
from .money import currency_before, currency_in_number
from .notclaims import attached as _attached
from .notclaims import not_a_claim
from .numbers import NumberMention, find_numbers
from .rates import attach_rates
from .tokens import PhraseIndex, Token


@dataclass(slots=True)
class Found:
    """A quantity located in a sentence's tokens, before it becomes a :class:`Quantity`."""

    first: int  # first token of the whole expression (qualifier included)
    last: int  # last token (unit and trailing qualifier included)
    num_first: int
    num_last: int
    value: float | None
    low: float | None
    high: float | None
    low_open: bool
    high_open: bool
    qualifier: str
    unit: str | None = None
    unit_text: str | None = None
    trend: str | None = None
    kind: str = "digits"
    per: str | None = None  # the denominator of a rate (rates.py)

    @property
    def indefinite(self) -> bool:
        return self.kind == "indefinite"


@cache
def _indexes(lang: str = "en") -> tuple[PhraseIndex, PhraseIndex, PhraseIndex, PhraseIndex, PhraseIndex]:
    quals = vocabulary.qualifiers(lang).qualifiers
    before = PhraseIndex((p, name) for name, q in quals.items() for p in q.before)
    after = PhraseIndex((p, name) for name, q in quals.items() for p in q.after)
    table = vocabulary.units(lang)
    unit_words = PhraseIndex(
        [(w, canonical(u)) for u, words in table.units.items() for w in words]
        + [(w, code) for code, c in table.currencies.items() for w in c.words]
    )
    symbols = PhraseIndex((s, code) for code, c in table.currencies.items() for s in c.symbols_before)
    trends = PhraseIndex(
        (form, ev.trend) for ev in vocabulary.events(lang).events.values() if ev.trend for form in ev.forms
    )
    return before, after, unit_words, symbols, trends


_TIME_UNITS = frozenset({"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"})
_SCORE_WORDS = frozenset(
    {"win", "victory", "defeat", "loss", "draw", "lead", "tie", "scoreline", "thrashing", "home", "away", "aggregate"}
)


@cache
def _ranges(lang: str) -> tuple[frozenset[tuple[str, str]], frozenset[str]]:
    """(opener, joiner) pairs that make two numbers a range, and the openers."""
    pairs = frozenset((r.before.lower(), r.between.lower()) for r in vocabulary.numbers(lang).ranges)
    return pairs, frozenset(b for b, _ in pairs if b)


def _is_range_joint(between: list[str], opener: str, lang: str) -> bool:
    """ "40 to 50", "between 40 and 50", "entre 40 y 50": words that join a range."""
    if len(between) != 1:
        return False
    pairs, _ = _ranges(lang)
    return (opener, between[0]) in pairs or ("", between[0]) in pairs


def _range_end(
    tokens: Sequence[Token], mentions: list[NumberMention], idx: int, lang: str = "en"
) -> tuple[int, NumberMention] | None:
    """A second number that makes ``mentions[idx]`` a range ("40-50", "40 to 50")."""
    if idx + 1 >= len(mentions):
        return None
    m, n = mentions[idx], mentions[idx + 1]
    if m.value is None or n.value is None:
        return None
    between = [t.lower for t in tokens[m.last + 1 : n.first]]
    before = tokens[m.first - 1].lower if m.first > 0 else ""
    if between in (["-"], ["–"], ["—"]) and m.kind == n.kind:
        # "40-50" is a range; "2-1" after "a" or before "win" is a score, "3888-2" and
        # "09-01" are codes or dates
        texts = (tokens[m.first].text, tokens[n.first].text)
        if m.value >= n.value or any(t.startswith("0") and len(t) > 1 for t in texts):
            return None
        return idx + 1, n
    if _is_range_joint(between, before, lang):
        return idx + 1, n
    return None


def _is_score_or_code(tokens: Sequence[Token], m: NumberMention, mentions: list[NumberMention], idx: int) -> bool:
    """ "a 2-1 win", "3888-2", "09-01": hyphenated digit pairs that are no range."""
    if m.kind != "digits" or m.last + 2 >= len(tokens) or tokens[m.last + 1].text not in "-–":
        return False
    if idx + 1 >= len(mentions) or mentions[idx + 1].first != m.last + 2 or mentions[idx + 1].kind != "digits":
        return False
    n = mentions[idx + 1]
    texts = (tokens[m.first].text, tokens[n.first].text)
    after = tokens[n.last + 1].lower if n.last + 1 < len(tokens) else ""
    return (
        (m.value is not None and n.value is not None and m.value >= n.value)
        or any(t.startswith("0") and len(t) > 1 for t in texts)
        or after in _SCORE_WORDS
    )


def find_quantities(tokens: Sequence[Token], tolerance: float = DEFAULT_TOLERANCE, lang: str = "en") -> list[Found]:
    """Every claim-worthy quantity in a sentence's tokens.

    >>> from .tokens import tokenize
    >>> [(f.value, f.qualifier, f.unit) for f in find_quantities(tokenize("within less than 48 hours"))]
    [(48.0, 'less_than', 'hour')]
    >>> [(f.low, f.high, f.qualifier) for f in find_quantities(tokenize("between 40 and 50 people"))]
    [(40.0, 50.0, 'range')]
    """
    before, after, unit_words, _, trends = _indexes(lang)
    mentions = [m for m in find_numbers(tokens, lang)]
    mentions.extend(_article_numbers(tokens, mentions, before, unit_words, lang))
    mentions.sort(key=lambda m: m.first)
    found: list[Found] = []
    skip_until = -1
    for idx, m in enumerate(mentions):
        if m.first <= skip_until or not_a_claim(tokens, m, lang) is not None:
            continue
        if _is_score_or_code(tokens, m, mentions, idx):
            skip_until = mentions[idx + 1].last
            continue
        value: float | None = m.value
        low: float | None = m.low
        high: float | None = m.high
        qualifier = "vague" if m.vague else "exact"
        num_first, num_last = m.first, m.last
        rng = _range_end(tokens, mentions, idx, lang)
        if rng is not None:
            _, other = rng
            assert m.value is not None and other.value is not None
            low, high = sorted((m.value, other.value))
            value, qualifier, num_last = None, "range", other.last
            skip_until = other.last
        first, last = num_first, num_last
        if rng is not None and first > 0 and tokens[first - 1].lower in _ranges(lang)[1]:
            first -= 1
        # a currency before the number: "$5", "US$ 58.24", "RM79", "USD10m" (money.py)
        unit: str | None = None
        unit_text: str | None = None
        sym = currency_before(tokens, first, lang)
        metres = glued_metres(tokens, num_first, num_last) if sym is None and value is not None else None
        if metres is not None and value is not None:
            # "37m (121ft)-long": the "m" read as a million was a metre
            unit, last = metres[0], metres[1]
            unit_text = " ".join(t.text for t in tokens[num_last : last + 1])
            value = low = high = value / 1e6
        elif sym is not None:
            size, code = sym
            unit, first = code, first - size
            unit_text = " ".join(t.text for t in tokens[first : first + size])
        elif last + 1 < len(tokens) and tokens[last + 1].text == "%":
            unit, unit_text, last = "percent", "%", last + 1
        else:
            k = last + 1
            if (
                k < len(tokens)
                and tokens[k].text in "-–"
                and k + 1 < len(tokens)
                and _attached(tokens[last], tokens[k])
            ):
                k += 1  # "24-hour"
            # a unit word, abbreviation or currency after it: "5 km", "450 Nm", "1,200€" (measures.py)
            hit = unit_after(tokens, k, num_last, lang)
            if hit is not None:
                k, size, unit = hit
                unit_text, last = " ".join(t.text for t in tokens[k : k + size]), k + size - 1
            else:
                unit = currency_in_number(tokens, num_last, lang)  # "5 mdp"
        # "Over a Day" needs a unit: "a" alone is never a number
        if m.kind == "article" and unit is None:
            continue
        qual = before.match_ending(tokens, first - 1)
        if qual is not None and qualifier == "exact":
            size, qualifier = qual[0], str(qual[1])
            first -= size
        post = after.match_at(tokens, last + 1)
        if (
            post is None
            and last + 1 < len(tokens)
            and tokens[last + 1].text == "+"
            and _attached(tokens[last], tokens[last + 1])
        ):
            post = (1, "at_least")
        if post is not None and qualifier == "exact":
            qualifier = str(post[1])
            last += post[0]
        if qualifier not in ("exact", "vague", "range") and value is not None:
            iv = from_qualifier(
                value, qualifier, tolerance, non_negative=unit not in ("degree_Celsius", "degree_Fahrenheit")
            )
            low, high, low_open, high_open = iv.low, iv.high, iv.low_open, iv.high_open
        else:
            low_open = high_open = False
        trend = _trend(tokens, first, last, trends)
        found.append(
            Found(
                first,
                last,
                num_first,
                num_last,
                value,
                low,
                high,
                low_open,
                high_open,
                qualifier,
                unit,
                unit_text,
                trend,
                m.kind,
            )
        )
    return attach_rates(tokens, _join_ranges(tokens, carry_units(tokens, found, lang), lang), lang)


def _join_ranges(tokens: Sequence[Token], found: list[Found], lang: str = "en") -> list[Found]:
    """Ranges written with the unit on both ends ("between $62 and $68", "from 252 miles to
    287 miles") become one range; "eight or nine euros" lends its unit to "eight"."""
    out: list[Found] = []
    for f in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.value is not None
            and f.value is not None
            and prev.qualifier == "exact"
            and f.qualifier == "exact"
        ):
            between = [t.lower for t in tokens[prev.last + 1 : f.first]]
            opener = tokens[prev.first - 1].lower if prev.first > 0 else ""
            same_unit = prev.unit == f.unit or prev.unit is None
            joint = len(between) == 1 and (opener, between[0]) in _ranges(lang)[0]
            if same_unit and opener in _ranges(lang)[1] and joint:
                lo, hi = sorted((prev.value, f.value))
                out[-1] = Found(
                    prev.first - 1,
                    f.last,
                    prev.num_first,
                    f.num_last,
                    None,
                    lo,
                    hi,
                    False,
                    False,
                    "range",
                    f.unit,
                    f.unit_text,
                    prev.trend or f.trend,
                    prev.kind,
                )
                continue
            if between == ["or"] and prev.unit is None and f.unit is not None and prev.last + 2 == f.first:
                prev.unit, prev.unit_text = f.unit, f.unit_text
        out.append(f)
    return out


def _article_numbers(
    tokens: Sequence[Token],
    mentions: list[NumberMention],
    before: PhraseIndex,
    unit_words: PhraseIndex,
    lang: str = "en",
) -> list[NumberMention]:
    """ "a day" in "over a day", "less than a week": one, when a qualifier and a time unit
    stand around the article. Without the qualifier "a day" is too often not a figure."""
    taken = {i for m in mentions for i in range(m.first, m.last + 1)}
    articles = frozenset(vocabulary.numbers(lang).articles)
    extra = []
    for i, tok in enumerate(tokens):
        if tok.lower in articles and i not in taken and before.match_ending(tokens, i - 1) is not None:
            hit = unit_words.match_at(tokens, i + 1)
            if hit is not None and str(hit[1]) in _TIME_UNITS:
                extra.append(NumberMention(i, i, 1.0, 1.0, 1.0, "article"))
    return extra


def _trend(tokens: Sequence[Token], first: int, last: int, trends: PhraseIndex) -> str | None:
    """ "rose 5%", "up 19 cents", "fell by 3", "a 5% increase": the direction of a change."""
    j = first - 1
    if j >= 0 and tokens[j].lower == "by":
        j -= 1
    hit = trends.match_ending(tokens, j)
    if hit is not None:
        return str(hit[1])
    hit = trends.match_at(tokens, last + 1)
    if hit is not None and tokens[last + 1].lower not in ("up", "down", "lower", "higher"):
        return str(hit[1])
    return None
