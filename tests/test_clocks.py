"""Clocks: undated figures dated by the national death toll their report gives with them."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from factcheck import Document, check
from factcheck.intervals import Interval
from factcheck.reconciliation.clocks import Clock, read


def doc(id_: str, body: str, outlet: str) -> Document:
    # one publication day for all: only the tolls can order the figures
    return Document(id=id_, outlet=outlet, published=dt.date(2023, 9, 1), body=body)


def findings(*docs: Document) -> list[tuple[str, str, list[str], list[str]]]:
    return [
        (f.severity, f.classification, [p.label for p in f.positions], f.evidence.notes)
        for f in check(list(docs)).conflicts
        if "injured" in f.topic
    ]


def test_figures_given_with_one_toll_are_one_moment() -> None:
    # pattern from dev: ecuador-quake-2016, "nearly 3,000" wounded and "413 muertos y 2.000 heridos"
    got = findings(
        doc("a", "In Ecuador, 413 people were killed and 2,000 people were injured.", "AP"),
        doc("b", "In Ecuador, 413 people were killed. Nearly 3,000 people were injured.", "BBC"),
    )
    assert got == [
        ("warning", "conflict", ["2,000", "Nearly 3,000"], ["both reported with a national death toll of 413"])
    ]


def test_one_moment_is_flagged_past_figures_between() -> None:
    # figures of unknown order are paired only with their neighbours in value; figures one
    # toll dates to one moment are paired whatever lies between them
    got = findings(
        doc("a", "In Ecuador, 413 people were killed and 2,000 people were injured.", "AP"),
        doc("b", "In Ecuador, 413 people were killed. Nearly 3,000 people were injured.", "BBC"),
        doc("c", "In Ecuador, 2,400 people were injured.", "CNN"),
    )
    assert (
        "warning",
        "conflict",
        ["2,000", "Nearly 3,000"],
        ["both reported with a national death toll of 413"],
    ) in got


def test_a_count_given_with_a_higher_toll_cannot_be_lower() -> None:
    # pattern from dev: mexico-quake-2017, Puebla 39 with a national 120, then 32 with 149
    got = findings(
        doc("a", "In Ecuador, 413 people were killed and 2,000 people were injured.", "AP"),
        doc("c", "In Ecuador, 233 people were killed and 2,500 people were injured.", "CNN"),
    )
    assert got == [
        (
            "warning",
            "conflict",
            ["2,000", "2,500"],
            ["the lower figure was reported with a national death toll of 413, the higher with 233"],
        )
    ]


def test_a_count_given_with_a_higher_toll_may_be_higher() -> None:
    got = findings(
        doc("a", "In Ecuador, 233 people were killed and 2,000 people were injured.", "AP"),
        doc("c", "In Ecuador, 413 people were killed and 2,500 people were injured.", "CNN"),
    )
    assert [(s, c) for s, c, _, _ in got] == [("info", "update")]


def test_the_sentence_toll_comes_before_the_report_toll() -> None:
    # "earlier, 77 dead and 500 injured": the sentence dates its own figure
    got = findings(
        doc(
            "a", "In Ecuador, 413 people were killed. Earlier, 77 people were killed and 500 people were injured.", "AP"
        ),
        doc("b", "In Ecuador, 77 people were killed and 900 people were injured.", "BBC"),
    )
    assert got == [("warning", "conflict", ["500", "900"], ["both reported with a national death toll of 77"])]


def test_at_least_shows_its_bound() -> None:
    k = "killed|person|count|country:Mexico|"
    at_least = Clock(k, Interval(27, 27), "at least 27")
    assert read(at_least, Clock(k, Interval(48, 48), "48")) == "before"


@given(st.integers(0, 10_000), st.integers(0, 10_000))
def test_reading_is_antisymmetric(x: int, y: int) -> None:
    k = "killed|person|count|country:Ecuador|"
    a, b = Clock(k, Interval(x, x), str(x)), Clock(k, Interval(y, y), str(y))
    flip = {"same": "same", "before": "after", "after": "before"}
    assert read(b, a) == flip[read(a, b) or "same"]
    assert read(a, Clock("other", Interval(x, x), "")) is None


def test_an_unplaced_small_toll_is_a_part_of_its_report() -> None:
    # dev: mexico-quake-2017/a7, "cuatro de ellos" killed by a falling wall in a report of 120
    # dead is no rival to another report's national toll
    r = check(
        [
            doc("a", "In Mexico, 120 people were killed. Four people were killed when a wall fell on them.", "AP"),
            doc("b", "In Mexico, 117 people were killed.", "BBC"),
        ]
    )
    labels = [sorted(p.label for p in f.positions) for f in r.conflicts]
    assert all("Four" not in side for side in labels), labels


def test_a_small_toll_placed_by_the_text_is_kept() -> None:
    # a named place makes a part of a known whole, checked as such
    r = check(
        [
            doc("a", "In Mexico, 120 people were killed, 4 people were killed in Guerrero.", "AP"),
            doc("b", "In Mexico, 117 people were killed, 9 people were killed in Guerrero.", "BBC"),
        ]
    )
    assert any({"4", "9"} <= {p.label for p in f.positions} for f in r.conflicts)


def test_a_provisional_toll_is_its_reports_clock_and_a_partitive_is_none() -> None:
    # pattern from dev: mexico-quake-2017 (a7-saldo-120: "un saldo preliminar de 120" and,
    # sentences later, "cuatro de ellas eran mujeres"; acritica-104-mortos: 54 in a state
    # with a national 104). Written here in English: the state's lower figure came with the
    # higher national toll, so a state count that only grows cannot have fallen
    report = check(
        [
            doc(
                "a",
                "In Ecuador, 104 people were killed. In Manabi, 54 people were killed, "
                "and in Guayas 20 people were killed.",
                "AP",
            ),
            doc(
                "b",
                "In Ecuador, a preliminary toll of 120 people were killed. In Manabi, 42 people were killed, "
                "and in Guayas 30 people were killed. Four of them were women who died when a wall fell.",
                "BBC",
            ),
        ]
    )
    manabi = [
        (f.severity, f.classification, [p.label for p in f.positions], f.evidence.notes)
        for f in report.conflicts
        if f.topic.startswith("Manabí")
    ]
    assert manabi == [
        (
            "warning",
            "conflict",
            ["42", "54"],
            ["the lower figure was reported with a national death toll of 120, the higher with 104"],
        )
    ]


def test_partitive_and_provisional_marks() -> None:
    from factcheck.extraction import extract_text
    from factcheck.reconciliation.timeline import partitive, provisional

    nine, four = extract_text("Nine people died, four of them children.")
    assert (partitive(nine), partitive(four)) == (False, True)
    (cuatro,) = extract_text("Las víctimas murieron al caer una barda, cuatro de ellas eran mujeres.", language="es")
    assert partitive(cuatro)
    (saldo,) = extract_text("El sismo dejó un saldo preliminar de 120 personas muertas.", language="es")
    assert provisional(saldo) and not partitive(saldo)
