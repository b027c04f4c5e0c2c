"""Who the text attributes a figure to: "according to Reuters", "per The Guardian",
"X said/reported/confirmed that ...", "..., AP reports.", "..., said X." and captions
("- From The Mirror"), with the chain where there are two ("the government reported ...,
according to Reuters": Reuters, via the government).

A speaker written as a pronoun ("He added that ...") refers back to the last named source:
that is the one case where attribution carries across a sentence boundary, because only
there the text itself says so."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from .. import vocabulary
from ..models import Source
from .sourcenames import is_generic, is_non_speaker, make_source
from .tokens import PhraseIndex, Token

MAX_NAME_WORDS = 14


@dataclass(frozen=True, slots=True)
class Attribution:
    source: Source
    first: int  # first token of the name
    last: int  # last token of the name
    scope_from: int  # the claim must start at or after this token to be covered
    outer: bool  # "according to", trailing "X reports": covers the whole sentence
    scope_to: int = 1 << 30  # ... and at or before this one ("los 41 muertos que anunció X")


@cache
def _indexes(lang: str = "en") -> tuple[PhraseIndex, PhraseIndex, PhraseIndex, frozenset[str]]:
    table = vocabulary.attribution(lang)
    return (
        PhraseIndex((p, p) for p in table.prefix),
        PhraseIndex((v, v) for v in [*table.verbs, *(p for p in table.participles if p not in table.verbs)]),
        PhraseIndex((c, c) for c in table.trailing_cues),
        frozenset(table.pronouns),
    )


@cache
def _generic_sources(lang: str = "en") -> frozenset[str]:
    return frozenset(vocabulary.attribution(lang).generic_sources)


def _name_after(tokens: Sequence[Token], i: int, lang: str = "en", skip: frozenset[int] = frozenset()) -> int:
    """Last token of a source name that starts at ``i`` and runs to the sentence's end, a
    clause break or a time ("said President X Sunday morning"); an appositive after a
    comma is kept ("the prison service, Snai")."""
    g = vocabulary.grammar(lang)
    breaks = vocabulary.attribution(lang).name_breaks
    j = i
    last = i - 1
    while j < len(tokens) and j - i < MAX_NAME_WORDS:
        t = tokens[j]
        if t.text == "(" and j > i and _acronym_at(tokens, j + 1):
            last = j + 2  # "la Secretaría de Seguridad y Protección Ciudadana (SSPC)"
            j += 3
            continue
        if t.text in '.;:!?"”' or (t.text == "(" and j > i) or (j in skip and j > i):
            break
        if t.text == ",":
            nxt = tokens[j + 1] if j + 1 < len(tokens) else None
            if nxt is not None and (nxt.is_capitalized or nxt.lower in g.determiners) and _ends_sentence(tokens, j + 1):
                j += 1
                continue
            if nxt is not None and _name_in_apposition(tokens, i, j, lang):
                j += 1  # "según el vicepresidente, Jorge Glas, ...": the name after the title
                continue
            break
        if t.lower in g.relative and j > i:
            break
        if t.lower in breaks and j > i:
            break
        last = j
        j += 1
    while last > i and tokens[last].lower in g.phrase_breaks and not tokens[last].is_capitalized:
        last -= 1  # "reported by Salgado on Sunday morning": the time's preposition
    return last


def _acronym_at(tokens: Sequence[Token], j: int) -> bool:
    """ "(SSPC)": an upper-case short name in parentheses at ``j``."""
    return (
        j + 1 < len(tokens)
        and tokens[j + 1].text == ")"
        and tokens[j].is_word
        and tokens[j].text.isupper()
        and 2 <= len(tokens[j].text) <= 8
    )


def _name_in_apposition(tokens: Sequence[Token], i: int, comma: int, lang: str) -> bool:
    """A name of two to five capitalised words after a comma that closes a description in
    lower case ("el vicepresidente, Jorge Glas,", "el portavoz del Ministerio Público, Yuri
    Mora,"): the described person."""
    titles = vocabulary.attribution(lang).titles
    described = tokens[i:comma]
    if comma - i > 8 or not any(t.lower in titles and not t.is_capitalized for t in described):
        return False
    k = comma + 1
    while k < len(tokens) and tokens[k].is_word and tokens[k].is_capitalized:
        k += 1
    return 2 <= k - comma - 1 <= 5 and (k >= len(tokens) or tokens[k].text in ",.;")


def _clause_start(tokens: Sequence[Token], cue: int, lang: str = "en") -> int:
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


def _closes_clause(tokens: Sequence[Token], tail: int, verb: str = "", lang: str = "en") -> bool:
    """True when a reporting verb ends its clause: "..., AP reports.", "..., officials
    said, as rescuers ...", "..., the UN said on Tuesday."."""
    n = len(tokens)
    if tail >= n or tokens[tail].text in '.!?"”,;':
        return True
    table = vocabulary.attribution(lang)
    if tokens[tail].lower in table.tail_openers:
        return True  # "..., X said as he visited the school": a new clause begins
    if verb in table.short_tail_verbs or tokens[tail].lower in table.time_openers:
        # "..., X told reporters." / "..., X said on Tuesday.": a short tail closes the clause
        rest = tokens[tail:]
        end = next((k for k, t in enumerate(rest) if t.text in ".!?;"), len(rest))
        return end <= 4 and not any(t.text == "," for t in rest[:end])
    return False


def _ends_sentence(tokens: Sequence[Token], j: int) -> bool:
    while j < len(tokens):
        if tokens[j].text == ",":
            return False
        if tokens[j].text in ".;!?":
            return True
        j += 1
    return True


def _name_before(
    tokens: Sequence[Token], verb: int, lang: str = "en", skip: frozenset[int] = frozenset()
) -> tuple[int, int] | None:
    """The subject of a reporting verb: the words before it back to the clause start,
    with an appositive when a comma closes it ("Consuelo Orellana, the governor of Azuay
    province, reported")."""
    g = vocabulary.grammar(lang)
    j = verb - 1
    while j >= 0 and (
        tokens[j].lower in g.auxiliaries or tokens[j].lower in ("already", "also", "later", "previously", "then", "not")
    ):
        j -= 1
    appositive = j >= 0 and tokens[j].text == ","
    if appositive:
        j -= 1
    segments: list[tuple[int, int]] = []
    end = j
    k = j
    depth = 0  # inside "(KNCHR)": a parenthesis is part of the name
    table = vocabulary.attribution(lang)
    stops = table.subordinators | table.clause_openers
    while k >= 0:
        t = tokens[k]
        if t.text == ")":
            depth += 1
        elif t.text == "(" and depth:
            depth -= 1
        elif depth == 0 and (t.text in "—–" or (t.lower in stops and not t.is_capitalized)):
            # "... while Puebla's department reported", "cuando el Instituto posteó",
            # "CIUDAD JUAREZ, Mexico — Mexican authorities said": the speaker starts after
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
        or tokens[first].text in ',"“'
        or (
            (tokens[first].lower in vocabulary.attribution(lang).clause_openers or tokens[first].lower in g.relative)
            and not tokens[first].is_capitalized
        )
    ):
        first += 1  # "ya que el Gobierno había informado", "si bien el viceministro ... habló"
    while last > first and (
        (tokens[last].lower in g.adverbial_openers and not tokens[last].is_capitalized)
        or last in skip
        or (last + 1 in skip and tokens[last].lower in g.phrase_breaks)
    ):
        last -= 1  # "La SSPC también informó", "Salgado on Sunday morning said": no part of the name
    if first > last or last - first + 1 > MAX_NAME_WORDS:
        return None
    if tokens[first].lower in g.adverbial_openers and not tokens[first].is_capitalized:
        return None
    if tokens[first].lower in g.adverbial_openers and tokens[first].lower in g.phrase_breaks:
        # "En un comunicado el Instituto Nacional de Migración informó", "Desde el Gobierno
        # federal aseguraron": the speaker follows the opening phrase, after its own determiner
        inner = next(
            (
                k
                for k in range(last - 1, first, -1)
                if tokens[k].lower in g.determiners and tokens[k + 1].is_capitalized
            ),
            None,
        )
        if inner is None or not any(t.is_capitalized for t in tokens[inner + 1 : last + 1]):
            return None  # "En reportes desde los lugares afectados, se confirmaron": no speaker
        first = inner
    span = tokens[first : last + 1]
    if any(t.is_digit for t in span) or tokens[last].lower in g.relative or tokens[last].lower in g.conjunctions:
        return None  # "De los 41 muertos que anunció": a relative clause, not a speaker
    if _toll_word(tokens[last].lower, lang):
        return None  # "the country's death toll showed": what is counted, not who counts
    span = tokens[first : last + 1]
    if not any(t.is_capitalized or t.lower in g.determiners for t in span) and not is_generic(span, lang):
        return None
    if is_non_speaker(span, lang):
        return None  # "Deadly riot claims lives", "A view over the city shows"
    if len(span) == 1 and span[0].lower in table.expletives and tokens[verb - 1].lower in g.auxiliaries:
        return None  # "It is estimated that": no one
    return first, last


