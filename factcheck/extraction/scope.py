"""The scope of a figure among its sentence's places: which place it is tied to
(:func:`place_of`) and a stated number of places it covers (:func:`place_count`: "in six
prisons", "across three states", "en seis cárceles", "en cinco provincias")."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

from .. import vocabulary
from ..models import Place
from .placewords import place_words
from .timewords import flat, languages
from .tokens import Token

if TYPE_CHECKING:
    from .places import PlaceMention

_REACH = 12  # tokens: a count of places further from the figure scopes another clause
_CLAUSE_BREAKS = frozenset({";", ":", "(", ")", "but", "while", "pero", "mientras"})


@cache
def _reference_words() -> frozenset[str]:
    """Words after which "of"/"de" introduces a reference point: directions and distances."""
    return frozenset(flat(w) for lang in languages("places") for w in place_words(lang).reference_words)


def _small_number(tok: Token, language: str) -> int | None:
    if tok.text.isascii() and tok.text.isdigit() and len(tok.text) <= 3:
        return int(tok.text)
    words = vocabulary.numbers(language)
    value = words.units.get(tok.lower, words.tens.get(tok.lower))
    return int(value) if value is not None else None


@cache
def _count_words(language: str) -> tuple[dict[str, object], frozenset[str]]:
    """A language's plural place nouns and count lead words, folded."""
    words = place_words(language)
    return {flat(k): v for k, v in words.place_nouns.items()}, frozenset(flat(w) for w in words.count_leads)


def place_count(
    tokens: Sequence[Token],
    first: int,
    last: int,
    language: str | None = "en",
    counts: Sequence[tuple[int, int]] | None = None,
) -> int | None:
    """The number of places stated for the figure at tokens ``first``..``last`` of a
    sentence: a count after a lead word and before a plural place noun, in the same clause,
    nearest the figure; None when the sentence states none. ``counts`` are the sentence's
    :func:`stated_counts` when the caller has them (every figure of a sentence asks).

    >>> from .tokens import tokenize
    >>> toks = tokenize("Riots in six prisons left 31 inmates dead.")
    >>> place_count(toks, 5, 5, "en")
    6
    >>> toks = tokenize("Murieron 46 reclusas en 3 cárceles.")
    >>> place_count(toks, 1, 1, "es")
    3
    """
    best: tuple[int, int] | None = None
    if counts is None:
        counts = stated_counts(tokens, language or "en")
    for j, value in counts:
        if first <= j <= last:
            continue
        lo, hi = (j, first) if j < first else (last, j)
        if hi - lo > _REACH or any(t.lower in _CLAUSE_BREAKS for t in tokens[lo:hi]):
            continue
        if best is None or hi - lo < best[0]:
            best = (hi - lo, value)
    return best[1] if best else None


def stated_counts(tokens: Sequence[Token], lang: str) -> tuple[tuple[int, int], ...]:
    """(token, value) of each count of places in a sentence: a number of 2 or more after a
    lead word and before a plural place noun ("in six prisons").

    >>> from .tokens import tokenize
    >>> stated_counts(tokenize("Riots in six prisons left 31 inmates dead."), "en")
    ((2, 6),)
    """
    nouns, leads = _count_words(lang)
    out: list[tuple[int, int]] = []
    for j in range(1, len(tokens) - 1):
        before = tokens[j - 1].lower
        if before not in leads and (before.isascii() or flat(before) not in leads):
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
        if noun is not None:
            out.append((j, value))
    return tuple(out)


def _reference(tokens: Sequence[Token], m: PlaceMention) -> bool:
    """A place a distance is measured from is not the figure's scope: "40 km north of
    Lima", "a 95 kilómetros de Santiago", "60 miles east of the capital"."""
    if m.first == 0:
        return False
    prev = tokens[m.first - 1].lower
    before = tokens[m.first - 2].lower if m.first >= 2 else ""
    words = _reference_words()
    # "a 173 de la capital", "28 km from the coast": a number or a unit before "of"/"de"
    measured = flat(before) in words or (m.first >= 2 and tokens[m.first - 2].is_digit)
    return prev in ("from", "desde") or (prev in ("of", "de", "del") and measured)


_DATELINE_ENDS = frozenset({"(", "-", "–", "—", ",", ".", ":"})


