"""A sentence that says who revised a count without writing the figure again: "Al menos 324
personas fallecieron tras el sismo. El coordinador de Protección Civil, Luis Felipe Puente,
actualizó la cifra de fallecidos: ..."; "El INM actualizó la cifra de este martes por la
noche". The count it names ("la cifra de fallecidos", "the death toll") is the figure the
sentence before gave, so that figure has the source of this one.

The text itself says so: a definite count noun ("la cifra", "el balance", "the toll") in an
attributed clause with a verb of revision ("actualizó", "se elevó", "raised") and no count
of its own, right after a sentence whose figures of the same event no one was given; "the
toll is expected to rise" forecasts and revises nothing. Attribution within a sentence is decided in
:mod:`~factcheck.extraction.attribution`; this module only passes it one sentence back.

The same holds for the lede of a story and the sentence after it that opens with its cue
("Al menos 40 migrantes murieron ... Según el INM, en la sede ..."): the cue names whose
report the lede states (:func:`opening_cue`)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from .. import vocabulary
from ..models import Claim, Source
from . import memo
from .attribution import source_for
from .events import find_events
from .nameends import name_after
from .sentence import Sentence
from .sourcenames import make_source
from .subjects import reporting_forms
from .tokens import PhraseIndex, Token, tokenize

__all__ = ["confirmed_event", "give_back", "opening_cue", "report_back", "revised_count", "shown_figures"]

_CLAUSE_ENDS = frozenset({",", ";", ":", ".", "(", ")"})
_EVENT_REACH = 3  # "la cifra de personas fallecidas", "the death toll"


@cache
def _count_nouns(lang: str) -> frozenset[str]:
    return frozenset(vocabulary.attribution(lang).count_nouns)


def revised_count(sent: Sentence) -> tuple[Source, str | None] | None:
    """The source of a count the sentence names without its figure, and the event the count
    noun says, if any.

    >>> from factcheck.extraction.tokens import tokenize
    >>> text = "El INM actualizó la cifra de fallecidos este martes."
    >>> s = Sentence(text, 0, len(text), 0, "es", tokenize(text))
    >>> from factcheck.extraction.attribution import find_attributions
    >>> s.attributions = find_attributions(s.tokens, text, "es")
    >>> src, event = revised_count(s)
    >>> src.name, event
    ('El INM', 'killed')
    """
    if not sent.attributions:
        return None
    toks = sent.tokens
    lang = sent.language
    nouns = _count_nouns(lang)
    revisions = vocabulary.attribution(lang).revisions
    g = vocabulary.grammar(lang)
    counts = [f for f in sent.quantities if f.unit is None]
    for k, tok in enumerate(toks):
        if tok.lower not in nouns or not _definite(toks, k, g.determiners - g.articles):
            continue
        end = next((j for j in range(k + 1, len(toks)) if toks[j].text in _CLAUSE_ENDS), len(toks))
        start = next((j + 1 for j in range(k - 1, -1, -1) if toks[j].text in _CLAUSE_ENDS), 0)
        if any(start <= f.first < end for f in counts):
            continue  # "elevó a 23 la cifra", "la cifra de muertos asciende a 77": the figure is here
        if not any(toks[j].lower in revisions for j in range(start, end)) and not _announced(toks, k, lang):
            continue  # "said the toll is expected to rise": a forecast, no revision
        src = source_for(sent.attributions, k, k, lang)
        if src is None or not src.name:
            continue
        return src, _count_event(toks, k, lang)
    return None


def _announced(toks: Sequence[Token], k: int, lang: str) -> bool:
    """The count noun at ``k`` with a reporting participle and its agent in apposition: "The
    new number, announced by President X on Sunday, is ...", "La nueva cifra, confirmada por
    el ministerio, ...": the number the reader was just given, and who gave it."""
    j = k + 1
    return (
        j + 2 < len(toks)
        and toks[j].text == ","
        and _reporting_participle(toks[j + 1].lower, lang)
        and toks[j + 2].lower in vocabulary.attribution(lang).agent_markers
    )


def _definite(toks: Sequence[Token], k: int, definite: frozenset[str]) -> bool:
    """A definite determiner before the count noun at ``k``, over one word ("the death
    toll", "el nuevo balance"): a count the reader already knows."""
    return (k >= 1 and toks[k - 1].lower in definite) or (
        k >= 2 and toks[k - 1].is_word and toks[k - 2].lower in definite
    )


def _count_event(toks: Sequence[Token], k: int, lang: str) -> str | None:
    """What the count noun at ``k`` counts, when a word of it or right after it says
    ("the death toll", "la cifra de fallecidos")."""
    nouns = vocabulary.subjects(lang).event_nouns
    for j in range(max(0, k - 1), min(len(toks), k + _EVENT_REACH + 1)):
        noun = nouns.get(toks[j].lower)
        if noun is not None and j != k:
            return noun.event
    return None


