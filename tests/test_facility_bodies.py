"""A body whose name holds a facility noun ("National Penitentiary and Prison Institute",
"Prison Service") is an organisation, not the site of a figure. Pattern from dev2
tulua-fire-2022-06 (the director of Colombia's prison institute quoted on the toll); the
sentences are invented."""

from __future__ import annotations

import datetime as dt

from factcheck import Document
from factcheck.extraction import extract_document


def places(body: str) -> list[tuple[str, str | None, str | None]]:
    doc = Document(id="a", outlet="AP", published=dt.date(2022, 6, 28), language="en", body=body)
    return [
        (c.quantity.text, c.place.kind if c.place else None, c.place.name if c.place else None)
        for c in extract_document(doc)
    ]


def test_a_body_named_after_prisons_is_no_facility() -> None:
    for body in (
        "In Colombia, a riot broke out. A fire killed 49 prisoners, said the director of the National "
        "Penitentiary and Prison Institute.",
        'In Colombia, a riot broke out. "A fire killed 49 prisoners," the Prison Service said.',
    ):
        assert all(kind != "facility" for _, kind, _ in places(body)), body


def test_a_named_prison_is_still_a_facility() -> None:
    assert places("In Colombia, 49 inmates died at Tulua Prison on Tuesday.")[0][1] == "facility"
