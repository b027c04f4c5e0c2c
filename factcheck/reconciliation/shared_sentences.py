"""How many sentences of one document have a near-identical sentence in another, for many
pairs of documents at once: the count ``copies.py`` decides copies by, made cheap.

Asked pair by pair (one rapidfuzz call per sentence of the smaller document) it was most of an
archive check: about 16,000 pairs per check, 97% of them sharing no sentence. Here each distinct
sentence text gets a number once, and each distinct text is compared once, in one rapidfuzz
call, with the distinct texts of all the documents it is to be looked for in; a document's
sentences are then a set of numbers, widened by the numbers of the texts near-identical to them,
and a pair's count is a set intersection. The count is the one the pair-by-pair comparison
gives: a sentence is found in the other document when that document holds the same text
(similarity 100) or a text at or above the similarity, read with the same rapidfuzz scorer and
cutoff; a property test holds the two to the same answers."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from rapidfuzz import fuzz, process


def matched_counts(
    sentences: Mapping[str, Sequence[str]], pairs: Iterable[tuple[str, str]], similarity: float
) -> dict[tuple[str, str], int]:
    """For each pair ``(small, large)`` of document ids, how many of ``small``'s sentences
    (counted with repeats) have a sentence in ``large`` whose rapidfuzz ``ratio`` is at or
    above ``similarity``; pairs where none has are left out.

    >>> docs = {"a": ["57 guards were released on friday.", "the army said 13 were hurt."],
    ...         "b": ["57 guards were released on friday!", "nothing else happened there."],
    ...         "c": ["officials gave no figure for the injured."]}
    >>> matched_counts(docs, [("a", "b"), ("c", "a")], 90)
    {('a', 'b'): 1}
    """
    if not 0 < similarity <= 100:
        raise ValueError(f"similarity must be above 0 and at most 100, not {similarity}")
    pairs = list(pairs)
    number: dict[str, int] = {}
    texts: list[str] = []
    own: dict[str, tuple[int, ...]] = {}
    for doc, doc_sentences in sentences.items():
        ids = []
        for text in doc_sentences:
            i = number.get(text)
            if i is None:
                i = number[text] = len(texts)
                texts.append(text)
            ids.append(i)
        own[doc] = tuple(ids)
    distinct = {doc: frozenset(ids) for doc, ids in own.items()}
    near = _near_texts(texts, distinct, pairs, similarity)
    # a document's texts widened by the texts near-identical to one of them: a sentence of
    # the smaller document is found in the larger one exactly when its number is in this set
    widened: dict[str, frozenset[int]] = {}
    for doc, members in distinct.items():
        extra = [near[i] for i in members if i in near]
        widened[doc] = members.union(*extra) if extra else members
    repeats = {doc for doc, numbers in own.items() if len(numbers) != len(distinct[doc])}
    counts: dict[tuple[str, str], int] = {}
    for small, large in pairs:
        found = widened[large]
        if distinct[small].isdisjoint(found):
            continue
        if small in repeats:
            counts[(small, large)] = sum(1 for i in own[small] if i in found)
        else:
            counts[(small, large)] = len(distinct[small] & found)
    return counts


def _near_texts(
    texts: Sequence[str],
    distinct: Mapping[str, frozenset[int]],
    pairs: Sequence[tuple[str, str]],
    similarity: float,
) -> dict[int, set[int]]:
    """For each text, the other texts at or above ``similarity`` among those of the documents
    it is looked for in (both ways: the relation is symmetric, so a pair found from either side
    serves both). Texts with none are left out.

    Two exact bounds keep rapidfuzz to the few pairs that can pass. ``ratio`` is
    ``200 * LCS / (len(a) + len(b))`` (LCS: the longest common subsequence), and the LCS is at
    most the shorter length and at most the characters the two texts have in common counted
    with repeats; so two texts whose lengths differ by more than the similarity allows, or
    whose common characters fall short of it, are not compared. The first is applied by
    grouping texts by length (a text is looked for only among texts of its own and the
    neighbouring length groups), the second by one AND of two integers per pair."""
    if similarity >= 100:
        return {}  # a ratio of 100 is the same text, which the sets of numbers already find
    lengths = [max(len(t), 1) for t in texts]
    # groups of lengths growing by the widest ratio of lengths two texts at or above the
    # similarity can have (a little wider, so rounding never puts such two texts two
    # groups apart): near texts are in the same or neighbouring groups
    step = math.log((200 - similarity) / similarity) * 1.01
    group = [int(math.log(n) / step) for n in lengths]
    partners: dict[str, set[frozenset[int]]] = defaultdict(set)
    for small, large in pairs:
        partners[small].add(distinct[large])
    wanted: dict[int, set[frozenset[int]]] = defaultdict(set)
    for small, sets in partners.items():
        for i in distinct[small]:
            wanted[i].update(sets)
    # each text set's members by neighbourhood of length groups
    windows: dict[frozenset[int], dict[int, frozenset[int]]] = {}
    for sets in partners.values():
        for ids in sets:
            if ids not in windows:
                windows[ids] = _windows(ids, group)
    masks = _characters(texts)
    near: dict[int, set[int]] = {}
    none: frozenset[int] = frozenset()
    for i, sets in wanted.items():
        g = group[i]
        choices = none.union(*(windows[ids].get(g, none) for ids in sets))
        mask, n = masks[i], lengths[i]
        # 200 * LCS >= similarity * (n + m) is needed, and LCS <= common characters
        passing = [j for j in choices if 200 * (mask & masks[j]).bit_count() >= similarity * (n + lengths[j]) - 1]
        passing = [j for j in passing if j != i]
        if not passing:
            continue
        for _text, _score, k in process.extract(
            texts[i], [texts[j] for j in passing], scorer=fuzz.ratio, score_cutoff=similarity, limit=None
        ):
            j = passing[k]
            near.setdefault(i, set()).add(j)
            near.setdefault(j, set()).add(i)
    return near


def _windows(ids: frozenset[int], group: Sequence[int]) -> dict[int, frozenset[int]]:
    """The members of ``ids`` a text of each length group is compared with: those of its own
    group and the two neighbouring ones."""
    by_group: dict[int, set[int]] = defaultdict(set)
    for i in ids:
        for g in (group[i] - 1, group[i], group[i] + 1):
            by_group[g].add(i)
    return {g: frozenset(members) for g, members in by_group.items()}


def _characters(texts: Sequence[str]) -> list[int]:
    """Each text's characters counted with repeats, as the bits of one integer: each character
    owns a run of bits as wide as its largest count, and a text sets the first ``count`` of
    them, so the bits two texts share (an AND) count the characters they have in common."""
    # str.count per distinct character is several times faster than a Counter of the text
    counts = [{char: t.count(char) for char in set(t)} for t in texts]
    width: dict[str, int] = {}
    for c in counts:
        for char, n in c.items():
            if n > width.get(char, 0):
                width[char] = n
    base: dict[str, int] = {}
    start = 0
    for char, n in width.items():
        base[char] = start
        start += n
    return [sum(((1 << n) - 1) << base[char] for char, n in c.items()) for c in counts]
