"""Regressions from the hostile-input suite of issue 21: a ledger its own writer cannot break,
output that cannot be turned against its reader, and the smaller server and input cases.
Each test names the case it came from."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import warnings
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
import yaml
from click.testing import CliRunner

from factcheck import Document, Ledger, LedgerError, check
from factcheck.cli import main
from factcheck.formats import render_report

FP = "0123456789abcdef"
A = "---\nid: a\noutlet: AP\npublished: 2023-09-04\n---\nOfficials said 12 people were killed on Monday.\n"
B = "---\nid: b\noutlet: BBC\npublished: 2023-09-04\n---\nPolice said 40 people were killed on Monday.\n"


@pytest.fixture
def pair(tmp_path: Path) -> Path:
    """Two articles that disagree: one finding."""
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.md").write_text(A, encoding="utf-8")
    (folder / "b.md").write_text(B, encoding="utf-8")
    return folder


def _finding_id(folder: Path) -> str:
    return check([folder]).conflicts[0].id


def _decide(ledger: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["decide", *args, "--ledger", str(ledger)])
    return result.exit_code, result.output


# --- the ledger ------------------------------------------------------------------------


def test_a_non_utf8_byte_in_a_note_is_refused_and_the_ledger_stays_readable(tmp_path: Path) -> None:
    """Issue 21: '--note' with a byte that is not UTF-8 was written as \\udcff, then refused."""
    book = Ledger(tmp_path)
    for field in ("note", "reviewer", "value_source"):
        kwargs = {"note": "", "reviewer": "Ana", "value_source": "INM"} | {field: "caf\udcff"}
        with pytest.raises(LedgerError, match="not valid UTF-8"):
            book.record(
                FP, "resolved", kwargs["reviewer"], kwargs["note"], value=5, value_source=kwargs["value_source"]
            )
    assert book.decisions() == {}
    code, out = _decide(tmp_path, FP, "--as", "confirmed", "--reviewer", "Ana", "--note", "x\udcff")
    assert code == 2 and "not valid UTF-8" in out and len(out.strip().splitlines()) == 1


def test_notes_cannot_grow_a_file_past_the_read_limit(tmp_path: Path) -> None:
    """Issue 21: nine 120 kB notes made a file over the 1 MB read limit and broke the ledger."""
    from factcheck.ledger import MAX_FILE_BYTES, MAX_TEXT, MAX_WRITE_BYTES

    book = Ledger(tmp_path)
    with pytest.raises(LedgerError, match="at most"):
        book.record(FP, "noted", "Ana", "x" * 120_000)
    refused = 0
    for _ in range(40):  # notes at the limit, of four-byte characters
        try:
            book.record(FP, "noted", "Ana", "😀" * MAX_TEXT["note"])
        except LedgerError as err:
            assert "would make the file" in str(err)
            refused += 1
    assert refused
    path = book.path_for(FP)
    assert path.stat().st_size <= MAX_WRITE_BYTES < MAX_FILE_BYTES
    assert FP in book.decisions()  # still readable


def test_decide_refuses_a_file_whose_fingerprint_does_not_match_its_name(tmp_path: Path) -> None:
    """Issue 21: check refused it, decide silently rewrote it."""
    book = Ledger(tmp_path)
    book.record("fedcba9876543210", "confirmed", "Ana")
    wrong = book.path_for(FP)
    book.path_for("fedcba9876543210").rename(wrong)
    before = wrong.read_bytes()
    with pytest.raises(LedgerError, match="does not match its fingerprint"):
        book.record(FP, "flagged", "Ana")
    assert wrong.read_bytes() == before
    with pytest.raises(LedgerError, match="does not match its fingerprint"):
        book.decisions()


def test_a_key_written_twice_is_refused(tmp_path: Path) -> None:
    """Issue 21: a key written twice silently took the last value."""
    book = Ledger(tmp_path)
    book.record(FP, "confirmed", "Ana")
    path = book.path_for(FP)
    path.write_text(path.read_text(encoding="utf-8") + "decision: flagged\n", encoding="utf-8")
    with pytest.raises(LedgerError, match="written twice"):
        book.decisions()


def test_a_yml_file_is_reported_not_ignored(tmp_path: Path) -> None:
    """Issue 21: '<fp>.yml' was silently skipped."""
    book = Ledger(tmp_path)
    book.record(FP, "confirmed", "Ana")
    book.path_for(FP).rename(book.decisions_dir / f"{FP}.yml")
    with pytest.raises(LedgerError, match=r"rename it to 0123456789abcdef\.yaml"):
        book.decisions()


def test_decide_never_writes_through_a_dangling_symlink(tmp_path: Path) -> None:
    """Issue 21: a dangling symlink made decide write a file the ledger could not read."""
    book = Ledger(tmp_path)
    book.decisions_dir.mkdir(parents=True)
    target = tmp_path / "elsewhere" / "gone.yaml"
    book.path_for(FP).symlink_to(target)
    with pytest.raises(LedgerError, match="symbolic link to a missing file"):
        book.record(FP, "confirmed", "Ana")
    assert not target.exists()


def test_a_folder_without_write_permission_names_the_real_error(tmp_path: Path, monkeypatch) -> None:
    """Issue 21: a read-only ledger folder was reported as 'No such file or directory'. (The
    refusal is simulated: the suite may run as root, whom permissions do not stop.)"""
    real_open = os.open

    def denied(path, flags, *args):  # type: ignore[no-untyped-def]
        if str(path).endswith(".lock") and flags & os.O_CREAT:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", denied)
    with pytest.raises(LedgerError, match="Permission denied"):
        Ledger(tmp_path).record(FP, "confirmed", "Ana")


# --- output ----------------------------------------------------------------------------


def test_a_cp1252_stdout_gets_the_report_not_a_traceback(tmp_path: Path) -> None:
    """Issue 21: redirected output on Windows is cp1252; '✓' or 'ž' made a traceback, exit 1."""
    art = tmp_path / "a.md"
    art.write_text("---\noutlet: Večernji ✓ 日報\n---\nPolice said 12 people were killed.\n", encoding="utf-8")
    env = {**os.environ, "PYTHONIOENCODING": "cp1252"}
    for args in (["extract", str(art)], ["check", str(art), "--no-ledger", "--fail-on", "never"]):
        run = subprocess.run([sys.executable, "-m", "factcheck", *args], capture_output=True, env=env, check=False)
        assert run.returncode == 0, run.stderr
        assert b"Traceback" not in run.stderr
    run = subprocess.run(
        [sys.executable, "-m", "factcheck", "extract", str(art), "-f", "json"],
        capture_output=True,
        env=env,
        check=False,
    )
    assert run.returncode == 0 and json.loads(run.stdout.decode("cp1252"))["claims"][0]["outlet"].startswith("Ve")


def test_output_into_a_folder_that_cannot_be_entered_is_one_line(tmp_path: Path, monkeypatch, pair: Path) -> None:
    """Issue 21: '-o locked/report.txt' gave a traceback (Path.is_dir raised PermissionError).
    Simulated: root enters any folder."""
    real = Path.is_dir

    def is_dir(self: Path) -> bool:
        if "locked" in str(self):
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "is_dir", is_dir)
    result = CliRunner().invoke(main, ["extract", str(pair), "-o", str(tmp_path / "locked" / "out.txt")])
    assert result.exit_code == 2
    assert "Permission denied" in result.output and "Traceback" not in result.output


HOSTILE = "\x1b]0;owned\x07\x1b[2J\u202e"


def test_escape_sequences_from_articles_never_reach_the_terminal(tmp_path: Path) -> None:
    """Issue 21: an escape sequence in an outlet or title reached the terminal raw in the
    extract table and check -f text."""
    folder = tmp_path / "arts"
    folder.mkdir()
    for name, figure in (("a", 12), ("b", 40)):
        escaped = json.dumps(HOSTILE)[1:-1]  # YAML reads JSON's escapes in double quotes
        (folder / f"{name}{HOSTILE}.md").write_text(
            f'---\noutlet: "AP{escaped}"\ntitle: "T{escaped}"\npublished: 2023-09-04\n---\n'
            f"Officials said {figure} people were killed on Monday.\n",
            encoding="utf-8",
        )
    runner = CliRunner()
    for args in (["extract", str(folder)], ["check", str(folder), "--no-ledger", "-f", "text"]):
        out = runner.invoke(main, args).output
        assert "12" in out or "40" in out
        assert not any(ch in out for ch in "\x1b\x07\u202e"), args
        assert "\\x1b" in out


def test_junit_is_well_formed_with_control_characters_in_a_document_id() -> None:
    """Issue 21: JUnit output was not well-formed XML with a control character in an id."""
    docs = [
        Document(id="a\x01\x1b", outlet="AP", body="Officials said 12 people were killed on Monday."),
        Document(id="b\x0b", outlet="BBC", body="Police said 40 people were killed on Monday."),
        Document(id="c\x02", outlet="X", body="Nothing to count here."),
    ]
    xml = render_report("junit", check(docs))
    suite = ET.fromstring(xml.encode("utf-8"))
    names = [case.get("name") for case in suite.iter("testcase")]
    assert any("\\x01" in (n or "") for n in names) or any("\\x02" in (n or "") for n in names)


def test_fail_on_never_exits_0_on_stale_decisions(tmp_path: Path, pair: Path) -> None:
    """Issue 21: '--fail-on never' exited 1 on stale decisions although docs/cli.md says 0."""
    ledger = tmp_path / "claims"
    Ledger(ledger).record("fedcba9876543210", "confirmed", "Ana")  # a finding that is not there
    runner = CliRunner()
    stale = runner.invoke(main, ["check", str(pair), "--ledger", str(ledger), "--fail-on", "never"])
    assert "STALE" in stale.output and stale.exit_code == 0
    assert runner.invoke(main, ["check", str(pair), "--ledger", str(ledger)]).exit_code == 1


def test_an_article_extraction_fails_on_costs_only_itself(pair: Path, monkeypatch) -> None:
    """Issue 21: a failed file lost the report on the good files beside it."""
    import factcheck.report as report

    real = report.extract_document

    def breaks_on_b(doc: Document, **kwargs: object) -> list:  # type: ignore[type-arg]
        if doc.id == "b":
            raise RecursionError("maximum recursion depth exceeded")
        return real(doc, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(report, "extract_document", breaks_on_b)
    result = CliRunner().invoke(main, ["extract", str(pair), "-f", "jsonl"])
    assert result.exit_code == 2
    assert "extraction failed (RecursionError" in result.output
    assert '"document":"a"' in result.output.replace(" ", "")
    rep = check([pair])
    assert [d.id for d in rep.documents] == ["a"] and rep.errors


def test_a_run_on_sentence_is_read_in_pieces_with_a_warning(tmp_path: Path) -> None:
    """Issue 21: one sentence of 100,000 words took over 60 s; now it is cut, with a warning
    naming the file and offset, and the figures in it are still read."""
    from factcheck.documents import InputWarning
    from factcheck.extraction import MAX_SENTENCE_TOKENS, extract_document

    body = "Intro line.\n" + "the officials said three people were killed and " * 600
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        claims = extract_document(Document(id="run-on", path="run-on.md", body=body, language="en"))
    found = [w for w in caught if issubclass(w.category, InputWarning)]
    assert len(found) == 1 and "run-on.md" in str(found[0].message) and "offset 12" in str(found[0].message)
    assert str(MAX_SENTENCE_TOKENS) in str(found[0].message)
    assert len(claims) >= 500
    art = tmp_path / "run-on.md"
    art.write_text(body, encoding="utf-8")
    out = CliRunner().invoke(main, ["extract", str(art), "-f", "jsonl"]).output
    assert sum(1 for line in out.splitlines() if line.startswith("factcheck: warning:")) == 1


# --- smaller cases ---------------------------------------------------------------------


def test_utf16_articles_with_a_byte_order_mark_are_read(tmp_path: Path) -> None:
    """Issue 21: UTF-16 files were refused as 'binary'."""
    from factcheck.documents import read_document

    for codec in ("utf-16", "utf-16-le", "utf-16-be"):
        path = tmp_path / f"{codec}.md"
        bom = {"utf-16": b"", "utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}[codec]
        path.write_bytes(bom + "---\noutlet: AP\n---\nHubo 3 muertos en Quito.".encode(codec))
        doc = read_document(path)
        assert doc.outlet == "AP" and doc.body.startswith("Hubo 3")


def test_host_ipv6_prints_a_usable_url() -> None:
    """Issue 21: '--host ::1' printed http://::1:port/, which no browser opens."""
    from factcheck.review.limits import server_url

    assert server_url("::1", 8765, "tok") == "http://[::1]:8765/?token=tok"
    assert server_url("127.0.0.1", 8765, "tok") == "http://127.0.0.1:8765/?token=tok"


