"""A count that can rise and fall (held, trapped, missing) over the days a text gives.

Written for these tests after a synthetic probe of an incident the corpora do not hold (a
mine collapse): figures one report gives for two days it names are two moments, not two
values at one time; and more people still held on a later day than were held before is a
disagreement, in one report or across two."""

from __future__ import annotations

import datetime as dt

from factcheck import Document, check


def _doc(id_: str, body: str, day: int, lang: str = "en") -> Document:
    return Document(id=id_, outlet=id_.upper(), published=dt.date(2025, 5, day), body=body, language=lang)


def _held(*docs: Document) -> list[tuple[str, str, list[str], str]]:
    return [
        (f.severity, f.classification, [p.label for p in f.positions], f.reason)
        for f in check(list(docs)).conflicts
        if "held" in f.topic
    ]


def test_one_reports_two_days_are_two_moments() -> None:
    body = (
        "Ten miners were trapped on Tuesday when a tunnel collapsed at a coal mine in Sabinas, Mexico, "
        "the governor said.\n"
        "By Wednesday, 14 miners were trapped in the mine, rescuers said."
    )
    found = _held(_doc("a", body, 15))
    assert found, "the two figures are compared"
    assert all(sev == "info" and cls == "update" for sev, cls, _, _ in found)


def test_more_still_held_later_than_were_held_is_a_warning() -> None:
    first = _doc("a", "Ten miners were trapped on Tuesday at a coal mine in Sabinas, Mexico, the governor said.", 13)
    later = _doc(
        "b", "Twelve miners remain trapped on Wednesday at the coal mine in Sabinas, Mexico, rescuers said.", 14
    )
    found = _held(first, later)
    assert any(sev == "warning" and "still held" in reason for sev, _, _, reason in found), found


def test_fewer_still_held_later_is_an_update() -> None:
    first = _doc(
        "a", "Fifteen miners were trapped on Tuesday at a coal mine in Sabinas, Mexico, the governor said.", 13
    )
    later = _doc(
        "b", "Twelve miners remain trapped on Wednesday at the coal mine in Sabinas, Mexico, rescuers said.", 14
    )
    assert all(sev == "info" for sev, _, _, _ in _held(first, later))


def test_an_error_needs_both_sides_read_from_the_text() -> None:
    # written after a synthetic school-kidnapping probe: "Police said 250 pupils were taken"
    # has no event of its own ("taken"); it joins the count of those held by its pairing
    # score, so its disagreement with the governor's 227 is a warning, not an error
    docs = [
        _doc(
            "a",
            "Gunmen abducted 287 pupils and teachers from a school in Kuriga, in Nigeria's Kaduna state, on Thursday, "
            "a local official said. Some 25 children escaped on Friday, the official added.",
            8,
        ),
        _doc(
            "b",
            "The number of students kidnapped from the Kuriga school in Kaduna state on Thursday is 227, Governor Uba "
            "Sani said on Saturday, revising an earlier figure. Police said 250 pupils were taken.",
            9,
        ),
        _doc(
            "c",
            "All 137 pupils and staff abducted from the school in Kuriga, Kaduna state, were freed on Sunday, the "
            "governor said. The army said 300 hostages had been released.",
            24,
        ),
    ]
    found = [
        (f.severity, f.evidence.notes)
        for f in check(docs).conflicts
        if {p.label for p in f.positions} == {"227", "250"}
    ]
    assert found and all(sev != "error" for sev, _ in found)
    assert any("pairing score" in " ".join(notes) for _, notes in found)


def test_a_distance_cut_off_before_its_reference_takes_its_articles() -> None:
    # pattern from dev: honduras-prison-2023/ratednews-41-women ("located approximately 30
    # miles northwest of the capital" ... "the prison located in a rural area, about 20
    # miles (30" cut off), written for this test in Peru
    body = (
        "Inmates rioted on Friday at Lurigancho prison, located approximately 30 miles northwest of the capital, "
        "Lima, officials in Peru said. Relatives gathered outside the prison located in a rural area, about 20 miles"
    )
    found = [f for f in check([_doc("a", body, 9)]).conflicts if "distance" in f.topic]
    assert found and {p.label for f in found for p in f.positions} >= {"approximately 30 miles", "about 20 miles"}
