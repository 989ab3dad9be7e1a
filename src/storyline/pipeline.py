"""The whole flow: ingest -> annotate/extract (per article) -> link -> assemble -> export.

``build`` is what ``storyline build`` runs. Every stage is a plain function taking the previous
stage's records; this module only wires them, keeps the counts and timings for ``run.json``, and
reports progress through a callback.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import storyline
from storyline.cache import AnalysisCache
from storyline.engine import analyse_articles
from storyline.model import Article, ArticleAnalysis, Rejection, Timeline

LOGGER = logging.getLogger(__name__)

# progress(stage, done, total, message)
ProgressCallback = Callable[[str, int, int | None, str], None]


def _no_progress(stage: str, done: int, total: int | None, message: str) -> None:
    return None


@dataclass
class BuildOptions:
    """What to build from and how."""

    inputs: Sequence[str]
    outdir: Path
    manifest: str | None = None
    published: dt.date | None = None
    field_map: Mapping[str, str] = field(default_factory=dict)
    workers: int = 1
    use_cache: bool = True
    stdin: IO[str] | None = None


@dataclass
class BuildResult:
    """What a build produced: the timeline, the run report and the files written."""

    timeline: Timeline
    report: dict[str, Any]
    files: dict[str, Path]

    @property
    def rejected(self) -> int:
        """Number of rejected inputs."""
        return int(self.report["counts"]["rejected"])


@dataclass
class IngestOutcome:
    """Articles kept, inputs rejected, and duplicates dropped by ingestion."""

    articles: list[Article] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)
    duplicates: list[dict[str, str]] = field(default_factory=list)


def ingest(options: BuildOptions, progress: ProgressCallback = _no_progress) -> IngestOutcome:
    """Read every input into articles, rejecting bad ones and dropping duplicates."""
    from storyline.ingest import DuplicateFilter, load_manifest, read_inputs

    manifest = load_manifest(options.manifest) if options.manifest else None
    outcome = IngestOutcome()
    duplicates = DuplicateFilter()
    records = read_inputs(
        options.inputs,
        manifest=manifest,
        published=options.published,
        field_map=options.field_map or None,
        stdin=options.stdin,
    )
    for record in records:
        if isinstance(record, Rejection):
            outcome.rejections.append(record)
            progress("ingest", len(outcome.articles), None, f"rejected {record.source}: {record.reason}")
            continue
        original = duplicates.check(record)
        if original is not None:
            outcome.duplicates.append({"source": record.source, "duplicate_of": original})
            continue
        outcome.articles.append(record)
        progress("ingest", len(outcome.articles), None, "")
    return outcome


def analyse(
    articles: Sequence[Article],
    options: BuildOptions,
    timings: dict[str, float],
    progress: ProgressCallback = _no_progress,
) -> list[ArticleAnalysis]:
    """Run the per-article stages, reusing cached analyses (a killed run resumes here)."""
    cache = AnalysisCache(options.outdir) if options.use_cache else None
    done: dict[str, ArticleAnalysis] = cache.get_many(a.id for a in articles) if cache else {}
    timings["cached_articles"] = float(len(done))
    todo = [a for a in articles if a.id not in done]
    total = len(articles)
    progress("analyse", len(done), total, "")
    try:
        for chunk, chunk_timings in analyse_articles(todo, workers=options.workers):
            for stage, seconds in chunk_timings.items():
                timings[stage] = timings.get(stage, 0.0) + seconds
            for analysis in chunk:
                done[analysis.article.id] = analysis
            if cache:
                cache.put_many(chunk)
            progress("analyse", len(done), total, "")
    finally:
        if cache:
            cache.close()
    return [done[a.id] for a in articles]


def link_and_assemble(analyses: Sequence[ArticleAnalysis], timings: dict[str, float]) -> Timeline:
    """Canonicalise entities, link event mentions across articles, and assemble the timeline."""
    from storyline.entities import canonicalize
    from storyline.link import link_events
    from storyline.timeline import assemble

    start = time.perf_counter()
    entities, entity_of_mention = canonicalize(
        (m for a in analyses for m in a.entities), (p for a in analyses for p in a.places)
    )
    timings["entities_link"] = time.perf_counter() - start
    start = time.perf_counter()
    clusters = link_events(analyses, entity_of_mention)
    timings["events_link"] = time.perf_counter() - start
    start = time.perf_counter()
    timeline = assemble(analyses, clusters, entities, entity_of_mention)
    timings["assemble"] = time.perf_counter() - start
    return timeline


def build(options: BuildOptions, progress: ProgressCallback = _no_progress) -> BuildResult:
    """Build the timeline of the given inputs and write every export into ``options.outdir``."""
    from storyline.export import write_all

    started = time.perf_counter()
    timings: dict[str, float] = {}

    clock = time.perf_counter()
    outcome = ingest(options, progress)
    timings["ingest"] = time.perf_counter() - clock

    clock = time.perf_counter()
    analyses = analyse(outcome.articles, options, timings, progress)
    timings["analyse"] = time.perf_counter() - clock

    progress("link", 0, None, "")
    timeline = link_and_assemble(analyses, timings)

    report = run_report(options, outcome, timeline, timings)
    report["seconds"]["total"] = round(time.perf_counter() - started, 3)  # provisional, for the report
    clock = time.perf_counter()
    files = write_all(timeline, report, options.outdir)
    report["seconds"]["export"] = round(time.perf_counter() - clock, 3)
    report["seconds"]["total"] = round(time.perf_counter() - started, 3)
    # run.json is rewritten with the export and total times now known
    files["run.json"] = _write_json(options.outdir / "run.json", report)
    return BuildResult(timeline=timeline, report=report, files=files)


def run_report(
    options: BuildOptions,
    outcome: IngestOutcome,
    timeline: Timeline,
    timings: Mapping[str, float],
) -> dict[str, Any]:
    """The run report: counts (in = stored + rejected + duplicates), rejections, timings."""
    stored = len(outcome.articles)
    rejected = len(outcome.rejections)
    duplicates = len(outcome.duplicates)
    cached = int(timings.get("cached_articles", 0))
    return {
        "format": "storyline-run/1",
        "storyline": storyline.__version__,
        "generated": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "inputs": list(options.inputs),
        "manifest": options.manifest,
        "counts": {
            "in": stored + rejected + duplicates,
            "stored": stored,
            "rejected": rejected,
            "duplicates": duplicates,
            "resumed_from_cache": cached,
            "events": len(timeline.events),
            "undated_events": len(timeline.undated),
            "entities": len(timeline.entities),
            "event_mentions": sum(len(e.mentions) for e in (*timeline.events, *timeline.undated)),
        },
        "balance": f"in {stored + rejected + duplicates} = stored {stored} + rejected {rejected}"
        f" + duplicates {duplicates}",
        "rejections": [
            {"source": r.source, "reason": r.reason, "detail": r.detail} for r in outcome.rejections
        ],
        "duplicates": outcome.duplicates,
        "notes": [
            {"article_id": a.id, "source": a.source, "note": note}
            for a in outcome.articles
            for note in a.notes
        ],
        "seconds": {k: round(v, 3) for k, v in timings.items() if k != "cached_articles"},
    }


def _write_json(path: Path, data: Mapping[str, Any]) -> Path:
    import json

    path.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
    return path
