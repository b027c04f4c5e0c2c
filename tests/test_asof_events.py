"""A relative day that dates the incident ("el terremoto que sacudió ayer", "the quake that
struck yesterday") says when it happened, not when its toll was counted: it is neither a
figure's as-of day nor carried to the sentences after it. Sentences written for these
tests after the pattern of the dev articles' openings; none is copied."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck import Document
from factcheck.extraction import extract_document

SUN = dt.date(2016, 4, 17)

# (language, body, figure, (day, derived_from))
CASES = [
    pytest.param(
        "es",
        "El terremoto que sacudió ayer el norte del país ha dejado 233 muertos, según el Gobierno.",
        "233",
        (SUN, "published"),
        id="developed on: dev, an event verb before 'ayer'",
    ),
    pytest.param(
        "es",
        "El sismo que sacudió ayer la costa dejó destrozos.\nLas autoridades cifran en 233 los muertos.",
        "233",
        (SUN, "published"),
        id="developed on: dev, the incident's 'ayer' is not carried",
    ),
    pytest.param(
        "en",
        "The quake that struck yesterday has killed 233 people, officials said.",
        "233",
        (SUN, "published"),
        id="developed on: dev, English event verb",
    ),
    pytest.param(
        "en",
        "A fire at the centre killed at least 38 people, trapped in cells as flames spread Saturday night.",
        "38",
        (SUN, "published"),
        id="developed on juarez-fire-2023: 'as flames spread Saturday night' dates the fire, not the toll",
    ),
    pytest.param(
        "es",
        "El Gobierno informó ayer que hay 233 muertos.",
        "233",
        (dt.date(2016, 4, 16), "relative_day"),
        id="regression: a reported 'ayer' is still the as-of day",
    ),
]


@pytest.mark.parametrize(("lang", "body", "figure", "want"), CASES)
def test_a_relative_day_of_the_incident_is_not_the_as_of(
    lang: str, body: str, figure: str, want: tuple[dt.date, str]
) -> None:
    doc = Document(id="t", body=body, language=lang, published=SUN, published_precision="day")
    at = body.index(figure)
    claim = next(c for c in extract_document(doc) if c.quantity.start <= at < c.quantity.end)
    assert claim.as_of is not None
    assert (claim.as_of.date, claim.as_of.derived_from) == want


# (body, published, figure, (day, derived_from))
STAMPS = [
    pytest.param(
        "| 2 October 2023, Monday |\n\nInmates freed 57 guards after the stand-off.",
        dt.date(2023, 9, 1),
        "57",
        (dt.date(2023, 9, 1), "published"),
        id="developed on: dev2, a page's crawl date a month after the story is not carried",
    ),
    pytest.param(
        "September 1, 2023\n\nInmates freed 57 guards after the stand-off.",
        dt.date(2023, 9, 2),
        "57",
        (dt.date(2023, 9, 1), "earlier_sentence"),
        id="regression: an update stamp within the week is still carried",
    ),
]


@pytest.mark.parametrize(("body", "published", "figure", "want"), STAMPS)
def test_a_far_date_stamp_is_not_carried(
    body: str, published: dt.date, figure: str, want: tuple[dt.date, str]
) -> None:
    doc = Document(id="t", body=body, language="en", published=published, published_precision="day")
    at = body.index(figure)
    claim = next(c for c in extract_document(doc) if c.quantity.start <= at < c.quantity.end)
    assert claim.as_of is not None
    assert (claim.as_of.date, claim.as_of.derived_from) == want