review = pytest.importorskip("starlette.testclient")


@pytest.fixture
def client(tmp_path: Path):  # type: ignore[no-untyped-def]
    from factcheck.review.app import create_app

    folder = tmp_path / "arts"
    folder.mkdir()
    (folder / "a.md").write_text(A.replace("id: a", "id: 'a?x#y'"), encoding="utf-8")
    (folder / "b.md").write_text(B, encoding="utf-8")
    app, keys = create_app([folder], tmp_path / "claims")
    c = review.TestClient(app, base_url="http://127.0.0.1:8000")
    c.get(f"/?token={keys.url_token}")
    return c, folder


def test_read_in_context_works_for_ids_with_question_marks_and_hashes(client) -> None:  # type: ignore[no-untyped-def]
    """Issue 21: 'read in context' gave 404 for a document id with '?' or '#'."""
    c, folder = client
    fid = check([folder]).conflicts[0].id
    page = c.get(f"/finding/{fid}").text
    assert "/article/a%3Fx%23y?claim=" in page
    assert c.get("/article/a%3Fx%23y").status_code == 200


def test_a_huge_content_length_is_refused_before_the_body(client) -> None:  # type: ignore[no-untyped-def]
    """Issue 21: a 10 GB Content-Length was not refused up front."""
    c, folder = client
    fid = check([folder]).conflicts[0].id
    headers = {"content-length": "10000000000", "origin": "http://127.0.0.1:8000"}
    response = c.post(f"/finding/{fid}/decide", content=b"x", headers=headers)
    assert response.status_code == 413


