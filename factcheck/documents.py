"""Reads articles: Markdown or plain text with an optional YAML front matter block, from a
file, a folder or standard input. Offsets everywhere are into the body, the text after
the front matter, so a front matter edit never moves a claim."""

from __future__ import annotations

import codecs
import datetime as dt
import errno
import os
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from .errors import ArticleReadError, NoArticlesError
from .files import TooLarge, read_capped
from .models import Document, Precision

ARTICLE_SUFFIXES = (".md", ".markdown", ".txt")
MAX_BYTES = 20_000_000
"""Larger inputs are refused: a 20 MB article is a data dump, and reading it whole would
make one bad file cost the run its memory. At most this many bytes plus one are ever read,
whatever the file system says the size is (``/dev/zero`` says 0)."""
MAX_FRONT_MATTER = 64_000
"""Front matter is a dozen 'key: value' lines; 64 kB of it is a mistake or an attack."""

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?:(.*?)\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.S)
_KNOWN = ("id", "title", "outlet", "author", "published", "url", "language")
_PRECISIONS = ("day", "month", "year")


class InputWarning(UserWarning):
    """An article that is read, but not as written: a sentence too long to read whole.
    The command line prints it as one ``factcheck: warning:`` line."""


Input = str | os.PathLike[str] | Document
"""One thing an article can be given as: a path (file, folder, or "-" for standard input) or a record."""
Inputs = Input | Iterable[Input]
"""One input or several: a single string is one path, never a sequence of characters."""
PathInputs = str | os.PathLike[str] | Iterable[str | os.PathLike[str]]


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


def _paths(items: PathInputs) -> list[str | os.PathLike[str]]:
    return [p for p in as_inputs(items) if not isinstance(p, Document)]


def parse_document(text: str, path: str | None = None, default_id: str = "stdin") -> Document:
    """A :class:`Document` from the text of an article.

    >>> doc = parse_document("---\\nid: a1\\noutlet: AP\\npublished: 2023-09\\n---\\nAt least 31 people died.")
    >>> doc.id, doc.outlet, doc.body, str(doc.published), doc.published_precision
    ('a1', 'AP', 'At least 31 people died.', '2023-09-01', 'month')
    """
    where = path or "<stdin>"
    text = text.removeprefix("\ufeff")
    # a lone CR (old Mac endings) is a line break; replacing it one for one keeps every offset
    text = re.sub(r"\r(?!\n)", "\n", text)
    if not text.strip():
        raise ArticleReadError(where, "empty file")
    if "\x00" in text:
        raise ArticleReadError(where, "binary file (contains NUL bytes)")
    meta: dict[str, Any] = {}
    body = text
    body_line = 1
    match = _FRONT_MATTER.match(text)
    if match:
        meta = _front_matter(match.group(1) or "", where)
        body = text[match.end() :]
        body_line = text.count("\n", 0, match.end()) + 1
    elif re.match(r"---[ \t]*\r?\n", text):
        raise ArticleReadError(where, "malformed front matter: no closing '---' line")
    if not body.strip():
        raise ArticleReadError(where, "no article text after the front matter")
    published, precision = _published(meta, where)
    doc_id = meta.get("id") or default_id
    fields = {k: (str(meta[k]) if meta.get(k) is not None else None) for k in _KNOWN if k != "published"}
    fields["id"] = str(doc_id)
    extra = {k: v for k, v in meta.items() if k not in _KNOWN and k != "date"}
    if extra.get("published_precision") in (*_PRECISIONS, None):
        extra.pop("published_precision", None)
    return Document(
        body=body,
        body_line=body_line,
        path=path,
        published=published,
        published_precision=precision,
        meta=_plain(extra),
        **fields,
    )


def _front_matter(block: str, where: str) -> dict[str, Any]:
    from . import safeyaml  # noqa: PLC0415  # yaml is imported on the first article, not with factcheck

    if len(block) > MAX_FRONT_MATTER:
        limit = MAX_FRONT_MATTER
        raise ArticleReadError(where, f"front matter too large ({len(block)} characters; the limit is {limit})")
    try:
        loaded = safeyaml.load(block, line_offset=1)
    except safeyaml.YamlProblem as err:
        raise ArticleReadError(where, f"malformed front matter: {err}") from err
    if loaded is None:
        return {}
    if not isinstance(loaded, dict):
        raise ArticleReadError(where, "malformed front matter: expected 'key: value' lines")
    return {str(k): v for k, v in loaded.items()}


