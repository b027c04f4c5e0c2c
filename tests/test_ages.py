"""Ages are quantities in years, never counts of people: "aged 20 to 45" beside "seven
people were killed" is how old they were, not how many died.

Written after a synthetic probe of an incident the corpora do not hold (a mall shooting);
"common usage" rows are ordinary news phrasing in each language."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck import Document, check, extract_text

# (language, text, the age as written)
AGES = [
    ("en", "Seven people, aged 20 to 45, were killed.", "20 to 45"),
    ("en", "The eight people killed ranged in age from 3 to 37.", "from 3 to 37"),
    ("en", "A 33-year-old man was killed.", "33-year-old"),
    ("es", "Las víctimas, con edades de 3 a 7 años, murieron en el incendio.", "de 3 a 7 años"),
    ("pt", "Os mortos tinham idades entre 20 e 45 anos.", "entre 20 e 45 anos"),
    ("it", "Le vittime avevano un'età compresa tra 20 e 45 anni.", "tra 20 e 45 anni"),
]


@pytest.mark.parametrize(("lang", "text", "written"), AGES)
def test_an_age_is_a_measure_in_years(lang: str, text: str, written: str) -> None:
    claims = {c.quantity.text: c for c in extract_text(text, language=lang)}
    assert written in claims, sorted(claims)
    age = claims[written]
    assert age.quantity.unit == "year" and age.event_class is None


def test_a_number_with_its_noun_after_an_age_word_is_a_count() -> None:
    # "the average age of the 40 victims": 40 counts the victims
    claims = {c.quantity.text: c for c in extract_text("The average age of the 40 victims was 30.")}
    assert claims["40"].quantity.unit is None and claims["40"].subject_class == "victim"


def test_a_range_of_ages_never_meets_a_toll() -> None:
    docs = [
        Document(
            id="a", published=dt.date(2025, 6, 8), body="Seven people, aged 20 to 45, were killed in Allen, Texas."
        ),
        Document(id="b", published=dt.date(2025, 6, 8), body="Fifty people were killed in Allen, Texas, police said."),
    ]
    report = check(docs)
    labels = [p.label for f in report.conflicts for p in f.positions]
    assert "20 to 45" not in labels
