"""What is counted, as a class of the language-neutral taxonomy
(``data/subject_classes.yaml``), read through the language's ``subjects.yaml``: "reclusas"
and "inmates" are both ``inmate``, "muertos" and "deaths" are persons with the event
``killed``. Words match as listed or made singular, accents aside."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from .. import vocabulary
from ..gazetteer import fold
from .demonyms import is_nationality, nationality
from .tokens import Token, tokenize


@cache
def _lemmatizer() -> Callable[..., str]:
    # imported on first use, like every language model here: `import factcheck` stays cheap.
    # The stream factory reads a language's packed dictionary without building it as one
    # dict: the first Spanish lookup takes about 1.3 s instead of 2 s on the shared machine.
    # Its index of the packed dictionary (a walk over every entry: 0.08 s in English, 0.3 s
    # in Spanish) is kept between runs with the dictionary (factcheck/kept.py): a few
    # milliseconds to read back, the same lookups.
    from simplemma import Lemmatizer
    from simplemma.strategies import DefaultStrategy
    from simplemma.strategies.dictionaries.stream_dictionary_factory import StreamDictionaryFactory

    from ..kept import kept

    class KeptDictionaries(StreamDictionaryFactory):
        __slots__ = ()

        def _get_dictionary_uncached(self, lang: str) -> Mapping[str, str]:
            build = super()._get_dictionary_uncached
            return kept(f"lemmas_{lang}", lambda: build(lang), libraries=("simplemma",))

    strategy = DefaultStrategy(dictionary_factory=KeptDictionaries())
    return Lemmatizer(lemmatization_strategy=strategy).lemmatize


def _lemma(word: str, lang: str) -> str:
    """simplemma's lemma of ``word`` (its data cover about 50 languages), or the word itself
    in a language simplemma does not know."""
    try:
        return str(_lemmatizer()(word, lang=lang)).lower()
    except ValueError:  # a language simplemma has no data for
        return word


@lru_cache(maxsize=16384)
def singular(word: str, lang: str = "en") -> str:
    """The singular of a noun, lower case. simplemma's lemma decides, but only where it is
    the same word made singular: a lemmatiser also turns verbs into infinitives ("killed":
    "kill", "retenidos": "retener") and feminine into masculine ("reclusas": "recluso"),
    which a counted noun must not undergo. So the language's plural endings (``grammar.yaml``
    ``plurals``; English: a final "s") give the stem, and the lemma is taken when it is that
    stem with at most its final vowel or accent restored ("hombres": "hombre", "rehenes":
    "rehén", "carceri": "carcere"); otherwise the ending rule stands. English irregular
    plurals are listed in its ``plurals`` as whole words or endings ("people", "women").

    >>> singular("officers"), singular("police"), singular("deaths"), singular("people")
    ('officer', 'police', 'death', 'person')
    >>> singular("killed"), singular("bodies"), singular("hondurans"), singular("women")
    ('killed', 'body', 'honduran', 'woman')
    >>> singular("hombres", "es"), singular("retenidos", "es"), singular("reclusas", "es"), singular("rehenes", "es")
    ('hombre', 'retenido', 'reclusa', 'rehén')
    """
    word = word.lower()
    data_lang = vocabulary.data_language(lang)
    english = data_lang == "en"
    rules = vocabulary.grammar(lang).plurals
    if english:
        for ending, replacement in rules:  # irregular plurals: "people", "children", "men"
            if word.endswith(ending):
                return word[: len(word) - len(ending)] + replacement
        if len(word) <= 3 or word.endswith(("ss", "us", "is", "ics")):
            return word
        rules = (("s", ""),)
    for ending, replacement in rules:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            stem = word[: len(word) - len(ending)] + replacement
            lemma = _lemma(word, data_lang if lang == data_lang else lang)
            folded, folded_stem = fold(lemma), fold(stem)
            if lemma != word and (
                (folded.startswith(folded_stem) and folded[len(folded_stem) :] in ("", "a", "e", "i", "o", "u"))
                or (english and len(lemma) < len(word) and fold(word).startswith(folded[:-1]))  # "bodies"
            ):
                return lemma
            return stem
    return word


@dataclass(frozen=True, slots=True)
class _SubjectIndex:
    names: dict[tuple[str, ...], str]  # folded words (as listed, and made singular) -> class
    event_nouns: dict[tuple[str, ...], tuple[str, str]]  # -> (class, event)
    longest: int
    heads: frozenset[str]  # single folded words that name a class or an event noun
    firsts: frozenset[str]  # first folded words of names of several words
    starts: frozenset[str]  # heads and firsts: the words a class name can begin with


def _keys(phrase: str, lang: str) -> list[tuple[str, ...]]:
    words = [t.lower for t in tokenize(phrase)]
    as_listed = tuple(fold(w) for w in words)
    made_singular = tuple(fold(singular(w, lang)) for w in words)
    return [as_listed, made_singular]


@cache
def _index(lang: str) -> _SubjectIndex:
    table = vocabulary.subjects(lang)
    names: dict[tuple[str, ...], str] = {}
    for cls, entry in table.classes.items():
        for name in entry.names:
            for key in _keys(name, lang):
                names.setdefault(key, cls)
    nouns: dict[tuple[str, ...], tuple[str, str]] = {}
    for word, noun in table.event_nouns.items():
        for key in _keys(word, lang):
            nouns.setdefault(key, (noun.subject, noun.event))
    keys = [*names, *nouns]
    longest = max((len(k) for k in keys), default=1)
    heads = frozenset(k[0] for k in keys if len(k) == 1)
    firsts = frozenset(k[0] for k in keys if len(k) > 1)
    return _SubjectIndex(names, nouns, longest, heads, firsts, heads | firsts)


@lru_cache(maxsize=65536)
def _forms(word: str, lang: str) -> tuple[str, str]:
    """A word folded as written and folded in the singular: the two ways a subject name
    is keyed. Every rule that looks a word up asks for both, so they are made once."""
    return fold(word.lower()), fold(singular(word, lang))


def _folded(words: Sequence[str], lang: str) -> tuple[list[str], list[str]]:
    forms = [_forms(w, lang) for w in words]
    return [f[0] for f in forms], [f[1] for f in forms]


def name_at(tokens: Sequence[Token], i: int, lang: str = "en") -> int:
    """How many tokens from ``i`` spell a name of the subject taxonomy ("privados de
    libertad", "police officers"), 0 if none: a listed name may hold a preposition."""
    index = _index(lang)
    first, first_singular = _forms(tokens[i].lower, lang)
    if first not in index.firsts and first_singular not in index.firsts:
        return 0
    top = min(index.longest, len(tokens) - i)
    lower, sing = _folded_at(tokens, i, top, lang)
    for n in range(top, 1, -1):
        for key in (lower[:n], sing[:n]):
            if key in index.names or key in index.event_nouns:
                return n
    return 0


def _folded_at(tokens: Sequence[Token], i: int, n: int, lang: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The ``n`` tokens from ``i`` folded as written and in the singular, once: the rules
    above try each width from the longest down, and every width is a prefix of these."""
    forms = [_forms(t.lower, lang) for t in tokens[i : i + n]]
    return tuple(f[0] for f in forms), tuple(f[1] for f in forms)


def class_at(tokens: Sequence[Token], i: int, lang: str = "en") -> tuple[int, str] | None:
    """(width, class) of the longest class name starting at token ``i`` ("estación
    migratoria", "prison"), None if none: how a rule finds the facilities and the people a
    sentence names, wherever they stand.

    >>> class_at(tokenize("a migrant detention facility"), 1)
    (3, 'migrant detention center')
    """
    index = _index(lang)
    starts = index.starts
    first, first_singular = _forms(tokens[i].lower, lang)
    if first not in starts and first_singular not in starts:
        return None
    top = min(index.longest, len(tokens) - i)
    lower, sing = _folded_at(tokens, i, top, lang)
    for n in range(top, 0, -1):
        if n == 1 and not tokens[i].is_word:
            return None
        for key in (lower[:n], sing[:n]):
            if key in index.names:
                if n == 1 and _qualifies_a_tally(tokens, i, lang):
                    return None  # "the official toll", "el balance oficial"
                return n, index.names[key]
    return None


def _without_tally_adjectives(words: tuple[str, ...], lang: str) -> tuple[str, ...]:
    """A phrase without the words that qualify a tally beside them ("del balance oficial"
    counts no officers)."""
    from .population import counted_words  # late: population reads the taxonomy

    table = counted_words(lang)
    low = [w.lower() for w in words]
    if not any(w in table.tally_adjectives for w in low):
        return words
    n = len(low)
    return tuple(
        w
        for k, w in enumerate(words)
        if not (
            low[k] in table.tally_adjectives and any(0 <= j < n and low[j] in table.tally_nouns for j in (k - 1, k + 1))
        )
    )


def _qualifies_a_tally(tokens: Sequence[Token], i: int, lang: str) -> bool:
    from .population import qualifies_a_tally  # late: population reads the taxonomy

    return qualifies_a_tally(tokens, i, lang)


def event_noun(word: str, lang: str = "en") -> tuple[str, str] | None:
    """(subject class, event class) of a noun that says both ("deaths", "heridos").

    >>> event_noun("deaths"), event_noun("guards")
    (('person', 'killed'), None)
    """
    index = _index(lang)
    lower, sing = _folded([word], lang)
    return index.event_nouns.get(tuple(lower)) or index.event_nouns.get(tuple(sing))


@cache
def _demographic() -> frozenset[str]:
    # imported here: the population rules read this module's class_at
    from .population import rules

    return frozenset(rules().demographic)


@cache
def _nationality_nouns(lang: str) -> frozenset[str]:
    from .population import counted_words

    return frozenset(w.lower() for w in counted_words(lang).nationality_nouns)


@cache
def _body_heads(lang: str) -> frozenset[str]:
    """The head nouns of public bodies' names, folded ("cuerpo", "ministry")."""
    return frozenset(fold(w) for w in vocabulary.attribution(lang).organisation_heads)


def _classify_conjunct(words: Sequence[str], lang: str) -> tuple[str | None, str | None]:
    index = _index(lang)
    lower, sing = _folded(words, lang)
    bodies = _body_heads(lang)
    for k in range(1, len(words)):
        if words[k][:1].isupper() and lower[k] in bodies:
            # "servidores del Cuerpo de Seguridad": the head of a body's name counts no
            # bodies; "members of the Fire Service" are not services
            lower[k] = sing[k] = ""
    head_last = vocabulary.grammar(lang).head_position == "last"
    staff = _compound_staff(lower, sing, head_last, lang)
    if staff is not None:
        return staff, None
    n_words = len(words)
    demographic = _demographic()
    found: tuple[str, None] | None = None
    for n in range(min(index.longest, n_words), 0, -1):
        starts = range(n_words - n, -1, -1) if head_last else range(0, n_words - n + 1)
        for k in starts:
            for key in (tuple(lower[k : k + n]), tuple(sing[k : k + n])):
                if key in index.names:
                    cls = index.names[key]
                    if found is None and cls not in demographic:
                        return cls, None
                    if found is None:
                        found = (cls, None)  # "mujeres presas": the sex says less than the role
                    elif cls not in demographic and "person" in ancestors(cls):
                        return cls, None
                    break
                if key in index.event_nouns and found is None:
                    return index.event_nouns[key]
    return found if found is not None else (None, None)


@cache
def _staff_nouns(lang: str) -> frozenset[str]:
    """A language's generic staff nouns, folded as written and in the singular."""
    return frozenset(f for w in vocabulary.subjects(lang).staff_nouns for f in _forms(w, lang))


def staff_noun(word: str, lang: str) -> bool:
    """Whether ``word`` is a generic staff noun of ``lang`` ("workers", "funcionários")."""
    return not _staff_nouns(lang).isdisjoint(_forms(word, lang))


def _compound_staff(lower: Sequence[str], sing: Sequence[str], head_last: bool, lang: str) -> str | None:
    """The staff class of a facility named inside a phrase whose head is a generic staff
    noun ("prison administration officials", "funcionarios de prisiones"): those who work
    there, as the facility's class says (subject_classes.yaml ``staff``)."""
    if len(lower) < 2:
        return None
    nouns = _staff_nouns(lang)
    h = len(lower) - 1 if head_last else 0
    if lower[h] not in nouns and sing[h] not in nouns:
        return None
    index = _index(lang)
    for k in range(len(lower)):
        if k == h:
            continue
        for key in ((lower[k],), (sing[k],)):
            cls = index.names.get(key)
            if cls is not None:
                return facility_staff(cls)
    return None


def facility_staff(cls: str) -> str | None:
    """The class of those who work at a facility of class ``cls`` (``staff`` in
    subject_classes.yaml, inherited by narrower facilities), None for other classes."""
    table = vocabulary.subject_classes()
    return next((table[a].staff for a in ancestors(cls) if a in table and table[a].staff), None)


@cache
def ancestors(cls: str) -> tuple[str, ...]:
    """A class and the classes above it, nearest first."""
    table = vocabulary.subject_classes()
    out = [cls]
    k = 0
    while k < len(out):
        for parent in table[out[k]].broader if out[k] in table else []:
            if parent not in out:
                out.append(parent)
        k += 1
    return tuple(out)


def _with_nationality(
    words: Sequence[str], found: tuple[str | None, str | None], lang: str
) -> tuple[str | None, str | None]:
    """ "16 Bolivian nationals", "9 peruanos", "personas peruanas": a nationality
    says more than "person" or a sex; an occupation ("Honduran police officers") says more
    than a nationality; with no class, only a demonym that is the head is a nationality
    ("two Mexican companies" counts no Mexicans)."""
    cls, event = found
    if cls is not None and cls != "person" and cls not in _demographic():
        return found
    head = 0 if vocabulary.grammar(lang).head_position == "first" else len(words) - 1
    candidates: Sequence[str] = words
    if cls is None and singular(words[head], lang) not in _nationality_nouns(lang):
        candidates = words[head : head + 1]
    for w in candidates:
        if w[:1].isalpha():
            nat = nationality(w)
            if nat is not None:
                return nat, event
    return found


def classify(words: Sequence[str], lang: str = "en") -> tuple[str | None, str | None]:
    """The subject class of a counted phrase, and the event its noun implies, if any.
    Coordinated nouns count the nearest class that holds them all.

    >>> classify(["prison", "guards"]), classify(["deaths"])
    (('guard', None), ('person', 'killed'))
    >>> classify(["guards", "and", "police", "officers"])
    ('law enforcement officer', None)
    """
    return _classified(tuple(words), lang)


@lru_cache(maxsize=1 << 14)
def _classified(words: tuple[str, ...], lang: str) -> tuple[str | None, str | None]:
    """:func:`classify`, once per distinct phrase: the subject layer asks it for every
    counted phrase, and a story's phrases ("people", "inmates", "prison guards") repeat
    within an article and across its copies; the answer reads only the words and the
    language's data."""
    conjunctions = vocabulary.grammar(lang).conjunctions
    words = _without_tally_adjectives(words, lang)
    conjuncts: list[list[str]] = [[]]
    for w in words:
        if w == "and" or w.lower() in conjunctions or w in ("&", ","):
            conjuncts.append([])
        else:
            conjuncts[-1].append(w)
    nonempty = [c for c in conjuncts if c]
    found = [_with_nationality(c, _classify_conjunct(c, lang), lang) for c in nonempty]
    classes = [c for c, _ in found if c is not None]
    events = {e for _, e in found if e is not None}
    event = events.pop() if len(events) == 1 else None
    if not classes:
        return None, event
    unknown = [c for c, (k, _) in zip(nonempty, found, strict=True) if k is None]
    if unknown and all(len(c) == 1 for c in unknown) and found[-1][0] is not None and len(nonempty[-1]) > 1:
        # "security and administrative staffers", "local and federal police": the words
        # before the last kind share its noun
        return found[-1][0], event
    if (
        unknown
        and all(len(c) == 1 for c in unknown)
        and found[0][0] is not None
        and len(nonempty[0]) > 1
        and vocabulary.grammar(lang).head_position == "first"
    ):
        # "funcionários próprios e terceirizados", "policías locales y federales": the
        # words after the first kind share its noun
        return found[0][0], event
    if len(classes) < len(found) and len(found) > 1 and all("person" in ancestors(c) for c in classes):
        staff = _staff_of(classes, unknown, lang)
        if staff is not None:
            # "prison guards and administrative staff": all who work at the prison
            return staff, event
        # "287 pupils and cooks" where one kind is not known: people, not the known kind
        return "person", event
    if len(set(classes)) == 1 or len(classes) < len(found):
        return classes[0], event
    common = [a for a in _lineage(classes[0]) if all(a in _lineage(c) for c in classes[1:])]
    return (common[0] if common else None), event


def _lineage(cls: str) -> tuple[str, ...]:
    """:func:`ancestors`, with a nationality's nationals being people ("hondureños y
    guatemaltecos" count people)."""
    found = ancestors(cls)
    return (*found, "person") if is_nationality(cls) and "person" not in found else found


def _staff_of(classes: Sequence[str], unknown: Sequence[Sequence[str]], lang: str) -> str | None:
    """The staff class that holds every known kind of a coordination whose other kinds are
    generic staff nouns ("guards and administrative staff": prison staff), if any."""
    table = vocabulary.subject_classes()
    staffs = {k.staff for k in table.values() if k.staff}
    heads_last = vocabulary.grammar(lang).head_position == "last"
    if not unknown or not all(staff_noun(words[-1] if heads_last else words[0], lang) for words in unknown):
        return None
    common = [s for s in staffs if all(s in ancestors(c) for c in classes)]
    return common[0] if len(common) == 1 else None


def heads(lang: str = "en") -> frozenset[str]:
    """Single words (folded) that name a class or an event noun in ``lang``."""
    return _index(lang).heads
