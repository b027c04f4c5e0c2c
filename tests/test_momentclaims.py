"""Moments as claims (factcheck/extraction/momentclaims.py): the written day or clock time a
text gives for something that happened is a claim of its own, with no value, dated by its
``as_of``; plans, page stamps, datelines and street names are not. Tables labelled by
provenance: sentences written for these tests in the shape of the dev corpora's, and of
other incidents' coverage (regressions: nothing here is quoted from an article)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import Document, reconcile
from factcheck.extraction import extract_document

PUBLISHED = dt.date(2023, 9, 1)


def moments(text: str, lang: str, published: dt.date | None = PUBLISHED) -> list[tuple[str, str, str | None]]:
    doc = Document(id="d", body=text, language=lang, published=published)
    return [
        (c.quantity.text, c.quantity.qualifier, str(c.as_of.date) if c.as_of and c.as_of.date else None)
        for c in extract_document(doc)
        if c.moment
    ]


# developed on: dev2's Spanish car-bomb and prison pieces (the day of a release as told by a
# governor, the clock time of each blast, the day a state of exception began)
@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        (
            "es",
            "Los guardias fueron liberados, según informó la gobernadora, el día 31 de agosto del 2023.",
            [("31 de agosto del 2023", "exact", "2023-08-31")],
        ),
        (
            "es",
            "Según la prensa local, la segunda detonación ocurrió sobre las 03:00 hora local (08:00 GMT) en el centro.",
            [("03:00 hora local (08:00 GMT)", "approximately", None)],
        ),
        (
            "es",
            "La policía dijo que la primera explosión se registró a aproximadamente las 20:00 del 29 de agosto.",
            [("20:00 del 29 de agosto", "approximately", "2023-08-29")],
        ),
        (
            "es",
            "Desde el 22 de julio rige el estado de excepción en las cárceles del país.",
            [("22 de julio", "exact", "2023-07-22")],
        ),
        # regressions: other incidents, other languages
        (
            "en",
            "The ferry capsized at about 6.30pm on August 28 off the coast, the coast guard said.",
            [("6.30pm on August 28", "approximately", "2023-08-28")],
        ),
        (
            "pt",
            "A barragem rompeu por volta das 15:00 do dia 25 de agosto, segundo a defesa civil.",
            [("15:00 do dia 25 de agosto", "approximately", "2023-08-25")],
        ),
        (
            "it",
            "La frana si è staccata intorno alle 5:30 del 26 agosto, secondo la protezione civile.",
            [("5:30 del 26 agosto", "approximately", "2023-08-26")],
        ),
    ],
)
def test_a_written_day_or_clock_time_of_an_event_is_a_claim(
    lang: str, text: str, want: list[tuple[str, str, str | None]]
) -> None:
    assert moments(text, lang) == want


# developed on: the seeds' not-claims (an election still ahead) and page chrome of dev/dev2
# (ISO stamps, bylines, datelines, an avenue named for a date); regressions beside them
@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The vote is scheduled for a runoff on October 15, officials said."),  # a plan, still ahead
        ("es", "Las elecciones previstas para el 20 de octubre seguirán adelante."),
        ("en", "date 2023-08-30 Inmates took dozens of guards hostage."),  # a page's ISO stamp
        ("en", "Quito, Aug 30 (Reuters) - Inmates took guards hostage."),  # a dateline
        ("en", "Jane Doe Published August 30, 2023 | 09:40 AM"),  # a byline
        ("en", "— Some Reporter (@somereporter) August 30, 2023"),  # an embedded post's stamp
        ("es", "La explosión ocurrió frente al edificio de la Av. 10 de Agosto, en el norte."),  # a street
        ("en", "Rescuers worked through Tuesday night and into Wednesday."),  # weekdays: the figures' as-of
        ("en", "The quake struck in August 2023."),  # a month alone
    ],
)
def test_plans_stamps_datelines_and_names_are_no_moment(lang: str, text: str) -> None:
    assert moments(text, lang) == []


# developed on: an article with no published day keeps the day as written, undated
def test_a_day_of_an_undated_article_is_kept_undated() -> None:
    got = moments("Un coche bomba explotó la tarde del martes, 14 de septiembre, en el norte.", "es", None)
    assert [(text, qualifier) for text, qualifier, _ in got] == [("la tarde del martes, 14 de septiembre", "exact")]


# developed on: a moment beside figures: both are claims, in text order, and only the figures
# are reconciled
def test_moments_sit_in_text_order_and_are_never_reconciled() -> None:
    a = Document(id="a", body="The blast at 19:00 on August 30 killed 3 people.", language="en", published=PUBLISHED)
    b = Document(id="b", body="The blast at 21:00 on August 30 killed 30 people.", language="en", published=PUBLISHED)
    claims = [c for d in (a, b) for c in extract_document(d)]
    assert [(c.document, c.moment, c.quantity.text) for c in claims] == [
        ("a", True, "19:00 on August 30"),
        ("a", False, "3"),
        ("b", True, "21:00 on August 30"),
        ("b", False, "30"),
    ]
    moment = claims[0]
    assert moment.quantity.value is None and moment.quantity.low is None and moment.quantity.high is None
    assert moment.as_of is not None and moment.as_of.time_of_day == "19:00"
    assert moment.event_class == "killed"
    findings = reconcile(claims)
    assert findings  # the two tolls of one day disagree...
    assert all(not c.moment for f in findings for p in f.positions for c in p.claims)  # ...the moments never


_DAYS = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 12, 31))
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(
    day=_DAYS,
    hour=st.integers(0, 23),
    lead=st.sampled_from(["", "Officials said ", "In the north, "]),
    tail=st.sampled_from(["", " near the port", ", police said"]),
)
def test_a_moment_slices_back_to_the_article(day: dt.date, hour: int, lead: str, tail: str) -> None:
    """Property: a moment claim's text and its as-of text are the article's own characters
    at their offsets, and a day written with its year resolves to that day or is left out
    as still ahead."""
    text = f"{lead}the fire broke out at {hour}:15 on {_MONTHS[day.month - 1]} {day.day}, {day.year}{tail}."
    doc = Document(id="p", body=text, language="en", published=PUBLISHED)
    found = [c for c in extract_document(doc) if c.moment]
    if day > PUBLISHED:
        assert found == []
        return
    assert len(found) == 1
    c = found[0]
    assert text[c.quantity.start : c.quantity.end] == c.quantity.text
    assert c.as_of is not None and c.as_of.start is not None and c.as_of.end is not None
    assert text[c.as_of.start : c.as_of.end] == c.as_of.text
    assert c.as_of.date == day
