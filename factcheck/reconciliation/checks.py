"""Checks across quantity keys: parts larger than their whole, stated parts that do not
add up to a stated total, and chains (more released than were held).

Keys are compared only where they can relate: a part is looked up among the keys at its
own place or a place that contains it, with the same event and unit, so the cost stays
near-linear in the number of keys."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence, Set
from typing import NamedTuple

from ..config import Settings
from ..findings import SEVERITY_RANK, Finding
from ..intervals import Interval
from ..models import Claim
from .classify import ORDER_UNKNOWN, Verdict, classify_pair, timing
from .clocks import CLOSE
from .fingerprint import claim_figures, fingerprint, side_figures
from .identity import Relation, combine, is_breakdown, place_relation, subject_classes, subject_relation
from .keys import CASUALTIES, CHAINS, Facet
from .pairs import Sides, has_focus, narrowed, pair_finding, topic_of
from .phrase_totals import without_phrase_parts
from .positions import claim_interval
from .timeline import days_apart

CHAINS_LATER = frozenset(e for later in CHAINS.values() for e in later)
"""The events that follow another (released, rescued...): the keys ``chains`` checks."""


class _Head(NamedTuple):
    """What ``part_whole`` reads of a key's first facet, made once per key in one pass over
    the keys (in their order, so that the rows lie together in memory): a facet and its
    place are records spread over memory, read again for every key that meets this one."""

    facet: Facet
    names: tuple[str, ...]
    """The place names the key's wholes are looked up at: its place's own, those of the
    places containing it and, for a facility, its town's facilities."""
    filed: tuple[str, ...]
    """The names it is filed under: its place's own, and its town's facilities."""
    kind: tuple[str | None, str, int | str | None, str]
    """``_kind`` and the era: a part and its whole share them."""
    classes: frozenset[str]
    place: int
    """The number of the place's identity (kind, name, containers and parts: all that
    ``place_relation`` reads), -1 for none."""


def _heads(groups: dict[str, list[Facet]]) -> dict[str, _Head]:
    """Each key's ``_Head``, in the order of ``groups``; the keys of a measure (an anchor)
    are left out: ``part_whole`` compares none. The names and kinds are made once per place
    and kind (a million keys hold a few thousand places)."""
    made = _Made({}, {})
    return {k: _head(facets[0], made) for k, facets in groups.items() if facets[0].anchor is None}


class _Made(NamedTuple):
    """What ``_head`` made once: the names and number of each place identity, and the
    kinds."""

    places: dict[tuple[object, ...], tuple[tuple[str, ...], tuple[str, ...], int]]
    kinds: dict[tuple[str | None, str, int | str | None, str], tuple[str | None, str, int | str | None, str]]


def _head(f: Facet, made: _Made) -> _Head:
    """The ``_Head`` of a key whose first facet is ``f``."""
    place = f.place
    if place is None:
        names, filed, number = _NOWHERE
    else:
        within = place.within
        identity = (place.kind, place.name, within, place.parts)
        found = made.places.get(identity)
        if found is None:
            own = place.name if place.name is not None else f"?{within[:1]}"
            if place.kind == "facility":
                inside = f"facility-in:{within[:1]}"
                found = ((own, *within, inside), (own, inside), len(made.places))
            else:
                found = ((own, *within), (own,), len(made.places))
            made.places[identity] = found
        names, filed, number = found
    kind = (f.unit, f.event, f.background, f.era)
    kind = made.kinds.setdefault(kind, kind)
    return _Head(f, names, filed, kind, f.classes, number)


_NOWHERE: tuple[tuple[str, ...], tuple[str, ...], int] = (("-",), ("?",), -1)
"""A key with no place: looked up at "-", filed under "?" (as the thirteenth pass's index
did: tests/test_reconcile_rows.py writes it out)."""


