"""The language model factcheck scores in pure Python (factcheck/langmodel.py, from
data/langid.xz) answers as py3langid does, and is current: rebuilt from the pinned
py3langid it gives the same bytes (developed on issue 22: py3langid pulled numpy, 73 MB of
the install, for one matrix product per sentence)."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.langmodel import LanguageModel
from factcheck.language import LANGUAGES, _identifier

ROOT = Path(__file__).resolve().parent.parent

# developed on: lines of the seed articles and of the docs' examples, in four languages
EXAMPLES = [
    ("Al menos 46 reclusas murieron en el penal de Támara", "es"),
    ("Rescuers searched the rubble on Sunday as the death toll rose to 413.", "en"),
    ("Pelo menos 46 presas morreram na prisão de Támara, disse a polícia.", "pt"),
    ("Almeno 46 detenute sono morte nel carcere di Támara, ha detto la polizia.", "it"),
    ("This story is over 5 years old.", "en"),
]


def _py3langid() -> object | None:
    try:
        if version("py3langid") != "0.4.0":
            return None
        from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier  # type: ignore[import-untyped]
    except (PackageNotFoundError, ImportError):
        return None
    identifier = LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(LANGUAGES))
    return identifier


@pytest.mark.parametrize(("text", "lang"), EXAMPLES)
def test_names_the_language(text: str, lang: str) -> None:
    code, probability = _identifier().classify(text)
    assert (code, probability > 0.5) == (lang, True)


def test_model_holds_the_languages_factcheck_chooses_from() -> None:
    assert sorted(_identifier().languages) == sorted(LANGUAGES)


def test_featureless_text_is_every_language_alike() -> None:
    probabilities = _identifier().probabilities("")
    assert len(set(probabilities)) == 1 and abs(sum(probabilities) - 1) < 1e-9


OLD = _py3langid()


@pytest.mark.skipif(OLD is None, reason="py3langid 0.4.0 (the 'langid' extra) is not installed")
@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_agrees_with_py3langid(text: str) -> None:
    model: LanguageModel = _identifier()
    code, probability = model.classify(text)
    old_code, old_probability = OLD.classify(text)  # type: ignore[attr-defined]
    assert abs(probability - old_probability) < 1e-4
    # the same language, unless two are within float32's rounding of each other
    assert code == old_code or abs(model.probabilities(text)[model.languages.index(old_code)] - probability) < 1e-4


@pytest.mark.slow
@pytest.mark.skipif(OLD is None, reason="py3langid 0.4.0 (the 'langid' extra) is not installed")
def test_model_rebuilds_to_the_same_bytes() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_langid.py"), "--check"], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
