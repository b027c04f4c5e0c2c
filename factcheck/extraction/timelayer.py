"""The time layer of a sentence and what a claim takes from it (its time, as-of time and
background), as one adapter over :mod:`factcheck.extraction.times`, which finds and
resolves the time expressions. Where that module offers only the older ``find_time``, the
layer holds that one time and no spans."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..models import AsOf, Background, TimeRef
from . import times

if TYPE_CHECKING:
    from .sentence import DocContext, Sentence, TimeSpan

_NOT_NUMBERS = frozenset({"period", "now"})
"""Time kinds whose words are no numbers of a date: "in recent years", "so far"."""

_TIMES: Any = times


def time_layer(sent: Sentence, ctx: DocContext) -> tuple[list[TimeSpan], list[object]]:
    """(spans of dates and clock times, the time module's mentions) for one sentence."""
    from .sentence import TimeSpan

    doc = ctx.doc
    finder = getattr(_TIMES, "find_times", None)
    if finder is None:
        return [], []
    mentions = finder(sent.body, sent.start, sent.end, doc.published, doc.published_precision, sent.language)
    spans = [TimeSpan(m.start, m.end, str(m.kind)) for m in mentions if str(m.kind) not in _NOT_NUMBERS]
    return spans, list(mentions)


def claim_time(sent: Sentence, ctx: DocContext) -> TimeRef | None:
    """The first explicit time of the sentence, as the claim's ``time``."""
    finder = getattr(_TIMES, "find_times", None)
    if finder is None:
        return times.find_time(sent.tokens, ctx.doc.published)
    for m in sent.time_mentions:
        mention: Any = m
        if mention.kind in ("clock", "now"):
            continue
        date = None if mention.kind in ("year", "month") and mention.precision != "day" else mention.date
        return TimeRef(
            text=mention.text,
            start=mention.start,
            end=mention.end,
            date=date,
            year=mention.year,
            period=mention.period,
            precision=mention.precision,
        )
    return None


def claim_as_of(sent: Sentence, ctx: DocContext, start: int, end: int) -> AsOf | None:
    """When the figure at body offsets ``start``..``end`` holds."""
    resolve = getattr(_TIMES, "as_of", None)
    if resolve is None:
        return None
    doc = ctx.doc
    return resolve(sent.time_mentions, start, end, doc.published, doc.published_precision)  # type: ignore[no-any-return]


def claim_background(sent: Sentence, ctx: DocContext, start: int, end: int) -> Background | None:
    """The earlier event the figure at ``start``..``end`` is about, if any."""
    find = getattr(_TIMES, "background_of", None)
    if find is None:
        return None
    doc = ctx.doc
    return find(  # type: ignore[no-any-return]
        sent.body, sent.start, sent.end, sent.time_mentions, start, end, sent.language, doc.published
    )
