"""What a figure's own clause says about it, beyond its words: whether an article read as
one is a count ("un muerto", not "a guard said"), whether a figure is money rather than
people ("liberó 300 millones"), and whether people counted where they are ("se
encontraban 900 reclusas" in a prison) are people held. The composer asks these once per
quantity; every word they read comes from the language's data (issue 19)."""

from __future__ import annotations

from collections import OrderedDict
from functools import cache

from .. import vocabulary
from . import memo
from .events import EventMention
from .facilities import facility_kind
from .persentence import per_sentence
from .placematch import phrase_index
from .placewords import place_words
from .quantities import Found
from .sentence import DocContext, Sentence, SubjectMention
from .subjects import ancestors
from .tokens import PhraseIndex, Token

_CLAUSE_MARKS = frozenset({",", ";", ":", "."})
_CLAUSE_GAP = 4  # "Un guardia falleció", "a guard was shot and killed", "un vecino perdió la vida"


def counted_one(
    sent: Sentence, f: Found, mention: SubjectMention, event: EventMention | None, event_class: str | None
) -> bool:
    """An article read as one ("un muerto", "Un guardia falleció") is a claim only when its
    noun is what is counted, is no speaker ("a guard said"), and something happened to it
    in its own clause: the noun names the event, or an event word stands right after it
    with no comma between."""
    if mention.first != f.last + 1 or event_class is None:
        return False
    noun_last = mention.last if mention.last is not None else mention.first
    if any(a.first <= noun_last and mention.first <= a.last for a in sent.attributions):
        return False
    if sent.tokens[noun_last].lower in vocabulary.attribution(sent.language).count_nouns:
        return False  # "confirmed a death toll of 51": a tally, not one death
    if mention.event or (event is not None and mention.first <= event.first <= noun_last):
        return True
    if event is not None and event.last < f.first and f.num_first - event.last == 1:
        return True  # "killed a police officer", "dejó un bombero herido"
    if event is not None and event.first == noun_last + 1 and _agent(sent, event.first):
        return False  # "a guard killing three", "a ferry carrying 312": the noun acts
    if event is not None and event.first == noun_last + 1 and _figure_object(sent, event.last):
        return False  # "A gunman killed 12 children", "Um atirador matou 12 alunos": the noun acts
    if event is None or event.first <= noun_last or event.first - noun_last > _CLAUSE_GAP:
        return False
    return all(t.text not in _CLAUSE_MARKS for t in sent.tokens[noun_last + 1 : event.first])


def _figure_object(sent: Sentence, last: int) -> bool:
    """Whether a figure stands right after the event word ending at token ``last``, past
    articles only: the event's object, so the noun before the event word did it."""
    g = vocabulary.grammar(sent.language)
    k = last + 1
    while k < len(sent.tokens) and (sent.tokens[k].lower in g.determiners or sent.tokens[k].lower in g.object_markers):
        k += 1
    return any(q.first == k for q in sent.quantities)


def _agent(sent: Sentence, k: int) -> bool:
    """An active participle at token ``k`` (not an auxiliary: "a guard being held")."""
    g = vocabulary.grammar(sent.language)
    low = sent.tokens[k].lower
    return bool(g.agent_endings) and low not in g.auxiliaries and low.endswith(tuple(g.agent_endings))


@cache
def _money_units() -> frozenset[str]:
    return frozenset(code for lang in vocabulary.languages() for code in vocabulary.units(lang).currencies)


@cache
def _big_scales(lang: str) -> frozenset[str]:
    nums = vocabulary.numbers(lang)
    return frozenset(w for w, v in {**nums.scales, **nums.multipliers}.items() if float(v) >= 1e6)


def money_or_scaled(sent: Sentence, f: Found, mention: SubjectMention) -> bool:
    """A sum of money, or a figure in millions with no noun of its own ("liberó 300
    millones"), whatever verb governs it."""
    if f.unit is not None:
        return f.unit in _money_units()
    return mention.subject is None and sent.tokens[f.num_last].lower in _big_scales(sent.language)


_PRESENCE_REACH = 4  # "se mantenían cerca de 70", "25 men were sleeping", "había en el lugar 40"
_HOLDING_KINDS = frozenset({"prison", "detention"})


def present_where(sent: Sentence, ctx: DocContext, f: Found, mention: SubjectMention) -> str | None:
    """What people counted with a verb of presence ("se encontraban", "were staying",
    "si trovavano") were, by the facility the sentence names, or failing it the article's
    last named facility or the last facility word it wrote: held in a prison or a detention
    centre; aboard (there when it happened) at any other site but one that receives people
    afterwards (a hospital, a shelter), unless the article's incident happened at another
    facility. None when they are not people or no presence verb or facility is written."""
    cls = mention.subject_class
    if cls is None or "person" not in ancestors(cls):
        return None
    presence = vocabulary.grammar(sent.language).presence
    references = _place_references(sent.language)
    toks = sent.tokens
    end = mention.last if mention.last is not None else f.last
    near = range(max(0, f.first - _PRESENCE_REACH), min(len(toks), end + 1 + _PRESENCE_REACH))
    if not any(toks[k].lower in presence for k in near):
        return None
    kinds = facility_kinds(sent)
    if not kinds and ctx.facilities:
        kind = facility_kind(ctx.facilities[-1], sent.language)
        kinds = frozenset({kind}) if kind else frozenset()
    elif not kinds and any(references.match_at(toks, k) is not None for k in near):
        # "murieron 38 en la estancia provisional ... Había en el lugar 83 migrantes": the
        # place the clause points back at is the facility the article last named by its kind
        kinds = ctx.facility_kinds
    if kinds & _HOLDING_KINDS:
        return "held"
    receiving = frozenset(place_words(sent.language).receiving_kinds)
    if not kinds or kinds & receiving:
        return None
    if ctx.site_kinds and not ctx.site_kinds & kinds:
        return None  # "A fire at a prison ... Nearby, 300 tourists were staying in the hotel"
    return "aboard"


@cache
def _place_references(lang: str) -> PhraseIndex:
    return PhraseIndex((w, w) for w in vocabulary.grammar(lang).place_references)


@per_sentence  # asked for each figure of a sentence: it reads every token
def facility_kinds(sent: Sentence) -> frozenset[str]:
    """The kinds of facility the sentence names by a facility word ("la cárcel", "a
    detention centre"), named or not."""
    # once per distinct sentence too (its tokens and text: copies of a story repeat it)
    key = (memo.sentence_key(sent.tokens), sent.text, sent.language)
    found = _KINDS.get(key)
    if found is None:
        found = _facility_kinds(sent)
        memo._remember(_KINDS, key, found)
    return found


_KINDS: OrderedDict[tuple[object, ...], frozenset[str]] = OrderedDict()


def _facility_kinds(sent: Sentence) -> frozenset[str]:
    """:func:`facility_kinds`, read."""
    words = phrase_index(sent.language, "facility_words")
    toks = sent.tokens
    found = {str(hit[1]) for k in range(len(toks)) if (hit := words.match_at(toks, k)) is not None}
    for t in toks if "'" in sent.text or "’" in sent.text else ():
        # "nell'albergo", "l'hôtel": an elided article before a small letter is one token
        # with its noun (extraction/tokens.py), so the noun is looked up after it
        cut = max(t.lower.rfind("'"), t.lower.rfind("’"))
        noun = t.lower[cut + 1 :] if cut > 0 else ""
        if noun and (hit := words.match_at([Token.of(noun, t.start + cut + 1)], 0)) is not None:
            found.add(str(hit[1]))
    return frozenset(found)
