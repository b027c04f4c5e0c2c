"""What happened to what is counted: the event class of a claim ("held", "released",
"killed"), chosen from the words of ``data/events.yaml`` by where they stand.

Order of preference, and why:
1. the counted noun itself names the event ("31 deaths");
2. a word governing the number from just before it ("released 57", "the release of 50");
3. the verb after the noun phrase, skipping a relative clause ("44 of the hostages, who
   had been held ..., were released") and preferring a finite verb ("had been freed")
   to a bare participle ("57 hostages held nationwide");
4. the nearest event word before the number."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from .. import vocabulary
from .tokens import PhraseIndex, Token


@cache
def _index() -> PhraseIndex:
    return PhraseIndex(
        (form, name) for name, ev in vocabulary.events().events.items() if ev.trend is None for form in ev.forms
    )


def _hits(tokens: Sequence[Token], lo: int, hi: int) -> list[tuple[int, int, str]]:
    index = _index()
    firsts = index.firsts
    out = []
    i = lo
    while i < hi:
        if tokens[i].lower not in firsts:
            i += 1
            continue
        hit = index.match_at(tokens, i)
        if hit is not None:
            out.append((i, hit[0], str(hit[1])))
            i += hit[0]
        else:
            i += 1
    return out


def find_event(
    tokens: Sequence[Token],
    first: int,
    last: int,
    subject_first: int | None,
    subject_last: int | None,
    stop: int | None,
) -> tuple[str, int, int] | None:
    """(event class, first token, last token) for the quantity at tokens ``first``..``last``."""
    g = vocabulary.grammar()
    if subject_first is not None and subject_last is not None:
        own = _hits(tokens, subject_first, subject_last + 1)
        if own:
            i, n, name = own[-1]
            return name, i, i + n - 1
    # a governing word just before the number, skipping "the", "of", adjectives
    for i, n, name in reversed(_hits(tokens, max(0, first - 4), first)):
        if all(
            t.lower in g.determiners or t.lower in ("of", "tragic", "reported", "total", "further")
            for t in tokens[i + n : first]
        ):
            return name, i, i + n - 1
    start = stop if stop is not None else last + 1
    end = min(len(tokens), start + 14)
    ahead = _hits(tokens, start, end)
    if ahead:
        relative = start < len(tokens) and (
            tokens[start].lower in g.relative
            or (tokens[start].text == "," and start + 1 < len(tokens) and tokens[start + 1].lower in g.relative)
            or tokens[start].lower in ("they", "we", "he", "she")
        )
        if relative and len(ahead) > 1:
            ahead = ahead[1:]
        finite = [h for h in ahead if h[0] > 0 and tokens[h[0] - 1].lower in g.auxiliaries]
        i, n, name = (finite or ahead)[0]
        return name, i, i + n - 1
    behind = _hits(tokens, max(0, first - 12), first)
    if behind:
        i, n, name = behind[-1]
        return name, i, i + n - 1
    return None


@cache
def frame_of(event: str) -> str | None:
    """The frame an event class belongs to (``held`` and ``released``: captivity).

    >>> frame_of("released"), frame_of("freed"), frame_of("killed")
    ('captivity', None, 'casualties')
    """
    ev = vocabulary.events().events.get(event)
    return ev.frame if ev else None


@cache
def is_cumulative(event: str) -> bool:
    ev = vocabulary.events().events.get(event)
    return bool(ev and ev.cumulative)
