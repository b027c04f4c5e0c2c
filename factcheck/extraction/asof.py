"""When a figure holds: its as-of day, read from the time mentions of its own sentence
(:func:`factcheck.extraction.times.find_times`), else the last time of the article's earlier sentences,
else the latest day the article itself gives, else the published date; each as-of says
where it was read (``derived_from``) and keeps a time of day when one is written."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache
from typing import Literal

from ..models import AsOf, AsOfFrom, Basis, Precision
from .times import _coarse, _period_end, _precision, _shift, find_times
from .timewords import Kind, TimeMention

_EARLIER_EVENT_DAYS = 7
_DATED = frozenset({"date", "weekday", "relative_day", "month", "year", "period", "now"})
_STATED = frozenset({"date", "month", "year"})


def as_of(
    mentions: Sequence[TimeMention],
    q_start: int,
    q_end: int,
    published: dt.date | None,
    precision: str | None,
    document: dt.date | None = None,
    context: Sequence[TimeMention] = (),
) -> AsOf:
    """When the figure at ``q_start:q_end`` holds: the nearest dated mention of its sentence
    (pass the sentence's mentions), else the published date, else unknown. A "since" time
    starts a period that runs to now, so it is not the as-of time. Where the published date
    is unknown or coarse, ``document`` (the latest day the article itself gives:
    :func:`document_date`) stands in for it, with basis "relative". ``context`` holds the
    mentions of the article's earlier sentences: a sentence that states no time of its own
    continues the last one of them, as a story's narrative time runs on ("...said Tuesday
    evening. Morelos had 42 deaths.").

    >>> body = "On Tuesday the toll was 443."
    >>> ms = find_times(body, 0, len(body), dt.date(2016, 4, 20), "day", "es")
    >>> a = as_of(find_times(body, 0, len(body), dt.date(2016, 4, 20), "day", "en"), 24, 27, None, None)
    >>> a.date, a.basis, a.text
    (datetime.date(2016, 4, 19), 'relative', 'Tuesday')
    """
    now = document or published
    dated = [
        m
        for m in mentions
        if m.kind in _DATED
        and m.date is not None
        and m.relation != "since"
        # the current event's date is not when its toll was counted (tolls are revised for days
        # after it); the date of an event more than a week before the article's is an earlier one's
        and (not m.event or m.kind == "year" or (now is not None and (now - m.date).days > _EARLIER_EVENT_DAYS))
    ]
    if dated:

        def distance(m: TimeMention) -> tuple[int, int]:
            gap = q_start - m.end if m.end <= q_start else max(0, m.start - q_end)
            return gap, m.start

        # a day the figure was given out on ("..., authorities said Tuesday") outweighs the
        # day of what the figure counts ("killed ... Monday night")
        reported = [m for m in dated if m.reported]
        best = min(reported or dated, key=distance)
        basis: Literal["stated", "relative"] = "stated" if best.kind in _STATED else "relative"
        return AsOf.built(
            date=best.date,
            precision=best.precision,
            basis=basis,
            text=best.text,
            start=best.start,
            end=best.end,
            derived_from=_FROM[best.kind],
            time_of_day=_time_of_day(best, mentions),
        )
    carried = [
        m
        for m in context
        if m.kind in ("date", "weekday", "relative_day", "now")
        and m.date is not None
        and m.relation != "since"
        and not m.event
    ]
    if carried:
        last = carried[-1]
        return AsOf.built(
            date=last.date,
            precision=last.precision,
            basis="stated" if last.kind == "date" else "relative",
            text=last.text,
            start=last.start,
            end=last.end,
            derived_from="earlier_sentence",
            time_of_day=_time_of_day(last, context),
        )
    if document is not None and (published is None or _precision(precision) != "day"):
        return _undated(document, "day", "relative", "article")
    if published is not None:
        date, prec = _coarse(published, _precision(precision))
        return _undated(date, prec, "published", "published")
    return _undated(None, None, "unknown", None)


_FROM: dict[Kind, AsOfFrom] = {
    "date": "date",
    "month": "month",
    "year": "year",
    "period": "year",
    "weekday": "weekday",
    "relative_day": "relative_day",
    "now": "so_far",
}
_CLOCK_NEAR = 40
"""How far (in characters) a clock time may stand from a day to be its time of day
("el martes a las 16:29", "at 6:58 pm Saturday")."""


def _time_of_day(best: TimeMention, mentions: Sequence[TimeMention]) -> str | None:
    """The part of the day written with ``best`` ("Monday night"), else a clock time beside
    it that dates no event ("a las 16:29"), as written."""
    if best.part:
        return best.part
    clocks = [
        m
        for m in mentions
        if m.kind == "clock"
        and not m.event
        and (abs(m.start - best.end) <= _CLOCK_NEAR or abs(best.start - m.end) <= _CLOCK_NEAR)
    ]
    return min(clocks, key=lambda m: min(abs(m.start - best.end), abs(best.start - m.end))).text if clocks else None


@lru_cache(maxsize=64)
def _undated(date: dt.date | None, precision: Precision | None, basis: Basis, derived: AsOfFrom | None) -> AsOf:
    """The as-of of a figure its sentence does not date: the same for most figures of a
    document, and a record is frozen, so they share one."""
    if date is None:
        return AsOf.built()
    return AsOf.built(date=date, precision=precision, basis=basis, derived_from=derived)


@lru_cache(maxsize=16)
def document_date(body: str, published: dt.date | None, precision: str | None, language: str) -> dt.date | None:
    """The latest day an article itself gives, when its published date is unknown or coarse:
    the latest full date in its text (within the published month or year, not an earlier
    event's), then the weekdays and relative days nearest that. None when the published
    date is a day already, or the text gives no full date.

    >>> body = "El sismo del 19 de septiembre. El miércoles la cifra subió a 217."
    >>> document_date(body, dt.date(2017, 9, 1), "month", "es")
    datetime.date(2017, 9, 20)
    """
    prec = _precision(precision) if published is not None else None
    if prec == "day":
        return None
    days = [m.date for m in find_times(body, 0, len(body), published, prec, language) if m.kind == "date" and m.date]
    if published is not None:
        lo, hi = _coarse(published, prec or "day")[0], _shift(_period_end(published, prec), 7) or dt.date.max
        days = [d for d in days if lo <= d <= hi]
    elif days:
        latest_year = max(d.year for d in days)
        days = [d for d in days if d.year == latest_year]
    if not days:
        return None
    anchor = max(days)
    resolved = find_times(body, 0, len(body), published, prec, language, anchor=anchor)
    near = [m.date for m in resolved if m.kind in ("weekday", "relative_day") and m.date and m.precision == "day"]
    return max([anchor, *near])


def earlier_times(
    body: str, start: int, published: dt.date | None, precision: str | None, language: str, anchor: dt.date | None
) -> tuple[TimeMention, ...]:
    """The time mentions of the article before ``start``: what a sentence that states no
    time of its own continues ("...said Tuesday evening. Morelos had 42 deaths."). The
    article is read once (:func:`_article_times`); each sentence takes the mentions that
    end before it.

    >>> body = "The toll rose on Tuesday evening. Morelos had 42 deaths."
    >>> [m.text for m in earlier_times(body, 34, dt.date(2017, 9, 20), "day", "en", None)]
    ['Tuesday evening']
    """
    mentions, ends = _article_times(body, published, precision, language, anchor)
    return mentions[: bisect_right(ends, start)]


@lru_cache(maxsize=16)
def _article_times(
    body: str, published: dt.date | None, precision: str | None, language: str, anchor: dt.date | None
) -> tuple[tuple[TimeMention, ...], list[int]]:
    """Every time mention of an article, in text order, with their end offsets (sorted, as
    mentions do not overlap) for :func:`earlier_times`."""
    mentions = tuple(find_times(body, 0, len(body), published, precision, language, anchor=anchor))
    return mentions, [m.end for m in mentions]


__all__ = ["as_of", "document_date", "earlier_times"]
