"""The command line: parses options, calls the library, formats, and maps errors to exit
codes (0 clean, 1 findings at or above --fail-on, 2 usage, configuration or unreadable
input). Every command calls the same functions the library documents."""

from __future__ import annotations

import atexit
import codecs
import functools
import gc
import os
import sys
import warnings
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO, TypeVar

import click

from . import __version__
from .cycles import cycles_paused
from .errors import FactcheckError, OutputError

if TYPE_CHECKING:
    from .config import Settings

# Start-up: `factcheck --help` and `--version` import click and this module only. Each
# command imports the modules it runs inside its body (extraction, reconciliation, the
# formats), and the choices of --format, --fail-on and --as are read when an option is
# parsed or its help shown, so a command added here should do the same.

F = TypeVar("F", bound=Callable[..., Any])


class LazyChoice(click.Choice):  # type: ignore[type-arg]  # click 8.2 made Choice generic
    """A :class:`click.Choice` whose choices are read when first needed (parsing the
    option or showing its help), not when the CLI module is imported: the report formats
    live in modules that take a quarter of a second to import, and a format registered by
    a wrapper script before the CLI runs is offered too."""

    def __init__(self, load: Callable[[], Sequence[str]]) -> None:
        self._load = load
        super().__init__([])

    @property  # type: ignore[override]
    def choices(self) -> Sequence[str]:
        return tuple(self._load())

    @choices.setter
    def choices(self, value: Sequence[str]) -> None:
        pass  # click's __init__ assigns the (empty) list; the loader is the source


def _claim_formats() -> list[str]:
    from .formats import CLAIM_FORMATS

    return sorted(CLAIM_FORMATS)


def _report_formats() -> list[str]:
    from .formats import REPORT_FORMATS

    return sorted(REPORT_FORMATS)


def _fail_on() -> list[str]:
    from .config import FAIL_ON

    return list(FAIL_ON)


def _actions() -> list[str]:
    from .ledger import ACTIONS

    return list(ACTIONS)


def write_output(text: str | Iterable[str], output: str | None, quiet: bool = False) -> None:
    """Write ``text`` (or its pieces, as they come) to standard output (unless ``quiet``),
    or atomically to a file (never a half-written report); a file that cannot be written
    is an :class:`OutputError`, one line, exit 2."""
    if output is None or output == "-":
        if quiet:
            return
        try:
            for piece in [text] if isinstance(text, str) else text:
                click.echo(encodable(piece, sys.stdout), nl=False)
            sys.stdout.flush()
        except BrokenPipeError:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115  # so the exit flush stays quiet
            raise OutputError("<stdout>", "closed before the report was written (broken pipe)") from None
        return
    if not output.strip():
        raise OutputError(repr(output), "an empty file name")
    target = Path(output)
    from .files import atomic_write

    try:
        if target.is_dir():
            raise OutputError(output, "is a folder; name a file to write the report to")
        if target.is_symlink() and not Path(os.path.realpath(target)).parent.is_dir():
            raise OutputError(output, "a symbolic link whose target's folder does not exist")
        atomic_write(target, text)
    except OSError as err:  # a folder on the way the user may not enter, a full disk, ...
        raise OutputError(output, f"cannot write: {err.strerror or err}") from err


def encodable(text: str, stream: object) -> str:
    """``text`` as ``stream`` can encode it: a character its encoding lacks (a redirected
    standard output on Windows is cp1252) becomes ``?``, and text from a file name that is
    not UTF-8 is shown with backslash escapes, rather than a traceback mid-report.

    >>> import io
    >>> encodable("3 muertos — “ok” ✓", io.TextIOWrapper(io.BytesIO(), encoding="cp1252"))
    '3 muertos — “ok” ?'
    """
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        codecs.lookup(encoding)
    except LookupError:
        encoding = "utf-8"
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")  # lone surrogates
    return text.encode(encoding, "replace").decode(encoding)


