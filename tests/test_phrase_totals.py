"""A figure beside the total of a coordinated phrase ("50 guards and seven police officers"
against 57) is a part beside its whole: never two counts of one group that disagree, a part
larger than its whole, or more released than were held. Written against the pattern of
dev2 ecuador-hostages-2023-08 (the 57 = 50 + 7 hostages, named "57 guards" by some
reports); the regressions below are invented sentences."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck import Document, check
from factcheck.extraction import extract_document
from factcheck.reconciliation.keys import Facet, facet
from factcheck.reconciliation.phrase_totals import with_phrase_totals

PHRASE = "Inmates in Ecuador held 50 guards and seven police officers hostage on Thursday, the prison service said."


def doc(id_: str, body: str, outlet: str = "AP") -> Document:
    return Document(id=id_, outlet=outlet, published=dt.date(2023, 9, 1), body=body)


def found(docs: list[Document]) -> list[tuple[str, list[str]]]:
    return [(f.kind, [p.label for p in f.positions]) for f in check(docs).conflicts]


def test_the_phrase_total_named_by_its_largest_part_is_no_conflict() -> None:
    other = doc("b", "In Cuenca, inmates held 57 guards hostage on Thursday, officials said.", outlet="BBC")
    assert found([doc("a", PHRASE), other]) == []


def test_a_place_total_equal_to_the_phrase_is_no_part_larger_than_its_whole() -> None:
    other = doc(
        "b",
        "Inmates at a prison in Cuenca held 57 guards hostage on Thursday, officials said. "
        "Inmates in Ecuador held 200 inmates.",
        outlet="BBC",
    )
    assert found([doc("a", PHRASE), other]) == []


def test_the_phrase_total_released_is_not_more_than_were_held() -> None:
    other = doc("c", "In Ecuador, 57 guards were released on Friday, officials said.", outlet="BBC")
    assert found([doc("a", PHRASE), other]) == []


def test_a_figure_that_is_not_the_phrase_total_is_still_compared() -> None:
    # 15 + 5 = 20 is not 50: the two releases disagree as before
    r = found(
        [
            doc("a", "In Ecuador, 15 guards and five police officers were freed on Thursday, the prison service said."),
            doc("b", "In Ecuador, 50 guards were released on Thursday, officials said.", outlet="BBC"),
        ]
    )
    assert r == [("value_conflict", ["15", "50"])]


def facets_of(body: str) -> list[Facet]:
    return [f for c in extract_document(doc("a", body)) if (f := facet(c)) is not None]


def test_only_parts_of_one_event_and_unit_have_a_total() -> None:
    parts = facets_of(PHRASE)
    assert len({f.claim.parts_group for f in parts}) == 1 and parts[0].claim.parts_group is not None
    # the same phrase read with two events, or two units, adds nothing up
    for field, value in (("event", "released"), ("unit", "meter")):
        mixed = [parts[0], replace(parts[1], **{field: value})]
        assert all(f.phrase_total is None for f in with_phrase_totals(mixed, 0.1))
    totals = {f.phrase_total for f in with_phrase_totals(facets_of(PHRASE), 0.1)}
    assert len(totals) == 1 and (t := totals.pop()) is not None and (t.low, t.high) == (57, 57)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=2, max_value=400), st.integers(min_value=2, max_value=400))
def test_any_phrase_total_named_by_its_largest_part_is_no_conflict(guards: int, police: int) -> None:
    # the dev2 pattern with any numbers: the total of the phrase against a report that
    # names it by its largest part is never a finding; against any other figure it may be
    phrase = doc("a", f"Inmates in Ecuador held {guards} guards and {police} police officers hostage on Thursday.")
    total = doc("b", f"In Cuenca, inmates held {guards + police} guards hostage on Thursday.", outlet="BBC")
    assert found([phrase, total]) == []
