"""Who says so, shapes found on the sixth pass over sources (issue 19): the speaker named
after a quotation whose closing sentence holds no figure, the figures a sentence reports
and the next sentence's quotation gives again, a title's post between the title and the
name, the parts of a group going on with its report, and reporting phrases.

Every sentence here was written for this test. "pattern from dev: <cluster>/<article>"
means it follows a pattern seen in that ../shared/dev (or dev2) article (no article text
copied); "checked in" names the other language or shape it was checked on."""

from __future__ import annotations

import pytest

from factcheck import extract_text


def sources(text: str, language: str) -> list[str | None]:
    return [c.source.name if c.source else None for c in extract_text(text, language=language)]


# developed on: dev ecuador-quake-2016/prensaaldia-443-vs-480 (a quotation whose last
# sentence names no figure, its speaker after it); checked on dev2
# ecuador-hostages-2023-08/dw-prisoners-hold-57-cuenca in English
CLOSED_WITHOUT_A_FIGURE = [
    (
        "«Calculo unos 3.000 millones de dólares de pérdidas. Es una lucha larga», explicó el presidente Luis Vera.",
        "es",
        ["Luis Vera"],
    ),
    (
        '"Two bridges were burned last night. That is a reaction to our work," Governor Ann Cole said on Monday.',
        "en",
        ["Ann Cole"],
    ),
    # the speaker must follow the closing mark: a source named before the quotation opens is
    # the writer's, not the quote's
    ("Según la alcaldía, «Hay 12 heridos. Seguimos buscando».", "es", ["la alcaldía"]),
]


@pytest.mark.parametrize(("text", "language", "expected"), CLOSED_WITHOUT_A_FIGURE)
def test_a_quotation_closed_without_a_figure_has_its_speaker(
    text: str, language: str, expected: list[str | None]
) -> None:
    assert sources(text, language) == expected


# developed on: dev juarez-fire-2023/dinero-hn-38-muertos (the writer's sentence, then the
# speaker's own words giving the same figure); checked on dev ecuador-quake-2016/losandes
# and in English
RESTATED_IN_A_QUOTE = [
    (
        "La cancillería rectificó y dijo que ocho hondureños sobrevivieron. "
        "«Ocho compatriotas sobrevivieron», dijo el cónsul Héctor Ríos.",
        "es",
        ["Héctor Ríos", "Héctor Ríos"],
    ),
    (
        "Las autoridades subieron a 246 el número de fallecidos. "
        "«La cifra que tenemos es de 246 fallecidos», dijo el vicepresidente Jorge Mora.",
        "es",
        ["Jorge Mora", "Jorge Mora"],
    ),
    (
        "Officials raised the toll to 30. “We now have 30 dead,” said Mayor Ann Cole.",
        "en",
        ["Ann Cole", "Ann Cole"],
    ),
    # regressions: a named source keeps its figure; a quotation with another figure gives
    # nothing back; an unnamed speaker of the quote gives nothing back
    (
        "El Instituto de Migración informó de 40 muertos. «Son 40 muertos», dijo el cónsul Héctor Ríos.",
        "es",
        ["El Instituto de Migración", "Héctor Ríos"],
    ),
    (
        "Las autoridades elevaron a 40 el número de muertos. «Son 41 muertos», dijo el cónsul Héctor Ríos.",
        "es",
        ["Las autoridades", "Héctor Ríos"],
    ),
    (
        "Officials raised the toll to 30. “We now have 30 dead,” officials said.",
        "en",
        ["Officials", "officials"],
    ),
]


@pytest.mark.parametrize(("text", "language", "expected"), RESTATED_IN_A_QUOTE)
def test_figures_restated_in_the_next_quote_are_the_speakers(
    text: str, language: str, expected: list[str | None]
) -> None:
    assert sources(text, language) == expected


# developed on: dev ecuador-quake-2016/losandes-246-muertos (a quotation opened with a
# straight mark and closed with two apostrophes, as typed without curly quotes); checked in
# English with TeX's marks (two grave accents open, two apostrophes close)
TYPEWRITER_QUOTES = [
    (
        "Las autoridades subieron a 246 el número de fallecidos. "
        "\"La cifra que tenemos es de 246 fallecidos'', dijo el vicepresidente Jorge Mora.",
        "es",
        ["Jorge Mora", "Jorge Mora"],
    ),
    (
        "Officials raised the toll to 30. ``We now have 30 dead,'' said Mayor Ann Cole.",
        "en",
        ["Ann Cole", "Ann Cole"],
    ),
]


