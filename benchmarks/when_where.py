"""As-of time and place accuracy on a gold corpus (../shared/dev): for each gold key claim,
is the as-of date right at the gold's precision, and is the claim's place the gold place?

    python benchmarks/when_where.py ../shared/dev [--misses FILE]

As-of: gold ``as_of`` values that start with a date (YYYY, YYYY-MM or YYYY-MM-DD) are
compared at the gold's precision; a prediction coarser than the gold is wrong. Place: the
claim overlapping the gold number is taken from the extraction; its most specific name
(a named place, or the place an unnamed facility is in) must appear in the gold place's
head (the words before the first comma or parenthesis), accents and case folded, and a
gold facility (prison, centre, ...) must be predicted as a facility; a predicted facility
also counts when a proper name of it (or of its place) appears in the gold place. Reads the corpus at
run time; copies nothing from it."""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import yaml

from factcheck.extraction import extract_document
from factcheck.extraction.quantities import find_quantities
from factcheck.extraction.tokens import split_sentences, tokenize
from factcheck.models import Document

try:
    from factcheck.extraction.times import find_times

    try:
        from factcheck.extraction.asof import as_of
    except ImportError:  # before the as-of rules moved to their own module
        from factcheck.extraction.times import as_of  # type: ignore[attr-defined,no-redef]
except ImportError:  # the code before find_times existed: the first time of the sentence, else published
    from factcheck.extraction.times import find_time

    as_of = find_times = None  # type: ignore[assignment]

CARRY = "--no-carry" not in sys.argv
INCIDENT = "--incident" in sys.argv  # --incident: a facility in the lead is the default scope
WIRE = "--as-wired" not in sys.argv  # --as-wired: places and times exactly as the composer calls them
CARRY = CARRY and WIRE
FACILITY = re.compile(
    r"prison|jail|penitentiary|cent(?:re|er)|hospital|school|station|facility|stadium|building|shelter"
)
ALIASES = {"ciudad de mexico": ("mexico city",), "estado de mexico": ("state of mexico", "mexico state")}


def fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()


def front(path: Path) -> tuple[dict[str, object], str]:
    text = path.read_text(encoding="utf-8")
    m = re.match(r"---\n(.*?)\n---\n", text, re.S)
    return (yaml.safe_load(m.group(1)) or {}, text[m.end() :]) if m else ({}, text)


def published(meta: dict[str, object]) -> tuple[dt.date | None, str | None]:
    value = meta.get("published")
    if isinstance(value, dt.date):
        return value, "day"
    m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$", str(value or ""))
    if not m:
        return None, None
    y, mo, d = int(m[1]), int(m[2] or 1), int(m[3] or 1)
    return dt.date(y, mo, d), "day" if m[3] else "month" if m[2] else "year"


def gold_date(value: object) -> tuple[tuple[int, ...], str] | None:
    m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", str(value or ""))
    if not m:
        return None
    parts = tuple(int(x) for x in m.groups() if x)
    return parts, ("year", "month", "day")[len(parts) - 1]


def predicted_as_of(
    body: str, s: tuple[int, int], q: tuple[int, int], pub: dt.date | None, prec: str | None, lang: str
) -> tuple[dt.date | None, str | None]:
    if find_times is not None:
        try:
            from factcheck.extraction.asof import document_date
        except ImportError:
            a = as_of(find_times(body, s[0], s[1], pub, prec, lang), q[0], q[1], pub, prec)
            return a.date, a.precision
        anchor = document_date(body, pub, prec, lang) if WIRE else None
        para = max(0, s[0] - 300)
        context = find_times(body, para, s[0], pub, prec, lang, anchor=anchor) if CARRY else []
        a = as_of(find_times(body, s[0], s[1], pub, prec, lang, anchor=anchor), q[0], q[1], pub, prec, anchor, context)
        return a.date, a.precision
    t = find_time(tokenize(body[s[0] : s[1]], s[0]), pub)
    if t is not None and t.date is not None:
        return t.date, "day"
    if t is not None and t.year is not None:
        return dt.date(t.year, 1, 1), "year"
    return pub, prec


def _extract(doc: Document, lang: str) -> list:
    """The document's claims, with the place functions given what the composer may not pass
    yet: the document's language and body, the facilities named before, place_of."""
    try:
        from factcheck.extraction import annotators, composer, places
        from factcheck.extraction.scope import place_of
    except ImportError:  # the layout before the annotators and the composer
        return extract_document(doc)

    if hasattr(composer, "place_of"):  # the composer calls the place functions itself
        return _extract_wired(doc)
    original = annotators.find_places, composer.choose_place
    known: list = []

    def find(toks, countries):  # type: ignore[no-untyped-def]
        found = places.find_places(toks, countries, lang, doc.body, known=list(known))
        known.extend(m.place for m in found if m.place.kind == "facility")
        return found

    def choose(mentions, f, attributions):  # type: ignore[no-untyped-def]
        toks = tokens_of.get(id(mentions))
        figures = [(q.first, q.last) for q in find_quantities(toks)] if toks else []
        return place_of(mentions, toks or [], f.first, f.last, figures, [(a.first, a.last) for a in attributions])

    tokens_of: dict[int, list] = {}

    def find_keep(toks, countries):  # type: ignore[no-untyped-def]
        found = find(toks, countries)
        tokens_of[id(found)] = toks
        return found

    import factcheck.extraction as extraction

    original_default = extraction.doc_country_place
    original_countries = extraction.document_countries
    if WIRE and "body" in places.document_countries.__code__.co_varnames:
        extraction.document_countries = lambda toks: places.document_countries(toks, doc.body)  # type: ignore
    if INCIDENT:

        def incident(countries):  # type: ignore[no-untyped-def]
            return places.incident_place(doc.body, countries, lang) or original_default(countries)

        extraction.doc_country_place = incident  # type: ignore[assignment]
    if WIRE:
        annotators.find_places = find_keep  # type: ignore[assignment]
        composer.choose_place = choose  # type: ignore[assignment]
    try:
        return extract_document(doc)
    finally:
        annotators.find_places, composer.choose_place = original
        extraction.doc_country_place = original_default
        extraction.document_countries = original_countries


