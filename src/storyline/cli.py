"""Command line: ``storyline build``. Thin: parses arguments and calls ``storyline.pipeline``.

Exit codes: 0 everything was stored; 1 the timeline was built but some inputs were rejected
(reasons in run.json and on stderr); 2 usage error; 3 no article could be stored.
"""

from __future__ import annotations

import datetime as dt
import logging
import sys
from pathlib import Path

import click

from storyline import __version__
from storyline.cli_params import parse_iso_date

EXIT_OK = 0
EXIT_SOME_REJECTED = 1
EXIT_USAGE = 2
EXIT_NOTHING_STORED = 3


def _parse_fields(values: tuple[str, ...]) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for value in values:
        name, sep, column = value.partition("=")
        if not sep or not name.strip() or not column.strip():
            raise click.BadParameter(f"expected NAME=COLUMN, got {value!r}", param_hint="--field")
        mapping[name.strip()] = column.strip()
    return mapping



@click.group()
@click.version_option(__version__, prog_name="storyline")
def main() -> None:
    """Turn news articles into the sourced, dated, placed timeline they tell."""


@main.command()
@click.argument("inputs", nargs=-1)
@click.option("-o", "--outdir", default="out", show_default=True, type=click.Path(file_okay=False),
              help="Folder for timeline.json, the other exports, report.html and run.json.")
@click.option("--manifest", type=click.Path(exists=True, dir_okay=False),
              help="JSONL or CSV keyed by file name or URL giving outlet, published, title, url.")
@click.option("--published", callback=parse_iso_date, metavar="DATE",
              help="Publication date (YYYY-MM-DD) for a single undated input.")
@click.option("--field", "fields", multiple=True, metavar="NAME=COLUMN",
              help="Map a field (text, title, outlet, published, url) to a JSON/CSV column.")
@click.option("--workers", type=int, default=None,
              help="Worker processes for the per-article stages [default: CPUs, at most 4].")
@click.option("--no-cache", is_flag=True, help="Re-analyse every article instead of resuming.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary.")
@click.option("--log-json", is_flag=True, help="Progress and messages as JSON lines on stderr.")
@click.option("-v", "--verbose", count=True, help="Log more (-vv for debug).")
def build(inputs: tuple[str, ...], outdir: str, manifest: str | None, published: dt.date | None,
          fields: tuple[str, ...], workers: int | None, no_cache: bool, quiet: bool,
          log_json: bool, verbose: int) -> None:
    """Build the timeline of INPUT files, folders, or - (JSONL on stdin).

    With no INPUT, builds the bundled sample corpus (two seed articles and FA-KES).
    """
    from storyline.corpus import sample_inputs
    from storyline.engine.local import default_workers
    from storyline.pipeline import BuildOptions, build as run_build
    from storyline.progress import ProgressReporter

    logging.basicConfig(level=(logging.WARNING, logging.INFO, logging.DEBUG)[min(verbose, 2)],
                        format="%(levelname)s %(name)s: %(message)s")
    field_map = _parse_fields(fields)
    input_list = list(inputs)
    if not input_list:
        try:
            input_list, sample_manifest = sample_inputs()
        except FileNotFoundError as error:
            raise click.UsageError(str(error)) from None
        manifest = manifest or sample_manifest
    if published is not None and len(input_list) > 1:
        raise click.UsageError("--published applies to a single input; use --manifest for several")

    reporter = ProgressReporter("json" if log_json else "quiet" if quiet else "bar")
    options = BuildOptions(
        inputs=input_list, outdir=Path(outdir), manifest=manifest, published=published,
        field_map=field_map, workers=workers or default_workers(), use_cache=not no_cache,
        stdin=sys.stdin if "-" in input_list else None,
    )
    try:
        result = run_build(options, progress=reporter)
    finally:
        reporter.close()

    for rejection in result.report["rejections"]:
        detail = f" ({rejection['detail']})" if rejection["detail"] else ""
        click.echo(f"rejected {rejection['source']}: {rejection['reason']}{detail}", err=True)
    counts = result.report["counts"]
    if not quiet:
        reporter.log(
            f"{result.report['balance']}; {counts['events']} dated events, "
            f"{counts['undated_events']} undated; report: {result.files['report.html']}"
        )
    if counts["stored"] == 0:
        sys.exit(EXIT_NOTHING_STORED)
    sys.exit(EXIT_SOME_REJECTED if result.rejected else EXIT_OK)


def _register_subcommands() -> None:
    from storyline.cli_timeline import timeline_command

    main.add_command(timeline_command, "timeline")


_register_subcommands()
