"""Facilities: named after their noun ("la cárcel de Turi", "el penal de Támara"),
before it ("Turi jail"), capitalised nouns as names of their own ("Centro Femenino de
Adaptación Social"), and unnamed ones tied to a place ("a prison in Cuenca", "una cárcel
ecuatoriana")."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from .. import vocabulary
from ..gazetteer import gazetteer
from ..models import Place
from .placematch import (
    NAME_JOINERS,
    OF_JOINERS,
    PlaceMention,
    capitalised_name,
    country_place,
    entry_place,
    facility,
    gazetteer_match,
    phrase_index,
    span_text,
    within_after,
)
from .placewords import place_words
from .tokens import PhraseIndex, Token, tokenize


def opened_facility(
    body: str, tokens: Sequence[Token], i: int, countries: Sequence[str], openers: PhraseIndex, lang: str
) -> PlaceMention | None:
    """ "la cárcel de Turi", "el penal de Támara": the facility noun first, then its name."""
    hit = openers.match_at(tokens, i)
    if hit is None:
        return None
    k = i + hit[0]
    last = capitalised_name(tokens, k)
    if last is None:
        return None
    own = gazetteer_match(tokens, k, countries)
    container = entry_place(own[1], None, None, None) if own and own[0] == last - k + 1 else None
    noun = i + 1 if tokens[i].lower in vocabulary.grammar(lang).determiners or tokens[i].lower in ("el", "la") else i
    name = span_text(body, tokens, noun, last)[0]
    nearby = within_after(tokens, last + 1, countries, lang)
    end = last
    if nearby is not None and container is None:
        end, container = nearby
    return facility(body, tokens, i, end, name, container, countries)


def named_facility(
    body: str, tokens: Sequence[Token], i: int, countries: Sequence[str], lang: str
) -> PlaceMention | None:
    """ "Turi jail", "Litoral Penitentiary", and a capitalised facility noun as a name of its
    own ("Centro de Reclusión Femenino", "Penitenciaría Central")."""
    g = vocabulary.grammar(lang)
    facilities = phrase_index(lang, "facility_words")
    own_hit = facilities.match_at(tokens, i)
    if own_hit is not None:
        last = i + own_hit[0] - 1
        if headline_case(tokens, g.phrase_breaks | g.determiners | g.conjunctions):
            # "Hostages Seized During Prison Riots In Ecuador": a headline capitalises
            # every word, so the words after the facility noun name nothing
            return None
        if _names_a_body(tokens, last + 1, lang):
            return None  # "Prison Institute", "Penitentiary Service": a body, not a site
        after = last + 1 + _acronym_width(tokens, last + 1)  # "Centro de Privación de Libertad (CPL) Turi"
        tail = capitalised_name(tokens, after)
        if tail is not None:
            last = _before_own_place(tokens, after, tail, countries)
        elif last + 1 < len(tokens) and tokens[last + 1].lower in ("de", "del", "of"):
            tail = capitalised_name(tokens, last + 2)
            last = tail if tail is not None else last
        if own_hit[0] == 1 and last == i:
            return None  # "Prison" opening a sentence names nothing
        name = span_text(body, tokens, i, last)[0]
        nearby = within_after(tokens, last + 1, countries, lang)
        if nearby is not None:
            return facility(body, tokens, i, nearby[0], name, nearby[1], countries)
        return facility(body, tokens, i, last, name, None, countries)
    if tokens[i].lower in g.determiners or tokens[i].lower in NAME_JOINERS or tokens[i].lower in g.phrase_breaks:
        return None  # "La cárcel", "The prison", "At Manchester Arena" at a sentence start
    if headline_case(tokens, g.phrase_breaks | g.determiners | g.conjunctions):
        return None  # "Guards Taken During Jail Uprising": a headline capitalises every word
    if g.head_position == "first":
        # a language that names after the noun writes no name before it: "Seguridad y
        # Vigilancia Penitenciaria" is a body whose adjective folds like a facility noun
        return None
    for width in (1, 2, 3):
        k = i + width
        if k >= len(tokens) or not all(t.is_capitalized and t.is_word for t in tokens[i:k]):
            return None
        hit = facilities.match_at(tokens, k)
        if hit is None:
            continue
        end = k + hit[0] - 1
        nxt = tokens[end + 1] if end + 1 < len(tokens) else None
        # "prison service", "prisons": a facility word followed by a noun, or plural, names no facility
        if (
            nxt is not None
            and nxt.is_word
            and nxt.lower not in g.phrase_breaks
            and nxt.lower not in g.conjunctions
            and not nxt.is_capitalized
            and nxt.lower not in ("in", "at", "near", "outside", "en", "de")
        ):
            return None
        if _names_a_body(tokens, end + 1, lang):
            return None  # "the National Penitentiary and Prison Institute": a body, not a site
        name = span_text(body, tokens, i, end)[0]
        own = gazetteer_match(tokens, i, countries)
        container: Place | None = None
        last = end
        nearby = within_after(tokens, end + 1, countries, lang)
        if nearby is not None:
            last, container = nearby
        elif own is not None and own[0] == width:
            container = entry_place(own[1], None, None, None)
            if container.kind == "country":
                return None  # "Ecuador prison" is an unnamed prison in Ecuador, handled elsewhere
        elif own is not None and own[0] < width and tokens[i + own[0] - 1].text.endswith(("'s", "’s")):
            container = entry_place(own[1], None, None, None)  # "Istanbul's Ataturk airport"
        return facility(body, tokens, i, last, name, container, countries)
    return None


_HEADLINE_SHARE = 0.75  # of a sentence's content words capitalised: written in title case
_HEADLINE_WORDS = 4


def _before_own_place(tokens: Sequence[Token], first: int, last: int, countries: Sequence[str]) -> int:
    """The end of a facility's name that runs on into its town ("cárcel El Litoral de
    Guayaquil": a name may hold "de", so the town is cut off and left to be its container)."""
    for j in range(first + 1, last):
        if tokens[j].lower in OF_JOINERS:
            match = gazetteer_match(tokens, j + 1, countries)
            if match is not None and j + match[0] == last:
                return j - 1
    return last


