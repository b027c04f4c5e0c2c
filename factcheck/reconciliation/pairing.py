"""Scored pairing: which claims measure one quantity, when a field may be wrong or missing.

Claims whose fields all agree share an exact quantity key (``keys``). A claim whose event
was not read, whose subject is not classified, or whose place the text does not state
would fall out of every comparison under an exact key; here it joins the quantity it most
likely measures instead, when the pairing model (``scoring``, learnt by EM on the corpus
being checked) gives that quantity a high probability, clearly above any other, and the
figures are of one order of size. Every finding then carries the pairing score of its
sides and the field-by-field evidence, from which ``ranking`` gives its rank (``strength``).

Candidate pairs come from blocks: the unit's dimension, the country and the earlier event
or period a figure is about; inside a block each claim meets a bounded number of
neighbours for learning, so the cost grows with the number of claims, not its square."""

from __future__ import annotations

import hashlib
import math
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence, Set
from dataclasses import dataclass, replace
from functools import lru_cache
from operator import attrgetter

from ..config import Settings
from ..findings import Finding, Pairing
from .agreement import FIELDS, Comparison, Level, agreements, bounds, compare, figure_level, known_mismatch, level
from .clocks import by_clock
from .identity import is_breakdown
from .keys import UNKNOWN_EVENT, Facet
from .scoring import Model, learn

NEIGHBOURS = 24
"""Candidate pairs per claim used to learn the model: each claim meets this many others of
its block (in a fixed pseudo-random order), which keeps learning linear."""

JOIN_BITS = 3.0
"""A claim with an unread field joins a quantity only when the fields it has read make
that quantity at least 2**3 = 8 times likelier than not (the log2 Bayes factor of the
read fields; an unread field is no evidence either way here, since every candidate
shares it)..."""

JOIN_MARGIN = 1.0
"""...and only when that is at least 2**1 = twice the evidence for any other quantity."""

JOIN_RATIO = 2.0
"""...and only when its figure is within this factor of the quantity's figures: a figure of
another order of size is another count ("3,000 inmates" in a prison is not a death toll)."""


def block(f: Facet) -> tuple[str, str, str]:
    """The block of a facet: unit dimension, country, earlier event or period."""
    country = f.place.country or (f.place.name if f.place.kind == "country" else None) if f.place else None
    era = f"bg{f.background}" if f.background is not None else f.era
    return (f.unit or "count", country or "-", era)


def candidate_pairs(facets: Sequence[Facet]) -> list[tuple[Facet, Facet]]:
    """Pairs for learning: each facet with its next ``NEIGHBOURS`` of the same block, in an
    order given by the claim ids (a fixed shuffle, so a block of one article's figures
    is not all neighbours of each other); pairs inside one article are left out, since
    what the model learns is whether two reports speak of one quantity. Copies of a story
    are left out (its original stands for them), so that a story carried by many outlets
    does not weigh more than one carried by one."""
    return list(_sample(_blocks(facets), 1))


def _blocks(facets: Sequence[Facet]) -> list[list[Facet]]:
    """The originals' facets by block (blocks in order), each block in shuffled order."""
    blocks: dict[tuple[str, str, str], list[Facet]] = defaultdict(list)
    for f in facets:
        if f.source != f.document:
            continue  # a copy of another story: its original stands for it
        blocks[block(f)].append(f)
    # each block shuffled on its own: the order sorting every facet first gives them, with
    # many short sorts instead of one long one
    return [sorted(blocks[key], key=_shuffle_key) for key in sorted(blocks)]


def _shuffle_key(f: Facet) -> tuple[str, str]:
    return (_shuffled(f.claim_id), f.claim_id)


