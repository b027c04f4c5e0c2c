"""Figure dating: the day an undated article was written, from the running toll it shares
with dated coverage of the same incident.

A death toll moves as an incident's coverage goes on, and each figure of it is first given
on one day. An undated article that gives 38 dead was written when the dated coverage gave
38. This stage runs after a first extraction: for each document with no published day it
takes the dated documents nearest it in content (:func:`factcheck.dating.coverage`) and
their running tolls (claims marked :attr:`~factcheck.models.Claim.cumulative`), by what is
counted (the event class: killed, injured, missing), each on its own as-of day. The
incident's main toll is the kind most reported; when at least ``AGREE`` dated documents gave
the article's own figure of it, the article is dated to the first day one of them did.

Measured on ``../shared/dev`` (docs/accuracy.md): placing a figure between the last dated
report of less and the first of more, or bounding the corpus estimate so, dated fewer
articles right than the estimate from neighbours and named days: a toll is revised down as
well as up ("40" first, then 39, then 40 again), and dated copies lag the first report by a
day. Only a figure that dated coverage agrees on is kept. Words of one sentence play no part."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence

from .dating import coverage, date_documents
from .models import Claim, Document

AGREE = 2
"""How many dated documents must give an article's toll for it to date the article: one
dated copy of a figure is as often a late repeat as its first report."""

SPAN_DAYS = 21
"""Dated reports further than this from the most alike dated article's day are another
incident's."""


def _day(claim: Claim, doc: Document) -> dt.date | None:
    """The day a dated document's claim holds: its own as-of day, else the published day."""
    if claim.as_of is not None and claim.as_of.date is not None and claim.as_of.precision == "day":
        return claim.as_of.date
    return doc.published


def _running(claim: Claim) -> float | None:
    """The value of a running toll of the incident (not a past one), else None."""
    if not claim.cumulative or claim.event_class is None or claim.background is not None:
        return None
    return claim.quantity.value


def _tolls(claims: Iterable[Claim]) -> dict[str, float]:
    """A document's highest running toll of each kind."""
    out: dict[str, float] = {}
    for c in claims:
        v = _running(c)
        if v is not None and c.event_class is not None:
            out[c.event_class] = max(out.get(c.event_class, v), v)
    return out


def first_agreed(value: float, reports: Sequence[tuple[dt.date, float, str]], agree: int = AGREE) -> dt.date | None:
    """The first day ``value`` was given among dated reports (day, value, document id) of
    one toll, when at least ``agree`` documents gave it; else None.

    >>> d = dt.date
    >>> reports = [(d(2023, 3, 29), 39.0, "b"), (d(2023, 3, 28), 39.0, "a"), (d(2023, 4, 2), 40.0, "c")]
    >>> first_agreed(39, reports), first_agreed(40, reports)
    (datetime.date(2023, 3, 28), None)
    """
    same = [(day, doc) for day, v, doc in reports if v == value]
    if len({doc for _, doc in same}) < agree:
        return None
    return min(day for day, _ in same)


def figure_days(docs: Sequence[Document], claims: Iterable[Claim]) -> dict[str, tuple[dt.date, str]]:
    """For each document with no published day whose main running toll dated coverage of
    the same incident agrees on: the first day that coverage gave it, and the reason in
    words. Deterministic whatever the order of ``docs`` and ``claims``."""
    by_doc: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        by_doc[c.document].append(c)
    known = {d.id: d for d in docs}
    out: dict[str, tuple[dt.date, str]] = {}
    for doc_id, near in sorted(coverage(docs).items()):
        tolls = _tolls(by_doc.get(doc_id, ()))
        dated = [known[i] for i, _ in near]
        first = dated[0].published if dated else None
        if not tolls or first is None:
            continue
        # the incident's coverage: the dated reports near the most alike dated article's day
        # (a figure as common as 39 dead is also another incident's)
        timeline: dict[str, list[tuple[dt.date, float, str]]] = defaultdict(list)
        for d in dated:
            for c in by_doc.get(d.id, ()):
                day, v = _day(c, d), _running(c)
                if v is None or c.event_class is None or day is None or abs((day - first).days) > SPAN_DAYS:
                    continue
                timeline[c.event_class].append((day, v, d.id))
        # the incident's most reported toll
        main = max((k for k in tolls if k in timeline), key=lambda k: (len(timeline[k]), k), default=None)
        day = None if main is None else first_agreed(tolls[main], timeline[main])
        if main is not None and day is not None:
            out[doc_id] = (day, f"dated articles of the same incident first gave its toll ({tolls[main]:g} {main})")
    return out


def redate(
    given: Sequence[Document],
    dated: Sequence[Document],
    found: Sequence[list[Claim] | None],
    read: Callable[[Document], list[Claim]],
) -> tuple[list[Document], list[list[Claim] | None]]:
    """The documents (``given``, as :func:`~factcheck.dating.date_documents` dated them in
    ``dated``, with claims ``found``, None where reading failed) dated again with
    :func:`figure_days`, and the claims of those whose day changed read again with ``read``."""
    docs, claims = list(dated), list(found)
    figures = figure_days(docs, [c for each in claims if each is not None for c in each])
    if not figures:
        return docs, claims
    for k, new in enumerate(date_documents(given, figures)):
        if claims[k] is None or new.dated == docs[k].dated:
            continue
        try:
            docs[k], claims[k] = new, read(new)
        except Exception:  # noqa: BLE001  # read once already: keep that reading rather than lose the run
            continue
    return docs, claims


__all__ = ["AGREE", "figure_days", "first_agreed", "redate"]
