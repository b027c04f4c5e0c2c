"""The time layer of a sentence and what a claim takes from it (its time, as-of time and
background), as one adapter over :mod:`factcheck.extraction.times`, which finds and
resolves the time expressions."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import TYPE_CHECKING

from ..models import AsOf, Background, Document, TimeRef
from .asof import FROM_KIND, as_of, as_of_from, document_date, earlier_times, sentence_times
from .clausetimes import clause_times
from .earlier import moved_earlier, moved_to_event
from .followon import told_next
from .moments import event_moment
from .sentence import TimeSpan
from .times import background_of
from .timewords import TimeMention, flat, time_words
from .whenclauses import when_day

if TYPE_CHECKING:
    from .sentence import DocContext, Sentence

_NOT_NUMBERS = frozenset({"period", "now"})
"""Time kinds whose words are no numbers of a date: "in recent years", "so far"."""


def reading_date(doc: Document) -> tuple[dt.date | None, str | None]:
    """The day (and its precision) an article's times are read against: its published date,
    or the day :mod:`factcheck.dating` estimated when it gives none."""
    if doc.dated is not None:
        return doc.dated.date, "day"
    return doc.published, doc.published_precision


def time_layer(sent: Sentence, ctx: DocContext) -> tuple[list[TimeSpan], list[TimeMention]]:
    """(spans of dates and clock times, the time module's mentions) for one sentence."""
    published, precision = reading_date(ctx.doc)
    anchor = document_date(sent.body, published, precision, ctx.language)
    mentions = sentence_times(sent.body, sent.start, sent.end, published, precision, sent.language, anchor)
    spans = [TimeSpan(m.start, m.end, str(m.kind)) for m in mentions if str(m.kind) not in _NOT_NUMBERS]
    return spans, mentions


def claim_time(sent: Sentence) -> TimeRef | None:
    """The first explicit time of the sentence, as the claim's ``time``."""
    for m in sent.time_mentions:
        if m.kind in ("clock", "now"):
            continue
        date = None if m.kind in ("year", "month") and m.precision != "day" else m.date
        return TimeRef.built(
            text=m.text, start=m.start, end=m.end, date=date, year=m.year, period=m.period, precision=m.precision
        )
    return None


def claim_as_of(
    sent: Sentence, ctx: DocContext, start: int, end: int, cumulative: bool = False, frame_end: int | None = None
) -> AsOf:
    """When the figure at body offsets ``start``..``end`` holds: a time of its sentence,
    else the last time of the article's earlier sentences, else the day the article itself
    gives (when its published date is unknown or coarse), else the published date.
    ``cumulative`` says the figure is a toll that grows as reports come in (its event
    class's), which a when-clause's day does not date (:mod:`.whenclauses`). ``frame_end``
    is where the sentence's opening partitive frame ends, for a figure after it: a time
    inside the frame dates the whole ("Of the 585 admitted on Thursday, 485 remain under
    treatment"), not the part."""
    doc = ctx.doc
    mentions = sent.time_mentions
    if frame_end is not None and start > frame_end:
        mentions = [m for m in mentions if m.end > frame_end]
    published, precision = reading_date(doc)
    anchor = document_date(sent.body, published, precision, ctx.language)

    def context() -> tuple[TimeMention, ...]:
        return earlier_times(sent.body, sent.start, published, precision, sent.language, anchor)

    # a figure tied to the moment of the event ("at the time of the fire") holds on the
    # event's day, whatever time the story has reached
    moment = event_moment(sent.body, sent.start, sent.end, published, precision, sent.language, anchor, (start, end))
    # a day a when-clause gives the figure's own clause ("Ten miners were trapped when the
    # tunnel collapsed on Tuesday") is the event's, whatever its verb: a state at that
    # moment holds on it; a toll, counted as reports come in, does not
    when = when_day(sent.text, sent.start, mentions, start, end, sent.language)
    if moment is None and when is not None and not cumulative:
        moment = as_of_from(when, FROM_KIND[when.kind], when.part)
    # a day in another relative clause ("de los 137 que fueron retenidos el martes") is not this figure's
    kept, owned = clause_times(mentions, sent.text, sent.start, start, sent.language)
    if when is not None and cumulative:
        kept = [replace(m, event=True) if m is when else m for m in kept]
    found = moment or as_of(kept, start, end, published, precision, anchor, context, owned)
    if moment is None:
        # "34 guardias y 10 policías permanecieron retenidos. Fueron puestos en libertad la
        # noche del jueves": a lede's day told by the next sentence
        found = told_next(found, sent.body, sent.end, published, precision, sent.language, anchor)
        # "el Gobierno había informado previamente sobre 48 víctimas": an earlier count
        found = moved_earlier(found, sent.text, sent.start, sent.language, mentions)
        # "ocurridas un día después del estallido de un carro bomba que dejó 30 heridos"
        found = moved_to_event(found, sent.text, sent.start, start, sent.language)
    if doc.dated is None or found.date is None:
        return found
    # read against an estimated day: say so, and the fallback is that estimate, not a published date
    note = f"{doc.dated.date.isoformat()}: {doc.dated.reason}"
    derived = "estimated" if found.derived_from == "published" else found.derived_from
    return found.model_copy(update={"estimated": note, "derived_from": derived})


def may_hold_background(sent: Sentence) -> bool:
    """Whether a figure of the sentence can be background at all: the sentence names a
    year, or points back at one ("that same year"). Most sentences do neither, and the
    full test runs per figure."""
    if any(m.year is not None for m in sent.time_mentions):
        return True
    text = flat(sent.text)
    return any(phrase in text for phrase in time_words(sent.language).same_year)


def claim_background(sent: Sentence, ctx: DocContext, start: int, end: int) -> Background | None:
    """The earlier event the figure at ``start``..``end`` is about, if any."""
    return background_of(
        sent.body, sent.start, sent.end, sent.time_mentions, start, end, sent.language, ctx.doc.published
    )
