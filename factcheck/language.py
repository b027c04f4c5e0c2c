"""Which language a text is written in: per document, and per sentence for mixed pages.

A document's front matter ``language`` wins when given; otherwise :func:`detect_language`
guesses it. A Spanish article may quote an English tweet or carry an English caption, so
:func:`detect_sentence_language` lets one sentence differ from its document, but only when
the model is confident and the sentence has enough words to judge.

The model is py3langid's (a maintained fork of langid.py, naive Bayes over byte n-grams),
cut to :data:`LANGUAGES` and scored in pure Python by :mod:`factcheck.langmodel`, so an
install needs neither py3langid nor numpy. On the 72 articles of ``../shared/dev`` it got
every document right and 594 of 600 sampled sentences (the six misses were tweet bylines
and datelines); lingua scored the same but loads 96 MB and is 4x slower per sentence. On
the 4,067 documents and lines of the dev corpora and seeds it names the same language as
py3langid every time (probabilities within 2e-6), at 0.26 ms a sentence against 0.12 ms;
the detector is asked only about sentences that may be in another language. The model is
loaded on first use (0.26 s, against py3langid's 0.57 s), so ``import factcheck`` stays
cheap. Rebuild it with ``scripts/build_langid.py`` when :data:`LANGUAGES` changes."""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .langmodel import LanguageModel

# The languages a guess is chosen from: the major languages of world news. Restricting the
# choice matters for short texts: over all 97 of the model's languages, Spanish lines such
# as "Desde España: 900 935 939" come out as Extremaduran or Galician. Catalan stays in
# because Spanish-language outlets publish it.
LANGUAGES: tuple[str, ...] = (
    "en",
    "es",
    "pt",
    "it",
    "fr",
    "de",
    "nl",
    "ca",
    "pl",
    "ru",
    "uk",
    "ar",
    "zh",
    "ja",
    "ko",
    "tr",
    "hi",
    "id",
    "sv",
)

# A sentence overrides its document's language only when the model gives its own guess at
# least this probability and the sentence has at least this many words of two letters or
# more. Why these: a sentence of two words is a dateline, byline or name, where byte n-grams
# say little, and the model's probabilities for a real sentence in another language sit
# near 1 while a short English byline can reach 0.86 for Polish. Set on ../shared/dev: at
# 0.9 and 3 words, the two sentences that flip are the two that really are in the other
# language (an English notice on a Spanish page, a Spanish tweet quoted in an English one);
# datelines and bylines ("Mon March 7, 2022", "By Jane Doe - AP") stay below, and at 0.8
# one byline would flip. Checked on ../shared/dev2, which it was not set on: at 0.9, 9 of
# 1,006 sentences of three words or more flip, each a quoted tweet or statement really in
# the other language (Spanish in English reports, English quoted in a Tagalog one); 0.8
# would add one more Spanish tweet, 0.99 lose two.
SENTENCE_CONFIDENCE = 0.9
SENTENCE_MIN_WORDS = 3

_WORD = re.compile(r"[^\W\d_]{2,}")


@cache
def _identifier() -> LanguageModel:
    # Read here, not at module level: the model takes a quarter of a second to load, most
    # of it decompressing; kept between runs unpacked (factcheck/kept.py: 48 MB in the cache
    # folder, read back in a fifth of the time)
    from .kept import kept
    from .langmodel import LanguageModel

    return kept("langid", LanguageModel.load)


def guess_language(text: str) -> tuple[str, float]:
    """The most likely language of ``text`` (ISO 639-1) and the model's probability for it.

    >>> guess_language("Al menos 12 reclusos murieron en el penal de Chiclayo")[0]
    'es'
    """
    code, probability = _identifier().classify(text)
    return str(code), float(probability)


def detect_language(text: str, default: str = "en") -> str:
    """The language of a document (ISO 639-1), or ``default`` when it has no words to judge.

    >>> detect_language("Divers searched the river on Friday as the number of missing rose to 58.")
    'en'
    >>> detect_language("Los rescatistas buscaron entre los escombros; la cifra de muertos subió a 413.")
    'es'
    >>> detect_language("2016-04-17 12:00")
    'en'
    """
    if not _WORD.search(text):
        return default
    return guess_language(text)[0]


def detect_sentence_language(text: str, default: str) -> str:
    """The language of one sentence: ``default`` (its document's) unless the model is sure.

    Short lines (datelines, bylines, figures in a list) carry too little text to judge, so
    they keep the document's language.

    >>> detect_sentence_language("This page is more than five years old.", "es")
    'en'
    >>> detect_sentence_language("Tue September 19, 2017", "en")
    'en'
    >>> detect_sentence_language("- El Salvador: 12", "es")
    'es'
    """
    if len(_WORD.findall(text)) < SENTENCE_MIN_WORDS:
        return default
    code, probability = guess_language(text)
    if code != default and probability >= SENTENCE_CONFIDENCE:
        return code
    return default
