"""The checks: value conflicts, parts that exceed their whole, and stated parts that do not
sum to a stated total.

Cost stays near-linear in the number of claims: claims are blocked by frame, unit and
country; inside a block they are grouped by exact scope (classes and place), and only
groups, which are few, are compared pairwise for part/whole."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from ..config import Settings
from ..findings import Finding, FindingKind, Position
from ..intervals import Interval
from ..models import Claim
from .classify import classify
from .estimates import estimate
from .fingerprint import fingerprint
from .identity import Facet, combine, place_relation, same_time, subject_classes, subject_relation
from .positions import claim_interval, cluster, position


def _describe(f: Facet) -> str:
    place = f.claim.place
    where = (place.name or f"a {place.text or 'facility'}") if place else "unknown place"
    if place and place.within and place.kind != "country":
        where += " (" + ", ".join(place.within) + ")"
    return f"{f.frame}: {' and '.join(sorted(c.removeprefix('raw:') for c in f.classes))} in {where}"


def _key(f: Facet) -> str:
    # a stated year or a period ("in recent years") is part of the scope: such claims are
    # compared only with claims about the same year, or the same kind of period
    when = "period" if f.period else (f"y{f.year}" if f.year else "")
    place = f.claim.place.key if f.claim.place else "-"
    return f"{f.frame}|{'+'.join(sorted(f.classes))}|{f.unit or 'count'}|{place}|{when}"


def _parts_of_one_phrase(sides: Sequence[tuple[Interval, list[Claim]]]) -> bool:
    """ "four car bombs and three explosive devices": parts of one phrase never conflict."""
    groups = [{c.parts_group for c in claims} for _, claims in sides]
    return len(groups) == 2 and all(len(g) == 1 and None not in g for g in groups) and groups[0] == groups[1]


def _separate_incidents(sides: Sequence[tuple[Interval, list[Claim]]]) -> bool:
    """Inside one article, unattributed figures at the document's default place ("5 were
    killed in a bus crash ... 12 were killed in a shooting") are most often separate
    incidents, not a contradiction. One article disagrees with itself when the figures
    are tied to the same stated place, or when different named sources give them."""
    claims = [c for _, cs in sides for c in cs]
    if len({c.document for c in claims}) > 1:
        return False
    if all(c.place is not None and c.place.stated for c in claims):
        return False
    sources = [{c.source.name.lower() for c in cs if c.source} for _, cs in sides]
    return not (all(sources) and len(set().union(*sources)) > 1)


def _time_slices(facets: list[Facet], window: int) -> list[list[Facet]]:
    """Split a group into runs whose dates stay inside the comparison window."""
    ordered = sorted(facets, key=lambda f: (f.date.toordinal() if f.date else 0, f.claim.id))
    runs: list[list[Facet]] = []
    for f in ordered:
        if runs and (f.date is None or runs[-1][0].date is None or (f.date - runs[-1][0].date).days <= window):
            runs[-1].append(f)
        else:
            runs.append([f])
    return runs


def _finding(
    kind: FindingKind,
    title: str,
    reason: str,
    key: str,
    scope: str,
    frame: str,
    positions: list[Position],
    intervals: list[Interval],
    settings: Settings,
) -> Finding:
    classification, severity, evidence = classify(positions, settings, scope, frame, intervals)
    if kind != "value_conflict" and len({c.document for p in positions for c in p.claims}) == 1:
        classification, severity = "conflict", "error"
    return Finding(
        id=fingerprint(kind, key, positions),
        kind=kind,
        classification=classification,
        severity=severity,
        title=title,
        reason=reason,
        quantity=scope,
        positions=positions,
        evidence=evidence,
        estimate=estimate(positions, settings.policy),
    )


def value_conflicts(groups: dict[str, list[Facet]], settings: Settings) -> Iterable[Finding]:
    for key, facets in groups.items():
        for run in _time_slices(facets, settings.window_days):
            if len(run) < 2:
                continue
            sides = cluster([f.claim for f in run], settings.tolerance)
            if len(sides) < 2 or _parts_of_one_phrase(sides) or _separate_incidents(sides):
                continue
            positions = [position(claims, iv) for iv, claims in sides]
            intervals = [iv for iv, _ in sides]
            scope = _describe(run[0])
            labels = " vs ".join(p.label for p in positions)
            yield _finding(
                "value_conflict",
                f"{labels}: {scope}",
                "the same quantity is given with figures that cannot all be true",
                key,
                scope,
                run[0].frame,
                positions,
                intervals,
                settings,
            )


def _place_names(f: Facet) -> tuple[str, ...]:
    """Names a group can be found under as a whole: its own place and its containers."""
    place = f.claim.place
    if place is None:
        return ("-",)
    own = place.name if place.name is not None else f"?{place.within[:1]}"
    return (own, *place.within)


def part_whole(groups: dict[str, list[Facet]], settings: Settings) -> Iterable[Finding]:
    """Parts against wholes, and the same quantity written two ways ("an unnamed prison in
    Cuenca" and "Turi jail"). Candidate wholes are looked up by place name, so a group is
    only compared with groups at its own place or a place that contains it."""
    keys = sorted(groups)
    by_place: dict[str, list[str]] = defaultdict(list)
    for k in keys:
        f = groups[k][0]
        place = f.claim.place
        by_place[place.name if place and place.name is not None else f"?{place.within[:1] if place else ''}"].append(k)
        if place is not None and place.kind == "facility":
            by_place[f"facility-in:{place.within[:1]}"].append(k)
    clusters = {k: cluster([f.claim for f in groups[k]], settings.tolerance) for k in keys}
    facets_of = {k: {f.claim.id: f for f in groups[k]} for k in keys}
    for a in keys:
        fa = groups[a][0]
        candidates = {b for name in _place_names(fa) for b in by_place.get(name, ())}
        if fa.claim.place is not None and fa.claim.place.kind == "facility":
            candidates |= set(by_place.get(f"facility-in:{fa.claim.place.within[:1]}", ()))
        for b in sorted(candidates):
            if a == b:
                continue
            fb = groups[b][0]
            if fa.unit != fb.unit or fa.frame != fb.frame:
                continue
            rel = combine(subject_relation(fa.classes, fb.classes), place_relation(fa.claim.place, fb.claim.place))
            if rel != "part" and not (rel == "same" and a < b):
                continue
            for part_iv, part_claims in clusters[a]:
                for whole_iv, whole_claims in clusters[b]:
                    if rel == "same":
                        if part_iv.overlaps(whole_iv) or _separate_incidents(
                            [(part_iv, part_claims), (whole_iv, whole_claims)]
                        ):
                            continue
                        kind: FindingKind = "value_conflict"
                        roles = ("value", "value")
                        reason = "the same quantity, written with different words, has figures that cannot all be true"
                    elif part_iv.exceeds(whole_iv):
                        kind = "part_exceeds_whole"
                        roles = ("part", "whole")
                        reason = "a part is larger than the whole it belongs to"
                    else:
                        continue
                    if _parts_of_one_phrase([(part_iv, part_claims), (whole_iv, whole_claims)]):
                        continue
                    xs = [facets_of[a][c.id] for c in part_claims]
                    ys = [facets_of[b][c.id] for c in whole_claims]
                    if not any(same_time(x, y, settings.window_days) for x in xs for y in ys):
                        continue
                    pos = [position(part_claims, part_iv, roles[0]), position(whole_claims, whole_iv, roles[1])]
                    scope = f"{_describe(fa)} / {_describe(fb)}"
                    yield _finding(
                        kind,
                        f"{pos[0].label} vs {pos[1].label}: {scope}",
                        reason,
                        f"{a}>{b}",
                        scope,
                        fa.frame,
                        pos,
                        [part_iv, whole_iv],
                        settings,
                    )


def sum_mismatches(claims: Sequence[Claim], facets: dict[str, Facet], settings: Settings) -> Iterable[Finding]:
    """Coordinated parts ("50 guards and seven police officers") against a total stated in
    the same document for the same event frame and classes that cover the parts."""
    parts: dict[str, list[Facet]] = defaultdict(list)
    for c in claims:
        if c.parts_group and c.id in facets:
            parts[c.parts_group].append(facets[c.id])
    by_doc: dict[str, list[Facet]] = defaultdict(list)
    for f in facets.values():
        if not f.claim.parts_group:
            by_doc[f.claim.document].append(f)
    for gid in sorted(parts):
        members = parts[gid]
        if len(members) < 2 or len({f.unit for f in members}) > 1 or len({f.frame for f in members}) > 1:
            continue
        union = frozenset().union(*(f.classes for f in members))
        union = subject_classes(" and ".join(sorted(union)))
        total = Interval.point(0)
        for f in members:
            total = total + claim_interval(f.claim, settings.tolerance)
        head = members[0]
        for whole in by_doc[head.claim.document]:
            if whole.frame != head.frame or whole.unit != head.unit:
                continue
            if subject_relation(union, whole.classes) != "same":
                continue
            place = place_relation(head.claim.place, whole.claim.place)
            if (
                place != "same"
                and head.claim.place
                and head.claim.place.stated
                and whole.claim.place
                and whole.claim.place.stated
            ):
                continue
            whole_iv = claim_interval(whole.claim, settings.tolerance)
            if total.overlaps(whole_iv):
                continue
            ordered = sorted((f.claim for f in members), key=lambda c: c.quantity.start)
            pos = [position(ordered, total, "parts"), position([whole.claim], whole_iv, "total")]
            shown = " + ".join(c.quantity.text for c in ordered)
            pos[0] = pos[0].model_copy(update={"label": f"{shown} = {total.describe()}"})
            scope = _describe(head)
            yield _finding(
                "sum_mismatch",
                f"{shown} does not add up to {whole.claim.quantity.text}: {scope}",
                "stated parts do not add up to the stated total",
                _key(head),
                scope,
                head.frame,
                pos,
                [total, whole_iv],
                settings,
            )


def group(facets: Iterable[Facet]) -> dict[tuple[str, str | None, str | None], dict[str, list[Facet]]]:
    """Blocks (frame, unit, country) of groups (exact scope key) of facets."""
    blocks: dict[tuple[str, str | None, str | None], dict[str, list[Facet]]] = defaultdict(lambda: defaultdict(list))
    for f in facets:
        blocks[(f.frame, f.unit, f.country)][_key(f)].append(f)
    return blocks


def merge_equal_wholes(findings: list[Finding], settings: Settings) -> list[Finding]:
    """One finding per part that exceeds several wholes of the same value: "about 120
    guards" against "57 law enforcement officers" and "57 hostages" is one disagreement,
    not two, when both wholes say 57."""
    merged: dict[tuple[tuple[str, ...], float | None, float | None], list[Finding]] = defaultdict(list)
    rest: list[Finding] = []
    for f in findings:
        if f.kind == "part_exceeds_whole":
            part, whole = f.positions
            merged[(tuple(sorted(c.id for c in part.claims)), whole.low, whole.high)].append(f)
        else:
            rest.append(f)
    for (_, low, high), group_ in sorted(merged.items(), key=lambda kv: str(kv[0])):
        first = group_[0]
        if len(group_) == 1:
            rest.append(first)
            continue
        part = first.positions[0]
        claims = {c.id: c for f in group_ for c in f.positions[1].claims}
        whole = position(list(claims.values()), Interval(low, high), "whole")
        scopes = sorted({f.quantity.split(" / ")[1] for f in group_})
        scope = first.quantity.split(" / ")[0] + " / " + "; ".join(scopes)
        key = "|".join(sorted(f.id for f in group_))
        rest.append(
            _finding(
                "part_exceeds_whole",
                f"{part.label} vs {whole.label}: {scope}",
                first.reason,
                key,
                scope,
                first.evidence.frame or "",
                [part, whole],
                [Interval(part.low, part.high), Interval(low, high)],
                settings,
            )
        )
    return rest


def merge_lone_dissent(findings: list[Finding], settings: Settings) -> list[Finding]:
    """One finding per lone figure that disagrees with several others: "about 120 prison
    officers" against "57" and against "50 guards" is one disagreement for an editor to
    decide, not two. Findings are joined when they share a side made of a single claim;
    sides with several claims never join findings, so unrelated disputes stay apart."""
    parent = list(range(len(findings)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[tuple[str, str], int] = {}
    for i, f in enumerate(findings):
        for p in f.positions:
            if len(p.claims) == 1 and f.kind != "sum_mismatch":
                # an update (a growing toll) and a conflict stay apart even around one figure
                cid = (p.claims[0].id, f.classification)
                if cid in owner:
                    parent[root(i)] = root(owner[cid])
                else:
                    owner[cid] = i
    clusters: dict[int, list[Finding]] = defaultdict(list)
    for i, f in enumerate(findings):
        clusters[root(i)].append(f)
    out: list[Finding] = []
    for members in clusters.values():
        if len(members) == 1:
            out.append(members[0])
            continue
        members.sort(key=lambda f: (f.kind, f.id))
        positions: dict[tuple[str, ...], Position] = {}
        for f in members:
            for p in f.positions:
                positions.setdefault(tuple(sorted(c.id for c in p.claims)), p)
        ordered = sorted(
            positions.values(),
            key=lambda p: (
                p.low if p.low is not None else float("-inf"),
                p.high if p.high is not None else float("inf"),
                p.label,
            ),
        )
        kinds = sorted({f.kind for f in members})
        first = members[0]
        scope = "; ".join(sorted({part for f in members for part in f.quantity.split(" / ")}))
        reason = "; ".join(sorted({f.reason for f in members}))
        title = " vs ".join(p.label for p in ordered) + ": " + scope
        intervals = [Interval(p.low, p.high) for p in ordered]
        key = "|".join(sorted(f.id for f in members))
        out.append(
            _finding(
                first.kind if len(kinds) == 1 else kinds[0],
                title,
                reason,
                key,
                scope,
                first.evidence.frame or "",
                ordered,
                intervals,
                settings,
            )
        )
    return out
