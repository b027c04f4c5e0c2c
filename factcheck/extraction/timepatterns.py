"""The patterns of time expressions, built once per language from its time words, and the
checks that read the words around a match (is a four-digit number a year, does a time
date an event, which relation word stands before it)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from .. import vocabulary
from .timewords import TimeMention, TimeWords, flat, time_words


def alt(words: Sequence[str]) -> str:
    """A regex alternation of phrases, longest first, spaces matching any run of spaces."""
    forms = sorted({flat(w) for w in words}, key=len, reverse=True)
    if not forms:
        return "(?!)"  # no phrase: a group that never matches, never an empty one that always does
    return "|".join(r"\s+".join(re.escape(p) for p in f.split()) for f in forms)


_LETTERS = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True, slots=True)
class Gate:
    """The words a group of phrases needs in a text before its pattern can match: each
    phrase's runs of letters, indexed by its first. Every pattern that uses the phrases
    bounds them by white space or a word boundary, so each of those runs is a whole run of
    letters of the matched text; a text whose runs of letters (:func:`letter_runs`) hold
    none of the phrases is not searched at all. ``firsts`` is None when some phrase does not
    begin with a letter: then the pattern always runs.

    >>> gate = Gate.of(["last week", "so far"])
    >>> gate.open(letter_runs("47 died so far")), gate.open(letter_runs("47 died, so says far"))
    (True, True)
    >>> gate.open(letter_runs("47 died last year"))
    False
    """

    firsts: frozenset[str] | None
    needs: dict[str, tuple[frozenset[str], ...]]

    @classmethod
    def of(cls, phrases: Sequence[str]) -> Gate:
        needs: dict[str, list[frozenset[str]]] = {}
        for form in {flat(p) for p in phrases}:
            runs = _LETTERS.findall(form)
            if not runs or not form.startswith(runs[0]):
                return cls(None, {})
            needs.setdefault(runs[0], []).append(frozenset(runs))
        return cls(frozenset(needs), {k: tuple(v) for k, v in needs.items()})

    def open(self, words: frozenset[str] | set[str]) -> bool:
        """Whether a text with these runs of letters may hold one of the phrases."""
        if self.firsts is None:
            return True
        if self.firsts.isdisjoint(words):
            return False
        return any(need <= words for w in self.firsts & words for need in self.needs[w])


def letter_runs(text: str) -> set[str]:
    """The runs of letters of a (folded) text, for :class:`Gate`."""
    return set(_LETTERS.findall(text))


@dataclass(frozen=True, slots=True)
class Patterns:
    words: TimeWords
    iso: re.Pattern[str]
    numeric: re.Pattern[str]
    dmy: re.Pattern[str]
    mdy: re.Pattern[str]
    month_year: re.Pattern[str]
    bare_month: re.Pattern[str]
    weekday: re.Pattern[str]
    relative: re.Pattern[str]
    period: re.Pattern[str]
    clock: re.Pattern[str]
    clock_suffixed: re.Pattern[str]
    clock_prefixed: re.Pattern[str] | None
    dateline: re.Pattern[str] | None
    year: re.Pattern[str]
    relation: re.Pattern[str]
    far_since: re.Pattern[str] | None
    months: Gate
    weekdays: Gate
    relative_days: Gate
    periods: Gate
    clock_suffixes: Gate
    clock_articles: Gate


_NOT_DIGIT_BEFORE = r"(?<![0-9.,:/-])"
_NOT_DIGIT_AFTER = r"(?![0-9]|[.,:/][0-9])"


@cache
def patterns(language: str) -> Patterns:
    w = time_words(language)
    since = [word for word, relation in w.relations.items() if relation == "since"]
    mon, wd = alt(list(w.months)), alt(list(w.weekdays))
    wd_prefix = rf"(?:(?P<wd>{wd})\s*,?\s+)?"
    year = rf"(?P<y>[0-9]{{4}}){_NOT_DIGIT_AFTER}"
    every = alt(w.clock_suffixes)
    return Patterns(
        words=w,
        iso=re.compile(rf"{_NOT_DIGIT_BEFORE}(?P<y>[0-9]{{4}})-(?P<m>[0-9]{{2}})-(?P<d>[0-9]{{2}}){_NOT_DIGIT_AFTER}"),
        numeric=re.compile(rf"{_NOT_DIGIT_BEFORE}(?P<a>[0-9]{{1,2}})(?P<sep>[/.-])(?P<b>[0-9]{{1,2}})(?P=sep){year}"),
        dmy=re.compile(
            rf"\b{wd_prefix}(?P<d>[0-9]{{1,2}})(?:º|°|st|nd|rd|th|er|ro)?\s+(?:de\s+)?(?P<m>{mon})\b\.?"
            rf"(?:\s*,?\s*(?:del?\s+)?{year})?"
        ),
        mdy=re.compile(
            rf"\b{wd_prefix}(?P<m>{mon})\b\.?\s+(?P<d>[0-9]{{1,2}})(?:st|nd|rd|th)?(?![0-9]|[.,][0-9])"
            rf"(?:\s*,?\s*(?:de\s+)?{year})?"
        ),
        month_year=re.compile(rf"\b(?P<m>{mon})\b\.?\s*,?\s+(?:del?\s+)?{year}"),
        bare_month=re.compile(rf"\b(?:{alt(w.month_prepositions)})\s+(?P<m>{mon})\b"),
        weekday=re.compile(
            rf"\b(?:(?P<pre>{alt(w.day_parts_before)})\s+)?(?:(?P<mod>{alt(list(w.weekday_modifiers))})\s+)?"
            # "nesta terça-feira (14)": Brazilian copy writes the day of the month after the weekday
            rf"(?P<wd>{wd})\b(?:\s*\((?P<dom>[0-9]{{1,2}})\))?(?:\s+(?P<part>{alt(w.day_parts)})\b)?"
        ),
        relative=re.compile(rf"\b(?P<r>{alt(list(w.relative_days))})\b(?:\s+(?P<part>{alt(w.day_parts)})\b)?"),
        period=re.compile(rf"\b(?P<p>{alt(list(w.periods))})\b"),
        clock=re.compile(
            rf"{_NOT_DIGIT_BEFORE}(?P<h>[0-9]{{1,2}})(?::|h)(?P<mi>[0-9]{{2}})(?![0-9]|[.,][0-9])"
            rf"(?:\s*(?P<suf>{every})(?!\w))?"
        ),
        clock_suffixed=re.compile(
            rf"(?:\b(?P<pre>{alt(w.clock_prefixes)})\s+)?{_NOT_DIGIT_BEFORE}(?P<h>[0-9]{{1,2}})"
            rf"(?:\.(?P<mi>[0-9]{{2}}))?\s*(?P<suf>{every})(?!\w)"
        ),
        # "a las 9.15 del martes", "alle 14.30", "intorno alle 2,": the article of the hours
        # makes a time of an hour with its minutes, or of a bare hour that ends the phrase
        # ("alle 20 vittime" counts victims)
        clock_prefixed=re.compile(
            rf"\b(?P<pre>{alt(w.clock_articles)})\s+{_NOT_DIGIT_BEFORE}(?P<h>[0-9]{{1,2}})"
            rf"(?:[.:h](?P<mi>[0-9]{{2}}))?(?![0-9]|[.,][0-9])(?(mi)|(?=\s*(?:[,.;:)]|$)))"
        )
        if w.clock_articles
        else None,
        # "Rosario, 12 mar (Télam).-": a month written as a common word ("mar", the sea) is a
        # month before the agency's name in brackets
        dateline=re.compile(rf"\b(?P<d>[0-9]{{1,2}})\s+(?P<m>{alt(list(w.dateline_months))})\b\.?(?=\s*\()")
        if w.dateline_months
        else None,
        year=re.compile(rf"{_NOT_DIGIT_BEFORE}(?P<y>1[89][0-9]{{2}}|20[0-9]{{2}}){_NOT_DIGIT_AFTER}"),
        relation=re.compile(rf"\b(?P<rel>{alt(list(w.relations))})\s+$"),
        far_since=re.compile(rf"\b(?:{alt(since)})\b[^.;:!?0-9\n]{{0,{_FAR_SINCE}}}$") if since else None,
        months=Gate.of(list(w.months)),
        weekdays=Gate.of(list(w.weekdays)),
        relative_days=Gate.of(list(w.relative_days)),
        periods=Gate.of(list(w.periods)),
        clock_suffixes=Gate.of(w.clock_suffixes),
        clock_articles=Gate.of(w.clock_articles),
    )


def is_year(text: str, m: re.Match[str], w: TimeWords) -> bool:
    """A four-digit number is a year after a year preposition ("in 2021"), after a
    possessive ("Haiti's 2010 earthquake"), before an event noun ("the 1985 quake") or in
    parentheses; not when a count leads to it ("más de 2000 personas")."""
    before = text[max(0, m.start() - 40) : m.start()]
    after = text[m.end() : m.end() + 30]
    prev_words = re.findall(r"[^\W\d_]+(?:['’]s)?|[(]", before)
    next_words = re.findall(r"[^\W\d_]+", after)
    nxt = next_words[0] if next_words else ""
    if before.rstrip().endswith(tuple(w.count_leads)):
        return False
    if nxt in w.event_nouns or before.endswith(("'s ", "’s ")):
        return True
    if before.endswith("(") and after.startswith(")"):
        return True
    if not prev_words:
        return False
    prev = prev_words[-1]
    two = " ".join(prev_words[-2:])
    if prev in w.year_prepositions or two in w.year_prepositions or prev in w.months:
        # "in 2000 people": a plural word right after makes it a count
        return nxt in w.event_nouns or not count_follows(text, m.end())
    return False


def count_follows(text: str, end: int) -> bool:
    """A plural-looking word right after a number makes it a count ("2000 people")."""
    nxt = re.match(r" +([^\W\d_]+)", text[end : end + 30])
    return nxt is not None and (nxt[1].endswith("s") and len(nxt[1]) > 3 or nxt[1] in _IRREGULAR_PLURALS)


_IRREGULAR_PLURALS = frozenset({"people", "men", "women", "children", "police", "personas", "gente"})


def non_overlapping(found: list[TimeMention]) -> list[TimeMention]:
    """The longest mention wins where two overlap ("Tuesday, March 28" over "Tuesday")."""
    out: list[TimeMention] = []
    for t in sorted(found, key=lambda t: (-(t.end - t.start), t.start)):
        if all(t.end <= o.start or t.start >= o.end for o in out):
            out.append(t)
    return sorted(out, key=lambda t: t.start)


def with_relation(t: TimeMention, p: Patterns, text: str, offset: int) -> TimeMention:
    m = p.relation.search(text, max(0, t.start - offset - 24), t.start - offset)
    if m is None:
        # "since unrest broke out in December", "desde el inicio de las protestas contra el
        # Gobierno, en diciembre": a month at the end of a since-phrase starts the period its
        # figure has run over (not a year: "the deadliest since one in Colombia in 1999 killed")
        far = p.far_since if t.kind == "month" else None
        if far is not None and far.search(text, max(0, t.start - offset - _FAR_SINCE - 24), t.start - offset):
            return replace(t, relation="since")
        return t
    return replace(t, relation=p.words.relations[re.sub(r"\s+", " ", m["rel"])])


_OF = frozenset({"of", "de", "del", "on", "in", "en"})
_FAR_SINCE = 90
"""How far (in characters, with no figure, stop or colon between) a since-word may stand
before the month that ends its phrase."""
_WHEN_NEAR = 3
"""How many words after a when-word (``when_words``) an event noun may stand for the time
before it to be the event's ("el miércoles, cuando el huracán Otis ... azotó")."""
_AFTER_TIME = re.compile(r"\s*,\s*((?:[^\W\d_]+\s+){1,6})")


