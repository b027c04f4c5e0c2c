"""Background figures: a number about an earlier event ("the 1985 quake killed nearly
10,000", "la catástrofe de Haití de ese mismo año, con más de 300.000 muertos") is tied to
its own year so it is never compared with the current incident's figures."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from functools import lru_cache

from ..models import Background
from .timewords import TimeMention, TimeWords, flat, time_words

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# a semicolon or a contrast ends the stretch of a sentence a year can scope; "while" before a
# verb in -ing is a time, not a contrast ("died while crossing the Mediterranean last year")
_BREAK = re.compile(r";|\s(?:but|while(?!\s+\w+ing\b)|whereas|pero|mientras|sin embargo)\s")
_REACH = 160


@lru_cache(maxsize=8)
def _latest_year(body: str, language: str) -> int | None:
    """The year of an undated article's own incident: the latest year of its full dates;
    else, when it tells its news by weekdays ("on Sunday") and names years only for events
    ("an earthquake in 1987"), a year after the latest of those; else the latest year."""
    from .times import find_times

    mentions = find_times(body, 0, len(body), None, None, language)
    dated = [m.year for m in mentions if m.year and m.kind in ("date", "month")]
    if dated:
        return max(dated)
    years = [m.year for m in mentions if m.year and m.kind == "year"]
    if not years:
        return None
    current = any(m.kind in ("weekday", "relative_day") for m in mentions)
    return max(years) + 1 if current else max(years)


def _event_span(body: str, m: TimeMention, w: TimeWords) -> tuple[int, int] | None:
    """The span from an event noun to the year when one stands within three words of it
    ("the 1985 quake", "Haiti's 2010 earthquake", "el terremoto de 1985")."""
    before = list(_WORD.finditer(body, max(0, m.start - 40), m.start))[-3:]
    after = list(_WORD.finditer(body, m.end, m.end + 40))[:3]
    for word in after:
        if flat(word.group()) in w.event_nouns:
            return m.start, word.end()
    for word in reversed(before):
        if flat(word.group()) in w.event_nouns:
            return word.start(), m.end
    return None


def _when_follows(body: str, m: TimeMention, w: TimeWords) -> bool:
    """ "since 1987, when about 1,000 died": the year opens a clause about itself."""
    rest = flat(body[m.end : m.end + 20]).lstrip(" ,")
    return any(rest.startswith(word + " ") for word in w.when_words)


@lru_cache(maxsize=16)
def _same_year_patterns(language: str) -> tuple[re.Pattern[str], ...]:
    """One pattern per "that same year" phrase of the language, in its table's order."""
    return tuple(
        re.compile(r"\b" + r"\s+".join(map(re.escape, phrase.split())) + r"\b")
        for phrase in time_words(language).same_year
    )


def _same_year(
    body: str, s_start: int, s_end: int, language: str, w: TimeWords, published: dt.date | None
) -> list[TimeMention]:
    """ "ese mismo año", "that same year": a mention of the last year written before it."""
    return list(_same_year_of(body, s_start, s_end, language, published))


@lru_cache(maxsize=8192)
def _names_same_year(language: str, sentence: str) -> bool:
    """Whether a "that same year" phrase of the language stands in ``sentence``: once per
    distinct sentence, which copies of a story repeat under other dates."""
    text = flat(sentence)
    return any(pattern.search(text) for pattern in _same_year_patterns(language))


@lru_cache(maxsize=64)
def _same_year_of(
    body: str, s_start: int, s_end: int, language: str, published: dt.date | None
) -> tuple[TimeMention, ...]:
    """:func:`_same_year`, once per sentence (each of its figures asks; frozen mentions)."""
    from .times import find_times

    if not _names_same_year(language, body[s_start:s_end]):
        return ()  # most sentences: nothing to read, whatever the article and its date
    out: list[TimeMention] = []
    text = flat(body[s_start:s_end])
    for pattern in _same_year_patterns(language):
        for hit in pattern.finditer(text):
            a, b = s_start + hit.start(), s_start + hit.end()
            if any(o.start <= a < o.end for o in out):
                continue
            earlier = [t for t in find_times(body, max(0, a - 600), a, published, None, language) if t.year]
            if earlier:
                y = earlier[-1].year
                out.append(TimeMention(a, b, body[a:b], "year", dt.date(y, 1, 1), "year", y))  # type: ignore[arg-type]
    return tuple(out)


def find_background(
    body: str,
    s_start: int,
    s_end: int,
    mentions: Sequence[TimeMention],
    q_start: int,
    q_end: int,
    language: str,
    published: dt.date | None,
) -> Background | None:
    """The earlier event the figure at ``q_start:q_end`` is about, or None.

    The nearest dated time of the sentence decides: when it is a year before the article's
    own (the published year, or the latest year an undated article names), the figure is
    background. A "since" year starts a period running to now ("the strongest since 1979")
    unless a "when" clause about that year follows.

    >>> body = "Ecuador's deadliest quake since 1987, when about 1,000 people died."
    >>> from .times import find_times
    >>> ms = find_times(body, 0, len(body), dt.date(2016, 4, 17), "day", "en")
    >>> find_background(body, 0, len(body), ms, 49, 54, "en", dt.date(2016, 4, 17)).text
    '1987'
    """
    w = time_words(language)
    ref = published.year if published is not None else _latest_year(body, language)
    if ref is None:
        return None
    inside = [m for m in mentions if s_start <= m.start and m.end <= s_end and m.date is not None]
    inside += _same_year(body, s_start, s_end, language, w, published)
    candidates = [m for m in inside if m.relation != "since" or _when_follows(body, m, w)]
    if not candidates:
        return None

    def gap(m: TimeMention) -> int:
        return q_start - m.end if m.end <= q_start else max(0, m.start - q_end)

    best = min(candidates, key=lambda m: (gap(m), m.start))
    if best.year is None or best.year >= ref or gap(best) > _REACH:
        return None
    lo, hi = (best.end, q_start) if best.end <= q_start else (q_end, best.start)
    if _BREAK.search(flat(body[lo:hi])):
        return None
    # "quake since 1987" is not the name of the 1987 event: only a bare year takes its noun
    span = _event_span(body, best, w) if best.relation is None and best.text.isdigit() else None
    a, b = span or (best.start, best.end)
    return Background(year=best.year, text=body[a:b], start=a, end=b)
