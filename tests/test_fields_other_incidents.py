"""Fields of other incidents, second pass (issue 19): shapes found by reading the claims of
synthetic wire copy about incidents the corpora do not hold (a train derailment, a stadium
crush, a city fire, a dam collapse, a heatwave, a migrant shipwreck, a factory explosion, a
bank siege) in English, Spanish, Portuguese and Italian.

Every sentence here was written for this test; no article text is copied. "developed on"
names the probe or corpus shape a rule came from, "regression" what it must not break."""

from __future__ import annotations

import pytest

from factcheck import extract_text


def sources(text: str, language: str) -> list[str | None]:
    return [c.source.name if c.source else None for c in extract_text(text, language=language)]


# developed on: dev honduras-prison-2023 (a speaker named in apposition, later the subject of a
# coordinated reporting verb by her surname alone; a pattern, no text copied)
SURNAME_SECOND_REFERENCE = [
    (
        "La viceministra de seguridad, Julissa Romero, habló con la prensa. Romero es la persona "
        "encargada del sistema penitenciario y recordó que en 2019 murieron 40 reclusos.",
        "es",
        ["Julissa Romero"],
    ),
    (
        "Chief inspector Maria Costa spoke to reporters. Costa is in charge of the prisons and "
        "said that 40 inmates died in 2019.",
        "en",
        ["Maria Costa"],
    ),
    # a verb never extends the name: no bogus "Romero es ministra"
    (
        "Ayer habló Julissa Romero. Romero es ministra y recordó que en 2018 murieron 12 reclusos.",
        "es",
        ["Julissa Romero"],
    ),
    # regressions: a lone capitalised word the article never named as a person is no speaker
    ("Ramírez es la persona encargada y recordó que en 2015 murieron 5 reclusos.", "es", [None]),
    ("Honduras es un país violento y recordó que en 2015 murieron 5 reclusos.", "es", [None]),
]


@pytest.mark.parametrize(("text", "language", "expected"), SURNAME_SECOND_REFERENCE)
def test_a_surname_refers_back_to_the_person_named(text: str, language: str, expected: list[str | None]) -> None:
    assert sources(text, language) == expected
