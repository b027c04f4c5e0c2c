"""The day a when-clause gives a figure's clause (:mod:`factcheck.extraction.whenclauses`):
a state at the event's moment holds on it, a cumulative toll does not, whichever verb the
clause uses. The sentences are written for these tests, imitating the patterns named in each
label (the probe cluster of a mine collapse told in four languages, and ecuador-quake-2016's
"About 2,500 people were injured when the ... quake hit Saturday evening", dated in the
gold by its report); none is copied from an article."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck import Document
from factcheck.extraction import extract_document
from factcheck.extraction.timewords import flat, time_words
from factcheck.vocabulary import grammar

WED = dt.date(2025, 5, 14)
TUE = dt.date(2025, 5, 13)


def _as_of(body: str, figure: str, lang: str) -> dt.date | None:
    doc = Document(id="t", body=body, language=lang, published=WED, published_precision="day")
    at = body.index(figure)
    for c in extract_document(doc):
        if c.quantity.start <= at < c.quantity.end:
            assert c.as_of is not None
            return c.as_of.date
    raise AssertionError(f"no claim at {figure!r}")


# (language, body, figure, the day it holds)
CASES = [
    pytest.param(
        "en",
        "Ten miners were trapped when the tunnel collapsed on Tuesday afternoon, the state governor said.",
        "Ten",
        TUE,
        id="developed on the mine probe: a state told with a when-clause of an event verb holds on its day",
    ),
    pytest.param(
        "en",
        "Ten miners were trapped when the tunnel caved in on Tuesday afternoon, the state governor said.",
        "Ten",
        TUE,
        id="developed on the mine probe: the same with a verb outside event_verbs",
    ),
    pytest.param(
        "en",
        "When the tunnel collapsed on Tuesday, ten miners were trapped inside, officials said.",
        "ten",
        TUE,
        id="developed on the mine probe: a when-clause that opens the sentence",
    ),
    pytest.param(
        "en",
        "Forty passengers were aboard when the ferry sank on Tuesday, the coast guard said.",
        "Forty",
        TUE,
        id="developed on the mine probe: people aboard at the moment of a sinking",
    ),
    pytest.param(
        "en",
        "About 2,500 people were injured when the quake hit Saturday evening, the vice president said.",
        "2,500",
        WED,
        id="developed on ecuador-quake-2016: a cumulative toll is the report's, not the quake's day",
    ),
    pytest.param(
        "en",
        "Twelve people were killed when the bus plunged into a ravine on Tuesday, police said.",
        "Twelve",
        WED,
        id="developed on the mine probe: a toll with a verb outside event_verbs is the report's too",
    ),
    pytest.param(
        "es",
        "Diez mineros quedaron atrapados cuando el túnel colapsó el martes por la tarde, informó el gobernador.",
        "Diez",
        TUE,
        id="developed on the mine probe (es): a state with 'cuando' holds on the clause's day",
    ),
    pytest.param(
        "es",
        "Doce personas murieron cuando el autobús cayó a un barranco el martes, informó la policía.",
        "Doce",
        WED,
        id="developed on the mine probe (es): a toll with 'cuando' is the report's",
    ),
    pytest.param(
        "pt",
        "Dez mineiros ficaram desaparecidos quando o túnel desabou na terça-feira, disse o governador.",
        "Dez",
        TUE,
        id="developed on the mine probe (pt): people missing when the tunnel collapsed",
    ),
    pytest.param(
        "pt",
        "Doze pessoas morreram quando o ônibus caiu num barranco na terça-feira, disse a polícia.",
        "Doze",
        WED,
        id="developed on the mine probe (pt): a toll with 'quando' is the report's",
    ),
    pytest.param(
        "it",
        "Dieci minatori sono rimasti intrappolati quando il tunnel è crollato martedì pomeriggio, "
        "ha detto il governatore.",
        "Dieci",
        TUE,
        id="developed on the mine probe (it): a state with 'quando' holds on the clause's day",
    ),
    pytest.param(
        "it",
        "Dodici persone sono morte quando l'autobus è precipitato in un burrone martedì, ha detto la polizia.",
        "Dodici",
        WED,
        id="developed on the mine probe (it): a toll with 'quando' is the report's",
    ),
    pytest.param(
        "en",
        "Ten miners remain trapped, the governor said when he visited the mine on Wednesday.",
        "Ten",
        WED,
        id="regression, found writing the rule: a when-clause after a reporting verb dates the report",
    ),
    pytest.param(
        "en",
        "The death toll rose to 12 when rescuers found two more bodies on Tuesday.",
        "12",
        TUE,
        id="regression, found writing the rule: a when-clause after a change dates the change, the toll's own day",
    ),
    pytest.param(
        "es",
        "La cifra de muertos subió a 12 cuando los rescatistas hallaron dos cuerpos más el martes.",
        "12",
        TUE,
        id="regression, found writing the rule (es): 'subió a 12 cuando ... el martes' is the toll's day",
    ),
]


@pytest.mark.parametrize(("lang", "body", "figure", "want"), CASES)
def test_a_when_clause_dates_a_state_not_a_toll(lang: str, body: str, figure: str, want: dt.date) -> None:
    assert _as_of(body, figure, lang) == want


@pytest.mark.parametrize("lang", ["en", "es", "it", "pt"])
def test_when_clauses_are_no_relative_words(lang: str) -> None:
    """A relative word ("that", "que") opens a clause about the counted, not about when the
    figure's clause happened: it is never one of ``when_clauses``."""
    words = time_words(lang)
    assert words.when_clauses
    relatives = {flat(w) for w in grammar(lang).relative}
    assert not words.when_clauses & (relatives | words.complementisers)
