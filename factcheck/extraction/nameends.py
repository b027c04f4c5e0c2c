"""Where a speaker's name written after its cue ends ("according to the National Office for
... and Civil Defence (NOCD), 26 ...", "según el gobernador de la provincia de Salta, Pedro
Molina,") and whether a reporting verb closes its clause ("..., the fire service said in
an email sent to reporters."). Names before their verb are
:mod:`~factcheck.extraction.namespans`'s."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from .. import vocabulary
from .tokens import PhraseIndex, Token

MAX_NAME_WORDS = 14
MAX_BODY_WORDS = 30
"""A body's full name written before its short name in brackets may be longer ("the
National Office for Emergency Planning, Disaster Relief, Reconstruction and Civil
Defence of the Republic (NOEP)" runs to sixteen words); the brackets say where it ends,
and thirty is about twice the longest official names of national bodies."""
_TAIL_WINDOW = 24
"""Tokens after a reporting verb read to tell whether its clause closes."""


def name_after(tokens: Sequence[Token], i: int, lang: str = "en", skip: frozenset[int] = frozenset()) -> int:
    """Last token of a source name that starts at ``i`` and runs to the sentence's end, a
    clause break or a time ("said President X Sunday morning"); an appositive after a
    comma is kept ("the fire service, Bomberos")."""
    g = vocabulary.grammar(lang)
    breaks = vocabulary.attribution(lang).name_breaks
    openers = vocabulary.attribution(lang).subordinators
    # "el gobernador de la provincia", "el informe elaborado por la Secretaría": a determiner
    # after these goes on with the name
    linking = g.partitive | vocabulary.attribution(lang).agent_markers
    j = i
    last = i - 1
    limit = MAX_BODY_WORDS if _acronym_closes(tokens, i) else MAX_NAME_WORDS
    while j < len(tokens) and j - i < limit:
        t = tokens[j]
        if t.text == "(" and j > i and acronym_at(tokens, j + 1, tokens[i:j]):
            last = j + 2  # "la Dirección de Tránsito y Vialidad (DTV)"
            j += 3
            continue
        if (
            t.text == "."
            and j > i
            and (tokens[j - 1].lower in g.abbreviations or _initial(tokens[j - 1]))
            and j + 1 < len(tokens)
            and tokens[j + 1].is_capitalized
            and tokens[j - 1].end == t.start
        ):
            j += 1  # "said Gen. Ali Hassan", "the U.S. Embassy", "el Gral. Ruiz": an abbreviation's stop
            continue
        if t.text in '.;:!?"”' or (t.text == "(" and j > i) or (j in skip and j > i):
            break
        if t.text == ",":
            nxt = tokens[j + 1] if j + 1 < len(tokens) else None
            if nxt is not None and _appositive_name(tokens, j + 1, g.determiners) and _ends_sentence(tokens, j + 1):
                j += 1
                continue
            if nxt is not None and _name_in_apposition(tokens, i, j, lang):
                j += 1  # "según la ministra, Ana Ríos, ...": the name after the title
                continue
            break
        if t.lower in g.relative and j > i:
            break
        if j > i and t.lower in openers and not t.is_capitalized:
            break  # "dijo Juan Pérez cuando se cumplían 24 días", "said John Smith when ...": a new clause
        if j > i and t.lower in g.phrase_breaks and _audience_at(tokens, j + 1, lang):
            break  # "dijo el gobernador a los periodistas": to whom, not who
        if (
            t.lower in breaks
            and j > i
            and tokens[j - 1].lower not in g.conjunctions
            and not (t.lower in g.determiners and tokens[j - 1].lower in linking)
            and not (t.lower in g.phrase_breaks and _posted_then_named(tokens, i, j, lang))
        ):
            # "fuentes oficiales y la prensa local" goes on after its "y", "el gobernador de
            # la provincia de Salta" after its "de"
            break
        last = j
        j += 1
    while last > i and tokens[last].lower in g.phrase_breaks and not tokens[last].is_capitalized:
        last -= 1  # "reported by Molina on Friday night": the time's preposition
    return last


@cache
def _audiences(lang: str) -> PhraseIndex:
    return PhraseIndex((w, w) for w in vocabulary.attribution(lang).audiences)


def _audience_at(tokens: Sequence[Token], k: int, lang: str) -> bool:
    """Whom a statement is made to starts at token ``k`` ("los periodistas", "la prensa")."""
    return audience_length(tokens, k, lang) > 0


def audience_length(tokens: Sequence[Token], k: int, lang: str) -> int:
    """How many tokens from ``k`` say whom a statement is made to ("los periodistas": 2);
    0 where none do."""
    hit = _audiences(lang).match_at(tokens, k) if k < len(tokens) else None
    return hit[0] if hit is not None else 0


def _acronym_closes(tokens: Sequence[Token], i: int) -> bool:
    """A body's name runs from ``i`` as one phrase of words to its short name in brackets,
    within :data:`MAX_BODY_WORDS`: "la Secretaría ... de Adolescentes Infractores (SNAI)"."""
    for j in range(i + 1, min(len(tokens), i + MAX_BODY_WORDS)):
        if tokens[j].text == "(":
            return acronym_at(tokens, j + 1)
        if not tokens[j].is_word or tokens[j].is_digit:
            return False
    return False


def acronym_at(tokens: Sequence[Token], j: int, name: Sequence[Token] = ()) -> bool:
    """ "(SSPC)": an upper-case short name in parentheses at ``j``; after a ``name``, one
    written in capitals and lower case that begins with the name's first capital ("el
    Servicio Nacional de Bomberos (Senabo)", not "la cárcel (Perú)")."""
    if not (j + 1 < len(tokens) and tokens[j + 1].text == ")" and tokens[j].is_word and 2 <= len(tokens[j].text) <= 8):
        return False
    short = tokens[j].text
    if short.isupper():
        return True
    initial = next((t.text[0] for t in name if t.is_capitalized), None)
    return short[0].isupper() and short[1:].islower() and short[0] == initial


