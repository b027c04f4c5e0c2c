"""Interval logic on the cases editors meet."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from factcheck import extract_text
from factcheck.intervals import Interval, from_qualifier
from factcheck.reconciliation.positions import claim_interval


def test_at_least_five_agrees_with_six() -> None:
    assert from_qualifier(5, "at_least").overlaps(Interval.point(6))


def test_more_than_five_is_five_at_least() -> None:
    """Reporters write "more than 670" of the 670 their source gave: another report's flat
    670 is the same figure (data/qualifier_classes.yaml); 669 is not."""
    assert from_qualifier(5, "more_than").overlaps(Interval.point(5))
    assert not from_qualifier(670, "more_than").overlaps(Interval.point(669))
    assert not from_qualifier(48, "less_than").overlaps(Interval.point(49))


def test_less_than_two_days_is_less_than_48_hours() -> None:
    a, b = extract_text("in less than 2 days") + extract_text("in less than 48 hours")
    assert claim_interval(a, 0.1) == claim_interval(b, 0.1)
    assert claim_interval(a, 0.1).overlaps(claim_interval(b, 0.1))


def test_approximately_is_a_tolerance_band() -> None:
    band = from_qualifier(120, "approximately", 0.1)
    assert band.overlaps(Interval.point(110)) and not band.overlaps(Interval.point(57))
    assert from_qualifier(120, "approximately", 0.6).overlaps(Interval.point(57))


def test_vague_dozens_agrees_with_about_120() -> None:
    (c,) = extract_text("dozens of guards")
    assert claim_interval(c, 0.1).overlaps(from_qualifier(120, "approximately"))


def test_sums() -> None:
    assert (Interval.point(50) + Interval.point(7)) == Interval.point(57)
    assert (Interval.point(50) + Interval(5, None)).overlaps(Interval.point(57))


def test_exceeds() -> None:
    assert Interval(108, 132).exceeds(Interval.point(57))
    assert not Interval.point(44).exceeds(Interval.point(57))


_BOUNDS = st.one_of(st.none(), st.sampled_from([-1.0, -0.0, 0.0, 1.0, 2.0]), st.floats(-5, 5))


@given(_BOUNDS, _BOUNDS, st.booleans(), st.booleans(), _BOUNDS, _BOUNDS, st.booleans(), st.booleans())
def test_overlaps_is_some_shared_value(
    a: float | None, b: float | None, ao: bool, bo: bool, c: float | None, d: float | None, co: bool, do: bool
) -> None:
    """Regression (issue 22, speed: ``overlaps`` written out without tuples): two
    intervals overlap exactly when the higher lower bound is below the lower upper bound,
    or equal to it with both ends closed, as the definition by ``max``/``min`` of (bound,
    openness) said."""
    x, y = Interval(a, b, ao, bo), Interval(c, d, co, do)
    lo, lo_open = max((x.lo, x.low_open), (y.lo, y.low_open))
    hi, hi_closed = min((x.hi, not x.high_open), (y.hi, not y.high_open))
    assert x.overlaps(y) == (lo < hi or (lo == hi and not lo_open and hi_closed))
    assert x.overlaps(y) == y.overlaps(x)
