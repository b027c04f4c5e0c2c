"""The shared record extraction works on: one sentence and its layers of typed mentions.

Extraction runs in two steps, as NLP pipelines do over a shared document (spaCy's
``Doc``): annotators each add one layer to a :class:`Sentence` (quantities, times,
places, attributions, events, subjects), reading their own language's vocabulary; then one
composer turns the layers into claims, the same way for every language. A later step reads
the layers and never scans the text again."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..models import Document, Place, Source
from .attribution import Attribution
from .events import EventMention
from .namedindex import NamedIndex
from .places import PlaceMention
from .quantities import Found
from .timewords import TimeMention
from .tokens import Token

if TYPE_CHECKING:
    from .population import Population


@dataclass(slots=True)
class DocContext:
    """What every sentence of a document shares: the document, its language, the countries
    it names (so places are read in their context) and the last named source, which a
    pronoun in a later sentence refers back to."""

    doc: Document
    language: str
    countries: list[str]
    default_place: Place | None
    tolerance: float
    include_indefinite: bool = False
    last_named: Source | None = None
    named: list[Source] = field(default_factory=list)
    """Named sources so far, in order: "the governor" refers back to the last one with that role."""
    named_index: NamedIndex = field(default_factory=NamedIndex)
    """:attr:`named` indexed by word, for those look-ups."""
    carried: tuple[int, Source] | None = None
    """(end offset, source) of the sentence just before when it attributed its figures: the
    next sentence of the same paragraph that goes on listing figures shares its source."""
    carried_measures: bool = False
    """Whether every figure of that sentence was a measure with a unit (a magnitude, a
    distance): a measuring body's report, which the measures after it go on with."""
    last_counted: tuple[str, str | None] | None = None
    """(subject class, event class) of the last figure that named what it counts: the head
    a list of bare figures shares ("64 muertos. Detalló que son 30; Colima, 12")."""
    last_event: str | None = None
    """The event class of the last count that said what happened: what a later tally with
    no event of its own counts ("ha elevado la cifra hasta 46")."""
    facilities: list[Place] = field(default_factory=list)
    """Facilities named in earlier sentences, in order: "the prison" later is the one named."""
    facility_kinds: frozenset[str] = frozenset()
    """The kinds of facility the last sentence that wrote a facility word named ("la
    estancia provisional", "the prison"), named or not: where "el lugar" is."""
    site_kinds: frozenset[str] = frozenset()
    """The kinds of facility the article's first sentence naming one names: where its
    incident happened ("A fire at a prison ..."), for people present elsewhere later."""
    population: Population | None = None
    """Who the article's tolls count when they say only "personas" (extraction.population)."""
    population_read: bool = False
    newlines: list[int] = field(default_factory=list)
    """Offsets of the body's line breaks, for each claim's line and column in the file."""
    event_name: str | None = None
    """The name of the article's own event, when it has one ("Milton" in "Hurricane Milton")."""

    def position(self, start: int) -> tuple[int, int]:
        """The 1-based line and column in the file of body offset ``start``, for CI
        annotations."""
        k = bisect_left(self.newlines, start)
        line_start = self.newlines[k - 1] + 1 if k else 0
        return self.doc.body_line + k, start - line_start + 1


@dataclass(frozen=True, slots=True)
class TimeSpan:
    """A date, weekday, relative day, year or clock time at body offsets ``start``..``end``:
    numbers inside it are part of a time, never claims ("el 19 de septiembre")."""

    start: int
    end: int
    kind: str


@dataclass(slots=True)
class SubjectMention:
    """What one quantity counts: the words (``first``..``last`` when they are the
    quantity's own phrase), a normalised phrase, and its class in the neutral taxonomy.
    ``event`` is the event the noun itself implies ("deaths": killed)."""

    subject: str | None = None
    text: str | None = None
    first: int | None = None
    last: int | None = None
    subject_class: str | None = None
    event: str | None = None
    stop: int | None = None
    """The token that ended the quantity's own noun phrase, where the event search goes on."""
    of_group: bool = False
    """The quantity is a part of the group the sentence counted just before ("Five victims
    ..., two of them ..."): what happened to it is what happened to that group."""


@dataclass(slots=True)
class Sentence:
    """One sentence of a document body with the layers annotators add to it. Token and
    mention offsets are into the document body."""

    body: str
    start: int
    end: int
    index: int
    language: str
    tokens: list[Token]
    quantities: list[Found] = field(default_factory=list)
    times: list[TimeSpan] = field(default_factory=list)
    time_mentions: list[TimeMention] = field(default_factory=list)
    """The time layer's own records (factcheck.extraction.times), for as-of and background."""
    places: list[PlaceMention] = field(default_factory=list)
    place_counts: tuple[tuple[int, int], ...] = ()
    """(token, value) of each number of places the sentence states ("in six prisons"), when
    it holds more than one figure: that number is then a figure of its own, and the others
    are scoped by it."""
    attributions: list[Attribution] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)
    subjects: list[SubjectMention] = field(default_factory=list)
    """One per quantity, in the order of :attr:`quantities`."""
    groups: dict[int, str] = field(default_factory=dict)
    """Quantity index -> parts group, for figures written as coordinated parts."""
    comparative: set[int] = field(default_factory=set)
    """Quantity indexes that are differences ("3,000 more"), not counts."""

    @property
    def text(self) -> str:
        return self.body[self.start : self.end]

    def place_tokens(self) -> set[int]:
        """Tokens inside a named country, province or city."""
        return {
            i
            for p in self.places
            for i in range(p.first, p.last + 1)
            if p.place.kind in ("country", "city", "province")
        }