@cache
def _back_cues(lang: str) -> tuple[PhraseIndex, PhraseIndex]:
    table = vocabulary.attribution(lang)
    return PhraseIndex((c, c) for c in table.back_cues), PhraseIndex((v, v) for v in table.verbs)


def report_back(sent: Sentence) -> Source | None:
    """The speaker of a sentence that opens by pointing back at the report before it: "Así
    lo informó el presidente ecuatoriano, Daniel Noboa, en su cuenta de X." (data/<lang>/
    attribution.yaml ``back_cues``).

    >>> from factcheck.extraction.tokens import tokenize
    >>> text = "Así lo informó el presidente ecuatoriano, Daniel Noboa, en su cuenta de X."
    >>> report_back(Sentence(text, 0, len(text), 0, "es", tokenize(text))).name
    'Daniel Noboa'
    """
    cues, verbs = _back_cues(sent.language)
    toks = sent.tokens
    hit = cues.match_at(toks, 0)
    if hit is None:
        return None
    j = hit[0]
    auxiliaries = vocabulary.grammar(sent.language).auxiliaries
    while j < len(toks) and toks[j].lower in auxiliaries:
        j += 1  # "Así lo ha confirmado"
    verb = verbs.match_at(toks, j)
    if verb is None:
        return None
    first = j + verb[0]
    while first < len(toks) and any(t.start <= toks[first].start < t.end for t in sent.times):
        first += 1  # "Lo ha riferito martedì il ministero": the day before the name
    last = name_after(toks, first, sent.language)
    if last < first:
        return None
    return make_source(toks, sent.body, first, last, f"{toks[0].text} {str(verb[1])}".lower(), sent.language)


def give_back(
    claims: list[Claim],
    sent: Sentence,
    revised: tuple[Source, str | None],
    explicit: bool = False,
    reach: int = 1,
    mentioned: bool = False,
) -> None:
    """Give the source of a revised count to the unattributed figures of the sentence just
    before, where they count what the count noun counts; in place. Where the sentence says
    so outright (``explicit``: "Así lo informó X"), X gives every figure of the sentence
    before, by way of the source that sentence named. ``reach``: how many sentences back
    the last sentence with figures may stand ("estos datos" after a sentence of comment).
    With ``mentioned`` (a report of an event: "La liberación fue confirmada por X"), where no
    figure before was read with that event but the sentence before writes it ("44 miembros
    ... que se encontraban retenidos ... fueron liberados"), its counts are that event's."""
    src, event = revised
    index = max((c.sentence_index for c in claims if c.sentence_index < sent.index), default=-1)
    if index < sent.index - reach:
        return  # no figure close enough before
    before = [c for c in claims if c.sentence_index == index]
    if not explicit and any(c.source is not None for c in before):
        return  # the sentence before cites its own source
    if (
        mentioned
        and event is not None
        and before
        and not any(c.event_class == event for c in before)
        and any(e.event == event for e in find_events(tokenize(before[0].sentence), sent.language))
    ):
        event = None  # the event is written there: every count of that sentence is its
    for k in range(len(claims) - 1, -1, -1):
        c = claims[k]
        if c.sentence_index != index:
            if c.sentence_index < index:
                break
            continue
        if explicit:
            if c.source != src:
                claims[k] = c.model_copy(update={"source": src.model_copy(update={"via": c.source})})
        elif c.event_class is not None and c.quantity.unit is None and event in (None, c.event_class):
            claims[k] = c.model_copy(update={"source": src})


SHOWN_REACH = (
    2  # "La cifra ... ascendió a 31. Las autoridades tomaron el control. La Fiscalía dio a conocer estos datos"
)


def shown_figures(sent: Sentence) -> Source | None:
    """The speaker of a sentence whose reporting verb takes figures given before as its
    object, pointed at by a demonstrative ("La Fiscalía dio a conocer estos escalofriantes
    datos", "the ministry released these figures"); "said that this number could rise"
    reports no figure (data/<lang>/attribution.yaml ``back_nouns``, grammar.yaml
    ``demonstratives``).

    >>> from factcheck.extraction.tokens import tokenize
    >>> from factcheck.extraction.attribution import find_attributions
    >>> text = "La Fiscalía General dio a conocer estos escalofriantes datos en su cuenta."
    >>> s = Sentence(text, 0, len(text), 0, "es", tokenize(text))
    >>> s.attributions = find_attributions(s.tokens, text, "es")
    >>> shown_figures(s).name
    'La Fiscalía General'
    """
    lang = sent.language
    g = vocabulary.grammar(lang)
    nouns = vocabulary.attribution(lang).back_nouns
    verbs = _back_cues(lang)[1]
    toks = sent.tokens
    for a in sent.attributions:
        if a.outer or not a.source.name or a.scope_from <= a.last:
            continue  # only "X verb ...", the speaker before its verb
        hit = verbs.match_at(toks, a.scope_from)
        j = a.scope_from + (hit[0] if hit is not None else 1)
        if j >= len(toks) or toks[j].lower not in g.demonstratives:
            continue
        if any(toks[k].lower in nouns for k in range(j + 1, min(len(toks), j + 3))):
            return a.source
    return None