def _by_classes(heads: dict[str, _Head]) -> dict[object, dict[frozenset[str], list[str]]]:
    """The keys by place name and kind (``_Head.filed`` and ``_Head.kind``), each further
    split by its subject classes (in the order of ``heads``: whoever reads them sorts the
    keys found, so the order within a list does not matter)."""
    out: dict[object, dict[frozenset[str], list[str]]] = {}
    for k, head in heads.items():
        for name in head.filed:
            bucket = (name, head.kind)
            split = out.get(bucket)
            if split is None:
                split = out[bucket] = {}
            found = split.get(head.classes)
            if found is None:
                split[head.classes] = [k]
            else:
                found.append(k)
    return out


def _related_subjects(
    head: _Head,
    by_place: dict[object, dict[frozenset[str], list[str]]],
    wider: dict[frozenset[str], Relation] | None = None,
) -> dict[str, Relation]:
    """The keys of ``head``'s kind at its place or a place containing it less those whose
    subjects ``head``'s are neither part of nor the same as, with that relation
    (``subject_relation`` asked once per set of classes at a place, not per key).
    A key whose subjects are part of ``head``'s is left out: whatever the places,
    ``combine`` then gives "whole" or nothing, never the "part" or "same" that
    ``part_whole`` checks (it is checked the other way round, as the part)."""
    kind = head.kind
    out: dict[str, Relation] = {}
    for name in head.names:
        split = by_place.get((name, kind))
        if not split:
            continue
        if wider is not None and len(wider) < len(split):
            # ``wider``: the sets of classes of the run that ``head``'s are part of or the
            # same as, with that relation; fewer than those at the place, so looked up there
            for classes, relation in wider.items():
                if (keys := split.get(classes)) is not None:
                    for b in keys:
                        out[b] = relation
            continue
        for classes, keys in split.items():
            relation = subject_relation(head.classes, classes)
            if relation == "part" or relation == "same":
                for b in keys:
                    out[b] = relation
    return out


def _wider(classes: frozenset[str], every: Iterable[frozenset[str]]) -> dict[frozenset[str], Relation]:
    """Of ``every`` set of classes, those ``classes`` are part of or the same as, with that
    relation."""
    out: dict[frozenset[str], Relation] = {}
    for other in every:
        relation = subject_relation(classes, other)
        if relation == "part" or relation == "same":
            out[other] = relation
    return out


def _same_time(a: Sequence[Facet], b: Sequence[Facet], settings: Settings) -> bool:
    """Some claim of ``a`` and some of ``b`` may be about one event: the same report, or
    dates inside the same-event window, or dates that are not known."""
    for x in a:
        for y in b:
            if x.document == y.document:
                return True
            days = days_apart(x.moment, y.moment)
            if days is None or days <= settings.same_event_days:
                return True
    return False


