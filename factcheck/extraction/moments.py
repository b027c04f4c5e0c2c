"""A figure tied to the moment its event happened: "68 men were held at the time of the
fire", "en la estación estaban alojados 68 hombres". Such a figure holds on the event's day,
whatever time the story has reached when it is told; the words are ``event_moments`` and
``moment_states`` of ``data/<language>/times.yaml``."""

from __future__ import annotations

import datetime as dt
import re

from ..models import AsOf
from .asof import FROM_KIND, article_times, as_of_from, carries
from .timepatterns import report_words
from .times import _precision
from .timewords import TimeWords, flat, time_words

_WEEK = 7
"""Where the article gives its event no day: how far before its own day the earliest day it
names may stand to be the event's."""
_WORDS = re.compile(r"[^\W\d_]+")
_EVENT_NEAR = 4
"""How many words after an event-moment phrase its event noun may stand ("en el momento en
el que estalló el incendio")."""
_DAYS = frozenset({"date", "weekday", "relative_day"})
_EVENT_TIMES = _DAYS | {"month", "year"}


def event_moment(
    body: str,
    start: int,
    end: int,
    published: dt.date | None,
    precision: str | None,
    language: str,
    anchor: dt.date | None,
    figure: tuple[int, int] | None = None,
) -> AsOf | None:
    r"""The as-of of the figures of the sentence ``body[start:end]`` when it ties them to the
    moment an event happened ("68 men were held at the time of the fire"), or the figure at
    body offsets ``figure`` to the state things were in when it happened ("en la estación
    estaban alojados 68 hombres": ``moment_states``, in a sentence that names no day of its
    own and tells no reported speech): the day the article gives that event ("the fire broke
    out late Monday"), the last before the sentence, else the first after it; where it gives
    the event no day, the earliest day it names in the week up to the day it is read
    against. None when the sentence says no such thing or the article names no such day.

    >>> body = "The fire broke out late Monday.\nThere were 68 men in the cell at the time of the fire."
    >>> a = event_moment(body, 32, len(body), dt.date(2023, 3, 29), "day", "en", None)
    >>> a.date, a.text, a.derived_from
    (datetime.date(2023, 3, 27), 'late Monday', 'weekday')
    >>> body = "El incendio se declaró el lunes. En la estación estaban alojados 68 hombres."
    >>> a = event_moment(body, 33, len(body), dt.date(2023, 3, 29), "day", "es", None, (65, 67))
    >>> a.date, a.text
    (datetime.date(2023, 3, 27), 'el lunes')
    """
    w = time_words(language)
    text = flat(body[start:end])
    said = _moment_phrase(text, w)
    state = (
        not said
        and figure is not None
        and _moment_state(text, figure[0] - start, figure[1] - start, w)
        # "informó que los 57 retenidos se hallaban en seis cárceles": a state told in
        # reported speech is the report's, at its time
        and not _reported_clause(text[: max(0, figure[0] - start)], language)
    )
    if not said and not state:
        return None
    reading = article_times(body, published, precision, language, anchor)
    mine = reading.within(start, end)
    if state and any(m.kind in _DAYS and m.date is not None and not m.event for m in mine):
        return None  # "el martes estaban internados 15": the sentence dates the state itself
    # the event's own time in the sentence ("at the time of the 2010 quake") comes first
    own = [m for m in mine if m.event and m.date is not None and m.kind in _EVENT_TIMES]
    whole = reading.within(0, len(body))
    days = [m for m in whole if m.event and m.kind in _DAYS and m.date is not None and m.precision == "day"]
    if own:
        best = own[0]
    elif days:
        before = [m for m in days if m.start < start]
        best = before[-1] if before else days[0]
    else:
        # no day is the event's: it happened before the rest the article tells, on the
        # earliest day it names in the week up to its own ("Overnight Monday, bodies were laid out")
        now = published if _precision(precision) == "day" else anchor or published
        named = [
            m
            for m in whole
            if carries(m)
            and m.kind in _DAYS
            and m.precision == "day"
            and m.date is not None
            and now is not None
            and 0 <= (now - m.date).days <= _WEEK
        ]
        if not named:
            return None
        best = min(named, key=lambda m: (m.date or dt.date.max, m.start))
    return as_of_from(best, FROM_KIND[best.kind], best.part)


def _moment_phrase(text: str, w: TimeWords) -> bool:
    """Whether a folded sentence holds an event-moment phrase followed within a few words
    by an event noun ("at the time of the fire", "en el momento en el que estalló el incendio")."""
    for phrase in w.event_moments:
        at = text.find(phrase)
        while at >= 0:
            after = _WORDS.findall(text, at + len(phrase))[:_EVENT_NEAR]
            if any(word in w.event_nouns for word in after):
                return True
            at = text.find(phrase, at + 1)
    return False


def _reported_clause(before: str, language: str) -> bool:
    """Whether a folded text ends inside a clause of reported speech: a reporting verb, then a
    complementiser ("informó ... que", "said that") with no sentence stop after it."""
    verbs, _ = report_words(language)
    words = _WORDS.findall(before)
    that = time_words(language).complementisers
    return any(
        words[i] in that and any(v in verbs for v in words[max(0, i - _SAY_WORDS) : i]) for i in range(1, len(words))
    )


_SAY_WORDS = 25
"""How many words before "que" / "that" its reporting verb may stand ("informó por medio de
un comunicado que")."""

_STATE_BEFORE = 2
"""How many words before a figure a state verb may stand ("estaban alojados 68 hombres")."""
_STATE_AFTER = 5
"""How many words after a figure, before any other number or punctuation, a state verb may
stand ("68 personas de seis nacionalidades estaban ingresadas")."""


def _moment_state(text: str, q_start: int, q_end: int, w: TimeWords) -> bool:
    """Whether the figure at ``text[q_start:q_end]`` (folded sentence) is counted by a verb of
    the state things were in (``moment_states``: "estaban", "se encontraban") right before it
    or a few words after it, not in a relative clause of its own ("150 personas que
    permanecían en paradero desconocido ... han sido localizadas")."""
    states = w.moment_states
    # most sentences hold no such verb: one scan of the text for each before reading words
    if q_start < 0 or not any(state in text for state in states):
        return False
    before = _WORDS.findall(text[max(0, q_start - 60) : q_start])
    for k in range(1, _STATE_BEFORE + 1):
        if len(before) >= k and (before[-k] in states or " ".join(before[-k - 1 : len(before) - k + 1]) in states):
            return True
    tail = re.split(r"[,;:.()\d]", text[q_end : q_end + 80], maxsplit=1)[0]
    after = _WORDS.findall(tail)[:_STATE_AFTER]
    for i, word in enumerate(after):
        if word in w.when_words or word in w.complementisers:
            return False  # "150 personas que permanecían en paradero desconocido ... han sido localizadas"
        if word in states or " ".join(after[i : i + 2]) in states:
            return True
    return False


__all__ = ["event_moment"]
