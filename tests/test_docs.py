"""Every command and Python example in README.md and docs/ runs, so the docs cannot drift.

What counts as an example, and how it runs:

- a line starting with ``factcheck`` (or ``$ factcheck``) in an indented code block or a
  ``console``/``sh``/``bash`` fence, and a ``run:`` or ``script`` line starting with
  ``factcheck`` in a ``yaml`` fence (the CI recipes), runs in bash, in a scratch folder
  holding copies of ``seeds/`` (also as ``articles/``) and ``claims/``, in document order;
  it must exit 0 or 1 (1 means findings), or exactly N where a comment says ``exit N``;
  ``factcheck review`` must print its URL, then is stopped;
- a command that needs no shell beyond ``>``, ``>>`` and ``<<<`` runs in this process through
  Click's test runner (a fresh ``factcheck`` process pays a second of start-up each: the docs
  took 116 s that way); the rest (pipes, ``&&``) run in bash, and the documents holding one
  are marked slow, as is the test that starts each documented ``factcheck review``:
  ``make test`` and CI run them, a bare ``pytest`` does not;
- a ``python`` fence runs in that folder too: with ``>>>`` as a doctest, else as a script.

Synopses (``factcheck check PATH... [--format ...]``) sit in ``text`` fences and are not run."""

from __future__ import annotations

import doctest
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import main

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


_REDIRECTS = (">", ">>", "<<<")


def in_process(cmd: str) -> tuple[list[str], dict[str, str]] | None:
    """The arguments and redirections (``>``, ``>>``, ``<<<`` -> target) of a command that
    Click's test runner can run, or None when it needs a shell or a server.

    >>> in_process('factcheck extract - --format json <<< "31 died."  # exit 0')
    (['extract', '-', '--format', 'json'], {'<<<': '31 died.'})
    >>> in_process("factcheck check seeds | head"), in_process("factcheck review seeds")
    (None, None)
    """
    try:
        tokens = shlex.split(cmd, comments=True)
    except ValueError:
        return None
    if tokens[:1] != ["factcheck"] or tokens[1:2] == ["review"]:
        return None
    args: list[str] = []
    redirects: dict[str, str] = {}
    rest = iter(tokens[1:])
    for token in rest:
        if token in _REDIRECTS:
            target = next(rest, None)
            if target is None:
                return None
            redirects[token] = target
        elif re.search(r"[|&;<>`]|\$\(", token) or redirects:
            return None
        else:
            args.append(token)
    return args, redirects


def _is_review(cmd: str) -> bool:
    return cmd.split()[:2] == ["factcheck", "review"]


def needs_shell(doc: Path) -> bool:
    """Whether some shell example of ``doc`` (other than ``factcheck review``, which
    :func:`test_review_examples_start` runs) needs a process of its own."""
    found = examples(doc.read_text(encoding="utf-8"))
    return any(kind == "shell" and in_process(code) is None and not _is_review(code) for kind, code in found)


def _run_in_process(cmd: str, parsed: tuple[list[str], dict[str, str]], work: Path, where: str) -> None:
    args, redirects = parsed
    env: dict[str, str | None] = {
        "FACTCHECK_REVIEWER": "Docs Test",
        "GITHUB_STEP_SUMMARY": str(work / "summary.md"),
        "NO_COLOR": None,
    }
    cwd = os.getcwd()
    os.chdir(work)
    try:
        stdin = redirects.get("<<<")
        result = CliRunner().invoke(main, args, input=None if stdin is None else stdin + "\n", env=env)
        for op in (">", ">>"):
            if op in redirects:
                # "$GITHUB_STEP_SUMMARY": the variables a shell would expand, from this run's env
                name = re.sub(r"\$\{?(\w+)\}?", lambda m: str(env.get(m.group(1)) or ""), redirects[op])
                with Path(name).open("a" if op == ">>" else "w", encoding="utf-8") as f:
                    f.write(result.stdout)
    finally:
        os.chdir(cwd)
    want = re.search(r"#.*\bexit (\d)", cmd)
    allowed = {int(want.group(1))} if want else {0, 1}
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"{where}: `{cmd}` raised") from result.exception
    assert result.exit_code in allowed, f"{where}: `{cmd}` exited {result.exit_code}\n{result.stderr}"


def _run_shell(cmd: str, work: Path, where: str) -> None:
    parsed = in_process(cmd)
    if parsed is not None:
        _run_in_process(cmd, parsed, work, where)
        return
    if _is_review(cmd):
        return  # a server: test_review_examples_start runs it, in a process of its own
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


DOC_PARAMS = [pytest.param(d, marks=[pytest.mark.slow] if needs_shell(d) else [], id=d.name) for d in DOCS]


@pytest.mark.parametrize("doc", DOC_PARAMS)
def test_every_example_runs(doc: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    work = _scratch(tmp_path)
    found = examples(doc.read_text(encoding="utf-8"))
    for i, (kind, code) in enumerate(found):
        where = f"{doc.relative_to(ROOT)} example {i + 1}"
        if kind == "shell":
            _run_shell(code, work, where)
        else:
            _run_python(code, work, where)


REVIEWS = [
    pytest.param(doc, code, id=f"{doc.name}:{code.split('#')[0].strip()}")
    for doc in DOCS
    for kind, code in examples(doc.read_text(encoding="utf-8"))
    if kind == "shell" and _is_review(code)
]


@pytest.mark.slow
@pytest.mark.parametrize(("doc", "cmd"), REVIEWS)
def test_review_examples_start(doc: Path, cmd: str, tmp_path: Path) -> None:
    """Each documented ``factcheck review`` starts a server and prints its URL (a process
    of its own, stopped once it has)."""
    _run_review(cmd, _scratch(tmp_path))


def test_examples_are_found() -> None:
    """The docs hold examples of every command, so the test above is not vacuous."""
    commands = {code.split()[1] for doc in DOCS for kind, code in examples(doc.read_text()) if kind == "shell"}
    assert {"extract", "check", "decide", "review", "schema"} <= commands
    assert sum(kind == "python" for doc in DOCS for kind, _ in examples(doc.read_text())) >= 3
