"""Where a speaker's name starts and ends around an attribution cue, and which clause the
cue reaches: "..., said John Smith, a spokesman.", "Pedro Molina, the governor of
Salta province, reported ...", "according to B" after ", while in Syria ...". The cues
themselves are found by :mod:`~factcheck.extraction.attribution`."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from .. import vocabulary
from .nameends import (
    MAX_BODY_WORDS,
    MAX_NAME_WORDS,
    acronym_at,
    audience_length,
    closes_clause,
    medium_ahead,
    name_after,
)
from .sourcenames import is_generic, is_non_speaker
from .taxonomy import event_noun
from .tokens import PhraseIndex, Token

__all__ = [
    "MAX_NAME_WORDS",
    "after_comma",
    "after_quote",
    "clause_start",
    "closes_clause",
    "coordinated_subject",
    "elided_speaker",
    "impersonal",
    "name_after",
    "name_before",
    "name_start",
    "names_the_count",
    "relative_subject",
    "sentence_subject",
]

_SCAN_WINDOW = 200

"""Tokens :func:`name_before` reads back from a verb at most: over ten times the longest
name, and twice the longest sentence of the development articles."""


@cache
def _personal_pronouns(lang: str) -> frozenset[str]:
    """The one-word pronouns of ``pronouns`` in attribution.yaml ("he", "it", "ella")."""
    return frozenset(p for p in vocabulary.attribution(lang).pronouns if " " not in p)


def clause_start(tokens: Sequence[Token], cue: int, lang: str = "en") -> int:
    """Where the clause that a closing "according to X" belongs to begins: "A said 5 died
    in Turkey, while in Syria 3 died, according to B" gives B the Syrian figure only."""
    openers = vocabulary.attribution(lang).clause_openers
    conjunctions = vocabulary.grammar(lang).conjunctions
    for j in range(cue - 1, 0, -1):
        if tokens[j].text == ";" or (tokens[j].lower in openers and tokens[j - 1].text == ","):
            return j
        if tokens[j].lower in conjunctions and "," in (tokens[j - 1].text, tokens[j + 1].text):
            return j  # "... 33 miles deep, and as of now, according to B, 60 are dead"
    return 0