def _when_event(text: str, at: int, w: TimeWords) -> bool:
    """Whether the time ending at ``at`` is followed by a clause set off by a comma that
    tells its event: a when-word, then an event noun within a few words ("desde las primeras
    horas del miércoles, cuando el huracán Otis ... azotó", "on Saturday, when the quake
    struck"). Not "Saturday, when officials said": the clause must name the event; nor
    "were killed Tuesday when a quake hit", where the day is the killing's, told with it."""
    m = _AFTER_TIME.match(text, at)
    if m is None:
        return False
    words = m.group(1).split()
    for k in (1, 2, 3):
        if " ".join(words[:k]) in w.when_words:
            return any(word in w.event_nouns for word in words[k : k + _WHEN_NEAR])
    return False


_EVENT_WORD = re.compile(r"[^\W\d_]+")
_RISE_TO = re.compile(r"\b(?:to|a|à|para)\s+\d")


def _rise_after_event(window: str, w: TimeWords) -> bool:
    """A change to a figure ("rose to 366") written between the window's last event noun
    and its end, where the time stands."""
    last = None
    for m in _EVENT_WORD.finditer(window):
        if m.group() in w.event_nouns:
            last = m.end()
    return last is not None and _RISE_TO.search(window, last) is not None


"""A figure after the preposition of a change ("rose to 366", "subió a 366", "passé à 366")."""
_FOLLOWING = re.compile(r"(?:['’]s)?[ \t]+([^\W\d_]+)(?:[ \t]+([^\W\d_]+))?")


