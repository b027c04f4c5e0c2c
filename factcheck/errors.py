"""Named errors: each carries the file (or finding) and the problem, so the CLI can print
one line without a traceback and a library user can catch exactly what failed."""

from __future__ import annotations

import os
import re

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def one_line(text: str) -> str:
    """``text`` safe to print on one line: control characters (a newline in a file name)
    escaped, and bytes that are not UTF-8 (a POSIX file name) shown as ``\\xe9``.

    >>> one_line("new\\nline.md"), one_line("caf\\udce9.md")
    ('new\\\\nline.md', 'caf\\\\xe9.md')
    """
    if any("\udc80" <= ch <= "\udcff" for ch in text):
        text = os.fsencode(text).decode("utf-8", "backslashreplace")
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")  # any other lone surrogate
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


class FactcheckError(Exception):
    """Base of every error factcheck raises on purpose."""


class ArticleReadError(FactcheckError):
    """An article could not be read: missing, unreadable, not UTF-8, binary, empty, or
    with malformed front matter. ``path`` names the file, ``problem`` says what is wrong;
    the message is always one printable line."""

    def __init__(self, path: str, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{one_line(path)}: {one_line(problem)}")


class NoArticlesError(FactcheckError):
    """The paths given matched no article at all (never a silent success)."""


class VocabularyError(FactcheckError):
    """A data table shipped with factcheck is missing, malformed or contradicts itself."""


class LedgerError(FactcheckError):
    """A decision file in the ledger is unreadable, unwritable or malformed; a malformed
    file is never overwritten."""

    def __init__(self, path: str, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{one_line(path)}: {one_line(problem)}")


class OutputError(FactcheckError):
    """A report could not be written where ``--output`` asked (folder missing or not
    writable, a name that is a folder)."""

    def __init__(self, path: str, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{one_line(path)}: {one_line(problem)}")


class ConfigError(FactcheckError):
    """A setting in ``[tool.factcheck]`` or ``factcheck.toml`` is unknown or invalid."""


class FindingNotFoundError(FactcheckError):
    """A decision names a finding that the current report does not contain."""
