"""Copies of one story: wire reports carried by several outlets, syndicated, lightly
rewritten or machine-translated. A copy is one source, not several: copies never
disagree with each other in a finding, their figures never add up as parts, and the
report says which outlets carried the same copy.

Two documents are copies when most of the sentences that carry figures in the smaller one
have a near-identical sentence in the other (rapidfuzz's ``ratio``), or when
they give the same figures in the same order (a translation keeps the numbers and their
order, whatever the words). Candidates are found through an index of the figures each
sentence gives, so cost grows with the number of documents, not its square, and the
sentences of all candidate pairs are matched at once (shared_sentences.py), each distinct
sentence compared once, with the decisions of comparing each pair on its own
(``_same_story``, the definition the tests hold the fast path to)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, MutableMapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from operator import itemgetter

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel

from ..models import Claim
from .shared_sentences import matched_counts

SENTENCE_SIMILARITY = 90
"""rapidfuzz ``ratio`` (case-folded) at or above which two sentences are the same
sentence: a wire copy keeps the words and their order, and may change a dateline, a
spelling or a word. Two reports that merely give the same figure write it differently."""

MIN_SENTENCE = 30
"""Shorter sentences ("41 dead.") are too generic to show copying."""

SHARED_SENTENCES = 0.6
"""Share of the smaller document's figure-bearing sentences that must be shared."""

SEQUENCE_SIMILARITY = 0.85
"""Similarity of the ordered lists of figures of two documents at or above which they are
the same story (for translated copies), given at least ``MIN_FIGURES`` figures each."""

MIN_FIGURES = 4

MAX_POSTINGS = 50
"""A figure given by more documents than this (a death toll every outlet repeats) says
nothing about copying and is left out of the candidate index."""


@dataclass(frozen=True, slots=True)
class KeptCopies:
    """What copy detection can keep between runs over overlapping sets of documents (an
    archive checking one draft after another): each document's figure-bearing sentences and
    figures, each pair's sentence test (``_copy_pairs``: enough of the smaller document's
    sentences found in the larger) and figures test, which read the two documents alone. All
    are keyed by the documents' content digests (``digests``: document id to digest, for
    the documents whose claims are all given and whose content the digest stands for; a
    document left out, say a draft, is computed afresh). Which pairs are candidates, and
    how many rare figures they share, depend on every document of a run and are computed
    each time; so is the figures test of a pair no earlier run judged."""

    digests: Mapping[str, str]
    documents: MutableMapping[str, tuple[list[str], list[str]]]
    pairs: MutableMapping[tuple[str, str], bool]
    sequences: MutableMapping[tuple[str, str], bool]
    """Pairs' figures test (same figures in the same order), for pairs sharing enough figures."""


def copy_groups(claims: Iterable[Claim], kept: KeptCopies | None = None) -> dict[str, str]:
    """Each document's copy group, named by its smallest document id. ``kept``: what
    earlier runs computed of the same documents (``KeptCopies``); the groups are the same.

    >>> from factcheck.extraction import extract_text
    >>> text = "Officials said 57 guards were released on Friday after 13 hours."
    >>> a = extract_text(text, "a")
    >>> b = extract_text("BREAKING: " + text, "b")
    >>> c = extract_text("Police said 61 guards were released on Friday.", "c")
    >>> sorted(copy_groups(a + b + c).items())
    [('a', 'a'), ('b', 'a'), ('c', 'c')]
    """
    sentences, sequences = _documents(claims, kept)
    groups = _Groups(sentences)
    # each pair's decision depends on the pair alone, so the groups are the connected parts of
    # the pairs judged copies, each named by its smallest id, whatever the order of judging
    for a, b in sorted(_copy_pairs(_candidates(sequences), sentences, sequences, kept)):
        groups.join(a, b)
    return groups.named()


