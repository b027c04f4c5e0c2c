"""Which countries a document is about: the ones its capitalised phrases name (countries
and adjectives of nationality, most mentioned first), else the one its provinces imply,
else the one its adjectives of nationality in lower case name. The default scope of an
article's figures and the countries whose towns count as places (:mod:`.places`)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from .. import vocabulary
from ..gazetteer import fold, gazetteer
from .placematch import begins_name, direction_words, kind_words, name_of, title_words
from .placewords import all_place_words
from .tokens import Token, tokenize

_CAPITALISED = re.compile(
    r"[A-ZÁÉÍÓÚÑ][\w'’.]*(?:-(?:[a-zé]{1,3}-)*[A-ZÁÉÍÓÚÑ][\w'’.]*)*"
    r"(?:[ \t]+(?:de |del |la |los |el |do |da |dos |das |di |della |d['’]|dell['’])?"
    r"[A-ZÁÉÍÓÚÑ][\w'’.]*(?:-(?:[a-zé]{1,3}-)*[A-ZÁÉÍÓÚÑ][\w'’.]*)*){0,3}"
)
"""A run of capitalised words, with the particles inside Spanish, Portuguese and Italian
names ("Estado de México", "Rio Grande do Sul", "Reggio di Calabria", "Valle d'Aosta"), and
names joined by a hyphen, with a particle between ("Emilia-Romagna", "Alpes-de-Haute-Provence",
"Port-au-Prince")."""

_LETTERS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_SENTENCE_STOP = re.compile(r"\.\s+")
"""The word tokens of a text, as :func:`~factcheck.extraction.tokens.tokenize` cuts them."""


def _run_words(run: str) -> list[str]:
    """The words of a run of capitalised words that may name a place on their own: the last,
    any that ends a sentence or is followed by a kind of place ("Oaxaca State"), a title
    ("Kentucky Governor") or an abbreviation ("Cotopaxi No. 1"); "East" in "East Java" or "North" in "North Kivu" is
    the first word of a longer name, not Cameroon's East or North."""
    found = list(_LETTERS.finditer(run))
    kinds = kind_words() | title_words()
    out = []
    for k, m in enumerate(found):
        word = m.group()
        if word.endswith(("'s", "’s")):
            out.append(word[:-2])  # "Kerala's Wayanad district": a possessive ends a name
            continue
        if k + 1 < len(found):
            nxt = found[k + 1]
            between = run[m.end() : nxt.start()]
            # "Kentucky Governor Andy Beshear": a title after a place names its holder's place
            joined = not between.strip() and nxt.group().lower() not in kinds
            abbreviation = len(nxt.group()) <= 3 and run[nxt.end() : nxt.end() + 1] == "."
            if joined and not abbreviation:
                continue
        out.append(m.group())
    # "O Corpo de Bombeiros de Minas Gerais", "Gobernación del Valle del Cauca": the name
    # after the run's last particle, whole
    tail = _AFTER_PARTICLE.search(run)
    if tail is not None and " " in tail.group(1):
        out.append(tail.group(1))
    return out


_AFTER_PARTICLE = re.compile(r"(?:^|\s)(?:de|del|do|da|dos|das|di|della)\s+((?:[A-ZÁÉÍÓÚÑ][\w'’.-]*\s*)+)$")


@cache
def _indefinites() -> frozenset[str]:
    """The indefinite articles of the languages read (grammar.yaml ``articles``)."""
    return frozenset(
        a for lang in vocabulary.languages() if vocabulary.reads(lang) for a in vocabulary.grammar(lang).articles
    )


@cache
def _number_words() -> frozenset[str]:
    """The number words of the languages read, to ninety-nine ("huit", "dos", "nine")."""
    return frozenset(
        w.lower()
        for lang in vocabulary.languages()
        if vocabulary.reads(lang)
        for table in (vocabulary.numbers(lang).units, vocabulary.numbers(lang).tens)
        for w in table
        if " " not in w
    )


