"""What an archive check's pair judgements rest on in the reconciler (synthetic moments):
the least number of days between two sides' moments, walked over sorted days, equals the
least over every pair (``timeline.least_days_apart``, used by ``pairs.pair_finding``)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from factcheck.reconciliation.timeline import Moment, days_apart, least_days_apart

_MOMENTS = st.builds(
    Moment,
    st.one_of(st.none(), st.dates(dt.date(2015, 1, 1), dt.date(2017, 12, 31))),
    st.sampled_from([None, "day", "month", "year"]),
    st.sampled_from(["published", "stated", "relative", "unknown"]),
)


# developed on: synthetic moments --------------------------------------------------------


@given(st.lists(_MOMENTS, max_size=12), st.lists(_MOMENTS, max_size=12), st.booleans())
def test_least_days_apart_is_the_least_over_every_pair(xs: list[Moment], ys: list[Moment], days: bool) -> None:
    if days:  # the walk over sorted days: every dated moment a day
        xs = [Moment(m.date, "day", m.basis) for m in xs]
        ys = [Moment(m.date, "day", m.basis) for m in ys]
    every = [d for x in xs for y in ys if (d := days_apart(x, y)) is not None]
    assert least_days_apart(xs, ys) == (min(every) if every else None)
