"""Hostile and careless input: each row is one class of input from the audit of issue 10
(82 malformed inputs, fuzzed texts, concurrent ledger writers, review server checks).
Every bad input gets one clear error line naming it and exit 2, nothing hangs, and a good
article in the same run is still reported.

Provenance: every row is a regression from that audit; the sentences are written here."""

from __future__ import annotations

import json
import os
import re
import stat
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck import documents as documents_module
from factcheck.cli import main
from factcheck.files import umask

GOOD = "---\nid: good-article\noutlet: Wire\npublished: 2023-09-01\n---\nAt least 31 people died in the fire.\n"
MONTH = '---\nid: month-article\npublished: "2023-09"\npublished_precision: month\n---\nFive people were injured.\n'

_LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
    for i in range(8)
)


def front(block: str, body: str = "Two people died.\n") -> bytes:
    return f"---\n{block}\n---\n{body}".encode()


# (class of input, file name, content, what the one error line must say)
ARTICLES: list[tuple[str, str, bytes, str]] = [
    ("yaml: billion laughs (nested aliases)", "laughs.md", front(_LAUGHS), "anchors and aliases"),
    ("yaml: one alias", "alias.md", front("a: &x 1\nb: *x"), "anchors and aliases"),
    ("yaml: flow nesting 3,000 deep", "deep-flow.md", front("a: " + "[" * 3000 + "]" * 3000), "malformed front matter"),
    ("yaml: block nesting 3,000 deep", "deep-block.md", front("a:\n" + "- " * 3000 + "x"), "malformed front matter"),
    ("yaml: nesting 40 deep", "deep-40.md", front("a: " + "[" * 40 + "]" * 40), "nested more than 32"),
    ("yaml: a Python tag", "tag.md", front("a: !!python/object:os.system x"), "malformed front matter"),
    ("yaml: an explicit bad timestamp", "tagdate.md", front("a: !!timestamp 2023-02-30"), "malformed front matter"),
    ("yaml: unclosed bracket", "unclosed.md", front("id: [x"), "malformed front matter"),
    ("yaml: a list, not a mapping", "list.md", front("- a\n- b"), "expected 'key: value'"),
    ("yaml: front matter over 64 kB", "bigfm.md", front("t: " + "x" * 70_000), "front matter too large"),
    ("date: 30 February", "feb30.md", front("published: 2023-02-30"), "not a real date"),
    ("date: month 13", "month13.md", front("published: 2023-13-01"), "not a real date"),
    ("date: trailing garbage", "garbage.md", front('published: "2023-09-01garbage"'), "is not a date"),
    ("date: a word", "word.md", front("published: yesterday"), "is not a date"),
    (
        "date: precision finer than the date",
        "finer.md",
        front('published: "2023-09"\npublished_precision: day'),
        "gives only the month",
    ),
    (
        "date: decided_at-style datetime out of range",
        "hour.md",
        front("published: 2023-09-01T25:00:00"),
        "not a real date",
    ),
    ("bytes: NUL", "nul.md", b"57 guards\x00 were freed", "binary file"),
    ("bytes: invalid UTF-8", "latin1.md", b"caf\xe9: 57 guards were freed", "not valid UTF-8"),
    ("bytes: empty", "empty.md", b"", "empty file"),
    ("bytes: only front matter", "nobody.md", front("id: x", body=""), "no article text"),
    ("structure: no closing ---", "open.md", b"---\nid: a\nTwo people died.\n", "no closing '---'"),
]


def run(args: list[str], input: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, args, input=input)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def reported_ids(stdout: str) -> set[str]:
    return {d["id"] for d in json.loads(stdout)["documents"]}


def assert_one_line(stderr: str, name: str, problem: str) -> None:
    assert "Traceback" not in stderr
    lines = [line for line in stderr.splitlines() if name in line]
    assert len(lines) == 1, stderr
    assert lines[0].startswith("factcheck: error: ") and problem in lines[0], lines[0]


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    d = tmp_path / "articles"
    d.mkdir()
    (d / "good.md").write_text(GOOD, encoding="utf-8")
    return d


