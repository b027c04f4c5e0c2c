"""Properties with hypothesis: extraction never raises, spans slice back to their text,
records round-trip through JSON, interval logic is symmetric."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from numberwords import number_to_words

from factcheck import Claim, Interval, extract_text
from factcheck.extraction.numbers import parse_number_words
from factcheck.intervals import from_qualifier

NEWSY = st.sampled_from(
    [
        "at least",
        "about",
        "nearly",
        "more than",
        "less than",
        "up to",
        "between",
        "and",
        "dozens of",
        "hundreds",
        "57",
        "2,700",
        "1.5 million",
        "fifty-seven",
        "a dozen",
        "guards",
        "police officers",
        "were",
        "released",
        "held",
        "in",
        "Cuenca",
        "Ecuador",
        "according to",
        "Reuters",
        "said",
        ",",
        ".",
        "\n",
        "$",
        "%",
        "hours",
        "days",
        "October",
        "15",
        "2021",
        "-",
        "the",
        "of",
        "hostages",
        "Turi jail",
        "He",
        "added",
        "that",
    ]
)
NOTICIOSO = st.sampled_from(
    [
        "al menos",
        "más de",
        "cerca de",
        "unos",
        "entre",
        "y",
        "de",
        "decenas de",
        "miles",
        "2.527",
        "1,5",
        "16 mil 601",
        "cincuenta y siete",
        "medio centenar",
        "reclusas",
        "heridos",
        "murieron",
        "el número de",
        "fallecidos",
        "según",
        "la Secretaría de Salud",
        "informó",
        "dijo",
        "hoy",
        "19 de septiembre",
        "las 19:00",
        "el lunes",
        "Támara",
        "Honduras",
        "Hindi bababa sa",
        "pitong",
        "dalawampu't",
        "katao ang nasawi",
        "ayon kay",
        "¿",
        "«",
        "»",
        ",",
        ".",
        "\n",
    ]
)
LANGUAGES = st.sampled_from([None, "en", "es", "pt", "it", "fr", "tl", "xx"])
TEXT = st.one_of(
    st.text(max_size=300), st.lists(NEWSY, max_size=40).map(" ".join), st.lists(NOTICIOSO, max_size=40).map(" ".join)
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(TEXT, LANGUAGES)
def test_extraction_never_raises_and_spans_slice_back(text: str, language: str | None) -> None:
    """In any language, given or detected, and for languages factcheck has no data for."""
    for c in extract_text(text, language=language):
        assert text[c.quantity.start : c.quantity.end] == c.quantity.text
        assert text[c.sentence_start : c.sentence_end] == c.sentence
        assert c.sentence_start <= c.quantity.start <= c.quantity.end <= c.sentence_end
        if c.source is not None:
            assert text[c.source.start : c.source.end] == c.source.name
        if c.subject_start is not None and c.subject_end is not None:
            assert text[c.subject_start : c.subject_end] == c.subject_text


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(NEWSY, max_size=40).map(" ".join))
def test_claims_round_trip_through_json(text: str) -> None:
    for c in extract_text(text):
        assert Claim.model_validate_json(c.model_dump_json()) == c


@given(st.integers(min_value=0, max_value=999_999_999))
def test_integers_in_words_parse_back(n: int) -> None:
    words = number_to_words(n)
    assert parse_number_words(words) == n


bounds = st.one_of(st.none(), st.integers(-1000, 1000).map(float))


@st.composite
def intervals(draw: st.DrawFn) -> Interval:
    low, high = draw(bounds), draw(bounds)
    if low is not None and high is not None and low > high:
        low, high = high, low
    return Interval(low, high, draw(st.booleans()) and low is not None, draw(st.booleans()) and high is not None)


@given(intervals(), intervals())
def test_overlap_and_gap_are_symmetric(a: Interval, b: Interval) -> None:
    assert a.overlaps(b) == b.overlaps(a)
    assert a.gap(b) == b.gap(a)
    assert (a.gap(b) > 0) <= (not a.overlaps(b))


@given(intervals(), intervals())
def test_a_part_that_exceeds_never_overlaps(a: Interval, b: Interval) -> None:
    if a.exceeds(b):
        assert not a.overlaps(b) or (a.lo == b.hi)


@given(
    st.integers(1, 100_000),
    st.sampled_from(["exact", "approximately", "nearly", "at_least", "more_than", "at_most", "less_than"]),
)
def test_a_qualified_number_agrees_with_itself(value: int, qualifier: str) -> None:
    iv = from_qualifier(value, qualifier)
    assert iv.overlaps(iv) or (iv.low == iv.high and (iv.low_open or iv.high_open))
