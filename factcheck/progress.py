"""A progress bar on standard error for long checks: drawn only once a run has lasted a
second (a short run prints nothing), only on a terminal, and wiped when the run ends, so
the report on standard output and any log stay clean."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    """Call with (done, total, stage) as work advances; :meth:`close` wipes the line.

    >>> import io
    >>> bar = Progress(io.StringIO(), delay=0.0, force=True)
    >>> bar(1, 4, "reading")
    >>> bar.stream.getvalue().strip()
    'factcheck: reading  [#####...............]  1/4 articles'
    """

    def __init__(self, stream: TextIO | None = None, delay: float = 1.0, width: int = 20, force: bool = False) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.delay = delay
        self.width = width
        self.started = time.perf_counter()
        self.drawn = 0
        isatty = getattr(self.stream, "isatty", None)
        self.enabled = force or bool(isatty and isatty())

    def __call__(self, done: int, total: int, stage: str = "reading") -> None:
        if not self.enabled or time.perf_counter() - self.started < self.delay:
            return
        filled = self.width * done // total if total else self.width
        line = f"factcheck: {stage}  [{'#' * filled}{'.' * (self.width - filled)}]  {done}/{total} articles"
        self.stream.write("\r" + line.ljust(self.drawn))
        self.stream.flush()
        self.drawn = max(self.drawn, len(line))

    def close(self) -> None:
        """Wipe the bar, if one was drawn."""
        if self.drawn:
            self.stream.write("\r" + " " * self.drawn + "\r")
            self.stream.flush()
            self.drawn = 0