def part_whole(
    groups: dict[str, list[Facet]], settings: Settings, focus: Set[str] | None = None, sides: Sides | None = None
) -> Iterable[Finding]:
    """A part larger than its whole ("120 guards" freed against "57 hostages" freed), and
    one quantity written two ways ("a prison in Cuenca" and "Turi jail") that disagrees.

    With ``focus`` (claim ids), only the keys a finding about a focus claim needs (each
    key holding one or checked against one, with every key it is checked against), and
    in them the pairs ``_focused_pairs`` says. ``sides``: the keys' sides, shared with the
    other steps that read them (``pairs.Sides`` of ``groups``)."""
    # a part and its whole share unit, event, earlier event and era, and their subjects
    # relate: the keys by place and kind, then by subject classes
    heads = _heads(groups)
    by_place = _by_classes(heads)
    # each set of classes' wider sets, made once per set where many keys share few sets
    every = {c for split in by_place.values() for c in split}
    wider: dict[frozenset[str], dict[frozenset[str], Relation]] = {}
    shared = len(every) * len(every) <= len(groups)
    sides = Sides(groups, settings) if sides is None else sides
    # the keys that hold a focus claim: a key neither holding one nor checked against one
    # that does gives no finding about one
    marked = None if focus is None else sides.holding(focus)
    # a key is checked against keys of its own kind and era alone (``_Head.kind``,
    # ``_related_subjects``): one of no focus key's kind, holding none, meets none
    kinds = None if marked is None else {heads[k].kind for k in marked if k in heads}
    # ``place_relation`` by the two places' identities (``_Head.place``), asked once a pair
    places: dict[tuple[int, int], Relation] = {}
    for a in sorted(groups):
        head = heads.get(a)
        if head is None:
            continue  # a measure: compared with no other key (nor does any key meet it)
        fa = head.facet
        if marked is not None and kinds is not None and a not in marked and head.kind not in kinds:
            continue
        related: list[tuple[str, Facet, Relation]] = []
        # only keys whose subjects relate to its own can be related (the test below), so
        # whether one holds a focus claim is asked of these alone, as in ``chains``
        if shared:
            if (found := wider.get(head.classes)) is None:
                found = wider[head.classes] = _wider(head.classes, every)
            candidates = _related_subjects(head, by_place, found)
        else:
            candidates = _related_subjects(head, by_place)
        if marked is not None and a not in marked and marked.isdisjoint(candidates):
            continue  # no key it can be checked against holds a focus claim, nor does it
        for b in sorted(candidates):
            # (of the same unit, event, earlier event and era, and no measure: ``_Head``)
            if a == b:
                continue
            hb = heads[b]
            fb = hb.facet
            subject = candidates[b]  # "part" or "same" (``_related_subjects``)
            pair = (head.place, hb.place)
            try:
                place = places[pair]
            except KeyError:
                place = places[pair] = place_relation(fa.place, fb.place)
            rel = combine(subject, place)
            one_toll = (
                rel == "part"
                and place == "same"
                and hb.classes == _PEOPLE
                and fa.event in CASUALTIES
                and not any(is_breakdown(c) for c in head.classes)
                # "14 staff members, 24 patients and four caretakers": a class listed beside
                # others is a share of the toll, not the toll
                and not all(f.claim.parts_group for f in groups[a])
                and _one_order(groups[a], groups[b])
            )
            if one_toll:
                # "38 migrants killed" and "39 people killed" at one place: one toll, met once,
                # from the narrower key, whichever way the two keys sort
                rel = "same"
            if rel != "part" and not (rel == "same" and (a < b or one_toll)):
                continue
            related.append((b, fb, rel))
        if marked is not None and a not in marked and all(b not in marked for b, _, _ in related):
            continue
        if focus is None:
            if not related:
                continue
            own = sides[a]
            top = sides.reach(a)[0]
            for b, fb, relation in related:
                if relation == "part" and top < sides.reach(b)[1]:
                    continue  # no side of the part exceeds a side of the whole (``Sides.reach``)
                other = sides[b]
                for i, (iv, _) in enumerate(own):
                    for j, (whole_iv, _) in enumerate(other):
                        # ``_part_whole_pair``'s first test, asked here of the intervals: a
                        # part that does not exceed its whole, or one figure two ways that
                        # agrees, is no finding (most pairs of sides: no call for them)
                        if iv.overlaps(whole_iv) if relation == "same" else not iv.exceeds(whole_iv):
                            continue
                        if (f := _part_whole_pair(a, b, fa, fb, relation, i, j, sides, settings)) is not None:
                            yield f
            continue
        cases = [
            (b, fb, relation, i, j)
            for b, fb, relation in related
            for i in range(len(sides[a]))
            for j in range(len(sides[b]))
        ]
        yield from _focused_pairs(a, fa, cases, sides, focus, settings)


ONE_TOLL_RATIO = 2.0
"""A narrower count is the whole toll only where its figures reach half the toll's: "38
migrants killed" and "39 people killed" at a migrant centre are one toll; "five attackers
killed" and "one police officer killed" beside a toll of 14 are parts of it (or apart
from it), never a toll that fell."""


def _one_order(part: Sequence[Facet], whole: Sequence[Facet]) -> bool:
    """Whether the largest figure of the narrower key is within ``ONE_TOLL_RATIO`` of the
    smallest of the people's key."""
    high = max((v for f in part if (v := _top(f)) is not None), default=None)
    low = min((v for f in whole if (v := _top(f)) is not None), default=None)
    return high is None or low is None or high * ONE_TOLL_RATIO >= low


def _top(f: Facet) -> float | None:
    q = f.claim.quantity
    return q.value if q.value is not None else (q.high if q.high is not None else q.low)


