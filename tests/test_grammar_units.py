"""Units, currencies and rates as news writes them: one test per form, each labelled by
where the form was seen. Sentences are written for these tests."""

from __future__ import annotations

import pytest

from factcheck import Document, extract_text
from factcheck.extraction import extract_document
from factcheck.extraction.quantities import find_quantities
from factcheck.extraction.tokens import tokenize


def _found(text: str, lang: str = "en") -> list[tuple[float | None, str | None, str | None]]:
    return [(f.value, f.unit, f.per) for f in find_quantities(tokenize(text), lang=lang)]


# (sentence, [(value, unit, per)]); provenance in the comment before each row
EN_FORMS = [
    # form from NewsQuant: currency symbol glued to the number, letters before it
    ("The deal was priced at RM79 for the year.", [(79.0, "MYR", None)]),
    # form from NewsQuant: ISO code glued to the number with a multiplier
    ("The yacht was listed at USD10m last week.", [(10_000_000.0, "USD", None)]),
    # form from NewsQuant: ISO code glued, a scale word after
    ("A package of INR1 trillion was announced.", [(1e12, "INR", None)]),
    # form from NewsQuant: "$US" and "$A" as Australian papers write them
    ("The house sold for $US2,000,000 ($A3,100,000).", [(2_000_000.0, "USD", None), (3_100_000.0, "AUD", None)]),
    # form from NewsQuant: the pound sign transliterated to ASCII, glued, with a multiplier
    ("Her pay was worth PS2.7m in total.", [(2_700_000.0, "GBP", None)]),
    # form from NewsQuant: the yen sign transliterated to ASCII
    ("Profit rose to Y=880 billion.", [(880e9, "JPY", None)]),
    # form from NewsQuant: the euro sign after the number
    ("He paid 1,200€ for a laptop.", [(1200.0, "EUR", None)]),
    # form from NewsQuant: a share price in pence
    ("Shares closed at 118.5p on Friday.", [(118.5, "penny", None)]),
    # form from NewsQuant: an ISO code after the number
    ("The fee is 250 MXN per visit.", [(250.0, "MXN", "visit")]),
    # regression from dev: abc-58-missing-46-dead ("a $4.3 billion" is no Australian dollar)
    ("The storm caused a $4.3 billion loss.", [(4.3e9, "USD", None)]),
    # form from NewsQuant: a milligram dose glued to the number
    ("Each 500mg tablet is sold alone.", [(500.0, "milligram", None)]),
    # form from NewsQuant: millilitres glued, lower case
    ("They filled 250ml bottles.", [(250.0, "milliliter", None)]),
    # form from NewsQuant: grams glued after a tilde
    ("Each sample weighed ~45g.", [(45.0, "gram", None)]),
    # form from NewsQuant: newton-metres of torque, not nanometres
    ("The engine makes 450 Nm of torque.", [(450.0, "meter * newton", None)]),
    # form from NewsQuant: nanometres in lower case
    ("Chips are made on a 7 nm process.", [(7.0, "nanometer", None)]),
    # form from NewsQuant: a four-digit figure with a unit is no year
    ("It could pass the 1000 hp mark.", [(1000.0, "horsepower", None)]),
    # form from NewsQuant: a four-digit price is no year
    ("The laptop costs exactly $2000.", [(2000.0, "USD", None)]),
    # form from NewsQuant: watts as a capital letter
    ("It ships with a 5 W charger.", [(5.0, "watt", None)]),
    # form from NewsQuant: square feet abbreviated
    ("The flat has 900 sq ft of space.", [(900.0, "foot ** 2", None)]),
    # form from NewsQuant: a rate with "per"
    ("Crude rose to US$58.24 per barrel.", [(58.24, "USD", "barrel")]),
    # form from NewsQuant: a rate with the article
    ("The plan costs $14.95 a month.", [(14.95, "USD", "month")]),
    # form from NewsQuant: a rate with a hyphen
    ("Fees rose by up to £24 a-year.", [(24.0, "GBP", "year")]),
    # form from NewsQuant: a percentage growing per year
    ("The market grows almost five percent a year.", [(5.0, "percent", "year")]),
    # form from NewsQuant: pence at the end of a sentence ("p." is no "p.m." here)
    ("Shares rose 6% to 164p.", [(6.0, "percent", None), (164.0, "penny", None)]),
    # form from NewsQuant: "mil" glued for million, as Malaysian and Singaporean papers write it
    ("They laundered almost S $1mil (RM3.06mil).", [(1e6, "SGD", None), (3.06e6, "MYR", None)]),
    # form from NewsQuant: a unit of two words glued to the number
    ("The 3923sq m estate was sold.", [(3923.0, "meter ** 2", None)]),
    # form from NewsQuant: degrees transliterated as "deg", glued
    ("It was 2.14degF (1.19deg C) warmer.", [(2.14, "degree_Fahrenheit", None), (1.19, "degree_Celsius", None)]),
    # form from NewsQuant: "m" glued is metres when a length converts it, millions otherwise
    ("A 37m (121ft)-long skeleton cost $4m.", [(37.0, "meter", None), (121.0, "foot", None), (4e6, "USD", None)]),
    # form from NewsQuant: square metres written "m2" against the number
    ("The floor area is 32m2.", [(32.0, "meter ** 2", None)]),
    # form from NewsQuant: a count with a rate after its noun
    ("The star spins nearly 78,000 times a minute.", [(78000.0, None, "minute")]),
    # form from NewsQuant: "per capita"
    ("Spending reached $900 per capita.", [(900.0, "USD", "person")]),
]


