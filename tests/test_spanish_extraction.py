"""Spanish vocabulary tables (data/es/) through extraction, one table per test: qualifiers,
events, subjects, attribution, and dates that are never claims.

Every sentence is written for these tests in the style of ../shared/dev (never copied); the
comment on each table names the dev pattern it imitates. Known failures of the pipeline are
strict xfails, so a fix is noticed."""

from __future__ import annotations

import pytest

from factcheck.extraction import extract_text
from factcheck.models import Claim


def claims(text: str) -> list[Claim]:
    return extract_text(text, language="es")


def only(text: str) -> Claim:
    found = claims(text)
    assert len(found) == 1, [c.quantity.text for c in found]
    return found[0]


# pattern from dev: leads of honduras-prison-2023 ("Al menos 41 reclusas murieron"),
# ecuador-quake-2016 ("más de 600"), juarez-fire-2023 ("cerca de 40"), otis-2023 ("ráfagas de
# hasta 270 km/h"), and toll updates ("elevó la cifra hasta 46", exact)
QUALIFIERS = [
    ("Al menos 31 reclusas murieron en el penal.", 31, "at_least"),
    ("Por lo menos 12 policías resultaron heridos.", 12, "at_least"),
    ("Como mínimo 8 casas quedaron destruidas.", 8, "at_least"),
    ("Más de 600 personas murieron en el terremoto.", 600, "more_than"),
    ("Poco más de 200 migrantes estaban en la estación.", 200, "more_than"),
    ("Unos 100 reos se fugaron del penal.", 100, "approximately"),
    ("Cerca de 40 mujeres fallecieron en el motín.", 40, "approximately"),
    ("Alrededor de 300 viviendas colapsaron.", 300, "approximately"),
    ("Aproximadamente 900 reclusas estaban en el penal.", 900, "approximately"),
    ("Casi 40 reclusos murieron en dos cárceles.", 40, "nearly"),
    ("Menos de 10 personas resultaron heridas.", 10, "less_than"),
    ("El huracán trajo vientos de hasta 270 kilómetros por hora.", 270, "at_most"),
    ("Un portavoz elevó la cifra hasta 46.", 46, "exact"),
    ("El sismo dejó 20 o más muertos en la costa.", 20, "at_least"),
]


@pytest.mark.parametrize(("text", "value", "qualifier"), QUALIFIERS)
def test_qualifiers(text: str, value: float, qualifier: str) -> None:
    claim = next(c for c in claims(text) if c.quantity.value == value)
    assert claim.quantity.qualifier == qualifier


# pattern from dev: the event words of all five clusters, one sentence per event class
EVENTS = [
    ("Murieron 46 reclusas en el penal.", "46", "killed"),
    ("Al menos 46 reclusas perdieron la vida.", "46", "killed"),
    ("El sismo dejó un saldo de 45 muertos.", "45", "killed"),
    ("Se reportan 217 fallecidos en el país.", "217", "killed"),
    ("Hay 2.527 heridos en la provincia.", "2.527", "injured"),
    ("Unas 28 personas resultaron lesionadas.", "28", "injured"),
    ("Hay 47 desaparecidos tras el huracán.", "47", "missing"),
    ("Cinco agentes fueron detenidos por el incendio.", "Cinco", "detained"),
    ("Los reos mantienen 53 guardias retenidos.", "53", "held"),
    ("12 personas fueron rescatadas con vida de los escombros.", "12", "rescued"),
    ("Unas 5.000 personas fueron evacuadas de la costa.", "5.000", "evacuated"),
    ("El huracán dejó 20.000 damnificados.", "20.000", "displaced"),
    ("Unos 500 elementos fueron desplegados en Acapulco.", "500", "deployed"),
    ("Unos 100 reos se fugaron del penal.", "100", "escaped"),
    ("Unas 300 viviendas colapsaron en la ciudad.", "300", "damaged"),
]


@pytest.mark.parametrize(("text", "number", "event"), EVENTS)
def test_events(text: str, number: str, event: str) -> None:
    claim = next(c for c in claims(text) if number in c.quantity.text)
    assert claim.event_class == event


