"""Bad input gets one clear error naming the file; the other files still run."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck import ArticleReadError, NoArticlesError, load_documents, parse_document, read_document
from factcheck import documents as documents_module


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    p = tmp_path / name
    p.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return p


def test_front_matter_and_body(tmp_path: Path) -> None:
    p = write(tmp_path, "a.md", "---\nid: x1\noutlet: AP\npublished: 2023-09-01\n---\n57 guards were freed.\n")
    doc = read_document(p)
    assert (doc.id, doc.outlet, str(doc.published), doc.body) == ("x1", "AP", "2023-09-01", "57 guards were freed.\n")


def test_id_defaults_to_file_name(tmp_path: Path) -> None:
    assert read_document(write(tmp_path, "story-1.txt", "57 guards were freed.")).id == "story-1"


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "empty file"),
        (b"   \n", "empty file"),
        (b"\x00\x01binary", "binary file"),
        (b"caf\xe9 57 guards", "not valid UTF-8"),
        (b"---\nid: [unclosed\n---\nbody", "malformed front matter"),
        (b"---\n- a list\n---\nbody", "malformed front matter"),
        (b"---\nid: a\nno closing line\n", "no closing '---'"),
        (b"---\nid: a\n---\n", "no article text"),
        (b"---\nid: a\npublished: not-a-date\n---\nbody", "'published': 'not-a-date' is not a date"),
    ],
)
def test_bad_input_names_file_and_problem(tmp_path: Path, data: bytes, problem: str) -> None:
    p = write(tmp_path, "bad.md", data)
    with pytest.raises(ArticleReadError) as err:
        read_document(p)
    assert str(p) in str(err.value) and problem in str(err.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ArticleReadError, match="no such file"):
        read_document(tmp_path / "nope.md")


def test_huge_input_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(documents_module, "MAX_BYTES", 100)
    p = write(tmp_path, "big.md", "57 guards. " * 50)
    with pytest.raises(ArticleReadError, match="too large"):
        read_document(p)


def test_one_bad_file_does_not_stop_the_others(tmp_path: Path) -> None:
    write(tmp_path, "good.md", "57 guards were freed.")
    write(tmp_path, "bad.md", b"\xff\xfe")
    docs, errors = load_documents([tmp_path])
    assert [d.id for d in docs] == ["good"]
    assert len(errors) == 1 and "bad.md" in str(errors[0])


def test_duplicate_ids_are_reported(tmp_path: Path) -> None:
    write(tmp_path, "a.md", "---\nid: same\n---\n5 guards.")
    write(tmp_path, "b.md", "---\nid: same\n---\n6 guards.")
    docs, errors = load_documents([tmp_path])
    assert len(docs) == 1 and "duplicate document id" in str(errors[0])


def test_no_articles_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(NoArticlesError):
        load_documents([tmp_path])


def test_crlf_front_matter() -> None:
    doc = parse_document("---\r\nid: w\r\n---\r\n5 guards.\r\n")
    assert doc.id == "w" and doc.body.startswith("5 guards")


def test_the_date_table_is_consistent() -> None:
    from importlib import resources

    from factcheck.dates import fold, table

    text = (resources.files("factcheck") / "data" / "dates.yaml").read_text(encoding="utf-8")
    assert text.startswith("#"), "data/dates.yaml must open with a comment saying what its fields mean"
    meaning: dict[str, set[str]] = {}
    for lang in table().languages.values():
        assert sorted(lang.months) == list(range(1, 13))
        for number, names in lang.months.items():
            for name in names:
                meaning.setdefault(fold(name), set()).add(f"month {number}")
        for word in (*lang.weekdays, *lang.fillers):
            meaning.setdefault(fold(word), set()).add("skipped")
    assert {w: m for w, m in meaning.items() if len(m) > 1} == {}
