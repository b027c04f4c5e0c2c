"""The language identification model, scored in pure Python: py3langid's naive Bayes over
byte n-grams (a maintained fork of langid.py), cut to the languages factcheck chooses from
and kept in ``data/langid.xz`` by ``scripts/build_langid.py``, so that an install needs
neither py3langid nor numpy (73 MB).

A finite automaton walks the text's UTF-8 bytes and names the n-gram features it meets;
each language's score is its prior plus, per feature, the feature's weight times
log(1 + its count). Scores are divided by the square root of the text's length in bytes and
turned into probabilities (py3langid's ``norm_probs``), as py3langid does; the arithmetic
is in double precision where py3langid's is in single, so a probability may differ in its
seventh digit."""

from __future__ import annotations

import json
import lzma
import math
import sys
import unicodedata
from array import array
from collections import Counter
from importlib import resources
from typing import Any

__all__ = ["LanguageModel"]

_TYPECODES = {"uint32": "I", "uint16": "H", "int32": "i", "float32": "f"}


class LanguageModel:
    """The model of ``data/langid.xz``: :meth:`classify` gives a text's most likely
    language and its probability."""

    def __init__(self, blob: bytes) -> None:
        head, _, body = lzma.decompress(blob).partition(b"\n")
        header = json.loads(head)
        self.languages: list[str] = list(header["languages"])
        arrays: dict[str, array[Any]] = {}
        offset = 0
        for name, dtype, size in header["arrays"]:
            values: array[Any] = array(_TYPECODES[dtype])
            end = offset + size * values.itemsize
            values.frombytes(body[offset:end])
            if sys.byteorder == "big":
                values.byteswap()  # the file is little-endian
            arrays[name] = values
            offset = end
        self._rows: array[int] = arrays["rows"]
        self._base: list[int] = [r << 8 for r in arrays["row_of"]]  # each state's offset into the rows
        self._feature: array[int] = arrays["feature"]
        self._prior: list[float] = [float(p) for p in arrays["prior"]]
        self._weights: array[float] = arrays["weights"]

    @classmethod
    def load(cls) -> LanguageModel:
        """The model shipped with factcheck (about 0.2 s to read)."""
        return cls((resources.files("factcheck") / "data" / "langid.xz").read_bytes())

    def _features(self, data: bytes) -> Counter[int]:
        rows, base, feature = self._rows, self._base, self._feature
        state, found = 0, []
        for byte in data:
            state = rows[base[state] + byte]
            f = feature[state]
            if f >= 0:
                found.append(f)
        return Counter(found)

    def probabilities(self, text: str) -> list[float]:
        """The probability of each language of :attr:`languages` for ``text``."""
        if text.isupper():
            text = text.lower()
        data = unicodedata.normalize("NFC", text).encode("utf-8", errors="surrogatepass")
        n = len(self.languages)
        visits = self._features(data)
        if not visits:
            return [1.0 / n] * n  # nothing to judge: every language alike
        scores = list(self._prior)
        weights = self._weights
        for f, count in visits.items():
            w = math.log1p(count)
            row = weights[f * n : (f + 1) * n]
            scores = [s + w * r for s, r in zip(scores, row, strict=True)]
        scale = 1.0 / math.sqrt(len(data) or 1)
        top = max(scores) * scale
        exps = [math.exp(s * scale - top) for s in scores]
        total = sum(exps)
        return [e / total for e in exps]

    def classify(self, text: str) -> tuple[str, float]:
        """The most likely language of ``text`` and its probability.

        >>> LanguageModel.load().classify("Al menos 46 reclusas murieron en el penal")[0]
        'es'
        """
        probs = self.probabilities(text)
        best = max(range(len(probs)), key=probs.__getitem__)  # the first of equals, as argmax
        return self.languages[best], probs[best]
