"""Figures a sentence marks as given out before the story's time: a report in the
pluperfect ("el Gobierno había informado previamente sobre 48 víctimas", "officials had
reported 40 dead") tells of an earlier count, which the story has since moved past. When the
sentence names no time of its own, such a figure holds the day before the time the story has
reached (the day carried from earlier sentences, the article's day), not on it.

The auxiliaries come from ``earlier_auxiliaries`` of ``data/<language>/times.yaml``; the
reporting verbs from the language's attribution words (:func:`~.timepatterns.report_words`)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from ..models import AsOf
from .timepatterns import report_words
from .timewords import TimeMention, flat, time_words

_WORD = re.compile(r"[^\W\d_]+")
_BETWEEN = 1
"""At most this many words between the auxiliary and its verb ("había informado
previamente" needs none, "had already reported" one)."""
_OWN_TIME = frozenset({"period", "now"})
"""Time kinds that say how long before the story's time the report was ("horas antes",
"hours earlier", "hasta el momento"): then the day is not moved."""
CARRIED = frozenset({"earlier_sentence", "article", "published"})
"""Where an as-of comes from when the figure's sentence names no day of its own."""


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


__all__ = ["CARRIED", "earlier_report", "moved_earlier"]