def find_attributions(
    tokens: Sequence[Token], body: str, lang: str = "en", skip: frozenset[int] = frozenset()
) -> list[Attribution]:
    """Every attribution in a sentence, outer ones (according to, trailing cues) first.
    ``skip`` tokens (a time: "informó hoy 18 de abril la Secretaría") stand between a
    verb and its speaker without ending the clause."""
    prefix, verbs, trailing, pronouns = _indexes(lang)
    determiners = vocabulary.grammar(lang).determiners
    g_relative = vocabulary.grammar(lang).relative
    leads = _lead_verbs(lang)
    table = vocabulary.attribution(lang)
    quoting = frozenset(table.quoting)
    out: list[Attribution] = []
    n = len(tokens)
    i = 0
    cues = prefix.firsts | verbs.firsts | trailing.firsts | leads | quoting
    while i < n:
        if tokens[i].lower not in cues:
            i += 1
            continue
        if tokens[i].lower in quoting:
            quoted = _quoted_as_saying(tokens, body, i, lang, skip)
            if quoted is not None:
                out.append(quoted)
                i = quoted.last + 1
                continue
        hit = prefix.match_at(tokens, i)
        if hit is not None and i + hit[0] < n:
            start = i + hit[0]
            last = _name_after(tokens, start, lang, skip)
            # "according to police spokeswoman Resila Onyango": a name, a determiner or a known
            # kind of unnamed source must follow, or "per" and "citing" are just words
            words = tokens[start : last + 1]
            named = any(t.is_capitalized for t in words) or tokens[start].lower in determiners
            if last >= start and (named or is_generic(words, lang)):
                scope = _clause_start(tokens, i, lang)
                out.append(
                    Attribution(make_source(tokens, body, start, last, str(hit[1]), lang), start, last, scope, True)
                )
                i = last + 1
                continue
        hit = trailing.match_at(tokens, i)
        if hit is not None and i + hit[0] < n and tokens[i + hit[0]].is_capitalized:
            start = i + hit[0]
            last = _name_after(tokens, start, lang, skip)
            out.append(
                Attribution(
                    make_source(tokens, body, start, last, str(hit[1]).strip("-—– "), lang), start, last, 0, True
                )
            )
            i = last + 1
            continue
        if tokens[i].lower in leads and _updates_a_figure(tokens, i, skip, lang):
            # "La SSPC subió este lunes a 40 la cifra", "El INM ajustó a 38 la cifra": who
            # raises a toll gives it; "la cifra subió a 40" has no agent (see _name_before)
            span = _name_before(tokens, i, lang, skip)
            named = span is not None and _names_someone(tokens[span[0] : span[1] + 1], lang)
            if span is not None and named and not _names_the_count(tokens, span, lang):
                first, last = span
                cue = tokens[i].lower
                out.append(Attribution(make_source(tokens, body, first, last, cue, lang), first, last, i, False))
            i += 1
            continue
        hit = verbs.match_at(tokens, i)
        if hit is not None and str(hit[1]) not in table.verbs and not _after_auxiliary(tokens, i, lang):
            hit = None  # "un comunicado del INM" is a statement; "había comunicado 48" reports
        if hit is not None:
            verb = str(hit[1])
            tail = i + hit[0]
            if _opens_quote(tokens, tail):
                # 'Mora stated, "The forensic teams ... have confirmed 41"': the speaker of
                # the quote gives every figure in it, whoever the quote itself cites
                span = _name_before(tokens, i, lang, skip)
                if span is not None:
                    src = make_source(tokens, body, span[0], span[1], verb, lang)
                    out.append(Attribution(src, span[0], span[1], i, True))
                    i = tail
                    continue
            inverted = _after_relative(tokens, body, i, tail, verb, lang, skip)
            if inverted is not None:
                out.append(inverted)  # "los 41 muertos que anunció el vicepresidente Jorge Glas"
                i = inverted.last + 1
                continue
            # "..., AP reports." / "..., BBC noted.": a name between a comma and a closing verb
            if _closes_clause(tokens, tail, verb, lang):
                span = _name_before(tokens, i, lang, skip)
                if span is not None and span[0] > 0 and tokens[span[0] - 1].text == ",":
                    out.append(
                        Attribution(make_source(tokens, body, span[0], span[1], verb, lang), span[0], span[1], 0, True)
                    )
                    i = tail
                    continue
            # "..., said John Smith, a spokesman."; "..., informó hoy la Secretaría de Salud";
            # "», ha dicho el portavoz del Ministerio Público"
            name = _name_start(tokens, tail, verbs, skip, lang) if _after_comma(tokens, i, lang) else None
            if name is not None:
                last = _name_after(tokens, name, lang, skip)
            if name is not None and last + 1 < len(tokens) and tokens[last + 1].lower in g_relative:
                name = None  # "X, ha informado en su cuenta de que ...": the speaker is X
            if name is not None:
                out.append(Attribution(make_source(tokens, body, name, last, verb, lang), name, last, 0, True))
                i = last + 1
                continue
            if name is None and _after_quote(tokens, i, lang):
                # «"Se reportan 217 fallecidos: 86 en ...", ha indicado en un mensaje»: the
                # quote's speaker is left out, as a pronoun would be; the last named source
                elided = Source(name="", cue=verb, start=tokens[i].start, end=tokens[i].start)
                out.append(Attribution(elided, i, i, 0, True))
                i = tail
                continue
            if _impersonal(tokens, i, lang):
                i += 1  # "se reportan 217 fallecidos", "se han confirmado 45": no speaker
                continue
            span = _name_before(tokens, i, lang, skip)
            if span is not None:
                first, last = span
                out.append(Attribution(make_source(tokens, body, first, last, verb, lang), first, last, i, False))
            elif _elided_speaker(tokens, i, tail, lang):
                # "Detalló que en la CDMX son 186": the speaker is left out, as a pronoun
                # would be; the composer takes the last named source
                elided = Source(name="", cue=verb, start=tokens[i].start, end=tokens[i].start)
                out.append(Attribution(elided, i, i, i, False))
        i += 1
    return out


