"""From number mentions to quantities: qualifiers, ranges, units and currencies. Which
numbers are no claims at all (dates, years, clock times, names) is decided in
:mod:`~factcheck.extraction.notclaims`.

Every word list used here lives in ``data/``; this module holds the order in which the
rules apply and why."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from .. import vocabulary
from ..intervals import DEFAULT_TOLERANCE, from_qualifier
from ..units import canonical
from .ellipsis import carry_units
from .fractions import find_fractions, halves_after_units
from .identifiers import is_score_or_code
from .measures import glued_metres, unit_after
from .money import currency_before, currency_in_number
from .notclaims import attached as _attached
from .notclaims import not_a_claim
from .numbers import NumberMention, find_numbers
from .ranges import join_ranges, opener_at, range_end
from .rates import attach_rates
from .restated import share_readings
from .scales import read_scales
from .signs import signed
from .taxonomy import ancestors, class_at, event_noun
from .tokens import PhraseIndex, Token


@dataclass(slots=True)
class Found:
    """A quantity located in a sentence's tokens, before it becomes a :class:`Quantity`."""

    first: int  # first token of the whole expression (qualifier included)
    last: int  # last token (unit and trailing qualifier included)
    num_first: int
    num_last: int
    value: float | None
    low: float | None
    high: float | None
    low_open: bool
    high_open: bool
    qualifier: str
    unit: str | None = None
    unit_text: str | None = None
    trend: str | None = None
    kind: str = "digits"
    per: str | None = None  # the denominator of a rate (rates.py)

    @property
    def indefinite(self) -> bool:
        return self.kind == "indefinite"


def qualifiers_before(lang: str = "en") -> PhraseIndex:
    """The qualifiers written before a figure ("unos", "more than"), each with its name."""
    return _indexes(lang)[0]


@cache
def _indexes(lang: str = "en") -> tuple[PhraseIndex, PhraseIndex, PhraseIndex, PhraseIndex, PhraseIndex]:
    quals = vocabulary.qualifiers(lang).qualifiers
    before = PhraseIndex((p, name) for name, q in quals.items() for p in q.before)
    after = PhraseIndex((p, name) for name, q in quals.items() for p in q.after)
    table = vocabulary.units(lang)
    unit_words = PhraseIndex(
        [(w, canonical(u)) for u, words in table.units.items() for w in words]
        + [(w, code) for code, c in table.currencies.items() for w in c.words]
    )
    symbols = PhraseIndex((s, code) for code, c in table.currencies.items() for s in c.symbols_before)
    trends = PhraseIndex(
        (form, ev.trend) for ev in vocabulary.events(lang).events.values() if ev.trend for form in ev.forms
    )
    return before, after, unit_words, symbols, trends


@cache
def _approximations(lang: str) -> frozenset[str]:
    return frozenset(" ".join(w.lower().split()) for w in vocabulary.numbers(lang).approximate)


def _approximate(tokens: Sequence[Token], first: int, last: int, lang: str) -> bool:
    """A collective numeral that says about how many ("una veintena", "un centenar", "una
    decina"): ``approximate`` in the language's numbers.yaml."""
    words = _approximations(lang)
    return bool(words) and " ".join(t.lower for t in tokens[first : last + 1]) in words


_TIME_UNITS = frozenset({"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"})


_AGE_REACH = 4  # "ranged in age from 3 to 37", "between the ages of 3 and 7"


def _age(
    tokens: Sequence[Token],
    mentions: list[NumberMention],
    idx: int,
    lang: str,
    rng: tuple[NumberMention, float] | None,
) -> int | None:
    """The last token of an age at mention ``idx`` (with the other end of a range of ages,
    ``rng``: :func:`range_end` of the mention), None when it is no age: a number after one
    of the language's ``age_before`` words, or before one of its ``age_after`` phrases
    (``grammar.yaml``)."""
    g = vocabulary.grammar(lang)
    m = mentions[idx]
    last = rng[0].last if rng is not None else m.last
    if _age_after(tokens, last + 1, g.age_after):
        return last
    before = False
    for t in reversed(tokens[max(0, m.first - _AGE_REACH) : m.first]):
        if not t.is_word or t.is_digit:
            break  # "... 33 años de edad, 1 de los cuales": an age does not reach past a comma
        if t.lower in g.age_before:
            before = True
            break
    if not before:
        return None
    # "the average age of the 40 victims": a number with a counted noun counts them
    counted = last + 1 < len(tokens) and (
        class_at(tokens, last + 1, lang) is not None or event_noun(tokens[last + 1].text, lang) is not None
    )
    if counted:
        return None
    if rng is None and idx + 1 < len(mentions) and mentions[idx + 1].first == last + 2:
        joiner = tokens[last + 1].lower
        if joiner in g.conjunctions or joiner in _AGE_JOINERS:
            return mentions[idx + 1].last  # "between the ages of 3 and 7": both ends
    return last


