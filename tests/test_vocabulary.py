"""The data tables load, and hold no duplicates or contradictions."""

from __future__ import annotations

from collections import Counter

import pytest

from factcheck import vocabulary
from factcheck.units import canonical


@pytest.mark.parametrize("name", sorted(vocabulary.TABLES))
def test_table_loads(name: str) -> None:
    assert vocabulary.load(name) is not None


def test_every_table_opens_with_a_comment() -> None:
    from importlib import resources

    for name in vocabulary.TABLES:
        text = (resources.files("factcheck") / "data" / f"{name}.yaml").read_text(encoding="utf-8")
        assert text.startswith("#"), f"data/{name}.yaml must open with a comment saying what its fields mean"


def test_a_qualifier_phrase_has_one_meaning() -> None:
    seen = Counter(p for q in vocabulary.qualifiers().qualifiers.values() for p in q.before)
    assert [p for p, n in seen.items() if n > 1] == []
    seen = Counter(p for q in vocabulary.qualifiers().qualifiers.values() for p in q.after)
    assert [p for p, n in seen.items() if n > 1] == []


def test_unit_words_name_one_unit() -> None:
    table = vocabulary.units()
    words = [w.lower() for ws in table.units.values() for w in ws]
    words += [w.lower() for c in table.currencies.values() for w in c.words]
    assert [w for w, n in Counter(words).items() if n > 1] == []
    for unit in table.units:
        assert canonical(unit)  # pint knows every unit


def test_event_forms_belong_to_one_event() -> None:
    forms = [f for ev in vocabulary.events().events.values() for f in ev.forms]
    assert [f for f, n in Counter(forms).items() if n > 1] == []


def test_subject_names_belong_to_one_class() -> None:
    names = [n for c in vocabulary.subjects().classes.values() for n in c.names]
    assert [n for n, k in Counter(names).items() if k > 1] == []


def test_number_words_do_not_overlap() -> None:
    nums = vocabulary.numbers()
    assert not set(nums.units) & set(nums.tens)
    assert not set(nums.vague) & (set(nums.units) | set(nums.tens) | set(nums.fixed))


def test_grammar_words_are_strings() -> None:
    # YAML 1.1 reads bare "no" and "on" as booleans; the loader must never see them
    g = vocabulary.grammar()
    for field in type(g).model_fields:
        assert all(isinstance(w, str) for w in getattr(g, field))
