"""The order an editor reads findings in, and which of them are loud.

Errors first: the text alone proves them. Then warnings, strongest first. A finding's
strength is its pairing score (how likely its sides measure one quantity, see
``pairing``), a little lower when the disagreement rests on an order in time (a toll
that fell between reports) than when it is at one moment, and halved when the text gives
neither figure a time: unknown order is uncertainty, ranked lower, never read as an update.

Four rules keep the warnings to what an editor can read:

* a warning whose pairing score (see ``floor_score``) is below ``Settings.min_pairing`` is
  reported as info: its sides are most likely two quantities (not "perhaps two events",
  which asks exactly that);
* a figure a loud scope conflict puts in one place, where other reports spread its total
  over several, is not set loud again against the other figures of that place (see
  ``_contested``): its place is the one problem;
* each quantity (a finding's topic) keeps at most ``Settings.loud_per_quantity`` warnings:
  its strongest at one moment (else its strongest), then those between neighbouring
  figures (no other figure lies between their sides), then those that add claims the
  kept ones do not hold (one wrong figure against five reports is one problem; two
  figures each wrong are two), then the stronger; its further disagreements are info,
  with a note, and stay in the report and on the quantity's timeline. A toll that grew
  through fifteen reports is one story for an editor to open, not fifteen;
* a claim is in at most ``Settings.loud_per_claim`` warnings (of their cores), the
  strongest: one figure against many reports is one problem.

Nothing is dropped: what is demoted says why in its evidence notes."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence

from ..config import Settings
from ..findings import Finding
from .classify import ORDER_UNKNOWN
from .pairing import about

UNKNOWN_ORDER_FACTOR = 0.5
"""What a finding's strength is multiplied by when the text gives neither figure a time."""

ORDERED_FACTOR = 0.9
"""...and when the disagreement rests on an order the text gives (a toll that fell between
two reports) rather than on one moment (two values at once): the order is one more
reading that may be wrong."""

ONE_REPORT_STRENGTH = 0.25
"""A report that contradicts itself stays loud past the per-quantity limit when its
strength reaches this: one article giving two values is for its own editor to fix,
whatever other reports say; below it, its sides are as likely two quantities."""

LOUD_CHOICES = 12
"""How many of a quantity's strongest warnings ``_loudest`` chooses its loud ones from."""

_RANK = {"error": 0, "warning": 1, "info": 2}


def strength(finding: Finding) -> float:
    """The rank of a finding: its pairing score, lowered when the disagreement rests on an
    order in time, halved when the text gives no order at all."""
    score = finding.pairing.score if finding.pairing is not None else finding.strength
    if ORDER_UNKNOWN in finding.evidence.notes or finding.evidence.order == "unknown":
        score *= UNKNOWN_ORDER_FACTOR
    elif finding.evidence.order == "ordered":
        score *= ORDERED_FACTOR
    return round(score, 4)


def floor_score(finding: Finding) -> float | None:
    """The pairing score a warning must reach to stay loud: its score without the fields
    the finding is about by design (a part is in a narrower place than its whole), but
    with its figures: figures far apart and little else in common are most likely two
    quantities. None without a pairing. "Perhaps two events" is not held to it: it asks
    whether reports weeks apart with other figures are of one event at all, and its
    evidence of one group and place is weighed by ``Settings.min_evidence``."""
    p = finding.pairing
    if p is None:
        return None
    s = min(max(p.score, 1e-9), 1 - 1e-9)
    bits = math.log2(s / (1 - s))
    fields = about(finding) - {"figure"}
    bits -= sum(a.weight for a in p.fields if a.field in fields)
    return float(1 / (1 + 2 ** (-bits)))


def ranked(findings: Sequence[Finding], settings: Settings) -> list[Finding]:
    """The findings with their strength, the weak and the surplus warnings at info, in
    reading order: severity, then strength, then topic, kind and id."""
    out = []
    for f in findings:
        f = f.model_copy(update={"strength": strength(f)})
        floor = floor_score(f)
        if (
            f.severity == "warning"
            and f.classification != "possibly_different_event"
            and floor is not None
            and floor < settings.min_pairing
        ):
            f = _quiet(f, f"weak pairing (score {floor:.2f}): perhaps not one quantity")
        out.append(f)
    out = _same_cores(_contested(out))
    if settings.loud_per_quantity:
        by_topic: dict[str, list[int]] = defaultdict(list)
        for i in sorted(range(len(out)), key=lambda i: _order(out[i])):
            if out[i].severity == "warning":
                by_topic[out[i].topic].append(i)
        for topic in sorted(by_topic):
            keep = _loudest(out, by_topic[topic], settings.loud_per_quantity)
            for i in by_topic[topic]:
                if i not in keep and not (_one_report(out[i]) and out[i].strength >= ONE_REPORT_STRENGTH):
                    out[i] = _quiet(
                        out[i],
                        f"{settings.loud_per_quantity} findings that show more of this quantity's disagreements "
                        "come first: see its timeline",
                    )
    if settings.loud_per_claim:
        used: dict[str, int] = defaultdict(int)
        for i in sorted(range(len(out)), key=lambda i: _order(out[i])):
            f = out[i]
            if f.severity == "info":
                continue
            if f.severity == "warning" and any(used[c] >= settings.loud_per_claim for c in f.core):
                out[i] = _quiet(f, f"a claim of it is in {settings.loud_per_claim} stronger findings already")
                continue
            for c in f.core:
                used[c] += 1
    return sorted(out, key=_order)


