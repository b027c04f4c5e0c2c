"""A block's archived claims prepared once, and a draft added to them: the reconciler's
steps that read every claim of a block (copies of one story, each article's main country,
each claim's facet placed among them), computed for the archived documents of a block
when a check first retrieves it and kept beside the kept documents (``cache``), then
updated with the draft's few documents at each check of that block.

Every update is exact or not made: ``facets_with`` gives what ``facets_of`` gives for the
archived claims and the draft's together, or None when it cannot show the update equal,
and the check then runs ``facets_of`` in full. What the draft can change, and how each
change is handled:

- **copies of one story**: the draft's documents are compared with the archived documents
  that share a figure with them (the candidate index's rule, ``copies.MAX_POSTINGS``); the
  pairs among archived documents stay as they were, unless a draft's figure takes a figure
  the archived documents give past the index's limit: then the pairs among that figure's
  archived holders are judged again without it (the other pairs' tests read nothing it
  changes). A draft that joins archived groups renames the merged group to its
  smallest id: the renamed documents' facets take the new copy group as their source;
- **main countries**: the tallies of the archived documents are kept and the draft's added;
  an article that names no place takes the block's main country, so if the draft changes
  any archived document's main country (or which record names a country first), full run;
- **each claim's facet**: the draft's own, placed among the updated groups and main
  countries; what reads one document alone (anchors, corrections, parts just given) reads
  only the draft's;
- the steps that read every facet (one facility named two ways, single places, clocks,
  phrase totals) run only over what the draft can change (``kept_stages``); the quantities
  the finding steps compare, with the joins of facets with an unread field
  (``kept_joins``), and the totals scope conflicts read (``kept_totals``) are kept and made
  again the same way.

``tests/test_archive_kept.py`` holds the result equal, facet by facet, to ``facets_of``
on random drafts of dev and dev2 against the others, and the property over random splits
(``tests/test_archive_props.py``) checks archive findings through it."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter, OrderedDict, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations

from ..config import Settings
from ..models import Claim, Place
from ..reconciliation import own_facets
from ..reconciliation.copies import MAX_POSTINGS, KeptCopies, _copy_pairs, _documents, _Groups
from ..reconciliation.keys import Facet, main_places_of, place_tallies
from .kept_joins import KeptJoins, kept_joins
from .kept_pairs import KeptPairs
from .kept_stages import KeptStages, kept_stages, spread_with
from .kept_totals import KeptTotals, kept_totals


@dataclass(frozen=True, slots=True)
class KeptBlock:
    """What the steps over a whole block computed of its archived claims alone (moments left
    out, as the reconciler leaves them out), and what adding a draft to them reads."""

    groups: dict[str, str]
    """Each archived document's copy group."""
    sentences: dict[str, list[str]]
    """Each archived document's figure-bearing sentences, normalised (``copies``)."""
    sequences: dict[str, list[str]]
    """Each archived document's figures in text order (``copies``)."""
    holders: dict[str, set[str]]
    """The archived documents giving each figure (the copy candidates' index)."""
    copies: list[tuple[str, str]]
    """The pairs of archived documents found to be copies (``copies._copy_pairs``)."""
    counts: dict[str, Counter[str]]
    """Each archived document's place tally (``keys.place_tallies``)."""
    named: dict[str, Place]
    """The first place record naming each country."""
    named_at: dict[str, str]
    """The id of the claim (the first in id order) that gives each record of ``named``."""
    overall: Counter[str]
    """The sum of the archived documents' tallies."""
    defaults: dict[str, Place]
    """Each archived document's main country."""
    facets: dict[str, Facet]
    """Each archived claim's facet before the steps over every facet (``own_facets``), by
    claim id, in claim id order."""
    inherited: frozenset[str]
    """The ids of ``facets`` that follow the others (``own_facets``' measures given their
    article's anchor)."""
    order: tuple[list[str], list[str]]
    """The ids of ``facets`` not in ``inherited`` and those in it, each in claim id order."""
    by_document: dict[str, list[str]]
    """The ids of ``facets`` by document."""
    stages: KeptStages
    """The steps over every facet, run over ``facets`` (``kept_stages``)."""
    joins: KeptJoins
    """The joins of the archived facets with an unread field (``kept_joins``)."""
    totals: KeptTotals
    """The totals scope conflicts read (``kept_totals``)."""
    size: int
    """How many claims the block holds (what a cache counts it as)."""
    claims: list[Claim]
    """The archived claims, moments left out, in claim id order (``claims_with``)."""
    claim_ids: list[str]
    """Their ids, in that order."""
    pairs: KeptPairs = field(default_factory=KeptPairs)
    """The judgements of pairs of sides of archived claims, kept as checks make them
    (``kept_pairs``)."""