def _focused_pairs(
    a: str,
    fa: Facet,
    cases: list[tuple[str, Facet, Relation, int, int]],
    sides: Sides,
    focus: Set[str],
    settings: Settings,
) -> Iterable[Finding]:
    """``part_whole``'s findings for key ``a`` under a focus, in the full run's order: the
    pairs of sides that hold a focus claim; for a part whose finding against a whole that
    holds one was found, its pairs with every whole whose figures include that finding's
    (``merge_same_wholes`` merges a part's findings against wholes of one figure); and any
    other pair whose sides' figures include those of a finding of the same two keys found
    so (it would carry the same fingerprint, and the full run keeps the first found)."""
    found: dict[tuple[str, int, int], Finding | None] = {}
    for b, fb, relation, i, j in cases:
        if sides.marked(a, i, focus) or sides.marked(b, j, focus):
            found[(b, i, j)] = _part_whole_pair(a, b, fa, fb, relation, i, j, sides, settings)
    # the whole figures of each part side's findings so far: a finding of the same part
    # against a whole of those figures is merged with one (a narrowed whole keeps a subset)
    merged: dict[int, list[set[str]]] = defaultdict(list)
    for (_, i, _), f in found.items():
        if f is not None and f.kind == "part_exceeds_whole":
            merged[i].append(claim_figures(f.positions[1].claims))
    for b, fb, relation, i, j in cases:
        if relation == "part" and merged[i] and (b, i, j) not in found:
            whole = sides.figures(b, j)
            if any(w <= whole for w in merged[i]):
                found[(b, i, j)] = _part_whole_pair(a, b, fa, fb, relation, i, j, sides, settings)
    shown: dict[str, list[tuple[set[str], set[str]]]] = defaultdict(list)
    for (b, _, _), f in found.items():
        if f is not None:
            shown[b].append((claim_figures(f.positions[0].claims), claim_figures(f.positions[1].claims)))
    halves: dict[tuple[str, int], list[set[str]]] = {}
    for b, fb, relation, i, j in cases:
        if (b, i, j) in found:
            finding = found[(b, i, j)]
        elif shown[b] and _may_collide(sides.figures(a, i), sides.figures(b, j), shown[b], halves, (b, i)):
            finding = _part_whole_pair(a, b, fa, fb, relation, i, j, sides, settings)
        else:
            continue
        if finding is not None:
            yield finding


def _may_collide(
    x: set[str],
    y: set[str],
    shown: list[tuple[set[str], set[str]]],
    halves: dict[tuple[str, int], list[set[str]]],
    at: tuple[str, int],
) -> bool:
    """A finding cut down from sides of figures ``x`` and ``y`` could have the figures of
    one in ``shown`` (either way round): one half of it within ``x`` and the other within
    ``y``. ``halves`` keeps, by ``at`` (the key of ``shown`` and the side of ``x``), the other
    halves of those with a half within ``x``: a side is met with every side of a key, and
    few findings have a half within it."""
    others = halves.get(at)
    if others is None:
        others = halves[at] = [q for p, q in shown if p <= x] + [p for p, q in shown if q <= x]
    return any(h <= y for h in others)