def _plain_groups(claims: Iterable[Claim]) -> dict[str, str]:
    """:func:`copy_groups` with every candidate pair judged on its own by ``_same_story``
    (pairs already in one group skipped): the plain reference the tests and
    ``benchmarks/copies_speed.py`` hold the fast path to."""
    sentences, sequences = _documents(claims)
    groups = _Groups(sentences)
    for (a, b), shared in sorted(_candidates(sequences).items()):
        if not groups.together(a, b) and _same_story(sentences[a], sentences[b], sequences[a], sequences[b], shared):
            groups.join(a, b)
    return groups.named()


class _Groups:
    """Documents joined into groups (a union-find), each named by its smallest id."""

    def __init__(self, docs: Iterable[str]) -> None:
        self._parent = {d: d for d in sorted(docs)}

    def _root(self, d: str) -> str:
        parent = self._parent
        while parent[d] != d:
            parent[d] = parent[parent[d]]
            d = parent[d]
        return d

    def together(self, a: str, b: str) -> bool:
        return self._root(a) == self._root(b)

    def join(self, a: str, b: str) -> None:
        ra, rb = self._root(a), self._root(b)
        if ra != rb:
            self._parent[max(ra, rb)] = min(ra, rb)

    def named(self) -> dict[str, str]:
        return {d: self._root(d) for d in self._parent}