@pytest.mark.parametrize(("text", "language", "expected"), TYPEWRITER_QUOTES)
def test_typewriter_quotation_marks_are_quotation_marks(text: str, language: str, expected: list[str | None]) -> None:
    assert sources(text, language) == expected


# developed on: dev juarez-fire-2023/dinero-hn-38-muertos ("el cónsul de ... en México,
# <name>,"); checked on a post of several words and in English, where "in" never ended a name
TITLE_WITH_A_POST = [
    ("Murieron 12 personas, dijo el cónsul de Honduras en México, Héctor Ríos, a la prensa.", "es", "Héctor Ríos"),
    ("Murieron 12 personas, dijo el embajador de Francia en Ciudad de México, Jean Dupont.", "es", "Jean Dupont"),
    ("12 people died, said the French ambassador in Mexico City, Jean Dupont.", "en", "Jean Dupont"),
    # regression: a place with no name in apposition after it still ends the name
    (
        "Murieron 12 personas en Puebla, dijo el gobernador de Puebla en Ciudad de México, donde estaba.",
        "es",
        "el gobernador de Puebla",
    ),
]


@pytest.mark.parametrize(("text", "language", "source"), TITLE_WITH_A_POST)
def test_a_title_with_its_post_before_the_name(text: str, language: str, source: str) -> None:
    assert sources(text, language) == [source]


# developed on: dev2 ecuador-crisis-2024-01/laprensalatina-efe-more-than-150-178 ("Among the
# hostages are ... guards and ... administrators" after the paragraph that attributes the
# total); checked on dev2 pledgetimes-139-officers-five-prisons ("Among those held ...") and
# in Spanish. A sentence that opens by taking a part of the group just counted goes on with
# its report across a paragraph break, as "among them" did.
PARTS_OF_THE_GROUP = [
    (
        "Some 80 workers are trapped, the mine operator said.\n\nAmong the trapped are 60 miners and 20 engineers.",
        "en",
        ["the mine operator", "the mine operator", "the mine operator"],
    ),
    (
        "Unas 80 personas siguen atrapadas, informó la Policía Nacional.\n\n"
        "Entre los atrapados hay 60 mineros y 20 ingenieros.",
        "es",
        ["la Policía Nacional", "la Policía Nacional", "la Policía Nacional"],
    ),
    # regression: a single figure after the break is not carried (the writer's as often)
    (
        "Some 80 workers are trapped, the mine operator said.\n\nAmong the trapped is a 60-year-old man.",
        "en",
        ["the mine operator", None],
    ),
]


@pytest.mark.parametrize(("text", "language", "expected"), PARTS_OF_THE_GROUP)
def test_the_parts_of_a_group_go_on_with_its_report(text: str, language: str, expected: list[str | None]) -> None:
    assert sources(text, language) == expected


# developed on: dev2 guayaquil-carbomb-2025-10/eluniversal-mx-explosion-puente-sur ("Reportes de
# prensa dan cuenta de un herido"); "dar cuenta de" reports, "darse cuenta de" (to notice) does not
REPORTING_PHRASES = [
    ("Reportes de prensa dan cuenta de un herido en la vía.", "es", ["Reportes de prensa"]),
    ("La Policía dio cuenta de 12 detenidos en la zona.", "es", ["La Policía"]),
    ("El guardia Juan Pérez se dio cuenta de que 12 presos faltaban.", "es", [None]),
]


@pytest.mark.parametrize(("text", "language", "expected"), REPORTING_PHRASES)
def test_reporting_phrases(text: str, language: str, expected: list[str | None]) -> None:
    assert sources(text, language) == expected


