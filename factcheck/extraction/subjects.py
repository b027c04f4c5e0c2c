"""What a number counts: the noun phrase after it ("23 guards and police officers"; Spanish
"19 mujeres privadas de libertad"), the noun after "of" ("44 of the hostages"), the noun an
elided figure shares with an earlier one ("4,200 residents ... around 1,500 more"), and for
measures ("less than 36 hours") the thing measured, found before the number. Its class in
the neutral taxonomy comes from :mod:`~factcheck.extraction.taxonomy`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from .. import vocabulary
from ..gazetteer import fold
from .facilities import headline_case
from .taxonomy import ancestors, classify, event_noun, heads, name_at, singular
from .tokens import Token, contracted_partitive

__all__ = [
    "SubjectPhrase",
    "ancestors",
    "backward_class_noun",
    "backward_head",
    "classify",
    "event_noun",
    "forward_phrase",
    "is_verbish",
    "name_at",
    "normalize",
    "singular",
    "toll_class",
]

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
def _trend_words(lang: str) -> frozenset[str]:
    return frozenset(f for ev in vocabulary.events(lang).events.values() if ev.trend for f in ev.forms)


@cache
def _event_words(lang: str) -> frozenset[str]:
    """Single-word event forms: "hostages held nationwide" ends its noun phrase at "held"."""
    return frozenset(f for ev in vocabulary.events(lang).events.values() for f in ev.forms if " " not in f)


_NOT_JOINING = frozenset({"or", "but", "plus", "o", "u", "pero", "ni"})
"""Conjunctions that do not join two nouns into one counted group."""
_NOT_ADVERBS = frozenset({"family", "assembly", "ally", "supply", "italy"})


def is_verbish(tok: Token, lang: str = "en") -> bool:
    """A participle, finite verb or adverb by its ending ("-ed", "-ing", "-ly"; Spanish
    "-ados", "-ieron"), which ends a counted noun phrase."""
    w = tok.lower
    if len(w) <= 4:
        return False
    g = vocabulary.grammar(lang)
    return w.endswith(g.verb_endings) or (w.endswith(g.adverb_endings) and w not in _NOT_ADVERBS)


def _adjective_here(tokens: Sequence[Token], i: int, lang: str) -> bool:
    """ "13.4 million registered voters": a participle followed by a noun is an adjective.
    Where the head comes first ("16 heridos graves"), the word after a plural agrees with
    it, so a word that does not ("16 heridos deja la caída") is a verb, not a modifier."""
    g = vocabulary.grammar(lang)
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if (
        nxt is None
        or not nxt.is_word
        or nxt.lower in g.phrase_breaks
        or is_verbish(nxt, lang)
        or nxt.lower in g.conjunctions
    ):
        return False
    return not (g.head_position == "first" and tokens[i].lower.endswith("s") and not nxt.lower.endswith("s"))


def _adverb(tok: Token, g: vocabulary.Grammar) -> bool:
    """An adverb by its ending ("seriously", "gravemente"): no noun of a phrase."""
    return tok.lower.endswith(("ly", *g.adverb_endings)) and len(tok.lower) > 5


def _group_pronoun(word: str, lang: str) -> bool:
    from .population import counted_words  # late: population reaches this module through memo

    return word in counted_words(lang).group_pronouns


def _tally_after(tokens: Sequence[Token], i: int, lang: str) -> bool:
    """An article, a tally noun and a partitive right after a figure ("27 el número de
    insurgentes", "40 le nombre de morts"): the tally names what the figure counts."""
    from .population import counted_words  # late: population reaches this module through memo

    g = vocabulary.grammar(lang)
    return (
        i + 3 < len(tokens)
        and tokens[i].lower in g.determiners
        and tokens[i + 1].lower in counted_words(lang).tally_nouns
        and tokens[i + 2].lower in g.partitive
    )


def _is_tally(tokens: Sequence[Token], i: int, lang: str) -> bool:
    from .population import counted_words  # late: population reaches this module through memo

    return i < len(tokens) and tokens[i].lower in counted_words(lang).tally_nouns


@cache
def reporting_forms(lang: str) -> frozenset[str]:
    """The reporting verbs and participles of the language, as written (one word each)."""
    table = vocabulary.attribution(lang)
    return frozenset(w for w in (*table.verbs, *table.participles) if " " not in w)


def _reported(word: str, lang: str) -> bool:
    """A participle of a reporting verb, in any gender and number ("anunciados",
    "confirmadas", "annoncés")."""
    known = reporting_forms(lang)
    if word in known:
        return True
    for end, base in (("os", "o"), ("as", "o"), ("a", "o"), ("es", ""), ("s", ""), ("e", ""), ("i", "o"), ("e", "o")):
        if word.endswith(end) and word[: -len(end)] + base in known:
            return True
    return False


def forward_phrase(
    tokens: Sequence[Token], start: int, is_number: set[int], blocked: set[int], lang: str = "en"
) -> SubjectPhrase | None:
    """The counted noun phrase starting at token ``start`` (after the number and unit);
    ``blocked`` tokens (a time: "233 Sunday") end it."""
    g = vocabulary.grammar(lang)
    head_first = g.head_position == "first"
    i = start
    if i < len(tokens) and (tokens[i].lower in g.partitive or contracted_partitive(tokens[i].lower, g.partitive)):
        i += 1  # "millones de personas"; "del lunes", "dei feriti": the partitive with its article
        if (
            i < len(tokens)
            and _group_pronoun(tokens[i].lower, lang)
            and (i + 1 >= len(tokens) or not tokens[i + 1].is_word or _adverb(tokens[i + 1], g))
        ):
            return None  # "three of them seriously", "12 of them.": the group before, no noun
        while i < len(tokens) and tokens[i].lower in g.determiners:
            i += 1
        if _is_tally(tokens, i, lang):
            return None  # "los 56 del balance oficial": the tally's figure counts what it counts
    elif _tally_after(tokens, i, lang):
        i += 3  # "cifraron en 27 el número de insurgentes abatidos": what the tally counts
    else:
        i = _postposed(tokens, i, lang)
    first = i
    if head_first and i < len(tokens) and _reported(tokens[i].lower, lang) and not event_noun(tokens[i].lower, lang):
        return None  # "frente a los 84 anunciados el sábado": the figure of a report, no noun
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
        if tok.lower in g.conjunctions or tok.lower in (",", "&"):
            nxt = i + 1
            if nxt < len(tokens) and (
                nxt in is_number
                or (
                    tokens[nxt].lower in g.articles
                    and nxt + 1 < len(tokens)
                    and tokens[nxt + 1].is_word
                    and tokens[nxt + 1].lower not in g.phrase_breaks
                )
            ):
                coordinated_number = bool(words)
                break
            if (
                tok.lower in g.conjunctions
                and tok.lower not in _NOT_JOINING
                and words
                and nxt < len(tokens)
                and tokens[nxt].is_word
                and tokens[nxt].lower not in g.phrase_breaks
                and tokens[nxt].lower not in g.determiners
                and not is_verbish(tokens[nxt], lang)
            ):
                words.append("and")
                i += 1
                continue
            break
        if not tok.is_word or i in is_number or i in blocked:
            break
        span = name_at(tokens, i, lang)
        if span > 1:
            # "privados de libertad", "members of the security forces": a listed name
            words.extend(t.text for t in tokens[i : i + span])
            last = i + span - 1
            i += span
            continue
        if tok.lower in g.phrase_breaks:
            break
        # "15 new deaths", "15 nuevos fallecimientos": words that only qualify the noun are
        # no noun of their own, so the event noun after them is what is counted
        modifiers_only = bool(words) and all(w.lower() in g.subject_modifiers for w in words)
        if words and head_first and not modifiers_only and (tok.lower in _event_words(lang) or is_verbish(tok, lang)):
            break  # "personas fallecidas": the participle after the noun says what happened
        participle = is_verbish(tok, lang) and (
            words or head_first or (tok.lower.endswith("ed") and not _adjective_here(tokens, i, lang))
        )
        if participle and ((words and not modifiers_only) or not event_noun(tok.lower, lang)):
            break  # "more than 300 injured": a participle is no noun, unless it names the counted
        if tok.lower in g.irregular_verbs:
            break  # "40,000 grew more restless": a verb, not what is counted
        if tok.lower in _event_words(lang) and ((words and not modifiers_only) or not event_noun(tok.lower, lang)):
            break  # "21 died in Jalisco": the event, not what is counted
        if "'" in tok.text or "’" in tok.text:
            break
        words.append(tok.text)
        last = i
        i += 1
        if (
            len(words) == 1
            and event_noun(tok.lower, lang)
            and tok.lower in _event_words(lang)
            and not _adjective_here(tokens, i - 1, lang)
        ):
            break  # "1.204 heridos", "300 dead": the noun is the event, nothing follows it
    while words and words[-1] == "and":
        words.pop()
    if not words:
        return None
    text = " ".join(words)
    return SubjectPhrase(first, last, tuple(words), text, i, coordinated_number)


def _known(tokens: Sequence[Token], k: int, lang: str) -> bool:
    if k >= len(tokens) or not tokens[k].is_word:
        return False
    heads_ = heads(lang)
    return (
        fold(tokens[k].lower) in heads_
        or fold(singular(tokens[k].lower, lang)) in heads_
        or name_at(tokens, k, lang) > 0
    )


def _postposed(tokens: Sequence[Token], i: int, lang: str) -> int:
    """Where the counted noun starts when it follows the figure after a determiner:
    "subieron a 58 el número de fallecidos", "aumentan hasta 31 los fallecidos",
    "rose to 212 the number of dead". Only a known noun is taken, so "killed 5 the day
    before" keeps its reading."""
    g = vocabulary.grammar(lang)
    j = i
    while j < len(tokens) and tokens[j].lower in g.determiners:
        j += 1
    if j == i:
        return i
    if _known(tokens, j, lang):
        return j
    # "en 4.027 el de heridos": the determiner stands for the noun of a figure before, and
    # the counted noun follows its "de"
    k = j if j < len(tokens) and tokens[j].lower in g.partitive else j + 1
    if k < len(tokens) and tokens[k].lower in g.partitive:
        k += 1
        while k < len(tokens) and tokens[k].lower in g.determiners:
            k += 1
        if _known(tokens, k, lang):
            return k
    return i


def normalize(words: Sequence[str], places: frozenset[str] = frozenset(), lang: str = "en") -> str | None:
    """The subject as a lower-case singular phrase, without modifiers that do not narrow
    it ("six different Ecuador prisons" counts "prison").

    >>> normalize(["guards", "and", "police", "officers"])
    'guard and police officer'
    >>> normalize(["different", "Ecuador", "prisons"], frozenset({"ecuador"}))
    'prison'
    """
    g = vocabulary.grammar(lang)
    head_first = g.head_position == "first"
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
        head = 0 if head_first else len(kept) - 1
        kept[head] = singular(kept[head], lang)
        out.append(" ".join(kept))
    return " and ".join(out) or None


def backward_class_noun(
    tokens: Sequence[Token], before: int, taken: set[int], lang: str = "en", floor: int = 0
) -> tuple[int, str] | None:
    """The nearest noun before token ``before`` that names a known class of counted thing
    ("the death toll from the storm ... rose to 2,300" counts the toll), not before token
    ``floor`` (a noun before the sentence's figure before is that figure's: "los heridos
    son 9.000 y los edificios derrumbados son 1.500")."""
    heads_ = heads(lang)
    low = max(0, before - 24, floor)
    window = [j for j in range(before - 1, low - 1, -1) if j not in taken and tokens[j].is_word]
    if any(_in_name(tokens, j) for j in window):
        g = vocabulary.grammar(lang)
        if not headline_case(tokens, g.phrase_breaks | g.determiners | g.conjunctions):
            # "el Servicio Médico Legal elevó la cifra a 112": a word of a body's name is
            # no class of what is counted (a sentence in title case has no names to tell)
            window = [j for j in window if not _in_name(tokens, j)]
    counted = _tallied(tokens, window, before, heads_, lang)
    if counted is not None:
        return counted
    # a toll word first ("the death toll from the storm that cut off villages ... rose
    # to 212"), then any other class noun
    for j in window:
        if event_noun(tokens[j].lower, lang):
            return j, singular(tokens[j].lower, lang)
    for j in window:
        word = singular(tokens[j].lower, lang)
        if fold(word) in heads_ or fold(tokens[j].lower) in heads_:
            return j, word
    return None


def _tallied(
    tokens: Sequence[Token], window: Sequence[int], before: int, heads_: frozenset[str], lang: str
) -> tuple[int, str] | None:
    """The class noun right after the nearest tally noun of ``window`` ("the number of
    people killed in the explosion has reached 153" counts people, not explosions; "la
    cifra de muertos"), past a partitive and articles; None when no class noun stands there."""
    from .population import counted_words  # late: population reaches this module through memo

    tallies = counted_words(lang).tally_nouns
    t = next((j for j in window if tokens[j].lower in tallies), None)
    if t is None:
        return None
    g = vocabulary.grammar(lang)
    for k in range(t + 1, before):
        low = tokens[k].lower
        if low in g.partitive or low in g.determiners:
            continue
        word = singular(low, lang)
        if event_noun(low, lang) or fold(word) in heads_ or fold(low) in heads_:
            # "el número de policías y guías secuestrados": a list of nouns is read whole
            listed = k + 1 < before and tokens[k + 1].lower in g.conjunctions
            return None if listed else (k, word)
        return None
    return None


def _in_name(tokens: Sequence[Token], j: int) -> bool:
    """Token ``j`` is a capitalised word beside another: a word of a multi-word name."""
    if not tokens[j].is_capitalized:
        return False
    return (j > 0 and tokens[j - 1].is_capitalized) or (j + 1 < len(tokens) and tokens[j + 1].is_capitalized)


def toll_class(tokens: Sequence[Token], j: int, lang: str = "en") -> tuple[str | None, str | None]:
    """(class, event) of the toll noun at token ``j``, narrowed by a class noun right before
    it: "la cifra de migrantes fallecidos", "the number of migrant deaths" count migrants.

    >>> from factcheck.extraction.tokens import tokenize
    >>> toll_class(tokenize("la cifra de migrantes fallecidos"), 4, "es")
    ('migrant', 'killed')
    """
    cls, event = classify([tokens[j].text], lang)
    if event is None or j == 0 or not tokens[j - 1].is_word:
        return cls, event
    from .population import qualifies_a_tally  # late: population reaches this module through memo

    if qualifies_a_tally(tokens, j - 1, lang):
        return cls, event  # "the official toll" counts no officials
    narrower = classify([tokens[j - 1].text], lang)[0]
    if narrower is not None and cls is not None and narrower != cls and cls in ancestors(narrower):
        return narrower, event
    return cls, event


_NOT_MEASURED = frozenset(
    {"series", "number", "total", "lot", "kind", "type", "wave", "string", "spate", "sees", "saw"}
)


def backward_head(
    tokens: Sequence[Token], before: int, taken: set[int], places: set[int], lang: str = "en", floor: int = 0
) -> tuple[int, str] | None:
    """The nearest noun before token ``before`` (and from token ``floor`` on) that no
    other figure counts: what a measure measures ("Held Hostage for Over a Day" measures
    the hostage-taking)."""
    g = vocabulary.grammar(lang)
    lo = max(floor, before - 16)
    for j in range(before - 1, lo - 1, -1):
        tok = tokens[j]
        if j in taken or j in places or not tok.is_word:
            continue
        if tok.lower in g.phrase_breaks or tok.lower in g.determiners or tok.lower in g.conjunctions:
            continue
        if tok.lower in g.partitive:
            continue
        if is_verbish(tok, lang) or tok.lower in g.auxiliaries or tok.lower in g.subject_modifiers:
            continue
        if tok.lower in g.irregular_verbs or tok.lower in _NOT_MEASURED:
            continue
        if tok.lower in _trend_words(lang) or tok.lower.endswith("fold"):
            continue  # "the toll could rise eightfold to 20,000": neither is what is counted
        return j, singular(tok.text, lang)
    return None
