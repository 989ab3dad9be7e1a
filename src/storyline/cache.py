"""A resumable cache of per-article analyses in one SQLite file in the output folder.

Each analysed article is stored as soon as its batch finishes, keyed by article id and a
fingerprint of the code and data of the per-article stages. A killed run therefore resumes where
it stopped, and a re-run after a code change re-analyses everything.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import pickle
import sqlite3
from collections.abc import Iterable
from pathlib import Path

import storyline
from storyline.model import ArticleAnalysis

LOGGER = logging.getLogger(__name__)

CACHE_NAME = ".storyline-cache.sqlite"
# Parts of the package whose code or data change what an analysis contains.
PER_ARTICLE_PARTS = ("model.py", "nlp.py", "analyse.py", "time", "geo", "entities", "events")


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash of the source and data files of the per-article stages."""
    root = Path(storyline.__file__).parent
    digest = hashlib.sha1(storyline.__version__.encode())
    for part in PER_ARTICLE_PARTS:
        path = root / part
        files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
        for file in files:
            if "__pycache__" in file.parts:
                continue
            digest.update(str(file.relative_to(root)).encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()[:16]


class AnalysisCache:
    """Stores and retrieves ``ArticleAnalysis`` records by article id."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / CACHE_NAME
        self.version = code_fingerprint()
        self._db = sqlite3.connect(self.path)
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS analyses ("
            "article_id TEXT PRIMARY KEY, version TEXT NOT NULL, blob BLOB NOT NULL)"
        )
        self._db.commit()

    def get_many(self, article_ids: Iterable[str]) -> dict[str, ArticleAnalysis]:
        """Cached analyses of the given articles made by the current code."""
        found: dict[str, ArticleAnalysis] = {}
        ids = list(article_ids)
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                f"SELECT article_id, blob FROM analyses WHERE version = ? AND article_id IN ({marks})",
                [self.version, *chunk],
            )
            for article_id, blob in rows:
                try:
                    found[article_id] = pickle.loads(blob)
                except Exception as error:  # a stale or damaged entry is just recomputed
                    LOGGER.debug("ignoring cached analysis of %s: %s", article_id, error)
        return found

    def put_many(self, analyses: Iterable[ArticleAnalysis]) -> None:
        """Store analyses and commit, so a killed run keeps them."""
        rows = [
            (a.article.id, self.version, pickle.dumps(a, protocol=pickle.HIGHEST_PROTOCOL))
            for a in analyses
        ]
        self._db.executemany("INSERT OR REPLACE INTO analyses VALUES (?, ?, ?)", rows)
        self._db.commit()

    def close(self) -> None:
        """Close the database file."""
        self._db.close()