def _part_whole_pair(
    a: str,
    b: str,
    fa: Facet,
    fb: Facet,
    relation: Relation,
    i: int,
    j: int,
    sides: Sides,
    settings: Settings,
) -> Finding | None:
    """The finding between side ``i`` of key ``a`` and side ``j`` of key ``b``, if any."""
    part, whole = sides[a][i], sides[b][j]
    if relation == "same":
        if part[0].overlaps(whole[0]):
            return None
        low, high = (part, whole) if part[0].lo <= whole[0].lo else (whole, part)
        judged = classify_pair(low[1], high[1], settings)
        if judged is None:
            return None
        verdict, lows, highs = judged
        return pair_finding(
            "value_conflict",
            f"{a}={b}",
            f"{topic_of(fa)} / {topic_of(fb)}",
            verdict,
            narrowed(lows, low[0], settings, low),
            narrowed(highs, high[0], settings, high),
            settings,
        )
    if whole is not sides[b][-1] and not _near(part[0], whole[0]):
        # a part is checked against the largest figure given for its whole, and against any
        # figure close below it ("at least 40" in the city against 38 in the country); far
        # below, a "whole" is another scope
        return None
    if not part[0].exceeds(whole[0]) or _one_phrase(part[1], whole[1]):
        return None
    # the claims that exceed the whole on their own: "at least 39" shares a side with "40"
    # but is no part larger than a whole of 39
    over = [
        f
        for f in without_phrase_parts(part[1], whole[0])
        if claim_interval(f.claim, settings.tolerance).exceeds(whole[0])
    ]
    if not over:
        return None
    if len(over) < len(part[1]):
        part = (part[0], over)
    # a whole whose own phrase adds up to the part ("50 guards and seven police" against
    # "57 guards" at one prison), or to more where the phrase is all of the whole's class
    # ("58 passengers and four crew" against 61 people aboard), is no smaller whole: it is
    # that total in parts
    below = [
        f
        for f in without_phrase_parts(whole[1], part[0])
        if not (f.phrase_covers and f.phrase_total is not None and not part[0].exceeds(f.phrase_total))
    ]
    if not below:
        return None
    if len(below) < len(whole[1]):
        whole = (whole[0], below)
    # a side's figures from reports far apart in time from every figure of the other are
    # another incident's that happen to agree with it (a folder of many incidents)
    near = [f for f in whole[1] if _same_time(part[1], (f,), settings)]
    if near and len(near) < len(whole[1]):
        whole = (whole[0], near)
    near = [f for f in part[1] if _same_time((f,), whole[1], settings)]
    if near and len(near) < len(part[1]):
        part = (part[0], near)
    if (
        not fb.cumulative
        and place_relation(fa.place, fb.place) == "part"
        and not any(f.place and f.place.stated for f in whole[1])
    ):
        # "seis mineros siguen atrapados" after a toll at the mine: a count that rises and
        # falls, placed only by its article's country, says nothing of its scope
        return None
    part_verdict = _part_verdict(part[1], whole[1], settings)
    if part_verdict is None:
        return None
    return pair_finding(
        "part_exceeds_whole",
        f"{a}>{b}",
        f"{topic_of(fa)} / {topic_of(fb)}",
        part_verdict,
        part,
        whole,
        settings,
        roles=("part", "whole"),
    )


_PEOPLE = frozenset({"person"})


def _near(part: Interval, whole: Interval) -> bool:
    """The part's lowest value is within a third of the whole's highest."""
    if part.low is None or whole.high is None or part.low <= 0:
        return False
    return part.low - whole.high <= CLOSE * part.low


def _one_phrase(a: Sequence[Facet], b: Sequence[Facet]) -> bool:
    ga = {f.claim.parts_group for f in a}
    return len(ga) == 1 and None not in ga and ga == {f.claim.parts_group for f in b}


def _apart(a: Sequence[Facet], b: Sequence[Facet], settings: Settings) -> Verdict | None:
    """Figures of one group and place far apart in time: perhaps two events; None when
    they are outside the comparison window altogether."""
    gaps = [d for x in a for y in b if (d := days_apart(x.moment, y.moment)) is not None]
    days = min(gaps) if gaps else None
    if days is None or days > settings.window_days:
        return None
    note = f"{days} days apart, beyond the same-event window of {settings.same_event_days} days"
    return Verdict(
        "possibly_different_event",
        "warning",
        "figures about one group and place, weeks apart: perhaps two events",
        (note,),
    )


