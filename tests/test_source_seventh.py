"""Who says so, shapes found on the seventh pass over sources: a place written in
apposition after another place ("en Sabinas, Coahuila,") is where the figure happened,
never who gave it, and the speaker of a verb inverted after a comma is the name after it.

Every sentence here was written for this test. "synthetic probe" means it was written to
probe a shape the corpora do not hold (no article text copied); "checked in" names the other
languages it was checked on."""

from __future__ import annotations

import pytest

from factcheck import extract_text


def sources(text: str, language: str) -> list[str | None]:
    return [c.source.name if c.source else None for c in extract_text(text, language=language)]


# developed on: a synthetic probe (a mine collapse in Sabinas, Coahuila, the state after the
# town between commas was read as the subject of "informó"); checked in English, Portuguese
# and Italian
PLACE_IN_APPOSITION = [
    (
        "Un derrumbe en una mina de carbón en Sabinas, Coahuila, dejó atrapados a 15 mineros "
        "la tarde del martes, informó la Secretaría del Trabajo.",
        "es",
        ["la Secretaría del Trabajo"],
    ),
    (
        "A collapse at a coal mine in Sabinas, Coahuila, trapped 15 miners on Tuesday, said the labor ministry.",
        "en",
        ["the labor ministry"],
    ),
    (
        "Um desabamento numa mina em Criciúma, Santa Catarina, deixou 15 mineiros presos, informou a Defesa Civil.",
        "pt",
        ["a Defesa Civil"],
    ),
    # with no speaker after the verb, the container is still no speaker
    ("Un derrumbe en una mina en Sabinas, Coahuila, dejó atrapados a 15 mineros.", "es", [None]),
    # regressions: the same sentence with one place, and a closing name before the verb
    (
        "Un derrumbe en Lima dejó atrapados a 15 mineros la tarde del martes, informó la Secretaría del Trabajo.",
        "es",
        ["la Secretaría del Trabajo"],
    ),
    (
        "Fifteen miners were trapped in Sabinas, Coahuila, the Associated Press reported.",
        "en",
        ["the Associated Press"],
    ),
]


@pytest.mark.parametrize(("text", "language", "expected"), PLACE_IN_APPOSITION)
def test_a_place_in_apposition_is_no_speaker(text: str, language: str, expected: list[str | None]) -> None:
    assert sources(text, language) == expected


# developed on: dev ecuador-quake-2016/prensaaldia-443-vs-480 (a president's estimate that a
# news agency reports after an inverted verb, a pattern; no text copied); checked in English
# and Portuguese. A body that is no outlet after the verb still gives the figures
OUTLET_AFTER_THE_SPEAKER = [
    (
        "El gobernador, Juan Pérez, cifró en 12 los muertos, informó la agencia estatal Prensa Latina.",
        "es",
        ["Juan Pérez"],
    ),
    ("Governor Ann Cole put the toll at 12, the news agency Andes reported.", "en", ["Ann Cole"]),
    ("O governador, João Silva, estimou em 12 os mortos, informou o jornal Folha.", "pt", ["João Silva"]),
    # regression: with no speaker of its own in the sentence, the outlet gives the figure
    ("Murieron 12 personas, informó el diario Expreso.", "es", ["el diario Expreso"]),
]


@pytest.mark.parametrize(("text", "language", "expected"), OUTLET_AFTER_THE_SPEAKER)
def test_an_outlet_carries_the_speakers_figures(text: str, language: str, expected: list[str | None]) -> None:
    assert sources(text, language) == expected
