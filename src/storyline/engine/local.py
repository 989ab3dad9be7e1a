"""Runs the per-article stages over many articles, in this process or in worker processes.

Articles are processed in chunks; each chunk is parsed with ``nlp.pipe`` and analysed, and its
results are handed back in input order together with the seconds spent per stage. With
``workers > 1`` chunks go to a pool of processes that each load the spaCy pipeline once.
"""

from __future__ import annotations

import dataclasses
import logging
import multiprocessing
import os
import time
from collections.abc import Iterator, Sequence

from storyline import nlp
from storyline.analyse import analyse_doc
from storyline.model import Article, ArticleAnalysis

LOGGER = logging.getLogger(__name__)

CHUNK_SIZE = 16

ChunkResult = tuple[list[ArticleAnalysis], dict[str, float]]


def analyse_chunk(articles: Sequence[Article]) -> ChunkResult:
    """Parse and analyse a chunk of articles; return analyses and seconds per stage."""
    timings: dict[str, float] = {}
    results: list[ArticleAnalysis] = []
    start = time.perf_counter()
    docs = list(nlp.annotate(a.text for a in articles))
    timings["spacy"] = time.perf_counter() - start
    for doc, article in zip(docs, articles):
        try:
            results.append(analyse_doc(doc, article, timings))
        except Exception as error:  # one article's failure must not stop the batch
            LOGGER.exception("analysis of %s failed", article.source or article.id)
            note = f"analysis failed: {type(error).__name__}: {error}"
            failed = dataclasses.replace(article, notes=(*article.notes, note))
            results.append(ArticleAnalysis(article=failed))
    return results, timings


def _warm_worker() -> None:
    nlp.load()


def default_workers() -> int:
    """Worker processes to use by default: the CPUs this process may run on, at most 4."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, 4))


def analyse_articles(
    articles: Sequence[Article], workers: int = 1, chunk_size: int = CHUNK_SIZE
) -> Iterator[ChunkResult]:
    """Yield (analyses, timings) chunk by chunk, in input order."""
    chunks = [articles[i : i + chunk_size] for i in range(0, len(articles), chunk_size)]
    if workers <= 1 or len(chunks) <= 1:
        for chunk in chunks:
            yield analyse_chunk(chunk)
        return
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    with context.Pool(processes=workers, initializer=_warm_worker) as pool:
        yield from pool.imap(analyse_chunk, chunks)
