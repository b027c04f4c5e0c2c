"""How two figures under one quantity key relate, as a careful editor would judge it.

For two disjoint positions (``low`` below ``high``) the classifier looks at the pairs of
claims across them, skipping copies of one story, and finds how they stand in time: the
same moment, one before the other, or unknown. Then:

* a cumulative count (a death toll) that is higher later is an **update** (info);
  lower later is a **conflict** ("a death toll cannot fall"), or **stale** when the lower
  figure only carries its article's date and may be a superseded figure repeated;
* the same report giving two figures, or two reports on the same day, is a **conflict**;
* a count that is not cumulative (missing, held, in shelters) may change either way over
  days: figures of different days are an **update**;
* a measure (a distance) does not change: any disagreement is a **conflict**;
* reports further apart than the same-event window are a **possibly different event**.

Errors are kept for what cannot both be true by the text alone: a measure or a count
given two values by one report, or by two reports of the same day. What depends on an
ordering the text does not state is a warning."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from functools import cache
from typing import TypeAlias

from rapidfuzz import fuzz

from .. import vocabulary
from ..config import Settings
from ..findings import Classification, Order, Severity
from .clocks import CLOSE, read
from .keys import CHAINS, Facet
from .pairkeys import PairKeys, current, pair_keys
from .phrase_totals import names_phrase_total
from .positions import claim_interval
from .representatives import Found, representatives
from .timeline import compare, days_apart, total_mark

SAME_SOURCE = 80
"""rapidfuzz ``token_set_ratio`` at or above which two attributions name one source."""

ORDER_UNKNOWN = "order unknown: the text gives neither figure a time"
"""The note on a finding whose figures the text does not order: uncertainty, ranked
lower, never read as an update."""

SEVERITY: dict[Classification, Severity] = {
    "conflict": "error",
    "update": "info",
    "possibly_different_event": "warning",
    "stale": "warning",
}


@dataclass(frozen=True, slots=True)
class Verdict:
    """A classified disagreement: what it is, how loud, which rule it breaks, and why."""

    classification: Classification
    severity: Severity
    rule: str
    notes: tuple[str, ...] = field(default=())
    weak: bool = False
    """Rests on nothing but the figures: the time of neither is known."""
    order: Order | None = None
    """How the text places the two figures in time: at one moment, in an order, or not at
    all (None where the check does not say)."""


@dataclass(frozen=True, slots=True)
class _Timing:
    relation: str  # "same", "low-first", "high-first", "unknown"
    internal: bool
    """At least one pair of claims comes from one report (or copies of it)."""
    marked: bool
    """The order comes from the report's own words ("previously", "rose to")."""
    corrected: bool
    stated: bool
    """Both moments are stated in the text, not only the articles' dates."""
    days: int | None
    clocked: bool = False
    """The order comes from the national tolls the two reports give with the figures."""


def _pair_timing(a: Facet, b: Facet) -> _Timing | None:
    """How claim ``a`` (lower side) stands in time to ``b`` (higher side); None when the
    two are copies of one story in different documents, or two figures of one sentence
    that no word orders (a sentence that gives two figures for one key is listing parts:
    "15 women and 68 men")."""
    same_report = a.document == b.document
    if not same_report and a.source == b.source:
        return None
    if (
        same_report
        and a.sentence_start == b.sentence_start
        and a.order is None
        and b.order is None
        and not _given_apart(a, b)
    ):
        return None
    internal = same_report or a.source == b.source
    corrected = "correction" in (a.order, b.order)
    days = days_apart(a.moment, b.moment)
    stated = a.moment.basis in ("stated", "relative") and b.moment.basis in ("stated", "relative")
    if internal:
        one_sentence = a.sentence_start == b.sentence_start
        if a.order is not None and a.order == b.order and not (one_sentence and _rival_accounts(a, b)):
            # "has risen to 262" ... "has further risen to 272": the report narrates a
            # sequence; one sentence setting two sources against each other does not
            return _Timing("low-first", True, True, corrected, stated, days)
        if _both_current(a, b):
            return _Timing("same", True, False, corrected, stated, days)
        if (a.order == "earlier" or b.order == "later") and not (b.order == "earlier" or a.order == "later"):
            return _Timing("low-first", True, True, corrected, stated, days)
        if (b.order == "earlier" or a.order == "later") and not (a.order == "earlier" or b.order == "later"):
            return _Timing("high-first", True, True, corrected, stated, days)
        order = compare(a.moment, b.moment) if stated or _dated_against_report(a, b) else None
        if order == "before":
            return _Timing("low-first", True, False, corrected, stated, days)
        if order == "after":
            return _Timing("high-first", True, False, corrected, stated, days)
        return _Timing("same", True, False, corrected, stated, days)
    order = compare(a.moment, b.moment)
    if order in (None, "same") and (reading := read(a.clock, b.clock)) is not None:
        # finer than a day: the toll each report gives with its figure
        relation = {"same": "same", "before": "low-first", "after": "high-first"}[reading]
        return _Timing(relation, False, False, corrected, stated, days, clocked=True)
    relation = {"same": "same", "before": "low-first", "after": "high-first"}.get(order or "", "unknown")
    return _Timing(relation, False, False, corrected, stated, days)


