"""A figure whose day is told by the sentence after it.

An article's first figures often come before any day is written: "Durante un período de
aproximadamente 36 horas, 34 guardias y 10 policías permanecieron bajo la custodia de los
reclusos. Fueron puestos en libertad durante la noche del jueves 31 de agosto." The second
sentence goes on about the same people (its subject is a pronoun, or dropped before an
auxiliary as Spanish and Portuguese write it) and says when their state ended: the figures
before it hold on that day, not on the day of publication. Only a sentence that names no
time of its own and has no earlier time to continue (:func:`~.asof.as_of` fell back on the
article's or the published day) is dated so, and only by the next sentence of its own
paragraph.

The words that open such a sentence are ``continued_openers`` of ``data/<language>/times.yaml``.
"""

from __future__ import annotations

import datetime as dt
import re

from ..models import AsOf
from .asof import as_of_from, carries, sentence_times
from .timewords import flat, time_words
from .tokens import iter_sentences

_FALLBACK = frozenset({"article", "published"})
"""Where an as-of comes from when neither its sentence nor an earlier one dates it."""
_WORD = re.compile(r"[^\W\d_]+")


def told_next(
    found: AsOf,
    body: str,
    end: int,
    published: dt.date | None,
    precision: str | None,
    language: str,
    anchor: dt.date | None,
) -> AsOf:
    """``found`` (the as-of of a figure of the sentence that ends at ``end``) replaced by the
    first day the next sentence of its paragraph gives, when ``found`` is only the article's
    or the published day and that sentence goes on about the same people (opens with one of
    ``continued_openers``); else ``found`` unchanged.

    >>> from .asof import as_of
    >>> body = "Nearly 30 guards were held at the prison. They were freed on Thursday night."
    >>> a = as_of([], 7, 9, dt.date(2023, 9, 2), "day")
    >>> b = told_next(a, body, 41, dt.date(2023, 9, 2), "day", "en", None)
    >>> b.date, b.text, b.derived_from
    (datetime.date(2023, 8, 31), 'Thursday night', 'next_sentence')
    >>> other = "Nearly 30 guards were held. Police said on Thursday."
    >>> told_next(a, other, 27, dt.date(2023, 9, 2), "day", "en", None) is a
    True
    """
    if found.derived_from not in _FALLBACK:
        return found
    openers = time_words(language).continued_openers
    if not openers:
        return found
    stop = body.find("\n", end)
    stop = len(body) if stop < 0 else stop
    nxt = next(iter_sentences(body[end:stop], language), None)
    if nxt is None:
        return found
    start, finish = end + nxt[0], end + nxt[1]
    first = _WORD.search(flat(body[start:finish]))
    if first is None or first.start() > 2 or first.group() not in openers:
        return found  # a new subject ("Police said on Thursday"): its day is its own
    days = [
        m
        for m in sentence_times(body, start, finish, published, precision, language, anchor)
        if carries(m) and m.precision == "day"
    ]
    if not days:
        return found
    return as_of_from(days[0], "next_sentence", days[0].part)


__all__ = ["told_next"]
