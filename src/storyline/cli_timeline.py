"""``storyline timeline``: query an existing build without re-processing its articles.

Reads the build's ``timeline.json`` (which carries every article's text) back into records
(``storyline.timeline.load``), applies the query (``storyline.timeline.query``) and writes the
same exports as ``storyline build`` (``storyline.export.write_all``) into another folder. The
lead registers it with ``main.add_command(timeline_command, "timeline")``.

Exit codes: 0 written, with at least one event; 1 written, but the query matched no event (the
exports are valid and empty; stderr says which filter emptied it and suggests close names);
2 usage error (no build, unreadable timeline.json, output = input, --from after --to).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import time
from pathlib import Path
from typing import Any

import click

from storyline import __version__
from storyline.cli_params import parse_iso_date

EXIT_OK = 0
EXIT_NO_MATCH = 1
EXIT_USAGE = 2
READ_AS_SHOWN = 5  # entity names listed in the "read as" line



def _about(values: tuple[str, ...]) -> tuple[str, ...]:
    """Keywords from repeated ``--about`` options, each also split on commas."""
    return tuple(word.strip() for value in values for word in value.split(",") if word.strip())


@click.command(name="timeline")
@click.option("--from-build", "from_build", default="out", show_default=True,
              type=click.Path(file_okay=False), help="Folder of an earlier `storyline build` (its timeline.json).")
@click.option("-o", "--outdir", default=None, type=click.Path(file_okay=False),
              help="Folder for the queried exports [default: FROM_BUILD/query].")
@click.option("--about", multiple=True, metavar="TEXT", help="Keywords: keep events whose text has any of them.")
@click.option("--entity", metavar="NAME", help="Keep events with this person, group or organisation.")
@click.option("--place", metavar="NAME", help="Keep events at this place (or in this region or country).")
@click.option("--from", "start", callback=parse_iso_date, metavar="DATE", help="Keep events on or after DATE.")
@click.option("--to", "end", callback=parse_iso_date, metavar="DATE", help="Keep events on or before DATE.")
@click.option("--max-dates", type=click.IntRange(min=1), help="Keep the N most important days.")
@click.option("--sentences-per-date", type=click.IntRange(min=1),
              help="Summarise each kept day in K sentences extracted from its sources.")
@click.option("--events-per-date", type=click.IntRange(min=0),
              help="Keep the N most important events of each kept day; 0 = all "
                   "[default: 3 with --max-dates, else all].")
@click.option("-q", "--quiet", is_flag=True, help="No summary line.")
def timeline_command(from_build: str, outdir: str | None, about: tuple[str, ...], entity: str | None,
                     place: str | None, start: dt.date | None, end: dt.date | None, max_dates: int | None,
                     sentences_per_date: int | None, events_per_date: int | None, quiet: bool) -> None:
    """Query the timeline of an existing build and write the same exports as `build`."""
    from storyline.export import write_all
    from storyline.timeline.load import load_timeline
    from storyline.timeline.query import TimelineQuery, run_query

    logging.basicConfig(level=logging.WARNING)
    source = Path(from_build)
    target = Path(outdir) if outdir else source / "query"
    if not (source / "timeline.json").is_file():
        raise click.UsageError(f"{source / 'timeline.json'} not found: run `storyline build -o {source}` first")
    if target.resolve() == source.resolve():
        raise click.UsageError("the output folder must differ from the build folder (it would overwrite it)")
    if start and end and start > end:
        raise click.UsageError(f"--from {start} is after --to {end}")
    started = time.perf_counter()
    try:
        timeline = load_timeline(source)
    except (ValueError, KeyError, TypeError, json.JSONDecodeError) as error:
        raise click.UsageError(f"cannot read {source / 'timeline.json'}: {error}") from None
    query = TimelineQuery(about=_about(about), entity=entity, place=place, start=start, end=end,
                          max_dates=max_dates, sentences_per_date=sentences_per_date,
                          events_per_date=events_per_date)
    result = run_query(timeline, query)
    report = _report(source, query, result, len(timeline.events) + len(timeline.undated))
    report["seconds"]["query"] = round(time.perf_counter() - started, 3)
    write_all(result.timeline, report, target)
    kept = len(result.timeline.events) + len(result.timeline.undated)
    if not quiet:
        for line in _readings(query, result.resolution):
            click.echo(line, err=True)
    for note in result.resolution.notes:
        click.echo(f"note: {note}", err=True)
    if not quiet:
        click.echo(_summary_line(result, target), err=True)
    if kept == 0:
        click.get_current_context().exit(EXIT_NO_MATCH)


def _summary_line(result: Any, target: Path) -> str:
    """The closing line: "24 events on 8 dates (63 more events of those dates left out: ...) written to DIR"."""
    dates = len({e.date.value for e in result.timeline.events if e.date})
    line = f"{len(result.timeline.events)} events on {dates} dates"
    if result.timeline.undated:
        line += f" and {len(result.timeline.undated)} undated events"
    if result.left_out:
        line += f" ({result.left_out} more events of those dates left out: --events-per-date)"
    if result.resolution.coarse_dates_left_out:
        line += f" ({result.resolution.coarse_dates_left_out} events dated too coarsely for --from/--to left out)"
    return f"{line} written to {target}"


def _readings(query: Any, resolution: Any) -> list[str]:
    """What the --entity and --place names were read as ("--entity 'ISIL' read as: Islamic State")."""
    lines = []
    if query.entity and resolution.entities:
        names = [entity.name for entity in resolution.entities]
        more = f" and {len(names) - READ_AS_SHOWN} more" if len(names) > READ_AS_SHOWN else ""
        lines.append(f"--entity {query.entity!r} read as: {', '.join(names[:READ_AS_SHOWN])}{more}")
    elif query.entity and resolution.alone.get("entity"):
        lines.append(f"--entity {query.entity!r}: no entity by that name; events whose sources mention it")
    if query.place and resolution.places:
        from storyline.timeline.query import place_label

        readings = [f"{place_label(p)}: {n} events" for p, n in zip(resolution.places, resolution.place_events,
                                                                     strict=False)]
        lines.append(f"--place {query.place!r} read as: {', '.join(readings)}")
    return lines


def _query_text(query: Any) -> str:
    """The query as command-line options, for the report ("--about Palmyra --max-dates 8")."""
    parts = [f"--about {word}" for word in query.about]
    options = (("--entity", query.entity), ("--place", query.place), ("--from", query.start), ("--to", query.end),
               ("--max-dates", query.max_dates), ("--events-per-date", query.events_per_date),
               ("--sentences-per-date", query.sentences_per_date))
    parts += [f"{option} {value}" for option, value in options if value is not None]
    return " ".join(parts) or "(everything)"


def _report(source: Path, query: Any, result: Any, events_before: int) -> dict[str, Any]:
    """The build's run report (when readable) with the query, what its names were read as, the
    kept days (events kept and left out per day) and the new counts added."""
    timeline = result.timeline
    report: dict[str, Any] = {}
    run_json = source / "run.json"
    if run_json.is_file():
        try:
            report = json.loads(run_json.read_text(encoding="utf-8"))
        except json.JSONDecodeError:
            report = {}
    report.setdefault("format", "storyline-run/1")
    report["storyline"] = __version__
    report["generated"] = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    report["from_build"] = str(source)
    report["query"] = {
        "about": list(query.about),
        "entity": query.entity,
        "place": query.place,
        "from": query.start.isoformat() if query.start else None,
        "to": query.end.isoformat() if query.end else None,
        "max_dates": query.max_dates,
        "sentences_per_date": query.sentences_per_date,
        "events_per_date": query.events_per_date,
    }
    report["query_text"] = _query_text(query)
    report["query_matches"] = result.resolution.as_dict()
    report["dates"] = [day.as_dict() for day in result.days]
    counts = report.setdefault("counts", {})
    counts["events_in_build"] = events_before
    counts["events"] = len(timeline.events)
    counts["undated_events"] = len(timeline.undated)
    counts["events_left_out_on_kept_dates"] = result.left_out
    counts["events_dated_too_coarsely"] = result.resolution.coarse_dates_left_out
    report["seconds"] = {}
    return report
