"""What a source is called: the words a cue points at, cut to the name by which other
reports call the speaker.

A speaker is often written with more than a name: a title ("la ministra Ana
Ríos"), an office in apposition ("Pedro Molina, the governor of Salta"), the thing
that carried the figure ("the website of the office for civil defence", "un
boletín del ministerio"), or a place adverb ("employees there"). The name keeps the person or
the organisation; a title or office goes to ``Source.role``. Which words are titles,
carriers and unnamed kinds of source is language data (``data/<lang>/attribution.yaml``)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from functools import cache

from .. import vocabulary
from ..models import Source
from .nameends import name_after
from .tokens import POSSESSIVE, Token

MAX_PERSON_WORDS = 5


@cache
def _table(lang: str) -> vocabulary.Attribution:
    return vocabulary.attribution(lang)


@cache
def _titles_by_first(lang: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The titles as words, by their first word, longest first."""
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for words in {tuple(t.split()) for t in _table(lang).titles}:
        if words:
            by_first.setdefault(words[0], []).append(words)
    return {w: tuple(sorted(ts, key=lambda t: (-len(t), t))) for w, ts in by_first.items()}


def make_source(tokens: Sequence[Token], body: str, first: int, last: int, cue: str, lang: str = "en") -> Source:
    """The source a cue points at, tokens ``first``..``last``, cut to its name.

    >>> from factcheck.extraction.tokens import tokenize
    >>> text = "la ministra del ramo, Ana Ríos"
    >>> s = make_source(tokenize(text), text, 0, 6, "dijo", "es")
    >>> s.name, s.role
    ('Ana Ríos', 'la ministra del ramo')
    """
    first, last = _owner_of_carrier(tokens, first, last, lang)
    last = _without_place_adverb(tokens, first, last, lang)
    (first, last), role = _person_and_role(tokens, first, last, lang)
    end = tokens[last].end
    if first < last and tokens[last].text.endswith(POSSESSIVE):
        end -= 2  # "the agency's latest update": the agency
    return Source.built(
        name=body[tokens[first].start : end],
        cue=cue,
        start=tokens[first].start,
        end=end,
        role=role if role else None,
    )


def _owner_of_carrier(tokens: Sequence[Token], first: int, last: int, lang: str) -> tuple[int, int]:
    """ "The website of the office for civil defence", "un boletín del ministerio": what
    carried the figure names who gave it, after its "of"; so do the figures themselves
    ("datos preliminares de la Secretaría de Salud", "the latest figures from the ministry";
    ``back_nouns``)."""
    carriers = _table(lang).carriers | _table(lang).back_nouns
    g = vocabulary.grammar(lang)
    # "un boletín del ministerio", and the agent of a participle: "a report released by the
    # ministry", "el informe elaborado por la Secretaría"
    owner_marks = g.partitive | {"of", "from", "de", "del", "di", "della", "dello", "dei"} | _table(lang).agent_markers
    for k in range(first, min(last, first + 4)):
        if tokens[k].lower in carriers and (k == first or not tokens[k].is_capitalized):
            j = k + 1
            while (
                j < last and tokens[j].is_word and not tokens[j].is_capitalized and tokens[j].lower not in owner_marks
            ):
                j += 1  # "un comunicado oficial del INM", "a press release from"
            if j < last and tokens[j].lower in owner_marks:
                return j + 1, last
    # "the agency's latest update", "the ministry's figures": the owner before the possessive
    for k in range(first, last):
        rest = tokens[k + 1 : last + 1]
        if (
            tokens[k].text.endswith(POSSESSIVE)
            and all(t.is_word and not t.is_capitalized for t in rest)
            and any(t.lower in carriers for t in rest)
        ):
            return first, k
    return first, last


_PAST_TIME = 6
"""Tokens between a carrier's name and its agent: a participle and a time ("difundido el
lunes por", "released on Monday by")."""


def agent_past_time(
    tokens: Sequence[Token], first: int, last: int, lang: str = "en", skip: frozenset[int] = frozenset()
) -> tuple[int, int] | None:
    """The agent of a carrier written after a time that ends the carrier's name ("selon un
    bilan officiel communiqué lundi par le gouvernement", "according to a toll released on
    Monday by the government"): the agent gave the figures, so the span of its name; None
    where the name ``first``..``last`` is no carrier or no agent follows the time."""
    table = _table(lang)
    if not table.agent_markers or not any(tokens[k].lower in table.carriers for k in range(first, last + 1)):
        return None
    g = vocabulary.grammar(lang)
    k = last + 1
    timed = False
    while k < len(tokens) and k - last <= _PAST_TIME and tokens[k].lower not in table.agent_markers:
        if k in skip:
            timed = True
        elif not (tokens[k].is_word and not tokens[k].is_capitalized):
            break  # (the participle may stand after the name: "un balance difundido el lunes")
        k += 1
    if not timed or k + 1 >= len(tokens) or tokens[k].lower not in table.agent_markers:
        return None
    end = name_after(tokens, k + 1, lang, skip)
    named = any(tokens[j].is_word and tokens[j].lower not in g.determiners for j in range(k + 1, end + 1))
    # ("difundida el viernes por la tarde": "por" opens the time, no agent)
    return (k + 1, end) if named and end + 1 not in skip else None