def headline_case(tokens: Sequence[Token], small: frozenset[str]) -> bool:
    """A sentence in title case ("Guards Taken During Jail Uprising in Peru"): its
    capitalised words are no names, so a run of them before a facility word names none.

    >>> from .tokens import tokenize
    >>> headline_case(tokenize("Guards Taken During Jail Uprising in Peru"), frozenset({"in"}))
    True
    >>> headline_case(tokenize("Inmates at Callao Prison held 9 guards"), frozenset({"at"}))
    False
    """
    words = [t for t in tokens if t.is_word and t.lower not in small]
    if len(words) < _HEADLINE_WORDS:
        return False
    return sum(t.is_capitalized for t in words) >= _HEADLINE_SHARE * len(words)


def unnamed_facility(
    body: str, tokens: Sequence[Token], i: int, first: int, countries: Sequence[str], lang: str
) -> PlaceMention | None:
    """ "a prison in Cuenca", "an Ecuadorian prison", "una cárcel ecuatoriana": a facility
    tied to a place but not named; without a place it says nothing about scope."""
    gaz = gazetteer()
    facilities = phrase_index(lang, "facility_words")
    k = i
    container: Place | None = None
    code = gaz.country_of_demonym(tokens[k].text) if k < len(tokens) else None
    if code is None and k < len(tokens) and tokens[k].is_capitalized:
        match = gazetteer_match(tokens, k, countries)
        if match is not None and match[1].kind == "country":
            code = match[1].country
            k += match[0] - 1
    if code is not None:
        container = country_place(code)
        k += 1
    hit = facilities.match_at(tokens, k)
    for _ in range(2):
        # "an immigrant holding centre", "a new prison": lower-case words before the noun
        if hit is not None or k + 1 >= len(tokens) or not tokens[k].is_word or tokens[k].is_capitalized:
            break
        k += 1
        hit = facilities.match_at(tokens, k)
    if hit is None:
        return None
    end = k + hit[0] - 1
    if container is None and end + 1 < len(tokens) and gaz.country_of_demonym(tokens[end + 1].text):
        end += 1  # Spanish puts the demonym after the noun
        container = country_place(gaz.country_of_demonym(tokens[end].text) or "")
    nearby = within_after(tokens, end + 1, countries, lang) or _past_complement(tokens, end + 1, countries, lang)
    if nearby is not None:
        end, container = nearby
    elif container is None:
        return None
    return facility(body, tokens, first, end, None, container, countries)


