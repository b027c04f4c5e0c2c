"""The JSON report, schema 4.0 (issue 22): each claim, sentence, place, copy group and
pairing agreement written once in a table and cited from the findings, fields at their
defaults or repeating another field left out, one line per record; read back into the same
:class:`Report`.

Developed on: the seed articles and records built here. Regressions: the dev corpus, read
from ../shared at run time."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import check
from factcheck.findings import Agreement, Evidence, Finding, Pairing, Position, Report
from factcheck.formats.jsonload import _expand_4, default_id
from factcheck.formats.jsonreport import _ENCODE, SCHEMA_VERSION, _encode, load_report, render_json
from factcheck.models import Claim, Place, Quantity

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "docs" / "schemas" / "report.schema.json").read_text(encoding="utf-8"))
DEV = ROOT.parent / "shared" / "dev" / "articles"


@pytest.fixture(scope="module")
def seeds() -> Report:
    return check(ROOT / "seeds")


def _claim(doc: str, start: int, sentence: str, own_id: str | None = None, **fields: object) -> Claim:
    quantity = Quantity(text="12", start=start, end=start + 2, value=12.0, low=12.0, high=12.0)
    return Claim(
        id=own_id or f"{doc}:{start}-{start + 2}",
        document=doc,
        quantity=quantity,
        sentence=sentence,
        sentence_start=0,
        sentence_end=len(sentence),
        sentence_index=0,
        **fields,  # type: ignore[arg-type]
    )


def _position(claims: list[Claim], who: list[str]) -> Position:
    return Position(label="12", low=12.0, high=12.0, claims=claims, sources=len(claims), who=who)


def _odd_report() -> Report:
    """A report with every case the writer leaves out or keeps: outlets and dates that
    are and are not their document's (null included), a claim of a document the report
    does not list, claimers that are and are not the union of the sides' who, shared
    sentences, places, copies and agreements, ids that are and are not
    ``document:start-end``, event classes that are and are not the event (null included),
    topics, rules and scopes that are and are not the quantity or reason."""
    from factcheck.findings import DocumentInfo

    day = dt.date(2024, 3, 4)
    docs = [
        DocumentInfo(id="a", path="a.md", title=None, outlet="Wire A", published=day),
        DocumentInfo(id="b", path="b.md", title="B", outlet="Wire B", published=None),
    ]
    same = "Police said 12 people died."
    quito = Place(name="Quito", kind="city", within=("Ecuador",), country="EC")
    ecuador = Place(name="Ecuador", kind="country", country="EC", stated=False)
    # both its document's: left out; its event class is its event: left out
    a1 = _claim("a", 12, same, outlet="Wire A", published=day, event="killed", event_class="killed", place=quito)
    # neither: written, null too; its event class is null, its event not: written
    a2 = _claim("a", 40, same, outlet=None, published=dt.date(2024, 3, 5), event="killed", place=ecuador)
    # its document's date is null too: left out; an id of its own: written, in its cites too
    b1 = _claim("b", 12, same, own_id="b#1", outlet="Wire B", event_class="killed", place=quito)
    x1 = _claim("x", 3, "Officials said 12 died.", outlet="Archive X", published=day)  # no document listed
    agree = [
        Agreement(field="event", level="same", words="both: killed", weight=2.0),
        Agreement(field="time", level="different", words="one day apart", weight=-1.0),
    ]

    def finding(fid: str, claimers: list[str], copies: list[list[str]]) -> Finding:
        return Finding(
            id=fid,
            kind="value_conflict",
            classification="conflict",
            severity="warning",
            title="raw:people killed: 12 vs 12",
            reason="two values",
            quantity="people killed",
            positions=[_position([a1, a2], ["Police"]), _position([b1, x1], ["Officials", "Police"])],
            evidence=Evidence(claimers=claimers, dates=[day], scope="people killed" if fid == "f1" else "Quito"),
            topic="people killed" if fid == "f1" else "",
            rule="two values" if fid == "f2" else "a toll cannot fall",
            copies=copies,
            pairing=Pairing(score=0.5, fields=list(reversed(agree)) if fid == "f2" else agree),
        )

    return Report(
        documents=docs,
        claims=9,
        conflicts=[finding("f1", ["Officials", "Police"], [["a", "b"]]), finding("f2", ["Police"], [])],
        decided=[finding("f3", [], [["a", "b"], ["x", "y"]]).model_copy(update={"status": "decided"})],
        errors=["bad.md: unreadable"],
    )


def test_every_case_the_writer_leaves_out_reads_back_the_same() -> None:
    report = _odd_report()
    text = render_json(report)
    data = json.loads(text)
    jsonschema.validate(data, SCHEMA)
    assert data["schema_version"] == SCHEMA_VERSION
    rows = {
        c.get("id") or default_id(c["document"], c["quantity"]["start"], c["quantity"]["end"]): c
        for c in data["claims"]
    }
    assert "id" not in rows["a:12-14"] and rows["b#1"]["id"] == "b#1"
    cites = data["conflicts"][0]["positions"][1]["claims"]
    assert cites == [
        {"document": "b", "id": "b#1", "quantity": {"start": 12, "end": 14}},
        {"document": "x", "quantity": {"start": 3, "end": 5}},
    ]
    assert "event_class" not in rows["a:12-14"] and rows["a:40-42"]["event_class"] is None
    assert rows["b#1"]["event_class"] == "killed" and "event_class" not in rows["x:3-5"]
    assert [data["places"][rows[k]["place"]]["name"] for k in ("a:12-14", "a:40-42", "b#1")] == [
        "Quito",
        "Ecuador",
        "Quito",
    ]
    assert len(data["places"]) == 2 and "place" not in rows["x:3-5"]
    f1, f2 = data["conflicts"]
    assert "topic" not in f1 and "scope" not in f1["evidence"] and f1["rule"] == "a toll cannot fall"
    assert f2["topic"] == "" and f2["evidence"]["scope"] == "Quito" and "rule" not in f2
    assert "outlet" not in rows["a:12-14"] and "published" not in rows["a:12-14"]
    # defaults are left out, those of a field with its own serializer too (base_value)
    assert set(rows["a:12-14"]["quantity"]) == {"text", "start", "end", "value", "low", "high"}
    assert "comparative" not in rows["a:12-14"] and "background" not in rows["a:12-14"]
    assert rows["a:40-42"]["outlet"] is None and rows["a:40-42"]["published"] == "2024-03-05"
    assert "outlet" not in rows["b#1"] and "published" not in rows["b#1"]
    assert rows["x:3-5"]["outlet"] == "Archive X" and rows["x:3-5"]["published"] == "2024-03-04"
    assert data["sentences"] == ["Police said 12 people died.", "Officials said 12 died."]
    assert {c["sentence"] for c in data["claims"]} == {0, 1}
    claimers = [f["evidence"].get("claimers") for f in data["conflicts"] + data["decided"]]
    assert claimers == [None, ["Police"], []]  # left out only where it is the union of who
    assert data["copy_groups"] == [["a", "b"], ["x", "y"]]
    assert [f["copies"] for f in data["conflicts"] + data["decided"]] == [[0], [], [0, 1]]
    assert [data["agreements"][k]["words"] for k in data["conflicts"][1]["pairing"]["fields"]] == [
        "one day apart",
        "both: killed",
    ]
    back = load_report(text)
    assert back.documents == report.documents and back.errors == report.errors
    for got, want in zip(back.conflicts + back.decided, report.conflicts + report.decided, strict=True):
        assert got == want.model_copy(update={"title": "people killed: 12 vs 12"})


def test_the_seed_report_is_one_line_per_record_and_reads_back(seeds: Report) -> None:
    text = render_json(seeds)
    data = json.loads(text)
    jsonschema.validate(data, SCHEMA)
    lines = text.splitlines()
    tables = [v for v in data.values() if isinstance(v, list) and v]
    assert len(lines) == 2 + len(data) + sum(len(v) + 1 for v in tables)
    assert all(json.loads(line.rstrip(",")) for line in lines[2 : 2 + len(data["agreements"])])
    # every claim a finding cites is in the table once, and every field of it kept
    cited = {
        (c["document"], c["quantity"]["start"]) for f in data["conflicts"] for p in f["positions"] for c in p["claims"]
    }
    assert cited == {(c["document"], c["quantity"]["start"]) for c in data["claims"]}
    assert load_report(text) == seeds
    assert render_json(load_report(text)) == text


def test_a_version_3_report_still_reads_back(seeds: Report) -> None:
    """Reports written before 4.0 (cites with their id and text, places in the claims)."""
    data = json.loads(render_json(seeds))
    _expand_4(data)
    data["schema_version"] = "3.0"
    assert load_report(json.dumps(data)) == seeds


def test_a_version_2_report_still_reads_back(seeds: Report) -> None:
    """Reports written before 3.0 (claims in the table in full, nothing else factored)."""
    data = json.loads(render_json(seeds))
    _expand_4(data)
    sentences, groups, agreements = data.pop("sentences"), data.pop("copy_groups"), data.pop("agreements")
    documents = {d["id"]: d for d in data["documents"]}
    for c in data["claims"]:
        c["sentence"] = sentences[c["sentence"]]
        for key in ("outlet", "published"):
            c.setdefault(key, documents[c["document"]][key])
    for f in data["conflicts"]:
        f["copies"] = [groups[k] for k in f["copies"]]
        if f["pairing"]:
            f["pairing"]["fields"] = [agreements[k] for k in f["pairing"]["fields"]]
        f["evidence"].setdefault("claimers", sorted({w for p in f["positions"] for w in p["who"]}))
    data["schema_version"] = "2.0"
    assert load_report(json.dumps(data, indent=2)) == seeds


@pytest.mark.skipif(not DEV.is_dir(), reason="the dev corpus is read from ../shared at run time")
def test_the_dev_corpus_reads_back_and_is_smaller() -> None:
    # regression: one cluster of real articles, with copies, pairings and claimers
    report = check(DEV / "ecuador-quake-2016")
    text = render_json(report)
    assert render_json(load_report(text)) == text
    legacy = report.model_dump_json(indent=2)
    assert len(text) < len(legacy) / 3


def test_the_cli_writes_the_report_in_pieces_that_make_the_same_text(seeds: Report) -> None:
    from factcheck.formats import render_report, report_pieces

    pieces = list(report_pieces("json", seeds))
    assert len(pieces) > 3 and "".join(pieces) == render_json(seeds)
    assert list(report_pieces("text", seeds)) == [render_report("text", seeds)]


# Developed on: the values json and orjson write differently (floats below 1e-4, integers
# beyond 64 bits, lone surrogates, words that look like exponents) and arbitrary JSON data.
_JSON_DATA = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(_JSON_DATA)
def test_the_fast_encoder_writes_what_the_json_module_writes(value: object) -> None:
    assert _encode(value) == _ENCODE(value)


@pytest.mark.parametrize(
    "value",
    [1e-05, 2.5e-07, 9.99e-05, 0.0001, 1e16, -0.0, 2**64, "\ud800", "re-2 de-escalation", {"b": 1, "a": "1e-5 km"}],
)
def test_the_fast_encoder_on_what_orjson_writes_otherwise(value: object) -> None:
    assert _encode(value) == _ENCODE(value)
