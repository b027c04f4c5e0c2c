"""When a figure holds: its as-of day, read from the time mentions of its own sentence
(:func:`factcheck.extraction.times.find_times`), else the last time of the article's earlier sentences,
else the latest day the article itself gives, else the published date; each as-of says
where it was read (``derived_from``) and keeps a time of day when one is written."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Literal

from ..models import AsOf, AsOfFrom, Basis, Precision
from .earlier import from_story
from .timepatterns import report_words
from .times import _coarse, _period_end, _precision, _shift, find_times
from .timewords import Kind, TimeMention, flat, time_words

_EARLIER_EVENT_DAYS = 7
_DATED = frozenset({"date", "weekday", "relative_day", "month", "year", "period", "now"})
_STATED = frozenset({"date", "month", "year"})


def as_of_from(
    m: TimeMention, derived_from: AsOfFrom, time_of_day: str | None, basis: Literal["stated", "relative"] | None = None
) -> AsOf:
    """A figure's as-of read from time mention ``m``: its day, where it stands in the text,
    and ``basis`` (by default stated for a written date, relative for a day counted from
    another)."""
    return AsOf.built(
        date=m.date,
        precision=m.precision,
        basis=basis or ("stated" if m.kind == "date" else "relative"),
        text=m.text,
        start=m.start,
        end=m.end,
        derived_from=derived_from,
        time_of_day=time_of_day,
    )


def as_of(
    mentions: Sequence[TimeMention],
    q_start: int,
    q_end: int,
    published: dt.date | None,
    precision: str | None,
    document: dt.date | None = None,
    context: Sequence[TimeMention] | Callable[[], Sequence[TimeMention]] = (),
    owned: Sequence[TimeMention] = (),
) -> AsOf:
    """When the figure at ``q_start:q_end`` holds: the nearest dated mention of its sentence
    (pass the sentence's mentions), else the published date, else unknown. A "since" time
    starts a period that runs to now, so it is not the as-of time. Where the published date
    is unknown or coarse, ``document`` (the latest day the article itself gives:
    :func:`document_date`) stands in for it, with basis "relative". ``context`` holds the
    mentions of the article's earlier sentences (or a function that gives them, called only
    when needed): a sentence that states no time of its own continues the last one of them,
    as a story's narrative time runs on ("...said Friday night. Jalisco had 15 deaths.").
    ``owned`` holds the mentions written in the figure's own relative clause ("clashes that
    on Sunday left six dead": :func:`~.clausetimes.clause_times`), which come first.

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
        # after it); the date of an event more than a week before the article's is an earlier one's,
        # unless a relative clause of its own tells it ("the avalanche that on 18 January buried")
        and (
            not m.event
            or m.kind == "year"
            or (not m.in_clause and now is not None and (now - m.date).days > _EARLIER_EVENT_DAYS)
        )
    ]
    # an earlier event's day gives way to a time the sentence gives of its own ("the toll from
    # the October 3 shipwreck rose to 366 on Saturday")
    dated = [m for m in dated if not m.event or m.kind == "year"] or dated
    # a date in ISO form ("date 2023-09-01 Nearly 30 officers ... on Thursday") is a page's
    # stamp, which news prose never writes: the sentence's own day, if it has one, comes first
    own = [m for m in dated if not _ISO.fullmatch(m.text)]
    dated = own or dated
    if dated:

        def distance(m: TimeMention) -> tuple[int, int]:
            gap = q_start - m.end if m.end <= q_start else max(0, m.start - q_end)
            return gap, m.start

        # a day the figure was given out on ("..., authorities said Tuesday") outweighs the
        # day of what the figure counts ("killed ... Monday night")
        reported = [m for m in dated if m.reported]
        mine = [m for m in dated if any(m is o for o in owned)]
        best = min(mine or reported or dated, key=distance)
        if best.kind in ("year", "period") and now is not None and best.date is not None and best.date.year == now.year:
            # "1.017.278 casos em 2024", "so far this year" in a report of March 2024: a count
            # of the year so far, which holds when the report says it, not on 1 January
            return _so_far(document, published, precision)
        basis: Literal["stated", "relative"] = "stated" if best.kind in _STATED else "relative"
        return as_of_from(best, _FROM[best.kind], _time_of_day(best, mentions), basis)
    earlier = context() if callable(context) else context
    carried = [m for m in earlier if carries(m)]
    if carried:
        last = carried[-1]
        return as_of_from(last, "earlier_sentence", _time_of_day(last, earlier))
    return _so_far(document, published, precision)