def test_a_half_open_connection_is_closed(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Issue 21: a connection that sent nothing (or half a request line) was never timed out."""
    import socket
    import threading
    import time

    import uvicorn

    from factcheck.review import limits
    from factcheck.review.app import free_port

    monkeypatch.setattr(limits, "HEADER_SECONDS", 0.3)

    async def app(scope, receive, send):  # type: ignore[no-untyped-def]
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, http=limits.TimedH11, log_level="error"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        for _ in range(200):
            if server.started:
                break
            time.sleep(0.05)
        for sent in (b"", b"GET / HT"):
            with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
                s.sendall(sent)
                assert s.recv(100) == b""  # closed by the server, long before the 10 s socket timeout
        with socket.create_connection(("127.0.0.1", port), timeout=10) as s:  # a real request still works
            s.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            assert s.recv(100).startswith(b"HTTP/1.1 200")
    finally:
        server.should_exit = True
        thread.join(10)


# --- a property: whatever an editor types goes in through decide and out through check ---

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

any_text = st.text(st.characters(codec=None, exclude_categories=()), max_size=60) | st.sampled_from(
    ["x\udcff", "a\r\nb", " lead and trail ", "\x00\x1b[2J", "key: value\n- item", "\ufeffbom", "é" * 50]
)


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(note=any_text, reviewer=any_text, source=any_text)
def test_any_note_reviewer_and_source_go_through_decide_and_back_through_check(
    tmp_path_factory, note: str, reviewer: str, source: str
) -> None:  # type: ignore[no-untyped-def]
    folder = Path(str(tmp_path_factory.mktemp("arts")))
    (folder / "a.md").write_text(A, encoding="utf-8")
    (folder / "b.md").write_text(B, encoding="utf-8")
    ledger = folder / "claims"
    ledger.mkdir()
    fid = _finding_id(folder)
    args = [fid, "--as", "resolved", "--value", "12", "--note", note, "--reviewer", reviewer]
    code, out = _decide(ledger, *args, "--value-source", source)
    if code == 0:
        decision = Ledger(ledger).decisions()[fid][0]
        assert (decision.note, decision.reviewer, decision.value_source) == (note, reviewer.strip(), source)
    elif not reviewer.strip():
        assert code == 2 and "who decides?" in out  # a usage error, with click's usage lines
    else:
        assert code == 2 and len(out.strip().splitlines()) == 1, out
    # whatever decide did, the ledger still reads: check never exits 2 because of it
    result = CliRunner().invoke(main, ["check", str(folder / "a.md"), str(folder / "b.md"), "--ledger", str(ledger)])
    assert result.exit_code in (0, 1), result.output
    assert ("decided" in result.output) == (code == 0) or code != 0


def test_the_ledger_file_written_is_plain_yaml() -> None:
    """What the writer emits is what any YAML reader reads (no tags, no aliases)."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        Ledger(tmp).record(FP, "noted", "Ana", "a note: with colon\nand a line")
        data = yaml.safe_load(Path(tmp, "decisions", f"{FP}.yaml").read_text(encoding="utf-8"))
    assert data["note"] == "a note: with colon\nand a line"


def test_github_annotations_show_an_articles_escape_sequences() -> None:
    # regression (issue 21): the github format sent a document id's ESC to the log viewer raw
    from factcheck import Document, check
    from factcheck.formats import REPORT_FORMATS

    docs = [
        Document(id="a\x1b]0;owned\x07", body="Officials said 12 people were killed on Monday."),
        Document(id="b", body="Police said 40 people were killed on Monday."),
    ]
    out = REPORT_FORMATS["github"](check(docs))
    assert "\x1b" not in out and "\x07" not in out
    assert "a\\x1b]0;owned\\x07" in out