def _dated_against_report(a: Facet, b: Facet) -> bool:
    """One figure of a report dated by the text to an earlier day ("the toll stood at 167 on
    Wednesday night") and the other by the report's own date alone: the dated one is the
    older, the report's the figure of its day."""
    bases = {a.moment.basis, b.moment.basis}
    if "published" not in bases or not bases & {"stated", "relative"}:
        return False
    dated, current = (a, b) if a.moment.basis != "published" else (b, a)
    return compare(dated.moment, current.moment) == "before"


def _both_current(a: Facet, b: Facet) -> bool:
    """One figure of a report marked as the newer ("raised the toll to 48") and the other
    given as the figure so far ("so far, 46 have been confirmed dead"): the mark says the
    first replaced an earlier figure, not that it is newer than the second; both claim to
    be the figure at the time of the report."""
    marked = [f for f in (a, b) if f.order == "later"]
    if len(marked) != 1:
        return False
    other = b if marked[0] is a else a
    return other.order is None and other.claim.as_of is not None and other.claim.as_of.derived_from == "so_far"


def timing(low: Sequence[Facet], high: Sequence[Facet]) -> _Timing | None:
    """The most telling timing over all pairs of claims: a report contradicting itself
    first, then the same moment, then an order, then unknown; of equally telling ones,
    the first pair's in turn (low claim by low claim)."""
    keys = current()  # the run's keys (``pairkeys.one_run``): each claim's row once
    # one representative per class of claims that read the same (``classify_pair``)
    low_rows, lows = keys.side(low, None, representatives)
    high_rows, highs = keys.side(high, None, representatives)
    memo: dict[Hashable, tuple[tuple[int, int, int], _Timing] | None] = {}  # one per key (``pairkeys``)

    def timed(k: Hashable, ia: int, ib: int) -> tuple[tuple[int, int, int], _Timing] | None:
        t = _pair_timing(low[ia], high[ib])
        got = memo[k] = None if t is None else (_rank(t), t)
        return got

    best: tuple[tuple[int, int, int], int, int, _Timing] | None = None
    high_firsts = highs.firsts
    everyone = None if keys.one_group_per_document else set(range(len(high_firsts)))
    for ca, (ra, ia) in enumerate(zip(lows.rows, lows.firsts, strict=True)):
        mixed = everyone or set().union(*(highs.by_group[g] for g in lows.groups[ca] if g in highs.by_group))
        for cb, k in enumerate(pair_keys(ra, highs.rows)):
            if mixed and cb in mixed:  # one copy group: pair by pair
                for ja in lows.members[ca]:
                    members = highs.members[cb]
                    for jb, kj in zip(members, pair_keys(low_rows[ja], [high_rows[j] for j in members]), strict=True):
                        got = memo[kj] if kj in memo else timed(kj, ja, jb)
                        if got is not None and (best is None or (got[0], ja, jb) < best[:3]):
                            best = (got[0], ja, jb, got[1])
                continue
            ib = high_firsts[cb]
            got = memo[k] if k in memo else timed(k, ia, ib)
            if got is not None and (best is None or (got[0], ia, ib) < best[:3]):
                best = (got[0], ia, ib, got[1])
    return None if best is None else best[3]


