"""Per-sentence work done once per distinct sentence and what else it reads: copies of one
story (wire copies, syndication, an article republished with a new date) repeat most of
their sentences word for word, and a folder of them is read one sentence at a time.

Only pure steps are kept here, each under everything it reads: a sentence is known by its
tokens' text and their offsets from its first token (offsets are only ever compared with
each other), and a step that reads some of the document too (the places: its countries,
its storm's name, the facilities named before) is kept under those as well. A step whose
result depends on the document's date or on the sentences' order (sources carried over,
pronouns, as-of times) is never remembered. A result that holds body offsets (a place, a
source) is moved to the sentence's offset, so a sentence found at another offset or in
another document gives the result the step would."""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Hashable, Sequence
from dataclasses import fields
from operator import attrgetter
from typing import Any

from ..models import Place, Source
from . import times
from .attribution import Attribution, find_attributions
from .events import EventMention, find_events
from .facilities import _RECALL
from .language import sentence_language
from .placematch import PlaceMention
from .places import find_places
from .population import Population, population_of
from .quantities import Found, find_quantities
from .subjects import SubjectPhrase
from .subjects import forward_phrase as _forward_phrase
from .tokens import Token, tokenize_span

_new = tuple.__new__

_FOUND_FIELDS = attrgetter(*(f.name for f in fields(Found)))


def _copy(f: Found) -> Found:
    """A copy of ``f``: what ``copy.copy`` gives, without its generic protocol (0.6 rather
    than 4.4 µs; a sentence seen again copies every quantity it holds)."""
    return Found(*_FOUND_FIELDS(f))


PER_FIGURE_TOKENS = 200
"""Steps asked once per figure are kept only for sentences of at most this many tokens: a
key holds the whole sentence and the figure's sets of tokens, which for a run-on sentence
of 2,000 tokens and hundreds of figures (a table on one line, issue 21) cost more than the
step, once per figure. News sentences are well under it (the longest of the dev articles
has about 100 tokens)."""

SIZE = 8192
"""Distinct sentences remembered: the copies of a story are mostly read near each other,
and a sentence's quantities take about 1 KB."""

_QUANTITIES: OrderedDict[Hashable, list[Found]] = OrderedDict()
_TOKENS: OrderedDict[str, tuple[list[Token], int, list[tuple[int, list[Token]]]]] = OrderedDict()
"""A sentence's tokens where it was first found, that offset, and [(an offset, the tokens
moved there)] last asked for."""
_LANGUAGES: OrderedDict[tuple[str, str], str] = OrderedDict()
_PREFILTERED: OrderedDict[
    tuple[str, str, int, int], tuple[tuple[bool, bool], re.Pattern[str], re.Pattern[str]]
] = OrderedDict()
_PLACES: OrderedDict[Hashable, tuple[int, list[PlaceMention]]] = OrderedDict()
_ATTRIBUTIONS: OrderedDict[Hashable, tuple[int, list[Attribution]]] = OrderedDict()
_EVENTS: OrderedDict[Hashable, list[EventMention]] = OrderedDict()
_POPULATIONS: OrderedDict[Hashable, Population | None] = OrderedDict()
_PHRASES: OrderedDict[Hashable, SubjectPhrase | None] = OrderedDict()


def forget() -> None:
    """Forget every sentence: what a benchmark that reads the same text again calls, so
    that each reading does all its work (a reading of unseen text)."""
    tables = (_QUANTITIES, _TOKENS, _LANGUAGES, _PLACES, _ATTRIBUTIONS, _PREFILTERED, _EVENTS, _POPULATIONS, _PHRASES)
    for table in tables:
        table.clear()
    times._scan.cache_clear()  # the time patterns' matches, once per distinct text
    # and the other steps kept once per distinct text (a sentence, a phrase, a line, a
    # document's capitalised phrases) by the modules that own them (which import this
    # module's users)
    from . import (  # noqa: PLC0415
        background,
        countries,
        earlier,
        named_events,
        ownclause,
        places,
        quotes,
        speakers,
        taxonomy,
        tokens,
    )

    for kept in (
        times._marks,
        countries._phrase_countries,
        countries._implied_by,
        earlier.earlier_report,
        taxonomy._classified,
        background._same_year_of,
        background._names_same_year,
        speakers._name_it_goes_by,
        countries._line_phrases,
        tokens._kept_line_sentences,
        named_events._opening_words,
        quotes._quotations,
    ):
        kept.cache_clear()
    places._LEAD_PLACES.clear()
    ownclause._KINDS.clear()
    _LAST_KEY[0] = (None, ())


