"""Units through pint: one registry with currencies added, and the conversions that let
"less than 48 hours" and "less than 2 days" compare as the same bound."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from . import vocabulary

if TYPE_CHECKING:
    import pint


@cache
def registry() -> pint.UnitRegistry[Any]:
    """pint's default registry plus one dimension per currency (no exchange rates: "$5"
    and "€5" are different quantities, never convertible)."""
    import pint  # imported on first use: pint costs about 80 ms, which `import factcheck` need not pay

    ureg: pint.UnitRegistry[Any] = pint.UnitRegistry()
    for code in vocabulary.units().currencies:
        if code == "cent":
            continue
        ureg.define(f"{code} = [currency_{code}]")
    ureg.define("cent = 0.01 * USD")
    # a percentage point is a difference of two percentages, its own dimension: "rose 2
    # percentage points" and "rose 2%" are different claims
    ureg.define("percentage_point = [percentage_point]")
    return ureg


@cache
def canonical(unit: str) -> str:
    """pint's name for a unit as the data table writes it.

    >>> canonical("kilometer"), canonical("USD"), canonical("square_mile")
    ('kilometer', 'USD', 'square_mile')
    """
    return str(registry().Unit(unit))


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
def _conversion(unit: str) -> tuple[float, float, str]:
    """(factor, offset, base unit) of a unit, asked of pint once per unit: pint's own
    conversion costs a quarter of a millisecond, which dominated extraction time."""
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