def _published(meta: dict[str, Any], where: str) -> tuple[dt.date | None, Precision | None]:
    """The published date and its precision; an explicit ``published_precision`` may make
    the date coarser ("2023-09-14" known only to the month) but never finer."""
    from .dates import DateError, parse_date, truncate  # noqa: PLC0415  # its table loads on the first date

    key = "published" if meta.get("published") is not None else "date"
    try:
        published, precision = parse_date(meta.get(key))
    except DateError as err:
        raise ArticleReadError(where, f"front matter {key!r}: {err}") from err
    stated = meta.get("published_precision")
    if stated not in _PRECISIONS or published is None or precision is None:
        # other values ("inferred" in the seeds) say how the date was found, not how much
        # of it is known; they stay in ``meta``
        return published, precision
    if _PRECISIONS.index(stated) < _PRECISIONS.index(precision):
        raise ArticleReadError(
            where, f"front matter 'published_precision' is {stated!r} but {meta.get(key)!r} gives only the {precision}"
        )
    return truncate(published, stated), stated


def _plain(value: Any) -> Any:
    # front matter may hold dates and other YAML types; keep the record JSON-friendly
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


def _decode(raw: bytes, where: str) -> str:
    if len(raw) > MAX_BYTES:
        raise ArticleReadError(where, f"too large (the limit is {MAX_BYTES} bytes)")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # Windows editors save "Unicode" text as UTF-16 with a byte-order mark: an article,
        # not a binary file (its NUL bytes are the high halves of Latin characters)
        if raw.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
            raise ArticleReadError(where, "UTF-32 text; save the file as UTF-8")
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError as err:
            raise ArticleReadError(where, f"not valid UTF-16 despite its byte-order mark (byte {err.start})") from err
        if "\x00" in text:
            raise ArticleReadError(where, "binary file (contains NUL characters)")
        if not any(ch.isspace() for ch in text[:4096]):
            # any article has spaces or line breaks; bytes that merely start with 0xFF 0xFE do not
            raise ArticleReadError(where, "not valid UTF-8, and no UTF-16 text despite its byte-order mark")
        return text
    if b"\x00" in raw:
        raise ArticleReadError(where, "binary file (contains NUL bytes)")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise ArticleReadError(
            where, f"not valid UTF-8 (byte {err.start}: {raw[err.start : err.start + 1]!r})"
        ) from err


def read_document(path: str | os.PathLike[str]) -> Document:
    """Read one article file, raising :class:`ArticleReadError` naming the file and problem."""
    p = Path(path)
    where = str(path)
    if not _utf8_name(where):
        raise ArticleReadError(where, "the file name is not valid UTF-8; rename the file")
    try:
        raw = read_capped(p, MAX_BYTES)
    except TooLarge as err:
        size = f"{err.size} bytes" if err.size else f"more than {MAX_BYTES} bytes"
        raise ArticleReadError(where, f"too large ({size}; the limit is {MAX_BYTES})") from err
    except FileNotFoundError as err:
        kind = "broken symbolic link (its target does not exist)" if os.path.islink(p) else "no such file"
        raise ArticleReadError(where, kind) from err
    except IsADirectoryError as err:
        raise ArticleReadError(where, "is a directory") from err
    except OSError as err:
        if err.errno == errno.ELOOP:
            raise ArticleReadError(where, "symbolic link loop") from err
        raise ArticleReadError(where, f"unreadable: {err.strerror or err}") from err
    except (ValueError, MemoryError) as err:  # an embedded NUL in the name, or no memory left
        raise ArticleReadError(where, f"unreadable: {err}") from err
    return parse_document(_decode(raw, where), path=where, default_id=p.stem)


