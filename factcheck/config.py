"""Settings for reconciliation and CI, validated, from ``[tool.factcheck]`` in
``pyproject.toml`` or a ``factcheck.toml`` (the nearest one above the working folder),
overridden by command-line options."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import ConfigError
from .intervals import DEFAULT_TOLERANCE

Policy = Literal["conservative", "range", "low_best_high"]
FailOn = Literal["info", "warning", "error", "never"]


class Settings(BaseModel):
    """What the reconciler and the CLI may be told. Defaults are documented in docs/reconciliation.md."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    tolerance: float = Field(
        DEFAULT_TOLERANCE, ge=0, le=1, description="relative half-width of 'approximately' (0.1 = ±10%)"
    )
    same_event_days: int = Field(14, ge=0, description="reports further apart than this may be about different events")
    window_days: int = Field(180, ge=0, description="claims further apart than this are never compared")
    policy: Policy = Field("low_best_high", description="how the best estimate of a quantity is chosen")
    fail_on: FailOn = Field("warning", description="lowest severity that fails a check")
    ledger: str = Field("claims", description="folder of editors' decisions and vetted facts")


def find_config(start: Path | None = None) -> Path | None:
    """The nearest ``factcheck.toml``, or ``pyproject.toml`` with a ``[tool.factcheck]`` table."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        for name in ("factcheck.toml", "pyproject.toml"):
            candidate = folder / name
            if candidate.is_file() and (
                name == "factcheck.toml"
                or "[tool.factcheck]" in candidate.read_text(encoding="utf-8", errors="replace")
            ):
                return candidate
    return None


def load_settings(path: Path | None = None, **overrides: object) -> Settings:
    """Settings from a config file (found when not given) with ``overrides`` on top.

    >>> load_settings(Path("/nonexistent.toml"), tolerance=0.2).tolerance
    0.2
    """
    table: dict[str, object] = {}
    source = path if path is not None else find_config()
    if source is not None and source.is_file():
        try:
            data = tomllib.loads(source.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as err:
            raise ConfigError(f"{source}: {err}") from err
        raw = data.get("tool", {}).get("factcheck", {}) if source.name == "pyproject.toml" else data
        # TOML style is "fail-on"; both spellings are accepted
        table = {str(k).replace("-", "_"): v for k, v in raw.items()}
    table.update({k: v for k, v in overrides.items() if v is not None})
    try:
        return Settings.model_validate(table)
    except ValidationError as err:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in err.errors())
        raise ConfigError(f"{source or 'settings'}: {problems}") from err
