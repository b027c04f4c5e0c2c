"""The day a when-clause gives a figure's own clause: "Ten miners were trapped when the tunnel
collapsed on Tuesday afternoon", "Diez mineros quedaron atrapados cuando el túnel colapsó el
martes por la tarde", "When the tunnel collapsed on Tuesday, ten miners were trapped".

The clause, opened by one of ``when_clauses`` of ``data/<language>/times.yaml``, tells when
what the figure's clause tells happened, whatever its verb ("collapsed" is one of
``event_verbs``, "plunged" is not: the clause is read by its conjunction, not by a list of
verbs). What its day means depends on what the figure counts (:func:`factcheck.extraction.
timelayer.claim_as_of`): people trapped, held, missing or aboard are counted at that moment,
so the figure holds on that day; a cumulative toll ("2,500 people were injured when the quake
hit Saturday evening") grows as reports come in, so the day is the event's, not the toll's."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from .. import vocabulary
from .timepatterns import alt, report_words
from .timewords import TimeMention, flat, time_words

_WORD = re.compile(r"[^\W\d_]+")
_BOUNDARY = re.compile(r"[,;:()\u2013\u2014]|\s-\s")
_STOP = re.compile(r"[;:]")
_DAYS = frozenset({"date", "weekday", "relative_day"})
_NEAR = 12
"""At most this many words between a figure and the when-clause of its own clause ("Ten
miners were trapped in the coal mine in Sabinas, Coahuila, when ..."), or between the end of
a when-clause that opens the sentence and the figure."""


@cache
def _changes(language: str) -> frozenset[str]:
    """The one-word forms of a language's events of change ("rose", "subió"), folded."""
    events = vocabulary.events(language).events.values()
    return frozenset(flat(f) for ev in events if ev.trend for f in ev.forms if " " not in f)


@cache
def _conjunctions(language: str) -> re.Pattern[str] | None:
    words = time_words(language).when_clauses
    return re.compile(r"\b(?:" + alt(sorted(words)) + r")\b") if words else None


def when_day(
    text: str, offset: int, mentions: Sequence[TimeMention], q_start: int, q_end: int, language: str
) -> TimeMention | None:
    """The day written in a when-clause that tells when the clause of the figure at body
    offsets ``q_start:q_end`` happened, for a sentence ``text`` at body offset ``offset`` with
    time mentions ``mentions``; None when there is none. The when-clause follows the
    figure's clause, a few words on with no reporting verb between ("... were trapped when
    the tunnel collapsed on Tuesday", not "..., the governor said when he visited on
    Wednesday"), or opens the sentence before it; it runs to the next comma and holds no
    reporting verb of its own ("when officials said on Tuesday" dates a report). Not when the
    figure's clause tells a change ("the toll rose to 12 when rescuers found two more bodies
    on Wednesday": the clause dates the change, the figure's own day).

    >>> import datetime as dt
    >>> from .times import find_times
    >>> s = "Ten miners were trapped when the tunnel caved in on Tuesday afternoon, the governor said."
    >>> ms = find_times(s, 0, len(s), dt.date(2025, 5, 14), "day", "en")
    >>> day = when_day(s, 0, ms, 0, 3, "en")
    >>> day.text, day.date
    ('Tuesday afternoon', datetime.date(2025, 5, 13))
    >>> s = "Ten miners were trapped, the governor said when he visited the mine on Wednesday."
    >>> ms = find_times(s, 0, len(s), dt.date(2025, 5, 14), "day", "en")
    >>> when_day(s, 0, ms, 0, 3, "en") is None
    True
    """
    dated = [t for t in mentions if _day(t)]
    if not dated:
        return None  # only a day can be given: most sentences name none, and need no reading
    pattern = _conjunctions(language)
    folded = flat(text)
    if pattern is None or pattern.search(folded) is None:
        return None
    q0, q1 = q_start - offset, q_end - offset
    verbs, _ = report_words(language)
    for m in pattern.finditer(folded):
        c0, c1 = m.span()
        stop = _BOUNDARY.search(folded, c1)
        end = stop.start() if stop else len(folded)
        if c0 >= q1:
            between = folded[q1:c0]
            # "the toll rose to 12 when rescuers found two more bodies on Wednesday": the
            # clause tells when the count changed, which is the figure's own day already
            lead = folded[max((b.end() for b in _BOUNDARY.finditer(folded, 0, q0)), default=0) : q0]
            if any(w in _changes(language) for w in _WORD.findall(lead + between)):
                continue
        elif end <= q0 and _WORD.search(folded, 0, c0) is None:
            between = folded[end:q0]  # "When the tunnel collapsed on Tuesday, ten miners were trapped"
        else:
            continue
        words = _WORD.findall(between)
        if len(words) > _NEAR or _STOP.search(between) or any(w in verbs for w in words):
            continue
        if any(w in verbs for w in _WORD.findall(folded, c1, end)):
            continue
        days = [t for t in dated if c1 <= t.start - offset and t.end - offset <= end]
        if days:
            return days[0]
    return None


def _day(t: TimeMention) -> bool:
    """Whether a time mention gives a day a when-clause may date a figure with."""
    return t.kind in _DAYS and t.date is not None and t.precision == "day" and t.relation != "since"


__all__ = ["when_day"]
