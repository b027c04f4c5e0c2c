"""Units left unwritten on one of two figures of a construction (extraction/ellipsis.py).
Sentences are written for these tests, after forms seen in NewsQuant."""

from __future__ import annotations

import pytest

from factcheck import extract_text
from factcheck.extraction.quantities import find_quantities
from factcheck.extraction.tokens import tokenize

CASES = [
    # form from NewsQuant: the second figure of a contrast drops the unit
    ("The top estimate is 90.5 cents, while the lowest is 71.2.", "en", [(90.5, "cent"), (71.2, "cent")]),
    # form from NewsQuant: a parallel change drops the unit
    ("Exports rose by 3 percent but imports fell by 2.", "en", [(3.0, "percent"), (2.0, "percent")]),
    # form from NewsQuant: the unit written on the second of two alternatives
    ("A ticket costs about 7 or $8.", "en", [(7.0, "USD"), (8.0, "USD")]),
    # form from NewsQuant: a level after a change is no percentage
    ("The index gained 0.7 percent to 6,120.40.", "en", [(0.7, "percent"), (6120.4, None)]),
    # form from NewsQuant: a figure with a noun of its own keeps it
    ("The road is 5 km long and 3 bridges were closed.", "en", [(5.0, "kilometer"), (3.0, None)]),
    # written for this test: times lend no unit ("3 days and 4" is as often 4 people)
    ("It rained for 3 days, and 4 died.", "en", [(3.0, "day"), (4.0, None)]),
    # written for this test: Spanish, a contrast
    ("La inflación subió 4% en enero, mientras en febrero fue 3.", "es", [(4.0, "percent"), (3.0, "percent")]),
    # pattern from dev: ecuador-quake-2016/cutivalu-366-fallecidos ("a N de <lugar>" after a
    # distance is that distance's unit); checked on a count, which keeps none
    (
        "El sismo ocurrió a 10 kilómetros de profundidad, a 35 de Manta y a 90 de Portoviejo.",
        "es",
        [(10.0, "kilometer"), (35.0, "kilometer"), (90.0, "kilometer")],
    ),
    (
        "Tras caminar 3 kilómetros llegaron a 40 de los 57 rehenes.",
        "es",
        [(3.0, "kilometer"), (40.0, None), (57.0, None)],
    ),
]


@pytest.mark.parametrize(("text", "lang", "expected"), CASES)
def test_unit_ellipsis(text: str, lang: str, expected: list[tuple[float, str | None]]) -> None:
    assert [(f.value, f.unit) for f in find_quantities(tokenize(text), lang=lang)] == expected


@pytest.mark.parametrize(
    ("text", "language", "written", "unit"),
    [
        # a probe of a building fire in Milan (it, from the fields helper's probes): the first
        # of a pair of ages took the toll's event ("4" victims killed)
        ("Tra le vittime ci sono due bambini di 4 e 7 anni.", "it", "4", "year"),
        ("Entre las víctimas hay dos niños de 4 y 7 años.", "es", "4", "year"),
        ("The quakes struck 12 and 15 kilometers from the coast.", "en", "12", "kilometer"),
    ],
)
def test_the_first_of_a_pair_takes_the_unit_written_on_the_second(
    text: str, language: str, written: str, unit: str
) -> None:
    claims = {c.quantity.text: c for c in extract_text(text, language=language)}
    assert claims[written].quantity.unit == unit and claims[written].event_class is None