def _same_cores(findings: list[Finding]) -> list[Finding]:
    """The findings with a warning whose core an error or a stronger warning has already at info: the
    same claims that cannot all hold are one disagreement, whether shown as two values of
    one quantity or as two versions of a report's figures (``versions``)."""
    seen: set[frozenset[str]] = set()
    out = list(findings)
    for i in sorted(range(len(out)), key=lambda i: _order(out[i])):
        f = out[i]
        if f.severity == "info" or not f.core:
            continue
        core = frozenset(f.core)
        if f.severity == "warning" and core in seen:
            out[i] = _quiet(f, "the same claims disagree in a stronger finding")
        seen.add(core)
    return out


def _contested(findings: list[Finding]) -> list[Finding]:
    """The findings with those about a figure whose place a loud scope conflict contests
    at info. A report that puts a total in one place while others spread it over several
    (``scope``) has one problem, its place; its figure set against the other figures
    given for that place ("fifty guards" at the one prison, where another report counts
    34 there) is the same problem again, not a second. A report that contradicts itself
    stays loud: it is its own editor's to fix."""
    contested = {
        c.id for f in findings if f.kind == "scope_conflict" and f.severity != "info" for c in f.positions[0].claims
    }
    if not contested:
        return findings
    out = []
    for f in findings:
        if (
            f.severity == "warning"
            and f.kind != "scope_conflict"
            and contested.intersection(f.core)
            and not _one_report(f)
        ):
            f = _quiet(
                f,
                "a figure of it is placed in one place where other reports spread its total over several: "
                "see the scope conflict",
            )
        out.append(f)
    return out


def _loudest(findings: list[Finding], order: list[int], k: int) -> set[int]:
    """The ``k`` warnings of one quantity to keep loud: its strongest at one moment (two
    values at once contradict each other outright; a fall between two reports rests on
    their order as well, and pairing scores of one quantity's findings differ by the
    model's noise more than by evidence), else its strongest; then, of its next
    strongest ``LOUD_CHOICES``, those between neighbouring figures (no other figure the
    quantity's warnings give lies between their two sides: 150 against 178 says less when
    "nearly 175" stands between them), then those that add claims the kept ones do not
    hold (another disagreement, not the same figure against one more report), then the
    stronger."""
    top = order[:LOUD_CHOICES]
    if len(top) <= k:
        return set(top)
    figures = sorted({span for i in top for span in _spans(findings[i])})
    first = min(top, key=lambda i: (findings[i].evidence.order != "same", order.index(i)))
    keep = [first]
    used = set(_claims(findings[first]))
    rest = [i for i in top if i != first]

    def rank(i: int) -> tuple[bool, int, int]:
        return (not _neighbours(findings[i], figures), -len(_claims(findings[i]) - used), order.index(i))

    while len(keep) < k and rest:
        best = min(rest, key=rank)
        keep.append(best)
        used |= _claims(findings[best])
        rest.remove(best)
    return set(keep)


def _spans(f: Finding) -> list[tuple[float, float]]:
    """The first two sides' intervals, lowest first, where both ends are known."""
    out = [(p.low, p.high) for p in f.positions[:2] if p.low is not None and p.high is not None]
    return sorted((min(a, b), max(a, b)) for a, b in out)


def _neighbours(f: Finding, figures: list[tuple[float, float]]) -> bool:
    """No figure of ``figures`` lies wholly between the finding's two sides (one that
    overlaps a side agrees with it: "about 2,500" beside 2,527)."""
    spans = _spans(f)
    if len(spans) < 2:
        return True
    lo, hi = spans[0][1], spans[1][0]
    return not any(lo < a and b < hi for a, b in figures)


def _one_report(f: Finding) -> bool:
    """Every claim of the finding's core is in one article: a report that contradicts
    itself, which its editor must see whatever other reports say of the quantity."""
    docs = {c.document for p in f.positions for c in p.claims if not f.core or c.id in f.core}
    return len(docs) == 1


def _claims(f: Finding) -> set[str]:
    return set(f.core) or {c.id for p in f.positions for c in p.claims}


def _order(f: Finding) -> tuple[int, float, str, str, str]:
    return (_RANK[f.severity], -f.strength, f.topic, f.kind, f.id)


def _quiet(f: Finding, note: str) -> Finding:
    notes = [*f.evidence.notes, note]
    return f.model_copy(update={"severity": "info", "evidence": f.evidence.model_copy(update={"notes": notes})})
