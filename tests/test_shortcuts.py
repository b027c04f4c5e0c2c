"""The shortcuts that make extraction fast change no result: each is checked, with
hypothesis, against the plain way it stands in for (the time patterns run on every text,
the phrase index walking every phrase, the prefilters as alternations of words)."""

from __future__ import annotations

import re
from collections.abc import Sequence

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.extraction import times, word_trie
from factcheck.extraction.timepatterns import Gate, letter_runs
from factcheck.extraction.tokens import PhraseIndex, Token, tokenize

# words of dates, clock times, weekdays and periods in both languages, and what stands
# around them in news text (written for these tests)
TIME_PIECES = st.sampled_from(
    [
        "19",
        "2017",
        "1985",
        "3",
        "12:30",
        "7pm",
        "19h30",
        "19.09.2017",
        "2016-04-17",
        "04/16/2016",
        "a las",
        "19 horas",
        "horas",
        "p.m.",
        "de",
        "del",
        "septiembre",
        "Septiembre",
        "sept.",
        "April",
        "march",
        "May",
        "in",
        "on",
        "el",
        "sábado",
        "Sunday",
        "Sunday's",
        "last",
        "this",
        "ayer",
        "yesterday",
        "anoche",
        "so far",
        "hasta el momento",
        "in recent years",
        "since",
        "desde",
        "quake",
        "sismo",
        "people",
        "personas",
        ",",
        ".",
        "(",
        ")",
        "-",
        "’s",
    ]
)


def _text(pieces: Sequence[str], glue: Sequence[str]) -> str:
    return "".join(p + g for p, g in zip(pieces, glue, strict=False))


class _Everything(set[str]):
    """A set that holds every word: with it, no gate closes."""

    def __contains__(self, item: object) -> bool:
        return True


class _FourDigits:
    """Stands in for the digit pattern: a run of four digits in every text."""

    def findall(self, text: str) -> list[str]:
        return ["0000"]


@pytest.mark.parametrize("lang", ["en", "es"])
@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    pieces=st.lists(TIME_PIECES, min_size=1, max_size=12),
    glue=st.lists(st.sampled_from([" ", " ", "", "  ", "\t"]), min_size=12, max_size=12),
)
def test_gated_time_patterns_find_what_every_pattern_finds(lang: str, pieces: list[str], glue: list[str]) -> None:
    import datetime as dt

    body = _text(pieces, glue)
    args = (body, 0, len(body), dt.date(2017, 9, 20), "day", lang)
    gated = times.find_times(*args)
    with pytest.MonkeyPatch.context() as m:
        m.setattr(times, "letter_runs", lambda text: _Everything())
        m.setattr(Gate, "open", lambda self, words: True)
        m.setattr(times, "_DIGITS", _FourDigits())
        every = times.find_times(*args)
    assert gated == every


@settings(max_examples=200, deadline=None)
@given(
    phrases=st.lists(st.text(alphabet="abc ", min_size=1, max_size=8), min_size=1, max_size=8),
    text=st.text(alphabet="abc ", max_size=30),
)
def test_phrase_index_finds_the_longest_phrase_as_a_walk_through_every_phrase_would(
    phrases: list[str], text: str
) -> None:
    entries = [(p, k) for k, p in enumerate(phrases)]
    index = PhraseIndex(entries)
    tokens = tokenize(text)
    listed = [(tuple(t.lower for t in tokenize(p)), k) for p, k in entries]
    listed = [e for e in listed if e[0]]
    for i in range(len(tokens)):
        assert index.match_at(tokens, i) == _walk(listed, tokens, i, forward=True)
        assert index.match_ending(tokens, i) == _walk(listed, tokens, i, forward=False)