def with_event(t: TimeMention, w: TimeWords, text: str, offset: int) -> TimeMention:
    """Marks a time that dates an event noun beside it ("the 1985 quake", "Saturday's
    earthquake", "el sismo de magnitud 7,8 del sábado", "the September 19 quake") or follows
    an event verb ("the quake that struck Saturday", "que sacudió el sábado")."""
    if t.kind not in ("date", "year", "weekday", "month", "clock", "relative_day"):
        return t
    # the event noun must follow on the same line: "the 1985 quake", "Saturday's earthquake"
    follow = _FOLLOWING.match(text, t.end - offset)
    near = [w for w in (follow.groups() if follow else ()) if w]
    window = text[max(0, t.start - offset - 50) : t.start - offset]
    # only the time's own sentence: "The quake struck on Saturday. On Sunday the toll rose"
    cut = max(window.rfind(". "), window.rfind("\n"))
    before = _EVENT_WORD.findall(window[cut + 1 :])[-5:]
    is_event = (
        any(word in w.event_nouns for word in near)
        or _when_event(text, t.end - offset, w)
        or (
            len(before) >= 2
            and before[-1] in _OF
            and any(word in w.event_nouns for word in before[:-1])
            # "the toll from the shipwreck rose to 366 on Saturday": the day of the toll's rise
            and not _rise_after_event(window[cut + 1 :], w)
        )
        or any(" ".join(before[-k:]) in w.event_verbs for k in (1, 2, 3) if len(before) >= k)
        or any(" ".join(before[-k - 1 : -1]) in w.event_verbs for k in (1, 2) if len(before) > k)
    )
    if is_event:
        return replace(t, event=True)
    if _relative_event(before, text, t.end - offset, w):
        return replace(t, event=True, in_clause=True)
    return t