def _rank(t: _Timing) -> tuple[int, int, int]:
    relation = {"same": 0, "high-first": 1, "low-first": 2, "unknown": 3}[t.relation]
    return (0 if t.internal else 1, relation, t.days if t.days is not None else 10**6)


_ORDER: dict[str, Order] = {"same": "same", "low-first": "ordered", "high-first": "ordered", "unknown": "unknown"}

_SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}
_CLASS_RANK = {"conflict": 0, "stale": 1, "possibly_different_event": 2, "update": 3}


Judgements: TypeAlias = dict[tuple["Verdict", Order], tuple[tuple[int, int], list[int], dict[int, int]]]
"""What judging every pair of claims across two sides finds, by verdict (with its order):
the first pair behind it (low index, high index, the least such pair), the low side's
claims behind it (indices, in order) and the high side's, each with the least low index it
is met with. A union of pairs: the judgements of a part of the pairs can be merged."""

_JUDGING: ContextVar[Callable[[Sequence[Facet], Sequence[Facet], Settings], Judgements | None] | None] = ContextVar(
    "factcheck_classify_judging", default=None
)


@contextmanager
def judging_with(judge: Callable[[Sequence[Facet], Sequence[Facet], Settings], Judgements | None]) -> Iterator[None]:
    """Inside the block, ``classify_pair`` asks ``judge`` for the judgements of two sides
    first (a caller that kept part of them, say an archive: it must give what
    ``judgements`` gives, or None to let ``judgements`` compute them)."""
    token = _JUDGING.set(judge)
    try:
        yield
    finally:
        _JUDGING.reset(token)


def classify_pair(
    low: Sequence[Facet], high: Sequence[Facet], settings: Settings
) -> tuple[Verdict, list[Facet], list[Facet]] | None:
    """The verdict on two disjoint positions of one key (``low`` below ``high``), with the
    claims of each side that support it; None when they are no finding (copies of one
    story, a correction the report itself gives, two figures one sentence lists).

    Each pair of claims across the sides is judged on its own and the most serious
    verdict stands: "38" against "at least 39" is a conflict when two reports give them
    for one evening, even if a third report gives both as an update."""
    judge = _JUDGING.get()
    if judge is None and len(low) == 1 and len(high) == 1 and (keys := current()).judged(settings) is None:
        # one claim a side (most pairs of a large run): the one pair judged as
        # ``judgements`` judges it, without the classes and keys that share work between
        # pairs; its verdict and claims are what the loop below makes of it
        one = _one_pair(keys, low[0], high[0], settings)
        return None if one is None else (replace(one[0], order=one[1]), [low[0]], [high[0]])
    judged = judge(low, high, settings) if judge is not None else None
    if judged is None:
        judged = judgements(low, high, settings)
    if not judged:
        return None
    # in the order judging every pair in turn first finds them, with the claims it meets
    verdicts = {
        replace(v, order=order): ([low[i] for i in lows], [high[i] for i in sorted(met, key=lambda ib: (met[ib], ib))])
        for (v, order), (_, lows, met) in sorted(judged.items(), key=lambda item: item[1][0])
    }
    best = min(verdicts, key=lambda v: (_SEVERITY_RANK[v.severity], _CLASS_RANK[v.classification], v.weak, v.rule))
    # every pair judged the same way stands behind the finding, whatever its wording or
    # severity: a side lists all the claims that disagree with the other in that way; a
    # pair judged loud in another way (a later report repeating a superseded toll beside
    # two reports of one day) stands behind it too, with its rule in the notes
    out = _Judged()
    also: list[str] = []
    for v, (xs, ys) in sorted(verdicts.items(), key=lambda kv: (kv[0].classification, kv[0].rule)):
        same = v.classification == best.classification
        if (same and (v.severity != "info" or best.severity == "info")) or (not same and v.severity != "info"):
            out.extend(xs, ys)
            if not same and f"also: {v.rule}" not in also:
                also.append(f"also: {v.rule}")
    if also:
        best = replace(best, notes=(*best.notes, *also))
    return best, list(out.lows), list(out.highs)