def cited_owner(tokens: Sequence[Token], first: int, last: int, lang: str = "en") -> tuple[int, int] | None:
    """The body a carrier cites, where the name ``first``..``last`` is a carrier with no
    owner of its own and a relative clause after it cites one: "una dichiarazione ufficiale
    che cita i dati del governo di Guerrero", "un comunicado que cita cifras de la
    Secretaría": the cited body gives the figures; else None."""
    table = _table(lang)
    g = vocabulary.grammar(lang)
    if _owner_of_carrier(tokens, first, last, lang) != (first, last):
        return None  # "un boletín del ministerio" names its owner already
    if not any(tokens[k].lower in table.carriers for k in range(first, last + 1)):
        return None
    j = last + 1
    if j < len(tokens) and tokens[j].lower in g.relative:
        j += 1  # "que cita", and the English participle "citing" with none
    if j >= len(tokens) or tokens[j].lower not in table.citing:
        return None
    owner_marks = g.partitive | {"of", "from", "de", "del", "di", "della", "dello", "dei", "do", "da", "dos"}
    j += 1
    while j < len(tokens) and j <= last + _CITED_GAP and tokens[j].lower not in owner_marks:
        if not tokens[j].is_word or tokens[j].is_capitalized:
            return None  # "cita a Reuters": a name with no "data of" before it is read as written
        j += 1  # "i dati", "cifras", "datos oficiales"
    if j + 1 >= len(tokens) or tokens[j].lower not in owner_marks:
        return None
    end = name_after(tokens, j + 1, lang)
    comma = next((k for k in range(j + 1, end + 1) if tokens[k].text == ","), None)
    if comma is not None:
        end = comma - 1  # "del governo di Guerrero, lo Stato in cui ...": the apposition describes it
    return (j + 1, end) if end >= j + 1 else None


_CITED_GAP = 6  # "que cita los datos oficiales más recientes de"


def relative_giver(tokens: Sequence[Token], first: int, last: int, lang: str = "en") -> tuple[int, int] | None:
    """Who gave the figures, where the name ``first``..``last`` after a cue is the figures
    or a document themselves, in lower case, and a relative clause after it says who gave
    them out: "de acuerdo a los datos que ha facilitado el presidente, Guillermo Lasso",
    "según las cifras que publicó la Fiscalía", "according to figures that the ministry
    released"; else None. The verb is a reporting verb or its participle
    (``attribution.yaml`` ``verbs``, ``participles``); the giver stands after it (Spanish
    inverts the subject) or between the relative and the verb."""
    table = _table(lang)
    g = vocabulary.grammar(lang)
    words = tokens[first : last + 1]
    if any(t.is_capitalized for t in words) or not any(
        t.lower in table.carriers or t.lower in table.back_nouns for t in words
    ):
        return None
    j = last + 1
    if j >= len(tokens) or tokens[j].lower not in g.relative:
        return None
    j += 1
    k = j
    while k < len(tokens) and k < j + 2 and tokens[k].lower in g.auxiliaries:
        k += 1  # "que ha facilitado", "que había publicado"
    size = _giving_verb(tokens, k, lang)
    if size:
        start = k + size  # "que publicó la Fiscalía", "que dio a conocer el INM": the giver after
        if start >= len(tokens) or not (tokens[start].is_capitalized or tokens[start].lower in g.determiners):
            return None
        end = name_after(tokens, start, lang)
        return (start, end) if end >= start else None
    if tokens[j].is_capitalized or tokens[j].lower in g.determiners:
        end = name_after(tokens, j, lang)  # "figures that the ministry released"
        after = end + 1
        while after < len(tokens) and tokens[after].lower in g.auxiliaries:
            after += 1
        if end >= j and _giving_verb(tokens, after, lang):
            return j, end
    return None


@cache
def _giving_verbs(lang: str) -> frozenset[tuple[str, ...]]:
    table = _table(lang)
    return frozenset(tuple(v.lower().split()) for v in [*table.verbs, *table.participles])


