"""A fuzz target over whole articles: random front matter (well-formed YAML of random
shapes, or random lines between the fences) above random text, as bytes. Reading one
either gives a Document whose claims slice back to the body or raises ArticleReadError
with a one-line message; nothing else, ever. The tests run it briefly; run it longer with

    FACTCHECK_FUZZ_EXAMPLES=20000 .venv/bin/python -m pytest tests/test_fuzz_documents.py
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck import ArticleReadError, Document, parse_document, read_document
from factcheck.extraction import extract_document

EXAMPLES = int(os.environ.get("FACTCHECK_FUZZ_EXAMPLES", "150"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)).map(str),
    st.sampled_from(["2023", "2023-09", "1 Sep 2023", "septiembre de 2023", "2023-02-30", "2023-09-01x", "0001-01"]),
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
keys = st.sampled_from(
    ["id", "title", "outlet", "author", "published", "date", "published_precision", "url", "language"]
) | st.text(max_size=10)
front_matter_yaml = st.dictionaries(keys, values, max_size=8).map(lambda d: yaml.safe_dump(d, allow_unicode=True))
front_matter_raw = st.lists(st.text(max_size=40), max_size=6).map("\n".join)
bodies = st.text(max_size=300) | st.sampled_from(
    ["At least 31 people died on Sunday in Quito.", "Unos 57 guardias fueron liberados el 1 de septiembre."]
)
endings = st.sampled_from(["\n", "\r\n", "\r"])


@st.composite
def articles(draw: st.DrawFn) -> bytes:
    block = draw(front_matter_yaml | front_matter_raw)
    nl = draw(endings)
    text = f"---{nl}{block}{nl}---{nl}{draw(bodies)}" if draw(st.booleans()) else draw(bodies)
    raw = text.replace("\n", nl).encode("utf-8", "surrogatepass")
    if draw(st.booleans()):
        raw = draw(st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff"])) + raw
    return raw


def _published_in_range(doc: Document) -> bool:
    # weekday arithmetic near year 1 is helper "when"'s row; the fuzz keeps to real dates
    return doc.published is None or 1900 <= doc.published.year <= 2100


def check_article(raw: bytes, path: Path) -> None:
    """The property every article must hold, used by the fuzz tests and by hand."""
    path.write_bytes(raw)
    try:
        doc = read_document(path)
    except ArticleReadError as err:
        assert len(str(err).splitlines()) == 1
        return
    assert isinstance(doc, Document)
    if _published_in_range(doc):
        for claim in extract_document(doc):
            q = claim.quantity
            assert doc.body[q.start : q.end] == q.text


@FUZZ
@given(articles())
def test_reading_any_article_is_a_document_or_one_error_line(tmp_path_factory: object, raw: bytes) -> None:
    path = Path(str(tmp_path_factory.mktemp("fuzz"))) / "a.md"  # type: ignore[attr-defined]
    check_article(raw, path)


@FUZZ
@given(st.binary(max_size=400))
def test_any_bytes_are_a_document_or_one_error_line(tmp_path_factory: object, raw: bytes) -> None:
    path = Path(str(tmp_path_factory.mktemp("fuzz"))) / "b.md"  # type: ignore[attr-defined]
    check_article(b"---\n" + raw if raw[:1] == b"a" else raw, path)


@FUZZ
@given(front_matter_yaml, bodies)
def test_the_body_is_the_end_of_the_text(block: str, body: str) -> None:
    text = f"---\n{block}\n---\n{body}"
    try:
        doc = parse_document(text, path="x.md")
    except ArticleReadError as err:
        assert len(str(err).splitlines()) == 1
        return
    # the body is the end of the text, with a lone CR read as a line break one for one
    assert doc.body == re.sub(r"\r(?!\n)", "\n", text)[len(text) - len(doc.body) :]
