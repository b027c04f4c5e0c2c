"""A figure that is one part of a coordinated phrase is no whole smaller than a part
elsewhere when its class holds every part of the phrase ("58 passengers and four crew" are
62 people aboard), and stays a whole when it does not ("seven police officers and 50
guards": seven is all the police).

Written after a synthetic probe of an incident the corpora do not hold (a plane crash);
the second case is the pattern of dev2 ecuador-hostages-2023-08 (10 police at one prison
against seven nationwide), written here in other words."""

from __future__ import annotations

import datetime as dt

from factcheck import Document, check


def _loud(*bodies: str) -> list[str]:
    docs = [Document(id=f"d{i}", published=dt.date(2025, 8, 9), body=b) for i, b in enumerate(bodies)]
    return [f.kind for f in check(docs).conflicts if f.severity != "info"]


def test_a_part_of_a_phrase_that_holds_all_its_class_is_no_smaller_whole() -> None:
    kinds = _loud(
        "A plane carrying 61 people crashed in Vinhedo, Brazil, on Friday, officials said.",
        "The plane that crashed in Brazil on Friday had 58 passengers and four crew members aboard, the airline said.",
    )
    assert "part_exceeds_whole" not in kinds


def test_a_part_of_a_phrase_of_other_classes_stays_their_whole() -> None:
    kinds = _loud(
        "Seven police officers and 50 guards were held in six prisons across Peru on Friday, the prisons agency said.",
        "Ten police officers were held at Lurigancho prison in Lima, Peru, on Friday, a radio station said.",
    )
    assert "part_exceeds_whole" in kinds
