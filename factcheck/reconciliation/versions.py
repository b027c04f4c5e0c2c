"""One report giving two versions of its figures.

A report often gives its figures twice: a lead ("At least 50 inmates died and 20 were
injured, according to authorities") and, lower down, a source's own account ("the
minister ... where 52 inmates died and 23 were injured"). When two sentences of one
report each give figures for the same two quantities or more, they are two versions of
one set of figures, and where they disagree the report contradicts itself: an editor
reads both sentences side by side, each with all its figures, since the version as a
whole is what is out of date or wrong, not one number of it.

Such a finding is a ``value_conflict`` whose two sides hold every figure of each
sentence for the quantities both give (role ``parts``); its constraints bound one number
per quantity (``constraints``), so its core is the figures that disagree. It is not
made when the report's words order the two sentences ("earlier", "rose to") or when
they are dated to different days: then the second version is an update."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence, Set

from ..config import Settings
from ..findings import Finding
from ..intervals import Interval
from .classify import Verdict
from .describe import title
from .keys import Facet
from .pairs import interval, pair_finding, topic_of
from .timeline import days_apart

RULE = "one report gives two versions of its figures"

MIN_SHARED = 2
"""Quantities two sentences must both give to be two versions of one set of figures: one
shared quantity is an ordinary pair of values, found as such (``pairs``)."""


def versions(groups: dict[str, list[Facet]], settings: Settings, focus: Set[str] | None = None) -> Iterable[Finding]:
    """The findings between two sentences of one report that give the same quantities
    (at least ``MIN_SHARED``) with some figure disagreeing. ``groups``: the facets by
    quantity key, as compared (after joins).

    With ``focus`` (claim ids), only the findings of the reports holding a focus claim, and
    those of other reports that could have the id of one (a finding's id reads its key,
    the quantities both sentences give, and its figures): a report that gives each
    quantity of one of those findings (the first of one id found stands, as in the full run)."""
    # only a document with two sentences (of figures) or more is split by sentence and key:
    # those found first, without a record per facet (most documents of a large run give
    # their figures in one sentence), then their facets, in key order
    first: dict[str, int] = {}
    several: set[str] = set()
    own: set[str] = set()
    for facets in groups.values():  # (in any order: only which documents is asked)
        for f in facets:
            if first.setdefault(f.document, f.sentence_start) != f.sentence_start:
                several.add(f.document)
            if focus is not None and f.claim_id in focus:
                own.add(f.document)
    by_doc: dict[str, list[tuple[int, str, Facet]]] = defaultdict(list)
    for key in sorted(groups) if several else ():
        for f in groups[key]:
            if f.document in several:
                by_doc[f.document].append((f.sentence_start, key, f))
    docs = sorted(by_doc)
    found: dict[str, list[tuple[list[str], Finding]]] = {}
    if focus is not None:
        found = {doc: list(of_document(by_doc[doc], settings)) for doc in sorted(own) if doc in by_doc}
        given = [set(keys) for rows in found.values() for keys, _ in rows]
        docs = [d for d in docs if d in own or (given and _gives_any({k for _, k, _ in by_doc[d]}, given))]
    for doc in docs:
        for _, finding in found[doc] if doc in found else of_document(by_doc[doc], settings):
            yield finding


def _gives_any(keys: set[str], given: list[set[str]]) -> bool:
    """Whether a document's keys hold every key of one of ``given``."""
    return any(g <= keys for g in given)


def of_document(rows: list[tuple[int, str, Facet]], settings: Settings) -> Iterable[tuple[list[str], Finding]]:
    """One document's findings, each with the keys both its sentences give, from its facets
    (sentence start, key, facet) in key order."""
    first = rows[0][0]
    if all(start == first for start, _, _ in rows):
        return  # one sentence: no two versions
    sentences: dict[int, dict[str, list[Facet]]] = defaultdict(lambda: defaultdict(list))
    for start, key, f in rows:
        sentences[start][key].append(f)
    starts = sorted(sentences)
    for i, a in enumerate(starts):
        for b in starts[i + 1 :]:
            found = _versions(sentences[a], sentences[b], settings)
            if found is not None:
                yield _shared(sentences[a], sentences[b]), found


def _shared(a: dict[str, list[Facet]], b: dict[str, list[Facet]]) -> list[str]:
    """The keys two sentences both give one figure of, sorted: a quantity a sentence gives
    twice ("15 women and 68 men") is no one figure of it."""
    return sorted(k for k in set(a) & set(b) if len(a[k]) == 1 and len(b[k]) == 1)


def _versions(a: dict[str, list[Facet]], b: dict[str, list[Facet]], settings: Settings) -> Finding | None:
    """The finding between two sentences' figures (by key), if they are two versions."""
    shared = _shared(a, b)
    if len(shared) < MIN_SHARED:
        return None
    pairs = [(a[k][0], b[k][0]) for k in shared]
    if any(x.order is not None or y.order is not None for x, y in pairs):
        return None  # the report's words order them: an update or a correction, not two versions
    if any(x.claim.parts_group is not None or y.claim.parts_group is not None for x, y in pairs):
        return None  # parts of a phrase are compared with its total (``checks``)
    if any((d := days_apart(x.moment, y.moment)) is not None and d > 0 for x, y in pairs):
        return None  # two days' figures: an update
    differ = [(x, y) for x, y in pairs if not interval(x, settings).overlaps(interval(y, settings))]
    if not differ:
        return None
    head = differ[0][0]
    verdict = Verdict("conflict", "warning", RULE, (f"{len(shared)} figures given twice, {len(differ)} differently",))
    side_a = [x for x, _ in pairs]
    side_b = [y for _, y in pairs]
    finding = pair_finding(
        "value_conflict",
        "versions|" + "|".join(shared),
        topic_of(head),
        verdict,
        (_span(side_a, differ[0][0], settings), side_a),
        (_span(side_b, differ[0][1], settings), side_b),
        settings,
        roles=("parts", "parts"),
    )
    # each side in words, every figure with what it counts: "At least 50 (killed); 20 (injured)"
    shown = [
        p.model_copy(update={"label": _label(side)})
        for p, side in zip(finding.positions, (side_a, side_b), strict=True)
    ]
    return finding.model_copy(update={"positions": shown, "title": title(finding.topic, shown[0], shown[1], RULE)})


def _label(side: Sequence[Facet]) -> str:
    ordered = sorted(side, key=lambda f: f.claim.quantity.start)
    return "; ".join(f"{f.claim.quantity.text} ({f.event})" for f in ordered)


def _span(side: Sequence[Facet], shown: Facet, settings: Settings) -> Interval:
    """A side's interval: that of its figure of the first quantity that disagrees."""
    return interval(shown if shown in side else side[0], settings)