def name_before(
    tokens: Sequence[Token], verb: int, lang: str = "en", skip: frozenset[int] = frozenset()
) -> tuple[int, int] | None:
    """The subject of a reporting verb: the words before it back to the clause start,
    with an appositive when a comma closes it ("Pedro Molina, the governor of Salta
    province, reported")."""
    g = vocabulary.grammar(lang)
    j = verb - 1
    timed = False  # "X, gobernador de Salta, a las 09:15 horas reportaba": no name
    while j >= 0:
        low = tokens[j].lower
        if j in skip:
            timed = True
        elif not (
            low in g.auxiliaries
            or low in ("already", "also", "later", "previously", "then", "not")
            or (timed and (low in g.phrase_breaks or low in g.determiners))
        ):
            break
        j -= 1
    if (
        j >= 0
        and tokens[j].lower in _personal_pronouns(lang)
        and (j == 0 or tokens[j - 1].text != "," or not _quote_before(tokens, j))
    ):
        # "Earlier on Saturday it had said ...": a pronoun is a subject of its own, whatever
        # opens the clause before it; "It is estimated" is no one. After a comma (", he
        # added") the pronoun closes a quote, which quote it is the name scan decides
        table = vocabulary.attribution(lang)
        helper = tokens[verb - 1].lower if verb - 1 > j else ""
        if tokens[j].lower in table.expletives and helper in g.auxiliaries and helper not in table.perfect_auxiliaries:
            return None
        return j, j
    appositive = j >= 0 and tokens[j].text == ","
    if appositive:
        j -= 1
    segments: list[tuple[int, int]] = []
    end = j
    k = j
    depth = 0  # inside "(KNCHR)": a parenthesis is part of the name
    table = vocabulary.attribution(lang)
    stops = table.subordinators | table.clause_openers | g.relative
    # a name is at most MAX_NAME_WORDS once trimmed; the scan back stops after a generous
    # window instead of walking a 100,000-word run-on sentence once per verb
    floor = max(-1, end - _SCAN_WINDOW)
    while k >= 0:
        if k <= floor:
            return None  # no clause start within the window: far too long to be a name
        t = tokens[k]
        if t.text == ")":
            depth += 1
        elif t.text == "(" and depth:
            depth -= 1
        elif (
            depth == 0
            and appositive
            and not segments
            and t.lower in g.relative
            and not t.is_capitalized
            and k >= 1
            and tokens[k - 1].text == ","
        ):
            # "El alcalde Juan Pérez, quien visitó la zona, dijo": the aside is a relative
            # clause; the speaker is the name before it
            return name_before(tokens, k, lang, skip)
        elif depth == 0 and (
            t.text in "—–"
            or (t.text == "-" and k > 0 and tokens[k - 1].text in ".)")  # "Lima, 8 abr (EFE).- Las autoridades"
            # "GUATEMALA CITY - Guatemala's disaster agency said": a dateline in capitals
            or (
                t.text == "-"
                and k > 0
                and tokens[k - 1].is_word
                and len(tokens[k - 1].text) > 1
                and tokens[k - 1].text.isupper()
            )
            or (t.lower in stops and not t.is_capitalized)
        ):
            # "... while the province's department reported", "cuando el Instituto posteó",
            # "LIMA, Peru — Peruvian authorities said": the speaker starts after
            segments.append((k + 1, end))
            break
        elif depth == 0 and t.text in ',;:"“”(':
            segments.append((k + 1, end))
            if t.text != "," or len(segments) >= 2 or not appositive:
                break
            end = k - 1
        k -= 1
    else:
        segments.append((0, end))
    if not segments:
        return None
    core = segments[0]
    first, last = core
    if appositive and len(segments) == 2:
        a_first, a_last = segments[1]
        core_tok = tokens[first] if first <= last else None
        lead = tokens[a_first].lower if a_first <= a_last else ""
        if (
            core_tok is not None
            and (core_tok.is_capitalized or core_tok.lower in g.determiners)
            and lead not in g.adverbial_openers
        ):
            first = a_first
        elif core_tok is not None and not (core_tok.is_capitalized or core_tok.lower in g.determiners):
            first, last = a_first, a_last  # "X, responsible for ..., reported": X speaks
    while first <= last and (
        tokens[first].lower in g.conjunctions
        or tokens[first].lower in ("however", "subsequently")
        or tokens[first].text in ',"“«'
        or _bare_adverb(tokens, first, last, g)
        or (
            (tokens[first].lower in vocabulary.attribution(lang).clause_openers or tokens[first].lower in g.relative)
            and not tokens[first].is_capitalized
        )
    ):
        first += 1  # "ya que el Ministerio había comunicado", "si bien el viceministro ... habló"
    while last > first and (
        (tokens[last].lower in g.adverbial_openers and not tokens[last].is_capitalized)
        or last in skip
        or (last + 1 in skip and tokens[last].lower in g.phrase_breaks)
    ):
        last -= 1  # "La DTV también informó", "Molina on Friday night said": no part of the name
    longest = MAX_BODY_WORDS if tokens[last].text == ")" and acronym_at(tokens, last - 1) else MAX_NAME_WORDS
    if first > last or last - first + 1 > longest:
        return None
    # a capitalised word inside a name is no auxiliary ("degli Stati Uniti": "stati" is one in Italian)
    aux = next(
        (k for k in range(first + 1, last + 1) if tokens[k].lower in g.auxiliaries and not tokens[k].is_capitalized),
        None,
    )
    if aux is not None and not any(t.text == "," for t in tokens[aux:last]):
        # (with a comma after it the name in apposition is kept: "La liberación fue
        # confirmada por la alcaldesa, Ana Ríos")
        # "Il ministero aveva inizialmente riferito": an auxiliary and an adverb end the
        # name; "the Office will issue a first count of 17" is a clause, no name
        if last - aux > 1:
            return None
        last = aux - 1
    if (
        tokens[first].lower in g.adverbial_openers
        and not tokens[first].is_capitalized
        and not _article_opens_name(tokens, first, last, lang)  # "Em nota, a prefeitura informou"
    ):
        return None
    if tokens[first].lower in g.auxiliaries and not tokens[first].is_capitalized:
        return None  # "the number of people who have died in X rose to 49": a clause, no name
    if tokens[first].lower in g.adverbial_openers and tokens[first].lower in g.phrase_breaks:
        # "En un boletín la Secretaría de Salud informó", "Desde el Gobierno
        # regional aseguraron": the speaker follows the opening phrase, after its own determiner
        inner = next(
            (
                k
                for k in range(last - 1, first, -1)
                if tokens[k].lower in g.determiners and tokens[k + 1].is_capitalized
            ),
            None,
        )
        if inner is None:
            # "En un escueto comunicado las fuerzas armadas indicaron": an unnamed source of
            # the language's words after the opening phrase's own words
            inner = next(
                (
                    k
                    for k in range(last - 1, first, -1)
                    if tokens[k].lower in g.determiners and is_generic(tokens[k + 1 : last + 1], lang)
                ),
                None,
            )
        elif not any(t.is_capitalized for t in tokens[inner + 1 : last + 1]):
            inner = None
        if inner is None and not _article_opens_name(tokens, first, last, lang):
            return None  # "En partes desde las zonas dañadas, se contaron": no speaker
        first = first if inner is None else inner
    span = tokens[first : last + 1]
    if any(t.is_digit for t in span) or tokens[last].lower in g.relative or tokens[last].lower in g.conjunctions:
        return None  # "De los 17 muertos que anunció": a relative clause, not a speaker
    span = tokens[first : last + 1]
    if _toll_word(tokens[last].lower, lang) and not is_generic(span, lang):
        # "the region's death toll showed": what is counted, not who counts ("a survivor
        # told Reuters": one of a kind of source the language lists counts and speaks)
        return None
    if not any(t.is_capitalized or t.lower in g.determiners for t in span) and not is_generic(span, lang):
        return None
    if is_non_speaker(span, lang):
        return None  # "Deadly blaze claims lives", "A photo of the harbour shows"
    if not _each_conjunct_names(span, lang):
        return None  # "El presidente X interrumpió su viaje y al volver señaló": a predicate
    if (
        len(span) == 1
        and span[0].lower in table.expletives
        and tokens[verb - 1].lower in g.auxiliaries
        and tokens[verb - 1].lower not in table.perfect_auxiliaries
    ):
        return None  # "It is estimated that": no one; "it had said" is the agency named before
    return first, last