def kept_block(
    archived: Sequence[Claim],
    known: Mapping[str, Facet | None] | None,
    copies: KeptCopies | None,
    tolerance: float = Settings().tolerance,
) -> KeptBlock:
    """The block's archived claims prepared for drafts (``archived`` sorted by claim id),
    the steps over every facet run with ``tolerance`` (checks with another run them in full)."""
    ordered = [c for c in archived if not c.moment]
    sentences, sequences = _documents(ordered, copies)
    holders: dict[str, set[str]] = defaultdict(set)
    for d, figures in sequences.items():
        for fig in set(figures):
            holders[fig].add(d)
    # copy_groups' own steps, with the index kept
    found = sorted(_copy_pairs(_candidates(holders), sentences, sequences, copies))
    union = _Groups(sentences)
    for a, b in found:
        union.join(a, b)
    groups = union.named()
    counts, named = place_tallies(ordered)
    overall: Counter[str] = Counter()
    for tally in counts.values():
        overall.update(tally)
    defaults = main_places_of(sorted({c.document for c in ordered}), counts, named, overall)
    inherited: set[str] = set()
    facets = own_facets(ordered, groups, defaults, known, inherited)
    stages = kept_stages(facets, tolerance)
    by_document: dict[str, list[str]] = defaultdict(list)
    for cid, f in facets.items():
        by_document[f.claim.document].append(cid)
    return KeptBlock(
        groups,
        sentences,
        sequences,
        dict(holders),
        found,
        dict(counts),
        named,
        _named_at(ordered, named),
        overall,
        defaults,
        facets,
        frozenset(inherited),
        ([cid for cid in facets if cid not in inherited], [cid for cid in facets if cid in inherited]),
        dict(by_document),
        stages,
        kept_joins(stages.final),
        kept_totals(ordered, stages.final, Settings(tolerance=tolerance)),
        len(archived),
        ordered,
        [c.id for c in ordered],
    )


def _named_at(ordered: Sequence[Claim], named: Mapping[str, Place]) -> dict[str, str]:
    """The id of the first claim whose place is each record of ``named``."""
    out: dict[str, str] = {}
    for c in ordered:
        p = c.place
        if p is not None and p.name is not None and named.get(p.name) is p:
            out.setdefault(p.name, c.id)
    return out


def _candidates(holders: Mapping[str, set[str]]) -> dict[tuple[str, str], int]:
    """``copies._candidates`` from the figure index."""
    candidates: Counter[tuple[str, str]] = Counter()
    for docs in holders.values():
        if 2 <= len(docs) <= MAX_POSTINGS:
            candidates.update(combinations(sorted(docs), 2))
    return candidates


def facets_with(
    kept: KeptBlock, drafts: Sequence[Claim], settings: Settings, copies: KeptCopies | None = None
) -> tuple[dict[str, str], dict[str, Facet]] | None:
    """``facets_of`` over the kept block's archived claims and ``drafts`` together (the copy
    groups, and each comparable claim's facet by claim id), or None when the draft changes
    what cannot be updated exactly (see the module's docstring). ``copies``: what copy
    detection kept of the archived documents, read when their pairs are found again."""
    ordered = sorted((c for c in drafts if not c.moment), key=lambda c: c.id)
    own_docs = {c.document for c in ordered}
    if own_docs & kept.groups.keys():
        return None  # a draft under an archived document's id: the block's state is not its
    groups = _groups_with(kept, ordered, copies)
    defaults = _defaults_with(kept, ordered)
    if defaults is None:
        return None
    renamed = {d: groups[d] for d, g in kept.groups.items() if groups[d] != g}
    inherited: set[str] = set()
    own = own_facets(ordered, groups, defaults, None, inherited)
    # the facets in facets_of's order: claim id order, then the measures given their
    # article's anchor in claim id order
    first, then = (
        _merged(kept.order[0], [c for c in own if c not in inherited]),
        _merged(kept.order[1], [c for c in own if c in inherited]),
    )
    order = [*first, *then]
    return groups, spread_with(kept.stages, kept.facets, kept.by_document, own, renamed, settings, order)