_AGE_JOINERS = frozenset({"to", "-", "–", "a"})


def _age_after(tokens: Sequence[Token], k: int, phrases: tuple[str, ...]) -> bool:
    # a phrase can only match where its first word stands first (most numbers are
    # followed by no age word at all): one set look-up before the words are joined
    first = next((t.lower for t in tokens[k : k + 8] if t.text not in "-‑–"), None)
    if first is None:
        return "" in phrases  # no words: only an empty phrase is them
    if first not in _first_words(phrases):
        return False
    words = [t.lower for t in tokens[k : k + 8] if t.text not in "-‑–"][:4]
    text = " ".join(words)
    return any(text == p or text.startswith(p + " ") for p in phrases)


@cache
def _first_words(phrases: tuple[str, ...]) -> frozenset[str]:
    """The first word of each phrase (``text.startswith(p + " ")`` or ``text == p`` needs it)."""
    return frozenset(p.split(" ", 1)[0] for p in phrases)


def find_quantities(tokens: Sequence[Token], tolerance: float = DEFAULT_TOLERANCE, lang: str = "en") -> list[Found]:
    """Every claim-worthy quantity in a sentence's tokens.

    >>> from .tokens import tokenize
    >>> [(f.value, f.qualifier, f.unit) for f in find_quantities(tokenize("within less than 36 hours"))]
    [(36.0, 'less_than', 'hour')]
    >>> [(f.low, f.high, f.qualifier) for f in find_quantities(tokenize("between 40 and 50 people"))]
    [(40.0, 50.0, 'range')]
    """
    before, after, unit_words, _, trends = _indexes(lang)
    mentions = signed(tokens, find_numbers(tokens, lang), lang)
    mentions = find_fractions(tokens, mentions, lang, lambda i: unit_words.match_at(tokens, i) is not None)
    mentions.extend(_article_numbers(tokens, mentions, before, unit_words, lang))
    mentions.extend(counted_articles(tokens, mentions, lang))
    mentions.sort(key=lambda m: m.first)
    found: list[Found] = []
    skip_until = -1
    ages_until = -1  # the last token of an age read so far ("between the ages of 3 and 7")
    for idx, m in enumerate(mentions):
        if m.first <= skip_until:
            continue
        if not_a_claim(tokens, m, lang) is not None:
            # a number hyphenated to one that is no claim is none either: "Sept. 20-24",
            # "beat Charlton 2-1"
            if _dash_joined(tokens, mentions, idx):
                skip_until = mentions[idx + 1].last
            continue
        if is_score_or_code(tokens, m, mentions, idx, lang):
            skip_until = mentions[idx + 1].last
            continue
        rng = range_end(tokens, mentions, idx, lang)  # read by the age test and below
        # "aged 20 to 45", "ranged in age from 3 to 37": an age in years, never a count
        age_end = _age(tokens, mentions, idx, lang, rng)
        is_age = age_end is not None or m.first <= ages_until
        ages_until = max(ages_until, age_end if age_end is not None else -1)
        value: float | None = m.value
        low: float | None = m.low
        high: float | None = m.high
        qualifier = "vague" if m.vague else "exact"
        num_first, num_last = m.first, m.last
        if rng is not None:
            other, low_end = rng
            assert other.value is not None
            low, high = sorted((low_end, other.value))
            value, qualifier, num_last = None, "range", other.last
            skip_until = other.last
        first, last = num_first, num_last
        opened = opener_at(tokens, first, lang) if rng is not None else None
        if opened is not None:
            first = opened
        # a currency before the number: "$5", "US$ 58.24", "RM79", "USD10m" (money.py)
        unit: str | None = None
        unit_text: str | None = None
        sym = currency_before(tokens, first, lang)
        metres = glued_metres(tokens, num_first, num_last) if sym is None and value is not None else None
        if metres is not None and value is not None:
            # "37m (121ft)-long": the "m" read as a million was a metre
            unit, last = metres[0], metres[1]
            unit_text = " ".join(t.text for t in tokens[num_last : last + 1])
            value = low = high = value / 1e6
        elif sym is not None:
            size, code = sym
            unit, first = code, first - size
            unit_text = " ".join(t.text for t in tokens[first : first + size])
        elif last + 1 < len(tokens) and tokens[last + 1].text == "%":
            unit, unit_text, last = "percent", "%", last + 1
        else:
            k = last + 1
            if (
                k < len(tokens)
                and tokens[k].text in "-–"
                and k + 1 < len(tokens)
                and _attached(tokens[last], tokens[k])
            ):
                k += 1  # "24-hour"
            # a unit word, abbreviation or currency after it: "5 km", "450 Nm", "1,200€" (measures.py)
            hit = unit_after(tokens, k, num_last, lang)
            if hit is not None:
                k, size, unit = hit
                unit_text, last = " ".join(t.text for t in tokens[k : k + size]), k + size - 1
            else:
                unit = currency_in_number(tokens, num_last, lang)  # "5 mdp"
        if unit is not None:
            skip_until = max(skip_until, last)  # "20 per cento": the unit's "cento" is no number
        if is_age and unit is None:
            unit = "year"
        # "Over a Day" needs a unit: "a" alone is never a number
        if m.kind == "article" and unit is None:
            continue
        qual = before.match_ending(tokens, first - 1)
        if qual is not None and qualifier == "exact":
            size, qualifier = qual[0], str(qual[1])
            first -= size
        elif qual is not None and qualifier == "range" and qual[1] == "approximately":
            first -= qual[0]  # "about 2000 - 2500": the range keeps its hedge in its text
        post = after.match_at(tokens, last + 1)
        if (
            post is None
            and last + 1 < len(tokens)
            and tokens[last + 1].text == "+"
            and _attached(tokens[last], tokens[last + 1])
        ):
            post = (1, "at_least")
        if post is not None and qualifier == "exact":
            qualifier = str(post[1])
            last += post[0]
        if qualifier == "exact" and _approximate(tokens, num_first, num_last, lang):
            qualifier = "approximately"  # "una veintena", "una decina": about twenty, about ten
        if qualifier not in ("exact", "vague", "range") and value is not None:
            iv = from_qualifier(
                value, qualifier, tolerance, non_negative=unit not in ("degree_Celsius", "degree_Fahrenheit")
            )
            low, high, low_open, high_open = iv.low, iv.high, iv.low_open, iv.high_open
        else:
            low_open = high_open = False
        trend = _trend(tokens, first, last, trends)
        found.append(
            Found(
                first,
                last,
                num_first,
                num_last,
                value,
                low,
                high,
                low_open,
                high_open,
                qualifier,
                unit,
                unit_text,
                trend,
                m.kind,
            )
        )
    found = join_ranges(tokens, carry_units(tokens, found, lang), lang, lambda i: _trend_word(tokens, i, trends))
    found = share_readings(tokens, halves_after_units(tokens, found, lang), tolerance)
    return read_scales(tokens, attach_rates(tokens, found, lang), lang)


