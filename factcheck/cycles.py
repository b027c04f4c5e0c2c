"""Python's cycle collector paused around work that makes many records without reference
cycles: reading a kept index, extracting an article, reconciling, checking a draft against
an archive, writing a report. Each full pass of the collector walks every live object, so
with millions of records alive it made that work grow faster than its input; reference
counting frees these records on its own."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def cycles_paused() -> Iterator[None]:
    """The cycle collector off inside the block and as it was after, nested pauses included.

    >>> with cycles_paused():
    ...     gc.isenabled()
    False
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
