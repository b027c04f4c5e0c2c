"""The national toll as the time of two undated figures, for the pairing score.

Provenance of the sentences: written here, in the shape of wire reports (no corpus text);
each test names the corpus case it was developed on or is a regression for."""

from __future__ import annotations

from factcheck import Settings
from factcheck.extraction import extract_text
from factcheck.reconciliation import facets_of
from factcheck.reconciliation.agreement import FIELDS, compare
from factcheck.reconciliation.clocks import by_clock
from factcheck.reconciliation.keys import Facet

TIME = FIELDS.index("time")


def _facets(docs: list[tuple[str, str]]) -> dict[str, Facet]:
    claims = sorted((c for d, t in docs for c in extract_text(t, d, language="en")), key=lambda c: c.id)
    return {f.claim.quantity.text: f for f in facets_of(claims, Settings())[1].values()}


# developed on dev: otis-2023 ("hay alrededor de 6 personas desaparecidas" from the federal
# government against "At least 36 people were still missing" from the state's governor,
# both undated, each beside a national toll of 48): two reports of one moment whose
# missing date weighed against them as if they might be days apart
MISSING = [
    ("a", "Officials said 48 people were killed in Peru. About 6 people are missing, the federal government said."),
    ("b", "The toll rose to 48 dead in Peru. At least 36 people are missing, the governor said."),
    ("c", "Officials said 27 people were killed in Peru."),
]


def test_two_reports_with_one_national_toll_are_of_one_moment() -> None:
    f = _facets(MISSING)
    x, y = f["About 6"], f["At least 36"]
    plain = compare(x, y)
    assert plain.levels[TIME] == "unknown"
    c = by_clock(plain, x, y)
    assert c.levels[TIME] == "same"
    assert "national death toll of 48" in c.words[TIME]
    assert c.levels[:TIME] == plain.levels[:TIME] and c.levels[TIME + 1 :] == plain.levels[TIME + 1 :]


def test_tolls_that_differ_date_nothing_as_one_moment() -> None:
    docs = [*MISSING[:1], ("b", "The toll rose to 27 dead in Peru. At least 36 people are missing, the governor said.")]
    f = _facets(docs)
    c = compare(f["About 6"], f["At least 36"])
    assert by_clock(c, f["About 6"], f["At least 36"]).levels[TIME] == "unknown"


# regression, dev2: guayaquil-carbomb-2025-10 (one dead from the first report to the last:
# "25 de los heridos tenían heridas leves" met the 30 injured of another report as of one
# moment, and a breakdown became a warning)
def test_a_toll_that_never_changed_dates_nothing() -> None:
    docs = [
        ("a", "One person was killed in Peru. Officials said 25 people were injured."),
        ("b", "One person was killed in Peru and 30 people were injured, police said."),
    ]
    f = _facets(docs)
    x, y = f["25"], f["30"]
    assert x.clock is not None
    assert not x.clock.moves
    assert by_clock(compare(x, y), x, y).levels[TIME] == "unknown"


# regression, dev: otis-2023 ("Some 43" dead, a figure its report gives beside its toll
# of 48, against "approximately 100" dead elsewhere): a toll's moment is its own figure
def test_tolls_and_one_reports_figures_are_not_dated_by_the_toll() -> None:
    f = _facets(MISSING)
    own = _facets([("a", MISSING[0][1] + " Some 40 people were hurt, officials said.")])
    x, y = own["About 6"], own["Some 40"]
    assert x.claim.document == y.claim.document
    assert by_clock(compare(x, y), x, y).levels[TIME] == "unknown"
    toll, other = f["48"], f["About 6"]
    assert by_clock(compare(toll, other), toll, other).levels[TIME] != "same"