# developed on: dev ecuador-quake-2016/lafm-muertos-525 ("explicó a la AFP <name>, director
# ..."); checked on dev2 litoral-massacre-2021-09/diariopopular-ar-ya-son-116 ("a la prensa
# <name>") and on the audiences of attribution.yaml: whom a statement is made to stands
# between an inverted verb and its speaker without becoming the speaker
TOLD_TO_BEFORE_THE_SPEAKER = [
    (
        "«Tuvimos dos sismos de 6,1 y 6,3 grados», explicó a la AFP Mario Ruiz, director del Instituto.",
        "es",
        ["Mario Ruiz", "Mario Ruiz", "Mario Ruiz"],
    ),
    ("Murieron 12 personas, dijo a los periodistas el ministro Juan Pérez.", "es", ["Juan Pérez"]),
    ("Murieron 12 personas, informó a la prensa la Secretaría de Salud.", "es", ["la Secretaría de Salud"]),
    # regressions: the audience alone names no one; after the speaker it ends the name
    ("Murieron 12 personas, dijo a los periodistas.", "es", [None]),
    ("Murieron 12 personas, dijo el ministro a los periodistas.", "es", ["el ministro"]),
]


@pytest.mark.parametrize(("text", "language", "expected"), TOLD_TO_BEFORE_THE_SPEAKER)
def test_whom_it_was_told_before_the_speaker(text: str, language: str, expected: list[str | None]) -> None:
    assert sources(text, language) == expected


# developed on: dev2 ecuador-litoral-2023-07/jornada-mx-lasso-estado-excepcion-31 ("declaró ayer
# un estado de excepción por 60 días ... y ordenó la incursión de más de 2 mil 700", annotated
# as the outlet's narrative); checked in English. Declaring a state of exception is an act,
# as declaring an emergency was (actions in attribution.yaml), with a time inside it too
ACTS_NOT_REPORTS = [
    (
        "El presidente Juan Pérez declaró ayer un estado de excepción por 60 días y ordenó enviar 2.700 militares.",
        "es",
        [None, None],
    ),
    ("President John Smith decreed a state of exception for 60 days.", "en", [None]),
    # regression: the same verb reporting a figure still reports it
    ("El presidente Juan Pérez declaró ayer que hay 31 muertos.", "es", ["Juan Pérez"]),
]


@pytest.mark.parametrize(("text", "language", "expected"), ACTS_NOT_REPORTS)
def test_declaring_a_state_of_exception_is_an_act(text: str, language: str, expected: list[str | None]) -> None:
    assert sources(text, language) == expected


# developed on: dev2 guayaquil-carbomb-2025-10/acento-france24-explosiones-dos-puentes («...»,
# señaló cuando se cumplen 24 días de protestas: annotated as the outlet's narrative); checked
# on cronica-mx-efe and eluniversal-mx of that cluster, with the speaker named after the verb,
# and in English. A subordinate clause after what a speaker said is the writer's; a
# reporting clause after it ("al recordar que", "adding that") still reports
AFTER_THE_SPEAKER = [
    (
        "El ministro Juan Pérez habló. «Hay 12 heridos», señaló cuando se cumplen 24 días de protestas.",
        "es",
        ["Juan Pérez", None],
    ),
    ("«Hay 12 heridos», dijo Juan Pérez cuando se cumplían 24 días de protestas.", "es", ["Juan Pérez", None]),
    ("Hay 12 heridos, dijo Juan Pérez mientras 24 personas esperaban.", "es", ["Juan Pérez", None]),
    ('"We have 12 injured," said John Smith when 24 days of protests had passed.', "en", ["John Smith", None]),
    # regressions
    ("Twelve died, the mayor said, adding that 24 were missing.", "en", ["the mayor", "the mayor"]),
    ("«Hay 12 heridos y 24 desaparecidos», dijo Juan Pérez.", "es", ["Juan Pérez", "Juan Pérez"]),
]


@pytest.mark.parametrize(("text", "language", "expected"), AFTER_THE_SPEAKER)
def test_a_clause_after_the_speaker_is_the_writers(text: str, language: str, expected: list[str | None]) -> None:
    assert sources(text, language) == expected


