"""The quantity key: which claims measure the same thing.

Two claims are comparable when their key matches: what happened (``event_class``), what
is counted (subject classes), the unit's dimension, where (the place's identity) and, for
a figure about an earlier event, that event's year. When a figure holds (its as-of time)
is not part of the key: it decides how two figures under one key relate (the same
moment, an update, a stale repeat), which is the classifier's job.

A measure with a unit (a distance, a depth) has no event; its key is the dimension and
the reference place it is measured from ("50 km from the capital")."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, TypeVar, dataclass_transform

from ..extraction.events import is_cumulative
from ..gazetteer import fold
from ..intervals import Interval
from ..models import Claim, Place
from .identity import facility_core, facility_kind, subject_classes
from .timeline import Moment, measure_anchor, moment, one_day_only, only_here, order_mark, questioned, remaining_mark

UNKNOWN_EVENT = "?"
"""The event class of a facet whose event the extraction did not read."""

if TYPE_CHECKING:
    from .clocks import Clock

CASUALTIES = frozenset({"killed", "injured", "hospitalized", "missing"})
"""Events whose people are counted as "people" or by who they were ("41 women", "38
migrants"), and whose incident is most often in one place."""

CHAINS: dict[str, tuple[str, ...]] = {"held": ("released", "rescued", "freed", "escaped")}
"""Events that happen to some of the people another event counts: no more can be released
(or rescued, or escape) than were held, and those still held after some left are fewer
than were taken."""

_MEASURE_EVENT = "measured"
"""The event class given to a measure (a distance, a depth, a speed): it happens to
nothing, it is measured."""

_DIMENSION_SUBJECT = {"meter": "distance", "second": "duration", "meter / second": "speed", "kilogram": "mass"}


_T = TypeVar("_T")


@dataclass_transform(frozen_default=True)
def _read_only(cls: type[_T]) -> type[_T]:
    """A dataclass with slots, compared by identity, whose fields the type checker holds
    read-only (a frozen dataclass to mypy) but which is built as a plain one: a frozen
    dataclass sets each field through ``object.__setattr__``, and a facet of its 17 fields
    took six times as long to build (a million claims give a million facets, and the
    steps over every facet build some again with ``dataclasses.replace``)."""
    return dataclass(slots=True, eq=False)(cls)


@_read_only
class Facet:
    """What reconciliation needs to know of a claim, computed once per claim."""

    claim: Claim
    event: str
    classes: frozenset[str]
    unit: str | None
    place: Place | None
    anchor: str | None
    background: int | str | None
    """The year of the earlier event a background figure is about, or its name when no year
    is given ("hurricane helene")."""
    era: str
    """A stated year other than the report's own ("in 2021") or a period ("in recent
    years"): such figures are compared only with figures of the same year or period."""
    cumulative: bool
    moment: Moment
    order: str | None
    """"earlier", "later" or "correction": what the words around the figure say of it."""
    source: str
    """The copy group of the claim's document: copies of one story are one source."""
    claim_id: str
    """``claim.id``, ``claim.document`` and ``claim.sentence_start``, kept on the facet: the
    steps over every facet (a million at scale) read them, and a claim record is further
    away in memory (a pass reading ``f.claim.document`` of a million facets took 0.38 s,
    one reading ``f.source`` 0.04 s)."""
    document: str
    sentence_start: int
    clock: Clock | None = None
    """The national death toll its report gives next to it (see ``clocks``)."""
    joined: str | None = None
    """The key of the quantity a facet with an unread field joined by its pairing score
    (see ``pairing``); None for a facet under its own key."""
    remaining: bool = False
    """The words around the figure say it counts those still in a state after some left it
    ("136 remained hostage"): lower than the group's full count without contradicting it."""
    phrase_total: Interval | None = None
    """The total of the coordinated phrase the figure is a part of ("50 guards and seven
    police officers": 57), see ``phrase_totals``; None for a figure standing alone."""
    phrase_covers: bool = False
    """The figure's class holds every part of its phrase ("58 passengers and four crew": the
    passengers are people, as the crew are), so the phrase total counts its class too."""

    @property
    def key(self) -> str:
        """The quantity key as a stable string, for grouping and fingerprints. It starts
        with the facet's event and "|" (a joined facet takes its quantity's event), which
        ``checks`` reads to pass by the keys of other events."""
        if self.joined is not None:
            return self.joined
        return "|".join(
            (
                self.event,
                _classes_text(self.classes),
                self.unit or "count",
                _place_key(self.place) if self.anchor is None else "from:" + self.anchor,
                f"bg{self.background}" if self.background is not None else self.era,
            )
        )

    @property
    def country(self) -> str | None:
        return self.place.country if self.place else None


def with_place(f: Facet, place: Place | None) -> Facet:
    """``dataclasses.replace(f, place=place)`` as a direct call (``replace`` reads the
    fields' list and takes twice as long; the steps over every facet move many)."""
    return Facet(
        f.claim,
        f.event,
        f.classes,
        f.unit,
        place,
        f.anchor,
        f.background,
        f.era,
        f.cumulative,
        f.moment,
        f.order,
        f.source,
        f.claim_id,
        f.document,
        f.sentence_start,
        f.clock,
        f.joined,
        f.remaining,
        f.phrase_total,
        f.phrase_covers,
    )


def with_clock(f: Facet, clock: Clock | None) -> Facet:
    """``dataclasses.replace(f, clock=clock)`` as a direct call (see ``with_place``)."""
    return Facet(
        f.claim,
        f.event,
        f.classes,
        f.unit,
        f.place,
        f.anchor,
        f.background,
        f.era,
        f.cumulative,
        f.moment,
        f.order,
        f.source,
        f.claim_id,
        f.document,
        f.sentence_start,
        clock,
        f.joined,
        f.remaining,
        f.phrase_total,
        f.phrase_covers,
    )


def _classes_text(classes: frozenset[str]) -> str:
    """The classes as a key writes them ("guard+police officer"), once per set of classes."""
    text = _CLASSES.get(classes)
    if text is None:
        if len(_CLASSES) >= _CLASSES_KEPT:
            _CLASSES.clear()
        text = _CLASSES[classes] = "+".join(sorted(classes))
    return text


_CLASSES_KEPT = 1 << 14
"""Sets of classes written kept at most; past it the table starts again."""
_CLASSES: dict[frozenset[str], str] = {}


def _place_key(place: Place | None) -> str:
    return place.key if place is not None else "-"


def event_class(claim: Claim) -> str | None:
    """The claim's event class: the extracted ``event_class``, else its event word's class."""
    return claim.event_class or claim.event


def facet(
    claim: Claim, source: str | None = None, default_place: Place | None = None, anchor: str | None = None
) -> Facet | None:
    """The facet of a claim, or None when the claim asserts nothing comparable: a
    comparative ("3,000 more than"), no bounds, a rate, a count with no event or no
    subject, or a measure with no reference place. A claim with no place takes ``default_place``, its
    article's main country; a measure whose own words give no reference place takes ``anchor``
    when one is given (``inherited_anchors``).

    >>> from factcheck.extraction import extract_text
    >>> [f.key for f in map(facet, extract_text("At least 31 people were killed in Chile.")) if f]
    ['killed|person|count|country:Chile|']
    """
    q = claim.quantity
    if claim.comparative or (q.low is None and q.high is None) or q.qualifier == "vague" or q.per is not None:
        # "dozens" asserts no checkable figure against "38"; a rate ("20 deaths a day",
        # "$58 a barrel") is no total
        return None
    asked, order, remaining = _marks(claim)
    if asked:
        return None  # "to find out if there are really 26 injured": asked, not asserted
    if q.unit is not None:
        if q.base_unit in (None, "percent") or q.base_unit not in _DIMENSION_SUBJECT:
            return None
        anchor = measure_anchor(claim) or anchor
        if anchor is None:
            return None
        event, classes = _MEASURE_EVENT, frozenset({_DIMENSION_SUBJECT[q.base_unit]})
        cumulative = False
    else:
        anchor = None
        ev = event_class(claim)
        subject = claim.subject_class or claim.subject
        if not subject:
            return None
        if not ev:
            # what happened is not read: the figure may still join the quantity it most
            # likely measures (see ``pairing``); on its own it is compared with nothing
            ev = UNKNOWN_EVENT
        if q.value is not None and not float(q.value).is_integer():
            return None  # "more than half of the customers": a share, no count of anyone
        event, classes = ev, _classes_of(subject)
        cumulative = claim.cumulative or is_cumulative(ev)
    background: int | str | None = None
    if claim.background is not None:
        # an earlier year, or another named event ("Hurricane Helene") when no year is given
        background = claim.background.year or fold(claim.background.text)
    return Facet(
        claim=claim,
        event=event,
        classes=classes,
        unit=q.base_unit,
        place=claim.place or default_place,
        anchor=anchor,
        background=background,
        era=_era(claim),
        cumulative=cumulative,
        moment=moment(claim),
        order=order,
        remaining=remaining,
        source=source or claim.document,
        claim_id=claim.id,
        document=claim.document,
        sentence_start=claim.sentence_start,
    )


@lru_cache(maxsize=16384)
def _classes_of(subject: str) -> frozenset[str]:
    """``subject_classes`` of a subject as written, once per subject: claims share their
    subjects' strings (``sharing``), whose hashes are kept, where a lowered copy is a new
    string to hash for every claim."""
    return subject_classes(subject.lower())


def _marks(claim: Claim) -> tuple[bool, str | None, bool]:
    """``questioned``, ``order_mark`` and ``remaining_mark`` of a claim, once per distinct
    reading: they read only the claim's sentence around its figure, its language, and (the
    order) whether it is a change; copies of a story repeat their sentences."""
    q = claim.quantity
    at = claim.sentence_start
    key = (claim.sentence, q.start - at, q.end - at, claim.language, q.qualifier, q.trend)
    found = _MARKS.get(key)
    if found is None:
        if len(_MARKS) >= _MARKS_KEPT:
            _MARKS.clear()
        found = _MARKS[key] = (questioned(claim), order_mark(claim), remaining_mark(claim))
    return found


_MARKS_KEPT = 1 << 16
"""Readings kept at most; past it the table starts again."""
_MARKS: dict[tuple[str, int, int, str | None, str, str | None], tuple[bool, str | None, bool]] = {}


def inherited_anchors(claims: Sequence[Claim], facets: Mapping[str, Facet]) -> dict[str, str]:
    """For each measure whose own words name no reference place, the one its article's
    other measures of the same place and dimension are measured from, where they name
    exactly one: "located approximately 30 miles northwest of the capital" ... "the prison,
    about 20 miles (30" cut off before its reference. By claim id."""
    anchors: dict[tuple[str, str, str | None], set[str]] = defaultdict(set)
    for f in facets.values():
        if f.anchor is not None and f.claim.place is not None and f.claim.place.stated:
            anchors[(f.document, f.claim.place.key, f.unit)].add(f.anchor)
    out: dict[str, str] = {}
    for c in claims if anchors else ():  # (no measure placed anywhere: none to inherit)
        q = c.quantity
        if c.id in facets or q.unit is None or c.place is None or q.base_unit not in _DIMENSION_SUBJECT:
            continue
        if not c.place.stated or c.place.kind == "country":
            continue  # the measure names its own place, a site, as its article's other one does
        found = anchors.get((c.document, c.place.key, q.base_unit))
        if found is not None and len(found) == 1:
            out[c.id] = next(iter(found))
    return out


def placed(own: Facet, source: str | None = None, default_place: Place | None = None) -> Facet:
    """``facet(claim, source, default_place)`` made from ``facet(claim)``, the claim's own
    facet: only the copy group and an unplaced claim's place come from the other claims,
    so an archive can keep a claim's own facet from one check to the next.

    >>> from factcheck.extraction import extract_text
    >>> from factcheck.models import Place
    >>> own = facet(extract_text("At least 31 people were killed on Monday.", "b")[0])
    >>> f = placed(own, "a", Place(name="Chile", kind="country", country="CL"))
    >>> f.key, f.source, own.key, own.source
    ('killed|person|count|country:Chile|', 'a', 'killed|person|count|-|', 'b')
    """
    claim = own.claim
    place = claim.place or default_place
    source = source or claim.document
    if place is own.place and source == own.source:
        return own
    # the fields facet() sets, by keyword (a direct call: dataclasses.replace takes twice as
    # long, and an archive check places about 1,500 claims)
    return Facet(
        claim=claim,
        event=own.event,
        classes=own.classes,
        unit=own.unit,
        place=place,
        anchor=own.anchor,
        background=own.background,
        era=own.era,
        cumulative=own.cumulative,
        moment=own.moment,
        order=own.order,
        remaining=own.remaining,
        source=source,
        claim_id=own.claim_id,
        document=own.document,
        sentence_start=own.sentence_start,
    )


def _era(claim: Claim) -> str:
    """ "y2021" for a figure stated for a year other than its report's, "m2023-04" for one
    stated for a month well before its report's ("In April, 12 inmates died" in July),
    "period" for a figure over a period ("in recent years"), else empty."""
    t = claim.time
    if t is None:
        return ""
    if t.period:
        return "period"
    if one_day_only(claim) and t.date is not None:
        return f"d{t.date:%Y-%m-%d}"  # "On Tuesday alone, nine died": that day's own count
    if t.year is not None and t.date is None and (claim.published is None or t.year != claim.published.year):
        return f"y{t.year}"
    a = claim.as_of
    if (
        t.precision == "month"
        and a is not None
        and a.date is not None
        and a.precision == "month"
        and a.basis == "stated"
        and claim.published is not None
        and (claim.published - a.date).days > _EARLIER_MONTH_DAYS
    ):
        # "In April, 12 inmates died" in a report of late July: an earlier episode
        return f"m{a.date:%Y-%m}"
    return ""


_EARLIER_MONTH_DAYS = 45
"""A month stated for a figure that began more than this many days before its report is
another episode of the story, compared only with figures of that month: a month that
began weeks earlier may still be the story's own ("since early March" in April)."""


def main_places(claims: Sequence[Claim]) -> dict[str, Place]:
    """Each document's main country: the country its claims are most often placed in,
    for the claims extraction could not place ("38 migrantes murieron")."""
    docs: set[str] = set()
    counts, named = place_tallies(claims, docs)
    return main_places_of(sorted(docs), counts, named)


def place_tallies(
    claims: Sequence[Claim], docs: set[str] | None = None
) -> tuple[dict[str, Counter[str]], dict[str, Place]]:
    """What ``main_places`` reads of the claims: for each document, how often its claims
    place it in each country (a country named counts 2, a place inside one 1), and the first
    place record (in the claims' order) naming each country. ``docs`` receives every
    claim's document (in the same pass: a million claims are read once)."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    named: dict[str, Place] = {}
    for c in claims:
        if docs is not None:
            docs.add(c.document)
        p = c.place
        if p is None:
            continue
        # (``get``: a name not counted yet would call ``Counter.__missing__``, in Python)
        if p.kind == "country" and p.name:
            tally = counts[c.document]
            tally[p.name] = tally.get(p.name, 0) + 2
            named.setdefault(p.name, p)
        elif p.within:
            tally = counts[c.document]
            tally[p.within[-1]] = tally.get(p.within[-1], 0) + 1
    return counts, named


def main_places_of(
    docs: Sequence[str],
    counts: Mapping[str, Counter[str]],
    named: Mapping[str, Place],
    overall: Counter[str] | None = None,
) -> dict[str, Place]:
    """``main_places`` of ``docs`` from their ``place_tallies``; ``overall``, the sum of
    every document's tally, when the caller has it."""
    out: dict[str, Place] = {}
    shared: Counter[str] | None = None
    for doc in docs:
        tally = counts.get(doc)
        if not tally:
            if shared is None:
                # an article that names no place at all is about what the others are about,
                # when most of them are about one country (not in a folder of many
                # incidents): every tally added up only when some article names none
                if overall is None:
                    overall = Counter()
                    for each in counts.values():
                        overall.update(each)
                shared = overall if overall and _majority(overall) else Counter()
            tally = shared
            if not tally:
                continue
        # the place counted most, the first by name among equals (``min`` by count, then
        # name, without a call per place)
        most = max(tally.values())
        name = min(n for n, k in tally.items() if k == most)
        out[doc] = named.get(name) or Place(name=name, kind="country", stated=False)
    return out


def _majority(tally: Counter[str]) -> bool:
    """Whether one place holds more than half of the tally."""
    return max(tally.values()) * 2 > sum(tally.values())


def same_facilities(facets: Sequence[Facet]) -> list[Facet]:
    """A facility written in other words or another language ("Turi jail", "la cárcel de
    Turi", "the prison of Turi") is one place: the same name once the words for its kind and
    the function words are gone (:func:`~.identity.facility_core`), of no different kind
    (a prison and a hospital named after one town stay apart), and located nowhere else. The
    facility with the fullest location stands for the others. A facility the text does not
    name ("a prison in Cuenca") is the one facility of its kind the coverage names in that
    town, when it names exactly one.

    >>> from factcheck.extraction import extract_text
    >>> en = extract_text("53 guards were held at Turi jail in Cuenca, Ecuador.", language="en")
    >>> es = extract_text("Los reos retienen a 44 guías en la cárcel de Turi.", language="es")
    >>> facets = [f for f in map(facet, en + es) if f is not None]
    >>> [(f.claim.quantity.value, f.place.name) for f in same_facilities(facets)]
    [(53.0, 'Turi jail'), (44.0, 'Turi jail')]
    """
    # the facilities' facets, found in one pass over every facet (a place record is read
    # once: most facets of a large run are of no facility, and nothing of theirs changes)
    at: list[int] = []
    named: dict[str, list[Place]] = defaultdict(list)
    for i, f in enumerate(facets):
        p = f.place
        if p is not None and p.kind == "facility":
            at.append(i)
            if p.name:
                named[facility_core(p.name)].append(p)
    if not at:
        return list(facets)
    canonical: dict[Place, Place] = {}
    for places in named.values():
        # fullest location first, then the name, so the choice never depends on input order
        ordered = sorted(set(places), key=_place_order)
        for p in ordered:
            kind = facility_kind(p.name or "")
            fits = [
                best
                for best in ordered
                if (kind is None or facility_kind(best.name or "") in (None, kind))
                and best.within[len(best.within) - len(p.within) :] == p.within
            ]
            # a facility located nowhere joins others only when they are all in one place
            if fits and len({best.within for best in fits if len(best.within) >= len(fits[0].within)}) == 1:
                canonical[p] = fits[0]
    # "a prison in Cuenca": the one facility of its kind the coverage names in that town
    by_town: dict[tuple[str, ...], set[Place]] = defaultdict(set)
    for p in {canonical.get(p, p) for places in named.values() for p in places}:
        if p.within:
            by_town[p.within].add(p)
    for i in at:
        p = facets[i].place
        if p is None or p.name or not p.within or p in canonical:
            continue
        kind = facility_kind(p.text or "")
        there = [q for q in by_town.get(p.within, ()) if kind is None or facility_kind(q.name or "") in (None, kind)]
        if len(there) == 1:
            canonical[p] = there[0]
    out = list(facets)
    for i in at:
        # only facilities are renamed: a place of another kind is not hashed (a pydantic
        # record hashes every field, each time)
        f = out[i]
        p = f.place
        if p is not None and (to := canonical.get(p)) is not None and to is not p:
            out[i] = with_place(f, to)
    return out


def _place_order(p: Place) -> tuple[object, ...]:
    """Fullest location first, then the name; the rest of the record breaks ties, so the
    facility chosen never depends on the order of a set (a place stated in the text before
    one inferred)."""
    return (
        -len(p.within),
        p.name or "",
        p.within,
        not p.stated,
        p.kind,
        p.text or "",
        p.start or -1,
        p.end or -1,
        p.country or "",
        p.parts,
    )


def collapse_single_places(facets: Sequence[Facet]) -> list[Facet]:
    """Figures of one kind placed in a country and in places inside it that form a single
    chain (Ciudad Juárez, and the migrant centre in Ciudad Juárez) are one quantity: the
    incident happened there, so "40 migrants killed in Ciudad Juárez" and "38 killed in
    Mexico" disagree. When the country's figures are broken down over two places or more
    (Morelos and Puebla; Acapulco and Coyuca), a country figure is stated over several
    places ("in six prisons"), or a place's figure is said to be a part ("in Malatya
    province alone"), each place keeps its own key. Only casualties are joined
    this way: a fire or a riot happens in one place, a release of hostages may not."""
    # keyed by event, unit and country, whoever is counted: "29 people injured at the
    # centre" and "30 migrants injured in Mexico" are one toll when nothing is broken down
    branches: dict[tuple[str, str | None, str], set[tuple[str, ...]]] = defaultdict(set)
    country_of: dict[tuple[str, str | None, str], Place] = {}
    # "Of the 1,136 people killed nationwide, 402 died in Sindh province": a sentence that
    # gives the country's figure beside a place's breaks the country's figures down
    # (a part: at most half the country's figure, so a sentence's two readings of one toll,
    # in the country and in its one stricken place, stay one chain)
    national: dict[tuple[str, int, str, str | None], float] = {}
    # a place whose figures stay under half the country's smallest is a part of the
    # country's count, not the incident's one site ("84 deaths in Minas Gerais" beside a
    # national dengue toll of 214, then 391)
    lowest: dict[tuple[str, str | None, str], float] = {}
    highest: dict[tuple[str, str | None, str, str], float] = {}
    # only casualties are read below: each facet's event asked once (the facet's own
    # fields first: its claim's are further away), and the figures read in one pass
    hurt = [f for f in facets if f.event in CASUALTIES]
    for f in hurt:
        p, v = f.place, f.claim.quantity.value
        if p is None or v is None:
            continue
        if p.kind == "country":
            said = (f.document, f.sentence_start, f.event, f.unit)
            national[said] = max(v, national.get(said, v))
        if p.kind == "country" and p.name:
            at_country = (f.event, f.unit, p.name)
            lowest[at_country] = min(v, lowest.get(at_country, v))
        elif p.within:
            at_place = (f.event, f.unit, p.within[-1], p.name or "?")
            highest[at_place] = max(v, highest.get(at_place, v))
    for f in hurt:
        p = f.place
        if p is None or f.anchor is not None or f.background is not None or f.era:
            continue
        if p.kind == "country" and p.name:
            country_of.setdefault((f.event, f.unit, p.name), p)
            if (f.claim.place_count or 1) > 1:
                branches[(f.event, f.unit, p.name)].update({("a",), ("b",)})  # stated as several places
        elif p.within and p.kind != "region":
            path = tuple(reversed((p.name or "?", *p.within)))  # outermost first
            branches[(f.event, f.unit, path[0])].add(path[1:])
            whole = national.get((f.document, f.sentence_start, f.event, f.unit))
            part = f.claim.quantity.value
            if only_here(f.claim) or (whole is not None and part is not None and 2 * part <= whole):
                # "in Malatya province alone": the country's count is more than this place's
                branches[(f.event, f.unit, path[0])].update({("a",), ("b",)})
    single = set()
    for k, paths in branches.items():
        ordered = sorted(paths, key=len)
        if all(longer[: len(shorter)] == shorter for shorter, longer in zip(ordered, ordered[1:], strict=False)):
            single.add(k)
    if not single:
        return list(facets)
    out = []
    for f in facets:
        p = f.place
        # (a key of ``single`` is a casualty's)
        if (
            f.event in CASUALTIES
            and p is not None
            and p.kind not in ("country", "region")
            and p.within
            and f.anchor is None
        ):
            k = (f.event, f.unit, p.within[-1])
            top, floor = highest.get((*k, p.name or "?")), lowest.get(k)
            minor = top is not None and floor is not None and 2 * top < floor
            if k in single and k in country_of and f.background is None and not f.era and not minor:
                f = with_place(f, country_of[k])
        out.append(f)
    return out