def _walk(
    listed: list[tuple[tuple[str, ...], int]], tokens: list[Token], i: int, forward: bool
) -> tuple[int, object] | None:
    """The longest phrase starting (or ending) at token ``i``, the first given on a tie."""
    best: tuple[int, object] | None = None
    for words, payload in listed:
        n = len(words)
        lo = i if forward else i - n + 1
        if lo < 0 or lo + n > len(tokens):
            continue
        if tuple(t.lower for t in tokens[lo : lo + n]) == words and (best is None or n > best[0]):
            best = (n, payload)
    return best


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(st.text(alphabet="abcÁé.-", min_size=1, max_size=6), min_size=1, max_size=10),
    text=st.text(alphabet="abcABCÁé.- 1", max_size=40),
)
def test_a_word_trie_matches_where_the_alternation_of_its_words_does(words: list[str], text: str) -> None:
    alternation = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + r")\b", re.I)
    trie = re.compile(r"\b" + word_trie(words) + r"\b", re.I)
    for pos in range(len(text) + 1):
        assert (alternation.search(text, pos) is None) == (trie.search(text, pos) is None)


def test_a_gate_opens_only_for_texts_that_hold_a_phrases_words() -> None:
    gate = Gate.of(["hasta el momento", "so far"])
    assert gate.open(letter_runs("47 muertos hasta el momento"))
    assert not gate.open(letter_runs("47 muertos hasta el lunes"))
    assert Gate.of(["24/7", "so far"]).firsts is None  # a phrase that opens with a digit: never gated


# capitalised names, demonyms and plain words of both languages (written for these tests)
COUNTRY_PIECES = st.sampled_from(
    [
        "Ecuador",
        "Ecuador's",
        "Ecuadorian",
        "ecuatoriano",
        "Colombia",
        "Colombian",
        "New",
        "Zealand",
        "United",
        "States",
        "U.S.",
        "Mexico",
        "México",
        "Estado de México",
        "Honduras",
        "hondureños",
        "Turi",
        "Cuenca",
        "President",
        "Guillermo Lasso",
        "police",
        "the",
        "de",
        "la",
        "19",
        ",",
        ".",
        "\n",
    ]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(COUNTRY_PIECES, max_size=30))
def test_body_countries_count_as_every_capitalised_phrase_would(pieces: list[str]) -> None:
    """Only capitalised phrases with a possible country word are tokenised for a document's
    countries; tokenising every capitalised phrase gives the same countries (but a person's
    nationality after an article or a number, "19 Ecuadorian", which names no country of the
    article, as both leave out)."""
    from factcheck.extraction.countries import body_countries, country_parts, document_countries
    from factcheck.extraction.tokens import tokenize

    body = " ".join(pieces)
    # each phrase tokenised on its own, as body_countries does: a name never runs from one
    # phrase into the next
    every = document_countries([t for _, part, _ in country_parts(body) for t in tokenize(part)])
    assert body_countries(body) == every


SENTENCES = st.sampled_from(
    [
        # a caption in the other language, short lines and figures (written for these tests)
        "Rescuers search the rubble of a collapsed building in Mexico City.",
        "Rescatistas buscan sobrevivientes entre los escombros.",
        "Photo: Reuters",
        "- Venezuela: 13",
        "This story is over 5 years old.",
        "Al menos 46 reclusas murieron en el penal.",
        "Dodgers manager Dave Roberts said.",
        "Il bilancio è salito a 57 morti.",
    ]
)


@settings(max_examples=60, deadline=None)
@given(SENTENCES, st.sampled_from(["en", "es"]))
def test_the_language_gate_changes_no_sentence_language(sentence: str, default: str) -> None:
    """A sentence with no function word of another language keeps its document's language
    without asking the detector; asking it gives the same answer."""
    from factcheck.extraction import language

    gated = language.sentence_language(sentence, 0, len(sentence), default)
    plain = default
    if language._own_words(sentence, default, enough=3) < 3:
        plain = str(language._DETECT.detect_sentence_language(sentence, default))
        if plain != default and language.vocabulary.data_language(plain) == language.vocabulary.data_language(default):
            plain = default
    assert gated == plain
