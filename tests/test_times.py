"""Times: mentions with exact spans, resolution against the published date, as-of times and
background figures, in English and Spanish. Sentences are written for the tests; the
comment on each says which dev pattern it imitates."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck import Document, extract_text
from factcheck.extraction import extract_document
from factcheck.extraction.asof import as_of, document_date
from factcheck.extraction.times import background_of, find_time, find_times
from factcheck.extraction.timewords import languages, time_words
from factcheck.extraction.tokens import tokenize

TUE = dt.date(2016, 4, 19)  # a Tuesday

# (language, text, published, expected [(text, kind, date)]), developed on dev patterns
FOUND = [
    # pattern from dev: ecuador-quake-2016 (weekdays after the figure, "said Saturday")
    ("en", "The toll rose to 233 Sunday.", TUE, [("Sunday", "weekday", dt.date(2016, 4, 17))]),
    ("en", "as of Tuesday night", TUE, [("Tuesday night", "weekday", TUE)]),
    ("en", "since Thursday", TUE, [("Thursday", "weekday", dt.date(2016, 4, 14))]),
    ("en", "last Tuesday", TUE, [("last Tuesday", "weekday", dt.date(2016, 4, 12))]),
    (
        "en",
        "77 died yesterday and 3 last night",
        TUE,
        [("yesterday", "relative_day", dt.date(2016, 4, 18)), ("last night", "relative_day", dt.date(2016, 4, 18))],
    ),
    ("en", "this morning", TUE, [("this morning", "relative_day", TUE)]),
    # pattern from dev: juarez-fire-2023 (US datelines)
    ("en", "on March 28, 2023", TUE, [("March 28, 2023", "date", dt.date(2023, 3, 28))]),
    ("en", "on 28 March 2023", None, [("28 March 2023", "date", dt.date(2023, 3, 28))]),
    ("en", "on Tuesday, March 28", dt.date(2023, 3, 29), [("Tuesday, March 28", "date", dt.date(2023, 3, 28))]),
    ("en", "in March 2023", None, [("March 2023", "month", dt.date(2023, 3, 1))]),
    ("en", "in March", TUE, [("March", "month", dt.date(2016, 3, 1))]),
    ("en", "in December", TUE, [("December", "month", dt.date(2015, 12, 1))]),
    ("en", "at 6:58 pm local time", TUE, [("6:58 pm", "clock", None)]),
    ("en", "at 10:51 IST", TUE, [("10:51 IST", "clock", None)]),
    ("en", "in recent years", TUE, [("in recent years", "period", None)]),
    ("en", "last year", TUE, [("last year", "period", dt.date(2015, 1, 1))]),
    ("en", "so far", TUE, [("so far", "now", TUE)]),
    ("en", "died in 2021.", TUE, [("2021", "year", dt.date(2021, 1, 1))]),
    ("en", "Haiti's 2010 earthquake", TUE, [("2010", "year", dt.date(2010, 1, 1))]),
    # pattern from dev: mexico-quake-2017, honduras-prison-2023 (Spanish dates and weekdays)
    ("es", "el 19 de septiembre de 2017", None, [("19 de septiembre de 2017", "date", dt.date(2017, 9, 19))]),
    ("es", "el pasado 28 de marzo", dt.date(2023, 3, 30), [("28 de marzo", "date", dt.date(2023, 3, 28))]),
    ("es", "martes 20 de junio de 2023", None, [("martes 20 de junio de 2023", "date", dt.date(2023, 6, 20))]),
    ("es", "el 19/09/2017", None, [("19/09/2017", "date", dt.date(2017, 9, 19))]),
    ("es", "en septiembre de 2017", None, [("septiembre de 2017", "month", dt.date(2017, 9, 1))]),
    ("es", "murieron el lunes", TUE, [("el lunes", "weekday", dt.date(2016, 4, 18))]),
    ("es", "murieron este martes", TUE, [("este martes", "weekday", TUE)]),
    ("es", "desde el jueves", TUE, [("el jueves", "weekday", dt.date(2016, 4, 14))]),
    ("es", "el miercoles", TUE, [("el miercoles", "weekday", dt.date(2016, 4, 13))]),
    (
        "es",
        "ayer y anoche",
        TUE,
        [("ayer", "relative_day", dt.date(2016, 4, 18)), ("anoche", "relative_day", dt.date(2016, 4, 18))],
    ),
    ("es", "hoy", TUE, [("hoy", "relative_day", TUE)]),
    ("es", "esta mañana", TUE, [("esta mañana", "relative_day", TUE)]),
    ("es", "hasta el momento", TUE, [("hasta el momento", "now", TUE)]),
    ("es", "a las 19:00 horas", TUE, [("19:00 horas", "clock", None)]),
    ("es", "a las 19 horas", TUE, [("19 horas", "clock", None)]),
    ("es", "el terremoto de 1985", TUE, [("1985", "year", dt.date(1985, 1, 1))]),
    # developed on dev2 guayaquil-carbomb-2025-10: a weekday and a date that disagree, the month
    # written wrong (14 September 2025 is a Sunday; 14 October, a day before the article, a Tuesday)
    (
        "es",
        "la tarde del martes, 14 de septiembre",
        dt.date(2025, 10, 15),
        [("la tarde del martes, 14 de septiembre", "date", dt.date(2025, 10, 14))],
    ),
    # regression: with no such day near the article's, the date as written stands
    (
        "es",
        "el martes, 14 de septiembre",
        dt.date(2025, 9, 20),
        [("el martes, 14 de septiembre", "date", dt.date(2025, 9, 14))],
    ),
    # not times: counts that look like years, durations that look like clock times
    ("en", "more than 2000 people", TUE, []),
    ("en", "in 2000 people", TUE, []),
    ("en", "in April 23 people died", TUE, [("April", "month", dt.date(2016, 4, 1))]),
    ("en", "it may rise", TUE, []),
    ("es", "más de 2000 personas", TUE, []),
    ("es", "durante 72 horas", TUE, []),
]


@pytest.mark.parametrize(("lang", "text", "published", "expected"), FOUND)
def test_times_found_and_resolved(
    lang: str, text: str, published: dt.date | None, expected: list[tuple[str, str, dt.date | None]]
) -> None:
    got = find_times(text, 0, len(text), published, "day", lang)
    assert [(m.text, m.kind, m.date) for m in got] == expected
    for m in got:
        assert text[m.start : m.end] == m.text


def test_this_weekday_is_the_nearest() -> None:
    # pattern from dev: ecuador-quake-2016/bbcmundo-602-muertos (published Wednesday, figure
    # "actualizada este viernes")
    wed = dt.date(2016, 4, 20)
    (m,) = find_times("actualizada este viernes", 0, 24, wed, "day", "es")
    assert m.date == dt.date(2016, 4, 22)
    (m,) = find_times("este domingo", 0, 12, dt.date(2016, 4, 18), "day", "es")
    assert m.date == dt.date(2016, 4, 17)


def test_event_dates_are_marked() -> None:
    # pattern from dev: mexico-quake-2017 ("el sismo del 19 de septiembre"), ecuador-quake-2016
    # (a dateline above a headline is no event's date)
    text = "el sismo del 19 de septiembre dejó 217 muertos"
    (m,) = find_times(text, 0, len(text), None, None, "es")
    assert m.event
    text = "20 abril 2016\n\nTerremoto en Ecuador"
    (m,) = find_times(text, 0, len(text), None, None, "es")
    assert not m.event
    text = "The 1985 quake killed 10,000."
    (m,) = find_times(text, 0, len(text), None, None, "en")
    assert m.event


def test_event_dates_and_as_of() -> None:
    # pattern from dev: ecuador-quake-2016 ("el terremoto ... que sacudió el sábado") and
    # mexico-quake-2017/sputnik-117-mexico-city ("The September 7 quake killed at least 36")
    text = "El terremoto que sacudió el sábado dejó 233 muertos."
    ms = find_times(text, 0, len(text), TUE, "day", "es")
    assert ms[0].event
    i = text.index("233")
    assert as_of(ms, i, i + 3, TUE, "day").basis == "published"
    text = "The September 7 quake killed at least 36 people."
    pub = dt.date(2017, 9, 20)
    ms = find_times(text, 0, len(text), pub, "day", "en")
    i = text.index("36")
    assert as_of(ms, i, i + 2, pub, "day").date == dt.date(2017, 9, 7)


def test_document_date_anchors_weekdays() -> None:
    # pattern from dev: mexico-quake-2017/granadadigital-217-muertos (published 2017-09)
    body = "La cifra era de 100 el 19 de septiembre de 2017. Este miércoles subió a 217."
    day = document_date(body, dt.date(2017, 9, 1), "month", "es")
    assert day == dt.date(2017, 9, 20)
    ms = find_times(body, 0, len(body), dt.date(2017, 9, 1), "month", "es", anchor=day)
    assert [m.date for m in ms if m.kind == "weekday"] == [dt.date(2017, 9, 20)]
    assert document_date(body, dt.date(2017, 9, 20), "day", "es") is None


def test_as_of_continues_the_sentence_before() -> None:
    # pattern from dev: mexico-quake-2017/thenews-pk-toll-65 ("... said Tuesday evening. Morelos ...")
    body = "The toll rose to 65, officials said Tuesday evening. Morelos was hardest hit with 42 deaths."
    i = body.index("42")
    before = find_times(body, 0, body.index("Morelos"), dt.date(2017, 9, 20), "day", "en")
    here = find_times(body, body.index("Morelos"), len(body), dt.date(2017, 9, 20), "day", "en")
    got = as_of(here, i, i + 2, dt.date(2017, 9, 20), "day", context=before)
    assert (got.date, got.basis) == (dt.date(2017, 9, 19), "relative")


def test_relations() -> None:
    text = "since Thursday, as of Tuesday, desde el jueves"
    got = find_times(text, 0, len(text), TUE, "day", "en")
    assert [m.relation for m in got[:2]] == ["since", "as_of"]
    got = find_times(text, 0, len(text), TUE, "day", "es")
    assert got[-1].relation == "since"


def test_weekday_with_month_precision_is_never_a_wrong_day() -> None:
    # pattern from dev: ecuador-quake-2016/blastingnews-77-muertos (published 2016-04)
    (m,) = find_times("el domingo", 0, 10, dt.date(2016, 4, 1), "month", "es")
    assert (m.date, m.precision) == (dt.date(2016, 4, 1), "month")
    (m,) = find_times("yesterday", 0, 9, dt.date(2016, 1, 1), "year", "en")
    assert (m.date, m.precision) == (dt.date(2016, 1, 1), "year")


@pytest.mark.parametrize("published", [dt.date(1, 1, 1), dt.date(9999, 12, 31), dt.date(1, 1, 2)])
def test_calendar_ends_do_not_overflow(published: dt.date) -> None:
    # regression (issue 10): published 0001-01-01 and "On Sunday" raised OverflowError
    for text in ("On Sunday", "yesterday", "last Tuesday", "last year", "on March 28", "in December"):
        find_times(text, 0, len(text), published, "day", "en")
    # and through the whole pipeline, with the published date at the calendar's ends
    for day in (dt.date(1, 1, 1), dt.date(9999, 12, 31)):
        for lang in ("en", "es"):
            doc = Document(
                id="d",
                body="On Sunday 5 people died. El domingo murieron 5 personas ayer.",
                published=day,
                language=lang,
            )
            assert extract_document(doc)


def test_superscript_year_does_not_raise() -> None:
    # regression (issue 10): extract_text("5 people died in ²⁰²³.") raised ValueError
    extract_text("5 people died in ²⁰²³.")
    assert find_time(tokenize("5 people died in ²⁰²³."), None) is None


def test_spans_slice_back_with_odd_spacing() -> None:
    text = "on  March\u00a028,  2023 and el  19  de septiembre"
    for lang in ("en", "es"):
        for m in find_times(text, 0, len(text), TUE, "day", lang):
            assert text[m.start : m.end] == m.text
    ref = find_time(tokenize(text), TUE, body=text)
    assert ref is not None and text[ref.start : ref.end] == ref.text == "March\u00a028,  2023"


def test_find_time_keeps_its_contract() -> None:
    ref = find_time(tokenize("119 inmates died in 2021."), None)
    assert ref is not None and (ref.year, ref.date, ref.precision) == (2021, None, "year")
    ref = find_time(tokenize("in recent years"), None)
    assert ref is not None and ref.period


def test_a_week_the_story_spans_is_no_era_of_other_figures() -> None:
    # pattern from dev2: ecuador-crisis-2024-01 ("Nearly 175 people ... were taken hostage at
    # the end of last week" was compared with nothing: "last week" read as a period like
    # "in recent years"); every language's recent periods are no era
    from factcheck.extraction import extract_text
    from factcheck.reconciliation.keys import facet

    for lang, text in (
        ("en", "Nearly 175 guards were taken hostage at the end of last week."),
        ("es", "Unos 175 guardias fueron tomados como rehenes la semana pasada."),
    ):
        (claim,) = extract_text(text, language=lang)
        f = facet(claim)
        assert f is not None and f.era == "", (lang, claim.time)
    (older,) = extract_text("Nearly 175 guards were taken hostage in recent years.")
    f = facet(older)
    assert f is not None and f.era == "period"


# (language, sentence, figure, published, expected as-of (date, basis))
AS_OF = [
    # pattern from dev: ecuador-quake-2016/ap-dailymail-toll-tops-650 ("the government said Saturday")
    (
        "en",
        "The toll has risen to 654, the government said Saturday.",
        "654",
        dt.date(2016, 4, 24),
        (dt.date(2016, 4, 23), "relative"),
    ),
    # pattern from dev: ecuador-quake-2016/prensaaldia-443-vs-480 ("On Tuesday the toll was 443")
    ("en", "On Tuesday the toll was 443.", "443", dt.date(2016, 4, 20), (TUE, "relative")),
    ("en", "The toll was 443.", "443", TUE, (TUE, "published")),
    ("en", "The toll was 443.", "443", None, (None, "unknown")),
    ("en", "Since Thursday, 443 people have died.", "443", TUE, (TUE, "published")),
    (
        "es",
        "Al menos 41 reclusas murieron este martes.",
        "41",
        dt.date(2023, 6, 21),
        (dt.date(2023, 6, 20), "relative"),
    ),
    ("es", "El 19 de septiembre de 2017 murieron 369 personas.", "369", None, (dt.date(2017, 9, 19), "stated")),
]


@pytest.mark.parametrize(("lang", "text", "figure", "published", "expected"), AS_OF)
def test_as_of(lang: str, text: str, figure: str, published: dt.date | None, expected: tuple[object, str]) -> None:
    i = text.index(figure)
    got = as_of(find_times(text, 0, len(text), published, "day", lang), i, i + len(figure), published, "day")
    assert (got.date, got.basis) == expected
    if got.text is not None:
        assert text[got.start : got.end] == got.text  # type: ignore[misc]


def test_as_of_published_precision_kept() -> None:
    got = as_of([], 0, 1, dt.date(2016, 4, 1), "month")
    assert (got.date, got.precision, got.basis) == (dt.date(2016, 4, 1), "month", "published")


# (language, text, figure, published, background year or None)
BACKGROUND = [
    # pattern from dev: mexico-quake-2017 (the 1985 quake as background)
    ("en", "The 1985 quake killed nearly 10,000 people.", "10,000", dt.date(2017, 9, 20), 1985),
    ("es", "El terremoto de 1985 dejó casi 10.000 muertos.", "10.000", dt.date(2017, 9, 20), 1985),
    # pattern from dev: ecuador-quake-2016 (earlier quakes in the region)
    ("en", "Haiti's 2010 earthquake killed more than 300,000 people.", "300,000", TUE, 2010),
    ("es", "En Haití murieron (entre 200.000 y 250.000) en 2010.", "200.000", TUE, 2010),
    (
        "es",
        "En 2010 hubo otro sismo. La catástrofe de Haití de ese mismo año, con más de 300.000 muertos.",
        "300.000",
        TUE,
        2010,
    ),
    ("en", "It was the deadliest since 1987, when about 1,000 people died.", "1,000", TUE, 1987),
    # pattern from dev: honduras-prison-2023 (earlier prison fires)
    ("en", "A fire at Comayagua prison killed 361 inmates in 2012.", "361", dt.date(2023, 6, 20), 2012),
    # not background: the current incident
    ("en", "The quake, the strongest since 1979, killed 233 people.", "233", TUE, None),
    ("en", "The 1985 quake killed nearly 10,000; on Tuesday 200 died.", "200", TUE, None),
    ("en", "The quake killed 233 people on Sunday.", "233", TUE, None),
    ("es", "El sismo dejó 233 muertos en 2016.", "233", TUE, None),
    ("en", "The 2016 quake killed 233 people.", "233", None, None),
]


@pytest.mark.parametrize(("lang", "text", "figure", "published", "year"), BACKGROUND)
def test_background(lang: str, text: str, figure: str, published: dt.date | None, year: int | None) -> None:
    i = text.index(figure)
    ms = find_times(text, 0, len(text), published, "day", lang)
    got = background_of(text, 0, len(text), ms, i, i + len(figure), lang, published)
    assert (got.year if got else None) == year
    if got is not None:
        assert text[got.start : got.end] == got.text


def test_time_words_complete() -> None:
    assert {"en", "es"} <= set(languages())
    for lang in languages():
        w = time_words(lang)
        assert w.event_nouns and w.same_year and w.when_words
        # every word set is disjoint where a clash would make one reading shadow another
        assert not set(w.relative_days) & set(w.periods), lang
        assert not set(w.weekday_modifiers) & set(w.weekdays), lang


WORDS = st.sampled_from(
    [
        "on",
        "Sunday",
        "el",
        "lunes",
        "19",
        "de",
        "septiembre",
        "2017",
        "March",
        "28",
        ",",
        "at",
        "6:58",
        "pm",
        "ayer",
        "since",
        "2010",
        "earthquake",
        "killed",
        "300,000",
        "(",
        ")",
        "hasta",
        "el momento",
        "²⁰²³",
        "/",
        "09",
        "\u00a0",
        "  ",
        "last",
        "night",
        "in",
        "recent",
        "years",
        "a las",
        "19:00",
        "horas",
    ]
)
TEXT = st.one_of(st.text(max_size=120), st.lists(WORDS, max_size=25).map(" ".join))
DAYS = st.one_of(st.none(), st.dates(), st.sampled_from([dt.date(1, 1, 1), dt.date(9999, 12, 31)]))


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(TEXT, DAYS, st.sampled_from(["day", "month", "year", None]), st.sampled_from(["en", "es", "pt"]))
def test_times_never_raise_and_slice_back(text: str, published: dt.date | None, prec: str | None, lang: str) -> None:
    anchor = document_date(text, published, prec, lang)  # regression: year 9999 overflowed here
    ms = find_times(text, 0, len(text), published, prec, lang, anchor=anchor)
    for m in ms:
        assert text[m.start : m.end] == m.text
    for q in range(0, len(text), 7):
        a = as_of(ms, q, q + 1, published, prec, anchor, ms[:1])
        if a.start is not None:
            assert text[a.start : a.end] == a.text
        b = background_of(text, 0, len(text), ms, q, q + 1, lang, published)
        if b is not None:
            assert text[b.start : b.end] == b.text
    ref = find_time(tokenize(text), published, body=text, language=lang)
    if ref is not None:
        assert text[ref.start : ref.end] == ref.text


# pattern from Spanish wire copy (written for this test): the day in a relative clause after
# an incident verb dates the incident, not the figure
def test_a_day_after_an_incident_verb_does_not_date_the_figure() -> None:
    body = (
        "La UNGRD elevó este jueves a 41 la cifra de fallecidos por el alud que sepultó el martes en la noche "
        "a una vereda de Antioquia, y mantuvo en 14 el número de desaparecidos."
    )
    doc = Document(id="t", body=body, language="es", published=dt.date(2024, 7, 11))
    dates = [(c.quantity.value, c.as_of.date if c.as_of else None) for c in extract_document(doc)]
    assert dates == [(41, dt.date(2024, 7, 11)), (14, dt.date(2024, 7, 11))]


# (provenance, language, text, whether the day is an event's)
WHEN_EVENTS = [
    pytest.param(
        "es",
        "la región estuvo incomunicada desde las primeras horas del miércoles, cuando el huracán Otis azotó la costa",
        True,
        id="dev otis-2023: a day, then cuando + event noun",
    ),
    pytest.param("en", "The quake hit on Saturday, when the coast was crowded.", True, id="dev: event verb before"),
    pytest.param("en", "Officials spoke on Saturday, when the storm had passed.", True, id="written: when + storm"),
    pytest.param("en", "Officials spoke on Saturday, when they counted 40 dead.", False, id="when, no event noun"),
    pytest.param(
        "en",
        "At least 65 people were killed Tuesday when a quake hit.",
        False,
        id="dev mexico-quake-2017: no comma: the day is the killing's",
    ),
    pytest.param(
        "es",
        "el terremoto registrado durante la jornada de este martes en el centro del país",
        True,
        id="dev mexico-quake-2017: event verb, durante la jornada de",
    ),
    pytest.param("es", "la cifra subió durante la jornada de este martes", False, id="la jornada de, no event"),
]


@pytest.mark.parametrize(("language", "text", "event"), WHEN_EVENTS)
def test_day_of_an_event_told_after_it(language: str, text: str, event: bool) -> None:
    days = [m for m in find_times(text, 0, len(text), TUE, "day", language) if m.kind == "weekday"]
    assert len(days) == 1 and days[0].event is event
