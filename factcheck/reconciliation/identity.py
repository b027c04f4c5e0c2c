"""How the parts of two quantity keys relate: the class of what is counted (with
synonyms from ``data/subjects.yaml``, matched with rapidfuzz for variants) and the place
(with containment).

Relations are ``same``, ``part`` (the first is part of the second), ``whole`` or None."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Literal

from rapidfuzz import fuzz, process

from .. import vocabulary
from ..extraction.demonyms import nationality
from ..extraction.facilities import facility_kind as kind_of_facility
from ..extraction.placewords import all_place_words
from ..extraction.population import gender_words
from ..extraction.timewords import languages
from ..gazetteer import fold
from ..models import Place

Relation = Literal["same", "part", "whole"] | None
FUZZY_CUTOFF = 88
"""rapidfuzz ratio above which a written subject is a spelling variant of a class name
("policemen"/"policeman", "penitentiary guards"/"penitentiary guard")."""


@cache
def _names() -> dict[str, str]:
    return {name: cls for cls, entry in vocabulary.subjects().classes.items() for name in entry.names}


@cache
def _ancestors(cls: str) -> frozenset[str]:
    table = vocabulary.subjects().classes
    out: set[str] = set()
    todo = list(table[cls].broader) if cls in table else []
    while todo:
        c = todo.pop()
        if c not in out:
            out.add(c)
            todo.extend(table[c].broader)
    return frozenset(out)


@cache
def _roles() -> frozenset[str]:
    return frozenset(c for c, e in vocabulary.subjects().classes.items() if e.role)


@cache
def _breakdowns() -> frozenset[str]:
    return frozenset(c for c, e in vocabulary.subjects().classes.items() if e.breakdown)


def is_breakdown(cls: str) -> bool:
    """Whether a subject class is a share of a group by age, sex or nationality
    ("children", "Guatemalans"): a part of a count of people, never the count itself."""
    return cls in _breakdowns() or nationality(cls.removeprefix("raw:")) is not None


def is_person(cls: str) -> bool:
    """Whether a subject class counts people: a role (hostage, victim), a kind of person,
    or nationals ("13 Hondurans", "13 hondureños")."""
    return cls in _roles() or "person" in _ancestors(cls) or nationality(cls.removeprefix("raw:")) is not None


@cache
def _children() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for cls, entry in vocabulary.subjects().classes.items():
        for parent in entry.broader:
            out.setdefault(parent, set()).add(cls)
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=16384)
def classify_phrase(phrase: str) -> str:
    """The class of one conjunct ("prison officer" -> guard), or ``raw:`` + the phrase.

    >>> classify_phrase("prison officer"), classify_phrase("ecuador inmate"), classify_phrase("policemen")
    ('guard', 'inmate', 'police officer')
    """
    names = _names()
    words = phrase.split()
    for k in range(len(words)):
        tail = " ".join(words[k:])
        if tail in names:
            return names[tail]
    match = process.extractOne(phrase, list(names), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
    if match is not None:
        return names[match[0]]
    return "raw:" + (words[-1] if words else phrase)


@lru_cache(maxsize=16384)
def subject_classes(subject: str) -> frozenset[str]:
    """The classes a subject names, with complete sets of narrower classes folded into
    their parent ("guard and police officer" is "law enforcement officer").

    >>> sorted(subject_classes("guard and police officer"))
    ['law enforcement officer']
    """
    classes = {classify_phrase(part.strip()) for part in subject.split(" and ") if part.strip()}
    changed = True
    while changed:
        changed = False
        for parent, kids in _children().items():
            if len(kids) > 1 and kids <= classes:
                classes = (classes - kids) | {parent}
                changed = True
    return frozenset(classes)


def _covers(whole: str, part: str) -> bool:
    if whole == part:
        return True
    if whole in _roles():
        # "57 hostages" holds "50 guards"; not the suspects who took them
        return is_person(part) and (whole == "person" or part not in _agents())
    return whole in _ancestors(part)


@cache
def _agents() -> frozenset[str]:
    return frozenset(c for c, e in vocabulary.subjects().classes.items() if e.agent)


@lru_cache(maxsize=65536)
def subject_relation(a: frozenset[str], b: frozenset[str]) -> Relation:
    """How the classes ``a`` relate to ``b``.

    >>> subject_relation(frozenset({"guard"}), frozenset({"hostage"}))
    'part'
    >>> subject_relation(frozenset({"guard"}), frozenset({"police officer"})) is None
    True
    """
    if a == b:
        return "same"
    roles = _roles()
    if a <= roles and b <= roles:
        return "same"
    a_in_b = all(any(_covers(y, x) for y in b) for x in a)
    b_in_a = all(any(_covers(x, y) for x in a) for y in b)
    if a_in_b and b_in_a:
        return "same"
    if a_in_b:
        return "part"
    if b_in_a:
        return "whole"
    return None


def place_relation(a: Place | None, b: Place | None) -> Relation:
    """How place ``a`` relates to ``b``: Turi jail is part of Cuenca; an unnamed prison in
    Cuenca may be Turi jail, so the two are the same scope."""
    if a is b:
        return "same"  # one record (claims share their places), or no place on either side
    if a is None or b is None:
        return None
    if a.kind == b.kind and a.name == b.name and (a.within == b.within or (a.name and _refines(a.within, b.within))):
        # "the Binondo district of Manila" and "Binondo, in the capital region": one place,
        # one text naming more of its containers
        return "same"
    if (
        a.kind == "facility"
        and b.kind == "facility"
        and a.within[:1] == b.within[:1]
        and (a.name is None or b.name is None)
    ):
        return "same"
    if a.kind == "country" and b.kind == "country":
        return "same" if a.name == b.name else None
    # a region listed as parts ("Turkey and Syria") contains each part and what is in it
    if b.parts and (a.name in b.parts or any(p in a.within for p in b.parts)):
        return "part"
    if a.parts and (b.name in a.parts or any(p in b.within for p in a.parts)):
        return "whole"
    if b.name is not None and b.name in a.within:
        return "part"
    if a.name is not None and a.name in b.within:
        return "whole"
    return None


def _refines(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether one list of containers (innermost first) ends with the other: the same
    containers, one of them naming an inner one more."""
    if len(a) < len(b):
        a, b = b, a
    return a[len(a) - len(b) :] == b


