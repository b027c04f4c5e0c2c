"""Sentences, tokens and phrase matching: the ground every extraction rule stands on.

Tokens keep their character offsets into the document body, so every span a rule builds
slices back to the text it came from."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import cache, lru_cache
from typing import NamedTuple

from .. import vocabulary

_PLAIN = re.compile(r"\d+(?:[,.]\d+)*|[^\W\d_]+(?:['’][^\W\d_]+)*|\S", re.UNICODE)
# an elided article or preposition before a capital is a word of its own ("l'Oim",
# "dell'Onu", "d'Italia"): the name after it is capitalised like any other; before a small
# letter the elision stays one word ("l'incendio", "all'interno"), as the data lists it.
# The pattern costs twice the plain one, so it reads only text with an apostrophe.
_ELIDED = re.compile(
    r"\d+(?:[,.]\d+)*|[a-zà-ÿ]{1,5}['’](?=[A-ZÀ-ÖØ-Þ]|$)|[^\W\d_]+(?:['’][^\W\d_]+)*|\S", re.UNICODE
)


def _pattern(text: str, start: int = 0, end: int | None = None) -> re.Pattern[str]:
    """The tokenising pattern for ``text[start:end]``: with elisions only where an
    apostrophe is written."""
    stop = len(text) if end is None else end
    return _ELIDED if text.find("'", start, stop) >= 0 or text.find("’", start, stop) >= 0 else _PLAIN


class Token(NamedTuple):
    """A word, number or symbol at body offsets ``start``..``end``, with its lower case and
    what its first character is. A named tuple rather than a dataclass, and the character
    tests stored rather than computed on each look: an article makes tens of thousands of
    tokens, and the rules read these fields hundreds of thousands of times.

    >>> Token.of("Quito", 7)
    Token(text='Quito', lower='quito', start=7, end=12, is_digit=False, is_word=True, is_capitalized=True)
    """

    text: str
    lower: str
    start: int
    end: int
    is_digit: bool
    """It begins with a digit."""
    is_word: bool
    """It begins with a letter."""
    is_capitalized: bool
    """It begins with an upper-case letter."""

    @classmethod
    def of(cls, text: str, start: int) -> Token:
        """The token ``text`` at body offset ``start``."""
        c = text[0]
        return _new(cls, (text, text.lower(), start, start + len(text), c.isdigit(), c.isalpha(), c.isupper()))


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Word, number and symbol tokens of ``text`` with offsets shifted by ``offset``.

    >>> [t.text for t in tokenize("About 2,700 soldiers.")]
    ['About', '2,700', 'soldiers', '.']
    """
    return [
        _new(Token, (g, g.lower(), m.start() + offset, m.end() + offset, c.isdigit(), c.isalpha(), c.isupper()))
        for m in _pattern(text).finditer(text)
        for g in (m.group(),)
        for c in (g[0],)
    ]


def tokenize_span(body: str, start: int, end: int) -> list[Token]:
    """The tokens of ``body[start:end]`` with offsets into ``body``: the same as
    ``tokenize(body[start:end], start)``, without copying the text.

    >>> tokenize_span("Hubo 3 muertos.", 5, 14) == tokenize("Hubo 3 muertos."[5:14], 5)
    True
    """
    return [
        _new(Token, (g, g.lower(), m.start(), m.end(), c.isdigit(), c.isalpha(), c.isupper()))
        for m in _pattern(body, start, end).finditer(body, start, end)
        for g in (m.group(),)
        for c in (g[0],)
    ]


def tokenize_spans(body: str, spans: Iterable[tuple[int, int]]) -> list[Token]:
    """The tokens of several spans of ``body``, in one list, offsets into ``body``.

    >>> [t.text for t in tokenize_spans("Rescue in Quito and Cuenca", [(10, 15), (20, 26)])]
    ['Quito', 'Cuenca']
    """
    return [
        _new(Token, (g, g.lower(), m.start(), m.end(), c.isdigit(), c.isalpha(), c.isupper()))
        for start, end in spans
        for m in _pattern(body, start, end).finditer(body, start, end)
        for g in (m.group(),)
        for c in (g[0],)
    ]


_new = tuple.__new__


