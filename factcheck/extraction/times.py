"""When a figure holds: every time expression of a sentence (dates, weekdays, relative days,
months, years, clock times, periods) as a :class:`TimeMention` with exact offsets, resolved
against the published date; the as-of time of a figure; and whether a figure is background
about an earlier event ("the 1985 quake killed nearly 10,000").

The words come from ``data/<language>/times.yaml``. Matching runs over a lower-cased,
accent-folded copy of the text that keeps every offset, so each mention's ``text`` is
``body[start:end]`` exactly."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from typing import NamedTuple

from ..models import Precision, TimeRef
from .background import find_background as background_of
from .timepatterns import (
    count_follows,
    is_year,
    letter_runs,
    non_overlapping,
    patterns,
    with_event,
    with_relation,
    with_report,
)
from .timewords import Kind, Relation, TimeMention, flat
from .tokens import Token

_DIGITS = re.compile(r"[0-9]+")


def _precision(precision: str | None) -> Precision:
    """A published date's precision as given, day when unsaid."""
    if precision == "month":
        return "month"
    return "year" if precision == "year" else "day"


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _shift(day: dt.date, days: int) -> dt.date | None:
    """``day`` moved by ``days``, or None past the calendar's ends (year 1, year 9999)."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return None


def _coarse(published: dt.date, precision: Precision) -> tuple[dt.date, Precision]:
    """The published date reduced to what is known of it."""
    if precision == "year":
        return published.replace(month=1, day=1), "year"
    if precision == "month":
        return published.replace(day=1), "month"
    return published, "day"


def _relative(
    published: dt.date | None, precision: Precision | None, days: int
) -> tuple[dt.date | None, Precision | None]:
    """A day counted from the published date; with a month-precision published date only
    the month is known (and stays the published month: never a wrong day)."""
    if published is None:
        return None, None
    if (precision or "day") != "day":
        return _coarse(published, precision or "day")
    return _shift(published, days), "day" if _shift(published, days) else None


def _period_end(published: dt.date, precision: Precision | None) -> dt.date:
    """The last day a coarse published date may stand for (2016-04: 30 April)."""
    if precision == "year":
        return published.replace(month=12, day=31)
    if precision == "month":
        nxt = _safe_date(published.year + (published.month == 12), published.month % 12 + 1, 1)
        return (nxt - dt.timedelta(days=1)) if nxt else published.replace(day=31)
    return published


def _day_of_year(
    published: dt.date | None, precision: Precision | None, month: int, day: int
) -> tuple[dt.date | None, int | None]:
    """A day and month with no year: in the published year, or the year before when that
    would put it well after publication (news reports the past)."""
    if published is None:
        return None, None
    date = _safe_date(published.year, month, day)
    if date is not None and (date - _period_end(published, precision)).days > 7 and published.year > 1:
        date = _safe_date(published.year - 1, month, day)
    return date, date.year if date else None


def find_times(
    body: str,
    start: int,
    end: int,
    published: dt.date | None,
    precision: str | None,
    language: str,
    anchor: dt.date | None = None,
) -> list[TimeMention]:
    """Every time expression in ``body[start:end]``, in text order, none overlapping.

    Dates cover all their numbers (the language layer drops numbers inside these spans, so
    "19 de septiembre" is never a claim). Weekdays and relative days resolve against
    ``published`` at its ``precision``; when that is unknown or coarse, against ``anchor``
    (a day the text itself gives: :func:`document_date`), a weekday to the such day nearest
    it. A language without time words of its own is read with its fallback's (or English).

    >>> body = "The toll rose to 233 on Sunday, up from 77 yesterday."
    >>> [(m.text, m.date) for m in find_times(body, 0, len(body), dt.date(2016, 4, 19), "day", "en")]
    [('Sunday', datetime.date(2016, 4, 17)), ('yesterday', datetime.date(2016, 4, 18))]
    >>> body = "el 19 de septiembre de 2017, a las 13:14 horas"
    >>> [(m.text, m.kind) for m in find_times(body, 0, len(body), None, None, "es")]
    [('19 de septiembre de 2017', 'date'), ('13:14 horas', 'clock')]
    """
    p = patterns(language)
    w = p.words
    prec = _precision(precision) if published is not None else None
    anchored = anchor is not None and prec != "day"
    text = flat(body[start:end])
    found: list[TimeMention] = []
    d: dt.date | None
    pr: Precision | None

    def add(
        m: re.Match[str],
        kind: Kind,
        date: dt.date | None,
        pr: Precision | None,
        a: int | None = None,
        year: int | None = None,
        period: bool = False,
    ) -> None:
        lo, hi = start + (m.start() if a is None else a), start + m.end()
        if year is None and date is not None:
            year = date.year
        part = None
        for group in ("pre", "part"):
            if group in m.re.groupindex and m[group]:
                part = body[start + m.start(group) : start + m.end(group)]
        found.append(
            TimeMention(lo, hi, body[lo:hi], kind, date, pr if date is not None else None, year, period, part=part)
        )

    scan = _scan(language, text)
    for m in scan.iso:
        d = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
        add(m, "date", d, "day")
    for m in scan.numeric:
        a, b = int(m["a"]), int(m["b"])
        day, month = (b, a) if w.date_order == "mdy" and a <= 12 else (a, b)
        d = _safe_date(int(m["y"]), month, day)
        add(m, "date", d, "day", year=int(m["y"]))
    for matches in scan.day_month:
        for m in matches:
            day, month = int(m["d"]), w.months[_k(m["m"])]
            if not 1 <= day <= 31 or (not m["y"] and count_follows(text, m.end())):
                continue  # "in April 23 people died": a count, not a day
            if m["y"]:
                d = _safe_date(int(m["y"]), month, day)
                add(m, "date", d, "day", year=int(m["y"]))
            else:
                d, y = _day_of_year(published, prec, month, day)
                add(m, "date", d, "day", year=y)
    for m in scan.dateline:
        day = int(m["d"])
        if 1 <= day <= 31:
            d, y = _day_of_year(published, prec, w.dateline_months[_k(m["m"])], day)
            add(m, "date", d, "day", year=y)
    for m in scan.month_year:
        add(m, "month", _safe_date(int(m["y"]), w.months[_k(m["m"])], 1), "month", year=int(m["y"]))
    for m in scan.bare_month:
        word = body[start + m.start("m") : start + m.end("m")]
        if w.capitalised_months and not word[:1].isupper():
            continue  # "may" the verb, "march" the walk
        if not w.capitalised_months and word[:1].isupper() and _after_a_name(body, start + m.start()):
            continue  # "Rio de Janeiro", "Plaza de Mayo": where months are small, a name
        d = None
        if published is not None:
            y = published.year - (1 if w.months[_k(m["m"])] > published.month and published.year > 1 else 0)
            d = _safe_date(y, w.months[_k(m["m"])], 1)
        add(m, "month", d, "month", a=m.start("m"))
    for m in scan.weekday:
        how = w.weekday_modifiers.get(re.sub(r"\s+", " ", m["mod"]), "back") if m["mod"] else "back"
        if anchored and anchor is not None:
            d, pr = _nearest(anchor, w.weekdays[_k(m["wd"])]), "day"
        elif how == "week" and published is not None and prec == "day":
            d, pr = _nearest(published, w.weekdays[_k(m["wd"])]), "day"
        elif how == "next" and published is not None and prec == "day":
            d, pr = _shift(published, (w.weekdays[_k(m["wd"])] - published.weekday() - 1) % 7 + 1), "day"
        else:
            d, pr = _weekday(published, prec, w.weekdays[_k(m["wd"])], 7 if how == "last" else 0)
        add(m, "weekday", d, pr)
    for m in scan.relative:
        if anchored and anchor is not None:
            d, pr = _shift(anchor, w.relative_days[_k(m["r"])]), "day"
        else:
            d, pr = _relative(published, prec, w.relative_days[_k(m["r"])])
        add(m, "relative_day", d, pr)
    for m in scan.period:
        spec = w.periods[_k(m["p"])]
        if spec.now and anchored and anchor is not None:
            add(m, "now", anchor, "day")
        elif spec.now:
            d, pr = (None, None) if published is None else _coarse(published, prec or "day")
            add(m, "now", d, pr)
        elif spec.years is not None and published is not None and 1 <= published.year + spec.years <= 9999:
            y = published.year + spec.years
            add(m, "period", dt.date(y, 1, 1), "year", year=y, period=False)
        else:
            add(m, "period", None, None, period=not spec.recent)
    for pat, matches in scan.clocks:
        for m in matches:
            if int(m["h"]) > 24 or (m["mi"] and int(m["mi"]) > 59):
                continue
            suffix = m.groupdict().get("suf")
            if pat is p.clock_suffixed and suffix in w.weak_clock_suffixes and not m["pre"]:
                continue  # "72 horas" is a duration; "a las 19 horas" a clock time
            add(m, "clock", None, None, a=m.start("h"))
    for m in scan.year:
        if is_year(text, m, w):
            y = int(m["y"])
            add(m, "year", dt.date(y, 1, 1), "year", year=y)
    reading = anchor if anchored else published if prec == "day" else None
    chosen = non_overlapping(_weekdays_into_dates(found, body, reading))
    return [_marked(t, language, text, start) for t in chosen]


def _marked(t: TimeMention, language: str, text: str, start: int) -> TimeMention:
    """``t`` with the word before it that relates a figure to it, whether it dates an event
    and whether it follows a reporting verb: what the words around it say, read once per
    distinct text (the marks depend on the mention's place in the text and its kind, not
    on the day it resolves to, which copies of a story moved by days do not share)."""
    marks = _marks(language, text, t.kind, t.start - start, t.end - start, t.relation, t.event, t.reported, t.in_clause)
    if marks == (t.relation, t.event, t.reported, t.in_clause):
        return t
    return replace(t, relation=marks[0], event=marks[1], reported=marks[2], in_clause=marks[3])


@lru_cache(maxsize=8192)
def _marks(
    language: str,
    text: str,
    kind: Kind,
    start: int,
    end: int,
    relation: Relation | None,
    event: bool,
    reported: bool,
    in_clause: bool,
) -> tuple[Relation | None, bool, bool, bool]:
    """:func:`_marked` of a mention at ``text[start:end]`` (the marks it has already given)."""
    p = patterns(language)
    t = TimeMention(
        start, end, text[start:end], kind, relation=relation, event=event, reported=reported, in_clause=in_clause
    )
    t = with_report(with_event(with_relation(t, p, text, 0), p.words, text, 0), language, text, 0)
    return t.relation, t.event, t.reported, t.in_clause


class _Scan(NamedTuple):
    """What each pattern of a language matches in a (flattened) text, in text order."""

    iso: list[re.Match[str]]
    numeric: list[re.Match[str]]
    day_month: tuple[list[re.Match[str]], ...]
    dateline: list[re.Match[str]]
    month_year: list[re.Match[str]]
    bare_month: list[re.Match[str]]
    weekday: list[re.Match[str]]
    relative: list[re.Match[str]]
    period: list[re.Match[str]]
    clocks: tuple[tuple[re.Pattern[str], list[re.Match[str]]], ...]
    year: list[re.Match[str]]


@lru_cache(maxsize=8192)
def _scan(language: str, text: str) -> _Scan:
    """The matches :func:`find_times` reads, once per distinct text and language: they
    depend on the words alone, and what they mean on the published date, which copies of
    a story moved by days do not share (each match is read only through its offsets and
    groups, the same in an equal text)."""
    p = patterns(language)
    # each pattern runs only on a text holding the words or digits it needs: most
    # sentences name no month, weekday or clock time, and a dozen searches cost more than
    # the look at its runs of letters and digits that rules them out
    words = letter_runs(text)
    runs = _DIGITS.findall(text)
    digits = bool(runs)
    year4 = any(len(r) == 4 for r in runs)
    months = p.months.open(words)
    clocks = (
        ((p.clock,) if ":" in text or "h" in words else ())
        + ((p.clock_suffixed,) if p.clock_suffixes.open(words) else ())
        + ((p.clock_prefixed,) if p.clock_prefixed is not None and p.clock_articles.open(words) else ())
        if digits
        else ()
    )
    return _Scan(
        list(p.iso.finditer(text)) if year4 and "-" in text else [],
        list(p.numeric.finditer(text)) if year4 else [],
        tuple(list(pat.finditer(text)) for pat in ((p.dmy, p.mdy) if digits and months else ())),
        list(p.dateline.finditer(text)) if p.dateline is not None and digits and "(" in text else [],
        list(p.month_year.finditer(text)) if year4 and months else [],
        list(p.bare_month.finditer(text)) if months else [],
        list(p.weekday.finditer(text)) if p.weekdays.open(words) else [],
        list(p.relative.finditer(text)) if p.relative_days.open(words) else [],
        list(p.period.finditer(text)) if p.periods.open(words) else [],
        tuple((pat, list(pat.finditer(text))) for pat in clocks),
        list(p.year.finditer(text)) if year4 else [],
    )


def _after_a_name(body: str, at: int) -> bool:
    """Whether the word before offset ``at`` (a month's preposition) is capitalised and
    inside its sentence: the month after it is part of a name ("Rio de Janeiro").

    >>> _after_a_name("na região serrana do Rio de Janeiro", 25), _after_a_name("Desde enero", 0)
    (True, False)
    """
    words = body[max(0, at - 40) : at].split()
    return bool(words) and words[-1][:1].isupper() and words[-1][-1:] not in ".:;!?"


def _weekdays_into_dates(found: list[TimeMention], body: str, reading: dt.date | None = None) -> list[TimeMention]:
    """A date joined with the weekday read over its first word ("la noche del lunes 27 de
    marzo": the weekday with its part of the day and the date share "lunes"): one date
    mention over both, with the weekday's part of the day, so that neither the longer
    weekday nor a bare month left over wins the span. Where the two disagree ("la tarde del
    martes, 14 de septiembre" in a year whose 14 September is a Sunday) and the same day of
    the month before or after is that weekday within a week of ``reading`` (the day the
    article is read against), the month was written wrong and that day is the date."""
    weekdays = [t for t in found if t.kind == "weekday"]
    if not weekdays:
        return found
    out: list[TimeMention] = []
    joined: set[int] = set()
    for t in found:
        if t.kind == "date":
            over = [w for w in weekdays if w.start < t.end and t.start < w.end]
            if over:
                w = over[0]
                joined.add(id(w))
                lo, hi = min(w.start, t.start), max(w.end, t.end)
                date = _agreeing(t.date, w.date, reading)
                t = replace(t, start=lo, end=hi, text=body[lo:hi], part=w.part or t.part, date=date)
        out.append(t)
    return [t for t in out if id(t) not in joined]


def _agreeing(date: dt.date | None, weekday: dt.date | None, reading: dt.date | None) -> dt.date | None:
    """``date``, or the same day of the month before or after it when only that one falls on
    ``weekday``'s day of the week within a week of ``reading``.

    >>> _agreeing(dt.date(2025, 9, 14), dt.date(2025, 10, 14), dt.date(2025, 10, 15))
    datetime.date(2025, 10, 14)
    >>> _agreeing(dt.date(2025, 9, 14), dt.date(2025, 10, 14), dt.date(2025, 9, 20))
    datetime.date(2025, 9, 14)
    """
    if date is None or weekday is None or reading is None or date.weekday() == weekday.weekday():
        return date
    fits = []
    for step in (-1, 1):
        y, m = divmod(date.year * 12 + date.month - 1 + step, 12)
        other = _safe_date(y, m + 1, date.day) if 1 <= y <= 9999 else None
        if other and other.weekday() == weekday.weekday() and abs((other - reading).days) <= 7:
            fits.append(other)
    return fits[0] if len(fits) == 1 else date


def _nearest(day: dt.date, weekday: int) -> dt.date | None:
    """The such weekday nearest ``day``, up to three days either way (the earlier on a tie)."""
    return _shift(day, (weekday - day.weekday() + 3) % 7 - 3)


def _weekday(
    published: dt.date | None, precision: Precision | None, weekday: int, extra: int
) -> tuple[dt.date | None, Precision | None]:
    """The latest such weekday on or before the published date ("on Sunday"); "last
    Tuesday" written on a Tuesday steps a further week back."""
    if published is None:
        return None, None
    if precision != "day":
        return _coarse(published, precision or "day")
    back = (published.weekday() - weekday) % 7
    if back == 0:
        back = extra
    d = _shift(published, -back)
    return d, "day" if d else None


def find_time(
    tokens: Sequence[Token],
    published: dt.date | None,
    body: str | None = None,
    language: str = "en",
    precision: str | None = None,
) -> TimeRef | None:
    """The first explicit time in a sentence's tokens (dates, weekdays, relative days,
    months, years, periods), as a :class:`TimeRef` whose text slices back to the body.

    Kept for callers that work on tokens; pass ``body`` for exact text (without it the text
    between tokens is rebuilt as spaces).

    >>> from .tokens import tokenize
    >>> find_time(tokenize("119 inmates died in 2021."), None).year
    2021
    >>> find_time(tokenize("declared on Tuesday"), dt.date(2023, 7, 26)).date
    datetime.date(2023, 7, 25)
    """
    if not tokens:
        return None
    if body is None:
        chars = [" "] * tokens[-1].end
        for t in tokens:
            chars[t.start : t.end] = t.text
        body = "".join(chars)
    for m in find_times(body, tokens[0].start, tokens[-1].end, published, precision, language):
        if m.kind in ("clock", "now"):
            continue
        date = None if m.kind in ("year", "month") and m.precision != "day" else m.date
        return TimeRef.built(
            text=m.text,
            start=m.start,
            end=m.end,
            date=date,
            year=m.year,
            period=m.period,
            precision=m.precision,
        )
    return None


def _k(word: str) -> str:
    """A matched phrase as its table writes it: any run of white space (a CR, a tab, two
    spaces: "hasta\\rel momento") is one space."""
    return " ".join(word.split())


__all__ = ["TimeMention", "background_of", "find_time", "find_times"]
