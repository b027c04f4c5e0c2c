"""How records are written into the archive and read back: a claim as its JSON (every
field and its provenance, lossless), a document's metadata and compressed body, and a
document's blocking keys and main country."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import zlib
from collections.abc import Iterable, Sequence
from typing import Any

from ..findings import DocumentInfo
from ..models import Claim, Document
from ..reconciliation.keys import main_places
from .blocking import blocking_keys, country_of, dimension, key_hash, month_of


def content_hash(doc: Document) -> str:
    """The hash that says whether an article is already archived: its body and front
    matter, whatever the file is called or where it lies.

    >>> a = Document(id="a", path="x/a.md", outlet="AP", body="12 people were killed.")
    >>> content_hash(a) == content_hash(a.model_copy(update={"path": "y/a.md"}))
    True
    """
    fields = doc.model_dump(mode="json", exclude={"path", "body_line"})
    return hashlib.sha256(json.dumps(fields, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


def claim_to_json(claim: Claim) -> str:
    """The claim as compact JSON, every field kept (``claim_from_json`` gives it back equal)."""
    return claim.model_dump_json(round_trip=True)


def claim_from_json(text: str | bytes) -> Claim:
    """The claim written by :func:`claim_to_json`. (pydantic's JSON validation, in Rust,
    takes no longer than ``json.loads`` alone: building the records without validation
    from ``json.loads``'s dicts in Python was measured twice as slow.)"""
    return Claim.model_validate_json(text)


def main_country(claims: Sequence[Claim]) -> str | None:
    """The country a document's claims are most often placed in (the reconciler's own
    choice for its unplaced claims), None when it names no place."""
    places = main_places(claims)
    if not places:
        return None
    place = next(iter(places.values()))
    return place.name


def document_keys(claims: Iterable[Claim], country: str | None) -> set[int]:
    """A document's blocking keys: the union of its claims' (see ``blocking``)."""
    return {key_hash(k) for c in claims for k in blocking_keys(c, country)}


def claim_row(claim: Claim, country: str | None) -> tuple[Any, ...]:
    """The indexed columns of a claim, then its JSON."""
    return (
        claim.id,
        claim.published.isoformat() if claim.published else None,
        claim.language,
        country_of(claim, country),
        dimension(claim),
        month_of(claim),
        claim.event_class,
        claim.subject_class,
        claim.quantity.value,
        claim_to_json(claim),
    )


DOCUMENT_COLUMNS = (
    "doc_id",
    "hash",
    "path",
    "title",
    "outlet",
    "author",
    "published",
    "published_precision",
    "url",
    "language",
    "country",
    "body_line",
    "meta",
    "body",
    "added",
)


def document_row(doc: Document, digest: str, country: str | None) -> tuple[Any, ...]:
    """A document's columns, in :data:`DOCUMENT_COLUMNS` order."""
    return (
        doc.id,
        digest,
        doc.path,
        doc.title,
        doc.outlet,
        doc.author,
        doc.published.isoformat() if doc.published else None,
        doc.published_precision,
        doc.url,
        doc.language,
        country,
        doc.body_line,
        json.dumps(doc.meta, sort_keys=True, ensure_ascii=False, default=str),
        zlib.compress(doc.body.encode("utf-8"), 6),
        dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    )


def document_from_row(row: Sequence[Any]) -> Document:
    """The document of a row selected in :data:`DOCUMENT_COLUMNS` order."""
    values = dict(zip(DOCUMENT_COLUMNS, row, strict=True))
    return Document(
        id=values["doc_id"],
        path=values["path"],
        title=values["title"],
        outlet=values["outlet"],
        author=values["author"],
        published=dt.date.fromisoformat(values["published"]) if values["published"] else None,
        published_precision=values["published_precision"],
        url=values["url"],
        language=values["language"],
        body=zlib.decompress(values["body"]).decode("utf-8"),
        body_line=values["body_line"],
        meta=json.loads(values["meta"]),
    )


INFO_COLUMNS = ("doc_id", "path", "title", "outlet", "published", "published_precision", "url")
"""The columns a report's :class:`~factcheck.findings.DocumentInfo` is made of."""


def document_info_from_row(row: Sequence[Any]) -> DocumentInfo:
    """What a report says of the document of a row selected in :data:`INFO_COLUMNS` order
    (the same as ``report.document_info`` of the whole document, without its body)."""
    values = dict(zip(INFO_COLUMNS, row, strict=True))
    values["id"] = values.pop("doc_id")
    return DocumentInfo.model_validate(values)