# a boundary starts at the first mark of a run and takes the run, the closing quotes and
# the spaces whole (possessive: giving any back could never let the capital after them
# match), so a line of 50,000 dots is read once, not once per dot
# (the first mark is matched before the look back that says it is the first, so that the
# engine skips to the marks instead of trying the look back at every character: 3x faster)
_BOUNDARY = re.compile(r"[.!?](?<![.!?]{2})[.!?]*+[\"'”’»)\]]*+\s++(?=[\"'“‘«(\[¿¡]?[A-Z0-9ÁÉÍÓÚÑÜÀÈÌÒÙÇ])")


@cache
def _abbreviations(lang: str) -> frozenset[str]:
    return vocabulary.grammar(lang).abbreviations


def split_sentences(text: str, lang: str = "en") -> list[tuple[int, int]]:
    """(start, end) spans of the sentences of ``text``; a line break always ends one,
    since headlines, captions and datelines stand on lines of their own.

    >>> body = "Mr. Lasso spoke. Police said 3 died.\\nHeadline 2"
    >>> [body[a:b] for a, b in split_sentences(body)]
    ['Mr. Lasso spoke.', 'Police said 3 died.', 'Headline 2']
    """
    return list(iter_sentences(text, lang))


def iter_sentences(text: str, lang: str = "en") -> Iterator[tuple[int, int]]:
    """The spans of :func:`split_sentences` one by one, for a caller that reads only the
    first few (an article's lead).

    >>> next(iter_sentences("Mr. Lasso spoke. Police said 3 died."))
    (0, 16)
    """
    for line in _LINE.finditer(text):
        start, chunk = line.start(), line.group()
        # once per distinct line (copies of a story repeat most), but a line too long to keep
        spans = _kept_line_sentences(chunk, lang) if len(chunk) <= _KEPT_LINE else _line_sentences(chunk, lang)
        for a, b in spans:
            yield start + a, start + b


_LINE = re.compile(r"[^\n]+")
_KEPT_LINE = 10_000
"""Lines of at most this many characters have their sentences kept (a paragraph of news
is well under it; a scraped page run onto one line is not kept)."""


def _line_sentences(chunk: str, lang: str) -> tuple[tuple[int, int], ...]:
    """The sentence spans of one line (no line break), from its start."""
    abbreviations = _abbreviations(lang)
    cut = 0
    spans: list[tuple[int, int]] = []
    for m in _BOUNDARY.finditer(chunk):
        last = _last_word(chunk, cut, m.start()).lower().rstrip(".")
        # "Mr." and single initials ("J. Smith") do not end a sentence
        if chunk[m.start()] == "." and (last in abbreviations or (len(last) == 1 and last.isalpha())):
            continue
        spans.append((cut, m.end()))
        cut = m.end()
    spans.append((cut, len(chunk)))
    return tuple(_trim(chunk, a, b) for a, b in spans if chunk[a:b].strip())


_kept_line_sentences = lru_cache(maxsize=8192)(_line_sentences)


def _last_word(text: str, start: int, end: int) -> str:
    """The last word of ``text[start:end]`` (``rsplit(None, 1)[-1]``), found from the end
    without copying the span: a boundary skipped after "Mr." must not cost the whole line
    read so far.

    >>> _last_word("said Mr. Lasso", 0, 8), _last_word("  ", 0, 2)
    ('Mr.', '')
    """
    e = end
    while e > start and text[e - 1].isspace():
        e -= 1
    s = e
    while s > start and not text[s - 1].isspace():
        s -= 1
    return text[s:e]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