def judgements(low: Sequence[Facet], high: Sequence[Facet], settings: Settings) -> Judgements:
    """Every pair of claims across two sides judged (``Judgements``), each pair read the
    same way judged once."""
    # each verdict (with its order) and the pairs of claims behind it; claims are told
    # apart by their index in their side, intervals computed once per claim
    judged: dict[tuple[Verdict, Order], Found] = {}
    tolerance = settings.tolerance
    keys = current()  # the run's keys (``pairkeys.one_run``): each claim's row once
    # copies of one story read the same: one representative per class (``representatives``),
    # each side's rows and classes made once per run
    low_rows, lows = keys.side(low, tolerance, representatives)
    high_rows, highs = keys.side(high, tolerance, representatives)
    # pairs read the same way are judged once (``pairkeys``): the verdict of each key,
    # None for no finding
    memo: dict[Hashable, tuple[Verdict, Order] | None] = {}
    kept = keys.judged(settings)  # verdicts of earlier runs, when an archive keeps them

    def verdict(k: Hashable, ia: int, ib: int) -> tuple[Verdict, Order] | None:
        if kept is not None and k in kept:
            got: tuple[Verdict, Order] | None = kept[k]
        else:
            a, b = low[ia], high[ib]
            a_iv, b_iv = low_rows[ia][6], high_rows[ib][6]
            assert a_iv is not None and b_iv is not None
            # claims that agree give no verdict (``_judge``), nor a part of a phrase
            # against the phrase's total ("50 guards and seven police" against 57)
            agree = a_iv.overlaps(b_iv) or names_phrase_total(a, b_iv) or names_phrase_total(b, a_iv)
            got = None if agree else _verdict(a, b, settings)
            if kept is not None:
                kept[k] = got
        memo[k] = got
        return got

    high_firsts = highs.firsts
    everyone = None if keys.one_group_per_document else set(range(len(high_firsts)))
    for ca, (ra, ia) in enumerate(zip(lows.rows, lows.firsts, strict=True)):
        # the high classes sharing a copy group with this class: pairs of one copy group
        # read their documents and sentences, so each pair of members is keyed on its own;
        # against every other class all pairs of members read the same (``representatives``),
        # provided two copy groups never share a document (else every pair on its own)
        mixed = everyone or set().union(*(highs.by_group[g] for g in lows.groups[ca] if g in highs.by_group))
        for cb, k in enumerate(pair_keys(ra, highs.rows)):
            if mixed and cb in mixed:
                for ja in lows.members[ca]:
                    members = highs.members[cb]
                    for jb, kj in zip(members, pair_keys(low_rows[ja], [high_rows[j] for j in members]), strict=True):
                        got = memo[kj] if kj in memo else verdict(kj, ja, jb)
                        if got is not None:
                            if (found := judged.get(got)) is None:
                                found = judged[got] = Found()
                            found.members(ja, jb)
                continue
            got = memo[k] if k in memo else verdict(k, ia, high_firsts[cb])
            if got is not None:
                if (found := judged.get(got)) is None:
                    found = judged[got] = Found()
                if found.first_class is None:
                    found.first_class = (ia, high_firsts[cb])
                found.low_classes[ca] = None
                if cb not in (met := found.high_classes):
                    met[cb] = ia
    return {k: (j.first, j.lows(lows), j.met(highs)) for k, j in judged.items()}


def _one_pair(keys: PairKeys, a: Facet, b: Facet, settings: Settings) -> tuple[Verdict, Order] | None:
    """``judgements``' verdict on claims ``a`` (low) and ``b`` (high), each its side alone;
    their rows are made as there, so that the run's keys see their documents."""
    (ra,) = keys.rows([a], settings.tolerance)
    (rb,) = keys.rows([b], settings.tolerance)
    a_iv, b_iv = ra[6], rb[6]
    assert a_iv is not None and b_iv is not None
    if a_iv.overlaps(b_iv) or names_phrase_total(a, b_iv) or names_phrase_total(b, a_iv):
        return None
    return _verdict(a, b, settings)


def _verdict(a: Facet, b: Facet, settings: Settings) -> tuple[Verdict, Order] | None:
    """The verdict on a pair of claims that disagree, with their order in time; None for
    no finding."""
    t = _pair_timing(a, b)
    if t is None:
        return None
    v = _judge(t, a, b, settings, agree=False)
    return None if v is None else (v, _ORDER[t.relation])