def _so_far(document: dt.date | None, published: dt.date | None, precision: str | None) -> AsOf:
    """The report's own day: the as-of of a figure its sentence does not date, and of a
    count of the year so far."""
    if document is not None and (published is None or _precision(precision) != "day"):
        return _undated(document, "day", "relative", "article")
    if published is not None:
        date, prec = _coarse(published, _precision(precision))
        return _undated(date, prec, "published", "published")
    return _undated(None, None, "unknown", None)


_ISO = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
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

    >>> body = "La cifra era de 100 el 19 de septiembre. El miércoles subió a 217."
    >>> document_date(body, dt.date(2017, 9, 1), "month", "es")
    datetime.date(2017, 9, 20)
    >>> document_date("El sismo del 19 de septiembre dejó 217 muertos.", dt.date(2017, 9, 1), "month", "es")
    """
    prec = _precision(precision) if published is not None else None
    if prec == "day":
        return None
    whole = _article(body, published, precision, language, None).within(0, len(body))
    # an event's date ("el sismo del 19 de septiembre") is when it happened, and an embedded
    # post's date ("— Name (@handle) 19 de septiembre de 2017") when it was posted: the
    # article is written after either, maybe days later, so neither is its own day
    days = [m.date for m in whole if m.kind == "date" and m.date and not m.event and not embedded_post(body, m.start)]
    if published is not None:
        lo, hi = _coarse(published, prec or "day")[0], _shift(_period_end(published, prec), 7) or dt.date.max
        days = [d for d in days if lo <= d <= hi]
    elif days:
        latest_year = max(d.year for d in days)
        days = [d for d in days if d.year == latest_year]
    if not days:
        return None
    anchor = max(days)
    # read once with the anchor: the sentences of the article take their mentions from it
    resolved = _article(body, published, precision, language, anchor).within(0, len(body))
    near = [m.date for m in resolved if m.kind in ("weekday", "relative_day") and m.date and m.precision == "day"]
    return max([anchor, *near])


_HANDLE = re.compile(r"\(@\w+\)")


def embedded_post(body: str, at: int) -> bool:
    r"""Whether offset ``at`` is on the signature line of an embedded social-media post
    ("— InfoEmergencias (@InfoEmerg) 19 de septiembre de 2017"): the day it was posted,
    not the article's.

    >>> body = "217 muertos.\n— InfoEmergencias (@InfoEmerg) 19 de septiembre de 2017"
    >>> embedded_post(body, body.index("19 de")), embedded_post(body, 0)
    (True, False)
    """
    lo, hi = body.rfind("\n", 0, at) + 1, body.find("\n", at)
    return _HANDLE.search(body, lo, hi if hi >= 0 else len(body)) is not None


def earlier_times(
    body: str, start: int, published: dt.date | None, precision: str | None, language: str, anchor: dt.date | None
) -> tuple[TimeMention, ...]:
    r"""The time mentions a sentence at ``start`` that states no time of its own continues
    ("...said Friday night. Jalisco had 15 deaths."): those of its paragraph before it,
    and the last one that can be carried (:func:`carries`) past its own paragraph of the
    paragraphs before that (a day a figure was given out on, a date, a relative day).
    Each paragraph of an article is read once, and only as far as the last figure needs.

    >>> body = "The toll rose, officials said Tuesday evening.\n\nMorelos had 42 deaths."
    >>> [m.text for m in earlier_times(body, 48, dt.date(2017, 9, 20), "day", "en", None)]
    ['Tuesday evening']
    """
    return _article(body, published, precision, language, anchor).before(start)


def sentence_times(
    body: str,
    start: int,
    end: int,
    published: dt.date | None,
    precision: str | None,
    language: str,
    anchor: dt.date | None,
) -> list[TimeMention]:
    r"""The time mentions of the sentence at ``body[start:end]``, from the reading of its
    paragraph that :func:`earlier_times` shares: each paragraph is read once.

    >>> body = "Rescuers worked overnight.\nOn Sunday the toll rose to 233."
    >>> [m.text for m in sentence_times(body, 27, len(body), dt.date(2016, 4, 19), "day", "en", None)]
    ['Sunday']
    """
    return _article(body, published, precision, language, anchor).within(start, end)


class _ArticleTimes:
    """The time mentions of one article's paragraphs, read lazily, with the last mention
    that can be carried up to the end of each paragraph remembered, so that every sentence
    finds it without reading the article again."""

    def __init__(
        self, body: str, published: dt.date | None, precision: str | None, language: str, anchor: dt.date | None
    ) -> None:
        self.body, self.published, self.precision, self.language, self.anchor = (
            body,
            published,
            precision,
            language,
            anchor,
        )
        self.starts = [0, *(m.end() for m in _LINE.finditer(body))]
        self.carried: list[TimeMention | None] = []
        """Index i: the last mention that can be carried in paragraphs 0..i."""
        self.read: dict[int, list[TimeMention]] = {}

    def _times(self, index: int) -> list[TimeMention]:
        """The mentions of paragraph ``index``, read once."""
        if index not in self.read:
            hi = self.starts[index + 1] if index + 1 < len(self.starts) else len(self.body)
            found = find_times(
                self.body, self.starts[index], hi, self.published, self.precision, self.language, anchor=self.anchor
            )
            words = time_words(self.language)
            if words.anaphoric_days and any(m.kind == "relative_day" for m in found):
                earlier = self._carried_through(index - 1) if index > 0 else None
                found = from_story(found, words, earlier)
            self.read[index] = found
        return self.read[index]

    def _carried_through(self, index: int) -> TimeMention | None:
        while len(self.carried) <= index:
            i = len(self.carried)
            # across paragraphs only a day a figure was given out on, a date or a relative
            # day: a weekday that tells of the incident ("clashes ... extended into the early
            # hours of Sunday") is no time of the figures paragraphs below it
            # an embedded post's signature ("— Name (@handle) January 14, 2024") dates the
            # post, not the story the article goes on to tell
            candidates = [
                m
                for m in self._times(i)
                if carries(m) and not self._far_stamp(m) and not embedded_post(self.body, m.start)
            ]
            # where the paragraph's last sentence with a day gives a day over a week later
            # than its last, that latest day is the story's (if it reaches past the
            # paragraph), not the older one, the time of a figure the story compares
            ordered = self._latest_last(candidates)
            if ordered is not candidates:
                last = ordered[-1] if _across(ordered[-1]) or self._said_after(ordered[-1]) else None
            else:
                last = next((m for m in reversed(candidates) if _across(m) or self._said_after(m)), None)
            self.carried.append(last if last is not None else (self.carried[-1] if self.carried else None))
        return self.carried[index]

    def _said_after(self, m: TimeMention) -> bool:
        """Whether a weekday's sentence goes on to say who gave it out ("At least 65 people
        were killed Tuesday ..., authorities said"): the day of a report, as after the verb."""
        stop = _SENTENCE_END.search(self.body, m.end)
        rest = flat(self.body[m.end : stop.start() if stop else len(self.body)])
        verbs, _ = report_words(self.language)
        # the verb closes a clause of its own between commas, of a few words ("..., authorities said")
        for part in rest.split(",")[1:]:
            words = _WORDS.findall(part)
            if 0 < len(words) <= _TAIL_WORDS and words[-1] in verbs:
                return True
        return False

    def _far_stamp(self, m: TimeMention) -> bool:
        """A date on a line of its own ("| 7 March 2022, Monday |") more than a week from
        the day the article is read against: a page's republication or crawl date, not
        the time of the figures below it."""
        if m.kind != "date" or m.date is None or self.published is None:
            return False
        lo, hi = self.body.rfind("\n", 0, m.start) + 1, self.body.find("\n", m.end)
        line = self.body[lo : hi if hi >= 0 else len(self.body)].strip(" |*#_\t")
        return len(line) - len(m.text) <= _STAMP_EXTRA and abs((m.date - self.published).days) > _EARLIER_EVENT_DAYS

    def within(self, start: int, end: int) -> list[TimeMention]:
        """The mentions inside ``body[start:end]`` (a sentence), from its paragraphs' reading."""
        first, last = bisect_right(self.starts, start) - 1, bisect_right(self.starts, max(start, end - 1)) - 1
        return [m for i in range(first, last + 1) for m in self._times(i) if start <= m.start and m.end <= end]

    def before(self, start: int) -> tuple[TimeMention, ...]:
        index = bisect_right(self.starts, start) - 1
        own = [m for m in self._times(index) if m.end <= start] if self.starts[index] < start else []
        own = self._latest_last(own)
        earlier = self._carried_through(index - 1) if index > 0 else None
        return (earlier, *own) if earlier is not None else tuple(own)

    def _latest_last(self, own: list[TimeMention]) -> list[TimeMention]:
        """``own`` with the day a later sentence continues put last: of the days its last
        sentence with one gives, the latest not after publication, where the last written is
        more than a week older ("35 % mardi matin ..., contre 46 % lors de la journée du 19
        janvier. Parmi les conducteurs, 76 %": Tuesday, the story's day, not the day of the
        figure it is compared with). Reads only the mentions of that sentence."""
        k = len(own) - 1
        while k >= 0 and not carries(own[k]):
            k -= 1
        if k <= 0:
            return own
        last = own[k]
        lo = max(self.body.rfind(stop, 0, last.start) for stop in (". ", "! ", "? ", "\n")) + 1
        cap = self.published
        latest = last
        j = k - 1
        while j >= 0 and own[j].start >= lo:
            m = own[j]
            dated = carries(m) and m.date is not None and (cap is None or m.date <= cap)
            if dated and m.date is not None and (latest.date is None or m.date > latest.date):
                latest = m
            j -= 1
        if latest is last or last.date is None or latest.date is None:
            return own
        if (latest.date - last.date).days <= _EARLIER_EVENT_DAYS:
            return own  # days of one story's week: the last written is the story's
        return [m for m in own if m is not latest] + [latest]


