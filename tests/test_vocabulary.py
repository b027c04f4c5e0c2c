"""The data tables load, and hold no duplicates or contradictions; every language folder
has the same files and keys, and maps its words onto classes that exist."""

from __future__ import annotations

from collections import Counter
from importlib import resources
from typing import Any

import pytest
import yaml

from factcheck import vocabulary
from factcheck.units import canonical

DATA = resources.files("factcheck") / "data"


def _folders() -> list[str]:
    return sorted(p.name for p in DATA.iterdir() if p.is_dir() and not p.name.startswith(("_", ".")))


LANGS = _folders()


def _raw(relative: str) -> Any:
    return yaml.safe_load((DATA / relative).read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(vocabulary.NEUTRAL_TABLES))
def test_neutral_table_loads(name: str) -> None:
    assert vocabulary.load(name) is not None


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", sorted(vocabulary.LANGUAGE_TABLES))
def test_language_table_loads(name: str, lang: str) -> None:
    assert vocabulary.data_language(lang) == lang
    assert vocabulary.load(name, lang) is not None


def test_every_data_file_opens_with_a_comment() -> None:
    paths = [f"{n}.yaml" for n in vocabulary.NEUTRAL_TABLES]
    paths += [f"{lang}/{p.name}" for lang in LANGS for p in (DATA / lang).iterdir() if p.name.endswith(".yaml")]
    for rel in paths:
        text = (DATA / rel).read_text(encoding="utf-8")
        assert text.startswith("#"), f"data/{rel} must open with a comment saying what its fields mean"


def test_every_language_folder_has_the_same_files_and_keys() -> None:
    files = {lang: sorted(p.name for p in (DATA / lang).iterdir() if p.name.endswith(".yaml")) for lang in LANGS}
    assert "en" in files
    for lang, names in files.items():
        assert names == files["en"], f"data/{lang}/ holds {names}, data/en/ holds {files['en']}"
        for name in names:
            keys, en_keys = set(_raw(f"{lang}/{name}")), set(_raw(f"en/{name}"))
            assert keys == en_keys, f"data/{lang}/{name}: keys {sorted(keys ^ en_keys)} differ from data/en/"
    for name in vocabulary.LANGUAGE_TABLES:
        assert f"{name}.yaml" in files["en"]


def test_every_language_is_declared() -> None:
    declared = vocabulary.languages()
    for lang in LANGS:
        assert lang in declared, f"data/{lang}/ is not declared in data/languages.yaml"
    for entry in declared.values():
        assert entry.fallback is None or entry.fallback in declared


@pytest.mark.parametrize("lang", LANGS)
def test_words_map_to_classes_that_exist(lang: str) -> None:
    events = _raw(f"{lang}/events.yaml")["events"]
    assert set(events) <= set(vocabulary.event_classes())
    subjects = _raw(f"{lang}/subjects.yaml")
    assert set(subjects["subjects"]) <= set(vocabulary.subject_classes())
    for word, noun in (subjects.get("event_nouns") or {}).items():
        assert noun["subject"] in vocabulary.subject_classes(), word
        assert noun["event"] in vocabulary.event_classes(), word
    quals = _raw(f"{lang}/qualifiers.yaml")["qualifiers"]
    assert set(quals) <= set(vocabulary.load("qualifier_classes").qualifiers)


@pytest.mark.parametrize("lang", LANGS)
def test_a_qualifier_phrase_has_one_meaning(lang: str) -> None:
    quals = vocabulary.qualifiers(lang).qualifiers.values()
    for side in ("before", "after"):
        seen = Counter(p.lower() for q in quals for p in getattr(q, side))
        assert [p for p, n in seen.items() if n > 1] == []


@pytest.mark.parametrize("lang", LANGS)
def test_unit_words_name_one_unit(lang: str) -> None:
    table = vocabulary.units(lang)
    words = [w.lower() for ws in table.units.values() for w in ws]
    words += [w.lower() for c in table.currencies.values() for w in c.words]
    assert [w for w, n in Counter(words).items() if n > 1] == []
    for unit in table.units:
        assert canonical(unit)  # pint knows every unit


