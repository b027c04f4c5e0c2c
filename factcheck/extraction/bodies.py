"""Public bodies recognised by the shape of their names, not by a list: a capitalised name
headed by an organisational word ("Servicio Nacional de Gestión de Riesgos", "the Ministry
of Health", "la Contraloría General del Estado") or followed by its short name in brackets
("Instituto Nacional de Estadística de Chile (INE)"). A body of any country is named the same
way in every report that names it: without a possessive or a closing "of <country>" that
only repeats the article's own country ("Chile's", "de Chile"), short name kept. The
organisational words are language data (``organisation_heads`` in
``data/<lang>/attribution.yaml``); :mod:`~factcheck.extraction.organisations` keeps the few
bodies news names in more than one language."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from .. import vocabulary
from ..gazetteer import fold, gazetteer

_ACRONYM = re.compile(r"\s*\(([A-ZÁÉÍÓÚÑ][^\W\d_]{1,7})\)\s*$")
_LINKS = frozenset({"de", "del", "of", "the", "di", "della", "do", "da"})
_DETERMINERS = frozenset({"el", "la", "los", "las", "the", "il", "lo", "l'", "o", "a"})


@cache
def _heads() -> frozenset[str]:
    """The organisational head words of every language with data, folded."""
    out: set[str] = set()
    for lang in vocabulary.languages():
        if vocabulary.reads(lang):
            out |= {fold(w) for w in vocabulary.attribution(lang).organisation_heads}
    return frozenset(out)


def is_body(name: str) -> bool:
    """A capitalised name with an organisational head word, or one followed by its short
    name in brackets.

    >>> is_body("la Secretaría de Salud"), is_body("Servicio Geológico Colombiano (SGC)")
    (True, True)
    >>> is_body("Juan Zapata"), is_body("las autoridades locales")
    (False, False)
    """
    words = _words(name)
    if not words or not words[0][:1].isupper():
        return False
    return bool(_ACRONYM.search(name)) or any(w[:1].isupper() and fold(w) in _heads() for w in words)


def _words(name: str) -> list[str]:
    words = _ACRONYM.sub("", name).split()
    while words and words[0].lower() in _DETERMINERS:
        words = words[1:]
    return words


def _country_code(words: list[str]) -> str | None:
    """The ISO code of the country ``words`` name, if they name one."""
    entries = gazetteer().lookup(" ".join(words))
    return next((e.country for e in entries if e.kind == "country"), None)


def body_name(name: str, countries: Iterable[str] = ()) -> str | None:
    """The name of a public body as every report can write it, where ``name`` is a body and
    that name differs from it; else None. ``countries`` are the article's, its own first.

    >>> body_name("el Instituto Nacional de Estadística de Chile (INE)", ["CL"])
    'el Instituto Nacional de Estadística (INE)'
    >>> body_name("Ecuador's National Risk Management Service", ["EC"])
    'National Risk Management Service'
    >>> body_name("el Servicio Meteorológico de Estados Unidos", ["MX"]) is None
    True
    >>> body_name("la Secretaría de Salud del Estado de México", ["MX"]) is None
    True
    >>> body_name("Juan Zapata", ["EC"]) is None
    True
    """
    if not is_body(name):
        return None
    own = set(list(countries)[:1])  # the article's own country: the one it names most
    m = _ACRONYM.search(name)
    words = _ACRONYM.sub("", name).split()
    lead = []
    while words and words[0].lower() in _DETERMINERS:
        lead.append(words.pop(0))  # the article stays as written
    if words and words[0].endswith(("'s", "’s")) and _country_code([words[0][:-2]]) in own:
        words = words[1:]  # "Chile's National Statistics Institute"
    for k in range(len(words) - 1, 1, -1):
        if words[k - 1].lower() in _LINKS and _country_code(words[k:]) in own:
            if gazetteer().lookup(" ".join(words[k - 2 :])):
                break  # "Secretaría de Salud del Estado de México": a state, not the country
            words = words[: k - 1]  # "... de Estadística de Chile", "... of Ecuador"
            while words and words[-1].lower() in _LINKS:
                words = words[:-1]
            break
    if not words:
        return None
    out = " ".join([*lead, *words]) + (f" ({m.group(1)})" if m else "")
    return out if out != name else None
