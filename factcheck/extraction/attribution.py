"""Who the text attributes a figure to: "according to Reuters", "per The Guardian",
"X said/reported/confirmed that ...", "..., AP reports.", "..., said X." and captions
("- From The Mirror"), with the chain where there are two ("the government reported ...,
according to Reuters": Reuters, via the government).

A speaker written as a pronoun ("He added that ...") refers back to the last named source:
that is the one case where attribution carries across a sentence boundary, because only
there the text itself says so."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from functools import cache

from .. import vocabulary
from ..gazetteer import gazetteer
from ..models import Source
from .nameends import speaker_scope_end
from .namespans import (
    after_comma,
    after_quote,
    clause_start,
    closes_clause,
    coordinated_subject,
    coordinating,
    elided_speaker,
    impersonal,
    name_after,
    name_before,
    name_start,
    names_the_count,
    relative_subject,
    sentence_subject,
)
from .quantities import qualifiers_before
from .sourcenames import (
    agent_past_time,
    cited_owner,
    is_document,
    is_generic,
    is_outlet,
    make_source,
    relative_giver,
    with_each_agent_marker,
)
from .surnames import after_back_cue, antecedent, lone_subject, relative_after
from .tokens import POSSESSIVE, PhraseIndex, Token, contracted_partitive


@dataclass(frozen=True, slots=True)
class Attribution:
    source: Source
    first: int  # first token of the name
    last: int  # last token of the name
    scope_from: int  # the claim must start at or after this token to be covered
    outer: bool  # "according to", trailing "X reports": covers the whole sentence
    scope_to: int = 1 << 30  # ... and at or before this one ("los 17 muertos que anunció X")
    lone: bool = False  # a single capitalised word: a speaker only as a surname named before
    own: bool = False  # "the government's toll of 56": the figure's own tally names its giver


@cache
def _indexes(lang: str = "en") -> tuple[PhraseIndex, PhraseIndex, PhraseIndex, frozenset[str]]:
    table = vocabulary.attribution(lang)
    return (
        PhraseIndex((p, p) for p in with_each_agent_marker(table.prefix, table.agent_markers)),
        PhraseIndex(
            (v, v) for v in [*table.verbs, *table.gerunds, *(p for p in table.participles if p not in table.verbs)]
        ),
        PhraseIndex((c, c) for c in table.trailing_cues),
        frozenset(table.pronouns),
    )


@cache
def _cues(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """The quoting words, and every word that may begin an attribution (built once per
    language, not once per sentence)."""
    prefix, verbs, trailing, _ = _indexes(lang)
    quoting = frozenset(vocabulary.attribution(lang).quoting)
    return quoting, prefix.firsts | verbs.firsts | trailing.firsts | _lead_verbs(lang) | quoting


def _attributive(tokens: Sequence[Token], i: int, determiners: Collection[str], relative: Collection[str]) -> bool:
    """A reporting verb's form between a determiner and a common noun ("the confirmed death
    toll", "its reported figure"): a participle used as an adjective, which reports nothing.
    A relative pronoun before it ("officials that confirmed ...") or a determiner, a number
    or a name after it ("la confirmó el ministerio") keep it a verb."""
    if i == 0 or i + 1 >= len(tokens):
        return False
    before, after = tokens[i - 1], tokens[i + 1]
    if before.lower not in determiners or before.lower in relative:
        return False
    return after.is_word and not after.is_capitalized and after.lower not in determiners


def _count_before(tokens: Sequence[Token], i: int, lang: str) -> bool:
    """A count noun stands before the verb of change in its clause ("The death toll from the
    wildfire that destroyed the town rose to 93"): the count is the verb's subject, and no
    speaker raised it."""
    nouns = frozenset(vocabulary.attribution(lang).count_nouns)
    start = clause_start(tokens, i, lang)
    return any(t.lower in nouns for t in tokens[start:i])


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
    quoting, cues = _cues(lang)
    actions = _actions(lang)
    out: list[Attribution] = []
    n = len(tokens)
    # the tokens a cue can stand at, found in one pass; the loop jumps from one to the next
    marks = [k for k, t in enumerate(tokens) if t.lower in cues]
    if not marks:
        return out
    i = marks[0]
    while i < n:
        if tokens[i].lower not in cues:
            k = bisect_left(marks, i)
            if k == len(marks):
                break
            i = marks[k]
        if tokens[i].lower in quoting:
            quoted = _quoted_as_saying(tokens, body, i, lang, skip)
            if quoted is not None:
                out.append(quoted)
                i = quoted.last + 1
                continue
        hit = prefix.match_at(tokens, i) or (prefix.match_over(tokens, i, skip) if skip else None)
        if hit is not None and relative_after(tokens, i + hit[0], determiners, g_relative):
            # "la prefettura di Napoli, secondo cui quattro persone ...", "el Cecopi, según el
            # cual ...": the relative stands for the name before the comma
            span = antecedent(tokens, i, lang)
            if span is not None:
                src = make_source(tokens, body, span[0], span[1], str(hit[1]), lang)
                out.append(Attribution(src, span[0], span[1], i, False))
            i += hit[0] + 1
            continue  # (the relative and its article are no name)
        if hit is not None and i + hit[0] < n:
            start = i + hit[0]
            while start + 1 < n and (start in skip or (tokens[start].lower in determiners and start + 1 in skip)):
                start += 1  # "según informó el domingo la agencia": the time before the name
            last = name_after(tokens, start, lang, skip)
            agent = agent_past_time(tokens, start, last, lang, skip)
            cited = cited_owner(tokens, start, last, lang) or relative_giver(tokens, start, last, lang) or agent
            if cited is not None:
                start, last = cited  # "secondo una dichiarazione che cita i dati del governo di X"
            # "according to police spokeswoman Resila Onyango": a name, a determiner or a known
            # kind of unnamed source must follow, or "per" and "citing" are just words
            words = tokens[start : last + 1]
            # a carrier names who gave it: "according to figures released by the ministry"
            named = (
                any(t.is_capitalized for t in words)
                or tokens[start].lower in determiners
                or (tokens[start].lower in table.carriers and any(t.lower in table.agent_markers for t in words))
                or (agent is not None and cited == agent)  # "un bilancio diffuso lunedì dal governo"
            )
            if last >= start and (named or is_generic(words, lang)):
                scope = clause_start(tokens, i, lang)
                out.append(
                    Attribution(make_source(tokens, body, start, last, str(hit[1]), lang), start, last, scope, True)
                )
                i = last + 1
                continue
        hit = trailing.match_at(tokens, i)
        if hit is not None and i + hit[0] < n and tokens[i + hit[0]].is_capitalized:
            start = i + hit[0]
            last = name_after(tokens, start, lang, skip)
            if last + 1 < n and tokens[last + 1].text not in _CLOSING:
                # "en la vía Cuenca-Girón" is a road: a closing cue's name closes the sentence
                i += 1
                continue
            out.append(
                Attribution(
                    make_source(tokens, body, start, last, str(hit[1]).strip("-—– "), lang), start, last, 0, True
                )
            )
            i = last + 1
            continue
        if tokens[i].lower in leads and _updates_a_figure(tokens, i, skip, lang) and not _count_before(tokens, i, lang):
            # "La DGT subió este jueves a 14 la cifra", "El ministerio ajustó a 9 la cifra": who
            # raises a toll gives it; "la cifra subió a 14" has no agent (see _name_before)
            span = name_before(tokens, i, lang, skip)
            named = span is not None and _names_someone(tokens[span[0] : span[1] + 1], lang)
            if span is not None and named and not names_the_count(tokens, span, lang):
                first, last = span
                cue = tokens[i].lower
                out.append(Attribution(make_source(tokens, body, first, last, cue, lang), first, last, i, False))
            i += 1
            continue
        hit = verbs.match_at(tokens, i)
        if (
            hit is not None
            and str(hit[1]) not in {*table.verbs, *table.gerunds}
            and not (i > 0 and tokens[i - 1].lower in vocabulary.grammar(lang).auxiliaries)
        ):
            hit = None  # "un boletín del ministerio" is a statement; "había comunicado 17" reports
        if hit is not None and (
            actions.match_at(tokens, i) is not None or (skip and actions.match_over(tokens, i, skip) is not None)
        ):
            hit = None  # "declaró (ayer) emergencia nacional": an act, not a report
        if hit is not None and hit[0] == 1 and _attributive(tokens, i, determiners, g_relative):
            hit = None  # "The confirmed death toll stands at 115": a participle before a noun
        if hit is not None:
            verb = str(hit[1])
            tail = i + hit[0]
            back = after_back_cue(tokens, i, tail, verbs, skip, lang)
            if back is not None:
                # "Lo ha annunciato il presidente, Stefano Bonaccini, precisando che ...": the
                # speaker after the verb gives what the sentence goes on to say as well
                src = make_source(tokens, body, back[0], back[1], verb, lang)
                out.append(Attribution(src, back[0], back[1], 0, True))
                i = back[1] + 1
                continue
            if _opens_quote(tokens, tail):
                # 'Ruiz stated, "The coroners ... have identified 17"': the speaker of
                # the quote gives every figure in it, whoever the quote itself cites
                span = name_before(tokens, i, lang, skip)
                if span is not None:
                    src = make_source(tokens, body, span[0], span[1], verb, lang)
                    out.append(Attribution(src, span[0], span[1], i, True))
                    i = tail
                    continue
            if verb in table.gerunds and i > 0 and tokens[i - 1].text == ",":
                # "A regional official ... gave another version, saying 25 crew were
                # held": the gerund's speaker is the sentence's subject
                span = sentence_subject(tokens, i - 1, lang)
                if span is not None:
                    src = make_source(tokens, body, span[0], span[1], verb, lang)
                    out.append(Attribution(src, span[0], span[1], i, False))
                i = tail
                continue
            inverted = _after_relative(tokens, body, i, tail, verb, lang, skip)
            if inverted is not None:
                out.append(inverted)  # "los 17 muertos que anunció la ministra Ana Ríos"
                i = inverted.last + 1
                continue
            # '"We have counted 14 bodies," fire chief Ana Ríos told reporters': the
            # speaker after a closing quote gives every figure of the quote
            span = name_before(tokens, i, lang, skip) if _quote_shortly_before(tokens, i) else None
            if span is not None and _closes_a_quote(tokens, span[0]):
                src = make_source(tokens, body, span[0], span[1], verb, lang)
                out.append(Attribution(src, span[0], span[1], 0, True, speaker_scope_end(tokens, tail, i, lang)))
                i = tail
                continue
            # "..., AP reports." / "..., BBC noted.": a name between a comma and a closing verb
            # (the name after one right after the comma speaks: "..., informó la Secretaría")
            turned = after_comma(tokens, i, lang) and verb not in table.audience_verbs  # not "told Reuters"
            if closes_clause(tokens, tail, verb, lang) and not (
                turned and name_start(tokens, tail, verbs, skip, lang) is not None
            ):
                span = name_before(tokens, i, lang, skip)
                if span is not None and span[0] > 0 and tokens[span[0] - 1].text == ",":
                    src = make_source(tokens, body, span[0], span[1], verb, lang)
                    out.append(Attribution(src, span[0], span[1], 0, True, speaker_scope_end(tokens, tail, i, lang)))
                    i = tail
                    continue
            # "..., said John Smith, a spokesman."; "..., informó hoy la Secretaría de Salud";
            # "», ha dicho la vocera de la Fiscalía"
            name = name_start(tokens, tail, verbs, skip, lang) if turned else None
            if name is not None:
                last = name_after(tokens, name, lang, skip)
            if name is not None and last + 1 < len(tokens) and tokens[last + 1].lower in g_relative:
                name = None  # "X, ha informado en su cuenta de que ...": the speaker is X
            if name is not None:
                src = make_source(tokens, body, name, last, verb, lang)
                if _agent_appositive(tokens, tail, last, lang):
                    # "The new count, released by X on Friday, is up from the 31 given
                    # earlier": X gives what the appositive describes, not the rest
                    out.append(Attribution(src, name, last, 0, False, i))
                else:
                    out.append(Attribution(src, name, last, 0, True, speaker_scope_end(tokens, last + 1, i, lang)))
                i = last + 1
                continue
            if name is None and after_quote(tokens, i, lang):
                # «"Se reportan 64 fallecidos: 30 en ...", ha escrito en un mensaje»: the
                # quote's speaker is left out, as a pronoun would be; the last named source
                elided = Source(name="", cue=verb, start=tokens[i].start, end=tokens[i].start)
                out.append(Attribution(elided, i, i, 0, True, speaker_scope_end(tokens, tail, i, lang)))
                i = tail
                continue
            if impersonal(tokens, i, lang):
                i += 1  # "se reportan 64 fallecidos", "se han confirmado 12": no speaker
                continue
            if i > 0 and tokens[i - 1].lower in table.passive_auxiliaries:
                i += 1  # "the coastal provinces were put on alert": a passive's subject says nothing
                continue
            span = (
                name_before(tokens, i, lang, skip)
                or relative_subject(tokens, i, lang, skip)
                or coordinated_subject(tokens, i, lang)
            )
            lone = False
            if span is None and (conj := coordinating(tokens, i, lang)) is not None:
                # "Villanueva es la persona encargada ... y recordó que": a surname alone,
                # kept only where the article named that person before (extraction.surnames)
                at = lone_subject(tokens, conj, lang)
                span, lone = (None, False) if at is None else ((at, at), True)
            if span is not None:
                first, last = span
                src = make_source(tokens, body, first, last, verb, lang)
                out.append(Attribution(src, first, last, i, False, lone=lone))
            elif elided_speaker(tokens, i, tail, lang):
                # "Detalló que en la capital son 30": the speaker is left out, as a pronoun
                # would be; the composer takes the last named source
                elided = Source(name="", cue=verb, start=tokens[i].start, end=tokens[i].start)
                out.append(Attribution(elided, i, i, i, False))
        i += 1
    out.extend(_owned_tallies(tokens, body, lang))
    return _contrasted(out, tokens, lang)


_COMPARED = 4
"""Words between a comparison ("than", "frente a") and the official tally it sets against a figure."""

_OWNER_WORDS = 5
"""Words of a tally's owner written before its possessive ("the state health ministry's")."""


def _owned_tallies(tokens: Sequence[Token], body: str, lang: str) -> list[Attribution]:
    """A tally written with its owner right before or after its figure: a possessive ("more
    than double the government's toll of 56", "the ministry's count of 1,200") or a word
    that says the authorities keep it (``official``: "far more than the official toll of 30",
    "la cifra oficial de 30", "los 56 del balance oficial"). The owner gives that figure,
    whoever speaks the sentence."""
    from .population import counted_words  # late: population reaches this module through memo

    tallies = counted_words(lang).tally_nouns
    official = vocabulary.attribution(lang).official
    g = vocabulary.grammar(lang)
    out = []
    n = len(tokens)
    for t in range(1, n - 1):
        if tokens[t].lower not in tallies:
            continue
        adjective = t + 1 if t + 1 < n and tokens[t + 1].lower in official else None
        if adjective is None and tokens[t - 1].lower in official:
            adjective = t - 1
        after = (adjective if adjective is not None and adjective > t else t) + 1
        figure = after + 1 if after + 1 < n and tokens[after].lower in g.partitive else None
        if figure is not None and not tokens[figure].is_digit:
            figure = None
        if figure is None and adjective is not None:
            # "los 56 del balance oficial": the figure before, past a partitive and an article
            k = min(t, adjective) - 1
            while k > 0 and tokens[k].lower in g.determiners:
                k -= 1
            if k > 0 and (tokens[k].lower in g.partitive or contracted_partitive(tokens[k].lower, g.partitive)):
                figure = k - 1 if tokens[k - 1].is_digit else None
        if figure is None:
            continue
        owner = t - 1
        if tokens[owner].text.endswith(POSSESSIVE):
            first = owner
            while first > 0 and owner - first < _OWNER_WORDS:
                prev = tokens[first - 1]
                if not prev.is_word or prev.lower in g.phrase_breaks or prev.lower in g.conjunctions:
                    break
                first -= 1
                if prev.lower in g.determiners:
                    break
            src = make_source(tokens, body, first, owner, tokens[owner].text[-2:], lang)
            out.append(Attribution(src, first, owner, figure, False, figure, own=True))
        elif adjective is not None:
            first = min(t, adjective)
            if first > 0 and tokens[first - 1].lower in g.determiners:
                first -= 1  # "the official toll", "el balance oficial"
            lead = min(first, figure)
            if not any(tokens[k].lower in g.comparisons for k in range(max(0, lead - _COMPARED), lead)):
                continue  # "la cifra oficial de 30 ..., dijo el alcalde": the speaker's, unless set against another
            last = max(t, adjective)
            src = make_source(tokens, body, first, last, tokens[adjective].lower, lang)
            out.append(Attribution(src, first, last, figure, False, figure, own=True))
    return out


_CLOSING_QUOTES = frozenset('"”’»')
_CLOSING = frozenset(".!?)]") | _CLOSING_QUOTES


def _contrasted(out: list[Attribution], tokens: Sequence[Token], lang: str) -> list[Attribution]:
    """``out`` with the scope of each speaker before its verb ended where a contrasting
    clause names another subject ("El ministro cifró en 3.845 los muertos, mientras que la
    Media Luna Roja mantiene la cifra de 11.300": the 11.300 is not the minister's)."""
    if not out:
        return out
    openers = vocabulary.attribution(lang).clause_openers
    g = vocabulary.grammar(lang)
    n = len(tokens)
    cuts = []
    for k in range(1, n - 1):
        if tokens[k - 1].text != "," or tokens[k].lower not in openers:
            continue
        j = k + 1
        while j < n and (tokens[j].lower in g.relative or tokens[j].lower in g.conjunctions):
            j += 1  # "mientras que"
        if j < n and tokens[j].lower in g.determiners:
            j += 1
        if j < n and tokens[j].is_capitalized and tokens[j].is_word:
            cuts.append(k)
    if not cuts:
        return out
    fixed = []
    for a in out:
        cut = next((k for k in cuts if a.scope_from <= k and a.last < k), None)
        if not a.outer and cut is not None and a.scope_to > cut:
            a = replace(a, scope_to=cut - 1)
        fixed.append(a)
    return fixed


def _quote_shortly_before(tokens: Sequence[Token], i: int) -> bool:
    """A closing quote mark stands among the few tokens before token ``i``: only then can
    the speaker before a verb be a quote's."""
    return any(t.text in _CLOSING_QUOTES for t in tokens[max(0, i - 12) : i])


def _closes_a_quote(tokens: Sequence[Token], first: int) -> bool:
    """The words before token ``first`` close a quote with a comma or a mark of its own
    ('…rise," Ríos told', '…rise?" she asked', '…», dijo'): the name after it is its speaker."""
    if first >= 2 and tokens[first - 1].text in _CLOSING_QUOTES:
        return tokens[first - 2].text in (",", "!", "?")
    return first >= 2 and tokens[first - 1].text == "," and tokens[first - 2].text in _CLOSING_QUOTES


@cache
def _actions(lang: str) -> PhraseIndex:
    return PhraseIndex((a, a) for a in vocabulary.attribution(lang).actions)


def _agent_appositive(tokens: Sequence[Token], tail: int, last: int, lang: str) -> bool:
    """ ", announced by X Sunday morning, is ...": a passive agent in an appositive that a
    comma closes before the sentence goes on."""
    agents = vocabulary.attribution(lang).agent_markers
    if tail >= len(tokens) or tokens[tail].lower not in agents:
        return False
    j = last + 1
    while j < len(tokens) and tokens[j].is_word and j - last <= 4:
        j += 1  # "Sunday morning"
    return j + 1 < len(tokens) and tokens[j].text == "," and tokens[j + 1].is_word


def _names_someone(span: Sequence[Token], lang: str) -> bool:
    """A speaker of a lead verb: a name ("La DTV subió a 14"), a title ("un portavoz de la
    fiscalía ha elevado la cifra") or a kind of unnamed source ("Las autoridades
    peruanas subieron a 58") or a body ("the health ministry raised the toll to 670")."""
    table = vocabulary.attribution(lang)
    return (
        # a name, not a place's ("A village in British Columbia reached 121 degrees")
        any(t.is_capitalized and not _place_word(t.text) for t in span[1:])
        or any(t.lower in table.titles or t.lower in table.organisation_heads for t in span)
        or is_generic(span, lang)
        # "Police in southern Brazil revised the death toll": a kind of source, then where
        or (span[0].lower in table.generic_sources or span[0].lower in table.generic_heads)
    )


def _place_word(word: str) -> bool:
    """A word of a place's name or a nationality ("Columbia", "British")."""
    gaz = gazetteer()
    return bool(gaz.lookup(word)) or gaz.country_of_demonym(word) is not None


def _opens_quote(tokens: Sequence[Token], tail: int) -> bool:
    """A reporting verb followed by a comma or colon and an opening quote."""
    return tail + 1 < len(tokens) and tokens[tail].text in ",:" and tokens[tail + 1].text in '"“«'


def _after_relative(
    tokens: Sequence[Token], body: str, verb: int, tail: int, cue: str, lang: str, skip: frozenset[int]
) -> Attribution | None:
    """ "De los 17 muertos que anunció la ministra Ana Ríos": a reporting verb after
    a relative pronoun, its speaker after it, gives the figures before it."""
    g = vocabulary.grammar(lang)
    j = verb - 1
    while j >= 0 and tokens[j].lower in g.auxiliaries:
        j -= 1
    if j < 1 or tokens[j].lower not in g.relative or not tokens[j - 1].is_word:
        return None
    verbs = _indexes(lang)[1]
    name = name_start(tokens, tail, verbs, skip, lang)
    if name is None or name != tail:
        return None
    last = name_after(tokens, name, lang, skip)
    if last < name:
        return None
    return Attribution(make_source(tokens, body, name, last, cue, lang), name, last, 0, False, verb)


def _quoted_as_saying(
    tokens: Sequence[Token], body: str, i: int, lang: str, skip: frozenset[int]
) -> Attribution | None:
    """ "..., a news agency quoted the army as saying": the army gives the figure, by way of
    the agency."""
    end = next((k for k in range(i + 2, min(len(tokens), i + 16)) if tokens[k].lower == "as"), None)
    if end is None or end + 1 >= len(tokens) or not tokens[end + 1].lower.endswith("ing"):
        return None
    speaker = make_source(tokens, body, i + 1, end - 1, tokens[i].lower, lang)
    span = name_before(tokens, i, lang, skip)
    if span is not None:
        speaker = speaker.model_copy(update={"via": make_source(tokens, body, span[0], span[1], tokens[i].lower, lang)})
    return Attribution(speaker, i + 1, end - 1, 0, True)


@cache
def _lead_verbs(lang: str) -> frozenset[str]:
    """Verbs that lead to a figure ("elevó a 23", "rose to 58"): the count leads of the
    grammar that are no function words."""
    g = vocabulary.grammar(lang)
    small = g.phrase_breaks | g.partitive | g.determiners | g.articles | g.conjunctions
    table = vocabulary.attribution(lang)
    return frozenset(w for w in g.count_leads if w not in small) | table.revisions | table.keeping


def _updates_a_figure(tokens: Sequence[Token], verb: int, skip: frozenset[int], lang: str) -> bool:
    """A lead verb with its figure right after it, over a time and a preposition, and no
    reflexive "se" before it ("se elevó a 46" has no agent)."""
    g = vocabulary.grammar(lang)
    if verb > 0 and tokens[verb - 1].lower in g.pronoun_subjects | {"se"}:
        return False
    j = _over_count_noun(tokens, verb + 1, lang)
    if j == verb + 1 and tokens[verb].lower in vocabulary.attribution(lang).keeping:
        return False  # "the council maintained its ban": only a count is kept at a figure
    if j > verb + 1:
        # "elevó la cifra de fallecidos en ese país a 5.434": what the count counts, then
        # the preposition before the figure
        k = j
        while k < len(tokens) and k - j < _COUNTED_WORDS and tokens[k].is_word:
            if tokens[k].is_capitalized and k not in skip:  # ("in Sunday's shooting": a time)
                # "the death toll from the nightclub fire in Santa Maria down to 231": a
                # place's name, whole, among what the count counts
                r = k
                while r + 1 < len(tokens) and tokens[r + 1].is_word and tokens[r + 1].is_capitalized:
                    r += 1
                if not _place_word(" ".join(t.text for t in tokens[k : r + 1])):
                    break
                k = r
            k += 1
        if k < len(tokens) and k > j and tokens[k].is_digit and tokens[k - 1].lower in g.phrase_breaks:
            return True
    start = j
    while j < len(tokens) and (j in skip or tokens[j].lower in g.phrase_breaks) and j - verb <= 9:
        j += 1
    if j < len(tokens) and tokens[j].is_digit:
        return True
    # "rebajó este jueves a unos 1.000", "elevó a más de 40": the figure's own qualifier
    # (whose first word may be a preposition) before it
    hedges = qualifiers_before(lang)
    for k in range(start, min(j + 1, len(tokens))):
        hedge = hedges.match_at(tokens, k)
        if hedge is not None and k + hedge[0] < len(tokens) and tokens[k + hedge[0]].is_digit:
            return True
    return False


_COUNTED_WORDS = 10
"""How many words may tell what a count counts between its noun and its figure ("la cifra
de fallecidos en ese país a")."""


def _over_count_noun(tokens: Sequence[Token], j: int, lang: str) -> int:
    """Past "the (death) toll (downward)" after a revision verb: "raised the toll to 17",
    "ha elevado el balance a 23", "revised the death toll down from 130"; ``j``
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


def source_for(attributions: Sequence[Attribution], q_first: int, q_last: int, lang: str = "en") -> Source | None:
    """The source of a claim at tokens ``q_first``..``q_last``: the outer attribution, with
    an inner speaker as ``via`` where the sentence has both; a speaker who cites a
    document ("X comunicó que, según el informe inicial, ...") is the source, by way of
    the document, or one an outlet reports ("X cifró ..., informó la agencia Y")."""
    covering = [a for a in attributions if not (a.first <= q_first <= a.last) and a.scope_from <= q_first <= a.scope_to]
    own = [a for a in covering if a.own]
    if own:
        return own[-1].source
    inner = [a for a in covering if not a.outer]
    outer = [a for a in covering if a.outer]
    if outer and inner and (is_document(outer[0].source.name, lang) or is_outlet(outer[0].source.name, lang)):
        return inner[-1].source.model_copy(update={"via": outer[0].source})
    if outer:
        src = outer[0].source
        if inner and inner[-1].source.name != src.name:
            # (not the same speaker twice: "según la ministra, Sylvia Masebo, quien indicó que")
            src = src.model_copy(update={"via": inner[-1].source})
        return src
    if inner:
        return inner[-1].source
    return None