# pattern from dev: how Honduran, Mexican and Ecuadorian officials and papers name who is counted
SUBJECTS = [
    ("Murieron 46 privadas de libertad.", "inmate"),
    ("Murieron 41 reclusas.", "inmate"),
    ("Fueron detenidos 12 guías penitenciarios.", "guard"),
    ("Llegaron 500 elementos de la Guardia Nacional.", "soldier"),
    ("Resultaron heridos 30 policías.", "police officer"),
    ("Murieron 39 migrantes.", "migrant"),
    ("Fueron rescatados 5 niños.", "child"),
    ("Colapsaron 200 viviendas.", "home"),
    ("Resultaron dañadas 3 escuelas.", "school"),
    ("Fueron evacuados 7 empleados.", "employee"),
    ("Hay 2.527 heridos.", "person"),
]


@pytest.mark.parametrize(("text", "subject_class"), SUBJECTS)
def test_subjects(text: str, subject_class: str) -> None:
    assert only(text).subject_class == subject_class


# pattern from dev: attribution before and after the figure (all clusters)
SOURCES = [
    ("Al menos 40 reclusas murieron, según la Secretaría de Seguridad.", "la Secretaría de Seguridad"),
    ("La Secretaría de Seguridad informó que 46 reclusas murieron.", "La Secretaría de Seguridad"),
    (
        "De acuerdo con el Instituto Nacional de Migración, 68 migrantes estaban alojados.",
        "el Instituto Nacional de Migración",
    ),
    ("Un total de 602 personas murieron, según reportaron las autoridades.", "las autoridades"),
    ("Según fuentes oficiales, 41 reclusas murieron.", "fuentes oficiales"),
    ("Según información extraoficial, el incendio dejó 39 muertos.", "información extraoficial"),
    ("Protección Civil confirmó 217 fallecidos.", "Protección Civil"),
    ("Hasta el momento se reportan 27 muertos.", None),
    ("Se registraron 40 muertos en la estación.", None),
]


@pytest.mark.parametrize(("text", "source"), SOURCES)
def test_sources(text: str, source: str | None) -> None:
    claim = only(text)
    assert (claim.source.name if claim.source else None) == source


# pattern from dev: a source after a closing verb, with a lower-case title (ecuador-quake-2016
# "..., dijo el presidente X") or unnamed (honduras-prison-2023 "..., informaron fuentes oficiales")
CLOSING = [
    ("La cifra de muertos asciende a 77, dijo el presidente Rafael Correa.", "Rafael Correa"),
    # a title and a name in apposition: the source is the person, as other reports name them
    ("Hay 350 muertos, según ha comunicado el presidente del país, Rafael Correa.", "Rafael Correa"),
    ("Son 90 los fallecidos, dijo la gobernadora del estado, Marta Ruiz.", "Marta Ruiz"),
    ("La cifra bajó a 45, ya que el Gobierno había informado 48 muertos.", "el Gobierno"),
    ("Al menos 41 reclusas murieron, informaron las autoridades.", "las autoridades"),
]


# pattern from dev: a quote whose closing verb leaves the speaker out, the one named in the
# sentence before (mexico-quake-2017 "«Se reportan ...: 86 en ...», ha indicado en un mensaje")
def test_quote_with_an_elided_speaker_takes_the_last_named() -> None:
    text = (
        "La coordinadora de Protección Civil, Ana Ruiz Soto, informó que hay 30 muertos. "
        '"Se reportan 30 fallecidos: 12 en Puebla y 18 en Morelos", ha indicado en un mensaje.'
    )
    assert [c.source.name if c.source else None for c in claims(text)][-2:] == ["Ana Ruiz Soto"] * 2


# pattern from dev: "X, ha informado en su cuenta de Twitter de que ..." (mexico-quake-2017):
# the phrase after the verb says where, the speaker is the one before it
def test_speaker_before_a_verb_of_where() -> None:
    text = "El ministro del Interior, Juan Pérez Gil, ha informado en su cuenta de Twitter de que hay 50 muertos."
    claim = claims(text)[-1]
    assert claim.source is not None and claim.source.name == "Juan Pérez Gil"


@pytest.mark.parametrize(("text", "source"), CLOSING)
def test_sources_after_a_closing_verb(text: str, source: str) -> None:
    claim = claims(text)[-1]
    assert claim.source is not None and claim.source.name == source


