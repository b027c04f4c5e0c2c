"""The scope of a figure among its sentence's places: which place it is tied to
(:func:`place_of`) and a stated number of places it covers (:func:`place_count`: "in six
prisons", "across three states", "en seis cárceles", "en cinco provincias")."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

from .. import vocabulary
from ..models import Place
from .placematch import capitalised_name, phrase_index
from .placewords import place_words
from .timewords import flat, languages, time_words
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
    # "en la frontera con Estados Unidos", "near the border with Guatemala"
    return prev in ("from", "desde") or (prev in ("of", "de", "del", "with", "con", "com") and measured)


_DATELINE_ENDS = frozenset({"(", "-", "–", "—", ",", ".", ":"})


def is_dateline(tokens: Sequence[Token], m: PlaceMention) -> bool:
    """ "QUITO (Andes Wire) -", "MAIDUGURI, Nigeria, Sept 15", "JUÁREZ.-": the city in capitals
    that opens a wire story says where the reporter files from, not where the figures are.

    >>> from .places import find_places
    >>> from .tokens import tokenize
    >>> toks = tokenize("QUITO (Reuters) - Inmates held 125 guards in prisons across Ecuador.")
    >>> [is_dateline(toks, m) for m in find_places(toks, ["EC"], "en")]
    [True, False]
    """
    if m.first != 0 or m.last + 1 >= len(tokens):
        return False
    first = tokens[m.first]
    return first.is_word and first.text.isupper() and len(first.text) > 1 and tokens[m.last + 1].text in _DATELINE_ENDS


_READ_TOGETHER = ("en", "es", "pt", "it")
"""Languages whose locatives are read together in any of them: their words ("in", "en",
"em", "nel") mean where in each and mark a place in the others' names and quotes."""


@cache
def _locatives_of(language: str | None) -> frozenset[str]:
    """The words before a place that say where (grammar.yaml ``locatives``): those of the
    languages read together, and the text's own, with the words only the text's own
    language reads so (``own_locatives``: Italian "a Roma"; Spanish "a" is "to")."""
    langs = [*_READ_TOGETHER, *([language] if language and language not in _READ_TOGETHER else [])]
    words = {w for lang in langs if vocabulary.reads(lang) for w in vocabulary.grammar(lang).locatives}
    if language and vocabulary.reads(language):
        words |= vocabulary.grammar(language).own_locatives
    return frozenset(words)