_LINE = re.compile(r"\n")
_STAMP_EXTRA = 24
"""At most this many other characters on a date's line make it a date stamp."""


@lru_cache(maxsize=16)
def _article(
    body: str, published: dt.date | None, precision: str | None, language: str, anchor: dt.date | None
) -> _ArticleTimes:
    return _ArticleTimes(body, published, precision, language, anchor)


def article_times(
    body: str, published: dt.date | None, precision: str | None, language: str, anchor: dt.date | None
) -> _ArticleTimes:
    """The article's time mentions by paragraph, read once and shared (:class:`_ArticleTimes`)."""
    return _article(body, published, precision, language, anchor)


FROM_KIND: dict[Kind, AsOfFrom] = _FROM
"""Where an as-of read from a mention of each kind says it comes from."""


def _across(m: TimeMention) -> bool:
    """Whether a carried mention reaches past its paragraph."""
    return m.reported or m.kind in ("date", "relative_day", "now")


def carries(m: TimeMention) -> bool:
    """Whether a later sentence with no time of its own continues this mention: a day that
    is no event's and starts no period ("since Thursday")."""
    return (
        m.kind in ("date", "weekday", "relative_day", "now")
        and m.date is not None
        and m.relation != "since"
        and not m.event
    )


_WORDS = re.compile(r"[^\W\d_]+")
_TAIL_WORDS = 6
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n")


__all__ = [
    "FROM_KIND",
    "as_of",
    "as_of_from",
    "article_times",
    "carries",
    "document_date",
    "earlier_times",
    "embedded_post",
    "sentence_times",
]
