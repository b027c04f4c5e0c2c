"""Spanish numbers as written (factcheck.extraction.numwords): digits with Spanish and Mexican
separators, number words, fixed phrases, vague amounts and ranges, with exact spans.

Every sentence here is written for these tests; the comment on each table says which dev
pattern it imitates (../shared/dev, never copied)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import extract_text
from factcheck.extraction.numwords import find_numbers, parse_digits, parse_number

# pattern from dev: Spanish-press and Mexican-press separators (mexico-quake-2017 "2.527 heridos",
# juarez-fire-2023 "1,5", otis-2023 "16 mil 601")
DIGITS = [
    ("3.568", "es", 3568.0),
    ("2.527", "es", 2527.0),
    ("1,5", "es", 1.5),
    ("3,568", "es", 3568.0),  # Mexican papers group with a comma
    ("7.1", "es", 7.1),  # and write decimals with a point
    ("1.234.567", "es", 1234567.0),
    ("1.234,5", "es", 1234.5),
    ("1,234.5", "es", 1234.5),
    ("0,500", "es", 0.5),
    ("3,568", "en", 3568.0),
    ("1.5", "en", 1.5),
    ("12,34", "en", None),
    ("19.09.17", "es", None),
]


@pytest.mark.parametrize(("text", "language", "value"), DIGITS)
def test_digits(text: str, language: str, value: float | None) -> None:
    assert parse_digits(text, language) == value


# pattern from dev: written-out tolls and counts in leads (honduras-prison-2023 "cuarenta y
# seis", ecuador-quake-2016 "un millón", juarez-fire-2023 "una docena")
WORDS = [
    ("siete", 7),
    ("dieciséis", 16),
    ("dieciseis", 16),
    ("veintiún", 21),
    ("cincuenta y siete", 57),
    ("cuarenta y un", 41),
    ("cien", 100),
    ("ciento veinte", 120),
    ("doscientos", 200),
    ("quinientas", 500),
    ("mil", 1000),
    ("mil doscientos", 1200),
    ("dos mil quinientos", 2500),
    ("doscientos mil trescientos cuatro", 200304),
    ("un millón", 1e6),
    ("dos millones trescientos mil", 2.3e6),
    ("mil millones", 1e9),
    ("medio centenar", 50),
    ("un centenar", 100),
    ("una docena", 12),
    ("media docena", 6),
    ("un millar", 1000),
    ("medio millón", 500000),
    ("una veintena", 20),
]


@pytest.mark.parametrize(("text", "value"), WORDS)
def test_words(text: str, value: float) -> None:
    assert parse_number(text, "es") == value


# pattern from dev: figures inside sentences, spans must slice back (all clusters)
SPANS = [
    ("Hay 2.527 heridos.", [("2.527", 2527.0)]),
    ("Se reportan 16 mil 601 viviendas dañadas.", [("16 mil 601", 16601.0)]),
    ("Unos 1,2 millones de usuarios sin luz.", [("1,2 millones", 1.2e6)]),
    ("Murieron cuarenta y seis reclusas y siete guardias.", [("cuarenta y seis", 46.0), ("siete", 7.0)]),
    ("Llegaron medio centenar de policías.", [("medio centenar", 50.0)]),
    ("Hubo 3 mil muertos y dos mil heridos.", [("3 mil", 3000.0), ("dos mil", 2000.0)]),
    ("El sismo de 7,1 grados.", [("7,1", 7.1)]),
]


@pytest.mark.parametrize(("text", "expected"), SPANS)
def test_spans(text: str, expected: list[tuple[str, float]]) -> None:
    assert [(text[n.start : n.end], n.value) for n in find_numbers(text, "es")] == expected


# pattern from dev: vague amounts in Spanish leads ("decenas de heridos", "miles de damnificados")
VAGUE = [
    ("decenas de heridos", "decenas", 10, 100),
    ("varias decenas de casas", "varias decenas", 20, 100),
    ("cientos de rescatistas", "cientos", 100, 1000),
    ("centenares de viviendas", "centenares", 100, 1000),
    ("miles de damnificados", "miles", 1000, 10000),
    ("decenas de miles de evacuados", "decenas de miles", 10000, 100000),
    ("millones de personas", "millones", 1e6, 1e7),
]


@pytest.mark.parametrize(("text", "words", "low", "high"), VAGUE)
def test_vague(text: str, words: str, low: float, high: float) -> None:
    (n,) = find_numbers(text, "es")
    assert (text[n.start : n.end], n.value, n.low, n.high, n.kind) == (words, None, low, high, "vague")


def test_indefinite_is_marked() -> None:
    (n,) = find_numbers("varios edificios", "es")
    assert n.kind == "indefinite" and n.vague


# pattern from dev: estimates given as ranges (ecuador-quake-2016 "entre 200.000 y 250.000")
RANGES = [
    ("entre 40 y 50 muertos", "entre 40 y 50", 40, 50),
    ("entre 200.000 y 250.000 muertos", "entre 200.000 y 250.000", 200000, 250000),
    ("entre cuarenta y cincuenta", "entre cuarenta y cincuenta", 40, 50),
    ("40-50 personas", "40-50", 40, 50),
    # form from the list of Spanish ranges: "de 40 a 50", with no word of change before
    ("murieron de 40 a 50 personas", "de 40 a 50", 40, 50),
]


@pytest.mark.parametrize(("text", "words", "low", "high"), RANGES)
def test_ranges(text: str, words: str, low: float, high: float) -> None:
    (n,) = find_numbers(text, "es")
    assert (text[n.start : n.end], n.value, n.low, n.high, n.kind) == (words, None, low, high, "range")


# pattern from dev: a toll updated in one sentence (ecuador-quake-2016 "elevándola de 350 a 413
# muertos"): "de X a Y" is a change in toll reports, two figures, not a range
CHANGES = [
    ("la cifra subió de 350 a 413 muertos", [350.0, 413.0]),
    ("elevándola de 350 a 413 muertos", [350.0, 413.0]),
    ("pasó de 40 a 46", [40.0, 46.0]),
    ("subió este martes de 40 a 57", [40.0, 57.0]),  # the verb a few words before the pair
]


@pytest.mark.parametrize(("text", "values"), CHANGES)
def test_changes_are_two_figures(text: str, values: list[float]) -> None:
    assert [n.value for n in find_numbers(text, "es")] == values


NOT_NUMBERS = [
    "una mujer murió",  # the article alone is no figure
    "el COVID19 y #Sismo19",  # digits glued to a word
    "entre muertos y heridos",
]


@pytest.mark.parametrize("text", NOT_NUMBERS)
def test_not_numbers(text: str) -> None:
    assert find_numbers(text, "es") == []


def test_two_figures_joined_by_y_stay_two() -> None:
    # "y" joins the parts of one figure only: "tres mil y dos mil" are two figures
    assert [n.value for n in find_numbers("tres mil y dos mil", "es")] == [3000.0, 2000.0]
    assert [n.value for n in find_numbers("entre doscientos y trescientos", "es", ranges=False)] == [200.0, 300.0]
    assert [n.value for n in find_numbers("entre tres mil y cuatro mil", "es", ranges=False)] == [3000.0, 4000.0]
    assert [n.value for n in find_numbers("one thousand and two thousand", "en")] == [1000.0, 2000.0]
    assert [n.value for n in find_numbers("entre 40 muertos y 50 heridos", "es")] == [40.0, 50.0]


def test_english_keeps_its_separators_and_words() -> None:
    text = "3,568 dead, 1.5 million displaced, two hundred and five missing, fifty-seven held"
    assert [n.value for n in find_numbers(text, "en")] == [3568.0, 1.5e6, 205.0, 57.0]


_UNITS = [
    *["cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez", "once"],
    *["doce", "trece", "catorce", "quince", "dieciséis", "diecisiete", "dieciocho", "diecinueve", "veinte"],
    *["veintiuno", "veintidós", "veintitrés", "veinticuatro", "veinticinco", "veintiséis", "veintisiete"],
    *["veintiocho", "veintinueve"],
]
_TENS = {3: "treinta", 4: "cuarenta", 5: "cincuenta", 6: "sesenta", 7: "setenta", 8: "ochenta", 9: "noventa"}
_HUNDREDS = {
    1: "ciento",
    2: "doscientos",
    3: "trescientos",
    4: "cuatrocientos",
    5: "quinientos",
    6: "seiscientos",
    7: "setecientos",
    8: "ochocientos",
    9: "novecientos",
}


def spanish(n: int, before_scale: bool = False) -> str:
    """``n`` (0 to 1,000,000) written out in Spanish, RAE spelling; ``before_scale`` gives the
    apocopated "un"/"veintiún" used before "mil" ("veintiún mil")."""
    if n == 1_000_000:
        return "un millón"
    if n >= 1000:
        thousands, rest = divmod(n, 1000)
        head = "mil" if thousands == 1 else spanish(thousands, before_scale=True) + " mil"
        return head + (" " + spanish(rest) if rest else "")
    if n >= 100:
        hundreds, rest = divmod(n, 100)
        head = "cien" if n == 100 else _HUNDREDS[hundreds]
        return head + (" " + spanish(rest, before_scale) if rest else "")
    if n < 30:
        word = _UNITS[n]
        if before_scale and n in (1, 21):
            word = {1: "un", 21: "veintiún"}[n]
        return word
    tens, unit = divmod(n, 10)
    return _TENS[tens] + (" y " + spanish(unit, before_scale) if unit else "")


@settings(max_examples=400, deadline=None)
@given(st.integers(min_value=0, max_value=1_000_000))
def test_spanish_words_parse_back(n: int) -> None:
    """Property: every integer up to a million, written out in Spanish, reads back as itself."""
    text = spanish(n)
    assert parse_number(text, "es") == n, text


@pytest.mark.parametrize(
    ("n", "text"), [(21_000, "veintiún mil"), (101, "ciento uno"), (31_001, "treinta y un mil uno")]
)
def test_writer(n: int, text: str) -> None:
    assert spanish(n) == text


@settings(max_examples=200, deadline=None)
@given(st.text(), st.sampled_from(["es", "en", "pt", "it"]))
def test_never_raises_and_spans_slice(text: str, language: str) -> None:
    last = 0
    for n in find_numbers(text, language):
        assert last <= n.start < n.end <= len(text)
        assert n.low <= n.high
        last = n.end


# gold of dev2 ecuador-hostages-2023-08 ("una decena de policías": approximately ten) and
# common usage in Portuguese and Italian: a collective numeral says about how many
@pytest.mark.parametrize(
    ("lang", "text", "qualifier", "low", "high"),
    [
        ("es", "Una veintena de personas murieron.", "approximately", 18.0, 22.0),
        ("es", "Más de una veintena de personas murieron.", "more_than", 20.0, None),
        ("es", "Una docena de personas murieron.", "exact", 12.0, 12.0),
        ("it", "Una decina di persone sono rimaste ferite.", "approximately", 9.0, 11.0),
        ("pt", "Uma centena de pessoas ficaram feridas.", "approximately", 90.0, 110.0),
    ],
)
def test_a_collective_numeral_is_approximate(
    lang: str, text: str, qualifier: str, low: float | None, high: float | None
) -> None:
    (claim,) = extract_text(text, language=lang)
    assert (claim.quantity.qualifier, claim.quantity.low, claim.quantity.high) == (qualifier, low, high)