def _documents(
    claims: Iterable[Claim], kept: KeptCopies | None = None
) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Each document's figure-bearing sentences (case-folded, spaces collapsed, one per sentence
    start) and its figures, in text order (a document ``kept`` holds taken from it)."""
    rows: dict[str, list[tuple[int, int, str, float | None]]] = defaultdict(list)
    known: dict[str, tuple[list[str], list[str]]] = {}
    for c in claims:
        d = c.document
        if kept is not None and d not in known and d not in rows:
            digest = kept.digests.get(d)
            found = None if digest is None else kept.documents.get(digest)
            if found is not None:
                known[d] = found
        if d not in known:
            q = c.quantity
            rows[d].append((q.start, c.sentence_start, c.sentence, q.value))
    sentences: dict[str, list[str]] = {}
    sequences: dict[str, list[str]] = {}
    # claims of one sentence share its text, and documents share figures: each is
    # normalised or written once
    normal: dict[str, str] = {}
    written: dict[float, str] = {}
    for d in sorted([*rows, *known]):
        if d in known:
            sentences[d], sequences[d] = known[d]
            continue
        ordered = sorted(rows[d], key=itemgetter(0))
        by_start = {start: sentence for _, start, sentence, _ in ordered if len(sentence) >= MIN_SENTENCE}
        texts = []
        for sentence in by_start.values():
            text = normal.get(sentence)
            if text is None:
                text = normal[sentence] = " ".join(sentence.casefold().split())
            texts.append(text)
        sentences[d] = texts
        figures = []
        for *_, value in ordered:
            if value is not None:
                # (a zero is written apart: 0.0 and -0.0 are one key but "0" and "-0")
                figure = written.get(value) if value else None
                if figure is None:
                    figure = written[value] = f"{value:g}"
                figures.append(figure)
        sequences[d] = figures
        if kept is not None and (digest := kept.digests.get(d)) is not None:
            kept.documents[digest] = (texts, figures)
    return sentences, sequences


def _candidates(sequences: dict[str, list[str]]) -> dict[tuple[str, str], int]:
    """Pairs of documents (in id order) sharing a figure few documents give, with how many
    such figures they share."""
    index: dict[str, set[str]] = defaultdict(set)
    for d, figures in sequences.items():
        for fig in set(figures):
            index[fig].add(d)
    candidates: Counter[tuple[str, str]] = Counter()
    for holders in index.values():
        if 2 <= len(holders) <= MAX_POSTINGS:
            candidates.update(combinations(sorted(holders), 2))
    return candidates


def _copy_pairs(
    candidates: dict[tuple[str, str], int],
    sentences: dict[str, list[str]],
    sequences: dict[str, list[str]],
    kept: KeptCopies | None = None,
) -> list[tuple[str, str]]:
    """The candidate pairs that are copies: ``_same_story`` for every pair, with the sentences of
    all pairs matched at once (shared_sentences.py) instead of pair by pair, and the sentence
    test of a pair ``kept`` holds taken from it."""
    size = {d: len(s) for d, s in sentences.items()}
    oriented = [(a, b) if size[a] <= size[b] else (b, a) for a, b in candidates if size[a] and size[b]]
    found = []
    keys: dict[tuple[str, str], tuple[str, str]] = {}
    if kept is not None:
        digests, pairs, todo = kept.digests, kept.pairs, []
        for small, large in oriented:
            ds, dl = digests.get(small), digests.get(large)
            if ds is None or dl is None:
                todo.append((small, large))
                continue
            same = pairs.get((ds, dl))
            if same is None:
                keys[(small, large)] = (ds, dl)
                todo.append((small, large))
            elif same:
                found.append((small, large) if small < large else (large, small))
        oriented = todo
    # only the documents of the pairs to judge: a pair's count reads its two documents alone
    involved = {d for pair in oriented for d in pair}
    compared = {d: texts for d, texts in sentences.items() if d in involved}
    for (small, large), count in matched_counts(compared, oriented, SENTENCE_SIMILARITY).items():
        n = size[small]
        if count >= max(min(2, n), round(SHARED_SENTENCES * n)):
            found.append((small, large) if small < large else (large, small))
    if kept is not None:
        copied = set(found)
        for pair, key in keys.items():
            kept.pairs[key] = (pair if pair[0] < pair[1] else (pair[1], pair[0])) in copied
    judged = set(found)
    for (a, b), shared in candidates.items():
        if shared < MIN_FIGURES - 1 or (a, b) in judged:
            continue
        if kept is None:
            same = _same_sequence(sequences[a], sequences[b], shared)
        else:
            # past the count of shared figures (which the whole run gives), the test reads the pair
            da, db = kept.digests.get(a), kept.digests.get(b)
            known = None if da is None or db is None else kept.sequences.get((da, db))
            same = _same_sequence(sequences[a], sequences[b], shared) if known is None else known
            if da is not None and db is not None:
                kept.sequences[(da, db)] = same
        if same:
            found.append((a, b))
    return found


def _same_story(sa: Sequence[str], sb: Sequence[str], qa: list[str], qb: list[str], shared_figures: int) -> bool:
    """Whether two documents (their figure-bearing sentences and figures) are copies, judged on
    the pair alone, sentence by sentence: the definition ``_copy_pairs`` computes for many pairs
    at once, kept as the plain reference the tests hold it to."""
    small, large = (sa, sb) if len(sa) <= len(sb) else (sb, sa)
    if not small:
        return _same_sequence(qa, qb, shared_figures)
    need = max(min(2, len(small)), round(SHARED_SENTENCES * len(small)))
    found = 0
    others = list(large)
    for text in small:
        if process.extractOne(text, others, scorer=fuzz.ratio, score_cutoff=SENTENCE_SIMILARITY) is not None:
            found += 1
            if found >= need:
                return True
    return _same_sequence(qa, qb, shared_figures)


def _same_sequence(qa: list[str], qb: list[str], shared_figures: int) -> bool:
    if min(len(qa), len(qb)) >= MIN_FIGURES and shared_figures >= MIN_FIGURES - 1:
        return bool(Indel.normalized_similarity(qa, qb) >= SEQUENCE_SIMILARITY)
    return False


def carried_by(groups: dict[str, str]) -> list[list[str]]:
    """The copy groups with more than one document, each sorted, for the report."""
    members: dict[str, list[str]] = defaultdict(list)
    for doc, group in groups.items():
        members[group].append(doc)
    return sorted(sorted(m) for m in members.values() if len(m) > 1)
