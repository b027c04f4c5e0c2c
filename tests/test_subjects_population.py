"""What a figure counts, read in its article's context: the population of an incident
(inmates of a women's prison, migrants of a detention centre), classes shared by English
and Spanish (bodies, victims, patients), and phrases where a sex says less than a role.

Tables are labelled by provenance. "pattern from dev: <cluster>/<article>" means the
sentence was written for this test after a pattern seen in that ../shared/dev article
(no article text is copied); "common usage" means ordinary news phrasing."""

from __future__ import annotations

import pytest

from factcheck import extract_text, vocabulary
from factcheck.extraction.population import gender_words, population_of, rules
from factcheck.extraction.taxonomy import classify
from factcheck.extraction.tokens import tokenize


def _classes(text: str, language: str) -> dict[str, str | None]:
    return {c.quantity.text: c.subject_class for c in extract_text(text, language=language)}


# (article text, language, quantity as written, subject class)
POPULATION = [
    # pattern from dev: honduras-prison-2023/expreso-46-muertas (the dead of a women's prison)
    (
        "Un motín en la cárcel de mujeres dejó 30 muertas. Después se contaron 33 mujeres fallecidas.",
        "es",
        "33",
        "inmate",
    ),
    (
        "Un motín en la cárcel de mujeres dejó 30 muertas. Después se contaron 33 mujeres fallecidas.",
        "es",
        "30",
        "inmate",
    ),
    # pattern from dev: honduras-prison-2023/ap-foxnews-41-women
    ("A riot at a women's prison killed at least 30 women. Later 12 women were injured.", "en", "12", "inmate"),
    # pattern from dev: honduras-prison-2023/clicknoticias-al-menos-40 (the inmates named beside the toll)
    ("La pelea entre las internas dejó 20 muertas y 5 heridas.", "es", "5", "inmate"),
    # pattern from dev: juarez-fire-2023/bostonglobe-at-least-40
    ("A fire at a migrant detention facility killed 30 people. Another 20 people were injured.", "en", "20", "migrant"),
    # pattern from dev: juarez-fire-2023/lasillarota-40-muertos-28-heridos
    ("Murieron 30 migrantes en el incendio. Además, 20 personas resultaron heridas.", "es", "20", "migrant"),
    # pattern from dev: juarez-fire-2023/jornada-38-muertos-30-heridos (a sex alone keeps its class)
    ("Murieron 30 migrantes en el incendio. En el lugar había 15 mujeres.", "es", "15", "woman"),
    # pattern from dev: honduras-prison-2023/trtworld-at-least-41 (a later sentence gives the sex)
    (
        "Dozens of inmates died in a jail riot. A riot at a women's prison killed at least 30 women.",
        "en",
        "at least 30",
        "inmate",
    ),
    # pattern from dev: honduras-prison-2023/noticiasyprotagonistas-41 (a toll with no noun decides nothing)
    (
        "Al menos 20 de ellas murieron calcinadas. Al menos 30 reclusas murieron. Hubo 10 muertas más.",
        "es",
        "10",
        "inmate",
    ),
    # pattern from dev: juarez-fire-2023/washpost-at-least-38 (a headline with no noun, its facility named)
    ("Fire at migrant center kills at least 30\nThe fire killed at least 30 people.", "en", "at least 30", "migrant"),
    # common usage: a prison or migrants a quake's toll includes are a part of it, not its population
    (
        "El sismo dejó 30 muertos, entre ellos 5 reos de la cárcel. Después se contaron 40 muertos.",
        "es",
        "40",
        "person",
    ),
    ("The quake killed 100 people, including migrants. Another 20 people were injured.", "en", "20", "person"),
    # common usage: a quake has no population, whatever a later paragraph mentions
    (
        "The quake killed 300 people. About 100 inmates escaped from a prison, and 20 people died there.",
        "en",
        "20",
        "person",
    ),
]


@pytest.mark.parametrize(("text", "lang", "written", "cls"), POPULATION)
def test_population_of_an_incident(text: str, lang: str, written: str, cls: str) -> None:
    assert _classes(text, lang)[written] == cls


