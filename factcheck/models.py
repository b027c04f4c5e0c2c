"""Typed records for what factcheck reads and extracts: documents and their claims.

Every offset is a character offset into :attr:`Document.body` (the text after the front
matter), so ``body[q.start:q.end] == q.text`` for every quantity. The records are the
machine-readable format: JSON output and the JSON Schema in ``docs/`` come from them."""

from __future__ import annotations

import datetime as dt
import math
from functools import cache
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_serializer, model_validator

QualifierName = Literal[
    "exact", "approximately", "at_least", "more_than", "nearly", "at_most", "less_than", "range", "vague"
]
"""How a number is qualified in the text; each one maps to an interval (docs/formats.md)."""

Precision = Literal["day", "month", "year"]
"""How precisely a date is known: a front matter ``2023-09`` is month precision."""


_R = TypeVar("_R", bound="_Record")


Basis = Literal["stated", "relative", "published", "unknown"]
"""What an :class:`AsOf` date rests on: a date the text states, a weekday or "yesterday"
resolved against the published date, the published date itself, or nothing."""

AsOfFrom = Literal[
    "date",
    "month",
    "year",
    "weekday",
    "relative_day",
    "so_far",
    "earlier_sentence",
    "next_sentence",
    "article",
    "published",
    "estimated",
]
"""Where an :class:`AsOf` was read, finer than its basis: a date, month or year, weekday or
relative day in the figure's own sentence; "so far" (the figure holds at publication); the
last time of the article's earlier sentences (a story's narrative time runs on); the day the
next sentence gives when none comes before (a lede's day, told after it); the latest day the article itself gives
(its published date being unknown or coarse); the published date as the fallback; the day the
article was most likely written, estimated from the corpus (:mod:`factcheck.dating`), as the
fallback of an article with no published day."""


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    @classmethod
    def built(cls: type[_R], **fields: Any) -> _R:
        """The record of ``fields``, built without validating them again: for the values the
        extractor has typed itself, in its hot loop, where it takes a third less time than
        validation (a claim in 3.6 µs rather than 5.1). Defaults fill the fields not given,
        and the record's own invariants are still checked. A record read from outside (a file, a caller) is
        validated as usual; tests check that every record the extractor builds validates
        to itself."""
        # the names given, checked once per class and order of names (a call site gives
        # the same ones each time)
        defaults, names, checked = _given(cls, tuple(fields))
        # every field in declared order, as validation would give them (JSON output is
        # byte-identical either way): updating a key keeps its place
        values = defaults.copy()
        values.update(fields)
        record = object.__new__(cls)
        object.__setattr__(record, "__dict__", values)
        # one set of names for every record built with the same fields (a claim's was 2.2 KB
        # of its 7): a frozen record's set is never changed in place, and a copy
        # (``model_copy``) makes its own
        object.__setattr__(record, "__pydantic_fields_set__", names)
        object.__setattr__(record, "__pydantic_extra__", None)
        object.__setattr__(record, "__pydantic_private__", None)
        if checked:
            record._invariants()
        return record

    def _invariants(self) -> None:
        """Checks across fields that no field's type can express; raise ValueError."""


@cache
def _shared_names(names: frozenset[str]) -> set[str]:
    """One ``set`` of these field names, shared by the records built with them (and by
    :func:`factcheck.sharing.share`)."""
    return set(names)


@cache
def _given(cls: type[_Record], names: tuple[str, ...]) -> tuple[dict[str, Any], set[str], bool]:
    """For :meth:`_Record.built` of ``cls`` given fields ``names`` (in the order given): every
    field with its default, the shared set of ``names``, and whether the class checks
    invariants of its own. Raises TypeError for a name ``cls`` has not or a required
    field missing (never kept: each such call raises)."""
    defaults, required = _field_defaults(cls)
    unknown = sorted(set(names) - defaults.keys())
    if unknown:
        raise TypeError(f"{cls.__name__} has no field {', '.join(unknown)}")
    if not required <= set(names):
        raise TypeError(f"{cls.__name__} needs {', '.join(sorted(required - set(names)))}")
    return defaults, _shared_names(frozenset(names)), cls._invariants is not _Record._invariants


