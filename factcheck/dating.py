"""Dating: the day an article with no published day was most likely written, estimated from
the corpus it is read with, so that its weekdays and "yesterday"s resolve to days.

Many copies of news on the web carry no date (an aggregator's page, a wire story reposted,
a blog), yet their text says "on Sunday", "este martes", "el 14 de enero". Those words name
days once the week is known, and the week is known from the other articles about the same
incident that do carry dates. This stage runs over all documents before extraction and gives
each document whose published date is missing or coarse (a month, a year) a
:class:`~factcheck.models.Dating`, with its reason in words:

1. ``url``: a day written in the article's address (``/2023/06/20/``, ``20170920``);
2. ``text``: the latest day the article's own text names (a date, a weekday; not the
   incident's own day, nor an embedded post's), a weekday read as the latest such day up to
   the day after the earliest of the dated articles nearest it in content (the incident's
   coverage); when the only day it names is its incident's, written as a past day ("la
   madrugada del miércoles", not "este miércoles"), the day after it;
3. ``neighbours``: else the middle date of those nearest dated articles, each weighed by
   how alike it is.

Nearness is the cosine of the tf-idf weights of capitalised words and figures: coverage of
one incident shares its names and its figures whatever its language, which coverage of
another incident in the same place mostly does not. Each estimate stays within what the
front matter says (a published month is kept). The estimate is used for reading times
only: a claim's ``published`` stays as given, and every as-of read against an estimate
says so (:attr:`~factcheck.models.AsOf.estimated`)."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from .extraction.asof import embedded_post
from .extraction.countries import body_countries
from .extraction.language import document_language
from .extraction.named_events import main_event_name
from .extraction.times import _coarse, _period_end, find_times
from .extraction.timewords import TimeMention, flat, time_words
from .models import Dating, Document

NEIGHBOURS = 5
"""How many of the nearest dated articles set the week an undated one is read in."""

MAX_POSTINGS = 200
"""A term in more dated documents than this (and than a tenth of the corpus) is too common
to tell one incident's coverage from another's, and is not indexed."""

MIN_SIMILARITY = 0.08
"""Cosine below which a dated article is not taken as coverage of the same incident."""

WEEK = 7
"""Neighbours further apart than this from the best-backed one are another incident's."""

NEAR_DAYS = 10
"""How far a day the text names may stand from its neighbours' dates to be its own."""

READ_UP_TO = 1
"""A weekday the text names is read as the latest such day on or before this many days
after the earliest of its dated neighbours. One day, not none: a report written late in the
day is often dated the next by the site that carries it, whatever the incident; not more:
an undated copy is mostly of a story's first reports, so its weekdays are not later than
its earliest neighbour's (measured on dev and dev2 together where it is used below)."""

AFTER_EVENT = 1
"""An article whose text names no day but its event's was written this many days after it:
it reports the event's toll, which is counted after it, and undated copies are mostly of a
story's first reports."""

_NAME = re.compile(r"(?<![\w-])[^\W\d_a-z][^\W\d_]{3,}|(?<![\w.,])[0-9][0-9.,]*[0-9]")
_URL_DAY = re.compile(
    r"(?<![0-9])(?P<y>(?:19|20)[0-9]{2})(?P<s>[/_-]?)(?P<m>0[1-9]|1[0-2])(?P=s)(?P<d>0[1-9]|[12][0-9]|3[01])(?![0-9])"
)
_URL_DMY = re.compile(r"(?<![0-9])(?P<d>0[1-9]|[12][0-9]|3[01])-(?P<m>0[1-9]|1[0-2])-(?P<y>(?:19|20)[0-9]{2})(?![0-9])")