def _names_someone(span: Sequence[Token], lang: str) -> bool:
    """A speaker of a lead verb: a name ("La SSPC subió a 40"), a title ("un portavoz de la
    fiscalía ha elevado la cifra") or a kind of unnamed source ("Las autoridades
    ecuatorianas subieron a 246")."""
    titles = vocabulary.attribution(lang).titles
    return any(t.is_capitalized for t in span[1:]) or any(t.lower in titles for t in span) or is_generic(span, lang)


def _after_auxiliary(tokens: Sequence[Token], i: int, lang: str) -> bool:
    return i > 0 and tokens[i - 1].lower in vocabulary.grammar(lang).auxiliaries


def _opens_quote(tokens: Sequence[Token], tail: int) -> bool:
    """A reporting verb followed by a comma or colon and an opening quote."""
    return tail + 1 < len(tokens) and tokens[tail].text in ",:" and tokens[tail + 1].text in '"“«'


def _after_relative(
    tokens: Sequence[Token], body: str, verb: int, tail: int, cue: str, lang: str, skip: frozenset[int]
) -> Attribution | None:
    """ "De los 41 muertos que anunció el vicepresidente Jorge Glas": a reporting verb after
    a relative pronoun, its speaker after it, gives the figures before it."""
    g = vocabulary.grammar(lang)
    j = verb - 1
    while j >= 0 and tokens[j].lower in g.auxiliaries:
        j -= 1
    if j < 1 or tokens[j].lower not in g.relative or not tokens[j - 1].is_word:
        return None
    verbs = _indexes(lang)[1]
    name = _name_start(tokens, tail, verbs, skip, lang)
    if name is None or name != tail:
        return None
    last = _name_after(tokens, name, lang, skip)
    if last < name:
        return None
    return Attribution(make_source(tokens, body, name, last, cue, lang), name, last, 0, False, verb)


