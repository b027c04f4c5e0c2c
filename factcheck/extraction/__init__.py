"""Claim extraction: from article text to typed, attributed, located claims.

The rules live in one module each (numbers, quantities, subjects, events, places, times,
attribution) and read their words from ``factcheck/data``; this module runs them over a
document in one pass, sentence by sentence."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path

from .. import vocabulary
from ..documents import gather
from ..gazetteer import gazetteer
from ..intervals import DEFAULT_TOLERANCE
from ..models import Claim, Document, Place, Quantity, Source
from ..units import canonical, to_base
from .attribution import Attribution, find_attributions, resolve_pronoun, source_for
from .events import find_event
from .places import PlaceMention, doc_country_place, document_countries, find_places
from .quantities import Found, find_quantities
from .subjects import SubjectPhrase, backward_class_noun, backward_head, forward_phrase, normalize
from .times import find_time
from .tokens import Token, split_sentences, tokenize

__all__ = ["extract", "extract_document", "extract_text"]

_COUNTLESS_UNITS = frozenset({"percent"})
_COUNT_LEADS = frozenset(
    {"to", "reached", "hit", "topped", "passed", "exceeded", "rose", "rises", "climbed", "stood", "stands", "at", "of"}
)


def extract_text(text: str, document_id: str = "text", **kwargs: object) -> list[Claim]:
    """Claims in a piece of text, for quick use and doctests.

    >>> [(c.quantity.value, c.quantity.qualifier, c.subject) for c in extract_text("At least 31 people died.")]
    [(31.0, 'at_least', 'person')]
    """
    return extract_document(Document(id=document_id, body=text), **kwargs)  # type: ignore[arg-type]


def extract(items: Iterable[str | Path | Document], tolerance: float = DEFAULT_TOLERANCE) -> list[Claim]:
    """Claims from articles given as paths (files or folders) or :class:`Document` records.

    Unreadable files raise :class:`~factcheck.errors.ArticleReadError`; use
    :func:`factcheck.load_documents` to collect errors and carry on instead."""
    docs, errors = gather(items)
    if errors:
        raise errors[0]
    claims: list[Claim] = []
    for doc in docs:
        claims.extend(extract_document(doc, tolerance=tolerance))
    return claims


def extract_document(
    doc: Document, tolerance: float = DEFAULT_TOLERANCE, include_indefinite: bool = False
) -> list[Claim]:
    """Every numeric claim in one document, in text order. Indefinite amounts ("several
    facilities") assert no checkable figure and are left out unless asked for."""
    body = doc.body
    # only capitalised words can name a country; tokenising just those keeps long
    # articles cheap
    countries = document_countries([t for m in _CAPITALISED.finditer(body) for t in tokenize(m.group(), m.start())])
    default_place = doc_country_place(countries)
    claims: list[Claim] = []
    newlines = [m.start() for m in re.finditer("\n", body)]
    last_named: Source | None = None
    numbers, cues = _prefilters()
    for index, (s_start, s_end) in enumerate(split_sentences(body)):
        has_number = numbers.search(body, s_start, s_end) is not None
        if not has_number and cues.search(body, s_start, s_end) is None:
            continue  # no figure and no attribution: nothing to extract or carry over
        sent = tokenize(body[s_start:s_end], s_start)
        attributions = find_attributions(sent, body)
        resolved = []
        for a in attributions:
            src = resolve_pronoun(a.source, last_named)
            if src is not None:
                resolved.append(a if src is a.source else type(a)(src, a.first, a.last, a.scope_from, a.outer))
        found = find_quantities(sent, tolerance) if has_number else []
        if not include_indefinite:
            found = [f for f in found if not f.indefinite]
        if found:
            claims.extend(
                _sentence_claims(
                    doc, sent, found, resolved, countries, default_place, index, (s_start, s_end), tolerance
                )
            )
        named = [a.source for a in resolved if any(w[:1].isupper() for w in a.source.name.split())]
        if named:
            last_named = named[-1]
    return [_locate(c, newlines, doc.body_line) for c in claims]


_CAPITALISED = re.compile(r"[A-Z][\w'’.]*(?:[ \t]+(?:de |del |la |los |el )?[A-Z][\w'’.]*){0,3}")


@cache
def _prefilters() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Regexes that tell, without tokenising, whether a sentence may hold a figure or an
    attribution; most sentences of an article hold neither."""
    nums = vocabulary.numbers()
    words = {
        *nums.units,
        *nums.tens,
        *nums.scales,
        *(w.split()[0] for w in nums.fixed),
        "dozen",
        *(w.split()[0] for w in nums.vague),
        *(w.split()[0] for w in nums.indefinite),
    }
    numbers = re.compile(
        r"\d|\b(?:" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + r")\b", re.IGNORECASE
    )
    table = vocabulary.attribution()
    cue_words = (
        {w.split()[0] for w in table.prefix}
        | set(table.verbs)
        | {c.strip("-—– ").split()[0] for c in table.trailing_cues if c.strip("-—– ")}
    )
    cues = re.compile(
        r"\b(?:" + "|".join(sorted(map(re.escape, cue_words), key=len, reverse=True)) + r")\b", re.IGNORECASE
    )
    return numbers, cues


def _locate(claim: Claim, newlines: list[int], body_line: int) -> Claim:
    """Line and column of a claim in the file, for CI annotations."""
    k = bisect.bisect_left(newlines, claim.quantity.start)
    line_start = newlines[k - 1] + 1 if k else 0
    return claim.model_copy(update={"line": body_line + k, "column": claim.quantity.start - line_start + 1})


def _sentence_claims(
    doc: Document,
    sent: Sequence[Token],
    found: list[Found],
    attributions: list[Attribution],
    countries: list[str],
    default_place: Place | None,
    index: int,
    span: tuple[int, int],
    tolerance: float,
) -> list[Claim]:
    body = doc.body
    places = find_places(sent, countries)
    place_tokens = {
        i for p in places for i in range(p.first, p.last + 1) if p.place.kind in ("country", "city", "province")
    }
    place_words = frozenset(t.lower for i, t in enumerate(sent) if i in place_tokens) | _demonym_words(sent)
    time = find_time(sent, doc.published)
    is_number = {i for f in found for i in range(f.num_first, f.num_last + 1)}
    phrases: dict[int, SubjectPhrase | None] = {}
    taken: set[int] = set()
    for k, f in enumerate(found):
        phrase = None
        if f.unit is None:
            phrase = forward_phrase(sent, f.last + 1, is_number, place_tokens)
            if phrase is not None:
                taken.update(range(phrase.first, phrase.last + 1))
        phrases[k] = phrase
        taken.update(range(f.first, f.last + 1))
    # "Three adults and a minor": the article of the last conjunct counts one
    extra: list[Found] = []
    for k in range(len(found)):
        phrase = phrases[k]
        if (
            phrase is not None
            and phrase.coordinated_number
            and phrase.stop + 1 < len(sent)
            and sent[phrase.stop + 1].lower in ("a", "an")
            and phrase.stop + 1 not in is_number
        ):
            j = phrase.stop + 1
            extra.append(Found(j, j, j, j, 1.0, 1.0, 1.0, False, False, "exact", kind="article"))
            is_number.add(j)
    for f in extra:
        found.append(f)
        phrase = forward_phrase(sent, f.last + 1, is_number, place_tokens)
        phrases[len(found) - 1] = phrase
        if phrase is not None:
            taken.update(range(phrase.first, phrase.last + 1))
    order = sorted(range(len(found)), key=lambda k: found[k].first)
    groups: dict[int, str] = {}
    for pos, k in enumerate(order):
        phrase = phrases[k]
        if phrase is not None and phrase.coordinated_number and pos + 1 < len(order):
            nxt = order[pos + 1]
            gid = groups.setdefault(k, f"{doc.id}:{sent[found[k].first].start}")
            groups[nxt] = gid
    claims: list[Claim] = []
    group_events: dict[str, tuple[str, int, int] | None] = {}
    previous_subject: tuple[str | None, str | None, int | None, int | None] | None = None
    for k in order:
        f = found[k]
        phrase = phrases[k]
        subject = subject_text = None
        s_first = s_last = None
        if phrase is not None and not (len(phrase.words) == 1 and phrase.words[0].lower() in _elided()):
            subject = normalize(phrase.words, place_words)
            subject_text = body[sent[phrase.first].start : sent[phrase.last].end]
            s_first, s_last = phrase.first, phrase.last
        elif f.unit is not None and f.unit not in _COUNTLESS_UNITS and f.unit in _measure_units():
            head = backward_head(sent, f.first, taken, place_tokens)
            if head is not None:
                subject, subject_text = head[1], sent[head[0]].text
        elif (
            previous_subject is not None
            and f.unit is None
            and (
                (f.last + 1 < len(sent) and sent[f.last + 1].lower in _elided())
                or (f.first > 0 and sent[f.first - 1].lower in ("and", "while", "with"))
            )
        ):
            # "9,500 inmates ... around 3,000 more": the elided noun is the earlier one
            subject, subject_text, s_first, s_last = previous_subject
        elif f.unit is None and f.first > 0 and sent[f.first - 1].lower in _COUNT_LEADS:
            # "the death toll rose to 11,000": what is counted was named before the figure
            head = backward_class_noun(sent, f.first, taken)
            if head is not None:
                subject, subject_text = head[1], sent[head[0]].text
        if f.unit is None and subject is not None:
            previous_subject = (subject, subject_text, s_first, s_last)
        event = find_event(sent, f.first, f.last, s_first, s_last, phrase.stop if phrase else None)
        group = groups.get(k)
        if group is not None:
            # the parts of "the release of 50 guards and seven police officers" share one event
            event = group_events.setdefault(group, event)
        comparative = phrase is None and f.last + 1 < len(sent) and sent[f.last + 1].lower in _elided()
        place = _choose_place(places, f, attributions, sent) or default_place
        source = source_for(attributions, f.first, f.last)
        claims.append(
            _claim(
                doc,
                sent,
                f,
                subject,
                subject_text,
                s_first,
                s_last,
                event,
                place,
                source,
                time,
                index,
                span,
                group,
                comparative,
            )
        )
    return claims


def _elided() -> frozenset[str]:
    return vocabulary.grammar().elided_heads


@cache
def _measure_units() -> frozenset[str]:
    """Units that measure something (hours, km), as opposed to currencies and percentages."""
    return frozenset(canonical(u) for u in vocabulary.units().units)


def _demonym_words(sent: Sequence[Token]) -> frozenset[str]:
    gaz = gazetteer()
    return frozenset(t.lower for t in sent if t.is_capitalized and gaz.country_of_demonym(t.text))


def _choose_place(
    places: list[PlaceMention], f: Found, attributions: list[Attribution], sent: Sequence[Token]
) -> Place | None:
    """The narrowest place the sentence gives, nearest the figure, ignoring places inside a
    source's name ("the governor of Azuay province" is who speaks, not where it applies)."""
    spans = [(a.first, a.last) for a in attributions]
    candidates = [p for p in places if not any(a <= p.first <= b for a, b in spans)]
    if not candidates:
        return None
    # "In Ecuador, 44 hostages held at a prison in Cuenca": the sentence narrows its own
    # scope, so a place that contains another candidate gives way to the narrower one
    inner = [
        p
        for p in candidates
        if not any(o is not p and p.place.name and p.place.name in o.place.within for o in candidates)
    ]
    candidates = inner or candidates

    def distance(p: PlaceMention) -> int:
        if p.last < f.first:
            return f.first - p.last
        if p.first > f.last:
            return p.first - f.last
        return 0

    best = min(candidates, key=lambda p: (distance(p), p.place.kind == "country"))
    return best.place


def _claim(
    doc: Document,
    sent: Sequence[Token],
    f: Found,
    subject: str | None,
    subject_text: str | None,
    s_first: int | None,
    s_last: int | None,
    event: tuple[str, int, int] | None,
    place: Place | None,
    source: Source | None,
    time: object,
    index: int,
    span: tuple[int, int],
    group: str | None,
    comparative: bool,
) -> Claim:
    body = doc.body
    start, end = sent[f.first].start, sent[f.last].end
    base_unit = base_value = base_low = base_high = None
    if f.unit is not None:

        def conv(x: float | None) -> float | None:
            return None if x is None else to_base(x, f.unit)[0]  # type: ignore[arg-type]

        base_unit = to_base(1.0, f.unit)[1]
        base_value, base_low, base_high = conv(f.value), conv(f.low), conv(f.high)
    quantity = Quantity(
        text=body[start:end],
        start=start,
        end=end,
        value=f.value,
        low=f.low,
        high=f.high,
        low_open=f.low_open,
        high_open=f.high_open,
        qualifier=f.qualifier,
        unit=f.unit,
        unit_text=f.unit_text,
        base_unit=base_unit,
        base_value=base_value,
        base_low=base_low,
        base_high=base_high,
        trend=f.trend,
    )
    return Claim(
        id=f"{doc.id}:{start}-{end}",
        document=doc.id,
        outlet=doc.outlet,
        published=doc.published,
        quantity=quantity,
        subject=subject,
        subject_text=subject_text,
        subject_start=sent[s_first].start if s_first is not None else None,
        subject_end=sent[s_last].end if s_last is not None else None,
        event=event[0] if event else None,
        event_text=body[sent[event[1]].start : sent[event[2]].end] if event else None,
        place=place,
        time=time,
        source=source,
        sentence=body[span[0] : span[1]],
        sentence_start=span[0],
        sentence_end=span[1],
        sentence_index=index,
        parts_group=group,
        comparative=comparative,
    )