def demonym_countries(body: str) -> list[str]:
    """The countries of the adjectives of nationality a body writes in lower case ("la isla
    italiana de Ischia", "a ilha italiana"), most mentioned first: for an article that names
    no country and whose places imply none. Only then: "13 venezolanos" among the dead of a
    fire in Mexico say whose the dead were, not where the fire was.

    >>> demonym_countries("El número de muertos en la isla italiana de Ischia subió a 11.")
    ['IT']
    """
    return document_countries([], body)


CITY_COUNTRY_POPULATION = 250_000
"""How many people a city must have for its name alone to say an article's country, when
the article names none ("rue d'Aubagne, dans le centre de Marseille")."""
_NAMESAKE_SHARE = 10
"""A city's name says its country only where every namesake elsewhere is this many times
smaller (Marseille; not a "San Antonio" of several countries)."""


def city_countries(text: str, language: str | None = None) -> list[str]:
    """The country of the largest city ``text`` names, when that city has at least
    :data:`CITY_COUNTRY_POPULATION` people and no namesake of comparable size in another
    country: for an article that names no country and whose places and adjectives imply
    none (pass its lead).

    >>> city_countries("Le bilan de l'effondrement d'immeubles dans le centre de Marseille s'alourdit.")
    ['FR']
    """
    gaz = gazetteer()
    best: tuple[int, str] | None = None
    numbers = vocabulary.numbers(language) if language is not None and vocabulary.reads(language) else None
    for m in _CAPITALISED.finditer(text):
        # the whole capitalised run only (a word of a longer one may be a surname after a
        # title, "Gobernador Santos", or a given name), as far as a sentence's stop
        run = next(_sentence_parts(m.group()))[1]
        if numbers is not None and run.rstrip(".").lower() in numbers.units:
            continue  # "Lima katao ang nasawi": five, in Tagalog, not Peru's capital
        cities = [e for e in gaz.by_name.get(fold(run.rstrip(".")), ()) if e.kind == "city"]
        if not cities:
            continue
        top = max(cities, key=lambda e: e.population)
        rivals = [e for e in cities if e.country != top.country]
        if top.population < CITY_COUNTRY_POPULATION or any(
            e.population * _NAMESAKE_SHARE > top.population for e in rivals
        ):
            continue
        if best is None or top.population > best[0]:
            best = (top.population, top.country)
    return [best[1]] if best else []


def body_countries(body: str) -> list[str]:
    """:func:`document_countries` of a whole body, read from its capitalised phrases: only
    they can name a country, and only those with a word that may be a demonym or begin a
    country's name are tokenised, which keeps a long article cheap.

    >>> body_countries("Quito, Ecuador. Colombian police and Ecuadorian troops met in Ecuador's north.")
    ['EC', 'CO']
    """
    phrases = []
    reach = 0  # phrases still to keep after one with a country word: a name of up to three
    # words may run on into them ("... Ecuador United" "States" past the four-word cut)
    for line in body.split("\n"):  # a run of capitalised words never crosses a line
        for phrase, names in _line_phrases(line) if len(line) <= _KEPT_LINE else _phrases_in(line):
            if names:
                reach = 3
            if reach:
                phrases.append(phrase)
                reach -= 1
    return list(_phrase_countries(tuple(phrases)))


_KEPT_LINE = 10_000
"""Lines of at most this many characters have their phrases kept."""


def _phrases_in(line: str) -> Iterator[tuple[str, bool]]:
    """Each run of capitalised words of a line, and whether it holds a country word; not a
    person's nationality (:func:`country_parts`)."""
    for _, part, names in country_parts(line):
        yield part, names


def country_parts(line: str) -> Iterator[tuple[int, str, bool]]:
    """Each run of capitalised words of a line, cut at a sentence's stop, with its offset
    and whether it holds a country word; not a person's nationality after an article or a
    number, or closing a clause (:func:`_a_national`), nor the countries listed after a
    nationality cue ("nationals of Iran, China and Russia")."""
    listed_end = -1  # where the last run of a list of nationalities ended
    for m in _CAPITALISED.finditer(line):
        for start, part in _sentence_parts(m.group()):
            names = _names_country(part)
            at = m.start() + start
            if names and (_a_national(line, at, part) or _named_facility(part)):
                continue
            if names and (_TOWARD().search(line, max(0, at - 40), at) or _BORDER().search(line, max(0, at - 40), at)):
                # "ont fui vers le Rwanda voisin": where people went; "on the border with
                # Turkey": a neighbour; neither is the story's country
                continue
            if names and (
                _NATIONALITY_CUE().search(line, max(0, at - 40), at)
                or (listed_end >= 0 and _LIST_GAP().fullmatch(line, listed_end, at))
            ):
                # "nationals of Iran, China and Russia": people's nationality
                listed_end = at + len(part)
                continue
            listed_end = -1
            yield at, part, names