class _Judged:
    """The claims of each side behind one verdict, each once, in the order first found
    (dictionaries used as ordered sets: a facet is equal only to itself)."""

    __slots__ = ("lows", "highs")

    def __init__(self) -> None:
        self.lows: dict[Facet, None] = {}
        self.highs: dict[Facet, None] = {}

    def extend(self, xs: Sequence[Facet], ys: Sequence[Facet]) -> None:
        self.lows.update(dict.fromkeys(xs))
        self.highs.update(dict.fromkeys(ys))


def _judge(t: _Timing, low: Facet, high: Facet, settings: Settings, agree: bool | None = None) -> Verdict | None:
    """The verdict on one pair of claims, ``low`` below ``high``, given their timing
    (``agree``: whether their intervals overlap, when the caller knows)."""
    if t.corrected and t.internal:
        return None  # "revised down from 248 to 217": the report does not assert both
    if agree if agree is not None else _agree(low, high, settings):
        return None  # "more than 200" and 217 agree, whatever else shares their positions
    if t.internal and total_mark(high.claim) and not total_mark(low.claim):
        return None  # "mataram oito pessoas ... Ao todo, dez pessoas morreram": the total holds more
    rivals = False
    if t.internal and not t.marked and low.anchor is None and not _close(low, high):
        if not (_rival_accounts(low, high) or _sentence_rivals(low, high)):
            return None  # one report's 25 and 217 dead are two scopes (a school, the country)
        rivals = True  # two named sources, one stated place: two accounts of one count
    head = low
    days = t.days
    if days is not None and days > settings.window_days:
        return None  # beyond the comparison window: never compared
    notes: tuple[str, ...] = ("the report's own words order the figures",) if t.marked else ()
    if t.clocked and low.clock is not None and high.clock is not None:
        notes = (_clock_note(t, low.clock.text, high.clock.text),)
    far = days is not None and days > settings.same_event_days and t.relation != "same"
    if head.anchor is not None:
        # a distance or a depth does not change with time
        severity: Severity = "error" if t.internal or t.relation == "same" else "warning"
        return Verdict("conflict", severity, "a measure cannot have two values", notes)
    count = _count(head)
    # a report that says it corrects a figure supersedes it, however long after
    if low.order == "correction" and t.relation == "high-first":
        # "toll revised down to 38" after another report's 42: the later report says it
        # corrects the figure; the earlier one is superseded, not contradicted
        return Verdict("update", "info", f"a later report corrects the {count} down", notes)
    if high.order == "correction" and t.relation == "high-first":
        # "officials had said that at least 22 people had died, a figure that was later
        # revised" against 18: the text itself says the earlier, higher figure was revised
        return Verdict("update", "info", f"the text says the earlier {count} was revised", notes)
    if far:
        if head.cumulative and t.relation == "low-first":
            return Verdict("update", "info", "a cumulative count grows over time", notes)
        note = f"reports {days} days apart, beyond the same-event window of {settings.same_event_days} days"
        if not head.cumulative and low.document != high.document:
            # "1,100 unaccounted for" and, three weeks later, "31 remain missing": a count
            # that rises and falls moves over weeks; another event is the less likely reading
            return Verdict(
                "possibly_different_event",
                "info",
                f"a {count} that can rise and fall differs across reports far apart in time",
                (*notes, note),
                weak=True,
            )
        return Verdict(
            "possibly_different_event", "warning", "figures differ across reports far apart in time", (*notes, note)
        )
    if low.remaining and not high.remaining and (low.event in CHAINS or low.event in _STATES):
        # "178 taken hostage" and "136 remained hostage": those still held after some were
        # released; "485 remain under treatment" of "nearly 800 hospitalised": those still
        # in hospital. Only where a later event takes people out of the count: "36 still
        # missing" against 47 missing is two readings of one count
        return Verdict("update", "info", f"the lower figure counts those still {low.event}", notes)
    if _fixed(head.event) and not (t.internal and t.marked):
        # "carrying 312 people" against "280 passengers aboard": the count of the moment
        # the boat sank, which no later report changes
        return Verdict("conflict", "warning", f"the {count} is of one past moment and cannot change", notes)
    if head.cumulative:
        if low.remaining and not high.remaining and head.event in _STATES:
            # "Quedan 19 heridos hospitalizados" against 20 injured: a running count's part
            # still in that state ("still injured", "still detained"), not the count fallen
            return Verdict("update", "info", f"the lower figure counts those still {low.event}", notes)
        if t.relation == "low-first":
            return Verdict("update", "info", f"a {count} grows as reports come in", notes)
        if t.relation == "high-first":
            if low.order == "earlier" and not t.internal:
                # "frente a los 30 que había contabilizado inicialmente" a day after another
                # report's 42: its own report gives the lower toll as one it has moved past
                return Verdict("update", "info", f"the lower {count} is one its report gives as earlier", notes)
            if low.moment.basis == "published" and not t.internal and not t.clocked:
                return Verdict(
                    "stale", "warning", f"a later report repeats a lower {count}: possibly a superseded figure", notes
                )
            return Verdict("conflict", "warning", f"a {count} cannot fall", notes)
        if t.relation == "same":
            if rivals:
                return Verdict(
                    "conflict", "warning", f"two sources in one report give far apart values for the {count}", notes
                )
            if t.internal and _named_apart(low, high):
                # two named sources in one report, no word of an update: one of them is wrong
                return Verdict(
                    "conflict", "error", f"one report gives two values for the {count} from two sources", notes
                )
            if t.internal:
                return Verdict("conflict", "warning", f"one report gives two values for the {count}", notes)
            if t.clocked:
                return Verdict("conflict", "warning", f"two values for the {count} given with one national toll", notes)
            if not _close(low, high, settings.tolerance):
                # two reports of one day may be hours apart, and a growing count grows
                # within a day: beyond the tolerance most likely two moments of that day
                return Verdict(
                    "conflict",
                    "info",
                    f"two values for the {count} on the same day, far enough apart to be two moments of it",
                    notes,
                    weak=True,
                )
            return Verdict("conflict", "warning", f"two values for the {count} on the same day", notes)
        if not _close(low, high, settings.tolerance):
            # order unknown is uncertainty, not an update: kept, ranked low, with the
            # reason. Within the tolerance two figures are two readings of one count;
            # beyond it a growing count most likely grew between them
            return Verdict(
                "conflict",
                "info",
                f"the {count} differs and nothing shows which is later: figures this "
                "far apart are most likely two moments of a growing count",
                (*notes, ORDER_UNKNOWN),
                weak=True,
            )
        rule = f"the {count} differs and nothing shows which is later"
        return Verdict("conflict", "warning", rule, (*notes, ORDER_UNKNOWN), weak=True)
    if t.relation == "low-first" and high.remaining and not low.remaining and high.event in CHAINS:
        # "ten miners were trapped on Tuesday" ... "12 remain trapped" on Wednesday: more
        # are still held than were held before, in one report or two
        return Verdict("conflict", "warning", f"more are still {high.event} than were {low.event} before", notes)
    if t.relation in ("low-first", "high-first") and (not t.internal or (t.stated and days)):
        # one report's figures of two days it names ("ten were held on Tuesday ... 12 on
        # Wednesday") are two moments, as two reports' are
        return Verdict("update", "info", f"a {count} that can rise and fall changed between reports", notes)
    if t.internal and t.marked:
        return Verdict("update", "info", "the report itself gives the figures as an update", notes)
    if rivals:
        return Verdict("conflict", "warning", f"two sources in one report give far apart values for the {count}", notes)
    if t.relation == "same" or t.internal:
        # certain only when one report's two named sources disagree; a report's figures may
        # be of two scopes, and two reports of one day may be hours apart
        if t.internal and _named_apart(low, high):
            return Verdict("conflict", "error", f"one report gives two values for the {count} from two sources", notes)
        if t.clocked:
            return Verdict("conflict", "warning", f"two values for the {count} given with one national toll", notes)
        return Verdict("conflict", "warning", f"the {count} has two values at the same time", notes)
    if not _close(low, high):
        # far apart, time unknown: most likely two moments or two scopes; kept at info
        return Verdict(
            "conflict",
            "info",
            f"the {count} differs by far and nothing shows the figures are of one time",
            (*notes, ORDER_UNKNOWN),
            weak=True,
        )
    return Verdict(
        "conflict",
        "warning",
        f"the {count} differs and nothing shows the figures are of different times",
        (*notes, ORDER_UNKNOWN),
        weak=True,
    )