def _quoted_as_saying(
    tokens: Sequence[Token], body: str, i: int, lang: str, skip: frozenset[int]
) -> Attribution | None:
    """ "..., the Associated Press quoted the government as saying": the government gives
    the figure, by way of the Associated Press."""
    end = next((k for k in range(i + 2, min(len(tokens), i + 16)) if tokens[k].lower == "as"), None)
    if end is None or end + 1 >= len(tokens) or not tokens[end + 1].lower.endswith("ing"):
        return None
    speaker = make_source(tokens, body, i + 1, end - 1, tokens[i].lower, lang)
    span = _name_before(tokens, i, lang, skip)
    if span is not None:
        speaker = speaker.model_copy(update={"via": make_source(tokens, body, span[0], span[1], tokens[i].lower, lang)})
    return Attribution(speaker, i + 1, end - 1, 0, True)


def _impersonal(tokens: Sequence[Token], verb: int, lang: str) -> bool:
    """A reporting verb after an impersonal marker, auxiliaries between ("se han informado")."""
    g = vocabulary.grammar(lang)
    j = verb - 1
    while j >= 0 and tokens[j].lower in g.auxiliaries and tokens[j].lower not in g.impersonal:
        j -= 1
    return j >= 0 and tokens[j].lower in g.impersonal