@lru_cache(maxsize=8192)
def _line_phrases(line: str) -> tuple[tuple[str, bool], ...]:
    """:func:`_phrases_in`, once per distinct line (copies of a story repeat most)."""
    return tuple(_phrases_in(line))


_WORD_BEFORE = re.compile(r"([^\W_]+)[ \t]+$")
_WORD_AFTER = re.compile(r"[ \t]+([^\W_]+)")


@cache
def _NATIONALITY_CUE() -> re.Pattern[str]:  # noqa: N802 - a pattern built once
    """A nationality cue of any language read (places.yaml ``nationality_cues``), maybe
    with an article, right before where the search ends ("nationals of the ")."""
    return _ending_with(
        {c.lower() for pw in all_place_words() for c in pw.nationality_cues},
        {a for pw in all_place_words() for a in pw.definite_words},
        1,
    )


@cache
def _TOWARD() -> re.Pattern[str]:  # noqa: N802 - a pattern built once
    """A word of direction of any language read (places.yaml ``toward_words``), maybe with
    an article and a word of nearness ("to neighbouring "), right before where the search ends."""
    return _ending_with(
        {w.lower() for pw in all_place_words() for w in pw.toward_words},
        {a for pw in all_place_words() for a in (*pw.definite_words, *pw.near_words)},
        2,
    )


@cache
def _BORDER() -> re.Pattern[str]:  # noqa: N802 - a pattern built once
    """A phrase of a border of any language read (places.yaml ``border_words``), maybe with
    an article, right before where the search ends ("on the border with ", "al confine con la ")."""
    return _ending_with(
        {w.lower() for pw in all_place_words() for w in pw.border_words},
        {a for pw in all_place_words() for a in pw.definite_words},
        1,
    )


def _ending_with(phrases: set[str], glue: set[str], most: int) -> re.Pattern[str]:
    """One of ``phrases``, then up to ``most`` words of ``glue``, at the end of the text
    searched (longest alternatives first, as whole words, any case)."""

    def alternation(words: set[str]) -> str:
        return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))

    return re.compile(rf"(?i)(?<!\w)(?:{alternation(phrases)})\s+(?:(?:{alternation(glue)})\s+){{0,{most}}}$")


@cache
def _LIST_GAP() -> re.Pattern[str]:  # noqa: N802 - a pattern built once
    """What stands between two items of a list: a comma or a conjunction of any language
    read, maybe with a particle or an article ("Iran, China and Russia", "du Maroc et de
    Tunisie")."""
    read = [lang for lang in vocabulary.languages() if vocabulary.reads(lang)]
    joins = "|".join(
        map(
            re.escape,
            sorted({c for lang in read for c in vocabulary.grammar(lang).conjunctions}, key=len, reverse=True),
        )
    )
    particles = {a for w in all_place_words() for a in (*w.definite_words, *w.origins)}
    word = "|".join(map(re.escape, sorted(particles, key=len, reverse=True)))
    return re.compile(rf"(?i)\s*(?:,\s*(?:(?:{joins})\s+)?|\s+(?:{joins})\s+)(?:(?:{word})\s+)*")


def _sentence_parts(run: str) -> Iterator[tuple[int, str]]:
    """The parts of a run of capitalised words on either side of a sentence's stop ("...
    all of them Mexican. Police", "in Baltimore. The ship"), each with its offset in the
    run: a name never crosses a stop."""
    if ". " not in run:
        yield 0, run
        return
    starts = [0, *(s.end() for s in _SENTENCE_STOP.finditer(run))]
    for start, end in zip(starts, [*starts[1:], len(run)], strict=True):
        yield start, run[start:end].rstrip()


