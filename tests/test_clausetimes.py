"""Which days of a sentence are a figure's own, by relative clause
(:mod:`factcheck.extraction.clausetimes`), and the earlier-report and days-after readings
(:mod:`factcheck.extraction.earlier`): properties over arbitrary text. The rows of what each
rule gives whole claims are in tests/test_asof.py."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import Document
from factcheck.extraction import extract_document
from factcheck.extraction.clausetimes import clause_times
from factcheck.extraction.earlier import earlier_report, event_days_before
from factcheck.extraction.times import find_times

WORDS = st.sampled_from(
    [
        "17 guardias",
        "de los 137",
        "que fueron retenidos",
        "el martes",
        "este miércoles",
        "that on Sunday left",
        "six dead",
        "reported on Monday",
        "había informado",
        "had reported",
        "un día después del estallido",
        "que dejó",
        ",",
        " — ",
        "(",
        ")",
        " ",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(WORDS | st.text(max_size=6), max_size=14), st.sampled_from(["en", "es"]), st.integers(0, 200))
def test_clause_times_keeps_its_own_and_drops_only_days(parts: list[str], lang: str, at: int) -> None:
    """Developed on dev2 patterns: every mention kept or dropped comes from the sentence, a
    day of the figure's own clause is never dropped, and only days are dropped."""
    text = " ".join(parts)
    at = min(at, len(text))
    mentions = find_times(text, 0, len(text), dt.date(2023, 7, 27), "day", lang)
    kept, own = clause_times(mentions, text, 0, at, lang)
    assert all(any(m is k for k in mentions) for m in kept)
    assert all(any(m is k for k in kept) for m in own)
    dropped = [m for m in mentions if not any(m is k for k in kept)]
    assert all(m.kind in ("date", "weekday", "relative_day") for m in dropped)
    said = earlier_report(text, lang)
    if said is not None:
        assert 0 <= said[0] < said[1] <= len(text)
    placed = event_days_before(text, at, lang)
    if placed is not None:
        assert placed[0] >= 1 and 0 <= placed[1] < placed[2] <= at


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The death toll from the storm that hit the city on Tuesday rose to 94, police said.", "en"),
        ("La cifra de muertos por las lluvias que azotaron la ciudad el martes subió a 94, según la policía.", "es"),
        (
            "Subiu para 94 o número de mortos das chuvas que atingiram Petrópolis na terça-feira, segundo a polícia.",
            "pt",
        ),
        (
            "È salito a 94 il numero dei morti delle piogge che hanno colpito la città martedì, secondo la polizia.",
            "it",
        ),
    ],
)
def test_a_count_raised_now_is_not_dated_by_the_clause_of_its_event(text: str, language: str) -> None:
    # synthetic probe of floods in Petrópolis (not in the corpora): the day is the storm's,
    # in a relative clause; the count raised to 94 is the report's
    doc = Document(id="a", published=dt.date(2022, 2, 17), language=language, body=text)
    (claim,) = extract_document(doc)
    assert claim.as_of is not None and claim.as_of.date == dt.date(2022, 2, 17)