def combine(subject: Relation, place: Relation) -> Relation:
    """Both must point the same way for claims to be comparable."""
    if subject is None or place is None:
        return None
    if subject == "same":
        return place
    if place == "same" or place == subject:
        return subject
    return None


@cache
def _facility_noise() -> frozenset[str]:
    """The words that say what kind a facility is, in every language ("jail", "cárcel",
    "centro penitenciario", "women's", "femenino"), and the function words between them."""
    words: set[str] = set()
    for pw in all_place_words():
        for nouns in pw.facility_words.values():
            for noun in nouns:
                words.update(fold(noun).replace("'s", " ").split())
    for lang in vocabulary.languages():
        if vocabulary.data_language(lang) != lang:
            continue
        g = vocabulary.grammar(lang)
        words.update(fold(w) for w in g.determiners | g.partitive)
        words.update(w for ws in gender_words(lang).values() for w in ws)
    return frozenset(words | {"de", "del", "of", "the", "s"})


_BRACKETED = re.compile(r"\([^()]*\)")


@lru_cache(maxsize=4096)
def facility_core(name: str) -> str:
    """What names a facility in any language: its name less the words for its kind and the
    function words ("Turi jail", "la cárcel de Turi" and "Turi prison" are all "turi"). A
    name made only of such words ("Centro Femenino de Adaptación Social") is kept whole.

    >>> facility_core("Turi jail"), facility_core("cárcel de Turi"), facility_core("the prison of Turi")
    ('turi', 'turi', 'turi')
    >>> facility_core("Centro Femenino de Adaptación Social")
    'centro femenino de adaptacion social'
    >>> facility_core("Centro de Privación de Libertad (CPL) Turi")
    'turi'
    """
    # a short name in brackets ("Centro de Privación de Libertad (CPL) Turi") names the kind
    folded = _BRACKETED.sub(" ", fold(name)).replace("’", "'").replace("'s", " ")
    words = [w.strip(".,()'\"") for w in folded.split()]
    core = [w for w in words if w and w not in _facility_noise()]
    return " ".join(core) if core else " ".join(w for w in words if w)


@lru_cache(maxsize=4096)
def facility_kind(name: str) -> str | None:
    """The kind of facility a name says it is, in any language factcheck reads ("cárcel de
    Turi": prison; "Turi": None).

    >>> facility_kind("cárcel de Turi"), facility_kind("Turi jail"), facility_kind("hospital de Cuenca")
    ('prison', 'prison', 'hospital')
    """
    place = Place(name=name, kind="facility")
    return next((k for lang in languages("places") if (k := kind_of_facility(place, lang))), None)
