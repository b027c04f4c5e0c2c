"""Currencies written around a number: symbols and ISO 4217 codes before it ("$5",
"US$ 58.24", "RM79", "USD10m", "PS2.7m"), symbols and codes after it ("1,200€",
"118.5p", "5 MXN"), and multipliers that carry their currency (Spanish "5 mdp").

Symbols come from the language's ``units.yaml``; ISO 4217 codes from pycountry (through
the gazetteer's archive), so a currency no table lists is still read when written as its
code. Symbols are matched as
written, letters and spacing included: "A$5" is Australian, "a $5 fine" is not."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache

from .. import vocabulary
from .tokens import Token, tokenize


class ExactIndex:
    """Phrases matched token by token exactly as written: same letters, same case and the
    same spacing between tokens ("A$" glued, "US $" spaced either way).

    >>> idx = ExactIndex([("A$", "AUD"), ("US $", "USD")])
    >>> toks = tokenize("a $5 fine, A$5 and US$3")
    >>> idx.match_ending(toks, 0), idx.match_ending(toks, 6), idx.match_ending(toks, 10)
    (None, (2, 'AUD'), (2, 'USD'))
    """

    def __init__(self, phrases: Iterable[tuple[str, str]]) -> None:
        self._by_last: dict[str, list[tuple[tuple[str, ...], tuple[bool, ...], str]]] = {}
        self._by_first: dict[str, list[tuple[tuple[str, ...], tuple[bool, ...], str]]] = {}
        for phrase, payload in phrases:
            toks = tokenize(phrase)
            if not toks:
                continue
            texts = tuple(t.text for t in toks)
            # glued[k]: token k+1 is written against token k; a spaced phrase matches either way
            glued = tuple(a.end == b.start for a, b in zip(toks, toks[1:], strict=False))
            self._by_last.setdefault(texts[-1], []).append((texts, glued, payload))
            self._by_first.setdefault(texts[0], []).append((texts, glued, payload))
        for table in (self._by_last, self._by_first):
            for entries in table.values():
                entries.sort(key=lambda e: -len(e[0]))

    @staticmethod
    def _fits(tokens: Sequence[Token], i: int, texts: tuple[str, ...], glued: tuple[bool, ...]) -> bool:
        if i < 0 or i + len(texts) > len(tokens):
            return False
        for k, text in enumerate(texts):
            if tokens[i + k].text != text:
                return False
            if k and glued[k - 1] and tokens[i + k - 1].end != tokens[i + k].start:
                return False
        return True

    def match_ending(self, tokens: Sequence[Token], j: int) -> tuple[int, str] | None:
        """The longest phrase ending at token ``j``: (number of tokens, payload)."""
        if j < 0 or j >= len(tokens):
            return None
        for texts, glued, payload in self._by_last.get(tokens[j].text, ()):
            if self._fits(tokens, j - len(texts) + 1, texts, glued):
                return len(texts), payload
        return None

    def match_at(self, tokens: Sequence[Token], i: int) -> tuple[int, str] | None:
        """The longest phrase starting at token ``i``: (number of tokens, payload)."""
        if i < 0 or i >= len(tokens):
            return None
        for texts, glued, payload in self._by_first.get(tokens[i].text, ()):
            if self._fits(tokens, i, texts, glued):
                return len(texts), payload
        return None

    def __contains__(self, text: str) -> bool:
        return text in self._by_first


@cache
def iso_codes(lang: str = "en") -> frozenset[str]:
    """ISO 4217 codes read as currencies in ``lang``: pycountry's list (kept in the
    gazetteer's archive) less the codes the language writes as words or acronyms ("TOP 10").

    >>> "MXN" in iso_codes(), "TOP" in iso_codes()
    (True, False)
    """
    from ..units import iso_currencies

    return iso_currencies() - vocabulary.units(lang).codes_not_currency


@cache
def _before(lang: str) -> tuple[ExactIndex, ExactIndex]:
    table = vocabulary.units(lang).currencies
    spaced = ExactIndex((s, code) for code, c in table.items() for s in c.symbols_before)
    glued = ExactIndex((s, code) for code, c in table.items() for s in c.glued_before)
    return spaced, glued


@cache
def _last_texts(lang: str) -> frozenset[str]:
    """Last tokens of the symbols written before a number, to rule most numbers out at once."""
    table = vocabulary.units(lang).currencies
    return frozenset(tokenize(s)[-1].text for c in table.values() for s in c.symbols_before + c.glued_before)


@cache
def _after(lang: str) -> ExactIndex:
    table = vocabulary.units(lang).currencies
    return ExactIndex((s, code) for code, c in table.items() for s in c.symbols_after)


@cache
def _scale_words(lang: str) -> dict[str, str]:
    return {w: code for code, c in vocabulary.units(lang).currencies.items() for w in c.scale_words}


def currency_before(tokens: Sequence[Token], num_first: int, lang: str = "en") -> tuple[int, str] | None:
    """A currency written just before the number starting at token ``num_first``:
    (number of tokens, currency code).

    >>> toks = tokenize("worth PS2.7m, or USD10m and RM79")
    >>> [currency_before(toks, i) for i in (2, 7, 11)]
    [(1, 'GBP'), (1, 'USD'), (1, 'MYR')]
    """
    j = num_first - 1
    if j < 0:
        return None
    tok = tokens[j]
    if tok.text not in _last_texts(lang) and not (len(tok.text) == 3 and tok.text.isupper()):
        return None  # most numbers: one set lookup
    spaced, glued = _before(lang)
    hit = spaced.match_ending(tokens, j)
    if hit is not None:
        return hit
    hit = glued.match_ending(tokens, j)
    if hit is not None and tokens[j].end == tokens[num_first].start:
        return hit
    if len(tok.text) == 3 and tok.text.isupper() and tok.text in iso_codes(lang):
        return 1, tok.text
    return None


def currency_after(tokens: Sequence[Token], k: int, lang: str = "en") -> tuple[int, str] | None:
    """A currency symbol or ISO code written at token ``k``, right after a number:
    (number of tokens, currency code).

    >>> toks = tokenize("a notebook for 1,200€ and 5 MXN, at 118.5p")
    >>> [currency_after(toks, i) for i in (4, 7, 11)]
    [(1, 'EUR'), (1, 'MXN'), (1, 'penny')]
    """
    if k >= len(tokens):
        return None
    tok = tokens[k]
    after = _after(lang)
    if tok.text in after:
        hit = after.match_at(tokens, k)
        if hit is not None:
            return hit
    if len(tok.text) == 3 and tok.text.isupper() and tok.text in iso_codes(lang):
        return 1, tok.text
    return None


def currency_in_number(tokens: Sequence[Token], num_last: int, lang: str = "en") -> str | None:
    """The currency a multiplier carries ("5 mdp" is five million pesos), or None."""
    table = _scale_words(lang)
    return table.get(tokens[num_last].lower) if table else None


@cache
def glued_prefixes(lang: str = "en") -> frozenset[str]:
    """Words that may be written against the digits after them as a currency ("RM79",
    "USD10m", "PS6m"), as written: a name glued to digits ("G20") is no figure, these are."""
    table = vocabulary.units(lang).currencies
    words = {t.text for c in table.values() for s in c.symbols_before + c.glued_before for t in tokenize(s)}
    return frozenset(w for w in words if w[0].isalpha()) | iso_codes(lang)