@pytest.mark.parametrize(("kind", "name", "data", "problem"), ARTICLES, ids=[a[0] for a in ARTICLES])
def test_bad_article_is_one_line_and_the_good_one_is_reported(
    folder: Path, kind: str, name: str, data: bytes, problem: str
) -> None:
    (folder / name).write_bytes(data)
    code, out, err = run(["check", str(folder), "--no-ledger", "--format", "json"])
    assert code == 2
    assert_one_line(err, name, problem)
    assert "good-article" in reported_ids(out)


# --- the file system ---------------------------------------------------------------------


def _dangling(d: Path) -> str:
    (d / "dangling.md").symlink_to(d / "nowhere.md")
    return "dangling.md"


def _looping(d: Path) -> str:
    (d / "loop.md").symlink_to(d / "loop.md")
    return "loop.md"


def _non_utf8_name(d: Path) -> str:
    with open(os.path.join(os.fsencode(d), b"caf\xe9.md"), "wb") as fh:
        fh.write(b"Two people died.")
    return "caf\\xe9.md"


def _newline_name(d: Path) -> str:
    (d / "new\nline.md").write_bytes(b"")
    return "new\\nline.md"


def _folder_loop(d: Path) -> str:
    (d / "sub").mkdir()
    (d / "sub" / "up").symlink_to(d)
    return "sub/up"


FILESYSTEM: list[tuple[str, Callable[[Path], str], str]] = [
    ("link: dangling .md", _dangling, "broken symbolic link"),
    ("link: looping .md", _looping, "symbolic link loop"),
    ("link: folder loop", _folder_loop, "symbolic link loop"),
    ("name: not UTF-8", _non_utf8_name, "not valid UTF-8"),
    ("name: holds a newline", _newline_name, "empty file"),
]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX links and byte names")
@pytest.mark.parametrize(("kind", "make", "problem"), FILESYSTEM, ids=[f[0] for f in FILESYSTEM])
def test_file_system_oddities_are_reported(folder: Path, kind: str, make: Callable[[Path], str], problem: str) -> None:
    name = make(folder)
    code, out, err = run(["check", str(folder), "--no-ledger", "--format", "json"])
    assert code == 2
    assert_one_line(err, name, problem)
    assert "good-article" in reported_ids(out)


def test_an_unreadable_folder_is_reported(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = folder / "locked"
    locked.mkdir()
    (locked / "a.md").write_text("Two people died.", encoding="utf-8")
    real = os.scandir

    def scandir(path: object) -> object:  # as root, chmod 000 would not stop the read
        if Path(str(path)) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)  # type: ignore[call-overload]

    monkeypatch.setattr(documents_module.os, "scandir", scandir)
    code, out, err = run(["check", str(folder), "--no-ledger", "--format", "json"])
    assert code == 2
    assert_one_line(err, "locked", "unreadable folder: Permission denied")
    assert "good-article" in reported_ids(out)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_named_pipe_nobody_writes_to_does_not_hang(folder: Path) -> None:
    os.mkfifo(folder / "pipe.md")
    code, out, err = run(["check", str(folder / "pipe.md"), str(folder / "good.md"), "--no-ledger", "-f", "json"])
    assert code == 2
    assert_one_line(err, "pipe.md", "empty file")
    assert "good-article" in reported_ids(out)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="/dev/zero")
