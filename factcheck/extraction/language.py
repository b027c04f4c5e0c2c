"""The language extraction reads a document and each of its sentences in: the front
matter's ``language`` when given, else the one :mod:`factcheck.language` detects; a
sentence keeps its document's language unless it is clearly another (a caption)."""

from __future__ import annotations

import importlib
from functools import cache
from typing import Any

from .. import vocabulary
from ..models import Document

try:  # the detector ships with the language package; without it, front matter or English
    _DETECT: Any = importlib.import_module("factcheck.language")
except ImportError:  # pragma: no cover - only before factcheck.language exists
    _DETECT = None


DETECT_CHARS = 4000
"""A document's language is judged on its opening characters: enough for the model, and
a long article costs no more than a short one."""


@cache
def _function_words(lang: str) -> frozenset[str]:
    g = vocabulary.grammar(lang)
    return g.determiners | g.phrase_breaks | g.conjunctions


@cache
def _foreign_words(lang: str) -> frozenset[str]:
    """Function words of the other languages factcheck has data for, that ``lang`` does not
    share ("the" and "of" for Spanish; "de" and "la" for English): a sentence with none of
    them is not written in another language the detector could usefully name."""
    own = _function_words(lang)
    other = (code for code in vocabulary.languages() if vocabulary.data_language(code) == code != lang)
    return frozenset().union(*(_function_words(code) for code in other)) - own


def _own_words(text: str, lang: str, enough: int | None = None) -> int:
    """How many function words of ``lang`` (articles, prepositions) a text holds: a cheap
    sign that it is written in that language, which spares the detector. Counting stops at
    ``enough`` when given."""
    words = _function_words(lang)
    count = 0
    for w in text.lower().split():
        if w in words:
            count += 1
            if count == enough:
                break
    return count


def _known(code: str | None) -> str | None:
    if not code:
        return None
    code = code.strip().lower().split("-")[0].split("_")[0]
    return code or None


def document_language(doc: Document) -> str:
    """ISO 639-1 code of a document's language.

    >>> document_language(Document(id="x", body="Hubo 3 muertos.", language="es"))
    'es'
    """
    given = _known(doc.language)
    if given:
        return given
    if _DETECT is None:
        return vocabulary.DEFAULT_LANGUAGE
    return str(_DETECT.detect_language(doc.body[:DETECT_CHARS]))


def sentence_language(body: str, start: int, end: int, default: str) -> str:
    """The language of one sentence: its document's, unless the detector is sure it is
    another that factcheck reads with other data."""
    if _DETECT is None or not hasattr(_DETECT, "detect_sentence_language"):
        return default
    text = body[start:end]
    if _own_words(text, default, enough=3) >= 3:
        return default  # three function words of the document's language: no caption in another
    foreign = _foreign_words(vocabulary.data_language(default))
    if foreign.isdisjoint(text.lower().split()):
        return default  # no word another language would use: nothing for the detector to weigh
    lang = str(_DETECT.detect_sentence_language(text, default))
    if lang != default and vocabulary.data_language(lang) == vocabulary.data_language(default):
        return default
    return lang
