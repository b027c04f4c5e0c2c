"""Copies of one story found cheaply, with the decisions of the plain comparison.

copies.py judges every candidate pair's sentences at once (shared_sentences.py) instead of
one rapidfuzz call per sentence; these tests hold the fast path to the plain, pair-by-pair
comparison (``_same_story``) that defines a copy: on random documents built to hold exact,
near-identical and barely different sentences (developed on), on ratios exactly at the
threshold, and on the claims of the dev corpora (evaluation material read at run time)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz, process

from factcheck import load_documents
from factcheck.extraction import extract_document
from factcheck.reconciliation.copies import (
    SENTENCE_SIMILARITY,
    _candidates,
    _copy_pairs,
    _plain_groups,
    _same_story,
    copy_groups,
)
from factcheck.reconciliation.shared_sentences import _characters, matched_counts

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"

Corpus = tuple[dict[str, list[str]], list[tuple[str, str]]]
"""Documents' sentences by id, and pairs of ids (the smaller document first)."""

WORDS = ["police", "said", "the", "fire", "killed", "inmates", "on", "tuesday", "at", "least", "prison", "in"]


def _edited(text: str, rng: random.Random, edits: int) -> str:
    chars = list(text)
    for _ in range(edits):
        k = rng.randrange(len(chars) + 1)
        op = rng.choice("idr")
        if op == "i" or not chars:
            chars.insert(k, rng.choice("abcdeiot 0123"))
        elif op == "d":
            del chars[min(k, len(chars) - 1)]
        else:
            chars[min(k, len(chars) - 1)] = rng.choice("abcdeiot 0123")
    return "".join(chars)


@st.composite
def corpora(draw: st.DrawFn) -> Corpus:
    """A few documents whose sentences are drawn from a small pool: the same sentence, the
    sentence with a few characters edited (near the threshold, on either side), or a new one;
    and random pairs of them (each with its smaller document first, as copies.py asks)."""
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    pool: list[str] = []
    docs: dict[str, list[str]] = {}
    for d in range(draw(st.integers(2, 7))):
        texts = []
        for _ in range(draw(st.integers(0, 6))):
            if pool and rng.random() < 0.7:
                base = rng.choice(pool)
                text = base if rng.random() < 0.4 else _edited(base, rng, rng.randrange(1, 8))
            else:
                text = " ".join(rng.choice(WORDS) for _ in range(rng.randrange(2, 12)))
            if text:
                pool.append(text)
                texts.append(text)
        docs[f"d{d}"] = texts
    names = sorted(docs)
    pairs = []
    for a in names:
        for b in names:
            if a != b and docs[a] and docs[b] and rng.random() < 0.6:
                pairs.append((a, b))
    return docs, pairs


def _plain_counts(docs: dict[str, list[str]], pairs: list[tuple[str, str]]) -> dict[tuple[str, str], int]:
    counts = {}
    for small, large in pairs:
        n = sum(
            1
            for text in docs[small]
            if process.extractOne(text, docs[large], scorer=fuzz.ratio, score_cutoff=SENTENCE_SIMILARITY) is not None
        )
        if n:
            counts[(small, large)] = n
    return counts


# developed on: random documents
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpora())
def test_counts_of_shared_sentences_are_the_plain_comparisons(case: Corpus) -> None:
    docs, pairs = case
    assert matched_counts(docs, pairs, SENTENCE_SIMILARITY) == _plain_counts(docs, pairs)


# developed on: random documents, figures included
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpora(), st.randoms(use_true_random=False))
def test_copy_pairs_are_the_pairs_the_plain_comparison_calls_copies(case: Corpus, rng: random.Random) -> None:
    docs, _ = case
    sequences = {d: [str(rng.randrange(6)) for _ in range(rng.randrange(7))] for d in docs}
    candidates = _candidates(sequences)
    fast = sorted(_copy_pairs(candidates, docs, sequences))
    plain = sorted(
        (a, b)
        for (a, b), shared in candidates.items()
        if _same_story(docs[a], docs[b], sequences[a], sequences[b], shared)
    )
    assert fast == plain


# developed on: ratios exactly at the threshold (10 characters each, 2 edits: ratio 90.0)
@pytest.mark.parametrize(
    ("a", "b", "found"),
    [
        ("abcdefghij", "abcdefghik", True),  # one character replaced: distance 2 of 20, ratio 90
        ("abcdefghij", "abcdefghxy", False),  # two replaced: distance 4 of 20, ratio 80
        ("abcdefghij", "abcdefghi", True),  # one deleted: distance 1 of 19, ratio 94.7
        ("abcdefghijklmnopqrs", "abcdefghijklmnopqrstuvw", True),  # 4 of 42: ratio 90.5
        ("abcdefghijklmnopqrs", "abcdefghijklmnopqrstuvwx", False),  # 5 of 43: ratio 88.4
    ],
)
def test_ratios_at_the_threshold_are_found_as_the_plain_comparison_finds_them(a: str, b: str, found: bool) -> None:
    docs = {"a": [a], "b": [b]}
    assert (process.extractOne(a, [b], scorer=fuzz.ratio, score_cutoff=SENTENCE_SIMILARITY) is not None) is found
    assert matched_counts(docs, [("a", "b")], SENTENCE_SIMILARITY) == ({("a", "b"): 1} if found else {})


# developed on: random texts
@given(st.lists(st.text(alphabet="aab c\u00e9\u00e9\u4e00", max_size=40), min_size=2, max_size=6))
def test_character_bits_count_the_characters_two_texts_share(texts: list[str]) -> None:
    masks = _characters(texts)
    for i, a in enumerate(texts):
        for j, b in enumerate(texts):
            shared = sum(min(a.count(c), b.count(c)) for c in set(a))
            assert (masks[i] & masks[j]).bit_count() == shared


# evaluated on: the dev corpora's articles, and one in three of them carried again under
# another id with a line added before it (a wire copy), read from ../shared at run time
@pytest.mark.parametrize("corpus", ["dev", "dev2"])
def test_copy_groups_of_the_dev_corpora_are_the_plain_ones(corpus: str) -> None:
    folder = SHARED / corpus / "articles"
    if not folder.is_dir():
        pytest.skip(f"{folder} is not beside this checkout")
    docs, _ = load_documents([folder])
    copied = [
        d.model_copy(update={"id": f"{d.id}-copy", "body": "UPDATE: corrected.\n\n" + d.body})
        for d in sorted(docs, key=lambda d: d.id)[::3]
    ]
    claims = sorted((c for d in [*docs, *copied] for c in extract_document(d)), key=lambda c: c.id)
    groups = copy_groups(claims)
    assert groups == _plain_groups(claims)
    assert len(set(groups.values())) <= len(groups) - len(copied)  # the copies are found: not vacuous


# developed on: a similarity out of range is a clear error, not a math error
@pytest.mark.parametrize("similarity", [0, -5, 101])
def test_a_similarity_out_of_range_is_refused(similarity: float) -> None:
    with pytest.raises(ValueError, match="similarity must be"):
        matched_counts({"a": ["x"], "b": ["y"]}, [("a", "b")], similarity)
