"""Annotators: each adds one layer of typed mentions to a :class:`Sentence`, reading the
vocabulary of the sentence's language. They run in the order of :data:`PIPELINE`; a later
one may read the layers of an earlier one (subjects read quantities and places), never the
raw text again."""

from __future__ import annotations

from collections.abc import Callable

from . import memo
from .ownclause import facility_kinds
from .quantities import Found
from .scope import stated_counts
from .sentence import DocContext, Sentence, TimeSpan
from .speakers import annotate_speakers
from .subjectlayer import annotate_subjects, tokens_in_times
from .timelayer import time_layer


def annotate_quantities(sent: Sentence, ctx: DocContext) -> None:
    """Numbers with their qualifiers, ranges and units; indefinite amounts ("several")
    only when asked for."""
    found = memo.quantities(sent.tokens, ctx.tolerance, sent.language)  # once per distinct sentence
    if not ctx.include_indefinite:
        found = [f for f in found if not f.indefinite]
    sent.quantities = found


def annotate_times(sent: Sentence, ctx: DocContext) -> None:
    """Dates, weekdays, relative days, years and clock times; a number inside one is part
    of a time ("el 19 de septiembre de 2017", "las 19:00"), so its quantity is dropped."""
    if not sent.quantities:
        return
    spans, mentions = time_layer(sent, ctx)
    sent.times, sent.time_mentions = spans, mentions
    if spans and sent.quantities:
        sent.quantities = [f for f in sent.quantities if not _inside_time(sent, f, spans)]


def _inside_time(sent: Sentence, f: Found, spans: list[TimeSpan]) -> bool:
    start, end = sent.tokens[f.num_first].start, sent.tokens[f.num_last].end
    return any(t.kind != "period" and t.start <= start and end <= t.end for t in spans)


def annotate_places(sent: Sentence, ctx: DocContext) -> None:
    """Countries, provinces, cities and facilities, once per sentence, and the numbers of
    places it states when it holds more than one figure ("in six prisons")."""
    if sent.quantities:
        # once per distinct sentence and context (copies of a story repeat both)
        sent.places = memo.places(sent.tokens, ctx.countries, sent.language, sent.body, ctx.facilities, ctx.event_name)
        ctx.facilities.extend(m.place for m in sent.places if m.place.kind == "facility" and m.place.stated)
        kinds = facility_kinds(sent)
        ctx.facility_kinds = kinds or ctx.facility_kinds
        ctx.site_kinds = ctx.site_kinds or kinds
        if len(sent.quantities) > 1:
            sent.place_counts = stated_counts(sent.tokens, sent.language)


def annotate_attributions(sent: Sentence, ctx: DocContext) -> None:
    """Who says so; a pronoun speaker ("He added ...") stands for the last named source
    (factcheck.extraction.speakers)."""
    annotate_speakers(sent, ctx, tokens_in_times(sent))


def annotate_events(sent: Sentence, ctx: DocContext) -> None:
    """Every event word of the sentence, by class, but those inside a speaker's name: the
    rescue of "the search and rescue agency said" happened to no one."""
    if sent.quantities:
        figures = [sent.tokens[q.first].start for q in sent.quantities]
        names = [
            (a.source.start, a.source.end)
            for a in sent.attributions
            if a.source.start < a.source.end and not any(a.source.start <= f < a.source.end for f in figures)
        ]  # a "name" holding a figure is a clause the speaker scan ran over, and names no one
        sent.events = [
            e
            for e in memo.events(sent.tokens, sent.language)  # once per distinct sentence
            if not any(a <= sent.tokens[e.first].start and sent.tokens[e.last].end <= b for a, b in names)
        ]


Annotator = Callable[[Sentence, DocContext], None]

PIPELINE: tuple[Annotator, ...] = (
    annotate_quantities,
    annotate_times,
    annotate_places,
    annotate_attributions,
    annotate_events,
    annotate_subjects,
)
"""The annotators, in the order they run: times drop numbers that are dates, and subjects
read the places layer to leave place names out of what is counted."""
