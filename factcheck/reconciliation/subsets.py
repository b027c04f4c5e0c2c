"""Parts a report gives of a count it has just given: "Sixteen people were injured, 12 of them
seriously", "I feriti sono 16, di cui 12 in codice rosso", "36 injured, including six
firefighters". Such a part counts a subset of the figure before it, with the same event,
so it is never that count, nor another report's value of it.

A part of a group with another event is kept: "De ellos (the 68 held), 28 personas también
resultaron heridas" is the report's count of the injured (``timeline.partitive`` reads the
words; this module checks the group's event). So is a part at a place of its own: "88
killed across five states, including 74 in Kentucky" is Kentucky's toll, which other reports
give too."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from .. import vocabulary
from .keys import Facet
from .timeline import names_group, opens_partitive, partitive

__all__ = ["without_subsets"]


def without_subsets(facets: Mapping[str, Facet]) -> dict[str, Facet]:
    """``facets`` (by claim id) but the figures a partitive phrase makes a part of a figure
    given before them in their sentence with the same event."""
    by_sentence: dict[tuple[str, int], list[Facet]] = defaultdict(list)
    for f in facets.values():
        by_sentence[(f.document, f.sentence_start)].append(f)
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
            start = f.claim.quantity.start
            if (
                first[f.event] < start
                and (partitive(f.claim) or names_group(f.claim))
                and any(
                    g.event == f.event and g.claim.quantity.start < start and _same_place(g, f)
                    for g in group
                    if g is not f
                )
            ):
                dropped.add(f.claim_id)
    dropped |= _opened_parts(by_sentence)
    # "187 of the abducted children were from the secondary school and 100 from the primary
    # section": a figure joined to a part by a conjunction, of its event and with no noun of
    # its own, is the next part (not "40 muertos, 5 de ellos decapitados, pero la cifra trepó
    # a 100")
    parts = [facets[cid] for cid in dropped]
    for f in parts:
        for g in by_sentence[(f.document, f.sentence_start)]:
            if (
                g.claim.quantity.start > f.claim.quantity.start
                and g.event == f.event
                and g.claim.subject is None
                and _joined_by_conjunction(f, g)
            ):
                dropped.add(g.claim_id)
    if not dropped:
        return dict(facets)
    return {cid: f for cid, f in facets.items() if cid not in dropped}


def _opened_parts(by_sentence: Mapping[tuple[str, int], list[Facet]]) -> set[str]:
    """The figures of a sentence that opens with a partitive ("De ellas, 19 están en
    estado grave"), or that name their group right after them with no figure of theirs
    before ("Dos de los heridos se encuentran graves"), with the event of a figure of the
    sentence before it, at its place."""
    out: set[str] = set()
    starts: dict[str, list[int]] = defaultdict(list)
    for doc, start in sorted(by_sentence):
        starts[doc].append(start)
    for doc, ordered in starts.items():
        for before, start in zip(ordered, ordered[1:], strict=False):
            wholes = by_sentence[(doc, before)]
            for f in by_sentence[(doc, start)]:
                if not (opens_partitive(f.claim) or _first_part(f, by_sentence[(doc, start)])):
                    continue
                if any(g.event == f.event and _same_place(g, f) for g in wholes):
                    out.add(f.claim_id)
    return out


def _same_place(whole: Facet, part: Facet) -> bool:
    """Whether the part is placed where its whole is (or either is unplaced): a part at
    another place is that place's count, not a subset of the whole's."""
    if whole.place is None or part.place is None or not part.place.stated:
        return True  # a part that names no place of its own is where its whole is
    return whole.place.name == part.place.name


def _first_part(f: Facet, sentence: list[Facet]) -> bool:
    """A figure that names itself a part of a group ("Dezesseis deles foram decapitados",
    "Two of the injured are in a coma") with no figure of its event before it in its
    sentence: the group is the one the sentence before counted."""
    start = f.claim.quantity.start
    if any(g.event == f.event and g.claim.quantity.start < start for g in sentence if g is not f):
        return False
    return partitive(f.claim) or names_group(f.claim)


def _joined_by_conjunction(f: Facet, g: Facet) -> bool:
    """The word right before figure ``g`` is a conjunction ("... and 100 from the primary
    section", "y tres leves"), with no other figure between the two."""
    c = g.claim
    between = c.sentence[f.claim.quantity.end - c.sentence_start : c.quantity.start - c.sentence_start]
    words = between.lower().replace(",", " ").split()
    if not words or any(ch.isdigit() for ch in between):
        return False
    language = c.language
    return bool(language) and vocabulary.reads(language) and words[-1] in vocabulary.grammar(language).conjunctions
