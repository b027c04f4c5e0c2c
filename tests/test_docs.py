"""Every command and Python example in README.md and docs/ runs, so the docs cannot drift.

What counts as an example, and how it runs:

- a line starting with ``factcheck`` (or ``$ factcheck``) in an indented code block or a
  ``console``/``sh``/``bash`` fence, and a ``run:`` or ``script`` line starting with
  ``factcheck`` in a ``yaml`` fence (the CI recipes), runs in bash, in a scratch folder
  holding copies of ``seeds/`` (also as ``articles/``) and ``claims/``, in document order;
  it must exit 0 or 1 (1 means findings), or exactly N where a comment says ``exit N``;
  ``factcheck review`` must print its URL, then is stopped;
- a ``python`` fence runs in that folder too: with ``>>>`` as a doctest, else as a script.

Synopses (``factcheck check PATH... [--format ...]``) sit in ``text`` fences and are not run."""

from __future__ import annotations

import doctest
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
BIN = str(Path(sys.executable).parent)

_FENCE = re.compile(r"^```(\w*)[^\n]*\n(.*?)^```", re.S | re.M)


def examples(text: str) -> list[tuple[str, str]]:
    """(kind, code) in document order: kind is "shell" or "python"."""
    found: list[tuple[int, str, str]] = []
    fenced: list[tuple[int, int]] = []
    for m in _FENCE.finditer(text):
        fenced.append((m.start(), m.end()))
        lang, body = m.group(1), m.group(2)
        if lang == "python":
            found.append((m.start(), "python", body))
        elif lang in ("console", "sh", "bash", "shell"):
            found.extend((m.start(), "shell", c) for c in _commands(body.splitlines()))
        elif lang in ("yaml", "yml"):
            for line in body.splitlines():
                cmd = re.sub(r"^\s*(-\s+)?(run:\s*|entry:\s*)?", "", line)
                listed = line.strip().startswith("- factcheck")
                if cmd.startswith("factcheck ") and ("run:" in line or "entry:" in line or listed):
                    found.append((m.start(), "shell", cmd))
    # indented blocks outside fences: four spaces after a blank line
    for m in re.finditer(r"(?:^(?: {4}|\t).*\n?)+", text, re.M):
        if any(a <= m.start() < b for a, b in fenced):
            continue
        lines = [line[4:] for line in m.group(0).splitlines()]
        found.extend((m.start(), "shell", c) for c in _commands(lines))
    return [(kind, code) for _, kind, code in sorted(found, key=lambda t: t[0])]


def _commands(lines: list[str]) -> list[str]:
    out = []
    for line in lines:
        line = line.strip()
        if line.startswith("$ "):
            line = line[2:]
        line = line.replace(".venv/bin/factcheck", "factcheck")
        if line.startswith("factcheck ") or line == "factcheck":
            out.append(line)
    return out


def _scratch(tmp_path: Path) -> Path:
    work = tmp_path / "work"
    work.mkdir()
    shutil.copytree(ROOT / "seeds", work / "seeds")
    shutil.copytree(ROOT / "seeds", work / "articles")
    shutil.copytree(ROOT / "claims", work / "claims", ignore=shutil.ignore_patterns("*.lock"))
    (work / "pyproject.toml").write_text('[tool.factcheck]\nledger = "claims"\n', encoding="utf-8")
    return work


def _env(work: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FACTCHECK_REVIEWER")}
    env.update(
        PATH=BIN + os.pathsep + env.get("PATH", ""),
        FACTCHECK_REVIEWER="Docs Test",
        GITHUB_STEP_SUMMARY=str(work / "summary.md"),
    )
    return env


def _run_shell(cmd: str, work: Path, where: str) -> None:
    if cmd.split()[:2] == ["factcheck", "review"]:
        _run_review(cmd, work)
        return
    want = re.search(r"#.*\bexit (\d)", cmd)
    done = subprocess.run(["bash", "-c", cmd], cwd=work, env=_env(work), capture_output=True, text=True, timeout=300)
    allowed = {int(want.group(1))} if want else {0, 1}
    assert done.returncode in allowed, f"{where}: `{cmd}` exited {done.returncode}\n{done.stderr}"
    assert "Traceback" not in done.stderr, f"{where}: `{cmd}`\n{done.stderr}"


def _run_review(cmd: str, work: Path) -> None:
    args = cmd.split("#")[0].split()
    proc = subprocess.Popen(
        [*args, "--no-browser"] if "--no-browser" not in args else args,
        cwd=work,
        env=_env(work),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        line = proc.stdout.readline()  # type: ignore[union-attr]
        assert "http://127.0.0.1:" in line, f"`{cmd}` printed {line!r}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _run_python(code: str, work: Path, where: str) -> None:
    cwd = os.getcwd()
    os.chdir(work)
    try:
        if code.lstrip().startswith(">>>"):
            parser = doctest.DocTestParser()
            test = parser.get_doctest(code, {}, where, where, 0)
            runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
            runner.run(test)
            assert runner.failures == 0, f"{where}: doctest failed (see the output above)"
        else:
            exec(compile(code, where, "exec"), {"__name__": "__docs__"})  # noqa: S102 - our own docs
    finally:
        os.chdir(cwd)


@pytest.mark.parametrize("doc", DOCS, ids=[d.name for d in DOCS])
def test_every_example_runs(doc: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    work = _scratch(tmp_path)
    found = examples(doc.read_text(encoding="utf-8"))
    for i, (kind, code) in enumerate(found):
        where = f"{doc.relative_to(ROOT)} example {i + 1}"
        if kind == "shell":
            _run_shell(code, work, where)
        else:
            _run_python(code, work, where)


def test_examples_are_found() -> None:
    """The docs hold examples of every command, so the test above is not vacuous."""
    commands = {code.split()[1] for doc in DOCS for kind, code in examples(doc.read_text()) if kind == "shell"}
    assert {"extract", "check", "decide", "review", "schema"} <= commands
    assert sum(kind == "python" for doc in DOCS for kind, _ in examples(doc.read_text())) >= 3
