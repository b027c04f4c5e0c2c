"""One report giving two versions of its figures (``reconciliation.versions``).

Provenance: developed on dev2, tulua-fire-2022-06 (a lead's "At least 50 inmates died and
20 were injured, according to authorities" against the justice minister's "52 inmates died
and 23 were injured" lower down: the gold flags the two sentences as one disagreement);
regression from dev2, guayaquil-carbomb-2025-10 (a photo caption's "one dead and two
injured" above a body's "one dead and 30 injured": one disagreement, shown once). The
sentences are written here, about other incidents (no corpus text)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import Document, Settings, check
from factcheck.reconciliation.constraints import irreducible, system_of
from factcheck.reconciliation.versions import RULE


def _report(body: str) -> list[Document]:
    return [Document(id="a", outlet="Wire", published=dt.date(2024, 3, 5), body=body, language="en")]


def _versions(body: str) -> list:
    return [f for f in check(_report(body)).conflicts if f.rule == RULE]


def test_a_lead_and_a_ministers_account_are_two_versions() -> None:
    found = _versions(
        "Twelve people died and 40 were injured in the floods in Valencia, Spain, authorities said. "
        "Interior Minister Ana Ruiz said 14 people died and 40 were injured in Valencia."
    )
    assert len(found) == 1
    f = found[0]
    assert f.severity == "warning" and [p.role for p in f.positions] == ["parts", "parts"]
    assert [sorted(c.quantity.text for c in p.claims) for p in f.positions] == [["40", "Twelve"], ["14", "40"]]
    # the injured agree; the deaths cannot both hold: the core is the two death figures
    assert sorted(c.split(":")[1] for c in f.core) == sorted(
        f"{c.quantity.start}-{c.quantity.end}" for p in f.positions for c in p.claims if c.quantity.value in (12, 14)
    )


def test_a_caption_and_its_body_are_one_disagreement_shown_once() -> None:
    r = check(
        _report(
            "One person died and two were injured in the explosion in Lima, Peru, firefighters said. "
            "The blast left one dead and 30 injured in Lima, police said."
        )
    )
    loud = [f for f in r.conflicts if f.severity != "info"]
    assert [f.rule for f in loud] == [RULE]
    again = [f for f in r.conflicts if f.rule != RULE and set(f.core) == set(loud[0].core)]
    assert all("the same claims disagree in a stronger finding" in f.evidence.notes for f in again)


def test_figures_the_report_orders_are_an_update_not_two_versions() -> None:
    assert not _versions(
        "Initially, officials said 12 people died and 40 were injured in Valencia, Spain. "
        "The toll later rose to 14 dead and 45 injured in Valencia."
    )


def test_one_shared_quantity_is_no_second_version() -> None:
    # a single figure given twice is an ordinary pair of values (``pairs``)
    assert not _versions(
        "At least 12 people died in the floods in Valencia, Spain, authorities said. "
        "Interior Minister Ana Ruiz said 14 people died in Valencia."
    )


@settings(max_examples=40, deadline=None)
@given(st.integers(2, 90), st.integers(2, 90), st.integers(2, 90), st.integers(2, 90))
def test_two_versions_disagree_exactly_when_a_figure_differs(d1: int, i1: int, d2: int, i2: int) -> None:
    """Found exactly when a figure differs (counts that are no death toll: a toll far
    below its report's own is read as a part of it, see ``clocks``); its claims cannot all hold, and without any one
    of its core the rest can (the core is irreducible), and holds only figures that differ."""
    found = _versions(
        f"Authorities said {d1} people were missing and {i1} were injured in the floods in Valencia, Spain. "
        f"Interior Minister Ana Ruiz said {d2} people were missing and {i2} were injured in Valencia."
    )
    assert bool(found) == ((d1, i1) != (d2, i2))
    for f in found:
        system = system_of(f, Settings().tolerance)
        assert system is not None and f.core and irreducible(system, f.core)
        values = {c.quantity.value for p in f.positions for c in p.claims if c.id in f.core}
        assert values <= {v for v, w in ((d1, d2), (i1, i2), (d2, d1), (i2, i1)) if v != w}