_STATES = frozenset({"injured", "hospitalized", "detained", "infected"})
"""Running counts whose people may still be in the state they count ("still injured",
"siguen detenidos"); not a death toll, nor those released or rescued from another state."""


@cache
def _fixed(event: str) -> bool:
    """An event class counted at one past moment (``fixed`` in data/event_classes.yaml)."""
    kind = vocabulary.event_classes().get(event)
    return bool(kind and kind.fixed)


def _clock_note(t: _Timing, low: str, high: str) -> str:
    """Why two undated figures are dated: the tolls their reports give with them."""
    if t.relation == "same":
        return f"both reported with a national death toll of {high}"
    return f"the lower figure was reported with a national death toll of {low}, the higher with {high}"


def _close(low: Facet, high: Facet, within: float = CLOSE) -> bool:
    """The higher figure is within ``within`` (relative to it) of the lower."""
    a = low.claim.quantity
    b = high.claim.quantity
    x = a.high if a.high is not None else a.value
    y = b.low if b.low is not None else b.value
    if x is None or y is None or y <= 0:
        return True
    return (y - x) <= within * y


def _agree(a: Facet, b: Facet, settings: Settings) -> bool:
    return claim_interval(a.claim, settings.tolerance).overlaps(claim_interval(b.claim, settings.tolerance))