@cache
def _field_defaults(cls: type[_Record]) -> tuple[dict[str, Any], frozenset[str]]:
    """Every field of ``cls`` in declared order with its default (None where it has none),
    and the fields a record :meth:`_Record.built` must be given: those with no default or
    a factory."""
    required = frozenset(n for n, f in cls.model_fields.items() if f.is_required() or f.default_factory is not None)
    return {n: None if n in required else f.default for n, f in cls.model_fields.items()}, required


class Dating(_Record):
    """The day an article with no published day was most likely written, estimated from the
    corpus it is read with (:mod:`factcheck.dating`), and why."""

    date: dt.date
    basis: Literal["url", "text", "neighbours", "figures"] = Field(
        description="url: a day in the article's address; text: the latest day its text names, read in the "
        "week of the dated articles nearest it; neighbours: the middle date of those articles; figures: the "
        "day dated articles of the same incident gave the running tolls it gives"
    )
    reason: str


class Document(_Record):
    """One article: its metadata from the front matter and its body text."""

    id: str
    path: str | None = None
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: dt.date | None = None
    published_precision: Precision | None = Field(
        default=None, description="day, month or year: '2023-09' is held as 2023-09-01 with month precision"
    )
    url: str | None = None
    language: str | None = None
    body: str = Field(repr=False)
    body_line: int = Field(
        default=1, ge=1, description="line of the file on which the body starts (after front matter)"
    )
    meta: dict[str, Any] = Field(default_factory=dict, repr=False)
    dated: Dating | None = Field(
        default=None,
        description="when no published day is given: the day the article was most likely written, "
        "estimated from the corpus it is read with (factcheck.dating); used to read its times only",
    )


class Quantity(_Record):
    """A number as written, with its qualifier, interval and unit.

    ``low``/``high`` are the interval the qualifier gives (``None`` is unbounded);
    ``base_*`` hold the same figures in pint base units, so "48 hours" and "2 days"
    compare equal."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    value: float | None
    low: float | None
    high: float | None
    low_open: bool = False
    high_open: bool = False
    qualifier: QualifierName = "exact"
    unit: str | None = None
    unit_text: str | None = None
    base_unit: str | None = None
    base_value: float | None = None
    base_low: float | None = None
    base_high: float | None = None
    trend: Literal["up", "down"] | None = None
    per: str | None = Field(default=None, description="the denominator of a rate: '$58.24 a barrel' has per 'barrel'")

    @model_validator(mode="after")
    def _consistent(self) -> Quantity:
        self._invariants()
        return self

    def _invariants(self) -> None:
        if self.start < 0:
            raise ValueError("quantity start before the body")
        if self.end < self.start:
            raise ValueError("quantity end before start")
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(f"interval low {self.low} above high {self.high}")

    @field_serializer("value", "low", "high", "base_value", "base_low", "base_high")
    def _finite(self, number: float | None) -> float | int | None:
        # JSON has no infinity; integers are written without ".0" so reports read naturally.
        if number is None or not math.isfinite(number):
            return None
        return int(number) if float(number).is_integer() and abs(number) < 2**53 else number


class Source(_Record):
    """Who the text attributes a claim to, as written, with the cue that says so.

    ``via`` is the inner link of a chain: in "the government reported ..., according to
    Reuters", the source is Reuters and ``via`` is the government."""

    name: str
    cue: str
    start: int
    end: int
    via: Source | None = None
    role: str | None = None
    """The speaker's title or office as the text writes it beside the name ("el presidente
    del país" for Rafael Correa, "the spokesman for Honduras' police" for Yuri Mora);
    ``name`` is the name by which other reports call the speaker."""