def _name_in_apposition(tokens: Sequence[Token], i: int, comma: int, lang: str) -> bool:
    """A name of two to five capitalised words after a comma that closes a description in
    lower case ("la ministra, Ana Ríos,", "el vocero de la Fiscalía, Luis
    Paredes,"): the described person."""
    titles = vocabulary.attribution(lang).titles
    described = tokens[i:comma]
    if comma - i > 8 or not any(t.lower in titles and not t.is_capitalized for t in described):
        return False
    k = comma + 1
    while k < len(tokens) and tokens[k].is_word and tokens[k].is_capitalized:
        k += 1
    return 2 <= k - comma - 1 <= 5 and (k >= len(tokens) or tokens[k].text in ",.;")


def _posted_then_named(tokens: Sequence[Token], i: int, j: int, lang: str) -> bool:
    """A title's post at token ``j`` ("en México") between the title and the name in
    apposition after it: "el cónsul de Honduras en México, Héctor Amador," is Héctor
    Amador, as "el cónsul de Honduras, Héctor Amador," is."""
    partitive = vocabulary.grammar(lang).partitive
    k = j + 1
    while k < len(tokens) and k - j <= _POST_WORDS and tokens[k].is_word:
        if not (tokens[k].is_capitalized or (tokens[k].lower in partitive and k > j + 1)):
            break
        k += 1
    return (
        k > j + 1
        and tokens[k - 1].is_capitalized
        and k < len(tokens)
        and tokens[k].text == ","
        and _name_in_apposition(tokens, i, k, lang)
    )


_POST_WORDS = 4
"""The longest place name read as a title's post ("en Ciudad de México" is three words, "in
New York" two)."""