def _quote_before(tokens: Sequence[Token], j: int) -> bool:
    """A closing quote mark among the words before token ``j`` of the sentence: a pronoun
    after a comma there closes the quote (', he added'); elsewhere it is the subject of a
    closing verb ("Teams rescued 90 people, he said.")."""
    return any(t.text in '"”’»' for t in tokens[:j])


def _article_opens_name(tokens: Sequence[Token], first: int, last: int, lang: str) -> bool:
    """A word that is a preposition and an article as well, read as the article of a name
    or a known kind of speaker after it (Portuguese "A Defesa Civil disse", "A polícia
    informou"), not as an opening phrase ("A partir de ...")."""
    if tokens[first].lower not in vocabulary.grammar(lang).determiners or first >= last:
        return False
    table = vocabulary.attribution(lang)
    nxt = tokens[first + 1]
    return (
        nxt.is_capitalized
        or nxt.lower in table.titles
        or nxt.lower in table.organisation_heads
        or is_generic(tokens[first : last + 1], lang)
    )


def impersonal(tokens: Sequence[Token], verb: int, lang: str) -> bool:
    """A reporting verb after an impersonal marker, auxiliaries between ("se han informado")."""
    g = vocabulary.grammar(lang)
    j = verb - 1
    while j >= 0 and tokens[j].lower in g.auxiliaries and tokens[j].lower not in g.impersonal:
        j -= 1
    return j >= 0 and tokens[j].lower in g.impersonal


