"""Moments as claims: the calendar day or clock time a text gives for something that
happened ("la primera explosión se registró a aproximadamente las 19:00 del 30 de agosto",
"Desde el 24 de julio rige el estado de excepción", "liberados ... el día 31 de agosto del
2023"). Reports disagree about when as they do about how many: "since Thursday" against
"took hostage Wednesday", a weekday that does not fall on the date written beside it.

Only written days (a day of a month) and clock times are claims. A weekday or a relative
day ("on Tuesday", "ayer") is how a text places its figures in time, and is read into
their as-of (:mod:`~factcheck.extraction.asof`); a month or a year alone is background. A
day still ahead of the day the article is read against ("a runoff vote on October 15"), or
written after a word of plans ("scheduled for August 20": ``plan_words`` of
``data/<lang>/times.yaml``), is a plan, not a moment, and is no claim; nor is a page's stamp
(an ISO date, a dateline or credit, a byline) or a date that names a street.

A moment claim (``Claim.moment``) has a quantity with no value: nothing in it adds up or
compares as a number, and reconciliation leaves it out. Its ``as_of`` is the moment
itself: the day, and the clock time as written in ``time_of_day``."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import cache

from .. import vocabulary
from ..models import AsOf, Claim, Quantity
from . import memo
from .attribution import source_for
from .events import EventMention
from .sentence import DocContext, Sentence
from .timelayer import reading_date, time_layer
from .timewords import TimeMention, flat, time_words

__all__ = ["moment_claims"]

_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"\b\d{4}\b")
_JOIN = 24
"""How many characters may stand between a clock time and the day (or the other clock
time) written with it for the two to be one moment: "las 19:00 [hora local] del 30 de
agosto", "02:00 hora local (07:00 GMT)"."""
_JOINERS = re.compile(r"[\s\[\]()/,]|[^\W\d_]+")
"""What may stand between two parts of one moment: spaces, brackets, a comma and words
("del", "on", "hora local"); a full stop, a semicolon or a figure ends the moment."""
_CLOSING = re.compile(r"[ \t]*(?:[^\W\d_]{1,6}[ \t]*)?[)\]]")
"""A bracket the moment opened, closed right after its last part ("(07:00 GMT)")."""
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
_BRACKET_AFTER = re.compile(r"[ \t]*\(")
_LETTER = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"[^\W\d_]{3,}")
_HANDLE = re.compile(r"@\w+")
_BEFORE = 28
"""How many characters before a moment its qualifier may stand ("a aproximadamente las")."""
_SHORT = len(" las")
"""The longest word (with its space) that may stand between a qualifier or a plan word and
the moment: an article."""


def moment_claims(sent: Sentence, ctx: DocContext) -> list[Claim]:
    """The moment claims of one sentence in text order: each written day or clock time of a
    past event, a clock time and the day written with it as one claim."""
    if not vocabulary.reads(sent.language) or _DIGIT.search(sent.body, sent.start, sent.end) is None:
        return []
    mentions = sent.time_mentions
    if not mentions and not sent.quantities:
        # the time layer runs for sentences with figures; a sentence whose only numbers
        # are a date or a clock time ("Desde el 24 de julio rige ...") is read here, when
        # it writes a month's name or a clock time at all
        if _calendar(sent.language).search(flat(sent.text)) is None:
            return []
        _, mentions = time_layer(sent, ctx)
    written = [m for m in mentions if _written(m)]
    if not written:
        return []
    reading, _ = reading_date(ctx.doc)
    claims: list[Claim] = []
    events: list[EventMention] | None = None
    for group in _moments(written, sent.body):
        day = next((m for m in group if m.kind == "date"), None)
        if day is not None and (_ahead(day, reading) or _after(sent.body, group[0].start, _plans(sent.language))):
            continue
        if _stamp(sent, group) or any(_named(m, sent.language) for m in group):
            continue
        if events is None:
            events = memo.events(sent.tokens, sent.language)
        claims.append(_claim(sent, ctx, group, day, events))
    return claims