def _giving_verb(tokens: Sequence[Token], k: int, lang: str) -> int:
    """How many tokens a reporting verb or participle at ``k`` takes ("publicó" one, "dio a
    conocer" three), or 0."""
    phrases = _giving_verbs(lang)
    for n in (3, 2, 1):
        if k + n <= len(tokens) and tuple(t.lower for t in tokens[k : k + n]) in phrases:
            return n
    return 0


def _without_place_adverb(tokens: Sequence[Token], first: int, last: int, lang: str) -> int:
    """ "nurses there said": the adverb says where they are, not who they are."""
    if last > first and tokens[last].lower in _table(lang).place_adverbs:
        return last - 1
    return last


def _is_title(tokens: Sequence[Token], k: int, lang: str) -> int:
    """How many tokens a title at ``k`` takes ("vice president" two, "governor" one), or 0."""
    if k >= len(tokens):
        return 0
    for words in _titles_by_first(lang).get(tokens[k].lower, ()):
        n = len(words)
        if tuple(t.lower for t in tokens[k : k + n]) == words:
            return n
    return 0


_NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "van", "von", "der"})
"""Small words inside a person's name ("Khalid al-Muhanna", "Ursula von der Leyen"); the
Romance "de" is left out: it joins a body's name as often ("Secretaría de Salud")."""


def _is_person(span: Sequence[Token]) -> bool:
    """Two to five capitalised words: how a person's name is written; a hyphen joins two
    parts into one ("Grace Iringe-Koko"), and a name's particles may stand inside it
    ("Khalid al-Muhanna").

    >>> from .tokens import tokenize
    >>> _is_person(tokenize("Grace Iringe-Koko")), _is_person(tokenize("Khalid al-Muhanna"))
    (True, True)
    >>> _is_person(tokenize("the spokesman")), _is_person(tokenize("Iringe-Koko"))
    (False, False)
    """
    parts: list[list[Token]] = []
    for k, t in enumerate(span):
        if t.text in "-‐" and 0 < k < len(span) - 1 and t.start == span[k - 1].end and span[k + 1].start == t.end:
            continue  # "Iringe-Koko": the hyphen joins, the next word goes on the part
        if k > 0 and span[k - 1].text in "-‐" and parts and span[k - 1].end == t.start:
            parts[-1].append(t)
            continue
        parts.append([t])
    if not 2 <= len(parts) <= MAX_PERSON_WORDS or not all(t.is_word for t in span if t.text not in "-‐"):
        return False
    first, last = parts[0][0], parts[-1][-1]
    return (
        first.is_capitalized
        and last.is_capitalized
        and all(p[0].is_capitalized or p[0].lower in _NAME_PARTICLES for p in parts)
    )


def _person_and_role(tokens: Sequence[Token], first: int, last: int, lang: str) -> tuple[tuple[int, int], str | None]:
    """The person's name where a speaker is written as a title and a name, and the title:
    "la ministra del ramo, Ana Ríos" and "Pedro Molina, the governor of Salta" are Ana
    Ríos and Pedro Molina, the name by which other reports call them; so is "Peruvian
    President Maria Costa". An organisation's short name ("the fire service,
    Bomberos") is left with its description."""

    determiners = vocabulary.grammar(lang).determiners
    commas = [k for k in range(first + 1, last) if tokens[k].text == ","]
    if len(commas) == 1:
        parts = ((first, commas[0] - 1), (commas[0] + 1, last))
        for (a, b), (c, d) in (parts, parts[::-1]):
            other = tokens[c : d + 1]
            if (
                a < b
                and tokens[a].lower in determiners
                and not tokens[a].is_capitalized
                and _is_person(tokens[a + 1 : b + 1])
            ):
                a += 1  # "according to the Luis Felipe Puente, head of ...": an article is no part of a name
            if _is_person(tokens[a : b + 1]) and any(t.is_word and not t.is_capitalized for t in other):
                return (a, b), _span_text(tokens, c, d)
        return (first, last), None
    if commas:
        return (first, last), None
    if (
        first < last
        and tokens[first].lower in determiners
        and not tokens[first].is_capitalized
        and _is_person(tokens[first + 1 : last + 1])
        and _title_in_apposition(tokens, last + 1, lang)
    ):
        # "according to the Luis Felipe Puente, head of ...": the title after it says a
        # person is named, and an article is no part of a person's name ("la Policía
        # Nacional", "the Red Cross" keep theirs)
        return (first + 1, last), None
    # "la ministra Ana Ríos", "Vice Minister Tomas Lind": a title, then the name
    for k in range(first, min(last, first + 4)):
        n = _is_title(tokens, k, lang)
        if n and _is_person(tokens[k + n : last + 1]):
            return (k + n, last), _span_text(tokens, first, k + n - 1)
    return (first, last), None