def url_day(url: str | None) -> dt.date | None:
    """A day written in an article's address, as news sites write it in their paths.

    >>> url_day("https://www.example-news.com/news/2022/03/14/nine-die-in-mine-blast/")
    datetime.date(2022, 3, 14)
    >>> url_day("https://diario.example.mx/estados/05-11-2019/suman-12-heridos-por-lluvias")
    datetime.date(2019, 11, 5)
    >>> url_day("https://wire.example.com/20190711/flood-toll-1058000111.html")
    datetime.date(2019, 7, 11)
    >>> url_day("https://www.example.com/mundo/noticias/2015/08/150812_peru_huaico") is None
    True
    """
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]*", "", url.strip(), flags=re.I)
    for pattern in (_URL_DAY, _URL_DMY):
        for m in pattern.finditer(path):
            try:
                return dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
            except ValueError:
                continue
    return None


def _weights(docs: Sequence[Document]) -> list[dict[str, float]]:
    """Each document's tf-idf weights over its capitalised words (names, which the coverage
    of one incident shares whatever its language) and its figures of two digits or more,
    normalised to unit length."""
    counts = [Counter(flat(w) for w in _NAME.findall(d.body)) for d in docs]
    df: Counter[str] = Counter()
    for c in counts:
        df.update(c.keys())
    n = len(docs)
    out = []
    for c in counts:
        # smoothed: a name every article shares still counts a little (two articles of one incident)
        w = {t: (1 + math.log(k)) * math.log((n + 1) / df[t]) for t, k in c.items()}
        norm = math.sqrt(sum(v * v for v in w.values())) or 1.0
        out.append({t: v / norm for t, v in w.items()})
    return out