class Place(_Record):
    """Where a claim is scoped: the most specific place the text ties it to.

    ``within`` lists the containing places, innermost first (Turi jail: Cuenca, Ecuador),
    which is how part/whole comparisons across places are decided. An unnamed facility
    ("a prison in Cuenca") has ``name`` None and ``kind`` facility; a place the text states
    by a name not read as one of the gazetteer's ("in nearby Coyuca de Benítez", "in the
    smaller town of X") has that name as written, ``kind`` unknown and no ``within``."""

    name: str | None
    kind: Literal["country", "province", "city", "facility", "region", "unknown"]
    within: tuple[str, ...] = ()
    parts: tuple[str, ...] = ()
    """For a region written as a list ("Turkey and Syria"): the places it is made of."""
    country: str | None = None
    text: str | None = None
    start: int | None = None
    end: int | None = None
    stated: bool = True

    @property
    def key(self) -> str:
        """A stable identity string for grouping ("facility:?<Cuenca<Ecuador")."""
        own = f"{self.kind}:{self.name or '?'}"
        return own + "<" + "<".join(self.within) if self.within else own


class TimeRef(_Record):
    """When a claim is scoped, where the text says so ("in 2021", "on Tuesday")."""

    text: str
    start: int
    end: int
    date: dt.date | None = None
    year: int | None = None
    period: bool = False
    precision: Precision | None = None


class AsOf(_Record):
    """When a figure holds: a stated date or weekday resolved against the published date,
    else the published date itself. ``basis`` says which, so an editor can weigh it."""

    date: dt.date | None = None
    precision: Precision | None = None
    basis: Basis = "unknown"
    text: str | None = None
    start: int | None = None
    end: int | None = None
    derived_from: AsOfFrom | None = Field(
        default=None,
        description="where the as-of was read: date, month, year, weekday, relative_day or so_far in the "
        "figure's sentence; earlier_sentence (the last time of the article's earlier sentences); next_sentence "
        "(a sentence with no time before it: the day the next sentence of its paragraph gives, going on about "
        "the same people); article "
        "(the latest day the article gives); published (the publication date, as the fallback)",
    )
    time_of_day: str | None = Field(
        default=None, description="the part of the day or clock time stated with it, as written ('night', '13:14')"
    )
    estimated: str | None = Field(
        default=None,
        description="set when the article gives no published day and its times were read against a day "
        "estimated from the corpus (factcheck.dating): that day and why it was chosen",
    )


class Background(_Record):
    """The figure is about an earlier event ("the 1985 quake killed nearly 10,000"), tied
    to its own year and words, and never compared with the current incident."""

    year: int | None = None
    text: str
    start: int
    end: int


class Claim(_Record):
    """A numeric claim: a quantity, what it counts, what happened, where, when, and who
    says so, with its provenance (document, sentence, offsets)."""

    id: str
    document: str
    outlet: str | None = None
    published: dt.date | None = None
    quantity: Quantity
    subject: str | None = None
    subject_text: str | None = None
    subject_start: int | None = None
    subject_end: int | None = None
    event: str | None = None
    event_text: str | None = None
    subject_class: str | None = Field(default=None, description="what is counted, as a class of data/subjects.yaml")
    event_class: str | None = Field(
        default=None, description="what happened, one frame of the closed list in data/events.yaml"
    )
    cumulative: bool = Field(default=False, description="the count only grows over time (a death toll)")
    place: Place | None = None
    place_count: int | None = Field(default=None, description="a stated number of places: 'in six prisons' is 6")
    time: TimeRef | None = None
    as_of: AsOf | None = None
    background: Background | None = None
    language: str | None = Field(default=None, description="ISO 639-1 code of the sentence's language")
    source: Source | None = None
    sentence: str
    sentence_start: int
    sentence_end: int
    sentence_index: int
    line: int | None = Field(default=None, description="1-based line of the quantity in the article file")
    column: int | None = Field(default=None, description="1-based column of the quantity in the article file")
    comparative: bool = False
    """The figure is a difference, not a count ("around 3,000 more than its capacity"):
    it is kept as a claim but never compared with counts."""
    parts_group: str | None = None
    """Claims written as coordinated parts of one phrase share this ("50 guards and seven
    police officers"); the reconciler checks their sum against a stated total."""
    note: str | None = Field(
        default=None,
        description="why fields are left empty: the figure is in a language factcheck does not read",
    )
    moment: bool = False
    """The claim is a moment, not a figure: the calendar day or clock time the text gives for
    something that happened ("la primera explosión se registró a las 19:00 del 30 de
    agosto"). Its quantity has no value and its ``as_of`` is the moment; reconciliation
    leaves it out (:mod:`factcheck.extraction.momentclaims`)."""
