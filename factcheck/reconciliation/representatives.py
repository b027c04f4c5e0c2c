"""One representative per copy group for judging pairs of claims: copies of one story
repeat the same figures, and a finding's two sides hold k copies each of the same claims.

The classifier judges every pair of claims across two sides, and a pair's judgement reads
exactly its key (``pairkeys``): each claim's signature, its copy group, its sentence start
and its moment, and of the pair whether the two claims share their document. Claims of
one side that read the same in all of these but their document form a *class*; the first
of them (in the side's order) stands for it. Against a claim of another copy group, every
member of a class gives the same key (claims of two copy groups are of two documents), so
the pair is judged once on the two representatives and the verdict holds for every pair of
members. Against a claim of the same copy group, the members differ (one of them may share
the other claim's document: a report set against itself), and each pair of members is
keyed on its own, as before.

The condition is checked, never assumed: copies dated days later have other moments and
fall in other classes, copies with a figure moved other signatures. Which claims stand
behind each verdict, and in what order, is then rebuilt exactly as judging every pair in
the sides' order finds them (``Found``): a side's claims in their order, the other side's
in the order first met, the verdicts in the order first found."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from .pairkeys import Row


class Classes(NamedTuple):
    """A side's claims in classes: each class's representative row, the index of its first
    member (the representative), the indices of all its members in the side's order, and
    the copy groups of its members; classes are in the order of their first members."""

    rows: list[Row]
    firsts: list[int]
    members: list[list[int]]
    groups: list[set[str]]
    by_group: dict[str, set[int]]
    """The classes holding a member of each copy group, by index."""


def representatives(rows: Sequence[Row]) -> Classes:
    """The classes of a side (its claims' rows, in order): claims of equal signature
    (``row[0]``, which holds the interval ``row[6]`` whenever the caller reads it), day
    and moment (``row[4]``, ``row[5]``) are one class, whatever their documents, copy
    groups and sentences (``row[1:4]``), which judging a pair reads only of two claims of
    one copy group.

    >>> rows = [(0, "d1", "g", 5, 10, 0, None), (0, "d2", "h", 9, 10, 0, None), (0, "d3", "g", 5, 11, 1, None)]
    >>> c = representatives(rows)
    >>> c.members, c.groups[0] == {"g", "h"}
    ([[0, 1], [2]], True)
    """
    index: dict[tuple[object, ...], int] = {}
    out = Classes([], [], [], [], {})
    for i, row in enumerate(rows):
        k = (row[0], row[4], row[5])
        c = index.get(k)
        if c is None:
            c = index[k] = len(out.firsts)
            out.rows.append(row)
            out.firsts.append(i)
            out.members.append([i])
            out.groups.append({row[2]})
        else:
            out.members[c].append(i)
            out.groups[c].add(row[2])
        held = out.by_group.get(row[2])
        if held is None:
            out.by_group[row[2]] = {c}
        else:
            held.add(c)
    return out


class Found:
    """The pairs of claims behind one verdict, recorded by class where a pair of classes
    stands for all its pairs of members, and by member elsewhere; ``lows`` and ``highs``
    give the claims as judging every pair in order would have met them."""

    __slots__ = ("first_class", "first_member", "low_classes", "high_classes", "low_members", "high_members")

    def __init__(self) -> None:
        self.first_class: tuple[int, int] | None = None
        """The first pair of classes (their first members) found: classes are met in the
        order of their first members, so the first one met is the earliest."""
        self.first_member: tuple[int, int] | None = None
        self.low_classes: dict[int, None] = {}
        """The low classes every member of which stands behind it."""
        self.high_classes: dict[int, int] = {}
        """The high classes every member of which stands behind it, each with the first
        member of the first low class found with it (the earliest, as above)."""
        self.low_members: dict[int, None] = {}
        self.high_members: dict[int, int] = {}

    @property
    def first(self) -> tuple[int, int]:
        """The first pair (low index, high index) behind it in the order judging every pair
        in turn meets them."""
        firsts = [p for p in (self.first_class, self.first_member) if p is not None]
        return min(firsts)

    def members(self, ia: int, ib: int) -> None:
        """The pair of the low side's claim ``ia`` and the high side's ``ib``."""
        self.low_members[ia] = None
        met = self.high_members.get(ib)
        if met is None or ia < met:
            self.high_members[ib] = ia
        if self.first_member is None or (ia, ib) < self.first_member:
            self.first_member = (ia, ib)

    def lows(self, low: Classes) -> list[int]:
        """The low side's claims behind the verdict, in the side's order."""
        out = set(self.low_members)
        for c in self.low_classes:
            out.update(low.members[c])
        return sorted(out)

    def highs(self, high: Classes) -> list[int]:
        """The high side's claims behind the verdict, in the order first met (by the first
        low claim each is met with, then in the side's order)."""
        met = self.met(high)
        return sorted(met, key=lambda ib: (met[ib], ib))

    def met(self, high: Classes) -> dict[int, int]:
        """The high side's claims behind the verdict, each with the first low claim it is
        met with."""
        met = dict(self.high_members)
        for c, a in self.high_classes.items():
            for ib in high.members[c]:
                seen = met.get(ib)
                if seen is None or a < seen:
                    met[ib] = a
        return met
