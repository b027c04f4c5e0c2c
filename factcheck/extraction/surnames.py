"""Speakers the text names by pointing back or ahead, which a sentence's own cue scan does
not see: the name before the comma that "secondo cui" / "según el cual" stands for; the
speaker after the verb of a sentence that opens by pointing back at a report ("Lo ha
annunciato il presidente, Stefano Bonaccini, precisando che ..."); and a second reference
by surname, as newsrooms write it: "La viceministra de seguridad, Julissa Villanueva, ..."
and, sentences later, "Villanueva es la persona encargada ... y recordó que en 2019
murieron casi 40 reclusos". A single capitalised word that opens a sentence is too weak a
sign of a speaker on its own (a place, a month or a body opens sentences the same way), so
the attribution layer marks it ``lone`` and the document context keeps it only where the
article named a person before whose name ends in that word; the speaker is then that
person, under the full name."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from .. import vocabulary
from ..models import Source
from .bodies import is_body
from .namedindex import NamedIndex
from .nameends import name_after
from .tokens import PhraseIndex, Token


def lone_subject(tokens: Sequence[Token], before: int, lang: str) -> int | None:
    """The token of a single capitalised word that opens the sentence as its subject, the
    words after it up to ``before`` its predicate ("Villanueva es la persona encargada de
    ..."), or None. A link ("de", "of") or a second capitalised word after it makes it a
    longer name, which :func:`~factcheck.extraction.namespans.sentence_subject` reads.

    >>> from .tokens import tokenize
    >>> toks = tokenize("Villanueva es la persona encargada y recordó que murieron 40 reclusos.")
    >>> lone_subject(toks, 5, "es")
    0
    >>> lone_subject(tokenize("La ministra Ana Ríos es médica y recordó que ..."), 6, "es") is None
    True
    """
    g = vocabulary.grammar(lang)
    k = 0
    while k < before and (tokens[k].lower in g.conjunctions or tokens[k].text in ',"“«'):
        k += 1
    if k + 1 >= before or not (tokens[k].is_word and tokens[k].is_capitalized):
        return None
    if tokens[k].lower in g.determiners | g.pronoun_subjects or tokens[k].text.isupper():
        return None  # "La ...", "Ella ...", an acronym: not a surname
    nxt = tokens[k + 1]
    if not nxt.is_word or nxt.is_capitalized or nxt.lower in g.partitive | {"of", "de", "del"}:
        return None
    return k


def person_named_before(
    surname: str, named: Sequence[Source], index: NamedIndex, body: str, before: int, lang: str
) -> Source | None:
    """The person named earlier in the document whose name ends in ``surname`` ("Julissa
    Villanueva" for "Villanueva"), else None: a source named so far, else a given name and
    the surname written before offset ``before`` ("La viceministra de seguridad, Julissa
    Villanueva, comentó ..." names her even where no cue made her a source). A body
    ("Instituto Nacional de Migración") is no person.

    >>> body = "La viceministra, Julissa Villanueva, habló. Villanueva es ministra."
    >>> person_named_before("Villanueva", [], NamedIndex(), body, 44, "es").name
    'Julissa Villanueva'
    >>> person_named_before("Ríos", [], NamedIndex(), body, 44, "es") is None
    True
    """
    at = index.latest_with_word(named, body, surname.lower())
    if at is not None:
        # the latest source that holds the word may not end in it: look back from there
        for source in reversed(named[: at + 1]):
            words = source.name.split()
            if len(words) >= 2 and words[-1] == surname and words[0][:1].isupper() and not is_body(source.name):
                return source
    return _written_before(surname, body, before, lang)


def _written_before(surname: str, body: str, before: int, lang: str) -> Source | None:
    """The latest "Given Surname" (one or two capitalised given names, no title, no
    determiner) written before offset ``before``, as a source with that mention's offsets.
    Each place the surname is written is looked at from the end back (``str.rfind``), never
    the whole body with a pattern: an article is read once per lone surname."""
    g = vocabulary.grammar(lang)
    titles = vocabulary.attribution(lang).titles
    small = g.determiners | g.conjunctions | g.pronoun_subjects
    end = before
    while (at := body.rfind(surname, 0, end)) > 0:
        end = at
        after = at + len(surname)
        if after < len(body) and (body[after].isalpha() or body[after].isdigit()):
            continue  # "Villanuevas": another word
        m = _GIVEN.search(body, max(0, at - 60), at)
        if m is None:
            continue
        given = m.group(1).split()
        while given and (given[0].lower() in small or given[0].lower() in titles or not given[0][:1].isupper()):
            given = given[1:]
        if not given or not all(w[:1].isupper() and w.lower() not in titles for w in given):
            continue
        start = at - len(" ".join(given)) - 1
        if body[start:after] != " ".join([*given, surname]) or is_body(body[start:after]):
            continue
        return Source(name=body[start:after], cue="", start=start, end=after)
    return None


# one or two words right before a surname (the search is bounded to the 60 characters before it)
_GIVEN = re.compile(r"((?:[^\W\d_][^\W\d_'’-]*\s+){1,2})\Z")


def antecedent(tokens: Sequence[Token], cue: int, lang: str) -> tuple[int, int] | None:
    """The name before the comma that a relative after the cue at ``cue`` stands for ("la
    prefettura di Napoli, secondo cui quattro persone risultano disperse"): capitalised
    words, links, determiners, titles and organisational words, back from the comma.

    >>> from .tokens import tokenize
    >>> toks = tokenize("Lo riferisce la prefettura di Napoli, secondo cui 4 sono disperse.")
    >>> antecedent(toks, 7, "it")
    (2, 5)
    """
    if cue < 2 or tokens[cue - 1].text != ",":
        return None
    g = vocabulary.grammar(lang)
    table = vocabulary.attribution(lang)
    words = g.determiners | g.partitive | {"of", "de", "del", "di", "do", "da"}
    k = cue - 2
    first = None
    while k >= 0 and tokens[k].is_word:
        t = tokens[k]
        if not (t.is_capitalized or t.lower in words or t.lower in table.titles or t.lower in table.organisation_heads):
            break
        first = k
        if t.lower in g.determiners:
            break  # the determiner opens the name
        k -= 1
    named = tokens[first : cue - 1] if first is not None else []
    if first is None or not any(t.is_capitalized or t.lower in table.organisation_heads for t in named):
        return None
    while first < cue - 1 and tokens[first].lower in words - g.determiners:
        first += 1
    return first, cue - 2


def relative_after(tokens: Sequence[Token], j: int, determiners: frozenset[str], relative: frozenset[str]) -> bool:
    """A relative pronoun at ``j``, after its article or not ("secondo cui", "según el cual")."""
    if j < len(tokens) and tokens[j].lower in determiners:
        j += 1
    return j < len(tokens) and tokens[j].lower in relative


@cache
def _back_cues(lang: str) -> PhraseIndex:
    return PhraseIndex((c, c) for c in vocabulary.attribution(lang).back_cues)


def after_back_cue(
    tokens: Sequence[Token], verb: int, tail: int, verbs: PhraseIndex, skip: frozenset[int], lang: str
) -> tuple[int, int] | None:
    """The speaker written after a reporting verb that a back cue opens the sentence with
    ("Lo ha annunciato domenica il ministero", "Así lo informó el Cecopi"), as token span,
    else None; the day between the verb and the name is skipped.

    >>> from .tokens import tokenize
    >>> from .attribution import _indexes
    >>> toks = tokenize("Lo ha annunciato domenica il ministero, precisando che i feriti sono 110.")
    >>> after_back_cue(toks, 2, 3, _indexes("it")[1], frozenset({3}), "it")
    (4, 5)
    """
    from .namespans import name_start  # which imports this module's neighbours

    hit = _back_cues(lang).match_at(tokens, 0)
    if hit is None:
        return None
    aux = vocabulary.grammar(lang).auxiliaries
    if any(t.lower not in aux for t in tokens[hit[0] : verb]):
        return None
    first = name_start(tokens, tail, verbs, skip, lang)
    if first is None:
        return None
    last = name_after(tokens, first, lang, skip)
    return (first, last) if last >= first else None