def _remember(table: OrderedDict[Any, Any], key: Hashable, value: object) -> None:
    table[key] = value
    if len(table) > SIZE:
        table.popitem(last=False)


def tokens(body: str, start: int, end: int) -> list[Token]:
    """:func:`~factcheck.extraction.tokens.tokenize_span`, once per distinct sentence
    text: the tokens of a sentence seen before are its tokens moved to ``start``.

    >>> from .tokens import tokenize_span
    >>> tokens("Hubo 3 muertos. Hubo 3 muertos.", 16, 31) == tokenize_span("Hubo 3 muertos. Hubo 3 muertos.", 16, 31)
    True
    """
    text = body[start:end]
    kept = _TOKENS.get(text)
    if kept is None:
        # tokenised where it stands (the same tokens as the text's own, moved): a sentence
        # never seen is tokenised once, not once and then moved
        found = tokenize_span(body, start, end)
        kept = (found, start, [(start, found)])
        _remember(_TOKENS, text, kept)
    else:
        _TOKENS.move_to_end(text)
    found, base, last = kept
    at, moved = last[0]
    if at != start:
        # the tokens moved to ``start``, kept for the next sentence found there too: the
        # copies of a story mostly hold a sentence at the same offset (offset and tokens
        # replaced in one step)
        by = start - base
        moved = [_new(Token, (t[0], t[1], t[2] + by, t[3] + by, t[4], t[5], t[6])) for t in found]
        last[0] = (start, moved)
    return list(moved)


def language(body: str, start: int, end: int, default: str) -> str:
    """:func:`~factcheck.extraction.language.sentence_language`, once per distinct
    sentence text and document language."""
    key = (body[start:end], default)
    found = _LANGUAGES.get(key)
    if found is None:
        found = sentence_language(key[0], 0, len(key[0]), default)
        _remember(_LANGUAGES, key, found)
    else:
        _LANGUAGES.move_to_end(key)
    return found


def prefiltered(body: str, start: int, end: int, numbers: re.Pattern[str], cues: re.Pattern[str]) -> tuple[bool, bool]:
    """(whether ``numbers`` finds something in ``body[start:end]``, whether ``cues`` does
    where ``numbers`` finds nothing, else False): the extractor's test of each sentence
    for a figure or an attribution, once per distinct sentence text. A search from
    ``start`` reads the character before it too (``\\b``), which the key holds.

    >>> import re
    >>> digits, words = re.compile(r"\\d"), re.compile(r"\\bsaid\\b")
    >>> prefiltered("Ayer. Hubo 3 muertos.", 6, 21, digits, words), prefiltered("He said so.", 0, 11, digits, words)
    ((True, False), (False, True))
    """
    # the patterns by identity: a compiled pattern's hash reads its whole program each
    # time (6 µs for the two of a language, more than the rest of the look-up); each
    # entry holds its patterns, so no other pattern takes their identity while it lives
    key = (body[start - 1 : start] if start else "", body[start:end], id(numbers), id(cues))
    kept = _PREFILTERED.get(key)
    if kept is None:
        has_number = numbers.search(body, start, end) is not None
        found = (has_number, not has_number and cues.search(body, start, end) is not None)
        _remember(_PREFILTERED, key, (found, numbers, cues))
        return found
    _PREFILTERED.move_to_end(key)
    return kept[0]


