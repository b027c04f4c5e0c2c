"""Reconciliation steps made cheaper (issue 22, twelfth pass) held to what they did before:
each faster path against the plain one it replaced, written out here as the reference.

Developed on: the dev corpora from ../shared (the seeds where absent), and drawn documents
for the training neighbours. The synthetic million of ``benchmarks/scaling.py`` checks the
same by its findings' hash (docs/accuracy.md, "Reconciliation at scale, twelfth pass")."""

from __future__ import annotations

from collections import defaultdict
from types import SimpleNamespace
from typing import Any

import pytest
from conftest import corpus_claims
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import Settings
from factcheck.models import Claim
from factcheck.reconciliation import facets_of, quantities
from factcheck.reconciliation.checks import chains, part_whole
from factcheck.reconciliation.keys import Facet
from factcheck.reconciliation.pairing import NEIGHBOURS, _blocks, _neighbours, _shuffled, block, joins
from factcheck.reconciliation.pairs import Sides, value_findings
from factcheck.reconciliation.scope import scope_conflicts, scope_totals
from factcheck.reconciliation.scoring import prior
from factcheck.reconciliation.versions import _versions, versions


@pytest.fixture(scope="module", params=["dev", "dev2", "seeds"])
def corpus(request: pytest.FixtureRequest) -> tuple[list[Claim], dict[str, Facet], dict[str, list[Facet]]]:
    ordered = corpus_claims(request.param)
    s = Settings()
    _, facets = facets_of(ordered, s)
    by_key = quantities(facets, None, joins, prior(), s.same_event_days)
    return ordered, facets, by_key


def _dumps(findings: Any) -> list[str]:
    return [f.model_dump_json() for f in findings]


def test_keys_come_sorted(corpus: tuple[list[Claim], dict[str, Facet], dict[str, list[Facet]]]) -> None:
    _, _, by_key = corpus
    assert list(by_key) == sorted(by_key)


def test_shared_sides_give_the_same_findings(
    corpus: tuple[list[Claim], dict[str, Facet], dict[str, list[Facet]]],
) -> None:
    _, _, by_key = corpus
    s = Settings()
    shared = Sides(by_key, s)
    alone = [*value_findings(by_key, s), *part_whole(by_key, s), *chains(by_key, s)]
    together = [
        *value_findings(by_key, s, None, shared),
        *part_whole(by_key, s, None, shared),
        *chains(by_key, s, None, shared),
    ]
    assert alone, "the corpus gives findings to compare"
    assert _dumps(together) == _dumps(alone)


def test_scope_conflicts_as_with_every_total(
    corpus: tuple[list[Claim], dict[str, Facet], dict[str, list[Facet]]],
) -> None:
    ordered, facets, _ = corpus
    s = Settings()
    # given every total (as an archive gives them), nothing is left unmade
    every = scope_conflicts(ordered, facets, s, None, scope_totals)
    assert _dumps(scope_conflicts(ordered, facets, s)) == _dumps(every)


def _versions_plain(groups: dict[str, list[Facet]], s: Settings) -> list[Any]:
    """``versions`` as written before: every document split by sentence and key."""
    by_sentence: dict[str, dict[int, dict[str, list[Facet]]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(list))
    )
    for key in sorted(groups):
        for f in groups[key]:
            by_sentence[f.claim.document][f.claim.sentence_start][key].append(f)
    out = []
    for doc in sorted(by_sentence):
        sentences = by_sentence[doc]
        starts = sorted(sentences)
        for i, a in enumerate(starts):
            for b in starts[i + 1 :]:
                if (found := _versions(sentences[a], sentences[b], s)) is not None:
                    out.append(found)
    return out


def test_versions_as_split_plainly(corpus: tuple[list[Claim], dict[str, Facet], dict[str, list[Facet]]]) -> None:
    _, _, by_key = corpus
    s = Settings()
    assert _dumps(versions(by_key, s)) == _dumps(_versions_plain(by_key, s))


def test_blocks_as_one_shuffle(corpus: tuple[list[Claim], dict[str, Facet], dict[str, list[Facet]]]) -> None:
    _, facets, _ = corpus
    every = list(facets.values())
    plain: dict[tuple[str, str, str], list[Facet]] = defaultdict(list)
    for f in sorted(every, key=lambda f: (_shuffled(f.claim.id), f.claim.id)):
        if f.source == f.claim.document:
            plain[block(f)].append(f)
    assert [[f.claim.id for f in b] for b in _blocks(every)] == [[f.claim.id for f in plain[k]] for k in sorted(plain)]


def _neighbours_plain(blocks: list[list[Any]]) -> list[list[int]]:
    out = []
    for members in blocks:
        docs = [f.claim.document for f in members]
        masks = []
        for i, doc in enumerate(docs):
            mask = 0
            for d, other in enumerate(docs[i + 1 : i + 1 + NEIGHBOURS]):
                if other != doc:
                    mask |= 1 << d
            masks.append(mask)
        out.append(masks)
    return out


@given(st.lists(st.lists(st.sampled_from("abcd"), max_size=3 * NEIGHBOURS), max_size=4))
@settings(max_examples=200, deadline=None)
def test_neighbours_as_one_test_per_pair(docs: list[list[str]]) -> None:
    # documents drawn from few names, so that a facet's own document is often among its
    # neighbours (in real blocks it seldom is)
    blocks = [[SimpleNamespace(document=d, claim=SimpleNamespace(document=d)) for d in b] for b in docs]
    assert _neighbours(blocks) == _neighbours_plain(blocks)  # type: ignore[arg-type]
