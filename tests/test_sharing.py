"""Sharing equal parts of claims (``factcheck/sharing.py``) changes no claim: every field,
comparison and JSON dump reads as before; only identities change.

Developed on: records written here (values that compare equal across types, such as 1
and 1.0 or 0.0 and -0.0, which must stay apart) and records drawn by hypothesis.
Regressions: the dev corpus (from ../shared at run time), its claims dumped before and
after sharing."""

from __future__ import annotations

import datetime as dt
import pickle
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck import sharing
from factcheck.documents import gather
from factcheck.extraction import extract_document, extract_text
from factcheck.models import AsOf, Claim, Place, Quantity, Source

DEV = Path(__file__).resolve().parent.parent.parent / "shared" / "dev" / "articles"


def _claim(i: int, quantity: Quantity, **fields: object) -> Claim:
    base: dict[str, object] = {
        "id": f"d:{i}",
        "document": "d",
        "quantity": quantity,
        "sentence": "Officials said 12 people were killed.",
        "sentence_start": 0,
        "sentence_end": 38,
        "sentence_index": 0,
    }
    base.update(fields)
    return Claim.built(**base)


def _quantity(value: float | int) -> Quantity:
    return Quantity.built(text="12", start=15, end=17, value=value, low=value, high=value)


def _dumps(claims: list[Claim]) -> list[str]:
    return [c.model_dump_json() for c in claims]


# developed on
def test_equal_parts_become_one_object() -> None:
    place = {"name": "Cuenca", "kind": "city", "within": ("Azuay", "Ecuador"), "country": "EC"}
    a = _claim(
        1, _quantity(12.0), place=Place.built(**place), source=Source.built(name="police", cue="said", start=0, end=9)
    )
    b = _claim(
        2, _quantity(12.0), place=Place.built(**place), source=Source.built(name="police", cue="said", start=0, end=9)
    )
    before = _dumps([a, b])
    sharing.share([a, b])
    assert a.place is b.place and a.source is b.source and a.quantity is b.quantity
    assert a.__pydantic_fields_set__ is b.__pydantic_fields_set__
    assert _dumps([a, b]) == before


@pytest.mark.parametrize(
    ("one", "other"),
    [(12.0, 12), (0.0, -0.0), (1.0, True)],
    ids=["float-int", "zero-negative-zero", "float-bool"],
)
def test_equal_values_of_other_types_stay_apart(one: float, other: float) -> None:
    # 12.0 == 12 and 0.0 == -0.0 with equal hashes, but they dump differently
    a, b = _claim(1, _quantity(one)), _claim(2, _quantity(other))
    before = _dumps([a, b])
    sharing.share([a, b])
    assert a.quantity is not b.quantity
    assert _dumps([a, b]) == before


def test_given_names_keep_records_apart() -> None:
    # the same values, one given explicitly and one left to its default: exclude_unset
    # reads them differently, so they are different parts
    a = _claim(1, _quantity(12.0), as_of=AsOf.built(date=dt.date(2023, 1, 2), basis="published"))
    b = _claim(2, _quantity(12.0), as_of=AsOf.built(date=dt.date(2023, 1, 2), basis="published", text=None))
    before = [c.model_dump_json(exclude_unset=True) for c in (a, b)]
    sharing.share([a, b])
    assert a.as_of is not b.as_of
    assert [c.model_dump_json(exclude_unset=True) for c in (a, b)] == before


@given(
    st.lists(
        st.tuples(
            st.sampled_from([12, 12.0, 0.0, -0.0, 7.5, float("nan")]),
            st.sampled_from(["police", "Police", "the army"]),
            st.sampled_from([None, "Cuenca", "Quito"]),
        ),
        min_size=1,
        max_size=8,
    )
)
def test_sharing_changes_no_dump(drawn: list[tuple[float, str, str | None]]) -> None:
    claims = [
        _claim(
            i,
            _quantity(value),
            source=Source.built(name=name, cue="said", start=0, end=len(name)),
            place=None if town is None else Place.built(name=town, kind="city", within=("Ecuador",), country="EC"),
        )
        for i, (value, name, town) in enumerate(drawn)
    ]
    before = _dumps(claims)
    sharing.share(claims)
    assert _dumps(claims) == before


def test_forget_starts_afresh() -> None:
    a = _claim(1, _quantity(12.0), source=Source.built(name="police", cue="said", start=0, end=9))
    sharing.share([a])
    sharing.forget()
    b = _claim(2, _quantity(12.0), source=Source.built(name="police", cue="said", start=0, end=9))
    sharing.share([b])
    assert b.source is not a.source and b.source == a.source


def test_extracted_claims_are_shared() -> None:
    a, b = extract_text("Officials said 12 people were killed. Officials said 12 people were killed.")
    # the same sentence at two offsets: its text and its source's name are one object
    assert a.sentence is b.sentence and a.source.name is b.source.name
    assert a.source != b.source  # their offsets differ


# regressions: the dev corpus, each article's claims shared again after all the others
@pytest.mark.skipif(not DEV.is_dir(), reason="needs ../shared/dev")
def test_dev_claims_dump_as_before() -> None:
    docs, _ = gather([DEV])
    claims = [c for doc in sorted(docs, key=lambda d: d.id) for c in extract_document(doc)]
    # each claim pickled on its own: records of the same values that share nothing
    copies = [pickle.loads(pickle.dumps(c)) for c in claims]
    assert copies[0].sentence is not claims[0].sentence
    before = _dumps(copies)
    unset = [c.model_dump_json(exclude_unset=True) for c in copies]
    sharing.share(copies)
    assert _dumps(copies) == before == _dumps(claims)
    assert [c.model_dump_json(exclude_unset=True) for c in copies] == unset
    assert [c.model_dump_json(exclude_unset=True) for c in claims] == unset
    assert copies == claims