def _postings(weights: list[dict[str, float]], known: dict[int, dt.date], n: int) -> dict[str, list[tuple[int, float]]]:
    """The dated documents' weights by term, for cosines summed over shared terms only; a
    term in more than ``MAX_POSTINGS`` documents (or a tenth of a large corpus) weighs
    little and is left out, so cost grows with the corpus, not its square."""
    cap = max(MAX_POSTINGS, n // 10)
    index: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for j in sorted(known):
        for term, w in weights[j].items():
            index[term].append((j, w))
    return {t: p for t, p in index.items() if len(p) <= cap}


def _day_known(doc: Document) -> bool:
    return doc.published is not None and (doc.published_precision or "day") == "day"


def _within(doc: Document, day: dt.date) -> bool:
    """Whether ``day`` agrees with the document's coarse published date, if any."""
    if doc.published is None:
        return True
    lo, _ = _coarse(doc.published, doc.published_precision or "day")
    return lo <= day <= _period_end(doc.published, doc.published_precision)


def date_documents(
    docs: Sequence[Document], figures: Mapping[str, tuple[dt.date, str]] | None = None
) -> list[Document]:
    """The documents, each with no published day given a :class:`Dating` when the corpus
    allows one; the others unchanged. Deterministic whatever the order of ``docs``.
    ``figures`` holds, by document id, a day and its reason estimated from the figures the
    document shares with dated coverage (:mod:`factcheck.figuredating`), which then stands
    (the day in its address still comes first).

    >>> a = Document(id="a", published=dt.date(2017, 3, 19), body="Peru floods: Piura toll rises to 31.")
    >>> b = Document(id="b", body="The Peru flood toll in Piura rose to 38 on Monday.")
    >>> dated = date_documents([a, b])
    >>> dated[1].dated.date, dated[1].dated.basis
    (datetime.date(2017, 3, 20), 'text')
    """
    order = sorted(range(len(docs)), key=lambda i: docs[i].id)
    ordered = [docs[i] for i in order]
    undated = [k for k, d in enumerate(ordered) if not _day_known(d)]
    if not undated:
        return list(docs)
    weights = _weights(ordered)
    known = {k: d.published for k, d in enumerate(ordered) if _day_known(d) and d.published is not None}
    postings = _postings(weights, known, len(ordered))
    names = _EventNames(ordered)
    countries = _Countries(ordered)
    out = list(ordered)
    for k in undated:
        doc = ordered[k]
        from_url = url_day(doc.url)
        if from_url is not None and _within(doc, from_url):
            out[k] = doc.model_copy(
                update={"dated": Dating(date=from_url, basis="url", reason="the day in the article's address")}
            )
            continue
        scores = _same_country(countries, k, _same_named_event(names, k, _scores(weights[k], postings)))
        fixed = (figures or {}).get(doc.id)
        dating = _estimate(doc, [(score, known[j], ordered[j].id) for j, score in scores.items()], fixed)
        if dating is not None:
            out[k] = doc.model_copy(update={"dated": dating})
    return _restore(docs, out, order)


def _scores(weights: dict[str, float], postings: dict[str, list[tuple[int, float]]]) -> dict[int, float]:
    """The cosine of one document with each dated document it shares an indexed term with."""
    scores: dict[int, float] = defaultdict(float)
    for term, v in weights.items():
        for j, w in postings.get(term, ()):
            scores[j] += v * w
    return scores


class _EventNames:
    """The name of the event each document names first, read once per document."""

    def __init__(self, docs: Sequence[Document]) -> None:
        self._docs = docs
        self._names: dict[int, str | None] = {}

    def __getitem__(self, k: int) -> str | None:
        if k not in self._names:
            doc = self._docs[k]
            self._names[k] = main_event_name(doc.body, document_language(doc))
        return self._names[k]


def _same_named_event(names: _EventNames, k: int, scores: dict[int, float]) -> dict[int, float]:
    """The scores of the dated documents that name the event document ``k`` names first
    ("el huracán Otis", "Hurricane Otis"), when some do: coverage of a named event is the
    coverage that names it, whatever officials it shares with another incident's ("Rosa
    Icela Rodríguez" spoke of a hurricane and of a fire). All the scores otherwise."""
    name = names[k]
    if name is None:
        return scores
    same = {j: s for j, s in scores.items() if names[j] == name}
    return same or scores


class _Countries:
    """The countries each document names, its main one first, read once per document."""

    def __init__(self, docs: Sequence[Document]) -> None:
        self._docs = docs
        self._countries: dict[int, list[str]] = {}

    def __getitem__(self, k: int) -> list[str]:
        if k not in self._countries:
            self._countries[k] = body_countries(self._docs[k].body)
        return self._countries[k]


def _same_country(countries: _Countries, k: int, scores: dict[int, float]) -> dict[int, float]:
    """The scores of the dated documents that name the country document ``k`` is mainly
    about, when some do: an undated report of a hurricane in Mexico is not dated from an
    earthquake in Ecuador because both count their dead in the same words. All the scores
    otherwise."""
    own = countries[k]
    if not own:
        return scores
    same = {j: s for j, s in scores.items() if own[0] in countries[j]}
    return same or scores


def coverage(docs: Sequence[Document], limit: int = 20) -> dict[str, list[tuple[str, float]]]:
    """For each document with no published day, the dated documents most alike in content
    (at most ``limit``, cosine at least ``MIN_SIMILARITY``, most alike first, ties by id):
    the coverage of its incident it is dated from. Deterministic whatever the order of ``docs``."""
    ordered = sorted(docs, key=lambda d: d.id)
    undated = [k for k, d in enumerate(ordered) if not _day_known(d)]
    if not undated:
        return {}
    weights = _weights(ordered)
    known = {k: d.published for k, d in enumerate(ordered) if _day_known(d) and d.published is not None}
    postings = _postings(weights, known, len(ordered))
    out: dict[str, list[tuple[str, float]]] = {}
    names = _EventNames(ordered)
    countries = _Countries(ordered)
    for k in undated:
        scores = _same_country(countries, k, _same_named_event(names, k, _scores(weights[k], postings)))
        best = sorted(((-s, ordered[j].id) for j, s in scores.items() if s >= MIN_SIMILARITY))[:limit]
        out[ordered[k].id] = [(i, -s) for s, i in best]
    return out


def _restore(docs: Sequence[Document], ordered: list[Document], order: list[int]) -> list[Document]:
    """``ordered`` put back in the callers' order."""
    back: list[Document | None] = [None] * len(docs)
    for pos, i in enumerate(order):
        back[i] = ordered[pos]
    return [d for d in back if d is not None]


def _estimate(
    doc: Document, dated: list[tuple[float, dt.date, str]], fixed: tuple[dt.date, str] | None = None
) -> Dating | None:
    """The day ``doc`` was most likely written, from its nearest dated neighbours (cosine,
    date, id of each dated document that shares a term with it), or from ``fixed``, a day
    its figures place it on, and the reason."""
    if fixed is not None and _within(doc, fixed[0]):
        # the day its toll was given, or a later day its text names (read in that week)
        read = _read_text(doc, [fixed[0]], fixed[0], f"the day {fixed[1]}")
        return read if read.date > fixed[0] else Dating(date=fixed[0], basis="figures", reason=fixed[1])
    scored = sorted((t for t in dated if _within(doc, t[1])), key=lambda t: (-t[0], t[1], t[2]))
    near = [t for t in scored[:NEIGHBOURS] if t[0] >= MIN_SIMILARITY]
    if not near:
        return None

    # the neighbours may mix coverage of two incidents in one place: keep the dates that
    # the most similarity backs, those within a week of each other
    def support(day: dt.date) -> float:
        return sum(t[0] for t in near if abs((t[1] - day).days) <= WEEK)

    best = max(near, key=lambda t: (support(t[1]), t[0], -t[1].toordinal()))
    near = [t for t in near if abs((t[1] - best[1]).days) <= WEEK]
    days = sorted(t[1] for t in near)
    middle = _weighted_middle(near)
    names = ", ".join(t[2] for t in near)
    read = _read_text(doc, days, middle, f"the earliest of its nearest dated articles ({names})")
    if read.basis == "text":
        return read
    return Dating(date=middle, basis="neighbours", reason=f"the middle date of its nearest dated articles ({names})")


def _weighted_middle(near: list[tuple[float, dt.date, str]]) -> dt.date:
    """The date of the neighbours (cosine, date, id) that half their similarity falls on or
    before: the most alike copy weighs most, so that two dated copies of the story a day
    later outweigh three loosely alike reports of its first day.

    >>> d = dt.date
    >>> _weighted_middle([(0.30, d(2023, 6, 21), "a"), (0.15, d(2023, 6, 20), "b"),
    ...                   (0.11, d(2023, 6, 20), "c"), (0.09, d(2023, 6, 21), "e")])
    datetime.date(2023, 6, 21)
    """
    half = sum(t[0] for t in near) / 2
    acc = 0.0
    for day in sorted({t[1] for t in near}):
        acc += sum(t[0] for t in near if t[1] == day)
        if acc >= half:
            return day
    return max(t[1] for t in near)


def _read_text(doc: Document, days: list[dt.date], middle: dt.date, after: str) -> Dating:
    """The latest day ``doc``'s text names, its weekdays read up to the day after the
    earliest of ``days`` (``after`` tells which day that is), with basis "text"; else
    ``middle`` with basis "neighbours"."""
    # a weekday is read as the latest such day up to the day after the earliest neighbour
    # (find_times resolves it to the such day nearest the anchor, three days either way):
    # undated copies are mostly of a story's first reports, and the dated articles nearest
    # one in content were published by then or later (dev and dev2: 141 -> 164 of 289
    # figures on the estimated day, against reading it nearest the neighbours' middle date)
    anchor = days[0] + dt.timedelta(days=READ_UP_TO - 3)
    lang = document_language(doc)
    # read with a month-precision published date and the anchor: a weekday goes to the such
    # day nearest the anchor, a day-and-month takes the neighbours' year
    mentions = find_times(doc.body, 0, len(doc.body), middle, "month", lang, anchor=anchor)
    days_named = [
        m
        for m in mentions
        if m.kind in ("date", "weekday")
        and m.date is not None
        and m.precision == "day"
        and m.relation != "since"
        and abs((m.date - anchor).days) <= NEAR_DAYS
        and _within(doc, m.date)
        # an embedded post's day ("— InfoEmergencias (@InfoEmerg) 19 de septiembre de 2017")
        # is when it was posted, not a day the article tells of
        and not embedded_post(doc.body, m.start)
    ]
    # the day of the event the text tells of ("el sismo que sacudió el sábado") is no
    # figure's day, but the article was written on it or after it, and so a weekday of the
    # article's own week ("este miércoles") that would fall before it is the such day after
    floor = max((m.date for m in days_named if m.date is not None and m.event), default=dt.date.min)
    named = [
        m.date + dt.timedelta(days=WEEK)
        if _this_week(m.text, lang) and (m.date < floor or _after_last_week(doc.body, m, days_named, lang))
        else m.date
        for m in days_named
        if m.date is not None and not m.event
    ]
    if named or floor > middle:
        day = max([*named, floor])
        return Dating(
            date=day,
            basis="text",
            reason=f"the latest day the article names, its weekdays read up to the day after {after}",
        )
    if floor > dt.date.min and _told_as_past(days_named, floor, lang):
        # it names no day but its event's, as a day before the one it is written on ("el
        # miércoles, cuando el huracán Otis azotó", not "este miércoles"): it was written
        # after it and, as an undated copy is mostly of a story's first reports, the day after
        return Dating(
            date=floor + dt.timedelta(days=AFTER_EVENT),
            basis="text",
            reason="the day after the only day the article names, its event's",
        )
    return Dating(date=middle, basis="neighbours", reason=after)


def _after_last_week(body: str, m: TimeMention, days: Sequence[TimeMention], language: str) -> bool:
    """Whether a weekday of the article's own week ("este lunes") stands in a sentence that
    places what it tells of in the week before ("subió este lunes a 40 la cifra de muertos
    tras el incendio ... la semana pasada": ``last_week`` of data/<lang>/times.yaml) and
    falls in the week of another day the article names: it is then the such day a week on."""
    phrases = time_words(language).last_week
    if not phrases or m.date is None:
        return False
    lo = max(body.rfind(".", 0, m.start), body.rfind("\n", 0, m.start)) + 1
    ends = [i for i in (body.find(".", m.end), body.find("\n", m.end)) if i >= 0]
    sentence = flat(body[lo : min(ends) if ends else len(body)])
    if not any(p in sentence for p in phrases):
        return False
    week = m.date.isocalendar()[:2]
    return any(o is not m and o.date is not None and o.date.isocalendar()[:2] == week for o in days)


def _told_as_past(days: Sequence[TimeMention], floor: dt.date, language: str) -> bool:
    """Whether the event's day ``floor`` is written only as a bare weekday ("el miércoles",
    "Saturday evening"), none with a word for the current week ("este martes", which
    Spanish writes for the day of writing) nor as a full date."""
    own = [m for m in days if m.event and m.date == floor]
    return bool(own) and all(m.kind == "weekday" and not _this_week(m.text, language) for m in own)


def _this_week(text: str, language: str) -> bool:
    """Whether a weekday is written with a word for the current week ("este miércoles",
    "this Friday", "en la madrugada de este martes"): the weekday_modifiers of
    data/<lang>/times.yaml that read "week", right before the weekday.

    >>> _this_week("este miércoles", "es"), _this_week("el pasado miércoles", "es")
    (True, False)
    >>> _this_week("en la madrugada de este martes", "es"), _this_week("la madrugada del martes", "es")
    (True, False)
    """
    w = time_words(language)
    words = flat(text).split()
    at = next((i for i, word in enumerate(words) if word in w.weekdays), len(words))
    return any(w.weekday_modifiers.get(" ".join(words[max(0, at - k) : at])) == "week" for k in (1, 2))


__all__ = ["coverage", "date_documents", "url_day"]
