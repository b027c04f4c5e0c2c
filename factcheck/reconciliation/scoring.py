"""The pairing model: how likely two claims measure one quantity, learnt from the corpus
being checked.

A Fellegi–Sunter model: each field of a pair of claims agrees at some level
(``agreement``); a pair that measures one quantity (a *match*) shows each level with
probability ``m``, a pair that does not with probability ``u``, fields independent given
the class. ``m``, ``u`` and the share of matches are estimated by expectation–maximisation
on the candidate pairs of the corpus itself, so the weights follow the coverage at hand
(wire copies, how often sources are named, how often events are read) rather than the
corpus the rules were written on. The EM runs over the distinct comparison patterns with
their counts, so its cost does not grow with the number of pairs.

The priors are where EM starts and what it falls back to with too few pairs to learn
from; they are deliberately mild (an editor's rough reading of how often each level
shows in the two classes), and a field's ``m`` is kept above its ``u`` at the ``same``
level so that EM cannot learn that agreement is evidence against a match."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from .agreement import FIELDS, LEVELS, Comparison

# level probabilities, in LEVELS order (same, close, unknown, different)
PRIOR_M: dict[str, tuple[float, ...]] = {
    "event": (0.80, 0.02, 0.15, 0.03),
    "subject": (0.65, 0.15, 0.15, 0.05),
    "place": (0.60, 0.15, 0.20, 0.05),
    "time": (0.25, 0.55, 0.10, 0.10),
    "source": (0.15, 0.05, 0.45, 0.35),
    "figure": (0.50, 0.35, 0.05, 0.10),
}
PRIOR_U: dict[str, tuple[float, ...]] = {
    "event": (0.25, 0.02, 0.23, 0.50),
    "subject": (0.25, 0.15, 0.20, 0.40),
    "place": (0.35, 0.20, 0.25, 0.20),
    "time": (0.20, 0.40, 0.10, 0.30),
    "source": (0.10, 0.05, 0.50, 0.35),
    "figure": (0.15, 0.20, 0.05, 0.60),
}
PRIOR_MATCH = 0.2
"""The share of candidate pairs that measure one quantity, before EM."""

MIN_PAIRS = 50
"""Fewer candidate pairs than this: keep the priors, there is not enough to learn from."""

ITERATIONS = 40
PRIOR_WEIGHT = 50.0
"""Pseudo-pairs of the prior mixed into each learnt distribution."""
FLOOR = 1e-3
"""No level's probability falls below this: a level never seen is rare, not impossible."""


@dataclass(frozen=True, slots=True)
class Model:
    """Level probabilities for matches (``m``) and non-matches (``u``), and the share of
    matches among the candidate pairs."""

    m: dict[str, tuple[float, ...]]
    u: dict[str, tuple[float, ...]]
    match: float
    pairs: int = 0
    """How many candidate pairs the model was learnt from (0: the priors)."""
    _weights: dict[tuple[str, ...], tuple[float, ...]] = field(default_factory=dict, compare=False, repr=False)
    """The weights of each pattern of levels computed so far: a reconciliation scores
    hundreds of thousands of pairs, which show a few hundred patterns."""

    def weights(self, c: Comparison) -> tuple[float, ...]:
        """The log2 likelihood ratio each field's level adds (positive: evidence of one
        quantity)."""
        known = self._weights.get(c.levels)
        if known is None:
            known = self._weights[c.levels] = tuple(
                math.log2(self.m[f][LEVELS.index(level)] / self.u[f][LEVELS.index(level)])
                for f, level in zip(FIELDS, c.levels, strict=True)
            )
        return known

    def score(self, c: Comparison) -> float:
        """The probability that the pair measures one quantity.

        >>> from .agreement import Comparison
        >>> same = Comparison(("same", "same", "same", "same", "different", "close"), ("",) * 6)
        >>> other = Comparison(("different", "different", "same", "same", "different", "close"), ("",) * 6)
        >>> prior().score(same) > 0.8 > 0.1 > prior().score(other)
        True
        """
        total = math.log2(self.match / (1 - self.match)) + sum(self.weights(c))
        return 1 / (1 + 2 ** (-total))


def prior() -> Model:
    """The model before learning."""
    return Model(dict(PRIOR_M), dict(PRIOR_U), PRIOR_MATCH)


def learn(comparisons: Iterable[Comparison]) -> Model:
    """The model learnt from the candidate pairs' comparisons; the priors when there are
    fewer than ``MIN_PAIRS``.

    As Splink does, ``u`` is read straight off the candidate pairs (pairs drawn at random
    inside a block are almost all of two quantities), and ``m`` with the share of matches
    is estimated by EM with ``u`` held, each field's ``m`` pulled towards its prior by
    ``PRIOR_WEIGHT`` pseudo-pairs so that a small corpus cannot swing it. Deterministic:
    fixed start, fixed number of iterations, patterns visited in sorted order."""
    counts = Counter(c.pattern for c in comparisons)
    total = sum(counts.values())
    if total < MIN_PAIRS:
        return prior()
    patterns = sorted(counts)
    u: dict[str, list[float]] = {}
    for i, f in enumerate(FIELDS):
        seen = [0.0] * len(LEVELS)
        for p in patterns:
            seen[p[i]] += counts[p]
        u[f] = _smoothed(seen, PRIOR_U[f])
    m = {f: list(PRIOR_M[f]) for f in FIELDS}
    match = PRIOR_MATCH
    for _ in range(ITERATIONS):
        # E: the posterior of a match for each pattern
        post = []
        for p in patterns:
            lm = match
            lu = 1 - match
            for i, f in enumerate(FIELDS):
                lm *= m[f][p[i]]
                lu *= u[f][p[i]]
            post.append(lm / (lm + lu))
        # M: level frequencies among the likely matches, with the prior's pseudo-pairs
        matched = sum(w * counts[p] for w, p in zip(post, patterns, strict=True))
        match = min(max(matched / total, 0.01), 0.5)
        for i, f in enumerate(FIELDS):
            mm = [PRIOR_WEIGHT * x for x in PRIOR_M[f]]
            for w, p in zip(post, patterns, strict=True):
                mm[p[i]] += w * counts[p]
            m[f] = _normalised(mm, sum(mm))
    for f in FIELDS:
        if m[f][0] < u[f][0]:
            # agreement learnt as evidence against a match: this field says nothing
            # in this corpus; keep its priors
            m[f], u[f] = list(PRIOR_M[f]), list(PRIOR_U[f])
    return Model({f: tuple(v) for f, v in m.items()}, {f: tuple(v) for f, v in u.items()}, match, total)


def _smoothed(seen: list[float], prior: tuple[float, ...]) -> list[float]:
    mixed = [s + PRIOR_WEIGHT * p for s, p in zip(seen, prior, strict=True)]
    return _normalised(mixed, sum(mixed))


def _normalised(values: list[float], total: float) -> list[float]:
    if total <= 0:
        return [1 / len(values)] * len(values)
    raw = [max(v / total, FLOOR) for v in values]
    s = sum(raw)
    return [v / s for v in raw]