def closes_clause(tokens: Sequence[Token], tail: int, verb: str = "", lang: str = "en") -> bool:
    """True when a reporting verb ends its clause: "..., AP reports.", "..., officials
    said, as rescuers ...", "..., the UN said on Tuesday."."""
    n = len(tokens)
    if tail >= n or tokens[tail].text in '.!?"”,;':
        return True
    table = vocabulary.attribution(lang)
    if tokens[tail].lower in table.tail_openers:
        return True  # "..., X said as he visited the school": a new clause begins
    # a tail is read at most this far: a clause that has not ended there does not close
    rest = tokens[tail : tail + _TAIL_WINDOW]
    end = next((k for k, t in enumerate(rest) if t.text in ".!?;,"), len(rest))
    if (verb in table.short_tail_verbs or tokens[tail].lower in table.time_openers) and end <= 4:
        # "..., X told reporters." / "..., X said on Tuesday." / "..., X said Saturday, as
        # ...": a short tail closes the clause
        return True
    if verb in table.short_tail_verbs:
        # "..., survivors told aid workers after they were brought ashore": who was told,
        # then a new clause
        k = next((k for k, t in enumerate(rest[:4]) if t.lower in table.tail_openers), None)
        if k is not None and all(t.is_word and not t.is_digit for t in rest[:k]):
            return True
    # "..., the fire service said in an email sent to reporters.": what carried
    # the words closes the clause however long it is written
    g = vocabulary.grammar(lang)
    if tokens[tail].lower in g.phrase_breaks | {"in", "on", "via", "through"}:
        # ... unless what was said follows ("said in an email that nine ...")
        return any(t.lower in table.carriers for t in rest[1 : min(end, 4)]) and not any(
            t.lower in g.relative for t in rest[:end]
        )
    return False


def _initial(tok: Token) -> bool:
    """A single capital letter: an initial ("U.S.", "John F. Kennedy")."""
    return len(tok.text) == 1 and tok.text.isupper()


def _appositive_name(tokens: Sequence[Token], j: int, determiners: frozenset[str]) -> bool:
    """ "the fire service, Bomberos", "según el ministerio, la Secretaría de Salud": a name
    after the comma, capitalised or after its determiner; "According to NOCD, the 14
    climbers are safe" goes on with the sentence, not with the name."""
    if any(t.is_digit for t in tokens[j : j + MAX_NAME_WORDS]):
        return False
    if tokens[j].lower in determiners:
        return j + 1 < len(tokens) and tokens[j + 1].is_capitalized
    return tokens[j].is_capitalized


def _ends_sentence(tokens: Sequence[Token], j: int) -> bool:
    while j < len(tokens):
        if tokens[j].text == ",":
            return False
        if tokens[j].text in ".;!?":
            return True
        j += 1
    return True


def speaker_scope_end(tokens: Sequence[Token], tail: int, verb: int, lang: str) -> int:
    """Where a speaker after what is said stops giving figures: at the reporting verb when
    a subordinate clause opens right after the verb or the speaker's name («...», señaló
    cuando se cumplen 24 días de protestas; "..., said John Smith when 24 days had passed":
    the days are the writer's); else nowhere ("..., remarcó el Gobierno al recordar que
    137 ...", "..., adding that 12 ..." go on reporting)."""
    table = vocabulary.attribution(lang)
    if tail < len(tokens) and tokens[tail].lower in table.subordinators:
        return verb
    if tail + 2 < len(tokens) and tokens[tail].text == "," and tokens[tail + 1].lower in table.clause_openers:
        # "..., informó Protección Civil, mientras que la Secretaría de Salud mantenía su
        # balance en 32": a contrasting clause with a subject of its own has its own speaker
        g = vocabulary.grammar(lang)
        j = tail + 2
        while j < len(tokens) and (tokens[j].lower in g.relative or tokens[j].lower in g.conjunctions):
            j += 1
        if j < len(tokens) and tokens[j].lower in g.determiners:
            j += 1
        if j < len(tokens) and tokens[j].is_capitalized and tokens[j].is_word:
            return tail
    return 1 << 30


def medium_ahead(tokens: Sequence[Token], j: int, determiners: frozenset[str]) -> bool:
    """An outlet's short name in capitals at ``j`` with a speaker named right after it: in
    "explicó a la AFP Mario Ruiz" the AFP is whom it was told, Mario Ruiz who told it."""
    if j + 1 >= len(tokens) or not tokens[j].is_word or not tokens[j].text.isupper() or len(tokens[j].text) < 2:
        return False
    nxt = tokens[j + 1]
    return nxt.is_word and (nxt.is_capitalized or nxt.lower in determiners) and not nxt.text.isupper()