def _dateline(tokens: Sequence[Token], m: PlaceMention) -> bool:
    """ "QUITO (Andes Wire) -", "MAIDUGURI, Nigeria, Sept 15", "JUÁREZ.-": the city in capitals
    that opens a wire story says where the reporter files from, not where the figures are.

    >>> from .places import find_places
    >>> from .tokens import tokenize
    >>> toks = tokenize("QUITO (Reuters) - Inmates held 125 guards in prisons across Ecuador.")
    >>> [_dateline(toks, m) for m in find_places(toks, ["EC"], "en")]
    [True, False]
    """
    if m.first != 0 or m.last + 1 >= len(tokens):
        return False
    first = tokens[m.first]
    return first.is_word and first.text.isupper() and len(first.text) > 1 and tokens[m.last + 1].text in _DATELINE_ENDS


_LOCATIVES = frozenset({"in", "at", "en", "na", "no", "em", "across", "throughout", "inside", "near", "from", "de"})


def place_of(
    mentions: Sequence[PlaceMention],
    tokens: Sequence[Token],
    first: int,
    last: int,
    figures: Sequence[tuple[int, int]] = (),
    skip: Sequence[tuple[int, int]] = (),
) -> Place | None:
    """The place a figure at tokens ``first``..``last`` is tied to, among a sentence's place
    mentions: in a list of figures by place ("12 en Jalisco, 8 en Colima"; "Nayarit, 3")
    each figure takes its own; otherwise the nearest place in its clause that no other
    figure of ``figures`` (token spans) stands between. Places inside ``skip`` spans (a
    source's title: "the governor of Salta") are not scope.

    >>> from .places import find_places
    >>> from .tokens import tokenize
    >>> toks = tokenize("Hay 12 muertos en Jalisco, 8 en Colima y 3 en Nayarit.")
    >>> ms = find_places(toks, ["MX"], "es")
    >>> figures = [(1, 1), (6, 6), (10, 10)]
    >>> [place_of(ms, toks, a, b, figures).name for a, b in figures]
    ['Jalisco', 'Colima', 'Nayarit']
    """
    # where the reporter files from is no figure's scope: "QUITO (Reuters) - ... 125 guards in
    # prisons across Ecuador" is Ecuador, and a sentence that names no other place takes the
    # article's own
    cands = [
        m
        for m in mentions
        if not any(a <= m.first <= b for a, b in skip) and not _reference(tokens, m) and not _dateline(tokens, m)
    ]
    if not cands:
        return None
    others = [(a, b) for a, b in figures if (a, b) != (first, last) and not (a <= first <= b)]

    def between(lo: int, hi: int) -> list[Token]:
        return list(tokens[lo:hi])

    def crosses(lo: int, hi: int) -> bool:
        """Another figure, or a clause break, between tokens lo and hi."""
        if any(lo <= a < hi for a, _ in others):
            return True
        return any(t.text in ";" or t.lower in ("but", "while", "pero", "mientras") for t in between(lo, hi))

    # "Nayarit tres", "Provincia de Salta, 9": a place written right before the figure, in a
    # list by place that puts the name first (its place has no locative of its own)
    for m in cands:
        gap = between(m.last + 1, first)
        introduced = m.first > 0 and tokens[m.first - 1].lower in _LOCATIVES
        if m.last < first and all(t.text in ",:" for t in gap) and len(gap) <= 1 and not introduced:
            return m.place
    # "12 en Jalisco", "20 personas han muerto en la capital": a locative after the figure
    after = [m for m in cands if m.first > last and not crosses(last + 1, m.first)]
    for m in sorted(after, key=lambda m: m.first):
        gap = between(last + 1, m.first)
        locative = bool(gap) and gap[-1].lower in _LOCATIVES
        if locative and (len(gap) <= 2 or not any(t.text in ",.:" for t in gap[:-1])):
            return m.place
    # "Provincia de Salta, 9", "Jujuy cuatro", "In the north, 15 died"
    before = [m for m in cands if m.last < first and first - m.last <= _REACH and not crosses(m.last + 1, first)]
    if before:
        return max(before, key=lambda m: (m.last, m.place.kind != "country")).place
    if after:
        return min(after, key=lambda m: (m.first, m.place.kind == "country")).place
    return None
