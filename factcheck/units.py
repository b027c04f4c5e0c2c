"""Units through pint: one registry with currencies added, and the conversions that let
"less than 36 hours" and "less than 2 days" compare as the same bound."""

from __future__ import annotations

import os
import pickle
from functools import cache
from typing import TYPE_CHECKING, Any

from . import vocabulary

if TYPE_CHECKING:
    import pint


@cache
def registry() -> pint.UnitRegistry[Any]:
    """pint's default registry plus one dimension per currency (no exchange rates: "$5"
    and "€5" are different quantities, never convertible), the hundredths of currencies
    ("cent", "penny", "sen") and the ratios news uses that pint lacks (ppb, basis points).
    Currencies of every language's table are defined here; any other ISO 4217 code when
    it is first named (:func:`canonical`)."""
    ureg = _default_registry()
    subunits: dict[str, str] = {}
    for lang in _table_languages():
        for code, c in vocabulary.units(lang).currencies.items():
            if c.subunit_of is not None:
                subunits[code] = c.subunit_of
            elif code not in ureg:
                ureg.define(f"{code} = [currency_{code}]")
    for code, whole in sorted(subunits.items()):
        if whole not in ureg:
            ureg.define(f"{whole} = [currency_{whole}]")
        ureg.define(f"{code} = 0.01 * {whole}")
    # "parts per billion" and basis points are ratios like pint's ppm and percent
    ureg.define("ppb = 1e-9")
    ureg.define("basis_point = 1e-4")
    # a percentage point is a difference of two percentages, its own dimension: "rose 2
    # percentage points" and "rose 2%" are different claims
    ureg.define("percentage_point = [percentage_point]")
    # readings on a scale ("magnitude 7.8") are a dimension of their own each: never a
    # count, never convertible to anything
    for scale in sorted(scale_units()):
        if scale not in ureg:
            ureg.define(f"{scale} = [{scale}_scale]")
    return ureg


def _default_registry() -> pint.UnitRegistry[Any]:
    """pint's default registry, with pint's own cache of its parsed definitions in the
    user's cache folder (``~/.cache/pint``): built in 0.01 s of CPU instead of 0.15 s from
    the second run on. Where that folder cannot be written, or ``FACTCHECK_PINT_CACHE=0``,
    the registry is parsed afresh each run."""
    import pint  # imported on first use (0.13 s), which `import factcheck` need not pay

    if os.environ.get("FACTCHECK_PINT_CACHE", "1") != "0":
        try:
            cached: pint.UnitRegistry[Any] = pint.UnitRegistry(cache_folder=":auto:")
            return cached
        except (OSError, ValueError, EOFError, pickle.UnpicklingError):
            pass  # an unwritable or damaged cache only costs the parse
    fresh: pint.UnitRegistry[Any] = pint.UnitRegistry()
    return fresh


@cache
def scale_units() -> frozenset[str]:
    """The units of scales with no pint unit ("richter"), from every language's table."""
    return frozenset(name for lang in _table_languages() for name in vocabulary.units(lang).scales)


def _table_languages() -> list[str]:
    """Languages with a units table of their own, English first."""
    from importlib import resources

    folders = sorted(p.name for p in (resources.files("factcheck") / "data").iterdir() if p.is_dir())
    return sorted(folders, key=lambda f: f != "en")


@cache
def canonical(unit: str) -> str:
    """pint's name for a unit as the data table writes it.

    >>> canonical("kilometer"), canonical("USD"), canonical("square_mile")
    ('kilometer', 'USD', 'square_mile')
    """
    return _kept()[0].get(unit) or _pint_name(unit)


def _pint_name(unit: str) -> str:
    ureg = registry()
    if len(unit) == 3 and unit.isupper() and unit not in ureg and unit in iso_currencies():
        ureg.define(f"{unit} = [currency_{unit}]")  # "5 MXN": an ISO 4217 code no table lists
    return str(ureg.Unit(unit))


Conversion = tuple[float, float, str]
"""(factor, offset, base unit): ``value * factor + offset`` is the value in base units."""


@cache
def _kept() -> tuple[dict[str, str], dict[str, Conversion]]:
    """pint's name and conversion of every unit the tables list, kept between runs
    (factcheck/kept.py): most runs then never import pint (0.25 s with numpy) nor build
    its registry. A unit no table lists is asked of pint."""
    from .kept import kept

    return kept("units", _build_kept, libraries=("pint", "numpy"))


def _build_kept() -> tuple[dict[str, str], dict[str, Conversion]]:
    names: dict[str, str] = {}
    for lang in _table_languages():
        table = vocabulary.units(lang)
        for unit in [*table.units, *table.symbols, *table.scales, *table.currencies]:
            names.setdefault(unit, _pint_name(unit))
    conversions: dict[str, Conversion] = {}
    for name in sorted(set(names.values())):
        try:
            conversions[name] = _pint_conversion(name)
        except Exception:  # noqa: BLE001,S112 - pint converts it (or fails) when it is asked
            continue
    return names, conversions


@cache
def iso_currencies() -> frozenset[str]:
    """The ISO 4217 currency codes (pycountry's list, kept in the gazetteer's archive by
    scripts/build_gazetteer.py).

    >>> "MXN" in iso_currencies(), "XYZ" in iso_currencies()
    (True, False)
    """
    from .gazetteer import archive_member

    return frozenset((archive_member("currencies.txt") or b"").decode("ascii").split())


def to_base(value: float, unit: str) -> tuple[float, str]:
    """``value`` of ``unit`` in base units, with the base unit's name.

    >>> to_base(48, "hour") == to_base(2, "day")
    True
    >>> round(to_base(20, "degree_Celsius")[0], 2)
    293.15
    """
    factor, offset, name = _conversion(unit)
    return value * factor + offset, name


@cache
def _conversion(unit: str) -> Conversion:
    """(factor, offset, base unit) of a unit, asked of pint once per unit: pint's own
    conversion costs a quarter of a millisecond, which dominated extraction time."""
    known = _kept()[1].get(unit)
    return known if known is not None else _pint_conversion(unit)


def _pint_conversion(unit: str) -> Conversion:
    ureg = registry()
    if unit == "percent":
        # percentages stay percentages: "19 per cent" is not "0.19" to an editor
        return 1.0, 0.0, "percent"
    if unit in ("degree_Celsius", "degree_Fahrenheit"):
        zero = float(ureg.Quantity(0.0, unit).to("kelvin").magnitude)
        one = float(ureg.Quantity(1.0, unit).to("kelvin").magnitude)
        return one - zero, zero, "kelvin"
    base = ureg.Quantity(1.0, unit).to_base_units()
    return float(base.magnitude), 0.0, str(base.units)
