"""Units written after a number: words matched whatever their case ("48 hours", "19 per
cent", "5 euros"), abbreviations matched as written because case decides ("450 Nm" is a
newton-metre, "7 nm" a nanometre; "500mg", "1.0l", "5 W"), currency symbols and codes
("1,200€", "5 MXN"), and the partitive of a scale word ("3.000 millones de dólares").

Every word comes from the language's ``units.yaml``; :mod:`~factcheck.extraction.money`
reads the currencies."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from .. import vocabulary
from ..units import canonical
from .money import ExactIndex, currency_after, iso_codes
from .tokens import PhraseIndex, Token


@cache
def unit_words(lang: str = "en") -> PhraseIndex:
    """Unit and currency words, matched whatever their case: payload is the pint name."""
    table = vocabulary.units(lang)
    return PhraseIndex(
        [(w, canonical(u)) for u, words in table.units.items() for w in words]
        + [(w, code) for code, c in table.currencies.items() for w in c.words]
    )


@cache
def unit_symbols(lang: str = "en") -> ExactIndex:
    """Unit abbreviations matched exactly as written: payload is the pint name."""
    table = vocabulary.units(lang)
    return ExactIndex((s, canonical(u)) for u, symbols in table.symbols.items() for s in symbols)


@cache
def _scales(lang: str) -> frozenset[str]:
    nums = vocabulary.numbers(lang)
    return frozenset(nums.scales) | frozenset(w for w in nums.multipliers if len(w) > 3)


@cache
def _partitive(lang: str) -> frozenset[str]:
    return frozenset(vocabulary.grammar(lang).partitive)


def unit_at(tokens: Sequence[Token], k: int, lang: str = "en") -> tuple[int, str] | None:
    """The unit written at token ``k``: (number of tokens, pint name), longest first.

    >>> from .tokens import tokenize
    >>> toks = tokenize("450 Nm, 7 nm, 500mg and 250 mL")
    >>> [unit_at(toks, i) for i in (1, 4, 7, 10)]
    [(1, 'meter * newton'), (1, 'nanometer'), (1, 'milligram'), (1, 'milliliter')]
    """
    if k >= len(tokens):
        return None
    tok = tokens[k]
    words = unit_words(lang)
    if tok.lower in words.firsts:
        hit = words.match_at(tokens, k)
        if hit is not None:
            return hit[0], str(hit[1])
    if tok.text in unit_symbols(lang):
        hit2 = unit_symbols(lang).match_at(tokens, k)
        if hit2 is not None:
            return hit2
    return currency_after(tokens, k, lang)


def unit_after(tokens: Sequence[Token], k: int, num_last: int, lang: str = "en") -> tuple[int, int, str] | None:
    """The unit at token ``k``, after a number ending at token ``num_last``: (first token,
    number of tokens, pint name). A scale word may stand before a unit with the partitive:
    "3.000 millones de dólares", "5 millones de pesos", "4 millones de hectáreas".

    >>> from .tokens import tokenize
    >>> toks = tokenize("unos 3.000 millones de dólares")
    >>> unit_after(toks, 3, 2, "es")
    (4, 1, 'USD')
    """
    hit = unit_at(tokens, k, lang)
    if hit is not None and not _auxiliary_here(tokens, k, hit[0], lang):
        return k, hit[0], hit[1]
    if k + 1 < len(tokens) and tokens[k].lower in _partitive(lang) and tokens[num_last].lower in _scales(lang):
        # "3.000 millones de dólares", "4 millones de hectáreas", "2 milioni di tonnellate"
        hit = unit_at(tokens, k + 1, lang)
        if hit is not None and not _auxiliary_here(tokens, k + 1, hit[0], lang):
            return k + 1, hit[0], hit[1]
    return None


def _auxiliary_here(tokens: Sequence[Token], k: int, width: int, lang: str) -> bool:
    """A unit's short name that is also the language's auxiliary, followed by a word that is
    no partitive: "magnitud 5,8 ha dejado", "magnitudo 5,8 ha colpito" (has), not "300 ha di
    bosco" (hectares)."""
    if width != 1 or tokens[k].lower not in vocabulary.grammar(lang).auxiliaries:
        return False
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    return nxt is not None and nxt.is_word and not nxt.is_capitalized and nxt.lower not in _partitive(lang)


@cache
def _letters(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    table = vocabulary.units(lang)
    words = {w.lower() for ws in table.units.values() for w in ws if " " not in w}
    words |= {w.lower() for c in table.currencies.values() for w in c.words if " " not in w}
    exact = {s for ss in table.symbols.values() for s in ss} | {
        s for c in table.currencies.values() for s in c.symbols_after
    }
    # the first word of a unit of several ("3923sq m", "1.19deg C")
    words |= {w.split()[0].lower() for ws in table.units.values() for w in ws if " " in w}
    return frozenset(words | set(vocabulary.numbers(lang).multipliers)), frozenset(exact) | iso_codes(lang)


def letters_after_digits(tok: Token, lang: str = "en") -> bool:
    """Letters that may stick to digits as a unit or multiplier ("5km", "500mg", "$3bn",
    "118.5p"); any other word glued to digits makes a name ("5G", "737MAX").

    >>> from .tokens import tokenize
    >>> [letters_after_digits(t) for t in tokenize("mg G km MAX")]
    [True, False, True, False]
    """
    words, exact = _letters(lang)
    return tok.lower in words or tok.text in exact


_DIMENSION_WORDS = frozenset({"long", "high", "tall", "wide", "deep", "length", "height"})


def glued_metres(tokens: Sequence[Token], num_first: int, num_last: int) -> tuple[str, int] | None:
    """ "37m (121ft)-long", "a 32m2 room": an "m" glued to digits is metres, not a million,
    when a length converts it, a dimension word follows or a "2" squares it. Returns (pint
    unit, last token) or None (then "$4m", "4.3m sales" stay millions).

    >>> from .tokens import tokenize
    >>> toks = tokenize("a 37m (121ft)-long skeleton, a 32m2 room and 4.3m sales")
    >>> glued_metres(toks, 1, 2), glued_metres(toks, 12, 13), glued_metres(toks, 17, 18)
    (('meter', 2), ('meter ** 2', 14), None)
    """
    if num_last != num_first + 1 or tokens[num_last].text != "m" or tokens[num_first].end != tokens[num_last].start:
        return None
    k = num_last + 1
    if k >= len(tokens):
        return None
    nxt = tokens[k]
    if nxt.text in ("2", "²") and nxt.start == tokens[num_last].end:
        return "meter ** 2", k
    if nxt.text == "-" and k + 1 < len(tokens) and tokens[k + 1].lower in _DIMENSION_WORDS:
        return "meter", num_last
    if nxt.text == "(" and k + 2 < len(tokens) and tokens[k + 1].is_digit:
        hit = unit_at(tokens, k + 2)
        if hit is not None and hit[1] in ("foot", "inch", "yard", "mile"):
            return "meter", num_last
    return None
