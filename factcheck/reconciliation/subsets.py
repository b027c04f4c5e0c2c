"""Parts a report gives of a count it has just given: "Sixteen people were injured, 12 of them
seriously", "I feriti sono 16, di cui 12 in codice rosso", "36 injured, including six
firefighters". Such a part counts a subset of the figure before it, with the same event,
so it is never that count, nor another report's value of it.

A part of a group with another event is kept: "De ellos (the 68 held), 28 personas también
resultaron heridas" is the report's count of the injured (``timeline.partitive`` reads the
words; this module checks the group's event)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from .keys import Facet
from .timeline import partitive

__all__ = ["without_subsets"]


def without_subsets(facets: Mapping[str, Facet]) -> dict[str, Facet]:
    """``facets`` (by claim id) but the figures a partitive phrase makes a part of a figure
    given before them in their sentence with the same event."""
    by_sentence: dict[tuple[str, int], list[Facet]] = defaultdict(list)
    for f in facets.values():
        by_sentence[(f.claim.document, f.claim.sentence_start)].append(f)
    dropped: set[str] = set()
    for group in by_sentence.values():
        if len(group) < 2:
            continue
        # the earliest figure of each event in the sentence: a figure has one of its event
        # before it when that one starts before it (itself never does)
        first: dict[str, int] = {}
        for g in group:
            at = g.claim.quantity.start
            if at < first.get(g.event, at + 1):
                first[g.event] = at
        for f in group:
            if first[f.event] < f.claim.quantity.start and partitive(f.claim):
                dropped.add(f.claim.id)
    return {cid: f for cid, f in facets.items() if cid not in dropped}
