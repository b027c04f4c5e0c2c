"""Vocabularies hold general words, not sentences of the articles the rules were developed on.

Developed on: the generality audit of issues 18 and 19. A phrase of five or more words that
a data file of factcheck/data shares with an article of ``../shared/dev`` or
``../shared/dev2`` is either a well-known body's official name or a general formula of news
(listed below with the reason), or a rule or example copied from one sentence: the test
fails on the latter. Skipped when ``../shared`` is not beside this checkout.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from conftest import ROOT, SHARED

N = 5
_WORD = re.compile(r"\w+")
# A line is cut at quotes and list or mapping punctuation, so words of two neighbouring
# entries ("..., "la estancia migratoria de"") never make one phrase.
_CUT = re.compile(r"[\"“”«»\[\]{}(),;:|]")

ALLOWED: dict[str, str] = {
    # official names of public bodies (data/organisations.yaml): a name is what it is
    "instituto nacional de migración": "official name of Mexico's migration body",
    "secretaría de seguridad y protección ciudadana": "official name of Mexico's security ministry",
    "secretariat of security and citizen protection": "the wire agencies' English name of that ministry",
    "ministry of security and citizen protection": "the wire agencies' English name of that ministry",
    "fiscalía general de la república": "official name of a national prosecutor's office",
    "federal attorney general s office": "the wire agencies' English name of a prosecutor's office",
    "mexican attorney general s office": "the wire agencies' English name of a prosecutor's office",
    "instituto mexicano del seguro social": "official name of Mexico's social security body",
    "secretaría nacional de gestión de riesgos": "official name of Ecuador's risk management body",
    "secretaría de gestión de riesgos": "the short official name of the same body",
    "instituto geofísico de la escuela politécnica nacional": "official name of Ecuador's geophysics body",
    "servicio nacional de atención integral a personas adultas privadas de la libertad": (
        "official name of Ecuador's prison service"
    ),
    "servicio geológico de estados unidos": "Spanish name of the USGS",
    "serviço geológico dos estados unidos": "Portuguese name of the USGS",
    "organización internacional para las migraciones": "Spanish name of the IOM",
    # general formulas of news or law, in any story of the kind
    "declared a state of emergency": "general formula of an action that reports nothing",
    "a state of emergency declared": "general formula (two list entries of actions)",
    "dichiarato lo stato di emergenza": "Italian formula of the same action",
    "declaró un estado de excepción": "Spanish formula of the same action (a state of exception)",
    "decretó el estado de excepción": "Spanish formula of the same action, decreed",
    "de acuerdo con el reporte de": "general Spanish attribution cue",
    "de acuerdo con datos de": "general Spanish attribution cue",
    "de acuerdo con información proporcionada por": "general Spanish attribution cue",
    "de acuerdo con información proporcionada a": "general Spanish attribution cue (information given to an outlet)",
    "personas privadas de la libertad": "Latin American legal term for inmates",
    "centro de privación de libertad": "Ecuadorian legal term for any prison",
    "el centro penitenciario femenino de": "general Spanish phrase for a women's prison of a place",
    "grados en la escala abierta de richter": "general Spanish press wording of a magnitude",
    "grados en la escala de richter": "general Spanish press wording of a magnitude",
    "grados en la escala richter": "general Spanish press wording of a magnitude",
}


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _grams(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + N]) for i in range(len(words) - N + 1)}


@cache
def _corpus_grams() -> frozenset[tuple[str, ...]]:
    grams: set[tuple[str, ...]] = set()
    for corpus in ("dev", "dev2"):
        for path in sorted((SHARED / corpus / "articles").glob("*/*.md")):
            grams |= _grams(_words(path.read_text(encoding="utf-8")))
    return frozenset(grams)


def _allowed(gram: tuple[str, ...]) -> bool:
    text = " ".join(gram)
    return any(text in " ".join(_words(phrase)) for phrase in ALLOWED)


def _data_files() -> list[Path]:
    return sorted((ROOT / "factcheck" / "data").rglob("*.yaml"))


def shared_phrases(path: Path, corpus: frozenset[tuple[str, ...]]) -> list[str]:
    """Line numbers of ``path`` with a phrase of ``N`` words of the corpus not in :data:`ALLOWED`."""
    out = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        for piece in _CUT.split(line):
            words = _words(piece)
            # phrases of short words ("in the city of the") are language, not copies
            for gram in sorted(_grams(words) & corpus):
                if sum(len(w) > 3 for w in gram) >= 3 and not _allowed(gram):
                    out.append(f"{number}: {' '.join(gram)}")
    return out


@pytest.mark.skipif(not (SHARED / "dev" / "articles").is_dir(), reason="../shared/dev is not beside this checkout")
@pytest.mark.parametrize("path", _data_files(), ids=lambda p: str(p.relative_to(ROOT / "factcheck" / "data")))
def test_data_file_quotes_no_dev_sentence(path: Path) -> None:
    """A data file shares no phrase of five words with a dev article, but allowed ones."""
    assert shared_phrases(path, _corpus_grams()) == []


def test_allowed_phrases_have_reasons() -> None:
    """Each allowed phrase says why it may be kept, and is long enough to be checked."""
    for phrase, reason in ALLOWED.items():
        assert len(_words(phrase)) >= N - 1 and reason.strip(), phrase


def test_finder_catches_a_copied_phrase(tmp_path: Path) -> None:
    """The finder reports a shared phrase and leaves allowed and cut-apart ones."""
    corpus = frozenset(
        _grams(_words("the storm left nineteen fishermen missing off the coast"))
        | _grams(_words("declared a state of emergency"))
    )
    data = tmp_path / "x.yaml"
    data.write_text(
        'a: ["storm left nineteen fishermen missing"]\n'
        'b: ["declared a state of emergency"]\n'
        'c: ["the storm left", "nineteen fishermen missing"]\n',
        encoding="utf-8",
    )
    assert shared_phrases(data, corpus) == ["1: storm left nineteen fishermen missing"]