def claims_with(kept: KeptBlock, drafts: Sequence[Claim]) -> list[Claim]:
    """The archived claims and the drafts', moments left out, in claim id order (what the
    reconciler sorts them into): the drafts' few inserted into the kept ones."""
    own = sorted((c for c in drafts if not c.moment), key=lambda c: c.id, reverse=True)
    if not own:
        return kept.claims
    out = list(kept.claims)
    for c in own:  # the last first: each goes before those inserted already
        out.insert(bisect_right(kept.claim_ids, c.id), c)
    return out


def _merged(kept: list[str], own: list[str]) -> list[str]:
    """The ids of both, sorted (each is): the draft's few inserted into the kept ones."""
    if not own:
        return kept
    out = list(kept)
    for cid in sorted(own, reverse=True):
        out.insert(bisect_right(out, cid), cid)
    return out


def _groups_with(kept: KeptBlock, ordered: Sequence[Claim], copies: KeptCopies | None) -> dict[str, str]:
    """The copy groups of the archived documents and the drafts'. A draft's figure that
    takes a figure of the archived index past ``MAX_POSTINGS`` leaves it out of the index:
    the archived documents' pairs are then found again without it (``copies``: the pairs'
    tests kept, which read only the pair)."""
    sentences, sequences = _documents(ordered)
    given: Counter[str] = Counter()
    for figures in sequences.values():
        given.update(set(figures))
    candidates: Counter[tuple[str, str]] = Counter()
    crossing = set()
    for fig, n in given.items():
        archived = kept.holders.get(fig, set())
        total = len(archived) + n
        if len(archived) >= 2 and len(archived) <= MAX_POSTINGS < total:
            crossing.add(fig)  # the archived documents' candidate pairs through this figure go
        if 2 <= total <= MAX_POSTINGS:
            docs = sorted(archived | {d for d, figures in sequences.items() if fig in figures})
            candidates.update(p for p in combinations(docs, 2) if p[0] in sequences or p[1] in sequences)
    base = kept.groups
    if crossing:
        again = _Groups(kept.groups)
        for a, b in _copies_without(kept, crossing, copies):
            again.join(a, b)
        base = again.named()
    involved = {d for pair in candidates for d in pair}
    texts = {d: sentences[d] if d in sentences else kept.sentences[d] for d in involved}
    numbers = {d: sequences[d] if d in sequences else kept.sequences[d] for d in involved}
    union = _Groups([*set(base.values()), *sentences])
    for a, b in sorted(_copy_pairs(candidates, texts, numbers)):
        union.join(base.get(a, a), base.get(b, b))
    roots = union.named()
    out = {d: roots[g] for d, g in base.items()}
    out.update((d, roots[d]) for d in sentences)
    return out


def _copies_without(kept: KeptBlock, crossing: set[str], copies: KeptCopies | None) -> list[tuple[str, str]]:
    """The pairs of archived documents that are copies with the ``crossing`` figures left
    out of the candidates' index, sorted. A pair's test reads the pair and how many figures
    of the index both give: only the pairs that share a crossing figure are judged again."""
    affected: set[tuple[str, str]] = set()
    for fig in crossing:
        affected.update(combinations(sorted(kept.holders[fig]), 2))
    figures: dict[str, set[str]] = {}
    shared: dict[tuple[str, str], int] = {}
    for a, b in sorted(affected):
        fa = figures.get(a) or figures.setdefault(a, set(kept.sequences[a]))
        fb = figures.get(b) or figures.setdefault(b, set(kept.sequences[b]))
        n = sum(1 for fig in fa & fb if fig not in crossing and 2 <= len(kept.holders[fig]) <= MAX_POSTINGS)
        if n:
            shared[(a, b)] = n
    found = [p for p in kept.copies if p not in affected]
    found += _copy_pairs(shared, kept.sentences, kept.sequences, copies)
    return sorted(found)