def confirmed_event(sent: Sentence) -> tuple[Source, str | None] | None:
    """The agent of a passive report whose subject is a definite noun of what happened: "La
    liberación fue confirmada por la gobernadora de Azuay, María Consuelo Orellana", "The
    deaths were confirmed by the ministry": the agent gives the figures of that event in
    the sentence before. A sentence with no figure is read only when it holds a cue of
    ``attribution.yaml`` (extraction/__init__.py); "confirmada" agreeing with its subject
    is none, so the Spanish form counts where the sentence goes on with figures of its own.

    >>> from factcheck.extraction.tokens import tokenize
    >>> text = "La liberación fue confirmada por la gobernadora de Azuay, María Consuelo Orellana."
    >>> src, event = confirmed_event(Sentence(text, 0, len(text), 0, "es", tokenize(text)))
    >>> src.name, event
    ('María Consuelo Orellana', 'released')
    """
    lang = sent.language
    g = vocabulary.grammar(lang)
    table = vocabulary.attribution(lang)
    toks = sent.tokens
    if len(toks) < 5 or toks[0].lower not in g.determiners - g.articles:
        return None
    event = next((e for e in memo.events(toks, lang) if e.first == 1), None)  # once per distinct sentence
    if event is None:
        return None
    j = event.last + 1
    if j >= len(toks) or toks[j].lower not in g.auxiliaries:
        return None
    while j < len(toks) and toks[j].lower in g.auxiliaries:
        j += 1  # "fue", "has been"
    if j + 1 >= len(toks) or not _reporting_participle(toks[j].lower, lang):
        return None
    if toks[j + 1].lower not in table.agent_markers:
        return None
    first = j + 2
    last = name_after(toks, first, lang)
    if last < first:
        return None
    return make_source(toks, sent.body, first, last, toks[j].lower, lang), event.event


def _reporting_participle(word: str, lang: str) -> bool:
    """ "confirmado", and "confirmada", "confirmados", "confirmadas" agreeing with their
    subject: a participle of a reporting verb."""
    known = reporting_forms(lang)
    if word in known:
        return True
    stem = word[:-2] if word.endswith(("os", "as")) else word[:-1] if word.endswith("a") else None
    return stem is not None and stem + "o" in known


def opening_cue(sent: Sentence) -> Source | None:
    """The source of a sentence that opens with its cue and names someone ("Según el INM,
    en la sede ...", "According to the ministry, the fire began ..."): the lede of a story
    states the news in the outlet's words and the next sentence says whose report it is.
    Only a cue that opens the sentence (one inside it, "..., según X", closes its own
    clause), and only a name or an unnamed source of ``generic_sources`` ("según el relato
    oficial" names no one). Which figures it reaches is the caller's: the lede's.

    >>> from factcheck.extraction.tokens import tokenize
    >>> from factcheck.extraction.attribution import find_attributions
    >>> text = "De acuerdo con el reporte del Inpec, el fuego empezó en un pabellón."
    >>> s = Sentence(text, 0, len(text), 0, "es", tokenize(text))
    >>> s.attributions = find_attributions(s.tokens, text, "es")
    >>> opening_cue(s).name
    'Inpec'
    """
    toks = sent.tokens
    if not toks or _prefixes(sent.language).match_at(toks, 0) is None:
        return None
    for a in sent.attributions:
        # "Según información preliminar, reporta La Prensa, ...": the opening cue names no
        # one and the outlet after it does
        if a.outer and a.source.name and a.first > 0 and _names(a.source, sent):
            return a.source
    return None


@cache
def _prefixes(lang: str) -> PhraseIndex:
    """The cues written before a source ("según", "according to"), whole."""
    return PhraseIndex((p, p) for p in vocabulary.attribution(lang).prefix)


def _names(source: Source, sent: Sentence) -> bool:
    """A capitalised name ("el INM", "the Health Ministry") or a listed unnamed source ("las
    autoridades", "medios locales")."""
    generic = vocabulary.attribution(sent.language).generic_sources
    return any(w[:1].isupper() for w in source.name.split()) or source.name.lower() in generic
