"""Nationalities as classes of what is counted: "28 Guatemalans", "13 hondureños" and
"seis hondureñas" all count the class ``Honduran`` or ``Guatemalan``, named by the
English demonym whatever the language. English demonyms come from the countryinfo
package (kept in the gazetteer's archive), corrected by ``data/demonyms.yaml``; words of other languages are the
gazetteer's."""

from __future__ import annotations

from functools import cache, lru_cache
from importlib import resources

from pydantic import BaseModel, ConfigDict

from .. import vocabulary
from ..gazetteer import english_demonyms, fold, gazetteer

__all__ = ["demonym_class", "is_nationality", "nationality"]


class _Corrections(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    names: dict[str, str]
    skip: list[str]


@cache
def _corrections() -> _Corrections:
    path = resources.files("factcheck") / "data" / "demonyms.yaml"
    return _Corrections.model_validate(vocabulary.parse_yaml(path.read_text(encoding="utf-8")))


@cache
def _tables() -> tuple[dict[str, str], dict[str, str]]:
    """(ISO code -> English demonym, folded English demonym and its plural -> ISO code).
    Where two countries share a demonym ("Dominican", "Congolese") the more populous has it."""
    fixes = _corrections()
    rows: list[tuple[int, str, str]] = []
    for code, demonym, population in english_demonyms():
        if code in fixes.skip:
            continue
        written = fixes.names.get(code) or demonym
        if written:
            rows.append((-population, code, written))
    names: dict[str, str] = {}
    codes: dict[str, str] = {}
    for _, code, written in sorted(rows):
        names.setdefault(code, written)
        for form in (written, written + "s"):
            codes.setdefault(fold(form), code)
    return names, codes


def demonym_class(code: str) -> str | None:
    """The class name of the nationals of the country ``code``.

    >>> demonym_class("SV"), demonym_class("US"), demonym_class("GB")
    ('Salvadoran', 'American', 'British')
    """
    return _tables()[0].get(code)


@lru_cache(maxsize=8192)
def nationality(word: str) -> str | None:
    """The nationality class a word names, in any language the gazetteer reads.

    >>> nationality("hondureños"), nationality("Guatemalans"), nationality("guards")
    ('Honduran', 'Guatemalan', None)
    """
    code = _tables()[1].get(fold(word)) or gazetteer().country_of_demonym(word)
    return demonym_class(code) if code is not None else None


@cache
def _classes() -> frozenset[str]:
    return frozenset(_tables()[0].values())


def is_nationality(cls: str) -> bool:
    """Whether a subject class is a nationality (its nationals are people).

    >>> is_nationality("Honduran"), is_nationality("guard")
    (True, False)
    """
    return cls in _classes()