def sentence_key(tokens: Sequence[Token]) -> tuple[tuple[str, int], ...]:
    """The sentence as its steps read it: each token's text and offset from the first.

    >>> from .tokens import tokenize
    >>> sentence_key(tokenize("Hubo 3 muertos.", 40)) == sentence_key(tokenize("Hubo 3 muertos."))
    True
    """
    held, key = _LAST_KEY[0]
    if tokens is held:
        return key  # the steps of one sentence ask in turn for its tokens' key
    base = tokens[0].start if tokens else 0
    key = tuple((t.text, t.start - base) for t in tokens)
    _LAST_KEY[0] = (tokens, key)  # held, so no other sequence takes its identity meanwhile
    return key


_LAST_KEY: list[tuple[Sequence[Token] | None, tuple[tuple[str, int], ...]]] = [(None, ())]


def quantities(tokens: Sequence[Token], tolerance: float, lang: str) -> list[Found]:
    """:func:`~factcheck.extraction.quantities.find_quantities`, once per distinct
    sentence (each call gets its own copies of the records, which later steps may change).

    >>> from .tokens import tokenize
    >>> a = quantities(tokenize("Hubo 3 muertos."), 0.1, "es")
    >>> b = quantities(tokenize("Ayer. Hubo 3 muertos.")[2:], 0.1, "es")
    >>> [(f.value, f.first) for f in a] == [(f.value, f.first) for f in b] and a[0] is not b[0]
    True
    """
    key = (sentence_key(tokens), tolerance, lang)
    found = _QUANTITIES.get(key)
    if found is None:
        found = find_quantities(tokens, tolerance, lang)
        _remember(_QUANTITIES, key, [_copy(f) for f in found])
        return found
    _QUANTITIES.move_to_end(key)
    return [_copy(f) for f in found]


def events(tokens: Sequence[Token], lang: str) -> list[EventMention]:
    """:func:`~factcheck.extraction.events.find_events`, once per distinct sentence: it
    reads the tokens' words only, and gives token indices (frozen records, shared).

    >>> from .tokens import tokenize
    >>> events(tokenize("Ayer murieron 3."), "es") == events(tokenize("Ayer murieron 3."), "es")
    True
    """
    key = (sentence_key(tokens), lang)
    found = _EVENTS.get(key)
    if found is None:
        found = find_events(tokens, lang)
        _remember(_EVENTS, key, found)
    else:
        _EVENTS.move_to_end(key)
    return list(found)


def forward_phrase(
    tokens: Sequence[Token], start: int, is_number: set[int], blocked: set[int], lang: str = "en"
) -> SubjectPhrase | None:
    """:func:`~factcheck.extraction.subjects.forward_phrase`, once per distinct sentence,
    token and sets of number and blocked tokens: it reads the tokens' words and their
    offsets from each other only, and gives token indices (a frozen record, shared).

    >>> from .tokens import tokenize
    >>> forward_phrase(tokenize("Hubo 3 muertos."), 2, {1}, set(), "es").words
    ('muertos',)
    """
    if len(tokens) > PER_FIGURE_TOKENS:
        return _forward_phrase(tokens, start, is_number, blocked, lang)
    key = (sentence_key(tokens), start, frozenset(is_number), frozenset(blocked), lang)
    if key in _PHRASES:
        _PHRASES.move_to_end(key)
        return _PHRASES[key]
    found = _forward_phrase(tokens, start, is_number, blocked, lang)
    _remember(_PHRASES, key, found)
    return found


def population(
    tokens: Sequence[Token], counted: str | None, lang: str, figure: int | None, parts: frozenset[str]
) -> Population | None:
    """:func:`~factcheck.extraction.population.population_of`, once per distinct sentence
    and figure: it reads the tokens' words and the figure's token index only.

    >>> from .tokens import tokenize
    >>> population(tokenize("A riot at a women's prison killed 41 women."), "woman", "en", 7, frozenset())
    Population(cls='inmate', gender='woman')
    """
    if len(tokens) > PER_FIGURE_TOKENS:
        return population_of(tokens, counted, lang, figure, parts)
    key = (sentence_key(tokens), counted, lang, figure, parts)
    if key in _POPULATIONS:
        _POPULATIONS.move_to_end(key)
        return _POPULATIONS[key]
    found = population_of(tokens, counted, lang, figure, parts)
    _remember(_POPULATIONS, key, found)
    return found