@pytest.mark.parametrize(("text", "expected"), EN_FORMS)
def test_english_forms(text: str, expected: list[tuple[float | None, str | None, str | None]]) -> None:
    assert _found(text) == expected


def test_per_cent_is_a_unit_not_a_rate() -> None:
    # form from NewsQuant: "per cent" is a percentage, never a denominator
    assert _found("Prices rose 19 per cent.") == [(19.0, "percent", None)]


def test_a_time_ago_is_no_rate() -> None:
    # written for this test: "a year ago" says when, not how often
    assert _found("He paid $500 a year ago.") == [(500.0, "USD", None)]


def test_names_glued_to_digits_stay_names() -> None:
    # form from NewsQuant: 5G and G20 are names; a capital G is no gram
    assert _found("The 5G network reached the G20 summit.") == []


ES_FORMS = [
    # pattern from dev: prensaaldia-443-vs-480 (a scale word, the partitive, then the currency)
    ("Las pérdidas suman 3.000 millones de dólares.", [(3e9, "USD", None)]),
    # written for this test: pesos with no country
    ("El gobierno destinó 5 millones de pesos.", [(5e6, "peso", None)]),
    # written for this test: Mexican pesos named
    ("Costó 200 pesos mexicanos.", [(200.0, "MXN", None)]),
    # written for this test: a multiplier that carries the currency
    ("La obra costó 40 mdp en total.", [(40e6, "peso", None)]),
    # written for this test: a rate with "al"
    ("La inflación sube 5% al año.", [(5.0, "percent", "year")]),
    # written for this test: a rate with "por" and a listed noun
    ("El gasto fue de US$900 por habitante.", [(900.0, "USD", "person")]),
    # written for this test: "por" before no unit or listed noun is no rate
    ("Hubo 20 heridos por bala.", [(20.0, None, None)]),
    # written for this test: an abbreviation glued to the number
    ("Tome una dosis de 500mg diaria.", [(500.0, "milligram", None)]),
    # written for this test: "ha" before a participle is the auxiliary, before "de" hectares
    ("El sismo de magnitud 5,8 ha dejado 12 muertos.", [(5.8, "richter", None), (12.0, None, None)]),
    ("El fuego quemó 300 ha de monte.", [(300.0, "hectare", None)]),
]


def test_an_italian_auxiliary_is_no_hectare() -> None:
    # written for this test: "magnitudo 5,8 ha colpito" (has struck), "300 ha di bosco"
    assert _found("Il sisma di magnitudo 5,8 ha colpito il centro Italia.", "it") == [(5.8, "richter", None)]
    assert _found("Sono bruciati 300 ha di bosco.", "it") == [(300.0, "hectare", None)]


@pytest.mark.parametrize(("text", "expected"), ES_FORMS)
def test_spanish_forms(text: str, expected: list[tuple[float | None, str | None, str | None]]) -> None:
    assert _found(text, "es") == expected


def test_per_reaches_the_claim_record() -> None:
    # form from NewsQuant: the rate's denominator is on the record and in its JSON
    (claim,) = extract_document(Document(id="d", body="Crude rose to US$58.24 per barrel."))
    assert claim.quantity.per == "barrel"
    assert claim.quantity.text == "US$58.24 per barrel"
    assert '"per":"barrel"' in claim.model_dump_json()


def test_per_is_in_the_json_schema() -> None:
    from factcheck.models import Claim

    props = Claim.model_json_schema()["$defs"]["Quantity"]["properties"]
    assert "per" in props


# Readings on a scale (data: <lang>/units.yaml scales). Pattern from dev: ecuador-quake-2016
# and mexico-quake-2017, where magnitudes were read as death tolls ("7,1 muertos").
@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("The 7.8-magnitude quake hit the coast, killing 413 people.", "7.8-magnitude"),
        ("A magnitude 7.8 earthquake killed 413 people.", "7.8"),
        ("217 muertos a causa del terremoto de magnitud 7,1 en México", "7,1"),
        (
            "El terremoto de 7,8 grados en la escala de Richter mató a 350 personas.",
            "7,8 grados en la escala de Richter",
        ),
        ("The quake measured 7.1 on the Richter scale.", "7.1 on the Richter scale"),
        ("un terremoto di magnitudo 7,1", "7,1"),
        # pattern from dev (vice-sube-413): the noun and a decimal, with no scale word
        ("Sube a 413 muertos el saldo del terremoto de 7,8 en la zona costera de Ecuador", "7,8"),
        ("A 7.8 quake struck the coast and killed 413 people.", "7.8"),
    ],
)
def test_a_magnitude_is_a_reading_not_a_count(text: str, written: str) -> None:
    c = next(c for c in extract_text(text) if c.quantity.text == written)
    assert (c.quantity.unit, c.event_class) == ("richter", None)
    assert all(c.event_class == "killed" for c in extract_text(text) if c.quantity.unit is None and c.event_class)


@pytest.mark.parametrize(
    "text",
    [
        # written for this test: beside the noun, only a decimal below 10 is a reading
        "The 2017 quake killed 370 people.",
        "There were 150 quakes in a week.",
        "El terremoto de 1985 dejó 10.000 muertos.",
        "Un sismo de 20 segundos sacudió la ciudad.",
    ],
)
def test_no_reading_without_its_decimal(text: str) -> None:
    assert all(c.quantity.unit != "richter" for c in extract_text(text))