def _a_national(body: str, start: int, word: str) -> bool:
    """A lone capitalised demonym after an indefinite article or a number ("dont un
    Américain et un Britannique", "an American", "two Britons"): the nationality of a
    person, not a country the article is about; nor one that closes a clause ("22 crew
    members, all of them Indian.", "one is Canadian,"): a nationality said of people,
    where a demonym that names a country's own things stands before a noun ("Indian
    police")."""
    bare = word.rstrip(".")
    if " " in word or _demonym_code(bare) is None:
        return False  # a country's own name ("un Ecuador en crisis") is no nationality
    end = start + len(word)
    if bare != word or body[end : end + 1] in _CLAUSE_END:
        return True
    before = _WORD_BEFORE.search(body, max(0, start - 12), start)
    if before is None:
        return False
    word_before = before.group(1).lower()
    if word_before in _indefinites() or word_before.isdigit():
        return True
    # "huit Chinois et sept Français": a number word counts nationals too, where the demonym
    # is the noun ("six Ecuadorian jails" are the country's)
    after = _WORD_AFTER.match(body, end)
    return word_before in _number_words() and (after is None or not after.group(1).islower())


_CLAUSE_END = frozenset({",", ";", ":", ")", "\n", ""})


def _named_facility(part: str) -> bool:
    """A demonym opening the name of a facility ("the Saudi Maternity Hospital", "the
    American School"): whose name it bears, not where it stands. Only a run of several
    words, no country's own name among them, closed by a facility noun."""
    words = part.split()
    if len(words) < 3 or _demonym_code(words[0].rstrip(".,")) is None:
        return False
    if any(begins_name(Token.of(w, 0), _country_names().firsts) for w in words[1:]):
        return False
    return words[-1].rstrip(".,").lower() in _facility_heads()


@cache
def _facility_heads() -> frozenset[str]:
    """The last words of the facility nouns of every language read ("hospital", "school")."""
    return frozenset(
        w.split()[-1].lower() for pw in all_place_words() for words in pw.facility_words.values() for w in words
    )


@lru_cache(maxsize=4096)
def _phrase_countries(phrases: tuple[str, ...]) -> tuple[str, ...]:
    """:func:`document_countries` of the tokens of these phrases, once per distinct run of
    phrases: it reads the tokens' words and order only, and the copies of a story (moved by
    days, a figure changed) name the same countries in the same phrases."""
    return tuple(document_countries([t for phrase in phrases for t in tokenize(phrase)]))


def implied_countries(body: str) -> list[str]:
    """The country an article that names none is about, from the places it names: the one
    country that explains the most distinct names, two at least and a province of it among
    them ("el gobernador de Oruro ... la cárcel de Quillacollo, en Cochabamba": Oruro and
    Cochabamba are in Bolivia, where a prison's name alone may be a place anywhere). Empty when nothing decides.

    >>> implied_countries("Los reos de la cárcel de Quillacollo, en Cochabamba, informó el gobernador de Oruro.")
    ['BO']
    """
    # a run ends at a full stop that ends a sentence ("... de la provincia de Santa Fe. Los
    # cuatro ..."): the stop is no part of the name
    runs = tuple(
        part.rstrip(".").replace("’", "'")  # the gazetteer writes the straight apostrophe
        for text in _joined_runs(body)
        for k, part in enumerate(_SENTENCE_STOP.split(text))
        # a lone word after the stop opens the next sentence ("... in Seoul. Most of the
        # victims"): as often a function word as a place (:func:`_lone_opener`)
        if not k or " " in part.strip() or "-" in part
    )
    return list(_implied_by(runs))