def _rival_accounts(a: Facet, b: Facet) -> bool:
    """Two figures of one report that are two accounts of one count rather than two
    scopes of it: both are at one place, which the text states for at least one, and two named
    sources give them ("15 guards had been released, X reported; Y said 50 guards walked
    out of the prison")."""
    pa, pb = a.claim.place, b.claim.place
    if pa is None or pb is None or not (pa.stated or pb.stated):
        return False
    # one facility named with its town in one sentence and alone in the next is one place
    same = pa.key == pb.key or (pa.kind == pb.kind == "facility" and pa.name is not None and pa.name == pb.name)
    return same and _named_apart(a, b)


def _sentence_rivals(a: Facet, b: Facet) -> bool:
    """Two figures of one sentence given to two sources, neither with a place of its own
    the other lacks: one count by two accounts ("..., a coalition of rights groups said,
    more than double the government's toll of 56")."""
    if a.sentence_start != b.sentence_start or not _given_apart(a, b):
        return False
    pa, pb = a.claim.place, b.claim.place
    return not (pa is not None and pb is not None and pa.stated and pb.stated and pa.key != pb.key)


def _given_apart(a: Facet, b: Facet) -> bool:
    """Two figures of one sentence that the sentence itself gives to two sources ("135 were
    killed, a coalition of rights groups said, more than double the government's toll of
    56"): two accounts of one count, not a list of its parts."""
    sa, sb = a.claim.source, b.claim.source
    if sa is None or sb is None or not sa.name or not sb.name:
        return False
    return fuzz.token_set_ratio(sa.name.lower(), sb.name.lower()) < SAME_SOURCE


def _named_apart(a: Facet, b: Facet) -> bool:
    """Both figures are attributed to named sources, and not to one person written two
    ways ("Valdovinos" and "la fiscal del estado, Sandra Luz Valdovinos")."""
    sa, sb = a.claim.source, b.claim.source
    if sa is None or sb is None:
        return False
    # the last capitalised word is the surname or the institution's head noun
    last = [[w.strip(".,;:()'’").lower() for w in s.name.split() if w[:1].isupper()] for s in (sa, sb)]
    if not all(last):
        return False
    return last[0][-1] != last[1][-1] and fuzz.token_set_ratio(sa.name.lower(), sb.name.lower()) < SAME_SOURCE


def _count(f: Facet) -> str:
    return "death toll" if f.event == "killed" else f"count of {' and '.join(sorted(f.classes))} {f.event}"
