"""Progress reporting for the CLI: a rich progress bar, JSON lines, or nothing.

The bar appears only on a terminal and only once a run has lasted a couple of seconds, so short
runs stay quiet; ``--log-json`` writes one JSON object per progress step to stderr instead.
"""

from __future__ import annotations

import json
import sys
import time
from typing import IO

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

SHOW_BAR_AFTER_S = 2.0
JSON_MIN_INTERVAL_S = 0.5


class ProgressReporter:
    """Callable progress sink: ``reporter(stage, done, total, message)``."""

    def __init__(self, mode: str = "bar", stream: IO[str] | None = None) -> None:
        self.mode = mode  # "bar", "json" or "quiet"
        self.stream = stream or sys.stderr
        self.started = time.monotonic()
        self._last_json = 0.0
        self._bar: Progress | None = None
        self._tasks: dict[str, int] = {}

    def __call__(self, stage: str, done: int, total: int | None, message: str) -> None:
        if self.mode == "json":
            self._json(stage, done, total, message)
        elif self.mode == "bar":
            self._advance_bar(stage, done, total)

    def log(self, message: str) -> None:
        """A line for the user (rejections, summary) that is not progress."""
        if self.mode == "json":
            self.stream.write(json.dumps({"event": "message", "message": message}) + "\n")
        elif self.mode == "bar":
            if self._bar is not None:
                self._bar.console.print(message, markup=False, highlight=False)
            else:
                self.stream.write(message + "\n")

    def close(self) -> None:
        """Stop the bar, if one is shown."""
        if self._bar is not None:
            self._bar.stop()
            self._bar = None

    def _json(self, stage: str, done: int, total: int | None, message: str) -> None:
        now = time.monotonic()
        final = total is not None and done >= total
        if not message and not final and now - self._last_json < JSON_MIN_INTERVAL_S:
            return
        self._last_json = now
        record = {"event": "progress", "stage": stage, "done": done, "total": total,
                  "elapsed_s": round(now - self.started, 2)}
        if message:
            record["message"] = message
        self.stream.write(json.dumps(record) + "\n")
        self.stream.flush()

    def _advance_bar(self, stage: str, done: int, total: int | None) -> None:
        if self._bar is None:
            if time.monotonic() - self.started < SHOW_BAR_AFTER_S or not self.stream.isatty():
                return
            self._bar = Progress(
                TextColumn("{task.description:<8}"), BarColumn(), MofNCompleteColumn(),
                TimeElapsedColumn(), console=Console(file=self.stream), transient=False,
            )
            self._bar.start()
        if stage not in self._tasks:
            self._tasks[stage] = self._bar.add_task(stage, total=total)
        self._bar.update(self._tasks[stage], completed=done, total=total)