def _defaults_with(kept: KeptBlock, ordered: Sequence[Claim]) -> dict[str, Place] | None:
    """The main country of each archived and draft document, or None when the drafts change
    an archived document's (or which record names a country)."""
    counts, named = place_tallies(ordered)
    at = _named_at(ordered, named)
    for name, record in named.items():
        first = kept.named.get(name)
        if first is not None and at[name] < kept.named_at[name] and first != record:
            # the draft names the country first (in claim id order), in another record
            return None
    if not counts:
        drafts = main_places_of(sorted({c.document for c in ordered}), counts, kept.named, kept.overall)
        return {**kept.defaults, **drafts}
    overall = kept.overall.copy()
    for tally in counts.values():
        overall.update(tally)
    every = {**named, **kept.named}  # where both name a country, the first record or an equal one
    both = {**kept.counts, **counts}
    defaults = main_places_of(sorted([*kept.groups, *{c.document for c in ordered}]), both, every, overall)
    for d in kept.groups:
        p, q = kept.defaults.get(d), defaults.get(d)
        if p is not q and (p is None or q is None or p != q):
            return None  # an archived document's main country moves with the draft
    return defaults


SEEN_BLOCKS = 4096
"""How many blocks read a ``KeptBlocks`` remembers having read (a hash each), to prepare a
block the second time it is read."""


class KeptBlocks:
    """Kept blocks by the archived documents they hold (their ids and content hashes), the
    least recently used dropped first once they hold more than ``limit`` claims. A block of
    more than a quarter of ``limit`` claims is not kept: kept, it would push out several
    others, and checks cycling through more blocks than fit would find none kept (a least
    recently used cache fails every time on a cycle longer than itself). A block is prepared
    the second time a check reads it (``seen``): preparing costs a first check about a third
    more than the check itself, and most drafts reach a block no other draft reaches, so
    only a block read again (a draft checked again after an edit, or drafts about one
    incident that reach the same documents) is worth it.

    >>> blocks = KeptBlocks(limit=0)
    >>> blocks.get(frozenset()) is None
    True
    """

    def __init__(self, limit: int, hold: Callable[[frozenset[tuple[str, str]]], object] | None = None) -> None:
        self.limit = limit
        self._blocks: OrderedDict[frozenset[tuple[str, str]], KeptBlock] = OrderedDict()
        self._size = 0
        self._seen: OrderedDict[int, None] = OrderedDict()
        # what ``hold`` gives for each kept block's documents, kept as long as the block
        # (the cache's entries of its documents: ``cache.BlockCache``)
        self._hold = hold
        self._held: dict[frozenset[tuple[str, str]], object] = {}

    def seen(self, key: frozenset[tuple[str, str]]) -> bool:
        """Whether a check read the block of these documents before (the last
        ``SEEN_BLOCKS`` blocks read are remembered, by a hash of their documents); remembers it."""
        mark = hash(key)
        found = mark in self._seen
        self._seen[mark] = None
        self._seen.move_to_end(mark)
        while len(self._seen) > SEEN_BLOCKS:
            self._seen.popitem(last=False)
        return found

    def fits(self, size: int) -> bool:
        """Whether a block of ``size`` claims would be kept (``put``): a block that would
        not is not worth preparing."""
        return bool(self.limit) and 4 * size <= self.limit

    def get(self, key: frozenset[tuple[str, str]]) -> KeptBlock | None:
        """The kept block of these documents, if kept."""
        found = self._blocks.get(key)
        if found is not None:
            self._blocks.move_to_end(key)
        return found

    def put(self, key: frozenset[tuple[str, str]], block: KeptBlock) -> None:
        """Keep a block (if it fits)."""
        if not self.fits(block.size):
            return
        old = self._blocks.pop(key, None)
        if old is not None:
            self._size -= old.size
        self._blocks[key] = block
        if self._hold is not None:
            self._held[key] = self._hold(key)
        self._size += block.size
        while self._size > self.limit:
            gone, dropped = self._blocks.popitem(last=False)
            self._held.pop(gone, None)
            self._size -= dropped.size

    def clear(self) -> None:
        """Forget every block."""
        self._blocks.clear()
        self._held.clear()
        self._seen.clear()
        self._size = 0