def _part_verdict(part: Sequence[Facet], whole: Sequence[Facet], settings: Settings) -> Verdict | None:
    """A part above the largest figure given for its whole is a finding only when the
    text shows they hold at one time (one report, or one day), or when a cumulative whole
    reported later is below an earlier part ("a toll cannot fall"). A later part above an
    earlier whole is the count growing; parts and wholes of unknown order say nothing. A
    warning, never an error: a small figure filed under a whole is as often a narrower
    scope the text did not name ("25 bodies" at one school) as a wrong total."""
    rule = "a part is larger than the whole it belongs to"
    t = timing(whole, part)
    if t is None:
        return None
    cumulative = whole[0].cumulative
    if t.relation == "low-first" and cumulative:
        return None  # an earlier total and a later part of a growing count
    if not _same_time(part, whole, settings):
        return _apart(part, whole, settings)
    if t.relation == "same":
        return Verdict("conflict", "warning", rule)
    if t.relation == "high-first" and cumulative:
        if any(f.order == "correction" for f in whole):
            # "revised ... down to 275 from 288": the later total corrects the earlier figure
            return Verdict("update", "info", f"{rule}: the later total is a correction of it")
        return Verdict("conflict", "warning", f"{rule}: the later total is below an earlier part")
    if t.relation == "unknown":
        # unknown order is uncertainty, not growth: kept, ranked low, with the reason
        return Verdict("conflict", "info", f"{rule}, and nothing shows which is later", (ORDER_UNKNOWN,), weak=True)
    return None


def chains(
    groups: dict[str, list[Facet]], settings: Settings, focus: Set[str] | None = None, sides: Sides | None = None
) -> Iterable[Finding]:
    """More people released (or rescued, or escaped) than were ever said to be held, for
    the same people at the same place and time. A lower held figure beside a higher one
    is most often those still held after some were released, so each release is compared
    with the highest figure given for the group held. With ``focus`` (claim ids), only the
    keys a finding about a focus claim needs, as in ``part_whole``."""
    # the keys by place and event: a released key is checked only against the keys of the
    # events it follows (held), not every key at its place
    ordered = sorted(groups)
    made = _Made({}, {})
    heads, by_place = _held(groups, ordered, made)
    sides = Sides(groups, settings) if sides is None else sides
    marked = None if focus is None else sides.holding(focus)
    earlier = {e: tuple(held for held, later in CHAINS.items() if e in later) for e in CHAINS_LATER}
    tops: dict[str, list[tuple[Interval, list[Facet]]]] = {}
    starts = tuple(f"{e}|" for e in earlier)
    places: dict[tuple[int, int], Relation] = {}  # ``place_relation`` by place identities
    for a in ordered:
        if not a.startswith(starts):
            continue
        fa = groups[a][0]
        if fa.event not in earlier:
            continue
        ha = _head(fa, made)
        related: list[tuple[str, Facet, Relation]] = []
        # a key of another event is never related, so whether any candidate holds a focus
        # claim is asked of these alone (``part_whole``'s test, then the test below, give
        # the same keys either way)
        candidates = {b for name in ha.names for e in earlier[fa.event] for b in by_place.get((name, e), ())}
        if marked is not None and a not in marked and marked.isdisjoint(candidates):
            continue  # as in ``part_whole``
        for b in sorted(candidates):
            hb = heads[b]
            _, event, background, era = hb.kind
            if fa.event not in CHAINS.get(event, ()) or (fa.background, fa.era) != (background, era):
                continue
            pair = (ha.place, hb.place)
            try:
                place = places[pair]
            except KeyError:
                place = places[pair] = place_relation(fa.place, hb.facet.place)
            rel = combine(subject_relation(ha.classes, hb.classes), place)
            if rel is None:
                continue
            related.append((b, hb.facet, rel))
        if marked is not None and a not in marked and all(b not in marked for b, _, _ in related):
            continue
        cases: list[_ChainCase] = []
        for b, fb, relation in related:
            # a held count falls as people are released ("seven are still held"): only the
            # most ever said to be held bounds how many can be released, and never a count
            # the text marks as those still held ("96 remain held": after releases); found
            # once per held key, which many released keys meet
            top = tops.get(b)
            if top is None:
                top = tops[b] = [s for s in sides[b] if not all(f.remaining for f in s[1])][-1:]
            cases.extend((b, fb, relation, i, held) for i in range(len(sides[a])) for held in top)
        if focus is None:
            for case in cases:
                if (f := _chain_pair(a, fa, case, sides, settings)) is not None:
                    yield f
            continue
        yield from _focused_chains(a, fa, cases, sides, focus, settings)