# common usage (issue 19: the bodies other countries' coverage quotes, "a regional government,
# a county"): an unnamed body in lower case after an inverted verb, its head where the
# language puts it ("la empresa minera", "the civil defense agency"); checked in the four
# languages with data. No dev or dev2 claim moves. Guards and police are left out of the
# heads: a body's head in a count is blanked ("500 elementos de la Guardia Nacional" are
# soldiers by "guardia"), see taxonomy._classify_conjunct
UNNAMED_BODY_AFTER_THE_VERB = [
    ("Murieron 12 personas, informó la empresa minera.", "es", "la empresa minera"),
    ("Murieron 12 personas, informó el gobierno regional.", "es", "el gobierno regional"),
    ("Twelve people died, said the regional government.", "en", "the regional government"),
    ("Twelve people died, said the civil defense agency.", "en", "the civil defense agency"),
    ("Morreram 12 pessoas, informou o governo estadual.", "pt", "o governo estadual"),
    ("Sono morte 12 persone, ha riferito il governo regionale.", "it", "il governo regionale"),
    # regressions: a title is still a title; a common noun that heads no body names no one
    ("Twelve people died, said the city mayor.", "en", "the city mayor"),
    ("Murieron 12 personas, dijo la gente del barrio.", "es", None),
]


@pytest.mark.parametrize(("text", "language", "source"), UNNAMED_BODY_AFTER_THE_VERB)
def test_an_unnamed_body_after_the_verb(text: str, language: str, source: str | None) -> None:
    assert sources(text, language) == [source]


# common usage, checked on dev mexico-quake-2017/20minutos-149-muertos ("De acuerdo con el
# último balance de Protección Civil, 49 ...": the body, not its balance, is who says so) and
# in English: the figures themselves, like what carried them, name who gave them after "de",
# "from"; and Spanish cues with the neuter "lo" ("según lo informado por") or "al"
FIGURES_OF_A_BODY = [
    ("Según datos preliminares de la Secretaría de Salud, hay 12 heridos.", "es", "la Secretaría de Salud"),
    ("De acuerdo con el último balance de Protección Civil, murieron 12 personas.", "es", "Protección Civil"),
    ("According to the latest figures from the health ministry, 12 people died.", "en", "the health ministry"),
    ("Según lo informado por la Fiscalía, 12 personas murieron.", "es", "la Fiscalía"),
    ("Murieron 12 personas, de acuerdo con lo reportado por la Policía Nacional.", "es", "la Policía Nacional"),
    # regression: figures with no owner named stay as written
    ("De acuerdo con cifras oficiales, murieron 12 personas.", "es", "cifras oficiales"),
]


@pytest.mark.parametrize(("text", "language", "source"), FIGURES_OF_A_BODY)
def test_the_figures_of_a_body_are_the_bodys(text: str, language: str, source: str) -> None:
    assert sources(text, language) == [source]


# developed on: dev mexico-quake-2017/sputnik-117-mexico-city ("according to the Luis Felipe
# Puente, head of ...", the article's slip); checked on dev2, where "the Prosecutor's Office"
# and "la Fiscalía General" keep their article: a body is named with it, a person never, and
# the title in apposition after the name says a person is named
ARTICLE_BEFORE_A_PERSON = [
    (
        "The figures, according to the Luis Felipe Puente, head of the agency, reach 117 dead.",
        "en",
        "Luis Felipe Puente",
    ),
    ("According to the Prosecutor's Office, 12 people died.", "en", "the Prosecutor's Office"),
    ("Según la Fiscalía General, murieron 12 personas.", "es", "la Fiscalía General"),
    ("Murieron 12 personas, de acuerdo con la Policía Nacional.", "es", "la Policía Nacional"),
]


@pytest.mark.parametrize(("text", "language", "source"), ARTICLE_BEFORE_A_PERSON)
def test_an_article_is_no_part_of_a_persons_name(text: str, language: str, source: str) -> None:
    assert sources(text, language) == [source]


