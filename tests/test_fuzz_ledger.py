"""A fuzz target over ledger files: random YAML and random bytes where a decision file
should be. Reading the ledger either gives decisions or raises LedgerError with a
one-line message; nothing else, ever (a bad file is reported, never overwritten)."""

from __future__ import annotations

import os
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck import Ledger, LedgerError

EXAMPLES = int(os.environ.get("FACTCHECK_FUZZ_EXAMPLES", "150"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
FP = "0123456789abcdef"

fields = {
    "fingerprint": st.just(FP) | st.text(max_size=20),
    "decision": st.sampled_from(["confirmed", "resolved", "noted", "bogus"]),
    "reviewer": st.text(max_size=10),
    "decided_at": st.sampled_from(["2023-09-01T10:00:00Z", "2023-02-30T10:00:00Z", "yesterday", "2023-09-01"]),
    "value": st.floats() | st.integers() | st.text(max_size=5),
    "history": st.lists(st.dictionaries(st.text(max_size=8), st.text(max_size=8), max_size=3), max_size=3),
}
decisions = st.fixed_dictionaries({}, optional=fields).map(lambda d: yaml.safe_dump(d, allow_unicode=True).encode())


def check_ledger_file(raw: bytes, root: Path) -> None:
    """The property every ledger file must hold."""
    (root / "decisions").mkdir(parents=True, exist_ok=True)
    path = root / "decisions" / f"{FP}.yaml"
    path.write_bytes(raw)
    try:
        Ledger(root).decisions()
    except LedgerError as err:
        assert len(str(err).splitlines()) == 1
        try:
            Ledger(root).record(FP, "confirmed", "Ana")
        except LedgerError:
            assert path.read_bytes() == raw  # a malformed file is never overwritten


@FUZZ
@given(decisions | st.binary(max_size=300))
def test_any_ledger_file_is_decisions_or_one_error_line(tmp_path_factory: object, raw: bytes) -> None:
    check_ledger_file(raw, Path(str(tmp_path_factory.mktemp("ledger"))))  # type: ignore[attr-defined]