def test_dev_zero_is_read_only_to_the_cap(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(documents_module, "MAX_BYTES", 1000)
    code, out, err = run(["check", "/dev/zero", str(folder / "good.md"), "--no-ledger", "-f", "json"])
    assert code == 2
    assert_one_line(err, "/dev/zero", "too large")
    assert "good-article" in reported_ids(out)


def test_a_folder_without_articles_beside_good_ones(folder: Path) -> None:
    (folder / "dir.md").mkdir()
    code, out, err = run(["check", str(folder / "dir.md"), str(folder / "good.md"), "--no-ledger", "-f", "json"])
    assert code == 2
    assert_one_line(err, "dir.md", "no articles in this folder")
    assert "good-article" in reported_ids(out)


# --- standard input ----------------------------------------------------------------------


def test_stdin_with_a_bom_keeps_its_front_matter() -> None:
    code, out, err = run(["extract", "-", "-f", "jsonl"], input=b"\xef\xbb\xbf" + GOOD.encode())
    assert code == 0, err
    assert json.loads(out.splitlines()[0])["document"] == "good-article"


def test_stdin_invalid_utf8_is_one_line(folder: Path) -> None:
    code, out, err = run(["extract", "-", str(folder / "good.md"), "-f", "jsonl"], input=b"caf\xe9 two died")
    assert code == 2
    assert_one_line(err, "<stdin>", "not valid UTF-8")
    assert "good-article" in out


@pytest.mark.parametrize("ending", ["\r", "\r\n"], ids=["CR only", "CRLF"])
def test_line_endings_keep_the_front_matter(folder: Path, ending: str) -> None:
    (folder / "good.md").write_bytes(GOOD.replace("\n", ending).encode())
    code, out, err = run(["extract", str(folder / "good.md"), "-f", "jsonl"])
    assert code == 0, err
    claim = json.loads(out.splitlines()[0])
    assert (claim["document"], claim["published"]) == ("good-article", "2023-09-01")


def test_an_empty_front_matter_block_is_empty_front_matter(folder: Path) -> None:
    (folder / "bare.md").write_bytes(b"---\n---\nTwo people died.\n")
    code, out, err = run(["extract", str(folder / "bare.md"), "-f", "jsonl"])
    assert code == 0, err
    assert json.loads(out.splitlines()[0])["document"] == "bare"


# --- -o output ---------------------------------------------------------------------------


def test_output_into_a_path_that_cannot_be_a_folder(folder: Path) -> None:
    target = folder / "good.md" / "report.txt"  # good.md is a file, so this cannot be created
    code, _, err = run(["check", str(folder), "--no-ledger", "-o", str(target)])
    assert code == 2
    assert_one_line(err, "report.txt", "cannot write")


def test_output_into_a_folder_that_is_not_writable(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:  # as root, chmod would not stop it
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    code, _, err = run(["check", str(folder), "--no-ledger", "-o", str(folder / "out.txt")])
    assert code == 2
    assert_one_line(err, "out.txt", "cannot write: Permission denied")


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX links and modes")
def test_output_through_a_symlink_writes_its_target_and_keeps_the_mode(folder: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    code, _, err = run(["extract", str(folder), "-o", str(link)])
    assert code == 0, err
    assert link.is_symlink() and "good-article" in target.read_text(encoding="utf-8")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
def test_a_new_output_file_gets_the_mode_of_a_normal_write(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "new.txt"
    code, _, err = run(["extract", str(folder), "-o", str(out)])
    assert code == 0, err
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~umask()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX byte names")
def test_output_named_in_bytes_that_are_not_utf8(folder: Path, tmp_path: Path) -> None:
    out = os.fsdecode(os.fsencode(tmp_path) + b"/r\xe9port.txt")
    code, _, err = run(["extract", str(folder), "-o", out])
    assert code == 0, err
    assert os.path.exists(os.path.join(os.fsencode(tmp_path), b"r\xe9port.txt"))


# --- extraction rows: the times and places layers ------------------------------------------


def _extract(body: str, published: str | None = None) -> list[object]:
    from factcheck import Document
    from factcheck.extraction import extract_document

    doc = Document(id="t", body=body, published=published)
    return list(extract_document(doc))


def test_superscript_year_in_the_body() -> None:
    from factcheck import extract_text

    extract_text("5 people died in \u00b2\u2070\u00b2\u00b3.")


def test_year_one_and_a_weekday() -> None:
    _extract("On Sunday 5 people died.", published="0001-01-01")


def test_place_and_time_text_slice_back_to_the_body() -> None:
    body = "On  Sunday,  12 guards were held hostage at Turi  jail in  Cuenca."
    for claim in _extract(body, published="2023-09-03"):
        for part in (getattr(claim, "place", None), getattr(claim, "time", None)):
            if part is not None and getattr(part, "start", None) is not None and getattr(part, "text", None):
                assert body[part.start : part.end] == part.text


# --- the acceptance run ------------------------------------------------------------------


def test_a_folder_of_every_hostile_input_still_reports_the_good_articles(folder: Path) -> None:
    (folder / "month.md").write_text(MONTH, encoding="utf-8")
    for _, name, data, _ in ARTICLES:
        (folder / name).write_bytes(data)
    if sys.platform != "win32":
        for _, make, _ in FILESYSTEM:
            make(folder)
        os.mkfifo(folder / "pipe.md")
    code, out, err = run(["check", str(folder), "--no-ledger", "--format", "json"])
    assert code == 2 and "Traceback" not in err
    assert {"good-article", "month-article"} <= reported_ids(out)
    errors = [line for line in err.splitlines() if line.startswith("factcheck: error: ")]
    assert len(errors) == len(err.splitlines()) >= len(ARTICLES)
    month = next(d for d in json.loads(out)["documents"] if d["id"] == "month-article")
    assert month["published"] == "2023-09-01"


def test_written_dates_and_their_precision(tmp_path: Path) -> None:
    from factcheck import read_document

    cases = {
        '"2023"': ("2023-01-01", "year"),
        "2023": ("2023-01-01", "year"),
        '"2023-09"': ("2023-09-01", "month"),
        "2023-09-01": ("2023-09-01", "day"),
        "2023-09-01T23:30:00-05:00": ("2023-09-01", "day"),
        '"1 Sep 2023"': ("2023-09-01", "day"),
        '"September 1, 2023"': ("2023-09-01", "day"),
        '"1 de septiembre de 2023"': ("2023-09-01", "day"),
        '"septiembre de 2023"': ("2023-09-01", "month"),
        "null": (None, None),
    }
    for i, (value, (day, precision)) in enumerate(cases.items()):
        p = tmp_path / f"d{i}.md"
        p.write_bytes(front(f"published: {value}"))
        doc = read_document(p)
        assert (str(doc.published) if doc.published else None, doc.published_precision) == (day, precision), value


def test_an_explicit_precision_makes_the_date_coarser(tmp_path: Path) -> None:
    from factcheck import read_document

    p = tmp_path / "a.md"
    p.write_bytes(front("published: 2023-09-14\npublished_precision: month"))
    doc = read_document(p)
    assert (str(doc.published), doc.published_precision) == ("2023-09-01", "month")


def test_error_lines_never_span_two_lines() -> None:
    from factcheck import ArticleReadError, LedgerError

    for err in (ArticleReadError("a\nb.md", "x\ry"), LedgerError("c\x1b[31m.yaml", "z\u2028w")):
        assert len(str(err).splitlines()) == 1 and not re.search(r"[\x00-\x1f]", str(err))


# --- the ledger --------------------------------------------------------------------------

FP = "0123456789abcdef"


def test_a_fingerprint_with_a_trailing_newline_is_refused(tmp_path: Path) -> None:
    code, _, err = run(["decide", FP + "\n", "--as", "confirmed", "--reviewer", "Ana", "--ledger", str(tmp_path)])
    assert code == 2
    assert_one_line(err, "not a finding fingerprint", "0123456789abcdef\\n")
    assert not any(tmp_path.rglob("*")) or not any(p.name.endswith(".lock") for p in tmp_path.rglob("*"))


@pytest.mark.parametrize("value", ["nan", "inf", "-inf"])
def test_a_non_finite_resolved_value_is_refused(tmp_path: Path, value: str) -> None:
    args = ["decide", FP, "--as", "resolved", "--value", value, "--reviewer", "Ana", "--ledger", str(tmp_path)]
    code, _, err = run(args)
    assert code == 2
    assert_one_line(err, "finite", "finite number")


@pytest.mark.parametrize("value", [".nan", ".inf"])
def test_a_non_finite_value_in_a_ledger_file_is_refused(tmp_path: Path, value: str) -> None:
    from factcheck import Ledger, LedgerError

    (tmp_path / "decisions").mkdir()
    (tmp_path / "decisions" / f"{FP}.yaml").write_text(
        f"fingerprint: {FP}\ndecision: resolved\nreviewer: Ana\ndecided_at: 2023-09-01T10:00:00Z\nvalue: {value}\n",
        encoding="utf-8",
    )
    with pytest.raises(LedgerError, match="value"):
        Ledger(tmp_path).decisions()


@pytest.mark.parametrize("stamp", ["2023-02-30T10:00:00Z", "2023-13-01 10:00:00"])
def test_an_impossible_decided_at_is_a_ledger_error(tmp_path: Path, stamp: str) -> None:
    from factcheck import Ledger, LedgerError

    (tmp_path / "decisions").mkdir()
    (tmp_path / "decisions" / f"{FP}.yaml").write_text(
        f"fingerprint: {FP}\ndecision: confirmed\nreviewer: Ana\ndecided_at: {stamp}\n", encoding="utf-8"
    )
    with pytest.raises(LedgerError, match="decided_at") as err:
        Ledger(tmp_path).decisions()
    assert len(str(err.value).splitlines()) == 1


def test_laughs_in_a_ledger_file_are_a_ledger_error(tmp_path: Path) -> None:
    from factcheck import Ledger, LedgerError

    (tmp_path / "decisions").mkdir()
    (tmp_path / "decisions" / f"{FP}.yaml").write_text(_LAUGHS, encoding="utf-8")
    with pytest.raises(LedgerError, match="anchors and aliases"):
        Ledger(tmp_path).decisions()


def test_a_ledger_folder_that_cannot_be_written_is_a_ledger_error(tmp_path: Path) -> None:
    (tmp_path / "decisions").write_text("a file where the folder should be", encoding="utf-8")
    code, _, err = run(["decide", FP, "--as", "confirmed", "--reviewer", "Ana", "--ledger", str(tmp_path)])
    assert code == 2
    assert_one_line(err, "decisions", "cannot write")


def test_a_lock_that_cannot_be_opened_is_a_ledger_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck import Ledger, LedgerError
    from factcheck import files as files_module

    real = files_module.os.open

    def refuse(path: object, *args: object, **kwargs: object) -> int:  # as root, chmod would not stop it
        if str(path).endswith(".lock"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(files_module.os, "open", refuse)
    with pytest.raises(LedgerError, match="Permission denied"):
        Ledger(tmp_path).record(FP, "confirmed", "Ana")


def test_writers_leave_no_lock_file_and_clear_stale_temporary_files(tmp_path: Path) -> None:
    from factcheck import Ledger
    from factcheck.files import STALE_SECONDS

    ledger = Ledger(tmp_path)
    ledger.decisions_dir.mkdir(parents=True)
    mine = ledger.decisions_dir / f".{FP}.yaml.abc123.tmp"  # a killed writer of this file
    other = ledger.decisions_dir / ".fedcba9876543210.yaml.xyz.tmp"  # of another, long ago
    fresh = ledger.decisions_dir / ".fedcba9876543210.yaml.new.tmp"  # of another, maybe writing now
    old_lock = ledger.decisions_dir / ".fedcba9876543210.lock"
    for p in (mine, other, fresh, old_lock):
        p.write_text("x", encoding="utf-8")
    long_ago = os.stat(mine).st_mtime - STALE_SECONDS - 60
    for p in (other, old_lock):
        os.utime(p, (long_ago, long_ago))
    ledger.record(FP, "confirmed", "Ana")
    ledger.record(FP, "noted", "Ana", note="checked twice")
    assert sorted(p.name for p in ledger.decisions_dir.iterdir()) == sorted([f"{FP}.yaml", fresh.name])


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
def test_decision_files_get_the_mode_of_a_normal_write(tmp_path: Path) -> None:
    from factcheck import Ledger

    path = Ledger(tmp_path).decisions_dir / f"{FP}.yaml"
    Ledger(tmp_path).record(FP, "confirmed", "Ana")
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask()


def test_concurrent_writers_leave_no_lock_files(tmp_path: Path) -> None:
    import threading

    from factcheck import Ledger

    ledger = Ledger(tmp_path)
    threads = [
        threading.Thread(target=ledger.record, args=(FP, "noted", f"editor {i}"), kwargs={"note": str(i)})
        for i in range(12)
    ]
    ledger.record(FP, "confirmed", "Ana")
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    decision = ledger.decisions()[FP][0]
    assert len(decision.history) == 12 and decision.decision == "confirmed"
    assert [p.name for p in ledger.decisions_dir.iterdir()] == [f"{FP}.yaml"]


# --- the review server -------------------------------------------------------------------

REVERSED = '---\nid: {id}\noutlet: "Wire \u202eTSOP"\npublished: 2023-09-0{day}\n---\n{body}\n'


@pytest.fixture()
def server(tmp_path: Path):  # type: ignore[no-untyped-def]
    pytest.importorskip("starlette")
    from starlette.testclient import TestClient

    from factcheck.review import create_app

    arts = tmp_path / "arts"
    (arts / "desk").mkdir(parents=True)
    (arts / "a.md").write_text(
        REVERSED.format(id="desk/a", day=1, body="In Ecuador, police said 12 people were killed on Monday in Quito."),
        encoding="utf-8",
    )
    (arts / "desk" / "b.md").write_text(
        REVERSED.format(id="b", day=2, body="In Ecuador, officials said 40 people were killed on Monday in Quito."),
        encoding="utf-8",
    )
    app, keys = create_app([arts], tmp_path / "ledger")
    client = TestClient(app, base_url="http://127.0.0.1:8000")
    client.keys = keys  # type: ignore[attr-defined]
    client.ledger = tmp_path / "ledger"  # type: ignore[attr-defined]
    return client


def _login(client) -> None:  # type: ignore[no-untyped-def]
    r = client.get(f"/?token={client.keys.url_token}", follow_redirects=False)
    assert r.status_code == 303


def _finding(client) -> str:  # type: ignore[no-untyped-def]
    return str(re.search(r"/finding/([0-9a-f]{16})", client.get("/").text).group(1))  # type: ignore[union-attr]


def test_non_ascii_secrets_are_refused_not_errors(server) -> None:  # type: ignore[no-untyped-def]
    assert server.get("/?token=caf%C3%A9").status_code == 403
    assert server.get("/", headers={"cookie": "factcheck_review=caf\u00e9".encode()}).status_code == 403
    _login(server)
    fid = _finding(server)
    r = server.post(f"/finding/{fid}/decide", data={"action": "confirmed", "reviewer": "Ana", "csrf": "caf\u00e9"})
    assert r.status_code == 403


def test_the_url_token_opens_a_second_browser_but_nothing_else(server) -> None:  # type: ignore[no-untyped-def]
    from starlette.testclient import TestClient

    _login(server)
    assert server.get("/").status_code == 200  # the browser that used it keeps its cookie
    # issue 20: a second browser on this machine opens the printed URL too (it was 403)
    other = TestClient(server.app, base_url="http://127.0.0.1:8000")
    assert other.get(f"/?token={server.keys.url_token}", follow_redirects=False).status_code == 303
    assert other.get("/").status_code == 200
    # a wrong token, or the right one under a name that is not loopback, still opens nothing
    third = TestClient(server.app, base_url="http://127.0.0.1:8000")
    token = server.keys.url_token
    wrong = token[:-1] + ("x" if token[-1] != "x" else "y")  # never the token itself (1 in 64 before)
    assert third.get("/?token=" + wrong, follow_redirects=False).status_code == 403
    remote = {"host": "evil.example:8000"}
    assert third.get(f"/?token={server.keys.url_token}", headers=remote, follow_redirects=False).status_code == 403


@pytest.mark.parametrize("path", ["//evil.example/", "/\\evil.example/", "///evil.example"])
def test_the_token_redirect_never_leaves_the_server(server, path: str) -> None:  # type: ignore[no-untyped-def]
    r = server.get(f"{path}?token={server.keys.url_token}", follow_redirects=False)
    location = r.headers.get("location", "")
    assert r.status_code in (303, 404) and not location.startswith("//") and "\\" not in location


@pytest.mark.parametrize("host", ["[::1]evil.example", "[::1]@evil.example", "127.0.0.1.evil.example", "localhost:80x"])
def test_strict_host_names(server, host: str) -> None:  # type: ignore[no-untyped-def]
    _login(server)
    assert server.get("/", headers={"host": host}).status_code == 403


@pytest.mark.parametrize(
    "headers",
    [
        {"origin": "http://evil.example"},
        {"origin": "null"},
        {"sec-fetch-site": "cross-site"},
        {"origin": "http://127.0.0.1:9999"},
    ],
)
def test_a_change_from_another_origin_is_refused(server, headers: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    _login(server)
    fid = _finding(server)
    data = {"action": "confirmed", "reviewer": "Ana", "csrf": server.keys.csrf}
    r = server.post(f"/finding/{fid}/decide", data=data, headers=headers, follow_redirects=False)
    assert r.status_code == 403 and not (server.ledger / "decisions").exists()
    same = {"origin": "http://127.0.0.1:8000", "sec-fetch-site": "same-origin"}
    assert server.post(f"/finding/{fid}/decide", data=data, headers=same, follow_redirects=False).status_code == 303


def test_an_article_id_with_a_slash_opens_in_context(server) -> None:  # type: ignore[no-untyped-def]
    _login(server)
    assert server.get("/article/desk/a").status_code == 200
    assert server.get("/article/desk%2Fa").status_code == 200


def test_bidi_controls_are_isolated(server) -> None:  # type: ignore[no-untyped-def]
    _login(server)
    page = server.get(f"/finding/{_finding(server)}").text
    assert "\u202e" in page  # shown, not dropped: an editor should see the name as written
    for m in re.finditer("\u202e", page):
        before = page[: m.start()]
        assert before.rfind("\u2068") > before.rfind("\u2069"), "every U+202E sits inside an isolate"


@pytest.mark.parametrize("path", ["/static/review.css", "/no/such/page", "/", "/?token=wrong"])
def test_every_response_has_the_security_headers(server, path: str) -> None:  # type: ignore[no-untyped-def]
    if path != "/?token=wrong":
        _login(server)
    r = server.get(path)
    assert "default-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["referrer-policy"] == "same-origin"


def test_a_stale_page_cannot_override_a_newer_decision(server) -> None:  # type: ignore[no-untyped-def]
    _login(server)
    fid = _finding(server)
    page = server.get(f"/finding/{fid}").text
    token = re.search(r'name="csrf" value="([^"]+)"', page)
    assert token is not None
    stale = token.group(1).replace("&#126;", "~")
    first = {"action": "confirmed", "reviewer": "Ana", "csrf": stale}
    assert server.post(f"/finding/{fid}/decide", data=first, follow_redirects=False).status_code == 303
    second = {"action": "dismissed-different-events", "reviewer": "Ben", "csrf": stale}  # Ben's tab is older
    r = server.post(f"/finding/{fid}/decide", data=second, follow_redirects=False)
    assert r.status_code == 409 and "Reload" in r.text
    from factcheck import Ledger

    assert Ledger(server.ledger).decisions()[fid][0].decision == "confirmed"


def test_a_ledger_file_broken_while_the_server_runs_is_one_line(server) -> None:  # type: ignore[no-untyped-def]
    _login(server)
    fid = _finding(server)
    (server.ledger / "decisions").mkdir(parents=True)
    (server.ledger / "decisions" / f"{fid}.yaml").write_text(_LAUGHS, encoding="utf-8")
    r = server.get("/article/desk/a")
    assert r.status_code == 500 and "anchors and aliases" in r.text and "Traceback" not in r.text


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_named_pipe_in_the_ledger_does_not_hang(tmp_path: Path) -> None:
    from factcheck import Ledger, LedgerError

    (tmp_path / "decisions").mkdir()
    os.mkfifo(tmp_path / "decisions" / f"{FP}.yaml")
    with pytest.raises(LedgerError, match="empty file"):
        Ledger(tmp_path).decisions()


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="/dev/zero")
def test_dev_zero_in_the_ledger_is_read_only_to_the_cap(tmp_path: Path) -> None:
    from factcheck import Ledger, LedgerError

    (tmp_path / "decisions").mkdir()
    (tmp_path / "decisions" / f"{FP}.yaml").symlink_to("/dev/zero")
    with pytest.raises(LedgerError, match="too large"):
        Ledger(tmp_path).decisions()