def elided_speaker(tokens: Sequence[Token], verb: int, tail: int, lang: str) -> bool:
    """A reporting verb that opens its sentence and a "que"/"that" clause, with no
    speaker written: in Spanish the subject is left out when it is the one just named."""
    g = vocabulary.grammar(lang)
    if tail >= len(tokens) or tokens[tail].lower not in g.relative:
        return False
    return all(
        t.text in ',"“«' or t.lower in g.conjunctions or t.lower in g.auxiliaries or t.lower in g.adverbial_openers
        for t in tokens[:verb]
    )


def _toll_word(word: str, lang: str) -> bool:
    return event_noun(word, lang) is not None


def _bare_adverb(tokens: Sequence[Token], first: int, last: int, g: vocabulary.Grammar) -> bool:
    """An adverbial opener capitalised at a clause's start that stands alone or before
    lower-case words ("Primero nos dijeron", "Today officials said") names no one; before a
    capitalised word or a determiner ("En Lima", "Desde el Gobierno") it may open a phrase
    that holds the speaker, which the caller reads."""
    if tokens[first].lower not in g.adverbial_openers or not tokens[first].is_capitalized:
        return False  # a lower-case one is left to the caller, which drops its whole span
    if tokens[first].lower in g.determiners:
        return False  # "This episode ...", "Este informe ...": a determiner opens a noun phrase
    if first == last:
        return True
    nxt = tokens[first + 1]
    return nxt.is_word and not nxt.is_capitalized and nxt.lower not in g.determiners


def names_the_count(tokens: Sequence[Token], span: tuple[int, int], lang: str) -> bool:
    """ "La cifra de muertos subió a 31", "The death toll rose to 58": the words before
    the verb name what is counted, not who counts it."""
    return any(event_noun(t.lower, lang) is not None for t in tokens[span[0] : span[1] + 1])


def after_comma(tokens: Sequence[Token], i: int, lang: str) -> bool:
    """A reporting verb that opens a clause after a comma or a closing quote, auxiliaries
    before it included ("», ha dicho")."""
    g = vocabulary.grammar(lang)
    j = i - 1
    while j >= 0 and tokens[j].lower in g.auxiliaries:
        j -= 1
    while j >= 0 and tokens[j].text in "\"”’'»":
        j -= 1
    return j >= 0 and tokens[j].text == ","


def after_quote(tokens: Sequence[Token], i: int, lang: str) -> bool:
    """A reporting verb right after a closing quote and a comma, either way round
    ("…», ha dicho", "…," she said), auxiliaries before it included."""
    g = vocabulary.grammar(lang)
    quotes = '"”’»'
    j = i - 1
    while j >= 0 and tokens[j].lower in g.auxiliaries:
        j -= 1
    if j >= 1 and tokens[j].text in quotes:
        return tokens[j - 1].text == ","
    return j >= 1 and tokens[j].text == "," and tokens[j - 1].text in quotes