def _show_warning(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: TextIO | None = None,
    line: str | None = None,
) -> None:
    """An :class:`InputWarning` as one ``factcheck: warning:`` line; others as Python shows them."""
    from .documents import InputWarning

    if issubclass(category, InputWarning):
        click.echo(encodable(f"factcheck: warning: {message}", sys.stderr), err=True)
    else:
        _python_warning(message, category, filename, lineno, file, line)


_python_warning = warnings.showwarning


def use_color(stream: object = None, environ: dict[str, str] | None = None) -> bool:
    """Colour only on a terminal, and never when ``NO_COLOR`` is set to anything (no-color.org).

    >>> use_color(open(os.devnull, "w"), {})
    False
    """
    env = os.environ if environ is None else environ
    if env.get("NO_COLOR", ""):
        return False
    stream = sys.stdout if stream is None else stream
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def ledger_for(settings: Settings, no_ledger: bool) -> Path | None:
    """The ledger a check reads: none with --no-ledger; the one named (option or config),
    which must exist; else ``claims`` when that folder is there."""
    from .config import DEFAULT_LEDGER

    if no_ledger:
        return None
    if settings.ledger is not None:
        return settings.ledger  # check() raises LedgerError when it is missing or unreadable
    default = Path(DEFAULT_LEDGER)
    return default if default.is_dir() else None


def writable_ledger(settings: Settings) -> Path:
    """The ledger decisions are written to: the one named, else ``claims``."""
    from .config import DEFAULT_LEDGER

    return settings.ledger if settings.ledger is not None else Path(DEFAULT_LEDGER)


QUIET = click.option(
    "--quiet",
    "-q",
    is_flag=True,
    help="Print nothing on standard output, and no progress bar (errors still go to standard error).",
)