def _extract_wired(doc: Document) -> list:
    """The claims as the composer makes them, with the body passed to document_countries
    unless --as-wired (so lower-case demonyms count)."""
    import factcheck.extraction as extraction
    from factcheck.extraction import places

    original = extraction.document_countries
    if WIRE:
        extraction.document_countries = lambda toks: places.document_countries(toks, doc.body)  # type: ignore
    try:
        return extract_document(doc)
    finally:
        extraction.document_countries = original


def main(argv: list[str]) -> int:
    corpus = Path(argv[1])
    misses = Path(argv[argv.index("--misses") + 1]) if "--misses" in argv else None
    docs = {}
    for path in sorted((corpus / "articles").glob("*/*.md")):
        meta, body = front(path)
        docs[str(meta.get("id") or path.stem)] = (meta, body)
    claims_cache: dict[str, list] = {}
    score: Counter[str] = Counter()
    lines: list[str] = []
    for line in (corpus / "gold" / "claims.jsonl").read_text(encoding="utf-8").splitlines():
        g = json.loads(line)
        meta, body = docs[g["doc"]]
        lang = str(meta.get("language") or "en")
        at = body.find(g["quote"]) + g["quote"].index(g["number"])
        q = (at, at + len(g["number"]))
        s = next(((a, b) for a, b in split_sentences(body) if a <= q[0] < b), (0, len(body)))
        pub, prec = published(meta)
        gd = gold_date(g.get("as_of"))
        incident_year = int(re.findall(r"(\d{4})", g["cluster"])[-1])
        if gd is not None and find_times is not None:
            from factcheck.extraction.times import background_of

            ms = find_times(body, s[0], s[1], pub, prec, lang)
            bg = background_of(body, s[0], s[1], ms, q[0], q[1], lang, pub)
            expected = gd[0][0] < incident_year  # the gold's figure is of an earlier event
            score[f"background {'tp' if bg and expected else 'fp' if bg else 'fn' if expected else 'tn'}"] += 1
            if bool(bg) != expected:
                got = bg.year if bg else None
                lines.append(f"BACKGROUND {g['doc']} gold={g['as_of']} got={got} | {g['quote'][:80]}")
        if gd is not None:
            parts, gprec = gd
            date, pprec = predicted_as_of(body, s, q, pub, prec, lang)
            rank = {"year": 1, "month": 2, "day": 3}
            ok = date is not None and pprec is not None and rank[pprec] >= len(parts)
            ok = ok and (date.year, date.month, date.day)[: len(parts)] == parts  # type: ignore[union-attr]
            score[f"as_of {lang} ok"] += ok
            score[f"as_of {lang} n"] += 1
            if not ok:
                lines.append(f"AS_OF {g['doc']} gold={g['as_of']} got={date} {pprec} | {g['quote'][:90]}")
        if g.get("place"):
            if g["doc"] not in claims_cache:
                doc = Document(id=g["doc"], body=body, published=pub, language=lang)
                claims_cache[g["doc"]] = _extract(doc, lang)
            hit = [c for c in claims_cache[g["doc"]] if c.quantity.start < q[1] and q[0] < c.quantity.end]
            place = hit[0].place if hit else None
            head = fold(re.split(r"[,(]", g["place"])[0]).strip()
            name = None
            if place is not None:
                name = place.name or (place.within[0] if place.within else None)
            names = {fold(name)} | set(ALIASES.get(fold(name), ())) if name else set()
            ok = bool(hit) and any(n and (n in head or head in n) for n in names)
            ok = ok and bool(FACILITY.search(head)) == (place is not None and place.kind == "facility")
            if hit and place is not None and place.kind == "facility" and FACILITY.search(head):
                # the same facility under another of its names: a proper name it shares with the gold
                words = {w for x in (place.name or "", *place.within[:1]) for w in fold(x).split() if len(w) > 3}
                ok = ok or any(w in fold(g["place"]) and not FACILITY.search(w) for w in words)
            score[f"place {lang} ok"] += ok
            score[f"place {lang} n"] += 1
            if not ok:
                got = f"{place.kind}:{place.name}<{'<'.join(place.within)}" if place else None
                lines.append(f"PLACE {g['doc']} gold={g['place']!r} got={got} found={bool(hit)} | {g['quote'][:80]}")
    for what in ("as_of", "place"):
        for lang in ("en", "es", "pt", "it"):
            n = score[f"{what} {lang} n"]
            if n:
                print(f"{what:6} {lang}: {score[f'{what} {lang} ok']}/{n} = {score[f'{what} {lang} ok'] / n:.0%}")
        n = sum(v for k, v in score.items() if k.startswith(what) and k.endswith(" n"))
        ok = sum(v for k, v in score.items() if k.startswith(what) and k.endswith(" ok"))
        print(f"{what:6} all: {ok}/{n} = {ok / n:.0%}")
    if find_times is not None:
        tp, fp, fn = score["background tp"], score["background fp"], score["background fn"]
        print(f"background: {tp} found, {fp} wrongly, {fn} missed (of {tp + fn} earlier-event figures)")
    if misses is not None:
        misses.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
