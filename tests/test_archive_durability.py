"""Nothing lost (developed on synthetic articles): two processes adding at once, and a
process killed in the middle of an add, leave the archive consistent and complete for
every article whose add returned."""

from __future__ import annotations

import multiprocessing
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

from factcheck import Archive, Document
from factcheck.extraction import extract_document

COUNTRIES = ["Chile", "Peru", "Mexico", "Ecuador", "Honduras"]


def article(i: int) -> Document:
    """A short report with several figures, different for each ``i``."""
    country = COUNTRIES[i % len(COUNTRIES)]
    body = (
        f"Officials said {10 + i} people were killed in {country} on Monday. "
        f"Police said {3 + i % 7} people were injured and {20 + 2 * i} were evacuated, AP reported."
    )
    return Document(id=f"report-{i:03d}", outlet=f"Outlet {i % 4}", published=f"2024-0{1 + i % 9}-1{i % 10}", body=body)


def _add(path: str, ids: list[int]) -> None:
    archive = Archive(path)
    for i in ids:
        archive.add([article(i)])
    archive.close()


def _consistent(path: Path) -> dict[str, int]:
    """Each archived document's claim count, after SQLite's own integrity check passes."""
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    counts = dict(
        db.execute("SELECT d.doc_id, count(c.id) FROM documents d LEFT JOIN claims c ON c.doc = d.id GROUP BY d.id")
    )
    blocks = {d for (d,) in db.execute("SELECT DISTINCT d.doc_id FROM blocks b JOIN documents d ON d.id = b.doc")}
    db.close()
    assert blocks == set(counts), "every document has its blocking keys"
    return counts


def test_two_processes_adding_at_once(tmp_path: Path) -> None:
    path = str(tmp_path / "news.db")
    ctx = multiprocessing.get_context("spawn")
    a = ctx.Process(target=_add, args=(path, list(range(0, 30))))
    b = ctx.Process(target=_add, args=(path, list(range(15, 45))))
    a.start()
    b.start()
    a.join(300)
    b.join(300)
    assert (a.exitcode, b.exitcode) == (0, 0)
    counts = _consistent(tmp_path / "news.db")
    assert counts == {article(i).id: len(extract_document(article(i))) for i in range(45)}


CHILD = textwrap.dedent(
    """
    import sys
    from factcheck import Archive
    sys.path.insert(0, {tests!r})
    from test_archive_durability import article
    archive = Archive({path!r})
    for i in range(1000):
        archive.add([article(i)])
        print(article(i).id, flush=True)
    """
)


def test_killed_in_the_middle_of_an_add(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    code = CHILD.format(tests=str(Path(__file__).parent), path=str(path))
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    returned = [child.stdout.readline().strip() for _ in range(25)]
    os.kill(child.pid, signal.SIGKILL)  # wherever it is: extracting, or inside a transaction
    child.wait()
    counts = _consistent(path)
    assert set(returned) <= set(counts)
    expected = {article(i).id: len(extract_document(article(i))) for i in range(1000)}
    assert all(counts[d] == expected[d] for d in counts), "no article is half-written"
    # the archive is usable afterwards: the next add carries on
    Archive(path).add([article(999)])
    assert _consistent(path)[article(999).id] == expected[article(999).id]