@pytest.mark.parametrize("lang", LANGS)
def test_event_forms_belong_to_one_event(lang: str) -> None:
    forms = [f.lower() for ev in vocabulary.events(lang).events.values() for f in ev.forms]
    assert [f for f, n in Counter(forms).items() if n > 1] == []


@pytest.mark.parametrize("lang", LANGS)
def test_subject_names_belong_to_one_class(lang: str) -> None:
    table = vocabulary.subjects(lang)
    names = [n.lower() for c in table.classes.values() for n in c.names]
    assert [n for n, k in Counter(names).items() if k > 1] == []
    # a noun that names an event as well ("deaths") is not also a plain class name
    assert set(table.event_nouns) & set(names) == set()


@pytest.mark.parametrize("lang", LANGS)
def test_number_words_do_not_overlap(lang: str) -> None:
    nums = vocabulary.numbers(lang)
    assert not set(nums.units) & set(nums.tens)
    assert not set(nums.hundreds) & (set(nums.units) | set(nums.tens))
    assert not set(nums.vague) & (set(nums.units) | set(nums.tens) | set(nums.fixed))


@pytest.mark.parametrize("lang", LANGS)
def test_grammar_words_are_strings(lang: str) -> None:
    # YAML 1.1 reads bare "no" and "on" as booleans; the loader must never see them
    g = vocabulary.grammar(lang)
    for field in type(g).model_fields:
        values = getattr(g, field)
        flat = [w for v in values for w in (v if isinstance(v, tuple) else (v,))]
        assert all(isinstance(w, str) for w in flat), field
    a = vocabulary.attribution(lang)
    for field in type(a).model_fields:
        assert all(isinstance(w, str) for w in getattr(a, field)), field


def test_event_and_subject_classes_are_closed_lists() -> None:
    kinds = vocabulary.event_classes()
    for name in ("killed", "injured", "missing", "detained", "held", "released", "rescued", "evacuated"):
        assert name in kinds
    # rescued from rubble is not released from captivity (dev: ecuador-quake-2016)
    assert kinds["rescued"].frame != kinds["released"].frame
    assert kinds["killed"].cumulative


@pytest.mark.parametrize("lang", LANGS)
def test_identifier_words_are_consistent(lang: str) -> None:
    raw = _raw(f"{lang}/identifiers.yaml")
    for key, words in raw.items():
        assert [w for w, k in Counter(words).items() if k > 1] == [], f"data/{lang}/identifiers.yaml {key}: duplicates"
    table = vocabulary.identifiers(lang)
    # "before" and "streets" are matched in lower case; "after" only when written with a capital
    assert all(w == w.lower() for w in table.before | table.streets | table.score_words)
    assert all(w[:1].isupper() for w in table.after)
    # a word that names a thing is never also a unit word, or "5 km" would lose its figure
    units = {w.lower() for ws in vocabulary.units(lang).units.values() for w in ws}
    assert not (table.before | {w.lower() for w in table.after}) & units


@pytest.mark.parametrize("lang", LANGS)
def test_fraction_words_are_consistent(lang: str) -> None:
    nums = vocabulary.numbers(lang)
    assert all(d >= 2 for d in nums.fractions.values())
    # a word that stands alone as a share ("half", "mitad") is a fraction word with its exceptions
    assert set(nums.fraction_alone) <= set(nums.fractions)
    assert not set(nums.fractions) & (set(nums.units) | set(nums.tens) | set(nums.scales))


def test_a_key_written_twice_in_a_data_file_is_refused() -> None:
    """A second ``range_articles:`` once replaced the first without a word; the loader now
    names the key and the line."""
    import yaml

    from factcheck.vocabulary import _UniqueKeyLoader

    with pytest.raises(yaml.YAMLError, match="written twice"):
        yaml.load("ranges: []\nchange_words: [a]\nranges: [b]\n", Loader=_UniqueKeyLoader)  # noqa: S506
    assert yaml.load("a: {b: 1}\nc: {b: 2}\n", Loader=_UniqueKeyLoader) == {"a": {"b": 1}, "c": {"b": 2}}  # noqa: S506