def output_options(formats: Callable[[], Sequence[str]], default: str, fail_on: bool = True) -> Callable[[F], F]:
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
            type=LazyChoice(formats),
            default=default,
            show_default=True,
            help="Output format.",
        )(fn)
        if fail_on:
            fn = click.option(
                "--fail-on",
                type=LazyChoice(_fail_on),
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
    warnings.showwarning = _show_warning
    _freeze_at_exit()


@functools.cache
def _freeze_at_exit() -> None:
    # At exit the interpreter runs the cyclic collector over every object still alive (the
    # gazetteer's index, the vocabularies, the claims) only to free memory the process is
    # about to hand back: 0.2 s of CPU after a seed check of 0.6 s. Frozen objects are left
    # out of it; memory is still returned, and files are closed by their `with` blocks.
    atexit.register(gc.freeze)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@output_options(_claim_formats, "table", fail_on=False)
@QUIET
@handle_errors
def extract(paths: tuple[str, ...], fmt: str, output: str | None, quiet: bool) -> None:
    """Extract numeric claims from articles (files, folders, or - for standard input)."""
    from .documents import load_documents
    from .formats import CLAIM_FORMATS
    from .progress import Progress
    from .report import extract_each

    docs, errors = load_documents(paths)
    for err in errors:
        click.echo(f"factcheck: error: {err}", err=True)
    bar = Progress(sys.stderr) if not quiet else None  # after a second, on a terminal only
    try:
        claims, docs, failed = extract_each(
            sorted(docs, key=lambda d: d.id), progress=(lambda k, n, _: bar(k, n)) if bar is not None else None
        )
    finally:
        if bar is not None:
            bar.close()
    for err in failed:
        click.echo(f"factcheck: error: {err}", err=True)
    errors.extend(failed)
    write_output(CLAIM_FORMATS[fmt](claims, docs), output, quiet)
    sys.exit(2 if errors else 0)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@output_options(_report_formats, "text")
@click.option(
    "--ledger",
    type=click.Path(file_okay=False),
    default=None,
    help="Folder of editors' decisions and vetted facts; it must exist "
    "[default: [tool.factcheck] ledger, else claims when that folder exists].",
)
@click.option("--no-ledger", is_flag=True, help="Ignore the ledger: report every finding.")
@click.option(
    "--archive",
    type=click.Path(dir_okay=False),
    default=None,
    help="Check PATHS against this claim archive (factcheck archive add) rather than against each other.",
)
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
    "--estimate-dates",
    is_flag=True,
    default=None,
    help="Date articles with no published day from the others before comparing [default: off].",
)
@click.option(
    "--config",
    type=click.Path(dir_okay=False, exists=True),
    default=None,
    help="A factcheck.toml or pyproject.toml to read settings from [default: the nearest one].",
)
@QUIET
@handle_errors
def check(
    paths: tuple[str, ...],
    fmt: str,
    output: str | None,
    fail_on: str | None,
    ledger: str | None,
    no_ledger: bool,
    archive: str | None,
    show_all: bool,
    tolerance: float | None,
    same_event_days: int | None,
    window_days: int | None,
    policy: str | None,
    estimate_dates: bool | None,
    config: str | None,
    quiet: bool,
) -> None:
    """Report numbers that disagree across articles; exit 1 on undecided findings."""
    import datetime as dt
    import time

    from .config import load_settings
    from .formats import RunInfo, report_pieces
    from .report import check as run_check
    from .report import failing

    settings = load_settings(
        Path(config) if config else None,
        tolerance=tolerance,
        same_event_days=same_event_days,
        window_days=window_days,
        policy=policy,
        fail_on=fail_on,
        ledger=ledger,
        estimate_dates=estimate_dates,
    )
    if no_ledger and ledger is not None:
        raise click.UsageError("--ledger and --no-ledger contradict each other")
    settings = settings.model_copy(update={"ledger": ledger_for(settings, no_ledger)})
    started, clock = dt.datetime.now(dt.UTC), time.perf_counter()
    from .progress import Progress

    # a bar on stderr after a second, on a terminal only, never with --quiet
    bar = Progress(sys.stderr)
    try:
        if archive is not None:
            from .archive.cli import check_with_archive

            report = check_with_archive(archive, paths, settings, show_all)
        else:
            # the claims and findings of a folder live until the process ends: made with the
            # collector paused, they are then left out of its passes (gc.freeze) instead of
            # walked once more when it resumes (0.5 s after 5,000 articles, "Scale, seventh
            # pass"); reference counting still frees them
            with cycles_paused():
                report = run_check(paths, settings, show_all=show_all, progress=None if quiet else bar)
                gc.freeze()
    finally:
        bar.close()
    run = RunInfo(started=started, seconds=time.perf_counter() - clock)
    for err in report.errors:
        click.echo(f"factcheck: error: {err}", err=True)
    if not report.documents:
        click.echo("factcheck: error: no readable articles", err=True)
        sys.exit(2)
    to_terminal = output is None or output == "-"
    # the report's records, millions of objects for thousands of articles, live until the
    # end: the cycle collector walking them while the report is written was a third of
    # writing a JSON report (issue 22); rendering makes no cycles, so it is paused there.
    # The report is written as it is rendered, a piece at a time (the JSON of 5,000
    # articles is 71 MB: never held whole beside its pieces)
    with cycles_paused():
        write_output(report_pieces(fmt, report, run, color=to_terminal and use_color()), output, quiet)
    if report.errors:
        sys.exit(2)
    # "never" means never: stale decisions are reported, not failed on (docs/cli.md)
    stale = bool(report.stale) and settings.fail_on != "never"
    sys.exit(1 if failing(report, settings.fail_on) or stale else 0)


@main.command()
@click.argument("record", type=click.Choice(["claim", "report", "decision", "fact"]), default="report")
def schema(record: str) -> None:
    """Print the JSON Schema of a record (claim, report, decision or fact)."""
    import json

    from pydantic import BaseModel

    from .formats.jsonreport import ReportJSON
    from .ledger import Decision, VettedFact
    from .models import Claim

    # the report's schema is the JSON report's: claims once in a table, cited by id from the sides
    models: dict[str, type[BaseModel]] = {
        "claim": Claim,
        "report": ReportJSON,
        "decision": Decision,
        "fact": VettedFact,
    }
    model = models[record]
    click.echo(json.dumps(model.model_json_schema(), indent=2, sort_keys=True))