# developed on: dev mexico-quake-2017/granadadigital-217-muertos (a deck listing the deaths by
# state, then the coordinator's quoted breakdown in the same order); checked on the other dev
# clusters and on dev2, where no deck restates a later list (no claim moves), and in English
RESTATED_LIST = [
    (
        "12 muertos en la capital, 5 en Morelos y 3 en Puebla. "
        "Hay 20 muertos: 12 en la capital, 5 en Morelos y 3 en Puebla, informó Protección Civil.",
        "es",
        ["Protección Civil"] * 3,
    ),
    (
        "12 dead in the capital, 5 in the north and 3 in the south. "
        "The toll rose to 20, with 12 in the capital, 5 in the north and 3 in the south, the agency said.",
        "en",
        ["the agency"] * 3,
    ),
    # regression: the same figures in another order are another list
    (
        "5 muertos en Morelos, 12 en la capital y 3 en Puebla. "
        "Hay 20 muertos: 12 en la capital, 5 en Morelos y 3 en Puebla, informó Protección Civil.",
        "es",
        [None] * 3,
    ),
]


@pytest.mark.parametrize(("text", "language", "expected"), RESTATED_LIST)
def test_a_list_restated_later_is_that_report(text: str, language: str, expected: list[str | None]) -> None:
    assert sources(text, language)[:3] == expected


# developed on: dev ecuador-quake-2016/big4-toll-rises-413 ("All of the country's coastal
# provinces were put on state of emergency", read as a speaker through "put", and then given
# the president's "billions" through the "adding" after his quote); checked in Spanish
PASSIVES_AND_LEFT_OUT_SPEAKERS = [
    ("The coastal provinces were placed on alert after 12 deaths.", "en", [None]),
    ("Las provincias fueron declaradas en alerta tras 12 muertes.", "es", [None]),
    (
        "Officials were put on alert. President Ana Ruiz said the damage “will cost 3 billion dollars,” "
        "adding that the impact could be huge.",
        "en",
        ["Ana Ruiz"],
    ),
    # regression: an active reporting verb still has its subject as the speaker
    ("The Health Ministry said 12 people died.", "en", ["The Health Ministry"]),
]


@pytest.mark.parametrize(("text", "language", "expected"), PASSIVES_AND_LEFT_OUT_SPEAKERS)
def test_a_passive_subject_is_no_speaker(text: str, language: str, expected: list[str | None]) -> None:
    assert sources(text, language) == expected


# developed on: dev2 ecuador-hostages-2023-08/monterrionoticias-44-liberados-turi ("Al menos 44
# miembros ... que se encontraban retenidos ... fueron liberados. La liberación fue confirmada
# por la gobernadora"): the figure was read as held (its relative clause), the release is
# written in its sentence all the same
CONFIRMED_EVENT_WRITTEN_BEFORE = [
    (
        "Al menos 44 miembros de la policía que se encontraban retenidos por presos del penal de Turi, "
        "en Cuenca, al sur del país, fueron liberados. "
        "La liberación fue confirmada por la gobernadora de la provincia, Ana Ruiz.",
        "es",
        ["Ana Ruiz"],
    ),
    # regression: a sentence that writes another event gives the confirmation nothing
    (
        "Al menos 44 guías permanecen retenidos. "
        "La liberación fue confirmada por la gobernadora de la provincia, Ana Ruiz.",
        "es",
        [None],
    ),
]


@pytest.mark.parametrize(("text", "language", "expected"), CONFIRMED_EVENT_WRITTEN_BEFORE)
def test_a_confirmed_event_written_in_the_sentence_before(text: str, language: str, expected: list[str | None]) -> None:
    assert sources(text, language) == expected


# synthetic probe of the Derna floods (es; not in the corpora): a contrasting clause that
# names another subject ends the first speaker's figures; one that names none goes on with it
CONTRASTED = [
    (
        "El ministro cifró en 3.845 el número de muertos, mientras que la Media Luna Roja mantiene "
        "la cifra de 11.300 fallecidos.",
        "es",
        # (the eleventh session reads "mantiene la cifra de" as the Red Crescent keeping its count)
        ["El ministro", "la Media Luna Roja"],
    ),
    (
        "The minister put the death toll at 3,845, while the Red Crescent maintains a toll of 11,300.",
        "en",
        ["The minister", "the Red Crescent"],
    ),
    ("The minister said 3,845 died, while 200 are missing.", "en", ["The minister", "The minister"]),
]


@pytest.mark.parametrize(("text", "language", "expected"), CONTRASTED)
def test_a_contrasting_clause_with_its_own_subject_ends_the_speakers_figures(
    text: str, language: str, expected: list[str | None]
) -> None:
    assert sources(text, language) == expected