def _neighbours(blocks: list[list[Facet]]) -> list[list[int]]:
    """For each block, for each facet, which of its next ``NEIGHBOURS`` are of another
    document, as bits: a few integers per claim rather than an object per pair."""
    out = []
    for members in blocks:
        docs = [f.document for f in members]
        # a document with one facet in the block is no neighbour of itself: its window is
        # not looked at (most facets of a large run)
        several = {doc for doc, n in Counter(docs).items() if n > 1}
        masks = []
        last = len(docs) - 1
        for i, doc in enumerate(docs):
            if doc not in several:
                masks.append((1 << min(NEIGHBOURS, last - i)) - 1)
                continue
            window = docs[i + 1 : i + 1 + NEIGHBOURS]
            mask = (1 << len(window)) - 1  # every neighbour, less those of its own document
            if doc in window:  # (rare: a block's facets are shuffled across documents)
                for d, other in enumerate(window):
                    if other == doc:
                        mask &= ~(1 << d)
            masks.append(mask)
        out.append(masks)
    return out


def _sample(
    blocks: list[list[Facet]], step: int, masks: list[list[int]] | None = None
) -> Iterator[tuple[Facet, Facet]]:
    """Every ``step``-th candidate pair (the first, then each ``step`` further), in order."""
    masks = _neighbours(blocks) if masks is None else masks
    k = 0  # the index of the next pair among all candidate pairs
    for members, bits in zip(blocks, masks, strict=True):
        for i, mask in enumerate(bits):
            n = mask.bit_count()
            if n == 0 or (k % step and (k - 1) // step == (k + n - 1) // step):
                k += n
                continue  # no pair of this facet is taken
            for d in range(NEIGHBOURS):
                if mask >> d & 1:
                    if k % step == 0:
                        yield members[i], members[i + 1 + d]
                    k += 1


def _shuffled(text: str) -> str:
    return hashlib.blake2b(text.encode(), digest_size=8).hexdigest()


MAX_TRAINING_PAIRS = 20000
"""At most this many candidate pairs are compared to learn the model, taken evenly across
the blocks: 24 probabilities need thousands of pairs, not millions, and learning then
costs the same on a folder of 5,000 articles as on one of 500."""


def train(facets: Sequence[Facet], same_event_days: int) -> Model:
    """The pairing model learnt on the candidate pairs of these facets."""
    blocks = _blocks(facets)
    masks = _neighbours(blocks)
    total = sum(m.bit_count() for bits in masks for m in bits)
    step = max(1, -(-total // MAX_TRAINING_PAIRS))
    return learn(compare(a, b, same_event_days) for a, b in _sample(blocks, step, masks))


_UNREAD_EVENT = f"{UNKNOWN_EVENT}|"
"""How the key of a facet whose event was not read starts (``Facet.key``)."""


def weak(f: Facet) -> bool:
    """A facet with a field the extraction did not read: no event, or a subject that is no
    known class. A share by nationality ("28 Guatemalans") is read, and is never the
    count it is a share of, so it joins no other quantity."""
    breakdown, unread = _classes_read(f.classes)
    if breakdown:
        return False
    return f.event == UNKNOWN_EVENT or unread


@lru_cache(maxsize=4096)
def _classes_read(classes: frozenset[str]) -> tuple[bool, bool]:
    """Whether some class is a share (``is_breakdown``), and whether some is no known class:
    once per set of classes (``weak`` is asked of every key)."""
    return any(is_breakdown(c) for c in classes), any(c.startswith("raw:") for c in classes)


@dataclass(frozen=True, slots=True)
class Join:
    """Why a facet with an unread field was counted under another quantity."""

    key: str
    score: float
    comparison: Comparison


def joins(
    groups: dict[str, list[Facet]],
    model: Model,
    same_event_days: int,
    heads: Set[str] | None = None,
    leading: dict[str, list[tuple[float, str]]] | None = None,
) -> dict[str, Join]:
    """For each facet with an unread field (by claim id), the quantity it joins, if one is
    likely enough. Each such facet is judged on its own fields: the facets that share an
    unread key share only what was read of them ("one citizen" from Colombia and "about 100
    migrants" in the building both count migrants with no event), and their times, sources
    and figures point to different quantities. ``heads``: judge only these facets (by claim
    id; each facet's join reads the quantities of its block, never the other such facets).
    ``leading`` receives, for each facet judged, its two best candidates (their evidence and
    keys, best first), what its join was chosen from."""
    # the keys of an unread field, each asked once, in key order: a key starts with its
    # event, and writes its classes (``Facet.key``), so a key of neither an unread event
    # nor an unread class ("raw:") is passed by without reading its facet
    ordered = sorted(groups)
    unread = [
        key
        for key in ordered
        if (key.startswith(_UNREAD_EVENT) or "raw:" in key) and (head := groups[key][0]).anchor is None and weak(head)
    ]
    out: dict[str, Join] = {}
    if not unread:
        return out  # nothing to join (a corpus whose every figure's event and subject were read)
    # and the others
    read = [key for key in ordered if (head := groups[key][0]).anchor is None and not weak(head)]
    strong: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for key in read:
        strong[block(groups[key][0])].append(key)
    known_bits: dict[tuple[str, ...], float] = {}  # the read fields' evidence by levels
    top, short = _shortfalls(model)
    kinds: dict[tuple[str, frozenset[str], str, frozenset[str]], float | None] = {}
    ends_of: dict[str, tuple[float, float] | None] = {}  # each key's first figure, as bounds
    by_figure: dict[tuple[str, str, str], tuple[list[float], list[str]]] = {}
    figures_of: dict[str, dict[str, set[tuple[float, str]]]] = {}  # each key's figures and sources by report
    peers_of: dict[str, tuple[list[float], list[Facet]]] = {}  # each unread key's facets by figure
    for key in unread:
        for head in groups[key]:
            if heads is not None and head.claim_id not in heads:
                continue
            index = by_figure.get(block(head))
            if index is None:
                index = by_figure[block(head)] = _figure_index(groups, strong.get(block(head), []))
            candidates = [
                k for k in _same_order(_figures([head]), index) if not _own_report_differs(head, k, groups, figures_of)
            ]
            found = _best_join(
                head,
                candidates,
                groups,
                model,
                same_event_days,
                (top, short, known_bits, kinds, ends_of),
                None if leading is None else leading.setdefault(head.claim_id, []),
            )
            if found is not None and not _peer_as_likely(
                head, key, groups, found, model, same_event_days, (known_bits, peers_of)
            ):
                out[head.claim_id] = found
    return out


_PEERS = 8
"""Another report's facets of a facet's own unread quantity that :func:`_peer_as_likely`
reads, the nearest in figure first."""


def _bits(model: Model, c: Comparison, known_bits: dict[tuple[str, ...], float]) -> float:
    """The evidence of the read fields of a comparison (an unread field adds nothing)."""
    bits = known_bits.get(c.levels)
    if bits is None:
        weights = model.weights(c)
        bits = known_bits[c.levels] = sum(w for w, lv in zip(weights, c.levels, strict=True) if lv != "unknown")
    return bits


def _peer_as_likely(
    head: Facet,
    key: str,
    groups: dict[str, list[Facet]],
    found: Join,
    model: Model,
    same_event_days: int,
    memo: tuple[dict[tuple[str, ...], float], dict[str, tuple[list[float], list[Facet]]]],
) -> bool:
    """Whether another report gives a figure with the same fields unread, as likely the
    same quantity as the one the facet would join ("Eight workers were on the bridge" and
    "Siete trabajadores estaban sobre el puente" against "six workers missing"): the two
    reports then most likely wrote the same thing, and the facet stays with its peer
    rather than joining a quantity read in other words. The peers read are the
    ``_PEERS`` nearest in figure among the ``_PEER_SCAN`` nearest facets of the facet's own
    key (by figure, then claim id), so a key of thousands of copies costs the same."""
    known_bits, index = memo
    x = _figure(head)
    if x is None:
        return False
    values, facets = index.get(key) or index.setdefault(key, _by_figure(groups[key]))
    mid = bisect_left(values, x)
    lo, hi = mid - 1, mid
    scanned: list[tuple[float, str, Facet]] = []
    while len(scanned) < _PEER_SCAN and (lo >= 0 or hi < len(values)):
        left = x - values[lo] if lo >= 0 else math.inf
        right = values[hi] - x if hi < len(values) else math.inf
        if left <= right:
            k, lo = lo, lo - 1
        else:
            k, hi = hi, hi + 1
        v, f = values[k], facets[k]
        if not x / JOIN_RATIO <= v <= JOIN_RATIO * x:
            continue
        if f.document != head.document and f.source != head.source:
            scanned.append((abs(v - x), f.claim_id, f))
    near = sorted(scanned, key=lambda t: (t[0], t[1]))[:_PEERS]
    if not near:
        return False
    best = _bits(model, found.comparison, known_bits)
    return any(_bits(model, compare(head, f, same_event_days), known_bits) >= best for _, _, f in near)


_PEER_SCAN = 64
"""Facets of a key nearest in figure that :func:`_peer_as_likely` reads at most."""


def _by_figure(facets: Sequence[Facet]) -> tuple[list[float], list[Facet]]:
    """A key's facets with a figure, sorted by figure and claim id, beside their figures."""
    pairs = sorted(((v, f.claim_id, f) for f in facets if (v := _figure(f)) is not None), key=lambda t: t[:2])
    return [v for v, _, _ in pairs], [f for _, _, f in pairs]


def _own_report_differs(
    head: Facet, key: str, groups: dict[str, list[Facet]], figures_of: dict[str, dict[str, set[tuple[float, str]]]]
) -> bool:
    """Whether the facet's own report gives the quantity ``key`` with another figure from
    the same source, its event and subject read ("Six construction workers were missing,
    officials said ... Eight workers were on the bridge"): the report wrote that quantity
    in words of its own, so a figure the same source gives without them is another quantity
    (the workers on the bridge, six of them missing), not a second value of it. Another
    source's figure may be one ("the governor said 227 ... Police said 250 pupils were
    taken"). ``figures_of`` keeps each key's figures and sources by report."""
    by_doc = figures_of.get(key)
    if by_doc is None:
        by_doc = figures_of[key] = defaultdict(set)
        for f in groups[key]:
            if (v := _figure(f)) is not None:
                by_doc[f.document].add((v, _speaker(f)))
    own = by_doc.get(head.document)
    x, speaker = _figure(head), _speaker(head)
    return own is not None and any(v != x and s == speaker for v, s in own)


def _speaker(f: Facet) -> str:
    """The name of the source the text gives a figure, lower case ("" for none)."""
    return f.claim.source.name.lower() if f.claim.source is not None else ""


_Memo = tuple[
    float,
    "Shortfalls",
    dict[tuple[str, ...], float],
    dict[tuple[str, frozenset[str], str, frozenset[str]], float | None],
    dict[str, tuple[float, float] | None],
]


def _best_join(
    head: Facet,
    candidates: list[str],
    groups: dict[str, list[Facet]],
    model: Model,
    same_event_days: int,
    memo: _Memo,
    leading: list[tuple[float, str]] | None = None,
) -> Join | None:
    """The quantity one facet with an unread field joins, or None: the candidate whose read
    fields give at least ``JOIN_BITS``, ``JOIN_MARGIN`` above any other (``leading``
    receives the two best, their evidence and keys)."""
    top, short, known_bits, kinds, ends_of = memo
    scored = []
    ends = bounds(head)
    for other in candidates:
        target = groups[other][0]
        kind = (head.event, head.classes, target.event, target.classes)
        bound = kinds.get(kind, _UNSEEN)
        if bound == _UNSEEN:
            bound = kinds[kind] = _kind_bound(head, target, top, short)
        if bound is None:
            continue  # a known event or subject that disagrees, or too little evidence
        target_ends = ends_of.get(other, _NO_ENDS)
        if target_ends is _NO_ENDS:
            target_ends = ends_of[other] = bounds(target)
        if _hopeless(head, target, (ends, target_ends), bound, short, same_event_days):
            continue  # too little evidence to change the join
        c = compare(head, target, same_event_days)
        scored.append((_bits(model, c, known_bits), other, c))
    scored.sort(key=lambda s: (-s[0], s[1]))
    if leading is not None:
        leading.extend((bits, key) for bits, key, _ in scored[:2])
    if not scored:
        return None
    best = scored[0]
    if best[0] < JOIN_BITS or (len(scored) > 1 and best[0] - scored[1][0] < JOIN_MARGIN):
        return None
    return Join(best[1], model.score(best[2]), best[2])


Shortfalls = dict[str, dict[Level, float]]
"""For each field, how far each level's evidence falls under the field's best."""

_FLOOR = JOIN_BITS - JOIN_MARGIN - 1e-9
"""Evidence under which a candidate can change no join (a margin for the order of float sums)."""

_UNSEEN = -math.inf
_NO_ENDS = (math.nan, math.nan)


def _shortfalls(model: Model) -> tuple[float, Shortfalls]:
    """The most evidence a pair can have under the model, as ``joins`` sums it (an unread
    field adds nothing), and each level's shortfall from its field's best."""
    gains: dict[str, dict[Level, float]] = {f: {"unknown": 0.0} for f in FIELDS}
    for lv in ("same", "close", "different"):
        c = Comparison((lv,) * len(FIELDS), ("",) * len(FIELDS))
        for f, w in zip(FIELDS, model.weights(c), strict=True):
            gains[f][lv] = w
    best = {f: max(g.values()) for f, g in gains.items()}
    return sum(best.values()), {f: {lv: best[f] - w for lv, w in g.items()} for f, g in gains.items()}


def _kind_bound(head: Facet, target: Facet, top: float, short: Shortfalls) -> float | None:
    """The most evidence the pair can have given its event and subject, or None when no
    pair of this kind can change a join: the event or subject is read on both sides and
    differs (``known_mismatch``), or they alone keep it under the evidence that matters
    (see :func:`_hopeless`). Both fields depend on those two alone, so ``joins`` asks once
    per kind of pair."""
    if known_mismatch(head, target):
        return None
    bound = top - short["event"][level("event", head, target)] - short["subject"][level("subject", head, target)]
    return bound if bound >= _FLOOR else None


def _hopeless(
    head: Facet,
    target: Facet,
    ends: tuple[tuple[float, float] | None, tuple[float, float] | None],
    bound: float,
    short: Shortfalls,
    same_event_days: int,
) -> bool:
    """Whether the pair's evidence stays under ``JOIN_BITS - JOIN_MARGIN`` bits whatever its
    place gives (``bound``: the most its event and subject allow), reading the cheap
    fields first. Such a candidate is never the one joined (which needs ``JOIN_BITS``) and
    is never close enough to one that is to stop the join (which needs a margin under
    ``JOIN_MARGIN``), so leaving it out of ``joins`` changes nothing; in a large block most
    candidates are of this kind (another time, another figure), and comparing each in full
    was most of an archive check's slowest cases. ``ends`` are the two facets' ``bounds``."""
    bound -= short["figure"][figure_level(*ends, head.unit == target.unit)[0]]
    if bound < _FLOOR:
        return True
    for f in ("source", "time"):
        bound -= short[f][level(f, head, target, same_event_days)]
        if bound < _FLOOR:
            return True
    return False


def _figure(f: Facet) -> float | None:
    q = f.claim.quantity
    v = q.value if q.value is not None else (q.low if q.low is not None else q.high)
    return abs(v) if v is not None else None


def _figures(facets: Sequence[Facet]) -> list[float]:
    return [v for f in facets if (v := _figure(f))]


def _figure_index(groups: dict[str, list[Facet]], keys: Sequence[str]) -> tuple[list[float], list[str]]:
    """Every figure of the keys, sorted, beside the key it is of."""
    pairs = sorted((v, k) for k in keys for v in _figures(groups[k]))
    return [v for v, _ in pairs], [k for _, k in pairs]


def _same_order(xs: Sequence[float], index: tuple[list[float], list[str]]) -> list[str]:
    """The keys with a figure within ``JOIN_RATIO`` of one of ``xs``, sorted: for each x,
    the figures between x / 2 and 2x are looked up instead of comparing every pair."""
    values, keys = index
    found: set[str] = set()
    for x in xs:
        found.update(keys[bisect_left(values, x / JOIN_RATIO) : bisect_right(values, JOIN_RATIO * x)])
    return sorted(found)


def joined(groups: dict[str, list[Facet]], found: dict[str, Join]) -> dict[str, list[Facet]]:
    """The groups with each joining facet (``found`` is by claim id) moved into the quantity
    it joins, taking its event and subject (its own were not read)."""
    if not found:  # nothing moves (most runs of few unread fields, every run of none)
        # (most keys hold one facet: a list of it, without a sort)
        return {
            key: sorted(facets, key=_CLAIM_ID) if len(facets) > 1 else [facets[0]] for key, facets in groups.items()
        }
    out: dict[str, list[Facet]] = {}
    for key, facets in groups.items():
        for f in facets:
            join = found.get(f.claim_id)
            if join is None:
                out.setdefault(key, []).append(f)
                continue
            target = groups[join.key][0]
            moved = replace(
                f, event=target.event, classes=target.classes, cumulative=target.cumulative, joined=target.key
            )
            out.setdefault(join.key, []).append(moved)
    for key in out:
        out[key].sort(key=_CLAIM_ID)
    return out


_CLAIM_ID = attrgetter("claim_id")


ABOUT: dict[str, frozenset[str]] = {
    "value_conflict": frozenset({"figure"}),
    "chain_exceeds": frozenset({"figure", "event"}),
    "part_exceeds_whole": frozenset({"figure", "subject", "place"}),
    "sum_mismatch": frozenset({"figure", "subject"}),
    "contradicts_vetted_fact": frozenset({"figure"}),
    "scope_conflict": frozenset({"place"}),
}
"""The fields a finding of each kind is about, which its own evidence of one quantity
leaves out: a chain compares two events (held, then released), a part and its whole
differ in what is counted or where by design."""


def about(finding: Finding) -> frozenset[str]:
    """The fields a finding is about; the time too when it says that reports weeks apart
    may be of two events."""
    fields = ABOUT.get(finding.kind, frozenset({"figure"}))
    if finding.kind == "value_conflict" and finding.positions and finding.positions[0].role == "parts":
        # two versions of one report's figures (``versions``): whether they are of two
        # moments is what the finding asks, and both are the report's own
        return fields | {"time", "source"}
    return fields | {"time"} if finding.classification == "possibly_different_event" else fields


def identity_bits(c: Comparison, model: Model, about: frozenset[str] | set[str] = frozenset({"figure"})) -> float:
    """The evidence, in bits, that two claims measure one quantity from every field but
    those the finding is about: the figures always (how far apart they are is the
    disagreement), and the time for a finding that says two reports weeks apart may be of
    two events."""
    return sum(w for f, w in zip(FIELDS, model.weights(c), strict=True) if f not in about)


def scored(finding: Finding, originals: dict[str, Facet], model: Model, settings: Settings) -> Finding:
    """The finding with its pairing (the best-scoring pair of claims across its first two
    sides, compared as extracted). A warning whose fields, but those it is about, give less
    than ``settings.min_evidence`` bits is reported as info: the evidence that its sides
    measure one quantity is too weak to put before an editor first, but it stays in the
    report. Its rank is ``ranking``'s to give."""
    same_event_days = settings.same_event_days
    sides = finding.positions[:2]
    best: tuple[float, str, Comparison] | None = None
    for x in sides[0].claims[:8]:
        for y in sides[1].claims[:8]:
            fx, fy = originals.get(x.id), originals.get(y.id)
            if fx is None or fy is None:
                continue
            c = by_clock(compare(fx, fy, same_event_days), fx, fy)
            s = model.score(c)
            tie = f"{x.id}|{y.id}"
            if best is None or (s, tie) > (best[0], best[1]):
                best = (s, tie, c)
    if best is None:
        return finding
    score, _, c = best
    pairing = Pairing(score=round(score, 4), fields=agreements(c, model.weights(c)))
    update: dict[str, object] = {"pairing": pairing}
    # an event not read on one side is what that claim joined its quantity without
    # (``joins``: its read fields made the quantity likely enough), so it is no evidence
    # against the finding either (an unclassified subject still is: it may name a part)
    unread = {"event"} if c.levels[FIELDS.index("event")] == "unknown" else set()
    bits = identity_bits(c, model, about(finding) | unread)
    if finding.severity == "warning" and bits < settings.min_evidence:
        update["severity"] = "info"
        notes = [*finding.evidence.notes, f"weak pairing ({bits:+.1f} bits): perhaps not one quantity"]
        update["evidence"] = finding.evidence.model_copy(update={"notes": notes})
    return finding.model_copy(update=update)