def place_of(
    mentions: Sequence[PlaceMention],
    tokens: Sequence[Token],
    first: int,
    last: int,
    figures: Sequence[tuple[int, int]] = (),
    skip: Sequence[tuple[int, int]] = (),
    body: str | None = None,
    language: str | None = None,
) -> Place | None:
    """The place a figure at tokens ``first``..``last`` is tied to, among a sentence's place
    mentions: in a list of figures by place ("12 en Jalisco, 8 en Colima"; "Nayarit, 3")
    each figure takes its own; otherwise the nearest place in its clause that no other
    figure of ``figures`` (token spans) stands between. Places inside ``skip`` spans (a
    source's title: "the governor of Salta") are not scope. With the ``body`` the token
    offsets point into and the ``language``, a figure's own place phrase holds even when the
    gazetteer does not know its name ("five in nearby Coyuca": a place of kind unknown, not
    the place of the figure before), and a word pointing back ("54 died there", "por lá")
    takes the last place named before it in the sentence, a source's title included.

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
    stated = [m for m in mentions if not _reference(tokens, m) and not is_dateline(tokens, m)]
    cands = [
        m for m in stated if not any(a <= m.first <= b for a, b in skip) and not _origin_region(tokens, m, language)
    ]
    # the rules that read the words after the figure run only where a locative or a word
    # pointing back stands near it, which keeps a sentence of many bare numbers linear
    near = language is not None and _reads_after(tokens, last, language)
    # "Au Bataclan, 89 personnes ont été tuées": a name the gazetteer lacks, opening the
    # sentence after a locative, scopes its figures as written
    opened = _opened_unknown(tokens, mentions, first, body, language) if body is not None else None
    if opened is None and body is not None and language is not None:
        # "The death toll in Erie County ... rose to 39": a name closed by a kind word
        opened = _kinded_before(tokens, mentions, first, figures, body, language)
    if not cands and not near:
        return opened
    others = [(a, b) for a, b in figures if (a, b) != (first, last) and not (a <= first <= b)]
    unknown = None
    if near and language is not None:
        back = _pointed_back(stated, tokens, first, last, others, language)
        if back is not None:
            return back
        unknown = _unknown_after(mentions, tokens, last, others, body, language) if body is not None else None
    if not cands:
        return unknown or opened

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
        # "across the United States, 27 of them ...": the place is the locative phrase of
        # what comes before, not the label of a list item; nor is a place before a figure
        # that names its own after it ("a su paso por el Caribe: tres en Granada", "one in
        # St. Vincent and the Grenadines, three in Venezuela")
        if (
            m.last < first
            and all(t.text in ",:" for t in gap)
            and len(gap) <= 1
            and not _introduced(tokens, m, language)
            and not _own_place_after(cands, tokens, last, language)
        ):
            return m.place
    # "12 en Jalisco", "20 personas han muerto en la capital": a locative after the figure
    after = [m for m in cands if m.first > last and not crosses(last + 1, m.first)]
    origins: set[int] = set()
    # "In Polonia i morti sono nove, in Romania sette": a figure whose own clause opens with a
    # locative place leaves the place after its comma to the next item of the list
    own_before = language is not None and any(
        m.last < first and not crosses(m.last + 1, first) and _introduced(tokens, m, language) for m in cands
    )
    for m in sorted(after, key=lambda m: m.first):
        gap = between(last + 1, m.first)
        if own_before and gap and (gap[0].text == "," or gap[0].lower in _conjunctions_of(language)):
            continue
        # "in nearby Coyuca", "in the smaller town of Coyuca": a locative, then only articles,
        # words of nearness or kind words
        k = len(gap)
        if language is not None:
            glue = _gap_words(language)
            while (
                k > 1
                and len(gap) - k < 5
                and (flat(gap[k - 1].lower) in glue or _nationality_word(gap[k - 1]))
                and gap[k - 1].lower not in _locatives_of(language)
            ):
                k -= 1
        locative = bool(gap) and (
            gap[k - 1].lower in _locatives_of(language)
            # "108 million euros for Syria": whom a figure is for scopes it
            or (k == 1 and language is not None and gap[0].lower in vocabulary.grammar(language).benefactives)
        )
        if language is not None and _nationality_cued(gap, language):
            # "19 foreigners, including nationals of Iran, China and Russia": whose they are
            origins.add(m.first)
            continue
        if language is not None and m.place.kind in ("country", "region") and _coordinated_origin(gap, language):
            # "68 men from Central and South America", "originarios de Centro y Sudamérica":
            # the second of two places they come from
            origins.add(m.first)
            continue
        if (
            locative
            and k >= 2
            and m.place.kind in ("country", "region")
            and language is not None
            and flat(gap[k - 1].lower) in _folded(language, "origins")
            and not any(_verbal(t, language) or _locative_not_origin(t, language) for t in gap[: k - 1])
        ):
            # "68 hombres de Centroamérica", "68 men from Central America": the country or
            # region they come from; not a town ("el 80% de los hoteles de Acapulco"), nor
            # after a verb ("13 salieron de la prisión", "released from the prison") or a
            # locative ("40 muertos en la estación migratoria de Ciudad Juárez")
            origins.add(m.first)
            continue
        if locative and (k <= 2 or not any(t.text in ",.:" for t in gap[: k - 1])):
            near = language is not None and any(flat(t.lower) in _near_words(language) for t in gap[k:])
            if near and m.place.kind == "city" and m.place.text is not None and m.place.start is not None:
                # "five in nearby Coyuca": a town set against the one before, by its name as
                # written, of no kind nor container the breakdown of the figure before could be
                # read into ("in neighbouring Guatemala" stays the country)
                return Place(name=m.place.text, kind="unknown", text=m.place.text, start=m.place.start, end=m.place.end)
            return m.place
    if unknown is not None:
        return unknown
    # "reliait Barcelone à Düsseldorf avec 148 personnes à bord": the ends of a route are
    # neither where the figure happened
    routes = _route_ends(cands, tokens, language) if language is not None else set()
    # "Provincia de Salta, 9", "Jujuy cuatro", "In the north, 15 died"
    before = [
        m
        for m in cands
        if m.last < first
        and first - m.last <= _REACH
        and not crosses(m.last + 1, first)
        and m.first not in routes
        # "were on the flight to Nairobi, including 32 Kenyans": a destination is not where
        and (language is None or not _taken_to(tokens, m, language, objects=False))
    ]
    # "con epicentro en Balao, en la provincia del Guayas, dejó al menos 14 muertos y 126
    # heridos en Ecuador": a locative after the next figure of one coordinated phrase is this
    # figure's too, rather than a place said before it of something else (the epicentre)
    shared = _shared_locative(cands, tokens, last, others, language) if before and language is not None else None
    if shared is not None:
        return shared
    if before:
        return max(before, key=lambda m: (m.last, m.place.kind != "country")).place
    # "cinco heridas que fueron trasladadas a la capital": where people were taken is not
    # where the figure happened
    after = [
        m
        for m in after
        if m.first not in origins
        and m.first not in routes
        and (language is None or not _taken_to(tokens, m, language))
        # "165 of its pilgrims died ..., India 98 and Jordan 75": a place written right before
        # another figure is that figure's, in a list by place
        and not any(a == m.last + 1 or (a == m.last + 2 and tokens[m.last + 1].text in ",:") for a, _ in others)
    ]
    if after:
        return min(after, key=lambda m: (m.first, m.place.kind == "country")).place
    return _fronted(cands, tokens, first, language) or opened


def _shared_locative(
    cands: Sequence[PlaceMention],
    tokens: Sequence[Token],
    last: int,
    others: Sequence[tuple[int, int]],
    language: str,
) -> Place | None:
    """The place of a locative right after the next figure, when that figure is coordinated
    with this one in one phrase ("14 muertos y 126 heridos en Ecuador", "14 dead and 126
    injured in Ecuador"): words and one conjunction between the two figures, the sibling's
    noun, a locative and maybe articles before the place; no mark of punctuation."""
    nxt = min(((a, b) for a, b in others if a > last), default=None)
    if nxt is None or nxt[0] - last > 4:
        return None
    g = vocabulary.grammar(language)
    between = tokens[last + 1 : nxt[0]]
    if not any(t.lower in g.conjunctions for t in between) or any(not t.is_word for t in between):
        return None
    locatives = _locatives_of(language)
    for m in cands:
        if m.first <= nxt[1]:
            continue
        gap = tokens[nxt[1] + 1 : m.first]
        if (
            not gap
            or len(gap) > 4
            or any(not t.is_word for t in gap)
            or any(a > nxt[1] and a < m.first for a, _ in others)
        ):
            continue
        k = len(gap)
        while k > 1 and gap[k - 1].lower in g.determiners:
            k -= 1
        if gap[k - 1].lower in locatives and not any(t.lower in locatives for t in gap[: k - 1]):
            return m.place
    return None


def _kinded_before(
    tokens: Sequence[Token],
    mentions: Sequence[PlaceMention],
    first: int,
    figures: Sequence[tuple[int, int]],
    body: str,
    language: str,
) -> Place | None:
    """A place phrase the gazetteer does not know, before the figure within reach and with
    no other figure between: a locative, maybe articles, and a capitalised name whose last
    word is a kind of place ("The death toll in Erie County ... rose to 39"). A place of
    kind unknown with the name as written."""
    lo = max(0, first - _REACH)
    locatives = _locatives_of(language)
    if not any(t.lower in locatives for t in tokens[lo:first]):
        return None  # the cheap test first: a sentence of many bare numbers stays linear
    # not past an earlier figure (the figures are in text order: the one before is found
    # by bisection, so a sentence of many figures stays linear)
    k = bisect_left(figures, (first, -1))
    if k > 0 and lo <= figures[k - 1][1] < first:
        lo = figures[k - 1][1] + 1
    taken = {k for m in mentions for k in range(m.first, m.last + 1)}
    kinds = _kinds_after(language)
    dets = vocabulary.grammar(language).determiners
    for j in range(first - 1, lo - 1, -1):
        if tokens[j].lower not in _locatives_of(language):
            continue
        k = j + 1
        while k < first and tokens[k].lower in dets:
            k += 1
        if k >= first or k in taken or not (tokens[k].is_word and tokens[k].is_capitalized):
            continue
        name_last = capitalised_name(tokens, k)
        if name_last is None or name_last >= first or name_last == k or flat(tokens[name_last].lower) not in kinds:
            continue
        start, stop = tokens[k].start, tokens[name_last].end
        return _as_written(body, start, stop)
    return None


@cache
def _kinds_after(language: str) -> frozenset[str]:
    """The language's kind words written after a place's name ("County", "province"), folded."""
    return frozenset(flat(w) for w in place_words(language).kinds_after)


def _as_written(body: str, start: int, stop: int) -> Place:
    """A place of kind unknown, named as the body writes it at ``start``..``stop``."""
    return Place(name=body[start:stop], kind="unknown", text=body[start:stop], start=start, end=stop)


def phrase_place(
    tokens: Sequence[Token], last: int, figures: Sequence[tuple[int, int]], body: str, language: str | None
) -> Place | None:
    """The phrase of nearness right after a figure, as written, as a place of kind unknown:
    "..., and one near the Stade de France" after a figure placed at a site of its own is
    another site of one list. The phrase runs to a comma, a conjunction or the next figure;
    None when no word of nearness (``landmark_words``) follows the figure."""
    lang = language or "en"
    k = last + 1
    if k >= len(tokens):
        return None
    near = phrase_index(lang, "landmark_words").match_at(tokens, k)
    if near is None:
        return None
    start = k + near[0]
    g = vocabulary.grammar(lang)
    stops = {a for a, _ in figures}
    end = start
    while (
        end < len(tokens)
        and end - start < 8
        and tokens[end].text not in ",.;:()"
        and tokens[end].lower not in g.conjunctions
        and end not in stops
    ):
        end += 1
    if end == start or not any(t.is_word and t.lower not in g.determiners for t in tokens[start:end]):
        return None
    a, b = tokens[start].start, tokens[end - 1].end
    return _as_written(body, a, b)


def _opened_unknown(
    tokens: Sequence[Token], mentions: Sequence[PlaceMention], first: int, body: str, language: str | None
) -> Place | None:
    """The place of a sentence that opens with a locative, maybe articles, a capitalised
    name the gazetteer does not know and a comma ("Au Bataclan, 89 personnes ...", "En la
    colonia Doctores, cinco ..."), for a figure after the comma: a place of kind unknown
    with the name as written. Not a month, a weekday or a known place's name."""
    if len(tokens) < 4 or tokens[0].lower not in _locatives_of(language):
        return None
    lang = language or "en"
    k = 1
    glue = _gap_words(lang)
    while k < len(tokens) and k <= _FRONT and not tokens[k].is_capitalized and flat(tokens[k].lower) in glue:
        k += 1
    if k >= len(tokens) or not (tokens[k].is_word and tokens[k].is_capitalized):
        return None
    name_last = capitalised_name(tokens, k)
    if name_last is None or name_last + 1 >= len(tokens) or tokens[name_last + 1].text != "," or first <= name_last:
        return None
    if any(m.first <= name_last and m.last >= k for m in mentions):
        return None  # a known place: the rules above read it
    times = time_words(lang)
    if any(flat(t.lower) in times.months or flat(t.lower) in times.weekdays for t in tokens[k : name_last + 1]):
        return None
    start, stop = tokens[k].start, tokens[name_last].end
    return _as_written(body, start, stop)


_FRONT = 5
"""Tokens a sentence's opening locative phrase may take before its place ("En la provincia
de Pinar del Río,")."""


def _fronted(cands: Sequence[PlaceMention], tokens: Sequence[Token], first: int, language: str | None) -> Place | None:
    """The place of a locative phrase that opens the sentence and a comma closes ("En la
    provincia de Pinar del Río, 40.000 personas fueron evacuadas y unas 1.000 viviendas
    resultaron dañadas"): the scope of every figure of the sentence that has no place of
    its own, the figures after the first included."""
    for m in cands:
        if m.last >= first or m.first > _FRONT or m.last + 1 >= len(tokens) or tokens[m.last + 1].text != ",":
            continue
        if tokens[0].lower in _locatives_of(language) and not any(t.text in ",;:" for t in tokens[: m.first]):
            return m.place
    return None


def _reads_after(tokens: Sequence[Token], last: int, language: str) -> bool:
    """Whether a locative or a word pointing back stands within reach after a figure."""
    ahead, back = _after_words(language)
    for t in tokens[last + 1 : last + 1 + _REACH]:
        word = t.lower
        # a folded word is the word itself when it is ASCII (in lower case already)
        if word in ahead or (not word.isascii() and flat(word) in back):
            return True
    return False


@cache
def _after_words(language: str) -> tuple[frozenset[str], frozenset[str]]:
    """The words :func:`_reads_after` looks for, as written (the locatives and the first
    words of the back-references), and the back-references' first words alone, which a word
    folded of its accents may also be."""
    back = phrase_index(language, "back_references").firsts
    return _locatives_of(language) | back, back


def _clause_end(tokens: Sequence[Token], last: int, others: Sequence[tuple[int, int]]) -> int:
    """The token after the end of a figure's clause, within reach: the next figure, or a
    clause break."""
    nxt = min((a for a, _ in others if a > last), default=len(tokens))
    nxt = min(nxt, last + 1 + _REACH)
    for j in range(last + 1, nxt):
        t = tokens[j]
        if t.text in ";:()" or t.lower in ("but", "while", "pero", "mientras", "mas", "ma"):
            return j
    return nxt


def _pointed_back(
    mentions: Sequence[PlaceMention],
    tokens: Sequence[Token],
    first: int,
    last: int,
    others: Sequence[tuple[int, int]],
    language: str,
) -> Place | None:
    """ "officials of the state of Morelos said 54 died there", "54 morreram por lá": a word
    after the figure, in its clause, that points back to the last place named before it."""
    words = phrase_index(language, "back_references")
    firsts = words.firsts
    end = _clause_end(tokens, last, others)
    for j in range(last + 1, end):
        word = tokens[j].lower  # folded, an ASCII word is itself
        near = word in firsts or (not word.isascii() and flat(word) in firsts)
        hit = words.match_at(tokens, j) if near else None
        after = j + hit[0] if hit is not None else j
        # "54 died there.", "54 morreram por lá no domingo"; not "there were 48 dead"
        if hit is not None and _ends_phrase(tokens, after, language):
            before = [m for m in mentions if m.last < first]
            return max(before, key=lambda m: m.last).place if before else None
    return None


def _unknown_after(
    mentions: Sequence[PlaceMention],
    tokens: Sequence[Token],
    last: int,
    others: Sequence[tuple[int, int]],
    body: str,
    language: str | None,
) -> Place | None:
    """A place phrase of the figure's own, after it in its clause, whose name the gazetteer
    does not know: a locative, then only articles, kind words ("the smaller town of") or
    words of nearness ("nearby"), then a capitalised name that is no month nor weekday
    ("five in nearby Coyuca de Benítez"). A place of kind unknown with the name as written."""
    lang = language or "en"
    end = _clause_end(tokens, last, others)
    taken = {k for m in mentions for k in range(m.first, m.last + 1)}
    glue = _gap_words(lang)
    said = _gap_words(lang, determiners=False)
    times = time_words(lang)
    for j in range(last + 1, end):
        if tokens[j].lower not in _locatives_of(language) or tokens[j].lower in ("from", "de"):
            continue
        k = j + 1
        while k < end and k - j <= 5 and not tokens[k].is_capitalized and flat(tokens[k].lower) in glue:
            k += 1
        if k >= end or k in taken or not (tokens[k].is_word and tokens[k].is_capitalized):
            continue
        tight = j == last + 1 and k == j + 1  # "231 ad Amatrice, 11 ad Accumoli": figure, locative, name
        name_last = capitalised_name(tokens, k)
        # "in Erie County": a kind word closing the name says it is a place too
        kinded = name_last is not None and name_last > k and flat(tokens[name_last].lower) in _kinds_after(lang)
        if not tight and not kinded and not any(flat(t.lower) in said for t in tokens[j + 1 : k]):
            continue  # "en el Servicio de Urgencias": only a word of nearness or kind says it is a place
        if name_last is None or name_last >= end or any(i in taken for i in range(k, name_last + 1)):
            continue
        head = flat(tokens[k].lower)
        if head in times.months or head in times.weekdays or (name_last == k and _nationality_word(tokens[k])):
            continue  # "in the eastern Indian state of Bihar": an adjective of nationality names no place
        start, stop = tokens[k].start, tokens[name_last].end
        name = body[start:stop]
        text_start = tokens[j + 1].start if k > j + 1 else start
        return Place(name=name, kind="unknown", text=body[text_start:stop], start=text_start, end=stop)
    return None


def _own_place_after(cands: Sequence[PlaceMention], tokens: Sequence[Token], last: int, language: str | None) -> bool:
    """Whether a place follows the figure at once, after a locative ("tres en Granada")."""
    k = last + 1
    return (
        k + 1 < len(tokens)
        and tokens[k].lower in _locatives_of(language)
        and any(m.first in (k + 1, k + 2) for m in cands)
    )


def _nationality_word(tok: Token) -> bool:
    """Whether a word is an adjective of nationality ("Indian", "brasileño"): between a
    locative and a kind word ("in the southern Brazilian state of Pernambuco") it is glue
    like the article and the direction word, and alone it is no place's name."""
    from ..gazetteer import gazetteer

    return tok.is_word and gazetteer().country_of_demonym(tok.text) is not None


@cache
def _gap_words(language: str, determiners: bool = True) -> frozenset[str]:
    """Words that may stand between a locative and a place's name, folded: the language's
    words of nearness, its adjectives of places and the nouns of its kind words ("town",
    "provincia"); with ``determiners``, its determiners and whole kind phrases ("the town of")
    too, which say nothing of a place by themselves."""
    words = place_words(language)
    dets = {flat(w) for w in vocabulary.grammar(language).determiners}
    out = {flat(w) for w in (*words.near_words, *words.place_adjectives, *words.kinds_after)}
    out |= {flat(w) for phrase in words.kinds_before for w in phrase.split()[:-1]} - dets
    if determiners:
        out |= dets | {flat(w) for phrase in words.kinds_before for w in phrase.split()}
    return frozenset(out)


def _ends_phrase(tokens: Sequence[Token], after: int, language: str) -> bool:
    """Whether the words after a back-reference leave it pointing at a place: the end of the
    sentence, punctuation, a locative, or a day within two words ("there on Sunday", "por lá
    no domingo"); not a verb ("there were 30 injured")."""
    if after >= len(tokens) or not tokens[after].is_word or tokens[after].lower in _locatives_of(language):
        return True
    times = time_words(language)
    days = (flat(t.lower) for t in tokens[after : after + 2])
    return any(d in times.weekdays or d in times.relative_days or d in times.months for d in days)


@cache
def _near_words(language: str) -> frozenset[str]:
    """A language's words of nearness ("nearby", "vecina"), folded."""
    return frozenset(flat(w) for w in place_words(language).near_words)


def _taken_to(tokens: Sequence[Token], m: PlaceMention, language: str, objects: bool = True) -> bool:
    """Whether a place mention is where people or things were taken: a destination word
    before it, or before its article ("to the capital", "a la capital", "al Centro"); without
    ``objects``, not a word that also marks a verb's object ("golpeó a Perú")."""
    g = vocabulary.grammar(language)
    k = m.first - 1
    while k >= 0 and tokens[k].lower in g.determiners:
        k -= 1
    if k < 0 or (not objects and tokens[k].lower in g.object_markers):
        return False
    return flat(tokens[k].lower) in _folded(language, "destinations")


def _origin_region(tokens: Sequence[Token], m: PlaceMention, language: str | None) -> bool:
    """Whether a region of countries is where people come from ("hombres de América
    Central", "migrants from Latin America"): an origin word right before it, maybe with
    articles; such a region scopes no figure of the sentence, before or after it."""
    if m.place.kind != "region" or m.place.parts or language is None or not vocabulary.reads(language):
        return False
    k = _word_before(tokens, m, language)
    return k >= 0 and flat(tokens[k].lower) in _folded(language, "origins")


def _coordinated_origin(gap: Sequence[Token], language: str) -> bool:
    """Whether the words before a place end with an origin word or a nationality cue, then a
    first place written in capitals and a conjunction ("men from Central and", "originarios
    de Centro y"), with no verb or locative of their own before the origin word."""
    conjunctions = _conjunctions_of(language)
    j = len(gap)
    if not j or gap[j - 1].lower not in conjunctions:
        return False
    j -= 1
    while j > 0 and gap[j - 1].is_word and gap[j - 1].is_capitalized:
        j -= 1
    if j == len(gap) - 1 or j < 2:
        return False  # no place named before the conjunction, or no counted noun before
    head = gap[:j]
    if _nationality_cued(head, language):
        return True
    return flat(head[-1].lower) in _folded(language, "origins") and not any(
        _verbal(t, language) or _locative_not_origin(t, language) for t in head[:-1]
    )


def _word_before(tokens: Sequence[Token], m: PlaceMention, language: str | None) -> int:
    """The token right before a place mention, its articles passed (a sentence's first word
    is never passed); -1 when the mention opens the sentence."""
    dets = vocabulary.grammar(language).determiners if language is not None and vocabulary.reads(language) else ()
    k = m.first - 1
    while k > 0 and tokens[k].lower in dets:
        k -= 1
    return k


def _introduced(tokens: Sequence[Token], m: PlaceMention, language: str | None) -> bool:
    """Whether a locative (maybe with articles) stands right before a place mention."""
    k = _word_before(tokens, m, language)
    return k >= 0 and tokens[k].lower in _locatives_of(language)


def _conjunctions_of(language: str | None) -> frozenset[str]:
    """The conjunctions of a language that is read, else none."""
    if language is None or not vocabulary.reads(language):
        return frozenset()
    return vocabulary.grammar(language).conjunctions


def _route_ends(cands: Sequence[PlaceMention], tokens: Sequence[Token], language: str) -> set[int]:
    """The first tokens of the places at the ends of a route: a name, a destination word
    (and articles), a place ("Barcelone à Düsseldorf", "from Barcelona to Düsseldorf", "de
    Madrid a Barcelona"); the name before may be one the gazetteer lacks."""
    dets = vocabulary.grammar(language).determiners
    ending = {m.last: m for m in cands}
    ends: set[int] = set()
    for b in cands:
        k = b.first - 1
        while k >= 0 and tokens[k].lower in dets:
            k -= 1
        if k < 1 or flat(tokens[k].lower) not in _folded(language, "destinations"):
            continue
        name = tokens[k - 1]
        if name.is_word and name.is_capitalized and k - 1 > 0 and tokens[k - 2].text not in ".:;!?":
            ends.add(b.first)
            if k - 1 in ending:
                ends.add(ending[k - 1].first)
    return ends


def _nationality_cued(gap: Sequence[Token], language: str) -> bool:
    """Whether the words before a place end with one of the language's nationality cues
    ("nationals of", "originarios de"): the place is people's nationality."""
    dets = vocabulary.grammar(language).determiners
    end = len(gap)
    while end and gap[end - 1].lower in dets:
        end -= 1  # "nationals of the United States"
    words = [flat(t.lower) for t in gap[max(0, end - 3) : end]]
    return any(len(cue) <= len(words) and words[len(words) - len(cue) :] == cue for cue in _cue_words(language))


@cache
def _cue_words(language: str) -> tuple[list[str], ...]:
    """The language's nationality cues, each as its folded words."""
    return tuple([flat(w) for w in c.lower().split()] for c in place_words(language).nationality_cues)


@cache
def _folded(language: str, field: str) -> frozenset[str]:
    """A list field of a language's place words, folded."""
    return frozenset(flat(w) for w in getattr(place_words(language), field))


def _verbal(tok: Token, language: str) -> bool:
    """A verb or an auxiliary ("were released", "salieron", "fue liberado")."""
    from .subjects import is_verbish

    return tok.lower in vocabulary.grammar(language).auxiliaries or is_verbish(tok, language)


def _locative_not_origin(tok: Token, language: str) -> bool:
    """A locative that is not also an origin word ("en", not "de": "68 hombres mayores de
    edad originarios de Centroamérica" is still an origin)."""
    return tok.lower in _locatives_of(language) and flat(tok.lower) not in _folded(language, "origins")