_WORD = re.compile(r"[^\W\d_]+")
_ARTICLE = 3
"""The longest word that may stand between a relative word and its time: an article or a
preposition ("che il 18 gennaio", "que na sexta-feira")."""
_AUXILIARY = 2
"""How many words (an auxiliary, a reflexive) may stand between the time and the event verb
("che il 18 gennaio ha travolto", "que el lunes se derrumbó")."""


def _relative_event(before: list[str], text: str, at: int, w: TimeWords) -> bool:
    """The time stands in a relative clause between its relative word and the clause's
    event verb ("la valanga che il 18 gennaio ha travolto l'hotel", "el edificio que el
    lunes se derrumbó"): it dates that event, not a figure of the sentence."""
    if not w.relatives or not before:
        return False
    if not (
        before[-1] in w.relatives or (len(before) >= 2 and before[-2] in w.relatives and len(before[-1]) <= _ARTICLE)
    ):
        return False
    after = _WORD.findall(text, at, at + 60)[: _AUXILIARY + 2]
    return any(
        " ".join(after[i : i + k]) in w.event_verbs
        for i in range(_AUXILIARY + 1)
        for k in (1, 2)
        if i + k <= len(after)
    )


@cache
def report_words(language: str) -> tuple[frozenset[str], frozenset[str]]:
    """(reporting verbs, words that may stand between such a verb and its time) of a
    language, folded, from its attribution words: "said on Tuesday", "dijo este martes"."""
    a = vocabulary.attribution(language)
    verbs = frozenset(flat(v) for v in [*a.verbs, *a.revisions, *a.short_tail_verbs] if " " not in v)
    # "la cifra de muertos, actualizada este viernes": the day a figure was updated is a report's
    return verbs | time_words(language).update_words, frozenset(flat(w) for w in a.time_openers)


