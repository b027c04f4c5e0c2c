"""The command line: parses options, calls the library, formats, and maps errors to exit
codes (0 clean, 1 findings at or above --fail-on, 2 usage, configuration or unreadable
input). Every command calls the same functions the library documents."""

from __future__ import annotations

import functools
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click
from pydantic import BaseModel

from . import __version__
from .config import load_settings
from .documents import load_documents
from .errors import FactcheckError, FindingNotFoundError, OutputError
from .extraction import extract_document
from .files import atomic_write
from .formats import CLAIM_FORMATS, REPORT_FORMATS
from .ledger import ACTIONS, Ledger
from .report import check as run_check
from .report import failing

F = TypeVar("F", bound=Callable[..., Any])


def write_output(text: str, output: str | None) -> None:
    """Write to standard output, or atomically to a file (never a half-written report);
    a file that cannot be written is an :class:`OutputError`, one line, exit 2."""
    if output is None or output == "-":
        try:
            # text from a file name that is not UTF-8 must not make stdout invalid UTF-8
            click.echo(text.encode("utf-8", "backslashreplace").decode("utf-8"), nl=False)
            sys.stdout.flush()
        except BrokenPipeError:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115  # so the exit flush stays quiet
            raise OutputError("<stdout>", "closed before the report was written (broken pipe)") from None
        return
    if not output.strip():
        raise OutputError(repr(output), "an empty file name")
    target = Path(output)
    if target.is_dir():
        raise OutputError(output, "is a folder; name a file to write the report to")
    if target.is_symlink() and not Path(os.path.realpath(target)).parent.is_dir():
        raise OutputError(output, "a symbolic link whose target's folder does not exist")
    try:
        atomic_write(target, text)
    except OSError as err:
        raise OutputError(output, f"cannot write: {err.strerror or err}") from err


def output_options(formats: list[str], default: str, fail_on: bool = True) -> Callable[[F], F]:
    """The option group every reporting command shares: --format, --output, --fail-on."""

    def deco(fn: F) -> F:
        fn = click.option(
            "--output",
            "-o",
            type=click.Path(dir_okay=False),
            default=None,
            help="Write to this file (atomically) instead of standard output.",
        )(fn)
        fn = click.option(
            "--format",
            "-f",
            "fmt",
            type=click.Choice(formats),
            default=default,
            show_default=True,
            help="Output format.",
        )(fn)
        if fail_on:
            fn = click.option(
                "--fail-on",
                type=click.Choice(["info", "warning", "error", "never"]),
                default=None,
                help="Lowest severity of an undecided finding that makes the exit code 1 "
                "[default: warning, or [tool.factcheck] fail-on].",
            )(fn)
        return fn

    return deco


def handle_errors(fn: F) -> F:
    """Named errors become one line on standard error and exit code 2, without a traceback."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except FactcheckError as err:
            click.echo(f"factcheck: error: {err}", err=True)
            sys.exit(2)

    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="factcheck")
def main() -> None:
    """Check numbers in news text for consistency."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@output_options(sorted(CLAIM_FORMATS), "table", fail_on=False)
@handle_errors
def extract(paths: tuple[str, ...], fmt: str, output: str | None) -> None:
    """Extract numeric claims from articles (files, folders, or - for standard input)."""
    docs, errors = load_documents(paths)
    for err in errors:
        click.echo(f"factcheck: error: {err}", err=True)
    claims = [c for d in sorted(docs, key=lambda d: d.id) for c in extract_document(d)]
    write_output(CLAIM_FORMATS[fmt](claims, docs), output)
    sys.exit(2 if errors else 0)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@output_options(sorted(REPORT_FORMATS), "text")
@click.option(
    "--ledger",
    type=click.Path(file_okay=False),
    default=None,
    help="Folder of editors' decisions and vetted facts [default: claims, or [tool.factcheck] ledger].",
)
@click.option("--no-ledger", is_flag=True, help="Ignore the ledger: report every finding.")
@click.option("--all", "show_all", is_flag=True, help="Also show findings editors have decided, marked as such.")
@click.option("--tolerance", type=float, default=None, help="Relative half-width of 'approximately' [default: 0.1].")
@click.option(
    "--same-event-days",
    type=int,
    default=None,
    help="Reports further apart than this may be about different events [default: 14].",
)
@click.option(
    "--window-days", type=int, default=None, help="Claims further apart than this are never compared [default: 180]."
)
@click.option(
    "--policy",
    type=click.Choice(["conservative", "range", "low_best_high"]),
    default=None,
    help="How the best estimate is chosen [default: low_best_high].",
)
@click.option(
    "--config",
    type=click.Path(dir_okay=False, exists=True),
    default=None,
    help="A factcheck.toml or pyproject.toml to read settings from [default: the nearest one].",
)
@handle_errors
def check(
    paths: tuple[str, ...],
    fmt: str,
    output: str | None,
    fail_on: str | None,
    ledger: str | None,
    no_ledger: bool,
    show_all: bool,
    tolerance: float | None,
    same_event_days: int | None,
    window_days: int | None,
    policy: str | None,
    config: str | None,
) -> None:
    """Report numbers that disagree across articles; exit 1 on undecided findings."""
    settings = load_settings(
        Path(config) if config else None,
        tolerance=tolerance,
        same_event_days=same_event_days,
        window_days=window_days,
        policy=policy,
        fail_on=fail_on,
        ledger=ledger,
    )
    ledger_dir = None if no_ledger else Path(settings.ledger)
    if ledger_dir is not None and ledger is None and not ledger_dir.is_dir():
        ledger_dir = None  # the default ledger is optional; one named on the command line is not
    report = run_check(paths, settings, ledger=ledger_dir, show_all=show_all)
    for err in report.errors:
        click.echo(f"factcheck: error: {err}", err=True)
    if not report.documents:
        click.echo("factcheck: error: no readable articles", err=True)
        sys.exit(2)
    write_output(REPORT_FORMATS[fmt](report), output)
    if report.errors:
        sys.exit(2)
    sys.exit(1 if failing(report, settings.fail_on) or report.stale else 0)


