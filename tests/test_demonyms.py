"""Adjectives of nationality of every language (``data/<language>/places.yaml`` demonyms
and ``data/demonyms.yaml``): the tables are consistent, and a lower-case adjective places
an article that names no country and classes the people a figure counts (issue 19).
Sentences are written for the tests, in the shape of world news in those languages; none
comes from the corpora."""

from __future__ import annotations

from importlib import resources

import pycountry
import pytest
import yaml

from factcheck import extract_text
from factcheck.extraction.countries import demonym_countries
from factcheck.extraction.demonyms import _corrections, nationality
from factcheck.extraction.timewords import languages
from factcheck.gazetteer import fold, gazetteer
from factcheck.vocabulary import _UniqueKeyLoader


def _demonyms(lang: str) -> dict[str, str]:
    # read with the loader that refuses a key given twice (the package's reader keeps the last)
    path = resources.files("factcheck") / "data" / lang / "places.yaml"
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeyLoader)  # noqa: S506 - a safe loader
    words: dict[str, str] = data["demonyms"]
    return words


def test_every_demonym_names_one_existing_country() -> None:
    # one word (and each form the reader derives with -s and -es), one ISO code, in every
    # language together: the gazetteer keeps one table for all of them
    codes: dict[str, set[str]] = {}
    for lang in languages("places"):
        for word, code in _demonyms(lang).items():
            assert pycountry.countries.get(alpha_2=code) is not None, (lang, word, code)
            for form in (word, word + "s", word + "es"):
                codes.setdefault(fold(form), set()).add(code)
    assert not {form: found for form, found in codes.items() if len(found) > 1}
    fixes = _corrections()
    for code in fixes.names:
        assert pycountry.countries.get(alpha_2=code) is not None, code
    for code in fixes.skip:
        # countryinfo still lists the Netherlands Antilles (AN), withdrawn from ISO 3166-1 in 2010
        known = pycountry.countries.get(alpha_2=code) or pycountry.historic_countries.get(alpha_2=code)
        assert known is not None, code
    names = [fold(name) for name in fixes.names.values()]
    assert len(names) == len(set(names))


def test_demonyms_are_read_or_left_to_the_place_they_name() -> None:
    # a word the gazetteer does not read as its country's is another place's name
    # ("portuguesa" is a state of Venezuela, "sueca" a town of Spain)
    gaz = gazetteer()
    for lang in ("es", "pt", "it"):
        for word, code in _demonyms(lang).items():
            found = gaz.country_of_demonym(word)
            if found is None:
                assert any(e.country != code or e.kind != "country" for e in gaz.by_name[fold(word)]), (lang, word)
            else:
                assert found == code, (lang, word)


# (language, word): left out of the tables, as another sense is commoner in news (see the
# comments in each places.yaml)
LEFT_OUT = [
    ("es", "indio"),  # also an indigenous American
    ("es", "india"),
    ("es", "chino"),  # "el Chino", a nickname in crime news
    ("es", "inglés"),  # "por sus siglas en inglés"
    ("es", "francés"),
    ("es", "alemán"),  # "la Costera Miguel Alemán"
    ("pt", "índio"),
    ("pt", "israelita"),
    ("pt", "alemão"),  # "o Complexo do Alemão"
    ("pt", "guineense"),  # Guinea and Guinea-Bissau
    ("it", "russo"),  # surnames
    ("it", "greco"),
    ("it", "giordano"),
    ("it", "inglese"),
    ("it", "serbo"),  # "ha in serbo", in store
]


@pytest.mark.parametrize(("lang", "word"), LEFT_OUT)
def test_ambiguous_words_are_no_demonyms(lang: str, word: str) -> None:
    assert word not in _demonyms(lang)
    assert gazetteer().country_of_demonym(word) is None


# (language, text naming no country, the country it is placed in): developed on, written
# for issue 19 in the shape of wire copy about other countries
PLACED = [
    ("es", "Al menos 12 personas murieron en la ciudad paquistaní de Karachi.", "PK"),
    ("es", "El terremoto turco dejó 300 muertos, según el gobierno.", "TR"),
    ("es", "Las autoridades griegas rescataron a 40 migrantes.", "GR"),
    ("es", "La policía iraquí detuvo a 15 sospechosos.", "IQ"),
    ("pt", "Segundo a polícia indonésia, 14 pessoas morreram no deslizamento.", "ID"),
    ("pt", "O governo paquistanês confirmou 20 mortos nas enchentes.", "PK"),
    ("pt", "O regime norte-coreano disparou 3 mísseis.", "KP"),
    ("it", "Le autorità turche hanno detto che 23 persone sono morte nel terremoto.", "TR"),
    ("it", "Le autorità giapponesi hanno evacuato 5.000 persone.", "JP"),
    ("it", "La polizia marocchina ha fermato 9 persone.", "MA"),
]


@pytest.mark.parametrize(("lang", "text", "country"), PLACED)
def test_an_adjective_of_nationality_places_an_article(lang: str, text: str, country: str) -> None:
    assert demonym_countries(text) == [country]
    claims = extract_text(text, language=lang)
    assert claims and all(c.place is not None and c.place.country == country for c in claims)


# (language, text, country not to be placed in): regressions of the words left out
NOT_PLACED = [
    ("es", "La Organización Mundial de la Salud (OMS, por sus siglas en inglés) contó 12 muertos.", "GB"),
    ("es", "Médicos Sin Fronteras (MSF, por sus siglas en francés) atendió a 30 heridos.", "FR"),
    ("pt", "A polícia matou 8 pessoas no Complexo do Alemão.", "DE"),
    ("it", "Il sindaco Russo ha detto che 4 persone sono morte.", "RU"),
    # a compound is read whole: "latino-americanos" are no Americans of the United States
    ("pt", "Entre os 30 mortos há migrantes latino-americanos.", "US"),
]


@pytest.mark.parametrize(("lang", "text", "country"), NOT_PLACED)
def test_words_of_other_senses_place_nothing(lang: str, text: str, country: str) -> None:
    assert country not in demonym_countries(text)
    assert all(c.place is None or c.place.country != country for c in extract_text(text, language=lang))


# (language, text, quantity as written, class): nationals counted by their nationality
COUNTED = [
    ("es", "Entre los muertos hay 12 nigerianos.", "12", "Nigerian"),
    ("es", "Entre las víctimas hay 4 paquistaníes.", "4", "Pakistani"),
    ("pt", "Entre os mortos há 13 nigerianos.", "13", "Nigerian"),
    ("pt", "Entre os feridos há 5 alemães.", "5", "German"),
    ("it", "Tra i morti ci sono 13 nigeriani.", "13", "Nigerian"),
    ("it", "Tra i feriti ci sono 7 messicani.", "7", "Mexican"),
]


@pytest.mark.parametrize(("lang", "text", "written", "cls"), COUNTED)
def test_nationals_are_counted_by_their_nationality(lang: str, text: str, written: str, cls: str) -> None:
    assert {c.quantity.text: c.subject_class for c in extract_text(text, language=lang)}[written] == cls


def test_nationality_of_words_in_each_language() -> None:
    assert [nationality(w) for w in ("turcos", "turcos", "turchi", "paquistanesas", "coreanos")] == [
        "Turkish",
        "Turkish",
        "Turkish",
        "Pakistani",
        "South Korean",
    ]
