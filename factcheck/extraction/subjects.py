"""What a number counts: the noun phrase after it ("57 guards and police officers"), the
noun after "of" ("44 of the hostages"), the noun an elided figure shares with an earlier
one ("9,500 inmates ... around 3,000 more"), and for measures ("less than 48 hours") the
thing measured, found before the number ("a series of explosions ... within 48 hours")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from .. import vocabulary
from .tokens import Token

if TYPE_CHECKING:
    import inflect

MAX_WORDS = 5


@dataclass(frozen=True, slots=True)
class SubjectPhrase:
    first: int
    last: int
    words: tuple[str, ...]
    text: str
    stop: int  # index of the token that ended the phrase
    coordinated_number: bool  # the phrase ended at "and <number>" or ", <number>"


@cache
def _inflect() -> inflect.engine:
    # imported on first use: inflect re-compiles itself through typeguard at import
    # (about 1.2 s), which every `import factcheck` and CLI call would otherwise pay
    import inflect

    return inflect.engine()


@lru_cache(maxsize=8192)
def singular(word: str) -> str:
    """The singular of an English noun, lower case.

    >>> singular("officers"), singular("police"), singular("deaths"), singular("people")
    ('officer', 'police', 'death', 'person')
    """
    word = word.lower()
    if len(word) <= 3 or word.endswith(("ss", "us", "is", "ics")) or word in ("police", "series", "news", "media"):
        return word
    result = _inflect().singular_noun(word)
    return result if isinstance(result, str) and result else word


@cache
def _trend_words() -> frozenset[str]:
    return frozenset(f for ev in vocabulary.events().events.values() if ev.trend for f in ev.forms)


@cache
def _event_words() -> frozenset[str]:
    """Single-word event forms: "hostages held nationwide" ends its noun phrase at "held"."""
    return frozenset(f for ev in vocabulary.events().events.values() for f in ev.forms if " " not in f)


def _is_verbish(tok: Token) -> bool:
    w = tok.lower
    return (len(w) > 4 and w.endswith(("ed", "ing"))) or (
        len(w) > 4 and w.endswith("ly") and w not in ("family", "assembly", "ally", "supply", "italy")
    )


def _adjective_here(tokens: Sequence[Token], i: int) -> bool:
    """ "13.4 million registered voters": a participle followed by a noun is an adjective."""
    g = vocabulary.grammar()
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    return (
        nxt is not None
        and nxt.is_word
        and nxt.lower not in g.phrase_breaks
        and not _is_verbish(nxt)
        and nxt.lower not in g.conjunctions
    )


def forward_phrase(tokens: Sequence[Token], start: int, is_number: set[int], places: set[int]) -> SubjectPhrase | None:
    """The counted noun phrase starting at token ``start`` (after the number and unit)."""
    g = vocabulary.grammar()
    i = start
    if i < len(tokens) and tokens[i].lower == "of":
        i += 1
        while i < len(tokens) and tokens[i].lower in g.determiners:
            i += 1
    first = i
    words: list[str] = []
    last = i - 1
    coordinated_number = False
    while i < len(tokens) and len(words) < MAX_WORDS:
        tok = tokens[i]
        if (
            tok.text in "-"
            and words
            and i + 1 < len(tokens)
            and tokens[i + 1].is_word
            and tok.start == tokens[i - 1].end
        ):
            i += 1
            continue
        if tok.lower in ("and", ",", "&") or tok.lower == "or":
            nxt = i + 1
            if nxt < len(tokens) and (
                nxt in is_number
                or (
                    tokens[nxt].lower in ("a", "an")
                    and nxt + 1 < len(tokens)
                    and tokens[nxt + 1].is_word
                    and tokens[nxt + 1].lower not in g.phrase_breaks
                )
            ):
                coordinated_number = bool(words)
                break
            if (
                tok.lower in ("and", "&")
                and words
                and nxt < len(tokens)
                and tokens[nxt].is_word
                and tokens[nxt].lower not in g.phrase_breaks
                and tokens[nxt].lower not in g.determiners
                and not _is_verbish(tokens[nxt])
            ):
                words.append("and")
                i += 1
                continue
            break
        if not tok.is_word or i in is_number:
            break
        if tok.lower in g.phrase_breaks:
            break
        if _is_verbish(tok) and (words or (tok.lower.endswith("ed") and not _adjective_here(tokens, i))):
            break  # "more than 300 injured": a participle is no noun, even first
        if words and tok.lower in g.irregular_verbs:
            break
        if words and tok.lower in _event_words():
            break
        if "'" in tok.text or "’" in tok.text:
            break
        words.append(tok.text)
        last = i
        i += 1
    while words and words[-1] == "and":
        words.pop()
    if not words:
        return None
    text = " ".join(words)
    return SubjectPhrase(first, last, tuple(words), text, i, coordinated_number)


def normalize(words: Sequence[str], places: frozenset[str] = frozenset()) -> str | None:
    """The subject as a lower-case singular phrase, without modifiers that do not narrow
    it ("six different Ecuador prisons" counts "prison").

    >>> normalize(["guards", "and", "police", "officers"])
    'guard and police officer'
    >>> normalize(["different", "Ecuador", "prisons"], frozenset({"ecuador"}))
    'prison'
    """
    g = vocabulary.grammar()
    conjuncts: list[list[str]] = [[]]
    for w in words:
        if w == "and":
            conjuncts.append([])
        else:
            conjuncts[-1].append(w)
    out = []
    for conj in conjuncts:
        kept = [w.lower() for w in conj]
        while len(kept) > 1 and (kept[0] in g.subject_modifiers or kept[0] in places):
            kept.pop(0)
        if not kept:
            continue
        kept[-1] = singular(kept[-1])
        out.append(" ".join(kept))
    return " and ".join(out) or None


@cache
def _class_nouns() -> frozenset[str]:
    return frozenset(n for c in vocabulary.subjects().classes.values() for n in c.names if " " not in n)


def backward_class_noun(tokens: Sequence[Token], before: int, taken: set[int]) -> tuple[int, str] | None:
    """The nearest noun before token ``before`` that names a known class of counted thing
    ("the death toll from the quake ... rose to 11,000" counts the toll)."""
    nouns = _class_nouns()
    for j in range(before - 1, max(0, before - 24) - 1, -1):
        if j in taken or not tokens[j].is_word:
            continue
        if singular(tokens[j].lower) in nouns:
            return j, singular(tokens[j].lower)
    return None


def backward_head(tokens: Sequence[Token], before: int, taken: set[int], places: set[int]) -> tuple[int, str] | None:
    """The nearest noun before token ``before`` that no other figure counts: what a
    measure measures ("Held Hostage for Over a Day" measures the hostage-taking)."""
    g = vocabulary.grammar()
    lo = max(0, before - 16)
    for j in range(before - 1, lo - 1, -1):
        tok = tokens[j]
        if j in taken or j in places or not tok.is_word:
            continue
        if tok.lower in g.phrase_breaks or tok.lower in g.determiners or tok.lower in g.conjunctions:
            continue
        if _is_verbish(tok) or tok.lower in g.auxiliaries or tok.lower in g.subject_modifiers:
            continue
        if tok.lower in g.irregular_verbs:
            continue
        if tok.lower in ("series", "number", "total", "lot", "kind", "type", "wave", "string", "spate", "sees", "saw"):
            continue
        if tok.lower in _trend_words() or tok.lower.endswith("fold"):
            continue  # "the toll could rise eightfold to 20,000": neither is what is counted
        return j, singular(tok.text)
    return None
