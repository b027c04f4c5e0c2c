"""The denominator of a rate: "$58.24 a barrel", "$14.95 a month", "cents per share",
"78,000 times a minute", "100 pesos por litro", "5% al año". It fills
:attr:`~factcheck.models.Quantity.per`; "per cent" is a unit, never a rate.

The words come from ``rates`` in the language's ``units.yaml``: after a strong word
("per") any noun is a denominator; after a weak one ("a", "al", "por") only a unit or a
listed noun, since "5 a side" or "heridos por bala" are no rates."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

from .. import vocabulary
from .measures import unit_symbols, unit_words
from .taxonomy import singular
from .tokens import PhraseIndex, Token

if TYPE_CHECKING:
    from .quantities import Found

# a time after these is when, not how often: "a year ago", "a month later"
_NOT_AFTER = frozenset(
    {"ago", "earlier", "later", "before", "after", "old", "since", "prior", "atrás", "antes", "después"}
)


@cache
def _words(lang: str) -> tuple[frozenset[str], frozenset[str], dict[str, str], frozenset[str]]:
    rates = vocabulary.units(lang).rates
    stops = frozenset(vocabulary.grammar(lang).phrase_breaks) | frozenset(vocabulary.numbers(lang).articles)
    return frozenset(rates.per), frozenset(rates.weak), dict(rates.nouns), stops


def _denominator(tokens: Sequence[Token], j: int, strong: bool, lang: str) -> tuple[str, int] | None:
    """The denominator starting at token ``j``: (its name, its last token)."""
    _, _, nouns, stops = _words(lang)
    if j >= len(tokens) or not tokens[j].is_word:
        return None
    hit = unit_words(lang).match_at(tokens, j)
    if hit is not None and hit[1] != "percent":
        return str(hit[1]), j + hit[0] - 1
    sym = unit_symbols(lang).match_at(tokens, j)
    if sym is not None:
        return sym[1], j + sym[0] - 1
    word = tokens[j].lower
    noun = singular(word, lang)
    if noun in nouns or word in nouns:
        return nouns.get(noun, nouns.get(word, noun)), j
    if strong and word not in stops and word not in ("cent", "ciento", "cento"):
        return noun, j
    return None


def rate_after(tokens: Sequence[Token], last: int, lang: str = "en") -> tuple[str, int] | None:
    """The denominator of a rate written right after token ``last``: (name, last token).

    >>> from .tokens import tokenize
    >>> toks = tokenize("$58.24 a barrel, $14.95 a-month, 63 cents per share, 5 died a year ago")
    >>> rate_after(toks, 1), rate_after(toks, 6), rate_after(toks, 12), rate_after(toks, 17)
    (('barrel', 3), ('month', 9), ('share', 14), None)
    """
    k = last + 1
    if k >= len(tokens):
        return None
    per, weak, _, _ = _words(lang)
    word = tokens[k].lower
    if word not in per and word not in weak:
        # "a la semana": a weak opener of two words
        if k + 1 < len(tokens) and f"{word} {tokens[k + 1].lower}" in weak:
            k += 1
            word = f"{word} {tokens[k].lower}"
        else:
            return None
    j = k + 1
    if j + 1 < len(tokens) and tokens[j].text == "-" and tokens[k].end == tokens[j].start:
        j += 1  # "£24 a-year"
    found = _denominator(tokens, j, word in per, lang)
    if found is None:
        return None
    nxt = found[1] + 1
    if nxt < len(tokens) and tokens[nxt].lower in _NOT_AFTER:
        return None
    return found


def count_rate(tokens: Sequence[Token], last: int, lang: str = "en") -> str | None:
    """The denominator of a count: "78,000 times a minute", "three thousand tests per day",
    "20 per week" (the counted noun, if any, stands between).

    >>> from .tokens import tokenize
    >>> toks = tokenize("nearly 78,000 times a minute and 5 people a year ago")
    >>> count_rate(toks, 1), count_rate(toks, 6)
    ('minute', None)
    """
    hit = rate_after(tokens, last, lang)
    if hit is not None:
        return hit[0]
    k = last + 1
    _, _, _, stops = _words(lang)
    if k < len(tokens) and tokens[k].is_word and tokens[k].lower not in stops:
        hit = rate_after(tokens, k, lang)
        if hit is not None:
            return hit[0]
    return None


@cache
def _adverbs(lang: str) -> PhraseIndex:
    return PhraseIndex(vocabulary.units(lang).rates.adverbs.items())


_CLAUSE_MARKS = frozenset({",", ";", ":", ".", "(", ")", "—", "–"})


def frequency_in_clause(
    tokens: Sequence[Token],
    f: Found,
    lang: str = "en",
    ends: frozenset[int] = frozenset(),
    starts: frozenset[int] = frozenset(),
) -> str | None:
    """The denominator a phrase of frequency gives a count anywhere in its clause ("Lightning
    kills more than 2,000 people in India every year", "Cada año mueren 2.000 personas"):
    a yearly average is no toll of one event. The clause runs from the last mark of
    punctuation or figure before the count to the next one after it (``ends`` and
    ``starts`` hold the last and first tokens of the sentence's other figures).

    >>> from .tokens import tokenize
    >>> from .quantities import find_quantities
    >>> toks = tokenize("Lightning kills more than 2,000 people in India every year, officials said.")
    >>> [frequency_in_clause(toks, f) for f in find_quantities(toks)]
    ['year']
    """
    index = _adverbs(lang)
    if not index.firsts:
        return None
    lo = f.first
    while lo > 0 and tokens[lo - 1].text not in _CLAUSE_MARKS and lo - 1 not in ends:
        lo -= 1
    hi = f.last + 1
    while hi < len(tokens) and tokens[hi].text not in _CLAUSE_MARKS and hi not in starts:
        hi += 1
    if lo > 1 and tokens[lo - 1].text == "," and tokens[0].lower in index.firsts and not any(e < lo for e in ends):
        # "Every year, about 30,000 people die": the phrase opens the sentence on its own
        opener = index.match_at(tokens, 0)
        if opener is not None and opener[0] == lo - 1:
            return str(opener[1])
    for k in (*range(lo, f.first), *range(f.last + 1, hi)):
        if tokens[k].lower in index.firsts:
            hit = index.match_at(tokens, k)
            if hit is not None and k + hit[0] <= (f.first if k < f.first else hi):
                return str(hit[1])
    return None


def attach_rates(tokens: Sequence[Token], found: list[Found], lang: str = "en") -> list[Found]:
    """Fill ``per`` on the quantities of a sentence. A measure or price takes its
    denominator into its span ("$58.24 a barrel"); a count keeps its span, since the
    counted noun stands between ("78,000 times a minute"), and takes a phrase of frequency
    from its clause ("every year")."""
    taken = {i for f in found for i in range(f.num_first, f.num_last + 1)}
    firsts = _adverbs(lang).firsts
    often = bool(firsts) and any(t.lower in firsts for t in tokens)  # most sentences have no such word
    ends, starts = frozenset(f.last for f in found), frozenset(f.first for f in found)
    for f in found:
        if f.unit is not None:
            hit = rate_after(tokens, f.last, lang)
            if hit is not None and not taken.intersection(range(f.last + 1, hit[1] + 1)):
                f.per, f.last = hit
        else:
            f.per = count_rate(tokens, f.last, lang)
            if f.per is None and often:
                f.per = frequency_in_clause(tokens, f, lang, ends - {f.last}, starts - {f.first})
    return found
