"""Short names a document defines for itself: "la Secretaría de Seguridad y Protección
Ciudadana (SSPC)" once, then "la SSPC" (or, misspelt, "la SSCP"). A source written as the
short name is the body the document defined, under its full name and short name, so that
its figures share one source with those given under the full name."""

from __future__ import annotations

import re
from functools import lru_cache

# "Full Name (ACR)" and "Full Name (ACR, por sus siglas en inglés)": capitalised words with
# the short links of a name between them, then the short name in parentheses
_DEFINITION = re.compile(
    r"((?:[A-ZÁÉÍÓÚÑ][\w’'.-]*[ \t]+)(?:(?:de|del|la|las|los|y|e|para|of|the|and|for|on|di|della|per)[ \t]+|"
    r"[A-ZÁÉÍÓÚÑ][\w’'.-]*[ \t]+){0,10}?[A-ZÁÉÍÓÚÑ][\w’'.-]*)[ \t]*\(([A-Z]{2,8})\b[^)]*\)"
)
"""A name never runs over a line break: a headline's last word is no part of the name."""
_DETERMINERS = frozenset({"el", "la", "los", "las", "the", "il", "lo", "l'"})


@lru_cache(maxsize=8)
def definitions(body: str) -> dict[str, str]:
    """Short name -> full name, as the document defines them.

    >>> definitions("La Secretaría de Salud (SSA) informó. Luego la SSA dijo.")
    {'SSA': 'Secretaría de Salud'}
    """
    out: dict[str, str] = {}
    for m in _DEFINITION.finditer(body):
        full, short = m.group(1), m.group(2)
        words = _initialled(full.split(), short)
        while words and words[0].lower() in _DETERMINERS:
            words = words[1:]
        if words and short not in out:
            out[short] = " ".join(words)
    return out


def _initialled(words: list[str], short: str) -> list[str]:
    """The shortest run of words at the end of ``words`` whose capitalised words' initials
    spell ``short`` ("Agentes de la Policía Federal y del Instituto Nacional de Estadística"
    and INE: "Instituto Nacional de Estadística"); all of them when none does.

    >>> _initialled("Agentes de la Policía Federal y del Instituto Nacional de Estadística".split(), "INE")
    ['Instituto', 'Nacional', 'de', 'Estadística']
    """
    for k in range(len(words) - 1, -1, -1):
        if not words[k][:1].isupper():
            continue
        initials = "".join(w[0] for w in words[k:] if w[:1].isupper())
        if initials == short:
            return words[k:]
        if len(initials) > len(short):
            break
    return words


def expand(name: str, body: str) -> str | None:
    """The full name with the short name after it, where ``name`` is (a determiner and) a
    short name the document defines, or the same letters misspelt ("la DVT" for the
    defined DTV); else None.

    >>> expand("La DVT", "la Dirección de Tránsito y Vialidad (DTV) dijo")
    'Dirección de Tránsito y Vialidad (DTV)'
    """
    words = name.split()
    if words and words[0].lower() in _DETERMINERS:
        words = words[1:]
    if len(words) != 1 or not words[0].isupper() or not words[0].isalpha():
        return None
    short = words[0]
    defined = definitions(body)
    if short not in defined:
        same = [d for d in defined if sorted(d) == sorted(short)]
        if len(same) != 1:
            return None
        short = same[0]
    return f"{defined[short]} ({short})"
