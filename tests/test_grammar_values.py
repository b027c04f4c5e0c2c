"""Quantity grammar, the values half of issue 12: ranges, signs, fractions, leading decimal
points, powers of ten and numbers that are names. One test per written form, each labelled
with where the form was seen; every sentence is written for these tests."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.extraction import extract_text


def _one(text: str, language: str | None = None):  # type: ignore[no-untyped-def]
    claims = extract_text(text, language=language)
    assert len(claims) == 1, [c.quantity.text for c in claims]
    return claims[0].quantity


# ---------------------------------------------------------------- ranges


RANGES = [
    # form from NewsQuant: a range with the unit on both ends
    ("The new battery lifts the range from 250 miles to 290 miles.", 250, 290, "mile"),
    # form from NewsQuant: percentages on both ends, no opener
    ("Analysts expect a 4% to 9% gain in margins.", 4, 9, "percent"),
    # form from NewsQuant: "per cent" spelled out on both ends
    ("Fees run at 12 per cent to 18 per cent of assets.", 12, 18, "percent"),
    # form from NewsQuant: the multiplier written once, after the high end
    ("The club wants to raise from $20 to $25 billion.", 20e9, 25e9, "USD"),
    # form from NewsQuant: currency and multiplier on both ends
    ("Regulators could impose a fine of $2 billion to $4 billion.", 2e9, 4e9, "USD"),
    # form from NewsQuant: a shared multiplier after words
    ("There are six to seven thousand volunteers.", 6000, 7000, None),
    # form from NewsQuant: a shared multiplier after digits
    ("Some 3 to 4 million households lost power.", 3e6, 4e6, None),
    # form from NewsQuant: the unit on the first end only
    ("He went from 190 pounds to 172 in a year.", 172, 190, "pound"),
    # form from NewsQuant: a spaced dash between two four-digit counts
    ("Adults need 1800 - 2400 calories a day.", 1800, 2400, "calorie"),
    # form from business copy: the unit on both ends of a dash
    ("Rates rose 4%-6% in the quarter.", 4, 6, "percent"),
    # form from the dev corpus (Spanish wire copy): "entre X y Y"
    ("Hubo entre 30 y 45 heridos.", 30, 45, None),
]


@pytest.mark.parametrize(("text", "low", "high", "unit"), RANGES)
def test_range_is_one_quantity(text: str, low: float, high: float, unit: str | None) -> None:
    lang = "es" if text.startswith("Hubo") else None
    q = _one(text, lang)
    assert (q.low, q.high, q.qualifier, q.unit) == (low, high, "range", unit)


SPANISH_RANGES = [
    # form from Spanish business copy: an article before each end of a percentage range
    ("La inflación quedará entre el 4% y el 6%.", 4, 6, "percent"),
    ("Votó entre el 30 y el 35% del padrón.", 30, 35, "percent"),
    # form from Spanish business copy: "mil millones" shared by both ends
    ("Costará entre 2 y 3 mil millones de pesos.", 2e9, 3e9, "peso"),  # pesos are a currency (extraction/money.py)
    ("Afectará a entre 2 y 3 mil millones de personas.", 2e9, 3e9, None),
    # forms from the list of Spanish ranges: "de X a Y", and its contraction "del X al Y"
    ("Las penas van de 20 a 30 años.", 20, 30, "year"),
    ("La inflación quedará del 5% al 7% este año.", 5, 7, "percent"),
]


# pattern from dev: a toll updated in one sentence (ecuador-quake-2016 "elevándola de 350 a 413
# muertos"); after a word of change the same forms are the old figure and the new
SPANISH_CHANGES = [
    ("El Gobierno actualizó la cifra elevándola de 350 a 413 muertos.", [350, 413]),
    ("La cifra de fallecidos pasó de 40 a 57 este martes.", [40, 57]),
    ("La inflación subió del 5% al 7%.", [5, 7]),
]


@pytest.mark.parametrize(("text", "values"), SPANISH_CHANGES)
def test_spanish_changes_are_two_figures(text: str, values: list[float]) -> None:
    claims = extract_text(text, language="es")
    assert [(c.quantity.value, c.quantity.qualifier) for c in claims] == [(v, "exact") for v in values]


@pytest.mark.parametrize(("text", "low", "high", "unit"), SPANISH_RANGES)
def test_spanish_ranges(text: str, low: float, high: float, unit: str | None) -> None:
    q = _one(text, "es")
    assert (q.low, q.high, q.qualifier, q.unit) == (low, high, "range", unit)


def test_a_joiner_glued_by_hyphens() -> None:
    # form from NewsQuant: "0-to-60-mph", "200,000 to-260,000 year-old"
    q = _one("It does the 0-to-60-mph sprint quickly.")
    assert (q.low, q.high, q.qualifier) == (0, 60, "range")


def test_a_bound_that_closes_a_range() -> None:
    # form from NewsQuant: "from 450 sq ft up to 900 sq ft"
    q = _one("Flats measure from 40 metres up to 90 metres.")
    assert (q.low, q.high, q.qualifier) == (40, 90, "range")


def test_range_after_a_verb_of_change_has_its_direction() -> None:
    # form from NewsQuant: "jumped from X to Y" is one range whose trend is old -> new
    q = _one("Output jumped from 210 to 260 this year.")
    assert (q.low, q.high, q.trend) == (210, 260, "up")
    q = _one("His weight dropped from 200 pounds to 185 by spring.")
    assert (q.low, q.high, q.trend) == (185, 200, "down")


def test_a_large_low_end_keeps_its_own_value() -> None:
    # form from NewsQuant ("from $750,000 to $1 million"): the low end is not scaled again
    q = _one("Homes sold from $600,000 to $2 million.")
    assert (q.low, q.high) == (600_000, 2_000_000)


NEW_FIRST = [
    # forms from NewsQuant: a change written new figure first, after a verb of change
    ("Revenue rose to $8.2 billion from $7.9 billion.", 7.9e9, 8.2e9, "USD", "up"),
    ("Weekly volume narrowed to 138 lots from 212 lots last week.", 138, 212, None, "down"),
    ("The rate climbed to 6.7% from 6.29% last week.", 6.29, 6.7, "percent", "up"),
]


@pytest.mark.parametrize(("text", "low", "high", "unit", "trend"), NEW_FIRST)
def test_a_change_written_new_figure_first_is_one_range(
    text: str, low: float, high: float, unit: str | None, trend: str
) -> None:
    q = _one(text)
    assert (q.low, q.high, q.qualifier, q.unit, q.trend) == (low, high, "range", unit, trend)
    assert q.text.startswith("to ")


def test_a_change_and_the_level_it_reached_stay_two() -> None:
    # form from NewsQuant: "rose 5% to $10" is a change and a level; "to 40 from 50" with no
    # verb of change is no change at all
    assert len(extract_text("The shares rose 4% to $12.")) == 2
    assert len(extract_text("Aid went to 40 from 50 countries.")) == 2


def test_two_figures_joined_by_or_stay_two() -> None:
    # form from NewsQuant ("eight or nine euros"): the second lends its unit to the first
    claims = extract_text("Lunch costs seven or eight euros.")
    assert [(c.quantity.value, c.quantity.unit) for c in claims] == [(7, "EUR"), (8, "EUR")]


# ---------------------------------------------------------------- signs


SIGNS = [
    # form from NewsQuant: market moves with a sign and a percent sign
    ("In Asia: Nikkei -0.8% and Hang Seng -1.4% at the close.", [-0.8, -1.4]),
    # form from NewsQuant: a sign after a currency symbol, with a multiplier
    ("The trade balance came in at $-41.2bn in May.", [-41.2e9]),
    # form from NewsQuant: "minus" as a word, spaced and hyphenated
    ("Nights fall to minus 40 Celsius and the team gained minus-3 yards.", [-40, -3]),
    # form from the dev corpus's Spanish style: a signed decimal with a comma
    ("La economía creció -0,4% en el trimestre.", [-0.4]),
]


@pytest.mark.parametrize(("text", "values"), SIGNS)
def test_signed_values(text: str, values: list[float]) -> None:
    lang = "es" if text.startswith("La ") else None
    assert [c.quantity.value for c in extract_text(text, language=lang)] == pytest.approx(values)


def test_below_zero() -> None:
    # form from winter weather copy, English and Spanish: the sign written after the unit
    assert [c.quantity.value for c in extract_text("Lows hit 18 degrees below zero.")] == [-18]
    assert [c.quantity.value for c in extract_text("Se registraron 7 grados bajo cero.", language="es")] == [-7]


def test_a_hyphen_between_numbers_is_no_sign() -> None:
    # "40-50" is a range and "COVID-19" a name: neither has a negative number in it
    q = _one("About 40-50 people waited.")
    assert (q.low, q.high) == (40, 50)
    assert extract_text("A COVID -19 wave hit.") == []


def test_percent_and_percentage_points_are_kept_apart() -> None:
    # form from business copy: a rate in percent and its change in points are two units
    claims = extract_text("The rate rose 0.25 percentage points to 5.5%.")
    assert [(c.quantity.value, c.quantity.unit) for c in claims] == [(0.25, "percentage_point"), (5.5, "percent")]
    claims = extract_text("La tasa subió 0,5 puntos porcentuales hasta el 4%.", language="es")
    assert [c.quantity.unit for c in claims] == ["percentage_point", "percent"]


# ---------------------------------------------------------------- fractions and decimals


FRACTIONS = [
    # form from NewsQuant: "a third of"
    ("A third of the patients recovered.", 1 / 3),
    # form from NewsQuant: a hyphenated fraction with a hedge
    ("Nearly two-thirds of the sales were digital.", 2 / 3),
    # form from NewsQuant: "one fourth of"
    ("One fourth of the county is vaccinated.", 1 / 4),
    # form from NewsQuant: "half" with no number before it
    ("Half the flats have sold.", 1 / 2),
    # form from NewsQuant: "one out of three"
    ("One out of four drivers speeds.", 1 / 4),
    # form from NewsQuant: digit fractions with a slash and with the fraction slash
    ("Add 1/4 of the flour.", 1 / 4),
    ("A teaspoon is 1⁄6 of a fluid ounce.", 1 / 6),
    # form from NewsQuant: a decimal with no leading zero
    ("The shortstop hit .312 last season.", 0.312),
    # form from the dev corpus's Spanish style: "un tercio de", "la mitad de"
    ("Un tercio de los presos fue trasladado.", 1 / 3),
    ("La mitad de los heridos son niños.", 1 / 2),
]


@pytest.mark.parametrize(("text", "value"), FRACTIONS)
def test_fractions_are_values(text: str, value: float) -> None:
    lang = "es" if text.startswith(("Un ", "La ")) else None
    values = [c.quantity.value for c in extract_text(text, language=lang)]
    assert pytest.approx(value) in values


HALVES = [
    # form from feature and court copy: a half added to a whole, before or after the unit
    ("The works took two and a half years.", 2.5, "year"),
    ("It raised 4 and a half million dollars.", 4.5e6, "USD"),
    ("Fue condenado a cinco años y medio de prisión.", 5.5, "year"),
    ("Hay un millón y medio de afectados.", 1.5e6, None),
]


@pytest.mark.parametrize(("text", "value", "unit"), HALVES)
def test_and_a_half(text: str, value: float, unit: str | None) -> None:
    lang = None if text.startswith(("The", "It")) else "es"
    q = _one(text, lang)
    assert (q.value, q.unit) == (value, unit)


def test_a_half_that_starts_another_number() -> None:
    # form from the dev corpus's Spanish style: "y medio centenar" is a second figure
    claims = extract_text("Hubo 30 muertos y medio centenar de heridos.", language="es")
    assert [c.quantity.value for c in claims] == [30, 50]


def test_one_in_five() -> None:
    # form from polling copy: "one in five" is a share
    assert _one("One in five voters is undecided.").value == pytest.approx(0.2)


def test_a_fraction_with_a_unit() -> None:
    # form from NewsQuant: "1/2 pound"
    q = _one("The recipe needs 1/2 pound of butter.")
    assert (q.value, q.unit) == (0.5, "pound")


def test_ordinal_halves_are_no_shares() -> None:
    # "the second half" is a period of a game, not a share
    assert extract_text("He scored in the second half of the game.") == []


def test_power_of_ten() -> None:
    # form from NewsQuant: "2.998×10−8" in a science story
    q = _one("The constant is about 6.67×10−11 in these units.")
    assert q.value == pytest.approx(6.67e-11)


def test_digits_before_spelled_scales() -> None:
    # form from NewsQuant: "4 hundred million people"
    assert _one("There were 3 hundred million voters.").value == 300_000_000


# ---------------------------------------------------------------- names and identifiers


NAMES = [
    # form from NewsQuant: product lines and models
    "The iPhone 13 Pro Max is out.",
    "The Galaxy Note 10 launched.",
    "Boeing grounded its 737 Max jets.",
    # form from NewsQuant: market indices
    "The S&P 500 and the FTSE 100 closed flat.",
    "Markets watched the Nasdaq 100 e-minis.",
    # form from NewsQuant: codes
    "Volkswagen showed the ID.7 sedan.",
    "Homes in the 10024 ZIP code sold fast.",
    # form from NewsQuant: a label on a scale
    "It became a category 3 hurricane.",
    # form from NewsQuant: house numbers
    "The office at 412 Harbour Road was leased.",
    "He lived at 7 W 54th St in the city.",
    # form from NewsQuant: scores and date ranges after a month
    "Leeds beat Hull 3-1 thanks to a late goal.",
    "The festival runs Aug. 12-15.",
    # written for this test: three or more digit groups glued together are a code
    "Call 0800-123-4567 for help.",
    "Llame al 01-800-555-1234.",
]


@pytest.mark.parametrize("text", NAMES)
def test_names_are_no_claims(text: str) -> None:
    # "Aug. 12-15" is days (moment claims: test_momentclaims.py), never a figure
    assert [c.quantity.text for c in extract_text(text) if not c.moment] == []


def test_a_move_after_an_index_name_is_a_figure() -> None:
    # form from NewsQuant: "FTSE -0.6%" is the index's move, not its name
    assert [c.quantity.value for c in extract_text("Europe: DAX -1.1% and CAC 0.4%.")] == [-1.1, 0.4]


def test_years_and_counts() -> None:
    # form from NewsQuant: a currency, a qualifier or a unit makes four digits a count
    assert _one("The laptop costs $1999.").value == 1999
    assert _one("About 1200 came from abroad.").value == 1200
    assert extract_text("Sea levels could rise sharply by 2150.") == []


# ---------------------------------------------------------------- restated quantities


def test_a_bracketed_conversion_keeps_the_bound() -> None:
    # form from NewsQuant: "more than 100 kilometers (60 miles)"
    claims = extract_text("The birds fly more than 300 kilometers (186 miles).")
    assert [c.quantity.qualifier for c in claims] == ["more_than", "more_than"]


def test_a_restated_share_keeps_the_trend() -> None:
    # form from NewsQuant: "lost 190 points, or 0.6%"
    claims = extract_text("The index lost 95 points, or 1.2%.")
    assert [c.quantity.trend for c in claims] == ["down", "down"]


# ---------------------------------------------------------------- properties


@given(st.integers(min_value=1, max_value=99_999), st.integers(min_value=1, max_value=99))
def test_signed_percentages_parse_back(whole: int, cents: int) -> None:
    written = f"{whole}.{cents:02d}"
    claims = extract_text(f"The index moved -{written}% today.")
    assert [c.quantity.value for c in claims] == [-float(written)]
    assert claims[0].quantity.text == f"-{written}%"


@given(st.integers(min_value=1, max_value=999))
def test_leading_point_decimals_parse_back(digits: int) -> None:
    written = f".{digits:03d}"
    claims = extract_text(f"He batted {written} this year.")
    assert [c.quantity.value for c in claims] == [pytest.approx(float("0" + written))]
    assert claims[0].quantity.text == written


@given(st.integers(min_value=1, max_value=9), st.integers(min_value=2, max_value=9))
def test_shared_multipliers_parse_back(low: int, extra: int) -> None:
    high = low + extra
    q = _one(f"They need from ${low} to ${high} billion.")
    assert (q.low, q.high) == (low * 1e9, high * 1e9)


# pattern from dev: juarez-fire-2023/bostonglobe-at-least-40 ("in one of the deadliest
# tragedies in years" was a claim of one, detained) and mexico-quake-2017/cutivalu ("uno de
# los peores terremotos"); sentences written here
@pytest.mark.parametrize(
    ("lang", "text", "ones"),
    [
        ("en", "The fire killed 40 people in one of the deadliest tragedies in years.", 0),
        ("en", "It was one of the most powerful storms on record, killing 12.", 0),
        ("es", "Se trata de uno de los peores terremotos, con 300 muertos.", 0),
        ("it", "È uno dei peggiori disastri, con 12 morti.", 0),
        # a member that something happened to is still a count of one
        ("en", "One of the hostages was killed.", 1),
        ("es", "Uno de los guías murió.", 1),
    ],
)
def test_one_of_a_superlative_is_no_count(lang: str, text: str, ones: int) -> None:
    from factcheck import extract_text

    assert sum(c.quantity.value == 1 for c in extract_text(text, language=lang)) == ones