def name_start(tokens: Sequence[Token], tail: int, verbs: PhraseIndex, skip: frozenset[int], lang: str) -> int | None:
    """Where the speaker's name starts after an inverted reporting verb, over a time
    ("hoy", "este martes"), another reporting verb ("ha dicho afirmado") and a short
    phrase saying to whom ("dijo a periodistas")."""
    g = vocabulary.grammar(lang)
    breaks = g.relative
    j = tail
    to_whom = False
    while j < len(tokens) and j - tail <= 8:
        t = tokens[j]
        if j in skip:
            j += 1
            if j < len(tokens) and tokens[j].text == "," and j - 1 in skip:
                j += 1  # "informó hoy 7 de marzo del 2022, la Secretaría"
        elif t.lower in verbs and verbs.match_at(tokens, j) is not None:
            j += 1
        elif t.lower in g.determiners and j + 1 in skip:
            j += 1  # "informó el domingo la agencia": the article is the time's
        elif t.lower in g.determiners and (_titled_ahead(tokens, j, lang) or _generic_ahead(tokens, j, lang)):
            break  # Portuguese "informou a prefeitura": the article, not "a" (to)
        elif t.lower in g.phrase_breaks and not t.is_capitalized and not to_whom and t.lower not in breaks:
            to_whom = True  # "a periodistas": a preposition and at most two lower-case words
            j += 1
            heard = audience_length(tokens, j, lang)
            if heard:
                j += heard  # "dijo a los periodistas el ministro Juan Pérez"
                continue
            for _ in range(2):
                if j >= len(tokens) or not tokens[j].is_word or tokens[j].is_capitalized:
                    break
                if tokens[j].lower in g.determiners and medium_ahead(tokens, j + 1, g.determiners):
                    j += 2  # "explicó a la AFP Mario Ruiz": whom it was told, then who
                    break
                if (
                    tokens[j].lower in g.determiners
                    and j + 1 < len(tokens)
                    and tokens[j + 1].is_word
                    and not tokens[j + 1].is_capitalized
                    and medium_ahead(tokens, j + 2, g.determiners)
                ):
                    j += 3  # "indicó a la agencia AFP el vocero": the outlet told, then who
                    break
                if tokens[j].lower in g.determiners and _capital_ahead(tokens, j + 1):
                    break
                j += 1
        else:
            break
    if j >= len(tokens) or j - tail > 8 or tokens[j].lower in breaks:
        return None
    if tokens[j].is_capitalized and tokens[j].is_word:
        return j
    if tokens[j].lower in g.determiners and _capital_ahead(tokens, j + 1):
        return j
    if _generic_ahead(tokens, j, lang):
        return j  # "..., informaron las autoridades.", "..., said officials."
    if _titled_ahead(tokens, j, lang):
        return j  # "..., dijo el alcalde.", "..., informou a prefeitura."
    return None


def _titled_ahead(tokens: Sequence[Token], i: int, lang: str) -> bool:
    """A determiner and a title or an organisational word, in lower case, that run to the
    clause's end: an unnamed official or body ("dijo el alcalde", "informó la alcaldía")."""
    g = vocabulary.grammar(lang)
    table = vocabulary.attribution(lang)
    if i + 1 >= len(tokens) or tokens[i].lower not in g.determiners:
        return False
    end = _clause_end(tokens, i)
    if end is None or end <= i + 1:
        return False
    # the head is where the language puts it: "la empresa minera", "the civil defense agency"
    head = tokens[i + 1].lower if g.head_position == "first" else tokens[end - 1].lower
    return head in table.titles or head in table.organisation_heads


def _generic_ahead(tokens: Sequence[Token], i: int, lang: str) -> bool:
    """A known kind of unnamed source that runs from ``i`` to the clause's end ("...,
    dijeron fuentes policiales y la radio local.")."""
    end = _clause_end(tokens, i)
    return end is not None and is_generic(tokens[i:end], lang)


def _clause_end(tokens: Sequence[Token], i: int) -> int | None:
    """Where words running from ``i`` end the clause (the sentence's end or a mark of
    punctuation, within eight words), or None."""
    end = i
    while end < len(tokens) and tokens[end].is_word and end - i < 8:
        end += 1
    return end if end >= len(tokens) or tokens[end].text in ".,;:!?" else None


def _capital_ahead(tokens: Sequence[Token], i: int) -> bool:
    """A capitalised word within the next few words of the clause ("la portavoz de
    Medicina Forense"), or a name in apposition after a comma."""
    for k, t in enumerate(tokens[i : i + 6], start=i):
        if t.text == "," and k + 1 < len(tokens) and tokens[k + 1].is_capitalized and tokens[k + 1].is_word:
            return True  # "la ministra del ramo, Ana Ríos": the name in apposition
        if t.text in ".,;:!?()":
            return False
        if t.is_capitalized and t.is_word:
            return True
    return False