# (text, language, quantity as written, subject class): one class in both languages
SHARED_CLASSES = [
    # pattern from dev: honduras-prison-2023/telemadrid-elevan-46
    ("La morgue recibió 40 cuerpos.", "es", "40", "body"),
    ("The morgue received 40 bodies.", "en", "40", "body"),
    # pattern from dev: juarez-fire-2023/eluniversal-suman-39
    ("En el hospital había 15 pacientes.", "es", "15", "patient"),
    ("The hospital treated 15 patients.", "en", "15", "patient"),
    # pattern from dev: juarez-fire-2023/mochilaalhombro-se-eleva-40
    ("Cinco víctimas fueron trasladadas.", "es", "Cinco", "victim"),
    # pattern from dev: honduras-prison-2023/elmanana-41-reclusas
    ("En 2017 murieron 41 niñas en un refugio.", "es", "41", "girl"),
    ("In 2017 a fire killed 41 girls at a shelter.", "en", "41", "girl"),
    # pattern from dev: otis-2023/extremonoticias-45-47
    ("Se han localizado 29 embarcaciones hundidas.", "es", "29", "vessel"),
    # pattern from dev: otis-2023/headtopics-48-seis-desaparecidos
    ("Hay más de 200 mil viviendas afectadas.", "es", "más de 200 mil", "home"),
]


@pytest.mark.parametrize(("text", "lang", "written", "cls"), SHARED_CLASSES)
def test_classes_shared_by_languages(text: str, lang: str, written: str, cls: str) -> None:
    assert _classes(text, lang)[written] == cls


@pytest.mark.parametrize(
    ("words", "lang", "cls"),
    [
        # pattern from dev: honduras-prison-2023/telemadrid-elevan-46
        (["mujeres", "presas"], "es", "inmate"),
        # common usage
        (["female", "inmates"], "en", "inmate"),
        (["niños", "migrantes"], "es", "migrant"),
        # pattern from dev: juarez-fire-2023/lagaceta-39-muertos-29-heridos (two demographic words)
        (["hombres", "adultos"], "es", "man"),
        # pattern from dev: honduras-prison-2023/elmanana-41-reclusas (a shelter is no person)
        (["niñas", "de", "un", "refugio"], "es", "girl"),
    ],
)
def test_a_sex_says_less_than_a_role(words: list[str], lang: str, cls: str) -> None:
    assert classify(words, lang)[0] == cls


def test_population_of_a_sentence() -> None:
    # pattern from dev: honduras-prison-2023/telemadrid-elevan-46 (a sex given by an adjective)
    pop = population_of(tokenize("Murieron 46 personas en el Centro Penitenciario Femenino."), "person", "es")
    assert pop is not None and (pop.cls, pop.gender) == ("inmate", "woman")
    assert population_of(tokenize("The storm killed 45 people."), "person", "en") is None


def test_population_rules_are_consistent() -> None:
    r = rules()
    known = vocabulary.subject_classes()
    assert set(r.genders) <= set(r.demographic)
    for facility, occupants in r.occupants.items():
        assert "person" not in known[facility].broader and "person" in known[occupants].broader
    for lang in vocabulary.languages():
        assert set(gender_words(lang)) == set(r.genders), lang


# (text, language, quantity as written, subject class): nationals by their English demonym
NATIONALITIES = [
    # pattern from dev: juarez-fire-2023/diarioelvistazo-aumenta-40
    ("Entre los muertos hay seis hondureños y 18 guatemaltecos.", "es", "seis", "Honduran"),
    ("Entre los muertos hay seis hondureños y 18 guatemaltecos.", "es", "18", "Guatemalan"),
    # pattern from dev: juarez-fire-2023/elpasotimes-39-dead-29-injured
    ("Officials confirmed 28 Guatemalan nationals were among the victims.", "en", "28", "Guatemalan"),
    # pattern from dev: otis-2023/abc-58-missing-46-dead
    ("The missing include 11 Americans.", "en", "11", "American"),
    # common usage: an occupation says more than a nationality; a demonym that is no head
    ("The attack killed 3 Mexican soldiers.", "en", "3", "soldier"),
    ("Two Mexican companies won the contract.", "en", "Two", None),
    ("The state has 13 national parks.", "en", "13", None),
]


@pytest.mark.parametrize(("text", "lang", "written", "cls"), NATIONALITIES)
def test_nationals_count_their_nationality(text: str, lang: str, written: str, cls: str | None) -> None:
    assert _classes(text, lang)[written] == cls


def test_demonym_corrections_name_countries() -> None:
    from factcheck.extraction.demonyms import _corrections, demonym_class

    fixes = _corrections()
    for code, name in fixes.names.items():
        assert demonym_class(code) == name
    assert not set(fixes.names) & set(fixes.skip)
