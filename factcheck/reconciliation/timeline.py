"""When a figure holds, and what the words around it say of its place in time.

A claim's *moment* is its as-of time (a stated date or weekday, else the published date)
with its precision. Two moments are the same, ordered, or of unknown order; a month-
precision date never orders two figures of the same month. Inside one report, words such
as "previously", "rose to" or "corrigió" order figures that carry no date of their own;
they come from ``data/timeline.yaml``, per language."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import accumulate
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict

from .. import vocabulary
from ..errors import VocabularyError
from ..gazetteer import fold, gazetteer
from ..models import Claim

Order = Literal["same", "before", "after"] | None
_RANK = {"year": 0, "month": 1, "day": 2}


class LanguageMarkers(BaseModel):
    """The marker words of one language (see the header of ``data/timeline.yaml``)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    earlier: tuple[str, ...]
    change_from: tuple[str, ...] = ()
    later: tuple[str, ...]
    correction: tuple[str, ...]
    remaining: tuple[str, ...]
    provisional: tuple[str, ...]
    partitive: tuple[str, ...]
    partitive_before: tuple[str, ...] = ()
    partitive_openers: tuple[str, ...]
    only_after: tuple[str, ...]
    only_before: tuple[str, ...]
    day_only_before: tuple[str, ...]
    questioned: tuple[str, ...]
    unconfirmed: tuple[str, ...]
    set_aside: tuple[str, ...]
    totals: tuple[str, ...] = ()
    measure_anchors: tuple[str, ...]
    capital: tuple[str, ...]
    measure_subjects: dict[str, tuple[str, ...]]


