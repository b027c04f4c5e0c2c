"""A stated number of places a figure covers: "in six prisons", "across three states",
"en seis cárceles", "en cinco provincias"."""

from __future__ import annotations

from collections.abc import Sequence

from .. import vocabulary
from .placewords import place_words
from .timewords import flat
from .tokens import Token

_REACH = 12  # tokens: a count of places further from the figure scopes another clause
_CLAUSE_BREAKS = frozenset({";", ":", "(", ")", "but", "while", "pero", "mientras"})


def _small_number(tok: Token, language: str) -> int | None:
    if tok.text.isascii() and tok.text.isdigit() and len(tok.text) <= 3:
        return int(tok.text)
    words = vocabulary.numbers(language)
    value = words.units.get(tok.lower, words.tens.get(tok.lower))
    return int(value) if value is not None else None


def place_count(tokens: Sequence[Token], first: int, last: int, language: str | None = "en") -> int | None:
    """The number of places stated for the figure at tokens ``first``..``last`` of a
    sentence: a count after a lead word and before a plural place noun, in the same clause,
    nearest the figure; None when the sentence states none.

    >>> from .tokens import tokenize
    >>> toks = tokenize("Riots in six prisons left 31 inmates dead.")
    >>> place_count(toks, 5, 5, "en")
    6
    >>> toks = tokenize("Murieron 46 reclusas en 3 cárceles.")
    >>> place_count(toks, 1, 1, "es")
    3
    """
    lang = language or "en"
    words = place_words(lang)
    nouns = {flat(k): v for k, v in words.place_nouns.items()}
    leads = {flat(w) for w in words.count_leads}
    best: tuple[int, int] | None = None
    for j in range(1, len(tokens) - 1):
        if first <= j <= last or flat(tokens[j - 1].lower) not in leads:
            continue
        value = _small_number(tokens[j], lang)
        if value is None or value < 2:
            continue
        k = j + 1
        # one or two words may stand between ("six different prisons", "seis centros penitenciarios")
        noun = None
        for width in (3, 2, 1):
            for skip in (0, 1):
                phrase = " ".join(flat(t.lower) for t in tokens[k + skip : k + skip + width])
                if phrase in nouns:
                    noun = phrase
                    break
            if noun:
                break
        if noun is None:
            continue
        lo, hi = (j, first) if j < first else (last, j)
        if hi - lo > _REACH or any(t.lower in _CLAUSE_BREAKS for t in tokens[lo:hi]):
            continue
        if best is None or hi - lo < best[0]:
            best = (hi - lo, value)
    return best[1] if best else None
