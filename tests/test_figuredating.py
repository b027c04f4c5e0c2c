"""Figure dating (:mod:`factcheck.figuredating`): an undated article is dated to the first
day dated coverage of the same incident gave its running toll, when two dated articles or
more agree on it. The articles are written for these tests, imitating the patterns named in
each label; none is copied. Rows are labelled by provenance: developed on (../shared/dev
and dev2 patterns), regressions."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import Document
from factcheck.figuredating import figure_days, first_agreed
from factcheck.report import extract_each

D = dt.date
# (reports: day, value, document), value sought, day expected
ROWS = [
    pytest.param(
        [(D(2023, 3, 29), 39.0, "b"), (D(2023, 3, 28), 39.0, "a"), (D(2023, 3, 28), 40.0, "c")],
        39.0,
        D(2023, 3, 28),
        id="developed on juarez-fire-2023: two dated articles gave 39, the first on the 28th",
    ),
    pytest.param(
        [(D(2023, 6, 21), 46.0, "b"), (D(2023, 6, 22), 46.0, "c"), (D(2023, 6, 20), 41.0, "a")],
        46.0,
        D(2023, 6, 21),
        id="developed on honduras-prison-2023: 46 first given the day after 41",
    ),
    pytest.param(
        [(D(2016, 4, 19), 413.0, "a"), (D(2016, 4, 18), 350.0, "b")],
        413.0,
        None,
        id="developed on ecuador-quake-2016: one dated copy of a figure is no agreement",
    ),
    pytest.param(
        [(D(2016, 4, 19), 413.0, "a"), (D(2016, 4, 20), 413.0, "a")],
        413.0,
        None,
        id="regression: one article giving a figure twice is one document",
    ),
    pytest.param([(D(2023, 10, 30), 48.0, "a"), (D(2023, 10, 30), 48.0, "b")], 27.0, None, id="regression: not given"),
]


@pytest.mark.parametrize(("reports", "value", "day"), ROWS)
def test_first_agreed(reports: list[tuple[dt.date, float, str]], value: float, day: dt.date | None) -> None:
    assert first_agreed(value, reports) == day


REPORTS = st.lists(
    st.tuples(
        st.dates(min_value=D(2020, 1, 1), max_value=D(2020, 2, 1)),
        st.sampled_from([12.0, 38.0, 39.0, 40.0]),
        st.sampled_from("abcde"),
    ),
    max_size=12,
)


@settings(max_examples=200, deadline=None)
@given(REPORTS, st.sampled_from([12.0, 38.0, 39.0, 40.0]), st.randoms(use_true_random=False))
def test_the_day_is_one_the_toll_was_given_on_whatever_the_order(
    reports: list[tuple[dt.date, float, str]], value: float, rnd: object
) -> None:
    """Property: the day is within the incident's dated span, a day a dated report gave the
    same figure on, and the same whatever the order of the reports."""
    day = first_agreed(value, reports)
    shuffled = list(reports)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    assert first_agreed(value, shuffled) == day
    if day is not None:
        assert min(d for d, _, _ in reports) <= day <= max(d for d, _, _ in reports)
        assert (day, value) in {(d, v) for d, v, _ in reports}
        assert len({doc for _, v, doc in reports if v == value}) >= 2


RIOT = "Inmates at the Támara prison near Tegucigalpa, Honduras, rioted; Xiomara Castro ordered an inquiry. "


def _corpus() -> list[Document]:
    """Four dated reports of one riot (41 dead on the first day, 46 from the next) and an
    undated copy that gives 46 and names no day (dev pattern: wire copies on aggregators)."""
    return [
        Document(id="a", published=D(2023, 6, 20), body=RIOT + "At least 41 women were killed, officials said."),
        Document(id="b", published=D(2023, 6, 21), body=RIOT + "The death toll rose to 46, officials said."),
        Document(id="c", published=D(2023, 6, 22), body=RIOT + "The death toll stood at 46, officials said."),
        Document(id="d", published=D(2023, 6, 20), body=RIOT + "At least 41 women were killed, the police said."),
        Document(id="u", body=RIOT + "The death toll stands at 46, officials said."),
    ]


def test_an_undated_copy_takes_the_day_its_toll_was_first_given() -> None:
    """Developed on: dev's undated copies of the Honduras riot giving the second day's toll,
    which the middle date of their neighbours put a day early."""
    claims, docs, errors = extract_each(_corpus())
    assert not errors
    dated = {d.id: d.dated for d in docs}
    assert dated["a"] is None
    u = dated["u"]
    assert u is not None and (u.date, u.basis) == (D(2023, 6, 21), "figures")
    (toll,) = [c for c in claims if c.document == "u"]
    assert toll.as_of is not None and toll.as_of.date == D(2023, 6, 21)
    assert toll.as_of.estimated is not None and "toll (46 killed)" in toll.as_of.estimated


def test_no_agreement_leaves_the_corpus_estimate() -> None:
    """Regression: a toll only one dated article gave does not date the copy."""
    corpus = [d for d in _corpus() if d.id != "c"]
    _, docs, _ = extract_each(corpus)
    u = {d.id: d.dated for d in docs}["u"]
    assert u is not None and u.basis != "figures"


@settings(max_examples=10, deadline=None)
@given(st.permutations(range(5)))
def test_figure_days_are_the_same_whatever_the_order(order: list[int]) -> None:
    """Property: deterministic under reordering of the documents and of their claims."""
    corpus = _corpus()
    claims, docs, _ = extract_each(corpus, estimate_dates=False)
    want = figure_days(docs, claims)
    assert want  # the undated copy is dated
    assert figure_days([docs[k] for k in order], list(reversed(claims))) == want
