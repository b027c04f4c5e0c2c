"""An index of the sources a document has named so far, by the words of their names and
roles, so that "the institute" or "the governor" in a later sentence finds the body or
person it refers back to in one look-up, not a walk back through every source named
before (a 5 MB transcript names thousands)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ..models import Source


@dataclass(slots=True)
class NamedIndex:
    """Word -> position of the latest named source whose words hold it, kept up to date
    with the document's list of named sources (which only grows).

    >>> index = NamedIndex()
    >>> named = [Source(name="Instituto Nacional de Estadística", cue="según", start=0, end=0)]
    >>> index.latest_with_word(named, "", "instituto")
    0
    """

    count: int = 0
    """How many of the named sources are indexed."""
    words: list[frozenset[str]] = field(default_factory=list)
    """Each source's words: as written in the body and as named."""
    by_word: dict[str, int] = field(default_factory=dict)
    by_title_word: dict[str, int] = field(default_factory=dict)
    latest_body: dict[frozenset[str], tuple[int, int]] = field(default_factory=dict)
    """Head nouns of a language -> (sources scanned, latest source with one of them)."""

    def sync(self, named: Sequence[Source], body: str) -> None:
        """Index the sources named since the last call."""
        for k in range(self.count, len(named)):
            s = named[k]
            written = {w.strip(".,;:()'’") for w in body[s.start : s.end].lower().split()}
            written.update(w.strip("()") for w in s.name.lower().split())
            self.words.append(frozenset(written))
            for w in written:
                self.by_word[w] = k
            for w in f"{s.role or ''} {s.name}".lower().replace(",", " ").split():
                self.by_title_word[w] = k
        self.count = len(named)

    def latest_with_word(self, named: Sequence[Source], body: str, word: str) -> int | None:
        """Position of the latest source whose written words hold ``word``."""
        self.sync(named, body)
        return self.by_word.get(word)

    def latest_with_title(self, named: Sequence[Source], body: str, title: str) -> int | None:
        """Position of the latest source whose role or name holds the word ``title``."""
        self.sync(named, body)
        return self.by_title_word.get(title)

    def latest_body_of(self, named: Sequence[Source], body: str, heads: frozenset[str]) -> int | None:
        """Position of the latest source whose words hold one of ``heads`` (a public body)."""
        self.sync(named, body)
        scanned, latest = self.latest_body.get(heads, (0, -1))
        for k in range(scanned, self.count):
            if not heads.isdisjoint(self.words[k]):
                latest = k
        self.latest_body[heads] = (self.count, latest)
        return latest if latest >= 0 else None
