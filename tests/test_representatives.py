"""One representative per class of claims that read the same (``representatives``, issue
22): the claims behind each verdict, and the order of verdicts and claims, rebuilt from
pairs of classes as judging every pair of claims in turn finds them.

Developed on: sides drawn by hypothesis as classes of claims (a partition of each side's
indices) and a verdict drawn for each pair of classes, or for each pair of members where a
pair of classes shares a copy group. The classifier's own use is held to judging every pair
in tests/test_pairkeys.py (generated claims, the dev corpora with later copies)."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.reconciliation.representatives import Found, representatives


@st.composite
def partition(draw: st.DrawFn) -> list[list[int]]:
    """A side's indices 0..n-1 in classes, each class in index order, classes in the order
    of their first members (what ``representatives`` gives)."""
    n = draw(st.integers(1, 9))
    labels = [draw(st.integers(0, 3)) for _ in range(n)]
    classes: dict[int, list[int]] = {}
    for i, label in enumerate(labels):
        classes.setdefault(label, []).append(i)
    return list(classes.values())


@pytest.mark.slow  # seconds: run by make test and CI (issue 22 keeps a bare pytest under 120 s)
@given(
    lows=partition(),
    highs=partition(),
    table=st.lists(st.sampled_from([None, "x", "y"]), min_size=100, max_size=100),
    by_member=st.lists(st.booleans(), min_size=100, max_size=100),
)
@settings(max_examples=500, deadline=None)
def test_found_gives_the_order_of_judging_every_pair(
    lows: list[list[int]], highs: list[list[int]], table: list[str | None], by_member: list[bool]
) -> None:
    n_low = 1 + max(i for c in lows for i in c)
    n_high = 1 + max(i for c in highs for i in c)
    low_class = {i: k for k, c in enumerate(lows) for i in c}
    high_class = {i: k for k, c in enumerate(highs) for i in c}

    def member_level(ca: int, cb: int) -> bool:
        return by_member[(ca * 7 + cb) % 100]

    def verdict(ia: int, ib: int) -> str | None:
        ca, cb = low_class[ia], high_class[ib]
        at = (ia * 11 + ib) if member_level(ca, cb) else (ca * 13 + cb)
        return table[at % 100]

    # judging every pair in turn, as the classifier did: verdicts and claims in the order met
    plain: dict[str, tuple[dict[int, None], dict[int, None]]] = {}
    for ia in range(n_low):
        for ib in range(n_high):
            if (v := verdict(ia, ib)) is not None:
                found = plain.setdefault(v, ({}, {}))
                found[0][ia] = None
                found[1][ib] = None
    # by classes, as ``classify_pair`` does
    rows = [(0, "d", "g", 0, None, 0, None)] * n_low
    low_classes = representatives(rows)._replace(members=lows, firsts=[c[0] for c in lows])
    high_classes = representatives(rows[:1] * n_high)._replace(members=highs, firsts=[c[0] for c in highs])
    judged: dict[str, Found] = {}
    for ca, members in enumerate(lows):
        for cb, others in enumerate(highs):
            if member_level(ca, cb):
                for ia in members:
                    for ib in others:
                        if (v := verdict(ia, ib)) is not None:
                            judged.setdefault(v, Found()).members(ia, ib)
                continue
            if (v := verdict(members[0], others[0])) is not None:
                got = judged.setdefault(v, Found())
                if got.first_class is None:
                    got.first_class = (members[0], others[0])
                got.low_classes[ca] = None
                got.high_classes.setdefault(cb, members[0])
    rebuilt = {
        v: (f.lows(low_classes), f.highs(high_classes)) for v, f in sorted(judged.items(), key=lambda kv: kv[1].first)
    }
    assert list(rebuilt) == list(plain)
    assert rebuilt == {v: (list(a), list(b)) for v, (a, b) in plain.items()}


def test_claims_that_read_the_same_but_for_their_documents_are_one_class() -> None:
    # signature, document, copy group, sentence start, day, moment, interval
    rows = [
        (0, "d1", "g", 5, 10, 0, None),
        (0, "d2", "h", 9, 10, 0, None),  # another document, group and sentence: one class
        (0, "d3", "g", 5, 11, 1, None),  # a day later: a class of its own
        (1, "d1", "g", 5, 10, 0, None),  # another signature: a class of its own
    ]
    c = representatives(rows)
    assert c.members == [[0, 1], [2], [3]]
    assert c.firsts == [0, 2, 3]
    assert c.groups == [{"g", "h"}, {"g"}, {"g"}]
    assert c.by_group == {"g": {0, 1, 2}, "h": {0}}


_WORDS = ["", "at least ", "more than ", "about ", "nearly ", "up to "]


@given(
    figures=st.lists(st.tuples(st.sampled_from(_WORDS), st.integers(5, 60)), min_size=2, max_size=12),
    order=st.randoms(use_true_random=False),
)
@settings(max_examples=60, deadline=None)
def test_a_whole_side_narrows_to_itself(figures: list[tuple[str, int]], order: random.Random) -> None:
    """``narrowed`` given every claim of a side, in any order, and the side: the side itself,
    what clustering the claims again gives (developed on figures written here)."""
    from factcheck.config import Settings
    from factcheck.extraction import extract_text
    from factcheck.reconciliation.keys import facet
    from factcheck.reconciliation.pairs import narrowed, sides_of

    conf = Settings()
    facets = []
    for k, (words, n) in enumerate(figures):
        for c in extract_text(f"Police said {words}{n} people were killed in Quito on Monday.", f"d{k}"):
            if (f := facet(c, f"d{k}")) is not None:
                facets.append(f)
    for iv, members in sides_of(facets, conf):
        shuffled = list(members)
        order.shuffle(shuffled)
        fast = narrowed(shuffled, iv, conf, (iv, members))
        plain = narrowed(shuffled, iv, conf)
        assert fast[0] == plain[0] and [id(f) for f in fast[1]] == [id(f) for f in plain[1]]
