"""Numbers that are no claims: dates ("October 15", "19 de septiembre"), years ("in 2021"),
clock times, ordinals, names and labels ("Section 427", "COVID-19", "Flight 370"), slashed
codes ("9/11", "24/7"), fractions ("two-thirds") and "one" as a pronoun.

Every word list comes from the language's data (``grammar.yaml``, ``numbers.yaml``); this
module holds the order in which the tests apply and why."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from .. import vocabulary
from ..gazetteer import gazetteer
from .identifiers import named
from .measures import letters_after_digits, unit_at
from .money import currency_before, glued_prefixes
from .numbers import NumberMention
from .subjects import singular
from .taxonomy import class_at
from .tokens import PhraseIndex, Token

_ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th"})
_PRONOUN_ONE_BEFORE = frozenset(
    {
        "no",
        "the",
        "any",
        "every",
        "each",
        "this",
        "that",
        "which",
        "anyone",
        "someone",
        "only",
        "last",
        "little",
        "right",
        "wrong",
        "big",
        "new",
        "young",
    }
)


def attached(a: Token, b: Token) -> bool:
    """Two tokens written with nothing between them ("COVID-19", "5km")."""
    return a.end == b.start


_SUPERLATIVE_REACH = 4  # "uno de los destinos turísticos más importantes"


def _member_of_a_superlative(tokens: Sequence[Token], last: int, lang: str) -> bool:
    """ "one of the deadliest", "uno de los más mortíferos", "uno dei peggiori": the number
    names a member of a class ranked by a superlative, never a count of one."""
    g = vocabulary.grammar(lang)
    k = last + 1
    if k >= len(tokens) or tokens[k].lower not in g.partitive | {"of"}:
        return False
    for t in tokens[k + 1 : k + 2 + _SUPERLATIVE_REACH]:
        if t.text in ",;:.!?":
            return False
        low = t.lower
        if low in g.superlatives or (g.superlative_endings and low.endswith(g.superlative_endings) and t.is_word):
            return True
    return False


def _label_closing(tokens: Sequence[Token], m: NumberMention, labels: frozenset[str], lang: str) -> bool:
    """Digits right after a label word in lower case, or after one and a word that
    qualifies it ("estrada nacional 236", "la carretera federal 15"), that close a clause
    (nothing but punctuation after them): a road's or a room's number, where a count
    would stand before its noun ("el primer día 40 personas")."""
    nxt = tokens[m.last + 1] if m.last + 1 < len(tokens) else None
    if nxt is not None and (nxt.is_word or nxt.text[:1].isdigit()):
        return False
    g = vocabulary.grammar(lang)
    for back in (1, 2):
        k = m.first - back
        word = tokens[k] if k >= 0 else None
        if word is None or not word.is_word or word.is_capitalized:
            return False
        if word.lower in labels:
            return True
        if word.lower in g.phrase_breaks or word.lower in g.count_leads or word.lower in g.auxiliaries:
            return False  # "raised the figure to 14.": the figure a verb gives
    return False


def _label_of_a_place(tokens: Sequence[Token], m: NumberMention, g: vocabulary.Grammar) -> bool:
    """Digits after an article (or a locative that holds one: "nel", "no") and a label word
    in lower case, and before a partitive ("el campo 11 de Balukhali", "nel campo 11 di
    Balukhali"): the number names the camp or the wing of what follows; a count would come
    before its own noun ("en el campo 11 personas")."""
    if m.first < 2 or m.last + 1 >= len(tokens):
        return False
    label, article, nxt = tokens[m.first - 1], tokens[m.first - 2], tokens[m.last + 1]
    return (
        label.is_word
        and not label.is_capitalized
        and label.lower in g.label_words
        and (article.lower in g.articles | g.determiners or article.lower in g.locatives)  # "nel", "no"
        and nxt.lower in g.partitive
    )


def _compound_modifier(tokens: Sequence[Token], m: NumberMention, lang: str) -> bool:
    """ "a nine-storey apartment building", "a 12-lane highway": a number hyphenated to a
    noun that, with an article before it, qualifies the noun after it; what is counted is
    a part of the thing described, never people. A unit ("a 24-hour curfew", "a
    13-year-old boy") makes it a measure or an age, read elsewhere."""
    k = m.last + 1
    if m.first == 0 or k + 2 >= len(tokens) or tokens[k].text not in "-–" or not attached(tokens[m.last], tokens[k]):
        return False  # most numbers have no hyphen after them: the cheap test first
    g = vocabulary.grammar(lang)
    if tokens[m.first - 1].lower not in g.articles | g.determiners:
        return False
    word, after = tokens[k + 1], tokens[k + 2]
    if not (attached(tokens[k], word) and word.is_word and after.is_word and not after.is_capitalized):
        return False
    if unit_at(tokens, k + 1, lang) is not None or after.lower in g.phrase_breaks | g.conjunctions:
        return False
    return _scale_words(lang).match_at(tokens, k + 1) is None  # "the 7.8-magnitude quake": a reading


def _size_of_a_thing(tokens: Sequence[Token], m: NumberMention, lang: str) -> bool:
    """ "a building of four storeys", "un edificio de cuatro pisos", "isang apat na palapag
    na gusali": after an article or a partitive, a number before a noun that measures a
    thing (``size_nouns``) describes the thing; the storeys were not killed, and the place
    after them belongs to the figure before."""
    if m.first == 0:
        return False
    g = vocabulary.grammar(lang)
    if not g.size_nouns or tokens[m.first - 1].lower not in g.articles | g.partitive:
        return False
    k = m.last + 1
    if k < len(tokens) and tokens[k].lower in g.partitive and tokens[k].lower not in g.size_nouns:
        k += 1  # the Tagalog linker: "apat na palapag"
    return k < len(tokens) and tokens[k].lower in g.size_nouns


@cache
def _scale_words(lang: str) -> PhraseIndex:
    """The words written after a number that make it a reading on a scale ("magnitude")."""
    table = vocabulary.units(lang).scales
    return PhraseIndex((w, name) for name, s in table.items() for w in s.after)


def not_a_claim(tokens: Sequence[Token], m: NumberMention, lang: str = "en") -> str | None:
    """Why the number at ``m`` is not a count or measure (a date, a year, ...), or None.

    >>> from .numbers import find_numbers
    >>> from .tokens import tokenize
    >>> toks = tokenize("a runoff vote on October 15")
    >>> not_a_claim(toks, find_numbers(toks)[0])
    'date'
    >>> toks = tokenize("el sismo del 19 de septiembre")
    >>> not_a_claim(toks, find_numbers(toks, "es")[0], "es")
    'date'
    """
    g = vocabulary.grammar(lang)
    nums = vocabulary.numbers(lang)
    months = vocabulary.months(lang)
    tok = tokens[m.first]
    prev = tokens[m.first - 1] if m.first > 0 else None
    nxt = tokens[m.last + 1] if m.last + 1 < len(tokens) else None
    if m.kind in ("digits", "words"):
        name = named(tokens, m, lang)
        if name is not None:
            return name
    if m.kind == "digits":
        if nxt is not None and attached(tokens[m.last], nxt) and nxt.is_word:
            if nxt.lower in _ORDINAL_SUFFIXES:
                return "ordinal"
            if nxt.lower == "s" and len(tok.text) == 4:
                return "decade"
            if not letters_after_digits(nxt, lang):
                return "name"  # 5G, 3D, 737MAX
        if prev is not None and attached(prev, tok):
            if (
                prev.is_word
                and prev.lower not in ("us", "c", "a", "au", "ca", "rd", "mx", "r")
                and prev.text not in glued_prefixes(lang)  # RM79, USD10m: a currency (money.py)
            ):
                return "name"  # G20, A1
            if (
                prev.text in "-–"
                and m.first >= 2
                and tokens[m.first - 2].is_word
                and attached(tokens[m.first - 2], prev)
                and not _number_word(tokens[m.first - 2].lower, lang)
                and tokens[m.first - 2].lower not in _prefix_qualifiers(lang)
            ):
                return "name"  # COVID-19, F-16, mid-2020
            if prev.text == "#":
                return "label"
        if _slashed(tokens, m):
            return "date"  # 9/11, 24/7, 9/1/2023
        before = tokens[m.first - 2] if m.first >= 2 else None
        if (
            prev is not None
            and prev.text in "-–"
            and before is not None
            and before.is_digit
            and len(before.text) == 4
            and attached(before, prev)
        ):
            return "year"  # the 2023-24 season
        # "15:30", "9.45": a clock time is written close; "subió a 15: 12 en El Oro" is a
        # total and its first part
        if (
            prev is not None
            and prev.text in ":."
            and before is not None
            and before.is_digit
            and attached(before, prev)
            and attached(prev, tok)
        ):
            return "time"
        if (
            nxt is not None
            and nxt.text == ":"
            and m.last + 2 < len(tokens)
            and tokens[m.last + 2].is_digit
            and attached(tokens[m.last], nxt)
            and attached(nxt, tokens[m.last + 2])
        ):
            return "time"
        if nxt is not None and (
            nxt.lower in g.time_words
            or (
                # "5 p.m.", not "164p." at the end of a sentence (pence)
                nxt.lower in ("a", "p")
                and m.last + 3 < len(tokens)
                and tokens[m.last + 2].text == "."
                and tokens[m.last + 3].lower == "m"
            )
        ):
            return "time"
    if (
        m.kind == "words"
        and tok.is_capitalized
        and prev is not None
        and prev.is_word
        and not prev.is_capitalized
        and nxt is not None
        and nxt.is_word
        and nxt.is_capitalized
    ):
        return "name"  # "em Quatro Barras", "near Three Rivers": a capital mid-sentence names a place
    if _compound_modifier(tokens, m, lang) or _size_of_a_thing(tokens, m, lang):
        return "modifier"
    if m.value is not None and m.kind in ("digits", "words"):
        if prev is not None and prev.lower in months:
            return "date"
        if prev is not None and prev.text == "." and m.first >= 2 and tokens[m.first - 2].lower in months:
            return "date"
        if nxt is not None and (
            nxt.lower in months
            or (nxt.lower in g.partitive and m.last + 2 < len(tokens) and tokens[m.last + 2].lower in months)
        ):
            return "date"
        if prev is not None and prev.is_capitalized and prev.lower in g.label_words and m.kind == "digits":
            return "label"
        if prev is not None and prev.lower in g.number_labels and m.kind == "digits":
            return "label"  # "la masacre número 12 del año": the twelfth
        if m.kind == "digits" and _label_closing(tokens, m, g.label_words, lang):
            return "label"  # "na estrada nacional 236.", "on the ring road 5,": a road's number
        if m.kind == "digits" and _label_of_a_place(tokens, m, g):
            return "label"  # "el campo 11 de Balukhali", "le pavillon 4 de la prison"
        if prev is not None and prev.text == "." and m.first >= 2 and tokens[m.first - 2].lower in ("no", "nos"):
            return "label"  # No. 1
        if m.kind == "digits" and _designation(tokens, m, lang) and currency_before(tokens, m.first, lang) is None:
            return "name"  # Apollo 11 landed
        if m.kind == "digits" and _named_after_noun(tokens, m, lang):
            return "name"  # "le gang 400 Mawozo", "la banda 18 Calle": a thing named by a number
        if nxt is not None and (
            nxt.lower in nums.fractions
            or (nxt.text in "-–" and m.last + 2 < len(tokens) and tokens[m.last + 2].lower in nums.fractions)
        ):
            return "fraction"  # two-thirds: a share of a total, not a count
    # "the 1000 hp barrier", "$2000": a unit or currency makes it a measure, not a year (measures.py)
    if (
        m.kind == "digits"
        and m.value is not None
        and _is_year(tokens, m, lang)
        and unit_at(tokens, m.last + 1, lang) is None
        and currency_before(tokens, m.first, lang) is None
    ):
        return "year"
    if m.kind == "words" and m.value == 1 and m.first == m.last and _member_of_a_superlative(tokens, m.last, lang):
        return "member"  # "one of the deadliest tragedies", "uno de los peores terremotos"
    if m.kind == "words" and tok.lower == "one" and m.first == m.last:
        if prev is not None and prev.lower in _PRONOUN_ONE_BEFORE:
            return "pronoun"
        if nxt is None or nxt.lower in ("another", "day", "way", "time", "thing", "point", "side"):
            return "pronoun"
        if nxt.lower == "of" and m.last + 2 < len(tokens) and tokens[m.last + 2].lower in ("these", "those"):
            after = tokens[m.last + 3] if m.last + 3 < len(tokens) else None
            if after is None or not after.is_word:
                return "pronoun"  # "near the scene of one of these.": which one, not how many
        if nxt.text in ".,;:!?'\"’”)" or nxt.lower in (
            "who",
            "that",
            "which",
            "is",
            "was",
            "has",
            "can",
            "could",
            "would",
            "should",
            "will",
            "might",
            "must",
            "does",
            "did",
        ):
            return "pronoun"
    return None


def _is_year(tokens: Sequence[Token], m: NumberMention, lang: str = "en") -> bool:
    """Four digits from 1000 to 2200 are a year unless something makes them a count: a
    plural noun after them ("2000 people"), a unit ("1520 sq m", "1000 hp"), a currency or
    a qualifier before them ("$2000", "about 1000"), or a range that ends in one ("2000 -
    2500 Calories")."""
    tok = tokens[m.first]
    if len(tok.text) != 4 or not tok.text.isdigit() or m.value is None or not 1000 <= m.value <= 2200:
        return False
    g = vocabulary.grammar(lang)
    prev = tokens[m.first - 1] if m.first > 0 else None
    after = m.last + 1
    if (
        prev is not None
        and prev.lower not in g.year_context
        and (prev.lower in _count_markers(lang) or prev.text in _currency_symbols(lang))
    ):
        return False
    if after + 1 < len(tokens) and tokens[after].lower in ("-", "–", "to") and tokens[after + 1].is_digit:
        after += 2  # "2000 - 2500 Calories", "2019-2020 season"
    nxt = tokens[after] if after < len(tokens) else None
    if after == m.last + 1 and _level_of_tally(tokens, m, lang):
        return False
    if nxt is None or not nxt.is_word:
        return True
    if _unit_words(lang).match_at(tokens, after) is not None:
        return False  # "the 1000 hp mark": a unit makes it a measure even after "the"
    if prev is not None and prev.lower in g.year_context:
        return True  # "in 2020 elections"
    plural_noun = nxt.lower not in g.phrase_breaks and singular(nxt.lower, lang) != nxt.lower
    return not plural_noun


_TALLY_REACH = 8  # "El número de heridos se sitúa ya en 1557": noun to figure


def _level_of_tally(tokens: Sequence[Token], m: NumberMention, lang: str) -> bool:
    """A number that closes a clause saying where a tally stands is its level, not a year:
    "El número de heridos se sitúa ya en 1557.", "The number of injured stands at 1557.".
    It takes a count noun of something ("número de", "toll of"), then a verb that moves or
    states a tally ("sitúa", "asciende", "stands", "rose"), then the number after its lead
    ("en", "at"), with nothing after it in the clause; "el peor balance fue en 2017" has
    no "de" after its count noun and stays a year. English names what is counted before
    the count noun instead ("the death toll rose to 1557")."""
    g = vocabulary.grammar(lang)
    table = vocabulary.attribution(lang)
    nxt = tokens[m.last + 1] if m.last + 1 < len(tokens) else None
    if nxt is not None and nxt.text not in ".;:":
        return False
    if m.first < 2 or tokens[m.first - 1].lower not in g.count_leads:
        return False
    verbs = (g.count_leads - g.year_context - g.determiners - g.partitive) | table.revisions
    verb = False
    for k in range(m.first - 2, max(-1, m.first - 2 - _TALLY_REACH), -1):
        t = tokens[k]
        if not t.is_word:
            return False  # the clause ends before a count noun: "en 2017, la cifra ..."
        if t.lower in verbs:
            verb = True
        elif verb and t.lower in table.count_nouns:
            of_something = k + 1 < m.first and tokens[k + 1].lower in g.partitive
            # "the death toll rose to 1557": English names what a tally counts before it
            before = tokens[k - 1] if k > 0 else None
            compound = (
                g.head_position == "last"
                and before is not None
                and before.is_word
                and before.lower not in g.determiners
            )
            return of_something or compound
    return False


@cache
def _count_markers(lang: str) -> frozenset[str]:
    """Last words of the qualifiers before a number ("about", "more than"): a year is seldom
    qualified, a count often is."""
    phrases = [p for q in vocabulary.qualifiers(lang).qualifiers.values() for p in q.before]
    return frozenset(p.split()[-1].lower() for p in phrases if p.strip())


@cache
def _prefix_qualifiers(lang: str) -> frozenset[str]:
    """Qualifiers written as a prefix ("sub-7 nanometer"): not a name like "COVID-19"."""
    phrases = [p for q in vocabulary.qualifiers(lang).qualifiers.values() for p in q.before]
    return frozenset(p.rstrip("- ").lower() for p in phrases if p.endswith("-"))


@cache
def _currency_symbols(lang: str) -> frozenset[str]:
    return frozenset(s for c in vocabulary.units(lang).currencies.values() for s in c.symbols_before)


@cache
def _unit_words(lang: str) -> PhraseIndex:
    table = vocabulary.units(lang)
    return PhraseIndex((w, u) for u, words in table.units.items() for w in words)


def _slashed(tokens: Sequence[Token], m: NumberMention) -> bool:
    """Digits joined by a slash to other digits: dates and codes, never counts."""
    prev = tokens[m.first - 1] if m.first > 0 else None
    nxt = tokens[m.last + 1] if m.last + 1 < len(tokens) else None
    if prev is not None and prev.text == "/" and m.first >= 2 and tokens[m.first - 2].is_digit:
        return attached(tokens[m.first - 2], prev) and attached(prev, tokens[m.first])
    if nxt is not None and nxt.text == "/" and m.last + 2 < len(tokens) and tokens[m.last + 2].is_digit:
        return attached(tokens[m.last], nxt) and attached(nxt, tokens[m.last + 2])
    return False


_ACRONYM = (2, 4)
"""How many capital letters a model's or a code's letters have ("ATR 72", "MH 17", "AK 47")."""


def _designation(tokens: Sequence[Token], m: NumberMention, lang: str = "en") -> bool:
    """ "Apollo 11 landed", "Flight 370 vanished": a capitalised name and a number that no
    noun follows name a thing; places are exempt ("in Ecuador 57 guards ...")."""
    g = vocabulary.grammar(lang)
    if m.first < 2:
        return False
    prev, before = tokens[m.first - 1], tokens[m.first - 2]
    nxt = tokens[m.last + 1] if m.last + 1 < len(tokens) else None
    if not (prev.is_word and prev.is_capitalized) or before.text in '.:;!?"“(' or not before.text.strip():
        return False
    if prev.lower in g.months or prev.lower in g.weekdays or prev.lower in g.phrase_breaks:
        return False
    if gazetteer().lookup(prev.text) or gazetteer().country_of_demonym(prev.text):
        return False
    if (m.value is not None and m.value < 0) or (nxt is not None and nxt.text == "%"):
        return False  # "FTSE -0.6%", "Nasdaq 1.2%": a move, not a name
    if (
        _ACRONYM[0] <= len(prev.text) <= _ACRONYM[1]
        and prev.text.isalpha()
        and prev.text.isupper()
        and not (before.text.isalpha() and before.text.isupper())
    ):
        # "the ATR 72 aircraft", "un ATR 72 con 71 personas", "MH 17": a model or a code; not a
        # line in capitals ("TOTAL 324 DEAD")
        return True
    if before.is_capitalized and before.is_word and nxt is not None and nxt.is_word and nxt.is_capitalized:
        return False  # a headline in title case: "Ecuador Releases 57 Guards"
    return nxt is None or not nxt.is_word or (nxt.lower.endswith(("ed", "ing")) and len(nxt.lower) > 4)


def _named_after_noun(tokens: Sequence[Token], m: NumberMention, lang: str) -> bool:
    """An article, a noun in lower case, then digits and a capitalised word that is no place
    nor nationality ("le gang 400 Mawozo", "the gang 400 Mawozo"): the digits open the
    name the noun goes by; a count stands before its noun, not after another."""
    if m.first < 2 or m.last + 1 >= len(tokens):
        return False
    g = vocabulary.grammar(lang)
    det, noun, nxt = tokens[m.first - 2], tokens[m.first - 1], tokens[m.last + 1]
    if det.lower not in g.determiners or not noun.is_word or noun.is_capitalized:
        return False
    if noun.lower in g.auxiliaries or noun.lower in g.phrase_breaks or noun.lower in g.label_words:
        return False  # "the 40 Ecuadorians", "los 12 Marines": no noun before the digits
    if not (nxt.is_word and nxt.is_capitalized) or nxt.text.isupper():
        return False
    if class_at(tokens, m.last + 1, lang) is not None:
        return False  # "in the province 12 Marines died": a count of what it names
    gaz = gazetteer()
    return not gaz.lookup(nxt.text) and gaz.country_of_demonym(nxt.text) is None


def _number_word(word: str, lang: str = "en") -> bool:
    nums = vocabulary.numbers(lang)
    return word in nums.units or word in nums.tens
