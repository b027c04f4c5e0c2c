"""Figures a sentence marks as holding before the story's time.

- A report in the pluperfect ("el Gobierno había informado previamente sobre 48 víctimas",
  "officials had reported 40 dead") tells of an earlier count, which the story has since
  moved past. When the sentence names no time of its own, such a figure holds the day before
  the time the story has reached (the day carried from earlier sentences, the article's day).
- An event placed days before the sentence's own time ("explosiones ocurridas un día después
  del estallido de un carro bomba que dejó un muerto y 30 heridos"): the figures of the
  event's own clause hold that many days before the sentence's time.
- A relative day that points back at the story's time ("the previous evening" after "on
  Thursday night", "la víspera") is counted from the last day written before it, not from
  publication.

The words come from ``earlier_auxiliaries``, ``days_after``, ``anaphoric_days`` and ``when_words`` of
``data/<language>/times.yaml``; the reporting verbs from the language's attribution words
(:func:`~.timepatterns.report_words`)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache, lru_cache

from ..models import AsOf
from .timepatterns import alt, report_words
from .timewords import TimeMention, TimeWords, flat, time_words

_WORD = re.compile(r"[^\W\d_]+")
_BETWEEN = 1
"""At most this many words between the auxiliary and its verb ("había informado
previamente" needs none, "had already reported" one)."""
_OWN_TIME = frozenset({"period", "now"})
"""Time kinds that say how long before the story's time the report was ("horas antes",
"hours earlier", "hasta el momento"): then the day is not moved."""
_DAYS = frozenset({"date", "weekday", "relative_day"})
CARRIED = frozenset({"earlier_sentence", "article", "published"})
"""Where an as-of comes from when the figure's sentence names no day of its own."""


@lru_cache(maxsize=1024)  # asked for each figure of a sentence; it reads only the sentence
def earlier_report(text: str, language: str) -> tuple[int, int] | None:
    """The offsets in ``text`` (a sentence) of a reporting verb in the pluperfect, auxiliary
    included, or None.

    >>> s = "Sin embargo, el Gobierno había informado previamente sobre 48 víctimas mortales."
    >>> a, b = earlier_report(s, "es"); s[a:b]
    'había informado'
    >>> s = "Officials had already reported 40 dead."
    >>> a, b = earlier_report(s, "en"); s[a:b]
    'had already reported'
    >>> earlier_report("Officials said 31 inmates had been killed.", "en") is None
    True
    """
    auxiliaries = time_words(language).earlier_auxiliaries
    if not auxiliaries:
        return None
    verbs, _ = report_words(language)
    folded = flat(text)
    words = list(_WORD.finditer(folded))
    for i, w in enumerate(words):
        if w.group() not in auxiliaries:
            continue
        for k in range(i + 1, min(i + 2 + _BETWEEN, len(words))):
            if words[k].group() in verbs:
                return w.start(), words[k].end()
    return None


def moved_earlier(
    found: AsOf, sentence: str, offset: int, language: str, mentions: Sequence[TimeMention]
) -> AsOf:
    """``found`` (the as-of a figure of ``sentence`` took, ``offset`` being where the
    sentence starts in the body) moved a day back when the sentence gives the figure as an
    earlier report and names no time of its own; else ``found`` unchanged.

    >>> from .asof import as_of
    >>> s = "El Gobierno había informado sobre 48 víctimas."
    >>> a = as_of([], 30, 32, dt.date(2023, 10, 30), "day")
    >>> b = moved_earlier(a, s, 0, "es", [])
    >>> b.date, b.text, b.derived_from
    (datetime.date(2023, 10, 29), 'había informado', 'published')
    """
    if found.derived_from not in CARRIED or found.date is None or found.precision != "day":
        return found
    if any(m.kind in _OWN_TIME for m in mentions):
        return found
    said = earlier_report(sentence, language)
    if said is None:
        return found
    start, end = offset + said[0], offset + said[1]
    return found.model_copy(
        update={
            "date": found.date - dt.timedelta(days=1),
            "basis": "relative",
            "text": sentence[said[0] : said[1]],
            "start": start,
            "end": end,
            "time_of_day": None,
        }
    )


def event_days_before(text: str, at: int, language: str) -> tuple[int, int, int] | None:
    """(days, start, end) when the figure at offset ``at`` of ``text`` (a sentence) belongs to
    an event the sentence places ``days`` before its own time: after a ``days_after`` phrase
    that does not open the sentence, past one of the language's ``when_words`` (the event's
    own clause: "que dejó", "that killed"), with no reporting verb between (whose clause
    would be the sentence's own: "..., officials said that 40 died"). ``start:end`` is the
    phrase in ``text``.

    >>> s = "Dos explosiones ocurrieron un día después del estallido de un coche que dejó un muerto y 30 heridos."
    >>> d, a, b = event_days_before(s, s.index("30"), "es"); d, s[a:b]
    (1, 'un día después del')
    >>> s = "Un día después del sismo que dejó 77 muertos, la cifra subió a 233."
    >>> event_days_before(s, s.index("77"), "es") is None
    True
    """
    w = time_words(language)
    pattern = _days_after(language)
    if pattern is None:
        return None
    folded = flat(text[:at])
    verbs, _ = report_words(language)
    best: tuple[int, int, int] | None = None
    for m in pattern.finditer(folded):
        if not folded[: m.start()].strip(" \t\"'“«—-"):
            continue  # the phrase opens the sentence: its main clause is the event's after
        between = folded[m.end() :]
        if any(v in verbs for v in _WORD.findall(between)):
            continue
        if not any(re.search(r"\b" + re.escape(c) + r"\b", between) for c in w.when_words):
            continue
        best = (w.days_after[" ".join(m.group().split())], m.start(), m.end())
    return best


@cache
def _days_after(language: str) -> re.Pattern[str] | None:
    """One pattern for the ``days_after`` phrases of a language, longest first."""
    phrases = time_words(language).days_after
    return re.compile(rf"\b(?:{alt(list(phrases))})\b") if phrases else None


def moved_to_event(found: AsOf, sentence: str, offset: int, at: int, language: str) -> AsOf:
    """``found`` moved back to the day of the event the figure at body offset ``at`` belongs
    to when the sentence places that event days before its own time
    (:func:`event_days_before`); else ``found`` unchanged.

    >>> from .asof import as_of
    >>> s = "Las explosiones ocurrieron un día después del estallido de un coche que dejó 30 heridos."
    >>> a = as_of([], 76, 78, dt.date(2025, 10, 15), "day")
    >>> moved_to_event(a, s, 0, s.index("30"), "es").date
    datetime.date(2025, 10, 14)
    """
    if found.date is None or found.precision != "day":
        return found
    placed = event_days_before(sentence, at - offset, language)
    if placed is None:
        return found
    days, start, end = placed
    return found.model_copy(
        update={
            "date": found.date - dt.timedelta(days=days),
            "basis": "relative",
            "text": sentence[start:end],
            "start": offset + start,
            "end": offset + end,
            "time_of_day": None,
        }
    )


def from_story(found: list[TimeMention], words: TimeWords, earlier: TimeMention | None) -> list[TimeMention]:
    """A paragraph's mentions with each relative day that points back at the story's time
    ("the previous evening" after "on Thursday night", "la víspera": ``anaphoric_days``)
    counted from the last day written before it (in the paragraph, else ``earlier``, the
    day carried from the paragraphs before), not from publication; as they were when no day
    stands before it.

    >>> from .times import find_times
    >>> body = "Inmates held 57 guards on Thursday night. Two bombs went off the previous evening."
    >>> ms = find_times(body, 0, len(body), dt.date(2023, 9, 4), "day", "en")
    >>> [(m.text, m.date) for m in from_story(ms, time_words("en"), None)][1]
    ('the previous evening', datetime.date(2023, 8, 30))
    """
    out: list[TimeMention] = []
    last = earlier
    for m in found:
        key = " ".join(flat(m.text).split())
        phrase = next((p for p in words.anaphoric_days if key.startswith(p)), None)
        if m.kind != "relative_day":
            phrase = None
        if phrase is not None and last is not None and last.date is not None:
            m = replace(m, date=last.date + dt.timedelta(days=words.relative_days[phrase]), precision="day")
        out.append(m)
        if m.kind in _DAYS and m.date is not None and m.precision == "day" and not m.event and m.relation != "since":
            last = m
    return out


__all__ = ["CARRIED", "earlier_report", "event_days_before", "from_story", "moved_earlier", "moved_to_event"]
