"""Claim extraction: from article text to typed, attributed, located claims.

Two steps, as NLP pipelines run over a shared document: annotators
(:mod:`~factcheck.extraction.annotators`) each add one layer of typed mentions to a
:class:`~factcheck.extraction.sentence.Sentence`, reading the sentence's own language's
vocabulary from ``factcheck/data/<lang>/``; then one composer
(:mod:`~factcheck.extraction.composer`) turns the layers into claims, the same way for every
language. Adding a language is adding its data folder and tests (docs/languages.md)."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable, Iterator
from functools import cache
from itertools import islice
from typing import Any

from .. import vocabulary
from ..cycles import cycles_paused
from ..documents import Inputs, InputWarning, gather
from ..intervals import DEFAULT_TOLERANCE
from ..models import Claim, Document, Source
from ..sharing import share
from . import memo
from .annotators import PIPELINE, annotate_attributions, annotate_quantities, annotate_times
from .breakdowns import sources_from_breakdowns
from .composer import compose
from .countries import body_countries, city_countries, demonym_countries, implied_countries
from .language import document_language
from .momentclaims import moment_claims
from .named_events import main_event_name
from .places import doc_country_place, incident_place
from .quotes import restated_in_quotes, share_quoted_speakers
from .revisions import SHOWN_REACH, confirmed_event, give_back, opening_cue, report_back, revised_count, shown_figures
from .scope import is_dateline
from .sentence import DocContext, Sentence
from .tokens import Token, iter_sentences, split_sentences, tokenize_span

__all__ = ["extract", "extract_document", "extract_text"]


def extract_text(text: str, document_id: str = "text", language: str | None = None, **kwargs: object) -> list[Claim]:
    """Claims in a piece of text, for quick use and doctests; the language is detected
    unless given.

    >>> [(c.quantity.value, c.quantity.qualifier, c.subject) for c in extract_text("At least 31 people died.")]
    [(31.0, 'at_least', 'person')]
    """
    return extract_document(Document(id=document_id, body=text, language=language), **kwargs)  # type: ignore[arg-type]


def extract(items: Inputs, tolerance: float = DEFAULT_TOLERANCE) -> list[Claim]:
    """Claims from articles given as paths (files or folders) or :class:`Document` records.

    Unreadable files raise :class:`~factcheck.errors.ArticleReadError`; use
    :func:`factcheck.load_documents` to collect errors and carry on instead. Articles with
    no published day are dated from the others first (:mod:`factcheck.dating`), and again
    from the tolls they share with them (:mod:`factcheck.figuredating`)."""
    from ..dating import date_documents  # the corpus stage reads times with this package
    from ..figuredating import redate

    docs, errors = gather(items)
    if errors:
        raise errors[0]
    dated = date_documents(docs)
    found: list[list[Claim] | None] = [extract_document(doc, tolerance=tolerance) for doc in dated]
    _, found = redate(docs, dated, found, lambda doc: extract_document(doc, tolerance=tolerance))
    return [c for each in found if each is not None for c in each]


def extract_document(
    doc: Document,
    tolerance: float = DEFAULT_TOLERANCE,
    include_indefinite: bool = False,
    language: str | None = None,
) -> list[Claim]:
    """Every numeric claim in one document, in text order. The language is ``language``,
    else the front matter's, else detected; a sentence clearly in another language (an
    English caption on a Spanish page) is read in its own. Indefinite amounts ("several
    facilities") assert no checkable figure and are left out unless asked for."""
    with cycles_paused():  # see _extract
        claims = _extract(doc, tolerance, include_indefinite, language)
        share(claims)  # equal parts held once: copies of a story repeat most of them
        return claims


_LEAD_SENTENCES = 2


def _lead_text(body: str) -> str:
    """The article's first :data:`_LEAD_SENTENCES` sentences."""
    spans = list(islice(iter_sentences(body), _LEAD_SENTENCES))
    return body[: spans[-1][1]] if spans else ""


def _lead_first(body: str, countries: list[str], lang: str) -> list[str]:
    """The document's countries with the one its lead first places something in first: the
    lead says where the incident happened ("... en Ciudad Juárez, en el norte de México,
    junto a la frontera con Estados Unidos"), whichever country the article names most
    often. A dateline is where the reporter files from, and is skipped."""
    if len(countries) < 2:
        return countries
    for a, b in islice(iter_sentences(body), _LEAD_SENTENCES):
        tokens = memo.tokens(body, a, b)  # both once per distinct lead: copies repeat it
        for m in memo.places(tokens, countries, lang, body):
            code = m.place.country
            if code in countries and not is_dateline(tokens, m):
                return [code, *(c for c in countries if c != code)]
    return countries


def _extract(doc: Document, tolerance: float, include_indefinite: bool, language: str | None) -> list[Claim]:
    """The body of :func:`extract_document`, run with the cycle collector paused: a document
    makes tens of thousands of short-lived tokens and records that reference counting frees,
    and each full pass of the collector would walk the gazetteer's hundreds of thousands of
    live entries too (about 6% of extraction time)."""
    body = doc.body
    lang = language or document_language(doc)
    # an article that names no country is placed by its provinces ("el gobernador del Azuay")
    named = body_countries(body)
    if named:
        # a country named only beside a speaker ("El canciller de México") does not hide the
        # one the lead's places imply ("en las afueras de San Antonio, Texas")
        found = named + [c for c in implied_countries(_lead_text(body)) if c not in named]
    else:
        found = implied_countries(body) or demonym_countries(body) or city_countries(_lead_text(body), lang)
    if not found and doc.title:
        # "Philippine storm toll reaches 126" over a body that names no place: the headline's
        title = doc.title
        found = body_countries(title) or implied_countries(title) or demonym_countries(title) or city_countries(title)
    countries = _lead_first(body, found, lang)
    default_place = incident_place(body, countries, lang) or doc_country_place(countries)
    ctx = DocContext(doc, lang, countries, default_place, tolerance, include_indefinite)
    ctx.newlines = [m.start() for m in re.finditer("\n", body)]
    ctx.event_name = main_event_name(body, lang)
    claims: list[Claim] = []
    speakers: list[tuple[int, int, Source]] = []  # sentences naming one source, for quotations
    numbers, cues = _prefilters(lang)
    for index, (s_start, s_end, tokens) in enumerate(_bounded(doc, split_sentences(body, lang))):
        has_number, has_cue = memo.prefiltered(body, s_start, s_end, numbers, cues)  # once per distinct sentence
        if not has_number and not has_cue:
            continue  # no figure and no attribution: nothing to extract or carry over
        # a caption in another language is read in its own; detection runs only here,
        # on the few sentences that may hold a claim
        s_lang = memo.language(body, s_start, s_end, lang)  # once per distinct sentence
        if not vocabulary.reads(s_lang):
            if has_number:
                claims.extend(_numbers_only(body, s_start, s_end, index, s_lang, ctx))
            continue
        sent = Sentence(body, s_start, s_end, index, s_lang, tokens or memo.tokens(body, s_start, s_end))
        for annotate in PIPELINE if has_number else (annotate_attributions,):
            annotate(sent, ctx)
        back = report_back(sent)
        if back is not None:
            give_back(claims, sent, (back, None), explicit=True)  # "Así lo informó X."
        revised = revised_count(sent) if back is None else None
        if revised is not None:
            give_back(claims, sent, revised)  # "El INM actualizó la cifra": the figure before
        shown = shown_figures(sent) if back is None and revised is None else None
        if shown is not None:
            give_back(claims, sent, (shown, None), reach=SHOWN_REACH)  # "dio a conocer estos datos"
        confirmed = confirmed_event(sent) if back is None and revised is None and shown is None else None
        if confirmed is not None:
            give_back(claims, sent, confirmed, mentioned=True)  # "La liberación fue confirmada por X"
        told = back is not None or revised is not None or shown is not None or confirmed is not None
        opening = opening_cue(sent) if not told else None
        if opening is not None and claims and claims[-1].sentence_index <= LEDE:
            give_back(claims, sent, (opening, None))  # "Al menos 40 murieron ... Según el INM, ..."
        composed = compose(sent, ctx)
        moments = moment_claims(sent, ctx) if has_number else []
        if moments:
            # in text order with the sentence's figures
            composed = sorted([*composed, *moments], key=lambda c: c.quantity.start)
        claims.extend(composed)
        names = {a.source.name for a in sent.attributions}
        if len(names) == 1:
            speakers.append((s_start, s_end, sent.attributions[0].source))
    # a headline or lede total whose parts the body gives with their source
    claims = restated_in_quotes(share_quoted_speakers(claims, body, speakers), body, lang)
    return sources_from_breakdowns(claims)


LEDE = 1
"""The index of the last sentence that is the top of a story: its headline (or a dateline
run into it) and the sentence after. A lede states the news in the outlet's words and the
sentence after it says whose report it is ("Según el INM, ..."); further down, a sentence
that opens with a cue reports details of its own (extraction/revisions.py ``opening_cue``)."""

_UNREAD_FIELDS = dict.fromkeys(
    (
        "subject",
        "subject_text",
        "subject_start",
        "subject_end",
        "event",
        "event_text",
        "subject_class",
        "event_class",
        "place",
        "place_count",
        "source",
        "parts_group",
    )
) | {"cumulative": False, "comparative": False}

NUMBERS_ONLY = (annotate_quantities, annotate_times)
"""The annotators run on a sentence in a language factcheck does not read: its figures
(digits, grouped as its ``fallback`` in ``data/languages.yaml`` groups them, else as in English) and
the dates that are no figures; no words of another language are read into its fields."""


def _numbers_only(body: str, start: int, end: int, index: int, lang: str, ctx: DocContext) -> list[Claim]:
    """The claims of a sentence in a language with no data: numbers with their fields left
    empty and a note saying why (Arabic, Tagalog, German: never read as English)."""
    sent = Sentence(body, start, end, index, vocabulary.data_language(lang), tokenize_span(body, start, end))
    for annotate in NUMBERS_ONLY:
        annotate(sent, ctx)
    known = vocabulary.languages()
    name = f"{known[lang].name} ({lang})" if lang in known else repr(lang)
    note = f"not read: factcheck has no vocabulary for {name}; the number only"
    return [c.model_copy(update={**_UNREAD_FIELDS, "language": lang, "note": note}) for c in compose(sent, ctx)]


MAX_SENTENCE_TOKENS = 2000
"""A sentence longer than this is read in pieces of this many tokens. The longest sentence
of the development articles has about 100 tokens; 2,000 is a scraped page with no full
stop, a table flattened onto one line or a transcript run together, and the rules look
back and ahead within a sentence, so one of a million tokens would cost hours."""


def _bounded(doc: Document, spans: Iterable[tuple[int, int]]) -> Iterator[tuple[int, int, list[Token] | None]]:
    """The sentence spans, each with its tokens when they were needed to cut it: a span of
    more than :data:`MAX_SENTENCE_TOKENS` tokens is cut into pieces of that many, with an
    :class:`~factcheck.documents.InputWarning` naming the document and the offset."""
    body = doc.body
    for start, end in spans:
        if end - start <= MAX_SENTENCE_TOKENS:  # a token is at least one character
            yield start, end, None
            continue
        tokens = tokenize_span(body, start, end)
        if len(tokens) <= MAX_SENTENCE_TOKENS:
            yield start, end, tokens
            continue
        warnings.warn(
            InputWarning(
                f"{doc.path or doc.id}: a sentence of {len(tokens)} tokens at offset {start} "
                f"is read in pieces of {MAX_SENTENCE_TOKENS}"
            ),
            stacklevel=2,
        )
        for k in range(0, len(tokens), MAX_SENTENCE_TOKENS):
            piece = tokens[k : k + MAX_SENTENCE_TOKENS]
            yield piece[0].start, piece[-1].end, piece


@cache
def _prefilters(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Regexes that tell, without tokenising, whether a sentence may hold a figure or an
    attribution; most sentences of an article hold neither."""
    nums = vocabulary.numbers(lang)
    words = {
        *nums.units,
        *nums.tens,
        *nums.hundreds,
        *nums.scales,
        *(w.split()[0] for w in nums.fixed),
        *(w.split()[0] for w in nums.vague),
        *(w.split()[0] for w in nums.indefinite),
        *nums.fraction_alone,  # "la mitad de": a share with no number word before it
    }
    # the words as a trie: the regex engine tries alternatives one by one at each word start,
    # and a trie tries a handful; these say only whether a sentence holds one, never which
    numbers = re.compile(r"\d|\b" + word_trie(words) + r"\b", re.IGNORECASE)
    table = vocabulary.attribution(lang)
    cue_words = (
        {w.split()[0] for w in table.prefix}
        | set(table.verbs)
        | {c.strip("-—– ").split()[0] for c in table.trailing_cues if c.strip("-—– ")}
    )
    cues = re.compile(r"\b" + word_trie(cue_words) + r"\b", re.IGNORECASE)
    return numbers, cues


def word_trie(words: Iterable[str]) -> str:
    """A regex that matches exactly ``words``, written as a trie (a shared beginning once),
    as a group of its own.

    >>> word_trie(["six", "sixty", "seven"])
    's(?:even|ix(?:ty)?)'
    >>> bool(re.fullmatch(word_trie(["six", "sixty", "seven"]), "sixty"))
    True
    """
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def branch(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + branch(node[ch]) for ch in sorted(node) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return branch(tree) or "(?!)"