@lru_cache(maxsize=4096)
def _implied_by(runs: tuple[str, ...]) -> tuple[str, ...]:
    """:func:`implied_countries` of a text's capitalised runs, once per distinct runs: it
    reads nothing else, and the copies of a story (moved by days, a figure changed) name
    the same places in the same order."""
    gaz = gazetteer()
    names: dict[str, set[str]] = {}
    provinces: dict[str, set[str]] = {}
    spelled: set[str] = set()  # provinces written exactly as the gazetteer spells them
    for run in runs:
        # a whole name the gazetteer knows stands for its words ("Rio Grande do Sul" is
        # not also Guinea-Bissau's "Sul")
        whole = fold(run) in gaz.by_name and " " in run
        # a word right after a place's name names a thing of that place ("the Mississippi
        # Delta" is no Nigerian state of Delta); after a particle or another word it is a
        # place of its own ("Gobernación de Antioquia", "In Malatya province")
        words = run.split()
        trailing = {w for k, w in enumerate(words) if k and fold(words[k - 1]) in gaz.by_name}
        for name in {run} if whole else {run, *_run_words(run)}:
            key = fold(name)
            if key in direction_words():
                # "Nouvelle-Galles du Sud", "el Sur": a direction names a part of something
                # else as often as Haiti's Sud, and so implies no country
                continue
            entries = gaz.by_name.get(key, ())
            for e in entries:
                if e.kind in ("province", "city"):
                    names.setdefault(e.country, set()).add(key)
                if e.kind == "province" and name not in trailing:
                    provinces.setdefault(e.country, set()).add(key)
                    if e.name == name:
                        spelled.add(key)
    if not provinces:
        return ()
    ranked = sorted(provinces, key=lambda c: (-len(names[c]), -len(provinces[c]), c))
    best = ranked[0]
    if len(names[best]) < 2 and not (
        len(provinces) == 1 and provinces[best] <= spelled and _only_there(provinces[best], best)
    ):
        # one name alone ("Turi") proves nothing: many countries share names; but a
        # province no other country has a place of that name for, written as it is spelled
        # ("Oaxaca", "Kerala"; not "Turi" for Estonia's Türi), does
        return ()
    if len(ranked) > 1 and len(names[ranked[1]]) == len(names[best]):
        return ()  # two countries explain the names equally well
    return (best,)


def _joined_runs(body: str) -> list[str]:
    """The body's runs of capitalised words, a run cut by the pattern's length limit joined
    again to the one right after it ("O Corpo de Bombeiros de Minas" + "Gerais")."""
    out: list[str] = []
    last_end = -2
    for m in _CAPITALISED.finditer(body):
        if _lone_opener(body, m):
            last_end = -2
            continue
        if out and m.start() == last_end + 1 and body[last_end] == " ":
            out[-1] += " " + m.group()
        else:
            out.append(m.group())
        last_end = m.end()
    return out


def _lone_opener(body: str, m: re.Match[str]) -> bool:
    """A single capitalised word that opens a sentence or a line: as often a function word
    ("Como", "Sale", "Un") as a place, so it implies no country."""
    if " " in m.group().strip() or "-" in m.group():
        return False
    before = body[max(0, m.start() - 3) : m.start()]
    return m.start() == 0 or "\n" in before or before.rstrip(" \t")[-1:] in (".", "!", "?", "\n", "")


def _only_there(keys: set[str], country: str) -> bool:
    """Every place called by these (folded) names is in ``country``."""
    gaz = gazetteer()
    return all(e.country == country for key in keys for e in gaz.by_name.get(key, ()))


@lru_cache(maxsize=1 << 16)
def _names_country(phrase: str) -> bool:
    """Whether a capitalised phrase holds a :func:`_country_word`, once per distinct phrase."""
    return any(map(_country_word, _LETTERS.findall(phrase)))


@lru_cache(maxsize=1 << 16)
def _country_word(word: str) -> bool:
    """Whether the word token ``word`` counts in :func:`document_countries`: a demonym, or
    the first word of a country's name."""
    tok = Token.of(word, 0)
    if not tok.is_capitalized:
        return False
    return _demonym_code(word) is not None or begins_name(tok, _country_names().firsts)


def _demonym_code(word: str) -> str | None:
    """The country a capitalised word names as a demonym ("Américain", "Ecuadorian")."""
    gaz = gazetteer()
    return gaz.demonyms.get(Token.of(word, 0).lower) if word.isascii() else gaz.country_of_demonym(word)