def _elided_speaker(tokens: Sequence[Token], verb: int, tail: int, lang: str) -> bool:
    """A reporting verb that opens its sentence and a "que"/"that" clause, with no
    speaker written: in Spanish the subject is left out when it is the one just named."""
    g = vocabulary.grammar(lang)
    if tail >= len(tokens) or tokens[tail].lower not in g.relative:
        return False
    return all(
        t.text in ',"“«' or t.lower in g.conjunctions or t.lower in g.auxiliaries or t.lower in g.adverbial_openers
        for t in tokens[:verb]
    )


@cache
def _lead_verbs(lang: str) -> frozenset[str]:
    """Verbs that lead to a figure ("elevó a 46", "rose to 233"): the count leads of the
    grammar that are no function words."""
    g = vocabulary.grammar(lang)
    small = g.phrase_breaks | g.partitive | g.determiners | g.articles | g.conjunctions
    return frozenset(w for w in g.count_leads if w not in small) | vocabulary.attribution(lang).revisions


def _updates_a_figure(tokens: Sequence[Token], verb: int, skip: frozenset[int], lang: str) -> bool:
    """A lead verb with its figure right after it, over a time and a preposition, and no
    reflexive "se" before it ("se elevó a 46" has no agent)."""
    g = vocabulary.grammar(lang)
    if verb > 0 and tokens[verb - 1].lower in g.pronoun_subjects | {"se"}:
        return False
    j = _over_count_noun(tokens, verb + 1, lang)
    while j < len(tokens) and (j in skip or tokens[j].lower in g.phrase_breaks) and j - verb <= 9:
        j += 1
    return j < len(tokens) and tokens[j].is_digit


def _over_count_noun(tokens: Sequence[Token], j: int, lang: str) -> int:
    """Past "the (death) toll (downward)" after a revision verb: "raised the toll to 48",
    "ha elevado la cifra hasta 46", "revised the death toll downward from 248"; ``j``
    unchanged where no count noun follows."""
    g = vocabulary.grammar(lang)
    counts = vocabulary.attribution(lang).count_nouns
    k = j
    while k < len(tokens) and k - j < 4 and tokens[k].lower not in counts:
        if not tokens[k].is_word or tokens[k].is_capitalized:
            return j
        k += 1
    if k >= len(tokens) or tokens[k].lower not in counts:
        return j
    k += 1
    if k < len(tokens) and tokens[k].is_word and tokens[k].lower not in g.phrase_breaks | g.conjunctions:
        k += 1  # "downward", "oficial"
    return k


