"""Language detection: per document and per sentence (factcheck.language)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.language import LANGUAGES, detect_language, detect_sentence_language, guess_language

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"

# Written for these tests, in the style of the dev articles' leads and captions.
DOCUMENTS = [
    ("Al menos 46 reclusas murieron tras un motín en la cárcel de mujeres, informaron las autoridades.", "es"),
    ("Un incendio en una estación migratoria dejó 39 muertos y 28 heridos, según el Instituto.", "es"),
    ("At least 46 inmates died after a riot in the women's prison, officials said on Wednesday.", "en"),
    ("Pelo menos 46 presas morreram depois de um motim na prisão feminina, disseram as autoridades.", "pt"),
    ("Almeno 46 detenute sono morte dopo una rivolta nel carcere femminile, hanno detto le autorità.", "it"),
]


@pytest.mark.parametrize(("text", "language"), DOCUMENTS)
def test_documents(text: str, language: str) -> None:
    assert detect_language(text) == language


# pattern from dev: an English notice on a Spanish page, a Spanish tweet quoted in an English
# article (mexico-quake-2017), and bylines / datelines / list lines that must not flip.
SENTENCES = [
    ("This article is more than five years old.", "es", "en"),
    ("Vecinos grabaron el momento en que se derrumbó un edificio en la colonia Roma.", "en", "es"),
    ("Wed October 25, 2023", "en", "en"),
    ("By Ana Gómez - EFE", "en", "en"),
    ("- Guatemala: 18", "es", "es"),
    ("Hasta el momento, 27 personas han muerto.", "es", "es"),
    ("", "es", "es"),
]


@pytest.mark.parametrize(("text", "default", "language"), SENTENCES)
def test_sentences(text: str, default: str, language: str) -> None:
    assert detect_sentence_language(text, default) == language


def test_no_words_gives_the_default() -> None:
    assert detect_language("19/09/2017 13:14", default="es") == "es"
    assert detect_language("") == "en"


def test_guess_is_one_of_the_candidates() -> None:
    code, probability = guess_language("Сегодня в городе прошёл дождь")
    assert code in LANGUAGES and 0 <= probability <= 1


@settings(max_examples=50, deadline=None)
@given(st.text())
def test_never_raises(text: str) -> None:
    assert detect_sentence_language(text, "es") in LANGUAGES
    assert detect_language(text) in LANGUAGES


def test_import_does_not_load_the_model() -> None:
    code = "import sys, factcheck, factcheck.language; print('factcheck.langmodel' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_dev_documents() -> None:
    """Every article of ../shared/dev is detected as its front matter's language."""
    articles = sorted((SHARED / "dev" / "articles").glob("*/*.md"))
    if not articles:
        pytest.skip("../shared/dev is not beside this checkout")
    wrong = []
    for path in articles:
        match = re.match(r"---\n(.*?)\n---\n(.*)", path.read_text(encoding="utf-8"), re.S)
        assert match
        language = yaml.safe_load(match.group(1))["language"]
        if detect_language(match.group(2)) != language:
            wrong.append(path.name)
    assert wrong == []


def test_a_language_code_that_is_no_tag_names_no_data_folder() -> None:
    # regression (found by tests/test_fuzz_documents.py): a front matter language of 300
    # letters raised "File name too long"; a path must never be looked up either
    from factcheck import vocabulary

    assert vocabulary.reads("x" * 300) is False
    assert vocabulary.reads("../../etc") is False
    assert vocabulary.reads("es") is True