class PhraseIndex:
    """Finds phrases from a vocabulary in a token list, longest first.

    Phrases are split into tokens the same way the text is, so "per cent", "%" and
    "taken hostage" all match by token, and hyphens count as tokens. Phrases of two words
    or more are indexed by their first (or last) two, so a common first word ("la", "the")
    costs one look-up rather than a walk through every phrase it begins.

    >>> index = PhraseIndex([("la cárcel de", "opener"), ("la", "article"), ("la provincia de", "kind")])
    >>> index.match_at(tokenize("en la provincia de Manabí"), 1), index.match_at(tokenize("la casa"), 0)
    ((3, 'kind'), (1, 'article'))
    >>> index.match_ending(tokenize("en la cárcel de"), 3)
    (3, 'opener')
    """

    def __init__(self, phrases: Iterable[tuple[str, object]]) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], object]]] = {}
        self._by_last: dict[str, list[tuple[tuple[str, ...], object]]] = {}
        for phrase, payload in phrases:
            words = tuple(t.lower for t in tokenize(phrase))
            if not words:
                continue
            self._by_first.setdefault(words[0], []).append((words, payload))
            self._by_last.setdefault(words[-1], []).append((words, payload))
        for table in (self._by_first, self._by_last):
            for entries in table.values():
                entries.sort(key=lambda e: -len(e[0]))
        # the same entries, longest first, split: one-word phrases (the first given wins, as
        # in the sorted lists) and longer ones by their first or last two words
        self._single: dict[str, tuple[int, object]] = {}
        self._by_first2: dict[tuple[str, str], list[tuple[tuple[str, ...], object]]] = {}
        self._by_last2: dict[tuple[str, str], list[tuple[tuple[str, ...], object]]] = {}
        for entries in self._by_first.values():
            for words, payload in entries:
                if len(words) == 1:
                    self._single.setdefault(words[0], (1, payload))
                else:
                    self._by_first2.setdefault((words[0], words[1]), []).append((words, payload))
        for entries in self._by_last.values():
            for words, payload in entries:
                if len(words) > 1:
                    self._by_last2.setdefault((words[-2], words[-1]), []).append((words, payload))
        self.firsts = frozenset(self._by_first)
        """First words of the phrases: hot loops test this set before calling a method."""

    def match_over(
        self, tokens: Sequence[Token], i: int, skip: frozenset[int], reach: int = 12
    ) -> tuple[int, object] | None:
        """The longest phrase starting at token ``i`` with ``skip`` tokens inside it ("as
        confirmed this Wednesday by", a time inside a cue): (number of tokens it spans,
        payload), only where it spans a skipped token; ``reach`` tokens at most."""
        kept = [k for k in range(i, min(len(tokens), i + reach)) if k not in skip]
        hit = self.match_at([tokens[k] for k in kept], 0)
        if hit is None or hit[0] < 2:
            return None
        end = kept[hit[0] - 1]
        return (end - i + 1, hit[1]) if end - i + 1 > hit[0] else None

    def match_at(self, tokens: Sequence[Token], i: int) -> tuple[int, object] | None:
        """The longest phrase starting at token ``i``: (number of tokens, payload)."""
        try:
            word = tokens[i].lower
        except IndexError:  # past the last token
            return None
        if word not in self._by_first:  # most words begin no phrase: the common case first
            return None
        size = len(tokens)
        if i + 1 < size:
            for words, payload in self._by_first2.get((word, tokens[i + 1].lower), ()):
                n = len(words)  # longest first; the first two words matched already
                if i + n > size:
                    continue
                for k in range(2, n):
                    if tokens[i + k].lower != words[k]:
                        break
                else:
                    return n, payload
        return self._single.get(word)

    def match_ending(self, tokens: Sequence[Token], j: int) -> tuple[int, object] | None:
        """The longest phrase ending at token ``j`` (inclusive): (number of tokens, payload)."""
        if j < 0 or j >= len(tokens):
            return None
        word = tokens[j].lower
        if word not in self._by_last:
            return None
        if j >= 1:
            for words, payload in self._by_last2.get((tokens[j - 1].lower, word), ()):
                n = len(words)  # longest first; the last two words matched already
                i = j - n + 1
                if i < 0:
                    continue
                for k in range(n - 2):
                    if tokens[i + k].lower != words[k]:
                        break
                else:
                    return n, payload
        return self._single.get(word)  # a one-word phrase is its own first and last word

    def __contains__(self, word: str) -> bool:
        return word in self._by_first


POSSESSIVE = ("'s", "’s")
"""The endings of an English possessive ("the government's", "Istanbul’s")."""


def contracted_partitive(word: str, partitive: frozenset[str]) -> bool:
    """A partitive written together with its article ("del", "dei", "della")."""
    return any(word.startswith(p) and word != p and len(word) <= len(p) + 3 for p in partitive) and word.isalpha()