def _toll_word(word: str, lang: str) -> bool:
    from .subjects import event_noun

    return event_noun(word, lang) is not None


def _names_the_count(tokens: Sequence[Token], span: tuple[int, int], lang: str) -> bool:
    """ "La cifra de muertos subió a 77", "The death toll rose to 233": the words before
    the verb name what is counted, not who counts it."""
    from .subjects import event_noun

    return any(event_noun(t.lower, lang) is not None for t in tokens[span[0] : span[1] + 1])


def _after_comma(tokens: Sequence[Token], i: int, lang: str) -> bool:
    """A reporting verb that opens a clause after a comma or a closing quote, auxiliaries
    before it included ("», ha dicho")."""
    g = vocabulary.grammar(lang)
    j = i - 1
    while j >= 0 and tokens[j].lower in g.auxiliaries:
        j -= 1
    while j >= 0 and tokens[j].text in "\"”’'»":
        j -= 1
    return j >= 0 and tokens[j].text == ","


def _after_quote(tokens: Sequence[Token], i: int, lang: str) -> bool:
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


def _name_start(tokens: Sequence[Token], tail: int, verbs: PhraseIndex, skip: frozenset[int], lang: str) -> int | None:
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
                j += 1  # "informó hoy 18 de abril del 2016, la Secretaría"
        elif t.lower in verbs and verbs.match_at(tokens, j) is not None:
            j += 1
        elif t.lower in g.phrase_breaks and not t.is_capitalized and not to_whom and t.lower not in breaks:
            to_whom = True  # "a periodistas": a preposition and at most two lower-case words
            j += 1
            for _ in range(2):
                if j >= len(tokens) or not tokens[j].is_word or tokens[j].is_capitalized:
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
    return None


def _generic_ahead(tokens: Sequence[Token], i: int, lang: str) -> bool:
    """A known kind of unnamed source that runs from ``i`` to the clause's end."""
    generic = _generic_sources(lang)
    end = i
    while end < len(tokens) and tokens[end].is_word and end - i < 5:
        end += 1
    if end < len(tokens) and tokens[end].text not in ".,;:!?":
        return False
    return " ".join(t.lower for t in tokens[i:end]) in generic


def _capital_ahead(tokens: Sequence[Token], i: int) -> bool:
    """A capitalised word within the next few words of the clause ("la portavoz de
    Medicina Forense"), or a name in apposition after a comma."""
    for k, t in enumerate(tokens[i : i + 6], start=i):
        if t.text == "," and k + 1 < len(tokens) and tokens[k + 1].is_capitalized and tokens[k + 1].is_word:
            return True  # "el presidente del país, Rafael Correa": the name in apposition
        if t.text in ".,;:!?()":
            return False
        if t.is_capitalized and t.is_word:
            return True
    return False


def resolve_pronoun(source: Source, previous: Source | None, lang: str = "en") -> Source | None:
    """A pronoun speaker stands for the last named source, when there is one."""
    _, _, _, pronouns = _indexes(lang)
    if not source.name or source.name.lower() in pronouns:
        return previous.model_copy(update={"cue": source.cue}) if previous else None
    return source


def source_for(attributions: Sequence[Attribution], q_first: int, q_last: int) -> Source | None:
    """The source of a claim at tokens ``q_first``..``q_last``: the outer attribution, with
    an inner speaker as ``via`` where the sentence has both."""
    covering = [a for a in attributions if not (a.first <= q_first <= a.last) and a.scope_from <= q_first <= a.scope_to]
    inner = [a for a in covering if not a.outer]
    outer = [a for a in covering if a.outer]
    if outer:
        src = outer[0].source
        if inner:
            src = src.model_copy(update={"via": inner[-1].source})
        return src
    if inner:
        return inner[-1].source
    return None