def read_stdin(stream: BinaryIO | None = None) -> Document:
    """The article on standard input, read as bytes so that a BOM or invalid UTF-8 gets
    the same treatment as in a file."""
    source = stream if stream is not None else getattr(sys.stdin, "buffer", None)
    try:
        if source is None:  # a replaced text-only stdin (an embedding host): read its text
            raw = (sys.stdin.read(MAX_BYTES + 1) if sys.stdin else "").encode("utf-8", "surrogateescape")
        else:
            raw = source.read(MAX_BYTES + 1)  # never more, however much is piped in
    except UnicodeDecodeError as err:
        raise ArticleReadError("<stdin>", f"not valid UTF-8 (byte {err.start})") from err
    except OSError as err:
        raise ArticleReadError("<stdin>", f"unreadable: {err.strerror or err}") from err
    return parse_document(_decode(raw, "<stdin>"), path=None, default_id="stdin")


def _utf8_name(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:  # undecodable bytes in a POSIX name come back as surrogates
        return False
    return True


def _is_article(name: str) -> bool:
    return not name.startswith(".") and os.path.splitext(name)[1].lower() in ARTICLE_SUFFIXES


def scan_articles(paths: PathInputs) -> tuple[list[str | Path], list[ArticleReadError]]:
    """Article files under ``paths``: files as given, folders searched recursively
    (following links to folders once), in a stable order so that reports do not depend on
    the file system; with one error for each folder that cannot be listed, each link that
    is broken or loops, and each name that is not UTF-8, so nothing is skipped silently."""
    found: list[str | Path] = []
    errors: list[ArticleReadError] = []
    empty: list[Path] = []
    for raw in _paths(paths):
        if str(raw) == "-":
            found.append("-")
            continue
        p = Path(raw)
        if not p.is_dir():
            found.append(p)  # read_document says what is wrong with it, if anything
            continue
        files: list[Path] = []
        seen: set[tuple[int, int]] = set()
        stack = [p]
        while stack:
            folder = stack.pop()
            try:
                info = folder.stat()
                if (info.st_dev, info.st_ino) in seen:
                    errors.append(ArticleReadError(str(folder), "symbolic link loop (folder already searched)"))
                    continue
                seen.add((info.st_dev, info.st_ino))
                with os.scandir(folder) as entries:
                    listing = sorted(entries, key=lambda e: e.name)
            except OSError as err:
                errors.append(ArticleReadError(str(folder), f"unreadable folder: {err.strerror or err}"))
                continue
            for entry in listing:
                if entry.name.startswith("."):
                    continue
                path = Path(entry.path)
                try:
                    is_dir = entry.is_dir()
                except OSError as err:  # a link that loops onto itself
                    loop = err.errno == errno.ELOOP
                    errors.append(ArticleReadError(str(path), "symbolic link loop" if loop else f"unreadable: {err}"))
                    continue
                if is_dir:
                    stack.append(path)
                elif _is_article(entry.name):
                    if not _utf8_name(entry.name):
                        errors.append(ArticleReadError(str(path), "the file name is not valid UTF-8; rename the file"))
                    elif entry.is_symlink() and not entry.is_file():
                        errors.append(ArticleReadError(str(path), _link_problem(path)))
                    else:
                        files.append(path)
        files.sort(key=Path.as_posix)
        found.extend(files)
        if not files:
            empty.append(p)
    if found:
        # beside other articles, a folder that holds none is a mistyped path, not a pass
        errors += [ArticleReadError(str(p), "no articles in this folder (.md, .markdown, .txt)") for p in empty]
    return found, errors


def _link_problem(path: Path) -> str:
    try:
        os.stat(path)
    except OSError as err:
        return "symbolic link loop" if err.errno == errno.ELOOP else "broken symbolic link (its target does not exist)"
    return "symbolic link to something that is not a file"


def find_articles(paths: PathInputs) -> Iterator[Path]:
    """Article files under ``paths`` (see :func:`scan_articles`, which also returns what
    could not be searched)."""
    found, _ = scan_articles(paths)
    yield from (Path(p) for p in found)


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


def load_documents(paths: PathInputs) -> tuple[list[Document], list[ArticleReadError]]:
    """Read every article under ``paths`` ("-" is standard input; a single string is one
    path). A bad file is reported and skipped, so one broken article never stops the
    others; no article at all raises :class:`NoArticlesError`."""
    paths = _paths(paths)
    docs: list[Document] = []
    found, errors = scan_articles(paths)
    seen: set[str] = set()
    for path in found:
        try:
            doc = read_stdin() if str(path) == "-" else read_document(path)
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
