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
from .tokens import PhraseIndex, Token

MAX_NAME_WORDS = 14


@dataclass(frozen=True, slots=True)
class Attribution:
    source: Source
    first: int  # first token of the name
    last: int  # last token of the name
    scope_from: int  # the claim must start at or after this token to be covered
    outer: bool  # "according to", trailing "X reports": covers the whole sentence


@cache
def _indexes(lang: str = "en") -> tuple[PhraseIndex, PhraseIndex, PhraseIndex, frozenset[str]]:
    table = vocabulary.attribution(lang)
    return (
        PhraseIndex((p, p) for p in table.prefix),
        PhraseIndex((v, v) for v in table.verbs),
        PhraseIndex((c, c) for c in table.trailing_cues),
        frozenset(table.pronouns),
    )


@cache
def _generic_sources(lang: str = "en") -> frozenset[str]:
    return frozenset(vocabulary.attribution(lang).generic_sources)


def _name_after(tokens: Sequence[Token], i: int, lang: str = "en") -> int:
    """Last token of a source name that starts at ``i`` and runs to the sentence's end or
    a clause break; an appositive after a comma is kept ("the prison service, Snai")."""
    g = vocabulary.grammar(lang)
    breaks = vocabulary.attribution(lang).name_breaks
    j = i
    last = i - 1
    while j < len(tokens) and j - i < MAX_NAME_WORDS:
        t = tokens[j]
        if t.text in '.;:!?"”' or (t.text == "(" and j > i):
            break
        if t.text == ",":
            nxt = tokens[j + 1] if j + 1 < len(tokens) else None
            if nxt is not None and (nxt.is_capitalized or nxt.lower in g.determiners) and _ends_sentence(tokens, j + 1):
                j += 1
                continue
            break
        if t.lower in g.relative and j > i:
            break
        if t.lower in breaks and j > i:
            break
        last = j
        j += 1
    return last


def _clause_start(tokens: Sequence[Token], cue: int, lang: str = "en") -> int:
    """Where the clause that a closing "according to X" belongs to begins: "A said 5 died
    in Turkey, while in Syria 3 died, according to B" gives B the Syrian figure only."""
    openers = vocabulary.attribution(lang).clause_openers
    for j in range(cue - 1, 0, -1):
        if tokens[j].text == ";" or (tokens[j].lower in openers and tokens[j - 1].text == ","):
            return j
    return 0


def _closes_clause(tokens: Sequence[Token], tail: int, verb: str = "", lang: str = "en") -> bool:
    """True when a reporting verb ends its clause: "..., AP reports.", "..., officials
    said, as rescuers ...", "..., the UN said on Tuesday."."""
    n = len(tokens)
    if tail >= n or tokens[tail].text in '.!?"”,;':
        return True
    table = vocabulary.attribution(lang)
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


def _name_before(tokens: Sequence[Token], verb: int, lang: str = "en") -> tuple[int, int] | None:
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
    while k >= 0:
        t = tokens[k]
        if t.text == ")":
            depth += 1
        elif t.text == "(" and depth:
            depth -= 1
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
    ):
        first += 1
    if first > last or last - first + 1 > MAX_NAME_WORDS:
        return None
    if tokens[first].lower in g.adverbial_openers and not tokens[first].is_capitalized:
        return None
    words = " ".join(t.lower for t in tokens[first : last + 1])
    if not any(t.is_capitalized or t.lower in g.determiners for t in tokens[first : last + 1]) and (
        words not in _generic_sources(lang)
    ):
        return None
    return first, last


def _source(tokens: Sequence[Token], body: str, first: int, last: int, cue: str) -> Source:
    return Source(
        name=body[tokens[first].start : tokens[last].end], cue=cue, start=tokens[first].start, end=tokens[last].end
    )


def find_attributions(tokens: Sequence[Token], body: str, lang: str = "en") -> list[Attribution]:
    """Every attribution in a sentence, outer ones (according to, trailing cues) first."""
    prefix, verbs, trailing, pronouns = _indexes(lang)
    determiners = vocabulary.grammar(lang).determiners
    out: list[Attribution] = []
    n = len(tokens)
    i = 0
    cues = prefix.firsts | verbs.firsts | trailing.firsts
    while i < n:
        if tokens[i].lower not in cues:
            i += 1
            continue
        hit = prefix.match_at(tokens, i)
        if hit is not None and i + hit[0] < n:
            start = i + hit[0]
            last = _name_after(tokens, start, lang)
            # "according to police spokeswoman Resila Onyango": a name, a determiner or a known
            # kind of unnamed source must follow, or "per" and "citing" are just words
            words = tokens[start : last + 1]
            named = any(t.is_capitalized for t in words) or tokens[start].lower in determiners
            if last >= start and (named or " ".join(t.lower for t in words) in _generic_sources(lang)):
                scope = _clause_start(tokens, i, lang)
                out.append(Attribution(_source(tokens, body, start, last, str(hit[1])), start, last, scope, True))
                i = last + 1
                continue
        hit = trailing.match_at(tokens, i)
        if hit is not None and i + hit[0] < n and tokens[i + hit[0]].is_capitalized:
            start = i + hit[0]
            last = _name_after(tokens, start, lang)
            out.append(Attribution(_source(tokens, body, start, last, str(hit[1]).strip("-—– ")), start, last, 0, True))
            i = last + 1
            continue
        hit = verbs.match_at(tokens, i)
        if hit is not None:
            verb = str(hit[1])
            tail = i + hit[0]
            # "..., AP reports." / "..., BBC noted.": a name between a comma and a closing verb
            if _closes_clause(tokens, tail, verb, lang):
                span = _name_before(tokens, i, lang)
                if span is not None and span[0] > 0 and tokens[span[0] - 1].text == ",":
                    out.append(Attribution(_source(tokens, body, span[0], span[1], verb), span[0], span[1], 0, True))
                    i = tail
                    continue
            # "..., said John Smith, a spokesman."
            after_comma = i > 0 and (
                tokens[i - 1].text == "," or (tokens[i - 1].text in "\"”’'" and i > 1 and tokens[i - 2].text == ",")
            )
            if after_comma and tail < n and (tokens[tail].is_capitalized or _determiner_name(tokens, tail, lang)):
                last = _name_after(tokens, tail, lang)
                out.append(Attribution(_source(tokens, body, tail, last, verb), tail, last, 0, True))
                i = last + 1
                continue
            span = _name_before(tokens, i, lang)
            if span is not None:
                first, last = span
                out.append(Attribution(_source(tokens, body, first, last, verb), first, last, i, False))
        i += 1
    return out


def _determiner_name(tokens: Sequence[Token], i: int, lang: str) -> bool:
    """ "..., informó la Secretaría de Salud": a determiner and a capitalised name."""
    return (
        tokens[i].lower in vocabulary.grammar(lang).determiners and i + 1 < len(tokens) and tokens[i + 1].is_capitalized
    )


def resolve_pronoun(source: Source, previous: Source | None, lang: str = "en") -> Source | None:
    """A pronoun speaker stands for the last named source, when there is one."""
    _, _, _, pronouns = _indexes(lang)
    if source.name.lower() in pronouns:
        return previous.model_copy(update={"cue": source.cue}) if previous else None
    return source


def source_for(attributions: Sequence[Attribution], q_first: int, q_last: int) -> Source | None:
    """The source of a claim at tokens ``q_first``..``q_last``: the outer attribution, with
    an inner speaker as ``via`` where the sentence has both."""
    covering = [a for a in attributions if not (a.first <= q_first <= a.last) and q_first >= a.scope_from]
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