def _written(m: TimeMention) -> bool:
    """A clock time, or a date that writes its day of the month."""
    if m.kind == "clock":
        return True
    return m.kind == "date" and (m.precision == "day" or m.precision is None) and _DIGIT.search(m.text) is not None


def _moments(mentions: Sequence[TimeMention], body: str) -> list[list[TimeMention]]:
    """The mentions grouped into moments: a clock time joins the day or clock time written
    right beside it; two days are two moments."""
    groups: list[list[TimeMention]] = []
    for m in mentions:
        last = groups[-1] if groups else None
        if (
            last is not None
            and "clock" in (m.kind, last[-1].kind)
            and not (m.kind == "date" and any(x.kind == "date" for x in last))
            and m.start - last[-1].end <= _JOIN
            and _JOINERS.sub("", body[last[-1].end : m.start]) == ""
        ):
            last.append(m)
        else:
            groups.append([m])
    return groups


def _stamp(sent: Sentence, group: Sequence[TimeMention]) -> bool:
    """The moment stamps the page rather than telling of an event: a date written in ISO
    form ("2023-06-20": a page's metadata; prose writes its dates in words), a dateline or
    a credit (a day right before a bracket: "Quito, Jan 13 (EFE).-", or inside one after
    words: "(APP - 14th Jan, 2024)"), or a line that holds nothing but names around it (a
    byline, an embedded post's "— Name (@handle) September 20, 2017", a timestamp): no word
    in lower case of three letters or more, which every sentence telling something has."""
    body, start, end = sent.body, group[0].start, group[-1].end
    if any(_ISO.fullmatch(m.text) for m in group):
        return True
    if group[-1].kind == "date" and _BRACKET_AFTER.match(body, end):
        return True
    opened = body.rfind("(", sent.start, start)
    if opened >= 0 and body.find(")", opened, start) < 0 and _LETTER.search(body, opened, start):
        return True
    outside = _HANDLE.sub(" ", body[sent.start : start] + " " + body[end : sent.end])
    if "|" in outside:
        return True  # "Sep 1, 2023 | 0 comments": fields of a page's header, never prose
    return not any(w[0].islower() for w in _WORD.findall(outside))


def _named(m: TimeMention, lang: str) -> bool:
    """A date that names a street, a school or a square: a month written in capitals in a
    language that writes its months in lower case ("la Av. 12 de Octubre", "el colegio 24
    de Mayo")."""
    w = time_words(lang)
    if w.capitalised_months or m.kind != "date":
        return False
    return any(word[0].isupper() and flat(word) in w.months for word in _WORD.findall(m.text))


def _ahead(day: TimeMention, reading: dt.date | None) -> bool:
    """The day lies after the day the article is read against: with its year as written,
    or, written without one, where its nearest occurrence to that day falls (the time
    module reads a day with no year as the last one past, which a plan is not)."""
    if reading is None or day.date is None:
        return False
    if _YEAR.search(day.text):
        return day.date > reading
    nearest = min(
        (d for d in (_on(day.date, reading.year + k) for k in (-1, 0, 1)) if d is not None),
        key=lambda d: (abs((d - reading).days), d),
    )
    return nearest > reading


def _on(day: dt.date, year: int) -> dt.date | None:
    try:
        return day.replace(year=year)
    except ValueError:  # 29 February
        return None


@cache
def _approximate(lang: str) -> tuple[str, ...]:
    """Folded words that make a time approximate, longest first: the language's own
    ``approximate_times`` and its numbers' "approximately" words ("aproximadamente")."""
    words = {*time_words(lang).approximate_times}
    words.update(flat(w) for w in vocabulary.qualifiers(lang).qualifiers["approximately"].before)
    return tuple(sorted(words, key=len, reverse=True))