def document_countries(tokens: Sequence[Token], body: str | None = None) -> list[str]:
    """ISO codes of the countries a document mentions, most mentioned first. Pass the
    ``body`` too so adjectives of nationality written in lower case count ("la costa
    ecuatoriana": Spanish writes them so, and the capitalised tokens miss them).

    >>> from factcheck.extraction.tokens import tokenize
    >>> body = "Sismo en la costa ecuatoriana: Colombia envió ayuda; el gobierno ecuatoriano pidió calma."
    >>> document_countries(tokenize(body), body)
    ['EC', 'CO']
    """
    gaz = gazetteer()
    counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    if body is not None:
        forms = _lower_demonyms()
        for m in _LOWER_WORDS.finditer(body):
            code = gaz.country_of_demonym(m.group()) if m.group() in forms else None
            if code:
                counts[code] += 1
                first_seen.setdefault(code, -1)
    names = _country_names()
    skip_to = 0  # the words of a name counted already ("El Salvador" is not also "Salvador")
    for i, tok in enumerate(tokens):
        if i < skip_to or not tok.text[0].isupper():
            continue
        code = gaz.demonyms.get(tok.lower) if tok.text.isascii() else gaz.country_of_demonym(tok.text)
        if code is None and begins_name(tok, names.firsts):
            for n in (3, 2, 1):
                code = names.codes.get(fold(name_of(tokens[i : i + n])))
                if code is not None:
                    skip_to = i + n
                    break
            if code is not None and skip_to == i + 1 and _given_name(tokens, i):
                code = None  # "Maurizio Fugatti", "Jordan Peterson": a person's given name
        if code:
            counts[code] += 1
            first_seen.setdefault(code, i)
    return sorted(counts, key=lambda c: (-counts[c], first_seen[c]))


def _given_name(tokens: Sequence[Token], i: int) -> bool:
    """A one-word country name right before a capitalised word of its own phrase that names
    no place, kind of place, title or nationality: a person's given name and surname
    ("il presidente della Provincia, Maurizio Fugatti": Maurizio is Mauritius in Italian)."""
    if i + 1 >= len(tokens):
        return False
    tok, nxt = tokens[i], tokens[i + 1]
    if not (nxt.is_word and nxt.is_capitalized) or not 0 < nxt.start - tok.end <= 1 or nxt.text.isupper():
        return False
    if tok.text.endswith(("'s", "’s")):
        return False  # "Ecuador's Intelligence Directorate": the country's own body
    if nxt.lower in kind_words() or nxt.lower in title_words():
        return False
    gaz = gazetteer()
    word = name_of([nxt])  # "Ecuador's" is Ecuador
    return not gaz.lookup(word) and gaz.country_of_demonym(word) is None


@dataclass(frozen=True, slots=True)
class _CountryNames:
    codes: dict[str, str]
    """Folded name -> the country of the first country entry the gazetteer holds under it."""
    firsts: frozenset[str]
    """The first words of those names."""


@cache
def _country_names() -> _CountryNames:
    """The gazetteer's names of countries, as ``gazetteer().lookup`` finds them, so that
    :func:`document_countries` tests a word with one dictionary look-up."""
    codes: dict[str, str] = {}
    for key, entries in gazetteer().by_name.items():
        country = next((e.country for e in entries if e.kind == "country"), None)
        if country is not None:
            codes[key] = country
    return _CountryNames(codes, frozenset(k.split(" ", 1)[0] for k in codes))


_LOWER_WORDS = re.compile(r"\b[^\W\d_]+(?:-[^\W\d_]+)*\b")
"""Words, a hyphenated compound as one ("norte-coreano", "latino-americano")."""


@cache
def _lower_demonyms() -> frozenset[str]:
    """Every language's adjectives of nationality, in lower case, and their -s and -es forms:
    one set look-up per word of a body (an alternation of 4,000 words took ten times as long)."""
    words = {w.lower() for pw in all_place_words() for w in pw.demonyms}
    return frozenset(f for w in words for f in (w, w + "s", w + "es"))


__all__ = ["body_countries", "demonym_countries", "document_countries", "implied_countries"]