def _dash_joined(tokens: Sequence[Token], mentions: list[NumberMention], idx: int) -> bool:
    """The next number is glued to this one by a dash ("20-24")."""
    if idx + 1 >= len(mentions):
        return False
    m, n = mentions[idx], mentions[idx + 1]
    return n.first == m.last + 2 and tokens[m.last + 1].text in "-–" and tokens[m.last + 1].end == tokens[n.first].start


def _trend_word(tokens: Sequence[Token], i: int, trends: PhraseIndex) -> str | None:
    """The direction of a verb of change ending at token ``i`` ("rose", "dropping")."""
    hit = trends.match_ending(tokens, i) if i >= 0 else None
    return None if hit is None else str(hit[1])


@cache
def _number_articles(lang: str) -> frozenset[str]:
    return frozenset(vocabulary.numbers(lang).articles)


def _article_numbers(
    tokens: Sequence[Token],
    mentions: list[NumberMention],
    before: PhraseIndex,
    unit_words: PhraseIndex,
    lang: str = "en",
) -> list[NumberMention]:
    """ "a day" in "over a day", "less than a week": one, when a qualifier and a time unit
    stand around the article. Without the qualifier "a day" is too often not a figure."""
    taken = {i for m in mentions for i in range(m.first, m.last + 1)}
    articles = _number_articles(lang)
    extra = []
    for i, tok in enumerate(tokens):
        if tok.lower in articles and i not in taken and before.match_ending(tokens, i - 1) is not None:
            hit = unit_words.match_at(tokens, i + 1)
            if hit is not None and str(hit[1]) in _TIME_UNITS:
                extra.append(NumberMention(i, i, 1.0, 1.0, 1.0, "article"))
    return extra


