"""The currency, unit-symbol and rate tables in every language's units.yaml are consistent:
currencies are ISO 4217 codes (or a hundredth of one, or the Spanish country-less peso),
symbols name units pint knows, and no symbol names two units."""

from __future__ import annotations

from collections import Counter

import pycountry
import pytest

from factcheck import vocabulary
from factcheck.extraction.money import iso_codes
from factcheck.units import canonical, to_base

LANGS = ["en", "es", "it"]
_NOT_ISO = {"peso"}  # "pesos" with no country (data/es/units.yaml says why)


@pytest.mark.parametrize("lang", LANGS)
def test_currencies_are_iso_codes_or_subunits(lang: str) -> None:
    table = vocabulary.units(lang)
    for code, c in table.currencies.items():
        if c.subunit_of is not None:
            assert c.subunit_of in table.currencies or pycountry.currencies.get(alpha_3=c.subunit_of)
            assert to_base(100, code) == (1.0, c.subunit_of)
        elif code not in _NOT_ISO:
            assert pycountry.currencies.get(alpha_3=code) is not None, code
        assert canonical(code) == code


@pytest.mark.parametrize("lang", LANGS)
def test_codes_not_currency_are_iso_codes(lang: str) -> None:
    # a stop list entry that is no ISO code would stop nothing
    excluded = vocabulary.units(lang).codes_not_currency
    assert all(pycountry.currencies.get(alpha_3=c) is not None for c in excluded)
    assert not excluded & iso_codes(lang)


@pytest.mark.parametrize("lang", LANGS)
def test_symbols_name_one_pint_unit(lang: str) -> None:
    table = vocabulary.units(lang)
    seen = Counter(s for symbols in table.symbols.values() for s in symbols)
    assert [s for s, n in seen.items() if n > 1] == []
    currency_symbols = {s for c in table.currencies.values() for s in c.symbols_after}
    assert not set(seen) & currency_symbols
    for unit in table.symbols:
        assert canonical(unit)


@pytest.mark.parametrize("lang", LANGS)
def test_rate_words(lang: str) -> None:
    rates = vocabulary.units(lang).rates
    assert rates.weak, "every language writes rates"
    assert not set(rates.per) & set(rates.weak)
    assert all(name == name.lower() for name in rates.nouns.values())