def with_report(t: TimeMention, language: str, text: str, offset: int) -> TimeMention:
    """Marks a weekday, relative day or date written right after a reporting verb ("the
    government said Saturday", "informó hoy 18 de abril", "raised the toll on Sunday"), or
    after the verb and its speaker ("según informaron las autoridades mexicanas este
    lunes"): the day the figure was given out."""
    if t.kind not in ("date", "weekday", "relative_day"):
        return t
    verbs, openers = report_words(language)
    before = _WORD.findall(text[max(0, t.start - offset - 40) : t.start - offset])[-4:]
    while before and before[-1] in openers and before[-1] not in verbs:
        before.pop()
    if not before or before[-1] not in verbs:
        if t.event:
            return t
        return replace(t, reported=True) if _said_by_before(t, language, text, offset) else t
    if t.event:
        follow = _FOLLOWING.match(text, t.end - offset)
        nouns = time_words(language).event_nouns
        if follow and any(w in nouns for w in follow.groups() if w):
            return t  # "officials reported Saturday's quake killed 50": the quake's day
    # right after a reporting verb the day is when the figure was given out, whatever event
    # noun stands further back ("The disaster agency Conred said on Friday")
    return replace(t, reported=True, event=False, in_clause=False)


_SAYER_WORDS = 3
"""At most this many words of a speaker between a reporting verb and its time ("informaron
las autoridades mexicanas este lunes")."""


def _said_by_before(t: TimeMention, language: str, text: str, offset: int) -> bool:
    """A reporting verb, then its speaker in a few words, then the time: "según informaron
    las autoridades mexicanas este lunes". Not when a clause opens between them ("dijo que
    murieron el lunes") or a number stands there (a figure, not a speaker)."""
    verbs, _ = report_words(language)
    span = text[max(0, t.start - offset - 60) : t.start - offset]
    words = _WORD.findall(span)[-(_SAYER_WORDS + 1) :]
    at = max((i for i, w in enumerate(words) if w in verbs), default=-1)
    if at < 0 or at == len(words) - 1:
        return False
    between = words[at + 1 :]
    block = _blockers(language)
    tail = span[span.rfind(words[at]) :]
    return not any(w in block for w in between) and not any(c.isdigit() for c in tail)


@cache
def _blockers(language: str) -> frozenset[str]:
    """Words that open a clause of its own: after them a time is no longer the verb's."""
    a, g = vocabulary.attribution(language), vocabulary.grammar(language)
    return frozenset(
        flat(w) for w in [*a.subordinators, *a.clause_openers, *a.tail_openers, *a.agent_markers, *g.relative]
    )