@main.command()
@click.argument("record", type=click.Choice(["claim", "report", "decision", "fact"]), default="report")
def schema(record: str) -> None:
    """Print the JSON Schema of a record (claim, report, decision or fact)."""
    from .findings import Report
    from .ledger import Decision, VettedFact
    from .models import Claim

    models: dict[str, type[BaseModel]] = {"claim": Claim, "report": Report, "decision": Decision, "fact": VettedFact}
    model = models[record]
    click.echo(json.dumps(model.model_json_schema(), indent=2, sort_keys=True))


@main.command()
@click.argument("finding")
@click.argument("paths", nargs=-1)
@click.option(
    "--as",
    "action",
    required=True,
    type=click.Choice(list(ACTIONS)),
    help="The decision: confirmed, dismissed-different-events, dismissed-not-same-quantity, "
    "resolved (with --value), flagged (look again later) or undone.",
)
@click.option("--note", default="", help="Why: what the editor checked and found.")
@click.option(
    "--reviewer",
    default=lambda: os.environ.get("FACTCHECK_REVIEWER") or os.environ.get("USER") or "",
    help="Who decides [default: $FACTCHECK_REVIEWER, else $USER].",
)
@click.option("--value", type=float, default=None, help="The correct value, with --as resolved.")
@click.option("--value-source", default=None, help="Where the correct value comes from, with --as resolved.")
@click.option(
    "--ledger",
    type=click.Path(file_okay=False),
    default=None,
    help="Folder of decisions [default: claims, or [tool.factcheck] ledger].",
)
@handle_errors
def decide(
    finding: str,
    paths: tuple[str, ...],
    action: str,
    note: str,
    reviewer: str,
    value: float | None,
    value_source: str | None,
    ledger: str | None,
) -> None:
    """Record an editor's decision on FINDING (its id), atomically, in the ledger.

    With PATHS, the finding is looked up in a fresh report over them first, so a typo in
    the id is caught and the decision file names the finding and its documents."""
    settings = load_settings(ledger=ledger)
    found = None
    if paths:
        report = run_check(paths, settings)
        found = next((f for f in report.conflicts if f.id == finding), None)
        if found is None:
            raise FindingNotFoundError(f"no finding {finding} in a report over {' '.join(paths)}")
    decision = Ledger(Path(settings.ledger)).record(finding, action, reviewer, note, found, value, value_source)
    click.echo(
        f"recorded {decision.decision} on {finding} in {Path(settings.ledger) / 'decisions' / (finding + '.yaml')}"
    )


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--ledger",
    type=click.Path(file_okay=False),
    default=None,
    help="Folder of decisions [default: claims, or [tool.factcheck] ledger].",
)
@click.option("--dry-run", is_flag=True, help="Say what would move, write nothing.")
@handle_errors
def migrate(paths: tuple[str, ...], ledger: str | None, dry_run: bool) -> None:
    """Carry decisions made by an older factcheck over to today's findings over PATHS.

    A decision whose finding was split (one finding of three sides is now pairs) moves to
    each finding it covered: same documents, same figures. Run it once after upgrading."""
    from .migration import migrate as carry

    settings = load_settings(ledger=ledger)
    report = run_check(paths, settings)
    moved = carry(Ledger(Path(settings.ledger)), report.conflicts, dry_run=dry_run)
    for m in moved:
        click.echo(f"{'would move' if dry_run else 'moved'} {m.old} -> {', '.join(m.new)}  ({m.title[:80]})")
    click.echo(f"{len(moved)} decision{'s' if len(moved) != 1 else ''} carried over")


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--ledger",
    type=click.Path(file_okay=False),
    default=None,
    help="Folder decisions are written to [default: claims, or [tool.factcheck] ledger].",
)
@click.option("--port", type=click.IntRange(0, 65535), default=None, help="Port to listen on [default: a free one].")
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to bind; keep the loopback default unless you know why (see docs/review.md).",
)
@click.option("--no-browser", is_flag=True, help="Print the URL but do not open a browser.")
@handle_errors
def review(paths: tuple[str, ...], ledger: str | None, port: int | None, host: str, no_browser: bool) -> None:
    """Serve the editors' review page for the findings over PATHS on localhost."""
    try:
        from .review import serve
    except ImportError as err:  # pragma: no cover - the review extra is not installed
        raise click.UsageError(
            f"the review page needs the 'review' extra: pip install 'factcheck[review]' ({err})"
        ) from err
    settings = load_settings(ledger=ledger)
    load_documents(paths)  # fail early, with the usual one-line error, on unreadable input
    serve(paths, Path(settings.ledger), host=host, port=port, open_browser=not no_browser, settings=settings)


if __name__ == "__main__":  # pragma: no cover
    main()