_NOUN_TO_FIGURE = 2  # "a population of 900,000", "un saldo de unos 45"


def counted_articles(tokens: Sequence[Token], mentions: list[NumberMention], lang: str = "en") -> list[NumberMention]:
    """ "un muerto", "Un bombero falleció", "al menos un vecino perdió la vida", "a guard
    was killed": the indefinite article before a noun of the people a report counts, or a
    noun that names what happened to them, is a count of one. Whether it is a claim is
    decided with its event (composer: no event in its own clause, no claim), so "a private
    security guard said" stays no figure.

    >>> from .tokens import tokenize
    >>> [(m.first, m.value) for m in counted_articles(tokenize("dejó un muerto y 30 heridos"), [], "es")]
    [(1, 1.0)]
    >>> counted_articles(tokenize("a state of emergency"), [])
    []
    >>> text = tokenize("seis en Guerrero y una en Oaxaca")
    >>> [(m.first, m.kind) for m in counted_articles(text, find_numbers(text, "es"), "es")]
    [(4, 'words')]
    """
    taken = {i for m in mentions for i in range(m.first, m.last + 1)}
    starts = {m.first for m in mentions}
    g = vocabulary.grammar(lang)
    partitive = g.partitive
    articles = _number_articles(lang)
    out = []
    for i in range(len(tokens) - 1):
        if tokens[i].lower not in articles or i in taken or not tokens[i + 1].is_word:
            continue
        if _list_item_one(tokens, i, starts, g.conjunctions, g.additive_places):
            out.append(NumberMention(i, i, 1.0, 1.0, 1.0, "words"))
            continue
        of = i + 2 < len(tokens) and tokens[i + 2].lower in partitive
        if of and any(k in starts for k in range(i + 3, i + 3 + _NOUN_TO_FIGURE)):
            continue  # "a population of 400,000", "un saldo de 12": the noun is the figure's
        noun = tokens[i + 1].lower
        hit = class_at(tokens, i + 1, lang)
        if event_noun(noun, lang) is not None or (hit is not None and "person" in ancestors(hit[1])):
            out.append(NumberMention(i, i, 1.0, 1.0, 1.0, "article_count"))
    return out


def _list_item_one(
    tokens: Sequence[Token], i: int, starts: set[int], conjunctions: frozenset[str], places: frozenset[str]
) -> bool:
    """ "13 muertos, seis más en Guerrero y una en Oaxaca": the article alone as the last
    item of a list of figures by place stands for one of the noun the list counts, as "uno"
    would; the list decides its noun and event (subjectlayer.py)."""
    return (
        i > 0
        and (tokens[i - 1].lower in conjunctions or tokens[i - 1].text == ",")
        and tokens[i + 1].lower in places
        and any(k < i for k in starts)
    )


def _trend(tokens: Sequence[Token], first: int, last: int, trends: PhraseIndex) -> str | None:
    """ "rose 5%", "up 19 cents", "fell by 3", "a 5% increase": the direction of a change."""
    j = first - 1
    if j >= 0 and tokens[j].lower in ("by", "to"):
        j -= 1  # "fell by 3", "fell to 3"
    hit = trends.match_ending(tokens, j)
    if hit is not None:
        return str(hit[1])
    hit = trends.match_at(tokens, last + 1)
    if hit is not None and tokens[last + 1].lower not in ("up", "down", "lower", "higher"):
        return str(hit[1])
    return None
