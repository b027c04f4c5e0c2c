"""Copies of one story: wire reports carried by several outlets, syndicated, lightly
rewritten or machine-translated. A copy is one source, not several: copies never
disagree with each other in a finding, their figures never add up as parts, and the
report says which outlets carried the same copy.

Two documents are copies when most of the sentences that carry figures in the smaller one
have a near-identical sentence in the other (rapidfuzz's ``ratio``), or when
they give the same figures in the same order (a translation keeps the numbers and their
order, whatever the words). Candidates are found through an index of the figures each
sentence gives, so cost grows with the number of documents, not its square."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel

from ..models import Claim

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


def _figures(claims: Sequence[Claim]) -> list[str]:
    return [f"{c.quantity.value:g}" for c in claims if c.quantity.value is not None]


def copy_groups(claims: Iterable[Claim]) -> dict[str, str]:
    """Each document's copy group, named by its smallest document id.

    >>> from factcheck.extraction import extract_text
    >>> text = "Officials said 57 guards were released on Friday after 13 hours."
    >>> a = extract_text(text, "a")
    >>> b = extract_text("BREAKING: " + text, "b")
    >>> c = extract_text("Police said 61 guards were released on Friday.", "c")
    >>> sorted(copy_groups(a + b + c).items())
    [('a', 'a'), ('b', 'a'), ('c', 'c')]
    """
    by_doc: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        by_doc[c.document].append(c)
    docs = sorted(by_doc)
    sentences: dict[str, dict[int, str]] = {}
    sequences: dict[str, list[str]] = {}
    index: dict[str, set[str]] = defaultdict(set)
    for d in docs:
        ordered = sorted(by_doc[d], key=lambda c: c.quantity.start)
        sentences[d] = {
            c.sentence_start: " ".join(c.sentence.casefold().split())
            for c in ordered
            if len(c.sentence) >= MIN_SENTENCE
        }
        sequences[d] = _figures(ordered)
        for fig in set(sequences[d]):
            index[fig].add(d)
    candidates: dict[tuple[str, str], int] = defaultdict(int)
    for _fig, holders in sorted(index.items()):
        if len(holders) > MAX_POSTINGS or len(holders) < 2:
            continue
        members = sorted(holders)
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                candidates[(a, b)] += 1
    parent = {d: d for d in docs}

    def root(d: str) -> str:
        while parent[d] != d:
            parent[d] = parent[parent[d]]
            d = parent[d]
        return d

    for (a, b), shared in sorted(candidates.items()):
        if root(a) == root(b):
            continue
        if _same_story(sentences[a], sentences[b], sequences[a], sequences[b], shared):
            ra, rb = root(a), root(b)
            parent[max(ra, rb)] = min(ra, rb)
    return {d: root(d) for d in docs}


def _same_story(sa: dict[int, str], sb: dict[int, str], qa: list[str], qb: list[str], shared_figures: int) -> bool:
    small, large = (sa, sb) if len(sa) <= len(sb) else (sb, sa)
    if not small:
        return _same_sequence(qa, qb, shared_figures)
    need = max(min(2, len(small)), round(SHARED_SENTENCES * len(small)))
    found = 0
    others = list(large.values())
    for text in small.values():
        # one call scans the other article's sentences in C (a Python loop over them was
        # a tenth of an archive check)
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
