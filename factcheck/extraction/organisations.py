"""One name for a public body, whatever language or form the text writes it in: "Peru's
National Civil Defense Institute", "el Instituto Nacional de Defensa Civil" and "el INDECI"
are the source "Instituto Nacional de Defensa Civil (INDECI)", so a Spanish and an English report of the
same body's figure cite the same source. The bodies and their names are data
(``data/organisations.yaml``)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from .. import vocabulary
from .timewords import flat

_LEADING = frozenset({"the", "el", "la", "los", "las", "il", "lo", "l'", "le", "del", "de", "o", "os", "a", "as"})
_TRAILING = frozenset({"authorities", "officials", "autoridades", "funcionarios", "autorità"})
_PARENS = re.compile(r"\s*\(([^)]*)\)\s*$")
_WORD = re.compile(r"[\w'’.]+")


@cache
def _index() -> dict[str, vocabulary.Organisation]:
    out: dict[str, vocabulary.Organisation] = {}
    for org in vocabulary.organisations():
        for written in (org.name, org.acronym, *org.aliases):
            if written:
                out[" ".join(_WORD.findall(flat(written)))] = org
    return out


def canonical_name(name: str, countries: Iterable[str] = ()) -> str | None:
    """The name a listed public body goes by, where ``name`` is one of its names (in a
    document that names its country), else None.

    >>> canonical_name("Peru's National Civil Defense Institute", ["PE"])
    'Instituto Nacional de Defensa Civil (INDECI)'
    >>> canonical_name("Civil Protection authorities", ["EC"]) is None
    True
    """
    index = _index()
    acronym = None
    m = _PARENS.search(name)
    if m:
        acronym = m.group(1).strip()
        name = name[: m.start()]
    words = _WORD.findall(flat(name))
    while words and (words[0] in _LEADING or words[0].endswith(("'s", "’s"))):
        words = words[1:]  # "the", "Mexico's"
    while words and words[-1] in _TRAILING:
        words = words[:-1]  # "Civil Protection authorities"
    org = index.get(" ".join(words)) or (index.get(flat(acronym)) if acronym else None)
    if org is None or (org.country is not None and org.country not in set(countries)):
        return None
    return f"{org.name} ({org.acronym})" if org.acronym else org.name
