"""Fields of incidents the corpora do not hold, sixth session: what six new probes (a school
kidnapping in Nigeria, a plane crash in Nepal, a tower collapse in Lagos, protests in Peru, a
dam burst in Brazil, an avalanche on a hotel in Italy; tests/probes/) showed wrong, each
traced to a general rule. Sentences written for these tests in the shape of such wire copy
(nothing quoted from an article): "developed on" the probe named, checked on the others'
languages as regressions."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck import Document
from factcheck.extraction import extract_document


def figures(text: str, language: str) -> list[tuple[str, str | None]]:
    doc = Document(id="t", body=text, language=language, published=dt.date(2019, 1, 29))
    return [(c.quantity.text, c.subject_class) for c in extract_document(doc) if not c.moment]


# developed on: the kidnapping probe ("287 pupils, a local official said"); regressions: a
# spokesman, Spanish; the conjunct after "and" still counts one
SPEAKER_ARTICLE = [
    ("Gunmen abducted 287 pupils, a local official said.", "en", [("287", "person")]),
    ("The plane carried 72 people, a spokesman for the airline told reporters.", "en", [("72", "person")]),
    ("Murieron 14 mineros, dijo un portavoz de la empresa.", "es", [("14", "worker")]),
    ("Three adults and a minor were detained, police said.", "en", [("Three", "adult"), ("a", "child")]),
]


@pytest.mark.parametrize(("text", "language", "expected"), SPEAKER_ARTICLE)
def test_the_article_of_a_speaker_counts_no_one(
    text: str, language: str, expected: list[tuple[str, str | None]]
) -> None:
    assert figures(text, language) == expected


# developed on: the plane-crash probe ("the ATR 72 aircraft", "un ATR 72 con 71 personas");
# regressions: a code in Italian, a headline in capitals, an agency's acronym before a verb
DESIGNATIONS = [
    ("The ATR 72 aircraft was carrying 68 passengers.", "en", ["68"]),
    ("El aparato, un ATR 72 con 71 personas a bordo, cayó.", "es", ["71"]),
    ("Il volo MH 17 con 298 persone a bordo fu abbattuto.", "it", ["298"]),
    ("TOTAL 324 DEAD in the quake.", "en", ["324"]),
    ("The UN said 50 people died.", "en", ["50"]),
]


@pytest.mark.parametrize(("text", "language", "expected"), DESIGNATIONS)
def test_an_acronym_and_a_number_name_a_model(text: str, language: str, expected: list[str]) -> None:
    assert [written for written, _ in figures(text, language)] == expected


# developed on: the avalanche probe ("la valanga che il 18 gennaio ha travolto l'hotel", eight
# days before the article) and the dam probe ("after a dam burst on Friday"); regressions in
# Spanish and Portuguese; an earlier event named by its noun keeps its day
EVENT_TIMES = [
    ("Si è chiuso con 29 vittime il bilancio della valanga che il 18 gennaio ha travolto l'hotel.", "it", "2019-01-29"),
    ("El balance de la avalancha que el 18 de enero sepultó el hotel llegó a 29 muertos.", "es", "2019-01-29"),
    ("O número de mortos da barragem que na sexta-feira se rompeu chegou a 65.", "pt", "2019-01-29"),
    ("Firefighters said on Monday that 60 people had died after a dam burst on Friday.", "en", "2019-01-28"),
    ("The January 2 quake killed at least 36 people.", "en", "2019-01-02"),
]


@pytest.mark.parametrize(("text", "language", "day"), EVENT_TIMES)
def test_the_day_of_an_event_in_a_clause_of_its_own_dates_no_toll(text: str, language: str, day: str) -> None:
    doc = Document(id="t", body=text, language=language, published=dt.date(2019, 1, 29))
    (claim,) = [c for c in extract_document(doc) if not c.moment]
    assert claim.as_of is not None and str(claim.as_of.date) == day


# developed on: the protest probe ("near the airport in Juliaca": the deaths were in the city,
# not at the airport); regressions in Spanish and Italian; a facility with no word of nearness
# stays the place
LANDMARKS = [
    ("Eighteen people were killed in clashes near the airport in Juliaca, Peru.", "en", ("Juliaca", "city")),
    ("Al menos 17 personas murieron cerca del aeropuerto de Juliaca, en Perú.", "es", ("Juliaca", "city")),
    ("Three inmates were killed in a riot at the prison in Juliaca, Peru.", "en", (None, "facility")),
]


@pytest.mark.parametrize(("text", "language", "place"), LANDMARKS)
def test_a_landmark_gives_way_to_its_town(text: str, language: str, place: tuple[str | None, str]) -> None:
    doc = Document(id="t", body=text, language=language, published=dt.date(2023, 1, 10))
    (claim,) = extract_document(doc)
    assert claim.place is not None and (claim.place.name, claim.place.kind) == place


# developed on: the protest probe ("the deadliest day since unrest broke out in December",
# "desde el inicio de las protestas ..., en diciembre"): the month starts a period; a year
# in such a phrase names an earlier event ("the deadliest since one in 1999 killed 1,000")
def test_a_month_at_the_end_of_a_since_phrase_starts_a_period() -> None:
    texts = [
        (
            "es",
            "El número de fallecidos desde el inicio de las protestas contra el Gobierno, en diciembre, asciende a 39.",
        ),
        ("pt", "Mais de 500 pessoas ficaram feridas desde o início das manifestações, em dezembro."),
        ("en", "Eighteen people were killed, the deadliest day since unrest broke out in December."),
    ]
    for language, text in texts:
        doc = Document(id="t", body=text, language=language, published=dt.date(2023, 1, 10))
        (claim,) = extract_document(doc)
        assert claim.as_of is not None and claim.as_of.date == dt.date(2023, 1, 10), text


# developed on: the protest probe ("the interior ministry said" after "the health ministry
# said"); regressions: a bare "the ministry" and a paraphrase of a named body still refer back
ANOTHER_BODY = [
    (
        "Eighteen people died, the health ministry said. "
        "A police officer was killed overnight, the interior ministry said.",
        "en",
        ["the health ministry", "the interior ministry"],
    ),
    ("The health ministry said 18 died. The ministry said 20 were injured.", "en", ["The health ministry"] * 2),
    (
        "Peru's National Statistics Institute said 30 died. "
        "According to the government-run institute, 12 were children.",
        "en",
        ["National Statistics Institute"] * 2,
    ),
    (
        "Murieron 18 personas, dijo el ministerio de salud. Otras 3 murieron, según el ministerio del interior.",
        "es",
        ["el ministerio de salud", "el ministerio del interior"],
    ),
]


@pytest.mark.parametrize(("text", "language", "sources"), ANOTHER_BODY)
def test_another_description_is_another_body(text: str, language: str, sources: list[str]) -> None:
    doc = Document(id="t", body=text, language=language, published=dt.date(2023, 1, 10))
    assert [c.source.name if c.source else None for c in extract_document(doc)] == sources


# developed on: the avalanche probe ("Nell'albergo si trovavano 40 persone": people at a hotel
# when it happened, an elided article glued to its noun); regressions in French, Spanish and
# for a prison (held) and a hospital (those in it are in hospital, not there when it happened)
PRESENT = [
    ("Nell'albergo si trovavano 40 persone.", "it", "aboard"),
    ("Quarante personnes se trouvaient dans l'hôtel.", "fr", "aboard"),
    ("En la escuela se encontraban 300 alumnos.", "es", "aboard"),
    ("En la cárcel se encontraban 300 reclusos.", "es", "held"),
    ("En el hospital se encontraban 30 personas.", "es", "hospitalized"),
]


@pytest.mark.parametrize(("text", "language", "event"), PRESENT)
def test_people_present_at_a_site_were_there_when_it_happened(text: str, language: str, event: str | None) -> None:
    doc = Document(id="t", body=text, language=language, published=dt.date(2017, 1, 26))
    (claim,) = extract_document(doc)
    assert claim.event_class == event


# developed on: the plane-crash probe ("68 passengers and four crew members" of 72 aboard):
# passengers are a class of their own, narrower than persons
def test_passengers_are_a_part_of_those_aboard() -> None:
    from factcheck.extraction.subjects import ancestors

    doc = Document(id="t", body="The plane carried 68 passengers and four crew members.", language="en")
    assert [c.subject_class for c in extract_document(doc)][0] == "passenger"
    assert "person" in ancestors("passenger")


# developed on: the avalanche probe ("Dei 28 ospiti e 12 dipendenti presenti nella struttura,
# 11 sono stati salvati": the 28 were not rescued); regressions in Spanish and English; a whole
# whose own noun says what happened to it keeps it
PARTITIVE_FRAME = [
    ("Dei 28 ospiti e 12 dipendenti presenti nella struttura, 11 sono stati salvati.", "it", [None, None, "rescued"]),
    ("Of the 72 people aboard, 68 were killed.", "en", ["aboard", "killed"]),
    ("Of the 30 injured, five died in hospital.", "en", ["injured", "killed"]),
]


@pytest.mark.parametrize(("text", "language", "events"), PARTITIVE_FRAME)
def test_the_whole_of_an_opening_partitive_frame_takes_no_event_of_its_part(
    text: str, language: str, events: list[str | None]
) -> None:
    doc = Document(id="t", body=text, language=language, published=dt.date(2017, 1, 26))
    assert [c.event_class for c in extract_document(doc)] == events


# developed on: the quake probe ("La AFAD elevó la cifra de fallecidos en ese país a 5.434");
# regressions: the figure right after the verb, and English
COUNT_OBJECT = [
    ("La AFAD elevó la cifra de fallecidos en ese país a 5.434.", "es", "La AFAD"),
    ("El INM elevó la cifra de muertos a 40.", "es", "El INM"),
    ("Protección Civil elevó a 40 el número de muertos.", "es", "Protección Civil"),
    ("Officials raised the number of dead to 40.", "en", "Officials"),
]


@pytest.mark.parametrize(("text", "language", "source"), COUNT_OBJECT)
def test_who_raised_the_count_gives_it(text: str, language: str, source: str) -> None:
    doc = Document(id="t", body=text, language=language, published=dt.date(2023, 2, 8))
    (claim,) = extract_document(doc)
    assert claim.source is not None and claim.source.name == source


# developed on: the quake probe ("struck southern Turkey and northern Syria": the toll of both
# countries, placed in Syria alone); a regression without the words of direction
@pytest.mark.parametrize(
    "text",
    [
        "The death toll from the earthquake that struck southern Turkey and northern Syria rose above 5,000.",
        "The death toll from the earthquake that struck Turkey and Syria rose above 5,000.",
    ],
)
def test_places_listed_with_words_of_direction_are_one_region(text: str) -> None:
    (claim,) = extract_document(Document(id="t", body=text, language="en"))
    assert claim.place is not None and claim.place.parts == ("Turkey", "Syria")


# developed on: the truck probe ("en las afueras de San Antonio, Texas" in an article that names
# only Mexico, by its foreign minister); the corpora's articles keep their places (corpus.py)
def test_the_leads_places_add_the_country_they_imply() -> None:
    body = (
        "La cifra de migrantes muertos hallados en un tráiler en las afueras de San Antonio, Texas, "
        "subió este martes a 51. El canciller de México, Marcelo Ebrard, dijo que entre las "
        "víctimas había 22 mexicanos."
    )
    claims = extract_document(Document(id="t", body=body, language="es", published=dt.date(2022, 6, 29)))
    assert [c.place.country if c.place else None for c in claims if not c.moment][0] == "US"


# developed on: the shooting probe ("officials had said that at least 22 people had died, a
# figure that was later revised", against 18 the next day): the text says the higher,
# earlier figure was revised, so no toll fell
def test_an_earlier_figure_the_text_calls_revised_is_no_fall() -> None:
    from factcheck import check

    a = Document(
        id="a",
        body="Eighteen people were killed in Wednesday's shootings, the state police said. "
        "Earlier, officials had said that at least 22 people had died, a figure that was later revised.",
        language="en",
        published=dt.date(2023, 10, 26),
    )
    b = Document(
        id="b", body="Eighteen people were killed on Wednesday.", language="en", published=dt.date(2023, 10, 26)
    )
    loud = [f for f in check([a, b]).conflicts if f.severity != "info"]
    assert loud == []


# developed on: dev juarez-fire-2023 (a list of nationalities whose one item carried an aside,
# "13 (the consulate said five of them died)": the next item took "died"); regression in English
def test_an_aside_in_brackets_sets_nothing_for_the_next_items() -> None:
    body = (
        "En total, 68 personas de seis nacionalidades estaban ingresadas en el centro de detención:\n"
        "- Guatemala: 28\n- Honduras: 13 (el consulado informó que serían cinco los fallecidos)\n- Venezuela: 13\n"
    )
    claims = extract_document(Document(id="t", body=body, language="es", published=dt.date(2023, 3, 29)))
    events = {c.quantity.start: c.event_class for c in claims}
    last = max(events)  # Venezuela's 13, after the aside
    assert events[last] == events[min(k for k in events if body[k : k + 2] == "28")]


# developed on: the truck probe ("Of the dead, 40 were men and 13 were women"; "27 of the
# victims were Mexican nationals"); regressions in Spanish; a predicate that names no sex, age
# or nationality is no counted class
PREDICATE_NOUNS = [
    ("Of the dead, 40 were men and 13 were women.", "en", [("man", "killed"), ("woman", "killed")]),
    ("27 of the victims were Mexican nationals.", "en", [("Mexican", "killed")]),
    ("Five of the injured were children.", "en", [("child", "injured")]),
    ("De los fallecidos, 39 eran hombres y 12 eran mujeres.", "es", [("man", "killed"), ("woman", "killed")]),
    ("Three of the dead were in the building.", "en", [("person", "killed")]),
]


@pytest.mark.parametrize(("text", "language", "expected"), PREDICATE_NOUNS)
def test_a_predicate_of_sex_age_or_nationality_names_the_counted(
    text: str, language: str, expected: list[tuple[str, str]]
) -> None:
    doc = Document(id="t", body=text, language=language, published=dt.date(2022, 6, 30))
    assert [(c.subject_class, c.event_class) for c in extract_document(doc)] == expected


# developed on: dev juarez-fire-2023 and otis-2023 ("the list of dead and injured included 28
# Guatemalans", "approximately 100 people are dead or missing": the gold reads the latter as a
# count of its own, dead or missing); regressions where each figure has its own event
PAIRED_EVENTS = [
    ("The list of dead and injured included 28 Guatemalans and 13 Hondurans.", "en", [None, None]),
    ("Officials report that approximately 100 people are dead or missing.", "en", [None]),
    ("The fire killed 38 and injured 30.", "en", ["killed", "injured"]),
    ("There were 38 dead and 30 injured.", "en", ["killed", "injured"]),
    ("La lista de muertos y heridos incluye a 28 guatemaltecos.", "es", [None]),
]


@pytest.mark.parametrize(("text", "language", "events"), PAIRED_EVENTS)
def test_a_group_named_by_two_events_is_no_count_of_either(text: str, language: str, events: list[str | None]) -> None:
    doc = Document(id="t", body=text, language=language, published=dt.date(2023, 3, 29))
    assert [c.event_class for c in extract_document(doc)] == events


# developed on: the Marseille probe (an article that names no country, only "le centre de
# Marseille": no place at all, so its planted 100 against 200 evacuated stayed "place unknown");
# regressions: a name shared by cities of several countries says nothing; a named country wins
CITY_COUNTRY = [
    ("Le bilan de l'effondrement de deux immeubles dans le centre de Marseille passe à huit morts.", "fr", "FR"),
    ("El incendio en el centro de Guayaquil dejó 12 muertos.", "es", "EC"),
    ("A fire in Paris, Texas, in the United States killed 3.", "en", "US"),
]


@pytest.mark.parametrize(("text", "language", "country"), CITY_COUNTRY)
def test_a_large_city_alone_says_the_country(text: str, language: str, country: str) -> None:
    doc = Document(id="t", body=text, language=language, published=dt.date(2018, 11, 9))
    claims = [c for c in extract_document(doc) if not c.moment]
    assert claims[-1].place is not None and claims[-1].place.country == country


def test_a_city_name_of_several_countries_says_nothing() -> None:
    from factcheck.extraction.countries import city_countries

    assert city_countries("Police in Santiago said the fire killed 3.") in ([], ["CL"])
    assert city_countries("The storm hit Springfield.") == []


# developed on: the raid probe ("At least 25 people, including a police officer, were killed"
# counted police officers); regressions in Spanish and the apposition that does name the class
APPOSITIONS = [
    ("At least 25 people, including a police officer, were killed.", "en", "person"),
    ("Murieron 25 personas, entre ellas un policía, el jueves.", "es", "person"),
    ("Nearly 175 people, guards and prison administration officials, were held.", "en", "prison staff"),
]


@pytest.mark.parametrize(("text", "language", "cls"), APPOSITIONS)
def test_an_including_phrase_is_no_apposition(text: str, language: str, cls: str) -> None:
    (claim,) = extract_document(Document(id="t", body=text, language=language))
    assert claim.subject_class == cls


# developed on: the Marseille probe ("l'effondrement de deux immeubles a fait huit morts": two
# buildings killed); checked on dev/dev2 ("tiroteos simultáneos en cuatro penales dejaron",
# "bulldozed dozens of the homes", "dos coches bomba ... sin causar víctimas"); regressions: a
# place may hold hostages or be evacuated, a family may be killed
BODIES_ONLY = [
    ("L'effondrement de deux immeubles a fait huit morts.", "fr", [None, "killed"]),
    ("Tiroteos simultáneos en cuatro penales dejaron 46 muertos.", "es", [None, "killed"]),
    ("57 guards were held hostage in six prisons.", "en", ["held", "held"]),
    ("200 immeubles ont été évacués.", "fr", ["evacuated"]),
    ("Two families were killed.", "en", ["killed"]),
]


@pytest.mark.parametrize(("text", "language", "events"), BODIES_ONLY)
def test_only_people_die_or_are_injured(text: str, language: str, events: list[str | None]) -> None:
    doc = Document(id="t", body=text, language=language, published=dt.date(2018, 11, 10))
    assert [c.event_class for c in extract_document(doc)] == events


# regression (found when an article naming only Cuenca got Ecuador): one facility named with
# its town in one sentence and alone in the next is one place, so two named sources' far
# apart counts there stay rival accounts, not growth
def test_one_facility_with_and_without_its_town_is_one_place_for_rival_accounts() -> None:
    from factcheck import check

    body = (
        "Inmates took guards hostage at the Northgate prison in Cuenca, Ecuador, on Monday. Radio Uno reported "
        "that 12 guards had been released, while Canal Dos said 40 guards were freed at Northgate prison."
    )
    found = [f for f in check([Document(id="a", body=body, language="en")]).conflicts if f.kind == "value_conflict"]
    assert [(f.severity, "two sources in one report" in f.reason) for f in found] == [("warning", True)]


# developed on: the Odisha probe ("revised the death toll ... down to 275 from 288 ... Of the
# 275 dead, 88 had been identified"): the report's own correction covers its later mention of
# the corrected toll, and the identified are a count of their own, not the toll
def test_a_reports_correction_covers_its_other_mentions_and_the_identified_are_apart() -> None:
    from factcheck import check

    a = Document(
        id="a",
        body="The death toll in the train accident in Odisha rose to 288 on Saturday, officials said.",
        language="en",
        published=dt.date(2023, 6, 3),
    )
    b = Document(
        id="b",
        body="Authorities revised the death toll from the train crash in Odisha down to 275 from 288 on Sunday, "
        "saying some bodies had been counted twice. Of the 275 dead, 88 had been identified.",
        language="en",
        published=dt.date(2023, 6, 4),
    )
    assert [c.event_class for c in extract_document(b)][-1] == "identified"
    loud = [f for f in check([a, b]).conflicts if f.severity != "info"]
    assert loud == []


# regression (the Tagalog helper's test, merged the same day): a surname after a title is no
# city that says the country ("ani Gobernador Santos": not Santos, Brazil)
def test_a_surname_after_a_title_says_no_country() -> None:
    from factcheck.extraction.countries import city_countries

    assert city_countries("Pinalaya na ang 15 bihag, ani Gobernador Santos.") == []
    assert city_countries("Officials in Santos said 3 died.") == ["BR"]


# developed on: a Sao Paulo floods probe ("About 40 people were still missing, and more than
# 2,400 had been forced from their homes": the 2,400 went missing) and a Coahuila mine probe
# ("Cinco trabajadores lograron salir por su propio pie": no event, "Five miners escaped" in
# English); regressions in Portuguese
MORE_EVENTS = [
    ("About 40 people were still missing, and more than 2,400 had been forced from their homes.", "en",
     ["missing", "displaced"]),
    ("Cinco trabajadores lograron salir por su propio pie.", "es", ["escaped"]),
    ("Cinco mineiros conseguiram escapar da mina.", "pt", ["escaped"]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "language", "events"), MORE_EVENTS)
def test_forced_from_their_homes_and_walked_out(text: str, language: str, events: list[str]) -> None:
    doc = Document(id="t", body=text, language=language, published=dt.date(2023, 2, 21))
    assert [c.event_class for c in extract_document(doc)] == events


# developed on: the Genoa and Paris probes ("Sixteen people were injured, 12 of them
# seriously": 12 against 16 read as a count that fell; "36 injured, including six
# firefighters"); regression from dev juarez-fire-2023: a part of a group with another event
# ("De ellos [the 68 held], 28 personas también resultaron heridas") is the injured count
SUBSETS = [
    ("Sixteen people were injured, 12 of them seriously.", "en", ["Sixteen"]),
    ("I feriti sono 16, di cui 12 in codice rosso.", "it", ["16"]),
    ("Ten people were killed and 36 injured, including six firefighters.", "en", ["Ten", "36"]),
    ("En total 68 personas estaban detenidas. De ellos, 28 personas resultaron heridas.", "es", ["68", "28"]),
]


@pytest.mark.parametrize(("text", "language", "compared"), SUBSETS)
def test_a_part_of_a_count_given_with_it_is_never_that_count(text: str, language: str, compared: list[str]) -> None:
    from factcheck.config import Settings
    from factcheck.reconciliation import facets_of

    claims = sorted(extract_document(Document(id="t", body=text, language=language)), key=lambda c: c.id)
    _, facets = facets_of(claims, Settings())
    assert sorted(f.claim.quantity.text for f in facets.values()) == sorted(compared)


# developed on: the Coahuila probe ("En las labores de rescate participan más de 200
# elementos del Ejército" = 200 soldiers rescued); regressions: soldiers who were rescued
RESPONDERS = [
    ("En las labores de rescate participan más de 200 elementos del Ejército.", "es", "deployed"),
    ("More than 200 soldiers joined the rescue operation.", "en", "deployed"),
    ("Twelve soldiers were rescued.", "en", "rescued"),
    ("Doce soldados fueron rescatados.", "es", "rescued"),
]


@pytest.mark.parametrize(("text", "language", "event"), RESPONDERS)
def test_those_who_carry_out_a_rescue_were_sent_to_it(text: str, language: str, event: str) -> None:
    (claim,) = extract_document(Document(id="t", body=text, language=language))
    assert claim.event_class == event
