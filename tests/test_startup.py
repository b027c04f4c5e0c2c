"""Start-up stays light: what `factcheck --help` and `import factcheck` load (developed on
issue 22: the CLI imported every command's modules, 0.5 s of CPU before printing its help).
Modules are counted, never timed: times belong in benchmarks/startup.py."""

from __future__ import annotations

import json
import subprocess
import sys

# Modules that cost tenths of a second to import and that neither the help nor the version
# needs: each command imports them when it runs.
HEAVY = (
    "pydantic",
    "yaml",
    "pint",
    "rapidfuzz",
    "factcheck.extraction",
    "factcheck.reconciliation",
    "factcheck.formats",
)


def _loaded(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", code + "\nimport sys, json; print(json.dumps(sorted(sys.modules)))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return set(json.loads(out.splitlines()[-1]))


def test_cli_module_imports_no_command_modules() -> None:
    loaded = _loaded("import factcheck.cli")
    assert not [m for m in HEAVY if m in loaded]


def test_help_runs_without_the_heavy_modules() -> None:
    code = "import sys\nfrom factcheck.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass"
    loaded = _loaded(code)
    assert "click" in loaded
    assert not [m for m in HEAVY if m in loaded]


def test_import_factcheck_is_light() -> None:
    assert not [m for m in HEAVY if m in _loaded("import factcheck")]
