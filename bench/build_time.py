"""Time ``storyline build`` on a corpus: median wall time and peak memory of the process tree.

Usage: python bench/build_time.py [INPUT ...] [--runs N] [--workers N] [-- extra build args]
With no INPUT it builds the bundled corpus (what ``make run`` does). Each run starts from an
empty output folder (no cache). Last line: one JSON object with the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

POLL_S = 0.1


def _tree_rss_kib(root: int) -> int:
    """Resident memory of a process and all its descendants, in KiB."""
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        try:
            status = Path(f"/proc/{pid}/status").read_text()
            total += next(int(l.split()[1]) for l in status.splitlines() if l.startswith("VmRSS:"))
            for task in Path(f"/proc/{pid}/task").iterdir():
                stack.extend(int(c) for c in (task / "children").read_text().split())
        except (OSError, StopIteration, ValueError):
            continue
    return total


def run_once(command: list[str]) -> tuple[float, float, int]:
    """Run a command; return (seconds, peak MiB of its process tree, exit code)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    while process.poll() is None:
        peak = max(peak, _tree_rss_kib(process.pid))
        time.sleep(POLL_S)
    return time.perf_counter() - start, peak / 1024, process.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workers", type=int, default=None)
    args, extra = parser.parse_known_args()
    storyline = str(Path(sys.executable).with_name("storyline"))
    seconds, peaks = [], []
    for i in range(args.runs):
        with tempfile.TemporaryDirectory() as out:
            command = [storyline, "build", *args.inputs, "-o", out, "-q", "--no-cache", *extra]
            if args.workers:
                command += ["--workers", str(args.workers)]
            elapsed, peak, code = run_once(command)
            run = json.loads((Path(out) / "run.json").read_text())
        print(f"run {i + 1}: {elapsed:.1f} s, peak {peak:.0f} MiB, exit {code}, "
              f"{run['balance']}, stages {run['seconds']}")
        seconds.append(elapsed)
        peaks.append(peak)
    print(json.dumps({
        "runs": args.runs, "cpus": os.cpu_count(), "median_s": round(statistics.median(seconds), 1),
        "peak_mib": round(max(peaks)), "articles_in": run["counts"]["in"],
        "stored": run["counts"]["stored"], "events": run["counts"]["events"],
    }))


if __name__ == "__main__":
    main()
