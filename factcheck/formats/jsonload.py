"""Reading a JSON report back: the tables of :mod:`~factcheck.formats.jsonreport` put
back in place, and what the writer left out (because another field gives it) filled in,
for every schema version written so far (4.0, 3.0, 2.0 and 1.0)."""

from __future__ import annotations

import json
from typing import Any

from ..findings import Report

FROM_DOCUMENT = ("outlet", "published")
"""A claim's fields its document gives when the claims table leaves them out."""


def default_id(document: str, start: int, end: int) -> str:
    """The id of a claim factcheck extracts: its document and its figure's characters.

    >>> default_id("ap-0419", 112, 114)
    'ap-0419:112-114'
    """
    return f"{document}:{start}-{end}"


def claimers(finding: dict[str, Any]) -> list[str]:
    """The sorted union of a finding's sides' ``who`` (its ``evidence.claimers`` when the
    report leaves them out)."""
    return sorted({name for p in finding["positions"] for name in p["who"]})


def load_report(text: str) -> Report:
    """A JSON report (schema 4.0, 3.0, 2.0 with claims cited by id, or 1.0 with claims
    embedded) read back into a :class:`Report`."""
    data = json.loads(text)
    version = str(data.get("schema_version", "1.0"))
    if version.startswith("1."):
        return Report.model_validate(data)
    if not version.startswith(("2.", "3.")):
        _expand_4(data)
    if not version.startswith("2."):
        _expand_3(data)
    table = {c["id"]: c for c in data.pop("claims", [])}
    data["claims"] = data.pop("claims_read", 0)
    data["schema_version"] = "1.0"
    for key in ("conflicts", "decided"):
        for f in data.get(key, []):
            for p in f["positions"]:
                p["claims"] = [table[c["id"]] for c in p["claims"]]
    return Report.model_validate(data)


def _cited_id(cite: dict[str, Any]) -> str:
    q = cite["quantity"]
    return default_id(cite["document"], q["start"], q["end"])


def _expand_4(data: dict[str, Any]) -> None:
    """A 4.0 report's left-out fields and places put back as 3.0 had them, in place."""
    places = data.pop("places", [])
    for c in data.get("claims", []):
        if "id" not in c:
            c["id"] = _cited_id(c)
        if c.get("place") is not None:
            c["place"] = places[c["place"]]
        if "event_class" not in c:
            c["event_class"] = c.get("event")
    for key in ("conflicts", "decided"):
        for f in data.get(key, []):
            f.setdefault("topic", f["quantity"])
            f.setdefault("rule", f["reason"])
            f.setdefault("evidence", {}).setdefault("scope", f["quantity"])
            for p in f["positions"]:
                for cite in p["claims"]:
                    if "id" not in cite:
                        cite["id"] = _cited_id(cite)


def _expand_3(data: dict[str, Any]) -> None:
    """A 3.0 report's tables put back where 2.0 had them, in place."""
    sentences = data.pop("sentences", [])
    groups = data.pop("copy_groups", [])
    agreements = data.pop("agreements", [])
    documents: dict[str, dict[str, Any]] = {}
    for d in data.get("documents", []):
        documents.setdefault(d["id"], d)
    for c in data.get("claims", []):
        c["sentence"] = sentences[c["sentence"]]
        document = documents.get(c["document"])
        if document is not None:
            for key in FROM_DOCUMENT:
                c.setdefault(key, document.get(key))
    for key in ("conflicts", "decided"):
        for f in data.get(key, []):
            f["copies"] = [groups[k] for k in f.get("copies", [])]
            if f.get("pairing") is not None:
                f["pairing"]["fields"] = [agreements[k] for k in f["pairing"].get("fields", [])]
            evidence = f.setdefault("evidence", {})
            if "claimers" not in evidence:
                evidence["claimers"] = claimers(f)
