"""The subjects layer: what each quantity of a sentence counts, with the parts groups of
coordinated figures ("12 nurses and three doctors") and the differences that count
nothing ("3,000 more"). The phrase rules are in :mod:`~factcheck.extraction.subjects`, the
classes in :mod:`~factcheck.extraction.taxonomy`; this module decides, figure by figure,
which rule names what is counted."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Collection, Sequence
from functools import cache

from .. import vocabulary
from ..gazetteer import fold, gazetteer
from ..units import canonical
from .demonyms import is_nationality
from .memo import forward_phrase  # once per distinct sentence and figure
from .population import counted_words, rules
from .quantities import Found
from .sentence import DocContext, Sentence, SubjectMention
from .subjects import (
    SubjectPhrase,
    ancestors,
    backward_class_noun,
    backward_head,
    classify,
    is_verbish,
    normalize,
    singular,
    toll_class,
)
from .taxonomy import class_at, event_noun, facility_staff, heads, staff_noun
from .tokens import Token

__all__ = ["annotate_subjects", "cause_of_change", "tokens_in_times"]

_COUNTLESS_UNITS = frozenset({"percent"})


def tokens_in_times(sent: Sentence) -> frozenset[int]:
    """Tokens inside a time expression of the sentence, periods included ("a day earlier",
    "hasta el momento"): no counted noun runs into one."""
    if not sent.time_mentions:
        return frozenset()
    starts = [t.start for t in sent.tokens]  # increasing
    return frozenset(
        i for s in sent.time_mentions for i in range(bisect_left(starts, s.start), bisect_left(starts, s.end))
    )


@cache
def _measure_units() -> frozenset[str]:
    """Units that measure something (hours, km), as opposed to currencies and percentages."""
    return frozenset(canonical(u) for u in vocabulary.units().units)


@cache
def _class_word(cls: str, lang: str) -> str | None:
    """How the language first writes a subject class ("persona", "person")."""
    names = vocabulary.subjects(lang).classes[cls].names
    return names[0] if names else None


def _names_persons(words: Sequence[str], lang: str) -> bool:
    """One word that names whom an event happened to ("fallecidos", "injured"), not the
    events themselves ("deaths", "muertes"): data/<lang>/subjects.yaml ``persons``."""
    if len(words) != 1:
        return False
    nouns = vocabulary.subjects(lang).event_nouns
    noun = nouns.get(words[0].lower()) or nouns.get(singular(words[0], lang))
    return noun is not None and noun.persons


@cache
def _is_measure(cls: str) -> bool:
    """A class of measures (depth, wind speed): one under a class with a base unit."""
    table = vocabulary.subject_classes()
    return any(table[a].base_unit for a in ancestors(cls) if a in table)


def _demonym_words(sent: Sentence) -> frozenset[str]:
    gaz = gazetteer()
    demonyms = gaz.demonyms  # keyed by the fold of the word, its lower case when ASCII
    return frozenset(
        t.lower
        for t in sent.tokens
        if t.is_capitalized
        and (t.lower in demonyms if t.text.isascii() else gaz.country_of_demonym(t.text) is not None)
    )


@cache
def _continuing(lang: str) -> frozenset[str]:
    """Words before a figure that continue the clause before it ("and", "while", "with")."""
    return vocabulary.grammar(lang).conjunctions | {"while", "with"}


def annotate_subjects(sent: Sentence, ctx: DocContext) -> None:
    """What each quantity counts, with the parts groups of coordinated figures ("12 nurses
    and three doctors") and the differences that count nothing ("3,000 more")."""
    if not sent.quantities:
        return
    lang = sent.language
    g = vocabulary.grammar(lang)
    tokens = sent.tokens
    found = sent.quantities
    place_tokens = sent.place_tokens()
    place_words = frozenset([tokens[i].lower for i in place_tokens]) | _demonym_words(sent)
    is_number = {i for f in found for i in range(f.num_first, f.num_last + 1)}
    in_time = set(tokens_in_times(sent))
    phrases: list[SubjectPhrase | None] = []
    groups_of: dict[int, SubjectPhrase] = {}  # a figure's partitive group, by id of its Found
    taken: set[int] = set()
    for f in found:
        phrase = forward_phrase(tokens, f.last + 1, is_number, in_time, lang) if f.unit is None else None
        if phrase is not None and _group_words(tokens, f, lang) == (phrase.first, phrase.first):
            phrase = None  # "Dezesseis deles": a pronoun of the group, no noun
        if f.unit is None and (phrase is None or tokens[f.last + 1].lower in g.partitive):
            # "40 were men", "27 of the victims were Mexican nationals": the group the
            # partitive names still says what happened to them ("five of the injured")
            after = f.last + 1 if phrase is None else phrase.last + 1
            counted_group = phrase
            if phrase is None:
                after, counted_group = _past_counted_group(tokens, after, is_number, in_time, lang)
            predicate = _predicate_noun(tokens, after, is_number, in_time, lang)
            if predicate is not None:
                if counted_group is not None:
                    groups_of[id(f)] = counted_group
                phrase = predicate
        if phrase is not None:
            taken.update(range(phrase.first, phrase.last + 1))
        phrases.append(phrase)
        taken.update(range(f.first, f.last + 1))
    # "Three adults and a minor": the article of the last conjunct counts one
    for k in range(len(found)):
        phrase = phrases[k]
        if (
            phrase is not None
            and phrase.coordinated_number
            and phrase.stop + 1 < len(tokens)
            and tokens[phrase.stop + 1].lower in g.articles
            and phrase.stop + 1 not in is_number
            # "287 pupils, a local official said": the article opens the speaker, who is no part
            and not any(a.first <= phrase.stop + 1 <= a.last for a in sent.attributions)
        ):
            j = phrase.stop + 1
            found.append(Found(j, j, j, j, 1.0, 1.0, 1.0, False, False, "exact", kind="article"))
            is_number.add(j)
            extra = forward_phrase(tokens, j + 1, is_number, in_time, lang)
            phrases.append(extra)
            if extra is not None:
                taken.update(range(extra.first, extra.last + 1))
    order = sorted(range(len(found)), key=lambda k: found[k].first)
    sent.quantities = [found[k] for k in order]
    phrases = [phrases[k] for k in order]
    for pos in range(len(order) - 1):
        phrase = phrases[pos]
        if phrase is not None and phrase.coordinated_number and not _of_a_group(tokens, sent.quantities[pos + 1], lang):
            # "11 supervivientes, uno de los cuales murió": a part of the first, not a sibling
            gid = sent.groups.setdefault(pos, f"{ctx.doc.id}:{tokens[sent.quantities[pos].first].start}")
            sent.groups[pos + 1] = gid
    previous: SubjectMention | None = None
    # "across five states, including 74 in Kentucky, 6 in Illinois and 4 in Tennessee": a
    # number of places is no noun the figures after it elide
    previous_first = -1
    place_counts = {j for j, _ in sent.place_counts}
    elided = g.elided_heads
    mentions: list[SubjectMention] = []
    for pos, f in enumerate(sent.quantities):
        phrase = phrases[pos]
        mention = SubjectMention(stop=phrase.stop if phrase else None)
        after_elided = f.last + 1 < len(tokens) and tokens[f.last + 1].lower in elided
        continues = after_elided or (f.first > 0 and tokens[f.first - 1].lower in _continuing(lang))
        if phrase is not None and not (len(phrase.words) == 1 and phrase.words[0].lower() in elided):
            cls, implied = classify(phrase.words, lang)
            if implied is None and id(f) in groups_of:
                implied = classify(groups_of[id(f)].words, lang)[1]  # "27 of the dead were Mexicans"
            lone = len(phrase.words) == 1 and singular(phrase.words[0], lang) == phrase.words[0].lower()
            if implied is not None and cls == "person" and lone and previous and continues:
                # "23 people were killed and more than 300 injured": the noun is the earlier one's
                mention = SubjectMention(previous.subject, previous.text, None, None, previous.subject_class)
                mention.event, mention.stop = implied, phrase.stop
            else:
                mention.subject = normalize(phrase.words, place_words, lang)
                if implied is not None and cls is not None and _names_persons(phrase.words, lang):
                    # "40 fallecidos", "27 dead": persons named by what happened to them; the
                    # event says what, the subject who ("40 personas fallecidas")
                    mention.subject = _class_word(cls, lang) or mention.subject
                mention.text = sent.body[tokens[phrase.first].start : tokens[phrase.last].end]
                mention.first, mention.last = phrase.first, phrase.last
                mention.subject_class, mention.event = cls, implied
                staff = _staff_class(tokens, phrase.words, lang)
                if staff is not None:
                    # "150 funcionarios secuestrados en las cárceles": those who work at
                    # the facility the sentence names, as "prison workers" are
                    mention.subject_class = staff
                if cls == "person" and len(phrase.words) == 1:
                    # "Nearly 175 people, guards and prison administration officials, were ...":
                    # the apposition says which people
                    mention.subject_class = _apposition_class(tokens, phrase.last, lang) or cls
        elif pos > 0 and _conversion(tokens, sent.quantities[pos - 1], f):
            # "30 miles (50 km)": a conversion measures what the figure before it measures
            before = mentions[pos - 1]
            mention = SubjectMention(before.subject, before.text, None, None, before.subject_class)
        elif f.unit is not None and f.unit not in _COUNTLESS_UNITS and f.unit in _measure_units():
            # the search back stops at a measure before it, not at a count ("a series of
            # blasts, including two truck bombs ... within less than 36 hours")
            floor = sent.quantities[pos - 1].last + 1 if pos > 0 and sent.quantities[pos - 1].unit else 0
            mention = _measure_mention(sent, f, floor, is_number, in_time, taken, place_tokens, place_words)
        elif f.unit is not None and f.unit in vocabulary.units().currencies:
            floor = sent.quantities[pos - 1].last + 1 if pos > 0 else 0
            mention = _money_mention(sent, f, floor, is_number, in_time, place_words)
        elif f.unit is None and phrase is None and _of_a_group(tokens, f, lang):
            # "25 de ellas", "About 30 of them": a part of the group counted just before; a
            # group named by sex or age ("25 hombres adultos ... 11 de ellos") is a group of
            # persons, whom the article's population may name
            group = previous.subject_class if previous is not None else None
            if previous is None and ctx.last_counted is not None:
                group = ctx.last_counted[0]
            if group not in rules().demographic:
                mention.subject_class = group
            span = _group_words(tokens, f, lang)
            if span is not None and previous is not None:
                # "120 víctimas fatales, 48 de ellas en la capital": what happened to the
                # group happened to its part, unless a verb right after says otherwise
                # ("11 supervivientes, uno de los cuales murió")
                mention.first, mention.last = span
                mention.text = sent.body[tokens[span[0]].start : tokens[span[1]].end]
                mention.event = previous.event
                mention.of_group = True
        elif previous is not None and f.unit is None and continues and previous_first not in place_counts:
            # "4,200 residents ... around 1,500 more": the elided noun is the earlier one
            mention = SubjectMention(
                previous.subject, previous.text, previous.first, previous.last, previous.subject_class, previous.event
            )
        elif f.unit is None and phrase is None and _bracketed(tokens, f) and previous is not None:
            # "Chile en 2010 (525), Perú en 2007 (600)": items of one list
            mention = SubjectMention(previous.subject, previous.text, None, None, previous.subject_class)
            mention.event = previous.event
        elif (
            f.unit is None
            and f.first > 0
            and (tokens[f.first - 1].lower in g.count_leads or _bracketed(tokens, f))
            and not any(e.first == f.last + 1 for e in sent.events)
        ):
            # "the death toll rose to 2,300", "la cifra de muertos ... Panamá (318)":
            # what is counted was named before the figure; not a figure with an event noun
            # of its own ("the death toll from two explosions", "por las dos explosiones")
            floor = sent.quantities[pos - 1].last + 1 if pos > 0 else 0
            if floor and _bare_tally(tokens, floor, f.first, lang):
                # "35, informó Protección Civil, mientras que la Secretaría de Salud mantenía su
                # balance en 32": a tally naming nothing counts what the figure before counts
                head = None
            else:
                head = backward_class_noun(tokens, f.first, taken, lang, floor)
            if floor:
                # "The death toll from two massive explosions at a warehouse ... rose to 85":
                # the figure before is in the complement of the tally that opens the clause,
                # whose noun is this figure's, not the complement's ("explosions")
                head = _opening_tally(tokens, sent.quantities[pos - 1].first, f.first, taken, lang) or head
            elif not floor:
                # "La cifra de fallecidos por el colapso del techo ..., en el norte de Perú, subió
                # a seis", "The number of people killed when part of the roof ... collapsed in the
                # city of Trujillo ... has risen to eight": the tally the sentence opens with
                head = _sentence_tally(tokens, f.first, lang) or head
            if (
                head is None
                and floor
                and previous is not None
                and previous.subject_class is not None
                # not an article read as one ("the toll from the sinking of a migrant boat
                # ... to 27"): the toll before it is the noun
                and sent.quantities[pos - 1].kind not in ("article", "article_count")
            ):
                # "Police said 71 people died, revising down an earlier estimate of about
                # 80": the noun the earlier figure took, not one before it (the speaker)
                mention = SubjectMention(
                    previous.subject, previous.text, None, None, previous.subject_class, previous.event
                )
            elif head is None and floor:
                head = backward_class_noun(tokens, f.first, taken, lang)
            if head is not None:
                mention.subject, mention.text = head[1], tokens[head[0]].text
                mention.subject_class, mention.event = toll_class(tokens, head[0], lang)
                if mention.event is None:
                    # "the number of people who have died ... rose to 49": what happened is
                    # the relative clause's, right after the noun
                    mention.event = _relative_event(sent, head[0], f.first)
            elif ctx.last_counted is not None and _after_tally(tokens, f.first, lang):
                # "una vocera ha elevado el balance a 23": the tally of the last count
                mention.subject_class = ctx.last_counted[0]
        if f.unit is None and mention.subject is not None:
            previous, previous_first = mention, f.num_first
        if phrase is None and after_elided and not _another_place(tokens, f.last + 2, g.additive_places):
            sent.comparative.add(pos)
        elif f.unit is None and _increment(sent, f, mention, g):
            sent.comparative.add(pos)  # "16,973 new cases", "four more deaths": an increment
        elif f.unit is None and f.last + 1 < len(tokens) and tokens[f.last + 1].lower in g.multiples:
            sent.comparative.add(pos)  # "contadas dos veces", "four times the number": how often
        elif pos - 1 in sent.comparative and _partitive_relative_before(tokens, f, g):
            sent.comparative.add(pos)  # "16.973 nuevos casos, de los cuales 7.000 ...": a part of one
        mentions.append(mention)
    _parts_take_the_whole_noun(sent, mentions)
    sent.subjects = mentions


def _parts_take_the_whole_noun(sent: Sentence, mentions: list[SubjectMention]) -> None:
    """ "20 of the 26 provinces", "12 of the 40 houses": a figure with no noun of its own,
    right before a partitive and the whole it is a part of, counts the whole's noun (its
    class and words; what happened to the part is its own verb's), when that is no class
    of persons."""
    g = vocabulary.grammar(sent.language)
    found = sent.quantities
    for pos in range(len(found) - 1):
        part, whole = mentions[pos], mentions[pos + 1]
        if part.subject is not None or part.subject_class is not None or whole.subject is None:
            continue
        cls = whole.subject_class
        if found[pos + 1].unit is not None or (cls is not None and is_nationality(cls)):
            continue  # "venti di 165 miglia" (winds), "one of the six Ecuadorian facilities"
        if cls is None or cls == "person" or "person" in ancestors(cls):
            # persons are left to the part's verb: "Vingt-cinq des 30 employés ... libérés"
            # and "28 workers freed" are one group, which the classes would set apart as a
            # part and its whole
            continue
        between = sent.tokens[found[pos].last + 1 : found[pos + 1].first]
        if not between or between[0].lower not in g.partitive:
            continue
        if not all(t.lower in g.articles or t.lower in g.determiners for t in between[1:]) or len(between) > 2:
            continue
        part.subject, part.text, part.subject_class = whole.subject, whole.text, whole.subject_class


_RELATIVE_REACH = 4
"""Words from a relative pronoun to its verb: "who have", "que han", "who had been"."""


def _relative_event(sent: Sentence, noun: int, before: int) -> str | None:
    """The event of a relative clause that opens right after the noun at token ``noun``
    ("people who have died", "personas que han muerto", "people killed by"), ending before
    token ``before``."""
    g = vocabulary.grammar(sent.language)
    k = noun + 1
    if k < before and any(e.first == k for e in sent.events):
        # "the number of people killed by the quake rose to 2,946": a participle right after
        # the noun, a relative clause with its pronoun left out
        return next(e.event for e in sent.events if e.first == k)
    if k >= before or sent.tokens[k].lower not in g.relative:
        return None
    reach = min(before, k + 1 + _RELATIVE_REACH)
    return next((e.event for e in sent.events if k < e.first < reach), None)


def _staff_class(tokens: Sequence[Token], words: Sequence[str], lang: str) -> str | None:
    """The staff class of a facility the sentence names, when the counted words are a
    generic staff noun ("workers", "funcionarios"): None otherwise, or when the sentence
    names facilities of different staff."""
    if len(words) != 1 or not staff_noun(words[0], lang):
        return None
    found: set[str] = set()
    for i in range(len(tokens)):
        hit = class_at(tokens, i, lang)
        staff = facility_staff(hit[1]) if hit is not None else None
        if staff is not None:
            found.add(staff)
    return found.pop() if len(found) == 1 else None


_APPOSITION_WORDS = 8


def _apposition_class(tokens: Sequence[Token], last: int, lang: str) -> str | None:
    """The class an apposition set off by commas right after a generic noun of persons
    names ("175 people, guards and officials, were held"), when it names a narrower class
    of persons that is no share by age or sex ("12 people, mostly women," counts people)."""
    if last + 2 >= len(tokens) or tokens[last + 1].text != ",":
        return None
    if tokens[last + 2].lower in vocabulary.grammar(lang).phrase_breaks:
        return None  # "25 people, including a police officer, were killed": a part, no apposition
    words: list[str] = []
    closing = None
    for k in range(last + 2, min(len(tokens), last + 3 + _APPOSITION_WORDS)):
        t = tokens[k]
        if t.text == ",":
            closing = k
            break
        if not t.is_word or t.is_capitalized or t.is_digit:
            return None
        words.append(t.text)
    if closing is None or not words or closing + 1 >= len(tokens):
        return None  # no closing comma: not an apposition
    # the clause goes on with its verb after the closing comma ("..., were taken"); another
    # noun there is a list ("44 personas, entre policías, guías y personal de cocina")
    g = vocabulary.grammar(lang)
    after = tokens[closing + 1]
    if not (after.lower in g.auxiliaries or is_verbish(after, lang)):
        return None
    cls, _ = classify(words, lang)
    if cls is None or cls == "person" or "person" not in ancestors(cls):
        return None
    kind = vocabulary.subject_classes().get(cls)
    return None if kind is None or kind.breakdown or kind.role else cls


def _another_place(tokens: Sequence[Token], k: int, prepositions: frozenset[str]) -> bool:
    """ "9 más en Jujuy": another item of a list by place, not a comparison."""
    return k < len(tokens) and tokens[k].lower in prepositions


def _conversion(tokens: Sequence[Token], before: Found, f: Found) -> bool:
    """ "30 miles (50 km)", "165 mph (266 km/h)": a measure in brackets right after another."""
    return (
        f.unit is not None
        and before.unit is not None
        and f.first >= 2
        and tokens[f.first - 1].text == "("
        and before.last == f.first - 2
    )


def _group_words(tokens: Sequence[Token], f: Found, lang: str) -> tuple[int, int] | None:
    """The tokens of "de ellas", "of whom", "de los cuales" right after the figure, or None."""
    g = vocabulary.grammar(lang)
    pronouns = counted_words(lang).group_pronouns
    k = f.last + 1
    if k < len(tokens) and tokens[k].lower in pronouns and _contracted(tokens[k].lower, g.partitive):
        return k, k  # "Dezesseis deles", "cinco delas": the partitive written into the pronoun
    if k + 1 < len(tokens) and tokens[k].lower in g.partitive:
        if tokens[k + 1].lower in pronouns:
            return k, k + 1  # "of them", "of those", "de ellas"
        if k + 2 < len(tokens) and tokens[k + 1].lower in g.determiners and tokens[k + 2].lower in pronouns:
            return k, k + 2  # "de los cuales"
    return None


def _contracted(word: str, partitive: Collection[str]) -> bool:
    """A pronoun with the partitive written into it ("deles", "delas"): it begins with a
    one-word partitive and is longer than it."""
    return any(" " not in p and word.startswith(p) and len(word) > len(p) + 1 for p in partitive)


def _of_a_group(tokens: Sequence[Token], f: Found, lang: str) -> bool:
    """ "25 de ellas", "thirty of them", "uno de los cuales", and a sentence that opens "De
    ellas, ..." / "Of those, ...": the figure is a part of the group counted just before."""
    if _group_words(tokens, f, lang) is not None:
        return True
    g = vocabulary.grammar(lang)
    pronouns = counted_words(lang).group_pronouns
    return len(tokens) > 2 and tokens[0].lower in g.partitive and tokens[1].lower in pronouns and f.first > 1


def _measure_mention(
    sent: Sentence,
    f: Found,
    floor: int,
    is_number: set[int],
    in_time: set[int],
    taken: set[int],
    place_tokens: set[int],
    place_words: frozenset[str],
) -> SubjectMention:
    """What a measure measures: a measure noun after it ("165 mph winds", "20 kilómetros de
    profundidad"), else one before it ("ráfagas que llegaron a los 180
    km/h"), else the nearest noun before it. The search back stops at token ``floor``:
    in "a una profundidad de 19 km, 27 kilómetros al sur" the second is a plain distance."""
    lang, tokens = sent.language, sent.tokens
    mention = SubjectMention()
    ahead = forward_phrase(tokens, f.last + 1, is_number, in_time, lang)
    named = classify(ahead.words, lang)[0] if ahead is not None else None
    if ahead is not None and named is not None and _is_measure(named):
        mention.subject = normalize(ahead.words, place_words, lang)
        mention.text = sent.body[tokens[ahead.first].start : tokens[ahead.last].end]
        mention.subject_class = named
        return mention
    for j in range(f.first - 1, max(floor, f.first - _MEASURE_WINDOW) - 1, -1):
        hit = class_at(tokens, j, lang) if tokens[j].is_word else None
        if hit is not None and _is_measure(hit[1]):
            mention.subject, mention.text = singular(tokens[j].text, lang), tokens[j].text
            mention.subject_class = hit[1]
            return mention
    head = backward_head(tokens, f.first, taken, place_tokens, lang, floor)
    if head is not None:
        mention.subject, mention.text = head[1], tokens[head[0]].text
        mention.subject_class = classify([head[1]], lang)[0]
    return mention


_MEASURE_WINDOW = 12
"""Tokens before a measure searched for the noun of what it measures."""


def _money_mention(
    sent: Sentence, f: Found, floor: int, is_number: set[int], in_time: set[int], place_words: frozenset[str]
) -> SubjectMention:
    """What a sum is spent on or lost to: the phrase after it ("$3 billion in damage", "a
    $1.2 billion rebuilding plan", "800 millones de dólares las pérdidas"), else the
    nearest noun of a money class before it ("damages were put at $10bn")."""
    lang, tokens = sent.language, sent.tokens
    mention = SubjectMention()
    start = f.last + 1
    linked = start < len(tokens) and tokens[start].lower in counted_words(lang).money_prepositions
    if linked:
        start += 1
    money = rules().money
    hit = class_at(tokens, start, lang) if start < len(tokens) and tokens[start].is_word else None
    if hit is not None and hit[1] in money:
        # "$3 billion in damage": "damage" is also an event word, which ends a phrase
        last = start + hit[0] - 1
        mention.subject = " ".join(singular(t.text, lang) for t in tokens[start : last + 1])
        mention.text = sent.body[tokens[start].start : tokens[last].end]
        mention.first, mention.last, mention.subject_class = start, last, hit[1]
        return mention
    ahead = forward_phrase(tokens, start, is_number, in_time, lang)
    named = classify(ahead.words, lang)[0] if ahead is not None else None
    if ahead is not None and (not linked or named in money):
        # after a preposition only a money class: "$5 million for victims" counts no victims
        mention.subject = normalize(ahead.words, place_words, lang)
        mention.text = sent.body[tokens[ahead.first].start : tokens[ahead.last].end]
        mention.first, mention.last = ahead.first, ahead.last
        mention.subject_class = named
        return mention
    for j in range(f.first - 1, max(floor, f.first - _MEASURE_WINDOW) - 1, -1):
        hit = class_at(tokens, j, lang) if tokens[j].is_word else None
        if hit is not None and hit[1] in money:
            mention.subject, mention.text = singular(tokens[j].text, lang), tokens[j].text
            mention.subject_class = hit[1]
            return mention
    return mention


def _increment(sent: Sentence, f: Found, mention: SubjectMention, g: vocabulary.Grammar) -> bool:
    """Whether a word of increment stands right after the figure or right after its noun,
    or its event noun ("16,973 new cases", "four more deaths", "156 nuevas muertes", "12
    casos nuevos"); not "900,000 grew more desperate"."""
    tokens = sent.tokens
    k = f.last + 1
    if mention.last is not None and mention.last >= k:
        end = mention.last + 1
    else:
        noun = next((e for e in sent.events if e.first == k), None)  # "12 casos nuevos"
        end = noun.last + 1 if noun is not None else k
    return any(t.lower in g.increments for t in tokens[k : end + 1])


_CAUSE_REACH = 6
"""Tokens between a changed figure and the one saying what changed it ("to 41 on Monday
after one of the injured")."""


def cause_of_change(tokens: Sequence[Token], before: Found, f: Found, g: vocabulary.Grammar) -> bool:
    """The figure ``f`` opens what made the figure ``before`` rise or fall: a word of
    ``change_causes`` stands between them, within a few words and in one clause."""
    if before.trend not in ("up", "down") or f.first - before.last > _CAUSE_REACH + 1:
        return False
    between = tokens[before.last + 1 : f.first]
    return any(t.lower in g.change_causes for t in between) and not any(t.text in ";:." for t in between)


def _partitive_relative_before(tokens: Sequence[Token], f: Found, g: vocabulary.Grammar) -> bool:
    """A partitive relative right before the figure ("de los cuales 7.000", "of which 7,000",
    "dont 7.000"): the figure is a part of the one before it."""
    words = [t.lower for t in tokens[max(0, f.first - 3) : f.first]]
    return any(w in g.relative for w in words[-2:]) and (any(w in g.partitive for w in words) or words[-1:] == ["dont"])


_TALLY_OPENING = 6
"""Words from a clause's start to the tally that opens it: determiners, modifiers and a
connective ("con lo que el total de víctimas", "so that the total number")."""


def _led_value(tokens: Sequence[Token], k: int, g: vocabulary.Grammar) -> bool:
    """The figure at token ``k`` is a tally's value after its verb ("chegou a 65", "rose to
    65", "reached 65"), not a figure in its complement ("from two explosions", "de los dos
    atentados", "between two buses"): a count lead that is a verb, or a preposition after
    a verb of the count leads."""
    if k < 1:
        return False

    def verb(j: int) -> bool:
        w = tokens[j].lower if j >= 0 else ""
        return w in g.count_leads and w not in g.phrase_breaks | g.partitive | g.determiners

    lead = tokens[k - 1].lower
    if lead in g.determiners and k >= 2:
        lead, k = tokens[k - 2].lower, k - 1  # "ascendió a los 76"
    return verb(k - 1) or (lead in g.count_leads and lead not in g.partitive and verb(k - 2))


def _opening_tally(
    tokens: Sequence[Token], inner: int, before: int, taken: set[int], lang: str
) -> tuple[int, str] | None:
    """The class noun of a tally that opens the clause of the figure at token ``before``,
    when the figure at token ``inner`` stands between them in the tally's complement: the
    tally ("toll", "cifra") after only determiners and modifiers from the clause's start,
    then no mark of punctuation up to the figure. None where no tally opens the clause."""
    g = vocabulary.grammar(lang)
    tallies = counted_words(lang).tally_nouns
    start = inner
    while start > 0 and tokens[start - 1].text not in ",;:.()":
        start -= 1
    t = next((j for j in range(start, min(inner, start + _TALLY_OPENING)) if tokens[j].lower in tallies), None)
    if t is None or any(tokens[k].text in ",;:()" for k in range(inner, before)):
        return None
    if _led_value(tokens, inner, g):
        return None  # "o número de mortos chegou a 65 e o de desaparecidos caiu para 279": its value
    if not all(tokens[k].lower in g.determiners or tokens[k].is_word for k in range(start, t)):
        return None
    if any(tokens[k].lower in tallies for k in range(inner, before)):
        return None  # a tally of its own nearer the figure
    return backward_class_noun(tokens, inner, taken, lang, start)


def _sentence_tally(tokens: Sequence[Token], before: int, lang: str) -> tuple[int, str] | None:
    """The counted noun of a tally that opens the sentence of the first figure (at token
    ``before``, after a count lead), however far before it: the tally's own noun after a
    partitive ("la cifra de fallecidos", "the number of people killed"), else the tally ("the
    death toll from ... rose to"). None where no tally opens the sentence, or a mark of a new
    clause (";", ":") or another tally stands between."""
    g = vocabulary.grammar(lang)
    tallies = counted_words(lang).tally_nouns
    k = 0
    while k < min(before, 3) and tokens[k].is_word and tokens[k].lower not in tallies:
        k += 1  # "The", "The death", "La": determiners and modifiers before the tally
    if k >= before or tokens[k].lower not in tallies:
        return None
    if any(t.text in ";:" or t.lower in tallies for t in tokens[k + 1 : before]):
        return None
    j = k + 1
    if j + 1 < before and tokens[j].lower in g.partitive and tokens[j + 1].is_word:
        noun = tokens[j + 1]
        if event_noun(noun.lower, lang) or fold(singular(noun.lower, lang)) in heads(lang):
            return j + 1, singular(noun.lower, lang)
    return (k, singular(tokens[k].lower, lang)) if event_noun(tokens[k].lower, lang) else None


def _bracketed(tokens: Sequence[Token], f: Found) -> bool:
    """A figure alone in brackets: "(1.142)", "(entre 200.000 y 250.000)"."""
    return (
        f.first > 0 and f.last + 1 < len(tokens) and tokens[f.first - 1].text == "(" and tokens[f.last + 1].text == ")"
    )


def _after_tally(tokens: Sequence[Token], before: int, lang: str) -> bool:
    """A tally noun ("la cifra", "the figure") among the few words before token ``before``."""
    nouns = counted_words(lang).tally_nouns
    return any(tokens[j].lower in nouns for j in range(max(0, before - _TALLY_WINDOW), before))


_TALLY_WINDOW = 4
"""Words between a tally noun and its figure: "elevado el balance a 23"."""


def _bare_tally(tokens: Sequence[Token], floor: int, before: int, lang: str) -> bool:
    """A tally noun that names nothing it counts ("su balance", "its figure"; not "the
    death toll", "la cifra de muertos") among the few words before token ``before``, after
    token ``floor``."""
    nouns = counted_words(lang).tally_nouns
    t = next(
        (j for j in range(before - 1, max(floor, before - _TALLY_WINDOW) - 1, -1) if tokens[j].lower in nouns), None
    )
    if t is None or event_noun(tokens[t].lower, lang):
        return False
    named = range(max(floor, t - 1), before)
    return not any(
        tokens[k].is_word and (event_noun(tokens[k].lower, lang) or class_at(tokens, k, lang) is not None)
        for k in named
        if k != t
    )


def _past_counted_group(
    tokens: Sequence[Token], k: int, is_number: set[int], in_time: set[int], lang: str
) -> tuple[int, SubjectPhrase | None]:
    """Token ``k``, or past a partitive group that gives its own figure ("five of the six
    victims were women": the token after "victims", and the group's noun), where a
    predicate may follow."""
    g = vocabulary.grammar(lang)
    if k >= len(tokens) or tokens[k].lower not in g.partitive:
        return k, None
    j = k + 1
    while j < len(tokens) and tokens[j].lower in g.determiners:
        j += 1
    if j not in is_number:
        return k, None
    while j in is_number:
        j += 1
    noun = forward_phrase(tokens, j, is_number, in_time, lang)
    return (noun.last + 1, noun) if noun is not None else (k, None)


def _predicate_noun(
    tokens: Sequence[Token], k: int, is_number: set[int], in_time: set[int], lang: str
) -> SubjectPhrase | None:
    """ "Of the dead, 40 were men and 13 were women", "39 eran hombres", "27 of the victims
    were Mexican nationals": a noun after a form of "to be" at token ``k`` that names the
    counted by sex, age or nationality (``demographic`` of counted.yaml; a nationality)
    says what the figure counts; any other noun there is a predicate, not the counted."""
    if k >= len(tokens) or tokens[k].lower not in vocabulary.grammar(lang).auxiliaries:
        return None
    phrase = forward_phrase(tokens, k + 1, is_number, in_time, lang)
    if phrase is None:
        return None
    cls, _ = classify(phrase.words, lang)
    return phrase if cls is not None and (cls in rules().demographic or is_nationality(cls)) else None
