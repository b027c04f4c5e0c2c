"""Events a text names ("Hurricane Milton", "el huracán Otis"): a figure beside another
named event than the article's own is about that one ("two weeks after Hurricane Helene
killed more than 230 people"), and is never compared with the article's own figures.

The words that give a name are the ``name_givers`` of ``data/<lang>/places.yaml`` (after
them a capitalised word is no place either)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from functools import cache, lru_cache

from ..gazetteer import fold
from ..models import Background
from .placewords import name_giver_words, place_words
from .sentence import Sentence

_REACH = 12
"""Tokens at most between an event's name and a figure said of it."""


@cache
def _pattern(lang: str) -> re.Pattern[str]:
    """A name giver (any case) and the capitalised name after it."""
    givers = sorted((g for g in place_words(lang).name_givers if g.strip()), key=len, reverse=True)
    if not givers:
        return re.compile(r"(?!)")
    alternation = "|".join(r"\s+".join(map(re.escape, g.split())) for g in givers)
    return re.compile(rf"\b(?i:{alternation})\s+(?P<name>[A-ZÁÉÍÓÚÑ][^\W\d_]+)")


def main_event_name(body: str, lang: str) -> str | None:
    """The name of the first event the article names: its own (folded).

    >>> main_event_name("Hurricane Milton kills 16. It came after Hurricane Helene.", "en")
    'milton'
    """
    pattern = _pattern(lang)
    at = 0
    for line in body.split("\n"):
        # a name starts where the first word of a name giver does: tried only there, each
        # line's such places found once per distinct line (copies of a story repeat most)
        for k in _opening_words(line, lang) if len(line) <= _KEPT_LINE else _openings(line, lang):
            m = pattern.match(body, at + k)
            if m:
                return fold(m["name"])
        at += len(line) + 1
    return None


_KEPT_LINE = 10_000
"""Lines of at most this many characters have their places kept."""


@cache
def _firsts(lang: str) -> re.Pattern[str]:
    """The first word of any name giver (any case), where a word starts."""
    words = sorted({g.split()[0] for g in place_words(lang).name_givers if g.strip()}, key=len, reverse=True)
    if not words:
        return re.compile(r"(?!)")
    return re.compile(rf"\b(?i:{'|'.join(map(re.escape, words))})")


def _openings(line: str, lang: str) -> Iterator[int]:
    """Every offset of ``line`` where the first word of a name giver starts, in order."""
    first = _firsts(lang)
    m = first.search(line)
    while m is not None:
        yield m.start()
        m = first.search(line, m.start() + 1)


@lru_cache(maxsize=8192)
def _opening_words(line: str, lang: str) -> tuple[int, ...]:
    """:func:`_openings`, once per distinct line."""
    return tuple(_openings(line, lang))


def named_in(sent: Sentence) -> list[re.Match[str]]:
    """The events the sentence names, in order (one regex pass, for a sentence that holds
    a name giver at all)."""
    if name_giver_words(sent.language).isdisjoint([t.lower for t in sent.tokens]):
        return []
    return list(_pattern(sent.language).finditer(sent.body, sent.start, sent.end))


def other_named_event(
    sent: Sentence, own: str | None, start: int, named: Sequence[re.Match[str]] | None = None
) -> Background | None:
    """The event named, other than the article's own ``own``, that the figure starting at
    body offset ``start`` stands right after, or None. ``named`` is :func:`named_in` of the
    sentence, when the caller has it.

    >>> from .sentence import Sentence
    >>> from .tokens import tokenize_span
    >>> body = "Milton came two weeks after Hurricane Helene killed more than 230 people."
    >>> sent = Sentence(body, 0, len(body), 0, "en", tokenize_span(body, 0, len(body)))
    >>> other_named_event(sent, "milton", body.index("230")).text
    'Hurricane Helene'
    """
    if own is None:
        return None
    if named is None:
        named = named_in(sent)
    best = None
    for m in named:
        if m.end() <= start:
            best = m
    if best is None or fold(best["name"]) == own:
        return None
    starts = [t.start for t in sent.tokens]
    between = bisect_left(starts, start) - bisect_left(starts, best.end())
    if between > _REACH or ";" in sent.body[best.end() : start]:
        return None
    return Background(year=None, text=best.group(), start=best.start(), end=best.end())
