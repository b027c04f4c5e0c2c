"""Settings for reconciliation and CI, validated, from ``[tool.factcheck]`` in
``pyproject.toml`` or a ``factcheck.toml`` (the nearest one above the working folder),
overridden by command-line options. :class:`Settings` is the one place settings come
from: the library's :func:`~factcheck.check` and the CLI both read it.

Paths in a config file are relative to that file, as ruff and mypy do, so a check run from
a subfolder finds the same ledger."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .errors import ConfigError

Policy = Literal["conservative", "range", "low_best_high"]
FailOn = Literal["info", "warning", "error", "never"]
FAIL_ON: tuple[str, ...] = ("info", "warning", "error", "never")
DEFAULT_LEDGER = "claims"
"""The ledger folder the CLI uses, when it exists, if none is configured or named."""


class Settings(BaseModel):
    """What the reconciler and the CLI may be told. Defaults are documented in docs/reconciliation.md.

    >>> Settings(ledger="claims").ledger
    PosixPath('claims')
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    tolerance: float = Field(default=0.1, ge=0, le=1, description="relative half-width of 'approximately' (0.1 = ±10%)")
    same_event_days: int = Field(
        default=14, ge=0, description="reports further apart than this may be about different events"
    )
    window_days: int = Field(default=180, ge=0, description="claims further apart than this are never compared")
    pairing: Literal["learnt", "prior"] = Field(
        default="learnt",
        description="the pairing model: learnt by EM on the claims being checked, or the fixed priors "
        "(the same weights whatever the corpus; what an archive check uses, docs/archive.md)",
    )
    min_evidence: float = Field(
        default=1.5,
        description="warnings whose fields (what, who, where, when, source; not the figures) make one quantity "
        "less than 2**this times likelier than two are reported as info",
    )
    min_pairing: float = Field(
        default=0.05,
        ge=0,
        le=1,
        description="warnings whose pairing score (the probability, figures included, that the sides measure one "
        "quantity) is below this are reported as info",
    )
    loud_per_quantity: int = Field(
        default=2,
        ge=0,
        description="at most this many warnings per quantity, the strongest; its further disagreements are reported "
        "as info beside its timeline (0: no limit)",
    )
    loud_per_claim: int = Field(
        default=3,
        ge=0,
        description="at most this many warnings for any one claim of a finding's core, the strongest; one figure "
        "against many reports is one problem (0: no limit)",
    )
    policy: Policy = Field(default="low_best_high", description="how the best estimate of a quantity is chosen")
    estimate_dates: bool = Field(
        default=False,
        description="before comparing, date each article with no published day from the others (factcheck.dating); "
        "off by default until the reconciler weighs an estimated day below a published one",
    )
    fail_on: FailOn = Field(default="warning", description="lowest severity that fails a check")
    ledger: Path | None = Field(
        default=None, description="folder of editors' decisions and vetted facts; None: no ledger"
    )

    @field_validator("ledger", mode="before")
    @classmethod
    def _path(cls, value: Any) -> Any:
        return Path(value) if isinstance(value, str | os.PathLike) else value


def _table(path: Path) -> dict[str, Any] | None:
    """The factcheck table of a config file, or None when a pyproject.toml has none."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise ConfigError(f"{path}: {err}") from err
    if path.name != "pyproject.toml":
        return data
    table = data.get("tool", {}).get("factcheck")
    if table is not None and not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.factcheck] must be a table")
    return table


def find_config(start: Path | None = None) -> Path | None:
    """The nearest ``factcheck.toml``, or ``pyproject.toml`` with a ``[tool.factcheck]`` table
    (parsed, not searched for as a string)."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        for name in ("factcheck.toml", "pyproject.toml"):
            candidate = folder / name
            if candidate.is_file() and (name == "factcheck.toml" or _table(candidate) is not None):
                return candidate
    return None


def check_fail_on(value: str) -> str:
    """``value`` if it is a severity a check can fail on, else a :class:`ConfigError` naming the valid ones.

    >>> check_fail_on("warnings")
    Traceback (most recent call last):
    ...
    factcheck.errors.ConfigError: unknown severity 'warnings'; one of: info, warning, error, never
    """
    if value not in FAIL_ON:
        raise ConfigError(f"unknown severity {value!r}; one of: {', '.join(FAIL_ON)}")
    return value


def load_settings(path: str | os.PathLike[str] | None = None, **overrides: object) -> Settings:
    """Settings from a config file (found when not given) with ``overrides`` on top; a
    relative ``ledger`` in the file is taken relative to the file.

    >>> load_settings("/nonexistent.toml", tolerance=0.2).tolerance
    0.2
    """
    table: dict[str, object] = {}
    source = Path(path) if path is not None else find_config()
    if source is not None and source.is_file():
        raw = _table(source) or {}
        # TOML style is "fail-on"; both spellings are accepted
        table = {str(k).replace("-", "_"): v for k, v in raw.items()}
        if isinstance(table.get("ledger"), str):
            table["ledger"] = (source.resolve().parent / str(table["ledger"])).as_posix()
    table.update({k: v for k, v in overrides.items() if v is not None})
    try:
        return Settings.model_validate(table)
    except ValidationError as err:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in err.errors())
        raise ConfigError(f"{source or 'settings'}: {problems}") from err