def _title_in_apposition(tokens: Sequence[Token], k: int, lang: str) -> bool:
    """A comma at token ``k`` and a title in lower case right after it (", head of",
    ", el director de")."""
    titles = _table(lang).titles
    determiners = vocabulary.grammar(lang).determiners
    if k + 1 >= len(tokens) or tokens[k].text != ",":
        return False
    j = k + 1
    if tokens[j].lower in determiners and j + 1 < len(tokens):
        j += 1
    return tokens[j].lower in titles and not tokens[j].is_capitalized


def _span_text(tokens: Sequence[Token], a: int, b: int) -> str:
    """The words of tokens ``a``..``b`` joined as written, spaces normalised."""
    out = ""
    for k in range(a, b + 1):
        t = tokens[k]
        if k > a and t.start > tokens[k - 1].end:
            out += " "
        out += t.text
    return out


def is_generic(words: Sequence[Token], lang: str) -> bool:
    """A lower-case phrase that still names a kind of source: a listed one ("officials",
    "las autoridades") or one headed by a listed noun ("local news sources", "medios
    locales"), alone or coordinated ("fuentes oficiales y la prensa local").

    >>> from factcheck.extraction.tokens import tokenize
    >>> is_generic(tokenize("local news sources"), "en"), is_generic(tokenize("the rain"), "en")
    (True, False)
    """
    table = _table(lang)
    g = vocabulary.grammar(lang)
    if not words:
        return False
    joined = " ".join(t.lower for t in words)
    if joined in table.generic_sources:
        return True
    parts: list[list[Token]] = [[]]
    for t in words:
        if t.lower in g.conjunctions or t.text == ",":
            parts.append([])
        else:
            parts[-1].append(t)
    if any(not p for p in parts):
        return False
    return all(_generic_part(p, lang) for p in parts)


def _generic_part(part: Sequence[Token], lang: str) -> bool:
    table = _table(lang)
    g = vocabulary.grammar(lang)
    joined = " ".join(t.lower for t in part)
    if joined in table.generic_sources:
        return True
    content = [t for t in part if t.lower not in g.determiners]
    if not content or len(content) > 4:
        return False
    if any(t.lower in table.place_adverbs for t in content[1:]):
        content = [t for t in content if t.lower not in table.place_adverbs]
    head = content[0] if g.head_position == "first" else content[-1]
    return head.lower in table.generic_heads or head.lower in table.generic_sources


def is_non_speaker(words: Sequence[Token], lang: str) -> bool:
    """An event or a picture written where a speaker would stand: "Deadly blaze claims",
    "A photo of the harbour Friday shows", "The footage that spread online showed"."""
    table = _table(lang)
    non = table.non_speakers
    if not any(t.lower in non and not t.is_capitalized for t in words):
        return False
    # "the fire department", "el cuerpo de bomberos": an event word naming what a body does
    content = [t for t in words if t.is_word and t.lower not in vocabulary.grammar(lang).determiners]
    head = (content[0] if vocabulary.grammar(lang).head_position == "first" else content[-1]) if content else None
    return head is None or head.lower not in table.organisation_heads | table.titles


def is_document(name: str, lang: str) -> bool:
    """A source that is a document with no owner named ("el reporte preliminar", "an
    official statement"): what a speaker cites, not who speaks."""
    words = name.replace(",", " ").split()
    carriers = _table(lang).carriers
    return bool(words) and not any(w[:1].isupper() for w in words[1:]) and any(w.lower() in carriers for w in words)


def is_outlet(name: str, lang: str) -> bool:
    """A source the name says is a news outlet ("la agencia pública Andes", "the newspaper
    El Comercio"): it carries what a speaker of the same sentence said.

    >>> is_outlet("la agencia pública Andes", "es"), is_outlet("la Secretaría de Salud", "es")
    (True, False)
    """
    words = f" {' '.join(name.lower().replace(',', ' ').split())} "
    return any(f" {o} " in words for o in _table(lang).outlets)


def with_each_agent_marker(prefixes: Sequence[str], markers: Collection[str]) -> list[str]:
    """Each prefix, and one that ends in an agent marker with every other marker of the
    language in its place: "come riferito da" is also "come riferito dalle (autorità)", as
    "citado por" is "citado pelo" (the markers hold the contractions of the preposition).

    >>> with_each_agent_marker(["citado por", "segundo"], {"por", "pelo"})
    ['citado por', 'segundo', 'citado pelo']
    """
    out = list(prefixes)
    for p in prefixes:
        head, _, last = p.rpartition(" ")
        if head and last in markers:
            out.extend(f"{head} {m}" for m in sorted(markers) if f"{head} {m}" not in out)
    return out