_COMPLEMENT_WORDS = 3


def _past_complement(tokens: Sequence[Token], k: int, countries: Sequence[str], lang: str) -> tuple[int, Place] | None:
    """``within_after`` past a lower-case complement of the facility noun ("de carbón",
    "de máxima seguridad") that opens at token ``k``."""
    if k >= len(tokens) or tokens[k].lower not in place_words(lang).facility_complements:
        return None
    for j in range(k + 1, min(len(tokens), k + 1 + _COMPLEMENT_WORDS)):
        if not tokens[j].is_word or tokens[j].is_capitalized:
            return None
        nearby = within_after(tokens, j + 1, countries, lang)
        if nearby is not None:
            return nearby
    return None


def facility_kind(place: Place, lang: str) -> str | None:
    """The kind of a facility from the nouns in its name or text ("penal de Támara": prison)."""
    return _kind_in(place.name, place.text, lang)


@lru_cache(maxsize=4096)
def _kind_in(name: str | None, text: str | None, lang: str) -> str | None:
    """:func:`facility_kind` by the words alone: "the prison" asks it of every facility
    named before, and an article names the same few again and again."""
    facilities = phrase_index(lang, "facility_words")
    toks = tokenize(" ".join(x for x in (name, text) if x))
    for k in range(len(toks)):
        hit = facilities.match_at(toks, k)
        if hit is not None:
            return str(hit[1])
    return None


def definite_facility(
    body: str, tokens: Sequence[Token], i: int, lang: str, known: Sequence[Place]
) -> PlaceMention | None:
    """ "the prison", "the women's prison", "la cárcel", "el penal": a facility named
    earlier in the article (``known``, latest last), of the same kind, named again."""
    if not known or tokens[i].lower not in place_words(lang).definite_words:
        return None
    facilities = phrase_index(lang, "facility_words")
    for k in range(i + 1, min(i + 4, len(tokens))):
        hit = facilities.match_at(tokens, k)
        if hit is not None:
            break
        if not tokens[k].is_word or tokens[k].is_capitalized:
            return None
    else:
        return None
    end = k + hit[0] - 1
    kind = str(hit[1])
    # the latest of that kind, looked for from the end and among the last few hundred named
    # only: a 5 MB transcript names thousands, and "the prison" means one named lately
    latest = next(
        (p for p in reversed(known[-_RECALL:]) if p.kind == "facility" and facility_kind(p, lang) == kind), None
    )
    if latest is None:
        return None
    text, start, stop = span_text(body, tokens, i, end)
    return PlaceMention(i, end, latest.model_copy(update={"text": text, "start": start, "end": stop}))


_RECALL = 500
"""Facilities named before that "the prison" may refer back to, latest first."""


def _names_a_body(tokens: Sequence[Token], k: int, lang: str) -> bool:
    """Whether the capitalised name that a facility noun ends goes on, from token ``k``, to
    the head noun of a body ("National Penitentiary and Prison Institute", "Prison Service"):
    then the whole is an organisation's name.

    >>> from .tokens import tokenize
    >>> toks = tokenize("director of the National Penitentiary and Prison Institute said")
    >>> _names_a_body(toks, 5, "en"), _names_a_body(tokenize("at Turi Prison on Friday"), 3, "en")
    (True, False)
    """
    heads = frozenset(vocabulary.attribution(lang).organisation_heads)
    g = vocabulary.grammar(lang)
    for t in tokens[k : k + 4]:
        if t.lower in heads and t.is_capitalized:
            return True
        if not (t.is_capitalized or t.lower in g.conjunctions or t.lower in NAME_JOINERS):
            return False
    return False


def _acronym_width(tokens: Sequence[Token], k: int) -> int:
    """3 when tokens ``k``.. are a short name in brackets ("(CPL)", "(CRS)"), else 0.

    >>> from .tokens import tokenize
    >>> toks = tokenize("el Centro de Privación de Libertad (CPL) Turi")
    >>> _acronym_width(toks, 6), _acronym_width(toks, 7)
    (3, 0)
    """
    if k + 2 < len(tokens) and tokens[k].text == "(" and tokens[k + 2].text == ")":
        word = tokens[k + 1].text
        return 3 if 2 <= len(word) <= 8 and word.isalpha() and word.isupper() else 0
    return 0