@cache
def _calendar(lang: str) -> re.Pattern[str]:
    """A month's name (folded) or a clock time: what a written day or time needs."""
    months = sorted(time_words(lang).months, key=len, reverse=True)
    names = "|".join(re.escape(m) for m in months)
    return re.compile(rf"\d{{1,2}}[:.h]\d{{2}}|\d\s*(?:a\.?m|p\.?m)|(?<![^\W\d_])(?:{names})(?![^\W\d_])")


@cache
def _plans(lang: str) -> tuple[str, ...]:
    """Folded words that make the day after them a plan ("scheduled for", "previstas para")."""
    return tuple(sorted(time_words(lang).plan_words, key=len, reverse=True))


def _qualifier(body: str, start: int, lang: str) -> str:
    return "approximately" if _after(body, start, _approximate(lang)) else "exact"


def _after(body: str, start: int, words: Sequence[str]) -> bool:
    """One of the folded ``words`` ends right before ``start``, or one short word before it
    ("a aproximadamente las 19:00", "previstas para el 20 de octubre")."""
    before = flat(body[max(0, start - _BEFORE) : start]).rstrip()
    stripped = before.rsplit(" ", 1)[0] if " " in before else ""
    for text in (before, stripped if len(before) - len(stripped) <= _SHORT else ""):
        for word in words:
            if text.endswith(word) and (len(text) == len(word) or not text[-len(word) - 1].isalnum()):
                return True
    return False


def _claim(
    sent: Sentence,
    ctx: DocContext,
    group: list[TimeMention],
    day: TimeMention | None,
    events: Sequence[EventMention],
) -> Claim:
    doc, body, tokens = ctx.doc, sent.body, sent.tokens
    start, end = group[0].start, group[-1].end
    while end > start + 2 and (
        body[end - 1] in ",;:"
        or (body[end - 1] == "." and (body[end - 2].isdigit() or body[end - 3 : end - 1].isalpha()))
    ):
        end -= 1  # "el 30 de octubre.": the sentence's stop is not the moment's ("10 p.m." keeps its own)
    if body.count("(", start, end) > body.count(")", start, end) or body.count("[", start, end) > body.count(
        "]", start, end
    ):
        closing = _CLOSING.match(body, end)
        end = closing.end() if closing else end
    clocks = [m.text for m in group if m.kind == "clock"]
    starts = [t.start for t in tokens]
    first = max(0, bisect_right(starts, start) - 1)
    last = max(first, bisect_left(starts, end) - 1)
    event = _nearest(events, first, last)
    text = body[start:end]
    line, column = ctx.position(start)
    return Claim.built(
        id=f"{doc.id}:{start}-{end}",
        document=doc.id,
        outlet=doc.outlet,
        published=doc.published,
        quantity=Quantity.built(
            text=text,
            start=start,
            end=end,
            value=None,
            low=None,
            high=None,
            qualifier=_qualifier(body, start, sent.language),
        ),
        event=event.event if event else None,
        event_text=body[tokens[event.first].start : tokens[event.last].end] if event else None,
        event_class=event.event if event else None,
        as_of=AsOf.built(
            date=day.date if day is not None else None,
            precision=day.precision if day is not None else None,
            basis="stated" if day is not None and day.date is not None else "unknown",
            text=text,
            start=start,
            end=end,
            derived_from="date" if day is not None else None,
            time_of_day=" / ".join(clocks) or None,
        ),
        language=sent.language,
        source=source_for(sent.attributions, first, last, sent.language),
        sentence=body[sent.start : sent.end],
        sentence_start=sent.start,
        sentence_end=sent.end,
        sentence_index=sent.index,
        line=line,
        column=column,
        moment=True,
    )


def _nearest(events: Sequence[EventMention], first: int, last: int) -> EventMention | None:
    """The event word nearest the moment's tokens: what the moment is the time of."""
    if not events:
        return None
    return min(events, key=lambda e: (min(abs(e.first - last), abs(first - e.last)), e.first))
