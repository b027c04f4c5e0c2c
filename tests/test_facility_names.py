"""Facility names: a body whose name holds a facility noun ("National Penitentiary and Prison
Institute", "Prison Service") is an organisation, not the site of a figure (pattern from dev2
tulua-fire-2022-06, the director of Colombia's prison institute quoted on the toll); a short
name in brackets between a facility noun and its name ("Centro de Privación de Libertad
(CPL) Turi") is part of the name (pattern from dev2 ecuador-hostages-2023-08). The sentences
are invented."""

from __future__ import annotations

import datetime as dt

from factcheck import Document
from factcheck.extraction import extract_document
from factcheck.reconciliation.identity import facility_core


def places(body: str, language: str = "en") -> list[tuple[str, str | None, str | None]]:
    doc = Document(id="a", outlet="AP", published=dt.date(2022, 6, 28), language=language, body=body)
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


def test_a_short_name_in_brackets_stands_inside_a_facility_name() -> None:
    body = (
        "En Ecuador, 44 guías retenidos en el Centro de Privación de Libertad (CPL) Turi, en Cuenca, fueron liberados."
    )
    [(_, kind, name)] = places(body, "es")
    assert kind == "facility" and name is not None and name.endswith("Turi")
    assert facility_core(name) == facility_core("Turi jail") == "turi"