def _held(
    groups: dict[str, list[Facet]], ordered: list[str], made: _Made
) -> tuple[dict[str, _Head], dict[tuple[str, str], list[str]]]:
    """The heads of the keys of an event another follows (held), and those keys by place
    name and event (each list in key order; ``ordered``: the keys sorted). A key starts
    with its event (``Facet.key``), so the keys of other events are passed by without
    reading their facets (a measure's key is of no such event)."""
    starts = tuple(f"{e}|" for e in CHAINS)
    heads = {k: _head(groups[k][0], made) for k in ordered if k.startswith(starts)}
    by_place: dict[tuple[str, str], list[str]] = defaultdict(list)
    for k, head in heads.items():
        if head.kind[1] in CHAINS:
            for name in head.filed:
                by_place[(name, head.kind[1])].append(k)
    return heads, by_place


_ChainCase = tuple[str, Facet, Relation, int, tuple[Interval, list[Facet]]]
"""A held key, its first facet, its relation, a side of the released key, the held side."""


def _chain_pair(a: str, fa: Facet, case: _ChainCase, sides: Sides, settings: Settings) -> Finding | None:
    """The finding between side ``i`` of released key ``a`` and the held side, if any."""
    b, fb, relation, i, held = case
    later = sides[a][i]
    if later[0].overlaps(held[0]):
        return None
    # "seven police" of "50 guards and seven police" held, against 57
    # released: the part of a phrase whose total was released
    kept = without_phrase_parts(held[1], later[0])
    if not kept:
        return None
    if len(kept) < len(held[1]):
        held = (held[0], kept)
    if _same_time(later[1], held[1], settings):
        if relation == "whole" or not later[0].exceeds(held[0]):
            return None  # fewer released than held: some are still held
        verdict: Verdict | None = Verdict("conflict", "warning", f"more {fa.event} than were held")
    else:
        verdict = _apart(later[1], held[1], settings)
    if verdict is None:
        return None
    return pair_finding(
        "chain_exceeds",
        f"{a}>{b}",
        f"{topic_of(fa)} / {topic_of(fb)}",
        verdict,
        later,
        held,
        settings,
        roles=("part", "whole"),
    )


def _focused_chains(
    a: str, fa: Facet, cases: list[_ChainCase], sides: Sides, focus: Set[str], settings: Settings
) -> Iterable[Finding]:
    """``chains``' findings for released key ``a`` under a focus, in the full run's order,
    chosen as ``_focused_pairs`` chooses parts and wholes: the pairs with a side that holds
    a focus claim, a released side's pairs with every held side whose figures include
    those of such a finding of it (``merge_same_wholes``), and the pairs that could carry
    the fingerprint of one found."""
    found: dict[int, Finding | None] = {}
    for n, (_, _, _, i, held) in enumerate(cases):
        if sides.marked(a, i, focus) or has_focus(held[1], focus):
            found[n] = _chain_pair(a, fa, cases[n], sides, settings)
    merged: dict[int, list[set[str]]] = defaultdict(list)
    for n, f in found.items():
        if f is not None:
            merged[cases[n][3]].append(claim_figures(f.positions[1].claims))
    for n, (_, _, _, i, held) in enumerate(cases):
        if n not in found and merged[i]:
            whole = claim_figures(f.claim for f in held[1])
            if any(w <= whole for w in merged[i]):
                found[n] = _chain_pair(a, fa, cases[n], sides, settings)
    shown: dict[str, list[tuple[set[str], set[str]]]] = defaultdict(list)
    for n, f in found.items():
        if f is not None:
            shown[cases[n][0]].append((claim_figures(f.positions[0].claims), claim_figures(f.positions[1].claims)))
    halves: dict[tuple[str, int], list[set[str]]] = {}
    for n, (b, _, _, i, held) in enumerate(cases):
        if n in found:
            finding = found[n]
        elif shown[b] and _may_collide(
            sides.figures(a, i), claim_figures(f.claim for f in held[1]), shown[b], halves, (b, i)
        ):
            finding = _chain_pair(a, fa, cases[n], sides, settings)
        else:
            continue
        if finding is not None:
            yield finding


