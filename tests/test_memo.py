"""Remembering per-sentence work (``factcheck/extraction/memo.py``) changes no claim: a
document read with the sentences of other documents remembered gives the claims it gives
read with nothing remembered, and the claims of the plain steps the memo stands in for.

Developed on: sentences written here, drawn by hypothesis into documents where the same
sentence stands at other offsets. Regressions: the dev corpus (from ../shared at run
time), each article read after its own copy and after the other articles."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck import Document
from factcheck.documents import gather
from factcheck.extraction import (
    annotators,
    extract_document,
    memo,
    momentclaims,
    ownclause,
    places,
    population,
    revisions,
    speakers,
    subjectlayer,
)
from factcheck.extraction.attribution import find_attributions
from factcheck.extraction.events import find_events
from factcheck.extraction.language import sentence_language
from factcheck.extraction.places import find_places
from factcheck.extraction.population import population_of
from factcheck.extraction.quantities import find_quantities
from factcheck.extraction.subjects import forward_phrase
from factcheck.extraction.tokens import tokenize_span
from factcheck.models import Claim

DEV = Path(__file__).resolve().parent.parent.parent / "shared" / "dev" / "articles"

# news sentences in both languages (written for these tests), with figures, dates, places
# and sources, so that the steps the memo keeps and those it does not both have work
SENTENCES = st.sampled_from(
    [
        "At least 31 people died in the fire, officials said on Monday.",
        "Police said 12 guards were held in Cuenca.",
        "About 2,700 soldiers were deployed, according to the army.",
        "The toll rose to 40 dead on Tuesday.",
        "Al menos 43 reos murieron en el penal de Támara, informó el ministerio.",
        "Las autoridades elevaron la cifra a 46 muertos este miércoles.",
        "He added that 7 more were missing.",
        "Officials said 12 people were killed.",
    ]
)


class _Plain:
    """The memo's functions as the plain steps they stand in for."""

    @staticmethod
    def tokens(body: str, start: int, end: int) -> list[object]:
        return tokenize_span(body, start, end)  # type: ignore[return-value]

    @staticmethod
    def language(body: str, start: int, end: int, default: str) -> str:
        return sentence_language(body, start, end, default)

    @staticmethod
    def prefiltered(
        body: str, start: int, end: int, numbers: re.Pattern[str], cues: re.Pattern[str]
    ) -> tuple[bool, bool]:
        has_number = numbers.search(body, start, end) is not None
        return has_number, not has_number and cues.search(body, start, end) is not None

    quantities = staticmethod(find_quantities)
    places = staticmethod(find_places)
    attributions = staticmethod(find_attributions)
    events = staticmethod(find_events)
    population = staticmethod(population_of)
    forward_phrase = staticmethod(forward_phrase)
    sentence_key = staticmethod(memo.sentence_key)

    @staticmethod
    def _remember(table: object, key: object, value: object) -> None:
        """Nothing is kept."""


def _json(claims: list[Claim]) -> list[str]:
    return [c.model_dump_json() for c in claims]


def _plain_claims(doc: Document, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    import factcheck.extraction as extraction

    with monkeypatch.context() as m:
        # every module that asks the memo (places imports it where it asks, from the package)
        for module in (extraction, annotators, speakers, population, revisions, momentclaims, ownclause):
            m.setattr(module, "memo", _Plain)
        m.setattr(subjectlayer, "forward_phrase", forward_phrase)
        # the steps kept per distinct lead or sentence outside the memo, read anew
        m.setattr(ownclause, "_KINDS", {})
        m.setattr(places, "_LEAD_PLACES", {})
        return _json(extract_document(doc))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    first=st.lists(SENTENCES, min_size=1, max_size=6),
    second=st.lists(SENTENCES, min_size=1, max_size=6),
    glue=st.sampled_from([" ", "\n\n", "  "]),
)
def test_a_document_reads_the_same_with_other_documents_remembered(
    first: list[str], second: list[str], glue: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    memo.forget()
    a = Document(id="a", body=glue.join(first), published="2023-07-05")  # type: ignore[arg-type]
    b = Document(id="b", body="Update. " + glue.join(second), published="2023-07-06")  # type: ignore[arg-type]
    extract_document(a)  # b's sentences that a shares are now remembered, at other offsets
    remembered = _json(extract_document(b))
    memo.forget()
    assert remembered == _json(extract_document(b)) == _plain_claims(b, monkeypatch)


def test_what_the_memo_returns_is_a_copy_later_steps_may_change() -> None:
    from factcheck.extraction.tokens import tokenize

    memo.forget()
    first = memo.quantities(tokenize("Hubo 3 muertos."), 0.1, "es")
    first[0].value = 99.0
    again = memo.quantities(tokenize("Hubo 3 muertos."), 0.1, "es")
    assert [f.value for f in again] == [3.0]


@pytest.mark.skipif(not DEV.is_dir(), reason="the dev corpus is read from ../shared at run time")
def test_the_dev_articles_read_the_same_after_the_others(monkeypatch: pytest.MonkeyPatch) -> None:
    # regression: real articles, each read after all the others (and after itself), against
    # the plain steps
    docs, errors = gather([DEV])
    assert docs and not errors
    memo.forget()
    for doc in docs:
        extract_document(doc)
    for doc in docs:
        assert _json(extract_document(doc)) == _plain_claims(doc, monkeypatch), doc.id
