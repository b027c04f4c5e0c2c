"""Where the project lives: the distribution name and its URLs, in one place, for the
CLI's hints, SARIF's ``informationUri`` and per-rule ``helpUri``. ``pyproject.toml``'s
``[project.urls]`` must say the same (a test checks).

The distribution is ``factcheck-numbers`` because ``factcheck`` on PyPI is an unrelated
project; the import name and the command stay ``factcheck``."""

from __future__ import annotations

DISTRIBUTION = "factcheck-numbers"
HOMEPAGE = f"https://pypi.org/project/{DISTRIBUTION}/"
"""The package index page, which shows the README (and so the rules, below)."""

RULES_URL = HOMEPAGE + "#rules"
"""The README's "Rules" section, which PyPI shows on the project page."""


def install_hint(extra: str | None = None) -> str:
    """The pip command that installs factcheck (with an extra).

    >>> install_hint("review")
    "pip install 'factcheck-numbers[review]'"
    """
    return f"pip install '{DISTRIBUTION}[{extra}]'" if extra else f"pip install {DISTRIBUTION}"


def rule_url(rule_id: str, name: str) -> str:
    """The documentation of one rule: its heading in the README's "Rules" section.

    >>> rule_url("FC001", "value-conflict")
    'https://pypi.org/project/factcheck-numbers/#fc001-value-conflict'
    """
    return f"{HOMEPAGE}#{rule_id.lower()}-{name}"