@main.command()
@click.argument("finding")
@click.argument("paths", nargs=-1)
@click.option(
    "--as",
    "action",
    required=True,
    type=LazyChoice(_actions),
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
    help="Folder of decisions [default: [tool.factcheck] ledger, else claims].",
)
@QUIET
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
    quiet: bool,
) -> None:
    """Record an editor's decision on FINDING (its id), atomically, in the ledger.

    With PATHS, the finding is looked up in a fresh report over them first, so a typo in
    the id is caught and the decision file names the finding and its documents."""
    from .config import load_settings
    from .errors import FindingNotFoundError
    from .ledger import Ledger
    from .report import check as run_check

    if not reviewer.strip():
        raise click.UsageError("who decides? pass --reviewer NAME (or set $FACTCHECK_REVIEWER); $USER is not set here")
    settings = load_settings(ledger=ledger)
    book = writable_ledger(settings)
    found = None
    if paths:
        report = run_check(paths, settings.model_copy(update={"ledger": None}))
        found = next((f for f in report.conflicts if f.id == finding), None)
        if found is None:
            raise FindingNotFoundError(f"no finding {finding} in a report over {' '.join(paths)}")
    decision = Ledger(book).record(finding, action, reviewer, note, found, value, value_source)
    if not quiet:
        click.echo(f"recorded {decision.decision} on {finding} in {book / 'decisions' / (finding + '.yaml')}")


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--ledger",
    type=click.Path(file_okay=False),
    default=None,
    help="Folder of decisions [default: [tool.factcheck] ledger, else claims].",
)
@click.option("--dry-run", is_flag=True, help="Say what would move, write nothing.")
@handle_errors
def migrate(paths: tuple[str, ...], ledger: str | None, dry_run: bool) -> None:
    """Carry decisions made by an older factcheck over to today's findings over PATHS.

    A decision whose finding was split (one finding of three sides is now pairs) moves to
    each finding it covered: same documents, same figures. Run it once after upgrading."""
    from .config import load_settings
    from .ledger import Ledger
    from .migration import migrate as carry
    from .report import check as run_check

    settings = load_settings(ledger=ledger)
    report = run_check(paths, settings.model_copy(update={"ledger": None}))  # every finding, decided or not
    moved = carry(Ledger(writable_ledger(settings)), report.conflicts, dry_run=dry_run)
    for m in moved:
        click.echo(f"{'would move' if dry_run else 'moved'} {m.old} -> {', '.join(m.new)}  ({m.title[:80]})")
    click.echo(f"{len(moved)} decision{'s' if len(moved) != 1 else ''} carried over")


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--ledger",
    type=click.Path(file_okay=False),
    default=None,
    help="Folder decisions are written to [default: [tool.factcheck] ledger, else claims].",
)
@click.option("--port", type=click.IntRange(0, 65535), default=None, help="Port to listen on [default: a free one].")
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to bind; keep the loopback default unless you know why (see docs/review.md).",
)
@click.option("--no-browser", is_flag=True, help="Print the URL but do not open a browser.")
@click.option(
    "--archive",
    type=click.Path(dir_okay=False),
    default=None,
    help="Review the findings of PATHS checked against this claim archive.",
)
@handle_errors
def review(
    paths: tuple[str, ...], ledger: str | None, port: int | None, host: str, no_browser: bool, archive: str | None
) -> None:
    """Serve the editors' review page for the findings over PATHS on localhost."""
    from .config import load_settings
    from .documents import load_documents
    from .project import install_hint

    try:
        from .review import serve
    except ImportError as err:  # pragma: no cover - the review extra is not installed
        raise click.UsageError(f"the review page needs the 'review' extra: {install_hint('review')} ({err})") from err
    settings = load_settings(ledger=ledger)
    load_documents(paths)  # fail early, with the usual one-line error, on unreadable input
    if archive is not None:
        from .archive import Archive

        Archive(archive).stats()  # a missing or foreign archive fails now, in one line
    serve(
        paths,
        writable_ledger(settings),
        host=host,
        port=port,
        open_browser=not no_browser,
        settings=settings,
        archive=archive,
    )


def _register_archive() -> None:
    from .archive.cli import archive_group

    main.add_command(archive_group)


_register_archive()

if __name__ == "__main__":  # pragma: no cover
    main()
