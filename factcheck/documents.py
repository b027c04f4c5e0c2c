"""Reads articles: Markdown or plain text with an optional YAML front matter block, from a
file, a folder or standard input. Offsets everywhere are into the body, the text after
the front matter, so a front matter edit never moves a claim."""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import yaml

from .errors import ArticleReadError, NoArticlesError
from .models import Document

ARTICLE_SUFFIXES = (".md", ".markdown", ".txt")
MAX_BYTES = 20_000_000
"""Larger inputs are refused: a 20 MB article is a data dump, and reading it whole would
make one bad file cost the run its memory."""

Input = str | os.PathLike[str] | Document
"""One thing an article can be given as: a path (file, folder, or "-" for standard input) or a record."""
Inputs = Input | Iterable[Input]
"""One input or several: a single string is one path, never a sequence of characters."""


def as_inputs(items: Inputs) -> list[Input]:
    """``items`` as a list of inputs: a single path or record becomes a list of one.

    >>> as_inputs("seeds"), as_inputs(["a.md", "b.md"])
    (['seeds'], ['a.md', 'b.md'])
    """
    if isinstance(items, str | bytes | os.PathLike | Document):
        if isinstance(items, bytes):
            raise TypeError("paths are str or os.PathLike, not bytes")
        return [items]
    return list(items)


_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_KNOWN = ("id", "title", "outlet", "author", "published", "url", "language")


def parse_document(text: str, path: str | None = None, default_id: str = "stdin") -> Document:
    """A :class:`Document` from the text of an article.

    >>> doc = parse_document("---\\nid: a1\\noutlet: AP\\n---\\nAt least 31 people died.")
    >>> doc.id, doc.outlet, doc.body
    ('a1', 'AP', 'At least 31 people died.')
    """
    where = path or "<stdin>"
    if not text.strip():
        raise ArticleReadError(where, "empty file")
    if "\x00" in text:
        raise ArticleReadError(where, "binary file (contains NUL bytes)")
    meta: dict[str, Any] = {}
    body = text
    body_line = 1
    match = _FRONT_MATTER.match(text)
    if match:
        try:
            loaded = yaml.safe_load(match.group(1))
        except yaml.YAMLError as err:
            mark = getattr(err, "problem_mark", None)
            line = f" (line {mark.line + 2})" if mark is not None else ""
            problem = getattr(err, "problem", None) or str(err).splitlines()[0]
            raise ArticleReadError(where, f"malformed front matter{line}: {problem}") from err
        if loaded is not None and not isinstance(loaded, dict):
            raise ArticleReadError(where, "malformed front matter: expected 'key: value' lines")
        meta = loaded or {}
        body = text[match.end() :]
        body_line = text.count("\n", 0, match.end()) + 1
    elif text.startswith("---\n") or text.startswith("---\r\n"):
        raise ArticleReadError(where, "malformed front matter: no closing '---' line")
    if not body.strip():
        raise ArticleReadError(where, "no article text after the front matter")
    published = meta.get("published") or meta.get("date")
    if isinstance(published, dt.datetime):
        published = published.date()
    if published is not None and not isinstance(published, dt.date):
        try:
            published = dt.date.fromisoformat(str(published)[:10])
        except ValueError as err:
            raise ArticleReadError(where, f"front matter 'published' is not a date: {published!r}") from err
    doc_id = meta.get("id") or default_id
    fields = {k: (str(meta[k]) if meta.get(k) is not None else None) for k in _KNOWN if k != "published"}
    fields["id"] = str(doc_id)
    extra = {k: v for k, v in meta.items() if k not in _KNOWN and k != "date"}
    return Document(body=body, body_line=body_line, path=path, published=published, meta=_plain(extra), **fields)


def _plain(value: Any) -> Any:
    # front matter may hold dates and other YAML types; keep the record JSON-friendly
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


def read_document(path: str | os.PathLike[str]) -> Document:
    """Read one article file, raising :class:`ArticleReadError` naming the file and problem."""
    p = Path(path)
    where = str(path)
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise ArticleReadError(where, f"too large ({size} bytes; the limit is {MAX_BYTES})")
        raw = p.read_bytes()
    except FileNotFoundError as err:
        raise ArticleReadError(where, "no such file") from err
    except IsADirectoryError as err:
        raise ArticleReadError(where, "is a directory") from err
    except OSError as err:
        raise ArticleReadError(where, f"unreadable: {err.strerror or err}") from err
    if b"\x00" in raw:
        raise ArticleReadError(where, "binary file (contains NUL bytes)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise ArticleReadError(
            where, f"not valid UTF-8 (byte {err.start}: {raw[err.start : err.start + 1]!r})"
        ) from err
    return parse_document(text, path=where, default_id=p.stem)


def find_articles(paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    """Article files under ``paths``: files as given, folders searched recursively, in a
    stable order so that reports do not depend on the file system."""
    for raw in as_inputs(paths):
        assert not isinstance(raw, Document)
        p = Path(raw)
        if p.is_dir():
            yield from sorted(
                (
                    f
                    for f in p.rglob("*")
                    if f.is_file()
                    and f.suffix.lower() in ARTICLE_SUFFIXES
                    and not any(part.startswith(".") for part in f.relative_to(p).parts)
                ),
                key=lambda f: f.as_posix(),
            )
        else:
            yield p


def gather(items: Inputs) -> tuple[list[Document], list[ArticleReadError]]:
    """Documents from a mix of :class:`Document` records and paths, with the read errors
    of the paths; the library's entry points all take such a mix, or a single one."""
    docs: list[Document] = []
    paths: list[str | os.PathLike[str]] = []
    for item in as_inputs(items):
        if isinstance(item, Document):
            docs.append(item)
        else:
            paths.append(item)
    errors: list[ArticleReadError] = []
    if paths:
        loaded, errors = load_documents(paths)
        docs.extend(loaded)
    return docs, errors


def load_documents(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
) -> tuple[list[Document], list[ArticleReadError]]:
    """Read every article under ``paths`` ("-" is standard input; a single string is one
    path). A bad file is reported and skipped, so one broken article never stops the
    others; no article at all raises :class:`NoArticlesError`."""
    paths = [p for p in as_inputs(paths) if not isinstance(p, Document)]
    docs: list[Document] = []
    errors: list[ArticleReadError] = []
    seen: set[str] = set()
    for path in find_articles(paths):
        try:
            if str(path) == "-":
                doc = parse_document(sys.stdin.read(), path=None, default_id="stdin")
            else:
                doc = read_document(path)
        except ArticleReadError as err:
            errors.append(err)
            continue
        if doc.id in seen:
            errors.append(ArticleReadError(str(path), f"duplicate document id {doc.id!r}; skipped"))
            continue
        seen.add(doc.id)
        docs.append(doc)
    if not docs and not errors:
        raise NoArticlesError("no articles matched " + " ".join(str(p) for p in paths))
    return docs, errors
