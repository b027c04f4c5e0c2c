"""The ``archive`` command group (``add``, ``stats``, ``export``) and the helpers that
``check --archive`` and ``review --archive`` call. Registered on the main command group
by one line in ``factcheck/cli.py``; every command calls :class:`Archive` methods."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from ..config import Settings
    from ..findings import Report
    from .store import Archive

ARCHIVE_HELP = "The archive file (SQLite; made by the first add)."


def _archive(path: str) -> Archive:
    from .store import Archive

    # one command reads each block once: nothing to keep for a next check (see ``cache``)
    return Archive(path, cache_claims=0)


def _progress_bar(total: int) -> Any:
    """A progress bar on standard error when it is a terminal and the run is long, else None."""
    if total < 20 or not sys.stderr.isatty():
        return None
    return click.progressbar(length=total, label="archiving", file=sys.stderr, show_pos=True, show_eta=True)


@click.group("archive")
def archive_group() -> None:
    """Keep extracted claims in an archive file and check new articles against it."""


@archive_group.command("add")
@click.argument("paths", nargs=-1, required=True)
@click.option("--archive", "path", required=True, type=click.Path(dir_okay=False), help=ARCHIVE_HELP)
@click.option("--quiet", "-q", is_flag=True, help="Print no summary.")
def add(paths: tuple[str, ...], path: str, quiet: bool) -> None:
    """Extract the articles under PATHS whose content is not archived yet, and store them."""
    from ..cli import handle_errors

    @handle_errors
    def run() -> None:
        with _archive(path) as archive:
            archive._conn(create=True)  # a foreign file is one error line before any article is read
            bar = None
            state: dict[str, Any] = {}

            def progress(done: int, total: int) -> None:
                if "bar" not in state:
                    state["bar"] = _progress_bar(total)
                    if state["bar"] is not None:
                        state["bar"].__enter__()
                if state["bar"] is not None:
                    state["bar"].update(1)

            try:
                summary = archive.add(list(paths), progress=progress)
            finally:
                bar = state.get("bar")
                if bar is not None:
                    bar.__exit__(None, None, None)
        for err in summary.errors:
            click.echo(f"factcheck: error: {err}", err=True)
        if not quiet:
            click.echo(f"{path}: {summary.line()}")
        if summary.added + summary.unchanged + summary.replaced == 0:
            click.echo("factcheck: error: no readable articles", err=True)
            sys.exit(2)
        sys.exit(2 if summary.errors else 0)

    run()


@archive_group.command("stats")
@click.option("--archive", "path", required=True, type=click.Path(dir_okay=False), help=ARCHIVE_HELP)
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
def stats(path: str, fmt: str) -> None:
    """Say what the archive holds: documents, claims, languages, dates, size."""
    from ..cli import handle_errors

    @handle_errors
    def run() -> None:
        with _archive(path) as archive:
            s = archive.stats()
        if fmt == "json":
            click.echo(json.dumps(s.model_dump(), indent=2, sort_keys=True))
            return
        langs = ", ".join(f"{k} {v}" for k, v in s.languages.items())
        click.echo(
            f"{s.path} (schema {s.schema_version}): {s.documents} documents, {s.claims} claims, "
            f"{s.block_keys} blocking keys, {s.outlets} outlets"
        )
        click.echo(f"languages: {langs or '-'}; published {s.first_published or '?'} to {s.last_published or '?'}")
        click.echo(f"size: {s.bytes / 2**20:.1f} MiB")

    run()


@archive_group.command("export")
@click.option("--archive", "path", required=True, type=click.Path(dir_okay=False), help=ARCHIVE_HELP)
@click.option(
    "--parquet",
    "folder",
    required=True,
    type=click.Path(file_okay=False),
    help="Folder to write documents/, claims/ and blocks/ Parquet files into.",
)
def export(path: str, folder: str) -> None:
    """Export the archive as Parquet, for the Spark run (docs/archive.md)."""
    from ..cli import handle_errors

    @handle_errors
    def run() -> None:
        with _archive(path) as archive:
            written = archive.export_parquet(folder)
        click.echo(f"wrote {', '.join(str(p) for p in written)}")

    run()


def check_with_archive(path: str, paths: tuple[str, ...], settings: Settings, show_all: bool) -> Report:
    """What ``check --archive`` reports: the drafts under PATHS against the archive."""
    with _archive(path) as archive:
        return archive.check(paths, settings, show_all=show_all)
