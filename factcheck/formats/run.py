"""When a check ran and how long it took: the CLI measures it, and the CI formats that
carry timings (JUnit ``time``/``timestamp``, SARIF ``invocations``) write it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class RunInfo:
    """Start time (UTC) and duration in seconds of one check."""

    started: dt.datetime
    seconds: float

    @property
    def ended(self) -> dt.datetime:
        return self.started + dt.timedelta(seconds=self.seconds)


def utc(moment: dt.datetime) -> str:
    """ISO 8601 in UTC with a Z, to the second, as SARIF and JUnit readers expect.

    >>> utc(dt.datetime(2026, 11, 25, 3, 4, 5, 600000, tzinfo=dt.UTC))
    '2026-11-25T03:04:05Z'
    """
    return moment.astimezone(dt.UTC).replace(microsecond=0, tzinfo=None).isoformat() + "Z"
