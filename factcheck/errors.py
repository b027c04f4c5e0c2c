"""Named errors: each carries the file (or finding) and the problem, so the CLI can print
one line without a traceback and a library user can catch exactly what failed."""

from __future__ import annotations


class FactcheckError(Exception):
    """Base of every error factcheck raises on purpose."""


class ArticleReadError(FactcheckError):
    """An article could not be read: missing, unreadable, not UTF-8, binary, empty, or
    with malformed front matter. ``path`` names the file, ``problem`` says what is wrong."""

    def __init__(self, path: str, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}")


class NoArticlesError(FactcheckError):
    """The paths given matched no article at all (never a silent success)."""


class VocabularyError(FactcheckError):
    """A data table shipped with factcheck is missing, malformed or contradicts itself."""


class LedgerError(FactcheckError):
    """A decision file in the ledger is unreadable or malformed; it is never overwritten."""

    def __init__(self, path: str, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}")


class ConfigError(FactcheckError):
    """A setting in ``[tool.factcheck]`` or ``factcheck.toml`` is unknown or invalid."""


class FindingNotFoundError(FactcheckError):
    """A decision names a finding that the current report does not contain."""
