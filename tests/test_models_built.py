"""Records the extractor builds without validation (``_Record.built``) are exactly what
pydantic would have built: same values, same types, same JSON, and the invariants still
hold. Checked on the seeds, the dev articles when ../shared is beside the checkout, and
arbitrary text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from factcheck import AsOf, Claim, Quantity, Source, TimeRef, extract, extract_text, read_document
from factcheck.extraction import extract_document

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def _same(built: Any, validated: Any, where: str) -> None:
    """``built`` and ``validated`` hold equal values of the same types, field by field."""
    assert type(built) is type(validated), f"{where}: {type(built).__name__} != {type(validated).__name__}"
    if isinstance(built, BaseModel):
        assert list(built.__dict__) == list(validated.__dict__), where
        for name in type(built).model_fields:
            _same(getattr(built, name), getattr(validated, name), f"{where}.{name}")
    elif isinstance(built, tuple | list):
        assert len(built) == len(validated), where
        for k, (a, b) in enumerate(zip(built, validated, strict=True)):
            _same(a, b, f"{where}[{k}]")
    else:
        assert built == validated, where


def _revalidates(claim: Claim) -> None:
    again = Claim.model_validate(claim.model_dump())
    _same(claim, again, claim.id)
    assert claim == again
    assert hash(claim) == hash(again)
    assert claim.model_dump_json() == again.model_dump_json()


def test_seed_claims_revalidate(seed_claims: list[Claim]) -> None:
    assert seed_claims
    for claim in seed_claims:
        _revalidates(claim)


def test_dev_claims_revalidate() -> None:
    articles = sorted((SHARED / "dev" / "articles").glob("*/*.md"))
    if not articles:
        pytest.skip("../shared/dev is not beside this checkout")
    count = 0
    for path in articles:
        for claim in extract_document(read_document(path)):
            _revalidates(claim)
            count += 1
    assert count > 500


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 ,.%$-abcdeyolsmithrnu\n")), max_size=120))
def test_claims_from_any_text_revalidate(text: str) -> None:
    for claim in extract_text(text, language="en") + extract_text(text, language="es"):
        _revalidates(claim)


def test_built_fills_defaults_in_declared_order() -> None:
    built = AsOf.built(basis="published", date=dt.date(2024, 1, 2))
    assert built == AsOf(date=dt.date(2024, 1, 2), basis="published")
    assert list(built.__dict__) == list(AsOf.model_fields)
    assert built.model_fields_set == {"basis", "date"}


def test_built_rejects_unknown_and_missing_fields() -> None:
    with pytest.raises(TypeError, match="has no field colour"):
        Source.built(name="police", cue="said", start=0, end=6, colour="red")
    with pytest.raises(TypeError, match="needs cue"):
        Source.built(name="police", start=0, end=6)


def test_built_keeps_the_invariants() -> None:
    with pytest.raises(ValueError, match="above high"):
        Quantity.built(text="5", start=0, end=1, value=5.0, low=6.0, high=5.0)
    with pytest.raises(ValueError, match="end before start"):
        Quantity.built(text="5", start=3, end=1, value=5.0, low=5.0, high=5.0)


def test_built_records_are_frozen_and_hashable() -> None:
    ref = TimeRef.built(text="on Tuesday", start=0, end=10)
    with pytest.raises(Exception, match="frozen"):
        ref.text = "x"  # type: ignore[misc]
    assert hash(ref) == hash(TimeRef(text="on Tuesday", start=0, end=10))


def test_extract_of_a_folder_revalidates(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("---\nlanguage: es\n---\nAl menos 46 reclusas murieron el martes.\n")
    claims = extract([tmp_path])
    assert [c.quantity.value for c in claims] == [46.0]
    _revalidates(claims[0])