def sentence_subject(tokens: Sequence[Token], before: int, lang: str) -> tuple[int, int] | None:
    """The named subject that opens a sentence, ending before ``before``: a determiner, titles
    and capitalised words ("La ministra Ana Ríos", "President Maria Costa", "A
    senior police official")."""
    g = vocabulary.grammar(lang)
    titles = vocabulary.attribution(lang).titles
    k = 0
    while k < before and (tokens[k].lower in g.conjunctions or tokens[k].text in ',"“«'):
        k += 1
    first = k
    if k < before and tokens[k].lower in g.determiners:
        k += 1
    last = None
    links = g.partitive | {"of", "de", "del"}
    while k < before and tokens[k].is_word:
        if tokens[k].is_capitalized or tokens[k].lower in titles:
            last = k
        elif tokens[k].lower not in g.auxiliaries and any(
            t.lower in titles for t in tokens[k + 1 : min(k + 3, before)]
        ):
            # "A Peruvian regional official": an adjective before the title; a verb never
            # extends the name ("Villanueva es ministra y recordó ...")
            pass
        elif not (tokens[k].lower in links and k + 1 < before and tokens[k + 1].is_capitalized):
            break  # "La Cancillería de Honduras": a link between capitalised words
        k += 1
    if last is None or not any(t.is_capitalized or t.lower in titles for t in tokens[first + 1 : last + 1]):
        return None
    if k < before and tokens[k].text in ",(":
        return None  # "El presidente, ...": an apposition the plain reading does not cover
    return first, last


def _each_conjunct_names(span: Sequence[Token], lang: str) -> bool:
    """Every part of a coordinated speaker names someone ("Autoridades estatales y el INM",
    "fuentes oficiales y la prensa local"), or the words are a predicate, not a speaker. A
    part headed by an organisational word closes one body's name whose words before it are
    coordinated ("the search and rescue agency", "the fire and rescue service")."""
    g = vocabulary.grammar(lang)
    heads = vocabulary.attribution(lang).organisation_heads
    parts: list[list[Token]] = [[]]
    for t in span:
        if t.lower in g.conjunctions:
            parts.append([])
        else:
            parts[-1].append(t)

    def names(p: list[Token]) -> bool:
        head = p[0] if p and g.head_position == "first" else p[-1] if p else None
        if any(t.is_capitalized for t in p) or is_generic(p, lang):
            return True
        # bare words only: "the ferry sank and the agency said" coordinates two clauses
        return head is not None and head.lower in heads and not any(t.lower in g.determiners for t in p)

    return all(names(p) for p in parts[1:])


def relative_subject(tokens: Sequence[Token], verb: int, lang: str, skip: frozenset[int]) -> tuple[int, int] | None:
    """ "la alcaldesa, Ana Ríos, quien, en una rueda de prensa, precisó que
    ...", "the governor, who told reporters that ...": a relative pronoun as the verb's
    subject stands for the name before its comma (over one aside set off by commas)."""
    g = vocabulary.grammar(lang)
    j = verb - 1
    while j >= 0 and tokens[j].lower in g.auxiliaries:
        j -= 1
    if j >= 0 and tokens[j].text == ",":
        # "quien, en una rueda de prensa, precisó": back over the aside
        j = next((k for k in range(j - 1, max(j - 10, -1), -1) if tokens[k].text == ","), -1) - 1
    if j < 2 or tokens[j].lower not in g.relative or tokens[j].is_capitalized or tokens[j - 1].text != ",":
        return None
    if tokens[j].lower in ("que", "that", "which", "che", "cui", "donde", "where"):
        return None  # a person's pronoun only: "el informe, que precisó" has no speaker
    return name_before(tokens, j, lang, skip)


def coordinated_subject(tokens: Sequence[Token], verb: int, lang: str) -> tuple[int, int] | None:
    """ "President Costa declared an emergency and sent 900 soldiers to the coast", "La
    ministra Ríos suspendió una gira y ya en la capital señaló que ...":
    a verb in a predicate coordinated with the first has the sentence's subject."""
    conj = coordinating(tokens, verb, lang)
    return None if conj is None else sentence_subject(tokens, conj, lang)


def coordinating(tokens: Sequence[Token], verb: int, lang: str) -> int | None:
    """The conjunction that coordinates the predicate of the verb at ``verb`` with the
    sentence's first ("... y recordó que"), within a few words and no punctuation, or None."""
    g = vocabulary.grammar(lang)
    conj = next(
        (k for k in range(verb - 1, max(verb - 8, 0), -1) if tokens[k].lower in g.conjunctions),
        None,
    )
    if conj is None or any(t.text in ',;:."“”«»' for t in tokens[conj:verb]):
        return None
    return conj