def places(
    tokens: Sequence[Token],
    countries: Sequence[str],
    lang: str,
    body: str,
    known: Sequence[Place] = (),
    event_name: str | None = None,
) -> list[PlaceMention]:
    """:func:`~factcheck.extraction.places.find_places`, once per distinct sentence and
    reading context: the document's countries, its storm's name and the facilities named
    before (all that "the prison" may refer back to, each by everything but its offsets,
    which the place found takes from this sentence). A place's text is the body's between
    the sentence's own tokens, so a sentence seen before gives its places moved to its
    offset.

    >>> from .tokens import tokenize
    >>> body = "Ayer. Murieron 12 reclusos en el penal de Chiclayo."
    >>> a = places(tokenize(body)[2:], ["PE"], "es", body)
    >>> b = places(tokenize(body[6:]), ["PE"], "es", body[6:])
    >>> [(m.place.name, m.place.start - 6) for m in a] == [(m.place.name, m.place.start) for m in b]
    True
    """
    base = tokens[0].start if tokens else 0
    key = (
        sentence_key(tokens),
        tuple(countries),
        lang,
        event_name,
        bool(known),
        tuple(map(_PLACE_BUT_OFFSETS, known[-_RECALL:])),
    )
    found = _PLACES.get(key)
    if found is None:
        mentions = find_places(tokens, countries, lang, body, known, event_name)
        _remember(_PLACES, key, (base, mentions))
        return list(mentions)
    _PLACES.move_to_end(key)
    at, mentions = found
    moved = base - at
    if not moved:
        return list(mentions)  # places are frozen records: the same ones serve again
    return [PlaceMention(m.first, m.last, _moved(m.place, moved)) for m in mentions]


_OFFSETS = frozenset({"start", "end"})
_PLACE_BUT_OFFSETS = attrgetter(*(name for name in Place.model_fields if name not in _OFFSETS))
"""A place's fields but its offsets, in declared order (its identity in a key)."""


def _moved(place: Place, by: int) -> Place:
    update = {k: v + by for k in _OFFSETS if (v := getattr(place, k)) is not None}
    return place.model_copy(update=update) if update else place


def attributions(
    tokens: Sequence[Token], body: str, lang: str, skip: frozenset[int] = frozenset()
) -> list[Attribution]:
    """:func:`~factcheck.extraction.attribution.find_attributions`, once per distinct
    sentence and set of tokens inside times (``skip``): it reads the body only between the
    sentence's own tokens, so a sentence seen before gives its attributions with their
    sources moved to its offset.

    >>> from .tokens import tokenize
    >>> body = "Ayer. Hubo 3 muertos, informó la policía."
    >>> a = attributions(tokenize(body)[2:], body, "es")
    >>> b = attributions(tokenize(body[6:]), body[6:], "es")
    >>> [(x.source.name, x.source.start - 6) for x in a] == [(x.source.name, x.source.start) for x in b]
    True
    """
    base = tokens[0].start if tokens else 0
    key = (sentence_key(tokens), lang, skip)
    found = _ATTRIBUTIONS.get(key)
    if found is None:
        out = find_attributions(tokens, body, lang, skip)
        _remember(_ATTRIBUTIONS, key, (base, out))
        return list(out)
    _ATTRIBUTIONS.move_to_end(key)
    at, out = found
    moved = base - at
    if not moved:
        return list(out)  # attributions and their sources are frozen: the same ones serve again
    return [
        Attribution(_moved_source(a.source, moved), a.first, a.last, a.scope_from, a.outer, a.scope_to, a.lone)
        for a in out
    ]


def _moved_source(source: Source, by: int) -> Source:
    update: dict[str, object] = {"start": source.start + by, "end": source.end + by}
    if source.via is not None:
        update["via"] = _moved_source(source.via, by)
    return source.model_copy(update=update)