# pattern from dev: tolls given after the verb, the counted noun after the figure
# (ecuador-quake-2016 "subieron a 246 el número de fallecidos y a 2.527 los heridos")
POSTPOSED = [
    ("Las autoridades subieron a 246 el número de fallecidos.", "person", "killed"),
    ("La cifra subió a 2.527 los heridos.", "person", "injured"),
    ("Fijó en 443 el número de fallecidos y en 231 el de desaparecidos.", "person", "killed"),
]


@pytest.mark.parametrize(("text", "subject_class", "event"), POSTPOSED)
def test_postposed_subject(text: str, subject_class: str, event: str) -> None:
    claim = claims(text)[0]
    assert (claim.subject_class, claim.event_class) == (subject_class, event)


# pattern from dev: a toll broken down by place (mexico-quake-2017 "217 fallecidos: 86 en
# Ciudad de México, 71 en Morelos ... y uno en Oaxaca"; "son 186; Morelos, 74; Guerrero seis")
def test_list_items_share_the_head() -> None:
    found = claims("Se reportan 217 fallecidos: 86 en Ciudad de México, 12 en Estado de México y uno en Oaxaca.")
    assert [(c.quantity.value, c.subject_class, c.event_class) for c in found] == [
        (217, "person", "killed"),
        (86, "person", "killed"),
        (12, "person", "killed"),
        (1, "person", "killed"),
    ]


# pattern from dev: mexico-quake-2017 "19 de septiembre", otis-2023 "a las 00:25 horas"
NOT_CLAIMS = [
    "El sismo del 19 de septiembre de 2017 sacudió la capital.",
    "El huracán tocó tierra a las 00:25 horas del miércoles 25 de octubre.",
    "El motín ocurrió el martes 20 de junio en Támara.",
]


@pytest.mark.parametrize("text", NOT_CLAIMS)
def test_dates_are_not_claims(text: str) -> None:
    # a written day or clock time of an event is a moment claim (test_momentclaims.py), never a figure
    assert [c.quantity.text for c in claims(text) if not c.moment] == []


# pattern from dev: otis-2023 "16 mil 601 viviendas", juarez-fire-2023 "cuarenta y seis"
NUMBERS = [
    ("El huracán dañó 16 mil 601 viviendas.", 16601),
    ("Murieron cuarenta y seis reclusas.", 46),
    ("Hay 2.527 heridos.", 2527),
    ("Medio centenar de policías llegaron al penal.", 50),
]


@pytest.mark.parametrize(("text", "value"), NUMBERS)
def test_numbers_in_claims(text: str, value: float) -> None:
    assert [c.quantity.value for c in claims(text)] == [value]


# The Italian folder (data/it/), written on the Spanish model; Portuguese is read with the
# Spanish data (data/languages.yaml). pattern from dev: the Italian report of otis-2023
ROMANCE = [
    ("it", "Almeno 27 persone sono morte nell'uragano.", 27, "at_least", "person", "killed"),
    ("it", "Più di 220.000 case sono state danneggiate.", 220000, "more_than", "home", "damaged"),
    ("it", "Circa 40 detenuti sono evasi dal carcere.", 40, "approximately", "inmate", "escaped"),
]


@pytest.mark.parametrize(("lang", "text", "value", "qualifier", "subject_class", "event"), ROMANCE)
def test_italian(lang: str, text: str, value: float, qualifier: str, subject_class: str, event: str) -> None:
    (claim,) = extract_text(text, language=lang)
    q = claim.quantity
    assert (q.value, q.qualifier, claim.subject_class, claim.event_class) == (value, qualifier, subject_class, event)


def test_another_item_of_a_list_by_place_is_no_comparison() -> None:
    # dev: mexico-quake-2017/a7, "42 fallecidos en Morelos, ... y 39 más en Puebla"
    from factcheck import extract_text

    claims = extract_text("Se confirmaron 42 fallecidos en Morelos, 9 en el Estado de México y 39 más en Puebla.")
    c = next(c for c in claims if c.quantity.text == "39")
    assert (c.comparative, c.event_class, c.place.name if c.place else None) == (False, "killed", "Puebla")
    (c,) = extract_text("There were 3,000 more than last year.", language="en")
    assert c.comparative