class Markers(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    languages: dict[str, LanguageMarkers]


@cache
def markers() -> Markers:
    """The marker table, loaded and validated once."""
    text = resources.files("factcheck").joinpath("data/timeline.yaml").read_text(encoding="utf-8")
    try:
        return Markers.model_validate(yaml.safe_load(text))
    except Exception as err:  # pydantic or YAML: either way the package data is broken
        raise VocabularyError(f"data/timeline.yaml: {err}") from err


@dataclass(frozen=True, slots=True)
class Moment:
    """When a figure holds: a date, how precisely it is known, and how it was found."""

    date: dt.date | None
    precision: str | None
    basis: str

    def describe(self) -> str:
        """The moment in words, for reports: "Tue 19 Apr 2016", "Apr 2016", "2016"."""
        if self.date is None:
            return "date unknown"
        if self.precision == "year":
            text = f"{self.date.year}"
        elif self.precision == "month":
            text = self.date.strftime("%b %Y")
        else:
            text = self.date.strftime("%a %d %b %Y").replace(" 0", " ")
        return text + (" (published)" if self.basis == "published" else "")


def moment(claim: Claim) -> Moment:
    """The moment of a claim: its as-of time when extraction found one, else a stated
    date, else the published date."""
    if claim.as_of is not None and claim.as_of.date is not None:
        return _moment(claim.as_of.date, claim.as_of.precision or "day", claim.as_of.basis)
    if claim.time is not None and claim.time.date is not None:
        return _moment(claim.time.date, claim.time.precision or "day", "stated")
    if claim.published is not None:
        return _moment(claim.published, "day", "published")
    return _moment(None, None, "unknown")


def _moment(date: dt.date | None, precision: str | None, basis: str) -> Moment:
    """One record per moment: a run's claims hold few distinct moments (a million synthetic
    claims, about a thousand), and a moment is compared by its fields, never changed."""
    key = (date, precision, basis)
    found = _MOMENTS.get(key)
    if found is None:
        if len(_MOMENTS) >= _MOMENTS_KEPT:
            _MOMENTS.clear()
        found = _MOMENTS[key] = Moment(date, precision, basis)
    return found


_MOMENTS_KEPT = 1 << 14
"""Moments kept at most; past it the table starts again."""
_MOMENTS: dict[tuple[dt.date | None, str | None, str], Moment] = {}


def compare(a: Moment, b: Moment) -> Order:
    """How moment ``a`` stands to ``b`` at the precision both have.

    >>> d = dt.date
    >>> compare(Moment(d(2016, 4, 17), "day", "stated"), Moment(d(2016, 4, 19), "month", "published")) is None
    True
    >>> compare(Moment(d(2016, 4, 17), "day", "stated"), Moment(d(2016, 5, 2), "month", "published"))
    'before'
    """
    if a.date is None or b.date is None:
        return None
    rank = min(_RANK.get(a.precision or "day", 2), _RANK.get(b.precision or "day", 2))
    ka = _truncate(a.date, rank)
    kb = _truncate(b.date, rank)
    if ka < kb:
        return "before"
    if ka > kb:
        return "after"
    if rank == 2:
        return "same"
    return None


def days_apart(a: Moment, b: Moment) -> int | None:
    """The fewest days that can lie between two moments at their precisions: "Sep 2017"
    and "Tue 19 Sep 2017" may be the same day, so they are 0 days apart.

    >>> d = dt.date
    >>> days_apart(Moment(d(2017, 9, 1), "month", "published"), Moment(d(2017, 9, 19), "day", "stated"))
    0
    >>> days_apart(Moment(d(2017, 9, 1), "month", "published"), Moment(d(2017, 10, 19), "day", "stated"))
    19
    """
    if a.date is None or b.date is None:
        return None
    if a.precision not in _COARSE and b.precision not in _COARSE:
        return abs((a.date - b.date).days)  # two days: what the spans below give, without them
    a0, a1 = _span(a)
    b0, b1 = _span(b)
    if a1 < b0:
        return (b0 - a1).days
    if b1 < a0:
        return (a0 - b1).days
    return 0


_COARSE = frozenset({"year", "month"})


def least_days_apart(xs: Sequence[Moment], ys: Sequence[Moment]) -> int | None:
    """The least ``days_apart(x, y)`` over the pairs of ``xs`` and ``ys`` that have one (None
    when none has): sides of many copies dated days apart give thousands of pairs, so each
    moment is read as the span of days it may be, and each span of ``xs`` meets only the
    spans of ``ys`` nearest it (two sorted lists searched).

    >>> d = dt.date
    >>> xs = [Moment(d(2017, 9, 1), "day", "published"), Moment(d(2017, 10, 9), "day", "stated")]
    >>> ys = [Moment(d(2017, 9, 5), "day", "stated"), Moment(d(2017, 10, 1), "month", "published")]
    >>> unknown = Moment(None, None, "unknown")
    >>> least_days_apart(xs, ys), least_days_apart(xs[:1], ys[:1]), least_days_apart(xs, [unknown])
    (0, 4, None)
    """
    spans = sorted({_days(m) for m in ys if m.date is not None})
    if not spans:
        return None
    starts = [b0 for b0, _ in spans]
    reach = list(accumulate((b1 for _, b1 in spans), max))  # the latest end among the first k
    ends = sorted(b1 for _, b1 in spans)
    least: int | None = None
    for a0, a1 in {_days(m) for m in xs if m.date is not None}:
        k = bisect_right(starts, a1)  # the spans starting by a1's end: before it or meeting it
        if k and reach[k - 1] >= a0:
            return 0
        if k < len(starts):  # the nearest span after it
            least = starts[k] - a1 if least is None else min(least, starts[k] - a1)
        j = bisect_left(ends, a0)  # the nearest span before it
        if j:
            least = a0 - ends[j - 1] if least is None else min(least, a0 - ends[j - 1])
    return least


def _days(m: Moment) -> tuple[int, int]:
    """The first and last day a moment may be, as ordinals."""
    if m.precision not in _COARSE:
        assert m.date is not None
        return m.date.toordinal(), m.date.toordinal()
    first, last = _span(m)
    return first.toordinal(), last.toordinal()


def _span(m: Moment) -> tuple[dt.date, dt.date]:
    """First and last day a moment may be."""
    assert m.date is not None
    if m.precision == "year":
        return dt.date(m.date.year, 1, 1), dt.date(m.date.year, 12, 31)
    if m.precision == "month":
        first = m.date.replace(day=1)
        nxt = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return first, nxt - dt.timedelta(days=1)
    return m.date, m.date


def _truncate(day: dt.date, rank: int) -> tuple[int, ...]:
    return (day.year, day.month, day.day)[: rank + 1]


def _languages(claim: Claim) -> list[LanguageMarkers]:
    table = markers().languages
    if claim.language and claim.language in table:
        return [table[claim.language]]
    return list(table.values())


_DIGIT = re.compile(r"\d")


def _window(claim: Claim, before: int = 48, after: int = 36) -> tuple[str, str]:
    """The words just before and after the figure in its sentence, cut at the nearest
    other figure so that "rose to 233 from 77" gives each figure its own words."""
    q = claim.quantity
    lo = q.start - claim.sentence_start
    hi = q.end - claim.sentence_start
    text = claim.sentence
    head = text[max(0, lo - before) : lo]
    digits = list(_DIGIT.finditer(head))
    if digits:
        head = head[digits[-1].end() :]
    tail = text[hi : hi + after]
    nxt = _DIGIT.search(tail)
    if nxt:
        tail = tail[: nxt.start()]
    return " " + head.lower() + " ", " " + tail.lower() + " "


def _ends_with(text: str, phrases: tuple[str, ...]) -> bool:
    """Whether ``text`` (words before a figure) ends with one of ``phrases``, as whole words."""
    words = text.split()
    return any(words[-len(p.split()) :] == p.split() for p in phrases) if phrases and words else False


def _has(text: str, phrases: tuple[str, ...]) -> bool:
    return bool(phrases) and bool(text.strip()) and _alternation(phrases).search(text) is not None


@cache
def _alternation(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """One compiled pattern per marker list: any phrase, as whole words."""
    body = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(r"(?<!\w)(?:" + body + r")(?!\w)")


def order_mark(claim: Claim) -> str | None:
    """What the words around a figure say of it: "correction", "earlier", "later" or None.

    >>> from factcheck.extraction import extract_text
    >>> [order_mark(c) for c in extract_text("The toll rose to 233, up from 77 reported previously.")]
    ['later', 'earlier']
    """
    q = claim.quantity
    if q.qualifier == "range" and q.trend is not None:
        # a change written as a pair ("rose from 40 to 57", "revised down to 38 from 42")
        # asserts its new figure, the later one, unless its clause calls it a revision
        head, _ = _window(claim, before=96)
        revised = any(_has(head, table.correction) for table in _languages(claim))
        return "correction" if revised else "later"
    head, tail = _window(claim)
    # the rest of the figure's clause, to the next figure: "frente a los 30 que había
    # contabilizado inicialmente" is an earlier figure however long the clause
    clause = " " + _CLAUSE_END.split(_window(claim, after=72)[1])[0].strip() + " "
    cue = f" {claim.source.cue.lower()} " if claim.source is not None and claim.source.cue else ""
    for table in _languages(claim):
        if _has(head, table.correction) or _has(tail, table.correction):
            return "correction"
        if cue and _has(cue, table.correction):
            # "Police ... revised the death toll from the nightclub fire in Santa Maria down
            # to 231": whoever gives the figure gives it as a revision, however far before
            return "correction"
        # the words just before a figure speak of it ("rose to 233", "up from 77"); after
        # it, only words that do not introduce the next figure ("77 reported previously")
        if _has(head, table.later) or _has(_without_count(head, claim.language), table.later):
            return "later"
        if _ends_with(head, table.change_from):
            return "earlier"  # "est passé de 30 à 42": the figure it went from
        if _has(head, table.earlier) or _has(tail, _trailing(table.earlier)) or _has(clause, _trailing(table.earlier)):
            # "officials had said that at least 22 people had died, a figure that was later
            # revised": an earlier figure the words after its clause call revised
            _, wide = _window(claim, after=_REVISED_AFTER)
            return "correction" if _has(wide, table.correction) else "earlier"
    return None


_REVISED_AFTER = 72
"""How far after an earlier figure (to the next figure) a word may call it revised."""


def _without_count(head: str, language: str | None) -> str:
    """The words before a figure with the count a revision verb takes as its object set
    aside: "elevó la cifra de muertos a" reads as "elevó a", "raised the death toll to" as
    "raised to" (the count nouns of data/<lang>/attribution.yaml)."""
    return _count_object(language).sub(" ", head)


@cache
def _count_object(language: str | None) -> re.Pattern[str]:
    """A determiner, a count noun (with one word between them) and one "of X" after it,
    right before the last word of the text (the preposition before the figure)."""
    from .. import vocabulary

    langs = [language] if language and vocabulary.reads(language) else ["en", "es", "pt", "it"]
    nouns = sorted({n for lang in langs for n in vocabulary.attribution(lang).count_nouns}, key=len, reverse=True)
    dets = sorted({d for lang in langs for d in vocabulary.grammar(lang).determiners}, key=len, reverse=True)
    noun = "|".join(re.escape(n) for n in nouns)
    det = "|".join(re.escape(d) for d in dets)
    return re.compile(
        r"\s(?:"
        + det
        + r")\s(?:\w+\s)?(?:"
        + noun
        + r")(?:\s(?:of|de|di|do|da|del|dos|das|dei|degli)\s\w+)?\s(?=\w+\s*$)"
    )


_CLAUSE_END = re.compile(r"[,;:.!?()\u2014]")


def remaining_mark(claim: Claim) -> bool:
    """Whether the words around a figure say it counts those still in a state after some
    left it ("133 guards remain held", "los 136 restantes"), in its own clause.

    >>> from factcheck.extraction import extract_text
    >>> [remaining_mark(c) for c in extract_text("Inmates took 178 guards hostage; 136 remained hostage on Sunday.")]
    [False, True]
    """
    head, tail = _window(claim, after=64)
    # just before the figure ("still holding 133", "the remaining 136"), or after it in
    # its clause ("136 guards remained hostage")
    near = " " + " ".join(_CLAUSE_END.split(head)[-1].split()[-3:]) + " "
    after = " " + _CLAUSE_END.split(tail)[0] + " "
    return any(_has(near, table.remaining) or _has(after, table.remaining) for table in _languages(claim))


_ONLY_REACH = 16  # characters: "in Malatya province alone", "solo en la provincia de"


def only_here(claim: Claim) -> bool:
    """Whether the words around a figure's place make it a part of a larger count: "In
    Malatya province alone, 800 died", "solo en Malatya murieron 800".

    >>> from factcheck.extraction import extract_text
    >>> [only_here(c) for c in extract_text("In Malatya province alone, 800 died. 12 died in Elazig province.")]
    [True, False]
    """
    p = claim.place
    if p is None or p.start is None or p.end is None or not p.stated:
        return False
    around = _around(claim, p.start, p.end)
    if around is None:
        return False  # a place from another sentence
    before, after = around
    return any(_has(after, t.only_after) or _has(before, t.only_before) for t in _languages(claim))


def _around(claim: Claim, start: int, end: int) -> tuple[str, str] | None:
    """The words within ``_ONLY_REACH`` before and after body offsets ``start``..``end`` of
    the claim's sentence, each cut at a comma; None when the span is not in the sentence."""
    lo, hi = start - claim.sentence_start, end - claim.sentence_start
    if not 0 <= lo <= hi <= len(claim.sentence):
        return None
    before = " " + claim.sentence[max(0, lo - _ONLY_REACH) : lo].lower() + " "
    after = " " + claim.sentence[hi : hi + _ONLY_REACH].lower() + " "
    return before.split(",")[-1], after.split(",")[0] + " "


def one_day_only(claim: Claim) -> bool:
    """Whether the words around a figure's day make it that day's own count, a part of the
    toll: "On Tuesday alone, nine people died", "solo el lunes murieron 12".

    >>> import datetime as dt
    >>> from factcheck import Document
    >>> from factcheck.extraction import extract_document
    >>> text = "On Tuesday alone, 9 died. The toll rose to 49 on Wednesday."
    >>> doc = Document(id="a", published=dt.date(2024, 6, 26), language="en", body=text)
    >>> [one_day_only(c) for c in extract_document(doc)]
    [True, False]
    """
    day = claim.time
    if day is None or day.date is None or day.precision != "day":
        return False
    around = _around(claim, day.start, day.end)
    if around is None:
        return False  # a day from another sentence
    before, after = around
    before = " " + " ".join(before.split()[-2:]) + " "  # the words right before the day
    return any(_has(after, t.only_after) or _has(before, t.day_only_before) for t in _languages(claim))


def provisional(claim: Claim) -> bool:
    """Whether the words just before a figure call it provisional ("un saldo preliminar de
    120"): the report's current toll, though an earlier one than a later report's.

    >>> from factcheck.extraction import extract_text
    >>> [provisional(c) for c in extract_text("A preliminary toll of 120 dead; 30 were injured.")]
    [True, False]
    """
    head, _ = _window(claim)
    near = " " + _CLAUSE_END.split(head)[-1] + " "
    return any(_has(near, table.provisional) for table in _languages(claim))


def total_mark(claim: Claim) -> bool:
    """Whether the words just before a figure, in its clause, call it a total ("Ao todo, dez
    pessoas morreram", "In all, 14 people died", "un total de 40"): in its report it holds
    the other figures of its quantity, those of other groups too.

    >>> from factcheck.extraction import extract_text
    >>> [total_mark(c) for c in extract_text("Gunmen killed eight people. In all, ten people died.")]
    [False, True]
    """
    head, _ = _window(claim)
    before = " " + " ".join(_CLAUSE_END.split(head)[-1].split()[-4:]) + " "
    last = " " + " ".join(head.split()[-4:]) + " "
    return any(_has(before, table.totals) or _has(last, table.totals) for table in _languages(claim))


def partitive(claim: Claim) -> bool:
    """Whether the words right after a figure make it a part of a group named before
    ("cuatro de ellas eran mujeres", "12 of them children").

    >>> from factcheck.extraction import extract_text
    >>> [partitive(c) for c in extract_text("Nine people died, four of them children.")]
    [False, True]
    """
    head, tail = _window(claim, after=24)
    words = " " + " ".join(_CLAUSE_END.split(tail)[0].split()[:3]) + " "
    # "16 feriti, di cui 12 in codice rosso", "36 injured, including six firefighters"
    before = " " + " ".join(_CLAUSE_END.split(head)[-1].split()[-3:]) + " "
    return any(_has(words, table.partitive) or _has(before, table.partitive_before) for table in _languages(claim))


def names_group(claim: Claim) -> bool:
    """Whether the words right after the figure name the group it is a part of with a
    partitive and an article ("Two of the injured", "Dos de los heridos", "Sixteen of the
    victims", "due dei feriti"): a part of a group counted before.

    >>> from factcheck.extraction import extract_text
    >>> [names_group(c) for c in extract_text("Five people were hurt. Two of the injured are in a coma.")]
    [False, True]
    """
    language = claim.language
    if not language or not vocabulary.reads(language):
        return False
    _, tail = _window(claim, after=24)
    words = _CLAUSE_END.split(tail)[0].split()
    if len(words) < 2:
        return False
    g = vocabulary.grammar(language)
    rest = _after_partitive(words, g)
    # "two of a group": an indefinite article names no group counted before
    indefinite = len(words[0]) <= 2 and words[1] in g.articles
    return rest is not None and bool(rest) and rest[0].isalpha() and not indefinite


def _after_partitive(words: list[str], g: vocabulary.Grammar) -> list[str] | None:
    """The words after a partitive and its article ("of the | injured", "de los | heridos",
    "dei | feriti": the article in the word), else None."""
    first = words[0].lower()
    if first not in g.partitive:
        return None
    if len(first) > 2:  # "dei", "dos", "des": the article is in the word
        return words[1:]
    if len(words) > 1 and words[1].lower() in g.determiners:
        return words[2:]
    return None


def opens_partitive(claim: Claim) -> bool:
    """Whether the figure's sentence opens with a partitive before a comma and the figure
    stands after it ("Of them, 19 are in critical condition", "De ellas, 19 están en estado
    grave"): a part of the group the sentence before counted.

    >>> from factcheck.extraction import extract_text
    >>> [opens_partitive(c) for c in extract_text("Sixty people were hurt. Of them, 19 are in critical condition.")]
    [False, True]
    """
    text = claim.sentence.lstrip()
    comma = text.find(",")
    if comma < 0 or claim.quantity.start - claim.sentence_start <= comma + len(claim.sentence) - len(text):
        return False
    opener = " ".join(text[:comma].lower().replace("’", "'").split())
    return any(opener in table.partitive_openers for table in _languages(claim)) or _group_frame(
        text[:comma], claim.language
    )


_FRAME_WORDS = 4
"""Words at most in a frame naming a group ("Of the dead", "De los heridos graves")."""


def _group_frame(opener: str, language: str | None) -> bool:
    """An opening frame that names a group counted before: a partitive, an article and a
    few lower-case words ("Of the dead", "De los heridos", "Dei feriti", "Dos feridos");
    not "De acuerdo con X" (no article), nor a frame holding its own figure."""
    if not language or not vocabulary.reads(language):
        return False
    words = opener.split()
    if not 2 <= len(words) <= _FRAME_WORDS or any(ch.isdigit() for ch in opener):
        return False
    rest = _after_partitive(words, vocabulary.grammar(language))
    return rest is not None and bool(rest) and all(w.islower() for w in rest)


def questioned(claim: Claim) -> bool:
    """Whether the words just before a figure, in its clause, ask about it or forecast it
    rather than assert it ("to find out if there are really 26 injured", "could reach
    20,000"), or are all of its clause and set it aside ("14 pupils, not 41, were injured"),
    or the words right after it say it is not established ("687 deaths under investigation").

    >>> from factcheck.extraction import extract_text
    >>> [questioned(c) for c in extract_text("Police will find out if there are really 26 injured.")]
    [True]
    """
    head, tail = _window(claim)
    near = " " + _CLAUSE_END.split(head)[-1] + " "
    clause = " ".join(near.split())
    # "outras 687 estão em investigação": the words after the figure, in its clause
    after = " " + " ".join(_CLAUSE_END.split(tail)[0].split()[:_UNCONFIRMED_WORDS]) + " "
    return any(
        _has(near, table.questioned) or clause in table.set_aside or _has(after, table.unconfirmed)
        for table in _languages(claim)
    )


_UNCONFIRMED_WORDS = 5
"""Words after a figure read for ``unconfirmed`` ("... are still under investigation")."""


_INTRODUCING = frozenset({"from", "de", "desde", "of", "da", "di"})


@cache
def _trailing(phrases: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(p for p in phrases if p.split()[-1] not in _INTRODUCING)


def measure_anchor(claim: Claim) -> str | None:
    """What a measure is measured from or of: "depth", or the place after "from"/"of"/"de"
    ("50 km northwest of the capital" is measured from the country's capital).

    >>> from factcheck.extraction import extract_text
    >>> [measure_anchor(c) for c in extract_text("The prison is 50 kilometres from Tegucigalpa.")]
    ['tegucigalpa']
    """
    head, tail = _window(claim, before=30, after=60)
    for table in _languages(claim):
        for subject, words in sorted(table.measure_subjects.items()):
            if _has(head, words) or _has(tail[:20], words):
                return subject
    q = claim.quantity
    rest = claim.sentence[q.end - claim.sentence_start : q.end - claim.sentence_start + 80]
    for table in _languages(claim):
        m = _anchor_pattern(table.measure_anchors, table.capital).match(rest)
        if m is None:
            continue
        if m.group("cap"):
            # "the capital", "the Honduran capital": the capital of the country in scope
            country = claim.place.country if claim.place else None
            demonym = m.group("demonym")
            if demonym:
                country = gazetteer().country_of_demonym(demonym) or country
            capital = gazetteer().capital(country) if country else None
            return fold(capital) if capital else "capital"
        return fold(m.group("name"))
    return None


@cache
def _anchor_pattern(anchors: tuple[str, ...], capitals: tuple[str, ...]) -> re.Pattern[str]:
    """ "(30 km) northwest of the Honduran capital", "al noroeste de Tegucigalpa": up to
    four words (a conversion in brackets, a direction), an anchor word, then a capital or
    a capitalised name."""
    words = "|".join(re.escape(a) for a in sorted(anchors, key=len, reverse=True))
    caps = "|".join(re.escape(c) for c in sorted(capitals, key=len, reverse=True))
    articles = r"(?:the|la|el|a|o|il)\s+"
    return re.compile(
        r"\W*(?:[\w.]+\W+){0,4}?(?:" + words + r")\s+(?:"
        r"(?P<cap>(?:" + caps + r")\b|" + articles + r"(?P<demonym>[A-ZÁÉÍÓÚÑ]\w+)\s+(?:capital|capitale)\b)"
        r"|(?:" + articles + r")?(?P<name>[A-ZÁÉÍÓÚÑ][\w’'-]+(?:\s+(?:de\s+)?[A-ZÁÉÍÓÚÑ][\w’'-]+)*))"
    )