def sum_mismatches(claims: Sequence[Claim], facets: dict[str, Facet], settings: Settings) -> Iterable[Finding]:
    """Coordinated parts ("50 guards and seven police officers") against a total stated in
    the same document for the same event and classes that cover the parts. ``facets``
    carry their phrase's total (``facets_of``)."""
    parts: dict[str, list[Facet]] = defaultdict(list)
    for c in claims:
        if c.parts_group and c.id in facets:
            parts[c.parts_group].append(facets[c.id])
    # the wholes of the documents that give parts only (most documents give none)
    docs = {members[0].claim.document for members in parts.values()}
    by_doc: dict[str, list[Facet]] = defaultdict(list)
    for f in facets.values() if docs else ():
        c = f.claim
        if c.document in docs and not c.parts_group:
            by_doc[c.document].append(f)
    for gid in sorted(parts):
        members = parts[gid]
        head = members[0]
        # the phrase's total (``phrase_totals``): only parts of one unit and one event have one
        total = head.phrase_total
        if total is None or any(f.anchor is not None for f in members):
            continue
        union = subject_classes(" and ".join(sorted(frozenset().union(*(f.classes for f in members)))))
        for whole in sorted(by_doc[head.document], key=lambda f: f.claim_id):
            if whole.event != head.event or whole.unit != head.unit or whole.background != head.background:
                continue
            if subject_relation(union, whole.classes) != "same":
                continue
            place = place_relation(head.place, whole.place)
            if place != "same" and head.place and head.place.stated and whole.place and whole.place.stated:
                continue
            whole_iv = claim_interval(whole.claim, settings.tolerance)
            if total.overlaps(whole_iv):
                continue
            if any(claim_interval(f.claim, settings.tolerance).exceeds(whole_iv) for f in members):
                continue  # smaller than one of the parts: another figure, not their total
            if any((t := timing([f], [whole])) is not None and t.relation not in ("same", "unknown") for f in members):
                continue  # "hours earlier, 133 and three were still held": another moment
            ordered = sorted(members, key=lambda f: f.claim.quantity.start)
            shown = " + ".join(f.claim.quantity.text for f in ordered)
            verdict = Verdict(
                "conflict", "error", f"stated parts ({shown} = {total.describe()}) do not add up to the stated total"
            )
            finding = pair_finding(
                "sum_mismatch",
                whole.key,
                topic_of(head),
                verdict,
                (total, ordered),
                (whole_iv, [whole]),
                settings,
                roles=("parts", "total"),
            )
            first = finding.positions[0].model_copy(update={"label": f"{shown} = {total.describe()}"})
            yield finding.model_copy(update={"positions": [first, finding.positions[1]]})


def merge_same_wholes(findings: list[Finding]) -> list[Finding]:
    """One finding per part that exceeds one figure given for several wholes: "about 120
    guards" against "57 hostages" and "57 law enforcement officers" in one article is one
    disagreement (the 57 are the same people), not two."""
    groups: dict[tuple[str, tuple[str, ...], tuple[str, ...]], list[Finding]] = defaultdict(list)
    rest: list[Finding] = []
    for f in findings:
        if f.kind not in ("part_exceeds_whole", "chain_exceeds"):
            rest.append(f)
            continue
        part, whole = f.positions
        groups[(f.kind, tuple(sorted(c.id for c in part.claims)), tuple(side_figures(whole)))].append(f)
    for (kind, _, _), members in sorted(groups.items()):
        if len(members) == 1:
            rest.append(members[0])
            continue
        # the loudest reading stands for the merged finding; among equals, the first by id
        members.sort(key=lambda f: (-SEVERITY_RANK[f.severity], f.id))
        first = members[0]
        part, whole = first.positions
        claims = {c.id: c for f in members for c in f.positions[1].claims}
        merged_whole = whole.model_copy(
            update={
                "claims": sorted(claims.values(), key=lambda c: (str(c.published or ""), c.document, c.quantity.start)),
                "what": " / ".join(sorted({f.positions[1].what for f in members})),
                "who": sorted({n for f in members for n in f.positions[1].who}),
            }
        )
        positions = [part, merged_whole]
        key = "|".join(sorted(f.id for f in members))
        rest.append(first.model_copy(update={"id": fingerprint(kind, key, positions), "positions": positions}))
    return rest
