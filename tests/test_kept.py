"""Indexes kept between runs (factcheck/kept.py) are memos, never sources: each kept index
equals the one built from scratch, and keeping is refused or skipped whenever it could
serve a stale or damaged copy (developed on issue 20: a seed check spent half a second
rebuilding the gazetteer, pint's registry and simplemma's dictionary index every run)."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from factcheck import kept as kept_module
from factcheck.gazetteer import Gazetteer, gazetteer
from factcheck.kept import kept


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("FACTCHECK_CACHE", str(folder))
    return folder


def _counting_build(calls: list[int], value: object) -> object:
    calls.append(1)
    return value


def test_built_once_then_read(cache_dir: Path) -> None:
    calls: list[int] = []
    first = kept("probe", lambda: _counting_build(calls, {"a": (1, 2.5, "x")}))
    second = kept("probe", lambda: _counting_build(calls, {"a": "other"}))
    assert first == second == {"a": (1, 2.5, "x")}
    assert len(calls) == 1
    assert len(list(cache_dir.glob("probe-*.pickle"))) == 1


def test_off_builds_every_time(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("FACTCHECK_CACHE", "0")
    calls: list[int] = []
    kept("probe", lambda: _counting_build(calls, 1))
    kept("probe", lambda: _counting_build(calls, 1))
    assert len(calls) == 2
    assert kept_module.folder() is None


def test_damaged_file_is_rebuilt(cache_dir: Path) -> None:
    kept("probe", lambda: [1, 2, 3])
    (path,) = cache_dir.glob("probe-*.pickle")
    path.write_bytes(b"not a pickle")
    assert kept("probe", lambda: [4]) == [4]
    assert pickle.loads(path.read_bytes()) == [4]


def test_unwritable_folder_only_costs_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("FACTCHECK_CACHE", str(blocker / "cache"))
    assert kept("probe", lambda: "built") == "built"


def test_a_changed_package_file_changes_the_key(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = kept_module.key("probe")
    monkeypatch.setattr(kept_module, "_package_stamp", lambda: b"another edit of the data")
    after = kept_module.key("probe")
    assert before != after
    calls: list[int] = []
    kept("probe", lambda: _counting_build(calls, 1))
    monkeypatch.undo()
    monkeypatch.setenv("FACTCHECK_CACHE", str(cache_dir))
    kept("probe", lambda: _counting_build(calls, 1))
    assert len(calls) == 2  # the other fingerprint's file is not read
    assert len(list(cache_dir.glob("probe-*.pickle"))) == 1  # and is replaced


def test_a_library_upgrade_changes_the_key() -> None:
    assert kept_module.key("probe", ("pint",)) != kept_module.key("probe", ("simplemma",))
    assert kept_module.key("probe", ("no_such_library_here",)) != kept_module.key("probe")


def test_kept_gazetteer_equals_a_fresh_build() -> None:
    fresh = Gazetteer().__getstate__()
    loaded = gazetteer().__getstate__()
    assert list(fresh) == list(loaded)
    for name, value in fresh.items():
        assert loaded[name] == value, name
    # the copy read back is the same index, entry for entry and in the same order
    assert list(loaded["by_name"].items()) == list(fresh["by_name"].items())


def test_kept_units_equal_pint() -> None:
    from factcheck import units

    names, conversions = units._kept()
    assert names and conversions
    for unit, name in names.items():
        assert units._pint_name(unit) == name, unit
    for name, conversion in conversions.items():
        assert units._pint_conversion(name) == conversion, name


@pytest.mark.parametrize("lang", ["en", "es"])
def test_kept_lemma_dictionary_answers_as_simplemma(lang: str) -> None:
    from simplemma.strategies.dictionaries.stream_dictionary_factory import StreamMap

    from factcheck.extraction.taxonomy import _lemmatizer

    _lemmatizer()("casas", lang=lang)  # the factory keeps the language's dictionary
    fresh = StreamMap(lang)
    factory = _lemmatizer().__self__._lemmatization_strategy._dictionary_lookup._dictionary_factory  # type: ignore[attr-defined]
    loaded = factory.get_dictionary(lang)
    keys = list(fresh)
    assert list(loaded) == keys
    for word in keys[::97] + ["guards", "Guards", "officers", "reclusas", "zzzz"]:
        assert loaded.get(word) == fresh.get(word), word


@pytest.mark.parametrize("country", ["MX", "EC", "HN"])
def test_kept_towns_equal_a_fresh_build(country: str) -> None:
    fresh = gazetteer()._build_local(country)
    loaded = gazetteer()._local(country)
    assert list(loaded.items()) == list(fresh.items())


def test_kept_language_model_equals_the_shipped_one() -> None:
    from factcheck.langmodel import LanguageModel
    from factcheck.language import _identifier

    fresh = LanguageModel.load()
    loaded = _identifier()
    assert vars(loaded).keys() == vars(fresh).keys()
    for name, value in vars(fresh).items():
        assert getattr(loaded, name) == value, name
    text = "Al menos 46 reclusas murieron en el penal de Támara"
    assert loaded.probabilities(text) == fresh.probabilities(text)


def test_files_of_abandoned_installs_are_removed(cache_dir: Path) -> None:
    """A folder shared by many checkouts stays bounded: files no run has written for a month
    go when an index is written; a recent file of another install stays."""
    import os
    import time

    cache_dir.mkdir(parents=True)
    old, recent = cache_dir / "probe-aaaaaaaa-0.pickle", cache_dir / "probe-bbbbbbbb-0.pickle"
    for f in (old, recent):
        f.write_bytes(pickle.dumps(1))
    month_ago = time.time() - (kept_module.ABANDONED_DAYS + 1) * 86400
    os.utime(old, (month_ago, month_ago))
    kept("other", lambda: 2)
    assert not old.exists() and recent.exists()
    assert len(list(cache_dir.glob("other-*.pickle"))) == 1
