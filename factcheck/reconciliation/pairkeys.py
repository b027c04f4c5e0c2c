"""Exact keys for judging pairs of claims once: copies of one story give the classifier
many pairs that read the same.

With k copies of a story on each side of a disagreement, ``classify`` meets k² pairs of
claims, and nearly all of them read the same values: the same figures, words, place and
source, the same relation between their documents, and dates the same number of days
apart. A pair's key holds exactly what judging the pair reads (``classify._pair_timing``
and ``classify._judge``), so two pairs with one key get one timing and one verdict, and
the judgement is made once per key. What the key holds:

* of each claim, its *signature*: the bounds of its figure (and its interval, where the
  classifier asks whether two claims agree), the words that order it in time, its measure
  anchor, whether it only grows, its event and classes, its stated place (what its key is
  made of, and whether stated), its source's name, whether it holds "so far", the basis of
  its moment, its clock (the national toll its report gives), whether its words say it
  counts those still held, and the total of the phrase it is a part of;
* of the pair, whether the claims share their document, their copy group, their sentence,
  and how many days apart their moments are when both are days (only that difference is
  read: a day is before, after or on another, so many days apart), else both moments.

A signature is numbered once per claim, so that a pair's key is a tuple of small values.
A claim's row (its signature's number and what the pair reads) is computed once per
reconciliation: ``one_run`` opens a ``PairKeys`` that the classifier's calls of that run
share (``current``), and drops it, with the facets it holds, when the run ends. Without
it each call numbers its claims afresh, as the checks of a 5,000-article folder did about
14 times per claim.
A new field read by the judgement must be added here: ``tests/test_pairkeys.py`` checks on
the dev corpora and on generated claims that judging with the keys gives the findings
judging every pair does."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeAlias, TypeVar, cast

from ..config import Settings
from ..intervals import Interval
from .keys import Facet
from .positions import claim_interval
from .timeline import Moment

T = TypeVar("T")

CACHED_SIDE = 8
"""Facets at least in a side whose rows and classes a run keeps (``PairKeys.side``)."""

Row: TypeAlias = tuple[int, str, str, int, "int | None", int, "Interval | None"]
"""A claim as the keys read it: signature number, document, copy group, sentence start,
day (its ordinal) when its moment is a day, its moment's number (equal moments, one
number: a key compares two small numbers, not two ``Moment`` records in Python), and its
interval."""


class KeptJudgements:
    """Pairs of claims judged in earlier runs, kept for the next (an archive checking many
    drafts: drafts about one incident meet the same pairs of archived claims). A pair's key
    is made of its claims' signatures, numbered here once and for all, and of their
    relations, so a key means the same pair of readings in every run; a verdict also
    depends on the settings, so verdicts are kept per settings. Everything is forgotten at
    once past ``limit`` verdicts (numbers and verdicts together: a verdict's key holds
    numbers).

    >>> kept = KeptJudgements(limit=2)
    >>> table = kept.verdicts(Settings())
    >>> table["k"] = None
    >>> kept.verdicts(Settings()) is table, kept.verdicts(Settings(window_days=30)) is table
    (True, False)
    >>> len(kept)
    1
    """

    __slots__ = ("limit", "numbers", "moments", "_verdicts")

    def __init__(self, limit: int = 1_000_000) -> None:
        self.limit = limit
        self.numbers: dict[Hashable, int] = {}
        self.moments: dict[Moment, int] = {}
        self._verdicts: dict[str, dict[Hashable, Any]] = {}

    def verdicts(self, settings: Settings) -> dict[Hashable, Any]:
        """The verdicts kept under ``settings`` by pair key."""
        name = settings.model_dump_json()
        table = self._verdicts.get(name)
        if table is None:
            table = self._verdicts[name] = {}
        return table

    def __len__(self) -> int:
        """How many verdicts are kept."""
        return sum(len(t) for t in self._verdicts.values())

    def clear(self) -> None:
        """Forget every number and verdict."""
        self.numbers.clear()
        self.moments.clear()
        self._verdicts.clear()


class PairKeys:
    """Numbers the signatures of the claims it is given, and keys their pairs; each
    facet's row is kept (by identity: a facet equals only itself), so a ``PairKeys``
    shared by the calls of one run computes it once per tolerance. With ``kept``, the
    numbers are those of earlier runs and verdicts are looked up there (``judged``)."""

    __slots__ = ("_numbers", "_moments", "_rows", "_kept", "_tables", "_sides", "_groups", "one_group_per_document")

    def __init__(self, kept: KeptJudgements | None = None) -> None:
        if kept is not None and len(kept) > kept.limit:
            kept.clear()  # only here, before this run numbers any claim
        self._numbers: dict[Hashable, int] = {} if kept is None else kept.numbers
        self._moments: dict[Moment, int] = {} if kept is None else kept.moments
        self._rows: dict[float | None, dict[Facet, Row]] = {}
        self._kept = kept
        # by the settings' identity, each held so that its id names no other settings
        self._tables: dict[int, tuple[Settings, dict[Hashable, Any]]] = {}
        self._sides: dict[Hashable, tuple[list[Row], Any]] = {}
        self._groups: dict[str, str] = {}
        self.one_group_per_document = True
        """Every document of the facets given a row so far is in one copy group (so two
        claims of two copy groups are of two documents): what ``facets_of`` makes, checked
        here, never assumed, as each facet is given its row."""

    def side(
        self, facets: Sequence[Facet], tolerance: float | None, made: Callable[[list[Row]], T]
    ) -> tuple[list[Row], T]:
        """The rows of a side's facets (``rows``) and what ``made`` makes of them, once per
        side and ``made``: one side meets every other side of its key, and the checks
        across keys, in turn (at 5,000 articles 1,121 sides were asked for 24,618 times).
        A side is its facets, by identity (the rows hold them, so no identity is reused
        while the keys last). A side of fewer than ``CACHED_SIDE`` facets is made afresh
        each time: cheap to make, and most sides of most keys, whose keeping cost 70 MB at
        200,000 synthetic claims."""
        if len(facets) < CACHED_SIDE:
            rows = self.rows(facets, tolerance)
            return rows, made(rows)
        key = (tolerance, made, *map(id, facets))
        held = self._sides.get(key)
        if held is None:
            rows = self.rows(facets, tolerance)
            held = self._sides[key] = (rows, made(rows))
        return held[0], cast(T, held[1])

    def judged(self, settings: Settings) -> dict[Hashable, Any] | None:
        """The verdicts earlier runs gave by pair key under ``settings`` (the classifier adds
        its own), or None when nothing is kept between runs."""
        if self._kept is None:
            return None
        held = self._tables.get(id(settings))
        if held is None:
            held = self._tables[id(settings)] = (settings, self._kept.verdicts(settings))
        return held[1]

    def rows(self, facets: Sequence[Facet], tolerance: float | None = None) -> list[Row]:
        """Each facet as the keys read it; with ``tolerance``, its interval is part of its
        signature (so that whether two claims agree is read off their key)."""
        known = self._rows.get(tolerance)
        if known is None:
            known = self._rows[tolerance] = {}
        out: list[Row] = []
        for f in facets:
            row = known.get(f)
            if row is None:
                row = known[f] = self._row(f, tolerance)
            out.append(row)
        return out

    def _row(self, f: Facet, tolerance: float | None) -> Row:
        m = f.moment
        day = m.date.toordinal() if m.date is not None and m.precision in (None, "day") else None
        iv = None if tolerance is None else claim_interval(f.claim, tolerance)
        # records as tuples: a tuple's hash is computed in C, a dataclass's in Python
        bounds = None if iv is None else _bounds(iv)
        sign = (signature(f), bounds)
        numbers = self._numbers
        number = numbers.get(sign)
        if number is None:
            number = numbers[sign] = len(numbers)
        if self._groups.setdefault(f.document, f.source) != f.source:
            self.one_group_per_document = False
        moments = self._moments
        moment = moments.get(m)
        if moment is None:
            moment = moments[m] = len(moments)
        return (number, f.document, f.source, f.sentence_start, day, moment, iv)


_RUN: ContextVar[PairKeys | None] = ContextVar("factcheck_pairkeys_run", default=None)


_KEPT: ContextVar[KeptJudgements | None] = ContextVar("factcheck_pairkeys_kept", default=None)


@contextmanager
def keeping(kept: KeptJudgements | None) -> Iterator[None]:
    """The runs started inside the block (``one_run``) look up and keep their verdicts in
    ``kept`` (None: nothing kept, as outside the block)."""
    token = _KEPT.set(kept)
    try:
        yield
    finally:
        _KEPT.reset(token)


@contextmanager
def one_run() -> Iterator[PairKeys]:
    """The keys shared by the classifier's calls until the block ends (one reconciliation):
    each claim's signature computed once, not once per call (and numbered as in earlier
    runs when verdicts are kept, ``keeping``)."""
    token = _RUN.set(PairKeys(_KEPT.get()))
    try:
        keys = _RUN.get()
        assert keys is not None
        yield keys
    finally:
        _RUN.reset(token)


def current() -> PairKeys:
    """The keys of the run under way (``one_run``), else fresh keys for one call."""
    keys = _RUN.get()
    return PairKeys() if keys is None else keys


def pair_key(a: Row, b: Row) -> Hashable:
    """The key of the pair of ``a`` (lower side) and ``b`` (higher side)."""
    apart: Hashable = a[4] - b[4] if a[4] is not None and b[4] is not None else (a[5], b[5])
    return (a[0], b[0], a[1] == b[1], a[2] == b[2], a[3] == b[3], apart)


def pair_keys(a: Row, highs: Sequence[Row]) -> list[Hashable]:
    """``pair_key(a, b)`` for each row ``b`` of ``highs``, in order: one call for a claim
    against a whole side (the classifier keys millions of pairs at 5,000 articles, and a
    Python call per pair cost as much as the key itself).

    >>> rows = [(0, "d1", "g1", 5, 10, 0, None), (1, "d2", "g1", 5, 12, 1, None)]
    >>> pair_keys(rows[0], rows) == [pair_key(rows[0], b) for b in rows]
    True
    """
    a0, a1, a2, a3, a4, a5, _ = a
    if a4 is None:
        return [(a0, b[0], a1 == b[1], a2 == b[2], a3 == b[3], (a5, b[5])) for b in highs]
    return [
        (a0, b[0], a1 == b[1], a2 == b[2], a3 == b[3], a4 - b[4] if b[4] is not None else (a5, b[5])) for b in highs
    ]


def signature(f: Facet) -> Hashable:
    """What judging a pair reads of one claim, but for its relations to the other claim
    and its moment (which the pair's key holds)."""
    c = f.claim
    q = c.quantity
    place, source, as_of, clock = c.place, c.source, c.as_of, f.clock
    return (
        q.low,
        q.high,
        q.value,
        f.order,
        f.anchor,
        f.cumulative,
        f.event,
        f.classes,
        # what ``place.key`` is made of
        None if place is None else (place.stated, place.kind, place.name, place.within),
        None if source is None else source.name,
        as_of is not None and as_of.derived_from == "so_far",
        f.moment.basis,
        None if clock is None else (clock.key, clock.text, *_bounds(clock.interval)),
        f.remaining,
        None if f.phrase_total is None else _bounds(f.phrase_total),
    )


def _bounds(iv: Interval) -> tuple[float | None, float | None, bool, bool]:
    return (iv.low, iv.high, iv.low_open, iv.high_open)
